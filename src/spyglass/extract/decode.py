"""Turn a document's bytes into clean text: charset, mojibake, line ends, odd spaces.

Order of trust: a byte-order mark, the charset the transport declared, the charset the
document declares (``<meta charset>``, ``<?xml encoding?>``), strict UTF-8, then
charset-normalizer's guess. A document none of them can decode is an ``encoding`` rejection.
UTF-8 text that was once decoded as cp1252 ("â€™" for "'") is repaired run by run.
"""

from __future__ import annotations

import codecs
import html
import re

__all__ = ["DecodeError", "decoded", "repair_mojibake", "normalise_text", "looks_binary"]


class DecodeError(ValueError):
    """No known character encoding decodes the bytes."""


# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w-]+)""",
                       re.IGNORECASE)


def decoded(data: bytes, declared: str | None = None) -> str:
    """The text of ``data``; raises ``DecodeError`` when no encoding fits."""
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], bom_encoding)
    candidates: list[str | None] = [declared, _declared_in(data), "utf-8"]
    for encoding in candidates:
        if encoding:
            try:
                codec = _known(encoding)
                text = data.decode(codec)
            except (LookupError, UnicodeDecodeError):
                continue
            if codec == "utf-8" and not _MOJIBAKE_UTF8.search(data):
                return text  # found in the bytes at once: the text's own search costs ~0.5 ms a page
            return repair_mojibake(text)
    return _guessed(data)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DecodeError(f"invalid {encoding} at byte {err.start}") from err


def _declared_in(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def _known(encoding: str) -> str:
    name = codecs.lookup(encoding.strip().lower()).name
    # Browsers read latin-1 labels as cp1252; so must we, or curly quotes turn into controls.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _guessed(data: bytes) -> str:
    """Bytes that are not valid in any declared encoding nor in UTF-8."""
    mostly_utf8 = data.decode("utf-8", "replace")
    bad = mostly_utf8.count("\ufffd")
    if bad <= max(3, len(data) // 2000) and not mostly_utf8.replace("\ufffd", "").isascii():
        return repair_mojibake(mostly_utf8)  # UTF-8 with a few damaged bytes
    head = data[:200_000]
    high = len(head) - len(head.translate(None, _HIGH_BYTES))  # counted in C, not byte by byte
    if high <= len(head) * 0.3:
        return data.decode("cp1252", "replace")  # Western legacy text: a few accents, curly quotes
    from charset_normalizer import from_bytes

    best = from_bytes(data[:500_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("no character encoding fits (not UTF-8, and no other encoding is plausible)")
    try:
        text = data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError) as err:
        raise DecodeError(f"not decodable as {best.encoding}") from err
    if _looks_garbled(text):
        raise DecodeError(f"decodes as {best.encoding} only into garbled text")
    return text


def _looks_garbled(text: str) -> bool:
    sample = text[:20_000]
    if not sample:
        return False
    odd = sum(1 for ch in sample if not (ch.isprintable() or ch.isspace()))
    return odd / len(sample) > 0.02


# A run of characters as they come out when UTF-8 bytes are read as cp1252: a lead byte
# (Â-ô) followed by continuation bytes (0x80-0xBF shown in cp1252).
_CP1252_CONT = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿\x81\x8d\x8f\x90\x9d"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{re.escape(_CP1252_CONT)}]{{1,3}}")
# The same start of a run in UTF-8 bytes (Â-ô are C3 82-B4): a literal first byte, so ``re``
# skips through a page; where it finds none, ``_MOJIBAKE`` finds none in the decoded text.
_MOJIBAKE_UTF8 = re.compile(b"\xc3[\x82-\xb4](?:" + b"|".join(re.escape(c.encode("utf-8", "surrogatepass")) for c in _CP1252_CONT) + b")")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 runs ("â€™" -> "'"), leaving genuine accented text alone."""
    if not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(_repaired_run, text)


def _repaired_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return bytes(_cp1252_byte(ch) for ch in run).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return run


def _cp1252_byte(ch: str) -> int:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        # Bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) survive as C1 controls.
        if ord(ch) < 0x100:
            return ord(ch)
        raise ValueError(ch) from None


_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")


def normalise_text(text: str) -> str:
    """Plain text with LF line ends, ordinary spaces, no invisible characters or HTML entities."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", _SPACES.sub(" ", text))
    if _ENTITY.search(text):
        text = html.unescape(text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


_CONTROL_BYTES = bytes(sorted((set(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F, 0x7F} | set(range(0x10, 0x20))) - {0x1B}))


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding (many control bytes, NULs outside UTF-16/32)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and (controls / len(head) > 0.05 or head.count(0) > 8)
