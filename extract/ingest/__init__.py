"""Ingest: find input files and read each into SourceDocs through the first reader that detects it.

Readers are tried in the order of READERS (ChemDataExtractor style): PDF first because it is recognised by
its magic bytes too, then feeds, HTML and plain text by extension. A file no reader takes is skipped
(UnsupportedFormat); a file that cannot be read at all raises another ExtractError.
"""
from __future__ import annotations

import os
import stat

from ..document import FailedItem, SourceDoc
from ..errors import EmptyDocument, ReadError, TooLarge, UnsupportedFormat
from .base import MAX_TEXT_BYTES, Reader, normalise_date, suffix, with_title
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
    """Read one input file into one or more documents; raises ExtractError subclasses for the whole file."""
    size = _regular_file_size(f)
    try:
        with open(f.path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
            reader = next((r for r in READERS if r.detect(f, head)), None)
            if reader is None:
                kind = suffix(f) or "(no extension)"
                raise UnsupportedFormat(f"unsupported file type {kind}: no reader for it")
            if size > reader.max_bytes:
                raise TooLarge(f"file too large: {size / 1048576:.1f} MB, the limit for {reader.name} files is "
                               f"{reader.max_bytes / 1048576:.0f} MB")
            data = head + fh.read()
    except OSError as e:
        raise ReadError(f"cannot read file: {e.strerror or e}") from e
    if not data:
        raise EmptyDocument("empty document: the file is empty (0 bytes)")
    return reader.parse(f, data)


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
        raise UnsupportedFormat("not a file: a folder")
    if not stat.S_ISREG(st.st_mode):
        raise UnsupportedFormat("not a regular file (a device, pipe or socket)")
    return st.st_size
