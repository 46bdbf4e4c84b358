"""``extract report OUT``: a self-contained HTML review page of a run (no network, no CDN).

The page is a folder: ``index.html`` (markup, style and script inline), ``data/index.js`` (one compact
row per study: label, facets, search text) and ``data/chunk-NNNN.js`` (each study's details, loaded
when a study is opened). Data files are scripts rather than JSON so that the page works when opened
straight from disk (browsers refuse ``fetch`` on ``file://``). Paging keeps 10,000 studies fast.

A study's details hold its merged values grouped by field, each with the records and articles that
give it and every quote placed in its sentence and paragraph (from ``documents.jsonl`` text and the
evidence offsets), its conflicts side by side, its records' warnings, and the links between its
records with their signals and the threshold.
"""
from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any, Optional

from ..outputs import Outputs, ValueRow, record_values, study_label
from ..rxcache import rx

CHUNK_SIZE = 200            # studies per detail file
# value fields a curator decision (extract decide ... reject-value/correct-value --field F) can name
DECIDE_FIELDS = ["n_total", "n_arms", "n_studies", "follow_up_days", "infusions", "interval_days",
                 "hba1c_before", "hba1c_after", "hba1c_change", "title", "journal", "pub_date", "doi", "pmid",
                 "pmcid", "registry_ids", "design", "condition", "cell_types", "institution", "country", "aliases"]
CONTEXT_CHARS = 700         # a paragraph longer than this is cut around the quote
# sentence ends in Chinese and English text (a full stop needs a space or the end after it in English)
_SENT_END = rx(r"[。！？!?；;]|\.(?=\s|$)|\n")
FACT_ORDER = ("n_total", "n_arms", "n_studies", "hba1c_before", "hba1c_after", "hba1c_change", "dose",
              "infusions", "interval_days", "follow_up_days")
STUDY_ORDER = ("title", "journal", "pub_date", "doi", "pmid", "pmcid", "registry_ids", "design", "condition",
               "cell_types", "institution", "country", "aliases")


def _js(name: str, payload: Any) -> str:
    """A script that hands ``payload`` to the page (safe inside HTML: no ``</script>`` can appear)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{name}({text});\n"


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (line) around ``text[start:end]``, cut to about CONTEXT_CHARS around the quote."""
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    room = max(0, CONTEXT_CHARS - (end - start)) // 2
    return max(p0, start - room), min(p1, end + room)


def _sentence(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` inside [lo, hi)."""
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        s = m.end()
    m = _SENT_END.search(text, max(end, start + 1) - 1 if end > start else end, hi)
    e = m.end() if m else hi
    while s < start and text[s].isspace():
        s += 1
    return s, max(e, end)


class _Contexts:
    """Paragraphs of one study's documents, stored once and referred to by number."""

    def __init__(self, outputs: Outputs) -> None:
        self.outputs = outputs
        self.paras: list[dict[str, Any]] = []
        self._index: dict[tuple[str, int, int], int] = {}

    def place(self, doc_id: str, start: int, end: int) -> Optional[dict[str, Any]]:
        """Where a quote sits: paragraph number, and the quote's and its sentence's offsets in it."""
        doc = self.outputs.documents.get(doc_id) or {}
        text = doc.get("text") or ""
        if not (0 <= start <= end <= len(text)):
            return None
        p0, p1 = _paragraph(text, start, end)
        s0, s1 = _sentence(text, start, end, p0, p1)
        key = (doc_id, p0, p1)
        if key not in self._index:
            self._index[key] = len(self.paras)
            self.paras.append({"doc": doc_id, "text": text[p0:p1], "cut_start": p0 > 0 and text[p0 - 1] != "\n",
                               "cut_end": p1 < len(text) and text[p1] != "\n"})
        return {"p": self._index[key], "q": [start - p0, end - p0], "s": [s0 - p0, min(s1, p1) - p0]}


def _value_key(v: ValueRow) -> tuple[str, str, str]:
    return (v.field, v.value, v.unit or "")


def _field_rank(name: str) -> tuple[int, int, str]:
    if name in FACT_ORDER:
        return (0, FACT_ORDER.index(name), name)
    if name in STUDY_ORDER:
        return (1, STUDY_ORDER.index(name), name)
    return (2, 0, name)


def decisions_by_record(o: Outputs) -> dict[str, list[dict[str, Any]]]:
    """Curator decisions indexed by each record id they name."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in o.decisions:
        for rid in {d.get("a"), d.get("b"), d.get("record")} - {None}:
            out[str(rid)].append(d)
    return out


def study_detail(o: Outputs, study: dict[str, Any], label: str,
                 decisions: Optional[dict[str, list[dict[str, Any]]]] = None) -> dict[str, Any]:
    """Everything the page shows for one study."""
    recs = o.study_records(study)
    decided: list[dict[str, Any]] = []
    for r in recs:
        for d in (decisions or {}).get(r["record_id"], []):
            if d not in decided:
                decided.append(d)
    ctx = _Contexts(o)
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for rec in recs:
        for v in record_values(rec):
            g = groups.setdefault(_value_key(v), {"field": v.field, "value": v.value, "unit": v.unit,
                                                  "label": v.label, "sources": []})
            g["sources"].append({"rec": v.record_id, "doc": v.doc_id, "quote": v.quote,
                                 "start": v.start, "end": v.end, "pattern": v.pattern,
                                 "where": ctx.place(v.doc_id, v.start, v.end)})
    values = sorted(groups.values(), key=lambda g: (_field_rank(g["field"]), g["value"]))
    # a conflict's value -> the quotes its records give for that field
    conflicts = []
    for c in study.get("conflicts") or []:
        fld = c["field"]
        sides = []
        for ref in c.get("values") or []:
            value = ref.get("value")
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            quotes = [s for g in values if g["field"] == fld and g["value"] == str(shown)
                      for s in g["sources"] if s["rec"] in ref.get("record_ids", [])]
            sides.append({"value": shown, "records": ref.get("record_ids", []), "sources": quotes})
        conflicts.append({"field": fld, "values": sides})
    documents = {}
    for rec in recs:
        d = o.documents.get(rec["doc_id"]) or {}
        documents[rec["doc_id"]] = {"title": d.get("title"), "lang": d.get("lang"), "url": d.get("url"),
                                    "published": d.get("published")}
    return {
        "id": study["study_id"], "label": label, "previous_ids": study.get("previous_ids") or [],
        "records": [{"id": r["record_id"], "doc": r["doc_id"], "lang": r.get("lang"),
                     "warnings": r.get("warnings") or []} for r in recs],
        "documents": documents, "values": values, "conflicts": conflicts,
        "links": [{k: ln.get(k) for k in ("a", "b", "score", "level", "linked", "threshold", "decision", "signals")}
                  for ln in study.get("links") or []],
        "paras": ctx.paras, "decisions": decided,
    }


def _n_bucket(n: int) -> str:
    return str(n) if n < 4 else "4+"


def study_row(o: Outputs, study: dict[str, Any], label: str, chunk: int) -> list[Any]:
    """The compact index row of one study (see ``INDEX_COLUMNS``)."""
    ms = (study.get("merged") or {}).get("study") or {}

    def vals(name: str) -> list[Any]:
        return [ref["value"] for ref in ms.get(name) or []]

    recs = o.study_records(study)
    docs = sorted({r["doc_id"] for r in recs})
    n_values = sum(1 for r in recs for _ in record_values(r))
    warnings = sum(len(r.get("warnings") or []) for r in recs)
    search = " ".join([label, study["study_id"], *study.get("previous_ids", []), *study.get("record_ids", []),
                       *docs, *(str(x) for name in ("title", "doi", "pmid", "pmcid", "registry_ids", "aliases",
                                                    "institution", "journal") for x in vals(name)),
                       *((o.documents.get(d) or {}).get("title") or "" for d in docs)]).lower()
    return [study["study_id"], label, vals("design") or ["(none)"], vals("condition") or ["(none)"],
            vals("cell_types") or ["(none)"], vals("country") or ["(none)"], len(recs),
            _n_bucket(len(recs)), len(study.get("conflicts") or []), (vals("pub_date") or [""])[0],
            sorted({r.get("lang") or "" for r in recs}), n_values, warnings, chunk, search, len(docs)]


INDEX_COLUMNS = ["id", "label", "design", "condition", "cells", "country", "n_reports", "reports_bucket",
                 "n_conflicts", "pub_date", "langs", "n_values", "n_warnings", "chunk", "search", "n_docs"]


def write_report(o: Outputs, dest: Path) -> Path:
    """Write the review page into ``dest`` (replaced as a whole); returns the path of index.html."""
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    (tmp / "data").mkdir(parents=True)
    studies = sorted(o.studies.values(), key=lambda s: s["study_id"])
    rows = []
    chunk: list[dict[str, Any]] = []
    decisions = decisions_by_record(o)
    for i, s in enumerate(studies):
        label = study_label(s, o)
        n = i // CHUNK_SIZE
        rows.append(study_row(o, s, label, n))
        chunk.append(study_detail(o, s, label, decisions))
        if len(chunk) == CHUNK_SIZE or i == len(studies) - 1:
            (tmp / "data" / f"chunk-{n:04d}.js").write_text(_js("window.REPORT.chunk", {"n": n, "studies": chunk}),
                                                          encoding="utf-8")
            chunk = []
    meta = {"columns": INDEX_COLUMNS, "root": str(o.root), "manifest": o.manifest, "decide_fields": DECIDE_FIELDS,
            "counts": {"studies": len(o.studies), "records": len(o.records), "documents": len(o.documents),
                       "failed": sum(1 for d in o.documents.values() if d.get("status") == "error")},
            "threshold": _threshold()}
    (tmp / "data" / "index.js").write_text(_js("window.REPORT.index", {"meta": meta, "rows": rows}), encoding="utf-8")
    assets = resources.files(__package__) / "assets"
    html = (assets / "index.html").read_text(encoding="utf-8")
    html = html.replace("/*STYLE*/", (assets / "report.css").read_text(encoding="utf-8"))
    html = html.replace("/*SCRIPT*/", (assets / "report.js").read_text(encoding="utf-8"))
    (tmp / "index.html").write_text(html, encoding="utf-8")
    if dest.exists():
        old = dest.with_name(f".{dest.name}.{os.getpid()}.old")
        dest.rename(old)
        tmp.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(dest)
    return dest / "index.html"


def _threshold() -> Optional[float]:
    try:
        from ..dedupe import settings
    except ImportError:  # pragma: no cover
        return None
    return float(settings.LINK_THRESHOLD)
