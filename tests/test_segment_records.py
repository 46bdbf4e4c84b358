"""Segmentation classes seen on blind11 (ERRORS.md 4.1): documents that list several studies in a layout of their own.

Each case was written for this file (zh, zh-Hant and en where the layout exists): exports of bibliographic records
(RIS, MEDLINE, EndNote, NoteExpress, CNKI), books of abstracts numbered by session ("P2-031"), labelled papers of a
blog ("Paper 1：", "论文二："), a digest's zero-padded items ("01 …"), items about another disease, Q&A answers that
report a cohort of their own, and a paragraph on the institution's standing programme. Traps must stay as they are.
"""
from __future__ import annotations

import re

import pytest
from segment_helpers import check_holders

from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.segment import (CASE_HEADING, OTHER_DISEASE, RECORD_START, ZERO_NUMBER, record_date,
                             segment)


def _doc(text: str):
    return to_document(SourceDoc(doc_id="r.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))


def _texts(text: str) -> list[str]:
    doc = _doc(text)
    return ["".join(doc.text[s:e] for s, e in m.spans) for m in segment(doc) if m.kind != "registry"]


def _check(text: str, needles: list[list[str]], absent: list[str] = ()) -> None:
    check_holders(_texts(text), needles, absent)


# --- exports of bibliographic records: one study per record -----------------------------------------
RIS = ("Provider: PubMed / Content: text/plain / "
       "TY  - JOUR / AN  - 40000001 / TI  - Cord blood MSC in type 2 diabetes: a randomised trial / PY  - 2025 / DA  - 2025/09 / "
       "AB  - METHODS: 80 adults with type 2 diabetes were randomly assigned to MSC or placebo. RESULTS: HbA1c fell from "
       "8.5% to 7.4%. / N1  - Epub 2025 Jul 2. / DO  - 10.1234/x.2025.01 / ER  - "
       " / TY  - JOUR / AN  - 40000002 / TI  - Islet transplantation in type 1 diabetes: 10-year outcomes / PY  - 2024 / "
       "AB  - Twenty-two recipients of donor islets were followed for 10 years; 9 remained insulin independent. / ER  - ")
MEDLINE = ("PMID- 40000011 / TI  - Bone marrow mononuclear cells in type 2 diabetes. / DP  - 2023 Mar / "
           "AB  - Thirty patients with type 2 diabetes received one intra-arterial infusion. / "
           "PMID- 40000012 / TI  - Adipose MSC in type 1 diabetes. / DP  - 2022 Nov / "
           "AB  - Twelve patients with type 1 diabetes received two infusions. HbA1c fell to 7.1%.")
ENDNOTE_ZH = ("%0 Journal Article / %T 脐带间充质干细胞治疗2型糖尿病的随机对照研究 / %D 2024 / "
              "%X 将60例2型糖尿病患者随机分为两组,治疗组HbA1c由8.6%降至7.3%。 / "
              "%0 Journal Article / %T 胰岛移植治疗1型糖尿病10例报告 / %D 2021 / %X 10例1型糖尿病患者接受供体胰岛移植。")
NOTEEXPRESS_HANT = ("{Reference Type}: Journal Article / {Title}: 臍帶間質幹細胞治療第2型糖尿病 / {Year}: 2025 / "
                    "{Abstract}: 共納入40名第2型糖尿病患者,糖化血色素由8.4%降至7.2%。 / "
                    "{Reference Type}: Journal Article / {Title}: 胰島移植治療第1型糖尿病 / {Year}: 2022 / "
                    "{Abstract}: 8名第1型糖尿病患者接受胰島移植。")


@pytest.mark.parametrize("text, needles", [
    (RIS, [["80 adults", "10.1234/x.2025.01"], ["Twenty-two recipients"]]),
    (MEDLINE, [["Thirty patients"], ["Twelve patients", "7.1%"]]),
    ("FN Clarivate Analytics Web of Science / VR 1.0 / PT J / AU Pei, J / TI Cord MSC in type 2 diabetes / PY 2025 / "
     "AB Eighty adults with type 2 diabetes were randomised; HbA1c fell by 1.1%. / ER / PT J / AU Tan, W / "
     "TI Allogeneic AD-MSC in type 2 diabetes / PY 2026 / AB Twenty adults received one infusion; HbA1c fell to 7.5%. / ER",
     [["Eighty adults", "1.1%"], ["Twenty adults", "7.5%"]]),
    (ENDNOTE_ZH, [["60例", "7.3%"], ["10例1型"]]),
    (NOTEEXPRESS_HANT, [["40名", "7.2%"], ["8名第1型"]]),
])
def test_an_export_of_records_gives_one_mention_per_record(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


def test_one_record_stays_one_mention() -> None:
    # no match: a single record is the document's one study (its abstract's "another trial" aside)
    one = RIS.split(" / TY  - JOUR / AN  - 40000002")[0]
    assert len(_texts(one)) == 1


def test_a_record_is_dated_by_its_date_tag() -> None:
    doc = _doc(RIS)
    first, second = [m.start() for m in re.finditer(r"(?m)^TY\s+-", doc.view)]
    hit = record_date(doc, first, second)
    assert hit is not None and hit.value["value"] == "2025-09"        # DA before PY, never the Epub note
    assert record_date(doc, second, len(doc.view)).value["value"] == "2024"
    med = _doc(MEDLINE)
    assert record_date(med, 0, med.view.index("40000012")).value["value"] == "2023-03"


@pytest.mark.parametrize("line", ["TY  - JOUR", "PMID- 31234567", "%0 Journal Article", "RT Journal Article",
                                  "{Reference Type}: Journal Article", "SrcDatabase-来源库: 期刊", "@article{pei2026qb7,",
                                  "PT J"])
def test_record_start_lines(line: str) -> None:
    assert RECORD_START.match(line)


@pytest.mark.parametrize("line", ["TY - the type of record", "PMID 31234567 (free full text)", "%0 of patients improved",
                                  "RT-PCR confirmed the infection", "@pei_jun on Weibo", "Type: Journal Article",
                                  "PT John and colleagues", "PT  - Journal Article"])
def test_record_start_traps(line: str) -> None:
    # no match
    assert not RECORD_START.match(line)


# --- books of abstracts, labelled papers, zero-padded digest items --------------------------------
@pytest.mark.parametrize("line", ["P2-031", "S1-004", "PU-0417", "OP-112", "P2-034 - withdrawn by the authors",
                                  "PU-0420（撤稿）", "Paper 1：桐溪医院的研究", "论文二：一项II期试验", "文獻1：臺北的研究",
                                  "Paper 2: the Penang pilot", "研究A：桐溪的对照试验", "Study B: the Penang pilot"])
def test_abstract_numbers_and_paper_labels_open_a_study(line: str) -> None:
    assert CASE_HEADING.match(line)


@pytest.mark.parametrize("line", ["COVID-19", "P2-031 patients were screened in total", "Papers 1 to 3 were excluded",
                                  "IL-6 rose", "Study a new approach to islets", "Study Aims: to test MSC",
                                  "Patient Advocacy groups welcomed it"])
def test_abstract_number_traps(line: str) -> None:
    # no match
    assert not CASE_HEADING.match(line)


@pytest.mark.parametrize("line", ["01 脐带MSC治疗2型糖尿病", "02｜VTL-308一年数据", "03 | Meta-analysis of MSC", "04 自體脂肪幹細胞"])
def test_zero_padded_items(line: str) -> None:
    assert ZERO_NUMBER.match(line)


@pytest.mark.parametrize("line", ["08:00 上海", "05 月 12 日", "01 2024", "0.5 mg"])
def test_zero_padded_traps(line: str) -> None:
    # no match
    assert not ZERO_NUMBER.match(line)


@pytest.mark.parametrize("text, needles", [
    ("APCTMD 2026 abstract book / P2-031 / AD-MSC IN TYPE 2 DIABETES: A CONTROLLED TRIAL / Methods: Sixty-four adults with "
     "type 2 diabetes chose AD-MSC (n = 42) or standard care (n = 22). HbA1c fell from 8.9% to 7.6%. / P2-032 / "
     "ALLOGENEIC AD-MSC IN TYPE 2 DIABETES: A PILOT / Methods: 20 adults with type 2 diabetes received one infusion of "
     "1 × 10^8 cells. HbA1c fell from 8.3% to 7.5%. / P2-033 / BONE MARROW MSC FOR KNEE OSTEOARTHRITIS IN ADULTS WITH "
     "OBESITY / Methods: 36 adults received BM-MSC. Eight patients in each group had type 2 diabetes. / "
     "P2-034 - withdrawn by the authors",
     [["Sixty-four", "8.9%"], ["20 adults", "8.3%"]]),
    ("【内分泌夜读】两篇研究放在一起看 / Paper 1：桐溪医院岑团队 / - n = 64（treatment 42 vs. control 22） / - Outcome："
     "HbA1c从8.9%降到7.6% / 我的看法：效果看上去不错，但selection bias很明显，依从性可能更好。 / Paper 2：Penang的pilot / - n = 20 / "
     "- Outcome：HbA1c 8.3% → 7.5% / 我的看法：没有对照，下降里有多少是regression to the mean，很难说。",
     [["n = 64", "8.9%"], ["n = 20", "8.3%"]]),
    ("细胞治疗周报｜本周4篇论文 / 编者按：本周挑出4篇新研究。 / 01 脐带MSC治疗2型糖尿病：II期随机双盲试验 / 共纳入108例2型糖尿病患者，"
     "随机分入两组，HbA1c下降1.3%[1]。 / 02 不用免疫抑制剂的干细胞胰岛 / 共12名1型糖尿病患者接受单次植入，HbA1c由7.9%降至6.6%[2]。 / "
     "03 iPSC来源多巴胺神经元治疗帕金森病（非糖尿病） / 日本一项试验中7名帕金森病患者接受了移植[3]。",
     [["108例", "1.3%"], ["12名", "6.6%"]]),
    ("細胞治療週報 / 01｜臍帶幹細胞治療第2型糖尿病 / 共納入80名第2型糖尿病患者，糖化血色素下降1.1%。 / "
     "02｜幹細胞胰島治療第1型糖尿病 / 共10名第1型糖尿病患者接受植入，糖化血色素由8.0%降至6.9%。 / "
     "03｜臍帶血治療腦中風 / 共30名中風患者接受輸注。",
     [["80名", "1.1%"], ["10名", "6.9%"]]),
])
def test_items_are_cut_and_another_disease_is_no_mention(text: str, needles: list[list[str]]) -> None:
    _check(text, needles, absent=["Osteoarthritis".upper(), "帕金森病患者", "中風患者"])


def test_an_item_on_a_diabetes_complication_stays() -> None:
    # no match: diabetic foot ulcer names diabetes; it is a study of the digest
    _check("周报 / 01 脐带MSC治疗2型糖尿病 / 共纳入108例2型糖尿病患者，HbA1c下降1.3%。 / 02 干细胞治疗糖尿病足溃疡 / "
           "共40例糖尿病足患者接受局部注射，溃疡愈合率75%。", [["108例"], ["40例"]])


@pytest.mark.parametrize("text", ["Parkinson's disease", "帕金森病", "膝骨關節炎", "heart failure", "脑卒中"])
def test_other_disease_words(text: str) -> None:
    assert OTHER_DISEASE.search(text)


# --- Q&A answers that report a cohort of their own ------------------------------------------------
@pytest.mark.parametrize("text, needles, absent", [
    ("胰島細胞移植Ｑ＆Ａ / Ｑ１：什麼是胰島細胞移植？ / 胰島移植是從捐贈者胰臟分離出胰島，輸入病人肝臟。 / "
     "Ｑ３：本院的治療成果如何？ / 本院至今共有６位第一型糖尿病病人接受治療，糖化血色素由８.６％降到６.４％。 / "
     "Ｑ４：聽說醫院也在做幹細胞胰島？ / 是的。已有４位病人接受自體幹細胞胰島植入，糖化血色素由８.１％降至６.８％。 / "
     "Ｑ６：等待時間多久？ / 本院目前等候名單有９位病人，平均等候約１年半。",
     [["6位", "8.6%"], ["4位", "8.1%"]], ["9位病人"]),
    ("胰岛移植问答 / 问1：什么是胰岛移植？ / 胰岛移植是把胰岛输入肝脏。 / 问2：本院做了多少例？ / 本院已为12名1型糖尿病患者"
     "实施胰岛移植，8人停用胰岛素。 / 问3：干细胞胰岛呢？ / 本院团队已为3名患者植入干细胞来源胰岛，HbA1c由8.2%降至6.9%。",
     [["12名", "8人"], ["3名", "6.9%"]], []),
    ("Islet transplant FAQ / Q1: What is an islet transplant? / Islets from a donor pancreas are infused into the liver. / "
     "Q2: What are our results? / Since 2015, 14 patients with type 1 diabetes have been treated here; 9 are off insulin. / "
     "Q3: What about stem-cell islets? / Our team implanted stem-cell-derived islets in 3 patients; HbA1c fell to 6.9%. / "
     "Q4: How long is the wait? / There are 11 patients on our waiting list.",
     [["14 patients", "9 are off"], ["3 patients", "6.9%"]], ["11 patients"]),
])
def test_answers_with_their_own_cohort_are_studies(text: str, needles: list[list[str]], absent: list[str]) -> None:
    _check(text, needles, absent)


def test_questions_without_cohorts_stay_one_study() -> None:
    # no match: one study answered under several questions
    _check("關於幹細胞胰島試驗 / 本院團隊為4位第一型糖尿病病人植入自體幹細胞胰島，糖化血色素由8.1%降至6.8%。 / "
           "Q1：費用多少？ / 受試者不需付費。 / Q2：可以報名嗎？ / 目前尚未開放申請。", [["4位", "8.1%"]])


# --- the institution's standing programme, told after the reported study --------------------------
@pytest.mark.parametrize("text, needles", [
    ("TAINAN — Four adults with type 1 diabetes received islets made from their own blood at Pushan Hospital; HbA1c fell "
     "from 8.1% to 6.8%. / The trial is registered as NCT06741258. / Pushan Hospital has offered donor islet "
     "transplantation since 2019. Six patients with type 1 diabetes have received islets from deceased donors there. / "
     "Taiwan has about 14,000 people with type 1 diabetes.",
     [["Four adults", "8.1%"], ["Six patients"]]),
    ("璞山附醫今天公布第一期試驗成果，4名第一型糖尿病患者植入自體iPSC胰島細胞，糖化血色素從8.1%降到6.8%。 / "
     "邱建廷說，璞山附醫自2019年起也執行屍體捐贈者胰島移植，至今已有6名第一型糖尿病患者接受治療。 / 據統計，台灣第一型糖尿病患者約1.4萬人。",
     [["4名", "8.1%"], ["6名"]]),
    ("某医院公布I期试验结果：4名1型糖尿病患者植入自体干细胞胰岛，HbA1c从8.1%降到6.8%。 / "
     "该院自2016年起开展供体胰岛移植，已为15名1型糖尿病患者实施手术，其中7人停用胰岛素。",
     [["4名", "8.1%"], ["15名", "7人"]]),
])
def test_a_standing_programme_paragraph_is_a_study_of_its_own(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


def test_a_programme_that_is_the_report_stays_one() -> None:
    # no match: the programme in the first paragraph is the document's study
    _check("Pushan Hospital has offered donor islet transplantation since 2019. Six patients with type 1 diabetes have "
           "received islets; four were insulin-free at one year. / HbA1c fell from 8.6% to 6.4%.",
           [["Six patients", "8.6%"]])


def test_zero_padded_parts_of_one_article_stay_one_study() -> None:
    # no match: "01 一篇论文引发关注 / 02 患者：… / 03 结果：…" number the parts of one case story
    _check("用自己的细胞造胰岛 / 01 一篇论文引发关注 / 今年3月，某医院团队在《细胞》发表论文，报告了一例1型糖尿病患者。 / "
           "02 患者：病程16年 / 患者是一位38岁的女士，患1型糖尿病已有16年。 / 03 结果：第75天停用胰岛素 / "
           "移植后第75天停用胰岛素，HbA1c降至5.8%。 / 04 专家观点 / 专家表示这只是一个病例。", [["38岁", "5.8%"]])


# --- numbered sections whose cohort is told at length or colloquially ------------------------------
@pytest.mark.parametrize("text, needles", [
    ("干细胞治疗1型糖尿病进展到哪一步了？ / 一、台湾：用自己的血细胞做成胰岛 / 今年12月初，某医院公布了一项I期试验：血细胞重编程成iPSC再诱导成胰岛，"
     "4名病程11到29年的1型糖尿病患者，追踪1年，2人停用胰岛素。 / 二、美国：装在胶囊里的干细胞胰岛 / 某公司的产品是胚胎干细胞来源的胰岛细胞，"
     "研究一共12个人，高剂量组9人，HbA1c降到6.6%。 / 三、我的看法 / 两种路线都只有十几个人的数据。",
     [["4名病程", "2人停用"], ["12个人", "6.6%"]]),
    ("幹細胞治療第1型糖尿病到哪了？ / 一、台灣：自己的血球變胰島 / 某醫院公布第一期試驗，8位罹病十年以上的第1型糖尿病病人接受植入，3人停用胰島素。 / "
     "二、美國：膠囊裡的胰島 / 某公司的試驗總共10個人，糖化血色素降到6.9%。 / 三、我的看法 / 都還很早期。",
     [["8位", "3人停用"], ["10個人", "6.9%"]]),
])
def test_ordinal_sections_with_long_or_colloquial_cohorts_are_studies(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text", [
    "Paper 1：A医院 / 我的看法：n = 64，HbA1c从8.9%降到7.6%，效果看上去不错。 / Paper 2：B医院的pilot / 我的看法：n = 20，HbA1c 8.3% → "
    "7.5%，没有对照。 / Take-home message： / 1. Penang团队说2027年要做120例的RCT，值得期待。",
    "Paper 1: Hospital A / In my view, n = 64 and HbA1c fell from 8.9% to 7.6%, which looks good. / Paper 2: Hospital B pilot / "
    "In my view, n = 20 and HbA1c fell from 8.3% to 7.5%, without controls. / Key points / 1. The team plans a 120-patient RCT in 2027.",
])
def test_a_take_home_section_closes_the_last_paper(text: str) -> None:
    _check(text, [["8.9%"], ["8.3%"]], absent=["120"])


@pytest.mark.parametrize("text, trial", [
    ("2026年，某团队的II期随机试验纳入108例2型糖尿病患者，HbA1c下降1.3%。 / 此外，多项同类试验仍在进行中，如评估胎盘间充质干细胞的"
     "NCT06620417（计划入组80例）。", "NCT06620417"),
    ("2026年，某團隊的II期隨機試驗納入108名第2型糖尿病患者，糖化血色素下降1.3%。 / 此外，還有數項試驗正在進行，像是評估胎盤幹細胞的"
     "NCT06620418。", "NCT06620418"),
])
def test_a_registry_id_given_as_an_example_is_no_part_of_the_study(text: str, trial: str) -> None:
    doc = _doc(text)
    studies = [m for m in segment(doc) if m.kind != "registry"]
    assert len(studies) == 1 and trial not in "".join(doc.text[s:e] for s, e in studies[0].spans)
    assert any(m.kind == "registry" for m in segment(doc))


def test_a_registry_id_of_the_study_itself_stays() -> None:
    # no match: "如" of "如期" / the study's own id
    doc = _doc("某团队的II期随机试验（NCT06620419）纳入108例2型糖尿病患者，如期公布结果，HbA1c下降1.3%。")
    studies = [m for m in segment(doc) if m.kind != "registry"]
    assert len(studies) == 1 and "NCT06620419" in "".join(doc.text[s:e] for s, e in studies[0].spans)


@pytest.mark.parametrize("ref, dated", [
    ("[2] Vantorel Therapeutics. Third quarter 2026 financial results and business update[EB/OL]. (2026-11-06).", False),
    ("[2] 张三. 干细胞治疗糖尿病获突破[N]. 健康报, 2026-03-02(5).", False),
    ("[2] 岑立华, 赵红. 自体脂肪间充质干细胞治疗2型糖尿病的非随机对照研究[J]. 中国再生医学与内分泌杂志, 2025, 41(11): 1021-1028.", True),
])
def test_a_web_or_newspaper_entry_gives_no_publication_date(ref: str, dated: bool) -> None:
    text = ("周报 / 01 干细胞胰岛治疗1型糖尿病 / 共12名1型糖尿病患者接受单次植入，HbA1c由7.9%降至6.6%[1]。 / "
            "02 自体脂肪干细胞治疗2型糖尿病 / 将64例2型糖尿病患者分为两组，HbA1c由8.9%降至7.6%[2]。 / 参考文献 / "
            "[1] Li X, et al. Islets in type 1 diabetes[J]. Cell Rep Med, 2024, 5(2): 101-110. / " + ref)
    doc = _doc(text)
    second = [m for m in segment(doc) if m.kind != "registry"][1]
    assert any(h.field == "pub_date" for h in second.hits) == dated


@pytest.mark.parametrize("text, kept, dropped", [
    ("[新聞] 自體血球變胰島 4名糖友 / 璞山附醫公布第一期試驗，4名第1型糖尿病患者植入自體胰島細胞，糖化血色素從8.1%降到6.8%。 / "
     "※ 發信站: 批踢踢實業坊(ptt.cc) / 推 bloodsugar: 只有4個人...先觀望   12/01 16:05 / "
     "→ pancreas42: 美國那家VTL-308 高劑量6億顆 9個有5個不用打   12/01 16:31 / 噓 skeptic_tw: 4億顆細胞要做四個月   12/01 16:11",
     "8.1%", ["6億顆", "只有4個人"]),
    ("[新闻] 干细胞胰岛 / 某医院公布I期试验，4名1型糖尿病患者植入干细胞胰岛，HbA1c从8.1%降到6.8%。 / "
     "推 t1dmom: 我儿子A1c 7.6 好希望能普及   12/01 16:20 / → bloodsugar: 我自己努力一年才降0.5   12/01 17:15",
     "8.1%", ["7.6", "0.5"]),
])
def test_ptt_push_comments_are_no_part_of_the_report(text: str, kept: str, dropped: list[str]) -> None:
    _check(text, [[kept]], absent=dropped)


def test_one_arrow_line_is_no_thread() -> None:
    # no match: a single "→" line in an article is its text
    _check("某医院公布I期试验结果。 / → 结果：4名1型糖尿病患者HbA1c从8.1%降到6.8%。", [["8.1%"]])


# --- items of a thread or roundup opened by a sequence word --------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("Thread by @endo · 24 Sep 2026 / 1/ Live from the congress. Two talks worth your time. / 2/ First up: Prof Nie with the "
     "48-wk data from the CXM-12 phase 2. 84 randomised T2D, 42 v 42. / 3/ A1c at wk48: 8.7 → 7.5% with cells. / "
     "4/ Next: Heyu Biomedical HY-ISL01, ESC-derived islets in a device. Phase 1/2 in T1D, 15 pts. / "
     "5/ High-dose cohort: A1c 8.1% → 7.0%.",
     [["CXM-12", "8.7"], ["HY-ISL01", "8.1%"]]),
    ("会议速递 / 首先登场的是：某医院的XY-101 II期研究，纳入80例2型糖尿病患者。 / 结果HbA1c由8.6%降至7.4%。 / "
     "接下来是：某公司的ZK-22 I期研究，12名1型糖尿病患者接受植入。 / HbA1c由8.0%降至6.9%。",
     [["XY-101", "8.6%"], ["ZK-22", "6.9%"]]),
])
def test_sequence_words_open_the_items_of_a_thread(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


def test_sequence_words_in_prose_stay_one_study() -> None:
    # no match: "First, … Next: …" telling the steps of one study
    _check("A phase 2 trial of XY-101 enrolled 80 adults with type 2 diabetes. / First, the team expanded the cells for "
           "three weeks. / Next: the cells were given twice; HbA1c fell from 8.6% to 7.4%.", [["80 adults", "8.6%"]])


# --- a review paragraph that only describes cited studies --------------------------------------------
REVIEW = ("3 临床研究进展 / 3.1 间充质干细胞治疗2型糖尿病 / 近年来，相关随机对照试验数量明显增加。张伟等[1]于2026年发表的荟萃分析共纳入"
          "23项随机对照试验、1184例受试者，HbA1c较对照组多降低0.62%。李明等[2]开展的随机对照试验将90例患者分为两组，24周时HbA1c分别"
          "下降1.1%和0.3%。需要指出的是，上述研究多数随访时间不超过12个月。 / 参考文献 / "
          "[1] Zhang W, et al. MSC therapy in type 2 diabetes: a meta-analysis[J]. Cell Ther Metab, 2026, 9: 145-152. "
          "DOI: 10.4588/ctm.2026.0299. / [2] 李明. 脐带间充质干细胞治疗2型糖尿病的随机对照研究[J]. 中国糖尿病杂志, 2026, 7(5): 301-307.")
REVIEW_HANT = ("3 臨床研究進展 / 3.1 間質幹細胞治療第2型糖尿病 / 近年來，相關隨機對照試驗數量明顯增加。張偉等[1]於2026年發表的薈萃分析共納入"
               "23項隨機對照試驗、1184名受試者，HbA1c較對照組多降低0.62%。李明等[2]開展的隨機對照試驗將90名患者分為兩組，24週時HbA1c分別"
               "下降1.1%和0.3%。需要指出的是，上述研究多數追蹤時間不超過12個月。 / 參考文獻 / "
               "[1] Zhang W, et al. MSC therapy in type 2 diabetes: a meta-analysis[J]. Cell Ther Metab, 2026, 9: 145-152. "
               "DOI: 10.4588/ctm.2026.0299. / [2] 李明. 臍帶間質幹細胞治療第2型糖尿病的隨機對照研究[J]. 臺灣糖尿病雜誌, 2026, 7(5): 301-307.")


@pytest.mark.parametrize("text", [REVIEW, REVIEW_HANT])
def test_a_review_paragraph_is_no_study_of_its_own(text: str) -> None:
    doc = _doc(text)
    ms = segment(doc)
    assert [m.kind for m in ms].count("citation") == 2
    assert not any(m.kind == "document" for m in ms)


@pytest.mark.parametrize("text", [REVIEW, REVIEW_HANT])
def test_a_cited_study_reads_its_section_heading_for_what_it_is_about(text: str) -> None:
    doc = _doc(text)
    first = next(m for m in segment(doc) if m.kind == "citation")
    assert first.context and "3.1" in doc.text[first.context[0][0]:first.context[0][1]]
    assert first.context_fields == frozenset({"condition", "cell_type"})


@pytest.mark.parametrize("text, needles", [
    ("某医院公布I期试验结果：4名1型糖尿病患者植入自体干细胞胰岛，HbA1c从8.1%降到6.8%。 / "
     "该院2016年起开展供体胰岛移植，已为15名1型糖尿病患者实施手术，其中7人停用胰岛素。", [["4名", "8.1%"], ["15名", "7人"]]),
    ("A hospital reported a phase 1 trial: four adults with type 1 diabetes received stem-cell islets; HbA1c fell from 8.1% "
     "to 6.8%. / Since 2015, the centre has performed islet transplants from deceased donors in 30 patients with type 1 "
     "diabetes, 12 of whom stopped insulin.", [["four adults", "8.1%"], ["30 patients", "12 of whom"]]),
])
def test_more_standing_programme_wordings(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("line, lead", [
    ("2/ First up: Prof Nie with the CXM-12 phase 2", True), ("5/ Next: Heyu Biomedical HY-ISL01", True),
    ("(3/10) Next - the HY-ISL01 device", True), ("首先登场的是：XY-101", True), ("接下来是：ZK-22 I期研究", True),
    # no match: a compound word or prose
    ("First-in-human Phase I clinical trial of UP421", False), ("First, the team expanded the cells", False),
    ("Next-generation islets from XY-101", False), ("首先，研究人员从患者身上抽取血液", False),
])
def test_sequence_leads(line: str, lead: bool) -> None:
    from extract.segment import SEQUENCE_LEAD
    assert bool(SEQUENCE_LEAD.match(line)) == lead


REVIEW_EN = ("3 Clinical progress / 3.1 Mesenchymal stem cells in type 2 diabetes / Randomised trials have multiplied. "
             "Zhang et al. [1] pooled 23 randomised trials with 1184 participants in a 2026 meta-analysis; HbA1c fell by 0.62% "
             "more than with control. Li and colleagues [2] randomised 90 patients into two groups; HbA1c fell by 1.1% and "
             "0.3% at 24 weeks. Most of these studies followed patients for 12 months or less. / References / "
             "1. Zhang W, Ho L. MSC therapy in type 2 diabetes: a meta-analysis. Cell Ther Metab. 2026;9:145-152. "
             "doi:10.4588/ctm.2026.0299 / 2. Li M. Umbilical cord MSC in type 2 diabetes. Chin J Diabetes. 2026;7:301-307.")


def test_et_al_before_a_bracket_marker_keeps_the_citing_sentence_whole() -> None:
    # the sentencizer cut "Zhang et al. [" | "1] pooled…": the cited studies were never found
    doc = _doc(REVIEW_EN)
    ms = segment(doc)
    assert [m.kind for m in ms] == ["citation", "citation"]
    texts = ["".join(doc.text[s:e] for s, e in m.spans) for m in ms]
    assert "1184" in texts[0] and "90 patients" in texts[1]


def test_a_sentence_after_et_al_stays_a_sentence() -> None:
    # no match: "…as reported by Li et al. The next trial…" are two sentences
    from extract import nlp
    from extract.segment import _sentences
    for text in ("The method was first reported by Li et al. The next trial enrolled 40 patients with type 1 diabetes.",
                 "Islets were infused [3]. 12 patients stopped insulin."):
        doc = _doc(text)
        assert _sentences(doc, 0, len(doc.text)) == list(nlp.sentences(doc.text, doc.lang))


@pytest.mark.parametrize("text, needles", [
    ("Trial FAQ / Q1: How many patients joined? / Twelve patients with type 1 diabetes received the cells in our trial. / "
     "Q2: What happened to them? / Eight of the 12 patients stopped insulin; HbA1c fell to 6.5%. / Q3: Is it safe? / "
     "No serious adverse events were seen.", [["Twelve patients", "Eight of the 12", "6.5%"]]),
    ("試驗問答 / 問1：有多少人參加？ / 本院團隊的試驗共有12位第1型糖尿病病人接受植入。 / 問2：結果如何？ / "
     "12人中有8人停用胰島素，糖化血色素降到6.5%。", [["12位", "8人停用", "6.5%"]]),
])
def test_answers_about_one_cohort_stay_one_study(text: str, needles: list[list[str]]) -> None:
    # no match: the second answer tells a part of the first answer's cohort
    _check(text, needles)
