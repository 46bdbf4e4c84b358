"""Cohort sizes in a table of studies flattened to text: the arms of a row under a "Number (E/C)" column.

A table of included studies gives each study's groups as a pair in one cell ("21/21" under
"Number (E/C)", "30/30" under "例数(治疗组/对照组)"); other cells hold pairs too ("12/9" under
"Female/male"). Without cell separators the column is found by order: the k-th pair of a row
belongs to the k-th slash-joined heading of the header line. A row is read only when it has as many
pairs as the header has slash headings (a continuation row "C 10/11 Insulin" has fewer), and only
when the mention holds one such row (a mention spanning the whole table is not one study).
"""
from __future__ import annotations

import re
from typing import Optional

from .context import FLAT_ROW_MAX, flat_table_header
from ..rxcache import rx

# a slash-joined heading of a header line ("E/C", "Female/male", "治疗组/对照组")
HEADING_PAIR = rx(r"[A-Za-z\u4e00-\u9fff]+\s*/\s*[A-Za-z\u4e00-\u9fff]+")
# the heading of the group sizes: experimental/treated over control
ARMS_HEADING = rx(r"^(?:E|T|I|S|MSCs?|SC|treat(?:ment|ed)?|exp(?:erimental)?|intervention|cases?|"
                          r"试验组?|試驗組?|治疗组?|治療組?|观察组?|觀察組?|实验组?|實驗組?|干细胞组?|幹細胞組?|研究组?|研究組?)"
                          r"\s*/\s*(?:C|controls?|placebo|对照组?|對照組?|安慰剂组?|安慰劑組?)$", re.I)
# a count word near the heading: the pair counts persons ("Number (E/C)", "n (T/C)", "例数(治疗组/对照组)")
COUNT_HEADING = rx(r"\b(?:number|no\.|n|sample(?:\s+size)?|patients|participants|subjects|size)\b|例数|例數|人数|人數|"
                           r"样本量|樣本量|病例", re.I)
# a pair of counts in a row ("21/21"), not a date, a ratio of decimals or a dose ("1/2", "2.5/3")
ROW_PAIR = rx(r"(?<![\d/.:\-])(\d{1,4})\s*/\s*(\d{1,4})(?![\d/.:\-%])")
HEADER_REACH = 40   # lines above a row searched for its header
# a row that starts a study ("Walicka, 2018 [18] Poland 23/8 E …", "Hu et al. 2013", "张三(2019)"): when it gives fewer
# pairs than the header has slash headings, the cells left empty are later ones (a continuation row "C 10/11
# Insulin" starts with no author)
STUDY_ROW_START = rx(r"^\s*(?:[A-Z][A-Za-z'\-]+(?:\s+et\s+al\.?)?\s*,?\s*\(?(?:19|20)\d{2}|"
                             r"[\u4e00-\u9fff]{1,4}(?:等)?\s*[(（]?(?:19|20)\d{2})")


def _header(lines: list[str], row: int) -> Optional[tuple[int, int]]:
    """(index of the arms heading among the header's slash headings, number of slash headings) for the
    table the row ``row`` belongs to, or None."""
    for i in range(row - 1, max(-1, row - HEADER_REACH), -1):
        headings = HEADING_PAIR.findall(lines[i])
        for k, h in enumerate(headings):
            if ARMS_HEADING.match(re.sub(r"\s+", "", h)) and COUNT_HEADING.search(lines[i]):
                return k, len(headings)
    return None


def table_row_arms(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """The two group sizes (n, start, end, which) of the one table row in [lo, hi) that gives them, or []."""
    start = text.rfind("\n", 0, lo) + 1
    above = text[max(0, start - 6000):start].split("\n")[:-1]
    body = text[start:hi].split("\n")
    lines = above + body
    found: list[list[tuple[int, int, int, int]]] = []
    pos = start
    for j, line in enumerate(body):
        pairs = list(ROW_PAIR.finditer(line))
        if pairs:
            head = _header(lines, len(above) + j)
            if head and (len(pairs) == head[1] or (head[0] == 0 and 0 < len(pairs) < head[1]
                                                   and STUDY_ROW_START.match(line))):
                m = pairs[head[0]]
                a, b = int(m.group(1)), int(m.group(2))
                if a > 0 and b > 0 and pos + m.start() >= lo:
                    found.append([(a, pos + m.start(1), pos + m.end(1), 0), (b, pos + m.start(2), pos + m.end(2), 1)])
        pos += len(line) + 1
    return found[0] if len(found) == 1 else []


# ---- a row of a single-spaced table under a header naming a count column ("研究 例数 细胞类型 随访" above
# "李等 2019 32例 脐带间充质干细胞 12个月"): the row's one count of persons is that study's size ----
ROW_COUNT = rx(r"(?<![\d.\-/])(\d{1,5})\s*(?:例|名|人|patients|participants|subjects)(?!\s*(?:中|次|年|次数)|\w)", re.I)


def table_row_total(text: str, lo: int, hi: int) -> Optional[tuple[int, int, int]]:
    """(n, start, end) of the one count of persons in the table row [lo, hi) under a flattened header with a count
    column, or None (the span longer than a row, no such header, none or several counts)."""
    if hi - lo > FLAT_ROW_MAX or text.count("\n", lo, hi) > 1 or flat_table_header(text, lo, COUNT_HEADING) is None:
        return None
    counts = [m for m in ROW_COUNT.finditer(text, lo, hi) if int(m.group(1)) > 0]
    if len(counts) != 1:
        return None
    return int(counts[0].group(1)), counts[0].start(), counts[0].end()
