"""Design: one controlled-vocabulary label per record, the study's own description first."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.design import EXTRACTOR


def design(text: str, lang: str = "zh") -> list[str]:
    hits = decided_hits(EXTRACTOR, text)  # the real normaliser and matching view
    return [h.value["value"] for h in hits]


@pytest.mark.parametrize("text,lang,expected", [
    ("本研究为一项多中心、随机、双盲、安慰剂对照的II期临床试验,共纳入80例患者。", "zh", ["rct"]),
    ("受试者按1:1随机分为干细胞组和对照组。", "zh", ["rct"]),
    ("In this randomised, placebo-controlled trial, 60 adults received cells or saline.", "en", ["rct"]),
    ("該研究為一項隨機對照試驗。", "zh-Hant", ["rct"]),
    ("研究人员发表了一篇系统评价和荟萃分析,纳入11项随机对照试验共420例患者。", "zh", ["meta_analysis"]),
    ("We performed a meta-analysis of randomized controlled trials of MSC therapy.", "en", ["meta_analysis"]),
    ("本綜述總結了間充質幹細胞治療糖尿病的研究進展,並討論了小鼠模型中的機制。", "zh-Hant", ["review"]),
    ("This narrative review summarises stem-cell therapies; several animal models are discussed.", "en", ["review"]),
    ("该文报道了一例2型糖尿病患者接受干细胞治疗的病例报告。既往随机对照试验提示其有效。", "zh", ["case_report"]),
    ("We report the case of a 45-year-old woman treated with autologous cells.", "en", ["case_report"]),
    ("这项回顾性队列研究分析了注册数据库中的312名患者。", "zh", ["observational"]),
    ("The registry study analysed outcomes of 500 treated patients retrospectively.", "en", ["observational"]),
    ("研究团队在糖尿病小鼠模型中验证了该细胞疗法。", "zh", ["preclinical"]),
    ("In a single-arm, open-label phase 1/2 study, 20 patients received islet cells.", "en", ["single_arm_trial"]),
    ("本研究为非随机对照研究,设立了常规治疗对照组。", "zh", ["controlled_trial"]),
    # generalisation set
    ("This was a 52-week, open-label, single-arm phase 1 study of UC-MSCs.", "en", ["single_arm_trial"]),
    ("開放標籤、單臂試驗共納入20名患者。", "zh-Hant", ["single_arm_trial"]),
    ("研究人员发表了一项开放标签研究,共纳入36例患者。", "zh", ["single_arm_trial"]),
    ("本研究采用自身对照设计,比较治疗前后的血糖指标。", "zh", ["single_arm_trial"]),
    ("We conducted a first-in-human trial of stem cell-derived islets in 12 adults.", "en", ["single_arm_trial"]),
    ("This non-randomized controlled trial compared 40 treated patients with 40 controls.", "en", ["controlled_trial"]),
    ("一项自体骨髓单个核细胞移植治疗2型糖尿病的对照研究纳入60例患者,移植组30例、对照组30例。", "zh", ["controlled_trial"]),
    ("In this prospective cohort of 120 patients, outcomes were recorded for 2 years.", "en", ["observational"]),
    ("这项前瞻性队列研究纳入了200名患者。", "zh", ["observational"]),
    ("這項隨機、雙盲、安慰劑對照試驗納入72名受試者。", "zh-Hant", ["rct"]),
    ("研究團隊在大鼠模型中進行動物實驗。", "zh-Hant", ["preclinical"]),
    ("In this in vitro study, the cells secreted insulin in response to glucose.", "en", ["preclinical"]),
    ("研究者指出样本量较小,尚需随机对照试验验证。本研究为单臂试验。", "zh", ["single_arm_trial"]),
    # "other"/"more" is background only right before the design words, not anywhere in 25 chars
    ("Investigators at four other Nordic sites randomly assigned 66 adults to cells or placebo.", "en", ["rct"]),
    ("另外两家医院的研究者将80例患者随机分为干细胞组和安慰剂组。", "zh", ["rct"]),
    ("其他三家醫院的研究者將80名患者隨機分為兩組。", "zh-Hant", ["rct"]),
    # a trial that is still awaited, planned or launched is not the study's design
    ("單臂研究難以排除生活習慣改變的影響,結果需待隨機對照試驗確認。", "zh-Hant", ["single_arm_trial"]),
    ("该单臂研究的结论尚待随机对照试验证实。", "zh", ["single_arm_trial"]),
    ("This single-arm study awaits confirmation in a randomized trial.", "en", ["single_arm_trial"]),
    ("Thirty patients were treated in a single-arm study. A randomised sham-controlled study is planned.", "en", ["single_arm_trial"]),
    ("本研究为单臂试验,随机对照试验将于明年启动。", "zh", ["single_arm_trial"]),
    ("本研究為第一期臨床試驗。團隊已啟動一項多中心第二期隨機對照試驗。", "zh-Hant", ["single_arm_trial"]),
    ("This was a phase 1 study; a randomized controlled trial is now recruiting.", "en", ["single_arm_trial"]),
    # a trial that started in a given year is still the study's own
    ("本研究于2019年启动,采用随机双盲设计,共纳入80例患者。", "zh", ["rct"]),
    ("Launched in 2019, this randomized trial enrolled 80 patients.", "en", ["rct"]),
    ("Participants were randomized 2:1 to cells or placebo and will be followed for 2 years.", "en", ["rct"]),
    ("受试者随机分为两组,将在随后两年内接受随访。", "zh", ["rct"]),
    # "pooled 11 randomized trials": pooling trials is a meta-analysis, not an RCT
    ("Rahman and colleagues pooled 11 randomized controlled trials that enrolled 612 participants.", "en", ["meta_analysis"]),
    ("The authors pooled data from 14 trials of MSC therapy.", "en", ["meta_analysis"]),
    ("研究者汇总了11项随机对照试验共612名受试者的数据。", "zh", ["meta_analysis"]),
    ("研究者彙整了11項隨機對照試驗的資料。", "zh-Hant", ["meta_analysis"]),
    ("The team pooled blood samples from 20 patients randomized to cells or placebo.", "en", ["rct"]),   # trap: samples
    # a trial being opened or prepared is another, future study: it does not outvote the reported design
    ("The retrospective cohort study reviewed 37 adults. Building on it, researchers are opening a phase 1 trial of islets in a device.", "en", ["observational"]),
    ("这项回顾性研究分析了37名患者。研究团队即将启动一项I期临床试验。", "zh", ["observational"]),
    ("這項回顧性研究分析了37名患者。團隊正籌備一項第一期臨床試驗。", "zh-Hant", ["observational"]),
    ("Researchers are opening a phase 1 trial of islets placed in a device.", "en", ["single_arm_trial"]),   # nothing else named
    ("Launched in 2019, this phase 1 trial enrolled 12 patients in a single-arm design.", "en", ["single_arm_trial"]),
    # "still in preclinical testing": the development stage of another product, not a study design
    ("Patients received HB-210 in a phase 1/2 trial. HB-330, a gene-edited version, is still in preclinical testing.", "en", ["single_arm_trial"]),
    ("患者在I期临床试验中接受了该产品。新一代产品仍处于临床前阶段。", "zh", ["single_arm_trial"]),
    ("新一代產品仍處於臨床前研發階段。", "zh-Hant", []),
    ("The company's hypoimmune program remains in preclinical development.", "en", []),
    ("In a preclinical study, the cells reversed diabetes in mice.", "en", ["preclinical"]),      # trap: a preclinical study
    ("临床前研究显示,该细胞可逆转小鼠糖尿病。", "zh", ["preclinical"]),
    # "临床研究团队/中心" names who runs trials; a weak clinical-trial word never outvotes a real design cue
    ("近日,我院干细胞临床研究团队报告,一名58岁男性患者接受了3次干细胞输注。", "zh", ["case_report"]),
    ("本院幹細胞臨床研究中心收治一名45歲女性患者,該病例顯示血糖改善。", "zh-Hant", ["case_report"]),
    ("Our clinical research team treated a 62-year-old woman with UC-MSCs; this case shows durable benefit.", "en", ["case_report"]),
    ("该临床研究团队此前开展的临床研究显示,受试者按1:1随机分为两组。", "zh", ["rct"]),
    # open-label describes blinding: with a control named next to it, the design is controlled
    ("一项开放标签对照研究纳入48例患者,治疗组和对照组各24例。", "zh", ["controlled_trial"]),
    ("一項開放標籤對照研究納入48名患者,治療組與對照組各24名。", "zh-Hant", ["controlled_trial"]),
    ("This open-label, controlled trial enrolled 48 patients.", "en", ["controlled_trial"]),
    ("这项开放标签研究共纳入20例患者。", "zh", ["single_arm_trial"]),
    # a plural design noun is other studies
    ("The HbA1c fall was similar to that reported in meta-analyses. This non-randomized trial enrolled 40 patients.", "en", ["controlled_trial"]),
    ("We followed the Preferred Reporting Items for Systematic Reviews and Meta-Analyses.", "en", ["meta_analysis"]),
    ("研究者對14項隨機對照試驗進行統合分析。", "zh-Hant", ["meta_analysis"]),
    # a control stated as absent is the single-arm cue, never a controlled design
    ("该研究纳入36例患者,未设对照组,所有患者接受两次输注。", "zh", ["single_arm_trial"]),
    ("研究共納入30名患者,但沒有對照組,結果需謹慎解讀。", "zh-Hant", ["single_arm_trial"]),
    ("本研究不設對照組,以治療前數據作為基線。", "zh-Hant", ["single_arm_trial"]),
    ("The study had no control group, so the fall in HbA1c cannot be attributed to the cells.", "en", ["single_arm_trial"]),
    ("This uncontrolled pilot study treated 15 adults.", "en", ["single_arm_trial"]),
    ("Because the trial lacked a concurrent control group, the authors call the results preliminary.", "en", ["single_arm_trial"]),
    ("本研究设立了对照组,对照组30例仅接受常规治疗。", "zh", ["controlled_trial"]),          # trap: a control is set up
    ("Patients in the control group received standard care only.", "en", ["controlled_trial"]),
    # a later study by the same team is another study: its design is not this one's
    ("这是一项I期研究,没有对照组。该团队后来做了随机对照的II期研究。", "zh", ["single_arm_trial"]),
    ("這項第一期研究沒有對照組;團隊後來又完成了一項隨機對照試驗。", "zh-Hant", ["single_arm_trial"]),
    ("This phase 1 study had no control group; the team later conducted a randomized trial.", "en", ["single_arm_trial"]),
    ("Patients were randomly assigned to cells or placebo and later crossed over.", "en", ["rct"]),   # trap
    # a bare "clinical study" names no design: a heading, a programme, a news lead
    ("國內某醫學中心公布臨床試驗成果,團隊收治10名第一型糖尿病患者。", "zh-Hant", []),
    ("The clinical study enrolled 21 patients with newly diagnosed type 1 diabetes.", "en", []),
    ("★ 臨床研究怎麼說?", "zh-Hant", []),
    ("42位患者参加了我院正在开展的干细胞临床研究。", "zh", []),
    # no match
    ("Other randomized trials have reported similar results.", "en", []),
    ("More randomized trials are needed.", "en", []),
    ("A randomized controlled trial will be launched next year.", "en", []),
    ("未来仍需开展更大规模的随机对照试验加以验证。", "zh", []),
    ("Larger randomized controlled trials are needed.", "en", []),
    ("细胞经体外扩增后回输。", "zh", []),
    ("该成果发表于《Stem Cell Reviews and Reports》杂志。", "zh", []),
    ("Future randomized trials are needed to confirm these findings.", "en", []),
    ("Twenty patients were randomly selected for a pancreatic biopsy.", "en", []),
    ("尚需大样本随机对照试验进一步验证。", "zh", []),
    ("干细胞治疗糖尿病目前仍处于临床研究阶段。", "zh", []),
    ("ClinicalTrials.gov上已登记1512项间充质干细胞临床试验。", "zh", []),
    ("More clinical trials are needed before routine use.", "en", []),
    # a pseudonymous patient is a patient story: one case (blind4 round)
    ("今年58岁的老周(化名)患2型糖尿病15年,接受脐带间充质干细胞静脉输注3次。", "zh", ["case_report"]),
    ("王太太(化名)罹患第二型糖尿病12年,今年1月接受第一次臍帶間質幹細胞輸注。", "zh-Hant", ["case_report"]),
    ("Maria (not her real name) received two stem cell infusions last spring.", "en", ["case_report"]),
    ("参与这项随机双盲试验的李女士(化名)说,她被分到了干细胞组。", "zh", ["rct"]),  # trap: the trial's design wins
    ("Ming (a pseudonym) read about stem cells online.", "en", []),  # trap: no cue for "a pseudonym" alone
    # a sham arm or patients "as controls" is a control arm; with randomisation it is still an RCT
    ("In this open-label phase 1/2 trial, 12 received the treatment and 3 underwent a sham procedure as controls.", "en", ["controlled_trial"]),
    ("對照組3名患者接受假手術,治療組12名患者接受開放標籤的幹細胞治療。", "zh-Hant", ["controlled_trial"]),
    ("We conducted a double-blind, sham-controlled trial; participants were randomized 1:1 to cells or sham.", "en", ["rct"]),
    ("研究者以假输注作为对照,将患者随机分为两组。", "zh", ["rct"]),
    # a negated randomisation is not the study's design
    ("As of 2024, no randomized trial of the device has been published.", "en", []),
    ("目前尚无随机对照试验证实其疗效。", "zh", []),
    ("This study was not randomized; an open-label single-arm design was used.", "en", ["single_arm_trial"]),
    # 回溯性 (Taiwan usage) is retrospective
    ("高雄一家醫學中心發表45名病人的回溯性研究,但因缺乏對照組無法排除其他影響。", "zh-Hant", ["observational"]),
    ("该院对45例患者进行了回溯性分析。", "zh", ["observational"]),
    # a product programme's stage is not the design of the study reported
    ("The Phase 3 programme for an encapsulated islet product is expected to open sites in 2026.", "en", []),
    ("该产品目前处于II期临床阶段,尚未上市。", "zh", []),
    ("本研究为一项I期临床研究,共纳入12例患者。", "zh", ["single_arm_trial"]),
    # a recommended or required study is another one than the study reported (blind5 round)
    ("患者,男,19岁,接受脐带间充质干细胞输注。本例单一病例无法评估疗效,建议纳入正在开展的多中心随机对照研究。", "zh", ["case_report"]),
    ("患者,男,19歲,接受臍帶間充質幹細胞輸注。本例單一病例無法評估療效,建議納入正在開展的多中心隨機對照研究。", "zh-Hant", ["case_report"]),
    ("Lumivy was evaluated in a multicenter, open-label, single-arm trial. The FDA is requiring a postmarketing registry study of 300 patients.", "en", ["single_arm_trial"]),
    ("患者,女,45岁。", "zh", ["case_report"]),
    ("患者中男性12例,女性8例,年龄45岁。", "zh", []),         # trap: a cohort's make-up
    # "并非随机对照研究" denies randomisation, it is no non-randomised controlled study
    ("罗世杰强调,这并非随机对照研究,没有对照组。", "zh", ["single_arm_trial"]),
    ("羅世傑強調,這並非隨機對照研究,沒有對照組。", "zh-Hant", ["single_arm_trial"]),
    ("本研究为非随机对照研究。", "zh", ["controlled_trial"]),
])
def test_design(text, lang, expected):
    assert design(text, lang) == expected


def test_meta_analysis_counting_rcts_is_not_an_rct():
    text = "本荟萃分析纳入了13项RCT,共计507名患者。"
    assert design(text) == ["meta_analysis"]


# --- real-text classes (ERRORS.md 4.4, 4.5): one label by evidence strength, not by first cue ---
@pytest.mark.parametrize("text,expected", [
    # negated cues: a denied placebo control, randomisation or comparison group is no controlled design
    ("We conducted a non-placebo-controlled, open-label pilot study in which 18 patients with type 2 diabetes received adipose-derived MSC.", ["single_arm_trial"]),
    ("The study enrolled 15 patients with type 1 diabetes; it was a small series without any randomized comparison group.", ["single_arm_trial"]),
    ("本研究为非随机、无对照的开放标签研究,共纳入20例患者。", ["single_arm_trial"]),
    ("本研究為非隨機、無對照的開放標籤研究,共納入20名患者。", ["single_arm_trial"]),
    ("这是一项非安慰剂对照的开放性研究,纳入18例患者。", ["single_arm_trial"]),
    ("研究未設任何對照組,20名患者均接受治療。", ["single_arm_trial"]),
    ("Allocation: Non-Randomized\nIntervention Model: Single Group Assignment\nMasking: None (Open Label)", ["single_arm_trial"]),
    ("Allocation: Non-Randomized\nIntervention Model: Parallel Assignment\nMasking: None (Open Label)", ["controlled_trial"]),
    ("本研究为非随机对照研究,治疗组与对照组各30例。", ["controlled_trial"]),                      # trap: a control is named
    ("This non-randomised, controlled study compared 40 treated patients with 40 controls.", ["controlled_trial"]),
    ("接受幹細胞輸注的一組糖化血色素下降,與安慰劑組相比有明顯差異。這是一項二期試驗。", ["controlled_trial"]),
    # idioms and page furniture name no design
    ("业内人士认为,干细胞疗法已从实验室迈入真实世界。某医院有85名糖尿病患者接受了干细胞治疗。", []),
    ("業內人士認為,幹細胞療法已從實驗室邁入真實世界。", []),
    ("Stem cell therapy is moving from the lab into the real world.", []),
    ("脐带干细胞治疗180名2型糖尿病的真实世界数据公布:血糖明显改善。", ["observational"]),            # trap: real-world data
    ("This real-world study followed 300 patients treated in routine care.", ["observational"]),
    ("Published online Mar 3, 2023\nPeer-review started: November 2, 2022\nAccepted: January 9, 2023\n"
     "Forty patients with type 2 diabetes received umbilical cord MSC.", []),
    ("Study Overview\nBrief Summary: This study evaluates umbilical cord MSC in adults with type 2 diabetes.", []),
    ("Home | News | Reviews | Case Reports | Videos | Contact\nForty patients with type 2 diabetes received MSC.", []),
    ("首页 | 新闻 | 综述 | 病例报告 | 视频 | 联系我们", []),
    ("This narrative review summarises stem-cell therapies for diabetes.", ["review"]),                 # trap: a review
    # a clinical case whose cells were made in vitro is a case, not an experiment
    ("研究团队将一名58岁2型糖尿病患者的血细胞重编程,并在体外诱导形成胰岛组织后移植回患者体内。", ["case_report"]),
    ("研究團隊將一名58歲第二型糖尿病患者的血球重編程,並在體外誘導形成胰島組織後移植回患者體內。", ["case_report"]),
    ("The team reprogrammed blood cells from a 58-year-old man with type 2 diabetes, grew islet tissue in vitro and transplanted it back into him.", ["case_report"]),
    ("有望在移植后2周彻底摆脱体外胰岛素治疗。", []),                                                   # exogenous insulin
    ("In this in vitro study, the cells secreted insulin in response to glucose.", ["preclinical"]),  # trap
    # the team's earlier animal work is background to the patient it treated
    ("早在2019年,该团队已在大鼠模型中验证了这一方法。2023年,团队为一名病程9年的1型糖尿病患者实施了干细胞来源胰岛移植,患者术后停用胰岛素。", ["case_report"]),
    ("早在2019年,該團隊已在大鼠模型中驗證了這一方法。2023年,團隊為一名病程9年的第一型糖尿病患者實施了幹細胞來源胰島移植。", ["case_report"]),
    ("The group first showed the approach worked in diabetic mice in 2018. In 2022 it treated a 33-year-old woman with type 1 diabetes, who stopped insulin three months later.", ["case_report"]),
    ("研究团队在糖尿病小鼠模型中验证了该细胞疗法,未来有望用于1型糖尿病患者。", ["preclinical"]),   # trap: nobody treated
    ("The cells reversed diabetes in mice; the team hopes to treat patients within five years.", ["preclinical"]),
    # a planned trial whose first patient is described is the trial
    ("该公司启动的1/2期试验计划治疗20名1型糖尿病参与者,首批入组中的第一位患者为一名退休教师,胰岛素用量已减少八成。", ["single_arm_trial"]),
    ("該公司啟動的1/2期試驗計劃治療20名第一型糖尿病參與者,首批入組中的第一位患者為一名退休教師。", ["single_arm_trial"]),
    ("The phase 1/2 trial plans to enrol 20 adults with type 1 diabetes; the first patient, a retired teacher, has cut her insulin dose by 80%.", ["single_arm_trial"]),
    # ... but a patient story told in full inside an ongoing project, with no trial design named, is the case
    ("一名58岁男性患者在接受3次脐带间充质干细胞输注后,胰岛素用量减半。目前该项目已入组患者26例。", ["case_report"]),
    ("A 58-year-old man halved his insulin dose after three infusions. The project has enrolled 26 patients so far.", ["case_report"]),
    ("Ten patients (8 men and 2 women) with T2DM underwent injection. Six patients responded and one patient was off insulin.", []),
    # one patient without age or sex, a first case, a few treated patients: a case (series)
    ("团队为一名有着14年1型糖尿病史、常规治疗无效的患者实施了干细胞来源胰岛移植。", ["case_report"]),
    ("團隊為一名有著14年第一型糖尿病史、常規治療無效的患者實施了幹細胞來源胰島移植。", ["case_report"]),
    ("The team transplanted stem-cell-derived islets into a patient who had lived with type 1 diabetes for 14 years.", ["case_report"]),
    ("该中心开展的国内首例小儿胰岛移植获得成功,患儿胰岛素用量减少。", ["case_report"]),
    ("該中心開展的國內首例小兒胰島移植手術獲得成功。", ["case_report"]),
    ("59岁陈小姐罹患糖尿病多年,接受脂肪干细胞治疗后伤口愈合。", ["case_report"]),
    ("2024年《自然·代谢》报道,2例成年1型糖尿病患者接受诱导多能干细胞来源的胰岛细胞移植后,胰岛素用量下降。", ["case_report"]),
    ("Two patients with type 1 diabetes received islets made from their own stem cells.", ["case_report"]),
    ("The phase 1 study treated three patients with islets grown from their own stem cells.", ["single_arm_trial"]),  # trap
    ("研究纳入40例患者,其中3例患者出现发热。", []),                                                      # trap: a subgroup
    ("Thirty-two patients with type 1 diabetes received islet grafts. Nineteen patients completed the protocol.", []),  # "-two"
    # counted included studies are a meta-analysis's, never the study's own RCT
    ("结果 共纳入14项有关干细胞治疗2型糖尿病的随机对照试验。", ["meta_analysis"]),
    ("結果 共納入14項有關幹細胞治療第2型糖尿病的隨機對照試驗。", ["meta_analysis"]),
    ("Twelve randomized trials were included; HbA1c fell by 0.85%.", ["meta_analysis"]),
    ("本研究是在3个中心开展的随机对照试验,共纳入80例患者。", ["rct"]),                                      # trap: centres
    ("The trial included 14 patients randomized to cells or placebo.", ["rct"]),                            # trap: patients
])
def test_design_real_text_classes(text, expected):
    assert design(text) == expected


# ---- groups drawn by lot (Cantonese and spoken Chinese) are randomised ----
@pytest.mark.parametrize("text,lang,expected", [
    ("成個研究有42個細路,抽籤分組,一組打幹細胞,一組唔打。", "zh-Hant", ["rct"]),
    ("42名患者通过抽签分组,分别接受干细胞或常规治疗。", "zh", ["rct"]),
    ("医生通过抽签决定谁先做检查。", "zh", []),                                   # trap: no groups
])
def test_design_groups_drawn_by_lot(text, lang, expected):
    assert design(text, lang) == expected
