"""Rule tables for plain-text pages, as data: bylines, post ends, page furniture, appeals.

Each rule has an id so that a test, or a curious analyst, can tell which rule fired. The
patterns describe shapes common to blog and news page dumps, not any one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Rule", "BYLINES", "POST_ENDS", "FURNITURE", "APPEALS", "matching"]


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    note: str = ""


def _rules(*rows: tuple[str, str, str]) -> tuple[Rule, ...]:
    return tuple(Rule(rid, re.compile(pattern, re.IGNORECASE), note) for rid, pattern, note in rows)


_DATE = r"(?P<date>(?:[A-Z][a-z]+\.? \d{1,2},? \d{4})|(?:\d{1,2}\.? [A-Z][a-z]+\.? \d{4})|(?:\d{4}-\d{2}-\d{2}))"
_NAME = r"(?P<author>[^|\n]{2,60}?)"
_COMMENTS = r"(?:(?P<comments>\d+|No|One) (?:Comments?|Responses?|Replies)|Leave a (?:comment|reply)|Comments? (?:are )?(?:off|closed))"

# A byline under a post title: the line that, right after a title line, starts a post.
BYLINES = _rules(
    ("date-by-comments", rf"^(?:Posted on |Published on |Published )?{_DATE}(?: (?:\||·|-|—) |,? )by {_NAME}(?:\s+(?:\||·|-|—)?\s*{_COMMENTS})?\s*$",
     "June 9, 2025 by NAME 6 Comments"),
    ("date-comments", rf"^(?:Posted on |Published on )?{_DATE}\s+(?:\||·|-|—)?\s*{_COMMENTS}\s*$",
     "March 31, 2025 2 Comments"),
    ("by-date", rf"^(?:Posted )?by {_NAME}(?: on|,| \||\s+·|\s+-)\s+{_DATE}(?:\s+(?:\||·|-|—)?\s*{_COMMENTS})?\s*$",
     "by NAME on March 31, 2025"),
)

# Lines that end a post's body and carry its metadata.
POST_ENDS = _rules(
    ("author-date-permalink", rf"^\W{{0,3}}\s*Author:\s*{_NAME}\s*\|\s*Date:\s*(?P<date>[^|]+?)\s*(?:\|\s*Permalink)?\s*$",
     "► Author: NAME | Date: 31 March 2025 | Permalink"),
    ("filed-tagged", r"^Filed under (?P<categories>.+?)(?: Tagged with (?P<tags>.+))?$",
     "Filed under CATEGORIES Tagged with TAGS"),
    ("tagged", r"^Tagged(?: with)?:? (?P<tags>.+)$", "Tagged with TAGS"),
    ("comments-closed", r"^Comments are closed\.?$", ""),
    ("older-posts", r"^(?:«|‹)?\s*(?:Older|Newer|Previous|Next) (?:posts|entries)\s*(?:»|›)?$", ""),
)

# Text that ends a post's last paragraph: a link to the full post, never article text.
READ_MORE = re.compile(r"\s*(?:Read more of this post|Read more|Continue reading(?: →)?|\[…\]|\[\.\.\.\])\s*$",
                       re.IGNORECASE)

# Page furniture: whole lines that are never article text.
FURNITURE = _rules(
    ("image-caption", r"^(?:Image|Photo|Picture) ?(?:caption|credit)?:", "Image caption: ..."),
    ("advertisement", r"^[\s\-–—*]*(?:advertisement|anzeige|publicité|publicidad|pubblicità|sponsored)[\s\-–—*]*$", ""),
    ("related", r"^(?:Related(?: posts| stories| articles| items[^:]*)?|Read also|Read more|See also|More on this|Most read[^:]*|Recent posts|Popular tags|Archives|Share this|Like this|Like Loading\.*|Subscribe by email)\s*(?:[:.].*)?$",
     "Related: ..., Recent Posts, Share this:"),
    ("rule-line", r"^\s*[-_=*~·•.]{4,}\s*$", "---- separators"),
    ("skip-link", r"^(?:Skip to (?:content|main content)|Search for:|Menu|Log in \| Register|Up ↑)\s*$", ""),
    ("copyright", r"^(?:©|\(c\)|Copyright)\s", "© Site 2011-2019"),
    ("reading-time", r"^\W*\d+ min(?:ute)? read\W*$", ""),
    # a provenance line is where a piece appeared, not its headline (its date is still read)
    ("publication-note", r"^(?:Originally |First |Last )?(?:published|posted|updated|printed)\b[^.!?]{0,90}$",
     "Originally published in the Evening Courier on 4 May 1961"),
)

# Appeals for money or sign-ups; only whole short lines are dropped.
APPEALS = _rules(
    ("signup", r"^\W*(?:Sign up|Subscribe|Get (?:the|our)|Get (?:\S+ ){0,5}(?:newsletter|briefing|bulletin)|Join|Newsletter\b|Donate|Become a|Support (?:independent|local|our|the)|Enjoyed this)",
     "Sign up for the morning briefing"),
    ("reader-funded", r"(?:reader-funded|reader-supported|funded by readers|relies on readers|depends on readers|is free to read|consider a (?:monthly )?(?:contribution|donation)|donate today|membership:)",
     "X is reader-funded. Annual membership: ..."),
)


def matching(rules: tuple[Rule, ...], line: str) -> tuple[Rule, re.Match[str]] | None:
    """The first rule whose pattern matches ``line``, with its match."""
    for rule in rules:
        match = rule.pattern.search(line)
        if match:
            return rule, match
    return None
