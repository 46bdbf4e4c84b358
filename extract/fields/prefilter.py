"""Cheap pre-check for regex patterns: literal strings at least one of which every match contains.

Scanning a span with ~150 patterns dominates extraction time; most patterns cannot match a span
that lacks their keywords (an English design cue in a Chinese post, an HbA1c pattern in a
paragraph with no HbA1c term). ``required_literals`` derives, from the parsed regex, a set of
strings such that any match must contain one of them; a substring test (C speed) then skips the
pattern. ``None`` means "no usable guarantee": the pattern always runs. The derivation is
conservative: when in doubt it gives up rather than risk skipping a real match.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

try:  # Python >= 3.11
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

Lits = Optional[frozenset[str]]   # None: no guarantee; a set: every match contains one of these
MIN_LEN = 2                        # one-character literals are too common to be worth a check
MAX_ALTERNATIVES = 64


def _seq(items: list, ignore_case: bool) -> Lits:
    """Required literals of a sequence: the best of its runs of literal characters and its items."""
    best: Lits = None
    run: list[str] = []
    candidates: list[frozenset[str]] = []

    def flush() -> None:
        if len(run) >= 1:
            candidates.append(frozenset(["".join(run)]))
        run.clear()

    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av)
            run.append(ch.lower() if ignore_case else ch)
            continue
        flush()
        sub = _node(op, av, ignore_case)
        if sub is not None:
            candidates.append(sub)
    flush()
    for cand in candidates:
        if min(len(s) for s in cand) < MIN_LEN:
            continue
        if best is None or _quality(cand) > _quality(best):
            best = cand
    return best


def _quality(lits: frozenset[str]) -> tuple[int, int]:
    # fewer, longer alternatives make a sharper filter
    return (min(len(s) for s in lits), -len(lits))


def _node(op: object, av: object, ignore_case: bool) -> Lits:
    if op is C.SUBPATTERN:
        *_, sub = av  # (group, add_flags, del_flags, pattern)
        add, rem = (av[1], av[2]) if len(av) == 4 else (0, 0)
        ic = (ignore_case or bool(add & re.IGNORECASE)) and not rem & re.IGNORECASE
        return _seq(list(sub), ic)
    if op is C.BRANCH:
        _, branches = av
        out: set[str] = set()
        for b in branches:
            lits = _seq(list(b), ignore_case)
            if lits is None:
                return None
            out |= lits
        return frozenset(out) if len(out) <= MAX_ALTERNATIVES else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _, item = av
        return _seq(list(item), ignore_case) if lo >= 1 else None
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _seq(list(av), ignore_case)
    return None  # classes, anchors, lookarounds, backrefs: no literal guarantee


@lru_cache(maxsize=4096)
def required_literals(regex: str, flags: int) -> Lits:
    """Strings one of which every match of ``regex`` contains (lower-cased under IGNORECASE), or None."""
    try:
        parsed = P.parse(regex, flags)
    except re.error:
        return None
    ignore_case = bool(flags & re.IGNORECASE) or bool(parsed.state.flags & re.IGNORECASE)
    return _seq(list(parsed), ignore_case)


def may_match(lits: Lits, text: str, lowered: str) -> bool:
    """False only when ``text`` contains none of the required literals."""
    if lits is None:
        return True
    return any(s in lowered for s in lits) or any(s in text for s in lits)
