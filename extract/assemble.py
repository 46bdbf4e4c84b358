"""Extract stage: run the registered field extractors over each mention and build study records."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from .document import Document
from .fields import EXTRACTORS
from .fields.base import FieldExtractor, Hit, Span
from .models import CohortSize, Dose, Evidence, FollowUp, HbA1c, Record, Regimen, StudyMeta
from .segment import Mention, segment

# hit field -> (record list attribute, contract model) for the per-value facts
FACT_MODELS: dict[str, tuple[str, type]] = {
    "cohort": ("cohort_sizes", CohortSize),
    "hba1c": ("hba1c", HbA1c),
    "dose": ("doses", Dose),
    "regimen": ("regimen", Regimen),
    "follow_up": ("follow_up", FollowUp),
}
# hit field -> StudyMeta attribute; list-valued ones collect every distinct value
META_SINGLE = {"title": "title", "journal": "journal", "pub_date": "pub_date", "doi": "doi",
               "pmid": "pmid", "pmcid": "pmcid", "design": "design", "condition": "condition",
               "institution": "institution", "country": "country",
               # the study's profile (fields/profile.py)
               "city": "city", "patient_age": "patient_age", "patient_sex": "patient_sex",
               "disease_duration_years": "disease_duration_years", "insulin_free_days": "insulin_free_days",
               "procedure_year": "procedure_year"}
META_LIST = {"registry_id": "registry_ids", "cell_type": "cell_types", "alias": "aliases",
             "organisation": "organisations", "sponsor": "sponsors"}


def record_id(doc: Document, mention: Mention) -> str:
    """Stable id from the document's identity and the mention's place in it."""
    first = mention.spans[0] if mention.spans else (0, 0)
    key = f"{doc.doc_id}\x00{first[0]}:{first[1]}"
    return "r-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def evidence(doc: Document, hit: Hit) -> Evidence:
    return Evidence(quote=doc.text[hit.start:hit.end], start=hit.start, end=hit.end,
                    extractor=hit.extractor, pattern=hit.pattern)


def find_hits(doc: Document, mention: Mention,
              extractors: tuple[FieldExtractor, ...] = EXTRACTORS) -> list[Hit]:
    """All hits of all extractors in the mention's spans, each extractor's ``decide`` applied."""
    kept: list[Hit] = []
    for ex in extractors:
        hits: list[Hit] = []
        for start, end in mention.spans:
            hits.extend(ex.find(Span(doc, start, end)))
        kept.extend(ex.decide(hits))
    return kept


def _best(hits: list[Hit]) -> Hit:
    return sorted(hits, key=lambda h: (-h.score, h.start))[0]


def build_record(doc: Document, mention: Mention, hits: list[Hit]) -> Record:
    """Turn a mention's hits into a validated contract record with evidence on every value."""
    rec = Record(record_id=record_id(doc, mention), doc_id=doc.doc_id, lang=doc.lang,  # type: ignore[arg-type]
                 mention=list(mention.spans))
    meta: dict[str, Any] = {}
    meta_ev: dict[str, list[Evidence]] = defaultdict(list)
    by_field: dict[str, list[Hit]] = defaultdict(list)
    # segmentation's own study-level hits (e.g. a DOI from the cited reference) come first
    for h in list(mention.hits) + hits:
        by_field[h.field].append(h)
    for fld, group in by_field.items():
        if fld == "warning":  # a checker's finding about the text (e.g. a unit that does not fit)
            rec.warnings.extend(h.value["message"] for h in group)
        elif fld in FACT_MODELS:
            attr, model = FACT_MODELS[fld]
            seen: set[str] = set()
            for h in sorted(group, key=lambda h: h.start):
                key = repr(sorted(h.value.items()))
                if key in seen:
                    continue
                seen.add(key)
                getattr(rec, attr).append(model(**h.value, evidence=evidence(doc, h)))
                rec.warnings.extend(h.warnings)
        elif fld in META_SINGLE:
            from_mention = [h for h in group if h in mention.hits]
            best = _best(from_mention or group)
            meta[META_SINGLE[fld]] = best.value["value"]
            meta_ev[META_SINGLE[fld]].append(evidence(doc, best))
        elif fld in META_LIST:
            values: list[str] = []
            for h in sorted(group, key=lambda h: h.start):
                if h.value["value"] not in values:
                    values.append(h.value["value"])
                    meta_ev[META_LIST[fld]].append(evidence(doc, h))
            meta[META_LIST[fld]] = values
    rec.study = StudyMeta(**meta, evidence=dict(meta_ev))
    return rec


def extract_records(doc: Document) -> list[Record]:
    """Segment the document and build one record per study mention (mentions with no fact dropped)."""
    records: list[Record] = []
    seen_ids: set[str] = set()
    for mention in segment(doc):
        rec = build_record(doc, mention, find_hits(doc, mention))
        if not has_facts(rec) or rec.record_id in seen_ids:
            continue
        seen_ids.add(rec.record_id)
        records.append(rec)
    return records


def has_facts(rec: Record) -> bool:
    """A record is worth writing when it holds at least one scored fact."""
    s = rec.study
    return bool(rec.cohort_sizes or rec.hba1c or rec.doses or rec.regimen or rec.follow_up
                or s.doi or s.pmid or s.registry_ids or s.design or s.cell_types)
