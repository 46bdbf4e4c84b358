"""Sentences and tokens with character offsets, from blank spaCy pipelines (nothing downloaded).

Chinese is segmented by jieba (with the domain dictionary ``data/userdict.txt``) on the
same-length simplified copy of the text, so traditional text segments as well as simplified
and every offset still points into the text the caller gave. Numbers and units are matched
by the field extractors' regexes on the normalised string; sentences and tokens are for
context windows and keywords.

Sentences break at sentence punctuation and at line breaks: after ``normalise`` a newline in
Chinese text is a real break (heading, list item, paragraph). In English a newline followed by
a lower-case word continues the sentence (hard-wrapped PDF text).
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer

from .normalise import matching_view

USERDICT = Path(__file__).parent / "data" / "userdict.txt"

# spaCy's sentencizer defaults plus Chinese clause-final marks (NFKC turned ；into ;)
ZH_EXTRA_PUNCT = (";", "；", "…", "……", "...", "......")
# a "." after these does not end an English sentence
ABBREVIATIONS = ("et al.", "fig.", "figs.", "vs.", "e.g.", "i.e.", "no.", "nos.", "approx.",
                 "dr.", "prof.", "ref.", "refs.", "vol.", "pp.", "p.", "eds.", "ed.", "inc.",
                 "ltd.", "co.", "corp.", "univ.", "dept.", "st.", "mt.", "jan.", "feb.", "mar.",
                 "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
                 "cf.", "ca.", "resp.", "tab.", "suppl.", "j.", "med.", "sci.", "res.")
_ABBREV_END = re.compile(r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS)
                         + r")$|(?:^|\s)[A-Z]\.$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"[(（]?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)）]$")
MAX_BLOCK = 50_000          # characters per spaCy call: memory flat, max_length out of the way
_NEWLINE = re.compile(r"\n")
_WRAP_END = re.compile(r"[.!?:;。！？：；…]$")
_BLOCK_CUTS = (re.compile(r"(?:[。！？!?;；]|\.(?=\s))\s*"),   # a sentence end, else
               re.compile(r"[,，、]\s*"))                        # a clause end, else a hard cut


def _is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


@lru_cache(maxsize=1)
def _jieba_ready() -> None:
    """Silence jieba's start-up log and load the domain dictionary, once per process."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        jieba.add_word(word, freq, tag)


@lru_cache(maxsize=2)
def pipeline(lang: str) -> Language:
    """The blank spaCy pipeline for ``lang`` (zh/zh-Hant: jieba; else English), built once."""
    if _is_zh(lang):
        _jieba_ready()
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        punct = sorted(set(Sentencizer.default_punct_chars) | set(ZH_EXTRA_PUNCT))
        nlp.add_pipe("sentencizer", config={"punct_chars": punct})
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    return nlp


def _key(lang: str) -> str:
    return "zh" if _is_zh(lang) else "en"


# --- blocks: the line structure spaCy does not see -----------------------------------------

def _blocks(text: str, lang: str) -> list[tuple[int, int]]:
    """Non-empty, stripped [start, end) regions that no sentence crosses."""
    zh = _is_zh(lang)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _NEWLINE.finditer(text):
        nl = m.start()
        if not zh and _continues(text, start, nl):
            continue
        spans.append((start, nl))
        start = m.end()
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for bs, be in _cut(text, s, e):
            while bs < be and text[bs].isspace():
                bs += 1
            while be > bs and text[be - 1].isspace():
                be -= 1
            if bs < be:
                out.append((bs, be))
    return out


def _continues(text: str, line_start: int, nl: int) -> bool:
    """English hard wrap: the line does not end a sentence and the next line starts lower-case."""
    nxt = text[nl + 1: nl + 2]
    if not nxt.islower():
        return False
    line = text[line_start:nl].rstrip()
    return bool(line) and not _WRAP_END.search(line)


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long block after a sentence mark near MAX_BLOCK (hard cut if none)."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_BLOCK:
        limit = start + MAX_BLOCK
        cut = None
        for pattern in _BLOCK_CUTS:
            for m in pattern.finditer(text, limit - MAX_BLOCK // 5, limit):
                cut = m.end()
            if cut:
                break
        cut = cut if cut and cut > start else limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


# --- public API ----------------------------------------------------------------------------

def sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end) into ``text``, in order, stripped of surrounding whitespace.

    The spans do not overlap and every non-whitespace character is inside exactly one span.
    """
    return list(_sentences(text, _key(lang)))


@lru_cache(maxsize=16)
def _sentences(text: str, lang: str) -> tuple[tuple[int, int], ...]:
    nlp = pipeline(lang)
    blocks = _blocks(text, lang)
    view = matching_view(text, lang) if lang == "zh" else text
    out: list[tuple[int, int]] = []
    for (bs, be), doc in zip(blocks, nlp.pipe(view[bs:be] for bs, be in blocks)):
        block: list[tuple[int, int]] = []
        for sent in doc.sents:
            s, e = bs + sent.start_char, bs + sent.end_char
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            if block and _glued(text, block[-1], s):
                block[-1] = (block[-1][0], e)
            else:
                block.append((s, e))
        out.extend(block)
    return tuple(out)


@lru_cache(maxsize=16)
def _starts(text: str, lang: str) -> list[int]:
    return [s for s, _ in _sentences(text, lang)]


def _glued(text: str, prev: tuple[int, int], nxt: int) -> bool:
    """A '.' break that is an abbreviation ("et al."), or followed by a lower-case word."""
    before = text[prev[0]:prev[1]]
    if not before.endswith("."):
        return False
    if _LIST_MARKER.match(before):  # "1." opening a list item is not a sentence
        return True
    return bool(_ABBREV_END.search(before[-12:])) or text[nxt].islower()


def tokens(text: str, lang: str) -> list[tuple[str, int]]:
    """Non-whitespace tokens of ``text`` as (token text, start offset), in order."""
    key = _key(lang)
    nlp = pipeline(key)
    blocks = _blocks(text, key)
    view = matching_view(text, key) if key == "zh" else text
    out: list[tuple[str, int]] = []
    for (bs, _be), doc in zip(blocks, nlp.pipe(view[bs:be] for bs, be in blocks)):
        for tok in doc:
            if tok.is_space:
                continue
            s = bs + tok.idx
            out.append((text[s:s + len(tok.text)], s))
    return out


def keyword_window(text: str, start: int, end: int, lang: str, n_sentences: int = 0) -> tuple[int, int]:
    """The span of the sentence(s) holding [start, end), widened by ``n_sentences`` on each side."""
    sents = _sentences(text, _key(lang))
    if not sents:
        return start, end
    starts = _starts(text, _key(lang))
    first = max(0, bisect_right(starts, start) - 1)
    if sents[first][1] <= start and first + 1 < len(sents):  # the match starts in a gap
        first += 1
    last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
    first = max(0, first - n_sentences)
    last = min(len(sents) - 1, last + n_sentences)
    return min(sents[first][0], start), max(sents[last][1], end)
