"""Pairwise comparison of records: a ladder of levels per signal, weights summed to a link score."""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Mapping, Optional, Union

from rapidfuzz import fuzz

from ..models import Link, LinkSignal, Record
from . import settings
from .institutions import alias_key, institution_key, org_table, product_table, relate_institutions
from .people import person_keys, shared_person, surnames
from .period import YM, study_period
from .records_file import Row, record_row
from .normalise import (context_numbers, fold, is_cjk, simplified, journal_table, norm_doi, norm_name, norm_registry, norm_title,
                        parse_date, same_unknown_journal, title_similarity)
from ..rxcache import rx

W = settings.WEIGHTS
# signals that describe a kind of study rather than one study
PROFILE_SIGNALS = frozenset({"journal", "date", "design", "condition", "cell_type", "gene_edited", "country", "city"})
# signals that are facts of the study (numbers it reports), as opposed to its profile
FACT_SIGNALS = frozenset({"n_total", "n_studies", "hba1c", "dose", "follow_up", "infusions", "interval",
                          "context_numbers"})
_KNOWN_PRODUCTS = frozenset(product_table().products)
_TITLE_NUM = rx(r"\d+(?:\.\d+)?")
Sig = tuple[str, float, Optional[str]]  # (signal name, weight, detail)
# the weight a hard contradiction reports in an explanation (it forbids the link outright)
HARD = -100.0
# patterns of values read from the document rather than the mention (fields/condition.py DOCUMENT_TAG)
WEAK_EVIDENCE_SUFFIX = "__document"
# ladder levels that override a contradicting fact
DECISIVE_LEVELS = frozenset({"identifier:doi", "identifier:pmid", "identifier:pmcid"})


@dataclass(slots=True)
class Features:
    """Everything linking needs from one record, normalised once."""

    rid: str
    doc_id: str
    doi: Optional[str] = None
    pmid: Optional[str] = None
    pmcid: Optional[str] = None
    registries: frozenset[str] = frozenset()
    title: str = ""
    title_cjk: bool = False
    journal: Optional[str] = None
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    design: Optional[str] = None
    condition: Optional[str] = None
    condition_weak: bool = False                # the condition is only the document's (no cue in the mention)
    cell_types: frozenset[str] = frozenset()
    n_total: frozenset[int] = frozenset()
    n_arms: frozenset[int] = frozenset()
    n_studies: frozenset[int] = frozenset()
    hba1c: tuple[float, ...] = ()
    hba1c_pairs: tuple[tuple[float, float], ...] = ()   # (before, after) stated together
    doses: tuple[tuple[float, float, bool], ...] = ()
    follow_up: tuple[float, ...] = ()
    infusions: frozenset[int] = frozenset()
    intervals: tuple[float, ...] = ()
    institution: str = ""
    country: str = ""
    aliases: frozenset[str] = frozenset()       # product ids of the table, else the alias's own key
    context: Optional[dict[str, float]] = None   # numbers quoted in the mention (None: no text)
    orgs: frozenset[str] = frozenset()          # organisations of the table (not companies)
    sponsors: frozenset[str] = frozenset()      # companies named, or the sponsors of the products named
    inst_raw: str = ""                          # the institution as written (for names the table lacks)
    age: Optional[int] = None
    sex: Optional[str] = None
    duration: Optional[float] = None            # years with diabetes
    insulin_free: Optional[float] = None        # days off insulin
    procedure_year: Optional[int] = None
    gene_edited: bool = False                   # the cells were gene-edited
    city: str = ""
    tf: Optional[Mapping[object, int]] = None   # cohort size / institution -> records giving it in the run
    inst_id: Optional[str] = None               # the institution's table id
    inst_key: Optional[tuple[str, frozenset[str]]] = None   # ... or its normalised key (institutions.py)
    other_insts: frozenset[tuple[str, frozenset[str]]] = frozenset()   # keys of the other institutions the
    # table lacks that the mention names
    has_profile: bool = False                   # any of age, sex, duration, insulin_free, procedure_year
    people: frozenset[tuple[str, str]] = frozenset()   # investigators' (surname, initial) keys (people.py)
    main_alias: Optional[str] = None            # the product the mention names most (None: no product)
    main_sponsor: Optional[str] = None          # the company it names most (None: none, or a tie)
    period_starts: frozenset[YM] = frozenset()  # (year, month) the study period starts (period.py)
    period_ends: frozenset[YM] = frozenset()    # ... and ends (a registry gives primary and study completion)

    def __reduce__(self) -> tuple[type, tuple]:   # type: ignore[type-arg]
        """Pickled as the constructor's arguments: forked workers send features back by the million, and the
        dataclass's own state methods list its fields again for every object."""
        return Features, _FEATURE_VALUES(self)


_FEATURE_VALUES = attrgetter(*(f.name for f in fields(Features)))   # (the constructor's order)


def features(r: Union[Record, Row], text: Optional[str] = None) -> Features:
    """Normalise one record (or its ``Row``: a large run reads records as plain JSON) for linking; ``text`` is its
    document's text (for the mention's numbers)."""
    if not isinstance(r, dict):
        r = record_row(r)
    s = r["study"]
    y, m, d = parse_date(s["pub_date"])
    title = norm_title(s["title"])
    totals, arms, included = set(), set(), set()
    for c in r["cohort_sizes"]:
        {"total": totals, "arm": arms, "studies_included": included}[c["role"]].add(c["n"])
    hba1c = sorted({round(v, 2) for h in r["hba1c"] for v in (h["before"], h["after"], h["change"]) if v is not None})
    orgs, products = org_table(), product_table()
    inst = s["institution"] or ""
    inst_id = orgs.lookup(inst) if inst else None
    inst_key = institution_key(inst) if inst else None
    named = [*s["sponsors"]]
    if (inst_id and orgs.orgs[inst_id].kind == "company") or (not inst_id and inst_key and "company" in inst_key[1]):
        # a company read as the institution ("Vertex制药公司") is a sponsor: counted once, as the sponsor
        named.append(inst)
        inst, inst_id, inst_key = "", None, None
    org_ids = {o for name in [*s["organisations"], *([inst] if inst else [])] if (o := orgs.lookup(name))}
    others = frozenset(k for name in s["organisations"] if not orgs.lookup(name)
                       and (k := institution_key(name)) and "company" not in k[1] and k != inst_key)
    aliases = [products.canonical(x) for x in s["aliases"] if len(alias_key(x)) >= 3]
    quote = _quote(r["mention"], text)
    period = study_period(quote) if quote else None
    sponsors = (frozenset(o for o in org_ids if orgs.orgs[o].kind == "company")
                | frozenset(sp for x in aliases if (p := products.products.get(x)) and (sp := p.sponsor))
                | frozenset(k for x in named if (k := sponsor_key(x))))
    main_alias = _main(aliases, quote, products.find)
    main_sponsor = (products.products[main_alias].sponsor if main_alias in products.products else None) \
        or _main_company(sponsors, quote)
    age, sex, duration = s["patient_age"], s["patient_sex"], s["disease_duration_years"]
    insulin_free, procedure_year = s["insulin_free_days"], s["procedure_year"]
    return Features(
        rid=r["record_id"], doc_id=r["doc_id"],
        doi=norm_doi(s["doi"]), pmid=(s["pmid"] or None), pmcid=(s["pmcid"] or "").upper() or None,
        registries=frozenset(norm_registry(x) for x in s["registry_ids"] if x.strip()),
        title=title, title_cjk=is_cjk(title),
        journal=journal_table().canonical(s["journal"]),
        year=y, month=m, day=d,
        design=s["design"], condition=s["condition"], cell_types=frozenset(s["cell_types"]),
        condition_weak=_weak(s["evidence"].get("condition", [])),
        n_total=frozenset(totals), n_arms=frozenset(arms), n_studies=frozenset(included),
        hba1c=tuple(hba1c),
        hba1c_pairs=tuple(sorted({(round(h["before"], 2), round(h["after"], 2)) for h in r["hba1c"]
                                  if h["before"] is not None and h["after"] is not None})),
        doses=tuple(sorted({(x["cells_min"], x["cells_max"], x["per_kg"]) for x in r["doses"]})),
        follow_up=tuple(sorted({f["days"] for f in r["follow_up"]})),
        infusions=frozenset(g["infusions"] for g in r["regimen"] if g["infusions"] is not None),
        intervals=tuple(sorted({g["interval_days"] for g in r["regimen"] if g["interval_days"] is not None})),
        institution=norm_name(inst), country=norm_name(s["country"]),
        aliases=frozenset(aliases),
        context=_context(quote, totals | arms | included, hba1c),
        orgs=frozenset(o for o in org_ids if orgs.orgs[o].kind != "company"),
        sponsors=sponsors,
        inst_raw=inst, inst_id=inst_id, inst_key=inst_key, other_insts=others,
        age=age, sex=sex, duration=duration, insulin_free=insulin_free,
        procedure_year=procedure_year, gene_edited=bool(s["gene_edited"]), city=norm_name(s["city"]),
        has_profile=any(v is not None for v in (age, sex, duration, insulin_free, procedure_year)),
        main_alias=main_alias, main_sponsor=main_sponsor,
        people=frozenset(k for x in s["investigators"] for k in person_keys(x)),
        period_starts=period.starts if period else frozenset(), period_ends=period.ends if period else frozenset(),
    )


def _weak(evidence: list) -> bool:  # type: ignore[type-arg]
    """A value read only from a weak cue: the document's type of diabetes given to a mention that names none
    (a multi-study story on type 1 diabetes that mentions a type 2 trial in one line)."""
    return bool(evidence) and all((e["pattern"] or "").endswith(WEAK_EVIDENCE_SUFFIX) for e in evidence)


def _quote(mention: list, text: Optional[str]) -> Optional[str]:  # type: ignore[type-arg]
    """The mention's text (its spans joined), or None without the document text."""
    if not text or not mention:
        return None
    return " ".join(text[a:b] for a, b in mention)


def _context(quote: Optional[str], ns: set[int], hba1c: list[float]) -> Optional[dict[str, float]]:
    if quote is None:
        return None
    exclude = frozenset(float(x) for x in ns) | frozenset(abs(x) for x in hba1c)
    return context_numbers(quote, exclude=exclude)


def sponsor_key(name: str) -> Optional[str]:
    """A company's key: its table id, else "co:" and the proper part of its name (None: a generic name)."""
    oid = org_table().lookup(name)
    if oid:
        return oid
    key = institution_key(name)
    return "co:" + key[0] if key else None


def _main(names: list[str], quote: Optional[str], find) -> Optional[str]:  # type: ignore[no-untyped-def]
    """The name a mention is about: the one it repeats most (a product named in passing, "like Vertex's
    zimislecel", is not its subject); the first named on a tie or without the text."""
    if not names:
        return None
    uniq = list(dict.fromkeys(names))
    if len(uniq) == 1 or quote is None:
        return uniq[0]
    view = simplified(quote)
    counts = {n: 0 for n in uniq}
    for pid, _, _ in find(view):
        if pid in counts:
            counts[pid] += 1
    # a name the table lacks ("tovaislecel") by its own occurrences (spaces and dashes ignored)
    unknown = [n for n in uniq if n not in _KNOWN_PRODUCTS]
    if unknown:
        keyed = alias_key(quote)
        for n in unknown:
            counts[n] += keyed.count(alias_key(n))
    best = max(counts.values())
    return next(n for n in uniq if counts[n] == best)


def _main_company(sponsors: frozenset[str], quote: Optional[str]) -> Optional[str]:
    """The company a mention names most; None on a tie (a story on two companies' programmes)."""
    if len(sponsors) <= 1:
        return next(iter(sponsors), None)
    if quote is None:
        return None
    counts: dict[str, int] = dict.fromkeys(sponsors, 0)
    view = simplified(quote)
    for oid, _, _ in org_table().find(view):
        if oid in counts:
            counts[oid] += 1
    folded = fold(quote)
    for k in counts:
        if k.startswith("co:"):
            counts[k] += folded.count(k[3:])
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] == ranked[1]:
        return None
    return max(counts, key=lambda k: counts[k])


# ---------------------------------------------------------------- hard contradictions

def cells_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Same, overlapping, or generic/specific cell types (MSC vs UC-MSC)."""
    if not a or not b or a & b:
        return True
    for x in a:
        for y in b:
            if y in settings.CELL_TYPE_GENERIC.get(x, ()) or x in settings.CELL_TYPE_GENERIC.get(y, ()):
                return True
    return False


def _both_synthesis(a: Features, b: Features) -> bool:
    """Both records review or pool other studies: the cell types they name are those of some included
    studies (one report lists P-MSC, another UC-MSC), no contradiction."""
    return (bool(a.design and b.design) and settings.DESIGN_GROUP[a.design] == "synthesis"
            and settings.DESIGN_GROUP[b.design] == "synthesis")


def contradictions(a: Features, b: Features) -> tuple[list[str], list[str]]:
    """(identifier contradictions, fact contradictions) that cannot both hold for one study."""
    ids = []
    if a.doi and b.doi and a.doi != b.doi:
        ids.append(f"doi {a.doi} != {b.doi}")
    if a.pmid and b.pmid and a.pmid != b.pmid:
        ids.append(f"pmid {a.pmid} != {b.pmid}")
    if a.pmcid and b.pmcid and a.pmcid != b.pmcid:
        ids.append(f"pmcid {a.pmcid} != {b.pmcid}")
    facts = []
    ca, cb = a.condition, b.condition
    if ca and cb and ca != cb and ca not in settings.CONDITION_OPEN and cb not in settings.CONDITION_OPEN \
            and not (a.condition_weak or b.condition_weak):
        # (a conflict with a condition that is only the document's lowers the score instead: _categories)
        facts.append(f"condition {ca} vs {cb}")
    if not cells_compatible(a.cell_types, b.cell_types) and not _both_synthesis(a, b):
        facts.append(f"cell types {sorted(a.cell_types)} vs {sorted(b.cell_types)}")
    if a.design and b.design:
        ga, gb = settings.DESIGN_GROUP[a.design], settings.DESIGN_GROUP[b.design]
        if frozenset({ga, gb}) in settings.DESIGN_HARD:
            facts.append(f"design {a.design} vs {b.design}")
    return ids, facts


# ---------------------------------------------------------------- signals

def _days_equal(x: float, y: float) -> bool:
    return abs(x - y) <= max(settings.DAYS_ABS_TOL, settings.DAYS_REL_TOL * max(abs(x), abs(y)))


def _count_matches(xs: tuple[float, ...], ys: tuple[float, ...], tol: float) -> int:
    """One-to-one matches within ``tol`` (both inputs sorted, so a greedy merge is exact)."""
    i = j = hits = 0
    while i < len(xs) and j < len(ys):
        if abs(xs[i] - ys[j]) <= tol:
            hits += 1; i += 1; j += 1
        elif xs[i] < ys[j]:
            i += 1
        else:
            j += 1
    return hits


def _n_weight(n: int, tf: Optional[Mapping[object, int]] = None) -> float:
    """A shared cohort size says more the rarer it is: n=1 little, n=300 a lot, and less the more records of
    the corpus give it (a term-frequency adjustment: in 100k records a cohort of 117 recurs by chance)."""
    w = min(W["n_total_equal_cap"], W["n_total_equal_base"] + W["n_total_equal_per_log2"] * math.log2(max(n, 1)))
    return max(0.0, w - _tf_penalty(n, tf))


def _tf_penalty(key: object, tf: Optional[Mapping[object, int]]) -> float:
    """Bits a shared value loses for being given by many records of the run (none up to TF_FREE records)."""
    if not tf:
        return 0.0
    return settings.TF_SCALE * max(0.0, math.log2(max(tf.get(key, 1), 1) / settings.TF_FREE))


def _tf_note(key: object, tf: Optional[Mapping[object, int]]) -> str:
    k = tf.get(key, 0) if tf else 0
    return f" (in {k} records)" if k > settings.TF_FREE else ""


def _inst_keys(f: Features) -> set[object]:
    """The institution terms of a record: its table organisations, else its normalised institution names."""
    keys: set[object] = {("org", o) for o in f.orgs}
    if f.institution and not f.inst_id:
        keys.add(("inst", f.inst_key[0] if f.inst_key else f.institution))
    keys.update(("inst", k[0]) for k in f.other_insts)
    return keys


def term_frequencies(feats: list[Features]) -> dict[object, int]:
    """How many records give each cohort size (total, or the sum of their arms) and name each institution;
    one table shared by all features of the run."""
    tf: dict[object, int] = {}
    for f in feats:
        ns = set(f.n_total) | ({sum(f.n_arms)} if len(f.n_arms) >= 2 else set())
        for key in [*ns, *_inst_keys(f), *(("person", x) for x in surnames(f.people))]:
            tf[key] = tf.get(key, 0) + 1
    for f in feats:
        f.tf = tf
    return tf


def _identifiers(a: Features, b: Features, sig: list[Sig]) -> Optional[str]:
    level = None
    if a.doi and b.doi and a.doi == b.doi:
        sig.append(("doi", W["doi_equal"], a.doi)); level = "identifier:doi"
    if a.pmid and b.pmid and a.pmid == b.pmid:
        sig.append(("pmid", W["pmid_equal"], a.pmid))
        level = level or "identifier:pmid"
    if a.pmcid and b.pmcid and a.pmcid == b.pmcid:
        sig.append(("pmcid", W["pmid_equal"], a.pmcid))
        level = level or "identifier:pmcid"
    if a.registries and b.registries:
        shared = a.registries & b.registries
        if shared:
            sig.append(("registry", W["registry_equal"], ",".join(sorted(shared))))
            level = level or "identifier:registry"
        else:
            sig.append(("registry", W["registry_disjoint"], f"{sorted(a.registries)} vs {sorted(b.registries)}"))
    return level


def _title(a: Features, b: Features, sig: list[Sig]) -> Optional[str]:
    if not a.title or not b.title or a.title_cjk != b.title_cjk:
        return None  # a Chinese and an English title share no words: no evidence either way
    min_len = settings.TITLE_MIN_LEN_CJK if a.title_cjk else settings.TITLE_MIN_LEN
    if min(len(a.title), len(b.title)) < min_len:
        return None
    if a.title == b.title:
        sig.append(("title", W["title_exact"], "exact"))
        return "title:exact"
    short, long_ = sorted((a.title, b.title), key=len)
    prefix_min = settings.TITLE_PREFIX_MIN_CJK if a.title_cjk else settings.TITLE_PREFIX_MIN
    if len(short) >= prefix_min and long_.startswith(short) and not long_[len(short)].isalnum():
        # one side drops the subtitle ("…in type 2 diabetes" of "…in type 2 diabetes: a randomized … trial")
        sig.append(("title", W["title_prefix"], f"prefix ({len(short)} of {len(long_)} chars)"))
        return "title:prefix"
    s = title_similarity(a.title, b.title)
    na, nb = _TITLE_NUM.findall(a.title), _TITLE_NUM.findall(b.title)
    if s >= settings.TITLE_WEAK and na and nb and set(na) != set(nb):
        # "type 1" vs "type 2", "phase 2" vs "phase 3": near-identical titles of different studies
        sig.append(("title", W["title_numbers_differ"], f"fuzzy {s:.0f} but numbers {na} vs {nb}"))
        return None
    if s >= settings.TITLE_STRONG:
        sig.append(("title", W["title_strong"], f"strong fuzzy {s:.0f}"))
        return "title:strong_fuzzy"
    if s >= settings.TITLE_WEAK:
        sig.append(("title", W["title_weak"], f"weak fuzzy {s:.0f}"))
        return "title:weak_fuzzy"
    sig.append(("title", W["title_else"], f"different {s:.0f}"))
    return None


def _journal_date(a: Features, b: Features, sig: list[Sig]) -> None:
    if a.journal and b.journal:
        same: Optional[bool] = a.journal == b.journal
        if not same and a.journal.startswith("raw:") and b.journal.startswith("raw:"):
            same = same_unknown_journal(a.journal, b.journal)
        elif not same and (a.journal.startswith("raw:") or b.journal.startswith("raw:")):
            same = None  # a name the table lacks may be the other journal in another language
        elif not same and journal_table().parent_and_child(a.journal, b.journal):
            same = None  # "《柳叶刀》" for The Lancet Diabetes & Endocrinology
        if same:
            sig.append(("journal", W["journal_equal"], a.journal))
        elif same is None and journal_table().parent_and_child(a.journal, b.journal):
            sig.append(("journal", W["journal_family"], f"{a.journal} vs {b.journal} (one family)"))
        elif same is None:
            sig.append(("journal", W["journal_differ_unknown"], f"{a.journal} vs {b.journal}"))
        else:
            sig.append(("journal", W["journal_differ"], f"{a.journal} vs {b.journal}"))
    if a.year and b.year:
        gap = abs(a.year - b.year)
        months = abs((a.year * 12 + a.month) - (b.year * 12 + b.month)) if a.month and b.month else None
        if months is not None and 0 < months <= settings.DATE_NEAR_MONTHS:
            # online-first vs issue date, across a year's end too (2024-12 vs 2025-01)
            sig.append(("date", W["date_near"], f"{months} month(s) apart"))
        elif gap == 0:
            if a.month and b.month and a.month == b.month:
                if a.day and b.day and a.day == b.day:
                    sig.append(("date", W["date_day"], "same day"))
                else:
                    sig.append(("date", W["date_month"], "same month"))
            elif a.month and b.month:
                sig.append(("date", W["date_month_differs"], "same year, months differ"))
            else:
                sig.append(("date", W["date_year"], "same year"))
        elif gap == 1:
            # online-first vs issue date, or a news item the year after
            sig.append(("date", W["date_year_off1"], "years differ by 1"))
        else:
            sig.append(("date", W["date_far"], f"years differ by {gap}"))


def _cohort(a: Features, b: Features, sig: list[Sig]) -> None:
    """Cohort size counts once: a shared total, a total equal to the other's arm sum, or shared arms.

    Arms follow from the total (1:1 randomisation halves it), so agreeing on both is barely more
    evidence than agreeing on one: the best source counts, with a small bonus for corroboration.
    """
    if a.n_arms and b.n_arms and not any(_close(x, y) for x in a.n_arms for y in b.n_arms):
        # both split their cohort and no arm agrees (20 + 20 vs 15 + 25): two cohorts, whatever the total
        sig.append(("n_total", W["n_arms_differ"], f"arms {sorted(a.n_arms)} vs {sorted(b.n_arms)}"))
        return
    found: list[tuple[float, str]] = []
    shared = a.n_total & b.n_total
    if shared:
        n = max(shared)
        found.append((_n_weight(n, a.tf), f"total {n}" + _tf_note(n, a.tf)))
    some_arms = a.n_arms or b.n_arms   # (most records give a total alone: nothing below applies to them)
    if some_arms:
        for x, y in ((a, b), (b, a)):
            if x.n_total and len(y.n_arms) >= 2 and sum(y.n_arms) in x.n_total:
                found.append((_n_weight(sum(y.n_arms), a.tf), f"total {sum(y.n_arms)} = sum of arms" + _tf_note(sum(y.n_arms), a.tf)))
                break
        arms = a.n_arms & b.n_arms
        if arms:
            found.append((min(_n_weight(sum(arms), a.tf), W["n_arm_cap"]), f"arms {sorted(arms)}"))
    if not found and some_arms:
        # one report gives a subgroup (the full-dose cohort) as its whole cohort: the other's arm
        for x, y in ((a, b), (b, a)):
            sub = x.n_total & y.n_arms
            n = max(sub) if sub else 0
            if n >= settings.N_SUBGROUP_MIN and (not y.n_total or all(t > n for t in y.n_total)):
                found.append((round(settings.N_SUBGROUP_FACTOR * _n_weight(n), 2), f"total {n} = an arm of the other"))
                break
    if found:
        best = max(found)
        bonus = W["n_corroborated"] if len(found) > 1 else 0.0
        sig.append(("n_total", round(best[0] + bonus, 2), "; ".join(d for _, d in found)))
    elif a.n_total and b.n_total:
        lo = min(min(a.n_total), min(b.n_total)); hi = max(max(a.n_total), max(b.n_total))
        far = lo > 2 and hi / lo > settings.N_TOTAL_FAR_RATIO
        # closest pair of totals: enrolled vs analysed (120 vs 112) differ by a few dropouts
        close = min(max(x, y) / max(min(x, y), 1) for x in a.n_total for y in b.n_total) <= settings.N_TOTAL_CLOSE_RATIO
        w = W["n_total_far"] if far else W["n_total_close"] if close else W["n_total_differ"]
        sig.append(("n_total", w, f"{sorted(a.n_total)} vs {sorted(b.n_total)}"))


def _close(x: int, y: int) -> bool:
    """Two cohort sizes within enrolled-vs-analysed distance (21 vs 20 randomised/analysed)."""
    return max(x, y) <= settings.N_TOTAL_CLOSE_RATIO * min(x, y) or abs(x - y) <= 1


def _numbers(a: Features, b: Features, sig: list[Sig]) -> None:
    _cohort(a, b, sig)
    if a.n_studies and b.n_studies:
        ok = bool(a.n_studies & b.n_studies)
        sig.append(("n_studies", W["n_studies_equal"] if ok else W["n_studies_differ"],
                              f"{sorted(a.n_studies)} vs {sorted(b.n_studies)}"))
    if a.hba1c and b.hba1c:
        hits = _count_matches(a.hba1c, b.hba1c, settings.HBA1C_TOL)
        if hits:
            sig.append(("hba1c", min(W["hba1c_cap"], W["hba1c_equal"] * hits),
                                  f"{hits} shared value(s)"))
        elif a.hba1c_pairs and b.hba1c_pairs:
            # both give baseline and follow-up values and share none: other patients
            sig.append(("hba1c", W["hba1c_differ"], f"{list(a.hba1c_pairs)} vs {list(b.hba1c_pairs)}"))
    if a.doses and b.doses:
        tol = settings.DOSE_REL_TOL
        if any(abs(x[0] - y[0]) <= tol * x[0] and abs(x[1] - y[1]) <= tol * x[1] and x[2] == y[2]
               for x in a.doses for y in b.doses):
            sig.append(("dose", W["dose_equal"], "same dose"))
    if a.follow_up and b.follow_up and any(_days_equal(x, y) for x in a.follow_up for y in b.follow_up):
        sig.append(("follow_up", W["follow_up_equal"], "same follow-up"))
    if a.infusions & b.infusions:
        sig.append(("infusions", W["infusions_equal"], str(max(a.infusions & b.infusions))))
    if a.intervals and b.intervals:
        if any(_days_equal(x, y) for x in a.intervals for y in b.intervals):
            sig.append(("interval", W["interval_equal"], "same interval"))
        else:
            sig.append(("interval", W["interval_differ"], f"{list(a.intervals)} vs {list(b.intervals)} days"))


def _context_signal(a: Features, b: Features, sig: list[Sig]) -> None:
    if not a.context or not b.context:
        return
    shared = a.context.keys() & b.context.keys()
    if not shared:
        return
    # common forms (integers, round percentages) coincide easily: together they add at most
    # CONTEXT_COMMON_CAP, the identifying forms (decimals, 41%) carry the signal
    weights = [a.context[k] for k in shared]
    power = sum(w for w in weights if w >= 1.0) + min(settings.CONTEXT_COMMON_CAP, sum(w for w in weights if w < 1.0))
    share = len(shared) / min(len(a.context), len(b.context))
    if power >= settings.CONTEXT_MIN_POWER and share >= settings.CONTEXT_MIN_SHARE:
        sig.append(("context_numbers", round(min(settings.CONTEXT_CAP, settings.CONTEXT_FACTOR * power), 2),
                    " ".join(sorted(shared))))


def _categories(a: Features, b: Features, sig: list[Sig]) -> None:
    if a.condition and a.condition == b.condition and a.condition not in settings.CONDITION_OPEN:
        sig.append(("condition", W["condition_equal"], a.condition))
    elif (a.condition and b.condition and a.condition != b.condition and a.condition not in settings.CONDITION_OPEN
          and b.condition not in settings.CONDITION_OPEN and (a.condition_weak or b.condition_weak)):
        # one side's condition is only its document's (a hard contradiction otherwise, see contradictions)
        sig.append(("condition", W["condition_differ_weak"], f"{a.condition} vs {b.condition} (one from the document)"))
    if a.cell_types and b.cell_types:
        if a.cell_types & b.cell_types:
            sig.append(("cell_type", W["cell_type_equal"],
                                  ",".join(sorted(a.cell_types & b.cell_types))))
        elif cells_compatible(a.cell_types, b.cell_types):
            sig.append(("cell_type", W["cell_type_compatible"], "generic/specific"))
        else:  # only between two syntheses; elsewhere a contradiction
            sig.append(("cell_type", W["cell_type_differ"], f"{sorted(a.cell_types)} vs {sorted(b.cell_types)}"))
    if a.gene_edited and b.gene_edited:
        # few programmes edit their cells (not told as absent: a report that does not say so is silent)
        sig.append(("gene_edited", W["gene_edited_equal"], "both gene-edited"))
    if a.design and b.design:
        if a.design == b.design:
            sig.append(("design", W["design_equal"], a.design))
        elif (frozenset({a.design, b.design}) in settings.DESIGN_ONE_PATIENT
              and (a.n_total | b.n_total) == {1}):
            # a first-in-human trial that has treated one patient is told as a case report too
            sig.append(("design", W["design_one_patient"], f"{a.design} vs {b.design}, one patient"))
        elif frozenset({settings.DESIGN_GROUP[a.design], settings.DESIGN_GROUP[b.design]}) not in settings.DESIGN_HARD:
            near = frozenset({a.design, b.design}) in settings.DESIGN_NEAR
            sig.append(("design", W["design_near"] if near else W["design_far"],
                                  f"{a.design} vs {b.design}"))
    _organisations(a, b, sig)
    if a.country and b.country:
        same = a.country == b.country
        sig.append(("country", W["country_equal"] if same else W["country_differ"],
                              a.country if same else f"{a.country} vs {b.country}"))
    ma, mb = a.main_alias, b.main_alias
    if ma and mb and ma != mb and ma in _KNOWN_PRODUCTS and mb in _KNOWN_PRODUCTS:
        # each is about another product of the table (VX-264 vs VX-880), whatever they name in passing
        shared = a.aliases & b.aliases
        sig.append(("alias", W["alias_differ"], f"{ma} vs {mb}" + (f" (both name {','.join(sorted(shared))})" if shared else "")))
    elif a.aliases & b.aliases:
        sig.append(("alias", W["alias_equal"], ",".join(sorted(a.aliases & b.aliases))))


def _organisations(a: Features, b: Features, sig: list[Sig]) -> None:
    """Institution (table id, the romanised key of an unknown name, or a fuzzy match) and sponsor."""
    if not (a.orgs or a.inst_raw or a.sponsors or a.city or a.other_insts) \
            or not (b.orgs or b.inst_raw or b.sponsors or b.city or b.other_insts):
        return
    how: Optional[str] = None
    shared = a.orgs & b.orgs
    if shared:
        how, detail = "same", ",".join(sorted(shared))
    elif a.orgs and b.orgs and any(org_table().related(x, y) for x in a.orgs for y in b.orgs):
        how, detail = "related", "affiliated"
    if how is None and (a.other_insts or b.other_insts):
        # other institutions the table lacks, named anywhere in the mentions
        ka = a.other_insts | ({a.inst_key} if a.inst_key and not a.inst_id else set())
        kb = b.other_insts | ({b.inst_key} if b.inst_key and not b.inst_id else set())
        same = next((x for x in sorted(ka, key=str) for y in sorted(kb, key=str)
                     if relate_institutions(None, x, None, y) == "same"), None)
        if same is not None:
            how, detail = "named", same[0]
    if how != "same" and a.inst_raw and b.inst_raw:
        rel = "same" if a.institution == b.institution else relate_institutions(
            a.inst_id, a.inst_key, b.inst_id, b.inst_key)
        if rel is None:
            short, long_ = sorted((len(a.institution), len(b.institution)))
            # a generic fragment ("第一医院", "university") must not match every long name containing it
            comparable = short >= settings.INSTITUTION_MIN_LEN and short >= settings.INSTITUTION_MIN_SHARE * long_
            if comparable and fuzz.partial_ratio(a.institution, b.institution) >= settings.INSTITUTION_MATCH:
                rel = "same"
        if rel == "same" or (rel == "related" and how is None):
            how, detail = rel, a.institution
    if how == "same":
        # a hospital with many studies in the corpus identifies less (term frequency)
        key = min(((_tf_penalty(k, a.tf), k) for k in _inst_keys(a) & _inst_keys(b)), default=None,
                  key=lambda x: x[0])
        pen = key[0] if key else 0.0
        note = _tf_note(key[1], a.tf) if key else ""
        sig.append(("institution", max(0.0, W["institution_equal"] - pen), detail + note))
    elif how == "related":
        sig.append(("institution", W["institution_related"], detail))
    elif how == "named":
        # one of the institutions a text names anywhere (an affiliation line, a quoted expert's hospital):
        # weaker than the study's own institution
        sig.append(("institution", W["institution_named"], detail))
    shared_sp = a.sponsors & b.sponsors
    if shared_sp and not a.aliases & b.aliases:
        # (a shared product already names its sponsor: counted once, as the alias)
        if a.main_sponsor and a.main_sponsor == b.main_sponsor:
            sig.append(("sponsor", W["sponsor_equal"], a.main_sponsor))
        elif not (a.main_sponsor and b.main_sponsor):
            # one story names two companies equally often: the shared one may be the other study's
            sig.append(("sponsor", W["sponsor_side"], ",".join(sorted(shared_sp)) + " (one of several)"))
    elif a.main_sponsor and b.main_sponsor and a.main_sponsor != b.main_sponsor and not (a.sponsors & b.sponsors):
        # Vertex's islets and a hospital's own product: two programmes (a quoted rival's team is no link)
        sig.append(("sponsor", W["sponsor_differ"], f"{a.main_sponsor} vs {b.main_sponsor}"))
    elif a.city and a.city == b.city and how is None:
        sig.append(("city", W["city_equal"], a.city))


def _profile(a: Features, b: Features, sig: list[Sig]) -> None:
    """One patient's age, sex, years with diabetes, time off insulin; the year of the procedure."""
    if not a.has_profile or not b.has_profile:
        return
    if a.age is not None and b.age is not None:
        gap = abs(a.age - b.age)
        # a later report may give the age a year on
        sig.append(("age", W["age_equal"] if gap <= 1 else W["age_differ"], f"{a.age} vs {b.age}"))
    if a.sex and b.sex:
        sig.append(("sex", W["sex_equal"] if a.sex == b.sex else W["sex_differ"], f"{a.sex} vs {b.sex}"))
    if a.duration is not None and b.duration is not None:
        ok = abs(a.duration - b.duration) <= max(1.0, 0.1 * max(a.duration, b.duration))
        sig.append(("disease_duration", W["duration_equal"] if ok else W["duration_differ"],
                    f"{a.duration:g} vs {b.duration:g} years"))
    if a.insulin_free is not None and b.insulin_free is not None and _days_equal(a.insulin_free, b.insulin_free):
        # a later report gives a longer time off insulin: only agreement is evidence
        sig.append(("insulin_free", W["insulin_free_equal"], f"{a.insulin_free:g} days"))
    if a.procedure_year and b.procedure_year:
        gap = abs(a.procedure_year - b.procedure_year)
        sig.append(("procedure_year", W["procedure_year_equal"] if gap == 0 else W["procedure_year_differ"],
                    f"{a.procedure_year} vs {b.procedure_year}"))


def _months_apart(x: YM, y: YM) -> int:
    return abs((x[0] * 12 + x[1]) - (y[0] * 12 + y[1]))


def _period(a: Features, b: Features, sig: list[Sig]) -> None:
    """The study period to the month: start and end agreeing identify a study (a registry record and its
    paper); a start alone says less (a registry's completion date may differ from the paper's last visit);
    two full periods months apart at both ends are other studies, or other phases of one programme."""
    if not a.period_starts or not b.period_starts:
        return
    start = a.period_starts & b.period_starts
    end = a.period_ends & b.period_ends
    if start and end:
        sig.append(("study_period", W["period_equal"], f"{_ym(max(start))} to {_ym(max(end))}"))
    elif start:
        sig.append(("study_period", W["period_start"], f"from {_ym(max(start))}"))
    elif a.period_ends and b.period_ends and all(
            _months_apart(x, y) > settings.PERIOD_TOL_MONTHS for x in a.period_starts for y in b.period_starts) and all(
            _months_apart(x, y) > settings.PERIOD_TOL_MONTHS for x in a.period_ends for y in b.period_ends):
        sig.append(("study_period", W["period_differ"],
                    f"{_ym(min(a.period_starts))} vs {_ym(min(b.period_starts))}"))


def _ym(x: YM) -> str:
    return f"{x[0]}-{x[1]:02d}"


def _people(a: Features, b: Features, sig: list[Sig]) -> None:
    """An investigator both name: the same person (surname and initial), or a surname one side gives alone
    ("Cai, 2016" in a table row; not the commonest Chinese surnames, which name many teams)."""
    if not a.people or not b.people:
        return
    hit = shared_person(a.people, b.people)
    if hit is None:
        return
    kind, name = hit
    surname = name.split()[0]
    if kind == "surname" and surname in settings.COMMON_SURNAMES:
        return
    w = W["investigator_equal"] if kind == "full" else W["investigator_surname"]
    key = ("person", surname)
    sig.append(("investigator", round(max(0.0, w - _tf_penalty(key, a.tf)), 2), name + _tf_note(key, a.tf)))


def _overridable(a: Features, b: Features, fact_conflicts: list[str]) -> bool:
    """Whether a shared DOI/PMID outweighs these fact contradictions (an extraction slip).

    Not when a review meets a primary study: a reference-list DOI attached to the wrong mention
    is then the likelier slip.
    """
    if not fact_conflicts:
        return True
    if a.design and b.design:
        groups = frozenset({settings.DESIGN_GROUP[a.design], settings.DESIGN_GROUP[b.design]})
        if groups in settings.DESIGN_NOT_OVERRIDDEN:
            return False
    return True


def signals(a: Features, b: Features, bridge: frozenset[str] = frozenset()) -> tuple[list[Sig], str, float]:
    """(signals, ladder level, summed score) for one pair: the fast path used inside blocks.

    ``bridge``: registry ids that other records tie to both records' publication identifiers
    (cluster.py), making two differing DOIs two publications of one trial.
    """
    sig: list[Sig] = []
    id_conflicts, fact_conflicts = contradictions(a, b)
    level = _identifiers(a, b, sig)
    # a shared publication identifier outweighs a contradicting extracted fact (more likely an
    # extraction slip, kept as a merge conflict); a registry id alone does not
    if id_conflicts and (a.registries & b.registries or bridge):
        # two publications of one registered trial (primary results, a secondary analysis) are
        # one study (Cochrane 5.2.2): their DOIs/PMIDs differ by nature
        via = "" if a.registries & b.registries else f" (registry {','.join(sorted(bridge))} via linked records)"
        sig.append(("publication_differs", W["publication_differs"], "; ".join(id_conflicts) + via))
        id_conflicts = []
    decisive = (level in DECISIVE_LEVELS and not id_conflicts
                and _overridable(a, b, fact_conflicts))
    hard = id_conflicts + ([] if decisive else fact_conflicts)
    for h in hard:
        sig.append(("contradiction", HARD, h))
    if decisive:
        for h in fact_conflicts:
            sig.append(("contradiction_overridden", W["contradiction_overridden"], h))
    t_level = _title(a, b, sig)
    level = level or t_level
    _journal_date(a, b, sig)
    _numbers(a, b, sig)
    _context_signal(a, b, sig)
    _categories(a, b, sig)
    _profile(a, b, sig)
    _period(a, b, sig)
    _people(a, b, sig)
    if a.doc_id == b.doc_id:
        sig.append(("same_document", W["same_document"], a.doc_id))
    day = W["date_day"]
    for n, w, _ in sig:
        if w > 0 and (n not in PROFILE_SIGNALS or (n == "date" and w >= day)):
            break
    else:
        # journal, design, condition, cell type and country describe a kind of study: many studies share
        # them (look-alikes); without anything that identifies this one the pair is no link
        sig.append(("profile_only", W["profile_only"], "nothing identifying shared"))

    if hard:
        level = "contradiction"
    elif level is None:
        level = "alias" if any(x[0] == "alias" for x in sig) else "fingerprint"
    return sig, level, round(sum([x[1] for x in sig]), 3)


def to_link(a: Features, b: Features, sig: list[Sig], level: str, score: float) -> Link:
    """The explanation object of a compared pair."""
    return Link(a=a.rid, b=b.rid, score=score, level=level,
                signals=[LinkSignal(name=n, score=round(w, 3), detail=d) for n, w, d in sig])


def compare(a: Features, b: Features) -> Link:
    """All signals between two records, their summed score and the ladder level that matched."""
    return to_link(a, b, *signals(a, b))
