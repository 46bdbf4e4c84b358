"""Per-document result cache (SQLite) for incremental runs.

A file's results are reused when its bytes, its path and the pipeline's code are unchanged:
the key is sha256(file bytes) + doc path + a fingerprint of every source and data file of the
``extract`` package, so any change to a rule invalidates the cache without a manual version bump.

The cache is an optimisation, never a reason for a run to fail: a corrupt, truncated or foreign file
(or a symbolic link planted in its place) is set aside with a warning and rebuilt; a full disk while
caching turns caching off for the rest of the run, with a warning. Results are committed as files
finish, in batches (every COMMIT_FILES files or COMMIT_SECONDS seconds, and when the run stops), so an
interrupted run resumes where it stopped (a killed one after its last batch).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import time
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from . import PIPELINE_VERSION
from .models import DocumentRow, Record

CACHE_FILE = ".extract-cache.sqlite"
CACHE_FORMAT = "extract-cache/2"     # stored in the file: anything else is a foreign file
# errors that depend on the machine's state or on the run (time, memory, a dead worker) are never cached
UNCACHED_CODES = {"E108", "E109", "E113", "E199"}
MAX_HASH_BYTES = 100 * 1024 * 1024   # larger files are refused by every reader's size limit: never hashed
BUSY_TIMEOUT_S = 10.0                # another process (a second run sharing --cache) holds the write lock
COMMIT_FILES = 64                    # results are committed in batches: every this many files …
COMMIT_SECONDS = 2.0                 # … or this many seconds, whichever comes first, and at the end


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the package's code and data: the 'pipeline version' part of every cache key."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in {".py", ".json", ".txt", ".tsv", ".yaml"}:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:20]


def file_key(path: Path, rel: str) -> Optional[str]:
    """Cache key of one input file, or None when it is not worth or not safe to hash (then it is processed).

    Only regular files up to MAX_HASH_BYTES are read: the type is checked on the open descriptor, which is
    opened non-blocking, so a FIFO, a device or a huge sparse file is never read here.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_HASH_BYTES:
            return None
        digest = hashlib.sha256()
        left = MAX_HASH_BYTES + 1
        with os.fdopen(fd, "rb", closefd=False) as fh:
            while left > 0 and (block := fh.read(min(1 << 20, left))):
                digest.update(block)
                left -= len(block)
        if left <= 0:
            return None  # it grew past the cap while we read it
    except OSError:
        return None
    finally:
        os.close(fd)
    return f"{code_fingerprint()}:{rel}:{digest.hexdigest()}"


class Cache:
    """SQLite store: key -> the document rows and records that one input file produced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []
        self.db: Optional[sqlite3.Connection] = None
        self._pending, self._last_commit = 0, time.monotonic()   # stored since the last commit
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            self._warn(f"cache disabled: cannot create {path.parent}: {e.strerror or e}")
            return
        try:
            if os.path.islink(path):
                # a planted link would make us write wherever it points
                self._set_aside("is a symbolic link (never written through)")
            elif path.exists() and not path.is_file():
                self._warn(f"cache disabled: {path} is not a regular file")
                return
        except ValueError:
            return
        self._open()

    # --- opening and healing ---------------------------------------------------------------

    def _open(self, *, retry: bool = True) -> None:
        try:
            db = sqlite3.connect(str(path_for_sqlite(self.path)), timeout=BUSY_TIMEOUT_S)
            try:
                self._check_or_create(db)
            except BaseException:
                db.close()
                raise
            self.db = db
        except (sqlite3.Error, ValueError) as e:
            if retry and (self.path.exists() or os.path.islink(self.path)):
                try:
                    self._set_aside(f"cannot be used ({type(e).__name__}: {e})")
                except ValueError:
                    return
                self._open(retry=False)
            else:
                self._warn(f"cache disabled for this run: {type(e).__name__}: {e}")

    def _check_or_create(self, db: sqlite3.Connection) -> None:
        """Raise sqlite3.DatabaseError/ValueError unless ``db`` is a sound cache of ours (created when empty)."""
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            db.execute("PRAGMA journal_mode = WAL")   # one commit per finished file stays cheap
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
            db.execute("INSERT INTO meta VALUES ('format', ?)", (CACHE_FORMAT,))
            db.commit()
            return
        if tables == {"results"}:
            raise ValueError("an older cache format")
        if tables != {"meta", "results"}:
            raise ValueError(f"not an extract cache (tables: {', '.join(sorted(tables))})")
        row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if not row or row[0] != CACHE_FORMAT:
            raise ValueError(f"not an extract cache of this version (format {row[0] if row else None})")
        check = db.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check[0] if check else 'no answer'}")
        db.execute("PRAGMA synchronous = NORMAL")

    def _set_aside(self, why: str) -> None:
        """Rename the unusable cache (and its WAL files) out of the way, so that a new one is built."""
        aside = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm", "-journal"):
                side = Path(f"{self.path}{suffix}")
                if side.exists() or side.is_symlink():
                    os.replace(side, Path(f"{aside}{suffix}"))
        except OSError as e:
            self._warn(f"cache {self.path} {why}, and cannot be set aside ({e.strerror or e}): cache disabled")
            raise ValueError("cache cannot be set aside") from e
        self._warn(f"cache {self.path} {why}: set aside as {aside.name}, a new one is built")

    def _warn(self, message: str) -> None:
        self.warnings.append(message)

    def _failed(self, e: sqlite3.Error, doing: str) -> None:
        """An error in the middle of a run: rebuild once (a corrupt page), else run on without a cache."""
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
        self.db = None
        full = isinstance(e, sqlite3.OperationalError) and ("full" in str(e) or "disk I/O" in str(e))
        if full:
            self._warn(f"cache disabled for the rest of this run: {doing} failed ({e})")
            return
        if getattr(self, "_rebuilt", False):
            self._warn(f"cache disabled for the rest of this run: {doing} failed again ({e})")
            return
        self._rebuilt = True
        try:
            self._set_aside(f"failed while {doing} ({type(e).__name__}: {e})")
        except ValueError:
            return
        self._open(retry=False)

    # --- use ---------------------------------------------------------------------------------

    def get(self, key: Optional[str]) -> Optional[list[tuple[DocumentRow, list[Record]]]]:
        payload = self.get_payload(key)
        return None if payload is None else _parse(payload)

    def get_payload(self, key: Optional[str]) -> Optional[str]:
        """One file's results as stored (``payload``), once they are known to read back; None on a miss."""
        if key is None or self.db is None:
            return None
        try:
            row = self.db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as e:
            self._failed(e, "reading")
            return None
        if row is None or not isinstance(row[0], str):
            return None
        try:
            _parse(row[0])
        except (ValueError, KeyError, TypeError):
            return None  # an unreadable entry is a miss, never an error
        return row[0]

    def put(self, key: Optional[str], results: list[tuple[DocumentRow, list[Record]]]) -> None:
        """Store one file's results (committed with the batch it falls in)."""
        self.put_payload(key, payload(results), [row.error_code for row, _ in results])

    def put_payload(self, key: Optional[str], data: str, error_codes: Iterable[Optional[str]]) -> None:
        """Store one file's results (``payload``); committed in batches of files or seconds, and on close.

        A run that is killed loses at most the last batch (those files are processed again next time);
        results whose error depends on the machine or the run (UNCACHED_CODES) are never stored.
        """
        if key is None or self.db is None or any(c in UNCACHED_CODES for c in error_codes):
            return
        try:
            self.db.execute("INSERT OR REPLACE INTO results (key, payload) VALUES (?, ?)", (key, data))
            self._pending += 1
            if self._pending >= COMMIT_FILES or time.monotonic() - self._last_commit >= COMMIT_SECONDS:
                self.commit()
        except sqlite3.Error as e:
            self._failed(e, "writing")

    def commit(self) -> None:
        """Commit the stored results (a batch), so that an interrupted run resumes after them."""
        if self.db is None:
            return
        try:
            self.db.commit()
        except sqlite3.Error as e:
            self._failed(e, "writing")
        self._pending, self._last_commit = 0, time.monotonic()

    def close(self) -> None:
        if self.db is not None and self._pending:
            self.commit()
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None


def path_for_sqlite(path: Path) -> Path:
    """The path sqlite opens; refuses a symbolic link that appeared after the check (no write-through)."""
    if os.path.islink(path):
        raise ValueError(f"{path} is a symbolic link")
    return path


def payload(results: list[tuple[DocumentRow, list[Record]]]) -> str:
    """One file's results as one JSON text: what the cache stores and workers send back."""
    return json.dumps([{"row": row.model_dump(mode="json"), "records": [r.model_dump(mode="json") for r in recs]}
                       for row, recs in results], ensure_ascii=False)


def _parse(data: str) -> list[tuple[DocumentRow, list[Record]]]:
    items = json.loads(data)
    return [(DocumentRow.model_validate(i["row"]), [Record.model_validate(r) for r in i["records"]]) for i in items]
