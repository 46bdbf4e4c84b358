"""Cell doses per administration: magnitudes, powers of ten, ranges, per kg; drug doses are not cell doses."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.document import SourceDoc
from extract.fields.base import Span
from extract.fields.dose import EXTRACTOR
from extract.pipeline import to_document


def doses(text: str, lang: str = "zh") -> list[tuple[float, float, bool]]:
    hits = decided_hits(EXTRACTOR, text, lang, normalised=False)
    return [(h.value["cells_min"], h.value["cells_max"], h.value["per_kg"]) for h in hits]


@pytest.mark.parametrize("text,lang,expected", [
    ("每次静脉输注2亿至5亿个脐带间充质干细胞。", "zh", [(2e8, 5e8, False)]),
    ("单次注射剂量1亿细胞。", "zh", [(1e8, 1e8, False)]),
    ("每次輸注1.5億個細胞。", "zh-Hant", [(1.5e8, 1.5e8, False)]),
    ("患者接受(1-2)×10^6个细胞/kg的输注。", "zh", [(1e6, 2e6, True)]),
    ("按每公斤体重1×10^6个细胞给药。", "zh", [(1e6, 1e6, True)]),
    ("门诊患者接受30–60×106个细胞/剂的静脉输注。", "zh", [(3e7, 6e7, False)]),
    ("Patients received 1 × 10^6 cells/kg body weight.", "en", [(1e6, 1e6, True)]),
    ("Each infusion contained 70 to 140 million allogeneic MSCs.", "en", [(7e7, 1.4e8, False)]),
    ("A single dose of 2.0 × 10^8 cells was given.", "en", [(2e8, 2e8, False)]),
    ("MSCs were infused at 3x10e6 per kg.", "en", [(3e6, 3e6, True)]),
    ("1E8 stem cells were injected intravenously.", "en", [(1e8, 1e8, False)]),
    # a group labelled by its dose is still a dose as stated
    ("低剂量组(5000万细胞)", "zh", [(5e7, 5e7, False)]),
    # no match
    ("预处理使用环磷酰胺200 mg/kg和G-CSF 10 µg/kg。", "zh", []),
    ("Cyclophosphamide 2.0 g/m2 and insulin 0.5 U/kg/d.", "en", []),
    ("公司融资3亿元用于干细胞研发。", "zh", []),
    ("全球约5亿患者需要细胞治疗。", "zh", []),
    ("The trial enrolled 120 patients who received cells.", "en", []),
    ("Each islet contains about 1,000 cells.", "en", []),
])
def test_dose(text, lang, expected):
    assert doses(text, lang) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]


# ---- generalisation table: phrasings of unseen sites, run through the real normalisation ----
def site_doses(text: str, lang: str) -> list[tuple[float, float, bool]]:
    hits = decided_hits(EXTRACTOR, text, lang)
    return sorted((h.value["cells_min"], h.value["cells_max"], h.value["per_kg"]) for h in hits)


@pytest.mark.parametrize("text,lang,expected", [
    ("Patients received a dose of 2 × 10^6 cells/kg on days 0 and 7.", "en", [(2e6, 2e6, True)]),
    ("Each participant received 1.0×10⁶ cells/kg body weight intravenously.", "en", [(1e6, 1e6, True)]),
    ("Participants received three doses of 100 million cells, four weeks apart.", "en", [(1e8, 1e8, False)]),
    ("Patients were given 1-2 million cells per kilogram of body weight.", "en", [(1e6, 2e6, True)]),
    ("Participants were randomized to MSC doses of 0.5, 1.0 or 2.0 × 10^6 cells/kg.", "en",
     [(5e5, 5e5, True), (1e6, 1e6, True), (2e6, 2e6, True)]),
    ("The low-dose group received 1 × 10^6 cells/kg and the high-dose group 3 × 10^6 cells/kg.", "en",
     [(1e6, 1e6, True), (3e6, 3e6, True)]),
    ("Each patient received CD34+ cells at a median of 5.2 × 10^6/kg.", "en", [(5.2e6, 5.2e6, True)]),
    ("A total of 4.5 × 10^8 cells were infused in three doses of 1.5 × 10^8 cells.", "en", [(1.5e8, 1.5e8, False)]),
    ("每次输注1×10^6/kg。", "zh", [(1e6, 1e6, True)]),
    ("细胞数为(1-2)×10^6个/kg，共输注3次。", "zh", [(1e6, 2e6, True)]),
    ("剂量为1×10^6个/kg体重，静脉滴注。", "zh", [(1e6, 1e6, True)]),
    ("每位患者回输5千万个细胞。", "zh", [(5e7, 5e7, False)]),
    ("每位患者接受3次输注，每次1.0×10^8个细胞，间隔4周。", "zh", [(1e8, 1e8, False)]),
    ("每位患者输注1亿个细胞，总计3亿个细胞。", "zh", [(1e8, 1e8, False)]),
    ("患者分别接受低剂量（0.5×10^6/kg）、中剂量（1.0×10^6/kg）和高剂量（2.0×10^6/kg）的脐带间充质干细胞。", "zh",
     [(5e5, 5e5, True), (1e6, 1e6, True), (2e6, 2e6, True)]),
    ("每次輸注劑量為每公斤體重100萬個幹細胞。", "zh-Hant", [(1e6, 1e6, True)]),
    ("本次试验将输注200万个/kg的细胞。", "zh", [(2e6, 2e6, True)]),
    ("每次回输干细胞1亿个/次，共4次。", "zh", [(1e8, 1e8, False)]),
    ("Patients received 1 × 10(6) cells/kg of UC-MSCs on day 0.", "en", [(1e6, 1e6, True)]),
    ("MSCs were given at 2 × 10^8 per infusion.", "en", [(2e8, 2e8, False)]),
    ("Patients received a single dose of 1.5 × 10^6 MSC/kg.", "en", [(1.5e6, 1.5e6, True)]),
    # no match: culture densities, blood counts, drug doses, money
    ("Cells were seeded at 1 × 10^5 cells/well and expanded.", "en", []),
    ("The white blood cell count was 6.5 × 10^9 cells/L before infusion.", "en", []),
    ("Induction used tacrolimus 0.1 mg/kg/day and ATG 6 mg/kg.", "en", []),
    ("环磷酰胺50 mg/kg，连续4天。", "zh", []),
    ("Vertex raised $1.5 billion to fund the islet cell program.", "en", []),
    ("该公司细胞治疗业务营收达2亿元。", "zh", []),
    ("Plasma viral load was 10^6 copies/mL.", "en", []),
    ("Platelet counts were 1.2 × 10^9/L after infusion of cells.", "en", []),
])
def test_dose_sites(text, lang, expected):
    assert site_doses(text, lang) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]


# ---- blind-set phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # the cell word before the count, the classifier after: "每次输注细胞1亿个"
    ("团队为其进行了3次静脉输注,每次输注细胞5000万个。", "zh", [(5e7, 5e7, False)]),
    ("每次回輸幹細胞數量約為1億個。", "zh-Hant", [(1e8, 1e8, False)]),
    ("总计输注细胞3亿个。", "zh", []),                                     # trap: a cumulative total
    # islet equivalents are not cells: not a dose
    ("兩次合計輸注約52萬單位胰島當量（IEQ）。", "zh-Hant", []),
    ("每次移植约30万IEQ胰岛。", "zh", []),
    ("She received 350,000 islet equivalents (IEQ) per infusion.", "en", []),
    ("Each infusion contained about 5 × 10^5 IEQ.", "en", []),
    ("每次输注胰岛细胞约5×10^8个。", "zh", [(5e8, 5e8, False)]),           # a count of cells is a dose
])
def test_dose_blind_phenomena(text, lang, expected):
    assert site_doses(text, lang) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]


# ---- blind2 phenomena: a list of doses each with its own power of ten (zh / zh-Hant / en, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    ("按体重分为三个剂量组(每公斤0.5×10^6、1×10^6、2×10^6个细胞)。", "zh",
     [(5e5, 5e5, True), (1e6, 1e6, True), (2e6, 2e6, True)]),
    ("分为0.5×106、1.0×106、2.0×106个细胞/kg三个剂量组,单次静脉输注。", "zh",      # lost superscripts
     [(5e5, 5e5, True), (1e6, 1e6, True), (2e6, 2e6, True)]),
    ("受試者分為三組,分別輸注5000萬、1億、2億個細胞。", "zh-Hant", [(5e7, 5e7, False), (1e8, 1e8, False), (2e8, 2e8, False)]),
    ("Patients received 1 × 10^6, 2 × 10^6 or 5 × 10^6 cells/kg.", "en",
     [(1e6, 1e6, True), (2e6, 2e6, True), (5e6, 5e6, True)]),
    ("Doses were 0·5 × 10^6 and 1·0 × 10^6 cells per kg.", "en", [(5e5, 5e5, True), (1e6, 1e6, True)]),  # middle dots
    # no match: money and blood counts listed the same way
    ("公司融资3亿元、5亿元和10亿元用于细胞治疗。", "zh", []),
    ("血小板计数150×10^9、200×10^9个/L。", "zh", []),
])
def test_dose_blind2_phenomena(text, lang, expected):
    assert site_doses(text, lang) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]


# ---- blind3 phenomena (zh / zh-Hant / en, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # "每次打1亿个": a count per administration said colloquially, the cell word earlier in the sentence
    ("医生从脂肪里培养出干细胞,每次打1亿个,一共打3针。", "zh", [(1e8, 1e8, False)]),
    ("培養出幹細胞後,每次輸2億個,共3次。", "zh-Hant", [(2e8, 2e8, False)]),
    ("每次花费1万元,一共打3针。", "zh", []),                                    # trap: money, no cells
    ("每次步行1万步。", "zh", []),                                              # trap: no cells
    # a cell bank's stock or a plant's output is not a dose
    ("公司细胞库储备超过1000亿个细胞。", "zh", []),
    ("該公司細胞庫存達500億個細胞,年產能可供1萬名患者。", "zh-Hant", []),
    ("The company's cell bank holds 2 billion cells ready for release.", "en", []),
    ("The plant can manufacture 10 billion cells a year.", "en", []),
    ("Each patient received 1 billion cells.", "en", [(1e9, 1e9, False)]),       # trap: a real dose
    ("输注GMP生产的干细胞1亿个。", "zh", [(1e8, 1e8, False)]),                     # trap: produced cells given
    ("MSCs manufactured under GMP (1 × 10^8 cells) were infused.", "en", [(1e8, 1e8, False)]),
])
def test_dose_blind3_phenomena(text, lang, expected):
    assert site_doses(text, lang) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]


# ---- blind4 phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # a count in Chinese numerals right after "每公斤体重": the per-kg filler never takes the numeral
    ("按每公斤體重一百萬個臍帶間充質幹細胞的劑量,每兩星期輸注一次。", "zh-Hant", [(1e6, 1e6, True)]),
    ("按每公斤体重两百万个干细胞的剂量输注。", "zh", [(2e6, 2e6, True)]),
    ("每公斤体重输注1×10^6个细胞。", "zh", [(1e6, 1e6, True)]),                      # trap: words between stay
    ("at one million cells per kilogram of body weight", "en", [(1e6, 1e6, True)]),
    ("每公斤体重一百万单位胰岛素。", "zh", []),                                       # trap: not cells
])
def test_dose_blind4_phenomena(text, lang, expected):
    assert site_doses(text, lang) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]


# ---- issue 10: number forms of real articles (ERRORS 4.13, 4.9), zh / zh-Hant / en side by side, with traps ----
@pytest.mark.parametrize("text,lang,expected", [
    # E notation with a sign, × printed as "3" with its superscript lost, "10e6"
    ("Arm A: 2.5E+6 cells/kg, intravenous, in 20 patients with type 2 diabetes.", "en", [(2.5e6, 2.5e6, True)]),
    ("Patients with type 2 diabetes received 0.5 3 106/kg (n = 12) of the cells.", "en", [(5e5, 5e5, True)]),
    ("Patients received 1 x 10e6 cells/kg.", "en", [(1e6, 1e6, True)]),
    # a cell acronym after a magnitude word, per kg; a list sharing the magnitude
    ("A single infusion of 1.5 million ASCs/kg was given to 30 patients.", "en", [(1.5e6, 1.5e6, True)]),
    ("Patients received 0.5, 1.0 or 1.5 million ASCs/kg.", "en", [(5e5, 5e5, True), (1e6, 1e6, True), (1.5e6, 1.5e6, True)]),
    ("Each patient received 2 × 10^6 HSCs/kg.", "en", [(2e6, 2e6, True)]),
    # a dose-escalation list with arm sizes between the doses: every dose, the cell word far before
    ("In this dose-escalation trial in type 2 diabetes, participants received 0.5 × 10^6/kg (n = 8), "
     "1.5 × 10^6/kg (n = 8) or placebo (n = 8).", "en", [(5e5, 5e5, True), (1.5e6, 1.5e6, True)]),
    # Chinese forms: per kg before the count, a bracketed range, per administration, composed numerals
    ("每公斤体重1×10^6个细胞。", "zh", [(1e6, 1e6, True)]),
    ("每公斤體重1×10^6個細胞。", "zh-Hant", [(1e6, 1e6, True)]),
    ("细胞剂量为(1~2)×10^6/kg。", "zh", [(1e6, 2e6, True)]),
    ("細胞劑量為(1~2)×10^6/kg。", "zh-Hant", [(1e6, 2e6, True)]),
    ("每次输注1亿个细胞/次。", "zh", [(1e8, 1e8, False)]),
    ("每次回输1亿5千万个细胞。", "zh", [(1.5e8, 1.5e8, False)]),
    ("每次回輸1億5千萬個細胞。", "zh-Hant", [(1.5e8, 1.5e8, False)]),
    ("每次输注1000多万个干细胞。", "zh", [(1e7, 1e7, False)]),
    ("每次輸注1000多萬個幹細胞。", "zh-Hant", [(1e7, 1e7, False)]),
    # table cells glued without separators
    ("Garcia et al. [21]AD-MSCIntravenous injection2 × 10^6 cells/kgOnce6 monthsOpen-label single-arm study", "en",
     [(2e6, 2e6, True)]),
    ("Number of BMMNCs infused4.9 ± 3.10 × 10812.04 ± 4.84 × 1086.88 ± 2.30 × 108NANA", "en",
     [(4.9e8, 4.9e8, False), (6.88e8, 6.88e8, False), (1.204e9, 1.204e9, False)]),
    # a mean ± SD (or median [IQR]) with its power of ten, in each layout; a surface marker before "cells"
    ("Patients received (1.2 ± 0.3) × 10^6 cells/kg.", "en", [(1.2e6, 1.2e6, True)]),
    ("Patients received 2.4 × 10^6 ± 0.8 × 10^6 cells/kg.", "en", [(2.4e6, 2.4e6, True)]),
    ("The mean dose was 3.2 ± 1.1 × 10^6 cells/kg.", "en", [(3.2e6, 3.2e6, True)]),
    ("输注细胞数为(1.2±0.3)×10^6个/kg。", "zh", [(1.2e6, 1.2e6, True)]),
    ("輸注細胞數為(1.2±0.3)×10^6個/kg。", "zh-Hant", [(1.2e6, 1.2e6, True)]),
    ("Median dose 5.2 (4.1–6.3) × 10^6 CD34+ cells/kg.", "en", [(5.2e6, 5.2e6, True)]),
    # no match: money said as a round sum, marrow yields, p-values, units that are not cells
    ("花了20多万做“干细胞”治疗。", "zh", []),
    ("花了20多萬做「幹細胞」治療。", "zh-Hant", []),
    ("Bone marrow TNC count11.72 ± 6.36 × 10820.28 ± 8.55 × 108\nBone marrow MNC count", "en", []),
    ("The difference was significant (p = 2.48×10−5) in the MSC group.", "en", []),
    ("Heparin 1 × 10^4 IU was given with the stem cells.", "en", []),
    ("Viral load was 2.5E+6 copies/mL before the MSC infusion.", "en", []),
])
def test_dose_issue10_forms(text, lang, expected):
    assert site_doses(text, lang) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]


TABLE_EN = ("Table 2. Trials included\n"
            "Study Country n Cells Route Mean dose of cells (/kg) Follow-up (months)\n"
            "Alvarez, 2019 Spain 12 AD-MSCs IV 1.5 × 106 12\n"
            "Berg, 2020 Norway 8 BM-MNCs IA 2 − 4 × 108 6\n"
            "Chen, 2021 China 10 UC-MSCs IV 2.6 ± 1.2 × 107 24\n")
TABLE_ZH = ("表1 纳入研究\n"
            "研究 国家 例数 细胞 剂量(/kg) 随访(月)\n"
            "张, 2016 中国 16 AD-MSC 1 × 107 24\n")
TABLE_HANT = ("表1 納入研究\n"
              "研究 國家 例數 細胞 劑量(/kg) 隨訪(月)\n"
              "張, 2016 中國 16 AD-MSC 1 × 107 24\n")
# no dose header: a count per litre in a row is no dose
TABLE_TRAP = ("Table 3. Blood counts\n"
              "Study Cells CD34+ (/L) Follow-up (months)\n"
              "Alvarez, 2019 AD-MSCs 1.5 × 106 12\n")


def _row_doses(table: str, row: int) -> list[tuple[float, float, bool]]:
    doc = to_document(SourceDoc("t.txt", table, "txt"))
    lines = doc.text.split("\n")
    start = sum(len(x) + 1 for x in lines[:row])
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, start, start + len(lines[row]))))
    return sorted((h.value["cells_min"], h.value["cells_max"], h.value["per_kg"]) for h in hits)


@pytest.mark.parametrize("table,row,expected", [
    (TABLE_EN, 2, [(1.5e6, 1.5e6, True)]),
    (TABLE_EN, 3, [(2e8, 4e8, True)]),
    (TABLE_EN, 4, [(2.6e7, 2.6e7, True)]),
    (TABLE_ZH, 2, [(1e7, 1e7, True)]),
    (TABLE_HANT, 2, [(1e7, 1e7, True)]),
    (TABLE_TRAP, 2, []),                     # no match: the header names no dose
])
def test_dose_column_of_a_table_row(table, row, expected):
    assert _row_doses(table, row) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]


def test_dose_column_needs_a_record_of_one_row():
    # a record holding the whole table holds other studies' cells: the header reading stays off
    doc = to_document(SourceDoc("t.txt", TABLE_EN, "txt"))
    assert EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(doc.text)))) == []


# ---- a dose raised between groups, its cell noun left out: "剂量加倍到6亿颗" ----
@pytest.mark.parametrize("text,lang,expected", [
    ("前6人每人植入3億顆細胞,之後9人劑量加倍到6億顆。", "zh-Hant", [(3e8, 3e8, False), (6e8, 6e8, False)]),
    ("首批患者输注1亿个细胞,第二批剂量增加至2亿个。", "zh", [(1e8, 1e8, False), (2e8, 2e8, False)]),
    ("The dose was doubled to 2 × 10^6 cells/kg in the second cohort.", "en", [(2e6, 2e6, True)]),
    ("费用增加到2万元。", "zh", []),                                                # trap: money
])
def test_dose_raised_to(text, lang, expected):
    assert site_doses(text, lang) == sorted(expected)


@pytest.mark.parametrize("text,lang,expected", [
    # blind11 round: a count in Chinese numerals after a number a gap before it ("2型…一亿个细胞")
    ("20名2型糖尿病患者每次接受一亿个细胞。", "zh", [(1e8, 1e8, False)]),
    ("20名第2型糖尿病患者每次接受一億個細胞。", "zh-Hant", [(1e8, 1e8, False)]),
    ("20名2型糖尿病患者接受五千万个细胞输注。", "zh", [(5e7, 5e7, False)]),
    # no match: no count of cells
    ("2型糖尿病患者接受干细胞治疗。", "zh", []),
])
def test_chinese_numeral_dose_after_a_number(text, lang, expected):
    assert site_doses(text, lang) == expected
