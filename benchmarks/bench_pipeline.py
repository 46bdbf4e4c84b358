"""Speed and scale of `extract run` on real articles (issue 13), in one run so that the figures are paired.

    python benchmarks/bench_pipeline.py [--sizes 1 4 16] [--throughput-size 4] [--skip memory slow ...]

The corpus is built from the real annotated documents (the shared dev and train sets and the blind sets
in tests/data), repeated K times under distinct names (``repK/SET/NAME``). Reported:

- **throughput**: MB of input per CPU-second (user + system time of the run and its workers) of
  ``extract run --no-cache`` at ``--jobs 1``, against two floors measured in the same run over the same
  documents: jieba + blank spaCy (Chinese through spaCy's jieba segmenter, English through the blank
  English tokenizer) and rjieba + blank spaCy (Chinese through rjieba). Start-up (imports, dictionaries,
  warm-up) is measured apart on a one-file input and reported too;
- **scaling**: wall and CPU time at ``--jobs 1`` and ``--jobs 2`` (the machine's load average is printed:
  on a shared machine the wall time says little, the CPU time is the figure);
- **memory**: at 1x, 4x and 16x the corpus, the peak RSS of the main process up to the start of
  deduplication (the streaming part), its peak at the end (deduplication's own growth is the difference),
  and the largest worker's peak;
- **slow inputs**: the slowest real documents, and hostile inputs of 200 kB (long runs of one shape);
  for any that takes over 5 CPU-seconds, the patterns that cost the time (each pattern timed alone on the
  start of its text).

Not a test: nothing here is asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SLOW_S = 5.0
HOSTILE_BYTES = 200_000
HOSTILE_LIMIT_S = 60.0     # wall seconds: an input still running then is stopped (reported as a timeout)
PROBE_CHARS = 2_000        # a slow input's patterns are timed one by one on this much of its text (a regex
                           # scan cannot be stopped from Python: a quadratic one on 200 kB runs for hours)
# (name, unit repeated to HOSTILE_BYTES): the shapes of the slow inputs reported in issue 13 and 14
HOSTILE = [("digits", "1"), ("zh-numerals", "一"), ("zh-numerals-mixed", "十二万"), ("brackets", "("),
           ("nested-brackets", "(（["), ("no-spaces-en", "a"), ("no-spaces-zh", "糖"), ("decimals", "1.5"),
           ("percent", "8.1% "), ("dashes", "- "), ("list-markers", "1. "), ("times", "1×10^6 "),
           ("zh-clauses", "共纳入1例,"), ("en-words", "patients "), ("newlines", "\n"), ("pipes", "|")]


def sources() -> list[Path]:
    """Folders of real annotated documents that go into the benchmark corpus."""
    found = [EVAL / "dev" / "docs", EVAL / "train" / "docs"]
    found += sorted((ROOT / "tests" / "data").glob("blind*/docs"))
    return [p for p in found if p.is_dir()]


def build_corpus(dst: Path, k: int) -> int:
    """K copies of every source document under distinct names; returns the total bytes."""
    total = 0
    for j in range(k):
        for src in sources():
            name = src.parent.name
            for p in sorted(src.rglob("*")):
                if p.is_file():
                    target = dst / f"rep{j:02d}" / name / p.relative_to(src)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(p, target)
                    total += p.stat().st_size
    return total


def timed(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds (the process and the workers it waited for) and its stdout."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    out, err = proc.communicate()
    # communicate() reaped the child: its rusage is in RUSAGE_CHILDREN, measured around it
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-3000:]}")
    return {"wall": wall, "stdout": out}  # type: ignore[dict-item]


def cpu_of(cmd: list[str]) -> dict[str, float]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    res = timed(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    res["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return res


FLOOR = r"""
import json, sys, time, logging
from pathlib import Path
from extract import ingest
from extract.document import SourceDoc
from extract.pipeline import to_document
texts = []
for f in ingest.discover(Path(sys.argv[1]), exclude=[]):
    for s in ingest.read(f):
        if isinstance(s, SourceDoc):
            d = to_document(s)
            texts.append((d.lang.startswith("zh"), d.text))
import spacy, jieba, rjieba
jieba.setLogLevel(logging.WARNING)
zh = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
en = spacy.blank("en")
zh("预热"); rjieba.cut("预热"); en("warm up")
out = {}
t = time.process_time()
for is_zh, text in texts:
    (zh if is_zh else en)(text)
out["jieba"] = time.process_time() - t
t = time.process_time()
for is_zh, text in texts:
    rjieba.cut(text) if is_zh else en.tokenizer(text)
out["rjieba"] = time.process_time() - t
print(json.dumps(out))
"""

MEMORY = r"""
import json, resource, sys
from pathlib import Path
from extract import pipeline
marks = {}
def stage(name):
    marks[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
s = pipeline.run(Path(sys.argv[1]), Path(sys.argv[2]), jobs=int(sys.argv[3]), stage=stage)
marks["end"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
marks["workers"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
marks["documents"] = s.documents
marks["records"] = s.records
print(json.dumps(marks))
"""


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def throughput(tmp: Path, k: int, exe: str) -> None:
    corpus = tmp / f"corpus{k}"
    size = build_corpus(corpus, k) if not corpus.exists() else sum(p.stat().st_size for p in corpus.rglob("*")
                                                                      if p.is_file())
    mb = size / 1e6
    one = tmp / "one"
    one.mkdir(exist_ok=True)
    (one / "a.txt").write_text("研究共纳入40名2型糖尿病患者,糖化血红蛋白从8.4%降至7.2%。\n", encoding="utf-8")
    print(f"\n== throughput and scaling: corpus {k}x = {mb:.2f} MB (load average {load()})")
    floors = json.loads(cpu_of([sys.executable, "-c", FLOOR, str(corpus)])["stdout"])  # type: ignore[arg-type]
    start = cpu_of([exe, "run", str(one), "--out", str(tmp / "o-one"), "--no-cache", "--no-progress"])
    rows = [("jieba + blank spaCy", None, floors["jieba"]), ("rjieba + blank spaCy", None, floors["rjieba"]),
            ("start-up (1 file)", start["wall"], start["cpu"])]
    for jobs in (1, 2):
        r = cpu_of([exe, "run", str(corpus), "--out", str(tmp / f"o-j{jobs}"), "--no-cache", "--no-progress",
                    "--jobs", str(jobs)])
        rows.append((f"extract --jobs {jobs}", r["wall"], r["cpu"]))
        print(f"   (--jobs {jobs} done; load average {load()})", flush=True)
    print(f"{'configuration':<24} {'wall s':>8} {'CPU s':>8} {'MB/CPU-s':>9} {'x jieba':>8} {'x rjieba':>9}")
    for label, wall, cpu in rows:
        w = f"{wall:8.1f}" if wall is not None else f"{'':8}"
        print(f"{label:<24} {w} {cpu:8.2f} {mb / cpu:9.3f} {cpu / floors['jieba']:8.2f} "
              f"{cpu / floors['rjieba']:9.2f}")
    net = rows[3][2] - rows[2][2]
    print(f"--jobs 1 without start-up: {mb / net:.3f} MB/CPU-s, {net / floors['jieba']:.2f}x jieba, "
          f"{net / floors['rjieba']:.2f}x rjieba")
    j1, j2 = rows[3], rows[4]
    print(f"--jobs 2: wall speed-up {j1[1] / j2[1]:.2f}x (machine shared: load average {load()}), "
          f"CPU {j2[2] / j1[2]:.2f}x of --jobs 1")


def memory(tmp: Path, sizes: list[int]) -> None:
    print(f"\n== memory (peak RSS, MB; load average {load()})")
    print(f"{'corpus':<8} {'MB in':>7} {'docs':>6} {'records':>8} {'until dedupe':>13} {'end':>7} "
          f"{'dedupe growth':>14} {'largest worker':>15} {'wall s':>7}")
    base = None
    for k in sizes:
        corpus = tmp / f"corpus{k}"
        size = build_corpus(corpus, k) if not corpus.exists() else sum(
            p.stat().st_size for p in corpus.rglob("*") if p.is_file())
        t0 = time.perf_counter()
        r = timed([sys.executable, "-c", MEMORY, str(corpus), str(tmp / f"m-{k}"), "1"])
        wall = time.perf_counter() - t0
        m = json.loads(r["stdout"].strip().splitlines()[-1])  # type: ignore[union-attr]
        streaming = m.get("deduplicating", m["end"])
        base = base or streaming
        print(f"{k:>3}x     {size / 1e6:7.2f} {m['documents']:>6} {m['records']:>8} {streaming:13.0f} {m['end']:7.0f} "
              f"{m['end'] - streaming:14.0f} {m['workers']:15.0f} {wall:7.1f}   ({streaming / base:.2f}x of 1x "
              "until dedupe)", flush=True)


def slow_inputs(tmp: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from extract import ingest
    from extract.document import SourceDoc
    from extract.pipeline import prepare_nlp, process_file, process_source, to_document
    from scan_patterns import patterns

    prepare_nlp(tmp)
    print(f"\n== slow inputs (one process; load average {load()})")
    timings = []
    for src in sources():
        for f in ingest.discover(src, exclude=[]):
            t = time.process_time()
            process_file(f, time_limit_s=60)
            timings.append((time.process_time() - t, f.path.stat().st_size, f"{src.parent.name}/{f.rel}"))
    timings.sort(reverse=True)
    print(f"real documents: {len(timings)}, slowest (CPU s, kB):")
    for sec, size, name in timings[:5]:
        print(f"  {sec:6.2f} s {size / 1000:7.1f} kB  {name.split('/')[0]}/…{name[-12:]}")
    pats = patterns()
    print(f"hostile inputs of {HOSTILE_BYTES // 1000} kB (one line of one shape; stopped at {HOSTILE_LIMIT_S:g} s):")
    from extract.pipeline import time_limit

    for name, unit in HOSTILE:
        text = unit * (HOSTILE_BYTES // len(unit.encode("utf-8")))
        src = SourceDoc(doc_id=name, raw_text=text, source_format="txt")
        t, c = time.perf_counter(), time.process_time()
        try:
            with time_limit(HOSTILE_LIMIT_S):
                process_source(src)
            outcome = "ok"
        except Exception as e:  # noqa: BLE001 - a benchmark reports, never stops
            outcome = type(e).__name__
        sec, cpu = time.perf_counter() - t, time.process_time() - c
        line = f"  {name:<20} {cpu:7.2f} s CPU {sec:7.2f} s wall  {outcome}"
        if cpu > SLOW_S:
            # each pattern alone on the first PROBE_CHARS of the text: the ones that cost the time
            view = to_document(src).view[:PROBE_CHARS]
            costs = []
            for pname, rx in pats:
                t = time.perf_counter()
                for _ in rx.finditer(view):
                    pass
                costs.append((time.perf_counter() - t, pname))
            costs.sort(reverse=True)
            line += (f"  SLOW; costliest patterns on its first {PROBE_CHARS:,} characters: "
                     + ", ".join(f"{n} {c * 1000:.0f} ms" for c, n in costs[:4] if c > 0.001))
        print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1, 4, 16], help="corpus multiples for memory")
    ap.add_argument("--throughput-size", type=int, default=4, help="corpus multiple for throughput and scaling")
    ap.add_argument("--skip", nargs="*", default=[], choices=["throughput", "memory", "slow"])
    ap.add_argument("--tmp", type=Path, default=None, help="work folder (default: a temporary one)")
    args = ap.parse_args()
    exe = str(Path(sys.executable).with_name("extract"))
    import extract

    print(f"extract from {Path(extract.__file__).parent}; {os.cpu_count()} CPUs; load average {load()}")
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp_s:
        tmp = Path(tmp_s)
        if "throughput" not in args.skip:
            throughput(tmp, args.throughput_size, exe)
        if "memory" not in args.skip:
            memory(tmp, args.sizes)
        if "slow" not in args.skip:
            slow_inputs(tmp)


if __name__ == "__main__":
    main()
