"""Blocking: candidate pairs from shared keys, never all pairs.

Each rule gives a record a list of keys from coarse to fine. A block (records sharing a coarse
key) larger than ``MAX_BLOCK_SIZE`` is split by the next finer key and, when no finer key is
left, skipped; identifier blocks are decisive on their own, so an oversized one is linked as a
star (every member against its first) instead. Cost therefore grows with the number of records
times the block cap, not with the square of the corpus. A rule may split its oversized blocks by
alternative paths too (``ALT_PATHS``), so a record that lacks the main ladder's next part is not
lost to the whole block.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable, Iterator, Optional

from . import settings
from .compare import Features
from .institutions import romanised_keys
from .normalise import title_tokens

Key = tuple[Hashable, ...]
# a rule maps one record to zero or more key ladders (coarse key first)
Rule = Callable[[Features], Iterable[list[Key]]]


@dataclass
class BlockStats:
    """What blocking did, for benchmarks and for tuning the caps."""

    blocks: int = 0
    split: int = 0
    skipped: int = 0
    skipped_records: int = 0
    star: int = 0
    pairs: int = 0
    per_rule: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)   # wall time per engine stage (engine.py)
    peak_mb: dict[str, int] = field(default_factory=dict)     # the process's peak RSS at the end of each stage


def _ladder(*parts: Optional[Hashable]) -> list[Key]:
    """Keys of growing length, stopping at the first missing part (it cannot refine)."""
    out: list[Key] = []
    for i in range(1, len(parts)):
        if parts[i] is None:
            break
        out.append(tuple(parts[:i + 1]))
    return out


def _alt(coarse: Key, path: list[tuple[str, Optional[Hashable]]]) -> list[Key]:
    """A ladder from ``coarse`` refined by the named parts of ``path`` (stopping at the first missing one);
    empty when the first is missing."""
    out: list[Key] = [coarse]
    for name, value in path:
        if value is None:
            break
        out.append((*out[-1], (name, value)))
    return out if len(out) > 1 else []


# the parts an alternative path may refine by
PARTS: dict[str, Callable[[Features], Optional[Hashable]]] = {
    "journal": lambda f: f.journal,
    "year": lambda f: f.year,
    "cell": lambda f: min(f.cell_types) if f.cell_types else None,
    "cond": lambda f: f.condition,
    "design": lambda f: f.design,
}


def _with_alternatives(name: str, rule: Rule) -> Rule:
    """``rule`` plus, for each of its ladders, the alternative paths of ``ALT_PATHS[name]`` from its coarse key.

    A block too large for the cap is split by the ladder's next part; a record without that part (no year, no
    day) is then lost to every record of the block. An alternative path splits the same block by other parts, so
    two records that share any of them still meet. Where the coarse block fits the cap (every annotated set)
    the alternatives add no pair: they start from the same coarse key.
    """
    paths = ALT_PATHS.get(name)
    if not paths:
        return rule

    def with_alternatives(f: Features) -> Iterator[list[Key]]:
        ladders = list(rule(f))
        yield from ladders
        if not any(ladders):
            return
        refine = [[(p, PARTS[p](f)) for p in path] for path in paths]
        for ladder in ladders:
            if ladder:
                for path in refine:
                    alt = _alt(ladder[0], path)
                    if alt:
                        yield alt

    return with_alternatives


def _rule_ids(f: Features) -> Iterable[list[Key]]:
    if f.doi:
        yield [("doi", f.doi)]
    if f.pmid:
        yield [("pmid", f.pmid)]
    if f.pmcid:
        yield [("pmcid", f.pmcid)]
    for r in f.registries:
        yield [("reg", r)]


def _rule_alias(f: Features) -> Iterable[list[Key]]:
    for a in f.aliases:
        yield _ladder("alias", a, f.condition, f.year)


def _rule_journal(f: Features) -> Iterable[list[Key]]:
    if f.journal and f.year:
        yield _ladder("jy", f.journal, f.year, f.month, f.day)


def _rule_journal_profile(f: Features) -> Iterable[list[Key]]:
    # reports that omit the date still share the journal and the study's profile
    if f.journal:
        cell = min(f.cell_types) if f.cell_types else None
        yield _ladder("jp", f.journal, cell, f.design, f.condition)


def _rule_cohort(f: Features) -> Iterable[list[Key]]:
    ns = set(f.n_total)
    if len(f.n_arms) >= 2:
        ns.add(sum(f.n_arms))  # a report giving only arms meets the one giving the total
    cell = min(f.cell_types) if f.cell_types else None
    for n in ns:
        yield _ladder("n", n, f.year, cell, f.condition, f.month)


def _rule_arms(f: Features) -> Iterable[list[Key]]:
    if len(f.n_arms) >= 2:
        yield _ladder("arms", tuple(sorted(f.n_arms)), f.condition, f.year)


def _rule_month(f: Features) -> Iterable[list[Key]]:
    if f.year and f.month:
        yield _ladder("ym", (f.year, f.month), f.day, f.design, f.condition)


def _rule_hba1c(f: Features) -> Iterable[list[Key]]:
    # a before/after pair is far more specific than either value
    for pair in f.hba1c_pairs:
        yield _ladder("hb", pair, f.condition, f.year)


def _rule_hba1c_value(f: Features) -> Iterable[list[Key]]:
    # one report gives "9.3% -> 7.1%", another the same values in separate sentences
    # ("9.3% at baseline ... 7.1% at month 6"): single values meet, refined by the study's profile
    cell = min(f.cell_types) if f.cell_types else None
    for v in f.hba1c:
        if v > 0:
            yield _ladder("hbv", v, cell, f.design)


def _rule_context(f: Features) -> Iterable[list[Key]]:
    # only the identifying forms (decimals, non-round percentages) make blocks
    if f.context:
        for k, w in f.context.items():
            if w >= 1.0:
                yield _ladder("ctx", k, f.condition, f.year)


def _rule_institution(f: Features) -> Iterable[list[Key]]:
    if len(f.institution) >= 4:
        yield _ladder("inst", f.institution, f.condition, f.year)


def _rule_institution_key(f: Features) -> Iterable[list[Key]]:
    # a name the table lacks, in two languages: its proper part romanised (淮西医科大学 / Huaixi Medical
    # University meet on "huaixi"; compare.relate_institutions then decides)
    keys = set(f.other_insts) | ({f.inst_key} if f.inst_key and not f.inst_id else set())
    for proper in sorted({k[0] for k in keys}):
        for key in romanised_keys(proper):
            yield _ladder("ikey", key, f.condition, f.year)


def _rule_org(f: Features) -> Iterable[list[Key]]:
    # an institution or sponsor of the bilingual table, in any language
    cell = min(f.cell_types) if f.cell_types else None
    for o in f.orgs | f.sponsors:
        yield _ladder("org", o, f.condition, cell, f.year)


def _rule_person(f: Features) -> Iterable[list[Key]]:
    # an investigator in any script: surname first, then the initial (a surname alone stays coarse)
    for sur, initial in f.people:
        yield _ladder("person", sur, initial or None, f.condition)


def _rule_patient(f: Features) -> Iterable[list[Key]]:
    # one patient retold: age first, then sex and condition
    if f.age is not None:
        yield _ladder("age", f.age, f.sex, f.condition, f.duration)


def _rule_period(f: Features) -> Iterable[list[Key]]:
    # a study period's start month, refined by its end and the condition
    for start in f.period_starts:
        yield _ladder("period", start, min(f.period_ends) if f.period_ends else None, f.condition)


# Alternative paths by which an oversized block of a rule is split too (``_with_alternatives``). Only paths
# whose blocks bring more true links than false ones at scale (benchmarks/dedupe_quality.py, 300k synthetic
# records): a cohort size and a journal (a report without the year meets the one with it). The same month or
# cohort split by cell type, design or follow-up instead brought one to three false links per true one (such
# pairs score a link on look-alike profiles), and other rules' paths brought next to none.
ALT_PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "cohort": (("journal",),),
}

_RULES: dict[str, Rule] = {
    "identifier": _rule_ids,
    "alias": _rule_alias,
    "journal_year": _rule_journal,
    "journal_profile": _rule_journal_profile,
    "cohort": _rule_cohort,
    "arms": _rule_arms,
    "date": _rule_month,
    "hba1c": _rule_hba1c,
    "hba1c_value": _rule_hba1c_value,
    "institution": _rule_institution,
    "organisation": _rule_org,
    "institution_key": _rule_institution_key,
    "patient": _rule_patient,
    "person": _rule_person,
    "period": _rule_period,
    "context": _rule_context,
}
RULES: dict[str, Rule] = {name: _with_alternatives(name, rule) for name, rule in _RULES.items()}
STAR_RULES = frozenset({"identifier"})
# rules whose keys are weak evidence get a smaller block cap (fewer, better pairs)
WEAK_RULES = frozenset({"journal_profile", "cohort", "arms", "date", "hba1c", "hba1c_value", "institution", "context",
                        "organisation", "institution_key", "patient",
                        "person", "period"})


def _title_ladders(feats: list[Features], toks: Optional[list[list[str]]] = None,
                   cap: Optional[int] = None) -> list[list[list[Key]]]:
    """Per record: ladders for its rarest title tokens (rarity counted over this corpus), and one for the pair of
    its two rarest tokens; ``toks``: each record's ``title_tokens`` when already computed.

    A token in more than ``TITLE_TOKEN_MAX_DF`` records is no key alone, but the pair of a title's two rarest
    tokens is: in a large corpus every token of a title may be common (Chinese character bigrams) while their
    pair still identifies it. The pair key is made only when the rarest token's own block may not fit the cap
    (``cap``, the title rule's): otherwise that block already pairs every record sharing the pair.
    """
    if toks is None:
        toks = [title_tokens(f.title) if f.title else [] for f in feats]
    df: Counter[str] = Counter()
    for ts in toks:
        df.update(ts)
    out = []
    k, max_df = settings.TITLE_BLOCK_TOKENS, settings.TITLE_TOKEN_MAX_DF
    fits = min(max_df, cap or settings.MAX_BLOCK_SIZE)   # a token in no more records is a key whose block fits
    for f, ts in zip(feats, toks):
        usable = sorted((df[t], t) for t in ts if 2 <= df[t] <= max_df)[:k]
        ladders = [_ladder("t", t, f.year) for _, t in usable]
        if not usable or usable[0][0] > fits:   # (else the rarest token is usable[0], and its block fits)
            ranked = sorted({(df[t], t) for t in ts if df[t] >= 2})
            if len(ranked) >= 2 and ranked[0][0] > fits:
                ladders.append(_ladder("t2", (ranked[0][1], ranked[1][1]), f.year))
        out.append(ladders)
    return out


def _emit(members: list[tuple[int, list[Key]]], depth: int, cap: int, star: bool,
          pairs: set[int], n: int, stats: BlockStats, rule: str) -> None:
    """Add the pairs of one block (recursively split when too large)."""
    idx = sorted({i for i, _ in members})
    size = len(idx)
    if size < 2:
        return
    stats.blocks += 1
    if size <= cap:
        before = len(pairs)
        for x in range(size):
            ix = idx[x] * n
            for y in range(x + 1, size):
                pairs.add(ix + idx[y])
        stats.per_rule[rule] = stats.per_rule.get(rule, 0) + len(pairs) - before
        return
    if star:
        stats.star += 1
        first = idx[0] * n
        for y in idx[1:]:
            pairs.add(first + y)
        return
    finer: dict[Key, list[tuple[int, list[Key]]]] = defaultdict(list)
    for i, ladder in members:
        if depth + 1 < len(ladder):
            finer[ladder[depth + 1]].append((i, ladder))
    if not finer:
        stats.skipped += 1
        stats.skipped_records += size
        return
    stats.split += 1
    for sub in finer.values():
        _emit(sub, depth + 1, cap, star, pairs, n, stats, rule)


def candidate_pairs(feats: list[Features], *, cap: Optional[int] = None, weak_cap: Optional[int] = None,
                    stats: Optional[BlockStats] = None) -> Iterator[tuple[int, int]]:
    """Unique index pairs (i < j) that share at least one block, in sorted order."""
    cap = cap or settings.MAX_BLOCK_SIZE
    weak_cap = weak_cap or settings.MAX_WEAK_BLOCK_SIZE
    stats = stats if stats is not None else BlockStats()
    n = len(feats)
    pairs: set[int] = set()  # i * n + j: ints are far smaller than tuples in a big set
    for name in [*RULES, "title"]:
        # one rule at a time, so only one rule's keys are held in memory
        per_record = _title_ladders(feats, cap=cap) if name == "title" else [list(RULES[name](f)) for f in feats]
        blocks: dict[Key, list[tuple[int, list[Key]]]] = defaultdict(list)
        for i, ladders in enumerate(per_record):
            for ladder in ladders:
                if ladder:
                    blocks[ladder[0]].append((i, ladder))
        rule_cap = weak_cap if name in WEAK_RULES else cap
        for members in blocks.values():
            _emit(members, 0, rule_cap, name in STAR_RULES, pairs, n, stats, name)
    stats.pairs = len(pairs)
    for p in sorted(pairs):
        yield divmod(p, n)
