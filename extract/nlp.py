"""Sentences and tokens with character offsets (nothing downloaded).

Sentences are those of spaCy's sentencizer over blank spaCy pipelines (Chinese segmented by jieba with
the domain dictionary ``data/userdict.txt`` on the same-length simplified copy of the text, so traditional
text segments as well as simplified and every offset still points into the text the caller gave), but
found without tokenizing the whole text: the sentencizer only looks at the tokens around sentence marks,
and both tokenizers cut the text into pieces that they segment independently (jieba: runs of
``[\u4E00-\u9FD5a-zA-Z0-9+#&._%-]``, every other character alone; spaCy English: whitespace-separated
chunks). So only the few pieces holding a sentence mark go through the tokenizer; every other piece is one
word-like token. ``reference_sentences`` is the full-tokenizer path, kept to prove that both agree
(tests/test_nlp.py, benchmarks/sentence_agreement.py). Tokens (``tokens``) still come from the full
pipelines. Numbers and units are matched by the field extractors' regexes on the normalised string.

Sentences break at sentence punctuation and at line breaks: after ``normalise`` a newline in
Chinese text is a real break (heading, list item, paragraph). In English a newline followed by
a lower-case word continues the sentence (hard-wrapped PDF text).
"""
from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer

from . import jieba_freq
from .normalise import matching_view
from .rxcache import rx

USERDICT = Path(__file__).parent / "data" / "userdict.txt"

# spaCy's sentencizer defaults plus Chinese clause-final marks (NFKC turned ；into ;)
ZH_EXTRA_PUNCT = (";", "；", "…", "……", "...", "......")
# a "." after these does not end an English sentence
ABBREVIATIONS = ("et al.", "fig.", "figs.", "vs.", "e.g.", "i.e.", "no.", "nos.", "approx.",
                 "dr.", "prof.", "ref.", "refs.", "vol.", "pp.", "p.", "eds.", "ed.", "inc.",
                 "ltd.", "co.", "corp.", "univ.", "dept.", "st.", "mt.", "jan.", "feb.", "mar.",
                 "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
                 "cf.", "ca.", "resp.", "tab.", "suppl.", "j.", "med.", "sci.", "res.")
_ABBREV_END = rx(r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in ABBREVIATIONS)
                         + r")$|(?:^|\s)[A-Z]\.$", re.IGNORECASE)
_LIST_MARKER = rx(r"[(（]?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)）]$")
MAX_BLOCK = 50_000          # characters per spaCy call: memory flat, max_length out of the way
_NEWLINE = rx(r"\n")
_WRAP_END = rx(r"[.!?:;。！？：；…]$")
_BLOCK_CUTS = (rx(r"(?:[。！？!?;；]|\.(?=\s))\s*"),   # a sentence end, else
               rx(r"[,，、]\s*"))                        # a clause end, else a hard cut


def _is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


@lru_cache(maxsize=1)
def _jieba_ready() -> None:
    """Silence jieba's start-up log and load the domain dictionary, once per process."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    # the dictionary looked up in a table kept beside jieba's own cache (prepare_nlp sets where), not loaded
    jieba_freq.use_file(Path(jieba.dt.tmp_dir) if jieba.dt.tmp_dir else None)
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


def prepare() -> None:
    """Load what finding sentences needs (jieba's dictionary with ours, spaCy's English tokenizer), once."""
    _jieba_ready()
    pipeline("en")


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
    blocks = _blocks(text, lang)
    view = matching_view(text, lang) if lang == "zh" else text
    find = _zh_starts if lang == "zh" else _en_starts
    out: list[tuple[int, int]] = []
    for bs, be in blocks:
        starts = find(view[bs:be])
        _finish(text, [(bs + s, bs + e) for s, e in zip(starts, [*starts[1:], be - bs])], out)
    return tuple(out)


def reference_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """``sentences`` through the full spaCy pipeline (every token): the reference the fast path must equal."""
    key = _key(lang)
    nlp = pipeline(key)
    blocks = _blocks(text, key)
    view = matching_view(text, key) if key == "zh" else text
    out: list[tuple[int, int]] = []
    for (bs, be), doc in zip(blocks, nlp.pipe(view[bs:be] for bs, be in blocks)):
        _finish(text, [(bs + sent.start_char, bs + sent.end_char) for sent in doc.sents], out)
    return out


def _finish(text: str, spans: list[tuple[int, int]], out: list[tuple[int, int]]) -> None:
    """Strip each sentence of one block, glue '.' breaks that are no sentence end, and add them to ``out``."""
    block: list[tuple[int, int]] = []
    for s, e in spans:
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


# --- the sentencizer's decisions, from the tokens around sentence marks only ------------------
# spaCy's sentencizer starts a sentence at the first token after a sentence mark (a token whose text is
# in its punct_chars) that is neither punctuation (every character of Unicode category P*) nor a mark.
# Both tokenizers leave a single space after a token out of the token stream and make any other
# whitespace between two words a token of its own (not punctuation: it starts the sentence).

ZH_MARKS = frozenset(Sentencizer.default_punct_chars) | frozenset(ZH_EXTRA_PUNCT)
EN_MARKS = frozenset(Sentencizer.default_punct_chars)
_JIEBA_RUN = "[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]"   # jieba's re_han_default: one block, cut by its DAG
_ZH_PIECE = rx(f"(?P<run>{_JIEBA_RUN}+)|(?P<ws>\\s+)|(?P<ch>.)", re.DOTALL)
_EN_PIECE = rx(r"(?P<ws>\s+)|(?P<chunk>\S+)")
_EN_MARK = rx("[" + "".join(re.escape(c) for c in sorted(EN_MARKS)) + "]")


def _is_punct(word: str) -> bool:
    """spaCy's IS_PUNCT lexeme attribute."""
    return all(unicodedata.category(c).startswith("P") for c in word)


def _space_token(view: str, s: int, e: int) -> Optional[int]:
    """Start of the whitespace token in the gap [s, e) between two words, if any (a first ' ' is not one)."""
    t = s + 1 if view[s] == " " else s
    return t if t < e else None


def _zh_starts(view: str) -> list[int]:
    """Token offsets where the sentencizer starts sentences in one block (jieba + sentencizer, same result).

    jieba cuts each run of ``_JIEBA_RUN`` alone and yields every other character alone, so a run is cut
    (by jieba itself) only when it holds a '.' (the one mark a run can hold) or, right after a mark, when it
    opens with punctuation; any other run starts with a word that is not punctuation.
    """
    import jieba

    _jieba_ready()
    starts = [0]
    pending = False   # a mark was seen and no sentence started since
    for m in _ZH_PIECE.finditer(view):
        s, e = m.span()
        kind = m.lastgroup
        if kind == "run":
            run = m.group()
            if "." in run or (pending and _is_punct(run[0])):
                pos = s
                for word in jieba.cut(run):
                    if word in ZH_MARKS:
                        pending = True
                    elif pending and not _is_punct(word):
                        starts.append(pos)
                        pending = False
                    pos += len(word)
            elif pending:
                starts.append(s)
                pending = False
        elif kind == "ws":
            t = _space_token(view, s, e)
            if pending and t is not None:
                starts.append(t)
                pending = False
        else:
            c = view[s]
            if c in ZH_MARKS:
                pending = True
            elif pending and not _is_punct(c):
                starts.append(s)
                pending = False
    return starts


def _en_starts(view: str) -> list[int]:
    """Token offsets where the sentencizer starts sentences in one block (spaCy English, same result).

    spaCy tokenizes each whitespace-separated chunk alone; only chunks holding a mark, and right after a
    mark a chunk that opens with punctuation, go through the tokenizer. Until a mark is seen nothing
    happens, so the scan jumps from mark to mark (one C search) and reads piece by piece only after one.
    """
    tokenizer = pipeline("en").tokenizer
    starts = [0]
    pending = False
    pos, n = 0, len(view)
    while pos < n:
        if not pending:
            mark = _EN_MARK.search(view, pos)
            if mark is None:
                break
            s = mark.start()
            while s > pos and not view[s - 1].isspace():   # back to the start of the mark's chunk
                s -= 1
            m = _EN_PIECE.match(view, s)
        else:
            m = _EN_PIECE.match(view, pos)
        assert m is not None   # every character is in a whitespace run or a chunk
        s, e = m.span()
        pos = e
        if m.lastgroup == "ws":
            t = _space_token(view, s, e)
            if pending and t is not None:
                starts.append(t)
                pending = False
            continue
        chunk = m.group()
        if _EN_MARK.search(chunk) or (pending and _is_punct(chunk[0])):
            for tok in tokenizer(chunk):
                if tok.text in EN_MARKS:
                    pending = True
                elif pending and not tok.is_punct:
                    starts.append(s + tok.idx)
                    pending = False
        elif pending:
            starts.append(s)
            pending = False
    return starts


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
