"""HbA1c values: before/after pairs, lone baseline or post-treatment values, stated changes.

The extractor finds an HbA1c term and reads the values of its clause: the clause ends at a
sentence end or where another measure starts (fasting glucose, C-peptide, insulin dose ...), so
that their percentages are never read as HbA1c. Targets and thresholds ("HbA1c<7%"), inclusion
criteria and proportions of patients ("20%的患者", "83% achieved") are not values. mmol/mol is
converted to % (NGSP = 0.09148 × IFCC + 2.152).

Reading order in a clause: values labelled by their time point ("week 0: 8.30 [7.90, 8.80]; week 12: 7.60",
"BL=8.4%; M6=6.9%"), before -> after pairs, stated changes (a meta-analysis "MD=-0.95" too), values reached
("降至6.8%"), then the remaining values left to right. Each of those takes the role its own cue gives (a sign, "at
baseline", "治疗后", "at 12 months" after it), else the role of the value before it in the same
clause ("8.7% in the cell group and 8.6% in the placebo group"), or of a series ("dropped 0.6% by month 3, 0.9%
by month 6"); the first value with no cue takes the role an earlier cue of its sentence gives ("Four years on, his
HbA1c is 6.4%", "Twelve-month results: ...; HbA1c 6.9%"), else it is the patient's baseline. Another therapy's
effect ("GLP-1受体激动剂 ... HbA1c降低1.5-2%") is not the study's. A clause whose term is followed by
a threshold, or preceded by a share/criterion word, states no level. Relative changes ("a 15%
relative reduction", "相对下降12%") are not absolute changes.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..durations import DURATION, DURATION_EN, DURATION_ZH, TIMEPOINT_EN, timepoint_days
from ..numbers import ARABIC, EN_NUMBER, parse_number
from .base import FieldExtractor, Hit, Pattern, Span
from ..rxcache import rx
from .cohort_roles import is_inquirer
from .context import flat_table_header

# ---- lexicons (data) ----
# the Chinese name may be followed by its abbreviation in brackets ("糖化血色素（HbA1c）"): one term
TERM = (r"(?:glyc(?:osyl)?ated\s+ha?emoglobin(?:\s*\(?\s*(?:Hb\s*)?A1c\s*\)?)?|ha?emoglobin\s+A1c|"
        # (OCR reads the digit 1 as l or I: "HbAlc", "HbAIc")
        r"Hb\s*A[1lI]c|HbA1|\bA1c\b|(?:糖\s*化\s*血\s*[红紅]\s*蛋\s*白(?:\s*A1c)?|糖化血[色红紅]素|糖化(?!\s*终)(?!\s*終))"
        r"(?:\s*[(（]\s*(?:Hb\s*A1c|A1c|GHb)\s*[)）])?)")
# another measure: the HbA1c clause ends where it starts
# (abbreviations as whole words: "last" holds no AST, "entire" no TIR, "weighted mean difference" no weight;
# a group named by its insulin outcome, "insulin-free recipients", "脱离胰岛素的患者", is no other measure)
OTHER_MEASURE = (r"(?:空腹|餐后|餐後|血糖(?!控制)|(?<![A-Za-z])(?:FBG|FPG|PPG|2h\s*PG|HOMA|BMI|TIR|hs-?CRP|CRP|eGFR|LDL|HDL|"
                 r"ALT|AST)(?![A-Za-z])|(?<![A-Za-z])C\s*-?\s*(?:肽|peptide)|(?<!脱离)(?<!摆脱)(?<!停用)(?:胰岛素|胰島素)|"
                 r"insulin(?![- ]?(?:free|independen))|体重|體重|weight(?!ed)|time\s+in\s+range|甘油三酯|胆固醇|膽固醇|"
                 r"cholesterol|triglyceride|glucose|血压|血壓|blood\s+pressure|低血糖|hypoglyc|"
                 r"炎症|肌酐|creatinine)")
# a measure word followed by a group word names the group ("单用胰岛素的对照组", "insulin-only arm")
# (the gap read once, possessively, from its start: a run of dashes or spaces is never rescanned)
IN_GROUP_NAME = (r"(?:(?:强化|強化|治疗|治療|注射|泵)?(?:的[^\d,，。;；:：\s]{0,3}?)?(?:组|組)(?!间|間|内|內)|(?<![\s-])[\s-]*+(?:only|alone|treated|therapy|"
                 r"treatment)?\s*(?:group|arm)\b)")
CLAUSE_END = r"(?:[。!?！？\n]|\.\s|\.$)"
# ("a 1.2-point drop in HbA1c", "fell 1.2 points": points of HbA1c are percentage points)
# (no HbA1c is in mmol/L, a glucose unit: "HbA1c从8.1 mmol/L降到6.8" in the HbA1c term's own clause is a % value with
# the wrong unit, as "8.6 mmol/mol" is; a glucose named in the clause ends it before its values)
PCT = (r"(?:%|％|个百分点|個百分點|百分点|百分點|percentage[\s-]+points?|percent(?!age)|per\s+cent|pp\b|-?points?\b|"
       r"mmol\s*/\s*mol|mmol\s*/\s*[lL](?![A-Za-z]))")
# a value: number, optional spread (± SD, [IQR]), optional unit; never a magnitude, duration or
# another unit ("15亿细胞", "6个月", "7.5 mmol/L")
_VALUE_TAIL = (r"(?![\d.])(?!\s*(?:亿|億|万|萬|mg|g\b|kg|mmol/l|mg/dl|u\b|iu|年|岁|歲|个|個|月|周|週|天|"
               r"days?|weeks?|months?|years?|次|例|名|位|倍|pmol|ng|μ|µ|细胞|細胞|cells|patients|participants|的患者|"
               r"of\s+(?:the\s+)?(?:patients|participants|subjects)|的受试者|达标|CI\b|置信|可信|confidence|以下|以上|以内|以內|"
               r"or\s+(?:less|lower|below|more|higher|above)|and\s+(?:below|above)))")


# the spread's name inside its bracket: "6.9% (SD 0.8)", "7.7 (IQR 7.2-8.4)"
SPREAD_LABEL = r"(?:(?:SD|SEM?|IQR|s\.d\.|标准差|標準差)\s*[,:=]?\s*)"


def value_rx(g: str) -> str:
    """A value with group ``g`` (number) and ``g``u (unit): spread (± SD, [IQR]) allowed, the whole
    mean ± SD in brackets too ("(8.62±1.35)%"), the spread after the unit too ("6.9% (SD 0.8)", "8.9% ± 1.1"); never a
    magnitude, a duration or another unit ("15亿细胞", "6个月", "7.5 mmol/L")."""
    return (rf"(?P<{g}p>[(（]\s*)?(?P<{g}>{ARABIC})(?:\s*(?:±|\+/-|\+-)\s*{ARABIC}|\s*[\[(]\s*{SPREAD_LABEL}?{ARABIC}(?:\s*[-–,~]\s*"
            rf"{ARABIC})?\s*[\])])?(?({g}p)\s*[)）])\s*(?P<{g}u>{PCT})?" + _VALUE_TAIL
            + rf"(?({g}u)(?:\s*(?:±|\+/-|\+-)\s*{ARABIC}(?![\d.])\s*%?|\s*[\[(]\s*{SPREAD_LABEL}?{ARABIC}\s*%?"
              rf"(?:\s*[-–,~]\s*{ARABIC}\s*%?)?\s*[\])])?)" + ALT_UNIT + "?")


# the same value in the other unit, in brackets after it: "8.3 ± 0.8% (67 ± 9 mmol/mol)"
ALT_UNIT = (rf"(?:\s*[(（\[]\s*[-−+]?\s*{ARABIC}(?:\s*(?:±|\+/-|\+-)\s*{ARABIC})?\s*(?:mmol\s*/\s*mol|%|％)"
            rf"(?:\s*[;,]\s*[^()（）\[\]]{{0,20}})?\s*[)）\]])")


DOWN = (r"(?:下降|降低|降幅|降了|减少|減少|减低|減低|改善|回落|(?:went|gone|goes|go|came|come)\s+down|"
        r"reduction|reduced|reduce|reducing|decrease[ds]?|decreasing|"
        r"decline[ds]?|declining|drop(?:ped|s)?|fell|fall|falls|lowered|lowering|lower|improved|improvement)")
UP = (r"(?:升高|上升|增加|增高|升幅|升了|(?:went|gone|goes|go|came|come)\s+up|increase[ds]?|increasing|rise|rose|rises|"
      r"elevated|elevation)")
# a meta-analysis difference: "MD=-0.95", "WMD -0.85%", "mean difference = -0.72" (a standardised one is unitless)
MEAN_DIFF = r"(?:(?<![A-Za-z])W?MD(?![A-Za-z])|(?<!standardized\s)(?<!standardised\s)(?:weighted\s+)?mean\s+difference|加权均数差|均数差|平均差)"
MEAN_DIFF_PCT_MAX = 3.0
CHANGE_WORD = rf"(?:变化|變化|差值|改变|改變|change[ds]?|difference|{MEAN_DIFF})"
TO = (r"(?:降至|降到|下降到|下降至|下降为|下降為|降低至|降低到|降低为|降低為|减少至|減少至|减至|減至|改善至|改善为|"
      r"回落至|升至|升高至|上升至|增至|增加至|维持在|維持在|稳定在|穩定在|保持在|至|到|变为|變為|"
      r"maintained\s+at|stabili[sz]ed\s+at|(?:stayed|stays|remained|remains|stands|stood|held|holds)\s+(?:steady\s+|stable\s+)?at|"
      # ("compared to 8.7%", "similar to 7.0%": a comparison, not the value reached)
      r"(?<!compared )(?<!compare )(?<!relative )(?<!similar )(?<!close )to|→|->|=>)(?:\s*了)?")
FROM = r"(?:从|從|由|from)"
BASELINE = (r"(?:基线|基線|baseline|治疗前|治療前|术前|術前|移植前|输注前|輸注前|入组时|入組時|入院时|入院時|"
            r"before\s+(?:treatment|therapy|infusion|transplantation)|pre-?treatment|at\s+entry|at\s+enrollment|"
            r"initially|初始|原本|原来|原來|最初|"
            # the level the patients started from: "HbA1c began at 9.1% in both arms", "at diagnosis", "确诊时为"
            r"\b(?:started|starting|began|beginning)\s+(?:(?:out\s+)?at|from)\b|at\s+diagnosis|确诊时|確診時|确诊当时|確診當時)")
POST = (r"(?:目前|现在|現在|如今|\bnow\b|currently|\bcurrent\b|\blatest\b|most\s+recent|治疗后|治療後|术后|術後|移植后|移植後|输注后|輸注後|随访|隨訪|后|後|时|時|after|post|follow-?up|later|"
        # "at 12 months", and time points coordinated under one unit ("at 6 and 12 months", "at 3, 6, and 12 months")
        r"at\s+(?:week|month|year)|at\s+(?:\d+\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)){0,4}\d+\s+(?:weeks?|months?|years?))")
COMPARE = (r"(?:(?:less|greater|more|lower|higher)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:less|greater|more|lower|"
           r"higher)\s+than|no\s+(?:more|less|higher|lower|greater)\s+than|at\s+(?:least|most)|不低于|不高于|不小于|不大于|"
           r"[<>≤≥]|<=|>=|低于|低於|高于|高於|小于|小於|大于|大於|超过|超過|不超过|under|below|above|less\s+than|greater\s+than|over)")
# a count of patients reaching a value is not a value
# (a registry's unit label "percentage of hemoglobin", "percent of total haemoglobin" is the % unit, no proportion)
_HB_AFTER_OF = r"\s+(?:total\s+)?(?:glycated\s+|glycosylated\s+)?(?:ha?emoglobin|Hb)\b"
PROPORTION = rf"(?:达标率|達標率|达标|達標|比例|比率|proportion|percentage\s+of(?!{_HB_AFTER_OF})|rate|的患者|of\s+patients)"
# a time point: a duration ("12个月", "第52周", "one year", "18-month") or a unit-first label ("week 24", "M6"),
# both read by extract/durations.py
TIME = rf"(?P<time>(?:第\s*)?(?:{DURATION_EN}|{DURATION_ZH})|{TIMEPOINT_EN})"
GROUP = r"(?P<grp>[\u4e00-\u9fffA-Za-z\-]{1,8}?[组組])|(?:in|for)\s+the\s+(?P<egrp>[\w\-]+(?:\s+[\w\-]+)?)\s+(?:group|arm)"
IFCC_SLOPE, IFCC_INTERCEPT = 0.09148, 2.152
VALUE_RANGE = (3.0, 20.0)
# no HbA1c is 15 mmol/mol (3.5 %): a value up to this labelled mmol/mol is a % value
MISLABELLED_MMOL_MAX = 15.0
CHANGE_MAX = 5.0
# a pair read in the sentence after the term's lies in this range of HbA1c levels (%)
NEXT_PAIR_RANGE = (4.5, 15.0)
# a mmol/mol value converted lands this close to the % value it restates (IFCC tables round to whole mmol/mol)
MMOL_RESTATED_TOLERANCE = 0.06

# a trailing cue right after a value ("7.1% at 12 months", "8.2% at baseline", "6.9% after treatment")
# ("8.3% before the first transplant", "before their initial infusion": the first of several doses dates the baseline)
_BEFORE_FIRST = r"before\s+(?:(?:the|their|his|her)\s+)?(?:(?:first|initial)\s+)?"
TRAIL_BASE = (rf"\s*(?:\(\s*)?(?:at\s+baseline|at\s+entry|at\s+enrol?lment|at\s+screening|at\s+diagnosis|{_BEFORE_FIRST}(?:treatment|therapy|"
              r"infusion|transplant\w*|procedure|surgery)|pre-?(?:treatment|infusion|transplant\w*))\b")
TRAIL_POST = (rf"\s*(?:\(\s*)?(?:(?:at|after|following|by|post|over)\s+(?:the\s+)?(?:{EN_NUMBER}|\d+|weeks?|months?|years?|"
              r"days?|treatment|therapy|infusions?|transplant\w*|follow-?up|the\s+end|end\s+of|last|final|\d)|"
              r"post-?(?:treatment|infusion|transplant\w*)|later)")
# the term is not the value's measure: its variability, a target
NOT_A_LEVEL_AFTER = r"\s*(?:variability|variation|variance|fluctuation|变异|變異|波动|波動|target|目标|目標)"
# a clause about a share of patients, a criterion or a target: no value in it is an HbA1c level
CRITERION_BEFORE = (rf"(?:proportion|percentage(?!\s+of{_HB_AFTER_OF})|share|number|rate|patients\s+with|participants\s+with|"
                    r"eligible|eligibility|inclusion|exclusion|criteria|入选标准|入選標準|纳入标准|納入標準|"
                    r"排除标准|排除標準|入组标准|入組標準|比例|达标率|達標率|目标|目標|标准|標準)")
# a relative (not absolute) change: "a 15% relative reduction", "相对下降12%"; "relative to baseline",
# "相对基线" are absolute
RELATIVE = (r"(?:relative(?!\s+to)|相对(?!于|於|基线|基線|治疗前|治療前)|相對(?!于|於|基线|基線|治疗前|治療前)|"
            r"proportional|percent\s+(?:of\s+)?baseline)")
# "ranged from 7.8% to 9.6%", "从7.8%到9.6%不等": the spread of values across patients or studies, not a
# before -> after pair
SPAN_BEFORE = (r"(?:\brang(?:e|es|ed|ing)|\bvar(?:ied|ying|ies)|\bspann(?:ed|ing)|范围|範圍|波动|波動|分布|分佈)"
               r"\s*(?:was|were|is|are|为|為|在|于|於)?\s*(?:from|从|從|由)?\s*$")
# the second group of a parallel statement: "…由8.6%降至7.3%，安慰剂组则由8.5降至8.2"
PARALLEL_GROUP = r"(?:组|組|\bgroup|\barm|placebo|control|安慰剂|安慰劑|对照|對照)"
SPAN_AFTER = r"\s*(?:不等|之间|之間)"
PER_UNIT = r"(?:每(?![组組例位名个個人次])|\b(?:every|each|per)\b)\D{0,8}$"
FIRST_PERSON = r"(?:\bmy(?:\s+own)?|我(?:自己)?的?)\s*$"
# a pair with no unit right after the term ("糖化血红蛋白从8.4降到了7.6"): read as % when both values are on its scale
UNITLESS_PAIR_GAP = 12
UNITLESS_PCT_RANGE = (4.0, 15.0)
# (a registry's row label names its statistic before the unit: "HbA1c Mean (Standard Deviation) percentage of
# hemoglobin | 8.1 (0.6) | 7.9 (0.7)", "HbA1c, mean (SD), %")
_ROW_STAT = (r"(?:\s*,?\s*(?:mean|median)\b\s*(?:[(（]\s*(?:SD|SEM?|standard\s+deviation|standard\s+error|IQR|"
             r"inter-?quartile\s+range|range|full\s+range)\s*[)）])?)?")
HEADER_UNIT = (_ROW_STAT + r"\s*(?:[(（\[,，]\s*(?P<hu>%|mmol\s*/\s*mol)\s*[)）\]]?"
               r"|\s(?P<hu2>(?:percentage|percent)\s+of\s+(?:total\s+)?(?:glycated\s+|glycosylated\s+)?(?:ha?emoglobin|Hb)\b))")

# a value labelled by its time point: "week 0: 8.30 [7.90, 8.80]; week 12: 7.60", "BL=8.4%; M6=6.9%", "基线: 8.5"
# (week 0 / day 0 / BL is the baseline; any other time point is after treatment)
LABEL_BASE = (r"(?:BL|baseline|pre-?(?:treatment|infusion|transplant\w*)|before|基线|治疗前|移植前|输注前|术前|"
              r"(?:week|wk|day|month)\s*0|[WD]0|第\s*0\s*(?:周|天|个月|月))")
LABEL_POST = (rf"(?:(?:week|wk|month|mo|day|year)\s*\d{{1,3}}|[WMD]\d{{1,3}}|post-?(?:treatment|infusion|transplant\w*)|"
              rf"治疗后|移植后|输注后|术后|第\s*\d{{1,3}}\s*(?:周|个月|月|天)|{DURATION})")
# a bare value on the % scale, when a label says it is an HbA1c reading: one decimal, 4-15
LABELLED_BARE_RANGE = (4.0, 15.0)
# a sentence that states when its values were measured, before the HbA1c term: "Four years on, his HbA1c
# is 6.4%", "Twelve-month results: ...; HbA1c 6.9%", "Today his HbA1c stands at 6.6%", "1 year postinfusion ... A1C 7.0%"
SENT_POST = (rf"(?:{DURATION})\s*(?:on\b|later\b|afterwards\b|after\s+(?:the\s+)?(?:(?:last|final|first|initial|second)\s+)?(?:treatment|therapy|infusion|"
             rf"transplant\w*|surgery|procedure)|post-?[a-z]+|(?:clinical\s+)?(?:results?|data|outcomes?)\b|后|後|时|時|"
             rf"(?:的)?(?:随访)?(?:结果|数据)|(?:的)?(?:随访|隨訪|跟进|跟進|追踪|追蹤))|"
             rf"\b(?:at|after|by)\s+(?:the\s+)?(?:{DURATION}|{TIMEPOINT_EN})|"
             r"\b(?:today|now|currently|at\s+present|(?:at\s+)?(?:the\s+)?(?:last|latest|final)\s+(?:visit|follow-?up|assessment)|"
             r"insulin[- ]free|insulin[- ]independen\w*)\b|目前|现在|如今|至今|治疗后|术后|移植后|输注后|随访时|脱离胰岛素|停用胰岛素")
SENT_BASE = (rf"\b(?:at\s+baseline|baseline|{_BEFORE_FIRST}(?:treatment|therapy|infusion|transplant\w*)|"
             r"at\s+(?:entry|enrol\w*|screening|diagnosis|admission)|pre-?(?:treatment|infusion|transplant\w*))\b|"
             r"基线|治疗前|移植前|输注前|入组时|入院时|术前")
# two time points named together, then their values in the same order: "At baseline and at 12 months, HbA1c was
# 8.5% and 7.1%", "HbA1c at baseline and 12 months was 8.1% and 7.0%, respectively", "治疗前和治疗后HbA1c分别为…"
RESPECTIVE = (rf"(?:{SENT_BASE})\s*(?:,|and|和|及|与|與|vs\.?|versus)\s*(?:at\s+|after\s+)?(?:the\s+)?"
              rf"(?:{DURATION}|{TIMEPOINT_EN}|{SENT_POST})")
# a value among an outcome group is a post-treatment value: "6.3% [6.0-6.8] among insulin-free recipients"
OUTCOME_GROUP = (r"\s*,?\s*(?:among|in|for)\s+(?:the\s+|all\s+)?[^,.;()]{0,40}?(?:insulin[- ]free|"
                 r"insulin[- ]independen\w*|(?:non-?)?responders?|graft\s+(?:failure|loss|function)|remission)")
# a p-value in a list of values is no value: "8.2% at 3 months (p = 0.04), 7.7% at 6 months"
P_VALUE = r"[(\[]\s*p\s*[<=>≤≥]\s*0?[.·]\d+\s*[)\]]|,?\s*p\s*[<=>≤≥]\s*0?[.·]\d+"
# between two amounts of a series of changes: "dropped 0.6% by month 3, 0.9% by month 6 and 1.3% by month 12",
# "went down 0.9% (...) in the treated arm and just 0.3% in the sham arm"
LIST_GAP = (r"\s*[)）]?\s*(?:(?:in|with|for|among)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?(?:\s+(?:group|arm))?\s*)?"
            r"(?:,|;|，|、)?\s*(?:and|or|while|whereas|but|以及|和|及|而)?\s*(?:just|only|仅|只)?\s*")
# another therapy's effect, not the study's: a table row or a clause whose subject is a drug class
OTHER_THERAPY = (r"(?:GLP-?1|SGLT-?2|DPP-?4|二甲双胍|metformin|司美格鲁肽|semaglutide|替尔泊肽|tirzepatide|利拉鲁肽|"
                 r"liraglutide|度拉糖肽|dulaglutide|达格列净|dapagliflozin|恩格列净|empagliflozin|西格列汀|sitagliptin|"
                 r"磺脲|sulfonylureas?|胰岛素泵|insulin\s+pumps?|生活方式|lifestyle|bariatric|减重手术|代谢手术)")
OTHER_THERAPY_VERB = (rf"{OTHER_THERAPY}[^,.;。，；|]{{0,25}}?(?:可使|能使|可以使|能够使|可|能|使|lowers?|reduces?|decreases?|"
                      r"can\s+(?:lower|reduce))\s*(?:the\s+|患者的?|patients'?\s+)?$")

CONTEXT: dict[str, tuple[str, ...]] = {
    "zh": ("糖化血红蛋白", "糖化血紅蛋白", "降至", "下降", "基线"),
    "en": ("HbA1c", "glycated", "baseline", "reduced", "decreased"),
}

P = Pattern
PATTERNS: tuple[Pattern, ...] = (
    P("hba1c_term", TERM, 0.9),
    # "a 0.8% reduction in HbA1c": the change stated before the term
    # ((?<!\d): a value starts where its digits start; without it a long run of digits is rescanned from each digit)
    P("hba1c_change_before_term",
      r"(?<!\d)" + value_rx("v") + r"\s*(?:absolute\s+)?(?:mean\s+)?(?P<dir>" + DOWN + "|" + UP + r")\s+in\s+"
      r"(?:mean\s+|the\s+)?" + TERM, 0.85),
)

_V = value_rx
_GAP = r"[^\d。;；!?！？\n<>≤≥]"
# "治疗12周后的", "随访结束时的": when the value after "降至" was measured
POST_PHRASE_ZH = (r"(?:(?:治疗|治療|移植|输注|輸注|随访|隨訪|术|術|干预|干預|后|後|时|時|末|结束|結束|第|\s|"
                  r"\d+\s*(?:个月|個月|月|周|週|年|天))+的)")
PAIR_RE = rx(
    FROM + rf"\s*(?:{BASELINE})?\s*(?:时|時)?\s*(?:的|of|an?\s+average\s+of|a\s+mean\s+of|a\s+mean\s+)?\s*"
    r"(?:平均|均值|mean|average)?\s*(?:为|為|of)?\s*" + _V("a")
    + rf"(?:{_GAP}{{0,20}}?)\s*(?:{BASELINE})?\s*,?\s*" + TO + r"\s*(?:最低|约|約|about|approximately|a\s+mean\s+of)?"
    rf"\s*,?\s*(?:为|為)?\s*{POST_PHRASE_ZH}?\s*" + _V("b"), re.IGNORECASE)
ARROW_RE = rx(r"(?<!\d)" + _V("a") + r"\s*(?:→|->|=>|to)\s*" + _V("b"), re.IGNORECASE)
# a product code between two values ("by 0.9% with NV-210 and by 0.2% with placebo") is no number between them
_CODE_RE = rx(r"(?<![A-Za-z0-9])[A-Za-z]{1,6}-\d{1,5}(?![\d.])")
# a value compared with the one before it is of its kind: a change versus a change
_VERSUS_END_RE = rx(r"(?:versus|vs\.?|compared\s+with|against)\s*$", re.IGNORECASE)
_ARROW_AFTER_RE = rx(r"\s*(?:→|->|=>)\s*\d")
# "from baseline (8.1%) to 6 months (7.2%)": each value in brackets after its time point
PAREN_PAIR_RE = rx(
    FROM + rf"\s*(?:{BASELINE})?\s*[(（]\s*" + _V("a") + r"\s*[)）]\s*(?:,\s*)?" + TO
    + r"\s*[^()（）\d。;；]{0,25}?(?:\d+\s*[A-Za-z\u4e00-\u9fff]+\s*)?[(（]\s*" + _V("b") + r"\s*[)）]", re.IGNORECASE)
POINTS = r"(?:个百分点|個百分點|百分点|百分點|percentage[\s-]+points?|pp\b|-?points?\b)"
_POINTS_RE = rx(POINTS, re.IGNORECASE)
# a change word right before the term: "a reduction in HbA1c of 0.8%"
_CHANGE_BEFORE_TERM_RE = rx(rf"(?P<dir>{DOWN}|{UP}|{CHANGE_WORD})\s+(?:in|of)\s+(?:the\s+|mean\s+|average\s+)*$",
                                    re.IGNORECASE)
# a transitive change verb right before the term, the amount after "by": "lowered HbA1c by 0.86 points"
_VERB_BEFORE_TERM_RE = rx(rf"(?P<dir>{DOWN}|{UP})\s+(?:the\s+|mean\s+|average\s+|patients'\s+)*$", re.IGNORECASE)
_BY_RE = rx(r"\s*(?:by|of)\s+(?:an?\s+(?:mean|average)\s+of\s+|about\s+|approximately\s+)?$", re.IGNORECASE)
# "-12 vs -3 mmol/mol", "1.1 and 0.3 percentage points": a list whose last value carries the unit for all
_SHARED_UNIT_RE = rx(rf"\s*(?:vs\.?|versus|and|or|和|与|與|对|對)\s*[-−+]?\s*[(（]?\s*{ARABIC}"
                             rf"(?:\s*(?:±|\+/-)\s*{ARABIC})?\s*[)）]?\s*(?P<u>{PCT})", re.IGNORECASE)
CHANGE_RE = rx(
    rf"(?P<dir>{DOWN}|{UP}|{CHANGE_WORD})(?:\s*(?:了|幅度|幅|by|of|达|達|为|為|約|约|平均|约为|約為|on\s+average|"
    rf"averaged|an\s+average\s+of|a\s+mean\s+of|mean|significantly|from\s+baseline|是|:|=|达到|達到|was|were|"
    # a change stated as a range: "fell by between 0.5% and 1.2%", "下降幅度在0.5%与1.2%之间" (both ends are changes)
    rf"(?P<lead>between|介于|介於|在)|"
    rf"[\u4e00-\u9fff]{{1,6}}[组組]\s*[(（]|(?:in|among)\s+(?:the\s+)?['‘\"“]?[A-Za-z][\w-]*['’\"”]?(?:\s+(?:group|arm))?(?=\s+(?:was|were|of|by)\b)))*"
    rf"\s*(?P<sign>[-−+])?"
    + _V("a") + rf"(?:(?:\s*(?:-|–|—|~|～|至|到|to)\s*|(?(lead)\s*(?:and|与|與|和)\s*|(?!)))" + _V("b")
    + r"(?:\s*(?:之间|之間))?)?", re.IGNORECASE)
AFTER_RE = rx(TO + rf"(?:{_GAP}{{0,6}}?)\s*(?:为|為|of)?\s*{POST_PHRASE_ZH}?\s*" + _V("a"), re.IGNORECASE)
# (the digits of a product code, "CXM-12 versus 0.4%", are no value)
LONE_RE = rx(rf"(?P<pre>{COMPARE}\s*)?(?P<sign>(?<![\d.%)\w])[-−+]\s?)?(?<![A-Za-z]-)(?<![\d.])" + _V("a")
                     + r"(?P<approx>\s*左右)?", re.IGNORECASE)
RANGE_AFTER_RE = rx(r"\s*(?:-|–|~|～|至|到|to)\s*[-−]?\s*[(（]?\d", re.IGNORECASE)
# "between 7.5% and 11.0%", "介于7.5%~11%之间": a range, i.e. a criterion
_BETWEEN_RE = rx(r"(?:between|介于|介於|在)\s*$", re.IGNORECASE)
_TRAIL_BASE_RE = rx(TRAIL_BASE, re.IGNORECASE)
LABELLED_RE = rx(rf"(?<![A-Za-z\d])(?:(?P<lb>{LABEL_BASE})|(?P<lp>{LABEL_POST}))\s*[:=：]\s*" + _V("a"), re.IGNORECASE)
_LABEL_BASE_RE = rx(rf"{LABEL_BASE}$", re.IGNORECASE)
_MEAN_DIFF_RE = rx(MEAN_DIFF, re.IGNORECASE)
_SENT_POST_RE = rx(SENT_POST, re.IGNORECASE)
_SENT_BASE_RE = rx(SENT_BASE, re.IGNORECASE)
_OUTCOME_GROUP_RE = rx(OUTCOME_GROUP, re.IGNORECASE)
_RESPECTIVE_RE = rx(RESPECTIVE, re.IGNORECASE)
# the same, said after the values: "8.1 ± 1.2 and 7.0 ± 0.9% at baseline and 12 months, respectively"
_RESPECTIVE_AFTER_RE = rx(rf"(?:at\s+)?{RESPECTIVE}[^.;。；]{{0,20}}?,?\s*respectively", re.IGNORECASE)
_P_VALUE_RE = rx(P_VALUE, re.IGNORECASE)
_LIST_GAP_RE = rx(LIST_GAP, re.IGNORECASE)
_OTHER_THERAPY_RE = rx(OTHER_THERAPY, re.IGNORECASE)
_OTHER_THERAPY_VERB_RE = rx(OTHER_THERAPY_VERB, re.IGNORECASE)
_TRAIL_POST_RE = rx(TRAIL_POST, re.IGNORECASE)
_TRAIL_TIME_RE = rx(rf"\s*(?:\(\s*)?(?:at|after|following|by|over|post)\s+(?:the\s+)?(?:{TIME})", re.IGNORECASE)
# "6.9% six months later", "7.1% three months after the infusion": the time point, then "later"/"after"
_TRAIL_LATER_RE = rx(rf"\s*,?\s*(?:{TIME})\s+(?:later|afterwards|after\b|post\b)", re.IGNORECASE)
# a group named between a value and its cue: "61 mmol/mol in both groups at baseline", "7.2% with placebo at 12 months"
TRAIL_GROUP = (r"\s*,?\s*(?:in|with|for|among)\s+(?:the\s+|both\s+|all\s+|each\s+)?"
               r"(?:(?!(?:at|after|before|following|by|over|post|pre|later|versus|vs|and|or|compared|than)\b)"
               r"[A-Za-z][\w\-]*\s*){1,3}")
_TRAIL_GROUP_RE = rx(TRAIL_GROUP, re.IGNORECASE)
# "52 mmol/mol with cells versus 58 mmol/mol with placebo at 24 months": values compared side by side share
# the cue stated after the last of them
_VERSUS_RE = rx(rf"(?:{TRAIL_GROUP})?\s*,?\s*(?:versus|vs\.?|compared\s+(?:with|to))\s*(?=\d)", re.IGNORECASE)
# a list of values (two arms) followed by one time point: "8.1% and 8.0% at baseline and 7.0% and 7.6% at month 24"
# "X, compared with Y before the first transplant": a value set against the pre-treatment one is the later one
# (against "at baseline" it may be another arm's baseline: "8.5% in the MSC group compared with 8.4% at baseline")
_COMPARED_WITH_RE = rx(r"\s*,?\s*compared\s+(?:with|to)\s*(?=\d)", re.IGNORECASE)
_BEFORE_DOSE_RE = rx(r"\s*(?:\(\s*)?(?:before|prior\s+to)\s+", re.IGNORECASE)
_AND_VALUE_RE = rx(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?=\d)", re.IGNORECASE)
_NOT_LEVEL_RE = rx(NOT_A_LEVEL_AFTER, re.IGNORECASE)
_CRITERION_RE = rx(CRITERION_BEFORE, re.IGNORECASE)
_RELATIVE_RE = rx(RELATIVE, re.IGNORECASE)
_HEADER_UNIT_RE = rx(HEADER_UNIT, re.IGNORECASE)
_SPAN_BEFORE_RE = rx(SPAN_BEFORE, re.IGNORECASE)
_PARALLEL_GROUP_RE = rx(PARALLEL_GROUP, re.IGNORECASE)
_BARE_TO_RE = rx(r"(?:至|到|to\b)", re.IGNORECASE)
# a second amount of the change stated before it: "and by 0.1%", "，对照组降低了"
_FROM_GAP_RE = rx(FROM + r"\s*$", re.IGNORECASE)
_CHANGE_AMOUNT_GAP_RE = rx(r"\bby\s*$", re.IGNORECASE)
_VALUE_BEFORE_RE = rx(r"\d\s*(?:%|％)?\s*$")
_SPAN_AFTER_RE = rx(SPAN_AFTER)
# an entry condition: "HbA1c had to exceed 8.0% at entry", "HbA1c须高于7.5%"
MUST_BE = (r"(?:(?:had|has|have|needed|needs?|was\s+required|were\s+required)\s+to\s+(?:be\s+)?|must\s+(?:be\s+)?|"
           r"should\s+(?:be\s+)?|需要|必须|必須|需|须|須|应|應)")
_THRESHOLD_RE = rx(rf"\s*(?:水平|level|levels|values?)?\s*(?:{COMPARE}|{MUST_BE}\s*(?:{COMPARE}|exceed\w*))\s*\d",
                           re.IGNORECASE)
_CI_RE = rx(r"\bCI\b|置信|可信|confidence|interval|p\s*[<=>]", re.IGNORECASE)
_OTHER_RE = rx(OTHER_MEASURE, re.IGNORECASE)
_IN_GROUP_NAME_RE = rx(IN_GROUP_NAME, re.IGNORECASE)
_END_RE = rx(CLAUSE_END)
_TERM_RE = rx(TERM, re.IGNORECASE)
_PAREN_RE = rx(r"\s*[(（][^()（）%％]{0,30}[)）]")
_TIME_RE = rx(TIME, re.IGNORECASE)
_GROUP_RE = rx(GROUP, re.IGNORECASE)
_BASE_RE = rx(BASELINE, re.IGNORECASE)
_POST_RE = rx(POST, re.IGNORECASE)
_PROP_RE = rx(PROPORTION, re.IGNORECASE)
_UP_RE = rx(UP, re.IGNORECASE)
_CHANGE_WORD_RE = rx(CHANGE_WORD, re.IGNORECASE)
# "每下降1个百分点", "for every 1% reduction": a rate in a general statement, not a change anyone measured
# ("每组"/"每例" name groups and patients, not a rate)
_PER_UNIT_RE = rx(PER_UNIT, re.IGNORECASE)
# "My A1c went from 9.2 to 6.4": a testimonial in the first person
_FIRST_PERSON_RE = rx(FIRST_PERSON, re.IGNORECASE)
WINDOW = 260


def to_percent(v: float, unit: Optional[str]) -> float:
    """An HbA1c value in % (NGSP); mmol/mol (IFCC) converted. A "mmol/mol" value in the range of %
    values ("8.6 mmol/mol" would be 2.9 %) is a % value with the wrong unit: kept as stated."""
    if unit and unit.lower() == "mmol/mol" and v > MISLABELLED_MMOL_MAX:
        return round(IFCC_SLOPE * v + IFCC_INTERCEPT, 2)
    return v


def _unit(m: re.Match[str], g: str) -> Optional[str]:
    u = m.group(g + "u")
    if not u:
        return None
    return _unit_name(u)


def _unit_name(u: str) -> str:
    return "mmol/mol" if re.sub(r"\s+", "", u).lower() == "mmol/mol" else "%"


def _days(m: re.Match[str]) -> Optional[float]:
    """The days of the time point a ``TIME`` match names."""
    return timepoint_days(m.group("time"))


# a table row flattened with its cells glued together: "HbA1c6.8 ± 0.186.4 ± 0.166.7 ± 0.156.6 ± 0.240.75" (each SD
# runs into the next group's mean, the last into the P value); a mean is told from the SD before it by its scale
_GLUED_ROW = rx(r"[ \t]*(?:[(（]\s*%\s*[)）])?[ \t]*(?P<cells>\d{1,2}\.\d{1,2}(?:[ \t]*±[ \t]*\d+\.\d+(?:\.\d+)?){2,})"
                        r"[ \t]*$", re.M)
# the caption or header above such a row that says its values are the groups' baselines
_BASELINE_TABLE = rx(r"baseline|基线|治疗前|入组时|before\s+treatment|characteristics\s+of\s+(?:the\s+)?(?:patients|participants)",
                             re.I)
GLUED_TABLE_REACH = 12   # lines above a row searched for its table's caption


def _glued_row(view: str, pos: int, span: Span) -> list[tuple[float, int, int]]:
    """The group means of a glued mean ± SD row right after an HbA1c term at ``pos`` (value, start, end), when the
    table above is one of baselines; [] otherwise. Each glued "SD+mean" is split where the mean is an HbA1c."""
    g = _GLUED_ROW.match(view, pos, span.end)
    if not g or view[pos - 1:pos].isspace():
        return []
    cells = g.group("cells")
    parts = cells.split("±")
    values = [float(parts[0])]
    for part in (p.strip() for p in parts[1:-1]):
        means = [float(part[i:]) for i in range(3, len(part) - 2)
                 if re.fullmatch(r"\d+\.\d+", part[:i]) and re.fullmatch(r"\d{1,2}\.\d{1,2}", part[i:])
                 and UNITLESS_PCT_RANGE[0] <= float(part[i:]) <= UNITLESS_PCT_RANGE[1]]
        if len(means) != 1:
            return []   # no single way to split the SD from the next group's mean
        values.append(means[0])
    if not all(UNITLESS_PCT_RANGE[0] <= v <= UNITLESS_PCT_RANGE[1] for v in values):
        return []
    line_start = view.rfind("\n", 0, pos) + 1
    above = view[max(span.start, _nth_line_above(view, line_start, GLUED_TABLE_REACH)):line_start]
    if not _BASELINE_TABLE.search(above):
        return []
    return [(v, g.start("cells"), g.end("cells")) for v in values]


# an OCR'd journal table of groups by time points, its cells glued (the caption names HbA1c; the header the times;
# each row a group, its size, then mean±SD per time): "表1 两组患者治疗前后HbA1c比较(%,x±s)" /
# "组别例数治疗前治疗后6个月治疗后12个月" / "治疗组428.9±1.28.0±1.07.6±0.9a" (a footnote letter may follow a cell)
_CAPTION = rx(r"[ \t]*(?:表|Table)\s*\d{1,2}", re.I)
_TIME_COLUMN = rx(r"治疗前|治療前|基线|基線|入组时|入組時|术前|術前|移植前|输注前|輸注前|"
                  r"(?:治疗|治療|移植|输注|輸注|术|術)?(?:后|後)?\s*第?\s*\d{1,3}\s*(?:个月|個月|月|周|週|天|年)(?:时|時|后|後)?")
_GROUP_ROW = rx(r"[ \t]*(?P<label>[\u4e00-\u9fff]{1,8}?(?:组|組))(?P<rest>[\d.±\s a-d*]+?)[ \t]*$", re.M)
GLUED_TIME_ROWS = 6
# the readings of a table's cells (one value each)
TABLE_READINGS = frozenset({"hba1c_row_table", "hba1c_glued_row"})


def _glued_time_table(view: str, term_start: int, span: Span) -> list[tuple[float, str, Optional[float], int, int, int]]:
    """The readings of a glued groups × time points table whose caption holds the term: (value, role, days, column,
    start, end); [] when the caption, the header's time columns or a row's split into cells is missing or unsure."""
    line_start = view.rfind("\n", 0, term_start) + 1
    if not _CAPTION.match(view, line_start, term_start):
        return []
    head_start = view.find("\n", term_start)
    if head_start < 0:
        return []
    head_end = view.find("\n", head_start + 1)
    head_end = span.end if head_end < 0 else head_end
    columns: list[tuple[str, Optional[float]]] = []
    for c in _TIME_COLUMN.finditer(view, head_start + 1, head_end):
        if _BASE_RE.fullmatch(c.group()) or re.fullmatch(r"(?:治疗|治療)前|入[组組]时|入[组組]時|[术術]前|(?:移植|输注|輸注)前", c.group()):
            columns.append(("before", None))
        else:
            days = timepoint_days(re.sub(r"^\D*", "", c.group()))
            columns.append(("after", days))
    if len(columns) < 2:
        return []
    out: list[tuple[float, str, Optional[float], int, int, int]] = []
    pos = head_end + 1
    for _ in range(GLUED_TIME_ROWS):
        if pos >= span.end:
            break
        row = _GROUP_ROW.match(view, pos, span.end)
        if row is None:
            break
        rest = row.group("rest").replace(" ", "")
        cells = _split_glued(rest, len(columns))
        if cells is None:
            return []
        for col, v in enumerate(cells):
            role, days = columns[col]
            out.append((v, role, days, col, row.start("rest"), row.end("rest")))
        pos = row.end() + 1
    return out


def _split_glued(rest: str, k: int) -> Optional[list[float]]:
    """The k means of "<n><mean>±<sd>[a]…" glued together, when exactly one split puts every mean on the % scale."""
    found: list[list[float]] = []
    for n_len in range(0, 4):
        for d in (1, 2):
            cell = rf"(\d{{1,2}}\.\d{{{d}}})±\d{{1,2}}\.\d{{{d}}}[a-d*]?"
            m = re.fullmatch(rf"\d{{{n_len}}}" + cell * k, rest)
            if m is None or (n_len and rest[0] == "0"):
                continue
            means = [float(x) for x in m.groups()]
            if all(UNITLESS_PCT_RANGE[0] <= v <= UNITLESS_PCT_RANGE[1] for v in means) and means not in found:
                found.append(means)
    return found[0] if len(found) == 1 else None


# a plain-text table whose rows name the time point, under an HbA1c header line alone on its line, one column per
# group (the normaliser keeps one space between cells): "HbA1c, %\nBaseline 8.9 ± 1.2 8.8 ± 1.1\nYear 1 7.4 ± 0.9 7.8 ..."
# (cells are decimals, so the number of a row label, "Year 1", is no cell)
_ROW_HEADER_REST = rx(r"[ \t]*(?:,[ \t]*%|[(（][ \t]*%[ \t]*[)）]|%)?[ \t]*\n")
_ROW_CELL = r"[-+−]?\d{1,2}\.\d{1,2}(?:[ \t]*±[ \t]*\d+(?:\.\d+)?)?"
_ROW_LINE = rx(rf"[ \t]*(?P<label>[^\n]*?)[ \t]+(?P<cells>(?:{_ROW_CELL}[ \t]+)+{_ROW_CELL})[ \t]*(?=\n|$)")
_ROW_CELL_RE = rx(rf"(?P<sign>[-+−])?(?P<v>\d{{1,2}}\.\d{{1,2}})(?:[ \t]*±[ \t]*\d+(?:\.\d+)?)?")
_CHANGE_ROW = rx(r"change|difference|变化|變化|差值|下降|降幅", re.IGNORECASE)
TABLE_ROWS_MAX = 12
TABLE_ROW_CHARS = 300


# ---- a table of studies or cohorts flattened to single-spaced lines: a header line naming HbA1c columns ("Arm n
# HbA1c at entry (%) HbA1c Week 24 (%) Off insulin", "Author Site Design Duration HbA1c final") above rows that carry
# no term ("Arm B 7 9.2 7.1 2/7", "Moreau 2017 Lyon RCT 9 mo 6.8 vs 7.5"): the row's HbA1c-scale decimals are the columns' values, in order, when they are as many as the HbA1c
# columns, or the groups of a single HbA1c column when joined by "vs" ----
_FLAT_VALUE = rx(r"(?<![\d.×^/])(?P<v>\d{1,2}\.\d{1,2})(?![\d.]|\s*(?:[×x*]\s*10|million|billion|mg|kg|mmol|/|%\s*(?:of|CI)))",
                 re.IGNORECASE)
_FLAT_VERSUS = rx(r"\s*(?:vs\.?|versus|对|對|比)\s*", re.IGNORECASE)
# what a header column after an HbA1c term says of its values
_FLAT_AFTER = rx(r"outcome|final|\bend\b|post|after|achieved|follow-?up|治疗后|治療後|随访|隨訪|终点|終點", re.IGNORECASE)
FLAT_LEVEL_RANGE = (4.0, 15.0)


def _flat_columns(header: str) -> list[tuple[str, Optional[float]]]:
    """(role, days) of each HbA1c column a flattened header names, in order; [] when one of them says no role."""
    terms = list(_TERM_RE.finditer(header))
    cols: list[tuple[str, Optional[float]]] = []
    for i, t in enumerate(terms):
        name = header[t.end():terms[i + 1].start() if i + 1 < len(terms) else len(header)]
        time = _TIME_RE.search(name)
        if _CHANGE_ROW.search(name):
            cols.append(("change", None))
        elif _BASE_RE.search(name):
            cols.append(("before", None))
        elif time or _FLAT_AFTER.search(name):
            cols.append(("after", _days(time) if time else None))
        else:
            return []
    return cols


def _flat_rows(view: str, span: Span) -> list[tuple[float, str, Optional[float], int, int]]:
    """The readings of flattened table rows in the span under a header line of HbA1c columns: (value, role, days,
    start, end)."""
    out: list[tuple[float, str, Optional[float], int, int]] = []
    pos = span.start
    while pos < span.end:
        eol = view.find("\n", pos, span.end)
        eol = span.end if eol < 0 else eol
        line_start, pos = pos, eol + 1
        if eol - line_start > TABLE_ROW_CHARS or _TERM_RE.search(view, line_start, eol):
            continue
        values = [m for m in _FLAT_VALUE.finditer(view, line_start, eol)
                  if FLAT_LEVEL_RANGE[0] <= float(m.group("v")) <= FLAT_LEVEL_RANGE[1]]
        if not values:
            continue
        header = flat_table_header(view, line_start, _TERM_RE)
        cols = _flat_columns(header) if header else []
        if not cols or "change" in (c[0] for c in cols):
            continue
        if len(values) == len(cols):
            pairs = list(zip(values, cols))
        elif len(cols) == 1 and len(values) == 2 and _FLAT_VERSUS.fullmatch(view[values[0].end():values[1].start()]):
            pairs = [(v, cols[0]) for v in values]   # "7.3 vs 7.9": the single column's value in each group
        else:
            continue
        out.extend((float(v.group("v")), role, days, v.start(), v.end()) for v, (role, days) in pairs)
    return out


# the first row on the header's line: "HbA1c, % Baseline 9.8 ± 1.6 9.6 ± 1.9 0.77" (a PDF table flattened)
_ROW_HEADER_INLINE = rx(r"[ \t]*(?:,[ \t]*%|[(（][ \t]*%[ \t]*[)）]|%)[ \t]+(?=[A-Za-z\u4e00-\u9fff])")
# a row label longer than its time point names another measure: "Stimulated C-peptide AUC, nmol/L Baseline"
ROW_LABEL_REST_MAX = 6


def _row_table(view: str, term_start: int, term_end: int, span: Span) -> list[tuple[float, str, Optional[float], int, int, int]]:
    """The readings of a row-labelled table under the term's header line: (value, role, days, column, start, end)."""
    rest = _ROW_HEADER_REST.match(view, term_end, span.end) or _ROW_HEADER_INLINE.match(view, term_end, span.end)
    line_start = view.rfind("\n", 0, term_start) + 1
    if rest is None or view[line_start:term_start].strip():
        return []
    out: list[tuple[float, str, Optional[float], int, int, int]] = []
    pos = rest.end()
    for _ in range(TABLE_ROWS_MAX):
        eol = view.find("\n", pos, span.end)
        if (eol if eol >= 0 else span.end) - pos > TABLE_ROW_CHARS:
            break   # a long line is running text, and read at most once (the label's end is searched per position)
        row = _ROW_LINE.match(view, pos, span.end)
        if row is None:
            break
        label = row.group("label")
        if not _CHANGE_ROW.search(label) and len(_TIME_RE.sub("", _BASE_RE.sub("", label)).strip()) > ROW_LABEL_REST_MAX:
            break   # the next measure's row ("Stimulated C-peptide AUC, nmol/L Baseline 0.62 …"): the table goes on without us
        time = _TIME_RE.search(label)
        role = "change" if _CHANGE_ROW.search(label) else "before" if _BASE_RE.search(label) else "after" if time else None
        if role is not None:
            cells = list(_ROW_CELL_RE.finditer(view, row.start("cells"), row.end("cells")))
            if any("±" in c.group(0) for c in cells):
                cells = [c for c in cells if "±" in c.group(0)]   # a bare last cell beside "mean ± SD" ones is the P value
            for col, cm in enumerate(cells):
                v = float(cm.group("v")) * (-1 if cm.group("sign") in ("-", "−") else 1)
                out.append((v, role, _days(time) if time and role != "before" else None, col, cm.start(), cm.end()))
        pos = row.end() + 1
    return out


# a table whose columns are the time points, flattened (full-width spaces become one space): a header line naming
# them ("項目 治療前 治療後12個月", "Measure Baseline Month 12") above the HbA1c row ("糖化血色素HbA1c(%) 9.1 7.8")
_COL_ROW = rx(rf"(?:(?!\d\.\d)[^\n]){{0,24}}?[ \t]+(?P<cells>(?:{_ROW_CELL}[ \t]+){{1,3}}{_ROW_CELL})[ \t]*(?=\n|$)")
_COL_LABEL = rx(rf"(?P<base>{BASELINE})|{TIME}", re.IGNORECASE)
COL_HEADER_REACH = 3   # lines above the row the header may stand


def _column_time_table(view: str, term_start: int, span: Span) -> list[tuple[float, str, Optional[float], int, int, int]]:
    """The readings of the term's row under a header of time points, one per column: (value, role, days, column, start, end)."""
    line_start = view.rfind("\n", 0, term_start) + 1
    if re.search(r"\d", view[line_start:term_start]) or term_start - line_start > 16:
        return []
    row = _COL_ROW.match(view, term_start, span.end)
    if row is None:
        return []
    cells = list(_ROW_CELL_RE.finditer(view, row.start("cells"), row.end("cells")))
    end = line_start - 1
    for _ in range(COL_HEADER_REACH):
        if end <= span.start:
            return []
        start = view.rfind("\n", span.start, end) + 1
        header = view[start:end]
        end = start - 1
        if not header.strip() or re.search(r"\d\.\d", header):
            continue   # another row of the table (its cells are decimals)
        labels = list(_COL_LABEL.finditer(header))
        if len(labels) != len(cells) or not labels[0].group("base") or not all(lb.group("time") for lb in labels[1:]):
            return []
        return [(float(c.group("v")), "before" if i == 0 else "after", None if i == 0 else _days(lb), i, c.start(), c.end())
                for i, (c, lb) in enumerate(zip(cells, labels))]
    return []


# a registry results page's outcome measure, flattened: the HbA1c term in the measure's title line, its unit and the
# data row a few lines below ("2. Secondary Outcome | HbA1c at Month 12 / Unit of Measure: percentage of hemoglobin /
# Number of Participants Analyzed | 3 | 8 /  | 7.7 (0.5) | 6.6 (0.4)"): one value per arm, dated by the title
_OUTCOME_TITLE = rx(r"[ \t]*(?:\d{1,2}\.[ \t]*)?(?:(?:Primary|Secondary|Other(?:[ \t]+Pre-?specified)?)[ \t]+Outcome(?:[ \t]+Measures?)?|"
                    r"Outcome[ \t]+Measure[ \t]+Title|Title)[ \t]*[|:：]", re.I)
_OUTCOME_UNIT = rx(r"Unit[ \t]+of[ \t]+Measure[ \t]*[|:：][ \t]*(?P<u>[^\n|]{1,60})", re.I)
_OUTCOME_CELL = r"[ \t]*[-+−]?\d{1,2}(?:\.\d{1,2})?(?:[ \t]*(?:\([ \t]*[\d.]+[ \t]*\)|±[ \t]*[\d.]+))?[ \t]*"
# a data row: an empty or wordy label cell ("Mean (Standard Deviation)"), then value cells only
_OUTCOME_ROW = rx(rf"(?P<label>[^\n|\d]{{0,60}})(?P<cells>(?:\|{_OUTCOME_CELL})+)(?=\n|$)")
_OUTCOME_CELL_RE = rx(r"(?P<sign>[-+−])?(?P<v>\d{1,2}(?:\.\d{1,2})?)")
# the same row laid out in columns of spaces (one space once normalised), its unit closing the label: "Mean (Standard
# Deviation), %   -1.2 (0.8)   -0.4 (0.5)"
_OUTCOME_ROW_WS = rx(rf"(?P<label>[^\n|\d]{{0,60}}?(?:,|\()[ \t]*(?P<u>%|percent(?:age)?|mmol/mol)[ \t]*\)?)"
                     rf"(?P<cells>(?:[ \t]+{_OUTCOME_CELL}){{1,4}})(?=\n|$)", re.I)
# a space before a cell's first number, not inside a cell ("8.8 ± 0.9", "-0.9 (0.7)")
_WS_CELL_START = rx(r"(?<![±(])[ \t]+(?=[-+−]?\d)")
_OUTCOME_END = rx(r"[ \t]*(?:\d{1,2}\.[ \t]*)?(?:(?:Primary|Secondary|Other)[ \t]+Outcome|Adverse[ \t]+Events|Baseline[ \t]+Characteristics)", re.I)
_BAR = rx(r"\|")
OUTCOME_LINES_MAX = 8


def _registry_outcome(view: str, term_start: int, span: Span) -> list[tuple[float, str, Optional[float], int, int, int]]:
    """The arms' values of a registry outcome measure whose title holds the term: (value, role, days, column, start, end)."""
    line_start = view.rfind("\n", 0, term_start) + 1
    title = _OUTCOME_TITLE.match(view, line_start, term_start)
    if title is None:
        return []
    eol = view.find("\n", term_start)
    if eol < 0:
        return []
    text = view[title.end():eol]
    if _CHANGE_ROW.search(text):
        role, days = "change", None
    else:
        time = _TIME_RE.search(text)
        role, days = ("after", _days(time)) if time else (None, None)
        if role is None or _BASE_RE.search(text):
            return []   # a title naming no time point, or the baseline too: the row cannot be dated
    unit: Optional[str] = None
    pos = eol + 1
    for _ in range(OUTCOME_LINES_MAX):
        end = view.find("\n", pos, span.end)
        end = span.end if end < 0 else end
        if pos >= span.end or _OUTCOME_END.match(view, pos, end):
            break
        u = _OUTCOME_UNIT.search(view, pos, end)
        if u:
            unit = "mmol/mol" if re.search(r"mmol\s*/\s*mol", u.group("u"), re.I) else "%" if re.search(
                r"%|percent", u.group("u"), re.I) else None
            if unit is None:
                return []   # another unit: not an HbA1c level
        row = _OUTCOME_ROW.match(view, pos, end)
        row_unit = unit
        spaced = False
        if row is None and (row := _OUTCOME_ROW_WS.match(view, pos, end)) is not None:
            spaced = True
            row_unit = unit or ("mmol/mol" if "mol" in row.group("u").lower() else "%")
        if row and row_unit and not re.search(r"number|count|participants|analy[sz]ed", row.group("label"), re.I):
            unit = row_unit
            out = []
            cells = row.group("cells")
            # (cells split by bars, or by the spaces before each cell: "| 7.7 (0.5) | 6.6 (0.4)", " -1.2 (0.8) -0.4 (0.5)")
            bars = [b.start() for b in (_WS_CELL_START if spaced else _BAR).finditer(cells)] + [len(cells)]
            for col, (a, b) in enumerate(zip(bars, bars[1:])):
                # (the cell between two bars: "| 7.7 (0.5) |"; its first number is the mean)
                c = _OUTCOME_CELL_RE.search(view, row.start("cells") + a + 1, row.start("cells") + b)
                if c is None:
                    continue
                v = float(c.group("v")) * (-1 if c.group("sign") in ("-", "−") else 1)
                if role == "change":
                    v = round(IFCC_SLOPE * v, 2) if unit == "mmol/mol" else v
                    if not abs(v) <= CHANGE_MAX:
                        continue
                else:
                    v = to_percent(v, unit)
                    if not VALUE_RANGE[0] <= v <= VALUE_RANGE[1]:
                        continue
                out.append((v, role, days, col, c.start(), c.end()))
            return out
        pos = end + 1
    return []


def _nth_line_above(view: str, line_start: int, n: int) -> int:
    i = line_start
    for _ in range(n):
        if i <= 0:
            return 0
        i = view.rfind("\n", 0, i - 1) + 1
    return i


# a story told by the treated patient ("我…接受干细胞治疗…我的糖化血红蛋白稳定在6.5左右") is a case report in the first
# person; a reader's aside or a quoted testimonial on a page about something else is not ("My A1c went from 9.2 to 6.4")
_NARRATOR_ZH = rx(r"我(?![们們国國院科司])")
_NARRATOR_EN = rx(r"\b(?:I|my|me)\b")
# the narrator's own treatment: "我接受了干细胞治疗", "I received stem cell infusions", or its timeline ("治疗后第一个月",
# "after my infusion"); a reader who only discusses a trial ("I've read the slides") tells none
_NARRATOR_TREATED = rx(r"(?:我|\bI\b)[^。.!?\n]{0,12}?(?:接受|做了|打了|输了|received|underwent|got|had)[^。.!?\n]{0,20}?"
                               r"(?:治疗|输注|移植|干细胞|infusion|treatment|transplant|stem\s+cell)|(?:治疗|输注|移植|术)后第?[一二三四五六1-9]"
                               r"|\bafter\s+my\s+(?:\w+\s+){0,2}(?:treatment|infusion|transplant)", re.I)
NARRATOR_MIN = 4   # first-person words that make a span one person's story


def _treated_narrator(view: str, span: Span) -> bool:
    """The span is one person's story of a treatment, told in the first person."""
    text = view[span.start:span.end]
    first = len(_NARRATOR_ZH.findall(text)) + len(_NARRATOR_EN.findall(text))
    return first >= NARRATOR_MIN and _NARRATOR_TREATED.search(text) is not None


def _in_quotes(view: str, pos: int) -> bool:
    """``pos`` stands inside quotation marks opened on its line."""
    line = view[view.rfind("\n", 0, pos) + 1:pos]
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”") or line.count("「") > line.count("」")


# a pipe-table header cell naming a baseline or a time point
_CELL_SPLIT = "|"
_VALUE_CELL_RE = rx(rf"^\s*[-−+]?\s*{ARABIC}\s*(?:±|\+/-|\(|\[|%|$)")


def _table_columns(view: str, pos: int, span: Span) -> Optional[tuple[int, list[str]]]:
    """For a term in a flattened pipe-table row: (start of the row, the header cells), or None.

    The header is the nearest line above with as many cells whose cells hold no values, and it must
    name a baseline or a time point in some column ("Outcome | Group | Baseline | 6 months | 12 months").
    """
    row_start = view.rfind("\n", 0, pos) + 1
    row_end = view.find("\n", pos)
    row_end = len(view) if row_end < 0 else row_end
    n_cells = view.count(_CELL_SPLIT, row_start, row_end)
    if n_cells < 2:
        return None
    line_end = row_start - 1
    for _ in range(12):   # a table is read a few rows up at most
        if line_end <= 0:
            return None
        line_start = view.rfind("\n", 0, line_end) + 1
        line = view[line_start:line_end]
        line_end = line_start - 1
        if line.count(_CELL_SPLIT) != n_cells:
            if line.strip():
                return None   # left the table
            continue
        cells = line.split(_CELL_SPLIT)
        if any(_VALUE_CELL_RE.match(c) for c in cells[1:]):
            continue          # another data row
        if any(_BASE_RE.search(c) or _TIME_RE.search(c) for c in cells):
            return row_start, cells
        return None
    return None


def _column_cue(view: str, columns: Optional[tuple[int, list[str]]], pos: int) -> tuple[Optional[str], Optional[float]]:
    """The role ("before" | "after") and time (days) the column header gives the value at ``pos``."""
    if columns is None:
        return None, None
    row_start, cells = columns
    col = view.count(_CELL_SPLIT, row_start, pos)
    if col >= len(cells):
        return None, None
    cell = cells[col]
    if _BASE_RE.search(cell):
        return "before", None
    t = _TIME_RE.search(cell)
    if t:
        return "after", _days(t)
    return None, None


class HbA1cExtractor(FieldExtractor):
    """HbA1c values read in the clause after each HbA1c term."""

    name = "hba1c"
    field = "hba1c"
    patterns = PATTERNS
    context = CONTEXT

    def find(self, span: Span) -> list[Hit]:
        """Each term once: a term inside the clause already read ("糖化血红蛋白(HbA1c)") is skipped."""
        hits: list[Hit] = []
        read_until = span.start
        for pat in self.patterns:
            for m in span.finditer(pat.compiled):
                if pat.name == "hba1c_term" and m.start() < read_until:
                    continue
                for hit in self.parse(m, pat, span):
                    checked = self.validate(hit, span)
                    if checked is not None:
                        hits.append(checked)
                    if pat.name == "hba1c_term":
                        read_until = max(read_until, hit.end)
                if pat.name == "hba1c_term":
                    for hit in self._next_sentence_pair(m, span):
                        checked = self.validate(hit, span)
                        if checked is not None:
                            hits.append(checked)
        view = span.doc.view
        for v, role, days, a, b in _flat_rows(view, span):
            value = {"before": None, "after": None, "change": None, "unit": "%", "original_unit": "%",
                     "timepoint_days": days if role != "before" else None, "group": None}
            value[role] = v
            hits.append(self.hit(value, a, b, "hba1c_flat_row", score=0.7))
        return hits

    def _next_sentence_pair(self, m: re.Match[str], span: Span) -> Iterable[Hit]:
        """The pair told in the sentence after the term's, with the term left out ("…主要观察糖化血红蛋白。高剂量组由8.1%
        降到7.0%", "The main outcome was HbA1c. It fell from 8.1% to 7.0%"): read when that sentence, in the same
        paragraph, names no measure of its own (no term, no other measure, no share of patients) and its values are
        decimals on the % scale."""
        view = span.doc.view
        first = _END_RE.search(view, m.end(), min(span.end, m.end() + WINDOW))
        if first is None or view[first.start()] == "\n":
            return
        nxt = _END_RE.search(view, first.end(), min(span.end, first.end() + WINDOW))
        lo, hi = first.end(), nxt.start() if nxt else min(span.end, first.end() + WINDOW)
        if _TERM_RE.search(view, lo, hi) or _OTHER_RE.search(view, lo, hi) or _PROP_RE.search(view, lo, hi):
            return
        for rx in (PAIR_RE, ARROW_RE):
            found = False
            for pm in rx.finditer(view, lo, hi):
                a, b = parse_number(pm.group("a")), parse_number(pm.group("b"))
                if a is None or b is None or "." not in pm.group("a") + pm.group("b"):
                    continue
                if (_unit(pm, "a") or _unit(pm, "b")) != "%" or not all(NEXT_PAIR_RANGE[0] <= x <= NEXT_PAIR_RANGE[1]
                                                                       for x in (a, b)):
                    continue
                days, group = self._context(view, pm.start(), pm.start("b"), span)
                found = True
                yield self.hit({"before": a, "after": b, "change": None, "unit": "%", "original_unit": "%",
                                "timepoint_days": days, "group": group}, pm.start(), pm.end(), "hba1c_next_sentence",
                               score=0.6)
            if found:
                break   # "由8.1%降到7.0%" is read once, not again as an arrow

    def _clause_end(self, view: str, start: int, limit: int) -> int:
        end = min(limit, start + WINDOW)
        e = _END_RE.search(view, start, end)
        if e:
            end = e.start()
        for o in _OTHER_RE.finditer(view, start, end):
            if _IN_GROUP_NAME_RE.match(view, o.end()):
                continue   # "单用胰岛素的对照组", "the insulin-only group": a group's name, not another measure
            end = o.start()
            break
        return end

    def _context(self, view: str, term_start: int, value_start: int, span: Span) -> tuple[Optional[float], Optional[str]]:
        """Time point and group stated before the value (in its sentence)."""
        lo = max(span.start, term_start - 30)
        seg = view[lo:value_start]
        cut = max(seg.rfind("。"), seg.rfind("\n"), seg.rfind(". "))
        seg_start = lo + cut + 1 if cut >= 0 else lo
        days = None
        for t in _TIME_RE.finditer(view, seg_start, value_start):
            tail = view[t.end():t.end() + 3]
            head = view[max(seg_start, t.start() - 6):t.start()].lower()
            if t.group(0).startswith("第") or \
                    re.match(r"\s*(?:时|時|后|後|随访|隨訪|later|post|of\s+follow)", tail, re.I) or \
                    re.search(r"(?:at|after|to|by|第|in|后|後|治疗|治療|随访|隨訪)\s*(?:week|month)?\s*$", head):
                days = _days(t)
        group = None
        for g in _GROUP_RE.finditer(view, seg_start, value_start):
            label = g.group("grp") or g.group("egrp")
            label = re.sub(r"^.*(?:的|和|与|與|及|、|其中|之中|在|为|為|将|將|了|是|于|於|较|較|比)", "", label) \
                if g.group("grp") else label
            group = span.doc.text[g.end() - len(label) if g.group("grp") else g.start("egrp"):
                                  g.end() if g.group("grp") else g.end("egrp")] or None
        return days, group

    def _is_criterion(self, view: str, term_start: int, start: int, span: Span) -> bool:
        """A threshold right after the term ("HbA1c ≥7.5%", "HbA1c<7%的患者比例") or a share/criterion
        word before it in its clause: the clause states no HbA1c level."""
        if _THRESHOLD_RE.match(view, start):
            return True
        lo = max(span.start, term_start - 40)
        before = view[lo:term_start]
        cut = max(before.rfind(c) for c in "。,，;；:\n")
        before = before[cut + 1:] if cut >= 0 else before
        return _CRITERION_RE.search(before) is not None

    @staticmethod
    def _trailing(view: str, pos: int, end: int) -> tuple[Optional[str], int, Optional[float]]:
        """A cue right after a value, or after a group named right after it ("in both groups at baseline"):
        ("before" | "after" | None, where the cue ends, its time in days)."""
        g = _TRAIL_GROUP_RE.match(view, pos, end)
        for p in (pos, g.end()) if g else (pos,):
            for rx in (_TRAIL_TIME_RE, _TRAIL_LATER_RE):
                t = rx.match(view, p, end)
                if t:
                    return "after", t.end(), _days(t)
            b = _TRAIL_BASE_RE.match(view, p, end)
            if b:
                return "before", b.end(), None
            a = _TRAIL_POST_RE.match(view, p, end)
            if a:
                return "after", a.end(), None
        o = _OUTCOME_GROUP_RE.match(view, pos, end)
        if o:
            return "after", o.end(), None   # "6.3% [6.0-6.8] among insulin-free recipients"
        return None, pos, None

    def _shared_trailing(self, view: str, pos: int, end: int) -> tuple[Optional[str], Optional[float]]:
        """The cue of the last of values compared with "versus" ("7.0% with cells versus 7.8% with placebo at
        12 months") or listed ("8.1% and 8.0% at baseline"): (role, time in days) or (None, None)."""
        for _ in range(3):
            vs = _VERSUS_RE.match(view, pos, end) or _AND_VALUE_RE.match(view, pos, end)
            nxt = LONE_RE.match(view, vs.end(), end) if vs else None
            if nxt is None:
                return None, None
            role, _, days = self._trailing(view, nxt.end(), end)
            if role == "before" and _COMPARED_WITH_RE.match(view, pos, end) and _BEFORE_DOSE_RE.match(view, nxt.end(), end):
                return "after", None   # "5.9%, compared with 8.3% before the first transplant": the later value
            if role:
                return role, days
            pos = nxt.end()
        return None, None

    @staticmethod
    def _sentence_role(view: str, term_start: int, span: Span) -> Optional[str]:
        """The role a cue earlier in the term's sentence gives a value with no cue of its own: "after" for a
        time after treatment ("Four years on", "Twelve-month results:", "Today"), "before" for a baseline; None
        when the sentence names neither, or both."""
        lo = max(span.start, term_start - 300)
        seg = view[lo:term_start]
        cut = max(seg.rfind("。"), seg.rfind("\n"), seg.rfind(". "), seg.rfind("!"), seg.rfind("?"))
        seg_start = lo + cut + 1
        post = _SENT_POST_RE.search(view, seg_start, term_start) is not None
        base = _SENT_BASE_RE.search(view, seg_start, term_start) is not None
        if post == base:
            return None
        return "after" if post else "before"

    @staticmethod
    def _respective(view: str, term_start: int, value_start: int, span: Span) -> bool:
        """A baseline and a later time point named together before the first value of the sentence."""
        lo = max(span.start, term_start - 200)
        seg = view[lo:term_start]
        cut = max(seg.rfind("。"), seg.rfind("\n"), seg.rfind(". "))
        return _RESPECTIVE_RE.search(view, lo + cut + 1, value_start) is not None

    @staticmethod
    def _sentence_span(view: str, pos: int, span: Span) -> tuple[int, int]:
        """The sentence around ``pos`` (to "。", ". ", "!", "?" or a line break; at most 200 characters each way)."""
        lo, hi = max(span.start, pos - 200), min(span.end, pos + 200)
        starts = [view.rfind(c, lo, pos) for c in ("。", ". ", "\n", "!", "?", "！", "？")]
        ends = [i for i in (view.find(c, pos, hi) for c in ("。", ". ", "\n", "！", "？")) if i >= 0]
        return max([i + 1 for i in starts if i >= 0] + [lo]), min(ends + [hi])

    @staticmethod
    def _other_therapy(view: str, term_start: int, span: Span) -> bool:
        """The term in a table row about another therapy ("| GLP-1受体激动剂 | 2-5万元 | HbA1c降低1.5-2% |") or in
        a clause whose subject is one ("二甲双胍可使HbA1c降低1.5%", "GLP-1 agonists lower HbA1c by 1.5%")."""
        line_start = max(span.start, view.rfind("\n", 0, term_start) + 1)
        if "|" in view[line_start:term_start]:
            first = next((c for c in view[line_start:term_start].split("|") if c.strip()), "")
            if _OTHER_THERAPY_RE.search(first):
                return True
        return _OTHER_THERAPY_VERB_RE.search(view, max(line_start, term_start - 60), term_start) is not None

    def _relative(self, view: str, lo: int, value_start: int, value_end: int) -> bool:
        """A relative change ("relative reduction of 4.5%", "相对下降12%", "4.5% relative")."""
        return (_RELATIVE_RE.search(view, max(lo, value_start - 25), value_start) is not None
                or re.match(r"\s*(?:relative|相对|相對)", view[value_end:value_end + 12], re.I) is not None)

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        view = span.doc.view
        if pattern.name == "hba1c_change_before_term":
            v = parse_number(m.group("v"))
            if v is None or not m.group("vu"):
                return
            if self._relative(view, max(span.start, m.start() - 25), m.start(), m.start()) or \
                    _PER_UNIT_RE.search(view, max(span.start, m.start() - 12), m.start()):
                return
            sign = 1 if _UP_RE.fullmatch(m.group("dir")) else -1
            yield self._hit(sign * to_percent(v, _unit(m, "v")) if _unit(m, "v") != "mmol/mol"
                            else sign * round(IFCC_SLOPE * v, 2), "change", m.start(), m.end(), pattern,
                            m, "v", span, m.start())
            return
        start = m.end()
        if _NOT_LEVEL_RE.match(view, start):
            return   # "HbA1c variability", "HbA1c target"
        glued = _glued_row(view, m.end(), span)
        if glued:
            # "HbA1c6.8 ± 0.186.4 ± 0.16…" under "Table 1 Comparison of baseline characteristics": one baseline per group
            for i, (v, _, b) in enumerate(glued):
                yield self.hit({"before": v, "after": None, "change": None, "unit": "%", "original_unit": "%",
                                "timepoint_days": None, "group": f"column {i + 1}"}, m.start(), b, "hba1c_glued_row",
                               score=0.8)
            return
        table = (_row_table(view, m.start(), m.end(), span) or _registry_outcome(view, m.start(), span)
                 or _glued_time_table(view, m.start(), span) or _column_time_table(view, m.start(), span))
        if table:
            for v, role, days, col, a, b in table:
                value = {"before": None, "after": None, "change": None, "unit": "%", "original_unit": "%",
                         "timepoint_days": days, "group": f"column {col + 1}"}
                value[role] = v
                yield self.hit(value, a, b, "hba1c_row_table", score=0.8)
            return
        default_unit: Optional[str] = None
        header = _HEADER_UNIT_RE.match(view, start)
        if header:
            # a table row or a heading: "Baseline HbA1c (%) 8.1 ± 0.9 7.9 ± 1.0"
            default_unit, start = _unit_name(header.group("hu") or "%"), header.end()
        p = _PAREN_RE.match(view, start)
        if p:
            start = p.end()
        end = self._clause_end(view, start, span.end)
        if self._is_criterion(view, m.start(), start, span):
            return
        if _FIRST_PERSON_RE.search(view, max(span.start, m.start() - 12), m.start()) and \
                (_in_quotes(view, m.start()) or not _treated_narrator(view, span)):
            return   # "My own A1c is 7.1%", "我的糖化从9.0%降到6.8%": a testimonial, not a study's value
        if is_inquirer(view[slice(*self._sentence_span(view, m.start(), span))]):
            return   # "一位52岁的T2D患者，HbA1c 9.4%，拿着宣传单来问我": a reading of someone who asked, not of the study
        if self._other_therapy(view, m.start(), span):
            return   # "| GLP-1受体激动剂 | ... | HbA1c降低1.5-2% |": another therapy's effect, not the study's
        used: list[tuple[int, int]] = []
        # every value read so far: (start, end of value and its cue, role, sign)
        reads: list[tuple[int, int, str, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= u0 or a >= u1 for u0, u1 in used)

        # 0. values labelled by their time point ("week 0: 8.30 [7.90, 8.80]; week 12: 7.60", "BL=8.4%; M6=6.9%")
        for lv in LABELLED_RE.finditer(view, start, end):
            v = parse_number(lv.group("a"))
            unit = _unit(lv, "a") or default_unit
            if v is None or _ARROW_AFTER_RE.match(view, lv.end()):
                continue   # "at week 48: 8.7 → 7.5%": the label dates a pair (read below), not the first value
            if unit is None:
                if "." not in lv.group("a") or not LABELLED_BARE_RANGE[0] <= v <= LABELLED_BARE_RANGE[1]:
                    continue
                unit = "%"   # a labelled reading on the % scale, its sign left out ("week 12: 7.60 [7.10, 8.20]")
            role = "before" if lv.group("lb") else "after"
            used.append((lv.start(), lv.end()))
            reads.append((lv.start(), lv.end(), role, 0))
            yield self._hit(to_percent(v, unit), role, m.start(), lv.end(), "hba1c_labelled", lv, "a", span,
                            lv.start("a"), unit=unit, days=None if lv.group("lb") else timepoint_days(lv.group("lp")))

        # 1. before -> after pairs
        pair_units: list[tuple[int, str]] = []   # (end, unit) of each pair read
        for rx in (PAREN_PAIR_RE, PAIR_RE, ARROW_RE):
            for pm in rx.finditer(view, start, end):
                if not free(pm.start(), pm.end()):
                    continue
                if re.search(COMPARE + r"\s*$", view[max(start, pm.start("a") - 3):pm.start("a")]):
                    continue
                a, b = parse_number(m_a := pm.group("a")), parse_number(pm.group("b"))
                if a is None or b is None or m_a is None:
                    continue
                ua, ub = _unit(pm, "a"), _unit(pm, "b")
                unit = ua or ub or default_unit
                if unit is None:
                    # "A组由8.6%降至7.3%，B组由8.5降至8.2": a parallel pair shares the unit of the pair before it
                    prior = [(p1, u) for p1, u in pair_units if p1 <= pm.start()]
                    if prior and _PARALLEL_GROUP_RE.search(view, max(prior)[0], pm.start()):
                        unit = max(prior)[1]
                if unit is None and pm.start() - start <= UNITLESS_PAIR_GAP and not re.search(r"\d", view[start:pm.start()]) \
                        and "." in m_a and "." in pm.group("b") \
                        and all(UNITLESS_PCT_RANGE[0] <= x <= UNITLESS_PCT_RANGE[1] for x in (a, b)) \
                        and not _FIRST_PERSON_RE.search(view, max(span.start, m.start() - 6), m.start()):
                    unit = "%"   # "糖化血红蛋白从8.4降到了7.6": the % scale said without its sign
                if unit is None:
                    continue
                if unit == "%" and (ua or "%") != (ub or "%"):
                    continue
                if any(pm.group(g + "u") and _POINTS_RE.fullmatch(pm.group(g + "u")) for g in ("a", "b")):
                    continue   # "1.4 percentage points to 7.0%": a change, then a value
                if RANGE_AFTER_RE.match(view, pm.end()):
                    continue
                if _SPAN_BEFORE_RE.search(view, max(start, pm.start() - 22), pm.start()) or \
                        _SPAN_AFTER_RE.match(view, pm.end()):
                    # "baseline HbA1c ranged from 7.8% to 9.6%", "从7.8%到9.6%不等": a range across patients or
                    # studies; neither end is read on its own either
                    used.append((pm.start(), pm.end()))
                    reads.append((pm.start(), pm.end(), "skip", 0))
                    continue
                used.append((pm.start(), pm.end()))
                pair_units.append((pm.end(), unit))
                days, group = self._context(view, m.start(), pm.start("b"), span)
                _, cue_end, trail_days = self._trailing(view, pm.end(), end)
                reads.append((pm.start(), cue_end, "pair", 0))
                value = {"before": to_percent(a, ua or unit), "after": to_percent(b, ub or unit),
                         "change": None, "unit": "%", "original_unit": unit,
                         "timepoint_days": trail_days if trail_days is not None else days, "group": group}
                yield self.hit(value, self._term_start(view, m.start(), pm.start()), pm.end(), "hba1c_pair",
                               score=0.95)
        # 2. stated changes
        for cm in CHANGE_RE.finditer(view, start, end):
            if not free(cm.start("a"), cm.end()):
                continue
            ends = ["a", "b"] if cm.group("b") else ["a"]
            cm_end = cm.end()
            if cm.group("b") and cm.group("au") and cm.group("bu") and \
                    bool(_POINTS_RE.fullmatch(cm.group("au"))) != bool(_POINTS_RE.fullmatch(cm.group("bu"))):
                # "fell 1.4 percentage points to 7.0%": not a range; the value after is read on its own
                ends, cm_end = ["a"], cm.end("au")
            unit = _unit(cm, "b") if len(ends) == 2 else _unit(cm, "a")
            unit = unit or _unit(cm, "a") or default_unit
            if not unit and cm.group("sign") and _MEAN_DIFF_RE.fullmatch(cm.group("dir")) and \
                    (parse_number(cm.group("a")) or 99) <= MEAN_DIFF_PCT_MAX:
                unit = "%"   # "MD=-0.95, 95%CI ...": a pooled difference of HbA1c is in points of %
            if not unit:
                continue
            used.append((cm.start(), cm_end))
            if self._relative(view, start, cm.start("a"), cm.end()) or \
                    _PER_UNIT_RE.search(view, max(start, cm.start() - 8), cm.start("a")):
                reads.append((cm.start(), cm.end(), "skip", 0))
                continue
            word = cm.group("dir")
            if _CHANGE_WORD_RE.fullmatch(word):
                if not cm.group("sign"):
                    used.pop()
                    continue
                sign = -1 if cm.group("sign") in "-−" else 1
            else:
                sign = 1 if _UP_RE.fullmatch(word) else -1
            _, cue_end, trail_days = self._trailing(view, cm_end, end)
            reads.append((cm.start(), cue_end, "change", sign))
            for g in ends:
                v = parse_number(cm.group(g))
                if v is None:
                    continue
                delta = round(IFCC_SLOPE * v, 2) if unit == "mmol/mol" else v
                yield self._hit(sign * delta, "change", m.start(), cm_end, "hba1c_change", cm, g, span,
                                cm.start(g), unit=unit, days=trail_days)
        # 3. a lone value reached after treatment ("降至6.8%")
        for am in AFTER_RE.finditer(view, start, end):
            if not free(am.start("a"), am.end()):
                continue
            unit = _unit(am, "a") or default_unit
            if unit is None and am.start() - start <= UNITLESS_PAIR_GAP and not re.search(r"\d", view[start:am.start()]) \
                    and "." in am.group("a") and UNITLESS_PCT_RANGE[0] <= (parse_number(am.group("a")) or 0) <= UNITLESS_PCT_RANGE[1]:
                unit = "%"   # "糖化血红蛋白稳定在 6.5 左右": a value reached, on the % scale without its sign
            if not unit or RANGE_AFTER_RE.match(view, am.end()):
                continue
            if _BARE_TO_RE.match(view, am.start()) and _VALUE_BEFORE_RE.search(view, max(start, am.start() - 12), am.start()):
                # "範圍為7.5%至10.0%": a bare "至"/"to" after a value ends a range, not a value reached
                used.append((am.start(), am.end()))
                reads.append((am.start(), am.end(), "range", 0))
                continue
            v = parse_number(am.group("a"))
            if v is None:
                continue
            used.append((am.start(), am.end()))
            _, cue_end, trail_days = self._trailing(view, am.end(), end)
            reads.append((am.start(), cue_end, "after", 0))
            yield self._hit(to_percent(v, unit), "after", m.start(), am.end(), "hba1c_after", am, "a",
                            span, am.start("a"), unit=unit, days=trail_days)
        # 4. lone values, left to right: each takes the role its own cue gives (a sign, "at baseline",
        #    "治疗后", "at 12 months"), else the role of the value before it in the clause
        before_term = view[max(span.start, m.start() - 25):m.start()]
        sentence_start = max(before_term.rfind("。"), before_term.rfind("\n"), before_term.rfind(". "))
        before_term = before_term[sentence_start + 1:]
        prev_end, prev_role, prev_sign = start, "", -1
        # "A at baseline and B at 52 weeks; in the sham group it was C and D": after a clause break that names
        # another group, values with no cue of their own take the roles of the previous group's values, in order
        group_roles: list[str] = []
        template: list[str] = []
        times = [t.span() for t in _TIME_RE.finditer(view, start, end)]
        sent_role = self._sentence_role(view, m.start(), span)
        respective: list[str] = []   # roles of "at baseline and at 12 months ... A and B", given out in order
        columns = _table_columns(view, m.start(), span)
        for lm in LONE_RE.finditer(view, start, end):
            if any(t0 <= lm.start("a") < t1 for t0, t1 in times):
                continue   # the number of a time point ("at week 52")
            for r0, r1, role0, sign0 in sorted(reads):
                if prev_end <= r0 and r1 <= lm.start():
                    if role0 == "pair" and prev_role and re.search(r"[(（]\s*$", view[prev_end:r0]) and \
                            re.match(r"\s*[)）]", view[r1:r1 + 3]):
                        prev_end = r1   # "went down 0.9% (8.6% to 7.7%) in ... and 0.3% in ...": an aside
                        continue
                    prev_end, prev_role, prev_sign = r1, role0, sign0
            if not free(lm.start("a"), lm.end()):
                continue
            first = not prev_role
            gap = _P_VALUE_RE.sub("", view[prev_end:lm.start()])   # "8.2% at 3 months (p = 0.04), 7.7% at 6 months"
            brk = max(gap.rfind(";"), gap.rfind("；"))
            if brk >= 0 and _PARALLEL_GROUP_RE.search(gap, brk):
                template, group_roles = (group_roles or template), []
                gap = gap[brk + 1:]   # the previous group's cues do not carry over
                if _BASE_RE.search(gap):
                    template = []   # "...; at diagnosis they had A and B": the clause names its own time point
            unit = _unit(lm, "a") or default_unit
            if unit is None and (su := _SHARED_UNIT_RE.match(view, lm.end(), end)):
                unit = _unit_name(su.group("u"))
            v = parse_number(lm.group("a"))
            between = _BETWEEN_RE.search(view[max(start, lm.start() - 10):lm.start()]) and \
                re.match(r"\s*(?:and|~|-|至|到|和|与|與|及)\s*\d", view[lm.end():lm.end() + 8], re.I)
            blocked = (lm.group("pre") or not unit or v is None or between or _PROP_RE.search(gap) or _CI_RE.search(gap)
                       or re.search(r"\d", _CODE_RE.sub("", _TIME_RE.sub("", gap))) or RANGE_AFTER_RE.match(view, lm.end())
                       or prev_role == "range")
            if blocked:
                # a threshold, a bare or foreign number, a range: values after it need their own cue
                ranged = RANGE_AFTER_RE.match(view, lm.end()) is not None or bool(between)
                prev_end, prev_role = lm.end(), "range" if ranged else "blocked"
                continue
            if v is None or unit is None:   # narrowed for the type checker; "blocked" covers both
                continue
            trail_role, cue_end, trail_days = self._trailing(view, lm.end(), end)
            if trail_role is None:
                trail_role, trail_days = self._shared_trailing(view, lm.end(), end)
            role: Optional[str] = None
            sign = prev_sign
            col_role, col_days = _column_cue(view, columns, lm.start())
            if col_role:
                # a table row: the column header says when the value was measured
                role, trail_days = col_role, col_days if col_days is not None else trail_days
            elif lm.group("sign"):
                role, sign = "change", (-1 if lm.group("sign").strip() in "-−" else 1)
            elif first and (not trail_role and self._respective(view, m.start(), lm.start(), span)
                            or _RESPECTIVE_AFTER_RE.search(view, lm.end(), end)):
                role, respective = "before", ["after"]
            elif respective:
                role = respective.pop(0)
            elif first and (cb := _CHANGE_BEFORE_TERM_RE.search(before_term)):
                role = "change"
                if _CHANGE_WORD_RE.fullmatch(cb.group("dir")):
                    role = None   # "change in HbA1c of 0.8%": the sign is not stated
                else:
                    sign = 1 if _UP_RE.fullmatch(cb.group("dir")) else -1
            elif first and _BY_RE.fullmatch(gap) and (vb := _VERB_BEFORE_TERM_RE.search(before_term)):
                role, sign = "change", (1 if _UP_RE.fullmatch(vb.group("dir")) else -1)
            elif _FROM_GAP_RE.search(gap):
                role = "before"   # "对照组由8.7%降" (cut), "and from 8.7% with placebo": where the change started
            elif prev_role == "change" and _CHANGE_AMOUNT_GAP_RE.search(gap):
                role = "change"   # "fell by 0.5% in the MSC group and by 0.1% with placebo at two years"
            elif prev_role == "change" and _VERSUS_END_RE.search(gap):
                role = "change"   # "reduced by 1.1% from baseline at Week 24 with cells versus 0.4% with placebo"
            elif prev_role == "change" and _LIST_GAP_RE.fullmatch(gap):
                role = "change"   # "dropped 0.6% by month 3, 0.9% by month 6 and 1.3% by month 12"
            elif _BASE_RE.search(gap):
                role = "before"
            elif _POST_RE.search(gap):
                role = "after"
            elif trail_role:
                role = trail_role
            elif first and _BASE_RE.search(before_term):
                role = "before"
            elif first and _POST_RE.search(before_term):
                role = "after"
            elif len(group_roles) < len(template) and template[len(group_roles)] in ("before", "after"):
                role = template[len(group_roles)]
            elif prev_role in ("before", "after", "change"):
                role = prev_role
            elif first and sent_role:
                role = sent_role   # "Four years on, his HbA1c is 6.4%", "Twelve-month results: ...; HbA1c 6.9%"
            elif first:
                role = "before"   # a value stated with no treatment cue describes the patient's state
            prev_end = cue_end
            if role is None:
                prev_role = "blocked"
                continue
            group_roles.append(role)
            prev_role, prev_sign = role, sign
            used.append((lm.start(), lm.end()))
            if role == "change":
                value = sign * (round(IFCC_SLOPE * v, 2) if unit == "mmol/mol" else v)
            else:
                value = to_percent(v, unit)
            yield self._hit(value, role, m.start(), lm.end(), "hba1c_lone", lm, "a", span, lm.start("a"),
                            score=0.6, unit=unit, days=trail_days)

    @staticmethod
    def _term_start(view: str, start: int, value_start: int) -> int:
        """The last HbA1c term before the value (evidence stays short when a clause names it twice)."""
        last = start
        for t in _TERM_RE.finditer(view, start, value_start):
            last = t.start()
        return last

    def _hit(self, v: float, role: str, start: int, end: int, pattern: Pattern | str, vm: re.Match[str],
             g: str, span: Span, value_start: int, *, score: Optional[float] = None,
             unit: Optional[str] = None, days: Optional[float] = None) -> Hit:
        ctx_days, group = self._context(span.doc.view, start, value_start, span)
        days = days if days is not None else ctx_days
        value = {"before": None, "after": None, "change": None, "unit": "%",
                 "original_unit": unit or _unit(vm, g) or "%", "timepoint_days": days if role != "before" else None,
                 "group": group}
        value[role] = round(v, 2)
        return self.hit(value, self._term_start(span.doc.view, start, value_start), end, pattern, score=score)

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """Each reading once; a lone value that a pair (or another reading) of the same group already
        states ("his A1C was 9.4%" ... "dropped from 9.4% to 6.9%") is the same fact said twice, and so
        is the same reading of a group named once in Chinese and once in English (bilingual abstract)."""
        kept = super().decide(hits)
        roles = ("before", "after", "change")

        def stated(h: Hit) -> dict[str, float]:
            return {r: h.value[r] for r in roles if h.value[r] is not None}

        def han(label: Optional[str]) -> bool:
            return bool(label) and re.search(r"[\u4e00-\u9fff]", label or "") is not None

        def bare(h: Hit) -> bool:
            return not h.value["group"] and h.value["timepoint_days"] is None

        pct = [o for o in kept if o.value.get("original_unit") == "%"]
        levels = {o.value[r] for o in pct for r in ("before", "after") if o.value[r] is not None}
        changes = {o.value["change"] for o in pct if o.value["change"] is not None}

        def restated(h: Hit) -> bool:
            """Values given in mmol/mol that a % reading states already ("7.1% … 7.8%" and, in a note, "54 vs 62
            mmol/mol"): the same facts in the other unit (a level matches a level of any role; a change a change)."""
            if h.value.get("original_unit") != "mmol/mol":
                return False
            return all(any(abs(v - w) <= MMOL_RESTATED_TOLERANCE for w in (changes if r == "change" else levels))
                       for r, v in stated(h).items())

        out: list[Hit] = []
        for h in kept:
            mine = stated(h)
            if restated(h):
                continue
            if any(stated(o) == mine and o.value["group"] and h.value["group"]
                   and han(o.value["group"]) != han(h.value["group"]) for o in out):
                continue   # a bilingual abstract: "干细胞组由8.9%降至7.8%" ... "stem cell group ... from 8.9% to 7.8%"
            if any(stated(o) == mine and (o.value["group"] or None) == (h.value["group"] or None)
                   and (o.value["timepoint_days"] is None) != (h.value["timepoint_days"] is None) for o in out):
                continue   # a headline repeats the body's reading without its time point: one fact
            if bare(h) and any(o is not h and stated(o) == mine and not bare(o) and (o.start >= h.end or o.end <= h.start)
                               for o in kept):
                continue   # a headline's reading with neither group nor time point, stated in full in the body
            if len(mine) == 1 and any(
                    o is not h and len(stated(o)) > 1 and (o.value["group"] or None) == (h.value["group"] or None)
                    and all(stated(o).get(r) == v for r, v in mine.items()) for o in kept):
                continue
            if len(mine) == 1 and h.pattern in TABLE_READINGS and any(
                    o is not h and len(stated(o)) > 1 and o.pattern not in TABLE_READINGS
                    and all(stated(o).get(r) == v for r, v in mine.items()) for o in kept):
                continue   # a table's cell that the text states in a pair ("由(8.9±1.2)%降至…" above "治疗组428.9±1.2…")
            out.append(h)
        return out

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        v = hit.value
        lo, hi = VALUE_RANGE
        for k in ("before", "after"):
            if v[k] is not None and not lo <= v[k] <= hi:
                return None
        if v["change"] is not None and not (0 < abs(v["change"]) <= CHANGE_MAX):
            return None
        return hit


EXTRACTOR = HbA1cExtractor()
