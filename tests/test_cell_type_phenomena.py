"""Cell types on real text, round 2: each phenomenon in simplified, traditional Chinese and English, with traps.

Phenomena (ERRORS.md 4.6, 4.4 and the train set's misses): donor islets given without the word donor
(co-transplanted, counted as a dose, put into a patient, gene-edited, a patient's own transplant); islets
made from a patient's own cells; sources in a hanging-hyphen coordination; abbreviations with a footnote
marker glued on in flattened tables; a source named after the MSC noun; and cell types named only as a
simile, another disease's treatment, a comparator, another company's approach or in an abstract's
Background section, which are not the study's cells.
"""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.cell_type import EXTRACTOR


def cell_types(text: str) -> list[str]:
    return sorted(h.value["value"] for h in decided_hits(EXTRACTOR, text))


# donor islets without the word "donor": the islets the study gives
@pytest.mark.parametrize("text,expected", [
    # co-transplanted with other cells
    ("该研究将间充质干细胞与胰岛细胞联合移植给20名1型糖尿病患者。", ["MSC", "islet"]),
    ("該研究將間充質幹細胞與胰島細胞聯合移植給20名第1型糖尿病患者。", ["MSC", "islet"]),
    ("Co-transplantation of mesenchymal stem cells with islets was performed in 20 patients with type 1 diabetes.", ["MSC", "islet"]),
    ("Effectiveness of usingsequential transplantation of umbilical cord stem cells and pancreatic islet cells to treat diabetes in children.",
     ["UC-MSC", "islet"]),
    # counted as a dose
    ("Each of the 12 patients received 5,000 IEQ/kg of islets into the portal vein.", ["islet"]),
    ("大鼠分为4组:(1)500个胰岛移植组;(2)UCMSCs与500个胰岛细胞联合移植组。", ["UC-MSC", "islet"]),
    # put into a patient, or gene-edited
    ("科学家们首次成功将经过基因编辑的胰岛细胞植入患者体内。", ["islet"]),
    ("醫師將經過基因改造的胰島細胞移植到一名第1型糖尿病男性的手臂肌肉。", ["islet"]),
    ("Surgeons implanted gene-edited islet cells into the forearm of a man with type 1 diabetes.", ["islet"]),
    ("醫療團隊採用CRISPR技術,對移植的胰島細胞進行客製化改造,患者接受治療後停用胰島素。", ["islet"]),
    ("间充质干细胞可保护移植的胰岛免受免疫攻击。", ["MSC"]),                             # trap: islets in general
    ("MSCs improve the survival of transplanted islets in diabetic mice.", ["MSC"]),
    # the patient's own transplant; a transplant performed on one patient; islets from a donor named after
    ("90 days after my second pancreatic islet transplant, I need no insulin.", ["islet"]),
    ("The hospital performed an islet cell transplant on a 36-year-old woman with type 1 diabetes.", ["islet"]),
    ("去年經過胰島細胞移植手術後,他的身體已能自然分泌胰島素。", ["islet"]),
    ("A 50-year-old woman with type 1 diabetes received islets from a deceased donor in 2019.", ["islet"]),
    ("一名50岁1型糖尿病女性于2019年接受了来自已故捐献者的胰岛。", ["islet"]),
    ("I'm having no reactions. Transplanted islets – over 1 Million in total now, from two donors – reside in my liver since my second transplant.",
     ["islet"]),
    ("The islet cells were derived from the pancreas of a deceased organ donor and infused into the portal vein of a 52-year-old woman.", ["islet"]),
    ("胰岛细胞取自一名已故器官捐献者的胰腺,经门静脉输注给一名52岁的1型糖尿病女性。", ["islet"]),
    ("胰島細胞取自一名已故器官捐贈者的胰臟,經門靜脈輸注給一名52歲的第1型糖尿病女性。", ["islet"]),
    # traps: a comparator, background, stem-cell-derived islets, a count of the body's islets
    ("与胰岛移植相比,该方法无需供体。", []),
    ("和胰島移植相比,幹細胞治療無需終身服藥。", []),
    ("Unlike islet transplantation, MSC therapy needs no immunosuppression.", []),
    ("研究团队将干细胞分化的胰岛细胞植入患者前臂。", []),
    ("The company infused its stem cell-derived islet product into 14 participants.", []),
    ("Surgeons transplanted lab-grown islets into the patient.", []),
    ("人体胰腺中约有100万个胰岛。", []),
    ("Islet transplantation typically requires more than 10,000 IEQ/kg, often from two or more pancreases.", []),
    ("The company's hypoimmune iPSC-derived islet cells are in preclinical testing.", ["iPSC-islet"]),
    ("Islet transplantation in patients with type 1 diabetes is limited by donor shortage.", []),
])
def test_donor_islets_given_without_the_word_donor(text, expected):
    assert cell_types(text) == expected


# islets made from a patient's own cells are made (iPSC-islet), never donated; a chain of steps in English
@pytest.mark.parametrize("text,expected", [
    ("去年,他们为一位38岁的1型糖尿病女性移植了由她自身细胞制成的胰岛。", ["iPSC-islet"]),
    ("去年,他們為一位38歲的1型糖尿病女性移植了由她自身細胞製成的胰島。", ["iPSC-islet"]),
    ("Surgeons transplanted islets made from her own blood cells into a 38-year-old woman.", ["iPSC-islet"]),
    ("Scientists reprogrammed blood cells from a 41-year-old man into pluripotent cells. Weeks later, those cells were "
     "matured into insulin-secreting clusters and put back into his abdomen.", ["iPSC-islet"]),
    ("研究人員先將患者的血液細胞誘導成多能幹細胞,再讓它們分化為能分泌胰島素的胰島樣細胞,最後移植回患者體內。", ["iPSC-islet"]),
    # traps: the patient's own islets destroyed; lab-grown islets of an unnamed source
    ("患者自身的胰岛细胞已被免疫系统破坏。", []),
    ("Her own islet cells had been destroyed by the immune system.", []),
    ("This spring the surgeons transplanted the lab-grown islets into a 52-year-old man.", []),
])
def test_islets_made_from_the_patients_own_cells(text, expected):
    assert cell_types(text) == expected


# sources: hanging hyphen, a source named after the MSC noun (with 来自…的), glued footnote markers
@pytest.mark.parametrize("text,expected", [
    ("A study of umbilical cord- and adipose-derived mesenchymal stem cells enrolled 30 patients with type 2 diabetes.", ["AD-MSC", "UC-MSC"]),
    ("研究比较了脐带和脂肪来源间充质干细胞对30例2型糖尿病患者的疗效。", ["AD-MSC", "UC-MSC"]),
    ("研究比較了臍帶與脂肪來源間充質幹細胞對30例第2型糖尿病患者的療效。", ["AD-MSC", "UC-MSC"]),
    ("该试验为45名2型糖尿病患者输注了来自健康成人骨髓的间充质前体细胞。", ["BM-MSC"]),
    ("該試驗為45名第2型糖尿病患者輸注了來自健康成人骨髓的間充質前體細胞。", ["BM-MSC"]),
    ("Mesenchymal precursor cells derived from the bone marrow of healthy adult donors were given to 45 people.", ["BM-MSC"]),
    ("来自骨髓或脂肪的间充质干细胞均可使用,患者接受间充质干细胞输注。", ["MSC"]),            # trap: options
    # a table flattened with footnote markers glued to the abbreviations
    ("Carlsson, 2015 [16] Sweden 10/10 E 1/8 MSCs3+insulin IV9 2.75 × 106", ["MSC"]),
    ("Ghodsi, 2012 [10] Iran 13/17 E 6/7 HSCs4+insulin IV 7 − 11 × 106", ["HSC"]),
    ("Hu, 2013 [9] China 15/14 E 6/9 WJ-MSCs5+insulin (twice, 4 weeks interval) IV", ["UC-MSC"]),
    ("Zhang, 2016 [7] China 16/17 E 7/9 ADMSCs6+insulin IV 1 × 107", ["AD-MSC"]),
    ("Gu, 2018 [20] China 20/20 E 7/13 AHSCT7+insulin IV NA", ["HSC"]),
    ("Cai, 2016 [8] China 21/21 E11 12/9 aBM-MNCs1+UC-MSCs2+insulin Via dorsal pancreatic artery", ["BM-MNC", "UC-MSC"]),
    # traps: a capital glued on is another word, a dose glued on is no footnote
    ("The MSCT scan showed no pancreatic lesion.", []),
    ("Dr. Chen holds an MSc in biology.", []),
])
def test_sources_coordination_and_footnotes(text, expected):
    assert cell_types(text) == expected


# a cell type named only as a simile, another disease's treatment, a comparator, another actor's approach
# or in a Background section is not the study's
@pytest.mark.parametrize("text,expected", [
    ("就像治疗白血病的造血干细胞移植一样,医生为这名2型糖尿病患者回输了自体脂肪干细胞。", ["AD-MSC"]),
    ("就像治療白血病的造血幹細胞移植一樣,醫師為這名第2型糖尿病患者回輸了自體脂肪幹細胞。", ["AD-MSC"]),
    ("Just as with haematopoietic stem cell transplants for leukaemia, the cells were his own: he received adipose-derived MSCs.", ["AD-MSC"]),
    ("所不同的是,白血病人的造血干细胞已经被毁,必须配对移植。患者接受自体骨髓间充质干细胞移植。", ["BM-MSC"]),
    ("與骨髓幹細胞和臍血幹細胞相比,臍帶間充質幹細胞有其優勢,本研究為30例患者移植臍帶間充質幹細胞。", ["UC-MSC"]),
    ("与骨髓干细胞和脐血干细胞相比,脐带间充质干细胞有其优势,本研究为30例患者移植脐带间充质干细胞。", ["UC-MSC"]),
    ("為解決供體不足,部分公司轉向幹細胞技術。例如某美國公司將胚胎幹細胞分化的胰島移植給12名患者。本研究則為一名第1型糖尿病男性移植了基因編輯的捐贈者胰島細胞。",
     ["islet"]),
    # (when other actors' approaches are all a record names, they are what it is about)
    ("为解决供体短缺问题,部分企业转向干细胞技术。如美国某公司将胚胎干细胞衍生的胰岛移植给12名患者;中国某公司也利用患者自身脂肪组织重编程干细胞培育胰岛。",
     ["ESC-islet", "iPSC-islet"]),
    ("为解决供体短缺问题,部分企业转向干细胞技术。如美国某公司将胚胎干细胞衍生的胰岛移植给12名患者;中国某公司也利用患者自身脂肪组织重编程干细胞培育胰岛。"
     "本研究则为一名1型糖尿病患者移植了基因编辑的供体胰岛细胞。", ["islet"]),
    ("Other companies have taken different routes: one transplanted islets made from embryonic stem cells into 12 patients. "
     "In this study, a man with type 1 diabetes received gene-edited donor islet cells.", ["islet"]),
    ("背景:以自体骨髓、脐血单个核细胞移植治疗糖尿病足有改善作用。\n目的:观察脐带间充质干细胞移植治疗糖尿病足的疗效。\n方法:30例患者接受脐带间充质干细胞移植。",
     ["UC-MSC"]),
    ("Background: Cord blood infusions have been tried in children.\nMethods: Thirty adults received umbilical cord MSCs intravenously.", ["UC-MSC"]),
    # traps: the study's own cells keep their weight in the same constructions
    ("本研究以造血干细胞移植治疗1型糖尿病,共纳入20例患者。", ["HSC"]),
    ("Fifteen patients with type 1 diabetes received autologous haematopoietic stem cell transplantation, a procedure also used for lymphoma.", ["HSC"]),
    ("UC-MSC组与对照组相比,HbA1c下降更明显。患者接受脐带间充质干细胞输注。", ["UC-MSC"]),
    ("Background: Umbilical cord MSCs may preserve beta cells.\nMethods: Thirty adults received umbilical cord MSCs.", ["UC-MSC"]),
    # ... and a record whose only cells are named after other actors or under Background keeps them
    ("Several companies are racing to make islets. Vertex transplanted islets made from embryonic stem cells into 12 patients.", ["ESC-islet"]),
    ("多家企业正在研发干细胞胰岛。某公司将胚胎干细胞分化的胰岛移植给12名患者。", ["ESC-islet"]),
    ("背景:脐带间充质干细胞移植可改善2型糖尿病患者的血糖。", ["UC-MSC"]),
])
def test_cells_named_only_as_other_treatments(text, expected):
    assert cell_types(text) == expected


# haematopoietic cells named by their marker or source; other named stem-cell sources
@pytest.mark.parametrize("text,expected", [
    ("患者接受自体外周血CD34+干细胞移植。", ["HSC"]),
    ("患者接受自體外周血CD34+幹細胞移植。", ["HSC"]),
    ("Patients received autologous CD34+ cells mobilized from peripheral blood.", ["HSC"]),
    ("研究纳入20例患者,接受牙髓干细胞静脉输注。", ["other"]),
    ("研究納入20例患者,接受牙髓幹細胞靜脈輸注。", ["other"]),
    ("Twenty patients received dental pulp stem cells intravenously.", ["other"]),
    # traps: CD34 as a marker of an MSC product
    ("细胞表面标志物CD73、CD90阳性,CD34+细胞比例低于2%,患者接受脐带间充质干细胞输注。", ["UC-MSC"]),
    ("The MSC product contained fewer than 2% CD34+ cells; patients received umbilical cord MSCs.", ["UC-MSC"]),
])
def test_marker_named_and_other_sources(text, expected):
    assert cell_types(text) == expected


# named products (data/vocab_cell_products.json)
@pytest.mark.parametrize("text,expected", [
    ("Patients received VCTX211 in a phase 1 trial.", ["ESC-islet"]),
    ("The CIT-07 trial used purified human pancreatic islets (PHPI) in 48 patients.", ["islet"]),
    ("PEC-Encap cells in the Encaptra device were implanted.", ["ESC-islet"]),
    ("该研究为一名1型糖尿病患者移植了UP421。", ["islet"]),
])
def test_named_products(text, expected):
    assert cell_types(text) == expected


# stem-cell islets of an unnamed source, made by a company whose islet products all come from one kind of
# stem cell (the product table joined with the products' cell types): the company's source
@pytest.mark.parametrize("text,expected", [
    ("Vertex公司宣布,接受其源于干细胞的胰岛细胞治疗的首位1型糖尿病患者已恢复胰岛素分泌。", ["ESC-islet"]),
    ("Vertex公司宣布,接受其源自幹細胞的胰島細胞治療的首位第1型糖尿病患者已恢復胰島素分泌。", ["ESC-islet"]),
    ("The first patient to receive Vertex's stem cell-derived islet cells no longer needs insulin injections.", ["ESC-islet"]),
    ("ViaCyte said its stem cell-derived islet cells engrafted in two patients with type 1 diabetes.", ["ESC-islet"]),
    ("Sana reported that its stem cell-derived islets survived without immunosuppression in one patient.", ["iPSC-islet"]),
    # no company, or a company the tables give no stem-cell source: no label
    ("接受源于干细胞的胰岛细胞治疗的首位1型糖尿病患者已恢复胰岛素分泌。", []),
    ("The first patient to receive stem cell-derived islet cells no longer needs insulin injections.", []),
    ("Novo Nordisk said its stem cell-derived islet cells are in preclinical testing.", []),
    # two companies of different sources in one sentence: no label
    ("Vertex and Sana both transplanted stem cell-derived islet cells into patients with type 1 diabetes.", []),
    # the patient's own cells still make them iPSC-islets, whoever the company
    ("Vertex公司之外,另一团队为患者移植了源于其自体干细胞的胰岛细胞。", ["iPSC-islet"]),
])
def test_stem_cell_islets_of_a_company_are_its_products_source(text: str, expected: list[str]) -> None:
    assert cell_types(text) == expected


# "stem-cell islets" as one compound noun: stem-cell islets of an unnamed source (made from the patient's own
# cells: iPSC-islets)
@pytest.mark.parametrize("text, expected", [
    ("一名27歲的第1型糖尿病男子接受了自體化學重編程幹細胞胰島移植。", ["iPSC-islet"]),
    ("一名27岁的1型糖尿病男子接受了自体化学重编程干细胞胰岛移植。", ["iPSC-islet"]),
    ("A 27-year-old man with type 1 diabetes received autologous stem cell islets made by chemical reprogramming.",
     ["iPSC-islet"]),
    # no match: islets co-transplanted with MSCs, insulin secretion of stem cells
    ("间充质干细胞胰岛共移植可改善移植效果。", []),
    ("Mesenchymal stem cell islet co-transplantation improved engraftment in mice.", []),
])
def test_stem_cell_islets_as_one_noun(text: str, expected: list[str]) -> None:
    assert [t for t in cell_types(text) if t != "MSC"] == expected


# the source cells of a reprogramming are not the cells given
@pytest.mark.parametrize("text, expected", [
    ("研究团队先通过抽脂获取她的脂肪间质细胞,用小分子化合物将其“逆转”为多能干细胞,再诱导成胰岛样细胞团移植给这名1型糖尿病患者。",
     ["iPSC-islet"]),
    ("研究團隊先抽取她的脂肪間質細胞,以小分子化合物將其重編程為多能幹細胞,再誘導成胰島細胞團移植給這名第1型糖尿病患者。",
     ["iPSC-islet"]),
    ("Her adipose-derived stromal cells were reprogrammed into pluripotent stem cells, then turned into islets that "
     "were transplanted under the abdominal muscle.", ["iPSC-islet"]),
    # trap: MSCs given as such
    ("30名2型糖尿病患者接受了脂肪间充质干细胞输注,12周后HbA1c下降。", ["AD-MSC"]),
])
def test_reprogrammed_source_cells_are_not_given(text: str, expected: list[str]) -> None:
    assert cell_types(text) == expected
