"""Formats of ids and dates in the contract models (and so in the JSON Schemas)."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from extract.fields.identifiers import registry_ids
from extract.models import StudyMeta


@pytest.mark.parametrize("rid", [
    "NCT02302599", "ChiCTR2300072200", "ChiCTR-IOR-17011111", "ISRCTN12345678", "jRCTs031190000",
    "jRCT2031210123", "CTRI/2020/01/123456", "2004-000123-45", "ACTRN12619000123456", "UMIN000012345",
    "DRKS00012345", "IRCT20190101042101N1", "KCT0001234", "PACTR202001123456789", "TCTR20200101001",
    "CTR20231876", "CRD42023412345",
])
def test_canonical_registry_ids_validate(rid: str) -> None:
    assert StudyMeta(registry_ids=[rid]).registry_ids == [rid]


@pytest.mark.parametrize("rid", ["nct02302599", "NCT 02302599", "NCT02302599 ", "https://clinicaltrials.gov/NCT02302599",
                                 "", "NCT", "注册号NCT02302599"])
def test_other_forms_do_not(rid: str) -> None:
    with pytest.raises(ValidationError):
        StudyMeta(registry_ids=[rid])


def test_what_the_extractor_finds_validates() -> None:
    text = ("注册号 NCT 02302599、ChiCTR-IOR-17011111, jRCTs031190000, CTRI/2020/01/123456, EudraCT number "
            "2004-000123-45, ACTRN12619000123456, IRCT20190101042101N1, 登记号CTR20231876, PROSPERO CRD42023412345")
    found = [x for x, _, _ in registry_ids(text)]
    assert len(found) == 9
    StudyMeta(registry_ids=found)


@pytest.mark.parametrize("field, good, bad", [
    ("pub_date", ["2024", "2024-03", "2024-03-12"], ["2024-13", "2024-02-30x", "24-03-12", "2024/03/12", "2024-3"]),
    ("doi", ["10.4821/dmj.2024.0315", "10.1007/s11033-025-11133-7"], ["10.4821/DMJ.2024.0315", "doi:10.1/x",
                                                                        "https://doi.org/10.1000/x", "10.12/x"]),
    ("pmid", ["41117868", "123"], ["PMID41117868", "4111 7868", ""]),
    ("pmcid", ["PMC11878779"], ["pmc11878779", "11878779"]),
])
def test_date_and_identifier_formats(field: str, good: list[str], bad: list[str]) -> None:
    for v in good:
        assert getattr(StudyMeta(**{field: v}), field) == v
    for v in bad:
        with pytest.raises(ValidationError):
            StudyMeta(**{field: v})
