#!/usr/bin/env python3
"""Generate gold/*.json for blind8 (GUIDELINE v1). Edit here and re-run; do not edit gold/ by hand.

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
A = "wen2025-yx118-esc-islet-t1d"        # Yunxi YX-118, First Hospital of Xichuan Univ., 16 participants
B = "lo2025-kaiyuan-ucb-t1d-children"    # Kaiyuan General Hospital (Taichung), autologous cord blood, 20 children
C = "zhou2025-tymu-pmsc-t2d-rct"         # 2nd Affiliated Hosp. Tingzhou Medical Univ., placental MSC RCT, 64
D = "wong2025-tyuh-sce-t1d"              # Tsing Yi Union Hospital, Stem Cell Educator, 24 adults
L1 = "brightmoor2024-bm22-esc-islet-t1d"  # look-alike of A (other company, n 15, 2024)
L2 = "liu-tymu-ucmsc-t2d-rct"            # look-alike of C (same hospital, other team, UC-MSC, n 60)
S_BMMNC = "deshmukh-meridian-bmmnc-t2d"
S_HSC = "nakashima-hokuriku-ahst-t1d"
S_META = "meta2025-msc-t2d-16rct"
S_ISLET = "lv-lingbei-islet-t1d-series"
S_ADMSC = "osei2024-admsc-t2d"
S_MPC = "marlowe2022-bm-mpc-t2d-rct"
S_HAESC = "mingche-mc301-haesc-t2d-ph1"
S_IPSC = "chiu2025-anhe-ipsc-islet-t1d-case"

DOCS = {}

DOCS["b8-01-en-medline-export.txt"] = ("en", [
    study(B, {"n_total": [20], "n_arms": [12, 8], "hba1c_before": [8.1, 8.0], "hba1c_after": [7.0, 7.6],
              "dose": [dose(2.1e7, per_kg=True)], "infusions": [1], "follow_up_days": [yr(2)],
              "doi": ["10.1097/jprm.0000000000000318"], "pmid": ["39876512"], "design": ["controlled_trial"],
              "condition": ["T1D"], "cell_type": ["UCB"], "pub_date": ["2025-01"]},
          {},
          "MEDLINE tags. DP 2025 Jan wins over DEP/Epub 2024-11-12 and EDAT. '2.1 x 10(7)' = 2.1e7/kg (median). "
          "Non-randomized with control -> controlled_trial. 2009 report of 15 children = background. 7 of 12 "
          "reaching target <7.5% = proportion/target; 2 fever, 1 ketoacidosis = AE counts. month 24 time point."),
])

DOCS["b8-02-en-registry-page.txt"] = ("en", [
    study(C, {"n_total": [64], "n_arms": [32, 32], "dose": [dose(1e6, per_kg=True)], "infusions": [3],
              "interval_days": [28], "follow_up_days": [wk(48)], "registry_ids": ["ChiCTR2400081736"],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["P-MSC"]},
          {"pub_date": ["2024-02-19"]},
          "ChiCTR page in English. HbA1c 7.5-11.0% = inclusion criterion; eGFR/BMI criteria. Study subject ID, "
          "ethics approval no. and grant no. are not registry ids. Registration date optional as pub_date."),
])

DOCS["b8-03-en-conference-abstract-book.txt"] = ("en", [
    study(D, {"n_total": [24], "hba1c_before": [8.4], "hba1c_after": [7.6], "infusions": [2],
              "interval_days": [90], "follow_up_days": [yr(1)], "design": ["single_arm_trial"],
              "condition": ["T1D"], "cell_type": ["stem-cell-educator"]},
          {"cell_type": ["UCB"], "pub_date": ["2025-09", "2025"]},
          "OP-117. HbA1c given in % and mmol/mol (68/60): one value each, the restatement is not a second value. "
          "HbA1c >10% = exclusion criterion. 'All 24 completed' and 3 bruising = not extra n. 12-month time point."),
    study(S_BMMNC, {"n_total": [30], "n_arms": [15, 15], "hba1c_change": [-0.9, -0.2], "dose": [dose(1.2e9)],
                    "infusions": [1], "follow_up_days": [mo(6)], "registry_ids": ["CTRI/2023/05/052918"],
                    "design": ["controlled_trial"], "condition": ["T2D"], "cell_type": ["BM-MNC"]},
          {"pub_date": ["2025-09", "2025"]},
          "OP-118. 'without randomization' -> controlled_trial. 4 haematoma, 12 of 15 responders not n."),
    study(S_HSC, {"n_total": [18], "hba1c_after": [6.3], "dose": [dose(5.4e6, per_kg=True)],
                  "follow_up_days": [mo(42)], "design": ["single_arm_trial"], "condition": ["T1D"],
                  "cell_type": ["HSC"]},
          {"infusions": [1], "follow_up_days": [yr(3)], "pub_date": ["2025-09", "2025"]},
          "OP-119. median follow-up 42 months = 1278 d; 36-month HbA1c time point optional as follow-up. "
          "12 insulin-free (responders), 19 months duration of remission, 2 thyroid + 1 pneumonia = AE. "
          "OP-120 (heart failure, 45 patients) is another disease: not annotated."),
])

DOCS["b8-04-en-investor-update.txt"] = ("en", [
    study(A, {"n_total": [16], "hba1c_before": [7.9], "hba1c_after": [6.6], "dose": [dose(8e8)],
              "infusions": [1], "follow_up_days": [yr(1)], "registry_ids": ["NCT06614392"],
              "design": ["single_arm_trial"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"pub_date": ["2025-11-06", "2025-10"]},
          "'about 0.8 billion' cells. Eleven insulin-independent = responders. Pivotal ~120 participants, "
          "50%/80% and HbA1c <7.0% = targets. Day 90 not follow-up. 3 + 1 AE counts. Financials and 400 doses "
          "per year, 9 million background."),
    study("yunxi-yx205-preclinical", {},
          {"design": ["preclinical"], "condition": ["unspecified", "T1D"], "cell_type": ["islet", "other"],
           "follow_up_days": [150]},
          "YX-205 mouse work, one sentence; optional mention.", optional_mention=True),
])

DOCS["b8-05-en-patient-blog.txt"] = ("en", [
    study(A, {"n_total": [16], "dose": [dose(8e8)], "infusions": [1], "follow_up_days": [yr(1)],
              "design": ["single_arm_trial"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"hba1c_before": [8.2], "hba1c_after": [6.1], "pub_date": ["2025-08-14"]},
          "Participant's blog, no code/registry: links to A via 'Yunxi', 'Xichuan University First Hospital', "
          "'Prof. Wen', sixteen participants, 800 million cells, portal vein. 'sixteen' in words. 'no placebo "
          "group and no randomization' -> single arm. Her own HbA1c 8.2 -> 6.1 is one patient's value (optional). "
          "Day 71 = time to insulin independence; month-9/month-10 are her visits; 'follows us for a year' = "
          "365. Friend's private clinic (USD 18,000; 9.0/9.1) is not a study. 'Two people' = AE count."),
])

DOCS["b8-06-zh-journal-abstract.txt"] = ("zh", [
    study(C, {"n_total": [64], "n_arms": [32, 32], "hba1c_before": [mmol(70.5), mmol(69.4)],
              "hba1c_after": [mmol(58.5), mmol(65.0)], "hba1c_change": [-1.1, -0.4],
              "dose": [dose(1e6, per_kg=True)], "infusions": [3], "interval_days": [28],
              "follow_up_days": [wk(48)], "doi": ["10.13288/j.ccmt.2025.04.006"], "design": ["rct"],
              "condition": ["T2D"], "cell_type": ["P-MSC"], "pub_date": ["2025-04"]},
          {"n_total": [61]},
          "No registry id; links to b8-02 via 汀州医科大学第二附属医院 / Second Affiliated Hospital of Tingzhou "
          "Medical University and 周慧娴 / Huixian Zhou. HbA1c in mmol/mol (70.5/58.5/69.4/65.0 -> 8.60/7.50/8.50/"
          "8.10 %). 58~97 mmol/mol = inclusion criterion. 61 completers optional; 19 responders, 3 fever, 2 "
          "hypoglycaemia not n. Grant number not a registry id."),
])

DOCS["b8-07-zh-hospital-wechat.txt"] = ("zh", [
    study(A, {"n_total": [16], "hba1c_before": [7.9], "hba1c_after": [6.6], "dose": [dose(8e8)],
              "infusions": [1], "follow_up_days": [yr(1)], "design": ["single_arm_trial"],
              "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"pub_date": ["2025-10-21", "2025-10-18"]},
          "Hospital WeChat post (溪大一院 nickname, full name 溪川大学第一医院 only in the profile box); 云汐生物 "
          "sponsor in Chinese; 温晓岚. No code/registry. Patient profile (34岁, 女教师, 病程19年, 去年11月) = one "
          "of the 16, not n. 8亿. 术后第68天 = time to independence. 11 responders, 3 AE. HbA1c<7% = target. "
          "2021 mouse/macaque work = background (not preclinical, not pub_date). 60万 background. "
          "'在体外...诱导分化' is manufacturing, not preclinical."),
])

DOCS["b8-08-zh-qa-post.txt"] = ("zh", [
    study(C, {"n_total": [64], "hba1c_change": [-1.1, -0.4], "infusions": [3], "interval_days": [28],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["P-MSC"]},
          {"n_arms": [32, 32], "hba1c_before": [9.6], "hba1c_after": [7.2]},
          "Q&A: 汀医二院 nickname, 周主任(周慧娴); no identifier. '一半...一半' arms optional. '下降了1.1个百分点' "
          "/ '只降了0.4' stated changes. '7.5到11' = criterion. Asker's father's '8点多' not a fact; a participant's "
          "own 9.6 (at diagnosis) / 7.2 optional. Private clinic '1亿个细胞、三万八' is not a study."),
])

DOCS["b8-09-zh-digest.txt"] = ("zh", [
    study(B, {"n_total": [20], "n_arms": [12, 8], "hba1c_change": [-1.1, -0.4], "infusions": [1],
              "follow_up_days": [yr(2)], "design": ["controlled_trial"], "condition": ["T1D"],
              "cell_type": ["UCB"], "pub_date": ["2025-01"]},
          {},
          "Digest item 1: 台湾凯源综合医院, 罗志鸿 (Luo Zhihong, pinyin) vs Lo Chih-Hung (Wade-Giles) in b8-01; "
          "journal name J Pediatr Regen Med shared with b8-01 TA field; no PMID/DOI here. 非随机分组 -> "
          "controlled_trial. Stated changes in 百分点."),
    study(L2, {"n_total": [60], "n_arms": [30, 30], "hba1c_change": [-0.8, -0.2], "dose": [dose(5e7)],
               "infusions": [2], "interval_days": [wk(8)], "follow_up_days": [wk(24)], "design": ["rct"],
               "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {},
          "Digest item 2: LOOK-ALIKE of C — same hospital (汀医二院), T2D, double-blind RCT, but other team "
          "(刘建平), UC-MSC, n 60, 2 infusions of 5000万; must not merge with C. 治疗24周后 time point = 168."),
    study(C, {}, {"cell_type": ["P-MSC"], "condition": ["T2D"]},
          "One-sentence pointer to 周慧娴's placental MSC study, no result: optional mention.",
          optional_mention=True),
    study(S_META, {"n_total": [892], "n_studies": [16], "hba1c_change": [-0.68], "design": ["meta_analysis"],
                   "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2025-09"]},
          {},
          "Digest item 3: WMD -0.68; 9项样本量不足50例 is not n_studies; I²=71% not a value. 300项 background."),
])

DOCS["b8-10-zh-review-table.txt"] = ("zh", [
    study(L1, {"n_total": [15], "hba1c_before": [8.0], "hba1c_after": [6.8], "dose": [dose(6e8)],
               "infusions": [1], "follow_up_days": [yr(1)], "doi": ["10.1016/j.cmt.2024.02.011"],
               "condition": ["T1D"], "cell_type": ["ESC-islet"], "pub_date": ["2024"]},
          {"design": ["single_arm_trial"]},
          "Markdown table row 1: LOOK-ALIKE of A (ESC-islet, T1D, single portal-vein infusion, 1 year, n 15 vs "
          "16) but other company 明穆尔生物 BM-22 (code glued to CJK), 2024; must not merge. 约6亿. 9 responders, "
          "2 CMV = not n. '1期' without arm statement: design optional."),
    study(S_ISLET, {"n_total": [9], "hba1c_after": [5.9], "follow_up_days": [yr(3)], "condition": ["T1D"],
                    "cell_type": ["islet"], "pub_date": ["2023"]},
          {"infusions": [1, 2], "design": ["observational", "case_report", "single_arm_trial"]},
          "Row 2: donor islets; 每例1~2次 range optional; 中位3年; 7 responders; 78% target attainment with "
          "HbA1c<7.0% as threshold = not a fact."),
    study(S_ADMSC, {"n_total": [21], "hba1c_change": [-0.7], "dose": [dose(2e6, per_kg=True)], "infusions": [1],
                    "follow_up_days": [mo(6)], "doi": ["10.1002/scte.2024.114"], "design": ["single_arm_trial"],
                    "condition": ["T2D"], "cell_type": ["AD-MSC"], "pub_date": ["2024"]},
          {},
          "Row 3."),
    study(S_MPC, {"n_total": [40], "n_arms": [20, 20], "dose": [dose(3e8)], "infusions": [1],
                  "follow_up_days": [wk(12)], "design": ["rct"], "condition": ["T2D"], "cell_type": ["BM-MSC"],
                  "pub_date": ["2022"]},
          {"hba1c_change": [-0.4]},
          "Row 4: 骨髓间充质前体细胞 (MPC) = BM-MSC. 3亿. '较安慰剂多下降0.4%' = placebo-adjusted difference, "
          "optional."),
])

DOCS["b8-11-zhhant-tv-transcript.txt"] = ("zh-Hant", [
    study(B, {"n_total": [20], "n_arms": [12, 8], "hba1c_before": [8.1], "hba1c_after": [7.0, 7.6],
              "infusions": [1], "follow_up_days": [yr(2)], "condition": ["T1D"], "cell_type": ["UCB"]},
          {"design": ["controlled_trial", "rct"]},
          "TV transcript: 凱總 nickname and 凱源綜合醫院, 羅志鴻 in traditional characters; no identifier. Patient "
          "小宇 (9歲) is one of 12, not n. 8.1 -> 7.0 (treated) and control 7.6 after. Randomization not stated: "
          "design optional. 陳怡君 of another university cites 一百多個孩子 foreign studies = background; "
          "三千多人 background; 7.5以下 target."),
])

DOCS["b8-12-zhhant-hk-newspaper.txt"] = ("zh-Hant", [
    study(D, {"n_total": [24], "hba1c_before": [8.4], "hba1c_after": [7.6], "infusions": [2],
              "interval_days": [mo(3)], "follow_up_days": [yr(1)], "design": ["single_arm_trial"],
              "condition": ["T1D"], "cell_type": ["stem-cell-educator"]},
          {"cell_type": ["UCB"], "pub_date": ["2025-09"]},
          "HK newspaper: 青衣聯合醫院 / Tsing Yi Union Hospital, 黃家樂 (K.L. Wong in b8-03); no identifier. 相隔三個月 "
          "= 91 d. 研究沒有對照組 -> single arm. 3 bruising = AE. Quoted expert 李穎芝 of another university and "
          "her own 120-patient CGM study (not a cell therapy study; 兩成 <7% proportion) are not facts. 一萬名 "
          "background."),
    study(A, {"n_total": [16], "infusions": [1], "follow_up_days": [yr(1)], "design": ["single_arm_trial"],
              "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {},
          "Sidebar: 雲汐生物 (traditional) + code YX118 without hyphen (vs YX-118 in b8-04). 11 responders."),
])

DOCS["b8-13-zhhant-press-release.txt"] = ("zh-Hant", [
    study(S_HAESC, {"n_total": [24], "n_arms": [8, 8, 8], "hba1c_before": [8.3], "hba1c_after": [7.6],
                    "hba1c_change": [-0.7],
                    "dose": [dose(5e5, per_kg=True), dose(1e6, per_kg=True), dose(2e6, per_kg=True)],
                    "infusions": [2], "interval_days": [14], "follow_up_days": [wk(24)],
                    "registry_ids": ["NCT06302187"], "design": ["single_arm_trial"], "condition": ["T2D"],
                    "cell_type": ["hAESC"]},
          {"pub_date": ["2025-10-08"]},
          "Traditional-Chinese press release. 3 dose cohorts 每公斤50萬/100萬/200萬. Open-label dose escalation "
          "without control -> single arm. HbA1c values are the high-dose cohort's. 7.5%以上 criterion; 120 planned "
          "phase 2; 5 headache AE; 250萬 background; company founded 2017 and 興櫃代號 6993 not facts."),
])

DOCS["b8-14-zhhant-pdf-case-report.txt"] = ("zh-Hant", [
    study(S_IPSC, {"n_total": [1], "hba1c_before": [7.4], "hba1c_after": [5.8], "dose": [dose(1.2e9)],
                   "follow_up_days": [mo(18)], "doi": ["10.6112/trm.202506_14(2).0003"], "design": ["case_report"],
                   "condition": ["T1D"], "cell_type": ["iPSC-islet"], "pub_date": ["2025-06"]},
          {"infusions": [1]},
          "PDF-like text with broken lines ('長\\n期', 'pluri-\\npotent', '連續血\\n糖'). Reprogramming chain "
          "(PBMC -> iPSC -> in vitro islets) = iPSC-islet, clinical case (not preclinical). 約12億. 第84天 = time "
          "to independence; 追蹤18個月 = 548 d. 2019 mouse work background. 900萬 background. TIR not HbA1c."),
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
