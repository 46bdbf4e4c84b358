"""Whatever the bytes, a reader either returns documents or raises a coded ExtractError (never crashes)."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.document import FailedItem, SourceDoc
from extract.errors import ExtractError
from extract.ingest import InputFile, read

SEEDS = [
    "糖化血红蛋白由8.1%降至7.0%。".encode("gbk"),
    "糖化血色素由8.1%降至7.0%。".encode("big5"),
    b"<html><body><p>HbA1c fell.</p></body></html>",
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n",
    b'{"id": 1, "text": "x"}\n{"id": 2',
]


def _read(tmp: Path, name: str, data: bytes) -> None:
    p = tmp / name
    p.write_bytes(data)
    try:
        out = read(InputFile(p, name))
    except ExtractError as e:
        assert e.code.startswith("E1") and str(e)
        return
    assert out and all(isinstance(d, (SourceDoc, FailedItem)) for d in out)
    for d in out:
        if isinstance(d, SourceDoc):
            assert d.raw_text.strip()
            d.raw_text.encode("utf-8", "surrogatepass")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["a.txt", "a.html", "a.pdf", "a.jsonl", "a.md"]),
       seed=st.sampled_from(SEEDS), noise=st.binary(max_size=200), cut=st.integers(0, 400))
def test_any_bytes_give_documents_or_coded_errors(tmp_path: Path, name: str, seed: bytes, noise: bytes,
                                                  cut: int) -> None:
    _read(tmp_path, name, (seed + noise)[:cut] if cut else seed + noise)
