"""Segmentation classes from real articles (ERRORS.md 4.1, 4.4): how many study mentions a document has.

Each case was written for this file, in simplified Chinese, traditional Chinese and English side by side:
a furniture-looking first heading, numbered lists of registered trials, news that interleaves two studies,
and background inside a mention. Each case lists text that must sit in each mention (and in no other)
and text that must be in no mention; trap groups must stay one mention.
"""
from __future__ import annotations

import pytest
from segment_helpers import check_holders

from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.segment import CASE_CUE, _cue_size, section_cohort, segment, study_cue


def _texts(text: str) -> list[str]:
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))
    return ["".join(doc.text[s:e] for s, e in m.spans) for m in segment(doc) if m.kind != "registry"]


def _check(text: str, needles: list[list[str]], absent: list[str] = ()) -> None:
    check_holders(_texts(text), needles, absent)


# --- a first heading that looks like site furniture ends where the study starts --------------------
@pytest.mark.parametrize("text, needles", [
    ("About Our Summary / This note covers a phase 1 trial of an islet cell product. / - Participants: 20 adults with "
     "type 1 diabetes / - Dose: 0.6×10^9 cells as a single infusion", ["20 adults", "0.6×10^9"]),
    ("关于我们 / 本文介绍一项1期临床试验。 / - 受试者:20名1型糖尿病成人 / - 剂量:单次输注0.6×10^9个细胞", ["20名", "0.6×10^9"]),
    ("關於我們 / 本文介紹一項1期臨床試驗。 / - 受試者:20名第1型糖尿病成人 / - 劑量:單次輸注0.6×10^9個細胞", ["20名", "0.6×10^9"]),
])
def test_furniture_first_heading_does_not_swallow_the_report(text: str, needles: list[str]) -> None:
    _check(text, [needles])


def test_about_company_at_the_end_stays_furniture() -> None:
    # no match: "About <company>" after the report is boilerplate, trials named in it included
    _check("Nordvale reports phase 1 results / Twelve patients with type 1 diabetes received NV-210; HbA1c fell to 6.9%. / "
           "About Nordvale / Nordvale is running a phase 2 trial of NV-310 in 40 patients with type 2 diabetes.",
           [["Twelve patients"]], absent=["40 patients"])


# --- numbered lists of registered trials: one study per item ----------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("Trials recruiting in type 1 diabetes / 1. Trial hypothesis: Is cord MSC infusion safe in type 1 diabetes? / "
     "Study ID: NCT01000001 Qingdao University / 2. Trial hypothesis: Does cord MSC infusion help beta cells regenerate? / "
     "Study ID: NCT01000002 Fuzhou General Hospital / 3. Trial hypothesis: Do islets after cord cells help children? / "
     "Study ID: NCT01000003 Children's Hospital",
     [["NCT01000001", "safe"], ["NCT01000002", "regenerate"], ["NCT01000003", "children"]]),
    ("正在招募的1型糖尿病试验 / 1. 研究目的:脐带间充质干细胞治疗1型糖尿病是否安全有效 / 注册号:NCT01000001 青岛大学 / "
     "2. 研究目的:脐带间充质干细胞能否促进β细胞再生 / 注册号:NCT01000002 福州总医院",
     [["NCT01000001", "安全有效"], ["NCT01000002", "再生"]]),
    ("正在招募的第1型糖尿病試驗 / 1. 研究目的:臍帶間質幹細胞治療第1型糖尿病是否安全有效 / 註冊號:NCT01000001 青島大學 / "
     "2. 研究目的:臍帶間質幹細胞能否促進β細胞再生 / 註冊號:NCT01000002 福州總醫院",
     [["NCT01000001", "安全有效"], ["NCT01000002", "再生"]]),
])
def test_numbered_registered_trials(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text", [
    # no match: one trial's id in every item; an id in one item only
    "Results of NCT01000001 / 1. HbA1c fell by 1.1% in NCT01000001. / 2. NCT01000001 had no serious adverse events.",
    "研究(NCT01000001)纳入30例患者。主要结果: / 1. HbA1c下降1.1% / 2. 胰岛素用量减少40%",
])
def test_numbered_list_of_one_trial_is_one_mention(text: str) -> None:
    assert len(_texts(text)) == 1


# --- news that interleaves two studies ---------------------------------------------------------------
@pytest.mark.parametrize("text, case, other", [
    ("一支干细胞制剂,让一位47岁的糖尿病患者停用了胰岛素。2023年8月,华东某大学附属医院宣布了这一病例。 / 与此同时,另一家医院的团队"
     "公布了一项随机、双盲、安慰剂对照试验的结果:60名2型糖尿病患者静脉输注脐带间充质干细胞后,30%的患者胰岛素用量减半。 / "
     "细胞重编程:该大学附属医院团队将患者的皮肤细胞重编程为iPSC,再分化为胰岛组织并移植。术后患者停用胰岛素已20个月。",
     ["47岁", "已20个月"], ["60名"]),
    ("一支幹細胞製劑,讓一位47歲的糖尿病患者停用了胰島素。2023年8月,華東某大學附屬醫院宣布了這一病例。 / 與此同時,另一家醫院的團隊"
     "公布了一項隨機、雙盲、安慰劑對照試驗的結果:60名第2型糖尿病患者靜脈輸注臍帶間質幹細胞後,30%的患者胰島素用量減半。 / "
     "細胞重編程:該大學附屬醫院團隊將患者的皮膚細胞重編程為iPSC,再分化為胰島組織並移植。術後患者停用胰島素已20個月。",
     ["47歲", "已20個月"], ["60名"]),
    ("A stem cell product has let a 47-year-old man with diabetes stop insulin, an East China university hospital announced. / "
     "Meanwhile, a team at another hospital reported a randomized, double-blind trial: 60 patients with type 2 diabetes "
     "received umbilical cord MSCs. / Cell reprogramming: the university hospital's team reprogrammed the patient's skin "
     "cells into iPSCs. He has been off insulin for 20 months.",
     ["47-year-old", "20 months"], ["60 patients"]),
])
def test_interleaved_studies_give_two_mentions(text: str, case: list[str], other: list[str]) -> None:
    _check(text, [case, other])


@pytest.mark.parametrize("text", [
    # no match: another hospital's expert comments on the study, reports none
    "某医院为一名47岁的2型糖尿病患者移植了干细胞来源的胰岛。 / 另一家医院的专家表示,这一成果意义重大。",
    "某醫院為一名47歲的第2型糖尿病患者移植了幹細胞來源的胰島。 / 另一家醫院的專家表示,這一成果意義重大。",
    "A hospital transplanted stem cell-derived islets into a 47-year-old man with type 2 diabetes. / "
    "Experts at another hospital said the result was promising.",
])
def test_comment_from_another_team_is_no_study(text: str) -> None:
    assert len(_texts(text)) == 1


# --- background inside a clinical report is cut out of the mention (ERRORS.md 4.4) --------------------
@pytest.mark.parametrize("text, background, report", [
    ("早在2019年,该团队已在大鼠模型中验证了这一方法。2023年,团队为一名病程9年的1型糖尿病患者实施了干细胞来源胰岛移植,患者术后停用胰岛素。",
     "大鼠", "一名病程9年"),
    ("早在2019年,該團隊已在大鼠模型中驗證了這一方法。2023年,團隊為一名病程9年的第1型糖尿病患者實施了幹細胞來源胰島移植,患者術後停用胰島素。",
     "大鼠", "一名病程9年"),
    ("The group first showed the approach worked in diabetic mice in 2018. In 2022 it treated a 33-year-old woman with "
     "type 1 diabetes, who stopped insulin three months later.", "mice", "33-year-old"),
    ("2020年,该团队的重编程论文发表在《科学》上。如今,一位病程9年的1型糖尿病患者在接受该团队制备的干细胞来源胰岛细胞移植后,已停用胰岛素超过1年。",
     "《科学》", "病程9年"),
    ("2020年,該團隊的重編程論文發表在《科學》上。如今,一位病程9年的第1型糖尿病患者在接受該團隊製備的幹細胞來源胰島細胞移植後,已停用胰島素超過1年。",
     "《科學》", "病程9年"),
    ("In 2020 the team's reprogramming paper was published in Science. Now a woman with a 9-year history of type 1 "
     "diabetes has been off insulin for over a year after receiving islets the team made from stem cells.", "Science", "9-year history"),
])
def test_background_is_cut_out(text: str, background: str, report: str) -> None:
    _check(text, [[report]], absent=[background])


@pytest.mark.parametrize("text, animals", [
    # no match: a preclinical report keeps its animals; a paper with no turn to the present stays
    ("研究团队在糖尿病小鼠中发现,移植胰岛后小鼠血糖恢复正常。此前已在大鼠中验证安全性。", "大鼠"),
    ("The team previously tested the cells in rats. In the new study, 20 diabetic mice received the islets.", "rats"),
    ("2020年,该团队的论文发表在《科学》上,报告了一名1型糖尿病患者停用胰岛素。", "《科学》"),
])
def test_background_kept_without_a_clinical_report(text: str, animals: str) -> None:
    texts = _texts(text)
    assert len(texts) == 1 and animals in texts[0]


# --- a digest whose items are marked by a symbol, each with its own cohort ("◎美國：…", "■ Taiwan: …") ---------
@pytest.mark.parametrize("text, needles", [
    ("健康周报 / ◎美国:胰岛疗法一年数据 / 美国某公司的试验共有16名第一型糖尿病患者接受治疗,一年后9人免打胰岛素。 / "
     "◎台湾:儿童试验 / 中部一家医学中心共有12名第一型糖尿病儿童接受骨髓间质干细胞输注,糖化血色素由8.4%降至7.2%。",
     [["16名"], ["12名", "7.2%"]]),
    ("健康週報 / ◎美國:胰島療法一年數據 / 美國某公司的試驗共有16名第一型糖尿病患者接受治療,一年後9人免打胰島素。 / "
     "◎台灣:兒童試驗 / 中部一家醫學中心共有12名第一型糖尿病兒童接受骨髓間質幹細胞輸注,糖化血色素由8.4%降至7.2%。",
     [["16名"], ["12名", "7.2%"]]),
    ("Weekly digest / ■ US: islet therapy / A company trial treated 16 patients with type 1 diabetes; 9 were insulin-free "
     "at one year. / ■ Taiwan: children's trial / A medical centre gave 12 children with type 1 diabetes two infusions of "
     "marrow MSCs; HbA1c fell from 8.4% to 7.2%.", [["16 patients"], ["12 children", "7.2%"]]),
    # trap: one study told under symbol headings (design, results, comment) stays one mention, results included
    ("干细胞治疗糖尿病新进展 / ◎研究设计 / 该院共纳入40名2型糖尿病患者,随机分为两组,每组20人。 / ◎研究结果 / "
     "治疗12个月后,干细胞组HbA1c由8.5%降至7.1%。 / ◎专家点评 / 专家表示,结果令人鼓舞。", [["40名", "7.1%"]]),
])
def test_symbol_marked_digest_items(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


# --- a WeChat post's sections under heading bars ("▍国内：…"), one of them a single patient told without an age -----
@pytest.mark.parametrize("text, needles", [
    ("干细胞胰岛来了 / ▍美国:胚胎干细胞造胰岛 / 一家美国公司公布了一年数据。共有16名1型糖尿病患者参与这项1/2期试验,9人停用胰岛素。 / "
     "▍国内:用自己的细胞造胰岛 / 国内一家医院的团队在2022年为一名2型糖尿病患者移植了用他本人血细胞重编程的胰岛组织,至今停用胰岛素两年。 / "
     "▍糖友最关心的问题 / 目前都还在临床试验阶段,请远离收费项目。", [["16名"], ["2022年", "两年"]]),
    ("幹細胞胰島來了 / ▌美國:胚胎幹細胞造胰島 / 一家美國公司公布了一年數據。共有16名第1型糖尿病患者參與這項1/2期試驗,9人停用胰島素。 / "
     "▌國內:用自己的細胞造胰島 / 國內一家醫院的團隊在2022年為一位第2型糖尿病病患移植了用他本人血細胞重編程的胰島組織,至今停用胰島素兩年。",
     [["16名"], ["2022年", "兩年"]]),
    # trap: one trial told under bars (design, results) stays one mention
    ("▍研究设计 / 该院共纳入40名2型糖尿病患者,随机分为两组。 / ▍研究结果 / 治疗12个月后,干细胞组HbA1c由8.5%降至7.1%。",
     [["40名", "7.1%"]]),
])
def test_heading_bar_sections(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text, expected", [
    ("团队为一名2型糖尿病患者移植了胰岛组织", True),
    ("團隊為一位第1型糖尿病病患移植了胰島", True),
    ("医生为1例糖尿病足患者进行了干细胞移植", True),
    ("研究纳入21例患者", False),              # a cohort of 21, not one patient
    ("其中11名患者停用胰岛素", False),
    ("第一名患者于上月入组", False),           # the first of a cohort
])
def test_one_patient_cue(text: str, expected: bool) -> None:
    assert bool(CASE_CUE.search(text)) is expected


@pytest.mark.parametrize("text, expected", [
    ("这项试验共有12名新诊断的第一型糖尿病儿童接受治疗", True),
    ("這項試驗共有12名新診斷的第一型糖尿病兒童接受治療", True),
    ("研究共纳入40名2型糖尿病患者", True),
    ("1893-2005年全世界共有1154名患者接受胰岛移植", False),     # a worldwide tally is background
    ("全國共有250萬名糖尿病患者", False),
])
def test_section_cohort(text: str, expected: bool) -> None:
    assert bool(section_cohort(text)) is expected


# --- a roundup whose studies sit under unnumbered subheadings, each opening with its own cohort or case ----------
@pytest.mark.parametrize("text, needles", [
    ("Cell therapy roundup / Three studies this month. / A farmer's own cells, made into islets / A 47-year-old woman "
     "with type 1 diabetes received islets grown from her own cells and has stayed off insulin. / Pooled trials of MSC "
     "/ A meta-analysis pooled 9 trials with 455 participants with type 2 diabetes. / Cord blood in children / "
     "In a trial in Lyon, 24 children with type 1 diabetes received autologous cord blood.",
     [["47-year-old"], ["455 participants"], ["24 children"]]),
    ("干细胞研究月报 / 本月三项研究值得关注。 / 自体细胞造出的胰岛 / 一名52岁的2型糖尿病男性接受了由自身细胞培育的胰岛移植,已停用胰岛素。 / "
     "间充质干细胞荟萃分析 / 一项荟萃分析汇总了11项随机试验,纳入612名2型糖尿病患者。 / 骨髓细胞对照假手术 / "
     "墨西哥一项随机试验中,40名2型糖尿病患者分别接受骨髓单个核细胞或假手术。",
     [["52岁"], ["612名"], ["40名"]]),
    ("幹細胞研究月報 / 本月三項研究值得關注。 / 自體細胞造出的胰島 / 一名52歲的第二型糖尿病男性接受了由自身細胞培育的胰島移植,已停用胰島素。 / "
     "間質幹細胞統合分析 / 一項統合分析彙整了11項隨機試驗,納入612名第二型糖尿病患者。 / 骨髓細胞對照假手術 / "
     "墨西哥一項隨機試驗中,40名第二型糖尿病患者分別接受骨髓單核細胞或假手術。",
     [["52歲"], ["612名"], ["40名"]]),
    # traps: one study told under subheadings that name its parts, or whose second section repeats its cohort
    ("New hope for type 1 diabetes / The trial / 30 patients with type 1 diabetes received stem cell-derived islets. / "
     "Results / Of the 30 patients, 21 no longer needed insulin at one year. / Why it matters / Experts welcomed it.",
     [["30 patients", "21 no longer"]]),
    ("干细胞治疗糖尿病 / 研究设计 / 该院纳入40名2型糖尿病患者。 / 主要结果 / 12个月后,28名患者HbA1c低于7%。",
     [["40名", "28名"]]),
    ("A cord-cell trial in Jiangsu / 40 patients with type 2 diabetes were randomised to cells or placebo. / "
     "Safety / Two patients had a fever after the infusion.", [["40 patients", "fever"]]),
])
def test_subheaded_roundup(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


# --- ... whose cohorts are written in words, under headlines with a colon; a planned trial's size opens no study -----
@pytest.mark.parametrize("text, needles", [
    ("Weekly roundup / Two updates this month. / Halden reports one-year data for its islets / Seattle-based Halden "
     "presented one-year results. Fourteen adults with type 1 diabetes each received one infusion; nine stopped insulin. / "
     "Pooled data: cord MSCs lower A1c a little / A meta-analysis pooled 8 trials with 516 participants with type 2 diabetes.",
     [["Fourteen adults"], ["516 participants"]]),
    ("本周速递 / 两项进展。 / 胚胎干细胞胰岛:一年数据 / 一家公司公布了一年结果,十二名1型糖尿病患者接受单次输注,八人停用胰岛素。 / "
     "荟萃分析:间充质干细胞小幅降糖 / 一项荟萃分析汇总8项试验,纳入516名2型糖尿病患者。",
     [["十二名"], ["516名"]]),
    ("本週速遞 / 兩項進展。 / 胚胎幹細胞胰島:一年數據 / 一家公司公布了一年結果,十二名第1型糖尿病患者接受單次輸注,八人停用胰島素。 / "
     "統合分析:間質幹細胞小幅降糖 / 一項統合分析彙整8項試驗,納入516名第2型糖尿病患者。",
     [["十二名"], ["516名"]]),
    # traps: a feature on one trial whose later section gives the size of a planned trial stays one mention;
    # a label line with a colon is no subheading
    ("The woman who stopped counting / A small trial, a large claim / Fourteen people with type 1 diabetes were "
     "enrolled; ten stopped insulin at one year. / The price of a cure / If the cells are approved, the company's "
     "phase 3 trial will need about 60 participants.", [["Fourteen people", "60 participants"]]),
    ("一项小试验 / 共有十四名1型糖尿病患者入组,十人一年后停用胰岛素。 / 下一步的代价 / 该公司计划招募60名患者开展3期试验。",
     [["十四名", "60名"]]),
])
def test_subheaded_roundup_in_words(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text, size", [
    ("Twelve adults with type 1 diabetes", "12"), ("eleven patients with type 1 diabetes", "11"),
    ("twenty-four participants", "24"), ("十二名患者", "12"), ("兩名病患", "2"), ("13 patients", "13"),
    ("一名2型糖尿病患者", "1"),
])
def test_cohort_cue_in_words_and_its_size(text: str, size: str) -> None:
    cue = study_cue(text, text)
    assert cue is not None and _cue_size(cue.group(0)) == size


@pytest.mark.parametrize("text", ["one patient with type 1 diabetes", "Phase one adults", "the company will need about "
                                  "60 participants", "计划招募60名患者", "全国共有120万名糖尿病患者"])
def test_no_study_cue(text: str) -> None:
    assert study_cue(text, text) is None


# --- a lead that counts the cases it will tell ("以下分享两例患者的治疗经过") introduces them: no study of its own ---
@pytest.mark.parametrize("text, needles", [
    ("病例分享 / 我院自2021年起开展干细胞治疗,以下分享两例患者的治疗经过。 / 病例一: / 患者男,58岁,2型糖尿病,HbA1c由9.2%降至7.4%。 / "
     "病例二: / 患者女,23岁,1型糖尿病,HbA1c由8.6%降至7.8%。", [["58岁"], ["23岁"]]),
    ("病例分享 / 本院自2021年起開展幹細胞治療,以下介紹3位病患的治療經過。 / 病例一: / 患者男,58歲,第2型糖尿病,HbA1c由9.2%降至7.4%。 / "
     "病例二: / 患者女,23歲,第1型糖尿病,HbA1c由8.6%降至7.8%。", [["58歲"], ["23歲"]]),
])
def test_a_lead_counting_its_cases_is_their_introduction(text: str, needles: list[list[str]]) -> None:
    texts = _texts(text)
    assert len(texts) == 2, texts
    _check(text, needles)


# --- a forum thread: another poster's anecdote is no part of the study the thread reports ------------------------
@pytest.mark.parametrize("text, kept, dropped", [
    ("糖友论坛 / 【经验分享】参加了医院的羊膜细胞试验 / 楼主:柳州老周　发表于 2025-01-18 / 医生说这个试验一共招30名2型糖尿病患者,"
     "每公斤100万个细胞,每4周一次共3次。 / 2楼　甜蜜的负担: / 我表姐在一家私立医院打的脐带干细胞,一针5000万个细胞,效果一般。 / "
     "3楼　柳州老周: / 回复2楼:这个试验在中国临床试验注册中心能查到。", ["100万", "注册中心"], ["5000万"]),
    ("糖友論壇 / 【經驗分享】參加了醫院的羊膜細胞試驗 / 樓主:柳州老周　發表於 2025-01-18 / 醫生說這個試驗一共招30名第2型糖尿病患者,"
     "每公斤100萬個細胞,每4週一次共3次。 / 2樓　甜蜜的負擔: / 我表姐在一家私立醫院打的臍帶幹細胞,一針5000萬個細胞,效果一般。",
     ["100萬"], ["5000萬"]),
    ("Diabetes Forum / Joined the amnion cell trial / OP: oldzhou / The trial enrolled 30 patients with type 2 diabetes "
     "who got 1 million cells/kg every 4 weeks, 3 times. / #2 sweetburden: / My cousin paid for cord stem cells at a "
     "private clinic, 50 million cells a shot.", ["1 million"], ["50 million"]),
    # trap: a reply that cites a study (its cohort, its journal) is kept
    ("求助帖 / 楼主:甜蜜的负担　发表于 2024-11-18 / 脐带干细胞治疗靠谱吗? / 2楼　内分泌小医生: / 某三甲医院去年在《中国干细胞临床杂志》"
     "发表了180例2型糖尿病患者的真实世界研究,每次输注5000万个细胞。", ["180例", "5000万"], []),
])
def test_forum_anecdotes_are_not_the_study(text: str, kept: list[str], dropped: list[str]) -> None:
    joined = " ".join(_texts(text))
    assert all(k in joined for k in kept) and not any(d in joined for d in dropped), _texts(text)
