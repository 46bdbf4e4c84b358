"""A second study opened by a clause inside a paragraph, with no heading (ERRORS.md 4.1, 4.4; ``segment_openers``).

Cases written for this file, in simplified Chinese, traditional Chinese and English side by side: an example with
its actor and the next item of the example list, a registry's data, a dated report with a new subject after history,
a study cited by its authors without a reference marker, a transition to a new actor. Each case lists text that
must sit in each mention (and in no other) and text that must be in no mention; the traps stay one mention.
"""
from __future__ import annotations

import pytest
from segment_helpers import check_holders

from extract.assemble import extract_records
from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.segment import segment
from extract.segment_openers import find_openers


def _doc(text: str):
    return to_document(SourceDoc(doc_id="c.txt", raw_text=text.replace(" / ", "\n"), source_format="txt"))


def _texts(text: str) -> list[str]:
    doc = _doc(text)
    # (a weak remainder is a candidate only: its record is kept when it holds numbers of its own)
    return ["".join(doc.text[s:e] for s, e in m.spans) for m in segment(doc) if m.kind != "registry" and not m.weak]


def _record_texts(text: str) -> list[str]:
    doc = _doc(text)
    return ["".join(doc.text[s:e] for s, e in r.mention) for r in extract_records(doc)]


def _check(texts: list[str], needles: list[list[str]], absent: list[str] = ()) -> None:
    check_holders(texts, needles, absent)


# --- an example and the next item of its list: two studies, the roundup around them none -----------------
@pytest.mark.parametrize("text, first, second", [
    ("干细胞有望解决供体短缺。 / 为此,部分企业转向干细胞技术。如美国某制药公司今年6月公布的研究显示,其将干细胞衍生的胰岛移植给"
     "12名1型糖尿病患者,一年后10人停用胰岛素;国内一家再生医学公司也利用患者自身细胞重编程培育胰岛,3名患者均减少了胰岛素用量。"
     "但这两种方法都需要抗排异药物。", ["12名"], ["3名患者"]),
    ("幹細胞有望解決供體短缺。 / 為此,部分企業轉向幹細胞技術。如美國某製藥公司今年6月公布的研究顯示,其將幹細胞衍生的胰島移植給"
     "12名第1型糖尿病患者,一年後10人停用胰島素;國內一家再生醫學公司也利用患者自身細胞重編程培育胰島,3名患者均減少了胰島素用量。",
     ["12名"], ["3名患者"]),
    ("Stem cells may end the donor shortage. / Several companies now grow islets in the lab. For example, a US drugmaker "
     "reported in June that 12 patients with type 1 diabetes received stem cell-derived islets and 10 stopped insulin a "
     "year later; a Hangzhou company has also grown islets from reprogrammed cells, and 3 patients cut their insulin.",
     ["12 patients"], ["3 patients"]),
    # the next item after a semicolon, without "also"
    ("1型糖尿病的治疗正在改写。 / 像某制药公司的2期试验显示,83%的重症患者在单次输注后停用胰岛素;某大学团队的自体化学重编程胰岛移植"
     "研究中,2名患者在移植后3个月内停用胰岛素。", ["83%"], ["2名患者"]),
])
def test_example_and_next_item_are_two_studies(text: str, first: list[str], second: list[str]) -> None:
    _check(_texts(text), [first, second])


# --- a registry's data and an institution's series in a lecture's paragraph --------------------------------
@pytest.mark.parametrize("text, registry, series", [
    ("胰岛细胞移植 / 演讲者:某医院内分泌科 / 1型糖尿病患者需终身注射胰岛素。1893-2005年全世界共有1154名患者接受胰岛移植。根据国际胰岛移植"
     "登记处的资料分析1990-1999年间进行的237例胰岛移植,1型糖尿病患者术后一年不需胰岛素者仅11%。近年来疗效大幅进步,如加拿大某大学报告"
     "33位1型糖尿病患者,采用Edmonton方案的单独胰岛移植后成功率达85%。", ["237例"], ["33位"]),
    ("胰島細胞移植 / 演講者:某醫院內分泌科 / 第1型糖尿病患者需終身注射胰島素。1893-2005年全世界共有1154名患者接受胰島移植。根據國際胰島移植"
     "登錄資料分析1990-1999年間進行的237例胰島移植,第1型糖尿病患者術後一年不需胰島素者僅11%。近年來療效大幅進步,如加拿大某大學報告"
     "33位第1型糖尿病患者,採用Edmonton方案的單獨胰島移植後成功率達85%。", ["237例"], ["33位"]),
    ("Islet transplantation / A lecture / People with type 1 diabetes need insulin for life. Worldwide, 1154 patients "
     "received islet transplants between 1893 and 2005. According to the International Islet Transplant Registry, only 11% "
     "of 237 islet transplants in type 1 diabetes left recipients insulin-free at one year. Results have since improved; "
     "for example, the University of Alberta reported 33 patients with type 1 diabetes who received islets alone.",
     ["237 islet"], ["33 patients"]),
])
def test_registry_and_example_series_in_one_paragraph(text: str, registry: list[str], series: list[str]) -> None:
    texts = _texts(text)
    _check([t for t in texts if registry[0] in t or series[0] in t], [registry, series])
    # the lecture around them (its worldwide tally) gives no record of its own
    _check(_record_texts(text), [registry, series], absent=["1154"])


# --- a dated report with a new subject, after history; a later year's general remark ends it ---------------
@pytest.mark.parametrize("text, study, history, later", [
    ("胰岛移植疗效在逐渐提升 / 根据2012年国际胰岛移植注册中心提供的数据,1999年至2010年共完成677例胰岛移植。 / 从1966年首次胰腺移植到后来的"
     "动物实验,胰岛移植不断进步。2005年,美国糖尿病年会公布的一项多中心研究表明,36名1型糖尿病患者术后3年内脱离胰岛素者达53%。"
     "2014年,多数移植中心术后5年无需胰岛素的病人已超过50%。", "36名", "1966年", "2014年"),
    ("胰島移植療效在逐漸提升 / 根據2012年國際胰島移植註冊中心提供的數據,1999年至2010年共完成677例胰島移植。 / 從1966年首次胰臟移植到後來的"
     "動物實驗,胰島移植不斷進步。2005年,美國糖尿病年會公布的一項多中心研究表明,36名第1型糖尿病患者術後3年內脫離胰島素者達53%。"
     "2014年,多數移植中心術後5年無需胰島素的病人已超過50%。", "36名", "1966年", "2014年"),
    ("Islet transplants keep improving / According to 2012 data from the Collaborative Islet Transplant Registry, 677 islet "
     "transplants were performed from 1999 to 2010. / Since the first pancreas transplant in 1966, the field has moved on. "
     "In 2005, a multicentre study presented at the American Diabetes Association meeting showed that 53% of 36 patients "
     "with type 1 diabetes were insulin-free within 3 years. In 2014, most centres reported that half of their recipients "
     "were insulin-free at 5 years.", "36 patients", "1966", "In 2014"),
])
def test_dated_report_after_history(text: str, study: str, history: str, later: str) -> None:
    texts = _texts(text)
    holder = [t for t in texts if study in t]
    assert len(holder) == 1 and history not in holder[0] and later not in holder[0], texts
    assert sum("677" in t for t in texts) == 1 and not any("677" in t and study in t for t in texts)


# --- a study cited by its authors after the one reported (no reference marker) ------------------------------
@pytest.mark.parametrize("text, main, other", [
    ("我们读到某团队报道的随机对照试验:128名2型糖尿病患者随机接受脐带间充质干细胞或安慰剂,第48周HbA1c从8.6%降至7.4%。 / "
     "相比之下,顾某等人在国内开展的试验纳入120名2型糖尿病患者,报告了更小的效果。", "128名", "120名"),
    ("我們讀到某團隊報導的隨機對照試驗:128名第2型糖尿病患者隨機接受臍帶間質幹細胞或安慰劑,第48週HbA1c從8.6%降至7.4%。 / "
     "相比之下,顧某等人在國內開展的試驗納入120名第2型糖尿病患者,報告了更小的效果。", "128名", "120名"),
    ("We read with interest the report by Haldane and colleagues: 128 patients with type 2 diabetes were randomised to "
     "cord MSCs or placebo, and HbA1c fell from 8.6% to 7.4% at week 48. / By contrast, the trial by Gu and colleagues in "
     "China (120 patients with type 2 diabetes) reported a smaller effect.", "128 patients", "120 patients"),
])
def test_study_cited_by_its_authors_after_the_reported_one(text: str, main: str, other: str) -> None:
    _check(_texts(text), [[main], [other]])


# --- a transition to a new actor ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, main, other", [
    ("某医院为12名1型糖尿病患者移植了干细胞来源的胰岛,10人停用胰岛素。与此同时,瑞典乌普萨拉大学医院公布了一项研究,一名1型糖尿病男性"
     "接受基因编辑胰岛细胞后无需免疫抑制。", "12名", "乌普萨拉"),
    ("某醫院為12名第1型糖尿病患者移植了幹細胞來源的胰島,10人停用胰島素。與此同時,瑞典烏普薩拉大學醫院公布了一項研究,一名第1型糖尿病男性"
     "接受基因編輯胰島細胞後無需免疫抑制。", "12名", "普薩拉"),
    ("A hospital transplanted stem cell-derived islets into 12 patients with type 1 diabetes, and 10 stopped insulin. "
     "Meanwhile, Sana Biotechnology reported a study in which one man with type 1 diabetes received gene-edited islet "
     "cells without immunosuppression.", "12 patients", "Sana"),
])
def test_transition_to_a_new_actor(text: str, main: str, other: str) -> None:
    _check(_texts(text), [[main], [other]])


# --- ... a company named by its trade suffix (X生物, X生技, X製藥) ----------------------------------------------------
@pytest.mark.parametrize("text, main, other", [
    ("港岛大学团队为8名1型糖尿病患者进行了治疗,随访一年。另外,内地云汐生物日前公布,其胚胎干细胞来源胰岛细胞的单组试验中,"
     "16名1型糖尿病患者接受单次输注。", "8名", "16名"),
    ("港島大學團隊為8名一型糖尿病患者進行了治療,隨訪一年。另外,內地雲汐生物日前公布,其胚胎幹細胞來源胰島細胞的單組試驗中,"
     "16名一型糖尿病患者接受單次輸注。", "8名", "16名"),
    ("港島大學團隊為8名一型糖尿病患者進行了治療。此外,台灣明澈生技上月宣布,其羊膜上皮細胞一期試驗已為12名第2型糖尿病患者完成輸注。",
     "8名", "12名"),
])
def test_transition_to_a_company_named_by_its_suffix(text: str, main: str, other: str) -> None:
    _check(_texts(text), [[main], [other]])


# --- traps: one study, or no study at all -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    # no match: "such a company" names no study; no actor after 例如; epidemiology; a registry's general figure
    "某医院为12名1型糖尿病患者移植了干细胞来源的胰岛。像Vertex这样的公司也在研发干细胞疗法。",
    "某醫院為12名第1型糖尿病患者移植了幹細胞來源的胰島。例如,胰島移植需要終身服用免疫抑制劑,這一點仍未解決。",
    "某医院为12名1型糖尿病患者移植了干细胞来源的胰岛。根据国际糖尿病联盟的数据,中国有1.4亿糖尿病患者。",
    "某醫院為一名第1型糖尿病患者完成胰島移植。依據國際胰島移植登錄(CITR)資料,胰島移植後5年維持不需胰島素者約5成。",
    # no match: the same study, told on (anaphora, an actor named before)
    "某医院团队为20名2型糖尿病患者输注了脐带间充质干细胞。2023年,该团队在《细胞》上发表了这项研究的结果。",
    "The hospital's team gave 20 patients with type 2 diabetes cord MSCs. In 2023, the team published the study in Cell.",
    "长征医院团队为20名2型糖尿病患者输注了脐带间充质干细胞。此外,长征医院团队还报告了患者的C肽数据。",
    # no match: a comment by an outside expert
    "A hospital gave 20 patients with type 2 diabetes cord MSCs. Meanwhile, experts at Uppsala University said the "
    "results were encouraging.",
    # no match: one study led by its authors; one example with nothing around it
    "Wang and colleagues reported in Cell that 12 patients with type 1 diabetes stopped insulin after islet transplants.",
    "如美国某制药公司公布的研究显示,12名1型糖尿病患者接受干细胞来源胰岛移植后停用胰岛素。",
])
def test_one_study_or_background_stays_one_mention(text: str) -> None:
    assert len(_texts(text)) <= 1


@pytest.mark.parametrize("text, kinds", [
    ("研究进展。如美国Vertex公司公布的研究显示,12名患者停用胰岛素。", ["example"]),
    ("進展。根據國際胰島移植登錄資料分析237例胰島移植,一年後11%不需胰島素。", ["registry"]),
    ("History. In 2005, a multicentre study presented at the ADA meeting showed that 36 patients were insulin-free.", ["dated"]),
    ("结果较好。此外,北京某医院团队报告了30名2型糖尿病患者的随访数据。", ["transition"]),
    ("The trial by Gu and colleagues in China enrolled 120 patients.", ["authors"]),
    # no match
    ("如果患者血糖控制不佳,医生会调整剂量。", []),
    ("例如,胰岛移植需要终身服用免疫抑制剂。", []),
    ("2023年,该团队在《细胞》上发表了结果。", []),
    ("According to the IDF Diabetes Atlas, 537 million adults have diabetes.", []),
    ("According to Wang et al., MSCs act through paracrine signals.", []),
])
def test_opener_kinds(text: str, kinds: list[str]) -> None:
    doc = _doc(text)
    assert [o.kind for o in find_openers(doc.view, 0, len(doc.view))] == kinds


@pytest.mark.parametrize("text", [
    # no match: the reported study's own publication, authors or quote, told after its results
    "某医院为一名59岁2型糖尿病患者移植了干细胞来源的胰岛,患者已停用胰岛素33个月。2024年4月30日,国际期刊《Cell Discovery》在线发表了这项研究。",
    "某醫院為一名59歲第2型糖尿病患者移植了幹細胞來源的胰島,患者已停用胰島素33個月。該研究由王某等人完成。",
    "A hospital transplanted stem cell-derived islets into a 59-year-old man with type 2 diabetes. Smith and colleagues "
    "published the findings in Cell Discovery.",
    "某医院为20名2型糖尿病患者输注了脐带间充质干细胞,HbA1c平均下降1.1%。如该院殷浩教授所言,这一结果令人鼓舞。",
    "A hospital gave 20 patients with type 2 diabetes cord MSCs. For example, Dr Lee said the results were encouraging.",
])
def test_the_reported_study_told_on_is_not_another(text: str) -> None:
    assert len(_texts(text)) == 1


# --- a nested list of registered trials: one study per inner item ---------------------------------------------
@pytest.mark.parametrize("text, first, second, absent", [
    ("二、核心在研产品进展 / 1. AB-UC01注射液(人脐带间充质干细胞,2型糖尿病) / AB-UC01为公司自主研发的细胞注射液。 / "
     "(1)I期临床试验(登记号:CTR20220001)已于2024年3月完成,共入组24例2型糖尿病患者,随访24周。 / "
     "(2)II期临床试验(登记号:CTR20240002)为随机、双盲、安慰剂对照研究,已入组96例。 / "
     "2. AB-AD03(自体脂肪间充质干细胞,膝骨关节炎):II期临床进行中。", "24例", "96例", "AB-AD03"),
    ("二、核心在研產品進展 / 1. AB-UC01注射液(人臍帶間質幹細胞,第2型糖尿病) / AB-UC01為公司自主研發的細胞注射液。 / "
     "(1)I期臨床試驗(登記號:CTR20220001)已於2024年3月完成,共入組24例第2型糖尿病患者,隨訪24週。 / "
     "(2)II期臨床試驗(登記號:CTR20240002)為隨機、雙盲、安慰劑對照研究,已入組96例。 / "
     "2. AB-AD03(自體脂肪間質幹細胞,膝骨關節炎):II期臨床進行中。", "24例", "96例", "AB-AD03"),
    ("Pipeline / 1. AB-UC01 (umbilical cord MSC, type 2 diabetes) / (1) Phase 1 (NCT05000001) completed in March 2024 "
     "with 24 patients with type 2 diabetes followed for 24 weeks. / (2) Phase 2 (NCT05000002), a randomized, "
     "placebo-controlled trial, has enrolled 96 patients. / 2. AB-AD03 (adipose MSC, knee osteoarthritis): phase 2 ongoing.",
     "24 patients", "96 patients", "AB-AD03"),
])
def test_nested_list_of_registered_trials(text: str, first: str, second: str, absent: str) -> None:
    doc = _doc(text)
    recs = extract_records(doc)
    texts = ["".join(doc.text[s:e] for s, e in r.mention) for r in recs]
    _check(texts, [[first], [second]], absent=[absent])
    # each trial takes its product's cell type from the item that holds it; a completion date is no publication
    assert [r.study.cell_types for r in recs] == [["UC-MSC"], ["UC-MSC"]]
    assert [r.study.pub_date for r in recs] == [None, None]


# --- more ways to bring in the next actor: the example after its actor, "besides X", a new country ---------------
@pytest.mark.parametrize("text, main, other", [
    ("Vertex said 12 patients with type 1 diabetes who received zimislecel stopped insulin within a year. / Other groups "
     "are pursuing similar approaches. Sana Biotechnology, for example, transplanted gene-edited islets into one man with "
     "type 1 diabetes without immunosuppression.", "12 patients", "Sana"),
    ("Vertex公司称,12名1型糖尿病患者接受zimislecel治疗一年后10人停用胰岛素。 / 除了Vertex,Sana公司也公布了一名1型糖尿病男性"
     "接受基因编辑胰岛移植后无需免疫抑制剂的结果。", "12名", "Sana"),
    ("Vertex公司稱,12名第1型糖尿病患者接受zimislecel治療一年後10人停用胰島素。 / 以Sana公司為例,一名第1型糖尿病男性接受"
     "基因編輯胰島移植後無需免疫抑制劑。", "12名", "Sana"),
    ("Vertex said 12 patients with type 1 diabetes who received zimislecel stopped insulin within a year. / In China, a team "
     "at Tianjin First Central Hospital reported that a 25-year-old woman with type 1 diabetes stopped insulin after "
     "receiving iPSC-derived islets.", "12 patients", "Tianjin"),
    ("Vertex公司称,12名1型糖尿病患者接受zimislecel治疗一年后10人停用胰岛素。 / 在国内,天津市第一中心医院团队报告了一名25岁1型"
     "糖尿病女性接受化学重编程干细胞来源胰岛移植后停用胰岛素。", "12名", "天津"),
])
def test_more_ways_to_the_next_actor(text: str, main: str, other: str) -> None:
    _check(_texts(text), [[main], [other]])


@pytest.mark.parametrize("text", [
    # no match: people, not an actor; no place; nothing besides a drug
    "A hospital gave 20 patients with type 2 diabetes cord MSCs. Patients, for example, reported fewer hypoglycaemic events.",
    "A hospital gave 20 patients with type 2 diabetes cord MSCs. In Phase 2, the team will enrol 60 patients.",
    "某医院为20名2型糖尿病患者输注脐带间充质干细胞。除了降糖药,患者还需要控制饮食。",
])
def test_more_ways_traps(text: str) -> None:
    assert len(_texts(text)) == 1


# --- a paragraph whose subject is a new actor reporting another cohort ---------------------------------------
@pytest.mark.parametrize("text, main, other", [
    ("Vertex said 12 patients with type 1 diabetes who received zimislecel stopped insulin within a year. / Researchers at "
     "Tianjin First Central Hospital reported that a 25-year-old woman with type 1 diabetes stopped insulin after "
     "receiving iPSC-derived islets.", "12 patients", "25-year-old"),
    ("Vertex公司称,12名1型糖尿病患者接受zimislecel治疗一年后10人停用胰岛素。 / 天津市第一中心医院团队为一名25岁1型糖尿病女性"
     "实施了化学重编程干细胞来源胰岛移植,术后75天停用胰岛素。", "12名", "25岁"),
    ("Vertex公司稱,12名第1型糖尿病患者接受zimislecel治療一年後10人停用胰島素。 / 天津市第一中心醫院團隊為一名25歲第1型糖尿病女性"
     "實施了化學重編程幹細胞來源胰島移植,術後75天停用胰島素。", "12名", "25歲"),
])
def test_new_actor_with_another_cohort(text: str, main: str, other: str) -> None:
    _check(_texts(text), [[main], [other]])


@pytest.mark.parametrize("text", [
    # no match: the hospital named late reports the same case; our own hospital; a generic subject
    "A 59-year-old man with type 2 diabetes has been off insulin for 33 months after a stem cell-derived islet transplant. / "
    "Shanghai Changzheng Hospital announced on Tuesday that the 59-year-old man had been weaned off insulin.",
    "某医院为20名2型糖尿病患者输注了脐带间充质干细胞。 / 我院内分泌科于2019年开展干细胞临床研究,目前已入组患者26例。",
    "A hospital gave 20 patients with type 2 diabetes cord MSCs. / Researchers also treated 6 patients with type 1 diabetes.",
])
def test_new_actor_traps(text: str) -> None:
    assert len(_texts(text)) == 1


@pytest.mark.parametrize("text", [
    "第1型糖尿病的胰岛移植 / 第1型糖尿病病人需终身注射胰岛素。根据胰岛移植登记处资料分析237例胰岛移植,术后一年仅11%不需胰岛素。"
    "近年来疗效进步,如加拿大某大学报告33位糖尿病病人,单独胰岛移植后成功率达85%。",
    "第1型糖尿病的胰島移植 / 第1型糖尿病病人需終身注射胰島素。根據胰島移植登錄資料分析237例胰島移植,術後一年僅11%不需胰島素。"
    "近年來療效進步,如加拿大某大學報告33位糖尿病病人,單獨胰島移植後成功率達85%。",
    "Islet transplantation in type 1 diabetes / People with type 1 diabetes need insulin for life. According to the "
    "International Islet Transplant Registry, 11% of 237 islet transplants left recipients insulin-free at one year. "
    "Results have improved; for example, the University of Alberta reported 33 patients with diabetes who received islets.",
])
def test_cut_out_study_saying_only_diabetes_takes_the_texts_type(text: str) -> None:
    doc = _doc(text)
    recs = extract_records(doc)
    assert [r.study.condition for r in recs] == ["T1D", "T1D"]


# --- another study with its own cohort, named by no actor -------------------------------------------------------
@pytest.mark.parametrize("text, main, other", [
    ("Vertex said 12 patients with type 1 diabetes who received zimislecel stopped insulin within a year. / Results from a "
     "different trial, in which 30 patients with type 2 diabetes received cord MSCs, were less clear.", "12 patients", "30 patients"),
    ("Vertex公司称,12名1型糖尿病患者接受zimislecel治疗一年后10人停用胰岛素。 / 类似的结果也出现在国内一项研究中:20名1型糖尿病患者"
     "接受化学诱导胰岛移植后,15人停用胰岛素。", "12名", "20名"),
    ("Vertex公司稱,12名第1型糖尿病患者接受治療一年後10人停用胰島素。 / 另有研究指出,30名第2型糖尿病患者接受臍帶間質幹細胞後"
     "HbA1c下降1%。", "12名", "30名"),
])
def test_another_study_with_its_own_cohort(text: str, main: str, other: str) -> None:
    _check(_texts(text), [[main], [other]])


@pytest.mark.parametrize("text", [
    # no match: a general claim; a trial still to come
    "某医院为12名1型糖尿病患者移植胰岛,10人停用胰岛素。也有研究表明干细胞可改善血糖。",
    "A hospital gave 12 patients with type 1 diabetes islets. The team now hopes to run a larger trial, aiming to recruit "
    "120 people.",
    "某醫院為12名第1型糖尿病患者移植胰島。團隊計劃開展一項更大規模的研究,預計招募120名患者。",
])
def test_another_study_traps(text: str) -> None:
    assert len(_texts(text)) == 1
