"""Composite durations: a number, a unit, a half, a joiner, a range -> days (week 7, month 30.4375, year 365.25)."""
from __future__ import annotations

import re

import pytest

from extract.durations import DURATION, Duration, parse_duration, timepoint_days
from extract.numbers import parse_number

_RX = re.compile(DURATION, re.IGNORECASE)


def read(text: str) -> tuple[str, Duration | None] | None:
    """The first duration in ``text``: what the fragment matched and what it reads to."""
    m = _RX.search(text)
    return (m.group(0), parse_duration(m.group(0))) if m else None


def days(text: str) -> tuple[float, float] | None:
    r = read(text)
    if r is None or r[1] is None:
        return None
    return (r[1].low, r[1].high)


@pytest.mark.parametrize("text,expected", [
    # one term: Arabic, Chinese, English words
    ("随访12个月", (365.0, 365.0)), ("隨訪12個月", (365.0, 365.0)), ("followed for 12 months", (365.0, 365.0)),
    ("一百零四周", (728.0, 728.0)), ("一百零四週", (728.0, 728.0)), ("one hundred and four weeks", (728.0, 728.0)),
    ("fifteen months", (457.0, 457.0)), ("十五个月", (457.0, 457.0)), ("十五個月", (457.0, 457.0)),
    ("twenty-four weeks", (168.0, 168.0)), ("二十四周", (168.0, 168.0)), ("a 52-week study", (364.0, 364.0)),
    ("2.5 years", (913.0, 913.0)), ("2.5年", (913.0, 913.0)), ("180d", (180.0, 180.0)), ("48週", (336.0, 336.0)),
    ("a year", (365.0, 365.0)), ("an 18-month trial", (548.0, 548.0)),
    # a half
    ("一年半", (548.0, 548.0)), ("a year and a half", (548.0, 548.0)), ("one and a half years", (548.0, 548.0)),
    ("半年", (183.0, 183.0)), ("half a year", (183.0, 183.0)), ("a half-year visit", (183.0, 183.0)),
    ("两个半月", (76.0, 76.0)), ("兩個半月", (76.0, 76.0)), ("two and a half months", (76.0, 76.0)),
    ("two and a half years on", (913.0, 913.0)), ("兩年半", (913.0, 913.0)),
    # a joiner between a larger and a smaller unit
    ("两年零三个月", (822.0, 822.0)), ("兩年零三個月", (822.0, 822.0)), ("2 years and 3 months", (822.0, 822.0)),
    ("2年3个月", (822.0, 822.0)), ("1 year, 6 months", (548.0, 548.0)), ("一年又六个月", (548.0, 548.0)),
    ("3 weeks and 2 days", (23.0, 23.0)),
    # "more than", 余/多/以上: the stated number (guideline)
    ("18个月余", (548.0, 548.0)), ("18個多月", (548.0, 548.0)), ("1年多", (365.0, 365.0)),
    ("三年以上", (1096.0, 1096.0)), ("more than 3 years", (1096.0, 1096.0)),
    # a mean with its SD: the mean
    ("(380±75)天", (380.0, 380.0)), ("(380±75)d", (380.0, 380.0)),
    # ranges: both ends
    ("3-6个月", (91.0, 183.0)), ("6至12個月", (183.0, 365.0)), ("6个月至1年", (183.0, 365.0)),
    ("3 to 6 months", (91.0, 183.0)), ("between 6 and 12 months", (183.0, 365.0)), ("1-2年", (365.0, 730.0)),
])
def test_durations(text, expected):
    assert days(text) == expected


@pytest.mark.parametrize("text,first", [
    # a list of time points stays two durations (English "6 and 12 months" is read as the span of both)
    ("12 months、24 months", "12 months"),
    ("12个月、24个月", "12个月"),
    ("6个月和12个月", "6个月"),
])
def test_lists_are_not_composites(text, first):
    r = read(text)
    assert r is not None and r[0] == first


@pytest.mark.parametrize("text", [
    # no match or no duration: dates, ages, bare words
    "2019年3月", "2010年8月15日", "3月3日", "8周岁", "several months", "每年", "the past year",
])
def test_not_durations(text):
    assert days(text) is None


@pytest.mark.parametrize("text,value", [
    ("one hundred and twelve", 112.0), ("twenty four", 24.0), ("a", 1.0), ("2.5", 2.5), ("more", None),
])
def test_duration_numbers_are_read_by_the_one_number_parser(text, value):
    # durations.py has no number parser of its own: the words its fragments match are read by numbers.py
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value", [
    ("one hundred and twelve days", 112.0), ("a hundred and four weeks", 728.0), ("twenty-four months", 730.0),
    ("叁个月", 91.0), ("一百零四周", 728.0),
])
def test_composed_number_words_in_durations(text, value):
    assert days(text) == (value, value)


@pytest.mark.parametrize("text,value", [
    ("week 12", 84.0), ("Month 6", 183.0), ("M6", 183.0), ("W12", 84.0), ("第52周", 364.0), ("12个月", 365.0),
    ("18 months", 548.0), ("baseline", None),
])
def test_timepoint_days(text, value):
    assert timepoint_days(text) == value


@pytest.mark.parametrize("text,expected", [
    # a range closed by 之间: 与/和 join its ends ("6和12个月" alone is a list of two time points)
    ("随访时间介于6与12个月之间", (183.0, 365.0)), ("隨訪時間介於6與12個月之間", (183.0, 365.0)),
    ("随访6和12个月之间", (183.0, 365.0)), ("followed for between 6 and 12 months", (183.0, 365.0)),
])
def test_ranges_closed_by_zhijian(text, expected):
    assert days(text) == expected


def test_a_list_without_zhijian_is_no_range():
    assert days("在6和12个月时评估") != (183.0, 365.0)
