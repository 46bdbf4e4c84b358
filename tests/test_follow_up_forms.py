"""Follow-up as stated in articles (issue 10): summaries with a colon or a bracket, "up to", a mean ± SD, a time
point named unit first; zh / zh-Hant / en side by side, with traps."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.follow_up import EXTRACTOR


def follow_up(text: str) -> list[float]:
    return [h.value["days"] for h in decided_hits(EXTRACTOR, text)]


@pytest.mark.parametrize("text,expected", [
    ("Eighteen patients with type 2 diabetes received UC-MSC. Mean follow-up: 14.5 ± 3.2 months.", [441]),
    ("18例2型糖尿病患者接受脐带间充质干细胞治疗,平均随访(14.5±3.2)个月。", [441]),
    ("18例第2型糖尿病患者接受臍帶間充質幹細胞治療,平均隨訪(14.5±3.2)個月。", [441]),
    ("Forty patients with type 1 diabetes received islets. Follow-up: 24 months.", [730]),
    ("Median follow-up was 3 years in the 40 islet recipients.", [1096]),
    ("Eighteen patients with type 2 diabetes received UC-MSC (follow-up, 24 months).", [730]),
    ("Twelve patients with type 1 diabetes received islets (median follow-up: 3 years).", [1096]),
    ("Eighteen patients with type 2 diabetes received UC-MSC; patients were followed up to 2 years.", [730]),
    ("18例2型糖尿病患者接受脐带间充质干细胞治疗,随访至术后2年。", [730]),
    ("Eighteen patients with type 2 diabetes received UC-MSC. By month 12, HbA1c had fallen to 6.8%.", [365]),
    ("Forty patients with type 2 diabetes were randomized. At week 48, C-peptide was higher in the cell group.", [336]),
    ("18例2型糖尿病患者接受脐带间充质干细胞治疗,治疗后第12个月HbA1c降至6.8%。", [365]),
    ("18例第2型糖尿病患者接受臍帶間充質幹細胞治療,追蹤一年半,HbA1c降至6.8%。", [548]),
    ("A 49-year-old woman with type 1 diabetes and an HbA1c of 9.1% received islets. Two years later her HbA1c "
     "was 6.2%.", [730]),
    ("15例1型糖尿病患者接受脐血治疗。一年后:HbA1c 6.9%,C肽0.4 nmol/L。", [365]),
    ("15例第1型糖尿病患者接受臍血治療。一年後:HbA1c 6.9%,C肽0.4 nmol/L。", [365]),
    # the window of the primary endpoint, or the last visit completed, named unit first (also at a sentence's end)
    ("Ninety-six adults with type 2 diabetes were randomized. The primary endpoint was the change in HbA1c from "
     "baseline to week 48.", [336]),
    ("Ninety-six adults with type 2 diabetes were randomized; 91 completed week 48.", [336]),
    ("96例2型糖尿病患者随机分组,主要终点为从基线至第48周HbA1c的变化。", [336]),
    ("96例第2型糖尿病患者隨機分組,主要終點為從基線至第48週HbA1c的變化。", [336]),
    # off insulin to this day: the observation so far (a case's durability)
    ("一名38岁1型糖尿病女性接受了自体干细胞胰岛移植。截至发稿,患者停用胰岛素已超过14个月。", [426]),
    ("一名38歲第1型糖尿病女性接受了自體幹細胞胰島移植,至今已停針一年零四個月,血糖保持穩定。", [487]),
    ("A 47-year-old man with type 2 diabetes received islets and has stayed off insulin for 20 months.", [609]),
    # ... a stated follow-up wins over it
    ("一名38岁1型糖尿病女性接受了胰岛移植,随访24个月,患者停用胰岛素已超过14个月。", [730]),
    # no match: a time to an event, a bracket without a duration, a follow-up HbA1c value
    ("A woman with type 1 diabetes received islets. Three months later she stopped insulin.", []),
    ("一名1型糖尿病女性接受胰岛移植。三个月后:她停用了胰岛素。", []),
    ("A woman with type 1 diabetes received islets. By month 3, she had stopped insulin.", []),
    ("Patients were seen at each visit (follow-up, weekly).", []),
    ("Mean follow-up HbA1c was 7.1% in the 30 patients.", []),
    ("Patients were followed up. Two years later the clinic closed.", []),
])
def test_follow_up_forms(text, expected):
    assert follow_up(text) == expected
