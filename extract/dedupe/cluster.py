"""Clustering without chaining: merge links best-first, checking every cross pair first.

Plain connected components would let one ambiguous record (no condition, no cell type) glue a
T1D and a T2D study together. Here two clusters merge only when no cross pair is a hard
contradiction and the average cross-pair score (average linkage) clears a threshold.
"""
from __future__ import annotations

import heapq
from array import array
from dataclasses import dataclass
from typing import Any, Optional

from ..models import Link, LinkSignal
from . import settings
from .compare import FACT_SIGNALS, PROFILE_SIGNALS, W, Features, Sig, _organisations, signals


@dataclass(slots=True)
class Scored:
    """One compared pair (indexes into the feature list)."""

    i: int
    j: int
    score: float
    level: str
    sig: list[Sig]


@dataclass(slots=True)
class PendingLink:
    """A link that merged two groups, made into a ``Link`` only when its study is built (a million records'
    links held as validated objects would cost gigabytes)."""

    i: int
    j: int
    sig: list[Sig]
    level: str
    score: float
    threshold: float

    def row(self, feats: list[Features]) -> dict[str, Any]:
        """The ``Link`` (``compare.to_link``, linked, with its threshold) as the JSON object of its model, every
        value already of its field's type."""
        decision = next((d for n, _, d in self.sig if n == "decision"), None) \
            if self.level.startswith("decision:") else None
        return {"a": feats[self.i].rid, "b": feats[self.j].rid, "score": float(self.score), "level": self.level,
                "linked": True, "threshold": float(self.threshold), "decision": decision,
                "signals": [{"name": n, "score": float(round(w, 3)), "detail": d} for n, w, d in self.sig]}

    def link(self, feats: list[Features]) -> Link:
        """The ``Link`` of ``row``, built without validation (a study of a large run builds a million of them)."""
        from .merge import _construct

        row = self.row(feats)
        row["signals"] = [_construct(LinkSignal, s) for s in row["signals"]]
        return _construct(Link, row)


class PairCache:
    """Pair scores computed once: candidates up front, cross pairs on demand."""

    def __init__(self, feats: list[Features]) -> None:
        self.feats = feats
        self._cache: dict[tuple[int, int], Scored] = {}

    def add(self, s: Scored) -> None:
        self._cache[(s.i, s.j)] = s

    def scored(self) -> list[Scored]:
        """Every pair scored so far."""
        return list(self._cache.values())

    def peek(self, i: int, j: int) -> Optional[Scored]:
        """The pair's entry when it was already scored (nothing is computed)."""
        return self._cache.get((i, j) if i < j else (j, i))

    def get(self, i: int, j: int, store: bool = True) -> Scored:
        """The pair's entry, scored now when missing. A pair scored now is kept only when ``store`` and it is
        what ``peek`` is asked for (an identifier link, see ``_tied``): the others are scored again if asked
        again, instead of millions of cross pairs held to the end of a large run."""
        key = (i, j) if i < j else (j, i)
        hit = self._cache.get(key)
        if hit is None:
            sig, level, score = signals(self.feats[key[0]], self.feats[key[1]])
            hit = Scored(key[0], key[1], score, level, sig)
            if store and level.startswith("identifier:"):
                self._cache[key] = hit
        return hit


def _pub_ids(f: Features) -> set[tuple[str, str]]:
    return {(k, v) for k, v in (("doi", f.doi), ("pmid", f.pmid), ("pmcid", f.pmcid)) if v}


def registry_bridge(x: Features, y: Features, group: list[Features]) -> frozenset[str]:
    """Registry ids tying both records' publications to one trial through records of ``group``.

    A Chinese-language paper (its own DOI, the trial's NCT id) and a digest quoting the English
    paper's DOI without the registry contradict on DOI, yet a third record carrying the English
    DOI and the NCT id shows them to be two publications of one registered trial.
    """
    px, py = _pub_ids(x), _pub_ids(y)
    if not px or not py:
        return frozenset()
    rx, ry = set(x.registries), set(y.registries)
    for g in group:
        ids = _pub_ids(g)
        if ids & px:
            rx |= g.registries
        if ids & py:
            ry |= g.registries
    return frozenset(rx & ry)


def _tied(group: list[int], cache: PairCache) -> set[int]:
    """Members of a group tied to another member by a shared identifier (DOI, PMID, registry id).

    Only pairs already scored are read (nothing is computed); a large group is not searched (bounded cost).
    """
    if len(group) < 2 or len(group) > settings.UNIT_MAX_GROUP:
        return set()
    out: set[int] = set()
    for k, x in enumerate(group):
        for y in group[k + 1:]:
            c = cache.peek(x, y)
            if c is not None and c.level.startswith("identifier:"):
                out.update((x, y))
    return out


def _uninformative(s: Scored) -> bool:
    """A pair that shares nothing identifying and contradicts nothing: its only penalty is ``profile_only``."""
    return any(n == "profile_only" for n, _, _ in s.sig) and not any(
        w < 0 and n != "profile_only" for n, w, _ in s.sig)


def _mergeable(a: list[int], b: list[int], cache: PairCache, *,
               avg_threshold: float) -> bool:
    """No cross pair is a hard contradiction (unless a registry bridges it) and the average cross score
    clears ``avg_threshold``.

    A thin record tied to its group by an identifier (a trial listing that only names the registry id)
    says nothing against the merge: its cross pairs that share nothing and contradict nothing are left
    out of the average (pairs with any evidence against still count).
    """
    total = 0.0
    thin: list[tuple[int, int, float]] = []     # uninformative pairs, left out if a side is tied by an id
    group: Optional[list[Features]] = None
    for x in a:
        for y in b:
            s = cache.get(x, y)
            if s.level == "contradiction":
                if any(n == "decision" for n, _, _ in s.sig):
                    return False   # a curator's cannot-link is final
                if group is None:
                    group = [cache.feats[i] for i in (*a, *b)]
                fx, fy = cache.feats[x], cache.feats[y]
                bridge = registry_bridge(fx, fy, group)
                if not bridge:
                    return False
                _, level, score = signals(fx, fy, bridge)
                if level == "contradiction":
                    return False
                total += score
                continue
            if _uninformative(s):
                thin.append((x, y, s.score))
            else:
                total += s.score
    n = len(a) * len(b)
    if thin and (len(a) > 1 or len(b) > 1):   # (the ties are searched only when they can matter)
        tied = _tied(a, cache) | _tied(b, cache)
        kept = [w for x, y, w in thin if x not in tied and y not in tied]
        if len(kept) < len(thin) and n - len(thin) + len(kept) > 0:
            return (total + sum(kept)) / (n - len(thin) + len(kept)) >= avg_threshold
    return (total + sum(w for _, _, w in thin)) / n >= avg_threshold


def best_first(feats: list[Features], pairs: list[Scored]) -> list[Scored]:
    """The pairs best first, ties broken by the two record ids (so the result does not depend on the input
    order), equal keys in their given order. The ids are compared as their ranks, and the keys sorted as numpy
    columns: a Python sort key per pair (a tuple of a float and two ints) is 150 bytes, 400 MB for the
    millions of pairs of a large run."""
    if len(pairs) < 2:
        return list(pairs)
    import numpy as np

    ranks = np.frombuffer(_rid_ranks(feats), dtype=np.int32)
    n = len(pairs)
    ra = ranks[np.fromiter((s.i for s in pairs), dtype=np.int64, count=n)]
    rb = ranks[np.fromiter((s.j for s in pairs), dtype=np.int64, count=n)]
    score = np.fromiter((s.score for s in pairs), dtype=np.float64, count=n)
    order = np.lexsort((np.maximum(ra, rb), np.minimum(ra, rb), -score))   # (stable: the last key first)
    return [pairs[k] for k in order.tolist()]


def _rid_ranks(feats: list[Features]) -> array:
    """Each record's id as its rank among the distinct ids (equal ids, equal ranks): one sort of the indexes,
    no set or dict of a million ids."""
    order = sorted(range(len(feats)), key=lambda k: feats[k].rid)
    ranks = array("i", bytes(4 * len(feats)))
    rank, prev = -1, None
    for k in order:
        rid = feats[k].rid
        if rid != prev:
            rank, prev = rank + 1, rid
        ranks[k] = rank
    return ranks


def cluster(feats: list[Features], scored: list[Scored], cache: PairCache, *,
            threshold: Optional[float] = None, avg_threshold: Optional[float] = None,
            max_size: Optional[int] = None) -> list[tuple[list[int], list[PendingLink]]]:
    """Group record indexes; returns each cluster's members and the links that merged it (``PendingLink.link``
    makes each a ``Link``)."""
    threshold = settings.LINK_THRESHOLD if threshold is None else threshold
    avg_threshold = settings.CLUSTER_AVG_THRESHOLD if avg_threshold is None else avg_threshold
    max_size = max_size or settings.MAX_CLUSTER_SIZE
    parent = list(range(len(feats)))
    # the groups of several records by their root (a record alone is its own group: a million of them need
    # no list each)
    members: dict[int, list[int]] = {}
    links: dict[int, list[PendingLink]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # best first; ties broken by record ids so the result does not depend on input order
    strong = best_first(feats, [s for s in scored if s.score >= threshold and s.level != "contradiction"])
    for s in strong:
        ra, rb = find(s.i), find(s.j)
        if ra == rb:
            continue
        a, b = members.get(ra) or [ra], members.get(rb) or [rb]
        if len(a) + len(b) > max_size:
            continue
        if s.level.startswith("decision:"):
            # a curator's must-link merges unless a cannot-link stands between the two groups
            if any((c := cache.peek(x, y)) is not None and c.level == "contradiction"
                   and any(n == "decision" for n, _, _ in c.sig) for x in a for y in b):
                continue
        elif not _mergeable(a, b, cache, avg_threshold=avg_threshold):
            continue
        if len(a) < len(b):
            ra, rb, a, b = rb, ra, b, a
        parent[rb] = ra
        members[ra] = a + b
        members.pop(rb, None)
        la = links.setdefault(ra, [])
        la.extend(links.pop(rb, []))
        la.append(PendingLink(s.i, s.j, s.sig, s.level, s.score, threshold))
    return [(sorted(members[root]) if root in members else [root], links.get(root, []))
            for root in range(len(feats)) if parent[root] == root]


# ---------------------------------------------------------------- growing studies by their joint profile

# who and what a study is about: what a joint profile needs besides numbers (which coincide by chance across
# many reports, as do near titles and dates)
JOINT_PROFILE = frozenset({"alias", "sponsor", "institution", "city", "investigator", "age", "sex",
                           "disease_duration", "insulin_free", "procedure_year"})


def joint_signals(a: list[int], b: list[int], cache: PairCache) -> Optional[tuple[list[Sig], float]]:
    """Two groups compared as two studies: per signal the best value any cross pair gives (one report
    names the sponsor, another the hospital, a third the patient), or None on a contradiction.

    A study's reports each tell part of it; what one record shares with the study is the union of what
    it shares with its reports. Each signal of the study's profile counts once (its best cross pair), a
    negative one only when no cross pair does better; the title as its worst cross pair gives it (a
    study has one title: near one report's and far from another's is chance); the numbers as one report
    gives them (the cross pair whose numbers agree best: numbers that coincide with two reports each
    are chance); "nothing identifying shared" is judged on the whole.
    """
    best: dict[str, Sig] = {}
    facts: tuple[float, list[Sig]] = (float("-inf"), [])
    for x in a:
        for y in b:
            # (grow is the last step and never peeks: the cross pairs it scores are not kept)
            s = cache.get(x, y, store=False)
            if s.level == "contradiction":
                return None
            pair_facts = [sig for sig in s.sig if sig[0] in FACT_SIGNALS]
            total = sum(w for _, w, _ in pair_facts)
            if total > facts[0]:
                facts = (total, pair_facts)
            for sig in s.sig:
                if sig[0] == "profile_only" or sig[0] in FACT_SIGNALS:
                    continue
                old = best.get(sig[0])
                if old is None or (sig[1] < old[1] if sig[0] == "title" else sig[1] > old[1]):
                    best[sig[0]] = sig
    out = facts[1] + list(best.values())
    if identifying(out) <= 0:
        out.append(("profile_only", W["profile_only"], "nothing identifying shared"))
    return out, round(sum(w for _, w, _ in out), 3)


def identifying(sig: list[Sig]) -> float:
    """The weight of what identifies one study (not journal, year, design, condition, cell type, country)."""
    return sum(w for n, w, _ in sig if w > 0 and (n not in PROFILE_SIGNALS or (n == "date" and w >= W["date_day"])))


def grow(feats: list[Features], groups: list[tuple[list[int], list[PendingLink]]], near: list[Scored],
         cache: PairCache, *, threshold: Optional[float] = None) -> list[tuple[list[int], list[PendingLink]]]:
    """Merge groups whose joint profile (``joint_signals``) clears the threshold by JOINT_MARGIN.

    ``near`` are the pairs (across documents, no contradiction) that make two groups candidates; the best
    candidates are tried first, and merging goes on until no pair of groups qualifies.

    The passes over the candidates revisit only the pairs whose groups changed since their last visit
    (``_Dirty``): a pair whose two groups are as they were would be skipped again (the same group, too
    large, or already tried), so the merges are those of rescanning every pair until nothing changes.
    """
    threshold = (settings.LINK_THRESHOLD if threshold is None else threshold) + settings.JOINT_MARGIN
    of = [0] * len(feats)   # record -> its group (as ``groups`` numbers them)
    for g, (m, _) in enumerate(groups):
        for i in m:
            of[i] = g
    # (the groups' lists are never changed in place: a merge makes a new one)
    members = {g: m for g, (m, _) in enumerate(groups)}
    links = {g: ls for g, (_, ls) in enumerate(groups) if ls}
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order = best_first(feats, near)
    # the candidates (positions in ``order``) that touch each group's members
    touching: dict[int, list[int]] = {}
    for k, s in enumerate(order):
        touching.setdefault(of[s.i], []).append(k)
        touching.setdefault(of[s.j], []).append(k)
    # pairs of groups judged as they are: a group (its root) only grows, so its root and size name its members
    # (one int per pair, not the two member tuples: hundreds of MB at 1M records)
    tried: set[int] = set()
    width = len(feats) + 1
    # the first pass's pairs of groups as they are now, judged up front on all cores (a large run)
    ahead = _judged_ahead(order, of, members, cache, threshold)
    grown: set[int] = set()   # groups that changed since: judged now
    dirty = _Dirty(len(order))
    while (k := dirty.pop()) is not None:
        s = order[k]
        ga, gb = find(of[s.i]), find(of[s.j])
        if ga == gb:
            continue
        a, b = members[ga], members[gb]
        if len(a) < 2 and len(b) < 2 or len(a) + len(b) > settings.MAX_CLUSTER_SIZE:
            continue   # two lone records: their own pair score decides
        key = ((ga * width + len(a)) * width + gb) * width + len(b)
        if key in tried:
            continue
        tried.add(key)
        if ahead is not None and ga not in grown and gb not in grown:
            joint = ahead.get((ga, gb))
        else:
            joint = _mergeable_joint(a, b, cache, threshold)
        if joint is None:
            continue
        grown.update((ga, gb))
        sig, score = joint
        if len(a) < len(b):
            ga, gb, a, b = gb, ga, b, a
        parent[gb] = ga
        members[ga] = a + b
        del members[gb]
        links[ga] = [*links.get(ga, []), *links.pop(gb, []), PendingLink(s.i, s.j, sig, "joint", score, threshold)]
        touched = touching.setdefault(ga, [])
        touched.extend(touching.pop(gb, []))
        dirty.mark(touched)
    return [(sorted(m), links.get(g, [])) for g, m in members.items()]


# from this many pairs of groups on, grow judges its first pass's pairs in forked workers
PARALLEL_GROW_MIN = 2000
GROW_CHUNK = 500   # pairs of groups per task


def _mergeable_joint(a: list[int], b: list[int], cache: PairCache, threshold: float
                     ) -> Optional[tuple[list[Sig], float]]:
    """The joint signals and score of two groups when they clear every bar of ``grow``, else None."""
    if _joint_profile_bound(a, b, cache.feats) < settings.JOINT_MIN_PROFILE - 1e-9:
        return None   # (the profile bar cannot be cleared: no cross pair need be scored)
    joint = joint_signals(a, b, cache)
    if joint is None or joint[1] < threshold or identifying(joint[0]) < settings.JOINT_MIN_IDENTIFYING \
            or sum(w for n, w, _ in joint[0] if w > 0 and n in JOINT_PROFILE) < settings.JOINT_MIN_PROFILE:
        return None
    return joint


def _wpos(*names: str) -> float:
    return max(0.0, *(W[n] for n in names))


def _joint_profile_bound(a: list[int], b: list[int], feats: list[Features]) -> float:
    """At least what ``_mergeable_joint`` counts against ``JOINT_MIN_PROFILE`` (the best positive weight of each
    signal of ``JOINT_PROFILE`` over the cross pairs): institution, sponsor and city exactly (``_organisations``,
    a fraction of a pair's signals), the others by their highest level where both records give the value. Most
    pairs of groups that share a block share no one (institution, sponsor, product, person, patient) enough
    to clear that bar, and need no cross pair scored."""
    best: dict[str, float] = {}
    for x in a:
        for y in b:
            fx, fy = (feats[x], feats[y]) if x < y else (feats[y], feats[x])   # (the order signals() sees)
            sig: list[Sig] = []
            _organisations(fx, fy, sig)
            if fx.aliases and fy.aliases:
                sig.append(("alias", _wpos("alias_equal", "alias_differ"), None))
            if fx.people and fy.people:
                sig.append(("investigator", _wpos("investigator_equal", "investigator_surname"), None))
            if fx.has_profile and fy.has_profile:
                if fx.age is not None and fy.age is not None:
                    sig.append(("age", _wpos("age_equal", "age_differ"), None))
                if fx.sex and fy.sex:
                    sig.append(("sex", _wpos("sex_equal", "sex_differ"), None))
                if fx.duration is not None and fy.duration is not None:
                    sig.append(("disease_duration", _wpos("duration_equal", "duration_differ"), None))
                if fx.insulin_free is not None and fy.insulin_free is not None:
                    sig.append(("insulin_free", _wpos("insulin_free_equal"), None))
                if fx.procedure_year and fy.procedure_year:
                    sig.append(("procedure_year", _wpos("procedure_year_equal", "procedure_year_differ"), None))
            for n, w, _ in sig:
                if n in JOINT_PROFILE and w > best.get(n, 0.0):
                    best[n] = w
    return sum(best.values())


def _judged_ahead(order: list[Scored], of: list[int], members: dict[int, list[int]], cache: PairCache,
                  threshold: float) -> Optional[dict[tuple[int, int], tuple[list[Sig], float]]]:
    """(group, group) -> joint signals and score of the pairs of groups the first pass of ``grow`` may try,
    as the groups are before it starts, for those that merge (None: a small run, judged as it goes).

    Judging a pair of groups (scoring every cross pair) is most of grow's cost, and most pairs are judged
    before either group changes: workers judge them all up front; ``grow`` takes a verdict only while
    both groups are still as they were (the same members in the same order), so the merges are the same.
    """
    from .forked import fork_map, jobs_for

    pairs: dict[tuple[int, int], None] = {}
    for s in order:
        ga, gb = of[s.i], of[s.j]
        if ga == gb:
            continue
        a, b = members[ga], members[gb]
        if len(a) < 2 and len(b) < 2 or len(a) + len(b) > settings.MAX_CLUSTER_SIZE:
            continue
        pairs[(ga, gb)] = None
    if len(pairs) < PARALLEL_GROW_MIN or jobs_for() <= 1:
        return None
    keys = list(pairs)
    chunks = [keys[k:k + GROW_CHUNK] for k in range(0, len(keys), GROW_CHUNK)]
    from .engine import _weight

    out: dict[tuple[int, int], tuple[list[Sig], float]] = {}
    for part in fork_map(_judge_chunk, (members, cache, threshold), chunks):
        for key, (sig, score) in part:   # (weights travel as value and name: a Weight does not pickle)
            out[key] = [(n, _weight(w, k) if k is not None else w, d) for n, w, k, d in sig], score
    return out


def _judge_chunk(state: tuple[dict[int, list[int]], PairCache, float], keys: list[tuple[int, int]]
                 ) -> list[tuple[tuple[int, int], tuple[list[tuple[str, float, Optional[str], Optional[str]]], float]]]:
    """A worker's task: the pairs of groups of ``keys`` that merge, with their joint signals and score."""
    members, cache, threshold = state
    out = []
    for ga, gb in keys:
        joint = _mergeable_joint(members[ga], members[gb], cache, threshold)
        if joint is not None:
            sig, score = joint
            out.append(((ga, gb), ([(n, float(w), getattr(w, "key", None), d) for n, w, d in sig], score)))
    return out


class _Dirty:
    """Which candidates ``grow`` visits next, in its passes' order: first every one (the first pass), then
    those marked after a merge. One marked after the current position is visited later in this pass, one
    at or before it in the next pass (where a full rescan would meet them again); no marks, no next pass."""

    def __init__(self, n: int) -> None:
        self.n, self.first = n, True
        self.at = -1                    # the position being visited
        self.heap: list[int] = []       # later positions of this pass (after the first pass)
        self.queued: set[int] = set()   # ... the same as a set
        self.later: set[int] = set()    # positions for the next pass

    def pop(self) -> Optional[int]:
        """The next candidate to visit (None: a pass without marks ended)."""
        if self.first:
            if self.at + 1 < self.n:
                self.at += 1
                return self.at
            self.first = False
        if not self.heap:
            if not self.later:
                return None
            self.heap, self.queued, self.later = sorted(self.later), self.later, set()
        self.at = heapq.heappop(self.heap)
        self.queued.discard(self.at)
        return self.at

    def mark(self, ks: list[int]) -> None:
        """Candidates ``ks`` touch a group that changed while visiting the current one."""
        for k in ks:
            if k <= self.at:
                self.later.add(k)
            elif not self.first and k not in self.queued:   # (the first pass meets every later one anyway)
                self.queued.add(k)
                heapq.heappush(self.heap, k)
