"""Look-alike studies told inside the report of another one, roundups told aloud, and the metadata of such pages.

Examples written for this file in simplified Chinese, traditional Chinese and English side by side (invented teams,
products, places and numbers), each class with traps that must stay one mention:

- the same team's dated earlier study named by its kind, with no verb ("该课题组2021年的Ⅰ期研究只入组了12例患者",
  "The same team's 2025 meta-analysis of 14 trials"): a study of its own, dated by its year when it is a review;
- a company's earlier or other product told with a cohort of its own ("它早年的产品HX-120…在5名患者身上…",
  "HX-120, its older pouch-based product, … in five patients"): a study of its own, to the end of its paragraph;
- a paragraph that opens with its source ("根據公司說明,…") or calls the reported trial by name with a demonstrative
  ("這項名為LANTERN-2的研究"): no new study; a source named by its own name still opens one;
- a roundup told aloud ("先说X医院。… / 再说Y学院。…", "First, let's look at X Hospital.") whose later paragraphs turn
  back to an item by its short name ("而X这边…", "Y那边的医生说…", "Back at X, …"): one mention per item, each holding
  its own paragraphs;
- a release's fact box after its end mark ("###" / "JOURNAL" / "DOI" / "ARTICLE PUBLICATION DATE"): its journal, DOI and
  date are the study's, the rest of the tail is not;
- a registry record's Publications section: the reference dates the study, a posting date does not;
- a digest item's numbered heading right above a study that its reference cites: it goes with that cited study;
- one named participant of a cohort, and the sentences after it that go on about her or him: not the cohort's;
- a bilingual page telling the same earlier study in English and then in Chinese: one mention;
- a company update's sections headed by product codes: a section on another product with a cohort is a study of its own.
"""
from __future__ import annotations

import pytest
from segment_helpers import check_holders

from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.segment import PRIOR_STUDY, RETURN_TO_ITEM, _sequence_lead, segment
from extract.segment_openers import BACK_REFERENCE


def _doc(text: str):
    return to_document(SourceDoc(doc_id="c.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))


def _texts(text: str) -> list[str]:
    doc = _doc(text)
    return ["".join(doc.text[s:e] for s, e in m.spans) for m in segment(doc) if m.kind != "registry"]


def _check(text: str, needles: list[list[str]], absent: list[str] = ()) -> None:
    check_holders(_texts(text), needles, absent)


# --- the same team's dated earlier study, named by its kind -------------------------------------------
@pytest.mark.parametrize("text, found", [
    ("需要说明的是,该课题组2021年的Ⅰ期研究只入组了12例患者", True),
    ("同一团队2025年的Meta分析汇总了14项试验", True),
    ("該團隊2022年進行的先導試驗收治了6名病人", True),
    ("同一團隊2025年的系統評價共收錄14項試驗", True),
    ("The same team's 2025 meta-analysis of 14 trials in type 1 diabetes found a smaller effect", True),
    ("the same researchers' earlier open-label phase 1 trial recruited 12 volunteers", True),
    ("The same investigators' 2021 pilot study treated six patients", True),
    # no match: the reported study itself, a paper without a study noun, the team as a speaker
    ("该团队2026年的这项试验入组了64例患者", False),
    ("該團隊2026年的本研究共收治64名病人", False),
    ("该团队2022年的论文被广泛引用", False),
    ("The same lab described its protocol in 2023", False),
    ("同一课题组的研究人员介绍", False),
])
def test_same_team_dated_study_cue(text: str, found: bool) -> None:
    assert bool(PRIOR_STUDY.search(text)) is found


@pytest.mark.parametrize("text, needles", [
    ("骨髓干细胞治疗1型糖尿病 / 日前,某医学院团队在《某期刊》发表一项随机对照试验,共入组64例患者,HbA1c由8.6%降至7.5%。"
     " / 团队下一步将扩大样本。需要说明的是,该课题组2021年的Ⅰ期研究只入组了12例患者,且没有设对照。",
     [["64例", "8.6%"], ["12例患者"]]),
    ("骨髓幹細胞治療第一型糖尿病 / 日前,某醫學院團隊在《某期刊》發表一項隨機對照試驗,共收治64名病人,糖化血色素由8.6%降至7.5%。"
     " / 同一團隊2021年的1期研究只收治12名病人,而且沒有對照組。",
     [["64名", "8.6%"], ["12名病人"]]),
    ("Meta-analysis: cord cells trim HbA1c / Umbilical cord cell therapy trimmed HbA1c, according to a meta-analysis "
     "in the Annals of Islet Medicine. / The analysis covered 21 randomized trials with 938 participants; HbA1c was "
     "0.64% lower than with control. / The same team's 2025 meta-analysis in type 1 diabetes pooled 14 randomized trials "
     "with 705 participants and found a reduction of 0.41 percentage points.",
     [["938", "0.64%"], ["705 participants", "0.41"]]),
])
def test_same_team_dated_study_is_its_own_mention(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


# --- a company's earlier or other product with a cohort of its own -------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("免排斥干细胞胰岛公布新数据 / 某细胞公司日前公布了其产品HX-415的试验结果,11名1型糖尿病患者接受了移植,HbA1c从8.3%降到7.1%。"
     "HX-415只需植入一次。 / 其实该公司也有过失败。它早年的产品HX-120放在皮下囊袋里,在5名患者身上观察了九个月,基本没有效果。"
     " / 公司打算后年再入组约40名患者。",
     [["11名", "8.3%"], ["HX-120", "5名患者"]]),
    ("免排斥幹細胞胰島 / 某細胞公司近日發表,旗下產品HX-415在早期試驗中,11名受試者均未服用抗排斥藥,糖化血色素由8.3%降至7.1%。"
     " / 專家同時指出,該公司先前另一款植入皮下的產品HX-120,5名病人用了九個月仍不見起色,已經停止開發。",
     [["11名", "8.3%"], ["HX-120", "5名病人"]]),
    ("Halvergen updates HX-415 results / Eleven patients have received HX-415 in the LANTERN-2 study; in the higher-dose "
     "group HbA1c dropped from 8.3% to 7.1%. HX-415 is given as a single implant. / Halvergen stopped work on HX-120, its "
     "older pouch-based product, in 2025 after a first-in-human study in five patients found no insulin secretion. HbA1c "
     "stayed near 7.9% at the start and 7.8% after nine months.",
     [["Eleven patients", "8.3%"], ["HX-120", "five patients", "7.9%"]]),
])
def test_earlier_product_is_its_own_mention(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text, needles", [
    ("Tavenor reports TV-612 data / Tavenor said 13 patients received TV-612 in its phase 1/2 study, and HbA1c fell from "
     "8.5% to 7.4%. TV-612 needs no immunosuppression. / The company's previous candidate, TV-240, was tested in 7 patients "
     "and dropped in 2025 after showing no benefit.", [["13 patients", "8.5%"], ["TV-240", "7 patients"]]),
    ("Tavenor reports TV-612 data / Tavenor said 13 patients received TV-612 in its phase 1/2 study, and HbA1c fell from "
     "8.5% to 7.4%. TV-612 needs no immunosuppression. Tavenor's earlier product TV-240 had shown no benefit in 7 patients.",
     [["13 patients", "8.5%"], ["TV-240", "7 patients"]]),
    ("某公司公布AB-417数据 / 某公司近日公布,AB-417在1/2期研究中治疗了14名患者,HbA1c从8.1%降至7.0%。AB-417无需免疫抑制。 / "
     "该公司此前的产品AB-201曾在8名患者中试验,未见疗效。", [["14名", "8.1%"], ["AB-201", "8名患者"]]),
    ("某公司公布AB-417數據 / 某公司近日公布,AB-417在1/2期研究中治療了14名病人,糖化血色素從8.1%降至7.0%。AB-417無需免疫抑制。 / "
     "該公司上一代產品AB-201曾在8名病人身上測試,未見療效。", [["14名", "8.1%"], ["AB-201", "8名病人"]]),
    ("Pilot becomes trial / A team at Ashcombe University reported a randomized trial in 56 patients; HbA1c fell by 0.8%. / "
     "The same researchers' 2022 pilot trial in 9 patients had shown the approach was safe.",
     [["56 patients", "0.8%"], ["9 patients"]]),
    ("某大学团队发表随机对照试验 / 近日,某大学团队在《某杂志》发表一项随机对照试验,纳入60例患者,HbA1c下降0.9%。 / "
     "同一课题组2022年的先导试验纳入10例患者,证实了安全性。", [["60例", "0.9%"], ["10例患者"]]),
])
def test_earlier_product_and_study_wordings(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text", [
    # no cohort of the earlier product: a comparison only
    "某公司产品HX-415的试验数据发布,11名患者接受移植,HbA1c从8.3%降到7.1%。HX-415再次显示疗效。和它早年的产品HX-120不同,"
    "HX-415无需皮下囊袋。",
    "Eleven patients received HX-415, and HbA1c dropped from 8.3% to 7.1%. HX-415 was well tolerated. Unlike its older "
    "product HX-120, HX-415 needs no pouch.",
    # the earlier product is the one the article reports (most often named)
    "HX-120 returns / Halvergen resumed HX-120 in five patients. HX-120 produced C-peptide. HX-120, its older product, "
    "was redesigned, and five patients were implanted again; HX-415 is on hold.",
])
def test_earlier_product_traps_stay_one_mention(text: str) -> None:
    assert len(_texts(text)) == 1


# --- a paragraph led by its source, a trial called by name: the same study -----------------------------
@pytest.mark.parametrize("text", [
    "歐洲某細胞公司近日表示,其胰島細胞產品在1/2期試驗中,11名受試者均未服用抗排斥藥。 / 根據公司說明,這項名為LANTERN-2的研究"
    "分為兩個劑量組,低劑量組4人各植入2億顆細胞,高劑量組7人各植入5億顆細胞。",
    "欧洲某细胞公司日前表示,其胰岛细胞产品在1/2期试验中,11名受试者都没有服用抗排斥药。 / 据公司介绍,这项研究设两个剂量组,"
    "低剂量组4人,高剂量组7人。",
    "A European company said 11 patients in its phase 1/2 study took no anti-rejection drugs. / According to the company, "
    "the study has two dose groups: 4 patients received the lower dose and 7 the higher one.",
])
def test_source_led_paragraph_is_the_same_study(text: str) -> None:
    assert len(_texts(text)) == 1


@pytest.mark.parametrize("text, needles", [
    # a source named by its own name is a new subject in a roundup
    ("干细胞治疗糖尿病进展 / 近日,某公司公布其产品在1/2期试验中治疗了11名患者,HbA1c从8.3%降至7.1%。 / 据长征医院介绍,该院为12名"
     "2型糖尿病患者输注了脐带干细胞,HbA1c下降0.9%。", [["11名", "8.3%"], ["12名", "0.9%"]]),
    ("幹細胞治療糖尿病進展 / 近日,某公司公布其產品在1/2期試驗中治療了11名病人,糖化血色素從8.3%降至7.1%。 / 據長庚醫院介紹,該院為12名"
     "第二型糖尿病病人輸注了臍帶幹細胞,糖化血色素下降0.9%。", [["11名", "8.3%"], ["12名", "0.9%"]]),
])
def test_named_source_still_opens_a_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text, found", [
    ("這項名為LANTERN-2的研究設兩個劑量組", True),
    ("这项代号LANTERN-2的早期临床研究", True),
    ("该项称为MERIDIAN-4的研究", True),
    ("this study, called LANTERN-2, has two dose groups", True),
    # no match: another trial by name
    ("另一项名为LANTERN-3的研究", False),
    ("a study called LANTERN-3", False),
])
def test_trial_called_by_name_is_a_back_reference(text: str, found: bool) -> None:
    assert bool(BACK_REFERENCE.search(text)) is found


# --- a roundup told aloud, and paragraphs that turn back to an item ------------------------------------
@pytest.mark.parametrize("line, first", [
    ("先说芦汀市人民医院。他们总共回顾了138名患者", True),
    ("先說楓嶺醫學院附屬醫院。30位病人", True),
    ("首先来看某大学团队的研究", True),
    ("再说枫岭医学院附属医院。30位患者", False),
    ("再說蘆汀市人民醫院。138名病人", False),
    ("最后来看北方某公司的数据", False),
    ("First, let's look at Luting People's Hospital. Its team reviewed 138 patients", True),
    ("Let's start with the Fengling team, which treated 30 patients", True),
    ("Next, let's turn to Fengling Medical University. Its team gave 30 patients", False),
    ("Then there's Halvergen Therapeutics, whose study enrolled 11 people", False),
])
def test_spoken_sequence_lead(line: str, first: bool) -> None:
    lead = _sequence_lead(line)
    assert lead is not None and bool(lead.group(1)) is first


@pytest.mark.parametrize("line", [
    "先说结论:干细胞组52名患者HbA1c下降",      # no institution after the word
    "再说一遍,24位患者都完成了随访",
    "先說重點:24位病人",
    "First, let's look at the numbers. In the trial 52 patients were treated",
    "Next, let's turn to Safety: 5 patients had fever",
    "First up the results: 52 patients",
])
def test_spoken_sequence_lead_traps(line: str) -> None:
    assert _sequence_lead(line) is None


@pytest.mark.parametrize("line, name", [
    ("而芦汀这边还有一点:有17个人不再打胰岛素", "芦汀"),
    ("枫岭那边的医生说,治疗三个月后复查", "枫岭"),
    ("至於蘆汀那邊,醫師也承認沒有設對照組", "蘆汀"),
    ("至于芦汀市人民医院的研究,医生也承认没有设对照组", "芦汀市人民医院"),
    ("說回楓嶺醫學院團隊:三個月後複查", "楓嶺醫學院"),
    ("Back at Luting, 17 patients came off insulin", "Luting"),
    ("As for the Fengling team, three months later", "Fengling"),
])
def test_return_to_item(line: str, name: str) -> None:
    m = RETURN_TO_ITEM.match(line)
    assert m is not None and (m.group("zh") or m.group("zh2") or m.group("en")) == name


@pytest.mark.parametrize("text, needles", [
    ("两家医院晒出数据 / 干细胞能不能治糖尿病,今天咱们聊聊。 / 先说芦汀市人民医院。他们的团队回顾了138名2型糖尿病患者,"
     "每人输三次。一年半下来,糖化从9.1降到了7.8。 / 再说枫岭医学院附属医院。祁教授团队给30位2型糖尿病患者两周一针,一共六针,"
     "糖化平均降了0.9个点。 / 而芦汀这边还有一点:有17个人不再打胰岛素,这项研究没有设对照组。 / 枫岭那边的医生说,治疗三个月后复查,"
     "大部分患者的胰岛素用量减少了四成。",
     [["138名", "9.1", "17个人"], ["30位", "两周一针", "四成"]]),
    ("兩家醫院公布數據 / 幹細胞能不能治糖尿病,今天來聊聊。 / 先說蘆汀市人民醫院。他們的團隊回顧了138名第二型糖尿病病人,"
     "每人輸三次。一年半下來,糖化從9.1降到了7.8。 / 再說楓嶺醫學院附屬醫院。祁教授團隊給30位第二型糖尿病病人兩週一針,"
     "一共六針。 / 而蘆汀這邊還有一點:有17個人不再打胰島素。 / 楓嶺那邊的醫師說,治療三個月後複查,大部分病人胰島素用量減少了四成。",
     [["138名", "9.1", "17個人"], ["30位", "兩週一針", "四成"]]),
])
def test_spoken_roundup_with_returns(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("line", [
    "至于费用,每针约两万元",          # a name that no item's opening line holds: checked by the caller
    "总的来说,两项研究都没有对照组",
    "As for costs, each infusion is expensive",
])
def test_return_to_item_traps(line: str) -> None:
    m = RETURN_TO_ITEM.match(line)
    assert m is None or (m.group("zh") or m.group("zh2") or m.group("en")) in ("费用", "costs")


def test_return_to_an_unnamed_item_stays() -> None:
    # "至于费用" names no item: the paragraph stays with the item before it
    _check("两家医院晒出数据 / 先说芦汀市人民医院。他们回顾了138名2型糖尿病患者,糖化从9.1降到了7.8。 / 再说枫岭医学院附属医院。"
           "祁教授团队给30位2型糖尿病患者两周一针,一共六针。 / 至于费用,每针约一万八千元,有4名患者自费。",
           [["138名", "9.1"], ["30位", "一万八千元"]])


def test_spoken_roundup_with_returns_en() -> None:
    _check("Two hospitals share results / Stem cells for diabetes have a poor reputation, yet two hospitals have now put "
           "numbers out. / First, let's look at Luting People's Hospital. Its team reviewed 138 patients with type 2 "
           "diabetes who had three infusions each. HbA1c dropped from 9.1% to 7.8%. / Next, let's turn to Fengling Medical "
           "University. Its team gave 30 patients six injections two weeks apart; HbA1c dropped by 0.9 points. / Back at "
           "Luting, 17 patients came off insulin. / As for the Fengling team, insulin doses were 40% lower after three months.",
           [["138 patients", "17 patients"], ["30 patients", "40%"]])


def test_spoken_lead_without_institutions_stays_one_mention() -> None:
    text = ("干细胞治糖尿病的新数据 / 某医院团队近日发表研究,纳入52名2型糖尿病患者。 / 先说结论:52名患者的HbA1c平均下降1.1个百分点。"
            " / 再说安全性:5名患者出现发热。")
    assert len(_texts(text)) == 1
    text = ("Two takeaways / First, let's look at the numbers. In the trial 52 patients were treated and HbA1c fell by 1.1 "
            "points. / Next, let's turn to safety: 5 patients had fever.")
    assert len(_texts(text)) == 1


# --- a release's fact box after its end mark --------------------------------------------------------------
def _metadata(text: str) -> dict[str, str]:
    doc = _doc(text)
    ms = [m for m in segment(doc) if m.kind in ("document", "study")]
    assert len(ms) == 1
    return {h.field: h.value["value"] for h in ms[0].hits if h.field in ("pub_date", "journal")} | {
        "text": "".join(doc.text[s:e] for s, e in ms[0].spans)}


@pytest.mark.parametrize("text, date", [
    ("NEWS RELEASE / Cord cells curb HbA1c in teenagers with type 1 diabetes / In the study, 58 teenagers were randomly "
     "assigned to cord cells or saline. The results appear in the Journal of Islet Regeneration. / ### / JOURNAL / Journal "
     "of Islet Regeneration / DOI / 10.5512/jir.2026.0421 / FUNDING / Kestrelmoor Health Foundation / ARTICLE "
     "PUBLICATION DATE / 23-Sep-2026 / COI STATEMENT / One author consults for a cell therapy company.", "2026-09-23"),
    ("新闻稿 / 脐带干细胞改善1型糖尿病青少年血糖 / 研究纳入58例患者,论文刊登于《胰岛再生杂志》。 / -END- / 期刊: 胰岛再生杂志 / "
     "发表日期: 2026-09-23 / 媒体联系: 赵女士", "2026-09-23"),
])
def test_fact_box_after_end_mark(text: str, date: str) -> None:
    got = _metadata(text)
    assert got.get("pub_date") == date
    assert "consults" not in got["text"] and "媒体联系" not in got["text"] and "FUNDING" not in got["text"]


def test_end_mark_without_fact_box_drops_the_tail() -> None:
    text = ("Cord cells curb HbA1c / In the study, 58 teenagers were randomly assigned to cord cells or saline. / ### / "
            "Media contact: Tomasz / Related news: 140 patients in another trial")
    got = _metadata(text)
    assert "140 patients" not in got["text"] and "pub_date" not in got


# --- the dates of a look-alike and of a registry record's publication ----------------------------------
@pytest.mark.parametrize("text, year", [
    ("The same team's 2025 meta-analysis of 14 trials in type 1 diabetes found a smaller effect", "2025"),
    ("the same researchers' 2021 systematic review covered 7 trials", "2021"),
    ("同一课题组2025年的荟萃分析汇总了14项试验", "2025"),
    ("同一團隊2025年發表的統合分析收錄14項試驗", "2025"),
    # no match: a trial's year may be when it ran
    ("The same team's 2021 phase 1 trial recruited 12 volunteers", None),
    ("该课题组2021年的Ⅰ期研究只入组了12例患者", None),
])
def test_same_team_paper_year(text: str, year: str | None) -> None:
    from extract.segment import OWN_YEAR_PAPER
    m = OWN_YEAR_PAPER.search(text)
    assert (m and (m.group("year") or m.group("zyear"))) == year


def test_same_team_review_is_dated_by_its_year() -> None:
    doc = _doc("Meta-analysis: cord cells trim HbA1c / Umbilical cord cell therapy trimmed HbA1c, according to a "
               "meta-analysis published in the Annals of Islet Medicine in 2026. / It covered 21 randomized trials with "
               "938 participants. / The same team's 2025 meta-analysis in type 1 diabetes pooled 14 randomized trials with "
               "705 participants and found a reduction of 0.41 percentage points.")
    nested = [m for m in segment(doc) if m.kind == "nested"]
    assert len(nested) == 1
    assert [h.value["value"] for h in nested[0].hits if h.field == "pub_date"] == ["2025"]


@pytest.mark.parametrize("text, date", [
    ("ClinicalTrials.gov / Adipose stromal cells in type 1 diabetes / Enrollment: 36 / Publications / Haverkamp J, "
     "Sutherland-Oyelaran T. Adipose stromal cell infusion in type 1 diabetes: a controlled study. J Clin Islet Res. "
     "2025;7(3):210-219. PMID: 40855012 / Study Record Dates / First Submitted: 2022-08-15 / Results First Posted: "
     "2025-12-02", "2025"),
    ("ClinicalTrials.gov / Encapsulated islets in type 1 diabetes / Enrollment: 10 / Results Publications: / Ibekwe N, "
     "Halloran E. Encapsulated islets under the skin. Islet Biol Rep. 2024 Oct;12:55-63. PMID: 39410022 / Last Update "
     "Posted: 2025-02-14", "2024-10"),
])
def test_registry_record_publication_date(text: str, date: str) -> None:
    ms = [m for m in segment(_doc(text)) if m.kind in ("document", "study")]
    assert len(ms) == 1
    assert [h.value["value"] for h in ms[0].hits if h.field == "pub_date"] == [date]


def test_registry_record_without_publication_has_no_date() -> None:
    # a posting date is no publication, and a reference told in prose is no Publications section
    text = ("ClinicalTrials.gov / Encapsulated islets in type 1 diabetes / Enrollment: 10 / Background: see Ibekwe N, "
            "Halloran E. Islets. Islet Biol Rep. 2018;6:1-8. / Results First Posted: 2025-11-20")
    ms = [m for m in segment(_doc(text)) if m.kind in ("document", "study")]
    assert [h.value["value"] for h in ms[0].hits if h.field == "pub_date"] == []


# --- a digest item's heading above a study that its reference cites ------------------------------------
@pytest.mark.parametrize("text, item, animal, body", [
    ("研究快报 / 01 骨髓MSC治疗1型糖尿病64例随机对照研究 / 某大学团队将64例1型糖尿病患者随机分组,HbA1c由8.2%降至7.4%[1]。 / "
     "02 大鼠研究:脂肪干细胞条件培养基减轻STZ大鼠高血糖 / 一项动物实验显示,条件培养基连续给药6周,可使STZ大鼠空腹血糖下降约28%[2]。"
     " / 参考文献 / [1] 黎嘉禾, 孙朗. 骨髓间充质干细胞治疗1型糖尿病的随机对照研究[J]. 中国胰岛研究杂志, 2026, 4(7): 412-418. / "
     "[2] 章若溪, 温岚. 脂肪干细胞条件培养基对STZ诱导糖尿病大鼠血糖的影响[J]. 实验内分泌学, 2026, 15(5): 233-239.",
     "64例", "条件培养基减轻", "STZ大鼠空腹"),
    ("研究快報 / 01 骨髓MSC治療第一型糖尿病64例隨機對照研究 / 某大學團隊將64例第一型糖尿病病人隨機分組,糖化血色素由8.2%降至7.4%[1]。 / "
     "02 大鼠研究:脂肪幹細胞條件培養基減輕STZ大鼠高血糖 / 一項動物實驗顯示,條件培養基連續給藥6週,可使STZ大鼠空腹血糖下降約28%[2]。"
     " / 參考文獻 / [1] 黎嘉禾, 孫朗. 骨髓間充質幹細胞治療第一型糖尿病的隨機對照研究[J]. 中國胰島研究雜誌, 2026, 4(7): 412-418. / "
     "[2] 章若溪, 溫嵐. 脂肪幹細胞條件培養基對STZ誘導糖尿病大鼠血糖的影響[J]. 實驗內分泌學, 2026, 15(5): 233-239.",
     "64例", "條件培養基減輕", "STZ大鼠空腹"),
])
def test_digest_item_heading_goes_with_its_cited_study(text: str, item: str, animal: str, body: str) -> None:
    texts = _texts(text)
    holders = [t for t in texts if animal in t]
    assert len(holders) == 1 and body in holders[0] and item not in holders[0]


# --- one named participant of a cohort, and the sentences that go on about her or him ------------------
@pytest.mark.parametrize("text, kept, dropped", [
    ("九名病人完成胰島移植 / 某醫學中心發表,為9名第一型糖尿病病人施行胰島細胞移植,平均糖化血色素由9.2%降至6.4%。 / 其中42歲的許先生,"
     "患病已近三十年;他在2024年完成第二次移植後便不再注射胰島素,迄今已18個月。 / 醫師提醒,病人移植後必須長期服用免疫抑制藥物。",
     ["9.2%", "免疫抑制"], ["許先生", "18個月"]),
    ("九名患者完成胰岛移植 / 某医学中心发布,为9名1型糖尿病患者实施胰岛细胞移植,平均糖化血红蛋白由9.2%降至6.4%。 / 其中61岁的周阿姨"
     "病程25年。她移植后第5个月停掉了胰岛素,目前已坚持20个月。 / 医生提醒,患者移植后必须长期服用免疫抑制药物。",
     ["9.2%", "免疫抑制"], ["周阿姨", "20个月"]),
    ("Nine transplant recipients stop insulin / A medical centre said 9 people with type 1 diabetes had islet cell "
     "transplants, with mean HbA1c dropping from 9.2% to 6.4%. / Mr Ferrand, 47, has had diabetes since age 9. He has "
     "needed no insulin injections for 18 months. / Physicians noted that recipients must take anti-rejection drugs for "
     "life.", ["9.2%", "anti-rejection"], ["Mr Ferrand", "18 months"]),
])
def test_named_participant_story_runs_on_with_her_pronoun(text: str, kept: list[str], dropped: list[str]) -> None:
    texts = _texts(text)
    assert len(texts) == 1
    assert all(k in texts[0] for k in kept) and not any(d in texts[0] for d in dropped)


def test_pronoun_in_the_next_paragraph_is_not_the_story() -> None:
    # the doctor's "他" in a paragraph of its own, and "他们" (the team), stay the cohort's
    texts = _texts("九名患者完成胰岛移植 / 某医学中心发布,为9名1型糖尿病患者实施胰岛细胞移植,平均糖化血红蛋白由9.2%降至6.4%。 / "
                   "其中61岁的周阿姨病程25年。他们对所有患者随访了30个月。 / 他同时强调,这种移植只适合少数患者。")
    assert len(texts) == 1 and "对所有患者随访了30个月" in texts[0] and "他同时强调" in texts[0] and "周阿姨" not in texts[0]


# --- a bilingual page tells the same earlier study twice ----------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("Cord cells protect beta cells 臍帶細胞保護β細胞 / The clinic's randomised study gave 36 children with new type 1 "
     "diabetes three infusions eight weeks apart. / 診所的隨機研究為36名新確診一型糖尿病兒童輸注三次細胞,每次相隔八星期。 / "
     "The study follows the group's earlier safety study, finished in 2022, in which 6 young adults each had a single "
     "infusion and were monitored for 9 months. / 本研究延續團隊2022年完成的早期研究:當時6名年輕成人各接受一次輸注,並觀察9個月。",
     [["36 children", "36名"], ["6 young adults", "6名年輕成人"]]),
    ("脐带细胞保护β细胞 Cord cells protect beta cells / 诊所的随机研究为36名新诊断1型糖尿病儿童输注三次细胞。 / "
     "The clinic's randomised study gave 36 children with new type 1 diabetes three infusions. / 这项研究延续了课题组此前的"
     "初步研究:当时6名年轻成人各接受一次输注,观察9个月。 / It follows the group's earlier safety study, in which 6 young "
     "adults had a single infusion.",
     [["36名", "36 children"], ["6名年轻成人", "6 young adults"]]),
])
def test_bilingual_page_tells_one_earlier_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


def test_two_earlier_studies_in_two_languages_stay_two() -> None:
    # different cohorts: two studies, though one is told in English and the next in Chinese
    _check("Cord cells protect beta cells 臍帶細胞保護β細胞 / The clinic's randomised study gave 36 children with new "
           "type 1 diabetes three infusions. / The study follows the group's earlier safety study, in which 6 young adults "
           "had a single infusion. / 另外,另一間醫院的團隊早前的研究為21名病人輸注了骨髓幹細胞。",
           [["36 children"], ["6 young adults"], ["21名病人"]])


# --- a company update's sections headed by product codes -----------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("Tavenor Announces First Half 2026 Results and Pipeline Update / Pipeline Update / TV-612 (BEACON-1; NCT06988123) / "
     "BEACON-1, a first-in-human study, enrolls adults with long-standing type 1 diabetes. - By the June 30 cut-off, 13 "
     "participants had received TV-612. - Mean HbA1c declined from 8.5% to 7.4% at nine months. / TV-705 / - In a Phase 1 "
     "study, 5 participants with type 2 diabetes were given TV-705; HbA1c declined from 9.3% to 8.6% at 12 weeks. / "
     "Financial Summary / - Operating expenses totaled $41.6 million.",
     [["13 participants", "8.5%"], ["TV-705", "5 participants", "9.3%"]]),
    ("某公司公布上半年业绩 / 管线进展 / TV-612(BEACON-1) / BEACON-1是一项针对1型糖尿病的1/2期研究,截至6月30日,已有13名受试者接受"
     "TV-612治疗,HbA1c由8.5%降至7.4%。 / TV-705 / 在1期研究中,5名2型糖尿病受试者接受了TV-705,12周时HbA1c由9.3%降至8.6%。 / "
     "财务摘要 / 运营费用为4160万美元。", [["13名", "8.5%"], ["TV-705", "5名", "9.3%"]]),
    ("某公司公布上半年財報 / 研發管線 / TV-612(BEACON-1) / BEACON-1是一項第一型糖尿病1/2期研究,截至6月30日,13名受試者接受TV-612"
     "治療,糖化血色素由8.5%降至7.4%。 / TV-705(第二型糖尿病) / 1期研究中5名受試者接受TV-705治療,12週時糖化血色素由9.3%降至8.6%。 / "
     "財務摘要 / 營運費用為4160萬美元。", [["13名", "8.5%"], ["TV-705", "5名", "9.3%"]]),
])
def test_product_heading_opens_a_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text", [
    # the section names no cohort: a manufacturing or partnership note
    "Tavenor Pipeline Update / TV-612 (BEACON-1) / 13 participants had received TV-612; HbA1c declined from 8.5% to 7.4%. / "
    "TV-705 / A second production site will open in 2027. / Financial Summary / Operating expenses totaled $41.6 million.",
    # the product was the subject before: its own section again
    "Tavenor TV-612 news / 13 participants had received TV-612 in BEACON-1; HbA1c declined from 8.5% to 7.4%. / TV-612 / "
    "Twelve-month results for the 13 participants are expected in 2027.",
    # a plain heading that is no product code
    "某公司公布上半年业绩 / 管线进展 / 13名受试者接受了TV-612治疗,HbA1c由8.5%降至7.4%。 / 安全性 / 3名受试者出现头痛。",
])
def test_product_heading_traps_stay_one_mention(text: str) -> None:
    assert len(_texts(text)) == 1
