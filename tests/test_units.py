"""Unit checker: glucose and HbA1c values whose unit does not fit their size become warnings."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.units import EXTRACTOR


def warnings(text: str, lang: str = "zh") -> list[str]:
    doc = Document("t.txt", text, text, lang, SourceDoc("t.txt", text, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(text))))
    assert all(h.field == "warning" and set(h.value) == {"message"} for h in hits)
    return [h.value["message"] for h in hits]


@pytest.mark.parametrize("text,lang,expected", [
    ("空腹血糖从8.15mg/dL降至6.02mg/dL。", "zh", ["glucose 8.15 mg/dL", "glucose 6.02 mg/dL"]),
    ("餐後血糖由15.2 mg/dL下降至10.4 mg/dL。", "zh-Hant", ["glucose 15.2 mg/dL", "glucose 10.4 mg/dL"]),
    ("Fasting glucose was 9.4 mg/dL at baseline.", "en", ["glucose 9.4 mg/dL"]),
    ("fasting glucose 142 mmol/L before infusion", "en", ["glucose 142 mmol/L"]),
    ("空腹血糖180 mmol/L", "zh", ["glucose 180 mmol/L"]),
    ("HbA1c was 58% at baseline.", "en", ["HbA1c 58%"]),
    ("糖化血红蛋白为61%", "zh", ["HbA1c 61%"]),
    ("Her A1C was 64 percent before the transplant.", "en", ["HbA1c 64%"]),
    ("糖化血色素為58%。", "zh-Hant", ["HbA1c 58%"]),
    # no match
    ("空腹血糖从8.15 mmol/L降至6.02 mmol/L。", "zh", []),
    ("Fasting glucose fell from 162 mg/dL to 121 mg/dL.", "en", []),
    ("总胆固醇5.6 mmol/L,甘油三酯2.1 mmol/L。", "zh", []),
    ("LDL cholesterol 130 mg/dL", "en", []),
    ("血肌酐88 mmol/L", "zh", []),
    ("HbA1c 7.4% at baseline", "en", []),
    ("HbA1c达标率为65%", "zh", []),
    ("83% of patients reached HbA1c <7%", "en", []),
    ("HbA1c decreased in 65% of patients.", "en", []),
    ("糖化血红蛋白改善的有72%的患者。", "zh", []),
    ("Her A1C dropped to 6.3 percent.", "en", []),
    ("HbA1c 64 mmol/mol at baseline", "en", []),
    # blind2: a "mmol/mol" HbA1c in the range of % values was a % value (the extractor reads it as %)
    ("幹細胞組的糖化血色素由8.6 mmol/mol降至7.3 mmol/mol。", "zh-Hant", ["HbA1c 8.6 mmol/mol"]),
    ("糖化血红蛋白为7.9 mmol/mol", "zh", ["HbA1c 7.9 mmol/mol"]),
    ("HbA1c was 8.1 mmol/mol at baseline.", "en", ["HbA1c 8.1 mmol/mol"]),
    ("HbA1c 42 mmol/mol after a year", "en", []),                      # trap: a real (low) mmol/mol value
])
def test_units(text, lang, expected):
    found = warnings(text, lang)
    assert len(found) == len(expected)
    for msg, start in zip(found, expected):
        assert msg.startswith(start)
