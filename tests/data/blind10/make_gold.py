#!/usr/bin/env python3
"""Generate gold/*.json for blind10 (GUIDELINE v1). Edit here and re-run; do not edit gold/ by hand.

Day conversions: week 7, month 30.4375, year 365.25, rounded.
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
A = "qiao2026-lcu21-ucmsc-t2d-rct"       # Lichuan LCU-21, 2nd Affil. Hosp. Lanjiang Univ., 96 (48/48), ChiCTR2500091736
B = "lai2026-gangdu-islet-t1d-cohort"    # Gangdu Memorial Hospital (Kaohsiung), donor islets, 14 pts, ~5 years
C = "deng2026-hc03-cipsc-islet-t1d"      # HengChe HC-03 / HC03, Qingyan Univ. Hosp., 6 pts, ~6e8 cells once
D = "ruan2026-msc-t2d-meta23"            # meta-analysis, 23 RCTs, 1184 participants, -0.62
L1 = "wen2026-yuanxi-ucmsc-t2d-openrct"  # look-alike of A: Yuanxi People's Hosp., open-label, 90 (45/45), q2wk x3, 24 wk
L2 = "fung2026-mawan-islet-t1d-first5"   # look-alike of B: Ma Wan Harbour Hospital (HK), 5 pts, 1 infusion, 1 year

DOCS = {}

DOCS["b10-01-en-company-pr.txt"] = ("en", [
    study(A, {"n_total": [96], "n_arms": [48, 48], "hba1c_before": [8.6, 8.5], "hba1c_after": [7.3, 8.1],
              "hba1c_change": [-0.9], "dose": [dose(1e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)],
              "follow_up_days": [wk(48)], "registry_ids": ["ChiCTR2500091736"], "design": ["rct"],
              "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"n_total": [91], "pub_date": ["2026-09-09", "2026-09"]},
          "Company PR (PRNewswire). 'Ninety-six' in words; 'placebo-adjusted reduction was 0.9 percentage points' = "
          "stated change (between-arm difference, like a WMD). 91 completers optional. 38%/9% below 7.0% target, "
          "11.4 units insulin, fever 6/2, criterion 7.5-11.0%, age 30-70, 140 million background, Phase III ~400 "
          "planned, 9,000 m2, founded 2018 = not facts. PR date only optional as pub_date."),
])

DOCS["b10-02-en-pubmed-page.txt"] = ("en", [
    study(B, {"n_total": [14], "hba1c_before": [8.4], "hba1c_after": [6.3, 6.8], "infusions": [2],
              "follow_up_days": [yr(5.1)], "doi": ["10.1097/tma.0000000000000418"], "pmid": ["41273958"],
              "design": ["observational"], "condition": ["T1D"], "cell_type": ["islet"],
              "pub_date": ["2026-08-30"]},
          {"infusions": [1, 3], "follow_up_days": [yr(5), yr(3.8), yr(8.6), yr(1)],
           "dose": [dose(5600, per_kg=True)], "pub_date": ["2026-10"]},
          "PubMed page with citation line, affiliations, PMID/DOI header. 'Fourteen' in words; mean +/- SD values "
          "(8.4 -> 6.3 at 1 y, 6.8 at 5 y). Median 2 infusions (range 1-3): 2 required, range ends optional. Median "
          "follow-up 5.1 y required; 5-year time point and range optional. 5,600 IEQ/kg is islet equivalents, not a "
          "cell count: optional. Epub 2026-08-30 required (issue 2026 Oct optional). 9 women, 4 prior kidney graft, "
          "9/5 insulin-independent, 2 thrombosis, age 41, duration 24, 4.2 -> 0.1 events = not facts. 'Similar "
          "articles' line (Japan registry) is not a mention."),
])

DOCS["b10-03-en-health-news.txt"] = ("en", [
    study(C, {"n_total": [6], "hba1c_before": [7.8], "hba1c_after": [6.1], "dose": [dose(6e8)], "infusions": [1],
              "follow_up_days": [yr(1)], "registry_ids": ["NCT07214683"], "design": ["single_arm_trial"],
              "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"pub_date": ["2026-11-03", "2026-11"]},
          "English health news. 'six people' in words; 'about 600 million' cells in 'a single procedure'; 'There was "
          "no comparison group' -> single arm. Fat cells reprogrammed chemically into iPSCs -> iPSC-islet (source "
          "of the starting cells is not AD-MSC). 'Four of the six' insulin-free and 'Two patients' = responders, not "
          "n. 9 million people, hundreds of thousands of dollars, planned ~30 = background/plans. News date only "
          "optional."),
])

DOCS["b10-04-en-pdf-short-paper.txt"] = ("en", [
    study(D, {"n_total": [1184], "n_studies": [23], "hba1c_change": [-0.62], "doi": ["10.4588/ctm.2026.0233"],
              "design": ["meta_analysis"], "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2026-07-15"]},
          {"n_studies": [14, 6, 3, 7], "n_total": [742], "hba1c_change": [-0.71, -0.44],
           "cell_type": ["UC-MSC", "BM-MSC", "AD-MSC"], "follow_up_days": [mo(6), mo(3), mo(24), mo(12)],
           "dose": [dose(5e5, 2e6, per_kg=True)], "pub_date": ["2026"]},
          "PDF text of a short paper with running headers/footers and hyphenation ('tis-/sue'). 'Twenty-three' in "
          "words. 'reduced HbA1c by 0.62 percentage points' and '-0.62%' = one stated change; CI bounds not values. "
          "Subgroups (14 UC trials / 742, 7 long trials, -0.71/-0.44), source counts, median follow-up of included "
          "trials and the dose range across trials = optional. 537 million, 90%, 1,962 records, I2 = not facts. "
          "Received/accepted dates are not pub_date (published 15 July 2026 is)."),
])

DOCS["b10-05-en-conference-roundup.txt"] = ("en", [
    study(A, {"n_total": [96], "hba1c_after": [7.9, 8.3, 7.3, 8.1], "hba1c_change": [-1.3, -0.4],
              "dose": [dose(1e6, per_kg=True)], "infusions": [3], "interval_days": [30], "follow_up_days": [wk(48)],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"pub_date": ["2026-10"]},
          "Conference daily, item 1: no id, no product code: Lichuan + 'Qiao Huimin' (family name first) + Lanjiang. "
          "'one million cells per kilogram', 'a month apart' (30). Week 12 and week 48 values for both arms; stated "
          "changes -1.3/-0.4. 'randomised' from the lede ('two randomised trials'). Five withdrew = not n."),
    study(L1, {"n_total": [90], "n_arms": [45, 45], "hba1c_change": [-1.1, -0.3], "dose": [dose(1e6, per_kg=True)],
               "infusions": [3], "interval_days": [wk(2)], "follow_up_days": [wk(24)], "design": ["rct"],
               "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"pub_date": ["2026-10"]},
          "Item 2: LOOK-ALIKE of A (same cell type, disease, dose, 3 infusions, same session) but another hospital "
          "(Yuanxi People's Hospital), open-label, usual-care control, 90 (45/45), two weeks apart, 24 weeks; "
          "'unrelated to the Lichuan product'. Must not merge with A."),
    study(C, {"n_total": [6], "dose": [dose(6e8)], "infusions": [1], "follow_up_days": [yr(1)],
              "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"design": ["single_arm_trial"], "pub_date": ["2026-10"]},
          "Item 3: 'HC03' (no hyphen), Deng Yiming, Qingyan University Hospital. '6 x 10^8 cells once'. 'four were "
          "insulin-independent' = responders. Design not stated: optional. 62% delegate survey = not a study."),
])

DOCS["b10-06-zh-hospital-wechat.txt"] = ("zh", [
    study(A, {"n_total": [96], "n_arms": [48, 48], "hba1c_before": [8.6, 8.5], "hba1c_after": [7.3, 8.1],
              "hba1c_change": [-1.3], "dose": [dose(1e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)],
              "follow_up_days": [wk(48)], "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"pub_date": ["2026-09-12"]},
          "Hospital WeChat post: 澜大二院 (nickname) + full name, 乔慧敏, 杭州砺川生物; no code/id. '九十六名' Chinese "
          "numerals; '每公斤体重100万个细胞'; '每4周一次，共输注3次'; '观察至第48周'. 11单位 insulin, 12.4% "
          "prevalence, 7% target = not facts. Post date optional."),
])

DOCS["b10-07-zh-structured-abstract.txt"] = ("zh", [
    study(A, {"n_total": [96], "n_arms": [48, 48], "hba1c_before": [8.6, 8.5], "hba1c_after": [7.6, 8.2],
              "hba1c_change": [-1.0, -0.3], "dose": [dose(1e6, per_kg=True)], "infusions": [3],
              "interval_days": [wk(4)], "follow_up_days": [wk(24)], "doi": ["10.16382/j.cnki.cjcm.2026.08.011"],
              "registry_ids": ["ChiCTR2500091736"], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"], "pub_date": ["2026-08"]},
          {},
          "Structured Chinese abstract (目的/方法/结果/结论), 24-week interim analysis of A: mean +/- SD in "
          "brackets '(8.6±0.9)%'; '1×10⁶个/kg' superscript; '间隔4周，共3次'. Changes -1.0/-0.3 stated. 27.1% "
          "(13/48) target, 2/3 lost, 2025-03..2025-10 enrolment, grant 2024C03158 = not facts. ChiCTR shared with "
          "b10-01 only."),
])

DOCS["b10-08-zh-portal-news.txt"] = ("zh", [
    study(B, {"n_total": [14], "hba1c_before": [8.4], "hba1c_after": [6.3, 6.8], "infusions": [2],
              "follow_up_days": [yr(5)], "condition": ["T1D"], "cell_type": ["islet"]},
          {"infusions": [3], "design": ["observational"]},
          "Mainland portal news on the Taiwan study: 高雄港都纪念医院, 赖冠廷 (simplified), 《亚洲移植医学》 + "
          "English journal name; no DOI/PMID. '多数人接受了两次输注，最多的输了三次'. '追踪了约五年'. 9/5 "
          "insulin-free = responders. Design only implied (summary of experience 2015-2021): optional. 一万余名 "
          "background; 延伸阅读 headline is not a mention."),
])

DOCS["b10-09-zh-company-news.txt"] = ("zh", [
    study(C, {"n_total": [6], "hba1c_before": [7.8], "hba1c_after": [6.1], "dose": [dose(6e8)], "infusions": [1],
              "follow_up_days": [yr(1)], "design": ["single_arm_trial"], "condition": ["T1D"],
              "cell_type": ["iPSC-islet"]},
          {"pub_date": ["2026-11-03", "2026-11-04"]},
          "Industry news: 衡澈生物 HC03 (no hyphen), 青岩大学附属医院 邓一鸣; no NCT. CiPSC from patient's own fat "
          "cells -> iPSC-islet. '约6亿个' once ('一次性'). '研究未设对照组' -> single arm. 4 off insulin, 2 with "
          "六成 reduction, TIR 43->92%, 约30人 planned 2027, 3.5亿元 financing, 60万 patients = not facts."),
])

DOCS["b10-10-zh-review-paragraph.txt"] = ("zh", [
    study(D, {"n_total": [1184], "n_studies": [23], "hba1c_change": [-0.62], "doi": ["10.4588/ctm.2026.0233"],
              "design": ["meta_analysis"], "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2026"]},
          {"n_studies": [14], "hba1c_change": [-0.71], "cell_type": ["UC-MSC"]},
          "Review paragraph, ref [12]: DOI sits in the reference list and belongs to this in-text mention. "
          "'较对照组多降低0.62%' = stated difference. UC subgroup (14 trials, -0.71) optional."),
    study(L1, {"n_total": [90], "n_arms": [45, 45], "hba1c_change": [-1.1, -0.3], "dose": [dose(1e6, per_kg=True)],
               "infusions": [3], "interval_days": [wk(2)], "follow_up_days": [wk(24)], "design": ["rct"],
               "condition": ["T2D"], "cell_type": ["UC-MSC"], "pub_date": ["2026"]},
          {},
          "Ref [13] 温晓露 (= Wen Xiaolu of b10-05): look-alike of A; no hospital named here, journal ref without DOI. "
          "'开放标签随机对照试验' -> rct. '1×10⁶个/kg输注3次，每次间隔2周', '24周时'."),
    study(C, {"n_total": [6], "follow_up_days": [yr(1)], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"design": ["single_arm_trial"], "pub_date": ["2026"]},
          "Ref [14] 邓一鸣团队 (conference abstract, Deng Y): 6 cases, '1年时4例' (4 = responders). Ref [15] registry "
          "report cited as background only: not a mention. '不超过12个月' = statement about other trials, not a fact."),
])

DOCS["b10-11-zhhant-hk-newspaper.txt"] = ("zh-Hant", [
    study(A, {"n_total": [96], "hba1c_before": [8.6, 8.5], "hba1c_after": [7.3, 8.1], "hba1c_change": [-1.3],
              "dose": [dose(1e6, per_kg=True)], "infusions": [3], "follow_up_days": [wk(48)], "design": ["rct"],
              "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"interval_days": [30], "pub_date": ["2026-10"]},
          "HK newspaper, traditional script: 瀾江大學附屬第二醫院, 喬慧敏, 礪川生物; no code/id. Headline '跌1.3%' "
          "= stated change. '九十六名'; '每公斤輸注一百萬粒細胞'; '每隔約一個月一次' approximate (optional 30); "
          "'合共三次'; '第四十八個星期'. Randomised + blinded from '隨機分成兩組…安慰劑…均不知道分組'. 七十萬 HK "
          "patients, 7% target, 二三十萬港元, '不足一百人' = not facts."),
])

DOCS["b10-12-zhhant-tw-newspaper.txt"] = ("zh-Hant", [
    study(B, {"n_total": [14], "hba1c_before": [8.4], "hba1c_after": [6.3, 6.8], "infusions": [2],
              "follow_up_days": [yr(5)], "design": ["observational"], "condition": ["T1D"], "cell_type": ["islet"]},
          {"infusions": [3], "follow_up_days": [yr(6)]},
          "Taiwan newspaper: 港都紀念醫院, 賴冠廷, 《亞洲移植醫學》, no DOI/PMID. '十四名' Chinese numerals; HbA1c "
          "in Chinese-numeral decimals '八點四/六點三/六點八' without %; '回溯性研究' -> observational; '平均追蹤逾五年'. "
          "Patient 陳小姐 (46, 兩次, 六年) = one patient of the cohort: her six years optional. 9/5 insulin-free, "
          "4.2 -> 0.1 events, 一萬三千, 二十位 = not facts."),
])

DOCS["b10-13-zhhant-tw-qa-column.txt"] = ("zh-Hant", [
    study(B, {"n_total": [14], "infusions": [2], "follow_up_days": [yr(5)], "condition": ["T1D"],
              "cell_type": ["islet"]},
          {"design": ["observational"], "pub_date": ["2026"]},
          "Q&A health column: the reader's daughter (29歲, 15年, 四十幾) is not a study. Answer cites 港都紀念醫院 "
          "賴冠廷 '回顧資料': 十四位, '大多輸注兩次', '追蹤到第五年'. 九位/五位 = responders. Waiting 1-2 years, "
          "insurance = not facts."),
])

DOCS["b10-14-zhhant-hk-newspaper-islet.txt"] = ("zh-Hant", [
    study(L2, {"n_total": [5], "hba1c_before": [8.9], "hba1c_after": [6.4], "infusions": [1],
               "follow_up_days": [yr(1)], "condition": ["T1D"], "cell_type": ["islet"]},
          {"design": ["observational", "single_arm_trial", "case_report"], "pub_date": ["2026-12-01"]},
          "HK hospital programme: LOOK-ALIKE of B (donor islets via portal vein, T1D, severe hypoglycaemia) but "
          "another hospital (馬灣海港醫院, 馮子聰), 5 patients, one infusion each, one year. Three insulin-free = "
          "responders; ages 32-55, 22年, ~10 donors/year, 15 planned, 一萬名 = not facts."),
    study(B, {"n_total": [14], "follow_up_days": [yr(5)]},
          {"condition": ["T1D"], "cell_type": ["islet"]},
          "Second paragraph cites B (高雄港都紀念醫院, 十四名, 約五年, 五人仍毋須打針): a short mention with its own "
          "n and follow-up; condition/cell type only from context (optional)."),
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
