"""Condition: T1D, T2D, both or unspecified; contrasts and background do not make a study "both"."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.condition import EXTRACTOR


def condition(text: str, lang: str = "zh") -> list[str]:
    hits = decided_hits(EXTRACTOR, text)  # the real normaliser and matching view
    return [h.value["value"] for h in hits]


@pytest.mark.parametrize("text,lang,expected", [
    ("本研究纳入30例1型糖尿病患者。", "zh", ["T1D"]),
    ("第一型糖尿病患者接受了干细胞移植。", "zh-Hant", ["T1D"]),
    ("Adults with type 1 diabetes received islet cells.", "en", ["T1D"]),
    ("T1DM患者的C肽水平显著升高。", "zh", ["T1D"]),
    ("研究纳入了60名2型糖尿病(T2DM)患者。", "zh", ["T2D"]),
    ("二型糖尿病患者接受脐带间充质干细胞输注。", "zh", ["T2D"]),
    ("We enrolled 45 patients with type 2 diabetes mellitus.", "en", ["T2D"]),
    ("第二型糖尿病患者的胰岛素用量下降。", "zh-Hant", ["T2D"]),
    ("该荟萃分析评估了干细胞治疗1型和2型糖尿病患者的疗效。", "zh", ["both"]),
    ("MSC therapy for type 1 and type 2 diabetes: a meta-analysis in 500 patients.", "en", ["both"]),
    ("间充质干细胞治疗T1DM与T2DM患者均可降低HbA1c。", "zh", ["both"]),
    # contrast in a T1D article: still T1D
    ("需明确区分1型与2型糖尿病。本研究中1型糖尿病患者接受了治疗,1型糖尿病的自身免疫是关键。", "zh", ["T1D"]),
    # background mention of the other type: the study's own population wins
    ("糖尿病主要分为1型和2型,后者占90%。本研究纳入2型糖尿病患者,2型糖尿病患者的HbA1c下降。", "zh", ["T2D"]),
    ("Unlike type 1 diabetes, type 2 diabetes involves insulin resistance; our patients with type 2 diabetes improved.", "en", ["T2D"]),
    ("干细胞治疗糖尿病患者的疗效有待验证。", "zh", ["unspecified"]),
    ("Stem cells may help people with diabetes.", "en", ["unspecified"]),
    # generalisation set. LADA is autoimmune diabetes that ADA classifies under type 1: T1D
    ("The trial enrolled adults with latent autoimmune diabetes in adults (LADA).", "en", ["T1D"]),
    ("本研究纳入成人隐匿性自身免疫糖尿病(LADA)患者。", "zh", ["T1D"]),
    ("Patients with diabetic foot ulcer in type 2 diabetes received adipose-derived cells.", "en", ["T2D"]),
    ("糖尿病足患者接受自体骨髓单个核细胞移植。", "zh", ["unspecified"]),
    ("第1型及第2型糖尿病患者均接受了治療。", "zh-Hant", ["both"]),
    ("Type 2 diabetes affects 500 million people. In this trial, 12 patients with type 1 diabetes received islets.", "en", ["T1D"]),
    ("Adults with insulin-dependent type 2 diabetes received UC-MSCs.", "en", ["T2D"]),
    ("新診斷的第一型糖尿病兒童接受臍帶血輸注。", "zh-Hant", ["T1D"]),
    # the counted cohort names the study's population; more mentions of the other type are background
    ("已有14名第一型糖尿病患者接受植入。至於第二型糖尿病,第二型糖尿病的問題主要是胰島素阻抗,多數第二型糖尿病患者只要規律用藥即可。", "zh-Hant", ["T1D"]),
    ("研究纳入2型糖尿病患者42例。1型糖尿病是自身免疫病,1型糖尿病患者需终身注射胰岛素,1型糖尿病多见于儿童。", "zh", ["T2D"]),
    ("The trial recruited 40 adults who had been diagnosed with type 1 diabetes. Type 2 diabetes is far more common; type 2 diabetes drugs do not help here, and type 2 diabetes research is another field.", "en", ["T1D"]),
    ("Twenty T2D patients received cells. T1D is autoimmune; T1D patients need insulin; T1D affects children.", "en", ["T2D"]),
    # traps: epidemiology counts are not a cohort; counted cohorts of both types stay "both"
    ("本港约有1萬名一型糖尿病患者。本研究纳入的2型糖尿病患者,2型糖尿病病程较长。", "zh-Hant", ["T2D"]),
    ("Around 8.7 million people live with type 1 diabetes. Our patients with type 2 diabetes improved; type 2 diabetes is common.", "en", ["T2D"]),
    ("研究纳入20名1型糖尿病患者和25名2型糖尿病患者,1型糖尿病组和2型糖尿病组均改善。", "zh", ["both"]),
    ("此前一项研究纳入50名2型糖尿病患者。本研究中1型糖尿病患者接受了治疗,1型糖尿病患者C肽升高。", "zh", ["T1D"]),
    # a bare type in a table cell under a diabetes-type column
    ("研究 | 国家 | 糖尿病类型 | 设计\nA试验 | 瑞典 | 1型(新诊断) | 随机对照", "zh", ["T1D"]),
    ("研究 | 國家 | 糖尿病類型 | 設計\nB試驗 | 印度 | 2型 | 對照研究", "zh-Hant", ["T2D"]),
    ("| Trial | Country | Diabetes | Design |\n|---|---|---|---|\n| A | Sweden | Type 1 (new onset) | RCT |", "en", ["T1D"]),
    # no match: a type cell under another column, or a type outside a table
    ("研究 | 细胞类型 | 分期\nA试验 | 骨髓 | 2型", "zh", []),
    ("| Trial | Collagen |\n|---|---|\n| A | Type 1 |", "en", []),
    ("该细胞为1型巨噬细胞。", "zh", []),
    ("M1型巨噬细胞向M2型极化。", "zh", []),
    ("The trial enrolled 40 patients with heart failure.", "en", []),
    ("2型胶原蛋白表达增加。", "zh", []),
    ("患者年龄45岁,体重指数28。", "zh", []),
    # a counted cohort in a link to another article is not this study's population
    ("Adults aged 18 to 55 years with type 1 diabetes were randomized.\n\nTrending\n  Continuous Glucose Monitoring in 1028 Adults With Type 2 Diabetes Not Using Insulin\n", "en", ["T1D"]),
    ("研究纳入1型糖尿病成人。\n\n相关阅读\n· 1028名2型糖尿病患者使用动态血糖监测\n", "zh", ["T1D"]),
    ("研究納入第1型糖尿病成人。\n\n延伸閱讀\n．1028名第2型糖尿病患者使用連續血糖監測\n", "zh-Hant", ["T1D"]),
    ("研究纳入1型糖尿病成人。\n参考文献:\n[1] 张三. 1028例2型糖尿病患者的队列研究[J]. 中华医学杂志, 2020, 12(3):45.", "zh", ["T1D"]),
    # a counted cohort of one type outweighs an uncounted "both" that defines the therapy (blind4 round)
    ("干细胞治疗是用于治疗1型和2型糖尿病的再生医学方法。2000年该团队报道7例1型糖尿病患者接受胰岛移植。", "zh", ["T1D"]),
    ("幹細胞療法可用於治療第一型和第二型糖尿病。本研究納入30名第二型糖尿病患者。", "zh-Hant", ["T2D"]),
    ("Stem cells are being tested to treat type 1 and type 2 diabetes. The trial enrolled 40 patients with type 2 diabetes.", "en", ["T2D"]),
    # a counted "both" cohort stays both
    ("本研究纳入1型和2型糖尿病患者共60例,其中30例2型糖尿病患者接受治疗。", "zh", ["both"]),
    ("We enrolled 24 patients with type 1 or type 2 diabetes; 12 patients with type 1 diabetes received cells.", "en", ["both"]),
])
def test_condition(text, lang, expected):
    assert condition(text, lang) == expected


# --- real-text classes: forms of the type, questions, exclusive scope, the document's type ---
@pytest.mark.parametrize("text,expected", [
    # forms: MeSH headings, spelled-out numbers, community words, DM1/DM2
    ("MH  - Diabetes Mellitus, Type 1/therapy\nMH  - Islets of Langerhans Transplantation", ["T1D"]),
    ("MH  - Diabetes Mellitus, Type 2/*therapy", ["T2D"]),
    ("She has lived with type one diabetes since childhood and received islets.", ["T1D"]),
    ("Adults with type two diabetes received umbilical cord MSCs.", ["T2D"]),
    ("这些1型糖友每天需要注射胰岛素,本次共有20名患者接受治疗。", ["T1D"]),
    ("這些第一型糖友每天需要注射胰島素。", ["T1D"]),
    ("Ⅱ型患者接受了脐带间充质干细胞输注。", ["T2D"]),
    ("Patients with DM2 received two infusions of adipose-derived cells.", ["T2D"]),
    ("IDDM patients received cord blood.", ["T1D"]),
    ("NIDDM患者接受骨髓单个核细胞移植。", ["T2D"]),
    # both types as the population
    ("研究纳入1型及2型糖尿病患者共40例。", ["both"]),
    ("The trial enrolled adults with type 1 or type 2 diabetes.", ["both"]),
    # a reader's question about the other type and an exclusive scope: the study's type stays
    ("FDA核准用于第一型糖尿病患者的细胞疗法。Q5:第二型糖尿病也能用吗?A:不行。此疗法仅适用于第一型糖尿病中少数患者,第二型糖尿病病友多半仍有自身胰岛功能。", ["T1D"]),
    ("FDA核准用於第一型糖尿病患者的細胞療法。Q5:第二型糖尿病也能用嗎?A:不行。此療法僅適用於第一型糖尿病中少數患者,第二型糖尿病病友多半仍有自身胰島功能。", ["T1D"]),
    ("The therapy is approved for adults with type 1 diabetes. Can people with type 2 diabetes use it? No: it is approved only for type 1 diabetes, and type 2 diabetes patients still make insulin.", ["T1D"]),
    # other diabetes types are no T1D/T2D
    ("妊娠糖尿病患者的血糖控制较差。", ["unspecified"]),
    ("Women with gestational diabetes were followed.", ["unspecified"]),
    # traps: a type-1 thing that is no diabetes, a bare "DM 1 year"
    ("该细胞为1型巨噬细胞,1型胶原沉积减少。", []),
    ("Duration of DM 1 year or less.", []),
])
def test_condition_real_text_classes(text, expected):
    assert condition(text) == expected


def test_a_record_without_a_diabetes_word_takes_the_documents_type():
    """A study cut from a longer text ("报告中特别提到了…73名患者…") keeps the type its document is about."""
    from extract.document import SourceDoc
    from extract.fields.base import Span
    from extract.pipeline import to_document

    text = ("对于2型糖尿病(T2D)患者,该综述梳理了临床证据。2型糖尿病患者的疗效最明显。\n"
            "报告中特别提到了解放军总医院的一项随机双盲对照临床试验:73名患者接受脐带间充质干细胞输注后,"
            "在48周时,有20%的患者达成目标,而安慰剂组仅为4.55%。")
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    start = doc.text.index("报告中")
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, start, len(doc.text))))
    assert [h.value["value"] for h in hits] == ["T2D"]
    # a fragment too short to be a study, or a document about both types, takes nothing
    assert EXTRACTOR.decide(EXTRACTOR.find(Span(doc, start, start + 20))) == []
    mixed = to_document(SourceDoc("t.txt", "1型糖尿病与2型糖尿病患者。1型糖尿病,2型糖尿病。\n" + text[text.index("报告中"):], "txt"))
    s2 = mixed.text.index("报告中")
    assert [h.value["value"] for h in EXTRACTOR.decide(EXTRACTOR.find(Span(mixed, s2, len(mixed.text))))] == []
