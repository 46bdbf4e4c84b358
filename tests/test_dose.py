"""Cell doses per administration: magnitudes, powers of ten, ranges, per kg; drug doses are not cell doses."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.dose import EXTRACTOR


def doses(text: str, lang: str = "zh") -> list[tuple[float, float, bool]]:
    doc = Document("t.txt", text, text, lang, SourceDoc("t.txt", text, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(text))))
    for h in hits:
        assert 0 <= h.start < h.end <= len(text) and h.pattern
    return [(h.value["cells_min"], h.value["cells_max"], h.value["per_kg"]) for h in hits]


@pytest.mark.parametrize("text,lang,expected", [
    ("每次静脉输注2亿至5亿个脐带间充质干细胞。", "zh", [(2e8, 5e8, False)]),
    ("单次注射剂量1亿细胞。", "zh", [(1e8, 1e8, False)]),
    ("每次輸注1.5億個細胞。", "zh-Hant", [(1.5e8, 1.5e8, False)]),
    ("患者接受(1-2)×10^6个细胞/kg的输注。", "zh", [(1e6, 2e6, True)]),
    ("按每公斤体重1×10^6个细胞给药。", "zh", [(1e6, 1e6, True)]),
    ("门诊患者接受30–60×106个细胞/剂的静脉输注。", "zh", [(3e7, 6e7, False)]),
    ("Patients received 1 × 10^6 cells/kg body weight.", "en", [(1e6, 1e6, True)]),
    ("Each infusion contained 70 to 140 million allogeneic MSCs.", "en", [(7e7, 1.4e8, False)]),
    ("A single dose of 2.0 × 10^8 cells was given.", "en", [(2e8, 2e8, False)]),
    ("MSCs were infused at 3x10e6 per kg.", "en", [(3e6, 3e6, True)]),
    ("1E8 stem cells were injected intravenously.", "en", [(1e8, 1e8, False)]),
    # a group labelled by its dose is still a dose as stated
    ("低剂量组(5000万细胞)", "zh", [(5e7, 5e7, False)]),
    # no match
    ("预处理使用环磷酰胺200 mg/kg和G-CSF 10 µg/kg。", "zh", []),
    ("Cyclophosphamide 2.0 g/m2 and insulin 0.5 U/kg/d.", "en", []),
    ("公司融资3亿元用于干细胞研发。", "zh", []),
    ("全球约5亿患者需要细胞治疗。", "zh", []),
    ("The trial enrolled 120 patients who received cells.", "en", []),
    ("Each islet contains about 1,000 cells.", "en", []),
])
def test_dose(text, lang, expected):
    assert doses(text, lang) == [(pytest.approx(a), pytest.approx(b), k) for a, b, k in expected]
