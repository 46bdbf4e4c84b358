"""The records of a JSON-lines file (records.jsonl) as a sequence that parses a record only when it is read.

Deduplication reads each record twice (once for its features, once when its study is merged), so a corpus of
a million records never has to be held as a million validated objects (6 GB): only their byte offsets are.
"""
from __future__ import annotations

import os
from array import array
from pathlib import Path
from typing import Any, Iterator, Sequence, Union, overload

import orjson

from ..models import Record


# a record as its JSON object (a records.jsonl line parsed, or ``record_row``): what deduplication reads of a
# record (features, merging) is plain values, so a large run never validates a record again
Row = dict[str, Any]
_FACT_LISTS = ("cohort_sizes", "hba1c", "doses", "regimen", "follow_up")


def record_row(r: Record) -> Row:
    """A validated record as a ``Row``: its models' own field dicts (values not copied), the study's evidence as
    dicts too."""
    study = dict(r.study.__dict__)
    study["evidence"] = {k: [e.__dict__ for e in v] for k, v in study["evidence"].items()}
    return {"record_id": r.record_id, "doc_id": r.doc_id, "mention": r.mention, "study": study,
            **{name: [x.__dict__ for x in getattr(r, name)] for name in _FACT_LISTS}}


class RecordsFile(Sequence[Record]):
    """``records.jsonl`` (one ``Record`` per line) read lazily; ``study_id`` set on a returned record is not
    kept (take the studies' ``record_ids`` instead)."""

    def __init__(self, path: Union[str, Path]) -> None:
        self.path = Path(path)
        self._start = array("q")
        self._len = array("i")
        pos = 0
        with open(self.path, "rb") as f:
            for line in f:
                if line.strip():
                    self._start.append(pos)
                    self._len.append(len(line))
                pos += len(line)
        self._fd = os.open(self.path, os.O_RDONLY)

    def __len__(self) -> int:
        return len(self._start)

    @overload
    def __getitem__(self, i: int) -> Record: ...

    @overload
    def __getitem__(self, i: slice) -> list[Record]: ...

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return Record.model_validate_json(os.pread(self._fd, self._len[i], self._start[i]))

    def row(self, i: int) -> Row:
        """Record ``i`` as its JSON object, not validated (it was validated when written): what merging reads,
        at a fraction of the cost of a ``Record``."""
        return orjson.loads(os.pread(self._fd, self._len[i], self._start[i]))

    def span(self, lo: int, hi: int) -> Iterator[Record]:
        """Records ``lo`` to ``hi`` (excluded), read in one piece (a worker's share of the file)."""
        for line in self._lines(lo, hi):
            yield Record.model_validate_json(line)

    def rows(self, lo: int, hi: int) -> Iterator[Row]:
        """``span`` as rows (``row``)."""
        for line in self._lines(lo, hi):
            yield orjson.loads(line)

    def _lines(self, lo: int, hi: int) -> Iterator[bytes]:
        if lo >= hi:
            return
        start = self._start[lo]
        data = os.pread(self._fd, self._start[hi - 1] + self._len[hi - 1] - start, start)
        for k in range(lo, hi):
            at = self._start[k] - start
            yield data[at:at + self._len[k]]

    def __iter__(self) -> Iterator[Record]:
        with open(self.path, "rb") as f:
            for line in f:
                if line.strip():
                    yield Record.model_validate_json(line)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:   # (interpreter shutdown)
            pass
