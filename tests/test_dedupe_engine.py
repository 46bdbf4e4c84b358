"""Deduplication engines (dedupe/engine.py): DuckDB blocking gives the Python path's pairs, the first-pass
bound never falls below the exact score, and the studies are the same whichever engine runs."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synth_records import make_records  # noqa: E402

from extract.dedupe import BlockStats, dedupe  # noqa: E402
from extract.dedupe import engine as E  # noqa: E402
from extract.dedupe.blocking import candidate_pairs  # noqa: E402
from extract.dedupe.compare import features, signals, term_frequencies  # noqa: E402

pytest.importorskip("duckdb")


def _feats(n: int, seed: int, texts: bool = False):  # type: ignore[no-untyped-def]
    tx: dict[str, str] | None = {} if texts else None
    records, _ = make_records(n, seed=seed, texts=tx)
    feats = [features(r, (tx or {}).get(r.doc_id)) for r in records]
    term_frequencies(feats)
    return feats


@pytest.fixture(scope="module")
def feats():  # type: ignore[no-untyped-def]
    return _feats(2500, seed=7, texts=True)


def test_duckdb_blocking_gives_the_python_pairs(feats) -> None:  # type: ignore[no-untyped-def]
    i, j = E.engine_pairs(feats, "duckdb")
    assert list(zip(i.tolist(), j.tolist())) == list(candidate_pairs(feats))


def test_duckdb_blocking_caps_blocks() -> None:
    # 60 records share one journal and year (a block over the cap) and split by month: pairs only within months
    fs = _feats(60, seed=1)
    for k, f in enumerate(fs):
        f.journal, f.year, f.month, f.day = "j-test", 2020, 1 + k % 6, None
    i, j = E.engine_pairs(fs, "duckdb")
    assert list(zip(i.tolist(), j.tolist())) == list(candidate_pairs(fs))


def test_first_pass_bound_never_below_the_exact_score(feats) -> None:  # type: ignore[no-untyped-def]
    i, j = E.engine_pairs(feats, "duckdb")
    ub, contra = E.upper_bounds(E.columns(feats), i, j)
    below, wrong = [], []
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist())):
        sig, level, score = signals(feats[a], feats[b])
        if contra[k] and level != "contradiction":
            wrong.append(sig)
        if level != "contradiction" and score > ub[k]:
            below.append((score, ub[k], sig))
    assert not wrong, wrong[:3]
    assert not below, below[:3]
    # and it is a filter: most pairs need no exact scoring
    keep = ~contra & (ub >= E.floors(E.columns(feats), i, j))
    assert keep.sum() < 0.5 * len(i)


@pytest.mark.parametrize("seed", [2, 5])
def test_duckdb_engine_gives_the_same_studies(seed: int) -> None:
    runs = {}
    for engine in ("python", "duckdb"):
        texts: dict[str, str] = {}
        records, _ = make_records(3000, seed=seed, texts=texts)
        stats = BlockStats()
        studies = dedupe(records, texts=texts, engine=engine, stats=stats)
        runs[engine] = [s.model_dump_json() for s in studies], [r.study_id for r in records], stats.pairs
    assert runs["python"] == runs["duckdb"]


def test_engine_choice() -> None:
    assert E.choose_engine(None, 10) == "python"
    assert E.choose_engine(None, E.ENGINE_MIN_RECORDS) == "duckdb"
    assert E.choose_engine("spark", 10) == "spark"
    with pytest.raises(ValueError):
        E.choose_engine("ray", 10)


def test_exact_scoring_in_workers_matches_one_process(feats) -> None:  # type: ignore[no-untyped-def]
    i, j = E.engine_pairs(feats, "duckdb")
    i, j = np.repeat(i, 3)[:90_000], np.repeat(j, 3)[:90_000]   # enough pairs for the worker pool
    floor = np.full(len(i), -1000.0)
    one = list(E.exact_scores(feats, i, j, floor, jobs=1))
    two = list(E.exact_scores(feats, i, j, floor, jobs=2))
    assert one == two
    assert [type(w) for _, _, sig, _, _ in one[:50] for _, w, _ in sig] == \
        [type(w) for _, _, sig, _, _ in two[:50] for _, w, _ in sig]


def test_records_file_and_sink_give_the_same_studies(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from extract.dedupe.records_file import RecordsFile

    records, _ = make_records(1500, seed=3)
    path = tmp_path / "records.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    lazy = RecordsFile(path)
    assert len(lazy) == len(records) and lazy[7] == records[7] and lazy[-1] == records[-1]
    assert list(lazy)[:3] == records[:3]
    want = [s.model_dump_json() for s in dedupe(records, engine="python")]
    got: list[str] = []
    assert dedupe(lazy, engine="python", sink=lambda s: got.append(s.model_dump_json())) == []
    assert got == want
    lazy.close()


def test_study_ids_from_features_are_merges() -> None:
    # the ids read from the features are merge.assign_ids' (DOI, PMID, PMCID, registry, earliest record)
    from extract.dedupe import _assign_ids
    from extract.dedupe.merge import assign_ids

    records, truth = make_records(3000, seed=11)
    feats = [features(r) for r in records]
    by: dict[str, list[int]] = {}
    for k, r in enumerate(records):
        by.setdefault(truth[r.record_id], []).append(k)
    # a study split in two: both halves may carry its DOI, the later one falls back to its next candidate
    clusters = [part for ks in by.values() for part in (ks[::2], ks[1::2]) if part]
    assert _assign_ids(feats, clusters) == assign_ids([[records[i] for i in c] for c in clusters])


def test_key_columns_in_workers_match_one_process(feats) -> None:  # type: ignore[no-untyped-def]
    one, two = E.key_columns(feats, jobs=1), E.key_columns(feats, jobs=2)
    rows = lambda k: sorted(zip(k.rule.tolist(), k.rec.tolist(), k.depth.tolist(), k.key.tolist()))  # noqa: E731
    assert rows(one) == rows(two)
    assert len(set(two.lad.tolist())) == len(set(one.lad.tolist()))


def test_bounds_in_workers_match_one_process(feats) -> None:  # type: ignore[no-untyped-def]
    i, j = E.engine_pairs(feats, "duckdb")
    c = E.columns(feats)
    a, b = E._chunked_bounds(c, i, j, chunk=5000, jobs=1), E._chunked_bounds(c, i, j, chunk=5000, jobs=2)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])


def test_duckdb_pairs_come_sorted_in_batches(feats) -> None:  # type: ignore[no-untyped-def]
    from extract.dedupe.duckdb_engine import block_pairs

    keys = E.key_columns(feats)
    i, j, _ = block_pairs(keys, E.rule_table(), batch=1000)
    assert len(keys.key) == 0   # consumed
    assert list(zip(i.tolist(), j.tolist())) == list(candidate_pairs(feats))


def test_first_pass_bound_without_texts() -> None:
    # the bound's exact parts (title prefix, journal and organisation signals, cohort matches) at another seed
    fs = _feats(4000, seed=13)
    i, j = E.engine_pairs(fs, "duckdb")
    ub, contra = E._chunked_bounds(E.columns(fs), i, j, chunk=7000, jobs=1)
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist())):
        sig, level, score = signals(fs[a], fs[b])
        assert not (contra[k] and level != "contradiction"), sig
        assert level == "contradiction" or score <= ub[k], (score, ub[k], sig)
