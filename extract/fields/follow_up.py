"""The study's follow-up duration in days (one value per record).

Durations only count next to follow-up words (随访/追踪/观察期/followed/follow-up): a bare
"治疗后3个月" or "at 24 and 36 months" is a measurement time point, and "31 months insulin-free",
"病程10年" or "疗效可持续6-12个月" are durations of something else.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..numbers import DURATION_DAYS, parse_number
from .base import FieldExtractor, Hit, Pattern, Span
from .context import compile_cues, sentence_bounds, table_column_header, zp

_NUM_ZH = r"\d{1,4}(?:\.\d+)?|[一二两三四五六七八九十百]{1,3}"
_NUM_EN = (r"\d{1,4}(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"eighteen|twenty(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|thirty(?:-six)?|forty(?:-eight)?|sixty|a|an")
# "12个月", "1年", "一年半", "两个半月", "半年", "28周"
DUR_ZH = rf"(?P<num>{_NUM_ZH})?\s*(?:个)?(?P<half>半)?(?P<unit>年|个月|月|周|星期|天|日|d\b)(?P<half2>半)?"
# "12 months", "one year", "48-week", "3 yrs"
DUR_EN = rf"(?P<num>{_NUM_EN})[\s-]*(?P<unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)\b"
_QUAL_ZH = r"(?:约|超过|长达|至少|近|逾)?"
_QUAL_EN = r"(?:(?:up to|at least|approximately|about|around|over|more than|nearly|almost|a (?:median|mean) of|an average of)\s+)?"
_FU_ZH = r"(?:随访|追踪|跟踪|追访|跟进)(?:观察)?"
_FU_EN = r"follow(?:ed)?[- ]?up"
# the people followed, between the verb and the duration: "追踪患者48周", "随访所有受试者12个月"
_FOLLOWED_ZH = r"(?:所有|全部|这些|该批)?(?:患者|病人|受试者|患儿|参与者)"

FOLLOW_UP_PATTERNS: tuple[Pattern, ...] = (
    # a median/mean follow-up is the study's summary value
    zp("median__zh", rf"(?:中位|平均){_FU_ZH}(?:时间|期)?(?:为|达|是|:)?\s*{_QUAL_ZH}{DUR_ZH}", 1.0,
       examples=("中位随访32周(12~60周),无患者复发。", "中位隨訪時間為2.5年(範圍1-4年)。"),
       traps=("中位病程10年的患者接受了治疗。",)),
    zp("median__en", rf"\b(?:median|mean|average)\s+(?:duration\s+of\s+)?{_FU_EN}\s+(?:time\s+|period\s+|duration\s+)?(?:was\s+|of\s+|lasted\s+|:\s*|=\s*)?{_QUAL_EN}{DUR_EN}", 1.0),
    # stated durations
    zp("stated__zh_fu", rf"{_FU_ZH}(?:时间|期|期限)?(?:{_FOLLOWED_ZH})?(?:至今|迄今)?(?:均|都|皆)?(?:为|达|长达|共|了|(?:已|已经)?满|(?:至|到)第?|:)?\s*{_QUAL_ZH}(?:治疗后|术后|移植后|输注后)?{DUR_ZH}", 0.9),
    zp("stated__zh_period", rf"为期\s*{DUR_ZH}的?(?:{_FU_ZH}|观察)", 0.95),
    zp("stated__zh_study", rf"为期\s*{DUR_ZH}的?(?:研究|试验)", 0.75),
    zp("stated__zh_observe", rf"观察期(?:为|达|长达|:)?\s*{_QUAL_ZH}{DUR_ZH}", 0.85),
    zp("stated__zh_dur_observe", rf"{DUR_ZH}的?(?:观察期|实验期|研究期)", 0.85),
    zp("stated__zh_dur_fu", rf"{DUR_ZH}(?:以上|余)?的?{_FU_ZH}", 0.7),
    zp("stated__en_fu_of", rf"\b{_FU_EN}\s+(?:period\s+|duration\s+|time\s+)?(?:of|was|lasted|:|=)\s+{_QUAL_EN}{DUR_EN}", 0.9),
    zp("stated__en_followed_for", rf"\b(?:followed(?:\s+up)?|monitored|observed|tracked)\s+(?:\w+\s+){{0,3}}?for\s+{_QUAL_EN}{DUR_EN}", 0.9),
    zp("stated__en_through", rf"\b(?:through(?:out)?|during|over|after|completed)\s+(?:the\s+|a\s+)?{_QUAL_EN}{DUR_EN}(?:\s+of)?\s+(?:{_FU_EN}|observation)", 0.9),
    zp("stated__en_dur_fu", rf"\b{DUR_EN}(?:\s+of)?\s+{_FU_EN}", 0.75),
    # "a 52-week, open-label, single-arm phase 1 study": the study's planned length
    zp("stated__en_study", rf"\b(?:a|an|the|this)\s+{DUR_EN}(?:\s*,?\s*[\w/-]+){{0,6}}?\s+(?:study|trial)\b", 0.6),
    # a registry record's "[Time Frame: 48 weeks]" (a duration; "Time Frame: week 48" is a time point)
    zp("stated__en_time_frame", rf"\bTime\s+Frame\s*:\s*{_QUAL_EN}{DUR_EN}(?=\s*[\]\n;.]|\s*$)", 0.7),
    zp("stated__en_observation", rf"\bobservation(?:al)?\s+period\s+(?:of|was|lasted)\s+{_QUAL_EN}{DUR_EN}", 0.85),
    # "Over 6 months, HbA1c fell ...": a clause-opening period over which the results were observed
    zp("stated__en_over_period", rf"(?:^|(?<=[.;:]\s)|(?<=\n))(?:Over|During|Throughout|Across)\s+(?:the\s+|a\s+)?(?:(?:following|next|subsequent)\s+)?{DUR_EN}(?:\s+(?:after|following)\s+[^,.;]{{1,30}})?\s*,", 0.6),
    zp("stated__zh_over_period", rf"在(?:随后|此后|之后|接下来)的\s*{DUR_ZH}(?:里|中|内|间)", 0.6),
    # a table cell under a follow-up column: "随访 | ... | 104周 |"
    zp("table__cell_zh", rf"(?<=\|)\s*{_QUAL_ZH}{DUR_ZH}\s*(?=\||$)", 0.85, re.IGNORECASE | re.MULTILINE),
    zp("table__cell_en", rf"(?<=\|)\s*{_QUAL_EN}{DUR_EN}\s*(?=\||$)", 0.85, re.IGNORECASE | re.MULTILINE),
    # fallbacks, used only when nothing better is stated: the end of treatment observation ...
    zp("fallback__zh_after", rf"(?:治疗|移植|输注|干预){_QUAL_ZH}{DUR_ZH}后", 0.3),
    # ... or a re-examination visit after treatment ("治疗后3个月复查") ...
    zp("fallback__zh_visit", rf"(?:治疗|移植|输注|干预|术)后\s*{_QUAL_ZH}{DUR_ZH}(?:时)?(?:进行)?(?:复查|复诊|回访|{_FU_ZH})", 0.3),
    # ... or the last of a series of follow-up visits ("于治疗后1、3、6、12个月随访")
    zp("fallback__zh_series", rf"(?:于|在)(?:治疗|移植|输注|术)?后?\s*(?:\d{{1,2}}\s*[、,和及]\s*){{2,}}{DUR_ZH}(?:时)?(?:进行)?{_FU_ZH}", 0.35),
    zp("fallback__en_series", rf"\b(?:re-?examined|followed(?:\s+up)?|evaluated|assessed|monitored|seen)\b[^.;]{{0,30}}?\bat\s+(?:[\w-]+\s*(?:,\s*(?:and\s+)?|and\s+))+{DUR_EN}(?!\s*(?:,|and\b))", 0.3),
)

# durations of something else: disease history, age, insulin-free time
_NOT_FOLLOW_UP = compile_cues((
    r"病程|确诊|患病|病史|糖尿病史|年龄|岁",
    r"\bduration of (?:diabetes|disease|T[12]DM?)\b|\bdiabetes duration\b|\bhistory\b|\baged?\b|\binsulin[- ]free\b|\bdiagnosed\b",
))
# a time point, not a duration: "在12个月随访时", "at the 12-month follow-up"
_AT_BEFORE = re.compile(r"(?:在|于|第|at\s+(?:the\s+)?|by\s+(?:the\s+)?)\s*$", re.I)
_LIST_BEFORE = re.compile(r"(?:\d|[一二三四五六七八九十])\s*(?:个)?(?:月|周|年|天)?\s*(?:和|及|与|或|、|,|至|到|-|~|and|or|to)\s*$", re.I)
_AT_AFTER_ZH = re.compile(r"^\s*(?:时|节点|时点|后的?(?:评估|检测))")
# a duration that selects studies or patients: "随访时间超过12个月的研究", "follow-up longer than 12 months"
_QUALIFIES_AFTER = compile_cues((r"^\s*(?:以上|以下|或以上|及以上)?的(?:研究|试验|文献|患者|病例|亚组)",))
# "32名完成一年跟进的患者": the completers of the study's follow-up, not a selection by duration
_COMPLETED_BEFORE = compile_cues((r"(?:完成|走完|结束)(?:了)?\s*$",))
# a time point counted from one particular dose: "第2次输注后4周", "after the last infusion"
_FROM_ONE_DOSE = compile_cues((r"(?:第\s*[\d一二三四五六七八九十]+\s*次|末次|最后一次|首次)\s*$",))

# an upper bound, not a duration: "most followed patients for a year or less", "随访1年以内"
_BOUND_AFTER = compile_cues((r"^\s*(?:或更短|或以下|以内|之内)", r"^\s*(?:or (?:less|shorter|fewer)|at most)\b"))
_THRESHOLD = compile_cues((r"超过|至少|以上|逾",))
# a follow-up that is planned for later, not done: "计划在患者完成移植并追踪1年后申请", "plans to follow
# each patient for 5 years" (a protocol's "will be followed for 104 weeks" is the study's own design)
# a recommended or required one is not done either: "建议延长随访至24个月", "the FDA is requiring a
# registry study of 300 patients followed for 15 years"
_PLANNED_BEFORE = compile_cues((r"(?:计划|计画|打算|准备|预计|建议|拟)[^,。;:!?]{0,24}$",
                                r"\b(?:plans?|planned|intends?|intended|hopes?)\s+to\b[^,.;:]{0,30}$",
                                r"\b(?:recommends?|recommended|requires|requiring|is\s+required\s+to)\b[^,.;:]{0,60}$"))

# the header of a table column of follow-up durations
_FU_HEADER = compile_cues((rf"{_FU_ZH}|观察期|\bfollow[- ]?up\b|\bobservation\b|\bduration of follow",))

MIN_DAYS = 7.0
MAX_DAYS = 365.25 * 30


class FollowUpExtractor(FieldExtractor):
    """Durations next to follow-up words; ``decide`` keeps the best-attested one."""

    name = "follow_up"
    field = "follow_up"
    patterns = FOLLOW_UP_PATTERNS

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        days = to_days(m.group("num"), m.group("unit"), half=bool(
            m.groupdict().get("half") or m.groupdict().get("half2")))
        if days is None:
            return []
        text = span.doc.view
        num_start = m.start("num") if m.group("num") else m.start("unit")
        # a year number ("2010年8月") is a date, not a duration
        if m.group("unit") == "年" and (re.match(r"\d{4}", m.group("num") or "") or
                                        re.match(r"\s*\d{1,2}\s*月", text[m.end("unit"):m.end("unit") + 4])):
            return []
        score = pattern.score
        if pattern.name.startswith("stated__"):
            before = text[max(span.start, m.start() - 6):m.start()]
            if pattern.name in ("stated__zh_dur_fu", "stated__en_dur_fu"):
                before_num = text[max(span.start, num_start - 6):num_start]
                if _AT_BEFORE.search(before_num) or _LIST_BEFORE.search(before_num) or _AT_BEFORE.search(before):
                    score = 0.2   # one time point among several: never the study's duration on its own
            if _AT_AFTER_ZH.match(text[m.end():m.end() + 6]):
                score = min(score, 0.4)
        return [self.hit({"days": float(days)}, m.start(), m.end(), pattern, score=score)]

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        if not MIN_DAYS <= hit.value["days"] <= MAX_DAYS:
            return None
        text = span.doc.view
        s, _ = sentence_bounds(text, hit.start, hit.end, span.start, span.end)
        if _NOT_FOLLOW_UP.search(text, max(s, hit.start - 10), hit.end):
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
        if hit.pattern.startswith("fallback__") and _FROM_ONE_DOSE.search(text[max(s, hit.start - 12):hit.start]):
            return None
        if hit.pattern.startswith("table__") and not _FU_HEADER.search(table_column_header(text, hit.start) or ""):
            return None  # a duration cell counts only under a follow-up column
        return hit

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
    u = unit.lower().rstrip("s") if unit else ""
    per = DURATION_DAYS.get(u) or DURATION_DAYS.get(unit)
    if per is None:
        return None
    if num is None:
        n: Optional[float] = 0.0 if half else None
    elif num.lower() in ("a", "an"):
        n = 1.0
    else:
        n = parse_number(num)
    if n is None:
        return None
    if half:
        n += 0.5
    if n <= 0:
        return None
    return float(round(n * per))


EXTRACTOR = FollowUpExtractor()
