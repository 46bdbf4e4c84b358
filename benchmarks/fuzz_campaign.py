"""A longer fuzzing campaign than the test suite's, with counts: inputs, crashes, hangs, invariant failures.

    python benchmarks/fuzz_campaign.py [--short 2000] [--long 30] [--limit 10]

Uses the strategies and checks of tests/test_fuzz.py. A "hang" is an input that reached the per-example
time limit (``--limit`` seconds; in a run that document would end as E109 and the batch would go on). A
long input is first run at a quarter of its length: it counts as a hang when the whole takes more than 8×
the quarter (linear cost is 4×, a pattern quadratic in a line's length 16×), so a loaded machine does not
make slow-but-linear inputs look like hangs. The first failing inputs of each kind are printed (shortened).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import test_fuzz as tf  # noqa: E402

from extract.errors import DocumentTimeout  # noqa: E402
from extract.pipeline import time_limit  # noqa: E402


def campaign(name: str, strategy, check, examples: int, limit: float, counts: Counter, samples: dict) -> None:
    @given(strategy)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def target(value: str) -> None:
        counts[(name, "inputs")] += 1
        kind = None
        try:
            with time_limit(limit):
                check(value)
        except DocumentTimeout:
            kind = "hangs"
        except AssertionError:
            kind = "invariant failures"
        except Exception as e:  # noqa: BLE001 - counted and shown
            kind = "crashes"
            value = f"{type(e).__name__}: {e} <- {value[:60]!r}"
        if kind:
            counts[(name, kind)] += 1
            samples.setdefault((name, kind), []).append(value if isinstance(value, str) else repr(value))

    target()


def growth_checked(check, limit: float):
    """``check`` on a quarter of the input, then on all of it within 8× the quarter's time."""
    def run(value: str) -> None:
        quarter = value[: len(value) // 4]
        t0 = time.perf_counter()
        with time_limit(limit):
            check(quarter)
        budget = max(2.0, 8 * (time.perf_counter() - t0))
        with time_limit(budget):
            check(value)
    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--short", type=int, default=2000, help="random short inputs per target")
    ap.add_argument("--long", type=int, default=30, help="long (>= 100 kB) inputs per target")
    ap.add_argument("--limit", type=float, default=10.0, help="seconds per example before it counts as a hang")
    args = ap.parse_args()
    from extract.pipeline import prepare_nlp

    prepare_nlp(Path("/tmp"))
    counts: Counter = Counter()
    samples: dict = {}
    t0 = time.monotonic()
    plan = [
        ("numbers", tf.TEXT, tf._check_numbers, args.short),
        ("numbers-long", tf.LONG, growth_checked(tf._check_numbers, args.limit), args.long),
        ("normaliser", tf.TEXT, tf._check_normalised, args.short),
        ("normaliser-long", tf.LONG, growth_checked(tf._check_normalised, args.limit), args.long),
        ("pipeline", tf.TEXT, lambda s: tf._check_document(s, args.limit), args.short // 2),
        ("pipeline-long", tf.LONG, growth_checked(lambda s: tf._check_document(s, 10 * args.limit), args.limit),
         args.long),
    ]
    for name, strategy, check, n in plan:
        campaign(name, strategy, check, n, args.limit, counts, samples)
        row = {k: counts[(name, k)] for k in ("inputs", "crashes", "hangs", "invariant failures")}
        print(f"{name:16s} " + "  ".join(f"{k} {v}" for k, v in row.items()), flush=True)
    print(f"total {time.monotonic() - t0:.0f} s")
    for (name, kind), values in samples.items():
        shapes = Counter(v[:24] for v in values)
        print(f"  {name} {kind}: " + "; ".join(f"{s!r} x{c}" for s, c in shapes.most_common(6)))


if __name__ == "__main__":
    main()
