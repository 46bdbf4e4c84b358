"""End-to-end gate on the shared dev set: evidence offsets hold everywhere and scores never drop silently.

The floors are the scores the pipeline reached when they were last raised, minus a small margin:
a change that lowers a score below its floor fails here and must say why (or lower the floor in
the same commit, visibly).
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from extract import pipeline

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
FLOORS = {
    "facts_f1": 0.0,
    "facts_precision": 0.0,
    "dedup_f1": 0.0,
    "mentions_aligned": 0.0,
}
LANG_FLOOR = 0.0

pytestmark = pytest.mark.skipif(not (EVAL / "dev" / "docs").is_dir(), reason="shared dev set not present")


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dev-run")
    pipeline.run(EVAL / "dev" / "docs", out, use_cache=False)
    return out


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_every_dev_document_is_ok(dev_run: Path) -> None:
    rows = [json.loads(x) for x in (dev_run / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(list((EVAL / "dev" / "docs").iterdir()))
    assert all(r["status"] == "ok" for r in rows), [r["doc_id"] for r in rows if r["status"] != "ok"]


def test_every_evidence_quote_matches_the_text(dev_run: Path) -> None:
    texts = {json.loads(x)["doc_id"]: json.loads(x)["text"]
             for x in (dev_run / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    checked = 0
    for line in (dev_run / "records.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = texts[rec["doc_id"]]
        evs = [i["evidence"] for k in ("cohort_sizes", "hba1c", "doses", "regimen", "follow_up") for i in rec[k]]
        evs += [e for es in rec["study"]["evidence"].values() for e in es]
        for ev in evs:
            assert text[ev["start"]:ev["end"]] == ev["quote"], (rec["record_id"], ev)
            checked += 1
    assert checked > 0


def test_dev_scores_stay_above_their_floors(dev_run: Path) -> None:
    res = _scorer().score(EVAL / "dev" / "gold", dev_run)
    m = res["mentions"]
    got = {
        "facts_f1": res["facts"]["f1"],
        "facts_precision": res["facts"]["precision"],
        "dedup_f1": res["dedup"]["f1"],
        "mentions_aligned": m["aligned"] / max(1, m["gold"]),
    }
    low = {k: (v, FLOORS[k]) for k, v in got.items() if v < FLOORS[k]}
    assert not low, f"scores below their floors (got, floor): {low}"
    for lang, d in res["langs"].items():
        assert d["f1"] >= LANG_FLOOR, f"lang {lang} F1 {d['f1']} < {LANG_FLOOR}"
