"""One invented case for the review-queue tests: the Taipei ruling, as reports that may disagree.

Each report is an article with one mention whose fields all carry evidence (the words that
state the value quoted); ``save_taipei`` stores the reports and the case real linking makes of
them (``link.build.case_from``), as an ingest does. Store, CLI, API, page and export tests share it.
"""

from __future__ import annotations

from spyglass.link.build import case_from
from spyglass.records import Analysis, Article, Case, CaseSource, Evidence, Mention, Relevance
from spyglass.store import Store

__all__ = ["TAIPEI", "report", "save_taipei"]

TAIPEI = "c-taipei"


def report(article_id: str, published: str, months: int, confidence: float = 0.9) -> tuple[Analysis, Mention]:
    """One article reporting the Taipei case: Chen Wei sentenced to ``months`` for spying for China."""
    sentence = f"The Taipei court sentenced Chen Wei to {months} months for spying for China."
    text = f"Taipei court ruling\n{sentence}"
    start = text.index(sentence)

    def evidence(quote: str, rule: str, conf: float) -> Evidence:
        at = sentence.index(quote)
        return Evidence(article_id=article_id, sentence=sentence, start=start, end=start + len(sentence), rule=rule,
                        confidence=conf, quote_start=at, quote_end=at + len(quote))

    mention = Mention(
        article_id=article_id, index=0, published=published, summary=sentence, accused_names=("Chen Wei",),
        sponsor_country="CN", target_country="TW", stage="sentenced", sentence_months=(months, months),
        evidence={"sentence_months": evidence(f"{months} months", "term.months", confidence),
                  "sponsor_country": evidence("China", "sponsor.for", 0.95),
                  "accused_names": evidence("Chen Wei", "names.ner", 0.97),
                  "target_country": evidence("Taipei", "target.place", 0.93),
                  "stage": evidence("sentenced", "stage.verb", 0.96)},
    )
    article = Article(id=article_id, source=f"{article_id}.html", item=0, kind="page", title=f"Ruling {article_id}",
                      published=published, published_precision="day", language="en", text=text)
    found = Analysis(article=article, relevance=Relevance(is_espionage=True, score=0.9), mentions=(mention,))
    return found, mention


def save_taipei(store: Store, *reports: tuple[Analysis, Mention]) -> Case:
    """Store the reports and the case linking makes of them, as an ingest does."""
    for found, _ in reports:
        store.save_analysis(found)
    sources = {a.article.id: CaseSource(article_id=a.article.id, title=a.article.title, published=a.article.published)
               for a, _ in reports}
    case = case_from([m for _, m in reports], sources, case_id=TAIPEI)
    store.save_case(case, [])
    return case
