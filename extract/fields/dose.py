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

from ..numbers import ARABIC, CN_DIGITS, MAGNITUDE, QUAL_BEFORE, RANGE, SCALAR, SCI, parse_number, parse_quantity, parse_scalar
from .base import FieldExtractor, Hit, Pattern, Span

# ---- lexicons (data) ----
CELL_QUANTITY = rf"(?<![A-Za-z\d.])(?:{QUAL_BEFORE})?(?:{RANGE}|{SCALAR})"
CELL_NOUN = (r"(?:细胞|細胞|干细胞|幹細胞|MSCs?\b|hUC-?MSCs?\b|UC-?MSCs?\b|BM-?MSCs?\b|(?:stem\s+|stromal\s+|"
             r"mononuclear\s+|viable\s+|nucleated\s+)?cells\b)")
PER_KG = (r"(?:\s*(?:个|個|cells?)?\s*(?:/|per\s+|每)\s*(?:kg|kilogram|公斤|千克)(?![A-Za-z])(?:\s*(?:体重|體重|body\s*weight|of\s+body\s+weight|"
          r"bw))?)")
# the words between "每公斤体重" and the count ("输注") never take a Chinese numeral ("每公斤体重一百万个")
PER_KG_BEFORE = rf"(?:每公斤|每千克)(?:体重|體重)?(?:(?![{CN_DIGITS}])[^\d,，。;；]){{0,4}}"
# a magnitude or power of ten: without one a number is not a cell count ("3 cells")
MAGNITUDE_MARK = re.compile(r"(?:亿|億|万|萬|million|billion|thousand|[x×X*·]\s*10|10\s*\^|\d[eE]\d)", re.I)
# islet equivalents (IEQ) measure islet volume, not a count of cells; units (单位) are not cells
NOT_CELLS = re.compile(r"^\s*(?:mg|g\b|µg|μg|ug|mcg|U\b|IU|ml|mL|元|美元|dollars|USD|RMB|人|名|例|位|患者|病人|糖友|people|patients|persons|"
                       r"单位|單位|IEQ|IE\b|胰岛当量|胰島當量|胰岛等量|胰島等量|当量|當量|(?:islet\s+)?equivalents?)",
                       re.I)
DOSE_WORDS = (r"(?:剂量|劑量|dose[sd]?|dosage|输注|輸注|注射|infusion|infused|injection|injected|administered|"
              r"给予|給予|回输|回輸)")
# a count per volume or per culture vessel is a concentration or a blood count, not a dose
PER_VOLUME = re.compile(r"^\s*(?:个|個|cells?)?\s*(?:/|per\s+|每)\s*(?:well|ml|mL|l\b|L\b|μl|µl|ul|dish|plate|flask|"
                        r"cm2|cm\^2|孔|毫升|升)", re.I)
# a cumulative total over all administrations is not a dose per administration
TOTAL_BEFORE = re.compile(r"(?:总计|總計|共计|共計|累计|累計|总共|總共|合计|合計|总剂量|總劑量|total\s+of|in\s+total|cumulative|"
                          r"total\s+dose\s+of|total)\s*(?:为|為|达|達|of)?\s*(?:输注|輸注|注射|回输|回輸|移植|infused|injected)?\s*$", re.I)
# values listed before the one that carries the power of ten: "0.5, 1.0 or 2.0 × 10^6 cells/kg"
LIST_ITEMS = rf"(?P<items>(?:{ARABIC}\s*(?:,|，|、)\s*)*{ARABIC}\s*,?\s*(?:or|and|和|或|及|与|與)\s*)"
# values listed each with its own power of ten or magnitude, the unit after the last one:
# "每公斤0.5×10^6、1×10^6、2×10^6个细胞", "0.5×106、1.0×106、2.0×106个细胞/kg", "1, 2 and 4 × 10^8 cells" is LIST_ITEMS
SCI_ITEM = rf"{ARABIC}(?:{SCI}|{MAGNITUDE})"
_AND = r"(?:or|and|和|或|及|与|與)"
SCI_LIST_ITEMS = rf"(?P<items>(?:{SCI_ITEM}\s*(?:[,，、;；]\s*(?:{_AND}\s+)?|{_AND}\s*))+)"
# a stock, a bank or a plant's output is not given to anyone: "细胞库储备超过1000亿个细胞", "can manufacture 10 billion cells"
STOCK_BEFORE = re.compile(r"(?:储备|儲備|库存|庫存|存量|产能|產能|年产|年產|制备能力|製備能力|细胞库|細胞庫|"
                          r"\bbank|\bstock|\binventory|\bcapacity|\bcan\s+(?:produce|manufacture|make))"
                          r"[^\d,，。;；.]{0,12}$", re.I)
# "每次打1亿个": a count per administration said with a plain verb and the classifier only
PER_TIME_VERB = r"(?:打|输|輸|注射|输注|輸注|回输|回輸|注入|给予|給予|打入|输入|輸入)"
CONTEXT: dict[str, tuple[str, ...]] = {
    "zh": ("细胞", "細胞", "剂量", "劑量", "输注", "輸注", "干细胞", "幹細胞", "间充质", "間充質"),
    "en": ("cells", "MSC", "dose", "infusion", "infused", "stem cell"),
}
CELL_RANGE = (1e4, 1e11)
PER_KG_RANGE = (1e4, 1e9)

P = Pattern
PATTERNS: tuple[Pattern, ...] = (
    P("dose_cells",
      rf"(?P<pk1>{PER_KG_BEFORE})?(?P<q>{CELL_QUANTITY})(?P<pk2>{PER_KG})?\s*(?:个|個|of)?\s*"
      rf"(?:[^\d,，。;；\n()（）]{{0,14}}?){CELL_NOUN}(?P<pk3>{PER_KG})?", 0.9),
    P("dose_per_kg", rf"(?P<pk1>{PER_KG_BEFORE})?(?P<q>{CELL_QUANTITY})(?P<pk2>{PER_KG})", 0.8),
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
    P("dose_keyword",
      rf"{DOSE_WORDS}(?:为|為|是|of|at|:|\s|\(|（|with)*(?P<pk1>{PER_KG_BEFORE})?(?P<q>{CELL_QUANTITY})"
      rf"(?P<pk2>{PER_KG})?", 0.8),
)
GROUP_LABEL = re.compile(r"(?:组|組|group|arm|cohort)\s*[(（]?\s*$", re.I)


class DoseExtractor(FieldExtractor):
    """Cells per administration as [min, max], absolute or per kg."""

    name = "dose"
    field = "dose"
    patterns = PATTERNS
    context = CONTEXT

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        q_txt = m.group("q")
        if not MAGNITUDE_MARK.search(q_txt):
            return
        if NOT_CELLS.match(span.doc.view[m.end("q"):m.end("q") + 8]):
            return
        q = parse_quantity(q_txt, cells=True)
        if q is None or q.qualifier in ("lt", "le"):
            return
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
        score = pattern.score
        if GROUP_LABEL.search(span.doc.view[max(span.start, m.start() - 6):m.start("q")]):
            score = 0.5   # a group's label: the dose as stated, perhaps a cumulative total
        if q.qualifier in ("gt", "ge"):
            score = min(score, 0.5)
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
        if hit.pattern in ("dose_per_kg", "dose_list", "dose_per_time", "dose_sci_list", "dose_each_time"):
            # a bare "×10^6/kg" must be about cells: a cell or dose word in its sentence
            s = span.doc.view[max(span.start, hit.start - 80):min(span.end, hit.end + 40)]
            if not re.search(CELL_NOUN + "|" + DOSE_WORDS + "|MSC", s, re.I):
                return None
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """Each distinct dose once, the best-scored evidence kept; a list read as a range is the list."""
        listed = [h for h in hits if h.pattern in ("dose_list", "dose_sci_list")]
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


EXTRACTOR = DoseExtractor()
