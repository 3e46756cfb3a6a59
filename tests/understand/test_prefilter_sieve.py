"""The sieve: Hyperscan scans of a page's markup let through every page where a cue may match.

A page it drops has no anchor in any reading of it, so it cannot be relevant: each cue's own
matches, written as pages write them (markup between the words, entities, escapes, case, split
words, attributes a reader shows), must be found by the sieve of its group; text a reader never
sees must not.
"""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path

import hyperscan
import pytest

from spyglass.understand.prefilter import STRONG, prefilter
from spyglass.understand.prefilter._sieve import _FLAGS, Sieve, _literal, sieve_pattern
from spyglass.understand.relevance import UNSPACED, Cue
from spyglass.understand.tables.first_chars import ignorecase_key

from .test_prefilter import matches_of

CUES = prefilter().cues
STRONG_CUES = [cue for cue in CUES if cue.group in STRONG]


def checks(cue: Cue) -> list[tuple[re.Pattern[str], bool]]:
    """The cue as ``relevance`` runs it: (pattern, on lower-cased text). A cue without capitals
    runs on lower-cased text, or with IGNORECASE where lower-casing changes a text's length; one
    with capitals (``(?-i:MSS)``) runs with IGNORECASE."""
    body = cue.pattern if cue.lang in UNSPACED else f"(?<!\\w)(?:{cue.pattern})(?!\\w)"
    anycase = (re.compile(body, re.IGNORECASE), False)
    return [anycase] if cue.pattern != cue.pattern.lower() else [anycase, (re.compile(body), True)]


def passes(page: str) -> bool:
    """May any strong cue match in what a reader of the page sees?"""
    return bool(prefilter().sieve.cues_in(page))


def _in_markup(sample: str, rng: random.Random) -> list[tuple[str, str]]:
    """(what a reader sees, the page) for the sample as pages write it: plain, each space a tag,
    an entity, a line break; punctuation as entities; in ``og:title`` and JSON-LD; shouted."""
    gaps = ["<b> </b>", "&nbsp;", "\n  ", "</a> <a href='/x'>", "<!-- c --> "]
    spaced = "".join(part + rng.choice(gaps) for part in sample.split(" "))
    marks = re.sub(r"[^\w\s]", lambda m: f"&#{ord(m.group())};", sample)
    pages = [f"<p>Report: {sample} today.</p>", f"<div>{spaced}</div>", f"<p>{marks}</p>",
             f'<head><meta property="og:title" content="{html.escape(sample)}"></head>',
             '<script type="application/ld+json">' + json.dumps({"headline": sample}) + "</script>"]
    return [(sample, page) for page in pages] + [(sample.upper(), f"<p>{sample.upper()}</p>")]


@pytest.mark.parametrize("cue", CUES, ids=[cue.id for cue in CUES])
def test_every_match_of_a_cue_is_found_by_the_sieve_of_its_group(cue: Cue) -> None:
    sieve = prefilter().sieve if cue.group in STRONG else prefilter().weak_sieve
    rng = random.Random(cue.id)
    samples = matches_of(cue.pattern, rng, 8)
    assert samples, f"no match made for {cue.id}"
    tried = 0
    for sample in samples:
        for seen, page in _in_markup(sample, rng):
            if any(p.search(f"x {seen} x".lower() if low else f"x {seen} x") for p, low in checks(cue)):
                tried += 1  # relevance matches what a reader sees: the sieve must find the cue there
                assert cue.id in sieve.cues_in(page), (sample, page)
    assert tried


@pytest.mark.parametrize("page", [
    "<p>A Chinese &#115;py was arrested.</p>",  # a letter as a numeric entity
    "<p>Detenido un presunto esp&iacute;a ruso.</p>",  # a named one
    "<p>Wegen Spi&shy;onage verurteilt.</p>",  # a soft hyphen the extractor drops
    "<p>Wegen Spi\u00adonage verurteilt.</p>",
    '<script type="application/ld+json">{"headline": "Russian \\u0073py jailed"}</script>',
    '<script type="application/ld+json">{"headline": "\\nEspionage trial opens"}</script>',
    "<p>Court hears E</span>spionage case</p>",  # a word inline tags split
    "<p>Court hears Espi<!-- x -->onage case</p>",
    "<p>The &lt;b&gt;espionage&lt;/b&gt; trial</p>",  # escaped markup, as feeds carry it
    "<p>A Chinese spy was arrested.</p>",
    "<p>A CHINESE SPY WAS ARRESTED.</p>",
    "<p>Espionnage : un fonctionnaire condamné</p>",
    "<p>Бывший офицер задержан по подозрению в ШПИОНАЖЕ</p>",
    "<p>M\u0130LL\u0130 \u0130ST\u0130HBARAT TE\u015eK\u0130LATI a\u00e7\u0131klad\u0131</p>",  # dotted capitals, which re reads as i
    '<head><meta property="og:title" content="Spy ring exposed"></head><body><p>More soon.</p></body>',
])
def test_what_a_reader_may_see_passes(page: str) -> None:
    assert passes(page)


@pytest.mark.parametrize("page", [
    "<p>The weather is fine and the market opened higher.</p>",
    '<p><a title="Spy ring exposed" href="/espionage/">Read more</a> about the weather.</p>',  # attributes
    "<script>var espionage = 'spy'; function spy() {}</script><p>Rates rose.</p>",  # a script's code
    "<style>.spy { color: red }</style><p>Rates rose.</p>",
    "<!-- espionage spy --><p>Rates rose.</p>",
    "<p>Our spyware review: the best apps.</p>",  # inside a longer word
    "<p>You must visit Sapporo.</p>",  # MUST and Säpo are acronyms, in their own case only
])
def test_what_no_reader_sees_does_not_pass(page: str) -> None:
    assert not passes(page)


def test_acronyms_keep_their_case() -> None:
    assert passes("<p>Enligt MUST hotar Ryssland Sverige.</p>")  # the Swedish military service
    assert not passes("<p>Enligt Must hotar Ryssland Sverige.</p>")


def test_hyperscan_caseless_matches_every_letter_that_re_matches() -> None:
    """Every letter of a strong cue, rewritten as the sieve writes it, matches each character
    ``re`` matches it to under IGNORECASE (the page is never lower-cased for the sieve)."""
    letters = sorted({ch for cue in STRONG_CUES for ch in cue.pattern if ch.isalpha()})
    by_key: dict[int, set[str]] = {}
    for code in range(0x10000):
        if not 0xD800 <= code < 0xE000:
            by_key.setdefault(ignorecase_key(code), set()).add(chr(code))
    db = hyperscan.Database()
    patterns = [_literal(ord(letter), sensitive=False).encode() for letter in letters]
    db.compile(expressions=patterns, ids=list(range(len(patterns))), elements=len(patterns), flags=[_FLAGS] * len(patterns))
    for i, letter in enumerate(letters):
        for other in sorted(by_key[ignorecase_key(ord(letter))]):
            if re.fullmatch(re.escape(letter), other, re.IGNORECASE):
                assert i in _matched(db, other), (letter, other)


def _matched(db: hyperscan.Database, text: str) -> list[int]:
    found: list[int] = []
    db.scan(text.encode(), match_event_handler=lambda cue, *_: found.append(cue))
    return found


def test_every_cue_is_rewritten() -> None:
    for cue in CUES:
        assert sieve_pattern(cue)


SMALL = [Cue("t.spy", "en", "spy", 2.0, "spy(?:ing)?"), Cue("t.agent", "en", "state", 2.0, "foreign agents?")]


def test_the_compiled_sieve_is_kept_and_read_back(tmp_path: Path) -> None:
    first = Sieve(SMALL, cache=tmp_path)
    kept = list(tmp_path.glob("sieve-*.hsdb"))
    assert len(kept) == 1
    again = Sieve(SMALL, cache=tmp_path)
    assert list(tmp_path.glob("sieve-*.hsdb")) == kept
    for page in ("<p>a foreign <b>agent</b></p>", "<p>spying</p>", "<p>nothing</p>"):
        assert first.cues_in(page) == again.cues_in(page)


def test_a_damaged_copy_is_compiled_anew(tmp_path: Path) -> None:
    Sieve(SMALL, cache=tmp_path)
    copy = next(tmp_path.glob("sieve-*.hsdb"))
    copy.write_bytes(b"not a database")
    assert Sieve(SMALL, cache=tmp_path).cues_in("<p>spying</p>")


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    assert Sieve(SMALL, cache=blocked / "sub").cues_in("<p>spy</p>")


def test_a_changed_table_compiles_its_own_copy(tmp_path: Path) -> None:
    Sieve(SMALL, cache=tmp_path)
    Sieve([*SMALL, Cue("t.mole", "en", "spy", 2.0, "mole")], cache=tmp_path)
    assert len(list(tmp_path.glob("sieve-*.hsdb"))) == 2


# --- the verdict: an anchor in one sentence of one reading -------------------------------------

def sieve_passes(page: str) -> bool:
    return prefilter().can_be_relevant(page)


def test_espionage_beside_a_legal_step_in_one_sentence_passes() -> None:
    assert sieve_passes("<p>A former engineer was arrested on Monday on suspicion of espionage.</p>")


def test_a_cue_that_runs_over_a_stop_counts_in_the_sentence_it_starts_in() -> None:
    assert sieve_passes("<p>He was arrested after he passed U.S. Navy secrets to a handler.</p>")


def test_a_word_counts_only_in_the_sentences_its_own_width_reaches() -> None:
    # "spies" spans at most its letters and bounds: it cannot have started in the sentence before
    assert not sieve_passes("<p>Then the markets fell and prices were arrested. He wrote about spies.</p>")
    # a word that opens a sentence counts in the one before too: a sure end is found with its capital
    assert sieve_passes("<p>Then the markets fell and prices were arrested. Spies, he wrote.</p>")


def test_a_match_that_may_hold_markup_counts_in_every_sentence_within_500_characters() -> None:
    # a phrase may hold tags between its words: it may have started in the sentence before
    from .test_prefilter import page, relevant

    body = "<p>Prices were arrested. He said he passed the weather data to his aunt.</p>"
    assert sieve_passes(body)
    assert not relevant(page(body))


def test_espionage_and_a_legal_step_sentences_apart_do_not_pass() -> None:
    filler = " ".join(f"The council met again on day {n}. Rates rose." for n in range(40))
    assert not sieve_passes(f"<p>The film is a spy thriller. {filler} The mayor was arrested in a fraud case.</p>")


def test_a_headline_over_its_lede_passes() -> None:
    assert sieve_passes("<h1>Espionage scandal</h1><p>By Staff. June 3. Share. A diplomat was arrested on Monday.</p>")


def test_a_title_a_reader_shows_counts_in_every_sentence() -> None:
    filler = " ".join(f"The council met again on day {n}." for n in range(40))
    head = '<meta property="og:title" content="Espionage trial">'
    assert sieve_passes(f"<head>{head}</head><body><p>{filler} Then the suspect was arrested.</p></body>")


# --- the other readings: read whole only where the text around an edit may add a match ----------

def test_a_cue_spelled_only_through_an_entity_far_into_the_page_passes() -> None:
    filler = " ".join(f"The council met again on day {n}." for n in range(60))
    page = f"<p>{filler} A former officer was arrested for esp&#105;onage.</p>"
    assert sieve_passes(page)


def test_a_cue_split_by_an_inline_tag_far_into_the_page_passes() -> None:
    filler = " ".join(f"The council met again on day {n}." for n in range(60))
    assert sieve_passes(f"<p>{filler} A former officer was arrested for esp<b>io</b>nage.</p>")


def test_edits_name_where_the_other_readings_differ() -> None:
    from spyglass.understand.prefilter._sieve import _edits

    text = "Caf&eacute; at 5 &amp; 6 &#8217;s, a soft\u00adhyphen, E<b>x</b>tra, https://x.test/?a=1&utm=2"
    spans = [text[start:end] for start, end in _edits(text) or []]
    assert "&eacute;" in spans and "\u00ad" in spans and "<b>" in spans
    assert not any(span in ("&amp;", "&#8217;", "&utm") for span in spans)  # punctuation, or no entity
    escaped = "A &lt;b&gt;bold&lt;/b&gt; tag &amp;amp; more"
    assert [escaped[start:end] for start, end in _edits(escaped) or []] == [
        "&lt;", "&gt;", "&lt;", "&gt;", "&amp;amp;"]  # escaped markup: each place it becomes markup
    assert _edits("Cafe\u0301 not in NFC") is None


def _sieve_pages(rng: random.Random) -> list[str]:
    """Pages of our own words with a strong cue, a legal step, an entity that spells a letter, an
    inline tag inside a word, in every order and at varied distances."""
    pieces = ["A spy ring was exposed.", "They discussed espionage.", "The man was arrested on Monday.", "Caf&eacute; prices rose.",
              "The mayor opened a new br<b>id</b>ge.", "Esp<i>i</i>onage was suspected.", "He was sent&shy;enced.",
              "Officers said the case was closed.", "The &Eacute;tat was named.", "Rates rose again today."]
    pages = []
    for _ in range(400):
        chosen = [rng.choice(pieces) for _ in range(rng.randint(2, 6))]
        fillers = [" ".join(f"Weather was mild on day {n}." for n in range(rng.choice([0, 3, 12, 30, 60])))
                   for _ in chosen]
        pages.append("<p>" + " ".join(f"{piece} {filler}" for piece, filler in zip(chosen, fillers, strict=True)) + "</p>")
    return pages


def test_reading_around_the_edits_gives_the_verdict_of_reading_the_page_whole_in_every_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from spyglass.understand.prefilter import _sieve

    pages = _sieve_pages(random.Random(5))
    around_edits = [sieve_passes(page) for page in pages]
    monkeypatch.setattr(_sieve, "_edits", lambda *_: None)  # every reading read whole
    whole = [sieve_passes(page) for page in pages]
    assert around_edits == whole
    assert 0 < sum(whole) < len(whole)  # the pages test both verdicts


def test_a_cue_punctuation_written_as_any_entity_for_it_still_matches() -> None:
    from spyglass.understand.prefilter._sieve import _spelled

    spelled = re.compile(_spelled(ord("’")).lstrip("|"), re.IGNORECASE)
    for form in ("&rsquo;", "&#8217;", "&#x2019;", "&#X2019", "&amp;rsquo;", "&#146;", "\\u2019"):
        assert spelled.fullmatch(form), form
    for form in ("&nbsp;", "&#8216;", "&quot;", "\\u2018"):
        assert not spelled.fullmatch(form), form


def test_a_reading_that_decodes_a_letter_reaches_as_far_back_as_when_read_whole() -> None:
    # The decoded reading is not ASCII, so a match that may hold markup (a phrase) reaches back
    # four times as many bytes: the step 800 characters before it shares a sentence with it there.
    filler = " ".join(f"Weather was mild on day {n}." for n in range(30))
    far = " ".join(f"Weather was mild on day {n}." for n in range(40))
    page = (f"<p>The man was arrested on Monday. {filler} He passed the secrets to them. {far} "
            "Caf&eacute; prices rose.</p>")
    assert sieve_passes(page)


def test_a_cue_hidden_in_an_attribute_that_escaped_markup_opens_passes() -> None:
    # Read with its escaped markup unescaped, the title's "&gt;" closes the tag: the words after
    # it are text, far from any edit. The page is read whole, as a match hides in a tag here.
    filler = " ".join(f"Weather was mild on day {n}." for n in range(30))
    rest = " ".join(f"Rates rose on day {n}." for n in range(120))
    page = f'<p title="x&gt; {filler} A spy was arrested on Monday.">{rest}</p><p>A &lt;b&gt;note.</p>'
    assert sieve_passes(page)
