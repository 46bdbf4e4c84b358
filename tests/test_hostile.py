"""A hostile corpus (issue 6): every broken input gets a clear status and the batch goes on."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from extract import pipeline

ARTICLE = "研究共纳入40名2型糖尿病患者,随访12个月,糖化血红蛋白从8.4%降至7.2%。\n"
EN_ARTICLE = "The trial enrolled 40 patients with type 2 diabetes; HbA1c fell from 8.4% to 7.2% over 12 months.\n"


def _pdf_bytes(text: str | None, *, encrypt: str | None = None) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    if text:
        c.setFont("Helvetica", 11)
        c.drawString(72, 720, text)
    else:
        c.rect(100, 100, 200, 200, fill=1)  # a page with a drawing and no text layer
    c.showPage()
    c.save()
    return buf.getvalue()


# file name -> (bytes, expected status, expected error code or None)
def hostile_files() -> dict[str, tuple[bytes, str, str | None]]:
    good_pdf = _pdf_bytes(EN_ARTICLE.strip())
    return {
        "empty.txt": (b"", "error", "E102"),
        "blank.txt": (b"  \n\t\n   \n", "error", "E102"),
        "binary.txt": (bytes(range(256)) * 40, "error", "E103"),
        "binary.html": (b"\x00\x01\x02PK\x03\x04" * 500, "error", "E103"),
        "scripts-only.html": (b"<html><head><script>var a=1;</script></head><body><script>x()</script></body></html>",
                              "error", "E106"),
        "no-body.html": (b"<html><head><title>t</title></head></html>", "error", "E106"),
        "malformed.pdf": (b"%PDF-1.4\nthis is not really a pdf\n%%EOF", "error", "E104"),
        "truncated.pdf": (good_pdf[: len(good_pdf) // 3], "error", "E104"),
        "encrypted.pdf": (_pdf_bytes(EN_ARTICLE.strip(), encrypt="secret"), "error", "E104"),
        "scanned.pdf": (_pdf_bytes(None), "error", "E105"),
        "long-line.txt": ((EN_ARTICLE.strip() + " ").encode() * 1500, "ok", None),  # one 150 kB line
        "controls.txt": (("\u200b\u202e研究\u200d共纳入\u2066" + ARTICLE).encode("utf-8"), "ok", None),
        "emoji.txt": (("🎉💉 " + ARTICLE + " 👍").encode("utf-8"), "ok", None),
        "mixed-encoding.txt": (ARTICLE.encode("utf-8") + ARTICLE.encode("gbk") + ARTICLE.encode("utf-8"),
                               "any", None),
        "same-a.txt": (ARTICLE.encode("utf-8"), "ok", None),
        "nested/deeper/same-b.txt": (ARTICLE.encode("utf-8"), "ok", None),
        "image.png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "skipped", None),
    }


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    root = tmp_path_factory.mktemp("hostile")
    for name, (data, _, _) in hostile_files().items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    # 50 MB of text: refused by the size limit with a clear message, not processed for minutes
    with (root / "huge.txt").open("wb") as fh:
        block = (ARTICLE * 200).encode("utf-8")
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    # a non-UTF-8 file name
    os.close(os.open(os.path.join(os.fsencode(root), b"caf\xe9-\xff.txt"), os.O_CREAT | os.O_WRONLY))
    with open(os.path.join(os.fsencode(root), b"caf\xe9-\xff.txt"), "wb") as fh:
        fh.write(EN_ARTICLE.encode())
    # a symlink loop and a dangling link (an unreadable file)
    (root / "nested" / "loop").symlink_to(root, target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    out = root.parent / (root.name + "-out")
    summary = pipeline.run(root, out, use_cache=False, time_limit_s=60)
    docs = {json.loads(line)["doc_id"]: json.loads(line)
            for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    assert summary.documents == len(docs)
    return root, docs


@pytest.mark.parametrize("name", sorted(hostile_files()))
def test_each_hostile_file_gets_its_status(hostile_run: tuple[Path, dict[str, dict]], name: str) -> None:
    _, docs = hostile_run
    _, status, code = hostile_files()[name]
    assert name in docs, f"{name} missing from documents.jsonl"
    row = docs[name]
    if status != "any":
        assert row["status"] == status, row.get("error")
    if code:
        assert row["error_code"] == code, row.get("error")
    if row["status"] != "ok":
        assert row["error"], "a failed or skipped document must say why"


def test_huge_file_is_refused_clearly(hostile_run: tuple[Path, dict[str, dict]]) -> None:
    row = hostile_run[1]["huge.txt"]
    assert row["status"] == "error" and row["error_code"] == "E111"
    assert "MB" in row["error"]


def test_control_characters_are_removed_and_emoji_kept(hostile_run: tuple[Path, dict[str, dict]]) -> None:
    docs = hostile_run[1]
    assert "\u200b" not in docs["controls.txt"]["text"] and "\u202e" not in docs["controls.txt"]["text"]
    assert "研究共纳入" in docs["controls.txt"]["text"]
    assert "🎉" in docs["emoji.txt"]["text"]


def test_identical_content_is_listed_twice_and_linked(hostile_run: tuple[Path, dict[str, dict]]) -> None:
    docs = hostile_run[1]
    a, b = docs["same-a.txt"], docs["nested/deeper/same-b.txt"]
    assert a["content_hash"] == b["content_hash"]
    assert a["same_content_as"] == ["nested/deeper/same-b.txt"]
    assert b["same_content_as"] == ["same-a.txt"]


def test_odd_names_links_and_loops_are_accounted_for(hostile_run: tuple[Path, dict[str, dict]]) -> None:
    root, docs = hostile_run
    odd = [d for d in docs if d.startswith("caf")]
    assert len(odd) == 1 and docs[odd[0]]["status"] == "ok"
    json.dumps(odd[0]).encode("utf-8")  # a valid, encodable doc id
    assert docs["dangling.txt"]["status"] == "error"
    # the loop is not followed forever: no document is listed twice under the loop
    assert not any(d.startswith("nested/loop/nested/loop") for d in docs)
