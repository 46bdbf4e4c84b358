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
from ..rxcache import rx

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
MARGIN_BAND = 0.07             # share of the page height at the top and bottom where headers and footers sit
MARGIN_GAP_FACTOR = 1.4        # a header/footer is set off from the text by more than this many line pitches
SMALLER_FONT = 0.5             # points below the body text size that mark a header/footer line
SUPERSCRIPT_SIZE = 0.85        # a word this much smaller than the one before it …
SUPERSCRIPT_RISE = 0.15        # … whose bottom is this share of that word's height higher is a superscript
TOUCHING = 0.1                 # words closer than this share of the font size were one word before a size change
DEDUPE_TOLERANCE = 1.0         # overprinted ("fake bold") copies of a glyph lie within this many points
MIN_TABLE_ROWS = 2             # a ruled grid with fewer rows or columns is a frame, not a table
MIN_TABLE_COLS = 2
MAX_PAGE_CHARS = 200_000       # a page with more glyphs than this is not an article page: skipped, with a warning
REPEAT_SHARE = 0.5             # an edge line repeated on this share of the pages (digits aside) is running text …
REPEAT_PAGES = 3               # … or on this many pages (chapter headers of long documents)
WORD_OPTIONS: dict[str, Any] = {"x_tolerance_ratio": 0.15, "extra_attrs": ["size"]}  # ratio: tight fonts
MAX_CID_SHARE = 0.3            # "(cid:N)" glyphs without a Unicode mapping: above this the text layer is unusable

PAGE_NUMBER = rx(
    r"^(?:(?:page|p\.?)\s*\d+(?:\s*(?:of|/)\s*\d+)?|[-–—\s]*\d{1,4}[-–—\s]*|\d+\s*/\s*\d+|"
    r"第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[ivxlc]{1,6})$", re.I)
_LIST_ITEM = rx(r"^(?:[•·▪●◦■□\-–*]\s|\(?\d{1,2}(?:\)|[.、](?!\d))|[①-⑳])")  # a list item starts a paragraph
_CID = rx(r"\(cid:\d+\)")
_CJK_CHAR = rx(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_TERMINAL = tuple(".。!?！？:：;；")
_HYPHENS = ("-", "\u2010", "\u00ad")
_LEFT_FRAGMENT = rx(r"(?<![A-Za-z])([A-Za-z]+)[-\u2010\u00ad]$")
MAX_FRAGMENT = 64              # letters of a hyphenated word's first half that de-hyphenation looks at
_RIGHT_FRAGMENT = rx(r"^([A-Za-z]+)")
_WORD = rx(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_JUNK_TITLE = rx(r"(?:^untitled$|^microsoft\s+word|\.(?:docx?|pdf|tex|indd|rtf)$|^\s*$)", re.I)

# Second halves that make a hyphenated compound rather than a word broken by typesetting ("marrow-derived").
COMPOUND_SECONDS: frozenset[str] = frozenset("""
    derived based related dependent independent producing secreting treated induced free like specific
    positive negative term up blind blinded label labelled labeled arm centre center year years month months
    week weeks day days old cell cells dose controlled matched adjusted associated mediated onset lasting stage
    risk line scale wide sparing naive resistant sensitive targeted reactive expressing bearing making up
    inflammatory invasive analysis analyses over out in based randomised randomized
""".split())
# Word endings that never stand alone as the second half of a compound: a line-end hyphen before one of
# them was put there by typesetting ("Random-" + "ized", "infu-" + "sions"), whatever the document repeats.
SUFFIX_FRAGMENTS: frozenset[str] = frozenset("""
    ized ised ize ise izing ising ization isation izations isations ation ations tion tions sion sions ment
    ments ness ity ities ous ously ive ively ives ally ular ence ences ance ances able ably ible ibly ism isms
    ist ists ogy ogies ical ically ics ing ings ed er ers est ly ful fully less lessly ship ships ure ures
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
    kind: str = "text"                 # "text", or "table" for one row of a table read cell by cell

    @property
    def text(self) -> str:
        parts: list[str] = []
        prev: Optional[dict[str, Any]] = None
        last = ""   # the last character written
        for w in self.words:
            t = w["text"]
            sup = _superscript(prev, w) if prev is not None else None
            if sup is not None:
                parts.append(sup)
            else:
                # words split only by a change of size touch each other: no space ("design[12]." not "… .")
                touching = prev is not None and w["x0"] - prev["x1"] < TOUCHING * float(w.get("size") or 10.0)
                if last and not touching and not _cjk_boundary(last, t[0]):
                    parts.append(" ")
                parts.append(t)
            last = parts[-1][-1:] or last
            prev = w
        return "".join(parts)


_SUP_TEXT = rx(r"^[-+−–]?\d{1,3}$")
_CITATION_TEXT = rx(r"^\d{1,3}(?:[,\-–]\d{1,3})*$")


def _superscript(prev: dict[str, Any], w: dict[str, Any]) -> Optional[str]:
    """How a raised, smaller word right after ``prev`` is written: ``10`` + ``6`` gives ``10^6``, a citation
    number after a word gives ``[12]``; None when ``w`` is not a superscript."""
    psize, size = float(prev.get("size") or 0), float(w.get("size") or 0)
    if not psize or not size or size > SUPERSCRIPT_SIZE * psize:
        return None
    height = prev["bottom"] - prev["top"]
    if w["bottom"] > prev["bottom"] - SUPERSCRIPT_RISE * height or w["x0"] - prev["x1"] > 0.5 * psize:
        return None
    t = w["text"]
    if prev["text"].endswith("10") and _SUP_TEXT.match(t):
        return "^" + t.replace("−", "-").replace("–", "-")
    if _CITATION_TEXT.match(t) and prev["text"][-1:].isalpha():
        return f"[{t}]"
    return None


@dataclass
class PageLayout:
    lines: list[Line]
    width: float
    height: float = 0.0
    streams: list[list[Line]] = field(default_factory=list)   # column streams in reading order
    head: list[Line] = field(default_factory=list)            # header lines set off above the text
    foot: list[Line] = field(default_factory=list)            # footer lines set off below it


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
    except MemoryError:  # the worker's memory limit: never a format error
        raise
    except Exception as e:  # noqa: BLE001 - pdfminer raises many unrelated types on broken files
        cause = _pdfminer_cause(e)
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(cause).lower():
            raise PdfError(f"encrypted PDF: cannot be opened without a password ({type(cause).__name__})") from e
        raise PdfError(f"malformed PDF: cannot be opened ({type(cause).__name__}: {cause})") from e
    with pdf:
        try:
            all_pages = list(pdf.pages)
        except MemoryError:  # the worker's memory limit: never a format error
            raise
        except Exception as e:  # noqa: BLE001
            raise PdfError(f"malformed PDF: the page tree cannot be read ({type(e).__name__}: {e})") from e
        if not all_pages:
            raise PdfError("malformed PDF: no pages (truncated or damaged file)")
        if len(all_pages) > MAX_PDF_PAGES:
            warnings.append(f"only the first {MAX_PDF_PAGES} of {len(all_pages)} pages were read")
        layouts: list[PageLayout] = []
        for number, page in enumerate(all_pages[:MAX_PDF_PAGES], start=1):
            try:
                layouts.append(read_page(page, number, warnings))
            except MemoryError:  # the worker's memory limit: never a format error
                raise
            except Exception as e:  # noqa: BLE001 - one broken page must not lose the others
                warnings.append(f"page {number} could not be read ({type(e).__name__})")
        if not layouts:
            raise PdfError("malformed PDF: no page could be read")
        try:
            title = _metadata_title(pdf.metadata)
        except MemoryError:  # the worker's memory limit: never a format error
            raise
        except Exception:  # noqa: BLE001 - a damaged info dictionary only costs the title
            title = None
    _check_cid(layouts)
    return layouts, title


def read_page(page: Any, number: int, warnings: list[str]) -> PageLayout:
    """One page's lines: overprinted glyphs merged, ruled tables read cell by cell, the rest as words."""
    width, height = float(page.width), float(page.height)
    if len(page.chars) > MAX_PAGE_CHARS:
        warnings.append(f"page {number} has {len(page.chars)} glyphs (more than {MAX_PAGE_CHARS}): not read")
        return PageLayout(lines=[], width=width, height=height)
    page = dedupe_chars(page)   # "fake bold": the same glyph drawn 2-3 times
    rows, boxes = _table_rows(page)
    words = page.extract_words(**WORD_OPTIONS)
    if boxes:
        words = [w for w in words if not any(_inside(w, b) for b in boxes)]
    lines = page_lines(words)
    if rows:
        lines = sorted(lines + rows, key=lambda ln: ln.top)
    return PageLayout(lines=lines, width=width, height=height)


def dedupe_chars(page: Any) -> Any:
    """The page without overprinted copies of a glyph (same text, font and size within DEDUPE_TOLERANCE).

    pdfplumber's own ``dedupe_chars`` restores the order with ``list.index`` (quadratic: 40 s for a page of
    20,000 glyphs); this is linear, with a grid of tolerance-sized cells.
    """
    seen: dict[tuple[Any, ...], list[tuple[float, float]]] = {}
    dups: set[int] = set()
    tol = DEDUPE_TOLERANCE
    for ch in page.chars:
        x, y = float(ch["x0"]), float(ch["doctop"])
        base = (ch.get("text"), ch.get("fontname"), ch.get("size"), ch.get("upright"))
        ix, iy = int(x // tol), int(y // tol)
        duplicate = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for px, py in seen.get((*base, ix + dx, iy + dy), ()):
                    if abs(px - x) <= tol and abs(py - y) <= tol:
                        duplicate = True
                        break
        if duplicate:
            dups.add(id(ch))
        else:
            seen.setdefault((*base, ix, iy), []).append((x, y))
    if not dups:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in dups)


def _table_rows(page: Any) -> tuple[list[Line], list[tuple[float, float, float, float]]]:
    """Ruled tables (pdfplumber's table finder) as one line per row, cells separated by tabs, so that a cell
    wrapped over several lines stays one cell instead of interleaving with its neighbours."""
    rows: list[Line] = []
    boxes: list[tuple[float, float, float, float]] = []
    for table in page.find_tables():
        cells = [[(c or "").strip() for c in row] for row in table.extract()]
        cells = [row for row in cells if any(row)]
        if len(cells) < MIN_TABLE_ROWS or max((sum(1 for c in r if c) for r in cells), default=0) < MIN_TABLE_COLS:
            continue
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        boxes.append((x0, top, x1, bottom))
        sizes = [float(c.get("size") or 0) for c in page.within_bbox(table.bbox).chars] or [10.0]
        size = statistics.median(sizes)
        pitch = (bottom - top) / len(cells)
        for k, row in enumerate(cells):
            text = "\t".join(" ".join(c.split()) for c in row if c)
            y = top + k * pitch
            word = {"text": text, "x0": x0, "x1": x1, "top": y, "bottom": y + pitch, "size": size}
            rows.append(Line([word], y, y + pitch, x0, x1, size, kind="table"))
    return rows, boxes


def _inside(w: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


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
    """Group pdfplumber words into visual lines, top to bottom, each line's words left to right.

    A word joins a line when their vertical extents overlap by half the smaller height, so a raised
    superscript (10⁶, a citation) stays in its line instead of becoming a line of its own.
    """
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        height = max(w["bottom"] - w["top"], 1.0)
        line = lines[-1] if lines else None
        if line is not None and _overlap(w, line) >= LINE_Y_TOLERANCE * min(height, max(line.bottom - line.top, 1.0)):
            line.words.append(w)
            line.x0, line.x1 = min(line.x0, w["x0"]), max(line.x1, w["x1"])
            line.top, line.bottom = min(line.top, w["top"]), max(line.bottom, w["bottom"])
        else:
            lines.append(Line([w], w["top"], w["bottom"], w["x0"], w["x1"], float(w.get("size") or height)))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
        _settle(line)
    return lines


def _overlap(w: dict[str, Any], line: Line) -> float:
    return min(w["bottom"], line.bottom) - max(w["top"], line.top)


def _settle(line: Line) -> None:
    """A line's size and vertical extent are those of its main text (most characters), not of a superscript."""
    by_size: Counter[float] = Counter()
    for w in line.words:
        by_size[round(float(w.get("size") or 0), 1)] += len(w["text"])
    size = by_size.most_common(1)[0][0] if by_size else 0.0
    main = [w for w in line.words if round(float(w.get("size") or 0), 1) == size] or line.words
    if size:
        line.size = size
    line.top, line.bottom = min(w["top"] for w in main), max(w["bottom"] for w in main)


def pdf_text(pages: list[PageLayout]) -> str:
    """Readable text of the pages: edges cleaned, columns ordered, paragraphs joined.

    Running headers/footers and page numbers are dropped. Other lines set off in a page's top or bottom
    margin (a journal line, a DOI, a footnote on a one-page article) keep their text but leave the flow:
    page 1's header stays first, every other margin line goes after the body, so none of them can land
    inside a sentence that runs on across a column or a page.
    """
    drop_running_lines(pages)
    body_size, pitch = _body_metrics(pages)
    tail: list[Line] = []
    for number, page in enumerate(pages):
        split_margins(page, body_size, pitch)
        page.streams = reading_order(page.lines, page.width)
        for stream in page.streams:
            tail.extend(_footnotes(stream, body_size, pitch))
        page.streams = [st for st in page.streams if st]
        if number == 0 and page.head:
            page.streams.insert(0, page.head)
        else:
            tail.extend(page.head)
        tail.extend(page.foot)
    vocab, hyphenated = _vocabulary(pages)
    paragraphs: list[list[Line]] = []
    for page in pages:
        for stream in page.streams:
            left = min(ln.x0 for ln in stream)
            right = max(ln.x1 for ln in stream)
            pitch_ = _usual_pitch(stream)
            for i, line in enumerate(stream):
                if line.kind == "table" or (paragraphs and paragraphs[-1][-1].kind == "table"):
                    # a table is one block, a row per line; text around it starts its own paragraphs
                    new = not (paragraphs and line.kind == "table" == paragraphs[-1][-1].kind)
                elif i == 0:
                    new = not paragraphs or not _continues(paragraphs[-1][-1], line)
                else:
                    new = _starts_paragraph(stream[i - 1], line, left, right, pitch_)
                if new:
                    paragraphs.append([line])
                else:
                    paragraphs[-1].append(line)
    seen: set[str] = set()
    for line in tail:
        if line.text.strip() and line.text not in seen:
            seen.add(line.text)
            paragraphs.append([line])
    return "\n\n".join(_paragraph_text(para, vocab, hyphenated) for para in paragraphs).strip()


def _paragraph_text(para: list[Line], vocab: set[str], hyphenated: set[str]) -> str:
    if para[0].kind == "table":
        return "\n".join(ln.text for ln in para)
    return join_lines([ln.text for ln in para], vocab, hyphenated)


def _body_metrics(pages: list[PageLayout]) -> tuple[float, float]:
    """The body text's font size (the size most characters have) and its usual line pitch."""
    sizes: Counter[float] = Counter()
    pitches: list[float] = []
    for page in pages:
        text_lines = [ln for ln in page.lines if ln.kind == "text"]
        for ln in text_lines:
            sizes[round(ln.size, 1)] += sum(len(w["text"]) for w in ln.words)
        pitches.extend(b.top - a.top for a, b in zip(text_lines, text_lines[1:])
                       if b.top > a.top and abs(a.size - b.size) < 0.5)
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    return size, (statistics.median(pitches) if pitches else size * 1.2)


def split_margins(page: PageLayout, body_size: float, pitch: float) -> None:
    """Move header and footer lines (set off in the top or bottom margin) from ``page.lines`` to head/foot.

    A line counts when it lies in the margin band, is separated from the text by more than the usual line
    pitch, and is smaller than the body text or is a page number. Page numbers are dropped outright.
    """
    if not page.height or len(page.lines) < 2:
        return
    band = MARGIN_BAND * page.height
    gap = MARGIN_GAP_FACTOR * pitch

    def marginal(line: Line, neighbour: Line) -> bool:
        if line.kind != "text":
            return False
        apart = (neighbour.top - line.top) if neighbour.top > line.top else (line.top - neighbour.top)
        small = line.size <= body_size - SMALLER_FONT
        return apart > gap and (small or _page_number_only(line))

    lines = page.lines
    while len(lines) >= 2 and len(page.head) < EDGE_LINES and lines[0].bottom <= band and marginal(lines[0], lines[1]):
        page.head.append(lines.pop(0))
    while (len(lines) >= 2 and len(page.foot) < EDGE_LINES and lines[-1].top >= page.height - band
           and marginal(lines[-1], lines[-2])):
        page.foot.insert(0, lines.pop())
    for group in (page.head, page.foot):
        group[:] = [kept for kept in (_without_page_number(ln) for ln in group) if kept is not None]
    page.lines = lines


def _footnotes(stream: list[Line], body_size: float, pitch: float) -> list[Line]:
    """Remove and return the small-print lines set off at the end of a column (a footnote, a copyright line
    under the first column), which would otherwise sit between the column and the next one."""
    k = len(stream)
    while k > 1 and len(stream) - k < EDGE_LINES and stream[k - 1].kind == "text" \
            and stream[k - 1].size <= body_size - SMALLER_FONT:
        k -= 1
    if (k == len(stream) or stream[k - 1].size <= body_size - SMALLER_FONT
            or stream[k].top - stream[k - 1].top <= MARGIN_GAP_FACTOR * pitch):
        return []
    notes = stream[k:]
    del stream[k:]
    return notes


def _chunks(line: Line) -> list[list[dict[str, Any]]]:
    """A line's words in runs separated by wide gaps (a footer's DOI on the left, its page number right)."""
    runs: list[list[dict[str, Any]]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:]):
        if w["x0"] - prev["x1"] >= MIN_GUTTER_WIDTH:
            runs.append([w])
        else:
            runs[-1].append(w)
    return runs


def _page_number_only(line: Line) -> bool:
    return all(PAGE_NUMBER.match(Line(run, 0, 0, 0, 0, 0).text.strip()) for run in _chunks(line))


def _without_page_number(line: Line) -> Optional[Line]:
    """``line`` without the runs of words that are page numbers; None when nothing else is left."""
    runs = [run for run in _chunks(line) if not PAGE_NUMBER.match(Line(run, 0, 0, 0, 0, 0).text.strip())]
    if not runs:
        return None
    words = [w for run in runs for w in run]
    return line if len(words) == len(line.words) else _subline(words, line)


def drop_running_lines(pages: list[PageLayout]) -> None:
    """Remove page numbers and headers/footers repeated on most pages.

    Edge lines are compared as text: identical on most pages, or identical but for one number that grows
    from page to page ("Diabetes Care 47: 301" … "47: 305"). Lines that differ in other numbers (a table
    or list continued page after page) are text and stay.
    """
    if not pages:
        return
    groups: dict[str, list[tuple[int, list[int]]]] = {}
    in_margin: dict[str, bool] = {}
    for number, page in enumerate(pages):
        for ln in _edges(page.lines):
            key = _mask(ln)
            in_margin[key] = in_margin.get(key, True) and _in_margin_band(ln, page)
        for key, nums in {_mask(ln): _numbers(ln) for ln in _edges(page.lines)}.items():
            groups.setdefault(key, []).append((number, nums))
    threshold = max(2, min(REPEAT_SHARE * len(pages), REPEAT_PAGES))
    # a number growing page by page makes a running line only in the margin ("Case 3" atop a page is text)
    running = {key for key, found in groups.items()
               if len(found) >= threshold and _runs(found, numbered_ok=in_margin.get(key, False))}
    for page in pages:
        edges = {id(ln) for ln in _edges(page.lines)}
        page.lines = [ln for ln in page.lines
                      if id(ln) not in edges or not (_page_number_only(ln) or _mask(ln) in running)]


def _mask(line: Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)).lower()


def _numbers(line: Line) -> list[int]:
    return [int(n[:9]) for n in re.findall(r"\d+", line.text)]


def _in_margin_band(line: Line, page: PageLayout) -> bool:
    band = MARGIN_BAND * page.height
    return not page.height or line.bottom <= band or line.top >= page.height - band


def _runs(found: list[tuple[int, list[int]]], *, numbered_ok: bool = True) -> bool:
    """Whether same-shaped edge lines on several pages are one running line (see drop_running_lines)."""
    vectors = [nums for _, nums in found]
    differing = [k for k in range(len(vectors[0])) if len({v[k] for v in vectors}) > 1]
    if not differing:
        return True
    if len(differing) > 1 or not numbered_ok:
        return False
    k = differing[0]
    values = [v[k] for v in vectors]
    pages = [p for p, _ in found]
    return all(b > a for a, b in zip(values, values[1:])) and all(
        (vb - va) == (pb - pa) for (va, vb), (pa, pb) in zip(zip(values, values[1:]), zip(pages, pages[1:])))


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
    if _is_two_columns(lines, gutter):
        return gutter
    return _short_column_gutter(lines, width)


def _short_column_gutter(lines: list[Line], width: float) -> Optional[float]:
    """The gutter of a page whose right column is short (the article ends near its top).

    The coverage count cannot see it (most of the right half is empty), but the few lines that have a
    right part all leave the same wide gap: its common part is the gutter, if the left column is running
    text, the right part starts with the columns and is as wide as the left column, and few lines cross.
    """
    lo, hi = width * GUTTER_BAND[0], width * GUTTER_BAND[1]
    spans = []
    for ln in lines:
        gaps = [(a, b) for a, b in _wide_gaps(ln) if a < hi and b > lo]
        if gaps:
            spans.append(max(gaps, key=lambda g: g[1] - g[0]))
    if not spans:
        return None
    a, b = max(g[0] for g in spans), min(g[1] for g in spans)
    if b - a < MIN_GUTTER_WIDTH / 2:
        return None
    gutter = (a + b) / 2
    crossing = [ln for ln in lines if _crosses(ln, gutter)]
    if len(crossing) > MAX_CROSSING_SHARE * len(lines):
        return None
    split = [ln for ln in lines if not _crosses(ln, gutter)]
    lefts = [ln for ln in split if any(w["x1"] <= gutter for w in ln.words)]
    rights = [ln for ln in split if any(w["x0"] >= gutter for w in ln.words)]
    if len(lefts) < MIN_COLUMN_LINES or not rights or len(rights) >= MIN_COLUMN_LINES:
        return None
    left_x0 = min(ln.x0 for ln in lefts)
    left_x1 = max(max(w["x1"] for w in ln.words if w["x1"] <= gutter) for ln in lefts)
    left_fill = statistics.median(
        (max(w["x1"] for w in ln.words if w["x1"] <= gutter) - ln.x0) / max(left_x1 - left_x0, 1) for ln in lefts)
    first = rights[0]
    first_width = first.x1 - min(w["x0"] for w in first.words if w["x0"] >= gutter)
    starts_with_columns = first.top <= lefts[0].top + 1.0
    return gutter if (left_fill >= MIN_COLUMN_FILL and starts_with_columns
                      and first_width >= MIN_COLUMN_FILL * (left_x1 - left_x0)) else None


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
    return Line(words, like.top, like.bottom, min(w["x0"] for w in words), max(w["x1"] for w in words), like.size,
                like.kind)


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
    """One paragraph from its lines: hyphenation undone, no space between CJK characters.

    Built as a list of pieces joined once: growing one string line by line is quadratic in a long paragraph.
    """
    pieces: list[str] = []
    prev = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not pieces:
            pieces.append(line)
        elif prev.endswith(_HYPHENS):
            if not _keeps_hyphen(prev, line, vocab, hyphenated):
                pieces[-1] = pieces[-1][:-1]
            pieces.append(line)
        else:
            pieces.append(line if _cjk_boundary(prev[-1], line[0]) else " " + line)
        prev = line
    return "".join(pieces)


def _keeps_hyphen(before: str, after: str, vocab: set[str], hyphenated: set[str]) -> bool:
    """Whether a line ending in a hyphen keeps it when joined with the next: only a word broken by
    typesetting loses it."""
    if before.endswith("\u00ad"):
        return False  # a soft hyphen is never part of the word
    # the last word only: searching the whole line restarts at every letter (quadratic on long lines)
    lm, rm = _LEFT_FRAGMENT.search(before, max(0, len(before) - MAX_FRAGMENT)), _RIGHT_FRAGMENT.match(after)
    if not lm or not rm:
        return True   # "HbA1c 7-" + "8%": a range, keep the hyphen
    left, right = lm.group(1), rm.group(1)
    if right.lower() in SUFFIX_FRAGMENTS and f"{left}-{right}".lower() not in hyphenated:
        return False
    keep = (any(c.isupper() for c in left[1:]) or right[0].isupper()      # UC-MSC, CD34-Positive
            or f"{left}-{right}".lower() in hyphenated
            or (right.lower() in COMPOUND_SECONDS or left.lower() in COMPOUND_FIRSTS)
            and (left + right).lower() not in vocab)
    if (left + right).lower() in vocab and f"{left}-{right}".lower() not in hyphenated:
        keep = False
    return bool(keep)


def _cjk_boundary(a: str, b: str) -> bool:
    return bool(_CJK_CHAR.match(a) or _CJK_CHAR.match(b))
