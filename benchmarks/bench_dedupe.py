"""Benchmark: deduplicate N synthetic records; print time, peak memory and pairwise P/R/F1.

    .venv/bin/python benchmarks/bench_dedupe.py --n 100000
    .venv/bin/python benchmarks/bench_dedupe.py --n 5000 --tracemalloc   # Python-heap peak (slower)
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_records import make_records, pairwise_prf  # noqa: E402

from extract.dedupe import BlockStats, dedupe  # noqa: E402


def _rss_mb() -> float:
    # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="number of records")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tracemalloc", action="store_true", help="also measure the Python-heap peak of dedupe")
    ap.add_argument("--texts", action="store_true", help="give records mention texts (numbers quoted in them)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    texts: dict[str, str] | None = {} if args.texts else None
    records, truth = make_records(args.n, seed=args.seed, texts=texts)
    t_gen = time.perf_counter() - t0
    rss_before = _rss_mb()
    if args.tracemalloc:
        tracemalloc.start()
    stats = BlockStats()
    t1 = time.perf_counter()
    studies = dedupe(records, texts=texts, stats=stats)
    t_dedupe = time.perf_counter() - t1
    heap_peak = None
    if args.tracemalloc:
        heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    pred = {r.record_id: r.study_id for r in records}
    prf = pairwise_prf(pred, truth)  # type: ignore[arg-type]
    print(f"records          {len(records)}  (true studies {len(set(truth.values()))}, predicted {len(studies)})")
    print(f"generate         {t_gen:.1f} s")
    print(f"dedupe           {t_dedupe:.1f} s  ({len(records) / t_dedupe:,.0f} records/s)")
    print(f"candidate pairs  {stats.pairs:,}  blocks {stats.blocks:,}  split {stats.split:,}  "
          f"skipped {stats.skipped:,} ({stats.skipped_records:,} records)  star {stats.star:,}")
    print(f"pairs per rule   {stats.per_rule}")
    print(f"peak RSS         {_rss_mb():.0f} MB (before dedupe {rss_before:.0f} MB)")
    if heap_peak is not None:
        print(f"tracemalloc peak {heap_peak:.0f} MB (dedupe only)")
    print(f"pairwise         P {prf['precision']:.4f}  R {prf['recall']:.4f}  F1 {prf['f1']:.4f}  "
          f"(tp {prf['tp']:,}, predicted pairs {prf['pred_pairs']:,}, true pairs {prf['true_pairs']:,})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
