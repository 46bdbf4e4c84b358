"""Deduplication errors of a run against a gold set: every false link and every missed pair, with the
run's own pair score and signals (aligned like ../shared/eval/score.py).

    python tools/diagnose_dedupe.py GOLD_DIR RUN_DIR [--study KEY] [--all-signals]

False link: two aligned records of different gold studies that share a study_id. Missed pair: two gold
mentions of one study that are not in one predicted study, because one side has no record
(``no record``) or because the run kept the records apart (their score, level and signals; ``above the
threshold`` means the cluster checks refused the merge).
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from diagnose import load_scorer  # noqa: E402
from extract.dedupe import Trace, dedupe, settings  # noqa: E402
from extract.dedupe.decisions import Decisions  # noqa: E402
from extract.models import Record  # noqa: E402


def _aligned(sc, gold: dict, run: dict) -> tuple[list[tuple[str, str, dict]], list[tuple[str, str]]]:
    """([(study_key, doc_id, record)], [(study_key, doc_id)] of gold mentions without a record)."""
    aligned, missing = [], []
    for doc_id, g in sorted(gold.items()):
        studies, recs = g.get("studies", []), run.get(doc_id, [])
        gfs = [sc.gold_facts(s) for s in studies]
        pfs = [sc.facts_of_record(r) for r in recs]
        table = [[sc.pair_counts(gf, opt, pf) for pf in pfs] for gf, opt in gfs]
        pairs = dict(sc.assign([[sum(c[0] + 0.5 * c[3] for c in cell.values()) for cell in row] for row in table]))
        for i, s in enumerate(studies):
            if s.get("optional_mention"):
                continue
            if i in pairs:
                aligned.append((s["study_key"], doc_id, recs[pairs[i]]))
            else:
                missing.append((s["study_key"], doc_id))
    return aligned, missing


def _brief(r: dict) -> str:
    s = r["study"]
    bits = [s.get("design") or "-", s.get("condition") or "-", ",".join(s.get("cell_types") or []) or "-"]
    for k in ("doi", "pmid"):
        if s.get(k):
            bits.append(f"{k}={s[k]}")
    if s.get("registry_ids"):
        bits.append("reg=" + ",".join(s["registry_ids"]))
    ns = sorted({c["n"] for c in r.get("cohort_sizes", []) if c["role"] == "total"})
    if ns:
        bits.append(f"n={ns}")
    for k in ("institution", "journal", "pub_date", "patient_age", "patient_sex", "insulin_free_days"):
        if s.get(k) not in (None, "", []):
            bits.append(f"{k}={s[k]}")
    if s.get("aliases"):
        bits.append("aliases=" + ",".join(s["aliases"]))
    if s.get("title"):
        bits.append("title=" + s["title"][:60])
    return " ".join(str(b) for b in bits)


def diagnose(gold_dir: Path, run_dir: Path, *, study: str = "", all_signals: bool = False) -> str:
    sc = load_scorer()
    gold, run = sc.load_gold(gold_dir), sc.load_run(run_dir)
    texts = {}
    for line in (run_dir / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            texts[d["doc_id"]] = d.get("text", "")
    records = [Record.model_validate(r) for rs in run.values() for r in rs]
    trace = Trace()
    decisions = Decisions.load(run_dir / "decisions.jsonl") if (run_dir / "decisions.jsonl").exists() else None
    dedupe(records, texts=texts, decisions=decisions, trace=trace)
    index = {f.rid: i for i, f in enumerate(trace.feats)}
    aligned, missing = _aligned(sc, gold, run)
    out: list[str] = []

    def pair(ra: dict, rb: dict) -> str:
        i, j = sorted((index[ra["record_id"]], index[rb["record_id"]]))
        s = trace.lifted.get((i, j)) or trace.cache.get(i, j)  # type: ignore[union-attr]
        shown = [x for x in s.sig if all_signals or x[1] != 0]
        sig = "; ".join(f"{n} {w:+.2f} ({d})" for n, w, d in shown)
        note = " ABOVE threshold (cluster check)" if s.score >= settings.LINK_THRESHOLD and s.level != "contradiction" else ""
        return f"score {s.score:.2f} [{s.level}]{note}\n        {sig}"

    fl = []
    for (ka, da, ra), (kb, db, rb) in itertools.combinations(aligned, 2):
        if ka != kb and ra.get("study_id") and ra.get("study_id") == rb.get("study_id"):
            if study and study not in (ka, kb):
                continue
            fl.append(f"  {ka} @{da}\n    vs {kb} @{db}\n      {pair(ra, rb)}")
    out.append(f"FALSE LINKS ({len(fl)})")
    out.extend(fl)

    by_key: dict[str, list[tuple[str, dict | None]]] = defaultdict(list)
    for k, d, r in aligned:
        by_key[k].append((d, r))
    for k, d in missing:
        by_key[k].append((d, None))
    causes: Counter[str] = Counter()
    lines: list[str] = []
    for k, ms in sorted(by_key.items()):
        if len(ms) < 2 or (study and study != k):
            continue
        groups: dict[str, list[str]] = defaultdict(list)
        for d, r in ms:
            groups[r["study_id"] if r else f"(no record) {d}"].append(d)
        missed = [(a, b) for a, b in itertools.combinations(ms, 2)
                  if not (a[1] and b[1] and a[1]["study_id"] == b[1]["study_id"])]
        if not missed:
            continue
        lines.append(f"\n{k}: {len(ms)} mentions, {len(groups)} predicted groups, {len(missed)} missed pairs")
        for sid, docs in groups.items():
            lines.append(f"  [{sid}] {', '.join(docs)}")
        for d, r in ms:
            if r:
                lines.append(f"    {d}: {_brief(r)}")
        seen_groups = set()
        for (da, ra), (db, rb) in missed:
            if ra is None or rb is None:
                causes["no record"] += 1
                continue
            g = tuple(sorted((ra["study_id"], rb["study_id"])))
            i, j = sorted((index[ra["record_id"]], index[rb["record_id"]]))
            s = trace.cache.get(i, j)  # type: ignore[union-attr]
            causes["contradiction" if s.level == "contradiction" else
                   "cluster check" if s.score >= settings.LINK_THRESHOLD else "below threshold"] += 1
            lines.append(f"    {da} x {db}: {pair(ra, rb)}")
            seen_groups.add(g)
    out.append(f"\nMISSED PAIRS by cause: {dict(causes)}")
    out.extend(lines)
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("run", type=Path)
    ap.add_argument("--study", default="", help="only this gold study key")
    ap.add_argument("--all-signals", action="store_true", help="show zero-weight signals too")
    args = ap.parse_args()
    print(diagnose(args.gold, args.run, study=args.study, all_signals=args.all_signals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
