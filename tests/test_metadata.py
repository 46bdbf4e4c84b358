"""Study metadata: dates at the stated precision, journal vs title, institution, country, aliases."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.metadata import alias_hits, country_hit, find_date, header_date, intro_hits


def _doc(text: str, lang: str = "zh") -> Document:
    return Document(doc_id="t.txt", text=text, view=text, lang=lang,
                    source=SourceDoc(doc_id="t.txt", raw_text=text, source_format="txt"))


@pytest.mark.parametrize("text, hint, expected", [
    ("2024年3月8日,某大学在《柳叶刀》上发表", None, "2024-03-08"),
    ("2023年11月2号,研究团队报告", None, "2023-11-02"),
    ("2024年9月,国家药监局受理了该申请", None, "2024-09"),
    ("3月8日,某大学在期刊上发表", "2024", "2024-03-08"),
    ("2022年《柳叶刀》子刊报道1例患者", None, "2022"),
    ("On March 8, 2024, researchers published", None, "2024-03-08"),
    ("published 8 March 2024 in Diabetes Care", None, "2024-03-08"),
    ("published in Sept. 2023 in Cell", None, "2023-09"),
    ("Published online 3rd June 2021", None, "2021-06-03"),
    # an English month-day takes the hint's year (the news date), like "3月8日"
    ("The study, published January 6 in Cell", "2025", "2025-01-06"),
    ("published on March 12 in Nature", "2024", "2024-03-12"),
    # no date: a month-day without a known year, a range of years is not a date, a count
    ("3月8日,某大学在期刊上发表", None, None),
    ("The study, published January 6 in Cell", None, None),
    ("from June 3-5 at the congress", "2024", None),
    ("纳入2009年11月至2010年8月", None, "2009-11"),   # earliest date wins; intro sentences rarely hold ranges
    ("共纳入2025名患者", None, None),
    ("in 2021 patients were enrolled", None, None),
])
def test_find_date(text: str, hint: str | None, expected: str | None) -> None:
    got = find_date(text, 0, len(text), year_hint=hint)
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Authors: A\nPublication Year :\n2020\nAbstract", "2020"),
    ("中华某某杂志\n2011年\n28期\n1966-1969", "2011"),
    ("Published: 2019-04-02", "2019-04-02"),
    # citation line, "Published:" labels, Epub, Chinese volume headers: an issue citation line that names
    # the month is the publication of record and wins over Epub/"Published online"; otherwise (a year-only
    # citation too) the most precise date wins
    ("Diabetes Metab J. 2024 Mar 12;48(2):215-227. doi: 10.1/x", "2024-03-12"),
    ("Diabetes Care. 2023 Jun;46(6):1123-1131. doi: 10.2337/x. Epub 2023 Apr 5.", "2023-06"),
    ("Stem Cell Res Ther. 2022; 13: 512.\nPublished online 2022 Oct 18.", "2022-10-18"),
    ("JAMA. 2025;333(16):1452-1454. doi:10.1001/jama.2025.2107\nPublished Online: March 27, 2025.", "2025-03-27"),
    ("JAMA. 2025 Apr;333(16):1452-1454.\nPublished Online: March 27, 2025.", "2025-04"),
    # preprint servers
    ("doi: https://doi.org/10.1101/2025.08.09.25333412\nThis version posted August 11, 2025.", "2025-08-11"),
    ("SSRN working paper\nPosted: 3 March 2024\nAbstract", "2024-03-03"),
    # no match: a post shared on social media is not a publication date
    ("患者说她在2024年发帖 The clip was posted on social media last week.", None),
    ("Published online 2022 Oct 18. doi: 10.1/x", "2022-10-18"),
    ("Article | Open access | Published: 12 March 2024", "2024-03-12"),
    ("A. Author. Journal of X. Published 2022-10-04.", "2022-10-04"),
    ("《中国组织工程研究》2023年第27卷第12期", "2023"),
    ("出版日期:2021年5月", "2021-05"),
    # a digest's journal label line: "期刊：X（2024年3月）", "Journal: X (March 2024)"
    ("論文：MSC therapy\n期刊：Frontiers in Endocrinology（2024年3月）", "2024-03"),
    ("Journal: Diabetologia (July 2024)", "2024-07"),
    ("期刊:Kidney International(2023年)", "2023"),
    # no header date: prose "published in", a site's posting date
    ("The trial was published in 2020 in Cell.", None),
    ("发布日期:2023年10月9日 某某中心", None),
    # no header date: a year inside prose, a dateline is not a publication header
    ("The trial ran from 2015 to 2018.", None),
    ("期刊：Cell（第12卷）", None),
    ("date 2025-11-30 新闻正文", None),
])
def test_header_date(text: str, expected: str | None) -> None:
    hit = header_date(_doc(text), 0, len(text))
    assert (hit.value["value"] if hit else None) == expected


@pytest.mark.parametrize("text, field, expected", [
    # journal after 在/期刊, title after 关于/题为/名为
    ("5月19日,泰国科研人员在国际期刊《糖尿病研究》上发表了一篇关于《骨髓干细胞治疗2型糖尿病的随机对照试验》的研究成果。",
     "journal", "糖尿病研究"),
    ("5月19日,泰国科研人员在国际期刊《糖尿病研究》上发表了一篇关于《骨髓干细胞治疗2型糖尿病的随机对照试验》的研究成果。",
     "title", "骨髓干细胞治疗2型糖尿病的随机对照试验"),
    ("5月19日,泰国科研人员在国际期刊《糖尿病研究》上发表了一篇关于《骨髓干细胞治疗2型糖尿病的随机对照试验》的研究成果。",
     "country", "Thailand"),
    ("2024年1月5日,浙江大学医学院附属第一医院在《中华内分泌代谢杂志》发表题为“干细胞治疗糖尿病足的临床研究”的论文。",
     "institution", "浙江大学医学院附属第一医院"),
    ("2024年1月5日,浙江大学医学院附属第一医院在《中华内分泌代谢杂志》发表题为“干细胞治疗糖尿病足的临床研究”的论文。",
     "title", "干细胞治疗糖尿病足的临床研究"),
    ("近日,國際期刊《細胞》發表了一篇名為《幹細胞來源胰島移植》的研究。", "journal", "細胞"),
    ("A study published in the Journal of Clinical Endocrinology and Metabolism on Monday showed", "journal",
     "Journal of Clinical Endocrinology and Metabolism"),
    ("Researchers at the Karolinska Institute in Stockholm reported", "institution", "Karolinska Institute"),
])
def test_intro_hits(text: str, field: str, expected: str) -> None:
    hits = {h.field: h for h in intro_hits(_doc(text), 0, len(text), year_hint="2024")}
    assert hits[field].value["value"] == expected
    if field != "country":   # a country is a normalised name; other values are quotes
        assert text[hits[field].start:hits[field].end] == expected


def test_journal_is_not_the_title() -> None:
    text = "研究团队发表了一篇题为《间充质干细胞治疗糖尿病的研究进展与展望》的综述。"
    fields = {h.field: h.value["value"] for h in intro_hits(_doc(text), 0, len(text))}
    assert fields.get("title") == "间充质干细胞治疗糖尿病的研究进展与展望"
    assert "journal" not in fields


@pytest.mark.parametrize("text, expected", [
    ("越南河内的研究人员", "Vietnam"),
    ("馬來西亞研究團隊", "Malaysia"),
    ("Researchers in Hanoi, Vietnam", "Vietnam"),
    ("我国科研人员", "China"),
    # no country: an association name, a word that contains a country code
    ("presented at the American Diabetes Association", None),
    ("the UKPDS cohort", None),
])
def test_country(text: str, expected: str | None) -> None:
    hit = country_hit(_doc(text), 0, len(text))
    assert (hit.value["value"] if hit else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("The therapy, called zimislecel (previously VX-880), is an islet product.", ["VX-880", "zimislecel"]),
    ("国家药监局受理“E10I 人脐带间充质干细胞注射液”的申请", ["E10I"]),
    ("基于胚胎干细胞的VC-02正在开发", ["VC-02"]),
    # no alias: cytokines, disease codes, HbA1c, a registry id
    ("IL-6、IL-17、TNF-α 和 GLP-1 水平下降", []),
    ("T2DM 与 T1DM 患者 HbA1c 下降", []),
    ("NCT-2023 is not an id; COVID-19 was excluded", []),
])
def test_aliases(text: str, expected: list[str]) -> None:
    got = sorted(h.value["value"] for h in alias_hits(_doc(text), [(0, len(text))]))
    assert got == sorted(expected)


# --- round 3: publication dates as headers, reference entries and future dates ---------------

@pytest.mark.parametrize("text, expected", [
    # a version / ahead-of-print label is the online publication date
    ("Cochrane Library | Review\nVersion published: 12 May 2025 Version history", "2025-05-12"),
    ("Diabetes Care 2025;48(3):412–421\n...\nPublished ahead of print at https://care.example.org on 7 January 2025.",
     "2025-01-07"),
    ("Epub ahead of print 2024 Feb 2.", "2024-02-02"),
    # a press-release label with the date on the next line, day-month-year with hyphens
    ("JOURNAL\nCell Reports Medicine\n\nARTICLE PUBLICATION DATE\n18-Jun-2024\n", "2024-06-18"),
    ("Publication date: 3-Mar-2023", "2023-03-03"),
    # a Chinese journal's issue line with a month; a thesis record's year
    ("中国实用内科杂志 2024年8月 第44卷 第8期  Chinese Journal of Practical Internal Medicine", "2024-08"),
    ("中華某某醫學雜誌 2023年5月 第12卷 第3期", "2023-05"),
    ("【作者】 林某\n【作者基本信息】 某某医科大学,儿科学,2023,硕士\n【摘要】 目的", "2023"),
    ("【学位授予年度】 2022", "2022"),
    # no date: a received date, a label that is not about publication, an ahead-of-print note without a date
    ("(收稿日期:2024-03-11)", None),
    ("Data cut-off date: 2 May 2025", None),
    ("Published ahead of print.", None),
    ("【作者基本信息】 某某大学,2019级学生", None),
])
def test_header_date_round3(text: str, expected: str | None) -> None:
    hit = header_date(_doc(text, "en" if text.isascii() else "zh"), 0, len(text))
    assert (hit.value["value"] if hit else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("NEWS RELEASE 18-JUN-2024", "2024-06-18"),
    ("posted 5-Sep-2023 by staff", "2023-09-05"),
    # not a date: a code, a range of days
    ("Protocol 18-ABC-2024", None),
])
def test_find_date_dashed(text: str, expected: str | None) -> None:
    got = find_date(text, 0, len(text))
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize("text, expected", [
    # a date announced for the future is not when the study was published
    ("國內一項試驗(NCT06288140)已於去年底開始收案,結果預計2027年公布。", None),
    ("一项多中心试验计划于2026年启动,结果有望2028年发表。", None),
    ("Results are expected in 2027, the company said.", None),
    # a stated publication date is kept
    ("研究已於2025年3月11日在線發表於《柳葉刀》。", "2025-03-11"),
    ("2024年5月,该团队在《细胞》发表研究,预计今年启动后续试验。", "2024-05"),
    ("The study was published in 2024 and a larger trial is expected.", "2024"),
])
def test_intro_date_not_future(text: str, expected: str | None) -> None:
    hits = [h for h in intro_hits(_doc(text), 0, len(text)) if h.field == "pub_date"]
    assert (hits[0].value["value"] if hits else None) == expected


@pytest.mark.parametrize("entry, expected", [
    # NLM entries give the day or month after the year
    ("[1] Okafor CN, Lindgren M, Haddad R, et al. Mesenchymal stromal cell therapy for adults with type 2 diabetes. "
     "Cochrane Database Syst Rev. 2025 May 12;5:CD015732.", "2025-05-12"),
    ("2. Lee SH, Park JY, Choi MK, et al. Adipose-derived stem cells in type 2 diabetes: a randomized trial. "
     "Stem Cells Transl Med. 2024 Nov;13(11):1102-1113. doi:10.1093/stcltm/szae088", "2024-11"),
    ("Zhou W, Qiao Y, Shao M, et al. Umbilical cord MSCs in new-onset type 1 diabetes. Lancet Diabetes Endocrinol. "
     "2025 Mar 11. doi:10.1016/S2213-8587(25)00041-6", "2025-03-11"),
    # the year only: a volume after the year, GB/T and APA styles
    ("1. Whitcombe EJ, Holmqvist A, Raman P, et al. Autologous BM-MSCs in type 1 diabetes. Diabetes Care. "
     "2025;48(3):412-421.", "2025"),
    ("[3] 唐某,徐某.脐带间充质干细胞治疗2型糖尿病的研究进展[J].中华内分泌代谢杂志,2023,39(6):530-535.", "2023"),
    ("Smith, J., & Lee, K. (2022). Stem cells for diabetes. Diabetes Research, 12(3), 45-60.", "2022"),
])
def test_reference_date(entry: str, expected: str) -> None:
    from extract.metadata import reference_hits
    from extract.references import parse_entry
    ref = parse_entry(entry, 0, len(entry))
    hits = [h for h in reference_hits(ref, year=True) if h.field == "pub_date"]
    assert hits[0].value["value"] == expected
    assert entry[hits[0].start:hits[0].end].startswith(expected[:4])


# --- round 5 (blind4): a reprint's source line with a comma before the volume; a publication verb's date
# beats an earlier period date in an intro sentence; a month abbreviation does not end the sentence ---------
@pytest.mark.parametrize("text, expected", [
    ("原載:中華內分泌代謝雜誌,2024年,第40卷第6期,頁478-484", "2024"),
    ("原载:中华内分泌代谢杂志,2024年,第40卷第6期,页478-484", "2024"),
    ("中华内科杂志 2023年，第62卷", "2023"),
    # no match: a year followed by a count, not a volume
    ("截至2024年,共120名患者", None),
])
def test_header_date_volume_after_comma(text: str, expected: str | None) -> None:
    hit = header_date(_doc(text), 0, len(text))
    assert (hit.value["value"] if hit else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("高雄一家醫學中心回顧2019至2023年間的45名患者,結果於2025年4月刊登在《台灣醫誌》", "2025-04"),
    ("深圳一家医院回顾2019至2023年间的45名患者,结果于2025年4月发表在《中华内科杂志》", "2025-04"),
    ("Doctors reviewed 45 patients treated in 2019-2023; the results were published in April 2025 in JFMA", "2025-04"),
    # the first date stays when no publication verb governs a later one
    ("2024年3月5日,某医院团队在《中华糖尿病杂志》发表研究,纳入2019年的60例患者", "2024-03-05"),
    ("2023年,某医院为40例患者输注干细胞,2024年随访结束", "2023"),
])
def test_intro_date_published_verb_wins(text: str, expected: str) -> None:
    lang = "en" if text.isascii() else "zh"
    hits = [h for h in intro_hits(_doc(text, lang), 0, len(text)) if h.field == "pub_date"]
    assert hits and hits[0].value["value"] == expected
