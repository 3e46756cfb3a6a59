"""The bundled sample corpus ships in the package and covers every input format."""

from __future__ import annotations

from spyglass.samples import sample_paths


def test_samples_cover_every_input_format() -> None:
    names = [p.name for p in sample_paths()]
    assert len(names) >= 12
    assert any(n.endswith(".txt") for n in names)
    assert any(n.endswith(".html") for n in names)
    assert any(n.endswith(".rss.xml") for n in names)
    assert any(n.endswith(".atom.xml") for n in names)
    assert any(n.endswith(".warc.gz") for n in names)


def test_samples_are_readable_utf8_text_or_gzip() -> None:
    for path in sample_paths():
        data = path.read_bytes()
        assert data, path
        if path.suffix == ".gz":
            assert data[:2] == b"\x1f\x8b", path
        else:
            data.decode("utf-8")


def _shingles(text: str, size: int = 14) -> set[tuple[str, ...]]:
    """Runs of words in the prose of a document (markup and scripts dropped: they are not authored text)."""
    import re

    prose = re.sub(r"(?s)<(script|style)\b.*?</\1>|<[^>]+>", " ", text)
    words = re.findall(r"\w+", prose.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_package_copies_no_text_from_the_shared_corpus(corpus_dir) -> None:
    """Texts from ../shared are for tests only: no fourteen-word run of them may appear in the package."""
    from pathlib import Path

    import spyglass

    shared: set[tuple[str, ...]] = set()
    for path in corpus_dir.rglob("*"):
        if path.is_file() and path.suffix in {".txt", ".html", ".xml"}:
            shared |= _shingles(path.read_text(encoding="utf-8", errors="replace"))
    package = Path(spyglass.__file__).parent
    copied = {}
    for path in package.rglob("*"):
        if path.is_file() and path.suffix in {".py", ".txt", ".html", ".xml", ".json", ".jsonl", ".tsv", ".csv"}:
            overlap = _shingles(path.read_text(encoding="utf-8", errors="replace")) & shared
            if overlap:
                copied[str(path.relative_to(package))] = " ".join(next(iter(overlap)))
    assert not copied, f"package files contain corpus text: {copied}"
