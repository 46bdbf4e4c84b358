"""Where the synthetic benchmark's pairwise errors come from: blocking recall and the false/missed links.

    .venv/bin/python benchmarks/dedupe_quality.py --n 100000 blocking   # true pairs never made candidates
    .venv/bin/python benchmarks/dedupe_quality.py --n 100000 links      # false links and missed pairs of a run

``blocking``: the share of true pairs that share a block, and for those that do not, what they would score
(a link, a weak pair, nothing) and which rule's block they lost to its cap (the deepest block both share and
its size) or whether they share no key at all. ``links``: a whole run; the links that join two different true
studies, tallied by level and by the signals that carried them, and the true pairs left apart.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synth_records import make_records, pairwise_prf  # noqa: E402

from extract.dedupe import BlockStats, dedupe, settings  # noqa: E402
from extract.dedupe.blocking import RULES, _title_ladders  # noqa: E402
from extract.dedupe.compare import features, signals, term_frequencies  # noqa: E402
from extract.dedupe.engine import ValueSharer, engine_pairs  # noqa: E402


def true_pairs(ids: list[str], truth: dict[str, str]) -> np.ndarray:
    """Index pairs (i < j, as i * n + j) of records of one true study."""
    by: dict[str, list[int]] = defaultdict(list)
    for k, rid in enumerate(ids):
        by[truth[rid]].append(k)
    n = len(ids)
    return np.asarray(sorted(a * n + b for m in by.values() for x, a in enumerate(m) for b in m[x + 1:]), dtype=np.int64)


def _kind(feats, p: int, n: int) -> str:  # type: ignore[no-untyped-def]
    """What a pair scores on its own: a link, a weak pair, less, or a contradiction."""
    a, b = divmod(p, n)
    sig, level, score = signals(feats[a], feats[b])
    return ("contradiction" if level == "contradiction" else "link" if score >= settings.LINK_THRESHOLD
            else "weak" if score >= settings.JOINT_PAIR_FLOOR else "low")


def _features(n: int, seed: int, cache: str) -> tuple[list, dict[str, str]]:  # type: ignore[type-arg]
    """The records' features and the truth (pickled in ``cache`` when given: blocking changes leave them alone)."""
    import pickle
    path = Path(cache) / f"feats-{n}-{seed}.pkl" if cache else None
    if path and path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    records, truth = make_records(n, seed=seed)
    share = ValueSharer()
    feats = [share(features(r)) for r in records]
    del records
    if path:
        with path.open("wb") as fh:
            pickle.dump((feats, truth), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return feats, truth


def blocking(n: int, seed: int, sample: int, cache: str) -> None:
    from extract.dedupe.engine import _chunked_bounds, columns, floors

    feats, truth = _features(n, seed, cache)
    term_frequencies(feats)
    t0 = time.perf_counter()
    stats = BlockStats()
    i, j = engine_pairs(feats, "duckdb", stats)
    t1 = time.perf_counter()
    c = columns(feats)
    ub, contra = _chunked_bounds(c, i, j)
    kept = int((~contra & (ub >= floors(c, i, j))).sum())
    del c, ub, contra
    print(f"candidate pairs {len(i):,} (keys + join {t1 - t0:.1f} s: {stats.seconds}); first pass keeps {kept:,} "
          f"({time.perf_counter() - t1:.1f} s)")
    tp = true_pairs([f.rid for f in feats], truth)
    cand = i * n + j
    hit = np.isin(tp, cand)
    print(f"true pairs {len(tp):,}; candidates {hit.sum():,} ({hit.mean():.3f}); missed {(~hit).sum():,}")
    kinds = np.asarray([_kind(feats, p, n) for p in tp.tolist()])
    for kind in ("link", "weak", "low", "contradiction"):
        m = kinds == kind
        print(f"   {kind:13s} true pairs {m.sum():8,}  candidates {hit[m].mean() if m.any() else 0:.4f}  "
              f"missed {(m & ~hit).sum():7,}")
    missed = tp[~hit & (kinds == "link")]
    rng = np.random.default_rng(0)
    if len(missed) > sample:
        missed = np.sort(rng.choice(missed, sample, replace=False))
    # every record's ladders per rule, and each key's block size (distinct records)
    ladders: dict[str, list[list[list]]] = {name: [list(fn(f)) for f in feats] for name, fn in RULES.items()}
    ladders["title"] = _title_ladders(feats)
    size: dict[tuple, int] = {}
    for name, per in ladders.items():
        cnt: Counter = Counter()
        for lads in per:
            cnt.update({(name, k) for lad in lads for k in lad})
        size.update(cnt)
    score_kind: Counter = Counter()
    lost: Counter = Counter()           # (score kind, rule) -> pairs whose deepest shared block was over the cap
    lost_depth: Counter = Counter()
    none_kind: Counter = Counter()
    link_sig: Counter = Counter()       # positive signals of the missed pairs that would be links
    link_combo: Counter = Counter()
    for p in missed.tolist():
        a, b = divmod(p, n)
        sig, level, score = signals(feats[a], feats[b])
        kind = ("contradiction" if level == "contradiction" else "link" if score >= settings.LINK_THRESHOLD
                else "weak" if score >= settings.JOINT_PAIR_FLOOR else "low")
        score_kind[kind] += 1
        if kind == "link":
            pos = sorted({x[0] for x in sig if x[1] > 0.5})
            link_sig.update(pos)
            link_combo[" ".join(pos)] += 1
        shared = []
        for name, per in ladders.items():
            best = None
            for la in per[a]:
                for lb in per[b]:
                    d = 0
                    while d < min(len(la), len(lb)) and la[d] == lb[d]:
                        d += 1
                    if d:
                        s = size[(name, la[d - 1])]
                        if best is None or s < best[1]:
                            best = (d - 1, s, len(la) - d, len(lb) - d)
            if best:
                shared.append((name, *best))
        if not shared:
            none_kind[kind] += 1
            if none_kind[kind] <= 8:
                print("   no key:", [(x[0], x[1], x[2]) for x in sig if x[1] > 0])
            continue
        for name, depth, s, left_a, left_b in shared:
            lost[(kind, name)] += 1
            lost_depth[(kind, name, depth, "a ends" if not left_a or not left_b else "differ")] += 1
    print(f"missed link pairs sampled {len(missed):,}")
    print(f"  sharing no block key: {dict(none_kind)}")
    print(f"  positive signals (> 0.5) of the missed links: {dict(link_sig.most_common())}")
    for combo, c in link_combo.most_common(15):
        print(f"     {c:5,}  {combo}")
    for kind in ("link", "weak"):
        print(f"  [{kind}] rules whose block both share (over its cap):")
        for (k, name), c in lost.most_common():
            if k == kind:
                print(f"     {name:16s} {c:6,}")
        print(f"  [{kind}] (rule, deepest shared depth, why it stopped):")
        for (k, name, depth, why), c in lost_depth.most_common(25):
            if k == kind:
                print(f"     {name:16s} depth {depth} {why:8s} {c:6,}")


def links(n: int, seed: int, engine: str) -> None:
    records, truth = make_records(n, seed=seed)
    t0 = time.perf_counter()
    studies = dedupe(records, engine=None if engine == "auto" else engine)
    print(f"dedupe {time.perf_counter() - t0:.1f} s; studies {len(studies):,}")
    pred = {r.record_id: r.study_id for r in records}
    prf = pairwise_prf(pred, truth)
    print({k: round(v, 4) if isinstance(v, float) else v for k, v in prf.items()})
    false_level: Counter = Counter()
    false_sig: Counter = Counter()
    false_w: Counter = Counter()
    wrong_pairs = 0
    examples = []
    for s in studies:
        tru = Counter(truth[r] for r in s.record_ids)
        if len(tru) < 2:
            continue
        # the pairs this study got wrong
        m = len(s.record_ids)
        wrong_pairs += m * (m - 1) // 2 - sum(c * (c - 1) // 2 for c in tru.values())
        for ln in s.links:
            if truth[ln.a] != truth[ln.b]:
                false_level[ln.level.split(":")[0]] += 1
                for x in ln.signals:
                    if x.score > 0:
                        false_sig[x.name] += 1
                        false_w[x.name] += x.score
                if len(examples) < 12:
                    examples.append((ln.level, ln.score, [(x.name, x.score, x.detail) for x in ln.signals]))
    print(f"wrong pairs {wrong_pairs:,}; false links by level {dict(false_level)}")
    print("positive signals of false links (count, mean weight):")
    for name, c in false_sig.most_common():
        print(f"   {name:18s} {c:6,} {false_w[name] / c:5.2f}")
    for e in examples:
        print("  ", e)
    # the true pairs left apart, by their own exact score; and the recall a perfect clustering of the
    # direct links (true pairs scoring a link) would reach
    share = ValueSharer()
    feats = [share(features(r)) for r in records]
    term_frequencies(feats)
    ids = [f.rid for f in feats]
    tp = true_pairs(ids, truth)
    kinds: Counter = Counter()
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in tp.tolist():
        a, b = divmod(p, n)
        sig, level, score = signals(feats[a], feats[b])
        kind = ("contradiction" if level == "contradiction" else "link" if score >= settings.LINK_THRESHOLD
                else "weak" if score >= settings.JOINT_PAIR_FLOOR else "low")
        if kind == "link":
            parent[find(a)] = find(b)
        if pred[ids[a]] != pred[ids[b]]:
            kinds[kind] += 1
    oracle = {ids[k]: str(find(k)) for k in range(n)}
    print(f"true pairs left apart by their own score: {dict(kinds)}")
    print(f"recall of the true direct links' components: {pairwise_prf(oracle, truth)['recall']:.4f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["blocking", "links"])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--sample", type=int, default=5000, help="missed pairs examined (blocking)")
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--cache", default="", help="a directory to keep the features in between runs (blocking)")
    args = ap.parse_args()
    if args.what == "blocking":
        blocking(args.n, args.seed, args.sample, args.cache)
    else:
        links(args.n, args.seed, args.engine)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
