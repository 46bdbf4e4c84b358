"""Cohort sizes, the lexicon: the parts counts are read from (a number, a person noun, a classifier,
a group label) and the cue words that decide a count's role. Data, declared once, used by the patterns
(``cohort_patterns``), the role guards (``cohort_roles``) and the extractor (``cohort``).
"""
from __future__ import annotations

import re

from ..numbers import COUNT_COMPOSITE, EN_NUMBER
from ..rxcache import rx

# ---- lexicons (data) ----
# a count: Arabic (1-6 digits or thousands groups), a small Chinese numeral, or a number composed with
# multipliers as numbers.py reads them ("3万4000", "三万四千五百零七", "1.2万"); never part of a longer number
# ("7.5", "A1c", "5.37亿"). "数十名", "几十例" are vague amounts, not counts; "3万4000名" is not 4000 (the tail
# of a larger number), and a number right before 万/亿 is the head of one
ZH_NUM = (r"(?<![\d.A-Za-z])(?<!\d·)(?<![万萬亿億千百])(?:" + COUNT_COMPOSITE + r"|\d{1,3}(?:,\d{3})+|\d{1,6}"
          r"|(?<![数數几幾])[一二两兩三四五六七八九十百千零〇]{1,6})"
          r"(?!\d|[.·]\d)(?!\s*(?:万|萬|亿|億))")
EN_NUM = rf"(?:(?<![\d.A-Za-z\-])(?<!\d·)(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}})(?![\d%]|[.·]\d)|{EN_NUMBER})"
# a procedure on cells after its count ("677例胰岛移植", "30例干细胞移植治疗"), never an organ ("肝移植")
CELL_PROCEDURE_ZH = (r"(?:(?!\d)[^,，。;；:：\n]){0,12}?(?:胰岛|胰島|干细胞|幹細胞|细胞|細胞)(?:(?!\d)[^,，。;；:：\n]){0,6}?"
                     r"(?:移植|输注|輸注|回输|回輸|治疗|治療)")
# "200余例", "30多名": an approximate count after an enrolment verb is read as the stated number
ZH_APPROX = r"(?:\s*(?:余|餘|多))?"
ZH_CLASSIFIER = r"(?:例|名|位)"
ZH_PERSON = (r"(?:患者|病人|受试者|受試者|糖友|参与者|參與者|志愿者|志願者|患儿|患兒|病童|患童|儿童|兒童|"
             r"青少年|成人|病例|研究对象|研究對象|受试对象|男性|女性|男子|女子|病友(?![群圈会會])|病患(?!者)|个案|個案)")
# words between a count and its noun: anything inside the clause except another count ("一名61岁、病史12年的女性患者")
ZH_MOD = r"(?:(?!\d+\s*[例名位]|[例名位])[^,，。;；!?！？\n()（）])"
WORD_MAX = 40   # characters of one word between a count and its noun (longer: an unspaced run, not a word)
EN_PERSON = (r"(?:patients|participants|subjects|individuals|people|persons|volunteers|children|"
             r"adolescents|adults|men|women|cases|recipients|diabetics|youths|boys|girls)\b")
NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|hundred|thousand)(?:-\w+)?")
# up to four words between a count and its noun; never a magnitude ("420 million people"), a duration or an
# age ("four weeks apart to adults", "25 year-old women"), nor another number word ("2023 / Forty patients")
EN_MOD = (r"(?:(?:(?!(?:million|billion|thousand|hundred|of|and|or|in|with|the|who|were|was|had|out|"
          r"(?:years?|months?|weeks?|days?|hours?|minutes?|times|doses?)(?:[\s\-]+old)?|years?-old|months?-old|"
          r"yrs?-old|apart|ago|later|earlier|after|before|per|"
          # a count of studies is no count of persons ("eleven studies recruiting adults"; "30 study participants" is)
          r"trials|studies|RCTs|articles|papers|" + NUMBER_WORDS + r")\b)[A-Za-z][\w\-]*|type\s+[12]|[12])"
          r"\s+){0,4}")
# one labelled group inside a bracket list: "Cohort 3 receiving basal insulin, n = 5", "placebo n=20", "and Cohort 3, n = 5"
# (one way only to split an item into label, separator and count: a list that fails to close must fail in linear time)
LIST_ITEM_N = (r"[A-Za-z\u4e00-\u9fff](?:[^()\[\]（）;；=,，\n]{0,40}?[^()\[\]（）;；=,，\s])?(?:\s*[,，:：])?\s*[nN]\s*=\s*"
               r"\d{1,6}(?!\d|\.\d)")
# one labelled part "T1DM = 199", "治疗组:30" (its sum with the others is checked against the count before the bracket)
LIST_ITEM_EQ = r"[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{0,15}(?:\s+[\w\-]+){0,2}?\s*(?:[=:：]|,(?=\s*\d))\s*\d{1,6}(?![\d.])(?:\s*(?:例|名|人))?"
# the parts of those lists, as their parse step reads them
LIST_PART_N = rx(r"(?P<label>[^;；=]*?)\s*[nN]\s*=\s*(?P<n>\d{1,6})")
LIST_PART_EQ = rx(r"(?P<label>[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{0,15}(?:\s+[\w\-]+){0,2}?)\s*(?:[=:：]|,(?=\s*\d))\s*"
                          r"(?P<n>\d{1,6})")
BREAKDOWN_LABEL = (r"(?!(?:years?|yrs?|months?|weeks?|days?|kg|mg|cm|mmol|men|women|males?|females?|boys|girls|男|女|岁|歲)\b)"
                   r"[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]*(?:\s+[A-Za-z][\w\-]*)?")
# how a listed group was treated: "3 at half dose", "12 received cells", "3 underwent a sham procedure"
LIST_ALLOC = r"(?:at|on|in|to|with|received|receiving|given|were\s+given|underwent|undergoing|had\s+a\s+sham)"
DOSE_LEVEL_EN = r"(?:full|half|high|low|middle|medium|mid|standard|reduced|target)[\s\-]dose"
DOSE_LEVEL_ZH = r"(?:高|低|中|全|半|标准|標準)(?:剂量|劑量)"
# a group's name; never across the verb that splits the cohort ("60例患者随机分为干细胞组": 60 is the cohort)
ZH_GROUP = r"(?P<label>(?:(?!分为|分為|分成|随机|隨機|分组|分組)[\u4e00-\u9fffA-Za-z\-]){1,8}?[组組])"
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
           "未脱离", "重新", "恢复", "恢復", "出现", "出現", "发生", "發生", "死亡", "退出", "脱落", "脫落", "失访",
           "失訪", "不再需要", "无需", "無需", "减停", "減停", "减少", "減少", "减量", "減量", "改用", "观察到", "觀察到",
           # insulin stopped said colloquially: "2名糖友停打胰岛素", "3人不用再打针", "告别胰岛素"
           "停打", "停针", "停針", "不再打", "不用再打", "不用打", "告别", "告別",
           # a state reached: "治疗组2名患者进入缓解期", "處於臨床緩解"
           "处于", "處於", "进入", "進入"),
    "en": ("achieved", "attained", "reached", "became", "remained", "experienced", "were insulin",
           "was insulin", "are insulin", "is insulin", "had ", "developed", "discontinued", "stopped", "died", "withdrew",
           "dropped out", "no longer", "did not", "showed", "reported", "regained", "lost", "going",
           "making", "needing", "requiring", "remaining", "achieving", "reaching", "becoming",
           "maintained", "needed", "required", "relapsed", "resumed", "reduced", "decreased", "increased",
           "improved", "switched", "changed", "responded", "failed", "benefited", "benefitted", "suffered",
           "were hospitali",
           # an outcome said with a modal: "Three patients were able to discontinue insulin", "four could stop it"
           "were able to", "was able to", "were unable to", "managed to", "could not", "could stop", "could discontinue",
           "could reduce", "could come off", "could achieve",
           # the plain present and the phrasal verbs of stopping insulin: "let two people with type 1 diabetes stop
           # insulin", "three came off insulin", "four were free of insulin"
           "stop ", "stops ", "quit", "came off", "come off", "went off", "go off", "gave up", "were free of",
           "are free of", "was free of", "is free of",
           # a state reached: "two of the treated boys were in remission by then"
           "in remission", "in partial remission", "in complete remission", "in clinical remission",
           "in the honeymoon"),
}
# a headline's outcome without its verb, read in the clause of a count "in the X group/cohort" only: "Five of nine
# participants in the target-dose cohort insulin independent at month 12" (a table row's "Insulin-free in five" after
# "(n=9)" describes the row's result, not its size)
OUTCOME_VERBLESS_EN = ("insulin independent", "insulin-independent", "insulin free", "insulin-free", "off insulin")
# a breakdown of the cohort by sex or age, told by the count's own clause ("40 patients were women")
BREAKDOWN_AFTER_EN = ("were women", "were men", "were male", "were female", "were boys", "were girls", "were aged",
                      "were older", "were younger", "were over", "were under")
# outcome words that count only inside the count's own clause ("27例一次插管成功", but "对30例患者灌注,其中3例…失败")
OUTCOME_IN_CLAUSE_ZH = ("成功", "失败", "失敗", "无效", "無效", "好转", "好轉", "治愈", "治癒", "复发", "復發")
SUBSET_BEFORE: dict[str, tuple[str, ...]] = {
    "zh": ("其中", "中有", "内有", "內有", "仅有", "僅有", "只有", "另有", "第", "每", "前", "后", "後",
           "余下", "剩余", "其余", "其餘", "此", "这", "這", "上述", "该组", "該組", "另外", "另"),
    "en": ("first", "last", "next", "remaining", "another", "other", "additional", "every", "each", "%"),
}
BACKGROUND_BEFORE: dict[str, tuple[str, ...]] = {
    "zh": ("注册", "註冊", "登记", "登記", "进行了", "進行了", "开展了", "開展了", "正在", "已有", "目前有",
           "全球", "全国", "全國", "每年"),
    "en": ("registered", "ongoing", "worldwide", "globally", "currently"),
}
# background words that place a count beyond any one study (a country, the world, a registry)
WIDE_BACKGROUND = ("全球", "全国", "全國", "每年", "注册", "註冊", "登记", "登記", "registered", "worldwide", "globally")
# "已有14名患者接受植入", "have received implants": patients treated so far in a programme
TREATED_AFTER = rx(r"\s*(?:已|均|都)?(?:接受了?|received|have\s+received|had\s+received|have\s+been\s+(?:dosed|treated|"
                           r"implanted))", re.I)
ANIMALS = ("小鼠", "大鼠", "鼠", "猴", "犬", "猪", "豬", "mice", "mouse", "rats", "rat ", "monkeys",
           "primates", "dogs", "pigs", "animals", "动物", "動物")
# 只 counts animals after a number ("20只小鼠"); as an adverb it restricts ("八人只用口服药", "只有3人")
ANIMAL_CLASSIFIER = r"(?:\d|[一二两兩三四五六七八九十百千])\s*只(?![有要是用需能接])"
# a meta-analysis/review said near a count of studies
REVIEW_CONTEXT = ("荟萃", "薈萃", "meta", "系统评价", "系統評價", "系统分析", "系統分析", "综述", "綜述",
                  "系统性回顾", "系統性回顧", "系统回顾", "系統回顧", "统合分析", "統合分析",
                  "汇总分析", "彙總分析", "合并分析", "合併分析", "systematic review", "pooled", "review")
STUDY_TRIGGER_AFTER = ("were included", "met the inclusion", "met inclusion", "were eligible", "were identified",
                       "deemed eligible", "considered eligible", "judged eligible", "found eligible", "were selected",
                       "met the eligibility", "met eligibility", "fulfilled the",
                       "were pooled", "were analy", "符合纳入", "符合納入", "被纳入", "被納入", "纳入分析", "納入分析")
# an inclusion verb right before a count of studies says they were included, even without a review word nearby
INCLUDED_BEFORE = rx(r"(?:共纳入|共納入|纳入了?|納入了?|最终纳入|最終納入|\bincluded|\bpooled|\bpooling|\bmeta-analy[sz]ed)"
                             r"\s*(?:了|共|共计|共計|a\s+total\s+of)?\s*$", re.I)
STUDY_TRIGGER_BEFORE = ("纳入", "納入", "分析", "基于", "基於", "汇总", "彙總", "合并", "合併", "检索",
                        "檢索", "筛选", "篩選", "涵盖", "涵蓋", "对", "對", "共", "of", "included",
                        "including", "pooled", "pooling", "from", "analy", "identified", "comprising",
                        "across", "combined", "收集", "收录", "收錄", "collected")
# a planned study or enrolment target is not a cohort size
# (计划/計畫 after a determiner is the noun "programme": "该计划共收治45名")
# (next year, "将于"/"即将", or "再收"/"再招募" more patients: an enrolment still to come, "医院明年将再收8名病人",
# "公司说明年启动约60人的关键性试验")
PLAN_BEFORE = rx(r"(?<![该該此本这這其])(?:计划|計劃|計畫|规划|規劃)|拟|擬|预计|預計|将要|將要|准备|準備|有望|打算|希望|\bplan(?:s|ned|ning)?\b|\bwill\b|\bwould\b|"
                         r"明年|(?:将|將)(?:于|於|再)|即将|即將|再(?:收|招募|招收|纳入|納入|入组|入組|收治)|"
                         r"\bexpects?\b|\b(?:aims?|aiming|hopes?|hoping|intends?|intending|seeks?|seeking)\s+to\b|"
                         r"\bto\s+(?:enrol|enroll|recruit|randomi[sz]e)\b|\brequir(?:es|ing)\s+(?:a|an)\b|\bmandat(?:es|ing)\b", re.I)
# a trial whose size is told, then said to be still to come: "a controlled trial with 120 patients, planned for 2027",
# "A phase 3 study of about 400 participants is planned", "约120人的III期试验计划于明年启动", "一项120例的试验正在筹备中"
# (a trial noun before the count, or the count's own "N人的…试验"; the plan word after it in the sentence; "was planned
# as a pilot" is a conducted study's design)
TRIAL_BEFORE_COUNT = rx(r"\b(?:trial|study|RCT)\s+(?:with|of|involving|enrolling|including|in)\s+(?:about\s+|approximately\s+|"
                                r"around\s+|some\s+|up\s+to\s+)?$|(?:试验|試驗|研究)\s*(?:纳入|納入|入组|入組|招募)?\s*(?:约|約)?$", re.I)
ZH_TRIAL_AFTER_COUNT = rx(r"\s*(?:人|例|名)(?:患者|受试者|受試者)?的[^,，。;；\n]{0,10}?(?:研究|试验|試驗)")
PLAN_AFTER = rx(r"\bplanned\s+(?:for|to|in)\b|\b(?:is|are)\s+(?:now\s+)?(?:planned|warranted|needed|being\s+(?:prepared|planned|"
                        r"designed))\b|\bwarranted\b|(?:正在|尚在)?筹备|籌備|计划于|計劃於|計畫於|拟于|擬於|将于|將於|预计于|預計於|"
                        r"即将启动|即將啟動", re.I)
# how far back in its clause an explicit plan word reaches ("plans to initiate a pivotal Phase 3 study enrolling
# about 60"); "will" reaches only the default width ("will present data from the trial that enrolled 40" is a result)
PLAN_REACH = 80
PLAN_FAR = rx(r"(?<![该該此本这這其])(?:计划|計劃|計畫|规划|規劃)|拟|擬|\bplan(?:s|ned|ning)?\b|\b(?:intends?|intending)\s+to\b|"
                      r"\brequir(?:es|ing)\s+(?:a|an)\b", re.I)
# a count right after a time word is a time point ("Day 180", "week 52", "第12周")
TIME_POINT_BEFORE = rx(r"(?:\b(?:day|days|week|weeks|month|months|year|visit|part|phase|cycle|stage|grade|"
                               r"table|figure|fig\.)\s*|第\s*)$", re.I)
SCREENED_BEFORE = rx(r"(?:screened|assessed\s+for\s+eligibility|筛选了?|篩選了?|筛查了?|篩查了?)\s*$", re.I)
SCREENED_AFTER = rx(r"\s+(?:were\s+|had\s+been\s+)?(?:screened|assessed\s+for\s+eligibility)\b|\s*(?:接受)?(?:筛选|篩選|筛查|篩查)",
                            re.I)
# a count listed with another ("two trials (20 and 21 participants)", "20例和21例患者") or ending a range
# ("18 to 120 participants") is the size of one of several things, not the cohort; a comma is not enough
# ("In 2021, 120 patients ...")
COORDINATED_BEFORE = rx(r"(?<![\d.A-Za-z])\d{1,6}\s*(?:例|名|位|人)?\s*(?:、|\band\b|\bor\b|\bto\b|和|与|與|或|及|-|–|~|至|到)\s*$",
                                re.I)
COORDINATED_AFTER = rx(r"\s*(?:和|与|與|、|及|或)\s*\d{1,6}\s*(?:例|名|位|人)")
# "120 participants per trial", "每组": a size per unit, not the cohort
PER_UNIT_AFTER = rx(r"\s*(?:per\s+|in\s+each\s+|each\s+|a\s+|/\s*)(?:trial|study|site|cent(?:re|er)|group|arm|cohort|hospital|"
                            r"year|month|week|day|clinic)\b", re.I)
# "Transient fever occurred in 3 children", "3例中出现": the count of an event, not a cohort
# (events counted in persons: "47 adverse events in 19 participants", "11 complications in 9 patients")
EVENT_BEFORE = rx(r"(?:\b(?:occurred|observed|seen|noted|reported|developed|found|detected)\s+in\s+(?:the\s+|only\s+)?|"
                          r"\b(?:(?:adverse|serious)\s+)?(?:events?|reactions?|complications?|S?AEs?|episodes?)\s+in\s+|"
                          r"(?:发生于|發生於|见于|見於|出现于|出現於)\s*)$", re.I)
COMPARATIVE_BEFORE = rx(r"(?:\b(?:fewer|less|more|greater)\s+than|\bover|\bunder|\bup\s+to|\bat\s+least|超过|超過|不足|不到|"
                                r"多于|多於|逾|至少|不少于|不少於|≥|>=|>)"
                                r"\s*$", re.I)
IN_GROUP_AFTER = rx(r"\s+(?:in|from)\s+(?:the\s+|each\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+(?:group|arm)\b", re.I)
# a denominator of one group's share: "11 of 20 participants given BM-MSCs and 4 of 20 given placebo",
# "7 of 20 patients in the MSC group"
GROUP_QUALIFIER_AFTER = rx(r"\s+(?:(?:in|from)\s+(?:the\s+|each\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+(?:group|arm)\b|"
                                   r"[^.;。；]{0,60}?\b(?:and|vs\.?|versus|compared\s+with)\s+\d+\s+(?:out\s+)?of\s+"
                                   r"(?:the\s+)?\d+\b)", re.I)
# a subgroup reaching a time point ("who had reached Day 180") is an analysis set, not an outcome
TIMED_SUBGROUP = rx(r"\b(?:day|week|month|year|follow-?up|visit)s?\b|\d", re.I)
# arms read from "N patients in the X group": the verb of their clause may make them an outcome
CLAUSE_OUTCOME_PATTERNS = {"en_arm_in_group"}
# a subgroup defined by completion or follow-up after an English count
SUBGROUP_AFTER = rx(r"\s+(?:who|that)\s+(?P<label>(?:had\s+)?(?:completed|were\s+followed|had\s+been\s+followed|"
                            r"finished|reached|remained\s+in)\b(?:\s+(?!and\b|after\b|with\b|showed\b|were\b|had\b)"
                            r"[^\s,.;:()]+){0,6})", re.I)
TOTAL_LABELS = rx(r"^(?:patients|participants|subjects|individuals|people|total|overall|all|"
                          r"trial|study|cohort|sample|adults|children|volunteers|studies|trials|RCTs|"
                          r"患者|受试者|受試者|病例|总计|總計|合计|合計|研究|试验|試驗)$", re.I)
# words that precede a group name but are not part of it
LABEL_PREFIX = rx(r"^.*(?:的|和|与|與|及|、|其中|之中|在|为|為|分|入|将|將|例|名|位|人|了)")
EN_LABEL_STOP = rx(r"^(?:.*\b(?:to|receive|received|receiving|or|and|with|of|the|in|into|"
                            r"were|was|a|an|either|vs|versus)\s+)", re.I)

# "Eight of the 10 full-dose patients ...", "10名高剂量患者中有7名…": the group is the denominator, the outcome
# belongs to the part of it counted first
DENOMINATOR_BEFORE = rx(rf"(?:{EN_NUM})\s+(?:out\s+)?of\s+(?:the\s+|those\s+|these\s+)?$", re.I)
DENOMINATOR_AFTER = rx(r"\s*(?:中|之中|当中|當中)(?:有|共有)?\s*\d")
# "Twelve full-dose participants had completed 1 year": a dose group's analysis set, not an outcome
COMPLETED_AFTER = rx(r"\s*(?:had\s+|have\s+)?(?:completed|finished|reached)\b|\s*(?:均|已|都)?(?:完成|满|滿)", re.I)
# "设三个剂量组", "兩個劑量組": groups counted with a classifier, whatever names their doses before it
# (or the groups counted right before "各": "两组各42人")
GROUP_COUNT_CLASSIFIER = rx(r"(?<![第\d.])(?P<k>两|兩|二|三|四|2|3|4)\s*(?:(?:个|個)\s*[\u4e00-\u9fff]{0,3}?(?:组|組)|"
                                    r"(?:组|組)(?=\s*(?:患者|受试者|受試者)?\s*各))")
GROUP_COUNT = rx(r"(?:分为|分為|分成|into|in|at)\s*(?:[^,，。;；\d]{0,8}?)(?P<k>两|兩|二|三|四|2|3|4|two|three|four)\s*"
                         r"(?:个|個)?\s*(?:[\u4e00-\u9fff]{0,3}?|(?:[A-Za-z\-]+\s+){0,2}?)(?:组|組|groups|arms|cohorts|dose\s+levels)(?![A-Za-z])",
                         re.I)
# a bare total followed by its person noun and a comma ("共18位患者,"): what follows the comma is another clause
NOUN_THEN_COMMA = rx(r"\s*(?:" + ZH_PERSON + r")?\s*[,，;；]")
# a count of persons before "每组N例"/"N per arm": the total the groups share
# (a word is at most WORD_MAX characters: an unspaced run is not rescanned from each of its positions)
PERSON_COUNT = rx(rf"(?P<t>{ZH_NUM}|{EN_NUM})\s*(?:例|名|位|人|(?:[\w\-]{{1,{WORD_MAX}}}\s+){{0,3}}?{EN_PERSON}|were\b)",
                          re.I)
EACH_K = {"两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "2": 2, "3": 3, "4": 4, "two": 2, "three": 3, "four": 4}
# a count of studies: its breakdown is not one of patients into groups
STUDY_NOUN_AFTER = rx(rf"\s*(?:项|項|篇|(?:[\w\-]{{1,{WORD_MAX}}}\s+){{0,2}}?(?:studies|trials|RCTs)\b)", re.I)
# sex breakdown of a cohort ("3 patients (2 men, 1 woman)"): not a cohort size on its own
SEX_NOUN = rx(rf"(?:{EN_NUM}|{ZH_NUM})\s*(?:例|名|位|人)?\s*(?:men|women|males|females|boys|girls|男性|女性|男|女)",
                      re.I)
GENERIC_GROUP_LABELS = ("每组", "每組", "各组", "各組", "两组", "兩組", "二组", "三组", "本组", "本組", "该组", "該組")
