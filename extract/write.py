"""Write stage: the contract files, replaced as one set, and the run's manifest.

How a run's outputs replace the previous ones (``commit_outputs``):

1. every file is written completely to a temporary file beside it (``.NAME.RUN.tmp``) and fsynced;
2. a journal (``.extract-commit.json``) naming the temporary files and their targets is written atomically;
3. each temporary file is renamed over its target, ``manifest.json`` last, then the journal is removed.

A run that dies before step 2 leaves the previous set untouched (its temporary files, and the results it
staged while it ran, are removed by the next run); one that dies during step 3 is rolled forward by the next run (``recover``), since every file it
names is complete. ``manifest.json`` names the files of one run with their SHA-256, so a reader can check
that what it reads is one set. Files are created with mode 0666 minus the umask, like any other file.
An advisory lock (``.extract.lock``) refuses a second run into the same folder while one is writing.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
from pathlib import Path
from typing import Any, Iterable, Optional

from pydantic import BaseModel

from .errors import OutputBusy

OUTPUT_FILES: tuple[str, ...] = ("documents.jsonl", "records.jsonl", "studies.jsonl")
MANIFEST = "manifest.json"
JOURNAL = ".extract-commit.json"
LOCK_FILE = ".extract.lock"
TMP_SUFFIX = ".tmp"
STAGE_PREFIX = ".extract-stage-"   # a run's staged results (pipeline.Stage): removed at its end or by the next run
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def dumps(model: BaseModel) -> str:
    """One JSON line: stable key order, UTF-8 text kept readable."""
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, sort_keys=False)


def _create(path: Path) -> int:
    """A new file for writing: never through a symbolic link, with the usual permissions (umask applies)."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666)


def _temp_path(path: Path, run: str) -> Path:
    return path.with_name(f".{path.name}.{run}{TMP_SUFFIX}")


class Staged:
    """A file written completely under a temporary name, waiting to be renamed over its target."""

    def __init__(self, target: Path, tmp: Path, sha256: str, size: int, lines: int) -> None:
        self.target, self.tmp, self.sha256, self.size, self.lines = target, tmp, sha256, size, lines

    def describe(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "bytes": self.size, "lines": self.lines}


def stage_lines(path: Path, lines: Iterable[str], run: str) -> Staged:
    """Write ``lines`` (one string each, without newline) to a temporary file beside ``path``, fsynced."""
    tmp = _temp_path(path, run)
    digest = hashlib.sha256()
    n = size = 0
    fd = _create(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            for line in lines:
                data = (line + "\n").encode("utf-8")
                fh.write(data)
                digest.update(data)
                size += len(data)
                n += 1
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _unlink(tmp)
        raise
    return Staged(path, tmp, digest.hexdigest(), size, n)


def stage_jsonl(path: Path, rows: Iterable[BaseModel], run: str) -> Staged:
    return stage_lines(path, (dumps(r) for r in rows), run)


def new_run_id() -> str:
    return secrets.token_hex(6)


def commit_outputs(out_dir: Path, staged: list[Staged], manifest: dict[str, Any], run: str) -> None:
    """Replace the outputs by the staged files and then the manifest, as one set (see the module doc)."""
    manifest = {**manifest, "files": {s.target.name: s.describe() for s in staged}}
    man = stage_lines(out_dir / MANIFEST, [json.dumps(manifest, ensure_ascii=False, indent=2)], run)
    moves = [*staged, man]
    journal = {"run": run, "moves": [[s.tmp.name, s.target.name] for s in moves]}
    try:
        jt = stage_lines(out_dir / JOURNAL, [json.dumps(journal)], run)
        os.replace(jt.tmp, out_dir / JOURNAL)
        _fsync_dir(out_dir)
    except BaseException:
        for s in moves:
            _unlink(s.tmp)
        raise
    # from here on the new set is complete on disk: a crash is rolled forward by recover()
    _apply(out_dir, journal)


def _apply(out_dir: Path, journal: dict[str, Any]) -> None:
    for tmp, target in journal["moves"]:
        src = out_dir / tmp
        if src.exists():
            os.replace(src, out_dir / target)
    _fsync_dir(out_dir)
    _unlink(out_dir / JOURNAL)
    _fsync_dir(out_dir)


def recover(out_dir: Path) -> list[str]:
    """Finish a commit an earlier run was killed in, and remove temporary files of runs that died."""
    notes: list[str] = []
    jpath = out_dir / JOURNAL
    if jpath.is_file() and not jpath.is_symlink():
        try:
            journal = json.loads(jpath.read_text(encoding="utf-8"))
            moves = journal["moves"]
            if not all(isinstance(m, list) and len(m) == 2 and all(_plain_name(x) for x in m) for m in moves):
                raise ValueError("unexpected journal entries")
        except (OSError, ValueError, KeyError, TypeError) as e:
            notes.append(f"an unreadable commit journal was removed ({type(e).__name__})")
            _unlink(jpath)
        else:
            complete = all((out_dir / tmp).exists() or (out_dir / target).exists() for tmp, target in moves)
            if complete:
                _apply(out_dir, journal)
                notes.append("the previous run was interrupted while replacing its outputs: its commit was "
                             "completed")
            else:
                _unlink(jpath)
    for p in out_dir.glob(f".*{TMP_SUFFIX}"):
        if any(p.name.startswith(f".{name}.") for name in (*OUTPUT_FILES, MANIFEST, JOURNAL)):
            _unlink(p)
    for p in out_dir.glob(f"{STAGE_PREFIX}*"):
        # under the output lock: a staging folder here belongs to a run that was killed
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
    return notes


def _plain_name(name: object) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and os.sep not in name


def read_manifest(out_dir: Path) -> Optional[dict[str, Any]]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems do not sync folders
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


class OutputLock:
    """An exclusive advisory lock on the output folder for the length of a run (released if the run dies)."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / LOCK_FILE
        self.fd: Optional[int] = None

    def __enter__(self) -> "OutputLock":
        try:
            import fcntl
        except ImportError:  # no advisory locks on this platform
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o666)
        except OSError as e:
            raise OutputBusy(f"cannot lock the output folder ({self.path}: {e.strerror or e})") from e
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            holder = ""
            try:
                holder = self.path.read_text(encoding="utf-8").strip()
            except OSError:
                pass
            raise OutputBusy(f"another extract run is writing into {self.path.parent}"
                             f"{f' ({holder})' if holder else ''}; wait for it to finish or use another --out") from e
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}".encode())
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock; the file stays (removing it would race)
            self.fd = None


def write_jsonl_atomic(path: Path, rows: Iterable[BaseModel]) -> int:
    """Write rows to ``path`` so that readers see the old file or the complete new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = stage_jsonl(path, rows, new_run_id())
    try:
        os.replace(staged.tmp, path)
    except BaseException:
        _unlink(staged.tmp)
        raise
    return staged.lines
