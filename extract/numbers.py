"""Number parsing shared by all extractors: Arabic, Chinese and English-word numerals.

(First version: single values. Ranges, scientific forms, mean ± SD and magnitudes are added
by the number-parsing work of issue 3.)
"""
from __future__ import annotations

import re
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
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿兩壹贰叁肆伍陆柒捌玖拾佰仟萬億"
CN_NUMBER = f"[{CN_DIGITS}]+"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"

_ARABIC_RE = re.compile(rf"^{ARABIC}$")
_CN_RE = re.compile(rf"^{CN_NUMBER}$")


def parse_number(s: str) -> Optional[float]:
    """Parse '1,234.5', '三十', '一百零五', '两', 'twelve', '1.5亿' to a float; None if not a number."""
    s = s.strip()
    if not s:
        return None
    if _ARABIC_RE.match(s):
        return float(s.replace(",", ""))
    low = s.lower()
    if low in EN_WORDS:
        return float(EN_WORDS[low])
    if "-" in low and all(p in EN_WORDS for p in low.split("-")):  # twenty-four
        return float(sum(EN_WORDS[p] for p in low.split("-")))
    try:
        v = cn2an.cn2an(s.replace("兩", "两").replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(v)


def as_int(x: Optional[float]) -> Optional[int]:
    """The int value of a whole number, else None."""
    if x is None or x != int(x):
        return None
    return int(x)
