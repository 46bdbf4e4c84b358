"""extract export: the same six tables in csv, sqlite, parquet and xlsx, with documented columns."""
from __future__ import annotations

import csv
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import pipeline
from extract.cli import app
from extract.export import COLUMNS, META_COLUMNS, export, row_counts
from extract.outputs import load, record_values

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def run_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-run")
    pipeline.run(ROOT / "corpus", out, use_cache=False)
    return out


@pytest.fixture(scope="module")
def exported(run_out: Path) -> tuple[Path, dict[str, int]]:
    dest = run_out / "export"
    counts = export(load(run_out), dest, ["csv", "sqlite", "parquet", "xlsx"])
    return dest, counts


def test_counts_match_the_outputs(run_out: Path, exported: tuple[Path, dict[str, int]]) -> None:
    o = load(run_out)
    _, counts = exported
    assert counts["documents"] == len(o.documents)
    assert counts["records"] == len(o.records)
    assert counts["studies"] == len(o.studies)
    assert counts["field_values"] == sum(1 for r in o.records.values() for _ in record_values(r))
    assert counts["conflicts"] == sum(len(c["values"]) for s in o.studies.values() for c in s["conflicts"])
    assert counts["links"] == sum(len(s["links"]) for s in o.studies.values())


def test_every_value_row_quotes_its_document(run_out: Path, exported: tuple[Path, dict[str, int]]) -> None:
    dest, counts = exported
    o = load(run_out)
    with (dest / "csv" / "field_values.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == counts["field_values"]
    assert list(rows[0]) == [c.name for c in COLUMNS["field_values"]]
    for row in rows:
        text = o.documents[row["doc_id"]]["text"]
        assert text[int(row["start"]):int(row["end"])] == row["quote"]
        assert row["study_id"] == o.records[row["record_id"]]["study_id"]
    fields = {r["field"] for r in rows}
    assert {"n_total", "hba1c_before", "dose", "follow_up_days", "design", "doi"} <= fields


def test_sqlite_has_keys_indexes_and_a_view(exported: tuple[Path, dict[str, int]]) -> None:
    dest, counts = exported
    con = sqlite3.connect(dest / "export.sqlite")
    for table, n in counts.items():
        assert con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] == n
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(field_values)")}
    assert fks == {("studies", "study_id"), ("records", "record_id"), ("documents", "doc_id")}
    pk = [r[1] for r in con.execute("PRAGMA table_info(studies)") if r[5]]
    assert pk == ["study_id"]
    indexes = {r[1] for r in con.execute("PRAGMA index_list(field_values)")}
    assert {"idx_field_values_study_id", "idx_field_values_field"} <= indexes
    n, = con.execute("SELECT COUNT(*) FROM merged_values WHERE field = 'n_total'").fetchone()
    assert n >= 1
    label, = con.execute("SELECT label FROM studies WHERE doi = '10.4821/dmj.2024.0315'").fetchone()
    assert label and not label.startswith("s-")
    assert (dest / "export.metadata.json").is_file()


def test_parquet_and_xlsx_hold_the_same_rows(exported: tuple[Path, dict[str, int]]) -> None:
    import pyarrow.parquet as pq
    from openpyxl import load_workbook

    dest, counts = exported
    wb = load_workbook(dest / "export.xlsx", read_only=True)
    assert wb.sheetnames == list(COLUMNS)
    for table, n in counts.items():
        t = pq.read_table(dest / "parquet" / f"{table}.parquet")
        assert t.num_rows == n and t.column_names == [c.name for c in COLUMNS[table]]
        assert sum(1 for _ in wb[table].iter_rows(values_only=True)) == n + 1   # and the header row
    zh = pq.read_table(dest / "parquet" / "field_values.parquet").to_pylist()
    assert any("例" in (r["quote"] or "") for r in zh)   # Chinese text survives


def test_columns_are_documented() -> None:
    doc = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    for table, cols in COLUMNS.items():
        assert f"### `{table}`" in doc, table
        section = doc.split(f"### `{table}`", 1)[1].split("\n### ", 1)[0]
        for c in cols:
            if c.name in META_COLUMNS and table in ("records", "studies"):
                continue  # the study fields, documented as one group
            assert re.search(rf"\| `{re.escape(c.name)}` \|", section), f"{table}.{c.name} undocumented"


def test_cli_export(run_out: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["export", str(run_out), "--format", "csv", "--to", str(tmp_path / "x")])
    assert r.exit_code == 0, r.output
    assert f"studies {row_counts(load(run_out))['studies']}" in r.output
    assert (tmp_path / "x" / "csv" / "studies.csv").is_file()
    r = CliRunner().invoke(app, ["export", str(run_out), "--format", "json"])
    assert r.exit_code == 2 and "unknown format" in r.output
