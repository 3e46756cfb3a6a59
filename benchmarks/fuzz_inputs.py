"""Hostile and unlucky inputs for ``benchmarks/fuzz.py``, made from the bundled samples.

``fuzz_input(seed, index, profile)`` is deterministic: the same (seed, index) gives the same
bytes, so the campaign only passes indices around and any finding can be made again
(``fuzz.py --replay INDEX``). Each generator takes a ``random.Random`` and the seed documents
and returns bytes; ``GENERATORS`` weighs them.
"""

from __future__ import annotations

import gzip
import math
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spyglass.samples import sample_paths

__all__ = ["Seed", "seeds", "fuzz_input", "GENERATORS", "PROFILES"]

# Largest size of a scaled-up document, per profile (the short one runs in CI).
PROFILES: dict[str, int] = {"short": 1_000_000, "full": 19_000_000}


@dataclass(frozen=True)
class Seed:
    name: str
    kind: str  # text, html, feed, warc (uncompressed), warc.gz
    data: bytes


@cache
def seeds() -> tuple[Seed, ...]:
    """Every sample, plus the WARC archive unpacked (so its records can be mutated and re-packed)."""
    out: list[Seed] = []
    for path in sample_paths():
        data = path.read_bytes()
        kind = {"text": "text", "html": "html", "feeds": "feed", "warc": "warc.gz"}[path.parent.name]
        out.append(Seed(path.name, kind, data))
        if kind == "warc.gz":
            out.append(Seed(path.name.removesuffix(".gz"), "warc", gzip.decompress(data)))
    return tuple(out)


def _pick(rng: random.Random, kind: str | None = None) -> Seed:
    return rng.choice([s for s in seeds() if kind is None or s.kind == kind])


def _text_of(seed: Seed) -> bytes:
    return gzip.decompress(seed.data) if seed.kind == "warc.gz" else seed.data


# --- generators -------------------------------------------------------------------------------


def sample(rng: random.Random, size: int) -> bytes:
    """A sample unchanged: the baseline every mutation departs from."""
    return _pick(rng).data


def random_bytes(rng: random.Random, size: int) -> bytes:
    n = rng.choice([0, 1, 2, 16, 512, 4096, 65_536])
    alphabet = rng.choice([None, b"<>/&;#x0123456789abc \n\"'=", bytes(range(32, 127)), b"\x00\xff\xfe\x1f\x8b"])
    if alphabet is None:
        return rng.randbytes(n)
    return bytes(rng.choice(alphabet) for _ in range(n))


def bit_flips(rng: random.Random, size: int) -> bytes:
    data = bytearray(_pick(rng).data)
    for _ in range(rng.choice([1, 2, 4, 16, 64])):
        if data:
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
    return bytes(data)


_INTERESTING = [b"\x00", b"\xff", b"\xc3", b"<", b">", b"&", b"&#0;", b"&#x110000;", b"]]>", b"<![CDATA[", b"<!--",
                b"\r", b"\n\n", b"\t", b"\xe2\x80\xae", b"\xef\xbb\xbf", b"%", b"\\", b"'", b'"', b"<script>", b"</p>",
                b"999999999999999999999", b"-1", b"1e309", b"NaN", b"\xf0\x9f\x95\xb5"]


def byte_edits(rng: random.Random, size: int) -> bytes:
    data = bytearray(_text_of(_pick(rng)))
    for _ in range(rng.choice([1, 3, 10, 40])):
        i = rng.randrange(len(data) + 1)
        op = rng.randrange(3)
        if op == 0:
            data[i:i] = rng.choice(_INTERESTING)
        elif op == 1:
            del data[i:i + rng.randrange(1, 64)]
        else:
            data[i:i + 1] = rng.choice(_INTERESTING) * rng.choice([1, 2, 50])
    return bytes(data)


def truncate(rng: random.Random, size: int) -> bytes:
    seed = _pick(rng)
    data = seed.data if rng.random() < 0.5 or seed.kind != "warc" else gzip.compress(seed.data)
    return data[: rng.randrange(len(data) + 1)]


def splice(rng: random.Random, size: int) -> bytes:
    a, b = _text_of(_pick(rng)), _text_of(_pick(rng))
    return a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1):]


def markup_splice(rng: random.Random, size: int) -> bytes:
    """Pieces of one format dropped into another: HTML in a feed, a feed in HTML, WARC headers in text."""
    host = bytearray(_text_of(_pick(rng)))
    guest = _text_of(_pick(rng))
    start = rng.randrange(len(guest) + 1)
    piece = guest[start:start + rng.choice([20, 200, 2000])]
    wrap = rng.choice([b"%s", b"<![CDATA[%s]]>", b"<description>%s</description>", b"<p>%s", b"<!-- %s -->",
                       b'<script type="application/ld+json">%s</script>', b"<item>%s</item>" * 3])
    pos = rng.randrange(len(host) + 1)
    host[pos:pos] = wrap.replace(b"%s", piece)
    return bytes(host)


_ENCODINGS = ["utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252", "shift_jis", "koi8-r", "gb18030", "utf-7", "cp037"]


def wrong_encoding(rng: random.Random, size: int) -> bytes:
    """A document in another encoding than it declares (or with a lying BOM or meta charset)."""
    text = _text_of(_pick(rng, rng.choice(["text", "html", "feed"]))).decode("utf-8")
    encoding = rng.choice(_ENCODINGS)
    data = text.encode(encoding, errors="replace")
    trick = rng.randrange(4)
    if trick == 0:
        data = b"\xef\xbb\xbf" + data  # a UTF-8 BOM on other bytes
    elif trick == 1:
        data = data.replace(b"utf-8", rng.choice([b"utf-16", b"iso-2022-jp", b"nonsense", b"utf-8\x00"]))
    elif trick == 2:
        data = text.encode("utf-8")[: len(data) // 2] + data[len(data) // 2:]  # two encodings in one file
    return data


def huge_line(rng: random.Random, size: int) -> bytes:
    """One line (or one sentence) far longer than any sentence: words, digits, capitals, no spaces."""
    n = rng.choice([10_000, 100_000, 1_000_000, min(size, 5_000_000)])
    unit = rng.choice([b"a", b"spy ", b"Mallory ", b"1", b"2019, ", b"China ", b"Sentenced to 20 years ", b"<b>",
                       b"and he met intelligence officers in Shanghai, ", b"A. ", b"-", b"(", b"\xc3\xa9"])
    line = unit * (n // len(unit))
    seed = _pick(rng, rng.choice(["text", "html"]))
    data = seed.data
    pos = rng.randrange(len(data) + 1)
    return data[:pos] + line + data[pos:]


def deep_nesting(rng: random.Random, size: int) -> bytes:
    depth = rng.choice([100, 1_000, 10_000, 100_000])
    kind = rng.randrange(4)
    if kind == 0:
        return b"<html><body>" + b"<div>" * depth + b"<p>Spy arrested in Berlin.</p>" + b"</div>" * depth + b"</body></html>"
    if kind == 1:
        feed = _pick(rng, "feed").data
        return feed.replace(b"<title>", b"<title>" + b"<x>" * depth, 1)
    if kind == 2:  # JSON-LD nested arrays
        return (b'<html><head><script type="application/ld+json">' + b"[" * depth + b"]" * depth
                + b"</script></head><body><p>text</p></body></html>")
    return b"<html><body>" + b"<table><tr><td>" * (depth // 10) + b"spy" + b"</body></html>"


@cache
def _zeros_gzip(mib: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\x00" * (1 << 20)
    return b"".join([*(packer.compress(chunk) for _ in range(mib)), packer.flush()])


@cache
def _warc_gzip_bomb(mib: int) -> bytes:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + b"a" * (mib << 20) + b"</p>"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
            b"WARC-Target-URI: http://bomb.example/\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body))
    return gzip.compress(head + body + b"\r\n\r\n", 9)


_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
           + b']><rss version="2.0"><channel><title>&lol9;</title><item><title>Spy</title>'
           b"<description>&lol9;</description></item></channel></rss>")


def bomb(rng: random.Random, size: int) -> bytes:
    """Decompression and entity bombs: gzip of zeros, gzip in gzip, a WARC record, billion laughs, XXE."""
    kind = rng.randrange(5)
    if kind == 0:
        return _zeros_gzip(rng.choice([8, 32, 100]))
    if kind == 1:
        return gzip.compress(_zeros_gzip(32))
    if kind == 2:
        return _warc_gzip_bomb(rng.choice([8, 24]))
    if kind == 3:
        return _LAUGHS
    return (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<rss><channel><item><title>&x;</title><description>Spy &x;</description></item></channel></rss>")


def many_items(rng: random.Random, size: int) -> bytes:
    """A feed with thousands of items, a blog dump with thousands of posts, a WARC of many records."""
    n = rng.choice([20, 100, 200])  # feeds rarely hold more; every item is analysed (cost per item)
    kind = rng.randrange(3)
    if kind == 0:
        feed = _pick(rng, "feed").data
        head, sep, rest = feed.partition(b"<item>")
        if not sep:
            head, sep, rest = feed.partition(b"<entry>")
        close = b"</item>" if sep == b"<item>" else b"</entry>"
        one = sep + rest.split(close)[0] + close
        return head + one * n + b"</channel></rss>"
    if kind == 1:
        post = _pick(rng, "text").data
        return b"\n\n".join([post] * (n // 4))  # 5 to 50 posts
    warc = next(s for s in seeds() if s.kind == "warc").data
    return warc * (n // 10)


_NEEDLES = [b"1999 ", b"42 ", b"$1.5 million ", b"China ", b"Russia's SVR ", b"Kevin Mallory ", b"J. ",
            b"sentenced ", b"arrested and charged ", b"in 2019, ", b"spy ", b"MSS, ", b"\xe2\x80\x94 ", b"(", b") ",
            b"twenty-three ", b"| 2021 | 3 |\n", b"2021 - 18\n", b"respectively ", b"Spionage ", b"e.g. ", b"Mr. "]


def pathological_text(rng: random.Random, size: int) -> bytes:
    """Long runs of what the rules look for (years, sums, countries, names, steps), with or without breaks."""
    count = rng.choice([100, 400, 1_500, 6_000])
    words = [rng.choice(_NEEDLES) for _ in range(rng.randrange(1, 5))]
    stop = rng.choice([b"", b". ", b"\n", b", "])
    body = b"".join(words[i % len(words)] + (stop if i % 7 == 6 else b"") for i in range(count))
    head = rng.choice([b"", b"Spy sentenced\n\n", b"<html><body><h1>Spy jailed</h1><p>"])
    return head + b"A former officer was arrested for spying for China. " + body


_LANG_TEXT = ["Der Spion wurde zu sieben Jahren Haft verurteilt.", "L'espion a été condamné à sept ans.",
              "Шпион приговорён к семи годам.", "间谍被判处七年徒刑。", "スパイは懲役7年の判決を受けた。",
              "الجاسوس حكم عليه بالسجن", "Szpieg skazany na siedem lat.", "O espião foi condenado.", "Ο κατάσκοπος"]


def language(rng: random.Random, size: int) -> bytes:
    """Pages in other scripts and languages, with valid, unknown or malformed language codes."""
    lang = rng.choice(["de", "fr", "ru", "zh-Hans", "ja", "ar", "pl", "pt-BR", "xx-YY", "", "en_US", "123", "tlh",
                       "und", "zz", "e", "-", "de-DE-x-private", "\x00"])
    text = " ".join(rng.choice(_LANG_TEXT) for _ in range(rng.randrange(1, 40)))
    if rng.random() < 0.5:
        return f'<html lang="{lang}"><head><title>{text[:40]}</title></head><body><article><p>{text}</p></article></body></html>'.encode()
    return f'<rss version="2.0"><channel><language>{lang}</language><item><title>{text[:30]}</title><description>{text}</description></item></channel></rss>'.encode()


def large(rng: random.Random, size: int) -> bytes:
    """A sample grown to megabytes with varied paragraphs (so boilerplate removal keeps them)."""
    seed = _pick(rng, rng.choice(["text", "html"]))
    target = int(math.exp(rng.uniform(math.log(min(300_000, size)), math.log(size))))  # log-uniform
    paras = [p for p in _text_of(_pick(rng, "text")).split(b"\n") if len(p) > 40] or [b"Spy arrested in Berlin."]
    out: list[bytes] = []
    total = 0
    while total < target:
        para = rng.choice(paras) + b" (%d)" % len(out)
        out.append(b"<p>" + para + b"</p>\n" if seed.kind == "html" else para + b"\n\n")
        total += len(out[-1])
    body = b"".join(out)
    return seed.data.replace(b"<p>", body + b"<p>", 1) if seed.kind == "html" else seed.data + b"\n\n" + body


Generator = Callable[[random.Random, int], bytes]
GENERATORS: dict[str, tuple[Generator, float]] = {
    "sample": (sample, 2), "random_bytes": (random_bytes, 6), "bit_flips": (bit_flips, 12),
    "byte_edits": (byte_edits, 12), "truncate": (truncate, 10), "splice": (splice, 9),
    "markup_splice": (markup_splice, 9), "wrong_encoding": (wrong_encoding, 8), "huge_line": (huge_line, 0.5),
    "deep_nesting": (deep_nesting, 2), "bomb": (bomb, 0.5), "many_items": (many_items, 0.5),
    "pathological_text": (pathological_text, 2), "language": (language, 5), "large": (large, 0.1),
}


def fuzz_input(seed: int, index: int, profile: str = "full") -> tuple[str, bytes]:
    """(generator name, bytes) of input ``index`` of the campaign ``seed``; sometimes gzipped."""
    rng = random.Random(f"{seed}:{index}")
    names = list(GENERATORS)
    name = rng.choices(names, weights=[GENERATORS[n][1] for n in names])[0]
    if index < len(names):  # the first inputs of a campaign take every generator once, however rare
        name = names[index]
    data = GENERATORS[name][0](rng, PROFILES[profile])
    if name not in ("bomb", "truncate") and len(data) < 2_000_000 and rng.random() < 0.05:
        data = gzip.compress(data, 1)  # the reader decides by content: a gzip of anything
    return name, data
