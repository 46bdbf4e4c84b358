"""Context helpers shared by the field extractors: sentences, cue words, titles, references.

Patterns run on the document's matching view (``Document.view``), which is already simplified
Chinese (traditional text gets a same-length simplified copy before matching), so patterns are
written in simplified Chinese only. One fix every pattern needs: Python's ``\\b`` does not fire
between an ASCII letter and a CJK character (both are ``\\w``), so "T2DM患者" or "接受MSC治疗"
would not match ``\\bMSC\\b``; ``ascii_boundaries`` rewrites ``\\b`` into an ASCII word boundary.

The cue lexicons (self / background / future ...) are data: ``data/vocab_context.json``.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from pydantic import BaseModel, field_validator

from ..segment_tables import find_tables
from .base import Pattern
from ..rxcache import compile_cached, rx

VOCAB_PATH = Path(__file__).resolve().parent.parent / "data" / "vocab_context.json"

# an ASCII word boundary: between [A-Za-z0-9] and anything else (CJK included)
ASCII_B = r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))"


def ascii_boundaries(regex: str) -> str:
    """``regex`` with every ``\\b`` outside a character class turned into an ASCII word boundary."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\" and i + 1 < len(regex):
            out.append(ASCII_B if regex[i + 1] == "b" and not in_class else regex[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def zp(name: str, regex: str, score: float = 1.0, flags: int = re.IGNORECASE, *,
       examples: tuple[str, ...] = (), traps: tuple[str, ...] = ()) -> Pattern:
    """A named, scored ``Pattern`` whose ``\\b`` is an ASCII word boundary (see module doc)."""
    return Pattern(name, ascii_boundaries(regex), score, flags, examples, traps)


def compile_cues(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex matching any of ``words`` (regexes), with ASCII word boundaries (compiled code kept between runs,
    first characters in its info block: rxcache.py)."""
    return compile_cached(ascii_boundaries("|".join(words)), flags)


# --- cue lexicons (data) ---------------------------------------------------------------------

class CueClass(BaseModel):
    """One class of context cues: alternatives, each a regex checked when loaded."""

    about: str = ""
    patterns: list[str]

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, v: list[str]) -> list[str]:
        for p in v:
            try:
                re.compile(ascii_boundaries(p))
            except re.error as e:
                raise ValueError(f"bad cue regex {p!r}: {e}") from e
        return v


class ContextVocab(BaseModel):
    """``data/vocab_context.json``."""

    version: int
    about: str = ""
    cues: dict[str, CueClass]


@lru_cache(maxsize=1)
def vocab() -> ContextVocab:
    """The context vocabulary, loaded and checked once per process."""
    return ContextVocab.model_validate(json.loads(VOCAB_PATH.read_text(encoding="utf-8")))


def cues(name: str) -> re.Pattern[str]:
    """The compiled cue class ``name`` of the context vocabulary."""
    return compile_cues(vocab().cues[name].patterns)


# the study's own description: "本研究", "this study", "we conducted" ...
SELF_CUES = cues("self")
# background, citation or future-work context: "既往研究", "previous studies", "需要更多随机对照试验"
BACKGROUND_CUES = cues("background")
# a return to the reported study after background: "…曾报道一例患者,如今这项随机对照试验…"
PRESENT_CUES = cues("present")
# future work / calls for evidence: "尚需随机对照试验验证", "larger trials are needed"
FUTURE_CUES = cues("future")
_TITLE_OPEN = cues("title_open")
_JOURNAL_LEAD = cues("journal_lead")
# "相关资讯" / "Related coverage": a heading over links to other articles
_RELATED_HEADING = compile_cues(vocab().cues["related_links"].patterns, re.IGNORECASE | re.MULTILINE)


# --- sentences -------------------------------------------------------------------------------

SELF_NEAR = 15  # chars between a self cue and a term for the full bonus
_HARD_STOP = set("。!?;\n！？；")
_MAX_SENT = 400  # chars searched either side: a context window, not a parser


def sentence_bounds(text: str, start: int, end: int, lo: int = 0, hi: Optional[int] = None) -> tuple[int, int]:
    """The sentence around [start, end): bounded by 。!?; newlines and '. ' (period + space/CJK)."""
    hi = len(text) if hi is None else hi
    s = start
    floor = max(lo, start - _MAX_SENT)
    if floor < start:   # the stop nearest before start (one scan in C, the last one that counts)
        s = floor
        for m in _STOP.finditer(text, floor, start):
            i = m.start()
            if text[i] != "." or _is_period(text, i):
                s = i + 1
    e = ceil = max(end, min(hi, end + _MAX_SENT))
    for m in _STOP.finditer(text, end, ceil):
        i = m.start()
        if text[i] != "." or _is_period(text, i):
            e = i
            break
    return s, e


_STOP = rx("[" + re.escape("".join(sorted(_HARD_STOP))) + ".]")


def _is_period(text: str, i: int) -> bool:
    """A '.' that ends a sentence: not a decimal point, followed by space, CJK or the end."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isdigit() and nxt.isdigit():
        return False
    return nxt.isspace() or "\u4e00" <= nxt <= "\u9fff"


# --- titles, journal names, reference lines --------------------------------------------------

def in_title(text: str, start: int) -> bool:
    """Whether ``start`` lies inside a 《title》/“title” that the text presents as a work's title."""
    floor = max(0, start - 200)
    for i in range(start - 1, floor - 1, -1):
        c = text[i]
        if c in "》”」\n。":
            return False
        if c in "《“\"「":
            return bool(_TITLE_OPEN.search(text, max(0, i - 8), i + 1))
    return False


def in_journal_name(text: str, start: int) -> bool:
    """Whether ``start`` is inside a journal name: 《Journal》 after 期刊/杂志/在."""
    floor = max(0, start - 80)
    for i in range(start - 1, floor - 1, -1):
        c = text[i]
        if c in "》\n。":
            return False
        if c == "《":
            return bool(_JOURNAL_LEAD.search(text[max(0, i - 6):i]))
    return False


# "et al." alone is also how running text cites ("Moreau et al. report a trial ..."): on a reference
# line it comes with the bibliographic year
_REFERENCE = rx(r"\bdoi\b|\bPMID\b|\[J\]|\bet al\.[^\n]{0,160}?\b(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\s*;\s*\d+|\b(?:19|20)\d{2}\s+[A-Z][a-z]{2}\b[^\n]{0,20};", re.I)


REFERENCE_LINE_MAX = 1500   # a longer "line" is running text (or a flattened page), not one reference


def line_around(text: str, pos: int, reach: int) -> Optional[tuple[int, int]]:
    """[start, end) of the line holding ``pos``, or None when it runs on more than ``reach`` characters to either
    side (a longer "line" is running text or a flattened page; the bounded look-around keeps many hits on one huge
    line linear)."""
    s = text.rfind("\n", max(0, pos - reach), pos) + 1
    if s == 0 and pos > reach:
        return None
    e = text.find("\n", pos, pos + reach)
    if e < 0:
        if len(text) - pos > reach:
            return None
        e = len(text)
    return s, e


def in_reference(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a reference-list line ("... et al. ... 2020;12(3):45. doi: ...")."""
    line = line_around(text, pos, REFERENCE_LINE_MAX)
    return line is not None and bool(_REFERENCE.search(text, *line))


RELATED_REACH = 800        # chars a related-links list may run below its heading
RELATED_LINE_MAX = 160     # a longer line is running text again, not a link


def in_related_links(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a list of links under a "相关资讯"/"Related coverage" heading."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > RELATED_LINE_MAX:
        return False
    above = text[max(0, line_start - RELATED_REACH):line_start].split("\n")
    for line in reversed(above[1:] if line_start > RELATED_REACH else above):
        if _RELATED_HEADING.search(line):
            return True
        if len(line) > RELATED_LINE_MAX:
            return False
    return False


TABLE_SEP = "|"
# a cell separator: a pipe, or a run of tabs (a tab-separated table that is no table of studies keeps its tabs)
_CELL_SEP = rx(r"\||\t+")


# ---- a table of studies flattened to single-spaced lines: a header line ("No. Population Cells Follow-up Result
# Ref") above its rows, which carry no separator a column could be read by ----
FLAT_HEADER_MAX = 200    # a longer line is running text, not a header row
FLAT_ROW_MAX = 600       # a longer span is more than one row
FLAT_HEADER_REACH = 40   # rows a header may stand above
# digits a header's column names carry ("HbA1c", "A1C", "Month 6", "Week 12"): no cell values
_HEADER_NAMED_DIGITS = rx(r"(?i)(?:Hb)?A1c(?![A-Za-z])|(?<![A-Za-z])(?:month|week|day|year|wk|mo)\s*\d{1,3}\b")
_HEADER_DIGIT = rx(r"\d")


def flat_table_header(text: str, pos: int, cue: "re.Pattern[str]") -> Optional[str]:
    """The header line naming ``cue`` above the row of ``pos`` in an unbroken block of lines, or None.

    A header is a short line of three or more words without digits (a caption "Table 2: …" has one); a blank
    line above ends the table before any header.
    """
    line_start = text.rfind("\n", max(0, pos - FLAT_ROW_MAX), pos) + 1
    if line_start == 0 and pos > FLAT_ROW_MAX:
        return None   # a line longer than a row: running text (and the look-back stays bounded)
    above = text[max(0, line_start - 8000):line_start].split("\n")[:-1][-FLAT_HEADER_REACH:]
    for line in reversed(above):
        if not line.strip():
            return None
        if len(line) <= FLAT_HEADER_MAX and not _HEADER_DIGIT.search(_HEADER_NAMED_DIGITS.sub("", line)) \
                and len(line.split()) >= 3 and cue.search(line):
            return line
    return None


def table_column_header(text: str, pos: int) -> Optional[str]:
    """The header of the table column ``pos`` lies in ("随访" for "| 104周 |"), or None outside a table.

    A table is a block of at least two consecutive lines with the same number of cells, separated by
    "|" or tabs (tables of studies laid out with runs of spaces or glued cells get pipes in
    ``normalise``); its first line is the header row (a "---|---" rule below it is skipped).
    """
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    row = _cells(text[line_start:line_end])
    if len(row) < 2:
        return None
    seps = list(_CELL_SEP.finditer(text, line_start, pos))
    col = len(seps) - (1 if text[line_start:pos].lstrip().startswith(TABLE_SEP) else 0)
    header_start = line_start
    while header_start > 0:
        prev_start = text.rfind("\n", 0, header_start - 1) + 1
        if len(_cells(text[prev_start:header_start - 1])) != len(row):
            break
        header_start = prev_start
    header_end = text.find("\n", header_start)
    header_end = len(text) if header_end < 0 else header_end
    cells = _cells(text[header_start:header_end])
    if header_start == line_start or not 0 <= col < len(cells) or all(re.fullmatch(r"[-:\s]*", c) for c in cells):
        return None
    return cells[col]


def _cells(line: str) -> list[str]:
    """The cells of a "|"- or tab-separated table row (outer pipes optional); [] for a line without either."""
    inner = line.strip()
    if TABLE_SEP in inner:
        inner = inner[1:] if inner.startswith(TABLE_SEP) else inner
        inner = inner[:-1] if inner.endswith(TABLE_SEP) else inner
        return [c.strip() for c in inner.split(TABLE_SEP)]
    if "\t" in inner:
        return [c.strip() for c in re.split(r"\t+", inner)]
    return []


@lru_cache(maxsize=4)
def _study_table_rows(text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """(start, end, header fields) of every row of every table of studies in ``text``, in any layout."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    lines = [text[s:e] for s, e in zip(starts, ends)]
    out = []
    for tbl in find_tables(lines):
        for row in tbl.rows:
            out.append((starts[row[0]], ends[row[-1]], tbl.columns.fields))
    return tuple(out)


def study_table_fields(text: str, pos: int) -> Optional[frozenset[str]]:
    """The fields the header of a table of studies names ("follow_up", "population", "dose", …) when
    ``pos`` lies in one of its rows, in any layout (single spaces and glued cells included); else None.

    For a row whose cells cannot be told apart: a bare "6 months" in a row under a header with a
    follow-up column (and no other duration column) is that row's follow-up.
    """
    for s, e, fields in _study_table_rows(text):
        if s <= pos < e:
            return fields
    return None


# --- scoring ---------------------------------------------------------------------------------

def background_before(text: str, lo: int, start: int) -> bool:
    """Whether a background cue lies in [lo, start) with no return to the present after it."""
    last = None
    for last in BACKGROUND_CUES.finditer(text, lo, start):
        pass
    return last is not None and not PRESENT_CUES.search(text, last.end(), start)


def context_score(text: str, start: int, end: int, lo: int, hi: int, base: float,
                  *, self_bonus: float = 0.4, title_bonus: float = 0.45,
                  background_factor: float = 0.5) -> float:
    """``base`` raised when the sentence is the study's own description, lowered in background."""
    s, e = sentence_bounds(text, start, end, lo, hi)
    score = base
    if in_title(text, start):
        score += title_bonus
    else:
        # the term next to "本研究/this study" is the study's own; others in the sentence less so
        near = [max(start - c.end(), c.start() - end, 0) for c in SELF_CUES.finditer(text, s, e)]
        if near:
            score += self_bonus if min(near) <= SELF_NEAR else self_bonus / 2
    # background cues count only before the match, within its sentence
    if (background_before(text, max(s, start - 30), start) or in_reference(text, start)
            or in_related_links(text, start)):
        score *= background_factor
    return round(score, 4)
