"""Roundups that tell several studies without headings: wire items under their datelines, "another" items of a
list, and a comparator named beside the study (time-coded show notes). Written for this file in simplified
Chinese, traditional Chinese and English; each case lists text that must sit in each mention; traps stay one.
"""
from __future__ import annotations

import pytest
from segment_helpers import check_holders

from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.segment import DATELINE, segment


def _texts(text: str) -> list[str]:
    doc = to_document(SourceDoc(doc_id="r.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))
    return ["".join(doc.text[s:e] for s, e in m.spans) for m in segment(doc) if m.kind != "registry"]


# --- wire items: each paragraph opens with its own dateline -------------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("HEALTH WIRE IN BRIEF\n\nOSLO — Nordvale said 14 adults with type 1 diabetes received NV-210 islets in a "
     "phase 1 study; five no longer need insulin.\n\nCHENGDU, China — A retrospective analysis of 120 people with "
     "type 2 diabetes treated with bone marrow cells at Jinjiang Hospital found HbA1c 0.6% lower after three years.",
     [["14 adults"], ["120 people"]]),
    ("新闻简报\n\n新华社北京11月13日电 某医院团队为12名1型糖尿病患者移植干细胞来源胰岛,随访一年。\n\n"
     "中新网上海11月12日电 一项纳入60例2型糖尿病患者的随机对照试验显示,脐带间充质干细胞可降低HbA1c。",
     [["12名"], ["60例"]]),
    ("NEW YORK (Reuters) - Twenty adults with type 1 diabetes received donor islets in a trial at Lakeside "
     "Hospital.\n\nBOSTON (Reuters) - A randomized trial of 48 patients with type 2 diabetes tested umbilical "
     "cord MSC infusions.", [["Twenty adults"], ["48 patients"]]),
])
def test_wire_items_each_open_a_study(text: str, needles: list[list[str]]) -> None:
    check_holders(_texts(text), needles)


def test_one_dateline_is_one_story() -> None:
    # no match: a news story has one dateline; its later paragraphs tell the same study
    check_holders(_texts(
        "SEOUL — Dawon said 15 adults with type 1 diabetes received its islet product in a phase 1/2 study.\n\n"
        "Six of the 15 no longer needed insulin after 12 months, the company said."), [["15 adults", "Six of the 15"]])


@pytest.mark.parametrize("line, dated", [
    ("SEOUL — Dawon said on Thursday", True),
    ("LINMING, China - Autologous cells", True),
    ("新華社台北11月3日電 研究團隊", True),
    ("TI  - Autologous umbilical cord blood infusion", False),   # a MEDLINE tag
    ("FAU - Lo, Chih-Hung", False),
    ("HbA1c - the main outcome", False),                         # no capitalised place
])
def test_dateline_shape(line: str, dated: bool) -> None:
    assert bool(DATELINE.match(line)) is dated


# --- "another" item of a list with its own cohort -----------------------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("1）某医院团队牵头的二期试验纳入84名2型糖尿病患者,随机双盲。 / 2）另一条是meta分析:《再生内分泌评论》刊登,纳入19项研究、"
     "共738例1型糖尿病患者。", [["84名"], ["738例"]]),
    ("1）某醫院團隊的二期試驗納入84名第2型糖尿病患者。 / 2）另一項研究是統合分析,納入19項研究、共738例患者。",
     [["84名"], ["738例"]]),
    ("A hospital team randomised 84 patients with type 2 diabetes to cord MSC or placebo. Another trial, of 40 "
     "patients with type 1 diabetes at a second hospital, tested bone marrow cells.", [["84 patients"], ["40 patients"]]),
])
def test_another_item_with_its_own_cohort(text: str, needles: list[list[str]]) -> None:
    check_holders(_texts(text), needles)


def test_another_without_a_cohort_is_no_study() -> None:
    # no match: "另一项研究表明…" with no cohort of its own is a general claim
    check_holders(_texts("某医院为30名2型糖尿病患者输注脐带间充质干细胞,HbA1c下降1.0%。另一项研究也表明干细胞可改善血糖。"),
                  [["30名", "另一项研究"]])


# --- a comparator named beside the study, also on a time-coded line -----------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("14:30 数据:共15位1型糖尿病受试者接受禾聿生医的胚胎干细胞来源胰岛。 / 31:20 横向对比:韩国达元细胞(Dawon Cellworks)的"
     "DWC-07同样15人,每人约5亿个细胞,单次输注。", [["禾聿"], ["DWC-07"]]),
    ("共有15位第1型糖尿病受試者接受禾聿生醫的胚胎幹細胞來源胰島。相較之下,韓國達元細胞公司的DWC-07試驗有20人,採單次輸注。",
     [["禾聿"], ["DWC-07"]]),
    ("Fifteen adults with type 1 diabetes received Heyu's encapsulated islets. By comparison, Dawon Cellworks "
     "treated 20 adults with DWC-07 through the portal vein.", [["Heyu"], ["DWC-07"]]),
])
def test_comparator_opens_a_study(text: str, needles: list[list[str]]) -> None:
    check_holders(_texts(text), needles)


# --- the comments under a social post: readers' own numbers are no study -------------------------------------
@pytest.mark.parametrize("text, kept, dropped", [
    ("某医院二期试验纳入84名2型糖尿病患者,每公斤150万个细胞。\n\n热门评论:\n@桂花糕不加糖:我爸糖化9.3,在诊所打了脐带干细胞,一针两万八\n"
     "  @医生回复:这种不是临床试验", "84名", "脐带干细胞"),
    ("研究有42名第1型糖尿病青少年參加。\n\n💬 回覆\nkelvin_dad_852:我個女A1c 9.2,仲可以參加嗎?\nahfai_sz:深圳有診所做臍帶幹細胞,一針三萬蚊",
     "42名", "臍帶幹細胞"),
    ("The phase 2 trial enrolled 84 adults with type 2 diabetes.\n\nComments\nReply from @islet_nerd: my A1c is 9.1 "
     "after cord blood shots at a private clinic", "84 adults", "cord blood"),
])
def test_social_comments_are_dropped(text: str, kept: str, dropped: str) -> None:
    texts = _texts(text)
    assert any(kept in t for t in texts) and not any(dropped in t for t in texts), texts


def test_a_comment_citing_a_study_stays() -> None:
    texts = _texts("某医院二期试验纳入84名2型糖尿病患者。\n\n热门评论:\n@内分泌医生:《中华糖尿病杂志》还报道过120例患者的研究")
    assert any("120例" in t for t in texts), texts


# --- the team's dated first pilot, told in its own paragraph before a late publication sentence ---------------
@pytest.mark.parametrize("text, pilot, main", [
    ("老周今年61岁,是这个项目的一员。\n\n2012年,团队先给12名患者做了试点,没有发论文。\n\n2014年到2019年,共有126名2型糖尿病患者进入随访队列。\n\n"
     "结果在2026年5月发表在《中国介入内分泌杂志》上。", "12名", "126名"),
    ("老周是這個項目的一員。\n\n2012年,團隊先給12名患者做了試點。\n\n2014年到2019年,共有126名第2型糖尿病患者進入隨訪隊列。\n\n"
     "結果在2026年5月發表在《中國介入內分泌雜誌》上。", "12名", "126名"),
])
def test_dated_pilot_before_a_late_intro(text: str, pilot: str, main: str) -> None:
    check_holders(_texts(text), [[pilot], [main, "发表" if "发表" in text else "發表"]])


# --- a correction notice restates figures (and the wrong ones): no part of the report ------------------------
@pytest.mark.parametrize("text, wrong", [
    ("该试验共纳入84名2型糖尿病患者,每组42人,随访48周。\n\n【更正】本文初版中,将受试者人数误写为“48名,每组24人”,现已更正。", "24人"),
    ("該試驗共納入84名第2型糖尿病患者,每組42人。\n\n更正啟事:本文初版將人數誤植為「48名,每組24人」。", "24人"),
    ("The trial enrolled 84 adults with type 2 diabetes, 42 per arm.\n\nCorrection: An earlier version of this story "
     "said the trial enrolled 48 adults, 24 per arm.", "24 per arm"),
])
def test_correction_notice_is_dropped(text: str, wrong: str) -> None:
    texts = _texts(text)
    assert texts and not any(wrong in t for t in texts), texts


# --- a heading that names the next study, then its paragraph: one nested study ----------------------------
@pytest.mark.parametrize("text, needles", [
    ("某医院团队为84名2型糖尿病患者输注脐带间充质干细胞,HbA1c下降1.2个百分点。\n同院另一项研究:脂肪干细胞单次输注\n"
     "据了解,该院甘晓峰团队此前还开展了一项单臂研究:30例2型糖尿病患者接受自体脂肪间充质干细胞单次输注。",
     [["84名"], ["脂肪干细胞单次输注", "30例"]]),
])
def test_heading_of_a_nested_study_joins_it(text: str, needles: list[list[str]]) -> None:
    check_holders(_texts(text), needles)


# --- a round-up's subheadings, one written as a list with commas; a cohort of people counted in words ---------
def test_roundup_subheadings_with_commas_and_people_in_words() -> None:
    text = ("Congress daily\n\nCord cells and islets headline the late-breakers\n\n"
            "Placebo-controlled cord MSC trial holds up\nProf. Qiao presented a trial in 96 adults with type 2 diabetes.\n\n"
            "Open-label trial reports similar direction\nDr. Wen reported a trial in which 90 patients with type 2 "
            "diabetes were randomised.\n\n"
            "Six patients, one procedure, no immunosuppression\nDr. Deng gave one-year data. Six people with type 1 "
            "diabetes received 6 x 10^8 cells once.")
    check_holders(_texts(text), [["96 adults"], ["90 patients"], ["Six people"]])


# --- an earlier study named by its publication ("該院早前發表的研究…十四名病人") ---------------------------
@pytest.mark.parametrize("text, needles", [
    ("馬灣醫院為五名一型糖尿病患者進行胰島移植,一年後三人毋須注射胰島素。\n\n團隊曾到高雄港都醫院取經。該院早前發表的研究追蹤十四名病人約五年,"
     "最終有五人仍然毋須打針。", [["五名"], ["十四名"]]),
    ("某医院为5名1型糖尿病患者进行胰岛移植。\n\n另一家医院此前发表的研究随访了14名患者约五年。", [["5名"], ["14名"]]),
])
def test_earlier_published_study_is_its_own(text: str, needles: list[list[str]]) -> None:
    check_holders(_texts(text), needles)
