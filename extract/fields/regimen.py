"""Number of administrations and the interval between them.

A count ("三次静脉输注", "three infusions") and an interval ("每4周一次", "4 weeks apart") stated
in one clause become one hit; alone, each is a hit of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import Iterable, Optional

from ..numbers import COMPARATOR, as_int, parse_number
from .cohort_lexicon import EN_NUM, EN_PERSON, ZH_NUM, ZH_PERSON
from .base import FieldExtractor, Hit, Pattern, Span
from .context import compile_cues, sentence_bounds, zp
from ..rxcache import rx

# numbers as written: Arabic, Chinese numerals, English words
_N_ZH = r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,2})"
_N_EN = (r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)")
_IV_ZH = r"(?P<iv>\d{1,2}|[一二两三四五六七八九十]{1,3})"
_IV_EN = r"(?P<iv>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# an interval stated approximately is still the interval: "间隔约3个月", "separated by approximately 4 weeks"
_ABOUT_ZH = r"(?:约|大约|近|将近)?"
_ABOUT_EN = r"(?:(?:about|approximately|around|roughly|~)\s*)?"
_UNIT_ZH = r"(?P<unit>周|星期|个月|月|天|日)"
_UNIT_EN = r"(?P<unit>weeks?|months?|days?|wk)"
# administration nouns/verbs, Chinese and English
_ADMIN_ZH = r"(?:输注|回输|注射|移植|输入|给药|治疗|静滴|滴注|植入)"
_ADMIN_EN = (r"(?:infusions?|injections?|transplantations?|implantations?|transfusions?|administrations?|doses|treatments|courses|"
             r"transplants|grafts)")
# the cells named before the noun: "two MSC infusions", "three stem cell injections", "two UC-MSC doses"
_CELL_WORD_EN = r"stem|[\w-]*(?:MSC|MNC|cell|islet|marrow|cord)[\w-]*"
# the route between "a single" and the noun: "a single subcutaneous implantation"
# ("a single surgical implantation of the device": the way of giving stands there as a route does)
_ROUTE_EN = (r"(?:intra-?venous|IV|intra-?arterial|intraportal|portal[- ]vein|subcutaneous|intramuscular|intrapancreatic|intradermal|"
             r"intrathecal|local|peripheral|surgical|laparoscopic|percutaneous|endoscopic)")
# the route between an interval and the verb: "每隔4周静脉输注一次", "每3个月经动脉注射一次"
_ROUTE_ZH = r"(?:经|通过)?(?:静脉|动脉|胰背动脉|门静脉|皮下|肌肉|鞘内|局部)?(?:内)?"
# colloquial administration: "一共打3针", "每个月打一次" ("打" alone is too common a verb to be one)
_SHOT_ZH = r"(?:打|扎)"
# a count word inside a list of per-route counts (no named group: it repeats)
_CNT_ZH = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,2})"
_CNT_EN = r"(?:\d{1,2}|one|two|three|four|five|six|a|an|a single|single)"
# one administration noun of a per-route part (singular or plural)
# ("a dose of 1 × 10^6 cells" is an amount, not a further administration: no "dose" here)
_ADMIN_ONE_EN = (r"(?:infusions?|injections?|administrations?|transplant(?:ation)?s?|implantations?)"
                 r"(?:\s+(?:of|into|via|through)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?")
# the words before a dose's noun: "intra-arterial", "stem cell", "UC-MSC" (at most three)
_MODS_EN = r"(?:[\w-]+\s+){0,3}?"
# a dose level between "a single" and "dose": "a single low dose", "a single full dose"
_LEVEL_EN = r"(?:low|high|full|half|standard|fixed|reduced|target|maximal|minimal|medium|mid)"
# ordinals of an administration and what the count is when the text names it
ORDINALS: dict[str, int] = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# a short gap with no clause punctuation: "三次脐带间充质干细胞(hUC-MSCs)静脉注射"
_GAP = r"[^,。;:!?\n]{0,30}?"

UNIT_DAYS: dict[str, float] = {"周": 7, "星期": 7, "个月": 30, "月": 30, "天": 1, "日": 1,
                               "week": 7, "weeks": 7, "wk": 7, "month": 30, "months": 30, "day": 1, "days": 1}

REGIMEN_PATTERNS: tuple[Pattern, ...] = (
    # counts
    zp("count__zh_n_times_admin", rf"(?<![第每\d周月天日年隔一二两三四五六七八九十])(?:共|接受|进行|予|给予|行|分)?{_N_ZH}次(?!性){_GAP}{_ADMIN_ZH}", 0.9),
    zp("count__zh_admin_n_times", rf"{_ADMIN_ZH}[^,。;:\d]{{0,12}}?(?<![第每]){_N_ZH}次(?!随访|复查|评估|检查)", 0.85),
    zp("count__zh_single", rf"(?P<single>单次){_GAP}{_ADMIN_ZH}|(?P<single2>单次)给药", 0.9),
    # "经胰背动脉一次性注入": all cells at once, one administration ("一次性注射器" is a disposable syringe)
    # (the site may stand between: "一次性腹部皮下注射", "一次性经门静脉输注")
    zp("count__zh_at_once", rf"(?P<single>一次性)(?:[^\d,，。;；:：!?！？\n]{{0,8}}?)(?:{_ADMIN_ZH}|注入|输入)(?![器针管液])", 0.85,
       examples=("干细胞经一次性腹部皮下注射给予。", "幹細胞經一次性腹部皮下注射給予。", "经胰背动脉一次性注入干细胞。"),
       traps=("护士使用一次性注射器抽血。", "一次性使用无菌注射针。")),
    # "每两周输注一次…,连续4次": the number of a series of administrations given once per period
    zp("count__zh_series", rf"{_ADMIN_ZH}(?:[一1]次)[^。;；\n]{{0,24}}?[,，]\s*连续(?:{_ADMIN_ZH})?{_N_ZH}次"
       r"(?!\s*(?:检测|测|复查|随访|化验|评估|监测|测定))", 0.8,
       examples=("18例2型糖尿病患者每两周输注一次脐带间充质干细胞,连续4次。", "18例第2型糖尿病患者每兩週輸注一次臍帶間充質幹細胞,連續4次。"),
       traps=("患者注射一次干细胞,连续3次检测血糖均正常后出院。",)),
    # the interval first, then the length of the series: "每两周1次，连续3次", "每月输注1次,共6次" -> count and interval
    zp("course__zh_series", rf"每(?:隔)?{_IV_ZH}?{_UNIT_ZH}(?:{_ADMIN_ZH}|{_SHOT_ZH})?[一1](?:次|针)\s*[,，]?\s*(?:连续|共|一共|共计)(?:{_ADMIN_ZH}|{_SHOT_ZH})?{_N_ZH}(?:次|针)"
       r"(?!\s*(?:检测|测|复查|随访|化验|评估|监测|测定))", 0.85,
       examples=("骨髓单个核细胞经股动脉回输,每两周1次,连续3次。", "间充质干细胞每月输注1次,共6次。",
                 "臍帶幹細胞經靜脈回輸,每兩週1次,連續3次。"),
       traps=("患者每周1次,连续3次复查血糖。",)),
    # the colloquial interval "一周一针", "两周一次", "一个月打一次" (a drug's "司美格鲁肽一周一针" is dropped by validate)
    # (weeks and months only: "一天一次" is how a drug is taken)
    zp("interval__zh_colloquial", rf"(?<![每第\d])(?P<iv>[一两二三四1-4])(?P<unit>周|星期|个月|月)(?:{_SHOT_ZH}|{_ADMIN_ZH})?[一1](?:针|次)(?!性|\s*(?:随访|复查|检查|评估))", 0.75,
       examples=("18名病友在门诊输注脐带干细胞,一个月一针,一共打三针。", "幹細胞兩週一次,共輸注3次。"),
       traps=("患者一周一次复查血糖,干细胞治疗后随访半年。", "患者接受干细胞输注,并继续服用二甲双胍,一天一次。")),
    # doses counted with 剂 ("经外周静脉输注三剂,每剂间隔六周"; 剂 of a vaccine or a drug is no cell dose)
    zp("count__zh_doses", rf"(?:{_ADMIN_ZH}|{_SHOT_ZH}|接受|给予|共)了?{_N_ZH}剂(?!量|型)(?![^,。;]{{0,4}}?(?:疫苗|药|胰岛素))", 0.8,
       examples=("治疗组经外周静脉输注三剂脐带干细胞,每剂间隔六周。", "細胞組共接受三劑骨髓幹細胞,每劑相隔八週。"),
       traps=("受试者此前已接种两剂疫苗。",)),
    # "every 4 weeks for three doses", "once weekly for four infusions": the course counted in doses
    zp("course__en_doses", rf"\b(?:(?:every|each)\s+{_IV_EN}?\s*{_UNIT_EN}|once\s+(?:a|per|every)\s+(?P<unit_a>week|month)|(?P<adverb>weekly|monthly))"
       rf"\s*,?\s+for\s+(?:a\s+total\s+of\s+)?{_N_EN}\s+(?:consecutive\s+)?(?:doses|infusions|injections|administrations|treatments)\b", 0.85,
       examples=("MSCs were infused every 4 weeks for three doses.", "Patients received cells once weekly for four infusions."),
       traps=("Insulin glargine was injected once daily for four doses of cells.",)),
    zp("count__zh_total", rf"共(?:计)?(?:{_SHOT_ZH}|输注|注射|回输)?了?{_N_ZH}次", 0.6),
    # "每人打两针", "一共打3针": shots of the cells
    # "每人输3次": colloquial "输" for 输注, counted per patient ("输血" is a blood transfusion)
    zp("count__zh_each_person", rf"每(?:人|位(?:患者|受试者)?|名(?:患者|受试者)?)(?:共|各)?(?:{_SHOT_ZH}|输(?!血)|输注|注射|回输)了?{_N_ZH}次", 0.8),
    zp("count__zh_shots", rf"(?:(?:{_SHOT_ZH}|注射|输注)了?(?:共)?|共(?:计)?){_N_ZH}针", 0.8),
    zp("count__en_n_admin", rf"\b{_N_EN}\s+(?:(?:separate|consecutive|repeated|intra-?venous|IV|monthly|weekly|sequential|total|{_CELL_WORD_EN})\s+)*{_ADMIN_EN}\b(?!\s+sites?\b)", 0.85),
    # (a dose level may stand before the noun: "a single low dose of HIP-modified islet cells"; "a single dose-escalation
    # study" is a design)
    # a shot said colloquially: "in one shot under the skin", "a single shot" (never "one shot at a cure")
    zp("count__en_one_shot", r"\b(?P<single>one|a\s+single)\s+shot\b(?!\s+at\b)", 0.8,
       examples=("Each volunteer got the cells in one shot under the skin.",),
       traps=("This is one shot at a cure for type 1 diabetes.",)),
    zp("count__en_single", rf"\b(?P<single>a single|single|one-time|one)\s+(?:(?:{_ROUTE_EN}|{_CELL_WORD_EN}|{_LEVEL_EN}|dose of|infusion of|injection of)\s+){{0,2}}(?:infusion|injection|administration|transplantation|implantation|transfusion|dose)\b(?!\s+sites?\b)(?![-‐](?:escalat|finding|rang|respons|level|limit))", 0.85,
       examples=("The study involved intramuscular transplantation of a single low dose of islet cells into one patient.",),
       traps=("This was a single dose-escalation study of stem cells.",)),
    # the cells given in one operation: "Roughly 400 million of the cells were then implanted ... in a single operation",
    # "transplanted during one procedure" (the sentence must give cells: see validate)
    zp("count__en_single_procedure", r"\b(?:in|during|through|via|with|at)\s+(?P<single>a\s+single|one|a\s+one-time)\s+(?:surgical\s+)?"
       r"(?:operation|procedure|surgery|session|sitting)\b", 0.8,
       examples=("Roughly 400 million of the cells were then implanted beneath the rectus sheath in a single operation.",
                 "The islet clusters were transplanted into the forearm during one procedure."),
       traps=("The kidney and the pancreas were replaced in a single operation.",
              "Patients with type 1 diabetes were screened in a single session.")),
    # a code-mixed note: an English administration noun counted in Chinese ("IV infusion两次，间隔3个月", "MSC injection 3次")
    zp("count__mixed_noun_zh_times", rf"\b(?:infusions?|injections?|transplant(?:ation)?s?|implant(?:ation)?s?)\s*{_N_ZH}次"
       r"(?!随访|隨訪|复查|複查|评估|評估|检查|檢查)", 0.85,
       examples=("Intervention：autologous AD-MSC，dose 2×10^6 cells/kg，IV infusion两次，间隔3个月",
                 "UC-MSC infusion 3次，每4周一次。", "islet transplantation兩次"),
       traps=("follow-up两次,无不良反应。",)),
    zp("count__en_times", rf"\b(?:infused|injected|administered|given|transplanted|dosed|infusions?|injections?)\b[^.;]{{0,60}}?\b(?:{_N_EN}\s+times|(?P<word>twice|thrice))\b", 0.85),
    # "infused once into the artery", "transplanted only once" ("once a month" is an interval)
    # ("were each infused a single time", "received the cells only once": the object between the verb and "once")
    zp("count__en_once", r"\b(?:infused|injected|administered|given|transplanted|implanted|dosed|received|got)\s+"
                         r"(?:(?:each|all|the|their|autologous|allogeneic|[\w-]*(?:cells?|MSCs?|islets?))\s+){0,3}?(?:only\s+)?"
                         r"(?P<single>once|a\s+single\s+time|one\s+time)\b(?!\s+(?:a|an|per|every|daily|weekly|monthly|more|again)\b)",
       0.8, examples=("Twenty patients with type 2 diabetes received cells once, through the pancreatic artery.",
                      "The 20 patients with type 2 diabetes were each infused a single time with MSC."),
       traps=("Patients received the cells once a month for three months.",
              "Insulin was given once daily.")),
    # counts per route are parts of one total: "1次外周静脉注射加1次腹腔动脉注射" = 2,
    # "one intra-arterial infusion and one intravenous infusion" = 2
    zp("count__zh_route_sum",
       rf"(?P<sum>{_CNT_ZH}次[^,。;:\d次]{{0,12}}?{_ADMIN_ZH}(?:\s*(?:加|和|及|与|并|、|再加|另加|以及)\s*{_CNT_ZH}次[^,。;:\d次]{{0,12}}?{_ADMIN_ZH})+)",
       0.9, examples=("所有患者进行2次干细胞治疗,给药方式为1次外周静脉注射加1次腹腔动脉注射。",
                      "所有患者進行2次幹細胞治療,給藥方式為1次外周靜脈注射加1次腹腔動脈注射。"),
       traps=("患者接受1次干细胞输注和1次随访。",)),
    zp("count__en_route_sum",
       rf"\b(?P<sum>{_CNT_EN}\s+{_MODS_EN}{_ADMIN_ONE_EN}(?:\s*,?\s*(?:and|plus|as well as|followed by)\s+{_CNT_EN}\s+{_MODS_EN}{_ADMIN_ONE_EN})+)\b",
       0.9, examples=("Twelve patients received cells through one intra-arterial infusion and one intravenous infusion.",
                      "Each patient received one intrapancreatic injection of BM-MNC plus one intravenous infusion of MSCs."),
       traps=("Each patient received one infusion of stem cells and one follow-up visit.",)),
    # a course with a unit interval: "every week for 4 weeks", "weekly for six weeks" -> count and interval
    zp("course__en_every", rf"\b(?:every|each|once\s+(?:a|per))\s+(?P<unit>week|month)\s+for\s+{_N_EN}\s+(?:consecutive\s+)?(?P<unit2>weeks|months)\b",
       0.85, examples=("Patients received 2 × 10^6 cells/kg every week for 4 weeks.",)),
    zp("course__en_adverb", rf"\b(?P<adverb>weekly|monthly)\s+(?:(?:intravenous|IV)\s+)?(?:{_ADMIN_EN}\s+)?for\s+{_N_EN}\s+(?:consecutive\s+)?(?P<unit2>weeks|months)\b",
       0.85, examples=("MSCs were infused weekly for four weeks.",)),
    # daily administrations: "infused on three consecutive days", "连续输注3天", "连续3天静脉输注干细胞"
    zp("course__en_days", rf"\b(?:infus\w*|inject\w*|administ\w*|given|transplant\w*)\b[^.;\d]{{0,40}}?\b(?:on|for|over)\s+{_N_EN}\s+(?:consecutive|successive)\s+days\b",
       0.85, examples=("The cells were infused on three consecutive days.",),
       traps=("G-CSF was injected for five consecutive days before apheresis of stem cells.",)),
    zp("course__zh_days", rf"连续(?P<a1>{_ADMIN_ZH})?{_N_ZH}(?:天|日)(?P<a2>{_ROUTE_ZH}{_ADMIN_ZH})?",
       0.85, examples=("干细胞连续输注3天。", "幹細胞連續輸注3天。", "连续3天静脉输注脐带间充质干细胞。"),
       traps=("G-CSF连续皮下注射5天动员干细胞。",)),
    # "twice, 4 weeks interval", "three times at 2-week intervals"
    zp("pair__en_times_gap", rf"\b(?:(?P<word>twice|thrice)|{_N_EN}\s+times)\s*[,(]?\s*(?:(?:at|with|in)\s+)?(?:an?\s+)?{_IV_EN}[- ]{_UNIT_EN}\s+(?:intervals?|apart)\b",
       0.85, examples=("WJ-MSCs were given twice, 4 weeks interval, intravenously.",)),
    # the second administration dated from the first: two administrations and their interval
    # ("A booster infusion followed 6 weeks after the first", "another dose ... one week post-intervention")
    zp("second__en_after_first",
       rf"\b(?:(?:booster|second|2nd|repeat(?:ed)?|another)\s+(?:[\w-]+\s+){{0,3}}?(?:infusion|injection|dose|transplant(?:ation)?|graft|administration)\b"
       rf"|(?<=,\s)the\s+second\b)"
       rf"[^.;\d]{{0,40}}?\b{_IV_EN}[- ]{_UNIT_EN}\s+(?:after\s+(?:the\s+)?(?:first|initial|1st|index|prior|previous)\b(?:\s+(?:one|dose|infusion|injection|administration|transplant(?:ation)?|graft)\b|(?![^\S\n]+[a-z]))|post[- ]?(?:intervention|procedure|infusion|transplant(?:ation)?)\b)",
       0.85, examples=("Eighteen patients received cells into the pancreatic artery. A booster infusion followed 6 weeks after the first.",
                       "1×10^6/kg UC-MSCs is infused and another same dose of UC-MSCs is administered one week post-intervention."),
       traps=("A second infusion was planned; HbA1c 6 weeks after the first visit improved.",)),
    # (the ellipsis "two infusions, the second 3 months after the first" is read by the same rule)
    # "her first islet graft in 2016 followed by a second graft in 2017", "首次输注……第二次输注": the sequence counts
    zp("ordinal__en_pair",
       rf"\bfirst\s+(?:[\w-]+\s+){{0,2}}?(?:infusion|injection|dose|transplant(?:ation)?|graft|administration)\b[^.;]{{0,80}}?"
       rf"\b(?P<ord>second|2nd)\s+(?:[\w-]+\s+){{0,2}}?(?:infusion|injection|dose|transplant(?:ation)?|graft|administration)\b",
       0.8, examples=("A 39-year-old woman with type 1 diabetes received her first islet graft in 2016 followed by a second graft in 2017.",),
       traps=("Her first kidney transplant failed and a second kidney transplant followed in 2019.",)),
    zp("ordinal__zh_pair",
       rf"(?:第一次|首次|第1次)[^。;!?\n]{{0,8}}?{_ADMIN_ZH}[^。;!?\n]{{0,60}}?第(?P<ord>二|2)次[^。;!?\n,]{{0,8}}?{_ADMIN_ZH}",
       0.8, examples=("2016年完成首次胰岛移植,2017年又完成第二次胰岛移植。", "2016年完成首次胰島移植,2017年又完成第二次胰島移植。"),
       traps=("首次输注后3个月进行第二次随访。",)),
    # intervals
    # (a light verb may stand before the count: "每3个月接受一次输注")
    zp("interval__zh_every", rf"每(?:隔)?{_IV_ZH}?{_UNIT_ZH}{_ROUTE_ZH}(?:(?:接受|进行|给予|予|行)?(?:{_ADMIN_ZH}|{_SHOT_ZH})?[一1](?:次|针|疗程)|{_ADMIN_ZH}|给药)", 0.9,
       examples=("受试者每3个月接受一次输注,持续一年。",), traps=("患者每3个月接受一次复查。",)),
    # "间隔2周", "相隔三个月", "相距4周"
    zp("interval__zh_gap", rf"(?:间隔|相隔|相距)(?:时间)?(?:为)?{_ABOUT_ZH}(?:{_IV_ZH}{_UNIT_ZH}|(?P<half_year>半年))", 0.9,
       examples=("干细胞输注间隔约3个月。", "幹細胞輸注間隔約3個月。", "干细胞输注间隔半年。")),
    zp("interval__zh_biweekly", r"(?P<fixed14>隔周)(?:[一1]次|输注|注射)", 0.8),
    zp("interval__en_every", rf"\bevery\s+(?:{_IV_EN}\s+)?{_UNIT_EN}\b", 0.85),
    zp("interval__en_once_a", r"\bonce\s+(?:a|per|every)\s+(?P<unit>week|month)\b", 0.8),
    zp("interval__en_apart", rf"\b{_IV_EN}[- ]{_UNIT_EN}\s+apart\b", 0.9),
    zp("interval__en_intervals", rf"\b(?:(?:at|with|in)\s+(?:an?\s+)?{_ABOUT_EN})?{_IV_EN}[- ]{_UNIT_EN}\s*intervals?\b", 0.9),
    zp("interval__en_separated", rf"\b(?:separated|spaced)\s+(?:by\s+)?{_ABOUT_EN}{_IV_EN}\s+{_UNIT_EN}\b", 0.9,
       examples=("MSC infusions were separated by approximately 4 weeks.",)),
    zp("interval__en_interval_of", rf"\bintervals?\s+of\s+{_ABOUT_EN}{_IV_EN}\s+{_UNIT_EN}\b", 0.9),
    # the second dose dated from the first: "administered at baseline and again 3 months later",
    # "约3个月后为她进行了第二次输注", "3个月后再次输注"
    zp("interval__en_again", rf"\bagain\s+(?:about\s+|approximately\s+)?{_IV_EN}\s+{_UNIT_EN}\s+later\b", 0.85),
    zp("interval__en_second_later", rf"\b(?:second|repeat(?:ed)?|another)\s+(?:[\w-]+\s+){{0,2}}?(?:infusion|injection|dose|transplant(?:ation)?|administration)\s+"
                                    rf"(?:about\s+|approximately\s+)?{_IV_EN}\s+{_UNIT_EN}\s+later\b", 0.85),
    zp("interval__zh_again", rf"(?<![第\d])(?:约|大约)?{_IV_ZH}\s*{_UNIT_ZH}后[^,。;:!?\n]{{0,10}}?(?:再次|第二次|第2次|又|重复|再)(?:[^,。;:!?\n]{{0,6}}?){_ADMIN_ZH}", 0.85,
       examples=("4周后重复输注一次脐带间充质干细胞。", "第一次输注12周后再输注一次。", "首次回輸3個月後再回輸一次。"),
       traps=("治疗12周后再次评估血糖。",)),
    # "the infusion was repeated after 4 weeks": a second administration and its interval
    zp("interval__en_repeated", rf"\b(?:infusions?|injections?|transplant(?:ation)?s?|administrations?|doses?|treatments?)\s+(?:was|were)\s+repeated\s+(?:once\s+)?"
                                rf"(?:(?:after|at)\s+)?{_ABOUT_EN}{_IV_EN}\s+{_UNIT_EN}(?:\s+later)?\b", 0.85,
       examples=("The stem cell infusion was repeated after 4 weeks.",),
       traps=("The measurements were repeated after 4 weeks in all patients given cells.",)),
    # "首次输注后4周再次输注", "第一次移植后3个月进行第二次移植": the time after the first, then the second
    zp("interval__zh_after_first", rf"(?:首次|第一次|第1次)(?:{_ADMIN_ZH})?后{_ABOUT_ZH}{_IV_ZH}\s*{_UNIT_ZH}[^,。;:!?\n]{{0,10}}?"
                                   rf"(?:再次|第二次|第2次|又|再)(?:[^,。;:!?\n]{{0,6}}?){_ADMIN_ZH}", 0.85,
       examples=("首次输注后4周再次输注脐带间充质干细胞。", "第一次移植後3個月進行第二次胰島移植。")),
    # "given at baseline and again after 12 weeks": the second dose dated from the first, after a verb of giving
    # ("HbA1c was measured at baseline and again after 12 weeks" gives nothing)
    zp("interval__en_baseline_again", rf"\b(?:infused|injected|administered|given|transplanted|dosed|received)\s+(?:[^\s.;]+\s+){{0,8}}?at\s+(?:baseline|week\s+0|day\s+0)\s+"
                                      rf"and\s+again\s+(?P<after>after\s+)?{_ABOUT_EN}{_IV_EN}\s+{_UNIT_EN}(?(after)|\s+later)\b", 0.85,
       examples=("UC-MSCs (1 × 10^6 cells/kg) were given intravenously at baseline and again after 12 weeks.",
                 "Cells were infused at baseline and again 3 months later."),
       traps=("HbA1c was measured at baseline and again after 12 weeks of cell therapy.",)),
    # "two infusions, the first at week 0 and the second six months later": the ellipsis of a pair
    zp("interval__en_the_second_later", rf"(?:[,;]|\band)\s+the\s+second\s+(?:(?:one|dose|infusion|injection|administration|transplant(?:ation)?)\s+)?"
                                        rf"{_ABOUT_EN}{_IV_EN}\s+{_UNIT_EN}\s+later\b", 0.85,
       examples=("Each participant received two intra-venous infusions of 2 × 10^6 cells/kg, the first at week 0 and the second six months later.",
                 "Two doses of MSCs were given, the second one 4 weeks later."),
       traps=("The first biopsy was normal; the second visit six months later showed fibrosis.",)),
    zp("interval__en_monthly", rf"\b(?P<adverb>monthly|weekly|biweekly|fortnightly)\s+(?:(?:intravenous|IV)\s+)?{_ADMIN_EN}", 0.8),
    # a schedule: "at weeks 0, 4 and 8" / "于第0、4、8周" -> count and interval
    zp("schedule__en", r"\b(?:at|on)\s+(?P<sunit>weeks?|days?|months?)\s+(?P<list>\d{1,2}(?:\s*,\s*\d{1,2})*\s*,?\s*and\s+\d{1,2})\b", 0.85),
    # the unit after the list: "at 0,1,5,6 week", "on 0, 4 and 8 weeks" (a schedule from day 0; "at 3, 6 and 12 months"
    # is a series of visits)
    zp("schedule__en_unit_after", r"\b(?:at|on)\s+(?:weeks?\s+|days?\s+)?(?P<list>0\s*,\s*\d{1,2}(?:\s*,\s*\d{1,2})*(?:\s*,?\s*and\s+\d{1,2})?)\s*(?:th\s+)?(?P<sunit>weeks?|days?|months?)\b", 0.85,
       examples=("The experimental group will be given 0.75*10^6/kg umbilical cord MSCs at 0,1,5,6 week.",
                 "Patients received UC-MSCs intravenously at 0, 4 and 8 weeks."),
       traps=("HbA1c was measured at 3, 6 and 12 months.",)),
    zp("schedule__zh", r"(?:于|在)?第\s*(?P<list>\d{1,2}(?:\s*[、,]\s*\d{1,2})+(?:\s*(?:和|及)\s*\d{1,2})?)\s*(?P<sunit>周|天|日|个月)", 0.85),
    zp("schedule__zh_each", r"(?:于|在)?第\s*(?P<list>\d{1,3}\s*(?P<sunit>周|天|日|个月)(?:\s*(?:、|,|和|及)\s*第\s*\d{1,3}\s*(?P=sunit))+)", 0.85),
    # "on Day 0 and Day 90" (a registry record's schedule): the unit repeated before each point
    # a schedule from baseline: "at baseline and at week 12", "于基线和第12周" -> two administrations
    zp("schedule__en_baseline", r"\b(?:infused|injected|administered|given|transplanted|dosed)\s+(?:[^\s.;]+\s+){0,8}?at\s+(?P<base>baseline|week\s+0|day\s+0)\s+and\s+(?:again\s+)?at\s+(?P<sunit>weeks?|days?|months?)\s+(?P<list>\d{1,3})\b",
       0.85, examples=("MSCs were infused at baseline and at week 12.",
                       "The cells were infused intravenously at 2 × 10^6 cells/kg at baseline and again at month 6."),
       traps=("HbA1c was measured at baseline and at week 12 after the infusion of cells.",)),
    zp("schedule__zh_baseline", r"(?:于|在)?(?P<base>基线)(?:时)?(?:和|及|与|、)第\s*(?P<list>\d{1,3})\s*(?P<sunit>周|天|日|个月)(?:各|分别)?(?:静脉)?(?:输注|注射|回输|移植)",
       0.85, examples=("分别于基线和第12周静脉输注脐带间充质干细胞。", "分別於基線和第12週靜脈輸注臍帶間充質幹細胞。")),
    zp("schedule__en_each", r"\b(?:at|on)\s+(?P<list>(?P<sunit>days?|weeks?|months?)\s+\d{1,3}(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?P=sunit)\s+\d{1,3})+)\b", 0.85, re.IGNORECASE),
    # a course: "once a month for three months" / "每月输注1次,连续3个月" -> count and interval
    zp("course__en", rf"\bonce\s+(?:a|per|every)\s+(?P<unit>week|month)\s+for\s+{_N_EN}\s+(?:consecutive\s+)?(?P<unit2>weeks|months)\b", 0.85),
    zp("course__zh", rf"每(?P<unit>周|月)(?:{_ADMIN_ZH})?[一1]次\s*[,，]?\s*(?:连续|共)(?:{_ADMIN_ZH})?{_N_ZH}\s*(?:个)?(?P<unit2>周|月)", 0.85),
)

# a total over all administrations ("9名病人共接受15次移植", "累计移植15次", "15 islet transplants in all")
_CUMULATIVE = compile_cues((r"共|累计|累計|合计|合計|总计|總計",
                            r"\bin total\b|\ba total of\b|\baltogether\b|\bcumulative(?:ly)?\b|\bbetween them\b|\bin all\b"))
# the count is each patient's: "每人共输注3次", "each recipient had two infusions in total"
_PER_PATIENT = compile_cues((r"每(?:人|位|名|例|个|個)|人均|平均",
                             r"\beach\b|\bevery\s+(?:patient|participant|subject|recipient)\b|\bper\s+(?:patient|participant|person|subject|recipient)\b|\bon average\b"))
# a count of persons before the administrations (the cohort they were summed over)
_PERSONS = rx(rf"(?P<t>{ZH_NUM})\s*(?:例|名|位|个|個)[^,，。;；\d]{{0,12}}?{ZH_PERSON}|(?P<e>{EN_NUM})\s+(?:[\w-]+\s+){{0,3}}?{EN_PERSON}",
              re.IGNORECASE)
COHORT_REACH = 300   # chars before a count where the persons it was summed over are named
# "各…1次" / "once each": a count per occasion of a schedule
_EACH_OCCASION = rx(r"各[^,，。;；]{0,10}$|\bonce each\b", re.IGNORECASE)

# the clause must be about giving cells, not drugs
_CELL_CONTEXT = compile_cues((
    r"细胞|干细胞|MSC|输注|回输|移植|静脉|注射液",
    r"\bcells?\b|\bMSCs?\b|\binfus|\btransplant|\bstem\b|\bislets?\b|\bproduct\b",
))
# an add-on to background therapy: "在胰岛素治疗基础上每4周输注1次MSC", "on top of insulin": the drug is not dosed here
# a table cell's "MSCs+insulin" / "干细胞+胰岛素" is the same add-on
_ADD_ON = compile_cues((r"在[^,。;]{0,15}?基础上|联合[^,。;]{0,10}?(?:治疗)?的?基础上|[+＋]\s*胰岛素",
                        r"\bon top of\b[^,.;]{0,30}|\bin addition to\b[^,.;]{0,30}|\bplus (?:usual|standard) care\b|[+＋]\s*insulin\b"))
# a whole organ transplanted is no administration of cells: "两次肾移植", "two kidney transplants"
_ORGAN_TRANSPLANT = compile_cues((r"(?:肾|肝|心脏|肺|胰腺|器官|角膜)(?:脏)?移植",
                                  r"\b(?:kidney|renal|liver|hepatic|heart|cardiac|lung|pancreas|organ|corneal?)[- ](?:transplant\w*|grafts?)\b"))
# "3次静脉输注……两次输注间隔2周": the gap between any two doses, not a second count
# "两次输注间隔不少于2周", "separated by at least 2 weeks": a minimum gap, so no count of two either
_PAIR_GAP_LIMIT = compile_cues((r"^\s*(?:之间|间)?的?(?:间隔|相隔|相距)(?:时间)?(?:应|须|需|宜|一般)?(?:不少于|不短于|不超过|至少|最少|≥|>)",
                                r"^\s*(?:should|must|were|are)?\s*(?:be\s+)?(?:separated|spaced)\s+(?:by\s+)?at least\b"))
_PAIR_GAP_AFTER = compile_cues((r"^\s*(?:之间|间)?的?(?:间隔|相隔|相距)", r"^\s*(?:were|are|was)?\s*(?:given\s+)?(?:separated by|spaced)\b"))
# drug dosing and visits: "每日1次 二甲双胍", "insulin 18U", "3次随访", "twice daily", "3 times higher"
_DRUG_NEAR = compile_cues((
    r"胰岛素|二甲双胍|格列|司美格鲁肽|利拉鲁肽|度拉糖肽|列汀|\d\s*(?:mg|μg|ug|U|IU|单位|片)\b|每日|每天|每晚|餐前|睡前|口服",
    r"\binsulin\b|\bmetformin\b|\bsemaglutide\b|\bliraglutide\b|\bdulaglutide\b|\btablets?\b|\boral\b|\bdaily\b|\bper day\b|\ba day\b",
    # mobilisation and conditioning drugs of a stem-cell protocol are dosed too
    r"G-?CSF|粒细胞集落刺激因子|环磷酰胺|\bfilgrastim\b|\bcyclophosphamide\b|\bATG\b|抗胸腺",
))
_NOT_ADMIN_AFTER = rx(r"^\s*(?:higher|more|greater|lower|as (?:many|much|high|likely)|fold|daily|a day|per day|weekly)", re.I)
# "胰岛移植在国内外曾遭遇过两次“滑铁卢”": the count belongs to another verb (suffered, went through) or to
# the quoted noun after it, not to the administration named before
_OTHER_VERB_ZH = rx(r"遭遇|遭受|经历|历经|失败|面临|(?:次|回)\s*[“「\"《]")
_NOT_ADMIN_ZH = compile_cues((r"随访|复查|评估|检测|检查|测量|问卷|会诊|门诊", r"\bfollow|\bvisits?\b|\bassess|\bmeasure"))
_NO_DOSE_LEVELS = rx(r"^\s*(?:levels?|groups?|cohorts?|arms?|of insulin)\b", re.I)

# a limit or a recommendation, not what was given: "不超过3次", "no more than three infusions", "up to four"
# (the comparators of numbers.py, their negations included: 不大于, "no fewer than", "not exceeding")
_LIMIT_BEFORE = compile_cues((rf"(?:{COMPARATOR}|上限为?|\ba minimum of)\s*(?:共|为)?\s*$",))
# "单次输注剂量", "single-infusion dose": the amount per administration, not a count of one
# (a bracket after the noun is an aside: "单次静脉输注(每个剂量组6例)" counts the groups, it names no amount)
_PER_DOSE_AFTER = compile_cues((r"^\s*的?[^,。;(（]{0,4}?(?:剂量|用量|数量|细胞量|细胞数)", r"^[\s-]*(?:dose|volume|cell count)\b"))
# "接受3次及以上输注的患者", "three or more infusions": a threshold that splits patients, not the count given
_BOUND_AFTER_N = compile_cues((r"^\s*次?\s*(?:及|或)?以[上下]", r"^\s*(?:or (?:more|fewer|less)|\+)"))
_PER_POINT = rx(r"分别|\beach time\b|\bat each\b", re.I)
_CLAUSE_BREAK = rx(r"[,，;；]")
_MEASURED_AFTER = rx(r"\s*(?:after|post|following|since)\b|\s*(?:后|後)", re.I)
# the persons 每 counts ("每人接受一次细胞输注") make no interval of "每…一次"
_EACH_PERSON = rx(r"每(?:人|位|名|例|个|個)(?:患者|受试者|病人)?")
# insulin as the outcome, not a dosed drug: "单次输注后完全停用外源性胰岛素", "became insulin-free"
_DRUG_OUTCOME_BEFORE = rx(r"(?:停用|停止|停掉|脱离|摆脱|无需|不再需要|不再|不需要|不用|减少|减停|"
                                  r"\boff|\bstopped|\bdiscontinued|\bfree\s+of|\bindependent\s+of|\bwithout|"
                                  r"\bno\s+longer\s+(?:needed|required|need|require|took|take|used|use))"
                                  r"\s*(?:了)?\s*(?:外源性|額外|额外|注射|使用|exogenous|any|their|her|his)?\s*$", re.I)
_DRUG_OUTCOME_AFTER = rx(r"[-\s]?(?:free|independen\w*)", re.I)

# "只打了一针", "仅注射一针": one shot stated as what was given ("只需打一针" is the slogan again)
_ONLY_BEFORE = rx(r"(?:只|仅|僅)(?!需|要|用)$")
# a verb that gives cells, in the sentence of "in a single operation"
_GIVEN_VERB_EN = rx(r"\b(?:implant|transplant|infus|inject|engraft|grafted|deliver|administ)", re.I)
# intervals read from "N months later ... a second dose": the dose noun is inside the match
AGAIN_PATTERNS = frozenset({"interval__en_baseline_again", "interval__en_the_second_later", "interval__en_again", "interval__en_second_later", "interval__zh_again", "interval__zh_after_first",
                            "interval__en_repeated", "second__en_after_first"})
# intervals dated from a second administration: they imply a count of two
IMPLIED_SECOND = frozenset({"interval__en_baseline_again", "interval__en_the_second_later", "interval__en_again", "interval__en_second_later", "interval__zh_again", "interval__zh_after_first",
                            "interval__en_repeated"})
# counts the text implies but does not state (a second dose, an ordinal): an explicit count wins over them
IMPLIED_COUNT = IMPLIED_SECOND | {"second__en_after_first", "ordinal__en_pair", "ordinal__zh_pair"}
# a course whose length is counted in administrations, not in units of its interval
SERIES_COURSES = frozenset({"course__zh_series", "course__en_doses"})
ROUTE_SUMS = frozenset({"count__zh_route_sum", "count__en_route_sum"})

MAX_INFUSIONS = 20
MAX_INTERVAL_DAYS = 365.0
MERGE_GAP = 40   # chars between a count and an interval for them to be one regimen


def _number(s: Optional[str]) -> Optional[float]:
    return parse_number(s) if s else None


class RegimenExtractor(FieldExtractor):
    """Counts and intervals of cell administrations, merged when stated in one clause."""

    name = "regimen"
    field = "regimen"
    patterns = REGIMEN_PATTERNS

    def find(self, span: Span) -> list[Hit]:
        hits = self._merge(super().find(span), span)
        return [h for h in hits if not self._pair_gap(h, hits, span)]

    @staticmethod
    def _pair_gap(hit: Hit, hits: list[Hit], span: Span) -> bool:
        """'两次输注间隔2周' beside '3次输注': the words name a pair of doses, not the count."""
        if hit.value["interval_days"] is not None or hit.value["infusions"] is None:
            return False
        text = span.doc.view
        if _PAIR_GAP_LIMIT.search(text[hit.end:hit.end + 16]):
            return True
        if not _PAIR_GAP_AFTER.search(text[hit.end:hit.end + 12]):
            return False
        s, e = sentence_bounds(text, hit.start, hit.end, span.start, span.end)
        return any(o is not hit and s <= o.start < e and o.value["infusions"] not in (None, hit.value["infusions"])
                   for o in hits)

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        kind = pattern.name.split("__", 1)[0]
        g = m.groupdict()
        value: dict[str, Optional[float | int]] = {"infusions": None, "interval_days": None}
        if kind == "count":
            text = span.doc.view
            if g.get("n") and _LIMIT_BEFORE.search(text[max(span.start, m.start("n") - 12):m.start("n")]):
                return []  # "不超过3次", "no more than three infusions": a limit, not the count given
            if g.get("n") and _BOUND_AFTER_N.search(text[m.end("n"):m.end("n") + 6]):
                return []  # "3次及以上", "three or more infusions": a threshold, not the count given
            if g.get("sum"):
                n: Optional[float] = self._route_sum(g["sum"], pattern.name)
            elif g.get("single") or g.get("single2"):
                n = 1
            elif g.get("word"):
                n = {"twice": 2, "thrice": 3}[g["word"].lower()]
            else:
                n = _number(g.get("n"))
            if n == 1 and pattern.name == "count__zh_shots" and not _ONLY_BEFORE.search(
                    text[max(span.start, m.start() - 4):m.start()]):
                return []  # "打一针就能根治": the slogan of one shot, not a stated regimen ("每人只打了一针" is one)
            value["infusions"] = as_int(n)
        elif kind == "interval":
            value["interval_days"] = self._interval(g)
            if pattern.name in IMPLIED_SECOND:
                value["infusions"] = 2   # "again 3 months later", "3个月后进行第二次输注": a second administration
        elif kind == "pair":
            n = {"twice": 2, "thrice": 3}[g["word"].lower()] if g.get("word") else _number(g.get("n"))
            value.update({"infusions": as_int(n) if n is not None else None, "interval_days": self._interval(g)})
        elif kind == "second":
            value.update({"infusions": 2, "interval_days": self._interval(g)})
        elif kind == "ordinal":
            word = (g.get("ord") or "").lower()
            value["infusions"] = ORDINALS.get(word) or as_int(_number(word))
        elif kind == "schedule":
            value.update(self._schedule(g))
        elif kind == "course" and pattern.name in SERIES_COURSES:
            if g.get("unit_a"):
                g = {**g, "unit": g["unit_a"]}
            value.update({"infusions": as_int(_number(g.get("n"))), "interval_days": self._interval(g)})
        elif kind == "course":
            if pattern.name == "course__zh_days" and not (g.get("a1") or g.get("a2")):
                return []   # "连续3天" of anything: the administration must be named
            value.update(self._course(g))
        if value["infusions"] is None and value["interval_days"] is None:
            return []
        return [self.hit(value, m.start(), m.end(), pattern)]

    @staticmethod
    def _interval(g: dict[str, Optional[str]]) -> Optional[float]:
        if g.get("fixed14"):
            return 14.0
        if g.get("half_year"):
            return float(6 * UNIT_DAYS["月"])   # "间隔半年": six months of 30 days
        if g.get("adverb"):
            return {"monthly": 30.0, "weekly": 7.0, "biweekly": 14.0, "fortnightly": 14.0}[g["adverb"].lower()]
        unit = (g.get("unit") or "").lower()
        per = UNIT_DAYS.get(unit)
        if per is None:
            return None
        n = _number(g.get("iv")) if g.get("iv") else 1.0
        if n is None:
            return None
        return float(n * per)

    @staticmethod
    def _route_sum(text: str, pattern: str) -> Optional[float]:
        """The total of per-route counts: '1次外周静脉注射加1次腹腔动脉注射' = 2."""
        if pattern.startswith("count__zh"):
            parts = re.findall(rf"({_CNT_ZH})次", text)
        else:
            parts = [re.sub(r"^(?:a single|single|an?)$", "one", p, flags=re.I)
                     for p in re.findall(rf"(?:^|(?:and|plus|as well as|followed by)\s+)({_CNT_EN})\s", text, re.I)]
        values = [_number(p) for p in parts]
        if len(values) < 2 or any(v is None for v in values):
            return None
        return float(sum(v for v in values if v is not None))

    @staticmethod
    def _course(g: dict[str, Optional[str]]) -> dict[str, Optional[float | int]]:
        """'once a month for 3 months': the course length in units of the interval is the count."""
        if g.get("unit2") is None and g.get("n"):
            n = _number(g.get("n"))   # "on three consecutive days", "连续输注3天": daily
            return {"infusions": as_int(n), "interval_days": 1.0}
        if g.get("adverb"):
            g = {**g, "unit": {"weekly": "week", "monthly": "month"}[g["adverb"].lower()]}
        unit, unit2 = (g.get("unit") or "").lower(), (g.get("unit2") or "").lower().rstrip("s")
        per = UNIT_DAYS.get(unit)
        n = _number(g.get("n"))
        if per is None or n is None or unit.rstrip("s") != unit2:
            return {"infusions": None, "interval_days": None}
        return {"infusions": as_int(n), "interval_days": float(per)}

    @staticmethod
    def _schedule(g: dict[str, Optional[str]]) -> dict[str, Optional[float | int]]:
        points = ([0] if g.get("base") else []) + [int(x) for x in re.findall(r"\d+", g.get("list") or "")]
        unit = (g.get("sunit") or "").lower().rstrip("s")
        per = {"week": 7, "周": 7, "day": 1, "天": 1, "日": 1, "month": 30, "个月": 30}.get(unit)
        if len(points) < 2 or per is None or points != sorted(points):
            return {"infusions": None, "interval_days": None}
        steps = {b - a for a, b in zip(points, points[1:])}
        interval = float(steps.pop() * per) if len(steps) == 1 else None
        return {"infusions": len(points), "interval_days": interval}

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        text = span.doc.view
        s, e = sentence_bounds(text, hit.start, hit.end, span.start, span.end)
        quote = text[hit.start:hit.end]
        n, iv = hit.value["infusions"], hit.value["interval_days"]
        if n is not None and not 1 <= n <= MAX_INFUSIONS:
            return None
        if iv is not None and not 1 <= iv <= MAX_INTERVAL_DAYS:
            return None
        if n == 1 and iv is None and _EACH_OCCASION.search(text, max(s, hit.start - 12), hit.start + 1):
            return None   # "于入组时及第12周各静脉输注1次": once on each occasion, not one infusion in all
        # drugs and visits are dosed and scheduled too: the clause must be about cells
        if not _CELL_CONTEXT.search(text, s, e):
            return None
        lo, hi = max(s, hit.start - 12), min(e, hit.end + 12)
        # a drug in another clause is another verb's ("每天注射胰岛素2次,并接受1次干细胞输注")
        lo = max(lo, max((m.end() for m in _CLAUSE_BREAK.finditer(text, lo, hit.start)), default=lo))
        cut = _CLAUSE_BREAK.search(text, hit.end, hi)
        hi = cut.start() if cut else hi
        if hit.pattern in AGAIN_PATTERNS:
            lo = hit.start  # "3个月后再次输注" names the second dose itself: a drug before it is another clause
        add_on = [(a.start(), a.end()) for a in _ADD_ON.finditer(text, max(s, lo - 30), hi)]
        if any(not any(a <= d.start() and d.end() <= b for a, b in add_on) and not self._insulin_outcome(text, d, s)
               for d in _DRUG_NEAR.finditer(text, lo, hi)):
            return None
        if _NOT_ADMIN_AFTER.search(text[hit.end:hit.end + 20]):
            return None
        if n == 1 and hit.pattern.startswith("count__") and _PER_DOSE_AFTER.search(text[hit.end:hit.end + 8]):
            return None
        # "4周后重复输注一次": one more administration, not the count of all
        if n == 1 and hit.pattern.startswith("count__") and re.search(r"(?:再次|重复|又|再)\s*$", text[max(s, hit.start - 4):hit.start]):
            return None
        # "每4周输注一次": the "一次" belongs to the interval, it is not a count
        if n == 1 and iv is None and re.search("每|隔周", _EACH_PERSON.sub("", text[max(s, hit.start - 8):hit.end].replace("每次", ""))):
            return None
        # "于第1天和第8天分别接受一次输注" / "each received one infusion at weeks 0 and 4": once per time point
        if n == 1 and iv is None and _PER_POINT.search(text[max(s, hit.start - 6):hit.end]):
            return None
        if n is not None and n >= 2 and hit.pattern.startswith("count__") and self._over_cohort(hit, span, s):
            return None   # "9名病人共接受15次移植", "between them they had 15 islet transplants in all": all patients' procedures
        if hit.pattern.startswith("count__zh_total") and _NOT_ADMIN_ZH.search(text, hit.end, min(e, hit.end + 6)):
            return None
        if hit.pattern.startswith("count__") and _NOT_ADMIN_ZH.search(quote):
            return None
        if _ORGAN_TRANSPLANT.search(quote):
            return None
        if hit.pattern == "count__zh_admin_n_times" and _OTHER_VERB_ZH.search(text, hit.start, min(e, hit.end + 2)):
            return None
        if hit.pattern == "count__en_n_admin" and _NO_DOSE_LEVELS.search(text[hit.end:hit.end + 15]):
            return None
        if hit.pattern == "count__en_single_procedure" and not _GIVEN_VERB_EN.search(text, s, e):
            return None  # "screened in a single session": nothing given in it
        if hit.pattern.startswith("schedule__") and not re.search(
                r"输注|回输|注射|移植|给药|infus|inject|administ|dos|\bgiven\b|\breceiv", text[s:e], re.I):
            return None  # "at weeks 0, 4 and 8" of measurements is not a schedule of doses
        if hit.pattern.startswith("schedule__") and _MEASURED_AFTER.match(text, hit.end):
            return None  # "at weeks 4, 12 and 24 after the infusion": time points counted from a dose
        return hit

    @staticmethod
    def _over_cohort(hit: Hit, span: Span, sentence_start: int) -> bool:
        """A count summed over the cohort, not given to each patient: a cumulative word beside it ("共", "累计", "in
        total") and a count of two or more persons before it, in its sentence or the ones just before ("The nine
        recipients … between them they have had 15 islet transplants in all"), that the administrations reach or exceed.
        Each patient's count ("每人共输注3次", "each recipient had two infusions in total") stays."""
        text = span.doc.view
        if not _CUMULATIVE.search(text, max(sentence_start, hit.start - 12), min(span.end, hit.end + 14)):
            return False
        if _PER_PATIENT.search(text, sentence_start, hit.end):
            return False
        persons = [p for p in _PERSONS.finditer(text, max(span.start, hit.start - COHORT_REACH), hit.start)]
        if not persons:
            return False
        last = persons[-1]
        n = as_int(parse_number((last.group("t") or last.group("e")).replace(",", "")))
        return n is not None and 2 <= n <= hit.value["infusions"]

    @staticmethod
    def _insulin_outcome(text: str, drug: re.Match[str], lo: int) -> bool:
        """A drug word that names what the patients stopped or no longer need ("停用外源性胰岛素", "insulin-free")."""
        return bool(_DRUG_OUTCOME_BEFORE.search(text[max(lo, drug.start() - 14):drug.start()])
                    or (drug.group(0).lower() in ("insulin", "胰岛素") and _DRUG_OUTCOME_AFTER.match(text, drug.end())))

    def _merge(self, hits: list[Hit], span: Span) -> list[Hit]:
        """Join a count-only and an interval-only hit of one clause into one hit."""
        text = span.doc.view
        hits = sorted(hits, key=lambda h: (h.start, -h.end))
        used: set[int] = set()
        out: list[Hit] = []
        for i, a in enumerate(hits):
            if i in used:
                continue
            for j in range(i + 1, len(hits)):
                b = hits[j]
                if b.start - max(a.end, a.start) > MERGE_GAP:
                    break   # sorted by start: no later hit is closer (keeps many hits on one line linear)
                if j in used:
                    continue
                if not self._complementary(a, b):
                    continue
                lo, hi = min(a.start, b.start), max(a.end, b.end)
                if re.search(r"[。;\n]", text[lo:hi]):
                    continue
                value = {"infusions": a.value["infusions"] or b.value["infusions"],
                         "interval_days": a.value["interval_days"] or b.value["interval_days"]}
                a = Hit(a.field, value, lo, hi, a.extractor, f"{a.pattern}+{b.pattern}",
                        max(a.score, b.score))
                used.add(j)
            out.append(a)
        return out

    @staticmethod
    def _complementary(a: Hit, b: Hit) -> bool:
        return ((a.value["infusions"] is None) != (b.value["infusions"] is None)
                and (a.value["interval_days"] is None) != (b.value["interval_days"] is None))

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """Distinct regimens; a count or interval already inside a combined regimen is dropped.

        The per-route parts of a route sum are not counts of their own; a count the text only
        implies (a second dose, an ordinal) gives way to a stated count, keeping its interval.
        """
        sums = sorted((h.start, h.end) for h in hits if h.pattern in ROUTE_SUMS)
        starts = [a for a, _ in sums]

        def inside_sum(h: Hit) -> bool:
            i = bisect_left(starts, h.end)   # sums starting before the hit ends; the nearest few can overlap
            return any(b > h.start for _, b in sums[max(0, i - 3):i])

        hits = [h for h in hits if h.pattern in ROUTE_SUMS or h.value["interval_days"] is not None or not inside_sum(h)]
        if any(h.value["infusions"] is not None and h.pattern not in IMPLIED_COUNT for h in hits):
            hits = [replace(h, value={**h.value, "infusions": None}) if h.pattern in IMPLIED_COUNT else h for h in hits]
            hits = [h for h in hits if h.value["infusions"] is not None or h.value["interval_days"] is not None]
        full = [h for h in hits if h.value["infusions"] is not None and h.value["interval_days"] is not None]
        counts = {h.value["infusions"] for h in full}
        intervals = {h.value["interval_days"] for h in full}
        full_ids = {id(h) for h in full}
        rest = [h for h in hits if id(h) not in full_ids
                and not (h.value["interval_days"] is None and h.value["infusions"] in counts)
                and not (h.value["infusions"] is None and h.value["interval_days"] in intervals)]
        return super().decide(full + rest)


EXTRACTOR = RegimenExtractor()
