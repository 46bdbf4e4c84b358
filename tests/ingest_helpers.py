"""PDF builders for the ingest tests (reportlab; the CID font STSong-Light renders Chinese without font files)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

CJK_FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))

PAGE_W, PAGE_H = A4
MARGIN = 56.0
LEADING = 14.0


def write_lines(c: canvas.Canvas, x: float, y: float, lines: Sequence[str], *, font: str = "Helvetica",
                size: float = 10.0, leading: float = LEADING) -> float:
    """Draw ``lines`` one under the other from (x, y); return the y below the last line."""
    c.setFont(font, size)
    for line in lines:
        c.drawString(x, y, line)
        y -= leading
    return y


def single_column_pdf(path: Path, paragraphs: Sequence[Sequence[str]], *, font: str = "Helvetica",
                      title: Optional[str] = None, encrypt: Optional[str] = None) -> Path:
    """One page; each paragraph is a list of already-broken lines, paragraphs separated by a blank line."""
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    if title:
        c.setTitle(title)
    y = PAGE_H - MARGIN
    for para in paragraphs:
        y = write_lines(c, MARGIN, y, para, font=font) - LEADING
    c.showPage()
    c.save()
    return path


def two_column_pdf(path: Path, pages: Sequence[tuple[Sequence[str], Sequence[str]]], *, header: str,
                   title_lines: Sequence[str] = (), full_width: Sequence[str] = (),
                   right_offset: float = 0.0, font: str = "Helvetica") -> Path:
    """Pages of (left column lines, right column lines) with a running header and a page number footer.

    ``full_width`` lines (an abstract) go under the title on page 1; ``right_offset`` moves the right column
    down so that its baselines do not line up with the left column's.
    """
    c = canvas.Canvas(str(path), pagesize=A4)
    col_w = (PAGE_W - 2 * MARGIN - 20) / 2
    for number, (left, right) in enumerate(pages, start=1):
        write_lines(c, MARGIN, PAGE_H - 30, [header], size=8, font=font)
        top = PAGE_H - MARGIN - 10
        if number == 1 and title_lines:
            top = write_lines(c, MARGIN, top, title_lines, font="Helvetica-Bold", size=12, leading=16) - 10
        if number == 1 and full_width:
            top = write_lines(c, MARGIN, top, full_width) - 10
        write_lines(c, MARGIN, top, left, font=font)
        write_lines(c, MARGIN + col_w + 20, top - right_offset, right, font=font)
        c.setFont("Helvetica", 9)
        c.drawCentredString(PAGE_W / 2, 30, str(number))
        c.showPage()
    c.save()
    return path


def shapes_only_pdf(path: Path) -> Path:
    """A page with drawn shapes and no text layer (like a scan)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 500, 200, 100, fill=1)
    c.circle(300, 300, 50)
    c.line(50, 50, 500, 700)
    c.showPage()
    c.save()
    return path
