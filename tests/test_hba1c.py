"""HbA1c values: pairs, lone values, stated changes, units; thresholds and other measures are not values."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.hba1c import EXTRACTOR


def values(text: str, lang: str = "zh") -> list[tuple]:
    hits = decided_hits(EXTRACTOR, text, lang, normalised=False)
    return sorted((h.value["before"], h.value["after"], h.value["change"]) for h in hits)


@pytest.mark.parametrize("text,lang,expected", [
    # before -> after
    ("治疗后患者HbA1c从8.3%降至6.9%。", "zh", [(8.3, 6.9, None)]),
    ("糖化血红蛋白由基线9.1±1.3%下降到7.4±0.9%。", "zh", [(9.1, 7.4, None)]),
    ("糖化血紅蛋白從7.8%降至6.5%。", "zh-Hant", [(7.8, 6.5, None)]),
    ("HbA1c从8.20 [1.10]% 降至7.40 [0.90]%。", "zh", [(8.2, 7.4, None)]),
    ("HbA1c decreased from 8.6% at baseline to 7.1% at 12 months.", "en", [(8.6, 7.1, None)]),
    ("Mean glycated hemoglobin fell from 9.0 to 7.6% after infusion.", "en", [(9.0, 7.6, None)]),
    ("HbA1c 8.4% → 7.2%", "en", [(8.4, 7.2, None)]),
    # mmol/mol converted to %
    ("HbA1c fell from 64 mmol/mol to 53 mmol/mol.", "en", [(8.01, 7.0, None)]),
    # a lone value
    ("随访6个月时,糖化血红蛋白降至6.4%。", "zh", [(None, 6.4, None)]),
    ("第8周糖化血红蛋白降至最低,为5.9%。", "zh", [(None, 5.9, None)]),
    ("入院时HbA1c:9.2%,空腹血糖11.3 mmol/L。", "zh", [(9.2, None, None)]),
    ("Baseline HbA1c was 8.8%.", "en", [(8.8, None, None)]),
    # stated changes, signed
    ("HbA1c平均下降0.85%。", "zh", [(None, None, -0.85)]),
    ("糖化血红蛋白下降1.1%–1.4%。", "zh", [(None, None, -1.4), (None, None, -1.1)]),
    ("HbA1c was reduced by 0.9 percentage points.", "en", [(None, None, -0.9)]),
    ("Patients showed a 0.6% reduction in HbA1c.", "en", [(None, None, -0.6)]),
    ("HbA1c showed an increase of 0.3% in the placebo group.", "en", [(None, None, 0.3)]),
    ("HbA1c平均降幅达1.36%。", "zh", [(None, None, -1.36)]),
    # no match
    ("主要终点为HbA1c<7.0%的患者比例。", "zh", []),
    ("纳入标准:HbA1c≥7.5%且病程超过2年。", "zh", []),
    ("其中25%的患者实现了糖化血红蛋白<7%的目标。", "zh", []),
    ("At one year, 79% achieved an HbA1c <7% and time in range >70%.", "en", []),
    ("HbA1c下降,同时胰岛素用量减少45%。", "zh", []),
    ("HbA1c与空腹血糖均改善,HOMA-β从41%升至58%。", "zh", []),
    ("糖化血红蛋白达标率为62%。", "zh", []),
    ("HbA1c改善,hs-CRP下降30%。", "zh", []),
    ("HbA1c was 34% lower in relative terms.", "en", []),
])
def test_hba1c(text, lang, expected):
    assert values(text, lang) == expected


def test_timepoint_and_group():
    text = "12个月时,治疗组HbA1c从8.1%降至7.0%。"
    doc = Document("t.txt", text, text, "zh", SourceDoc("t.txt", text, "txt"))
    (hit,) = EXTRACTOR.find(Span(doc, 0, len(text)))
    assert hit.value["timepoint_days"] == 365 and hit.value["group"] == "治疗组"


def test_timepoint_weeks_english():
    text = "At 48 weeks, HbA1c decreased from 8.0% to 7.2% in the UC-MSC group."
    doc = Document("t.txt", text, text, "en", SourceDoc("t.txt", text, "txt"))
    (hit,) = EXTRACTOR.find(Span(doc, 0, len(text)))
    assert hit.value["timepoint_days"] == 336


# ---- generalisation table: phrasings of unseen sites, run through the real normalisation ----
def site_values(text: str, lang: str) -> list[tuple]:
    hits = decided_hits(EXTRACTOR, text, lang)
    return sorted(((h.value["before"], h.value["after"], h.value["change"]) for h in hits), key=repr)


def site_hits(text: str, lang: str) -> list[dict]:
    return [h.value for h in decided_hits(EXTRACTOR, text, lang)]


@pytest.mark.parametrize("text,lang,expected", [
    # pairs: abstracts, hospital posts (mean ± SD in brackets, % outside), traditional news, US news
    ("HbA1c decreased from 8.9 ± 1.1% to 7.3 ± 0.9% at 12 months (p < 0.001) in the MSC group.", "en",
     [(8.9, 7.3, None)]),
    ("HbA1c由(8.62±1.35)%降至(7.01±0.98)%。", "zh", [(8.62, 7.01, None)]),
    ("患者糖化血红蛋白水平由治疗前的（9.12±1.45）％下降至治疗后的（7.25±1.03）％。", "zh", [(9.12, 7.25, None)]),
    ("糖化血紅蛋白（HbA1c）從8.9%降到7.2%。", "zh-Hant", [(8.9, 7.2, None)]),
    ("患者的糖化血红蛋白从基线时的9.3%下降到治疗12周后的7.6%。", "zh", [(9.3, 7.6, None)]),
    ("Her A1C dropped from 10.2 percent to 6.3 percent within a year of the transplant.", "en", [(10.2, 6.3, None)]),
    ("糖化血红蛋白由治疗前8.5%降至治疗后6个月的7.1%，降幅1.4%。", "zh", [(8.5, 7.1, None), (None, None, -1.4)]),
    # several lone values in one clause: each by its own cue, else the role of the one before
    ("Mean (SD) HbA1c at baseline was 8.3 (1.2)% and 7.4 (0.9)% at 24 weeks (P = .002).", "en",
     [(8.3, None, None), (None, 7.4, None)]),
    ("Data presented at the Scientific Sessions showed a mean HbA1c of 7.8% at baseline and 6.6% at one year.", "en",
     [(7.8, None, None), (None, 6.6, None)]),
    ("In the treated group, HbA1c 7.1% at 12 months versus 8.2% at baseline.", "en",
     [(8.2, None, None), (None, 7.1, None)]),
    ("受试者基线HbA1c为8.2%，治疗后12个月为7.0%。", "zh", [(8.2, None, None), (None, 7.0, None)]),
    ("HbA1c：治疗前（8.76±1.21）%，治疗后（7.12±0.85）%。", "zh", [(8.76, None, None), (None, 7.12, None)]),
    ("观察组治疗后HbA1c为(6.85±0.72)%，低于对照组的(7.64±0.81)%。", "zh", [(None, 6.85, None), (None, 7.64, None)]),
    ("Baseline HbA1c averaged 8.4%; at week 52 it was 7.2% in the cell group and 8.1% in the placebo group.",
     "en", [(8.4, None, None), (None, 7.2, None), (None, 8.1, None)]),
    # a table flattened to text: the unit in the row header
    ("Characteristic MSC group (n = 20) Control group (n = 22)\nBaseline HbA1c (%) 8.1 ± 0.9 7.9 ± 1.0\n"
     "Fasting glucose (mmol/L) 9.2 ± 2.1 9.0 ± 1.8", "en", [(7.9, None, None), (8.1, None, None)]),
    # bare results sentences
    ("Insulin requirements fell by 40% and HbA1c was 6.9% after treatment.", "en", [(None, 6.9, None)]),
    ("治疗后HbA1c为6.9%。", "zh", [(None, 6.9, None)]),
    ("胰岛素用量减少了52%，HbA1c降至6.8%。", "zh", [(None, 6.8, None)]),
    # mmol/mol, levels and changes
    ("At baseline, mean HbA1c was 64 mmol/mol; glycated haemoglobin fell by 12 mmol/mol over 6 months.", "en",
     [(8.01, None, None), (None, None, -1.1)]),
    # stated changes: CI and p-values are not values; a signed value is a change; groups in one clause
    ("Compared with placebo, the mean HbA1c reduction was 1.1% (95% CI 0.6-1.6) at week 48.", "en",
     [(None, None, -1.1)]),
    ("HbA1c decreased by 0.9% (95% CI, -1.3% to -0.5%) versus placebo.", "en", [(None, None, -0.9)]),
    ("The placebo-adjusted difference in HbA1c was -0.7% (p = 0.03).", "en", [(None, None, -0.7)]),
    ("Patients' HbA1c levels dropped by an average of 1.5 percentage points, from 8.7% to 7.2%.", "en",
     [(8.7, 7.2, None), (None, None, -1.5)]),
    ("Glycated hemoglobin A1c was reduced by 1.3 ± 0.4% in the treatment arm and by 0.2 ± 0.3% in controls.",
     "en", [(None, None, -0.2), (None, None, -1.3)]),
    ("治疗后3个月HbA1c较基线下降1.3个百分点。", "zh", [(None, None, -1.3)]),
    ("HbA1c下降了（1.25±0.32）%。", "zh", [(None, None, -1.25)]),
    ("HbA1c下降幅度为(1.42±0.51)%，显著大于对照组(0.61±0.47)%。", "zh", [(None, None, -0.61), (None, None, -1.42)]),
    ("HbA1c相对基线下降了1.2%。", "zh", [(None, None, -1.2)]),
    # more site phrasings: brackets per time point, maintained levels, "now", a second group, dual units
    ("HbA1c levels decreased significantly from baseline (8.1%) to 6 months (7.2%).", "en", [(8.1, 7.2, None)]),
    ("HbA1c从治疗前的8.7%降低到了7.1%。", "zh", [(8.7, 7.1, None)]),
    ("糖化血色素由移植前平均9.1%降至6.8%。", "zh-Hant", [(9.1, 6.8, None)]),
    ("治疗后患者HbA1c维持在6.5%左右。", "zh", [(None, 6.5, None)]),
    ("Two years after the transplant, her A1C is now 6.4%.", "en", [(None, 6.4, None)]),
    ("目前她的糖化血红蛋白为5.8%，已停用胰岛素。", "zh", [(None, 5.8, None)]),
    ("The trial showed a reduction in HbA1c of 0.8% at 26 weeks.", "en", [(None, None, -0.8)]),
    ("Mean HbA1c fell 1.4 percentage points to 7.0%.", "en", [(None, 7.0, None), (None, None, -1.4)]),
    ("HbA1c improved by 1.2% versus 0.3% in the control group.", "en", [(None, None, -0.3), (None, None, -1.2)]),
    ("HbA1c水平较治疗前降低(1.35±0.42)%。", "zh", [(None, None, -1.35)]),
    ("两组HbA1c分别下降了1.5%和0.4%。", "zh", [(None, None, -0.4), (None, None, -1.5)]),
    ("Baseline HbA1c was 8.7 ± 1.1% (72 ± 12 mmol/mol) in the UC-MSC group and 8.6 ± 1.0% (70 ± 11 mmol/mol) "
     "in the placebo group.", "en", [(8.6, None, None), (8.7, None, None)]),
    ("HbA1c decreased from 8.3 ± 0.8% (67 ± 9 mmol/mol) at baseline to 7.4 ± 0.7% (57 ± 8 mmol/mol).", "en",
     [(8.3, 7.4, None)]),
    ("HbA1c, % 8.2 (7.5-9.1) 8.0 (7.4-8.8)", "en", [(8.0, None, None), (8.2, None, None)]),
    # no match: criteria, shares of patients, variability, relative changes, other measures
    ("Adults aged 18-65 years with HbA1c ≥ 7.5% were eligible.", "en", []),
    ("adults with type 2 diabetes and HbA1c between 7.5% and 11.0% were randomized.", "en", []),
    ("HbA1c降至7%以下。", "zh", []),
    ("HbA1c normalized (< 6.5%) in 8 of 10 patients.", "en", []),
    ("The proportion of patients with HbA1c < 7% rose from 10% to 18% at one year.", "en", []),
    ("12个月时HbA1c<7%的患者比例从15%升至62%。", "zh", []),
    ("纳入标准：年龄18～65岁，HbA1c 7.5%～11.0%。", "zh", []),
    ("HbA1c variability (coefficient of variation) fell from 12% to 8%.", "en", []),
    ("Treatment produced a 15% relative reduction in HbA1c compared with controls.", "en", []),
    ("HbA1c showed a relative reduction of 4.5% from baseline.", "en", []),
    ("HbA1c平均降低了20%。", "zh", []),
    ("HbA1c较基线相对下降了3.5%。", "zh", []),
    ("At 12 months, 45% of participants had an HbA1c below 7.0%.", "en", []),
    # an entry condition told with a modal verb
    ("Trials in which HbA1c had to exceed 8.0% at entry showed larger effects.", "en", []),
    ("Participants' HbA1c must be above 7.5% at screening.", "en", []),
    ("入组时HbA1c须高于7.5%。", "zh", []),
    ("入組時HbA1c需要高於7.5%。", "zh-Hant", []),
])
def test_hba1c_sites(text, lang, expected):
    assert site_values(text, lang) == expected


@pytest.mark.parametrize("text,lang,timepoints", [
    # the time point stated after the value, or between "治疗后" and the value
    ("HbA1c 7.1% at 12 months.", "en", {(None, 7.1, 365)}),
    ("HbA1c was 7.4% at week 24 in the cell group.", "en", {(None, 7.4, 168)}),
    ("Mean HbA1c fell from 8.0% to 6.9% at one year.", "en", {(8.0, 6.9, 365)}),
    ("受试者基线HbA1c为8.2%，治疗后12个月为7.0%。", "zh", {(8.2, None, None), (None, 7.0, 365)}),
    ("患者的糖化血红蛋白从9.3%下降到治疗12周后的7.6%。", "zh", {(9.3, 7.6, 84)}),
])
def test_hba1c_trailing_timepoints(text, lang, timepoints):
    assert {(v["before"], v["after"], v["timepoint_days"]) for v in site_hits(text, lang)} == timepoints


# ---- blind-set phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # the Taiwanese name with its abbreviation in brackets is one term
    ("患者移植前糖化血色素（HbA1c）為9.1%，移植後半年降到6.2%。", "zh-Hant", [(9.1, None, None), (None, 6.2, None)]),
    ("治疗前糖化血红蛋白(HbA1c)为8.4%,治疗后降至7.0%。", "zh", [(8.4, None, None), (None, 7.0, None)]),
    ("糖化血色素（HbA1c）≥7.5%者方可收案。", "zh-Hant", []),            # trap: a criterion
    # a transitive change verb before the term, the amount after "by"
    ("Compared with placebo, cell therapy lowered HbA1c by 0.64 percentage points at 6 months.", "en",
     [(None, None, -0.64)]),
    ("The infusions reduced HbA1c by 1.3% in the first year.", "en", [(None, None, -1.3)]),
    ("Cells improved HbA1c (8.2%) in three patients.", "en", [(8.2, None, None)]),  # trap: no "by", a level
    # "a vs b unit": the unit after the last value is shared
    ("HbA1c changed by -0.9 vs -0.2 percentage points in the two groups.", "en",
     [(None, None, -0.9), (None, None, -0.2)]),
    ("HbA1c change from baseline: -11 vs -2 mmol/mol.", "en", [(None, None, -1.01), (None, None, -0.18)]),
    ("HbA1c in the 7 vs 12 patient groups was not reported.", "en", []),  # trap: counts, no unit
    # a change said as a between-group difference, late in a long results sentence
    ("At week 24, HbA1c was 60 (8) mmol/mol [7.6 (0.7)%] with cells and 66 (9) mmol/mol [8.2 (0.8)%] with "
     "placebo, a change from baseline of -10 vs -4 mmol/mol; the placebo-adjusted difference was -0.5 "
     "percentage points (95% CI -0.8 to -0.2).", "en",
     # (each level once: the bracketed % restates the mmol/mol reading)
     [(None, 7.6, None), (None, 8.2, None), (None, None, -0.91), (None, None, -0.5), (None, None, -0.37)]),
    # a lone value that a pair restates is one fact
    ("Her A1C was 10.1%. A year later her A1C had dropped from 10.1% to 6.8%.", "en", [(10.1, 6.8, None)]),
    ("入院时糖化血红蛋白为9.6%。治疗后糖化血红蛋白由9.6%降至7.1%。", "zh", [(9.6, 7.1, None)]),
])
def test_hba1c_blind_phenomena(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


@pytest.mark.parametrize("text,lang,expected", [
    # a flattened table: the column header gives baseline or the time point
    ("Outcome | Group | Baseline | 3 months | 6 months\n"
     "HbA1c, % | MSC | 8.4 ± 0.9 | 7.8 ± 0.8 | 7.5 ± 0.7\n"
     "FPG, mmol/L | MSC | 9.9 ± 2.0 | 8.7 ± 1.8 | 8.2 ± 1.6", "en",
     {(8.4, None, None), (None, 7.8, 91), (None, 7.5, 183)}),
    ("指标 | 组别 | 基线 | 12周 | 24周\nHbA1c(%) | 治疗组 | 8.8±1.1 | 7.9±0.9 | 7.4±0.8", "zh",
     {(8.8, None, None), (None, 7.9, 84), (None, 7.4, 168)}),
    ("指標 | 組別 | 治療前 | 6個月\n糖化血色素(%) | 幹細胞組 | 9.0±1.2 | 7.7±1.0", "zh-Hant",
     {(9.0, None, None), (None, 7.7, 183)}),
    # a header naming groups, not times: the values keep their baseline reading
    ("Characteristic | MSC (n = 20) | Control (n = 18)\nAge, years | 55.1 ± 6.0 | 56.3 ± 7.2\n"
     "HbA1c, % | 8.3 ± 0.9 | 8.1 ± 1.0", "en", {(8.3, None, None), (8.1, None, None)}),
])
def test_hba1c_table_columns(text, lang, expected):
    assert {(v["before"], v["after"], v["timepoint_days"]) for v in site_hits(text, lang)} == expected


# ---- blind2 phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # middle-dot decimals (Lancet style) and a spread named inside its bracket after the unit
    ("HbA1c at week 52 was 6·9% (SD 0·8) in the cell group and 7·6% (0·9) in the placebo group.", "en",
     [(None, 6.9, None), (None, 7.6, None)]),
    ("第52周时糖化血红蛋白为6·9%(SD 0·8)。", "zh", [(None, 6.9, None)]),
    ("治療後糖化血色素為6·8%。", "zh-Hant", [(None, 6.8, None)]),
    ("HbA1c was 8.2% (SD 1.1) at baseline and 7.4% (SD 0.9) at 12 months.", "en", [(8.2, None, None), (None, 7.4, None)]),
    ("基线HbA1c为8.5%(SD 1.2),治疗后为7.6%(SD 1.0)。", "zh", [(8.5, None, None), (None, 7.6, None)]),
    # the spread of values across patients or studies is a range, not a before -> after pair
    ("Baseline HbA1c ranged from 7.5% to 10.2% across trials.", "en", []),
    ("各研究基线糖化血红蛋白从7.6%到9.8%不等。", "zh", []),
    ("受試者基線糖化血色素範圍為7.5%至10.0%。", "zh-Hant", []),
    ("HbA1c fell from 8.4% to 7.1% over a year.", "en", [(8.4, 7.1, None)]),      # trap: a real pair
    ("糖化血红蛋白8.5%降至7.2%。", "zh", [(8.5, None, None), (None, 7.2, None)]),  # trap: 降至 is not a range
    # a measure word inside a group's name does not end the HbA1c clause
    ("干细胞组HbA1c从8.9%降至7.8%,而单用胰岛素的对照组从8.8%降至8.6%。", "zh", [(8.8, 8.6, None), (8.9, 7.8, None)]),
    ("HbA1c fell from 8.9% to 7.8% in the MSC group, while the insulin-only group went from 8.8% to 8.6%.", "en",
     [(8.8, 8.6, None), (8.9, 7.8, None)]),
    ("HbA1c fell from 8.9% to 7.8%, and insulin dose fell from 40 to 30 U.", "en", [(8.9, 7.8, None)]),  # trap
    # colloquial "降了"
    ("和对照组相比,糖化血红蛋白平均多降了0.6个百分点左右。", "zh", [(None, None, -0.6)]),
    ("糖化血色素平均降了1.2個百分點。", "zh-Hant", [(None, None, -1.2)]),
    ("患者体重降了3公斤,糖化血红蛋白降到7%以下。", "zh", []),                      # trap: weight; a target
    # a "mmol/mol" value in the range of % values is a % value with the wrong unit; the parallel pair shares it
    ("幹細胞組的糖化血色素由8.6 mmol/mol降至7.3 mmol/mol,安慰劑組則僅由8.5降至8.2。", "zh-Hant",
     [(8.5, 8.2, None), (8.6, 7.3, None)]),
    ("HbA1c fell from 8.1 mmol/mol to 7.0 mmol/mol.", "en", [(8.1, 7.0, None)]),
    ("治疗前糖化血红蛋白为7.9 mmol/mol。", "zh", [(7.9, None, None)]),
    ("HbA1c fell from 64 mmol/mol to 53 mmol/mol.", "en", [(8.01, 7.0, None)]),   # trap: real mmol/mol
    ("糖化血红蛋白由8.5%降至7.2%,血脂由6.5降至5.2。", "zh", [(8.5, 7.2, None)]),   # trap: no group, no shared unit
    # a bilingual abstract states each reading twice: one fact
    ("结果 干细胞组HbA1c由(8.9±1.6)%降至(7.8±1.2)%。Results HbA1c in the stem cell group decreased from "
     "(8.9±1.6)% to (7.8±1.2)%.", "zh", [(8.9, 7.8, None)]),
    ("治療組糖化血色素由8.5%降至7.5%,對照組由8.5%降至7.5%。", "zh-Hant",          # trap: two groups, one language
     [(8.5, 7.5, None), (8.5, 7.5, None)]),
])
def test_hba1c_blind2_phenomena(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- blind3 phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # a change "per" unit is a rate in a general statement, not a change anyone measured
    ("糖化血红蛋白每下降1个百分点,并发症风险下降约20%。", "zh", []),
    ("糖化血色素每降低1%,心血管風險可減少14%。", "zh-Hant", []),
    ("For every 1% reduction in HbA1c, the risk of complications falls by a third.", "en", []),
    ("Each 1-percentage-point drop in HbA1c lowers risk.", "en", []),
    ("干细胞组HbA1c平均下降1.2个百分点。", "zh", [(None, None, -1.2)]),            # trap: a measured change
    # a pair right after the term with no unit: the values of a % scale in plain words
    ("患者的糖化血红蛋白从8.4降到了7.6。", "zh", [(8.4, 7.6, None)]),
    ("打完針後,糖化血色素由9.1降到7.5。", "zh-Hant", [(9.1, 7.5, None)]),
    ("Their HbA1c fell from 8.8 to 7.9 after a year.", "en", [(8.8, 7.9, None)]),
    ("\"My A1c went from 9.2 to 6.4 and I feel great!\"", "en", []),                 # trap: a testimonial
    ("我的糖化从9.0降到6.8,太神奇了。", "zh", []),                                   # trap: a testimonial
    ("HbA1c从64降至53。", "zh", []),                                                 # trap: no unit, not the % scale
    ("糖化血红蛋白从8降到7。", "zh", []),                                            # trap: whole numbers
    # the same change in a headline and in the body is one fact
    ("各剂量组HbA1c较基线下降0.6%–1.1%\n\n52周时,各剂量组HbA1c较基线下降0.6%–1.1%。", "zh",
     [(None, None, -1.1), (None, None, -0.6)]),
    ("HbA1c fell by 1.2%\n\nAt 48 weeks, HbA1c fell by 1.2% in the MSC group and by 1.2% in the placebo group.", "en",
     [(None, None, -1.2), (None, None, -1.2)]),                                      # trap: two groups
    # a second group's values restated after a semicolon take the roles of the first group's values
    ("In the MSC group, HbA1c was 8.4% at baseline and 7.3% at 24 weeks; in the control group it was 8.2% and 8.0%.",
     "en", [(8.2, None, None), (8.4, None, None), (None, 7.3, None), (None, 8.0, None)]),
    ("In the MSC group, median HbA1c was 7.6% (IQR, 7.1%-8.2%) at baseline and 7.1% (IQR, 6.7%-7.7%) at 52 weeks; "
     "in the sham group it was 7.5% (IQR, 7.0%-8.0%) and 7.4% (IQR, 7.1%-8.1%).", "en",
     [(7.5, None, None), (7.6, None, None), (None, 7.1, None), (None, 7.4, None)]),
    ("治疗组HbA1c基线为8.5%,12周时为7.2%;对照组分别为8.4%和8.3%。", "zh",
     [(8.4, None, None), (8.5, None, None), (None, 7.2, None), (None, 8.3, None)]),
    ("HbA1c was 8.4% at baseline and 7.3% at 24 weeks; fasting glucose was 8.0 and 7.0 mmol/L.", "en",
     [(8.4, None, None), (None, 7.3, None)]),                                        # trap: another measure
])
def test_hba1c_blind3_phenomena(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- blind4 phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # "N months later": a time point after the value makes it a post-treatment value
    ("HbA1c was 7.6% before transplantation and 6.9% six months later.", "en", [(7.6, None, None), (None, 6.9, None)]),
    ("HbA1c was 8.0% at baseline and 7.1% three months after the infusion.", "en",
     [(8.0, None, None), (None, 7.1, None)]),
    ("糖化血红蛋白移植前为7.6%,6个月后为6.9%。", "zh", [(7.6, None, None), (None, 6.9, None)]),
    ("糖化血色素輸注前8.2%,三個月後7.0%。", "zh-Hant", [(8.2, None, None), (None, 7.0, None)]),
    ("HbA1c was 7.2% two years before the transplant.", "en", [(7.2, None, None)]),   # trap: before, not after
    # a group phrase between a value and its cue ("61 mmol/mol in both groups at baseline"); values compared
    # with "versus" share the time point stated after the last of them
    ("HbA1c was 61 mmol/mol in both groups at baseline and 52 mmol/mol with cells versus 58 mmol/mol with placebo "
     "at 24 months.", "en", [(7.73, None, None), (None, 6.91, None), (None, 7.46, None)]),
    ("HbA1c was 8.1% in the MSC group at baseline and 7.2% at 12 months.", "en", [(8.1, None, None), (None, 7.2, None)]),
    ("HbA1c was 7.0% with cells versus 7.8% with placebo at 12 months.", "en", [(None, 7.0, None), (None, 7.8, None)]),
    ("HbA1c fell by 0.5% in the MSC group and by 0.1% with placebo at two years.", "en",
     [(None, None, -0.5), (None, None, -0.1)]),                                     # trap: a second change, not a level
    ("HbA1c was 8.3% with cells versus 8.4% with placebo at baseline.", "en",
     [(8.3, None, None), (8.4, None, None)]),                                        # trap: a shared baseline cue
    ("两组基线HbA1c均为8.2%,12个月时干细胞组为7.1%,对照组为7.9%。", "zh",
     [(8.2, None, None), (None, 7.1, None), (None, 7.9, None)]),
    # a value after "由/从/from" whose end is cut or is not stated: the value the change started from
    ("幹細胞組HbA1c由(8.9±1.2)%降至(7.6±1.0)%,對照組由(8.7±1.1)%降", "zh-Hant",
     [(8.7, None, None), (8.9, 7.6, None)]),
    ("干细胞组HbA1c由8.9%降至7.6%,对照组由8.7%略有下降。", "zh", [(8.7, None, None), (8.9, 7.6, None)]),
    ("HbA1c fell from 8.9% to 7.6% with cells, and from 8.7% with placebo", "en", [(8.7, None, None), (8.9, 7.6, None)]),
    ("HbA1c fell from 8.9% to 7.6%; the range was from 7.5% to 10.0% at entry.", "en", [(8.9, 7.6, None)]),  # trap: a range
    # a first-person testimonial states no study value, with or without a unit
    ("My own A1c is 7.1% on a pump.", "en", []),
    ("我自己的糖化血红蛋白是7.3%,控制得还行。", "zh", []),
    ("我的糖化血色素從9.0%降到6.8%,太神奇了。", "zh-Hant", []),
    ("The patient's HbA1c fell from 9.0% to 6.8%.", "en", [(9.0, 6.8, None)]),      # trap: third person
])
def test_hba1c_blind4_phenomena(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- issue 10 (ERRORS 4.8, 4.9, 4.13): layouts, series and roles of real articles (zh / zh-Hant / en, traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # bracketed medians labelled by their time point, no % sign; week 0 is the baseline
    ("Fifteen patients with type 2 diabetes were enrolled. HbA1c declined (week 0: 8.30 [7.90, 8.80]; "
     "week 12: 7.60 [7.10, 8.20]; P < 0.01).", "en", [(8.3, None, None), (None, 7.6, None)]),
    ("15例2型糖尿病患者入组。HbA1c下降(第0周: 8.30 [7.90, 8.80]; 第12周: 7.60 [7.10, 8.20]; P<0.01)。", "zh",
     [(8.3, None, None), (None, 7.6, None)]),
    ("15例2型糖尿病患者入組。HbA1c下降(第0週: 8.30 [7.90, 8.80]; 第12週: 7.60 [7.10, 8.20]; P<0.01)。", "zh-Hant",
     [(8.3, None, None), (None, 7.6, None)]),
    # key = value
    ("All 11 participants improved after the infusion (mean A1c: BL=8.4%; M6=6.9%).", "en",
     [(8.4, None, None), (None, 6.9, None)]),
    ("11名受试者输注后均改善(平均HbA1c:基线=8.4%;6个月=6.9%)。", "zh", [(8.4, None, None), (None, 6.9, None)]),
    ("HbA1c (week 0: 8 patients; week 12: 12 patients) was reported.", "en", []),        # trap: counts, not levels
    # per-subgroup values among outcome groups are post-treatment values
    ("Fifty recipients were followed. Median HbA1c was 6.3% [6.0-6.8] among insulin-free recipients and "
     "8.7% [7.1-9.5] among recipients with graft failure.", "en", [(None, 6.3, None), (None, 8.7, None)]),
    ("50名受者接受随访。脱离胰岛素的受者中位HbA1c为6.3% [6.0-6.8],移植物失功者为8.7% [7.1-9.5]。", "zh",
     [(None, 6.3, None), (None, 8.7, None)]),
    ("50名受者接受隨訪。脫離胰島素的受者中位糖化血色素為6.3% [6.0-6.8],移植物失功者為8.7% [7.1-9.5]。", "zh-Hant",
     [(None, 6.3, None), (None, 8.7, None)]),
    # a meta-analysis mean difference is a change; a standardised one is unitless
    ("We pooled 12 trials. HbA1c was lower than at baseline (weighted mean difference -0.85%; 95% CI -1.20 to -0.50).",
     "en", [(None, None, -0.85)]),
    ("HbA1c was lower after MSC therapy (MD = -0.72; 95% CI: [-1.11 to -0.33], P = 0.0003).", "en", [(None, None, -0.72)]),
    ("结果 共纳入9项研究。与基线相比,治疗后HbA1c下降(MD=-0.95,95%CI -1.40~-0.50)。", "zh", [(None, None, -0.95)]),
    ("共納入12項研究。與基線相比糖化血色素降低(加權均數差-0.85%,95%CI -1.20~-0.50)。", "zh-Hant", [(None, None, -0.85)]),
    ("The standardized mean difference in HbA1c was -0.45 (95% CI -0.7 to -0.2).", "en", []),
    # a series of time points keeps every value; p-values between them are no values
    ("In 25 patients, HbA1c fell from 8.9% ± 1.1 at baseline to 8.2% ± 0.9 at 3 months (p = 0.04), 7.7% ± 0.8 at "
     "6 months (p = 0.01) and 7.5% ± 1.0 at 12 months (p = 0.003).", "en",
     [(8.9, 8.2, None), (None, 7.5, None), (None, 7.7, None)]),
    ("25例患者的HbA1c由基线的8.9%±1.1降至3个月时的8.2%±0.9(P=0.04)、6个月时的7.7%±0.8(P=0.01)和12个月时的7.5%±1.0。",
     "zh", [(8.9, 8.2, None), (None, 7.5, None), (None, 7.7, None)]),
    # a series of changes
    ("Forty patients were treated. HbA1c dropped 0.6% by month 3, 0.9% by month 6 and 1.3% by month 12.", "en",
     [(None, None, -0.6), (None, None, -0.9), (None, None, -1.3)]),
    ("HbA1c在第3个月下降0.6%,第6个月下降0.9%,第12个月下降1.3%。", "zh",
     [(None, None, -0.6), (None, None, -0.9), (None, None, -1.3)]),
    ("HbA1c dropped 0.6% by month 3 and was 7.1% at month 12.", "en", [(None, 7.1, None), (None, None, -0.6)]),  # trap
    # two arms' changes around a bracketed pair
    ("In 80 patients, HbA1c went down 0.9% (8.6% to 7.7%) in the treated arm and just 0.3% in the sham arm.", "en",
     [(8.6, 7.7, None), (None, None, -0.3), (None, None, -0.9)]),
    ("治療組糖化血色素下降0.9%(由8.6%降至7.7%),假手術組僅下降0.3%。", "zh-Hant",
     [(8.6, 7.7, None), (None, None, -0.3), (None, None, -0.9)]),
    # a change's amount after a group named in quotes
    ("Mean HbA1c reduction in 'responders' was 1.1% (8.1 ± 0.5% to 7.0 ± 0.6%, P = 0.03).", "en",
     [(8.1, 7.0, None), (None, None, -1.1)]),
    # role: a time after treatment stated earlier in the sentence makes a bare value post-treatment
    ("We report a 49-year-old man with type 1 diabetes and an HbA1c of 8.8% who received two islet infusions. "
     "Four years on, his HbA1c is 6.4% without insulin.", "en", [(8.8, None, None), (None, 6.4, None)]),
    ("一名49岁男性,HbA1c为8.8%,接受了两次胰岛输注。四年后,他的HbA1c为6.4%,无需胰岛素。", "zh",
     [(8.8, None, None), (None, 6.4, None)]),
    ("一名49歲男性,糖化血色素為8.8%,接受了兩次胰島輸注。四年後,他的糖化血色素為6.4%。", "zh-Hant",
     [(8.8, None, None), (None, 6.4, None)]),
    ("Fifteen patients received cord blood. Twelve-month results: C-peptide 0.4 nmol/L; HbA1c 6.9%; weight 71 kg.",
     "en", [(None, 6.9, None)]),
    ("15名患者接受脐血输注。12个月结果:C肽0.4 nmol/L;HbA1c 6.9%;体重71 kg。", "zh", [(None, 6.9, None)]),
    ("A man received islets in 2019. Today his HbA1c stands at 6.6%.", "en", [(None, 6.6, None)]),
    ("Metabolic indexes 1 year postinfusion were peak C-peptide 0.50 ng/ml (IQR 0.26-1.30), P = 0.002; "
     "A1C 7.0% (IQR 6.5-7.7), P = 0.97.", "en", [(None, 7.0, None)]),
    ("HbA1c was 7.2% two years before the transplant.", "en", [(7.2, None, None)]),       # trap: a time before
    ("A 52-year-old woman had an HbA1c of 9.1%.", "en", [(9.1, None, None)]),              # trap: an age
    # two time points named together, then their values in the same order
    ("At baseline and at 12 months, HbA1c was 8.5% and 7.1%.", "en", [(8.5, None, None), (None, 7.1, None)]),
    ("HbA1c at baseline and 12 months was 8.1% and 7.0%, respectively.", "en", [(8.1, None, None), (None, 7.0, None)]),
    ("治疗前和治疗后HbA1c分别为8.6%和7.2%。", "zh", [(8.6, None, None), (None, 7.2, None)]),
    # time points coordinated under one unit: every value after treatment
    ("HbA1c at 6 and 12 months was 7.7% and 7.5%, respectively.", "en", [(None, 7.5, None), (None, 7.7, None)]),
    ("HbA1c was 8.9% at baseline; at 6 and 12 months it was 7.7% and 7.5%, respectively.", "en",
     [(8.9, None, None), (None, 7.5, None), (None, 7.7, None)]),
    ("治疗后6个月和12个月的HbA1c分别为7.7%和7.5%。", "zh", [(None, 7.5, None), (None, 7.7, None)]),
    ("治療後6個月和12個月的糖化血色素分別為7.7%和7.5%。", "zh-Hant", [(None, 7.5, None), (None, 7.7, None)]),
    ("HbA1c at 6 and 12 months of age was not recorded; at entry it was 8.2%.", "en", [(8.2, None, None)]),  # trap
    ("治療前和治療後糖化血色素分別為8.6%和7.2%。", "zh-Hant", [(8.6, None, None), (None, 7.2, None)]),
    # the mmol/mol restatement of the same change is not a second value
    ("The placebo-adjusted difference in HbA1c was -0.5% (-5.5 mmol/mol) at 8 weeks.", "en", [(None, None, -0.5)]),
    ("安慰剂校正后HbA1c差值为-0.5%(-5.5 mmol/mol)。", "zh", [(None, None, -0.5)]),
    ("HbA1c fell by 0.5 percentage points (5.5 mmol/mol) at week 24.", "en", [(None, None, -0.5)]),
    # thresholds in words, targets, inclusion criteria
    ("Patients with HbA1c less than or equal to 7.5% (less than or equal to 58.0 mmol/mol) were enrolled.", "en", []),
    ("Patients with HbA1c no more than 10% and at least 7.0% were enrolled.", "en", []),
    ("入选标准:HbA1c不低于7.5%且不高于11%。", "zh", []),
    ("The HbA1c target was 7.0% at the last visit.", "en", []),
    # another therapy's effect is not the study's
    ("| GLP-1受体激动剂| 2-5万元 | 减重10-15%,HbA1c降低1.5-2% |", "zh", []),
    ("二甲双胍可使HbA1c降低1.5%。", "zh", []),
    ("GLP-1 receptor agonists lower HbA1c by 1.0-1.5%, while stem cells reduced HbA1c by 0.8% in this trial.", "en",
     [(None, None, -0.8)]),
    ("In patients on metformin, HbA1c fell from 8.5% to 7.2% after MSC infusion.", "en", [(8.5, 7.2, None)]),  # trap
    # Chinese names of the measure, simplified and traditional
    ("患者的糖化血紅素由8.5%降至7.1%。", "zh-Hant", [(8.5, 7.1, None)]),
    ("糖化血紅蛋白(HbA1c)從9.0%降到6.9%。", "zh-Hant", [(9.0, 6.9, None)]),
    ("其糖化血色素目前維持在6.0%左右。", "zh-Hant", [(None, 6.0, None)]),
    ("The 12-month study enrolled 30 patients (mean HbA1c 8.4%).", "en", [(8.4, None, None)]),  # trap: a length
    # points of HbA1c are percentage points; "latest" is after treatment; respective time points after the values
    ("Patients saw a 1.2-point drop in HbA1c.", "en", [(None, None, -1.2)]),
    ("Her latest HbA1c is 5.9%.", "en", [(None, 5.9, None)]),
    ("HbA1c values were 8.1 ± 1.2 and 7.0 ± 0.9% at baseline and 12 months, respectively.", "en",
     [(8.1, None, None), (None, 7.0, None)]),
    # whole-word measures: "last" holds no AST, "entire" no TIR, "weighted" no weight
    ("HbA1c at the last follow-up was 6.8%.", "en", [(None, 6.8, None)]),
    ("HbA1c for the entire cohort was 7.1% at 12 months.", "en", [(None, 7.1, None)]),
])
def test_hba1c_issue10_layouts_series_roles(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- values of several arms listed before one time point: each list shares the cue after its last value ----
@pytest.mark.parametrize("text,lang,expected", [
    ("Mean HbA1c was 8.1% and 8.0% at baseline and 7.0% and 7.6% at month 24 in the treated and control groups, "
     "respectively.", "en", [(8.0, None, None), (8.1, None, None), (None, 7.0, None), (None, 7.6, None)]),
    ("HbA1c was 8.4%, 8.3% and 8.5% at baseline and 7.2%, 7.6% and 8.4% at 12 months in the high-dose, low-dose "
     "and placebo groups, respectively.", "en",
     [(8.3, None, None), (8.4, None, None), (8.5, None, None), (None, 7.2, None), (None, 7.6, None),
      (None, 8.4, None)]),
    ("HbA1c was 7.1% and 7.9% at 12 months in the cell and placebo arms.", "en", [(None, 7.1, None), (None, 7.9, None)]),
    ("两组基线HbA1c分别为8.1%和8.0%,24个月时分别为7.0%和7.6%。", "zh",
     [(8.0, None, None), (8.1, None, None), (None, 7.0, None), (None, 7.6, None)]),
    ("兩組基線HbA1c分別為8.1%和8.0%,24個月時分別為7.0%和7.6%。", "zh-Hant",
     [(8.0, None, None), (8.1, None, None), (None, 7.0, None), (None, 7.6, None)]),
    # traps: a value with its own cue keeps it; a list without a cue after it takes none from a later clause
    ("HbA1c was 8.2% at baseline and 7.1% at 12 months.", "en", [(8.2, None, None), (None, 7.1, None)]),
    ("In the MSC group, HbA1c was 8.4% at baseline and 7.3% at 24 weeks; in the control group it was 8.2% and 8.0%.",
     "en", [(8.2, None, None), (8.4, None, None), (None, 7.3, None), (None, 8.0, None)]),
])
def test_hba1c_arm_lists_share_the_time_point_after_them(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- a time-point label before an arrow pair dates the pair; it does not make the first value a later one ----
@pytest.mark.parametrize("text,lang,expected", [
    ("A1c at wk48: 8.7 → 7.5% with cells vs 8.6 → 8.2% on placebo.", "en", [(8.6, 8.2, None), (8.7, 7.5, None)]),
    ("HbA1c at week 24: 8.4% -> 7.6%.", "en", [(8.4, 7.6, None)]),
    ("第48周時HbA1c:8.7→7.5%。", "zh-Hant", [(8.7, 7.5, None)]),
    ("HbA1c at week 48: 7.5%; at baseline: 8.7%.", "en", [(8.7, None, None), (None, 7.5, None)]),   # trap: labels alone
])
def test_hba1c_label_before_an_arrow_pair(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- a headline's bare reading (no group, no time point) restated in full in the body is one fact ----
@pytest.mark.parametrize("text,lang,expected", [
    ("Primary endpoint met: HbA1c reduced by 1.1% with NV-210\n\nAt Week 24, HbA1c fell from 8.7% at baseline to "
     "7.6% in the NV-210 group, a reduction of 1.1%, compared with a reduction of 0.4% in the placebo group.", "en",
     [(None, None, -1.1), (None, None, -0.4), (8.7, 7.6, None)]),
    ("主要终点达成：HbA1c下降1.1%\n\n第24周时，治疗组HbA1c下降1.1%，安慰剂组下降0.4%。", "zh",
     [(None, None, -1.1), (None, None, -0.4)]),
    ("HbA1c fell by 0.5% in the MSC group and by 0.5% in the placebo group at 12 months.", "en",
     [(None, None, -0.5), (None, None, -0.5)]),                                      # trap: two groups, two facts
])
def test_hba1c_headline_reading_restated_in_body(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


@pytest.mark.parametrize("text,lang,expected", [
    ("HbA1c reduced by 1.1% from baseline at Week 24 with CXM-12 versus 0.4% with placebo.", "en",
     [(None, None, -1.1), (None, None, -0.4)]),
    ("HbA1c fell by 0.9% with NV-210 and by 0.2% with placebo.", "en", [(None, None, -0.9), (None, None, -0.2)]),
])
def test_hba1c_product_code_digits_are_no_value(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- the same readings restated in mmol/mol (a translator's or editor's note) are no new facts ----
@pytest.mark.parametrize("text,lang,expected", [
    ("12个月时MSC组糖化血红蛋白为7.1%，对照组为7.8%。译者注：原文HbA1c以mmol/mol报告（54 vs 62 mmol/mol）。", "zh",
     [(None, 7.1, None), (None, 7.8, None)]),
    ("At 12 months HbA1c was 7.1% with cells and 7.8% with placebo. Editor's note: the paper gives 54 and 62 mmol/mol.",
     "en", [(None, 7.1, None), (None, 7.8, None)]),
    ("HbA1c was 64 mmol/mol at baseline and 53 mmol/mol at 12 months.", "en", [(8.01, None, None), (None, 7.0, None)]),
    # trap: a mmol/mol value that restates nothing stays
    ("HbA1c was 8.1% at baseline; at 12 months it was 53 mmol/mol.", "en", [(8.1, None, None), (None, 7.0, None)]),
])
def test_hba1c_mmol_restatement_is_one_fact(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


@pytest.mark.parametrize("text,lang,expected", [
    # Hong Kong and Taiwan words for follow-up open a sentence after treatment
    ("經過12個月跟進,細胞組的糖化血紅素平均為7.1%,對照組則為7.8%。", "zh-Hant", [(None, 7.1, None), (None, 7.8, None)]),
    ("追蹤兩年後,患者糖化血色素為6.8%。", "zh-Hant", [(None, 6.8, None)]),
    ("入組時糖化血紅素為8.2%。", "zh-Hant", [(8.2, None, None)]),               # trap: at entry
])
def test_hba1c_hk_tw_follow_up_words(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- a plain-text table whose rows name the time point under an HbA1c header line, one column per group ----
ROW_TABLE = ("                 Cells        Placebo\n                 (n = 30)     (n = 30)\nHbA1c, %\n"
             "  Baseline       8.6 ± 1.0    8.5 ± 1.1\n  Week 24        7.4 ± 0.9    8.3 ± 1.0\n"
             "  Change from baseline, week 24   -1.2   -0.2\nFasting glucose, mmol/L\n  Baseline   9.1 ± 2.0   9.0 ± 1.9\n")


def test_hba1c_row_labelled_table():
    assert site_values(ROW_TABLE, "en") == sorted(
        [(8.6, None, None), (8.5, None, None), (None, 7.4, None), (None, 8.3, None), (None, None, -1.2),
         (None, None, -0.2)], key=repr)


@pytest.mark.parametrize("text,lang,expected", [
    ("糖化血红蛋白(%)\n基线 8.6 ± 1.0 8.5 ± 1.1\n第24周 7.4 ± 0.9 8.3 ± 1.0\n", "zh",
     [(8.5, None, None), (8.6, None, None), (None, 7.4, None), (None, 8.3, None)]),
    # traps: the term inside a sentence, and a header whose rows hold counts, not decimals
    ("HbA1c, % fell in both groups.\nBaseline 8.6 8.5\n", "en", []),
    ("HbA1c <7.0% at year 5, n (%)\nCells 14 (24.1) 6 (14.6)\n", "en", []),
])
def test_hba1c_row_labelled_table_variants(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- the pair told in the sentence after the term's, the term left out ----
@pytest.mark.parametrize("text,lang,expected", [
    ("研究主要观察糖化血红蛋白。根据大会资料,高剂量组由8.1%降到7.0%,低剂量组则由8.0%到7.9%。", "zh",
     [(8.0, 7.9, None), (8.1, 7.0, None)]),
    ("研究主要觀察糖化血色素。高劑量組由8.1%降到7.0%。", "zh-Hant", [(8.1, 7.0, None)]),
    ("The main outcome was HbA1c. It fell from 8.1% to 7.0% in the high-dose group.", "en", [(8.1, 7.0, None)]),
    # traps: another measure, a share of patients, whole numbers, a new paragraph
    ("The main outcome was HbA1c. Fasting glucose fell from 9.1 to 7.0 mmol/L.", "en", []),
    ("The main outcome was HbA1c. The share of patients at target rose from 8.5% to 12.5%.", "en", []),
    ("研究主要观察糖化血红蛋白。胰岛素用量由40%降到20%。", "zh", []),
    ("The main outcome was HbA1c\nIt fell from 8.1% to 7.0% in another cohort.", "en", []),
])
def test_hba1c_pair_in_the_next_sentence(text, lang, expected):
    assert site_values(text, lang) == sorted(expected, key=repr)


# ---- blind11 round: HbA1c with a glucose unit (mmol/L) is a % value with the wrong unit; OCR's "HbAlc"/"HbAIc" ----
@pytest.mark.parametrize("text,lang,expected", [
    ("4名1型糖尿病患者追踪1年，平均HbA1c从8.1 mmol/L降到6.8。", "zh", [(8.1, 6.8, None)]),
    ("4名第一型糖尿病患者追蹤1年，糖化血色素從8.1 mmol/L降到6.8。", "zh-Hant", [(8.1, 6.8, None)]),
    ("Mean HbA1c fell from 8.1 mmol/L to 6.8 mmol/L in the four patients.", "en", [(8.1, 6.8, None)]),
    ("30例患者治疗后HbAlc由8.5%降至7.1%。", "zh", [(8.5, 7.1, None)]),
    ("After 12 months, HbAIc fell from 8.5% to 7.1%.", "en", [(8.5, 7.1, None)]),
    ("MSC therapy lowered HbAlc compared with control (weighted mean difference -0.48%; 95% Cl -0.71 to -0.25).", "en",
     [(None, None, -0.48)]),
    # no match: the glucose of the same sentence keeps its own unit
    ("HbA1c fell from 8.1% to 6.8%, and fasting glucose from 9.4 mmol/L to 7.2 mmol/L.", "en", [(8.1, 6.8, None)]),
    ("治疗后空腹血糖由9.4 mmol/L降至7.2 mmol/L，HbA1c变化不明显。", "zh", []),
    ("HbA1c和空腹血糖分别为8.1%和9.3 mmol/L。", "zh", []),   # (the glucose cuts the clause before either value)
])
def test_wrong_unit_and_ocr_term(text: str, lang: str, expected: list[tuple]) -> None:
    assert values(text, lang) == expected


# ---- blind11 round: a registry results page flattened with "|": baseline rows whose label names the statistic before
# the unit, and outcome measures whose title dates the arms' values a few lines below ----
@pytest.mark.parametrize("text,expected", [
    ("Baseline Characteristics\n | Cohort A | Cohort B | Total\n"
     "HbA1c Mean (Standard Deviation) percentage of hemoglobin | 8.1 (0.6) | 7.9 (0.7) | 7.9 (0.7)",
     {(8.1, None, None, None), (7.9, None, None, None)}),
    ("Baseline Characteristics\n | MSC | Placebo\nHbA1c, mean (SD), % | 8.4 (1.0) | 8.3 (0.9)",
     {(8.4, None, None, None), (8.3, None, None, None)}),
    ("2. Secondary Outcome | HbA1c at Month 12\nMeasure Type: Mean | Dispersion: Standard Deviation | "
     "Unit of Measure: percentage of hemoglobin\nTime Frame | Month 12\nNumber of Participants Analyzed | 3 | 8\n"
     " | 7.7 (0.5) | 6.6 (0.4)", {(None, 7.7, None, 365.0), (None, 6.6, None, 365.0)}),
    ("1. Primary Outcome | Change From Baseline in HbA1c at Week 24\nUnit of Measure: percentage of HbA1c\n"
     "Number of Participants Analyzed | 20 | 19\nMean (Standard Deviation) | -1.2 (0.4) | -0.3 (0.5)",
     {(None, None, -1.2, None), (None, None, -0.3, None)}),
    ("Outcome Measure Title: HbA1c at Week 52\nUnit of Measure: mmol/mol\n | 53 (6) | 60 (7)",
     {(None, 7.0, None, 364.0), (None, 7.64, None, 364.0)}),
    # no match: a count of participants below the title, another unit, a title with no time point
    ("3. Secondary Outcome | Number of Participants With HbA1c < 7.0% at Month 12\nUnit of Measure: Participants\n"
     "Count of Participants | 0 | 5", set()),
    ("2. Secondary Outcome | Fasting glucose and HbA1c\nUnit of Measure: mmol/L\n | 7.7 (0.5) | 6.6 (0.4)", set()),
])
def test_registry_results_rows(text, expected):
    assert {(v["before"], v["after"], v["change"], v["timepoint_days"]) for v in site_hits(text, "en")} == expected


# ---- blind11 round: an OCR'd journal table of groups by time points with its cells glued together ----
_GLUED_TABLE = ("表1 两组患者治疗前后HbA1c比较（%，x±s）\n组别例数治疗前治疗后6个月治疗后12个月\n"
                "治疗组428.9±1.28.0±1.07.6±0.9a\n对照组228.8±1.18.6±1.08.5±1.0\n注：与治疗前比较，aP＜0.01")


@pytest.mark.parametrize("text,lang,expected", [
    (_GLUED_TABLE, "zh", {(8.9, None, None), (None, 8.0, 183.0), (None, 7.6, 365.0), (8.8, None, None),
                          (None, 8.6, 183.0), (None, 8.5, 365.0)}),
    ("表2 兩組患者治療前後糖化血紅蛋白比較（%）\n組別例數治療前治療後3個月\n治療組309.12±1.057.85±0.90\n對照組308.95±1.108.70±1.02",
     "zh-Hant", {(9.12, None, None), (None, 7.85, 91.0), (8.95, None, None), (None, 8.7, 91.0)}),
    # no match: a header without time columns (a baseline table), a header with one dated column
    ("表1 两组患者基线资料比较\n组别例数年龄病程\n治疗组4255.1±6.08.2±3.1", "zh", set()),
    ("表1 两组患者HbA1c比较（%）\n组别治疗前治疗后\n治疗组1118.9±1.17.5±1.0", "zh", set()),
])
def test_glued_time_table(text, lang, expected):
    assert {(v["before"], v["after"], v["timepoint_days"]) for v in site_hits(text, lang)} == expected


def test_glued_table_cells_restated_by_the_text_count_once():
    text = ("64例2型糖尿病患者。结果 治疗组HbA1c由治疗前（8.9±1.2）%降至治疗后12个月的（7.6±0.9）%；"
            "对照组由（8.8±1.1）%变为（8.5±1.0）%。\n" + _GLUED_TABLE)
    got = sorted(((v["before"], v["after"]) for v in site_hits(text, "zh")), key=repr)
    assert got == sorted([(8.9, 7.6), (8.8, 8.5), (None, 8.0), (None, 8.6)], key=repr)


@pytest.mark.parametrize("text,lang,expected", [
    # blind11 round: the reading of someone who asked the writer is not the study's
    ("前几天一位52岁的T2D患者，HbA1c 9.4%，拿着某机构的宣传单来问我，一个疗程报价8万元。", "zh", []),
    ("Last week a patient with an HbA1c of 9.4% asked me about stem cell clinics.", "en", []),
    # no match: a treated patient's reading stays
    ("A 52-year-old man received stem cells; his HbA1c fell from 9.4% to 7.1%, and he asked me whether to repeat it.",
     "en", [(9.4, 7.1, None)]),
])
def test_inquirer_reading(text, lang, expected):
    assert site_values(text, lang) == expected
