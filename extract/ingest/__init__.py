"""Ingest: find input files and read each into SourceDocs through the first reader that detects it.

Readers are tried in the order of READERS (ChemDataExtractor style): PDF first because it is recognised by
its magic bytes too, then feeds, HTML and plain text by extension. A file no reader takes is skipped
(UnsupportedFormat); a file that cannot be read at all raises another ExtractError.
"""
from __future__ import annotations

import os
import stat

from ..document import FailedItem, SourceDoc
from ..errors import EmptyDocument, NotFollowed, ReadError, TooLarge, UnsupportedFormat
from .base import MAX_TEXT_BYTES, Reader, normalise_date, replace_surrogates, suffix, with_title
from .discover import InputFile, discover
from .feed import FeedReader
from .html import HtmlReader, extract_html
from .pdf import PdfReader
from .txt import TxtReader

READERS: tuple[Reader, ...] = (PdfReader(), FeedReader(), HtmlReader(), TxtReader())
HEAD_BYTES = 1024  # what detect() sees of a file

__all__ = ["InputFile", "READERS", "Reader", "discover", "read", "extract_html", "normalise_date", "with_title",
           "MAX_TEXT_BYTES"]


def read(f: InputFile) -> list[SourceDoc | FailedItem]:
    """Read one input file into one or more documents; raises ExtractError subclasses for the whole file.

    The file's type is checked before anything is read (a FIFO, socket or device is never opened for
    reading, a sparse 10 GB file is refused by its size), and at most the reader's size limit is read.
    """
    if f.refused:
        raise NotFollowed(f.refused)
    size = _regular_file_size(f)
    try:
        with open(f.path, "rb", opener=safe_opener) as fh:
            _check_regular(os.fstat(fh.fileno()))  # the path may have changed since the stat above
            head = fh.read(HEAD_BYTES)
            reader = next((r for r in READERS if r.detect(f, head)), None)
            if reader is None:
                kind = suffix(f) or "(no extension)"
                raise UnsupportedFormat(f"unsupported file type {kind}: no reader for it")
            if size > reader.max_bytes:
                raise TooLarge(f"file too large: {size / 1048576:.1f} MB, the limit for {reader.name} files is "
                               f"{reader.max_bytes / 1048576:.0f} MB")
            data = head + fh.read(reader.max_bytes + 1 - len(head))
            if len(data) > reader.max_bytes:  # it grew while we read it
                raise TooLarge(f"file too large: more than {reader.max_bytes / 1048576:.0f} MB, the limit for "
                               f"{reader.name} files")
    except OSError as e:
        raise ReadError(f"cannot read file: {e.strerror or e}") from e
    if not data:
        raise EmptyDocument("empty document: the file is empty (0 bytes)")
    return [clean_strings(d) for d in reader.parse(f, data)]


def safe_opener(path: str, flags: int) -> int:
    """``open()`` opener that never blocks: a FIFO opened without O_NONBLOCK waits for a writer forever."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _check_regular(st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise UnsupportedFormat("not a file: a folder")
    if not stat.S_ISREG(st.st_mode):
        raise UnsupportedFormat("not a regular file (a device, pipe or socket)")


def _regular_file_size(f: InputFile) -> int:
    """The file's size; ReadError when it cannot be reached, UnsupportedFormat for directories and devices."""
    try:
        st = os.stat(f.path)
    except OSError as e:
        raise ReadError(f"cannot read file: {e.strerror or e}") from e
    if stat.S_ISDIR(st.st_mode):
        try:
            os.listdir(f.path)
        except OSError as e:
            raise ReadError(f"cannot read folder: {e.strerror or e}") from e
    _check_regular(st)
    return st.st_size


def clean_strings(doc: SourceDoc | FailedItem) -> SourceDoc | FailedItem:
    """Lone surrogates (``\\udc80`` from a JSON escape or a PDF's text layer) become U+FFFD everywhere.

    They cannot be written as UTF-8, so one of them would otherwise fail the whole run at the write stage.
    """
    if isinstance(doc, FailedItem):
        doc.doc_id = replace_surrogates(doc.doc_id)
        return doc
    before = doc.raw_text
    for name in ("doc_id", "raw_text", "title", "published", "url", "encoding"):
        value = getattr(doc, name)
        if isinstance(value, str):
            setattr(doc, name, replace_surrogates(value))
    doc.warnings = [replace_surrogates(w) for w in doc.warnings]
    if doc.raw_text != before:
        doc.warnings.append("lone surrogate code points in the text were replaced by U+FFFD")
    return doc
