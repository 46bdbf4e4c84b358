"""One study out of many reports: products and companies named in passing, a first-in-human trial told
as a case report, a company read as the institution, and reports that each tell part of one study
(joint profile, cluster.grow) without chaining look-alikes together."""
from __future__ import annotations

from typing import Optional

import pytest

from extract.dedupe import dedupe, explain, settings
from extract.dedupe.compare import features
from extract.dedupe.people import person_keys, shared_person
from test_dedupe import rec, sig
from test_dedupe_cluster import groups

T = settings.LINK_THRESHOLD


def told(r, text: str):
    """The record with its whole document text as its mention."""
    r.mention = [(0, len(text))]
    return r


# ---------------------------------------------------------------- products and companies named in passing

def test_a_product_named_in_passing_is_not_the_subject() -> None:
    # a story on VX-264 that mentions zimislecel in one sentence is no report of the zimislecel trial
    text = ("VX-264 trial discontinued. The VX-264 device did not make enough insulin; VX-264 was safe. "
            "Meanwhile zimislecel (VX-880) moves on.")
    side = told(rec("side", aliases=["VX-264", "zimislecel", "VX-880"], condition="T1D"), text)
    main = rec("main", aliases=["zimislecel"], condition="T1D")
    fa = features(side, text)
    assert fa.main_alias == "vx-264"
    link = explain(side, main, texts={"doc-side": text})
    assert sig(link, "alias") < 0 and link.score < T


def test_the_product_a_story_repeats_is_its_subject_in_chinese_too() -> None:
    text = "Zimislecel(VX-880)的1/2期试验:12名患者中10人脱离胰岛素。VX-880由Vertex开发,VX-264已停止。"
    r = told(rec("r", lang="zh", aliases=["Zimislecel", "VX-880", "VX-264"]), text)
    assert features(r, text).main_alias == "zimislecel"
    # without the text, the first named product is the subject
    assert features(r).main_alias == "zimislecel"


def test_two_companies_named_equally_often_lend_only_a_weak_sponsor_signal() -> None:
    text = "像Vertex公司用胚胎干细胞培育胰岛;Sana公司则编辑了供体胰岛细胞。"
    both = told(rec("both", lang="zh", organisations=["Vertex Pharmaceuticals", "Sana Biotechnology"],
                    condition="T1D"), text)
    vertex = rec("vertex", organisations=["Vertex Pharmaceuticals"], condition="T1D")
    link = explain(both, vertex, texts={"doc-both": text})
    assert 0 < sig(link, "sponsor") == settings.WEIGHTS["sponsor_side"] < settings.WEIGHTS["sponsor_equal"]


def test_a_story_about_one_company_that_names_another_shares_no_sponsor_with_the_other() -> None:
    text = "Sana公司的研究:Sana公司编辑了胰岛细胞。此前Vertex公司的疗法需要免疫抑制。"
    sana_story = told(rec("s", lang="zh", organisations=["Sana Biotechnology", "Vertex Pharmaceuticals"],
                          condition="T1D"), text)
    vertex = rec("v", organisations=["Vertex Pharmaceuticals"], condition="T1D")
    assert features(sana_story, text).main_sponsor == "sana"
    assert sig(explain(sana_story, vertex, texts={"doc-s": text}), "sponsor") == 0


def test_two_programmes_of_different_owners_are_kept_apart_by_a_quoted_experts_institution() -> None:
    # a story on Vertex's islets quotes a CAS scientist; his own institute's E-islet study shares his name and
    # institute, but its product belongs to another owner
    vertex_story = rec("v", lang="zh", condition="T1D", cell_types=["ESC-islet"],
                       organisations=["Vertex Pharmaceuticals", "CAS Center for Excellence in Molecular Cell Science"],
                       investigators=["程新"])
    eislet = rec("e", lang="zh", condition="T1D", cell_types=["other"], aliases=["E-islet"],
                 organisations=["CAS Center for Excellence in Molecular Cell Science"], investigators=["程新"])
    link = explain(vertex_story, eislet)
    assert sig(link, "sponsor") == settings.WEIGHTS["sponsor_differ"] < 0
    assert link.score < T
    # the same owner on both sides is no conflict; a side without an owner is none either
    other_vertex = rec("w", condition="T1D", cell_types=["ESC-islet"], aliases=["VX-880"])
    assert sig(explain(vertex_story, other_vertex), "sponsor") >= 0
    assert sig(explain(eislet, rec("x", lang="zh", condition="T1D", cell_types=["other"])), "sponsor") == 0


def test_two_case_reports_of_gene_edited_cells_for_one_condition_link_on_a_shared_detail() -> None:
    # a Taiwanese story (age, sex) and a Chinese one (sex) of one gene-edited islet case: the technique is rare
    tw = rec("tw", lang="zh", design="case_report", n=1, condition="T1D", cell_types=["islet"], patient_age=42,
             patient_sex="male", gene_edited=True)
    cn = rec("cn", lang="zh", design="case_report", n=1, condition="T1D", cell_types=["islet"], patient_sex="male",
             gene_edited=True)
    link = explain(tw, cn)
    assert sig(link, "gene_edited") == settings.WEIGHTS["gene_edited_equal"] > 0 and link.score >= T
    # one side silent about editing: no signal, and the pair stays below the threshold
    plain = rec("p", lang="zh", design="case_report", n=1, condition="T1D", cell_types=["islet"], patient_sex="male")
    link = explain(tw, plain)
    assert sig(link, "gene_edited") == 0 and link.score < T


def test_a_company_read_as_the_institution_counts_once_as_the_sponsor() -> None:
    a = rec("a", lang="zh", institution="美国Vertex制药公司", organisations=["Vertex Pharmaceuticals"])
    b = rec("b", lang="zh", institution="Vertex制药公司", organisations=["Vertex Pharmaceuticals"])
    link = explain(a, b)
    assert sig(link, "institution") == 0 and sig(link, "sponsor") > 0
    # a company the table lacks, in Chinese and in English
    fa = features(rec("c", lang="zh", institution="美国Nordvale生物技术公司"))
    assert fa.sponsors == frozenset({"co:nordvale"}) and not fa.institution


# ---------------------------------------------------------------- one patient

def test_a_first_in_human_trial_of_one_patient_is_told_as_a_case_report() -> None:
    trial = rec("t", design="single_arm_trial", n=1, condition="T1D", patient_age=42, patient_sex="male")
    case = rec("c", lang="zh", design="case_report", condition="T1D", patient_age=42, patient_sex="male")
    link = explain(trial, case)
    assert sig(link, "design") == settings.WEIGHTS["design_one_patient"]
    # with more patients the two designs still differ
    many = explain(rec("t", design="single_arm_trial", n=12), rec("c", design="case_report", n=12))
    assert sig(many, "design") == settings.WEIGHTS["design_near"]


# ---------------------------------------------------------------- reports that each tell part of one study

def _case_reports() -> list:
    """Invented: one gene-edited islet case told by two sponsor releases, a hospital's post, a journal news
    item in Chinese and a traditional-Chinese tabloid story; no identifier anywhere. The news item shares
    the sponsor with the releases and the journal with the hospital's post, too little with either."""
    return [
        rec("release", design="single_arm_trial", n=1, aliases=["UP421"], condition="T1D", patient_age=43,
            patient_sex="male", organisations=["Sana Biotechnology", "Uppsala University Hospital"]),
        rec("release2", design="observational", aliases=["UP421"], condition="T1D",
            organisations=["Sana Biotechnology", "Uppsala University Hospital"]),
        rec("hospital", lang="zh", design="case_report", n=1, institution="乌普萨拉大学医院", journal="新英格兰医学杂志",
            patient_age=42, patient_sex="male", disease_duration_years=37, condition="T1D"),
        rec("newsitem", lang="zh", design="case_report", n=1, journal="新英格兰医学杂志",
            organisations=["Sana Biotechnology"]),
        rec("tabloid", lang="zh-Hant", design="case_report", n=1, patient_age=42, patient_sex="male",
            disease_duration_years=37, condition="T1D"),
    ]


def test_reports_that_each_tell_part_of_one_case_make_one_study() -> None:
    rs = _case_reports()
    news = rs[3]
    # no single report shares enough with the news item on its own ...
    assert all(explain(news, r).score < T for r in rs if r is not news)
    dedupe(rs)
    # ... but the study its reports make up shares the sponsor with one and the journal with another
    assert news.study_id == rs[0].study_id


def test_a_look_alike_case_does_not_join_through_the_joint_profile() -> None:
    # another gene-edited islet case: same kind, condition, design, one patient; another age, hospital, sponsor
    rs = _case_reports()
    other = rec("other", lang="zh", design="case_report", n=1, condition="T1D", patient_age=25,
                patient_sex="female", journal="Cell", organisations=["Tianjin First Central Hospital"])
    dedupe([*rs, other])
    assert len({r.study_id for r in rs}) == 1 and other.study_id != rs[0].study_id


def test_numbers_shared_with_two_reports_each_are_no_joint_profile() -> None:
    # a gives the trial's 48 patients, b its HbA1c values, both its hospital; c, another study, shares the
    # 48 with a and the HbA1c values with b, and nothing about who ran it: it stays apart
    a = rec("a", n=48, condition="T2D", cell_types=["UC-MSC"], design="rct", institution="Huaixi Medical University",
            follow_up=365)
    b = rec("b", lang="zh", condition="T2D", cell_types=["UC-MSC"], design="rct", institution="淮西医科大学",
            hba1c=((8.6, 7.1),), follow_up=365)
    c = rec("c", n=48, condition="T2D", hba1c=((8.6, 7.1),))
    assert explain(a, b).score >= T and explain(a, c).score < T and explain(b, c).score < T
    dedupe([a, b, c])
    assert groups([a, b, c]) == {frozenset({"a", "b"}), frozenset({"c"})}


def test_equal_totals_split_into_other_arms_are_two_cohorts() -> None:
    # 40 = 20 + 20 in one report, 40 = 15 + 25 in a table row of another study: no shared cohort
    a = rec("a", n=40, arms=(20, 21), condition="T1D", cell_types=["HSC"], design="controlled_trial")
    b = rec("b", arms=(15, 25), condition="T1D", cell_types=["HSC"], design="controlled_trial")
    link = explain(a, b)
    assert sig(link, "n_total") == settings.WEIGHTS["n_arms_differ"] and link.score < T
    # randomised vs analysed arms (21/21 vs 20/19) are no conflict
    c = rec("c", arms=(20, 19), condition="T1D", cell_types=["HSC"], design="controlled_trial")
    assert sig(explain(rec("d", n=42, arms=(21,)), c), "n_total") >= 0


# ---------------------------------------------------------------- people across scripts

@pytest.mark.parametrize("a, b, kind", [
    ("邓宏魁", "Hongkui Deng", "full"),
    ("鄧宏魁", "Deng Hongkui", "full"),
    ("Jinquan Cai", "Cai J", "full"),
    ("Richard K. Burt", "Burt RK", "full"),
    ("Cai", "Jinquan Cai", "surname"),         # a table row gives the surname alone
    ("Voltarelli", "Júlio C. Voltarelli", "surname"),
    ("Jinquan Cai", "Wei Cai", None),          # two initials: two people
    ("殷浩", "Yin Hao", "full"),
])
def test_one_person_across_scripts(a: str, b: str, kind: Optional[str]) -> None:
    hit = shared_person(person_keys(a), person_keys(b))
    assert (hit[0] if hit else None) == kind


def test_an_investigator_both_reports_name_is_evidence() -> None:
    a = rec("a", lang="zh", investigators=["邓宏魁"], condition="T1D")
    b = rec("b", investigators=["Hongkui Deng", "Zhongyang Shen"], condition="T1D")
    assert sig(explain(a, b), "investigator") == settings.WEIGHTS["investigator_equal"]
    # a surname alone counts less, and not at all for the commonest surnames
    row = rec("row", investigators=["Cai"], condition="T1D")
    assert sig(explain(row, rec("c", investigators=["Jinquan Cai"])), "investigator") == settings.WEIGHTS["investigator_surname"]
    assert sig(explain(rec("w", investigators=["Wang"]), rec("v", investigators=["Shusen Wang"])), "investigator") == 0


def test_a_hospital_named_anywhere_counts_less_than_the_studys_own() -> None:
    # (a hospital the table lacks: one of the table is its organisation wherever it is named)
    a = rec("a", organisations=["Lanzhou General Hospital"], condition="T1D")
    b = rec("b", lang="zh", organisations=["兰州总医院器官移植研究所"], condition="T1D")
    assert sig(explain(a, b), "institution") == settings.WEIGHTS["institution_named"]
    own = explain(rec("a", institution="Lanzhou General Hospital"), rec("b", lang="zh", institution="兰州总医院"))
    assert sig(own, "institution") == settings.WEIGHTS["institution_equal"]
