"""Number parsing: numerals, magnitudes, powers of ten, ranges, spreads, qualifiers."""
from __future__ import annotations

import pytest

from extract.numbers import Quantity, as_int, find_quantities, parse_number, parse_quantity, parse_scalar


@pytest.mark.parametrize("text,expected", [
    ("1,234.5", 1234.5), ("两", 2), ("三十", 30), ("一百零五", 105), ("twelve", 12),
    ("twenty-four", 24), ("兩", 2), ("", None), ("abc", None),
    # no match: an approximation word alone, a run of numerals longer than any count (found by fuzzing)
    ("多", None), ("余", None), ("两" * 400, None),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text,cells,expected", [
    ("1.5亿", False, 1.5e8), ("2千万", False, 2e7), ("5万", False, 5e4), ("210亿", False, 2.1e10),
    ("十五億", False, 1.5e9), ("1×10^6", False, 1e6), ("1 x 10^6", False, 1e6), ("1x10e6", False, 1e6),
    ("1E6", False, 1e6), ("1.0 × 10^8", False, 1e8), ("10^6", False, 1e6), ("5 million", False, 5e6),
    ("2.5 billion", False, 2.5e9),
    # a superscript lost in copy-paste, read as a power only for cell counts
    ("50×106", True, 5e7), ("3×107", True, 3e7), ("50×106", False, 5300),
    # PubMed's plain text writes a superscript in brackets
    ("1 × 10(6)", True, 1e6), ("1x10(8)", False, 1e8), ("5 × 10(-3)", False, 5e-3),
])
def test_parse_scalar(text, cells, expected):
    assert parse_scalar(text, cells=cells) == pytest.approx(expected)


@pytest.mark.parametrize("text,cells,low,high,qualifier", [
    ("1–2", False, 1, 2, None), ("1-2", False, 1, 2, None), ("1~2", False, 1, 2, None),
    ("1至2", False, 1, 2, None), ("1到2", False, 1, 2, None), ("between 1 and 2", False, 1, 2, None),
    ("1 to 2", False, 1, 2, None), ("1亿至20亿", False, 1e8, 2e9, None),
    ("(1-2)×10^6", False, 1e6, 2e6, None), ("50–100×106", True, 5e7, 1e8, None),
    ("50 to 100 million", True, 5e7, 1e8, None), ("7.8 ± 1.2", False, 7.8, 7.8, None),
    ("7.50 [1.40]", False, 7.5, 7.5, None), ("7.5 (6.8-8.2)", False, 7.5, 7.5, None),
    ("more than 300", False, 300, 300, "gt"), ("超过300", False, 300, 300, "gt"),
    ("300以上", False, 300, 300, "ge"), ("at least 20", False, 20, 20, "ge"),
    ("约50", False, 50, 50, "approx"), ("近3", False, 3, 3, "approx"), ("about 40", False, 40, 40, "approx"),
    ("逾200", False, 200, 200, "gt"), ("20多", False, 20, 20, "approx"),
    ("(1-2)×10(6)", True, 1e6, 2e6, None), ("(1~2)×10^6", True, 1e6, 2e6, None), ("5千万", True, 5e7, 5e7, None),
    ("0.5 million", True, 5e5, 5e5, None), ("100万", True, 1e6, 1e6, None),
    # a bracket after a plain value is still its spread
    ("7.8 (1.2)", False, 7.8, 7.8, None),
])
def test_parse_quantity(text, cells, low, high, qualifier):
    q = parse_quantity(text, cells=cells)
    assert q is not None
    assert (q.low, q.high, q.qualifier) == (pytest.approx(low), pytest.approx(high), qualifier)


@pytest.mark.parametrize("text", [
    # no match: a date, a reversed pair, text
    "2019-12", "7.5-7", "patients",
])
def test_parse_quantity_no_match(text):
    assert parse_quantity(text) is None


def test_spread_is_kept():
    assert parse_quantity("7.77±0.10") == Quantity(7.77, 7.77, None, 0.10)


def test_as_int():
    assert as_int(3.0) == 3 and as_int(3.5) is None and as_int(None) is None


def test_find_quantities_offsets_and_names():
    text = "HbA1c>7% in T2DM; 共纳入172例, (1-2)×10^6/kg"
    found = find_quantities(text)
    values = [(text[s:e], q.low, q.qualifier) for s, e, q in found]
    # digits inside names (HbA1c, T2DM) are not numbers
    assert values == [(">7", 7, "gt"), ("172", 172, None), ("(1-2)×10^6", 1e6, None)]


def test_find_quantities_words_and_lost_superscript():
    text = "twenty-four patients received 50–100×106 cells"
    found = find_quantities(text, cells=True)
    assert [(q.low, q.high) for _, _, q in found] == [(24, 24), (5e7, 1e8)]


# ---- blind2 phenomena: the middle-dot decimal point (Lancet style), shown on our own strings ----
@pytest.mark.parametrize("text,expected", [
    ("6·9", 6.9), ("0·0006", 0.0006), ("21·8", 21.8), ("1,234·5", 1234.5), ("7·50", 7.5),
])
def test_middle_dot_decimal(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text,cells,low,high", [
    ("9·7–33·9", False, 9.7, 33.9),                       # a range of middle-dot decimals
    ("2·5 × 10^6", True, 2.5e6, 2.5e6),                    # a middle-dot decimal with a power of ten
    ("1·5亿", True, 1.5e8, 1.5e8),
    ("6·9 ± 0·8", False, 6.9, 6.9),
    # trap: a middle dot before "10" with an exponent is a multiplication sign, not a decimal point
    ("1·10^6", True, 1e6, 1e6), ("3·10(8)", True, 3e8, 3e8),
])
def test_middle_dot_quantities(text, cells, low, high):
    q = parse_quantity(text, cells=cells)
    assert q is not None and (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


def test_middle_dot_in_text():
    text = "HbA1c 6·9% vs 7·6%; 糖化血红蛋白7·2%; p=0·0006; risk ratio 1·10 (95% CI 0·61–1·91)"
    found = [(text[s:e], q.low) for s, e, q in find_quantities(text)]
    assert ("6·9", 6.9) in found and ("7·6", 7.6) in found and ("7·2", 7.2) in found
    assert ("1·10", 1.1) in found                          # trap: "1·10 (95%" is a decimal, not ×10
    assert all(v != 9 for _, v in found)                   # no digit after a middle dot read on its own
    bullet = "· 12 patients;·20 participants"             # a middle dot as a list bullet is not a decimal point
    assert [q.low for _, _, q in find_quantities(bullet)] == [12, 20]


# ---- composition (issue 10): digit words x multipliers, summed in descending order ----
@pytest.mark.parametrize("text,expected", [
    # zh / zh-Hant: a digit word before a multiplier multiplies it, consecutive parts add up
    ("三万四千五百零七", 34507), ("三萬四千五百零七", 34507), ("两百", 200), ("兩百", 200),
    ("二千零三十万", 20300000), ("一亿零一万", 100010000), ("一億零一萬", 100010000), ("十五", 15),
    ("一百一十", 110), ("一千零一十", 1010), ("百万", 1e6), ("一万亿", 1e12), ("贰佰", 200),
    # mixed Arabic / Chinese
    ("3万4000", 34000), ("3萬4000", 34000), ("25万6千", 256000), ("25萬6千", 256000),
    ("2千零30万", 20300000), ("1.5亿", 1.5e8), ("1.5億", 1.5e8), ("1亿3千万", 1.3e8), ("3万四千五百零七", 34507),
    ("100万两千", 1002000), ("1,000万", 1e7),
    # a digit string without multipliers is read digit by digit (a year)
    ("二〇二三", 2023), ("二零一九", 2019),
    # en: compound number words
    ("One hundred and twelve", 112), ("two hundred and five", 205), ("forty-two", 42), ("forty two", 42),
    ("a hundred and fifty", 150), ("two thousand five hundred", 2500), ("three thousand, four hundred and one", 3401),
    ("fifteen hundred", 1500), ("a dozen", 12), ("two dozen", 24), ("half a dozen", 6),
])
def test_composed_numbers(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    # no match: numbers in a row without a multiplier, units out of order, words that are not numbers
    "3 4", "十百", "two three", "twenty thirty", "one and", "and one", "hundred hundred", "someone", "三4",
])
def test_not_one_number(text):
    assert parse_number(text) is None


# ---- approximations keep the stated base; comparators, their negation and "or equal" ----
@pytest.mark.parametrize("text,low,qualifier", [
    ("200余", 200, "approx"), ("200餘", 200, "approx"), ("500余万", 5e6, "approx"), ("500餘萬", 5e6, "approx"),
    ("1000多万", 1e7, "approx"), ("十几万", 1e5, "approx"), ("十幾萬", 1e5, "approx"), ("几十万", 1e5, "approx"),
    ("十几", 10, "approx"), ("二十几", 20, "approx"), ("约500余万", 5e6, "approx"), ("about 30", 30, "approx"),
    ("more than 30", 30, "gt"), ("超过30", 30, "gt"), ("超過30", 30, "gt"), ("逾30", 30, "gt"), (">30", 30, "gt"),
    ("不超过3", 3, "le"), ("不超過3", 3, "le"), ("不多于3", 3, "le"), ("不大于3", 3, "le"), ("不高于3", 3, "le"),
    ("no more than 3", 3, "le"), ("not more than 3", 3, "le"), ("no greater than 3", 3, "le"),
    ("不小于30", 30, "ge"), ("不小於30", 30, "ge"), ("不少于30", 30, "ge"), ("不低于30", 30, "ge"),
    ("no fewer than 20", 20, "ge"), ("not less than 20", 20, "ge"), ("no less than 20", 20, "ge"),
    (">=5", 5, "ge"), ("≥5", 5, "ge"), ("≥ 5", 5, "ge"), ("<=5", 5, "le"), ("≤5", 5, "le"),
    ("大于等于5", 5, "ge"), ("大于或等于5", 5, "ge"), ("小于等于5", 5, "le"), ("greater than or equal to 7", 7, "ge"),
    ("less than or equal to 7", 7, "le"), ("at least 20", 20, "ge"), ("至少20", 20, "ge"), ("up to 4", 4, "le"),
    ("至多3", 3, "le"), ("不足10", 10, "lt"), ("不到10", 10, "lt"), ("fewer than 10", 10, "lt"),
    ("30以上", 30, "ge"), ("30 or more", 30, "ge"), ("30以下", 30, "le"), ("30以内", 30, "le"), ("30 or fewer", 30, "le"),
    ("30左右", 30, "approx"),
])
def test_qualified_values(text, low, qualifier):
    q = parse_quantity(text)
    assert q is not None and (q.low, q.qualifier) == (pytest.approx(low), qualifier)


# ---- ranges: X与Y之间 / 介于X和Y之间 / between X and Y ----
@pytest.mark.parametrize("text,low,high", [
    ("5与10之间", 5, 10), ("5與10之間", 5, 10), ("介于5和10之间", 5, 10), ("介於5和10之間", 5, 10),
    ("在1到2之间", 1, 2), ("between 3 and 5", 3, 5), ("between 1 and 2 million", 1e6, 2e6),
    ("between three and five", 3, 5), ("7 − 11 × 106", 7e6, 1.1e7),
])
def test_ranges(text, low, high):
    q = parse_quantity(text, cells=True)
    assert q is not None and (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


# ---- powers of ten: a minus sign, E notation, lost superscripts, a spread before the power ----
@pytest.mark.parametrize("text,cells,expected", [
    ("2.48×10−5", False, 2.48e-5), ("2.48 × 10-5", False, 2.48e-5), ("10^-3", False, 1e-3), ("10^−3", False, 1e-3),
    ("2.5E+6", True, 2.5e6), ("2.5e+6", True, 2.5e6), ("2.5E-6", False, 2.5e-6), ("1 x 10e6", True, 1e6),
    ("1 X 10^6", True, 1e6), ("1 × 10 6", False, 1e6),
    # × printed as "3" and the superscript lost ("0.5 3 106/kg"): a power of ten
    ("0.5 3 106", True, 5e5), ("1.5 3 107", True, 1.5e7),
    ("106.8 × 106", True, 1.068e8), ("2.75 × 106", True, 2.75e6),
])
def test_powers_of_ten(text, cells, expected):
    assert parse_scalar(text, cells=cells) == pytest.approx(expected)


def test_spread_before_the_power_of_ten():
    q = parse_quantity("4.9 ± 3.10 × 108", cells=True)
    assert q is not None and q.low == pytest.approx(4.9e8) and q.spread == pytest.approx(3.1e8)
    q = parse_quantity("2.6 ± 1.2 × 10^7")
    assert q is not None and q.low == pytest.approx(2.6e7)


@pytest.mark.parametrize("text,expected", [
    ("共纳入3万4000例患者", [("3万4000", 34000)]),
    ("共納入3萬4000例患者", [("3萬4000", 34000)]),
    # trap: a type after a multiplier is no tail ("100万2型糖尿病患者" is 100万 and type 2)
    ("全国有100万2型糖尿病患者", [("100万", 1e6), ("2", 2)]),
    ("二〇二三年共200余例,约500余万元", [("二〇二三", 2023), ("200余", 200), ("约500余万", 5e6)]),
    ("One hundred and twelve patients with type 2 diabetes", [("One hundred and twelve", 112), ("2", 2)]),
    ("HbA1c不超过7.0%的患者不少于30例", [("不超过7.0", 7.0), ("不少于30", 30)]),
    ("HbA1c ≥7.0% and <=10%", [("≥7.0", 7.0), ("<=10", 10)]),
    ("p = 2.48×10−5", [("2.48×10−5", 2.48e-5)]),
    # trap: "two" and "three" in a row are two numbers, "someone" is none
    ("someone had two three-day visits", [("two", 2), ("three", 3)]),
    # "a dozen" is an approximation, not a stated count; "between" with one end is the value
    ("about a dozen patients", []),
    ("between 3 and 5 infusions", [("between 3 and 5", 3)]),
    ("介于5和10之间", [("介于5和10之间", 5)]),
    ("3和5例", [("3", 3), ("5", 5)]),                      # trap: 和 is a list, not a range, without 之间
    ("two thousand five hundred patients", [("two thousand five hundred", 2500)]),
    # a line break ends a number and a range: the next line is another cell or row
    ("Accepted: 2019\nForty patients", [("2019", 2019), ("Forty", 40)]),
    ("followed for 3\n-\n6 months", [("3", 3), ("6", 6)]),
])
def test_find_quantities_composed(text, expected):
    found = [(text[s:e], q.low) for s, e, q in find_quantities(text, cells=True)]
    assert found == [(t, pytest.approx(v)) for t, v in expected]
