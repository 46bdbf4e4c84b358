"""Number parsing shared by all extractors: Arabic, Chinese and English-word numerals.

Numbers are read by small named rules that compose (after facebook/duckling's Numeral rules),
not by one regex per surface form:

* **digit words** - ``CN_DIGIT_VALUES`` (一 .. 九, 两, 〇, financial forms), ``EN_UNIT_WORDS`` ..;
* **multiplier suffixes** - ``CN_SMALL_UNITS`` (十 百 千) inside a section, ``CN_BIG_UNITS`` (万 亿)
  that close one; English ``hundred``/``dozen`` and the scales ``thousand``/``million``/``billion``;
* **compose by multiplication** - a number before a multiplier multiplies it (3万, 两百, 1.5亿);
* **sum of consecutive units** - descending multiplied parts add up (三万四千五百零七, 25万6千,
  3万4000, 2千零30万, "one hundred and twelve", "forty-two");
* **powers of ten** - ``× 10^6``, ``x10e6``, ``2.5E+6``, ``× 10(6)``, a minus sign (``2.48×10−5``), and
  superscripts lost in copy-paste (``×106``, ``0.5 3 106/kg`` where × was printed as 3);
* **qualifiers** - a comparator before or after a value (超过, ≥, "at least", 以上), its negation
  (不超过 = at most, "no fewer than" = at least), "or equal" (大于等于 = ≥), and approximations
  (约, 200余, 500余万, 1000多万, 十几万: the stated base, qualifier ``approx``);
* **ranges** - ``1-2``, ``1至2``, ``between 1 and 2``, ``介于1和2之间``, ``(1~2)×10^6``.

Two layers use them:

* regex fragments (``NUMBER``, ``SCALAR``, ``RANGE``, ``QUANTITY`` ...) that extractors embed in
  their own patterns, so that every field reads numbers the same way (no capturing groups);
* parsers for what those fragments match: ``parse_number`` (one numeral, composed), ``parse_scalar``
  (a numeral with a magnitude word or a power of ten), ``parse_quantity`` (a qualified value or
  range, with the spread of a mean ± SD / median [IQR] stripped), and ``find_quantities``.

Text is expected normalised (ASCII punctuation), but full-width forms are tolerated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional
from .rxcache import rx

# ==== rule: digit words =======================================================================
CN_DIGIT_VALUES: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2, "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
EN_UNIT_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
EN_TEEN_WORDS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# single words read on their own (a lookup, not a composition): "once" and "single" count once
EN_WORDS: dict[str, float] = {
    "zero": 0, **EN_UNIT_WORDS, **EN_TEEN_WORDS, **EN_TENS_WORDS, "hundred": 100, "dozen": 12,
    "single": 1, "once": 1, "twice": 2, "thrice": 3, "a": 1, "an": 1, "half": 0.5,
}

# ==== rule: multiplier suffixes ===============================================================
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
# an unstated digit ("十几万" = 10万 and some, "几十" = some tens): read as the stated base, approx
CN_SOME = "几幾"
# multiplier words after an Arabic or English numeral (1.5 million, 5千万); longest first
MAGNITUDES: dict[str, float] = {
    "千万": 1e7, "千萬": 1e7, "百万": 1e6, "百萬": 1e6, "十万": 1e5, "十萬": 1e5,
    "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8,
    "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
}
EN_SCALE_WORDS: dict[str, int] = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
EN_SMALL_SCALE_WORDS: dict[str, int] = {"hundred": 100, "dozen": 12}

# durations in days, as the guideline converts them (week 7, month 30.4375, year 365.25); intervals
# between doses use 1 month = 30 instead (regimen.py)
DURATION_DAYS: dict[str, float] = {
    "年": 365.25, "个月": 30.4375, "個月": 30.4375, "月": 30.4375, "周": 7.0, "週": 7.0, "星期": 7.0,
    "天": 1.0, "日": 1.0, "d": 1.0,
    "year": 365.25, "yr": 365.25, "month": 30.4375, "mo": 30.4375, "week": 7.0, "wk": 7.0, "day": 1.0,
}

# ==== regex fragments (no capturing groups: safe to embed anywhere) ===========================
_CN_DIGIT_CHARS = "".join(CN_DIGIT_VALUES)
_CN_MULT_CHARS = "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
CN_DIGITS = _CN_DIGIT_CHARS + _CN_MULT_CHARS
# (bounded: a longer run is no number, see MAX_CN_TOKENS; unbounded, a pattern would rescan a long run of
# numerals from each of its positions, quadratic or worse)
# (a Chinese number never opens with 万 or 亿: a lone 萬 is part of a name, "科萬提斯")
CN_NUMBER = f"(?![{''.join(CN_BIG_UNITS)}])[{CN_DIGITS}]{{1,24}}"
# Lancet and other journals print the decimal point as a middle dot ("6·9%", "p=0·0006"); a middle dot
# before "10" with an exponent is a multiplication sign ("1·10^6", "1·10(6)"), not a decimal point
MIDDLE_DOT = "\u00b7"
DECIMAL_DOT = rf"(?:\.|{MIDDLE_DOT}(?!10\s*(?:\^|\*\*|[eE]\s*[-−]?\d|\(\s*[-−]?\s*\d{{1,2}}\s*\))))"
ARABIC = rf"\d+(?:,\d{{3}})*(?:{DECIMAL_DOT}\d+)?"

# Chinese composition: a head (Arabic or Chinese digits, or 几) multiplied by multipliers, then
# further multiplied parts ("25万6千", "2千零30万") and a bare tail that fills the places below the
# last multiplier ("3万4000": four digits below 万); "100万2型" keeps "2型" out (one digit is no tail)
_CN_MULT = f"[{_CN_MULT_CHARS}]"
_CN_ZERO = "[零〇]"
_APPROX_MID = r"(?:余|餘|多|几|幾)"
# a further part: "6千", "零30万", or a Chinese numeral with a multiplier ("3万四千五百零七"; "200万一次" is not)
_CN_MORE = rf"(?:{_CN_ZERO}?\d+{_CN_MULT}+|{_CN_ZERO}?[{_CN_DIGIT_CHARS}]*{_CN_MULT}[{CN_DIGITS}]*)"
_CN_TAIL = (rf"(?:(?:{_CN_ZERO}\d{{1,3}}|(?<=[万萬])\d{{4}}|(?<=[千仟])\d{{3}}|(?<=[百佰])\d{{2}})"
            rf"(?![\d.]|\s*(?:年|型|期|月)))")
# (a Chinese numeral alone is CN_NUMBER; here only with an approximation inside: "五百余万", "十几万")
_ARABIC_COMPOSITE = rf"{ARABIC}{_APPROX_MID}?{_CN_MULT}+{_CN_MORE}*{_CN_TAIL}?"
COMPOSITE = (rf"(?:{_ARABIC_COMPOSITE}"
             rf"|{CN_NUMBER}{_APPROX_MID}{_CN_MULT}+{_CN_MORE}*|[{CN_SOME}][十拾百佰千仟]{_CN_MULT}*)")
# a count as stated, with its digits (no unstated 几: "几十例" is a vague amount): Arabic with multipliers
# ("3万4000", "1.2万", "25万6千") or a Chinese numeral that starts with a digit word or 十 ("三万四千五百零七")
_CN_COUNT_HEAD = "".join(c for c in CN_DIGIT_VALUES if c not in "零〇") + "十拾"
# (the digits before the first multiplier read once, possessively: the ends tried are the same, each once)
COUNT_COMPOSITE = (rf"(?:{_ARABIC_COMPOSITE}|[{_CN_COUNT_HEAD}][{_CN_DIGIT_CHARS}]{{0,23}}+[{_CN_MULT_CHARS}]"
                   rf"[{CN_DIGITS}]{{0,23}})")

# English composition: below 100, hundreds, thousands, dozens ("One hundred and twelve", "forty-two")
_EN_UNITS = "|".join(EN_UNIT_WORDS)
_EN_TEENS = "|".join(EN_TEEN_WORDS)
_EN_TENS = "|".join(EN_TENS_WORDS)
# words of one number never span a line break ("... was one\nhundred" is rare; a table's next row is common)
_SP = r"(?:[^\S\n]+|-)"
_EN_BELOW_100 = rf"(?:(?:{_EN_TENS})(?:{_SP}(?:{_EN_UNITS})\b)?|{_EN_TEENS}|{_EN_UNITS})"
# a head (a word below 100, "a", or "hundred"), then scale words each perhaps followed by a smaller
# number: "one hundred and twelve", "two thousand five hundred", "a hundred and fifty". Two words
# below 100 in a row ("two three") are two numbers; parse_number rejects a sequence out of order.
_EN_SCALE_STEP = rf"(?:,?{_SP}(?:and{_SP})?(?:hundred|thousand)\b(?:,?{_SP}(?:and{_SP})?{_EN_BELOW_100}\b)?)"
# "a dozen" is parsed (parse_number) but not matched: it is an approximation, not a stated count


def _gate(words: "tuple[str, ...] | list[str]") -> str:
    """A lookahead on the first characters of ``words``: a cheap test before a long alternation,
    so that a pattern embedding it does not try every word at every position of a line."""
    first = {c for w in words for c in (w[0].lower(), w[0].upper())}
    return "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])"


EN_NUMBER = (rf"{_gate(list(EN_UNIT_WORDS) + list(EN_TEEN_WORDS) + list(EN_TENS_WORDS) + ['a', 'hundred'])}"
             rf"\b(?:{_EN_BELOW_100}\b|a(?={_SP}(?:hundred|thousand))|hundred\b){_EN_SCALE_STEP}*")
NUMBER = rf"(?:{ARABIC}|{CN_NUMBER}|{EN_NUMBER})"
# (spoken Chinese puts a classifier before 亿: "每针打2个亿的干细胞", "三个億")
MAGNITUDE = r"(?:[个個](?=[亿億])[亿億]|千万|千萬|百万|百萬|十万|十萬|万|萬|亿|億|\s*\b(?:thousand|millions?|billions?)\b)"
# the classifier of a spoken "1个亿", dropped before a number is composed
_SPOKEN_CLASSIFIER = rx(r"(?<=[\d一二两兩三四五六七八九十几幾])\s*[个個](?=\s*[亿億])")

# powers of ten: "× 10^6", "x10e6", "×10 6", "×106" (superscript lost in copy-paste), "E6", "E+6",
# "× 10(6)" (PubMed's plain-text superscript), "×10−5" (a minus sign), and "0.5 3 106" (× printed as 3)
TIMES = r"[x×X*·]"
# an exponent glued to the next table cell ("× 10812.04": 10^8, then the cell 12.04) has one digit
_EXP = r"(?:\d(?=\d{1,3}[.·]\d)|\d{1,2}(?!\d))"
SCI = (rf"(?:\s*{TIMES}\s*10\s*\(\s*[-−]?\s*\d{{1,2}}\s*\)"
       rf"|\s*{TIMES}\s*10\s*(?:\^|\*\*|e|E)?\s*[-−]?\s*{_EXP}"
       rf"|(?<=\d)[eE][+\-−]?\d{{1,2}}(?!\d)"
       rf"|(?<=\d) 3 10[4-9](?![\d.,]))")
# "10^6" alone, but not the tail of "2 × 10^6" whose number a pattern could not take
POWER = r"(?:(?<![x×X*·])(?<![x×X*·]\s)10\s*\^\s*[-−]?\d{1,2}(?!\d))"
SCALAR = (rf"(?:{POWER}|{COMPOSITE}(?:{SCI})?|(?:{ARABIC}|{CN_NUMBER})(?:{MAGNITUDE})?(?:{SCI})?"
          rf"|{EN_NUMBER}(?:{MAGNITUDE})?)")
# (no line break inside a range either: two numbers on two lines are two cells or two rows)
RANGE_SEP = r"(?:[^\S\n]*(?:-|–|—|−|~|～|〜|至|到|—)[^\S\n]*|[^\S\n]+(?:to|and)[^\S\n]+)"
SPREAD = (rf"(?:\s*(?:±|\+/-|\+-)\s*{ARABIC}"
          rf"|\s*[\[(]\s*{ARABIC}(?:\s*(?:-|–|—|,|~|to)\s*{ARABIC})?\s*[\])])")

# ==== rule: comparators, their negation, "or equal", approximations ==========================
# each tuple is data: the words of one qualifier class; negation and "or equal" compose with them
GT_WORDS = ("more than", "greater than", "higher than", "over", "above", "in excess of", "exceeding",
            "超过", "超過", "大于", "大於", "多于", "多於", "高于", "高於", "逾", ">")
LT_WORDS = ("less than", "fewer than", "lower than", "under", "below",
            "少于", "少於", "小于", "小於", "低于", "低於", "<")
GE_WORDS = ("at least", "a minimum of", "no less than", "不少于", "不少於", "至少", "最少", "≥", "⩾", "≧", ">=", "=>")
LE_WORDS = ("up to", "at most", "a maximum of", "最多", "至多", "高达", "高達", "≤", "⩽", "≦", "<=", "=<")
APPROX_WORDS = ("about", "approximately", "approx.", "around", "nearly", "almost", "roughly", "some",
                "~", "近", "约", "約", "大约", "大約", "将近", "將近", "接近")
OTHER_BEFORE = ("达", "達")   # "达300例": reaching, no qualifier
NEGATIONS = ("不", "not", "no")
GE_AFTER = ("以上", "及以上", "或以上", "or more", "or above", "or greater", "and above", "and over")
LE_AFTER = ("以下", "及以下", "或以下", "以内", "以內", "or less", "or fewer", "or below", "and below", "and under")
APPROX_AFTER = ("左右", "上下", "余", "餘", "多", "几", "幾")
# "不足"/"不到" (not reaching): fewer than
LT_NEGATED_WORDS = ("不足", "不到")


def _alt(words: tuple[str, ...]) -> str:
    """An alternation of literal words, longest first, spaces matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_NEG = rf"(?:不|\bnot\s+|\bno\s+)"
_OR_EQUAL = r"(?:\s*(?:或|或者)?等于|\s*或等於|\s*等於|\s+or\s+equal\s+to)"
_CMP = _alt(GT_WORDS + LT_WORDS)
# negated comparators first ("不超过" is not "超过"); then every word, longest first (">=" before ">")
_ALL_BEFORE = _alt(GT_WORDS + LT_WORDS + GE_WORDS + LE_WORDS + LT_NEGATED_WORDS + APPROX_WORDS + OTHER_BEFORE)
_QUAL_WORDS = GT_WORDS + LT_WORDS + GE_WORDS + LE_WORDS + LT_NEGATED_WORDS + APPROX_WORDS + OTHER_BEFORE + NEGATIONS
QUAL_BEFORE = rf"(?:{_gate(_QUAL_WORDS)}(?:{_NEG}(?:{_CMP})|{_ALL_BEFORE})(?:{_OR_EQUAL})?\s*)"
# a comparator alone (no approximation): a limit or a threshold before a value
_CMP_WORDS = GT_WORDS + LT_WORDS + GE_WORDS + LE_WORDS + LT_NEGATED_WORDS
COMPARATOR = rf"(?:{_gate(_CMP_WORDS + NEGATIONS)}(?:{_NEG}(?:{_CMP})|{_alt(_CMP_WORDS)})(?:{_OR_EQUAL})?)"
QUAL_AFTER = rf"(?:\s*(?:{_alt(GE_AFTER + LE_AFTER + APPROX_AFTER)})(?![\d]))"

# "(1-2)×10^6", "(50–100)×10^6"
_BRACKET_RANGE = rf"\(\s*{ARABIC}{RANGE_SEP}{ARABIC}\s*\)(?:{SCI}|{MAGNITUDE})"
# the second end of a range after its first: "至20", " to 2", " and 5" (after "between"), "与10之间"
# (与/和 separate a range only when 之间 closes it, checked by a bounded look-ahead)
_RANGE_TAIL = (rf"(?:{RANGE_SEP}|\s*(?:与|與|和|及)\s*(?=[^,，。;；\n]{{1,24}}?(?:之间|之間))){SCALAR}"
               rf"(?:\s*(?:之间|之間))?")
# "between 3 and 5", "介于5和10之间": a word that announces a range
_RANGE_LEAD = r"(?:(?:\bbetween|介于|介於)\s*)"
RANGE = rf"(?:{_BRACKET_RANGE}|{_RANGE_LEAD}?{SCALAR}{_RANGE_TAIL})"
# a value or a range, the value read once (each SCALAR copy costs compile time and a retry per position)
SCALAR_OR_RANGE = rf"(?:{_BRACKET_RANGE}|{_RANGE_LEAD}?{SCALAR}(?:{_RANGE_TAIL})?)"
# a number glued to a letter is part of a name (HbA1c, T2DM, IL-6 is fine: hyphen)
_NOT_IN_WORD = r"(?<![A-Za-z\d.])(?<!\d\u00b7)"
# a mean ± SD with a power of ten, in its three layouts: "4.9 ± 3.10 × 10^8" (after the spread),
# "(1.2 ± 0.3) × 10^6" (after the bracket), "2.4 × 10^6 ± 0.8 × 10^6" (on both)
_PM = r"(?:±|\+/-|\+-)"
SCI_MEAN_SD = (rf"(?:\(\s*{ARABIC}\s*{_PM}\s*{ARABIC}\s*\){SCI}|{ARABIC}{SCI}\s*{_PM}\s*{ARABIC}(?:{SCI})?"
               rf"|{ARABIC}{SPREAD}{SCI})")
QUANTITY = (rf"(?:{QUAL_BEFORE})?{_NOT_IN_WORD}(?:{_BRACKET_RANGE}|{SCI_MEAN_SD}|{_RANGE_LEAD}?{SCALAR}(?:{_RANGE_TAIL}|{SPREAD})?)"
            rf"(?:{QUAL_AFTER})?")

# a count written with a magnitude or a power of ten ("3 cells" is not): what a cell dose needs
MAGNITUDE_MARK = rx(rf"(?:[万萬亿億]|million|billion|thousand|{TIMES}\s*10|10\s*\^|\d[eE][+]?\d|\d 3 10\d)", re.I)

_ARABIC_RE = rx(rf"^{ARABIC}$")
_CN_RE = rx(rf"^{CN_NUMBER}$")
_QUANTITY_RE = rx(QUANTITY, re.IGNORECASE)
_SCI_TAIL_RE = rx(rf"(?:{SCI})$", re.IGNORECASE)
_SCI_PARTS = rx(
    rf"^(?:\s*{TIMES}\s*10\s*(?P<op>\^|\*\*|e|E|\()?\s*(?P<neg>[-−])?\s*(?P<exp>\d{{1,2}})\s*\)?"
    rf"|[eE](?P<esign>[+\-−])?(?P<eexp>\d{{1,2}})|(?P<lost3> 3 10)(?P<lexp>\d))$", re.IGNORECASE)
_MAG_TAIL_RE = rx(rf"(?P<mag>{MAGNITUDE})$", re.IGNORECASE)
_POWER_RE = rx(r"^10\s*\^\s*([-−]?\d{1,2})$")
_EN_TOKEN = rx(r"[a-z]+")
_APPROX_IN_RE = rx(rf"{_APPROX_MID}(?=[{_CN_MULT_CHARS}])|^[{CN_SOME}]|[{CN_SOME}]$")
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


# ==== composition ============================================================================

MAX_CN_TOKENS = 24   # 一千二百三十四万五千六百七十八亿… is far beyond any count or dose


def _compose_cn(s: str) -> Optional[float]:
    """Compose a Chinese (or mixed Arabic/Chinese) numeral: 三万四千五百零七, 3万4000, 2千零30万, 十几万.

    Rules: a digit word or Arabic number multiplies the multiplier after it; multiplied parts of a
    section (below 万) add up in descending order; 万/亿 close the section and multiply it; 零 only
    fills a gap; 几 (an unstated digit) counts as the base (1 before a multiplier, 0 at the end).
    A digit string without multipliers is read digit by digit (二〇二三 = 2023).
    """
    tokens = re.findall(rf"\d+(?:\.\d+)?|[{_CN_DIGIT_CHARS}]|[{_CN_MULT_CHARS}]|[{CN_SOME}]|余|餘|多", s)
    if "".join(tokens) != s or not tokens:
        return None
    tokens = [t for t in tokens if t not in ("余", "餘", "多")]   # "500余万": an approximation of 500万
    if not tokens or len(tokens) > MAX_CN_TOKENS:
        return None   # "多" alone is no number; nor is a run of numerals longer than any count
    if not any(t in CN_SMALL_UNITS or t in CN_BIG_UNITS for t in tokens):
        if all(t in CN_DIGIT_VALUES for t in tokens):
            return float("".join(str(CN_DIGIT_VALUES[t]) for t in tokens))
        return None
    total = 0.0           # closed sections (万, 亿)
    section = 0.0         # the current section below 万
    pending: Optional[float] = None   # a number waiting for its multiplier
    last_small = 10**5    # the last small unit used in this section (descending order)
    last_big = 10**13
    for i, t in enumerate(tokens):
        if t in CN_DIGIT_VALUES or t[0].isdigit() or t in CN_SOME:
            if t in CN_SOME:
                # "几十" / "几万": one of the base; "十几" / "十几万": the units below 十, none stated
                before_unit = i + 1 < len(tokens) and (tokens[i + 1] in CN_SMALL_UNITS or tokens[i + 1] in CN_BIG_UNITS)
                v = 1.0 if before_unit and (i == 0 or tokens[i - 1] not in CN_SMALL_UNITS) else 0.0
            else:
                v = float(CN_DIGIT_VALUES[t]) if t in CN_DIGIT_VALUES else float(t)
            if pending is not None and pending != 0:
                return None   # two numbers in a row ("3 4")
            pending = v if (pending is None or v != 0) else pending
        elif t in CN_SMALL_UNITS:
            u = CN_SMALL_UNITS[t]
            if u >= last_small:
                return None   # "十百": small units descend within a section
            section += (1.0 if pending is None else pending) * u
            pending, last_small = None, u
        else:
            u = CN_BIG_UNITS[t]
            section += pending or 0.0
            pending = None
            if section == 0:
                section = 1.0 if total == 0 else 0.0
            if u >= last_big:
                total = (total + section) * u   # "一万亿": 亿 multiplies everything before it
            else:
                total += section * u
            section, last_small, last_big = 0.0, 10**5, u
    return total + section + (pending or 0.0)


def _compose_en(s: str) -> Optional[float]:
    """Compose English number words: "one hundred and twelve", "forty-two", "two thousand five", "a dozen"."""
    words = [w for w in _EN_TOKEN.findall(s.lower())]
    if not words or not _EN_TOKEN.sub("", re.sub(r"[\s,-]+", "", s.lower())) == "":
        return None
    total, current = 0.0, 0.0
    last = "start"   # kind of the last word: start | a | unit | teen | tens | small_scale | scale | and
    for w in words:
        if w in ("a", "an") and last == "a" and current == 0.5:
            continue   # "half a dozen"
        if w in ("a", "an", "half"):
            if last not in ("start",):
                return None
            current, last = (0.5 if w == "half" else 1.0), "a"
        elif w == "and":
            if last not in ("small_scale", "scale"):
                return None
            last = "and"
        elif w in EN_UNIT_WORDS or w in EN_TEEN_WORDS or w in EN_TENS_WORDS:
            v = EN_UNIT_WORDS.get(w) or EN_TEEN_WORDS.get(w) or EN_TENS_WORDS[w]
            if last in ("unit", "teen", "a") or (last == "tens" and v >= 10):
                return None   # "two three", "twenty thirty"
            current += v
            last = "unit" if v < 10 else ("teen" if v < 20 else "tens")
        elif w in EN_SMALL_SCALE_WORDS:
            if last == "small_scale":
                return None
            current = (current or 1.0) * EN_SMALL_SCALE_WORDS[w]
            last = "small_scale"
        elif w in EN_SCALE_WORDS:
            total += (current or 1.0) * EN_SCALE_WORDS[w]
            current, last = 0.0, "scale"
        else:
            return None
    if last in ("a", "and"):
        return None
    return total + current


def parse_number(s: str) -> Optional[float]:
    """Parse one numeral to a float: '1,234.5', '三十', '一百零五', '3万4000', 'twelve', 'One hundred and twelve'.

    None if ``s`` is not one number.
    """
    s = _SPOKEN_CLASSIFIER.sub("", s.strip())
    if not s:
        return None
    if _ARABIC_RE.match(s):
        return float(s.replace(",", "").replace(MIDDLE_DOT, "."))
    low = re.sub(r"\s+", " ", s.lower())
    if low in EN_WORDS:
        return float(EN_WORDS[low])
    if re.match(r"^[a-z]", low):
        return _compose_en(low)
    return _compose_cn(s.replace(",", ""))


def as_int(x: Optional[float]) -> Optional[int]:
    """The int value of a whole number, else None."""
    if x is None or x != int(x):
        return None
    return int(x)


def _apply_power(base: float, sci: str, *, cells: bool) -> Optional[float]:
    """``base`` times the power of ten written in ``sci`` (' × 10^6', 'E+6', ' 3 106', '×106')."""
    m = _SCI_PARTS.match(sci)
    if not m:
        return None
    if m.group("lexp"):
        return base * 10 ** int(m.group("lexp"))   # "0.5 3 106": × printed as 3, superscript lost
    if m.group("eexp"):
        exp = int(m.group("eexp"))
        return base * 10.0 ** (-exp if m.group("esign") in ("-", "−") else exp)
    exp = int(m.group("exp"))
    if m.group("neg"):
        return base * 10.0 ** -exp
    explicit = m.group("op") is not None or re.search(r"10\s+\d", sci) is not None
    if explicit:
        return base * 10.0 ** exp
    # "×106": either times 106 or a lost superscript 10^6
    literal = base * float("10" + m.group("exp"))
    if cells and literal < LOST_SUPERSCRIPT_BELOW:
        return base * 10.0 ** exp
    return literal


def parse_scalar(s: str, *, cells: bool = False) -> Optional[float]:
    """Parse one value with its magnitude: '1.5亿', '5 million', '1 × 10^6', '1E6', '2.5E+6', '50×106' (cells).

    ``cells`` says the value counts cells: a '×10' glued to one or two digits that would give an
    implausibly small count is a superscript lost in copy-paste ('×106' = ×10^6).
    """
    s = s.strip().replace("，", ",")
    p = _POWER_RE.match(s)
    if p:
        return 10.0 ** int(p.group(1).replace("−", "-"))
    sci = _SCI_TAIL_RE.search(s)
    if sci and sci.start() > 0:
        base = parse_scalar(s[:sci.start()], cells=False)
        return None if base is None else _apply_power(base, s[sci.start():], cells=cells)
    mag = _MAG_TAIL_RE.search(s)
    if mag and mag.start() > 0:
        head = s[:mag.start()].strip()
        if _ARABIC_RE.match(head) or re.match(r"^[a-z]", head, re.I):
            # "1.5 million", "five million", "5千万": the head times the magnitude word
            base = parse_number(head)
            word = mag.group("mag").strip().lower()
            return None if base is None else base * MAGNITUDES[word]
    return parse_number(s)


def _qualifier(text: str) -> Optional[str]:
    """The qualifier a comparator or approximation word gives: gt | ge | lt | le | approx, or None.

    Composed: a negation flips a comparator (不超过 = le, "no fewer than" = ge) and "or equal"
    makes it inclusive (大于等于 = ge).
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    words = {w.lower() for w in GT_WORDS + LT_WORDS}
    if t in LT_NEGATED_WORDS:
        return "lt"
    neg = False
    for n in NEGATIONS:
        rest = t[len(n):].strip()
        if t.startswith(n) and t != n and rest in words | {w + e for w in words for e in ("等于", "或等于")}:
            neg, t = True, rest
            break
    equal = bool(re.search(r"(?:等于|等於|or equal to)$", t))
    if equal:
        t = re.sub(r"\s*(?:或者|或)?(?:等于|等於)$|\s+or equal to$", "", t)
    table = (((w.lower() for w in GT_WORDS), "gt"), ((w.lower() for w in LT_WORDS), "lt"),
             ((w.lower() for w in GE_WORDS + GE_AFTER), "ge"), ((w.lower() for w in LE_WORDS + LE_AFTER), "le"),
             ((w.lower() for w in APPROX_WORDS + APPROX_AFTER), "approx"))
    name = next((q for ws, q in table if t in set(ws)), None)
    if name is None:
        return None
    if equal:
        name = {"gt": "ge", "lt": "le"}.get(name, name)
    if neg:
        name = {"gt": "le", "lt": "ge", "ge": "lt", "le": "gt"}.get(name, name)
    return name


_PREFIX_RE = rx(rf"^{QUAL_BEFORE}", re.IGNORECASE)
_SUFFIX_RE = rx(rf"{QUAL_AFTER}$", re.IGNORECASE)
_SPREAD_RE = rx(rf"{SPREAD}$")
_SPREAD_SCI_RE = rx(rf"^(?P<v>{ARABIC})(?P<sp>{SPREAD})(?P<sci>{SCI})$", re.IGNORECASE)
_BRACKET_SD_RE = rx(rf"^\(\s*(?P<v>{ARABIC})\s*{_PM}\s*(?P<sd>{ARABIC})\s*\)(?P<sci>{SCI})$", re.IGNORECASE)
_SCI_SD_RE = rx(rf"^(?P<v>{ARABIC}{SCI})\s*{_PM}\s*(?P<sd>{ARABIC})(?P<sdsci>{SCI})?$", re.IGNORECASE)
_BRACKET_RE = rx(
    rf"^\(\s*(?P<a>{ARABIC}){RANGE_SEP}(?P<b>{ARABIC})\s*\)(?P<mult>(?:{SCI})|{MAGNITUDE})$", re.IGNORECASE)
_BETWEEN_RE = rx(rf"^between\s+(?P<a>{SCALAR})\s+and\s+(?P<b>{SCALAR})$", re.IGNORECASE)
_ZH_BETWEEN_RE = rx(
    rf"^(?:介于|介於|在)?\s*(?P<a>{SCALAR})\s*(?:与|與|和|及|至|到|~|-|–|—)\s*(?P<b>{SCALAR})\s*(?:之间|之間)$",
    re.IGNORECASE)
_RANGE_RE = rx(rf"^(?P<a>{SCALAR}?){RANGE_SEP}(?P<b>{SCALAR})$", re.IGNORECASE)
_LEAD_RE = rx(r"^(?:between|介于|介於)\s*", re.IGNORECASE)
_TAIL_RE = rx(rf"(?P<mag>{MAGNITUDE})?(?P<sci>{SCI})?$", re.IGNORECASE)


def parse_quantity(s: str, *, cells: bool = False) -> Optional[Quantity]:
    """Parse a qualified value or range: '超过300', '不超过3', '7.8 ± 1.2', '1–2', '1亿至20亿', '(1-2)×10^6'.

    A range whose first end lacks the magnitude or power of ten of the second ('50–100×10^6',
    '1.5–2 million') shares it. Mean ± SD and median [IQR] give the central value; a power of ten
    after the spread ('4.9 ± 3.1 × 10^8') applies to both.
    """
    s = _SPOKEN_CLASSIFIER.sub("", s.strip()).replace("（", "(").replace("）", ")").replace("，", ",").replace("～", "~")
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
    if qualifier is None and _APPROX_IN_RE.search(s):
        qualifier = "approx"   # "500余万", "1000多万", "十几万": the stated base, approximately
    bm = _BRACKET_RE.match(s)
    if bm:
        mult = parse_scalar("1" + bm.group("mult"), cells=cells) or 1.0
        if not cells and re.fullmatch(rf"\s*{TIMES}\s*10\d{{1,2}}", bm.group("mult")):
            mult = parse_scalar("1" + bm.group("mult"), cells=True) or 1.0
        return _ordered(parse_number(bm.group("a")), parse_number(bm.group("b")), mult, qualifier)
    rm = _BETWEEN_RE.match(s) or _ZH_BETWEEN_RE.match(s) or _RANGE_RE.match(s)
    if rm and rm.group("a"):
        a_txt, b_txt = rm.group("a"), rm.group("b")
        b = parse_scalar(b_txt, cells=cells)
        a_tail = _TAIL_RE.search(a_txt)
        b_tail = _TAIL_RE.search(b_txt)
        if b is not None:
            if a_tail and not a_tail.group(0) and b_tail and b_tail.group(0):
                # first end shares the second end's multiplier
                a = parse_scalar(a_txt + b_tail.group(0), cells=cells)
            else:
                a = parse_scalar(a_txt, cells=cells)
            if a is not None and a <= b:   # "7.5-7" is not a range; nor is "2019-12"
                return Quantity(a, b, qualifier)
        if not re.fullmatch(rf"{EN_NUMBER}", s, re.IGNORECASE):   # "twenty-four" is one number
            return None
    lead = _LEAD_RE.match(s)
    if lead:
        s = s[lead.end():]   # "between 3" without its second end: the value
    bs = _BRACKET_SD_RE.match(s)
    if bs:
        v, sd = parse_number(bs.group("v")), parse_number(bs.group("sd"))
        value = None if v is None else _apply_power(v, bs.group("sci"), cells=cells)
        if value is not None and v and sd is not None:
            return Quantity(value, value, qualifier, sd * value / v)
    cs = _SCI_SD_RE.match(s)
    if cs:
        value = parse_scalar(cs.group("v"), cells=cells)
        sd = parse_scalar(cs.group("sd") + (cs.group("sdsci") or ""), cells=cells)
        if value is not None:
            return Quantity(value, value, qualifier, sd)
    ss = _SPREAD_SCI_RE.match(s)
    if ss:
        v, sd = parse_number(ss.group("v")), parse_number(re.findall(ARABIC, ss.group("sp"))[0])
        value = None if v is None else _apply_power(v, ss.group("sci"), cells=cells)
        if value is not None and v:
            return Quantity(value, value, qualifier, None if sd is None else sd * value / v)
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
