"""Tables of studies flattened to single-spaced lines (no "|", no tab, no run of spaces): a header line names the
columns, each row below is one study. A row's one count of persons, its one duration under a follow-up column and
its cells under a cells column belong to that row's record (issue 10, "Studies laid out as tables in plain text")."""
from __future__ import annotations

import pytest

from extract.document import SourceDoc
from extract.fields.cohort_tables import table_row_total
from extract.fields.context import flat_table_header
from extract.fields.follow_up import _FU_HEADER, table_row_duration
from extract.pipeline import process_source


def rows(text: str) -> list[tuple]:
    """(totals, follow-up days, cell types) of each record, in order."""
    out = []
    for r in process_source(SourceDoc("t.txt", text, "txt")).records:
        out.append((sorted(c.n for c in r.cohort_sizes if c.role == "total"),
                    [round(f.days) for f in r.follow_up], sorted(r.study.cell_types)))
    return out


TABLES = [
    ("Table 2: Selected trials of cell therapy in type 1 diabetes\n"
     "No. Population Cells Follow-up Result Ref\n"
     "1 Adolescents with new-onset T1DM (n=18) Autologous adipose-derived MSC 6 months of observation C-peptide kept [12]\n"
     "2 Adults with long-standing T1DM (n=9) Donor islets plus sirolimus 2 years Insulin-free in five [14]\n"
     "3 Children with T1DM (n=24) Autologous cord blood infusion 1 year No change in C-peptide [17]",
     [([18], [183], ["AD-MSC"]), ([9], [730], ["islet"]), ([24], [365], ["UCB"])]),
    ("Table 1. Clinical studies of stem cells in type 2 diabetes\n"
     "Study Patients Cell source Dose Follow-up\n"
     "Li 2019 32 patients with T2DM Umbilical cord MSC 1 × 10^6 cells/kg 12 months\n"
     "Wang 2020 20 patients with T2DM Bone marrow MNC 2 × 10^8 cells 6 months\n"
     "Kim 2021 45 patients with T2DM Adipose-derived MSC 5 × 10^7 cells 24 months",
     [([32], [365], ["UC-MSC"]), ([20], [183], ["BM-MNC"]), ([45], [730], ["AD-MSC"])]),
    ("表1 干细胞治疗2型糖尿病的临床研究\n"
     "研究 例数 细胞类型 随访\n"
     "李等 2019 32例 脐带间充质干细胞 12个月\n"
     "王等 2020 20例 骨髓单个核细胞 6个月\n"
     "金等 2021 45例 脂肪间充质干细胞 24个月",
     [([32], [365], ["UC-MSC"]), ([20], [183], ["BM-MNC"]), ([45], [730], ["AD-MSC"])]),
    ("表1 幹細胞治療第2型糖尿病的臨床研究\n"
     "研究 例數 細胞類型 隨訪\n"
     "李等 2019 32例 臍帶間充質幹細胞 12個月\n"
     "王等 2020 20例 骨髓單個核細胞 6個月",
     [([32], [365], ["UC-MSC"]), ([20], [183], ["BM-MNC"])]),
]


@pytest.mark.parametrize("text,expected", TABLES)
def test_flat_table_rows_are_studies(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text,pos_line,expected", [
    # a header: short, three or more words, no digit, names the column
    ("No. Population Cells Follow-up Result Ref\n1 Adults (n=9) islets 2 years", 1, True),
    ("研究 例数 细胞类型 随访\n李等 2019 32例 12个月", 1, True),
    # no header: a caption with a number, a blank line between, a two-word heading, running text
    ("Table 2 follow-up of trials\n1 Adults (n=9) islets 2 years", 1, False),
    ("Study Cells Follow-up Result\n\n1 Adults (n=9) islets 2 years", 2, False),
    ("Follow-up results\nNine patients were followed for 2 years.", 1, False),
])
def test_flat_header(text, pos_line, expected):
    pos = sum(len(x) + 1 for x in text.split("\n")[:pos_line])
    assert (flat_table_header(text, pos, _FU_HEADER) is not None) is expected


@pytest.mark.parametrize("text,expected", [
    ("Study Age Cells Follow-up\nLi 2019 a 45-year-old woman islets 2 years", 730),
    # no match: an age and a disease duration are no follow-up; two durations are ambiguous
    ("Study Age Cells Follow-up\nLi 2019 a 45-year-old woman islets", None),
    ("Study History Cells Follow-up\nLi 2019 10-year history of T1DM islets", None),
    ("Study Cells Follow-up\nLi 2019 islets 6 months 12 months", None),
])
def test_row_duration(text, expected):
    lo = text.index("\n") + 1
    row = table_row_duration(text, lo, len(text))
    assert (row[0] if row else None) == expected


@pytest.mark.parametrize("text,expected", [
    ("研究 例数 细胞类型 随访\n李等 2019 32例 脐带间充质干细胞 12个月", 32),
    ("Study Patients Cells Follow-up\nKim 2021 45 patients AD-MSC 24 months", 45),
    # no match: no count column, two counts in the row, a count of events
    ("研究 细胞类型 随访\n李等 2019 32例 脐带间充质干细胞 12个月", None),
    ("研究 例数 细胞类型 随访\n李等 2019 32例 对照 30例 12个月", None),
    ("研究 例数 细胞类型 随访\n李等 2019 3例中 脐带间充质干细胞 12个月", None),
])
def test_row_total(text, expected):
    lo = text.index("\n") + 1
    row = table_row_total(text, lo, len(text))
    assert (row[0] if row else None) == expected
