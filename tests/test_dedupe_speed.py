"""Faster paths of deduplication give exactly the results of their plain versions: growing studies by their
joint profile revisits only changed groups (cluster.grow) and equals rescanning every candidate until
nothing changes; features, block keys and studies made by forked workers equal those of one process; the
merged values built without pydantic's validation are valid studies."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synth_records import make_records  # noqa: E402

import extract.dedupe as D  # noqa: E402
from extract.dedupe import StudyLine, dedupe, settings  # noqa: E402
from extract.dedupe import engine as E  # noqa: E402
from extract.dedupe.records_file import RecordsFile  # noqa: E402
from extract.models import SourceRef, Study  # noqa: E402
from extract.write import dumps  # noqa: E402

C = sys.modules["extract.dedupe.cluster"]   # (the package's name ``cluster`` is the function)
from extract.dedupe.blocking import candidate_pairs  # noqa: E402
from extract.dedupe.cluster import (JOINT_PROFILE, PairCache, PendingLink, Scored, cluster, grow,  # noqa: E402
                                    identifying, joint_signals)
from extract.dedupe.compare import Features, features, signals, term_frequencies  # noqa: E402


def _grow_rescan(feats: list[Features], groups: list[tuple[list[int], list[PendingLink]]], near: list[Scored],
                 cache: PairCache, threshold: float, passes: Optional[list[int]] = None
                 ) -> list[tuple[list[int], list[PendingLink]]]:
    """The reference: every candidate pair visited on every pass until a pass merges nothing (``passes``
    collects the number of merges per pass)."""
    threshold += settings.JOINT_MARGIN
    of = {i: g for g, (members, _) in enumerate(groups) for i in members}
    members = {g: list(m) for g, (m, _) in enumerate(groups)}
    links = {g: list(ls) for g, (_, ls) in enumerate(groups)}
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    order = sorted(near, key=lambda s: (-s.score, *sorted((feats[s.i].rid, feats[s.j].rid))))
    tried: set = set()
    changed = True
    while changed:
        changed = False
        if passes is not None:
            passes.append(0)
        for s in order:
            ga, gb = find(of[s.i]), find(of[s.j])
            if ga == gb:
                continue
            a, b = members[ga], members[gb]
            if len(a) < 2 and len(b) < 2 or len(a) + len(b) > settings.MAX_CLUSTER_SIZE:
                continue
            key = (tuple(sorted(a)), tuple(sorted(b)))
            if key in tried:
                continue
            tried.add(key)
            joint = joint_signals(a, b, cache)
            if joint is None or joint[1] < threshold or identifying(joint[0]) < settings.JOINT_MIN_IDENTIFYING \
                    or sum(w for n, w, _ in joint[0] if w > 0 and n in JOINT_PROFILE) < settings.JOINT_MIN_PROFILE:
                continue
            sig, score = joint
            if len(a) < len(b):
                ga, gb, a, b = gb, ga, b, a
            parent[gb] = ga
            a.extend(b)
            del members[gb]
            links[ga].extend(links.pop(gb, []))
            links[ga].append(PendingLink(s.i, s.j, sig, "joint", score, threshold))
            changed = True
            if passes is not None:
                passes[-1] += 1
    return [(sorted(m), links.get(g, [])) for g, m in members.items()]


def _clustered(n: int, seed: int, link_threshold: Optional[float] = None):  # type: ignore[no-untyped-def]
    """(features, groups, candidates of grow, cache) of synthetic records, as dedupe makes them."""
    texts: dict[str, str] = {}
    records, _ = make_records(n, seed=seed, texts=texts)
    feats = [features(r, texts.get(r.doc_id)) for r in records]
    term_frequencies(feats)
    cache = PairCache(feats)
    scored, weak = [], []
    threshold = settings.LINK_THRESHOLD if link_threshold is None else link_threshold
    for i, j in candidate_pairs(feats):
        sig, level, score = signals(feats[i], feats[j])
        if level == "contradiction":
            continue
        s = Scored(i, j, score, level, sig)
        if score >= threshold:
            scored.append(s)
            cache.add(s)
        elif feats[i].doc_id != feats[j].doc_id and score >= settings.JOINT_PAIR_FLOOR:
            weak.append(s)
            cache.add(s)
    groups = cluster(feats, scored, cache, threshold=threshold)
    return feats, groups, weak + scored, cache


def _plain(groups):  # type: ignore[no-untyped-def]
    return [(m, [(p.i, p.j, p.sig, p.level, p.score, p.threshold) for p in links]) for m, links in groups]


@pytest.mark.parametrize("seed,link_threshold,grow_threshold,again", [
    (3, None, None, False),   # as a run does (but for the joint profile's minimums, below)
    (4, None, -2.0, True),    # a low bar: many merges, some only after others (a second pass)
    (5, 4.0, -4.0, True),     # small groups to start with, merged in long chains
])
def test_grow_revisiting_changed_groups_equals_a_full_rescan(monkeypatch, seed: int,  # type: ignore[no-untyped-def]
                                                             link_threshold: Optional[float],
                                                             grow_threshold: Optional[float], again: bool) -> None:
    # (the synthetic reports rarely tell a joint profile: without its minimums groups merge often, in turns)
    monkeypatch.setattr(settings, "JOINT_MIN_IDENTIFYING", 0.0)
    monkeypatch.setattr(settings, "JOINT_MIN_PROFILE", 0.0)
    feats, groups, near, cache = _clustered(2500, seed, link_threshold)
    t = settings.LINK_THRESHOLD if grow_threshold is None else grow_threshold
    fast = grow(feats, [(list(m), list(ls)) for m, ls in groups], near, cache, threshold=t)
    # the first pass's pairs of groups judged up front in forked workers
    monkeypatch.setattr(C, "PARALLEL_GROW_MIN", 1)
    monkeypatch.setattr(C, "GROW_CHUNK", 50)
    ahead = grow(feats, [(list(m), list(ls)) for m, ls in groups], near, cache, threshold=t)
    assert _plain(ahead) == _plain(fast)
    assert [type(w) for _, ls in ahead for p in ls for _, w, _ in p.sig] == \
        [type(w) for _, ls in fast for p in ls for _, w, _ in p.sig]
    passes: list[int] = []
    slow = _grow_rescan(feats, [(list(m), list(ls)) for m, ls in groups], near, cache, t, passes)
    assert _plain(fast) == _plain(slow)
    assert sum(passes) == len(groups) - len(fast) >= 10
    assert (passes[1] > 0) == again   # a merge made an earlier candidate mergeable: a second pass merged it


# ---------------------------------------------------------------- work in forked workers


@pytest.fixture(scope="module")
def records_file(tmp_path_factory):  # type: ignore[no-untyped-def]
    texts: dict[str, str] = {}
    records, _ = make_records(3000, seed=9, texts=texts)
    path = tmp_path_factory.mktemp("speed") / "records.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path, records, texts


def test_records_file_spans_read_the_records(records_file) -> None:  # type: ignore[no-untyped-def]
    path, records, _ = records_file
    lazy = RecordsFile(path)
    assert list(lazy.span(10, 25)) == records[10:25] and list(lazy.span(5, 5)) == []
    assert list(lazy.span(len(records) - 3, len(records))) == records[-3:]
    lazy.close()


def test_studies_built_in_workers_equal_those_of_one_process(monkeypatch, records_file) -> None:  # type: ignore[no-untyped-def]
    path, records, texts = records_file
    # one process, Study objects written as the pipeline writes them
    want: list[str] = []
    serial = RecordsFile(path)
    dedupe(serial, texts=texts, engine="duckdb", sink=lambda s: want.append(dumps(s)))
    serial.close()
    # workers make the features and block keys, and build and dump the studies
    monkeypatch.setattr(D, "PARALLEL_FEATURES_MIN", 100)
    monkeypatch.setattr(D, "PARALLEL_MERGE_MIN", 100)
    monkeypatch.setattr(D, "MERGE_CHUNK", 97)
    monkeypatch.setattr(D, "jobs_for", lambda jobs=0: 2)
    calls: list[tuple[str, int, int]] = []
    real = D.fork_map

    def spy(fn, state, args, jobs=0):  # type: ignore[no-untyped-def]
        calls.append((fn.__name__, len(args), jobs))
        return real(fn, state, args, jobs)

    monkeypatch.setattr(D, "fork_map", spy)
    got: list[StudyLine] = []
    lazy = RecordsFile(path)
    dedupe(lazy, texts=texts, engine="duckdb", sink=got.append, dump=dumps)
    lazy.close()
    assert {name for name, n, jobs in calls if n > 1 and jobs != 1} >= {"_features_span", "_lines"}
    assert [x.line for x in got] == want
    assert [(x.study_id, x.record_ids) for x in got] == [(s["study_id"], s["record_ids"])
                                                         for s in map(json.loads, want)]


def test_features_in_workers_equal_those_of_one_process(monkeypatch, records_file) -> None:  # type: ignore[no-untyped-def]
    path, records, texts = records_file
    monkeypatch.setattr(D, "PARALLEL_FEATURES_MIN", 100)
    lazy = RecordsFile(path)
    one, none = D._features(records, texts, keys=True)
    two, chunks = D._features(lazy, texts, keys=True)
    lazy.close()
    assert none is None and chunks
    assert one == two
    # the same ladders (the rows of each; their numbering and order follow the spans)
    assert _ladders(E.key_columns(one, jobs=1)) == _ladders(E.key_columns(two, chunks=chunks))


def _ladders(c: E.KeyColumns) -> list[tuple]:  # type: ignore[type-arg]
    by: dict[int, list[tuple[int, int, int, int]]] = {}
    for rule, rec, lad, depth, key in zip(*(getattr(c, n).tolist() for n in ("rule", "rec", "lad", "depth", "key"))):
        by.setdefault(lad, []).append((rule, rec, depth, key))
    return sorted(tuple(rows) for rows in by.values())


def test_the_lines_are_valid_studies(records_file) -> None:  # type: ignore[no-untyped-def]
    # merged values are built without validation (merge._construct): what is written must still validate
    path, records, texts = records_file
    got: list[StudyLine] = []
    dedupe(records[:800], texts=texts, sink=got.append, dump=dumps)
    assert len(got) > 100 and any(len(x.record_ids) > 1 for x in got)
    for x in got:
        study = Study.model_validate_json(x.line)
        assert dumps(study) == x.line


def test_construct_equals_pydantics_model_construct() -> None:
    from extract.dedupe.merge import _construct

    a = _construct(SourceRef, {"value": {"n": 3}, "record_ids": ["r-1"]})
    b = SourceRef.model_construct(value={"n": 3}, record_ids=["r-1"])
    assert a == b and a.model_dump_json() == b.model_dump_json() and a.model_fields_set == b.model_fields_set


def test_features_pickle_as_their_values(records_file) -> None:  # type: ignore[no-untyped-def]
    import pickle

    _, records, texts = records_file
    feats = [features(r, texts.get(r.doc_id)) for r in records[:300]]
    term_frequencies(feats)
    assert pickle.loads(pickle.dumps(feats)) == feats
