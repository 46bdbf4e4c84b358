"""Hard-wrapped text copied or OCR'd from a PDF and saved as .txt: words broken across line ends are joined again
(normalise.py, step 8b, with the PDF reader's hyphen rule)."""
from __future__ import annotations

import pytest

from extract.normalise import normalise

WRAPPED = ("Results Seventeen trials with 906 partici-\npants were included (umbilical cord, 9 trials; adi-\npose, 2).\n"
           "Random-effects meta-analy-\nsis was used; bone-marrow-derived cells were given in ran-\ndomised trials of "
           "marrow-\nderived cells.")


@pytest.mark.parametrize("broken, joined", [
    ("906 partici-\npants", "906 participants"),
    ("adi-\npose", "adipose"),
    ("meta-analy-\nsis", "meta-analysis"),
    ("ran-\ndomised", "randomised"),
    ("marrow-\nderived", "marrow-derived"),      # the document writes "bone-marrow-derived": the hyphen stays
])
def test_broken_words_are_joined(broken: str, joined: str) -> None:
    out = normalise(WRAPPED).text
    assert joined in out


def test_a_compound_broken_at_its_hyphen_keeps_it() -> None:
    assert "A long-term study" in normalise("HbA1c fell in a year. A long-\nterm study.").text


@pytest.mark.parametrize("text", [
    "HbA1c fell from 8.5-\n7.0% in a year. Type-\n2 diabetes.",   # ranges and digits
    "糖化血红蛋白由8.5%-\n降至7.0%。",
])
def test_line_breaks_that_break_no_word_stay(text: str) -> None:
    # no match
    assert normalise(text).text == text
