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
        return [SourceDoc(doc_id=f.rel, raw_text=text, source_format=fmt, source_path=f.rel,
                          encoding=decoded.encoding, warnings=list(decoded.warnings))]


def strip_markdown(text: str) -> str:
    """Markdown → plain text: markup removed, words and numbers untouched."""
    for pattern, repl in MARKDOWN_RULES:
        text = pattern.sub(repl, text)
    return text
