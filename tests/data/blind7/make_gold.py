#!/usr/bin/env python3
"""Generate gold/*.json for blind7 (GUIDELINE v1). Edit here and re-run; do not edit gold/ by hand.

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
C1 = "deng2025-cipsc-islet-t1d-case"        # Rongjiang Univ. 2nd hospital, 38-year-old woman
C2 = "tang2025-lq217-ucmsc-t2d-rct"         # Jiangzhou Third People's Hospital + Lanqiao, interim 48 / final 96
C3 = "qin-993hosp-haesc-t2d"                # 993rd Hospital PLA JLSF, hAEC single arm, 30
C4 = "korvantis2025-kv503-esc-islet-t1d"    # Korvantis KV-503, 12 participants
C5 = "hsu-beichen-islet-t1d-series"         # Beichen Memorial Hospital, donor islets, 11 patients
L1 = "xingheng2024-xh06-esc-islet-t1d"      # look-alike of C4 (other sponsor, n 14)
L2 = "rongda2-cipsc-islet-t1d-case2"        # look-alike of C1 (same hospital, other patient)
L3 = "au2025-vhu-ucmsc-t2d-rct"             # look-alike of C2 (HK university, n 92)
M1 = "meta2025-msc-t2d-13rct"               # singleton meta-analysis

DOCS = {}

DOCS["b7-01-en-journal-abstract.txt"] = ("en", [
    study(C1, {"n_total": [1], "hba1c_before": [8.3], "hba1c_after": [5.9], "follow_up_days": [yr(1)],
               "doi": ["10.1016/j.crrep.2025.100417"], "pmid": ["40417732"], "design": ["case_report"],
               "condition": ["T1D"], "cell_type": ["iPSC-islet"], "pub_date": ["2025-03-18"]},
          {"infusions": [1]},
          "Case report. Citation date 2025-03-18 wins over Epub 2025-02-27. 'in vitro' differentiation is a "
          "manufacturing step, not preclinical; earlier mouse/primate work is background. Day 75 = time to insulin "
          "independence, not follow-up. TIR 43->97% not HbA1c. Single implantation procedure: infusions optional."),
])

DOCS["b7-02-en-press-release.txt"] = ("en", [
    study(C2, {"n_total": [48], "n_arms": [24, 24], "hba1c_before": [8.5], "hba1c_change": [-1.0, -0.3],
               "dose": [dose(1e6, per_kg=True)], "infusions": [2], "interval_days": [wk(12)],
               "follow_up_days": [wk(24)], "registry_ids": ["NCT05938127"], "design": ["rct"],
               "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"n_total": [96], "follow_up_days": [wk(48)], "pub_date": ["2024-06-20"]},
          "INTERIM report of the C2 trial: 48 randomized at cut-off (final report b7-05 has 96). Planned 96 and "
          "planned 48-week follow-up optional; interim time point week 24 = 168 d required. 2 fever = AE count. "
          "22%/4% insulin reduction not HbA1c. Press-release date optional as pub_date."),
    study("lanqiao-lq217-phase1", {},
          {"n_total": [18], "design": ["single_arm_trial"], "condition": ["T2D"], "cell_type": ["UC-MSC"],
           "pub_date": ["2022"]},
          "Earlier open-label phase 1 in 18 participants, one sentence; optional mention.", optional_mention=True),
])

DOCS["b7-03-en-news-digest.txt"] = ("en", [
    study(C4, {"n_total": [12], "hba1c_before": [7.8], "hba1c_after": [6.5], "dose": [dose(7e8)],
               "infusions": [1], "follow_up_days": [yr(1)], "design": ["single_arm_trial"],
               "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {},
          "'Twelve adults' in words; 'about 0.7 billion cells' absolute; 'At one year' time point = 365. "
          "'eight of the twelve' responders and 2 complications are not n. 2026 pivotal = plan. Section heading "
          "'About This Roundup' is furniture-like."),
    study(C5, {"n_total": [11], "hba1c_after": [6.1], "follow_up_days": [mo(30)], "design": ["observational"],
               "condition": ["T1D"], "cell_type": ["islet"]},
          {"infusions": [1, 3], "design": ["case_report"]},
          "'eleven patients' in words; 'median of two and a half years of observation' = 913 d; median HbA1c "
          "6.1% [5.8-6.6] after. 'Since 2019' is program start, not pub_date. 1-3 infusions: range, optional. "
          "Seven insulin-free = responders."),
    study(M1, {"n_total": [742], "n_studies": [13], "hba1c_change": [-0.71], "design": ["meta_analysis"],
               "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2025-06"]},
          {},
          "WMD -0.71 is a stated change. 'HbA1c had to exceed 8.0%' = criterion. 1,400 registered trials and "
          "58,000 subscribers = background."),
])

DOCS["b7-04-en-registry-record.txt"] = ("en", [
    study(C3, {"n_total": [30], "dose": [dose(1e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)],
               "registry_ids": ["ChiCTR2300074186"], "design": ["single_arm_trial"], "condition": ["T2D"],
               "cell_type": ["hAESC"]},
          {"follow_up_days": [yr(1)], "pub_date": ["2023-08-14"]},
          "ChiCTR record, target sample size 30 (stated twice, one study). Measure time point '12 months after "
          "the first infusion' optional as follow-up; registration date optional. HbA1c 7.0%-10.0%, eGFR<45, "
          "ages = criteria. E11 = disease code."),
])

DOCS["b7-05-en-pubmed-abstract.txt"] = ("en", [
    study(C2, {"n_total": [96], "n_arms": [48, 48], "hba1c_before": [8.48, 8.51], "hba1c_after": [7.61, 7.32, 8.14],
               "hba1c_change": [-1.16, -0.37], "dose": [dose(1e6, per_kg=True)], "infusions": [2],
               "interval_days": [wk(12)], "follow_up_days": [wk(48)], "doi": ["10.1089/jdct.2025.0062"],
               "pmid": ["40633518"], "registry_ids": ["NCT05938127"], "design": ["rct"], "condition": ["T2D"],
               "cell_type": ["UC-MSC"], "pub_date": ["2025-07"]},
          {"n_total": [91], "hba1c_change": [-0.79]},
          "FINAL report of C2 (interim in b7-02). 'Ninety-six' in words. 91 completers optional; -0.79 between-"
          "group difference optional. Infusions at weeks 0 and 12 -> 2 infusions, 84 d. HbA1c 7.5%-10.5% = "
          "criterion; 5 fever = AE count; 24%/5% insulin not HbA1c."),
])

DOCS["b7-06-zh-wechat-post.txt"] = ("zh", [
    study(C1, {"n_total": [1], "hba1c_before": [8.3], "hba1c_after": [5.9], "follow_up_days": [mo(14)],
               "design": ["case_report"], "condition": ["T1D"], "cell_type": ["iPSC-islet"],
               "pub_date": ["2025-03"]},
          {},
          "Same case as b7-01 (English title quoted inside the Chinese post, journal name, 榕大二院 nickname, "
          "邓书恒 in characters). '停用胰岛素已超过14个月' durability = 426 d; 术后第75天 = time to independence. "
          "2020 animal work = background (no pub_date 2020). 900万/60万 = epidemiology. 2023年11月 = transplant."),
])

DOCS["b7-07-zh-hospital-news.txt"] = ("zh", [
    study(C2, {"n_total": [96], "n_arms": [48, 48], "hba1c_change": [-1.16, -0.37],
               "dose": [dose(1e6, per_kg=True)], "infusions": [2], "interval_days": [wk(12)],
               "follow_up_days": [wk(48)], "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"],
               "pub_date": ["2025-07"]},
          {},
          "Same trial as b7-05 with no DOI/PMID/NCT/product code: 江州三院 (nickname), 唐振宇 (vs Zhenyu Tang), "
          "澜桥生物 (vs Lanqiao), journal name in English. 每公斤体重100万个细胞 = 1e6/kg. 1.4亿, 90%, 12万人次 "
          "= background; 2016 basic research / rat model = background; 5 fever = AE."),
])

DOCS["b7-08-zh-journal-abstract.txt"] = ("zh", [
    study(C3, {"n_total": [30], "hba1c_before": [mmol(69.4)], "hba1c_after": [mmol(59.6), mmol(57.3)],
               "dose": [dose(0.8e6, 1.2e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)],
               "follow_up_days": [yr(1)], "design": ["single_arm_trial"], "condition": ["T2D"],
               "cell_type": ["hAESC"], "pub_date": ["2025-02"]},
          {},
          "Same study as b7-04 (registry) and b7-10 (forum), no registry id here; full hospital name in the "
          "affiliation. HbA1c 69.4/59.6/57.3 mmol/mol = 8.50/7.60/7.39 %. '非随机、无对照组' negation -> single "
          "arm. Sex split 18/12, 20 responders, 7, 3 fever, 1 rash are not n. HbA1c 7.0%~10.0% = criterion. "
          "Z-B20231187 is a grant number, not a registry id."),
])

DOCS["b7-09-zh-review-table.txt"] = ("zh", [
    study(C4, {"n_total": [12], "hba1c_before": [7.8], "hba1c_after": [6.5], "dose": [dose(7e8)],
               "infusions": [1], "follow_up_days": [yr(1)], "design": ["single_arm_trial"], "condition": ["T1D"],
               "cell_type": ["ESC-islet"], "pub_date": ["2025"]},
          {},
          "Flattened table row 1: 科万提斯公司KV503 (code glued to CJK, no hyphen) = Korvantis KV-503 of b7-03. "
          "8/12 responders not n."),
    study(L1, {"n_total": [14], "hba1c_before": [8.1], "hba1c_after": [7.0], "dose": [dose(5e8)],
               "infusions": [1], "follow_up_days": [mo(6)], "design": ["single_arm_trial"], "condition": ["T1D"],
               "cell_type": ["ESC-islet"], "pub_date": ["2024"]},
          {},
          "Row 2: LOOK-ALIKE of C4 (ESC-islet, T1D, portal vein, n 14) but other sponsor 星衡生物 XH-06; must not "
          "merge. 13/14 C-peptide positive = responders."),
    study(C5, {"n_total": [11], "hba1c_before": [8.6], "hba1c_after": [6.1], "follow_up_days": [mo(30)],
               "design": ["observational"], "condition": ["T1D"], "cell_type": ["islet"], "pub_date": ["2025"]},
          {"infusions": [1, 3]},
          "Row 3: 许文彦等 = Hsu WY (ref [33]) = Beichen program of b7-03/b7-12. 1～3次 range optional. "
          "300项/20项 = background."),
])

DOCS["b7-10-zh-forum-post.txt"] = ("zh", [
    study(C3, {"n_total": [30], "dose": [dose(1e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)],
               "follow_up_days": [yr(1)], "design": ["single_arm_trial"], "cell_type": ["hAESC"]},
          {"condition": ["T2D"]},
          "Participant's account of the C3 trial: 九九三医院 (short name), 覃主任 (surname only). '没有对照组…不是"
          "随机' -> single arm. '整个试验要随访一年' = study follow-up. The poster's own HbA1c 9.1/7.6/7.4, insulin "
          "units, the cousin's 5000万 private clinic shot, asker's 8.3 and '7到10之间' criterion are not facts. "
          "Condition only implied by the poster's T2D (optional)."),
])

DOCS["b7-11-zhhant-ocr-newspaper.txt"] = ("zh-Hant", [
    study(C1, {"n_total": [1], "hba1c_before": [8.3], "hba1c_after": [5.7], "follow_up_days": [mo(16)],
               "design": ["case_report"], "condition": ["T1D"], "cell_type": ["iPSC-islet"],
               "pub_date": ["2025-03"]},
          {},
          "Same case as b7-01/b7-06, no identifier: full hospital name broken across OCR lines (榕江大學附屬第二醫"
          "/院), 38歲, 16年, 福州, 前年11月. '停針一年零四個月' = 16 months = 487 d; 第75日 not follow-up. "
          "'8.3\\n%' broken. 今年三月刊於國際期刊 -> 2025-03. 2020 animal work, 七十萬, 一成 = background."),
])

DOCS["b7-12-zhhant-hospital-news.txt"] = ("zh-Hant", [
    study(C5, {"n_total": [11], "hba1c_before": [8.6], "hba1c_after": [6.1], "follow_up_days": [mo(30)],
               "design": ["observational"], "condition": ["T1D"], "cell_type": ["islet"]},
          {"infusions": [1, 3], "design": ["case_report"], "pub_date": ["2025-03-18"]},
          "Taiwan hospital news, ROC date 114年3月18日. 北辰醫院/北辰紀念醫院 = Beichen Memorial Hospital, 許文彥 = "
          "Hsu Wen-yen. 民國108年 = 2019 program start. 一到三次 range optional. 7 insulin-free / 4 = outcome "
          "counts; 8 waiting = not n; 1萬多 = background. Islets from deceased donors (no word 'donor islet')."),
])

DOCS["b7-13-zhhant-health-digest.txt"] = ("zh-Hant", [
    study(C2, {"n_total": [96], "hba1c_change": [-1.16, -0.37], "infusions": [2], "follow_up_days": [wk(48)],
               "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"], "pub_date": ["2025-07"]},
          {"n_arms": [48, 48]},
          "Digest item 1: 瀾橋生技 (traditional) + LQ-217 glued to CJK; no NCT. '兩組各半' -> arms optional."),
    study(C4, {"n_total": [12], "infusions": [1], "follow_up_days": [yr(1)], "design": ["single_arm_trial"],
               "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {},
          "Digest item 2: 科萬提斯生技 only (no code). 8 = responders. 開放標籤 -> single arm."),
    study(L2, {"n_total": [1], "hba1c_before": [7.6], "hba1c_after": [6.2], "follow_up_days": [mo(9)],
               "design": ["case_report"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {},
          "Digest item 3: LOOK-ALIKE of C1 — same hospital, same method, but the SECOND patient (27-year-old man, "
          "9 years T1D, Xiamen, transplanted 2024-08); must not merge with C1. '已停用約9個月' = 274 d; 約3個月 "
          "= time to independence. 250萬 = background."),
])

DOCS["b7-14-zhhant-hk-press-release.txt"] = ("zh-Hant", [
    study(L3, {"n_total": [92], "n_arms": [46, 46], "hba1c_before": [8.4], "hba1c_after": [7.5],
               "hba1c_change": [-0.9, -0.4], "dose": [dose(5e7)], "infusions": [3], "interval_days": [mo(1)],
               "follow_up_days": [yr(1)], "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"],
               "pub_date": ["2025-05"]},
          {},
          "LOOK-ALIKE of C2 (UC-MSC, T2D, RCT, n 92 vs 96) at a HK university with another sponsor; must not "
          "merge. 九十二名/四十六人 in Chinese numerals. 每月一次 = 30 d. 5,000萬 absolute per infusion. "
          "7.5%至10% = criterion; 三成 = proportion; 七十萬/九成 = background."),
])


def main():
    GOLD.mkdir(exist_ok=True)
    for old in GOLD.glob("*.json"):
        old.unlink()
    for doc_id, (lang, studies) in DOCS.items():
        assert (HERE / "docs" / doc_id).is_file(), doc_id
        out = {"doc_id": doc_id, "lang": lang, "studies": studies}
        (GOLD / f"{doc_id}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    req = {}
    for doc_id, (lang, studies) in DOCS.items():
        for s in studies:
            if s.get("optional_mention"):
                continue
            req[lang] = req.get(lang, 0) + sum(len(v) for v in s["facts"].values())
    print("required facts per language:", req, "total", sum(req.values()))


if __name__ == "__main__":
    main()
