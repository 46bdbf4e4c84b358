"""The study's profile, for linking reports that share no identifier: who was treated, where, when.

Case reports and small series are retold by news in several languages without a DOI or a title;
what the retellings share is the patient (a 47-year-old man, 14 years of type 1 diabetes, off
insulin for 20 months), the hospital and the year of the procedure. This extractor reads them as
optional study fields, each with its evidence:

- ``patient_age``, ``patient_sex``: one patient only ("一名47岁男性", "a 47-year-old man"); ages
  of a cohort ("18-65岁的患者", "aged 18 to 65") are not a patient's.
- ``disease_duration_years``: "病程9年", "有着37年1型糖尿病史", "a 14-year history of type 1 diabetes".
- ``insulin_free_days``: how long off insulin when reported ("停用胰岛素已20个月", "off insulin for a year").
- ``procedure_year``: the year a treatment verb governs ("2023年,…实施了…移植", "In 2022 it treated").
- ``organisation``: every hospital, university, institute or company of the bilingual table named
  in the mention, by its English name (data/institutions.json), and ``city`` of the first hospital.
- ``sponsor``: a company the table does not know, by its name ("Aurelis Therapeutics", "生技公司Aurelis").
- ``gene_edited``: the cells were gene-edited ("基因编辑的胰岛细胞", "CRISPR-edited", "hypoimmune"): few
  programmes do it, so two reports of gene-edited cells for one condition are likely one study.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from ..dedupe.institutions import org_table
from ..numbers import EN_TEEN_WORDS, EN_TENS_WORDS, EN_UNIT_WORDS, parse_number
from .base import FieldExtractor, Hit, Pattern, Span
from .context import zp
from ..rxcache import rx

NAME = "profile"
# people kept per mention (the first named: the study's own authors come before those it cites)
MAX_INVESTIGATORS = 20
# institutions the table lacks kept per mention
MAX_INSTITUTIONS = 8
_N_ZH = r"\d{1,3}(?:\.\d)?|[一二两三四五六七八九十]{1,3}"
_N_EN = (r"\d{1,3}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
         r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|a|an")
# an age: digits, a Chinese numeral, or English words below 100 ("forty-three")
_AGE_EN = (rf"(?:\d{{1,2}}|(?:{'|'.join(EN_TENS_WORDS)})(?:[- ](?:{'|'.join(EN_UNIT_WORDS)}))?|{'|'.join(EN_TEEN_WORDS)}|"
           rf"{'|'.join(EN_UNIT_WORDS)})")
_AGE_ZH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_UNIT_DAYS = {"年": 365.0, "个月": 30.4, "月": 30.4, "周": 7.0, "天": 1.0, "日": 1.0,
              "year": 365.0, "month": 30.4, "week": 7.0, "day": 1.0}
# one patient: the counted noun phrase before the age, or 男/女 right after it
_ONE_ZH = r"(?:(?:一|1)\s*(?:名|位|例|个)|该|这名|这位|此名|患者|病人)"
_SEX_ZH = r"(?P<sex>男|女)(?:性|子|孩|童|士)?"
_SEX_EN = r"(?P<sex>man|woman|men|women|male|female|boy|girl|gentleman|lady|grandmother|grandfather|mother|father)"
_INSULIN_ZH = r"(?:外源性)?胰岛素(?:注射|治疗)?"
_OFF_ZH = r"(?:停用|脱离|摆脱|不再使用|未再使用|不再注射|未再注射|无需|无须|不需要|不需|不用|停止使用|停止注射)"
# not after a word of stopping ("停用胰岛素已1年" is time off insulin): one lookbehind per word (fixed widths)
_NOT_OFF_ZH = "".join(f"(?<!{w})" for w in ("停用", "脱离", "摆脱", "无需", "无须", "不需", "不用", "告别",
                                            "不再使用", "未再使用", "不再注射", "未再注射", "停止使用", "停止注射"))
_OFF_EN = (r"(?:off insulin|insulin[- ]free|insulin[- ]independent|independent of (?:exogenous )?insulin|"
           r"free (?:of|from) (?:exogenous )?insulin|without (?:any )?(?:exogenous )?insulin(?: injections?)?|"
           r"(?:no longer|not) (?:needed|needing|required|requiring|taking|used|using) insulin)")
_DIAB_ZH = r"(?:第?(?:[12一二ⅠⅡ]|I{1,2})\s*型)?糖尿病"
_DIAB_EN = r"(?:type\s*[12]\s+|T[12]D\s+)?diabetes"
_TREAT_ZH = r"(?:实施|接受|进行|完成|开展|做)(?:了)?[^。;!?\n]{0,16}?(?:移植|输注|回输|治疗|手术|注射)"
_TREAT_EN = r"(?:underwent|received|was treated|were treated|treated|transplanted|was transplanted|performed|infused)"

_SURNAME_ZH = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
               "沈姚卢姜崔钟谭陆汪范金廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严覃武戴莫孔"
               "汤殷葛詹桂欧翁施洪柯窦")   # not 于 万 向 方 任 石 龙: more often words (于是, 万名, 方面, 任何)
# address terms for one person, with the sex they tell
_ADDRESS_SEX = {"阿姨": "female", "大妈": "female", "奶奶": "female", "老太太": "female", "女士": "female",
                "姑娘": "female", "大姐": "female", "婆婆": "female", "大爷": "male", "大伯": "male", "叔叔": "male",
                "爷爷": "male", "老爷子": "male", "先生": "male", "小伙子": "male", "小伙": "male", "大哥": "male"}
_ADDRESS_ZH = "|".join(sorted(_ADDRESS_SEX, key=len, reverse=True))

PROFILE_PATTERNS: tuple[Pattern, ...] = (
    zp("age__zh", rf"{_ONE_ZH}[^。;,，、\d]{{0,8}}?(?<![\d~\-至到])(?P<age>{_AGE_ZH})\s*(?:岁|周岁)(?![以至到~\-])(?:的)?\s*(?:{_SEX_ZH})?",
       examples=("一名47岁男性2型糖尿病患者接受了移植。", "一位34歲的女性患者。", "一名四十二岁的男性患者"),
       traps=("纳入18-65岁的患者60例。", "患者年龄45岁以上。")),
    zp("age_sex__zh", rf"(?<![\d~\-至到])(?P<age>\d{{1,2}})\s*(?:岁|周岁)(?:的)?\s*{_SEX_ZH}(?!性?患者们)",
       examples=("患者为52岁女性,病程9年。", "一名有着37年1型糖尿病史的42岁男性接受了注射。")),
    # "现年42岁" (now aged): said of one person
    # the sex after a clause about the one patient: "一名59岁、患2型糖尿病25年的男性患者", "一位25岁的1型糖尿病女性"
    zp("sex__zh_np", rf"(?:(?:一|1)\s*(?:名|位|例|个)|这名|这位|此名|该名)[^。;!?\n男女]{{0,24}}?(?<![中有占和与])(?P<sex>男|女)(?:性|子|士|孩|童)",
       examples=("为一名59岁、患2型糖尿病25年的男性患者实施了移植。", "一位今年58岁、糖尿病史长达20年的男子接受了移植。",
                 "為一名25歲的第1型糖尿病女性患者移植胰島。", "天津团队为一名25岁的1型糖尿病女性患者移植了胰岛。"),
       traps=("一名患者的女儿陪同就诊。", "共纳入18名男性和12名女性患者。", "患者中男性占60%。",
              "一名研究人员介绍,受试者中女性居多。")),
    # one person by an address term, which also tells the sex: "58岁的王阿姨", "63岁的张大爷", "70歲的李奶奶"
    zp("age_address__zh", rf"(?<![\d~\-至到])(?P<age>\d{{1,2}})\s*(?:岁|周岁)的?\s*(?:老|小)?[\u4e00-\u9fff]?(?P<addr>{_ADDRESS_ZH})",
       examples=("58岁的王阿姨患2型糖尿病已有12年。", "63歲的張大爺接受了幹細胞治療。", "一位70岁的老先生参加了研究。"),
       traps=("18岁以上的患者均可入组。", "患者年龄40-65岁的女士和先生均可报名。")),
    # one person by a nickname: "19岁的小陈", "72岁的老李"
    zp("age_nickname__zh", rf"(?<![\d~\-至到])(?P<age>\d{{1,2}})\s*(?:岁|周岁)的\s*(?:小|老)[{_SURNAME_ZH}](?![\u4e00-\u9fff]?们)",
       examples=("19岁的小陈是一名大学生。", "72歲的老李已停用胰島素。"),
       traps=("18岁的小朋友们",)),
    # a case record's header: "患者男,52岁", "患者,女,25岁"
    zp("age_sex__zh_record", rf"(?:患者|病人|病例)[,，:：\s]*(?P<sex>男|女)(?:性)?[,，\s]*(?P<age>\d{{1,2}})\s*(?:岁|周岁)(?![以至到~\-])",
       examples=("该患者男,52岁,2型糖尿病病史15年。", "患者,女,25歲,第1型糖尿病11年。"),
       traps=("患者男女比例为1:1,年龄18~65岁。",)),
    zp("age_now__zh", rf"(?:现年|如今|今年已|今年)\s*(?P<age>{_AGE_ZH})\s*(?:岁|周岁)(?![以至到~\-])",
       examples=("这名现年42岁的患者5岁时确诊。", "如今三十岁的他已不再注射胰岛素。"),
       traps=("今年5月,该院完成了移植。",)),
    zp("age__en", rf"\b(?:a|an|one|the)\s+(?P<age>{_AGE_EN})[- ]year[- ]old\s+(?:\w+\s+){{0,2}}?{_SEX_EN}?",
       examples=("A 47-year-old man with type 2 diabetes has stayed off insulin.", "an 8-year-old girl with T1D",
                 "The study has one patient, a forty-three-year-old man diagnosed with T1D"),
       traps=("Patients aged 18 to 65 years were enrolled.", "the 47 year olds in the trial")),
    zp("age_aged__en", rf"\b(?:a|one)\s+{_SEX_EN},?\s+(?:aged|age)\s+(?P<age>\d{{1,2}})\b",
       examples=("A woman aged 34 received the cells.",)),
    zp("duration__zh_course", rf"(?:糖尿病)?病程(?:长达|达|为|已|有|已达|超过)?\s*(?P<num>{_N_ZH})\s*(?P<unit>年|个月)",
       examples=("一名病程9年的1型糖尿病患者。", "該患者病程長達18年。")),
    zp("duration__zh_history", rf"(?P<num>{_N_ZH})\s*(?P<unit>年)(?:的)?\s*{_DIAB_ZH}(?:病)?史",
       examples=("一名有着37年Ⅰ型糖尿病史的42岁男性。", "有14年1型糖尿病史、常规治疗无效的患者。")),
    zp("duration__zh_suffered", rf"(?:患(?:有|上)?|罹患|确诊(?:为)?){_DIAB_ZH}(?:已|长达|已达|已有|超过|达|有)?\s*(?P<num>{_N_ZH})\s*(?P<unit>年)(?![后後以来])",
       examples=("她患1型糖尿病已11年。", "一名59岁、患2型糖尿病25年的男性患者", "該院為一名罹患第1型糖尿病11年的25歲女性移植胰島。"),
       traps=("患糖尿病5年后出现肾病。",)),
    # "12年前诊断为2型糖尿病", "患者11年前被確診為第1型糖尿病"
    zp("duration__zh_ago", rf"(?P<num>{_N_ZH})\s*(?P<unit>年)前(?:被)?(?:诊断|确诊|查出)(?:为|患有|患上|出|出患有)?\s*{_DIAB_ZH}",
       examples=("患者12年前诊断为2型糖尿病,先后予二甲双胍治疗。", "她11年前被確診為第1型糖尿病。"),
       traps=("12年前诊断的患者占30%。",)),
    # "糖尿病史长达20年", "2型糖尿病病史15年"
    zp("duration__zh_history_after", rf"{_DIAB_ZH}(?:病)?史(?:长达|已达|已有|已|达|有|超过|近)?\s*(?P<num>{_N_ZH})\s*(?P<unit>年)(?![后後以])",
       examples=("一位今年58岁、糖尿病史长达20年的男子", "该患者男,52岁,2型糖尿病病史15年。"),
       traps=("糖尿病史不详,2020年确诊。",)),
    # "diagnosed with type 1 diabetes 11 years ago"
    zp("duration__en_ago", rf"\bdiagnosed\s+with\s+{_DIAB_EN}\s+(?:(?:more than|over|nearly|almost|about)\s+)?(?P<num>{_N_EN})\s+(?P<unit>years?)\s+(?:ago|earlier|before)\b",
       examples=("The patient, a 25-year-old woman diagnosed with type 1 diabetes 11 years ago, received the islets.",),
       traps=("diagnosed with type 1 diabetes at age 11",)),
    zp("duration__en_history", rf"\b(?P<num>{_N_EN})[- ]year[- ]history\s+of\s+{_DIAB_EN}",
       examples=("a man with a 14-year history of type 1 diabetes",)),
    zp("duration__en_for", rf"\b(?:had|has had|lived with|living with|suffered from|been living with)\s+{_DIAB_EN}\s+for\s+(?:(?:more than|over|nearly|almost|about)\s+)?(?P<num>{_N_EN})\s+(?P<unit>years?)",
       examples=("She had type 1 diabetes for 11 years.",)),
    # years on insulin: in type 1 diabetes insulin starts at diagnosis ("擺脫37年胰島素", "37 years of injections")
    zp("duration__zh_insulin", rf"(?:摆脱|告别|结束|依赖|注射|使用)(?:了)?(?:长达|近|超过|整整)?\s*(?P<num>{_N_ZH})\s*(?P<unit>年)(?:之久)?(?:的|来的)?\s*{_INSULIN_ZH}(?:依赖|注射)?",
       examples=("让他得以擺脫長達37年的胰島素依賴。", "这名患者终于摆脱了30年的胰岛素注射。"),
       traps=("患者停用胰岛素已1年。", "使用3年后胰岛素用量减少。")),
    zp("duration__zh_insulin_after", rf"{_NOT_OFF_ZH}{_INSULIN_ZH}(?:依赖|注射)?(?:了)?(?:长达|已达|已有|已经|已|近|超过)\s*(?P<num>{_N_ZH})\s*(?P<unit>年)(?![后後以])",
       examples=("他注射胰岛素长达37年。", "依賴胰島素已經20年的患者"),
       traps=("胰岛素治疗3年后加用二甲双胍。", "患者停用胰岛素已1年。", "術後脫離胰島素已經2年。")),
    zp("duration__en_insulin", rf"\b(?:after|following|ending|ended|to end)\s+(?:more than |over |nearly |almost |about )?(?P<num>{_N_EN})\s+(?P<unit>years?)\s+of\s+(?:daily\s+)?(?:insulin\s+(?:injections?|dependence|therapy|shots)|injecting insulin|insulin)\b",
       examples=("freed from insulin after 37 years of insulin injections", "after 20 years of daily insulin shots"),
       traps=("after 2 years of follow-up, insulin use fell",)),
    zp("duration__en_insulin_for", rf"\b(?:insulin[- ]dependent|dependent on insulin|relied on insulin|injected insulin|needed insulin(?: injections)?|taken insulin)\s+for\s+(?:more than |over |nearly |almost |about )?(?P<num>{_N_EN})\s+(?P<unit>years?)\b",
       examples=("He had been insulin-dependent for 37 years.", "she had relied on insulin for 20 years"),
       traps=("insulin-independent for 2 years",)),
    # the age at diagnosis: with the patient's age it gives the years with diabetes (42 - 5 = 37)
    zp("diagnosis_age__zh", rf"(?<![\d~\-至到])(?P<dx>{_AGE_ZH})\s*(?:岁|周岁)(?:时|那年)?[^。;,，\d]{{0,3}}?(?:被)?(?:确诊|诊断|查出)",
       examples=("這名現年42歲的患者年僅5歲時確診第1型糖尿病。", "他在12岁时被诊断为1型糖尿病。"),
       traps=("确诊时平均年龄12岁。",)),
    zp("diagnosis_age__en", rf"\bdiagnosed(?:\s+with\s+(?:(?:type\s*[12]\s+)?diabetes|T[12]D))?\s+(?:at\s+(?:the\s+)?age\s+(?:of\s+)?|when\s+(?:he|she)\s+was\s+|aged\s+)(?P<dx>{_AGE_EN})\b",
       examples=("he was diagnosed with type 1 diabetes at age 5", "She was diagnosed at the age of 12.",
                 "diagnosed when he was 5", "a forty-three-year-old man diagnosed with T1D at the age of four"),
       traps=("diagnosed at a mean age of 12",)),
    zp("insulin_free__zh", rf"{_OFF_ZH}{_INSULIN_ZH}(?:治疗)?(?:已|已经|至今|长达|超过|达|已达|已有|已超过)*\s*(?P<num>{_N_ZH})\s*(?:个)?\s*(?P<half>半)?(?P<unit>年|个月|月|周|天)(?![后後时時内內以])",
       examples=("术后停用胰岛素已20个月。", "患者脱離胰島素已經1年。", "患者已完全停用胰岛素33个月。", "目前已脱离胰岛素11个月。"),
       traps=("停用胰岛素治疗后3个月复查。", "停用胰岛素3个月后复查血糖。", "脱离胰岛素1年时C肽仍可测。")),
    zp("insulin_free__zh_before", rf"(?P<num>{_N_ZH})\s*(?:个)?\s*(?P<unit>年|个月|月|周|天)(?:来|以来|里|中)?[^。;,，\d]{{0,4}}?(?:未再|不再|无需|无须|没有|未)(?:使用|注射|施打|依赖)?{_INSULIN_ZH}",
       examples=("术后20个月未再使用胰岛素。", "她已一年未施打胰島素。")),
    zp("insulin_free__en", rf"\b{_OFF_EN}\s+for\s+(?:(?:more than|over|nearly|almost|about|at least)\s+)?(?P<num>{_N_EN})\s+(?P<unit>years?|months?|weeks?|days?)\b",
       examples=("has stayed off insulin for 20 months", "She has been insulin-free for a year."),
       traps=("Patients were off insulin for a 2-week washout at baseline in 20 months",)),
    zp("procedure_year__zh", rf"(?<!\d)(?P<year>(?:19|20)\d{{2}})\s*年(?:\s*\d{{1,2}}\s*月)?(?:\s*\d{{1,2}}\s*日)?[,，]?[^。;!?\n]{{0,30}}?{_TREAT_ZH}",
       examples=("2023年,华东大学附属医院为一名47岁男性实施了自体干细胞来源胰岛移植。",),
       traps=("2020年,该团队的论文发表在《科学》上。",)),
    # gene-edited cells (a cell-engineering technique, named in any part of the mention)
    zp("gene_edited__zh", r"基因(?:编辑|改造|修饰|工程改造)|CRISPR|低免疫原性|免疫隐形|免疫隐身",
       examples=("科学家们首次成功将经过基因编辑的胰岛细胞植入患者体内。", "醫療團隊採用CRISPR技術,對移植的胰島細胞進行客製化改造。",
                 "这些经基因改造的细胞能逃避免疫攻击。"),
       traps=("患者的基因检测结果正常。", "研究人员分析了胰岛细胞的基因表达。")),
    zp("gene_edited__en", r"\bgene[- ](?:edit(?:ed|ing)|modified|engineered)\b|\bCRISPR\b|\bhypo-?immune\b|"
                          r"\bgenetically (?:modified|engineered|edited)\b|\bHIP[- ](?:modified|edited|engineered)\b",
       examples=("Surgeons implanted gene-edited islet cells into his forearm.", "the cells were made hypoimmune with CRISPR",
                 "HIP-modified primary islet cells"),
       traps=("Gene expression in islets was measured.", "genetic testing was normal")),
    zp("procedure_year__en", rf"\bIn\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?P<year>(?:19|20)\d{{2}}),?\s+[^.;]{{0,40}}?\b{_TREAT_EN}\b",
       examples=("In 2022 it treated a 33-year-old woman with type 1 diabetes.",),
       traps=("In 2018 the group first showed the approach worked in mice.",)),
)
_WORDS = {"a": 1, "an": 1}
# a company the table does not know: "Aurelis Therapeutics, Inc.", "美國生技公司Aurelis", "Meridian公司"
_CO_SUFFIX = r"(?:Therapeutics|Biotherapeutics|Biotechnology|Biosciences|Pharmaceuticals|Pharma|Biotech|Biologics)"
# generic words between a company's proper name and its suffix
_CO_MIDDLE = r"(?:Cell|Cellular|Cells|Gene|Stem|Regenerative|Medicine|Bio|Life|Islet|Immune)"
_CO_GENERIC = frozenset({"islet", "cell", "cellular", "gene", "stem", "fierce", "regenerative", "advanced", "novel",
                         "global", "clinical", "american", "national", "the", "therapeutics", "biotechnology",
                         "pharmaceuticals", "biotech", "biosciences", "pharma", "new", "our", "its", "and"})
COMPANY_PATTERNS: tuple[Pattern, ...] = (
    # the proper name before up to two generic words of the field ("Meridian Cell Therapeutics, Inc.")
    zp("company__en", rf"\b(?P<name>[A-Z][A-Za-z0-9]{{2,}})(?:\s+{_CO_MIDDLE}){{0,2}}\s+{_CO_SUFFIX}\b", flags=0,
       examples=("NEWSWIRE -- Aurelis Therapeutics, Inc. today announced", "Halcyon Biotherapeutics reported",
                 "FDA granted the approval to Meridian Cell Therapeutics, Inc.", "Nordvale Regenerative Medicine Therapeutics said"),
       traps=("Fierce Biotech reported", "islet therapeutics are promising", "The Cell Therapeutics sector grew")),
    zp("company__zh_after", r"(?:公司|药企|藥企|企业|企業)\s*(?P<name>[A-Z][A-Za-z0-9-]{2,})(?![A-Za-z0-9-])", flags=0,
       examples=("美國生技公司Aurelis今年6月在美國糖尿病學會年會公布", "生物技术公司Nordvale最近开始临床试验")),
    zp("company__zh_before", r"(?<![A-Za-z0-9-])(?P<name>[A-Z][A-Za-z0-9-]{2,})\s*(?:公司|生技|生物科技|生物技术|制药)", flags=0,
       examples=("美國Meridian公司的療法", "Nordvale公司的胰岛细胞疗法"),
       traps=("Therapeutics公司的产品",)),
)

# investigators: people named as the study's authors or team leads ("Voltarelli et al.", "Dr. Burt",
# "Jinquan Cai,1", "邓宏魁团队", "殷浩教授"), by their name as written; dedupe/people.py compares them
# across scripts (邓宏魁 = Hongkui Deng = Deng H)
_NAME_EN = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
# words before 团队/教授 that start like a surname but are places or common words
_NOT_NAME_ZH = frozenset({"武汉", "江苏", "江西", "江门", "石家庄", "徐州", "高校", "高端", "高水平", "黄山", "金华",
                          "许多", "严重", "史上", "苏州", "吴江", "韩国", "马来西亚", "孟加拉", "罗氏", "曾经", "陈旧",
                          "杨凌", "武警", "邵阳", "汤姆", "周边", "孙中山", "黄埔", "林业", "胡同", "朱雀", "何种",
                          "戴着", "郑州", "梁山", "谢谢", "冯氏", "董事", "潘多拉", "蒋介石", "卢森堡", "钟南山"})
# (an author before a citation marker in a review: "许文彦等[33]", "宋明辉等(2019)")
_ROLE_ZH = r"(?:教授|研究员|院士|博士|主任医师|副主任医师|主任|医生|医师|团队|课题组|等人|领衔|带领|等(?=\s*[\[［(（]\s*(?:19|20)?\d))"
# words before "et al." or a year that are no person ("Table 2016", "June 2016")
_NOT_NAME = frozenset({"The", "This", "That", "These", "Table", "Figure", "Fig", "Type", "Phase", "In", "On", "At",
                       "From", "Since", "By", "And", "Of", "For", "To", "With", "January", "February", "March",
                       "April", "May", "June", "July", "August", "September", "October", "November", "December",
                       "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                       "Spring", "Summer", "Fall", "Autumn", "Winter", "China", "Diabetes", "Cell", "Nature",
                       "Science", "Lancet", "Study", "Trial", "Year", "Published", "Updated", "Posted"})
INVESTIGATOR_PATTERNS: tuple[Pattern, ...] = (
    zp("investigator__et_al", rf"(?<![A-Za-z])(?P<name>{_NAME_EN})\s+(?:[A-Z]{{1,3}}\s+)?et\s+al\b", flags=0,
       examples=("Voltarelli et al. reported 15 patients.", "as shown by Bhansali et al (2009)"),
       traps=("The et al. trap",)),
    zp("investigator__dr", rf"\b(?:Dr|Prof|Professor)\.?\s+(?P<name>{_NAME_EN}(?:\s+[A-Z]\.)?(?:\s+{_NAME_EN})?)", flags=0,
       examples=("said Dr. James Shapiro of the University of Alberta", "Professor Camillo Ricordi said")),
    zp("investigator__degree", rf"(?<![A-Za-z])(?P<name>{_NAME_EN}(?:\s+[A-Z]\.){{0,2}}\s+{_NAME_EN}),\s+(?:MD|PhD|M\.D\.|Ph\.D\.)\b",
       flags=0, examples=("Richard K. Burt, MD, chief of immunotherapy", "Carlos E. B. Couri, MD, PhD;")),
    zp("investigator__byline", rf"(?<![A-Za-z])(?P<name>{_NAME_EN}\s+{_NAME_EN})(?:,\d|\s\d{{1,2}}(?:,\d{{1,2}})*(?:,|$))",
       flags=re.M, examples=("Jinquan Cai,1 Zhixian Wu,1 Xiumin Xu,2,3", "Anil Bhansali 1,, Vimal Upreti 1, Rama Walia 1"),
       traps=("Type Diabetes 2 remains common",)),
    zp("investigator__led", rf"\b(?:led by|headed by|senior author|first author|lead author|principal investigator)\s+"
       rf"(?:Dr\.?\s+|Professor\s+)?(?P<name>{_NAME_EN}(?:\s+[A-Z]\.)?\s+{_NAME_EN})", flags=0,
       examples=("The trial, led by Hongkui Deng of Peking University,", "senior author Jay Skyler")),
    zp("investigator__row", rf"(?:^|\|)[ \t]*(?P<name>{_NAME_EN}),?[ \t]+(?:19|20)\d{{2}}\b(?=[ \t]*(?:\[\d+\]|\||\t|$))", flags=re.M,
       examples=("Cai, 2016 [8] China 21/21", "| Voltarelli 2007 | Brazil | 15 |"),
       traps=("June 2016 | Brazil",)),
    zp("investigator__zh", rf"(?P<name>[{_SURNAME_ZH}][\u4e00-\u9fff]{{0,2}}?)(?={_ROLE_ZH})", flags=0,
       examples=("北京大学邓宏魁团队在《细胞》发表论文", "上海长征医院殷浩教授介绍", "王树森等人发表", "许文彦等[33] 2025 单中心回顾性"),
       traps=("研究团队表示", "该课题组此前报告")),
)


def _investigator(name: str, m: re.Match[str], pattern: Pattern) -> Optional[str]:
    """The name as a person's name, or None (a month, a journal, a generic Chinese word before 团队)."""
    if pattern.name == "investigator__zh":
        if name in _NOT_NAME_ZH or name[:2] in _NOT_NAME_ZH:
            return None
        if len(name) < 2:
            return name if m.string[m.end():m.end() + 2] in ("教授", "院士", "博士", "医生", "医师", "主任", "研究") else None
        return name
    first = name.split()[0]
    if first in _NOT_NAME or name.split()[-1] in _NOT_NAME:
        return None
    return name


def _number(text: str) -> Optional[float]:
    t = text.lower()
    return float(_WORDS[t]) if t in _WORDS else parse_number(t)


class ProfileExtractor(FieldExtractor):
    """Patient profile, organisations and procedure year of one mention (see module doc)."""

    name = NAME
    field = "profile"
    patterns = PROFILE_PATTERNS + COMPANY_PATTERNS + INVESTIGATOR_PATTERNS

    def find(self, span: Span) -> list[Hit]:
        hits = super().find(span)
        table = org_table()
        for oid, s, e in table.find(span.doc.view, span.start, span.end):
            org = table.orgs[oid]
            hits.append(Hit("organisation", {"value": org.name}, s, e, NAME, "org_table"))
            if org.city and org.kind == "hospital":
                hits.append(Hit("city", {"value": org.city}, s, e, NAME, "org_city", 0.8))
        # hospitals and universities the table lacks, as written (a study's reports name its hospital in an
        # affiliation line, a registry's "Verified by", a quote's "at X University")
        from ..metadata import institution_names
        for h in institution_names(span.doc, span.start, span.end, limit=MAX_INSTITUTIONS):
            if table.lookup(h.value["value"]) is None:
                hits.append(Hit("organisation", h.value, h.start, h.end, NAME, "institution_name", 0.9))
        return hits

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        kind = pattern.name.split("__")[0]
        g = m.groupdict()
        if kind in ("age", "age_sex", "age_aged", "age_now"):  # (age_sex also "患者男,52岁")
            num = _number(g["age"])
            if num is None:
                return
            age = int(num)
            if not 0 < age <= 110:
                return
            yield Hit("patient_age", {"value": age}, m.start("age"), m.end("age"), NAME, pattern.name)
            if g.get("sex"):
                sex = "male" if g["sex"].lower() in ("男", "man", "men", "male", "boy", "gentleman", "father", "grandfather") else "female"
                yield Hit("patient_sex", {"value": sex}, m.start("sex"), m.end("sex"), NAME, pattern.name)
        elif kind in ("age_address", "age_nickname"):
            age = int(g["age"])
            if not 0 < age <= 110:
                return
            yield Hit("patient_age", {"value": age}, m.start("age"), m.end("age"), NAME, pattern.name)
            if g.get("addr"):
                sex = _ADDRESS_SEX[span.doc.view[m.start("addr"):m.end("addr")]]
                yield Hit("patient_sex", {"value": sex}, m.start("addr"), m.end("addr"), NAME, pattern.name)
        elif kind == "sex":
            sex = "male" if g["sex"] == "男" else "female"
            yield Hit("patient_sex", {"value": sex}, m.start("sex"), m.end("sex"), NAME, pattern.name)
        elif kind == "diagnosis_age":
            dx = _number(g["dx"])
            if dx is not None:
                yield Hit("diagnosis_age", {"value": int(dx)}, m.start(), m.end(), NAME, pattern.name)
        elif kind in ("duration", "insulin_free"):
            num = _number(g["num"])
            unit = (g.get("unit") or "year").lower().rstrip("s")
            if num is None or unit not in _UNIT_DAYS:
                return
            if g.get("half"):
                num += 0.5
            days = num * _UNIT_DAYS[unit]
            if kind == "duration":
                yield Hit("disease_duration_years", {"value": round(days / 365.0, 2)}, m.start(), m.end(), NAME, pattern.name)
            elif 0 < days <= 36500:
                yield Hit("insulin_free_days", {"value": round(days, 1)}, m.start(), m.end(), NAME, pattern.name)
        elif kind == "company":
            name = g["name"]
            if _not_a_company(name, m.group(0)):
                return
            if name.lower() not in _CO_GENERIC and not org_table().lookup(name):
                yield Hit("sponsor", {"value": name}, m.start("name"), m.end("name"), NAME, pattern.name)
        elif kind == "investigator":
            if _investigator(g["name"], m, pattern):
                # the name as written (the view is in simplified script)
                name = span.doc.text[m.start("name"):m.end("name")]
                yield Hit("investigator", {"value": name}, m.start("name"), m.end("name"), NAME, pattern.name)
        elif kind == "gene_edited":
            yield Hit("gene_edited", {"value": True}, m.start(), m.end(), NAME, pattern.name)
        elif kind == "procedure_year":
            yield Hit("procedure_year", {"value": int(g["year"])}, m.start("year"), m.end("year"), NAME, pattern.name)

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """One value per profile field (the first in the text), every distinct organisation once; an age at
        diagnosis gives the years with diabetes when the text states the patient's age but no duration."""
        kept: list[Hit] = []
        seen: set[object] = set()
        for h in sorted(hits, key=lambda h: (h.start, -h.score)):
            key = (h.field, h.value["value"]) if h.field in ("organisation", "sponsor", "investigator") else h.field
            if h.field == "investigator" and sum(1 for k in kept if k.field == "investigator") >= MAX_INVESTIGATORS:
                continue   # a reference list names hundreds
            if h.pattern == "institution_name" and sum(1 for k in kept if k.pattern == "institution_name") >= MAX_INSTITUTIONS:
                continue
            if key in seen:
                continue
            seen.add(key)
            kept.append(h)
        dx = next((h for h in kept if h.field == "diagnosis_age"), None)
        kept = [h for h in kept if h.field != "diagnosis_age"]
        age = next((h.value["value"] for h in kept if h.field == "patient_age"), None)
        if dx is not None and age is not None and "disease_duration_years" not in seen and age > dx.value["value"]:
            kept.append(Hit("disease_duration_years", {"value": float(age - dx.value["value"])}, dx.start, dx.end,
                            NAME, dx.pattern, dx.score))
        return kept


# a journal ("Nature Biotechnology") or a product code ("公司VX-880") read where a company name stands
_CODE_LIKE = rx(r"[A-Za-z]+-?\d")


def _not_a_company(name: str, matched: str) -> bool:
    from ..dedupe.institutions import product_table
    from ..dedupe.normalise import journal_key, journal_table
    if _CODE_LIKE.match(name) or product_table().canonical(name) in product_table().products:
        return True
    return journal_key(matched) in journal_table().keys


EXTRACTOR = ProfileExtractor()
