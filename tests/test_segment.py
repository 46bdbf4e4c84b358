"""Segmentation into study mentions: digests, case lists, single-study posts, nested and cited studies.

Every document here is written for the test (simplified, traditional Chinese and English); the last
tests read the dev set only to check the mention counts and that reference lists stay out of spans.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.document import Document, SourceDoc
from extract.segment import Mention, segment


def _doc(text: str, lang: str = "zh") -> Document:
    return Document(doc_id="t.txt", text=text, view=text, lang=lang,
                    source=SourceDoc(doc_id="t.txt", raw_text=text, source_format="txt"))


def _text(doc: Document, m: Mention) -> str:
    return "".join(doc.text[s:e] for s, e in m.spans)


def _meta(m: Mention, field: str) -> str | None:
    vals = [h.value["value"] for h in m.hits if h.field == field]
    return vals[0] if vals else None


def _owner(doc: Document, mentions: list[Mention], needle: str) -> list[int]:
    """Indices of the mentions whose spans contain ``needle``."""
    return [i for i, m in enumerate(mentions) if needle in _text(doc, m)]


ROUNDUP = """联系我们
官方热线400-000-0000

2024年干细胞治疗糖尿病临床进展盘点

糖尿病患者人数持续增加,全球已超过5亿人。本文梳理全年进展。

2024年3月干细胞治疗糖尿病临床进展

3月8日,泰国玛希隆大学在国际期刊《糖尿病研究》上发表了一篇关于《骨髓干细胞治疗2型糖尿病的随机对照试验》的研究成果。[1]

骨髓干细胞治疗2型糖尿病的随机对照试验

研究共纳入64名患者,随访12个月,HbA1c从8.2%降至7.1%。

3月21日,浙江某医院在《中华内分泌代谢杂志》上报告了一项名为《间充质干细胞治疗糖尿病的现状》的综述成果。[2]

该综述梳理了近十年的临床证据。其中,在北京某医院开展的一项随机双盲对照试验中,48名患者接受了输注,随访一年。

此外,还有一项研究显示,接受胎盘间充质干细胞治疗的患者中,35%停用了胰岛素。

相关阅读:干细胞治疗1型糖尿病最新进展

2024年6月干细胞治疗糖尿病临床进展

2024年6月,国家药监局受理了“K22A 注射液”的临床试验申请,该产品每4周输注一次,共3次[3]。

进展总结

综上所述,多项研究纳入了超过300名患者。

参考资料:

[1]Somchai P, Anan K. Bone marrow stem cells for type 2 diabetes: a randomized trial. Diabetes Res Clin Pract. 2024 Mar;209:111000. doi: 10.1016/j.diabres.2024.111000. PMID: 38400001.

[2]张华,李明.间充质干细胞治疗糖尿病的现状[J].中华内分泌代谢杂志,2024,40(03):200-206.DOI:10.3760/cma.j.cn311282-20240101-00001.

[3]https://example.com/news/k22a

免责说明:本文仅用于传播科普知识,不构成任何临床诊断建议。
« 上一篇 2024年12月30日
"""


def test_roundup_one_mention_per_study() -> None:
    doc = _doc(ROUNDUP)
    ms = segment(doc)
    kinds = [m.kind for m in ms]
    assert kinds == ["study", "study", "nested", "nested", "study"]
    thai, review, rct, other, ind = ms
    # each number goes with its own study
    assert _owner(doc, ms, "64名") == [0]
    assert _owner(doc, ms, "48名") == [2]
    assert _owner(doc, ms, "35%") == [3]
    assert _owner(doc, ms, "每4周") == [4]
    # background, related links, the summary and the reference list are in no mention
    for needle in ("5亿", "相关阅读", "超过300名", "Somchai", "免责说明", "官方热线"):
        assert _owner(doc, ms, needle) == [], needle
    # identifiers come through the [n] in each intro line; dates take the heading's year
    assert (_meta(thai, "doi"), _meta(thai, "pmid"), _meta(thai, "pub_date")) == (
        "10.1016/j.diabres.2024.111000", "38400001", "2024-03-08")
    assert (_meta(review, "doi"), _meta(review, "pub_date")) == (
        "10.3760/cma.j.cn311282-20240101-00001", "2024-03-21")
    assert _meta(review, "journal") == "中华内分泌代谢杂志"
    assert _meta(thai, "country") == "Thailand"
    # nested studies get nothing from the review that describes them
    assert _meta(rct, "doi") is None and _meta(rct, "pub_date") is None
    assert (_meta(ind, "pub_date"), _meta(ind, "doi"), _meta(ind, "alias")) == ("2024-06", None, "K22A")
    # evidence offsets of reference-derived hits point into the reference text
    doi_hit = next(h for h in thai.hits if h.field == "doi")
    assert doc.text[doi_hit.start:doi_hit.end] == "10.1016/j.diabres.2024.111000"


CASES = """干细胞治疗2型糖尿病:能否减药?

一、糖尿病与药物依赖

2型糖尿病的核心机制是胰岛素抵抗,传统药物无法逆转β细胞衰退。

二、临床研究现状

案例1:自体骨髓干细胞帮助患者停用胰岛素

2020年2月3日,泰国某干细胞医院在《再生医学》杂志上发表了一篇名为《自体骨髓干细胞治疗2型糖尿病一例》的病例报告。

患者为58岁男性,接受两次输注后,HbA1c由8.1%降至6.9%。

案例2:脐带间充质干细胞的多次输注

2023年9月12日,某大学附属医院在《临床医学杂志》上发表了一篇题为《脐带间充质干细胞治疗2型糖尿病一例报告》的研究报告。

患者为62岁女性,接受三次输注,第12周HbA1c降至6.2%。

2021年5月6号于当地医院接受了第一次输注。

三、疗效总结

部分患者可以减药,但需要更多研究。

参考资料:

[1]Somsak T, Niran P. Autologous bone marrow stem cells in a type 2 diabetes patient: a case report. Regen Med Res. 2020;8:1-4. doi: 10.1000/rmr.2020.001.

[2]赵一,钱二.脐带间充质干细胞治疗2型糖尿病一例报告[J].临床医学杂志,2023,12(9):5-7.
"""


def test_case_list_links_references_by_title_and_order() -> None:
    doc = _doc(CASES)
    ms = segment(doc)
    assert [m.kind for m in ms] == ["study", "study"]
    first, second = ms
    assert _owner(doc, ms, "58岁") == [0] and _owner(doc, ms, "62岁") == [1]
    # the treatment date inside case 2 does not open a study, nor become its publication date
    assert _owner(doc, ms, "2021年5月6号") == [1]
    assert _meta(second, "pub_date") == "2023-09-12"
    # case 1's English reference has no [n] and no matching title: linked by order (years agree)
    assert _meta(first, "doi") == "10.1000/rmr.2020.001"
    assert _meta(second, "journal") == "临床医学杂志"
    assert _owner(doc, ms, "部分患者可以减药") == []     # the summary section is background


ORDINAL_CASES = """干细胞治疗2型糖尿病的真实案例

本文通过不同类型的案例介绍治疗效果。

一、早期患者的病情缓解案例

49岁的陈先生确诊2型糖尿病2年,接受脂肪间充质干细胞输注,3个月后HbA1c由8.0%降至6.8%。

二、中晚期患者的并发症改善

71岁的刘女士患糖尿病12年,接受脐带间充质干细胞治疗,随访1年肾功能稳定。
"""

SINGLE_REVIEW = """最新综述!干细胞治疗糖尿病并发症

2024年10月2日,国际期刊杂志《干细胞评论》发表了一篇“间充质干细胞在糖尿病并发症中的应用”的研究综述[1]。

本文重点阐述了间充质干细胞的再生潜力。

一、再生医学与干细胞

再生医学是一个新兴的交叉学科领域。

二、糖尿病及其病理生理学

糖尿病是一种慢性代谢性疾病。

三、临床试验

研究者检索了已注册的临床试验。

结论

间充质干细胞代表了一种革命性的治疗策略。

参考资料:
[1] Rahman, A., Karim, B. 等. 间充质干细胞在糖尿病并发症中的应用. 干细胞评论 (2024). https://doi.org/10.1007/s12015-024-11111-1
"""


@pytest.mark.parametrize("text, n, first_needle", [
    # ordinal headings that each introduce a patient: one mention per patient
    (ORDINAL_CASES, 2, "49岁的陈先生"),
    # ordinal headings over background sections of one review: the review stays one mention
    (SINGLE_REVIEW, 1, "2024年10月2日"),
])
def test_ordinal_headings(text: str, n: int, first_needle: str) -> None:
    doc = _doc(text)
    ms = segment(doc)
    assert len(ms) == n
    assert first_needle in _text(doc, ms[0])


def test_single_review_gets_its_reference() -> None:
    doc = _doc(SINGLE_REVIEW)
    (m,) = segment(doc)
    assert m.kind == "document"
    assert (_meta(m, "doi"), _meta(m, "pub_date")) == ("10.1007/s12015-024-11111-1", "2024-10-02")
    assert "Rahman" not in _text(doc, m)


SINGLE_LONG = """干细胞治疗2型糖尿病前沿:200例患者的血糖改善
2024年4月15日,新加坡科研人员在国际期刊《糖尿病与代谢》上发表了一篇关于《脐带间充质干细胞治疗2型糖尿病:一项回顾性研究》的研究成果。
本研究旨在评估静脉输注脐带间充质干细胞的临床疗效。
临床设计与方法
这项回顾性研究纳入了200名患者。该研究发表于《糖尿病与代谢》,随访12个月。
临床结果
HbA1c从8.0%降至7.4%。
结语
所有患者均获得了满意的疗效。
参考资料:
Lim, K., & Tan, J. (2024). Umbilical cord MSC in type 2 diabetes: a retrospective study. Diabetes and Metabolism, 12, 100–110. https://doi.org/10.1234/dm.2024.0415
免责说明:本文仅用于传播科普知识。
"""


def test_long_single_study_stays_one_mention() -> None:
    doc = _doc(SINGLE_LONG)
    ms = segment(doc)
    assert len(ms) == 1
    (m,) = ms
    for needle in ("200名", "8.0%", "满意的疗效"):
        assert needle in _text(doc, m)
    assert _meta(m, "doi") == "10.1234/dm.2024.0415"     # the one unnumbered reference
    assert _meta(m, "pub_date") == "2024-04-15"            # the text's date beats the reference year
    assert _meta(m, "country") == "Singapore"


INTERLEAVED = """干细胞疗法首次实现1型糖尿病患者胰岛素独立
2024年8月1号,知名期刊《World J Diabetes》刊发了一篇“干细胞疗法的里程碑”的文献综述。
全国共有2000万名糖尿病患者[1]。
本文聚焦在2023年,某大学团队的李某等人发表的“自体干细胞来源胰岛移植”研究[2]:一位30岁女性患者在移植后两个月内脱离胰岛素。
其他早期试验也在探索异体移植[3]。
干细胞疗法可以重建胰岛素分泌能力,专业医疗团队在GMP实验室完成制备(文献支持:[4][5])。
间充质干细胞是最常用的细胞类型,目前正在招募NCT01111111和NCT02222222等试验。
值得注意的是,李某团队的研究[2]未使用免疫抑制剂。
参考资料:
1.Doe J. Diabetes statistics. Diabetes Care. 2022;45:1-2. doi: 10.2337/dc22-0001.
2.Li M, Wang Q. Autologous stem-cell-derived islets in type 1 diabetes. Cell. 2023;186:1-10. doi: 10.1016/j.cell.2023.01.001.
3.Roe K. Allogeneic islets. Cells. 2023;12:100. doi: 10.3390/cells12000100.
4.Poe L. Stem cell therapy review. Stem Cell Res Ther. 2024;15:1. doi: 10.1186/s13287-024-00001-1.
5.Moe P. Another review. Eur J Cell Biol. 2023;102:1. doi: 10.1016/j.ejcb.2023.000001.
"""


def test_cited_study_vs_background_citations() -> None:
    doc = _doc(INTERLEAVED)
    ms = segment(doc)
    by_kind: dict[str, list[Mention]] = {}
    for m in ms:
        by_kind.setdefault(m.kind, []).append(m)
    assert set(by_kind) == {"document", "citation", "registry"}
    assert len(by_kind["document"]) == 1 and len(by_kind["citation"]) == 1
    cited = by_kind["citation"][0]
    # a study described in the text ("…等人发表的…研究[2]") is its own mention, both places it appears
    assert _meta(cited, "doi") == "10.1016/j.cell.2023.01.001"
    assert "30岁女性" in _text(doc, cited) and "未使用免疫抑制剂" in _text(doc, cited)
    # background [1], a generic claim [3] and support notes [4][5] make no record and lend no DOI
    dois = {_meta(m, "doi") for m in ms}
    assert dois == {None, "10.1016/j.cell.2023.01.001"}
    # registry ids given as examples are their own mentions, not the review's
    assert sorted(_text(doc, m) for m in by_kind["registry"]) == ["NCT01111111", "NCT02222222"]
    assert "NCT01111111" not in _text(doc, by_kind["document"][0])
    assert _meta(by_kind["document"][0], "pub_date") == "2024-08-01"


ENGLISH_DIGEST = """Stem cell therapy for diabetes: three updates

Diabetes affects more than 500 million people worldwide.

On March 3, 2024, researchers at Seoul National University Hospital published in Diabetes Care the results of a trial of 40 patients with type 2 diabetes.

The patients received adipose-derived MSC and were followed for 12 months. In another study, 25 children with type 1 diabetes received cord blood infusions.

On June 10, 2024, a team at the University of Toronto reported in Cell Stem Cell that 12 patients achieved insulin independence.

The study followed patients for one year.
"""


def test_english_digest_with_nested_study() -> None:
    doc = _doc(ENGLISH_DIGEST, "en")
    ms = segment(doc)
    assert [m.kind for m in ms] == ["study", "nested", "study"]
    assert _owner(doc, ms, "40 patients") == [0]
    assert _owner(doc, ms, "25 children") == [1]
    assert _owner(doc, ms, "12 patients") == [2] and _owner(doc, ms, "one year") == [2]
    assert _owner(doc, ms, "500 million") == []
    assert [_meta(m, "pub_date") for m in ms] == ["2024-03-03", None, "2024-06-10"]
    assert _meta(ms[0], "journal") == "Diabetes Care"
    assert _meta(ms[0], "institution") == "Seoul National University Hospital"


TRADITIONAL_BULLETS = """幹細胞治療糖尿病目前處於臨床研究階段,2023年國際共識指出需更多數據。
- 第一型糖尿病: 研究表明胰島樣細胞可分泌胰島素,2021年《刺胳針》子刊報導1例患者血糖穩定12個月。
- 第二型糖尿病: 間充質幹細胞輸注可調節胰島素敏感性,2022年《糖尿病照護》研究顯示糖化血色素平均下降0.6%。
提示:患者應在專業醫療機構評估後決定。
"""


def test_traditional_bullets_with_year_and_journal() -> None:
    doc = _doc(TRADITIONAL_BULLETS, "zh-Hant")
    ms = segment(doc)
    assert len(ms) == 2
    assert [_meta(m, "pub_date") for m in ms] == ["2021", "2022"]
    assert [_meta(m, "journal") for m in ms] == ["刺胳針", "糖尿病照護"]
    assert _owner(doc, ms, "0.6%") == [1]
    assert _owner(doc, ms, "國際共識") == []


NEWS_WITH_SOURCE = """史丹佛大學團隊在小鼠實驗中恢復血糖控制
根據科學網站《科學日報》報導,史丹佛醫學院團隊結合造血幹細胞與胰島細胞移植,成功恢復小鼠的血糖控制。
相關研究已發表於《臨床研究期刊》(The Journal of Clinical Investigation)。
實驗持續6個月。
"""


@pytest.mark.parametrize("text, lang", [
    (NEWS_WITH_SOURCE, "zh-Hant"),     # "according to <site>" names the news source, not a second study
    ("Vertex reported that 10 of 12 patients stopped insulin. The data were published in the New England "
     "Journal of Medicine.\nThe study followed patients for one year.\n(Source: Example News, 3rd June 2024)\n", "en"),
])
def test_news_source_is_not_a_second_study(text: str, lang: str) -> None:
    doc = _doc(text, lang)
    ms = segment(doc)
    assert len(ms) == 1
    assert _meta(ms[0], "pub_date") is None     # a dateline is the news date, not the study's


def test_empty_and_boilerplate_only() -> None:
    assert segment(_doc("")) == []
    assert segment(_doc("免责说明:本文仅用于传播科普知识。\n« 上一篇 2024年1月1日\n")) == []


# --- dev set: counts and boundaries (read-only) -------------------------------------------

DEV = Path("/work/shared/eval/dev")


@pytest.mark.skipif(not DEV.is_dir(), reason="dev set not available")
def test_dev_mention_counts_and_reference_lists() -> None:
    from extract.pipeline import to_document
    from extract.references import find_reference_list
    gold_total = predicted = 0
    for gp in sorted((DEV / "gold").glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        path = DEV / "docs" / gold["doc_id"]
        doc = to_document(SourceDoc(doc_id=gold["doc_id"], raw_text=path.read_text(encoding="utf-8"),
                                    source_format="txt"))
        ms = segment(doc)
        required = sum(1 for s in gold["studies"] if not s.get("optional_mention"))
        assert len(ms) >= required, gold["doc_id"]
        gold_total += required
        predicted += len(ms)
        refs = find_reference_list(doc)
        if refs is not None:   # reference entries reach a record only through a link
            for m in ms:
                for s, e in m.spans:
                    assert e <= refs.start or s >= refs.end, gold["doc_id"]
    assert gold_total * 0.85 <= predicted <= gold_total * 1.2


LEAD_THEN_DIGEST = """某医院完成首例干细胞治疗
近日,某市人民医院为20名2型糖尿病患者完成了脐带间充质干细胞输注,随访6个月。
此前,2021年《柳叶刀》子刊报道1例患者停用胰岛素。
2022年《糖尿病护理》研究显示HbA1c平均下降0.9%。
"""


def test_study_before_the_first_intro_is_kept() -> None:
    doc = _doc(LEAD_THEN_DIGEST)
    ms = segment(doc)
    assert len(ms) == 3
    assert _owner(doc, ms, "20名") == [0] and _owner(doc, ms, "0.9%") == [2]
    assert [_meta(m, "pub_date") for m in ms] == [None, "2021", "2022"]


REVIEW_WITH_CITED_META = """2024年5月2日,国际期刊《再生医学综述》发表了一篇“干细胞治疗糖尿病肾病”的研究综述[1]。
一、肾脏保护作用
荟萃分析(120名患者)显示干细胞可改善糖尿病肾病的肾功能
间充质干细胞可以归巢至肾脏损伤部位。
二、视网膜病变
间充质干细胞可减少视网膜血管渗漏。
参考资料:
[1] Chen, A., Wu, B. 等. 干细胞治疗糖尿病肾病. 再生医学综述 (2024). https://doi.org/10.1000/rmr.2024.77
"""


def test_cited_meta_analysis_in_a_review_ends_at_the_next_heading() -> None:
    doc = _doc(REVIEW_WITH_CITED_META)
    ms = segment(doc)
    assert [m.kind for m in ms] == ["document", "nested"]
    review, meta = ms
    assert _owner(doc, ms, "120名") == [1]
    assert _owner(doc, ms, "视网膜血管渗漏") == [0]       # after the next heading: back to the review
    assert _meta(review, "doi") == "10.1000/rmr.2024.77" and _meta(meta, "doi") is None


# --- cue tables: earlier studies and planned trials ---------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("该团队2021年曾在《Stem Cell Research & Therapy》发表一项纳入24例患者的开放标签先导研究", True),
    ("團隊2021年曾進行一項24人的小型先導研究", True),
    ("此前的一项研究显示,脐带间充质干细胞可改善胰岛素抵抗", True),
    ("In their earlier pilot study, 9 adolescents received cells", True),
    ("A 2019 trial by the same group enrolled 15 patients", True),
    # no match: the reported study itself
    ("Placenta MSCs in diabetic nephropathy: a pilot study", False),
    ("The 2023 study enrolled 30 patients", False),
    ("该研究共纳入120例患者", False),
])
def test_prior_study_cue(text: str, found: bool) -> None:
    from extract.segment import PRIOR_STUDY
    assert bool(PRIOR_STUDY.search(text)) is found


@pytest.mark.parametrize("text, found", [
    ("团队透露,已启动一项多中心II期随机对照试验(NCT06123457)", True),
    ("第二期試驗（NCT06000002）預計於明年啟動", True),
    ("A randomised sham-controlled study is planned.", True),
    ("A follow-on phase 2 trial (NCT06000004) will enrol 60 patients.", True),
    ("The company plans to launch a pivotal trial in 2026.", True),
    # no match: the study being reported, described in the past
    ("该试验已完成全部患者入组", False),
    ("The phase 2 trial enrolled 120 patients.", False),
    ("研究团队开展了一项随机对照试验", False),
    ("研究团队已开展一项随机对照试验,纳入120例患者", False),
])
def test_planned_study_cue(text: str, found: bool) -> None:
    from extract.segment import PLANNED_STUDY
    assert bool(PLANNED_STUDY.search(text)) is found


# --- round 3: 【n】 digests, story headings, prior studies, generic citations -----------------

BRACKET_DIGEST = """盘点:近期干细胞治疗糖尿病研究进展

来源:本站原创 2025-06-03 09:12

近年来,干细胞疗法为糖尿病的治疗带来了新的希望,本文对近期研究进展进行盘点。

【1】Cochrane系统评价:间充质干细胞或能降低糖化血红蛋白
doi:10.1002/14651858.CD000001.pub2

近日,一项刊登在Cochrane Database of Systematic Reviews上的系统评价中,该研究共纳入16项RCT、892名受试者,糖化血红蛋白平均降低0.62%。[1]

【2】Stem Cell Res Ther:羊膜上皮干细胞改善2型糖尿病小鼠的胰岛素抵抗
doi:10.1186/s13287-025-00001-8

近日,来自某大学的研究人员在db/db小鼠中发现,羊膜上皮干细胞能够改善胰岛素抵抗。[2]

【3】Diabetes Res Clin Pract:胎盘间充质干细胞治疗2型糖尿病的单臂研究
doi:10.1016/j.diabres.2025.000001

来自印度的研究团队开展了一项单臂研究,共纳入28例2型糖尿病患者,糖化血红蛋白由8.8%降至7.5%。[3]

参考文献:
[1] Okafor CN, Lindgren M, et al. Mesenchymal stromal cell therapy for adults with type 2 diabetes. Cochrane Database Syst Rev. 2025 May 12;5:CD000001.
[2] Zhao Q, Fang L, et al. Amniotic epithelial stem cells ameliorate insulin resistance in diabetic mice. Stem Cell Res Ther. 2025 Apr 18;16(1):201.
[3] Deshpande A, Kulkarni S, et al. Placenta-derived mesenchymal stem cells in type 2 diabetes. Diabetes Res Clin Pract. 2025 May;223:112236.

相关阅读:
盘点:2024年干细胞领域重大突破TOP10
"""

HANT_DIGEST = """【幹細胞新知】兩項糖尿病幹細胞研究一次看

2025-02-10|作者:編輯部

一、英國:自體骨髓間質幹細胞延緩第一型糖尿病的β細胞衰退

英國某大學團隊的試驗,招募40名剛確診第一型糖尿病的成人,隨機分為兩組各20人。研究發表於《Diabetes Care》。[1]

二、台灣:臍帶間質幹細胞治療糖尿病腎病變試驗開始收案

國內一項試驗(NCT06000001)已於去年底開始收案,預計收治60名患者,結果預計2027年公布。

參考資料:
1. Whitcombe EJ, Holmqvist A, et al. Autologous BM-MSCs in newly diagnosed type 1 diabetes. Diabetes Care. 2025;48(3):412-421.

延伸閱讀:【幹細胞新知】2024年度十大再生醫學新聞
"""


def test_bracket_numbered_digest_with_doi_lines() -> None:
    doc = _doc(BRACKET_DIGEST)
    ms = [m for m in segment(doc) if m.kind in ("study", "document")]
    assert len(ms) == 3
    assert [_meta(m, "pub_date") for m in ms] == ["2025-05-12", "2025-04-18", "2025-05"]
    assert "10.1186/s13287-025-00001-8" in _text(doc, ms[1])
    assert "892名受试者" in _text(doc, ms[0]) and "892名受试者" not in _text(doc, ms[2])


def test_traditional_numbered_digest_adults_and_future_date() -> None:
    doc = _doc(HANT_DIGEST, "zh-Hant")
    ms = segment(doc)
    first = _owner(doc, ms, "招募40名")
    assert len(first) == 1 and _meta(ms[first[0]], "pub_date") == "2025"
    # the registry item: a date announced for the future, and the "延伸閱讀" line is no reference
    reg = [m for m in ms if "NCT06000001" in _text(doc, m)]
    assert reg and all(_meta(m, "pub_date") is None for m in reg)


def test_short_numbered_note_is_not_a_study() -> None:
    text = "【1】编者按\n本期内容由编辑部整理,仅供参考。\n\n【2】投稿须知\n欢迎读者来信。\n"
    assert len([m for m in segment(_doc(text)) if m.kind in ("study", "document")]) <= 1


STORIES = """干细胞门诊开诊一周年|他们的故事

原创 内分泌科 某市人民医院 2025年04月18日

2024年4月,我院开设干细胞门诊。一年来,符合入组条件的42位患者参加了我院正在开展的临床研究。今天,我们分享其中两位患者的故事。

故事一:“胰岛素减了一半”

58岁的王阿姨患2型糖尿病已有12年。她参加了脐带间充质干细胞治疗的临床研究,糖化血红蛋白从9.1%降到了7.2%。

故事二:“血糖不再坐过山车”

19岁的小陈14岁时被诊断为1型糖尿病,参加了脐带间充质干细胞治疗1型糖尿病的研究,低血糖次数明显减少。
"""


def test_patient_stories_are_one_mention_each_and_the_lead_introduces_them() -> None:
    doc = _doc(STORIES)
    ms = segment(doc)
    assert len(_owner(doc, ms, "王阿姨")) == 1 and len(_owner(doc, ms, "小陈")) == 1
    assert _owner(doc, ms, "王阿姨") != _owner(doc, ms, "小陈")
    # the lead announcing the stories is no study of its own (its 42 patients are not reported)
    assert not _owner(doc, ms, "42位患者")
    assert all(_meta(m, "pub_date") is None for m in ms)


def test_lead_cohort_without_stories_is_still_a_study() -> None:
    text = ("某医院近日完成首例干细胞治疗,20名患者接受输注,糖化血红蛋白下降1.1%。\n\n"
            "2024年3月,某大学在《细胞》发表研究,纳入30名患者。\n\n"
            "2024年5月,某医院在《柳叶刀》发表研究,纳入50名患者。\n")
    doc = _doc(text)
    assert _owner(doc, segment(doc), "20名患者")


@pytest.mark.parametrize("text, lang, intro_needle, nested_needle", [
    ("研究2:胰岛素治疗的2型糖尿病\n2025年4月,同一医院团队在《中华糖尿病杂志》发表了另一项研究。研究纳入42名患者,不设对照组。\n",
     "zh", "另一项研究", None),
    ("研究2:胰島素治療的第二型糖尿病\n2025年4月,同一醫院團隊在《中華糖尿病雜誌》發表了另一項研究。研究納入42名患者。\n",
     "zh-Hant", "另一項研究", None),
    ("Study 2: insulin-treated type 2 diabetes\nIn April 2025 the same hospital published another study in Diabetes Care. "
     "It enrolled 42 adults.\n", "en", "another study", None),
])
def test_intro_naming_another_study_is_not_nested(text: str, lang: str, intro_needle: str,
                                                  nested_needle: str | None) -> None:
    doc = _doc(text, lang)
    ms = segment(doc)
    assert not [m for m in ms if m.kind == "nested"]
    assert len(_owner(doc, ms, intro_needle)) == 1


EARLIER = """Stem cell infusions improve blood sugar in type 2 diabetes, randomized trial finds

Adults with type 2 diabetes who received three infusions of umbilical cord cells had larger reductions in HbA1c, according to a randomized trial published June 18 in Cell Reports Medicine.

The team enrolled 120 adults. HbA1c fell from 8.6% to 7.3% in the cell group.

The trial builds on a phase 1 study the same team published in 2021, in which 20 patients received a single infusion without serious side effects.

No serious adverse events occurred.
"""


@pytest.mark.parametrize("text, needle", [
    (EARLIER, "builds on a phase 1"),
    (EARLIER.replace("The trial builds on a phase 1 study the same team published in 2021",
                     "It follows a phase 1 study that the same group published in 2021"), "phase 1 study"),
])
def test_earlier_study_of_the_same_team_is_nested(text: str, needle: str) -> None:
    doc = _doc(text, "en")
    ms = segment(doc)
    nested = [m for m in ms if m.kind == "nested"]
    assert len(nested) == 1 and "20 patients" in _text(doc, nested[0])
    assert _meta(nested[0], "pub_date") == "2021"
    main = next(m for m in ms if m.kind == "document")
    assert "20 patients" not in _text(doc, main) and "No serious adverse" in _text(doc, main)


def test_builds_on_findings_is_not_a_study() -> None:
    text = ("A study published in Diabetes Care on Monday found that 40 adults had lower HbA1c. "
            "The work builds on earlier findings in mice.\n")
    assert not [m for m in segment(_doc(text, "en")) if m.kind == "nested"]


@pytest.mark.parametrize("text, lang", [
    ("1 病例资料\n患者男,63岁,2型糖尿病,予脐带间充质干细胞输注4次。\n\n2 讨论\n既往研究报道,静脉输注间充质干细胞可改善胰岛素抵抗[1]。"
     "本例患者溃疡愈合。\n\n参考文献\n[1] 唐某,徐某.间充质干细胞治疗2型糖尿病的研究进展[J].中华内分泌代谢杂志,2023,39(6):530-535.\n", "zh"),
    ("1 病例資料\n患者男,63歲,第二型糖尿病,接受臍帶間質幹細胞輸注4次。\n\n2 討論\n多項研究報導,間質幹細胞可改善胰島素阻抗[1]。"
     "本例患者潰瘍癒合。\n\n參考文獻\n[1] 唐某,徐某.間質幹細胞治療第二型糖尿病的研究進展[J].中華內分泌代謝雜誌,2023,39(6):530-535.\n", "zh-Hant"),
    ("Case presentation\nA 63-year-old man with type 2 diabetes received four infusions of umbilical cord MSCs.\n\nDiscussion\n"
     "Previous studies have reported that MSC infusion improves insulin resistance [1]. The ulcer healed.\n\nReferences\n"
     "[1] Tang L, Xu M. Mesenchymal stem cells for type 2 diabetes: a review. Endocr J. 2023;39(6):530-535.\n", "en"),
])
def test_generic_citation_is_background(text: str, lang: str) -> None:
    ms = segment(_doc(text, lang))
    assert not [m for m in ms if m.kind == "citation"]


def test_specific_cited_study_still_described() -> None:
    text = ("近年来干细胞研究进展迅速。\n王某团队发表的一项随机对照研究纳入60名患者[1]。\n\n参考文献\n"
            "[1] 王某,李某.脐带间充质干细胞治疗2型糖尿病的随机对照研究[J].中华医学杂志,2022,10(2):1-5.\n")
    assert [m for m in segment(_doc(text)) if m.kind == "citation"]


@pytest.mark.parametrize("text, lang, expected", [
    ("幹細胞療法可延緩一型糖尿病惡化 《柳葉刀》子刊發表\n\n【大紀元2025年03月19日訊】一項臨床試驗顯示,患者自身分泌胰島素的能力下降得較慢。"
     "研究已於2025年3月11日在線發表於《柳葉刀-糖尿病與內分泌學》期刊。\n", "zh-Hant", "2025-03-11"),
    ("干细胞疗法可延缓1型糖尿病 《柳叶刀》子刊发表\n\n新华社2025年3月19日电 一项临床试验显示,患者胰岛功能下降较慢。"
     "研究已于2025年3月11日在线发表于《柳叶刀-糖尿病与内分泌学》。\n", "zh", "2025-03-11"),
    ("Stem cells slow type 1 diabetes, Lancet journal reports\n\nA trial in nine hospitals found slower decline. "
     "The results were published on March 11, 2025 in The Lancet Diabetes & Endocrinology.\n", "en", "2025-03-11"),
])
def test_headline_intro_then_dated_publication_sentence(text: str, lang: str, expected: str) -> None:
    ms = [m for m in segment(_doc(text, lang)) if m.kind == "document"]
    assert len(ms) == 1 and _meta(ms[0], "pub_date") == expected


# --- round 4: cue tables for earlier studies, ordinal study paragraphs, planned trials ----------

@pytest.mark.parametrize("text, found", [
    ("林巧文介绍,这项研究是团队此前I期研究的延续。", True),
    ("這項研究是團隊先前的一期臨床試驗的延續", True),
    ("早在2022年,團隊就為一名31歲女性患者進行了全球首例同類移植", True),
    ("早在2019年,该团队就对12例患者开展了先导试验", True),
    ("The new study builds on the case of the team's first patient, a 31-year-old woman", True),
    ("As early as 2021, the group treated a 45-year-old man with the same cells", True),
    # no match: background research, dates without a patient or study, a case for an argument
    ("此前研究表明,间充质干细胞具有免疫调节作用", False),
    ("早在2015年,干细胞就被寄予厚望", False),
    ("The result builds on the case for cell therapy made by earlier reviews", False),
    ("Back in 2019, regulators warned clinics about unproven stem cell offers", False),
])
def test_prior_study_cue_round4(text: str, found: bool) -> None:
    from extract.segment import PRIOR_STUDY
    assert bool(PRIOR_STUDY.search(text)) is found


@pytest.mark.parametrize("text, found", [
    ("Building on the program, Lakeshore researchers are opening a phase 1 trial of islets in a device (NCT06522718).", True),
    ("關西某醫院今年啟動以異體iPS細胞製成胰島細胞片的臨床試驗(jRCT2053250041),預計收治3名患者", True),
    ("该院近日启动一项脐带间充质干细胞治疗2型糖尿病的研究,计划招募60名患者", True),
    # no match: the reported study's own start, enrolment done
    ("该研究于2019年启动,共纳入50例患者,随访1年", False),
    ("The trial is opening new questions about dosing.", False),
])
def test_planned_study_cue_round4(text: str, found: bool) -> None:
    from extract.segment import PLANNED_STUDY
    assert bool(PLANNED_STUDY.search(text)) is found


@pytest.mark.parametrize("text, lang, first, second", [
    ("兩個「30人」幹細胞研究\n\n有病人問我幹細胞可唔可以醫好糖尿病,原來佢睇嘅係兩個研究。\n\n"
     "第一個研究來自濟南,2023年發表。研究人員為30名患者注射臍帶間質幹細胞,糖化血紅素由8.12%跌到7.36%。\n\n"
     "第二個研究來自廈門,2021年發表,對象係30名新確診患者,隨機分成兩組,每組15人。幹細胞組糖化血紅素由7.9%降至6.8%。\n\n"
     "同樣係30人,一個無對照、一個有隨機對照,可信程度差好遠。\n", "zh-Hant", ("8.12%", "2023"), ("7.9%", "2021")),
    ("两项30人的干细胞研究\n\n门诊常有患者问干细胞能否治好糖尿病。\n\n"
     "第一项研究来自济南,2023年发表。研究人员为30名患者输注脐带间充质干细胞,HbA1c由8.12%降至7.36%。\n\n"
     "第二项研究来自厦门,2021年发表,纳入30名新诊断患者,随机分为两组,每组15人。干细胞组HbA1c由7.9%降至6.8%。\n", "zh",
     ("8.12%", "2023"), ("7.9%", "2021")),
    ("Two 30-patient stem cell studies\n\nA patient asked me about stem cells last week.\n\n"
     "The first study, from Jinan, was published in 2023. Thirty patients received cord MSCs and HbA1c fell from 8.12% to 7.36%.\n\n"
     "The second study, from Xiamen, was published in 2021. Thirty patients were randomised into two groups of 15; "
     "HbA1c fell from 7.9% to 6.8% with cells.\n", "en", ("8.12%", "2023"), ("7.9%", "2021")),
])
def test_ordinal_study_paragraphs_are_two_mentions(text: str, lang: str, first: tuple[str, str],
                                                   second: tuple[str, str]) -> None:
    doc = _doc(text, lang)
    ms = segment(doc)
    assert len(ms) == 2
    for m, (needle, year) in zip(ms, (first, second)):
        assert needle in _text(doc, m) and _meta(m, "pub_date") == year


@pytest.mark.parametrize("text, lang", [
    # no match: one "first study" paragraph alone is no list of studies
    ("幹細胞治糖尿病\n\n第一個研究團隊來自濟南,為30名患者注射幹細胞,糖化血紅素由8.1%跌到7.3%。\n\n結果仍待大型試驗證實。\n", "zh-Hant"),
    ("Stem cells for diabetes\n\nThe first trial of its kind enrolled 30 patients; HbA1c fell from 8.1% to 7.3%.\n\n"
     "Larger trials are needed.\n", "en"),
])
def test_single_ordinal_paragraph_stays_one_mention(text: str, lang: str) -> None:
    assert len(segment(_doc(text, lang))) == 1


@pytest.mark.parametrize("text, lang, main_needle, other_needle", [
    ("Halcyon raises $310M for HB-210 islets\n\nHalcyon said its HB-210 islets kept 10 of 12 patients off insulin. "
     "HB-210 is made from embryonic stem cells.\n\nThe field is crowded. Aurigen said that five of the nine patients in its "
     "phase 1 trial of AUR-07 had detectable C-peptide. Aurigen's stock has fallen.\n\nHalcyon will start phase 3 of HB-210 in 2026.\n",
     "en", "10 of 12", "nine patients"),
    ("HB-210胰岛公司完成融资\n\nHalcyon公司的HB-210在14例患者中取得积极结果,HB-210由胚胎干细胞分化而来。\n\n"
     "竞争同样激烈。Aurigen公司的AUR-07的I期试验中,9例患者有5例可检测到C肽。\n\nHB-210的III期试验预计明年启动。\n",
     "zh", "14例", "9例患者"),
    ("HB-210胰島公司完成融資\n\nHalcyon公司的HB-210在14名患者中取得正面結果,HB-210由胚胎幹細胞分化而來。\n\n"
     "競爭同樣激烈。Aurigen公司的AUR-07臨床試驗中,9名患者有5名可測得C胜肽。\n\nHB-210的三期試驗預計明年啟動。\n",
     "zh-Hant", "14名", "9名患者"),
])
def test_trial_of_another_product_is_its_own_mention(text: str, lang: str, main_needle: str, other_needle: str) -> None:
    doc = _doc(text, lang)
    ms = segment(doc)
    assert len(_owner(doc, ms, main_needle)) == 1 and len(_owner(doc, ms, other_needle)) == 1
    assert _owner(doc, ms, main_needle) != _owner(doc, ms, other_needle)


@pytest.mark.parametrize("text, lang", [
    # no match: the next-generation product is named without a trial of its own; one product only
    ("Halcyon raises money for HB-210\n\nHB-210 kept 10 of 12 patients off insulin in the HB-210 trial. "
     "HB-210 needs immunosuppression.\n\nHalcyon hopes to address that with HB-330, a gene-edited version still in preclinical testing.\n", "en"),
    ("SY-101注射液I期结果公布\n\n赛元生物的SY-101在24例患者中安全。SY-101的I期试验为剂量递增设计。\n", "zh"),
])
def test_one_product_document_is_not_split(text: str, lang: str) -> None:
    assert len([m for m in segment(_doc(text, lang)) if m.kind != "registry"]) == 1


@pytest.mark.parametrize("text, lang, expected", [
    ("邱團隊發表一期試驗\n\n今年10月,邱明哲團隊發表一期臨床試驗成果:3位患者全部停用胰島素。\n\n"
     "早在2022年,團隊就為一名31歲女性患者進行了首例移植,2023年發表病例報告時,她已停用胰島素近一年;至今追蹤超過3年。\n", "zh-Hant", "2023"),
    ("邱团队发表一期试验\n\n今年10月,邱明哲团队发表一期临床试验成果:3位患者全部停用胰岛素。\n\n"
     "早在2022年,团队就为一名31岁女性患者进行了首例移植,2023年发表病例报告时,她已停用胰岛素近一年;至今随访超过3年。\n", "zh", "2023"),
    ("Trio freed from insulin\n\nThe phase 1 study was published online on Oct 13 in Cell Discovery. Three patients stopped insulin.\n\n"
     "The new study builds on the case of the team's first patient, a 31-year-old woman who underwent the procedure in 2022 "
     "and whose case was reported in 2023. She has remained insulin-free for more than three years.\n", "en", "2023"),
])
def test_earlier_case_takes_its_publication_year_not_the_event_year(text: str, lang: str, expected: str) -> None:
    doc = _doc(text, lang)
    nested = [m for m in segment(doc) if m.kind == "nested"]
    assert len(nested) == 1 and "31" in _text(doc, nested[0])
    assert _meta(nested[0], "pub_date") == expected


def test_review_with_its_own_cohort_keeps_its_mention_beside_cited_studies() -> None:
    text = ("干细胞治疗糖尿病的单中心经验\n\n本院2019年至2023年共收治86例2型糖尿病患者接受脐带间充质干细胞治疗。"
            "王等[1]开展的随机对照研究纳入60例患者。李等[2]的单臂研究纳入20例患者。\n\n参考文献\n"
            "[1] 王某,李某.脐带间充质干细胞治疗2型糖尿病的随机对照研究[J].中华医学杂志,2022,10(2):1-5.\n"
            "[2] 李某,张某.脐带间充质干细胞治疗2型糖尿病的单臂研究[J].中华糖尿病杂志,2021,9(3):5-9.\n")
    doc = _doc(text)
    ms = segment(doc)
    assert [m.kind for m in ms] == ["document", "citation", "citation"]
    assert "86例" in _text(doc, ms[0]) and "60例" in _text(doc, ms[1]) and "20例" in _text(doc, ms[2])
