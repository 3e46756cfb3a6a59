"""Group an article's sentences into proceedings: one group per case the article reports.

Two steps: ``proceedings_of`` groups the sentences in reading order; ``split_unrelated`` then
splits a proceeding of several named people into one per person where the text says their
proceedings were separate.

Reading order drives it. A sentence naming accused people joins the proceeding that already
has one of those names, or opens a new one (a surname alone refers back to someone already
introduced; a new person with a date of their own is a background case); a sentence with a
step but no name continues the current proceeding (never across a blank line, where a
round-up page's next item starts), unless it marks a separate one ("in a
separate case", the expulsion of officials while the current proceeding is a prosecution, a
retaliatory expulsion). Groups that never report a step are dropped: they are background prose,
not cases.

A proceeding of several named people is split per person when the text says their
proceedings were separate ("the courts sat separately", "in separate courts-martial"): a
sentence that names several of them is cut into clauses ("X got 14 years, while Y and Z were
sentenced to death") and each person keeps the clause that names them; a sentence naming one
of them goes to that person alone. Whether two printed names are one person is the shared
rule of ``spyglass.names``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from spyglass.names import same_person
from spyglass.understand.cases import structure
from spyglass.understand.cases.facts import SentenceFacts, facts_of
from spyglass.understand.cases.fields._common import person_words, someone_described
from spyglass.understand.lexicon.hits import Hit
from spyglass.understand.sentences import Sentence
from spyglass.understand.tables.cues import cue, cues

__all__ = ["Proceeding", "proceedings_of", "split_unrelated", "split_prior_arrests"]

# Rule id -> pattern (tables/case_cues.tsv): wording that opens a separate proceeding in a
# sentence without new names; a retaliation is another state's own proceeding.
SEPARATE_CUES = cues("seg.separate", "seg.expulsion", "seg.retaliation")
# A new person introduced with a date of their own starts a background case:
# "In May 2020, police detained two employees ...".
DATED_EPISODE = cue("seg.dated_episode")
# Wording that keeps a new name inside the current proceeding (co-accused).
JOIN_CUES = cue("seg.join")
# Wording that puts the same person before another court: a proceeding of its own.
SECOND_TRIAL = cue("seg.second_trial")
# A step for a crime that is not spying, in a sentence that never speaks of spying.
OTHER_CRIME = cue("case.other_crime")
SPYING_WORD = cue("case.spying_word")
NON_STATE_RECIPIENT = cue("case.non_state_recipient")
RETALIATION_ACCUSES = cue("seg.retaliation_accuses")
PRIOR_ARREST = cue("seg.prior_arrest")
ARREST_OF_SOMEONE = cue("seg.arrest_of_someone")
_STOP_TOKENS = frozenset({"the", "de", "van", "von", "der", "al", "el", "di", "da", "bin", "le", "la", "du", "do", "mr",
                          "ms", "dr", "jr", "sr", "st", "of", "in", "on", "at", "to", "an"})


def _name_tokens(name: str) -> set[str]:
    """Lower-case tokens of a name that identify it across mentions ("Jian G." -> {"jian"})."""
    tokens = re.findall(r"[^\W\d_][\w'’-]+", name)
    # two-letter family names count when printed as names ("Qi", "Xu"), not as particles; so do
    # names in scripts without case ("刘某", "김모")
    return {t.lower() for t in tokens if (len(t) > 2 or (t[0].isupper() and t[1].islower()) or t.lower() == t.upper())
            and t.lower() not in _STOP_TOKENS}


@dataclass
class Proceeding:
    """The sentences of one case, the accused names seen in them, and why it was opened."""

    facts: list[SentenceFacts] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    opened_by: str = "seg.first"

    @property
    def tokens(self) -> set[str]:
        out: set[str] = set()
        for name in self.names:
            out |= _name_tokens(name)
        return out

    @property
    def reports_case(self) -> bool:
        if self.opened_by == "seg.separate" and not self.names and not any(f.espionage for f in self.facts):
            return False  # "a separate investigation for bribery": another crime's proceeding
        if self.opened_by == "seg.retaliation" and not any(f.espionage or RETALIATION_ACCUSES.search(f.text)
                                                          for f in self.facts):
            return False  # "Moscow answered with tit-for-tat expulsions": an answer, no one accused of spying
        return any(f.stages for f in self.facts)

    def add(self, facts: SentenceFacts, names: list[str]) -> None:
        self.facts.append(facts)
        for name in names:
            if _name_tokens(name) and not any(_name_tokens(name) <= _name_tokens(known) for known in self.names):
                self.names.append(name)

    @property
    def stages(self) -> set[str]:
        return {hit.kb_id for f in self.facts for hit in f.stages}


# Sentences of the opening that describe the lead case's people again ("A navy officer was
# arrested ... A lieutenant commander faces charges"): new wording there is no new case.
LEAD_SENTENCES = 3


def _new_party(facts: SentenceFacts, current: Proceeding) -> bool:
    """A step done to people the sentence introduces as new, past the opening (the parse says
    so), and described in words the current proceeding never used ("A Chinese national was
    sentenced" after "a jury sentenced a Chinese national" is the same person again)."""
    if facts.index < LEAD_SENTENCES or facts.parser is None or not someone_described(facts.text):
        return False  # no "a former soldier", "several suspects": nothing for the parse to find
    noun = structure.introduces_a_party(facts.doc, [(h.start, h.end) for h in facts.stages], person_words())
    if noun is None:
        return False
    if _same_number_of_people(facts.text, noun, current):
        return False  # "Two Swedish men were convicted" after "the two brothers were found guilty"
    # one word ("a couple", "two men") says too little to be the same description
    return " " not in noun or not any(noun in f.text.lower() for f in current.facts)


_NUMBER_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"


def _same_number_of_people(text: str, noun: str, current: Proceeding) -> bool:
    """Whether the people a sentence introduces are counted ("two Swedish men") as many as
    people the current proceeding already counts ("the two brothers"): told again, not new."""
    found = re.search(rf"\b({_NUMBER_WORD})\s+{re.escape(noun)}\b", text, re.I)
    if found is None:
        return False
    counted = re.compile(rf"\b{re.escape(found.group(1))}\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(_person_plurals())})\b", re.I)
    return any(counted.search(f.text) for f in current.facts)


@cache
def _person_plurals() -> tuple[str, ...]:
    return tuple(sorted((re.escape(w) for w in person_words() if w.endswith(("s", "men", "people", "ren"))), key=len, reverse=True))


def _separate_cue(facts: SentenceFacts, current: Proceeding) -> str | None:
    if NON_STATE_RECIPIENT.search(facts.text) or (OTHER_CRIME.search(facts.text) and not SPYING_WORD.search(facts.text)):
        # "two officials were jailed for leaking files to arms dealers": another crime's proceeding
        return "seg.other_crime"
    if current.stages == {"expelled"} and not any(h.kb_id == "expelled" for h in facts.stages) and (
            ARREST_OF_SOMEONE.search(facts.text)):
        return "seg.prior_arrest"  # the expulsion's officials, then someone else's arrest
    for rule, pattern in SEPARATE_CUES:
        if pattern.search(facts.text):
            if rule == "seg.expulsion" and "expelled" in current.stages:
                continue  # the current proceeding is itself an expulsion ("suspected of spying" beside it)
            if rule == "seg.retaliation" and not any(h.kb_id == "expelled" for h in facts.stages):
                continue
            return rule
    return None


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")
_SURNAMED = cue("person.surnamed")


def _is_back_reference(text: str, start: int, name: str) -> bool:
    """A surname alone ("Ivanova") refers to someone introduced earlier: news names a new
    person in full first (a capitalised word just before it means the model cut a full name)."""
    before = text[max(0, start - 30) : start]
    if _SURNAMED.search(before + name):
        return False  # "a man surnamed Zhong": the authorities' way of naming a new person
    return len(name.split()) == 1 and not _CAPITALISED_BEFORE.search(before)


def _owner(names: list[str], groups: list[Proceeding]) -> Proceeding | None:
    """The proceeding that already holds one of ``names``; the latest one when several do
    (a person with two proceedings is spoken of in the one the text is telling now)."""
    for group in reversed(groups):
        if any(same_person(n, known) for n in names for known in group.names):
            return group
    return None


def _known(name: str, groups: list[Proceeding]) -> bool:
    return any(same_person(name, known) for group in groups for known in group.names)


def _continued(facts: SentenceFacts, owner: Proceeding, groups: list[Proceeding]) -> Proceeding:
    """The proceeding a sentence naming someone already known tells about: the owner's, or a new
    one when it opens a dated episode of new people ("In April 2024, a day before X's arrest,
    police detained Y and Z") or a second trial of the same people ("X was also tried by ...")."""
    if not (facts.stages and owner.stages) or JOIN_CUES.search(facts.text):
        return owner
    if DATED_EPISODE.match(facts.text) and any(not _known(p.text, groups) and not _is_back_reference(facts.text, p.start, p.text)
                                               for p in facts.persons):
        return Proceeding(opened_by="seg.dated_episode")
    if SECOND_TRIAL.search(facts.text):
        return Proceeding(names=list(owner.names), opened_by="seg.second_trial")
    return owner


def proceedings_of(all_facts: list[SentenceFacts]) -> list[Proceeding]:
    """Sentences grouped into proceedings, in order of first appearance; only real cases kept."""
    groups: list[Proceeding] = []
    current: Proceeding | None = None
    for facts in all_facts:
        if facts.sentence.after_blank_line:
            current = None  # a listing's next item: its steps never continue the previous item's case
        names = [p.text for p in facts.persons]
        tokens = set().union(*(_name_tokens(n) for n in names)) if names else set()
        owner = _owner(names, groups) if tokens else None
        if owner is not None:
            current = _continued(facts, owner, groups)
            if current is not owner:
                groups.append(current)
                if current.opened_by == "seg.dated_episode":
                    names = [n for n in names if not _known(n, groups)]  # not the person it is dated by
        elif not tokens and facts.refs and not facts.stages and (ref_owner := _owner(facts.refs, groups)) is not None:
            current = ref_owner  # a sentence with no step about someone known continues their story
        elif current is None:
            if not (facts.stages or facts.espionage):
                continue
            current = Proceeding(opened_by="seg.first")
            groups.append(current)
        elif (tokens and not JOIN_CUES.search(facts.text) and (facts.stages or facts.espionage)
              and not all(_is_back_reference(facts.text, p.start, p.text) for p in facts.persons)
              and (current.names or (facts.stages and current.stages
                                     and (_separate_cue(facts, current) or DATED_EPISODE.match(facts.text))))):
            # a new person: a case of their own once a step is reported for them
            current = Proceeding(opened_by="seg.new_name")
            groups.append(current)
        elif not tokens and facts.stages and current.stages:
            rule = _separate_cue(facts, current) or ("seg.new_party" if _new_party(facts, current) else None)
            if rule:
                current = Proceeding(opened_by=rule)
                groups.append(current)
        current.add(facts, names)
    return [g for g in groups if g.reports_case]


def split_prior_arrests(all_facts: list[SentenceFacts], lang: str) -> list[SentenceFacts]:
    """Sentences that tell an expulsion and the arrest that led to it ("Italy expelled two Russian
    diplomats after the arrest of a navy officer") cut in two at the arrest, each part read on its
    own: they report two cases."""
    out: list[SentenceFacts] = []
    for facts in all_facts:
        expelled = [h for h in facts.stages if h.kb_id == "expelled"]
        m = PRIOR_ARREST.search(facts.text, expelled[0].end) if expelled else None
        out.extend(_cut(facts, m.start(), lang) if m else [facts])
    return out


def _cut(facts: SentenceFacts, at: int, lang: str) -> list[SentenceFacts]:
    text, base = facts.text, facts.sentence.start
    out: list[SentenceFacts] = []
    for a, b in ((0, at), (at, len(text))):
        part = facts_of(facts.index, Sentence(base + a, base + b, text[a:b], facts.sentence.after_blank_line),
                        facts.is_title, lang)
        part.persons = [replace(h, start=h.start - a, end=h.end - a) for h in facts.persons if a <= h.start < b]
        part.refs, part.parser = facts.refs, facts.parser
        part.espionage = part.espionage or facts.espionage
        out.append(part)
    return out


UNRELATED = cue("seg.unrelated")
# Where one person's part of a sentence ends and the next one's begins.
_CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+")


def split_unrelated(groups: list[Proceeding], lang: str) -> list[Proceeding]:
    """``groups`` with each multi-person proceeding split per person, only where its own
    sentences say the proceedings were separate; a split that would leave someone with no
    step is not made."""
    out: list[Proceeding] = []
    for group in groups:
        said = len(group.names) > 1 and any(UNRELATED.search(f.text) for f in group.facts)
        parts = _per_person(group, lang) if said else None
        out.extend(parts or [group])
    return out


def _owners(names: list[str], persons: list[Hit]) -> list[str]:
    return [n for n in names if any(same_person(p.text, n) for p in persons)]


def _clauses(facts: SentenceFacts, lang: str) -> list[SentenceFacts]:
    """The sentence cut at its clause breaks, each clause read again with its own persons."""
    text, base = facts.text, facts.sentence.start
    cuts = [0, *[m.end() for m in _CLAUSE_BREAK.finditer(text)], len(text)]
    out: list[SentenceFacts] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        clause = Sentence(base + a, base + a + len(text[a:b]), text[a:b], facts.sentence.after_blank_line)
        part = facts_of(facts.index, clause, facts.is_title, lang)
        part.persons = [replace(h, start=h.start - a, end=h.end - a) for h in facts.persons if a <= h.start < b]
        part.espionage = part.espionage or facts.espionage
        out.append(part)
    return out


def _per_person(group: Proceeding, lang: str) -> list[Proceeding] | None:
    parts = {name: Proceeding(opened_by="seg.unrelated") for name in group.names}
    split_here = False  # one sentence must tell them apart clause by clause ("X got ..., while Y ...")
    # a sentence naming nobody goes on about the one person named before it (the lead person
    # for the opening lines: "A sailor has been sentenced to 27 months. Petty Officer X, 26, ...")
    last: str | None = group.names[0]
    for facts in group.facts:
        owners = _owners(group.names, facts.persons) or ([last] if last else [])
        last = owners[0] if len(owners) == 1 else None
        if len(owners) == 1:
            parts[owners[0]].add(facts, [owners[0]] if facts.persons else [])
        elif len(owners) > 1:
            named = [(c, _owners(group.names, c.persons)) for c in _clauses(facts, lang)]
            split_here = split_here or sum(1 for _, who in named if who) > 1
            for clause, who in named:
                for name in who:
                    parts[name].add(clause, [name])
    if not split_here or not all(p.reports_case for p in parts.values()):
        return None
    return list(parts.values())
