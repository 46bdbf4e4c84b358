"""Segmentation classes of harder layouts (abstract books, releases with boxes, papers with tables, threads), with
examples written for this file.

- a book of abstracts whose talks are numbered by session on lines of their own ("OP-07-3", "S12-04-2"): one mention
  per talk;
- a release's box about another product of the company ("About QN-118" / "关于QN-118") that tells a completed trial
  with a cohort and a result: a study of its own; a box about the reported product, or one with no cohort, stays
  boilerplate;
- the same team's earlier study dated by a relative time ("三年前完成的I期研究", "去年開展的先導試驗") or told with "曾"
  after its year ("团队2024年曾在5名患者身上做过试验"): a study of its own;
- a flattened table ends at the paper's next section heading ("3 Results", "4. Discussion", "三、结果");
- a count word that opens a sentence ("Fifteen trials…", "Sixty-four adults…") names no actor.

Traps stay one mention.
"""
from __future__ import annotations

import pytest
from segment_helpers import check_holders

from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.segment import CASE_HEADING, PRIOR_STUDY, PRODUCT_BOX, segment
from extract.segment_openers import paragraph_actor
from extract.segment_tables import TABLE_END


def _texts(text: str) -> list[str]:
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))
    return ["".join(doc.text[s:e] for s, e in m.spans) for m in segment(doc) if m.kind != "registry"]


# --- session-numbered talks in a book of abstracts --------------------------------------------------
@pytest.mark.parametrize("line", ["OP-07-3", "S12-04-2", "FP-3-15", "  OS-2-11  "])
def test_session_talk_number_opens_a_study(line: str) -> None:
    assert CASE_HEADING.match(line)


@pytest.mark.parametrize("line", ["COVID-19", "QN-11-8a cells", "2025-06-14", "OP-07-3 was moved to Sunday",
                                  "09:40  OP-07-3  Adipose MSC in type 2 diabetes"])
def test_session_talk_number_traps(line: str) -> None:
    # no match
    assert not CASE_HEADING.match(line)


def test_book_of_abstracts_by_session_number() -> None:
    text = ("NORDIC ISLET MEETING 2025 · ABSTRACTS / 09:40  OP-07-3  Adipose MSC in type 2 diabetes / "
            "10:00  OP-07-4  Cord blood cells in type 1 diabetes / OP-07-3 / Adipose MSC in type 2 diabetes: a pilot / "
            "Methods: 22 adults with type 2 diabetes received 1 × 10^8 adipose MSC once. HbA1c fell from 8.6% to 7.9% "
            "at 6 months. / OP-07-4 / Cord blood cells in type 1 diabetes: a controlled study / Methods: 30 children "
            "with type 1 diabetes were given cord blood cells (n = 15) or usual care (n = 15). HbA1c was 7.4% vs 8.1% "
            "after one year.")
    check_holders(_texts(text), [["22 adults", "8.6%"], ["30 children", "7.4%"]])


# --- a release's box about another product ---------------------------------------------------------
@pytest.mark.parametrize("line, code", [("About QN-118", "QN-118"), ("About RX12", "RX12"), ("关于QN-118", "QN-118"),
                                        ("關於 QN-118", "QN-118"), ("About QN-118 Program", "QN-118")])
def test_product_box_heading(line: str, code: str) -> None:
    m = PRODUCT_BOX.match(line)
    assert m and m.group("code") == code


@pytest.mark.parametrize("line", ["About Quintara Bio", "About the QN-118 trial results in detail", "About 12 patients",
                                  "About QN-118, the company said"])
def test_product_box_heading_traps(line: str) -> None:
    # no match
    assert not PRODUCT_BOX.match(line)


_RELEASE = ("Quintara Bio Announces 12-Month Results of QN-204 for Type 1 Diabetes / "
            "BOSTON, March 3, 2025 -- Quintara Bio today announced one-year results of its phase 1 trial of QN-204. "
            "Twelve adults got 500 million cells each; HbA1c fell from 8.1% to 6.9%. / ")


def test_product_box_with_a_trial_is_a_study() -> None:
    text = _RELEASE + ("About QN-118 / QN-118, the company's earlier product, placed donor islets in a pouch. A pilot "
                       "gave it to five patients with type 1 diabetes, whose HbA1c dropped from 8.4% to 7.8% over 18 "
                       "months. / About Quintara Bio / Quintara employs 140 people.")
    check_holders(_texts(text), [["Twelve adults", "8.1%"], ["five patients", "8.4%"]], absent=["140 people"])


def test_product_box_zh_with_a_trial_is_a_study() -> None:
    text = ("昆塔生物公布QN-204治疗1型糖尿病一年数据 / 昆塔生物今日公布QN-204的I期试验结果:12名患者接受5亿个细胞移植,"
            "糖化血红蛋白由8.1%降至6.9%。 / 关于QN-118 / QN-118是公司的上一代产品,在已完成的先导研究中,5名1型糖尿病患者"
            "接受移植,18个月后糖化血红蛋白由8.4%降至7.8%。")
    check_holders(_texts(text), [["12名患者", "8.1%"], ["5名1型糖尿病患者", "8.4%"]])


@pytest.mark.parametrize("box", [
    # the box about the reported product itself
    "About QN-204 / QN-204 is an islet therapy; in the trial, twelve patients received it after screening.",
    # a box about the reported trial under a code the release did not use above (its cohort is the one reported)
    "About QX-9 / QX-9 is the development code of the islet product; twelve adults received it in the trial.",
    # a box with no cohort
    "About QN-118 / QN-118 is an encapsulated islet product that the company stopped developing in 2023.",
])
def test_product_box_traps(box: str) -> None:
    # no new study
    texts = _texts(_RELEASE + box)
    assert len(texts) == 1, texts


# --- the same team's earlier study, dated relatively or with 曾 --------------------------------------
@pytest.mark.parametrize("text, found", [
    ("研究组三年前完成的I期研究共纳入12人", True),
    ("该课题组去年开展的先导试验收治了4名患者", True),
    ("研究團隊兩年前完成的一期試驗有10人參與", True),
    ("團隊前年進行的先導研究收治5名病人", True),
    ("团队2024年曾在5名患者身上做过试验", True),
    ("課題組2023年曾為4名病人進行初步試驗", True),
    ("Three years ago the team had completed a phase 1 trial in 12 patients", True),
    ("Two years earlier, the investigators ran a pilot with four patients", True),
    # no match: the reported study, a start date of the reported trial, a speaker
    ("团队两年前开始的这项研究今年发表", False),
    ("研究團隊去年發表的這項試驗顯示", False),
    ("团队2024年启动的试验纳入40例患者", False),
    ("Two years ago the team started recruiting for the present study", False),
    ("团队三年前就开始关注这一领域", False),
])
def test_team_earlier_study_relative_date(text: str, found: bool) -> None:
    assert bool(PRIOR_STUDY.search(text)) is found


def test_team_earlier_study_is_its_own_mention() -> None:
    text = ("松原医科大学团队近日在《再生医学前沿》发表一项随机对照试验,60名2型糖尿病患者分两组。 / 随访一年后,细胞组糖化血红"
            "蛋白由8.5%降至7.3%。研究组三年前完成的I期研究共纳入12人,主要观察安全性。 / 专家认为结果值得关注。")
    check_holders(_texts(text), [["60名2型糖尿病患者", "8.5%"], ["纳入12人"]])


def test_team_earlier_study_zh_hant_is_its_own_mention() -> None:
    text = ("松原大學醫學中心團隊於9月在網上發表一項隨機試驗,60名2型糖尿病患者分成兩組。 / 經一年跟進,細胞組的糖化血紅素由"
            "8.5%降至7.3%。團隊2023年曾在4名病人身上做過先導試驗,未見嚴重不良反應。 / 專家認為結果值得關注。")
    check_holders(_texts(text), [["60名2型糖尿病患者", "8.5%"], ["4名病人"]])


# --- a flattened table ends at the paper's next section --------------------------------------------
@pytest.mark.parametrize("line", ["3 Results", "4. Discussion", "2.1 Study selection", "三、结果", "2 研究方法", "Conclusions",
                                  "5 参考文献"])
def test_section_heading_ends_a_table(line: str) -> None:
    assert TABLE_END.match(line)


@pytest.mark.parametrize("line", ["3 patients had results above target", "12 Okafor 2021 Ghana 24 (12/12) UC-MSC",
                                  "Results of the pilot were mixed", "4 例患者结果良好"])
def test_section_heading_traps(line: str) -> None:
    # no match
    assert not TABLE_END.match(line)


def test_results_section_after_a_flattened_table_is_no_row() -> None:
    text = ("Adipose stromal cells for type 2 diabetes: a pooled analysis / Findings: we pooled eleven trials (480 "
            "participants) and saw a modest fall in HbA1c. / Table 2 Trials we pooled / Author N Cell type Dose Follow-up / "
            "Lindqvist 2020 24 (12/12) AD-MSC 1 × 10^6/kg 12 months / Baptiste 2023 36 (18/18) AD-MSC "
            "2 × 10^6/kg 6 months / 3 Results / 3.1 Search / After screening 900 records we kept 11 trials. "
            "Trials lasted between / 3 and 12 months.")
    texts = _texts(text)
    assert len(texts) == 3, [t[:50] for t in texts]
    assert not any(t.lstrip().startswith(("Results\n", "3 Results", "and 12 months")) for t in texts)


# --- a count word is no actor -------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Fifteen trials that randomized 420 participants were pooled.",
                                  "Forty-two adults were randomized between cells and usual care.",
                                  "Twelve patients treated at the centre received two infusions."])
def test_count_word_is_no_actor(text: str) -> None:
    assert paragraph_actor(text, 0, len(text)) is None


def test_named_actor_still_opens() -> None:
    text = "Vexora Therapeutics reported that 12 patients with type 1 diabetes stopped insulin."
    assert paragraph_actor(text, 0, len(text)) is not None


# --- a reader who turns to another report in a thread ---------------------------------------------------
@pytest.mark.parametrize("text, found", [
    ("Also saw that Korean report out of Daegu, a 41M off insulin for a year", True),
    ("I also read about that Kyoto trial with 8 patients", True),
    ("And I came across a study from Lyon where 6 people stopped insulin", True),
    ("还看到杭州那个病例,38岁男性,停胰岛素一年", True),
    ("另外看過台中的一項研究,8名病人", True),
    # no match: a reader's own story, a plain "also"
    ("Also saw my endo today, she said wait for phase 3", False),
    ("还看到有人说要打三针", False),
])
def test_thread_turns_to_another_report(text: str, found: bool) -> None:
    from extract.segment import OTHER_TEAM
    assert bool(OTHER_TEAM.search(text)) is found


_THREAD = ("r/islets • Posted by u/cgm_dad • 3 days ago / QN-204 one year data is out / Twelve people dosed, HbA1c went "
           "from 8.1 to 6.9 on average. Trial is NCT01234567. / Top comments / u/pump_girl • 2d / Huge if it holds. / ")


def test_thread_comment_with_another_case_is_its_own_mention() -> None:
    text = _THREAD + ("u/old_t1 • 2d / I also read about the Korean case out of Daegu: 41M, insulin-free since month four, "
                      "tracked 16 months,\nHbA1c 8.3 -> 6.1. Not the same method. / u/skeptic • 1d / n=12 is tiny.")
    check_holders(_texts(text), [["Twelve people", "8.1"], ["Daegu", "HbA1c 8.3 -> 6.1"]])


def test_thread_comment_on_the_company_old_product_is_its_own_mention() -> None:
    text = _THREAD + "u/old_t1 • 2d / Don't forget QN-118, their old pouch product: it moved A1c from 8.4 to 7.9 over a year."
    check_holders(_texts(text), [["Twelve people", "8.1"], ["QN-118", "8.4 to 7.9"]])


@pytest.mark.parametrize("comment", ["u/old_t1 • 2d / Also saw my endo today, she said wait.",
                                     "u/old_t1 • 2d / QN-204 got me excited, my A1c is 7.9 now."])
def test_thread_comment_traps(comment: str) -> None:
    # no new study
    texts = _texts(_THREAD + comment)
    assert len(texts) == 1, texts


# --- a hard-wrapped paragraph ends where its sentence does -----------------------------------------------
def test_paragraph_end_follows_a_wrapped_line() -> None:
    from extract.segment import _paragraph_end
    text = "Our unit gave cells to four patients in a pilot,\nwith HbA1c 8.0 -> 7.2 at twelve months.\nNext line."
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text, source_format="txt"))
    assert doc.view[:_paragraph_end(doc, 0, len(doc.view))].endswith("at twelve months.")
    text = "Our unit gave cells to four patients in a pilot.\nNext line goes on,"
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text, source_format="txt"))
    assert doc.view[:_paragraph_end(doc, 0, len(doc.view))].endswith("in a pilot.")


# --- a result stands for a cohort in the old product's sentence --------------------------------------------
@pytest.mark.parametrize("text", ["moved patients from 8.4 to 7.9", "HbA1c dropped from 8.4% down to 7.6%", "糖化血红蛋白由8.4%降至7.9%",
                                  "糖化血色素由8.4%降到7.9%", "A1c 8.0 -> 7.1", "A1c 8.0 → 7.1"])
def test_own_result(text: str) -> None:
    from extract.segment import OWN_RESULT
    assert OWN_RESULT.search(text)


@pytest.mark.parametrize("text", ["from 2019 to 2023", "由3名增至12名", "from week 4 to week 12", "8 -> 12 patients"])
def test_own_result_traps(text: str) -> None:
    from extract.segment import OWN_RESULT
    # no match
    assert not OWN_RESULT.search(text)


# --- a numbered newsletter item: an animal study's cohort, another disease named as "not diabetes" ------------
def test_newsletter_items_animal_and_other_disease() -> None:
    text = ("WEEKLY CELL NOTES | Issue 40 / 1) Adipose cells in type 2 diabetes / Porto researchers said 30 adults "
            "with type 2 diabetes were given adipose MSC; HbA1c dropped from 8.7% to 7.8%. / 2) Animal corner: a "
            "cord-cell gel / A Graz lab closed skin ulcers faster in 18 db/db mice using a cord-cell gel. / 3) Off-topic - "
            "not diabetes / Knee osteoarthritis: adipose MSC injections (n = 90) eased pain at six months.")
    texts = _texts(text)
    check_holders(texts, [["30 adults", "8.7%"], ["18 db/db mice"]], absent=["n = 90"])


@pytest.mark.parametrize("text, found", [("Off-topic - not diabetes", False), ("不是糖尿病,但值得一看", False),
                                         ("並非糖尿病研究", False), ("not about diabetes this week", False),
                                         ("Type 2 diabetes and knees", True), ("糖尿病足", True)])
def test_diabetes_named_as_subject(text: str, found: bool) -> None:
    from extract.segment import DIABETES_SUBJECT
    assert bool(DIABETES_SUBJECT.search(text)) is found


# --- a date in brackets after the journal a report appeared in ---------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("HbA1c fell, as described in the paper in Islet\nBiology Letters (June 2025). More.", "2025-06"),
    ("The results were published in Diabetes Care (March 2024).", "2024-03"),
    ("Their paper in Stem Cell Research (May 2023) described four patients.", "2023-05"),
    # no match: a bracketed date after a place or a meeting
    ("Enrolment ran in Oslo (March 2024).", None),
    ("The team presented at the EASD meeting (September 2024).", None),
])
def test_journal_bracket_date(text: str, value) -> None:
    from extract import metadata
    doc = to_document(SourceDoc(doc_id="c.txt", raw_text=text, source_format="txt"))
    hit = metadata.published_date(doc, 0, len(doc.view))
    assert (hit.value["value"] if hit else None) == value


# --- a planned trial the writer's team is preparing -----------------------------------------------------
@pytest.mark.parametrize("text, found", [
    ("我们正在准备一项100例的随机对照试验,预计明年开始招募", True),
    ("本院正在籌劃一項多中心試驗", True),
    ("團隊正在準備一項II期臨床試驗", True),
    ("We are preparing a 100-patient randomised trial", True),
    # no match: preparing something else
    ("我们正在准备材料", False),
    ("患者正在准备出院", False),
])
def test_trial_in_preparation_is_planned(text: str, found: bool) -> None:
    from extract.segment import PLANNED_STUDY
    assert bool(PLANNED_STUDY.search(text)) is found


# --- earlier animal work told in a thread whose cohort is counted in words -----------------------------------
def test_animal_background_cut_when_people_are_counted_in_words() -> None:
    text = ("r/islets • Posted by u/cgm_dad • 3 days ago / QN-204 one year data / Seven people treated to date, HbA1c "
            "went from 8.1 to 6.9. / u/lab_rat • 2d / Rats got this treatment back in 2017 (30 rats). Humans matter more.")
    texts = _texts(text)
    assert len(texts) == 1 and "Seven people" in texts[0] and "30 rats" not in texts[0], texts
