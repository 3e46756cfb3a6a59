"""Split plain-text page dumps (a blog front page copied as text) into their posts.

A post starts at its title line followed by a byline line (``March 31, 2025 by NAME 6
Comments``). Its body runs until a post-end line (``► Author: … | Date: …``, ``Filed under …
Tagged with …``), a ``Read more`` link, a blank-line gap wider than the paragraph gap, or a
teaser. Bylines and post ends become metadata, never text; capitalised openings of other
posts after the body become teasers. Which patterns count is data, in ``rules``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import parse_date
from .rules import APPEALS, BYLINES, FURNITURE, POST_ENDS, READ_MORE, matching
from .teasers import is_caps_opening

__all__ = ["Post", "posts_in", "post_starts", "paragraph_gap"]

_PROSE_CHARS = 80
_MAX_TITLE_CHARS = 250


@dataclass
class Post:
    title: str
    published: str | None = None
    precision: str | None = None
    author: str | None = None
    comment_count: int | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    teasers: list[str] = field(default_factory=list)


def post_starts(lines: list[str]) -> list[int]:
    """Indexes of title lines that are followed (maybe after one blank line) by a byline."""
    starts = []
    for i, line in enumerate(lines[:-1]):
        if not _title_like(line):
            continue
        following = lines[i + 1] if lines[i + 1].strip() else (lines[i + 2] if i + 2 < len(lines) else "")
        if matching(BYLINES, following.strip()):
            starts.append(i)
    return starts


def _title_like(line: str) -> bool:
    text = line.strip()
    return (
        0 < len(text) <= _MAX_TITLE_CHARS
        and not text.endswith(":")
        and not matching(BYLINES, text)
        and not matching(POST_ENDS, text)
        and not matching(FURNITURE, text)
    )


def paragraph_gap(lines: list[str]) -> int:
    """Blank lines that end a post body: 1 where paragraphs touch, 2 where blank lines part them."""
    for prev, line in zip(lines, lines[1:], strict=False):
        if len(prev) >= _PROSE_CHARS and len(line) >= _PROSE_CHARS:
            return 1
    return 2


def posts_in(lines: list[str]) -> list[Post]:
    """Every post of a dump in file order (empty when the text has no title + byline pair)."""
    starts = post_starts(lines)
    if not starts:
        return []
    gap = paragraph_gap(lines)
    bounds = list(zip(starts, starts[1:] + [len(lines)], strict=True))
    return [_post(lines[start:end], gap) for start, end in bounds]


def _post(lines: list[str], gap: int) -> Post:
    post = Post(title=lines[0].strip())
    byline_at = 1 if lines[1].strip() else 2
    _read_byline(post, lines[byline_at].strip())
    in_body, blanks = True, 0
    for raw_line in lines[byline_at + 1:]:
        line = raw_line.strip()
        if not line:
            blanks += 1
            in_body = in_body and not (post.body and blanks >= gap)
            continue
        blanks = 0
        if _read_post_end(post, line):
            in_body = False
        elif in_body and post.body and is_caps_opening(line):
            in_body = False
            post.teasers.append(line)
        elif in_body:
            in_body = _read_body_line(post, line)
        elif is_caps_opening(line):
            post.teasers.append(line)
    return post


def _read_byline(post: Post, line: str) -> None:
    found = matching(BYLINES, line)
    if not found:
        return
    groups = found[1].groupdict()
    _set_date(post, groups.get("date"))
    post.author = (groups.get("author") or "").strip() or None
    post.comment_count = _count(groups.get("comments"))


def _read_post_end(post: Post, line: str) -> bool:
    found = matching(POST_ENDS, line)
    if not found:
        return False
    groups = found[1].groupdict()
    if groups.get("author") and not post.author:
        post.author = groups["author"].strip()
    if groups.get("date") and not post.published:
        _set_date(post, groups["date"])
    if groups.get("categories"):
        post.categories.extend(_categories(groups["categories"]))
    if groups.get("tags"):
        post.tags.extend(t.strip() for t in groups["tags"].split(",") if t.strip())
    return True


def _read_body_line(post: Post, line: str) -> bool:
    """Add a body line; False when it ends the body (a Read more link)."""
    if matching(FURNITURE, line) or (len(line.split()) < 40 and matching(APPEALS, line)):
        return True
    cut = READ_MORE.search(line)
    if cut and len(line) > cut.end() - cut.start():
        post.body.append(line[: cut.start()].rstrip())
        return False
    if cut:
        return False
    post.body.append(line)
    return True


def _set_date(post: Post, value: str | None) -> None:
    parsed = parse_date(value or "")
    if parsed:
        post.published, post.precision = parsed


def _count(value: str | None) -> int | None:
    if not value:
        return None
    if value.isdigit():
        return int(value)
    return {"no": 0, "one": 1}.get(value.lower())


def _categories(value: str) -> list[str]:
    """Comma-separated category names; a lower-case piece continues the name before it
    ("Expert news and commentary on intelligence, espionage, spies and spying" is one)."""
    names: list[str] = []
    for piece in (p.strip() for p in value.split(",")):
        if not piece:
            continue
        if names and re.match(r"[a-z]", piece):
            names[-1] = f"{names[-1]}, {piece}"
        else:
            names.append(piece)
    return names
