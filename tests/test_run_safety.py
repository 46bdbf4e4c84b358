"""Run safety (issues 12 and 14): dying or hanging workers, a self-healing cache, outputs replaced as one
set under a lock, and runs that never drop earlier results silently."""
from __future__ import annotations

import faulthandler
import json
import os
import signal
import sqlite3
import stat
import time
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from extract import pipeline, workers
from extract.cache import CACHE_FILE, Cache
from extract.cli import app
from extract.errors import OutputBusy, RunRefused
from extract.write import JOURNAL, MANIFEST, OutputLock, recover

ZH = "研究共纳入60名2型糖尿病患者,随访12个月后,治疗组糖化血红蛋白从8.6%降至7.1%。\n"
EN = "A randomized trial enrolled 48 adults with type 2 diabetes; HbA1c fell from 8.2% to 7.4% over 24 weeks.\n"
OUTPUTS = ("documents.jsonl", "records.jsonl", "studies.jsonl")


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    """A hang is a failure here, not a stuck test suite."""
    faulthandler.dump_traceback_later(240, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def corpus(root: Path, n: int = 4) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"doc{i}.txt").write_text((ZH if i % 2 else EN).replace("60", str(60 + i)).replace("48", str(48 + i)),
                                          encoding="utf-8")
    return root


def rows(out: Path, name: str = "documents.jsonl") -> list[dict]:
    return [json.loads(x) for x in (out / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def by_id(out: Path) -> dict[str, dict]:
    return {r["doc_id"]: r for r in rows(out)}


def snapshot(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in (*OUTPUTS, MANIFEST) if (out / n).exists()}


# --- workers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", [1, 2])
def test_a_killed_worker_costs_one_file_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              jobs: int) -> None:
    root = corpus(tmp_path / "in", 6)
    real = pipeline.process_source

    def killed(src):  # the OOM killer, or kill -9 from outside
        if src.doc_id == "doc2.txt":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", killed)
    t0 = time.monotonic()
    s = pipeline.run(root, tmp_path / "out", jobs=jobs, use_cache=False)
    assert time.monotonic() - t0 < 120
    docs = by_id(tmp_path / "out")
    assert docs["doc2.txt"]["error_code"] == "E199" and "SIGKILL" in docs["doc2.txt"]["error"]
    assert all(docs[f"doc{i}.txt"]["status"] == "ok" for i in (0, 1, 3, 4, 5))
    assert s.failures == [("doc2.txt", "E199")]


def test_a_worker_the_alarm_cannot_reach_is_killed_at_the_hard_limit(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus(tmp_path / "in", 3)
    real = pipeline.process_source

    def stuck(src):  # stuck in C code: the per-document alarm never gets through
        if src.doc_id == "doc1.txt":
            signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
            while True:
                time.sleep(0.05)
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", stuck)
    monkeypatch.setattr(workers, "HARD_LIMIT_GRACE_S", 1.0)
    monkeypatch.setattr(workers, "POLL_S", 0.2)
    s = pipeline.run(root, tmp_path / "out", jobs=2, time_limit_s=0.5)
    docs = by_id(tmp_path / "out")
    assert docs["doc1.txt"]["error_code"] == "E109" and "killed" in docs["doc1.txt"]["error"]
    assert docs["doc0.txt"]["status"] == docs["doc2.txt"]["status"] == "ok"
    assert s.reprocessed == 3
    # a timeout is never cached: the next run tries the file again
    monkeypatch.setattr(pipeline, "process_source", real)
    again = pipeline.run(root, tmp_path / "out")
    assert again.reprocessed == 1 and by_id(tmp_path / "out")["doc1.txt"]["status"] == "ok"


@pytest.mark.parametrize("swallow", ["Exception", "BaseException"])
def test_a_reader_cannot_swallow_the_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                swallow: str) -> None:
    root = corpus(tmp_path / "in", 2)
    real = pipeline.process_source
    caught = Exception if swallow == "Exception" else BaseException

    def swallowing(src):  # a reader's "one broken page must not lose the others" loop
        if src.doc_id == "doc1.txt":
            for _ in range(3):
                try:
                    time.sleep(2)
                except caught:  # noqa: BLE001
                    pass
            return real(src)   # "ok", with most of the document silently lost
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", swallowing)
    t0 = time.monotonic()
    pipeline.run(root, tmp_path / "out", time_limit_s=0.5)
    assert time.monotonic() - t0 < 30
    row = by_id(tmp_path / "out")["doc1.txt"]
    assert row["status"] == "error" and row["error_code"] == "E109"
    cache = Cache(tmp_path / "out" / CACHE_FILE)
    assert cache.db.execute("SELECT count(*) FROM results").fetchone()[0] == 1   # only doc0 was cached
    cache.close()


def test_a_document_over_the_memory_limit_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus(tmp_path / "in", 3)
    real = pipeline.process_source

    def greedy(src):
        if src.doc_id == "doc1.txt":
            blocks = [bytearray(64 << 20) for _ in range(64)]   # 4 GB
            return blocks  # pragma: no cover
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", greedy)
    pipeline.run(root, tmp_path / "out", memory_limit_mb=512, use_cache=False)
    docs = by_id(tmp_path / "out")
    assert docs["doc1.txt"]["error_code"] in {"E113", "E199"}
    assert docs["doc0.txt"]["status"] == docs["doc2.txt"]["status"] == "ok"


# --- the cache ---------------------------------------------------------------------------------

def _foreign_db(path: Path) -> None:
    path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER)")
    db.commit()
    db.close()


def _old_format(path: Path) -> None:
    path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
    db.commit()
    db.close()


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


BROKEN_CACHES = {
    "garbage": lambda p: p.write_bytes(os.urandom(5000)),
    "text": lambda p: p.write_text("not a database\n" * 100),
    "empty-file": lambda p: p.write_bytes(b""),
    "foreign-db": _foreign_db,
    "old-format": _old_format,
    "truncated": _truncated,
    "zeroed-pages": lambda p: p.write_bytes(p.read_bytes()[:100] + b"\x00" * (len(p.read_bytes()) - 100)),
}


@pytest.mark.parametrize("damage", sorted(BROKEN_CACHES))
def test_a_broken_cache_is_set_aside_and_rebuilt(tmp_path: Path, damage: str) -> None:
    root = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    pipeline.run(root, out, isolate=False)
    cache = out / CACHE_FILE
    db = sqlite3.connect(cache)   # fold the WAL in, so that damaging the file damages the data
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    BROKEN_CACHES[damage](cache)
    s = pipeline.run(root, out, isolate=False)
    assert s.ok == 3 and s.reprocessed + s.cached == 3
    if damage != "empty-file":   # an empty file is simply a new cache
        assert any("set aside" in w for w in s.warnings), s.warnings
        assert list(out.glob(f"{CACHE_FILE}.broken-*"))
    again = pipeline.run(root, out, isolate=False)
    assert again.cached == 3 and not again.warnings


def test_a_symlinked_cache_is_not_written_through(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (out / CACHE_FILE).symlink_to(victim)
    s = pipeline.run(root, out, isolate=False)
    assert victim.read_text() == "precious"
    assert any("symbolic link" in w for w in s.warnings)
    assert (out / CACHE_FILE).is_file() and not (out / CACHE_FILE).is_symlink()


def test_a_full_disk_while_caching_turns_the_cache_off_and_the_run_finishes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus(tmp_path / "in", 3)

    class FullDisk:
        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def execute(self, sql: str, *args: object):
            if sql.startswith("INSERT"):
                raise sqlite3.OperationalError("database or disk is full")
            return self.db.execute(sql, *args)

        def __getattr__(self, name: str):
            return getattr(self.db, name)

    real_open = Cache._open

    def open_full(self, *, retry: bool = True) -> None:
        real_open(self, retry=retry)
        if self.db is not None:
            self.db = FullDisk(self.db)

    monkeypatch.setattr(Cache, "_open", open_full)
    s = pipeline.run(root, tmp_path / "out", isolate=False)
    assert s.ok == 3 and any("full" in w for w in s.warnings)
    assert len(rows(tmp_path / "out")) == 3


def test_an_interrupted_run_resumes_from_the_files_it_finished(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus(tmp_path / "in", 5)
    real = pipeline.process_source

    def interrupted(src):
        if src.doc_id == "doc3.txt":
            raise KeyboardInterrupt
        return real(src)

    monkeypatch.setattr(pipeline, "process_source", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(root, tmp_path / "out", isolate=False)
    assert not (tmp_path / "out" / "documents.jsonl").exists()
    monkeypatch.setattr(pipeline, "process_source", real)
    s = pipeline.run(root, tmp_path / "out")
    assert (s.cached, s.reprocessed) == (3, 2)


# --- outputs as one set --------------------------------------------------------------------------

def _consistent(out: Path) -> dict:
    import hashlib

    man = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for name, info in man["files"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == info["sha256"], name
    return man


def test_manifest_names_the_files_of_one_run(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in", 3)
    pipeline.run(root, tmp_path / "out", options={"jobs": 1})
    man = _consistent(tmp_path / "out")
    assert set(man["files"]) == set(OUTPUTS)
    assert man["tool"] == "stemcell-evidence-extract" and man["version"] and man["code_fingerprint"]
    assert man["input_root"] == str(root.resolve()) and man["options"] == {"jobs": 1}
    assert man["counts"]["documents"] == 3 and man["started"] <= man["finished"]


def test_a_crash_in_the_middle_of_replacing_is_rolled_forward(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.write as write

    root = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    pipeline.run(root, out)
    (root / "doc9.txt").write_text(EN.replace("48", "77"), encoding="utf-8")
    real = os.replace
    calls = []

    def crash_after_first(src, dst):
        calls.append(dst)
        if len(calls) == 3:   # the journal went in, then documents.jsonl: the power goes off
            raise SystemExit("power cut")
        return real(src, dst)

    monkeypatch.setattr(write.os, "replace", crash_after_first)
    with pytest.raises(SystemExit):
        pipeline.run(root, out)
    monkeypatch.setattr(write.os, "replace", real)
    assert (out / JOURNAL).exists()
    notes = recover(out)
    assert notes and not (out / JOURNAL).exists()
    man = _consistent(out)
    assert man["counts"]["documents"] == 4
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]


def test_a_full_disk_while_writing_leaves_the_previous_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import extract.write as write

    root = corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    pipeline.run(root, out)
    before = snapshot(out)
    (root / "doc9.txt").write_text(EN.replace("48", "77"), encoding="utf-8")
    real = write.stage_lines
    n = []

    def full(path, lines, run):
        n.append(path)
        if len(n) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, lines, run)

    monkeypatch.setattr(write, "stage_lines", full)
    with pytest.raises(OSError):
        pipeline.run(root, out)
    assert snapshot(out) == before
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]


def test_a_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):
        with pytest.raises(OutputBusy, match="another extract run"):
            pipeline.run(root, out)
        res = CliRunner().invoke(app, ["run", str(root), "--out", str(out)])
        assert res.exit_code == 4 and "another extract run" in res.output
    assert pipeline.run(root, out).ok == 2   # the lock goes with its holder


def test_outputs_have_the_usual_permissions(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in", 2)
    old = os.umask(0o022)
    try:
        pipeline.run(root, tmp_path / "out")
    finally:
        os.umask(old)
    for name in (*OUTPUTS, MANIFEST):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o644, name


# --- never drop earlier results silently ------------------------------------------------------------

def test_an_empty_input_does_not_replace_a_non_empty_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    pipeline.run(corpus(tmp_path / "in", 3), out)
    before = snapshot(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(RunRefused, match="holds no files"):
        pipeline.run(empty, out)
    res = CliRunner().invoke(app, ["run", str(empty), "--out", str(out)])
    assert res.exit_code == 2 and "--prune" in res.output
    assert snapshot(out) == before
    s = pipeline.run(empty, out, prune=True)    # told to: the output is emptied
    assert s.documents == 0 and s.pruned == 3 and rows(out) == []


def test_a_second_batch_keeps_the_first_batchs_documents(tmp_path: Path) -> None:
    out = tmp_path / "out"
    a = corpus(tmp_path / "a", 2)
    b = tmp_path / "b"
    b.mkdir()
    (b / "other.txt").write_text(ZH.replace("60", "90"), encoding="utf-8")
    pipeline.run(a, out)
    s = pipeline.run(b, out)
    assert s.kept == 2 and "kept 2 earlier" in s.line()
    assert sorted(by_id(out)) == ["doc0.txt", "doc1.txt", "other.txt"]
    kept_records = [r for r in rows(out, "records.jsonl") if r["doc_id"] == "doc0.txt"]
    assert kept_records and all(r["study_id"] for r in kept_records)
    again = pipeline.run(b, out, prune=True)
    assert again.pruned == 2 and sorted(by_id(out)) == ["other.txt"]


def test_a_changed_feed_replaces_its_items(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    feed = root / "news.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": EN}) + "\n" + json.dumps({"id": "b", "text": ZH}) + "\n")
    pipeline.run(root, tmp_path / "out")
    feed.write_text(json.dumps({"id": "a", "text": EN}) + "\n")
    s = pipeline.run(root, tmp_path / "out")
    assert s.kept == 0 and sorted(by_id(tmp_path / "out")) == ["news.jsonl#a"]


def test_an_output_folder_inside_the_input_is_never_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus(tmp_path / "in", 2)
    (root / "feed.jsonl").write_text(json.dumps({"id": "x", "text": EN}) + "\n")
    monkeypatch.chdir(root)
    for _ in range(3):
        res = CliRunner().invoke(app, ["run", ".", "--out", "out"])
        assert res.exit_code == 0, res.output
        assert sorted(by_id(root / "out")) == ["doc0.txt", "doc1.txt", "feed.jsonl#x"]
    # a second output folder beside it is not read either (its manifest marks it)
    assert CliRunner().invoke(app, ["run", ".", "--out", "out2"]).exit_code == 0
    assert sorted(by_id(root / "out2")) == ["doc0.txt", "doc1.txt", "feed.jsonl#x"]


def test_summary_names_failed_files_with_their_codes(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in", 2)
    for i in range(7):
        (root / f"bad{i}.txt").write_bytes(b"")
    s = pipeline.run(root, tmp_path / "out")
    line = s.line()
    assert "failed: bad0.txt (E102), bad1.txt (E102)" in line and "and 2 more" in line


def test_progress_covers_deduplication_and_writing(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in", 3)
    events: list[object] = []
    pipeline.run(root, tmp_path / "out", progress=events.append, stage=events.append)
    assert events == [1, 1, 1, "deduplicating", "writing"]


def test_identical_documents_point_to_the_first_not_to_each_other(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    n = 1000
    (root / "same.jsonl").write_text("".join(json.dumps({"id": i, "text": "HbA1c fell."}) + "\n" for i in range(n)))
    pipeline.run(root, tmp_path / "out", use_cache=False)
    docs = rows(tmp_path / "out")
    assert len(docs[0]["same_content_as"]) == n - 1
    assert all(d["same_content_as"] == ["same.jsonl#0"] for d in docs[1:])
    assert (tmp_path / "out" / "documents.jsonl").stat().st_size < 1000 * n   # linear (n^2 would be ~20 MB)


def test_jieba_cache_is_kept_out_of_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jieba

    fresh = jieba.Tokenizer()   # not initialised yet: its cache would go to $TMPDIR/jieba.cache
    monkeypatch.setattr(jieba, "dt", fresh)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(pipeline, "process_source", lambda src: None)   # no warm-up work
    pipeline.prepare_nlp(tmp_path / "out")
    assert fresh.tmp_dir == str(tmp_path / "xdg" / "extract")
    # no usable cache folder: the output folder
    (tmp_path / "ro").write_text("a file, not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ro"))
    fresh.tmp_dir = None
    pipeline.prepare_nlp(tmp_path / "out")
    assert fresh.tmp_dir == str(tmp_path / "out")


def test_the_input_folder_cannot_be_the_output_folder(tmp_path: Path) -> None:
    root = corpus(tmp_path / "in", 2)
    with pytest.raises(RunRefused, match="is the input folder"):
        pipeline.run(root, root)
    assert not (root / "documents.jsonl").exists()


def test_damaged_earlier_outputs_are_copied_aside_and_the_run_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "out"
    pipeline.run(corpus(tmp_path / "a", 2), out)
    with (out / "documents.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"doc_id": "broken.txt", "status": \n')   # damaged by hand
    b = tmp_path / "b"
    b.mkdir()
    (b / "other.txt").write_text(EN, encoding="utf-8")
    s = pipeline.run(b, out)
    assert s.kept == 2 and any("damaged" in w for w in s.warnings)
    assert list(out.glob("documents.jsonl.damaged-*"))
    assert sorted(by_id(out)) == ["doc0.txt", "doc1.txt", "other.txt"]
