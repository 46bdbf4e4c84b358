"""Estimate the linking weights (Fellegi-Sunter m/u per comparison level) from labelled pairs.

    python tools/estimate_weights.py            # estimate, cross-validate by set, print before/after
    python tools/estimate_weights.py --write    # ... and write extract/data/link_weights.json

Labelled sets: the shared dev and training sets of real articles (run together, so that a study reported
in both counts all its pairs) and the blind sets in ``tests/data/blind*``. Each set is run through the
pipeline; its records are aligned to the gold studies as the scorer does; every pair of aligned records
in one set is a labelled pair (same gold study = match). Pairs across sets are not used: separately
annotated sets name one study differently.

For every comparison level L (a weight of the ladder: ``title_exact``, ``age_differ``, ...):
``m = P(L | match)``, ``u = P(L | non-match)`` with half-count smoothing, the data weight
``log2(m/u)``, shrunk towards the hand weight (``settings.HAND_WEIGHTS``) with ``PRIOR_PAIRS``
pseudo-pairs, so a level seen in few pairs keeps about its hand weight. Graded signals (cohort size,
HbA1c values, numbers quoted in the text) keep their shape and get one scale factor each. The link
threshold is the one that maximises pairwise F1 at precision >= ``MIN_PRECISION`` on the pairs.
Cross-validation by set: the folds are dev, the two halves of train (by site, as /work/split does) and
each blind set; weights and threshold are estimated on the pairs of the other folds and scored on the pairs
inside the held-out one (pairs across two folds are in neither).
"""
from __future__ import annotations

import argparse
import importlib.util
import hashlib
import itertools
import json
import math
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

os.environ["EXTRACT_LINK_WEIGHTS"] = "hand"   # levels and graded values are read at the hand weights
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import pipeline  # noqa: E402
from extract.dedupe import settings  # noqa: E402
from extract.dedupe.compare import features, signals, term_frequencies  # noqa: E402
from extract.models import Record  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
# labelled sets: one run each (folders of one set are run together)
SETS: dict[str, tuple[Path, ...]] = {
    "dev+train": (EVAL / "dev", EVAL / "train"),
    **{f"blind{s}": (ROOT / "tests" / "data" / f"blind{s}",) for s in ("", "2", "3", "4", "5")},
}
OUT = ROOT / "extract" / "data" / "link_weights.json"
PRIOR_PAIRS = 10.0        # pseudo-pairs at the hand weight
MIN_PRECISION = 0.95
GRADED = {"n_total": ("n_total_equal_base", "n_total_equal_per_log2", "n_total_equal_cap", "n_arm_cap"),
          "institution": ("institution_equal",),
          "hba1c": ("hba1c_equal", "hba1c_cap"),
          "context_numbers": ("context_factor", "context_cap")}
# levels no labelled pair can measure: kept at their hand weight
FIXED = {"co_cited"}
WEIGHT_RANGE = (-10.0, 16.0)
LAMBDA = 8.0
SCALE_RECORDS = 20_000     # synthetic records whose candidate pairs bound the threshold from below
SCALE_PRECISION = 0.985


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def level_of(name: str, w: float) -> str:
    """The comparison level of one signal: its weight's name, or ``name+`` for a graded agreement."""
    key = getattr(w, "key", None)
    if key in ("hba1c_differ", "institution_related", "institution_named"):
        return key
    if name in GRADED and w > 0:
        return name + "+"
    return key or f"{name}{'+' if w > 0 else '-'}"


Pair = tuple[bool, list[tuple[str, float]]]
FoldPair = tuple[bool, list[tuple[str, float]], str, str]


def fold_of(set_name: str, folder: Path, doc_id: str) -> str:
    """The cross-validation fold of one document: its set, train split in two halves by site."""
    if folder.name != "train":
        return folder.name if set_name == "dev+train" else set_name
    site = re.split(r"[-_]", doc_id, maxsplit=1)[0]
    return "train-" + ("A" if int(hashlib.sha1(site.encode()).hexdigest(), 16) % 2 == 0 else "B")


def _merged(folders: tuple[Path, ...], into: Path) -> Path:
    """One folder of docs and gold holding the files of ``folders`` (symlinks)."""
    if len(folders) == 1:
        return folders[0]
    for sub in ("docs", "gold"):
        (into / sub).mkdir(parents=True, exist_ok=True)
        for f in folders:
            for x in (f / sub).iterdir():
                link = into / sub / x.name
                if not link.exists():
                    link.symlink_to(x.resolve())
    return into


def labelled_pairs(name: str, folders: tuple[Path, ...], runs: Path) -> list[FoldPair]:
    """(match?, [(level, hand weight)], fold of a, fold of b) for every pair of aligned records of one set."""
    sc = _scorer()
    folder = _merged(folders, runs / f"{name}-input")
    origin = {x.name: f for f in folders for x in (f / "docs").iterdir()}
    out_dir = runs / name
    if not (out_dir / "records.jsonl").exists():
        # the merged set is a folder of symbolic links to the sets' files: follow them
        pipeline.run(folder / "docs", out_dir, use_cache=False, follow_links=True)
    gold, run = sc.load_gold(folder / "gold"), sc.load_run(out_dir)
    texts = {json.loads(x)["doc_id"]: json.loads(x).get("text", "")
             for x in (out_dir / "documents.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()}
    aligned: list[tuple[str, str, Record]] = []
    for doc_id, g in gold.items():
        studies, recs = g.get("studies", []), run.get(doc_id, [])
        gfs = [sc.gold_facts(s) for s in studies]
        pfs = [sc.facts_of_record(r) for r in recs]
        table = [[sc.pair_counts(gf, opt, pf) for pf in pfs] for gf, opt in gfs]
        for i, j in sc.assign([[sum(c[0] + 0.5 * c[3] for c in cell.values()) for cell in row] for row in table]):
            if not studies[i].get("optional_mention"):
                aligned.append((studies[i]["study_key"], fold_of(name, origin.get(doc_id, folder), doc_id),
                                Record.model_validate(recs[j])))
    # every record of the run counts for the term frequencies, as in dedupe
    all_feats = {r["record_id"]: features(Record.model_validate(r), texts.get(r["doc_id"]))
                 for rs in run.values() for r in rs}
    term_frequencies(list(all_feats.values()))
    feats = [(k, fold, all_feats[r.record_id]) for k, fold, r in aligned]
    pairs: list[FoldPair] = []
    for (ka, da, fa), (kb, db, fb) in itertools.combinations(feats, 2):
        sig, level, _ = signals(fa, fb)
        if level == "contradiction":
            pairs.append((ka == kb, [("contradiction", -100.0)], da, db))
            continue
        pairs.append((ka == kb, [(level_of(n, w), float(w)) for n, w, _ in sig], da, db))
    return pairs


def estimate(pairs: list[tuple[bool, list[tuple[str, float]]]]) -> dict[str, dict]:
    """Per level: counts among matches and non-matches, m, u, data weight, hand weight, estimate."""
    n_m = sum(1 for m, _ in pairs if m)
    n_u = len(pairs) - n_m
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    hand_sum: dict[str, float] = defaultdict(float)
    for match, sig in pairs:
        for lvl, w in sig:
            counts[lvl][0 if match else 1] += 1
            hand_sum[lvl] += w
    out = {}
    for lvl, (km, ku) in sorted(counts.items()):
        if lvl == "contradiction":
            continue
        m = (km + 0.5) / (n_m + 1)
        u = (ku + 0.5) / (n_u + 1)
        data_w = math.log2(m / u)
        hand = hand_sum[lvl] / (km + ku)      # graded levels: the mean hand value where they fired
        n = km + ku
        w = (n * data_w + PRIOR_PAIRS * hand) / (n + PRIOR_PAIRS)
        if lvl in FIXED:
            w = hand
        w = min(max(w, WEIGHT_RANGE[0]), WEIGHT_RANGE[1])
        out[lvl] = {"matches": km, "non_matches": ku, "m": round(m, 4), "u": round(u, 5),
                    "data_weight": round(data_w, 2), "hand": round(hand, 2), "weight": round(w, 2)}
    return out


def fit(pairs: list[tuple[bool, list[tuple[str, float]]]], fs: dict[str, dict], lam: float) -> dict[str, dict]:
    """Logistic regression on the levels (correlated levels share their evidence instead of adding it up),
    penalised towards the hand weights; weights come back in the hand weights' units (bits at t=6.5).

    A level's feature is 1 when it fired (graded levels: their hand value over their mean), so its
    coefficient over the prior's scale is its weight. ``fs`` (the m/u table) is kept for the report.
    """
    import numpy as np
    from scipy.optimize import minimize

    pairs = [(m, s) for m, s in pairs if not any(lvl == "contradiction" for lvl, _ in s)]
    levels = sorted(lvl for lvl in fs if lvl not in FIXED)
    col = {lvl: i for i, lvl in enumerate(levels)}
    x = np.zeros((len(pairs), len(levels)))
    fixed = np.zeros(len(pairs))
    for r, (_, sig) in enumerate(pairs):
        for lvl, w in sig:
            if lvl in col:
                graded = lvl.endswith("+") and lvl[:-1] in GRADED
                x[r, col[lvl]] += (w / fs[lvl]["hand"]) if graded and fs[lvl]["hand"] else 1.0
            else:
                fixed[r] += w
    y = np.array([1.0 if m else 0.0 for m, _ in pairs])
    hand = np.array([fs[lvl]["hand"] for lvl in levels])
    # the prior's scale: one logistic coefficient on the hand score
    hs = x @ hand + fixed - settings.HAND_LINK_THRESHOLD

    def nll1(c: np.ndarray) -> float:
        z = c[0] * hs
        return float(np.sum(np.logaddexp(0, z) - y * z))
    c = float(minimize(nll1, [1.0], method="L-BFGS-B", bounds=[(0.05, 10)]).x[0])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        beta, b = theta[:-1], theta[-1]
        z = x @ beta + c * fixed + b
        p = 1 / (1 + np.exp(-z))
        d = beta - c * hand
        val = float(np.sum(np.logaddexp(0, z) - y * z) + lam * np.sum(d * d))
        g = np.append(x.T @ (p - y) + 2 * lam * d, np.sum(p - y))
        return val, g
    theta0 = np.append(c * hand, -c * settings.HAND_LINK_THRESHOLD)
    theta = minimize(loss, theta0, jac=True, method="L-BFGS-B").x
    out = {}
    for lvl in fs:
        e = dict(fs[lvl])
        if lvl in col:
            e["weight"] = round(float(theta[col[lvl]] / c), 2)
        else:
            e["weight"] = e["hand"]
        e["weight"] = min(max(e["weight"], WEIGHT_RANGE[0]), WEIGHT_RANGE[1])
        out[lvl] = e
    return out


def rescore(sig: list[tuple[str, float]], est: dict[str, dict]) -> float:
    """A pair's score under estimated weights (a graded level keeps its shape, scaled)."""
    total = 0.0
    for lvl, w in sig:
        e = est.get(lvl)
        if e is None:
            total += w
        elif lvl.endswith("+") and lvl[:-1] in GRADED:
            total += w * (e["weight"] / e["hand"] if e["hand"] else 1.0)
        else:
            total += e["weight"]
    return total


def prf(scored: list[tuple[bool, float]], t: float) -> tuple[float, float, float, int, int, int]:
    tp = sum(1 for m, s in scored if m and s >= t)
    fp = sum(1 for m, s in scored if not m and s >= t)
    fn = sum(1 for m, s in scored if m and s < t)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


def best_threshold(scored: list[tuple[bool, float]]) -> float:
    """The threshold with the best F1 among those at precision >= MIN_PRECISION (ties: the higher)."""
    cands = sorted({round(s, 2) for _, s in scored if s > 0})
    best = (-1.0, settings.HAND_LINK_THRESHOLD)
    for t in cands:
        p, _, f, *_ = prf(scored, t)
        if p >= MIN_PRECISION and f >= best[0]:
            best = (f, t)
    return best[1]


def scale_pairs(n: int) -> list[tuple[bool, list[tuple[str, float]]]]:
    """Candidate pairs of ``n`` synthetic records (benchmarks/synth_records.py), labelled by their truth.

    The labelled sets hold a few hundred records, where a shared hospital or cohort size rarely
    coincides; in a corpus of many thousand records it does. These pairs keep the threshold honest there.
    """
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synth_records import make_records  # noqa: E402

    from extract.dedupe.blocking import candidate_pairs

    records, truth = make_records(n, seed=1)
    feats = [features(r) for r in records]
    term_frequencies(feats)
    out = []
    for i, j in candidate_pairs(feats):
        sig, level, _ = signals(feats[i], feats[j])
        if level != "contradiction":
            out.append((truth[records[i].record_id] == truth[records[j].record_id],
                        [(level_of(nm, w), float(w)) for nm, w, _ in sig]))
    return out


def scale_threshold(pairs: list[tuple[bool, list[tuple[str, float]]]], est: dict[str, dict]) -> float:
    """The lowest threshold at which the synthetic candidate pairs reach SCALE_PRECISION."""
    scored = sorted(((rescore(s, est), m) for m, s in pairs), reverse=True)
    tp = fp = 0
    best = float("inf")
    for score, m in scored:
        tp, fp = tp + m, fp + (not m)
        if tp / (tp + fp) >= SCALE_PRECISION:
            best = score
    return round(best, 2)


def pick_threshold(how: str, scored: list[tuple[bool, float]], floor: float = 0.0) -> float:
    """The link threshold: 'fit' (best F1 at MIN_PRECISION on the labelled pairs, never below ``floor``,
    the threshold that keeps precision at scale), 'hand', or a number."""
    if how == "hand":
        return settings.HAND_LINK_THRESHOLD
    if how == "fit":
        return max(best_threshold(scored), floor)
    return float(how)


def to_weights(est: dict[str, dict]) -> dict[str, float]:
    """Estimated levels -> the settings' weight names (graded levels scale their parameters)."""
    out: dict[str, float] = {}
    for lvl, e in est.items():
        if lvl.endswith("+") and lvl[:-1] in GRADED:
            scale = e["weight"] / e["hand"] if e["hand"] else 1.0
            for key in GRADED[lvl[:-1]]:
                hand = {"context_factor": 2.0, "context_cap": 4.0}.get(key, settings.HAND_WEIGHTS.get(key))
                if hand is not None:
                    out[key] = round(hand * scale, 2)
        elif lvl in settings.HAND_WEIGHTS:
            out[lvl] = e["weight"]
    return out


def constrain(weights: dict[str, float], t: float) -> dict[str, float]:
    """Design rules the fit must keep: numbers quoted in the text, with the study's condition and cell
    type, stay below the threshold (a mention quoting another study's figures is no link by itself)."""
    w = dict(weights)
    room = t - w.get("condition_equal", settings.HAND_WEIGHTS["condition_equal"]) \
        - w.get("cell_type_equal", settings.HAND_WEIGHTS["cell_type_equal"]) - 0.25
    if w.get("context_cap", 4.0) > room:
        w["context_cap"] = round(room, 2)
    return w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=Path, help="folder of earlier runs per set (reused when present)")
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    ap.add_argument("--method", choices=("logistic", "fs"), default="logistic",
                    help="logistic: fitted on the levels (default); fs: m/u per level under independence")
    ap.add_argument("--lam", type=float, default=LAMBDA, help="pull towards the hand weights (logistic)")
    ap.add_argument("--threshold", default="fit",
                    help="link threshold: 'fit' (default: best F1 at precision >= MIN_PRECISION on the labelled pairs, "
                         "at least the threshold that keeps SCALE_PRECISION on synthetic pairs), 'hand' or a number")
    args = ap.parse_args()
    runs = args.runs or Path(tempfile.mkdtemp(prefix="estimate-weights-"))
    learn = (lambda ps: estimate(ps)) if args.method == "fs" else (lambda ps: fit(ps, estimate(ps), args.lam))
    labelled = [p for name, folders in SETS.items() if all((f / "gold").is_dir() for f in folders)
                for p in labelled_pairs(name, folders, runs)]
    folds = sorted({d for *_, da, db in labelled for d in (da, db)})
    synthetic = scale_pairs(SCALE_RECORDS)
    hand_t = settings.HAND_LINK_THRESHOLD
    print(f"{'held-out fold':<13} {'pairs':>6} {'matches':>7}   hand weights (t={hand_t})      estimated (CV)")
    tot = {"hand": [0, 0, 0], "est": [0, 0, 0]}
    for name in folds:
        pairs = [(m, s) for m, s, da, db in labelled if da == db == name]
        train = [(m, s) for m, s, da, db in labelled if name not in (da, db)]
        est = learn(train)
        t = pick_threshold(args.threshold, [(m, rescore(s, est)) for m, s in train], scale_threshold(synthetic, est))
        hand = prf([(m, sum(w for _, w in s)) for m, s in pairs], hand_t)
        cv = prf([(m, rescore(s, est)) for m, s in pairs], t)
        for k, r in (("hand", hand), ("est", cv)):
            for i in range(3):
                tot[k][i] += r[3 + i]
        print(f"{name:<13} {len(pairs):>6} {sum(m for m, _ in pairs):>7}   P {hand[0]:.3f} R {hand[1]:.3f} F1 {hand[2]:.3f}"
              f"   P {cv[0]:.3f} R {cv[1]:.3f} F1 {cv[2]:.3f} (t={t})")
    for k in ("hand", "est"):
        tp, fp, fn = tot[k]
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"{'pooled ' + k:<18} P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f} (tp {tp}, fp {fp}, fn {fn})")
    everything = [(m, s) for m, s, _, _ in labelled]
    est = learn(everything)
    floor = scale_threshold(synthetic, est)
    t = pick_threshold(args.threshold, [(m, rescore(s, est)) for m, s in everything], floor)
    print(f"\nall sets: {len(everything)} pairs, {sum(m for m, _ in everything)} matches; link threshold {t} "
          f"(best on the labelled pairs {best_threshold([(m, rescore(s, est)) for m, s in everything])}, "
          f"precision {SCALE_PRECISION} on {len(synthetic)} synthetic pairs from {floor})")
    print(f"{'level':<28} {'m':>7} {'u':>8} {'matches':>7} {'non-m':>6} {'data':>6} {'hand':>6} {'weight':>6}")
    for lvl, e in sorted(est.items(), key=lambda kv: -kv[1]["weight"]):
        print(f"{lvl:<28} {e['m']:>7} {e['u']:>8} {e['matches']:>7} {e['non_matches']:>6} {e['data_weight']:>6} "
              f"{e['hand']:>6} {e['weight']:>6}")
    if args.write:
        doc = {"about": "Linking weights estimated by tools/estimate_weights.py (Fellegi-Sunter m/u per comparison "
                        "level on labelled pairs of dev + train and the blind sets, fitted with a pull towards the hand weights; "
                        "graded signals scaled). Re-run the tool to re-estimate; settings.HAND_WEIGHTS is the prior.",
               "sets": sorted(SETS), "folds": folds, "pairs": len(everything), "matches": sum(m for m, _ in everything),
               "prior_pairs": PRIOR_PAIRS, "min_precision": MIN_PRECISION,
               "link_threshold": t, "weights": constrain(to_weights(est), t), "levels": est}
        OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
