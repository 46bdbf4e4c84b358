"""Faster paths of deduplication give exactly the results of their plain versions: growing studies by their
joint profile revisits only changed groups (cluster.grow) and equals rescanning every candidate until
nothing changes."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synth_records import make_records  # noqa: E402

from extract.dedupe import settings  # noqa: E402
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
    passes: list[int] = []
    slow = _grow_rescan(feats, [(list(m), list(ls)) for m, ls in groups], near, cache, t, passes)
    assert _plain(fast) == _plain(slow)
    assert sum(passes) == len(groups) - len(fast) >= 10
    assert (passes[1] > 0) == again   # a merge made an earlier candidate mergeable: a second pass merged it
