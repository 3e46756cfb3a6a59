"""Benchmark the articles stage (extract) on a generated corpus: pages per second by kind.

Generates ``--docs`` documents from templates of its own (multi-post text dumps, HTML news
pages with navigation, sidebars, comments and JSON-LD, and RSS feeds) into a temporary
folder, then measures on one core:

- Spyglass: ``extract.articles_in`` on each document's bytes, per kind (text, html, feed);
- trafilatura alone: ``trafilatura.bare_extraction`` on the same HTML bytes with the same
  options, to show Spyglass's overhead on top of extraction (target: within 1.3x);
- the whole ``pipeline.articles`` run over the folder (reading files included).

Prints a table and writes the figures to ``benchmarks/results/articles.json``.

    python benchmarks/articles.py --docs 3000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from spyglass.extract import articles_in
from spyglass.pipeline import articles
from spyglass.records import Article, RawItem
from spyglass.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results" / "articles.json"

WORDS = ("agency court officer secrets handler embassy prosecutors minister network documents army navy "
         "intelligence service defence contact payment cash sentence years prison charges trial judge "
         "investigation police ministry foreign security government spokesman statement report").split()
NAMES = ("Alma Berg", "Ivo Kranj", "Mara Quint", "Tomas Reyes", "Lena Osk", "Pavel Dorn", "Ines Vale")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def _sentence(rng: random.Random, words: int = 18) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(_sentence(rng, rng.randint(12, 24)) for _ in range(sentences))


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28)


def text_dump(rng: random.Random) -> str:
    """A blog front page copied as text: masthead, three posts with bylines, teasers, footer."""
    lines = ["THE GENERATED LEDGER", "Home | Archive | About", ""]
    for _ in range(3):
        year, month, day = _date(rng)
        author = rng.choice(NAMES)
        lines += [_sentence(rng, 9).rstrip("."), f"{MONTHS[month - 1]} {day}, {year} by {author} {rng.randint(0, 20)} Comments"]
        lines += [_paragraph(rng) for _ in range(rng.randint(3, 6))]
        lines.append(f"► Author: {author} | Date: {day} {MONTHS[month - 1]} {year} | Permalink")
        lines += [f"{' '.join(rng.choice(WORDS).upper() for _ in range(4))} {_sentence(rng, 12)}" for _ in range(3)]
        lines += ["", "", "", ""]
    lines += ["Filed under News Tagged with court, navy", "", "Recent Posts", _sentence(rng, 8)]
    return "\n".join(lines)


def html_page(rng: random.Random) -> str:
    """A news page of roughly 25 KB: JSON-LD, og tags, nav, article, sidebar, comments, footer."""
    year, month, day = _date(rng)
    title = _sentence(rng, 10).rstrip(".")
    author = rng.choice(NAMES)
    nav = "".join(f'<li><a href="/section/{w}">{w.title()}</a></li>' for w in rng.sample(WORDS, 25))
    body = "".join(f"<p>{_paragraph(rng)}</p>" for _ in range(rng.randint(8, 14)))
    sidebar = "".join(f'<li><a href="/story/{i}">{_sentence(rng, 8)}</a></li>' for i in range(20))
    comments = "".join(f'<li class="comment"><div class="comment-author">{rng.choice(NAMES)}</div>'
                       f'<div class="comment-content"><p>{_sentence(rng, 15)}</p></div></li>' for _ in range(5))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": f"{year}-{month:02d}-{day:02d}T08:00:00Z",
                     "author": {"@type": "Person", "name": author}, "keywords": "court, navy"})
    script = "var config = " + json.dumps({"ads": [_sentence(rng, 6) for _ in range(30)]}) + ";"
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Ledger</title>
<meta property="og:site_name" content="Generated Ledger"><meta property="og:title" content="{title}">
<script type="application/ld+json">{ld}</script><script>{script}</script><style>body{{margin:0}}</style></head>
<body><header><nav><ul>{nav}</ul></nav><div class="cookie-banner">We use cookies. <button>OK</button></div></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>{body}
<footer class="entry-footer"><a rel="category tag" href="/c/news">News</a> <a rel="tag" href="/t/navy">navy</a></footer>
</article><aside class="sidebar"><h2>Most read</h2><ul>{sidebar}</ul></aside>
<section id="comments" class="comments-area"><h2 class="comments-title">5 Comments</h2><ol>{comments}</ol></section></main>
<footer><p>Copyright Generated Ledger</p><ul>{nav}</ul></footer></body></html>"""


def rss_feed(rng: random.Random) -> str:
    """An RSS 2.0 feed with ten items carrying HTML in content:encoded."""
    items = []
    for i in range(10):
        year, month, day = _date(rng)
        content = "".join(f"<p>{_paragraph(rng, 3)}</p>" for _ in range(3))
        items.append(f"""<item><title>{_sentence(rng, 8).rstrip('.')}</title><link>https://ledger.example/{i}</link>
<pubDate>Mon, {day:02d} {MONTHS[month - 1][:3]} {year} 09:00:00 +0000</pubDate><dc:creator>{rng.choice(NAMES)}</dc:creator>
<category>News</category><description>{_sentence(rng)}</description>
<content:encoded><![CDATA[{content}]]></content:encoded></item>""")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<channel><title>Generated Ledger</title><link>https://ledger.example</link>{"".join(items)}</channel></rss>')


KINDS: dict[str, tuple[Callable[[random.Random], str], str]] = {
    "text": (text_dump, "txt"), "html": (html_page, "html"), "feed": (rss_feed, "xml"),
}


def generate(folder: Path, docs: int, seed: int = 7) -> dict[str, list[bytes]]:
    rng = random.Random(seed)
    shares = {"text": docs // 4, "feed": docs // 10}
    shares["html"] = docs - shares["text"] - shares["feed"]
    corpus: dict[str, list[bytes]] = {}
    for kind, count in shares.items():
        build, ext = KINDS[kind]
        corpus[kind] = [build(rng).encode("utf-8") for _ in range(count)]
        for n, data in enumerate(corpus[kind]):
            (folder / f"{kind}-{n:05d}.{ext}").write_bytes(data)
    return corpus


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    count = run()
    return time.perf_counter() - start, count


def _spyglass(documents: list[bytes]) -> int:
    found = 0
    for n, data in enumerate(documents):
        found += sum(isinstance(a, Article) for a in articles_in(RawItem(source=f"doc-{n}", content=data)))
    return found


def _trafilatura(documents: list[bytes]) -> int:
    found = 0
    for data in documents:
        doc = trafilatura.bare_extraction(data, include_comments=False, include_tables=True, with_metadata=True,
                                          fast=True, deduplicate=False)
        found += doc is not None
    return found


def _interleaved(documents: list[bytes]) -> tuple[tuple[float, int], tuple[float, int]]:
    ours = theirs = 0.0
    found_ours = found_theirs = 0
    for data in documents:
        seconds, found = _timed(lambda data=data: _spyglass([data]))
        ours, found_ours = ours + seconds, found_ours + found
        seconds, found = _timed(lambda data=data: _trafilatura([data]))
        theirs, found_theirs = theirs + seconds, found_theirs + found
    return (ours, found_ours), (theirs, found_theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000, help="documents to generate (default 3000)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON figures")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = generate(folder, args.docs)
        _spyglass([corpus["html"][0], corpus["feed"][0], corpus["text"][0]])  # warm imports and caches
        _trafilatura(corpus["html"][:1])
        figures: dict[str, dict[str, float]] = {}
        # HTML: Spyglass and trafilatura alternate document by document, so that load from other
        # processes on a shared machine falls on both sides alike.
        ours, theirs = _interleaved(corpus["html"])
        for kind, documents in corpus.items():
            seconds, found = ours if kind == "html" else _timed(lambda documents=documents: _spyglass(documents))
            figures[kind] = {"documents": len(documents), "articles": found, "seconds": round(seconds, 3),
                             "docs_per_s": round(len(documents) / seconds, 1)}
        seconds, found = theirs
        figures["trafilatura_html"] = {"documents": len(corpus["html"]), "articles": found,
                                       "seconds": round(seconds, 3), "docs_per_s": round(len(corpus["html"]) / seconds, 1)}
        seconds, found = _timed(lambda: sum(isinstance(a, Article) for a in articles([tmp], Settings())))
        figures["pipeline_folder"] = {"documents": args.docs, "articles": found, "seconds": round(seconds, 3),
                                      "docs_per_s": round(args.docs / seconds, 1)}
    ratio = figures["html"]["seconds"] / figures["trafilatura_html"]["seconds"]
    report = {"docs": args.docs, "python": platform.python_version(), "trafilatura": trafilatura.__version__,
              "kinds": figures, "html_ratio_vs_trafilatura": round(ratio, 3), "target_ratio": 1.3,
              "meets_target": ratio <= 1.3}
    _print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _print(report: dict) -> None:
    print(f"{'kind':<18}{'documents':>10}{'articles':>10}{'seconds':>10}{'docs/s':>10}")
    for kind, row in report["kinds"].items():
        print(f"{kind:<18}{row['documents']:>10}{row['articles']:>10}{row['seconds']:>10.2f}{row['docs_per_s']:>10.1f}")
    verdict = "meets" if report["meets_target"] else "misses"
    print(f"HTML time vs trafilatura alone: {report['html_ratio_vs_trafilatura']:.2f}x ({verdict} the 1.3x target)")


if __name__ == "__main__":
    main()
