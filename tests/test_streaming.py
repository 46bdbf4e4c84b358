"""The streaming runner (issue 13): results staged on disk as files finish, the cache committed in batches,
the same outputs byte for byte however the files were processed (cache, workers, in process, any --jobs)."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from extract import cache as cache_mod
from extract import pipeline
from extract.cache import CACHE_FILE, Cache
from extract.write import STAGE_PREFIX

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("documents.jsonl", "records.jsonl", "studies.jsonl")
ZH = "研究共纳入60名2型糖尿病患者,随访12个月后,治疗组糖化血红蛋白从8.6%降至7.1%。\n"
EN = "A randomized trial enrolled 48 adults with type 2 diabetes; HbA1c fell from 8.2% to 7.4% over 24 weeks.\n"


def small_corpus(root: Path) -> Path:
    """Both languages, a feed of several documents, identical contents, a file that fails, a skipped one."""
    root.mkdir(parents=True)
    for i in range(5):
        (root / f"doc{i}.txt").write_text((ZH if i % 2 else EN).replace("60", str(60 + i)), encoding="utf-8")
    (root / "copy.txt").write_text(ZH.replace("60", "61"), encoding="utf-8")            # same as doc1
    (root / "feed.jsonl").write_text("".join(json.dumps({"id": k, "text": t}) + "\n"
                                             for k, t in enumerate([EN, ZH, EN.replace("48", "50")])), encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 not a pdf")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def outputs(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUTS}


def test_every_way_of_processing_gives_the_same_bytes(tmp_path: Path) -> None:
    root = small_corpus(tmp_path / "in")
    pipeline.run(root, tmp_path / "ref", use_cache=False, isolate=False)
    ref = outputs(tmp_path / "ref")
    assert ref["documents.jsonl"].count(b"\n") == 11
    for name, kwargs in {"jobs1": {"jobs": 1}, "jobs3": {"jobs": 3}, "cached": {}}.items():
        out = tmp_path / name
        pipeline.run(root, out, use_cache=name == "cached", **kwargs)
        if name == "cached":   # the second run reads every file from the cache
            s = pipeline.run(root, out)
            assert s.cached == len(list(root.iterdir())) and s.reprocessed == 0
        assert outputs(out) == ref, name


def test_identical_contents_are_linked_in_output_order(tmp_path: Path) -> None:
    root = small_corpus(tmp_path / "in")
    pipeline.run(root, tmp_path / "out", use_cache=False, jobs=2)
    rows = {r["doc_id"]: r for r in map(json.loads, (tmp_path / "out" / "documents.jsonl").read_text("utf-8").splitlines())}
    assert rows["copy.txt"]["same_content_as"] == ["doc1.txt"]
    assert rows["doc1.txt"]["same_content_as"] == ["copy.txt"]
    assert rows["doc0.txt"]["same_content_as"] == ["doc2.txt", "doc4.txt", "feed.jsonl#0"]
    assert rows["feed.jsonl#0"]["same_content_as"] == ["doc0.txt"]
    assert list(rows) == ["broken.pdf", "copy.txt", *(f"doc{i}.txt" for i in range(5)),
                          *(f"feed.jsonl#{k}" for k in range(3)), "image.png"]


def test_the_staging_folder_is_removed_after_a_run_and_after_a_killed_one(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = small_corpus(tmp_path / "in")
    out = tmp_path / "out"
    pipeline.run(root, out, use_cache=False)
    assert not list(out.glob(f"{STAGE_PREFIX}*"))
    # interrupted: removed on the way out
    real = pipeline.process_source

    def interrupted(src):
        if src.doc_id == "doc3.txt":
            raise KeyboardInterrupt
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(root, out, isolate=False)
    assert not list(out.glob(f"{STAGE_PREFIX}*"))
    monkeypatch.setattr(pipeline, "process_source", real)
    # killed (kill -9 leaves its staging folder): the next run removes it
    stale = out / f"{STAGE_PREFIX}dead"
    stale.mkdir()
    (stale / "results.jsonl").write_text("x")
    pipeline.run(root, out)
    assert not stale.exists()


def test_documents_texts_stay_on_disk_until_asked(tmp_path: Path) -> None:
    stage = pipeline.Stage(tmp_path)
    texts = pipeline.StagedTexts(stage.dir)
    try:
        texts.add("a", "糖化血红蛋白 8.6%")
        texts.add("b", "")
        texts.add("c", "HbA1c \U0001f600")
        assert texts["c"] == "HbA1c \U0001f600" and texts["a"] == "糖化血红蛋白 8.6%" and texts.get("b") == ""
        assert texts.get("zz") is None and len(texts) == 3 and list(texts) == ["a", "b", "c"]
        e1 = stage.add('[{"row": {"doc_id": "x", "status": "ok"}, "records": []}]')
        e2 = stage.add('[{"row": {"doc_id": "y", "status": "ok", "source_path": "y.txt"}, '
                       '"records": [{"record_id": "r"}]}]')
        assert stage.read(e2)[0]["records"] == [{"record_id": "r"}] and stage.read(e1)[0]["row"]["doc_id"] == "x"
        assert [(r.doc_id, r.key, r.record_ids) for r in stage.rows[e2]] == [("y", "y.txt", ["r"])]
    finally:
        texts.close()
        stage.close()
    assert not stage.dir.exists()


def test_the_cache_commits_in_batches_and_on_close(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_mod, "COMMIT_FILES", 3)
    monkeypatch.setattr(cache_mod, "COMMIT_SECONDS", 3600.0)
    path = tmp_path / CACHE_FILE
    c = Cache(path)

    def committed() -> int:
        db = sqlite3.connect(path)
        try:
            return db.execute("SELECT count(*) FROM results").fetchone()[0]
        finally:
            db.close()

    for k in range(4):
        c.put_payload(f"k{k}", "[]", [None])
        assert committed() == (3 if k >= 2 else 0)
    c.put_payload("timeout", "[]", ["E109"])   # machine-dependent errors are never cached
    c.close()
    assert committed() == 4


def test_a_cached_entry_that_does_not_read_back_is_a_miss(tmp_path: Path) -> None:
    c = Cache(tmp_path / CACHE_FILE)
    c.put_payload("bad", '[{"row": {"status": "ok"}, "records": []}]', [None])   # no doc_id: not a DocumentRow
    c.put_payload("good", "[]", [None])
    assert c.get_payload("bad") is None and c.get_payload("good") == "[]" and c.get_payload(None) is None
    c.close()


def test_sample_corpus_streams_to_the_expected_outputs(tmp_path: Path) -> None:
    # the sample corpus through the streaming runner and again from its cache: the same bytes
    src = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", src)
    pipeline.run(src, tmp_path / "out")
    first = outputs(tmp_path / "out")
    s = pipeline.run(src, tmp_path / "out")
    assert s.reprocessed == 0 and outputs(tmp_path / "out") == first
