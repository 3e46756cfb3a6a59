"""Fuzz campaign: hostile and unlucky inputs of every format through `spyglass extract`.

Inputs are generated and mutated from the bundled samples (``fuzz_inputs.py``: random bytes,
bit flips, byte edits, truncations, spliced HTML/XML/feeds/WARC, wrong encodings, huge lines,
deep nesting, decompression and entity bombs, feeds of many items, pathological runs of cue
words, other languages, documents grown to megabytes). Worker processes run each one through
the `extract` command in-process, as a user would on the command line (one file, default
settings: the per-article budget included); the spaCy model is loaded once per worker. The
parent gives each input ``--timeout`` seconds and kills a worker that overruns.

Counts: inputs, crashes (a traceback out of `extract`), hangs (over ``--hang`` CPU seconds of
the worker, so that other jobs on the machine do not make hangs; or killed after ``--timeout``
wall seconds), rejections by code (``internal`` ones listed: each is a bug), the slowest inputs and
peak RSS. Findings are saved under ``--save`` and can be made again with ``--replay INDEX``.
Figures go to ``benchmarks/results/fuzz.json``.

    .venv/bin/python benchmarks/fuzz.py                      # full: 100,000 inputs (make fuzz)
    .venv/bin/python benchmarks/fuzz.py --profile short --inputs 300 --workers 1 --output /tmp/f.json
    .venv/bin/python benchmarks/fuzz.py --replay 1234 > input.bin
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_inputs import GENERATORS, PROFILES, fuzz_input  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "fuzz.json"
SAVE = ROOT / "test-artifacts" / "fuzz"
SLOWEST = 15
LISTED = 50  # crashes, hangs and internal rejections listed in full


# --- worker: one process, many inputs ---------------------------------------------------------


def _cache_spacy_load() -> None:
    """Load each spaCy model once per worker (a fresh `extract` would load it per input)."""
    import spacy

    real, loaded = spacy.load, {}

    def load(name: str, **kwargs: Any) -> Any:
        key = (name, repr(sorted(kwargs.items())))
        if key not in loaded:
            loaded[key] = real(name, **kwargs)
        return loaded[key]

    spacy.load = load  # type: ignore[assignment]


def _extract(path: str, table: bool) -> tuple[int, str]:
    """Run `spyglass extract PATH` in-process; (exit status, stderr). Exceptions other than the
    command's own exits (a traceback for a user) propagate."""
    import typer

    from spyglass.cli.extract import Format, extract
    from spyglass.errors import SpyglassError

    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        try:
            extract([path], format=Format.table if table else Format.jsonl, spacy_model=None, max_bytes=None)
            status = 0
        except typer.Exit as done:
            status = done.exit_code
        except SpyglassError as failed:  # the CLI prints these as one line: not a crash
            print(f"spyglass: {failed}", file=sys.stderr)
            status = failed.exit_code
    return status, err.getvalue()


def _outcome(index: int, seed: int, profile: str, folder: Path) -> dict[str, Any]:
    name, data = fuzz_input(seed, index, profile)
    path = folder / f"input-{index}"
    path.write_bytes(data)
    table = index % 20 == 0  # every 20th input through the table printer
    start, cpu = time.monotonic(), time.process_time()
    try:
        status, stderr = _extract(str(path), table)
        crash = None
    except BaseException:  # noqa: BLE001 - any escape is what the campaign counts
        status, stderr, crash = -1, "", traceback.format_exc()
    seconds, wall = time.process_time() - cpu, time.monotonic() - start
    path.unlink()
    codes = Counter(line.split(": rejected (", 1)[1].split(")", 1)[0] for line in stderr.splitlines() if ": rejected (" in line)
    internal = [line for line in stderr.splitlines() if ": rejected (internal)" in line or line.startswith("spyglass:")]
    return {"index": index, "generator": name, "size": len(data), "seconds": round(seconds, 3), "wall": round(wall, 3),
            "status": status, "codes": dict(codes), "internal": internal[:3], "crash": crash,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _worker(conn: Connection, seed: int, profile: str) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    folder = Path(tempfile.mkdtemp(prefix="spyglass-fuzz-"))
    os.environ["SPYGLASS_CACHE_DIR"] = str(folder / "cache")
    _cache_spacy_load()
    while True:
        index = conn.recv()
        if index is None:
            return
        conn.send(_outcome(index, seed, profile, folder))


# --- parent: hand out indices, watch the clock ------------------------------------------------


class _Pool:
    """Worker processes fed one index at a time; a worker past the timeout is killed and replaced."""

    def __init__(self, workers: int, seed: int, profile: str) -> None:
        self.ctx = mp.get_context("fork")
        self.seed, self.profile = seed, profile
        self.slots: list[tuple[Any, Connection]] = [self._start() for _ in range(workers)]
        self.busy: dict[int, tuple[int, float]] = {}  # slot -> (index, started)

    def _start(self) -> tuple[Any, Connection]:
        ours, theirs = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(theirs, self.seed, self.profile), daemon=True)
        proc.start()
        return proc, ours

    def run(self, indices: list[int], timeout: float, report: Any) -> None:
        todo = list(reversed(indices))
        while todo or self.busy:
            for slot in range(len(self.slots)):
                if slot not in self.busy and todo:
                    index = todo.pop()
                    self.slots[slot][1].send(index)
                    self.busy[slot] = (index, time.monotonic())
            ready = wait([self.slots[s][1] for s in self.busy], timeout=1.0)
            for slot, (index, started) in list(self.busy.items()):
                proc, conn = self.slots[slot]
                if conn in ready:
                    try:
                        report(conn.recv())
                    except EOFError:  # the worker died (a segfault, the OOM killer)
                        report(_killed(index, self.seed, self.profile, time.monotonic() - started, "died"))
                        self.slots[slot] = self._start()
                    del self.busy[slot]
                elif time.monotonic() - started > timeout:
                    proc.kill()
                    proc.join()
                    report(_killed(index, self.seed, self.profile, time.monotonic() - started, "killed"))
                    self.slots[slot] = self._start()
                    del self.busy[slot]

    def close(self) -> None:
        for proc, conn in self.slots:
            conn.send(None)
            proc.join(timeout=10)


def _killed(index: int, seed: int, profile: str, seconds: float, how: str) -> dict[str, Any]:
    name, data = fuzz_input(seed, index, profile)
    return {"index": index, "generator": name, "size": len(data), "seconds": round(seconds, 3),
            "wall": round(seconds, 3), "status": how,
            "codes": {}, "internal": [], "crash": f"worker {how} after {seconds:.0f} s", "rss_mb": 0.0}


class _Tally:
    def __init__(self, hang: float, save: Path, seed: int, profile: str) -> None:
        self.hang, self.save, self.seed, self.profile = hang, save, seed, profile
        self.inputs = 0
        self.by_generator: Counter[str] = Counter()
        self.generator_seconds: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.crashes: list[dict[str, Any]] = []
        self.hangs: list[dict[str, Any]] = []
        self.internal: list[dict[str, Any]] = []
        self.slowest: list[dict[str, Any]] = []
        self.rss_mb = 0.0
        self.seconds = 0.0

    def __call__(self, found: dict[str, Any]) -> None:
        self.inputs += 1
        self.by_generator[found["generator"]] += 1
        self.generator_seconds[found["generator"]] += found["seconds"]
        self.codes.update(found["codes"])
        self.rss_mb = max(self.rss_mb, found["rss_mb"])
        self.seconds += found["seconds"]
        brief = {k: found[k] for k in ("index", "generator", "size", "seconds", "wall")}
        if found["crash"] and found["status"] not in ("killed",):
            self.crashes.append({**brief, "traceback": found["crash"].strip().splitlines()[-1]})
            self._keep(found, "crash")
        if found["status"] == "killed" or found["seconds"] > self.hang:
            self.hangs.append(brief)
            self._keep(found, "hang")
        if found["internal"]:
            self.internal.append({**brief, "lines": found["internal"]})
            self._keep(found, "internal")
        self.slowest = sorted([*self.slowest, brief], key=lambda x: -x["seconds"])[:SLOWEST]

    def _keep(self, found: dict[str, Any], what: str) -> None:
        self.save.mkdir(parents=True, exist_ok=True)
        _, data = fuzz_input(self.seed, found["index"], self.profile)
        (self.save / f"{what}-{found['index']}-{found['generator']}.bin").write_bytes(data)
        (self.save / f"{what}-{found['index']}.txt").write_text(json.dumps(found, indent=1), encoding="utf-8")


def _commit() -> str | None:
    """The commit the campaign ran on (a figure is only as good as the code it measured)."""
    import subprocess

    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def _figures(tally: _Tally, args: argparse.Namespace, wall: float) -> dict[str, Any]:
    return {
        "commit": getattr(args, "commit", None) or _commit(), "benchmark": "fuzz", "profile": args.profile, "seed": args.seed, "workers": args.workers,
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "inputs": tally.inputs, "crashes": len(tally.crashes), "hangs": len(tally.hangs),
        "hang_seconds": args.hang, "timeout_seconds": args.timeout,
        "internal": len(tally.internal), "rejections": dict(sorted(tally.codes.items())),
        "by_generator": dict(sorted(tally.by_generator.items())),
        "mean_seconds_by_generator": {name: round(tally.generator_seconds[name] / n, 4)
                                      for name, n in sorted(tally.by_generator.items())},
        "wall_seconds": round(wall, 1), "mean_seconds_per_input": round(tally.seconds / max(tally.inputs, 1), 4),
        "peak_rss_mb_per_worker": round(tally.rss_mb, 1),
        "slowest": tally.slowest, "crash_list": tally.crashes[:LISTED], "hang_list": tally.hangs[:LISTED],
        "internal_list": tally.internal[:LISTED],
    }


def _write(figures: dict[str, Any], output: Path) -> None:
    figures.setdefault("complete", False)
    figures["generators"] = sorted(GENERATORS)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


def _print(figures: dict[str, Any]) -> None:
    print(f"inputs {figures['inputs']}  crashes {figures['crashes']}  hangs (> {figures['hang_seconds']:g} s) "
          f"{figures['hangs']}  internal {figures['internal']}  wall {figures['wall_seconds']} s  "
          f"peak RSS {figures['peak_rss_mb_per_worker']} MB per worker")
    print("rejections: " + ", ".join(f"{code} {n}" for code, n in figures["rejections"].items()))
    print("slowest:")
    for row in figures["slowest"][:10]:
        print(f"  {row['seconds']:8.2f} s  #{row['index']:<7} {row['generator']:<18} {row['size']:>10} bytes")
    for kind in ("crash_list", "hang_list", "internal_list"):
        for row in figures[kind][:10]:
            print(f"{kind.removesuffix('_list')}: {json.dumps(row)[:300]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--start", type=int, default=0, help="first input index")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--profile", choices=sorted(PROFILES), default="full")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--hang", type=float, default=10.0, help="CPU seconds past which an input counts as a hang")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds after which a worker is killed")
    ap.add_argument("--save", type=Path, default=SAVE, help="folder for the inputs behind findings")
    ap.add_argument("--output", type=Path, default=RESULTS)
    ap.add_argument("--replay", type=int, help="write input INDEX to stdout and exit")
    args = ap.parse_args()
    args.commit = _commit()  # read once, at the start: commits made while the campaign runs are not what it measures
    if args.replay is not None:
        name, data = fuzz_input(args.seed, args.replay, args.profile)
        print(f"input {args.replay}: {name}, {len(data)} bytes", file=sys.stderr)
        sys.stdout.buffer.write(data)
        return 0
    tally = _Tally(args.hang, args.save, args.seed, args.profile)
    start = time.monotonic()
    pool = _Pool(args.workers, args.seed, args.profile)
    done = [0]

    def report(found: dict[str, Any]) -> None:
        tally(found)
        done[0] += 1
        if done[0] % 1000 == 0:  # a checkpoint: a long campaign stopped early still leaves its figures
            _write(_figures(tally, args, time.monotonic() - start), args.output)
            print(f"... {done[0]} inputs, {len(tally.crashes)} crashes, {len(tally.hangs)} hangs, "
                  f"{len(tally.internal)} internal, {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)

    try:
        pool.run(list(range(args.start, args.start + args.inputs)), args.timeout, report)
    finally:
        pool.close()
    figures = _figures(tally, args, time.monotonic() - start)
    figures["complete"] = True
    _write(figures, args.output)
    _print(figures)
    return 1 if figures["crashes"] or figures["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
