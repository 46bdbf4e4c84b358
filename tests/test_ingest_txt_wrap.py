"""Hard-wrapped text copied or OCR'd from a PDF and saved as .txt: words broken across line ends are joined again."""
from __future__ import annotations

import pytest

from extract.ingest.txt import undo_line_hyphenation

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
    out = undo_line_hyphenation(WRAPPED)
    assert joined in out


@pytest.mark.parametrize("text", [
    "HbA1c fell from 8.5-\n7.0% in a year. A long-\nterm study. Type-\n2 diabetes.",   # ranges, capitals and digits
    "One broken word only: partici-\npants, the rest is not wrapped.",                    # fewer than three breaks
    "糖化血红蛋白由8.5%-\n降至7.0%。",
])
def test_texts_that_are_not_hard_wrapped_stay(text: str) -> None:
    # no match
    assert undo_line_hyphenation(text) == text
