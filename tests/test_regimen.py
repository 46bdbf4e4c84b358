"""Regimen: number of cell administrations and the interval between them; drug dosing is not a regimen."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.document import SourceDoc
from extract.pipeline import to_document
from extract.fields.regimen import EXTRACTOR


def regimens(text: str, lang: str = "zh") -> list[tuple[int | None, float | None]]:
    hits = decided_hits(EXTRACTOR, text)  # the real normaliser and matching view
    return sorted(((h.value["infusions"], h.value["interval_days"]) for h in hits),
                  key=lambda t: (t[0] is None, t[0] or 0, t[1] is None, t[1] or 0))


@pytest.mark.parametrize("text,lang,expected", [
    # counts
    ("入组患者接受三次人脐带间充质干细胞静脉输注。", "zh", [(3, None)]),
    ("患者先后接受2次自体骨髓单个核细胞经胰动脉移植。", "zh", [(2, None)]),
    ("该患者仅接受单次静脉注射MSC,随后随访两年。", "zh", [(1, None)]),
    ("每位受試者接受兩次臍帶間充質幹細胞靜脈輸注。", "zh-Hant", [(2, None)]),
    # colloquial "每人输3次": each patient's count of infusions (blind5 round)
    ("XH-UC01(脐带间充质干细胞)一期临床入组了24个2型糖尿病患者,每人输3次,24周时糖化平均降了1.1%。", "zh", [(3, None)]),
    ("XH-UC01(臍帶間充質幹細胞)一期臨床入組了24個2型糖尿病患者,每人輸3次,24週時糖化平均降了1.1%。", "zh-Hant", [(3, None)]),
    ("患者接受干细胞输注,术前每人输血2次。", "zh", []),      # trap: a blood transfusion, not the cells
    ("Participants received a single intravenous infusion of allogeneic MSCs.", "en", [(1, None)]),
    ("Each patient was given two infusions of autologous bone marrow cells.", "en", [(2, None)]),
    ("Cells were infused twice through the pancreatic artery.", "en", [(2, None)]),
    # intervals alone
    ("干细胞静脉输注每2周一次。", "zh", [(None, 14.0)]),
    ("细胞输注每月一次。", "zh", [(None, 30.0)]),
    ("UC-MSCs were administered every 2 weeks.", "en", [(None, 14.0)]),
    # count and interval in one clause -> one regimen
    ("受试者经静脉输注干细胞(每4周一次,共3次)。", "zh", [(3, 28.0)]),
    ("患者接受4次间隔2周的干细胞回输。", "zh", [(4, 14.0)]),
    ("細胞每4週輸注一次,共輸注3次。", "zh-Hant", [(3, 28.0)]),
    ("MSCs were infused three times with 4-week intervals.", "en", [(3, 28.0)]),
    ("Patients received two infusions of cord blood cells 6 weeks apart.", "en", [(2, 42.0)]),
    ("Stem cells were infused at weeks 0, 4 and 8.", "en", [(3, 28.0)]),
    ("分别于第1、8、15天输注间充质干细胞。", "zh", [(3, 7.0)]),
    # generalisation set (new passages; English and Chinese side by side)
    ("Patients received a single intravenous infusion of 1 × 10^6 cells/kg of hUC-MSCs.", "en", [(1, None)]),
    ("患者接受单次静脉输注脐带间充质干细胞(1×10^6个/kg)。", "zh", [(1, None)]),
    ("Two infusions of MSCs were given 3 months apart.", "en", [(2, 90.0)]),
    ("两次干细胞输注间隔3个月。", "zh", [(2, 90.0)]),
    ("Cells were administered on days 0, 14 and 28.", "en", [(3, 14.0)]),
    ("干细胞每隔2周输注1次,共4次。", "zh", [(4, 14.0)]),
    ("分別於第0、4、8週輸注臍帶間充質幹細胞。", "zh-Hant", [(3, 28.0)]),
    ("The cells were given as two intravenous infusions, 1 week apart.", "en", [(2, 7.0)]),
    ("Each participant received three doses of MSCs at 4-week intervals.", "en", [(3, 28.0)]),
    ("UC-MSCs were infused once a month for three consecutive months.", "en", [(3, 30.0)]),
    ("干细胞每月输注1次,连续3个月。", "zh", [(3, 30.0)]),
    ("自体骨髓干细胞回输3次,每次间隔7天。", "zh", [(3, 7.0)]),
    ("每位患者接受3次臍帶血輸注,每次間隔1個月。", "zh-Hant", [(3, 30.0)]),
    ("患者于第1天和第8天分别接受一次干细胞输注。", "zh", [(2, 7.0)]),
    ("Participants underwent two transplantations of islets.", "en", [(2, None)]),
    # an add-on to background insulin is not drug dosing: the schedule is the cells'
    ("治疗组在胰岛素治疗基础上每4周输注1次人脐带间充质干细胞,共输注3次。", "zh", [(3, 28.0)]),
    ("治療組在胰島素治療基礎上每4週輸注1次臍帶間充質幹細胞,共輸注3次。", "zh-Hant", [(3, 28.0)]),
    ("On top of insulin therapy, MSCs were infused every 4 weeks.", "en", [(None, 28.0)]),
    # a registry record's schedule with the unit repeated: "on Day 0 and Day 90"
    ("Study product is given intravenously on Day 0 and Day 90.", "en", [(2, 90.0)]),
    ("Cells are infused on Week 0, Week 4 and Week 8.", "en", [(3, 28.0)]),
    ("分别于第0天和第90天静脉输注干细胞。", "zh", [(2, 90.0)]),
    ("分別於第0天及第90天靜脈輸注幹細胞。", "zh-Hant", [(2, 90.0)]),
    # "两次输注间隔2周" beside a stated count names a pair of doses, not a second count
    ("团队为其先后进行了3次静脉输注,每次输注细胞1亿个,两次输注间隔2周。", "zh", [(3, 14.0)]),
    ("團隊為其先後進行了3次靜脈輸注,每次輸注細胞1億個,兩次輸注間隔2週。", "zh-Hant", [(3, 14.0)]),
    # "一次性注入": all cells at once
    ("分离单个核细胞后,经胰背动脉插管一次性注入。", "zh", [(1, None)]),
    ("分離單個核細胞後,經胰背動脈插管一次性注入。", "zh-Hant", [(1, None)]),
    ("The marrow cells were injected at once as a single infusion into the pancreatic artery.", "en", [(1, None)]),
    # the route between "a single" and the noun; implantation is an administration too
    ("Three adults received a single subcutaneous implantation of iPSC-islet sheets.", "en", [(1, None)]),
    ("Each patient received a single intra-arterial injection of bone marrow cells.", "en", [(1, None)]),
    ("Patients underwent two implantations of encapsulated islet cells.", "en", [(2, None)]),
    ("患者接受单次皮下植入胰岛细胞片。", "zh", [(1, None)]),
    # "相隔"/"相距" state the interval like "间隔"
    ("接受幹細胞的患者共輸注兩次,相隔三個月。", "zh-Hant", [(2, 90.0)]),
    ("患者共输注干细胞两次,相隔4周。", "zh", [(2, 28.0)]),
    ("Patients received two MSC infusions separated by 4 weeks.", "en", [(2, 28.0)]),
    ("Each child received three stem cell injections.", "en", [(3, None)]),
    ("Blood was drawn two weeks after infusion.", "en", []),                     # trap: a time point
    # traps: a single injection of a drug, an implantation site, a gap between visits
    ("Each patient also received a single subcutaneous injection of insulin glargine.", "en", []),
    ("The cells were placed at one implantation site in the forearm.", "en", []),
    ("两次随访相隔三个月,患者血糖平稳。", "zh", []),
    # traps: disposable equipment, drug schedules on top of a background, measurements on days
    ("使用一次性注射器抽取骨髓干细胞。", "zh", []),
    ("在二甲双胍基础上每日口服2次。", "zh", []),
    ("Blood samples for C-peptide were drawn on Day 0 and Day 90.", "en", []),
    ("甘精胰岛素12U 睡前,二甲双胍0.5g 每日2次。", "zh", []),
    ("西格列汀100mg 每日1次口服。", "zh", []),
    ("患者在治疗后共完成3次随访。", "zh", []),
    ("多次注射(无论何种细胞类型)均能降低炎症因子水平。", "zh", []),
    ("Metformin 500 mg was taken twice daily.", "en", []),
    ("Semaglutide was injected once weekly in the control arm.", "en", []),
    ("C-peptide was three times higher after cell transplantation.", "en", []),
    ("第3次输注后患者出现低热。", "zh", []),
    # traps: a time point after a dose, a per-dose amount, drug schedules, ages
    ("HbA1c was measured 4 weeks after the last infusion.", "en", []),
    ("第2次输注后4周复查糖化血红蛋白。", "zh", []),
    ("单次剂量为1亿至20亿个细胞。", "zh", []),
    ("患者年龄18~65岁,每日注射胰岛素3~4次。", "zh", []),
    ("Insulin was injected three times a day before meals.", "en", []),
    ("The cells were expanded for two passages before infusion.", "en", []),
    # the route between the interval and the verb: "每隔4周静脉输注一次"
    ("干细胞每隔4周静脉输注一次,共输注3次。", "zh", [(3, 28.0)]),
    ("研究團隊每6週靜脈輸注一次幹細胞,共輸注2次。", "zh-Hant", [(2, 42.0)]),
    ("每3个月经动脉注射一次骨髓单个核细胞。", "zh", [(None, 90.0)]),
    # colloquial "打" (a shot) and "针" (injections): "一共打3针,每个月打一次"
    ("医生把培养出的干细胞打回去,一共打3针,每个月打一次。", "zh", [(3, 30.0)]),
    ("研究人員為病人注射幹細胞,每人打兩針,相隔兩星期。", "zh-Hant", [(2, 14.0)]),
    ("幹細胞每月打一次,共打3次。", "zh-Hant", [(3, 30.0)]),
    # "infused once": one administration; a cell word between route and noun
    ("A median of 1.5 × 10^8 nucleated cells was infused once into the pancreatic artery.", "en", [(1, None)]),
    ("A single intra-arterial BM-MNC infusion modestly improved glycaemic control.", "en", [(1, None)]),
    ("The islet cells were transplanted only once, into the portal vein.", "en", [(1, None)]),
    # traps: "once a month" is an interval; drugs; a limit or a recommendation is not a count
    ("Cells were infused once a month.", "en", [(None, 30.0)]),
    ("Insulin was injected once daily at bedtime.", "en", []),
    ("每天打3针胰岛素,血糖仍控制不佳。", "zh", []),
    ("“打一针干细胞就能根治糖尿病”的说法没有证据。", "zh", []),
    ("民眾千萬不要輕信診所宣稱「打一針幹細胞就能停藥」的廣告。", "zh-Hant", []),
    ("脐带MSC输注次数一般不超过3次,两次输注间隔不少于2周。", "zh", []),
    ("幹細胞輸注次數最多3次。", "zh-Hant", []),
    ("Stem cell infusions should be limited to no more than three infusions per patient.", "en", []),
    ("Patients may receive up to four infusions of MSCs.", "en", []),
    # "单次输注剂量" is the amount per infusion, not a count of one
    ("脐带MSC单次输注剂量建议为1×10^6/kg。", "zh", []),
    ("臍帶MSC單次輸注劑量為1×10^6/kg。", "zh-Hant", []),
    ("The single-infusion dose was 1 × 10^6 cells/kg.", "en", []),
    # the second dose dated from the first: "again 3 months later", "3个月后进行第二次输注" (blind4 round);
    # a second dose implies two administrations (issue 10: the gold counts them)
    ("WJ-MSCs or placebo were administered at baseline and again 3 months later.", "en", [(2, 90.0)]),
    ("A second stem cell infusion 6 weeks later was well tolerated.", "en", [(2, 42.0)]),
    ("团队在约3个月后为她进行了第二次胰岛输注。", "zh", [(2, 90.0)]),
    ("團隊在約3個月後為她進行了第二次胰島輸注。", "zh-Hant", [(2, 90.0)]),
    ("治疗3个月后再次评估HbA1c。", "zh", []),  # no match: a second assessment, not a dose
    ("Three months later, HbA1c was measured again.", "en", []),
    # "单次输注的胰岛数量": the amount per administration, not a count of one
    ("由于单次输注的胰岛数量不足,两次共输注胰岛约68万IEQ。", "zh", [(2, None)]),
    # a threshold that splits patients is not the count given
    ("接受3次及以上脐带间充质干细胞输注的患者HbA1c下降更多。", "zh", []),
    ("接受3次或以上臍帶間充質幹細胞輸注的患者HbA1c下降更多。", "zh-Hant", []),
    ("Patients given three or more infusions improved most.", "en", []),
    ("患者共接受3次脐带间充质干细胞输注。", "zh", [(3, None)]),
])
def test_regimen(text, lang, expected):
    assert regimens(text, lang) == expected


def test_evidence_covers_count_and_interval():
    text = "患者接受3次间隔4周的干细胞静脉输注。"
    (hit,) = decided_hits(EXTRACTOR, text)
    quote = to_document(SourceDoc("t.txt", text, "txt")).text[hit.start:hit.end]
    assert "3次" in quote and "4周" in quote


# ---- issue 10 (ERRORS 4.9, 4.12): zh / zh-Hant / en side by side, with traps ----
@pytest.mark.parametrize("text,lang,expected", [
    # counts per route are parts of one total, not further counts
    ("研究纳入20例2型糖尿病患者,所有患者进行2次干细胞治疗,给药方式为1次外周静脉注射加1次腹腔动脉注射。", "zh", [(2, None)]),
    ("研究納入20例2型糖尿病患者,所有患者進行2次幹細胞治療,給藥方式為1次外周靜脈注射加1次腹腔動脈注射。", "zh-Hant", [(2, None)]),
    ("患者接受1次经胰背动脉移植和1次静脉输注。", "zh", [(2, None)]),
    ("Twelve patients with type 2 diabetes received cells through one intra-arterial infusion and one intravenous infusion.",
     "en", [(2, None)]),
    ("Each patient received one intrapancreatic injection of BM-MNC plus one intravenous infusion of MSCs.", "en", [(2, None)]),
    # the second administration dated from the first: two, and the interval
    ("Eighteen patients with type 2 diabetes received cells into the pancreatic artery. A booster infusion followed "
     "6 weeks after the first.", "en", [(2, 42.0)]),
    ("1×10^6/kg UC-MSCs is infused through pancreatic artery and another same dose of UC-MSCs is administered one week "
     "post-intervention.", "en", [(2, 7.0)]),
    ("首次输注后4周再次输注脐带间充质干细胞。", "zh", [(2, 28.0)]),
    ("首次輸注後4週再次輸注臍帶間充質幹細胞。", "zh-Hant", [(2, 28.0)]),
    # a stated count wins over the count a second dose implies; the interval stays (the same facts as (3, 28))
    ("患者共接受3次干细胞输注,首次输注后4周再次输注。", "zh", [(3, None), (None, 28.0)]),
    ("Patients received three MSC infusions in total; a second infusion was given 4 weeks after the first.", "en",
     [(3, None), (None, 28.0)]),
    # a course in units of its interval
    ("Patients received 2 × 10^6 cells/kg every week for 4 weeks.", "en", [(4, 7.0)]),
    ("MSCs were infused weekly for four weeks.", "en", [(4, 7.0)]),
    ("干细胞每周输注1次,连续4周。", "zh", [(4, 7.0)]),
    ("幹細胞每週輸注1次,連續4週。", "zh-Hant", [(4, 7.0)]),
    ("干细胞每隔4周输注1次,共3次。", "zh", [(3, 28.0)]),
    ("幹細胞每隔4週輸注1次,共3次。", "zh-Hant", [(3, 28.0)]),
    ("干细胞分3次输注。", "zh", [(3, None)]),
    ("幹細胞分3次輸注。", "zh-Hant", [(3, None)]),
    # daily courses
    ("干细胞连续输注3天。", "zh", [(3, 1.0)]),
    ("幹細胞連續輸注3天。", "zh-Hant", [(3, 1.0)]),
    ("连续3天静脉输注脐带间充质干细胞。", "zh", [(3, 1.0)]),
    ("The cells were infused on three consecutive days.", "en", [(3, 1.0)]),
    # an interval course with a unit other than 1: the interval only (the count is not stated)
    ("干细胞每2周输注1次,连续8周。", "zh", [(None, 14.0)]),
    ("MSCs were infused every 2 weeks for 8 weeks.", "en", [(None, 14.0)]),
    # a sequence of grafts, a count of transplants, a table cell's "twice, 4 weeks interval"
    ("A 39-year-old woman with type 1 diabetes received her first islet graft in 2016 followed by a second graft in 2017.",
     "en", [(2, None)]),
    ("2016年完成首次胰岛移植,2017年又完成第二次胰岛移植。", "zh", [(2, None)]),
    ("2016年完成首次胰島移植,2017年又完成第二次胰島移植。", "zh-Hant", [(2, None)]),
    ("I've had two transplants of islets – on January 1, 2016 and June 16, 2016.", "en", [(2, None)]),
    ("WJ-MSCs+insulin (twice, 4 weeks interval) IV", "en", [(2, 28.0)]),
    ("WJ-MSCs were given twice, 4 weeks apart.", "en", [(2, 28.0)]),
    # an interval stated approximately
    ("每位患者接受2次胰岛输注,两次间隔约3个月。", "zh", [(2, 90.0)]),
    ("每位患者接受2次胰島輸注,兩次間隔約3個月。", "zh-Hant", [(2, 90.0)]),
    ("Two MSC infusions were given, separated by approximately 4 weeks.", "en", [(2, 28.0)]),
    # a schedule from baseline; a repeat dated from the first
    ("MSCs were infused at baseline and at week 12.", "en", [(2, 84.0)]),
    ("分别于基线和第12周静脉输注脐带间充质干细胞。", "zh", [(2, 84.0)]),
    ("分別於基線和第12週靜脈輸注臍帶間充質幹細胞。", "zh-Hant", [(2, 84.0)]),
    ("The stem cell infusion was repeated after 4 weeks.", "en", [(2, 28.0)]),
    ("4周后重复输注一次脐带间充质干细胞。", "zh", [(2, 28.0)]),
    ("4週後重複輸注一次臍帶間充質幹細胞。", "zh-Hant", [(2, 28.0)]),
    ("HbA1c was measured at baseline and at week 12 after the infusion of cells.", "en", []),
    ("The measurements were repeated after 4 weeks in all patients given cells.", "en", []),
    ("Participants received two infusions, the second 3 months after the first.", "en", [(2, None), (None, 90.0)]),
    ("A second MSC infusion was given 6 weeks after the first infusion in all patients.", "en", [(2, 42.0)]),
    ("患者在首次输注后3个月接受了第二次输注。", "zh", [(2, 90.0)]),
    ("隔周注射1次干细胞,共3次。", "zh", [(3, 14.0)]),                     # the 1次 of 隔周 is no count
    ("隔週注射1次幹細胞,共3次。", "zh-Hant", [(3, 14.0)]),
    ("Of the patients, the second group received MSCs 3 months after the first visit.", "en", []),
    # no match: organ transplants, setbacks, mobilisation drugs, visits, hypotheses
    ("患者因严重糖尿病和肾病,已经做过两次肾移植。", "zh", []),
    ("患者因嚴重糖尿病和腎病,已經做過兩次腎移植。", "zh-Hant", []),
    ("He had two kidney transplants before the islet cells.", "en", []),
    ("胰岛移植在国内外曾遭遇过两次“滑铁卢”。", "zh", []),
    ("胰島移植在國內外曾遭遇過兩次「滑鐵盧」。", "zh-Hant", []),
    ("G-CSF was injected for five consecutive days before apheresis of stem cells.", "en", []),
    ("G-CSF连续皮下注射5天动员干细胞。", "zh", []),
    ("Her first kidney transplant failed and a second kidney transplant followed in 2019.", "en", []),
    ("首次输注后3个月进行第二次随访。", "zh", []),
    ("The team will find out whether a second infusion of stem cells helps.", "en", []),
])
def test_regimen_issue10(text, lang, expected):
    assert regimens(text, lang) == expected


# ---- "各…1次": once on each occasion of a schedule, not one infusion in all ----
@pytest.mark.parametrize("text,lang,expected", [
    ("MSC组另于入组时及第12周各静脉输注1次MSC,剂量2×10⁶/kg,共2次。", "zh", [(2, None)]),
    ("MSC組於入組時及第12週各靜脈輸注1次細胞。", "zh-Hant", []),
    ("患者接受1次干细胞输注。", "zh", [(1, None)]),                     # trap: one infusion
])
def test_regimen_once_on_each_occasion(text, lang, expected):
    assert regimens(text, lang) == expected


# ---- blind11 round: one administration said by the operation ("a single surgical implantation", "in a single
# operation"); a code-mixed count ("IV infusion两次") ----
@pytest.mark.parametrize("text,lang,expected", [
    ("Twelve participants received a single surgical implantation of the islet device.", "en", [(1, None)]),
    ("Roughly 400 million of the cells were then implanted beneath the rectus sheath in a single operation.", "en",
     [(1, None)]),
    ("The stem cell-derived islets were transplanted into the forearm during one procedure.", "en", [(1, None)]),
    ("Intervention：autologous AD-MSC，dose 2×10^6 cells/kg，IV infusion两次，间隔3个月", "zh", [(2, 90.0)]),
    ("Intervention：autologous AD-MSC，dose 2×10^6 cells/kg，IV infusion兩次，間隔3個月", "zh-Hant", [(2, 90.0)]),
    ("UC-MSC injection 3次，每4周一次。", "zh", [(3, 28.0)]),
    # no match: nothing given in the session; a follow-up count; an organ operation without cells
    ("Patients with type 1 diabetes were screened in a single session before any cells were prepared.", "en", []),
    ("干细胞治疗后follow-up两次，未见不良反应。", "zh", []),
    ("The kidney and the pancreas were replaced in a single operation.", "en", []),
])
def test_single_operation_and_mixed_count(text: str, lang: str, expected: list) -> None:
    assert regimens(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a bracketed aside after the administration counts the dose groups; it names no amount per infusion
    ("18例2型糖尿病患者分别接受5000万、1亿或2亿个细胞的单次静脉输注（每个剂量组6例），观察24周。", "zh", [(1, None)]),
    ("18例第2型糖尿病患者分別接受5000萬、1億或2億個細胞的單次靜脈輸注（每個劑量組6例），觀察24週。", "zh-Hant", [(1, None)]),
    # no match: the amount of one infusion
    ("单次输注剂量为1亿个细胞。", "zh", []),
])
def test_single_infusion_before_an_aside(text: str, lang: str, expected: list) -> None:
    assert regimens(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # once said after the object, "a single time", one shot stated as all that was given
    ("Twenty patients with type 2 diabetes received cells once, through the pancreatic artery.", "en", [(1, None)]),
    ("The 20 patients with type 2 diabetes were each infused a single time with MSC.", "en", [(1, None)]),
    ("20名2型糖尿病患者每人只打了一针干细胞。", "zh", [(1, None)]),
    ("20名第2型糖尿病患者每人只打了一針幹細胞。", "zh-Hant", [(1, None)]),
    # no match: an interval, a drug's daily dose, the slogan of one shot
    ("Patients with type 2 diabetes received the cells once a month for three months.", "en", [(3, 30.0)]),
    ("干细胞只需打一针就能根治糖尿病？", "zh", []),
])
def test_once_in_other_words(text: str, lang: str, expected: list) -> None:
    assert regimens(text, lang) == expected
