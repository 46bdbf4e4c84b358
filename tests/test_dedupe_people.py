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
]

DIFFERENT = [
    ("Cai J", "Cai M"),              # two initials: two people
    ("Hongkui Deng", "Xiaoming Li"),
    ("邓宏魁", "李明"),
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
