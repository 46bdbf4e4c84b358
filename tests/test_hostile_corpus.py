"""The hostile corpus of issue 14: every input that once hung, killed or corrupted a batch, in one folder.

One run over it must finish within a small multiple of the per-document time limit, give every entry a
status, write valid outputs, and cache only definitive outcomes. The cases that need a broken machine
state rather than a broken input (a killed worker, a broken cache, a crash while writing, two runs at
once) are in tests/test_run_safety.py.
"""
from __future__ import annotations

import io
import json
import os
import socket
import time
from pathlib import Path

import pytest

from extract import pipeline
from extract.models import DocumentRow, Record, Study

TIME_LIMIT = 10.0   # per document, wall clock: twice the 5 s target, so a small document on a loaded CI host
                    # (load 7-8 on 2 cores once took one past 5 s) is not abandoned
ARTICLE = "研究共纳入40名2型糖尿病患者,随访12个月,糖化血红蛋白从8.4%降至7.2%。\n"
EN = "The trial enrolled 40 patients with type 2 diabetes; HbA1c fell from 8.4% to 7.2% over 12 months.\n"
IDENTICAL = 1000


def _pdf(draw) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    draw(c)
    c.save()
    return buf.getvalue()


def _heavy_page(c) -> None:
    """Page 1 is an article; page 2 holds 400,000 text objects (about 30 s to lay out, three times the limit:
    60,000 took 4.8 s, at a 5 s limit, and the test flickered)."""
    c.setFont("Helvetica", 10)
    c.drawString(72, 720, EN.strip())
    c.showPage()
    c.setFont("Helvetica", 3)
    for i in range(400_000):
        c.drawString(5 + (i % 200) * 2.9, 5 + (i // 600) * 1.3, "x")
    c.showPage()


def _numbers_only(c) -> None:
    for p in range(1, 6):
        c.setFont("Helvetica", 10)
        c.drawString(72, 760, f"Patient {p}: HbA1c {7 + p / 10:.1f}% at {p * 3} months")
        c.showPage()


def _fake_bold(c) -> None:
    c.setFont("Helvetica", 10)
    for dx in (0, 0.4, 0.8):
        c.drawString(72 + dx, 720, "HbA1c fell from 8.2% to 7.1% in 40 patients.")
    c.showPage()


# name -> (status, error code or None); None status: any status, but listed
EXPECTED: dict[str, tuple[str | None, str | None]] = {
    "fifo.txt": ("skipped", "E110"),
    "socket.txt": ("skipped", "E110"),
    "zero.txt": ("skipped", "E112"),            # a link to /dev/zero, out of the input folder
    "outside.txt": ("skipped", "E112"),         # a link to a file elsewhere
    "outside-dir": ("skipped", "E112"),         # a link to a folder elsewhere
    "sparse-10g.txt": ("error", "E111"),        # refused by its size, never read or hashed
    "sparse-10g.pdf": ("error", "E111"),
    "surrogate.jsonl#x\ufffd": ("ok", None),    # a lone surrogate in the id and in the text
    "heavy-page.pdf": ("error", "E109"),        # the limit holds inside the PDF reader's page loop
    "gbk-declared-latin1.html": ("ok", None),
    "numbers-only.pdf": ("ok", None),
    "fake-bold.pdf": ("ok", None),
    "feed.jsonl#1.txt": ("ok", None),
    "feed.jsonl%231.txt": ("ok", None),         # a file named like a feed item: its own id
    "identical.jsonl#0": ("ok", None),
    "long-line.txt": ("ok", None),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, pipeline.RunSummary, float]:
    base = tmp_path_factory.mktemp("hostile-corpus")
    root, elsewhere = base / "in", base / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text(EN, encoding="utf-8")
    os.mkfifo(root / "fifo.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "socket.txt"))
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "outside.txt").symlink_to(elsewhere / "secret.txt")
    (root / "outside-dir").symlink_to(elsewhere, target_is_directory=True)
    for name in ("sparse-10g.txt", "sparse-10g.pdf"):
        with open(root / name, "wb") as fh:
            fh.truncate(10 * 1024 ** 3)
    (root / "surrogate.jsonl").write_text('{"id": "x\\udc80", "text": "HbA1c fell\\udc80 from 8.2% to 7.1%."}\n',
                                          encoding="utf-8")
    (root / "heavy-page.pdf").write_bytes(_pdf(_heavy_page))
    page = ("<html><head><meta charset='iso-8859-1'></head><body><article><p>" + ARTICLE * 3
            + "</p></article></body></html>")
    (root / "gbk-declared-latin1.html").write_bytes(page.encode("gbk"))
    (root / "numbers-only.pdf").write_bytes(_pdf(_numbers_only))
    (root / "fake-bold.pdf").write_bytes(_pdf(_fake_bold))
    (root / "feed.jsonl").write_text(json.dumps({"id": "1.txt", "text": EN}) + "\n", encoding="utf-8")
    (root / "feed.jsonl#1.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "identical.jsonl").write_text(json.dumps({"id": 0, "text": EN}) + "\n"
                                          + "".join(json.dumps({"id": i, "text": EN}) + "\n"
                                                    for i in range(1, IDENTICAL)), encoding="utf-8")
    (root / "long-line.txt").write_text((EN.strip() + " ") * 300, encoding="utf-8")   # one 30 kB line
    out = base / "out"
    t0 = time.monotonic()
    summary = pipeline.run(root, out, jobs=2, time_limit_s=TIME_LIMIT)
    seconds = time.monotonic() - t0
    sock.close()
    return root, out, summary, seconds


def _docs(out: Path) -> dict[str, dict]:
    return {json.loads(x)["doc_id"]: json.loads(x) for x in (out / "documents.jsonl").read_text("utf-8").splitlines()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_hostile_entry_gets_its_status(hostile, name: str) -> None:
    docs = _docs(hostile[1])
    status, code = EXPECTED[name]
    assert name in docs, sorted(docs)
    row = docs[name]
    if status:
        assert row["status"] == status, row.get("error")
    if code:
        assert row["error_code"] == code, row.get("error")


def test_the_run_finishes_within_its_limits(hostile) -> None:
    _, out, summary, seconds = hostile
    # reading is bounded by the time limit per document; the rest is ordinary work on ~1,020 documents
    assert seconds < 240, seconds
    assert summary.documents == len(_docs(out))


def test_outputs_are_valid_utf8_json_that_validates(hostile) -> None:
    out = hostile[1]
    for name, model in (("documents.jsonl", DocumentRow), ("records.jsonl", Record), ("studies.jsonl", Study)):
        for line in (out / name).read_bytes().decode("utf-8").splitlines():
            model.model_validate_json(line)


def test_nothing_outside_the_input_was_read(hostile) -> None:
    docs = _docs(hostile[1])
    assert not any("secret" in d for d in docs)
    assert not any("HbA1c fell from 8.4% to 7.2% over 12 months" in r.get("text", "") and d.startswith("outside")
                   for d, r in docs.items())


def test_identical_items_point_to_the_first(hostile) -> None:
    docs = _docs(hostile[1])
    copies = [d for d in docs if d.startswith("identical.jsonl#")]
    assert len(copies) == IDENTICAL
    first = docs["identical.jsonl#0"]
    # the same text also appears in feed.jsonl#1.txt, which comes first in the output
    assert all(len(docs[d]["same_content_as"]) == 1 for d in copies)
    assert len(docs["feed.jsonl#1.txt"]["same_content_as"]) == IDENTICAL
    assert first["same_content_as"] == ["feed.jsonl#1.txt"]


def test_wrongly_declared_page_is_read_as_chinese(hostile) -> None:
    row = _docs(hostile[1])["gbk-declared-latin1.html"]
    assert "糖化血红蛋白" in row["text"] and any("iso-8859-1" in w for w in row["warnings"])


def test_only_definitive_outcomes_are_cached(hostile) -> None:
    root, out, _, _ = hostile
    again = pipeline.run(root, out, jobs=2, time_limit_s=TIME_LIMIT)
    # the timed-out PDF is tried again; the refused entries are decided by their type, without hashing
    reprocessed = {"heavy-page.pdf", "fifo.txt", "socket.txt", "zero.txt", "outside.txt", "outside-dir",
                   "sparse-10g.txt", "sparse-10g.pdf"}
    assert again.reprocessed == len(reprocessed)
    row = _docs(out)["heavy-page.pdf"]
    assert row["error_code"] == "E109", {k: v for k, v in row.items() if k != "text"}
