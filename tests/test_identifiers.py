"""Identifier extractor: DOI, PMID, PMCID and registry ids, English and Chinese contexts, with traps."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.identifiers import EXTRACTOR, clean_doi, registry_ids


def _doc(text: str, lang: str = "zh") -> Document:
    return Document(doc_id="t.txt", text=text, view=text, lang=lang,
                    source=SourceDoc(doc_id="t.txt", raw_text=text, source_format="txt"))


def _values(text: str, field: str, lang: str = "zh") -> list[str]:
    doc = _doc(text, lang)
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(text))))
    for h in hits:  # every hit quotes the text it was read from
        assert h.start < h.end and text[h.start:h.end]
    return [h.value["value"] for h in hits if h.field == field]


@pytest.mark.parametrize("text, expected", [
    # English
    ("Full text: https://doi.org/10.1016/j.cell.2024.09.004.", ["10.1016/j.cell.2024.09.004"]),
    ("doi: 10.2147/DMSO.S512345; PMID: 40000001", ["10.2147/dmso.s512345"]),
    ("(https://dx.doi.org/10.1186/s13287-023-01234-5)", ["10.1186/s13287-023-01234-5"]),
    ("DOI 10.1016/S0140-6736(23)01234-5, accessed", ["10.1016/s0140-6736(23)01234-5"]),
    ("see 10.4252/wjsc.v15.i7.601), then", ["10.4252/wjsc.v15.i7.601"]),
    # Chinese: a sentence continues right after the DOI
    ("该论文DOI:10.16781/j.CN31-2187/R.20230101。研究纳入60例患者", ["10.16781/j.cn31-2187/r.20230101"]),
    ("原文链接：https://doi.org/10.3389/fendo.2024.123456，欢迎阅读", ["10.3389/fendo.2024.123456"]),
    # no match: a CNKI id is not a DOI, a version number is not a DOI
    ("DOI: CNKI:11-3275/R.20230512.1200.002", []),
    ("软件版本10.2/beta", []),
    ("HbA1c 从 10.5% 降至 7.1%", []),
])
def test_doi(text: str, expected: list[str]) -> None:
    assert _values(text, "doi") == expected


@pytest.mark.parametrize("text, field, expected", [
    ("Epub 2024 Mar 2. PMID: 38123456; PMCID: PMC10987654.", "pmid", ["38123456"]),
    ("Epub 2024 Mar 2. PMID: 38123456; PMCID: PMC10987654.", "pmcid", ["PMC10987654"]),
    ("PubMed ID 37000111", "pmid", ["37000111"]),
    ("文献编号PMID:39001122,全文免费", "pmid", ["39001122"]),
    # no match: the word PubMed alone, and a PMCID label without a number
    ("[PubMed] [Google Scholar] 2023", "pmid", []),
    ("PMCID: not available", "pmcid", []),
])
def test_pmid_pmcid(text: str, field: str, expected: list[str]) -> None:
    assert _values(text, field) == expected


@pytest.mark.parametrize("text, expected", [
    ("registered at ClinicalTrials.gov (NCT01234567).", ["NCT01234567"]),
    ("该试验已在中国临床试验注册中心注册(ChiCTR2100045678)。", ["ChiCTR2100045678"]),
    ("注册号ChiCTR-IPR-17012345,随访一年", ["ChiCTR-IPR-17012345"]),
    ("登記編號chictr2000031234", ["ChiCTR2000031234"]),
    ("trial ISRCTN12345678 and jRCT2031210123", ["ISRCTN12345678", "jRCT2031210123"]),
    ("CTRI/2019/05/019012 (India)", ["CTRI/2019/05/019012"]),
    ("EudraCT number 2015-001234-56", ["2015-001234-56"]),
    ("正在招募NCT04061746和NCT03920397等试验", ["NCT04061746", "NCT03920397"]),
    # no match: too few digits, a phone number, a word that starts like a registry
    ("NCT0123456 is truncated", []),
    ("热线400-622-0089", []),
    ("NCTX trials", []),
])
def test_registry_ids(text: str, expected: list[str]) -> None:
    assert _values(text, "registry_id") == expected
    assert [r for r, _, _ in registry_ids(text)] == expected


@pytest.mark.parametrize("raw, expected", [
    ("https://doi.org/10.1080/17446651.2024.2300001.", "10.1080/17446651.2024.2300001"),
    ("doi:10.1000/ABC(1)x);", "10.1000/abc(1)x"),
    ("CNKI:11-3275/R.20111010", None),
])
def test_clean_doi(raw: str, expected: str | None) -> None:
    assert clean_doi(raw) == expected


def test_same_identifier_once() -> None:
    text = "NCT01234567 ... the trial NCT01234567 (doi:10.1/x) and https://doi.org/10.1000/xyz.9"
    assert _values(text, "registry_id", "en") == ["NCT01234567"]
    assert _values(text, "doi", "en") == ["10.1000/xyz.9"]


# --- issue 10: MEDLINE's PMID tag; registries real news cites (China's drug-trial platform, PROSPERO, PACTR, TCTR) ---
@pytest.mark.parametrize("text, expected", [
    ("PMID- 31234567\nOWN - NLM", ["31234567"]),
    ("PMID- 31234567 OWN - NLM STAT- MEDLINE DP  - 2019 Mar", ["31234567"]),
    # no match: a word after the tag, not a number
    ("PMID-based search strategies", []),
])
def test_pmid_medline_tag(text: str, expected: list[str]) -> None:
    assert _values(text, "pmid", "en") == expected


@pytest.mark.parametrize("text, expected", [
    ("I期临床研究(NCT06011234;药物临床试验登记号CTR20231876)结果公布", ["NCT06011234", "CTR20231876"]),
    ("藥物臨床試驗登記號:CTR20221346,已完成入組", ["CTR20221346"]),
    ("The review was registered in PROSPERO (CRD42023412345).", ["CRD42023412345"]),
    ("本荟萃分析已在PROSPERO注册(注册号:CRD 42021234567)", ["CRD42021234567"]),
    ("registered with the Pan African Clinical Trials Registry (PACTR202101234567890)", ["PACTR202101234567890"]),
    ("Thai Clinical Trials Registry TCTR20210512001", ["TCTR20210512001"]),
    # no match: CTR inside a ChiCTR id, a short CTR number, a CRD that is not PROSPERO's
    ("注册号ChiCTR2000031234", ["ChiCTR2000031234"]),
    ("CTR2023 annual report", []),
    ("CRD12345 form", []),
    # a hyphen after the prefix, as some news sites write it
    ("試驗編號NCT-05791201,預計收案60人", ["NCT05791201"]),
    ("registered as ISRCTN-48213976", ["ISRCTN48213976"]),
])
def test_more_registries(text: str, expected: list[str]) -> None:
    assert _values(text, "registry_id") == expected


@pytest.mark.parametrize("text, expected", [
    ("原文链接:https://pubmed.ncbi.nlm.nih.gov/38123456/", ["38123456"]),
    ("原文連結：https://www.ncbi.nlm.nih.gov/pubmed/25364680", ["25364680"]),
    ("Read the abstract at https://pubmed.ncbi.nlm.nih.gov/37000111.", ["37000111"]),
    # no match: a PubMed search link, a PMC link (that is a PMCID)
    ("https://pubmed.ncbi.nlm.nih.gov/?term=stem+cell+diabetes", []),
    ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4192991/", []),
])
def test_pmid_from_pubmed_link(text: str, expected: list[str]) -> None:
    assert _values(text, "pmid") == expected


# --- product codes written without their hyphen (ERRORS.md 4.10) ---------------------------------------
@pytest.mark.parametrize("text, want", [
    ("The NV210 product was given to 14 patients with type 1 diabetes.", ["NV210"]),
    ("諾德生技的NV210細胞已完成1期試驗。", ["NV210"]),
    ("该公司的AB4170细胞注射液获批临床。", ["AB4170"]),
    ("在EASD2024年会上,NV-210的数据显示14名患者受益。", ["NV-210"]),        # a meeting and its year: no code
    # no match: registry numbers, standards, markers, years
    ("The CTR20243058 trial was run at an ISO9001 site.", []),
    ("CD34+细胞与IL6水平、HbA1c均有变化。", []),
    ("ADA2025年会公布了结果。", []),
])
def test_product_codes_without_hyphen(text: str, want: list[str]) -> None:
    from extract import metadata
    from extract.document import SourceDoc
    from extract.pipeline import to_document
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    assert [c for c, _, _ in metadata.product_codes(doc.view, 0, len(doc.view))] == want
