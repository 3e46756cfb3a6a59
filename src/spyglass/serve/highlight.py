"""Cut an article's text into plain and highlighted pieces at character offsets.

Highlights are built by slicing the text, never by inserting markup into it: templates print
each piece through Jinja2's autoescaping and wrap highlighted pieces in ``<mark>``, so hostile
scraped text can never become markup. Overlapping spans are split at every boundary and each
piece carries every label that covers it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Span", "Piece", "pieces_of"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str  # what the span is: a case field name or an entity label
    key: str = ""  # an anchor or link target for the span (field name, entity id)


@dataclass(frozen=True)
class Piece:
    text: str
    spans: tuple[Span, ...] = field(default_factory=tuple)
    start: int = 0  # offset of the piece in the whole text

    @property
    def opening(self) -> tuple[Span, ...]:
        """Spans that begin with this piece: where an anchor for each belongs."""
        return tuple(s for s in self.spans if s.start == self.start)

    @property
    def marked(self) -> bool:
        return bool(self.spans)

    @property
    def labels(self) -> str:
        """Space-separated distinct labels, for a CSS class or a title."""
        return " ".join(dict.fromkeys(s.label for s in self.spans))


def _valid(spans: Iterable[Span], length: int) -> list[Span]:
    """Spans clipped to the text; empty or inverted offsets (bad machine output) are dropped."""
    clipped = [Span(max(0, s.start), min(length, s.end), s.label, s.key) for s in spans]
    return [s for s in clipped if s.start < s.end]


def pieces_of(text: str, spans: Iterable[Span]) -> list[Piece]:
    """The text as consecutive pieces; each knows which spans cover it. Joined they give ``text``."""
    chosen = _valid(spans, len(text))
    cuts = sorted({0, len(text), *(s.start for s in chosen), *(s.end for s in chosen)})
    out: list[Piece] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(s for s in chosen if s.start <= start and end <= s.end)
        if out and out[-1].spans == covering:  # keep runs of identical coverage in one piece
            out[-1] = Piece(out[-1].text + text[start:end], covering, out[-1].start)
        else:
            out.append(Piece(text[start:end], covering, start))
    return out
