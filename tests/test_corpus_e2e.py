"""End to end on the sample corpus: every file accounted for, and the curator's expected facts found."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from extract import pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
EXPECTED = json.loads((ROOT / "tests" / "data" / "corpus_expected.json").read_text(encoding="utf-8"))["documents"]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
FLOORS = {"facts_f1": 0.94, "facts_precision": 0.96, "dedup_f1": 0.95}  # 0.967 / 0.990 / 1.0 when set


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-run")
    pipeline.run(CORPUS, out, use_cache=False, jobs=2)
    return out


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_every_corpus_document_is_read(corpus_run: Path) -> None:
    rows = {r["doc_id"]: r for r in _rows(corpus_run / "documents.jsonl")}
    assert set(EXPECTED) <= set(rows)
    bad = {d: r["error"] for d, r in rows.items() if r["status"] != "ok"}
    assert not bad
    for doc_id, exp in EXPECTED.items():
        assert rows[doc_id]["lang"] == exp["lang"], doc_id


def test_the_same_study_in_two_languages_is_one_study(corpus_run: Path) -> None:
    keys: dict[str, set[str]] = {}
    recs = _rows(corpus_run / "records.jsonl")
    for doc_id, exp in EXPECTED.items():
        for s in exp["studies"]:
            keys.setdefault(s["study_key"], set()).add(doc_id)
    shared = {k: docs for k, docs in keys.items() if len(docs) > 1}
    assert shared, "the corpus must hold a study reported by several documents"
    for key, docs in shared.items():
        ids = {r["study_id"] for r in recs if r["doc_id"] in docs and r["study"]["doi"]}
        assert len(ids) == 1, (key, ids)


@pytest.mark.skipif(not SCORER.exists(), reason="shared scorer not present")
def test_corpus_scores_stay_above_their_floors(corpus_run: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for i, (doc_id, exp) in enumerate(EXPECTED.items()):
        (gold / f"{i:03d}.json").write_text(json.dumps({"doc_id": doc_id, **exp}), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    res = mod.score(gold, corpus_run)
    got = {"facts_f1": res["facts"]["f1"], "facts_precision": res["facts"]["precision"],
           "dedup_f1": res["dedup"]["f1"]}
    low = {k: (v, FLOORS[k]) for k, v in got.items() if v < FLOORS[k]}
    assert not low, f"corpus scores below floors (got, floor): {low}\n{mod.render(res)}"
