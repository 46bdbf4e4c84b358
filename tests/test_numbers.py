"""Number parsing: numerals, magnitudes, powers of ten, ranges, spreads, qualifiers."""
from __future__ import annotations

import pytest

from extract.numbers import Quantity, as_int, find_quantities, parse_number, parse_quantity, parse_scalar


@pytest.mark.parametrize("text,expected", [
    ("1,234.5", 1234.5), ("两", 2), ("三十", 30), ("一百零五", 105), ("twelve", 12),
    ("twenty-four", 24), ("兩", 2), ("", None), ("abc", None),
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
