"""Reference lists: the four citation styles, numbering, list boundaries and in-text markers."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.references import citation_lines, find_markers, find_reference_list, parse_entry


def _doc(text: str, lang: str = "zh") -> Document:
    return Document(doc_id="t.txt", text=text, view=text, lang=lang,
                    source=SourceDoc(doc_id="t.txt", raw_text=text, source_format="txt"))


# (entry, number, year, journal, title starts with, doi, pmid)
ENTRIES = [
    # Vancouver (PubMed)
    ("[3]Lee K, Park J, Kim S. Adipose-derived stem cells for type 2 diabetes: a pilot trial. "
     "Diabetes Obes Metab. 2023 Jun;25(6):1500-1510. doi: 10.1111/dom.15000. Epub 2023 Feb 1. PMID: 36700001.",
     3, "2023", "Diabetes Obes Metab", "Adipose-derived stem cells", "10.1111/dom.15000", "36700001"),
    # Vancouver without month, numbered "1."
    ("1.Rossi A, Bianchi M. Islet transplantation outcomes in Italy. Acta Diabetol. 2022;59:101-110. "
     "doi: 10.1007/s00592-021-01800-1. [DOI] [PubMed] [Google Scholar]",
     1, "2022", "Acta Diabetol", "Islet transplantation outcomes", "10.1007/s00592-021-01800-1", None),
    # APA
    ("Tan, H. L., Lim, W. Q., & Ong, P. (2024). Cord blood infusion in children with type 1 diabetes. "
     "Stem Cell Research & Therapy, 15, 220–231. https://doi.org/10.1186/s13287-024-09999-1",
     None, "2024", "Stem Cell Research & Therapy", "Cord blood infusion", "10.1186/s13287-024-09999-1", None),
    # Nature style with '&' and with 'et al.'
    ("[2] Novak, P., Horak, J. & Svoboda, T. Long-term follow-up of MSC therapy. Cell Transplant 33, 12 (2024). "
     "https://doi.org/10.1177/0963689724000001",
     2, "2024", "Cell Transplant", "Long-term follow-up of MSC therapy", "10.1177/0963689724000001", None),
    ("[7]Garcia, L., Perez, M., Ruiz, A.B. et al. Placental MSC in diabetic foot ulcers. Stem Cell Rev Rep 20, 88 (2024).",
     7, "2024", "Stem Cell Rev Rep", "Placental MSC", None, None),
    # GB/T 7714 with a DOI, and without
    ("[5]王明,李华.脐带间充质干细胞治疗2型糖尿病的临床观察[J].中国糖尿病杂志,2023,31(04):250-255.DOI:10.3969/j.issn.1006-6187.2023.04.003.",
     5, "2023", "中国糖尿病杂志", "脐带间充质干细胞治疗2型糖尿病", "10.3969/j.issn.1006-6187.2023.04.003", None),
    ("[6]陳志強,林美玲.幹細胞移植治療第一型糖尿病[J].臺灣醫學,2021,25(2):10-15.",
     6, "2021", "臺灣醫學", "幹細胞移植治療第一型糖尿病", None, None),
]


@pytest.mark.parametrize("entry, number, year, journal, title, doi, pmid", ENTRIES)
def test_parse_entry(entry: str, number, year, journal, title, doi, pmid) -> None:
    ref = parse_entry(entry, 0, len(entry))
    assert ref.number == number
    assert ref.year == year
    assert ref.journal == journal
    assert ref.title and ref.title.startswith(title)
    assert ref.doi == doi
    assert ref.pmid == pmid
    for key, (s, e) in ref.spans.items():  # offsets point at the value (DOIs keep their printed case)
        assert entry[s:e].lower() == str(getattr(ref, key)).lower()


def test_reference_list_bounds_and_boilerplate() -> None:
    text = ("某医院团队在《糖尿病杂志》上发表了研究[1]。\n\n"
            "参考文献:\n"
            "[1]王明,李华.干细胞治疗糖尿病[J].糖尿病杂志,2024,3(1):1-5.DOI:10.1234/abc.2024.01.\n"
            "[2]Smith J. Title here. Diabetes Care. 2020;43:1-2. doi: 10.2337/dc20-0001.\n"
            "免责说明:本文仅用于传播科普知识。\n"
            "« 上一篇 2024年1月1日")
    rl = find_reference_list(_doc(text))
    assert rl is not None
    assert [r.number for r in rl.entries] == [1, 2]
    assert [r.doi for r in rl.entries] == ["10.1234/abc.2024.01", "10.2337/dc20-0001"]
    assert text[rl.start:].startswith("参考文献")
    assert text[rl.end:].startswith("免责说明")


def test_single_unnumbered_reference_with_note_on_heading_line() -> None:
    text = ("研究正文。\n参考资料:\n"
            "Ali, R., & Khan, S. (2023). Stem cells in diabetes. Journal of Diabetes Research, 2023, 1–9. "
            "https://doi.org/10.1155/2023/1234567\n")
    rl = find_reference_list(_doc(text))
    assert rl is not None and len(rl.entries) == 1
    assert rl.entries[0].number is None and rl.entries[0].doi == "10.1155/2023/1234567"


@pytest.mark.parametrize("text", [
    "The references were checked by two authors.\nNo list follows.",   # "references" inside a sentence
    "正文没有参考文献列表。",
])
def test_no_reference_list(text: str) -> None:
    assert find_reference_list(_doc(text)) is None


@pytest.mark.parametrize("text, expected", [
    ("发表了研究成果。[4]", [(4,)]),
    ("(文献支持:[6][8])", [(6,), (8,)]),
    ("as shown before [1-3], and [2, 5]", [(1, 2, 3), (2, 5)]),
    ("[2]:王团队报告", [(2,)]),
    # no marker: decimals and labels in brackets, numbers beyond the list
    ("从7.50 [1.40]% 降至7.30 [1.60]%", []),
    ("中位数[IQR]", []),
    ("see [99]", []),
    # superscripts flattened onto an author citation (Nature style)
    ("Second, Moreau et al.2 report a randomized trial", [(2,)]),
    ("First, Rahman and colleagues1 pooled 11 trials", [(1,)]),
    ("as Li & coworkers3,4 showed", [(3, 4)]),
    # no marker: digits glued to other words, a year after "et al."
    ("HbA1c fell in type 2 diabetes; cells from umbilical cord1,3,4 were used", []),
    ("Moreau et al. 2024 reported", []),
])
def test_markers(text: str, expected: list[tuple[int, ...]]) -> None:
    assert [m.numbers for m in find_markers(text, max_number=20)] == expected


def test_citation_line_outside_a_list() -> None:
    text = ("引用本文: 张三, 李四. 自体骨髓移植治疗1型糖尿病[J]. 某医学院学报, 2013, 34(2): 20-23.\n"
            "摘要: 目的 探讨……")
    refs = citation_lines(_doc(text))
    assert len(refs) == 1 and refs[0].year == "2013" and refs[0].journal == "某医学院学报"


@pytest.mark.parametrize("tail", ["延伸閱讀:【幹細胞新知】2024年度十大再生醫學新聞", "延伸阅读:2024年干细胞十大新闻",
                                  "推荐阅读:2023年度盘点"])
def test_further_reading_line_ends_the_list(tail: str) -> None:
    text = ("正文。\n\n參考資料:\n1. Whitcombe EJ, et al. BM-MSCs in type 1 diabetes. Diabetes Care. 2025;48(3):412-421.\n\n"
            + tail + "\n")
    refs = find_reference_list(_doc(text))
    assert refs is not None and len(refs.entries) == 1


@pytest.mark.parametrize("tail", ["Related stories\n- Surgeons perform 100th islet infusion (2024)\n- New center opens (2025)",
                                  "相关新闻\n· 本院完成第100例胰岛移植（2024）", "相關新聞\n．本院完成第100例胰島移植（2024）",
                                  "More news\n- Clinic opens (2025)"])
def test_related_stories_end_a_one_line_reference(tail: str) -> None:
    # a newsroom's "Reference: …" line then its related stories, dated in brackets: one entry, not three
    text = ("The study was published today.\n\nReference: Wendling T, Asante K, et al. Long-term outcomes of islet "
            "transplantation. Transplant Rep Q. 2026;12(4):301-314. doi:10.5204/trq.2026.1130\n\n" + tail + "\n")
    refs = find_reference_list(_doc(text, "en"))
    assert refs is not None and len(refs.entries) == 1 and refs.entries[0].doi == "10.5204/trq.2026.1130"


# --- labelled citation lines outside a list (an abstract's "Full paper:") ---------------------------
@pytest.mark.parametrize("line, year", [
    ("Full paper: Chin J Regen Endocrinol 2025;41(11):1021-1028.", "2025"),
    ("Published in: Diabetes Care 2024;47(3):455-463", "2024"),
    ("全文发表于：中华糖尿病杂志, 2023, 15(5): 401-407", "2023"),
    ("原文刊登於：臺灣醫學 2022;26(2):120-128", "2022"),
])
def test_labelled_citation_lines(line: str, year: str) -> None:
    doc = _doc(line)
    refs = citation_lines(doc)
    assert len(refs) == 1 and refs[0].year == year


@pytest.mark.parametrize("line", ["Full paper: to be published in 2027", "Published in 2024, the study enrolled 40 patients",
                                  "Source: Reuters, 2024"])
def test_labelled_citation_traps(line: str) -> None:
    # no match: no volume/pages
    doc = _doc(line)
    assert citation_lines(doc) == []
