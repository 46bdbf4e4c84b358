"""The Dask engine (extract/distributed.py): a run on a local cluster of worker processes writes the same
outputs, byte for byte, as a local run; a lost task costs its files, never the run."""
from __future__ import annotations

import faulthandler
import json
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from extract import distributed, pipeline
from extract.ingest import discover

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("documents.jsonl", "records.jsonl", "studies.jsonl")


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    faulthandler.dump_traceback_later(600, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def test_a_local_dask_cluster_gives_the_local_outputs(tmp_path: Path) -> None:
    # most of the sample corpus: txt in three encodings, HTML, a feed of many documents, a broken PDF,
    # cross-language duplicates for deduplication; chunks of 3 so that several tasks come back
    src = tmp_path / "in"
    for sub in ("txt", "feeds", "html"):
        shutil.copytree(ROOT / "corpus" / sub, src / sub)
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    pipeline.run(src, tmp_path / "local", use_cache=False)
    old = distributed.CHUNK_FILES
    distributed.CHUNK_FILES = 3
    try:
        s = pipeline.run(src, tmp_path / "dask", use_cache=False, dask="local")
    finally:
        distributed.CHUNK_FILES = old
    assert s.documents > 12 and s.failed >= 1 and s.studies > 5
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_a_lost_task_fails_its_files_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("y", encoding="utf-8")
    files = discover(tmp_path)
    lost = distributed._lost(list(enumerate(files)), RuntimeError("worker lost"))
    assert [i for i, _ in lost] == [0, 1]
    rows = [json.loads(data)[0]["row"] for _, data in lost]
    assert [(r["doc_id"], r["status"], r["error_code"]) for r in rows] == [("a.txt", "error", "E199"),
                                                                          ("b.txt", "error", "E199")]
    assert "worker lost" in rows[0]["error"]


def test_a_chunk_keeps_the_time_limit_in_a_dask_task_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a Dask worker runs tasks in a thread of a daemon process: the chunk's supervised process (forked from
    # it) still stops a hanging document at its time limit, and the other files of the chunk are done
    import multiprocessing
    import threading
    import time

    for i in range(3):
        (tmp_path / f"doc{i}.txt").write_text("A trial enrolled 48 adults; HbA1c fell from 8.2% to 7.4%.\n",
                                              encoding="utf-8")
    real = pipeline.process_source

    def hanging(src):
        if src.doc_id == "doc1.txt":
            time.sleep(60)
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", hanging)
    monkeypatch.setitem(multiprocessing.current_process()._config, "daemon", True)   # as in a Dask worker
    monkeypatch.setattr(distributed, "_warm", False)
    got: list = []
    t = threading.Thread(target=lambda: got.extend(distributed.run_chunk(list(enumerate(discover(tmp_path))), 2.0,
                                                                         None)))
    t0 = time.monotonic()
    t.start()
    t.join(120)
    assert not t.is_alive() and time.monotonic() - t0 < 60
    rows = {json.loads(data)[0]["row"]["doc_id"]: json.loads(data)[0]["row"] for _, data in got}
    assert rows["doc1.txt"]["error_code"] == "E109" and "abandoned" in rows["doc1.txt"]["error"]   # the alarm, not the kill
    assert rows["doc0.txt"]["status"] == rows["doc2.txt"]["status"] == "ok"
