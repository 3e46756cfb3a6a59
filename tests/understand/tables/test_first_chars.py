"""The characters a rule's regex can begin with, and its alternatives: what lets one alternation
of many cues try, at a word start, only the alternatives that can begin there."""

from __future__ import annotations

import re

import pytest

from spyglass.understand.tables.first_chars import first_chars, ignorecase_key, top_level_branches


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        ("spy|spies", 0, {"s"}),
        ("(?:arrest(?:ed)?|detain\\w*)", 0, {"a", "d"}),
        ("[ab]c|d", 0, {"a", "b", "d"}),
        ("\\bspy", 0, {"s"}),  # a zero-width test: the next item decides
        ("(?:the\\s+)?agent", 0, {"t", "a"}),  # an optional item lets the next one begin too
        ("x*y", 0, {"x", "y"}),
        ("MSS", re.IGNORECASE, {"M", "m"}),
        ("(?i:gru)", 0, {"g", "G"}),
        ("шпион\\w*|измен\\w*", 0, {"ш", "и"}),
    ],
)
def test_the_first_characters_of_a_regex(pattern: str, flags: int, expected: set[str]) -> None:
    assert first_chars(pattern, flags) == frozenset(expected)


@pytest.mark.parametrize("pattern", ["\\w+ spy", ".spy", "[^a]spy", "(?:spy)?", "x*", "(a)?\\1", "(?>ab)c"])
def test_a_regex_that_may_begin_anywhere_has_no_first_characters(pattern: str) -> None:
    assert first_chars(pattern) is None


def test_a_broken_regex_is_one_that_may_begin_anywhere() -> None:
    assert first_chars("(unclosed") is None


def test_the_last_characters_of_a_parsed_pattern() -> None:
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    from spyglass.understand.tables.first_chars import edge_chars

    assert edge_chars(list(sre_parse.parse("spy(?:ing|ies)?", 0)), icase=False, backwards=True) == frozenset("ygs")
    assert edge_chars(list(sre_parse.parse("spion\\w*", 0)), icase=False, backwards=True) is None  # \w: anything
    assert edge_chars(list(sre_parse.parse("u\\.s\\.", 0)), icase=False, backwards=True) == frozenset(".")
    assert edge_chars(list(sre_parse.parse("pet", 0)), icase=True, backwards=False) == frozenset("pP")


@pytest.mark.parametrize(("pattern", "expected"), [
    ("spy|spies", ["spy", "spies"]),
    ("agents? (?:of|for)|mole", ["agents? (?:of|for)", "mole"]),
    (r"a\|b|c", [r"a\|b", "c"]),  # an escaped bar
    ("[|x]y|z", ["[|x]y", "z"]),  # a bar in a class
    ("[]|]y|z", ["[]|]y", "z"]),  # a class that begins with "]"
    ("[^]|]y|z", ["[^]|]y", "z"]),
    ("(?-i:MSS|GRU)", ["(?-i:MSS|GRU)"]),
])
def test_the_alternatives_of_a_regex_outside_its_groups(pattern: str, expected: list[str]) -> None:
    branches = top_level_branches(pattern)
    assert branches == expected
    assert "|".join(branches) == pattern


def test_every_cue_splits_into_alternatives_that_stand_on_their_own() -> None:
    from spyglass.understand.relevance import cues

    for cue in cues():
        branches = top_level_branches(cue.pattern)
        assert "|".join(branches) == cue.pattern, cue.id
        for branch in branches:
            re.compile(branch)  # a cut inside a group or a class would not compile


def test_re_compares_letters_under_ignorecase_by_their_key() -> None:
    assert ignorecase_key(ord("ſ")) == ignorecase_key(ord("S")) == ignorecase_key(ord("s"))
    assert ignorecase_key(ord("K")) == ignorecase_key(ord("k"))  # the Kelvin sign
    assert ignorecase_key(ord("a")) != ignorecase_key(ord("b"))
