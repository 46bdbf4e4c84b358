"""Tables of studies laid out as plain text (issue 10, ERRORS.md 4.1): one record per row, in any layout.

Every table here was written for this file. Layouts: single spaces, runs of spaces, tabs, glued cells
(English and Chinese), rows wrapping onto a second line, group headings inside the table. Traps: prose,
numbered lists of results, a table of one study's variables, a glued variable table.
"""
from __future__ import annotations

import pytest

from extract.assemble import build_record, find_hits
from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.segment import segment
from extract.segment_tables import find_tables, glued_points, group_design, parse_header


def _doc(text: str):
    return to_document(SourceDoc(doc_id="t.txt", raw_text=text, source_format="txt"))


def _mentions(text: str):
    doc = _doc(text)
    return doc, [m for m in segment(doc) if m.kind != "registry"]


def _texts(text: str) -> list[str]:
    doc, ms = _mentions(text)
    return ["".join(doc.text[s:e] for s, e in m.spans) for m in ms]


def _records(text: str):
    doc, ms = _mentions(text)
    return [build_record(doc, m, find_hits(doc, m)) for m in ms]


# --- header lines: column words in any layout ------------------------------------------------------
@pytest.mark.parametrize("line, fields", [
    ("No. Population Cells Follow-up Result Ref", {"study", "population", "cells", "follow_up", "result"}),
    ("StudyCellsRouteDoseInjectionsFollow-upDesign", {"study", "cells", "route", "dose", "injections", "follow_up", "design"}),
    ("Author (year) Country Number (E/C) Intervention Treatment paths Mean dose of stem cells (/kg) Follow-up time (months)",
     {"study", "place", "population", "cells", "route", "dose", "follow_up"}),
    ("Study  Patients  Cells  Follow-up", {"study", "population", "cells", "follow_up"}),
    ("Trial\tN\tCell type\tOutcome", {"study", "population", "cells", "result"}),
    ("研究 例数 细胞类型 剂量 随访 设计", {"study", "population", "cells", "dose", "follow_up", "design"}),
    ("研究例数细胞类型剂量随访设计", {"study", "population", "cells", "dose", "follow_up", "design"}),
    ("作者 例數 細胞類型 劑量 隨訪 結果", {"study", "population", "cells", "dose", "follow_up", "result"}),
    ("試驗編號\t細胞來源\t樣本量\t追蹤時間", {"study", "cells", "population", "follow_up"}),
])
def test_header_columns(line: str, fields: set[str]) -> None:
    h = parse_header(line)
    assert h is not None and fields <= set(h.fields), h


@pytest.mark.parametrize("line", [
    # no match: prose, a title, a table of one study's variables, a glued variable table, a list item
    "The study treated patients with cells at a dose of 1 million per kg.",
    "Stem Cell Therapy for Type 1 Diabetes: Results of a Phase 1 Trial",
    "Characteristic | MSC (n = 22) | Control (n = 22)",
    "ParameterGroup IGroup IIGroup IIIGroup IVP value",
    "研究纳入30例患者,细胞剂量为1×10^6/kg,随访12个月。",
    "干细胞治疗糖尿病的研究进展",
    "Patients and methods",
    "結果與討論",
])
def test_no_header(line: str) -> None:
    assert parse_header(line) is None


def test_glued_points_split_cells_not_tokens() -> None:
    row = "Garcia et al. [21]AD-MSCIntravenous injection2 × 10^6 cells/kgOnce6 monthsOpen-label single-arm study"
    pts = glued_points(row)
    cells = [row[a:b] for a, b in zip([0] + pts, pts + [len(row)])]
    assert cells == ["Garcia et al. [21]", "AD-MSC", "Intravenous injection", "2 × 10^6 cells/kg", "Once", "6 months",
                     "Open-label single-arm study"]
    # no match: one token that only looks glued
    assert glued_points("HbA1c") == [] and glued_points("iPSC") == [] and glued_points("NCT01234567") == []


@pytest.mark.parametrize("heading, design", [
    ("Randomized controlled trials", "rct"),
    ("Nonrandomized concurrent control trials", "controlled_trial"),
    ("Single-arm studies", "single_arm_trial"),
    ("Observational studies", "observational"),
    ("随机对照试验", "rct"),
    ("非隨機對照研究", "controlled_trial"),
    ("病例报告", "case_report"),
])
def test_group_heading_design(heading: str, design: str) -> None:
    gd = group_design(heading)
    assert gd is not None and gd[0] == design


@pytest.mark.parametrize("heading", ["Randomized patients received cells at 6 months.", "研究结果显示HbA1c下降。"])
def test_no_group_heading(heading: str) -> None:
    assert group_design(heading) is None


# --- whole tables: one mention per row --------------------------------------------------------------
EN_SINGLE = """Stem cell therapy in type 1 diabetes: where are we?

Several groups have tested cell therapies. Table 2 lists the trials discussed below.

Table 2: Selected trials of cell therapy in type 1 diabetes
No. Population Cells Follow-up Result Ref
1 Adolescents with new-onset T1DM (n=18) Autologous adipose-derived MSC 6 months of observation C-peptide preserved in most [12]
2 Adults with long-standing T1DM (n=9) Donor islets plus sirolimus 2 years Insulin-free in five [14]
3 Children with T1DM (n=24) Autologous cord blood infusion 1 year No change in C-peptide [17]

Taken together, these small trials show that cell therapy is feasible but that larger randomized trials are needed.
"""

EN_GLUED = """Cell therapy trials at a glance
StudyCellsRouteDoseInjectionsFollow-upDesign
Garcia et al. [21]AD-MSCIntravenous injection2 × 10^6 cells/kgOnce6 monthsOpen-label single-arm study
Okafor et al. [22]BM-MNCIntra-arterial injection1 × 10^8 cellsTwice12 monthsRandomized, double-blind, placebo-controlled study
"""

EN_SPACES = """Selected trials

Study            Patients   Cells                  Follow-up   Design
Lindqvist 2019   20         umbilical cord MSC     12 months   randomized placebo-controlled
Moreau 2021      12         bone marrow MSC        24 months   single-arm
"""

EN_WRAPPED = """Table 1. Basic information of the included studies
Author (year) Country Number (E/C) Intervention Follow-up time (months) Duration of T1DM (years)
Randomized controlled trials
 Lee, 2016 [8] Korea 21/21 UC-MSCs+insulin 3, 6, 9, 12 9.2
C 10/11 Insulin 7.1
 Berg, 2015 [16] Sweden 10/10 MSCs+insulin 2.5, 12 NA
C 4/5 Insulin NA
Nonrandomized concurrent control trials
 Tan, 2018 [20] China 20/20 AHSCT+insulin 3, 6, 12, 24 0.19
C 7/13 Insulin 0.14
"""

ZH_SINGLE = """表1 干细胞治疗2型糖尿病的临床研究
研究 例数 细胞类型 剂量 随访 结果
王等(2019) 30 脐带间充质干细胞 1×10^6/kg 12个月 HbA1c下降1.2%
李等(2021) 45 骨髓单个核细胞 1×10^8 24个月 胰岛素用量减少50%
"""

ZH_GLUED = """表2 干细胞治疗1型糖尿病研究汇总
作者例数细胞类型随访
陈等(2018)20脐带间充质干细胞12个月
赵等(2020)16骨髓间充质干细胞24个月
"""

HANT_SPACES = """表3 幹細胞治療糖尿病臨床試驗
試驗編號    細胞來源    樣本量    追蹤時間
NCT03343782    臍帶間質幹細胞    45    12個月
NCT02886884    骨髓間質幹細胞    30    6個月
"""


@pytest.mark.parametrize("text, needles", [
    (EN_SINGLE, [["(n=18)", "6 months"], ["(n=9)", "2 years"], ["(n=24)", "1 year"]]),
    (EN_GLUED, [["Garcia", "6 months"], ["Okafor", "12 months"]]),
    (EN_SPACES, [["Lindqvist", "12 months"], ["Moreau", "24 months"]]),
    (EN_WRAPPED, [["Lee, 2016", "C 10/11"], ["Berg, 2015", "C 4/5"], ["Tan, 2018", "C 7/13"]]),
    (ZH_SINGLE, [["王等", "1.2%"], ["李等", "50%"]]),
    (ZH_GLUED, [["陈等", "脐带"], ["赵等", "骨髓"]]),
    (HANT_SPACES, [["NCT03343782", "臍帶"], ["NCT02886884", "骨髓"]]),
])
def test_one_mention_per_row(text: str, needles: list[list[str]]) -> None:
    texts = _texts(text)
    assert len(texts) == len(needles), [t[:50] for t in texts]
    for ns, t in zip(needles, texts):
        assert all(n in t for n in ns), (ns, t)


@pytest.mark.parametrize("text, absent", [
    # the caption, the header, group headings and the prose around the table are no study's text
    (EN_SINGLE, ["Table 2", "No. Population", "larger randomized trials", "Several groups"]),
    (EN_WRAPPED, ["Randomized controlled trials", "Nonrandomized", "Author (year)"]),
    (ZH_SINGLE, ["表1", "例数"]),
])
def test_table_furniture_in_no_mention(text: str, absent: list[str]) -> None:
    for t in _texts(text):
        assert not any(a in t for a in absent), t


def test_row_number_is_not_in_the_row() -> None:
    texts = _texts(EN_SINGLE)
    assert [t[:1] for t in texts] == ["A", "A", "C"]


def test_row_takes_design_and_condition_from_its_context() -> None:
    recs = _records(EN_WRAPPED)
    assert [r.study.design for r in recs] == ["rct", "rct", "controlled_trial"]
    assert all(r.study.condition == "T1D" for r in recs)


def test_row_own_design_beats_context() -> None:
    recs = _records(EN_GLUED)
    assert [r.study.design for r in recs] == ["single_arm_trial", "rct"]


def test_glued_and_spaced_tables_become_pipe_tables() -> None:
    assert "Garcia et al. [21] | AD-MSC | Intravenous injection | 2 × 10^6 cells/kg | Once | 6 months" in _doc(EN_GLUED).text
    assert "Lindqvist 2019 | 20 | umbilical cord MSC | 12 months" in _doc(EN_SPACES).text
    assert "NCT03343782 | 臍帶間質幹細胞 | 45 | 12個月" in _doc(HANT_SPACES).text


def test_review_with_table_keeps_its_own_study() -> None:
    text = ". 2020 Oct 10;2020:5740923. doi: 10.1155/2020/5740923\n\nTable 1.\n\n" + EN_WRAPPED
    doc, ms = _mentions(text)
    assert len(ms) == 4
    own = next(m for m in ms if m.kind == "document")
    assert "doi: 10.1155" in doc.text[own.spans[0][0]:own.spans[-1][1]]


# --- traps: no table, no split --------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # a numbered list of results of one study
    """A phase 2 trial enrolled 40 adults with type 2 diabetes.
Results were as follows:
1 HbA1c fell from 8.4% to 7.1% at 12 months.
2 Insulin dose fell by 40%.
3 No serious adverse events occurred.
""",
    # prose that names column words
    """Patients, cells, dose and follow-up were recorded for the 30 participants of this trial.
1 patient withdrew after the first infusion; 29 completed 12 months of follow-up.
2 patients had mild fever.
""",
    # a heading of column words over a numbered list of results
    """患者与治疗结果
1. 30例患者HbA1c由8.5%降至7.1%。
2. 胰岛素用量减少40%。
""",
    """患者與治療方法及結果
1、30例患者糖化血色素由8.5%降至7.1%。
2、胰島素用量減少40%。
""",
    """Patients Treatment Dose Outcome
1. Thirty patients received cord MSCs and HbA1c fell to 7.1%.
2. Insulin use fell by 40% at 12 months.
""",
    # a table of one study's variables
    """研究纳入60例2型糖尿病患者。
指标 治疗组 对照组
年龄 55 56
HbA1c 8.7 8.6
""",
    # a glued variable table of one study
    """Autologous bone marrow cells in type 2 diabetes: 21 patients.
ParameterGroup IGroup IIGroup III
Age57.8 ± 5.849.8 ± 9.653.2 ± 7.2
HbA1c6.8 ± 0.186.4 ± 0.166.7 ± 0.15
""",
])
def test_no_table_no_split(text: str) -> None:
    assert len(_texts(text)) == 1
    assert not find_tables(_doc(text).text.split("\n"))


# --- hooks for extractors: a cell's column header, a row's header fields ---------------------------
def test_table_column_header_reads_converted_and_tab_tables() -> None:
    from extract.fields.context import table_column_header
    for text, needle, header in [(_doc(EN_GLUED).text, "6 months", "Follow-up"),
                                 (_doc(HANT_SPACES).text, "12個月", "追蹤時間"),
                                 ("Group\tBaseline\t6 months\nMSC\t8.4\t7.6\nControl\t8.3\t8.2", "7.6", "6 months")]:
        assert table_column_header(text, text.index(needle)) == header


@pytest.mark.parametrize("text, needle, field", [
    (EN_SINGLE, "6 months of observation", "follow_up"),
    (EN_SINGLE, "2 years", "follow_up"),
    (ZH_GLUED, "12个月", "follow_up"),
    (EN_WRAPPED, "C 10/11", "population"),
])
def test_study_table_fields_in_rows(text: str, needle: str, field: str) -> None:
    from extract.fields.context import study_table_fields
    t = _doc(text).text
    fields = study_table_fields(t, t.index(needle))
    assert fields is not None and field in fields


@pytest.mark.parametrize("text, needle", [
    # no match: the caption, the header, prose after the table, a document without a table
    (EN_SINGLE, "Selected trials of cell therapy"),
    (EN_SINGLE, "No. Population"),
    (EN_SINGLE, "larger randomized trials"),
    ("Twelve patients were followed for 6 months.", "6 months"),
])
def test_study_table_fields_outside_rows(text: str, needle: str) -> None:
    from extract.fields.context import study_table_fields
    t = _doc(text).text
    assert study_table_fields(t, t.index(needle)) is None
