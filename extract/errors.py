"""Coded error messages: one place for every error a document or a run can get."""
from __future__ import annotations


class ExtractError(Exception):
    """An error that stops one document (never the batch)."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class DecodeError(ExtractError):
    code = "E101"


class EmptyDocument(ExtractError):
    code = "E102"


class BinaryContent(ExtractError):
    code = "E103"


class PdfError(ExtractError):
    code = "E104"


class NeedsOcr(ExtractError):
    code = "E105"


class HtmlNoText(ExtractError):
    code = "E106"


class FeedError(ExtractError):
    code = "E107"


class ReadError(ExtractError):
    code = "E108"


class DocumentTimeout(ExtractError):
    code = "E109"


class UnsupportedFormat(ExtractError):
    code = "E110"


class TooLarge(ExtractError):
    code = "E111"


class InternalError(ExtractError):
    code = "E199"
