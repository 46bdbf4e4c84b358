"""Organisations and products across languages (dedupe/institutions.py, metadata.alias_hits) and the
profile signals they feed: one study found again by its hospital, sponsor, product or patient."""
from __future__ import annotations

from typing import Optional

import pytest

from extract import metadata
from extract.dedupe import explain, settings
from extract.dedupe.compare import features
from extract.dedupe.institutions import institution_key, org_table, product_table, same_institution
from extract.document import SourceDoc
from extract.pipeline import to_document
from test_dedupe import rec, sig


# ---------------------------------------------------------------- the tables

@pytest.mark.parametrize("name, oid", [
    ("天津市第一中心医院", "tianjin-first-central-hospital"),
    ("天津市第一中心醫院", "tianjin-first-central-hospital"),
    ("Tianjin First Central Hospital", "tianjin-first-central-hospital"),
    ("天津一中心", "tianjin-first-central-hospital"),
    ("上海长征医院", "shanghai-changzheng-hospital"),
    ("Shanghai Changzheng Hospital", "shanghai-changzheng-hospital"),
    ("北京大学", "peking-university"),
    ("Peking University", "peking-university"),
    ("中科院", "cas"),
    ("Chinese Academy of Sciences", "cas"),
    ("301医院", "chinese-pla-general-hospital"),
    ("Sana Biotechnology", "sana"),
    ("Mesoblast", "mesoblast"),
    ("南开大学医学院天津第一中心医院器官移植中心", "tianjin-first-central-hospital"),  # the longest name inside
])
def test_table_names_in_every_language_map_to_one_organisation(name: str, oid: str) -> None:
    assert org_table().lookup(name) == oid


@pytest.mark.parametrize("alias, pid", [
    ("VX-880", "zimislecel"), ("zimislecel", "zimislecel"), ("VX 880", "zimislecel"),
    ("UP421", "up421"), ("Lantidra", "donislecel"), ("donislecel", "donislecel"),
    ("Stempeucel", "stempeucel"), ("Rexlemestrocel-L", "rexlemestrocel"), ("Prochymal", "remestemcel"),
])
def test_product_names_map_to_one_product(alias: str, pid: str) -> None:
    assert product_table().canonical(alias) == pid


def test_the_tables_are_consistent() -> None:
    table = org_table()
    for org in table.orgs.values():
        assert org.parent is None or org.parent in table.orgs, org.id
        assert org.kind in {"hospital", "university", "institute", "company"}
    for p in product_table().products.values():
        assert p.sponsor is None or p.sponsor in table.orgs, p.id


# ---------------------------------------------------------------- names the table does not know

@pytest.mark.parametrize("a, b, how", [
    ("淮西医科大学第一附属医院", "First Affiliated Hospital of Huaixi Medical University", "same"),
    ("滨江市中心医院", "Binjiang Central Hospital", "same"),
    ("濱江市中心醫院", "Binjiang Central Hospital", "same"),
    ("衛福部核准臺澄大學附設醫院", "國立臺澄大學醫學院附設醫院", "same"),   # a verb swallowed before the name
    ("金海大学", "Jinhai University First Affiliated Hospital", "related"),
    ("江东医科大学附属第二医院", "Jiangdong Medical University", "related"),
    ("美國Meridian公司", "Meridian Therapeutics", "same"),
    # no match
    ("第一医院", "第二医院", None),
    ("北方医科大学附属医院", "南方医科大学附属医院", None),
    ("西安交通大学", "北京交通大学", None),
    ("滨江市中心医院", "滨江市第一人民医院", None),
    ("Harlow University", "Hanbit University", None),
])
def test_unknown_institutions_by_their_normalised_and_romanised_names(a: str, b: str, how: Optional[str]) -> None:
    assert same_institution(a, b) == how


def test_an_institution_key_names_the_proper_name_and_the_kinds() -> None:
    assert institution_key("淮西医科大学第一附属医院") == ("淮西", frozenset({"univ", "med", "n1", "affil", "hosp"}))
    assert institution_key("The University Hospital") is None   # nothing proper


# ---------------------------------------------------------------- aliases next to Chinese text

def _aliases(text: str) -> list[str]:
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    return [h.value["value"] for h in metadata.alias_hits(doc, [(0, len(doc.text))])]


@pytest.mark.parametrize("text, want", [
    ("在研疗法Ravostemcel已完成1期试验,10名1型糖尿病患者接受了单次输注。", ["ravostemcel"]),
    ("在研療法Ravostemcel已完成1期試驗。", ["ravostemcel"]),
    ("Vertex的zimislecel(VX-880)3期试验", ["zimislecel", "VX-880"]),
    ("Sana公司的UP421在乌普萨拉完成首例移植", ["UP421"]),
    ("The FDA approved Lantidra (donislecel) in 2023.", ["Lantidra", "donislecel"]),
    ("Stempeucel治疗糖尿病足", ["Stempeucel"]),
    ("赵勇团队的干细胞教育者疗法治疗1型糖尿病", ["干细胞教育者"]),
    ("幹細胞教育者療法", ["幹細胞教育者"]),               # as written; the table maps it (simplified view)
    ("Seraxis公司的SR-02胰岛细胞获准临床试验", ["SR-02"]),
    ("福泰的VX－880疗法", ["VX-880"]),                 # a full-width hyphen
    # a brand told with its INN in brackets, either way round (a product the table lacks)
    ("Today, the FDA approved Lumivy (tovaislecel-mrdn), an allogeneic islet therapy.", ["Lumivy", "tovaislecel"]),
    ("美国FDA批准Lumivy（tovaislecel）用于1型糖尿病", ["Lumivy", "tovaislecel"]),
    ("美國FDA核准tovaislecel（Lumivy）上市", ["tovaislecel", "Lumivy"]),
    ("a cell therapy (zimislecel) for T1D; Therapy (ravostemcel)", ["zimislecel", "ravostemcel"]),   # no brand
])
def test_product_names_are_read_in_any_script(text: str, want: list[str]) -> None:
    assert _aliases(text) == want


@pytest.mark.parametrize("text", [
    "研究人员使用Excel分析数据。",      # no match
    "The parcel was cancelled.",
])
def test_words_that_only_end_like_an_inn_are_no_alias(text: str) -> None:
    assert _aliases(text) == []


# ---------------------------------------------------------------- the signals

def test_one_case_in_two_languages_links_on_its_profile() -> None:
    # ERRORS 4.2: a 47-year-old man at one hospital, 20 months off insulin, reported in Chinese and English
    zh = rec("zh", lang="zh", n=1, design="case_report", condition="T2D", institution="华东大学附属医院",
             patient_age=47, patient_sex="male", insulin_free_days=608.0, procedure_year=2023)
    en = rec("en", n=1, design="case_report", condition="T2D", institution="East China University Hospital",
             patient_age=47, patient_sex="male", insulin_free_days=608.0)
    link = explain(zh, en)
    assert sig(link, "age") > 0 and sig(link, "sex") > 0 and sig(link, "insulin_free") > 0
    assert link.score >= settings.LINK_THRESHOLD


def test_two_patients_of_one_hospital_stay_apart() -> None:
    kw = dict(n=1, design="case_report", condition="T1D", cell_types=["iPSC-islet"],
              organisations=["Tianjin First Central Hospital"])
    a = rec("a", patient_age=25, patient_sex="female", **kw)
    b = rec("b", lang="zh", patient_age=58, patient_sex="male", **kw)
    link = explain(a, b)
    assert sig(link, "age") < 0 and sig(link, "sex") < 0
    assert link.score < settings.LINK_THRESHOLD


def test_a_hospital_in_two_languages_is_one_institution() -> None:
    link = explain(rec("a", lang="zh", institution="天津市第一中心医院"),
                   rec("b", institution="Tianjin First Central Hospital"))
    assert sig(link, "institution") == settings.WEIGHTS["institution_equal"]
    related = explain(rec("a", organisations=["Tianjin First Central Hospital"]),
                      rec("b", lang="zh", organisations=["Nankai University"]))
    assert sig(related, "institution") == settings.WEIGHTS["institution_related"]


def test_a_sponsor_meets_its_product() -> None:
    # the sponsor named on one side, the product code on the other (ERRORS 4.2)
    link = explain(rec("a", lang="zh", organisations=["Vertex Pharmaceuticals"], condition="T1D"),
                   rec("b", aliases=["VX-880"], condition="T1D"))
    assert sig(link, "sponsor") > 0
    assert sig(explain(rec("a", aliases=["VX-880"]), rec("b", aliases=["zimislecel"])), "alias") > 0
    assert sig(explain(rec("a", aliases=["VX-880"]), rec("b", aliases=["VX-264"])), "alias") < 0


def test_an_english_title_quoted_in_a_chinese_post_matches_the_abstract_page() -> None:
    full = "Adipose stromal cell infusion in type 2 diabetes: a randomized, double-blind, placebo-controlled phase II trial"
    quoted = rec("zh", lang="zh", title="“" + full.upper() + "”")
    assert explain(quoted, rec("en", title=full)).level == "title:exact"
    # the subtitle dropped on one side
    short = explain(rec("zh", lang="zh", title="Adipose stromal cell infusion in type 2 diabetes"), rec("en", title=full))
    assert short.level == "title:prefix" and short.score >= settings.LINK_THRESHOLD
    # a short generic prefix is no title match
    assert explain(rec("a", title="Stem cells"), rec("b", title="Stem cells in type 1 diabetes: a review")).level != "title:prefix"


def test_profile_only_pairs_are_no_link() -> None:
    # look-alikes: same journal, design, condition, cell type and country, nothing identifying
    kw = dict(journal="Cell Stem Cell", design="rct", condition="T2D", cell_types=["UC-MSC"], country="China")
    link = explain(rec("a", **kw), rec("b", lang="zh", **kw))
    assert sig(link, "profile_only") < 0 and link.score < settings.LINK_THRESHOLD


def test_a_company_the_table_lacks_is_a_sponsor_in_both_languages() -> None:
    from extract.assemble import extract_records
    zh = to_document(SourceDoc("zh.txt", "美國生技公司Aurelis今年6月公布,14名第一型糖尿病患者接受胚胎幹細胞衍生的胰島細胞植入。", "txt"))
    en = to_document(SourceDoc("en.txt", "Aurelis Therapeutics, Inc. announced that 14 participants with type 1 "
                                         "diabetes received its stem cell-derived islet product.", "txt"))
    (a,), (b,) = extract_records(zh), extract_records(en)
    assert a.study.sponsors == ["Aurelis"] and b.study.sponsors == ["Aurelis"]
    assert sig(explain(a, b), "sponsor") > 0


# ---------------------------------------------------------------- the institution of a mention

@pytest.mark.parametrize("text, expected", [
    # a company is the sponsor, not the place of the study: the hospital after it is the institution
    ("美国Sana公司与乌普萨拉大学医院合作完成了首例移植。", "乌普萨拉大学医院"),
    ("美國Sana公司與烏普薩拉大學醫院合作完成了首例移植。", "烏普薩拉大學醫院"),
    ("如美国Vertex制药公司今年公布的研究显示,12名患者接受了移植。", None),
    ("某再生医学集团宣布其干细胞疗法获批临床。", None),
    # "such as" before an example is no part of the name; 如 that begins a place name is
    ("例如北京协和医院的团队报告了一例移植。", "北京协和医院"),
    ("如皋市人民医院为一名患者实施了移植。", "如皋市人民医院"),
    ("Researchers at the Karolinska Institute in Stockholm reported", "Karolinska Institute"),
])
def test_the_institution_of_a_mention_is_no_company(text: str, expected: Optional[str]) -> None:
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    hit = metadata.institution_hit(doc, 0, len(doc.text))
    assert (hit.value["value"] if hit else None) == expected


# ---------------------------------------------------------------- hospitals by nickname, number or former name

@pytest.mark.parametrize("name, oid", [
    ("臺北榮總", "taipei-veterans-general-hospital"),
    ("台北荣民总医院", "taipei-veterans-general-hospital"),
    ("Taipei Veterans General Hospital", "taipei-veterans-general-hospital"),
    ("福州總醫院", "fuzhou-general-hospital"),
    ("联勤保障部队第九〇〇医院", "fuzhou-general-hospital"),          # the same hospital under its later name
    ("900医院", "fuzhou-general-hospital"),
    ("Fuzhou General Hospital", "fuzhou-general-hospital"),
    ("浙大一院", "zju-first-hospital"),
    ("First Affiliated Hospital of Zhejiang University", "zju-first-hospital"),
    ("湘雅二醫院", "second-xiangya-hospital"),
    ("The Second Xiangya Hospital of Central South University", "second-xiangya-hospital"),
    ("北大医院", "peking-university-first-hospital"),
    ("Peking University First Hospital", "peking-university-first-hospital"),
    ("上海六院", "shanghai-sixth-peoples-hospital"),
    ("麻省總醫院", "mgh"),
    ("Karolinska Institutet", "karolinska"),
    ("卡罗林斯卡学院", "karolinska"),
])
def test_hospitals_by_nickname_and_former_name(name: str, oid: str) -> None:
    assert org_table().lookup(name) == oid


@pytest.mark.parametrize("text", [
    "湖南大学和河南大学的研究者",      # no match: "南大" is no nickname here
    "该团队荣获国家科技进步奖。",        # no match: 荣获 is no 荣总
    "福州市鼓楼区的一家诊所",
])
def test_no_hospital_in_words_that_contain_a_short_name(text: str) -> None:
    assert not list(org_table().find(to_document(SourceDoc("t.txt", text, "txt")).view))


def test_a_hospital_by_nickname_links_a_case_across_scripts() -> None:
    a = rec("a", lang="zh-Hant", organisations=["臺北榮總"], institution="臺北榮總", condition="T1D",
            design="case_report", patient_age=42, patient_sex="female", n=1)
    b = rec("b", organisations=["Taipei Veterans General Hospital"], institution="Taipei Veterans General Hospital",
            condition="T1D", design="case_report", patient_age=42, patient_sex="female", n=1)
    link = explain(a, b)
    assert sig(link, "institution") == settings.WEIGHTS["institution_equal"] and link.linked


def test_a_company_in_two_languages_links_the_story_that_names_no_product() -> None:
    # en: the approval names the brand five times, the table's Lantidra once in passing; zh-Hant: only the company
    en = ("FDA approved Lumivy (tovaislecel-mrdn). Lumivy is made by Meridian Cell Therapeutics, Inc. Lumivy was "
          "studied in 56 patients with type 1 diabetes. Unlike Lantidra (donislecel), Lumivy comes from stem cells. "
          "Lumivy is given once.")
    zh = "美國Meridian公司研發的幹細胞胰島療法獲准,56名第一型糖尿病患者接受治療。"
    a = rec("en", aliases=["Lumivy", "tovaislecel", "Lantidra", "donislecel"], sponsors=["Meridian"],
            condition="T1D", n=56)
    b = rec("zh", lang="zh-Hant", sponsors=["Meridian"], condition="T1D", n=56)
    a.mention, b.mention = [(0, len(en))], [(0, len(zh))]
    fa = features(a, en)
    assert fa.main_alias == "lumivy" and fa.main_sponsor == "co:meridian"
    link = explain(a, b, texts={"doc-en": en, "doc-zh": zh})
    assert sig(link, "sponsor") == settings.WEIGHTS["sponsor_equal"] and link.linked
