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

from .dedupe.institutions import alias_key, org_table, product_table
from .document import Document
from .fields.base import Hit
from .references import Reference

EXTRACTOR = "metadata"

# --- data ---------------------------------------------------------------------------------

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_MON_ANY_CASE = "(?i:" + _MON + ")"
# (name, regex, groups kind); tried at every position, the earliest match wins
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("zh_ymd", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"), "ymd"),
    ("zh_ym", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)"), "ym"),
    ("zh_md", re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]"), "md"),
    ("zh_y", re.compile(r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)(?![\d~-])"), "y"),
    ("en_mdy", re.compile(_MON + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"), "mdy"),
    ("en_dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"\.?,?\s+(\d{4})\b"), "dmy"),
    ("en_my", re.compile(_MON + r"\.?,?\s+(\d{4})\b"), "my"),
    # "published January 8 in …": the year comes from the hint (the news date)
    ("en_md", re.compile(r"\b" + _MON + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d)(?!\s*[-–:])"), "nd"),
    # "18-Jun-2024", "18-JUN-2024" (EurekAlert, PubMed-style stamps)
    ("en_dmy_dash", re.compile(r"\b(\d{1,2})-" + _MON_ANY_CASE + r"-(\d{4})\b"), "dmy"),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    ("slash_ymd", re.compile(r"(?<![\d/])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])"), "ymd"),
    ("nlm_ymd", re.compile(r"\b(\d{4})\s+" + _MON + r"\.?\s+(\d{1,2})\b(?!\s*[,:]?\s*\d{4})"), "ynd"),
    ("nlm_ym", re.compile(r"\b(\d{4})\s+" + _MON + r"\b(?!\.?\s+\d)"), "yn"),
    ("en_y", re.compile(r"\b(?:in|In)\s+(\d{4})\b(?!\s*(?:patients|participants|people))"), "y"),
)
# a reference entry's date after its year: NLM "2025 May 12;", "2024 Nov;" (APA/GB/T give the year only)
REF_DATE_PATTERNS = frozenset({"nlm_ymd", "nlm_ym"})
REF_DATE_CHARS = 16
# a date announced for the future is no publication date ("结果预计2027年公布", "expected in 2026")
FUTURE_BEFORE = re.compile(r"(?:(?:预计|預計|预期|預期|计划|計劃|将|將|有望|拟|擬|可望)(?:于|於|在)?|"
                           r"\b(?:expected|planned|scheduled|due)(?:\s+(?:in|by|for))?|\bwill\b[^.,;]{0,30})\s*$", re.I)
FUTURE_CHARS = 12
# a publication verb that governs the date next to it: "reported in 2023", "發表於2024年", "2023年發表", "2023年报道"
PUB_VERB_BEFORE = re.compile(r"(?:发表|發表|刊登|刊出|刊发|刊發|刊载|刊載|报道|报导|報導|公布)(?:于|於|在)?\s*$|"
                             r"\b(?:published|reported|described|appeared)\s+(?:online\s+)?(?:(?:in|on)\s+)?$", re.I)
PUB_VERB_AFTER = re.compile(r"\s*(?:的)?\s*(?:在[^。,，;；]{0,20}?)?(?:发表|發表|刊登|刊出|刊发|刊發|报道|报导|報導|公布)")
PUB_VERB_BEFORE_CHARS = 24
PUB_VERB_AFTER_CHARS = 24
# header fields of database records and journal pages that state the publication date; group 1 is
# either the date itself or a short stretch that starts with it (read with ``find_date``)
_DATE_AHEAD = r"(\d{4}[^\n]{0,20}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{4})"
HEADER_DATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("publication_year", re.compile(r"\b(?:Publication|Published|Pub\.?)\s*(?:Year|Date)?\s*:\s*\n?\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)", re.I)),
    # "Published: 12 March 2024", "Published online 2022 Oct 18", "First published: …" (a label, not prose)
    ("published_label", re.compile(r"(?:^|(?<=[|;•·])|(?<=\. ))[ \t]*(?:First |Date |Version |Article |Originally )?[Pp]ublished(?: online| Online)?(?: on)?\s*[:：]?[ \t]*"
                                   + _DATE_AHEAD, re.M)),
    # NLM citation line: "Diabetes Care. 2023 Jun;46(6):1123-1131." / "Stem Cell Res Ther. 2022; 13: 512."
    ("nlm_citation", re.compile(r"(?m)^[ \t]*[A-Z][A-Za-z&'’ .()-]{1,80}?\.\s+((?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?)\s*[;:]")),
    ("epub", re.compile(r"\bEpub(?: ahead of print)?\s*[:：]?\s*" + _DATE_AHEAD)),
    # preprint servers: "This version posted August 11, 2025.", "Posted: 3 March 2024" (a label, not prose)
    ("posted", re.compile(r"(?:\b(?:This version|First|Originally)\s+posted|(?m:^[ \t]*Posted))(?: online)?(?: on)?\s*[:：]?[ \t]*"
                          + _DATE_AHEAD)),
    # "Published ahead of print at https://… on 7 January 2025."
    ("ahead_of_print", re.compile(r"\b(?:Epub|[Pp]ublished) ahead of print(?:\s+(?:at|in)\s+\S{1,80}?)?(?:\s+on)?\s*[:：]?\s*"
                                  + _DATE_AHEAD)),
    # a label line, the date on it or on the next line: "ARTICLE PUBLICATION DATE\n18-Jun-2024"
    ("publication_date_label", re.compile(r"(?mi)^[ \t]*(?:Article |Online )?Publication date[ \t]*[:：]?[ \t]*\n?[ \t]*"
                                          r"(\d{1,2}-[A-Za-z]{3}-\d{4}|" + _DATE_AHEAD[1:])),
    ("issue_header", re.compile(r"(?m)^\s*(\d{4})\s*年\s*\n\s*(?:第\s*)?\d{1,3}\s*期\s*$")),
    # "《中国组织工程研究》2023年第27卷第12期", "2021年第5期", "中国实用内科杂志 2024年8月 第44卷 第8期",
    # "原載:中華內分泌代謝雜誌,2024年,第40卷第6期"
    ("zh_volume", re.compile(r"(?<!\d)(\d{4}\s*年(?:\s*\d{1,2}\s*月)?)\s*[,，]?\s*第?\s*\d{1,3}\s*[卷期]")),
    # a thesis record (CNKI): "【作者基本信息】 岭南医科大学,儿科学,2023,硕士", "【学位授予年度】 2023"
    ("thesis_year", re.compile(r"(?m)^[ \t]*(?:【作者基本信息】[^\n]{0,60}?[,，]\s*(?=\d{4}\s*[,，]\s*(?:硕士|博士|碩士))|"
                               r"【?(?:学位授予年度|學位授予年度|学位年度|學位年度)】?\s*[:：]?\s*)(\d{4})(?!\d)")),
    ("zh_label", re.compile(r"(?:出版日期|刊出日期|网络出版(?:日期|时间)|網路出版(?:日期|時間)|发表日期|發表日期|发表时间|發表時間)\s*[:：]\s*"
                            r"(\d{4}[^\n]{0,12})")),
    ("year_volume", re.compile(r"(?m)^\s*(?:Year|年份)\s*:\s*(\d{4})\s*$", re.I)),
    ("journal_label", re.compile(r"(?m)^[ \t]*(?:期刊|刊物|出处|出處|Journal|Published in)\s*[:：][^\n]{2,80}?[(（]\s*"
                                 r"(\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号號])?|\d{4}\s*年|"
                                 r"[A-Za-z]{3,9}\.?\s+(?:\d{1,2},?\s+)?\d{4}|\d{4}(?:-\d{2}){0,2})\s*[)）]\s*$", re.I)),
)
# an issue citation that names its month is the publication of record: it wins over a more precise Epub/
# "Published online" date (a year-only citation does not)
RECORD_DATES = frozenset({"nlm_citation"})
NLM_JOURNAL = re.compile(r"(?m)^[ \t]*([A-Z][A-Za-z&'’ .()-]{1,80}?)\.\s+(?:19|20)\d{2}(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:]")
# "今天刊登於《細胞》", "今(16)日公布…成果", "published today in": the study appeared on the news date
TODAY_PUBLICATION = re.compile(
    r"(?:今天|今日|今\s*[(（]\s*(\d{1,2})\s*[)）]\s*日)[^。!?]{0,40}?(?:发表|發表|刊登|刊出|刊发|刊發|刊载|刊載|上线|上線|"
    r"公布[^。!?]{0,40}?(?:成果|结果|結果))|\b(?:published|appears?)\s+(?:online\s+)?today\b|\btoday\b[^.]{0,60}?\bpublished\b",
    re.IGNORECASE)
# where a news item states its own date: the first lines of the page
NEWS_DATE_CHARS = 300
# a news dateline before the first sentence ("LONDON, 14 May 2024 —", "（中央社記者…台北12日電）");
# used with ``match(view, pos)``, so no "^"
DATELINE = re.compile(r"\s*(?:[A-Z][A-Za-z .,]{1,40},\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
                      r"\s*(?:\([^)]{1,30}\)|/[^/]{1,30}/)?\s*(?:[-—–]{1,2}|:)\s*|\s*[(（〔\[][^)）〕\]]{2,30}(?:電|电|報導|报道)[)）〕\]]")
# 《…》 read as the journal: after 在/于/期刊/杂志, or before 杂志/上/发表/子刊
ZH_JOURNAL = (
    re.compile(r"(?:在|于|於|期刊|杂志|雜誌|刊物|学报)\s*(?:杂志|雜誌|期刊)?\s*《([^《》]{2,60})》"),
    re.compile(r"《([^《》]{2,60})》\s*(?=杂志|雜誌|期刊|子刊|上|发表|發表|刊发|刊發|刊登|报道|报导|報導|研究|案例|\()"),
)
# 《…》 / “…” read as the paper title: after 名为/题为/关于/一篇
ZH_TITLE = re.compile(r"(?:名为|名為|题为|題為|关于|關於|一篇|篇)\s*[《“\"「『]([^《》“”\"「」『』]{6,160})[》”\"」』]")
_NOT_JOURNAL = r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
EN_JOURNAL = re.compile(
    r"\b(?:published|appeared|reported)\s+(?:online\s+)?(?:today\s+|this\s+\w+\s+|last\s+\w+\s+|earlier\s+this\s+\w+\s+|recently\s+)?"
    r"in\s+(?:the\s+)?(?:journal\s+)?" + _NOT_JOURNAL +
    r"([A-Z][\w&'’-]*(?:,?\s+(?:(?:and|of|the|in|for|&)\s+)*" + _NOT_JOURNAL + r"[A-Z][\w&'’-]*)*)")
ZH_INSTITUTION = re.compile(
    r"([A-Za-z\u4e00-\u9fff]{2,24}?(?:大学|大學|医院|醫院|研究所|研究院|医学院|醫學院|诊所|診所|研究中心|科学院|科學院|公司|集团|集團))"
    r"(?:(?:(?![在于於和与與及的了是对對从從向将將把被])[\u4e00-\u9fff]){0,12}?(?:附属医院|附屬醫院|医院|醫院|学院|學院|中心|研究所))*")
_INST_LEAD = re.compile(r"^(?:近日|日前|此前|由|在|于|於|据|據|经|經|联合|聯合|我国|我國|国内|國內)+")
# a Chinese institution name starts after the last verb/particle the match swallowed ("…提到了解放军总医院")
_INST_CUT = re.compile(r".*[了的在于於由是和与與及对對从從被向把将將自]")
EN_INSTITUTION = (
    re.compile(r"\b(?:[Rr]esearchers|[Ss]cientists|[Tt]eam|[Ii]nvestigators|colleagues|doctors)\s+(?:at|from)\s+(?:the\s+)?"
               r"([A-Z][\w.&'’-]*(?:\s+(?:(?:of|and|for|de|&)\s+)?[A-Z][\w.&'’-]*)*)"),
    # "Clinic" is no prefix of "Clinical" ("Randomized Clinical Trial"); a headline verb ends the name
    re.compile(r"\b((?:(?!(?:Announces|Reports|Presents|Shares|Says|Receives|Launches|Randomized|Randomised)\b)[A-Z][\w'’-]+\s+){0,4}"
               r"(?:University|Institute|Hospital|College|Medical Center|Medical School|Clinic)\b"
               r"(?:\s+(?:of|for)(?:\s+[A-Z][\w'’-]+)+)?)"),
)
ALIAS_CODE = re.compile(r"(?<![A-Za-z0-9-])([A-Z]{1,6}-\d{2,4}[A-Z]?|[A-Z]\d{2}[A-Z])(?![A-Za-z0-9-])")
# an INN of a cell therapy; ASCII boundaries, since "\\b" does not fire between a CJK character and a Latin letter
# ("在研疗法Ravostemcel已完成1期试验")
ALIAS_INN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{4,}(?:cel|leucel))(?![A-Za-z0-9])")
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
            elif kind == "nd":
                val = _fmt(year_hint, _month(g[0]), int(g[1])) if year_hint else None
            elif kind == "y":
                val = _fmt(g[0])
            elif kind == "ynd":
                val = _fmt(g[0], _month(g[1]), int(g[2]))
            elif kind == "yn":
                val = _fmt(g[0], _month(g[1]))
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


def published_date(doc: Document, start: int, end: int, *, year_hint: Optional[str] = None) -> Optional[Hit]:
    """The first date in ``[start, end)`` that a publication verb governs ("2023年發表病例報告", "whose case was
    reported in 2023", "成果發表於2024年的《…》"), skipping event dates ("underwent the procedure in 2022")."""
    view = doc.view
    pos = start
    while pos < end:
        date = find_date(view, pos, end, year_hint=year_hint)
        if date is None:
            return None
        before = view[max(start, date[1] - PUB_VERB_BEFORE_CHARS):date[1]]
        after = view[date[2]:min(end, date[2] + PUB_VERB_AFTER_CHARS)]
        if (PUB_VERB_BEFORE.search(before) or PUB_VERB_AFTER.match(after)) and not FUTURE_BEFORE.search(
                view, max(start, date[1] - FUTURE_CHARS - 30), date[1]):
            return Hit("pub_date", {"value": date[0]}, date[1], date[2], EXTRACTOR, "published_" + date[3], 0.8)
        pos = date[2]
    return None


def header_date(doc: Document, start: int, end: int) -> Optional[Hit]:
    """A publication date stated as a header field of a record or journal page.

    An issue citation line that names the month ("Diabetes Care. 2023 Jun;46(6):…") wins: it is the
    publication of record, an Epub or "Published online" date only the date the article first appeared.
    Otherwise (a year-only citation "JAMA. 2025;333(16)", a "Published:" label, Epub, "posted", issue
    header…) the most precise date wins; between equally precise ones, the first in the text.
    """
    found: list[Hit] = []
    for name, rx in HEADER_DATES:
        m = rx.search(doc.view, start, end)
        if not m:
            continue
        val = m.group(1)
        if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", val):
            found.append(Hit("pub_date", {"value": val}, m.start(1), m.end(1), EXTRACTOR, name, 0.8))
            continue
        date = find_date(doc.view, m.start(1), m.end(1))
        if date is None:
            y = re.match(r"\d{4}(?!\d)", val)
            date = (val[:4], m.start(1), m.start(1) + 4, name) if y and _fmt(val[:4]) else None
        if date and date[1] == m.start(1):
            found.append(Hit("pub_date", {"value": date[0]}, date[1], date[2], EXTRACTOR, name, 0.8))
    if not found:
        return None
    # a year-only issue citation ("JAMA. 2025;333(16)") does not beat a full online date ("Published Online:
    # March 27, 2025"): the issue citation is the record only when it names the issue's month
    record = [h for h in found if h.pattern in RECORD_DATES and len(h.value["value"]) >= 7]
    return record[0] if record else sorted(found, key=lambda h: (-len(h.value["value"]), h.start))[0]


def citation_journal(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The journal of an NLM citation line at the top of an abstract page ("Diabetes Care. 2023 Jun;…")."""
    m = NLM_JOURNAL.search(doc.view, start, end)
    return _group_hit("journal", m, 1, "nlm_citation", 0.8, text=doc.text) if m else None


def news_date(doc: Document) -> Optional[tuple[str, int, int]]:
    """The news item's own date: the source's published date, or a full date in the first lines."""
    date = find_date(doc.view, 0, min(len(doc.view), NEWS_DATE_CHARS))
    if date and len(date[0]) == 10:
        return date[0], date[1], date[2]
    pub = doc.source.published
    if pub and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
        return pub, -1, -1
    return None


def today_date(doc: Document, start: int, end: int) -> Optional[Hit]:
    """pub_date = the news date when the text says the study appeared today ("今天刊登於…")."""
    m = TODAY_PUBLICATION.search(doc.view, start, end)
    if not m:
        return None
    nd = news_date(doc)
    if nd is None or (m.group(1) and int(m.group(1)) != int(nd[0][8:])):
        return None
    s, e = (nd[1], nd[2]) if nd[1] >= 0 else (m.start(), m.end())
    return Hit("pub_date", {"value": nd[0]}, s, e, EXTRACTOR, "today_news_date", 0.7)


def skip_dateline(view: str, start: int, end: int) -> int:
    """Where a sentence's own text starts, after a news dateline."""
    m = DATELINE.match(view, start, end)
    return m.end() if m else start


# --- journal, title, institution, country, alias ------------------------------------------

def _group_hit(field: str, m: re.Match[str], group: int, pattern: str, score: float = 1.0,
               text: Optional[str] = None) -> Hit:
    """A hit on group ``group``; its value is quoted from ``text`` (the stored text) when given."""
    raw = (text or m.string)[m.start(group):m.end(group)]
    return Hit(field, {"value": raw.strip()}, m.start(group), m.end(group), EXTRACTOR, pattern, score)


def intro_hits(doc: Document, start: int, end: int, *, year_hint: Optional[str] = None) -> list[Hit]:
    """pub_date, journal, title, institution and country from one intro sentence ``[start, end)``."""
    view = doc.view
    hits: list[Hit] = []
    date = find_date(view, skip_dateline(view, start, end), end, year_hint=year_hint)
    if date and FUTURE_BEFORE.search(view, max(start, date[1] - FUTURE_CHARS - 30), date[1]):
        date = None
    # a date a publication verb governs beats an earlier event or period date ("回顾2019至2023年间…45名患者,
    # 结果于2025年4月刊登在《…》")
    pd = published_date(doc, skip_dateline(view, start, end), end, year_hint=year_hint) if date else None
    if pd is not None:
        hits.append(Hit("pub_date", pd.value, pd.start, pd.end, EXTRACTOR, pd.pattern.removeprefix("published_")))
    elif date:
        hits.append(Hit("pub_date", {"value": date[0]}, date[1], date[2], EXTRACTOR, date[3]))
    title = ZH_TITLE.search(view, start, end)
    if title:
        hits.append(_group_hit("title", title, 1, "zh_title", text=doc.text))
    for rx in ZH_JOURNAL:
        for m in rx.finditer(view, start, end):
            if title and m.start(1) == title.start(1):
                continue
            hits.append(_group_hit("journal", m, 1, "zh_journal", text=doc.text))
            break
        if any(h.field == "journal" for h in hits):
            break
    if not any(h.field == "journal" for h in hits):
        m = EN_JOURNAL.search(view, start, end)
        if m:
            hits.append(_group_hit("journal", m, 1, "en_journal", text=doc.text))
    inst = institution_hit(doc, start, end)
    if inst:
        hits.append(inst)
    country = country_hit(doc, start, end)
    if country:
        hits.append(country)
    return hits


def institution_hit(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The first institution named in ``[start, end)``: a name with a Chinese institution suffix or
    'researchers at X' / '... University', or a name of the bilingual table (data/institutions.json) when
    it comes first (a name the suffix rules read in full, 浙江大学医学院附属第一医院, beats its table part)."""
    found = _suffix_institution(doc, start, end)
    known = next((k for k in org_table().find(doc.view, start, end)
                  if org_table().orgs[k[0]].kind != "company"), None)  # a sponsor is no institution of the study
    if known and (found is None or known[2] <= found.start):
        _, s, e = known
        return Hit("institution", {"value": doc.text[s:e]}, s, e, EXTRACTOR, "institution_table")
    return found


def _suffix_institution(doc: Document, start: int, end: int) -> Optional[Hit]:
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
        if m and m.group(1).strip() not in ("Clinic", "Hospital", "University", "Institute", "College"):
            return _group_hit("institution", m, 1, "en_institution", text=doc.text)
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


def product_codes(view: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(code, start, end) of every product/trial code like VX-880 or E10I in ``view[start:end]``."""
    out = []
    for m in ALIAS_CODE.finditer(view, start, end):
        code = m.group(1)
        prefix = re.split(r"[-\d]", code)[0]
        if ALIAS_STOP.match(prefix) or re.fullmatch(r"[A-Z]\d{2}[A-Z]", code) and code[-1] in "DM":
            continue
        out.append((code, m.start(1), m.end(1)))
    return out


def alias_hits(doc: Document, spans: list[tuple[int, int]]) -> list[Hit]:
    """Trial and product names: codes like VX-880 / E10I, cell-therapy INNs like zimislecel (also glued to
    Chinese text), and every name of the products table (data/products.json: UP421, Lantidra, Stempeucel)."""
    hits: list[Hit] = []
    seen: set[str] = set()

    def add(value: str, s: int, e: int, pattern: str) -> None:
        key = alias_key(value)
        if key not in seen:
            seen.add(key)
            hits.append(Hit("alias", {"value": value}, s, e, EXTRACTOR, pattern))

    for s, e in spans:
        for _, ps, pe in product_table().find(doc.view, s, e):
            add(doc.text[ps:pe], ps, pe, "alias_table")
        for code, cs, ce in product_codes(doc.view, s, e):
            add(code, cs, ce, "alias_code")
        for m in ALIAS_INN.finditer(doc.view, s, e):
            name = m.group(1).lower()
            if name not in ALIAS_INN_STOP:
                add(name, m.start(1), m.end(1), "alias_inn")
    return sorted(hits, key=lambda h: h.start)


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
        hits.append(reference_date(ref) or Hit("pub_date", {"value": ref.year}, s, e, EXTRACTOR, "reference_year", 0.5))
    return hits


def reference_date(ref: Reference) -> Optional[Hit]:
    """The full date a reference gives at its year ("2025 May 12;5:CD015732", "2024 Nov;13(11)"), or None."""
    s, _ = ref.spans["year"]
    date = find_date(ref.text, s - ref.start, min(len(ref.text), s - ref.start + REF_DATE_CHARS))
    if date is None or date[1] != s - ref.start or not date[0].startswith(ref.year) or len(date[0]) == 4 \
            or date[3] not in REF_DATE_PATTERNS:
        return None
    return Hit("pub_date", {"value": date[0]}, ref.start + date[1], ref.start + date[2], EXTRACTOR, "reference_date", 0.6)
