"""Look-alike studies told inside the report of another one, and roundups told aloud.

Written for this file in simplified Chinese, traditional Chinese and English side by side:

- the same team's dated earlier study named by its kind, with no verb ("该团队2023年的1期研究仅纳入18例患者",
  "The same group's 2024 meta-analysis pooled 11 trials"): a study of its own;
- a company's earlier or other product told with a cohort of its own ("它早年的产品QN-201…在6名患者身上试了一年",
  "QN-201, its earlier product, … in six patients"): a study of its own, to the end of its paragraph;
- a paragraph that opens with its source ("根據公司資料,這項試驗分兩組…") or calls the reported trial by name with a
  demonstrative ("這項名為ARBOR-1的試驗"): no new study;
- a roundup told aloud ("先说X医院。… / 再说Y大学。…") whose later paragraphs turn back to an item by its short name
  ("而X这边…", "Y那边的团队说…"): one mention per item, each holding its own paragraphs;
- a release's fact box after its end mark ("###" / "JOURNAL" / "DOI" / "ARTICLE PUBLICATION DATE"): its journal, DOI and
  date are the study's.

Traps stay one mention.
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
    ("值得一提的是,该团队2023年的1期研究仅纳入18例患者", True),
    ("同一团队2024年的荟萃分析纳入11项试验", True),
    ("該團隊2022年進行的先導試驗收治了6名病人", True),
    ("同一團隊2024年的統合分析納入11項試驗", True),
    ("The same group's 2024 meta-analysis in type 2 diabetes pooled 11 randomized trials", True),
    ("the same team's earlier phase 1 trial enrolled 18 patients", True),
    ("The same investigators' 2021 pilot study treated six patients", True),
    # no match: the reported study itself, a paper without a study noun, the team as a speaker
    ("该团队2026年的这项研究纳入72例患者", False),
    ("該團隊2026年的這項試驗納入72名病人", False),
    ("该团队2023年的论文引起关注", False),
    ("The same group published the protocol in 2024", False),
    ("同一团队的研究人员表示", False),
])
def test_same_team_dated_study_cue(text: str, found: bool) -> None:
    assert bool(PRIOR_STUDY.search(text)) is found


@pytest.mark.parametrize("text, needles", [
    ("异体脂肪干细胞治疗2型糖尿病 / 近日,某大学团队在《某杂志》发表了一项随机对照试验,共纳入72例患者,HbA1c由8.4%降至7.3%。"
     " / 研究团队计划开展更大规模试验。值得一提的是,该团队2023年的1期研究仅纳入18例患者,且无对照组。",
     [["72例", "8.4%"], ["18例患者"]]),
    ("異體脂肪幹細胞治療第二型糖尿病 / 近日,某大學團隊在《某期刊》發表一項隨機對照試驗,共納入72名病人,糖化血色素由8.4%降至7.3%。"
     " / 同一團隊2023年的1期研究僅納入18名病人,且沒有對照組。",
     [["72名", "8.4%"], ["18名病人"]]),
    ("Stem cell therapy lowers HbA1c, meta-analysis shows / Mesenchymal stem cell therapy lowered HbA1c, according to a "
     "meta-analysis published in Diabetes Cell Therapy Reviews. / The review included 16 randomized trials with 842 "
     "participants; the mean difference was -0.72%. / The same group's 2024 meta-analysis in type 2 diabetes pooled 11 "
     "randomized trials with 610 participants and found a reduction of 0.48 percentage points.",
     [["842", "-0.72%"], ["610 participants", "0.48"]]),
])
def test_same_team_dated_study_is_its_own_mention(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


# --- a company's earlier or other product with a cohort of its own -------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("通用型干细胞胰岛来了 / 某生物公司近日更新了其产品QN-307的临床数据,9名1型糖尿病患者接受了治疗,HbA1c从8.0%降到6.8%。"
     "QN-307只需移植一次。 / 不过,该公司之前也翻过车。它早年的产品QN-201装进胶囊装置,在6名患者身上试了一年,几乎测不到C肽。"
     " / 该公司计划明年再招募约30名患者。",
     [["9名", "8.0%"], ["QN-201", "6名患者"]]),
    ("通用型幹細胞胰島 / 某生技公司日前公布,旗下產品QN-307在臨床試驗中,9名受試者都沒有使用免疫抑制劑,糖化血色素由8.0%降至6.8%。"
     " / 醫師也提到,該公司先前另一款裝在膠囊裡的產品QN-201,6名病人試了一年幾乎沒有效果,已經喊停。",
     [["9名", "8.0%"], ["QN-201", "6名病人"]]),
    ("Quillon reports clinical progress of QN-307 / Nine patients were dosed with QN-307 in the ARBOR-1 trial; in Cohort 2 "
     "HbA1c fell from 8.0% to 6.8%. QN-307 is implanted once. / As previously announced, Quillon discontinued QN-201, its "
     "earlier encapsulated product, after the Phase 1 study in six patients showed no C-peptide. HbA1c was 7.7% at "
     "baseline and 7.6% at month 12.",
     [["Nine patients", "8.0%"], ["QN-201", "six patients", "7.7%"]]),
])
def test_earlier_product_is_its_own_mention(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text, needles", [
    ("Nordvale reports NV-210 data / Nordvale said 14 patients received NV-210 in its phase 1/2 study, and HbA1c fell from "
     "8.1% to 7.0%. NV-210 needs no immunosuppression. / The company's previous candidate, NV-110, was tested in 8 patients "
     "and dropped in 2024 after showing no benefit.", [["14 patients", "8.1%"], ["NV-110", "8 patients"]]),
    ("Nordvale reports NV-210 data / Nordvale said 14 patients received NV-210 in its phase 1/2 study, and HbA1c fell from "
     "8.1% to 7.0%. NV-210 needs no immunosuppression. Nordvale's earlier product NV-110 had shown no benefit in 8 patients.",
     [["14 patients", "8.1%"], ["NV-110", "8 patients"]]),
    ("某公司公布AB-417数据 / 某公司近日公布,AB-417在1/2期研究中治疗了14名患者,HbA1c从8.1%降至7.0%。AB-417无需免疫抑制。 / "
     "该公司此前的产品AB-201曾在8名患者中试验,未见疗效。", [["14名", "8.1%"], ["AB-201", "8名患者"]]),
    ("某公司公布AB-417數據 / 某公司近日公布,AB-417在1/2期研究中治療了14名病人,糖化血色素從8.1%降至7.0%。AB-417無需免疫抑制。 / "
     "該公司上一代產品AB-201曾在8名病人身上測試,未見療效。", [["14名", "8.1%"], ["AB-201", "8名病人"]]),
    ("Pilot becomes trial / A team at Pushan University reported a randomized trial in 60 patients; HbA1c fell by 0.9%. / "
     "The same researchers' 2022 pilot trial in 10 patients had shown the approach was safe.",
     [["60 patients", "0.9%"], ["10 patients"]]),
    ("某大学团队发表随机对照试验 / 近日,某大学团队在《某杂志》发表一项随机对照试验,纳入60例患者,HbA1c下降0.9%。 / "
     "同一课题组2022年的先导试验纳入10例患者,证实了安全性。", [["60例", "0.9%"], ["10例患者"]]),
])
def test_earlier_product_and_study_wordings(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text", [
    # no cohort of the earlier product: a comparison only
    "某公司产品QN-307的临床数据公布,9名患者接受治疗,HbA1c从8.0%降到6.8%。QN-307再次显示效果。与它早年的产品QN-201不同,"
    "QN-307不需要胶囊。",
    "Nine patients received QN-307, and HbA1c fell from 8.0% to 6.8%. QN-307 was well tolerated. Unlike its earlier "
    "product QN-201, QN-307 needs no capsule.",
    # the earlier product is the one the article reports (most often named)
    "QN-201 is back / Quillon restarted QN-201 in six patients. QN-201 showed C-peptide. QN-201, its earlier product, "
    "was reformulated, and six patients were dosed again; QN-307 waits.",
])
def test_earlier_product_traps_stay_one_mention(text: str) -> None:
    assert len(_texts(text)) == 1


# --- a paragraph led by its source, a trial called by name: the same study -----------------------------
@pytest.mark.parametrize("text", [
    "美國某生技公司日前公布,旗下幹細胞胰島產品在1/2期臨床試驗中,9名受試者都沒有使用免疫抑制劑。 / 根據公司資料,這項名為"
    "ARBOR-1的試驗分兩組,第一組3人植入1.5億顆細胞,第二組6人植入4.5億顆細胞。",
    "美国某生物公司近日公布,其干细胞胰岛产品在1/2期临床试验中,9名受试者均未使用免疫抑制剂。 / 据公司介绍,这项研究分两组,"
    "第一组3人,第二组6人。",
    "A US company said nine patients in its phase 1/2 trial needed no immunosuppression. / According to the company, "
    "the trial has two cohorts: 3 patients at the low dose and 6 at the high dose.",
])
def test_source_led_paragraph_is_the_same_study(text: str) -> None:
    assert len(_texts(text)) == 1


@pytest.mark.parametrize("text, needles", [
    # a source named by its own name is a new subject in a roundup
    ("干细胞治疗糖尿病进展 / 近日,某公司公布其产品在1/2期试验中治疗了9名患者,HbA1c从8.0%降至6.8%。 / 据长征医院介绍,该院为12名"
     "2型糖尿病患者输注了脐带干细胞,HbA1c下降0.9%。", [["9名", "8.0%"], ["12名", "0.9%"]]),
    ("幹細胞治療糖尿病進展 / 近日,某公司公布其產品在1/2期試驗中治療了9名病人,糖化血色素從8.0%降至6.8%。 / 據長庚醫院介紹,該院為12名"
     "第二型糖尿病病人輸注了臍帶幹細胞,糖化血色素下降0.9%。", [["9名", "8.0%"], ["12名", "0.9%"]]),
])
def test_named_source_still_opens_a_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text, found", [
    ("這項名為ARBOR-1的試驗分兩組", True),
    ("这项代号ARBOR-1的1/2期临床试验", True),
    ("该项称为CEDAR-2的研究", True),
    ("this trial, called ARBOR-1, has two cohorts", True),
    # no match: another trial by name
    ("另一项名为ARBOR-2的试验", False),
    ("a trial called ARBOR-2", False),
])
def test_trial_called_by_name_is_a_back_reference(text: str, found: bool) -> None:
    assert bool(BACK_REFERENCE.search(text)) is found


# --- a roundup told aloud, and paragraphs that turn back to an item ------------------------------------
@pytest.mark.parametrize("line, first", [
    ("先说沅湖市中心医院。他们一共分析了156名患者", True),
    ("先說桐江醫科大學附屬第二醫院。24位病人", True),
    ("首先来看某大学团队的研究", True),
    ("再说桐江医科大学附属第二医院。24位患者", False),
    ("再說沅湖市中心醫院。156名病人", False),
    ("最后来看北方某公司的数据", False),
    ("First, let's look at Yuanhu Central Hospital. Its team reviewed 156 patients", True),
    ("Let's start with the Tongjiang team, which treated 24 patients", True),
    ("Next, let's turn to Tongjiang Medical University. Its team gave 24 patients", False),
    ("Then there's Nordvale Therapeutics, whose trial enrolled 14 people", False),
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
    ("而沅湖这边还有个细节:有19个人停了胰岛素", "沅湖"),
    ("桐江那边的团队说,治疗后半年复查", "桐江"),
    ("至於沅湖那邊,醫生也坦言沒有對照組", "沅湖"),
    ("至于沅湖市中心医院的研究,医生也坦言没有对照组", "沅湖市中心医院"),
    ("說回桐江醫大團隊:半年後複查", "桐江醫大"),
    ("Back at Yuanhu, 19 patients stopped insulin", "Yuanhu"),
    ("As for the Tongjiang team, half a year later", "Tongjiang"),
])
def test_return_to_item(line: str, name: str) -> None:
    m = RETURN_TO_ITEM.match(line)
    assert m is not None and (m.group("zh") or m.group("zh2") or m.group("en")) == name


@pytest.mark.parametrize("text, needles", [
    ("两家医院交出成绩单 / 说到干细胞治糖尿病,咱们一起来看看。 / 先说沅湖市中心医院。他们的团队分析了156名2型糖尿病患者,"
     "每人打两次。两年下来,糖化从8.7降到了7.6。 / 再说桐江医科大学附属第二医院。阮教授团队给24位2型糖尿病患者一周一针,连打四针,"
     "糖化平均降了1个点。 / 而沅湖这边还有个细节:有19个人直接把胰岛素停了,这个研究没有对照组。 / 桐江那边的团队说,治疗后半年复查,"
     "多数患者的胰岛素用量都少了三成。",
     [["156名", "8.7", "19个人"], ["24位", "一周一针", "三成"]]),
    ("兩家醫院交出成績單 / 說到幹細胞治糖尿病,一起來看看。 / 先說沅湖市中心醫院。他們的團隊分析了156名第二型糖尿病病人,"
     "每人打兩次。兩年下來,糖化從8.7降到了7.6。 / 再說桐江醫科大學附屬第二醫院。阮教授團隊給24位第二型糖尿病病人一週一針,"
     "連打四針。 / 而沅湖這邊還有個細節:有19個人直接把胰島素停了。 / 桐江那邊的團隊說,治療後半年複查,多數病人胰島素用量少了三成。",
     [["156名", "8.7", "19個人"], ["24位", "一週一針", "三成"]]),
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
    _check("两家医院交出成绩单 / 先说沅湖市中心医院。他们分析了156名2型糖尿病患者,糖化从8.7降到了7.6。 / 再说桐江医科大学附属第二医院。"
           "阮教授团队给24位2型糖尿病患者一周一针,连打四针。 / 至于费用,每针约两万元,有3名患者自费。",
           [["156名", "8.7"], ["24位", "两万元"]])


def test_spoken_roundup_with_returns_en() -> None:
    _check("Two hospitals report results / Cell therapy for diabetes has a bad name, but two hospitals have now published "
           "data. / First, let's look at Yuanhu Central Hospital. Its team reviewed 156 patients with type 2 diabetes who "
           "received two infusions. HbA1c fell from 8.7% to 7.6%. / Next, let's turn to Tongjiang Medical University. Its "
           "team gave 24 patients four weekly injections; HbA1c fell by 1 point. / Back at Yuanhu, 19 patients stopped "
           "insulin. / As for the Tongjiang team, insulin doses fell by 30% at six months.",
           [["156 patients", "19 patients"], ["24 patients", "30%"]])


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
    ("NEWS RELEASE / Stem cells lower HbA1c in type 2 diabetes / In the trial, 72 adults were randomly assigned to cells or "
     "placebo. The study is published in the Journal of Regenerative Diabetology. / ### / JOURNAL / Journal of Regenerative "
     "Diabetology / DOI / 10.7712/jrdb.2026.0158 / METHOD OF RESEARCH / Randomized controlled/clinical trial / ARTICLE "
     "PUBLICATION DATE / 18-Nov-2026 / COI STATEMENT / The author holds a patent.", "2026-11-18"),
    ("新闻稿 / 干细胞降低2型糖尿病患者HbA1c / 研究纳入72例患者,发表在《再生糖尿病学杂志》上。 / -END- / 期刊: 再生糖尿病学杂志 / "
     "发表日期: 2026-11-18 / 媒体联系: 王先生", "2026-11-18"),
])
def test_fact_box_after_end_mark(text: str, date: str) -> None:
    got = _metadata(text)
    assert got.get("pub_date") == date
    assert "patent" not in got["text"] and "媒体联系" not in got["text"] and "METHOD OF RESEARCH" not in got["text"]


def test_end_mark_without_fact_box_drops_the_tail() -> None:
    text = ("Stem cells lower HbA1c / In the trial, 72 adults were randomly assigned to cells or placebo. / ### / "
            "Media contact: Dana / Related news: 120 patients in another trial")
    got = _metadata(text)
    assert "120 patients" not in got["text"] and "pub_date" not in got


# --- the dates of a look-alike and of a registry record's publication ----------------------------------
@pytest.mark.parametrize("text, year", [
    ("The same group's 2024 meta-analysis in type 2 diabetes pooled 11 randomized trials", "2024"),
    ("the same team's 2022 systematic review of 9 trials", "2022"),
    ("同一团队2024年的荟萃分析纳入11项试验", "2024"),
    ("同一團隊2024年發表的統合分析納入11項試驗", "2024"),
    # no match: a trial's year may be when it ran
    ("The same group's 2023 phase 1 trial enrolled 18 patients", None),
    ("该团队2023年的1期研究仅纳入18例患者", None),
])
def test_same_team_paper_year(text: str, year: str | None) -> None:
    from extract.segment import OWN_YEAR_PAPER
    m = OWN_YEAR_PAPER.search(text)
    assert (m and (m.group("year") or m.group("zyear"))) == year


def test_same_team_review_is_dated_by_its_year() -> None:
    doc = _doc("Stem cell therapy lowers HbA1c, meta-analysis shows / Stem cell therapy lowered HbA1c, according to a "
               "meta-analysis published in Diabetes Cell Therapy Reviews in 2026. / It included 16 randomized trials with "
               "842 participants. / The same group's 2024 meta-analysis in type 2 diabetes pooled 11 randomized trials with "
               "610 participants and found a reduction of 0.48 percentage points.")
    nested = [m for m in segment(doc) if m.kind == "nested"]
    assert len(nested) == 1
    assert [h.value["value"] for h in nested[0].hits if h.field == "pub_date"] == ["2024"]


@pytest.mark.parametrize("text, date", [
    ("ClinicalTrials.gov / Bone marrow cells in type 2 diabetes / Enrollment: 48 / Publications / Ferreira-Lund M, Okonkwo D. "
     "Bone marrow cell therapy in type 2 diabetes: results of a randomized trial. Diabetes Metab Cell Res. 2026;18(6):744-753. "
     "PMID: 41902237 / Study Record Dates / First Submitted: 2023-03-28 / Results First Posted: 2026-09-30", "2026"),
    ("ClinicalTrials.gov / Islet cells in type 1 diabetes / Enrollment: 12 / Results Publications: / Lee A, Kim B. Islets "
     "without immunosuppression. Cell Transplant. 2025 Mar;34:101-110. PMID: 40000001 / Last Update Posted: 2025-06-01",
     "2025-03"),
])
def test_registry_record_publication_date(text: str, date: str) -> None:
    ms = [m for m in segment(_doc(text)) if m.kind in ("document", "study")]
    assert len(ms) == 1
    assert [h.value["value"] for h in ms[0].hits if h.field == "pub_date"] == [date]


def test_registry_record_without_publication_has_no_date() -> None:
    # a posting date is no publication, and a reference told in prose is no Publications section
    text = ("ClinicalTrials.gov / Islet cells in type 1 diabetes / Enrollment: 12 / Background: see Lee A, Kim B. Islets. "
            "Cell Transplant. 2019;28:1-9. / Results First Posted: 2026-09-30")
    ms = [m for m in segment(_doc(text)) if m.kind in ("document", "study")]
    assert [h.value["value"] for h in ms[0].hits if h.field == "pub_date"] == []


# --- a digest item's heading above a study that its reference cites ------------------------------------
@pytest.mark.parametrize("text, item, mouse", [
    ("文献速递 / 01 脐带MSC治疗2型糖尿病156例真实世界研究 / 某医院团队回顾性分析了156例2型糖尿病患者,HbA1c由8.7%降至7.6%[1]。 / "
     "02 小鼠研究:hAESC外泌体改善db/db小鼠胰岛素抵抗 / 一项动物研究显示,外泌体可使db/db小鼠空腹血糖下降约35%[2]。 / 参考文献 / "
     "[1] 覃佩瑶, 李明. 脐带间充质干细胞治疗2型糖尿病的真实世界研究[J]. 中华再生医学杂志, 2026, 8(11): 801-806. / "
     "[2] 何锐, 丁雪. 人羊膜上皮干细胞外泌体对db/db小鼠胰岛素抵抗的影响[J]. 细胞与分子医学, 2026, 22(9): 530-536.",
     "156例", "hAESC外泌体"),
    ("文獻速遞 / 01 臍帶MSC治療第二型糖尿病156例真實世界研究 / 某醫院團隊回顧性分析了156例第二型糖尿病病人,糖化血色素由8.7%降至7.6%[1]。 / "
     "02 小鼠研究:hAESC外泌體改善db/db小鼠胰島素阻抗 / 一項動物研究顯示,外泌體可使db/db小鼠空腹血糖下降約35%[2]。 / 參考文獻 / "
     "[1] 覃佩瑶, 李明. 臍帶間充質幹細胞治療第二型糖尿病的真實世界研究[J]. 中華再生醫學雜誌, 2026, 8(11): 801-806. / "
     "[2] 何銳, 丁雪. 人羊膜上皮幹細胞外泌體對db/db小鼠胰島素阻抗的影響[J]. 細胞與分子醫學, 2026, 22(9): 530-536.",
     "156例", "hAESC外泌體"),
])
def test_digest_item_heading_goes_with_its_cited_study(text: str, item: str, mouse: str) -> None:
    texts = _texts(text)
    holders = [t for t in texts if mouse in t]
    assert len(holders) == 1 and "db/db小鼠空腹" in holders[0] and item not in holders[0]


# --- one named participant of a cohort, and the sentences that go on about her or him ------------------
@pytest.mark.parametrize("text, kept, dropped", [
    ("七名病人接受胰島細胞移植 / 某醫院公布,為7名第一型糖尿病病人進行胰島細胞移植,平均糖化血色素從8.9%降到6.1%。 / 其中一名35歲的林小姐,"
     "13歲確診第一型糖尿病;她在2023年接受第二次移植後就停用胰島素,至今已超過2年。 / 醫師表示,病人術後需長期服用抗排斥藥物。",
     ["8.9%", "抗排斥"], ["林小姐", "超過2年"]),
    ("七名患者接受胰岛细胞移植 / 某医院公布,为7名1型糖尿病患者进行胰岛细胞移植,平均糖化血红蛋白从8.9%降到6.1%。 / 其中58岁的王阿姨"
     "病程20年。她术后第3个月停用胰岛素,至今已2年。 / 医生表示,患者术后需长期服用抗排斥药物。",
     ["8.9%", "抗排斥"], ["王阿姨", "至今已2年"]),
    ("Seven patients off insulin / A hospital reported that 7 patients with type 1 diabetes received islet transplants; "
     "mean HbA1c fell from 8.9% to 6.1%. / Mrs Lee, 58, was diagnosed at 13. She has not injected insulin for two years. / "
     "Doctors said patients need lifelong immunosuppression.", ["8.9%", "immunosuppression"], ["Mrs Lee", "two years"]),
])
def test_named_participant_story_runs_on_with_her_pronoun(text: str, kept: list[str], dropped: list[str]) -> None:
    texts = _texts(text)
    assert len(texts) == 1
    assert all(k in texts[0] for k in kept) and not any(d in texts[0] for d in dropped)


def test_pronoun_in_the_next_paragraph_is_not_the_story() -> None:
    # the doctor's "他" in a paragraph of its own, and "他们" (the team), stay the cohort's
    texts = _texts("七名患者接受胰岛细胞移植 / 某医院公布,为7名1型糖尿病患者进行胰岛细胞移植,平均糖化血红蛋白从8.9%降到6.1%。 / "
                   "其中58岁的王阿姨病程20年。他们随访了全部患者24个月。 / 他也提醒,并非所有患者都适合。")
    assert len(texts) == 1 and "随访了全部患者24个月" in texts[0] and "他也提醒" in texts[0] and "王阿姨" not in texts[0]


# --- a bilingual page tells the same earlier study twice ----------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("Stem cells slow insulin loss 幹細胞減慢胰島素流失 / The hospital's randomised trial treated 42 adolescents with type 1 "
     "diabetes, who received two infusions 12 weeks apart. / 醫院的隨機對照試驗為42名一型糖尿病青少年輸注兩次細胞,相隔十二星期。 / "
     "The trial builds on the team's earlier pilot study, completed in 2023, in which 8 adults received one infusion and were "
     "followed for 6 months. / 是次研究建基於團隊2023年完成的先導研究:當時8名成年人各接受一次輸注,並跟進6個月。",
     [["42 adolescents", "42名"], ["8 adults", "8名成年人"]]),
    ("干细胞减慢胰岛素流失 Stem cells slow insulin loss / 医院的随机对照试验为42名1型糖尿病青少年输注两次细胞。 / "
     "The hospital's randomised trial treated 42 adolescents with type 1 diabetes. / 本研究建基于团队此前的先导研究:当时8名成年人"
     "各接受一次输注,随访6个月。 / It builds on the team's earlier pilot study, in which 8 adults received one infusion.",
     [["42名", "42 adolescents"], ["8名成年人", "8 adults"]]),
])
def test_bilingual_page_tells_one_earlier_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


def test_two_earlier_studies_in_two_languages_stay_two() -> None:
    # different cohorts: two studies, though one is told in English and the next in Chinese
    _check("Stem cells slow insulin loss 幹細胞減慢胰島素流失 / The hospital's randomised trial treated 42 adolescents with "
           "type 1 diabetes. / The trial builds on the team's earlier pilot study, in which 8 adults received one infusion. / "
           "此外,另一家醫院的團隊早前的研究為15名病人輸注了臍帶幹細胞。",
           [["42 adolescents"], ["8 adults"], ["15名病人"]])


# --- a company update's sections headed by product codes -----------------------------------------------
@pytest.mark.parametrize("text, needles", [
    ("Nordvale Reports Third Quarter 2026 Financial Results / Clinical Highlights / NV-210 (HALO-1; NCT07000001) / HALO-1 is "
     "a Phase 1/2 trial in type 1 diabetes. - As of the data cut-off, 14 patients had been dosed with NV-210. - Mean HbA1c "
     "fell from 8.1% to 7.0% at six months. / NV-330 / - The first 6 patients with type 2 diabetes received NV-330 in a "
     "Phase 1 study; HbA1c fell from 8.9% to 8.2% at 3 months. / Third Quarter 2026 Financial Results / - R&D expenses "
     "were $58.3 million.", [["14 patients", "8.1%"], ["NV-330", "6 patients", "8.9%"]]),
    ("某公司发布三季度业绩 / 临床进展 / NV-210(HALO-1) / HALO-1是一项1型糖尿病1/2期试验,截至数据截止日,14名患者接受了NV-210治疗,"
     "HbA1c从8.1%降至7.0%。 / NV-330 / 首批6名2型糖尿病患者在1期研究中接受了NV-330治疗,3个月时HbA1c从8.9%降至8.2%。 / 财务数据 / "
     "研发费用为5830万美元。", [["14名", "8.1%"], ["NV-330", "6名", "8.9%"]]),
    ("某公司公布第三季財報 / 臨床進展 / NV-210(HALO-1) / HALO-1是一項第一型糖尿病1/2期試驗,截至數據截止日,14名病人接受NV-210治療,"
     "糖化血色素從8.1%降至7.0%。 / NV-330(第二型糖尿病) / 首批6名病人在1期研究中接受NV-330治療,3個月時糖化血色素從8.9%降至8.2%。 / "
     "財務數據 / 研發費用為5830萬美元。", [["14名", "8.1%"], ["NV-330", "6名", "8.9%"]]),
])
def test_product_heading_opens_a_study(text: str, needles: list[list[str]]) -> None:
    _check(text, needles)


@pytest.mark.parametrize("text", [
    # the section names no cohort: a manufacturing or partnership note
    "Nordvale Reports Results / NV-210 (HALO-1) / 14 patients had been dosed with NV-210; HbA1c fell from 8.1% to 7.0%. / "
    "NV-330 / Manufacturing scale-up is on track for 2027. / Financial Results / R&D expenses were $58.3 million.",
    # the product was the subject before: its own section again
    "Nordvale NV-210 update / 14 patients had been dosed with NV-210 in HALO-1; HbA1c fell from 8.1% to 7.0%. / NV-210 / "
    "Six-month data from the 14 patients will be presented in 2027.",
    # a plain heading that is no product code
    "某公司发布三季度业绩 / 临床进展 / 14名患者接受了NV-210治疗,HbA1c从8.1%降至7.0%。 / 安全性 / 2名患者出现发热。",
])
def test_product_heading_traps_stay_one_mention(text: str) -> None:
    assert len(_texts(text)) == 1
