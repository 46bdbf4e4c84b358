"""Normalise raw article text into the stored text, keeping a map back to the raw offsets.

Every stage is a regex substitution over ``_Mapped`` (text + offsets), so each output character
keeps the index of the raw character it came from (``offsets[i]`` for ``text[i]``). Stages:

1. line endings: ``\\r\\n``/``\\r``/U+2028/U+2029/VT/FF/NEL -> ``\\n``
2. invisible characters: zero-width, bidi controls, soft hyphen, C0/C1 controls removed
   (a zero-width joiner inside an emoji sequence is kept: emoji stay intact); a lone surrogate
   becomes U+FFFD
3. superscripts: ``10⁶`` -> ``10^6``, ``10⁻³`` -> ``10^-3`` (NFKC alone would give ``106``)
4. NFKC per character: full-width digits, letters and punctuation -> ASCII; ``…`` is kept
   (it is Chinese sentence punctuation); circled numbers ``①`` -> ``(1)`` (NFKC's ``1`` would glue
   onto the following number)
5. dashes and tildes: every dash/minus variant -> ``-``; every tilde/wave-dash variant -> ``~``.
   Both still mean "range" to the extractors; ``~`` is not folded into ``-`` because it also
   means "about" (``~50 patients``), and a sign must stay a sign (``-0.9%``).
6. whitespace: horizontal spaces -> one space, spaces at line ends stripped, 3+ newlines -> 2
7. spaced-out CJK (``糖 化 血 红 蛋 白``, ``第 1 2 周``) joined
8. Chinese lines broken mid-sentence (hard-wrapped PDFs) joined; headings and list items kept;
   English lines broken before a lowercase word joined, a line-end hyphen dropped when it broke a word

Between 5 and 6, a table of studies whose cells are separated by tabs, runs of spaces or nothing
(glued cells) gets " | " between its cells (``segment_tables.pipe_edits``).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Union

from opencc import OpenCC

from .segment_tables import pipe_edits
from .rxcache import rx


@dataclass
class Normalised:
    text: str
    offsets: list[int]   # offsets[i] = index in the raw text of text[i]


# --- data ---------------------------------------------------------------------------------

_NEWLINES = rx(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# zero-width, bidi controls, soft hyphen, Arabic letter mark, C0/C1 controls (tab/newline kept);
# U+200D only when not joining emoji
_INVISIBLE = rx(
    "[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c"
    "\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]"
    "|(?<![\U0001F000-\U0001FAFF\u2600-\u27bf\ufe0f])\u200d")
# lone surrogates (a JSON "\\udc80" escape) cannot be written as UTF-8: they become U+FFFD
_SURROGATE = rx("[\ud800-\udfff]")
_SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                 "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+"}
_SUPERSCRIPT_RUN = rx("[" + "".join(_SUPERSCRIPTS) + "]+")
# characters NFKC must not touch, or must map differently
_NFKC_KEEP = frozenset("…\u22ef")                  # ellipses: Chinese sentence punctuation
_NFKC_OVERRIDE: dict[str, str] = {
    **{chr(0x2460 + i): f"({i + 1})" for i in range(20)},    # ①-⑳
    **{chr(0x3251 + i): f"({i + 21})" for i in range(15)},   # ㉑-㉟
    **{chr(0x32B1 + i): f"({i + 36})" for i in range(15)},   # ㊱-㊿
    "⓪": "(0)",
}
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_DASHES = rx("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
_TILDES = rx("[\u301c\u3030\u223c\u223d\u2053\u02dc\uff5e]")
_HSPACE = rx("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u180e]+")
_EDGE_SPACE = rx(r" +(?=\n)|(?<=\n) +|^ +| +$")
_MANY_NEWLINES = rx(r"\n{3,}")

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = rx(f"[{_HAN}]")
# a spaced-out run: 3+ single characters separated by single spaces, at least one of them Han
_SPACED_ITEM = f"[{_HAN}\u3001\u3002\uff0c0-9.,%:;()\"“”]"
# (a run may start or end inside a Han word: "糖化血红 蛋 白 均" is one spaced-out phrase)
_SPACED_RUN = rx(
    f"(?<![A-Za-z0-9]){_SPACED_ITEM}(?: {_SPACED_ITEM}){{2,}}(?![A-Za-z0-9])")

# line joining (hard-wrapped Chinese): a line that stops mid-sentence and fills the page
# width (JOIN_FULL_SHARE of the widest line within JOIN_WINDOW lines), before a line that
# continues with Han/digits and is not a list item or a heading marker
JOIN_MIN_CHARS = 12
JOIN_WINDOW = 6
JOIN_FULL_SHARE = 0.7
JOIN_LOOKAHEAD = 60
_LINE_START_PUNCT = frozenset("。,，、;；:：!?！？)）”」%")
# (a full stop inside a line, not at its end, is running text too: no heading holds one)
_CLAUSE_MARK = rx("[,，、;；。！？]")
_TRAILING_NOTE = rx(r"[(（\[][^()（）\[\]\n]{0,24}[)）\]]$")
_SENTENCE_END = frozenset("。！？!?：:；;…")
_CLOSING_QUOTES = "”」』\"'’"
_JOIN_CANDIDATE = rx(f"(?<=[^\\s。！？!?：:；;…])\\n(?=[{_HAN}0-9A-Za-z“「《(（。,，、;；:：!?！？)）”」%])")
_LIST_OR_HEADING = rx(
    r"\s*(?:[(（]?\d{1,3}[)）、.．](?!\d)|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十百]+[、.．]"
    r"|第[一二三四五六七八九十百\d]+[章节節部条條篇期]|(?:案例|病例|图|圖|表)\s*\d"
    r"|(?:参考|參考|关键词|關鍵詞|摘要|目的|方法|结果|結果|结论|結論|背景|来源|來源|作者|编辑|編輯"
    r"|责任编辑|責任編輯|附|注)(?:[:：\s]|$)"
    r"|[【\[〔•·●○■□◆◇▪►▶*#-])")
_HAN_MIN_SHARE = 0.4


# a MEDLINE (PubMed "nbib"/"txt" export) field tag at a line start, and the wrap before a continuation line
_MEDLINE_TAG = rx(r"(?m)^(?:PMID|TI|AB|AU|FAU|DP|SO|PT|LA|AD|TA|JT|LID|AID|MH|OT|DEP|PHST|STAT|OWN)[ ]{0,3}- ")
_MEDLINE_CONTINUATION = rx(r"(?<=\S)[ \t]*\n[ ]{6}(?=\S)")
MEDLINE_TAGS_MIN = 3


# --- the offset-preserving substitution --------------------------------------------------

Repl = Callable[[re.Match[str]], Union[str, tuple[str, list[int]]]]


@dataclass
class _Mapped:
    text: str
    offs: list[int]

    def sub(self, pattern: re.Pattern[str], repl: Repl) -> "_Mapped":
        """Replace every match; ``repl`` returns a string, or a string and its source indices.

        Source indices are relative to the match start; without them a same-length replacement
        maps 1:1 and any other maps each output character to the match's characters in order
        (the last one repeated).
        """
        parts: list[str] = []
        offs: list[int] = []
        last = 0
        text = self.text
        for m in pattern.finditer(text):
            s, e = m.span()
            r = repl(m)
            src: list[int] | None = None
            if isinstance(r, tuple):
                r, src = r
            if r == text[s:e]:
                continue
            parts.append(text[last:s])
            offs.extend(self.offs[last:s])
            parts.append(r)
            if src is not None:
                offs.extend(self.offs[s + k] for k in src)
            elif len(r) == e - s:
                offs.extend(self.offs[s:e])
            elif r:
                offs.extend(self.offs[s + min(k, e - s - 1)] for k in range(len(r)))
            last = e
        if not parts:
            return self
        parts.append(text[last:])
        offs.extend(self.offs[last:])
        return _Mapped("".join(parts), offs)


    def edit(self, edits: list[tuple[int, int, str]]) -> "_Mapped":
        """Apply sorted, non-overlapping (start, end, replacement) edits; inserted characters map to
        the character at ``start`` (or the one before it at the end of the text)."""
        if not edits:
            return self
        parts: list[str] = []
        offs: list[int] = []
        last = 0
        for s, e, r in edits:
            parts.append(self.text[last:s])
            offs.extend(self.offs[last:s])
            parts.append(r)
            anchor = self.offs[min(s, len(self.offs) - 1)] if self.offs else 0
            offs.extend([anchor] * len(r))
            last = e
        parts.append(self.text[last:])
        offs.extend(self.offs[last:])
        return _Mapped("".join(parts), offs)


# --- stages -------------------------------------------------------------------------------

def _superscript(m: re.Match[str]) -> tuple[str, list[int]]:
    run = m.group()
    return "^" + "".join(_SUPERSCRIPTS[c] for c in run), [0] + list(range(len(run)))


def _nfkc_char(ch: str) -> str:
    if ch in _NFKC_OVERRIDE:
        return _NFKC_OVERRIDE[ch]
    if ch in _NFKC_KEEP:
        return ch
    n = unicodedata.normalize("NFKC", ch)
    # spacing accents (´ ¨ ˜) decompose to space + combining mark: keep them as they are
    if len(n) > 1 and n[0] == " " and unicodedata.combining(n[1]):
        return ch
    return n


@lru_cache(maxsize=1)
def _nfkc_pattern() -> re.Pattern[str]:
    """A character class of every code point (BMP + plane 1-2) that NFKC changes, built once."""
    changed = [cp for cp in range(0x80, 0x30000)
               if not 0xD800 <= cp <= 0xDFFF and _nfkc_char(chr(cp)) != chr(cp)]
    ranges: list[str] = []
    start = prev = changed[0]
    for cp in changed[1:] + [-1]:
        if cp != prev + 1:
            ranges.append(re.escape(chr(start)) if start == prev
                          else f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
            start = cp
        prev = cp
    # a base character followed by combining marks composes as a whole
    return re.compile(f".[{_COMBINING}]+|[{''.join(ranges)}]", re.DOTALL)


def _nfkc(m: re.Match[str]) -> str:
    s = m.group()
    return _nfkc_char(s) if len(s) == 1 else unicodedata.normalize("NFKC", s)


def _join_spaced(m: re.Match[str]) -> tuple[str, list[int]]:
    run = m.group()
    if not _HAN_RE.search(run):
        return run, list(range(len(run)))
    kept = [i for i, c in enumerate(run) if c != " "]
    return "".join(run[i] for i in kept), kept


def _width(line: str) -> int:
    """Display width: CJK and other non-ASCII characters count double, as on a printed page."""
    ascii_chars = len(line) if line.isascii() else len(line.encode("ascii", "ignore"))   # chars < U+0080, in C
    return 2 * len(line) - ascii_chars


def _ends_sentence(line: str) -> bool:
    line = line.rstrip(_CLOSING_QUOTES)
    # "...降低;(图3b)": a figure/citation note after the sentence end
    line = _TRAILING_NOTE.sub("", line).rstrip(_CLOSING_QUOTES)
    return bool(line) and line[-1] in _SENTENCE_END


def _join_lines(text: str) -> Callable[[re.Match[str]], str]:
    """Decide per candidate newline whether it is a hard wrap (join) or a real break (keep).

    A hard wrap sits at the end of a line that fills the page width of its neighbourhood
    (the widest line among the lines around it); a heading or a short item is narrower than
    the paragraphs around it and keeps its newline.
    """
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    widths = [_width(line) for line in lines]

    def repl(m: re.Match[str]) -> str:
        k = bisect_right(starts, m.start()) - 1
        line = lines[k]
        if _ends_sentence(line):
            return "\n"
        visible = len(line) - line.count(" ")
        if len(_HAN_RE.findall(line)) < _HAN_MIN_SHARE * visible:
            return "\n"
        if k + 1 >= len(lines) or _LIST_OR_HEADING.match(lines[k + 1]):
            return "\n"
        if lines[k + 1][:1] in _LINE_START_PUNCT:  # no line of text starts with "。" or ","
            return ""
        if not full(k):
            return "\n"
        # one full line before a short last line is a heading just as well, unless it reads
        # like running text (a clause mark inside it)
        if not _CLAUSE_MARK.search(line) and not (k + 1 < len(lines) and full(k + 1)
                                                   and not _ends_sentence(lines[k + 1])):
            return "\n"
        # the wrapped block must end a sentence: two full-width lines of names or keywords
        # (an author list and its traditional copy) are not a paragraph
        for j in range(k + 1, min(len(lines), k + JOIN_LOOKAHEAD)):
            if _ends_sentence(lines[j]):
                return ""
            if not full(j):
                return "\n"
        return "\n"

    def full(k: int) -> bool:
        page = max(widths[max(0, k - JOIN_WINDOW): k + JOIN_WINDOW + 1])
        return len(lines[k]) >= JOIN_MIN_CHARS and widths[k] >= JOIN_FULL_SHARE * page
    return repl


# an English line broken before a lowercase word, a bracket or a negative number (a hard-wrapped PDF or OCR page:
# "Seventeen trials with 906 partici-" / "pants were included"), optionally at a line-end hyphen
# (not before a web address: "REVIEW" / "https://doi.org/…" are two header lines)
_EN_JOIN_CANDIDATE = rx(r"(?<=[A-Za-z0-9,;)\]%])-?\n(?=[a-z(~]|-\d)(?!https?:|www\.)")
_EN_WORD = rx(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_EN_SENTENCE_END = rx(r"[.!?][)\]\"'’”]*\s*$|[.!?][)\]\"'’”]*\s")


def _join_english(text: str) -> Callable[[re.Match[str]], str]:
    """Decide per candidate newline of English text whether it is a hard wrap: the line fills the page width of its
    neighbourhood (as for Chinese lines) and holds no Han. A wrap becomes a space; a line-end hyphen goes when it
    broke a word ("partici-" + "pants") and stays in a compound ("cord-" + "derived"), as the PDF reader decides."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    lines = text.split("\n")
    widths = [_width(line) for line in lines]
    vocab: list[tuple[set[str], set[str]]] = []

    def words() -> tuple[set[str], set[str]]:
        if not vocab:
            plain: set[str] = set()
            hyphenated: set[str] = set()
            for w in _EN_WORD.finditer(text):
                (hyphenated if "-" in w.group() else plain).add(w.group().lower())
            vocab.append((plain, hyphenated))
        return vocab[0]

    def repl(m: re.Match[str]) -> str:
        k = bisect_right(starts, m.end() - 1) - 1
        line = lines[k]
        if k + 1 >= len(lines) or _HAN_RE.search(line) or _HAN_RE.search(lines[k + 1]):
            return m.group()
        if len(line) < JOIN_MIN_CHARS:
            return m.group()   # a name, a label
        hyphen = m.group().startswith("-") and line[-2:-1].isalpha()
        page = max(widths[max(0, k - JOIN_WINDOW): k + JOIN_WINDOW + 1])
        if widths[k] < JOIN_FULL_SHARE * page and not hyphen:
            return m.group()   # a short line: a heading, a name, an item, the last line of a paragraph
        # (a word cut by a hyphen before a lowercase rest is wrapped whatever the line's width: OCR keeps ragged lines)
        if not hyphen:
            # the wrapped block must end a sentence: a full title line over a short subtitle is no paragraph
            for j in range(k + 1, min(len(lines), k + JOIN_LOOKAHEAD)):
                if _EN_SENTENCE_END.search(lines[j]):
                    return m.group().replace("\n", " ")
                if widths[j] < JOIN_FULL_SHARE * max(widths[max(0, j - JOIN_WINDOW): j + JOIN_WINDOW + 1]):
                    return m.group()
            return m.group()
        from .ingest.pdf import _keeps_hyphen   # (the PDF reader's rule; imported only when a hyphen is met)
        return "-" if _keeps_hyphen(line, lines[k + 1], *words()) else ""
    return repl


def normalise(raw: str) -> Normalised:
    """Normalised text for storage and matching, with ``offsets[i]`` = raw index of ``text[i]``."""
    t = _Mapped(raw, list(range(len(raw))))
    # 1-2. line endings and invisible characters
    t = t.sub(_NEWLINES, lambda m: ("\n", [0]))
    t = t.sub(_INVISIBLE, lambda m: "")
    t = t.sub(_SURROGATE, lambda m: "\ufffd")
    # 3-4. superscripts before NFKC (10⁶ must not become 106), then NFKC per character
    t = t.sub(_SUPERSCRIPT_RUN, _superscript)
    if not unicodedata.is_normalized("NFKC", t.text) or any(c in t.text for c in _NFKC_OVERRIDE):
        t = t.sub(_nfkc_pattern(), _nfkc)
    # 5. one dash, one tilde
    t = t.sub(_DASHES, lambda m: "-")
    t = t.sub(_TILDES, lambda m: "~")
    # 5a. a MEDLINE export's field continued on lines indented by six spaces ("AB  - ... fell from 9.0% to" /
    # "      7.4%."): one line, so a clause is not cut at the wrap
    if len(_MEDLINE_TAG.findall(t.text)) >= MEDLINE_TAGS_MIN:
        t = t.sub(_MEDLINE_CONTINUATION, lambda m: " ")
    # 5b. tables of studies whose cells are separated by tabs, runs of spaces or nothing (glued): " | "
    # between cells, so every table rule reads them as pipe tables (before 6 collapses the spaces)
    t = t.edit(pipe_edits(t.text))
    # 6. whitespace
    # a tab survives (as one tab) because it separates table cells; other runs become one space
    t = t.sub(_HSPACE, lambda m: "\t" if "\t" in m.group() else " ")
    t = t.sub(_EDGE_SPACE, lambda m: "")
    t = t.sub(_MANY_NEWLINES, lambda m: ("\n\n", [0, 1]))
    t = t.sub(re.compile(r"^\n+|\n+$"), lambda m: "")
    # 7. spaced-out CJK copy-paste
    t = t.sub(_SPACED_RUN, _join_spaced)
    # 8. hard-wrapped Chinese lines
    t = t.sub(_JOIN_CANDIDATE, _join_lines(t.text))
    # 8b. hard-wrapped English lines (a PDF or OCR page saved as text), line-end hyphenation undone
    if _EN_JOIN_CANDIDATE.search(t.text):
        t = t.sub(_EN_JOIN_CANDIDATE, _join_english(t.text))
    return Normalised(t.text, t.offs)


# --- matching view ------------------------------------------------------------------------



# ---- spoken percentages: news transcripts write "百分之八点五" for 8.5% and "一点二个百分点" for 1.2 points; the
# view reads them as Arabic figures, right-aligned in the same width ("  8.5%") so every offset holds ----
_CN_FRACTION_DIGITS = {"零": "0", "〇": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
                       "七": "7", "八": "8", "九": "9"}
_CN_WHOLE = "[零〇一二两三四五六七八九十百]{1,5}"
_CN_FRACTION = "[零〇一二三四五六七八九]{1,3}"
SPOKEN_PERCENT = rx(
    rf"百分之(?P<whole>{_CN_WHOLE}|\d{{1,3}})(?:点(?P<frac>{_CN_FRACTION}))?"
    # a decimal said in words before a percent sign or "个百分点" ("三点五%", "一点二个百分点"); never a clock time
    rf"|(?P<whole2>{_CN_WHOLE})点(?P<frac2>{_CN_FRACTION})(?=\s*(?:%|％|个百分点|百分点))")


def _spoken_figure(m: re.Match[str]) -> str:
    """The Arabic figure of one spoken percentage, padded to the width it replaces (unchanged if it cannot be)."""
    from .numbers import parse_number   # (numbers does not import this module; imported here to keep it light)
    whole, frac = (m.group("whole"), m.group("frac")) if m.group("whole") else (m.group("whole2"), m.group("frac2"))
    value = parse_number(whole)
    if value is None:
        return m.group(0)
    figure = str(int(value)) + ("." + "".join(_CN_FRACTION_DIGITS[c] for c in frac) if frac else "")
    figure += "%" if m.group("whole") else ""
    return figure.rjust(len(m.group(0))) if len(figure) <= len(m.group(0)) else m.group(0)


def spoken_numbers(line: str) -> str:
    """``line`` (simplified) with spoken percentages as figures, same length: "由百分之八点五降至百分之六点五"."""
    if "百分之" not in line and "点" not in line:
        return line
    return SPOKEN_PERCENT.sub(_spoken_figure, line)


@lru_cache(maxsize=4)
def converter(config: str) -> OpenCC:
    """One OpenCC converter per config (``t2s``, ``s2t``) per process."""
    return OpenCC(config)


def to_simplified(chunk: str) -> str:
    """OpenCC t2s of ``chunk`` with the same length (character by character when phrases differ)."""
    cc = converter("t2s")
    out = cc.convert(chunk)
    if len(out) == len(chunk):
        return out
    chars = []
    for ch in chunk:
        c = cc.convert(ch)
        chars.append(c if len(c) == 1 else ch)
    return "".join(chars)


def matching_view(text: str, lang: str) -> str:
    """A same-length copy of ``text`` for pattern matching (simplified Chinese).

    Only lines that contain Han characters are converted, so English documents cost one scan.
    ``lang`` is accepted for the interface; every language gets the same treatment because
    English articles quote Chinese names too.
    """
    if not _HAN_RE.search(text):
        return text
    # line by line: a pattern like "[^\n]*[Han][^\n]*" restarts at every position of a long line without
    # Han characters and costs the square of its length
    view = "\n".join(spoken_numbers(to_simplified(line)) if _HAN_RE.search(line) else line
                     for line in text.split("\n"))
    if len(view) != len(text):  # cannot happen (each line keeps its length); guard the contract
        raise ValueError("matching view changed the text length")
    return view
