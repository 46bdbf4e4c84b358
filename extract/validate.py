"""Validate stage: plausibility rules over a built record.

Policy (also in the README): a value outside its plausible range is **dropped** and the record
gets a warning naming the value and its quote; a value that is plausible but doubtful (an arm
larger than the total, a unit that does not fit the numbers) is **kept** with a warning. Nothing
is dropped silently. Every evidence span is checked against the document text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .document import Document
from .models import Evidence, Record


@dataclass(frozen=True)
class Rule:
    """A range rule on one record list: values outside [lo, hi] are dropped with a warning."""

    attr: str
    what: str
    lo: float
    hi: float
    values: Callable[[Any], list[float]]


HBA1C_RANGE = (3.0, 20.0)       # % NGSP
HBA1C_CHANGE_MAX = 10.0         # %-points
RULES: tuple[Rule, ...] = (
    Rule("hba1c", "HbA1c", *HBA1C_RANGE,
         values=lambda h: [v for v in (h.before, h.after) if v is not None]),
    Rule("hba1c", "HbA1c change", -HBA1C_CHANGE_MAX, HBA1C_CHANGE_MAX,
         values=lambda h: [h.change] if h.change is not None else []),
    Rule("doses", "dose", 1e4, 1e11, values=lambda d: [d.cells_min, d.cells_max]),
    Rule("follow_up", "follow-up days", 1, 30 * 365.25, values=lambda f: [f.days]),
    Rule("regimen", "infusions", 1, 50, values=lambda r: [r.infusions] if r.infusions else []),
    Rule("regimen", "interval days", 1, 366, values=lambda r: [r.interval_days] if r.interval_days else []),
    Rule("cohort_sizes", "cohort size", 1, 10_000_000, values=lambda c: [c.n]),
)


def _evidence_ok(doc: Document, ev: Evidence) -> bool:
    return doc.text[ev.start:ev.end] == ev.quote


def validate_record(rec: Record, doc: Document) -> Record:
    """Apply the plausibility rules and the evidence check; returns the (same, amended) record."""
    warnings = rec.warnings
    for rule in RULES:
        kept = []
        for item in getattr(rec, rule.attr):
            bad = [v for v in rule.values(item) if not rule.lo <= v <= rule.hi]
            if bad:
                warnings.append(f"dropped implausible {rule.what} {bad[0]:g} "
                                f"(allowed {rule.lo:g}–{rule.hi:g}): {item.evidence.quote!r}")
            else:
                kept.append(item)
        setattr(rec, rule.attr, kept)
    for attr in ("cohort_sizes", "hba1c", "doses", "regimen", "follow_up"):
        kept = []
        for item in getattr(rec, attr):
            if _evidence_ok(doc, item.evidence):
                kept.append(item)
            else:
                warnings.append(f"dropped {attr} value whose evidence does not match the text")
        setattr(rec, attr, kept)
    totals = [c.n for c in rec.cohort_sizes if c.role == "total"]
    arms = [c for c in rec.cohort_sizes if c.role == "arm"]
    if totals and arms:
        for a in arms:
            if a.n > max(totals):
                warnings.append(f"arm size {a.n} is larger than the total {max(totals)}: {a.evidence.quote!r}")
    rec.warnings = list(dict.fromkeys(warnings))
    return Record.model_validate(rec.model_dump())
