"""PDFs built with reportlab: reading order, de-hyphenation, CJK line joins, running text, failures."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import EmptyDocument, NeedsOcr, PdfError
from extract.ingest import InputFile, read
from extract.ingest.pdf import join_lines
from ingest_helpers import CJK_FONT, shapes_only_pdf, single_column_pdf, two_column_pdf

LEFT_1 = ["Background. Umbilical cord mesenchymal stromal",
          "cells (UC-MSC) were infused in adults with type 2",
          "diabetes to test whether beta-cell function and",
          "glycaemic control improve after three infusions",
          "given four weeks apart in an outpatient setting.",
          "Methods. We enrolled 64 participants and assigned",
          "them to cell therapy or placebo; islet regenera-",
          "tion was assessed by mixed-meal C-peptide tests."]
RIGHT_1 = ["Results. After twelve months HbA1c fell from 8.1%",
           "to 7.0% in the cell group and did not change in",
           "the placebo group. Insulin doses were lower in the",
           "treated arm and no serious adverse events related",
           "to the infusions were recorded during follow-up.",
           "A bone marrow-derived product was not used here",
           "and the UC-",
           "MSC lots were released by the hospital laboratory."]
LEFT_2 = ["Discussion. These results suggest a durable effect",
          "of repeated infusions on glycaemic control that",
          "should be confirmed in larger multicentre trials.",
          "Limitations include the single centre and the"]
RIGHT_2 = ["modest sample size. Conclusions. Repeated UC-MSC",
           "infusions were safe and lowered HbA1c in adults",
           "with type 2 diabetes over one year of follow-up.",
           "Funding was provided by a national programme."]
HEADER = "Journal of Regenerative Endocrinology 2024; 12: 101-110"
TITLE = "Repeated umbilical cord MSC infusions in type 2 diabetes: a randomised trial"


@pytest.fixture
def two_column(tmp_path: Path):
    p = two_column_pdf(tmp_path / "paper.pdf", [(LEFT_1, RIGHT_1), (LEFT_2, RIGHT_2)], header=HEADER,
                       title_lines=[TITLE])
    [doc] = read(InputFile(p, "paper.pdf"))
    return doc


def test_two_columns_read_left_then_right(two_column) -> None:
    text = two_column.raw_text
    order = ["Repeated umbilical cord", "Background.", "Methods.", "Results.", "Discussion.", "Conclusions."]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    # a column's lines stay together: no right-column words inside a left-column sentence
    assert "mesenchymal stromal cells (UC-MSC) were infused" in text


def test_two_columns_dehyphenate_but_keep_real_hyphens(two_column) -> None:
    text = two_column.raw_text
    assert "islet regeneration was assessed" in text
    assert "regenera-" not in text
    assert "the UC-MSC lots" in text
    assert "marrow-derived" in text and "beta-cell" in text


def test_running_header_and_page_numbers_dropped(two_column) -> None:
    text = two_column.raw_text
    assert "Journal of Regenerative Endocrinology" not in text
    assert not any(line.strip() in {"1", "2"} for line in text.splitlines())


def test_paragraph_goes_on_across_pages(two_column) -> None:
    assert "the single centre and the modest sample size." in two_column.raw_text


ABSTRACT = ["Abstract. In this randomised trial, adults with type 2 diabetes received three infusions of",
            "umbilical cord mesenchymal stromal cells or placebo; the primary outcome was HbA1c at one year."]


@pytest.mark.parametrize("offset", [0.0, 5.0, 9.0])
def test_columns_under_full_width_abstract_and_offset_baselines(tmp_path: Path, offset: float) -> None:
    p = two_column_pdf(tmp_path / "paper.pdf", [(LEFT_1, RIGHT_1)], header=HEADER, title_lines=[TITLE],
                       full_width=ABSTRACT, right_offset=offset)
    [doc] = read(InputFile(p, "paper.pdf"))
    text = doc.raw_text
    order = ["Repeated umbilical cord", "Abstract.", "primary outcome was HbA1c at one year.", "Background.",
             "Methods.", "Results."]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    assert "mesenchymal stromal cells (UC-MSC) were infused" in text
    assert "HbA1c fell from 8.1% to 7.0% in the cell group" in text


def test_chinese_lines_join_without_spaces_and_keep_paragraphs(tmp_path: Path) -> None:
    paras = [["研究团队对二十八例1型糖尿病患者进行了胰岛移植，术后随访", "十二个月，糖化血红蛋白由8.6%降至6.9%。"],
             ["其中十一例患者在移植后脱离了胰岛素治疗，", "其余患者的胰岛素用量也明显减少。"]]
    p = single_column_pdf(tmp_path / "zh.pdf", paras, font=CJK_FONT, title="胰岛移植治疗1型糖尿病的临床观察")
    [doc] = read(InputFile(p, "zh.pdf"))
    assert "术后随访十二个月，糖化血红蛋白由8.6%降至6.9%。" in doc.raw_text
    assert "\n\n其中十一例患者" in doc.raw_text
    assert "脱离了胰岛素治疗，其余患者" in doc.raw_text
    assert doc.title == "胰岛移植治疗1型糖尿病的临床观察"
    assert doc.source_format == "pdf"


ZH_LEFT = ["目的：观察脐带间充质干细胞治疗2型糖尿", "病的疗效。方法：共纳入患者六十例，随机", "分为治疗组和对照组，每组三十例。治疗组",
           "接受三次静脉输注，每次间隔四周。"]
ZH_RIGHT = ["结果：治疗组糖化血红蛋白由8.3%降至7.2%，", "对照组无明显变化。结论：该疗法安全有效，", "值得进一步开展多中心研究加以验证。",
            "关键词：糖尿病；干细胞；临床研究"]


ZH_LEFT_2 = ["讨论：本研究提示多次输注可改善血糖控制，", "但样本量较小，随访时间有限，", "今后需扩大样本并延长随访时间，",
             "以评估长期安全性。"]
ZH_RIGHT_2 = ["参考文献", "[1] 张三，李四. 干细胞与糖尿病. 2021.", "[2] 王五. 胰岛移植进展. 2022.",
              "[3] 赵六. 间充质干细胞综述. 2020."]


def test_chinese_two_columns(tmp_path: Path) -> None:
    p = two_column_pdf(tmp_path / "zh2.pdf", [(ZH_LEFT, ZH_RIGHT), (ZH_LEFT_2, ZH_RIGHT_2)],
                       header="中华内分泌杂志 2023年第5期", font=CJK_FONT)
    [doc] = read(InputFile(p, "zh2.pdf"))
    text = doc.raw_text
    assert "治疗2型糖尿病的疗效。方法：共纳入患者六十例，随机分为治疗组和对照组" in text
    assert text.index("目的") < text.index("结果") < text.index("关键词") < text.index("讨论") < text.index("参考文献")
    assert "中华内分泌杂志" not in text
    assert "随访时间有限，今后需扩大样本" in text


def test_traditional_chinese_single_column(tmp_path: Path) -> None:
    paras = [["本院以臍帶間質幹細胞治療二十名第二型糖尿病", "患者，追蹤六個月後糖化血色素平均下降。"]]
    p = single_column_pdf(tmp_path / "tw.pdf", paras, font=CJK_FONT)
    [doc] = read(InputFile(p, "tw.pdf"))
    assert "第二型糖尿病患者，追蹤六個月後" in doc.raw_text
    assert doc.title is None


def test_single_column_english_is_not_split(tmp_path: Path) -> None:
    paras = [["Twelve adults with type 1 diabetes received islet cells derived from stem",
              "cells. After one year ten were insulin independent and HbA1c was below 7%.",
              "The infusions were well tolerated and no graft rejection was observed in",
              "any participant during the first year of follow-up in this open study."]]
    p = single_column_pdf(tmp_path / "en.pdf", paras, title="Microsoft Word - draft_v3.docx")
    [doc] = read(InputFile(p, "en.pdf"))
    assert "derived from stem cells. After one year" in doc.raw_text
    assert "observed in any participant" in doc.raw_text
    assert doc.title is None   # a file-name title is not the article's


JOINS = [
    (["islet regenera-", "tion improved"], "islet regeneration improved"),
    (["the UC-", "MSC group"], "the UC-MSC group"),
    (["bone marrow-", "derived cells"], "bone marrow-derived cells"),
    (["HbA1c 7.0-", "8.0%"], "HbA1c 7.0-8.0%"),
    (["胰岛素", "治疗"], "胰岛素治疗"),
    (["糖化血红蛋白", "HbA1c 下降"], "糖化血红蛋白HbA1c 下降"),
    (["cells were", "infused"], "cells were infused"),
    # no match: a compound the document spells with its hyphen stays hyphenated
    (["a long-term", "follow-", "up and long-", "term safety"], "a long-term follow-up and long-term safety"),
]


@pytest.mark.parametrize("lines,text", JOINS)
def test_join_lines(lines: list[str], text: str) -> None:
    vocab = {"regeneration"}
    hyphenated = {"long-term"}
    assert join_lines(lines, vocab, hyphenated) == text


def test_encrypted_pdf_fails_clearly(tmp_path: Path) -> None:
    p = single_column_pdf(tmp_path / "locked.pdf", [["Confidential trial report on islet grafts."]],
                          encrypt="s3cret")
    with pytest.raises(PdfError, match="encrypted"):
        read(InputFile(p, "locked.pdf"))


def test_truncated_pdf_fails(tmp_path: Path) -> None:
    full = single_column_pdf(tmp_path / "full.pdf", [["Stem cell therapy for diabetes, a pilot."] * 20])
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(full.read_bytes()[:400])
    with pytest.raises(PdfError, match="malformed"):
        read(InputFile(cut, "cut.pdf"))


BROKEN = [
    (b"%PDF-1.4\n%garbage that is no PDF at all\n", PdfError),
    (b"this is not a pdf", PdfError),
    (b"", EmptyDocument),
]


@pytest.mark.parametrize("data,error", BROKEN)
def test_broken_pdf_bytes(tmp_path: Path, data: bytes, error: type[Exception]) -> None:
    p = tmp_path / "bad.pdf"
    p.write_bytes(data)
    with pytest.raises(error):
        read(InputFile(p, "bad.pdf"))


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    p = shapes_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NeedsOcr, match="OCR"):
        read(InputFile(p, "scan.pdf"))


def test_pdf_without_extension_is_detected_by_magic(tmp_path: Path) -> None:
    p = single_column_pdf(tmp_path / "download", [["Islet transplantation in 9 recipients."]])
    [doc] = read(InputFile(p, "download"))
    assert "Islet transplantation in 9 recipients." in doc.raw_text
