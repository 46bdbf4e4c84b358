"""The study period (enrolment or conduct, to the month) a mention states, as a linking key.

A trial's registry record and its paper, and news retelling the paper, give the same months: "Between
January 2009 and December 2010, 42 patients were randomized" / "Study Start Date: January 2009 …
Primary Completion Date: December 2010" / "2009年1月至2010年12月,共纳入42例患者". Two studies seldom
share a start month and an end month, so an agreeing period identifies a study where no id is shared.
Only month precision counts (a bare "between 2009 and 2010" is shared by many studies).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..fields.context import zp

YM = tuple[int, int]   # (year, month)

MONTHS = {m: i + 1 for i, ms in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec"))) for m in ms}
_MONTH_EN = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# a month of a year: "January 2009", "Jan. 15, 2009", "2009年1月(15日)", "2009-01(-15)", "2009.1"
_EN_DATE = rf"(?P<@M>{_MONTH_EN})\s+(?:\d{{1,2}},?\s+)?(?P<@Y>{_YEAR})"
_ZH_DATE = rf"(?P<@Y>{_YEAR})\s*年\s*(?P<@M>\d{{1,2}})\s*月(?:\s*\d{{1,2}}\s*[日号])?"
_NUM_DATE = rf"(?P<@Y>{_YEAR})[-./](?P<@M>[01]?\d)(?:[-./][0-3]?\d)?(?!\d)"
_ZH_END = rf"(?:(?P<@Y>{_YEAR})\s*年\s*)?(?P<@M>\d{{1,2}})\s*月(?:\s*\d{{1,2}}\s*[日号])?"   # "…至12月": the year of the start


def _d(form: str, y: str, m: str) -> str:
    return form.replace("@Y", y).replace("@M", m)


_TO = r"\s*(?:to|until|till|through|and|[-–—~～])\s*"
_TO_ZH = r"\s*(?:至|到|[-–—~～])\s*"
_TO_NUM = r"\s*(?:至|到|to|and|[-–—~～])\s*"

PERIOD_PATTERNS = (
    zp("period__en", rf"\b(?:between|from|during|in the period)?\s*{_d(_EN_DATE, 'y1', 'm1')}{_TO}{_d(_EN_DATE, 'y2', 'm2')}",
       examples=("Between January 2009 and December 2010, 42 patients with T1D were randomized.",
                 "Patients were enrolled from Mar. 2015 to June 2017.", "(recruited March 3, 2015 – June 30, 2017)")),
    zp("period__zh", rf"{_d(_ZH_DATE, 'y1', 'm1')}{_TO_ZH}{_d(_ZH_END, 'y2', 'm2')}",
       examples=("2009年1月至2010年12月,共纳入42例1型糖尿病患者。", "自2015年3月到2017年6月，收治患者60例。",
                 "於2018年5月至11月間招募受試者。")),
    zp("period__num", rf"(?<![\d.]){_d(_NUM_DATE, 'y1', 'm1')}{_TO_NUM}{_d(_NUM_DATE, 'y2', 'm2')}",
       examples=("研究实施时间:从 2015-03-01 至 2017-06-30", "2015.03–2017.06 期间入组")),
    # a registry record's labelled dates
    zp("start__registry", rf"\b(?:study start|start date|study start date)\b[^\n\d]{{0,20}}?(?:{_d(_EN_DATE, 'y1', 'm1')}|{_d(_NUM_DATE, 'y3', 'm3')})",
       examples=("Study Start Date : | January 2009 |", "Study Start (Actual) 2009-01-05")),
    zp("end__registry", rf"\b(?:primary completion|study completion|completion date)\b[^\n\d]{{0,30}}?(?:{_d(_EN_DATE, 'y2', 'm2')}|{_d(_NUM_DATE, 'y4', 'm4')})",
       examples=("Actual Primary Completion Date : | December 2010 |",)),
    zp("start__zh_registry", rf"(?:研究实施时间|研究开始(?:时间|日期)|开始(?:时间|日期))[^\n\d]{{0,6}}{_d(_NUM_DATE, 'y1', 'm1')}",
       examples=("研究开始时间:2015-03-01",)),
)


@dataclass(frozen=True, slots=True)
class Period:
    """The start months and end months a mention gives (a registry gives two ends: primary and study)."""

    starts: frozenset[YM] = frozenset()
    ends: frozenset[YM] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.starts)


def _month(s: Optional[str]) -> Optional[int]:
    if s is None:
        return None
    m = MONTHS.get(s.lower().rstrip(".")) if not s.isdigit() else int(s)
    return m if m and 1 <= m <= 12 else None


def _ym(m: re.Match[str], y: str, mo: str) -> Optional[YM]:
    gd = m.groupdict()
    month = _month(gd.get(mo))
    year = gd.get(y)
    return (int(year), month) if year and month else None


def study_period(text: str) -> Period:
    """Every month-precise study period of ``text`` (empty: none stated)."""
    starts: set[YM] = set()
    ends: set[YM] = set()
    for p in PERIOD_PATTERNS:
        for m in p.compiled.finditer(text):
            a = _ym(m, "y1", "m1") or _ym(m, "y3", "m3")
            gd = m.groupdict()
            if "y2" in gd and gd.get("m2") and not gd.get("y2") and a:
                b: Optional[YM] = (a[0], _month(gd["m2"]) or 0)   # "2018年5月至11月": the start's year
                b = b if b[1] else None
            else:
                b = _ym(m, "y2", "m2") or _ym(m, "y4", "m4")
            if a and b and b < a:
                continue                  # not a period (two unrelated dates)
            if a:
                starts.add(a)
            if b:
                ends.add(b)
    return Period(frozenset(starts), frozenset(ends))
