#!/usr/bin/env python3
"""Generate gold/*.json for blind15 (GUIDELINE v1). Edit here and re-run; never edit gold/ by hand.

Every study carries `evidence`: quotes copied from the document; their character offsets are computed
here with str.find on the exact document text (the script stops if a quote is missing). The scorer ignores
this key. Day conversions: week 7, month 30.4375, year 365.25 (rounded); intervals in months use 30 days.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS_DIR = HERE / "docs"
GOLD = HERE / "gold"

FIELDS = ["n_total", "n_arms", "n_studies", "hba1c_before", "hba1c_after", "hba1c_change", "dose",
          "infusions", "interval_days", "follow_up_days", "doi", "pmid", "registry_ids", "design",
          "condition", "cell_type", "pub_date"]


def wk(n): return round(n * 7)
def mo(n): return round(n * 30.4375)
def yr(n): return round(n * 365.25)
def mmol(x): return round(0.09148 * x + 2.152, 2)
def dose(lo, hi=None, per_kg=False): return {"min": float(lo), "max": float(hi if hi is not None else lo), "per_kg": per_kg}


def study(key, facts, optional=None, notes="", ev=(), optional_mention=False):
    for k in list(facts) + list(optional or {}):
        assert k in FIELDS, (key, k)
    s = {"study_key": key, "facts": {k: facts[k] for k in FIELDS if k in facts},
         "optional": {k: (optional or {})[k] for k in FIELDS if k in (optional or {})}, "notes": notes,
         "_ev": list(ev)}
    if optional_mention:
        s["optional_mention"] = True
    return s


# ------------------------------------------------------------------ study keys (dedup clusters)
A = "haleashdown2026-calderbank-tideway2-ucmsc-t2d-rct"  # Calderbank Univ Hosp (UK), NCT07390214, 96 (48/48), 1.2e6/kg x3 4 wk apart, 48 wk
LA = "haleashdown2024-calderbank-ucmsc-t2d-phase1"      # look-alike of A: same team's 2024 phase 1, 15 (5/5/5), 0.5/1/2e6/kg, 6 months
B = "corvanta-cvt518-lumen1-esc-islet-t1d"              # Corvanta Bio CVT-518, LUMEN-1, NCT07421877, 15 (3/12), 4e8/8e8 once, 12 mo, 7.9->6.6
LB = "corvanta-cvt302-encapsulated-islet-t1d"           # look-alike of B: same company's discontinued CVT-302 pouch, 7 pts, 1.5e8, 9 mo, 8.1->7.7
C = "kuang2026-lichuan-bmmsc-t2d-single-arm"            # 溧川市第一人民医院 邝文澜, ChiCTR2600121635, 32, 2e6/kg x2 8 wk apart, 12 mo, 9.2->7.9
D = "solvang2026-tromsdal-msc-diabetes-meta19"          # Tromsdal group meta, 19 RCTs, 1046, MD -0.61, T1D+T2D, doi 10.5561/rdr.2026.0147
LD = "solvang2022-tromsdal-msc-diabetes-meta9"          # look-alike of D: same group's 2022 meta, 9 trials, 487, -0.42
E = "hsu2026-lan-gang-autologous-ucb-t1d-children"      # 嵐港仁愛紀念醫院 許芷綾, autologous cord blood, 24 (14/10) non-randomised, 3e7/kg once, 18 mo
F = "vasquezthorne2026-brookhollow-ipsc-islet-t1d-case"  # Brookhollow Univ, 29-y man, skin -> iPSC -> islets, 9.5e8, 14 months
G = "rennick2026-meridell-educator-t1d-controlled"      # Meridell Institute, Stem Cell Educator, 36 (24/12), once, 2 years, doi 10.6118/jcie.2026.0219
H = "bao2026-chengling-donor-islet-t1d-retro"           # 澄岭医科大学附属第一医院 鲍思远, donor islets, 21 pts, 38 infusions, median 4.5 y

DOCS = {}

# ------------------------------------------------------------------ English
DOCS["b15-01-en-pubmed-abstract.txt"] = ("en", [
    study(A, {"n_total": [96], "n_arms": [48, 48], "hba1c_before": [8.7, 8.6], "hba1c_after": [7.5, 8.3],
              "hba1c_change": [-1.2, -0.3], "dose": [dose(1.2e6, per_kg=True)], "infusions": [3],
              "interval_days": [wk(4)], "follow_up_days": [wk(48)], "doi": ["10.7719/drm.2026.0311"],
              "pmid": ["41855302"], "registry_ids": ["NCT07390214"], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"], "pub_date": ["2026-11"]},
          {"n_total": [91], "hba1c_before": [mmol(72)], "hba1c_change": [-0.9], "pub_date": ["2026", "2026-09-30"]},
          "PubMed page of an RCT. Citation month 2026 Nov required, Epub 2026 Sep 30 optional. Wharton's jelly = UC-MSC. "
          "'three times, 4 weeks apart (weeks 0, 4 and 8)' -> 3 x 28 d; 'completed the 48-week follow-up' -> 336 d (91 "
          "completers optional). Both arms before/after; stated changes -1.2/-0.3; between-group -0.9 optional; 72 mmol/mol "
          "restates 8.7 (optional copy). 537 million (background), criterion 7.5-10.5%, 214 screened, 15/48 (31%) and "
          "4/48 (8%) at target, 0.11 U/kg, fever 7/2, ages 35-70, 2 years insulin, grant id, Similar-articles PMIDs = not facts.",
          ev=["randomised, double-blind, placebo-controlled trial",
              "allogeneic umbilical cord Wharton's jelly MSCs or placebo",
              "Cells (1.2 × 10^6 cells/kg) or placebo were infused intravenously three times, 4 weeks apart (weeks 0, 4 and 8)",
              "96 were randomised (48 MSC, 48 placebo) and 91 completed the 48-week follow-up",
              "HbA1c fell from 8.7% ± 0.9% (72 mmol/mol) to 7.5% ± 0.8% in the MSC group",
              "from 8.6% ± 1.0% to 8.3% ± 0.9% in the placebo group", "change -1.2 vs -0.3 percentage points",
              "2026 Nov;8(11):945-957", "doi: 10.7719/drm.2026.0311", "PMID: 41855302", "NCT07390214"]),
])

DOCS["b15-02-en-prnewswire.txt"] = ("en", [
    study(B, {"n_total": [15], "n_arms": [3, 12], "hba1c_before": [7.9], "hba1c_after": [6.6],
              "dose": [dose(4e8), dose(8e8)], "infusions": [1], "follow_up_days": [yr(1)],
              "registry_ids": ["NCT07421877"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"n_arms": [9], "design": ["single_arm_trial"], "pub_date": ["2026-11-16", "2026-11"]},
          "PR Newswire company release. 15 dosed: 'three at a half dose of approximately 400 million cells and 12 at the "
          "full dose of approximately 800 million cells', single portal-vein infusion. 'nine full-dose participants who had "
          "completed at least 12 months of follow-up' -> 365 (9 analysed: optional arm). 7.9 -> 6.6 at Month 12. Open-label "
          "phase 1/2 without a stated comparison group: design optional. Release date optional. Seven (78%), TIR 49->91%, "
          "2 SAEs, ~50 planned pivotal, 2 million / 40,000 (background), $287.6 million = not facts.",
          ev=["Phase 1/2 LUMEN-1 trial (NCT07421877) of CVT-518",
              "allogeneic islet cell therapy differentiated from a human embryonic stem cell line",
              "15 participants had received CVT-518 as a single infusion into the hepatic portal vein: three at a half dose "
              "of approximately 400 million cells and 12 at the full dose of approximately 800 million cells",
              "Among the nine full-dose participants who had completed at least 12 months of follow-up, mean HbA1c fell "
              "from 7.9% at baseline to 6.6% at Month 12"]),
])

DOCS["b15-03-en-news-views.txt"] = ("en", [
    study(D, {"n_total": [1046], "n_studies": [19], "hba1c_change": [-0.61], "doi": ["10.5561/rdr.2026.0147"],
              "design": ["meta_analysis"], "condition": ["both"], "cell_type": ["MSC"], "pub_date": ["2026"]},
          {"n_studies": [13, 6], "hba1c_change": [-0.70, -0.43], "dose": [dose(1e6, 3e6, per_kg=True)],
           "pub_date": ["2026-12-02"]},
          "Nature-style News & Views on a meta-analysis; the DOI and year are only in reference 1, which belongs to the "
          "in-text mention 'Solvang and colleagues [1]'. 19 RCTs, 1,046 participants (thousands comma), type 1 or type 2 "
          "-> both. Mean difference -0.61% = the study's change; CI bounds no. Subgroups (13 trials -0.70; six trials "
          "-0.43) and the included trials' dose range optional. I² 74%, 5 of 19 low risk, mice, 600 planned, 2027, "
          "'Hundreds of trials' = not facts.",
          ev=["now pool 19 randomized controlled trials involving 1,046 participants with type 1 or type 2 diabetes",
              "by a mean difference of -0.61%", "Regen. Diabetol. Rev. 14, 388-401 (2026). https://doi.org/10.5561/rdr.2026.0147"]),
    study(LD, {"n_total": [487], "n_studies": [9], "hba1c_change": [-0.42], "design": ["meta_analysis"],
               "pub_date": ["2022"]},
          {"condition": ["both"], "cell_type": ["MSC"]},
          "LOOK-ALIKE of D in the same piece: the same group's 2022 analysis, 9 trials, 487 participants, 'HbA1c reduction "
          "of 0.42 percentage points' -> -0.42. Condition/cell type only implied by context: optional. Reference 2 has no DOI.",
          ev=["The same Tromsdal group published a smaller analysis in 2022 (ref. 2), pooling 9 trials with 487 "
              "participants and finding an HbA1c reduction of 0.42 percentage points"]),
])

DOCS["b15-04-en-stat-news.txt"] = ("en", [
    study(A, {"n_total": [96], "n_arms": [48, 48], "hba1c_change": [-1.2, -0.3], "infusions": [3], "interval_days": [30],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"follow_up_days": [yr(1)]},
          "STAT-style story, no identifier (Calderbank, Hale-Ashdown link it to 01/08/15). 'cells taken from the jelly of "
          "donated umbilical cords' = UC-MSC; 'randomly assigned ... dummy infusion' -> rct. 'three infusions, a month apart' "
          "-> interval 30 as stated (the paper says 4 weeks). 'After nearly a year' approximate: optional. 'Forty-eight "
          "patients per arm' (outside expert) -> arms 48/48. 'dropped by 1.2 percentage points ... 0.3 points on placebo' = "
          "changes. $15,000, 1 in 10 adults, semaglutide, 400-patient/12-site plan = not facts.",
          ev=["randomly assigned 96 people with type 2 diabetes who already needed insulin",
              "cells taken from the jelly of donated umbilical cords or a dummy infusion",
              "Each got three infusions, a month apart", "After nearly a year, HbA1c",
              "had dropped by 1.2 percentage points in the cell group, compared with 0.3 points on placebo",
              "Forty-eight patients per arm at one center"]),
    study(LA, {"n_total": [15], "n_arms": [5, 5, 5], "dose": [dose(5e5, per_kg=True), dose(1e6, per_kg=True),
                                                             dose(2e6, per_kg=True)],
               "follow_up_days": [mo(6)], "design": ["single_arm_trial"]},
          {"condition": ["T2D"], "cell_type": ["UC-MSC"], "pub_date": ["2024"]},
          "LOOK-ALIKE of A: the same team's 2024 phase 1 safety study. Shared-unit dose list '0.5, 1 and 2 million cells per "
          "kilogram of body weight, five patients per level' -> three per-kg doses, arms 5/5/5. 'with no placebo group' -> "
          "single_arm_trial. Six months -> 183. Condition/cell type only implied by 'grew out of': optional; 2024 is when it "
          "ran (optional).",
          ev=["The trial grew out of a small safety study the same team ran in 2024",
              "15 patients received one of three dose levels — 0.5, 1 and 2 million cells per kilogram of body weight, five "
              "patients per level — with no placebo group, and were followed for six months"]),
])

DOCS["b15-05-en-fierce-biotech.txt"] = ("en", [
    study(B, {"n_total": [15], "n_arms": [12], "hba1c_before": [7.9], "hba1c_after": [6.6], "dose": [dose(8e8)],
              "infusions": [1], "follow_up_days": [yr(1)], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"n_arms": [9], "design": ["single_arm_trial"]},
          "Fierce-style story, no NCT; product code CVT-518 and LUMEN-1 link it. 'followed for at least 12 months' -> 365; "
          "'12 of them with the full dose of about 800 million cells given as a one-time infusion'. Nine analysed optional.",
          ev=["embryonic stem cell-derived islets", "followed for at least 12 months",
              "mean HbA1c slid from 7.9% to 6.6%",
              "In all, 15 patients have been treated in the phase 1/2 LUMEN-1 study, 12 of them with the full dose of about "
              "800 million cells given as a one-time infusion"]),
    study(LB, {"n_total": [7], "hba1c_before": [8.1], "hba1c_after": [7.7], "dose": [dose(1.5e8)]},
          {"follow_up_days": [mo(9)], "cell_type": ["ESC-islet", "other"], "design": ["single_arm_trial"],
           "condition": ["T1D"]},
          "LOOK-ALIKE of B (same company, discontinued CVT-302 pouch). 'seven patients each received roughly 150 million "
          "cells'; 'after nine months' is a time point (optional 274). 'stem cell-derived islet progenitors' does not name "
          "the stem cell: cell type optional. 40 jobs, 22%, $18 million, 9%, four companies, 2028 = not facts.",
          ev=["Corvanta is discontinuing CVT-302",
              "seven patients each received roughly 150 million cells; HbA1c moved only from 8.1% to 7.7% after nine months"]),
])

DOCS["b15-06-en-university-news.txt"] = ("en", [
    study(F, {"hba1c_before": [7.8], "hba1c_after": [6.1], "dose": [dose(9.5e8)], "infusions": [1],
              "follow_up_days": [mo(14)], "design": ["case_report"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"n_total": [1], "follow_up_days": [yr(1)], "pub_date": ["2026-10-22", "2026-10", "2026"]},
          "University news page, one patient without an explicit count (n=1 optional). Chain skin cells -> iPSCs -> "
          "islet-like clusters = iPSC-islet. 'About 950 million of the cells ... in a single operation in 2025'. 'Fourteen "
          "months after the procedure he still requires no insulin' = durability follow-up 426; 'for more than a year' "
          "optional. '88 days after the transplant' is time to insulin independence, not follow-up. 'reports today' + page "
          "date: optional. 16 years, 2021 mice (background, not preclinical), five more planned, $350,000, $60 million = not facts.",
          ev=["A 29-year-old man who had lived with type 1 diabetes for 16 years",
              "reprogrammed the skin cells into induced pluripotent stem cells (iPSCs) and then guided those cells step by "
              "step into islet-like clusters",
              "About 950 million of the cells were implanted under the sheath of an abdominal muscle in a single operation",
              "Fourteen months after the procedure he still requires no insulin, and his HbA1c fell from 7.8% to 6.1%"]),
])

DOCS["b15-07-en-medpage.txt"] = ("en", [
    study(G, {"n_total": [36], "n_arms": [24, 12], "hba1c_before": [8.2, 8.1], "hba1c_after": [7.1, 8.2],
              "infusions": [1], "follow_up_days": [yr(2)], "doi": ["10.6118/jcie.2026.0219"],
              "design": ["controlled_trial"], "condition": ["T1D"], "cell_type": ["stem-cell-educator"],
              "pub_date": ["2026"]},
          {"cell_type": ["UCB"]},
          "MedPage-style story. 'open-label controlled trial' + 'allocation was not randomized' -> controlled_trial. "
          "24 treated 8.2 -> 7.1 at 24 months; 12 controls 8.1 -> 8.2. 'done once' -> 1; 'followed for 2 years' -> 730. "
          "Stem Cell Educator (cord blood-derived cells in the device: UCB optional). Source reference year 2026 required. "
          "31% C-peptide, 11 numbness, 8 hours, 1.9 million, alopecia 9 of 12 (other disease) = not facts.",
          ev=["Among 36 patients, HbA1c in the 24 who received the Stem Cell Educator treatment dropped from 8.2% at "
              "baseline to 7.1% at 24 months, while it was essentially unchanged in the 12 controls (8.1% to 8.2%)",
              "allocation was not randomized", "The procedure, done once", "Patients were followed for 2 years",
              "J Clin Immunoendocrinol 2026; DOI: 10.6118/jcie.2026.0219"]),
])

# ------------------------------------------------------------------ Chinese (simplified)
DOCS["b15-08-zh-kejiribao.txt"] = ("zh", [
    study(A, {"n_total": [96], "hba1c_before": [8.7, 8.6], "hba1c_after": [7.5, 8.3], "dose": [dose(1.2e6, per_kg=True)],
              "infusions": [3], "interval_days": [wk(4)], "follow_up_days": [wk(48)], "design": ["rct"],
              "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {},
          "科技日报 correspondent report, no identifier (卡尔德班克大学医院 / 黑尔-阿什当 link it). 1：1 (full-width colon) "
          "without numbers -> no arms. '每公斤体重120万个细胞' = 1.2e6/kg; '每4周输注1次，共输注3次'; '随访48周后' -> 336. "
          "Both arms before/after. 1.4亿 / 九成 (background), 数十项 = not facts. '近日' -> no pub_date.",
          ev=["随机、双盲、安慰剂对照试验", "脐带华通胶来源的间充质干细胞", "该试验共纳入96名患者",
              "干细胞组按每公斤体重120万个细胞的剂量，每4周输注1次，共输注3次",
              "随访48周后，干细胞组糖化血红蛋白从8.7%降至7.5%，安慰剂组从8.6%降至8.3%"]),
    study(LA, {"n_total": [15], "dose": [dose(5e5, per_kg=True), dose(1e6, per_kg=True), dose(2e6, per_kg=True)],
               "follow_up_days": [mo(6)], "design": ["single_arm_trial"]},
          {"pub_date": ["2024"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          "LOOK-ALIKE of A: the team's 2024 phase 1 (未设对照组 -> single_arm_trial); three per-kg doses written in 万; "
          "随访6个月. '2024年曾开展' is when it ran: optional.",
          ev=["该团队2024年曾开展一项1期安全性研究，15名患者分别接受每公斤体重50万、100万和200万个细胞三个剂量，未设对照组，随访6个月"]),
])

DOCS["b15-09-zh-hospital-wechat.txt"] = ("zh", [
    study(C, {"n_total": [32], "hba1c_before": [9.2], "hba1c_after": [7.9], "hba1c_change": [-1.3],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [wk(8)], "follow_up_days": [mo(12)],
              "registry_ids": ["ChiCTR2600121635"], "design": ["single_arm_trial"], "condition": ["T2D"],
              "cell_type": ["BM-MSC"], "pub_date": ["2026-10"]},
          {},
          "Hospital WeChat post on its own paper. '于2026年10月在《…》发表' -> 2026-10. 45 screened (not n), 32 enrolled. "
          "'每次剂量为每公斤体重2×10^6个细胞，共输注2次，两次间隔8周' -> 2 x 56 d. '经过12个月随访' -> 365. "
          "(9.2±1.1)% -> (7.9±0.8)%, 下降1.3个百分点. 40毫升, 三分之一, 2例低热, 120 planned, 30元 = not facts.",
          ev=["单臂、开放标签临床研究", "ChiCTR2600121635", "于2026年10月在《中国再生医学与内分泌杂志》发表",
              "最终32例2型糖尿病患者入组", "每次剂量为每公斤体重2×10^6个细胞，共输注2次，两次间隔8周",
              "经过12个月随访，患者糖化血红蛋白由治疗前的（9.2±1.1）%降至（7.9±0.8）%，平均下降1.3个百分点"]),
])

DOCS["b15-10-zh-cnki-abstract.txt"] = ("zh", [
    study(C, {"n_total": [32], "hba1c_before": [9.2], "hba1c_after": [7.9], "dose": [dose(2e6, per_kg=True)],
              "infusions": [2], "interval_days": [wk(8)], "follow_up_days": [mo(12)],
              "doi": ["10.13742/j.cnki.zgzsnf.2026.10.006"], "design": ["single_arm_trial"], "condition": ["T2D"],
              "cell_type": ["BM-MSC"], "pub_date": ["2026-10"]},
          {"pub_date": ["2026"]},
          "CNKI abstract page. **Lost superscript** '2×106个/kg' = 2×10^6/kg. '静脉输注，间隔8周再输注1次' -> 2 infusions, 56 d. "
          "'随访12个月' -> 365. Issue '2026年10期' / '2026，18（10）' -> 2026-10 (precedent blind13 '第11期'), year optional. "
          "Criterion HbA1c≥8.0%, C-peptide, U/d, 9例(28.1%) <7.0%, 6.25% (2/32) AEs, enrolment dates, grant M2025117, "
          "download counts = not facts.",
          ev=["采用单臂、开放标签设计", "2型糖尿病患者32例", "按2×106个/kg静脉输注，间隔8周再输注1次", "随访12个月",
              "HbA1c由（9.2±1.1）%降至（7.9±0.8）%", "DOI：10.13742/j.cnki.zgzsnf.2026.10.006",
              "来源：中国再生医学与内分泌杂志，2026，18（10）：861-867"]),
])

DOCS["b15-11-zh-sina-health.txt"] = ("zh", [
    study(B, {"n_total": [15], "n_arms": [3, 12], "hba1c_before": [7.9], "hba1c_after": [6.6],
              "dose": [dose(4e8), dose(8e8)], "infusions": [1], "follow_up_days": [yr(1)], "condition": ["T1D"],
              "cell_type": ["ESC-islet"]},
          {"n_arms": [9], "design": ["single_arm_trial"]},
          "Sina health item, no NCT; code glued to CJK ('在研疗法CVT-518的'). 约4亿/8亿个 (亿 units), 单次输注; "
          "'随访满12个月的9名' -> 365 (9 optional). 7人, 2例 SAE, 900万 (background), 数十万美元 = not facts. "
          "11月16日 is a data release date without year: no pub_date.",
          ev=["在研疗法CVT-518的1/2期LUMEN-1试验", "由人胚胎干细胞分化而来的同种异体胰岛细胞，经肝门静脉单次输注",
              "共15名患者接受了治疗，其中3名接受约4亿个细胞的半剂量，12名接受约8亿个细胞的全剂量",
              "在随访满12个月的9名全剂量患者中，7人不再需要外源性胰岛素，糖化血红蛋白平均从7.9%降至6.6%"]),
])

DOCS["b15-12-zh-zhihu-column.txt"] = ("zh", [
    study(D, {"n_total": [1046], "n_studies": [19], "hba1c_change": [-0.61], "design": ["meta_analysis"],
              "condition": ["both"], "cell_type": ["MSC"]},
          {"pub_date": ["2026-11", "2026"]},
          "Zhihu column by a physician; no DOI (cross-language link to 03 only by Solvang / 特罗姆斯达尔 / numbers). "
          "'11月发表' without year (column dated 2026-12-01): optional. Title '平均能降0.6个百分点' is a rounded restatement "
          "(not a separate fact).",
          ev=["汇总了19项随机对照试验、共1046名1型或2型糖尿病患者的数据", "结果显示间充质干细胞治疗使糖化血红蛋白平均下降0.61个百分点"]),
    study(LD, {"n_total": [487], "n_studies": [9], "hba1c_change": [-0.42], "design": ["meta_analysis"]},
          {"pub_date": ["2022"], "condition": ["both"], "cell_type": ["MSC"]},
          "LOOK-ALIKE of D nested in the same paragraph: '四年前做过一版，当时只有9项研究、487人，降幅0.42个百分点' "
          "(relative year: optional 2022).",
          ev=["这个团队四年前做过一版，当时只有9项研究、487人，降幅0.42个百分点"]),
    study(H, {"n_total": [21], "hba1c_before": [8.9], "hba1c_after": [6.2], "follow_up_days": [yr(4.5)],
              "design": ["observational"], "condition": ["T1D"], "cell_type": ["islet"]},
          {},
          "Second section: donor islets ('遗体捐献胰岛移植'), '回顾了21名' -> observational; 中位随访4.5年 -> 1644. "
          "5万到10万元, 90% (advertising) = not facts.",
          ev=["澄岭医科大学附属第一医院器官移植中心回顾了21名1型糖尿病患者接受遗体捐献胰岛移植的结果，中位随访4.5年，糖化血红蛋白中位数从8.9%降到6.2%"]),
])

DOCS["b15-13-zh-163-health.txt"] = ("zh", [
    study(G, {"n_total": [36], "n_arms": [24, 12], "hba1c_before": [8.2], "hba1c_after": [7.1], "infusions": [1],
              "follow_up_days": [yr(2)], "design": ["controlled_trial"], "condition": ["T1D"],
              "cell_type": ["stem-cell-educator"]},
          {"cell_type": ["UCB"]},
          "NetEase health item, no identifier (梅里德尔 / 《临床免疫内分泌学杂志》 link it to 07). '开放标签对照试验' "
          "(no randomisation stated) -> controlled_trial. '全程只需一次' -> 1; '随访两年' -> 730. Control arm values not "
          "given ('基本没有变化'). 900万 (background) = not a fact.",
          ev=["这项开放标签对照试验共纳入36名1型糖尿病患者，其中24名接受治疗，12名作为对照继续常规胰岛素治疗",
              "全程只需一次", "随访两年，治疗组糖化血红蛋白从8.2%降至7.1%", "干细胞教育者"]),
    study(F, {"dose": [dose(9.5e8)], "follow_up_days": [mo(14)], "design": ["case_report"], "condition": ["T1D"],
              "cell_type": ["iPSC-islet"]},
          {"n_total": [1], "pub_date": ["2026-10"], "infusions": [1]},
          "Second study ('另外'): the Brookhollow case, no identifier. Chain 皮肤细胞 -> iPS细胞 -> 胰岛细胞团 = iPSC-islet; "
          "约9.5亿个; '术后14个月仍无需注射胰岛素' -> 426. '10月' without year: optional. No HbA1c here.",
          ev=["一名29岁男性1型糖尿病患者，皮肤细胞先被重编程为iPS细胞，再诱导成胰岛细胞团，约9.5亿个细胞植入腹直肌鞘下，术后14个月仍无需注射胰岛素"]),
])

DOCS["b15-14-zh-thepaper.txt"] = ("zh", [
    study(H, {"n_total": [21], "hba1c_before": [8.9], "hba1c_after": [6.2], "follow_up_days": [yr(4.5)],
              "design": ["observational"], "condition": ["T1D"], "cell_type": ["islet"]},
          {"infusions": [2], "follow_up_days": [yr(9)]},
          "The Paper story. '回顾分析了…21名' -> observational; 胰岛来自公民逝世后捐献的胰腺 = donor islets. 38 infusions in "
          "total (not per patient: not a fact); '多数患者需要输注2次' optional. 中位随访4.5年 -> 1644; headline '最长随访近九年' "
          "(maximum, approximate) optional. 43岁刘女士 / 2019 (one patient of 21), 2017-2025, 13人, 15万至20万元, 30余名 "
          "waiting, pig islet animal work = not facts. '近日' -> no pub_date.",
          ev=["回顾分析了2017年至2025年间在该中心接受同种异体胰岛移植的21名1型糖尿病患者", "胰岛来自公民逝世后捐献的胰腺",
              "患者中位随访4.5年，糖化血红蛋白中位数从移植前的8.9%降至6.2%", "最长随访近九年", "多数患者需要输注2次"]),
])

# ------------------------------------------------------------------ Chinese (traditional)
DOCS["b15-15-zhhant-hk-oriental.txt"] = ("zh-Hant", [
    study(A, {"n_total": [96], "hba1c_change": [-1.2, -0.3], "dose": [dose(1.2e6, per_kg=True)], "infusions": [3],
              "interval_days": [wk(4)], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"follow_up_days": [yr(1)], "design": ["rct", "controlled_trial"]},
          "Hong Kong newspaper, Cantonese quote, no identifier. Chinese numerals '九十六名', '一百二十萬粒' (1.2e6/kg); '共打三針，"
          "每隔四星期打一針' -> 3 x 28. '一半人…另一半人' gives no arm numbers. Randomisation not stated (placebo only): "
          "design optional. '追蹤接近一年' approximate: optional. 跌1.2 / 0.3個百分點 = changes. 七十萬, 十多萬港元 = not facts.",
          ev=["研究招募九十六名患者", "臍帶華通膠幹細胞", "每公斤體重一百二十萬粒細胞計算劑量，共打三針，每隔四星期打一針",
              "追蹤接近一年後，幹細胞組糖化血紅素平均跌1.2個百分點，安慰劑組只跌0.3個百分點"]),
])

DOCS["b15-16-zhhant-tw-hospital-pr.txt"] = ("zh-Hant", [
    study(E, {"n_total": [24], "n_arms": [14, 10], "hba1c_before": [8.4, 8.3], "hba1c_after": [7.6, 8.5],
              "dose": [dose(3e7, per_kg=True)], "infusions": [1], "follow_up_days": [mo(18)],
              "design": ["controlled_trial"], "condition": ["T1D"], "cell_type": ["UCB"], "pub_date": ["2026-11"]},
          {"pub_date": ["2026"]},
          "Taiwan hospital press release (ROC date 115-11-24 = release, not publication). '成果於2026年11月刊登' -> 2026-11. "
          "'非隨機對照試驗' -> controlled_trial. 自體臍帶血 = UCB; '每公斤體重3,000萬顆有核細胞' (thousands comma + 萬) = 3e7/kg, "
          "單次. '追蹤18個月' -> 548. Both arms before/after (control rises). 診斷未滿一年 (criterion), 兩成, 新台幣6萬元, "
          "phone = not facts.",
          ev=["研究共納入24名診斷未滿一年的第一型糖尿病童，其中14名出生時有保存臍帶血的病童接受自體臍帶血回輸，另外10名未保存臍帶血的病童作為對照組，屬非隨機對照試驗",
              "每名病童接受單次靜脈回輸，劑量為每公斤體重3,000萬顆有核細胞",
              "追蹤18個月後，回輸組糖化血色素由8.4%降至7.6%，對照組則由8.3%上升至8.5%", "成果於2026年11月刊登"]),
])

DOCS["b15-17-zhhant-tw-udn.txt"] = ("zh-Hant", [
    study(B, {"n_total": [15], "n_arms": [12], "hba1c_before": [7.9], "hba1c_after": [6.6], "dose": [dose(8e8)],
              "infusions": [1], "follow_up_days": [yr(1)], "design": ["single_arm_trial"], "condition": ["T1D"],
              "cell_type": ["ESC-islet"]},
          {"n_arms": [9]},
          "UDN story (記者／台北即時報導). Half dose not given here. '經肝門靜脈輸注一次'; '追蹤滿一年的9人' -> 365 (9 "
          "optional); physician: '這兩項研究…都沒有對照組' -> single_arm_trial for both. 7人, 1萬多 = not facts.",
          ev=["以人類胚胎幹細胞分化而成的胰島細胞療法CVT-518", "共15名第一型糖尿病患接受治療，其中12人接受全劑量、約8億顆細胞，經肝門靜脈輸注一次",
              "追蹤滿一年的9人中，有7人不必再打胰島素，糖化血色素平均由7.9%降到6.6%", "且都沒有對照組"]),
    study(LB, {"n_total": [7], "hba1c_before": [8.1], "hba1c_after": [7.7], "dose": [dose(1.5e8)],
               "design": ["single_arm_trial"]},
          {"follow_up_days": [mo(9)], "cell_type": ["ESC-islet", "other"], "condition": ["T1D"]},
          "LOOK-ALIKE of B in the same story: CVT-302 pouch, 7名, 約1.5億顆, '9個月後' time point (optional), 8.1 -> 7.7. "
          "'幹細胞來源' does not name the stem cell: cell type optional.",
          ev=["同一家公司較早開發的CVT-302", "7名病人每人植入約1.5億顆細胞，9個月後糖化血色素僅由8.1%降至7.7%"]),
])

DOCS["b15-18-zhhant-tw-ltn.txt"] = ("zh-Hant", [
    study(E, {"n_total": [24], "n_arms": [14, 10], "hba1c_before": [8.4], "hba1c_after": [7.6], "infusions": [1],
              "follow_up_days": [mo(18)], "condition": ["T1D"], "cell_type": ["UCB"]},
          {"design": ["controlled_trial"]},
          "Liberty Times story, no identifier or journal (嵐港仁愛紀念醫院 / 許芷綾 link it to 16). '回輸自己出生時保存的臍帶血' "
          "= UCB. '回輸一次後追蹤一年半' -> 1 infusion, 548 d. Control values not given (對照組反而略升). Randomisation not "
          "mentioned either way: design optional. 200名/年, 不到一成 = not facts.",
          ev=["回輸自己出生時保存的臍帶血", "研究共有24名病童，14名接受回輸、10名作為對照",
              "回輸一次後追蹤一年半，回輸組糖化血色素從8.4%降到7.6%"]),
])


def main():
    GOLD.mkdir(exist_ok=True)
    for old in GOLD.glob("*.json"):
        old.unlink()
    n_req = 0
    for doc_id, (lang, studies) in DOCS.items():
        text = (DOCS_DIR / doc_id).read_text(encoding="utf-8")
        out = []
        for s in studies:
            evs = []
            for q in s.pop("_ev"):
                i = text.find(q)
                if i < 0:
                    sys.exit(f"{doc_id}:{s['study_key']}: quote not found: {q!r}")
                evs.append({"quote": q, "start": i, "end": i + len(q)})
                assert text[i:i + len(q)] == q
            s["evidence"] = evs
            if not s.get("optional_mention"):
                n_req += sum(len(v) for v in s["facts"].values())
            out.append(s)
        g = {"doc_id": doc_id, "lang": lang, "studies": out}
        (GOLD / f"{doc_id}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(DOCS)} gold files, {n_req} required facts")


if __name__ == "__main__":
    main()
