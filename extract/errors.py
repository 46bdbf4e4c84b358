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


class TimeUp(BaseException):
    """Raised by the per-document alarm. A BaseException, like KeyboardInterrupt, so that no reader's
    ``except Exception`` (one broken PDF page, a page trafilatura chokes on) can swallow the time limit;
    the runner turns it into DocumentTimeout."""


class UnsupportedFormat(ExtractError):
    code = "E110"


class TooLarge(ExtractError):
    code = "E111"


class NotFollowed(ExtractError):
    """A symbolic link that leads out of the input folder: listed, never opened."""

    code = "E112"


class MemoryLimit(ExtractError):
    """The document needed more memory than a worker may use (``--memory-limit``)."""

    code = "E113"


class InternalError(ExtractError):
    code = "E199"


class RunError(Exception):
    """An error that stops the whole run before any output is replaced; ``exit_code`` is the CLI's."""

    exit_code = 2


class RunRefused(RunError):
    """The run would lose earlier results (an empty input over a non-empty output folder)."""

    exit_code = 2


class OutputBusy(RunError):
    """Another run is writing into the same output folder."""

    exit_code = 4
