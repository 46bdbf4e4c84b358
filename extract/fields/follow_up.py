"""The study's follow-up in days (one value per record), as the guideline defines it.

Tiers, best first (``decide`` keeps the top tier, and within it the longest value: the study's end):

* a stated duration next to a follow-up word (随访/追踪/观察期/followed/follow-up), a study length
  ("研究周期为24周", "The total study duration was 24 weeks") or a summary ("The 30-month median observation");
* durability, how long the effect has lasted ("疗效维持了20个月以上", "已经超过一年没复发", "sustained for 2 years");
* the time of the last assessment, when nothing above is stated: a time point of follow-up ("At 2-year
  follow-up", "在12个月随访时"), of results ("At 18 months after treatment, C-peptide was higher", "治疗满36周时",
  "术后5年", "Two and a half years on, he still ...", "12-month results"), with a result in its sentence.

Never follow-up: the time to an event ("移植60天后停用胰岛素", "three months later she stopped insulin"), a window
("注射后3个月内"), a time counted from one dose ("4 weeks after the last infusion"), a planned or required
follow-up, disease duration, age, insulin-free time ("31 months insulin-free"), a threshold that selects studies.
Durations are read by ``extract/durations.py`` ("两年零三个月", "two and a half years", "18个月余").
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..durations import DURATION_EN, DURATION_ZH, LIST_ITEM_EN, LIST_ITEM_ZH, TIMEPOINT_EN, parse_duration, timepoint_days
from .base import FieldExtractor, Hit, Pattern, Span
from .context import (FLAT_ROW_MAX, compile_cues, flat_table_header, in_reference, in_related_links, sentence_bounds,
                      table_column_header, zp)
from ..rxcache import rx

# ---- parts (data): a duration, a qualifier, a follow-up word, a treatment word ----
# the duration itself is composed in extract/durations.py ("两年零三个月", "two and a half years", "3-6个月")
DUR_ZH = rf"(?P<dur>{DURATION_ZH})"
DUR_EN = rf"(?P<dur>{DURATION_EN})"
_QUAL_ZH = r"(?:约|超过|长达|至少|近|逾|已|已经)?"
_QUAL_EN = r"(?:(?:up to|at least|approximately|about|around|over|more than|nearly|almost|a (?:median|mean) of|an average of)\s+)?"
_FU_ZH = r"(?:随访|追踪|跟踪|追访|跟进)(?:观察)?"
_FU_EN = r"follow(?:ed)?[- ]?up"
# the people followed, between the verb and the duration: "追踪患者48周", "随访所有受试者12个月"
_FOLLOWED_ZH = r"(?:所有|全部|这些|该批)?(?:患者|病人|受试者|患儿|参与者)"
# what the time is counted from: the treatment ("治疗后", "术后", "after transplantation", "postinfusion")
_TREAT_ZH = r"(?:治疗|移植|输注|回输|干预|注射|用药|手术|术)"
_TREAT_EN = (r"(?:treatment|therapy|transplant(?:ation)?|infusion|injection|engraftment|implantation|procedure|surgery|"
             r"the\s+(?:first\s+|initial\s+)?(?:infusion|injection|transplant(?:ation)?|dose|treatment))")
_POST_EN = r"post-?(?:infusion|transplant(?:ation)?|treatment|injection|operative(?:ly)?|op|implantation|engraftment)"
# a list of time points before the last: "at 3, 6 and 12 months", "在1、3、6、12个月"
_LIST_EN = rf"(?:(?:{LIST_ITEM_EN})\s*-?\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)){{0,5}}"
_LIST_ZH = rf"(?:(?:第)?(?:{LIST_ITEM_ZH})\s*[、,和及与]\s*){{0,5}}"
# what a clause-opening time point may run straight into: a measure or a count of persons ("1年后糖化血红蛋白降至6.8%",
# "一年后10人无需注射胰岛素"), not an event of the patient ("3个月后停用胰岛素")
_THEN_RESULT_ZH = r"\s*(?:\d{1,4}\s*(?:人|名|例|位)|(?:患者|他|她|其)?的?\s*(?:糖化|HbA1c|C肽|C-肽|血糖|空腹|胰岛功能))"
# where a clause starts: "At 18 months after treatment, ...", "; after 12 months, ..."
_CLAUSE_START = r"(?:(?<=[.;:!?(\n])\s*|^|(?<=,)\s*(?:and\s+|but\s+|while\s+)?)"
_CLAUSE_START_ZH = r"(?:(?<=[。;:!?(\n,])|^)"

FOLLOW_UP_PATTERNS: tuple[Pattern, ...] = (
    # a median/mean follow-up is the study's summary value
    # (the summary word after the noun too: "追蹤時間中位數３年", "随访时间平均为18个月")
    zp("median__zh", rf"(?:中位|平均){_FU_ZH}(?:时间|期)?(?:为|达|是|:)?\s*{_QUAL_ZH}{DUR_ZH}", 1.0,
       examples=("中位随访32周(12~60周),无患者复发。", "中位隨訪時間為2.5年(範圍1-4年)。"),
       traps=("中位病程10年的患者接受了治疗。",)),
    zp("median__zh_after_noun", rf"{_FU_ZH}(?:时间|期)?(?:的)?(?:中位数|中位值|中位|平均值|平均)(?:为|达|是|:)?\s*{_QUAL_ZH}{DUR_ZH}", 1.0,
       examples=("本院6位病人接受胰島移植，追蹤時間中位數３年。", "随访时间平均为18个月。"),
       traps=("随访时间中位数未达到。",)),
    zp("median__en", rf"\b(?:median|mean|average)\s+(?:duration\s+of\s+)?{_FU_EN}(?:\s+(?:time|period|duration))?(?:\s+(?:was|of|lasted)\s+|\s*[:=]\s*|\s+){_QUAL_EN}{DUR_EN}", 1.0,
       examples=("Eighteen patients received UC-MSC. Mean follow-up: 14.5 ± 3.2 months.", "Median follow-up was 3 years."),
       traps=("Mean follow-up HbA1c was 7.1%.",)),
    # "The 30-month median observation showed ...": the summary value written before its noun
    zp("median__en_dur_observation", rf"\b{DUR_EN}\s+(?:median|mean|average)\s+(?:observation|{_FU_EN})", 1.0,
       examples=("The 30-month median observation showed that 31 stayed insulin free.",),
       traps=("The 30-year median age of onset was reported.",)),
    # stated durations
    zp("stated__zh_fu", rf"{_FU_ZH}(?:时间|期间|期|期限)?(?:{_FOLLOWED_ZH})?(?:至今|迄今)?(?:均|都|皆)?(?:为|达|长达|共|了|(?:已|已经)?满|(?:至|到)第?|:|：|[(（](?:平均|中位)?)?\s*{_QUAL_ZH}"
       # (counted from a named dose: "随访期为首次注射后9个月", "末次移植后")
       rf"(?:(?:首次|末次|第一次|最后一次|最后1次)?(?:治疗|术|移植|输注|注射)后)?{DUR_ZH}", 0.9,
       examples=("研究纳入26例1型糖尿病患者,随访时间为(380±75)天。", "患者隨訪兩年零三個月,血糖穩定。",
                 "随访期为首次注射后9个月", "隨訪期：末次移植後24個月"),
       traps=("随访患者病程10年。",)),
    zp("stated__zh_period", rf"为期\s*{DUR_ZH}的?(?:{_FU_ZH}|观察)", 0.95),
    zp("stated__zh_study", rf"为期\s*{DUR_ZH}的?(?:研究|试验)", 0.75),
    zp("stated__zh_observe_verb", rf"(?:连续|持续|共)?观察(?:了)?\s*{_QUAL_ZH}{DUR_ZH}", 0.8,
       examples=("治疗后连续观察12周,未见不良反应。", "患者共觀察了兩年。"), traps=("观察到12例患者好转。",)),
    zp("stated__zh_observe", rf"观察期(?:为期|为|达|长达|:)?\s*{_QUAL_ZH}{DUR_ZH}", 0.85,
       examples=("一项纳入20名2型糖尿病患者的研究，观察期为期24周。", "觀察期為期24週。"),
       traps=("观察期间12例患者出现发热。",)),
    zp("stated__zh_dur_observe", rf"{DUR_ZH}的?(?:观察期|实验期|研究期)", 0.85),
    zp("stated__zh_dur_fu", rf"{DUR_ZH}(?:以上|余)?的?{_FU_ZH}", 0.7),
    # "研究周期为24周", "試驗總時長一年半": the study's stated length
    zp("stated__zh_study_length", rf"(?:研究|试验)(?:总)?(?:周期|时长|期限|持续时间|总时长)(?:为|共|是|:)?\s*{_QUAL_ZH}{DUR_ZH}", 0.8,
       examples=("研究周期为24周,共纳入30例患者。", "試驗總時長為一年半。"), traps=("研究周期较短。",)),
    zp("stated__en_fu_of", rf"\b{_FU_EN}(?:\s+(?:period|duration|time|study))?(?:\s+(?:of|was|lasted)\s+|\s*[:=]\s*){_QUAL_EN}{DUR_EN}", 0.9,
       examples=("Forty patients received islets. Follow-up: 24 months.", "The follow-up period was 2 years."),
       traps=("Follow-up: ongoing.",)),
    # (an article and a period may wrap the duration: "tracked over a one-year period", "for a period of 18 months")
    # (the present tense of a protocol or a participant's blog: "The study follows us for a year")
    zp("stated__en_followed_for", rf"\b(?:follow(?:ed|s)(?:\s+up)?|monitor(?:ed|s)|observe[ds]|track(?:ed|s))\s+(?:\w+\s+){{0,3}}?(?:for|over)\s+(?:(?:a|an|the)\s+(?:period\s+of\s+)?)?{_QUAL_EN}{DUR_EN}", 0.9,
       examples=("The trial focused on 30 adults whose blood glucose was continuously tracked over a one-year period.",
                 "Twenty patients were monitored for a period of 18 months after the infusion.",
                 "Sixteen adults received the cells. The study follows us for a year after the infusion.",
                 "The trial follows participants for 2 years."),
       traps=("Each visit follows the same schedule for 2 days of tests.",)),
    zp("stated__en_through", rf"\b(?:through(?:out)?|during|over|after|completed)\s+(?:the\s+|a\s+)?{_QUAL_EN}{DUR_EN}(?:\s+of)?\s+(?:{_POST_EN}\s+)?(?:{_FU_EN}|observation)", 0.9,
       examples=("Fifteen children completed 1 year of postinfusion follow-up.",)),
    # "(follow-up, 24 months)", "(median follow-up: 3 years)": a bracketed summary of the follow-up
    zp("stated__en_bracket", rf"[(\[]\s*(?:(?:median|mean)\s+)?{_FU_EN}\s*(?:time\s*)?[,:;=]\s*{_QUAL_EN}{DUR_EN}\s*[)\]]", 0.9,
       examples=("Eighteen patients with type 2 diabetes received UC-MSC (follow-up, 24 months).",
                 "Twelve patients received islets (median follow-up: 3 years)."),
       traps=("Patients were seen at each visit (follow-up, weekly).",)),
    # "followed up to 2 years", "monitored for up to 18 months": the longest follow-up
    zp("stated__en_followed_up_to", rf"\b(?:followed|monitored|observed|tracked)\s+(?:for\s+)?up\s+to\s+{DUR_EN}", 0.85,
       examples=("Eighteen patients received UC-MSC; patients were followed up to 2 years.",),
       traps=("Patients were followed up. Two years later the clinic closed.",)),
    # "a 2-year follow-up"; "at 2-year follow-up" is a time point (parse lowers it)
    zp("stated__en_dur_fu", rf"\b{DUR_EN}(?:\s+of)?\s+(?:{_POST_EN}\s+)?{_FU_EN}", 0.75),
    # "The total study duration was 24 weeks"
    zp("stated__en_study_length", rf"\b(?:total\s+)?(?:study|trial)\s+(?:duration|period|length)\s+(?:was|of|lasted|:|=)\s+{_QUAL_EN}{DUR_EN}", 0.8,
       examples=("Thirty patients were enrolled. The total study duration was 24 weeks.",),
       traps=("The study period was short.",)),
    # "The whole study lasted 24 weeks", "the trial ran for 52 weeks", "整个研究历时24周", "試驗為期一年"
    zp("stated__en_study_lasted", rf"\b(?:whole\s+|entire\s+|total\s+)?(?:study|trial)\s+(?:lasted|ran|continued|spanned|was\s+conducted)\s+(?:for\s+|over\s+)?{_QUAL_EN}{DUR_EN}", 0.8,
       examples=("Thirty patients were enrolled. The whole study lasted 24 weeks.", "The trial ran for 52 weeks."),
       traps=("The infusion lasted 30 minutes.",)),
    zp("stated__zh_study_lasted", rf"(?:整个|全部)?(?:研究|试验)(?:共|总共)?(?:历时|持续|进行了|为期)(?:了)?\s*{_QUAL_ZH}{DUR_ZH}", 0.8,
       examples=("研究纳入30例2型糖尿病患者,整个研究历时24周。", "研究納入30例患者,整個試驗歷時一年。"),
       traps=("研究持续进行中。",)),
    # the end of an observation: "术后测血糖…至28 d", "移植后监测血糖至28天", "观察至术后12周"
    zp("stated__zh_observed_until", rf"(?:观察|监测|检测|测定|测|随访|记录)[^。;]{{0,120}}?至\s*(?:{_TREAT_ZH}后)?(?:第)?{DUR_ZH}(?=\s*[。.,;]|\s*$)", 0.85,
       examples=("术后测血糖水平、葡萄糖耐量试验以及达正常血糖水平率至28 d.", "大鼠移植后监测血糖至28天。",
                 "患者接受治疗后观察至术后12周,未见不良反应。"),
       traps=("监测血糖至正常后出院。",)),
    # "a 52-week, open-label, single-arm phase 1 study": the study's planned length
    zp("stated__en_study", rf"\b(?:a|an|the|this)\s+{DUR_EN}(?:\s*,?\s*[\w/-]+){{0,6}}?\s+(?:study|trial)\b", 0.6),
    # a registry record's "[Time Frame: 48 weeks]" (a duration; "Time Frame: week 48" is a time point)
    zp("stated__en_time_frame", rf"\bTime\s+Frame\s*:\s*{_QUAL_EN}{DUR_EN}(?=\s*[\]\n;.]|\s*$)", 0.7),
    zp("stated__en_observation", rf"\bobservation(?:al)?\s+period\s+(?:of|was|lasted)\s+{_QUAL_EN}{DUR_EN}", 0.85),
    # "Over 6 months, HbA1c fell ...": a clause-opening period over which the results were observed
    zp("stated__en_over_period", rf"(?:^|(?<=[.;:]\s)|(?<=\n))(?:Over|During|Throughout|Across)\s+(?:the\s+|a\s+)?(?:(?:following|next|subsequent)\s+)?{DUR_EN}(?:\s+period)?(?:\s+(?:after|following)\s+[^,.;]{{1,30}})?\s*,", 0.6,
       examples=("Over a 12-month period, HbA1c fell from 8.1% to 7.4%.",)),
    # a treatment tried on patients for a time (spoken): "在9名患者身上试了八个月", "4名病人試了兩年",
    # "tried in eight volunteers for two years" (the time the product was watched working, or not)
    zp("stated__zh_tried", rf"(?:患者|病人|受试者|病友|人)(?:身上)?\s*(?:试|试用|尝试)了\s*{_QUAL_ZH}{DUR_ZH}", 0.7,
       examples=("贝岚公司早先的胰岛祖细胞产品BL-07，在9名患者身上试了八个月，血糖改善有限。", "另一款產品HX-3，4名病人試了兩年效果不明顯，已停止開發。"),
       traps=("她试了一年的饮食控制，血糖仍然很高。",)),
    zp("stated__en_tried", rf"\b(?:tried|tested)\s+(?:it\s+|them\s+)?(?:in|on)\s+(?:\w+\s+){{0,3}}?(?:patients|participants|people|volunteers)\s+for\s+{_QUAL_EN}{DUR_EN}", 0.7,
       examples=("Its predecessor, a capsule called VX-9, was tried in eight volunteers for two years without benefit.",),
       traps=("She tried a low-carbohydrate diet for a year.",)),
    zp("stated__zh_over_period", rf"在(?:随后|此后|之后|接下来)的\s*{DUR_ZH}(?:里|中|内|间)", 0.6),
    # a table cell under a follow-up column: "随访 | ... | 104周 |"
    zp("table__cell_zh", rf"(?<=\|)\s*{_QUAL_ZH}{DUR_ZH}\s*(?=\||$)", 0.85, re.IGNORECASE | re.MULTILINE),
    zp("table__cell_en", rf"(?<=\|)\s*{_QUAL_EN}{DUR_EN}\s*(?=\||$)", 0.85, re.IGNORECASE | re.MULTILINE),
    # durability: how long the effect has lasted, to the last assessment ("疗效维持了20个月以上")
    zp("durable__zh_kept", rf"(?:疗效|效果|作用|获益|缓解|血糖控制|血糖|病情|控制|功能)(?:已|已经|均|都)?(?:维持|保持|持续|稳定)(?:了)?\s*{_QUAL_ZH}{DUR_ZH}", 0.6,
       examples=("回输60天后她不再需要胰岛素,疗效维持了20个月以上。", "患者术后血糖控制稳定18个月。",
                 "患者術後療效已維持兩年。"),
       traps=("疗效可持续6~12个月。",)),
    # the graft kept working: "胰岛持续分泌胰岛素达12周", "the cells continued to produce insulin for 12 weeks"
    zp("durable__zh_kept_working", rf"(?:持续|继续|一直)(?:正常)?(?:分泌|产生|生产|制造|释放|发挥作用|起效|存活|工作|运作)[^,。;\d]{{0,8}}?(?:达|长达|了)\s*{_QUAL_ZH}{DUR_ZH}", 0.6,
       examples=("研究人员为1名1型糖尿病患者移植了胰岛,患者胰岛持续分泌胰岛素达12周。", "移植細胞持續分泌胰島素達12週。"),
       traps=("患者持续服用二甲双胍达12周。",)),
    zp("durable__en_kept_working", rf"\b(?:continued|continues|kept|keeps|has\s+kept|have\s+kept)\s+(?:to\s+)?(?:produc|secret|mak|function|work|surviv|releas)\w*\s+(?:insulin\s+|normally\s+)?(?:for|over|through)\s+{_QUAL_EN}{DUR_EN}", 0.6,
       examples=("A man received gene-edited islets; the cells continued to produce insulin for 12 weeks.",
                 "The graft has kept making insulin for 6 months."),
       traps=("Patients continued to take metformin for 12 weeks.",)),
    # off insulin to this day: "患者停用胰岛素已超过14个月", "至今已停針一年零四個月", "has stayed off insulin for 20 months"
    # (a time until the patient stopped, "3个月后停用胰岛素", is no follow-up; a stated follow-up wins)
    zp("durable__zh_off_insulin", rf"(?:(?:停用|脱离|摆脱|不再使用|未再使用|不再注射|停止注射)(?:了)?(?:外源性)?胰岛素(?:注射|治疗)?"
                                  rf"(?:已|已经)|(?:至今|迄今|目前|现已)(?:已|已经)?(?:停用|脱离|摆脱|停针)(?:了)?(?:胰岛素)?)"
                                  rf"(?:超过|长达|达|约|近|有)*\s*{DUR_ZH}", 0.55,
       examples=("截至发稿,患者停用胰岛素已超过14个月,血糖一直平稳。", "她至今已停針一年零四個月,血糖保持穩定。",
                 "術後約3個月停用胰島素,至今已停用約9個月。"),
       traps=("移植3个月后停用胰岛素。", "停用胰岛素3个月后复查。")),
    # ("insulin-free for …" stays out: _NOT_FOLLOW_UP, a cohort's insulin-free survival)
    zp("durable__en_off_insulin", rf"\b(?:has|have)\s+(?:now\s+)?(?:been|stayed|remained|lived)\s+(?:off insulin|free of insulin"
                                  rf"(?: injections)?)\s+for\s+{_QUAL_EN}{DUR_EN}", 0.55,
       examples=("A 47-year-old man has stayed off insulin for 20 months after the transplant.",
                 "She has now been off insulin for 14 months."),
       traps=("Two patients remained insulin-free through 28 months.", "She stopped insulin 3 months after the transplant.")),
    # the time since the treatment, the patient still well now: "Eighteen months after the procedure she still does not
    # need it", "术后18个月,她仍然不需要注射胰岛素", "已擺脫胰島素超過1年"
    zp("durable__en_still", rf"\b{DUR_EN}\s+(?:after|since|following)\s+(?:the|her|his|their)\s+(?:[\w-]+\s+){{0,2}}?(?:procedure|transplant\w*|infusion|"
                            rf"surgery|operation|treatment|implant\w*)\s*,?\s+(?:she|he|they|the\s+(?:patient|woman|man|recipient))\s+"
                            rf"(?:still|remains|is\s+still|continues\s+to|has\s+not\s+needed|no\s+longer)\b", 0.55,
       examples=("Eighteen months after the procedure she still does not need it.",
                 "Two years after his transplant, the patient remains insulin-free."),
       traps=("Eighteen months after the procedure she stopped insulin.", "Six months after the transplant she needed insulin again.")),
    zp("durable__zh_still", rf"(?:术|手术|移植|输注|治疗)后\s*{DUR_ZH}\s*[,，]?\s*(?:她|他|患者|该患者|這名患者|这名患者)?(?:仍|依然|仍然|依旧|至今仍)"
                            rf"(?:不需要|无需|未再|没有再?|不用)", 0.55,
       examples=("术后18个月,她仍然不需要注射胰岛素。", "移植後18個月,她仍然不需要注射胰島素。"),
       traps=("术后18个月,她重新开始注射胰岛素。",)),
    zp("durable__zh_off_since", rf"(?:已|已经|至今)(?:停用|脱离|摆脱|不再依赖)(?:了)?(?:外源性)?胰岛素(?:注射|治疗)?(?:超过|长达|达|约|近|有)*\s*{DUR_ZH}"
                                rf"(?!\s*(?:后|之后|以后))", 0.55,
       examples=("患者已擺脫胰島素超過1年。", "她已经脱离胰岛素一年多,血糖平稳。"),
       traps=("她已经脱离胰岛素3个月后复查。",)),
    zp("durable__zh_already", rf"(?:已|已经)(?:维持|保持|持续)(?:了)?\s*{_QUAL_ZH}{DUR_ZH}", 0.6,
       examples=("患者的血糖已保持18个月以上正常。", "該名患者已經保持18個月以上無需注射。")),
    # "已经超过一年没复发", "1年多没再复发": no recurrence over the time observed
    zp("durable__zh_no_recurrence", rf"(?:已|已经|至今)?{_QUAL_ZH}{DUR_ZH}(?:都|均)?(?:没有?|未|无)(?:再)?(?:复发|发作|恶化|破溃)", 0.6,
       examples=("接受细胞治疗3个月,到现在已经超过一年没复发。", "接受自體間質幹細胞治療,1年多沒再復發。"),
       traps=("伤口医治2年都没好。",)),
    zp("durable__en_lasted", rf"\b(?:effects?|benefits?|responses?|improvements?|remission|control|function|results?|reductions?)\s+(?:has\s+|have\s+|had\s+|was\s+|were\s+)?(?:been\s+)?(?:lasted|persisted|maintained|sustained|durable|remained\s+stable)\s+(?:for\s+|over\s+|through\s+)?{_QUAL_EN}{DUR_EN}", 0.6,
       examples=("The improvement was sustained for more than 2 years.", "Graft function has persisted for 18 months."),
       traps=("The effect may last 6 to 12 months.",)),
    zp("durable__en_through", rf"\b(?:preserved|maintained|sustained|persisted|remained\s+[\w-]+)\s+(?:up\s+to|through|until)\s+{_QUAL_EN}{DUR_EN}", 0.6,
       examples=("C-peptide secretion was preserved up to 24 months.",),
       traps=("Two patients remained insulin-free through 28 months.",)),
    zp("durable__en_no_recurrence", rf"\bno\s+(?:recurrence|relapse)\s+(?:for|in|over|during)\s+(?:the\s+(?:past|last)\s+)?{_QUAL_EN}{DUR_EN}", 0.6,
       examples=("The ulcer healed, with no recurrence for more than a year.",)),
    zp("durable__en_without_recurrence", rf"\b{DUR_EN}\s+without\s+(?:recurrence|relapse)", 0.6,
       examples=("The wound has now gone 14 months without recurrence.",)),
    # the last assessment, stated as a time point of follow-up ("At 2-year follow-up", "the follow up at 12 months")
    zp("tp_fu__en_at", rf"\bat\s+(?:the\s+)?{_LIST_EN}{DUR_EN}(?:\s+of)?[\s-]+(?:{_POST_EN}\s+)?(?:{_FU_EN}|visit|assessment|evaluation|time\s*point)", 0.5,
       examples=("Nine patients received the cells. At 2-year follow-up, 7 of 9 patients remained insulin-free.",
                 "C-peptide was measured at the 3-, 6- and 12-month follow-up visits.")),
    zp("tp_fu__en_fu_at", rf"\b{_FU_EN}\s+(?:visits?\s+|assessments?\s+)?(?:at|after)\s+(?:the\s+)?{_LIST_EN}{DUR_EN}", 0.5,
       examples=("In two patients treated, the follow up at 12 months showed negative antibody values.",)),
    zp("tp_fu__zh_at", rf"(?:在|于|至|到)(?:{_TREAT_ZH}后)?(?:第)?{_LIST_ZH}{DUR_ZH}(?:的)?{_FU_ZH}(?:时|中|期间)?", 0.5,
       examples=("在12个月随访时,8名患者仍无需胰岛素。",)),
    # an endpoint's window from baseline: "自签署同意书后至6个月出现的不良事件", "from baseline to 12 months"
    zp("tp_fu__zh_window", rf"(?:自|从|由)[^,。;\n\d]{{0,24}}?(?:后|起)?至\s*(?:{_TREAT_ZH}后)?(?:第)?{DUR_ZH}(?!内|以内|之内)", 0.5,
       examples=("主要评估指标:自签署受试者同意书(ICF)后至6个月出现的不良事件(AE)。", "主要评估指标:从基线至治疗后24周HbA1c的变化。"),
       traps=("从2019年至2021年,团队开展了研究。", "细胞制备时间从40天缩短至14天。")),
    zp("tp_fu__en_window", rf"\b(?:from\s+)?baseline\s+(?:to|through|until|and)\s+(?:the\s+)?{DUR_EN}", 0.5,
       examples=("Primary outcome: change in HbA1c from baseline to 12 months.",
                 "Change in C-peptide [Time Frame: baseline to 24 weeks]")),
    # ... to a time point named unit first: "the change in HbA1c from baseline to week 48"
    zp("tp_fu__en_window_unit_first", rf"\b(?:from\s+)?baseline\s+(?:to|through|until)\s+(?:the\s+)?(?P<dur>{TIMEPOINT_EN})", 0.5,
       examples=("The primary endpoint was the change in HbA1c from baseline to week 48.",
                 "Change in C-peptide AUC from baseline through month 12"),
       traps=("baseline and 3 other visits",)),
    # the last visit the participants completed: "91 completed week 48", "all completed the month 12 visit"
    zp("tp_fu__en_completed", rf"\bcompleted\s+(?:the\s+)?(?P<dur>{TIMEPOINT_EN})\b", 0.5,
       examples=("Ninety-six participants were randomized; 91 completed week 48.",
                 "All 20 patients completed the month 12 visit."),
       traps=("The team completed 48 infusions.",)),
    # the last assessment as a time point of the results ("At 18 months after treatment, C-peptide was higher")
    zp("tp__en_clause_at", rf"{_CLAUSE_START}(?:At|After|By)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?(?:first\s+)?{DUR_EN}(?:\s+(?:after|post|following|of)\s+[^,.;]{{1,40}}?)?\s*,", 0.45,
       examples=("Sixty patients were randomized. At 18 months after treatment, C-peptide was higher in the cell group.",
                 "After 12 months, five patients remained insulin independent."),
       traps=("Three months later she stopped insulin.", "After 10 years of research, the team published its work.")),
    # "at the end of 6 months of stem cell transplantation", "治疗6个月末", "第12周末"
    zp("tp__en_end_of", rf"\bat\s+the\s+end\s+of\s+(?:the\s+)?(?:first\s+)?{DUR_EN}(?=\s+(?:of|after|post|following)\s+(?:[^\s,.;]+\s+){{0,6}}?{_TREAT_EN}|\s*[,.;)])", 0.45,
       examples=("Primary end points were reduction in insulin dose at the end of 6 months of stem cell transplantation.",
                 "C-peptide improved at the end of 6 months of autologous bone marrow–derived stem cell transplantation (SCT)."),
       traps=("The cells were stored at the end of 6 months of culture.",)),
    zp("tp__zh_end", rf"(?:{_TREAT_ZH}(?:后)?|第)\s*{DUR_ZH}(?:末|结束时)", 0.45,
       examples=("30例患者接受干细胞治疗,治疗6个月末HbA1c降至7.1%。", "第12週末HbA1c降至7.1%。"),
       traps=("2019年12月末,团队启动了试验。",)),
    zp("tp__en_after_treat", rf"\b(?:at|by)\s+(?:the\s+)?{_LIST_EN}{DUR_EN}\s+(?:after|post|following)[\s-]*{_TREAT_EN}\b", 0.45,
       examples=("C-peptide increased at 24 and 36 months after transplantation.",),
       traps=("HbA1c was measured 4 weeks after the last infusion.",)),
    zp("tp__en_post", rf"\b{DUR_EN}[\s-]+{_POST_EN}\b", 0.45,
       examples=("Metabolic indexes 1 year postinfusion were peak C-peptide 0.50 ng/ml.",)),
    # "12 months after transplantation, 3 of 5 patients were insulin independent"
    zp("tp__en_clause_dur_after", rf"{_CLAUSE_START}{DUR_EN}\s+(?:after|post|following)[\s-]*{_TREAT_EN}\s*,", 0.45,
       examples=("Twelve patients received islets. 12 months after transplantation, 3 of 5 patients were insulin independent.",),
       traps=("She received islets. Three months after the transplant, she stopped insulin.",)),
    # "Two and a half years on, he still needs no insulin", "Six months later, HbA1c was 6.9%"
    zp("tp__en_on_later", rf"\b{DUR_EN}\s+(?:on|later|afterwards)\s*,", 0.5,
       examples=("A 31-year-old man received the cells. Two and a half years on, he still needs no insulin.",),
       traps=("Three months later, she stopped insulin.", "Ten years later, the hospital opened a new centre.")),
    # "By month 12, HbA1c had fallen to 6.8%", "At week 48, ...": a time point named unit first, opening its clause
    zp("tp__en_clause_unit_first", rf"{_CLAUSE_START}(?:At|By|After)\s+(?:the\s+end\s+of\s+)?(?P<dur>{TIMEPOINT_EN})\s*,", 0.45,
       examples=("Eighteen patients received UC-MSC. By month 12, HbA1c had fallen to 6.8%.",
                 "Forty patients were randomized. At week 48, C-peptide was higher in the cell group."),
       traps=("By month 3, she had stopped insulin.",)),
    # "Two years later her HbA1c was 6.2%": a time point running straight into a measure (no comma)
    zp("tp__en_later_measure", rf"\b{DUR_EN}\s+(?:later|on)(?=\s+(?:(?:her|his|their|the|mean|median)\s+)?(?:HbA1c|A1c|"
                               rf"glycated|C-peptide|fasting|blood\s+glucose|insulin\s+dose)\b)", 0.45,
       examples=("A 49-year-old woman with an HbA1c of 9.1% received islets. Two years later her HbA1c was 6.2%.",),
       traps=("Three months later she stopped insulin.",)),
    # "12-month results", "one-year data": the results' time point is the last assessment
    zp("tp__en_results_at", rf"\b(?:results?|data|outcomes?|findings)\s+(?:at|after)\s+{DUR_EN}", 0.5,
       examples=("Results at one year showed that 5 of 7 patients were insulin independent.",)),
    zp("tp__en_results", rf"\b{DUR_EN}[\s-]+(?:clinical\s+)?(?:results?|data|outcomes?|findings|follow-up\s+data)\b", 0.5,
       examples=("Sana released 12-month results of patient 1.", "Twelve-month results: C-peptide 0.4 nmol/L."),
       traps=("Patients with a 10-year history of diabetes were enrolled.",)),
    zp("tp__zh_full", rf"{_TREAT_ZH}(?:后)?满\s*{DUR_ZH}(?:时|后)?", 0.5,
       examples=("该试验纳入50名患者,治疗满36周时,四分之一的受试者达到主要终点。",),
       traps=("能帮助满6周仍未愈合的困难伤口患者。",)),
    zp("tp__zh_at", rf"(?:在|于)(?:{_TREAT_ZH}后)?(?:第)?{_LIST_ZH}{DUR_ZH}(?:时|末)", 0.45,
       examples=("73名患者接受输注后,在48周时,有20%的患者达成目标。",)),
    zp("tp__zh_after", rf"{_TREAT_ZH}后(?:第)?{_LIST_ZH}(?:第)?{DUR_ZH}(?:时)?", 0.45,
       examples=("术后5年不需接受胰岛素治疗的比率降至10%。", "治療後3個月,HbA1c降至7.1%。"),
       traps=("移植60天后停用胰岛素。",)),
    # "治疗48周后", "移植12个月后"
    zp("tp__zh_treat_dur_after", rf"{_TREAT_ZH}{_QUAL_ZH}{DUR_ZH}后", 0.45),
    # a clause opening "4个月后," or "现在两年过去": the time since treatment at the last assessment
    zp("tp__zh_later", rf"{_CLAUSE_START_ZH}{DUR_ZH}(?:后|过去了|过去)(?=[,了]|[:：]\s*{_THEN_RESULT_ZH}|{_THEN_RESULT_ZH})", 0.45,
       examples=("一名男性接受了注射。4个月后,这些胰岛细胞依然正常运作。", "一名1型糖尿病患者接受干细胞治疗,1年后糖化血红蛋白降至6.8%。",
                 "将胰岛移植给12名1型糖尿病患者,一年后10人无需注射胰岛素。", "15例1型糖尿病患者接受脐血治疗。一年后:HbA1c 6.9%。"),
       traps=("一名女性接受了移植。3个月后,她停用了胰岛素。", "团队于2010年成立。十年后,该团队发表了论文。")),
    zp("tp__zh_clause_time", rf"{_CLAUSE_START_ZH}(?:第)?{DUR_ZH}(?:时|末)(?=,|{_THEN_RESULT_ZH})", 0.45,
       examples=("3个月后,HbA1c降至7.0%。6个月时,患者已停用格列齐特。", "治療後1個月血糖下降;6個月時,患者已停藥。"),
       traps=("6个月和12个月时分别进行评估。",)),
    zp("tp__zh_since", rf"(?:移植|治疗|手术|输注|术后)?(?:至今|迄今)(?:已经?|已有|有)\s*{_QUAL_ZH}{DUR_ZH}", 0.5,
       examples=("患者移植至今已有5年,血糖控制良好。", "患者移植至今已5年,未再复发。"), traps=("患者病程至今已10年。",)),
    # the colloquial "两年下来" (after two years of it): a time point of the results that follow
    zp("tp__zh_down_the_line", rf"(?<![\d一二两三四五六七八九十]){DUR_ZH}(?:多)?下来\s*[,，]?", 0.5,
       examples=("病友们每季度输一回干细胞。三年下来,糖化血红蛋白从9.1降到了7.8。", "每人打了三針。三年下來,糖化血紅蛋白從9.1降到了7.8。"),
       traps=("这两年下来,医院的门诊量翻了一番。",)),
    zp("tp__zh_passed", rf"(?:现在|如今|至今|迄今)(?:已经?)?{DUR_ZH}(?:过去|了)", 0.5,
       examples=("现在两年过去,我的糖化血红蛋白稳定在6.5左右。",)),
    # "12个月的随访结果", "一年随访数据"
    zp("tp__zh_results", rf"{DUR_ZH}(?:的)?(?:{_FU_ZH})?(?:结果|数据)", 0.5,
       examples=("研究团队公布了12个月的随访结果。",)),
    # a re-examination visit ("治疗后3个月复查", "1年后复查"), never a rhythm ("每3个月复查") ...
    zp("tp__zh_dur_visit", rf"(?<!每){DUR_ZH}后(?:进行)?(?:复查|复诊|回访|{_FU_ZH})", 0.45,
       examples=("患者1年后复查HbA1c为6.5%。",), traps=("患者每3个月后复查一次。",)),
    zp("tp__zh_visit", rf"(?:治疗|移植|输注|干预|术)后\s*{_QUAL_ZH}{DUR_ZH}(?:时)?(?:进行)?(?:复查|复诊|回访|{_FU_ZH})", 0.45),
    # ... or the last of a series of follow-up visits ("于治疗后1、3、6、12个月随访")
    zp("tp__zh_series", rf"(?:于|在)(?:治疗|移植|输注|术)?后?\s*(?:\d{{1,2}}\s*[、,和及]\s*){{2,}}{DUR_ZH}(?:时)?(?:进行)?{_FU_ZH}", 0.45),
    zp("tp__en_series", rf"\b(?:re-?examined|followed(?:\s+up)?|evaluated|assessed|monitored|seen)\b[^.;]{{0,30}}?\bat\s+(?:[\w-]+\s*(?:,\s*(?:and\s+)?|and\s+))+{DUR_EN}(?!\s*(?:,|and\b))", 0.45),
)

# durations of something else: disease history, age, insulin-free time
_NOT_FOLLOW_UP = compile_cues((
    r"病程|确诊|患病|病史|糖尿病史|年龄|岁",
    r"\bduration of (?:diabetes|disease|T[12]DM?)\b|\bdiabetes duration\b|\bhistory\b|\baged?\b|\binsulin[- ]free\b|\bdiagnosed\b",
))
# a time point, not a duration: "在12个月随访时", "at the 12-month follow-up"
_AT_BEFORE = rx(r"(?:在|于|第|at\s+(?:the\s+)?|by\s+(?:the\s+)?)\s*$", re.I)
_LIST_BEFORE = rx(r"(?:\d|[一二三四五六七八九十])\s*(?:个)?(?:月|周|年|天)?\s*(?:和|及|与|或|、|,|至|到|-|~|and|or|to)\s*$", re.I)
_AT_AFTER_ZH = rx(r"^\s*(?:时|节点|时点|后的?(?:评估|检测))")
# a duration that selects studies or patients: "随访时间超过12个月的研究", "follow-up longer than 12 months"
_QUALIFIES_AFTER = compile_cues((r"^\s*(?:以上|以下|或以上|及以上)?的(?:研究|试验|文献|患者|病例|亚组)",))
# "32名完成一年跟进的患者": the completers of the study's follow-up, not a selection by duration
_COMPLETED_BEFORE = compile_cues((r"(?:完成|走完|结束)(?:了)?\s*$",))
# a time point counted from one particular dose: "第2次输注后4周", "after the last infusion"
_FROM_ONE_DOSE = compile_cues((r"(?:第\s*[\d一二三四五六七八九十]+\s*次|末次|最后一次|首次)\s*$",))
_FROM_ONE_DOSE_AFTER = compile_cues((r"^\s*(?:after|following|post)\s+(?:the|each|every)\s+(?:last|final|second|third|"
                                     r"first|each|every|booster)\b",))
# the time until an event, not the time observed: "移植60天后停用胰岛素", "three months later she stopped insulin"
_EVENT_AFTER = compile_cues((
    r"^[^。;!?\n]{0,14}?(?<!已)(?<!已经)(?:停用|停止|停掉|停了|脱离|摆脱|撤除|撤掉|不再|开始|出院|出现|首次|即可|就|接受了|又接受|再次|愈合|痊愈|长好)",
    r"^[^.;!?\n]{0,30}?\b(?:stopped|discontinued|came\s+off|became|achieved|attained|was\s+discharged|started|began|"
    r"no\s+longer|weaned|developed|received|underwent|was\s+(?:treated|transplanted|given)|healed)\b",
))
# a share or a count of the cohort as the subject between a time point and the verb: the state of the cohort then
# ("一年后10人无需注射胰岛素", "治疗满48周时,三分之一的受试者停用胰岛素", "At 18 months, 12 of 40 patients stopped insulin"),
# not the time until one patient's event
_SHARE_SUBJECT = compile_cues((
    r"\d{1,4}\s*(?:人|名|例|位)|\d+(?:\.\d+)?\s*%|分之|半数|多数|大部分|所有|全部|全体",
    r"\b\d{1,3}\s+(?:of|out\s+of)\s+\d{1,4}\b|\b\d{1,3}\s+(?:patients|participants|subjects|recipients|people|"
    r"no\s+longer|were|had|remained|became)\b|\b(?:all|most|half|none|many)\s+(?:of\s+(?:the|them|these)\s+)?"
    r"(?:patients|participants|subjects|recipients)\b|\bpercent\b",
))
# one patient of a cohort as the subject ("其中一位52岁的陈先生", "one of the nine recipients"): what follows is hers
_ONE_OF_COHORT = compile_cues((r"其中(?:一|1)\s*(?:名|位|例|个|個|人)|另(?:一|1)\s*(?:名|位|例)",
                               r"\bone\s+of\s+(?:them|(?:the|these|those|our)\s+(?:[\w-]+\s+){0,2}?(?:patients|participants|recipients|"
                               r"subjects|volunteers|people|adults|children|women|men|two|three|four|five|six|seven|eight|nine|"
                               r"ten|\d{1,3}))\b|\banother\s+(?:patient|participant|recipient)\b"))


# one person going on as the subject: "she still needs no insulin", "他至今…"
_ONE_PRONOUN = compile_cues((r"她|他(?!们|們)", r"\b(?:she|he|her|his)\b"))


def _full_sentence_start(text: str, pos: int, floor: int) -> int:
    """Where the sentence around ``pos`` starts, past semicolons ("…曾住院3次；他在2021年…" is one sentence), looking
    before the mention too (its span may begin inside the sentence)."""
    lo = max(floor, pos - 160)
    cut = max(text.rfind("。", lo, pos), text.rfind("\n", lo, pos), text.rfind(". ", lo, pos),
              text.rfind("!", lo, pos), text.rfind("?", lo, pos), text.rfind("！", lo, pos), text.rfind("？", lo, pos))
    return cut + 1 if cut >= 0 else lo


# a statement about a field, not one study's assessment: "大部分国际胰岛移植中心…术后5年", "in most centres worldwide"
_GENERAL_SCOPE = compile_cues((
    r"(?:大部分|大多数|多数|各个?|全球|世界各地|国际)[^,。;]{0,8}?(?:中心|医院|国家|地区)|通常|一般而言|一般来说",
    r"\b(?:most|many|all)\s+(?:\w+\s+)?(?:centres|centers|programs|programmes|hospitals|countries)\b|\bworldwide\b|"
    r"\bin\s+general\b|\btypically\b|\busually\b",
))
# a time point of results says what was found then: a measure, a state or a change in its sentence ("At 18 months
# after treatment, C-peptide was higher", "4个月后,这些胰岛细胞依然正常运作"); "Ten years later, the team opened a
# centre" or "After 10 years of research, ..." is narrative
_RESULT_IN_SENTENCE = compile_cues((
    r"HbA1c|A1c|C-?peptide|glucose|glyc\w*|insulin|graft|islets?|cells?|free|independen\w*|still|remain\w*|continu\w*|"
    r"stable|improv\w*|reduc\w*|decreas\w*|increas\w*|declin\w*|lower|higher|better|worse|fell|rose|dropped|"
    r"achiev\w*|reach\w*|maintain\w*|sustain\w*|endpoint|outcome|response|remission|recurr\w*|healed|tumou?rs?|"
    r"adverse|safety|assess\w*|evaluat\w*|measur\w*|C-?肽",
    r"依然|仍|依旧|继续|保持|维持|稳定|血糖|糖化|胰岛|细胞|改善|下降|降至|降低|升高|正常|达到|达成|无需|不需|未见|没有|"
    r"复发|终点|不良|已|功能|运作|伤口|评估|检测|复查|测定",
))
# the time-point patterns that need such a result (the others carry a follow-up, results or visit word)
_NEEDS_RESULT = ("tp__en_clause_at", "tp__en_later_measure", "tp__en_after_treat", "tp__en_post", "tp__en_clause_dur_after", "tp__en_on_later",
                 "tp__zh_full", "tp__zh_at", "tp__zh_after", "tp__zh_treat_dur_after", "tp__zh_later",
                 "tp__zh_clause_time", "tp__zh_since", "tp__zh_passed", "tp__zh_down_the_line")
# a window, not a time point: "注射后3个月内,38%患者血糖显著下降", "within 3 months after"
_WINDOW_AFTER = compile_cues((r"\s*(?:内|以内|之内|里|期间)",))
# the time points of results: read only when the study states no duration
_TIME_POINT = ("tp__", "tp_fu__")

# an upper bound, not a duration: "most followed patients for a year or less", "随访1年以内"
_BOUND_AFTER = compile_cues((r"^\s*(?:或更短|或以下|以内|之内)", r"^\s*(?:or (?:less|shorter|fewer)|at most)\b"))
_THRESHOLD = compile_cues((r"超过|至少|以上|逾",))
# a follow-up that is planned for later, not done: "计划在患者完成移植并追踪1年后申请", "plans to follow
# each patient for 5 years" (a protocol's "will be followed for 104 weeks" is the study's own design)
# a recommended or required one is not done either: "建议延长随访至24个月", "the FDA is requiring a
# registry study of 300 patients followed for 15 years"
# (a follow-up to be extended: "下一步团队将扩大样本量,并延长随访时间至2年", "will extend follow-up to five years")
_PLANNED_BEFORE = compile_cues((r"(?:计划|计画|打算|准备|预计|建议|拟)[^,。;:!?]{0,24}$|(?:将|下一步|未来|今后|接下来)[^。!?]{0,30}延长$",
                                r"\b(?:will|next|plans?\s+to)\b[^.;:]{0,40}\bextend(?:ing)?\s+(?:the\s+)?$",
                                r"\b(?:plans?|planned|intends?|intended|hopes?)\s+to\b[^,.;:]{0,30}$",
                                r"\b(?:recommends?|recommended|requires|requiring|is\s+required\s+to)\b[^,.;:]{0,60}$",
                                # a follow-up to go on after the results: "研究组将继续随访两年", "will continue to monitor
                                # the cohort" (what was done is stated before it)
                                r"(?:会|會|将|將|要)(?:继续|繼續|持续|持續)$",
                                r"\bwill\s+(?:continue\s+to\s+)?(?:follow|monitor|track)\b[^,.;:]{0,30}$"))

# the header of a table column of follow-up durations
_FU_HEADER = compile_cues((rf"{_FU_ZH}|观察期|\bfollow[- ]?up\b|\bobservation\b|\bduration of follow",))

MIN_DAYS = 7.0
RESULT_REACH = 200   # chars searched either side of a time point for what was found then
# a time point of two weeks or less is a step of the procedure ("术后第7天拆线"), not the last assessment
MIN_TIME_POINT_DAYS = 14.0
MAX_DAYS = 365.25 * 30


# ---- a table of studies flattened to text: the follow-up column's unit is in its header ("Follow-up time (months)")
# and a row lists its assessment times ("3, 6, 9, 12"); the last of them is that study's follow-up ----
_FU_HEADER_UNIT = rx(r"\bfollow[- ]?up(?:\s+(?:time|period|duration))?\s*[(（]\s*(?P<u>months?|weeks?|years?|days?|mo)\s*[)）]"
                             r"|随访(?:时间|期)?\s*[(（]\s*(?P<zu>个月|月|周|年|天)\s*[)）]", re.I)
_HEADER_UNIT_DAYS = {"month": 30.4375, "mo": 30.4375, "week": 7.0, "year": 365.25, "day": 1.0,
                     "个月": 30.4375, "月": 30.4375, "周": 7.0, "年": 365.25, "天": 1.0}
# a cell of ascending times ("0.25, 1, 3, 6, 12"), never a part of a mean ± SD list ("10.7 ± 4.2, 50.4 ± 21.6")
_ROW_TIMES = rx(r"(?<![\d.±])(?<!±\s)(?P<list>\d{1,3}(?:\.\d{1,2})?(?:[ \t]*,[ \t]*\d{1,3}(?:\.\d{1,2})?)+)"
                        r"(?![\d.]|[ \t]*(?:±|[×x*]|%|/))")
TABLE_HEADER_REACH = 40   # lines above a row searched for its header
TABLE_ROW_PATTERN = "table__row_times"


def table_row_follow_up(text: str, lo: int, hi: int) -> Optional[tuple[float, int, int]]:
    """(days, start, end) of the one list of times in the table row(s) [lo, hi) under a follow-up column whose
    header gives the unit, or None (no such header above, the header inside the span, no list or several)."""
    if _FU_HEADER_UNIT.search(text, lo, hi):
        return None   # the span holds the header: the whole table, not one study's row
    line_start = text.rfind("\n", 0, lo) + 1
    above = text[max(0, line_start - 8000):line_start].split("\n")[-TABLE_HEADER_REACH - 1:]
    header = next((h for h in (_FU_HEADER_UNIT.search(x) for x in reversed(above)) if h), None)
    if header is None:
        return None
    unit = (header.group("u") or header.group("zu")).lower()
    per = _HEADER_UNIT_DAYS.get(unit.rstrip("s")) or _HEADER_UNIT_DAYS.get(unit)
    lists = []
    for m in _ROW_TIMES.finditer(text, lo, hi):
        times = [float(x) for x in re.split(r"\s*,\s*", m.group("list"))]
        if all(a < b for a, b in zip(times, times[1:])):
            lists.append((times[-1], m.start(), m.end()))
    if per is None or len(lists) != 1:
        return None
    last, start, end = lists[0]
    return float(round(last * per)), start, end


# ---- a table of studies flattened to single-spaced lines ("No. Population Cells Follow-up Result" above rows such as
# "2 Adults with T1DM (n=9) Donor islets 2 years Insulin-free in five"): under a header line naming a follow-up column,
# the one duration of a row is that study's follow-up ----
_ROW_DURATION = rx(rf"(?P<dur>{DURATION_EN})|(?P<zdur>{DURATION_ZH})", re.I)
# durations of a row that are no follow-up: an age, the disease's duration ("10-year history", "病程5年")
_ROW_NOT_FOLLOW_UP_AFTER = rx(r"[\s-]*(?:old\b|of\s+age|of\s+(?:disease|diabetes)|history|duration|病程|病史|糖尿病史|岁|歲)",
                                      re.I)
_ROW_NOT_FOLLOW_UP_BEFORE = rx(r"(?:aged|age|病程|病史|duration\s+of\s+(?:diabetes|disease))\s*[:：]?\s*$", re.I)
TABLE_ROW_DURATION_PATTERN = "table__row_duration"


def table_row_duration(text: str, lo: int, hi: int) -> Optional[tuple[float, int, int]]:
    """(days, start, end) of the one duration in the table row [lo, hi) under a flattened header naming a follow-up
    column, or None (no such header above, the span holding the header or several lines, none or several durations)."""
    if hi - lo > FLAT_ROW_MAX or text.count("\n", lo, hi) > 1 or flat_table_header(text, lo, _FU_HEADER) is None:
        return None
    found = []
    for m in _ROW_DURATION.finditer(text, lo, hi):
        if _ROW_NOT_FOLLOW_UP_AFTER.match(text, m.end()) or _ROW_NOT_FOLLOW_UP_BEFORE.search(text, max(lo, m.start() - 24),
                                                                                             m.start()):
            continue
        dur = parse_duration(m.group(0))
        if dur is not None:
            found.append((float(dur.high), m.start(), m.end()))
    return found[0] if len(found) == 1 else None


class FollowUpExtractor(FieldExtractor):
    """Durations next to follow-up words, durability and the last assessment; ``decide`` keeps the
    best-attested one."""

    name = "follow_up"
    field = "follow_up"
    patterns = FOLLOW_UP_PATTERNS

    def find(self, span: Span) -> list[Hit]:
        """The patterns' hits, and the last assessment time a table row lists under a follow-up column."""
        hits = super().find(span)
        row = table_row_follow_up(span.doc.view, span.start, span.end)
        if row is not None and MIN_DAYS <= row[0] <= MAX_DAYS:
            hits.append(self.hit({"days": row[0]}, row[1], row[2], TABLE_ROW_PATTERN, score=0.85))
        elif (cell := table_row_duration(span.doc.view, span.start, span.end)) and MIN_DAYS <= cell[0] <= MAX_DAYS:
            hits.append(self.hit({"days": cell[0]}, cell[1], cell[2], TABLE_ROW_DURATION_PATTERN, score=0.8))
        return hits

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        dur = parse_duration(m.group("dur"))
        if dur is None and (days := timepoint_days(m.group("dur"))) is not None:
            lead = len(m.group(0)) - len(m.group(0).lstrip(" \t,"))
            return [self.hit({"days": float(days)}, m.start() + lead, m.end(), pattern)]   # "month 12": a time point
        if dur is None:
            return []
        text = span.doc.view
        # "2010年8月": a date, not a duration
        if m.group("dur").endswith("年") and re.match(r"\s*\d{1,2}\s*月", text[m.end("dur"):m.end("dur") + 4]):
            return []
        score = pattern.score
        start = m.start()
        while start < m.end() and text[start] in " \t,":
            start += 1   # a clause-start match begins at its first word
        if pattern.name.startswith("stated__"):
            before = text[max(span.start, m.start() - 6):m.start()]
            if pattern.name in ("stated__zh_dur_fu", "stated__en_dur_fu"):
                before_dur = text[max(span.start, m.start("dur") - 6):m.start("dur")]
                if _AT_BEFORE.search(before_dur) or _LIST_BEFORE.search(before_dur) or _AT_BEFORE.search(before):
                    score = 0.5   # a time point of follow-up: the last assessment when nothing is stated
            if _AT_AFTER_ZH.match(text[m.end():m.end() + 6]):
                score = min(score, 0.5)
        return [self.hit({"days": float(dur.high)}, start, m.end(), pattern, score=score)]

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        if not MIN_DAYS <= hit.value["days"] <= MAX_DAYS:
            return None
        text = span.doc.view
        if in_related_links(text, hit.start) or (hit.pattern.startswith(_TIME_POINT) and in_reference(text, hit.start)):
            return None   # "Related: Teplizumab Delays Stage 3 Type 1 Diabetes: 5-Year Data" is another article
        s, e = sentence_bounds(text, hit.start, hit.end, span.start, span.end)
        # (within the clause: "一名41岁女性,已摆脱胰岛素超过1年" -- the age is the previous clause's)
        lo = max(s, hit.start - 10)
        cut = max(text.rfind(c, lo, hit.start) for c in ",，;；")
        lo = cut + 1 if cut >= 0 else lo
        if _NOT_FOLLOW_UP.search(text, lo, hit.end):
            return None
        if _QUALIFIES_AFTER.search(text[hit.end:hit.end + 12]) and not _COMPLETED_BEFORE.search(
                text[max(s, hit.start - 8):hit.start]):
            return None
        if _BOUND_AFTER.search(text[hit.end:hit.end + 12]):
            return None
        # "长期随访超过5年的仍很少", "follow-up of more than 5 years in few trials": a threshold that selects
        if _THRESHOLD.search(text, hit.start, hit.end) and text[hit.end:hit.end + 1] == "的":
            return None
        if _PLANNED_BEFORE.search(text[max(s, hit.start - 72):hit.start]):
            return None
        if hit.pattern.startswith(_TIME_POINT):
            if hit.value["days"] < MIN_TIME_POINT_DAYS:
                return None
            if _FROM_ONE_DOSE.search(text[max(s, hit.start - 12):hit.start]) or \
                    _FROM_ONE_DOSE_AFTER.search(text[hit.end:hit.end + 30]):
                return None
            event = _EVENT_AFTER.search(text[hit.end:hit.end + 40]) if hit.pattern.startswith("tp__") else None
            if event and not _SHARE_SUBJECT.search(text, hit.end, hit.end + event.end()):
                return None   # the time until the patient's event, not a time point of results
            if self._one_patients(text, hit):
                return None   # "其中一位52歲的陳先生……至今已有3年": one patient's durability, not the study's follow-up
            if _GENERAL_SCOPE.search(text, s, e):
                return None   # "大部分国际中心的胰岛移植术后5年…": a field-wide statement, not this study's assessment
            if _WINDOW_AFTER.match(text, hit.end):
                return None   # "注射后3个月内": a window, not the time of an assessment
            if hit.pattern in _NEEDS_RESULT and not self._states_result(text, hit, span):
                return None
        if hit.pattern.startswith("table__") and not _FU_HEADER.search(table_column_header(text, hit.start) or ""):
            return None  # a duration cell counts only under a follow-up column
        return hit

    @staticmethod
    def _one_patients(text: str, hit: Hit) -> bool:
        """The time point is told of one patient of the cohort: named so in its sentence ("其中一位…至今已有3年"), or in
        the sentence before when this one goes on with her or him ("One of the nine … Three years on, he still …")."""
        start = _full_sentence_start(text, hit.start, 0)
        if _ONE_OF_COHORT.search(text, start, hit.start):
            return True
        end = min(len(text), hit.end + 80)
        stop = min((i for i in (text.find("。", hit.end, end), text.find(". ", hit.end, end)) if i >= 0), default=end)
        if start > 0 and _ONE_PRONOUN.search(text, start, stop):
            return bool(_ONE_OF_COHORT.search(text, _full_sentence_start(text, start - 1, 0), start))
        return False

    @staticmethod
    def _states_result(text: str, hit: Hit, span: Span) -> bool:
        """A measure, state or change in the sentence of a time point (sentences cut at 。/newline/". ", so that
        "P<.001" does not end one)."""
        lo = max(span.start, hit.start - RESULT_REACH)
        left = text[lo:hit.start]
        lo += max(left.rfind("。"), left.rfind("\n"), left.rfind(". "), left.rfind("! "), left.rfind("? ")) + 1
        right = text[hit.end:min(span.end, hit.end + RESULT_REACH)]
        cuts = [i for i in (right.find("。"), right.find("\n"), right.find(". ")) if i >= 0]
        hi = hit.end + (min(cuts) if cuts else len(right))
        return bool(_RESULT_IN_SENTENCE.search(text, lo, hit.start) or _RESULT_IN_SENTENCE.search(text, hit.end, hi))

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """The best-attested duration; among equally attested ones the longest (the study's end)."""
        if not hits:
            return []
        top = max(h.score for h in hits)
        if top < 0.25:
            return []
        tier = [h for h in hits if h.score >= top - 0.05]
        return [sorted(tier, key=lambda h: (-h.value["days"], h.start))[0]]


def to_days(num: Optional[str], unit: str, *, half: bool = False) -> Optional[float]:
    """'12' + '个月' -> 365; '一' + '年' + half -> 548; None + '年' + half ('半年') -> 183."""
    text = f"{num or ''}{'半' if half and not num else ''}{unit}{'半' if half and num else ''}"
    if re.search(r"[A-Za-z]", unit):
        text = f"{'half a ' if half and not num else ''}{num or ''} {unit}{' and a half' if half and num else ''}"
    dur = parse_duration(text.strip())
    return dur.high if dur else None


EXTRACTOR = FollowUpExtractor()
