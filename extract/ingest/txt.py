"""Plain text and Markdown files: decode, strip Markdown markup, and hand saved web pages to the HTML reader."""
from __future__ import annotations

import re

from ..document import FailedItem, SourceDoc
from ..errors import EmptyDocument
from .base import Reader, suffix
from .discover import InputFile
from .encoding import decode_bytes
from ..rxcache import rx

TEXT_EXTENSIONS: tuple[str, ...] = (".txt", ".text", ".md", ".markdown")
MARKDOWN_EXTENSIONS: tuple[str, ...] = (".md", ".markdown")

# A "text" file that is really a saved web page (scrapers often save HTML under .txt).
_HTML_START = rx(r"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.I | re.S)

# Markdown markup that is not text: (pattern, replacement), applied in order.
MARKDOWN_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (rx(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),                # image → its alt text
    (rx(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))+\)"), r"\1"),  # link → its label
    (rx(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),  # ATX heading marks
    (rx(r"^[ \t]{0,3}>[ \t]?", re.M), ""),                  # block quotes
    # bold (a bounded span: an unbounded ".+?" re-scans the line from every unmatched "**")
    (rx(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1"), r"\2"),
    (rx(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italic (not "3*10^6")
    (rx(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),     # horizontal rules
    (rx(r"^```.*$", re.M), ""),                             # code fences
)


class TxtReader(Reader):
    name = "txt"
    extensions = TEXT_EXTENSIONS

    def parse(self, f: InputFile, data: bytes) -> list[SourceDoc | FailedItem]:
        decoded = decode_bytes(data)
        text = decoded.text
        if _HTML_START.match(text):
            from .html import html_source  # a saved page: read it as HTML

            doc = html_source(f, text, encoding=decoded.encoding)
            doc.warnings = [*decoded.warnings, f"{suffix(f)} file holds an HTML page: read as HTML", *doc.warnings]
            return [doc]
        fmt = "txt"
        if suffix(f) in MARKDOWN_EXTENSIONS:
            text, fmt = strip_markdown(text), "md"
        if not text.strip():
            raise EmptyDocument("empty document: the file has only whitespace")
        text = undo_line_hyphenation(text)
        return [SourceDoc(doc_id=f.rel, raw_text=text, source_format=fmt, source_path=f.rel,
                          encoding=decoded.encoding, warnings=list(decoded.warnings))]


# a word broken across a line end by typesetting, in text copied or OCR'd from a PDF ("906 partici-\npants",
# "meta-analy-\nsis"): a letter, a hyphen at the line end, a lower-case letter opening the next line
LINE_BREAK_HYPHEN = rx(r"(?<=[A-Za-z])[-\u2010][ \t]*\n[ \t]*(?=[a-z])")
# a text is hard-wrapped so when it breaks at least this many words (one may be a range or a compound)
HYPHEN_BREAKS_MIN = 3


def undo_line_hyphenation(text: str) -> str:
    """Words broken across line ends in hard-wrapped text (a PDF's text saved as .txt) joined again, the hyphen kept
    only where the document writes the word with one ("bone-\nmarrow-derived" stays "marrow-derived"); other line
    breaks are untouched. A text with fewer than ``HYPHEN_BREAKS_MIN`` such breaks is returned as it is."""
    breaks = list(LINE_BREAK_HYPHEN.finditer(text))
    if len(breaks) < HYPHEN_BREAKS_MIN:
        return text
    from .pdf import _WORD, _keeps_hyphen   # the PDF reader's de-hyphenation rules

    words: set[str] = set()
    hyphenated: set[str] = set()
    for m in _WORD.finditer(text):
        (hyphenated if "-" in m.group() else words).add(m.group().lower())
    out, pos = [], 0
    for m in breaks:
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start() + 1]
        after_end = text.find("\n", m.end())
        after = text[m.end():after_end if after_end >= 0 else len(text)]
        out.append(text[pos:m.start()])
        out.append("-" if _keeps_hyphen(before, after, words, hyphenated) else "")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def strip_markdown(text: str) -> str:
    """Markdown → plain text: markup removed, words and numbers untouched."""
    for pattern, repl in MARKDOWN_RULES:
        text = pattern.sub(repl, text)
    return text
