"""Deduplicate study records across documents and languages.

Stages: normalise each record once (``compare.features``) -> candidate pairs from blocks
(``blocking``) -> score each pair on a ladder of comparison levels (``compare``) -> cluster
best-first without chaining (``cluster``) -> lift near links of co-cited documents and cluster
again (``cocite``) -> merge values, conflicts and a stable id (``merge``).
"""
from __future__ import annotations

import gc
from typing import Mapping, Optional

from ..models import Link, Record, Study
from . import settings
from .blocking import BlockStats, candidate_pairs
from .cluster import PairCache, Scored, cluster
from .cocite import co_cited_signal, doc_studies
from .compare import Features, Sig, compare, features, signals
from .merge import assign_ids, build_study

__all__ = ["dedupe", "explain", "BlockStats"]


def dedupe(records: list[Record], *, texts: Optional[Mapping[str, str]] = None,
           stats: Optional[BlockStats] = None, previous: Optional[Mapping[str, str]] = None) -> list[Study]:
    """Group records that report the same study; sets each record's ``study_id``.

    ``texts`` (doc_id -> document text, optional) lets the numbers quoted in each mention
    count as evidence; without it those signals are simply absent. ``previous`` (record_id ->
    study_id of an earlier run) keeps a study's id when new documents join it.
    """
    if not records:
        return []
    # millions of short-lived pair objects and no reference cycles: the cyclic collector would
    # rescan every live record again and again (a third of the run time at 100k records)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _dedupe(records, texts or {}, stats, previous or {})
    finally:
        if enabled:
            gc.enable()


def _dedupe(records: list[Record], texts: Mapping[str, str], stats: Optional[BlockStats],
            previous: Mapping[str, str]) -> list[Study]:
    # 1. normalise once per record
    feats = [features(r, texts.get(r.doc_id)) for r in records]
    # 2. candidate pairs from blocks (never all pairs)
    pairs = candidate_pairs(feats, stats=stats)
    # 3. score every candidate pair; keep only links (cross pairs are rescored on demand)
    cache = PairCache(feats)
    scored: list[Scored] = []
    near: list[Scored] = []   # just short of a link: co-citation may lift them (step 5)
    threshold = settings.LINK_THRESHOLD
    near_floor = threshold - settings.WEIGHTS["co_cited"]
    for i, j in pairs:
        sig, level, score = signals(feats[i], feats[j])
        if level == "contradiction":
            continue
        if score >= threshold:
            s = Scored(i, j, score, level, sig)
            scored.append(s)
            cache.add(s)
        elif score >= near_floor and feats[i].doc_id != feats[j].doc_id and _fact_weight(sig) >= settings.CO_CITED_MIN_FACTS:
            near.append(Scored(i, j, score, level, sig))
    # 4. cluster best-first with contradiction and average-linkage checks
    groups = cluster(feats, scored, cache)
    # 5. documents that share a linked study lend weight to their other near links; cluster again
    lifted = _co_cited(feats, groups, near)
    if lifted:
        for s in lifted:
            cache.add(s)
        groups = cluster(feats, scored + lifted, cache)
    # 6. merge, name and label
    clusters = [sorted((records[i] for i in members), key=lambda r: (r.doc_id, r.record_id))
                for members, _ in groups]
    ids = assign_ids(clusters, previous=previous)
    studies = []
    for sid, recs, (_, links) in zip(ids, clusters, groups):
        for r in recs:
            r.study_id = sid
        studies.append(build_study(sid, recs, links))
    studies.sort(key=lambda s: s.study_id)
    return studies


# signals that are facts of the study (numbers it reports), as opposed to its profile
_FACT_SIGNALS = frozenset({"n_total", "n_studies", "hba1c", "dose", "follow_up", "infusions", "interval",
                           "context_numbers"})


def _fact_weight(sig: list[Sig]) -> float:
    return sum(w for name, w, _ in sig if name in _FACT_SIGNALS and w > 0)


def _co_cited(feats: list[Features], groups: list[tuple[list[int], list[Link]]], near: list[Scored]) -> list[Scored]:
    """Near links lifted by co-citation (their documents already share another linked study)."""
    if not near:
        return []
    of, by_doc = doc_studies(feats, [m for m, _ in groups])
    out = []
    for s in near:
        extra = co_cited_signal(feats[s.i], feats[s.j], of[s.i], of[s.j], by_doc)
        if extra is not None:
            out.append(Scored(s.i, s.j, round(s.score + extra[1], 3), s.level, [*s.sig, extra]))
    return out


def explain(a: Record, b: Record, *, texts: Optional[Mapping[str, str]] = None) -> Link:
    """The signals and scores that link (or separate) two records.

    ``level`` is the highest ladder level reached (identifier, title, alias, fingerprint) or
    ``contradiction``; the pair is a link when ``score >= settings.LINK_THRESHOLD`` and it is
    not a contradiction. Inside ``dedupe`` a link may still be refused by the cluster checks,
    and a near link may be lifted by co-citation (``cocite.py``), which needs the whole run.
    """
    texts = texts or {}
    link = compare(features(a, texts.get(a.doc_id)), features(b, texts.get(b.doc_id)))
    link.linked = link.score >= settings.LINK_THRESHOLD and link.level != "contradiction"
    return link
