"""Benchmark reading a WARC.gz whose one record unpacks to far more than the size cap.

For records of 8 to 64 MiB (each a file of a few dozen KB), measures the time until
``sources.path_items`` rejects the record as ``too-large``, against a plain
``zlib.decompress`` of the same bytes. A linear reader keeps the ratio flat as the record
grows; the reader before issue 13 re-sliced its pending output on every small read (quadratic:
73 s for 64 MiB in the issue).

Prints a table and writes the figures to ``benchmarks/results/gunzip.json``.

    python benchmarks/gunzip.py [--sizes 8 16 32 64] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
import zlib
from pathlib import Path

from spyglass.sources.files import path_items

RESULTS = Path(__file__).resolve().parent / "results" / "gunzip.json"
MIB = 1024 * 1024
CAP = 4_000_000  # under every record size measured, so each ends as a too-large rejection


def warc_bomb(payload_bytes: int) -> bytes:
    """A WARC.gz of one HTML response record whose body unpacks to ``payload_bytes`` bytes."""
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + b"a" * payload_bytes + b"</p>"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
            b"WARC-Target-URI: http://bomb.example/\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body))
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(head + body + b"\r\n\r\n") + packer.flush()


def measure(size_mib: int, folder: Path) -> dict[str, float]:
    packed = warc_bomb(size_mib * MIB)
    path = folder / f"bomb-{size_mib}.warc.gz"
    path.write_bytes(packed)
    started = time.perf_counter()
    found = list(path_items(str(path), CAP))
    spyglass = time.perf_counter() - started
    codes = [getattr(f, "code", "read") for f in found]
    assert codes == ["too-large"], codes
    started = time.perf_counter()
    zlib.decompress(packed, wbits=31)
    plain = time.perf_counter() - started
    return {"record_mib": size_mib, "file_kb": round(len(packed) / 1000, 1), "spyglass_s": round(spyglass, 3),
            "zlib_s": round(plain, 3), "ratio": round(spyglass / plain, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 16, 32, 64], help="record sizes in MiB")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(size, Path(tmp)) for size in args.sizes]
    print(f"{'record':>8} {'file':>9} {'spyglass':>10} {'zlib':>8} {'ratio':>7}")
    for row in rows:
        print(f"{row['record_mib']:>5} MiB {row['file_kb']:>6} KB {row['spyglass_s']:>8.2f} s "
              f"{row['zlib_s']:>6.2f} s {row['ratio']:>6.1f}x")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": platform.processor() or platform.machine(),
                                    "python": platform.python_version(), "cap_bytes": CAP, "rows": rows},
                                   indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
