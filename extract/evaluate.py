"""``extract eval GOLD OUT``: score a run against a curator's annotated sample.

The metrics are those of the shared scorer (``../shared/eval/score.py``, which is not shipped with the
package), computed the same way so the numbers agree to the last digit:

- **facts**: each gold study is aligned with one predicted record of its document (an optimal
  assignment on matched values); per field, a predicted value equal to a gold value is a true positive,
  an unmatched predicted value a false positive, an unmatched gold value a false negative. Values the
  gold marks optional are free. Also per language of the document.
- **mentions**: gold studies, predicted records, and how many gold studies were aligned.
- **dedup**: pairwise precision/recall over aligned gold mentions (same gold study key vs same
  predicted ``study_id``), and B-cubed with unaligned mentions as singletons.

The gold format is the guideline's (``GUIDELINE.md``): one JSON file per document with ``doc_id``,
``lang`` and ``studies`` (``study_key``, ``facts``, optional ``optional`` and ``optional_mention``).
"""
from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Optional

FIELDS = [
    "n_total", "n_arms", "n_studies",
    "hba1c_before", "hba1c_after", "hba1c_change",
    "dose", "infusions", "interval_days", "follow_up_days",
    "doi", "pmid", "registry_ids",
    "design", "condition", "cell_type", "pub_date",
]
INT_FIELDS = frozenset({"n_total", "n_arms", "n_studies", "infusions"})
HBA1C_FIELDS = frozenset({"hba1c_before", "hba1c_after", "hba1c_change"})
DAY_FIELDS = frozenset({"interval_days", "follow_up_days"})
ENUM_FIELDS = frozenset({"design", "condition", "cell_type"})
HBA1C_TOLERANCE = 0.051          # percentage points
DAY_TOLERANCE = (3.0, 0.05)      # days: the larger of 3 days and 5 %
DOSE_TOLERANCE = 0.01            # relative
ROLE_FIELD = {"total": "n_total", "arm": "n_arms", "studies_included": "n_studies"}

Facts = dict[str, list[Any]]
Counts = list[int]               # [tp, fp, fn]


# ---------------------------------------------------------------- equality

def _num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def equal(field: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted value counts as the gold value (the guideline's tolerances)."""
    try:
        if field in INT_FIELDS:
            return _num(pred) and int(gold) == pred
        if field in HBA1C_FIELDS:
            return _num(pred) and abs(float(gold) - float(pred)) <= HBA1C_TOLERANCE
        if field in DAY_FIELDS:
            floor, rel = DAY_TOLERANCE
            return _num(pred) and abs(float(gold) - float(pred)) <= max(floor, rel * abs(float(gold)))
        if field == "dose":
            if not isinstance(pred, dict):
                return False
            for k in ("min", "max"):
                g, p = float(gold[k]), pred.get(k)
                if not _num(p) or abs(g - float(p)) > DOSE_TOLERANCE * abs(g):
                    return False
            return bool(gold.get("per_kg")) == bool(pred.get("per_kg"))
        if field == "pub_date":
            return isinstance(pred, str) and pred.strip() == str(gold).strip()
        if field in ENUM_FIELDS:
            return pred == gold
        return isinstance(pred, str) and pred.strip().lower() == str(gold).strip().lower()
    except (TypeError, ValueError, KeyError):
        return False


def match_values(field: str, gold: list[Any], pred: list[Any]) -> tuple[int, list[Any]]:
    """Greedy one-to-one matching of equal values: (hits, unmatched predicted values)."""
    left = list(pred)
    hits = 0
    for g in gold:
        for i, p in enumerate(left):
            if equal(field, g, p):
                hits += 1
                del left[i]
                break
    return hits, left


# ---------------------------------------------------------------- predictions and gold

def norm_doi(x: Any) -> Optional[str]:
    if not isinstance(x, str) or not x.strip():
        return None
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", x.strip(), flags=re.I).lower()


def facts_of_record(rec: dict[str, Any]) -> Facts:
    """One records.jsonl line as gold fact fields."""
    f: Facts = {k: [] for k in FIELDS}
    for c in rec.get("cohort_sizes") or []:
        if isinstance(c, dict) and (key := ROLE_FIELD.get(c.get("role"))) and c.get("n") is not None:  # type: ignore[arg-type]
            f[key].append(c.get("n"))
    for h in rec.get("hba1c") or []:
        if isinstance(h, dict):
            for k in ("before", "after", "change"):
                if h.get(k) is not None:
                    f["hba1c_" + k].append(h[k])
    for d in rec.get("doses") or []:
        if isinstance(d, dict) and d.get("cells_min") is not None:
            f["dose"].append({"min": d.get("cells_min"), "max": d.get("cells_max", d.get("cells_min")),
                              "per_kg": d.get("per_kg", False)})
    for r in rec.get("regimen") or []:
        if isinstance(r, dict):
            if r.get("infusions") is not None:
                f["infusions"].append(r["infusions"])
            if r.get("interval_days") is not None:
                f["interval_days"].append(r["interval_days"])
    for fu in rec.get("follow_up") or []:
        if isinstance(fu, dict) and fu.get("days") is not None:
            f["follow_up_days"].append(fu["days"])
    s = rec.get("study") or {}
    if doi := norm_doi(s.get("doi")):
        f["doi"].append(doi)
    if s.get("pmid"):
        f["pmid"].append(str(s["pmid"]).strip())
    f["registry_ids"].extend(x for x in (s.get("registry_ids") or []) if isinstance(x, str))
    for k in ("design", "condition", "pub_date"):
        if s.get(k):
            f[k].append(s[k])
    f["cell_type"].extend(x for x in (s.get("cell_types") or []) if isinstance(x, str))
    return f


def load_run(run_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """records.jsonl grouped by document."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with (Path(run_dir) / "records.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                by_doc[str(rec.get("doc_id"))].append(rec)
    return by_doc


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """doc_id -> gold annotation, from every ``*.json`` of the folder."""
    gold = {}
    for p in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        gold[g["doc_id"]] = g
    return gold


def gold_facts(study: dict[str, Any]) -> tuple[Facts, Facts]:
    """(required facts, optional facts); an optional mention has only optional facts."""
    facts = {k: list(study.get("facts", {}).get(k) or []) for k in FIELDS}
    optional = {k: list((study.get("optional") or {}).get(k) or []) for k in FIELDS}
    if study.get("optional_mention"):
        optional = {k: facts[k] + optional[k] for k in FIELDS}
        facts = {k: [] for k in FIELDS}
    facts["doi"] = [d for x in facts["doi"] if (d := norm_doi(x))]
    optional["doi"] = [d for x in optional["doi"] if (d := norm_doi(x))]
    return facts, optional


# ---------------------------------------------------------------- alignment

def pair_counts(gf: Facts, opt: Facts, pf: Facts) -> dict[str, tuple[int, int, int, int]]:
    """Per field (tp, fp, fn, optional hits) of one gold study against one predicted record."""
    out = {}
    for k in FIELDS:
        hits, extra = match_values(k, gf[k], pf[k])
        free, extra = match_values(k, opt[k], extra)  # optional values cost nothing
        out[k] = (hits, len(extra), len(gf[k]) - hits, free)
    return out


def assign(score: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs (i, j) maximising the total score (scipy's optimal assignment; greedy without scipy)."""
    n, m = len(score), len(score[0]) if score else 0
    if not n or not m:
        return []
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        cells = sorted(((score[i][j], i, j) for i in range(n) for j in range(m)), reverse=True)
        used_i: set[int] = set()
        used_j: set[int] = set()
        out = []
        for s, i, j in cells:
            if s > 0 and i not in used_i and j not in used_j:
                used_i.add(i)
                used_j.add(j)
                out.append((i, j))
        return out
    rows, cols = linear_sum_assignment(-np.array(score, dtype=float))
    return [(int(i), int(j)) for i, j in zip(rows, cols) if score[i][j] > 0]


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _add(accs: Iterable[Counts], tp: int, fp: int, fn: int) -> None:
    for acc in accs:
        acc[0] += tp
        acc[1] += fp
        acc[2] += fn


def score(gold_dir: Path, run_dir: Path) -> dict[str, Any]:
    """Facts per field and language, mentions, and dedup (pairwise and B-cubed) of a run."""
    gold = load_gold(gold_dir)
    run = load_run(run_dir)
    per_field: dict[str, Counts] = {k: [0, 0, 0] for k in FIELDS}
    per_lang: dict[str, Counts] = defaultdict(lambda: [0, 0, 0])
    aligned: list[tuple[str, Any, str]] = []         # (gold study_key, predicted study_id, doc_id)
    gold_mentions: list[tuple[str, str, bool]] = []  # (doc_id, study_key, aligned?)
    mentions = {"gold": 0, "predicted": 0, "aligned": 0}
    for doc_id, g in gold.items():
        studies = g.get("studies", [])
        recs = run.get(doc_id, [])
        mentions["gold"] += sum(1 for s in studies if not s.get("optional_mention"))
        mentions["predicted"] += len(recs)
        gfs = [gold_facts(s) for s in studies]
        pfs = [facts_of_record(r) for r in recs]
        table = [[pair_counts(gf, opt, pf) for pf in pfs] for gf, opt in gfs]
        pairs = assign([[sum(c[0] + 0.5 * c[3] for c in cell.values()) for cell in row] for row in table])
        mentions["aligned"] += sum(1 for i, _ in pairs if not studies[i].get("optional_mention"))
        done_g, done_p = set(), set()
        lang = g.get("lang", "?")
        for i, j in pairs:
            done_g.add(i)
            done_p.add(j)
            for k, (tp, fp, fn, _) in table[i][j].items():
                _add((per_field[k], per_lang[lang]), tp, fp, fn)
            if not studies[i].get("optional_mention"):
                aligned.append((studies[i]["study_key"], recs[j].get("study_id"), doc_id))
        for i, (gf, _) in enumerate(gfs):
            if studies[i].get("optional_mention"):
                continue
            gold_mentions.append((doc_id, studies[i]["study_key"], i in done_g))
            if i not in done_g:
                for k in FIELDS:
                    _add((per_field[k], per_lang[lang]), 0, 0, len(gf[k]))
        for j, pf in enumerate(pfs):
            if j not in done_p:
                for k in FIELDS:
                    _add((per_field[k], per_lang[lang]), 0, len(pf[k]), 0)
    total = [sum(v[i] for v in per_field.values()) for i in range(3)]
    missed = [m for m in gold_mentions if not m[2]]
    return {
        "dedup_bcubed": _bcubed(aligned, gold_mentions),
        "facts": prf(*total),
        "fields": {k: prf(*v) for k, v in per_field.items()},
        "langs": {k: prf(*v) for k, v in sorted(per_lang.items())},
        "mentions": mentions,
        "missed_mentions": [f"{d}:{k}" for d, k, _ in missed],
        "dedup": _pairwise(aligned, gold_mentions),
    }


def _pairwise(aligned: list[tuple[str, Any, str]], gold_mentions: list[tuple[str, str, bool]]) -> dict[str, Any]:
    """Pairs of aligned gold mentions: same predicted study vs same gold study; a gold pair with an
    unaligned mention is a miss."""
    tp = fp = fn = 0
    for (k1, s1, _), (k2, s2, _) in itertools.combinations(aligned, 2):
        same_pred = s1 is not None and s1 == s2
        if same_pred and k1 == k2:
            tp += 1
        elif same_pred:
            fp += 1
        elif k1 == k2:
            fn += 1
    for (_, k1, a1), (_, k2, a2) in itertools.combinations(gold_mentions, 2):
        if k1 == k2 and not (a1 and a2):
            fn += 1
    return prf(tp, fp, fn)


def _bcubed(aligned: list[tuple[str, Any, str]], gold_mentions: list[tuple[str, str, bool]]) -> dict[str, float]:
    """B-cubed over gold mentions (unaligned mentions are singletons of their own)."""
    items: list[tuple[str, Any]] = [(k, s if s is not None else ("unaligned", d, k)) for k, s, d in aligned]
    items += [(k, ("missed", d, k)) for d, k, a in gold_mentions if not a]
    bp = br = 0.0
    for k, s in items:
        same_s = [kk for kk, ss in items if ss == s]
        same_k = [ss for kk, ss in items if kk == k]
        both = sum(1 for kk in same_s if kk == k)
        bp += both / len(same_s)
        br += both / len(same_k)
    n = max(1, len(items))
    bp, br = bp / n, br / n
    return {"precision": round(bp, 4), "recall": round(br, 4),
            "f1": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0}


def render(res: dict[str, Any]) -> str:
    """The scores as the shared scorer prints them."""
    def row(name: str, d: dict[str, Any]) -> str:
        return (f"{name:<16} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}   "
                f"(tp {d['tp']}, fp {d['fp']}, fn {d['fn']})")

    lines = [row("ALL FACTS", res["facts"])]
    lines += [row("  " + k, d) for k, d in res["fields"].items() if d["tp"] + d["fp"] + d["fn"]]
    lines += [row("lang " + k, d) for k, d in res["langs"].items()]
    lines.append(row("DEDUP pairs", res["dedup"]))
    b = res["dedup_bcubed"]
    lines.append(f"{'DEDUP B-cubed':<16} P {b['precision']:.3f}  R {b['recall']:.3f}  F1 {b['f1']:.3f}")
    m = res["mentions"]
    lines.append(f"mentions: gold {m['gold']}, predicted {m['predicted']}, aligned {m['aligned']}")
    if res["missed_mentions"]:
        lines.append("missed: " + ", ".join(res["missed_mentions"]))
    return "\n".join(lines)
