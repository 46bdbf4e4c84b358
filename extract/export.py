"""``extract export OUT --format csv|sqlite|parquet|xlsx``: the run's outputs as flat tables.

Six tables, the same in every format (columns are documented in ``docs/export.md``; ``COLUMNS`` below
is the one definition the writers, the SQLite schema and Datasette's metadata are made from):

- ``documents``: one row per input document (every file, failed and skipped ones too);
- ``records``: one row per study as reported in one document;
- ``studies``: one row per deduplicated study, with a readable ``label``;
- ``field_values``: one row per extracted value (field, value, unit, quote, start, end, record,
  document, study): the evidence table;
- ``conflicts``: one row per value of a field the records of a study disagree on;
- ``links``: one row per pair of records that deduplication linked, with its signals.

SQLite gets primary keys, foreign keys, indexes on every key column and a view ``merged_values``
(each study's distinct values with how many records and documents give them), so it browses well
in Datasette or sqlite-utils; a ``*.metadata.json`` beside it gives Datasette the descriptions.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from .models import StudyMeta
from .outputs import Outputs, record_values, study_label
from .rxcache import rx

FORMATS = ("csv", "sqlite", "parquet", "xlsx")
XLSX_CELL_LIMIT = 32767                      # Excel's longest cell
_XLSX_ILLEGAL = rx(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# the study fields of a record, in the model's order (a field added to the model is exported too)
META_COLUMNS = tuple(name for name in StudyMeta.model_fields if name != "evidence")


@dataclass(frozen=True)
class Column:
    name: str
    type: str                    # TEXT | INTEGER | REAL | BOOLEAN (stored as 0/1 in SQLite)
    doc: str
    key: str = ""                # "pk", or the "table" a foreign key points to


def _meta_columns(what: str) -> list[Column]:
    return [Column(name, "TEXT", f"the {what}'s `{name}` (list fields joined with `; `)") for name in META_COLUMNS]


COLUMNS: dict[str, list[Column]] = {
    "documents": [
        Column("doc_id", "TEXT", "input path relative to the input folder (`FILE#id` for a feed item)", "pk"),
        Column("status", "TEXT", "`ok`, `error` or `skipped`"),
        Column("error_code", "TEXT", "E1xx code when the document failed or was skipped (README)"),
        Column("error", "TEXT", "the error message"),
        Column("lang", "TEXT", "`zh`, `zh-Hant` or `en`"),
        Column("title", "TEXT", "the article's title, when the source states one"),
        Column("published", "TEXT", "publication date the source states (YYYY[-MM[-DD]])"),
        Column("url", "TEXT", "source URL (feeds, HTML)"),
        Column("source_path", "TEXT", "the file it was read from"),
        Column("source_format", "TEXT", "txt, md, html, pdf or feed"),
        Column("encoding", "TEXT", "detected text encoding"),
        Column("content_hash", "TEXT", "hash of the raw content"),
        Column("same_content_as", "TEXT", "JSON list of doc_ids with identical content"),
        Column("n_records", "INTEGER", "records extracted from it"),
        Column("warnings", "TEXT", "JSON list of warnings"),
        Column("text", "TEXT", "the normalised text every evidence offset points into"),
    ],
    "records": [
        Column("record_id", "TEXT", "stable id of the record", "pk"),
        Column("study_id", "TEXT", "the study it belongs to", "studies"),
        Column("doc_id", "TEXT", "the document it was read from", "documents"),
        Column("lang", "TEXT", "language of the document"),
        *_meta_columns("record"),
        Column("n_values", "INTEGER", "number of extracted values (rows in field_values)"),
        Column("warnings", "TEXT", "JSON list of validation warnings"),
        Column("mention", "TEXT", "JSON list of [start, end] text spans of the study in its document"),
    ],
    "studies": [
        Column("study_id", "TEXT", "stable id of the deduplicated study", "pk"),
        Column("label", "TEXT", "readable name: the title, else cell type · condition · design · n · first article"),
        Column("n_records", "INTEGER", "records (reports) merged into the study"),
        Column("n_documents", "INTEGER", "distinct documents that report it"),
        Column("langs", "TEXT", "languages of its documents, joined with `; `"),
        *_meta_columns("study's merged"),
        Column("n_total", "TEXT", "total cohort sizes reported, joined with `; `"),
        Column("n_conflicts", "INTEGER", "fields whose records disagree"),
        Column("conflict_fields", "TEXT", "those fields, joined with `; `"),
        Column("previous_ids", "TEXT", "ids earlier runs gave this study, joined with `; `"),
        Column("record_ids", "TEXT", "its records, joined with `; `"),
    ],
    "field_values": [
        Column("value_id", "INTEGER", "row number", "pk"),
        Column("study_id", "TEXT", "the study", "studies"),
        Column("record_id", "TEXT", "the record", "records"),
        Column("doc_id", "TEXT", "the document the quote is in", "documents"),
        Column("field", "TEXT", "n_total, n_arms, n_studies, hba1c_before/after/change, dose, infusions, "
                                "interval_days, follow_up_days, or a study field (design, doi, cell_types, ...)"),
        Column("value", "TEXT", "the value as text (a dose range as `1e+08–2e+09`)"),
        Column("number", "REAL", "the value as a number, when it is one (a range's lower bound)"),
        Column("number_max", "REAL", "a range's upper bound (doses)"),
        Column("unit", "TEXT", "participants, studies, %, cells, cells/kg, infusions or days"),
        Column("label", "TEXT", "the arm's label or the HbA1c group"),
        Column("timepoint_days", "REAL", "HbA1c time point in days"),
        Column("quote", "TEXT", "the evidence: document text[start:end]"),
        Column("start", "INTEGER", "character offset of the quote in the document's text"),
        Column("end", "INTEGER", "end offset (exclusive)"),
        Column("extractor", "TEXT", "the extractor that read it"),
        Column("pattern", "TEXT", "the named pattern that matched"),
    ],
    "conflicts": [
        Column("conflict_id", "INTEGER", "row number", "pk"),
        Column("study_id", "TEXT", "the study", "studies"),
        Column("field", "TEXT", "the field its records disagree on (n_total, design, pub_date, ...)"),
        Column("value", "TEXT", "one of the disagreeing values (JSON for non-text values)"),
        Column("record_ids", "TEXT", "the records that give it, joined with `; `"),
    ],
    "links": [
        Column("link_id", "INTEGER", "row number", "pk"),
        Column("study_id", "TEXT", "the study the link joined", "studies"),
        Column("a", "TEXT", "first record", "records"),
        Column("b", "TEXT", "second record", "records"),
        Column("score", "REAL", "the pair's score"),
        Column("level", "TEXT", "highest comparison level reached (identifier:doi, title, fingerprint, ...)"),
        Column("linked", "BOOLEAN", "whether the pair is linked in the run"),
        Column("threshold", "REAL", "the score a pair needs to be a link"),
        Column("decision", "TEXT", "a curator decision that applies to the pair"),
        Column("signals", "TEXT", "JSON list of the signals: name, score, detail"),
    ],
}


def _joined(v: Any) -> Optional[str]:
    if v is None or v == []:
        return None
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    return str(v)


def _json(v: Any) -> Optional[str]:
    return None if v in (None, []) else json.dumps(v, ensure_ascii=False)


# ---------------------------------------------------------------- rows

def _document_rows(o: Outputs) -> Iterator[dict[str, Any]]:
    for d in o.documents.values():
        yield {**{c.name: d.get(c.name) for c in COLUMNS["documents"]},
               "same_content_as": _json(d.get("same_content_as")), "warnings": _json(d.get("warnings"))}


def _record_rows(o: Outputs) -> Iterator[dict[str, Any]]:
    for r in o.records.values():
        s = r.get("study") or {}
        yield {"record_id": r["record_id"], "study_id": r.get("study_id") or None, "doc_id": r["doc_id"],
               "lang": r.get("lang"), **{k: _joined(s.get(k)) for k in META_COLUMNS},
               "n_values": sum(1 for _ in record_values(r)), "warnings": _json(r.get("warnings")),
               "mention": _json(r.get("mention"))}


def _study_rows(o: Outputs) -> Iterator[dict[str, Any]]:
    for s in o.studies.values():
        recs = o.study_records(s)
        ms = (s.get("merged") or {}).get("study") or {}
        docs = sorted({r["doc_id"] for r in recs})
        conflicts = [c["field"] for c in s.get("conflicts") or []]
        totals = [ref["value"]["n"] for ref in (s.get("merged") or {}).get("cohort_sizes") or []
                  if ref["value"].get("role") == "total"]
        yield {"study_id": s["study_id"], "label": study_label(s, o), "n_records": len(s.get("record_ids") or []),
               "n_documents": len(docs), "langs": _joined(sorted({r.get("lang") or "" for r in recs} - {""})),
               **{k: _joined([ref["value"] for ref in ms.get(k) or []]) for k in META_COLUMNS},
               "n_total": _joined(totals), "n_conflicts": len(conflicts), "conflict_fields": _joined(conflicts),
               "previous_ids": _joined(s.get("previous_ids")), "record_ids": _joined(s.get("record_ids"))}


def _value_rows(o: Outputs) -> Iterator[dict[str, Any]]:
    n = 0
    for r in o.records.values():
        for v in record_values(r):
            n += 1
            yield {"value_id": n, **asdict(v), "study_id": v.study_id or None}


def _conflict_rows(o: Outputs) -> Iterator[dict[str, Any]]:
    n = 0
    for s in o.studies.values():
        for c in s.get("conflicts") or []:
            for ref in c.get("values") or []:
                n += 1
                v = ref.get("value")
                yield {"conflict_id": n, "study_id": s["study_id"], "field": c["field"],
                       "value": v if isinstance(v, str) else json.dumps(v, ensure_ascii=False),
                       "record_ids": _joined(ref.get("record_ids"))}


def _link_rows(o: Outputs) -> Iterator[dict[str, Any]]:
    n = 0
    for s in o.studies.values():
        for ln in s.get("links") or []:
            n += 1
            yield {"link_id": n, "study_id": s["study_id"], "a": ln.get("a"), "b": ln.get("b"),
                   "score": ln.get("score"), "level": ln.get("level"), "linked": ln.get("linked"),
                   "threshold": ln.get("threshold"), "decision": ln.get("decision"),
                   "signals": _json(ln.get("signals"))}


ROWS: dict[str, Callable[[Outputs], Iterator[dict[str, Any]]]] = {
    "documents": _document_rows, "records": _record_rows, "studies": _study_rows,
    "field_values": _value_rows, "conflicts": _conflict_rows, "links": _link_rows,
}


def table_rows(o: Outputs, table: str) -> Iterator[tuple[Any, ...]]:
    """The rows of one table as tuples in ``COLUMNS`` order."""
    names = [c.name for c in COLUMNS[table]]
    for row in ROWS[table](o):
        yield tuple(row.get(n) for n in names)


# ---------------------------------------------------------------- writers

def _atomic(path: Path) -> Path:
    """A temporary sibling to write into; renamed over ``path`` once complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _write_csv(o: Outputs, dest: Path) -> dict[str, Path]:
    out = {}
    for table, cols in COLUMNS.items():
        path = dest / f"{table}.csv"
        tmp = _atomic(path)
        # UTF-8 with a byte-order mark: Excel then opens Chinese text correctly
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow([c.name for c in cols])
            w.writerows(table_rows(o, table))
        os.replace(tmp, path)
        out[table] = path
    return out


def _sql_type(c: Column) -> str:
    return "INTEGER" if c.type == "BOOLEAN" else c.type


def sqlite_ddl() -> list[str]:
    """CREATE statements: tables with keys, indexes on every key column, and the views."""
    stmts = []
    for table, cols in COLUMNS.items():
        parts = []
        for c in cols:
            spec = f'"{c.name}" {_sql_type(c)}'
            if c.key == "pk":
                spec += " PRIMARY KEY"
            elif c.key:
                target = next(x.name for x in COLUMNS[c.key] if x.key == "pk")
                spec += f' REFERENCES "{c.key}"("{target}")'
            parts.append(spec)
        stmts.append(f'CREATE TABLE "{table}" (\n  ' + ",\n  ".join(parts) + "\n)")
        for c in cols:
            if c.key and c.key != "pk" or c.name in ("field", "status", "design", "condition"):
                stmts.append(f'CREATE INDEX "idx_{table}_{c.name}" ON "{table}"("{c.name}")')
    stmts.append('''CREATE VIEW "merged_values" AS
SELECT v.study_id, s.label, v.field, v.value, v.unit,
       COUNT(DISTINCT v.record_id) AS n_records, COUNT(DISTINCT v.doc_id) AS n_documents,
       group_concat(DISTINCT v.doc_id) AS documents, MIN(v.quote) AS a_quote
FROM field_values v JOIN studies s ON s.study_id = v.study_id
GROUP BY v.study_id, v.field, v.value, v.unit''')
    return stmts


def _datasette_metadata(db_name: str) -> dict[str, Any]:
    tables = {t: {"description": MODULE_TABLES[t], "columns": {c.name: c.doc for c in cols}}
              for t, cols in COLUMNS.items()}
    tables["studies"]["label_column"] = "label"
    tables["documents"]["label_column"] = "title"
    tables["merged_values"] = {"description": "each study's distinct values, with how many records and "
                                              "documents give them"}
    return {"title": "stem-cell evidence extract", "databases": {db_name: {"tables": tables}}}


MODULE_TABLES = {
    "documents": "one row per input document, failed and skipped ones too",
    "records": "one row per study as reported in one document",
    "studies": "one row per deduplicated study",
    "field_values": "one row per extracted value, with its evidence (quote and offsets)",
    "conflicts": "one row per value of a field a study's records disagree on",
    "links": "one row per pair of records deduplication linked, with its signals",
}


def _write_sqlite(o: Outputs, dest: Path) -> dict[str, Path]:
    path = dest / "export.sqlite"
    tmp = _atomic(path)
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        for stmt in sqlite_ddl():
            con.execute(stmt)
        for table, cols in COLUMNS.items():
            marks = ", ".join("?" for _ in cols)
            con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', table_rows(o, table))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    meta = dest / "export.metadata.json"
    meta.write_text(json.dumps(_datasette_metadata("export"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {table: path for table in COLUMNS}


_ARROW_TYPES = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64", "BOOLEAN": "bool"}


def _write_parquet(o: Outputs, dest: Path) -> dict[str, Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = {}
    for table, cols in COLUMNS.items():
        schema = pa.schema([pa.field(c.name, _ARROW_TYPES[c.type]) for c in cols])
        columns: list[list[Any]] = [[] for _ in cols]
        for row in table_rows(o, table):
            for i, v in enumerate(row):
                columns[i].append(v)
        data = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema)], schema=schema)
        path = dest / f"{table}.parquet"
        tmp = _atomic(path)
        pq.write_table(data, tmp)
        os.replace(tmp, path)
        out[table] = path
    return out


def _xlsx_cell(v: Any) -> Any:
    if isinstance(v, str):
        v = _XLSX_ILLEGAL.sub(" ", v)
        if len(v) > XLSX_CELL_LIMIT:  # full text is in the other formats
            v = v[: XLSX_CELL_LIMIT - 20] + " …[truncated]"
    return v


def _write_xlsx(o: Outputs, dest: Path) -> dict[str, Path]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for table, cols in COLUMNS.items():
        ws = wb.create_sheet(table)
        ws.freeze_panes = "A2"
        header = []
        for c in cols:
            cell = WriteOnlyCell(ws, value=c.name)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in table_rows(o, table):
            ws.append([_xlsx_cell(v) for v in row])
    path = dest / "export.xlsx"
    tmp = _atomic(path)
    wb.save(tmp)
    os.replace(tmp, path)
    return {table: path for table in COLUMNS}


WRITERS: dict[str, Callable[[Outputs, Path], dict[str, Path]]] = {
    "csv": _write_csv, "sqlite": _write_sqlite, "parquet": _write_parquet, "xlsx": _write_xlsx,
}


def export(o: Outputs, dest: Path, formats: Iterable[str]) -> dict[str, int]:
    """Write the tables in each format under ``dest``; returns the row count of each table."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for fmt in formats:
        WRITERS[fmt](o, dest / "csv" if fmt == "csv" else dest / "parquet" if fmt == "parquet" else dest)
    return row_counts(o)


def row_counts(o: Outputs) -> dict[str, int]:
    return {table: sum(1 for _ in ROWS[table](o)) for table in COLUMNS}
