#!/usr/bin/env python3
"""Generate gold/*.json for blind9 (GUIDELINE v1). Edit here and re-run; do not edit gold/ by hand.

Day conversions: week 7, month 30.4375, year 365.25, rounded.
HbA1c mmol/mol -> %: 0.09148 * x + 2.152, rounded to 2 decimals.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"

FIELDS = ["n_total", "n_arms", "n_studies", "hba1c_before", "hba1c_after", "hba1c_change", "dose",
          "infusions", "interval_days", "follow_up_days", "doi", "pmid", "registry_ids", "design",
          "condition", "cell_type", "pub_date"]


def wk(n): return round(n * 7)
def mo(n): return round(n * 30.4375)
def yr(n): return round(n * 365.25)
def mmol(x): return round(0.09148 * x + 2.152, 2)
def dose(lo, hi=None, per_kg=False): return {"min": float(lo), "max": float(hi if hi is not None else lo), "per_kg": per_kg}


def study(key, facts, optional=None, notes="", optional_mention=False):
    for k in list(facts) + list(optional or {}):
        assert k in FIELDS, k
    s = {"study_key": key, "facts": {k: facts[k] for k in FIELDS if k in facts},
         "optional": optional or {}, "notes": notes}
    if optional_mention:
        s["optional_mention"] = True
    return s


# study keys (dedup clusters)
A = "nie2026-cxm12-wjmsc-t2d-rct"            # Chengxi CXM-12, 1st Affil. Hosp. Ningchuan Med. Univ., 84 (42/42)
B = "kwong2026-smmc-bmmsc-t1d-adolescents"   # Shek Mun Medical Centre (HK), BM-MSC RCT, 42 (22/20)
C = "chung2026-hyisl01-esc-islet-t1d"        # Heyu Biomedical HY-ISL01, Nankan Memorial Hosp. (TW), 15 (6/9)
D = "kan2026-linming-bmmnc-t2d-cohort"       # Linming Central Hospital, BM-MNC retrospective, 126 (58/41/27)
F = "xi2026-msc-t1d-meta19"                  # meta-analysis, 19 studies, 738 participants
L1 = "gan-ningyi-admsc-t2d-single-arm"       # look-alike of A: same hospital, other team, AD-MSC, 30
L2 = "dawon2026-dwc07-esc-islet-t1d"         # look-alike of C: ESC-islet, T1D, n 15, other company, portal vein
L3 = "kwong2023-smmc-bmmsc-t1d-pilot"        # look-alike of B: same team/hospital, earlier pilot, 8 adults
OM_CX1 = "chengxi-cxm12-phase1"
OM_KAN12 = "kan2012-linming-bmmnc-pilot"
OM_REV = "lancet2025-msc-t1d-review37"

DOCS = {}

DOCS["b9-01-en-newswire-briefs.txt"] = ("en", [
    study(L2, {"n_total": [15], "dose": [dose(5e8)], "infusions": [1], "follow_up_days": [yr(1)],
               "design": ["single_arm_trial"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"pub_date": ["2026-11-12", "2026-11"]},
          "Wire item 1 (SEOUL). LOOK-ALIKE of C: ESC-derived islets, T1D, n 15 like HY-ISL01, but other company "
          "(Dawon Cellworks DWC-07), portal-vein infusion of about 500 million cells. 'open-label ... no control "
          "group' -> single arm. 'six of 15' insulin-free = responders; 2 bleeding = AE; pivotal ~100 patients and "
          "80 billion won = plans/money. '12 months after' = end of observation (365)."),
    study(D, {"n_total": [126], "hba1c_after": [7.9, 8.8], "follow_up_days": [yr(5)], "design": ["observational"],
              "condition": ["T2D"], "cell_type": ["BM-MNC"]},
          {},
          "Wire item 2 (LINMING): no DOI/journal year; links to b9-04/b9-08 via Linming Central Hospital / "
          "Kan Weidong / 126 / five years. 7.9 (artery group) and 8.8 (standard drugs) at five years. "
          "'retrospective analysis' -> observational. 2014-2019 = treatment period, not dates of publication. "
          "140 million background."),
    study(F, {"n_total": [738], "n_studies": [19], "hba1c_change": [-0.58], "design": ["meta_analysis"],
              "condition": ["T1D"], "cell_type": ["MSC"], "pub_date": ["2026-08"]},
          {"n_studies": [11], "follow_up_days": [yr(1)]},
          "Wire item 4 (TIANJIN). Weighted mean difference -0.58 vs control = stated change (ERRORS 4.8); CI bounds "
          "are not values. 'Eleven of the 19 studies were randomized' = subset (optional). 'fewer than 50 patients' "
          "= not n. I2 not a value. 'at 12 months' = outcome time point (optional). Item 3 (1,700 / 1,450 trial "
          "registrations) and item 5 (pump revenue) are not studies."),
])

DOCS["b9-02-en-cn-company-pr.txt"] = ("en", [
    study(A, {"n_total": [84], "n_arms": [42, 42], "hba1c_before": [8.7, 8.6], "hba1c_after": [7.6, 8.2],
              "hba1c_change": [-1.1, -0.4], "dose": [dose(1.5e6, per_kg=True)], "infusions": [3],
              "interval_days": [wk(6)], "follow_up_days": [wk(24)], "registry_ids": ["NCT06587214"],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"follow_up_days": [wk(48)], "pub_date": ["2026-06-18"]},
          "English press release of a Chinese company (PRNewswire). Wharton's jelly MSC = UC-MSC. Changes -1.1/-0.4 "
          "stated twice (bullet and body): one value each. 24-week treatment period = follow-up of these results; "
          "ongoing follow-up 'through Week 48' optional. HbA1c 7.5-10.5% = inclusion criterion; 31%/10% below 7.0% "
          "= proportions; 7 discontinued (4/3), 5 fever, 3 infusion-site = not n. 589/148 million background; "
          "12,000 m2, HKEX 2719, 2017 not facts. Phase I in 18 patients -> optional mention."),
    study(OM_CX1, {}, {"n_total": [18], "design": ["single_arm_trial", "other"], "condition": ["T2D"],
                       "cell_type": ["UC-MSC"], "pub_date": ["2024"]},
          "One sentence on the earlier phase I dose-escalation study (18 patients, completed 2024): optional mention.",
          optional_mention=True),
])

DOCS["b9-03-en-conference-tweets.txt"] = ("en", [
    study(A, {"n_total": [84], "n_arms": [42, 42], "hba1c_before": [8.7, 8.6], "hba1c_after": [7.5, 8.2],
              "hba1c_change": [-1.2, -0.4, -1.1], "dose": [dose(1.5e6, per_kg=True)], "infusions": [3],
              "interval_days": [wk(6)], "follow_up_days": [wk(48)], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"]},
          {"n_total": [79], "pub_date": ["2026-09-24", "2026-09"]},
          "Tweets 2-4. Code CXM-12 shared with b9-02 (no NCT here). '1.5M cells/kg', 'q6wk' = every 6 weeks, "
          "'3 IV doses'. 72 -> 58 mmol/mol is a restatement of 8.7 -> 7.5 % (8.74/7.46): not extra values. "
          "Week-24 change -1.1 is a stated change (required). 79 of 84 completers optional. 7.5-10.5 = criterion."),
    study(C, {"n_total": [15], "n_arms": [6, 9], "hba1c_before": [8.1, 8.0], "hba1c_after": [7.0, 7.9],
              "dose": [dose(3e8), dose(6e8)], "infusions": [1], "follow_up_days": [wk(52)],
              "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"design": ["single_arm_trial"], "pub_date": ["2026-09-24", "2026-09"]},
          "Tweets 5-7: HY-ISL01 (code shared with b9-13 only). '0.3 billion' / '0.6 billion'. 'One implant each' = 1 "
          "administration. Design not stated beyond 'phase 1/2' with dose cohorts: optional. 4/9 and 7/9 = "
          "responders. Reply: planned phase 2 ~60 pts = plan. Tweet 9 rat study has no facts (not annotated)."),
])

DOCS["b9-04-en-results-table.txt"] = ("en", [
    study(D, {"n_total": [126], "n_arms": [58, 41, 27], "hba1c_before": [8.9, 8.8, 8.7],
              "hba1c_after": [7.4, 7.8, 8.4, 7.6, 8.1, 8.6, 7.9, 8.3, 8.8], "hba1c_change": [-1.0, -0.5, 0.1],
              "dose": [dose(1.2e9)], "infusions": [1], "follow_up_days": [yr(5)],
              "doi": ["10.3969/j.cjie.2026.05.004"], "design": ["observational"], "condition": ["T2D"],
              "cell_type": ["BM-MNC"], "pub_date": ["2026"]},
          {"dose": [dose(1.2e9), dose(1e9, 1.5e9), dose(1e9, 1.4e9)]},
          "Plain-text supplementary table, three columns (58/41/27; N = 126). HbA1c at years 1/3/5 per group "
          "(ERRORS 4.9 series). Changes -1.0/-0.5/+0.1 stated in the table. Dose row 'x10^9' median (IQR): 1.2e9 "
          "required once (second copy and IQR ranges optional). Single harvest, one infusion. Route chosen by "
          "patient, 'retrospective cohort' -> observational. Age, sex, duration, BMI, HbA1c<7.0% counts, insulin-free, "
          "lost to follow-up, complications, 200-250 mL marrow = not facts. Citation 2026;14(5) -> 2026."),
])

DOCS["b9-05-en-poster-merged.txt"] = ("en", [
    study(B, {"n_total": [42], "n_arms": [22, 20], "hba1c_before": [10.4, 10.6],
              "hba1c_after": [mmol(54), mmol(62)], "dose": [dose(2e6, per_kg=True)], "infusions": [2],
              "interval_days": [wk(12)], "follow_up_days": [mo(12)], "registry_ids": ["NCT06493158"],
              "design": ["rct"], "condition": ["T1D"], "cell_type": ["BM-MSC"]},
          {"n_total": [40], "pub_date": ["2026-10", "2026-10-16"]},
          "PDF poster with two columns merged line by line (sentences interleaved, hyphenated words 'in-/tensive'). "
          "'Forty-two' in words. 12-month HbA1c only in mmol/mol (54/62 -> 7.09/7.82 %). 40 completers optional; "
          "18%/41% C-peptide, 12 of 22 / 4 of 20 remission, 3 headaches, insulin 0.52/0.71 U/kg/day, IDAA1c<=9, "
          "ages 10-17 and <=100 days criteria, target n = 120 planned, HMRF grant no. = not facts. Extension to 24 "
          "months ongoing = not follow-up."),
])

DOCS["b9-06-zh-weibo-thread.txt"] = ("zh", [
    study(A, {"n_total": [84], "n_arms": [42, 42], "hba1c_change": [-1.1, -0.4], "dose": [dose(1.5e6, per_kg=True)],
              "infusions": [3], "interval_days": [wk(6)], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"]},
          {"follow_up_days": [wk(24)]},
          "Weibo thread, no code/NCT: 宁川医大一附院 (nickname), 聂文静, 澄溪生物. '八十四名' in Chinese numerals. "
          "'每公斤体重150万个细胞'. '24周时' = time point (optional); 48-week data not yet out. 7.5%-10.5% = criterion. "
          "Comments: 我爸 9.3 / 两万八 clinic = not a study; '70公斤...一亿多个' = hypothetical arithmetic, not a dose; "
          "1.4亿 background."),
    study(F, {"n_total": [738], "n_studies": [19], "hba1c_change": [-0.58], "doi": ["10.1016/j.rer.2026.100412"],
              "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"]},
          {"n_studies": [11], "pub_date": ["2026-08"], "follow_up_days": [yr(1)]},
          "Post 4/4: meta-analysis with DOI (not in b9-01); journal name in Chinese + English; 郗梦瑶 = Xi Mengyao. "
          "'比对照组多下降0.58个百分点' = pooled difference (change). '8月刊' without year: pub_date optional. "
          "11 randomised subset optional; '不到50人' not n."),
])

DOCS["b9-07-zh-abstract-translation.txt"] = ("zh", [
    study(B, {"n_total": [42], "n_arms": [22, 20], "hba1c_after": [7.1, 7.8], "dose": [dose(2e6, per_kg=True)],
              "infusions": [2], "interval_days": [wk(12)], "follow_up_days": [mo(12)],
              "doi": ["10.1089/jpect.2026.0187"], "design": ["rct"], "condition": ["T1D"], "cell_type": ["BM-MSC"],
              "pub_date": ["2026-11-20"]},
          {"n_total": [40]},
          "Chinese translation of the English abstract: 石门医疗中心 (simplified) + Shek Mun Medical Centre, "
          "'Kwong HL' only; no registry id (NCT only in b9-05), DOI only here. '2×10⁶/kg' with superscript; "
          "'入组时及第12周各…1次…共2次' = 2 infusions 12 weeks apart. Translator's note restates 54/62 mmol/mol = "
          "same values as 7.1/7.8 (not extra). 40 completers optional; 18%/41%, 12/4 remission, U/kg insulin not "
          "facts. Translation date 2026-12-02 is not pub_date (Epub 2026-11-20 is). Related-reading lines: incidence "
          "background; 37-study review -> optional mention."),
    study(OM_REV, {}, {"n_studies": [37], "design": ["review", "meta_analysis"], "condition": ["T1D"],
                       "cell_type": ["MSC"], "pub_date": ["2025"]},
          "Related-reading line about a 2025 review of 37 studies: optional mention.", optional_mention=True),
])

DOCS["b9-08-zh-feature-longform.txt"] = ("zh", [
    study(D, {"n_total": [126], "n_arms": [58, 41, 27], "hba1c_before": [8.9], "hba1c_after": [7.9, 8.8],
              "dose": [dose(1.2e9)], "infusions": [1], "follow_up_days": [yr(5)], "design": ["observational"],
              "condition": ["T2D"], "cell_type": ["BM-MNC"], "pub_date": ["2026-05"]},
          {"hba1c_before": [11.2], "hba1c_after": [6.8]},
          "Long feature, numbers scattered over sections 二/三: 临溟市中心医院, 阚卫东, 《中国介入内分泌杂志》 2026年5月. "
          "'我们不是随机对照试验…这是一项回顾性研究' (negation) -> observational. '约12亿个' = 1.2e9; '只输一次'. "
          "'五年后' = 5-year follow-up. Patient 老周 (61岁, 病程15年, 四针, 11.2 -> 6.8) = one patient of the "
          "cohort: optional. 2012 pilot of 12 -> optional mention. 9 insulin-free, 2 haematoma = not n; 2025 data "
          "lock; 126份病历 repeats n; other trials '200多人', planned 240, 3.8万元, 1.4亿, 九成 = not facts."),
    study(OM_KAN12, {}, {"n_total": [12], "condition": ["T2D", "unspecified"], "cell_type": ["BM-MNC"],
                         "design": ["single_arm_trial", "case_report", "observational"]},
          "2012 pilot '先给12名患者做了试点', unpublished, no result: optional mention.", optional_mention=True),
])

DOCS["b9-09-zh-news-correction.txt"] = ("zh", [
    study(A, {"n_total": [84], "n_arms": [42, 42], "hba1c_before": [8.7], "hba1c_after": [7.5],
              "hba1c_change": [-1.2, -0.4], "dose": [dose(1.5e6, per_kg=True)], "infusions": [3],
              "interval_days": [wk(6)], "follow_up_days": [wk(48)], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"]},
          {"n_total": [79], "pub_date": ["2026-09-24", "2026-09"]},
          "News with a correction note at the end: full hospital name 宁川医科大学第一附属医院, 聂文静, 澄溪生物, no "
          "code/NCT. '按体重每千克1.5×10⁶个细胞' (superscript). The correction's wrong values (48名/每组24人/48个月) "
          "are not facts; the corrected ones (84/42/48周) are already in the body. 79 completers optional; 5 fever; "
          "7%以下 target; 1.48亿 background. Conference date optional as pub_date."),
    study(L1, {"n_total": [30], "hba1c_before": [8.2], "hba1c_after": [7.6], "dose": [dose(1e8)], "infusions": [1],
               "follow_up_days": [mo(6)], "design": ["single_arm_trial"], "condition": ["T2D"],
               "cell_type": ["AD-MSC"]},
          {},
          "Sidebar 相关链接: LOOK-ALIKE of A — same hospital (宁川医科大学第一附属医院) but another team (甘晓峰), "
          "autologous AD-MSC, single-arm, n 30, 1亿 once, 6 months; 'unrelated to Chengxi'. Must not merge with A."),
])

DOCS["b9-10-zh-podcast-shownotes.txt"] = ("zh", [
    study(C, {"n_total": [15], "n_arms": [6, 9], "hba1c_change": [-1.1], "dose": [dose(3e8), dose(6e8)],
              "infusions": [1], "follow_up_days": [wk(52)], "design": ["single_arm_trial"], "condition": ["T1D"],
              "cell_type": ["ESC-islet"]},
          {},
          "Podcast show notes (timestamps): 禾聿生医 (simplified) without product code, 桃园南崁纪念医院 钟佩瑜. "
          "'3亿个' / '6亿个'; '一次植入'; '52周时' = end-of-study time point (one-year data). '下降1.1个百分点' "
          "stated change (high-dose cohort). '没有对照组' -> single arm. 4 of 9 responders; 900万 background; 7% "
          "target; 体外诱导 = manufacturing, not preclinical."),
    study(L2, {"n_total": [15], "dose": [dose(5e8)], "infusions": [1], "follow_up_days": [mo(12)],
               "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"design": ["single_arm_trial"]},
          "31:20 comparison: Dawon Cellworks DWC-07 (look-alike of C in the same doc; same study as b9-01 item 1): "
          "'同样15人', 门静脉, 约5亿个, 单次, 12个月时 6 of 15 insulin-free (responders). Design not stated here."),
])

DOCS["b9-11-zhhant-hk-threads.txt"] = ("zh-Hant", [
    study(B, {"n_total": [42], "n_arms": [22, 20], "hba1c_after": [7.1, 7.8], "dose": [dose(2e6, per_kg=True)],
              "infusions": [2], "follow_up_days": [mo(12)], "design": ["rct"], "condition": ["T1D"],
              "cell_type": ["BM-MSC"]},
          {"interval_days": [mo(3), wk(12)], "hba1c_after": [6.9], "dose": [dose(1e8)],
           "design": ["controlled_trial"]},
          "HK Threads thread by a parent, Cantonese: 石門醫療中心 鄺醫生, no id/journal. '抽籤分組' = randomised with an "
          "untreated control -> rct. '每公斤二百萬粒'; son's own '每次一億粒' (50 kg) and A1c 6.9 are one patient's "
          "values (optional). '隔三個月左右' approximate (optional). 14歲, 50kg, 確診100日內 criterion, other parent's "
          "9.2, 深圳 clinic 三萬蚊, 一萬 background, 四間醫院 planned = not facts."),
])

DOCS["b9-12-zhhant-hk-bilingual-page.txt"] = ("zh-Hant", [
    study(B, {"n_total": [42], "n_arms": [22, 20], "hba1c_after": [7.1, 7.8], "dose": [dose(2e6, per_kg=True)],
              "infusions": [2], "interval_days": [wk(12)], "follow_up_days": [mo(12)], "design": ["rct"],
              "condition": ["T1D"], "cell_type": ["BM-MSC"], "pub_date": ["2026-11-20"]},
          {},
          "Bilingual HK hospital press release (each paragraph in English then traditional Chinese): every value "
          "is stated twice, counted once. 'two million cells per kilogram' / '每公斤體重二百萬個細胞'; '12 weeks apart' "
          "/ '相隔十二星期'. Dr Kwong Hoi-lam / 鄺凱琳. Page date 2026-11-27 is not pub_date (online 2026-11-20 is). "
          "10-17 years / 100 days = criteria; 10,000 background; four-hospital trial planned."),
    study(L3, {"n_total": [8], "dose": [dose(1e6, per_kg=True)], "infusions": [1], "follow_up_days": [mo(6)],
               "design": ["single_arm_trial"], "condition": ["T1D"], "cell_type": ["BM-MSC"]},
          {"pub_date": ["2023"]},
          "LOOK-ALIKE of B: the same team's earlier pilot (completed 2023), 8 adults with long-standing T1D, single "
          "infusion of 1 million cells/kg, 6 months, no comparison group. Same hospital, PI and cell type; must not "
          "merge with B. '2023' is completion, not publication (optional)."),
])

DOCS["b9-13-zhhant-tw-feature.txt"] = ("zh-Hant", [
    study(C, {"n_total": [15], "n_arms": [6, 9], "hba1c_before": [8.1], "hba1c_after": [7.0],
              "dose": [dose(3e8), dose(6e8)], "infusions": [1], "follow_up_days": [yr(1)],
              "design": ["single_arm_trial"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"hba1c_before": [8.6], "hba1c_after": [7.1]},
          "Taiwan long feature, numbers scattered: 禾聿生醫HY-ISL01 glued to CJK; 桃園南崁紀念醫院 鍾佩瑜. '十五個人' "
          "heading and '15人'. 3億顆 / 6億顆, '每人都只植入一次'. '沒有對照組、屬開放標籤' -> single arm. '追蹤一年後'. "
          "Participant 阿凱 (31歲, 12歲確診, 19年) 8.6 -> 7.1 optional. 4/9 and 7/9 responders; 第三/第六個月 time "
          "points; 2018, 12億元, 二期 60人 planned, 1.3萬 and 500 background; Korean portal-vein product mentioned "
          "without facts (no mention)."),
])

DOCS["b9-14-zhhant-tw-letter.txt"] = ("zh-Hant", [
    study(C, {"n_total": [15], "n_arms": [6, 9], "hba1c_before": [8.1, 8.0], "hba1c_after": [7.0, 7.9],
              "dose": [dose(6e8)], "follow_up_days": [wk(52)], "design": ["single_arm_trial"], "condition": ["T1D"],
              "cell_type": ["ESC-islet"]},
          {},
          "Letter to the editor disputing a TV report: the disputed claims ('全數擺脫胰島素', '追蹤兩年', '平均降了2%') "
          "are not facts; the corrected values from the congress are. 禾聿生醫 + 南崁紀念醫院 + 鍾佩瑜, no code. Only "
          "high-dose 6億顆 given (dose). '52週' = 364. '沒有對照組' -> single arm. 4 of 9 responders; 三位病人, "
          "上萬名 background."),
])


def main():
    GOLD.mkdir(exist_ok=True)
    for old in GOLD.glob("*.json"):
        old.unlink()
    for doc_id, (lang, studies) in DOCS.items():
        assert (HERE / "docs" / doc_id).is_file(), doc_id
        out = {"doc_id": doc_id, "lang": lang, "studies": studies}
        (GOLD / f"{doc_id}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    req, ment = {}, {}
    for doc_id, (lang, studies) in DOCS.items():
        for s in studies:
            if s.get("optional_mention"):
                continue
            ment[lang] = ment.get(lang, 0) + 1
            req[lang] = req.get(lang, 0) + sum(len(v) for v in s["facts"].values())
    print("required facts per language:", req, "total", sum(req.values()), "mentions", ment)


if __name__ == "__main__":
    main()
