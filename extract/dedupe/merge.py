"""Merge a cluster's records into one Study: values with their sources, conflicts, a stable id."""
from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, Callable, Hashable, Iterable, Optional, TypeVar

from pydantic import BaseModel

from ..models import (CohortValue, Conflict, DoseValue, FollowUpValue, HbA1cValue, Link, Merged, Record, Ref,
                      RegimenValue, SourceRef, Study, StudyMeta, element_type)
from .compare import cells_compatible
from .normalise import journal_table, norm_doi, norm_registry, norm_title

# StudyMeta fields merged value by value (lists are merged element by element)
META_FIELDS = ("title", "journal", "pub_date", "doi", "pmid", "pmcid", "registry_ids", "design",
               "condition", "cell_types", "institution", "country", "aliases",
               # the profile (fields/profile.py)
               "organisations", "sponsors", "investigators", "city", "patient_age", "patient_sex", "disease_duration_years",
               "insulin_free_days", "procedure_year", "gene_edited")
# single-valued facts of one study: two different values are a conflict
CONFLICT_FIELDS = ("doi", "pmid", "pmcid", "design", "condition", "country")


def _h(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def id_candidates(records: list[Record]) -> list[str]:
    """Study ids in order of preference: DOI, PMID, PMCID, registry id, then the earliest record.

    They depend on the records only, never on an earlier run: a fresh and an incremental run over
    the same input name every study alike (the ids a study had before are kept in ``previous_ids``).
    """
    dois = sorted({d for r in records if (d := norm_doi(r.study.doi))})
    pmids = sorted({r.study.pmid for r in records if r.study.pmid})
    pmcids = sorted({r.study.pmcid.upper() for r in records if r.study.pmcid})
    regs = sorted({norm_registry(x) for r in records for x in r.study.registry_ids if x.strip()})
    out = [f"s-doi-{_h(d)}" for d in dois]
    out += [f"s-pmid-{p}" for p in pmids]
    out += [f"s-pmcid-{p.lower()}" for p in pmcids]
    out += [f"s-reg-{x.lower()}" for x in regs]
    out.append(f"s-rec-{_h(min(r.record_id for r in records))}")
    return out


def _collect(pairs: Iterable[tuple[Hashable, Any, str]], ref: type[Ref] = Ref) -> list[Ref]:
    """Group (key, value, record_id) by key, first value kept, record ids in first-seen order."""
    order: dict[Hashable, tuple[Any, list[str]]] = {}
    for key, value, rid in pairs:
        hit = order.get(key)
        if hit is None:
            order[key] = (value, [rid])
        elif rid not in hit[1]:
            hit[1].append(rid)
    # values come from validated records: skip re-validation (it dominated the cost of merging)
    return [_construct(ref, {"value": v, "record_ids": rids}) for v, rids in order.values()]


M = TypeVar("M", bound=BaseModel)


def _construct(cls: type[M], values: dict[str, Any]) -> M:
    """``cls.model_construct(**values)`` for a model given every field: pydantic's loop over the fields (for
    defaults and aliases, which these models never need here) cost more than merging the values itself."""
    m = cls.__new__(cls)
    object.__setattr__(m, "__dict__", values)
    object.__setattr__(m, "__pydantic_fields_set__", set(values))
    object.__setattr__(m, "__pydantic_extra__", None)
    object.__setattr__(m, "__pydantic_private__", None)
    return m


# the typed reference class of each merged field (models.Merged): one class object per value type, made once
# (a subscript like Ref[CohortValue] looks its class up again on every use)
_META_REF = {name: Ref[element_type(StudyMeta.model_fields[name].annotation)]  # type: ignore[misc]
             for name in META_FIELDS}
_COHORT_REF, _HBA1C_REF, _DOSE_REF = Ref[CohortValue], Ref[HbA1cValue], Ref[DoseValue]
_REGIMEN_REF, _FOLLOW_UP_REF = Ref[RegimenValue], Ref[FollowUpValue]


def _rounded(x: Optional[float], nd: int = 2) -> Optional[float]:
    return None if x is None else round(x, nd)


def merge_values(records: list[Record]) -> Merged:
    """The cluster's values, in a record's shape, each listing the records it came from."""
    study: dict[str, list[Ref]] = {}
    several = len(records) > 1   # (one record gives one title, journal, institution: no spellings to fold)
    for name in META_FIELDS:
        items: list[tuple[Hashable, Any, str]] = []
        for r in records:
            v = getattr(r.study, name)
            for x in (v if isinstance(v, list) else [v]):
                if x is None or x == "":
                    continue
                key: Hashable = x
                if name in ("journal", "title", "institution"):
                    if several:
                        key = norm_title(x)  # one value per spelling, case and punctuation aside
                elif name == "registry_ids":
                    key = norm_registry(x)
                items.append((key, x, r.record_id))
        if items:   # (most fields of most studies are empty: no grouping to do)
            study[name] = _collect(items, _META_REF[name])
    merged: dict[str, Any] = {"study": study}
    merged["cohort_sizes"] = _collect(
        (((c.n, c.role), {"n": c.n, "role": c.role, "label": c.label}, r.record_id)
         for r in records for c in r.cohort_sizes), _COHORT_REF)
    merged["hba1c"] = _collect(
        (((_rounded(h.before), _rounded(h.after), _rounded(h.change), h.timepoint_days),
          {"before": h.before, "after": h.after, "change": h.change, "unit": h.unit,
           "timepoint_days": h.timepoint_days, "group": h.group}, r.record_id)
         for r in records for h in r.hba1c), _HBA1C_REF)
    merged["doses"] = _collect(
        (((d.cells_min, d.cells_max, d.per_kg), {"cells_min": d.cells_min, "cells_max": d.cells_max,
                                                 "per_kg": d.per_kg}, r.record_id)
         for r in records for d in r.doses), _DOSE_REF)
    merged["regimen"] = _collect(
        (((g.infusions, g.interval_days), {"infusions": g.infusions, "interval_days": g.interval_days},
          r.record_id) for r in records for g in r.regimen), _REGIMEN_REF)
    merged["follow_up"] = _collect(
        ((round(f.days), {"days": f.days}, r.record_id) for r in records for f in r.follow_up),
        _FOLLOW_UP_REF)
    return merged  # type: ignore[return-value]


def _dates_compatible(a: str, b: str) -> bool:
    """2025 and 2025-05-19 agree at the coarser precision."""
    return a.startswith(b) or b.startswith(a)


def _plain(refs: Iterable[Ref]) -> list[SourceRef]:
    return [_construct(SourceRef, {"value": r.value, "record_ids": r.record_ids}) for r in refs]


def find_conflicts(records: list[Record], merged: Merged) -> list[Conflict]:
    """Fields whose values disagree between the cluster's records."""
    out: list[Conflict] = []
    study: Mapping[str, list[Ref]] = merged["study"]  # type: ignore[assignment]
    for name in CONFLICT_FIELDS:
        refs = study.get(name, [])
        if len(refs) > 1:
            out.append(Conflict(field=name, values=_plain(refs)))
    # spellings of one journal (across languages) agree; two journals of the table do not
    jt = journal_table()
    known = sorted({j for ref in study.get("journal", []) if (j := jt.canonical(ref.value)) and not j.startswith("raw:")})
    # a parent title and its own sub-journal ("《柳叶刀》" for its diabetes journal) agree too
    if len(known) > 2 or (len(known) == 2 and not jt.parent_and_child(*known)):
        out.append(Conflict(field="journal", values=_plain(study["journal"])))
    cells = [frozenset(r.study.cell_types) for r in records if r.study.cell_types]
    if any(not cells_compatible(x, y) for i, x in enumerate(cells) for y in cells[i + 1:]):
        out.append(Conflict(field="cell_types", values=_plain(study["cell_types"])))
    dates: list[Ref] = study.get("pub_date", [])
    if any(not _dates_compatible(x.value, y.value) for i, x in enumerate(dates) for y in dates[i + 1:]):
        out.append(Conflict(field="pub_date", values=_plain(dates)))
    for field, role in (("n_total", "total"), ("n_studies", "studies_included")):
        refs = [_construct(SourceRef, {"value": ref.value["n"], "record_ids": ref.record_ids})
                for ref in merged["cohort_sizes"] if ref.value["role"] == role]
        if len(refs) > 1:
            out.append(Conflict(field=field, values=refs))
    return out


def build_study(study_id: str, records: list[Record], links: list[Link]) -> Study:
    """One Study from its records and the links that joined them."""
    merged = merge_values(records)
    return Study(study_id=study_id, record_ids=[r.record_id for r in records], merged=merged,
                 conflicts=find_conflicts(records, merged), links=links)


def assign_ids(clusters: list[list[Record]], *, key: Callable[[list[Record]], str] = lambda rs: min(
        r.record_id for r in rs)) -> list[str]:
    """A unique id per cluster: its best candidate not taken by a cluster processed earlier."""
    ids: list[Optional[str]] = [None] * len(clusters)
    taken: set[str] = set()
    for idx in sorted(range(len(clusters)), key=lambda i: key(clusters[i])):
        # the last candidate (earliest record) is unique, so every cluster gets an id
        ids[idx] = next(c for c in id_candidates(clusters[idx]) if c not in taken)
        taken.add(ids[idx])  # type: ignore[arg-type]
    return ids  # type: ignore[return-value]
