"""Deduplicate study records across documents and languages.

Stages: normalise each record once (``compare.features``) -> candidate pairs from blocks
(``blocking``) -> score each pair on a ladder of comparison levels (``compare``) -> cluster
best-first without chaining (``cluster``) -> lift near links of co-cited documents and cluster
again (``cocite``) -> merge values, conflicts and a stable id (``merge``).
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, NamedTuple, Optional, Sequence

from ..models import Link, LinkSignal, Record, Study
from . import settings
from .blocking import BlockStats, candidate_pairs
from .cluster import PairCache, PendingLink, Scored, cluster, grow
from .cocite import co_cited_signal, doc_studies
from .copies import copy_records, features_of_copies, unfold, unfold_cache, unfold_scored
from .compare import FACT_SIGNALS, HARD, Features, Sig, features, signals, term_frequencies, to_link
from .decisions import Decisions
from .engine import Clock, KeyChunk, ValueSharer, _keys_chunk, choose_engine, scored_pairs
from .forked import fork_map, jobs_for
from .merge import _h, build_study, dump_row, study_row
from .records_file import RecordsFile, record_row

__all__ = ["dedupe", "explain", "explain_in_run", "BlockStats", "StudyLine", "Trace"]


@dataclass
class Trace:
    """What one dedupe run decided, kept so that ``explain`` reports exactly the run's scores."""

    feats: list[Features] = field(default_factory=list)
    cache: Optional[PairCache] = None
    lifted: dict[tuple[int, int], Scored] = field(default_factory=dict)
    cluster_of: list[int] = field(default_factory=list)
    decisions: Decisions = field(default_factory=Decisions)


def dedupe(records: Sequence[Record], *, texts: Optional[Mapping[str, str]] = None,
           stats: Optional[BlockStats] = None, previous: Optional[Mapping[str, str]] = None,
           history: Optional[Mapping[str, list[str]]] = None, decisions: Optional[Decisions] = None,
           trace: Optional[Trace] = None, engine: Optional[str] = None,
           spark_master: Optional[str] = None, sink: Optional[Callable[[Any], None]] = None,
           dump: Optional[Callable[[Study], str]] = None, same_content: Optional[Mapping[str, str]] = None
           ) -> list[Study]:
    """Group records that report the same study; sets each record's ``study_id``.

    ``texts`` (doc_id -> document text, optional) lets the numbers quoted in each mention
    count as evidence; without it those signals are simply absent. Study ids depend on the input
    only (a fresh and an incremental run agree); ``previous`` (record_id -> study_id of an earlier
    run) and ``history`` (that run's study_id -> its previous_ids) give each study the ids it had
    before (``previous_ids``). ``decisions`` (curator must-link / cannot-link) are obeyed;
    ``trace`` collects the run's pair scores for ``explain_in_run``. ``engine`` (``python``, ``duckdb``,
    ``spark``; default: DuckDB from ``engine.ENGINE_MIN_RECORDS`` records on) does the blocking and a
    first-pass scoring of the pairs; the studies are the same (engine.py). ``records`` may be any sequence
    (``records_file.RecordsFile`` reads them from records.jsonl only when needed); ``sink``, when given,
    receives each study in study-id order instead of the returned list (which is then empty): a million
    records' studies need not be held at once. With ``dump`` (a study -> its output line, e.g. ``write.dumps``)
    as well, the sink receives each study as a ``StudyLine`` (id, record ids, ``dump(study)``) and the
    studies are built and dumped on all cores at scale (no Study object crosses back from a worker).
    ``same_content`` (doc_id of a document whose text repeats another's -> that document's doc_id) lets the
    records of such copies join the studies of the records they repeat without being compared (copies.py).
    """
    if not records:
        return []
    # millions of short-lived pair objects and no reference cycles: the cyclic collector would
    # rescan every live record again and again (a third of the run time at 100k records)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _dedupe(records, texts or {}, stats, previous or {}, history or {},
                       decisions or Decisions(), trace, choose_engine(engine, len(records)), spark_master, sink,
                       dump, same_content)
    finally:
        if enabled:
            gc.enable()


# the signals of a weak pair kept by its score alone (one shared empty list: a million pairs hold no list each;
# no step adds to a pair's signals in place)
_NO_SIGNALS: list[Sig] = []


def _decision_pairs(feats: list[Features], decisions: Decisions) -> tuple[list[tuple[int, int, str]], list[Scored]]:
    """(must-link index pairs with their label, cannot-link pairs as forbidding Scored entries)."""
    index = {f.rid: i for i, f in enumerate(feats)}
    must: list[tuple[int, int, str]] = []
    cannot: list[Scored] = []
    for pair, d in sorted(decisions.effective_links().items(), key=lambda kv: sorted(kv[0])):
        if d.a not in index or d.b not in index:
            continue
        i, j = sorted((index[d.a], index[d.b]))
        if d.action == "must-link":
            must.append((i, j, d.label()))
        else:
            cannot.append(Scored(i, j, HARD, "contradiction", [("decision", HARD, d.label())]))
    return must, cannot


def _dedupe(records: Sequence[Record], texts: Mapping[str, str], stats: Optional[BlockStats],
            previous: Mapping[str, str], history: Mapping[str, list[str]], decisions: Decisions,
            trace: Optional[Trace], engine: str = "python", spark_master: Optional[str] = None,
            sink: Optional[Callable[[Any], None]] = None, dump: Optional[Callable[[Study], str]] = None,
            same_content: Optional[Mapping[str, str]] = None) -> list[Study]:
    clock = Clock(stats)
    if len(records) >= PARALLEL_FEATURES_MIN and jobs_for() > 1:
        _preload()
    # 1. normalise once per record
    feats, key_chunks = _features(records, texts, keys=engine != "python", same_content=same_content)
    # the records of documents that repeat another's text are set aside: they join their originals' studies
    every, copies = feats, copy_records(feats, same_content, decisions.named())
    kept = [i for i in range(len(every)) if i not in copies] if copies else []
    if copies:
        feats, key_chunks = [every[i] for i in kept], None
    term_frequencies(feats)
    clock.lap("features")
    # 2. candidate pairs from blocks (never all pairs), scored
    if engine == "python":
        pairs = ((i, j, *signals(feats[i], feats[j])) for i, j in candidate_pairs(feats, stats=stats))
    else:   # blocking in the engine; only pairs that can reach a kept score are scored exactly
        pairs = scored_pairs(feats, engine, stats, spark_master=spark_master, key_chunks=key_chunks)
        del key_chunks
    # 3. score every candidate pair; keep only links (cross pairs are rescored on demand)
    cache = PairCache(feats)
    must, cannot = _decision_pairs(feats, decisions)
    for s in cannot:   # a curator's cannot-link forbids the pair, in the clustering checks too
        cache.add(s)
    forbidden = {(s.i, s.j) for s in cannot}
    scored: list[Scored] = []
    near: list[Scored] = []   # just short of a link: co-citation may lift them (step 5)
    weak: list[Scored] = []   # make two groups candidates for a joint-profile merge (step 6)
    threshold = settings.LINK_THRESHOLD
    near_floor = threshold - settings.WEIGHTS["co_cited"]
    lean = engine != "python"
    for i, j, sig, level, score in pairs:
        if (i, j) in forbidden:
            continue
        if level == "contradiction":
            continue
        if score >= threshold:
            s = Scored(i, j, score, level, sig)
            scored.append(s)
            cache.add(s)
        elif feats[i].doc_id != feats[j].doc_id and score >= settings.JOINT_PAIR_FLOOR:
            is_near = score >= near_floor and _fact_weight(sig) >= settings.CO_CITED_MIN_FACTS
            if lean and not is_near:
                # at scale only the score is kept: the signals are recomputed (the same) if a joint-profile
                # check asks for the pair, instead of millions of signal lists held to the end
                weak.append(Scored(i, j, score, level, _NO_SIGNALS))
                continue
            s = Scored(i, j, score, level, sig)
            weak.append(s)
            cache.add(s)
            if is_near:
                near.append(s)
    clock.lap("pairs")
    # 4. cluster best-first with contradiction and average-linkage checks (a must-link first of all)
    forced = [_forced(feats, i, j, label, cache) for i, j, label in must]
    groups = cluster(feats, forced + scored, cache)
    # 5. documents that share a linked study lend weight to their other near links; cluster again
    lifted = _co_cited(feats, groups, near)
    if lifted:
        for s in lifted:
            cache.add(s)
        del groups   # (not held through clustering again)
        groups = cluster(feats, forced + scored + lifted, cache)
    clock.lap("cluster")
    # 6. groups whose reports together share enough with another group's (joint profile) merge
    if weak:
        groups = grow(feats, groups, weak + [s for s in scored if s.level != "contradiction"], cache)
    clock.lap("grow")
    if copies:   # back to all records' indexes, each copy in the group of the record it repeats
        groups, feats = unfold(groups, kept, copies, every), every
        if trace is not None:
            cache, lifted = unfold_cache(cache, kept, copies, every), unfold_scored(lifted, kept)
    # 7. merge, name and label (in study id order; a record is read only when its study is built)
    ids = _assign_ids(feats, [members for members, _ in groups])
    order = sorted(range(len(groups)), key=ids.__getitem__)
    studies = []
    if dump is not None and sink is not None:
        _sink_lines(_Merging(records, feats, groups, ids, previous, history, dump), order, sink)
    else:
        for g in order:
            study = _build(records, feats, ids[g], *groups[g], previous, history)
            if sink is not None:
                sink(study)
            else:
                studies.append(study)
    clock.lap("merge")
    if trace is not None:
        trace.feats, trace.cache, trace.decisions = feats, cache, decisions
        trace.lifted = {(s.i, s.j): s for s in lifted}
        trace.cluster_of = [0] * len(feats)
        for c, (members, _) in enumerate(groups):
            for i in members:
                trace.cluster_of[i] = c
    return studies


# from this many records on (read from a file), features are made by forked workers
PARALLEL_FEATURES_MIN = 20_000


def _preload() -> None:
    """Load the tables and converters that comparing reads lazily, once, before workers are forked: else every
    worker of every stage loads them again. (Not pypinyin: 55 MB, and only names the tables lack need it.)"""
    from .institutions import org_table, product_table
    from .normalise import _t2s, journal_table

    journal_table(); org_table(); product_table(); _t2s()


def _features(records: Sequence[Record], texts: Mapping[str, str], keys: bool,
              same_content: Optional[Mapping[str, str]] = None) -> tuple[list[Features], Optional[list[KeyChunk]]]:
    """Every record's features and, with ``keys`` and a large ``RecordsFile``, the engine's block keys of each
    span of records (``engine.key_columns``); in one process, the records of copies (``same_content``) take their
    originals' features (``copies.features_of_copies``). A large file is read by forked workers, a span each: parsing and
    normalising are most of the cost, and a record's features are a fraction of its size to send back."""
    share = ValueSharer()
    n, jobs = len(records), jobs_for()
    if not isinstance(records, RecordsFile) or n < PARALLEL_FEATURES_MIN or jobs <= 1:
        return features_of_copies(records, same_content, lambda r: share(features(r, texts.get(r.doc_id)))), None
    step = max(1000, min(20_000, -(-n // (8 * jobs))))
    spans = [(lo, min(n, lo + step)) for lo in range(0, n, step)]
    feats: list[Features] = []
    chunks: list[KeyChunk] = []
    for fs, chunk in fork_map(_features_span, (records, texts, keys), spans, jobs):
        feats.extend(map(share, fs))   # (equal values of different spans made one object here)
        if chunk is not None:
            chunks.append(chunk)
    return feats, chunks if keys else None


def _features_span(state: tuple[RecordsFile, Mapping[str, str], bool], span: tuple[int, int]
                   ) -> tuple[list[Features], Optional[KeyChunk]]:
    """A worker's task: the features of records ``span`` (their equal values one object, so each is sent once)
    and, when asked, their block keys."""
    records, texts, keys = state
    share = ValueSharer()
    fs = [share(features(r, texts.get(r["doc_id"]))) for r in records.rows(*span)]
    return fs, _keys_chunk(fs, (0, len(fs)), at=span[0]) if keys else None


class StudyLine(NamedTuple):
    """A study as the line written for it (``dedupe(..., dump=...)``): its id, its records, ``dump(study)``."""

    study_id: str
    record_ids: list[str]
    line: str


# from this many studies on, ``dump`` runs in forked workers (below, forking costs more than it saves)
PARALLEL_MERGE_MIN = 5000
MERGE_CHUNK = 1000   # studies per task


@dataclass
class _Merging:
    """What building the studies reads (shared by forked workers, never pickled)."""

    records: Sequence[Record]
    feats: list[Features]
    groups: list[tuple[list[int], list[PendingLink]]]
    ids: list[str]
    previous: Mapping[str, str]
    history: Mapping[str, list[str]]
    dump: Callable[[Study], str]


def _build(records: Sequence[Record], feats: list[Features], sid: str, members: list[int],
           links: list[PendingLink], previous: Mapping[str, str], history: Mapping[str, list[str]],
           assign: bool = True) -> Study:
    """One study from its records (read now) and its pending links; sets the records' ``study_id`` (with
    ``assign``: a validated assignment per record, wasted on records read for this study alone)."""
    recs = sorted((records[i] for i in members), key=lambda r: (r.doc_id, r.record_id))
    if assign:
        for r in recs:
            r.study_id = sid
    study = build_study(sid, recs, [p.link(feats) for p in links])
    study.previous_ids = _previous_ids(sid, [r.record_id for r in recs], previous, history)
    return study


def _lines(m: _Merging, chunk: list[int]) -> list[StudyLine]:
    """The studies of groups ``chunk`` as lines (a worker's task: text crosses back, not Study objects). With
    ``write.dumps`` each line is written from the study's row: records read as plain JSON, no model validated."""
    from ..write import dumps

    out = []
    if m.dump is not dumps:
        for g in chunk:
            # (_sink_lines sets the study ids of records held in memory)
            study = _build(m.records, m.feats, m.ids[g], *m.groups[g], m.previous, m.history, assign=False)
            out.append(StudyLine(study.study_id, study.record_ids, m.dump(study)))
        return out
    records = m.records
    read = records.row if isinstance(records, RecordsFile) else (lambda i: record_row(records[i]))
    for g in chunk:
        members, links = m.groups[g]
        sid = m.ids[g]
        rows = sorted((read(i) for i in members), key=lambda r: (r["doc_id"], r["record_id"]))
        rids = [r["record_id"] for r in rows]
        row = study_row(sid, rows, [p.row(m.feats) for p in links], _previous_ids(sid, rids, m.previous, m.history))
        out.append(StudyLine(sid, row["record_ids"], dump_row(row)))
    return out


def _sink_lines(m: _Merging, order: list[int], sink: Callable[[StudyLine], None]) -> None:
    """Each study as a ``StudyLine`` to ``sink`` in ``order``, built on all cores at scale. Records held in
    memory get their ``study_id`` here (a worker sets it on its own copies); a ``RecordsFile`` keeps none."""
    chunks = [order[k:k + MERGE_CHUNK] for k in range(0, len(order), MERGE_CHUNK)]
    for lines in fork_map(_lines, m, chunks, 0 if len(order) >= PARALLEL_MERGE_MIN else 1):
        for line in lines:
            sink(line)
    if not isinstance(m.records, RecordsFile):
        for g in order:
            for i in m.groups[g][0]:
                m.records[i].study_id = m.ids[g]


def _forced(feats: list[Features], i: int, j: int, label: str, cache: PairCache) -> Scored:
    """A curator's must-link: the pair's own signals plus the decision, above every score."""
    sig, level, score = signals(feats[i], feats[j])
    sig = [x for x in sig if x[0] != "contradiction"] + [("decision", -HARD, label)]
    s = Scored(i, j, round(sum(x[1] for x in sig), 3), "decision:must-link", sig)
    cache.add(s)
    return s


def _id_candidates(feats: list[Features], members: list[int]) -> list[str]:
    """merge.id_candidates of these records, read from their features (the same normalised identifiers)."""
    fs = [feats[i] for i in members]
    out = [f"s-doi-{_h(d)}" for d in sorted({f.doi for f in fs if f.doi})]
    out += [f"s-pmid-{p}" for p in sorted({f.pmid for f in fs if f.pmid})]
    out += [f"s-pmcid-{p.lower()}" for p in sorted({f.pmcid for f in fs if f.pmcid})]
    out += [f"s-reg-{x.lower()}" for x in sorted({x for f in fs for x in f.registries})]
    out.append(f"s-rec-{_h(min(f.rid for f in fs))}")
    return out


def _assign_ids(feats: list[Features], clusters: list[list[int]]) -> list[str]:
    """merge.assign_ids of the clusters (record indexes), from the features: no record is read."""
    ids = [""] * len(clusters)
    taken: set[str] = set()
    for g in sorted(range(len(clusters)), key=lambda g: min(feats[i].rid for i in clusters[g])):
        ids[g] = next(c for c in _id_candidates(feats, clusters[g]) if c not in taken)
        taken.add(ids[g])
    return ids


def _previous_ids(sid: str, record_ids: Sequence[str], previous: Mapping[str, str],
                  history: Mapping[str, list[str]]) -> list[str]:
    """The ids earlier runs gave this study's records (and those studies' own earlier ids)."""
    out: set[str] = set()
    for rid in record_ids:
        old = previous.get(rid)
        if old:
            out.add(old)
            out.update(history.get(old, ()))
    out.discard(sid)
    return sorted(out)


def _fact_weight(sig: list[Sig]) -> float:
    return sum(w for name, w, _ in sig if name in FACT_SIGNALS and w > 0)


def _co_cited(feats: list[Features], groups: list[tuple[list[int], list[PendingLink]]], near: list[Scored]) -> list[Scored]:
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
    """The signals and scores of two records compared on their own (no run around them).

    ``level`` is the highest ladder level reached (identifier, title, alias, fingerprint) or
    ``contradiction``; ``linked`` says whether the pair alone passes the link threshold. Inside a run
    a link may still be refused by the cluster checks, a near link lifted by co-citation, and a
    curator decision may apply: ``explain_in_run`` reports the run's own view.
    """
    texts = texts or {}
    link = compare_features(features(a, texts.get(a.doc_id)), features(b, texts.get(b.doc_id)))
    link.linked = link.score >= settings.LINK_THRESHOLD and link.level != "contradiction"
    link.threshold = settings.LINK_THRESHOLD
    return link


def compare_features(fa: Features, fb: Features) -> Link:
    sig, level, score = signals(fa, fb)
    return to_link(fa, fb, sig, level, score)


def explain_in_run(records: list[Record], a: str, b: str, *, texts: Optional[Mapping[str, str]] = None,
                   decisions: Optional[Decisions] = None, same_content: Optional[Mapping[str, str]] = None) -> Link:
    """Two records as the run that grouped ``records`` saw them: the same score it used (co-citation
    included), the threshold, the curator decision that applies, and ``linked`` true exactly when the
    run put them in one study. A pair above the threshold that the run kept apart says why.
    """
    trace = Trace()
    copies = [r.model_copy(deep=True) for r in records]
    dedupe(copies, texts=texts, decisions=decisions, trace=trace, same_content=same_content)
    index = {f.rid: i for i, f in enumerate(trace.feats)}
    i, j = sorted((index[a], index[b]))
    s = trace.lifted.get((i, j)) or trace.cache.get(i, j)  # type: ignore[union-attr]
    link = to_link(trace.feats[i], trace.feats[j], s.sig, s.level, s.score)
    if (link.a, link.b) != (a, b):
        link.a, link.b = a, b
    link.threshold = settings.LINK_THRESHOLD
    link.linked = trace.cluster_of[i] == trace.cluster_of[j]
    d = trace.decisions.for_pair(a, b)
    if d is not None:
        link.decision = d.label()
    if not link.linked and link.score >= link.threshold and link.level != "contradiction":
        link.signals.append(LinkSignal(name="cluster_check", score=0.0,
                                       detail="above the threshold, but the run kept the two studies apart: a "
                                              "contradiction with another member or an average cross-pair score "
                                              f"below {settings.CLUSTER_AVG_THRESHOLD}"))
    elif link.linked and link.score < link.threshold:
        link.signals.append(LinkSignal(name="cluster_check", score=0.0,
                                       detail="below the threshold, but linked through other records of the study"))
    return link
