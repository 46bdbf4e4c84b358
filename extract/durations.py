"""Durations as the guideline counts them, composed from small named parts, read to days.

A duration is built like Duckling's Duration rules, from parts declared here as data:

* a **number** (``NUM_ZH`` / ``NUM_EN``): Arabic ("18", "2.5", "(380±75)"), Chinese ("一百零四", "两"),
  English words ("fifteen", "twenty-four", "one hundred and four", "a"/"an");
* a **unit** (``UNITS``): year, month, week, day in both languages;
* a **half** (``HALF``): "一年半", "两个半月", "半年", "two and a half years", "a year and a half",
  "half a year";
* a **more** suffix (``MORE_ZH``): "18个月余", "1年多", "三年以上" count as the stated number (guideline);
* a **joiner** between a larger and a smaller unit: "两年零三个月", "2年3个月", "2 years and 3 months";
* a **range** of two ends: "3-6个月", "6至12个月", "3 to 6 months", "between 6 and 12 months".

Units descend inside one composite ("2 years and 3 months"), so that a list of time points
("12 months and 24 months") stays two durations. Days: week 7, month 30.4375, year 365.25
(``numbers.DURATION_DAYS``), rounded. The fragments have no capturing groups: extractors embed them
as ``(?P<dur>DURATION)`` and read the match with ``parse_duration``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .numbers import CN_DIGIT_VALUES, DURATION_DAYS, EN_TEEN_WORDS, EN_TENS_WORDS, EN_UNIT_WORDS, parse_number
from .rxcache import rx

# ---- parts (data) ----
_ARABIC = r"\d{1,4}(?:\.\d+)?"
# "(380±75)天", "380 ± 75 days": a mean with its SD; the mean is the duration
_MEAN_SD = rf"(?:[(（]\s*{_ARABIC}\s*(?:±|\+/-|\+-)\s*{_ARABIC}\s*[)）]|{_ARABIC}\s*(?:±|\+/-|\+-)\s*{_ARABIC}(?=\s*[a-zA-Z天日周月年个]))"
# the digit words of numbers.py (一 .. 九, 两, 〇, financial forms) and the multipliers 十, 百
_CN_DIGITS = "".join(CN_DIGIT_VALUES) + "十拾百佰"
NUM_ZH = rf"(?<![\d.])(?:{_MEAN_SD}|{_ARABIC}|[{_CN_DIGITS}]{{1,6}})"

# word edges written out (not \\b): an ASCII word next to CJK text still has an edge, and the fragments stay
# short when context.ascii_boundaries rewrites the patterns that embed them
_WB, _WE = r"(?<![A-Za-z])", r"(?![A-Za-z])"
# the number words are numbers.py's (one table, one parser: ``parse_number`` reads what this matches)
_EN_WORD = "|".join(sorted([*EN_UNIT_WORDS, *EN_TEEN_WORDS, *EN_TENS_WORDS, "hundred"], key=len, reverse=True))
_EN_WORDS = rf"(?:{_WB}(?:{_EN_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_EN_WORD})){{0,3}}{_WE}|{_WB}an?{_WE})"
NUM_EN = rf"(?<![\d.])(?:{_MEAN_SD}|{_ARABIC}|{_EN_WORDS})"

# units: (zh regex, en regex) per unit name, largest first; the names key numbers.DURATION_DAYS
UNITS: dict[str, tuple[str, str]] = {
    "year": (r"年", rf"(?:years?|yrs?){_WE}"),
    "month": (r"(?:个|個)?\s*(?:半|多)?\s*月(?!\s*\d{1,2}\s*[日号])", rf"(?:months?|mos?){_WE}"),
    "week": (r"(?:个|個)?\s*(?:周|週|星期)(?!岁|歲)", rf"(?:weeks?|wks?){_WE}"),
    "day": (r"(?:天|日|d(?![A-Za-z]))", rf"days?{_WE}"),
}
HALF_ZH = r"半"
MORE_ZH = r"(?:多|余|餘|以上|之久)"
# "two and a half years" (half before the unit), "a year and a half" (after it)
HALF_EN_BEFORE = r"(?:[\s-]+and[\s-]+a[\s-]+half)"
HALF_EN_AFTER = r"(?:\s+and\s+a\s+half)"
JOIN_ZH = r"(?:\s*(?:零|又)?\s*)"
JOIN_EN = r"(?:\s*,?\s*(?:and\s+)?)"
RANGE_SEP_ZH = r"(?:\s*(?:-|–|—|~|～|〜|至|到)\s*)"
RANGE_SEP_EN = r"(?:\s*(?:-|–|—|~)\s*|\s+to\s+)"


def _term_zh(unit: Optional[str] = None) -> str:
    """One Chinese term ("18个月", "两个半月", "一年半", "半年", "1年多", "18个多月"), of ``unit`` or any unit."""
    zh = UNITS[unit][0] if unit else "(?:" + "|".join(z for z, _ in UNITS.values()) + ")"
    bare = zh.replace("(?:半|多)?", "")
    return rf"(?:{NUM_ZH}\s*{zh}(?:{HALF_ZH})?|{HALF_ZH}\s*(?:个|個)?\s*{bare})(?:\s*{MORE_ZH})?"


def _term_en(unit: Optional[str] = None) -> str:
    """One English term ("18 months", "18-month", "two and a half years", "half a year"), of ``unit`` or any."""
    en = UNITS[unit][1] if unit else "(?:" + "|".join(e for _, e in UNITS.values()) + ")"
    return rf"(?:{NUM_EN}{HALF_EN_BEFORE}?[\s-]*{en}{HALF_EN_AFTER}?|{_WB}half[\s-]+(?:an?[\s-]+)?{en})"


# where a unit ends, so that a smaller one may follow it in a composite (fixed-width look-behinds)
_ENDS: dict[str, tuple[str, ...]] = {
    "year": ("年", "years", "year", "yrs", "yr"),
    "month": ("月", "months", "month", "mos"),
    "week": ("周", "週", "星期", "weeks", "week", "wks", "wk"),
}


def _composite(term, join: str) -> str:
    """A term, then maybe one of the next smaller unit: "两年零三个月", "2 years and 3 months", "3 weeks and 2 days".
    (A list "12 months and 24 months" stays two durations.)"""
    names = list(UNITS)
    steps = []
    for big, small in zip(names, names[1:]):
        after_big = "|".join(f"(?<={e})" for e in _ENDS[big])
        steps.append(rf"(?:{after_big}){join}{term(small)}")
    return rf"(?:{term()}(?:{'|'.join(steps)})?)"


TERM_ZH = r"(?<![年月])" + _term_zh()
TERM_EN = _term_en()
COMPOSITE_ZH = _composite(_term_zh, JOIN_ZH)
COMPOSITE_EN = _composite(_term_en, JOIN_EN)
# "3-6个月", "6个月至1年", "3 to 6 months", "between 6 and 12 months", "6 and 12 months"
_ANY_UNIT_ZH = "(?:" + "|".join(z for z, _ in UNITS.values()) + ")"
_ANY_UNIT_EN = "(?:" + "|".join(e for _, e in UNITS.values()) + ")"
# (the first end is a number, with its own unit or sharing the second's)
RANGE_ZH = rf"(?<![年月]){NUM_ZH}(?:\s*{_ANY_UNIT_ZH})?{RANGE_SEP_ZH}{TERM_ZH}"
# "介于6与12个月之间", "在6和12个月之间": 与/和 join the ends only when 之间 closes the range
RANGE_BETWEEN_ZH = (rf"(?:介于|介於)?\s*(?<![年月]){NUM_ZH}(?:\s*{_ANY_UNIT_ZH})?\s*(?:与|與|和|及)\s*{TERM_ZH}"
                    rf"\s*(?:之间|之間)")
RANGE_EN = rf"(?:{_WB}between\s+)?{NUM_EN}(?:[\s-]*{_ANY_UNIT_EN})?(?:{RANGE_SEP_EN}|\s+and\s+){TERM_EN}"
# an item of a list of time points before the last: "3, 6 and 12 months", "1、3、6、12个月"
LIST_ITEM_EN = rf"(?:{NUM_EN}(?:[\s-]*{_ANY_UNIT_EN})?)"
LIST_ITEM_ZH = rf"(?:{NUM_ZH}(?:\s*{_ANY_UNIT_ZH})?)"
# never the day or month of a date ("2019年3月", "3月15日")
_NOT_IN_DATE = r"(?<![年月])"
DURATION_ZH = rf"{_NOT_IN_DATE}(?:{RANGE_BETWEEN_ZH}|{RANGE_ZH}|{COMPOSITE_ZH})"
DURATION_EN = rf"(?:{RANGE_EN}|{COMPOSITE_EN})"
DURATION = rf"(?:{DURATION_EN}|{DURATION_ZH})"
# a time point named by its unit first: "week 12", "month 6", "M6", "W12", "第12周" (the latter is a duration)
TIMEPOINT_EN = r"(?:\b(?:week|wk|month|mo|year|day)\s*\d{1,3}(?!\d|\.\d)|\b[WM]\d{1,3}\b)"

# ---- reading ----
_UNIT_OF: dict[str, str] = {"年": "year", "月": "month", "周": "week", "週": "week", "星期": "week", "天": "day",
                            "日": "day", "d": "day"}
_ZH_PIECE = rx(rf"(?P<half0>半)?\s*(?P<num>{NUM_ZH})?\s*(?:个|個)?\s*(?P<half1>半)?(?P<more0>多)?\s*"
                       r"(?P<unit>年|月|周|週|星期|天|日|d(?![A-Za-z]))(?P<half2>半)?")
_EN_PIECE = rx(rf"(?P<half0>(?<![A-Za-z])half[\s-]+(?:an?[\s-]+)?)?(?P<num>{NUM_EN})?(?P<half1>{HALF_EN_BEFORE})?[\s-]*"
                       r"(?P<unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)\b(?P<half2>\s+and\s+a\s+half)?",
                       re.IGNORECASE)
_FIRST_NUMBER = rx(rf"{_ARABIC}|[{_CN_DIGITS}]+|[A-Za-z]+(?:[\s-]+(?:and\s+)?[A-Za-z]+)*", re.IGNORECASE)
_RANGE_SPLIT = rx(rf"^\s*(?:between\s+|介于\s*|介於\s*)?(?P<a>.+?)(?:{RANGE_SEP_ZH}|{RANGE_SEP_EN}|\s+and\s+|"
                          rf"\s*(?:与|與|和|及)\s*)(?P<b>.+?)\s*(?:之间|之間)?$", re.IGNORECASE)
_DURATION_RE = rx(rf"^\s*(?:{DURATION})\s*$", re.IGNORECASE)
_TIMEPOINT_RE = rx(r"(?P<u>week|wk|month|mo|year|day|W|M)\s*(?P<n>\d{1,3})", re.IGNORECASE)
_TP_UNIT = {"week": "week", "wk": "week", "w": "week", "month": "month", "mo": "month", "m": "month",
            "year": "year", "day": "day"}


@dataclass(frozen=True)
class Duration:
    """A stated duration in days: ``low == high`` for a single value."""

    low: float
    high: float


def _number(s: Optional[str]) -> Optional[float]:
    """A number part: Arabic, Chinese, English words, or the mean of "(380±75)"."""
    if not s:
        return None
    s = s.lstrip("零〇")   # "两年零三个月": the joiner, not a digit
    m = re.search(_ARABIC, s)
    if re.search(r"±|\+/-|\+-", s) and m:
        return float(m.group(0))
    return parse_number(s)   # Arabic, Chinese and English words ("one hundred and four", "a") alike


def _piece_days(m: re.Match[str]) -> Optional[float]:
    unit = _UNIT_OF.get(m.group("unit")) or _TP_UNIT.get(m.group("unit").lower().rstrip("s").replace("yr", "year"))
    if unit is None:
        return None
    half = bool(m.group("half0") or m.group("half1") or m.group("half2"))
    num = m.group("num")
    if num is None:
        n = 0.0 if half else None
    else:
        n = _number(num)
    if n is None:
        return None
    return (n + (0.5 if half else 0.0)) * DURATION_DAYS[unit]


def _composite_days(s: str) -> Optional[float]:
    """The days of one term or a descending composite ("两年零三个月", "2 years and 3 months")."""
    rx = _ZH_PIECE if re.search(r"[\u4e00-\u9fff]|[\d)]\s*d\b", s) and not re.search(r"[A-Za-z]{3}", s) else _EN_PIECE
    total = 0.0
    found = False
    for m in rx.finditer(s):
        if m.group("num") is None and not (m.group("half0") or m.group("half1")):
            continue
        d = _piece_days(m)
        if d is None:
            return None
        total += d
        found = True
    return total if found and total > 0 else None


def parse_duration(s: str) -> Optional[Duration]:
    """Read a match of ``DURATION`` to days (rounded); a range gives both ends.

    '两年零三个月' -> 821; '一年半' -> 548; '一百零四周' -> 728; 'two and a half years' -> 913;
    '18个月余' -> 548; '3-6个月' -> (91, 183); '(380±75)天' -> 380. A year number ('2019年') is a date: None.
    """
    s = s.strip()
    if not _DURATION_RE.match(s):
        return None
    if re.match(r"\s*(?:1[89]|20)\d{2}\s*年", s) or re.search(r"\d\s*月\s*\d{1,2}\s*(?:日|号)", s):
        return None   # "2019年", "3月3日" are dates
    r = _RANGE_SPLIT.match(s)
    if r and not re.search(r"±|\+/-|\+-", s) and not re.match(r"\s*a\s+half", r.group("b")):
        rng = _range(r.group("a"), r.group("b"))
        if rng is not None:
            return rng
    d = _composite_days(s)
    if d is None:
        return None
    return Duration(float(round(d)), float(round(d)))


def _range(a_txt: str, b_txt: str) -> Optional[Duration]:
    """Two ends, the first maybe a bare number sharing the second's unit ('3-6个月'); None if not a range."""
    b = _composite_days(b_txt)
    if b is None:
        return None
    a = _composite_days(a_txt)
    if a is None:
        piece = (_ZH_PIECE if re.search(r"[\u4e00-\u9fff]", b_txt) else _EN_PIECE).search(b_txt)
        n, nb = _number(a_txt), _number(piece.group("num")) if piece else None
        per = _piece_days(piece) if piece else None
        a = n * per / nb if n is not None and per and nb else None
    if a is None or not 0 < a <= b:
        return None   # "2 years and 3 months" is a composite, "7.5-7" no range
    return Duration(float(round(a)), float(round(b)))


def duration_days(s: str) -> Optional[float]:
    """The days of a stated duration, the longer end of a range ('6-12个月' -> 365)."""
    d = parse_duration(s)
    return d.high if d else None


def timepoint_days(s: str) -> Optional[float]:
    """The days of a time point: a duration ('12个月', '第12周', '6 months') or a unit-first label
    ('week 12', 'month 6', 'M6')."""
    s = re.sub(r"^\s*第\s*", "", s.strip())
    d = parse_duration(s)
    if d is not None:
        return d.high
    m = _TIMEPOINT_RE.fullmatch(s)
    if m:
        return float(round(int(m.group("n")) * DURATION_DAYS[_TP_UNIT[m.group("u").lower()]]))
    return None
