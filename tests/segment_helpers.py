"""Shared checks of segmentation tests: which text sits in which study mention."""
from __future__ import annotations

from collections.abc import Sequence


def check_holders(texts: list[str], needles: Sequence[Sequence[str]], absent: Sequence[str] = ()) -> None:
    """One mention per needle group, holding all of its needles (and no other group's mention holds them);
    ``absent`` text is in no mention."""
    assert len(texts) == len(needles), [t[:60] for t in texts]
    for ns in needles:
        holders = [t for t in texts if any(n in t for n in ns)]
        assert len(holders) == 1 and all(n in holders[0] for n in ns), (ns, [t[:80] for t in texts])
    for a in absent:
        assert not any(a in t for t in texts), a
