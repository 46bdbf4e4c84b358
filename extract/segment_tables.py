"""Tables of studies laid out as plain text: header words map columns to fields, one study per row.

A review or news post often lists trials as a table flattened to text. Rows are separated by line
breaks; cells by ``|``, tabs, runs of two or more spaces, a single space, or nothing at all (cells
glued together: "StudyCellsRouteDoseInjectionsFollow-upDesign"). What makes a table of studies is its
header: a short line made almost entirely of column words (study/author/ref, population/patients/n,
cells, dose, route, injections, follow-up, design, result; 研究/作者/例数/细胞类型/剂量/随访/设计), at
least three of them naming a study's facts, followed by two or more rows that each start like a study
(a row number, "Garcia et al.", "Cai, 2016 [8]", a registry id, a reference marker, "王等").

Two users:

- ``normalise`` rewrites the separators of a table whose cells can be told apart (tabs, runs of
  spaces, glued cells whose pieces match the header's column count) into ``" | "``, so that every
  extractor's table rules (a value under a follow-up column is a follow-up) read it as a pipe table;
- ``segment`` makes one mention per row of a table it cannot split into cells (single spaces, glued
  Chinese), rows wrapping onto continuation lines; the caption, the header and group headings inside
  the table ("Randomized controlled trials") are no study, but context for every row below them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence
from .rxcache import rx

# --- data: column words ---------------------------------------------------------------------

# field -> column words (regexes), simplified and traditional Chinese and English. Longer phrases are
# tried first, so "Treatment paths" is a route and "No. of patients" a population, not a study number.
COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "study": (r"Study(?:\s*/\s*(?:trial|registry|reference))?", r"Studies", r"Trials?", r"First author", r"Authors?(?:\s*\(year\))?",
              r"Author,? year", r"References?", r"Refs?\.?", r"Source", r"Citation", r"No\.", r"#", r"Registry(?: (?:ID|number))?",
              r"NCT(?: number)?", r"Trial (?:ID|number|name)", r"研究/注册号", r"研究", r"作者", r"第一作者", r"文献", r"文獻", r"试验", r"試驗",
              r"编号", r"編號", r"注册号", r"註冊號", r"登记号", r"登記號", r"试验编号", r"試驗編號", r"序号", r"序號", r"出处", r"出處"),
    "population": (r"No\. of (?:patients|participants|subjects|cases)", r"Number of (?:patients|participants|subjects|cases)",
                   r"Population", r"Patients?", r"Participants?", r"Subjects?", r"Sample size", r"Sample", r"Cases",
                   r"Number(?:\s*\([^()\n]{1,12}\))?", r"n", r"N", r"Cohort", r"Enrol?lment",
                   r"例数", r"例數", r"样本量", r"樣本量", r"人数", r"人數", r"患者", r"研究对象", r"研究對象", r"对象", r"對象",
                   r"受试者", r"受試者", r"病例数", r"病例數", r"纳入人数", r"納入人數"),
    "cells": (r"Cell types?", r"Cell sources?", r"Cell products?", r"Stem cells?(?: type| source)?", r"Cells?", r"Interventions?",
              r"Treatments?", r"Therapy", r"Products?", r"Grafts?", r"细胞类型", r"細胞類型", r"细胞来源", r"細胞來源", r"细胞种类", r"細胞種類",
              r"细胞", r"細胞", r"干预措施", r"干預措施", r"干预", r"干預", r"治疗方法", r"治療方法", r"治疗", r"治療", r"移植物", r"产品", r"產品"),
    "dose": (r"(?:Mean |Cell |Median )?[Dd]oses?", r"Dosage", r"剂量", r"劑量", r"细胞数", r"細胞數", r"细胞数量", r"細胞數量"),
    "route": (r"Routes?(?: of administration)?", r"Administration", r"Delivery", r"Treatment paths?", r"Transplant(?:ation)? site",
              r"途径", r"途徑", r"给药方式", r"給藥方式", r"给药途径", r"給藥途徑", r"移植途径", r"移植途徑", r"输注方式", r"輸注方式",
              r"输注途径", r"輸注途徑", r"移植部位"),
    "injections": (r"Number of (?:infusions|injections|doses)", r"No\. of (?:infusions|injections|doses)", r"Injections?",
                   r"Infusions?", r"Frequency", r"Times", r"Regimen", r"输注次数", r"輸注次數", r"注射次数", r"注射次數", r"次数", r"次數",
                   r"频次", r"頻次", r"疗程", r"療程"),
    "follow_up": (r"Duration of follow-?\s?up", r"Follow-?\s?up(?: time| period| duration)?", r"Observation(?: period| time)?",
                  r"随访时间", r"隨訪時間", r"随访期", r"隨訪期", r"随访", r"隨訪", r"观察时间", r"觀察時間", r"观察期", r"觀察期",
                  r"追踪时间", r"追蹤時間", r"追踪", r"追蹤"),
    "design": (r"Study design", r"Study type", r"Type of study", r"Design", r"Phase", r"研究设计", r"研究設計", r"研究类型", r"研究類型",
               r"设计", r"設計", r"分期", r"期别", r"期別"),
    "result": (r"Main (?:findings|results|outcomes?)", r"Primary (?:outcome|endpoint)s?", r"Results?", r"Outcomes?", r"Findings",
               r"Efficacy", r"Effects?", r"Conclusions?", r"主要结果", r"主要結果", r"结果", r"結果", r"疗效", r"療效", r"结局", r"結局",
               r"主要终点", r"主要終點", r"结论", r"結論", r"效果"),
    "condition": (r"Diabetes type", r"Type of diabetes", r"Condition", r"Disease", r"Indication", r"糖尿病类型", r"糖尿病類型",
                  r"疾病", r"适应症", r"適應症", r"病种", r"病種"),
    "place": (r"Country", r"Location", r"Setting", r"Sites?", r"Cent(?:re|er)s?", r"Institution", r"国家", r"國家", r"地区", r"地區",
              r"单位", r"單位", r"机构", r"機構", r"医院", r"醫院"),
    "year": (r"Publication year", r"Year", r"年份", r"发表年份", r"發表年份", r"年度"),
    # columns a table of studies has that name no fact of ours (they still make the line a header)
    "other": (r"Age(?: range)?", r"Sex", r"Gender", r"Female/male", r"Male/female", r"F/M", r"M/F", r"Groups?", r"Duration(?: of (?:T[12]DM|diabetes|disease))?",
              r"BMI", r"HbA1c", r"C-peptide", r"Controls?", r"Comparators?", r"Arms?", r"Status", r"Sponsor", r"Notes?", r"Remarks?",
              r"Adverse events", r"Safety", r"年龄", r"年齡", r"性别", r"性別", r"病程", r"组别", r"組別", r"对照", r"對照", r"状态", r"狀態",
              r"备注", r"備註", r"申办方", r"申辦方", r"阶段", r"階段", r"安全性", r"不良反应", r"不良反應"),
}
# fields that a study's row carries: a header names at least MIN_FACT_COLUMNS distinct ones
FACT_FIELDS = frozenset({"population", "cells", "dose", "route", "injections", "follow_up", "design", "result", "condition"})
MIN_FACT_COLUMNS = 2
MIN_COLUMNS = 3
# a header whose cells no separator tells apart ("No. Population Cells Follow-up Result Ref", "作者例数细胞类型随访")
# needs one more column word: a heading like "患者与治疗结果" names three
MIN_COLUMNS_UNSEPARATED = 4
# rows of a table end without a full stop; a numbered list of sentences is no table
MAX_SENTENCE_ROWS = 0.5
MIN_COVERAGE = 0.7             # share of a header's letters that column words (and their units) cover
MAX_HEADER_CHARS = 300
MIN_ROWS = 2
MAX_WRAP_LINES = 3             # continuation lines one row may wrap onto

_ALTS = sorted(((w, f) for f, ws in COLUMN_WORDS.items() for w in ws), key=lambda x: -len(x[0]))
# one column word at a word boundary (Latin) or anywhere (Han); glued Latin headers end a word at a capital
_WORD = rx(r"(?<![A-Za-z])(?:" + "|".join(w for w, _ in _ALTS) + r")(?![a-z])")
_ALT_RES = tuple((rx(w), f) for w, f in _ALTS)


@lru_cache(maxsize=1024)
def _word_field(word: str) -> str:
    """The field of a matched column word (the first alternative, longest first, that reads it whole)."""
    return next((f for rx, f in _ALT_RES if rx.fullmatch(word)), "unknown")


# a cheap first test of a line (the column-word regex is slow on many lines): how many Latin words or Han
# words of the column vocabulary it holds, camel-case split ("StudyCells" -> Study, Cells)
_HAN_SET = frozenset(w for p, _ in _ALTS for w in re.findall(r"[\u3400-\u9fff]{2,}", p))
_HAN_MAX = max(len(w) for w in _HAN_SET)
_HAN_WORDS = rx("|".join(re.escape(w) for w in sorted(_HAN_SET, key=lambda w: (-len(w), w))))   # longest first
# Latin words too common to count as column words
_GENERIC = frozenset({"of", "no", "time", "mean", "median", "main", "first", "type", "up", "er", "re", "ation", "lment", "id",
                      "name", "range", "stem", "hba", "dm", "diabete", "cent", "statu", "primary", "case", "effect", "period"})
_LATIN_STEMS = frozenset(w.lower().rstrip("s") for p, _ in _ALTS for w in re.findall(r"[A-Za-z]{2,}", re.sub(r"\[(\w)\w\]", r"\1", p))) \
    - _GENERIC
_CAMEL = rx(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|#|\b[nN]\b")
# what a column word may carry without lowering coverage: a unit or note in brackets, "time", "of", "mean"
_FILLER = rx(r"\([^()\n]{0,20}\)|（[^（）\n]{0,20}）|\[[^\[\]\n]{0,20}\]|\b(?:of|time|mean|median|and|or|the|in)\b|[\s/,;:&%*#|+-]+",
                     re.IGNORECASE)
_LETTERS = rx(r"[A-Za-z\u3400-\u9fff]")
_HAN = rx(r"[\u3400-\u9fff]")
_SENTENCE = rx(r"[。；;!?！？]|\.\s+[a-z]|\.$")

# a row of a table of studies starts like a study: a row number, an author ("Garcia et al.", "Cai, 2016", "Lee 2019",
# "Hu (2013)", "王等", "王某某等"), a registry id or a reference marker
ROW_LEAD = rx(
    r"^\s*(?:\d{1,3}(?:[.)、]\s*|\s+)(?=\S)(?![\d.,%×x*/-])"
    r"|[A-Z][A-Za-z'’-]+(?:\s+(?:and|&)\s+[A-Z][A-Za-z'’-]+)?\s+et\s+al\b"
    r"|[A-Z][A-Za-z'’-]+(?:\s+[A-Z]{1,2})?\s*,?\s*(?:19|20)\d{2}[a-z]?\b"
    r"|[A-Z][A-Za-z'’-]+\s*\(\s*(?:19|20)\d{2}\s*\)"
    r"|(?:NCT\d{8}|ChiCTR[-\w]{6,}|ISRCTN\d{6,}|jRCT\w{6,}|CTRI/[\d/]+)"
    r"|\[\d{1,3}\]"
    r"|[\u4e00-\u9fff]{1,4}\s*等\s*(?:人\s*)?[(（\[\d]"
    r"|[\u4e00-\u9fff]{1,4}\s*等\s)")
# a line inside a table that groups the rows below it ("Randomized controlled trials", "非随机对照研究")
GROUP_HEADING = rx(
    r"^\s*(?:[A-Z][a-z]+(?:[- ][a-z]+){0,5}\s+(?:trials|studies|study|cohorts|series|reports)"
    r"|[\u4e00-\u9fff]{0,12}(?:试验|試驗|研究|病例报告|病例報告))\s*[:：]?\s*$")
# the design a group heading gives the rows under it, first match wins (data for ``group_design``)
GROUP_DESIGNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((d, rx(p, re.IGNORECASE)) for d, p in (
    ("meta_analysis", r"meta-?analys[ie]s|荟萃分析|薈萃分析|meta分析|系统评价|系統評價"),
    ("controlled_trial", r"non-?\s?randomi[sz]ed|quasi-?randomi[sz]ed|\bconcurrent control|非随机|非隨機|半随机|半隨機"),
    ("rct", r"\brandomi[sz]ed|\bRCTs?\b|随机对照|隨機對照|随机双盲|隨機雙盲"),
    ("single_arm_trial", r"single-?\s?arm|uncontrolled|non-?controlled|单臂|單臂|无对照|無對照"),
    ("controlled_trial", r"\bcontrolled\b|对照试验|對照試驗|对照研究|對照研究"),
    ("observational", r"observational|\bcohort|registr(?:y|ies)|retrospective|real-world|观察性|觀察性|队列|隊列|回顾性|回顧性|真实世界|真實世界"),
    ("case_report", r"case (?:reports?|series)|病例报告|病例報告|个案|個案"),
))
# lines that end a table: a note or abbreviation list, another table's caption
TABLE_END = rx(r"^\s*(?:Notes?\b|Abbreviations?\b|Source\s*:|注\s*[:：]|注释|註釋|资料来源|資料來源|Table\s+\d|表\s*\d|\*)"
               # the paper's next section, numbered or not ("3 Results", "4. Discussion", "2.1 Search strategy", "三、结果",
               # "2 研究方法"): a numbered heading is no row
               r"|^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*\.?|[一二三四五六七八九十]{1,2}\s*[、.．])\s*)?"
               r"(?:Introduction|Background|(?:Materials and |Patients and )?Methods?|Results?|Discussion|Conclusions?|Limitations|"
               r"References|Acknowledge?ments?|Study selection|引言|前言|背景|(?:研究|资料与|資料與|材料与|材料與)?方法|结果|結果|讨论|討論|"
               r"结论|結論|参考文献|參考文獻)\s*$",
               re.IGNORECASE)
# a caption above a table ("Table 2: Selected trials…", "表1 国内干细胞治疗糖尿病试验")
CAPTION = rx(r"^\s*(?:Table|Tab\.|表)\s*[A-Z]?\d{1,2}\b|^\s*(?:Table|表)\s*[:：.]", re.IGNORECASE)


@dataclass(frozen=True)
class Column:
    """One header cell: its text, where it starts in the header line, and the field it names."""

    text: str
    start: int
    field: str


@dataclass
class Header:
    """A table-of-studies header line parsed into columns."""

    columns: list[Column]
    layout: str                     # pipe | tab | spaces | glued | single

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(c.field for c in self.columns)


@dataclass
class StudyTable:
    """A table of studies in a list of lines (indices into that list)."""

    header: int
    columns: Header
    rows: list[list[int]]           # each row: its first line and the lines it wraps onto
    groups: dict[int, int] = field(default_factory=dict)   # row index -> its group heading line
    caption: Optional[int] = None
    end: int = 0                    # the first line after the table


# --- header -----------------------------------------------------------------------------------

def _field_of(text: str) -> Optional[str]:
    m = _WORD.search(text)
    return _word_field(m.group()) if m else None


def split_cells(line: str) -> tuple[str, list[tuple[int, str]]]:
    """(layout, [(start, cell text)]): cells split on pipes, tabs or runs of 2+ spaces, else the whole line."""
    for layout, sep in (("pipe", r"\s*\|\s*"), ("tab", r"\s*\t\s*"), ("spaces", r" {2,}")):
        if re.search(sep, line.strip()) and (layout != "pipe" or line.count("|") >= 2):
            cells, pos = [], 0
            for m in re.finditer(sep, line):
                cells.append((pos, line[pos:m.start()]))
                pos = m.end()
            cells.append((pos, line[pos:]))
            return layout, [(s, c.strip()) for s, c in cells if c.strip()]
    return "single", [(0, line)]


# a boundary between glued Latin cells: lower->Upper ("CellsRoute"), UPPER->Upper-lower ("MSCIntravenous"),
# letter->digit ("injection2"), a closing bracket->letter ("[21]AD-MSC")
GLUE_POINT = rx(r"(?<=[a-z)\]%])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})|(?<=[a-z])(?=\d)|(?<=\])(?=[A-Za-z\d])")
# tokens that look glued but are one word ("HbA1c", "iPSC", "McDonald", "T1DM", "et al. [21]")
GLUE_KEEP = rx(r"HbA1c|iPSCs?|hESCs?|hAESCs?|Mc[A-Z]|Mac[A-Z]|[A-Z]{1,3}\d[A-Z]{0,2}|NCT\d+|ChiCTR[-\w]+|mmol|IQR|SDs?\b"
                       r"|\d+(?:\.\d+)?(?:\s*[×x*]\s*10\^?-?\d+)?")


def glued_points(line: str) -> list[int]:
    """Positions where glued Latin cells meet, none inside a protected token."""
    keep = [(m.start(), m.end()) for m in GLUE_KEEP.finditer(line)]
    return [m.start() for m in GLUE_POINT.finditer(line)
            if 0 < m.start() < len(line) and not any(s < m.start() < e for s, e in keep)]


def _may_be_header(t: str) -> bool:
    """A cheap superset test: at least MIN_COLUMNS column words covering half the line's letters."""
    hits, covered = _column_words(t)
    return hits >= MIN_COLUMNS and 2 * covered >= len(_LETTERS.findall(t))


def _column_words(t: str) -> tuple[int, int]:
    """(column words, characters they cover) of a line: Latin stems, then Han words longest first."""
    hits = covered = 0
    for w in _CAMEL.findall(t):
        if w.lower().rstrip("s") in _LATIN_STEMS or w in ("#", "n", "N"):
            hits += 1
            covered += len(w)
    for m in _HAN_WORDS.finditer(t):    # Han column words, longest first, no overlaps
        hits += 1
        # a word that ends the line was found by the longest slice, cut short by the end: it counted _HAN_MAX
        covered += _HAN_MAX if m.end() == len(t) else m.end() - m.start()
    return hits, covered


def parse_header(line: str) -> Optional[Header]:
    """The columns of a table-of-studies header line, or None when the line is no such header."""
    t = line.strip()
    if not t or len(t) > MAX_HEADER_CHARS or _SENTENCE.search(t) or re.search(r"\d{2,}", re.sub(r"\([^()]*\)", "", t)) \
            or not _may_be_header(t):
        return None
    layout, cells = split_cells(line)
    if layout == "single" and " " not in t:
        pts = glued_points(line)
        if len(pts) + 1 >= MIN_COLUMNS:     # "StudyCellsRouteDose…": glued Latin cells
            layout, cells = "glued", [(a, line[a:b]) for a, b in zip([0] + pts, pts + [len(line)])]
    if layout == "single":
        words = list(_WORD.finditer(line))
        covered = sum(len(_LETTERS.findall(m.group())) for m in words)
        rest = _WORD.sub(" ", line)
        rest = _FILLER.sub(" ", rest)
        total = covered + len(_LETTERS.findall(rest))
        if not words or covered < MIN_COVERAGE * total:
            return None
        cols = [Column(m.group(), m.start(), _word_field(m.group())) for m in words]
    else:
        cols = []
        for s, c in cells:
            f = _field_of(c)
            cols.append(Column(c, s, f or "unknown"))
        if sum(c.field != "unknown" for c in cols) < MIN_COVERAGE * len(cols):
            return None
    known = [c for c in cols if c.field != "unknown"]
    if len(known) < (MIN_COLUMNS_UNSEPARATED if layout in ("single", "glued") else MIN_COLUMNS) or len({c.field for c in known} & FACT_FIELDS) < MIN_FACT_COLUMNS:
        return None
    return Header(cols, layout)


# --- tables in lines ------------------------------------------------------------------------

def is_row_lead(line: str) -> bool:
    """Does the line start like a row of a table of studies?"""
    return bool(ROW_LEAD.match(line))


def _prose(line: str) -> bool:
    """A sentence of running text (ends a table): long, ending in a full stop, no row lead."""
    t = line.strip()
    return bool(re.search(r"[。.!?！？]$", t)) and (len(t.split()) >= 12 or len(_LETTERS.findall(t)) >= 30) \
        and not is_row_lead(t)


def find_tables(lines: Sequence[str]) -> list[StudyTable]:
    """Tables of studies among ``lines``: a header, then rows that start like a study (wraps joined)."""
    out: list[StudyTable] = []
    i = 0
    while i < len(lines):
        hdr = parse_header(lines[i])
        if hdr is None:
            i += 1
            continue
        rows: list[list[int]] = []
        groups: dict[int, int] = {}
        group: Optional[int] = None
        j = i + 1
        while j < len(lines):
            t = lines[j]
            if TABLE_END.match(t) or parse_header(t) is not None or _prose(t):
                break
            if is_row_lead(t):
                rows.append([j])
                if group is not None:
                    groups[len(rows) - 1] = group
            elif GROUP_HEADING.match(t) and len(t.strip()) <= 80:
                group = j
            elif rows and len(rows[-1]) <= MAX_WRAP_LINES:
                rows[-1].append(j)
            else:
                break
            j += 1
        sentences = sum(bool(re.search(r"[。.!?！？;；]\s*$", lines[r[-1]])) for r in rows)
        if len(rows) >= MIN_ROWS and (hdr.layout not in ("single", "glued") or sentences <= MAX_SENTENCE_ROWS * len(rows)):
            cap = i - 1 if i > 0 and CAPTION.match(lines[i - 1]) else None
            out.append(StudyTable(i, hdr, rows, groups, cap, j))
            i = j
        else:
            i += 1
    return out


# --- rewriting separators into pipes (normalise) ---------------------------------------------

def pipe_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits (start, end, replacement) that turn the separators of tables of studies into " | ".

    Tab and space-run tables: every run of tabs or 2+ spaces inside the header and its rows. Glued Latin
    tables: a separator at each glue point of a row whose pieces are as many as the header's columns.
    Single-space tables are left alone (their cells cannot be told apart).
    """
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    lines = [text[s:e] for s, e in zip(starts, ends)]
    edits: list[tuple[int, int, str]] = []
    for tbl in find_tables(lines):
        layout = tbl.columns.layout
        if layout not in ("tab", "spaces", "glued"):
            continue
        ncols = len(tbl.columns.columns)
        members = [tbl.header] + [k for row in tbl.rows for k in row]
        for k in members:
            s, line = starts[k], lines[k]
            if layout == "glued":
                pts = glued_points(line)
                if len(pts) + 1 == ncols:
                    edits.extend((s + p, s + p, " | ") for p in pts)
                continue
            sep = r"[ \t]*\t[ \t]*" if layout == "tab" else r" {2,}"
            for m in re.finditer(sep, line.strip()):
                off = len(line) - len(line.lstrip())
                edits.append((s + off + m.start(), s + off + m.end(), " | "))
    return sorted(edits)


def group_design(heading: str) -> Optional[tuple[str, int, int]]:
    """The design a group heading inside a table names ("Randomized controlled trials" -> rct), with the
    cue's offsets in the heading, or None."""
    if not GROUP_HEADING.match(heading):
        return None
    for design, rx in GROUP_DESIGNS:
        m = rx.search(heading)
        if m:
            return design, m.start(), m.end()
    return None
