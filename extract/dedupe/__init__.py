"""Deduplicate study records across documents and languages (placeholder: one study per record)."""
from __future__ import annotations

import hashlib

from ..models import Record, Study


def dedupe(records: list[Record]) -> list[Study]:
    """Group records that report the same study; sets each record's ``study_id``."""
    studies = []
    for r in records:
        sid = "s-" + hashlib.sha1(r.record_id.encode()).hexdigest()[:16]
        r.study_id = sid
        studies.append(Study(study_id=sid, record_ids=[r.record_id]))
    return studies


def explain(a: Record, b: Record) -> "Link":
    """The signals and scores that link (or separate) two records."""
    from ..models import Link
    return Link(a=a.record_id, b=b.record_id, score=0.0, level="none")
