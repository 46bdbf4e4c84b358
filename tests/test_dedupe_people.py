"""One investigator under the keys two reports give: scripts, orders, initials, surnames alone."""
from __future__ import annotations

import pytest

from extract.dedupe.people import person_keys, shared_person

SAME = [
    ("Jinquan Cai", "Cai J", "full"),
    ("邓宏魁", "Hongkui Deng", "full"),
    ("鄧宏魁", "Deng Hongkui", "full"),
    ("Richard K. Burt", "Burt RK", "full"),
    ("Júlio Voltarelli", "Voltarelli JC", "full"),
    ("Voltarelli", "Júlio C. Voltarelli", "surname"),
    ("王", "Wang Li", "surname"),
    # Wade-Giles (Taiwan) and Cantonese (Hong Kong) surnames meet their characters through pinyin
    ("Hsu Wen-yen", "許文彥", "full"),
    ("Wen-yen Hsu", "许文彦", "full"),
    ("Hsu WY", "許文彥", "full"),
    ("Tsai Ming-chang", "蔡明昌", "full"),
    ("Chang Chih-ming", "張志明", "full"),     # Ch of the given name is zh
    ("Kuo Kuang-hui", "郭光輝", "full"),       # K is g
    # Cantonese given names are too far from pinyin (Kwok-wai = 國偉): the surname alone
    ("Chan Kwok-wai", "陳國偉", "surname"),
    ("Wong Siu-ming", "黃小明", "surname"),    # Wong: 黄 or 王, both read
    ("Wong Siu-ming", "王小明", "surname"),
]

DIFFERENT = [
    ("Cai J", "Cai M"),              # two initials: two people
    ("Hongkui Deng", "Xiaoming Li"),
    ("邓宏魁", "李明"),
    ("Hsu Wen-yen", "许明"),          # same surname, another initial
    ("Chan Kwok-wai", "张国伟"),      # Chan is Chen, not Zhang
]


@pytest.mark.parametrize("a,b,kind", SAME)
def test_one_person(a: str, b: str, kind: str) -> None:
    hit = shared_person(person_keys(a), person_keys(b))
    assert hit is not None and hit[0] == kind


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_two_people(a: str, b: str) -> None:
    assert shared_person(person_keys(a), person_keys(b)) is None


@pytest.mark.parametrize("name", ["", "  ", "123", "—"])
def test_no_name_no_key(name: str) -> None:
    assert person_keys(name) == frozenset()
