"""Blocking at scale (dedupe/blocking.py): an oversized block is split by alternative paths too, so two records
that lack the main ladder's next part still meet when they share another; a title's two rarest tokens make a
key together when each alone is too common; on a corpus whose blocks fit the caps nothing changes."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synth_records import make_records  # noqa: E402

from extract.dedupe import blocking, settings  # noqa: E402
from extract.dedupe.blocking import BlockStats, candidate_pairs  # noqa: E402
from extract.dedupe.compare import Features, features  # noqa: E402
from extract.models import CohortSize, Evidence, FollowUp, Record, StudyMeta  # noqa: E402

EV = Evidence(quote="x", start=0, end=1)


def rec(rid: str, *, n: Optional[int] = None, arms: tuple[int, ...] = (), follow_up: Optional[float] = None, **meta: Any) -> Record:
    return Record(record_id=rid, study_id="", doc_id=f"doc-{rid}", lang="en", study=StudyMeta(**meta),  # type: ignore[arg-type]
                  cohort_sizes=([CohortSize(n=n, role="total", evidence=EV)] if n else [])
                  + [CohortSize(n=x, role="arm", evidence=EV) for x in arms],
                  follow_up=[FollowUp(days=follow_up, evidence=EV)] if follow_up else [])


def _pairs(recs: list[Record], **kw: Any) -> set[tuple[str, str]]:
    feats = [features(r) for r in recs]
    return {(feats[i].rid, feats[j].rid) for i, j in candidate_pairs(feats, **kw)}


def _crowd(k: int, **meta: Any) -> list[Record]:
    """``k`` records of other years, cell types and designs that share ``meta`` (an oversized block)."""
    cells = ["BM-MSC", "AD-MSC", "P-MSC", "UCB", "hAESC", "islet"]
    designs = ["rct", "observational", "case_report", "review"]
    return [rec(f"x{i:03d}", pub_date=f"{2000 + i % 20}-{1 + i % 12:02d}", cell_types=[cells[i % 6]],
                design=designs[i % 4], condition="T1D", **meta) for i in range(k)]


def _journal_crowd() -> list[Record]:
    """60 other cohorts of one journal (its own blocks are over the cap too)."""
    return [rec(f"y{i:03d}", n=40 + i, journal="Stem Cell Research & Therapy", pub_date=f"{2000 + i % 20}",
                cell_types=[["BM-MSC", "AD-MSC", "P-MSC"][i % 3]], design="rct") for i in range(60)]


# ---------------------------------------------------------------- alternative paths

def test_a_report_without_a_year_meets_in_an_oversized_cohort_block_through_its_journal() -> None:
    # 60 reports of 30-patient cohorts: the block of "n = 30" is split by year, which b does not give
    a = rec("a", n=30, journal="Stem Cell Research & Therapy", pub_date="2019-03")
    b = rec("b", n=30, journal="干细胞研究与治疗")                     # the same journal in Chinese, no date
    c = rec("c", n=30, journal="Diabetes Care")                       # another journal, no date
    d = rec("d", n=30, pub_date="2019-03")                            # the year, no journal
    pairs = _pairs([a, b, c, d, *_crowd(60, n=30), *_journal_crowd()], weak_cap=10)
    assert ("a", "b") in pairs
    assert ("a", "c") not in pairs and ("b", "c") not in pairs and ("b", "d") not in pairs


def test_without_the_alternatives_that_report_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    # the trap the alternatives fix: the same corpus with the main ladders only
    a = rec("a", n=30, journal="Stem Cell Research & Therapy", pub_date="2019-03")
    b = rec("b", n=30, journal="干细胞研究与治疗")
    monkeypatch.setattr(blocking, "RULES", dict(blocking._RULES))
    assert ("a", "b") not in _pairs([a, b, *_crowd(60, n=30), *_journal_crowd()], weak_cap=10)


def test_small_cohort_blocks_are_not_split_by_journal() -> None:
    # a block within the cap pairs all its records, whatever their journals
    recs = [rec("a", n=117, journal="Diabetes Care"), rec("b", n=117, journal="Cell"), rec("c", n=117)]
    assert _pairs(recs) == {("a", "b"), ("a", "c"), ("b", "c")}


def test_alternatives_add_no_pair_when_every_block_fits_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    # on a corpus of annotated size (no block over the cap) the pairs are those of the coarse keys alone
    records, _ = make_records(400, seed=3)
    feats = [features(r) for r in records]
    big = 10 ** 6
    with_alt = list(candidate_pairs(feats, cap=big, weak_cap=big))
    monkeypatch.setattr(blocking, "RULES", dict(blocking._RULES))
    monkeypatch.setattr(blocking, "_title_ladders", _title_ladders_without_pair_key)
    assert with_alt == list(candidate_pairs(feats, cap=big, weak_cap=big))


_TITLE_LADDERS = blocking._title_ladders


def _title_ladders_without_pair_key(feats: list[Features], toks: Optional[list[list[str]]] = None,
                                    cap: Optional[int] = None) -> list:  # type: ignore[type-arg]
    return [[lad for lad in lads if lad[0][0] != "t2"] for lads in _TITLE_LADDERS(feats, toks, cap)]


def test_alternative_ladders_start_at_the_coarse_key_and_stop_at_a_missing_part() -> None:
    f = features(rec("a", n=30, arms=(), journal="Diabetes Care", cell_types=["UC-MSC"]))   # no year
    assert list(blocking.RULES["cohort"](f)) == [[("n", 30)], [("n", 30), ("n", 30, ("journal", "diabetes-care"))]]
    g = features(rec("g", n=30, pub_date="2020"))     # no journal: no alternative
    assert list(blocking.RULES["cohort"](g)) == [[("n", 30), ("n", 30, 2020)]]
    assert blocking._alt(("n", 30), [("journal", None)]) == []


# ---------------------------------------------------------------- title pair keys

TITLE_WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda omicron".split()


def test_a_title_of_common_tokens_meets_its_copy_through_its_two_rarest(monkeypatch: pytest.MonkeyPatch) -> None:
    # every token is in more records than TITLE_TOKEN_MAX_DF; the pair of the two rarest is in two only
    monkeypatch.setattr(settings, "TITLE_TOKEN_MAX_DF", 3)
    title = "alpha beta gamma"
    crowd = [rec(f"x{i:02d}", title=f"{TITLE_WORDS[i % 12]} {TITLE_WORDS[(i * 5 + 1) % 12]} {TITLE_WORDS[(i * 7 + 3) % 12]}")
             for i in range(48) if i % 12 != 0]
    a, b = rec("a", title=title), rec("b", title=title)
    c = rec("c", title="alpha delta epsilon")   # shares one token only
    pairs = _pairs([a, b, c, *crowd])
    assert ("a", "b") in pairs
    assert ("a", "c") not in pairs


def test_no_title_pair_key_where_the_rarest_token_block_fits() -> None:
    # a rare token's own block already pairs the records that share it: no second key for them
    feats = [features(rec("a", title="alpha beta gamma")), features(rec("b", title="alpha beta gamma"))]
    assert all(lad[0][0] == "t" for lads in blocking._title_ladders(feats) for lad in lads)


def test_title_pair_key_block_over_the_cap_is_skipped() -> None:
    # 60 records of one title and no year: the pair key's block is over the cap and cannot be split
    recs = [rec(f"r{i:02d}", title="alpha beta gamma") for i in range(60)]
    stats = BlockStats()
    pairs = _pairs(recs, cap=20, stats=stats)
    assert not pairs and stats.skipped >= 1
