"""A small dataset for the serve tests, saved through the real store API.

The articles are written for these tests (no corpus text): the Taiwan soldiers case with its
sentencing sentence, a few other cases so facets and the matrix have rows, and one hostile
article whose text, title and entities carry script and ``onerror`` payloads.
"""

from __future__ import annotations

from spyglass.records import (
    Analysis,
    Article,
    Case,
    CaseSource,
    Entity,
    Evidence,
    Mention,
    Relevance,
    Stat,
    TimelineEvent,
)

__all__ = ["TAIWAN_TEXT", "SENTENCING", "XSS_TEXT", "TAIWAN_CASE", "XSS_CASE", "analyses", "cases", "fill"]

SENTENCING = "The court sentenced the four soldiers to between 70 and 84 months in prison for breaking Taiwan's national security law."
TAIWAN_SERIES = "people prosecuted for spying for China"
TAIWAN_TEXT = (
    "Taiwan jails four soldiers who spied for China\n"
    "Four Taiwanese soldiers, three of them posted to guard the Office of the President, were found "
    "to have photographed internal military documents for Chinese intelligence handlers. "
    "The handlers paid each soldier between $7,000 and $20,000. "
    f"{SENTENCING} "
    "The National Security Bureau said 64 people were prosecuted for spying for China in 2024, "
    "after 48 in 2023."
)
XSS_TEXT = (
    "Hostile page <script>alert(1)</script> about espionage.\n"
    "A spy <img src=x onerror=alert(1)> was charged in Berlin for spying for Russia. "
    'Quote: "><svg onload=alert(2)> and </mark></div><script>document.title="pwned"</script> end.'
)
TAIWAN_CASE = "case-tw-soldiers"
XSS_CASE = "case-xss"


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _evidence(article_id: str, text: str, sentence: str, rule: str) -> Evidence:
    start, end = _span(text, sentence)
    return Evidence(article_id=article_id, sentence=sentence, start=start, end=end, rule=rule, confidence=0.9)


def _entities(text: str, table: list[tuple[str, str, str | None]]) -> tuple[Entity, ...]:
    found = []
    for needle, label, kb_id in table:
        start, end = _span(text, needle)
        found.append(Entity(text=needle, label=label, start=start, end=end, kb_id=kb_id, rule="test"))
    return tuple(found)


def _article(article_id: str, title: str, text: str, published: str, site: str) -> Article:
    return Article(id=article_id, source=f"tests/{article_id}.txt", item=0, kind="post", title=title,
                   url=f"https://news.example/{article_id}", published=published, published_precision="day",
                   site_name=site, language="en", text=text, fingerprint="")


def _taiwan() -> tuple[Analysis, Case]:
    aid = "art-tw-2025"
    article = _article(aid, "Taiwan jails four soldiers who spied for China", TAIWAN_TEXT, "2025-03-31", "Strait Notes")
    sentencing = _evidence(aid, TAIWAN_TEXT, SENTENCING, "stage:sentenced")
    first = TAIWAN_TEXT.split("\n")[1].split(". ")[0] + "."
    handlers = _evidence(aid, TAIWAN_TEXT, first, "sponsor:handlers")
    evidence = {"stage": sentencing, "sentence_months": sentencing, "target_country": sentencing,
                "sponsor_country": handlers, "accused_count": handlers}
    facts = dict(accused_count=4, roles=("soldier",), accused_nationality=("TW",), sponsor_country="CN",
                 target_country="TW", stage="sentenced", sentence_months=(70, 84), period=(2002, 2024))
    mention = Mention(article_id=aid, index=0, published="2025-03-31", evidence=evidence, summary=SENTENCING, **facts)
    stats = tuple(Stat(subject=f"Taiwan: {TAIWAN_SERIES}", year=y, value=v, country="TW", measure=TAIWAN_SERIES,
                       evidence=_evidence(aid, TAIWAN_TEXT, TAIWAN_TEXT[TAIWAN_TEXT.index("The National"):], "stat"))
                  for y, v in ((2023, 48), (2024, 64)))
    entities = _entities(TAIWAN_TEXT, [("Taiwanese", "NORP", "TW"), ("Chinese intelligence", "SERVICE", None),
                                       ("Office of the President", "ORG", None), ("$7,000", "MONEY", None)])
    analysis = Analysis(article=article, relevance=Relevance(is_espionage=True, score=0.97, reasons=("spied",)),
                        entities=entities, mentions=(mention,), stats=stats)
    case = Case(id=TAIWAN_CASE, title="Four Taiwanese soldiers jailed for spying for China", mentions=((aid, 0),),
                timeline=(TimelineEvent(stage="charged", date="2024-11-02", article_id=aid),
                          TimelineEvent(stage="sentenced", date="2025-03-31", article_id=aid, evidence=sentencing)),
                sources=(CaseSource(article_id=aid, title=article.title, url=article.url, published="2025-03-31",
                                    site_name="Strait Notes"),),
                evidence=evidence, first_reported="2025-03-31", last_reported="2025-03-31", **facts)
    return analysis, case


def _xss() -> tuple[Analysis, Case]:
    aid = "art-xss"
    title = "<script>alert('title')</script> Spy charged"
    article = _article(aid, title, XSS_TEXT, "2024-06-01", "<b>Bad Site</b>")
    sentence = "A spy <img src=x onerror=alert(1)> was charged in Berlin for spying for Russia."
    charged = _evidence(aid, XSS_TEXT, sentence, "stage:charged")
    entities = _entities(XSS_TEXT, [("<img src=x onerror=alert(1)>", "PERSON", None), ("Russia", "COUNTRY", "RU"),
                                    ("<script>alert(1)</script>", "ORG", None)])
    facts = dict(accused_count=1, accused_names=("<img src=x onerror=alert(1)>",), sponsor_country="RU",
                 target_country="DE", stage="charged")
    mention = Mention(article_id=aid, index=0, published="2024-06-01", evidence={"stage": charged},
                      summary=sentence, **facts)
    analysis = Analysis(article=article, relevance=Relevance(is_espionage=True, score=0.8), entities=entities,
                        mentions=(mention,))
    case = Case(id=XSS_CASE, title="<script>alert('case')</script> Berlin spy charged", mentions=((aid, 0),),
                timeline=(TimelineEvent(stage="charged", date="2024-06-01", article_id=aid, evidence=charged),),
                sources=(CaseSource(article_id=aid, title=title, url=article.url, published="2024-06-01"),),
                evidence={"stage": charged}, first_reported="2024-06-01", last_reported="2024-06-01", **facts)
    return analysis, case


def _plain(n: int, sponsor: str, target: str, stage: str, date: str, service: str | None) -> tuple[Analysis, Case]:
    aid = f"art-plain-{n}"
    text = f"Report {n}: an official was {stage} for spying for {sponsor} against {target}."
    article = _article(aid, f"Spy case {n}", text, date, "Wire")
    facts = dict(accused_count=1, sponsor_country=sponsor, target_country=target, stage=stage, sponsor_service=service)
    mention = Mention(article_id=aid, index=0, published=date, **facts)
    analysis = Analysis(article=article, relevance=Relevance(is_espionage=True, score=0.7), mentions=(mention,))
    case = Case(id=f"case-plain-{n}", title=f"Spy case {n}: {sponsor} against {target}", mentions=((aid, 0),),
                timeline=(TimelineEvent(stage=stage, date=date, article_id=aid),),
                sources=(CaseSource(article_id=aid, title=article.title, published=date),),
                first_reported=date, last_reported=date, **facts)
    return analysis, case


# services by their canonical ids, as linking stores them
PLAIN = [("RU", "DE", "arrested", "2023-05-10", "svc.ru.gru"), ("RU", "GB", "charged", "2024-02-01", "svc.ru.gru"),
         ("CN", "US", "convicted", "2024-09-09", "svc.cn.mss"), ("IR", "IL", "arrested", "2025-01-15", None),
         ("CN", "TW", "charged", "2023-11-20", None)]


def _all() -> list[tuple[Analysis, Case]]:
    return [_taiwan(), _xss(), *(_plain(i, *row) for i, row in enumerate(PLAIN))]


def analyses() -> list[Analysis]:
    return [a for a, _ in _all()]


def cases() -> list[Case]:
    return [c for _, c in _all()]


def taiwan_wire() -> Analysis:
    """A second report of the Taiwan series' 2024 figure, from another outlet (no case of its own)."""
    text = "Taiwan prosecuted 64 people for spying for China in 2024, the security bureau said."
    article = _article("art-tw-wire", "Spy prosecutions in Taiwan rise", text, "2025-01-05", "Wire")
    stat = Stat(subject=f"Taiwan: {TAIWAN_SERIES}", year=2024, value=64, country="TW", measure=TAIWAN_SERIES,
                evidence=_evidence(article.id, text, text, "stats.prose"))
    return Analysis(article=article, relevance=Relevance(is_espionage=True, score=0.9), stats=(stat,))


def fill(store: object, taiwan: bool = True) -> None:
    """Save every article and case through the store's ingest methods (the Taiwan case left out
    when a real ingest of the corpus seed provides it)."""
    for analysis, case in _all():
        if not taiwan and case.id == TAIWAN_CASE:
            continue
        store.save_analysis(analysis)  # type: ignore[attr-defined]
        store.save_case(case, keys=[f"{case.sponsor_country}:{case.target_country}"])  # type: ignore[attr-defined]
