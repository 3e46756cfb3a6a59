"""What every field extractor shares: the ``Found`` evidence record, context windows, whether
a sentence is about someone, and the form of a country word."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spyglass.understand import lexicon
from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.lexicon import case_terms
from spyglass.understand.lexicon.hits import Hit
from spyglass.understand.tables.cues import cue

__all__ = ["Found", "window", "about_someone", "form_of", "lang_of", "alternation", "person_words", "person_words_any", "someone_described"]

# Someone the sentence is about: a name, a pronoun or a person noun ("the engineer").
_SUBJECT = cue("stage.subject")
_GENERIC_ROLES = frozenset({"spy", "agent", "official", "officer"})


@dataclass(frozen=True)
class Found:
    """Where a field value came from: the sentence, the rule and the words that state it. How
    far the rule is trusted is measured, not written here (``confidence.tsv``)."""

    facts: SentenceFacts
    rule: str
    span: tuple[int, int] | None = None  # the words that state the value, inside the sentence


def window(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    """The ``before`` characters ahead of a span and the ``after`` characters behind it."""
    return text[max(0, start - before) : start], text[end : end + after]


def about_someone(f: SentenceFacts) -> bool:
    """Whether the sentence is about a person: a name, a title, a specific role or a subject."""
    roles = [r for r in f.roles if r.kb_id not in _GENERIC_ROLES]
    return bool(f.persons or f.is_title or roles or _SUBJECT.search(f.text) or someone_described(f.text))


_VAGUE_PEOPLE = frozenset({"people", "person", "persons", "individual", "individuals"})


@cache
def _described_person() -> re.Pattern[str]:
    """An article or a number, up to two words, then a person noun: "a Chinese national",
    "two British men" (not "people", which speaks of anyone)."""
    nouns = alternation(w for w in person_words() if w not in _VAGUE_PEOPLE)
    return re.compile(rf"\b(?:an?|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})(?:s|es)?\b", re.I)


def someone_described(text: str) -> bool:
    return bool(_described_person().search(text))


def form_of(hit: Hit) -> str:
    """The form of a country word ("name", "adjective", "demonym", ...) from its rule id."""
    parts = hit.rule.split(".")
    return parts[3] if len(parts) > 3 else "name"


def lang_of(hit: Hit) -> str:
    """The language of the table row a country word was found with (``country.<lang>.<code>...``)."""
    parts = hit.rule.split(".")
    return parts[1] if len(parts) > 1 else ""


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest one where several match: the words as a
    trie ("agent", "agents", "agency" -> "agen(?:cy|t(?:s)?)"), which compiles and matches far
    faster than a flat alternation of thousands of words in every language."""
    trie: dict[str, dict] = {}
    for word in set(words) - {""}:  # an empty word would match anywhere
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:
    # Longer continuations come first and the word's end last, so the longest word wins.
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@cache
def person_words() -> frozenset[str]:
    """Lower-case nouns that denote a person in English text: person nouns and roles."""
    return frozenset({n.lower() for n in case_terms.person_nouns()} | {t.text.lower() for t in lexicon.role_terms("en")})


def person_words_any() -> frozenset[str]:
    """Lower-case nouns that denote a person in any of our languages: person nouns and roles."""
    return person_words() | {t.text.lower() for lang in lexicon.LANGS for t in lexicon.role_terms(lang)}
