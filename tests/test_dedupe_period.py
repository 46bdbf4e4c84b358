"""The study period as a linking key (period.py), and records tied by an identifier as one unit in the
cluster checks (cluster._units)."""
from __future__ import annotations

import pytest

from extract.dedupe import dedupe, explain, settings
from extract.dedupe.period import study_period
from test_dedupe import rec, sig
from test_dedupe_cluster import groups
from test_dedupe_reports import told

T = settings.LINK_THRESHOLD


@pytest.mark.parametrize("text, start, end", [
    # en: a paper's methods, a news retelling, a registry record
    ("Between January 2009 and December 2010, 42 patients with T1D were randomized.", (2009, 1), (2010, 12)),
    ("From Sept. 2016 through March 2018 we enrolled 30 adults with type 2 diabetes.", (2016, 9), (2018, 3)),
    ("Participants were recruited from June 3, 2019 to November 28, 2020 at two centres.", (2019, 6), (2020, 11)),
    ("Study Start Date : | January 2009 |\nActual Primary Completion Date : | December 2010 |", (2009, 1), (2010, 12)),
    ("Study Start (Actual) 2021-04-12 … Primary Completion (Estimated) 2024-12-31", (2021, 4), (2024, 12)),
    # zh
    ("2009年1月至2010年12月,共纳入42例1型糖尿病患者。", (2009, 1), (2010, 12)),
    ("选取2019年3月到2020年6月我院收治的2型糖尿病患者60例。", (2019, 3), (2020, 6)),
    ("研究实施时间:从 2015-03-01 至 2017-06-30", (2015, 3), (2017, 6)),
    ("2018年5月至11月間招募受試者。", (2018, 5), (2018, 11)),
    # zh-Hant
    ("本研究於2020年2月至2021年8月間收案,共40名第2型糖尿病患者。", (2020, 2), (2021, 8)),
    ("收案期間為2017年10月~2019年1月。", (2017, 10), (2019, 1)),
])
def test_a_study_period_to_the_month(text: str, start: tuple[int, int], end: tuple[int, int]) -> None:
    p = study_period(text)
    assert start in p.starts and end in p.ends


@pytest.mark.parametrize("text", [
    "Patients treated between 2009 and 2010 were included.",          # years only: shared by many studies
    "2009年至2010年共纳入42例患者。",
    "Received: January 5, 2020; Accepted: March 3, 2020.",            # publication history, no period
    "2020年1月发表论文,2021年3月又公布了随访结果。",
    "Published 2023-08-14 | Updated 2023-09-01",
    "from December 2010 to January 2009",                             # an end before its start
])
def test_no_study_period(text: str) -> None:  # no match
    assert not study_period(text)


def _pair(ta: str, tb: str, **common):  # type: ignore[no-untyped-def]
    a = told(rec("a", **common), ta)
    b = told(rec("b", lang="zh", **common), tb)
    return explain(a, b, texts={"doc-a": ta, "doc-b": tb})


def test_a_registry_record_and_its_paper_share_the_period() -> None:
    reg = "Study Start Date : January 2009 | Actual Primary Completion Date : December 2010 | 44 participants"
    paper = "2009年1月至2010年12月,42例1型糖尿病患者被随机分组。"
    link = _pair(reg, paper, condition="T1D", design="rct", cell_types=["UC-MSC"])
    assert sig(link, "study_period") == settings.WEIGHTS["period_equal"]
    assert sig(link, "profile_only") == 0       # the period identifies the study


def test_a_shared_start_alone_says_less() -> None:
    link = _pair("Study Start Date: March 2015", "研究于2015年3月至2016年9月入组60例患者。", condition="T2D")
    assert sig(link, "study_period") == settings.WEIGHTS["period_start"]


def test_two_periods_apart_at_both_ends_are_other_studies() -> None:
    link = _pair("Between January 2009 and December 2010, patients were enrolled.",
                 "2012年3月至2013年6月纳入患者。", condition="T1D", design="rct")
    assert sig(link, "study_period") == settings.WEIGHTS["period_differ"] < 0
    assert not link.linked


def test_the_same_period_alone_does_not_link_look_alikes() -> None:
    # one period, nothing else of the study shared: below the threshold on its own
    link = _pair("From March 2015 to June 2017 we enrolled patients.", "2015年3月至2017年6月入组患者。")
    assert 0 < link.score < T


# ---------------------------------------------------------------- records tied by an identifier as one unit

def test_a_registry_listing_joins_through_its_registry_record() -> None:
    # a trial list names only the registry id; its registry record and the paper share the period and the
    # design: the thin listing does not pull the average of the cross pairs below the cluster threshold
    reg_text = "Study Start Date: January 2009. Primary Completion Date: December 2010. Randomized."
    paper_text = "Between January 2009 and December 2010, 42 patients with type 1 diabetes were randomized."
    listing = rec("listing", doc="d-list", registry_ids=["NCT01374854"], cell_types=["UC-MSC"])
    registry = told(rec("registry", doc="d-reg", registry_ids=["NCT01374854"], condition="T1D", design="rct",
                        cell_types=["UC-MSC"], n=44), reg_text)
    paper = told(rec("paper", doc="d-paper", doi="10.2337/dc15-0171", condition="T1D", design="rct",
                     cell_types=["UC-MSC"], n=42), paper_text)
    recs = [listing, registry, paper]
    dedupe(recs, texts={"d-reg": reg_text, "d-paper": paper_text})
    assert groups(recs) == {frozenset({"listing", "registry", "paper"})}


def test_an_identifier_unit_does_not_pull_in_a_look_alike() -> None:
    # the listing and its registry record are one unit, but a look-alike paper with another period stays out
    reg_text = "Study Start Date: January 2009. Primary Completion Date: December 2010. Randomized."
    other_text = "Between May 2014 and June 2016, 40 patients with type 1 diabetes were randomized."
    listing = rec("listing", doc="d-list", registry_ids=["NCT01374854"], cell_types=["UC-MSC"])
    registry = told(rec("registry", doc="d-reg", registry_ids=["NCT01374854"], condition="T1D", design="rct",
                        cell_types=["UC-MSC"], n=44), reg_text)
    other = told(rec("other", doc="d-other", condition="T1D", design="rct", cell_types=["UC-MSC"], n=40),
                 other_text)
    recs = [listing, registry, other]
    dedupe(recs, texts={"d-reg": reg_text, "d-other": other_text})
    assert groups(recs) == {frozenset({"listing", "registry"}), frozenset({"other"})}
