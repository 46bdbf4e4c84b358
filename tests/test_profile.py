"""The study's profile (fields/profile.py): one patient's age, sex, years with diabetes, time off insulin,
the year of the procedure and the organisations named, in simplified and traditional Chinese and English."""
from __future__ import annotations

from typing import Any, Optional

import pytest

from extract.document import SourceDoc
from extract.fields.base import Span
from extract.fields.profile import EXTRACTOR
from extract.pipeline import to_document


def profile(text: str) -> dict[str, Any]:
    """field -> value(s) the extractor keeps for one text (organisations as a list)."""
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    out: dict[str, Any] = {}
    for h in EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(doc.text)))):
        assert doc.text[h.start:h.end]  # every value has a quote
        if h.field == "organisation":
            out.setdefault("organisation", []).append(h.value["value"])
        else:
            out[h.field] = h.value["value"]
    return out


@pytest.mark.parametrize("text, age, sex", [
    ("2023年,华东大学附属医院为一名47岁男性2型糖尿病患者实施了自体干细胞来源胰岛移植。", 47, "male"),
    ("2023年,華東大學附屬醫院為一名47歲男性2型糖尿病患者實施了自體幹細胞來源胰島移植。", 47, "male"),
    ("A 47-year-old man with type 2 diabetes has stayed off insulin for 20 months.", 47, "male"),
    ("一名有着37年Ⅰ型糖尿病史的42岁男性接受了经过基因编辑的异体胰岛细胞注射。", 42, "male"),
    ("患者为一位34岁的女性,1型糖尿病。", 34, "female"),
    ("an 8-year-old girl with type 1 diabetes received islets", 8, "female"),
    ("studied in a 25 year-old women, living with Type 1 Diabetes for 11 years", 25, "female"),
    ("A woman aged 34 received the cells.", 34, "female"),
])
def test_one_patients_age_and_sex(text: str, age: int, sex: Optional[str]) -> None:
    p = profile(text)
    assert p.get("patient_age") == age
    assert p.get("patient_sex") == sex


@pytest.mark.parametrize("text", [
    "纳入18-65岁的2型糖尿病患者60例。",          # no match: a cohort's age range
    "患者年龄45岁以上,病程超过5年。",             # no match: a threshold
    "Patients aged 18 to 65 years with type 2 diabetes were enrolled.",
    "Participants had a mean age of 47 years.",
    "本研究共纳入120名受试者,平均年龄52岁。",
])
def test_cohort_ages_are_no_patient_age(text: str) -> None:
    assert "patient_age" not in profile(text)


@pytest.mark.parametrize("text, years", [
    ("团队为一名病程9年的1型糖尿病患者实施了干细胞来源胰岛移植。", 9.0),
    ("該患者病程長達18年,常規治療無效。", 18.0),
    ("团队为一名有着14年1型糖尿病史、常规治疗无效的患者实施了移植。", 14.0),
    ("她患1型糖尿病已11年。", 11.0),
    ("a man with a 14-year history of type 1 diabetes", 14.0),
    ("She had type 1 diabetes for 11 years before the transplant.", 11.0),
])
def test_years_with_diabetes(text: str, years: float) -> None:
    assert profile(text)["disease_duration_years"] == years


@pytest.mark.parametrize("text, days", [
    ("术后20个月未再使用胰岛素。", 608.0),
    ("患者停用胰岛素已20个月。", 608.0),
    ("患者脫離胰島素已經1年。", 365.0),
    ("has stayed off insulin for 20 months after receiving islets", 608.0),
    ("She has been insulin-free for a year.", 365.0),
    ("he has remained insulin independent for 6 months", 182.4),
])
def test_time_off_insulin(text: str, days: float) -> None:
    assert profile(text)["insulin_free_days"] == pytest.approx(days, rel=0.01)


@pytest.mark.parametrize("text", [
    "停用胰岛素治疗后3个月复查血糖。",      # no match: a visit after stopping
    "Insulin doses were reduced by 20% over 6 months.",
    "患者胰岛素用量减少了一半,随访12个月。",
])
def test_no_time_off_insulin(text: str) -> None:
    assert "insulin_free_days" not in profile(text)


@pytest.mark.parametrize("text, year", [
    ("2023年,华东大学附属医院为一名47岁男性实施了自体干细胞来源胰岛移植。", 2023),
    ("2022年6月，該院為一名患者進行了胰島移植手術。", 2022),
    ("In 2022 it treated a 33-year-old woman with type 1 diabetes.", 2022),
    ("In June 2019, the patient underwent islet transplantation.", 2019),
])
def test_year_of_the_procedure(text: str, year: int) -> None:
    assert profile(text)["procedure_year"] == year


@pytest.mark.parametrize("text", [
    "2020年,该团队的论文发表在《科学》上。",    # no match: a publication
    "In 2018 the group first showed the approach worked in diabetic mice.",
])
def test_no_procedure_year(text: str) -> None:
    assert "procedure_year" not in profile(text)


@pytest.mark.parametrize("text, edited", [
    ("科学家们首次将经过基因编辑的胰岛细胞植入一名1型糖尿病患者体内。", True),
    ("醫療團隊採用CRISPR技術,對移植的胰島細胞進行客製化改造。", True),
    ("该公司的低免疫原性胰岛细胞无需免疫抑制剂。", True),
    ("Surgeons implanted gene-edited islet cells into the forearm of a man with type 1 diabetes.", True),
    ("The hypoimmune (HIP) islet cells survived without immunosuppression.", True),
    ("The cells were genetically engineered to evade the immune system.", True),
    # no match: genes named for another reason
    ("患者的基因检测未发现单基因糖尿病。", False),
    ("研究人员测量了移植胰岛的基因表达。", False),
    ("Gene expression profiles of the transplanted islets were stable.", False),
])
def test_gene_edited_cells(text: str, edited: bool) -> None:
    assert profile(text).get("gene_edited", False) is edited


@pytest.mark.parametrize("text, orgs, city", [
    ("天津市第一中心医院与北京大学团队合作完成移植。", ["Tianjin First Central Hospital", "Peking University"], "Tianjin"),
    ("天津市第一中心醫院與北京大學團隊合作完成移植。", ["Tianjin First Central Hospital", "Peking University"], "Tianjin"),
    ("Surgeons at Tianjin First Central Hospital and Peking University", ["Tianjin First Central Hospital", "Peking University"], "Tianjin"),
    ("上海长征医院殷浩团队与中科院分子细胞科学卓越创新中心合作", ["Shanghai Changzheng Hospital", "CAS Center for Excellence in Molecular Cell Science"], "Shanghai"),
    ("Vertex公司的干细胞胰岛疗法", ["Vertex Pharmaceuticals"], None),
    ("解放军总医院(301医院)", ["Chinese PLA General Hospital"], "Beijing"),
])
def test_organisations_of_the_table(text: str, orgs: list[str], city: Optional[str]) -> None:
    p = profile(text)
    assert p.get("organisation") == orgs
    assert p.get("city") == city


@pytest.mark.parametrize("text", [
    "vertex of the parabola",          # no match: lower case is no company name
    "该中心的研究人员表示",              # no match: a generic word
])
def test_no_organisation(text: str) -> None:
    assert "organisation" not in profile(text)


def test_profile_fields_reach_the_record_with_evidence() -> None:
    from extract.assemble import extract_records
    text = ("2023年,天津市第一中心医院为一名47岁男性1型糖尿病患者实施了自体干细胞来源胰岛移植,"
            "术后20个月未再使用胰岛素。研究共纳入1例患者,病程9年。")
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    (r,) = extract_records(doc)
    s = r.study
    assert (s.patient_age, s.patient_sex, s.procedure_year) == (47, "male", 2023)
    assert s.organisations == ["Tianjin First Central Hospital"] and s.city == "Tianjin"
    assert s.disease_duration_years == 9.0 and s.insulin_free_days == pytest.approx(608.0)
    for name in ("patient_age", "patient_sex", "procedure_year", "organisations", "insulin_free_days"):
        ev = s.evidence[name][0]
        assert doc.text[ev.start:ev.end] == ev.quote


@pytest.mark.parametrize("text, years", [
    # years on insulin: in type 1 diabetes insulin starts at diagnosis
    ("這項成就令他得以擺脫長達37年的胰島素依賴。", 37.0),
    ("这名患者终于摆脱了30年的胰岛素注射。", 30.0),
    ("他注射胰岛素长达25年,血糖仍不稳定。", 25.0),
    ("freed from insulin after 37 years of insulin injections", 37.0),
    ("He had been insulin-dependent for 20 years.", 20.0),
    # the age at diagnosis with the patient's age
    ("這名現年42歲的患者年僅5歲時確診第1型糖尿病。", 37.0),
    ("一名男子,12岁时确诊,现年30岁。", 18.0),
    ("The study has one patient, a forty-three-year-old man diagnosed with T1D at the age of four.", 39.0),
    ("A 42-year-old man, diagnosed with type 1 diabetes at age 5, received the cells.", 37.0),
])
def test_years_with_diabetes_from_years_on_insulin_and_the_age_at_diagnosis(text: str, years: float) -> None:
    assert profile(text)["disease_duration_years"] == years


@pytest.mark.parametrize("text", [
    "患者停用胰岛素已1年。",                       # no match: time off insulin
    "胰岛素治疗3年后加用二甲双胍。",                # no match: a time point
    "Patients were diagnosed at a mean age of 12 years.",
    "确诊时平均年龄12岁。",
    "他在12岁时确诊。",                             # an age at diagnosis without the patient's age
    "insulin-independent for 2 years",
])
def test_no_years_with_diabetes(text: str) -> None:
    assert "disease_duration_years" not in profile(text)


@pytest.mark.parametrize("text, age", [
    ("The study has one patient, a forty-three-year-old man.", 43),
    ("一名四十二岁的男性患者接受了移植。", 42),
    ("這名現年42歲的患者", 42),
    ("如今三十岁的他已不再注射胰岛素。", 30),
])
def test_ages_in_words_and_now_aged(text: str, age: int) -> None:
    assert profile(text)["patient_age"] == age


@pytest.mark.parametrize("text", [
    "The study appeared in Nature Biotechnology last week.",    # a journal
    "像Vertex制药公司VX-880疗法的最新2期试验显示",               # a product code after 公司
    "Cell Stem Cell Therapeutics reported",                      # no match: generic words only
])
def test_journals_and_product_codes_are_no_company(text: str) -> None:
    assert "sponsor" not in profile(text)


@pytest.mark.parametrize("text, names", [
    ("北京大学邓宏魁团队在《细胞》发表论文。", ["邓宏魁"]),
    ("北京大學鄧宏魁團隊在《細胞》發表論文。", ["鄧宏魁"]),
    ("上海长征医院殷浩教授介绍,该疗法已完成首例移植。", ["殷浩"]),
    ("2024年,王树森等人发表了这一病例。", ["王树森"]),
    ("Voltarelli et al. reported 15 patients with new-onset type 1 diabetes.", ["Voltarelli"]),
    ("said Dr. James Shapiro of the University of Alberta", ["James Shapiro"]),
    ("Richard K. Burt, MD, chief of immunotherapy", ["Richard K. Burt"]),
    ("Jinquan Cai,1 Zhixian Wu,1 Xiumin Xu,2,3", ["Jinquan Cai", "Zhixian Wu", "Xiumin Xu"]),
    ("Anil Bhansali 1,, Vimal Upreti 1, Rama Walia 1", ["Anil Bhansali", "Vimal Upreti", "Rama Walia"]),
    ("Cai, 2016 [8] China 21/21 E11", ["Cai"]),
    ("The trial, led by Hongkui Deng of Peking University, enrolled", ["Hongkui Deng"]),
])
def test_investigators(text: str, names: list[str]) -> None:
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(doc.text))))
    assert [h.value["value"] for h in hits if h.field == "investigator"] == names


@pytest.mark.parametrize("text", [
    "研究团队表示,该课题组此前已报告过小鼠实验。",   # no match: no name before 团队/课题组
    "武汉团队与江苏团队合作",                        # no match: places before 团队
    "June 2016 | Brazil | 15",                      # no match: a month before the year
    "The et al. style is used.",
    "Type Diabetes 2 remains common",
])
def test_no_investigators(text: str) -> None:
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(doc.text))))
    assert not [h for h in hits if h.field == "investigator"]


@pytest.mark.parametrize("text, names", [
    ("Verified November 2012 by Lanzhou General Hospital.", ["Lanzhou General Hospital"]),
    ("兰州总医院器官移植研究所的团队完成了移植。", ["兰州总医院器官移植研究所"]),
    ("蘭州總醫院器官移植研究所的團隊完成了移植。", ["蘭州總醫院器官移植研究所"]),
    # one of the table, by its English name whichever script or form names it
    ("福州總醫院器官移植研究所的團隊完成了移植。", ["Fuzhou General Hospital"]),
    ("该研究由联勤保障部队第九〇〇医院完成。", ["Fuzhou General Hospital"]),
    ("chief of immunotherapy at Northwestern University Feinberg School of Medicine", ["Northwestern University"]),
    ("美国Nordvale生物技术公司宣布", None),             # no match: a company is a sponsor
])
def test_institutions_the_table_lacks_are_organisations_as_written(text: str, names: Optional[list[str]]) -> None:
    assert profile(text).get("organisation") == names


# ---------------------------------------------------------------- case profiles told in other constructions

@pytest.mark.parametrize("text, want", [
    # sex after a clause about the one patient, a case record's header, years with diabetes without 已,
    # "糖尿病史长达20年", time off insulin without 已 — zh, zh-Hant and en side by side
    ("上海长征医院团队为一名59岁、患2型糖尿病25年的男性患者实施了自体再生胰岛移植,患者已完全停用胰岛素33个月。",
     {"patient_age": 59, "patient_sex": "male", "disease_duration_years": 25.0, "insulin_free_days": 1003.2}),
    ("上海長征醫院團隊為一名59歲、患2型糖尿病25年的男性患者實施了自體再生胰島移植,患者已完全停用胰島素33個月。",
     {"patient_age": 59, "patient_sex": "male", "disease_duration_years": 25.0, "insulin_free_days": 1003.2}),
    ("A 59-year-old man who had lived with type 2 diabetes for 25 years has been off insulin for 33 months.",
     {"patient_age": 59, "patient_sex": "male", "disease_duration_years": 25.0, "insulin_free_days": 1003.2}),
    ("天津团队为一名25岁的1型糖尿病女性患者移植了干细胞来源胰岛。", {"patient_age": 25, "patient_sex": "female"}),
    ("該院為一名罹患第1型糖尿病11年的25歲女性進行幹細胞胰島移植,她已一年未施打胰島素。",
     {"patient_age": 25, "patient_sex": "female", "disease_duration_years": 11.0, "insulin_free_days": 365.0}),
    ("The patient, a 25-year-old woman diagnosed with type 1 diabetes 11 years ago, has been insulin independent "
     "for one year.", {"patient_age": 25, "patient_sex": "female", "disease_duration_years": 11.0,
                       "insulin_free_days": 365.0}),
    ("一位今年58岁、糖尿病史长达20年的男子接受了干细胞移植,目前已脱离胰岛素11个月。",
     {"patient_age": 58, "patient_sex": "male", "disease_duration_years": 20.0, "insulin_free_days": 334.4}),
    ("该患者男,52岁,2型糖尿病病史15年,接受干细胞胰岛移植后停用胰岛素。",
     {"patient_age": 52, "patient_sex": "male", "disease_duration_years": 15.0}),
    ("患者,女,25歲,第1型糖尿病病史11年。", {"patient_age": 25, "patient_sex": "female", "disease_duration_years": 11.0}),
    # one person by an address term or a nickname (hospital posts, patient stories)
    ("58岁的王阿姨患2型糖尿病已有12年,每天打4针胰岛素。", {"patient_age": 58, "patient_sex": "female",
                                                       "disease_duration_years": 12.0}),
    ("58歲的王阿姨患第2型糖尿病已有12年。", {"patient_age": 58, "patient_sex": "female", "disease_duration_years": 12.0}),
    ("A 58-year-old grandmother who had lived with type 2 diabetes for 12 years joined the trial.",
     {"patient_age": 58, "patient_sex": "female", "disease_duration_years": 12.0}),
    ("63岁的张大爷接受了干细胞治疗。", {"patient_age": 63, "patient_sex": "male"}),
    ("19岁的小陈是一名大学生。", {"patient_age": 19}),
    # years with diabetes from the time of diagnosis
    ("患者男,63岁,患者12年前诊断为2型糖尿病,先后予二甲双胍治疗。", {"patient_age": 63, "patient_sex": "male",
                                                           "disease_duration_years": 12.0}),
    ("她11年前被確診為第1型糖尿病。", {"disease_duration_years": 11.0}),
])
def test_case_profiles_in_other_constructions(text: str, want: dict[str, Any]) -> None:
    p = profile(text)
    for k, v in want.items():
        assert p.get(k) == (v if isinstance(v, str) else pytest.approx(v, rel=0.01)), k


@pytest.mark.parametrize("text, absent", [
    ("共纳入18名男性和12名女性2型糖尿病患者。", "patient_sex"),           # no match: a cohort's sexes
    ("患者中男性占60%,平均病程8年。", "patient_sex"),
    ("一名患者的女儿陪同就诊。", "patient_sex"),
    ("患者男女比例为1:1,年龄18~65岁。", "patient_age"),
    ("患糖尿病5年后出现肾病。", "disease_duration_years"),                 # a time point, not the history
    ("停用胰岛素3个月后复查血糖。", "insulin_free_days"),                  # a visit after stopping
    ("脫離胰島素1年時C肽仍可測得。", "insulin_free_days"),
    ("He was diagnosed with type 1 diabetes at age 11.", "disease_duration_years"),
    ("18岁以上的患者均可入组。", "patient_age"),                           # a threshold, not a person
    ("患者年龄40-65岁的女士和先生均可报名。", "patient_age"),
    ("18岁的小朋友们参加了夏令营。", "patient_age"),
    ("12年前诊断的患者占30%。", "disease_duration_years"),
])
def test_no_case_profile_value(text: str, absent: str) -> None:
    assert absent not in profile(text)
