"""Cohort sizes: totals, arms with labels, number of included studies (reviews, meta-analyses).

Roles: ``total`` (participants of the study as a whole; pooled participants of a meta-analysis),
``arm`` (a stated group with its own n), ``studies_included``. Counts that describe an outcome
("5名患者脱离胰岛素", "20 patients achieved ..."), a subset ("其中5例"), background statistics
("已注册1512项试验", "420 million people"), ages, years and animals are not cohort sizes.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

from ..numbers import EN_NUMBER, as_int, parse_number
from .base import FieldExtractor, Hit, Pattern, Span

# ---- lexicons (data) ----
# a count: Arabic (1-6 digits or thousands groups) or a small Chinese numeral; never part of a
# longer number ("7.5", "A1c", "5.37亿")
# "数十名", "几十例" are vague amounts, not counts
ZH_NUM = (r"(?<![\d.A-Za-z])(?<!\d·)(?:\d{1,3}(?:,\d{3})+|\d{1,6}|(?<![数數几幾])[一二两兩三四五六七八九十百千零〇]{1,6})"
          r"(?!\d|[.·]\d)(?!\s*(?:万|萬|亿|億))")
EN_NUM = rf"(?:(?<![\d.A-Za-z\-])(?<!\d·)(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}})(?![\d%]|[.·]\d)|{EN_NUMBER})"
ZH_CLASSIFIER = r"(?:例|名|位)"
ZH_PERSON = (r"(?:患者|病人|受试者|受試者|糖友|参与者|參與者|志愿者|志願者|患儿|患兒|病童|患童|儿童|兒童|"
             r"青少年|成人|病例|研究对象|研究對象|受试对象|男性|女性|男子|女子|病友(?![群圈会會]))")
# words between a count and its noun: anything inside the clause except another count ("一名61岁、病史12年的女性患者")
ZH_MOD = r"(?:(?!\d+\s*[例名位]|[例名位])[^,，。;；!?！？\n()（）])"
EN_PERSON = (r"(?:patients|participants|subjects|individuals|people|persons|volunteers|children|"
             r"adolescents|adults|men|women|cases|recipients|diabetics|youths|boys|girls)\b")
# up to three words between a count and its noun; never a magnitude ("420 million people")
EN_MOD = (r"(?:(?:(?!(?:million|billion|thousand|hundred|of|and|or|in|with|the|who|were|was|"
          r"had|out)\b)[A-Za-z][\w\-]*|type\s+[12]|[12])\s+){0,4}")
BREAKDOWN_LABEL = (r"(?!(?:years?|yrs?|months?|weeks?|days?|kg|mg|cm|mmol|men|women|males?|females?|boys|girls|男|女|岁|歲)\b)"
                   r"[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]*(?:\s+[A-Za-z][\w\-]*)?")
# how a listed group was treated: "3 at half dose", "12 received cells", "3 underwent a sham procedure"
LIST_ALLOC = r"(?:at|on|in|to|with|received|receiving|given|were\s+given|underwent|undergoing|had\s+a\s+sham)"
DOSE_LEVEL_EN = r"(?:full|half|high|low|middle|medium|mid|standard|reduced|target)[\s\-]dose"
DOSE_LEVEL_ZH = r"(?:高|低|中|全|半|标准|標準)(?:剂量|劑量)"
ZH_GROUP = r"(?P<label>[\u4e00-\u9fffA-Za-z\-]{1,8}?[组組])"
EN_GROUP_WORDS = r"(?:group|arm|cohort)"
# allocation verbs after a count: the count is a group the cohort was split into, not an outcome
ZH_ALLOC = r"(?:接受|作为|作為|为|為|被分配|分配|分入|纳入|納入|进入|進入|采用|採用|给予|給予|随机|隨機|使用|注射|输注|輸注)"
EN_ALLOC = (r"(?:received|were\s+given|were\s+treated|were\s+assigned|were\s+allocated|were\s+randomi[sz]ed|"
            r"underwent|got|served\s+as)")

# context words per language (data): enrolment triggers raise the score; outcome words after a
# count mark it as an outcome; subset words before it mark a part of the cohort
CONTEXT: dict[str, tuple[str, ...]] = {
    "zh": ("纳入", "納入", "入组", "入組", "招募", "选取", "選取", "共选择", "共有", "共计", "涉及",
           "随机分配", "隨機分配", "随机分为", "隨機分為"),
    "en": ("enrolled", "recruited", "randomized", "randomised", "included", "a total of",
           "cohort of", "assigned", "allocated"),
}
OUTCOME_AFTER: dict[str, tuple[str, ...]] = {
    "zh": ("脱离", "脫離", "停用", "停止使用", "摆脱", "擺脫", "实现了", "實現了", "达到", "達到", "达成",
           "未脱离", "重新", "恢复", "恢復", "出现", "出現", "发生", "發生", "死亡", "退出", "失访",
           "失訪", "不再需要", "无需", "無需", "减停", "減停", "减少", "減少", "改用", "观察到", "觀察到"),
    "en": ("achieved", "attained", "reached", "became", "remained", "experienced", "were insulin",
           "was insulin", "had ", "developed", "discontinued", "stopped", "died", "withdrew",
           "dropped out", "no longer", "did not", "showed", "reported", "regained", "lost", "going",
           "making", "needing", "requiring", "remaining", "achieving", "reaching", "becoming",
           "maintained", "needed", "required", "relapsed", "resumed", "reduced", "decreased", "increased",
           "improved", "switched", "changed"),
}
SUBSET_BEFORE: dict[str, tuple[str, ...]] = {
    "zh": ("其中", "中有", "内有", "內有", "仅有", "僅有", "只有", "另有", "第", "每", "前", "后", "後",
           "余下", "剩余", "其余", "其餘", "此", "这", "這", "上述", "该组", "該組"),
    "en": ("first", "last", "remaining", "another", "additional", "every", "each", "%"),
}
BACKGROUND_BEFORE: dict[str, tuple[str, ...]] = {
    "zh": ("注册", "註冊", "登记", "登記", "进行了", "進行了", "开展了", "開展了", "正在", "已有", "目前有",
           "全球", "全国", "全國", "每年"),
    "en": ("registered", "ongoing", "worldwide", "globally", "currently"),
}
# background words that place a count beyond any one study (a country, the world, a registry)
WIDE_BACKGROUND = ("全球", "全国", "全國", "每年", "注册", "註冊", "登记", "登記", "registered", "worldwide", "globally")
# "已有14名患者接受植入", "have received implants": patients treated so far in a programme
TREATED_AFTER = re.compile(r"\s*(?:已|均|都)?(?:接受了?|received|have\s+received|had\s+received|have\s+been\s+(?:dosed|treated|"
                           r"implanted))", re.I)
ANIMALS = ("小鼠", "大鼠", "鼠", "猴", "犬", "猪", "豬", "mice", "mouse", "rats", "rat ", "monkeys",
           "primates", "dogs", "pigs", "animals", "动物", "動物", "只")
# a meta-analysis/review said near a count of studies
REVIEW_CONTEXT = ("荟萃", "薈萃", "meta", "系统评价", "系統評價", "系统分析", "系統分析", "综述", "綜述",
                  "系统性回顾", "系統性回顧", "系统回顾", "系統回顧", "统合分析", "統合分析",
                  "汇总分析", "彙總分析", "合并分析", "合併分析", "systematic review", "pooled", "review")
STUDY_TRIGGER_AFTER = ("were included", "met the inclusion", "met inclusion", "were eligible", "were identified",
                       "were pooled", "were analy", "符合纳入", "符合納入", "被纳入", "被納入", "纳入分析", "納入分析")
STUDY_TRIGGER_BEFORE = ("纳入", "納入", "分析", "基于", "基於", "汇总", "彙總", "合并", "合併", "检索",
                        "檢索", "筛选", "篩選", "涵盖", "涵蓋", "对", "對", "共", "of", "included",
                        "including", "pooled", "pooling", "from", "analy", "identified", "comprising",
                        "across", "combined", "收集", "收录", "收錄", "collected")
# a planned study or enrolment target is not a cohort size
# (计划/計畫 after a determiner is the noun "programme": "该计划共收治45名")
PLAN_BEFORE = re.compile(r"(?<![该該此本这這其])(?:计划|計劃|計畫)|拟|擬|预计|預計|将要|將要|准备|準備|有望|打算|希望|\bplan(?:s|ned|ning)?\b|\bwill\b|"
                         r"\bexpects?\b|\b(?:aims?|aiming|hopes?|hoping|intends?|intending|seeks?|seeking)\s+to\b|"
                         r"\bto\s+(?:enrol|enroll|recruit|randomi[sz]e)\b", re.I)
# how far back in its clause an explicit plan word reaches ("plans to initiate a pivotal Phase 3 study enrolling
# about 60"); "will" reaches only the default width ("will present data from the trial that enrolled 40" is a result)
PLAN_REACH = 80
PLAN_FAR = re.compile(r"(?<![该該此本这這其])(?:计划|計劃|計畫)|拟|擬|\bplan(?:s|ned|ning)?\b|\b(?:intends?|intending)\s+to\b", re.I)
# a count right after a time word is a time point ("Day 180", "week 52", "第12周")
TIME_POINT_BEFORE = re.compile(r"(?:\b(?:day|days|week|weeks|month|months|year|visit|part|phase|cycle|stage|grade|"
                               r"table|figure|fig\.)\s*|第\s*)$", re.I)
SCREENED_BEFORE = re.compile(r"(?:screened|assessed\s+for\s+eligibility|筛选了?|篩選了?|筛查了?|篩查了?)\s*$", re.I)
SCREENED_AFTER = re.compile(r"\s+(?:were\s+|had\s+been\s+)?(?:screened|assessed\s+for\s+eligibility)\b|\s*(?:接受)?(?:筛选|篩選|筛查|篩查)",
                            re.I)
# a count listed with another ("two trials (20 and 21 participants)", "20例和21例患者") or ending a range
# ("18 to 120 participants") is the size of one of several things, not the cohort; a comma is not enough
# ("In 2021, 120 patients ...")
COORDINATED_BEFORE = re.compile(r"(?<![\d.A-Za-z])\d{1,6}\s*(?:例|名|位|人)?\s*(?:、|\band\b|\bor\b|\bto\b|和|与|與|或|及|-|–|~|至|到)\s*$",
                                re.I)
COORDINATED_AFTER = re.compile(r"\s*(?:和|与|與|、|及|或)\s*\d{1,6}\s*(?:例|名|位|人)")
# "120 participants per trial", "每组": a size per unit, not the cohort
PER_UNIT_AFTER = re.compile(r"\s*(?:per\s+|in\s+each\s+|each\s+|a\s+|/\s*)(?:trial|study|site|cent(?:re|er)|group|arm|cohort|hospital|"
                            r"year|month|week|day|clinic)\b", re.I)
# "Transient fever occurred in 3 children", "3例中出现": the count of an event, not a cohort
EVENT_BEFORE = re.compile(r"(?:\b(?:occurred|observed|seen|noted|reported|developed|found|detected)\s+in\s+(?:the\s+|only\s+)?|"
                          r"(?:发生于|發生於|见于|見於|出现于|出現於)\s*)$", re.I)
COMPARATIVE_BEFORE = re.compile(r"(?:\b(?:fewer|less|more|greater)\s+than|\bover|\bunder|\bup\s+to|超过|超過|不足|不到|多于|多於|逾)"
                                r"\s*$", re.I)
IN_GROUP_AFTER = re.compile(r"\s+(?:in|from)\s+(?:the\s+|each\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+(?:group|arm)\b", re.I)
# a denominator of one group's share: "11 of 20 participants given BM-MSCs and 4 of 20 given placebo",
# "7 of 20 patients in the MSC group"
GROUP_QUALIFIER_AFTER = re.compile(r"\s+(?:(?:in|from)\s+(?:the\s+|each\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+(?:group|arm)\b|"
                                   r"[^.;。；]{0,60}?\b(?:and|vs\.?|versus|compared\s+with)\s+\d+\s+(?:out\s+)?of\s+"
                                   r"(?:the\s+)?\d+\b)", re.I)
# a subgroup reaching a time point ("who had reached Day 180") is an analysis set, not an outcome
TIMED_SUBGROUP = re.compile(r"\b(?:day|week|month|year|follow-?up|visit)s?\b|\d", re.I)
# arms read from "N patients in the X group": the verb of their clause may make them an outcome
CLAUSE_OUTCOME_PATTERNS = {"en_arm_in_group"}
# a subgroup defined by completion or follow-up after an English count
SUBGROUP_AFTER = re.compile(r"\s+(?:who|that)\s+(?P<label>(?:had\s+)?(?:completed|were\s+followed|had\s+been\s+followed|"
                            r"finished|reached|remained\s+in)\b(?:\s+(?!and\b|after\b|with\b|showed\b|were\b|had\b)"
                            r"[^\s,.;:()]+){0,6})", re.I)
TOTAL_LABELS = re.compile(r"^(?:patients|participants|subjects|individuals|people|total|overall|all|"
                          r"trial|study|cohort|sample|adults|children|volunteers|studies|trials|RCTs|"
                          r"患者|受试者|受試者|病例|总计|總計|合计|合計|研究|试验|試驗)$", re.I)
# words that precede a group name but are not part of it
_LABEL_PREFIX = re.compile(r"^.*(?:的|和|与|與|及|、|其中|之中|在|为|為|分|入|将|將|例|名|位|人|了)")
_EN_LABEL_STOP = re.compile(r"^(?:.*\b(?:to|receive|received|receiving|or|and|with|of|the|in|into|"
                            r"were|was|a|an|either|vs|versus)\s+)", re.I)

P = Pattern
PATTERNS: tuple[Pattern, ...] = (
    # ---- totals ----
    P("zh_total_enrolled",
      r"(?:共纳入|共納入|纳入|納入|入组|入組|招募|募集|选取|選取|选择|選擇|共有|共计|共計|总计|總計|涉及|"
      r"收治|连续|連續|研究了|观察了|觀察了|随机分配|隨機分配|随机纳入|隨機納入)(?:了|共|的|的是)?\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人"
      # "入组了24个2型糖尿病患者": 个 counts persons only when the person noun follows
      r"|(?:个|個)(?=\s*(?:[12一二]\s*型)?(?:糖尿病)?" + ZH_PERSON + r"))"
      r"(?!\s*中)", 0.95),
    P("zh_total_person_count",
      r"(?:纳入|納入|入组|入組|入选|入選|招募|募集|涉及|收治|研究|观察|觀察|本组|本組|全部|共有|总共|總共|一共)(?:了|的)?\s*" + ZH_PERSON
      + r"\s*(?:共|共计|共計|总计|總計|合计|合計|总数|總數|人数|人數)?\s*(?:为|為|有|达|達)?\s*(?P<n>" + ZH_NUM
      + r")\s*(?:例|名|位|人)(?!\s*中)", 0.9),
    # "选取…就诊的胰岛素治疗T2DM患者52例": an enrolment verb, the description, the person noun, the count
    P("zh_total_clause",
      r"(?:选取|選取|选择|選擇|纳入|納入|入选|入選|收集|招募|募集|连续|連續|回顾性分析|回顧性分析)(?:了)?"
      r"(?:(?!\d+\s*(?:例|名|位|人))[^,，。;；:：\n]){0,80}?" + ZH_PERSON + r"\s*(?:共|共计|共計)?\s*(?P<n>" + ZH_NUM
      + r")\s*(?:例|名|位|人)(?!\s*中)", 0.9),
    # "共48例完成随访": a bare total; unlike the enrolment verbs it may still be an outcome count
    P("zh_total_gong",
      r"(?<![总總一统統])共\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)(?:患者|受试者|受試者|病例)?(?!\s*中)", 0.85),
    # "一項24人的小型先導研究", "a 24-patient pilot study": the size of a study stated as its attribute
    P("zh_total_study_size",
      r"(?P<n>" + ZH_NUM + r")\s*(?:人|例|名)(?:患者|受试者|受試者)?的[^,，。;；\n]{0,10}?(?:研究|试验|試驗|队列|隊列)", 0.85),
    P("en_total_study_size",
      r"\b(?P<n>\d{1,5})-(?:patient|participant|person|subject|people)\s+(?:[\w\-]+\s+){0,3}?"
      r"(?:study|trial|cohort|pilot|series)\b", 0.85),
    # registry records: "Enrollment (Actual): 66", "实际入组人数: 66"; an estimated enrolment is a plan
    P("registry_enrollment",
      r"(?:\bEnrollment\s*(?:\(\s*Actual\s*\))?|实际入组人数|實際入組人數|实际入组例数|實際入組例數)\s*[:：]?\s*"
      r"(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})(?![\d.])", 0.9),
    # a registry results page's participant flow: the STARTED row gives each arm (one column per arm)
    P("registry_flow_started",
      r"(?m)^[ \t]*STARTED[ \t]+(?P<n>\d{1,5})[ \t]+(?P<n2>\d{1,5})(?:[ \t]+(?P<n3>\d{1,5}))?[ \t]*$"
      # the same row inline: "Started: UC-MSC 60, Placebo 60." (arm labels start with a letter)
      r"|\b(?:STARTED|Started)\s*:\s*[A-Za-z][\w+\-/ ]{0,30}?\s(?P<n_i>\d{1,5})\s*[,;]\s*[A-Za-z][\w+\-/ ]{0,30}?\s"
      r"(?P<n2_i>\d{1,5})(?:\s*[,;]\s*[A-Za-z][\w+\-/ ]{0,30}?\s(?P<n3_i>\d{1,5}))?(?![\d.,]\d)", 0.85),
    # "38 were enrolled", "17 had been dosed": the person noun left out
    P("en_total_elliptic",
      r"(?<![\w.,])(?P<n>" + EN_NUM + r")\s+(?:were|had\s+been|have\s+been)\s+(?:enrolled|randomi[sz]ed|included|dosed|"
      r"infused|transplanted|randomly\s+(?:assigned|allocated))\b", 0.85),
    # "Of the 120 randomized participants, 112 completed the week 52 visit": the completers of the whole cohort
    P("en_total_completed",
      r"(?<![\w.,])(?P<n>" + EN_NUM + r")\s+(?:completed|finished)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
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
      r"(?P<n>" + ZH_NUM + r")\s*" + ZH_CLASSIFIER + ZH_MOD + r"{0,30}?" + ZH_PERSON, 0.7),
    P("en_total_enrolled",
      r"\b(?:enrolled|enrolling|recruited|recruiting|randomi[sz]ed|included|including|involved|involving|"
      r"studied|treated|analy[sz]ed|comprised|comprising|total of|cohort of|sample of|series of|"
      r"study of|trial of|trial in|study in|data from|data on)\s+(?:(?:approximately|about|nearly|over|"
      r"more than|some|all)\s+)?(?P<n>" + EN_NUM + r")\s+" + EN_MOD + EN_PERSON, 0.95),
    P("en_total_passive",
      r"(?P<n>" + EN_NUM + r")\s+" + EN_MOD + EN_PERSON + r"\s+(?:were|was|have been|had been)\s+"
      r"(?:\w+\s+)?(?:enrolled|recruited|randomi[sz]ed|included|treated|assigned|allocated|analy[sz]ed|"
      r"studied|followed|dosed|infused|transplanted)", 0.95),
    P("en_total_denominator",
      r"\b" + EN_NUM + r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?P<n>" + EN_NUM + r")\s+" + EN_MOD
      + EN_PERSON, 0.9),
    P("en_total_noun", r"(?P<n>" + EN_NUM + r")\s+" + EN_MOD + EN_PERSON, 0.6),
    # a Chinese case report's title ends with its count: "脐带间充质干细胞治疗2型糖尿病合并足溃疡1例(报告)"
    P("zh_case_title",
      r"(?<![^\n])[^\n。;；!?！？]{6,60}?[\u4e00-\u9fff)）](?P<n>1|一)\s*例(?:报告|報告|报道|報道)?"
      r"(?:\s*(?:并|並|及)\s*(?:文献|文獻)(?:复习|複習|回顾|回顧))?[ \t]*(?=\n|$)", 0.9),
    P("en_single_case",
      r"\b(?:a|one)\s+(?P<age>\d{1,3})[- ]year[- ]old\s+(?:\w+\s+){0,2}?(?:man|woman|male|female|boy|"
      r"girl|patient)\b", 0.6),
    # ---- arms ----
    P("n_equals",
      r"(?:(?P<label>[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]*(?:\s+[A-Za-z][\w\-]*){0,2}?)\s*)?"
      r"[(\[（](?:[^()\[\]（）;；\n]{1,40}[;；,，]\s*)?\s*[nN]\s*=\s*(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6})(?![\d.])", 0.85),
    # every group named inside one bracket: "(UC-MSC n = 60; placebo n = 60)", "(干细胞组 n=26;对照组 n=26)"
    P("n_equals_list",
      r"[(\[（](?P<body>(?:[A-Za-z\u4e00-\u9fff][^()\[\]（）;；,，=\n]{0,30}?\s*[nN]\s*=\s*\d{1,6}\s*[;；,，]\s*)+"
      r"[A-Za-z\u4e00-\u9fff][^()\[\]（）;；,，=\n]{0,30}?\s*[nN]\s*=\s*\d{1,6})\s*[)\]）]", 0.85),
    P("zh_arm_count_label",
      r"(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)(?:患者|受试者|受試者)?\s*(?:为|為|在|进入|進入|分入|纳入|納入)?"
      + ZH_GROUP + r"(?![\u4e00-\u9fff]{0,2}(?:患者|的))", 0.85),
    P("zh_arm_label_count",
      ZH_GROUP + r"\s*(?:(?:[(（]\s*)?[nN]\s*=\s*(?P<n2>\d{1,6})(?![\d.])|(?:[(（]\s*)?(?:有|共|为|為)?\s*(?P<n>"
      + ZH_NUM + r")\s*(?:例|名|位|人))", 0.85),
    # "其中12人接受干细胞治疗，另外12人作为对照": allocation of the cohort into two groups
    P("zh_arm_split",
      r"(?:其中|分别有|分別有)\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)(?:患者|受试者|受試者)?\s*(?P<l1>" + ZH_ALLOC
      + r"[^,，。;；\n]{0,10})[^。;；\n]{0,40}?(?:另外|另|其余|其餘|剩余|剩餘|余下|餘下)\s*(?P<n2>" + ZH_NUM
      + r")\s*(?:例|名|位|人)(?:[^,，。;；\n\d]{0,20}?" + ZH_PERSON + r")?\s*(?:仅|僅|只|则|則|均|都|也)?\s*(?P<l2>" + ZH_ALLOC
      + r"[^,，。;；\n]{0,10})", 0.85),
    # "随机分为治疗组和对照组，每组40例", "randomized into two groups of 30", "15 patients per arm"
    P("zh_arm_each", r"(?:每组|每組|(?<![男女])各)\s*(?:各)?\s*(?:有|为|為)?\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)", 0.85),
    P("en_arm_each",
      r"(?:\b(?:two|three|four|2|3|4)\s+(?:[A-Za-z\-]+\s+){0,2}?(?:groups|arms|cohorts)\s+of\s+(?P<n>" + EN_NUM + r")"
      r"|(?P<n2>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"\s+)?(?:per|in\s+each|each)\s+(?:group|arm|cohort)\b)", 0.85),
    # a breakdown whose parts add up to the count before it: "112 completed (57 UC-MSC, 55 placebo)",
    # "66例(44/22)", "38 were enrolled: 20 chose to receive MSCs and 18 continued standard care"
    P("arm_breakdown_paren",
      r"[(（]\s*(?P<n>\d{1,5})\s*(?:例|名|人)?\s*(?P<l1>" + BREAKDOWN_LABEL + r")\s*(?:,|，|、|;|；|\band\b|\bvs\.?|\bversus\b|和|与|與)"
      r"\s*(?P<n2>\d{1,5})\s*(?:例|名|人)?\s*(?P<l2>" + BREAKDOWN_LABEL + r")\s*[)）]", 0.85),
    P("arm_breakdown_slash",
      r"(?P<t>\d{1,5})\s*(?:例|名|人|patients|participants)?\s*[(（]\s*(?P<n>\d{1,5})\s*(?:/|vs\.?|versus)\s*(?P<n2>\d{1,5})\s*[)）]",
      0.85),
    # "14 participants had been dosed in the trial: 4 at half dose and 10 at the full dose": the groups listed
    # after a colon, adding up to a count earlier in the sentence
    P("arm_breakdown_list",
      r"[:：;；]\s*(?P<n>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"\s+)?(?P<l1>" + LIST_ALLOC + r"\s(?:[^.;:,]|\.\d){2,80}?)"
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
      r"(?<![共计計有其另])(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)" + ZH_PERSON + r"?\s*(?P<label>(?:接受了?|给予|給予|"
      r"采用|採用)[^,，。;；\n]{1,15})", 0.8),
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
      r"(?:其中|中有)\s*(?P<n>" + ZH_NUM + r")\s*(?:例|名|位|人)" + ZH_PERSON + r"?\s*(?:在[^,，。;；\n\d]{1,12}?(?:基础上|基礎上))?"
      r"\s*(?P<label>(?:接受了?|给予|給予|采用|採用)"
      r"[^,，。;；\n()（）]{1,12})", 0.75),
    # "of whom 30 received cells and 15 received standard care"
    P("en_arm_split",
      r"\b(?:of\s+whom|of\s+these|of\s+them|among\s+them)\s*,?\s+(?P<n>" + EN_NUM + r")\s+(?:" + EN_PERSON
      + r"\s+)?(?P<l1>" + EN_ALLOC + r"[^,.;]{0,40}?)\s*,?\s+(?:and|while|whereas)\s+(?P<n2>" + EN_NUM + r")\s+(?:"
      + EN_PERSON + r"\s+)?(?P<l2>" + EN_ALLOC + r"[^,.;]{0,40})", 0.85),
    P("en_arm_in_group",
      r"(?P<n>" + EN_NUM + r")\s+(?:" + EN_PERSON + r"\s+)?(?:were\s+)?(?:(?:randomi[sz]ed|randomly\s+assigned|"
      r"assigned|allocated)\s+)?(?:in|to|into)\s+(?:the\s+|an?\s+)?(?P<label>[\w\-]+(?:\s+[\w\-]+){0,2}?)\s+"
      + EN_GROUP_WORDS + r"\b", 0.85),
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
    P("zh_studies",
      r"(?P<n>" + ZH_NUM + r")\s*(?:项|項|篇|个|個)\s*(?:已发表的?|已發表的?|高质量的?|高質量的?|独立的?|獨立的?)?"
      r"(?:随机对照试验|隨機對照試驗|随机对照研究|隨機對照研究|RCTs?|临床试验|臨床試驗|对照试验|對照試驗|对照研究|對照研究|"
      r"临床研究|臨床研究|研究|试验|試驗|文献|文獻)", 0.9),
    P("en_studies",
      r"(?P<n>" + EN_NUM + r")\s+(?:(?:randomi[sz]ed|controlled|clinical|eligible|published|independent|"
      r"placebo-controlled|prospective)\s+){0,3}(?:trials|studies|RCTs)\b", 0.9),
)
PATTERN_ROLE: dict[str, str] = {
    "zh_total_enrolled": "total", "zh_total_noun": "total", "en_total_enrolled": "total",
    "en_total_passive": "total", "en_total_denominator": "total", "en_total_noun": "total",
    "en_single_case": "total", "n_equals": "arm", "zh_arm_count_label": "arm",
    "zh_arm_label_count": "arm", "en_arm_in_group": "arm", "en_arm_controls": "arm",
    "zh_total_person_count": "total", "zh_arm_split": "arm", "en_arm_split": "arm",
    "zh_arm_each": "arm", "en_arm_each": "arm",
    "zh_total_clause": "total", "zh_total_gong": "total", "zh_total_study_size": "total",
    "en_total_study_size": "total", "registry_enrollment": "total", "en_total_elliptic": "total",
    "en_total_completed": "total", "arm_breakdown_paren": "arm", "arm_breakdown_slash": "arm",
    "arm_breakdown_colon": "arm", "arm_breakdown_list": "arm", "en_arm_compared": "arm", "zh_arm_compared": "arm", "en_arm_received": "arm", "zh_arm_received": "arm", "zh_arm_subset_alloc": "arm",
    "zh_studies": "studies_included", "en_studies": "studies_included",
    "en_arm_dose_group": "arm", "zh_arm_dose_group": "arm", "zh_case_title": "total",
    "zh_total_completers": "total", "zh_total_completers_before": "total", "registry_flow_started": "arm", "zh_total_in_cohort": "total", "zh_total_all": "total",
    "zh_total_table_cell": "total", "n_equals_list": "arm", "en_arm_dose_received": "arm",
    "zh_arm_dose_received": "arm",
}
MAX_N = {"total": 100_000, "arm": 100_000, "studies_included": 500}
# generic patterns: a count next to a person noun, without an enrolment verb
WEAK = {"zh_total_noun", "en_total_noun", "n_equals", "en_single_case"}
# patterns whose count stands after a subset word by construction ("其中12人接受…", "of whom 30 received")
SPLIT_PATTERNS = {"zh_arm_split", "en_arm_split", "zh_arm_subset_alloc"}
# breakdowns: parts that must add up to the count stated before them
BREAKDOWN_PATTERNS = {"arm_breakdown_paren", "arm_breakdown_slash", "arm_breakdown_colon", "arm_breakdown_list"}
# a treated group and the group it was compared with
COMPARED_PATTERNS = {"en_arm_compared", "zh_arm_compared"}
# a count qualified by a dose level ("8 full-dose participants"): a group, unless that group is stated otherwise
DOSE_GROUP_PATTERNS = {"en_arm_dose_group", "zh_arm_dose_group"}
# a count that received a named dose level: an allocation by construction (after "其中", "the remaining")
DOSE_RECEIVED_PATTERNS = {"en_arm_dose_received", "zh_arm_dose_received"}
# "Eight of the 10 full-dose patients ...", "10名高剂量患者中有7名…": the group is the denominator, the outcome
# belongs to the part of it counted first
DENOMINATOR_BEFORE = re.compile(rf"(?:{EN_NUM})\s+(?:out\s+)?of\s+(?:the\s+|those\s+|these\s+)?$", re.I)
DENOMINATOR_AFTER = re.compile(r"\s*(?:中|之中|当中|當中)(?:有|共有)?\s*\d")
# "Twelve full-dose participants had completed 1 year": a dose group's analysis set, not an outcome
COMPLETED_AFTER = re.compile(r"\s*(?:had\s+|have\s+)?(?:completed|finished|reached)\b|\s*(?:均|已|都)?(?:完成|满|滿)", re.I)
# groups that are only groups when the sentence holds at least two of them
PAIRED_PATTERNS = {"en_arm_received", "zh_arm_received"}
# totals read without a person noun or with a bare 共: what follows may still make them an outcome count
OUTCOME_CHECKED = {"zh_total_gong", "en_total_elliptic"}
# "每组40例": one count for each of the groups named or counted before it in the sentence
EACH_PATTERNS = {"zh_arm_each", "en_arm_each"}
# "设三个剂量组", "兩個劑量組": groups counted with a classifier, whatever names their doses before it
GROUP_COUNT_CLASSIFIER = re.compile(r"(?<![第\d.])(?P<k>两|兩|二|三|四|2|3|4)\s*(?:个|個)\s*[\u4e00-\u9fff]{0,3}?(?:组|組)")
GROUP_COUNT = re.compile(r"(?:分为|分為|分成|into|in)\s*(?:[^,，。;；\d]{0,8}?)(?P<k>两|兩|二|三|四|2|3|4|two|three|four)\s*"
                         r"(?:个|個)?\s*(?:[\u4e00-\u9fff]{0,3}?|(?:[A-Za-z\-]+\s+){0,2}?)(?:组|組|groups|arms|cohorts)(?![A-Za-z])",
                         re.I)
# a bare total followed by its person noun and a comma ("共18位患者,"): what follows the comma is another clause
NOUN_THEN_COMMA = re.compile(r"\s*(?:" + ZH_PERSON + r")?\s*[,，;；]")
# a count of persons before "每组N例"/"N per arm": the total the groups share
PERSON_COUNT = re.compile(rf"(?P<t>{ZH_NUM}|{EN_NUM})\s*(?:例|名|位|人|(?:[\w\-]+\s+){{0,3}}?{EN_PERSON}|were\b)", re.I)
_EACH_K = {"两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "2": 2, "3": 3, "4": 4, "two": 2, "three": 3, "four": 4}
# a count of studies: its breakdown is not one of patients into groups
STUDY_NOUN_AFTER = re.compile(r"\s*(?:项|項|篇|(?:[\w\-]+\s+){0,2}?(?:studies|trials|RCTs)\b)", re.I)
# sex breakdown of a cohort ("3 patients (2 men, 1 woman)"): not a cohort size on its own
SEX_NOUN = re.compile(rf"(?:{EN_NUM}|{ZH_NUM})\s*(?:例|名|位|人)?\s*(?:men|women|males|females|boys|girls|男性|女性|男|女)",
                      re.I)
GENERIC_GROUP_LABELS = ("每组", "每組", "各组", "各組", "两组", "兩組", "二组", "三组", "本组", "本組", "该组", "該組")


def _sentence(view: str, span: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) inside the span (semicolons do not end it)."""
    lo = max(span.start, start - 300)
    cuts = [view.rfind(c, lo, start) for c in ("。", ". ", "\n", "!", "?", "！", "？")]
    lo = max([c + 1 for c in cuts if c >= 0] + [lo])
    hi = min(span.end, end + 300)
    ends = [i for i in (view.find(c, end, hi) for c in ("。", ". ", "\n", "！", "？")) if i >= 0]
    return lo, min(ends + [hi])


def _clause_before(view: str, span: Span, start: int, width: int = 40) -> str:
    """The text before ``start`` back to the previous clause break (at most ``width`` characters)."""
    before = view[max(span.start, start - width):start]
    return re.split(r"[,，;；。:：!?！？\n]|\.\s", before)[-1]


# the two language versions of an abstract are at least this far apart (characters)
BILINGUAL_APART = 150


def _one_language_of_arms(hits: list[Hit]) -> list[Hit]:
    """A bilingual abstract names each group twice ("干细胞组(21例)" ... "stem cell group (n=21)"): of the arms
    of one size labelled in Chinese and in English, only the labels of one language are kept (the more
    numerous, else the first stated)."""
    def han(h: Hit) -> bool:
        return re.search(r"[\u4e00-\u9fff]", h.value.get("label") or "") is not None

    drop: set[int] = set()
    for n in {h.value["n"] for h in hits if h.value["role"] == "arm"}:
        labelled = [h for h in hits if h.value["role"] == "arm" and h.value["n"] == n and h.value.get("label")]
        zh = [h for h in labelled if han(h)]
        en = [h for h in labelled if not han(h)]
        if not zh or not en or any(abs(a.start - b.start) < BILINGUAL_APART for a in zh for b in en):
            continue   # "(21例MSC, 21例对照)": two groups of one size named side by side
        first_zh = min(h.start for h in zh) < min(h.start for h in en)
        loser = en if len(zh) > len(en) or (len(zh) == len(en) and first_zh) else zh
        drop |= {id(h) for h in loser}
    return [h for h in hits if id(h) not in drop]


def _any(text: str, words: Iterable[str]) -> bool:
    low = text.lower()
    return any(w.lower() in low for w in words)


def _clean_label(label: str, lang_en: bool) -> Optional[str]:
    label = label.strip()
    if lang_en:
        label = _EN_LABEL_STOP.sub("", label)
    else:
        label = _LABEL_PREFIX.sub("", label)
    return label.strip() or None



@lru_cache(maxsize=256)
def _largest_person_count(view: str, start: int, end: int) -> int:
    """The largest count of persons in a span (once per span: every hit of the span asks for it)."""
    return max((as_int(parse_number(t.group("t").replace(",", ""))) or 0
                for t in PERSON_COUNT.finditer(view, start, end)), default=0)

class CohortExtractor(FieldExtractor):
    """Cohort sizes with their role; enrolment wording scores higher than a bare count."""

    name = "cohort"
    field = "cohort"
    patterns = PATTERNS
    context = CONTEXT

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        view = span.doc.view
        role = PATTERN_ROLE[pattern.name]
        if pattern.name == "en_single_case":
            yield self.hit({"n": 1, "role": "total", "label": None}, m.start(), m.end(), pattern)
            return
        if pattern.name in BREAKDOWN_PATTERNS:
            yield from self._breakdown(m, pattern, span)
            return
        if pattern.name == "registry_flow_started":
            inline = m.group("n_i") is not None
            for i, g in enumerate(("n_i", "n2_i", "n3_i") if inline else ("n", "n2", "n3")):
                if m.group(g):
                    yield self.hit({"n": int(m.group(g)), "role": "arm", "label": f"group {i + 1}"}, m.start(g),
                                   m.end(g), pattern)
            return
        if pattern.name in COMPARED_PATTERNS:
            for g in ("n", "n2"):
                n = as_int(parse_number(m.group(g).replace(",", "")))
                if n is not None:
                    label = "compared group" if g == "n2" else "treated group"
                    yield self.hit({"n": n, "role": "arm", "label": label}, m.start(g),
                                   m.end(g) if g == "n2" else m.end(g), pattern)
            return
        if pattern.name in PAIRED_PATTERNS:
            lo, hi = _sentence(view, span, m.start(), m.end())
            if sum(1 for _ in pattern.compiled.finditer(view, lo, hi)) < 2:
                return   # one count that received something is the cohort: the total patterns read it
        if pattern.name == "zh_arm_subset_alloc" or pattern.name in PAIRED_PATTERNS:
            n = as_int(parse_number(m.group("n").replace(",", "")))
            if n is not None:
                label = span.doc.text[m.start("label"):m.end("label")].strip() or None
                yield self.hit({"n": n, "role": "arm", "label": label}, m.start(), m.end(), pattern)
            return
        if pattern.name in SPLIT_PATTERNS:
            for g, lg in (("n", "l1"), ("n2", "l2")):
                n = as_int(parse_number(m.group(g).replace(",", "")))
                if n is not None:
                    label = span.doc.text[m.start(lg):m.end(lg)].strip() or None
                    yield self.hit({"n": n, "role": "arm", "label": label}, m.start(g), m.end(lg), pattern)
            return
        if pattern.name in EACH_PATTERNS:
            yield from self._each(m, pattern, span)
            return
        if pattern.name == "n_equals_list":
            for part in re.finditer(r"(?P<label>[A-Za-z\u4e00-\u9fff][^;；,，=]*?)\s*[nN]\s*=\s*(?P<n>\d{1,6})",
                                    m.group("body")):
                n = as_int(parse_number(part.group("n")))
                label = part.group("label").strip()
                if n is None or TOTAL_LABELS.match(label.split()[-1]):
                    continue
                off = m.start("body")
                yield self.hit({"n": n, "role": "arm", "label": label}, off + part.start(), off + part.end(), pattern)
            return
        if "np" in m.groupdict() and _any(m.group("np") or "", OUTCOME_AFTER["zh"]):
            return   # "在12例脱离胰岛素的患者中": a set defined by its outcome, not the cohort
        grp = "n2" if "n2" in m.groupdict() and m.group("n2") else "n"
        n = as_int(parse_number(m.group(grp).replace(",", "")))
        if n is None:
            return
        label = None
        if "label" in m.groupdict() and m.group("label"):
            label = _clean_label(span.doc.text[m.start("label"):m.end("label")],
                                 not re.search(r"[\u4e00-\u9fff]", m.group("label")))
        if pattern.name == "n_equals":
            if label is None or TOTAL_LABELS.match(label.split()[-1]):
                role, label = "total", None
            score = pattern.score if role == "arm" else 0.75
            yield self.hit({"n": n, "role": role, "label": label}, m.start(grp) if role == "total"
                           else m.start(), m.end(grp), pattern, score=score)
            return
        if role == "studies_included":
            before = view[max(span.start, m.start() - 15):m.start()]
            after = view[m.end():min(span.end, m.end() + 25)]
            after_long = view[m.end():min(span.end, m.end() + 45)]
            if _any(_clause_before(view, span, m.start(), 15), BACKGROUND_BEFORE["zh"] + BACKGROUND_BEFORE["en"]):
                return   # "全球已注册1512项试验" (a background word in the previous sentence does not count)
            near = view[max(span.start, m.start() - 200):min(span.end, m.end() + 200)]
            if not (_any(before, STUDY_TRIGGER_BEFORE) or _any(after, REVIEW_CONTEXT)
                    or _any(after_long, STUDY_TRIGGER_AFTER)):
                return
            if not _any(near, REVIEW_CONTEXT):
                return
            yield self.hit({"n": n, "role": role, "label": None}, m.start(), m.end(), pattern)
            return
        yield self.hit({"n": n, "role": role, "label": label if role == "arm" else None},
                       m.start(), m.end(), pattern)

    def _breakdown(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        """Two groups whose sizes add up to the count stated just before them (in the same sentence)."""
        a = as_int(parse_number(m.group("n").replace(",", "")))
        b = as_int(parse_number(m.group("n2").replace(",", "")))
        if a is None or b is None:
            return
        if "t" in m.groupdict():
            total = as_int(parse_number(m.group("t").replace(",", "")))
            if total is None or total != a + b:
                return
            yield self.hit({"n": total, "role": "total", "label": None}, m.start("t"), m.end("t"), pattern)
        else:
            lo, _ = _sentence(span.doc.view, span, m.start(), m.end())
            reach = m.start() - lo if pattern.name == "arm_breakdown_list" else 120
            before = span.doc.view[max(lo, m.start() - reach):m.start()]
            counts = [(as_int(parse_number(x.group(0).replace(",", ""))), x.end())
                      for x in re.finditer(rf"{ZH_NUM}|{EN_NUM}", before, re.I)]
            whole = [end for c, end in counts if c == a + b]
            if not whole:
                return
            if STUDY_NOUN_AFTER.match(before, whole[-1]):
                return   # "11项研究(7项随机、4项非随机)": the included studies by design, not groups of patients
        text = span.doc.text
        for g, lg in (("n", "l1"), ("n2", "l2")):
            label = None
            if lg in m.groupdict() and m.group(lg):
                raw = text[m.start(lg):m.end(lg)]
                inner = re.search(r"[(（]\s*([^()（）]{1,30}?(?:group|arm|组|組))\s*[)）]", raw, re.I)
                label = (inner.group(1) if inner else raw).strip() or None
            label = label or f"group {1 if g == 'n' else 2}"   # "(24/24)": two groups of equal size
            yield self.hit({"n": a if g == "n" else b, "role": "arm", "label": label}, m.start(g),
                           m.end(lg) if lg in m.groupdict() and m.group(lg) else m.end(g), pattern)

    def _each(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        """One arm of n per group: the groups are counted ("分为两组", "two groups of") or named."""
        g = "n" if m.group("n") else "n2"
        n = as_int(parse_number(m.group(g).replace(",", "")))
        if n is None:
            return
        view = span.doc.view
        lo = max(span.start, m.start() - 60)
        sentence = view[lo:m.end()]
        cut = max(sentence.rfind("。"), sentence.rfind(". "), sentence.rfind("\n"), sentence.rfind(";"))
        sentence = sentence[cut + 1:] if cut >= 0 else sentence
        k = GROUP_COUNT.search(sentence) or GROUP_COUNT_CLASSIFIER.search(sentence)
        labels: list[str] = []
        if k:
            labels = [f"group {i + 1}" for i in range(_EACH_K[k.group("k").lower()])]
        else:
            for gm in re.finditer(ZH_GROUP, sentence):
                label = _LABEL_PREFIX.sub("", gm.group("label"))
                if label and label not in labels and label not in ("每组", "每組"):
                    labels.append(label)
        if len(labels) < 2:
            if m.group(0).lstrip().startswith("各"):
                return   # "各15例" needs the groups it distributes over ("男女各10例" is a breakdown by sex)
            labels = [""]   # the number of groups is not stated: one arm of n, unless the total before it says how many
            counts = list(PERSON_COUNT.finditer(sentence[:max(0, len(sentence) - (m.end() - m.start()))]))
            total = as_int(parse_number(counts[-1].group("t").replace(",", ""))) if counts else None
            if total and total % n == 0 and 2 <= total // n <= 4:
                # the nearest count before it: "Of 90 screened, 60 were randomised (30 per arm)" gives two arms
                labels = [f"group {i + 1}" for i in range(total // n)]
        for label in labels:
            yield self.hit({"n": n, "role": "arm", "label": label or None}, m.start(), m.end(), pattern)

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        view = span.doc.view
        n, role = hit.value["n"], hit.value["role"]
        if not 1 <= n <= MAX_N[role]:
            return None
        quote = view[hit.start:hit.end]
        before = view[max(span.start, hit.start - 4):hit.start]
        # what follows the count, in its sentence only
        after = re.split(r"[。！？!?\n]|\.\s", view[hit.end:min(span.end, hit.end + 18)], maxsplit=1)[0]
        near_after = view[hit.end:min(span.end, hit.end + 12)]
        if _any(quote + near_after, ANIMALS) and role != "studies_included":
            return None
        if role == "studies_included":
            return hit
        strong = hit.pattern not in WEAK
        if not strong and role == "total" and SEX_NOUN.fullmatch(quote):
            return None   # "(2 men, 1 woman)": a breakdown of the cohort
        if role == "arm" and (hit.value.get("label") or "") in GENERIC_GROUP_LABELS:
            return None   # "每组40例" is read by the each-group pattern
        if hit.pattern in EACH_PATTERNS:
            return hit
        subset_word = view[max(span.start, hit.start - 12):hit.start].rstrip().lower().endswith(
            tuple(SUBSET_BEFORE["zh"] + SUBSET_BEFORE["en"]))
        larger = _largest_person_count(view, span.start, span.end) > n
        if hit.pattern == "zh_total_all" and larger:
            return None   # "共纳入30例…12例均脱离胰岛素": all of a part, not the cohort
        if hit.pattern in DOSE_RECEIVED_PATTERNS and not subset_word and not larger:
            # a count given a named dose level is a dose group beside a larger count of persons; alone (and not
            # "其中"/"the remaining") it is the cohort: "12 participants received the full dose as a single infusion"
            hit.value = {"n": n, "role": "total", "label": None}
        if role == "arm" and (hit.value.get("label") or "").strip() in ("组", "組"):
            return None   # "共入组12例": 入组 is the enrolment verb, not a group
        prev = view[max(span.start, hit.start - 14):hit.start]
        if TIME_POINT_BEFORE.search(prev):
            return None   # "Day 180 in the full-dose cohort", "第12周": a time point
        if role == "total" and (SCREENED_BEFORE.search(prev) or SCREENED_AFTER.match(view, hit.end)):
            return None   # screened is not enrolled
        if role == "total" and (PLAN_BEFORE.search(_clause_before(view, span, hit.start))
                                or PLAN_FAR.search(_clause_before(view, span, hit.start, PLAN_REACH))):
            return None   # "计划开展一项约120人的试验", "plans to enroll 40 participants": a plan, not this study's size
        if not strong and role == "total" and COMPARATIVE_BEFORE.search(prev):
            return None   # "fewer than 1,000 people", "more than ten recipients": a comparison, not a count
        if role == "total" and ((not strong and COORDINATED_BEFORE.search(prev)) or COORDINATED_AFTER.match(view, hit.end)
                                or PER_UNIT_AFTER.match(view, hit.end)):
            return None   # "(20 and 21 participants)", "分别纳入了20例和21例", "120 participants per trial": not one cohort
        if EVENT_BEFORE.search(view[max(span.start, hit.start - 30):hit.start]):
            return None   # "fever occurred in 3 children in the stem cell group": an event count
        if not strong and role == "total" and re.match(r"\s*(?:其中|其餘|其余)", _clause_before(view, span, hit.start)):
            return None   # "其中符合入组条件的42位患者": a part of a larger count
        if hit.pattern in BREAKDOWN_PATTERNS:
            return hit
        if hit.pattern == "en_total_denominator" and GROUP_QUALIFIER_AFTER.match(view, hit.end):
            return None   # "achieved by 11 of 20 participants given BM-MSCs": the size of one group, said again
        if not strong and role == "total" and IN_GROUP_AFTER.match(view, hit.end):
            return None   # "Two patients in the AD-MSC group": a part of one group, not the cohort
        sub = SUBGROUP_AFTER.match(view, hit.end, min(span.end, hit.end + 60))
        if sub and role == "total" and TIMED_SUBGROUP.search(sub.group("label")):
            # "the 8 participants who had reached Day 180": an analysis subgroup, not an outcome count
            return self._as_subgroup(hit, span, sub)
        # a part of the cohort ("其中5例", "治疗组中有5名", "first 3 patients") is not its size
        if hit.pattern not in SPLIT_PATTERNS | DOSE_RECEIVED_PATTERNS | {"en_total_denominator"} and any(
                before.rstrip().endswith(w)
                                                        for w in SUBSET_BEFORE["zh"] + SUBSET_BEFORE["en"]):
            return None
        if re.match(r"\s*(?:中|之中|当中|當中)(?![国國])", view[hit.end:hit.end + 3]) and role == "total":
            return None
        # an outcome count: the count is followed by what happened to those patients
        denominator = hit.pattern in DOSE_GROUP_PATTERNS and (
            DENOMINATOR_BEFORE.search(view[max(span.start, hit.start - 20):hit.start]) or DENOMINATOR_AFTER.match(view, hit.end))
        if hit.pattern not in SPLIT_PATTERNS | DOSE_RECEIVED_PATTERNS | {"en_total_denominator"} and not denominator and \
                not (strong and role == "total" and hit.pattern not in OUTCOME_CHECKED):
            if (n == 1 and role == "total") or (hit.pattern in OUTCOME_CHECKED and NOUN_THEN_COMMA.match(after)):
                # a single patient introduced, then the story goes on: "一名…女子，…发生低血糖"; a bare total with
                # only its noun before the comma ("共18位患者,分成三组,没有出现…"): the outcome is a later clause's
                after = re.split(r"[,，;；。]", after, maxsplit=1)[0]
            completed = hit.pattern in DOSE_GROUP_PATTERNS and COMPLETED_AFTER.match(view, hit.end)
            if not completed and (_any(after, OUTCOME_AFTER["zh"] + OUTCOME_AFTER["en"]) or _any(quote, OUTCOME_AFTER["zh"])):
                return None
            if hit.pattern in CLAUSE_OUTCOME_PATTERNS:
                # "Nine participants in the MSC group and one in the placebo group had ...": the verb of the
                # whole clause says what happened to them
                clause = re.split(r"[.;。；]", view[hit.end:min(span.end, hit.end + 100)], maxsplit=1)[0]
                if _any(clause, OUTCOME_AFTER["zh"] + OUTCOME_AFTER["en"]):
                    return None
        if re.search(r"(?:^|\s)(?:\d+|\w+)\s+(?:out\s+)?of\s+(?:the\s+)?$",
                     view[max(span.start, hit.start - 16):hit.start]) and hit.pattern == "en_total_noun":
            return None   # "20 of the 23 patients": the denominator pattern reads 23
        if re.search(r"\btype\s*(?:[12]\s*(?:&|and|or|/|,)\s*)?$", view[max(span.start, hit.start - 12):hit.start],
                     re.I):
            return None   # "type 2 diabetes patients"
        if hit.pattern == "en_total_noun":
            prev = view[max(span.start, hit.start - 12):hit.start].lower()
            if re.search(r"\b(?:in|since|from|during|by|until|of|among|aged?|age)\s*$", prev) and n >= 1900:
                return None
            if re.search(r"\b(?:among|in|of)\s*$", prev):
                hit.score = 0.5
        bg_before = view[max(span.start, hit.start - 12):hit.start]
        if _any(bg_before, BACKGROUND_BEFORE["zh"] + BACKGROUND_BEFORE["en"]) and not strong and not (
                not _any(bg_before, WIDE_BACKGROUND) and TREATED_AFTER.match(view, hit.end)):
            return None   # "目前已有14名患者接受植入" is a trial's treated patients; "全国已有…" stays background
        sub = SUBGROUP_AFTER.match(view, hit.end, min(span.end, hit.end + 60))
        if sub and role == "total":
            # "218 patients who completed six months": an analysis subgroup with its own n
            hit = self._as_subgroup(hit, span, sub)
        if _any(view[max(span.start, hit.start - 30):hit.start], CONTEXT.get(span.lang[:2], ())):
            hit.score = min(1.0, hit.score + 0.1)
        return hit

    def _as_subgroup(self, hit: Hit, span: Span, sub: re.Match[str]) -> Hit:
        """The hit as an arm labelled by its defining clause."""
        hit.value = {"n": hit.value["n"], "role": "arm", "label": span.doc.text[sub.start("label"):sub.end("label")]}
        if _any(span.doc.view[max(span.start, hit.start - 30):hit.start], CONTEXT.get(span.lang[:2], ())):
            hit.score = min(1.0, hit.score + 0.1)
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """One hit per (role, n): the best scored; an overlapping arm wins over a bare total."""
        arms = [h for h in hits if h.value["role"] == "arm"]
        # sizes of groups the text allocates explicitly: a bare count of persons equal to one is that group again
        allocated = {a.value["n"] for a in arms
                     if a.pattern in SPLIT_PATTERNS | BREAKDOWN_PATTERNS | PAIRED_PATTERNS | COMPARED_PATTERNS}
        kept: dict[tuple[str, int, str], Hit] = {}
        for h in sorted(hits, key=lambda h: (-h.score, h.start)):
            if h.value["role"] == "arm" and any(k[:2] == ("arm", h.value["n"]) and o.pattern != h.pattern
                                                and o.start < h.end and h.start < o.end for k, o in kept.items()):
                continue   # the same group read by two patterns ("8 participants received a high dose")
            if h.value["role"] == "total" and any(a.value["n"] == h.value["n"] and a.start <= h.end
                                                  and h.start <= a.end for a in arms):
                continue
            if h.value["role"] == "total" and (h.pattern in WEAK or h.pattern == "en_total_denominator") \
                    and h.value["n"] in allocated:
                continue   # "9 of 14 participants" after "14 at the full dose": that group again, not the cohort
            if h.pattern in DOSE_GROUP_PATTERNS and any(a is not h and a.value["n"] == h.value["n"] for a in arms):
                continue   # "12名全剂量受试者" after "其中12名接受了全剂量": the same group again
            if h.pattern == "zh_arm_subset_alloc" and any(a.pattern in ("zh_arm_split", "en_arm_split") and a.start < h.end
                                                          and h.start < a.end for a in arms):
                continue   # the first half of a "其中…另…" split, read there
            # two arms of equal size ("试验组43例，对照组43例") are two facts; the same arm said twice is one
            label = h.value.get("label") or ""
            if h.value["role"] == "arm" and label:
                if any(k[:2] == ("arm", h.value["n"]) and k[2] in ("", label) for k in kept):
                    continue   # the same group said again
                key = ("arm", h.value["n"], label)
            else:
                key = (h.value["role"], h.value["n"], "")
            if key not in kept:
                kept[key] = h
        return sorted(_one_language_of_arms(list(kept.values())), key=lambda h: h.start)


EXTRACTOR = CohortExtractor()
