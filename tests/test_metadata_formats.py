"""Publication metadata formats of real pages (issue 10, ERRORS.md 4.4, 4.10, 4.11), as tables with traps.

MEDLINE tags, PMC headers, citation vs Epub dates, catalogue fields, inline citations, Chinese publication
phrases, background papers, post timestamps, titles quoted across languages. Every text is written for
the test (names, journals and numbers invented) in the styles the classes describe.
"""
from __future__ import annotations

import pytest

from extract.assemble import extract_records
from extract.document import Document, SourceDoc
from extract.metadata import (header_date, inline_citation_dates, intro_hits, medline_fields, page_title,
                              published_date, record_hits)
from extract.pipeline import to_document


def _doc(text: str, lang: str = "zh") -> Document:
    return Document(doc_id="t.txt", text=text, view=text, lang=lang,
                    source=SourceDoc(doc_id="t.txt", raw_text=text, source_format="txt"))


def _study(text: str, field: str) -> list:
    """``field`` of every record the whole pipeline builds from ``text`` (one value per record)."""
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    return [getattr(r.study, field) for r in extract_records(doc)]


def _check_quote(text: str, hit) -> None:
    assert text[hit.start:hit.end], hit     # every value points at the text it was read from


# --- MEDLINE records ------------------------------------------------------------------------------

MEDLINE_LINES = """PMID- 31234567
OWN - NLM
STAT- MEDLINE
DP  - 2019 Mar
TI  - Adipose stromal cells in type 2 diabetes: a pilot trial.
PG  - 101-110
AB  - Twenty patients with type 2 diabetes received adipose-derived MSC. HbA1c fell
      from 8.4% to 7.6% at 6 months.
AU  - Rahman A
TA  - Diabetes Ther
JT  - Diabetes therapy : research, treatment and education of diabetes and related disorders
AID - 10.1007/s13300-019-00001-1 [doi]
EDAT- 2019/01/05 06:00
PHST- 2018/11/02 00:00 [received]
"""
MEDLINE_FLAT = ("PMID- 31234567 OWN - NLM STAT- MEDLINE DP  - 2019 Mar TI  - Adipose stromal cells in type 2 "
                "diabetes: a pilot trial. AB  - Twenty patients with type 2 diabetes received adipose-derived MSC.")
MEDLINE_FLAT_SINGLE_SPACE = ("PT - JOURNAL ARTICLE AU - Okafor, Chinedu N. AU - Lindgren, Maja TI - Cord blood infusion "
                             "in young children with type 1 diabetes AID - 10.2337/dc09-9999 DP - 2009 Nov 01 TA - "
                             "Diabetes Care PG - 2041--2046 VI - 32 SO - Diabetes Care2009 Nov 01; 32 AB - Fifteen "
                             "children with type 1 diabetes received autologous cord blood.")


@pytest.mark.parametrize("text, expected", [
    (MEDLINE_LINES, "2019-03"),
    (MEDLINE_FLAT, "2019-03"),
    (MEDLINE_FLAT_SINGLE_SPACE, "2009-11-01"),
    ("PMID- 30000001\nDP  - 2014 Nov-Dec\nTI  - A trial of islets.\nAB  - Ten patients.", "2014"),
    ("PMID- 30000002\nDP  - 2018\nTI  - A trial of islets.\nAB  - Ten patients.", "2018"),
    # no MEDLINE record: a lone tag-like string in prose; EDAT/PHST stamps are never the date
    ("The AU - IS cohort, 95% CI - 0.5 to 1.2, DP - 2019 Mar", None),
    # a RIS export (blind11 round): DA is the citation date and wins over the Epub note in N1; else PY
    ("TY  - JOUR\nTI  - Cord MSCs in type 2 diabetes.\nAU  - Lee, K\nPY  - 2024\nDA  - 2024/09\n"
     "AB  - Forty patients with type 2 diabetes.\nN1  - Epub 2024 Jun 2.\nER  - ", "2024-09"),
    ("TY  - JOUR\nTI  - Islets in type 1 diabetes.\nAU  - Ito, M\nPY  - 2021///\nAB  - Nine patients.\nER  - ", "2021"),
    ("TY  - JOUR\nAU  - Ruiz, P\nTI  - BM-MNC for diabetic feet.\nY1  - 2019/11/05/\nAB  - Ten patients.\nER  - ",
     "2019-11-05"),
])
def test_medline_date(text: str, expected: str | None) -> None:
    hit = header_date(_doc(text, "en"), 0, len(text))
    assert (hit.value["value"] if hit else None) == expected


@pytest.mark.parametrize("text, field, expected", [
    (MEDLINE_LINES, "title", "Adipose stromal cells in type 2 diabetes: a pilot trial"),
    (MEDLINE_LINES, "journal", "Diabetes therapy : research, treatment and education of diabetes and related disorders"),
    (MEDLINE_FLAT, "title", "Adipose stromal cells in type 2 diabetes: a pilot trial"),
    (MEDLINE_FLAT_SINGLE_SPACE, "title", "Cord blood infusion in young children with type 1 diabetes"),
    (MEDLINE_FLAT_SINGLE_SPACE, "journal", "Diabetes Care"),
])
def test_medline_title_and_journal(text: str, field: str, expected: str) -> None:
    hits = {h.field: h for h in record_hits(_doc(text, "en"), 0, len(text), page=True)}
    assert hits[field].value["value"] == expected
    assert text[hits[field].start:hits[field].end] == expected


def test_medline_needs_several_tags() -> None:
    assert medline_fields("He said TI - no. Nothing else here.") == {}
    assert set(medline_fields(MEDLINE_FLAT)) >= {"PMID", "DP", "TI", "AB"}


@pytest.mark.parametrize("text, pmid", [
    (MEDLINE_LINES, "31234567"),
    (MEDLINE_FLAT, "31234567"),
])
def test_medline_record_end_to_end(text: str, pmid: str) -> None:
    assert _study(text, "pmid") == [pmid]
    assert _study(text, "pub_date") == ["2019-03"]


# --- citation lines, PMC headers: the citation date wins over Epub -----------------------------------

@pytest.mark.parametrize("text, expected", [
    # a year-only citation still beats the Epub date printed after it (the citation as stated)
    ("Diabetes Ther. 2021;12(4):1101-12. doi: 10.1007/s13300-021-01000-1. Epub 2021 Jan 5.", "2021"),
    ("Stem Cells Transl Med. 2020;9(3):300-310. doi: 10.1002/x.1. Epub 2019 Dec 30.", "2020"),
    # a PMC header whose journal is a logo: the line starts with ". "
    ("Clinical Trial\n. 2024 Mar 7;390(10):901-912.\ndoi: 10.1056/EXAMPLE2400001. Epub 2023 Dec 2.", "2024-03-07"),
    ("Skip to main content\n. 2014 Nov-Dec;18(6):838–845. doi: 10.4103/2230-8210.140257", "2014"),
    ("Skip to main content\n. 2020 Oct 10;2020:5740923. doi: 10.1155/2020/5740923", "2020-10-10"),
    ("Diabetes Metab J. 2019 Spring;43(2):10-20.", "2019"),
    # an author manuscript: the final edited form is the publication, not the PMC release
    (". Author manuscript; available in PMC: 2022 May 6.\nPublished in final edited form as: Am J Transplant. "
     "2020 Aug 9;21(4):1477–1492. doi: 10.1111/ajt.16174", "2020-08-09"),
    # an online-first citation, no volume yet (also under a source label)
    ("Diabetes Ther. 2021 Mar 5. doi: 10.1007/s13300-021-01000-1. Online ahead of print.", "2021-03-05"),
    ("出处：J Paediatr Endocrinol Cell Ther. 2026 Nov 20. doi: 10.1089/jpect.2026.0187.", "2026-11-20"),
    ("Source: Stem Cell Res Ther. 2024 Feb. Epub ahead of print.", "2024-02"),
    # no match: a PMC release date alone, a received date, a sentence ending in a year
    (". Author manuscript; available in PMC: 2022 May 6.", None),
    ("The trial ended in 2021. Doi numbers were not given.", None),
    ("Received: 2021 Mar 3; Accepted: 2021 May 9", None),
])
def test_citation_date_over_epub(text: str, expected: str | None) -> None:
    hit = header_date(_doc(text, "en"), 0, len(text))
    assert (hit.value["value"] if hit else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Published in final edited form as: Am J Transplant. 2020 Aug 9;21(4):1477–1492.", "Am J Transplant"),
    ("Indian Journal of Endocrinology logoLink to Indian Journal of Endocrinology\n. 2014 Nov-Dec;18(6):838–845.",
     "Indian Journal of Endocrinology"),
    # an NLM citation in brackets inside a sentence: the journal, never the words before the bracket
    ("The findings (Cell Stem Cell. 2024;31(5):640-652; doi:10.1016/j.stem.2024.04.001) were welcomed.", "Cell Stem Cell"),
    ("The registry report (Transplantation. 2023;107(9):1890-1902) is observational.", "Transplantation"),
    ("Details appear in the paper (Diabetes Care. 2022 Mar;45(3):e41-e43).", "Diabetes Care"),
    ("Ann Transl Med (Lond). 2021;9(2):112-118.", "Ann Transl Med (Lond)"),
    # no journal: a bracket of prose or a bare year
    ("The report (released in 2023; 45 centres) is observational.", None),
    # no journal: a PMC collection logo is not a journal
    ("NIHPA Author Manuscripts logoLink to NIHPA Author Manuscripts\n. Author manuscript; available in PMC: 2022.", None),
])
def test_citation_journal(text: str, expected: str | None) -> None:
    hits = [h for h in record_hits(_doc(text, "en"), 0, len(text), page=True) if h.field == "journal"]
    assert (hits[0].value["value"] if hits else None) == expected


# --- catalogue and digest fields --------------------------------------------------------------------

CATALOGUE = """Bibliographic Details
Main Authors: Rahman A, Lee K
Published: Example Medical Press 2023-08-14
Series: Journal of Regenerative Diabetes
Summary: Thirty patients with type 2 diabetes received umbilical cord-derived MSC."""


@pytest.mark.parametrize("text, expected", [
    (CATALOGUE, "2023-08-14"),
    ("Imprint: Northbridge University Press, March 2021", "2021-03"),
    ("Publisher: Harbour Medical Books 2019", "2019"),
    ("书名：干细胞与糖尿病\n出版社：某某医学出版社\n出版年：2022", "2022"),
    ("書名：幹細胞與糖尿病\n出版年月：2021-05", "2021-05"),
    # journal pages' own labels (Wiley, Frontiers, CNKI's online-first time)
    ("Version of Record online: 05 January 2024", "2024-01-05"),
    ("PUBLISHED 12 March 2024\nDOI 10.3389/fendo.2024.123456", "2024-03-12"),
    ("Date of Publication: 2023-11-02", "2023-11-02"),
    ("网络首发时间：2024-03-05 10:20:31\n网络首发地址：https://kns.cnki.net/x", "2024-03-05"),
    ("網路出版時間：2024-03-05 10:20", "2024-03-05"),
    # no date: a publisher without a date; a news page's timestamp; a registry record's posting and start dates
    ("Published: Example Medical Press", None),
    ("Published: 2024-03-12 10:30 | Health desk", None),
    ("Published: March 12, 2024 10:30 AM", None),
    ("ClinicalTrials.gov Identifier: NCT01234567\nFirst Posted : October 13, 2010\nLast Update Posted : May 2, 2012\n"
     "Study Start : September 2010", None),
    ("NCT01234567\nStudy First posted: 2010-10-13\nResults First posted: 2014-02-01\nLast Update Posted: 2015-05-02", None),
    ("注册号：ChiCTR2100045678\n注册时间：2021-05-06\n研究实施时间：从2021-06-01至2023-12-31", None),
])
def test_catalogue_date(text: str, expected: str | None) -> None:
    hit = header_date(_doc(text, "en" if text.isascii() else "zh"), 0, len(text))
    assert (hit.value["value"] if hit else None) == expected


@pytest.mark.parametrize("text, field, expected", [
    (CATALOGUE, "journal", "Journal of Regenerative Diabetes"),
    ("Journal: Diabetologia (July 2024)", "journal", "Diabetologia"),
    ("Published in: Diabetes Care, 2023;46:101", "journal", "Diabetes Care"),
    ("論文：MSC therapy in diabetic kidney disease\n期刊：Frontiers in Endocrinology（2024年3月）", "journal",
     "Frontiers in Endocrinology"),
    ("刊名:中华内分泌代谢杂志\n年,卷(期):2024, 40(6)", "journal", "中华内分泌代谢杂志"),
    ("Authors :\nLi Z\nSource :\nStem Cell Research & Therapy. 13(1):131\nPublication Year :\n2021", "journal",
     "Stem Cell Research & Therapy"),
    ("来源：中华糖尿病杂志, 2023, 15(5): 401-407", "journal", "中华糖尿病杂志"),
    ("Series:\nJournal of Regenerative Diabetes", "journal", "Journal of Regenerative Diabetes"),
    ("論文：MSC therapy in diabetic kidney disease\n期刊：Frontiers in Endocrinology（2024年3月）", "title",
     "MSC therapy in diabetic kidney disease"),
    ("Title: Cord blood cells in type 1 diabetes: a pilot study\nAuthors: Lee K", "title",
     "Cord blood cells in type 1 diabetes: a pilot study"),
    ("题名：脐带间充质干细胞治疗2型糖尿病的临床研究\n作者：林某", "title", "脐带间充质干细胞治疗2型糖尿病的临床研究"),
])
def test_label_fields(text: str, field: str, expected: str) -> None:
    """Label lines of catalogues and digests give the journal and the title."""
    hits = {h.field: h for h in record_hits(_doc(text, "en" if text.isascii() else "zh"), 0, len(text), page=False)}
    assert hits[field].value["value"] == expected
    assert text[hits[field].start:hits[field].end] == expected


@pytest.mark.parametrize("text", [
    "Source: Reuters",
    "来源：新华社 2024-05-09",
    "Source :\nhttps://www.example.org/news/123",
])
def test_source_label_without_citation_is_no_journal(text: str) -> None:
    assert not [h for h in record_hits(_doc(text, "en"), 0, len(text), page=False) if h.field == "journal"]


def test_catalogue_record_end_to_end() -> None:
    assert _study(CATALOGUE, "journal") == ["Journal of Regenerative Diabetes"]
    assert _study(CATALOGUE, "pub_date") == ["2023-08-14"]


# --- titles of abstract pages ---------------------------------------------------------------------

PUBMED_PAGE = """PubMed
Advanced
Randomized Controlled Trial
Diabetes Ther. 2021;12(4):1101-12. doi: 10.1007/s13300-021-01000-1. Epub 2021 Jan 5.

Adipose stromal cell infusion in type 2 diabetes: a randomized, double-blind, placebo-controlled phase II trial

Chinedu N Okafor 1, Maja Lindgren 1, Rami Haddad 2
PMID: 33000001

Abstract
Sixty-four patients with type 2 diabetes were randomized."""
STRUCTURED = """Adipose stromal cell infusion in type 2 diabetes: a randomized, double-blind, placebo-controlled phase II trial
Methods: 64 patients with type 2 diabetes were randomized.
Results: HbA1c fell by 0.8%."""
ZH_PAGE = """万方数据 | 期刊论文
胎盘间充质干细胞治疗2型糖尿病的非随机对照研究
Placenta-derived stem cells in type 2 diabetes: a non-randomized controlled study
作者:唐某 1;吕某 2
DOI:10.3760/cma.j.cn311282-20231107-00001
摘要:
目的 评价胎盘间充质干细胞的疗效。"""
HANT_PAGE = """醫學期刊全文資料庫
首頁 > 臺灣某某醫誌 > 2023年第15卷第5期
臍帶間質幹細胞治療第2型糖尿病腎病變的單臂臨床研究
宋某  趙某  劉某
中圖分類號: R587.1
【摘要】 目的 探討臍帶間質幹細胞的療效。"""


@pytest.mark.parametrize("text, expected", [
    (PUBMED_PAGE, "Adipose stromal cell infusion in type 2 diabetes: a randomized, double-blind, placebo-controlled "
                  "phase II trial"),
    (STRUCTURED, "Adipose stromal cell infusion in type 2 diabetes: a randomized, double-blind, placebo-controlled "
                 "phase II trial"),
    (ZH_PAGE, "胎盘间充质干细胞治疗2型糖尿病的非随机对照研究"),
    (HANT_PAGE, "臍帶間質幹細胞治療第2型糖尿病腎病變的單臂臨床研究"),
    # no title: a news post with a summary heading and no journal-page cue; a page without an abstract
    ("Breakthrough for diabetes patients in Shanghai\nBy our reporter\nSummary\nDoctors cured a patient.", None),
    ("World J Diabetes. Jul 15, 2017; 8(7): 381-389\nTable 1 Comparison of baseline characteristics\nAge 57", None),
    # no title: navigation, banners and author lines above the abstract are skipped, not taken
    ("THE PREPRINT SERVER FOR HEALTH SCIENCES\nHome | About | Submit\nAnil Bhansali 1,, Vimal Upreti 1, Rama Walia 1\n"
     "doi: 10.1101/2025.01.01.25000001\nAbstract\nTen patients.", None),
])
def test_page_title(text: str, expected: str | None) -> None:
    doc = _doc(text, "en" if text.isascii() else "zh")
    hit = page_title(doc, 0, len(text))
    assert (hit.value["value"] if hit else None) == expected
    if hit:
        _check_quote(text, hit)


@pytest.mark.parametrize("text, expected", [
    # the same English title quoted inside a Chinese post (simplified, traditional) or an English one
    ("去年,某医院团队在《干细胞研究》杂志上发表了题为“Adipose stromal cell infusion in type 2 diabetes: a randomized, "
     "double-blind, placebo-controlled phase II trial”的论文,64名2型糖尿病患者随机分组。",
     "Adipose stromal cell infusion in type 2 diabetes: a randomized, double-blind, placebo-controlled phase II trial"),
    ("該團隊在《Cell》發表論文《Adipose stromal cells in type 2 diabetes: a pilot trial》,納入20名患者。",
     "Adipose stromal cells in type 2 diabetes: a pilot trial"),
    ("该团队在《细胞》上发表了《Stem cell-derived islets restore insulin secretion in type 1 diabetes》。",
     "Stem cell-derived islets restore insulin secretion in type 1 diabetes"),
    ('The group published a paper titled "Adipose stromal cells in type 2 diabetes: a pilot trial" in Cell.',
     "Adipose stromal cells in type 2 diabetes: a pilot trial"),
    # no title: an English journal name in 《》, a short name
    ("该研究发表在《New England Journal of Medicine》上,纳入20名患者。", None),
    ("该研究发表在《Cell Stem Cell》上。", None),
    ("該研究發表在《Journal of Regenerative Diabetes and Metabolism》上。", None),
    ("该研究发表在《International Journal of Stem Cell Research and Therapy》上。", None),
    ("该研究发表在《Advances in Cellular Regeneration Research》上。", None),
])
def test_quoted_title(text: str, expected: str | None) -> None:
    hits = [h for h in intro_hits(_doc(text, "en" if text.isascii() else "zh"), 0, len(text)) if h.field == "title"]
    assert (hits[0].value["value"] if hits else None) == expected
    if hits:
        assert text[hits[0].start:hits[0].end] == expected


def test_same_title_both_sides() -> None:
    """An abstract page and a Chinese post quoting its title give the same title (they can be linked)."""
    zh = ("去年,某医院团队在《干细胞研究》杂志上发表了题为“Adipose stromal cell infusion in type 2 diabetes: a randomized, "
          "double-blind, placebo-controlled phase II trial”的论文,64名2型糖尿病患者随机分组。")
    assert _study(STRUCTURED, "title") == _study(zh, "title") != [None]


# --- inline citations and Chinese publication phrases --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("患者术后停用胰岛素(Cell Res., 2022)。", ["2022"]),
    ("患者術後停用胰島素（Cell Res., 2022）。", ["2022"]),
    ("insulin independence was maintained (N Engl J Med 2024;390:901-912).", ["2024"]),
    ("C-peptide rose (Diabetes Care, March 2024).", ["2024-03"]),
    ("the report by Haldane and colleagues (Cell Rep Med, Epub 16 April 2024; doi:10.1016/j.xcrm.2024.101512)",
     ["2024-04-16"]),
    ("血糖明显改善（《细胞研究》，2022年）。", ["2022"]),
    ("胰島功能恢復(《Nature》2025年7月研究)", ["2025-07"]),
    # no match: author-year citations, agencies and atlases, a month alone, a news agency
    ("as reported before (Zhou et al., 2022).", []),
    ("prevalence is rising (IDF Diabetes Atlas, 2021).", []),
    ("the product was approved (January 2024).", []),
    ("the company said (Reuters, 2024).", []),
    ("（Smith and Jones, 2020）", []),
])
def test_inline_citation(text: str, expected: list[str]) -> None:
    assert [h.value["value"] for h in inline_citation_dates(text, 0, len(text))] == expected


@pytest.mark.parametrize("text, expected", [
    # zh: 发布在/于…《》, the date next to a 《journal》
    ("相关成果于2021年发布在《某某医学杂志》上,共纳入40名2型糖尿病患者。", "2021"),
    ("相關成果於2021年發布在《某某醫學雜誌》上,共納入40名第2型糖尿病患者。", "2021"),
    ("研究团队的论文发布在2021年的《细胞研究》上。", "2021"),
    ("于2021年发表于《中华糖尿病杂志》。", "2021"),
    ("2025年《Cell Stem Cell》期刊汇总全球23项试验显示,38%患者血糖显著下降。", "2025"),
    ("干细胞主要通过旁分泌效应发挥作用(《Nature》2025年7月研究)。", "2025-07"),
    ("据《柳叶刀》2023年刊文,该疗法安全。", "2023"),
    ("3月12日,《自然》在线发表了该团队的研究。", "2024-03-12"),
    ("3月12日,《自然》線上發表了該團隊的研究。", "2024-03-12"),
    # en: the journal between the verb and the date
    ("The results were published in Diabetes Care on 3 March 2024.", "2024-03-03"),
    ('"This is a milestone," the authors wrote in Nature Medicine in June 2023.', "2023-06"),
    # no date: a guideline edition, a post's own timestamp, a reporter's byline time, a future announcement
    ("参照《中国2型糖尿病防治指南》2020年版。", None),
    ("楼主:蓝莓 发表于 2025-06-03 22:14 | 查看:4127", None),
    ("記者 某某 報導\n\n2020/07/20 20:22\n\n過去糖尿病患…", None),
    ("公司预计2025年第四季度完成全部入组,2026年公布主要终点数据。", None),
    ("The company plans to enrol 180 patients and report the primary endpoint in 2026.", None),
])
def test_published_date(text: str, expected: str | None) -> None:
    hit = published_date(_doc(text, "en" if text.isascii() else "zh"), 0, len(text), year_hint="2024")
    assert (hit.value["value"] if hit else None) == expected


def test_date_after_the_document_date_is_no_publication() -> None:
    text = "2024-05-09 某某日报\n该公司表示,研究结果将在2026年发表于《柳叶刀》。"
    assert published_date(_doc(text), 0, len(text)) is None


# --- background papers are not the study's date (ERRORS 4.4) -----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2020年,该团队的重编程论文发表在《科学》上。如今,一位病程9年的1型糖尿病患者在接受该团队制备的干细胞来源胰岛细胞移植后,"
     "已停用胰岛素超过1年。", [None]),
    ("2020年,該團隊的重編程論文發表在《科學》上。如今,一位病程9年的第1型糖尿病患者在接受該團隊製備的幹細胞來源胰島細胞移植後,"
     "已停用胰島素超過1年。", [None]),
    ("In 2020, the team published its reprogramming method in Science. Now, 12 patients with type 1 diabetes have "
     "received islet cells made by the team, and nine are off insulin.", [None]),
    ("早在2019年,该团队就在《自然》上发表了大鼠实验结果。研究人员为一名58岁的2型糖尿病患者移植了干细胞来源的胰岛,"
     "患者术后停用胰岛素。", [None]),
    # the publication of the study being reported keeps its date
    ("2023年3月,研究发表在《柳叶刀》上。目前,该疗法已进入II期试验,共纳入40名2型糖尿病患者。", ["2023-03"]),
    ("2021年,该团队为一名1型糖尿病患者移植了干细胞来源的胰岛细胞,患者术后停用胰岛素(Cell Res., 2022)。", ["2022"]),
])
def test_background_paper_end_to_end(text: str, expected: list) -> None:
    assert _study(text, "pub_date") == expected


def test_medline_export_of_two_records() -> None:
    """Each record's span reads its own DP and TI, not the first record's."""
    text = MEDLINE_LINES + "\n" + MEDLINE_LINES.replace("31234567", "32000002").replace("2019 Mar", "2020 Jul").replace(
        "Adipose stromal cells in type 2 diabetes: a pilot trial.", "Cord blood in type 1 diabetes.")
    second = text.index("PMID- 32000002")
    doc = _doc(text, "en")
    assert header_date(doc, second, len(text)).value["value"] == "2020-07"
    assert {h.field: h.value["value"] for h in record_hits(doc, second, len(text), page=True)}["title"] == \
        "Cord blood in type 1 diabetes"


@pytest.mark.parametrize("text, expected", [
    # ERRORS 4.11 in the three scripts, read through the whole pipeline
    ("相关成果于2021年发布在《某某医学杂志》上,共纳入40名2型糖尿病患者。", ["2021"]),
    ("相關成果於2021年發布在《某某醫學雜誌》上,共納入40名第2型糖尿病患者。", ["2021"]),
    ("The findings, published in 2021 in the Example Medical Journal, covered 40 patients with type 2 diabetes.", ["2021"]),
    ("2021年,该团队为一名1型糖尿病患者移植了干细胞来源的胰岛细胞,患者术后停用胰岛素(Cell Res., 2022)。", ["2022"]),
    ("2021年,該團隊為一名第1型糖尿病患者移植了幹細胞來源的胰島細胞,患者術後停用胰島素(Cell Res., 2022)。", ["2022"]),
    ("In 2021 the team transplanted stem cell-derived islets into a 25-year-old woman with type 1 diabetes, who "
     "stopped insulin (Cell Res., 2022).", ["2022"]),
    ("Diabetes Ther. 2021;12(4):1101-12. doi: 10.1007/s13300-021-01000-1. Epub 2021 Jan 5.\n"
     "Twenty patients with type 2 diabetes received adipose-derived MSC.", ["2021"]),
    ("Clinical Trial\n. 2024 Mar 7;390(10):901-912.\ndoi: 10.1056/EXAMPLE2400001. Epub 2023 Dec 2.\n"
     "Twenty patients with type 2 diabetes received adipose-derived MSC.", ["2024-03-07"]),
    # traps: a forum post's and a social post's own time stamps are no publication date
    ("楼主:蓝莓不加糖 发表于 2025-06-03 22:14 | 查看:4127\n我爸2型糖尿病15年,医生推荐了脐带间充质干细胞治疗,打了3次。", [None]),
    ("@糖友医生 · 抖音\n发布于 2025-05-18 21:07\n英国一项128人的随机对照试验显示,脐带间充质干细胞可降低2型糖尿病患者的糖化血红蛋白。",
     [None]),
])
def test_errors_4_11_end_to_end(text: str, expected: list) -> None:
    assert _study(text, "pub_date") == expected


def test_abstract_page_and_chinese_post_are_one_study(tmp_path) -> None:
    """ERRORS 4.10: the title on an abstract page's first line and the same title quoted in a Chinese post link."""
    import json

    from extract import pipeline

    docs = tmp_path / "docs"
    docs.mkdir()
    title = "Adipose stromal cell infusion in type 2 diabetes: a randomized, double-blind, placebo-controlled phase II trial"
    (docs / "en.txt").write_text(f"{title}\nMethods: 64 patients with type 2 diabetes were randomized to adipose-derived "
                                 "stromal cells or placebo.\n", encoding="utf-8")
    (docs / "zh.txt").write_text(f"去年,某医院团队在《干细胞研究》杂志上发表了题为“{title}”的论文,64名2型糖尿病患者随机接受"
                                 "脂肪间充质干细胞或安慰剂。\n", encoding="utf-8")
    pipeline.run(docs, tmp_path / "out", use_cache=False)
    recs = [json.loads(x) for x in (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["study"]["title"] for r in recs] == [title, title]
    assert len({r["study_id"] for r in recs}) == 1


# --- publication phrases of news prose, in three scripts (ERRORS.md 4.11) --------------------------------
@pytest.mark.parametrize("text, field, expected", [
    # the year that names the paper; the journal the paper's noun names
    ("A 2019 study in Diabetes Care enrolled 30 patients with type 2 diabetes who received cord MSC.", "pub_date", "2019"),
    ("A 2019 study in Diabetes Care enrolled 30 patients with type 2 diabetes who received cord MSC.", "journal", "Diabetes Care"),
    ("In a 2021 Stem Cell Research & Therapy paper, researchers reported 30 patients with type 2 diabetes.", "journal",
     "Stem Cell Research & Therapy"),
    ("The study, which appeared in the November 2022 issue of Diabetes Care, enrolled 30 patients with type 2 diabetes.",
     "pub_date", "2022-11"),
    ("Writing in Cell Metabolism in 2023, the team reported that 12 patients with type 1 diabetes received islets.",
     "journal", "Cell Metabolism"),
    ("In 2023 the team transplanted islets into a 25-year-old woman with type 1 diabetes; the results were published in "
     "Cell in 2024.", "pub_date", "2024"),
    # a labelled citation without the NLM full stop
    ("Source: Diabetes Care 2019;42(3):400-409. / Thirty patients with type 2 diabetes received cord MSC.", "pub_date", "2019"),
    ("来源:中华糖尿病杂志 2023;15(5):300-305 / 30名2型糖尿病患者接受脐带间充质干细胞治疗。", "pub_date", "2023"),
    # ... GB/T 7714 with a comma after the year (CNKI's 来源 line)
    ("来源:中华糖尿病杂志,2023,15(5):300-305 / 30名2型糖尿病患者接受脐带间充质干细胞治疗。", "pub_date", "2023"),
    ("來源:中華糖尿病雜誌,2023,15(5):300-305 / 30名第2型糖尿病患者接受臍帶間充質幹細胞治療。", "pub_date", "2023"),
    ("Source: Chin J Diabetes, 2023, 15: 300-305. / Thirty patients with type 2 diabetes received cord MSC.", "pub_date", "2023"),
    # no match: a news agency and a year with a count after it
    ("来源:新华社,2023,30名2型糖尿病患者接受脐带间充质干细胞治疗。", "pub_date", None),
    # a Latin journal without 《》 in Chinese text; the title before 为题; "出版的《…》"
    ("该成果以“Cord MSC for type 2 diabetes”为题,于2023年5月12日发表在Stem Cell Research & Therapy上,研究纳入30名2型糖尿病患者。",
     "journal", "Stem Cell Research & Therapy"),
    ("该成果以“Cord MSC for type 2 diabetes”为题,于2023年5月12日发表在Stem Cell Research & Therapy上,研究纳入30名2型糖尿病患者。",
     "title", "Cord MSC for type 2 diabetes"),
    ("相關研究以《臍帶幹細胞治療第2型糖尿病》為題,2023年5月12日刊登於國際期刊Stem Cell Research & Therapy,共納入30名第2型糖尿病患者。",
     "journal", "Stem Cell Research & Therapy"),
    ("該研究發表於2024年4月30日出版的《細胞發現》,一名59歲第2型糖尿病患者停用胰島素33個月。", "journal", "細胞發現"),
    # the team's earlier paper told first is background: the study's own publication wins
    ("该团队2021年曾在《细胞研究》发表论文报道这一方法。2023年,团队为一名25岁1型糖尿病女性患者实施了干细胞来源胰岛移植,"
     "研究成果于2024年发表在《细胞》上。", "pub_date", "2024"),
    ("該團隊此前已在《自然》發表論文報導這一方法。2023年,團隊為一名25歲第1型糖尿病女性患者實施了幹細胞來源胰島移植,"
     "研究成果於2024年發表在《細胞》上。", "journal", "細胞"),
    ("The method had been published in Science in 2020. In 2023 the team transplanted islets into a 25-year-old woman "
     "with type 1 diabetes; the results were published in Cell in 2024.", "pub_date", "2024"),
    # no match: a study in a country; a year in a review's heading; a Nature-family journal ("Nature子刊")
    ("A study in China enrolled 30 patients with type 2 diabetes in 2019 who received cord MSC.", "journal", None),
    ("Thirty patients with type 2 diabetes received cord MSC. / Related: The 2025 ADA cell therapy sessions in review",
     "pub_date", None),
    ("研究成果发表在Nature子刊上,共纳入30名2型糖尿病患者。", "journal", None),
])
def test_publication_phrases_of_news_prose(text: str, field: str, expected: str | None) -> None:
    assert _study(text.replace(" / ", "\n"), field) == [expected]


@pytest.mark.parametrize("text, expected", [
    # the subject between the year and its verb; an id before the journal of an inline citation
    ("2021年淮西医科大学徐明远团队发表过一项I期研究,20例2型糖尿病患者单次输注脐带间充质干细胞。", "2021"),
    ("2021年淮西醫科大學徐明遠團隊發表過一項I期研究,20例第2型糖尿病患者單次輸注臍帶間質幹細胞。", "2021"),
    ("Twenty patients with type 2 diabetes received placenta MSCs (IRCT20200415047087N1; Stem Cell Res Ther, February 2024).",
     "2024-02"),
    # no match: an event year whose clause ends before the verb
    ("2019年完成移植,患者至今停用胰岛素。", None),
])
def test_published_date_subject_and_id_prefix(text: str, expected: str | None) -> None:
    doc = _doc(text, "zh" if not text[0].isascii() else "en")
    hit = published_date(doc, 0, len(text))
    assert (hit.value["value"] if hit else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Diabetes Letters — Correspondence / Published online 2 August 2024 / To the Editor: / We read with interest the "
     "report by Haldane and colleagues (Cell Rep Med, Epub 16 April 2024; doi:10.1016/j.xcrm.2024.101512): 128 patients "
     "with type 2 diabetes were randomised to cord MSCs or placebo.", "2024-04-16"),
    ("读者来信 / 发布日期:2024-08-02 / 编辑您好:我们读到王某等人的报告(《中华糖尿病杂志》,2024年4月),128名2型糖尿病患者"
     "随机接受脐带间充质干细胞或安慰剂。", "2024-04"),
    ("讀者來信 / 發布日期:2024-08-02 / 編輯您好:我們讀到王某等人的報告(《中華糖尿病雜誌》,2024年4月),128名第2型糖尿病患者"
     "隨機接受臍帶間質幹細胞或安慰劑。", "2024-04"),
    # no match: a study's own page keeps its header date over a cited paper
    ("Published online 2 August 2024 / 128 patients with type 2 diabetes were randomised to cord MSCs or placebo, as in "
     "an earlier pilot (Cell Rep Med, 2021).", "2024-08-02"),
])
def test_letter_page_takes_the_cited_study_date(text: str, expected: str) -> None:
    assert _study(text.replace(" / ", "\n"), "pub_date") == [expected]


@pytest.mark.parametrize("text, expected", [
    # an abstract page without a DOI or label: the author line under the title shows it
    ("脐带间充质干细胞治疗2型糖尿病的临床研究 / 张三 李四 王五 / (某市第一人民医院内分泌科, 某市 310000) / 摘要 目的 探讨"
     "脐带间充质干细胞治疗2型糖尿病的疗效。方法 选取60例2型糖尿病患者。", "脐带间充质干细胞治疗2型糖尿病的临床研究"),
    ("臍帶間質幹細胞治療第2型糖尿病的臨床研究 / 張三、李四 / 摘要:目的:探討臍帶間質幹細胞治療第2型糖尿病的療效。方法:選取60例"
     "第2型糖尿病患者。", "臍帶間質幹細胞治療第2型糖尿病的臨床研究"),
    ("Umbilical cord mesenchymal stem cells for type 2 diabetes: a randomized trial / John Smith, Mary Lee and Ann Wu / "
     "Abstract / Background: We tested cord MSC. Methods: 60 patients with type 2 diabetes were randomized.",
     "Umbilical cord mesenchymal stem cells for type 2 diabetes: a randomized trial"),
    # no match: a news post with a summary heading and no author line
    ("Stem cells help people with type 2 diabetes / By our health desk / Summary / 60 patients with type 2 diabetes "
     "received cord MSC in a hospital trial.", None),
])
def test_page_title_over_an_author_line(text: str, expected: str | None) -> None:
    assert _study(text.replace(" / ", "\n"), "title") == [expected]


@pytest.mark.parametrize("text, expected", [
    # an outside expert's institution is not the study's (headline speaker, quoted comment)
    ("干细胞治愈糖尿病现曙光!中科院程新:我国处于领先 / 上周 Vertex 公司公布,接受其干细胞来源胰岛治疗的首位1型糖尿病患者胰岛素用量"
     "减少91%,12名患者参与试验。", None),
    ("A stem cell product cut insulin use by 91% in the first of 12 patients with type 1 diabetes, Vertex said. \"This is "
     "a milestone,\" Dr. Anna Berg of Karolinska Institute told reporters.", None),
    ("杭州某医院团队为12名1型糖尿病患者移植干细胞来源胰岛。北京协和医院李教授表示,这一结果令人鼓舞。", "杭州某医院"),
    # no match: a label line names the study's own sponsor
    ("Sponsor: Jiangchuan Medical University Affiliated Hospital / 120 patients with type 2 diabetes were randomized to "
     "cord MSC or placebo.", "Jiangchuan Medical University Affiliated Hospital"),
])
def test_institution_of_a_quoted_expert_is_not_the_studys(text: str, expected: str | None) -> None:
    assert _study(text.replace(" / ", "\n"), "institution") == [expected]


# --- a news outlet in 《》 is no journal; a photo caption's country is no study's -------------------------------
@pytest.mark.parametrize("text, journal", [
    ("《每日邮报》报道,一名42岁的1型糖尿病男子接受了胰岛细胞移植,至今停用胰岛素。", None),
    ("據《紐約時報》報導,一名1型糖尿病女性接受幹細胞胰島移植後停用胰島素。", None),
    ("《科技日报》报道,该院为12名2型糖尿病患者输注了脐带间充质干细胞。", None),
    # a 学报 is a journal; a journal after a newspaper is still read
    ("该研究发表于《北京大学学报(医学版)》,纳入12名2型糖尿病患者接受脐带间充质干细胞治疗。", "北京大学学报(医学版)"),
    ("《每日邮报》报道,这项发表于《新英格兰医学杂志》的研究纳入1名1型糖尿病患者。", "新英格兰医学杂志"),
])
def test_a_news_outlet_is_no_journal(text: str, journal) -> None:
    assert _study(text, "journal") == [journal]


@pytest.mark.parametrize("text, country", [
    ("▲美国约有160万人确诊1型糖尿病。(图/达志/示意图)\n\n瑞典一名男子接受了基因编辑的胰岛细胞移植,12周后停用胰岛素。", "Sweden"),
    ("▲美國約有160萬人確診第1型糖尿病。（圖／達志／示意圖）\n\n瑞典一名男子接受了基因編輯的胰島細胞移植,12週後停用胰島素。", "Sweden"),
    ("Photo: a clinic in Boston, United States\n\nIn Sweden, a man with type 1 diabetes received gene-edited islet cells.", "Sweden"),
    # no caption: the first country named
    ("美国约有160万人确诊1型糖尿病。瑞典一名男子接受了胰岛细胞移植,12周后停用胰岛素。", "United States"),
])
def test_a_photo_captions_country_is_not_the_studys(text: str, country: str) -> None:
    assert _study(text, "country") == [country]


# --- a month without its year takes the news date's year: "今年3月…发表", "三月刊於", "《…》五月號" ----------------------
@pytest.mark.parametrize("text, date", [
    ("2025年04月12日 20:31\n\n今年3月,某医院团队在国际期刊《细胞再生报告》上发表论文,报告了一例1型糖尿病患者接受自体干细胞胰岛移植。",
     "2025-03"),
    ("2025年6月2日 星期一\n\n一名38歲第1型糖尿病女性接受自體幹細胞胰島移植,停用胰島素。研究三月刊於國際期刊。", "2025-03"),
    ("即時發放 2025年5月27日\n\n一項納入92名第2型糖尿病患者的隨機對照試驗,結果已刊登於《亞洲糖尿病期刊》五月號。", "2025-05"),
])
def test_a_month_without_its_year(text: str, date: str) -> None:
    assert _study(text, "pub_date") == [date]


@pytest.mark.parametrize("text", [
    "2025年6月2日\n\n30例2型糖尿病患者接受脐带间充质干细胞治疗,治疗后3月复查HbA1c。",     # 3月 = 3 months
    "2025年6月2日\n\n30例2型糖尿病患者接受脐带间充质干细胞治疗,3个月后HbA1c下降。",
])
def test_no_month_from_a_duration(text: str) -> None:
    assert _study(text, "pub_date") in ([None], [])


# --- header labels separated by " / ", an abstract's full-paper citation (blind11 round) -------------------------
@pytest.mark.parametrize("text, expected", [
    ("Received: 2 October 2025 / Accepted: 19 January 2026 / Published online: 9 March 2026", "2026-03-09"),
    ("Received: 11 May 2023 / Accepted: 2 August 2023 / Published online: 30 August 2023\n© The Author(s) 2023",
     "2023-08-30"),
    ("Full paper: Chin J Regen Endocrinol 2025;41(11):1021-1028.", "2025"),
    ("Full text: Stem Cell Res Ther 2022;13:45", "2022"),
    ("原文出处：中华糖尿病杂志 2023;15(5):401-406", "2023"),
    # no match: received and accepted dates alone, a full paper that is only promised
    ("Received: 2 October 2025 / Accepted: 19 January 2026", None),
    ("Full paper: in preparation (2027).", None),
])
def test_header_label_forms(text: str, expected: str | None) -> None:
    hit = header_date(_doc(text, "zh" if "原文" in text else "en"), 0, len(text))
    assert (hit.value["value"] if hit else None) == expected
