"""What an earlier run named its studies: each study's earlier ids, read back from ``studies.jsonl``."""
from __future__ import annotations

import json
from pathlib import Path


def previous_history(path: Path) -> dict[str, list[str]]:
    """study_id -> its ``previous_ids`` in the last run's output (empty when there is none or it is unreadable)."""
    out: dict[str, list[str]] = {}
    try:
        with Path(path).open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("previous_ids"):
                    out[row["study_id"]] = list(row["previous_ids"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return out
