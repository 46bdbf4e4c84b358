"""Write stage: the contract files, each written atomically (temporary file + rename)."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel


def dumps(model: BaseModel) -> str:
    """One JSON line: stable key order, UTF-8 text kept readable."""
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, sort_keys=False)


def write_jsonl_atomic(path: Path, rows: Iterable[BaseModel]) -> int:
    """Write rows to ``path`` so that readers see the old file or the complete new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                fh.write(dumps(row) + "\n")
                n += 1
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return n
