"""Plausibility rules: implausible values are dropped with a warning, doubtful ones kept with a warning."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from extract.document import Document, SourceDoc
from extract.models import CohortSize, Dose, Evidence, FollowUp, HbA1c, Record, StudyMeta
from extract.validate import validate_record

TEXT = "HbA1c 58 % ; 7.1 % ; n = 30 ; 20 arms ; 40 years ; 5e12 cells"


def doc() -> Document:
    return Document("d.txt", TEXT, TEXT, "en", SourceDoc("d.txt", TEXT, "txt"))


def ev(quote: str) -> Evidence:
    i = TEXT.index(quote)
    return Evidence(quote=quote, start=i, end=i + len(quote))


def record(**kw) -> Record:
    return Record(record_id="r-1", study_id="", doc_id="d.txt", lang="en", **kw)


@pytest.mark.parametrize("attr, item, kept", [
    ("hba1c", HbA1c(after=58.0, evidence=ev("58 %")), False),          # mmol/mol-like number read as %
    ("hba1c", HbA1c(after=7.1, evidence=ev("7.1 %")), True),
    ("hba1c", HbA1c(change=-12.0, evidence=ev("7.1 %")), False),
    ("doses", Dose(cells_min=5e12, cells_max=5e12, evidence=ev("5e12 cells")), False),
    ("follow_up", FollowUp(days=40 * 365.25, evidence=ev("40 years")), False),
    ("follow_up", FollowUp(days=365, evidence=ev("40 years")), True),
    ("cohort_sizes", CohortSize(n=30, role="total", evidence=ev("n = 30")), True),
])
def test_range_rules(attr: str, item, kept: bool) -> None:
    out = validate_record(record(**{attr: [item]}), doc())
    assert (len(getattr(out, attr)) == 1) is kept
    if not kept:
        assert any("dropped implausible" in w for w in out.warnings)


def test_arm_larger_than_total_is_kept_with_a_warning() -> None:
    rec = record(cohort_sizes=[CohortSize(n=30, role="total", evidence=ev("n = 30")),
                               CohortSize(n=40, role="arm", evidence=ev("40 years"))])
    out = validate_record(rec, doc())
    assert len(out.cohort_sizes) == 2
    assert any("larger than the total" in w for w in out.warnings)


def test_evidence_that_does_not_match_the_text_is_dropped() -> None:
    bad = Evidence(quote="7.1 %", start=0, end=5)  # offsets of a different quote
    out = validate_record(record(hba1c=[HbA1c(after=7.1, evidence=bad)]), doc())
    assert out.hba1c == [] and any("evidence" in w for w in out.warnings)


@pytest.mark.parametrize("kwargs", [
    {"pub_date": "2025-13-01"}, {"pub_date": "May 2025"}, {"doi": "10.1000/ABC"},
    {"doi": "https://doi.org/10.1000/abc"}, {"pmid": "PMID123"}, {"design": "trial"},
    {"cell_types": ["stem cells"]},
])
def test_study_metadata_is_validated(kwargs: dict) -> None:
    with pytest.raises(ValidationError):
        StudyMeta(**kwargs)


def test_models_reject_impossible_values() -> None:
    with pytest.raises(ValidationError):
        CohortSize(n=0, role="total", evidence=ev("n = 30"))
    with pytest.raises(ValidationError):
        HbA1c(evidence=ev("7.1 %"))  # no value at all
    with pytest.raises(ValidationError):
        Dose(cells_min=2e8, cells_max=1e8, evidence=ev("5e12 cells"))
    with pytest.raises(ValidationError):
        Evidence(quote="abc", start=0, end=5)
