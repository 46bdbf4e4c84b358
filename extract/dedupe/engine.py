"""Deduplication at scale: blocking in an embedded (DuckDB) or distributed (Spark) engine, a vectorised
first-pass scorer over columns, and the exact scorer (``compare.signals``) only for the pairs that can
still reach a link.

The Python path (``blocking.candidate_pairs`` then ``signals`` on every pair) stays the reference. An
engine gives the same studies:

1. every record's block-key ladders come from the same rules (``blocking.RULES`` and the title ladders),
   hashed to integers; the engine finds each ladder's block (the coarsest key whose block fits its rule's
   cap, a star for oversized identifier blocks) and the unique pairs by a join, exactly as
   ``blocking._emit`` splits blocks;
2. ``upper_bounds`` scores every candidate pair over numpy columns: each signal of ``compare.signals``
   either exactly (identifiers, date, journal class, condition, design, cell types, country, one cohort
   size each, same document, title similarity through rapidfuzz's multi-threaded ``cpdist``) or by the
   highest weight it could reach (institutions, sponsors, doses, HbA1c counts, ...); certain hard
   contradictions drop the pair;
3. only pairs whose bound reaches the lowest score the run keeps (``JOINT_PAIR_FLOOR`` across documents,
   ``LINK_THRESHOLD`` within one) are scored exactly, on all cores.

The bound never underestimates (``tests/test_dedupe_engine.py`` checks it pair by pair), so the pairs
kept, their scores and hence the studies are those of the Python path.
"""
from __future__ import annotations

import os
import time
from array import array
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence, TypeVar

import numpy as np

from . import settings
from .blocking import RULES, STAR_RULES, WEAK_RULES, BlockStats, Key, Rule
from .forked import fork_map, jobs_for
from .normalise import title_tokens
from .settings import Weight
from .compare import FACT_SIGNALS, W, Features, Sig, _n_weight, signals

# below this many records the Python path is used by default (it is exact by construction and fast)
ENGINE_MIN_RECORDS = int(os.environ.get("EXTRACT_DEDUPE_ENGINE_MIN", "50000"))
ENGINES = ("python", "duckdb", "spark")
RULE_NAMES: tuple[str, ...] = (*RULES, "title")

Scored4 = tuple[int, int, list[Sig], str, float]
T = TypeVar("T")


def choose_engine(engine: Optional[str], n_records: int) -> str:
    """The engine to run: the one asked for, else DuckDB from ``ENGINE_MIN_RECORDS`` records on."""
    if engine in (None, "", "auto"):
        return "duckdb" if n_records >= ENGINE_MIN_RECORDS else "python"
    if engine not in ENGINES:
        raise ValueError(f"unknown dedupe engine {engine!r} (one of auto, {', '.join(ENGINES)})")
    return engine


# ---------------------------------------------------------------- compact features

# fields of strings (or sets and pairs of strings) whose values repeat across records: one object per value
_SHARED_FIELDS = ("doc_id", "registries", "journal", "design", "condition", "cell_types", "institution", "country",
                  "aliases", "orgs", "sponsors", "inst_raw", "sex", "city", "inst_id", "inst_key", "other_insts",
                  "people", "main_alias", "main_sponsor")
# fields of numbers: only their empty value is shared (1 == 1.0: equal numbers may differ in type)
_EMPTY_FIELDS = ("n_total", "n_arms", "n_studies", "infusions", "period_starts", "period_ends")
_EMPTY: frozenset = frozenset()   # type: ignore[type-arg]


class ValueSharer:
    """Makes equal field values of the records one object (a million records' empty frozensets alone are
    3 GB); the values are immutable and equal, so nothing else changes. Called on each record's features as
    they are made, so the copies never pile up."""

    def __init__(self) -> None:
        self.table: dict[object, object] = {}

    def __call__(self, f: Features) -> Features:
        table = self.table
        for name in _SHARED_FIELDS:
            v = getattr(f, name)
            if v is not None:
                setattr(f, name, table.setdefault(v, v))
        for name in _EMPTY_FIELDS:
            if not getattr(f, name):
                setattr(f, name, _EMPTY)
        return f


# ---------------------------------------------------------------- block keys as columns

@dataclass
class KeyColumns:
    """One row per key of a ladder: rule index, record, ladder number, depth and the key's hash."""

    rule: np.ndarray   # int16
    rec: np.ndarray    # int32
    lad: np.ndarray    # int64
    depth: np.ndarray  # int16
    key: np.ndarray    # int64

    def release(self) -> None:
        """Drop the arrays (an engine that copied them into its own table frees their memory)."""
        empty = np.zeros(0, dtype=np.int64)
        self.rule = self.rec = self.lad = self.depth = self.key = empty


# a span's title tokens, compact: (the span's distinct tokens, each token of each record as an index into them,
# the number of tokens per record)
TitleToks = tuple[list[str], np.ndarray, np.ndarray]
KeyChunk = tuple[tuple[np.ndarray, ...], TitleToks]   # what _keys_chunk gives for a span of records


def key_columns(feats: Sequence[Features], jobs: int = 0, chunks: Optional[Sequence[KeyChunk]] = None) -> KeyColumns:
    """The block-key ladders of every record under every rule (the same rules as the Python path).

    Typed arrays, not lists: 17M keys at 1M records would be 3 GB of Python ints. Chunks of records in
    forked workers (a key is ``hash((rule, key))``: the workers share the parent's string hashing);
    ``chunks``: ``_keys_chunk`` of consecutive spans covering every record, already made (by the workers that
    made the features: a rule reads one record's own features only; a list of them is emptied as it is read,
    so that no caller still holding it keeps the arrays alive through the join). The title rule's ladders
    (``_title_key_arrays``) need the whole corpus's token counts: the spans' tokens become one table of
    (record, token number) rows, never a Python list per record (1.2 GB at 1M records).
    """
    n = len(feats)
    if chunks is None:
        step = max(1, min(50_000, -(-n // (4 * jobs_for(jobs)))))
        spans = [(lo, min(n, lo + step)) for lo in range(0, n, step)]
        chunks = fork_map(_keys_chunk, feats, spans, jobs)   # type: ignore[assignment]
    parts: list[tuple[np.ndarray, ...]] = []
    shifts: list[int] = []
    vocab: dict[str, int] = {}
    tok_parts: list[np.ndarray] = []
    count_parts: list[np.ndarray] = []
    lad = 0
    source = _drain(chunks) if isinstance(chunks, list) else chunks
    for cols, (words, ids, counts) in source:   # type: ignore[union-attr]
        parts.append(cols)
        shifts.append(lad)   # ladders are numbered per chunk
        if len(cols[2]):
            lad += int(cols[2][-1]) + 1
        remap = np.fromiter((vocab.setdefault(w, len(vocab)) for w in words), dtype=np.int32, count=len(words))
        tok_parts.append(remap[ids])
        count_parts.append(counts)
    counts = np.concatenate(count_parts) if count_parts else np.zeros(0, dtype=np.int32)
    assert len(counts) == n
    toks = np.concatenate(tok_parts) if tok_parts else np.zeros(0, dtype=np.int32)
    del tok_parts, count_parts
    # token numbers in the tokens' sort order: the Python path breaks ties of rarity by the token itself
    words = list(vocab)
    del vocab
    rank = np.empty(len(words), dtype=np.int32)
    rank[sorted(range(len(words)), key=words.__getitem__)] = np.arange(len(words), dtype=np.int32)
    del words
    toks = rank[toks]
    del rank
    rec = np.repeat(np.arange(n, dtype=np.int32), counts)
    years = np.fromiter((f.year or 0 for f in feats), dtype=np.int64, count=n)
    parts.append(_title_key_arrays(rec, toks, years, RULE_NAMES.index("title"), lad))
    shifts.append(0)
    return _joined(parts, shifts)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser (uint64, wrapping): a well-spread hash of 64-bit integers."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _title_key(kind: int, a: np.ndarray, b: np.ndarray, year: np.ndarray) -> np.ndarray:
    """The int64 key of (kind, token a, token b, year) (b -1: no second token; year 0: the coarse key)."""
    with np.errstate(over="ignore"):
        h = _mix(np.uint64((0x9E3779B97F4A7C15 + kind) % 2**64) ^ a.astype(np.uint64))
        h = _mix(h ^ (b.astype(np.int64) + 1).astype(np.uint64))
        h = _mix(h ^ year.astype(np.uint64))
    return h.view(np.int64)


def _first_per_record(rec: np.ndarray, df: np.ndarray, tok: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(row indexes, position 0..k-1) of each record's ``k`` rows of lowest (df, token), in that order."""
    order = np.lexsort((tok, df, rec))
    r = rec[order]
    start = np.ones(len(r), dtype=np.bool_)
    start[1:] = r[1:] != r[:-1]
    first = np.maximum.accumulate(np.where(start, np.arange(len(r)), 0))
    pos = np.arange(len(r)) - first
    keep = pos < k
    return order[keep], pos[keep]


def _title_key_arrays(rec: np.ndarray, tok: np.ndarray, years: np.ndarray, rule: int,
                      lad: int) -> tuple[np.ndarray, ...]:
    """``blocking._title_ladders`` as key arrays, from (record, token) rows (tokens numbered in their sort
    order, each once per record): per record its ``TITLE_BLOCK_TOKENS`` rarest tokens in 2..``TITLE_TOKEN_MAX_DF``
    records, then the year; and the pair of its two rarest tokens (in two records or more) when even the rarest
    one's block may not fit the cap. Ladders numbered from ``lad``."""
    max_df, k = settings.TITLE_TOKEN_MAX_DF, settings.TITLE_BLOCK_TOKENS
    fits = min(max_df, settings.MAX_BLOCK_SIZE)
    df = np.bincount(tok).astype(np.int64)[tok] if len(tok) else np.zeros(0, dtype=np.int64)
    usable = np.nonzero((df >= 2) & (df <= max_df))[0]
    sel, _ = _first_per_record(rec[usable], df[usable], tok[usable], k)
    one_rec, one_tok = rec[usable][sel].astype(np.int64), tok[usable][sel].astype(np.int64)
    del usable, sel
    common = np.nonzero(df >= 2)[0]
    sel, pos = _first_per_record(rec[common], df[common], tok[common], 2)
    r2, t2, d2 = rec[common][sel], tok[common][sel], df[common][sel]
    del common, sel
    # pos 0 rows whose record has a pos 1 row right after (the sort keeps a record's rows together)
    head = np.nonzero((pos[:-1] == 0) & (pos[1:] == 1) & (d2[:-1] > fits))[0] if len(pos) > 1 else np.zeros(0, int)
    two_rec, two_a, two_b = r2[head].astype(np.int64), t2[head].astype(np.int64), t2[head + 1].astype(np.int64)
    no_b = np.full(len(one_rec), -1, dtype=np.int64)
    lads = [(0, one_rec, one_tok, no_b), (1, two_rec, two_a, two_b)]
    rule_p, rec_p, lad_p, depth_p, key_p = [], [], [], [], []
    for kind, r, a, b in lads:
        numbers = lad + np.arange(len(r), dtype=np.int64)
        lad += len(r)
        y = years[r]
        dated = np.nonzero(y > 0)[0]
        rec_p += [r, r[dated]]
        lad_p += [numbers, numbers[dated]]
        depth_p += [np.zeros(len(r), dtype=np.int16), np.ones(len(dated), dtype=np.int16)]
        key_p += [_title_key(kind, a, b, np.zeros(len(r), dtype=np.int64)), _title_key(kind, a[dated], b[dated], y[dated])]
    rec_a = np.concatenate(rec_p).astype(np.int32)
    return (np.full(len(rec_a), rule, dtype=np.int16), rec_a, np.concatenate(lad_p), np.concatenate(depth_p),
            np.concatenate(key_p))


def _joined(parts: list[tuple[np.ndarray, ...]], shifts: list[int]) -> KeyColumns:
    """The parts' arrays end to end (each part's ladder numbers shifted by its shift), each part dropped from
    ``parts`` once copied: the keys are held about once, not twice, at the peak."""
    total = sum(len(p[0]) for p in parts)
    out = [np.empty(total, dtype=a.dtype) for a in parts[0]]
    at = 0
    for cols, shift in zip(_drain(parts), shifts):
        m = len(cols[0])
        for k in range(5):
            out[k][at:at + m] = cols[k]
        if shift:
            out[2][at:at + m] += shift
        at += m
        del cols
    return KeyColumns(*out)


def _drain(items: list[T]) -> Iterator[T]:
    """A list's items in order, each dropped from the list as it is taken."""
    items.reverse()
    while items:
        yield items.pop()


def _ladder_arrays(rules: Sequence[tuple[int, Rule]], feats: Sequence[Features], lo: int, hi: int, at: int = 0,
                   lad: int = 0) -> tuple[np.ndarray, ...]:
    """(rule, rec, lad, depth, key) arrays of records ``lo`` to ``hi`` under ``rules`` (rule index, rule), rule by
    rule; a record's index is its position plus ``at``; ladders numbered from ``lad``. Only the keys are appended
    one by one; the other columns follow from each ladder's length."""
    key_a, len_a, rule_l, rec_l = array("q"), array("i"), array("h"), array("i")
    add_keys, add_len, add_rule, add_rec = key_a.extend, len_a.append, rule_l.append, rec_l.append
    for r, fn in rules:
        for i in range(lo, hi):
            for ladder in fn(feats[i]):
                if ladder:
                    add_keys([hash((r, k)) for k in ladder])
                    add_len(len(ladder)); add_rule(r); add_rec(i + at)
    lens = np.frombuffer(len_a, dtype=np.int32)
    starts = np.cumsum(lens) - lens
    depth = (np.arange(len(key_a), dtype=np.int64) - np.repeat(starts, lens)).astype(np.int16)
    return (np.repeat(np.frombuffer(rule_l, dtype=np.int16), lens), np.repeat(np.frombuffer(rec_l, dtype=np.int32), lens),
            np.repeat(np.arange(lad, lad + len(lens), dtype=np.int64), lens), depth,
            np.frombuffer(key_a, dtype=np.int64))


# the rules made in Python (the title rule's ladders need the whole corpus: ``_title_key_arrays``)
_PY_RULES = [(r, RULES[name]) for r, name in enumerate(RULE_NAMES) if name != "title"]


def _keys_chunk(feats: Sequence[Features], span: tuple[int, int], at: int = 0) -> KeyChunk:
    """The key arrays of records ``span`` under every rule but the title's (ladders numbered from 0), and the
    records' title tokens (the title rule needs the whole corpus's token counts); ``at``: the index the first
    record of ``feats`` has in the run (when ``feats`` holds the span's records alone)."""
    lo, hi = span
    cols = _ladder_arrays(_PY_RULES, feats, lo, hi, at)
    words: dict[str, int] = {}
    ids = array("i")
    counts = array("i")
    for i in range(lo, hi):
        ts = title_tokens(feats[i].title) if feats[i].title else []
        ids.extend([words.setdefault(t, len(words)) for t in ts])
        counts.append(len(ts))
    return cols, (list(words), np.frombuffer(ids, dtype=np.int32), np.frombuffer(counts, dtype=np.int32))


def rule_table() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rule index, block cap, star flag) per rule."""
    caps = [settings.MAX_WEAK_BLOCK_SIZE if n in WEAK_RULES else settings.MAX_BLOCK_SIZE for n in RULE_NAMES]
    return (np.arange(len(RULE_NAMES), dtype=np.int16), np.asarray(caps, dtype=np.int32),
            np.asarray([n in STAR_RULES for n in RULE_NAMES], dtype=np.bool_))


# The blocking query, the same text for DuckDB and Spark SQL. ``keys(rule, rec, lad, depth, k)`` and
# ``rules(rule, cap, star)``. A ladder's block is its first key whose block (distinct records) fits the
# cap: blocks only shrink with depth, so that is where blocking._emit stops splitting.
BLOCK_SQL = """
WITH sz AS (SELECT k, COUNT(DISTINCT rec) AS n FROM keys GROUP BY k),
kk AS (
  SELECT keys.rule, keys.rec, keys.lad, keys.depth, keys.k, sz.n, rules.cap, rules.star,
         LAG(sz.n) OVER (PARTITION BY keys.lad ORDER BY keys.depth) AS parent_n
  FROM keys JOIN sz ON keys.k = sz.k JOIN rules ON keys.rule = rules.rule
),
chosen AS (
  SELECT DISTINCT rule, rec, k FROM kk
  WHERE n >= 2 AND n <= cap AND (depth = 0 OR parent_n > cap)
),
star AS (SELECT DISTINCT rule, rec, k FROM kk WHERE star AND depth = 0 AND n > cap),
star_first AS (SELECT k, MIN(rec) AS first FROM star GROUP BY k)
SELECT DISTINCT i, j FROM (
  SELECT a.rec AS i, b.rec AS j FROM chosen a JOIN chosen b ON a.k = b.k AND a.rec < b.rec
  UNION ALL
  SELECT f.first AS i, s.rec AS j FROM star s JOIN star_first f ON s.k = f.k WHERE s.rec > f.first
) p
"""

def sort_pairs(i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs in the Python path's order (by i, then j)."""
    order = np.lexsort((j, i))
    return i[order].astype(np.int64), j[order].astype(np.int64)


# ---------------------------------------------------------------- columns of the features

def _ids(values: Sequence[object]) -> np.ndarray:
    """Dense ids of values (0: missing/empty)."""
    table: dict[object, int] = {}
    out = np.zeros(len(values), dtype=np.int64)
    for n, v in enumerate(values):
        if v:
            out[n] = table.setdefault(v, len(table) + 1)
    return out


def _org_key(f: Features) -> Optional[tuple]:   # type: ignore[type-arg]
    """Everything compare._organisations reads of one record (None: it names no organisation)."""
    if not (f.orgs or f.inst_raw or f.sponsors or f.city or f.other_insts):
        return None
    return (f.orgs, f.inst_raw, f.institution, f.inst_id, f.inst_key, f.other_insts, f.sponsors, f.main_sponsor,
            f.aliases, f.city)


def _org_profiles(feats: Sequence[Features]) -> tuple[np.ndarray, tuple[Features, ...]]:
    """(profile id per record, one record per profile): records alike in what _organisations reads."""
    table: dict[tuple, int] = {}   # type: ignore[type-arg]
    reps: list[Features] = []
    out = np.zeros(len(feats), dtype=np.int64)
    for n, f in enumerate(feats):
        key = _org_key(f)
        if key is None:
            continue
        k = table.get(key)
        if k is None:
            k = table[key] = len(reps) + 1
            reps.append(f)
        out[n] = k
    return out, tuple(reps)


def _names(values: Sequence[Optional[str]]) -> tuple[str, ...]:
    """The distinct non-empty values in first-seen order (id - 1 of ``_ids`` -> value)."""
    return tuple(dict.fromkeys(v for v in values if v))


def _wmax(*names: object) -> float:
    """The highest of these weights (a number given stands for itself)."""
    return max(W[n] if isinstance(n, str) else float(n) for n in names)   # type: ignore[index, arg-type]


def _pos(x: float) -> float:
    return max(0.0, x)


@dataclass
class Columns:
    """The per-record columns the first-pass scorer reads."""

    doc: np.ndarray
    doi: np.ndarray
    pmid: np.ndarray
    pmcid: np.ndarray
    nreg: np.ndarray
    title: np.ndarray       # object array of str
    tlen: np.ndarray
    tcjk: np.ndarray
    tspace: np.ndarray
    journal: np.ndarray
    jraw: np.ndarray
    year: np.ndarray
    month: np.ndarray
    day: np.ndarray
    design: np.ndarray      # index into designs (0: none)
    condition: np.ndarray
    cond_open: np.ndarray
    cells: np.ndarray       # index into cell sets (0: none)
    n_one: np.ndarray       # the single total when a record gives exactly one and no arms, else -1
    n_any: np.ndarray       # gives any total or arms
    n_w: np.ndarray         # _n_weight of the single total
    n_studies: np.ndarray
    hba1c: np.ndarray
    hba1c_pairs: np.ndarray
    doses: np.ndarray
    follow_up: np.ndarray
    infusions: np.ndarray
    intervals: np.ndarray
    context: np.ndarray
    inst: np.ndarray        # names any institution (table organisation, own, other)
    sponsors: np.ndarray
    city: np.ndarray
    country: np.ndarray
    aliases: np.ndarray
    people: np.ndarray
    has_profile: np.ndarray
    age: np.ndarray
    sex: np.ndarray
    duration: np.ndarray
    insulin_free: np.ndarray
    procedure_year: np.ndarray
    gene_edited: np.ndarray
    design_w: np.ndarray    # [D, D] the design signal's weight (upper bound where it depends on more)
    design_hard: np.ndarray  # [D, D] a hard design contradiction
    synth: np.ndarray       # [D] a synthesis design
    cells_w: np.ndarray     # [C, C] the cell-type signal's weight
    cells_hard: np.ndarray  # [C, C] incompatible cell types
    hba1c_v: np.ndarray     # [N, K] the HbA1c values, NaN-padded (NaN row: more than K values)
    follow_v: np.ndarray    # [N, K] the follow-up days, NaN-padded
    totals_v: Optional[np.ndarray] = None   # [N, K] the cohort totals, NaN-padded (NaN row: more than K)
    arms_v: Optional[np.ndarray] = None     # [N, K] the arm sizes, likewise
    arm_sum: Optional[np.ndarray] = None    # [N] the sum of two or more arms, else NaN
    n_over: Optional[np.ndarray] = None     # [N] more totals or arms than the padded columns hold
    journal_names: tuple[str, ...] = ()     # journal id - 1 -> its canonical name
    n_total_w: Optional[np.ndarray] = None  # [N] the highest _n_weight of the record's totals (0: none)
    org_prof: Optional[np.ndarray] = None   # [N] id of the record's organisations profile (0: names none)
    org_feats: tuple[Features, ...] = ()    # org_prof - 1 -> a record with that profile


def columns(feats: Sequence[Features]) -> Columns:
    """Columns of the features (one pass over the records)."""
    from .compare import cells_compatible

    n = len(feats)
    a = np.asarray
    designs = ["", *sorted(set(settings.DESIGN_GROUP) | {f.design for f in feats if f.design})]
    d_ix = {d: k for k, d in enumerate(designs)}
    cellsets: dict[frozenset[str], int] = {frozenset(): 0}
    for f in feats:
        cellsets.setdefault(f.cell_types, len(cellsets))
    group = settings.DESIGN_GROUP
    D = len(designs)
    design_w = np.zeros((D, D)); design_hard = np.zeros((D, D), dtype=np.bool_)
    synth = np.zeros(D, dtype=np.bool_)
    for x in range(1, D):
        synth[x] = group.get(designs[x]) == "synthesis"
        for y in range(1, D):
            dx, dy = designs[x], designs[y]
            gx, gy = group.get(dx), group.get(dy)
            if frozenset({gx, gy}) in settings.DESIGN_HARD:
                design_hard[x, y] = True
            elif dx == dy:
                design_w[x, y] = W["design_equal"]
            else:
                near = W["design_near"] if frozenset({dx, dy}) in settings.DESIGN_NEAR else W["design_far"]
                if frozenset({dx, dy}) in settings.DESIGN_ONE_PATIENT:   # depends on the cohorts: bound
                    near = max(near, W["design_one_patient"])
                design_w[x, y] = near
    sets = list(cellsets)
    C = len(sets)
    if C <= 3000:
        cells_w = np.zeros((C, C)); cells_hard = np.zeros((C, C), dtype=np.bool_)
        for x in range(1, C):
            for y in range(1, C):
                sx, sy = sets[x], sets[y]
                if sx & sy:
                    cells_w[x, y] = W["cell_type_equal"]
                elif cells_compatible(sx, sy):
                    cells_w[x, y] = W["cell_type_compatible"]
                else:
                    cells_w[x, y] = W["cell_type_differ"]
                    cells_hard[x, y] = True   # unless both are syntheses (checked per pair)
    else:   # too many distinct sets for a table: the highest weight, no contradiction
        cells_w = np.full((C, C), _wmax("cell_type_equal", "cell_type_compatible", "cell_type_differ"))
        cells_w[0, :] = 0; cells_w[:, 0] = 0
        cells_hard = np.zeros((C, C), dtype=np.bool_)
    titles = np.empty(n, dtype=object)
    titles[:] = [f.title for f in feats]
    org_prof, org_feats = _org_profiles(feats)
    n_one = np.full(n, -1, dtype=np.int64)
    n_w = np.zeros(n)
    for k, f in enumerate(feats):
        if len(f.n_total) == 1 and not f.n_arms:
            v = next(iter(f.n_total))
            n_one[k] = v
            n_w[k] = _n_weight(v, f.tf)
    return Columns(
        hba1c_v=_padded([f.hba1c for f in feats]), follow_v=_padded([f.follow_up for f in feats]),
        totals_v=_padded([sorted(f.n_total) for f in feats]), arms_v=_padded([sorted(f.n_arms) for f in feats]),
        arm_sum=a([sum(f.n_arms) if len(f.n_arms) >= 2 else np.nan for f in feats], dtype=np.float64),
        n_over=a([len(f.n_total) > PAD or len(f.n_arms) > PAD for f in feats], dtype=np.bool_),
        n_total_w=a([max((_n_weight(v, f.tf) for v in f.n_total), default=0.0) for f in feats], dtype=np.float64),
        org_prof=org_prof, org_feats=org_feats,
        journal_names=_names([f.journal for f in feats]),
        doc=_ids([f.doc_id for f in feats]),
        doi=_ids([f.doi for f in feats]), pmid=_ids([f.pmid for f in feats]), pmcid=_ids([f.pmcid for f in feats]),
        nreg=a([len(f.registries) for f in feats], dtype=np.int32),
        title=titles, tlen=a([len(f.title) for f in feats], dtype=np.int32),
        tcjk=a([f.title_cjk for f in feats], dtype=np.bool_),
        tspace=a([" " in f.title for f in feats], dtype=np.bool_),
        journal=_ids([f.journal for f in feats]),
        jraw=a([bool(f.journal and f.journal.startswith("raw:")) for f in feats], dtype=np.bool_),
        year=a([f.year or 0 for f in feats], dtype=np.int64), month=a([f.month or 0 for f in feats], dtype=np.int64),
        day=a([f.day or 0 for f in feats], dtype=np.int64),
        design=a([d_ix[f.design] if f.design else 0 for f in feats], dtype=np.int64),
        condition=_ids([f.condition for f in feats]),
        cond_open=a([f.condition in settings.CONDITION_OPEN for f in feats], dtype=np.bool_),
        cells=a([cellsets[f.cell_types] for f in feats], dtype=np.int64),
        n_one=n_one, n_w=n_w,
        n_any=a([bool(f.n_total or f.n_arms) for f in feats], dtype=np.bool_),
        n_studies=a([bool(f.n_studies) for f in feats], dtype=np.bool_),
        hba1c=a([len(f.hba1c) for f in feats], dtype=np.int64),
        hba1c_pairs=a([bool(f.hba1c_pairs) for f in feats], dtype=np.bool_),
        doses=a([bool(f.doses) for f in feats], dtype=np.bool_),
        follow_up=a([bool(f.follow_up) for f in feats], dtype=np.bool_),
        infusions=a([bool(f.infusions) for f in feats], dtype=np.bool_),
        intervals=a([bool(f.intervals) for f in feats], dtype=np.bool_),
        context=a([bool(f.context) for f in feats], dtype=np.bool_),
        inst=a([bool(f.orgs or f.inst_raw or f.other_insts) for f in feats], dtype=np.bool_),
        sponsors=a([bool(f.sponsors) for f in feats], dtype=np.bool_),
        city=_ids([f.city for f in feats]), country=_ids([f.country for f in feats]),
        aliases=a([bool(f.aliases) for f in feats], dtype=np.bool_),
        people=a([bool(f.people) for f in feats], dtype=np.bool_),
        has_profile=a([f.has_profile for f in feats], dtype=np.bool_),
        age=a([f.age is not None for f in feats], dtype=np.bool_),
        sex=a([bool(f.sex) for f in feats], dtype=np.bool_),
        duration=a([f.duration is not None for f in feats], dtype=np.bool_),
        insulin_free=a([f.insulin_free is not None for f in feats], dtype=np.bool_),
        procedure_year=a([bool(f.procedure_year) for f in feats], dtype=np.bool_),
        gene_edited=a([f.gene_edited for f in feats], dtype=np.bool_),
        design_w=design_w, design_hard=design_hard, synth=synth, cells_w=cells_w, cells_hard=cells_hard,
    )


PAD = 6   # values per record kept as columns (more: bounded, not compared)


def _padded(values: Sequence[Sequence[float]]) -> np.ndarray:
    """[N, K] values, NaN-padded (a NaN row: none, or more than PAD); K is the most any row of at most PAD
    values gives (at least 1): columns of NaN alone would only make the pairwise comparisons wider."""
    width = max((len(vs) for vs in values if len(vs) <= PAD), default=1) or 1
    out = np.full((len(values), width), np.nan)
    for k, vs in enumerate(values):
        if 0 < len(vs) <= PAD:
            out[k, :len(vs)] = vs
    return out


def _matchable(x: np.ndarray, y: np.ndarray, abs_tol: float, rel_tol: float = 0.0) -> np.ndarray:
    """Per pair: an upper bound of the one-to-one matches between two padded value rows (values of one
    side that have a partner within the tolerance, counted on the side with fewer)."""
    d = np.abs(x[:, :, None] - y[:, None, :])
    if rel_tol:
        ok = d <= np.maximum(abs_tol, rel_tol * np.maximum(np.abs(x[:, :, None]), np.abs(y[:, None, :])))
    else:
        ok = d <= abs_tol   # NaN compares False
    return np.minimum(ok.any(axis=2).sum(axis=1), ok.any(axis=1).sum(axis=1))


def _pair_matches(v: np.ndarray, i: np.ndarray, j: np.ndarray, mask: np.ndarray, abs_tol: float,
                  rel_tol: float = 0.0, chunk: int = 250_000) -> np.ndarray:
    """_matchable for the masked pairs (others: -1); a record with more than PAD values gives PAD."""
    out = np.full(len(i), -1, dtype=np.int64)
    idx = np.nonzero(mask)[0]
    for k in range(0, len(idx), chunk):
        sub = idx[k:k + chunk]
        x, y = v[i[sub]], v[j[sub]]
        m = _matchable(x, y, abs_tol, rel_tol)
        over = np.isnan(x[:, 0]) | np.isnan(y[:, 0])   # more than PAD values: not compared
        out[sub] = np.where(over, PAD, m)
    return out


# ---------------------------------------------------------------- the first-pass scorer

def _title_similarity(ta: np.ndarray, tb: np.ndarray, space: np.ndarray) -> np.ndarray:
    """normalise.title_similarity over pairs of titles, on all cores (rapidfuzz)."""
    from rapidfuzz import fuzz, process

    s = np.zeros(len(ta))
    if len(ta) == 0:
        return s
    s[:] = process.cpdist(list(ta), list(tb), scorer=fuzz.ratio, workers=-1)
    if space.any():
        idx = np.nonzero(space)[0]
        t = process.cpdist(list(ta[idx]), list(tb[idx]), scorer=fuzz.token_sort_ratio, workers=-1)
        s[idx] = np.maximum(s[idx], t)
    return s


def _is_prefix(a: str, b: str) -> bool:
    """compare._title's prefix test: one title is the other cut at a non-alphanumeric character."""
    if len(a) > len(b):
        a, b = b, a
    return len(b) > len(a) and b.startswith(a) and not b[len(a)].isalnum()


def _journal_weight(a: str, b: str) -> float:
    """compare's journal signal of two canonical names (0.0: none), by the exact comparison itself."""
    from .compare import _journal_date

    sig: list[Sig] = []
    fa, fb = _JOURNAL_PAIR
    fa.journal, fb.journal = a, b
    _journal_date(fa, fb, sig)
    return float(sig[0][1]) if sig else 0.0


_JOURNAL_PAIR = (Features(rid="", doc_id=""), Features(rid="", doc_id=""))   # (only their journal is read)


def _journal_weights(names: Sequence[str], ji: np.ndarray, jj: np.ndarray, both: np.ndarray) -> np.ndarray:
    """The exact journal signal per pair, computed once per distinct pair of journals."""
    out = np.zeros(len(ji))
    if not both.any():
        return out
    width = len(names) + 1
    lo, hi = np.minimum(ji[both], jj[both]), np.maximum(ji[both], jj[both])   # (the signal is symmetric)
    codes = lo * width + hi
    uniq, inv = np.unique(codes, return_inverse=True)
    table = np.array([_journal_weight(names[u // width - 1], names[u % width - 1]) for u in uniq.tolist()])
    out[both] = table[inv]
    return out


def _any_equal(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per row: any value of x equal to any value of y (NaN pads never equal)."""
    if x.ndim == 1:
        x = x[:, None]
    if y.ndim == 1:
        y = y[:, None]
    return (x[:, :, None] == y[:, None, :]).any(axis=(1, 2))


def _cohort_may_match(c: Columns, i: np.ndarray, j: np.ndarray, mask: np.ndarray,
                      chunk: int = 500_000) -> np.ndarray:
    """Per pair: whether compare._cohort could find a shared number (a record with more than PAD values: yes)."""
    out = np.zeros(len(i), dtype=np.bool_)
    idx = np.nonzero(mask)[0]
    tv, av, s = c.totals_v, c.arms_v, c.arm_sum
    assert tv is not None and av is not None and s is not None
    over = c.n_over
    assert over is not None
    for k in range(0, len(idx), chunk):
        sub = idx[k:k + chunk]
        a, b = i[sub], j[sub]
        ta, tb, aa, ab = tv[a], tv[b], av[a], av[b]
        out[sub] = (over[a] | over[b] | _any_equal(ta, tb) | _any_equal(ta, s[b]) | _any_equal(tb, s[a])
                    | _any_equal(aa, ab) | _any_equal(ta, ab) | _any_equal(tb, aa))
    return out


def _org_weights(c: Columns, i: np.ndarray, j: np.ndarray, mask: np.ndarray,
                 max_share: float = 0.5) -> Optional[tuple[np.ndarray, np.ndarray]]:
    """compare._organisations exactly, once per distinct pair of organisation profiles: (institution and
    sponsor weight, city weight) per pair; None when the distinct pairs are too many to be worth it."""
    from .compare import _organisations

    if c.org_prof is None or not c.org_feats:
        return None
    who, city = np.zeros(len(i)), np.zeros(len(i))
    idx = np.nonzero(mask)[0]
    if not len(idx):
        return who, city
    width = len(c.org_feats) + 1
    codes = c.org_prof[i[idx]] * width + c.org_prof[j[idx]]
    uniq, inv = np.unique(codes, return_inverse=True)
    if len(uniq) > max_share * len(idx):
        return None
    tw, tc = np.zeros(len(uniq)), np.zeros(len(uniq))
    feats = c.org_feats
    for k, u in enumerate(uniq.tolist()):
        sig: list[Sig] = []
        _organisations(feats[u // width - 1], feats[u % width - 1], sig)
        for name, w, _ in sig:
            if name == "city":
                tc[k] += w
            else:
                tw[k] += w
    who[idx], city[idx] = tw[inv], tc[inv]
    return who, city


def upper_bounds(c: Columns, i: np.ndarray, j: np.ndarray, exact: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(score bound, certain contradiction) per pair: the bound is never below ``signals``' score.

    ``exact`` False skips the parts computed pair by pair in Python (the title prefix test, the journal and
    organisation signals per distinct pair): a looser bound, for a first cut of many pairs.
    """
    m = len(i)
    ub = np.zeros(m)
    ident = np.zeros(m)   # the identifying part (decides profile_only)

    def add(mask: np.ndarray, w, identifying: bool = True) -> None:
        nonlocal ub, ident
        val = np.where(mask, w, 0.0)
        ub += val
        if identifying:
            ident += np.maximum(val, 0.0)

    # identifiers
    doi_eq = (c.doi[i] > 0) & (c.doi[i] == c.doi[j])
    pmid_eq = (c.pmid[i] > 0) & (c.pmid[i] == c.pmid[j])
    pmcid_eq = (c.pmcid[i] > 0) & (c.pmcid[i] == c.pmcid[j])
    id_conf = (((c.doi[i] > 0) & (c.doi[j] > 0) & ~doi_eq) | ((c.pmid[i] > 0) & (c.pmid[j] > 0) & ~pmid_eq)
               | ((c.pmcid[i] > 0) & (c.pmcid[j] > 0) & ~pmcid_eq))
    both_reg = (c.nreg[i] > 0) & (c.nreg[j] > 0)
    add(doi_eq, W["doi_equal"]); add(pmid_eq, W["pmid_equal"]); add(pmcid_eq, W["pmid_equal"])
    add(both_reg, _wmax("registry_equal", "registry_disjoint"))
    add(id_conf & both_reg, _pos(W["publication_differs"]))
    add(doi_eq | pmid_eq | pmcid_eq, _pos(W["contradiction_overridden"]), identifying=False)
    # hard contradictions that no shared publication id overrides for certain
    ci, cj = c.condition[i], c.condition[j]
    cond_conf = (ci > 0) & (cj > 0) & (ci != cj) & ~c.cond_open[i] & ~c.cond_open[j]
    design_conf = c.design_hard[c.design[i], c.design[j]]
    cell_conf = c.cells_hard[c.cells[i], c.cells[j]] & ~(c.synth[c.design[i]] & c.synth[c.design[j]])
    decisive_possible = doi_eq | pmid_eq | pmcid_eq
    contra = (id_conf & ~both_reg) | ((cond_conf | design_conf | cell_conf) & ~decisive_possible)
    # title
    comparable = (c.tlen[i] > 0) & (c.tlen[j] > 0) & (c.tcjk[i] == c.tcjk[j])
    short = np.minimum(c.tlen[i], c.tlen[j])
    comparable &= short >= np.where(c.tcjk[i], settings.TITLE_MIN_LEN_CJK, settings.TITLE_MIN_LEN)
    tw = np.zeros(m)
    idx = np.nonzero(comparable & ~contra)[0]
    if len(idx):
        ta, tb = c.title[i[idx]], c.title[j[idx]]
        same = ta == tb
        sim = _title_similarity(ta, tb, c.tspace[i[idx]] & c.tspace[j[idx]])
        level = np.where(sim >= settings.TITLE_STRONG, W["title_strong"],
                         np.where(sim >= settings.TITLE_WEAK, W["title_weak"], W["title_else"]))
        level = np.where(sim >= settings.TITLE_WEAK, np.maximum(level, W["title_numbers_differ"]), level)
        prefix_min = np.where(c.tcjk[i[idx]], settings.TITLE_PREFIX_MIN_CJK, settings.TITLE_PREFIX_MIN)
        prefix_ok = short[idx] >= prefix_min
        cand = np.nonzero(prefix_ok & ~same)[0] if exact else np.zeros(0, dtype=np.int64)
        if len(cand):   # the prefix test itself (cheap; a length alone made most long titles bound 8)
            prefix_ok[cand] = [_is_prefix(x, y) for x, y in zip(ta[cand].tolist(), tb[cand].tolist())]
        level = np.where(prefix_ok, np.maximum(level, W["title_prefix"]), level)
        tw[idx] = np.where(same, W["title_exact"], level)
    ub += tw
    ident += np.maximum(tw, 0.0)
    # journal and date (profile signals)
    ji, jj = c.journal[i], c.journal[j]
    both_j = (ji > 0) & (jj > 0)
    same_j = both_j & (ji == jj)
    if exact and c.journal_names:
        jw = _journal_weights(c.journal_names, ji, jj, both_j)
    else:
        ri, rj = c.jraw[i], c.jraw[j]
        jw = np.where(same_j, W["journal_equal"],
                      np.where(ri & rj, _wmax("journal_equal", "journal_differ", "journal_family", "journal_differ_unknown"),
                               np.where(ri | rj, _wmax("journal_family", "journal_differ_unknown"),
                                        _wmax("journal_family", "journal_differ"))))
    add(both_j, jw, identifying=False)
    yi, yj = c.year[i], c.year[j]
    both_y = (yi > 0) & (yj > 0)
    mi, mj = c.month[i], c.month[j]
    both_m = (mi > 0) & (mj > 0)
    months = np.abs((yi * 12 + mi) - (yj * 12 + mj))
    gap = np.abs(yi - yj)
    same_day = both_m & (mi == mj) & (c.day[i] > 0) & (c.day[i] == c.day[j])
    dw = np.where(both_m & (months > 0) & (months <= settings.DATE_NEAR_MONTHS), W["date_near"],
                  np.where(gap == 0,
                           np.where(both_m & (mi == mj), np.where(same_day, W["date_day"], W["date_month"]),
                                    np.where(both_m, W["date_month_differs"], W["date_year"])),
                           np.where(gap == 1, W["date_year_off1"], W["date_far"])))
    dw = np.where(both_y, dw, 0.0)
    ub += dw
    date_ident = (dw >= W["date_day"]) & (dw > 0)
    # cohort size: exact when each gives one total and no arms, else the highest weight it could reach
    one = (c.n_one[i] >= 0) & (c.n_one[j] >= 0)
    ni, nj = c.n_one[i], c.n_one[j]
    lo, hi = np.minimum(ni, nj), np.maximum(ni, nj)
    far = (lo > 2) & (hi > settings.N_TOTAL_FAR_RATIO * lo)
    close = (hi / np.maximum(lo, 1)) <= settings.N_TOTAL_CLOSE_RATIO
    nw_one = np.where(ni == nj, c.n_w[i],
                      np.where(far, W["n_total_far"], np.where(close, W["n_total_close"], W["n_total_differ"])))
    n_bound = max(W["n_total_equal_cap"], W["n_arm_cap"], 0.0) + _pos(W["n_corroborated"])
    n_bound = max(n_bound, W["n_arms_differ"], W["n_total_far"], W["n_total_close"], W["n_total_differ"])
    add(one, nw_one)
    many = ~one & c.n_any[i] & c.n_any[j]
    if c.totals_v is not None and c.n_over is not None:
        # a positive cohort signal needs one shared number (total, arm, a total equal to the arms' sum or to
        # an arm); without any only the negative levels (or none) remain
        shared = _cohort_may_match(c, i, j, many)
        # a shared total weighs _n_weight of a total of either side; shared arms at most n_arm_cap, a total
        # equal to an arm half a total's cap
        nb = np.maximum(np.maximum(c.n_total_w[i], c.n_total_w[j]),   # type: ignore[index]
                        np.where((c.arms_v[i, 0] > 0) & (c.arms_v[j, 0] > 0), W["n_arm_cap"], 0.0))   # type: ignore[index]
        nb = np.maximum(nb, settings.N_SUBGROUP_FACTOR * W["n_total_equal_cap"]) + _pos(W["n_corroborated"])
        nb = np.where(c.n_over[i] | c.n_over[j] | np.isnan(c.arms_v[i, 0]) | np.isnan(c.arms_v[j, 0]),   # type: ignore[index]
                      n_bound, np.minimum(nb, n_bound))
        add(many & shared, nb)
        add(many & ~shared, _wmax("n_arms_differ", "n_total_far", "n_total_close", "n_total_differ", 0.0))
    else:
        add(many, n_bound)
    add(c.n_studies[i] & c.n_studies[j], _wmax("n_studies_equal", "n_studies_differ"))
    both_hb = (c.hba1c[i] > 0) & (c.hba1c[j] > 0)
    hb = np.minimum(_pair_matches(c.hba1c_v, i, j, both_hb, settings.HBA1C_TOL), np.minimum(c.hba1c[i], c.hba1c[j]))
    hb = np.where(both_hb, hb, 0)
    # hb bounds the shared values: none for certain -> no signal, or "differ" when both give before/after pairs
    hb_none = np.where(c.hba1c_pairs[i] & c.hba1c_pairs[j], W["hba1c_differ"], 0.0)
    hbw = np.where(hb > 0, np.maximum(np.minimum(W["hba1c_cap"], W["hba1c_equal"] * hb), np.maximum(hb_none, 0.0)),
                   hb_none)
    add(both_hb, hbw)
    add(c.doses[i] & c.doses[j], _pos(W["dose_equal"]))
    both_fu = c.follow_up[i] & c.follow_up[j]
    fu = _pair_matches(c.follow_v, i, j, both_fu, settings.DAYS_ABS_TOL, settings.DAYS_REL_TOL)
    add(both_fu & (fu != 0), _pos(W["follow_up_equal"]))
    add(c.infusions[i] & c.infusions[j], _pos(W["infusions_equal"]))
    add(c.intervals[i] & c.intervals[j], _pos(W["interval_equal"]))
    add(c.context[i] & c.context[j], _pos(settings.CONTEXT_CAP))
    # categories
    ub += np.where((ci > 0) & (ci == cj) & ~c.cond_open[i], W["condition_equal"], 0.0)
    ub += np.where((c.cells[i] > 0) & (c.cells[j] > 0), c.cells_w[c.cells[i], c.cells[j]], 0.0)
    add(c.gene_edited[i] & c.gene_edited[j], _pos(W["gene_edited_equal"]), identifying=False)
    both_d = (c.design[i] > 0) & (c.design[j] > 0)
    ub += np.where(both_d & ~design_conf, c.design_w[c.design[i], c.design[j]], 0.0)
    any_org_i = c.inst[i] | c.sponsors[i] | (c.city[i] > 0)
    any_org_j = c.inst[j] | c.sponsors[j] | (c.city[j] > 0)
    orgs = any_org_i & any_org_j
    exact_orgs = _org_weights(c, i, j, orgs) if exact else None
    if exact_orgs is not None:
        who, city = exact_orgs
        add(orgs, who)
        add(orgs, city, identifying=False)
    else:
        add(orgs & c.inst[i] & c.inst[j], _wmax("institution_equal", "institution_related", "institution_named", 0.0))
        # "named": the other institutions of one side against the own or other institutions of the other
        sp = orgs & c.sponsors[i] & c.sponsors[j]
        add(sp, _wmax("sponsor_equal", "sponsor_side", "city_equal", 0.0))
        add(orgs & ~sp & (c.city[i] > 0) & (c.city[i] == c.city[j]), _pos(W["city_equal"]), identifying=False)
    cw = np.where(c.country[i] == c.country[j], W["country_equal"], W["country_differ"])
    ub += np.where((c.country[i] > 0) & (c.country[j] > 0), cw, 0.0)
    add(c.aliases[i] & c.aliases[j], _wmax("alias_equal", "alias_differ", 0.0))
    # one patient's profile
    prof = c.has_profile[i] & c.has_profile[j]
    add(prof & c.age[i] & c.age[j], _wmax("age_equal", "age_differ"))
    add(prof & c.sex[i] & c.sex[j], _wmax("sex_equal", "sex_differ"))
    add(prof & c.duration[i] & c.duration[j], _wmax("duration_equal", "duration_differ"))
    add(prof & c.insulin_free[i] & c.insulin_free[j], _pos(W["insulin_free_equal"]))
    add(prof & c.procedure_year[i] & c.procedure_year[j], _wmax("procedure_year_equal", "procedure_year_differ"))
    add(c.people[i] & c.people[j], _wmax("investigator_equal", "investigator_surname", 0.0))
    ub += np.where(c.doc[i] == c.doc[j], W["same_document"], 0.0)
    nothing = (ident <= 0) & ~date_ident
    ub += np.where(nothing, W["profile_only"], _pos(W["profile_only"]))
    return ub + 0.05, contra   # signals() rounds weights to 0.01


def floors(c: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The lowest score the run keeps per pair: a weak pair across documents, a link within one."""
    cross = min(settings.JOINT_PAIR_FLOOR, settings.LINK_THRESHOLD)
    return np.where(c.doc[i] != c.doc[j], cross, settings.LINK_THRESHOLD)


# ---------------------------------------------------------------- exact scoring on all cores

_FEATS: Optional[Sequence[Features]] = None
_LEAN = False


def _needs_signals(a: Features, b: Features, sig: list[Sig], score: float) -> bool:
    """Whether the run reads this kept pair's signals: a link, a pair within one document, or a near link
    that co-citation may lift (``dedupe._dedupe`` step 3); a weak pair keeps only its score."""
    if score >= settings.LINK_THRESHOLD or a.doc_id == b.doc_id:
        return True
    if score < settings.LINK_THRESHOLD - settings.WEIGHTS["co_cited"]:
        return False
    return sum(w for name, w, _ in sig if name in FACT_SIGNALS and w > 0) >= settings.CO_CITED_MIN_FACTS


def _score_chunk(args: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[Scored4]:
    i, j, floor = args
    feats = _FEATS
    lean = _LEAN
    out: list[Scored4] = []
    for a, b, fl in zip(i.tolist(), j.tolist(), floor.tolist()):
        fa, fb = feats[a], feats[b]   # type: ignore[index]
        sig, level, score = signals(fa, fb)
        if level != "contradiction" and score >= fl:
            if lean and not _needs_signals(fa, fb, sig, score):
                sig = []
            out.append((a, b, sig, level, score))
    return out


def _score_chunk_pickled(args: tuple[np.ndarray, np.ndarray, np.ndarray]) -> list[tuple]:
    """_score_chunk in a worker: weights travel as (value, name) and become ``Weight`` again."""
    return [(a, b, [(n, float(w), getattr(w, "key", None), d) for n, w, d in sig], level, score)
            for a, b, sig, level, score in _score_chunk(args)]


# one Weight object per (value, name) the workers send back (float.hex: -0.0 stays apart from 0.0)
_WEIGHTS: dict[tuple[str, str], Weight] = {}


def _weight(w: float, k: str) -> Weight:
    key = (w.hex(), k)
    hit = _WEIGHTS.get(key)
    if hit is None:
        hit = _WEIGHTS[key] = Weight(w, k)
    return hit


def _unpickle(res: list[tuple]) -> Iterator[Scored4]:
    for a, b, sig, level, score in res:
        yield a, b, [(n, _weight(w, k) if k is not None else w, d) for n, w, k, d in sig], level, score


def exact_scores(feats: Sequence[Features], i: np.ndarray, j: np.ndarray, floor: np.ndarray,
                 jobs: int = 0, lean: bool = False) -> Iterator[Scored4]:
    """``signals`` on the given pairs (in order); only pairs that are no contradiction and reach their floor.

    With more than one core and enough pairs, forked workers share the features (copy-on-write) and
    score chunks in parallel. ``lean``: a weak pair whose signals the run does not read
    (``_needs_signals``) comes with an empty signal list (the score alone crosses the process boundary).
    """
    global _FEATS, _LEAN
    jobs = jobs or min(os.cpu_count() or 1, 8)
    chunk = 20_000
    parts = [(i[k:k + chunk], j[k:k + chunk], floor[k:k + chunk]) for k in range(0, len(i), chunk)]
    _FEATS, _LEAN = feats, lean
    try:
        if jobs > 1 and len(i) > 4 * chunk and "fork" in _mp_methods():
            import multiprocessing as mp
            with mp.get_context("fork").Pool(jobs) as pool:
                for res in pool.imap(_score_chunk_pickled, parts):
                    yield from _unpickle(res)
        else:
            for p in parts:
                yield from _score_chunk(p)
    finally:
        _FEATS, _LEAN = None, False


def _mp_methods() -> list[str]:
    import multiprocessing as mp
    return mp.get_all_start_methods()


# ---------------------------------------------------------------- the engine pass

def engine_pairs(feats: Sequence[Features], engine: str, stats: Optional[BlockStats] = None,
                 *, spark_master: Optional[str] = None,
                 key_chunks: Optional[Sequence[KeyChunk]] = None) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (sorted, unique) from the engine's blocking (``key_chunks``: see ``key_columns``)."""
    clock = Clock(stats)
    keys = key_columns(feats, chunks=key_chunks)
    clock.lap("keys")
    if engine == "duckdb":
        from .duckdb_engine import block_pairs
        i, j, blocks = block_pairs(keys, rule_table())   # (sorted)
    elif engine == "spark":
        from .spark_engine import block_pairs as spark_block_pairs
        i, j, blocks = spark_block_pairs(keys, rule_table(), master=spark_master)
        i, j = sort_pairs(i, j)
    else:
        raise ValueError(engine)
    del keys
    if stats is not None:
        stats.pairs = len(i)
        stats.blocks = blocks
    clock.lap("join")
    return i, j


def scored_pairs(feats: Sequence[Features], engine: str, stats: Optional[BlockStats] = None,
                 *, spark_master: Optional[str] = None, jobs: int = 0,
                 key_chunks: Optional[Sequence[KeyChunk]] = None) -> Iterator[Scored4]:
    """The pairs the run keeps, exactly scored: engine blocking, first-pass bound, exact signals."""
    i, j = engine_pairs(feats, engine, stats, spark_master=spark_master, key_chunks=key_chunks)
    clock = Clock(stats)
    if engine == "spark":
        from .spark_engine import spark_bounds
        ub, contra, c = spark_bounds(feats, i, j, master=spark_master)
    else:
        c = columns(feats)
        ub, contra = _chunked_bounds(c, i, j)
    fl = floors(c, i, j)
    keep = ~contra & (ub >= fl)
    i, j, fl = i[keep], j[keep], fl[keep]
    del ub, contra, keep, c
    if stats is not None:
        stats.per_rule = {**stats.per_rule, "first_pass_kept": len(i)}
    clock.lap("first_pass")
    yield from exact_scores(feats, i, j, fl, jobs=jobs, lean=True)
    clock.lap("exact")


class Clock:
    """Wall and CPU seconds per stage of a run into ``stats.seconds``: ``stage`` (wall), ``stage_cpu`` (this
    process and its finished workers) and ``stage_main`` (this process alone: on a shared machine, what the
    stage's wall time would be without the workers' waits), with the peak RSS so far (benchmarks read them)."""

    def __init__(self, stats: Optional[BlockStats]) -> None:
        self.stats, self.t, self.cpu = stats, time.perf_counter(), _cpu()

    def lap(self, name: str) -> None:
        now, cpu = time.perf_counter(), _cpu()
        if self.stats is not None:
            self.stats.seconds[name] = round(now - self.t, 2)
            self.stats.seconds[name + "_cpu"] = round(cpu[0] + cpu[1] - self.cpu[0] - self.cpu[1], 2)
            self.stats.seconds[name + "_main"] = round(cpu[0] - self.cpu[0], 2)
            self.stats.peak_mb[name] = _peak_mb()
        self.t, self.cpu = now, cpu


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its waited-for children (0 where unknown)."""
    try:
        import resource
    except ImportError:
        return 0.0, 0.0
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime, b.ru_utime + b.ru_stime


def _peak_mb() -> int:
    """This process's peak RSS so far (MB; 0 where unknown)."""
    try:
        import resource
    except ImportError:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _chunked_bounds(c: Columns, i: np.ndarray, j: np.ndarray, chunk: int = 500_000,
                    jobs: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """upper_bounds in chunks (bounded temporary memory) on all cores: the loose bound first, the exact parts
    only for the pairs it keeps."""
    ub = np.empty(len(i)); contra = np.empty(len(i), dtype=np.bool_)
    spans = [(k, min(len(i), k + chunk)) for k in range(0, len(i), chunk)]
    for (lo, hi), (u, x) in zip(spans, fork_map(_bounds_chunk, (c, i, j), spans, jobs)):
        ub[lo:hi], contra[lo:hi] = u, x
    return ub, contra


def _bounds_chunk(state: tuple[Columns, np.ndarray, np.ndarray], span: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    c, i, j = state
    a, b = i[span[0]:span[1]], j[span[0]:span[1]]
    u, x = upper_bounds(c, a, b, exact=False)
    keep = np.nonzero(~x & (u >= floors(c, a, b)))[0]
    u[keep], x[keep] = upper_bounds(c, a[keep], b[keep])
    return u, x
