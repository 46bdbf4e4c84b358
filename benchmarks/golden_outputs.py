"""Byte-for-byte check that a change to the runner leaves every annotated set's outputs unchanged.

    python benchmarks/golden_outputs.py snapshot DIR [--jobs N] [--sets dev blind ...] [--extra '--dask local']
    python benchmarks/golden_outputs.py compare BEFORE AFTER

``snapshot`` runs ``extract run SET --out DIR/SET --no-cache`` for every set (the shared dev and train sets,
the blind sets in tests/data, the sample corpus) with the ``extract`` beside this Python (PYTHONPATH picks
the tree). ``compare`` compares documents.jsonl, records.jsonl and studies.jsonl of each set byte for byte
and prints only counts, digests and the number of the first differing line, never the content (the train
set must not be read by people fitting rules).
"""
from __future__ import annotations

import argparse
import hashlib
import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FILES = ("documents.jsonl", "records.jsonl", "studies.jsonl")


def sets() -> dict[str, Path]:
    found = {"dev": EVAL / "dev" / "docs", "train": EVAL / "train" / "docs"}
    for p in sorted((ROOT / "tests" / "data").glob("blind*")):
        found[p.name] = p / "docs"
    found["corpus"] = ROOT / "corpus"
    return {k: v for k, v in found.items() if v.is_dir()}


def snapshot(out: Path, names: list[str], jobs: int, extra: list[str]) -> None:
    exe = str(Path(sys.executable).with_name("extract"))
    out.mkdir(parents=True, exist_ok=True)
    for name, docs in sets().items():
        if names and name not in names:
            continue
        t0 = time.perf_counter()
        cmd = [exe, "run", str(docs), "--out", str(out / name), "--no-cache", "--no-progress", "--jobs", str(jobs),
               *extra]
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode:
            raise SystemExit(f"{name}: exit {res.returncode}\n{res.stderr[-2000:]}")
        print(f"{name:<8} {time.perf_counter() - t0:6.1f}s  {res.stdout.strip().splitlines()[0]}")


def _digest(path: Path) -> tuple[str, int]:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest()[:16], data.count(b"\n")


def _first_difference(a: Path, b: Path) -> int:
    with a.open("rb") as fa, b.open("rb") as fb:
        for n, (la, lb) in enumerate(zip(fa, fb), 1):
            if la != lb:
                return n
    return -1


def compare(before: Path, after: Path) -> bool:
    same = True
    for name in sorted(p.name for p in before.iterdir() if p.is_dir()):
        for f in FILES:
            a, b = before / name / f, after / name / f
            if not b.exists():
                print(f"{name:<8} {f:<16} missing in {after}")
                same = False
                continue
            (da, na), (db, nb) = _digest(a), _digest(b)
            if da == db:
                print(f"{name:<8} {f:<16} identical ({na} lines, {da})")
            else:
                same = False
                print(f"{name:<8} {f:<16} DIFFERENT ({na} vs {nb} lines; first difference at line "
                      f"{_first_difference(a, b)})")
    print("all identical" if same else "DIFFERENCES FOUND")
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("--jobs", type=int, default=1)
    s.add_argument("--sets", nargs="*", default=[])
    s.add_argument("--extra", default="", help="more arguments for extract run, one string (e.g. '--dask local')")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "snapshot":
        snapshot(args.out, args.sets, args.jobs, shlex.split(args.extra))
    else:
        raise SystemExit(0 if compare(args.before, args.after) else 1)


if __name__ == "__main__":
    main()
