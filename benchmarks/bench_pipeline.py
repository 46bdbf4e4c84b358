"""Throughput of `extract run` (--jobs 1 and 2) against the floor of this design: jieba alone.

    python benchmarks/bench_pipeline.py -n 300

Generates a synthetic corpus (mixed languages, realistic length), then in one run measures
documents/s and MB/s of `extract run --no-cache` with --jobs 1 and --jobs 2, the peak memory of
each run (largest process), and the time jieba alone needs to tokenise the same text.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_corpus import generate  # noqa: E402

JIEBA_ONLY = """
import sys, time, pathlib, jieba, logging
jieba.setLogLevel(logging.WARNING)
t0 = time.perf_counter()
jieba.initialize()
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    list(jieba.cut(p.read_text(encoding="utf-8")))
print(time.perf_counter() - t0)
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the largest process) of one command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"command failed ({status}): {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=300, help="number of synthetic articles")
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration (the best is reported)")
    args = ap.parse_args()
    exe = str(Path(sys.executable).with_name("extract"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        size = generate(corpus, args.n)
        mb = size / 1e6
        print(f"corpus: {args.n} articles, {mb:.2f} MB")
        rows = []
        for label, cmd in (
            ("jieba alone", [sys.executable, "-c", JIEBA_ONLY, str(corpus)]),
            ("extract --jobs 1", [exe, "run", str(corpus), "--out", f"{tmp}/o1", "--no-cache", "--no-progress"]),
            ("extract --jobs 2", [exe, "run", str(corpus), "--out", f"{tmp}/o2", "--no-cache", "--no-progress",
                                  "--jobs", "2"]),
        ):
            best = min((timed(cmd) for _ in range(args.repeat)), key=lambda x: x[0])
            rows.append((label, *best))
        floor = rows[0][1]
        print(f"{'configuration':<18} {'wall s':>8} {'docs/s':>8} {'MB/s':>7} {'peak MB':>8} {'x floor':>8}")
        for label, wall, peak in rows:
            print(f"{label:<18} {wall:8.2f} {args.n / wall:8.1f} {mb / wall:7.3f} {peak:8.0f} {wall / floor:8.2f}")


if __name__ == "__main__":
    main()
