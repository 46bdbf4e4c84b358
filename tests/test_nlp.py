"""nlp: sentences, tokens and keyword windows with offsets into the given text."""
from __future__ import annotations

import pytest

from extract import nlp
from extract.normalise import normalise


def _check_cover(text: str, spans: list[tuple[int, int]]) -> None:
    """In order, no overlap, stripped, and every non-space character inside a span."""
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert text[prev:s].strip() == ""
        assert text[s:e] == text[s:e].strip()
        prev = e
    assert text[prev:].strip() == ""


def _sents(text: str, lang: str) -> list[str]:
    spans = nlp.sentences(text, lang)
    _check_cover(text, spans)
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("text, lang, expected", [
    # Chinese punctuation, numbers survive inside the sentence
    ("共纳入23,876例患者。HbA1c由8.5%降至7.0%!随访12个月;结论可靠",
     "zh", ["共纳入23,876例患者。", "HbA1c由8.5%降至7.0%!", "随访12个月;", "结论可靠"]),
    ("共納入23,876例患者。糖化血色素由8.5%降至7.0%?隨訪12個月",
     "zh-Hant", ["共納入23,876例患者。", "糖化血色素由8.5%降至7.0%?", "隨訪12個月"]),
    # line breaks: headings and list items are their own sentences
    ("研究结果\n1.糖化血红蛋白下降0.9%\n2.C肽升高\n\n下一段。",
     "zh", ["研究结果", "1.糖化血红蛋白下降0.9%", "2.C肽升高", "下一段。"]),
    ("主要发现:\n(1)空腹血糖下降", "zh", ["主要发现:", "(1)空腹血糖下降"]),
    # English: abbreviations and decimals do not end a sentence
    ("Wang et al. treated 45 vs. 46 patients. HbA1c fell by 1.2% (Fig. 2).",
     "en", ["Wang et al. treated 45 vs. 46 patients.", "HbA1c fell by 1.2% (Fig. 2)."]),
    ("Results\nHbA1c was 8.1 ± 0.9% at baseline. It fell to 7.0%.",
     "en", ["Results", "HbA1c was 8.1 ± 0.9% at baseline.", "It fell to 7.0%."]),
    # English hard wrap continues; a capitalised line after a full stop starts anew
    ("Patients received three infusions\nfour weeks apart.\nFollow-up lasted 3 years.",
     "en", ["Patients received three infusions\nfour weeks apart.", "Follow-up lasted 3 years."]),
    # no match: nothing to split
    ("", "zh", []),
    ("   \n\n  ", "en", []),
])
def test_sentences_table(text: str, lang: str, expected: list[str]) -> None:
    assert _sents(text, lang) == expected


def test_traditional_text_segments_into_domain_words() -> None:
    toks = [t for t, _ in nlp.tokens("臍帶間充質幹細胞治療第二型糖尿病,糖化血紅蛋白下降", "zh-Hant")]
    assert "臍帶間充質幹細胞" in toks
    assert "糖化血紅蛋白" in toks


@pytest.mark.parametrize("text, lang, word", [
    ("采用脐带间充质干细胞治疗", "zh", "脐带间充质干细胞"),
    ("患者接受骨髓单个核细胞移植", "zh", "骨髓单个核细胞"),
    ("这是一项随机对照试验", "zh", "随机对照试验"),
    ("一项荟萃分析纳入8项研究", "zh", "荟萃分析"),
    ("诱导多能干细胞来源的胰岛", "zh", "诱导多能干细胞"),
    ("本文为病例报告", "zh", "病例报告"),
    ("Umbilical cord cells were infused", "en", "Umbilical"),
])
def test_tokens_keep_domain_words(text: str, lang: str, word: str) -> None:
    assert word in [t for t, _ in nlp.tokens(text, lang)]


@pytest.mark.parametrize("text, lang", [
    ("患者HbA1c从8.5%降至7.2%,共纳入23,876例患者。\n\n隨訪12個月!", "zh"),
    ("HbA1c fell from 8.5% to 7.2% in 23,876 people.\nFollow-up: 12 months.", "en"),
])
def test_token_offsets_point_into_text(text: str, lang: str) -> None:
    toks = nlp.tokens(text, lang)
    assert toks
    for tok, start in toks:
        assert text[start:start + len(tok)] == tok
    assert [s for _, s in toks] == sorted(s for _, s in toks)


def test_keyword_window() -> None:
    text = "背景介绍。本研究纳入46例患者,HbA1c由8.5%降至7.0%。随访12个月。其他内容。"
    i = text.index("8.5%")
    s, e = nlp.keyword_window(text, i, i + 4, "zh")
    assert text[s:e] == "本研究纳入46例患者,HbA1c由8.5%降至7.0%。"
    s, e = nlp.keyword_window(text, i, i + 4, "zh", n_sentences=1)
    assert text[s:e] == "背景介绍。本研究纳入46例患者,HbA1c由8.5%降至7.0%。随访12个月。"
    # a match that crosses a sentence boundary gets both sentences
    j = text.index("7.0%。随访")
    s, e = nlp.keyword_window(text, j, j + 8, "zh")
    assert text[s:e] == "本研究纳入46例患者,HbA1c由8.5%降至7.0%。随访12个月。"


def test_long_text_is_processed_in_blocks() -> None:
    para = "脐带间充质干细胞治疗2型糖尿病,糖化血红蛋白由8.5%降至7.0%" * 3000  # one 100k-char line
    spans = nlp.sentences(para + "。", "zh")
    _check_cover(para + "。", spans)
    assert len(spans) >= 2
    # blocks are cut after a clause mark, never inside a number like 8.5%
    assert all((para + "。")[e - 1] in ",。" for _, e in spans)


def test_dev_documents_sentence_cover() -> None:
    from pathlib import Path

    from extract.language import detect_language

    docs = sorted(Path("/work/shared/eval/dev/docs").glob("*"))
    if not docs:
        pytest.skip("dev set not available")
    for p in docs:
        text = normalise(p.read_text(encoding="utf-8")).text
        _check_cover(text, nlp.sentences(text, detect_language(text)))


# --- the sentence finder equals the full tokenizer path ---------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# pieces that move sentence ends: marks, punctuation after them, whitespace of each kind, jieba's run
# characters (a '.' inside a run: 8.5%, 1.2.3, ......), spaCy's special cases (e.g., U.S., a.m., :) etc.)
ZH_PIECES = ["糖化血红蛋白", "患者", "降至", "8.5%", "1.2.3", "。", "!", "?", ";", "…", "......", ".", "”", "」", ")",
             "(", "（", "，", "、", " ", "  ", "\t", " \t", "-", "--", "%", "#", "&", "_", "+", "A.", "a", "HbA1c", "12",
             "例", "等等", "“", "’", "·", "。”", "?!", "\u200b", "\u3000", "|", "*", "~"]
EN_PIECES = ["patients", "Wang", "et al.", "e.g.", "U.S.", "a.m.", "etc.", "Dr.", "Fig.", "No.", ":)", ":-)", "(", ")",
             ".", "..", "...", "!", "?", "?!", ";", "'s", '"', "'", "”", "“", "8.5%", "1.2", "3.", "A.", "B.C.", " ", "  ",
             "\t", " \n", "\n", "-", "--", "—", "%", "#", "&", "_", "+", "[1]", "Mr.", "vs.", "i.e.", "。", "·", "x",
             "U.S.A.", "www.example.com", "http://x.org/a.b", "n=24.", "p<0.05.", "1990s.", "Jan.", "St."]


def _agree(text: str, lang: str) -> None:
    nlp._sentences.cache_clear()
    assert nlp.sentences(text, lang) == nlp.reference_sentences(text, lang), repr(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ZH_PIECES), min_size=1, max_size=40), st.sampled_from(["zh", "zh-Hant", "en"]))
def test_sentence_finder_equals_full_tokenizers_zh(pieces: list[str], lang: str) -> None:
    _agree("".join(pieces), lang)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(EN_PIECES), min_size=1, max_size=40), st.sampled_from(["en", "zh"]))
def test_sentence_finder_equals_full_tokenizers_en(pieces: list[str], lang: str) -> None:
    _agree("".join(pieces), lang)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80),
       st.sampled_from(["zh", "en"]))
def test_sentence_finder_equals_full_tokenizers_any_text(text: str, lang: str) -> None:
    _agree(normalise(text).text, lang)


@pytest.mark.parametrize("text, lang", [
    ("结果显示。  ”下一句", "zh"),        # two spaces: a space token starts the sentence before the quote
    ("结果显示。 ”下一句", "zh"),         # one space belongs to the mark: the quote stays
    ("版本1.2.3发布.下一句", "zh"),       # jieba leaves the second '.' of 1.2.3 alone: a mark
    ("等等......然后", "zh"),             # '......' is one token and a mark
    ("完成。-5%的患者", "zh"),            # a run opening with punctuation right after a mark
    ("He said :) . Then left", "en"),
    ("in the U.S. Then we", "en"),
    ("fell.  \"Next\" one", "en"),
    ("ended (n=4). )Next", "en"),
])
def test_sentence_finder_equals_full_tokenizers_cases(text: str, lang: str) -> None:
    _agree(text, lang)
