"""The stage field: the most advanced legal step reported as done, and prisoner-swap stories."""

from __future__ import annotations

from spyglass.records import STAGE_ORDER
from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.cases.fields._common import Found, about_someone
from spyglass.understand.lexicon.hits import Hit
from spyglass.understand.tables.cues import cue

__all__ = ["is_swap_story", "stage_of"]

# A person freed in an exchange: the step of a swap story ("Norway released Mikushin").
_SWAP_FREED = cue("stage.swap_freed")
_SWAP = cue("stage.swap")


# A step said of people in general, not done to the accused: "the first citizen to be
# convicted", "penalties for personnel convicted of espionage".
_GENERIC_STEP = cue("stage.generic_step")
_OTHER_CRIME = cue("case.other_crime")
_SPYING_WORD = cue("case.spying_word")
_NON_STATE_RECIPIENT = cue("case.non_state_recipient")


def _for_other_crime(f: SentenceFacts, hit: Hit) -> bool:
    """A step for a crime that is not spying ("had previously been convicted of theft") when
    the sentence never speaks of spying: it does not advance the spying case."""
    return bool(_NON_STATE_RECIPIENT.search(f.text, hit.end)) or (
        bool(_OTHER_CRIME.search(f.text, hit.end)) and not _SPYING_WORD.search(f.text))


def is_swap_story(lead: list[SentenceFacts]) -> bool:
    """Whether the article opens with a prisoner exchange: its prisoners were released in it."""
    return any(_SWAP.search(f.text) and (_SWAP_FREED.search(f.text) or any(h.kb_id in ("convicted", "sentenced") for h in f.stages))
               for f in lead)


_DIPLOMAT = cue("stage.diplomat")


def stage_of(facts: list[SentenceFacts], swap_story: bool = False) -> tuple[str | None, Found | None]:
    """The most advanced step reported as done.

    Only sentences about someone count (not "few prosecutions end in conviction"). An
    acquittal wins only when no conviction is reported (not "acquitted on a seventh count"),
    an expulsion only when no court step is (not "the expulsions of diplomats" in a trial
    story); a release in a swap story outranks the sentence served before it.
    """
    steps = [(h, f) for f in facts for h in f.stages if not _GENERIC_STEP.search(f.text[max(0, h.start - 40) : h.start])
             and not _for_other_crime(f, h)]
    hits = [(h, f) for h, f in steps if about_someone(f)] or steps
    found = {h.kb_id for h, _ in hits}
    swap = swap_story or any(_SWAP.search(f.text) for f in facts)
    best: tuple[int, Hit, SentenceFacts] | None = None
    for hit, f in hits:
        stage = hit.kb_id
        if stage == "acquitted" and found & {"convicted", "sentenced"}:
            continue
        if stage == "expelled" and found & {"charged", "convicted", "sentenced", "acquitted"}:
            continue
        if stage == "expelled" and _DIPLOMAT.search(f.text) and any(h.kb_id == "arrested" and g is not f for h, g in hits):
            continue  # "X was arrested handing files over ... The Russian diplomat was expelled": his counterpart's step
        rank = STAGE_ORDER[stage]
        if best is None or rank > best[0]:
            best = (rank, hit, f)
    if swap:
        for f in facts:
            m = _SWAP_FREED.search(f.text)
            if m and (f.persons or _SWAP.search(f.text) or swap_story) and (best is None or best[1].kb_id != "released"):
                hit = Hit(m.start(), m.end(), m.group(), "released", "stage.released.swap_story", "STAGE")
                best = (STAGE_ORDER["released"], hit, f)
                break
    if best is None:
        return None, None
    if swap_story and best[1].kb_id in ("convicted", "sentenced"):
        # the prisoners of an exchange story were held after a verdict and freed in the swap
        hit = Hit(best[1].start, best[1].end, best[1].text, "released", "stage.released.swap_prisoner", "STAGE")
        return "released", Found(best[2], hit.rule, (hit.start, hit.end))
    return best[1].kb_id, Found(best[2], best[1].rule, (best[1].start, best[1].end))


def case_stage(facts: list[SentenceFacts], lead: list[SentenceFacts], is_lead: bool) -> tuple[str | None, Found | None]:
    """The stage of one case: its sentences, and for the article's lead case the headline too
    (when it is not one of them); a swap story is told by the article's opening (``lead``)."""
    titles = [f for f in lead if f.is_title and f not in facts] if is_lead else []
    return stage_of([*titles, *facts], is_swap_story(lead))


# Verbs that say "condemned" in languages where one word covers a verdict and a sentence
# ("wegen Spionage verurteilt", "condamné pour espionnage"): with no term the case reports, the
# verdict is all that is told.
_CONDEMNED = frozenset({"stage.de.sentenced.verurteilt", "stage.fr.sentenced.condamne", "stage.es.sentenced.condenado",
                        "stage.it.sentenced.condannato", "stage.nl.sentenced.veroordeeld", "stage.pt.sentenced.condenado",
                        "stage.sv.sentenced.domd"})


def verdict_without_term(stage: str | None, found: Found | None, months: object) -> tuple[str | None, Found | None]:
    """A case "condemned" with no prison term reported is convicted, not sentenced (SCHEMA:
    "found guilty ..., no sentence reported")."""
    if stage == "sentenced" and months is None and found is not None and found.rule in _CONDEMNED:
        return "convicted", Found(found.facts, f"{found.rule}.no_term", found.span)
    return stage, found

