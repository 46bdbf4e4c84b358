"""Segmentation classes met in blind12 (mainstream news, PubMed pages, digests), each with examples of its own.

Written for this file in simplified Chinese, traditional Chinese and English side by side: a team's earlier review
told inside its update, a dated paper with its team as the scene of a second case, a regional turn ("國內方面,") to
a local study, a roundup paragraph on another product (even with the same cohort size), a cited study its site ran,
a registered or next-phase trial still to come, and a wire story's competitor counted in words. Traps stay one
mention.
"""
from __future__ import annotations

import pytest
from segment_helpers import check_holders

from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.segment import PLANNED_STUDY, PRIOR_STUDY, STUDY_CITE, segment
from extract.segment_openers import cohort_numbers


def _texts(text: str) -> list[str]:
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))
    return ["".join(doc.text[s:e] for s, e in m.spans) for m in segment(doc) if m.kind != "registry"]


def _check(text: str, needles: list[list[str]], absent: list[str] = ()) -> None:
    check_holders(_texts(text), needles, absent)


# --- a team's earlier review, told inside the update that replaces it ----------------------------------
@pytest.mark.parametrize("text, found", [
    ("We updated our 2023 meta-analysis, which had pooled 12 trials", True),
    ("This extends their 2021 systematic review of 9 trials", True),
    ("本研究更新了团队2023年的荟萃分析,当时纳入12项试验", True),
    ("本次為團隊此前2023年發表的統合分析的更新版", True),
    # no match: the review itself, another group's review
    ("We performed a 2026 update of the evidence", False),
    ("A 2023 meta-analysis by another group pooled 12 trials", False),
    ("本研究为2026年的荟萃分析", False),
])
def test_earlier_review_cue(text: str, found: bool) -> None:
    assert bool(PRIOR_STUDY.search(text)) is found


@pytest.mark.parametrize("text, needles", [
    ("Stem cells for type 2 diabetes: an updated meta-analysis / Background: trials are small. We updated our 2023 "
     "meta-analysis, which had pooled 12 trials with 702 participants and found an HbA1c reduction of 0.54%. Twenty-one "
     "trials with 1,318 participants met the criteria. HbA1c fell by 0.66%.",
     [["1,318", "0.66%"], ["702 participants", "0.54%"]]),
    ("干细胞治疗2型糖尿病荟萃分析更新 / 本研究更新了团队2023年的荟萃分析,当时纳入12项试验、702名受试者,HbA1c降低0.54%。"
     "本次共纳入21项随机对照试验、1318名受试者,HbA1c降低0.66%。", [["1318名", "0.66%"], ["702名", "0.54%"]]),
    ("幹細胞治療第二型糖尿病統合分析更新 / 本研究更新了團隊2023年的統合分析,當時納入12項試驗、702名受試者,糖化血色素降低0.54%。"
     "本次共納入21項隨機對照試驗、1318名受試者,糖化血色素降低0.66%。", [["1318名", "0.66%"], ["702名", "0.54%"]]),
])
def test_earlier_review_is_its_own_mention_for_its_sentence_only(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


# --- a dated paper with its team opens a second case ---------------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("Woman off insulin after iPSC islets / A 41-year-old woman stopped insulin after cells made from her blood, doctors "
     "said. The case was published in Stem Cell Frontiers. / In a 2025 paper in Cell Metabolism Letters, a team at Luhai "
     "University Hospital described a 62-year-old man with type 2 diabetes who received islets grown from his own cells.",
     [["41-year-old"], ["62-year-old"]]),
    ("Man free of injections after cord cells / Doctors treated 20 patients with cord cells. The results were published in "
     "Regen Reports. / In a 2024 "
     "study in Diabetes Reports, researchers at Harlow Medical Center gave 35 patients a placebo-controlled infusion.",
     [["20 patients"], ["35 patients"]]),
])
def test_dated_paper_with_its_team_opens_a_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


def test_dated_paper_of_the_same_team_stays_one_mention() -> None:
    # no match: the team told before, its own paper ("In a 2025 paper, the team…" names no new actor)
    _check("Islets from a patient's cells / Researchers at Luhai University Hospital treated a 41-year-old woman. / In a "
           "2025 paper in Stem Cell Frontiers, the team described her recovery over 12 months.", [["41-year-old", "12 months"]])


# --- a regional turn to a local study ------------------------------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("自體iPS細胞造胰島 / 雁蕩醫科大學團隊發表病例報告,一名41歲女性接受移植後停用胰島素。 / "
     "國內方面,彰濱慈光醫院今年7月在年會報告自體脂肪幹細胞治療成果,42名第二型糖尿病患者回輸兩次後,糖化血色素降到7.8%。",
     [["41歲"], ["42名", "7.8%"]]),
    ("自体iPS细胞造胰岛 / 雁荡医科大学团队发表病例报告,一名41岁女性接受移植后停用胰岛素。 / "
     "国内方面,某市人民医院今年在年会报告了脐带干细胞治疗结果,30名2型糖尿病患者输注后,糖化血红蛋白降至7.1%。",
     [["41岁"], ["30名", "7.1%"]]),
    ("Islets from a woman's own cells / Doctors in Yandang reported that a 41-year-old woman stopped insulin. / "
     "Closer to home, Harlow Medical Center reported that 30 patients given cord cells saw HbA1c fall to 7.1%.",
     [["41-year-old"], ["30 patients", "7.1%"]]),
])
def test_regional_turn_opens_a_local_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


def test_regional_turn_without_a_study_stays() -> None:
    # no match: a local doctor's comment names no study of its own
    _check("自體iPS細胞造胰島 / 雁蕩醫科大學團隊發表病例報告,一名41歲女性接受移植後停用胰島素。 / "
           "國內方面,醫師表示,台灣約有1萬多名第一型糖尿病患者,目前仍以胰島移植為主。", [["41歲"]])


# --- a roundup paragraph on another product ------------------------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("美中兩款療法數據出爐 / 美國Brisa公司的BRS-112輸注一次,共12名病人接受治療,其中10人接受全劑量,糖化血色素由7.6%降到6.5%。 / "
     "中國大陸啟元生物的QY-201則把胰島細胞裝進皮下裝置,不需抗排斥藥。首批10名病人植入後,糖化血色素由8.0%降至7.4%。",
     [["7.6%"], ["8.0%"]]),
    ("两款干细胞胰岛产品公布数据 / 美国Brisa公司的BRS-112单次输注,12名患者中10人接受全剂量,HbA1c由7.6%降至6.5%。 / "
     "启元生物的QY-201则采用皮下装置,无需免疫抑制。首批10名患者植入后,HbA1c由8.0%降至7.4%。", [["7.6%"], ["8.0%"]]),
    ("Two islet products report data / Brisa's BRS-112 was given once to 12 patients; HbA1c fell from 7.6% to 6.5%. / "
     "Qiyuan's QY-201 instead places cells in a device under the skin. Ten patients received it and HbA1c fell from 8.0% "
     "to 7.4%.", [["7.6%"], ["8.0%"]]),
])
def test_paragraph_on_another_product_is_its_own_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text", [
    # no match: the product compared to, the same product again
    "BRS-112 data / Brisa's BRS-112 was given once to 12 patients; HbA1c fell from 7.6% to 6.5%. / Unlike QY-201, it "
    "needs immunosuppression; 10 patients got the full dose.",
    "BRS-112数据 / Brisa公司的BRS-112单次输注,12名患者HbA1c由7.6%降至6.5%。 / BRS-112的全剂量组共10名患者,均需免疫抑制。",
])
def test_product_traps_stay_one_mention(text: str) -> None:
    assert len(_texts(text)) == 1


# --- a cited study its site ran --------------------------------------------------------------------
@pytest.mark.parametrize("text, found", [
    ("西班牙某大学医院开展的RENOVA-T1试验", True),
    ("由該院完成的隨機對照研究", True),
    ("the RENOVA-T1 trial", True),
    # no match: a support note, a plain study word
    ("支持这一观点", False),
    ("studies have shown", False),
])
def test_study_cite_cue(text: str, found: bool) -> None:
    assert bool(STUDY_CITE.search(text)) is found


# --- a registered or next-phase trial still to come ----------------------------------------------------
@pytest.mark.parametrize("text, found", [
    ("Pan's team has registered a trial (ChiCTR2600104417) to treat 10 more patients", True),
    ("团队已在中国临床试验注册中心登记了一项试验,计划再收治10名患者", True),
    ("團隊已註冊一項臨床試驗,擬再收治10名病人", True),
    ("The Phase 3 portion, BRIGHTWATER-3 (NCT07112094), is expected to enroll approximately 40 participants", True),
    # no match: the reported trial's registration, its own enrolment done
    ("The trial was registered at ClinicalTrials.gov (NCT06531902)", False),
    ("The Phase 1/2 study enrolled 12 participants", False),
    ("该试验已在中国临床试验注册中心注册", False),
])
def test_planned_trial_cue_next_phase(text: str, found: bool) -> None:
    assert bool(PLANNED_STUDY.search(text)) is found


# --- cohort counts in words ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, numbers", [
    ("six of eight patients given the full dose", {"6"}),
    ("Twelve participants received cells", {"12"}),
    ("12名患者", {"12"}),
    # no match: one patient is a case told by its age
    ("one patient", set()),
])
def test_cohort_numbers_in_words(text: str, numbers: set[str]) -> None:
    assert cohort_numbers(text, 0, len(text)) == numbers


@pytest.mark.parametrize("text, year", [
    ("We updated our 2023 meta-analysis, which had pooled 12 trials", "2023"),
    ("their 2021 paper described nine patients", "2021"),
    ("该团队2023年发表的上一版分析仅纳入12项试验", "2023"),
    ("團隊2022年的統合分析納入9項試驗", "2022"),
    # no match: a trial's year may be when it ran; another group's paper
    ("their 2019 trial enrolled 15 patients", None),
    ("A 2023 meta-analysis by another group pooled 12 trials", None),
])
def test_own_year_paper(text: str, year: str | None) -> None:
    from extract.segment import OWN_YEAR_PAPER
    m = OWN_YEAR_PAPER.search(text)
    assert (m and (m.group("year") or m.group("zyear"))) == year


# --- a glossary box's entry is background ----------------------------------------------------------------
@pytest.mark.parametrize("text, kept, dropped", [
    ("自體iPS細胞造胰島 / 雁蕩醫科大學團隊發表病例報告,一名41歲女性患者移植後停用胰島素。 / "
     "iPS細胞(誘導型多能幹細胞):2006年由日本學者山中伸彌首度發表,可將體細胞重新編程。", "41歲", "山中伸彌"),
    ("自体iPS细胞造胰岛 / 雁荡医科大学团队发表病例报告,一名41岁女性患者移植后停用胰岛素。 / "
     "名词解释:iPS细胞(诱导多能干细胞):2006年由日本学者首次报道,可将体细胞重新编程。", "41岁", "首次报道"),
    ("Woman off insulin / A team at Yandang Medical University reported that a 41-year-old woman stopped insulin. / "
     "Induced pluripotent stem cells (iPSCs): first described in 2006, adult cells reprogrammed to an embryonic-like state.",
     "41-year-old", "first described in 2006"),
])
def test_glossary_entry_is_background(text: str, kept: str, dropped: str) -> None:
    texts = _texts(text)
    assert len(texts) == 1 and kept in texts[0] and dropped not in texts[0]


def test_study_item_with_its_registry_id_is_no_glossary() -> None:
    # no match: a digest item naming its trial and id before a colon reports patients
    texts = _texts("本期速递 / 脐带干细胞研究发表。 / DUAL研究(NCT06123457):纳入30名2型糖尿病患者,HbA1c降至7.1%。")
    assert any("30名" in t for t in texts)


@pytest.mark.parametrize("text", [
    # no match: a numbered finding with its label is the study's result
    "荟萃分析 / 本研究纳入12项试验、500名患者。 / 1.显著降低糖化血红蛋白(HbA1c):干细胞组与安慰剂组相比,HbA1c平均下降0.97%。",
    "Meta-analysis / Twelve trials with 500 patients were pooled. / Glycated haemoglobin (HbA1c): MSCs lowered it by 0.97% "
    "versus placebo.",
])
def test_labelled_finding_is_no_glossary(text: str) -> None:
    assert any("0.97%" in t for t in _texts(text))


# --- a cited study of the team just told reads the paragraph before it for condition and cell type ----------
@pytest.mark.parametrize("text, lang", [
    ("文献速递 / 匈牙利团队更新了间充质干细胞治疗2型糖尿病的荟萃分析[1]。共纳入21项试验、1318名受试者。 / "
     "值得注意的是,该团队2023年发表的上一版分析[2]仅纳入12项试验(702名受试者)。 / 参考文献 / [1] Kovacs B. Update[J]. "
     "Rev, 2026. / [2] Kovacs B. First[J]. Rev, 2023.", "zh"),
    ("文獻速遞 / 匈牙利團隊更新了間質幹細胞治療第二型糖尿病的統合分析[1]。共納入21項試驗、1318名受試者。 / "
     "同一團隊2023年發表的上一版分析[2]僅納入12項試驗(702名受試者)。 / 參考文獻 / [1] Kovacs B. Update[J]. Rev, 2026. / "
     "[2] Kovacs B. First[J]. Rev, 2023.", "zh-Hant"),
    ("Digest / A Hungarian team updated its meta-analysis of MSCs for type 2 diabetes [1], pooling 21 trials with 1318 "
     "participants. / The same group's earlier review [2] had pooled 12 trials with 702 participants. / References / "
     "1. Kovacs B. Update. Rev. 2026. / 2. Kovacs B. First. Rev. 2023.", "en"),
])
def test_cited_study_of_the_same_team_reads_the_paragraph_before(text: str, lang: str) -> None:
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))
    earlier = [m for m in segment(doc) if m.kind == "citation" and "702" in "".join(doc.text[s:e] for s, e in m.spans)]
    assert len(earlier) == 1
    assert any("1318" in doc.text[s:e] for s, e in earlier[0].context)


def test_cited_study_of_another_team_reads_only_its_heading() -> None:
    # no match: a new subject is no back-reference
    text = ("文献速递 / 匈牙利团队更新了间充质干细胞治疗2型糖尿病的荟萃分析[1]。共纳入21项试验、1318名受试者。 / "
            "嵩岚市第一人民医院的一项随机对照研究[2]纳入86例患者。 / 参考文献 / [1] Kovacs B. Update[J]. Rev, 2026. / "
            "[2] 武晓磊. 研究[J]. 临床, 2025.")
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))
    other = [m for m in segment(doc) if m.kind == "citation" and "86例" in "".join(doc.text[s:e] for s, e in m.spans)]
    assert len(other) == 1 and not any("1318" in doc.text[s:e] for s, e in other[0].context)


@pytest.mark.parametrize("text, found", [
    ("下一步团队将扩大样本量,并延长随访时间至2年", True),
    ("未來將擴大收案並延長追蹤至兩年", True),
    ("The team plans to enrol more patients and extend follow-up to two years", True),
    ("The investigators will extend follow-up to five years", True),
    # no match: the study's own follow-up, a sample already enlarged
    ("研究随访时间为2年", False),
    ("第二阶段扩大了样本量,共纳入120名患者", False),
    ("Patients will be followed for two years", False),
])
def test_next_step_of_the_same_study_is_planned(text: str, found: bool) -> None:
    assert bool(PLANNED_STUDY.search(text)) is found


# --- one named participant's story inside a cohort report ----------------------------------------------------
@pytest.mark.parametrize("text, kept, dropped", [
    ("我院干细胞研究成果发表 / 该研究共纳入86名2型糖尿病患者,HbA1c平均下降1.43个百分点。 / "
     "“58岁的王阿姨患糖尿病12年,参加研究前每天要打28个单位胰岛素,现在减到了16个单位。”郑主任介绍。", "86名", "王阿姨"),
    ("本院幹細胞治療成果 / 42名第二型糖尿病患者回輸兩次後,糖化血色素從9.1%降到7.8%。 / "
     "65歲陳先生罹患糖尿病20年,治療前糖化血色素超過10%,療程一年後降至8%以下。", "42名", "陳先生"),
    ("Hospital reports stem cell results / The study enrolled 42 patients with type 2 diabetes; HbA1c fell from 9.1% to "
     "7.8%. / Mr Chen, 65, said his HbA1c fell below 8% after a year.", "42 patients", "Mr Chen"),
])
def test_named_participant_anecdote_is_background(text: str, kept: str, dropped: str) -> None:
    texts = _texts(text)
    assert len(texts) == 1 and kept in texts[0] and dropped not in texts[0]


@pytest.mark.parametrize("text, kept", [
    # no match: a case report keeps its patient; a small series names no cohort of five
    ("病例报告 / 65岁陈先生接受干细胞治疗,糖化血红蛋白由9.1%降至7.8%。", "陈先生"),
    ("Case report / Mr Chen, 65, received stem cells; HbA1c fell from 9.1% to 7.8%. Two patients were screened.", "Mr Chen"),
])
def test_case_report_keeps_its_named_patient(text: str, kept: str) -> None:
    assert any(kept in t for t in _texts(text))


def test_story_sections_keep_their_named_patients() -> None:
    # no match: a page of patient stories under headings, after a lead counting the programme's 42 patients
    texts = _texts("干细胞门诊一周年 / 一年来,共有42位患者参加了我院的干细胞临床研究。今天分享其中两位患者的故事。 / "
                   "故事一:胰岛素减了一半 / 58岁的王阿姨患2型糖尿病12年,接受3次输注后糖化血红蛋白从9.1%降到7.2%。 / "
                   "故事二:血糖不再坐过山车 / 19岁的小陈患1型糖尿病5年,治疗后胰岛素减了一些。")
    assert any("王阿姨" in t for t in texts)


# --- a comment on every product of a roundup tells the later product's design too -----------------------------
@pytest.mark.parametrize("text", [
    "美中兩款療法數據出爐 / 美國Brisa公司的BRS-112輸注一次,共12名病人接受治療,糖化血色素由7.6%降到6.5%。 / "
    "啟元生物的QY-201則把胰島細胞裝進皮下裝置。首批10名病人植入後,糖化血色素由8.0%降至7.4%。 / "
    "醫師表示,兩款產品都沒有對照組,還在很早期的階段。",
    "两款干细胞胰岛产品公布数据 / 美国Brisa公司的BRS-112单次输注,12名患者HbA1c由7.6%降至6.5%。 / "
    "启元生物的QY-201则采用皮下装置。首批10名患者植入后,HbA1c由8.0%降至7.4%。 / 专家指出,两款产品均没有设立对照组。",
    "Two islet products report data / Brisa's BRS-112 was given once to 12 patients; HbA1c fell from 7.6% to 6.5%. / "
    "Qiyuan's QY-201 instead places cells in a device. Ten patients received it; HbA1c fell from 8.0% to 7.4%. / "
    "Neither trial had a control group, an expert noted.",
])
def test_comment_on_both_products_is_context_of_the_second(text: str) -> None:
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))
    second = [m for m in segment(doc) if m.kind == "nested"]
    assert len(second) == 1 and second[0].context_fields is not None and "design" in second[0].context_fields
    assert any("8.0%" not in doc.text[s:e] and ("對照組" in doc.text[s:e] or "对照组" in doc.text[s:e]
                                                 or "control group" in doc.text[s:e]) for s, e in second[0].context)


@pytest.mark.parametrize("text, found", [
    ("兩款產品都沒有對照組", True), ("这些研究均未设对照", True), ("Neither trial had a control group", True),
    ("both studies were single-arm", True),
    # no match: one study, a count of arms
    ("该研究没有对照组", False), ("the trial had two arms", False), ("两组患者", False),
])
def test_every_study_cue(text: str, found: bool) -> None:
    from extract.segment import EVERY_STUDY
    assert bool(EVERY_STUDY.search(text)) is found
