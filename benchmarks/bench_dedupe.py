"""Benchmark: deduplicate N synthetic records; print time, peak memory and pairwise P/R/F1, for this
project's deduplication (any engine) and, side by side, Splink (DuckDB backend) on the same records.

    .venv/bin/python benchmarks/bench_dedupe.py --n 100000                      # engine by size (auto)
    .venv/bin/python benchmarks/bench_dedupe.py --n 100000 --engine python      # the reference path
    .venv/bin/python benchmarks/bench_dedupe.py --n 1000000 --engine duckdb
    .venv/bin/python benchmarks/bench_dedupe.py --n 100000 --splink --no-ours   # Splink alone ('bench' extra)
    .venv/bin/python benchmarks/bench_dedupe.py --n 5000 --tracemalloc          # Python-heap peak (slower)
    .venv/bin/python benchmarks/bench_dedupe.py --n 1000000 --from-file         # as a real run: records.jsonl
    .venv/bin/python benchmarks/bench_dedupe.py --n 100000 --from-file --misses # why the missed true pairs were missed

``--from-file`` generates the records in a child process that writes them to records.jsonl (as the pipeline
does); deduplication then reads them from the file when needed (``RecordsFile``) and hands each study, as its
output line (``write.dumps``), to a sink instead of holding a million validated records and their studies.

Run each system in its own process (``--no-ours`` / ``--splink``): peak RSS is per process.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import resource
import tempfile
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synth_records import make_records, pairwise_prf  # noqa: E402

from extract.dedupe import BlockStats, StudyLine, Trace, dedupe  # noqa: E402
from extract.models import Record  # noqa: E402
from extract.write import dumps  # noqa: E402


def _rss_mb() -> float:
    # ru_maxrss is KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_rss_mb() -> float:
    """The peak RSS of the largest waited-for child (forked workers share most pages with this process)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the forked workers)."""
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def _write_records(n: int, seed: int, texts: bool, out: str) -> None:
    """In a child process: generate the records and write records.jsonl, truth.json (and texts.json)."""
    tx: dict[str, str] | None = {} if texts else None
    records, truth = make_records(n, seed=seed, texts=tx)
    with open(Path(out) / "records.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(r.model_dump_json() + "\n")
    (Path(out) / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    if tx is not None:
        (Path(out) / "texts.json").write_text(json.dumps(tx), encoding="utf-8")


def run_from_file(n: int, seed: int, texts_flag: bool, engine: str, digest: bool = False,
                  keep: Optional[str] = None, misses: bool = False) -> None:
    """Generate into records.jsonl in a child, then deduplicate from the file with a study sink; ``digest``:
    also print a SHA-256 of every study's JSON in sink order (two versions must print the same); ``keep``: a
    directory that holds the generated files across runs (generated only when missing there)."""
    from extract.dedupe.records_file import RecordsFile

    with tempfile.TemporaryDirectory(prefix="bench-dedupe-") as tmp_dir:
        tmp = keep or tmp_dir
        t0 = time.perf_counter()
        if not (Path(tmp) / "truth.json").exists():
            Path(tmp).mkdir(parents=True, exist_ok=True)
            child = multiprocessing.get_context("fork").Process(target=_write_records,
                                                                args=(n, seed, texts_flag, tmp))
            child.start()
            child.join()
            if child.exitcode:
                raise SystemExit(f"generating the records failed ({child.exitcode})")
        truth = json.loads((Path(tmp) / "truth.json").read_text(encoding="utf-8"))
        texts = json.loads((Path(tmp) / "texts.json").read_text(encoding="utf-8")) if texts_flag else None
        rss_before = _rss_mb()
        records = RecordsFile(Path(tmp) / "records.jsonl")
        print(f"records          {len(records):,}  (true studies {len(set(truth.values())):,}); generated and written "
              f"in {time.perf_counter() - t0:.1f} s by a child process of {_children_rss_mb():.0f} MB peak RSS; "
              f"RSS here {rss_before:.0f} MB")
        pred: dict[str, str] = {}
        count = [0]
        sha = hashlib.sha256()

        def sink(study: StudyLine) -> None:
            count[0] += 1
            for rid in study.record_ids:
                pred[rid] = study.study_id
            if digest:
                sha.update(study.line.encode("utf-8") + b"\n")

        stats = BlockStats()
        trace = Trace() if misses else None
        t1, c1 = time.perf_counter(), _cpu()
        dedupe(records, texts=texts, stats=stats, engine=None if engine == "auto" else engine, sink=sink, dump=dumps,
               trace=trace)
        _report(engine, count[0], len(records), time.perf_counter() - t1, _cpu() - c1, stats, rss_before,
                None, pairwise_prf(pred, truth))
        if digest:
            print(f"[ours:{engine}] studies sha256   {sha.hexdigest()}")
        if trace is not None:
            for line in missed_pairs(trace, pred, truth):
                print(f"[ours:{engine}] missed           {line}")
        records.close()


def missed_pairs(trace: Trace, pred: dict[str, str], truth: dict[str, str]) -> list[str]:
    """Why the run missed the true pairs it missed: each scored on its own (``signals``) and looked up among the
    engine's candidate pairs. "below": its own score does not reach a link (scoring: no block would help);
    "no block": it would score a link but shares no block (blocking); "refused": a candidate scoring a link that
    clustering kept apart (average linkage, a contradiction with another member, the size cap)."""
    from itertools import combinations

    from extract.dedupe import settings
    from extract.dedupe.compare import signals
    from extract.dedupe.engine import engine_pairs

    feats = trace.feats
    index = {f.rid: k for k, f in enumerate(feats)}
    by_study: dict[str, list[int]] = {}
    for rid, key in truth.items():
        by_study.setdefault(key, []).append(index[rid])
    missed = [(min(a, b), max(a, b)) for members in by_study.values() for a, b in combinations(members, 2)
              if pred[feats[a].rid] != pred[feats[b].rid]]
    i, j = engine_pairs(feats, "duckdb")
    n = len(feats)
    candidates = set((i * n + j).tolist())
    kinds: dict[str, int] = {}
    scores: dict[str, int] = {}
    for a, b in missed:
        _, level, score = signals(feats[a], feats[b])
        linked = level != "contradiction" and score >= settings.LINK_THRESHOLD
        kind = ("refused" if a * n + b in candidates else "no block") if linked else \
            ("below, candidate" if a * n + b in candidates else "below, no block")
        kinds[kind] = kinds.get(kind, 0) + 1
        if not linked:
            band = "contradiction" if level == "contradiction" else f"{max(-4, min(5, int(score // 1)))}.."
            scores[band] = scores.get(band, 0) + 1
    true_pairs = sum(len(m) * (len(m) - 1) // 2 for m in by_study.values())
    linkable = true_pairs - kinds.get("below, candidate", 0) - kinds.get("below, no block", 0)
    return [f"{len(missed):,} of {true_pairs:,} true pairs: {kinds}",
            f"own scores of those below the threshold {settings.LINK_THRESHOLD}: "
            f"{dict(sorted(scores.items(), key=lambda kv: (kv[0] != 'contradiction', float(kv[0][:-2]) if kv[0] != 'contradiction' else 0)))}",
            f"recall if every true pair scoring a link were joined: {linkable / true_pairs:.4f}"]


def _report(engine: str, n_studies: int, n_records: int, wall: float, cpu: float, stats: BlockStats,
            rss_before: float, heap_peak: Optional[float], prf: dict) -> None:
    print(f"[ours:{engine}] predicted studies {n_studies:,}")
    print(f"[ours:{engine}] dedupe           {wall:.1f} s wall, {cpu:.1f} s CPU (this process and its workers) "
          f"({n_records / wall:,.0f} records/s)")
    print(f"[ours:{engine}] candidate pairs  {stats.pairs:,}  blocks {stats.blocks:,}  split {stats.split:,}  "
          f"skipped {stats.skipped:,} ({stats.skipped_records:,} records)  star {stats.star:,}")
    print(f"[ours:{engine}] pairs per rule   {stats.per_rule}")
    if stats.seconds:
        wall = {k: v for k, v in stats.seconds.items() if not k.endswith(("_cpu", "_main"))}
        cpu = {k[:-4]: v for k, v in stats.seconds.items() if k.endswith("_cpu")}
        main = {k[:-5]: v for k, v in stats.seconds.items() if k.endswith("_main")}
        print(f"[ours:{engine}] stages           {wall} (s wall)")
        if cpu:
            print(f"[ours:{engine}] stages CPU       {cpu} (s CPU, this process and its workers)")
            print(f"[ours:{engine}] stages CPU main  {main} (s CPU, this process alone)")
        print(f"[ours:{engine}] peak RSS so far  {stats.peak_mb} (MB, at the end of each stage)")
    print(f"[ours:{engine}] peak RSS         {_rss_mb():.0f} MB (before dedupe {rss_before:.0f} MB; largest child "
          f"{_children_rss_mb():.0f} MB: a worker's pages are mostly shared with this process)")
    if heap_peak is not None:
        print(f"[ours:{engine}] tracemalloc peak {heap_peak:.0f} MB (dedupe only)")
    print(f"[ours:{engine}] pairwise         {_prf_line(prf)}")


def _prf_line(prf: dict) -> str:
    return (f"P {prf['precision']:.4f}  R {prf['recall']:.4f}  F1 {prf['f1']:.4f}  "
            f"(tp {prf['tp']:,}, predicted pairs {prf['pred_pairs']:,}, true pairs {prf['true_pairs']:,})")


def run_ours(records: list[Record], truth: dict[str, str], texts: Optional[dict[str, str]], engine: str,
             heap: bool) -> None:
    rss_before = _rss_mb()
    if heap:
        tracemalloc.start()
    stats = BlockStats()
    t1, c1 = time.perf_counter(), _cpu()
    studies = dedupe(records, texts=texts, stats=stats, engine=None if engine == "auto" else engine)
    t_dedupe, cpu = time.perf_counter() - t1, _cpu() - c1
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20 if heap else None
    if heap:
        tracemalloc.stop()
    pred = {r.record_id: r.study_id for r in records}
    _report(engine, len(studies), len(records), t_dedupe, cpu, stats, rss_before, heap_peak,
            pairwise_prf(pred, truth))  # type: ignore[arg-type]


# ---------------------------------------------------------------- Splink side by side

def splink_frame(records: list[Record]):  # type: ignore[no-untyped-def]
    """The records as one flat table of the fields Splink compares (normalised like ours)."""
    import pyarrow as pa

    from extract.dedupe.normalise import norm_doi, norm_name, norm_title, parse_date

    rows: dict[str, list] = {k: [] for k in ("unique_id", "title", "journal", "year", "month", "doi", "pmid",
                                             "registry", "condition", "design", "cell", "n_total", "hba1c",
                                             "institution", "country")}
    for r in records:
        s = r.study
        y, m, _ = parse_date(s.pub_date)
        totals = sorted(c.n for c in r.cohort_sizes if c.role == "total")
        hb = sorted({round(v, 2) for h in r.hba1c for v in (h.before, h.after) if v is not None})
        rows["unique_id"].append(r.record_id)
        rows["title"].append(norm_title(s.title) or None)
        rows["journal"].append(norm_name(s.journal) or None)
        rows["year"].append(y)
        rows["month"].append(m)
        rows["doi"].append(norm_doi(s.doi))
        rows["pmid"].append(s.pmid or None)
        rows["registry"].append(sorted(s.registry_ids)[0].upper() if s.registry_ids else None)
        rows["condition"].append(s.condition)
        rows["design"].append(s.design)
        rows["cell"].append(min(s.cell_types) if s.cell_types else None)
        rows["n_total"].append(totals[0] if totals else None)
        rows["hba1c"].append(hb[0] if hb else None)
        rows["institution"].append(norm_name(s.institution) or None)
        rows["country"].append(norm_name(s.country) or None)
    return pa.table(rows)


def run_splink(records: list[Record], truth: dict[str, str], threshold: float) -> None:
    """Splink (Fellegi-Sunter, EM-trained) with its DuckDB backend on the same records."""
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    rss_before = _rss_mb()
    t0 = time.perf_counter()
    table = splink_frame(records)
    db = DuckDBAPI()
    sdf = db.register(table)
    blocking = [block_on("doi"), block_on("pmid"), block_on("registry"), block_on("title"),
                block_on("journal", "year"), block_on("n_total", "year"), block_on("institution", "year")]
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("title", [0.95, 0.88]),
            cl.ExactMatch("doi"), cl.ExactMatch("pmid"), cl.ExactMatch("registry"),
            cl.ExactMatch("journal"), cl.ExactMatch("year"), cl.ExactMatch("month"),
            cl.ExactMatch("condition"), cl.ExactMatch("design"), cl.ExactMatch("cell"),
            cl.ExactMatch("n_total"), cl.ExactMatch("hba1c"),
            cl.JaroWinklerAtThresholds("institution", [0.92]), cl.ExactMatch("country"),
        ],
        blocking_rules_to_generate_predictions=blocking,
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(sdf, settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match([block_on("doi"), block_on("registry")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("journal", "year"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("n_total", "condition"))
    preds = linker.inference.predict(threshold_match_probability=threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(preds, threshold)
    got = clusters.as_duckdbpyrelation().select("unique_id, cluster_id").fetchall()
    t = time.perf_counter() - t0
    pred = {uid: str(cid) for uid, cid in got}
    prf = pairwise_prf(pred, truth)  # type: ignore[arg-type]
    print(f"[splink] clusters         {len(set(pred.values())):,} (match probability >= {threshold})")
    print(f"[splink] train+predict+cluster {t:.1f} s wall")
    print(f"[splink] peak RSS         {_rss_mb():.0f} MB (before {rss_before:.0f} MB)")
    print(f"[splink] pairwise         {_prf_line(prf)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="number of records")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--engine", default="auto", choices=["auto", "python", "duckdb", "spark"],
                    help="this project's dedupe engine (auto: DuckDB from 50k records on)")
    ap.add_argument("--no-ours", action="store_true", help="skip this project's deduplication")
    ap.add_argument("--splink", action="store_true", help="also run Splink (DuckDB backend) on the same records")
    ap.add_argument("--splink-threshold", type=float, default=0.9)
    ap.add_argument("--tracemalloc", action="store_true", help="also measure the Python-heap peak of dedupe")
    ap.add_argument("--texts", action="store_true", help="give records mention texts (numbers quoted in them)")
    ap.add_argument("--from-file", action="store_true",
                    help="write the records to records.jsonl in a child process and deduplicate from the file")
    ap.add_argument("--digest", action="store_true",
                    help="with --from-file: print a SHA-256 of the studies' JSON (compare two versions)")
    ap.add_argument("--misses", action="store_true",
                    help="with --from-file: say why the missed true pairs were missed (scoring, blocking, clustering)")
    ap.add_argument("--keep", metavar="DIR", help="with --from-file: generate into DIR once and reuse it after "
                                                  "(the same --n, --seed and --texts)")
    args = ap.parse_args()
    if args.from_file:
        run_from_file(args.n, args.seed, args.texts, args.engine, args.digest, args.keep, args.misses)
        return 0

    t0 = time.perf_counter()
    texts: dict[str, str] | None = {} if args.texts else None
    records, truth = make_records(args.n, seed=args.seed, texts=texts)
    print(f"records          {len(records):,}  (true studies {len(set(truth.values())):,}); generated in "
          f"{time.perf_counter() - t0:.1f} s, RSS {_rss_mb():.0f} MB")
    if not args.no_ours:
        run_ours(records, truth, texts, args.engine, args.tracemalloc)
    if args.splink:
        run_splink(records, truth, args.splink_threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
