"""`extract explain` over a written run, and studies written through the pipeline's writer."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extract.cli import app
from extract.dedupe import dedupe
from extract.write import write_jsonl_atomic
from test_dedupe import rec


def test_explain_command_prints_the_signals_of_two_records(tmp_path: Path) -> None:
    rs = [rec("r-zh", lang="zh", journal="干细胞研究与治疗", pub_date="2021-11-02", condition="T2D", n=91),
          rec("r-en", journal="Stem Cell Research & Therapy", pub_date="2021-11-02", condition="T2D", n=91)]
    write_jsonl_atomic(tmp_path / "records.jsonl", rs)
    res = CliRunner().invoke(app, ["explain", "r-zh", "r-en", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    link = json.loads(res.output)
    assert {s["name"] for s in link["signals"]} >= {"journal", "date", "n_total", "condition"}
    assert link["level"] == "fingerprint" and link["score"] > 0


def test_studies_round_trip_through_the_writer(tmp_path: Path) -> None:
    rs = [rec("a", doi="10.1000/abc", n=73, condition="T2D"), rec("b", doi="10.1000/abc", n=91)]
    studies = dedupe(rs)
    write_jsonl_atomic(tmp_path / "studies.jsonl", studies)
    (row,) = [json.loads(line) for line in (tmp_path / "studies.jsonl").read_text(encoding="utf-8").splitlines()]
    assert row["record_ids"] == ["a", "b"]
    assert row["merged"]["study"]["condition"] == [{"value": "T2D", "record_ids": ["a"]}]
    assert [c["field"] for c in row["conflicts"]] == ["n_total"]
