"""JSON Lines feeds: one SourceDoc per good line, a FailedItem per bad line, the rest goes on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.document import FailedItem, SourceDoc
from extract.errors import EmptyDocument, FeedError, HtmlNoText
from extract.ingest import InputFile, read

GOOD_ZH = {"id": "a1", "title": "干细胞治疗糖尿病临床试验结果公布",
           "text": "研究共纳入40例2型糖尿病患者，随访6个月，糖化血红蛋白平均下降1.1%。",
           "url": "https://example.cn/a1", "published": "2023-06-01T08:00:00Z"}
GOOD_EN_HTML = {"id": 7, "title": "Islet graft trial",
                "html": "<html><body><nav>Home | News</nav><article><p>Nine recipients of an islet graft were "
                        "insulin independent at one year.</p></article><footer>Contact us</footer></body></html>",
                "published": "2022/11/5"}
GOOD_HANT = {"id": "t3", "title": "臍帶幹細胞研究",
             "text": "臍帶幹細胞研究\n本研究納入三十名受試者，追蹤一年。"}


def _feed(tmp_path: Path, lines: list[str]) -> list[SourceDoc | FailedItem]:
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read(InputFile(p, "feeds/news.jsonl"))


def test_feed_with_a_broken_line_goes_on(tmp_path: Path) -> None:
    items = _feed(tmp_path, [json.dumps(GOOD_ZH, ensure_ascii=False), '{"id": "b2", "text": "unterminated',
                             json.dumps(GOOD_EN_HTML), "", json.dumps(GOOD_HANT, ensure_ascii=False)])
    assert [type(i).__name__ for i in items] == ["SourceDoc", "FailedItem", "SourceDoc", "SourceDoc"]
    zh, bad, en, hant = items
    assert zh.doc_id == "feeds/news.jsonl#a1"
    assert zh.raw_text.startswith("干细胞治疗糖尿病临床试验结果公布\n\n研究共纳入40例")
    assert (zh.published, zh.url, zh.source_format) == ("2023-06-01", "https://example.cn/a1", "feed")
    assert bad.doc_id == "feeds/news.jsonl#line2"
    assert isinstance(bad.error, FeedError) and "line 2" in str(bad.error)
    assert en.doc_id == "feeds/news.jsonl#7"
    assert "insulin independent at one year" in en.raw_text
    assert "Home" not in en.raw_text and "Contact" not in en.raw_text
    assert en.raw_text.startswith("Islet graft trial") and en.published == "2022-11-05"
    assert hant.raw_text.count("臍帶幹細胞研究") == 1   # title already opens the text


BAD_LINES = [
    ('not json at all', "not valid JSON"),
    ('["a", "list"]', "expected a JSON object"),
    ('{"title": "no id", "text": "body"}', "no id"),
    ('{"id": "x9", "title": "no body"}', "no text"),
    ('{"id": true, "text": "boolean id"}', "no id"),
]


@pytest.mark.parametrize("line,message", BAD_LINES)
def test_bad_lines_become_failed_items(tmp_path: Path, line: str, message: str) -> None:
    items = _feed(tmp_path, [json.dumps(GOOD_ZH, ensure_ascii=False), line])
    assert isinstance(items[0], SourceDoc)
    assert isinstance(items[1], FailedItem)
    assert message in str(items[1].error)
    assert items[1].source_path == "feeds/news.jsonl"


def test_item_with_id_keeps_its_id_when_it_fails(tmp_path: Path) -> None:
    items = _feed(tmp_path, ['{"id": "x9", "title": "no body"}'])
    assert items[0].doc_id == "feeds/news.jsonl#x9"


def test_duplicate_id_fails_alone(tmp_path: Path) -> None:
    line = json.dumps(GOOD_ZH, ensure_ascii=False)
    items = _feed(tmp_path, [line, line])
    assert isinstance(items[0], SourceDoc) and isinstance(items[1], FailedItem)
    assert items[1].doc_id == "feeds/news.jsonl#line2" and "duplicate" in str(items[1].error)


def test_html_item_without_text_fails_alone(tmp_path: Path) -> None:
    items = _feed(tmp_path, ['{"id": "s", "html": "<html><body><script>x()</script></body></html>"}',
                             json.dumps(GOOD_ZH, ensure_ascii=False)])
    assert isinstance(items[0], FailedItem) and isinstance(items[0].error, HtmlNoText)
    assert isinstance(items[1], SourceDoc)


def test_feed_without_items_fails(tmp_path: Path) -> None:
    p = tmp_path / "empty.jsonl"
    p.write_text("\n\n  \n", encoding="utf-8")
    with pytest.raises(EmptyDocument):
        read(InputFile(p, "empty.jsonl"))
    p.write_text("\n".join(['{"id": 1}', "oops"]), encoding="utf-8")
    assert all(isinstance(i, FailedItem) for i in read(InputFile(p, "empty.jsonl")))


def test_lone_surrogates_in_id_and_text_become_replacement_characters(tmp_path: Path) -> None:
    # "\udc80" is a valid JSON escape that decodes to a lone surrogate, which cannot be written as UTF-8
    line = '{"id": "x\\udc80", "title": "T\\ud800", "text": "研究共纳入40例患者\\udc80，随访6个月。"}'
    [doc] = _feed(tmp_path, [line, '{"id": "x\\udc81", "text": "second item"}'][:1])
    assert doc.doc_id == "feeds/news.jsonl#x\ufffd"
    assert doc.raw_text.endswith("研究共纳入40例患者\ufffd，随访6个月。") and doc.title == "T\ufffd"
    assert any("surrogate" in w for w in doc.warnings)
    doc.raw_text.encode("utf-8")   # writable


def test_ids_that_only_differ_in_surrogates_do_not_collide(tmp_path: Path) -> None:
    items = _feed(tmp_path, ['{"id": "x\\udc80", "text": "one"}', '{"id": "x\\udc81", "text": "two"}'])
    assert isinstance(items[0], SourceDoc) and isinstance(items[1], FailedItem)
    assert len({i.doc_id for i in items}) == 2


def test_an_item_id_cannot_collide_with_a_failed_line_id(tmp_path: Path) -> None:
    items = _feed(tmp_path, ['{"id": "x", "text": "one"}', "not json", '{"id": "line2", "text": "two"}'])
    ids = [i.doc_id for i in items]
    assert len(set(ids)) == 3
    assert ids[2] == "feeds/news.jsonl#line2" and ids[1].startswith("feeds/news.jsonl#line2~")


def test_unicode_line_separators_inside_a_json_string_do_not_cut_the_line(tmp_path: Path) -> None:
    item = {"id": "u", "text": "HbA1c fell\u2028from 8.2% to 7.1%\x1cin 40 patients."}
    [doc] = _feed(tmp_path, [json.dumps(item, ensure_ascii=False)])
    assert isinstance(doc, SourceDoc) and "in 40 patients" in doc.raw_text
