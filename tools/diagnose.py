"""Per-document error listing for a run against a gold set (aligned like ../shared/eval/score.py).

    python tools/diagnose.py GOLD_DIR RUN_DIR [--doc SUBSTRING] [--field NAME]

For every document: each gold study with its aligned record id, the facts missed (FN) and the
predicted facts that match nothing (FP), and records aligned to no gold study.
"""
from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path = SCORER):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def diagnose(gold_dir: Path, run_dir: Path, *, doc: str = "", field: str = "") -> str:
    sc = load_scorer()
    gold, run = sc.load_gold(gold_dir), sc.load_run(run_dir)
    out: list[str] = []
    for doc_id, g in sorted(gold.items()):
        if doc not in doc_id:
            continue
        studies, recs = g.get("studies", []), run.get(doc_id, [])
        gfs = [sc.gold_facts(s) for s in studies]
        pfs = [sc.facts_of_record(r) for r in recs]
        table = [[sc.pair_counts(gf, opt, pf) for pf in pfs] for gf, opt in gfs]
        pairs = dict(sc.assign([[sum(c[0] + 0.5 * c[3] for c in cell.values()) for cell in row] for row in table]))
        lines: list[str] = []
        for i, s in enumerate(studies):
            j = pairs.get(i)
            gf, opt = gfs[i]
            tag = " (optional mention)" if s.get("optional_mention") else ""
            lines.append(f"  gold {s['study_key']}{tag} -> {recs[j]['record_id'] if j is not None else 'UNALIGNED'}")
            pf = pfs[j] if j is not None else {k: [] for k in sc.FIELDS}
            for k in sc.FIELDS:
                if field and k != field:
                    continue
                hits, extra = sc.match_values(k, gf[k], pf[k])
                _, extra = sc.match_values(k, opt[k], extra)
                missed = list(gf[k])
                for p in pf[k]:
                    for gi, gv in enumerate(missed):
                        if sc.equal(k, gv, p):
                            del missed[gi]
                            break
                if missed:
                    lines.append(f"    FN {k}: {missed}")
                if extra:
                    lines.append(f"    FP {k}: {extra}")
        for j, r in enumerate(recs):
            if j not in pairs.values():
                facts = {k: v for k, v in pfs[j].items() if v and (not field or k == field)}
                lines.append(f"  UNALIGNED RECORD {r['record_id']} spans {r.get('mention')}: {facts}")
        if lines:
            out.append(f"== {doc_id}")
            out.extend(lines)
    return "\n".join(out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("run", type=Path)
    ap.add_argument("--doc", default="")
    ap.add_argument("--field", default="")
    a = ap.parse_args()
    print(diagnose(a.gold, a.run, doc=a.doc, field=a.field))
