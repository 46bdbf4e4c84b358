"""Merge a cluster's records into one Study: values with their sources, conflicts, a stable id."""
from __future__ import annotations

import hashlib
import json
from typing import Any, Callable, Hashable, Iterable, Optional, TypeVar

from pydantic import BaseModel

from ..models import Link, Record, Study, StudyMeta
from .compare import cells_compatible
from .normalise import journal_table, norm_doi, norm_registry, norm_title
from .records_file import Row, record_row

# StudyMeta fields merged value by value (lists are merged element by element), in StudyMeta's order (the
# order a Study is written in)
META_FIELDS = tuple(name for name in StudyMeta.model_fields if name != "evidence")
# single-valued facts of one study: two different values are a conflict
CONFLICT_FIELDS = ("doi", "pmid", "pmcid", "design", "condition", "country")

# a study as the JSON object of its output line (``Study.model_dump(mode="json")``)
StudyRow = dict[str, Any]


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


def _collect(pairs: Iterable[tuple[Hashable, Any, str]]) -> list[dict[str, Any]]:
    """Group (key, value, record_id) by key, first value kept, record ids in first-seen order."""
    order: dict[Hashable, tuple[Any, list[str]]] = {}
    for key, value, rid in pairs:
        hit = order.get(key)
        if hit is None:
            order[key] = (value, [rid])
        elif rid not in hit[1]:
            hit[1].append(rid)
    return [{"value": v, "record_ids": rids} for v, rids in order.values()]


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


def _rounded(x: Optional[float], nd: int = 2) -> Optional[float]:
    return None if x is None else round(x, nd)


# study fields whose values are grouped by their folded spelling when a study has several records
_FOLDED = frozenset({"journal", "title", "institution"})


def merge_values(rows: list[Row]) -> dict[str, Any]:
    """The cluster's values, in a record's shape (``models.Merged`` as plain values), each listing the records it
    came from."""
    several = len(rows) > 1   # (one record gives one title, journal, institution: no spellings to fold)
    # (key, value, record id) per field, in the records' order; only the fields a record gives are visited (most
    # fields of most records are empty)
    found: dict[str, list[tuple[Hashable, Any, str]]] = {}
    for r in rows:
        rid = r["record_id"]
        for name, v in r["study"].items():
            if v is None or v == "" or v == [] or name == "evidence":
                continue
            items = found.get(name)
            if items is None:
                items = found[name] = []
            for x in (v if isinstance(v, list) else (v,)):
                if x is None or x == "":
                    continue
                if name in _FOLDED:
                    key: Hashable = norm_title(x) if several else x   # one value per spelling, case and punctuation aside
                elif name == "registry_ids":
                    key = norm_registry(x)
                else:
                    key = x
                items.append((key, x, rid))
    merged: dict[str, Any] = {"study": {name: _collect(found[name]) for name in META_FIELDS if found.get(name)}}
    cohort = [((c["n"], c["role"]), {"n": c["n"], "role": c["role"], "label": c["label"]}, r["record_id"])
              for r in rows for c in r["cohort_sizes"]]
    hba1c = [((_rounded(h["before"]), _rounded(h["after"]), _rounded(h["change"]), h["timepoint_days"]),
              {"before": h["before"], "after": h["after"], "change": h["change"], "unit": h["unit"],
               "timepoint_days": h["timepoint_days"], "group": h["group"]}, r["record_id"])
             for r in rows for h in r["hba1c"]]
    doses = [((d["cells_min"], d["cells_max"], d["per_kg"]),
              {"cells_min": d["cells_min"], "cells_max": d["cells_max"], "per_kg": d["per_kg"]}, r["record_id"])
             for r in rows for d in r["doses"]]
    regimen = [((g["infusions"], g["interval_days"]), {"infusions": g["infusions"], "interval_days": g["interval_days"]},
                r["record_id"]) for r in rows for g in r["regimen"]]
    follow_up = [(round(f["days"]), {"days": f["days"]}, r["record_id"]) for r in rows for f in r["follow_up"]]
    for name, items in (("cohort_sizes", cohort), ("hba1c", hba1c), ("doses", doses), ("regimen", regimen),
                        ("follow_up", follow_up)):
        merged[name] = _collect(items) if items else []
    return merged


def _dates_compatible(a: str, b: str) -> bool:
    """2025 and 2025-05-19 agree at the coarser precision."""
    return a.startswith(b) or b.startswith(a)


def _plain(refs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"value": r["value"], "record_ids": r["record_ids"]} for r in refs]


def find_conflicts(rows: list[Row], merged: dict[str, Any]) -> list[dict[str, Any]]:
    """Fields whose values disagree between the cluster's records (``models.Conflict`` as plain values)."""
    out: list[dict[str, Any]] = []
    study = merged["study"]
    for name in CONFLICT_FIELDS:
        refs = study.get(name, [])
        if len(refs) > 1:
            out.append({"field": name, "values": _plain(refs)})
    # spellings of one journal (across languages) agree; two journals of the table do not
    jt = journal_table()
    known = sorted({j for ref in study.get("journal", []) if (j := jt.canonical(ref["value"])) and not j.startswith("raw:")})
    # a parent title and its own sub-journal ("《柳叶刀》" for its diabetes journal) agree too
    if len(known) > 2 or (len(known) == 2 and not jt.parent_and_child(*known)):
        out.append({"field": "journal", "values": _plain(study["journal"])})
    cells = [frozenset(c) for r in rows if (c := r["study"].get("cell_types"))]
    if any(not cells_compatible(x, y) for i, x in enumerate(cells) for y in cells[i + 1:]):
        out.append({"field": "cell_types", "values": _plain(study["cell_types"])})
    dates: list[dict[str, Any]] = study.get("pub_date", [])
    if any(not _dates_compatible(x["value"], y["value"]) for i, x in enumerate(dates) for y in dates[i + 1:]):
        out.append({"field": "pub_date", "values": _plain(dates)})
    for field, role in (("n_total", "total"), ("n_studies", "studies_included")):
        refs = [{"value": ref["value"]["n"], "record_ids": ref["record_ids"]}
                for ref in merged["cohort_sizes"] if ref["value"]["role"] == role]
        if len(refs) > 1:
            out.append({"field": field, "values": refs})
    return out


def study_row(study_id: str, rows: list[Row], links: list[dict[str, Any]], previous_ids: list[str]) -> StudyRow:
    """One study as the JSON object of its line (``Study`` fields in their order), from its records' rows and the
    links (``PendingLink.row``) that joined them: what ``build_study`` validates, for a run that only writes it."""
    merged = merge_values(rows)
    return {"study_id": study_id, "record_ids": [r["record_id"] for r in rows], "merged": merged,
            "conflicts": find_conflicts(rows, merged), "links": links, "previous_ids": previous_ids}


# json.dumps(..., ensure_ascii=False) makes an encoder per call; one made once writes the same text (rows hold no
# reference cycles: no check for them)
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def dump_row(row: StudyRow) -> str:
    """A study row's line: ``write.dumps`` of the Study it describes (the same JSON text)."""
    return _ENCODER.encode(row)


def build_study(study_id: str, records: list[Record], links: list[Link]) -> Study:
    """One Study from its records and the links that joined them."""
    rows = [record_row(r) for r in records]
    merged = merge_values(rows)
    return Study(study_id=study_id, record_ids=[r.record_id for r in records], merged=merged,  # type: ignore[arg-type]
                 conflicts=find_conflicts(rows, merged), links=links)


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
