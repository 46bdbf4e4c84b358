"""Deduplication as a run sees it: explain agrees with the run, curator decisions stick, ids are stable."""
from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract import pipeline
from extract.cli import app
from extract.dedupe import dedupe, explain_in_run, settings
from extract.dedupe.decisions import Decision, Decisions, append, apply_values, load
from test_dedupe import rec

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus-run")
    pipeline.run(CORPUS, out, use_cache=False)
    return out


def _explain(out: Path, a: str, b: str) -> dict:
    res = CliRunner().invoke(app, ["explain", a, b, "--out", str(out)])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


# ---------------------------------------------------------------- explain agrees with the run

def test_explain_says_linked_exactly_when_the_run_gave_one_study_id(corpus_run: Path) -> None:
    from extract.models import Record
    recs = [Record.model_validate(r) for r in _rows(corpus_run / "records.jsonl")]
    texts = {r["doc_id"]: r["text"] for r in _rows(corpus_run / "documents.jsonl") if r["status"] == "ok"}
    by_id = {r.record_id: r.study_id for r in recs}
    pairs = list(itertools.combinations(sorted(by_id), 2))
    assert any(by_id[a] == by_id[b] for a, b in pairs), "the corpus should hold a linked pair"
    for a, b in pairs[:400]:
        link = explain_in_run(recs, a, b, texts=texts)
        assert link.linked == (by_id[a] == by_id[b]), (a, b, link.score)
        assert link.threshold == settings.LINK_THRESHOLD


def test_every_link_of_the_run_has_the_score_explain_gives(corpus_run: Path) -> None:
    studies = _rows(corpus_run / "studies.jsonl")
    links = [link for s in studies for link in s["links"]]
    assert links
    for link in links[:20]:
        assert link["linked"] is True and link["threshold"] == settings.LINK_THRESHOLD
        shown = _explain(corpus_run, link["a"], link["b"])
        assert shown["score"] == link["score"] and shown["linked"] is True


def test_explain_reports_a_co_cited_lift_as_the_run_used_it() -> None:
    # a near link lifted by co-citation: explain of the pair alone would say "not linked"
    rs = [rec("p-en", doc="news.txt", n=24, follow_up=180.0, condition="T2D"),
          rec("p-zh", doc="digest.txt", lang="zh-Hant", n=24, follow_up=182.0),
          rec("t-en", doc="news.txt", doi="10.2337/dc23-0001", n=120, design="rct", condition="T2D"),
          rec("t-zh", doc="digest.txt", lang="zh-Hant", doi="10.2337/dc23-0001", n=112, design="rct")]
    link = explain_in_run(rs, "p-en", "p-zh")
    assert link.linked and any(s.name == "co_cited" for s in link.signals)
    assert link.score >= link.threshold


# ---------------------------------------------------------------- curator decisions

def test_must_link_and_cannot_link_override_the_scores() -> None:
    a, b = rec("a", n=12, condition="T1D"), rec("b", lang="zh", n=40, condition="T1D")
    c, d = rec("c", doi="10.1000/x"), rec("d", doi="10.1000/x")
    decisions = Decisions([Decision(action="must-link", a="a", b="b", who="lw", why="same patient"),
                           Decision(action="cannot-link", a="c", b="d", who="lw", why="two papers")])
    rs = [a, b, c, d]
    dedupe(rs, decisions=decisions)
    assert a.study_id == b.study_id and c.study_id != d.study_id
    shown = explain_in_run(rs, "a", "b", decisions=decisions)
    assert shown.linked and shown.decision and "same patient" in shown.decision
    assert not explain_in_run(rs, "c", "d", decisions=decisions).linked


def test_a_later_decision_about_a_pair_overrides_an_earlier_one() -> None:
    rs = [rec("c", doi="10.1000/x"), rec("d", doi="10.1000/x")]
    decisions = Decisions([Decision(action="cannot-link", a="c", b="d", who="a", why="first look"),
                           Decision(action="must-link", a="d", b="c", who="b", why="checked the paper")])
    dedupe(rs, decisions=decisions)
    assert rs[0].study_id == rs[1].study_id


@pytest.mark.parametrize("field, value, new, check", [
    ("design", "preclinical", None, lambda r: r.study.design is None and "design" not in r.study.evidence),
    ("design", "preclinical", "case_report", lambda r: r.study.design == "case_report"),
    ("n_total", 25, 1, lambda r: [c.n for c in r.cohort_sizes] == [1]),
    ("n_total", 25, None, lambda r: r.cohort_sizes == []),
    ("cell_types", "islet", "iPSC-islet", lambda r: r.study.cell_types == ["iPSC-islet"]),
])
def test_value_decisions_reject_or_correct_one_value(field: str, value: object, new: object, check) -> None:
    r = rec("r", n=25, design="preclinical", cell_types=["islet"], evidence={"design": []})
    action = "correct-value" if new is not None else "reject-value"
    decisions = Decisions([Decision(action=action, record="r", field=field, value=value, new_value=new,
                                    who="lw", why="misread")])
    apply_values([r], decisions)
    assert check(r)
    assert decisions.applied == {action: 1} and decisions.unmatched == 0
    assert any("curator" in w and "misread" in w for w in r.warnings)
    apply_values([r], decisions)   # applying again (a re-run over written records) changes nothing
    assert check(r)


def test_a_decision_naming_a_missing_record_is_counted_not_dropped() -> None:
    decisions = Decisions([Decision(action="must-link", a="gone", b="r", who="lw", why="x")])
    apply_values([rec("r")], decisions)
    assert decisions.unmatched == 1 and "1 unmatched" in decisions.summary()


def test_link_decisions_are_counted_against_every_record_of_the_run_not_only_those_held() -> None:
    # the run streams its records and holds only those a value decision names
    decisions = Decisions([Decision(action="must-link", a="a", b="b", who="lw", why="x"),
                           Decision(action="must-link", a="a", b="gone", who="lw", why="x"),
                           Decision(action="reject-value", record="b", field="design", value="preclinical", who="lw",
                                    why="x")])
    held = rec("b", design="preclinical")
    apply_values([held], decisions, known_ids={"a", "b", "c"})
    assert decisions.applied == {"must-link": 1, "reject-value": 1} and decisions.unmatched == 1
    assert held.study.design is None


def test_a_run_applies_a_curators_value_decision_and_writes_every_record_once(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("一项随机对照试验纳入40名2型糖尿病患者,接受脐带间充质干细胞治疗,HbA1c由8.5%降至7.1%。",
                                encoding="utf-8")
    (docs / "b.txt").write_text("Forty patients with type 2 diabetes received umbilical cord MSCs in a randomized "
                                "trial; HbA1c fell from 8.5% to 7.1%.", encoding="utf-8")
    out = tmp_path / "out"
    pipeline.run(docs, out, use_cache=False)
    first = [json.loads(l) for l in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    target = first[0]
    append(out, Decision(action="reject-value", record=target["record_id"], field="design", value=target["study"]["design"],
                         who="lw", why="test"))
    s = pipeline.run(docs, out, use_cache=False)
    again = [json.loads(l) for l in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["record_id"] for r in again] == [r["record_id"] for r in first] and s.records == len(first)
    changed = next(r for r in again if r["record_id"] == target["record_id"])
    assert changed["study"]["design"] is None and any("curator" in w for w in changed["warnings"])
    studies = [json.loads(l) for l in (out / "studies.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(rid for st in studies for rid in st["record_ids"]) == sorted(r["record_id"] for r in again)
    assert all(r["study_id"] for r in again)


def test_bad_decisions_are_refused() -> None:
    with pytest.raises(ValueError):
        Decision(action="must-link", a="x", b="x")
    with pytest.raises(ValueError):
        Decision(action="reject-value", record="r", field="no_such_field", value=1)
    with pytest.raises(ValueError):
        Decision(action="correct-value", record="r", field="design", value="rct")


def test_decisions_are_applied_on_every_run_and_kept(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    out = tmp_path / "out"
    pipeline.run(docs, out, use_cache=False)
    recs = _rows(out / "records.jsonl")
    by_study: dict[str, list[str]] = {}
    for r in recs:
        by_study.setdefault(r["study_id"], []).append(r["record_id"])
    linked = next(v for v in by_study.values() if len(v) > 1)
    apart = [v[0] for v in by_study.values()][:2]
    runner = CliRunner()
    for args in (["cannot-link", *linked[:2]], ["must-link", *apart]):
        res = runner.invoke(app, ["decide", str(out), *args, "--who", "lw", "--why", "checked"])
        assert res.exit_code == 0, res.output
    assert len(load(out).items) == 2
    for use_cache in (False, True):   # a fresh and a cached run both obey them
        summary = pipeline.run(docs, out, use_cache=use_cache)
        assert "decisions 2 applied" in summary.line()
        ids = {r["record_id"]: r["study_id"] for r in _rows(out / "records.jsonl")}
        assert ids[linked[0]] != ids[linked[1]] and ids[apart[0]] == ids[apart[1]]
        assert _explain(out, *apart)["decision"].startswith("must-link by lw")
    assert len(load(out).items) == 2   # the run never rewrites the curator's file


def test_decide_refuses_unknown_records(tmp_path: Path) -> None:
    from extract.write import write_jsonl_atomic
    write_jsonl_atomic(tmp_path / "records.jsonl", [rec("a"), rec("b")])
    res = CliRunner().invoke(app, ["decide", str(tmp_path), "must-link", "a", "zz", "--who", "x", "--why", "y"])
    assert res.exit_code == 2 and "zz" in res.output
    append(tmp_path, Decision(action="must-link", a="a", b="b", who="x", why="y"))
    assert load(tmp_path).items[0].when   # the time is filled in


# ---------------------------------------------------------------- stable study ids

def test_a_fresh_and_an_incremental_run_give_the_same_study_ids(tmp_path: Path) -> None:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    docs = tmp_path / "docs"
    first_half = files[: len(files) // 2]
    for p in first_half:
        (docs / p.relative_to(CORPUS)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, docs / p.relative_to(CORPUS))
    inc = tmp_path / "inc"
    pipeline.run(docs, inc)
    before = {r["record_id"]: r["study_id"] for r in _rows(inc / "records.jsonl")}
    for p in files[len(files) // 2:]:
        (docs / p.relative_to(CORPUS)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, docs / p.relative_to(CORPUS))
    pipeline.run(docs, inc)
    fresh = tmp_path / "fresh"
    pipeline.run(docs, fresh, use_cache=False)
    ids_inc = {r["record_id"]: r["study_id"] for r in _rows(inc / "records.jsonl")}
    ids_fresh = {r["record_id"]: r["study_id"] for r in _rows(fresh / "records.jsonl")}
    assert ids_inc == ids_fresh
    # a study whose id changed keeps the earlier one
    renamed = {before[r]: s for r, s in ids_inc.items() if r in before and before[r] != s}
    studies = {s["study_id"]: s for s in _rows(inc / "studies.jsonl")}
    for old, new in renamed.items():
        assert old in studies[new]["previous_ids"]
