"""Number parsing shared by all extractors: Arabic, Chinese and English-word numerals.

Two layers:

* regex fragments (``NUMBER``, ``SCALAR``, ``RANGE``, ``QUANTITY`` ...) that extractors embed in
  their own patterns, so that every field reads numbers the same way;
* parsers for what those fragments match: ``parse_number`` (one plain numeral), ``parse_scalar``
  (a numeral with a magnitude word or a power of ten), ``parse_quantity`` (a qualified value or
  range, with the spread of a mean ± SD / median [IQR] stripped), and ``find_quantities``.

Text is expected normalised (ASCII punctuation), but full-width forms are tolerated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import cn2an

EN_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "single": 1, "once": 1, "twice": 2, "thrice": 3, "a": 1, "an": 1, "half": 0.5,
}
# magnitude words after a numeral; longest first so that 千万 wins over 万
MAGNITUDES: dict[str, float] = {
    "千万": 1e7, "千萬": 1e7, "百万": 1e6, "百萬": 1e6, "十万": 1e5, "十萬": 1e5,
    "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8,
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
}

# ---- regex fragments (no capturing groups: safe to embed anywhere) ----
# durations in days, as the guideline converts them (week 7, month 30.4375, year 365.25); intervals
# between doses use 1 month = 30 instead (regimen.py)
DURATION_DAYS: dict[str, float] = {
    "年": 365.25, "个月": 30.4375, "個月": 30.4375, "月": 30.4375, "周": 7.0, "週": 7.0, "星期": 7.0,
    "天": 1.0, "日": 1.0, "d": 1.0,
    "year": 365.25, "yr": 365.25, "month": 30.4375, "mo": 30.4375, "week": 7.0, "wk": 7.0, "day": 1.0,
}
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿兩壹贰叁肆伍陆柒捌玖拾佰仟萬億"
CN_NUMBER = f"[{CN_DIGITS}]+"
# Lancet and other journals print the decimal point as a middle dot ("6·9%", "p=0·0006"); a middle dot
# before "10" with an exponent is a multiplication sign ("1·10^6", "1·10(6)"), not a decimal point
MIDDLE_DOT = "\u00b7"
DECIMAL_DOT = rf"(?:\.|{MIDDLE_DOT}(?!10\s*(?:\^|\*\*|[eE]\s*[-−]?\d|\(\s*[-−]?\s*\d{{1,2}}\s*\))))"
ARABIC = rf"\d+(?:,\d{{3}})*(?:{DECIMAL_DOT}\d+)?"
_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_EN_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
EN_NUMBER = (rf"\b(?:(?:{_EN_TENS})(?:[- ](?:{_EN_UNITS}))?|{_EN_TEENS}|{_EN_UNITS}"
             r"|(?:one |a )?hundred)\b")
NUMBER = rf"(?:{ARABIC}|{CN_NUMBER}|{EN_NUMBER})"
MAGNITUDE = r"(?:千万|千萬|百万|百萬|十万|十萬|万|萬|亿|億|\s*\b(?:thousand|millions?|billions?)\b)"
# "× 10^6", "x10e6", "×10 6", "×106" (superscript lost in copy-paste), "E6"
TIMES = r"[x×X*·]"
# "× 10(6)": PubMed's plain-text rendering of a superscript
SCI = (rf"(?:\s*{TIMES}\s*10\s*\(\s*[-−]?\s*\d{{1,2}}\s*\)|\s*{TIMES}\s*10\s*(?:\^|\*\*|e|E)?\s*[-−]?\s*\d{{1,2}}(?!\d)"
       rf"|(?<=\d)[eE][+]?\d{{1,2}}(?!\d))")
POWER = r"(?:10\s*\^\s*\d{1,2}(?!\d))"
SCALAR = rf"(?:{POWER}|(?:{ARABIC}|{CN_NUMBER})(?:{MAGNITUDE})?(?:{SCI})?|{EN_NUMBER}(?:{MAGNITUDE})?)"
RANGE_SEP = r"(?:\s*(?:-|–|—|−|~|～|〜|至|到|—)\s*|\s+(?:to|and)\s+)"
SPREAD = (rf"(?:\s*(?:±|\+/-|\+-)\s*{ARABIC}"
          rf"|\s*[\[(]\s*{ARABIC}(?:\s*(?:-|–|—|,|~|to)\s*{ARABIC})?\s*[\])])")
QUAL_BEFORE = (r"(?:(?:more than|greater than|over|above|at least|in excess of|no less than|up to|"
               r"less than|fewer than|under|below|about|approximately|approx\.|around|nearly|almost|"
               r"roughly|some|~|超过|超過|大于|大於|多于|多於|不少于|不少於|至少|逾|近|约|約|大约|大約|"
               r"将近|將近|接近|少于|少於|不足|小于|小於|高达|高達|达|達)\s*|[>≥<≤]\s*|>=\s*|<=\s*)")
QUAL_AFTER = r"(?:\s*(?:以上|以下|左右|余|餘|多|上下|or more|or less|and above)(?![\d]))"
# "(1-2)×10^6", "(50–100)×10^6"
_BRACKET_RANGE = rf"\(\s*{ARABIC}{RANGE_SEP}{ARABIC}\s*\)(?:{SCI}|{MAGNITUDE})"
RANGE = rf"(?:{_BRACKET_RANGE}|between\s+{SCALAR}\s+and\s+{SCALAR}|{SCALAR}{RANGE_SEP}{SCALAR})"
# a number glued to a letter is part of a name (HbA1c, T2DM, IL-6 is fine: hyphen)
_NOT_IN_WORD = r"(?<![A-Za-z\d.])(?<!\d\u00b7)"
QUANTITY = rf"(?:{QUAL_BEFORE})?{_NOT_IN_WORD}(?:{RANGE}|{SCALAR}(?:{SPREAD})?)(?:{QUAL_AFTER})?"

_ARABIC_RE = re.compile(rf"^{ARABIC}$")
_CN_RE = re.compile(rf"^{CN_NUMBER}$")
_QUANTITY_RE = re.compile(QUANTITY, re.IGNORECASE)
_SCALAR_PARTS = re.compile(
    rf"^(?P<num>{ARABIC}|{CN_NUMBER}|{EN_NUMBER})\s*(?P<mag>{MAGNITUDE})?"
    rf"(?:\s*{TIMES}\s*10\s*(?P<op>\^|\*\*|e|E|\()?\s*(?P<neg>[-−])?\s*(?P<exp>\d{{1,2}})(?(op)\s*\)?)"
    rf"|(?P<e>[eE])[+]?(?P<eexp>\d{{1,2}}))?$", re.IGNORECASE)
_POWER_RE = re.compile(r"^10\s*\^\s*(\d{1,2})$")
_QUAL_NAMES: tuple[tuple[str, str], ...] = (
    # prefix/suffix text -> qualifier flag; "gt" also covers "at least", since texts use them loosely
    (r"^(?:more than|greater than|over|above|in excess of|超过|超過|大于|大於|多于|多於|逾|>)$", "gt"),
    (r"^(?:at least|no less than|不少于|不少於|至少|≥|>=|以上|or more|and above|plus|\+)$", "ge"),
    (r"^(?:less than|fewer than|under|below|少于|少於|不足|小于|小於|<)$", "lt"),
    (r"^(?:up to|高达|高達|≤|<=|以下|or less)$", "le"),
    (r"^(?:about|approximately|approx\.|around|nearly|almost|roughly|some|~|近|约|約|大约|大約|"
     r"将近|將近|接近|左右|余|餘|多|上下)$", "approx"),
)
# a cell count "N×10d" read literally below this (N × 106 = 5300) is a lost superscript (N × 10^6):
# nobody multiplies a cell count by 106
LOST_SUPERSCRIPT_BELOW = 1e6


@dataclass(frozen=True)
class Quantity:
    """A stated value or range: ``low == high`` for a single value."""

    low: float
    high: float
    qualifier: Optional[str] = None   # gt | ge | lt | le | approx (as stated, not applied)
    spread: Optional[float] = None    # the SD / IQR that followed a single value, if any

    @property
    def is_range(self) -> bool:
        return self.low != self.high


def parse_number(s: str) -> Optional[float]:
    """Parse '1,234.5', '三十', '一百零五', '两', 'twelve', '1.5亿' to a float; None if not a number."""
    s = s.strip()
    if not s:
        return None
    if _ARABIC_RE.match(s):
        return float(s.replace(",", "").replace(MIDDLE_DOT, "."))
    low = re.sub(r"\s+", " ", s.lower())
    if low in EN_WORDS:
        return float(EN_WORDS[low])
    parts = re.split(r"[- ]", low)
    if len(parts) == 2 and parts[0] in EN_WORDS and parts[1] in EN_WORDS:  # twenty-four, a hundred
        a, b = EN_WORDS[parts[0]], EN_WORDS[parts[1]]
        return float(a * b if b == 100 else a + b)
    try:
        v = cn2an.cn2an(s.replace("兩", "两").replace("〇", "零").replace("萬", "万").replace("億", "亿"),
                        "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(v)


def as_int(x: Optional[float]) -> Optional[int]:
    """The int value of a whole number, else None."""
    if x is None or x != int(x):
        return None
    return int(x)


def parse_scalar(s: str, *, cells: bool = False) -> Optional[float]:
    """Parse one value with its magnitude: '1.5亿', '5 million', '1 × 10^6', '1E6', '50×106' (cells).

    ``cells`` says the value counts cells: a '×10' glued to one or two digits that would give an
    implausibly small count is a superscript lost in copy-paste ('×106' = ×10^6).
    """
    s = s.strip().replace("，", ",")
    p = _POWER_RE.match(s)
    if p:
        return 10.0 ** int(p.group(1))
    m = _SCALAR_PARTS.match(s)
    if not m:
        return parse_number(s)
    num = m.group("num")
    mag = (m.group("mag") or "").strip().lower()
    if mag and _ARABIC_RE.match(num) is None and re.search(r"[a-z]", num, re.I) is None:
        # Chinese numeral with its own magnitude ("十五亿"): cn2an reads the whole thing
        base = parse_number(num + mag)
        mag = ""
    else:
        base = parse_number(num)
    if base is None:
        return None
    if mag:
        base *= MAGNITUDES[mag]
    if m.group("eexp"):
        return base * 10 ** int(m.group("eexp"))
    if m.group("exp") is None:
        return base
    exp = int(m.group("exp"))
    if m.group("neg"):
        exp = -exp
    explicit = m.group("op") is not None or re.search(r"10\s+\d", s) is not None
    if explicit:
        return base * 10 ** exp
    # "×106": either times 106 or a lost superscript 10^6
    literal = base * float("10" + m.group("exp"))
    if cells and literal < LOST_SUPERSCRIPT_BELOW:
        return base * 10 ** exp
    return literal


def _qualifier(text: str) -> Optional[str]:
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    for rx, name in _QUAL_NAMES:
        if re.match(rx, t):
            return name
    return None


_PREFIX_RE = re.compile(rf"^{QUAL_BEFORE}", re.IGNORECASE)
_SUFFIX_RE = re.compile(rf"{QUAL_AFTER}$", re.IGNORECASE)
_SPREAD_RE = re.compile(rf"{SPREAD}$")
_BRACKET_RE = re.compile(
    rf"^\(\s*(?P<a>{ARABIC}){RANGE_SEP}(?P<b>{ARABIC})\s*\)(?P<mult>(?:{SCI})|{MAGNITUDE})$", re.IGNORECASE)
_BETWEEN_RE = re.compile(rf"^between\s+(?P<a>{SCALAR})\s+and\s+(?P<b>{SCALAR})$", re.IGNORECASE)
_RANGE_RE = re.compile(rf"^(?P<a>{SCALAR}?){RANGE_SEP}(?P<b>{SCALAR})$", re.IGNORECASE)
_TAIL_RE = re.compile(rf"(?P<mag>{MAGNITUDE})?(?P<sci>{SCI})?$", re.IGNORECASE)


def parse_quantity(s: str, *, cells: bool = False) -> Optional[Quantity]:
    """Parse a qualified value or range: '超过300', '7.8 ± 1.2', '1–2', '1亿至20亿', '(1-2)×10^6'.

    A range whose first end lacks the magnitude or power of ten of the second ('50–100×10^6',
    '1.5–2 million') shares it. Mean ± SD and median [IQR] give the central value.
    """
    s = s.strip().replace("（", "(").replace("）", ")").replace("，", ",").replace("～", "~")
    qualifier = None
    pm = _PREFIX_RE.match(s)
    if pm and pm.group(0).strip():
        qualifier = _qualifier(pm.group(0))
        s = s[pm.end():].strip()
    sm = _SUFFIX_RE.search(s)
    if sm and sm.group(0).strip() and sm.start() > 0:
        qualifier = qualifier or _qualifier(sm.group(0))
        s = s[:sm.start()].strip()
    if not s:
        return None
    bm = _BRACKET_RE.match(s)
    if bm:
        mult = parse_scalar("1" + bm.group("mult"), cells=cells) or 1.0
        if not cells and re.fullmatch(rf"\s*{TIMES}\s*10\d{{1,2}}", bm.group("mult")):
            mult = parse_scalar("1" + bm.group("mult"), cells=True) or 1.0
        return _ordered(parse_number(bm.group("a")), parse_number(bm.group("b")), mult, qualifier)
    rm = _BETWEEN_RE.match(s) or _RANGE_RE.match(s)
    if rm and rm.group("a"):
        a_txt, b_txt = rm.group("a"), rm.group("b")
        b = parse_scalar(b_txt, cells=cells)
        a_tail = _TAIL_RE.search(a_txt)
        b_tail = _TAIL_RE.search(b_txt)
        if b is None:
            return None
        if a_tail and not a_tail.group(0) and b_tail and b_tail.group(0):
            # first end shares the second end's multiplier
            a = parse_scalar(a_txt + b_tail.group(0), cells=cells)
        else:
            a = parse_scalar(a_txt, cells=cells)
        if a is not None and a <= b:   # "7.5-7" is not a range; nor is "2019-12"
            return Quantity(a, b, qualifier)
        if not re.fullmatch(rf"{EN_NUMBER}", s, re.IGNORECASE):   # "twenty-four" is one number
            return None
    spread = None
    sp = _SPREAD_RE.search(s)
    if sp and re.search(rf"{TIMES}\s*10\s*$", s[:sp.start()]):
        sp = None   # "1 × 10(6)": the bracket is the exponent, not a spread
    if sp and sp.start() > 0:
        nums = re.findall(ARABIC, sp.group(0))
        spread = parse_number(nums[0]) if nums else None
        s = s[:sp.start()].strip()
    v = parse_scalar(s, cells=cells)
    if v is None:
        return None
    return Quantity(v, v, qualifier, spread)


def _ordered(a: Optional[float], b: Optional[float], mult: float, qualifier: Optional[str]) -> Optional[Quantity]:
    if a is None or b is None or a > b:
        return None
    return Quantity(a * mult, b * mult, qualifier)


def find_quantities(text: str, start: int = 0, end: Optional[int] = None, *,
                    cells: bool = False) -> list[tuple[int, int, Quantity]]:
    """Every quantity in ``text[start:end]`` with its absolute offsets, left to right."""
    end = len(text) if end is None else end
    out: list[tuple[int, int, Quantity]] = []
    for m in _QUANTITY_RE.finditer(text, start, end):
        if not m.group(0).strip():
            continue
        # an English number word inside a longer word ("one" in "someone") is excluded by \b
        q = parse_quantity(m.group(0), cells=cells)
        if q is not None:
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append((s, e, q))
    return out
