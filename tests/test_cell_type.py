"""Cell types: every type the study uses; background options and comparators are not the study's cells."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.cell_type import EXTRACTOR


def cell_types(text: str, lang: str = "zh") -> list[str]:
    hits = decided_hits(EXTRACTOR, text)  # the real normaliser and matching view
    return sorted(h.value["value"] for h in hits)


@pytest.mark.parametrize("text,lang,expected", [
    ("患者接受人脐带间充质干细胞(hUC-MSCs)静脉输注。", "zh", ["UC-MSC"]),
    ("患者接受華通氏膠來源的間充質幹細胞移植。", "zh-Hant", ["UC-MSC"]),
    ("Patients received Wharton's jelly-derived MSCs intravenously.", "en", ["UC-MSC"]),
    ("自体骨髓间充质干细胞经胰动脉注射。", "zh", ["BM-MSC"]),
    ("Autologous bone marrow-derived mesenchymal stromal cells were infused.", "en", ["BM-MSC"]),
    ("患者接受自体脂肪来源间充质干细胞治疗。", "zh", ["AD-MSC"]),
    ("Placenta-derived mesenchymal stem cells were transplanted.", "en", ["P-MSC"]),
    ("研究者给予患者间充质干细胞(MSC)静脉输注。", "zh", ["MSC"]),
    ("患者接受自体骨髓单个核细胞移植。", "zh", ["BM-MNC"]),
    ("Umbilical cord blood cells were infused into children.", "en", ["UCB"]),
    ("本研究将人羊膜上皮干细胞(hAESC)移植至糖尿病模型。", "zh", ["hAESC"]),
    ("患者接受化学诱导多能干细胞来源的胰岛移植。", "zh", ["iPSC-islet"]),
    ("Patients received embryonic stem cell-derived islets into the portal vein.", "en", ["ESC-islet"]),
    ("患者接受自体造血干细胞移植(AHSCT)。", "zh", ["HSC"]),
    ("研究团队为小鼠同时移植了造血干细胞与供体胰岛细胞。", "zh", ["HSC", "islet"]),
    ("Patients were treated with the Stem Cell Educator.", "en", ["stem-cell-educator"]),
    # a sourced MSC type replaces the generic MSC; two cell types of one study are both kept
    ("间充质干细胞治疗中,患者接受了脐带间充质干细胞与脐血单个核细胞序贯输注。", "zh", ["UC-MSC", "UCB"]),
    # generalisation set
    ("Patients received autologous bone marrow mononuclear cells via the pancreatic artery.", "en", ["BM-MNC"]),
    ("Patients were infused with human umbilical cord-derived MSCs (hUC-MSCs).", "en", ["UC-MSC"]),
    ("Placenta-derived MSCs were injected intravenously.", "en", ["P-MSC"]),
    ("患者接受胎盘间充质干细胞静脉输注。", "zh", ["P-MSC"]),
    # SVF: adipose-derived stromal cells; the guideline's adipose label (AD-MSC), not "other"
    ("Adipose tissue–derived stromal vascular fraction was injected into the ulcer.", "en", ["AD-MSC"]),
    ("新診斷的第一型糖尿病兒童接受臍帶血輸注。", "zh-Hant", ["UCB"]),
    ("Vertex reported results of VX-880 (stem cell–derived islets) in type 1 diabetes.", "en", ["ESC-islet"]),
    ("Patients received an islet cell therapy differentiated from human embryonic stem cells.", "en", ["ESC-islet"]),
    ("研究團隊移植由誘導性多能幹細胞(iPSC)分化而來的胰島細胞。", "zh-Hant", ["iPSC-islet"]),
    ("Fifteen patients underwent stem cell educator therapy.", "en", ["stem-cell-educator"]),
    ("Patients underwent autologous hematopoietic stem cell transplantation.", "en", ["HSC"]),
    ("團隊將捐贈者胰臟分離出的胰島細胞經肝門靜脈輸注。", "zh-Hant", ["islet"]),
    ("Human amniotic epithelial cells (hAECs) were transplanted under the kidney capsule.", "en", ["hAESC"]),
    ("Unlike embryonic stem cells, UC-MSCs carry no teratoma risk; patients received UC-MSCs intravenously.", "en", ["UC-MSC"]),
    # modifiers between the source and the islet noun; "made from a cell bank of" stem cells
    ("VX-x is an allogeneic embryonic stem cell-derived, fully differentiated islet cell therapy given by infusion.", "en", ["ESC-islet"]),
    ("患者接受胚胎干细胞来源、完全分化的胰岛细胞疗法输注。", "zh", ["ESC-islet"]),
    ("患者接受胚胎幹細胞來源、完全分化的胰島細胞療法輸注。", "zh-Hant", ["ESC-islet"]),
    ("The islet cell product is manufactured from a master cell bank of human embryonic stem cells and infused into the portal vein.", "en", ["ESC-islet"]),
    # iPSC products: "iPS细胞", "诱导型多能干细胞", "insulin-producing cells grown from iPSCs", "分化为β样细胞"
    ("An implant packed with insulin-producing cells grown from human induced pluripotent stem cells was placed in mice.", "en", ["iPSC-islet"]),
    ("团队将人类诱导型多能干细胞(iPS细胞)分化而来的胰岛细胞植入小鼠皮下。", "zh", ["iPSC-islet"]),
    ("研究團隊將iPS細胞分化為可分泌胰島素的β樣細胞團,植入小鼠皮下。", "zh-Hant", ["iPSC-islet"]),
    ("The team differentiated iPSCs into clusters of beta-like cells before implantation.", "en", ["iPSC-islet"]),
    ("患者于腹部皮下移植iPS细胞来源胰岛细胞片。", "zh", ["iPSC-islet"]),
    # donor islets named as background beside a stem-cell-derived product are not the study's cells
    ("Islet transplants from deceased donors can free patients from insulin. Here mice received iPSC-derived islets.", "en", ["iPSC-islet"]),
    # the Stem Cell Educator holds cord-blood stem cells; the patient receives no cord blood
    ("Stem Cell Educator therapy circulates a patient's lymphocytes through a device containing cord blood-derived multipotent stem cells.", "en", ["stem-cell-educator"]),
    ("患者的血液流經一個載有臍帶血多能幹細胞的裝置,即「幹細胞教育者」療法。", "zh-Hant", ["stem-cell-educator"]),
    ("患者接受干细胞教育器治疗,其装置内含脐带血来源的多能干细胞。", "zh", ["stem-cell-educator"]),
    # a meta-analysis of MSC trials: sourced types named only for subgroups stay subgroups
    ("本荟萃分析评价间充质干细胞(MSC)治疗2型糖尿病。其中8项研究使用脐带来源MSC。亚组分析显示,脐带来源MSC效果最明显。纳入的MSC研究均为RCT。", "zh", ["MSC"]),
    ("與對照組相比,間質幹細胞治療後HbA1c下降0.86%。以臍帶間質幹細胞的效果最明顯。", "zh-Hant", ["MSC"]),
    ("Mesenchymal stem cell therapy lowered HbA1c in this meta-analysis; umbilical cord MSCs showed the largest effect.", "en", ["MSC"]),
    ("In a subgroup analysis, 8 trials used UC-MSCs; MSC therapy lowered HbA1c overall.", "en", ["MSC"]),
    # a link to another article under "相关资讯"/"Related coverage" is not the study's treatment
    ("研究者给予患者间充质干细胞(MSC)静脉输注。\n\n相关资讯\n· 两次脐带MSC输注改善血糖\n", "zh", ["MSC"]),
    ("Patients received MSC infusions.\n\nRelated coverage\n  Umbilical cord MSCs infused in children\n", "en", ["MSC"]),
    # "间质干细胞" (Taiwan/Hong Kong usage) is MSC with no source named
    ("患者接受間質幹細胞靜脈輸注。", "zh-Hant", ["MSC"]),
    ("患者接受间质干细胞静脉输注。", "zh", ["MSC"]),
    ("患者接受臍帶間質幹細胞靜脈輸注。", "zh-Hant", ["UC-MSC"]),
    # the MSC source named after the cell noun: "grown from their own bone marrow", "取自脐带"
    ("Half of the volunteers were given an infusion of mesenchymal stromal cells grown from a sample of their own bone marrow.", "en", ["BM-MSC"]),
    ("Patients received mesenchymal stem cells from donated umbilical cords.", "en", ["UC-MSC"]),
    ("MSCs isolated from the patient's own abdominal fat were injected.", "en", ["AD-MSC"]),
    ("患者接受从自身骨髓中提取的间充质干细胞静脉输注。", "zh", ["BM-MSC"]),
    ("自體脂肪中分離的間充質幹細胞經靜脈回輸。", "zh-Hant", ["AD-MSC"]),
    ("間充質幹細胞取自健康新生兒的臍帶,經體外擴增後輸注給患者。", "zh-Hant", ["UC-MSC"]),
    # traps: possible sources listed, or a modal, are background about MSC
    ("MSCs can be derived from bone marrow, adipose tissue or umbilical cord; patients received MSCs.", "en", ["MSC"]),
    ("Patients received MSCs; such cells are obtained from bone marrow or adipose tissue.", "en", ["MSC"]),
    ("间充质干细胞可来源于骨髓、脂肪、脐带等组织,患者接受间充质干细胞输注。", "zh", ["MSC"]),
    ("間充質幹細胞來自骨髓、脂肪或臍帶,患者接受間充質幹細胞輸注。", "zh-Hant", ["MSC"]),
    # a stem-cell-derived islet product: "iPS细胞制成的胰岛细胞片", "iPS细胞胰岛移植", "iPSC islets"
    ("3名患者在腹部皮下植入由捐贈者iPS細胞製成的胰島細胞片。", "zh-Hant", ["iPSC-islet"]),
    ("日本首宗iPS細胞胰島移植", "zh-Hant", ["iPSC-islet"]),
    ("研究团队以诱导多能干细胞(iPS细胞)制备的胰岛细胞为患者移植。", "zh", ["iPSC-islet"]),
    ("Three patients received iPS cell islet sheets under the skin.", "en", ["iPSC-islet"]),
    ("供体胰岛细胞经门静脉输注给患者。", "zh", ["islet"]),                   # trap: real donor islets
    ("iPSCs, islets and MSCs are discussed as candidates.", "en", []),        # trap: a list, no compound
    # no match
    ("睾丸间质细胞分泌睾酮。", "zh", []),
    ("Stem cell-derived islets are a promising option.", "en", []),
    ("胚胎干细胞、iPSC和成体干细胞(如间充质干细胞)都是候选细胞。", "zh", []),
    ("与传统胰岛移植相比,该方法无需供体。", "zh", []),
    ("Participants had not previously received an islet cell transplant.", "en", []),
    ("外周血单个核细胞中IL-6表达下降。", "zh", []),
    ("Dr. Chen holds an MSc in biology.", "en", []),
    ("MSCs such as those from bone marrow or adipose tissue are candidates for therapy.", "en", []),
    ("骨髓、脂肪和脐带都是间充质干细胞的常见来源。", "zh", []),
    # a product made from embryonic / induced pluripotent stem cells, the islet noun elsewhere
    ("HB-210, which is made from embryonic stem cells, was infused into the portal vein.", "en", ["ESC-islet"]),
    ("該產品以人類胚胎幹細胞製成,經肝門靜脈輸注給患者。", "zh-Hant", ["ESC-islet"]),
    ("该疗法由胚胎干细胞分化制备,移植到患者腹部皮下。", "zh", ["ESC-islet"]),
    ("The implant is manufactured from induced pluripotent stem cells and was transplanted under the skin.", "en", ["iPSC-islet"]),
    # reprogrammed cells turned into islets are iPSC islets
    ("Three patients received islet tissue grown from their own chemically reprogrammed stem cells.", "en", ["iPSC-islet"]),
    ("3位患者接受以自身細胞經化學重編程、再分化而成的胰島移植。", "zh-Hant", ["iPSC-islet"]),
    ("患者接受了由重编程干细胞分化而来的胰岛细胞移植。", "zh", ["iPSC-islet"]),
    # traps: MSC derived from iPSC, background on embryonic stem cells, a contrast
    ("Patients received MSCs derived from induced pluripotent stem cells.", "en", ["MSC"]),
    ("Unlike embryonic stem cells, MSCs raise few ethical concerns; patients received MSC infusions.", "en", ["MSC"]),
    # Taiwanese "間質幹細胞" from the placenta
    ("將胎盤間質幹細胞注射到糖尿病大鼠體內。", "zh-Hant", ["P-MSC"]),
    ("将胎盘间质干细胞注射到糖尿病大鼠体内。", "zh", ["P-MSC"]),
    # a catalogue of approved therapies ("包括A、B、C等6项") is not the study's cells
    ("该院采用自体脂肪间质干细胞治疗糖尿病。核准项目包括自体免疫细胞治疗、自体脂肪干细胞治疗、自体骨髓间质干细胞治疗等6项。", "zh", ["AD-MSC"]),
    ("該院以自體脂肪間質幹細胞治療糖尿病。核准項目包括自體免疫細胞治療、自體脂肪幹細胞治療、自體骨髓間質幹細胞治療等6項。", "zh-Hant", ["AD-MSC"]),
    ("Patients received autologous adipose-derived stromal cells. Approved therapies include immune cell therapy, adipose stem cell therapy and bone marrow mesenchymal stem cell therapy, among others.", "en", ["AD-MSC"]),
    # a sourced MSC written with the abbreviation: "bone marrow MSCs", "adipose MSCs"
    ("64 adults were allocated to autologous bone marrow MSCs (n = 43) or placebo.", "en", ["BM-MSC"]),
    ("Patients received two infusions of adipose MSCs.", "en", ["AD-MSC"]),
    # an islet product written with the ESC abbreviation: "hESC来源胰岛"
    ("| AUR-07 | hESC来源胰岛,免疫隔离囊封装 | 1型糖尿病 |", "zh", ["ESC-islet"]),
    ("該產品為hESC分化的胰島細胞,植入患者皮下。", "zh-Hant", ["ESC-islet"]),
    ("患者接受hiPSC来源的胰岛移植。", "zh", ["iPSC-islet"]),        # trap: iPSC, not ESC
    # a catalogue's "similar records" list names other studies' cells (blind4 round)
    ("方法 患者静脉输注胎盘间充质干细胞,共2次。\n\n相似文献\n· 脐带间充质干细胞治疗2型糖尿病的Meta分析\n· 骨髓间充质干细胞移植对大鼠的影响\n", "zh", ["P-MSC"]),
    ("方法 患者靜脈輸注胎盤間充質幹細胞,共2次。\n\n相似文獻\n· 臍帶間充質幹細胞治療第2型糖尿病的統合分析\n", "zh-Hant", ["P-MSC"]),
    ("Patients received two infusions of placenta-derived mesenchymal stem cells.\n\nSimilar records\n- Umbilical cord MSCs in type 2 diabetes: a meta-analysis\n", "en", ["P-MSC"]),    # allogeneic islets are donor islets: given to patients they are the study's cells (blind5 round)
    ("医院为六名1型糖尿病患者进行异体胰岛细胞移植,是首个公营医院胰岛细胞移植计划。", "zh", ["islet"]),
    ("醫院為六名一型糖尿病患者進行異體胰島細胞移植,是首個公營醫院胰島細胞移植計劃。", "zh-Hant", ["islet"]),
    ("Six patients with type 1 diabetes received allogeneic islet transplants.", "en", ["islet"]),
    ("未曾接受过异体胰岛移植的患者方可入组。", "zh", []),     # trap: an exclusion criterion
    # pluripotent cells obtained by reprogramming, then differentiated into islets, are iPSC-islets
    ("团队利用患者自身细胞经化学诱导重编程获得的多能干细胞,分化制备出功能性胰岛细胞并移植回患者体内。", "zh", ["iPSC-islet"]),
    ("團隊利用患者自身細胞經化學誘導重編程獲得的多能幹細胞,分化製備出功能性胰島細胞並移植回患者體內。", "zh-Hant", ["iPSC-islet"]),
    ("患者接受多能干细胞分化制备的胰岛细胞。", "zh", []),   # trap: no reprogramming, the source is unnamed
])
def test_cell_type(text, lang, expected):
    assert cell_types(text, lang) == expected


# --- real-text classes (ERRORS.md 4.6, 4.4) ---
@pytest.mark.parametrize("text,expected", [
    # stem-cell-derived islets as a chain of steps, across clauses and sentences
    ("团队先把患者的皮肤成纤维细胞重编程成iPSC,随后定向诱导出可分泌胰岛素的细胞团并回输给一名34岁1型糖尿病女性。", ["iPSC-islet"]),
    ("團隊先把患者的皮膚纖維母細胞重編程成iPSC,隨後定向誘導出可分泌胰島素的細胞團並回輸給一名34歲第一型糖尿病女性。", ["iPSC-islet"]),
    ("Doctors turned a patient's skin cells into stem cells and then coaxed them into insulin-producing cells, which were transplanted into a 40-year-old woman with type 1 diabetes.", ["iPSC-islet"]),
    ("The team reprogrammed the woman's own fat cells. Over several months the stem cells were then differentiated into islet clusters and implanted in her abdomen.", ["iPSC-islet"]),
    ("细胞重编程:该团队将患者的皮肤细胞重编程为iPSC,再分化为胰岛组织并移植。术后患者停用胰岛素已20个月。", ["iPSC-islet"]),
    ("该公司从人类胚胎干细胞出发,经过七个阶段,最终分化出成熟的胰岛细胞,并输注给12名患者。", ["ESC-islet"]),
    # autologous stem-cell islets are reprogrammed (iPSC-islet), never donor islets
    ("团队通过干细胞诱导的自体再生胰岛组织移植,治愈了一名病程18年的2型糖尿病患者。", ["iPSC-islet"]),
    ("團隊通過幹細胞誘導的自體再生胰島組織移植,治癒了一名病程18年的第二型糖尿病患者。", ["iPSC-islet"]),
    ("2023年,华东大学附属医院为一名47岁男性2型糖尿病患者实施了自体干细胞来源胰岛移植。", ["iPSC-islet"]),
    ("A 47-year-old man has stayed off insulin for 20 months after receiving islets grown from his own stem cells.", ["iPSC-islet"]),
    # stem-cell islets of an unnamed source: no donor islets, no guess at the source
    ("2023年,团队为一名病程9年的1型糖尿病患者实施了干细胞来源胰岛移植。", []),
    ("The company infused its stem cell-derived islet product into 14 participants.", []),
    ("下一步将与本校干细胞研究中心合作,研发干细胞分化胰岛。团队为9名患者进行了异体胰岛细胞移植。", ["islet"]),  # trap: a plan
    ("间充质干细胞来源的外泌体可改善胰岛功能,患者接受了脐带间充质干细胞输注。", ["UC-MSC"]),                   # trap: MSC exosomes
    # donor islets without the word donor: islets a patient underwent or received
    ("A 44-year-old woman with type 1 diabetes underwent islet cell transplantation twice.", ["islet"]),
    ("1893-2005年全世界共有1154名患者接受胰岛移植。", ["islet"]),
    ("1893-2005年全世界共有1154名患者接受胰島移植。", ["islet"]),
    ("Sana transplanted HIP-engineered primary pancreatic islet cells into a patient with type 1 diabetes.", ["islet"]),
    ("Islet transplantation is limited by the shortage of donor organs.", []),                                  # trap: background
    ("传统的胰岛移植受限于供体短缺。", []),
    # MPC: mesenchymal precursor/progenitor cells are MSC, sourced when the source is named
    ("Allogeneic mesenchymal progenitor cells (MPCs) from donor bone marrow were infused in 40 patients with type 2 diabetes.", ["BM-MSC"]),
    ("Patients received a single infusion of rexlemestrocel-L, an allogeneic mesenchymal precursor cell product.", ["BM-MSC"]),
    ("患者接受同种异体间充质前体细胞静脉输注。", ["MSC"]),
    # slash- or and-coordinated sources before one MSC noun: both types
    ("A trial of Umbilical Cord/Adipose-Derived Mesenchymal Stem Cells in Type 2 Diabetes enrolled 30 patients.", ["AD-MSC", "UC-MSC"]),
    ("患者分别接受脐带和脂肪间充质干细胞输注。", ["AD-MSC", "UC-MSC"]),
    ("患者分別接受臍帶/脂肪間充質幹細胞輸注。", ["AD-MSC", "UC-MSC"]),
    ("骨髓、脂肪和脐带间充质干细胞均有报道,本研究患者接受脐带间充质干细胞输注。", ["UC-MSC"]),                # trap: a catalogue
    # broken hyphenation from PDF text
    ("Patients received adipose-de-rived mesenchymal stem cells intravenously.", ["AD-MSC"]),
    ("Twenty patients received umbili-cal cord mesen-chymal stem cells.", ["UC-MSC"]),
    # an autologous source split from the cell noun by a comma (Taiwanese news)
    ("如今接受自體脂肪,間質幹細胞治療,1年多沒再復發。", ["AD-MSC"]),
    # a contrast is background: "有别于脐带血储存"
    ("患者接受自體脂肪間質幹細胞治療。有別臍帶血儲存,一生只有一次。", ["AD-MSC"]),
    # islet grafts and infusions a patient received are donor islets
    ("Thirty-two patients with type 1 diabetes received islet grafts.", ["islet"]),
    ("We report a 49-year-old man with type 1 diabetes who received two islet infusions.", ["islet"]),
    # a table flattened with glued cells: the source abbreviation runs into the next cell
    ("Garcia et al. [21]AD-MSCIntravenous injection2 × 10^6 cells/kg Once6 monthsOpen-label single-arm study", ["AD-MSC"]),
    ("Okafor et al. [22]BM-MNCIntra-arterial injection1 × 10^8 cellsTwice12 months", ["BM-MNC"]),
    ("The MSCT scan showed no pancreatic lesion.", []),                                                          # trap
    # Taiwanese and Japanese names of iPSC
    ("研究團隊以誘導性多功能幹細胞分化的胰島細胞移植給一名第一型糖尿病患者。", ["iPSC-islet"]),
    ("患者接受人工多能性幹細胞(iPS細胞)製成的胰島細胞片移植。", ["iPSC-islet"]),
    # products
    ("Vertex reported that zimislecel restored insulin production in 12 participants.", ["ESC-islet"]),
    ("UP421 is a phase I trial transplanting gene-edited cells into a patient.", ["islet"]),
    ("团队在国际上首次利用E-islet微创移植,实现了1型糖尿病患者的胰岛功能重建。", ["other"]),
])
def test_cell_type_real_text_classes(text, expected):
    assert cell_types(text) == expected


def _span_types(text: str, start_marker: str) -> list[str]:
    from extract.document import SourceDoc
    from extract.fields.base import Span
    from extract.pipeline import to_document

    doc = to_document(SourceDoc("t.txt", text, "txt"))
    start = doc.text.index(start_marker)
    return sorted(h.value["value"] for h in EXTRACTOR.decide(EXTRACTOR.find(Span(doc, start, len(doc.text)))))


def test_a_record_naming_no_cell_takes_the_documents_single_type():
    """A study cut from a longer text ("给予每公斤100万个细胞") keeps the one type its document is about."""
    lead = "研究团队为120名2型糖尿病患者输注脐带间充质干细胞,HbA1c下降1.2个百分点。脐带间充质干细胞组优于安慰剂组。\n"
    tail = "这项研究是团队此前I期研究的延续。2021年,团队在18名患者中完成了剂量递增的I期试验,分别给予每公斤50万、100万和200万个细胞。"
    assert _span_types(lead + tail, "这项研究") == ["UC-MSC"]
    tail_en = "The team had earlier completed a dose-escalation phase 1 trial in 18 patients, giving 0.5, 1 and 2 million cells per kilogram."
    lead_en = "Researchers infused umbilical cord MSCs into 120 patients with type 2 diabetes; the umbilical cord MSC group improved.\n"
    assert _span_types(lead_en + tail_en, "The team had") == ["UC-MSC"]
    # traps: a record that names its cells vaguely ("干细胞治疗"), or a document about two types
    vague = "另一位患者接受了干细胞治疗,目前恢复良好,已经可以正常行走,也不再需要每天换药,家属十分感激医护团队的付出。"
    assert _span_types(lead + vague, "另一位") == []
    mixed = "患者接受骨髓间充质干细胞输注。另一组患者接受脐带间充质干细胞输注。\n"
    assert _span_types(mixed + tail, "这项研究") == []
