"""Study design (controlled vocabulary of the guideline): one label per record."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from .base import FieldExtractor, Hit, Pattern, Span, span_literals
from ..prefilter import may_match_in
from .context import FUTURE_CUES, background_before, ascii_boundaries, compile_cues, context_score, in_journal_name, line_around, sentence_bounds, zp
from ..rxcache import rx

# ---------------------------------------------------------------------------------------------
# design
# ---------------------------------------------------------------------------------------------

_NUM_WORDS_EN = (r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                 r"nineteen|twenty|thirty|forty|fifty")
# one person as Chinese texts name a patient
_ONE_PERSON_ZH = r"患者|病人|患儿|男性|女性|男子|女子|男孩|女孩|老人|妇女|糖友|病友"
# people counted as a study's participants
_PEOPLE_ZH = r"患者|病人|患儿|受试者|参与者|参试者|志愿者|糖友|病友|儿童|成人|青少年"
_PEOPLE_EN = r"patients|participants|subjects|adults|children|adolescents|volunteers|recipients|people|individuals|men|women"
_PERSON_EN = r"man|woman|patient|boy|girl|male|female|participant|recipient|volunteer|teenager|child"
# four or more: "one or a few patients" is still a case (series)
_N4_ZH = r"(?:(?<![\d.])(?:[4-9]|[1-9]\d{1,3})|(?<![一二两三四五六七八九十百千万亿])(?:[四五六七八九]|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]百[零一二两三四五六七八九十]*|数十|几十|上百))"
_N4_EN = (r"(?:(?<![\d.,])(?:[4-9]|[1-9]\d{1,3})(?![\d.,]\d)|\b(?:four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:one |a )?hundred|dozens?)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)")
_TREAT_ZH = r"接受|实施|进行|施行|移植|输注|回输|注射|治疗|入组|纳入|招募|参加|参与|随机|分为|收治"
_TREAT_EN = (r"received|receiving|underwent|undergoing|were (?:treated|infused|transplanted|given|enrolled|recruited|included|randomi[sz]ed|assigned|allocated)"
             r"|was (?:treated|infused|transplanted|given)|enrol(?:l|ls|led|ling)?|enrolls|recruit(?:s|ed|ing)?|participated|got|treated|treat(?:s|ing)?"
             # a drug developer's word for treated: "all 14 volunteers were dosed"
             r"|dosed")

# Evidence about who the study treated, not a design label: "_human" (people treated, one or many)
# and "_cohort" (four or more counted participants, enrolled or planned). ``decide`` weighs the
# design cues with them and never returns them: a record whose patients were treated is no animal
# study (cells made "in vitro" are the manufacturing step of a clinical case; the team's earlier
# rat work is background), and a trial's cohort outweighs its "first patient" or a patient story.
EVIDENCE_PATTERNS: tuple[Pattern, ...] = (
    zp("_cohort__zh", rf"{_N4_ZH}\s*(?:名|例|位)(?:(?![名例位])[^,。;:]){{0,16}}?(?:{_PEOPLE_ZH})"
                      rf"|(?:{_PEOPLE_ZH})(?:共|各)?\s*{_N4_ZH}\s*(?:名|例|位)", 1.0,
       examples=("该公司启动的1/2期试验计划治疗20名1型糖尿病参与者,首批入组中的第一位患者为一名退休教师。",
                 "某医院有85名糖尿病患者接受了干细胞治疗。", "研究纳入2型糖尿病患者42例。"),
       traps=("全球有5.37亿名糖尿病患者。", "研究团队公布了两名1型糖尿病患者的随访数据。")),
    # ("n = 8" alone is no evidence: mice are counted the same way)
    zp("_cohort__en", rf"{_N4_EN}\s+(?:[\w-]+\s+){{0,3}}?(?:{_PEOPLE_EN})\b", 1.0,
       examples=("Ten patients (8 men and 2 women) with T2DM underwent super-selective injection.",
                 "Nordvale reported that 14 participants with type 1 diabetes received a single infusion."),
       traps=("About 8.4 million people live with type 1 diabetes.", "Two patients received islets.",
              "Diabetic mice (n = 8) received the cells.")),
    zp("_human__zh", rf"(?:{_N4_ZH}|[一二两三1-3])\s*(?:名|例|位)(?:(?![名例位])[^。;]){{0,30}}?(?:{_PEOPLE_ZH}|{_ONE_PERSON_ZH})"
                     rf"|(?:该|这名|这位|此|首|第一)(?:名|位|例)?(?:{_ONE_PERSON_ZH}|受试者|参与者)", 1.0,
       examples=("2023年,团队为一名病程9年的1型糖尿病患者实施了干细胞来源胰岛移植。",)),
    zp("_human__en", rf"\b(?:an?|one)\s+(?:\d{{1,2}}-year-old\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_PERSON_EN})\b"
                     rf"|\b(?:treated|transplanted into|infused into|given to)\s+(?:an?|one)\s+(?:\d{{1,2}}-year-old\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_PERSON_EN})\b", 1.0,
       examples=("In 2022 it treated a 33-year-old woman with type 1 diabetes, who stopped insulin.",)),
    # groups or arms named: the record compares groups, so a comparison with baseline is no sign of one arm
    zp("_arms__all", r"(?:治疗|试验|干预|对照|安慰剂|观察|移植|细胞|两|三|各)组|\b(?:two|three|both|treatment|treated|control|placebo|cell|intervention|sham)\s+(?:groups?|arms?)\b", 1.0,
       examples=("HbA1c fell from baseline in the treatment group.",)),
)
_TREATED = compile_cues((_TREAT_ZH, rf"\b(?:{_TREAT_EN})\b", r"\b(?:treated|transplanted|infused|injected)\b"))
# a cohort that is planned is still the study's own ("计划治疗20名", "plans to enrol 40 adults")
_PLANNED = compile_cues((r"计划|拟|将", r"\b(?:plans?|planned|will|aims? to|intends? to|expects? to)\b"))

# pattern name prefix -> design label (the prefix before the first "__")
DESIGN_PATTERNS: tuple[Pattern, ...] = EVIDENCE_PATTERNS + (
    # meta-analyses and systematic reviews with pooling
    zp("meta_analysis__zh", r"荟萃分析|统合分析|meta\s*分析|汇总分析|系统评价(?:和|与|及)|系统综述(?:和|与|及)", 0.9),
    zp("meta_analysis__en", r"\bmeta[- ]?analys[ie]s\b|\bpooled analysis\b", 0.9),
    # "pooled 11 randomized trials", "汇总了11项随机对照试验": pooling counted trials is a meta-analysis
    zp("meta_analysis__pooled", r"\bpooled\s+(?:(?:the\s+)?(?:individual[- ]patient\s+)?data\s+(?:from|of)\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                                r"(?:(?:randomi[sz]ed|controlled|clinical|published|placebo-controlled)\s+)*(?:trials|studies|RCTs)\b"
                                r"|(?:汇总|汇整|合并|整合)了?\s*(?:\d+|[二两三四五六七八九十]+)\s*(?:项|篇)[^,。;]{0,12}?(?:试验|研究|RCT)", 0.85),
    # "共纳入14项…随机对照试验", "14 randomized trials were included": counted studies included
    zp("meta_analysis__included", rf"(?:纳入|收录|检索到|筛选出)了?\s*(?:\d+|[二两三四五六七八九十]+)\s*(?:项|篇)(?:[^,。;:]{{0,30}}?)(?:研究|试验|RCT|文献)"
                                  rf"|\b(?:\d+|{_NUM_WORDS_EN})\s+(?:(?:randomi[sz]ed|controlled|clinical|eligible|published|observational)\s+)*"
                                  rf"(?:studies|trials|RCTs|articles)\s+(?:were|was)\s+(?:included|identified|eligible|pooled|analy[sz]ed)\b"
                                  rf"|\bincluded\s+(?:\d+|{_NUM_WORDS_EN})\s+(?:(?:randomi[sz]ed|controlled|clinical|eligible|published)\s+)*(?:studies|trials|RCTs|articles)\b", 0.7,
       examples=("结果 共纳入14项有关干细胞治疗2型糖尿病的随机对照试验。", "Fourteen trials were included.", "We included 9 randomized controlled trials."),
       traps=("The trial included 14 patients.",)),
    zp("meta_analysis__sysrev", r"系统评价|系统综述|\bsystematic (?:literature )?review\b", 0.75),
    # randomised controlled trials
    zp("rct__zh_rct", r"(?<!非)随机[、,]?(?:双盲|单盲|开放|平行)?[、,]?(?:安慰剂)?[、,]?(?:平行)?对照(?:临床)?(?:试验|研究)?", 0.85),
    zp("rct__zh_blind", r"(?<!非)随机[、,]?双盲", 0.85),
    # ("抽签分组": groups drawn by lot, said in Cantonese or spoken Chinese)
    # "随机数字表法分为两组", "按隨機數字表法分成兩組", "采用随机区组法将患者分为": the allocation method named
    zp("rct__zh_assigned", r"(?<!非)随机(?:(?:数字表|区组|信封|抽签)法?(?:将[^,。;:]{1,12}?)?)?(?:分为|分成|分组|分配|化分组|入组|纳入)|抽签(?:分组|分配|分成)", 0.75,
       examples=("采用随机数字表法分为观察组和对照组,各43例。", "按隨機數字表法分成兩組。", "采用随机区组法将120例患者分为两组。"),
       traps=("采用随机数字表法抽取样本进行调查。",)),
    zp("rct__zh_placebo", r"(?<![非无])安慰剂对照|(?<![非无])双盲", 0.6),
    zp("rct__en_rct", r"\bRCT\b(?!s)", 0.8, 0),
    zp("rct__en_randomized", r"(?<!non-)(?<!non)(?<!non )\brandomi[sz]ed\b(?!\s+(?:controlled\s+)?trials\b)", 0.85),
    zp("rct__en_randomly", r"\brandomly (?:assigned|allocated|divided)\b|\brandomi[sz]ation\b", 0.75),
    # "non-placebo-controlled", "not double-blind": a negated prefix denies the cue
    zp("rct__en_placebo", r"(?<!non-)(?<!non)(?<!non )(?<!not )(?<!un)\bplacebo[- ]controlled\b|(?<!non-)(?<!not )\bdouble[- ]blind(?:ed)?\b", 0.6,
       examples=("This randomised, placebo-controlled trial enrolled 60 adults.",),
       traps=("We conducted a non-placebo-controlled, open-label pilot study of 18 patients.",
              "The trial was not double-blind.")),
    # non-randomised controlled
    # "并非随机对照研究" denies randomisation: it says nothing of a control arm
    # "非随机对照" / "non-randomized controlled" name a control arm; a bare "non-randomized" only
    # denies randomisation and yields to a stated single arm ("Allocation: Non-Randomized /
    # Intervention Model: Single Group Assignment", "非随机、无对照")
    zp("controlled_trial__zh_nonrandom", r"(?<![并绝既])非随机(?:[、,]?(?:同期|平行)?对照)", 0.8),
    zp("controlled_trial__en_nonrandom", r"\bnon-?\s?randomi[sz]ed,?\s+(?:(?:open-label|parallel|concurrent|prospective),?\s+)*controlled\b", 0.8),
    zp("controlled_trial__zh_nonrandom_bare", r"(?<![并绝既])非随机(?![、,]?(?:同期|平行)?对照)", 0.55,
       examples=("本研究为非随机、开放标签研究,共纳入40例患者。",),
       traps=("这并非随机对照研究。",)),
    zp("controlled_trial__en_nonrandom_bare", r"\bnon-?\s?randomi[sz]ed\b(?!,?\s+(?:(?:open-label|parallel|concurrent|prospective),?\s+)*controlled\b)", 0.55,
       examples=("Allocation: Non-Randomized",)),
    zp("controlled_trial__zh_control", r"(?<!随机)(?<!安慰剂)(?<!、)(?<!自身)(?<!前后)对照(?:临床)?(?:试验|研究)|设(?:立|置|有)?了?对照组|与对照组相比|对照组\s*\d+\s*(?:例|名|人)"
                                          r"|(?:与|和|较)安慰剂组|安慰剂组(?:患者|受试者|\s*\d+\s*(?:例|名|人))", 0.45,
       examples=("接受幹細胞輸注的一組糖化血色素明顯下降,與安慰劑組相比有明顯差異。",)),
    zp("controlled_trial__en_control", r"(?<!randomized )(?<!randomised )(?<!placebo-)\bcontrolled (?:clinical )?(?:trial|study)\b(?!s)|\bcontrol group\b|\bplacebo (?:group|arm)\b", 0.45),
    # a sham procedure or patients "as controls" is a concurrent control arm, whatever the blinding
    # ("randomised sham-controlled" is still an RCT: the randomisation cue scores higher)
    zp("controlled_trial__sham", r"\bsham(?:[- ]controlled|[- ]operated|\s+(?:procedures?|treatments?|infusions?|injections?|groups?|arms?))\b"
                                 r"|\bas\s+(?:the\s+)?(?:concurrent\s+)?controls\b|假手术|假治疗|假输注|作为对照组", 0.6),
    # a registry record's design fields: "Intervention Model: Single Group Assignment" is one arm,
    # "Parallel Assignment" several (randomised or not: "Allocation: Randomized" decides that)
    # ("Sequential Assignment": dose cohorts treated one after another, none of them a concurrent control)
    zp("single_arm_trial__registry_model", r"\bintervention model\s*:?\s*\|?\s*(?:single group|sequential)(?: assignment)?\b", 0.8,
       examples=("Allocation: | Non-Randomized |\nIntervention Model: | Single Group Assignment |",
                 "Allocation | Non-Randomized\nIntervention Model | Sequential Assignment"),
       traps=("Allocation: Randomized\nIntervention Model: Parallel Assignment",)),
    zp("controlled_trial__registry_model", r"\bintervention model\s*:?\s*\|?\s*(?:parallel|crossover|factorial)(?: assignment)?\b", 0.6,
       examples=("Allocation: Non-Randomized\nIntervention Model: Parallel Assignment",)),
    # single-arm trials
    zp("single_arm_trial__zh_arm", r"单臂|单组|自身前后对照|自身对照", 0.75),
    zp("single_arm_trial__en_arm", r"\bsingle[- ](?:arm|group)\b|\bbefore[- ]and[- ]after\b", 0.75),
    zp("single_arm_trial__en_open", r"\bopen[- ]label\b", 0.5),
    zp("single_arm_trial__zh_open", r"开放标签|开放性(?:临床)?(?:研究|试验)", 0.5),
    # "不设对照组", "没有对照组", "without a control group", "uncontrolled": no control stated outright
    # "非随机、无对照", "without any randomized comparison group": a control stated as absent
    zp("single_arm_trial__zh_no_control", r"(?:不设|未设|没有设?|没设|(?<!无论)无|缺乏|缺少)(?:立|置)?(?:任何)?(?:平行|同期)?(?:对照(?:组|臂|的|研究|试验|设计)?|安慰剂(?:对照)?(?:组|臂))", 0.75,
       examples=("该研究为非随机、无对照的开放标签研究。", "该研究并未设置安慰剂组,12名1型糖尿病成人全部接受了干细胞治疗。")),
    zp("single_arm_trial__en_no_control", r"\b(?:no|without(?: an?| any)?|lacked(?: an?| any)?|lacking(?: an?| any)?|did not (?:include|have) (?:an?|any))\s+"
                                          r"(?:(?:concurrent|parallel|placebo|randomi[sz]ed|separate|untreated)\s+)?(?:control|comparison|comparator) (?:groups?|arms?|cohorts?)\b"
                                          r"|\b(?:no|without(?: an?| any)?)\s+(?:placebo|sham)(?:[- ]control)?\s+(?:groups?|arms?)\b"
                                          r"|\buncontrolled (?:(?:clinical|pilot|open-label)\s+)?(?:trial|study)\b", 0.75,
       examples=("It was a small series without any randomized comparison group.",
                 "Twelve adults with type 1 diabetes were enrolled in this study; there was no placebo arm.")),
    zp("single_arm_trial__first_in_human", r"\bfirst[- ]in[- ](?:human|man)\b|首次人体|首个人体|人体首次|全球首例人体", 0.5),
    zp("single_arm_trial__zh_phase", r"(?:[ⅠⅡⅢI]{1,3}|[1-3一二三])(?:\s*/\s*(?:[ⅠⅡⅢI]{1,3}|[1-3]))*\s*期(?:临床|试验|研究)", 0.45,
       examples=("该公司启动的1/2期试验计划治疗20名1型糖尿病参与者。",)),
    zp("single_arm_trial__en_phase", r"\bphase\s*(?:I{1,3}|[1-3])(?:\s*/\s*(?:I{1,3}|[1-3]))*\b", 0.45),
    # (a bare "临床研究"/"clinical study" names no design: a heading "临床研究怎么说?", a hospital's
    # "干细胞临床研究" programme; it was a fallback cue once and is no longer one)
    # "all 22 participants with type 2 diabetes received", "共纳入40例患者,均接受", "12名成人全部接受了"
    zp("single_arm_trial__all_treated", r"(?:所有|全部|全体)(?:患者|受试者|参与者|病人)(?:均|都|全部)?(?:接受|进行)"
                                        r"|(?:名|例|位)[^。;:]{0,20}?(?:患者|受试者|参与者|病人|成人|儿童)[,,]?\s*(?:均|全部|都)接受"
                                        r"|\ball (?:\d+ |the )?(?:patients|participants|subjects|adults|children|volunteers|recipients)\b(?:[^.;]{0,40}?)\b(?:underwent|received|were treated)\b", 0.35,
       examples=("This was not a randomised trial: all 22 participants with type 2 diabetes received umbilical cord MSCs.",
                 "该试验共纳入40例2型糖尿病患者,均接受脐带间充质干细胞治疗。", "12名1型糖尿病成人全部接受了干细胞治疗。")),
    # a treated cohort whose results are compared with its baseline, no arm or design named: one arm
    # ("Ten patients ... underwent injection ... a reduction in insulin requirement as compared to baseline");
    # decide keeps it only for a record with a counted cohort and no other design
    zp("single_arm_trial__vs_baseline", r"与(?:基线|治疗前|移植前|输注前|术前)(?:水平)?相比|较(?:基线|治疗前|移植前|输注前|术前)|治疗前后(?:比较|对比)"
                                        r"|\b(?:as )?compared (?:to|with) (?:the )?baseline\b|\bfrom baseline\b|\brelative to baseline\b", 0.35,
       examples=("Ten patients with T2DM underwent injection of stem cells; insulin requirement fell by 74% as compared to baseline.",
                 "共纳入20例2型糖尿病患者接受干细胞移植,与治疗前相比,HbA1c明显下降。")),
    # the patients were their own controls: one arm compared with its baseline
    zp("single_arm_trial__self_control", r"\b(?:served|acted) as (?:their|his|her) own controls?\b|\bcompared (?:with|to) (?:their|his|her) own baseline\b"
                                         r"|\bself[- ]controlled\b|以(?:患者)?自身(?:治疗前|基线)?(?:数据|水平|指标)?(?:作为|为)对照", 0.6,
       examples=("All 22 participants received the cells and were compared with their own baseline.", "以患者自身治疗前数据作为对照。")),
    # observational
    # "真实世界" / "real world" name a design only as data or a study ("真实世界研究/数据"); "从实验室
    #迈入真实世界" is an idiom for reaching practice
    zp("observational__zh", r"回顾性|回溯性|登记研究|注册研究|队列研究|观察性研究|真实世界(?:的)?(?:研究|数据|证据|队列|分析|应用数据)", 0.8,
       traps=("业内人士认为,干细胞疗法已从实验室迈入真实世界。",)),
    # the records of treated patients looked back on, without 性: "回溯整理這12位病人的紀錄", "回顾分析了本科35例患者的病历"
    # (a literature review looks back on papers: "回顾分析近十年的文献")
    zp("observational__zh_look_back", r"(?:回顾|回溯)(?:分析|总结|整理)(?:了)?(?:(?!文献|论文|研究进展)[^,。;]){0,30}?"
                                      r"(?:病人|患者|病例|受试者|病友)(?:的)?(?:资料|数据|记录|病历|临床资料)?", 0.8,
       examples=("本院回溯分析了這12位接受移植病人的資料,中位追蹤期為19個月。", "我科回顾总结了35例输注脐带间充质干细胞病人的临床资料。"),
       traps=("作者回顾分析了近十年干细胞治疗糖尿病的文献。",)),
    # a registry of transplants or patients and its data: "胰岛移植登录资料", "国际联合胰岛移植注册中心提供的数据"
    # (a trial registry is where a trial is registered: "中国临床试验注册中心", "注册号")
    zp("observational__zh_registry", r"(?:移植|病例|患者|疾病|糖尿病|国家|国际|全国|多中心|协作|联合)(?:[^,。;:]{0,6}?)(?<!试验)(?<!临床)"
                                     r"(?:登记|登录|注册)(?:的)?(?:中心|系统|资料|数据库?|报告|库|处|分析)", 0.8,
       examples=("根据2012年国际联合胰岛移植注册中心(CTR)提供的数据,1999年至2010年共尝试过677例胰岛移植手术。",
                 "根據胰島移植登錄資料分析1990-1999年間進行的237例人體胰島移植。", "根據人體胰島細胞移植登錄的報告,全世界共進行1233例自體胰島細胞移植。",
                 "根据国际胰岛移植登记中心的数据,2000年至2015年间共有1086名1型糖尿病患者接受了胰岛移植。"),
       traps=("该试验已在中国临床试验注册中心注册(ChiCTR2100012345),共纳入40例患者。", "该研究已在国际临床试验注册中心注册。",
              "请登录后查看全文。")),
    # "reviewed the records of all 48 adults", "a chart review of": the data are records already kept
    zp("observational__en", r"\bretrospective(?:ly)?\b|\bregistry\b|\bcohort stud(?:y|ies)\b|\bprospective cohort\b|\bobservational\b"
                            r"|\b(?:reviewed|reviewing|review of) (?:the )?(?:(?:medical|clinical|health|hospital|patient) )?(?:records|charts)\b|\bchart review\b"
                            r"|\breal[- ]world (?:stud(?:y|ies)|data|evidence|cohorts?|analys[ie]s|outcomes|setting|practice)\b", 0.8,
       examples=("The study reviewed the records of all 48 adults who received islet transplants.",
                 "A chart review of 90 recipients treated between 2010 and 2020 was performed."),
       traps=("Stem cell therapy is moving from the lab into the real world.", "Reviewers praised the record results.")),
    # case reports
    zp("case_report__zh", r"病例报告|个案报告|[一1]例报告|案例报告|病例报道|个案", 0.85),
    zp("case_report__en", r"\bcase report\b|\bcase study\b", 0.85),
    # one patient, however long the description between ("一名有着14年1型糖尿病史、常规治疗无效的患者");
    # "第一位患者" is the first of several, and no second count word may stand between
    zp("case_report__zh_one_patient", rf"(?<![\d.零一二两三四五六七八九十百第])[1一](?:例|名|位)(?:(?![名例位])[^,。;:]){{0,24}}?(?:{_ONE_PERSON_ZH})", 0.6,
       examples=("团队为一名有着14年1型糖尿病史、常规治疗无效的患者实施了干细胞来源胰岛移植。",
                 "研究团队将一名58岁2型糖尿病患者的血细胞重编程。"),
       traps=("试验的第一位患者已减少胰岛素用量。", "1名研究者和20名患者参加。")),
    # "2例成年1型糖尿病患者接受…移植": two or three treated patients are still a case (series)
    zp("case_report__zh_few_patients", rf"(?<![\d.零一二两三四五六七八九十百第])[2-3两二三](?:例|名|位)(?:(?![名例位])[^,。;:]){{0,16}}?(?:{_ONE_PERSON_ZH})", 0.5,
       examples=("2024年《自然·代谢》报道,2例成年1型糖尿病患者接受诱导多能干细胞来源的胰岛细胞移植后,胰岛素用量下降。",),
       traps=("研究纳入40例患者,其中3例患者出现发热。", "两名患者完成了随访。")),
    zp("case_report__en_few_patients", r"(?<!-)\b(?:two|three)\s+(?:[\w-]+\s+){0,2}?(?:patients|men|women|children|adults|recipients)\b", 0.5,
       examples=("Two patients with type 1 diabetes received islets made from their own stem cells.",),
       traps=("Forty patients were enrolled; two patients withdrew.",
              "Thirty-two patients with type 1 diabetes received islet grafts.")),
    # "transplanted the islets into a patient who had lived with type 1 diabetes for 14 years"
    zp("case_report__en_one_treated", r"\b(?:transplanted|infused|implanted|injected|given|grafted)\s+(?:[\w-]+\s+){0,4}?(?:into|to)\s+(?:the\s+(?:[\w-]+\s+){0,2}?of\s+)?(?:a|one)\s+(?:single\s+)?(?:\d{1,2}-year-old\s+)?(?:patient|man|woman|recipient|volunteer)\b"
                                      r"|\btreated\s+(?:a|one)\s+(?:single\s+)?(?:patient|man|woman)\b", 0.55,
       examples=("The team transplanted stem-cell-derived islets into a patient who had lived with type 1 diabetes for 14 years.",
                 "Surgeons implanted gene-edited islet cells into the forearm of a man with type 1 diabetes."),
       traps=("Islets are usually infused into the liver of a recipient.",)),
    zp("case_report__zh_age", rf"(?<![\d~\-至到])\d{{1,2}}岁(?:的)?(?:[^\s,。;]{{0,8}}?)(?:{_ONE_PERSON_ZH}|先生|女士|小姐|阿姨|伯伯|大爷|奶奶|爷爷)", 0.5,
       examples=("59岁陈小姐罹患糖尿病多年。", "这名8岁的患儿5岁时患上1型糖尿病。")),
    # "国内首例小儿胰岛移植", "全球首例…手术": a first case is one patient (a trial's "首例患者" yields to its cohort)
    zp("case_report__zh_first_case", r"(?:国内|国际|全国|全球|世界|亚洲|省内|本院|我院|该院|业内)(?:上)?首(?:例|位|名)(?!研究|试验|临床试验)", 0.55,
       examples=("该中心开展的国内首例小儿胰岛移植获得成功。", "她是全球首位接受自体重编程胰岛移植的1型糖尿病患者。")),
    # "the first person to be treated with …", "the first patient to receive the therapy" (a trial's first
    # patient yields to its counted cohort)
    zp("case_report__en_first_person", r"\bthe (?:world's )?first (?:person|patient|woman|man|human|individual)\b(?:[^.;]{0,50}?)\bto (?:be treated|receive|undergo|get|have)\b", 0.55,
       examples=("She is the first person with type 1 diabetes to be treated with islets made from her own reprogrammed cells.",)),
    # one person with the disease, treated: "A woman with type 1 diabetes has begun producing her own insulin after
    # receiving …", "a single patient with type 1 diabetes who received the gene-edited cells"
    zp("case_report__en_one_person", r"\b(?:a|one)\s+(?:single\s+)?(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|patient|teenager|participant|person)\s+(?:with|who|from|in (?:his|her))\b", 0.5,
       examples=("A woman with type 1 diabetes has begun producing her own insulin after receiving a transplant of reprogrammed stem cells.",
                 "The team reported results from a single patient with type 1 diabetes who received the gene-edited cells."),
       traps=("A patient with type 1 diabetes usually needs insulin for life.", "If a patient with type 2 diabetes receives the cells, the dose is weighed.")),
    zp("case_report__zh_reported", r"(?:报道|报告)了?(?:[一1]|首)例(?!研究|试验)", 0.85),
    # a case description's opening profile: "患者,男,19岁"
    zp("case_report__zh_profile", r"患者(?:[\u4e00-\u9fff]某某?)?[,,]\s*(?:男|女)性?[,,]\s*\d{1,2}岁", 0.6,
       examples=("患者李某,男,56岁,2型糖尿病病史12年,于2022年接受自体骨髓间充质干细胞移植。",)),
    # a patient named by surname and title, then the age: "陈先生今年56岁", "Mr Chen, 56, had"
    zp("case_report__zh_named", r"(?:(?<=患者)|(?<=病人)|(?<![\u4e00-\u9fff]))[\u4e00-\u9fff](?:先生|女士|小姐|阿姨|伯伯|大爷|奶奶|爷爷|老伯)(?:今年|现年|时年)?\d{1,2}岁"
                                r"|\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z]+,\s+(?:aged\s+)?\d{1,2},", 0.5,
       examples=("患者陳先生今年56歲,罹患第2型糖尿病12年,去年接受自體骨髓間充質幹細胞移植。",
                 "Mr Chen, 56, had lived with type 2 diabetes for 12 years when he received the cells."),
       traps=("各位先生女士,欢迎参加发布会。",)),
    # "医生为这名2型糖尿病患者回输了自体脂肪干细胞": this one patient, treated
    zp("case_report__zh_this_patient", rf"(?:这名|这位|该名|该位|此名|此位)(?:[^,。;:]{{0,16}}?)(?:{_ONE_PERSON_ZH})", 0.5,
       examples=("医生为这名2型糖尿病患者回输了自体脂肪干细胞。", "醫師為這位罹患第2型糖尿病12年的患者進行了自體骨髓幹細胞移植。")),
    zp("case_report__zh_this_case", r"该病例|本病例|该案例|本例患者|病例表明|案例显示|案例表明", 0.55),
    # a patient given a pseudonym ("老周(化名)", "not her real name") is a patient story: one case
    zp("case_report__pseudonym", r"[(（]\s*(?:[均皆都]?(?:为|系|是))?化名\s*[)）]|[均皆都](?:为|系|是)化名|\(\s*not (?:his|her|their) real names?\s*\)"
                                 r"|\b(?:his|her|their|whose) names? (?:has|have) been changed\b", 0.5),
    # (OCR text may lose the spaces: "The59-year-oldman,whohad …")
    zp("case_report__en_patient", r"\b(?:a|an|the|one)\s*\d{1,2}-year-old\s*(?:man|woman|male|female|patient|boy|girl)(?![a-z])|\bthis case\b|\bone patient\b(?= (?:with|who|was|received))", 0.55,
       examples=("The59-year-oldman,whohad Type2diabetesfor25years, has been weaned off insulin.",),
       traps=("Six patients responded and one patient was off insulin at 15 months.",)),
    # narrative reviews
    zp("review__zh", r"综述|研究进展|进展与展望|进展与挑战|未来方向|文献复习", 0.6),
    # "Peer-review started: ...", "review board", "review process": a journal page's furniture
    zp("review__en", r"(?<!systematic )(?<!literature )(?<!peer-)(?<!peer )\breview\b(?!ed|er|\s*(?:started|process|history|date|board|committee)\b|\s+(?:of\s+(?:endocrinology|medicine)|and reports))"
                     r"|\b(?:an?|this|brief|comprehensive|narrative|general|updated?)\s+overview\b|\boverview of\b|\bfuture directions\b|\bcurrent advances\b", 0.6,
       traps=("Published online Mar 3, 2023\nPeer-review started: November 2, 2022\nAccepted: January 9, 2023",)),
    # preclinical
    zp("preclinical__zh_animal", r"小鼠|大鼠|动物实验|动物模型|动物研究|猕猴|食蟹猴|非人灵长类|临床前", 0.7),
    zp("preclinical__en_animal", r"\bmice\b|\bmouse\b|\bmurine\b|\brats?\b|\banimal (?:models?|stud(?:y|ies)|experiments?)\b|\bpre-?clinical\b|\bnon-?human primates?\b", 0.7),
    # "体外胰岛素" is exogenous insulin, not an experiment in vitro
    zp("preclinical__in_vitro", r"(?<!自)体外(?!扩增|培养|扩|周|循环|胰岛素|注射|补充)|\bin vitro\b", 0.35,
       traps=("有望在移植后2周彻底摆脱体外胰岛素治疗。", "由于供体匮乏,需要通过干细胞技术在体外再造组织。",
              "The cells were expanded in vitro for three weeks before being infused back into the patient.")),
)

# a lower score for these weaker cues in a sentence that holds them
# "13项RCT", "多项随机对照试验", "several randomized": a count of trials (one "一项" is the study itself)
_COUNT_BEFORE = rx(ascii_boundaries(r"(?:[2-9]|\d{2,}|[二两三四五六七八九十][一二三四五六七八九十]*|多|数|几)\s*(?:项|篇|个)\s*$"
                                           r"|(?:[2-9]|\d{2,}|[二两三四五六七八九十][一二三四五六七八九十]*|多|数|几)\s*(?:项|篇)[^,。;:]{0,24}?的\s*$|\bseveral\s*$|\b(?:[2-9]|\d{2,})\s+$"), re.I)
_META_WORDS = compile_cues((r"荟萃|meta\s*分析|系统评价|系统综述|meta-?analys|systematic review",))
_CASE_TRAPS_AFTER = compile_cues((r"^(?:[^,。;]{0,12}?)(?:出现|发生|死亡|失访|脱落|退出|未)",))
_CASE_TRAPS_BEFORE = compile_cues((r"(?:其中|中有|仅|有|另|只|共|各)\s*$", r"(?:年龄|平均|aged|mean age)[^,。;]{0,6}$"))

# "不设对照组", "no control group", "尚无随机对照试验", "no randomized trial has been published":
# a negated control or randomisation is never the study's controlled design
# "Six patients (60%) were responders ... and one patient was off insulin", "one patient of the 12"
_OTHER_COUNT_EN = compile_cues((rf"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|most|some|none)\s+(?:\([^()]{{0,12}}\)\s+)?(?:[\w-]+\s+)?(?:{_PEOPLE_EN})\b",))
_OF_GROUP_AFTER = compile_cues((r"^\s*(?:of|among|in each)\b",))
# "without any randomized comparison group", "non-placebo-controlled"
# ... also with a verb between: "未采用随机分组", "没有进行随机化", "并未设置对照组"
_NEGATED_BEFORE = compile_cues((r"(?:不|未|没有|没|无|缺乏|缺少|非|并非|不是)(?:采用|采取|进行|使用|经过?|作|做|设置?|实施|开展|按)?(?:任何)?$",
                                r"\b(?:no|not|never|without|lack(?:ed|ing|s)?|absence of|not (?:include|have|use))\s+(?:(?:an?|any)\s+)?(?:(?:concurrent|parallel|placebo|formal|separate)\s+)?$"
                                r"|\bnon-?\s?$"))
# a trial that is planned, needed or under way after this one: "A randomised sham-controlled study is planned"
_PLANNED_AFTER = compile_cues((
    r"^[^,。;:]{0,30}?(?:正在(?:进行|筹备|招募|开展)|(?:将|即将|拟)(?:于|在)?[^,。;]{0,8}(?:启动|开展|开始|进行)|尚未开展|有待开展|仍在进行)",
    # still enrolling, its results awaited: "二期是随机双盲的,还在入组,结果要等2026年"
    r"^[^。;:]{0,16}?(?:还在|仍在|正在|尚在)(?:入组|招募|招人)|^[^。;:]{0,24}?结果(?:还|仍|尚)?(?:要|需|需要)等",
    r"^(?:[\w\s,-]{0,30}?\b(?:study|trial|RCT|phase\s*(?:I{1,3}|[1-3])|part|cohort)s?)?\s+(?:is|are)\s+(?:now\s+|being\s+|still\s+)?"
    r"(?:planned|needed|warranted|required|under\s*way|ongoing|recruiting)\b"
    r"|^(?:[\w\s,-]{0,30}?\b(?:study|trial|RCT)s?)?\s+(?:will|would)\s+(?:be|start|begin)\b",
))
# a trial being opened, launched or prepared now or later is another study than the one reported:
# "researchers are opening a phase 1 trial", "团队即将启动一项I期临床试验" ("launched in 2019" is past)
_LAUNCHING_BEFORE = compile_cues((
    r"(?:即将|将要|将|拟|计划|准备|正在筹备|正筹备|筹备)(?:于[^,。;]{0,8})?(?:启动|开展|开始|开启|进行|推出)[^,。;]{0,10}$",
    # colloquial: "Penang团队说2027年要做120例的RCT", "可以关注他们后续的RCT", "a future RCT", "the planned follow-up RCT"
    r"(?:要|将要|打算|准备|想)(?:再)?(?:做|搞)[^,。;]{0,12}$|(?:后续|下一步|接下来|未来|将来)的?[^,。;]{0,6}$",
    r"\b(?:future|subsequent|upcoming|planned|proposed|forthcoming)\s+(?:[\w-]+\s+){0,3}$",
    # a study someone recommends or requires: "建议纳入正在开展的多中心随机对照研究", "the FDA is requiring a registry study"
    r"(?:建议|要求)[^,。;]{0,6}?(?:开展|进行|纳入|参加|参与|补充)[^,。;]{0,10}$",
    r"\b(?:requires|requiring|recommends?|recommending)\s+(?:that\s+)?(?:an?|the)\b[^.;]{0,30}$",
    r"\b(?:(?:is|are)\s+(?:now\s+)?(?:opening|launching|planning|preparing|initiating|starting)|"
    r"(?:will|plans?\s+to|intends?\s+to|is\s+set\s+to|are\s+set\s+to)\s+(?:open|launch|start|begin|initiate|run|conduct))\b[^.;]{0,30}$",
))
LAUNCHING_FACTOR = 0.4
# "still in preclinical testing", "仍处于临床前阶段", "the Phase 3 programme": a product's development
# stage, not a study design
_STAGE_AFTER = compile_cues((r"^[\s-]*(?:研究)?(?:阶段|研发|开发|管线|候选)", r"^[\s-]*(?:testing|development|stage|phase|programs?|programmes?|pipeline|candidates?|assets?)\b"))
# the verbs of allocation ("randomly assigned", "随机分为") describe what was done, never a plan
_ALLOCATION_VERBS = frozenset({"rct__zh_assigned", "rct__en_randomly"})
# "开放标签对照研究", "open-label, controlled trial": open-label is about blinding; the control decides
_CONTROL_AFTER_OPEN = compile_cues((r"^[\s,、,-]{0,3}(?:(?:非)?随机|(?:平行)?对照)", r"^[\s,-]{0,3}(?:(?:non-?\s?)?randomi[sz]ed|controlled)\b"))
_PLURAL_META = rx(r"analyses$", re.I)
# "50只大鼠随机分为4组", "diabetic mice were randomly assigned": animals randomised or given a control
# arm make an animal experiment, whatever its arms
_ANIMALS = compile_cues((r"大鼠|小鼠|鼠|猕猴|猴|犬|猪|兔|动物|(?<![\d.])\d+\s*只|[两二三四五六七八九十百]+只(?![有要是需])",
                         r"\b(?:mice|mouse|murine|rats?|rodents?|animals?|dogs?|pigs?|swine|rabbits?|monkeys?|primates?|macaques?|canine|porcine)\b"))
_PEOPLE = compile_cues((r"患者|病人|患儿|受试者|参与者|志愿者|例|临床|人体",
                        r"\b(?:patients?|participants?|volunteers?|adults|children|people|individuals|men|women|clinical|humans?)\b"))
# "the cells were expanded in vitro", "在体外诱导分化": cells made for a patient, not an experiment
_MANUFACTURE = compile_cues((r"培养|扩增|诱导|分化|制备|再造|培育|重编程|生产|制造|构建|形成|生成",
                             r"\b(?:expand(?:ed|ing)?|cultur(?:ed|ing)|differentiat(?:ed|ing)|manufactur(?:ed|ing)|grown|grew|generat(?:ed|ing)|"
                             r"produc(?:ed|ing)|made|reprogramm\w*|matur(?:ed|ing))\b"))
_GENERIC = compile_cues((r"\b(?:usually|typically|generally|often|normally|routinely|commonly|can|could|may|might|would|will)\b",))
_CLAUSE_STOP = set(",，;；。!?！？\n:：")
# where a trial is registered is no registry study: "No ClinicalTrials.gov identifier was disclosed, and the
# trial does not appear in that registry"
_TRIAL_REGISTRY = compile_cues((r"ClinicalTrials(?:\.gov)?|\bidentifier\b|\bNCT\s?\d|ChiCTR|ISRCTN|\btrials? regist|\bregistration\b|\bregistered\b",))
TRIAL_REGISTRY_REACH = 150  # chars before the sentence
# "Systematic Reviews and Meta-Analyses" (PRISMA), "this/these meta-analyses": still the study's own
_OWN_PLURAL_BEFORE = compile_cues((r"(?:reviews\s+and|\bthese|\bthis|\bour)\s*$",))
# cues that only say a control arm exists ("control group", "sham procedure"): a randomised trial has
# one too, so they yield to a randomisation cue of the record ("double-blind, sham-controlled ... randomized")
CONTROL_ONLY = frozenset({"controlled_trial__zh_control", "controlled_trial__en_control", "controlled_trial__sham"})
CONTROL_YIELDS_TO = 0.6    # an rct hit at or above this silences the control-only cues
# "open-label" (nobody blinded) and "phase 1/2" (a development stage) say nothing about the arms:
# a stated control arm (a sham group) decides instead
ARMLESS_CUES = frozenset({"single_arm_trial__en_open", "single_arm_trial__zh_open",
                          "single_arm_trial__en_phase", "single_arm_trial__zh_phase"})
ARMLESS_YIELDS_TO = 0.45   # any stated control arm (or randomisation) of the study silences them
# the weakest cues: they decide only when the record names no other design at all
FALLBACK_PATTERNS = frozenset({"single_arm_trial__all_treated", "single_arm_trial__vs_baseline"})
COHORT_ONLY = frozenset({"single_arm_trial__vs_baseline"})   # needs a counted, treated cohort in the record
FALLBACK_MIN_OTHER = 0.4   # another design's hit at or above this silences the fallbacks
# "回顾性分析…没有设立对照组", "a retrospective series with no control group": records of treated
# patients have no control arm either; a stated observational design outranks the missing control
NO_CONTROL_CUES = frozenset({"single_arm_trial__zh_no_control", "single_arm_trial__en_no_control"})
NO_CONTROL_YIELDS_TO = 0.7  # an observational hit at or above this silences them

EVIDENCE_LABELS = frozenset({"_human", "_cohort", "_arms"})
# broad cues that match at every person or comparison of a long text: a few hits say all they can
FEW_HITS_ENOUGH = frozenset({"case_report__en_one_person", "case_report__zh_this_patient", "case_report__zh_named",
                             "single_arm_trial__vs_baseline", "single_arm_trial__all_treated"})
FEW_HITS_MAX = 3
FEW_HITS_TRIED = 20       # matches examined per span: a cue that fails twenty times is not the record's
PRECLINICAL_WITH_PATIENTS = 0.3   # an animal cue in a record whose patients were treated: background
# the cues that only say one patient is described (not "病例报告"/"case report"): in a record that
# counts four or more treated participants, that patient is one of the cohort
ONE_PATIENT_CUES = frozenset({"case_report__en_one_treated", "case_report__zh_one_patient", "case_report__zh_age", "case_report__zh_few_patients",
                              "case_report__en_few_patients", "case_report__zh_first_case",
                              "case_report__zh_profile", "case_report__pseudonym", "case_report__en_patient",
                              "case_report__zh_this_patient", "case_report__zh_named", "case_report__en_first_person",
                              "case_report__en_one_person"})
ONE_PATIENT_IN_COHORT = 0.4
FEW_PATIENT_CUES = frozenset({"case_report__zh_few_patients", "case_report__en_few_patients"})
TRIAL_LABELS = frozenset({"rct", "controlled_trial", "single_arm_trial"})
FEW_YIELD_TO = 0.4

# when two labels tie, the more specific description wins
DESIGN_PRIORITY: tuple[str, ...] = (
    "meta_analysis", "case_report", "rct", "controlled_trial", "single_arm_trial",
    "observational", "review", "preclinical",
)


_MENU_SEP = rx(r"\s*[|·•»›>]\s*|\s{2,}")
MENU_MIN_ITEMS = 5
MENU_ITEM_MAX = 24        # chars of one menu item
MENU_LINE_MAX = 240


def in_menu_line(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a site-menu line: five or more short items, no digits, no sentence."""
    bounds = line_around(text, pos, MENU_LINE_MAX)
    line = text[bounds[0]:bounds[1]].strip() if bounds else ""
    if not line or len(line) >= MENU_LINE_MAX or re.search(r"[\d。,,;.:：]", line):
        return False
    items = [i for i in _MENU_SEP.split(line) if i]
    return len(items) >= MENU_MIN_ITEMS and all(len(i) <= MENU_ITEM_MAX and len(i.split()) <= 3 for i in items)


# a site's path to the page or its labels: "首页 > 病例报告 > 糖尿病", "当前位置: 首页 > 综述", "Tags: meta-analysis",
# "栏目:综述与述评" name the site's sections, not the study's design
_BREADCRUMB_SEP = rx(r"\s*[»›>]\s*|\s+/\s+")
_PAGE_LABEL = rx(r"^\s*(?:当前位置|您的位置|您现在的位置|位置|标签|栏目|分类|频道|专题|Tags?|Categor(?:y|ies)|Section|Filed under|Topics?|You are here)\s*[:：]", re.I)
BREADCRUMB_MIN_ITEMS = 3
BREADCRUMB_LINE_MAX = 120


def in_page_path_line(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a breadcrumb ("首页 > 病例报告 > 糖尿病") or a label line ("Tags: …", "栏目:…")."""
    bounds = line_around(text, pos, BREADCRUMB_LINE_MAX)
    line = text[bounds[0]:bounds[1]].strip() if bounds else ""
    if not line or len(line) >= BREADCRUMB_LINE_MAX or re.search(r"[。;!?]", line):
        return False
    if _PAGE_LABEL.match(line):
        return True
    items = [i for i in _BREADCRUMB_SEP.split(line) if i]
    return len(items) >= BREADCRUMB_MIN_ITEMS and all(len(i) <= 30 for i in items)


def _clause(text: str, start: int, end: int, s: int, e: int) -> tuple[int, int]:
    """The clause around [start, end) within the sentence [s, e): bounded by commas, semicolons, colons."""
    cs = start
    while cs > s and text[cs - 1] not in _CLAUSE_STOP:
        cs -= 1
    ce = end
    while ce < e and text[ce] not in _CLAUSE_STOP:
        ce += 1
    return cs, ce


class DesignExtractor(FieldExtractor):
    """Design words scored by their sentence: the study's own description outranks background."""

    name = "design"
    field = "design"
    patterns = DESIGN_PATTERNS

    def find(self, span: Span) -> list[Hit]:
        """The design cues of the span, and the first valid evidence hit of each evidence pattern.

        Evidence only has to exist once per span (``decide`` asks whether, not how often), so a long
        text with hundreds of counted patients costs one validated hit per evidence pattern.
        """
        hits: list[Hit] = []
        present = span_literals(span, self.patterns)
        for pat in self.patterns:
            if not may_match_in(pat.literals, present):
                continue  # none of the pattern's required words is in the span
            evidence = pat.name.split("__", 1)[0] in EVIDENCE_LABELS
            few = pat.name in FEW_HITS_ENOUGH
            n_found = 0
            for n_tried, m in enumerate(span.matches(pat, present), 1):
                found = [c for h in self.parse(m, pat, span) if (c := self.validate(h, span)) is not None]
                hits.extend(found)
                n_found += len(found)
                if (evidence and found) or (few and (n_found >= FEW_HITS_MAX or n_tried >= FEW_HITS_TRIED)):
                    break
        return hits

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        label = pattern.name.split("__", 1)[0]
        text = span.doc.view
        start, end = m.start(), m.end()
        if in_journal_name(text, start):
            return []
        if label in EVIDENCE_LABELS:
            return [self.hit({"value": label}, start, end, pattern)]
        score = context_score(text, start, end, span.start, span.end, pattern.score)
        h = self.hit({"value": label}, start, end, pattern, score=score)
        return [h]

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        text = span.doc.view
        label = hit.value["value"]
        s, e = sentence_bounds(text, hit.start, hit.end, span.start, span.end)
        before = text[max(s, hit.start - 25):hit.start]
        if label in EVIDENCE_LABELS:
            return self._evidence(hit, text, s, e)
        if in_menu_line(text, hit.start):
            return None  # "Home | News | Reviews | Case Reports | Contact": a site menu, no study's design
        if in_page_path_line(text, hit.start):
            return None  # "首页 > 病例报告 > 糖尿病", "Tags: meta-analysis": the site's sections
        if label in ("rct", "controlled_trial"):
            # "13项RCT", "需要更多随机对照试验", "a meta-analysis of RCTs": about other trials
            if _COUNT_BEFORE.search(text[max(s, hit.start - 40):hit.start]):
                return None
            if FUTURE_CUES.search(before) or _META_WORDS.search(text, s, e):
                return None
            if hit.pattern not in _ALLOCATION_VERBS and _PLANNED_AFTER.search(text[hit.end:e]):
                return None
        if label in ("rct", "controlled_trial") and _NEGATED_BEFORE.search(text[max(s, hit.start - 20):hit.start]):
            return None  # "不设对照组", "with no control group", "no randomized trial has been published"
        # "similar to that reported in meta-analyses": a plural design noun is other studies
        if label == "meta_analysis" and _PLURAL_META.search(text[hit.start:hit.end]) and not _OWN_PLURAL_BEFORE.search(before):
            return None
        if (label == "preclinical" or hit.pattern.endswith("_phase")) and _STAGE_AFTER.search(text[hit.end:hit.end + 16]):
            return None
        if _LAUNCHING_BEFORE.search(text[max(s, hit.start - 60):hit.start]):
            hit.score = round(hit.score * LAUNCHING_FACTOR, 4)
        if hit.pattern.endswith("_open") and _CONTROL_AFTER_OPEN.search(text[hit.end:e]):
            return None
        if hit.pattern in ("case_report__zh_few_patients", "case_report__en_few_patients"):
            # a few patients make a case series only when they are the ones treated
            around = text[max(s, hit.start - 30):hit.start] + " " + text[hit.end:e]
            if not _TREATED.search(around) or _OTHER_COUNT_EN.search(text, s, hit.start) or re.search(r"\d+\s*(?:例|名|位)", text[s:hit.start]):
                return None
        if hit.pattern in ("case_report__zh_one_patient", "case_report__zh_age", "case_report__zh_few_patients"):
            if _CASE_TRAPS_BEFORE.search(text[max(s, hit.start - 8):hit.start]):
                return None
            if _CASE_TRAPS_AFTER.search(text[hit.end:min(e, hit.end + 14)]):
                return None
        if hit.pattern == "case_report__en_one_person" and (_GENERIC.search(text, s, e) or not _TREATED.search(text, s, e)
                                                            or re.search(r"\b(?:if|when|whether|each|every|any)\b", text[s:hit.start], re.I)
                                                            or _OTHER_COUNT_EN.search(text, s, e)):
            return None  # a generic or conditional patient, or one of a counted group
        if hit.pattern == "case_report__en_one_treated" and _GENERIC.search(text, s, hit.end):
            return None  # "Islets are usually infused into the liver of a recipient": how it is done, not who
        if hit.pattern == "case_report__zh_this_patient" and not _TREATED.search(text, s, e):
            return None  # "这位患者今年45岁": a profile; the case is the patient treated
        if hit.pattern == "case_report__en_patient" and text[hit.start:hit.end].lower().startswith("one") and (
                _OTHER_COUNT_EN.search(text, s, hit.start) or _OF_GROUP_AFTER.search(text[hit.end:min(e, hit.end + 20)])):
            return None  # "six patients responded and one patient was off insulin": one of a group
        if hit.pattern == "observational__en" and re.search(r"trials?\s*$|clinical\s*$", before, re.I):
            return None  # "Clinical Trial Registry" is where a trial is registered, not a design
        if hit.pattern == "observational__en" and "registr" in text[hit.start:hit.end].lower() and _TRIAL_REGISTRY.search(
                text, max(span.start, s - TRIAL_REGISTRY_REACH), e):
            return None
        if hit.pattern == "preclinical__in_vitro":
            cs, ce = _clause(text, hit.start, hit.end, s, e)
            if _MANUFACTURE.search(text, cs, ce):
                return None  # "expanded in vitro", "在体外诱导分化": the manufacture of a patient's cells
        if label in ("rct", "controlled_trial") and _ANIMALS.search(text, s, e) and not _PEOPLE.search(text, s, e):
            hit.value = {"value": "preclinical"}  # "40只小鼠随机分为两组": an animal experiment with arms
        if label == "review" and re.search(r"文献复习", text[hit.start:hit.end]):
            hit.score = min(hit.score, 0.3)  # "一例报告并文献复习": the review is an appendix
        return hit

    @staticmethod
    def _evidence(hit: Hit, text: str, s: int, e: int) -> Optional[Hit]:
        """A "_human"/"_cohort" hit counts when its sentence treats (or plans to treat) the people."""
        if hit.value["value"] == "_arms":
            return hit
        if background_before(text, max(s, hit.start - 30), hit.start):
            return None  # "此前该院已为20名患者…", "previous studies in 40 patients"
        around = text[s:hit.start] + " " + text[hit.end:e]
        if not _TREATED.search(around) and not _TREATED.search(text, hit.start, hit.end):
            return None  # a count of people with nothing done to them: epidemiology, a make-up
        if hit.value["value"] == "_human" and (FUTURE_CUES.search(text, max(s, hit.start - 30), hit.start)
                                              or _PLANNED.search(text, max(s, hit.start - 30), hit.start)):
            return None  # "one patient will receive": nobody has been treated yet
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """One label: highest score, then most mentions, then ``DESIGN_PRIORITY``; fallbacks last.

        The evidence hits reweigh the cues first: treated people make animal and in-vitro cues
        background; a counted cohort makes a single patient (its first, a story) part of the trial.
        """
        humans = any(h.value["value"] in ("_human", "_cohort") for h in hits)
        cohort = any(h.value["value"] == "_cohort" for h in hits)
        arms = any(h.value["value"] == "_arms" for h in hits)
        hits = [h for h in hits if h.value["value"] not in EVIDENCE_LABELS and ((cohort and not arms) or h.pattern not in COHORT_ONLY)]
        if humans:
            hits = [h for h in hits if h.pattern != "preclinical__in_vitro"]
            if cohort:
                # a counted, treated cohort is no animal study: its mice are the team's earlier work
                hits = [h for h in hits if h.value["value"] != "preclinical"]
            for h in hits:
                if h.value["value"] == "preclinical":
                    h.score = round(h.score * PRECLINICAL_WITH_PATIENTS, 4)
        # two or three patients in a named trial ("The phase 1 study ... three patients") are its cohort
        if any(h.value["value"] in TRIAL_LABELS and h.score >= FEW_YIELD_TO for h in hits):
            hits = [h for h in hits if h.pattern not in FEW_PATIENT_CUES]
        if cohort:
            # demoted, not dropped: a patient story told in full inside an ongoing project ("该项目已
            #入组患者26例") is still the case the article reports, when nothing names a trial design
            for h in hits:
                if h.pattern in ONE_PATIENT_CUES:
                    h.score = round(h.score * ONE_PATIENT_IN_COHORT, 4)
        if not hits:
            return []
        # "临床研究"/"all patients received" only stand in for a design the record does not name
        if any(h.pattern not in FALLBACK_PATTERNS and h.score >= FALLBACK_MIN_OTHER for h in hits):
            hits = [h for h in hits if h.pattern not in FALLBACK_PATTERNS]
        if any(h.value["value"] == "rct" and h.score >= CONTROL_YIELDS_TO for h in hits):
            hits = [h for h in hits if h.pattern not in CONTROL_ONLY]
        if any(h.value["value"] in ("rct", "controlled_trial") and h.score >= ARMLESS_YIELDS_TO for h in hits):
            hits = [h for h in hits if h.pattern not in ARMLESS_CUES]
        if any(h.value["value"] == "observational" and h.score >= NO_CONTROL_YIELDS_TO for h in hits):
            hits = [h for h in hits if h.pattern not in NO_CONTROL_CUES]
        by_label: dict[str, list[Hit]] = defaultdict(list)
        for h in hits:
            by_label[h.value["value"]].append(h)

        def key(label: str) -> tuple[float, int, int]:
            group = by_label[label]
            best = max(h.score for h in group)
            prio = DESIGN_PRIORITY.index(label) if label in DESIGN_PRIORITY else len(DESIGN_PRIORITY)
            return (-best, -len(group), prio)

        label = sorted(by_label, key=key)[0]
        best = sorted(by_label[label], key=lambda h: (-h.score, h.start))[0]
        return [best]


EXTRACTOR = DesignExtractor()
