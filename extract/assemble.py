"""Extract stage: run the registered field extractors over each mention and build study records."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Any, Optional, Sequence

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
               "procedure_year": "procedure_year", "gene_edited": "gene_edited"}
META_LIST = {"registry_id": "registry_ids", "cell_type": "cell_types", "alias": "aliases",
             "organisation": "organisations", "sponsor": "sponsors", "investigator": "investigators"}


def _line_at(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The line (paragraph) of ``text`` around ``pos``, clipped to [lo, hi)."""
    start = max(lo, text.rfind("\n", 0, pos) + 1)
    end = text.find("\n", pos)
    return start, min(hi, end if end >= 0 else len(text))


def mention_anchor(doc: Document, mention: Mention, hits: Sequence[Hit] = ()) -> str:
    """The normalised text a record id is anchored on: the sentence that introduces the study, else
    the line that holds its earliest fact, else its first non-empty line.

    Content, not offsets: a line added elsewhere in the document (a header, an edited paragraph)
    leaves the anchor, and so the id, unchanged.
    """
    text = doc.text
    if mention.intro and mention.intro[1] > mention.intro[0]:
        start, end = mention.intro
    else:
        inside = [h for h in hits if h.field in FACT_MODELS
                  and any(s <= h.start < e for s, e in mention.spans)]
        if inside:
            first = min(inside, key=lambda h: h.start)
            span = next((s, e) for s, e in mention.spans if s <= first.start < e)
            start, end = _line_at(text, first.start, *span)
        else:
            lo, hi = mention.spans[0] if mention.spans else (0, 0)
            start = end = lo
            while start < hi:  # the first line with any text
                start, end = _line_at(text, start, lo, hi)
                if text[start:end].strip():
                    break
                start = end + 1
    return " ".join(text[start:end].split())


def record_id(doc: Document, mention: Mention, hits: Sequence[Hit] = (), occurrence: int = 0) -> str:
    """Stable id from the document's id, the mention's anchor text and how many mentions of the same
    document share that anchor before it (never from offsets, time or order of processing)."""
    key = f"{doc.doc_id}\x00{mention_anchor(doc, mention, hits)}\x00{occurrence}"
    return "r-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def evidence(doc: Document, hit: Hit) -> Evidence:
    return Evidence(quote=doc.text[hit.start:hit.end], start=hit.start, end=hit.end,
                    extractor=hit.extractor, pattern=hit.pattern)


# study-level fields a row of a table of studies may take from its context (caption, header, group
# heading: "Randomized controlled trials", "Duration of T1DM (years)") when the row does not state them
CONTEXT_FIELDS = frozenset({"condition", "design"})


def find_hits(doc: Document, mention: Mention,
              extractors: tuple[FieldExtractor, ...] = EXTRACTORS) -> list[Hit]:
    """All hits of all extractors in the mention's spans, each extractor's ``decide`` applied.

    A field of ``CONTEXT_FIELDS`` the spans give no hit for is read from the mention's context spans,
    nearest first (a group heading before the header, the header before the caption).
    """
    kept: list[Hit] = []
    for ex in extractors:
        hits: list[Hit] = []
        for start, end in mention.spans:
            hits.extend(ex.find(Span(doc, start, end)))
        kept.extend(ex.decide(hits))
    if mention.kind == "nested" and mention.context:
        # a study cut out of a longer text that says only "diabetes" ("加拿大某大学报告33位糖尿病病人") is about the type its
        # paragraph or document is about, as a record naming no diabetes at all is (fields/condition.py)
        kept = [h for h in kept if not (h.field == "condition" and h.value.get("value") == "unspecified")]
    have = {h.field for h in kept}
    fields = CONTEXT_FIELDS if mention.context_fields is None else mention.context_fields
    for start, end in sorted(mention.context, reverse=True):
        for ex in extractors:
            found = [h for h in ex.decide(ex.find(Span(doc, start, end)))
                     if h.field in fields and h.field not in have]
            kept.extend(found)
        have |= {h.field for h in kept}
    kept.extend(h for h in mention.context_hits if h.field not in have)
    return kept


def _best(hits: list[Hit]) -> Hit:
    return sorted(hits, key=lambda h: (-h.score, h.start))[0]


def last_assessment(hba1c: list[Hit]) -> Optional[Hit]:
    """A follow-up told only as the time of the last HbA1c reading after treatment ("24周时两组HbA1c分别下降…",
    "一年后降至6.4%", "by week 48 the values were 7.3% and 8.1%"), when the record states no follow-up of its own:
    that time point, with the reading's evidence."""
    timed = [h for h in hba1c if h.value.get("timepoint_days") and (h.value.get("after") is not None
                                                                    or h.value.get("change") is not None)]
    if not timed:
        return None
    last = max(timed, key=lambda h: (h.value["timepoint_days"], -h.start))
    return Hit("follow_up", {"days": last.value["timepoint_days"]}, last.start, last.end, last.extractor,
               "follow_up_last_assessment", 0.5)


def build_record(doc: Document, mention: Mention, hits: list[Hit], *, rid: Optional[str] = None) -> Record:
    """Turn a mention's hits into a validated contract record with evidence on every value.

    ``study_id`` stays empty until deduplication names the record's study.
    """
    rec = Record(record_id=rid or record_id(doc, mention, hits), study_id="", doc_id=doc.doc_id,
                 lang=doc.lang, mention=list(mention.spans))  # type: ignore[arg-type]
    meta: dict[str, Any] = {}
    meta_ev: dict[str, list[Evidence]] = defaultdict(list)
    by_field: dict[str, list[Hit]] = defaultdict(list)
    # segmentation's own study-level hits (e.g. a DOI from the cited reference) come first
    for h in list(mention.hits) + hits:
        by_field[h.field].append(h)
    if "follow_up" not in by_field and (last := last_assessment(by_field.get("hba1c", []))) is not None:
        by_field["follow_up"].append(last)
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
    seen_spans: set[tuple[int, int]] = set()
    anchors: Counter[str] = Counter()
    for mention in segment(doc):
        first = mention.spans[0] if mention.spans else (0, 0)
        if first in seen_spans:  # the same text segmented twice is one record
            continue
        hits = find_hits(doc, mention)
        anchor = mention_anchor(doc, mention, hits)
        rec = build_record(doc, mention, hits, rid=record_id(doc, mention, hits, anchors[anchor]))
        if not has_facts(rec) or (mention.weak and not has_own_numbers(rec)):
            continue
        anchors[anchor] += 1
        seen_spans.add(first)
        records.append(rec)
    return records


def has_own_numbers(rec: Record) -> bool:
    """A record holds a cohort, an HbA1c value, a dose or an identifier: a study of its own, not a review's
    general remarks (their design, condition, cell type, "5年" or "每日4-7次" alone tell no study)."""
    s = rec.study
    return bool(rec.cohort_sizes or rec.hba1c or rec.doses or s.doi or s.pmid or s.registry_ids)


def has_facts(rec: Record) -> bool:
    """A record is worth writing when it holds at least one scored fact."""
    s = rec.study
    return bool(rec.cohort_sizes or rec.hba1c or rec.doses or rec.regimen or rec.follow_up
                or s.doi or s.pmid or s.registry_ids or s.design or s.cell_types)
