"""Tell what a document is from its first bytes: gzip, WARC, binary or text.

Spyglass never trusts a file name: a ``.html`` may hold a PNG and a ``.dat`` may hold a WARC
archive. The checks here look at magic numbers and at the share of control bytes.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Sniffed", "sniff", "GZIP_MAGIC", "is_warc", "looks_binary"]

Sniffed = Literal["empty", "gzip", "warc", "binary", "text"]

GZIP_MAGIC = b"\x1f\x8b"

# Magic numbers of common binary formats people point Spyglass at by mistake: (id, prefix).
BINARY_MAGIC: tuple[tuple[str, bytes], ...] = (
    ("png", b"\x89PNG\r\n\x1a\n"),
    ("jpeg", b"\xff\xd8\xff"),
    ("gif", b"GIF8"),
    ("pdf", b"%PDF-"),
    ("zip", b"PK\x03\x04"),
    ("bzip2", b"BZh"),
    ("xz", b"\xfd7zXZ\x00"),
    ("zstd", b"\x28\xb5\x2f\xfd"),
    ("elf", b"\x7fELF"),
    ("webp", b"RIFF"),
    ("sqlite", b"SQLite format 3\x00"),
    ("ole", b"\xd0\xcf\x11\xe0"),
)

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Bytes that never occur in text; tab, newline, form feed, carriage return and ESC can.
_CONTROL = frozenset(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | frozenset(range(0x10, 0x1B)) | {
    0x1C, 0x1D, 0x1E, 0x1F, 0x7F
}


def is_warc(head: bytes) -> bool:
    """True when the bytes start a WARC record (after optional leading blank lines)."""
    return head.lstrip(b"\r\n").startswith(b"WARC/")


def looks_binary(head: bytes) -> bool:
    """True for known binary magic numbers or text with too many control bytes."""
    if head.startswith(_UTF16_BOMS) or head.startswith(b"\x00\x00\xfe\xff"):
        return False
    if any(head.startswith(magic) for _, magic in BINARY_MAGIC):
        return True
    sample = head[:8192]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte in _CONTROL)
    # A NUL in UTF-8 text is a corruption; a few in a long sample are tolerated, a share is not.
    return controls / len(sample) > 0.05 or sample.count(0) > 8


def sniff(head: bytes) -> Sniffed:
    """What the document starting with ``head`` is (look at least the first 8 KB)."""
    if not head.strip():
        return "empty"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if is_warc(head):
        return "warc"
    if looks_binary(head):
        return "binary"
    return "text"
