"""The bundled sample corpus: documents written by the Spyglass authors, one or more per input format.

They retell publicly reported espionage cases in our own words (plus one film review as a
distractor) so `make demo` and the tests have data anywhere, air-gapped included. Two pairs
report the same case at different stages from different outlets, for the linking test:
Kevin Mallory (RSS item on his 2017 arrest, HTML page on his 2019 sentence) and the 2010
Russian "illegals" (arrest and prisoner swap, both inside the WARC archive).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["sample_paths", "SAMPLES_DIR"]

SAMPLES_DIR = Path(str(files(__name__)))
_FOLDERS = ("text", "html", "feeds", "warc")


def sample_paths() -> list[Path]:
    """Every bundled sample document, in a stable order."""
    return sorted(p for folder in _FOLDERS for p in (SAMPLES_DIR / folder).iterdir() if p.is_file())
