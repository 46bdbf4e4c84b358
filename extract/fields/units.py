"""Unit checker: values whose stated unit does not fit the number (a warning, not a fact).

Hits have field ``warning`` and value ``{"message": ...}``; the assembler adds them to the
record's warnings. Glucose in mg/dL is 20–600 and in mmol/L 1–35: a "7.27 mg/dL" glucose was
written in mmol/L and a "126 mmol/L" one in mg/dL. An HbA1c "%" above 20 was probably mmol/mol, and
an HbA1c "mmol/mol" of 15 or less (3.5 %) was a % value (the HbA1c extractor reads it as %).
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..numbers import ARABIC, parse_number
from .base import FieldExtractor, Hit, Pattern, Span
from .hba1c import MISLABELLED_MMOL_MAX
from .hba1c import TERM as HBA1C_TERM
from ..rxcache import rx

# ---- lexicons (data) ----
GLUCOSE_WORDS = (r"(?:血糖|葡萄糖|glucose|glycemia|FBG|FPG|FBS|PPG|2h\s*PG|OGTT|空腹|餐后|餐後)")
# measures also given in mmol/L or mg/dL: when one of these is the nearest term, the value is not glucose
OTHER_MEASURES = (r"(?:胆固醇|膽固醇|甘油三酯|三酰甘油|cholesterol|triglycerides?|LDL|HDL|TC|TG|肌酐|creatinine|尿素|"
                  r"urea|BUN|尿酸|uric|乳酸|lactate|酮|ketone|钾|鉀|钠|鈉|potassium|sodium|钙|calcium|(?<![A-Za-z])C\s*-?\s*"
                  r"(?:肽|peptide)|胰岛素|胰島素|insulin|HbA1c|糖化)")
GLUCOSE_MG_DL = (20.0, 600.0)
GLUCOSE_MMOL_L = (1.0, 35.0)
HBA1C_PERCENT_MAX = 20.0
LOOKBACK = 40
# "HbA1c达标率为65%", "HbA1c target rate 60%": a share of patients, not an HbA1c value
PROPORTION = r"(?:率|比例|达标|達標|proportion|percentage|rate|patients|participants|of\b|<|>|≤|≥)"
# "65% of patients", "65%的患者": a share after the value, not an HbA1c value
SHARE_AFTER = (r"(?!\s*(?:of\s+(?:the\s+|all\s+)?(?:patients|participants|subjects|people|recipients)|的(?:患者|受试者|受試者|病人)|"
               r"患者|受试者|受試者))")
CONTEXT: dict[str, tuple[str, ...]] = {
    "zh": ("血糖", "空腹血糖", "餐后血糖", "糖化血红蛋白"),
    "en": ("glucose", "fasting", "HbA1c"),
}

P = Pattern
PATTERNS: tuple[Pattern, ...] = (
    P("glucose_unit", rf"(?<![\d.])(?P<v>{ARABIC})\s*(?P<u>mg\s*/\s*dl|mmol\s*/\s*l)(?![a-z])", 0.8),
    P("hba1c_percent", HBA1C_TERM + rf"[^\d。;；\n]{{0,12}}?(?<![\d.])(?P<v>{ARABIC})\s*(?P<u>%|percent(?!age)|per\s+cent)"
      + SHARE_AFTER, 0.8),
    P("hba1c_mmol", HBA1C_TERM + rf"[^\d。;；\n]{{0,12}}?(?<![\d.])(?P<v>{ARABIC})\s*(?P<u>mmol\s*/\s*mol)", 0.8),
)
_GLU_RE = rx(GLUCOSE_WORDS, re.I)
_OTHER_RE = rx(OTHER_MEASURES, re.I)


def _nearest_is_glucose(before: str) -> bool:
    """True when the last measure named before the value is glucose."""
    g = [m.end() for m in _GLU_RE.finditer(before)]
    o = [m.end() for m in _OTHER_RE.finditer(before)]
    return bool(g) and (not o or max(g) >= max(o))


class UnitChecker(FieldExtractor):
    """Warnings for glucose and HbA1c values whose unit does not fit their size."""

    name = "units"
    field = "warning"
    patterns = PATTERNS
    context = CONTEXT

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        v = parse_number(m.group("v"))
        if v is None:
            return
        quote = span.doc.text[m.start("v"):m.end("u")]
        if pattern.name == "hba1c_percent":
            gap = span.doc.view[m.start():m.start("v")]
            if v > HBA1C_PERCENT_MAX and not re.search(PROPORTION, gap, re.I):
                yield self.hit({"message": f"HbA1c {v:g}% is not plausible in %: perhaps mmol/mol ({quote!r})"},
                               m.start(), m.end(), pattern)
            return
        if pattern.name == "hba1c_mmol":
            if v <= MISLABELLED_MMOL_MAX:
                yield self.hit({"message": f"HbA1c {v:g} mmol/mol is only plausible in %: read as % ({quote!r})"},
                               m.start(), m.end(), pattern)
            return
        before = span.doc.view[max(span.start, m.start() - LOOKBACK):m.start()]
        if not _nearest_is_glucose(before):
            return
        unit = re.sub(r"\s+", "", m.group("u")).lower()
        if unit == "mg/dl" and v < GLUCOSE_MG_DL[0] and GLUCOSE_MMOL_L[0] <= v <= GLUCOSE_MMOL_L[1]:
            yield self.hit({"message": f"glucose {v:g} mg/dL is only plausible in mmol/L ({quote!r})"},
                           m.start("v"), m.end("u"), pattern)
        elif unit == "mmol/l" and v > GLUCOSE_MMOL_L[1] and GLUCOSE_MG_DL[0] <= v <= GLUCOSE_MG_DL[1]:
            yield self.hit({"message": f"glucose {v:g} mmol/L is only plausible in mg/dL ({quote!r})"},
                           m.start("v"), m.end("u"), pattern)

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        return hit


EXTRACTOR = UnitChecker()
