"""extract eval gives the shared scorer's numbers (../shared/eval/score.py, not shipped with the package)."""
from __future__ import annotations

import importlib.util
import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import pipeline
from extract.cli import app
from extract.evaluate import equal, render, score

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
BLIND = ROOT / "tests" / "data" / "blind4"
needs_scorer = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="shared scorer not present")


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (EVAL / "dev" / "docs").is_dir():
        pytest.skip("shared dev set not present")
    out = tmp_path_factory.mktemp("dev-run")
    pipeline.run(EVAL / "dev" / "docs", out, use_cache=False)
    return out


@needs_scorer
def test_dev_numbers_equal_the_shared_scorer(dev_run: Path) -> None:
    gold = EVAL / "dev" / "gold"
    ours, theirs = score(gold, dev_run), _scorer().score(gold, dev_run)
    assert ours == theirs
    assert render(ours) == _scorer().render(theirs)


@needs_scorer
def test_perturbed_runs_score_alike(dev_run: Path, tmp_path: Path) -> None:
    """Dropped records, merged and split studies, lost values: every branch of the metrics agrees."""
    gold = EVAL / "dev" / "gold"
    lines = (dev_run / "records.jsonl").read_text(encoding="utf-8").splitlines()
    shared = _scorer()
    for seed in range(6):
        rnd = random.Random(seed)
        out = tmp_path / f"run{seed}"
        out.mkdir()
        rows = []
        for line in lines:
            rec = json.loads(line)
            if rnd.random() < 0.15:
                continue                                    # a missed mention
            if rnd.random() < 0.2:
                rec["study_id"] = rnd.choice(["s-x", "s-y", None])  # wrong or missing dedup
            if rnd.random() < 0.3:
                rec["hba1c"] = rec["hba1c"][:1]             # lost values
                rec["study"]["design"] = rnd.choice([None, "rct", "review"])
            rows.append(json.dumps(rec, ensure_ascii=False))
        (out / "records.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
        assert score(gold, out) == shared.score(gold, out), f"seed {seed}"


@needs_scorer
def test_blind_set_agrees(tmp_path: Path) -> None:
    if not (BLIND / "docs").is_dir():
        pytest.skip("blind4 set not present")
    pipeline.run(BLIND / "docs", tmp_path, use_cache=False)
    assert score(BLIND / "gold", tmp_path) == _scorer().score(BLIND / "gold", tmp_path)


@pytest.mark.parametrize("field, gold, pred, same", [
    ("n_total", 91, 91, True), ("n_total", 91, 91.0, True), ("n_total", 91, "91", False),
    ("hba1c_before", 8.7, 8.75, True), ("hba1c_before", 8.7, 8.8, False),
    ("follow_up_days", 336, 352, True), ("follow_up_days", 336, 360, False), ("follow_up_days", 28, 32, False), ("follow_up_days", 2070, 2150, True),
    ("dose", {"min": 1e6, "max": 1e6, "per_kg": True}, {"min": 1.005e6, "max": 1e6, "per_kg": True}, True),
    ("dose", {"min": 1e6, "max": 1e6, "per_kg": True}, {"min": 1e6, "max": 1e6, "per_kg": False}, False),
    ("doi", "10.1/ABC", "10.1/abc", True), ("design", "rct", "RCT", False), ("pub_date", "2025", "2025-01", False),
])
def test_equality_rules(field: str, gold: object, pred: object, same: bool) -> None:
    assert equal(field, gold, pred) is same


def test_cli_eval_prints_the_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt.json").write_text(json.dumps({"doc_id": "a.txt", "lang": "en", "studies": [
        {"study_key": "s1", "facts": {"n_total": [40], "design": ["rct"]}}]}), encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    (run / "records.jsonl").write_text(json.dumps({
        "record_id": "r1", "study_id": "s", "doc_id": "a.txt", "lang": "en",
        "study": {"design": "rct"}, "cohort_sizes": [{"n": 40, "role": "total"}, {"n": 20, "role": "arm"}]}) + "\n")
    r = CliRunner().invoke(app, ["eval", str(gold), str(run)])
    assert r.exit_code == 0, r.output
    assert "ALL FACTS        P 0.667  R 1.000  F1 0.800" in r.output
    r = CliRunner().invoke(app, ["eval", str(gold), str(run), "--json"])
    assert json.loads(r.output)["fields"]["n_arms"]["fp"] == 1
    r = CliRunner().invoke(app, ["eval", str(gold), str(tmp_path / "none")])
    assert r.exit_code == 2
