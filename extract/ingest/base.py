"""The reader interface (detect + parse, as in ChemDataExtractor) and helpers shared by the readers."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from ..document import FailedItem, SourceDoc
from .discover import InputFile
from ..rxcache import rx

MAX_TEXT_BYTES = 20 * 1024 * 1024   # a text/HTML/feed file larger than this is refused (TooLarge)
TITLE_LOOKAHEAD_LINES = 3           # the title counts as present if it is in the first lines of the text

_SPACE = rx(r"\s+")
_SURROGATE = rx("[\ud800-\udfff]")
# Dates as sources write them: ISO (with time), slashes/dots, Chinese 年月日; year first only.
_DATE = rx(
    r"(?P<y>(?:19|20)\d\d)"
    r"(?:\s*(?:[-/.年]\s*)(?P<m>\d{1,2})(?:\s*(?:[-/.月]\s*)(?P<d>\d{1,2})\s*日?|\s*月)?)?"
)


class Reader(ABC):
    """One input format: ``detect`` says whether it reads a file, ``parse`` turns its bytes into documents."""

    name: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()
    max_bytes: ClassVar[int] = MAX_TEXT_BYTES

    def detect(self, f: InputFile, head: bytes) -> bool:
        """True when this reader handles ``f`` (by extension; ``head`` is the first bytes, for magic numbers)."""
        return suffix(f) in self.extensions

    @abstractmethod
    def parse(self, f: InputFile, data: bytes) -> list[SourceDoc | FailedItem]:
        """Read the file's bytes; raise an ExtractError subclass when the whole file fails."""


def suffix(f: InputFile) -> str:
    return f.path.suffix.lower()


def normalise_date(value: object) -> str | None:
    """A source date as YYYY-MM-DD, YYYY-MM or YYYY (as precise as stated), or None."""
    if value is None:
        return None
    m = _DATE.search(str(value).strip())
    if not m:
        return None
    year, month, day = m.group("y"), m.group("m"), m.group("d")
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def with_title(title: str | None, text: str) -> str:
    """``text`` with ``title`` as its first line, unless the title already opens the text (titles carry study info)."""
    if not title or not title.strip():
        return text
    head_lines = [ln for ln in text.splitlines() if ln.strip()][:TITLE_LOOKAHEAD_LINES]
    squash = lambda s: _SPACE.sub("", s).lower()  # noqa: E731 - compare ignoring spacing and case
    if squash(title) in squash("".join(head_lines)):
        return text
    return f"{title.strip()}\n\n{text}"


def clean_title(title: object) -> str | None:
    """A metadata title with spacing collapsed, or None when empty."""
    if not isinstance(title, str):
        return None
    t = _SPACE.sub(" ", title).strip()
    return t or None


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate code point replaced by U+FFFD (same length: offsets hold)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
