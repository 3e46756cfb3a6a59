"""Hand-built cases for the export tests, and a Hypothesis strategy for any valid case."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from spyglass.records import STAGES, Case, CaseSource, Evidence, Payment, TimelineEvent
from spyglass.services import canonical_service

SENTENCED = Evidence(
    article_id="art-2", sentence="The court jailed the four soldiers for between 70 and 84 months.",
    start=120, end=184, rule="stage.sentenced", confidence=0.9,
)
PAID = Evidence(
    article_id="art-1", sentence="Each was paid between $7,000 and $20,000.", start=40, end=81,
    rule="money.paid", confidence=0.8,
)


def soldiers_case() -> Case:
    """A full case: named accused, a service, a sentence, payments, a timeline and two sources."""
    return Case(
        id="case-tw-soldiers", title="Four Taiwanese soldiers jailed for spying for China",
        accused_count=4, accused_names=("Chen Wei", "Lin Hao"), accused_nationality=("TW",),
        roles=("soldier",), sponsor_country="CN", sponsor_service="svc.cn.mss", target_country="TW",
        stage="sentenced", sentence_months=(70, 84),
        payments=(Payment(amount=7000, currency="USD"), Payment(amount=20000, currency="USD")),
        period=(2002, 2024),
        timeline=(
            TimelineEvent(stage="arrested", date="2024-05", article_id="art-1"),
            TimelineEvent(stage="sentenced", date="2025-03-28", article_id="art-2", evidence=SENTENCED),
        ),
        sources=(
            CaseSource(article_id="art-1", title="Soldiers held", url="https://news.example/held",
                       published="2024-05-02", site_name="Example News"),
            CaseSource(article_id="art-2", title="Soldiers jailed", url="https://news.example/jailed",
                       published="2025-03-28"),
        ),
        evidence={"stage": SENTENCED, "payments": PAID, "sentence_months": SENTENCED},
        first_reported="2024-05-02", last_reported="2025-03-28",
    )


def bare_case() -> Case:
    """The least a case can be: an id."""
    return Case(id="case-bare")


def hostile_case() -> Case:
    """Scraped text that tries formula injection, markup and XML-forbidden characters."""
    return Case(
        id="case-hostile", title='=HYPERLINK("http://evil.example","click") <script>&amp;\x0b',
        accused_names=("-2+3", "@SUM(A1)", "+cmd|' /C calc'!A0", "Ané Ünal"), roles=("\tclerk",),
        sponsor_country="RU", sponsor_service="GRU, SVR", target_country="DE", stage="charged",
        sentence_months=(118, "life"), period=(1981, None),
        timeline=(TimelineEvent(stage="charged", date=None, article_id="art-x"),),
        sources=(CaseSource(article_id="art-x"),), first_reported="2023", last_reported="2023-07",
    )


SAMPLE_CASES = (soldiers_case, bare_case, hostile_case)

# -- Hypothesis ---------------------------------------------------------------------------

_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
_country = st.sampled_from(["CN", "TW", "RU", "US", "DE", "GB", "IR", "KP"])
_name = _text.filter(str.strip)  # names, roles and services are never blank (records.fact_problem)
_date = st.one_of(st.none(), st.dates(date(1800, 1, 1), date(2100, 12, 31)).map(lambda d: d.isoformat()),
                  st.integers(1950, 2030).map(str))
_end = st.one_of(st.none(), st.integers(0, 1200), st.just("life"))
_year = st.one_of(st.none(), st.integers(1900, 2030))
_ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    start = draw(st.integers(0, 10_000))
    return Evidence(article_id=draw(_ids), sentence=draw(_text), start=start,
                    end=start + draw(st.integers(0, 500)), rule=draw(_ids),
                    confidence=draw(st.floats(0, 1, allow_nan=False)))


def _ordered(ends: tuple) -> tuple:
    """A range as Spyglass stores one: the lower end first, a life term only as the upper end."""
    low, high = ends
    if low == "life" or (isinstance(low, int) and isinstance(high, int) and low > high):
        return high, low
    return ends


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Any valid case, with hostile text and the odd shapes the record allows."""
    period = draw(st.one_of(st.none(), st.tuples(_year, _year).map(_ordered)))
    sponsor_country = draw(st.one_of(st.none(), _country))
    # a store holds a service by its canonical id: a drawn "IH" is Hungary's IH, as ingest and import store it
    sponsor_service = canonical_service(draw(st.one_of(st.none(), _name)), sponsor_country)
    return Case(
        id=draw(_ids), title=draw(_text), accused_count=draw(st.one_of(st.none(), st.integers(1, 50))),
        accused_names=tuple(draw(st.lists(_name, max_size=3))),
        accused_nationality=tuple(draw(st.lists(_country, max_size=2))), roles=tuple(draw(st.lists(_name, max_size=2))),
        sponsor_country=sponsor_country, sponsor_service=sponsor_service,
        target_country=draw(st.one_of(st.none(), _country)), stage=draw(st.one_of(st.none(), st.sampled_from(STAGES))),
        sentence_months=draw(st.one_of(st.none(), st.tuples(_end, _end).map(_ordered))),
        payments=tuple(draw(st.lists(st.builds(Payment, amount=st.floats(0, 1e9, allow_nan=False),
                                               currency=st.sampled_from(["USD", "EUR", "CNY"])), max_size=2))),
        period=period,
        mentions=tuple(draw(st.lists(st.tuples(_ids, st.integers(0, 9)), max_size=2))),
        timeline=tuple(draw(st.lists(st.builds(TimelineEvent, stage=st.sampled_from(STAGES), date=_date,
                                               article_id=_ids, evidence=st.one_of(st.none(), evidence())),
                                     max_size=3))),
        sources=tuple(draw(st.lists(st.builds(CaseSource, article_id=_ids, title=st.one_of(st.none(), _text),
                                              url=st.one_of(st.none(), st.just("https://news.example/a")),
                                              published=_date, site_name=st.one_of(st.none(), _text)),
                                    max_size=2))),
        evidence=draw(st.dictionaries(st.sampled_from(["stage", "payments", "target_country"]), evidence(),
                                      max_size=2)),
        first_reported=draw(_date), last_reported=draw(_date),
    )
