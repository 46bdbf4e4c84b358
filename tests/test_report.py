"""extract report: the review page's files, its data (labels, quotes in context, conflicts, links), scale."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import pipeline
from extract.cli import app
from extract.outputs import load, study_label
from extract.report import CHUNK_SIZE, INDEX_COLUMNS, write_report
from report_helpers import big_report, synthetic_outputs

ROOT = Path(__file__).resolve().parents[1]


def _payload(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.fullmatch(r"window\.REPORT\.\w+\((.*)\);\n", text, re.S)
    assert m, f"{path.name} is not a data script"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-run")
    pipeline.run(ROOT / "corpus", out, use_cache=False)
    return out


def test_report_is_self_contained(corpus_out: Path) -> None:
    page = write_report(load(corpus_out), corpus_out / "report")
    html = page.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html
    # no network: nothing is fetched from another host, no CDN
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "fetch(" not in html
    assert "Noto Sans CJK SC" in html and "Noto Sans CJK TC" in html  # CJK font fallback
    assert (page.parent / "data" / "index.js").is_file() and (page.parent / "data" / "chunk-0000.js").is_file()


def test_every_study_is_listed_with_a_readable_label(corpus_out: Path) -> None:
    o = load(corpus_out)
    write_report(o, corpus_out / "report")
    index = _payload(corpus_out / "report" / "data" / "index.js")
    assert index["meta"]["columns"] == INDEX_COLUMNS
    rows = {r[0]: dict(zip(INDEX_COLUMNS, r)) for r in index["rows"]}
    assert set(rows) == set(o.studies)
    for sid, row in rows.items():
        assert row["label"] and row["label"] != sid        # never only an opaque id
        assert row["n_reports"] == len(o.studies[sid]["record_ids"])


def test_label_of_a_study_without_title_or_identifier() -> None:
    study = {"study_id": "s-rec-0123456789abcdef", "record_ids": [],
             "merged": {"study": {"cell_types": [{"value": "UC-MSC", "record_ids": []}],
                                  "condition": [{"value": "T2D", "record_ids": []}],
                                  "design": [{"value": "single_arm_trial", "record_ids": []}]},
                        "cohort_sizes": [{"value": {"n": 12, "role": "total", "label": None}, "record_ids": []}]}}
    assert study_label(study) == "UC-MSC · T2D · single arm trial · n=12"


def test_quotes_sit_in_their_sentence_and_paragraph(corpus_out: Path) -> None:
    o = load(corpus_out)
    write_report(o, corpus_out / "report")
    chunk = _payload(corpus_out / "report" / "data" / "chunk-0000.js")
    checked = 0
    for s in chunk["studies"]:
        for v in s["values"]:
            for src in v["sources"]:
                w = src["where"]
                para = s["paras"][w["p"]]
                q0, q1 = w["q"]
                s0, s1 = w["s"]
                assert para["text"][q0:q1] == src["quote"]          # the quote, highlighted in place
                assert s0 <= q0 <= q1 <= s1 <= len(para["text"])    # inside its sentence
                doc_text = o.documents[src["doc"]]["text"]
                assert doc_text[src["start"]:src["end"]] == src["quote"]
                checked += 1
    assert checked > 50


def test_conflicts_and_links_are_shown_side_by_side(tmp_path: Path) -> None:
    out = synthetic_outputs(tmp_path / "out", 30)
    write_report(load(out), out / "report")
    chunk = _payload(out / "report" / "data" / "chunk-0000.js")
    s0 = next(s for s in chunk["studies"] if s["id"] == "s-rec-0000000000000000")
    (conflict,) = s0["conflicts"]
    assert conflict["field"] == "n_total" and len(conflict["values"]) == 2
    assert conflict["values"][0]["sources"], "each side shows the quotes of its records"
    (link,) = s0["links"]
    assert link["signals"] and link["score"] == 8.0
    assert _payload(out / "report" / "data" / "index.js")["meta"]["threshold"] > 0


def test_chinese_text_is_stored_as_utf8(corpus_out: Path) -> None:
    write_report(load(corpus_out), corpus_out / "report")
    raw = (corpus_out / "report" / "data" / "chunk-0000.js").read_bytes()
    assert "糖尿病".encode("utf-8") in raw


def test_report_of_ten_thousand_studies_is_paged_into_chunks() -> None:
    out, took = big_report(10_000)
    data = out / "report" / "data"
    chunks = sorted(data.glob("chunk-*.js"))
    assert len(chunks) == 10_000 // CHUNK_SIZE
    assert data.joinpath("index.js").stat().st_size < 8_000_000   # the list loads at once; details on demand
    assert max(p.stat().st_size for p in chunks) < 2_000_000
    assert took < 120, f"report of 10k studies took {took:.0f}s"


def test_cli_report_and_missing_outputs(corpus_out: Path, tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["report", str(corpus_out), "--to", str(tmp_path / "rep")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "rep" / "index.html").is_file()
    r = CliRunner().invoke(app, ["report", str(tmp_path / "nothing")])
    assert r.exit_code == 2 and "run `extract run" in r.output


def test_curator_decisions_of_the_folder_are_shown_with_their_study(tmp_path: Path) -> None:
    out = synthetic_outputs(tmp_path / "out", 10)
    (out / "decisions.jsonl").write_text(json.dumps({
        "action": "cannot-link", "a": "r-0000000000000000", "b": "r-0000000000000001", "who": "lw",
        "when": "2026-12-04T10:00:00Z", "why": "different phases"}) + "\n", encoding="utf-8")
    write_report(load(out), out / "report")
    chunk = _payload(out / "report" / "data" / "chunk-0000.js")
    by_id = {s["id"]: s for s in chunk["studies"]}
    assert [d["why"] for d in by_id["s-rec-0000000000000000"]["decisions"]] == ["different phases"]
    assert by_id["s-rec-0000000000000001"]["decisions"] == []
