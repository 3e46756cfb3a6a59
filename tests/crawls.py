"""A CC-NEWS-like crawl for tests: a folder of WARC.gz files of HTML news pages, and a canonical store dump.

Pages are the spy reports of ``test_ingest_crash`` as HTML (each different, so none is a
near-duplicate of another), each followed by an image record and a weather page the prefilter
skips, with an exact copy of one page in a later file, and optionally a damaged archive, so that linking, duplicates and rejections all
take part when two stores are compared.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from spyglass.store import CaseQuery, open_store

from .sources.test_warc import damaged_warc
from .test_ingest_crash import _document

__all__ = ["build_crawl", "canonical_dump", "page_html", "WEATHER"]

WEATHER = ("<!doctype html><html lang=\"en\"><head><title>Weather {i}</title></head><body><article>"
           "<h1>Sunny spells on day {i}</h1><p>Light winds from the west and a dry afternoon are expected "
           "across the region, with temperatures near the seasonal average.</p></article></body></html>")


def page_html(i: int) -> str:
    title, _, body = _document(i).partition("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<!doctype html><html lang=\"en\"><head><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def _write(writer: WARCWriter, url: str, body: bytes, content_type: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                  http_headers=headers))


def build_crawl(folder: Path, files: int, per_file: int, damaged: bool = True) -> Path:
    """``files`` WARC.gz files of ``per_file`` pages each (CC-NEWS names), plus a damaged one."""
    folder.mkdir(parents=True, exist_ok=True)
    page = 0
    for f in range(files):
        with open(folder / f"CC-NEWS-2024010{1 + f // 24}{f % 24:02d}0000-{f:05d}.warc.gz", "wb") as out:
            writer = WARCWriter(out, gzip=True)
            for _ in range(per_file):
                _write(writer, f"https://news.example/{page}", page_html(page).encode(), "text/html; charset=utf-8")
                _write(writer, f"https://news.example/{page}.png", b"\x89PNG\r\n\x1a\n", "image/png")
                _write(writer, f"https://news.example/weather/{page}", WEATHER.format(i=page).encode(),
                       "text/html; charset=utf-8")  # no espionage cue: the prefilter skips it unparsed
                page += 1
            if f == files - 1:  # a syndicated copy of the first page, under another address
                _write(writer, "https://mirror.example/0", page_html(0).encode(), "text/html; charset=utf-8")
    if damaged:
        (folder / "CC-NEWS-damaged.warc").write_bytes(damaged_warc(2))
    return folder


def canonical_dump(target: str) -> dict[str, object]:
    """Everything a run stores, independent of storage order: cases, their mentions, articles
    with their analyses, rejection counts and totals."""
    store = open_store(target)
    try:
        cases = sorted(json.dumps(c.model_dump(mode="json"), sort_keys=True) for c in store.iter_cases(CaseQuery()))
        mentions = sorted(json.dumps([m.model_dump(mode="json") for m in store.mentions_of(json.loads(c)["id"])],
                                     sort_keys=True) for c in cases)
        articles = []
        offset = 0
        while page := store.articles(limit=500, offset=offset):
            articles += [store.article(a.id).model_dump_json() for a in page]
            offset += len(page)
        return {"cases": cases, "mentions": mentions, "articles": sorted(articles),
                "rejected": store.rejected_counts(), "counts": store.counts()}
    finally:
        store.close()
