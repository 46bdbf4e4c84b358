"""Dedupe signals: identifiers, titles, the bilingual journal table, numbers, dates, contradictions."""
from __future__ import annotations

from typing import Any, Optional

import pytest

from extract.dedupe import dedupe, explain
from extract.dedupe import settings
from extract.dedupe.blocking import BlockStats, candidate_pairs
from extract.dedupe.compare import features
from extract.dedupe.normalise import JournalTable, context_numbers, journal_table, norm_title, title_tokens
from extract.models import CohortSize, Dose, Evidence, FollowUp, HbA1c, Record, Regimen, StudyMeta

EV = Evidence(quote="x", start=0, end=1)


def rec(rid: str, doc: Optional[str] = None, lang: str = "en", *, n: Optional[int] = None,
        arms: tuple[int, ...] = (), n_studies: Optional[int] = None,
        hba1c: tuple[tuple[Optional[float], Optional[float]], ...] = (),
        dose: Optional[tuple[float, float, bool]] = None, infusions: Optional[int] = None,
        interval: Optional[float] = None, follow_up: Optional[float] = None, **meta: Any) -> Record:
    """A record built from keyword facts (each test states only what it is about)."""
    cohorts = [CohortSize(n=n, role="total", evidence=EV)] if n else []
    cohorts += [CohortSize(n=a, role="arm", evidence=EV) for a in arms]
    if n_studies:
        cohorts.append(CohortSize(n=n_studies, role="studies_included", evidence=EV))
    return Record(
        record_id=rid, study_id="", doc_id=doc or f"doc-{rid}", lang=lang,  # type: ignore[arg-type]
        study=StudyMeta(**meta), cohort_sizes=cohorts,
        hba1c=[HbA1c(before=b, after=a, evidence=EV) for b, a in hba1c],
        doses=[Dose(cells_min=dose[0], cells_max=dose[1], per_kg=dose[2], evidence=EV)] if dose else [],
        regimen=[Regimen(infusions=infusions, interval_days=interval, evidence=EV)] if (infusions or interval) else [],
        follow_up=[FollowUp(days=follow_up, evidence=EV)] if follow_up else [],
    )


def sig(link, name: str) -> float:
    """Summed weight of one signal in a link (0 when absent)."""
    return sum(s.score for s in link.signals if s.name == name)


# ---------------------------------------------------------------- identifiers

@pytest.mark.parametrize("a, b, level", [
    ({"doi": "10.2147/dmso.s507801"}, {"doi": "10.2147/dmso.s507801"}, "identifier:doi"),
    ({"pmid": "40416928"}, {"pmid": "40416928"}, "identifier:pmid"),
    ({"pmcid": "PMC12102742"}, {"pmcid": "PMC12102742"}, "identifier:pmcid"),
    ({"registry_ids": ["NCT02302599"]}, {"registry_ids": ["NCT02302599", "ChiCTR2300072200"]}, "identifier:registry"),
])
def test_equal_identifier_is_decisive(a: dict, b: dict, level: str) -> None:
    link = explain(rec("a", **a), rec("b", lang="zh", **b))
    assert link.level == level
    assert link.score >= settings.LINK_THRESHOLD


def test_registry_ids_are_compared_without_case_or_dashes() -> None:
    a = rec("a", registry_ids=["NCT02302599"])
    # a record from another tool, in a form our schema would not write (model_copy does not validate)
    a.study = a.study.model_copy(update={"registry_ids": ["nct-02302599"]})
    link = explain(a, rec("b", registry_ids=["NCT02302599"]))
    assert link.level == "identifier:registry"


@pytest.mark.parametrize("a, b", [
    ({"doi": "10.1000/aaa"}, {"doi": "10.1000/bbb"}),
    ({"pmid": "111"}, {"pmid": "222"}),
    ({"pmcid": "PMC111"}, {"pmcid": "PMC222"}),
])
def test_different_identifiers_forbid_the_link(a: dict, b: dict) -> None:
    same_title = "Umbilical cord MSC for type 2 diabetes: a randomised trial"
    link = explain(rec("a", title=same_title, **a), rec("b", title=same_title, **b))
    assert link.level == "contradiction"
    assert link.score < 0


def test_disjoint_registry_ids_count_against() -> None:
    link = explain(rec("a", registry_ids=["NCT01111111"]), rec("b", registry_ids=["NCT02222222"]))
    assert sig(link, "registry") < 0


# ---------------------------------------------------------------- titles

TITLE = "Efficacy and safety of umbilical cord-derived mesenchymal stem cells in Chinese adults with type 2 diabetes"


@pytest.mark.parametrize("t1, t2, level", [
    (TITLE, TITLE.upper() + ".", "title:exact"),                      # case and punctuation
    ("ＵＣ－ＭＳＣ治疗２型糖尿病的随机对照试验", "UC-MSC治疗2型糖尿病的随机对照试验", "title:exact"),  # full-width
    ("臍帶間充質幹細胞治療2型糖尿病的隨機對照試驗", "脐带间充质干细胞治疗2型糖尿病的随机对照试验", "title:exact"),  # traditional
    (TITLE, TITLE.replace("Efficacy", "Effiacy"), "title:strong_fuzzy"),  # typo
    (TITLE, TITLE.replace("Efficacy and safety", "Long-term outcomes"), "title:weak_fuzzy"),
])
def test_title_ladder(t1: str, t2: str, level: str) -> None:
    assert explain(rec("a", title=t1), rec("b", title=t2)).level == level


def test_unrelated_titles_in_one_script_count_against() -> None:
    link = explain(rec("a", title=TITLE), rec("b", title="Islet transplantation outcomes in brittle type 1 diabetes"))
    assert sig(link, "title") < 0
    assert link.level == "fingerprint"


@pytest.mark.parametrize("t1, t2", [
    ("Umbilical cord MSC in type 1 diabetes: a randomized trial", "Umbilical cord MSC in type 2 diabetes: a randomized trial"),
    ("脐带间充质干细胞治疗2型糖尿病的随机对照试验", "脐带间充质干细胞治疗1型糖尿病的随机对照试验"),
])
def test_near_identical_titles_with_different_numbers_count_against(t1: str, t2: str) -> None:
    link = explain(rec("a", title=t1), rec("b", title=t2))
    assert sig(link, "title") < 0 and link.level == "fingerprint"


def test_titles_in_different_scripts_are_no_evidence() -> None:
    link = explain(rec("a", title=TITLE), rec("b", lang="zh", title="脐带间充质干细胞治疗2型糖尿病的随机对照试验"))
    assert not [s for s in link.signals if s.name == "title"]


def test_title_normalisation() -> None:
    assert norm_title("  Stem-Cell   THERAPY： a Trial!! ") == "stem cell therapy a trial"
    assert norm_title("幹細胞治療") == "干细胞治疗"
    toks = title_tokens(norm_title("干细胞治疗糖尿病"))
    assert "干细" in toks and "尿病" in toks


# ---------------------------------------------------------------- journals (bilingual table)

@pytest.mark.parametrize("name, jid", [
    ("Diabetes, Metabolic Syndrome and Obesity", "diabetes-metab-syndr-obes"),
    ("Diabetes Metab Syndr Obes", "diabetes-metab-syndr-obes"),
    ("《糖尿病、代谢综合征与肥胖》", "diabetes-metab-syndr-obes"),
    ("Stem Cell Research & Therapy", "stem-cell-res-ther"),
    ("Stem cell researchtherapy", "stem-cell-res-ther"),             # '&' lost in a database export
    ("干细胞研究与治疗", "stem-cell-res-ther"),
    ("Stem Cells Transl Med", "stem-cells-transl-med"),
    ("臨床調查雜誌", "j-clin-invest"),                                # traditional script
    ("J. Clin. Invest.", "j-clin-invest"),
    ("the NEW ENGLAND JOURNAL OF MEDICINE", "n-engl-j-med"),
    ("新英格兰医学杂志", "n-engl-j-med"),
    ("柳叶刀", "lancet"),
    ("自然医学", "nat-med"),
    ("Diabetology & Metabolic Syndrome", "diabetol-metab-syndr"),
    ("糖尿病与代谢综合征", "diabetol-metab-syndr"),
    ("Front Endocrinol (Lausanne)", "front-endocrinol"),
    ("Frontiers in Endocrinology", "front-endocrinol"),
])
def test_journal_table_maps_languages_to_one_id(name: str, jid: str) -> None:
    assert journal_table().canonical(name) == jid


def test_journal_table_has_enough_journals_and_unknown_names_stay_raw() -> None:
    assert len(set(journal_table().keys.values())) >= 40
    assert journal_table().canonical("Journal of Imaginary Results").startswith("raw:")
    assert journal_table().canonical(None) is None


def test_journal_table_rejects_a_name_shared_by_two_journals() -> None:
    with pytest.raises(ValueError):
        JournalTable([{"id": "a", "names": ["Cell Reports"]}, {"id": "b", "names": ["cell reports"]}])


def test_same_journal_across_languages_links_a_chinese_post_to_an_english_abstract() -> None:
    zh = rec("zh1", lang="zh", title="干细胞治疗2型糖尿病登记研究", journal="糖尿病、代谢综合征与肥胖",
             pub_date="2025-05-19", design="observational", condition="T2D", cell_types=["UC-MSC"], n=301)
    en = rec("en1", title="Real-world outcomes of UC-MSC therapy in T2D", journal="Diabetes Metab Syndr Obes",
             pub_date="2025-05-19", design="observational", condition="T2D", cell_types=["UC-MSC"], arms=(218, 83))
    link = explain(zh, en)
    assert sig(link, "journal") > 0 and sig(link, "date") > 0 and sig(link, "n_total") > 0
    assert "sum of arms" in next(s.detail for s in link.signals if s.name == "n_total")
    assert link.score >= settings.LINK_THRESHOLD
    assert link.level == "fingerprint"


@pytest.mark.parametrize("j1, j2, sign", [
    ("Photan Journal of Medicine", "Photan J Med", 1),           # abbreviation of a journal the table lacks
    ("Photan Journal of Medicine", "PHOTAN JOURNAL OF MEDICINE", 1),
    ("Photan Journal of Medicine", "Veldra Journal of Regenerative Medicine", -1),
    ("Photan Journal of Medicine", "罕少疾病杂志", 0),              # unknown names in two languages: no evidence
])
def test_journals_missing_from_the_table(j1: str, j2: str, sign: int) -> None:
    w = sig(explain(rec("a", journal=j1), rec("b", journal=j2)), "journal")
    assert (w > 0.5) if sign > 0 else (w <= -2) if sign < 0 else (-2 < w < 0.5)


def test_different_known_journals_count_against() -> None:
    assert sig(explain(rec("a", journal="Cell"), rec("b", journal="柳叶刀")), "journal") < 0


# ---------------------------------------------------------------- numbers

def test_shared_cohort_size_weighs_more_when_rare() -> None:
    one = sig(explain(rec("a", n=1), rec("b", n=1)), "n_total")
    big = sig(explain(rec("a", n=507), rec("b", n=507)), "n_total")
    assert 0 < one < big


@pytest.mark.parametrize("n1, n2, worst", [(15, 23, -2.0), (73, 91, -2.0), (12, 300, -10.0)])
def test_different_cohort_sizes_are_evidence_not_contradiction(n1: int, n2: int, worst: float) -> None:
    link = explain(rec("a", n=n1, condition="T1D"), rec("b", n=n2, condition="T1D"))
    assert worst <= sig(link, "n_total") < 0
    assert link.level != "contradiction"


def test_cohort_size_counts_once_when_total_and_arms_agree() -> None:
    both = explain(rec("a", n=91, arms=(45, 46)), rec("b", n=91, arms=(45, 46)))
    total_only = explain(rec("a", n=91), rec("b", n=91))
    assert len([s for s in both.signals if s.name == "n_total"]) == 1
    assert sig(total_only, "n_total") < sig(both, "n_total") <= sig(total_only, "n_total") + 1.0


def test_far_cohort_sizes_count_more_against_than_near_ones() -> None:
    near = sig(explain(rec("a", n=15), rec("b", n=23)), "n_total")
    far = sig(explain(rec("a", n=12), rec("b", n=300)), "n_total")
    assert far < near


@pytest.mark.parametrize("kw_a, kw_b, name", [
    ({"hba1c": ((8.21, 7.02),)}, {"hba1c": ((8.2, 6.5),)}, "hba1c"),
    ({"dose": (1e8, 1e8, False)}, {"dose": (1e8, 1e8, False)}, "dose"),
    ({"follow_up": 336}, {"follow_up": 340}, "follow_up"),
    ({"infusions": 3}, {"infusions": 3}, "infusions"),
    ({"interval": 28}, {"interval": 30}, "interval"),
    ({"arms": (45, 46)}, {"arms": (46, 45)}, "n_total"),
    ({"n_studies": 13}, {"n_studies": 13}, "n_studies"),
])
def test_numeric_fingerprint_signals(kw_a: dict, kw_b: dict, name: str) -> None:
    assert sig(explain(rec("a", **kw_a), rec("b", **kw_b)), name) > 0


def test_differing_intervals_count_against() -> None:
    """Two look-alike protocols, doses every 2 weeks vs every 4 weeks: evidence against; a month and 4 weeks agree."""
    assert sig(explain(rec("a", interval=14), rec("b", interval=28)), "interval") < 0
    assert sig(explain(rec("a", interval=28), rec("b", interval=30)), "interval") > 0
    assert sig(explain(rec("a", interval=14), rec("b")), "interval") == 0      # one side states none


def test_numeric_fingerprint_misses() -> None:
    link = explain(rec("a", hba1c=((8.2, 7.0),), dose=(1e6, 1e6, True), follow_up=90),
                   rec("b", hba1c=((9.1, 7.9),), dose=(1e6, 1e6, False), follow_up=365))
    assert sig(link, "dose") == 0 and sig(link, "follow_up") == 0
    # two before/after pairs sharing no value are other patients: evidence against
    assert sig(link, "hba1c") < 0
    # a change alone against a pair says nothing either way
    assert sig(explain(rec("a", hba1c=((8.2, 7.0),)), rec("b", hba1c=((None, 7.9),))), "hba1c") == 0


# ---------------------------------------------------------------- numbers quoted in the mention text

def test_context_numbers_weigh_identifying_forms_and_skip_years_ids_and_small_counts() -> None:
    got = context_numbers("2023年,41%的患者在2-6个月内停用胰岛素,平均9.3个月;安慰剂组4.55%,20%;"
                          "48周;NCT02302599;ISSN 17576512;73名", exclude=frozenset({73.0}))
    assert set(got) == {"41%", "9.3", "4.55%", "20%", "48"}
    assert got["4.55%"] > got["9.3"] > got["41%"] > got["20%"] == got["48"]


def _with_text(rid: str, doc: str, text: str, **kw: Any) -> tuple[Record, str]:
    r = rec(rid, doc, lang="zh", **kw)
    r.mention = [(0, len(text))]
    return r, text


def test_shared_identifying_numbers_in_two_mentions_link_them() -> None:
    a, ta = _with_text("a", "d1", "接受脐带华通氏胶MSCs移植的2型糖尿病患者中,41%在2-6个月内停用胰岛素,平均9.3个月无需注射",
                       condition="T2D", cell_types=["UC-MSC"], design="single_arm_trial")
    b, tb = _with_text("b", "d2", "41%的2型糖尿病患者在移植后2–6个月停用胰岛素,平均可维持约9.3个月",
                       condition="T2D", cell_types=["UC-MSC"], design="single_arm_trial")
    texts = {"d1": ta, "d2": tb}
    with_text = explain(a, b, texts=texts)
    assert sig(with_text, "context_numbers") > 0 and with_text.score >= settings.LINK_THRESHOLD
    assert sig(explain(a, b), "context_numbers") == 0  # no texts, no signal
    dedupe([a, b], texts=texts)
    assert a.study_id == b.study_id


def test_quoted_numbers_alone_do_not_decide_a_link() -> None:
    # a mention that quotes another study's figures (a comparison) must not be merged on them
    # alone: they corroborate, capped below what condition + cell type need to reach a link
    a, ta = _with_text("a", "d1", "另一项研究中,41%的患者在9.3个月内停用胰岛素,HbA1c下降1.27%",
                       condition="T2D", cell_types=["UC-MSC"])
    b, tb = _with_text("b", "d2", "与既往报道的41%、9.3个月和1.27%相比,本研究的结果更为持久",
                       condition="T2D", cell_types=["UC-MSC"])
    link = explain(a, b, texts={"d1": ta, "d2": tb})
    assert 0 < sig(link, "context_numbers") <= settings.CONTEXT_CAP
    assert link.score < settings.LINK_THRESHOLD


def test_common_numbers_alone_do_not_make_a_context_link() -> None:
    a, ta = _with_text("a", "d1", "随访12个月,19名患者,30%和60%,共100例")
    b, tb = _with_text("b", "d2", "12周时19例,30%,60%,100名")
    assert sig(explain(a, b, texts={"d1": ta, "d2": tb}), "context_numbers") == 0


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("d1, d2, expect", [
    ("2025-05-19", "2025-05-19", "same day"),
    ("2025-05-19", "2025-05", "same month"),
    ("2025-05", "2025-11", "same year, months differ"),
    ("2025", "2025-03-01", "same year"),
    ("2011", "2012", "years differ by 1"),
    ("2007", "2012", "years differ by 5"),
])
def test_date_proximity_levels(d1: str, d2: str, expect: str) -> None:
    link = explain(rec("a", pub_date=d1), rec("b", pub_date=d2))
    assert [s.detail for s in link.signals if s.name == "date"] == [expect]


def test_date_weights_decrease_with_distance() -> None:
    w = [sig(explain(rec("a", pub_date="2025-05-19"), rec("b", pub_date=d)), "date")
         for d in ("2025-05-19", "2025-05-02", "2025", "2025-09", "2024", "2021")]
    assert w == sorted(w, reverse=True) and w[0] > 0 > w[-1]


# ---------------------------------------------------------------- compatibility and contradictions

@pytest.mark.parametrize("a, b", [
    ({"condition": "T1D"}, {"condition": "T2D"}),
    ({"cell_types": ["UC-MSC"]}, {"cell_types": ["iPSC-islet"]}),
    ({"design": "case_report"}, {"design": "meta_analysis"}),
    ({"design": "rct"}, {"design": "review"}),
])
def test_hard_contradictions(a: dict, b: dict) -> None:
    shared = {"doi": None, "title": "Stem cell therapy for diabetes mellitus: outcomes", "journal": "Cell"}
    link = explain(rec("a", **shared, **a), rec("b", **shared, **b))
    assert link.level == "contradiction"
    assert any(s.name == "contradiction" for s in link.signals)


@pytest.mark.parametrize("design_a, design_b, hard", [
    ("meta_analysis", "meta_analysis", False), ("review", "meta_analysis", False),
    ("rct", "rct", True), ("case_report", "single_arm_trial", True),
])
def test_other_cell_types_contradict_primary_studies_but_not_two_syntheses(design_a: str, design_b: str, hard: bool) -> None:
    # one report of a meta-analysis lists P-MSC, another UC-MSC: cell types of included studies
    link = explain(rec("a", design=design_a, cell_types=["P-MSC"], n_studies=11, n=612),
                   rec("b", design=design_b, cell_types=["UC-MSC"], n_studies=11, n=612))
    assert (link.level == "contradiction") == hard
    if not hard:
        assert sig(link, "cell_type") < 0
        assert link.score >= settings.LINK_THRESHOLD or design_a != design_b


@pytest.mark.parametrize("other", ["single_arm_trial", "case_report", "observational", "rct"])
def test_preclinical_against_a_clinical_design_lowers_the_score_but_does_not_forbid_the_link(other: str) -> None:
    # one cue word ("in vitro", the team's earlier mouse work) makes a clinical case "preclinical"
    shared = {"title": "Stem cell therapy for diabetes mellitus: outcomes", "journal": "Cell"}
    link = explain(rec("a", design="preclinical", **shared), rec("b", design=other, **shared))
    assert link.level != "contradiction"
    assert sig(link, "design") < 0
    assert link.score < explain(rec("a", design=other, **shared), rec("b", design=other, **shared)).score


def test_an_equal_doi_overrides_a_contradicting_fact_but_a_registry_id_does_not() -> None:
    by_doi = explain(rec("a", doi="10.1000/x", condition="T1D"), rec("b", doi="10.1000/x", condition="T2D"))
    assert by_doi.level == "identifier:doi" and by_doi.score >= settings.LINK_THRESHOLD
    assert sig(by_doi, "contradiction_overridden") < 0
    by_reg = explain(rec("a", registry_ids=["NCT01234567"], condition="T1D"),
                     rec("b", registry_ids=["NCT01234567"], condition="T2D"))
    assert by_reg.level == "contradiction"


@pytest.mark.parametrize("a, b", [
    ({"condition": "T2D"}, {"condition": "both"}),
    ({"condition": "T1D"}, {"condition": "unspecified"}),
    ({"cell_types": ["MSC"]}, {"cell_types": ["UC-MSC"]}),          # generic vs specific
    ({"cell_types": ["HSC"]}, {"cell_types": ["HSC", "islet"]}),
    ({"cell_types": ["islet"]}, {"cell_types": ["ESC-islet"]}),       # "islet cells" in a news item
    ({"design": "observational"}, {"design": "single_arm_trial"}),
    ({"design": "rct"}, {"design": "controlled_trial"}),
    ({"design": "meta_analysis"}, {"design": "review"}),
])
def test_compatible_values_are_not_contradictions(a: dict, b: dict) -> None:
    assert explain(rec("a", **a), rec("b", **b)).level != "contradiction"


def test_institution_country_and_alias() -> None:
    link = explain(rec("a", institution="Stanford University", country="United States", aliases=["VX-880"]),
                   rec("b", institution="stanford university school of medicine", country="United States",
                       aliases=["vx 880", "zimislecel"]))
    assert sig(link, "institution") > 0 and sig(link, "country") > 0 and sig(link, "alias") > 0
    assert sig(explain(rec("a", country="Brazil"), rec("b", country="China")), "country") < 0
    # a generic fragment does not match every name that contains it
    assert sig(explain(rec("a", institution="第一医院"), rec("b", institution="中山大学附属第一医院")), "institution") == 0
    assert sig(explain(rec("a", institution="解放军总医院"), rec("b", institution="中国人民解放军总医院")), "institution") > 0


def test_alias_alone_names_the_level() -> None:
    link = explain(rec("a", aliases=["zimislecel"], condition="T1D", n=12),
                   rec("b", lang="zh", aliases=["Zimislecel"], condition="T1D", n=12))
    assert link.level == "alias"
    assert link.score >= settings.LINK_THRESHOLD


def test_same_document_counts_against_unless_an_identifier_matches() -> None:
    a = rec("a", doc="d1", condition="T2D", n=40, journal="Cell", pub_date="2024-01-02")
    b = rec("b", doc="d1", condition="T2D", n=40, journal="Cell", pub_date="2024-01-02")
    assert explain(a, b).score < settings.LINK_THRESHOLD
    c = rec("c", doc="d1", doi="10.1000/x")
    d = rec("d", doc="d1", doi="10.1000/x")
    assert explain(c, d).score >= settings.LINK_THRESHOLD


def test_explanation_lists_every_signal_with_its_weight() -> None:
    link = explain(rec("a", doi="10.1000/x", n=30, condition="T2D"), rec("b", doi="10.1000/x", n=30, condition="T2D"))
    names = {s.name for s in link.signals}
    assert {"doi", "n_total", "condition"} <= names
    assert link.score == pytest.approx(sum(s.score for s in link.signals), abs=0.01)


# ---------------------------------------------------------------- blocking

def test_blocking_finds_cross_language_pairs_without_comparing_all() -> None:
    zh = rec("zh", lang="zh", journal="干细胞研究与治疗", pub_date="2021-11-02", condition="T2D")
    en = rec("en", journal="Stem Cell Res Ther", pub_date="2021-11-02", condition="T2D")
    words = [f"{a}{b}" for a in ("ka", "lo", "ri", "ven", "tor", "mi") for b in ("sa", "del", "pho", "nex", "zi")]
    noise = [rec(f"n{i}", title=f"{words[i]} {words[(i + 7) % 30]}ium {words[(i + 13) % 30]}ology",
                 pub_date=f"{2000 + i % 20}") for i in range(30)]
    feats = [features(r) for r in [zh, en, *noise]]
    pairs = set(candidate_pairs(feats))
    assert (0, 1) in pairs
    assert len(pairs) < len(feats) * (len(feats) - 1) // 2 / 4


def test_oversized_blocks_are_split_or_skipped_not_enumerated() -> None:
    # 200 records share journal+year; only finer keys (month) may pair them
    recs = [rec(f"r{i:03d}", journal="Cell", pub_date=f"2020-{1 + i % 12:02d}") for i in range(200)]
    stats = BlockStats()
    pairs = list(candidate_pairs([features(r) for r in recs], cap=20, stats=stats))
    assert stats.split >= 1
    assert len(pairs) <= 200 * 20
    assert all(int(recs[i].study.pub_date[5:]) == int(recs[j].study.pub_date[5:]) for i, j in pairs)


def test_oversized_identifier_block_is_linked_as_a_star() -> None:
    recs = [rec(f"r{i:03d}", doi="10.1000/same") for i in range(100)]
    stats = BlockStats()
    pairs = list(candidate_pairs([features(r) for r in recs], cap=20, stats=stats))
    assert stats.star == 1 and len(pairs) == 99


# ---------------------------------------------------------------- journal families, dates, cohort near-misses

@pytest.mark.parametrize("name, jid", [
    ("Science Translational Medicine", "sci-transl-med"),
    ("科學轉譯醫學", "sci-transl-med"),                  # Taiwan renders "translational" as 轉譯
    ("幹細胞轉譯醫學", "stem-cells-transl-med"),
    ("Nat Rev Endocrinol", "nat-rev-endocrinol"),
    ("自然-综述:内分泌学", "nat-rev-endocrinol"),
    ("Pediatric Diabetes", "pediatr-diabetes"),
    ("儿科糖尿病", "pediatr-diabetes"),
    ("中国糖尿病杂志", "zhongguo-tang-niao-bing-za-zhi"),
    ("中華器官移植雜誌", "zhonghua-qi-guan-yi-zhi"),
    ("JAMA Netw Open", "jama-netw-open"),
    ("Stem Cells International", "stem-cells-int"),
    ("Cochrane Database of Systematic Reviews", "cochrane-database-syst-rev"),
])
def test_journal_table_knows_more_journals_of_the_field(name: str, jid: str) -> None:
    assert journal_table().canonical(name) == jid


@pytest.mark.parametrize("name", [
    "Chinese Journal of Diabetes",   # 中华糖尿病杂志 or 中国糖尿病杂志: ambiguous, so never mapped
    "Chin J Diabetes",
])
def test_ambiguous_journal_names_stay_unknown(name: str) -> None:
    assert journal_table().canonical(name).startswith("raw:")


@pytest.mark.parametrize("a, b, expected", [
    ("柳葉刀", "The Lancet Diabetes & Endocrinology", 0.0),      # news shortens a sub-journal to its parent
    ("Nature", "自然医学", 0.0),
    ("Cell Metabolism", "細胞-幹細胞", settings.WEIGHTS["journal_differ"]),   # sister journals differ
    ("Lancet", "Nature Medicine", settings.WEIGHTS["journal_differ"]),
])
def test_a_parent_journal_and_its_sub_journal_are_no_contradiction(a: str, b: str, expected: float) -> None:
    link = explain(rec("a", journal=a), rec("b", lang="zh-Hant", journal=b))
    assert sig(link, "journal") == expected


@pytest.mark.parametrize("a, b, expected", [
    ("2024-12", "2025-01", settings.WEIGHTS["date_near"]),     # online-first vs issue, across a year's end
    ("2025-03", "2025-05", settings.WEIGHTS["date_near"]),
    ("2025-03", "2025-09", settings.WEIGHTS["date_month_differs"]),
    ("2025-03", "2025-03", settings.WEIGHTS["date_month"]),
])
def test_publication_dates_a_month_or_two_apart_agree_a_little(a: str, b: str, expected: float) -> None:
    assert sig(explain(rec("a", pub_date=a), rec("b", lang="zh", pub_date=b)), "date") == expected


@pytest.mark.parametrize("a, b, expected", [
    (120, 112, settings.WEIGHTS["n_total_close"]),    # randomised vs analysed
    (96, 90, settings.WEIGHTS["n_total_close"]),
    (12, 14, settings.WEIGHTS["n_total_differ"]),     # small cohorts: two patients is not a dropout rate
    (20, 120, settings.WEIGHTS["n_total_far"]),       # phase 1 vs phase 2 of one programme
])
def test_enrolled_vs_analysed_totals_are_a_mild_difference(a: int, b: int, expected: float) -> None:
    assert sig(explain(rec("a", n=a), rec("b", lang="zh", n=b)), "n_total") == expected


# ---------------------------------------------------------------- identifiers: overrides and their limits

def test_a_shared_doi_does_not_override_review_vs_trial() -> None:
    # a digest attaches the meta-analysis' reference DOI to a trial's mention: not one study
    link = explain(rec("a", doi="10.1002/14651858.cd015732.pub2", design="meta_analysis", n_studies=16),
                   rec("b", lang="zh", doi="10.1002/14651858.cd015732.pub2", design="single_arm_trial", n=28))
    assert link.level == "contradiction" and not link.linked


def test_a_shared_doi_still_overrides_one_slipped_fact() -> None:
    link = explain(rec("a", doi="10.1000/x", design="rct", condition="T1D"),
                   rec("b", lang="zh", doi="10.1000/x", design="rct", condition="T2D"))
    assert link.linked and sig(link, "contradiction_overridden") < 0


def test_a_shared_registry_id_outweighs_different_publication_ids() -> None:
    link = explain(rec("a", doi="10.1000/primary", pmid="111", registry_ids=["NCT01111111"]),
                   rec("b", lang="zh", doi="10.1000/secondary", pmid="222", registry_ids=["NCT01111111"]))
    assert link.level == "identifier:registry" and link.linked
    assert sig(link, "publication_differs") == settings.WEIGHTS["publication_differs"]  # counted once


def test_different_publication_ids_without_a_shared_registry_id_still_forbid_the_link() -> None:
    link = explain(rec("a", doi="10.1000/a", registry_ids=["NCT01111111"]),
                   rec("b", doi="10.1000/b", registry_ids=["NCT02222222"]))
    assert link.level == "contradiction"


# ---------------------------------------------------------------- subgroup cohorts, single HbA1c values

def test_a_cohort_equal_to_an_arm_of_the_other_is_weak_evidence_not_a_penalty() -> None:
    # a forum quotes "9 of 14 full-dose participants"; the press release has 17 dosed (3 + 14)
    forum = rec("a", n=14, condition="T1D")
    release = rec("b", lang="zh", n=17, arms=(3, 14), condition="T1D")
    sub = sig(explain(forum, release), "n_total")
    full = sig(explain(rec("a", n=14), rec("b", n=14)), "n_total")
    assert 0 < sub < full
    # small cohorts coincide with some arm too easily; a larger arm than the other's total is no subgroup
    assert sig(explain(rec("a", n=4), rec("b", lang="zh", n=12, arms=(4, 8))), "n_total") < 0
    assert sig(explain(rec("a", n=14), rec("b", lang="zh", n=10, arms=(14,))), "n_total") < 0


def test_single_hba1c_values_make_candidate_pairs() -> None:
    # "9.3% ... fell to 7.1% at month 6" (values apart) meets "HbA1c由9.3%降至7.1%" (a pair)
    a = features(rec("a", lang="zh-Hant", hba1c=((9.3, None), (None, 7.1)), cell_types=["UC-MSC"], design="case_report"))
    b = features(rec("b", lang="zh", hba1c=((9.3, 7.1),), cell_types=["UC-MSC"], design="case_report"))
    c = features(rec("c", lang="en", hba1c=((8.8, 7.4),), cell_types=["UC-MSC"], design="case_report"))
    pairs = set(candidate_pairs([a, b, c]))
    assert (0, 1) in pairs and (0, 2) not in pairs and (1, 2) not in pairs
