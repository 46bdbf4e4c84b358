"""Cell doses per administration, absolute or per kg body weight.

A dose is a count of cells: it needs a magnitude or a power of ten (1亿, 50 million, 1×10^6,
"50–100×106" with its superscript lost) and a cell word, a per-kg unit or the word dose next to
it. Drug doses (mg/kg, U/kg/d, g/m2, µg/kg), money and counts of people are not doses. A dose
stated as a group's label ("高剂量组(210亿细胞)") is kept with a lower score: it may be a total.
Counts per volume or culture vessel ("10^5 cells/well", "6.5 × 10^9/L") and cumulative totals
("总计3亿个细胞", "a total of 4.5 × 10^8 cells") are not doses per administration. A list sharing one
power of ten ("0.5, 1.0 or 2.0 × 10^6 cells/kg") gives one dose per value.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..numbers import (ARABIC, CN_DIGITS, MAGNITUDE, MAGNITUDE_MARK, QUAL_BEFORE, SCALAR, SCALAR_OR_RANGE, SCI, SCI_MEAN_SD, SPREAD,
                       parse_number, parse_quantity, parse_scalar)
from .base import FieldExtractor, Hit, Pattern, Span
from .context import TABLE_SEP, line_around, sentence_bounds, table_column_header
from ..rxcache import rx

# ---- lexicons (data) ----
# a count glued to the word before it, as table cells flattened without separators ("injection2 × 10^6",
# "infused4.9 ± 3.10 × 108"): only with a power of ten, so that "HbA1c" or "T2DM" never give one
GLUED_QUANTITY = rf"(?<=[a-z]){ARABIC}(?:{SPREAD})?{SCI}"
# (never right after "×": "× 10811.72" is an exponent glued to the next cell, not the count 10811.72)
# (nor inside a run of Chinese numerals: the run's count starts where the run starts; without it a long run is
# rescanned from each numeral)
CELL_QUANTITY = (rf"(?:(?<![A-Za-z\d.])(?<![x×X*·]\s)(?<![{CN_DIGITS}])(?:{QUAL_BEFORE})?(?:{SCI_MEAN_SD}|{SCALAR_OR_RANGE})"
                 rf"|{GLUED_QUANTITY})")
# a count written out in full with thousands separators ("1,000,000 cells/kg", "500,000 cells/kg"): 100,000 or more
FULL_COUNT = rx(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3}){2,}|[1-9]\d{2},\d{3})(?![\d,]|\.\d)")
# words that never name a cell's source between a count and its cell noun (dose_named_cells)
NAMED_GAP_STOP = rx(r"\b(?:patients?|participants?|people|persons|subjects|recipients|children|adults|given|received|"
                            r"receiving|were|was|with|and|or|in|to|the)\b", re.I)
# acronyms of the cells given: ASCs, ADSCs, HSCs, MPCs, EPCs, BMMNCs, BM-MNCs, hUC-MSCs, TNCs, iPSCs
# (case-sensitive: "SC" alone is subcutaneous, "disc" is no cell)
CELL_ACRONYM = r"(?-i:(?<![A-Za-z])(?:[A-Za-z]{1,4}-)?(?:[a-z]?[A-Z]{1,4}(?:SC|PC|NC)|[a-z]?[A-Z]{0,4}(?:MSC|MNC))s?(?![A-Za-z]))"
# a surface marker before the noun: "CD34+ cells"
CELL_NOUN = (rf"(?:细胞|細胞|干细胞|幹細胞|{CELL_ACRONYM}|(?:CD\d{{1,3}}\+?\s*)?(?:stem\s+|stromal\s+|"
             r"mononuclear\s+|viable\s+|nucleated\s+)?cells\b)")
# "kg" glued to the next table cell ("cells/kgOnce") still ends the unit: only a lower-case letter continues it
PER_KG = (r"(?:\s*(?:个|個|cells?)?\s*(?:/|per\s+|每)\s*(?:kg|kilogram|公斤|千克)(?-i:(?![a-z]))(?:\s*(?:体重|體重|body\s*weight|"
          r"of\s+body\s+weight|bw))?)")
# the words between "每公斤体重" and the count ("输注") never take a Chinese numeral ("每公斤体重一百万个")
PER_KG_BEFORE = rf"(?:每公斤|每千克)(?:体重|體重)?(?:(?![{CN_DIGITS}])[^\d,，。;；]){{0,4}}"
# islet equivalents (IEQ) measure islet volume, not a count of cells; units (单位) are not cells
NOT_CELLS = rx(r"^\s*(?:mg|g\b|µg|μg|ug|mcg|U\b|IU|ml|mL|元|美元|dollars|USD|RMB|人|名|例|位|患者|病人|糖友|people|patients|persons|"
                       r"单位|單位|IEQ|IE\b|胰岛当量|胰島當量|胰岛等量|胰島等量|当量|當量|(?:islet\s+)?equivalents?)",
                       re.I)
DOSE_WORDS = (r"(?:剂量|劑量|dose[sd]?|dosage|输注|輸注|注射|infusion|infused|injection|injected|administered|"
              r"给予|給予|回输|回輸)")
# a count per volume or per culture vessel is a concentration or a blood count, not a dose
PER_VOLUME = rx(r"^\s*(?:个|個|cells?)?\s*(?:/|per\s+|每)\s*(?:well|ml|mL|l\b|L\b|μl|µl|ul|dish|plate|flask|"
                        r"cm2|cm\^2|孔|毫升|升)", re.I)
# a cumulative total over all administrations is not a dose per administration
TOTAL_BEFORE = rx(r"(?:总计|總計|共计|共計|累计|累計|总共|總共|合计|合計|总剂量|總劑量|total\s+of|in\s+total|cumulative|"
                          r"total\s+dose\s+of|total)\s*(?:为|為|达|達|of)?\s*(?:输注|輸注|注射|回输|回輸|移植|infused|injected)?\s*$", re.I)
# values listed before the one that carries the power of ten: "0.5, 1.0 or 2.0 × 10^6 cells/kg"
# (at most LIST_MAX items before the last: a long run "1,1,1,…" is not rescanned from each of its items)
LIST_MAX = 20
LIST_ITEMS = rf"(?P<items>(?:{ARABIC}\s*(?:,|，|、)\s*){{0,{LIST_MAX}}}{ARABIC}\s*,?\s*(?:or|and|和|或|及|与|與)\s*)"
# values listed each with its own power of ten or magnitude, the unit after the last one:
# "每公斤0.5×10^6、1×10^6、2×10^6个细胞", "0.5×106、1.0×106、2.0×106个细胞/kg", "1, 2 and 4 × 10^8 cells" is LIST_ITEMS
SCI_ITEM = rf"{ARABIC}(?:{SCI}|{MAGNITUDE})"
_AND = r"(?:or|and|和|或|及|与|與)"
SCI_LIST_ITEMS = rf"(?P<items>(?:{SCI_ITEM}\s*(?:[,，、;；]\s*(?:{_AND}\s+)?|{_AND}\s*))+)"
# a stock, a bank or a plant's output is not given to anyone: "细胞库储备超过1000亿个细胞", "can manufacture 10 billion cells"
STOCK_BEFORE = rx(r"(?:储备|儲備|库存|庫存|存量|产能|產能|年产|年產|制备能力|製備能力|细胞库|細胞庫|"
                          r"\bbank|\bstock|\binventory|\bcapacity|\bcan\s+(?:produce|manufacture|make))"
                          r"[^\d,，。;；.]{0,12}$", re.I)
# "1000多万个细胞": an approximate count said with 多/余/几 inside the number needs its classifier
APPROX_INSIDE = rx(r"[余餘多几幾](?=[十百千万萬亿億])")
COUNT_CLASSIFIER = rx(r"\s*(?:个|個)")
# the scale of a count written short ("300M") or as a compound adjective ("300-million-")
_SHORT_SCALE = rx(r"\s?[MB]$|-(?:million|billion)-?$")
# an unstated leading digit: "几十万", "数百万" (the count read after it would be "十万", "百万")
VAGUE_HEAD = "几幾数數"
# the magnitude or power of ten ending a range's last end, which its first end shares ("1 and 2 million")
_TAIL_MULT = rx(rf"(?:{MAGNITUDE}|{SCI})$", re.I)
# one cell of a table row of doses: a count with its power of ten, perhaps a mean ± SD
ROW_ITEM = rf"{ARABIC}(?:{SPREAD})?{SCI}"
# a table column of doses: the header names the dose ("Mean dose of stem cells (/kg)", "细胞剂量(×10^6/kg)");
# a cell below it with a power of ten is a dose though its row names no cell ("Carlsson, 2015 ... IV 2.75 × 106 ...")
DOSE_HEADER = rx(r"\bdos(?:e|es|age)\b|剂量|劑量|cells?\s+infused|infused\s+cells|输注细胞数|輸注細胞數|回输细胞数", re.I)
PER_KG_HEADER = rx(r"(?:/|per\s+|每)\s*(?:kg|kilogram|公斤|千克)(?![a-z])", re.I)
HEADER_LINES_UP = 40     # lines a table's rows may run below its header
HEADER_LINE_MAX = 400    # a longer line is running text, not a header row
ROW_LINE_MAX = 1000      # a longer line is running text, not a table row
# a table cell's count: a power of ten written out ("2.75 × 106", "7 − 11 × 106", ">3 × 106", "2.6 ± 1.2 × 107")
TABLE_CELL_QUANTITY = (rf"(?<![A-Za-z\d.])(?<![x×X*·]\s)(?:[>≥]\s*)?(?:{ARABIC}(?:{SPREAD})?{SCI}"
                       rf"|{ARABIC}\s*(?:-|–|−|~)\s*{ARABIC}{SCI}|\(\s*{ARABIC}\s*(?:-|–|−|~)\s*{ARABIC}\s*\){SCI})")
# "每次打1亿个": a count per administration said with a plain verb and the classifier only
PER_TIME_VERB = r"(?:打|输|輸|注射|输注|輸注|回输|回輸|注入|给予|給予|打入|输入|輸入)"
# a dose raised between groups: "加倍到", "增加至", "was doubled to", "escalated to"
RAISED_TO = r"(?:加倍|增加|提高|增|升)(?:到|至)|(?:was\s+|were\s+)?(?:doubled|increased|raised|escalated)\s+to"
CONTEXT: dict[str, tuple[str, ...]] = {
    "zh": ("细胞", "細胞", "剂量", "劑量", "输注", "輸注", "干细胞", "幹細胞", "间充质", "間充質"),
    "en": ("cells", "MSC", "dose", "infusion", "infused", "stem cell"),
}
CELL_RANGE = (1e4, 1e11)
PER_KG_RANGE = (1e4, 1e9)

P = Pattern
PATTERNS: tuple[Pattern, ...] = (
    # (no Chinese numeral in the gap before the cell noun: "2型糖尿病患者每次接受一亿个细胞" is the count 一亿, not the "2"
    # of "2型" a gap away, whose match would hide it)
    P("dose_cells",
      rf"(?P<pk1>{PER_KG_BEFORE})?(?P<q>{CELL_QUANTITY})(?P<pk2>{PER_KG})?[^\S\n]*(?:个|個|of)?[^\S\n]*"
      rf"(?:(?![{CN_DIGITS}])[^\d,，。;；\n()（）]){{0,14}}?{CELL_NOUN}(?P<pk3>{PER_KG})?", 0.9,
      examples=("20名2型糖尿病患者每次接受一亿个细胞。", "20名第2型糖尿病患者每次接受一億個細胞。",
                "20名2型糖尿病患者接受五千万个细胞输注。"),
      traps=("2型糖尿病患者接受干细胞治疗。",)),
    # "100 million umbilical cord MSCs", "2 × 10^6 autologous bone marrow mononuclear cells": English words naming
    # the source between the count and the cell noun (letters only, a few words)
    P("dose_named_cells",
      rf"(?P<q>{CELL_QUANTITY})[^\S\n]+(?:of[^\S\n]+)?(?:(?:[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)[^\S\n]+){{1,4}}?{CELL_NOUN}"
      rf"(?P<pk3>{PER_KG})?", 0.85,
      examples=("Thirty patients with type 2 diabetes received 100 million umbilical cord MSCs per infusion.",
                "Each patient received 2 × 10^6 autologous bone marrow mononuclear cells per kg."),
      traps=("In 2019, 30 patients with type 2 diabetes received umbilical cord MSCs.",
             "About 1,000 of the donated islet cells were counted.")),
    P("dose_per_kg", rf"(?P<pk1>{PER_KG_BEFORE})?(?P<q>{CELL_QUANTITY})(?P<pk2>{PER_KG})", 0.8),
    # a count written short or as a compound adjective before the cells: "~300M cells", "1.2B cells", "the
    # 300-million-cell arm" (never money: "$25M", "€3B")
    P("dose_short_count",
      r"(?<![\w$€£¥.,])(?P<q>\d{1,4}(?:\.\d{1,2})?(?:\s?[MB](?![\w$])|-(?:million|billion)-?))\s*(?:(?:[A-Za-z]+[\s-]){0,2}?)"
      r"cells?\b(?P<pk3>{PER_KG})?".replace("{PER_KG}", PER_KG), 0.75,
      examples=("The low dose group got ~300M cells in one shot.", "Three IV doses of 2.5M cells/kg every 6 weeks.", "Patients of the 600-million-cell arm did best.",
                "Each patient received 1.2B cells."),
      traps=("The company raised $25M for the cell therapy.", "The 300-bed hospital treats cells.")),
    # "每公斤体重80万个", "每公斤體重輸注五十萬粒": the weight first, then the count and its classifier, the cells named
    # earlier in the sentence (粒 is Cantonese usage for cells; a unit or a drug takes no such classifier)
    P("dose_per_kg_classifier", rf"(?P<pk1>{PER_KG_BEFORE})(?P<q>{CELL_QUANTITY})\s*(?:个|個|颗|顆|粒)", 0.8,
      examples=("每两周输注一次干细胞，每公斤体重120万个，共四次。", "治療組每公斤體重輸注五十萬粒，共三劑。",
                "每公斤體重輸注80萬顆，共兩次。"),
      traps=("每公斤体重0.3单位胰岛素。", "每公斤体重注射二百毫克。")),
    # "1亿个/次", "2 × 10^8 per infusion": a count per administration
    P("dose_per_time",
      rf"(?P<q>{CELL_QUANTITY})\s*(?:个|個)?\s*(?:/|per\s+|每)\s*(?:次|剂|劑|dose|infusion|injection|administration)\b", 0.8),
    P("dose_each_time",
      rf"每次\s*{PER_TIME_VERB}?\s*(?:了)?\s*(?:约|約|大约|大約)?\s*(?P<q>{CELL_QUANTITY})\s*(?:个|個)(?![\u4e00-\u9fff])", 0.75),
    P("dose_list",
      rf"(?<![\d.^]){LIST_ITEMS}(?P<q>{SCALAR})(?:(?P<pk2>{PER_KG})|\s*(?:个|個)?\s*{CELL_NOUN}(?P<pk3>{PER_KG})?)", 0.85),
    P("dose_sci_list",
      rf"(?<![\d.])(?P<pk1>{PER_KG_BEFORE})?{SCI_LIST_ITEMS}(?P<q>{SCALAR})(?:(?P<pk2>{PER_KG})|\s*(?:个|個)?\s*{CELL_NOUN}"
      rf"(?P<pk3>{PER_KG})?)", 0.85),
    # "每次输注细胞1亿个", "回输干细胞数量为5000万个": the cell word before the count, the classifier after
    P("dose_noun_first",
      rf"(?:细胞|細胞)(?:数|數|数量|數量|总数|總數)?\s*(?:为|為|约|約|约为|約為|达|達)?\s*(?P<pk1>{PER_KG_BEFORE})?"
      rf"(?P<q>{CELL_QUANTITY})\s*(?:个|個)(?P<pk2>{PER_KG})?", 0.8),
    # a table row of doses after its label, cells glued or spaced: "Number of BMMNCs infused4.9 ± 3.10 × 108
    # 12.04 ± 4.84 × 108 6.88 ± 2.30 × 108" (one dose per group); the first is also read by dose_keyword
    P("dose_row", rf"{DOSE_WORDS}\s*(?::\s*)?(?P<items>(?P<q>{ROW_ITEM})\s*(?:{ROW_ITEM}\s*)+)", 0.8),
    P("dose_table_cell", rf"(?P<q>{TABLE_CELL_QUANTITY})", 0.7),
    # (or the dose raised to it: "剂量加倍到6亿颗", "the dose was doubled to 0.6 billion cells")
    P("dose_keyword",
      rf"{DOSE_WORDS}(?:为|為|是|of|at|:|\s|\(|（|with|{RAISED_TO})*(?P<pk1>{PER_KG_BEFORE})?(?P<q>{CELL_QUANTITY})"
      rf"(?P<pk2>{PER_KG})?", 0.8,
      examples=("之後9人劑量加倍到6億顆,每人都只植入一次。",)),
)
_CELL_OR_DOSE = rx(CELL_NOUN + "|" + DOSE_WORDS + "|MSC", re.I)
# a review's range of the doses its trials used ("trial doses ranged from 0.3 to 4 × 10^6/kg", "各研究剂量为…不等"):
# no dose of one study
_RANGED = rx(r"\brang(?:ed|es|ing)\b|\bvar(?:ied|ying)\b|不等|之间|之間|范围|範圍", re.I)
_REVIEW = rx(r"meta-?analys[ie]s|systematic\s+review|荟萃分析|薈萃分析|系统评价|系統評價|统合分析|統合分析", re.I)
# a range said with "between X and Y" / "介于X和Y之间" / "在X与Y之间": its two ends are one dose [X, Y], not a list
# of two doses, also when each end carries its unit ("在1×10^6/kg与2×10^6/kg之间")
RANGE_OPEN_BEFORE = rx(r"(?:\bbetween|介于|介於|在)\s*$", re.I)
RANGE_OPEN_AT = rx(r"(?:between|介于|介於)", re.I)   # a quantity's own lead word (numbers._RANGE_LEAD)
RANGE_CLOSE_AFTER = rx(r"[^\S\n]*(?:之间|之間)")
RANGE_JOIN = rx(r"[^\S\n]*(?:与|與|和|及|至|到|and|to)[^\S\n]*$", re.I)
RANGE_CLOSE = rx(r"之间|之間")
RANGE_JOIN_GAP = 6       # characters of "与"/" and " between a range's two ends
RANGE_OPEN_REACH = 12    # characters before the first end where "between"/"介于" may stand ("a dose of between")
GROUP_LABEL = rx(r"(?:组|組|group|arm|cohort)\s*[(（]?\s*$", re.I)


def _dose_column(span: Span, pos: int) -> Optional[bool]:
    """Whether ``pos`` is a cell under a dose header: None if not, else whether the header says per kg.

    A ``|`` table gives its column's header; a table flattened to lines (cells separated by spaces)
    gives the nearest header line above the row, up to a blank line. The header must lie outside the
    record's span: a record that holds the whole table is not one row, and its cells are other studies'.
    """
    text = span.doc.view
    # bounded look-around: a table row is a short line; a long one is running text (and stays linear)
    bounds = line_around(text, pos, ROW_LINE_MAX)
    if bounds is None:
        return None
    line_start, line_end = bounds
    if TABLE_SEP in text[line_start:line_end]:
        header = table_column_header(text, pos)
        if header is not None:
            return bool(PER_KG_HEADER.search(header)) if DOSE_HEADER.search(header) else None
    end = line_start - 1
    for _ in range(HEADER_LINES_UP):
        if end <= 0:
            return None
        start = text.rfind("\n", max(0, end - HEADER_LINE_MAX - 1), end) + 1
        if start == 0 and end > HEADER_LINE_MAX + 1:
            return None   # a line longer than a header row: running text above, not a table
        line = text[start:end]
        if not line.strip():
            return None   # a blank line ends the table
        d = DOSE_HEADER.search(line)
        if d:
            if end > span.start:
                return None   # the header is inside the record: not a record of one row
            return bool(PER_KG_HEADER.search(line, d.end(), d.end() + 40))
        end = start - 1
    return None


class DoseExtractor(FieldExtractor):
    """Cells per administration as [min, max], absolute or per kg."""

    name = "dose"
    field = "dose"
    patterns = PATTERNS
    context = CONTEXT

    def find(self, span: Span) -> list[Hit]:
        """The patterns' hits, with two ends of a stated range joined into one dose (``_joined_ranges``)."""
        return _joined_ranges(super().find(span), span)

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        q_txt = m.group("q")
        if pattern.name == "dose_short_count":
            q_txt = _SHORT_SCALE.sub(lambda w: " million" if w.group(0).strip(" -").upper().startswith("M") else " billion", q_txt)
        if not MAGNITUDE_MARK.search(q_txt) and not FULL_COUNT.search(q_txt):
            return
        if pattern.name == "dose_named_cells" and NAMED_GAP_STOP.search(span.doc.view, m.end("q"), m.end()):
            return   # "120,000 patients given stem cells": the words between count persons or tell an action
        if NOT_CELLS.match(span.doc.view[m.end("q"):m.end("q") + 8]):
            return
        q = parse_quantity(q_txt, cells=True)
        if q is None or q.qualifier in ("lt", "le"):
            return
        if APPROX_INSIDE.search(q_txt) and not COUNT_CLASSIFIER.match(span.doc.view, m.end("q")):
            return   # "花了20多万做干细胞": a colloquial round sum is money, a count of cells takes 个
        if PER_VOLUME.match(span.doc.view, m.end("q")) or \
                PER_VOLUME.match(span.doc.view[m.end():m.end() + 12]):
            return
        if STOCK_BEFORE.search(span.doc.view[max(span.start, m.start("q") - 20):m.start("q")]):
            return   # a cell bank's stock or a plant's output
        if TOTAL_BEFORE.search(span.doc.view[max(span.start, m.start("q") - 14):m.start("q")]) or \
                TOTAL_BEFORE.search(span.doc.view[max(span.start, m.start() - 14):m.start()]):
            return
        groups = m.groupdict()
        per_kg = any(groups.get(k) for k in ("pk1", "pk2", "pk3"))
        if pattern.name == "dose_table_cell":
            header_per_kg = _dose_column(span, m.start())
            if header_per_kg is None:
                return
            per_kg = header_per_kg or bool(PER_KG_HEADER.match(span.doc.view, m.end()))
        score = pattern.score
        if GROUP_LABEL.search(span.doc.view[max(span.start, m.start() - 6):m.start("q")]):
            score = 0.5   # a group's label: the dose as stated, perhaps a cumulative total
        if q.qualifier in ("gt", "ge"):
            score = min(score, 0.5)
        if pattern.name == "dose_row":
            for item in re.finditer(ROW_ITEM, m.group("items"), re.I):
                iq = parse_quantity(item.group(0), cells=True)
                if iq is not None:
                    yield self.hit({"cells_min": iq.low, "cells_max": iq.high, "per_kg": per_kg},
                                   m.start(), m.end(), pattern, score=score)
            return
        if pattern.name in ("dose_list", "dose_sci_list") and _is_range(span, m.start(), m.end()):
            # "between 1 and 2 million cells/kg", "介于1×10^6和2×10^6个细胞/kg之间": one dose, its two ends
            items = re.findall(SCI_ITEM if pattern.name == "dose_sci_list" else ARABIC, m.group("items"))
            first = None
            if len(items) == 1:
                first = parse_scalar(items[0], cells=True) if pattern.name == "dose_sci_list" else \
                    parse_quantity(items[0] + (_TAIL_MULT.search(q_txt).group(0) if _TAIL_MULT.search(q_txt) else ""),
                                   cells=True)
            low = first if isinstance(first, float) or first is None else first.low
            if low is not None and low < q.low:
                yield self.hit({"cells_min": low, "cells_max": q.high, "per_kg": per_kg}, m.start(), m.end(), pattern,
                               score=score)
            return
        if pattern.name == "dose_list":
            # each listed value shares the last one's power of ten or magnitude
            last = parse_number(re.match(rf"\s*{ARABIC}", q_txt).group(0)) if re.match(rf"\s*{ARABIC}", q_txt) else None
            if not last:
                return
            mult = q.low / last
            for item in re.findall(ARABIC, m.group("items")):
                v = parse_number(item)
                if v is not None:
                    yield self.hit({"cells_min": v * mult, "cells_max": v * mult, "per_kg": per_kg},
                                   m.start(), m.end(), pattern, score=score)
        if pattern.name == "dose_sci_list":
            # each listed value carries its own power of ten ("0.5×106" is a lost superscript too)
            for item in re.findall(SCI_ITEM, m.group("items")):
                v = parse_scalar(item, cells=True)
                if v is not None:
                    yield self.hit({"cells_min": v, "cells_max": v, "per_kg": per_kg}, m.start(), m.end(), pattern,
                                   score=score)
        yield self.hit({"cells_min": q.low, "cells_max": q.high, "per_kg": per_kg},
                       m.start(), m.end(), pattern, score=score)

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        lo, hi = PER_KG_RANGE if hit.value["per_kg"] else CELL_RANGE
        if not (lo <= hit.value["cells_min"] <= hit.value["cells_max"] <= hi):
            return None
        if hit.value["cells_min"] < hit.value["cells_max"] and _REVIEW.search(span.doc.view, span.start, span.end):
            s, e = sentence_bounds(span.doc.view, hit.start, hit.end, span.start, span.end)
            if _RANGED.search(span.doc.view, s, e):
                return None
        if hit.start > 0 and span.doc.view[hit.start - 1] in VAGUE_HEAD:
            return None   # "几十万个细胞", "數百萬顆": a count whose first digit is unstated is no dose
        if hit.pattern in ("dose_per_kg", "dose_list", "dose_per_time", "dose_sci_list", "dose_each_time"):
            # a bare "×10^6/kg" must be about cells: a cell or dose word in its sentence ("In this
            # dose-escalation trial ... received 0.5 × 10^6/kg (n = 8), 1.5 × 10^6/kg (n = 8) or placebo")
            s, e = sentence_bounds(span.doc.view, hit.start, hit.end, span.start, span.end)
            if not _CELL_OR_DOSE.search(span.doc.view, s, e):
                return None
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """Each distinct dose once, the best-scored evidence kept; a list read as a range is the list."""
        listed = [h for h in hits if h.pattern in ("dose_list", "dose_sci_list")
                  and h.value["cells_min"] == h.value["cells_max"]]
        # "0.5 × 10^6 and 1.0 × 10^6 cells/kg" also reads as a range: the list's values are the doses
        hits = [h for h in hits if not (h.value["cells_min"] < h.value["cells_max"] and any(
            o.start < h.end and h.start < o.end and o.value["cells_min"] == h.value["cells_min"] for o in listed) and any(
            o.start < h.end and h.start < o.end and o.value["cells_max"] == h.value["cells_max"] for o in listed))]
        kept: dict[tuple[float, float, bool], Hit] = {}
        # per kg first: "每公斤体重输注1×10^6个细胞" also matches the dose word without the per-kg part
        for h in sorted(hits, key=lambda h: (-h.value["per_kg"], -h.score, h.start)):
            key = (h.value["cells_min"], h.value["cells_max"], h.value["per_kg"])
            same = any(k[:2] == key[:2] and o.start < h.end and h.start < o.end for k, o in kept.items())
            if key not in kept and not same:
                kept[key] = h
        return sorted(kept.values(), key=lambda h: h.start)


def _is_range(span: Span, start: int, end: int) -> bool:
    """The values at ``start:end`` are the ends of a range: "between"/"介于"/"在" before, or "之间" after."""
    view = span.doc.view
    return bool(RANGE_OPEN_BEFORE.search(view, max(span.start, start - RANGE_OPEN_REACH), start)
                or RANGE_OPEN_AT.match(view, start) or RANGE_CLOSE_AFTER.match(view, end, min(span.end, end + 8)))


def _joined_ranges(hits: list[Hit], span: Span) -> list[Hit]:
    """Two single doses joined by "与/和/and" inside "between … and …" or "在…与…之间" become one range dose."""
    view = span.doc.view
    singles = sorted((h for h in hits if h.value["cells_min"] == h.value["cells_max"]), key=lambda h: h.start)
    joined: list[Hit] = []
    for a in singles:
        for b in singles:
            if not (a.end <= b.start <= a.end + RANGE_JOIN_GAP and a.value["per_kg"] == b.value["per_kg"]
                    and a.value["cells_min"] < b.value["cells_min"] and RANGE_JOIN.match(view[a.end:b.start])):
                continue
            opened = RANGE_OPEN_BEFORE.search(view, max(span.start, a.start - RANGE_OPEN_REACH), a.start) \
                or RANGE_OPEN_AT.search(view, a.start, a.end)
            closed = RANGE_CLOSE.search(view, b.start, min(span.end, b.end + 8))
            if opened and (closed or opened.group(0).strip().lower() == "between"):
                joined.append(Hit(a.field, {"cells_min": a.value["cells_min"], "cells_max": b.value["cells_max"],
                                            "per_kg": a.value["per_kg"]}, a.start, b.end, a.extractor, a.pattern,
                                  score=max(a.score, b.score)))
    if not joined:
        return hits
    # the ends read alone (also by a pattern that starts at the dose word before them) are the range's
    ends = {id(h) for h in hits for j in joined if h.start < j.end and j.start < h.end
            and h.value["cells_min"] == h.value["cells_max"]
            and h.value["cells_min"] in (j.value["cells_min"], j.value["cells_max"])}
    return [h for h in hits if id(h) not in ends] + joined


EXTRACTOR = DoseExtractor()
