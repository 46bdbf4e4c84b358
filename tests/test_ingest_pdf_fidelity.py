"""PDF fidelity (issue 14): the same article read from a PDF loses nothing a reader of the page would see.

Each PDF is drawn with reportlab the way journals set them: one-page two-column articles with a journal
header and a DOI/page-number footer, raised superscripts, overprinted ("fake bold") text, a short last
column, ruled tables with wrapped cells, pages that differ only in their numbers.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

from extract.ingest import InputFile, read
from extract.ingest.pdf import join_lines
from ingest_helpers import CJK_FONT, MARGIN, PAGE_H, PAGE_W, write_lines

COL_W = (PAGE_W - 2 * MARGIN - 20) / 2
LEFT = ["Background. Umbilical cord mesenchymal stromal", "cells (UC-MSC) were infused in adults with type 2",
        "diabetes to test whether beta-cell function and", "glycaemic control improve after three infusions",
        "given four weeks apart in an outpatient setting.", "Methods. We enrolled 64 participants in a trial",
        "of cell therapy. After twelve months HbA1c fell by 1.1"]
RIGHT = ["percentage points in the cell group and did not", "change in the placebo group. Insulin doses were",
         "lower in the treated arm and no serious adverse", "events were recorded during the follow-up period.",
         "Funding was provided by a national programme."]
CROSSING = "HbA1c fell by 1.1 percentage points in the cell group"
HEADER = "Diabetes Metab J 2024;48(3):301-309"
DOI = "https://doi.org/10.4093/dmj.2024.0315"


def _text(path: Path) -> str:
    [doc] = read(InputFile(path, path.name))
    return doc.raw_text


def _one_page_two_columns(path: Path, *, footnote: str | None = None, left: list[str] = LEFT,
                          right: list[str] = RIGHT, font: str = "Helvetica") -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    write_lines(c, MARGIN, PAGE_H - 30, [HEADER], size=8)
    top = PAGE_H - MARGIN - 10
    y = write_lines(c, MARGIN, top, left, font=font)
    write_lines(c, MARGIN + COL_W + 20, top, right, font=font)
    if footnote:
        write_lines(c, MARGIN, y - 20, [footnote], size=7)
    write_lines(c, MARGIN, 40, [DOI], size=8)   # footer: DOI on the left, page number on the right
    c.setFont("Helvetica", 8)
    c.drawRightString(PAGE_W - MARGIN, 40, "301")
    c.showPage()
    c.save()
    return path


def test_one_page_header_footer_and_page_number_never_enter_a_sentence(tmp_path: Path) -> None:
    text = _text(_one_page_two_columns(tmp_path / "one.pdf"))
    assert CROSSING in text                      # the sentence across the column break is whole
    assert "301\n" not in text and not text.rstrip().endswith("301")   # the page number is dropped
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == HEADER               # the journal line stays first (metadata reads it)
    assert paragraphs[-1] == DOI                 # the footer goes after the body, not between the columns


def test_small_print_under_the_first_column_is_moved_out_of_the_flow(tmp_path: Path) -> None:
    note = "Corresponding author: Dr. Kim, Seoul National University Hospital. Received 2024-01-02."
    text = _text(_one_page_two_columns(tmp_path / "note.pdf", footnote=note))
    assert CROSSING in text
    assert note in text and text.index(note) > text.index("national programme.")


def test_one_page_chinese_two_columns_keep_the_sentence(tmp_path: Path) -> None:
    left = ["目的：观察脐带间充质干细胞治疗2型糖尿", "病的疗效。方法：共纳入患者六十例，随机", "分为治疗组和对照组，每组三十例。治疗组",
            "接受三次静脉输注，随访十二个月后糖化血"]
    right = ["红蛋白由8.3%降至7.2%，对照组无明显变化。", "结论：该疗法安全有效，值得进一步开展多", "中心研究加以验证，并延长随访时间。",
             "关键词：糖尿病；干细胞；临床研究"]
    text = _text(_one_page_two_columns(tmp_path / "zh.pdf", left=left, right=right, font=CJK_FONT))
    assert "随访十二个月后糖化血红蛋白由8.3%降至7.2%" in text


def _superscript_pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    x, y = MARGIN, PAGE_H - MARGIN
    for text, size, rise in [("Patients received 1 × 10", 10, 0), ("6", 7, 4),
                             (" cells/kg every 4 weeks for three infusions in a trial", 10, 0), ("12", 7, 4),
                             (", and were", 10, 0)]:
        c.setFont("Helvetica", size)
        c.drawString(x, y + rise, text)
        x += c.stringWidth(text, "Helvetica", size)
    c.setFont("Helvetica", 10)
    c.drawString(MARGIN, y - 14, "followed for 12 months; HbA1c fell from 8.2% to 7.1% in 40 patients.")
    c.showPage()
    c.save()
    return path


def test_superscripts_stay_in_their_line(tmp_path: Path) -> None:
    text = _text(_superscript_pdf(tmp_path / "sup.pdf"))
    assert "Patients received 1 × 10^6 cells/kg every 4 weeks for three infusions" in text
    assert "in a trial[12], and were followed for 12 months" in text   # a citation is a marker, not a number
    assert "\n" not in text                                             # one paragraph: nothing cut off


def test_overprinted_fake_bold_text_is_read_once(tmp_path: Path) -> None:
    c = canvas.Canvas(str(tmp_path / "bold.pdf"), pagesize=A4)
    y = PAGE_H - MARGIN
    for line in ["Results. HbA1c fell from 8.2% to 7.1% in 40 patients", "who were followed for 12 months."]:
        c.setFont("Helvetica", 10)
        for dx, dy in [(0, 0), (0.4, 0), (0.4, 0.3)]:
            c.drawString(MARGIN + dx, y + dy, line)
        y -= 14
    c.showPage()
    c.save()
    assert _text(tmp_path / "bold.pdf") == ("Results. HbA1c fell from 8.2% to 7.1% in 40 patients who were "
                                            "followed for 12 months.")


def test_a_short_last_column_is_read_after_the_first(tmp_path: Path) -> None:
    c = canvas.Canvas(str(tmp_path / "short.pdf"), pagesize=A4)
    top = PAGE_H - MARGIN - 10
    write_lines(c, MARGIN, top, LEFT * 3)
    write_lines(c, MARGIN + COL_W + 20, top, ["percentage points in the cell group and did not",
                                              "change in the placebo group."])
    c.showPage()
    c.save()
    text = _text(tmp_path / "short.pdf")
    assert "Background. Umbilical cord mesenchymal stromal cells (UC-MSC)" in text   # not read across the gutter
    assert text.endswith(f"{CROSSING} and did not change in the placebo group.")


def test_a_single_column_page_with_one_wide_gap_is_not_split(tmp_path: Path) -> None:
    c = canvas.Canvas(str(tmp_path / "single.pdf"), pagesize=A4)
    lines = ["Twelve adults with type 1 diabetes received islet cells derived from stem cells in",
             "an open study. After one year ten were insulin independent and HbA1c was below",
             "7% in all of them. The infusions were well tolerated and no graft rejection was",
             "observed in any participant during the first year of follow-up in this study."]
    write_lines(c, MARGIN, PAGE_H - MARGIN, lines)
    c.drawString(MARGIN, PAGE_H - MARGIN - 80, "Table 1")
    c.drawString(MARGIN + 300, PAGE_H - MARGIN - 80, "Baseline")
    c.showPage()
    c.save()
    assert "received islet cells derived from stem cells in an open study." in _text(tmp_path / "single.pdf")


def test_ruled_table_is_read_cell_by_cell(tmp_path: Path) -> None:
    style = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=12)
    doc = BaseDocTemplate(str(tmp_path / "table.pdf"), pagesize=A4)
    doc.addPageTemplates([PageTemplate(frames=[Frame(MARGIN, MARGIN, PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN)])])
    table = Table([["Group", "n", "HbA1c change"],
                   [Paragraph("Umbilical cord MSC infusion every four weeks", style), "30",
                    Paragraph("-1.2 points (95% CI -1.6 to -0.8)", style)],
                   ["Placebo", "30", "-0.1 points"]], colWidths=[100, 30, 110])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    doc.build([Paragraph("Table 1. Outcomes at 12 months.", style), table,
               Paragraph("The difference was significant.", style)])
    text = _text(tmp_path / "table.pdf")
    assert ("Group\tn\tHbA1c change\n"
            "Umbilical cord MSC infusion every four weeks\t30\t-1.2 points (95% CI -1.6 to -0.8)\n"
            "Placebo\t30\t-0.1 points") in text
    assert text.index("Table 1.") < text.index("Group") < text.index("The difference")


def test_pages_that_differ_only_in_numbers_keep_their_text(tmp_path: Path) -> None:
    c = canvas.Canvas(str(tmp_path / "numbers.pdf"), pagesize=A4)
    for p in range(1, 6):
        write_lines(c, MARGIN, PAGE_H - MARGIN, [f"Patient {p}: HbA1c {7 + p / 10:.1f}% at {p * 3} months",
                                                 f"Dose {p} x 10^6 cells/kg, {p + 1} infusions"])
        c.showPage()
    c.save()
    text = _text(tmp_path / "numbers.pdf")   # was: every line dropped as a running header, then E105
    for p in range(1, 6):
        assert f"Patient {p}: HbA1c {7 + p / 10:.1f}% at {p * 3} months" in text


def test_running_header_with_a_growing_page_number_is_dropped(tmp_path: Path) -> None:
    c = canvas.Canvas(str(tmp_path / "running.pdf"), pagesize=A4)
    for p in range(1, 4):
        write_lines(c, MARGIN, PAGE_H - 30, [f"Diabetes Care 2024; 47: {300 + p}"], size=8)
        write_lines(c, MARGIN, PAGE_H - MARGIN - 10, [f"Case {p}. A patient treated with islet transplantation in",
                                                      f"{2010 + 3 * p} had type 1 diabetes for {5 * p} years."])
        c.showPage()
    c.save()
    text = _text(tmp_path / "running.pdf")
    assert "Diabetes Care" not in text
    for p in range(1, 4):   # "Case 1", "Case 2" … atop each page grow like page numbers but are text
        assert f"Case {p}. A patient treated with islet transplantation in" in text


HYPHEN_JOINS = [
    (["a Random-", "ized trial"], "a Randomized trial"),
    (["RANDOM-", "IZED TRIAL"], "RANDOMIZED TRIAL"),
    (["the infu-", "sions were"], "the infusions were"),
    (["randomi-", "sation was"], "randomisation was"),
    # no match: compounds keep their hyphen
    (["cell-", "based therapy"], "cell-based therapy"),
    (["the UC-", "MSC group"], "the UC-MSC group"),
    (["double-", "blind design"], "double-blind design"),
]


@pytest.mark.parametrize("lines,text", HYPHEN_JOINS)
def test_line_end_hyphens_use_word_endings_not_only_the_document(lines: list[str], text: str) -> None:
    assert join_lines(lines) == text
