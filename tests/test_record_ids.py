"""Record ids are anchored on the mention's content: edits elsewhere in the document keep them."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.document import SourceDoc
from extract.pipeline import process_source

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "txt"


def _records(text: str, doc_id: str = "txt/doc.txt") -> list:
    return process_source(SourceDoc(doc_id=doc_id, raw_text=text, source_format="txt")).records


@pytest.mark.parametrize("name", ["zh-digest-2024-monthly.txt", "zh-cases-clinic.txt",
                                  "en-abstract-ucmsc-t2d-rct.txt"])
@pytest.mark.parametrize("header", ["转载自:细胞治疗资讯网 2025-01-02\n\n",
                                    "Source: stem cell news, reposted with permission\n\n"])
def test_a_header_line_keeps_every_record_id(name: str, header: str) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    before, after = _records(text), _records(header + text)
    assert before, "the document gives records"
    # offsets moved (so an offset-based id would have changed) ...
    assert [r.mention[0] for r in before] != [r.mention[0] for r in after]
    # ... the ids did not
    assert [r.record_id for r in after] == [r.record_id for r in before]


def test_an_edited_paragraph_keeps_the_other_records_ids() -> None:
    text = (CORPUS / "zh-digest-2024-monthly.txt").read_text(encoding="utf-8")
    before = _records(text)
    assert len(before) >= 3
    # a sentence added to the introduction, before every study of the digest
    edited = text.replace("临床指南建议", "(编者注:数据截至2024年底。)临床指南建议", 1)
    assert edited != text
    after = _records(edited)
    assert [r.record_id for r in after] == [r.record_id for r in before]


def test_ids_are_unique_and_depend_on_the_document() -> None:
    text = (CORPUS / "zh-digest-2024-monthly.txt").read_text(encoding="utf-8")
    a, b = _records(text, "a.txt"), _records(text, "b.txt")
    assert len({r.record_id for r in a}) == len(a)
    assert not {r.record_id for r in a} & {r.record_id for r in b}


def test_two_mentions_with_the_same_anchor_get_distinct_ids() -> None:
    one = "A randomized trial enrolled 40 patients with type 2 diabetes; HbA1c fell from 8.1% to 7.0%."
    text = f"{one}\n\nAnother report:\n\n{one}\n"
    ids = [r.record_id for r in _records(text)]
    assert len(ids) == len(set(ids))
