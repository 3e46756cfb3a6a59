"""What one sentence says that matters for cases: stage steps, countries, services, people.

``facts_of`` reads a sentence once with the rule tables and keeps every hit with its offsets
inside the sentence; segmentation and the per-field extractors work from these records only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spyglass.understand import quantities
from spyglass.understand.lexicon import hits
from spyglass.understand.lexicon.hits import Hit
from spyglass.understand.quantities import Quantity
from spyglass.understand.sentences import Sentence
from spyglass.understand.tables.cues import cue

__all__ = ["SentenceFacts", "facts_of", "ESPIONAGE_CUE", "INTRODUCED"]

ESPIONAGE_CUE = re.compile(
    r"spy|spie[sd]|spying|espionage|intelligence|secrets?\b|classified|agent of|on behalf of|treason|"
    r"national security|official secrets|foreign interference|sabotage|Spion|espionn|espiona|spionaggio|\bspia\b|informant|illegals?\b|"
    r"Geheimdienst|Nachrichtendienst|renseignement|inteligencia|servizi segreti",
    re.I,
)
# ... and the spying words of the language being read (its cue file's rows)
_SPYING_WORD = cue("case.spying_word")
# A person introduced with an age ("Dale Hockley, 52, of ...", "identified as Thomas H.") or as
# one of a group ("Among those sent home was Anna Chapman"): news
# introduces the accused so in the sentence after the one that reports the step.
INTRODUCED = re.compile(r"[A-Z][\w.'’-]+,\s+\d{2}\s*,|\b[Tt]he [a-z]+, (?=[A-Z][\w'’-]+(?: [A-Z][\w.'’-]*)+,)|\b(?:identified|named|known) (?:only )?as\s+[A-Z]|(?:" + cue("person.among").pattern + ")(?=[A-Z])|"
                        + cue("person.surnamed").pattern + "|" + cue("person.aged").pattern)


@dataclass
class SentenceFacts:
    """Hits of one sentence (offsets relative to the sentence)."""

    index: int
    sentence: Sentence
    is_title: bool = False
    stages: list[Hit] = field(default_factory=list)  # done steps only
    countries: list[Hit] = field(default_factory=list)
    places: list[Hit] = field(default_factory=list)  # regions and cities below the state
    services: list[Hit] = field(default_factory=list)
    roles: list[Hit] = field(default_factory=list)
    money: list[Quantity] = field(default_factory=list)
    durations: list[Quantity] = field(default_factory=list)
    years: list[Quantity] = field(default_factory=list)
    persons: list[Hit] = field(default_factory=list)  # accused candidates, filled later
    refs: list[str] = field(default_factory=list)  # names already found elsewhere in the article, any sentence
    espionage: bool = False
    cache: dict[Any, Any] = field(default_factory=dict)  # what a rule read once from the sentence
    parser: Any = None  # the English model, when the sentence may be parsed (see ``structure``)
    _doc: Any = None

    @property
    def doc(self) -> Any:
        """spaCy's parse of the sentence, made on first need (None without a parser): the
        parser costs as much as the NER, so only the sentences a rule asks about are parsed."""
        if self._doc is None and self.parser is not None:
            from spyglass.understand.cases import structure

            self._doc = structure.parse([self.text], self.parser)[0]
        return self._doc

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def is_cue(self) -> bool:
        """Worth running NER on: it states a step, spying, money or a term."""
        return bool(self.stages or self.espionage or self.money or self.durations or INTRODUCED.search(self.text))


_AGE_BEFORE = cue("duration.age_before")
# "Several European countries have also expelled diplomats": steps of states in general, no case's
_GENERAL_ACTOR = cue("stage.general_actor")
# "the number of convictions last year": a statistic, read by ``stats``
_AGGREGATE = cue("stage.aggregate")
_AGE_AFTER = cue("duration.age_after")


def _is_age(text: str, d: Quantity) -> bool:
    """"Marco S., 47 anni, ...", "un italiano di 41 anni": a person's age in years, not a term."""
    return (isinstance(d.value, int) and d.value % 12 == 0 and 18 <= d.value // 12 <= 99 and d.text[:1].isdigit()
            and bool(_AGE_BEFORE.search(text[max(0, d.start - 30) : d.start]))
            and bool(_AGE_AFTER.match(text[d.end : d.end + 5]) or d.end == len(text)))


# A sentence of prose names a few states, places and sums; one naming more is a table or a list
# flattened into one line (or hostile text), and the rules weigh each hit against the others: past
# this many hits of a kind, the rest of the sentence is not weighed. Real reporting stays far below.
MAX_HITS = 48


def facts_of(index: int, sentence: Sentence, is_title: bool = False, lang: str = "en") -> SentenceFacts:
    """Read one sentence with every rule table (no model), at most ``MAX_HITS`` hits of a kind."""
    text = sentence.text
    money = quantities.money_as_quantities(text, lang)[:MAX_HITS]
    return SentenceFacts(
        index=index,
        sentence=sentence,
        is_title=is_title,
        stages=[] if _GENERAL_ACTOR.search(text) or _AGGREGATE.search(text) else hits.stages_in(text, lang)[:MAX_HITS],
        countries=hits.countries_in(text, lang)[:MAX_HITS],
        places=hits.places_in(text)[:MAX_HITS],
        services=hits.services_in(text)[:MAX_HITS],
        roles=hits.roles_in(text, lang)[:MAX_HITS],
        money=money,
        durations=[d for d in quantities.durations_as_quantities(text, lang) if not _is_age(text, d)][:MAX_HITS],
        years=quantities.years_as_quantities(text, money)[:MAX_HITS],
        espionage=bool(ESPIONAGE_CUE.search(text) or _SPYING_WORD.search(text)),
    )
