"""Near-duplicates: same story with small edits is one story; different stories are not."""

from __future__ import annotations

import pytest

from spyglass.link import (
    MAX_DISTANCE,
    adds_to,
    case_from,
    duplicate_of,
    fingerprint_bands,
    hamming,
    is_near_duplicate,
)

from .factories import article, mention

STORY = (
    "A former CIA officer was sentenced on Friday to 20 years in prison for selling classified "
    "documents to Chinese intelligence agents, the Justice Department said. The officer, who had "
    "worked for the agency and the Defense Intelligence Agency, was convicted last year after a "
    "trial in Alexandria, Virginia. Prosecutors said he travelled to Shanghai twice in 2017 and "
    "received 25,000 dollars from a man who presented himself as a think-tank researcher but was "
    "in fact an intelligence officer. He transmitted secret documents through a special phone that "
    "his handler provided. His lawyers had argued he was trying to catch the Chinese spies and "
    "planned to report the contact, but the jury rejected that account after two days."
)
OTHER = (
    "Estonian prosecutors charged a university professor with working for Russian military "
    "intelligence for more than a decade. The internal security service said the man met his "
    "handlers in several European cities, was paid in cash and passed on information about "
    "defence planning. A court in Harju county will hear the case in the spring; the accused has "
    "denied the charges. Officials said the arrest followed a long counter-intelligence operation "
    "with help from allies, and that the damage to national security was being assessed."
)


def _edit(text: str, every: int) -> str:
    words = text.split()
    return " ".join("changed" if i % every == 0 else w for i, w in enumerate(words))


@pytest.mark.parametrize(
    ("label", "other_text", "expected"),
    [
        ("identical copy", STORY, True),
        ("new byline on top", "By Wire Staff. " + STORY, True),
        ("paragraph appended (updated version)", STORY + " Update: his lawyer said he would appeal.", True),
        ("last sentence cut", STORY.rsplit(".", 2)[0] + ".", True),
        ("one word in forty replaced", _edit(STORY, 40), True),
        ("different story", OTHER, False),
        ("story and a different story pasted together", OTHER + " " + STORY[:200], False),
    ],
)
def test_near_duplicate_table(label: str, other_text: str, expected: bool) -> None:
    assert is_near_duplicate(article("a", STORY), article("b", other_text)) is expected, label


def test_same_article_is_not_its_own_duplicate() -> None:
    a = article("a", STORY)
    assert not is_near_duplicate(a, a)


def test_bands_are_four_16_bit_keys_and_padded() -> None:
    assert fingerprint_bands("1") == ["0:0000", "1:0000", "2:0000", "3:0001"]
    assert fingerprint_bands("0123456789abcdef") == ["0:0123", "1:4567", "2:89ab", "3:cdef"]
    assert fingerprint_bands("") == [] and fingerprint_bands("not-hex") == []


def test_close_fingerprints_share_a_band() -> None:
    """Pigeonhole: within 3 bits, at least one of four 16-bit bands is untouched."""
    base = 0x0123456789ABCDEF
    flipped = base ^ (1 << 3) ^ (1 << 20) ^ (1 << 40)
    assert hamming(f"{base:x}", f"{flipped:x}") == 3
    assert set(fingerprint_bands(f"{base:x}")) & set(fingerprint_bands(f"{flipped:x}"))


def test_hamming_of_unusable_fingerprint_is_maximal() -> None:
    assert hamming("", "ff") == 64
    assert MAX_DISTANCE < 64


def test_duplicate_of_picks_the_closest_candidate() -> None:
    original = article("orig", STORY)
    updated = article("upd", STORY + " Update: his lawyer said he would appeal.")
    unrelated = article("other", OTHER)
    assert duplicate_of(article("copy", STORY), [unrelated, updated, original]) == "orig"
    assert duplicate_of(article("new", OTHER + " More."), [original]) is None


CHARGED = case_from([mention("orig", accused_names=("Kevin Mallory",), sponsor_country="CN", target_country="US",
                             stage="charged")], {})


@pytest.mark.parametrize(
    ("label", "facts", "expected"),
    [
        ("same facts", dict(accused_names=("Kevin Mallory",), sponsor_country="CN", stage="charged"), False),
        ("shorter name, earlier stage", dict(accused_names=("Mallory",), stage="arrested"), False),
        ("nothing stated", {}, False),
        ("more advanced stage", dict(accused_names=("Mallory",), stage="sentenced"), True),
        ("an outcome", dict(stage="acquitted"), True),
        ("a sentence the case lacks", dict(accused_names=("Mallory",), sentence_months=(240, 240)), True),
        ("a service the case lacks", dict(sponsor_service="MSS"), True),
        ("another sponsor is no news", dict(sponsor_country="RU", stage="charged"), False),
    ],
)
def test_a_copy_adds_to_a_case_only_with_a_later_stage_or_a_missing_field(label: str, facts: dict, expected: bool) -> None:
    assert adds_to(mention("copy", **facts), CHARGED) is expected, label
