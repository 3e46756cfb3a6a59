"""The prefilter is lossless: no page that the full path finds relevant is ever skipped.

Each test runs both paths: the full one (extract every article, ``relevance_of`` as the analyzer
calls it) and the prefilter, over every corpus, the bundled samples, the cues' own matches and
pages generated to hide cue words in markup, entities, escapes and odd case.
"""

from __future__ import annotations

import html
import json
import random
import re
import unicodedata
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spyglass.extract import articles_in
from spyglass.pipeline import can_be_relevant
from spyglass.records import Article, RawItem
from spyglass.samples import sample_paths
from spyglass.settings import load_settings
from spyglass.sources import read_inputs
from spyglass.understand.prefilter import could_be_relevant
from spyglass.understand.prefilter._reading import HARMLESS_NAMES, _dropped_char
from spyglass.understand.relevance import relevance_of


def relevant(raw: RawItem) -> bool:
    """The full path's verdict: is any article read from the document relevant?"""
    return any(
        relevance_of(found, (found.language or "en").lower()).is_espionage
        for found in articles_in(raw) if isinstance(found, Article)
    )


def raws_in(paths: list[str]) -> list[RawItem]:
    return [raw for raw in read_inputs(paths, load_settings()) if isinstance(raw, RawItem)]


def page(body: str, title: str = "News", head: str = "") -> RawItem:
    text = f"<!doctype html><html><head><title>{title}</title>{head}</head><body><article>{body}</article></body></html>"
    return RawItem(source="generated.html", content=text.encode(), content_type="text/html")


# --- the verdict ---------------------------------------------------------------------------

@pytest.mark.parametrize(("groups", "expected"), [
    ({"case"}, True),
    ({"spy", "stage"}, True),
    ({"state", "stage"}, True),
    ({"spy", "hint"}, True),
    ({"spy", "state"}, True),
    ({"spy"}, False),  # espionage vocabulary alone anchors no article
    ({"state", "hint"}, False),
    ({"hint", "stage"}, False),
    ({"stage"}, False),
    (set(), False),
])
def test_the_verdict_follows_the_anchors_of_relevance(groups: set[str], expected: bool) -> None:
    assert could_be_relevant(groups) is expected


@pytest.mark.parametrize(("body", "expected"), [
    ("<p>A former army officer was arrested on suspicion of spying for Russia.</p>", True),
    ("<p>The weather stays fine and the match ends in a draw.</p>", False),
    ('<p class="spy scrollspy" data-spy="x">Sales were arrested by the heat.</p>', False),  # attributes are no text
    ("<p>Then the markets fell and prices were arrested. He wrote about spies.</p>", False),  # two sentences
    # a strong cue may be a headline over a lede naming the step, but not over one far below it
    ("<p>He wrote about spies. Then the markets fell and prices were arrested.</p>", True),
    ("<p>He wrote about spies. " + "The weather stays fine. " * 5 + "Prices were arrested.</p>", False),
    ("<p>He <b>sp</b>ied for Moscow and was <i>arrest</i>ed.</p>", True),  # words split by tags
    ("<p><span class=cap>E</span>spionage charges were filed.</p>", True),  # a drop cap
    ("<p>The KGB officer was sentenced.</p>", True),
    ("<p>The kgb officer was sentenced.</p>", False),  # acronyms keep their case
])
def test_pages(body: str, expected: bool) -> None:
    raw = page(body)
    assert can_be_relevant(raw) is expected
    if not expected:
        assert not relevant(raw)


@pytest.mark.parametrize("spy", ["esp&amp;iacute;a", "esp&#38;iacute;a", "esp&amp;#237;a", "esp&#x26;#xED;a"])
def test_a_letter_escaped_twice_is_read_as_the_full_path_reads_it(spy: str) -> None:
    # the HTML parser decodes the page once and trafilatura once more: the spy is "espía"
    raw = page(f"<p>Un {spy} ruso fue detenido el lunes en Madrid por la Guardia Civil.</p>")
    assert relevant(raw)
    assert can_be_relevant(raw)


def test_an_escaped_ampersand_of_a_link_is_no_letter() -> None:
    from spyglass.understand.prefilter._reading import entity_decoded
    from spyglass.understand.prefilter._sieve import _edits

    assert entity_decoded("&amp;utm") is None and entity_decoded("&#38;b") is None
    assert entity_decoded("&amp;eacute;") == "é"
    assert _edits('<a href="/news?id=7&amp;utm_source=feed&amp;b=2">More</a>') == []  # no reading differs
    assert _edits("esp&amp;iacute;a") == [(3, 15)]


# --- every cue is found where it matches ---------------------------------------------------

def matches_of(pattern: str, rng: random.Random, count: int) -> list[str]:
    """Strings a cue pattern matches, made by walking its parse tree at random."""
    tree = sre_parse.parse(pattern, 0)
    found = set()
    for _ in range(count * 20):
        text = _walk(list(tree), rng)
        if re.fullmatch(pattern, text, re.IGNORECASE) and len(found) < count:
            found.add(text)
    return sorted(found)


def _walk(items: list, rng: random.Random) -> str:  # type: ignore[type-arg]
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.IN:
            out.append(_class_char(av, rng))
        elif op is sre.BRANCH:
            out.append(_walk(list(rng.choice(av[1])), rng))
        elif op is sre.SUBPATTERN:
            out.append(_walk(list(av[3]), rng))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, tree = av
            out.extend(_walk(list(tree), rng) for _ in range(rng.randint(low, min(high, low + 2))))
        elif op is sre.ANY or op is sre.NOT_LITERAL:
            out.append("x")
    return "".join(out)


def _class_char(items: list, rng: random.Random) -> str:  # type: ignore[type-arg]
    if any(op is sre.NEGATE for op, _ in items):
        return " "  # "anything but a stop": a space keeps the words around it apart
    op, av = rng.choice(items)
    if op is sre.LITERAL:
        return chr(av)
    if op is sre.RANGE:
        return chr(rng.randint(av[0], av[1]))
    if op is sre.CATEGORY and "SPACE" in str(av):
        return " "
    return rng.choice("aeiostnr")


# --- both paths over the corpora -----------------------------------------------------------

def test_no_relevant_document_of_the_corpus_is_skipped(corpus_dir: Path) -> None:
    raws = raws_in([str(corpus_dir / part) for part in ("html", "feeds", "text")])
    assert len(raws) > 40
    found = [raw for raw in raws if relevant(raw)]
    assert len(found) > 30
    assert [raw.source for raw in found if not can_be_relevant(raw)] == []


def test_no_relevant_sample_is_skipped() -> None:
    raws = raws_in([str(path) for path in sample_paths()])
    found = [raw for raw in raws if relevant(raw)]
    assert len(found) >= 5
    assert [f"{raw.source}#{raw.member}" for raw in found if not can_be_relevant(raw)] == []


def test_the_setting_turns_it_off(tmp_path: Path) -> None:
    from spyglass.pipeline import analyses

    dull = tmp_path / "dull.html"
    dull.write_bytes(page("<p>The weather stays fine and the match ends in a draw, the coach said.</p>").content)
    assert list(analyses([str(dull)], load_settings(prefilter=True))) == []
    assert len(list(analyses([str(dull)], load_settings(prefilter=False)))) == 1


def test_ingest_counts_what_it_skipped(tmp_path: Path) -> None:
    from spyglass.pipeline import ingest
    from spyglass.store import open_store

    (tmp_path / "dull.html").write_bytes(page("<p>The weather stays fine and the match ends in a draw.</p>").content)
    (tmp_path / "spy.html").write_bytes(page("<p>A former army officer was sentenced to six years in prison for "
                                              "spying for Russia, the court said on Monday in Berlin.</p>").content)
    store = open_store(str(tmp_path / "s.db"))
    try:
        summary = ingest([str(tmp_path / "dull.html"), str(tmp_path / "spy.html")], store, load_settings())
    finally:
        store.close()
    assert (summary.documents, summary.prefiltered, summary.articles, summary.relevant) == (2, 1, 1, 1)
    assert ("prefiltered: no espionage cue", 1) in summary.rows()


# --- generated pages: cue words hidden in markup, entities, escapes and case ---------------

PARAGRAPHS = [  # our own, each relevant as written
    ("Navy engineer jailed for spying", "A navy engineer was sentenced to eight years in prison on Tuesday for passing "
     "classified documents to a Chinese intelligence officer, prosecutors said."),
    ("Diplomats expelled", "The foreign ministry declared two diplomats persona non grata for activities incompatible "
     "with their diplomatic status after the arrest of a suspected agent."),
    ("Spionage für Russland", "Ein früherer Soldat ist wegen Spionage für Russland zu fünf Jahren Haft verurteilt "
     "worden, teilte das Oberlandesgericht mit."),
    ("Espionnage", "Un ancien fonctionnaire a été condamné à huit ans de prison pour espionnage au profit d'une "
     "puissance étrangère, selon le parquet."),
    ("Шпионаж", "Бывший офицер задержан по подозрению в шпионаже в пользу иностранной разведки, сообщил суд."),
    ("間諜案", "一名前軍官因涉嫌為中國從事間諜活動被逮捕，檢方已提起公訴。"),
]


def _hide(text: str, draw: st.DrawFn) -> str:
    """Words of ``text`` given as a page may give them: tags inside, entities, odd case, soft hyphens."""
    words = text.split(" ")
    out = []
    for word in words:
        how = draw(st.sampled_from(["plain", "tag", "dropcap", "entity", "twice", "case", "shy", "nbsp", "link"]))
        if how == "tag" and len(word) > 3:
            cut = draw(st.integers(1, len(word) - 1))
            word = f"{word[:cut]}<b>{word[cut:]}</b>"
        elif how == "dropcap" and len(word) > 1:
            word = f'<span class="cap">{word[0]}</span>{word[1:]}'
        elif how == "entity":
            word = "".join(f"&#{ord(c)};" if draw(st.booleans()) else html.escape(c) for c in word)
        elif how == "twice":  # escaped again, as a feed's content or a CMS may leave it
            word = "".join(html.escape(f"&#{ord(c)};") if draw(st.booleans()) else html.escape(c) for c in word)
        elif how == "case":
            word = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in word)
        elif how == "shy" and len(word) > 3:
            word = word[:2] + "&shy;" + word[2:]
        elif how == "link":
            word = f'<a href="/x">{html.escape(word)}</a>'
        else:
            word = html.escape(word)
        out.append(word)
    joints = draw(st.lists(st.sampled_from([" ", " ", "&nbsp;", "\n   ", " <em></em>"]), min_size=len(out), max_size=len(out)))
    return "".join(w + j for w, j in zip(out, joints, strict=True))


@st.composite
def hidden_pages(draw: st.DrawFn) -> RawItem:
    title, text = draw(st.sampled_from(PARAGRAPHS))
    where = draw(st.sampled_from(["body", "og", "jsonld"]))
    if unicodedata.is_normalized("NFC", text) and draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    if where == "og":
        head = f'<meta property="og:title" content="{html.escape(title)}: {html.escape(text)}">'
        return page("<p>" + _hide("More on this story soon, our correspondent reports.", draw) + "</p>", head=head)
    if where == "jsonld":
        data = json.dumps({"@type": "NewsArticle", "headline": title + ": " + text}, ensure_ascii=draw(st.booleans()))
        head = f'<script type="application/ld+json">{data}</script>'
        return page("<p>" + _hide(text, draw) + "</p>", head=head)
    return page("<p>" + _hide(text, draw) + "</p>", title=html.escape(title))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hidden_pages())
def test_a_relevant_generated_page_is_never_skipped(raw: RawItem) -> None:
    if relevant(raw):
        assert can_be_relevant(raw)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.sampled_from([t for _, t in PARAGRAPHS]), st.text(max_size=300))
def test_a_relevant_text_with_noise_around_is_never_skipped(before: str, text: str, after: str) -> None:
    raw = page(html.escape(before) + "<p>" + text + "</p>" + html.escape(after))
    if relevant(raw):
        assert can_be_relevant(raw)


# --- the tables the reader relies on -------------------------------------------------------

def test_harmless_entities_decode_to_no_word_character() -> None:
    for name in HARMLESS_NAMES:
        decoded = html.unescape(f"&{name};")
        assert len(decoded) == 1 and not (decoded.isalnum() or decoded == "_" or _dropped_char(decoded)), name


def test_no_letter_beyond_the_basic_plane_folds_into_it() -> None:
    import _sre

    assert all(_sre.unicode_tolower(code) >= 0x10000 for code in range(0x10000, 0x110000, 7))
