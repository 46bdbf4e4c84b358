"""Cell doses per administration, absolute or per kg body weight.

A dose is a count of cells: it needs a magnitude or a power of ten (1亿, 50 million, 1×10^6,
"50–100×106" with its superscript lost) and a cell word, a per-kg unit or the word dose next to
it. Drug doses (mg/kg, U/kg/d, g/m2, µg/kg), money and counts of people are not doses. A dose
stated as a group's label ("高剂量组(210亿细胞)") is kept with a lower score: it may be a total.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..numbers import QUAL_BEFORE, RANGE, SCALAR, parse_quantity
from .base import FieldExtractor, Hit, Pattern, Span

# ---- lexicons (data) ----
CELL_QUANTITY = rf"(?<![A-Za-z\d.])(?:{QUAL_BEFORE})?(?:{RANGE}|{SCALAR})"
CELL_NOUN = (r"(?:细胞|細胞|干细胞|幹細胞|MSCs?\b|hUC-?MSCs?\b|UC-?MSCs?\b|BM-?MSCs?\b|(?:stem\s+|stromal\s+|"
             r"mononuclear\s+|viable\s+|nucleated\s+)?cells\b)")
PER_KG = (r"(?:\s*(?:/|per\s+|每)\s*(?:kg|kilogram|公斤|千克)(?![A-Za-z])(?:\s*(?:体重|體重|body\s*weight|of\s+body\s+weight|"
          r"bw))?)")
PER_KG_BEFORE = r"(?:每公斤|每千克)(?:体重|體重)?[^\d,，。;；]{0,4}"
# a magnitude or power of ten: without one a number is not a cell count ("3 cells")
MAGNITUDE_MARK = re.compile(r"(?:亿|億|万|萬|million|billion|thousand|[x×X*·]\s*10|10\s*\^|\d[eE]\d)", re.I)
NOT_CELLS = re.compile(r"^\s*(?:mg|g\b|µg|μg|ug|mcg|U\b|IU|ml|mL|元|美元|dollars|USD|RMB|人|名|例|位|患者|病人|糖友|people|patients|persons)",
                       re.I)
DOSE_WORDS = (r"(?:剂量|劑量|dose[sd]?|dosage|输注|輸注|注射|infusion|infused|injection|injected|administered|"
              r"给予|給予|回输|回輸)")
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
        groups = m.groupdict()
        per_kg = any(groups.get(k) for k in ("pk1", "pk2", "pk3"))
        score = pattern.score
        if GROUP_LABEL.search(span.doc.view[max(span.start, m.start() - 6):m.start("q")]):
            score = 0.5   # a group's label: the dose as stated, perhaps a cumulative total
        if q.qualifier in ("gt", "ge"):
            score = min(score, 0.5)
        yield self.hit({"cells_min": q.low, "cells_max": q.high, "per_kg": per_kg},
                       m.start(), m.end(), pattern, score=score)

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        lo, hi = PER_KG_RANGE if hit.value["per_kg"] else CELL_RANGE
        if not (lo <= hit.value["cells_min"] <= hit.value["cells_max"] <= hi):
            return None
        if hit.pattern == "dose_per_kg":
            # a bare "×10^6/kg" must be about cells: a cell or dose word in its sentence
            s = span.doc.view[max(span.start, hit.start - 80):min(span.end, hit.end + 40)]
            if not re.search(CELL_NOUN + "|" + DOSE_WORDS + "|MSC", s, re.I):
                return None
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """Each distinct dose once, the best-scored evidence kept."""
        kept: dict[tuple[float, float, bool], Hit] = {}
        # per kg first: "每公斤体重输注1×10^6个细胞" also matches the dose word without the per-kg part
        for h in sorted(hits, key=lambda h: (-h.value["per_kg"], -h.score, h.start)):
            key = (h.value["cells_min"], h.value["cells_max"], h.value["per_kg"])
            same = any(k[:2] == key[:2] and o.start < h.end and h.start < o.end for k, o in kept.items())
            if key not in kept and not same:
                kept[key] = h
        return sorted(kept.values(), key=lambda h: h.start)


EXTRACTOR = DoseExtractor()
