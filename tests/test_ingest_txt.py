"""Text files: encodings (BOMs, GBK vs Big5), binary and empty files, size limit, Markdown, saved pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import ingest
from extract.errors import BinaryContent, DecodeError, EmptyDocument, TooLarge
from extract.ingest import InputFile, read
from extract.ingest.encoding import decode_bytes

ZH_HANS = ("本研究为一项随机对照试验，共纳入六十名二型糖尿病患者，治疗组接受脐带间充质干细胞静脉输注，"
           "随访一年后糖化血红蛋白明显下降，且未发现严重不良反应。")
ZH_HANT = ("本研究為一項隨機對照試驗，共納入六十名第二型糖尿病患者，治療組接受臍帶間質幹細胞靜脈輸注，"
           "追蹤一年後糖化血色素明顯下降，且未發現嚴重不良反應。")
EN = "A phase 2 trial enrolled 48 adults with type 1 diabetes; HbA1c fell from 8.0% to 7.1% at 12 months."


def _read_bytes(tmp_path: Path, data: bytes, name: str = "doc.txt"):
    p = tmp_path / name
    p.write_bytes(data)
    return read(InputFile(p, name))


ENCODED = [
    # (text, how it is stored, the encoding SourceDoc.encoding must report)
    (ZH_HANS, ZH_HANS.encode("utf-8"), "utf-8"),
    (ZH_HANS, b"\xef\xbb\xbf" + ZH_HANS.encode("utf-8"), "utf-8-sig"),
    (ZH_HANT, b"\xff\xfe" + ZH_HANT.encode("utf-16-le"), "utf-16-le"),
    (ZH_HANT, b"\xfe\xff" + ZH_HANT.encode("utf-16-be"), "utf-16-be"),
    (ZH_HANS, ZH_HANS.encode("gbk"), "gb18030"),
    (ZH_HANS, ZH_HANS.encode("gb2312"), "gb18030"),
    (ZH_HANT, ZH_HANT.encode("big5"), "big5hkscs"),
    (ZH_HANT[:16], ZH_HANT[:16].encode("big5"), "big5hkscs"),   # short: GBK would decode it too, as nonsense
    (ZH_HANS[:16], ZH_HANS[:16].encode("gbk"), "gb18030"),      # short: Big5 would decode it too, as nonsense
    (EN, EN.encode("ascii"), "utf-8"),
    (EN + " \u201cSafe\u201d, the authors wrote.", (EN + " \u201cSafe\u201d, the authors wrote.").encode("cp1252"),
     None),  # any single-byte Western codec that gives the quotes back is right
    (EN, EN.encode("utf-16-le"), "utf-16-le"),                   # no BOM, but NULs on every other byte
]


@pytest.mark.parametrize("text,data,encoding", ENCODED)
def test_decodes_and_reports_encoding(tmp_path: Path, text: str, data: bytes, encoding: str | None) -> None:
    [doc] = _read_bytes(tmp_path, data)
    assert doc.raw_text == text
    if encoding:
        assert doc.encoding == encoding
    assert doc.source_format == "txt" and doc.doc_id == "doc.txt"


def test_utf8_cut_mid_character_keeps_text_with_warning(tmp_path: Path) -> None:
    data = ZH_HANS.encode("utf-8")[:-1]   # a scraper cut the file inside the last character
    [doc] = _read_bytes(tmp_path, data)
    assert doc.raw_text == ZH_HANS[:-1]
    assert doc.encoding == "utf-8" and doc.warnings


def test_corrupt_byte_in_long_utf8_is_replaced_with_warning(tmp_path: Path) -> None:
    data = (ZH_HANS * 3).encode("utf-8")
    data = data[:30] + b"\xff" + data[30:]
    [doc] = _read_bytes(tmp_path, data)
    assert "\ufffd" in doc.raw_text and doc.encoding == "utf-8"
    assert any("U+FFFD" in w for w in doc.warnings)


FAILURES = [
    # no match: bytes that must not become a document
    (b"", EmptyDocument),
    (b"   \r\n\t  \n", EmptyDocument),
    ("\u3000\n".encode("utf-8"), EmptyDocument),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, BinaryContent),
    (bytes([0x01, 0x02, 0x03, 0x1b, 0x7f, 0x10]) * 200 + b"text", BinaryContent),
    # random high bytes: no codec reads them as plausible text
    (bytes((i * 7919 + 13) % 128 + 128 for i in range(3000)), DecodeError),
    # a handful of isolated double-byte characters in Latin text: refuse rather than guess
    (b"Total n = 12 \xa1\xa1 ok \xfe\x41 end", DecodeError),
]


@pytest.mark.parametrize("data,error", FAILURES)
def test_refuses_bad_bytes(tmp_path: Path, data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        _read_bytes(tmp_path, data)
    assert str(info.value)  # every error carries a message for documents.jsonl


def test_decode_error_message_is_clear() -> None:
    with pytest.raises(DecodeError, match="cannot decode"):
        decode_bytes(bytes((i * 7919 + 13) % 128 + 128 for i in range(3000)))


DECLARED = [
    (ZH_HANT.encode("big5"), "big5", "big5hkscs"),
    (ZH_HANS.encode("gb2312"), "GB2312", "gb18030"),
    # no match: declarations the bytes contradict are not believed
    (ZH_HANS.encode("gbk"), "utf-8", "gb18030"),
    (ZH_HANS[:20].encode("gbk"), "big5", "gb18030"),    # decodable as Big5, but as nonsense
    (ZH_HANT.encode("utf-8"), "gbk", "utf-8"),          # re-saved as UTF-8, stale meta tag
    (ZH_HANS.encode("gbk"), "x-no-such-codec", "gb18030"),
]


@pytest.mark.parametrize("data,declared,encoding", DECLARED)
def test_declared_charset_is_checked(data: bytes, declared: str, encoding: str) -> None:
    assert decode_bytes(data, declared=declared).encoding == encoding


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest.TxtReader, "max_bytes", 100)
    with pytest.raises(TooLarge, match="too large"):
        _read_bytes(tmp_path, (EN * 5).encode())


MARKDOWN = [
    ("# 干细胞治疗糖尿病\n\n**共纳入** 30 例患者。", "干细胞治疗糖尿病\n\n共纳入 30 例患者。"),
    ("## Results\n\nSee [the trial](https://example.org/t?id=1) and *HbA1c* data.",
     "Results\n\nSee the trial and HbA1c data."),
    ("> 研究顯示糖化血色素下降。\n\n![圖一](fig1.png)", "研究顯示糖化血色素下降。\n\n圖一"),
    # no match: arithmetic and underscores inside words are not markup
    ("dose 1*10^6 cells/kg; id ChiCTR_2000", "dose 1*10^6 cells/kg; id ChiCTR_2000"),
]


@pytest.mark.parametrize("md,text", MARKDOWN)
def test_markdown_markup_is_stripped(tmp_path: Path, md: str, text: str) -> None:
    [doc] = _read_bytes(tmp_path, md.encode("utf-8"), "note.md")
    assert doc.raw_text.strip() == text
    assert doc.source_format == "md"


def test_saved_web_page_under_txt_name_is_read_as_html(tmp_path: Path) -> None:
    page = ("<!DOCTYPE html><html><head><title>胰岛移植新进展</title></head><body>"
            "<nav>首页 新闻 联系我们</nav><article><h1>胰岛移植新进展</h1>"
            "<p>某医院为十二名一型糖尿病患者完成了胰岛移植，术后一年有八名患者停用胰岛素。</p></article></body></html>")
    [doc] = _read_bytes(tmp_path, page.encode("utf-8"))
    assert "<p>" not in doc.raw_text and "八名患者停用胰岛素" in doc.raw_text
    assert doc.title == "胰岛移植新进展"
    assert any("HTML" in w for w in doc.warnings)
