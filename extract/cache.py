"""Per-document result cache (SQLite) for incremental runs.

A file's results are reused when its bytes, its path and the pipeline's code are unchanged:
the key is sha256(file bytes) + doc path + a fingerprint of every source and data file of the
``extract`` package, so any change to a rule invalidates the cache without a manual version bump.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Optional

from . import PIPELINE_VERSION
from .models import DocumentRow, Record

CACHE_FILE = ".extract-cache.sqlite"
# errors that depend on the machine's state rather than the input are never cached
UNCACHED_CODES = {"E108", "E109", "E199"}


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
    """Cache key of one input file, or None when it cannot be read (then it is always processed)."""
    try:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return f"{code_fingerprint()}:{rel}:{digest.hexdigest()}"


class Cache:
    """SQLite store: key -> the document rows and records that one input file produced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        self.db.commit()

    def get(self, key: Optional[str]) -> Optional[list[tuple[DocumentRow, list[Record]]]]:
        if key is None:
            return None
        row = self.db.execute("SELECT payload FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            items = json.loads(row[0])
            return [(DocumentRow.model_validate(i["row"]), [Record.model_validate(r) for r in i["records"]])
                    for i in items]
        except (ValueError, KeyError, TypeError):
            return None  # an unreadable entry is a miss, never an error

    def put(self, key: Optional[str], results: list[tuple[DocumentRow, list[Record]]]) -> None:
        if key is None or any(row.error_code in UNCACHED_CODES for row, _ in results):
            return
        payload = json.dumps([{"row": row.model_dump(mode="json"),
                               "records": [r.model_dump(mode="json") for r in recs]}
                              for row, recs in results], ensure_ascii=False)
        self.db.execute("INSERT OR REPLACE INTO results (key, payload) VALUES (?, ?)", (key, payload))
        self.db.commit()

    def close(self) -> None:
        self.db.close()
