"""Turn one article into its case mentions (one per proceeding) and the entities behind them.

The orchestration of the case extractor. Steps: split sentences (``understand.sentences``),
read every sentence with the rule tables (``facts``), find the people and keep those who look
accused (``persons``), group the sentences into proceedings (``proceedings``), drop groups that
are yearly statistics or other crimes, then let each field module decide its value from the
proceeding's sentences (``fields``), with the sentence, offsets, rule and confidence as
evidence. The headline informs the article's lead case even when it is not part of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spyglass.records import Article, Entity, Evidence, Mention, Payment, Stat
from spyglass.understand.cases import fields
from spyglass.understand.cases.facts import SentenceFacts, facts_of
from spyglass.understand.cases.fields import Found
from spyglass.understand.cases.persons import MAX_MODEL_SENTENCE, read_persons
from spyglass.understand.cases.proceedings import (
    NON_STATE_RECIPIENT,
    OTHER_CRIME,
    SPYING_WORD,
    Proceeding,
    proceedings_of,
    split_prior_arrests,
    split_unrelated,
)
from spyglass.understand.confidence import confidence_of
from spyglass.understand.sentences import Sentence, sentences_in
from spyglass.understand.stats import stats_in
from spyglass.understand.tables.cues import reading

if TYPE_CHECKING:
    import spacy

__all__ = ["mentions_in"]

LEAD_SENTENCES = 3  # headline and opening lines: what the article is mainly about
def _evidence(article: Article, field: str, found: Found) -> Evidence:
    s = found.facts.sentence
    quote = found.span or (None, None)
    return Evidence(article_id=article.id, sentence=article.text[s.start : s.end] or s.text, start=s.start, end=s.end,
                    rule=found.rule, confidence=confidence_of(field, found.rule), quote_start=quote[0], quote_end=quote[1])


def _mention(article: Article, index: int, group: Proceeding, fallback_target: tuple[str | None, Found | None],
             lead: list[SentenceFacts]) -> Mention:
    facts = group.facts
    evidence: dict[str, Evidence] = {}
    values: dict[str, object] = {}

    def put(name: str, value: object, found: Found | None) -> None:
        values[name] = value
        if found is not None and value not in (None, [], ()):
            evidence[name] = _evidence(article, name, found)

    is_lead = index == 0  # the article's lead case: its headline and first lines speak of it
    stage, stage_found = fields.case_stage(facts, lead, is_lead)
    put("stage", stage, stage_found)
    target, target_found = fields.case_target(facts, fallback_target)
    sponsor, service, found, service_found = fields.case_sponsor(facts, target, lead, is_lead)
    nationality, nat_found = fields.case_nationality(facts, lead, is_lead)
    if stage == "expelled" and sponsor is None:
        sponsor, found = fields.expelled_sponsor(facts, target, nationality, nat_found)
    target, target_found = fields.own_state_target(target, target_found, nationality, nat_found, sponsor)
    put("target_country", target, target_found)
    put("sponsor_country", sponsor, found)
    put("sponsor_service", service, service_found if service else None)
    put("accused_nationality", tuple(nationality), nat_found)
    names = group.names
    put("accused_names", tuple(names), fields.names_found(facts, names, "names.ner") if names else None)
    count, found = fields.case_count(facts, names, lead, is_lead)
    put("accused_count", count, found)
    roles, found = fields.roles_of(facts)
    put("roles", tuple(roles), found)
    months, found = fields.case_sentence_months(facts, count, names)
    put("sentence_months", months, found)
    put("stage", *fields.verdict_without_term(stage, stage_found, months))  # the key keeps its first place
    payments, found = fields.payments_of(facts)
    put("payments", tuple(Payment(amount=a, currency=c) for a, c in payments), found)
    period, found = fields.period_of(facts, article.published_year)
    put("period", period, found)
    summary = max(facts, key=lambda f: (bool(f.stages) + bool(f.persons), -f.index)).text
    return Mention(article_id=article.id, index=index, published=article.published, evidence=evidence,
                   summary=summary, **values)  # type: ignore[arg-type]


def _entities(all_facts: list[SentenceFacts]) -> list[Entity]:
    out: list[Entity] = []
    for f in all_facts:
        base = f.sentence.start
        for hit in [*f.countries, *f.services, *f.roles, *f.stages, *f.persons]:
            out.append(Entity(text=hit.text, label=hit.label, start=base + hit.start, end=base + hit.end,
                              kb_id=hit.kb_id, rule=hit.rule))
        for q in f.money:
            out.append(Entity(text=q.text, label="MONEY", start=base + q.start, end=base + q.end,
                              kb_id=q.currency, rule=q.rule))
        for q in f.durations:
            out.append(Entity(text=q.text, label="DURATION", start=base + q.start, end=base + q.end, rule=q.rule))
    return out


def _without_aggregates(groups: list[Proceeding], stats: Sequence[Stat]) -> list[Proceeding]:
    """Drop name-less proceedings that open with a yearly statistic ("14 people were arrested
    on suspicion of espionage in 2024, compared with seven in 2023"): a count over a year is
    not a case, and what follows it ("most of those detained") speaks of the same people. The
    statistics reader decides what a yearly count is."""
    if all(g.names for g in groups):
        return groups
    spans = [(s.evidence.start, s.evidence.end) for s in stats if s.evidence is not None]
    if not spans:
        return groups

    def in_stat(f: SentenceFacts) -> bool:
        return any(a < f.sentence.end and f.sentence.start < b for a, b in spans)

    def opens_with_stat(g: Proceeding) -> bool:
        first = next((f for f in g.facts if f.stages and not f.is_title), None)
        return first is not None and in_stat(first)

    return [g for g in groups if g.names or not opens_with_stat(g)]


def _without_other_crimes(groups: list[Proceeding]) -> list[Proceeding]:
    """Drop proceedings whose every step is for a crime that is not spying (murder, terrorism,
    cybercrime, speech) and that never speak of spying: people swapped or named in a spy story
    for other crimes are not cases."""
    def other_crime_only(g: Proceeding) -> bool:
        steps = [f for f in g.facts if f.stages and not f.is_title]
        if steps and all(NON_STATE_RECIPIENT.search(f.text) for f in steps):
            return True  # "jailed for passing files to arms dealers": a leak to no state
        return (bool(steps) and all(OTHER_CRIME.search(f.text) for f in steps)
                and not any(SPYING_WORD.search(f.text) for f in g.facts))

    return [g for g in groups if not other_crime_only(g)]


def mentions_in(
    article: Article, lang: str, nlp: spacy.Language | None, stats: Sequence[Stat] | None = None
) -> tuple[list[Mention], list[Entity]]:
    """The case mentions of one article, each field with evidence, and the entities found.

    ``stats`` are the article's statistics when the caller has read them already (the analyzer
    does): a yearly count is not a case, and the statistics reader decides what one is. The
    case cues read with the rows of ``lang`` (``tables.cues.reading``)."""
    with reading(lang):
        return _mentions(article, lang, nlp, stats)


def _mentions(
    article: Article, lang: str, nlp: spacy.Language | None, stats: Sequence[Stat] | None
) -> tuple[list[Mention], list[Entity]]:
    sentences = sentences_in(article.text)
    title = (article.title or "").strip()
    all_facts = [facts_of(i, s, is_title=(i == 0 and bool(title) and s.text.startswith(title[:30])), lang=lang)
                 for i, s in enumerate(sentences)]
    read_persons(all_facts, lang, nlp)
    all_facts = split_prior_arrests(all_facts, lang)
    groups = split_unrelated(proceedings_of(all_facts), lang)
    lead = all_facts[:LEAD_SENTENCES]
    if title and not (all_facts and all_facts[0].is_title):
        # The headline is not part of the text: read it too, as a sentence at offset 0 with
        # no length (its evidence carries the headline, start == end == 0).
        headline = facts_of(-1, Sentence(0, 0, title), is_title=True, lang=lang)
        headline.parser = nlp if lang == "en" and len(title) <= MAX_MODEL_SENTENCE else None
        lead = [headline, *lead]
    fallback = fields.target_of([*lead[:1], *all_facts])
    stats = stats_in(article, lang) if stats is None else stats
    groups = _without_other_crimes(_without_aggregates(groups, stats))
    mentions = [_mention(article, i, g, fallback, lead) for i, g in enumerate(groups)]
    # No step reported and nobody named: an aggregate ("most of those charged were soldiers"), not a case.
    kept = [m for m in mentions if (m.stage is not None or m.accused_names) and not _read_from_statistics(m, stats)]
    return [m.model_copy(update={"index": i}) for i, m in enumerate(kept)], _entities(all_facts)


def _read_from_statistics(mention: Mention, stats: Sequence[Stat]) -> bool:
    """A case with nobody named whose step and count were both read in a yearly statistic ("in
    2023 fifteen people were convicted of espionage, in 2024 seventeen") is that statistic."""
    if mention.accused_names or not stats:
        return False
    spans = [(s.evidence.start, s.evidence.end) for s in stats if s.evidence is not None]

    def in_stat(field: str) -> bool:
        e = mention.evidence.get(field)
        return e is not None and e.end > e.start and any(a < e.end and e.start < b for a, b in spans)

    return in_stat("stage") and (mention.accused_count is None or in_stat("accused_count"))
