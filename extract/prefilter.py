"""Cheap pre-check for regex patterns: literal strings at least one of which every match contains.

Scanning a span with ~150 patterns dominates extraction time; most patterns cannot match a span
that lacks their keywords (an English design cue in a Chinese post, an HbA1c pattern in a
paragraph with no HbA1c term). ``required_literals`` derives, from the parsed regex, a set of
strings such that any match must contain one of them; a substring test (C speed) then skips the
pattern. ``None`` means "no usable guarantee": the pattern always runs. The derivation is
conservative: when in doubt it gives up rather than risk skipping a real match.

``anchor`` goes further for patterns whose required literal sits a bounded distance from the match start
(``(?<![A-Za-z])(?:patients|subjects)\\s*…``, "糖化血红蛋白\\s*…"): no match can start more than that distance
before the literal's first occurrence, so the scan starts there (lookbehinds still see the text before it:
``re`` reads the whole string, ``pos`` only moves the first try). ``LiteralIndex`` finds, in one pass over a span (an Aho-Corasick automaton, pyahocorasick; plain substring
tests where it is missing), which of the literals of all registered patterns the span holds; each
pattern's check is then a set intersection instead of its own substring scans, and one span read by
every extractor is sliced, lower-cased and scanned once.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional

try:
    import ahocorasick  # pyahocorasick
except ImportError:  # pragma: no cover - the plain fallback gives the same sets, slower
    ahocorasick = None

try:  # Python >= 3.11
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

Lits = Optional[frozenset[str]]   # None: no guarantee; a set: every match contains one of these
MIN_LEN = 2                        # one-character literals are too common to be worth a check
MAX_ALTERNATIVES = 64
MAX_CLASS = 8                      # a class of up to this many characters is a set of one-character literals


def _seq(items: list, ignore_case: bool, min_len: int = MIN_LEN) -> Lits:
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
        sub = _node(op, av, ignore_case, min_len)
        if sub is not None:
            candidates.append(sub)
    flush()
    for cand in candidates:
        if min(len(s) for s in cand) < min_len or (min_len == 1 and not all(map(_caseless, cand))):
            continue
        if best is None or _quality(cand) > _quality(best):
            best = cand
    return best


def _caseless(s: str) -> bool:
    """A literal a plain substring test finds under any case rule (no cased character, no space)."""
    return s.lower() == s.upper() == s and not any(c.isspace() for c in s)


def _quality(lits: frozenset[str]) -> tuple[int, int]:
    # fewer, longer alternatives make a sharper filter
    return (min(len(s) for s in lits), -len(lits))


def _node(op: object, av: object, ignore_case: bool, min_len: int = MIN_LEN) -> Lits:
    if op is C.SUBPATTERN:
        *_, sub = av  # (group, add_flags, del_flags, pattern)
        add, rem = (av[1], av[2]) if len(av) == 4 else (0, 0)
        ic = (ignore_case or bool(add & re.IGNORECASE)) and not rem & re.IGNORECASE
        return _seq(list(sub), ic, min_len)
    if op is C.IN and min_len == 1 and len(av) <= MAX_CLASS and all(o is C.LITERAL for o, _ in av):
        return frozenset(chr(a).lower() if ignore_case else chr(a) for _, a in av)   # [组組]: one of these
    if op is C.BRANCH:
        _, branches = av
        out: set[str] = set()
        for b in branches:
            lits = _seq(list(b), ignore_case, min_len)
            if lits is None:
                return None
            out |= lits
        return frozenset(out) if len(out) <= MAX_ALTERNATIVES else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _, item = av
        return _seq(list(item), ignore_case, min_len) if lo >= 1 else None
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _seq(list(av), ignore_case, min_len)
    return None  # classes, anchors, lookarounds, backrefs: no literal guarantee


@lru_cache(maxsize=4096)
def parse(regex: str, flags: int):  # -> re._parser.SubPattern | None
    """The parsed regex (parsed once for all the questions below), None when it does not parse."""
    try:
        return P.parse(regex, int(flags))   # an int, as re.compile passes it (RegexFlag arithmetic is slow)
    except re.error:
        return None


def min_width(regex: str, flags: int) -> int:
    """The shortest text a match can be (0: the regex matches an empty string; -1: it does not parse)."""
    parsed = parse(regex, flags)
    return -1 if parsed is None else parsed.getwidth()[0]


@lru_cache(maxsize=4096)
def required_literals(regex: str, flags: int) -> Lits:
    """Strings one of which every match of ``regex`` contains (lower-cased under IGNORECASE), or None."""
    parsed = parse(regex, flags)
    if parsed is None:
        return None
    ignore_case = bool(flags & re.IGNORECASE) or bool(parsed.state.flags & re.IGNORECASE)
    return _seq(list(parsed), ignore_case)


@lru_cache(maxsize=4096)
def required_chars(regex: str, flags: int) -> Optional[frozenset[str]]:
    """For a pattern with no required literal of MIN_LEN: single characters one of which every match contains,
    when each is the same in every case ("=", "%", "组"; a plain substring test then decides), else None."""
    parsed = parse(regex, flags)
    if parsed is None or required_literals(regex, flags) is not None:
        return None
    ignore_case = bool(flags & re.IGNORECASE) or bool(parsed.state.flags & re.IGNORECASE)
    got = _seq(list(parsed), ignore_case, 1)
    return got if got is not None and all(map(_caseless, got)) else None


def _width(items: list) -> int:
    """The longest text a sequence of parsed items can match (C.MAXREPEAT or more: unbounded)."""
    return P.SubPattern(P.State(), items).getwidth()[1] if items else 0


@lru_cache(maxsize=4096)
def anchor(regex: str, flags: int) -> Optional[tuple[frozenset[str], int]]:
    """(literals, reach): every match contains one of ``literals`` (lower-cased under IGNORECASE) and starts
    at most ``reach`` characters before that occurrence's start; None when no literal is that near the start."""
    parsed = parse(regex, flags)
    if parsed is None:
        return None
    ignore_case = bool(flags & re.IGNORECASE) or bool(parsed.state.flags & re.IGNORECASE)
    return _anchor_seq(list(parsed), ignore_case)


def _anchor_seq(items: list, ignore_case: bool) -> Optional[tuple[frozenset[str], int]]:
    """``anchor`` of a sequence of parsed items. A group, an alternation or a repeat taken at least once is
    looked into: its own anchor, from where it starts (an alternation: the union of its alternatives' literals
    and the longest of their reaches, when every alternative has one)."""
    reach = 0   # the longest text the items before the current one can match
    i = 0
    while i < len(items):
        op, av = items[i]
        inner = _anchor_item(op, av, ignore_case)
        if inner is not None and reach + inner[1] < C.MAXREPEAT:
            return inner[0], reach + inner[1]
        if op is C.LITERAL:   # a run of literal characters is one literal
            j = i
            while j < len(items) and items[j][0] is C.LITERAL:
                j += 1
            text = "".join(chr(a) for _, a in items[i:j])
            lits: Lits = frozenset([text.lower() if ignore_case else text])
            end, width = j, j - i
        else:
            lits, end, width = _node(op, av, ignore_case), i + 1, _width(items[i:i + 1])
        reach += width
        if reach >= C.MAXREPEAT:
            return None   # the distance from the start to this literal, or to any later one, is unbounded
        if lits is not None and min(len(x) for x in lits) >= MIN_LEN:
            return lits, reach
        i = end
    return None


def _anchor_item(op: object, av: object, ignore_case: bool) -> Optional[tuple[frozenset[str], int]]:
    """The anchor inside one item, counted from the item's start (None: none, or not looked into)."""
    if op is C.SUBPATTERN:
        *_, sub = av  # type: ignore[misc]
        add, rem = (av[1], av[2]) if len(av) == 4 else (0, 0)  # type: ignore[arg-type,index]
        ic = (ignore_case or bool(add & re.IGNORECASE)) and not rem & re.IGNORECASE
        return _anchor_seq(list(sub), ic)
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _anchor_seq(list(av), ignore_case)  # type: ignore[arg-type]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _, item = av  # type: ignore[misc]
        return _anchor_seq(list(item), ignore_case) if lo >= 1 else None   # the first time starts here
    if op is C.BRANCH:
        lits: set[str] = set()
        reach = 0
        for b in av[1]:  # type: ignore[index]
            got = _anchor_seq(list(b), ignore_case)
            if got is None:
                return None
            lits |= got[0]
            reach = max(reach, got[1])
        return (frozenset(lits), reach) if len(lits) <= MAX_ALTERNATIVES else None
    return None


def may_match(lits: Lits, text: str, lowered: str) -> bool:
    """False only when ``text`` contains none of the required literals."""
    if lits is None:
        return True
    return any(s in lowered for s in lits) or any(s in text for s in lits)


class LiteralIndex:
    """The literals of many patterns, found together: ``present`` is exactly the set of literals ``s``
    with ``s in lowered or s in text``, so ``may_match_in`` answers as ``may_match`` does."""

    def __init__(self) -> None:
        self._literals: set[str] = set()
        self._automaton = None
        self._cased = None   # the literals with upper-case letters: the only ones ``text`` can add

    def add(self, sets: Iterable[Lits]) -> None:
        """Register the literals of some patterns (the automaton is rebuilt when a literal is new)."""
        new = {s for lits in sets if lits is not None for s in lits} - self._literals
        if new:
            self._literals |= new
            self._automaton = None

    @staticmethod
    def _automaton_of(words: Iterable[str]):
        a = ahocorasick.Automaton(ahocorasick.STORE_ANY)
        for s in words:
            a.add_word(s, s)
        a.make_automaton()
        return a

    def _built(self):
        if self._automaton is None and ahocorasick is not None and self._literals:
            self._automaton = self._automaton_of(self._literals)
            cased = [s for s in self._literals if s.lower() != s]
            self._cased = self._automaton_of(cased) if cased else None
        return self._automaton

    def present(self, text: str, lowered: str) -> dict[str, list[int]]:
        """The registered literals that occur in ``lowered`` or in ``text``, each with the sorted indexes where
        its occurrences start (empty when ``lowered`` has another length than ``text``, so other indexes)."""
        a = self._built()
        same = len(lowered) == len(text)
        if a is None:
            found: dict[str, set[int]] = {}
            for s in self._literals:
                for string in (lowered, text):
                    i = string.find(s)
                    while i >= 0:
                        found.setdefault(s, set()).add(i)
                        i = string.find(s, i + 1)
            return {s: sorted(at) if same else [] for s, at in found.items()}
        # a literal equal to its lower case that occurs in ``text`` occurs in ``lowered`` too (at the same index
        # when the lengths agree): ``text`` is searched for the cased literals only
        at_: dict[str, list[int]] = {}
        for end, s in a.iter(lowered):
            at_.setdefault(s, []).append(end - len(s) + 1)   # in order, each once
        if lowered != text and self._cased is not None:
            more: dict[str, set[int]] = {}
            for end, s in self._cased.iter(text):
                more.setdefault(s, set()).add(end - len(s) + 1)
            for s, extra in more.items():
                at_[s] = sorted(extra.union(at_.get(s, ())))
        return at_ if same else {s: [] for s in at_}


def may_match_in(lits: Lits, present: dict[str, int]) -> bool:
    """``may_match`` given the literals a ``LiteralIndex`` found in the text."""
    return lits is None or not lits.isdisjoint(present)


def windows(anchored: Optional[tuple[frozenset[str], int]], present: dict[str, list[int]]
            ) -> Optional[list[tuple[int, int]]]:
    """Where a match can start: merged intervals [lo, hi] of text indexes (None: anywhere)."""
    if anchored is None:
        return None
    lits, reach = anchored
    starts: list[int] = []
    for s in lits:
        at = present.get(s)
        if at is not None:
            if not at:
                return None   # present, positions unknown
            starts.extend(at)
    out: list[tuple[int, int]] = []
    for o in sorted(starts):
        lo = max(0, o - reach)
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], o))
        else:
            out.append((lo, o))
    return out


# --- where a match can start: sre's search loop told which characters to skip ---------------------------
#
# ``re`` searches by trying a full match at every position, unless the compiled pattern's info block names a
# literal prefix or a set of first characters: then a tight C loop skips to the next position holding one of
# them. sre derives that set only when the pattern's very first item is a literal or a class; a pattern that
# opens with a lookaround (``(?<![\d.])\d+…``, the ASCII word boundary of context.zp) or an optional part gets
# none, and is tried at every position. ``first_chars`` derives the set through lookarounds, optional parts
# and alternatives; ``compile_pattern`` puts it into the info block. The pattern's own code is unchanged: the
# set only skips positions where no match can start, so every search, finditer, sub and split finds exactly
# what ``re.compile`` finds (tests/test_prefilter.py checks it pattern by pattern).

Chars = Optional[tuple[frozenset[int], tuple[tuple[int, int], ...], tuple[int, ...]]]   # codepoints, ranges, categories
_UNIVERSAL = None
_MAX_RANGE = 0x30000   # a wider range is as good as "anything"


@lru_cache(maxsize=1)
def _lower_inverse() -> dict[int, tuple[int, ...]]:
    """lower-cased codepoint -> the other codepoints sre lower-cases to it (built once, ~0.1 s)."""
    import _sre

    inv: dict[int, list[int]] = {}
    tolower = _sre.unicode_tolower
    for c in range(0x110000):
        lo = tolower(c)
        if lo != c:
            inv.setdefault(lo, []).append(c)
    return {k: tuple(v) for k, v in inv.items()}


def _case_closure(cps: Iterable[int], unicode: bool) -> set[int]:
    """Every codepoint that sre's IGNORECASE matching lets stand for one of ``cps`` (a superset: the
    characters whose lower case is the lower case of one of them, or of one of its special equivalents)."""
    import _sre

    try:
        from re._casefix import _EXTRA_CASES as fixes  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - Python 3.10
        from sre_compile import _ignorecase_fixes as fixes  # type: ignore[no-redef,attr-defined]
    inv = _lower_inverse()
    tolower = _sre.unicode_tolower if unicode else _sre.ascii_tolower
    out: set[int] = set()
    for c in cps:
        for lo in {c, tolower(c), _sre.unicode_tolower(c)}:
            group = (lo,) + tuple(fixes.get(lo, ()))
            for g in group:
                out.add(g)
                out.update(inv.get(g, ()))
    return out


@lru_cache(maxsize=None)
def _range_closure(lo: int, hi: int, unicode: bool) -> frozenset[int]:
    """The codepoints outside [lo, hi] that stand for one of its characters under IGNORECASE."""
    import _sre

    inv = _lower_inverse()
    cased = [c for c in range(lo, hi + 1) if c in inv or _sre.unicode_tolower(c) != c]
    return frozenset(c for c in _case_closure(cased, unicode) if not lo <= c <= hi)


@lru_cache(maxsize=None)
def _category_closure(cat: object, unicode: bool) -> frozenset[int]:
    """The codepoints outside category ``cat`` whose lower case is in it (IGNORECASE lowers before testing)."""
    import _sre

    probe = re.compile(_CATEGORY_RX[cat], 0 if unicode else re.ASCII)
    tolower = _sre.unicode_tolower if unicode else _sre.ascii_tolower
    return frozenset(c for lo, cs in _lower_inverse().items() for c in cs
                     if probe.match(chr(tolower(c))) and not probe.match(chr(c)))


_CATEGORY_RX = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


def _join(a: Chars, b: Chars) -> Chars:
    if a is None or b is None:
        return None
    return a[0] | b[0], a[1] + b[1], a[2] + b[2]


_EMPTY: Chars = (frozenset(), (), ())


def _first_seq(items: list, flags: int, base_type: int) -> tuple[Chars, bool]:
    """(characters a match of the sequence can start with, whether it can match the empty string)."""
    acc = _EMPTY
    for op, av in items:
        got, nullable = _first_item(op, av, flags, base_type)
        acc = _join(acc, got)
        if acc is None or not nullable:
            return acc, False
    return acc, True


def _first_item(op: object, av: object, flags: int, base_type: int) -> tuple[Chars, bool]:
    ignore = bool(flags & re.IGNORECASE)
    unicode = bool(flags & re.UNICODE)
    if op is C.LITERAL:
        cps = _case_closure([av], unicode) if ignore else {av}   # type: ignore[list-item]
        return (frozenset(cps), (), ()), False
    if op is C.IN:
        cps: set[int] = set()
        ranges: list[tuple[int, int]] = []
        cats: list[int] = []
        for iop, iav in av:  # type: ignore[attr-defined]
            if iop is C.LITERAL:
                cps |= _case_closure([iav], unicode) if ignore else {iav}
            elif iop is C.RANGE:
                lo, hi = iav
                if hi - lo > _MAX_RANGE:
                    return _UNIVERSAL, False
                ranges.append((lo, hi))
                if ignore:
                    cps |= _range_closure(lo, hi, unicode)
            elif iop is C.CATEGORY and iav in _CATEGORY_RX:
                cats.append(iav)
                if ignore:
                    cps |= _category_closure(iav, unicode)
            else:
                return _UNIVERSAL, False   # NEGATE and the rest: (almost) anything
        return (frozenset(cps), tuple(ranges), tuple(cats)), False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _EMPTY, True   # zero width: the next item consumes the first character
    if op is C.SUBPATTERN:
        _, add, rem, sub = av  # type: ignore[misc]
        inner = (flags | add) & ~rem
        if (inner & P.TYPE_FLAGS) != base_type:
            return _UNIVERSAL, False   # another character model inside: not worth following
        return _first_seq(list(sub), inner, base_type)
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first_seq(list(av), flags, base_type)  # type: ignore[arg-type]
    if op is C.BRANCH:
        acc, nullable = _EMPTY, False
        for b in av[1]:  # type: ignore[index]
            got, n = _first_seq(list(b), flags, base_type)
            acc = _join(acc, got)
            if acc is None:
                return _UNIVERSAL, False
            nullable = nullable or n
        return acc, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, hi, item = av  # type: ignore[misc]
        if hi == 0:
            return _EMPTY, True
        got, n = _first_seq(list(item), flags, base_type)
        return got, n or lo == 0
    return _UNIVERSAL, False   # ANY, NOT_LITERAL, backreferences, conditionals


@lru_cache(maxsize=4096)
def first_chars(regex: str, flags: int) -> Chars:
    """(codepoints, ranges, categories): the characters every match of ``regex`` starts with (a superset;
    categories are sre's, in the pattern's character model), or None when a match may start anywhere or be
    empty."""
    parsed = parse(regex, flags)
    if parsed is None:
        return None
    flags = flags | parsed.state.flags
    if flags & re.LOCALE:
        return None
    got, nullable = _first_seq(list(parsed), flags, flags & P.TYPE_FLAGS)
    return None if nullable else got


def _charset_info(first: Chars, lo: int, hi: int, flags: int) -> list[int]:
    """An sre info block naming the first characters (the layout of re._compiler._compile_info)."""
    from re import _compiler as SC  # type: ignore[attr-defined]

    assert first is not None
    items = [(C.LITERAL, c) for c in sorted(first[0])] + [(C.RANGE, r) for r in first[1]]
    items += [(C.CATEGORY, c) for c in dict.fromkeys(first[2])]
    charset, hascased = SC._optimize_charset(items)
    assert not hascased
    code = [C.INFO, 0, C.SRE_INFO_CHARSET, lo, hi]
    SC._compile_charset(charset, flags, code)
    code[1] = len(code) - 1
    return code


Code = tuple[int, list[int], int, dict[str, int], tuple[Optional[str], ...]]   # flags, code, groups, names


def pattern_code(regex: str, flags: int = 0) -> Optional[Code]:
    """What ``_sre.compile`` takes for ``regex`` (``compile_pattern``'s code), or None when it does not parse
    (or this Python's re has no such internals: re.compile is used as it is)."""
    try:
        from re import _compiler as SC  # type: ignore[attr-defined]  # Python >= 3.11
    except ImportError:  # pragma: no cover - Python 3.10
        return None
    flags = int(flags)
    parsed = parse(regex, flags)
    if parsed is None or flags & re.DEBUG:
        return None
    code = SC._code(parsed, flags)
    all_flags = flags | parsed.state.flags
    if code[0] == C.INFO and code[2] == 0 and code[3] > 0:   # no prefix, no charset, no empty match
        first = first_chars(regex, flags)
        if first is not None:
            code = _charset_info(first, code[3], code[4], all_flags) + code[1 + code[1]:]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Optional[str]] = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return int(all_flags), [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def from_code(regex: str, code: Code) -> re.Pattern[str]:
    """The compiled pattern of ``pattern_code``'s result (sre validates the code)."""
    import _sre

    all_flags, ops, groups, groupindex, indexgroup = code
    return _sre.compile(regex, all_flags, list(ops), groups, dict(groupindex), tuple(indexgroup))


def compile_pattern(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(regex, flags)`` from the parse the analyses above share, with the first characters in its
    info block where sre found no prefix of its own (see the section's comment): the same matches, fewer
    positions tried."""
    code = pattern_code(regex, flags)
    if code is not None:
        try:
            return from_code(regex, code)
        except (RuntimeError, TypeError, ValueError, OverflowError):  # pragma: no cover - another sre
            pass
    return re.compile(regex, flags)
