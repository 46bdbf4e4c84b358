"""PDF files through pdfplumber: two-column reading order, running headers and page numbers dropped, lines
re-joined into paragraphs (English hyphenation undone, Chinese lines joined without spaces)."""
from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ..document import FailedItem, SourceDoc
from ..errors import EmptyDocument, NeedsOcr, PdfError
from .base import Reader, clean_title, suffix
from .discover import InputFile

MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_PDF_PAGES = 300            # later pages are not read (with a warning): the batch has a time limit per file

# layout thresholds, in PDF points unless said otherwise
LINE_Y_TOLERANCE = 0.5         # share of a word's height its top may differ from its line's top
GUTTER_BAND = (0.25, 0.75)     # where a column gutter may lie, as shares of the page width
MIN_GUTTER_WIDTH = 8.0         # wider than any word space in justified text
MAX_CROSSING_SHARE = 0.5       # lines crossing the gutter (titles, full-width abstracts) at most this share
GUTTER_SLACK = 0.1             # lines that may cover part of the gutter run (ragged ends, a title)
MIN_COLUMN_LINES = 4           # lines with text on both sides of the gutter, for a two-column page
MIN_COLUMN_FILL = 0.5          # median column line length / column width: text columns, not a table
PARA_GAP_FACTOR = 1.4          # a line pitch this many times the usual one starts a paragraph
INDENT_EMS = 1.0               # a first-line indent of this many font sizes starts a paragraph
SHORT_LINE_SHARE = 0.8         # a line ending before this share of its column width may end a paragraph
EDGE_LINES = 2                 # lines at the top and bottom of a page inspected for headers/footers
REPEAT_SHARE = 0.5             # an edge line repeated on this share of the pages (digits aside) is running text …
REPEAT_PAGES = 3               # … or on this many pages (chapter headers of long documents)
WORD_OPTIONS: dict[str, Any] = {"x_tolerance_ratio": 0.15, "extra_attrs": ["size"]}  # ratio: tight fonts
MAX_CID_SHARE = 0.3            # "(cid:N)" glyphs without a Unicode mapping: above this the text layer is unusable

PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.?)\s*\d+(?:\s*(?:of|/)\s*\d+)?|[-–—\s]*\d{1,4}[-–—\s]*|\d+\s*/\s*\d+|"
    r"第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[ivxlc]{1,6})$", re.I)
_LIST_ITEM = re.compile(r"^(?:[•·▪●◦■□\-–*]\s|\(?\d{1,2}(?:\)|[.、](?!\d))|[①-⑳])")  # a list item starts a paragraph
_CID = re.compile(r"\(cid:\d+\)")
_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_TERMINAL = tuple(".。!?！？:：;；")
_HYPHENS = ("-", "\u2010", "\u00ad")
_LEFT_FRAGMENT = re.compile(r"([A-Za-z]+)[-\u2010\u00ad]$")
_RIGHT_FRAGMENT = re.compile(r"^([A-Za-z]+)")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_JUNK_TITLE = re.compile(r"(?:^untitled$|^microsoft\s+word|\.(?:docx?|pdf|tex|indd|rtf)$|^\s*$)", re.I)

# Second halves that make a hyphenated compound rather than a word broken by typesetting ("marrow-derived").
COMPOUND_SECONDS: frozenset[str] = frozenset("""
    derived based related dependent independent producing secreting treated induced free like specific
    positive negative term up blind blinded label labelled labeled arm centre center year years month months
    week weeks day days old cell cells dose controlled matched adjusted associated mediated onset lasting stage
    risk line scale wide sparing naive resistant sensitive targeted reactive expressing bearing making up
    inflammatory invasive analysis analyses over out in based randomised randomized
""".split())
# First halves that are prefixes written with a hyphen in medical English ("non-inferior", "self-renewal").
COMPOUND_FIRSTS: frozenset[str] = frozenset("non self well anti semi multi double single placebo".split())


@dataclass
class Line:
    words: list[dict[str, Any]]
    top: float
    bottom: float
    x0: float
    x1: float
    size: float

    @property
    def text(self) -> str:
        out = ""
        for w in self.words:
            t = w["text"]
            out = f"{out}{'' if not out or _cjk_boundary(out[-1], t[0]) else ' '}{t}"
        return out


@dataclass
class PageLayout:
    lines: list[Line]
    width: float
    streams: list[list[Line]] = field(default_factory=list)   # column streams in reading order


class PdfReader(Reader):
    name = "pdf"
    extensions = (".pdf",)
    max_bytes = MAX_PDF_BYTES

    def detect(self, f: InputFile, head: bytes) -> bool:
        # a PDF saved without its extension is still a PDF; a PDF under a text name would read as binary
        return suffix(f) in self.extensions or head.lstrip()[:5] == b"%PDF-"

    def parse(self, f: InputFile, data: bytes) -> list[SourceDoc | FailedItem]:
        if not data.strip():
            raise EmptyDocument("empty document: the PDF file is empty")
        warnings: list[str] = []
        pages, title = _read_pages(data, warnings)
        text = pdf_text(pages)
        if not text.strip():
            raise NeedsOcr("no text layer: the PDF has pages but no extractable text; it needs OCR, "
                           "which is not supported")
        return [SourceDoc(doc_id=f.rel, raw_text=text, source_format="pdf", source_path=f.rel, title=title,
                          warnings=warnings)]


def _read_pages(data: bytes, warnings: list[str]) -> tuple[list[PageLayout], Optional[str]]:
    """Open the PDF and collect each page's lines; PdfError for encrypted or malformed files."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - pdfminer raises many unrelated types on broken files
        cause = _pdfminer_cause(e)
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(cause).lower():
            raise PdfError(f"encrypted PDF: cannot be opened without a password ({type(cause).__name__})") from e
        raise PdfError(f"malformed PDF: cannot be opened ({type(cause).__name__}: {cause})") from e
    with pdf:
        try:
            all_pages = list(pdf.pages)
        except Exception as e:  # noqa: BLE001
            raise PdfError(f"malformed PDF: the page tree cannot be read ({type(e).__name__}: {e})") from e
        if not all_pages:
            raise PdfError("malformed PDF: no pages (truncated or damaged file)")
        if len(all_pages) > MAX_PDF_PAGES:
            warnings.append(f"only the first {MAX_PDF_PAGES} of {len(all_pages)} pages were read")
        layouts: list[PageLayout] = []
        for number, page in enumerate(all_pages[:MAX_PDF_PAGES], start=1):
            try:
                layouts.append(PageLayout(lines=page_lines(page.extract_words(**WORD_OPTIONS)),
                                          width=float(page.width)))
            except Exception as e:  # noqa: BLE001 - one broken page must not lose the others
                warnings.append(f"page {number} could not be read ({type(e).__name__})")
        if not layouts:
            raise PdfError("malformed PDF: no page could be read")
        try:
            title = _metadata_title(pdf.metadata)
        except Exception:  # noqa: BLE001 - a damaged info dictionary only costs the title
            title = None
    _check_cid(layouts)
    return layouts, title


def _pdfminer_cause(e: Exception) -> Exception:
    """The pdfminer exception pdfplumber wraps in its own PdfminerException."""
    inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else None
    return inner or e


def _metadata_title(meta: dict[str, Any]) -> Optional[str]:
    raw = meta.get("Title")
    if isinstance(raw, bytes):
        raw = raw.decode("utf-16" if raw.startswith((b"\xfe\xff", b"\xff\xfe")) else "latin-1", "replace")
    title = clean_title(raw)
    return None if title is None or _JUNK_TITLE.search(title) or len(title) < 4 else title


def _check_cid(pages: list[PageLayout]) -> None:
    text = " ".join(w["text"] for p in pages for ln in p.lines for w in ln.words)
    cid = sum(len(m) for m in _CID.findall(text))
    if text and cid / len(text) > MAX_CID_SHARE:
        raise NeedsOcr("no usable text layer: the PDF's fonts have no Unicode mapping; it needs OCR, "
                       "which is not supported")
    for p in pages:
        for ln in p.lines:
            for w in ln.words:
                w["text"] = _CID.sub("", w["text"])
            ln.words = [w for w in ln.words if w["text"]]
        p.lines = [ln for ln in p.lines if ln.words]


def page_lines(words: Iterable[dict[str, Any]]) -> list[Line]:
    """Group pdfplumber words into visual lines, top to bottom, each line's words left to right."""
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        height = max(w["bottom"] - w["top"], 1.0)
        line = lines[-1] if lines else None
        if line is not None and abs(w["top"] - line.top) <= LINE_Y_TOLERANCE * height:
            line.words.append(w)
            line.x0, line.x1 = min(line.x0, w["x0"]), max(line.x1, w["x1"])
            line.bottom = max(line.bottom, w["bottom"])
        else:
            lines.append(Line([w], w["top"], w["bottom"], w["x0"], w["x1"], float(w.get("size") or height)))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def pdf_text(pages: list[PageLayout]) -> str:
    """Readable text of the pages: edges cleaned, columns ordered, paragraphs joined."""
    drop_running_lines(pages)
    for page in pages:
        page.streams = reading_order(page.lines, page.width)
    vocab, hyphenated = _vocabulary(pages)
    paragraphs: list[list[Line]] = []
    for page in pages:
        for stream in page.streams:
            left = min(ln.x0 for ln in stream)
            right = max(ln.x1 for ln in stream)
            pitch = _usual_pitch(stream)
            for i, line in enumerate(stream):
                if i == 0:
                    new = not paragraphs or not _continues(paragraphs[-1][-1], line)
                else:
                    new = _starts_paragraph(stream[i - 1], line, left, right, pitch)
                if new:
                    paragraphs.append([line])
                else:
                    paragraphs[-1].append(line)
    return "\n\n".join(join_lines([ln.text for ln in para], vocab, hyphenated) for para in paragraphs).strip()


def drop_running_lines(pages: list[PageLayout]) -> None:
    """Remove page numbers and headers/footers repeated on most pages (digits ignored: 'p. 3' ~ 'p. 4')."""
    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)).lower()

    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({key(ln) for ln in _edges(page.lines)})
    threshold = max(2, min(REPEAT_SHARE * len(pages), REPEAT_PAGES))
    for page in pages:
        edges = {id(ln) for ln in _edges(page.lines)}
        page.lines = [ln for ln in page.lines
                      if id(ln) not in edges
                      or not (PAGE_NUMBER.match(ln.text.strip()) or counts[key(ln)] >= threshold)]


def _edges(lines: list[Line]) -> list[Line]:
    return lines[:EDGE_LINES] + lines[max(EDGE_LINES, len(lines) - EDGE_LINES):]


def reading_order(lines: list[Line], width: float) -> list[list[Line]]:
    """Streams of lines in reading order: full-width runs as they come, column runs left column first."""
    if not lines:
        return []
    gutter = find_gutter(lines, width)
    if gutter is None:
        return [lines]
    streams: list[list[Line]] = []
    left: list[Line] = []
    right: list[Line] = []
    full: list[Line] = []

    def flush_columns() -> None:
        streams.extend(s for s in (list(left), list(right)) if s)
        left.clear()
        right.clear()

    for line in lines:
        if _crosses(line, gutter):
            flush_columns()
            full.append(line)
            continue
        if full:
            streams.append(list(full))
            full.clear()
        lw = [w for w in line.words if w["x1"] <= gutter]
        rw = [w for w in line.words if w["x0"] >= gutter]
        if lw:
            left.append(_subline(lw, line))
        if rw:
            right.append(_subline(rw, line))
    flush_columns()
    if full:
        streams.append(full)
    return streams


def find_gutter(lines: list[Line], width: float) -> Optional[float]:
    """The x of a gutter between two text columns, or None for a single-column page.

    Running text covers every x of its column (word spaces are narrow), so on a single-column page almost
    every line covers the middle; on a two-column page almost no line covers the gutter, whether the two
    columns' lines share a baseline or not. Only titles and full-width blocks cross it.
    """
    lo, hi = int(width * GUTTER_BAND[0]), int(width * GUTTER_BAND[1])
    if hi <= lo or len(lines) < MIN_COLUMN_LINES:
        return None
    covered = [0] * (hi - lo + 1)
    for line in lines:
        xs: set[int] = set()
        for w in line.words:
            xs.update(range(max(lo, int(w["x0"])), min(hi, int(w["x1"])) + 1))
        for x in xs:
            covered[x - lo] += 1
    fewest = min(covered)
    if fewest > MAX_CROSSING_SHARE * len(lines):
        return None
    # the widest run of near-uncovered positions (a title's word space may be a single fully free x)
    limit = fewest + max(1, GUTTER_SLACK * len(lines))
    runs: list[tuple[int, int]] = []
    start = None
    for i, c in enumerate([*covered, limit + 1]):
        if c <= limit and start is None:
            start = i
        elif c > limit and start is not None:
            runs.append((start, i - 1))
            start = None
    a, b = max(runs, key=lambda r: r[1] - r[0])
    if b - a + 1 < MIN_GUTTER_WIDTH:
        return None
    # inside the run, the x fewest lines cover (those are the full-width ones), nearest the run's middle
    mid = (a + b) / 2
    x = min(range(a, b + 1), key=lambda i: (covered[i], abs(i - mid)))
    gutter = lo + x + 0.5
    return gutter if _is_two_columns(lines, gutter) else None


def _wide_gaps(line: Line) -> list[tuple[float, float]]:
    return [(p["x1"], n["x0"]) for p, n in zip(line.words, line.words[1:]) if n["x0"] - p["x1"] >= MIN_GUTTER_WIDTH]


def _is_two_columns(lines: list[Line], gutter: float) -> bool:
    split = [ln for ln in lines if not _crosses(ln, gutter)]
    lefts = [ln for ln in split if any(w["x1"] <= gutter for w in ln.words)]
    rights = [ln for ln in split if any(w["x0"] >= gutter for w in ln.words)]
    both = [ln for ln in lefts if ln in rights]
    if len(both) < MIN_COLUMN_LINES or len(lefts) < MIN_COLUMN_LINES or len(rights) < MIN_COLUMN_LINES:
        return False
    left_x0 = min(ln.x0 for ln in lefts)
    right_x1 = max(ln.x1 for ln in rights)
    right_x0 = min(min(w["x0"] for w in ln.words if w["x0"] >= gutter) for ln in rights)
    left_x1 = max(max(w["x1"] for w in ln.words if w["x1"] <= gutter) for ln in lefts)
    left_fill = statistics.median(
        (max(w["x1"] for w in ln.words if w["x1"] <= gutter) - ln.x0) / max(left_x1 - left_x0, 1) for ln in lefts)
    right_fill = statistics.median(
        (ln.x1 - min(w["x0"] for w in ln.words if w["x0"] >= gutter)) / max(right_x1 - right_x0, 1)
        for ln in rights)
    return left_fill >= MIN_COLUMN_FILL and right_fill >= MIN_COLUMN_FILL


def _crosses(line: Line, gutter: float) -> bool:
    """A full-width line: a word over the gutter, or words on both sides with only a word space between."""
    if any(w["x0"] < gutter < w["x1"] for w in line.words):
        return True
    if line.x0 >= gutter or line.x1 <= gutter:
        return False
    return not any(a <= gutter <= b for a, b in _wide_gaps(line))


def _subline(words: list[dict[str, Any]], like: Line) -> Line:
    return Line(words, like.top, like.bottom, min(w["x0"] for w in words), max(w["x1"] for w in words), like.size)


def _usual_pitch(stream: list[Line]) -> float:
    pitches = [b.top - a.top for a, b in zip(stream, stream[1:]) if b.top > a.top]
    return statistics.median(pitches) if pitches else 0.0


def _starts_paragraph(prev: Line, line: Line, left: float, right: float, pitch: float) -> bool:
    size = line.size or 10.0
    if pitch and line.top - prev.top > PARA_GAP_FACTOR * pitch:
        return True
    if abs(line.size - prev.size) > 1.0:
        return True  # a heading, or the text after one
    if _LIST_ITEM.match(line.text):
        return True
    if line.x0 - left >= INDENT_EMS * size and prev.x0 - left < INDENT_EMS * size:
        return True
    width = right - left
    return prev.text.rstrip().endswith(_TERMINAL) and width > 0 and prev.x1 - left < SHORT_LINE_SHARE * width


def _continues(prev: Line, line: Line) -> bool:
    """Whether a column's or page's first line goes on with the previous paragraph."""
    before, after = prev.text.rstrip(), line.text.lstrip()
    if not before or not after or before.endswith(_TERMINAL):
        return False
    if abs(line.size - prev.size) > 1.0:
        return False
    return after[0].islower() or before.endswith((*_HYPHENS, ",", "，", "、")) or bool(_CJK_CHAR.match(after[0]))


def _vocabulary(pages: list[PageLayout]) -> tuple[set[str], set[str]]:
    """Words and hyphenated words the document itself uses, to undo line-end hyphenation like its author."""
    words: set[str] = set()
    hyphenated: set[str] = set()
    for page in pages:
        for ln in page.lines:
            for m in _WORD.finditer(ln.text):
                (hyphenated if "-" in m.group() else words).add(m.group().lower())
    return words, hyphenated


def join_lines(lines: list[str], vocab: set[str] = frozenset(), hyphenated: set[str] = frozenset()) -> str:
    """One paragraph from its lines: hyphenation undone, no space between CJK characters."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        if out.endswith(_HYPHENS):
            out = _dehyphenate(out, line, vocab, hyphenated)
        elif _cjk_boundary(out[-1], line[0]):
            out = out + line
        else:
            out = f"{out} {line}"
    return out


def _dehyphenate(before: str, after: str, vocab: set[str], hyphenated: set[str]) -> str:
    """Join a line ending in a hyphen with the next: drop the hyphen only for a word broken by typesetting."""
    lm, rm = _LEFT_FRAGMENT.search(before), _RIGHT_FRAGMENT.match(after)
    if before.endswith("\u00ad"):
        return before[:-1] + after  # a soft hyphen is never part of the word
    if not lm or not rm:
        return before + after   # "HbA1c 7-" + "8%": a range, keep the hyphen
    left, right = lm.group(1), rm.group(1)
    keep = (any(c.isupper() for c in left[1:]) or right[0].isupper()      # UC-MSC, CD34-Positive
            or f"{left}-{right}".lower() in hyphenated
            or (right.lower() in COMPOUND_SECONDS or left.lower() in COMPOUND_FIRSTS)
            and (left + right).lower() not in vocab)
    if (left + right).lower() in vocab and f"{left}-{right}".lower() not in hyphenated:
        keep = False
    return before + after if keep else before[:-1] + after


def _cjk_boundary(a: str, b: str) -> bool:
    return bool(_CJK_CHAR.match(a) or _CJK_CHAR.match(b))
