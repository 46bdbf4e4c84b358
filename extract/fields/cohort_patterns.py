"""Cohort sizes, the named patterns: each reads one construction of a count (a total, an arm, the
number of included studies); ``PATTERN_ROLE`` gives the role each pattern reads and the sets below
group the patterns whose hits the extractor treats alike.
"""
from __future__ import annotations

from .base import Pattern
from ..numbers import EN_NUMBER
from .cohort_lexicon import (BREAKDOWN_LABEL, CELL_PROCEDURE_ZH, DOSE_LEVEL_EN, DOSE_LEVEL_ZH, EN_ALLOC, EN_GROUP_WORDS, EN_MOD, EN_NUM,
                             EN_PERSON, LIST_ALLOC, LIST_ITEM_EQ, LIST_ITEM_N, ZH_ALLOC, ZH_APPROX, ZH_CLASSIFIER, ZH_GROUP,
                             ZH_MOD, ZH_NUM, ZH_PERSON)

P = Pattern
# a group's name of letters only (no digits), not a unit or a sex
_LETTER_LABEL = (r"(?!(?:years?|yrs?|months?|weeks?|days?|kg|mg|cm|mmol|men|women|males?|females?|boys|girls|男|女|岁|歲)\b)"
                 r"[A-Za-z\u4e00-\u9fff][A-Za-z\-\u4e00-\u9fff]*(?:\s+[A-Za-z][A-Za-z\-]*)?")
# what some of a cohort received again is no group ("two received a second infusion and one a third")
NOT_A_FURTHER_DOSE = r"(?!(?:a|an|the)\s+(?:second|third|fourth|further|repeat|booster|additional|extra)\b)"

PATTERNS: tuple[Pattern, ...] = (
    # ---- totals ----
    P("zh_total_enrolled",
      r"(?:共纳入|共納入|纳入|納入|入组|入組|招募|募集|选取|選取|选择|選擇|共有|共计|共計|总计|總計|涉及|"
      r"收治|连续|連續|研究了|观察了|觀察了|随机分配|隨機分配|随机纳入|隨機納入)(?:了|共|的|的是)?\s*(?P<n>" + ZH_NUM + r")" + ZH_APPROX + r"\s*(?:例|名|位|人"
      # "入组了24个2型糖尿病患者": 个 counts persons only when the person noun follows
      r"|(?:个|個)(?=\s*(?:[12一二]\s*型)?(?:糖尿病)?" + ZH_PERSON + r"))"
      r"(?!\s*中)", 0.95,
      examples=("该研究共纳入120例2型糖尿病患者。", "該院共納入200餘例第2型糖尿病患者。", "研究计划入组36名1型糖尿病患者。"),
      traps=("1893-2005年全世界共有1154名患者接受胰岛移植。", "医院计划招募60名患者。")),
    P("zh_total_person_count",
      r"(?:纳入|納入|入组|入組|入选|入選|招募|募集|涉及|收治|研究|观察|觀察|本组|本組|全部|共有|总共|總共|一共)(?:了|的)?\s*" + ZH_PERSON
      + r"\s*(?:共|共计|共計|总计|總計|合计|合計|总数|總數|人数|人數)?\s*(?:为|為|有|达|達)?\s*(?P<n>" + ZH_NUM
      + r")" + ZH_APPROX + r"\s*(?:例|名|位|人)(?!\s*中)", 0.9),
    # "选取…就诊的胰岛素治疗T2DM患者52例": an enrolment verb, the description, the person noun, the count
    P("zh_total_clause",
      r"(?:选取|選取|选择|選擇|纳入|納入|入选|入選|收集|招募|募集|连续|連續|回顾性分析|回顧性分析)(?:了)?"
      r"(?:(?!\d+\s*(?:例|名|位|人))[^,，。;；:：\n]){0,80}?" + ZH_PERSON + r"\s*(?:共|共计|共計)?\s*(?P<n>" + ZH_NUM
      + r")" + ZH_APPROX + r"\s*(?:例|名|位|人)(?!\s*中)", 0.9),
    # "共48例完成随访": a bare total; unlike the enrolment verbs it may still be an outcome count
    P("zh_total_gong",
      r"(?<![总總一统統])共\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)(?:患者|受试者|受試者|病例)?(?!\s*中)", 0.85),
    # procedures counted for their patients: "1999年至2010年共尝试过677例胰岛移植手术", "完成了30例干细胞移植",
    # "677 islet transplants were performed" (a registry's or a series' procedures; organs are not cells)
    P("zh_total_procedures",
      r"(?:尝试|嘗試|进行|進行|完成|实施|實施|开展|開展|施行|分析|回顾|回顧)(?:过|過|了|的)?\s*(?P<n>" + ZH_NUM + r")\s*例"
      + CELL_PROCEDURE_ZH + r"(?:手术|手術)?", 0.85,
      examples=("根据注册中心的数据,1999年至2010年共尝试过677例胰岛移植手术。", "該院共進行123例自體胰島細胞移植。",
                "该院共完成30例干细胞移植治疗糖尿病。", "根據登錄資料分析1990-1999年間進行的237例人體胰島移植。",
                "研究回顾性分析了45例自体干细胞移植治疗1型糖尿病的资料。"),
      traps=("该院已完成300例肝移植手术。", "共进行了3次干细胞输注。")),
    P("en_total_procedures",
      r"(?P<n>" + EN_NUM + r")\s+(?:[\w\-]+\s+){0,2}?(?:islet|cell|stem[\s\-]cell)(?:[\s\-](?:cell|graft))?\s+(?:transplants|"
      r"transplantations|transplant\s+procedures)\s+(?:were|had\s+been|have\s+been)\s+(?:performed|carried\s+out|done|"
      r"attempted|conducted|reported)\b(?!\s+(?:in|for|on)\s+(?:each|every|all|the\s+same)\b|\s+per\b)", 0.85,
      examples=("Between 1999 and 2010, 677 islet transplants were performed.",),
      traps=("Two islet transplants were performed in each patient.",)),
    # procedures of two kinds counted side by side are the groups: "共进行1233例自体胰岛细胞移植及1520例异体胰岛细胞移植"
    P("zh_procedure_pair",
      r"(?P<n>" + ZH_NUM + r")\s*例(?P<l1>" + CELL_PROCEDURE_ZH + r")(?:手术|手術)?\s*(?:及|和|与|與|、|以及)\s*"
      r"(?P<n2>" + ZH_NUM + r")\s*例(?P<l2>" + CELL_PROCEDURE_ZH + r")", 0.85,
      examples=("根據登錄的報告,自1999至2020年全世界共進行1233例自體胰島細胞移植及1520例異體胰島細胞移植。",),
      traps=("该院完成30例干细胞移植和2例肝移植。",)),
    # the animals of a preclinical study, randomised into its groups: "50只STZ诱导的SD大鼠随机分为4组", "Forty diabetic
    # mice were randomly divided into four groups" (a count of animals anywhere else is no cohort: see ANIMALS)
    P("animals_randomized",
      r"(?P<n>" + ZH_NUM + r")\s*只(?:[^,，。;；\n\d()（）]|[(（][^()（）\n]{0,40}[)）]|\d(?!\s*只)){0,40}?"
      r"(?:大鼠|小鼠|鼠|猴|犬|猪|豬|兔)[^,，。;；\n]{0,6}?"
      r"(?:随机|隨機)?(?:分为|分為|分成|均分为|均分為)"
      r"|(?P<n2>" + EN_NUM + r")\s+(?:[\w\-]+\s+){0,4}?(?:mice|rats|monkeys|pigs|dogs|rabbits|animals)\s+(?:were\s+)?"
      r"(?:randomly\s+|equally\s+)?(?:divided|assigned|allocated|randomi[sz]ed|split)\b", 0.8,
      examples=("方法: 50只链脲佐菌素(streptozotocin, STZ)诱导的SD大鼠随机分为4组移植于肾包膜下。",
                "Forty diabetic mice were randomly divided into four groups."),
      traps=("团队此前在20只小鼠中验证了该方法。",)),
    # "(1999年至2002年,214例)": a count closing a labelled bracket; a size only as a part of the total its
    # siblings add up to (see cohort.PARTITION_ONLY): "早期(…,214例)…中期(…,255例)…近期(…,208例)"
    P("zh_bracket_count",
      r"[(（][^()（）\n]{1,30}?[,，、:：]\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|人)\s*[)）]", 0.8),
    # "一項24人的小型先導研究", "a 24-patient pilot study": the size of a study stated as its attribute
    P("zh_total_study_size",
      r"(?P<n>" + ZH_NUM + r")\s*(?:人|例|名)(?:患者|受试者|受試者)?的[^,，。;；\n]{0,10}?(?:研究|试验|試驗|队列|隊列)", 0.85),
    P("en_total_study_size",
      r"\b(?P<n>\d{1,5})-(?:patient|participant|person|subject|people)\s+(?:[\w\-]+\s+){0,3}?"
      r"(?:study|trial|cohort|pilot|series)\b", 0.85),
    # a registry record's or a filing's enrolment field, its value after a colon or on the next line:
    # "Enrollment (Actual): 66", "Study Participants\n\n    30", "Target sample size: 60", "样本量:60例",
    # "受試者收納人數:10人" (a target enrolment is the registered trial's stated size; see REGISTRY_FIELD_PATTERNS)
    P("registry_enrollment",
      r"(?:\b(?:(?:Actual|Estimated|Anticipated|Target|Planned|Total)\s+)?(?:Enrol(?:l)?ment|Sample\s+Size)\b"
      r"|\bStudy\s+Participants\b|\bNumber\s+of\s+(?:Participants|Subjects|Patients)\b"
      r"|(?:实际|實際|计划|計劃|計畫|预计|預計|目标|目標)?(?:入组|入組|收纳|收納|收案|招募)(?:人数|人數|例数|例數)"
      r"|(?:受试者|受試者)(?:收纳|收納|收案|入组|入組)?(?:人数|人數|例数|例數)|样本量|樣本量|样本含量|樣本含量)"
      r"(?:[ \t]*[(（][^()（）\n]{1,20}[)）])?(?:[ \t]*[:：|]){0,2}\s{0,12}?"
      r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})(?![\d.\-–/])(?=[ \t]*(?:participants|patients|subjects|人|例|名|$|[\n|。;；,，(（]))", 0.9,
      examples=("Study Participants\n\n    30\nThis study is a randomized trial.", "Enrollment (Actual): 66",
                "Target sample size: 60", "样本量:60例", "(6)試驗計劃受試者收納人數:10人。",
                "Estimated Enrollment : | 50 participants |"),
      traps=("Enrollment was November 2003-July 2006.", "Sample size was calculated from a 0.5% difference.",
             "入组人数较少。")),
    # a registry results page's participant flow: the STARTED row gives each arm (one column per arm; the cells
    # separated by spaces, tabs or a flattened table's "|")
    P("registry_flow_started",
      r"(?m)^[ \t|]*STARTED[ \t|]+(?P<n>\d{1,5})[ \t|]+(?P<n2>\d{1,5})(?:[ \t|]+(?P<n3>\d{1,5}))?[ \t|]*$"
      # the same row inline: "Started: UC-MSC 60, Placebo 60." (arm labels start with a letter)
      r"|\b(?:STARTED|Started)\s*:\s*[A-Za-z][\w+\-/ ]{0,30}?\s(?P<n_i>\d{1,5})\s*[,;]\s*[A-Za-z][\w+\-/ ]{0,30}?\s"
      r"(?P<n2_i>\d{1,5})(?:\s*[,;]\s*[A-Za-z][\w+\-/ ]{0,30}?\s(?P<n3_i>\d{1,5}))?(?![\d.,]\d)", 0.85,
      examples=("Participant Flow\n | Cohort A | Cohort B\nSTARTED | 3 | 9\nCOMPLETED | 3 | 8",
                "Participant Flow\nSTARTED\t20\t20\nCOMPLETED\t19\t18"),
      traps=("STARTED | 3 | 9 | 12 | 15 | 18",)),
    # "38 were enrolled", "17 had been dosed": the person noun left out
    P("en_total_elliptic",
      r"(?<![\w.,])(?P<n>" + EN_NUM + r")\s+(?:were|had\s+been|have\s+been)\s+(?:enrolled|randomi[sz]ed|included|dosed|"
      r"infused|transplanted|randomly\s+(?:assigned|allocated))\b", 0.85),
    # "Of the 120 randomized participants, 112 completed the week 52 visit": the completers of the whole cohort
    # (on one line: "STARTED | 3 | 9\nCOMPLETED month 12 | 3 | 8" is a table's last cell, then the next row's label)
    P("en_total_completed",
      r"(?<![\w.,])(?P<n>" + EN_NUM + r")[^\S\n]+(?:completed|finished)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
      r"(?:study|trial|follow-?up|visit|weeks?|months?|years?|treatment)\b", 0.8),
    # "在114名完成试验的患者中": the completers of the whole trial, as the denominator of what follows
    P("zh_total_completers",
      r"(?P<n>" + ZH_NUM + r")\s*(?:例|名|位)(?:[^,，。;；\n\d]{0,8}?)完成了?(?:试验|試驗|研究|随访|隨訪|治疗|治療|评估|評估)"
      r"[^,，。;；\n\d]{0,6}?的?" + ZH_PERSON + r"\s*(?:中|之中|当中|當中)", 0.9),
    # "在完成研究的112名病人中": the same, the completion said before the count
    P("zh_total_completers_before",
      r"(?:在|于|於)\s*完成了?(?:试验|試驗|研究|随访|隨訪|治疗|治療|评估|評估)的\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位)"
      + ZH_PERSON + r"?\s*(?:中|之中|当中|當中)", 0.9),
    # "团队在18名患者中完成了I期试验", "在30例患者中静脉输注": what the researchers did in a count of patients
    P("zh_total_in_cohort",
      r"(?:在|于|於)\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位)(?P<np>(?:[^,，。;；\n\d]|[12]\s*型){0,20}?)" + ZH_PERSON
      + r"\s*(?:中|身上)\s*(?:(?:静脉|靜脈|皮下|分别|分別|先后|先後|共|均)\s*){0,2}(?:完成|开展|開展|进行|進行|实施|實施|输注|輸注|注射|移植|回输|回輸|"
      r"应用|應用|使用|给予|給予|治疗|治療|验证|驗證|评估|評估|测试|測試)", 0.9),
    # "42个病人全部有效", "3例均停用胰岛素": all of a count, the whole cohort (a part is opened by 其中/另, and a
    # larger count in the mention makes it a part too)
    P("zh_total_all",
      r"(?P<n>" + ZH_NUM + r")\s*(?:(?:例|名|位|个|個)" + ZH_PERSON + r"|(?:例|名|位|人)" + ZH_PERSON
      + r"?)\s*(?:全部|全都|均)", 0.85),
    # a pipe-table cell that starts with a count ("| 24例;各剂量组…", "| 首批6例;"): that row's sample size
    P("zh_total_table_cell",
      r"(?:(?<=\|)|(?<=\|\s)|(?<=\|\s\s))(?:首批|共|入组|入組|共入组|共入組)?\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)\s*(?=[;；,，|]|$)", 0.85),
    P("zh_total_noun",
      r"(?P<n>" + ZH_NUM + r")" + ZH_APPROX + r"\s*" + ZH_CLASSIFIER + ZH_MOD + r"{0,30}?" + ZH_PERSON, 0.7,
      examples=("研究团队为30例2型糖尿病患者输注了干细胞。", "該院為24名第一型糖尿病病童進行幹細胞治療。",
                "该院已为200余例2型糖尿病患者实施干细胞移植。", "30多名第1型糖尿病患者接受了幹細胞治療。"),
      traps=("27例一次插管成功,3例插管失败的患者改行球囊辅助灌注。", "第一例是一名52岁女性,治疗后停用胰岛素。",
             "其中3名患者出现发热。")),
    # persons counted with the general classifier 个, the noun right after it (Cantonese and spoken Chinese:
    # "成个研究有42个细路", "20个孩子参加了试验"; never "3个月")
    P("zh_total_ge",
      r"(?P<n>" + ZH_NUM + r")\s*(?:个|個)\s*(?:" + ZH_PERSON + r"|细路|細路|小朋友|孩子|小孩|病人)", 0.65,
      examples=("成個研究有42個細路,抽籤分組。", "一共有20个孩子参加了这项试验。"),
      traps=("治疗3个月后糖化血红蛋白下降。",)),
    # "2型糖尿病患者32例随机分为两组": the person noun, then the count, then what was done with the cohort
    P("zh_total_noun_count",
      r"(?<![\d例名位组組])" + ZH_PERSON + r"\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名)(?=\s*[,，]?\s*(?:随机|隨機|分为|分為|分成|纳入|納入|"
      r"入组|入組|接受|均|作为|作為|进行|進行|按|根据|根據))", 0.75,
      examples=("2型糖尿病患者32例随机分为两组,每组16例。", "第2型糖尿病患者40例接受幹細胞治療。"),
      traps=("治疗组患者15例均达标。",)),
    # the disease standing for its patients: "脐带干细胞治疗180名2型糖尿病的真实世界数据", "收治了45例糖尿病足"
    P("zh_total_disease_noun",
      r"(?P<n>" + ZH_NUM + r")\s*(?:例|名|位)\s*(?:(?:[12一二]|I{1,2}|Ⅰ|Ⅱ|第\s*[12一二])\s*型)?\s*(?:糖尿病|糖尿病足)"
      r"(?!\s*(?:酮症|并发症|併發症|视网膜|視網膜|肾病|腎病|患者|病人|病友))", 0.7,
      examples=("脐带干细胞治疗180名2型糖尿病的真实世界数据公布。", "醫院以幹細胞治療了36例第2型糖尿病。"),
      traps=("发生3例糖尿病酮症酸中毒。", "全国有1.4亿名糖尿病人。")),
    # a count of persons as the denominator of what follows: "11例受试者中有8例", "12名入组患者中有10人"
    P("zh_total_denominator",
      r"(?P<n>" + ZH_NUM + r")\s*(?:例|名|位)(?P<np>" + ZH_MOD + r"{0,12}?)" + ZH_PERSON
      + r"\s*(?:中|之中|当中|當中)\s*(?:有|共有|共)?\s*" + ZH_NUM + r"\s*(?:例|名|位|人)", 0.85,
      examples=("随访满一年时,11例受试者中有8例(8/11)不再依赖胰岛素。", "12名入組患者中有10人在一年內不再需要注射胰島素。"),
      traps=("在11例停用胰岛素的患者中有2例重新使用胰岛素。", "治疗组20例患者中有15例达标。")),
    P("en_total_enrolled",
      r"\b(?:enrolled|enrolling|recruited|recruiting|randomi[sz]ed|included|including|involved|involving|"
      r"studied|treated|analy[sz]ed|comprised|comprising|total of|cohort of|sample of|series of|"
      r"study of|trial of|trial in|study in|data from|data on)\s+(?:(?:approximately|about|nearly|over|"
      r"more than|some|all)\s+)?(?P<n>" + EN_NUM + r")\s+" + EN_MOD + EN_PERSON, 0.95),
    P("en_total_passive",
      r"(?P<n>" + EN_NUM + r")\s+" + EN_MOD + EN_PERSON + r"\s+(?:were|was|have been|had been)\s+"
      r"(?:\w+\s+)?(?:enrolled|recruited|randomi[sz]ed|included|treated|assigned|allocated|analy[sz]ed|"
      r"studied|followed|dosed|infused|transplanted)", 0.95),
    # a participant counting the cohort: "There are sixteen of us in total", "all 16 of us got the cells"
    P("en_total_of_us",
      r"\b(?:there\s+(?:are|were)\s+|all\s+)(?P<n>" + EN_NUM + r")\s+of\s+us\b", 0.85,
      examples=("What the study is: a phase 1/2 trial of islet cells. There are sixteen of us in total.",
                "All 16 of us got one infusion of the cells in the trial."),
      traps=("Two of us went to the clinic together.",)),
    # "One patient was treated conventionally as a control": one of a partition of the cohort (kept only as such)
    P("en_one_allocated",
      r"\b(?P<n>one|1)\s+(?:patient|participant|subject|child|adult)\s+(?:was|had\s+been)\s+(?:\w+\s+)?(?:treated|assigned|"
      r"allocated|randomi[sz]ed|given|transplanted|infused)\b", 0.8,
      examples=("Three patients were enrolled. Two patients were treated with cells. One patient was treated with insulin.",)),
    P("en_total_denominator",
      r"\b" + EN_NUM + r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?P<n>" + EN_NUM + r")\s+" + EN_MOD
      + EN_PERSON, 0.9),
    P("en_total_noun", r"(?P<n>" + EN_NUM + r")\s+" + EN_MOD + EN_PERSON, 0.6,
      examples=("Forty patients with type 2 diabetes received umbilical cord MSC.",
                "Thirteen studies were eligible, encompassing 507 patients."),
      traps=("Accepted: January 9, 2023\nForty-two received cells.", "The cells were studied in a 25 year-old women.",
             "Six patients (60%) were responders at 15 months.", "The other two patients cut their insulin by half.",
             "In all, 30 were treated. Nineteen patients completed the protocol.",
             "In all, 40 were treated; six patients with neuropathy required surgery.",
             "In my clinic I have maybe four hundred people with type 1 diabetes.")),
    # a Chinese case report's title ends with its count: "脐带间充质干细胞治疗2型糖尿病合并足溃疡1例(报告)"
    P("zh_case_title",
      r"(?<![^\n])[^\n。;；!?！？]{6,60}?[\u4e00-\u9fff)）](?P<n>1|一)\s*例(?:报告|報告|报道|報道)?"
      r"(?:\s*(?:并|並|及)\s*(?:文献|文獻)(?:复习|複習|回顾|回顧))?[ \t]*(?=\n|$)", 0.9),
    P("en_single_case",
      r"\b(?:a|one)\s+(?P<age>\d{1,3}|" + EN_NUMBER + r")[- ]year[- ]old\s+(?:\w+\s+){0,2}?(?:man|woman|male|female|boy|"
      r"girl|patient|person|child|adolescent|teenager|women|men)\b", 0.6,
      examples=("We describe a 47-year-old man who received islet cells.", "The trial has one patient, a forty-three-year-old "
                "man with type 1 diabetes.", "The cells were studied in a 25 year-old women with type 1 diabetes."),
      traps=("Patients were 45-year-old on average.",)),
    # "The study has one patient", "we report a single patient": a study of one
    P("en_one_patient",
      r"\b(?:has|had|have|enrolled|included|treated|describes?|described|reports?|reported|involving|involved|"
      r"concerns?)\s+(?:only\s+)?(?P<n>one|a\s+single|1)\s+(?:patient|participant|subject|person|individual|recipient|"
      r"volunteer)\b", 0.6,
      examples=("The study has one patient, a man diagnosed at the age of four.", "We report a single patient with "
                "type 1 diabetes."),
      traps=("Fever occurred in one patient.", "One patient developed a rash.")),
    # one patient described by the disease, the object of what the study did: "transplantation of islet cells into
    # the forearm of one patient with type 1 diabetes", "data from a single patient with T1D"
    P("en_one_patient_with",
      r"\b(?:of|in|to|into|for|from|on|involving|involved|enrolled|treated|included)\s+(?:only\s+)?(?P<n>one|a\s+single)\s+"
      r"(?:patient|participant|person|individual|recipient|man|woman|adult|child)\s+(?:with|who\s+has|"
      r"living\s+with|suffering\s+from)\s+(?:long-?standing\s+|new-?onset\s+|established\s+)?(?:type\s*[12I]\b|T[12]DM?\b|"
      r"(?:insulin-dependent\s+)?diabetes\b)", 0.6,
      examples=("The study involved intramuscular transplantation of a single low dose of islet cells into the forearm "
                "of one patient with Type 1 diabetes.",),
      traps=("Fever occurred in one patient with type 1 diabetes.", "One patient with type 2 diabetes withdrew.")),
    # a Chinese case: "这名8岁的患儿", "59歲陳小姐", "一名58歲林姓男子"
    P("zh_single_case",
      r"(?:(?:这|這|该|該|此)\s*(?:名|位)\s*(?:" + ZH_NUM + r")\s*(?:岁|歲)"
      r"|(?<![\d.])\d{1,3}\s*(?:岁|歲)\s*(?:的)?\s*[\u4e00-\u9fff](?:先生|小姐|女士|太太|阿姨|伯伯|阿伯|阿嬤|阿公|奶奶|"
      r"爷爷|爺爺|老伯|大叔|大爷|大爺|婆婆|同学|同學|小朋友|姓(?:男子|女子|男童|女童|患者|病患|婦人|妇人|老翁|老婦|老妇|"
      r"少年|少女|女士|先生|男性|女性)))", 0.6,
      examples=("这名8岁的患儿因先天性胆道闭锁接受了肝移植。", "59歲陳小姐罹患糖尿病多年,足跟受傷後癒合不良。",
                "一名58歲林姓男子接受幹細胞治療。"),
      traps=("患者年龄58岁,病程9年。", "该名患者已停药。")),
    # a bare "n = 64" as a field of a study summary: a list item or a labelled line ("- n = 20", "Sample size: N = 120",
    # "样本量：n=64"); in brackets after a name it is a group (n_equals)
    P("n_equals_field",
      r"(?m)^[ \t]*(?:[-•*·][ \t]*)?(?:(?:Sample(?:[ \t]+size)?|Participants|Patients|Subjects|Population|样本量|樣本量|样本数|樣本數|"
      r"例数|例數|病例数|病例數|研究对象|研究對象|受试者|受試者)[ \t]*[:：][ \t]*)?[nN][ \t]*=[ \t]*(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})"
      r"(?![\d.])(?![ \t]*(?:studies|trials|RCTs|eyes|knees|项|項|篇))", 0.85,
      examples=("Paper 2: pilot of AD-MSC in type 2 diabetes\n- Design: single-arm\n- n = 20\n- Follow-up: 6 months",
                "Sample size: N = 120", "样本量：n=64"),
      traps=("Patients received MSCs (n = 33) or placebo (n = 31).", "- n = 17 trials"),),
    # ---- arms ----
    P("n_equals",
      # (a label starts where its word starts: an unspaced run is not rescanned from each character)
      r"(?:(?P<label>(?<![A-Za-z\u4e00-\u9fff])[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]*(?:\s+[A-Za-z][\w\-]*){0,2}?)\s*)?"
      r"[(\[（](?:[^()\[\]（）;；\n]{1,40}[;；,，]\s*)?\s*[nN]\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})(?![\d.])(?!\s*each\b)", 0.85,
      examples=("Patients received MSCs (n = 33) or placebo (n = 31).", "治療組(n=25)與對照組(n=24)。",
                "1 Adolescents with new-onset T1DM (n=18) Autologous adipose-derived MSC"),
      traps=("Adverse events were mild: headache (n = 4) and nausea (n = 2).",
             "Islet grafts reversed hyperglycaemia in diabetic NOD mice (n = 3).")),
    # every group named inside one bracket: "(UC-MSC n = 60; placebo n = 60)", "(干细胞组 n=26;对照组 n=26)"
    # "(Cohort 1, n = 14; Cohort 2, n = 9; and Cohort 3 receiving basal insulin, n = 5)": a label may end in a comma
    P("n_equals_list",
      r"[(\[（](?P<body>(?:" + LIST_ITEM_N + r"\s*[;；,，]\s*)+" + LIST_ITEM_N + r")\s*[)\]）]", 0.85,
      examples=("Patients (N = 28) were split into three cohorts (Cohort 1, n = 14; Cohort 2, n = 9; and Cohort 3 "
                "receiving basal insulin, n = 5).", "患者共52例(干细胞组 n=26;对照组 n=26)。"),
      traps=("Outcomes (mean 5.2, SD 1.1) were similar.",)),
    # the same list without brackets, its items separated by semicolons: "assigned to low dose, n = 15; medium dose,
    # n = 15; or high dose, n = 15" (a list, not one labelled count: two items at least)
    P("n_equals_list_bare",
      r"(?<![\w(\[（])(?P<body>" + LIST_ITEM_N + r"(?:\s*[;；]\s*(?:(?:and|or)\s+)?" + LIST_ITEM_N + r")+)", 0.85,
      examples=("Patients (n = 45) were assigned to low dose, n = 15; medium dose, n = 15; or high dose, n = 15.",
                "患者分为三组:干细胞组,n=20;胰岛素组,n=20;对照组,n=18。"),
      traps=("The mean age was 52 years; n = 40 overall.",)),
    # "507 patients (T1DM = 199, T2DM = 308)": labelled parts adding up to the count before the bracket
    P("arm_breakdown_equals",
      r"(?P<t>" + EN_NUM + r"|" + ZH_NUM + r")\s*(?:(?:例|名|人)\s*(?:" + ZH_PERSON + r")?|(?:[A-Za-z][\w\-]*\s+){0,3}?"
      + EN_PERSON + r")?\s*[(（]\s*"
      r"(?P<body>" + LIST_ITEM_EQ + r"(?:\s*[,，;；、]\s*(?:and\s+)?" + LIST_ITEM_EQ + r"){1,4})\s*[)）]", 0.85,
      examples=("Thirteen studies were eligible, encompassing 507 patients (T1DM = 199, T2DM = 308).",
                "共纳入60例患者(治疗组=30,对照组=30)。"),
      traps=("The 40 patients (mean = 52, SD = 9) were older.",)),
    P("zh_arm_count_label",
      r"(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)(?:患者|受试者|受試者)?\s*(?:为|為|在|进入|進入|分入|纳入|納入)?"
      + ZH_GROUP + r"(?![\u4e00-\u9fff]{0,2}(?:患者|的))", 0.85),
    P("zh_arm_label_count",
      ZH_GROUP + r"\s*(?:" + ZH_PERSON + r")?\s*(?:(?:[(（]\s*)?[nN]\s*=\s*(?P<n2>\d{1,6})(?![\d.])|(?:[(（]\s*)?(?:有|共|为|為)?\s*(?P<n>"
      + ZH_NUM + r")\s*(?:例|名|位|人))", 0.85),
    # "其中12人接受干细胞治疗，另外12人作为对照": allocation of the cohort into two groups
    P("zh_arm_split",
      r"(?:其中|分别有|分別有)\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)(?:患者|受试者|受試者)?\s*(?P<l1>" + ZH_ALLOC
      + r"[^,，。;；\n]{0,10})[^。;；\n]{0,40}?(?:另外|另|其余|其餘|剩余|剩餘|余下|餘下)\s*(?P<n2>" + ZH_NUM
      + r")\s*(?:例|名|位|人)(?:[^,，。;；\n\d]{0,20}?" + ZH_PERSON + r")?\s*(?:仅|僅|只|则|則|均|都|也)?\s*(?P<l2>" + ZH_ALLOC
      + r"[^,，。;；\n]{0,10})", 0.85),
    # a table's header row of group sizes, the group names on the line above: "(n = 58) (n = 41) (n = 27)"
    P("n_header_row",
      r"(?m)^[ \t]*(?P<body>(?:[(（][ \t]*[nN][ \t]*=[ \t]*\d{1,5}[ \t]*[)）][ \t]*){2,})$", 0.85,
      examples=("Intra-arterial Intravenous Standard care\n(n = 58) (n = 41) (n = 27)\nAge, years 56.4 57.9 58.2",),
      traps=("Cell group (n = 58) improved more than controls (n = 27).",)),
    # groups enrolled one after the other (dose escalation): "前6人每人植入3亿颗细胞,之后9人剂量加倍"
    P("zh_arm_sequence",
      r"(?:前|首批|第一批)\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)(?P<l1>)[^。;；\n]{0,40}?"
      r"(?:之后|之後|其后|其後|随后|隨後|后续|後續|第二批|后|後)\s*(?P<n2>" + ZH_NUM + r")\s*(?:例|名|位|人)(?P<l2>)", 0.8,
      examples=("受試者共15人,分成兩組:前6人每人植入3億顆細胞,之後9人劑量加倍到6億顆。",),
      traps=("治疗前3个月和治疗后6个月分别检测。",)),
    # "随机分为治疗组和对照组，每组40例", "randomized into two groups of 30", "15 patients per arm"
    # (the size per group may be written "n = 21/group", "每组n=21")
    P("zh_arm_each", r"(?:每组|每組|(?<![男女])各)\s*(?:各)?\s*(?:有|为|為)?\s*(?:(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)"
      r"|[nN]\s*=\s*(?P<n2>\d{1,5})(?![\d.]))", 0.85,
      examples=("患者随机分为两组(每组n=21),分别接受干细胞或胰岛素治疗。",)),
    P("en_arm_each",
      r"(?:\b(?:two|three|four|2|3|4)\s+(?:[A-Za-z\-]+\s+){0,2}?(?:groups|arms|cohorts)\s+of\s+(?P<n>" + EN_NUM + r")"
      r"|(?P<n2>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"\s+)?(?:per|in\s+each|each)\s+(?:group|arm|cohort|(?:dose\s+)?level)\b"
      r"|\b[nN]\s*=\s*(?P<n3>\d{1,5})\s*(?:/\s*|per\s+|in\s+each\s+|each\s+)(?:group|arm|cohort)\b"
      # a bracket after the counted groups: "at two dose levels (n = 10 each)", "into two arms (15 each)"
      r"|\(\s*(?:[nN]\s*=\s*)?(?P<n4>\d{1,5})\s+each\s*\))", 0.85,
      examples=("Forty-two patients with type 1 diabetes were randomized (n = 21/group) to either SCT or insulin.",
                "A dose-finding study treated 16 adults at two dose levels (2 and 5 million cells/kg; eight per dose level).",
                "The phase 1 study enrolled 20 adults at two dose levels (n = 10 each).")),
    # a breakdown whose parts add up to the count before it: "112 completed (57 UC-MSC, 55 placebo)",
    # "66例(44/22)", "38 were enrolled: 20 chose to receive MSCs and 18 continued standard care"
    P("arm_breakdown_paren",
      r"[(（]\s*(?P<n>\d{1,5})\s*(?:例|名|人)?\s*(?P<l1>" + BREAKDOWN_LABEL + r")\s*(?:,|，|、|;|；|\band\b|\bvs\.?|\bversus\b|和|与|與)"
      r"\s*(?P<n2>\d{1,5})\s*(?:例|名|人)?\s*(?P<l2>" + BREAKDOWN_LABEL + r")\s*[)）]", 0.85),
    # the label before each size: "n = 64（treatment 42 vs. control 22）", "64例（治疗组42，对照组22）"
    # (a label of letters: its size is the number after it, "治疗组42" is not "治疗组4" and 2)
    P("arm_breakdown_paren_label_first",
      r"[(（]\s*(?P<l1>" + _LETTER_LABEL + r")\s*(?P<n>\d{1,5})\s*(?:例|名|人)?\s*(?:,|，|、|;|；|\band\b|\bvs\.?|\bversus\b|和|与|與)"
      r"\s*(?P<l2>" + _LETTER_LABEL + r")\s*(?P<n2>\d{1,5})\s*(?:例|名|人)?\s*[)）]", 0.85,
      examples=("- n = 64（treatment 42 vs. control 22）", "64例患者（治疗组42，对照组22）入组。",
                "Sixty patients (MSC 30, placebo 30) with type 2 diabetes."),
      traps=("HbA1c (MSC 8.1 vs. placebo 8.3) was similar.",)),
    P("arm_breakdown_slash",
      r"(?P<t>\d{1,5})\s*(?:例|名|人|patients|participants)?\s*[(（]\s*(?P<n>\d{1,5})\s*(?:/|vs\.?|versus)\s*(?P<n2>\d{1,5})\s*[)）]",
      0.85),
    # "14 participants had been dosed in the trial: 4 at half dose and 10 at the full dose": the groups listed
    # after a colon, adding up to a count earlier in the sentence
    P("arm_breakdown_list",
      # (a relative clause may follow the first group: "two in Part A, who received a half dose of 350 million cells, and 10 in Part B")
      r"[:：;；]\s*(?P<n>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"\s+)?(?P<l1>" + LIST_ALLOC + r"\s(?:[^.;:,]|\.\d){2,80}?)"
      r"(?:\s*,\s*(?:who|which)\s(?:[^.;:,]|\.\d){2,100}?(?=\s*,\s*and\b))?"
      r"\s*,?\s+(?:and|while|whereas)\s+(?P<n2>" + EN_NUM + r")\s+(?:" + EN_PERSON
      + r"\s+)?(?P<l2>" + LIST_ALLOC + r"\s(?:[^.;:,]|\.\d){2,80}?)(?=\s*[.;,](?!\d)|\s*$)",
      0.85),
    P("arm_breakdown_colon",
      r"(?P<t>" + EN_NUM + r")\s+(?:[\w\-]+\s+){0,2}?(?:were|was)\s+(?:enrolled|randomi[sz]ed|included|allocated|assigned)\s*"
      r"[:;,]\s*(?P<n>" + EN_NUM + r")\s+(?P<l1>[^.;:]{3,80}?)\s*,?\s+(?:and|while|whereas)\s+(?P<n2>" + EN_NUM
      + r")\s+(?P<l2>[^.;:]{3,80}?)(?=[.;]|$)", 0.85),
    # "3 participants received a half dose; 11 participants received the full dose": two or more counts
    # that each received something, in one sentence, are the groups (a lone one is the total)
    P("en_arm_received",
      r"(?P<n>" + EN_NUM + r")\s+" + EN_MOD + EN_PERSON + r"\s+(?P<label>(?:received|were\s+given|were\s+treated\s+with)"
      r"[^,.;]{1,40})", 0.8),
    P("zh_arm_received",
      # (a treatment the patients chose: "58人选择经胰腺动脉输注,41人选择外周静脉输注")
      r"(?<![共计計有其另])(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)" + ZH_PERSON + r"?\s*(?P<label>(?:接受了?|给予|給予|"
      r"采用|採用|选择|選擇|(?:只|仅|僅|单|單)(?:用|使用|接受|注射))(?!退出|放弃|放棄|不)[^,，。;；\n]{1,15})", 0.8,
      # (the control arm kept on its old treatment alone: "十六人接受细胞输注，八人只用口服药")
      examples=("126名患者中,58人选择经胰腺动脉输注,41人选择外周静脉输注。", "按病情随机分组：十六人接受间充质干细胞输注，八人只用口服降糖药。",
                "按病情隨機分組：十六人接受間充質幹細胞輸注，八人僅用口服降糖藥。"),
      traps=("3人选择退出研究。",)),
    # each treatment of an allocation followed by its persons in brackets: "were allocated at random to bone marrow
    # cells (25 patients) or usual care (25 patients)", "随机接受骨髓细胞(25例)或常规治疗(25例)" (groups only beside a sibling, in a sentence that allocates: see cohort.ALLOCATING)
    P("arm_paren_persons",
      # (the bracket may go on with the group's dose: "Arm B (7 patients, two doses)")
      r"(?P<label>(?:[A-Za-z][\w\-]*\s+){0,3}[A-Za-z][\w\-]*)\s*\(\s*(?P<n>" + EN_NUM + r")\s+" + EN_PERSON
      + r"\s*(?:[,;][^()]{0,60})?\)"
      r"|(?P<label2>[\u4e00-\u9fffA-Za-z\-]{1,12}?)\s*[(（]\s*(?P<n2>" + ZH_NUM + r")\s*(?:例|名|人|位)(?:患者|受试者|受試者)?\s*[)）]", 0.8,
      examples=("Fifty adults were allocated at random to bone marrow mononuclear cells (25 patients) or usual care (25 patients).",
                "50例患者随机接受骨髓单个核细胞(25例)或常规治疗(25例)。"),
      traps=("Side effects were mild nausea (4 patients) and a skin rash (2 patients).",
             "Side effects were a rash (4 patients, mild) and nausea (2 patients, brief).")),
    # "gave cells to 20 patients ... and compared them with 20 patients on standard care"
    P("en_arm_compared",
      r"(?P<n>" + EN_NUM + r")\s+" + EN_MOD + EN_PERSON + r"[^.;]{0,120}?\bcompared\s+(?:them|these|this\s+group|it)\s+"
      r"(?:with|to)\s+(?P<n2>" + EN_NUM + r")\s+(?P<l2>" + EN_MOD + EN_PERSON + r"(?:\s+(?:on|receiving|given|with)\s+[\w\-]+"
      r"(?:\s+[\w\-]+)?)?)", 0.85),
    P("zh_arm_compared",
      r"(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)[^。;；]{0,60}?(?:并|並|,|，)\s*(?:与|與|和)\s*(?P<n2>" + ZH_NUM
      + r")\s*(?:例|名|位|人)(?P<l2>[^。;；,，]{0,30}?)(?:进行|進行)?(?:比较|比較|对比|對比)(?![组組])", 0.85),
    # "其中12名接受了全剂量(8亿个细胞)": a part of the cohort given a treatment is a group
    P("zh_arm_subset_alloc",
      # (or after the cohort it is a part of: "52名患者中26人接受…")
      r"(?:其中|中有|(?<=患者|病人|病例)中|(?<=受试者|受試者)中)\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)" + ZH_PERSON + r"?\s*(?:在[^,，。;；\n\d]{1,12}?(?:基础上|基礎上))?"
      r"\s*(?P<label>(?:接受了?|给予|給予|采用|採用)"
      r"[^,，。;；\n()（）]{1,12})", 0.75),
    # "of whom 30 received cells and 15 received standard care"
    P("en_arm_split",
      r"\b(?:of\s+whom|of\s+these|of\s+them|among\s+them)\s*,?\s+(?P<n>" + EN_NUM + r")\s+(?:" + EN_PERSON
      + r"\s+)?(?P<l1>" + EN_ALLOC + r"[^,.;]{0,40}?)\s*,?\s+(?:and|while|whereas)\s+(?P<n2>" + EN_NUM + r")\s+(?:"
      + EN_PERSON + r"\s+)?(?P<l2>" + EN_ALLOC + r"[^,.;]{0,40})", 0.85),
    # an allocation whose second part leaves out the verb: "Sixteen were randomized to MSC infusion and eight to usual
    # care", "40 patients were assigned to MSCs and 20 to placebo"
    P("en_arm_alloc_elided",
      r"(?P<n>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"\s+)?(?P<l1>were\s+(?:randomi[sz]ed|randomly\s+(?:assigned|allocated)|"
      r"assigned|allocated)\s+to\s+[^,.;]{1,50}?)\s*,?\s+(?:and|while|whereas)\s+(?P<n2>" + EN_NUM + r")\s+(?:"
      + EN_PERSON + r"\s+)?(?P<l2>to\s+[^,.;]{1,50})", 0.85,
      examples=("Sixteen were randomized to MSC infusion and eight to usual care.",
                "Forty patients were assigned to MSC infusion and 20 to placebo."),
      traps=("Forty patients were assigned to MSC infusion and followed for 12 months.",)),
    # two groups told by what each received, the second without its person noun: "22 patients with obesity-related
    # diabetes received adipose MSCs and 22 received metformin only", "Five received the low dose and ten received the
    # high dose" (never a further dose of some of them: "two received a second infusion and one a third")
    P("en_arm_received_pair",
      r"(?P<n>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"(?:\s+with\s+[^,.;]{1,40}?)?\s+)?(?P<l1>received\s+"
      + NOT_A_FURTHER_DOSE + r"[^,.;]{1,80}?)\s*,?\s+"
      r"(?:and|while|whereas)\s+(?P<n2>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"\s+)?(?P<l2>received\s+"
      + NOT_A_FURTHER_DOSE + r"[^,.;]{1,60})", 0.8,
      examples=("In the study 25 patients with type 2 diabetes received adipose MSCs and 25 received placebo.",
                "Five received the low dose and ten received the high dose."),
      traps=("Two patients received a second infusion and one received a third.",)),
    P("en_arm_in_group",
      r"(?P<n>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"\s+)?(?:were\s+)?(?:(?:randomi[sz]ed|randomly\s+assigned|"
      # ("42 in each group" is a size per group, read by en_arm_each)
      r"assigned|allocated)\s+)?(?:in|to|into)\s+(?:the\s+|an?\s+)?(?!(?:each|every|both)\b)(?P<label>[\w\-]+(?:\s+[\w\-]+){0,2}?)\s+"
      + EN_GROUP_WORDS + r"\b", 0.85, traps=("84 patients were randomised, 42 in each group.",)),
    # "the 8 full-dose participants", "8名高剂量患者": a count of persons qualified by their dose is a dose group
    P("en_arm_dose_group",
      r"(?<![\w.,])(?P<n>" + EN_NUM + r")\s+(?P<label>" + DOSE_LEVEL_EN + r")\s+(?:[\w\-]+\s+)?" + EN_PERSON, 0.85),
    P("zh_arm_dose_group",
      r"(?P<n>" + ZH_NUM + r")\s*(?:例|名|位)(?P<label>" + DOSE_LEVEL_ZH + r")(?![组組])" + ZH_PERSON, 0.85),
    # "the remaining 12 received the full dose", "12例接受全剂量": a count given a named dose level is that dose group
    P("en_arm_dose_received",
      r"(?<![\w.,])(?P<n>" + EN_NUM + r")\s+(?:" + EN_MOD + EN_PERSON + r"\s+)?(?P<label>(?:received|were\s+given|got|"
      r"were\s+treated\s+(?:with|at))\s+(?:the\s+|a\s+)?" + DOSE_LEVEL_EN + r")", 0.85),
    P("zh_arm_dose_received",
      r"(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)" + ZH_PERSON + r"?\s*(?P<label>(?:接受了?|给予|給予|采用|採用|使用)(?:了)?"
      + DOSE_LEVEL_ZH + r")", 0.85),
    P("en_arm_controls",
      r"(?P<n>" + EN_NUM + r")\s+(?P<label>controls|control\s+subjects|control\s+patients|placebo\s+recipients)\b",
      0.75),
    # ---- number of included studies ----
    # "14项有关干细胞治疗2型糖尿病的随机对照试验": a topic ending in 的 may stand between the count and the noun (not a
    # title or where they were published: "一篇“…”的研究", "两项发表在同一期刊上的研究" are papers, not included studies)
    P("zh_studies",
      r"(?P<n>" + ZH_NUM + r")\s*(?:项|項|篇|个|個)\s*(?:(?:(?![项項篇个個例名“”\"《》「」]|发表|發表|刊登|刊发|刊發)"
      r"[^,，。;；:：\n]){1,30}?的)?"
      r"\s*(?:已发表的?|已發表的?|高质量的?|高質量的?|独立的?|獨立的?)?"
      r"(?:随机对照试验|隨機對照試驗|随机对照研究|隨機對照研究|RCTs?|临床试验|臨床試驗|对照试验|對照試驗|对照研究|對照研究|"
      r"临床研究|臨床研究|研究|试验|試驗|文献|文獻)", 0.9,
      examples=("结果 共纳入14项有关干细胞治疗2型糖尿病的随机对照试验。", "這項薈萃分析納入9項RCT、共420例患者。",
                "纳入9项研究,共计512例患者。"),
      traps=("全球已注册1512项干细胞临床试验。", "两项发表在同一期刊上的研究也支持这一结论,这篇综述指出。",
             "我国进行了4项研究,美国进行了2项研究。")),
    # the studies a search narrows down to: "47 studies were retrieved…, of which 22 met the inclusion criteria",
    # "共检索到63篇文献,最终18项研究符合纳入标准", "其中12篇被纳入"
    P("studies_narrowed",
      r"(?:\bof\s+(?:which|these|them)|\bamong\s+(?:them|these)|其中|最终|最終)\s*,?\s*(?:only\s+|仅|僅|共)?(?P<n>" + EN_NUM
      + r"|" + ZH_NUM + r")\s*(?:项|項|篇|个|個)?\s*(?:(?:studies|trials|articles|RCTs|papers|研究|试验|試驗|文献|文獻)\s*)?"
      r"(?:met\s+(?:the\s+|our\s+)?(?:inclusion|eligibility)|fulfilled\s+(?:the\s+)?(?:inclusion|eligibility)|"
      r"were\s+(?:finally\s+)?(?:included|eligible|selected)|符合|满足|滿足|被纳入|被納入|纳入|納入)", 0.9,
      examples=("A total of 47 studies were retrieved for detailed evaluation, of which 22 met the inclusion criteria.",
                "共检索到63篇文献,最终18项研究符合纳入标准。", "共檢索到63篇文獻,其中18篇被納入本統合分析。"),
      traps=("Of these, 12 patients met the inclusion criteria.", "其中12例患者符合纳入标准。")),
    P("en_studies",
      r"(?P<n>" + EN_NUM + r")\s+(?:(?:randomi[sz]ed|controlled|clinical|eligible|published|independent|"
      r"placebo-controlled|prospective)\s+){0,3}(?:trials|studies|RCTs)\b", 0.9,
      examples=("We pooled 12 RCTs with 856 participants.", "Thirteen studies were deemed eligible, encompassing 507 "
                "patients."),
      traps=("Two small trials (20 and 21 participants) were reported earlier.",
             "There are more than 1,500 registered MSC trials worldwide.")),
)
PATTERN_ROLE: dict[str, str] = {
    "zh_total_enrolled": "total", "zh_total_noun": "total", "en_total_enrolled": "total",
    "en_total_passive": "total", "en_total_denominator": "total", "en_total_noun": "total", "en_total_of_us": "total",
    "en_single_case": "total", "n_equals": "arm", "zh_arm_count_label": "arm",
    "zh_arm_label_count": "arm", "en_arm_in_group": "arm", "en_arm_controls": "arm",
    "zh_total_person_count": "total", "zh_arm_split": "arm", "zh_arm_sequence": "arm", "n_header_row": "arm", "en_arm_split": "arm", "en_arm_alloc_elided": "arm", "en_arm_received_pair": "arm",
    "zh_arm_each": "arm", "en_arm_each": "arm",
    "zh_total_clause": "total", "zh_total_gong": "total", "zh_total_ge": "total", "zh_total_study_size": "total",
    "en_total_study_size": "total", "registry_enrollment": "total", "en_total_elliptic": "total",
    "en_total_completed": "total", "arm_breakdown_paren": "arm", "arm_breakdown_slash": "arm",
    "arm_breakdown_paren_label_first": "arm", "n_equals_field": "total",
    "arm_breakdown_colon": "arm", "arm_breakdown_list": "arm", "en_arm_compared": "arm", "zh_arm_compared": "arm", "en_arm_received": "arm", "zh_arm_received": "arm", "zh_arm_subset_alloc": "arm",
    "zh_studies": "studies_included", "en_studies": "studies_included", "studies_narrowed": "studies_included",
    "en_arm_dose_group": "arm", "zh_arm_dose_group": "arm", "zh_case_title": "total",
    "zh_total_completers": "total", "zh_total_completers_before": "total", "registry_flow_started": "arm", "zh_total_in_cohort": "total", "zh_total_all": "total",
    "zh_total_table_cell": "total", "n_equals_list": "arm", "n_equals_list_bare": "arm", "en_arm_dose_received": "arm",
    "zh_arm_dose_received": "arm", "arm_paren_persons": "arm", "zh_total_disease_noun": "total", "zh_total_denominator": "total",
    "animals_randomized": "total", "zh_procedure_pair": "arm", "zh_total_procedures": "total", "en_total_procedures": "total", "zh_bracket_count": "total",
    "en_one_patient": "total", "en_one_patient_with": "total", "en_one_allocated": "total", "zh_total_noun_count": "total", "zh_single_case": "total", "arm_breakdown_equals": "arm",
}
MAX_N = {"total": 100_000, "arm": 100_000, "studies_included": 500}
# generic patterns: a count next to a person noun, without an enrolment verb
WEAK = {"zh_total_noun", "zh_total_noun_count", "zh_total_ge", "en_total_noun", "n_equals", "en_single_case", "zh_total_disease_noun", "en_one_patient",
        "en_one_patient_with", "zh_single_case"}
# a study of one told by its patient ("a 47-year-old man", "这名8岁的患儿")
SINGLE_CASE_PATTERNS = {"en_single_case", "en_one_patient", "en_one_patient_with", "zh_single_case"}
# patterns whose count stands after a subset word by construction ("其中12人接受…", "of whom 30 received")
SPLIT_PATTERNS = {"zh_arm_split", "zh_arm_sequence", "en_arm_split", "en_arm_alloc_elided", "en_arm_received_pair", "zh_arm_subset_alloc", "zh_procedure_pair"}
# breakdowns: parts that must add up to the count stated before them
BREAKDOWN_PATTERNS = {"arm_breakdown_paren", "arm_breakdown_slash", "arm_breakdown_colon", "arm_breakdown_list",
                      "arm_breakdown_paren_label_first"}
# a treated group and the group it was compared with
COMPARED_PATTERNS = {"en_arm_compared", "zh_arm_compared"}
# a count qualified by a dose level ("8 full-dose participants"): a group, unless that group is stated otherwise
DOSE_GROUP_PATTERNS = {"en_arm_dose_group", "zh_arm_dose_group"}
# a count that received a named dose level: an allocation by construction (after "其中", "the remaining")
DOSE_RECEIVED_PATTERNS = {"en_arm_dose_received", "zh_arm_dose_received"}
# groups that are only groups when the sentence holds at least two of them
PAIRED_PATTERNS = {"en_arm_received", "zh_arm_received", "arm_paren_persons"}
# totals read without a person noun or with a bare 共: what follows may still make them an outcome count
OUTCOME_CHECKED = {"zh_total_gong", "en_total_elliptic"}
# a registry record's enrolment field: the registered trial's size, actual or targeted (a plan word in the
# field's name, "试验计划受试者收纳人数", does not make it another study's plan)
REGISTRY_FIELD_PATTERNS = {"registry_enrollment"}
# "每组40例": one count for each of the groups named or counted before it in the sentence
EACH_PATTERNS = {"zh_arm_each", "en_arm_each"}
