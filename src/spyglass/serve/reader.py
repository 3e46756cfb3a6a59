"""What the article reader shows beside the text: where the article came from (web addresses as
links, never a local path) and the cases it produced.

An article read from a file keeps the file's path as its ``source`` (the CLI needs it to forget
a source). A page shows only the file's name: the full path says who ran the ingest and how their
disk is laid out, which is no reader's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from spyglass.records import Analysis, Case, Mention

__all__ = ["Origin", "origin_of", "cases_here"]


@dataclass(frozen=True)
class Origin:
    """What to print for a source (``text``) and, for a web address, where it links (``href``)."""

    text: str
    href: str | None = None


def _web(address: str | None) -> str | None:
    if not address:
        return None
    parts = urlsplit(address.strip())
    return address.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _file_name(path: str) -> str:
    # Either separator: a database may hold paths written on Windows.
    name = path.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1]
    return name.removeprefix("file:")


def origin_of(url: str | None, source: str | None = None) -> Origin | None:
    """``https://news.example/a`` -> a link; ``/home/ada/news/a.html`` -> ``a.html (local file)``;
    ``-`` -> standard input; nothing -> ``None``."""
    web = _web(url) or _web(source)
    if web:
        return Origin(web, web)
    where = (source or url or "").strip()
    if not where:
        return None
    if where == "-":
        return Origin("standard input")
    name = _file_name(urlsplit(where).path if where.startswith("file:") else where)
    return Origin(f"{name} (local file)" if name else "local file")


def cases_here(analysis: Analysis, cases: list[Case]) -> tuple[list[tuple[Case, list[Mention]]], list[Mention]]:
    """Each case with the article's mentions it holds, and the mentions no case holds (split off
    by an analyst, or not linked yet)."""
    article_id = analysis.article.id
    held: set[int] = set()
    out = []
    for case in cases:
        keys = {index for aid, index in case.mentions if aid == article_id}
        held |= keys
        out.append((case, [m for m in analysis.mentions if m.index in keys]))
    return out, [m for m in analysis.mentions if m.index not in held]
