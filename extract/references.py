"""Reference lists: find them, parse their entries (Vancouver, APA, Nature, GB/T 7714) and in-text markers.

A reference list starts at a heading (参考资料 / 参考文献 / 主要参考资料 / References / Bibliography)
and runs to the end of the document, except trailing site boilerplate. Entries are numbered
("[1]", "1.") or one per line. Offsets are absolute offsets into ``Document.text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .document import Document
from .fields.identifiers import PMCID, PMID, find_dois
from .rxcache import rx

# --- data ---------------------------------------------------------------------------------

REF_HEADING = rx(
    r"^[ \t]*(?:[#*]+\s*)?(?:主要|相关)?(?:参考(?:资料|文献|来源|链接)|參考(?:資料|文獻|來源)|资料来源|資料來源|文献来源"
    r"|References?|Bibliography|Literature cited)\s*[:：]?",
    re.IGNORECASE | re.MULTILINE)
# a heading line must be short: "References" inside a sentence is not a list heading
MAX_HEADING_LEN = 40
# lines that end a reference list (site boilerplate after it)
LIST_END = rx(
    r"免责|免責|声明|聲明|版权|版權|上一篇|下一篇|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|往期推荐|往期推薦|"
    r"扫码|掃碼|关注我们|關注我們|发表回复|"
    r"相关新闻|相關新聞|相关报道|相關報導|相关文章|相關文章|"
    r"Disclaimer|Copyright|Related (?:articles|reading|posts|stories|news|content|links|coverage)|More (?:news|stories)|"
    r"Read more|Share this|Previous post|Next post",
    re.IGNORECASE)
ENTRY_NUMBER = rx(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.、)]|\((\d{1,3})\))\s*")
# in-text markers: [4], [6][8], [1-3], [2,5]; never decimals like [1.40]
MARKER = rx(r"\[(\d{1,3}(?:\s*[-–,，、]\s*\d{1,3})*)\]")
# a superscript marker flattened onto an author citation (Nature style): "Moreau et al.2 report",
# "Rahman and colleagues1 pooled"; a number after any other word is not read as a marker ("HbA1c", "type 2")
AUTHOR_MARKER = rx(r"(?:\bet al\.|(?:\band|&) (?:colleagues|co-?workers))"
                           r"(\d{1,3}(?:[-–,]\d{1,3})*)(?=[\s,;:)]|\.(?:\s|$))")
URL = rx(r"https?://[^\s<>\"\u2E80-\u9FFF\u3000-\u303F\uFF00-\uFFEF]+")
YEAR = rx(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
MAX_BIB_CHARS = 1500   # longer is not a citation; also bounds the style regexes' work
# where the bibliographic part of an entry ends (identifiers and links follow)
BIB_END = rx(r"\s(?:doi\s*[:：]|DOI\s*[:：]|https?://|PMID|PMCID|Epub|\[DOI\]|Available)|\bdoi\s*[:：]", re.I)

# style-specific shapes: GB/T 7714 ("作者.题名[J].刊名,年,卷(期):页"), APA, Nature, Vancouver
GBT = rx(r"^(?P<authors>[^\[\]]*?)[.．]\s*(?P<title>[^\[\]]+?)\s*\[(?:J|M|D|C|N|R|P|EB/OL|J/OL)\]\s*[.．]?\s*"
                 r"(?P<journal>[^,，.]+?)\s*[,，]\s*(?P<year>\d{4})")
APA = rx(r"^(?P<authors>.+?)\s*\((?P<year>\d{4})[a-z]?\)\.\s*(?P<title>.+?[.?!])\s+(?P<journal>[^\d]+?)[,\s]*(?=\d)")
NATURE = rx(r"^(?P<authors>.*?(?:et al\.|等\s*[.．]|&\s*[^,.&]+,\s*(?:[A-Z]\.\s?-?)+))\s*(?P<title>.+?[.?!])\s+"
                    r"(?P<journal>[^\d()]+?)\s*(?:\d+[,:]?\s*[\w.-]*\s*)?\((?P<year>\d{4})\)")
VANCOUVER = rx(r"^(?P<authors>(?:[^,.;]+?\s[A-Z]{1,3}(?:-[A-Z])?,\s*)*[^,.;]+?\s[A-Z]{1,3}(?:-[A-Z])?(?:,?\s*et al)?)\.\s+"
                       r"(?P<title>.+?[.?!)])\s+(?P<journal>[A-Za-z][^.;]*?)\.?\s+(?P<year>\d{4})\b")


@dataclass
class Reference:
    """One entry of a reference list (or a stand-alone citation line)."""

    start: int
    end: int
    text: str
    number: Optional[int] = None
    authors: Optional[str] = None
    title: Optional[str] = None
    journal: Optional[str] = None
    year: Optional[str] = None
    volume: Optional[str] = None
    issue: Optional[str] = None
    pages: Optional[str] = None
    doi: Optional[str] = None
    pmid: Optional[str] = None
    pmcid: Optional[str] = None
    urls: list[str] = field(default_factory=list)
    # absolute offsets of the values above, for evidence
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class ReferenceList:
    """A document's reference section: where it is and its entries."""

    start: int
    end: int
    entries: list[Reference]

    def by_number(self, n: int) -> Optional[Reference]:
        for r in self.entries:
            if r.number == n:
                return r
        return None


# --- finding the list ---------------------------------------------------------------------

def _lines(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int]]:
    stop = len(text) if end is None else end
    out, pos = [], start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        e = stop if nl < 0 else nl
        out.append((pos, e))
        pos = e + 1
    return out


def find_heading(doc: Document) -> Optional[tuple[int, int]]:
    """(start, end) of the last reference-list heading line, or None."""
    found = None
    for m in REF_HEADING.finditer(doc.view):
        line_end = doc.view.find("\n", m.start())
        line_end = len(doc.view) if line_end < 0 else line_end
        rest = doc.view[m.end():line_end].strip()
        # "参考资料:" alone, or followed by a short note ("世界干细胞杂志文章"), or by the first entry
        if line_end - m.start() <= MAX_HEADING_LEN or ENTRY_NUMBER.match(rest) or find_dois(rest):
            found = (m.start(), line_end)
    return found


def find_reference_list(doc: Document) -> Optional[ReferenceList]:
    """The document's reference list with parsed entries, or None when it has none."""
    head = find_heading(doc)
    if head is None:
        return None
    text = doc.text
    entries: list[Reference] = []
    end = len(text)
    # text after the heading on the same line may be the first entry
    after = doc.view[head[0]:head[1]]
    m = REF_HEADING.match(after)
    first = head[0] + (m.end() if m else 0)
    cur: Optional[list[int]] = None   # [start, end] of the entry being read
    for s, e in [(first, head[1])] + _lines(text, head[1] + 1):
        line = doc.view[s:e]
        if not line.strip():
            continue
        if LIST_END.search(line) and not find_dois(line) and not ENTRY_NUMBER.match(line):
            end = s
            break
        lead = len(line) - len(line.lstrip())
        if ENTRY_NUMBER.match(line) or cur is None or not _continues(line):
            if cur is not None:
                entries.append(parse_entry(text, cur[0], cur[1]))
            cur = [s + lead, e]
        else:
            cur[1] = e
    if cur is not None:
        entries.append(parse_entry(text, cur[0], cur[1]))
    entries = [r for r in entries if _is_entry(r)]
    return ReferenceList(head[0], end, entries)


def _continues(line: str) -> bool:
    """A wrapped continuation of the previous entry (a bare DOI/URL/PMID line)."""
    s = line.strip()
    return bool(re.match(r"^(?:doi|DOI|https?://|PMID|PMCID|Epub|\[DOI\])", s))


def _is_entry(r: Reference) -> bool:
    """Keep lines that look bibliographic (a note like '世界干细胞杂志文章' alone is kept only if numbered)."""
    return bool(r.number is not None or r.doi or r.pmid or r.urls or r.year)


# --- parsing one entry --------------------------------------------------------------------

def parse_entry(text: str, start: int, end: int) -> Reference:
    """Parse the citation in ``text[start:end]`` (any of the supported styles)."""
    raw = text[start:end]
    ref = Reference(start=start, end=end, text=raw)
    m = ENTRY_NUMBER.match(raw)
    body_off = 0
    if m:
        ref.number = int(next(g for g in m.groups() if g))
        body_off = m.end()
    for doi, s, e in find_dois(text, start, end):
        if ref.doi is None:
            ref.doi, ref.spans["doi"] = doi, (s, e)
    pm = PMID.compiled.search(text, start, end)
    if pm:
        ref.pmid, ref.spans["pmid"] = pm.group(1), (pm.start(1), pm.end(1))
    pc = PMCID.compiled.search(text, start, end)
    if pc:
        ref.pmcid, ref.spans["pmcid"] = "PMC" + pc.group(1), (pc.start(), pc.end())
    ref.urls = [u.group(0).rstrip(".,;)") for u in URL.finditer(raw)]
    body = raw[body_off:]
    cut = BIB_END.search(body)
    bib = (body[:cut.start()] if cut else body)[:MAX_BIB_CHARS]
    _parse_bib(ref, bib, start + body_off)
    if ref.year is None:
        masked = URL.sub(lambda u: " " * len(u.group(0)), bib)
        y = YEAR.search(masked)
        if y:
            ref.year, ref.spans["year"] = y.group(1), (start + body_off + y.start(), start + body_off + y.end())
    return ref


def _parse_bib(ref: Reference, bib: str, off: int) -> None:
    """Fill authors/title/journal/year/volume/issue/pages from the bibliographic part."""
    for style in (GBT, APA, NATURE, VANCOUVER):
        m = style.search(bib)
        if not m:
            continue
        for key in ("authors", "title", "journal", "year"):
            val = m.group(key).strip().rstrip(".。 ")
            if key == "journal":
                val = val.strip(" ,")
            if val:
                setattr(ref, key, val)
                s = m.start(key) + (len(m.group(key)) - len(m.group(key).lstrip()))
                ref.spans[key] = (off + s, off + s + len(val))
        tail = bib[m.end():]
        vip = re.search(r"(\d+)\s*(?:\((\w+)\))?\s*[:,]\s*([\w-]+(?:[-–]\w+)?)", tail)
        if vip:
            ref.volume, ref.issue, ref.pages = vip.group(1), vip.group(2), vip.group(3)
        return


# --- in-text markers ----------------------------------------------------------------------

@dataclass(frozen=True)
class Marker:
    """An in-text citation marker and the reference numbers it points to."""

    start: int
    end: int
    numbers: tuple[int, ...]


def find_markers(text: str, start: int = 0, end: Optional[int] = None,
                 max_number: Optional[int] = None) -> list[Marker]:
    """Every ``[n]`` / ``[n-m]`` / ``[n,m]`` marker (and "et al.2" superscript) in ``text[start:end]``."""
    out = []
    stop = len(text) if end is None else end
    found = [(m.start(), m.end(), m.group(1)) for m in MARKER.finditer(text, start, stop)]
    found += [(m.start(1), m.end(1), m.group(1)) for m in AUTHOR_MARKER.finditer(text, start, stop)]
    for m_start, m_end, group in sorted(found):
        nums: list[int] = []
        for part in re.split(r"\s*[,，、]\s*", group):
            a, _, b = part.partition("-") if "-" in part else part.partition("–")
            if b:
                lo, hi = int(a), int(b)
                if 0 < lo <= hi and hi - lo <= 20:
                    nums.extend(range(lo, hi + 1))
            else:
                nums.append(int(a))
        nums = [n for n in nums if n > 0 and (max_number is None or n <= max_number)]
        if nums:
            out.append(Marker(m_start, m_end, tuple(nums)))
    return out


# the label of a stand-alone citation line: "引用本文:", "Full paper: Chin J Regen Endocrinol 2025;41(11):1021-1028.",
# "Published in: Diabetes Care 2024;47(3):455-463", "全文发表于：中华糖尿病杂志, 2023, 15(5): 401-407"
CITATION_LABEL = rx(r"^\s*(?:引用本文|引用格式|Citation|Cite this (?:article|paper)|Full (?:paper|text|article)|"
                    r"Published (?:in|as)|全文(?:发表|發表|刊登)(?:于|於|在)?|原文(?:发表|發表|刊登)?(?:于|於|在)?|原文出处|原文出處)"
                    r"\s*[:：]\s*", re.IGNORECASE)
# a journal citation's volume, issue and pages: "2025;41(11):1021", "2023, 15(5): 401"
VOLUME_PAGES = rx(r"(?:19|20)\d{2}\s*[;,，]\s*\d{1,4}\s*(?:[(（]\s*[\w-]{1,6}\s*[)）])?\s*[:：]\s*[eE]?\d")


def citation_lines(doc: Document, start: int = 0, end: Optional[int] = None) -> list[Reference]:
    """Stand-alone citation lines outside a list: GB/T style ("引用本文: 作者.题名[J].刊名,2012,..."), or a labelled
    journal citation ("Full paper: Chin J Regen Endocrinol 2025;41(11):1021-1028.")."""
    out = []
    for s, e in _lines(doc.text, start, end):
        line = doc.view[s:e]
        lead = CITATION_LABEL.match(line)
        if (re.search(r"\[(?:J|M|D|C)\]", line) and YEAR.search(line)) or (lead and VOLUME_PAGES.search(line)):
            s2 = s + (lead.end() if lead else 0)
            out.append(parse_entry(doc.text, s2, e))
    return out
