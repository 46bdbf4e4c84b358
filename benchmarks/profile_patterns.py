"""Where extraction's CPU time goes, pattern by pattern (issue 13).

    python benchmarks/profile_patterns.py [DIR ...] [--top 30] [--rounds 2]

Runs the pipeline's per-document work (``process_source``) over the documents of DIR (default: the shared dev
and train sets and the blind sets in tests/data) ``--rounds`` times in one process and reports, for the last
round: the CPU seconds of the whole work, of the field patterns' scans (``Span.matches``, the regex engine's
own search) and of their parse and validate steps, per extractor and for the costliest patterns, with how many
matches each found. A pattern with a large scan time and few matches is where a prefilter pays; a large parse
time is Python work after the match. The first rounds warm the caches (compiled patterns, literal index).

Not a test: nothing here is asserted. The figures are CPU seconds of this one process (on a shared machine the
wall time says little); timing each pattern adds its own overhead, so the sum is a little above a plain run.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import ingest  # noqa: E402
from extract.document import SourceDoc  # noqa: E402
from extract.fields import base  # noqa: E402
from extract.pipeline import prepare_nlp, process_source  # noqa: E402


def sources(dirs: list[Path]) -> list[SourceDoc]:
    out = []
    for d in dirs:
        for f in ingest.discover(d, exclude=[]):
            out.extend(s for s in ingest.read(f) if isinstance(s, SourceDoc))
    return out


def default_dirs() -> list[Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_pipeline import sources as bench_sources

    return bench_sources()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--top", type=int, default=30, help="patterns listed")
    ap.add_argument("--rounds", type=int, default=2, help="passes over the documents; the last is reported")
    args = ap.parse_args()
    docs = sources(args.dirs or default_dirs())
    prepare_nlp(Path(tempfile.gettempdir()))

    scan: dict[tuple[str, str], float] = defaultdict(float)
    work: dict[tuple[str, str], float] = defaultdict(float)
    found: dict[tuple[str, str], int] = defaultdict(int)
    clock = time.process_time

    def find(self: base.FieldExtractor, span: base.Span) -> list[base.Hit]:
        """``FieldExtractor.find`` with each pattern's scan and parse timed apart (same hits)."""
        hits: list[base.Hit] = []
        present = base.span_literals(span, self.patterns)
        for pat in self.patterns:
            if pat.literals is not None and pat.literals.isdisjoint(present):
                continue
            key = (self.name, pat.name)
            t = clock()
            matches = list(span.matches(pat, present))
            scan[key] += clock() - t
            found[key] += len(matches)
            t = clock()
            for m in matches:
                for hit in self.parse(m, pat, span):
                    checked = self.validate(hit, span)
                    if checked is not None:
                        hits.append(checked)
            work[key] += clock() - t
        return hits

    base.FieldExtractor.find = find  # type: ignore[method-assign]
    mb = sum(len(d.raw_text.encode("utf-8")) for d in docs) / 1e6
    for _ in range(args.rounds):
        scan.clear(), work.clear(), found.clear()
        t = clock()
        for d in docs:
            process_source(d)
        total = clock() - t
    print(f"{len(docs)} documents, {mb:.2f} MB: {total:.2f} CPU s ({mb / total:.3f} MB/CPU-s with the timing's "
          f"overhead); pattern scans {sum(scan.values()):.2f} s, their parse and validate {sum(work.values()):.2f} s")
    by_ex: dict[str, float] = defaultdict(float)
    for (ex, _), sec in scan.items():
        by_ex[ex] += sec
    print("scans per extractor: " + ", ".join(f"{ex} {sec:.2f}" for ex, sec in sorted(by_ex.items(), key=lambda x: -x[1])))
    print(f"{'scan ms':>8} {'matches':>8} {'parse ms':>9}  pattern")
    for key, sec in sorted(scan.items(), key=lambda x: -x[1])[:args.top]:
        print(f"{sec * 1000:8.1f} {found[key]:8d} {work[key] * 1000:9.1f}  {key[0]}:{key[1]}")


if __name__ == "__main__":
    main()
