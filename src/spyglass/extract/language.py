"""Which language an article is written in, by counting frequent function words.

A tiny detector of our own: no model to download, fast, and good enough to tell apart the
languages Spyglass reads (English, German, French, Spanish, Italian, Dutch, Portuguese) on a
paragraph or more. Short or undecided texts get ``None`` rather than a guess.
"""

from __future__ import annotations

import re

__all__ = ["language_of", "STOPWORDS"]

# Frequent words that are rare in the other languages of the table (ISO 639-1 -> words).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is was for that with on as by at from he his it have has had were which who said".split()),
    "de": frozenset("der die das und ist nicht mit sich den dem auf für ein eine auch wurde von zu im des bei nach hat".split()),
    "fr": frozenset("le la les et des est une dans pour qui du au sur pas par avec il elle ont été selon ce".split()),
    "es": frozenset("el la los las y del en que por con una para es se su al lo como fue según más".split()),
    "it": frozenset("il la di che e per una con del della sono nel alla gli dei ha è stato anche delle".split()),
    "nl": frozenset("de het een en van dat is niet op te zijn met voor ook werd naar bij door".split()),
    "pt": frozenset("o a os as e do da em que para com uma não por foi no na ao pelo".split()),
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE = 2500  # characters; the opening of a text says enough about its language


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or unclear."""
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE])]
    if len(words) < 8:
        return None
    scores = {code: sum(1 for w in words if w in table) for code, table in STOPWORDS.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    # Romance languages share many short words; demand a clear margin and a real share.
    if top < max(3, len(words) * 0.05) or top < second * 1.2:
        return None
    return best
