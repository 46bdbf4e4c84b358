"""End-to-end behaviour of `extract run`: contract files, order, --jobs, cache, interruption."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import pipeline
from extract.cli import app
from extract.models import DocumentRow, Record, Study

ZH_POST = """2024年3月12日,某大学附属医院在《中华内分泌代谢杂志》上发表了一项随机双盲安慰剂对照试验。
研究共纳入60名2型糖尿病患者,治疗组30名、安慰剂组30名,接受3次脐带间充质干细胞静脉输注,每4周一次。
随访12个月后,治疗组糖化血红蛋白从8.6%降至7.1%。
"""
EN_POST = """A phase 2 randomized, placebo-controlled trial enrolled 48 adults with type 2 diabetes.
Patients received two infusions of umbilical cord mesenchymal stem cells (1 x 10^6 cells/kg) 4 weeks apart
and were followed for 24 weeks. HbA1c fell from 8.2% at baseline to 7.4%.
"""
HANT_POST = """2023年5月,研究團隊在期刊發表病例報告:1名第1型糖尿病患者接受胰島細胞移植,
隨訪18個月,糖化血紅蛋白由9.1%降至6.5%。
"""


def make_corpus(root: Path) -> Path:
    (root / "zh").mkdir(parents=True)
    (root / "zh" / "post.txt").write_text(ZH_POST, encoding="utf-8")
    (root / "en.txt").write_text(EN_POST, encoding="utf-8")
    (root / "hant.txt").write_text(HANT_POST, encoding="utf-8")
    (root / "notes.xyz").write_text("not an article", encoding="utf-8")
    return root


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_cli(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(app, list(args))


def test_run_writes_the_three_contract_files(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    res = run_cli("run", str(corpus), "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    docs = read_jsonl(tmp_path / "out" / "documents.jsonl")
    # every input file appears, in stable (sorted) order, with POSIX doc ids
    assert [d["doc_id"] for d in docs] == ["en.txt", "hant.txt", "notes.xyz", "zh/post.txt"]
    status = {d["doc_id"]: d["status"] for d in docs}
    assert status["notes.xyz"] == "skipped"
    assert status["zh/post.txt"] == "ok"
    for d in docs:
        DocumentRow.model_validate(d)
    recs = read_jsonl(tmp_path / "out" / "records.jsonl")
    studies = read_jsonl(tmp_path / "out" / "studies.jsonl")
    for r in recs:
        Record.model_validate(r)
    for s in studies:
        Study.model_validate(s)
    # each record's study exists, and each study lists its records
    by_study = {s["study_id"]: set(s["record_ids"]) for s in studies}
    for r in recs:
        assert r["record_id"] in by_study[r["study_id"]]
    assert "documents 4" in res.output and "skipped 1" in res.output


def test_evidence_offsets_point_into_document_text(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    assert run_cli("run", str(corpus), "--out", str(tmp_path / "out")).exit_code == 0
    texts = {d["doc_id"]: d["text"] for d in read_jsonl(tmp_path / "out" / "documents.jsonl")}
    n = 0
    for r in read_jsonl(tmp_path / "out" / "records.jsonl"):
        text = texts[r["doc_id"]]
        for key in ("cohort_sizes", "hba1c", "doses", "regimen", "follow_up"):
            for item in r[key]:
                ev = item["evidence"]
                assert text[ev["start"]:ev["end"]] == ev["quote"]
                n += 1
        for evs in r["study"]["evidence"].values():
            for ev in evs:
                assert text[ev["start"]:ev["end"]] == ev["quote"]
                n += 1
    assert n > 0


def test_jobs_two_output_is_byte_identical_to_jobs_one(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    for i in range(6):  # enough files for both workers to get some
        (corpus / f"copy{i}.txt").write_text(EN_POST.replace("48", str(40 + i)), encoding="utf-8")
    for jobs in ("1", "2"):
        res = run_cli("run", str(corpus), "--out", str(tmp_path / f"out{jobs}"), "--jobs", jobs, "--no-cache")
        assert res.exit_code == 0, res.output
    for name in ("documents.jsonl", "records.jsonl", "studies.jsonl"):
        assert (tmp_path / "out1" / name).read_bytes() == (tmp_path / "out2" / name).read_bytes(), name


def test_record_ids_are_stable_across_runs(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    run_cli("run", str(corpus), "--out", str(tmp_path / "a"), "--no-cache")
    run_cli("run", str(corpus), "--out", str(tmp_path / "b"), "--no-cache")
    ids_a = [r["record_id"] for r in read_jsonl(tmp_path / "a" / "records.jsonl")]
    ids_b = [r["record_id"] for r in read_jsonl(tmp_path / "b" / "records.jsonl")]
    assert ids_a == ids_b and len(set(ids_a)) == len(ids_a)


def test_usage_errors_exit_non_zero(tmp_path: Path) -> None:
    assert run_cli("run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")).exit_code == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    # an output path under a regular file cannot be created
    assert run_cli("run", str(make_corpus(tmp_path / "in")), "--out", str(blocker / "out")).exit_code == 3


def test_one_crashing_document_does_not_stop_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path / "in")
    real = pipeline.process_source

    def flaky(src):  # an internal bug on one document only
        if src.doc_id == "en.txt":
            raise ValueError("boom")
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", flaky)
    summary = pipeline.run(corpus, tmp_path / "out", use_cache=False)
    docs = {d["doc_id"]: d for d in read_jsonl(tmp_path / "out" / "documents.jsonl")}
    assert docs["en.txt"]["status"] == "error" and "boom" in docs["en.txt"]["error"]
    assert docs["zh/post.txt"]["status"] == "ok"
    assert summary.failed == 1 and summary.documents == 4


def test_time_limit_stops_a_hanging_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path / "in")
    real = pipeline.process_source

    def slow(src):
        if src.doc_id == "hant.txt":
            while True:
                time.sleep(0.01)
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", slow)
    pipeline.run(corpus, tmp_path / "out", use_cache=False, time_limit_s=0.5)
    docs = {d["doc_id"]: d for d in read_jsonl(tmp_path / "out" / "documents.jsonl")}
    assert docs["hant.txt"]["status"] == "error" and docs["hant.txt"]["error_code"] == "E109"
    assert docs["en.txt"]["status"] == "ok"


def test_incremental_run_reprocesses_only_the_changed_file(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    first = pipeline.run(corpus, out)
    assert first.reprocessed == 4 and first.cached == 0
    before = read_jsonl(out / "records.jsonl")
    (corpus / "en.txt").write_text(EN_POST.replace("48 adults", "52 adults"), encoding="utf-8")
    second = pipeline.run(corpus, out)
    assert second.reprocessed == 1 and second.cached == 3
    after = read_jsonl(out / "records.jsonl")
    # unchanged documents keep their record ids; the changed one carries the new number
    assert {r["record_id"] for r in before if r["doc_id"] != "en.txt"} <= {r["record_id"] for r in after}
    assert "52" in json.dumps([r for r in after if r["doc_id"] == "en.txt"])
    third = pipeline.run(corpus, out, use_cache=False)
    assert third.reprocessed == 4
    assert read_jsonl(out / "records.jsonl") == after


def test_interrupted_run_leaves_previous_outputs_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    pipeline.run(corpus, out, use_cache=False)
    snapshot = {p.name: p.read_bytes() for p in out.glob("*.jsonl")}
    (corpus / "new.txt").write_text(ZH_POST, encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "dedupe", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(corpus, out, use_cache=False)
    assert {p.name: p.read_bytes() for p in out.glob("*.jsonl")} == snapshot
    assert not list(out.glob(".*.tmp")), "temporary files must be cleaned up"


def test_sigterm_never_leaves_partial_outputs(tmp_path: Path) -> None:
    """Whenever SIGTERM lands, each output is either the old complete file or the new complete one."""
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    exe = [sys.executable, "-m", "extract.cli"]
    subprocess.run(exe + ["run", str(corpus), "--out", str(out), "--no-cache"], check=True, capture_output=True)
    old = {p.name: p.read_bytes() for p in out.glob("*.jsonl")}
    for i in range(40):
        (corpus / f"bulk{i}.txt").write_text(ZH_POST * 20, encoding="utf-8")
    cache = tmp_path / "cache.sqlite"
    proc = subprocess.Popen(exe + ["run", str(corpus), "--out", str(out), "--cache", str(cache)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not cache.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the cache appears once the run (and its signal handling) has started
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(timeout=120)
    assert code in (0, 130), proc.stderr.read().decode()[-2000:] if proc.stderr else ""   # never -2 (cli.py)
    for name, data in old.items():
        now = (out / name).read_bytes()
        if code == 130:
            assert now == data
        rows = [json.loads(x) for x in now.decode("utf-8").splitlines() if x.strip()]  # complete JSON lines
        assert all(isinstance(r, dict) for r in rows)
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]


def test_a_crash_on_one_feed_item_leaves_the_other_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    items = [{"id": "a", "title": "甲", "text": ZH_POST}, {"id": "b", "title": "B", "text": EN_POST},
             {"id": "c", "title": "丙", "text": HANT_POST}]
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n",
                                       encoding="utf-8")
    real = pipeline.process_source

    def flaky(src):
        if src.doc_id.endswith("#b"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", flaky)
    pipeline.run(corpus, tmp_path / "out", use_cache=False)
    docs = {d["doc_id"]: d for d in read_jsonl(tmp_path / "out" / "documents.jsonl")}
    assert docs["feed.jsonl#b"]["status"] == "error" and docs["feed.jsonl#b"]["error_code"] == "E199"
    assert docs["feed.jsonl#a"]["status"] == "ok" and docs["feed.jsonl#c"]["status"] == "ok"
