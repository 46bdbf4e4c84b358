"""Read a run's output folder back (documents, records, studies) for the curator's tools.

``extract report``, ``extract export`` and ``extract eval`` share this: one reader of the three JSONL
files, one readable label per study, and one flat row per extracted value (the unit of review and
of export).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

# a fact value's field name, as the scorer and curator decisions name it
ROLE_FIELD = {"total": "n_total", "arm": "n_arms", "studies_included": "n_studies"}
ROLE_UNIT = {"total": "participants", "arm": "participants", "studies_included": "studies"}
OUTPUT_FILES = ("documents.jsonl", "records.jsonl", "studies.jsonl")
DECISIONS_FILE = "decisions.jsonl"   # curator decisions (extract decide), applied by every run


class OutputsMissing(Exception):
    """The folder holds no complete run output."""


@dataclass
class Outputs:
    """The three files of one run, as plain JSON rows, indexed by id."""

    root: Path
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    studies: dict[str, dict[str, Any]] = field(default_factory=dict)
    manifest: Optional[dict[str, Any]] = None
    decisions: list[dict[str, Any]] = field(default_factory=list)   # OUT/decisions.jsonl, when there is one

    def study_records(self, study: dict[str, Any]) -> list[dict[str, Any]]:
        return [self.records[r] for r in study.get("record_ids", []) if r in self.records]


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load(out_dir: Path) -> Outputs:
    """Load ``documents.jsonl``, ``records.jsonl`` and ``studies.jsonl`` (and ``manifest.json`` if any)."""
    out_dir = Path(out_dir)
    missing = [name for name in OUTPUT_FILES if not (out_dir / name).is_file()]
    if missing:
        raise OutputsMissing(f"{out_dir} has no {', '.join(missing)}: run `extract run INPUT --out {out_dir}` first")
    o = Outputs(root=out_dir)
    o.documents = {r["doc_id"]: r for r in _rows(out_dir / "documents.jsonl")}
    o.records = {r["record_id"]: r for r in _rows(out_dir / "records.jsonl")}
    o.studies = {r["study_id"]: r for r in _rows(out_dir / "studies.jsonl")}
    decisions = out_dir / DECISIONS_FILE
    if decisions.is_file():
        try:
            o.decisions = [row for row in _rows(decisions) if isinstance(row, dict)]
        except ValueError:
            o.decisions = []
    manifest = out_dir / "manifest.json"
    if manifest.is_file():
        try:
            o.manifest = json.loads(manifest.read_text(encoding="utf-8"))
        except ValueError:
            o.manifest = None
    return o


# ---------------------------------------------------------------- labels

def _first(merged_study: dict[str, Any], name: str) -> Optional[Any]:
    refs = merged_study.get(name) or []
    return refs[0]["value"] if refs else None


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def study_label(study: dict[str, Any], outputs: Optional[Outputs] = None, *, width: int = 90) -> str:
    """A readable name for a study: its title; else what it is (cell type, condition, design, n) and
    the title of the first article that reports it, never only an opaque id."""
    ms = (study.get("merged") or {}).get("study") or {}
    title = _first(ms, "title")
    if title:
        return _clip(str(title), width)
    parts: list[str] = []
    cells = [ref["value"] for ref in ms.get("cell_types") or []]
    if cells:
        parts.append("/".join(cells[:3]))
    for name in ("condition", "design"):
        if v := _first(ms, name):
            parts.append(str(v).replace("_", " "))
    totals = [ref["value"]["n"] for ref in (study.get("merged") or {}).get("cohort_sizes") or []
              if ref["value"].get("role") == "total"]
    if totals:
        parts.append(f"n={totals[0]}")
    ident = _first(ms, "doi") or _first(ms, "pmid") or next(iter(ms.get("registry_ids") or []), {}).get("value")
    if ident:
        parts.append(str(ident))
    elif inst := _first(ms, "institution"):
        parts.append(_clip(str(inst), 30))
    doc_title = None
    if outputs is not None:
        recs = outputs.study_records(study)
        # the article's own title, else the first line of the study's own text (a digest's paragraph)
        for rec in recs:
            doc_title = (outputs.documents.get(rec["doc_id"]) or {}).get("title")
            if doc_title:
                break
        for rec in recs if not doc_title else ():
            text = (outputs.documents.get(rec["doc_id"]) or {}).get("text") or ""
            spans = rec.get("mention") or []
            doc_title = _first_line(text[spans[0][0]:spans[0][1]]) if spans else None
            if doc_title:
                break
    if doc_title:
        parts.append(f"“{_clip(doc_title, 48)}”")
    return _clip(" · ".join(parts), width) if parts else study.get("study_id", "")


def _first_line(text: str) -> Optional[str]:
    for line in text.split("\n")[:8]:
        if len(line.strip()) >= 8:
            return line.strip()
    return None


# ---------------------------------------------------------------- one row per value

@dataclass
class ValueRow:
    """One extracted value with its evidence: the unit of review and of ``extract export``."""

    field: str
    value: str                      # the value as text (a dose range "1e+06–2e+06")
    number: Optional[float]         # the numeric value (the lower bound of a range)
    number_max: Optional[float]     # the upper bound of a range (doses)
    unit: Optional[str]
    label: Optional[str]            # an arm's label, an HbA1c group
    timepoint_days: Optional[float]
    quote: str
    start: int
    end: int
    extractor: Optional[str]
    pattern: Optional[str]
    record_id: str
    doc_id: str
    study_id: Optional[str]


def _ev(e: Optional[dict[str, Any]]) -> dict[str, Any]:
    e = e or {}
    return {"quote": e.get("quote", ""), "start": e.get("start", 0), "end": e.get("end", 0),
            "extractor": e.get("extractor"), "pattern": e.get("pattern")}


def _fmt(x: Optional[float]) -> str:
    if x is None:
        return ""
    return f"{x:g}" if abs(x) < 1e5 else f"{x:.3g}"


def record_values(rec: dict[str, Any]) -> Iterator[ValueRow]:
    """Every value of a record, facts first then study fields, each with its own evidence."""
    base = {"record_id": rec["record_id"], "doc_id": rec["doc_id"], "study_id": rec.get("study_id")}

    def row(fld: str, value: str, number: Optional[float], unit: Optional[str], ev: Optional[dict[str, Any]],
            *, number_max: Optional[float] = None, label: Optional[str] = None,
            timepoint: Optional[float] = None) -> ValueRow:
        return ValueRow(field=fld, value=value, number=number, number_max=number_max, unit=unit, label=label,
                        timepoint_days=timepoint, **_ev(ev), **base)

    for c in rec.get("cohort_sizes") or []:
        yield row(ROLE_FIELD.get(c["role"], c["role"]), str(c["n"]), c["n"], ROLE_UNIT.get(c["role"]),
                  c.get("evidence"), label=c.get("label"))
    for h in rec.get("hba1c") or []:
        for k in ("before", "after", "change"):
            if h.get(k) is not None:
                yield row(f"hba1c_{k}", _fmt(h[k]), h[k], h.get("unit") or "%", h.get("evidence"),
                          label=h.get("group"), timepoint=h.get("timepoint_days"))
    for d in rec.get("doses") or []:
        lo, hi = d["cells_min"], d["cells_max"]
        text = _fmt(lo) if lo == hi else f"{_fmt(lo)}–{_fmt(hi)}"
        yield row("dose", text, lo, "cells/kg" if d.get("per_kg") else "cells", d.get("evidence"), number_max=hi)
    for g in rec.get("regimen") or []:
        if g.get("infusions") is not None:
            yield row("infusions", str(g["infusions"]), g["infusions"], "infusions", g.get("evidence"))
        if g.get("interval_days") is not None:
            yield row("interval_days", _fmt(g["interval_days"]), g["interval_days"], "days", g.get("evidence"))
    for f in rec.get("follow_up") or []:
        yield row("follow_up_days", _fmt(f["days"]), f["days"], "days", f.get("evidence"))
    study = rec.get("study") or {}
    evidence = study.get("evidence") or {}
    for name, v in study.items():
        if name == "evidence" or v is None or v == [] or v == "":
            continue
        evs = evidence.get(name) or []
        for i, x in enumerate(v if isinstance(v, list) else [v]):
            ev = evs[i] if i < len(evs) else (evs[0] if evs else None)
            num = float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None
            yield row(name, str(x), num, None, ev)
