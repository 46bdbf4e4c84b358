"""Study-level metadata of a mention as Hits: pub_date, journal, title, institution, country, alias.

Values are read from the mention's *intro* sentence (the one that says who published what, where
and when), from stand-alone header fields ("Publication Year : 2021", "2011年 / 28期") and from a
linked reference entry. Every hit points at the text it was read from.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from .document import Document
from .fields.base import Hit
from .references import Reference

EXTRACTOR = "metadata"

# --- data ---------------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
# (name, regex, groups kind); tried at every position, the earliest match wins
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("zh_ymd", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"), "ymd"),
    ("zh_ym", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)"), "ym"),
    ("zh_md", re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"), "md"),
    ("zh_y", re.compile(r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)(?![\d~-])"), "y"),
    ("en_mdy", re.compile(_MON + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"), "mdy"),
    ("en_dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"\.?,?\s+(\d{4})\b"), "dmy"),
    ("en_my", re.compile(_MON + r"\.?,?\s+(\d{4})\b"), "my"),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    ("en_y", re.compile(r"\b(?:in|In)\s+(\d{4})\b(?!\s*(?:patients|participants|people))"), "y"),
)
# header fields of database records and journal pages that state the publication year
HEADER_DATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("publication_year", re.compile(r"\b(?:Publication|Published|Pub\.?)\s*(?:Year|Date)?\s*:\s*\n?\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)", re.I)),
    ("issue_header", re.compile(r"(?m)^\s*(\d{4})\s*年\s*\n\s*(?:第\s*)?\d{1,3}\s*期\s*$")),
    ("year_volume", re.compile(r"(?m)^\s*(?:Year|年份)\s*:\s*(\d{4})\s*$", re.I)),
)
# 《…》 read as the journal: after 在/于/期刊/杂志, or before 杂志/上/发表/子刊
ZH_JOURNAL = (
    re.compile(r"(?:在|于|於|期刊|杂志|雜誌|刊物|学报)\s*(?:杂志|雜誌|期刊)?\s*《([^《》]{2,60})》"),
    re.compile(r"《([^《》]{2,60})》\s*(?=杂志|雜誌|期刊|子刊|上|发表|發表|刊发|刊發|刊登|报道|報導|研究|案例|\()"),
)
# 《…》 / “…” read as the paper title: after 名为/题为/关于/一篇
ZH_TITLE = re.compile(r"(?:名为|名為|题为|題為|关于|關於|一篇|篇)\s*[《“\"「『]([^《》“”\"「」『』]{6,160})[》”\"」』]")
EN_JOURNAL = re.compile(
    r"\b(?:published|appeared|reported)\s+(?:online\s+)?(?:today\s+|this\s+\w+\s+)?in\s+(?:the\s+)?(?:journal\s+)?"
    r"([A-Z][\w&'’-]*(?:,?\s+(?:(?:and|of|the|in|for|&)\s+)*[A-Z][\w&'’-]*)*)")
ZH_INSTITUTION = re.compile(
    r"([A-Za-z\u4e00-\u9fff]{2,24}?(?:大学|大學|医院|醫院|研究所|研究院|医学院|醫學院|诊所|診所|研究中心|科学院|科學院|公司|集团|集團))"
    r"(?:(?:(?![在于於和与與及的了是对對从從向将將把被])[\u4e00-\u9fff]){0,12}?(?:附属医院|附屬醫院|医院|醫院|学院|學院|中心|研究所))*")
_INST_LEAD = re.compile(r"^(?:近日|日前|此前|由|在|于|於|据|據|经|經|联合|聯合|我国|我國|国内|國內)+")
# a Chinese institution name starts after the last verb/particle the match swallowed ("…提到了解放军总医院")
_INST_CUT = re.compile(r".*[了的在于於由是和与與及对對从從被向把将將自中]")
EN_INSTITUTION = (
    re.compile(r"\b(?:[Rr]esearchers|[Ss]cientists|[Tt]eam|[Ii]nvestigators|colleagues|doctors)\s+(?:at|from)\s+(?:the\s+)?"
               r"([A-Z][\w.&'’-]*(?:\s+(?:(?:of|and|for|de|&)\s+)?[A-Z][\w.&'’-]*)*)"),
    re.compile(r"\b((?:[A-Z][\w'’-]+\s+){0,4}(?:University|Institute|Hospital|College|Medical Center|Medical School|Clinic)"
               r"(?:\s+(?:of|for)(?:\s+[A-Z][\w'’-]+)+)?)"),
)
ALIAS_CODE = re.compile(r"(?<![A-Za-z0-9-])([A-Z]{1,6}-\d{2,4}[A-Z]?|[A-Z]\d{2}[A-Z])(?![A-Za-z0-9-])")
ALIAS_INN = re.compile(r"\b([A-Za-z]{4,}(?:cel|leucel))\b")
ALIAS_STOP = re.compile(r"^(?:IL|CD|TNF|HLA|GLP|DPP|SGLT|IGF|FGF|TGF|VEGF|HOMA|COVID|SARS|MIR|PD|CKD|ISO|GMP|FDA|ADA|NCT|"
                        r"HNF|GAD|IA|ZNT|MODY|HIV|HBV|HCV|CTLA|TLR|MMP|SDF|CXCR|STAT|TRAF|NGSP|IFCC|BMI|UC|BM|AD|MSC|"
                        r"ESC|IPSC|HUC|HESC|ICD|GB|T|DOI|ISSN|ISBN)$", re.I)
ALIAS_INN_STOP = frozenset({"cancel", "excel", "parcel", "marcel", "carousel"})


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """(name as written, English short name), longest names first."""
    data = json.loads(resources.files("extract").joinpath("data/countries.json").read_text(encoding="utf-8"))
    pairs = [(name, en) for en, names in data["countries"].items() for name in names]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def _country_regexes() -> dict[str, re.Pattern[str]]:
    # English names need word boundaries ("UK" is not in "UKPDS"); Chinese names are plain substrings
    return {name: re.compile(r"(?<![\w.])" + re.escape(name) + r"(?![\w])")
            for name, _ in countries() if name.isascii()}


# --- dates --------------------------------------------------------------------------------

def _fmt(y: str, m: Optional[int] = None, d: Optional[int] = None) -> Optional[str]:
    yi = int(y)
    if not 1950 <= yi <= 2049:
        return None
    if m is None:
        return f"{yi:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{yi:04d}-{m:02d}"
    if not 1 <= d <= 31:
        return None
    return f"{yi:04d}-{m:02d}-{d:02d}"


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def find_date(view: str, start: int, end: int, *, year_hint: Optional[str] = None
              ) -> Optional[tuple[str, int, int, str]]:
    """The earliest date in ``view[start:end]`` as (YYYY[-MM[-DD]], start, end, pattern name).

    A month-day date ("5月19日") takes its year from ``year_hint`` and is skipped without one.
    """
    best: Optional[tuple[str, int, int, str]] = None
    for name, rx, kind in DATE_PATTERNS:
        for m in rx.finditer(view, start, end):
            if best is not None and m.start() >= best[1]:
                break
            g = m.groups()
            if kind == "ymd":
                val = _fmt(g[0], int(g[1]), int(g[2]))
            elif kind == "ym":
                val = _fmt(g[0], int(g[1]))
            elif kind == "md":
                val = _fmt(year_hint, int(g[0]), int(g[1])) if year_hint else None
            elif kind == "y":
                val = _fmt(g[0])
            elif kind == "mdy":
                val = _fmt(g[2], _month(g[0]), int(g[1]))
            elif kind == "dmy":
                val = _fmt(g[2], _month(g[1]), int(g[0]))
            else:  # my
                val = _fmt(g[1], _month(g[0]))
            if val and (best is None or m.start() < best[1]
                        or (m.start() == best[1] and len(val) > len(best[0]))):
                best = (val, m.start(), m.end(), name)
            if val:
                break
    return best


def header_date(doc: Document, start: int, end: int) -> Optional[Hit]:
    """A publication year/date stated as a header field of a record or journal page."""
    for name, rx in HEADER_DATES:
        m = rx.search(doc.view, start, end)
        if m:
            return Hit("pub_date", {"value": m.group(1)}, m.start(1), m.end(1), EXTRACTOR, name, 0.8)
    return None


# --- journal, title, institution, country, alias ------------------------------------------

def _group_hit(field: str, m: re.Match[str], group: int, pattern: str, score: float = 1.0) -> Hit:
    return Hit(field, {"value": m.group(group).strip()}, m.start(group), m.end(group), EXTRACTOR, pattern, score)


def intro_hits(doc: Document, start: int, end: int, *, year_hint: Optional[str] = None) -> list[Hit]:
    """pub_date, journal, title, institution and country from one intro sentence ``[start, end)``."""
    view = doc.view
    hits: list[Hit] = []
    date = find_date(view, start, end, year_hint=year_hint)
    if date:
        hits.append(Hit("pub_date", {"value": date[0]}, date[1], date[2], EXTRACTOR, date[3]))
    title = ZH_TITLE.search(view, start, end)
    if title:
        hits.append(_group_hit("title", title, 1, "zh_title"))
    for rx in ZH_JOURNAL:
        for m in rx.finditer(view, start, end):
            if title and m.start(1) == title.start(1):
                continue
            hits.append(_group_hit("journal", m, 1, "zh_journal"))
            break
        if any(h.field == "journal" for h in hits):
            break
    if not any(h.field == "journal" for h in hits):
        m = EN_JOURNAL.search(view, start, end)
        if m:
            hits.append(_group_hit("journal", m, 1, "en_journal"))
    inst = institution_hit(doc, start, end)
    if inst:
        hits.append(inst)
    country = country_hit(doc, start, end)
    if country:
        hits.append(country)
    return hits


def institution_hit(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The first institution named in ``[start, end)`` (Chinese suffixes, or 'researchers at X')."""
    view = doc.view
    for m in ZH_INSTITUTION.finditer(view, start, end):
        name = m.group(0)
        cut = _INST_CUT.match(name[:-2])
        s = m.start() + (cut.end() if cut else 0)
        lead = _INST_LEAD.match(doc.view[s:m.end()])
        s += lead.end() if lead else 0
        if m.end() - s >= 3:
            return Hit("institution", {"value": doc.text[s:m.end()]}, s, m.end(), EXTRACTOR, "zh_institution")
    for rx in EN_INSTITUTION:
        m = rx.search(view, start, end)
        if m:
            return _group_hit("institution", m, 1, "en_institution")
    return None


def country_hit(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The first country named in ``[start, end)``, as its English short name."""
    view = doc.view
    best: Optional[Hit] = None
    for name, en in countries():
        if name.isascii():
            m = _country_regexes()[name].search(view, start, end)
            pos = (m.start(), m.end()) if m else None
        else:
            i = view.find(name, start, end)
            pos = (i, i + len(name)) if i >= 0 else None
        if pos and (best is None or pos[0] < best.start):
            best = Hit("country", {"value": en}, pos[0], pos[1], EXTRACTOR, "country_table")
    return best


def alias_hits(doc: Document, spans: list[tuple[int, int]]) -> list[Hit]:
    """Trial and product names: codes like VX-880 / E10I and cell-therapy INNs like zimislecel."""
    hits: list[Hit] = []
    seen: set[str] = set()
    for s, e in spans:
        for m in ALIAS_CODE.finditer(doc.view, s, e):
            code = m.group(1)
            prefix = re.split(r"[-\d]", code)[0]
            if ALIAS_STOP.match(prefix) or re.fullmatch(r"[A-Z]\d{2}[A-Z]", code) and code[-1] in "DM":
                continue
            if code not in seen:
                seen.add(code)
                hits.append(Hit("alias", {"value": code}, m.start(1), m.end(1), EXTRACTOR, "alias_code"))
        for m in ALIAS_INN.finditer(doc.view, s, e):
            name = m.group(1).lower()
            if name in ALIAS_INN_STOP or name in seen:
                continue
            seen.add(name)
            hits.append(Hit("alias", {"value": name}, m.start(1), m.end(1), EXTRACTOR, "alias_inn"))
    return hits


# --- references ---------------------------------------------------------------------------

def reference_hits(ref: Reference, *, year: bool) -> list[Hit]:
    """doi, pmid, pmcid, journal, title (and the year as pub_date when asked) of a linked reference."""
    hits: list[Hit] = []
    for fld, val in (("doi", ref.doi), ("pmid", ref.pmid), ("pmcid", ref.pmcid),
                     ("journal", ref.journal), ("title", ref.title)):
        if val and fld in ref.spans:
            s, e = ref.spans[fld]
            hits.append(Hit(fld, {"value": val}, s, e, EXTRACTOR, "reference", 0.9))
    if year and ref.year and "year" in ref.spans:
        s, e = ref.spans["year"]
        hits.append(Hit("pub_date", {"value": ref.year}, s, e, EXTRACTOR, "reference_year", 0.5))
    return hits
