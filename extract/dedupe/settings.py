"""Linking settings: comparison-level weights, thresholds and blocking caps (data, not code).

Weights are log2 Bayes factors in the spirit of splink's match weights: a positive weight says
the observed agreement is that many bits more likely among true duplicates than among
different studies. A link's score is the sum of its signals' weights. ``HAND_WEIGHTS`` below are
the weights set by hand (the prior); ``data/link_weights.json`` holds the weights estimated from
labelled pairs (``python tools/estimate_weights.py``, Fellegi-Sunter m/u per comparison level,
shrunk towards the hand weight where a level was seen rarely) and the link threshold chosen with
them; a weight missing there keeps its hand value.
"""
from __future__ import annotations

import json
import os
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping


class Weight(float):
    """A weight that remembers its name, so a signal can be traced to its comparison level."""

    key: str

    def __new__(cls, value: float, key: str) -> "Weight":
        w = super().__new__(cls, value)
        w.key = key
        return w


def _estimated() -> dict[str, Any]:
    if os.environ.get("EXTRACT_LINK_WEIGHTS") == "hand":  # tools/estimate_weights.py and before/after runs
        return {}
    try:
        text = resources.files("extract").joinpath("data/link_weights.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return json.loads(text)


ESTIMATED: Mapping[str, Any] = MappingProxyType(_estimated())

# ---------------------------------------------------------------- pair scoring

# Sum of weights at or above which a candidate pair is a link.
HAND_LINK_THRESHOLD: float = 6.5
LINK_THRESHOLD: float = float(ESTIMATED.get("link_threshold", HAND_LINK_THRESHOLD))
# Average cross-pair score two clusters need before they are merged (average linkage);
# lower than LINK_THRESHOLD because a cross-language pair may only be linked through a third record,
# but above what any two studies of the same kind share (condition + cell type + design = 2.5),
# so that look-alike studies cannot be chained together through one ambiguous record.
CLUSTER_AVG_THRESHOLD: float = 3.5
# groups up to this size are searched for records tied by an identifier (cluster._tied)
UNIT_MAX_GROUP: int = 30
# A group of reports joins another study when their joint profile (cluster.joint_signals: per signal the
# best cross pair) reaches the link threshold plus this margin: a study of many reports offers more
# chances to share something by chance than one record does.
JOINT_MARGIN: float = 1.0
# ... and when what identifies the study in it (sponsor, hospital, patient, numbers; not the kind of study:
# design, condition, cell type, journal, year, country) weighs at least this much: many reports of one
# kind of study share the kind.
JOINT_MIN_IDENTIFYING: float = 4.5
# ... of which this much from who and what it is about (sponsor, hospital, product, the patient;
# cluster.JOINT_PROFILE): numbers, near titles and dates that a record shares with one report and
# another by chance do not make it one of them
JOINT_MIN_PROFILE: float = 3.0
# Pairs at least this good (no contradiction, two documents) make their groups candidates for it.
JOINT_PAIR_FLOOR: float = 2.0
# Clusters are never grown past this size: a study reported in more documents than this is
# vanishingly rare in this domain, and the cap bounds the cross-pair checks.
MAX_CLUSTER_SIZE: int = 200

# Title fuzzy levels (rapidfuzz scores 0-100 on normalised titles).
TITLE_STRONG: float = 92.0
TITLE_WEAK: float = 85.0
# Titles shorter than this (normalised chars) are too generic for the exact/fuzzy levels.
TITLE_MIN_LEN: int = 12
TITLE_MIN_LEN_CJK: int = 8          # a Chinese character carries about a word's information
# A title that is the start of the other (its subtitle dropped) counts when it is this long.
TITLE_PREFIX_MIN: int = 30
TITLE_PREFIX_MIN_CJK: int = 12
# Journal names unknown to the table are matched fuzzily against it at this score.
JOURNAL_FUZZY: float = 93.0
# Institution names match at this partial-ratio score (after normalisation).
INSTITUTION_MATCH: float = 90.0
# ... when the shorter name has this many characters and this share of the longer one's length.
INSTITUTION_MIN_LEN: int = 5
INSTITUTION_MIN_SHARE: float = 0.5

# A near link (score within WEIGHTS["co_cited"] of LINK_THRESHOLD) needs at least this much
# evidence from the numbers it shares before co-citation may lift it.
CO_CITED_MIN_FACTS: float = 2.5

# Term-frequency adjustment of a shared cohort size: a size given by more than TF_FREE records of the
# run loses TF_SCALE bits per doubling (splink's term-frequency adjustment, in its simplest form).
TF_FREE: float = 6.0
TF_SCALE: float = 0.5

# Surnames that name too many teams to count alone (a full name with its initial still counts).
COMMON_SURNAMES: frozenset[str] = frozenset({"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
                                             "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "kim",
                                             "lee", "park", "nguyen", "smith"})

# Relative tolerances for numeric fingerprints.
HBA1C_TOL: float = 0.051          # %-points, as the scorer
DOSE_REL_TOL: float = 0.01
DAYS_REL_TOL: float = 0.05
DAYS_ABS_TOL: float = 3.0
# study periods whose starts and ends are all further apart than this are other periods
PERIOD_TOL_MONTHS: int = 2

HAND_WEIGHTS: Mapping[str, float] = MappingProxyType({
    # identifiers (decisive)
    "doi_equal": 16.0,
    "pmid_equal": 15.0,
    "registry_equal": 12.0,
    "registry_disjoint": -6.0,
    # a fact contradiction (T1D vs T2D) under an equal DOI/PMID: likely an extraction slip
    "contradiction_overridden": -3.0,
    # DOIs/PMIDs differ but a registry id is shared: two publications of one trial
    "publication_differs": -3.0,
    # title ladder
    "title_exact": 10.0,
    "title_prefix": 8.0,      # one title is the other without its subtitle
    "title_strong": 6.5,      # alone just enough: any counter-signal (n, date) undoes it
    "title_weak": 3.5,
    "title_else": -1.0,
    "title_numbers_differ": -2.0,
    # journal through the bilingual table
    "journal_equal": 3.0,
    "journal_differ": -3.0,
    # a name the table lacks is often a news outlet ("SciTechDaily") or the journal in another language:
    # labelled pairs show it as often in matches as in non-matches
    "journal_differ_unknown": 0.0,
    "journal_family": 0.0,           # a parent title and its own sub-journal: no evidence either way
    # publication date
    "date_day": 4.0,
    "date_month": 2.0,
    "date_year": 1.0,
    "date_month_differs": 0.0,       # both give months and they differ
    "date_year_off1": -0.5,
    "date_near": 0.5,                # months within DATE_NEAR_MONTHS (online-first vs issue)
    "date_far": -4.5,
    # numeric fingerprint
    "n_total_equal_base": 1.0,       # + n_total_equal_per_log2 * log2(n), capped
    "n_total_equal_per_log2": 0.4,
    "n_total_equal_cap": 4.0,
    "n_total_differ": -1.5,          # enrolled vs analysed, extension cohorts: mild
    "n_total_far": -2.5,             # ratio beyond N_TOTAL_FAR_RATIO
    "n_total_close": -0.5,           # within N_TOTAL_CLOSE_RATIO: enrolled vs analysed
    "n_arms_differ": -2.0,           # both give arms and none agrees (20/20 vs 15/25)
    "n_corroborated": 0.5,           # total and arms agree as well (arms mostly follow from n)
    "n_arm_cap": 4.0,
    "n_studies_equal": 3.0,
    "n_studies_differ": -2.0,
    "hba1c_equal": 1.5,
    "hba1c_cap": 4.5,
    "hba1c_differ": -2.0,            # both give before/after pairs and share no value
    "dose_equal": 1.0,               # doses come in a few round values (1e6/kg, 1e8)
    "follow_up_equal": 1.5,
    "infusions_equal": 0.5,
    "interval_equal": 0.5,
    # both state the interval between doses and no value agrees (every 2 weeks vs every 4 weeks): a protocol
    # differs, as between two look-alike trials of one cell type and dose
    "interval_differ": -1.5,
    # categorical compatibility
    "condition_equal": 0.5,
    "cell_type_equal": 1.0,
    "cell_type_compatible": 0.3,
    "cell_type_differ": -2.0,        # two reviews/meta-analyses naming other cell types (of included studies)
    "design_equal": 1.0,
    "design_near": -1.0,
    "design_one_patient": 0.0,       # case report vs single-arm trial of one patient (DESIGN_ONE_PATIENT)
    "design_far": -3.0,
    "institution_equal": 3.0,
    "institution_related": 1.5,      # an affiliated hospital and its university
    "institution_named": 1.5,        # both name a hospital the table lacks somewhere, not as the study's own
    "sponsor_equal": 3.0,            # the company behind the product (Vertex, Sana)
    "sponsor_side": 1.0,             # shared, but one side names two companies equally often
    "sponsor_differ": -3.0,
    "gene_edited_equal": 1.5,        # both reports' cells were gene-edited          # each names one main company or product owner, and they differ
    "city_equal": 0.5,
    "alias_differ": -2.0,            # two different products of the table
    # one patient's profile (case reports retold in several languages)
    "age_equal": 2.5,
    "age_differ": -3.0,
    "sex_equal": 0.5,
    "sex_differ": -3.0,
    "duration_equal": 1.5,
    "duration_differ": -1.0,
    "insulin_free_equal": 1.5,
    "procedure_year_equal": 1.0,
    "procedure_year_differ": -1.0,
    # the study period to the month (period.py): a registry record and its paper give the same months
    "period_equal": 3.0,
    "period_start": 1.5,
    "period_differ": -1.0,
    # T1D vs T2D where one side's condition is only its document's (a weak cue): not a contradiction
    "condition_differ_weak": -3.0,
    # an investigator both reports name (authors, team lead: "Voltarelli et al.", 邓宏魁团队 / Hongkui Deng)
    "investigator_equal": 3.0,
    "investigator_surname": 1.5,     # one side gives the surname alone ("Cai, 2016" in a table row)
    "country_equal": 0.5,
    # the country of a report is often its outlet's or its sponsor's (a Chinese post on a US trial):
    # weak evidence against, as the labelled pairs show
    "country_differ": -1.5,
    # the two documents already share another linked study (cocite.py): only lifts near links
    "co_cited": 2.0,
    "alias_equal": 6.5,              # a named product/trial (VX-880, zimislecel) is near-identifying
    # two records the segmenter split inside one document are different studies unless an
    # identifier says otherwise
    "same_document": -8.0,
    # nothing identifying shared (only journal, design, condition, cell type, country, month or year)
    "profile_only": -2.5,
})
WEIGHTS: Mapping[str, float] = MappingProxyType({
    k: Weight(float(ESTIMATED.get("weights", {}).get(k, v)), k) for k, v in HAND_WEIGHTS.items()})
# A report's whole cohort equal to one arm of another's (the full-dose subgroup quoted alone)
# counts this share of a shared total, for cohorts of at least N_SUBGROUP_MIN (small numbers
# coincide); only when nothing else about the cohort agrees and the other's total is larger.
N_SUBGROUP_FACTOR: float = 0.5
N_SUBGROUP_MIN: int = 8
N_TOTAL_CLOSE_RATIO: float = 1.15   # 120 randomised vs 112 analysed; 12 vs 14 is not close
DATE_NEAR_MONTHS: int = 2
N_TOTAL_FAR_RATIO: float = 5.0   # phase 1/2 (12) vs its phase 3 (50) is still one programme

# Numbers quoted in the mention text (needs the document texts): identifying power per form.
CONTEXT_WEIGHT: Mapping[str, float] = MappingProxyType({
    "decimal_percent": 2.0,   # 4.55%
    "decimal": 1.5,           # 9.3 (months), 7.49
    "percent": 1.0,           # 41%
    "round_percent": 0.5,     # 20%, 50%
    "integer": 0.5,           # 48 (weeks), 73
})
# The shared numbers count only when their summed power reaches this and they make up this
# share of the smaller mention's numbers (a long text shares a few numbers by chance).
CONTEXT_MIN_POWER: float = 2.5
CONTEXT_MIN_SHARE: float = 0.3
CONTEXT_COMMON_CAP: float = 1.0
# the signal's weight is this multiple of the shared power, capped
CONTEXT_FACTOR: float = float(ESTIMATED.get("weights", {}).get("context_factor", 2.0))
CONTEXT_CAP: float = float(ESTIMATED.get("weights", {}).get("context_cap", 4.0))

# Designs grouped for compatibility; pairs across groups listed in DESIGN_HARD are contradictions.
DESIGN_GROUP: Mapping[str, str] = MappingProxyType({
    "rct": "trial", "controlled_trial": "trial", "single_arm_trial": "trial",
    "observational": "observational", "case_report": "case",
    "meta_analysis": "synthesis", "review": "synthesis",
    "preclinical": "preclinical", "other": "other",
})
# Group pairs that can never be one study (a review is not the trial it reviews).
# "preclinical" against a clinical design is not among them: one cue word (cells made "in vitro", the
# team's earlier mouse work in the background) gives it, so it only lowers the score (design_far).
DESIGN_HARD: frozenset[frozenset[str]] = frozenset({
    frozenset({"synthesis", "trial"}), frozenset({"synthesis", "observational"}),
    frozenset({"synthesis", "case"}), frozenset({"synthesis", "preclinical"}),
})
# A shared DOI/PMID overrides a contradicting fact (an extraction slip), but never a contradiction
# between these design groups: a review's DOI in a digest is often attached to a trial's mention,
# while "meta-analysis"/"系统评价" is rarely misread.
DESIGN_NOT_OVERRIDDEN: frozenset[frozenset[str]] = frozenset({
    frozenset({"synthesis", "trial"}), frozenset({"synthesis", "observational"}),
    frozenset({"synthesis", "case"}),
})
# Within a group, these pairs are close (one report says "trial", another "RCT").
DESIGN_NEAR: frozenset[frozenset[str]] = frozenset({
    frozenset({"rct", "controlled_trial"}), frozenset({"controlled_trial", "single_arm_trial"}),
    frozenset({"meta_analysis", "review"}), frozenset({"observational", "controlled_trial"}),
    frozenset({"case_report", "single_arm_trial"}), frozenset({"observational", "single_arm_trial"}),
    frozenset({"case_report", "observational"}),
})

# Designs that one patient's first-in-human treatment is given as (a trial by its sponsor, a case by news).
DESIGN_ONE_PATIENT: frozenset[frozenset[str]] = frozenset({
    frozenset({"case_report", "single_arm_trial"}), frozenset({"case_report", "observational"}),
})

# Cell types: a generic value is compatible with its specific forms.
CELL_TYPE_GENERIC: Mapping[str, frozenset[str]] = MappingProxyType({
    "MSC": frozenset({"UC-MSC", "BM-MSC", "AD-MSC", "P-MSC"}),
    "HSC": frozenset({"BM-MNC", "UCB"}),
    # news calls stem-cell-derived islets "islet cells"; the educator device uses cord-blood cells
    "islet": frozenset({"iPSC-islet", "ESC-islet"}),
    "UCB": frozenset({"stem-cell-educator"}),
    "other": frozenset({"UC-MSC", "BM-MSC", "AD-MSC", "P-MSC", "MSC", "BM-MNC", "UCB", "hAESC",
                        "iPSC-islet", "ESC-islet", "HSC", "islet", "stem-cell-educator"}),
})
# Conditions that are compatible with anything.
CONDITION_OPEN: frozenset[str] = frozenset({"both", "unspecified"})

# ---------------------------------------------------------------- blocking

# Blocks larger than this are split by the next, finer key of their rule, and skipped when
# no finer key is left: a block of 10k records must never yield 50M pairs.
MAX_BLOCK_SIZE: int = 40
# The same for rules whose keys are weak evidence (cohort size, month, institution, ...).
MAX_WEAK_BLOCK_SIZE: int = 20
# Each record's title contributes its rarest tokens (by document frequency) as block keys.
TITLE_BLOCK_TOKENS: int = 2
# Title tokens in more records than this are never block keys.
TITLE_TOKEN_MAX_DF: int = 200
