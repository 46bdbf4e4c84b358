"""detect_language(): zh, zh-Hant or en."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.language import detect_language
from extract.normalise import normalise

DEV = Path("/work/shared/eval/dev")


@pytest.mark.parametrize("text, expected", [
    # simplified
    ("脐带间充质干细胞治疗2型糖尿病的随机对照试验显示,治疗组糖化血红蛋白下降1.1%。", "zh"),
    ("研究纳入46例患者,随访12个月。参考资料:[1] Li X, Wang Y. Umbilical cord mesenchymal stem "
     "cells for type 2 diabetes: a randomized trial. Diabetes Care. 2021;44(3):123-130. "
     "doi:10.1234/dc21-0001", "zh"),
    # traditional
    ("臍帶間充質幹細胞治療第二型糖尿病的隨機對照試驗顯示,治療組糖化血色素下降1.1%。", "zh-Hant"),
    ("史丹佛大學研究團隊利用幹細胞移植,讓19隻糖尿病小鼠全部恢復血糖控制,相關論文發表於國際期刊。", "zh-Hant"),
    # mixed scripts: the majority wins
    ("脐带间充质干细胞治疗糖尿病的临床研究进展与展望,疗效显著。臍帶幹細胞", "zh"),
    # English, with a quoted Chinese name
    ("Researchers at a hospital in Shanghai (上海) treated 12 patients with type 1 diabetes "
     "using autologous stem-cell derived islets; HbA1c fell from 8.2% to 6.9% at one year.", "en"),
    ("Umbilical cord MSC infusion in type 2 diabetes: a randomized controlled trial.", "en"),
    # no match: identifiers and URLs are not English prose
    ("干细胞治疗糖尿病 https://doi.org/10.1234/abcd.efgh.2024 NCT01234567", "zh"),
    ("", "en"),
])
def test_detect_language_table(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_simplified_post_with_long_english_reference_list_stays_zh() -> None:
    body = "本研究纳入301例2型糖尿病患者,静脉输注脐带间充质干细胞后随访12个月,糖化血红蛋白明显下降。" * 6
    refs = "\n".join(f"[{i}] Author A, Author B. Mesenchymal stem cells in diabetes mellitus. "
                     f"Stem Cell Res Ther. 2024;15:{i}." for i in range(1, 8))
    assert detect_language(body + "\n参考资料\n" + refs) == "zh"


def test_dev_documents_match_gold_language() -> None:
    docs = sorted((DEV / "docs").glob("*"))
    if not docs:
        pytest.skip("dev set not available")
    for p in docs:
        gold = json.loads((DEV / "gold" / f"{p.name}.json").read_text(encoding="utf-8"))["lang"]
        assert detect_language(normalise(p.read_text(encoding="utf-8")).text) == gold, p.name
