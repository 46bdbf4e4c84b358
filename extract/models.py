"""Pydantic models of the output contract (../shared/eval/CONTRACT.md).

Every record written to ``records.jsonl`` / ``studies.jsonl`` / ``documents.jsonl``
is an instance of one of these models; ``schemas/`` holds their JSON Schema.
"""
from __future__ import annotations

import types
from typing import Annotated, Any, Generic, Literal, Optional, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from typing_extensions import TypedDict
from .rxcache import rx

Lang = Literal["zh", "zh-Hant", "en"]
Design = Literal[
    "rct", "controlled_trial", "single_arm_trial", "observational", "case_report",
    "meta_analysis", "review", "preclinical", "other",
]
Condition = Literal["T1D", "T2D", "both", "unspecified"]
CellType = Literal[
    "UC-MSC", "BM-MSC", "AD-MSC", "P-MSC", "MSC", "BM-MNC", "UCB", "hAESC",
    "iPSC-islet", "ESC-islet", "HSC", "islet", "stem-cell-educator", "other",
]
Role = Literal["total", "arm", "studies_included"]
Status = Literal["ok", "error", "skipped"]

# formats of the identifiers and dates, as data: the validators and the exported JSON Schema share them
PUB_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
DOI_PATTERN = r"^10\.\d{4,9}/[^\sA-Z]+$"          # bare and lower-case: no https://doi.org/, no doi:
PMID_PATTERN = r"^\d{1,9}$"
PMCID_PATTERN = r"^PMC\d{1,9}$"
# a trial/review registration id in its registry's canonical form, as fields/identifiers.py writes it
# (registered prefix case, no inner spaces): NCT02302599, ChiCTR-IOR-17011111, jRCTs031190000,
# CTRI/2020/01/123456, IRCT20190101042101N1, CRD42023412345, EudraCT 2004-000123-45. The shape, not a
# list of registries, so a registry the extractor learns needs no schema change.
REGISTRY_PATTERN = r"^([a-z]?[A-Z][A-Za-z]{1,7}[-/]?[A-Z0-9][A-Z0-9/-]*[A-Z0-9]|\d{4}-\d{6}-\d{2})$"
PUB_DATE_RE = rx(PUB_DATE_PATTERN)
DOI_RE = rx(DOI_PATTERN)

PubDate = Annotated[str, StringConstraints(pattern=PUB_DATE_PATTERN)]
Doi = Annotated[str, StringConstraints(pattern=DOI_PATTERN)]
Pmid = Annotated[str, StringConstraints(pattern=PMID_PATTERN)]
Pmcid = Annotated[str, StringConstraints(pattern=PMCID_PATTERN)]
RegistryId = Annotated[str, StringConstraints(pattern=REGISTRY_PATTERN)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Evidence(_Model):
    """Where a value was read: ``text[start:end] == quote`` in the document's text."""

    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    extractor: Optional[str] = None
    pattern: Optional[str] = None

    @model_validator(mode="after")
    def _span(self) -> "Evidence":
        if self.end < self.start or self.end - self.start != len(self.quote):
            raise ValueError("evidence span length must equal len(quote)")
        return self


class CohortSize(_Model):
    n: int = Field(ge=1)
    role: Role
    label: Optional[str] = None
    evidence: Evidence


class HbA1c(_Model):
    before: Optional[float] = None
    after: Optional[float] = None
    change: Optional[float] = None
    unit: Literal["%"] = "%"
    original_unit: Optional[Literal["%", "mmol/mol"]] = None
    timepoint_days: Optional[float] = None
    group: Optional[str] = None
    evidence: Evidence

    @model_validator(mode="after")
    def _some_value(self) -> "HbA1c":
        if self.before is None and self.after is None and self.change is None:
            raise ValueError("an HbA1c entry needs before, after or change")
        return self


class Dose(_Model):
    cells_min: float = Field(gt=0)
    cells_max: float = Field(gt=0)
    per_kg: bool = False
    evidence: Evidence

    @model_validator(mode="after")
    def _order(self) -> "Dose":
        if self.cells_max < self.cells_min:
            raise ValueError("cells_max < cells_min")
        return self


class Regimen(_Model):
    infusions: Optional[int] = Field(default=None, ge=1)
    interval_days: Optional[float] = Field(default=None, gt=0)
    evidence: Evidence

    @model_validator(mode="after")
    def _some_value(self) -> "Regimen":
        if self.infusions is None and self.interval_days is None:
            raise ValueError("a regimen entry needs infusions or interval_days")
        return self


class FollowUp(_Model):
    days: float = Field(gt=0)
    evidence: Evidence


class StudyMeta(_Model):
    title: Optional[str] = None
    journal: Optional[str] = None
    pub_date: Optional[PubDate] = None
    doi: Optional[Doi] = None
    pmid: Optional[Pmid] = None
    pmcid: Optional[Pmcid] = None
    registry_ids: list[RegistryId] = Field(default_factory=list)
    design: Optional[Design] = None
    condition: Optional[Condition] = None
    cell_types: list[CellType] = Field(default_factory=list)
    institution: Optional[str] = None
    country: Optional[str] = None          # English short name, e.g. "Malaysia", whatever the text's language
    aliases: list[str] = Field(default_factory=list)  # trial/product/cohort names: "VX-880", "zimislecel"
    # the study's profile, for linking reports that share no identifier (case reports, small series)
    organisations: list[str] = Field(default_factory=list)  # hospitals, universities, sponsors of the
    # bilingual table, by their English name ("Tianjin First Central Hospital" for 天津市第一中心医院), then
    # hospitals and universities the table lacks, as written ("Fuzhou General Hospital")
    sponsors: list[str] = Field(default_factory=list)  # companies the table does not know ("Aurelis")
    city: Optional[str] = None              # English name of the city of the treating institution
    investigators: list[str] = Field(default_factory=list)  # authors / team leads as written ("Voltarelli", "邓宏魁")
    patient_age: Optional[int] = Field(default=None, ge=0, le=120)   # one patient's age in years
    patient_sex: Optional[Literal["male", "female"]] = None           # one patient's sex
    disease_duration_years: Optional[float] = Field(default=None, ge=0, le=100)  # how long the patient had diabetes
    insulin_free_days: Optional[float] = Field(default=None, gt=0)   # how long off insulin when reported
    procedure_year: Optional[int] = Field(default=None, ge=1950, le=2100)  # year of the transplant/infusion
    gene_edited: Optional[bool] = None      # the cells were gene-edited ("CRISPR-edited", "基因编辑的胰岛细胞")
    # field name -> the evidence of its value(s); every non-empty field above has one
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)

    @field_validator("pub_date")
    @classmethod
    def _date(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not PUB_DATE_RE.match(v):
            raise ValueError(f"pub_date {v!r} is not YYYY[-MM[-DD]]")
        return v

    @field_validator("doi")
    @classmethod
    def _doi(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and (v != v.lower() or not DOI_RE.match(v)):
            raise ValueError(f"doi {v!r} must be a lower-case bare DOI")
        return v

    @field_validator("pmid")
    @classmethod
    def _pmid(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not v.isdigit():
            raise ValueError(f"pmid {v!r} must be digits")
        return v


class Record(_Model):
    """One study as reported in one document."""

    record_id: str
    # the record's study in studies.jsonl; empty only between extraction and deduplication (never written so)
    study_id: str
    doc_id: str
    lang: Lang
    mention: list[tuple[int, int]] = Field(default_factory=list)  # text spans of the mention
    study: StudyMeta = Field(default_factory=StudyMeta)
    cohort_sizes: list[CohortSize] = Field(default_factory=list)
    hba1c: list[HbA1c] = Field(default_factory=list)
    doses: list[Dose] = Field(default_factory=list)
    regimen: list[Regimen] = Field(default_factory=list)
    follow_up: list[FollowUp] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class SourceRef(_Model):
    """A value and the records it came from (a conflict's values: a field value or a count)."""

    value: Any
    record_ids: list[str]


T = TypeVar("T")


class Ref(_Model, Generic[T]):
    """A merged value and the records it came from."""

    value: T
    record_ids: list[str]


class CohortValue(TypedDict):
    n: int
    role: Role
    label: Optional[str]


class HbA1cValue(TypedDict):
    before: Optional[float]
    after: Optional[float]
    change: Optional[float]
    unit: Literal["%"]
    timepoint_days: Optional[float]
    group: Optional[str]


class DoseValue(TypedDict):
    cells_min: float
    cells_max: float
    per_kg: bool


class RegimenValue(TypedDict):
    infusions: Optional[int]
    interval_days: Optional[float]


class FollowUpValue(TypedDict):
    days: float


def element_type(annotation: Any) -> Any:
    """``list[X]`` and ``Optional[X]`` -> ``X``: the type of one value of a study field."""
    origin = get_origin(annotation)
    if origin is list:
        return get_args(annotation)[0]
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else Union[tuple(args)]
    return annotation


# merged study fields: every StudyMeta field (its evidence aside) as a list of values with their records;
# built from StudyMeta so a field added there is merged and typed here too
MergedStudyMeta = TypedDict(  # type: ignore[misc]
    "MergedStudyMeta",
    {name: list[Ref[element_type(f.annotation)]]  # type: ignore[misc]
     for name, f in StudyMeta.model_fields.items() if name != "evidence"},
    total=False)
MergedStudyMeta.__pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[attr-defined]


class Merged(TypedDict):
    """A study's values in a record's shape: each distinct value once, with the records it came from."""

    __pydantic_config__ = ConfigDict(extra="forbid")  # type: ignore[misc]

    study: MergedStudyMeta
    cohort_sizes: list[Ref[CohortValue]]
    hba1c: list[Ref[HbA1cValue]]
    doses: list[Ref[DoseValue]]
    regimen: list[Ref[RegimenValue]]
    follow_up: list[Ref[FollowUpValue]]


class Conflict(_Model):
    """A field whose records disagree: each value with its records (``n_total``/``n_studies`` carry
    the counts, other fields the study field's values)."""

    field: str
    values: list[SourceRef]


class LinkSignal(_Model):
    name: str
    score: float
    detail: Optional[str] = None


class Link(_Model):
    """Why two records were put in one study."""

    a: str
    b: str
    score: float
    level: str
    linked: Optional[bool] = None   # whether the two records share a study_id in the run
    threshold: Optional[float] = None  # the score a candidate pair needs to be a link
    decision: Optional[str] = None  # a curator decision that applies to the pair (must-link / cannot-link)
    signals: list[LinkSignal] = Field(default_factory=list)


class Study(_Model):
    study_id: str
    record_ids: list[str]
    merged: Merged
    conflicts: list[Conflict] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    previous_ids: list[str] = Field(default_factory=list)  # ids earlier runs gave this study


class DocumentRow(_Model):
    """One input document and its processing status."""

    doc_id: str
    status: Status
    lang: Optional[Lang] = None
    text: str = ""
    error: Optional[str] = None
    error_code: Optional[str] = None
    source_path: Optional[str] = None
    source_format: Optional[str] = None
    encoding: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    content_hash: Optional[str] = None
    same_content_as: list[str] = Field(default_factory=list)
    n_records: int = 0
    warnings: list[str] = Field(default_factory=list)


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "record": Record,
    "study": Study,
    "document": DocumentRow,
}
