"""Which language an article is written in: py3langid's model (shipped inside the pinned PyPI
package, nothing downloaded), over the opening of the text.

The answer is an ISO 639 code of any of the model's 142 languages, or ``None`` when the text
is too short or the model is unsure (normalised probability under ``MIN_PROBABILITY``): a wrong
guess would read a text with another language's tables, and ``None`` tells the later stages to
read it with the cues of every language instead. ``benchmarks/language.py`` measures it against
the function-word counter it replaced (realnews: 70 of 70 texts right against 62, titles 55
against 34, no wrong answers either way at this threshold).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = ["language_of", "known_languages", "MIN_PROBABILITY"]

_SAMPLE = 2500  # characters; the opening of a text says enough about its language
MIN_PROBABILITY = 0.5  # below it the model's best guess is wrong about as often as right (titles)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_MIN_LETTERS = 8  # "Spy jailed" says too little to name a language


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def known_languages() -> tuple[str, ...]:
    """Every code the detector can answer."""
    return tuple(_identifier().nb_classes)


def language_of(text: str) -> str | None:
    """ISO 639 code of the text's language, or None when it is too short or unclear."""
    sample = text[:_SAMPLE]
    if len(_LETTERS.findall(sample, 0, 400)) < _MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else None
