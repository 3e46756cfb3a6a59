"""``POST /api/v1/ingest``: one document body or one URL, through the same pipeline as the CLI.

URLs are fetched by ``spyglass.sources`` (via the pipeline) with the server's settings, so
private, loopback and link-local addresses are refused unless ``allow_private`` is set.
A document body is handed to the pipeline as a temporary file named after the client's
``name`` so extraction sniffs its type from its bytes, exactly as for a file on disk.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from spyglass.errors import REJECT_CODES
from spyglass.settings import Settings
from spyglass.store.base import Store

from .problems import ApiError

__all__ = ["IngestRequest", "IngestSummary", "ingest_document"]

MAX_BODY_CHARS = 5_000_000


class IngestRequest(BaseModel):
    """Exactly one of ``url`` or ``document``."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, max_length=2000, description="http(s) URL to fetch and ingest")
    document: str | None = Field(default=None, max_length=MAX_BODY_CHARS,
                                 description="the document itself: plain text, HTML, a feed")
    name: str = Field(default="posted-document.txt", max_length=200,
                      description="a file name for the document, shown as its source")

    @model_validator(mode="after")
    def _one_input(self) -> IngestRequest:
        if (self.url is None) == (self.document is None):
            raise ValueError("send exactly one of 'url' or 'document'")
        return self


class IngestSummary(BaseModel):
    """What the ingest did, as ``spyglass ingest`` reports it."""

    documents: int = Field(description="documents read")
    articles: int = Field(description="article-level units found in them")
    stored: int = Field(description="articles new to the database")
    skipped: int = Field(description="articles already stored by an earlier run")
    duplicates: int = Field(description="near-duplicates of a stored article")
    relevant: int = Field(description="stored articles about espionage")
    mentions: int = Field(description="case mentions linked into cases")
    rejected: dict[str, int] = Field(default_factory=dict, description="rejections by code")
    new_cases: list[str] = Field(default_factory=list)
    updated_cases: list[str] = Field(default_factory=list)


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).name).strip(".-")
    return cleaned[:100] or "posted-document.txt"


def _run(inputs: list[str], store: Store, settings: Settings, shown: str) -> IngestSummary:
    from spyglass.pipeline import ingest

    done = ingest(inputs, store, settings)
    if done.articles == 0 and done.rejected:
        # Nothing could be read: answer with the rejection itself (blocked-address, http-status...).
        code = sorted(done.rejected)[0]
        raise ApiError(422, code, f"{shown[:200]}: {REJECT_CODES.get(code, 'rejected')}")
    return IngestSummary(
        documents=done.documents, articles=done.articles, stored=done.stored, skipped=done.skipped,
        duplicates=done.duplicates, relevant=done.relevant, mentions=done.mentions,
        rejected=dict(done.rejected), new_cases=sorted(done.new_cases), updated_cases=sorted(done.updated_cases),
    )


def ingest_document(body: IngestRequest, store: Store, settings: Settings) -> IngestSummary:
    if body.url is not None:
        if not re.match(r"^https?://[^\s/]+", body.url, re.IGNORECASE):
            raise ApiError(422, "invalid-request", "url must be an http(s) URL such as https://example.org/story")
        return _run([body.url], store, settings, body.url)
    with tempfile.TemporaryDirectory(prefix="spyglass-post-") as folder:
        path = Path(folder) / _safe_name(body.name)
        path.write_text(body.document or "", encoding="utf-8")
        return _run([str(path)], store, settings, body.name)
