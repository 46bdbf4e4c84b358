"""jieba's dictionary looked up in a kept table (jieba_freq.py): the same cuts as jieba's own dictionary."""
from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from extract import jieba_freq

TEXTS = (
    "研究共纳入60名2型糖尿病患者,随访12个月,糖化血红蛋白从8.6%降至7.1%。",
    "隨機雙盲試驗:糖化血紅蛋白由9.1%降至6.5%,干细胞治疗组与安慰剂组相比。",
    "胰岛移植后3.5年,5例患者停用胰岛素,c肽水平0.8ng/ml。",
    "脐带间充质干细胞1.0×10^6个/kg静脉输注",
)


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("jieba")
    path = jieba_freq.table_path(folder)
    return path, jieba_freq.build(path)


def _tokenizer(freq: object, total: int) -> jieba.Tokenizer:
    t = jieba.Tokenizer()
    t.FREQ, t.total, t.initialized = freq, total, True
    return t


def test_the_table_holds_jiebas_words_prefixes_and_total(table: tuple[Path, int]) -> None:
    path, total = table
    with open(jieba_freq._source(), "rb") as fh:
        freq, want_total = jieba.Tokenizer.gen_pfdict(fh)
    assert total == want_total
    kept = jieba_freq.FileFreq(path)
    for word in ("糖尿病", "干细胞", "的", "中华人民共和国"):
        assert kept[word] == freq[word] > 0
    assert kept.get("糖尿") == freq["糖尿"]          # a prefix (0 when not itself a word)
    assert "糖尿病患者们的" not in kept and kept.get("糖尿病患者们的") is None
    with pytest.raises(KeyError):
        kept["糖尿病患者们的"]


def test_cuts_are_jiebas_with_its_own_dictionary(table: tuple[Path, int], tmp_path: Path) -> None:
    path, total = table
    own = jieba.Tokenizer()
    own.tmp_dir = str(tmp_path)
    kept = _tokenizer(jieba_freq.FileFreq(path), total)
    for word, freq in (("间充质干细胞", 2000), ("c肽", None)):   # words added at run time, as nlp.py adds ours
        own.add_word(word, freq)
        kept.add_word(word, freq)
    assert kept.total == own.total
    for text in TEXTS:
        assert list(kept.cut(text)) == list(own.cut(text))
        assert list(kept.cut(text, HMM=False)) == list(own.cut(text, HMM=False))


def test_added_words_are_read_first_and_the_file_is_never_written(table: tuple[Path, int]) -> None:
    path, _ = table
    kept = jieba_freq.FileFreq(path)
    before = path.stat().st_mtime_ns
    kept["干细胞教育器"] = 5
    assert kept["干细胞教育器"] == 5 and "干细胞教育器" in kept
    assert path.stat().st_mtime_ns == before
    with pytest.raises(TypeError):
        del kept["的"]


def test_not_used_without_a_folder_or_once_jieba_is_loaded(table: tuple[Path, int], monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    t = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", t)
    assert not jieba_freq.use_file(None) and not t.initialized
    t.initialized = True
    assert not jieba_freq.use_file(tmp_path)
    assert not list(tmp_path.iterdir())


def test_the_table_is_built_once_then_read(table: tuple[Path, int], monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    path, total = table
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / path.name).write_bytes(path.read_bytes())   # as a first run left it
    t = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", t)
    monkeypatch.setattr(jieba_freq, "build", lambda p: pytest.fail("built again"))
    assert jieba_freq.use_file(folder)
    assert t.initialized and t.total == total and isinstance(t.FREQ, jieba_freq.FileFreq)
