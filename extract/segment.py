"""Split a document into study mentions: one Mention per study the document reports.

Stages (``segment``):

1. body: the text before the reference list, without site boilerplate lines (nav, contact,
   disclaimers, related-reading and previous/next links);
2. anchors: lines that open a study (a dated "…在《期刊》上发表…" intro, a "2022年《柳叶刀》报道"
   claim, "案例1"/"Case 2" headings, ordinal headings that introduce a patient); month headings of
   roundups and summary/ordinal headings close the study before them;
   Two or more paragraphs that open with an ordinal study ("第一個研究…", "The second study…") are anchors
   too; the rows of a table of studies (a Markdown rule allowed) are anchors, and a later section whose
   heading names one row's product code joins that row; abstract numbers ("P2-031"), labelled papers ("Paper 1：",
   "研究A："), a digest's zero-padded items whose titles name a therapy ("01 脐带MSC治疗…"), a thread's items opened by
   "First up:"/"Next:", and Q&A answers that report a treated cohort of their own open studies; an item whose head
   names another disease and not diabetes is no mention; in an export of two or more bibliographic records
   (RIS, MEDLINE, Web of Science, EndNote, NoteExpress, CNKI) each record is a study, and nothing else opens one;
3. two or more distinct anchors: one mention per anchor, running to the next boundary; otherwise the
   whole body is one mention (a long single-study article stays one mention);
4. cited studies described in body text ("王团队发表的…研究[2]", "宋等[12]开展的…", "Moreau et al.2 report")
   become their own mention, made of every line that cites them (two described side by side in one
   paragraph split it by sentence); bare registry ids listed as examples become their own mentions;
   a commentary that only describes cited studies is no mention itself;
5. nested studies ("在X医院开展的一项随机对照试验中…", "另一项研究显示…", "another study") are split
   off the mention that describes them; an earlier study of the same team ("该团队2021年曾…发表一项…先导
   研究", "their earlier pilot study") runs to the end of its paragraph or to a clause that turns back to
   the reported study ("这次的试验…"); a planned or next trial ("已启动一项II期试验(NCT…)", "a follow-on
   trial is planned", "are opening a phase 1 trial", "今年啟動…試驗,預計收治3名") is cut out, its registry id
   a bare mention of its own; the institution's standing programme told in a later paragraph ("X has offered donor
   islet transplantation since 2019…", "自2019年起也執行…胰島移植") is a study of its own; a trial of another
   product than the mention's own ("its phase 1 trial of AUR-07") is a nested study running to the end of its
   paragraph;
6. references are linked to mentions (the [n] in the intro line, a matching title, or list order),
   and study-level metadata hits are attached (see ``metadata.py``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from . import metadata, nlp, segment_openers, segment_tables
from .document import Document
from .fields.base import Hit
from .fields.cohort_lexicon import PLAN_BEFORE, PLAN_REACH
from .fields.identifiers import find_dois, registry_ids
from .numbers import EN_TEEN_WORDS, EN_TENS_WORDS, EN_UNIT_WORDS, parse_number
from .references import Reference, ReferenceList, citation_lines, find_markers, find_reference_list
from .rxcache import rx

# --- data ---------------------------------------------------------------------------------

# whole lines that are site furniture, never study text
BOILERPLATE_LINE = rx(
    r"^\s*(?:[•·*-]\s*)?(?:公司地址|联系我们|聯絡我們|聯繫我們|官方热线|官方熱線|扫码|掃碼|关注我们|關注我們|"
    r"相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|猜你喜欢|猜你喜歡|发表回复|發表回覆|"
    r"相关新闻|相關新聞|相关文章|相關文章|往期推荐|往期推薦|往期回顾|往期回顧|热门推荐|熱門推薦|更多阅读|更多閱讀|"
    r"点击阅读原文|點擊閱讀原文|阅读原文|閱讀原文|温馨提示|溫馨提示|"
    r"免责说明|免責說明|免责声明|免責聲明|郑重声明|鄭重聲明|Disclaimer|"
    r"请继续往下阅读|請繼續往下閱讀|Sharing is caring|Read more|Related (?:articles|posts|reading|news|stories|content)|"
    r"You (?:may|might) also like|Recommended (?:for you|reading|articles)|More (?:from|on) |Similar articles|Cited by|"
    r"Media [Cc]ontacts?|Investor [Cc]ontacts?|Press [Cc]ontacts?|"
    r"Share this|Back to Search|Subscribe|Sign up|Advertisement|Copyright|©|«|»|"
    # a correction notice restates the article's figures and the wrong ones it replaces
    r"【更正】|更正(?:启事|啟事|说明|說明)?\s*[:：]|勘误|勘誤|Correction\s*[:：]|Clarification\s*[:：]|"
    r"(?:Editor['’]s note\s*[:：]\s*)?An earlier version of this (?:article|story|report))", re.IGNORECASE)
BOILERPLATE_ANY = rx(r"上一篇|下一篇|Previous post|Next post|"
                             # navigation of a book of abstracts: "返回壁报目录|…", "本专场其他壁报:PU-0419 …"
                             r"返回[^\n|｜]{0,8}(?:目录|目錄)|(?:其他|其它)(?:壁报|壁報|摘要)\s*[:：]|"
                             r"Back to (?:the )?(?:abstracts?|posters?|programme|program|session)\b|Other (?:posters|abstracts) in this session")
# a heading line that opens a non-study section (related links, company boilerplate, database
# furniture); the section runs to the next structural heading (case, month, numbered section)
FURNITURE_SECTION = rx(
    r"^\s*(?:[#*【\[]\s*)?(?:相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关新闻|相關新聞|相关文章|相關文章|"
    r"往期推荐|往期推薦|往期回顾|往期回顧|热门推荐|熱門推薦|热门文章|熱門文章|猜你喜欢|猜你喜歡|更多阅读|更多閱讀|"
    r"Related (?:articles|posts|reading|news|stories|content)|You (?:may|might) also like|Recommended(?: for you| reading| articles)?|"
    r"More (?:from|on|stories)\b|Similar articles|Cited by|Publication types|MeSH terms|Substances|Grants and funding|"
    r"LinkOut|Forward[- ]looking [Ss]tatements?|Cautionary [Nn]ote|Safe [Hh]arbor|Media [Cc]ontacts?|Investor [Cc]ontacts?|"
    r"Press [Cc]ontacts?|Contacts?\b|关于我们|關於我們|"
    r"About (?!the (?:[\w/-]+ ){0,3}(?:[Tt]rial|[Ss]tudy|[Ss]tudies|[Rr]esults|[Dd]ata)\b)[A-Z][\w.,&'’ -]{1,60}$)"
    r"\s*[】\]]?\s*[:：]?\s*$")
# a release's box about another product of the company ("About QN-118", "关于QN-118", "關於QN-118"): boilerplate, unless
# the product is not the one the release reports and the box tells a trial of it with a cohort and a result
PRODUCT_BOX = rx(r"^\s*(?:About|关于|關於)\s*(?:the\s+)?(?P<code>(?-i:[A-Z]{1,6}-?\d{1,4}[A-Za-z]?))"
                 r"(?:\s+(?:[Pp]rogram(?:me)?|[Pp]roduct|[Tt]herapy))?\s*[:：]?\s*$")
# a line that ends the article (WeChat "END", press-release "###"); what follows is furniture
END_MARK = rx(r"^\s*(?:[-—–_]*\s*END\s*[-—–_]*|#{3,}|-\s*[Ee]nd\s*-|\(完\)|（完）|【完】)\s*$")
# lines after which a post has nothing but boilerplate (searched in the last part of the text)
# the labels of a release's fact box that may follow its end mark: alone on a line (the value on the next) or with a colon
PUB_BOX_BARE_LABEL = rx(r"^\s*(?:JOURNAL|DOI|ARTICLE TITLE|ARTICLE PUBLICATION DATE|PUBLICATION DATE|期刊|论文题目|論文題目|"
                        r"论文标题|論文標題|发表日期|發表日期)\s*$")
PUB_BOX_LABEL = rx(PUB_BOX_BARE_LABEL.pattern + r"|^\s*(?:Journal|DOI|Article title|(?:Article )?[Pp]ublication date|期刊|论文题目|"
                   r"論文題目|论文标题|論文標題|发表日期|發表日期)\s*[:：]")
TAIL_START = rx(r"^\s*(?:免责说明|免責說明|免责声明|免責聲明|郑重声明|鄭重聲明|版权声明|版權聲明|Disclaimer)",
                        re.IGNORECASE | re.MULTILINE)
TAIL_MIN_FRACTION = 0.5

DATE_LEAD = rx(
    r"^\s*(?:[-•*·]\s*)?(?:(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号號]|\d{4}\s*年\s*\d{1,2}\s*月"
    r"|(?:On\s+|In\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}"
    r"|(?:On\s+)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})", re.IGNORECASE)
PUB_VERB = rx(r"发表|發表|刊发|刊發|刊登|刊出|报道|报导|報導|报告|報告|公布|发布|發布|上线|在线|"
                      r"\bpublished\b|\breported\b|\bannounced\b|\bpresented\b|\bunveiled\b", re.IGNORECASE)
# "2022年《柳叶刀》子刊报道…" / "2023年《糖尿病护理》研究显示…"
# (the journal's other name may follow in brackets: "2025年《内分泌学前沿》(Frontiers in Endocrinology)发表的")
YEAR_JOURNAL = rx(r"\d{4}\s*年\s*[,，]?\s*《[^《》]{2,40}》\s*(?:[(（][^()（）\n]{2,60}[)）]\s*)?"
                          r"(?:子刊|杂志|雜誌|期刊)?\s*(?:上\s*)?"
                          r"(?:报道|报导|報導|发表|發表|刊发|刊發|刊登|研究|案例|病例|(?:的)?(?:一项|一項|一篇)|显示|顯示)")
JOURNAL_PUB = rx(r"《[^《》]{2,60}》[^。!?]{0,40}?(?:发表|發表|刊发|刊發|刊登|报道|报导|報導)")
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
EN_PUB = rx(r"\b(?:published|reported)\s+(?:online\s+)?in\s+(?:the\s+)?(?!" + _MONTHS + r")[A-Z]")
# a sentence that says where the study was published, for a single-study document without a
# dated intro line: "…刊登於國際期刊《細胞》", "据《新英格兰医学杂志》报道", "The findings were published in X"
PUBLICATION_SENTENCE = rx(
    JOURNAL_PUB.pattern + "|"
    r"(?:发表|發表|刊登|刊发|刊發|刊载|刊載|刊出)(?:于|於|在)[^。!?]{0,20}《|"
    # a Latin journal without 《》: "发表在Stem Cell Research & Therapy上", "刊登於國際期刊Diabetes Care"
    r"(?:发表|發表|刊登|刊发|刊發|刊载|刊載|刊出)(?:于|於|在)\s*(?:国际|國際)?\s*(?:学术|學術|医学|醫學|权威|權威)?\s*"
    r"(?:期刊|杂志|雜誌)?\s*(?-i:[A-Z][a-z]+|[A-Z]{3,})|"
    r"\b(?:published|appeared|reported|(?i:writing|wrote))\s+(?:online\s+)?(?:today\s+|this\s+\w+\s+|last\s+\w+\s+|recently\s+|"
    r"(?:on\s+)?" + _MONTHS + r"\.?\s+\d{1,2}(?:,\s*\d{4})?\s+)?"
    r"in\s+(?:the\s+)?(?:journal\s+)?(?!" + _MONTHS + r")[A-Z]|"
    # "A 2019 study in Diabetes Care found…", "In a 2021 Stem Cell Research & Therapy paper, …", "the November 2022 issue of…"
    r"\b(?:[Aa]n?|[Tt]heir|[Ii]ts)\s+(?:19|20)\d{2}\s+(?:[\w&'’-]+\s+){0,6}?(?:study|trial|paper|report|analysis|meta-analysis|article)"
    r"\b(?:\s+in\s+(?:the\s+)?(?:journal\s+)?[A-Z]|(?<=paper)|(?<=article))|"
    r"\b(?:19|20)\d{2}\s+(?:issue|edition)\s+of\s+(?:the\s+)?(?:journal\s+)?[A-Z]|"
    r"\bpublished\s+(?:a|an|the|their|his|her)\s+[^.;]{0,60}?\bin\s+(?:the\s+)?(?:journal\s+)?(?!" + _MONTHS + r")[A-Z]|"
    # a year of publication without a journal: "one randomized trial published in 2020", "2022年发表的研究中"
    r"\b(?:study|trial|analysis|paper|report|review)\s+(?:was\s+)?(?:published|reported)\s+in\s+(?:19|20)\d{2}\b|"
    r"(?<!\d)(?:19|20)\d{2}\s*年\s*(?:在[^。!?,，]{0,20}?)?(?:发表|發表|刊登|刊出|报道|报导|報導)的(?:一项|一項|一篇)?[^。!?,，]{0,12}?"
    r"(?:研究|试验|試驗|病例|论文|論文|综述|綜述|分析)")
# a sentence about several journals' papers introduces no one study: "《Cell》《Nature Biotechnology》等国际权威期刊先后
# 发表了相关研究", "《柳叶刀》、《自然》等顶级期刊", "journals such as Cell and Nature have published…"
SEVERAL_JOURNALS = rx(r"》\s*[、,，和与與及]?\s*《|等\s*(?:国际|國際|国内|國內)?\s*(?:权威|權威|知名|顶级|頂級|顶尖|頂尖|主流)?\s*"
                              r"(?:医学|醫學|学术|學術)?\s*(?:期刊|杂志|雜誌)|\bjournals such as\b|\bjournals including\b",
                              re.IGNORECASE)
NEGATION_BEFORE = rx(r"未|沒|没|\bnot (?:yet )?$|\byet to be $", re.IGNORECASE)
SOURCE_LEAD = rx(r"^\s*(?:[-•*·]\s*)?(?:据|根据|據|根據|援引|来源|來源|According to|Source)", re.IGNORECASE)
ANAPHORA = rx(r"该研究|該研究|这项研究|這項研究|此项研究|此項研究|本研究|该团队|該團隊|该成果|該成果|"
                      r"\b(?:the|this) (?:study|trial|research|paper)\b", re.IGNORECASE)
# "案例1:", "病例二", "【研究一】", "Case 2", "Abstract 1:", "壁报一:": a heading that opens one study
CASE_HEADING = rx(r"^\s*(?:[#*]+\s*)?[【\[]?\s*(?:典型案例|案例|病例|个案|個案|患者故事|病友故事|故事|研究|试验|試驗|壁报|壁報|"
                          r"论文|論文|文献|文獻|Case|Patient|Study|Trial|Abstract|Poster|Paper)\s*"
                          # (or a capital letter: "研究A：", "Paper B:", "Study C —")
                          r"(?:\d{1,2}|[一二三四五六七八九十]{1,3}|(?-i:[A-D])(?![A-Za-z]))(?![\d.])\s*(?:[】\]]|[:：.、)\s]|$)"
                          # a conference abstract/poster number on a line of its own: "Abstract OP 12-071",
                          # "Poster #LB-23", "壁报 P-045"
                          r"|^\s*(?:Abstract|Poster|Oral presentation|Late-breaking abstract|摘要|壁报|壁報)\s*(?:No\.?|#|编号|編號)?"
                          r"\s*[:：]?\s*[A-Z]{0,4}[\s-]?\d{1,4}(?:[-.]\d{1,4})?(?:-?[A-Z]{1,3})?\s*$"
                          # a bare abstract/poster number on a line of its own in a book of abstracts: "PU-0417", "OP-112",
                          # "P2-031" (session 2), or a withdrawn one: "P2-034 - withdrawn by the authors", "PU-0420(撤稿)"
                          r"|^\s*(?-i:[A-Z]{1,3}\d{0,2})-\d{3,4}\s*(?:$|[-–—:：(（]\s*(?:withdrawn|retracted|已?撤回|已?撤稿))"
                          # a session-numbered talk on a line of its own: "OP-07-3" (session 7, talk 3), "S12-04-2"
                          r"|^\s*(?-i:[A-Z]{1,3}\d{0,2})-\d{1,2}-\d{1,3}\s*$",
                          re.IGNORECASE)
# numbered section headings: "一、", "第二部分", "II. ", "1. Title", "2) Title", "(3) Title", "01" alone
ORDINAL_HEADING = rx(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|【(?:\d{1,2}|[一二三四五六七八九十]{1,3})】\s*\S|第[一二三四五六七八九十]{1,3}(?:部分|节|節)|[IVX]{1,4}\.\s"
                             r"|\d{1,2}\s*[、.．)）](?![\d.])\s*\S|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*\S|0\d\s*$"
                             # a digest's items marked by a symbol instead of a number ("◎美國：…", "■ 台灣…"), or by the
                             # bar of a WeChat section heading ("▍国内：…")
                             r"|[◎■◆▲★▍▌▎▐┃]\s*\S)")
# a zero-padded item number, alone or before its title: numbered like digit items (no end of a study by itself)
# a digest's zero-padded item whose title names a therapy or a study ("01 脐带MSC治疗2型糖尿病：II期随机双盲试验",
# "02｜幹細胞胰島治療第1型糖尿病", "03 | Meta-analysis of MSC"); the parts of one article numbered so ("01 一篇论文引发关注",
# "02 患者：病程16年", "03 结果：第75天停用胰岛素", "04 专家观点") are no items
ZERO_ITEM_TITLE = rx(r"干细胞|幹細胞|间充质|間充質|间质|間質|MSC|iPSC|ESC\b|胰岛细胞|胰島細胞|细胞治疗|細胞治療|荟萃|薈萃|[Mm]eta|"
                     r"试验|試驗|研究|治疗|治療|\b(?:trial|study|cells?|therapy|treatment|islets?)\b", re.IGNORECASE)
ZERO_ITEM_PART = rx(r"^\s*0[1-9](?:\s*[|｜丨]\s*|\s+)(?:患者|病人|病例|案例|结果|結果|背景|方法|专家|專家|点评|點評|观点|觀點|"
                    r"治疗(?:经过|过程)|治療(?:經過|過程)|Patient|Results?|Background|Methods?|Expert|Treatment\b)")
ZERO_TITLED = rx(r"^\s*0[1-9](?:\s*[|｜丨]\s*|\s+)(?![\d\s月日号號年时時点點:：%])\S")
ZERO_NUMBER = rx(r"^\s*0\d\s*$|" + ZERO_TITLED.pattern)
DIGIT_ITEM = rx(r"^\s*(?:\d{1,2}\s*[、.．)）]|[(（]\d{1,2}[)）])")
# numbered headings that name a part of one article, not a study of its own
PART_HEADING = rx(r"^\s*(?:[(（]?[\d一二三四五六七八九十IVX]{1,3}[)）]?\s*[、.．)）]?\s*)"
                          r"(?:研究)?(?:背景|目的|方法|对象|對象|结果|結果|讨论|討論|结论|結論|资料|資料|材料|引言|前言|概述|"
                          r"设计|設計|Background|Introduction|Objectives?|Aims?|Methods?|Materials|Results?|Findings|"
                          r"Discussion|Conclusions?|Limitations|Study design|Patients)\b", re.IGNORECASE)
# a question heading of a Q&A post ("问1:…", "問二:…", "Q3: …", "Q: …"): it closes the answer before it, and
# opens the study its answer cites
QUESTION_HEADING = rx(r"^\s*(?:[#*【\[]\s*)?(?:[问問]|Q)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[】\]]?\s*[:：.、]")
MONTH_HEADING = rx(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月(?!\s*\d{1,2}\s*[日号號])(?![^。!?\n]*[,，。])")
SUMMARY_HEADING = rx(
    r"^\s*(?:[一二三四五六七八九十\d]{1,3}\s*[、.．]\s*)?(?:总结|總結|结语|結語|小结|小結|结论|結論|展望|写在最后|寫在最後|"
    r"挑战|挑戰|编者按|編者按|编者的话|編者的話|Conclusions?\b|Summary\b|Outlook\b|Takeaways?\b|Our take\b|"
    r"(?:The )?[Bb]ottom line\b|Editor'?s (?:note|take|comment)\b|Commentary\b|Take-?home\b|Key (?:points|messages)\b|"
    r"划重点|劃重點|要点总结|要點總結)"
    r"|(?:总结|總結|结语|結語|小结|小結|结论|結論|展望)\s*[:：]?\s*$", re.IGNORECASE)
# paragraphs that open with an ordinal study ("第一個研究來自濟南,2023年發表", "第二项研究…", "The second study, from
# Xiamen…"): when a document has two or more of them, each opens a study of its own
ORDINAL_STUDY_LEAD = rx(
    r"^\s*(?:第\s*[一二三四五六七八九十\d]{1,2}\s*(?:个|個|项|項|篇|宗|份)?\s*(?:临床|臨床)?(?:研究|试验|試驗)|"
    r"(?:The\s+)?(?:first|second|third|fourth|fifth)\s+(?:study|trial|paper)\b)", re.IGNORECASE)
ORDINAL_STUDY_MIN = 2
# items of a thread or talk roundup opened by a sequence word ("2/ First up: Prof Nie with the CXM-12 phase 2…",
# "5/ Next: Heyu Biomedical HY-ISL01 — Phase 1/2 in T1D, 15 pts", "首先登场的是…", "接下来是…"), after a post number
# ("2/", "(3/10)", "3."); each item must name a study of its own (a product code, a phase, a cohort)
SEQUENCE_LEAD = rx(r"^\s*(?:[(（]?\d{1,2}\s*/\s*\d{0,2}[)）]?\s+|\d{1,2}[.、]\s*)?"
                   r"(?:(First(?: up)?|To start|Up first|首先(?:登场|登場|介绍|介紹|报告|報告)?(?:的是)?)|"
                   r"(?:Next(?: up)?|Up next|Then|Second(?:ly)?|Third(?:ly)?|Finally|Last(?:ly)?|"
                   r"接下来(?:是|的)?|接下來(?:是|的)?|然后是|然後是|其次是|最后是|最後是))\s*(?:[:：]|[-—–](?![A-Za-z]))", re.IGNORECASE)
# (a comma after the word is prose: "First, Rahman and colleagues1 pooled…; Second, Moreau et al.2 report…" cite studies)
# ... or told aloud, with the item's institution straight after the word and no colon ("先说芦汀市人民医院。他们…138名患者…",
# "再說楓嶺醫學院附屬醫院。…30位病人…", "最后来看某公司…"): the first item says "first"; "先说结论" names no institution
SPOKEN_SEQUENCE = rx(r"^\s*(?:(先说|先說|先来说|先來說|先来看|先來看|首先说|首先說|首先来看|首先來看)|"
                     r"(?:再说|再說|再来说|再來說|再来看|再來看|接着说|接著說|接下来说|接下來說|然后说|然後說|最后说|最後說|"
                     r"最后来看|最後來看))(?=[^\s,，:：。;；]{2})")
# ... in English: "First, let's look at Luting People's Hospital.", "Next, let's turn to …", "Then there's …"
SPOKEN_SEQUENCE_EN = rx(r"^\s*(?:((?:First|To start),? let(?:'s|’s| us) (?:look at|start with)|Let(?:'s|’s| us) start with|"
                        r"We start with)|(?:(?:Next|Then|Finally),? let(?:'s|’s| us) (?:look at|turn to|go to)|"
                        r"Then there(?:'s|’s| is)|Now (?:on )?to))\s+(?:the\s+)?(?=[A-Z])")
SPOKEN_ITEM_CHARS = 24
# where a spoken lead's item name ends: "先说X医院。", "First, let's look at X Hospital, where…"
SPOKEN_ITEM_END = rx(r"[,，:：。;；!?！？]|\.(?:\s|$)")
SEQUENCE_STUDY = rx(r"\b[Pp]hase\s*[1-3I]|[IⅠⅡⅢ1-3]+\s*期|\b[A-Z]{1,5}-?[A-Z]{0,3}\d{1,4}\b")
SEQUENCE_MIN = 2
# paragraphs of a wire roundup, each opening with its own dateline ("SEOUL — Dawon said…", "LINMING, China — …",
# "NEW YORK (Reuters) - …", "新华社北京11月13日电…", "中新網上海11月12日電", "本报讯…"): when a document has two or more,
# each opens an item of its own (one dateline is a news story's); the tags of a MEDLINE record ("TI  - ", "FAU - ")
# are none (the normaliser makes every dash a hyphen)
MEDLINE_TAG = (r"(?:PMID|OWN|STAT|DCOM|LR|IS|VI|IP|DP|TI|PG|LID|AB|FAU|AU|AD|LA|PT|DEP|PL|TA|JT|SB|MH|OT|OTO|EDAT|"
               r"PHST|AID|PST|SO|CI|CN|GR|RN|MHDA|CRDT|CIN|CON|EIN|ECI|GN|IR|FIR|JID|AUID|SI|TT|VTI)\s*-")
DATELINE = rx(
    r"^\s*(?:(?!" + MEDLINE_TAG + r")(?-i:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:,\s*(?-i:[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
    r"\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:—|–|--|-)\s+(?=\S)|"
    r"(?:新华社|新華社|中新社|中新网|中新網|本报|本報|人民网|人民網|央视新闻|央視新聞|路透社|法新社|美联社|美聯社)"
    r"[^,，。\n]{0,14}?(?:电|電|讯|訊))")
DATELINE_MIN = 2
# the first tag of a record in an export of bibliographic records: RIS ("TY  - JOUR"), MEDLINE/NBIB ("PMID- 31234567"),
# Web of Science ("PT J"), EndNote/Refer ("%0 Journal Article"), RefWorks ("RT Journal Article"), NoteExpress ("{Reference Type}: Journal Article"),
# CNKI E-Study ("SrcDatabase-来源库: 期刊"), BibTeX ("@article{pei2026,"); two or more in a document make it a list of
# records, one study each, and nothing inside a record opens another
RECORD_START = rx(r"^\s*(?:TY\s{1,2}-[ \t]+[A-Z]{2,6}[ \t]*(?:$|\n)|PT[ \t]+[JBSP][ \t]*(?:$|\n)|PMID\s?-\s*\d|%0\s+(?-i:[A-Z][a-z]+)|RT\s+(?:Journal|Conference|Book|Generic|Abstract|Thesis)\b|"
                  r"\{Reference Type\}\s*[:：]|SrcDatabase-(?:来源库|來源庫)\s*[:：]|@(?i:article|inproceedings|misc|phdthesis)\s*\{)")
# the tag that holds a record's title: RIS TI/T1, MEDLINE TI, Refer %T, RefWorks T1, NoteExpress {Title}, CNKI Title-题名
RECORD_TITLE = rx(r"^\s*(?:TI\s{1,2}-\s|T1\s{1,2}-\s|TI\s?-\s|%T\s|T1\s\S|\{Title\}\s*[:：]|Title-(?:题名|題名)\s*[:：]|title\s*=)",
                  re.IGNORECASE)
# a record's date: RIS DA ("2026/07", the citation month) before Y1/PY (the year); Refer %D; NoteExpress {Year}
# (a MEDLINE record's DP is read by ``metadata.medline_date``)
RECORD_DATE = rx(r"(?m)^[ \t]*(DA|Y1|PY|%D|\{Year\})[ \t]{0,3}[-:：]?[ \t]+((?:19|20)\d{2})(?:[/.-](\d{1,2}))?(?:[/.-](\d{1,2}))?(?!\d)")
RECORDS_MIN = 2
RECORD_DATE_ORDER = ("DA", "Y1", "PY", "%D", "{Year}")
# an item of a book of abstracts or a digest about another disease ("BONE MARROW MSC FOR KNEE OSTEOARTHRITIS…", "05 iPSC来源
#多巴胺神经元治疗帕金森病（非糖尿病）", "脐血干细胞治疗脑中风"): when its heading names that disease and not diabetes, it
# is no mention, whatever diabetes its text names in passing ("Eight patients in each group had type 2 diabetes")
OTHER_DISEASE = rx(r"osteoarthritis|\bParkinson|\bAlzheimer|heart failure|myocardial infarction|\bstroke\b|spinal cord injur|"
                   r"multiple sclerosis|amyotrophic|\bALS\b|Crohn|ulcerative colitis|\blupus\b|cirrhosis|\bCOVID|\bARDS\b|"
                   r"leuka?emia|lymphoma|myeloma|knee cartilage|macular degeneration|"
                   r"骨关节炎|骨關節炎|关节炎|關節炎|帕金森|阿尔茨海默|阿茲海默|阿爾茨海默|老年痴呆|心力衰竭|心衰|心臟衰竭|心肌梗死|心肌梗塞|"
                   r"脑卒中|腦卒中|脑中风|腦中風|中风|中風|脊髓损伤|脊髓損傷|渐冻症|漸凍症|多发性硬化|多發性硬化|克罗恩|克隆氏|"
                   r"溃疡性结肠炎|潰瘍性結腸炎|红斑狼疮|紅斑狼瘡|肝硬化|肝衰竭|新冠|白血病|淋巴瘤|骨髓瘤|黄斑变性|黃斑部病變", re.IGNORECASE)
# diabetes named as a subject ("非糖尿病", "non-diabetic", "Off-topic - not diabetes", "不是糖尿病" name it as what the item is not)
DIABETES_SUBJECT = rx(r"(?<!非)(?<!不是)(?<!并非)(?<!並非)(?:糖尿病|糖友|T[12]DM?\b|\bIDDM\b|\bNIDDM\b|胰岛|胰島)|"
                      r"(?<!non-)(?<!non)(?<!\bnot )(?<!\bnot about )\bdiabet|\bislets?\b|\bMODY\b|"
                      r"\bHbA1c\b|糖化血红蛋白|糖化血紅蛋白", re.IGNORECASE)

# a line that tells another study than the one before it: "2）另一条是meta分析…", "Another trial, of 40 patients…"
ANOTHER_LEAD = rx(r"^\s*(?:[(（]?\d{1,2}\s*[)）.、]\s*)?(?:另一(?:条|條|项|項|篇|则|則|个|個)|另有|Another\b|A second\b)")
# a section introduces a patient/case of its own
CASE_CUE = rx(r"(?<![~～\-–至到])(?<![~～\-–至到]\d)(?<![~～\-–至到]\d\d)\d{1,3}\s*[岁歲](?![~～\-–至到])|先生|女士|(?<![\d一二三四五六七八九十百第])[一1]\s*(?:例|名|位)(?:[^,，。;；]{0,12}?)(?:患者|病人|病患)|"
                      r"\b\d{1,3}-year-old\b|\baged \d{1,3}\b", re.IGNORECASE)
MAX_HEADING_CHARS = 60
# a numbered heading that names a cohort ("40人對照研究", "14项RCT、812名患者", "a 38-patient trial")
# (counts start where their digits start: a long run of digits is not rescanned from each digit)
HEADING_COHORT = rx(r"(?<!\d)\d+\s*(?:名|例|位|人)[^,，。;；]{0,6}?(?:患者|病人|病患|受试者|受試者|研究|试验|試驗|对照|對照)|"
                            r"\b\d+[- ](?:patients?|participants?|adults|children)\b", re.IGNORECASE)
# a cohort in a numbered section's opening text, its description between count and noun
SECTION_COHORT = rx(r"(?:纳入|納入|招募|入组|入組|收治|选取|選取|共有?)\s*\d+\s*(?:名|例|位)[^,，。;；]{0,24}?"
                            r"(?:患者|病人|病患|受试者|受試者|儿童|兒童|患儿|患兒|成人|成年人|志愿者|志願者)|"
                            # the count after its noun: "回顾性纳入2021—2024年…的2型糖尿病肾病患者65例"
                            r"(?:纳入|納入|招募|入组|入組|收治|选取|選取)[^。;；!?]{0,60}?"
                            r"(?:患者|病人|病患|受试者|受試者|患儿|患兒|志愿者|志願者)\s*\d+\s*(?:名|例|位)|"
                            # a long description between count and noun, joined by 的: "4名病程11到29年的1型糖尿病患者",
                            # "12位接受胰島移植多年的第1型糖尿病病人"
                            r"(?<![\d.])\d+\s*(?:名|例|位)[^,，。;；的]{1,20}的[^,，。;；的]{0,10}?(?:患者|病人|病患|受试者|受試者)|"
                            # a colloquial total: "研究一共12个人", "總共8個人", "共有20人"
                            r"(?:一共|总共|總共|共有?)\s*\d+\s*(?:个人|個人|人)(?![次份天年月])")
# a numbered heading that names one study by its kind ("(三)…改善糖尿病小鼠胰岛功能的机制研究",
# "3. Cord MSCs in T2D: a pilot study"); a bare "三、临床试验" or a review's "…的临床研究" names none
HEADING_STUDY = rx(r"\S{4}(?:真实世界|真實世界|机制|機制|队列|隊列|回顾性|回顧性|前瞻性|动物|動物|观察性|觀察性|"
                           r"单臂|單臂|多中心|随机对照|隨機對照)(?:研究|试验|試驗)\s*$|"
                           r"\b(?:randomi[sz]ed(?: controlled)?|cohort|pilot|real-world|observational|single-arm)\s+"
                           r"(?:trial|study)\s*$", re.IGNORECASE)
# how many opening lines of a numbered section are read to decide whether it reports a study
SECTION_HEAD_LINES = 3
# a full stop after a month or title abbreviation ("published Aug. 7 in…", "Dr. Lee") ends no sentence
_NO_STOP_AFTER = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                  "Dr", "Mr", "Ms", "Mrs", "Prof", "vs", "Fig", "approx")
SENTENCE_END = rx(r"[。!?！？]|" + "".join(rf"(?<!\b{a})" for a in _NO_STOP_AFTER) + r"\.(?=\s|$)|\n")
# an earlier study of the same team, described inside the report of a new one ("该团队2021年曾…发表一项…
# 先导研究", "此前的一项研究", "their earlier pilot study"): a study of its own
# the institution's standing programme, told after the study being reported, in a paragraph of its own ("Pushan University
# Hospital has offered donor islet transplantation since 2019. Six patients…", "该院自2019年起也开展供体胰岛移植，已有6名…",
# "本院自2015年起執行胰島移植"): another cohort, running to the end of its paragraph
STANDING_PROGRAMME = (
    r"\b(?:has|have)\s+(?:also\s+)?(?:offered|performed|carried out|provided|run|been\s+(?:offering|performing|carrying out|"
    r"providing|running))\s+(?:[\w-]+\s+){0,4}?(?:transplant(?:ation)?s?|infusions?|therap(?:y|ies)|treatments?|procedures?|"
    r"programmes?|programs?)\s+(?:(?:at|in)\s+(?:[\w-]+\s+){1,3})?since\s+(?:19|20)\d{2}\b|"
    r"\b[Ss]ince\s+(?:19|20)\d{2}\s*,\s*(?:the|its|our|this)\s+(?:[\w-]+\s+){0,3}?(?:hospital|cent(?:re|er)|team|unit|clinic|"
    r"programme|program)\s+has\s+(?:also\s+)?(?:offered|performed|carried out|treated|transplanted)\b|"
    r"(?:(?:自|从|從)\s*\d{4}\s*年\s*(?:起|以来|以來|开始|開始)?|(?<!\d)\d{4}\s*年\s*(?:起|开始|開始))\s*[,，]?\s*"
    r"(?:也|亦|还|還|便|就|已)?\s*"
    r"(?:执行|執行|开展|開展|实施|實施|进行|進行|施行)(?:了)?[^。;；,，]{0,20}?(?:移植|输注|輸注|治疗|治療|手术|手術)")
PRIOR_STUDY = rx(
    r"(?:曾|此前|先前|之前|早前|早先|前期)[^,，。;；]{0,40}?(?:一项|一項)[^,，。;；]{0,40}?(?:研究|试验|試驗)|"
    # "該院早前發表的研究追蹤十四名病人", "此前完成的试验": an earlier study named by its publication
    r"(?:早前|此前|之前|先前|早先)(?:已)?(?:发表|發表|完成|开展|開展|公布|公佈|报告|報告)的(?:一项|一項)?(?:研究|试验|試驗)|"
    r"\d{4}\s*年(?:的|所做的|進行的|进行的)(?:一项|一項)?(?:先导|先導|试点|試點|前期|初步|早期)(?:研究|试验|試驗)|"
    # "2012年,团队先给12名患者做了试点": a dated first pilot told before the study
    r"\d{4}\s*年\s*[,，]?[^。;；]{0,12}?(?:先|首先|曾)[^。;；]{0,20}?(?:做了|进行了|進行了|开展了|開展了)?\s*"
    r"(?:试点|試點|先导试验|先導試驗|预试验|預試驗)|"
    r"\b(?:[Aa]n?|[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Ii]ts|the (?:team|group|researchers)['’]s?)\s+(?:own\s+)?(?:earlier|previous|prior)\s+"
    r"(?:[\w/-]+\s+){0,3}?(?:study|trial|pilot)\b|"
    r"\b(?:[Aa]n?|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Ii]ts)\s+(?:own\s+)?(?:19|20)\d{2}\s+(?:[\w-]+\s+){0,3}?(?:study|trial|pilot)\b|"
    # the team's own earlier review, which the new one updates ("We updated our 2023 meta-analysis, which had pooled 12
    # trials", "本研究更新了团队2023年的荟萃分析", "更新本團隊2023年發表的統合分析"): a study of its own
    r"\b(?:[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Ii]ts)\s+(?:own\s+)?(?:earlier\s+|previous\s+|prior\s+)?(?:19|20)\d{2}\s+"
    r"(?:systematic\s+review|meta-?analysis|pooled\s+analysis)\b|"
    r"(?:团队|團隊|课题组|課題組|我们|我們|本组|本組)(?:此前|先前|之前|早前)?\s*\d{4}\s*年(?:发表|發表|完成)?的?(?:一项|一項|前一版)?"
    r"(?:荟萃分析|薈萃分析|[Mm]eta分析|系统评价|系統評價|系统综述|系統綜述|统合分析|統合分析)|"
    r"\b(?:[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Ii]ts)\s+(?:own\s+)?(?:small(?:er)?\s+|first\s+)?pilot\s+(?:study|trial)\b|"
    # "builds on a phase 1 study the same team published in 2021", "同一团队2021年发表的一项I期研究"
    # ("builds on the team's earlier pilot study", "是次研究建基於團隊2023年完成…的先導研究")
    r"\b(?:builds?|built|building)\s+on\s+(?:an?|the|their|its|his|her)\s+(?:[\w'’-]+\s+){0,4}?(?:study|trial)\b|"
    r"(?:建基于|建基於|基于|基於|延续|延續)[^。;；]{0,40}?(?:先导|先導|试点|試點|前期|初步|早期)(?:研究|试验|試驗)|"
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:study|trial)\s+(?:that\s+)?(?:the same|this|the)\s+(?:team|group|researchers|"
    r"investigators)\s+(?:had\s+)?(?:published|reported|conducted|ran|completed)\s+in\s+(?:19|20)\d{2}\b|"
    r"(?:同一|该|該|这一|這一)(?:团队|團隊|课题组|課題組)\s*\d{4}\s*年(?:发表|發表|完成|开展|開展)的(?:一项|一項)|"
    # the same team's dated study named by its kind, with no verb ("该课题组2021年的Ⅰ期研究只入组了12例", "同一團隊2025年的系統評價",
    # "The same team's 2025 meta-analysis of 14 trials"); not "该团队2026年的这项试验" (the reported one)
    r"(?:同一|该|該)(?:团队|團隊|课题组|課題組)\s*(?:19|20)\d{2}\s*年(?:发表|發表|完成|开展|開展|进行|進行)?的(?!这|這|此|本)"
    r"[^。;；,，]{0,12}?(?:研究|试验|試驗|荟萃分析|薈萃分析|[Mm]eta分析|统合分析|統合分析|系统评价|系統評價)|"
    # the team's study dated by a relative time or told with "曾" ("研究组三年前完成的I期研究共纳入12人", "課題組去年開展的
    # 先導試驗", "团队2024年曾在5名患者身上做过试验", "Three years ago the group had completed a phase 1 trial in 12 patients")
    r"(?:团队|團隊|课题组|課題組|研究组|研究組)\s*(?:[一二两兩三四五六七八九十\d]{1,2}\s*年前|去年|前年)(?:曾|已)?"
    r"(?:完成|开展|開展|进行|進行|发表|發表|做)(?:过|過|了)?的?(?![的这這此本])[^。;；,，这這此本]{0,10}?(?:研究|试验|試驗)|"
    r"(?:团队|團隊|课题组|課題組|研究组|研究組)\s*(?:19|20)\d{2}\s*年\s*曾(?:经|經)?[^。;；]{0,30}?(?:研究|试验|試驗)|"
    r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|\d{1,2}) years? (?:ago|earlier),?\s+the (?:same\s+)?(?:team|group|researchers|investigators)"
    r"\s+(?:had\s+)?(?:completed|conducted|ran|run|published|reported|treated)\b[^.;]{0,60}?\b(?:study|trial|pilot|patients)\b|"
    r"\b[Tt]he same (?:team|group|researchers|investigators)['’]s?\s+(?:own\s+)?(?:earlier\s+|previous\s+|prior\s+)?"
    r"(?:(?:19|20)\d{2}\s+)?(?:[\w/-]+\s+){0,3}?(?:study|trial|pilot|meta-?analysis|systematic review)\b|"
    # "这项研究是团队此前I期研究的延续", "此前的先导试验"
    r"(?:团队|團隊|课题组|課題組|他们|他們)(?:的)?(?:此前|先前|之前|早前)(?:的)?\s*(?:[IVⅠⅡⅢ123一二三]+\s*期|先导|先導|试点|試點|初步|小样本|小樣本)?"
    r"\s*(?:临床|臨床)?(?:研究|试验|試驗)|"
    r"(?:此前|先前|之前|早前)(?:的)?\s*(?:[IVⅠⅡⅢ123一二三]+\s*期|先导|先導|试点|試點)\s*(?:临床|臨床)?(?:研究|试验|試驗)|"
    # "早在2022年,团队就为一名31岁女性患者进行了…", "As early as 2022, the team treated a 31-year-old woman"
    r"(?:早在|早于|早於)\s*\d{4}\s*年[^。;；]{0,60}?(?:一名|一位|一例|首例|一项|一項|\d+\s*(?:名|例|位))|"
    r"\b(?:[Aa]s early as|[Bb]ack in)\s+(?:19|20)\d{2}\b[^.;]{0,80}?\b(?:an?|one|the first|\d+)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:patients?|wom[ae]n|m[ae]n|study|trial|case)\b|"
    # "The new study builds on the case of the team's first patient"
    r"\b(?:builds?|built|building)\s+on\s+(?:the|their|its|his|her)\s+(?:[\w-]+\s+){0,3}?case(?:\s+report)?\s+(?:of|in)\b|"
    + STANDING_PROGRAMME)
# the team's earlier paper, told before the study being reported: no intro of it ("该团队2021年曾在《细胞研究》发表论文报道
# 这一方法", "此前,團隊已在《自然》發表…", "The method had been published in Science in 2020", "back in 2018")
# (the team as the subject: "此前,2021年《柳叶刀》子刊报道1例…" in a digest is another study, not background)
PRIOR_PUBLICATION = rx(r"(?:团队|團隊|课题组|課題組|研究组|研究組|他们|他們|该院|該院|本院)[^。!?！？;；]{0,20}?"
                               r"(?:曾经?|曾經|此前|先前|早前|早先)[^。!?！？;；]{0,30}?(?:发表|發表|报道|報導|刊登|刊发|刊發)|"
                               r"(?:曾经?|曾經)(?:在|于|於)[^。!?！？;；]{0,30}?(?:发表|發表|报道|報導|刊登|刊发|刊發)|"
                               r"\b(?:had|previously)\s+(?:been\s+)?(?:published|reported|described)\b|"
                               r"\bback in (?:19|20)\d{2}\b|\bin an? (?:earlier|previous|prior) (?:paper|study|report)\b",
                               re.IGNORECASE)
# a page that comments on a study (a letter to the editor, a comment, an editorial): its header date is its own
COMMENTARY_PAGE = rx(r"(?m)^[^\n]{0,60}?(?:\b(?:Correspondence|Letters? to the [Ee]ditor|To the [Ee]ditor|Editorial|"
                             r"Commentary|News (?:&|and) [Vv]iews)\b|读者来信|讀者來信|致编辑|致編輯|述评|述評|评论文章|評論文章)")
COMMENTARY_HEAD_CHARS = 400
# intro dates that a publication verb, a journal or a citation governs (metadata.published_date's patterns)
GOVERNED_DATE_PATTERNS = frozenset({"inline_citation", "paper_year"})
# a clause that turns back to the reported study ("这次的随机对照试验证实了效果", "the new trial"): an
# earlier study's description ends before it
BACK_TO_MAIN = rx(r"这次|這次|本次|此次|\b(?:this time|the (?:new|current|present|latest) (?:trial|study))\b",
                          re.IGNORECASE)
# the team's earlier paper named by its year ("our 2023 meta-analysis", "their 2021 paper", "团队2023年发表的荟萃分析",
# "團隊2023年的統合分析"); a trial's year may be when it ran, so only papers and reviews
# (also the same team's: "The same team's 2025 meta-analysis", "同一课题组2025年的荟萃分析")
OWN_YEAR_PAPER = rx(r"\b(?:[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Ii]ts|[Tt]he same (?:team|group|researchers|investigators)['’]s?)\s+"
                    r"(?:own\s+)?(?:earlier\s+|previous\s+|prior\s+)?"
                    r"(?P<year>(?:19|20)\d{2})\s+(?:[\w-]+\s+){0,2}?(?:meta-?analysis|systematic\s+review|review|paper|"
                    r"report|publication)\b|"
                    r"(?:团队|團隊|课题组|課題組|我们|我們)(?:此前|先前|之前|早前)?\s*(?P<zyear>(?:19|20)\d{2})\s*年"
                    r"(?:(?:发表|發表)的|的)(?:一项|一項|一篇|前一版|上一版)?[^。;；,，]{0,8}?"
                    r"(?:荟萃分析|薈萃分析|[Mm]eta分析|系统评价|系統評價|统合分析|統合分析|论文|論文|分析)")
# a citing sentence about the team just told ("值得注意的是,该团队2023年发表的上一版分析[2]…", "同一團隊先前的研究[3]…",
# "The same group's earlier review [2] …"): its study is about what the paragraph before it told
TEAM_BACK = rx(r"该团队|該團隊|同一团队|同一團隊|该课题组|該課題組|\bthe same (?:team|group)\b|\b(?:the|this) (?:team|group)['’]s\b",
               re.IGNORECASE)
# a new review that updates the team's earlier one ("We updated our 2023 meta-analysis, which had pooled…", "本研究更新了
#团队2023年的荟萃分析(当时纳入12项试验)", "本次為團隊2023年統合分析的更新版"): the earlier one is told in that sentence only
UPDATE_OF = rx(r"\b(?:updat(?:e[sd]?|ing)|extend(?:s|ed|ing)?)\b|更新|更新版|延伸", re.IGNORECASE)
# a trial announced as planned, started or next, inside the report of another one: its sentence is no
# part of the reported study ("已启动一项多中心II期随机对照试验(NCT…)", "A follow-on phase 2 trial is planned")
PLANNED_STUDY = rx(
    r"(?:(?:将|將|即将|即將|计划|計劃|拟|擬|准备|準備|还将|還將|并将|並將|下一步(?:将|將)?)\s*"
    r"(?:启动|啟動|开展|開展|开始|開始|筹备|籌備|进行|進行|招募)|(?:已|正在|目前正)\s*(?:启动|啟動|筹备|籌備|准备|準備|筹划|籌劃))(?:了)?\s*"
    r"(?:一项|一項|更大规模|更大規模|多中心|后续|後續|下一阶段|下一階段|[IVⅡⅢ二三23]+\s*期)[^。;；]{0,40}?(?:试验|試驗|研究)|"
    r"(?:[IVⅡⅢ二三23]+\s*期|后续|後續|下一阶段|下一階段|更大规模|更大規模|多中心)[^。;；,，]{0,30}?(?:试验|試驗|研究)"
    r"[^。;；]{0,30}?(?:已|正在|即将|即將|将|將|计划|計劃|预计|預計|有望|可望)(?:于|於|在)?[^。;；]{0,10}?(?:启动|啟動|开展|開展|开始|開始|招募)|"
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,5}?(?:trial|study)\s*(?:\([^)]{0,40}\)\s*)?(?:is|are|has been|will be)\s+"
    r"(?:now\s+|already\s+)?(?:planned|being planned|under ?way|in preparation|scheduled|expected to (?:start|begin))\b|"
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:follow-on|planned|upcoming|subsequent|next)\s+(?:[\w-]+\s+){0,4}?(?:trial|study)\b|"
    r"\b(?:plans?|planning|hopes?|hoping|aims?|aiming|intends?|intending|wants?)\s+(?:to\s+(?:launch|start|begin|run|conduct|"
    r"open|carry out)|for)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:trial|study)\b|"
    # "researchers are opening a phase 1 trial of … (NCT…)"
    r"\b(?:is|are)\s+(?:now\s+)?(?:opening|launching|starting|initiating|preparing)\s+(?:a|an)\s+(?:[\w-]+\s+){0,6}?(?:trial|study)\b|"
    # the next phase with an enrolment still to come: "The Phase 3 portion, BRIGHTWATER-3 (NCT…), is expected to enroll
    # approximately 40 participants", "The pivotal part is scheduled to start in 2027"
    r"\b[Tt]he\s+(?:[Pp]hase\s+(?:[23]|I{2,3})(?:/[23]|/I{2,3})?|next|follow-on|pivotal|confirmatory)\s+(?:portion|part|stage|trial|study)\b"
    r"[^.;]{0,60}?\b(?:is|are)\s+(?:expected|planned|scheduled|set|due)\s+to\s+(?:start|begin|enrol+|recruit|open)\b|"
    # the team's next step for the same study: a larger sample, a longer follow-up ("下一步团队将扩大样本量,并延长随访时间至
    # 2年", "未來將擴大收案並延長追蹤至兩年", "The team plans to enrol more patients and extend follow-up to two years")
    r"(?:下一步|接下来|接下來|未来|未來|今后|今後|后续|後續)[^。;；]{0,12}?(?:将|將|计划|計劃|拟|擬|准备|準備)[^。;；]{0,12}?"
    r"(?:扩大|擴大|延长|延長|增加)[^。;；]{0,6}?(?:样本|樣本|收案|病例|规模|規模|随访|隨訪|追踪|追蹤)|"
    r"\b(?:plans?|plan(?:ning)?|hopes?|aims?|intends?|will)\s+(?:to\s+)?(?:enrol+|recruit|treat)\s+more\s+(?:patients|participants)\b|"
    r"\b(?:plans?|hopes?|aims?|intends?|will)\s+(?:to\s+)?extend\s+(?:the\s+)?follow-up\b|"
    # a trial registered to treat more patients: "has registered a trial (ChiCTR…) to treat 10 more patients",
    # "已登记一项试验(ChiCTR…),计划再收治10名患者", "已註冊一項試驗,擬再收治10名病人"
    r"\b(?:has|have)\s+(?:now\s+|already\s+)?registered\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:trial|study)\b|"
    r"(?:已|已经|已經)(?:在[^。;；]{0,20}?)?(?:登记|登記|注册|註冊)(?:了)?(?:一项|一項)[^。;；]{0,40}?(?:试验|試驗|研究)|"
    # a trial started with an enrolment target: "今年啟動…臨床試驗(jRCT…),預計收治3名患者"
    r"(?:启动|啟動|开展|開展|开始|開始)(?:了)?[^。;；]{0,40}?(?:试验|試驗|研究)[^。;；]{0,60}?"
    r"(?:预计|預計|计划|計劃|拟|擬)\s*(?:收治|招募|入组|入組|纳入|納入|收案)")
# another team's study told between paragraphs of the reported one ("与此同时,另一家医院的团队公布了一项
#随机…试验", "Meanwhile, a team at another hospital reported…"): a study of its own, to the end of its paragraph
OTHER_TEAM = rx(
    r"(?:另一家|另外一家|另一所|另外一所|另一间|另一間)[^,，。;；]{0,10}?(?:医院|醫院|机构|機構|公司|大学|大學|中心|研究所)|"
    r"(?:另一个|另一個|另一支|另外一支|另外一个|另外一個|另一)(?:研究|科研)?(?:团队|團隊|课题组|課題組|研究组|研究組)|"
    r"\b(?:[Aa]nother|[Aa] (?:separate|different|second|rival))\s+(?:research\s+)?(?:team|group|hospital|cent(?:er|re)|company|institution)\b|"
    r"\b(?:[Rr]esearchers|[Dd]octors|[Aa] team|[Ss]cientists)\s+(?:at|from)\s+(?:another|a different|a second)\s+"
    r"(?:hospital|cent(?:er|re)|institution|university)\b|"
    # a reader who turns to another report in a thread: "Also saw that Korean report…", "I also read about that
    # Kyoto trial…", "还看到…的那个病例", "另外看到…一項研究"
    # (the cue stops before the study noun, which tells it is a study: ``OTHER_TEAM_STUDY``)
    r"\b(?:[Aa]lso|I also|[Aa]nd I)\s+(?:saw|read(?: about)?|heard about|came across)\s+(?:the|a|that|this|an)\s+"
    r"(?=(?:[\w-]+\s+){0,3}?(?:case|study|trial|report|paper)\b)|"
    r"(?:还|還|也|另外)(?:看到|看过|看過|读到|讀到|刷到)(?:了)?(?=[^。!?！？,，]{0,24}?(?:病例|案例|个案|個案|研究|试验|試驗))")
# what makes another team's sentence a study: it reports a trial, a study or a cohort
OTHER_TEAM_STUDY = rx(r"试验|試驗|研究|病例|\b(?:trial|study|case)\b", re.IGNORECASE)
# background inside a clinical report (ERRORS.md 4.4): the team's earlier animal work, its older paper.
# Such a sentence is cut out of the mention (no study of its own, no facts for the reported one) when the
# mention also reports patients.
ANIMAL_WORK = rx(r"大鼠|小鼠|鼠模型|动物模型|動物模型|动物实验|動物實驗|猴|灵长类|靈長類|猪|豬|犬|"
                         r"\b(?:mice|mouse|rats?|rodents?|animal models?|animals|monkeys?|primates?|pigs?|dogs?)\b", re.IGNORECASE)
EARLIER = rx(r"早在|此前|之前|先前|早前|曾经|曾經|曾|最初|首先|已在|已经在|已經在|当时|當時|"
                     r"\b(?:first (?:showed|shown|tested|proved|demonstrated)|previously|earlier|had (?:shown|tested|proved|demonstrated)|"
                     r"years? ago|back in|in (?:19|20)\d{2})\b", re.IGNORECASE)
# a glossary box's entry: a term with its gloss and a colon ("iPS細胞（誘導型多能幹細胞）：2006年由…首度發表",
# "Induced pluripotent stem cells (iPSCs): adult cells reprogrammed…"); with no patients or cohort in its line
GLOSSARY_LINE = rx(r"[ \t]*(?:[【\[]?(?:名词解释|名詞解釋|小辞典|小辭典|小知识|小知識|Glossary)[】\]]?\s*[:：]?\s*)?"
                   r"[^\s,，。:：;；()（）]{1,24}(?: [^\s,，。:：;；()（）]{1,16}){0,3}\s*[（(][^()（）\n]{1,30}[)）]\s*[:：]")
# ... a measured result in the line makes it a finding
GLOSSARY_NOT = rx(r"%|％|百分点|百分點|\bp\s*[<=]", re.IGNORECASE)
# one participant named by surname and title with an age ("58岁的王阿姨", "65歲陳先生", "Mr Chen, 65,", "Mrs Lee, aged 58")
NAMED_PARTICIPANT = rx(r"(?<![\d.~～\-–至到])\d{1,3}\s*(?:岁|歲)\s*(?:的)?\s*[\u4e00-\u9fff](?:先生|小姐|女士|太太|阿姨|伯伯|阿伯|阿嬤|"
                       r"阿公|奶奶|爷爷|爺爺|老伯|大叔|大爷|大爺|婆婆)|"
                       r"(?:(?<=[,，。\s“「\"])|^)[\u4e00-\u9fff](?:先生|小姐|女士|太太|阿姨|伯伯|阿伯)(?:今年|现年|現年|时年|時年)\s*\d{1,3}\s*(?:岁|歲)|"
                       r"\b(?-i:Mr|Mrs|Ms|Miss)\.?\s+(?-i:[A-Z][a-z]+),\s*(?:aged\s+)?\d{1,3},")
# ... inside the report of a cohort of at least this many
ANECDOTE_COHORT_MIN = 5
# a sentence that goes on about that participant: its subject is a pronoun ("她在2023年…", "他術後…", "She stopped…")
PARTICIPANT_PRONOUN = rx(r"\s*(?:她|他(?!们|們)|(?-i:She|He|Her|His)\b)")
TEAM_PAPER = rx(r"(?:该|該|这个|這個|此)?(?:团队|團隊|课题组|課題組)(?:的|此前的|之前的)[^。;；]{0,20}?(?:论文|論文|研究成果|成果)|"
                        r"\b(?:the (?:team|group|lab|researchers)['’]s?|their|its)\s+(?:earlier\s+|first\s+|previous\s+)?"
                        r"(?:[\w-]+\s+){0,2}?(?:paper|article|report)\b", re.IGNORECASE)
NOW_CUE = rx(r"\s*(?:如今|现在|現在|目前|今年|近日|这一次|這一次|此次|这次|這次|Now\b|Today\b|This (?:year|time)\b|"
                     r"Recently\b|In (?:19|20)\d{2}\b|(?:19|20)\d{2}\s*年)", re.IGNORECASE)
HUMAN_CUE = rx(r"患者|病人|病患|受试者|受試者|志愿者|志願者|\b(?:patients?|participants?|volunteers?|wom[ae]n|m[ae]n|"
                       r"recipients?)\b", re.IGNORECASE)
# nested studies inside a mention (a review describing a trial); the split is at the clause start
SUB_STUDY = rx(OTHER_TEAM.pattern + "|"
    r"(?:在|由)[^,，。;；]{2,40}?(?:开展|進行|进行|完成|实施|實施)的一项|"
    r"提到了?[^,，。;；]{0,30}?的一项|"
    r"(?:另一项|另一項|另外一项|另外一項|还有一项|還有一項|又一项|又一項|另一条|另一條|另一篇|另一则|另一則)[^,，。;；]{0,30}?"
    r"(?:研究|试验|試驗|临床|臨床|分析)|"
    r"此外\s*[,，]?\s*一项[^,，。;；]{0,30}?(?:研究|试验|試驗)|"
    r"(?:荟萃分析|薈萃分析|[Mm]eta分析|随机对照试验|隨機對照試驗|临床试验|臨床試驗)\s*\(\s*\d+\s*(?:名|例|位)[^()]{0,10}\)|"
    r"\b(?:[Aa]nother|[Aa] separate|[Aa] second|[Aa]n earlier|[Aa] further|[Aa] follow-up)\s+(?:clinical\s+)?"
    r"(?:study|trial|analysis)\b|" + PRIOR_STUDY.pattern)
CLAUSE_START = rx(r"[,，。;；:：!?！？\n]")
# a sentence's end: a nested study that holds none is only a heading
HEADING_ONLY_END = rx(r"[。!?！？]|\.(?:\s|$)")
# a trial of another product than the one the mention reports ("its phase 1 trial of AUR-07", "AUR-07的I期试验",
# "the AUR-07 trial"); {code} is filled with the other product's code
OTHER_PRODUCT_TRIAL = (r"\b(?:trial|study)\s+of\s+{code}(?![A-Za-z0-9-])|(?<![A-Za-z0-9-]){code}(?:'s|’s)?\s+(?:(?:phase|Phase)\s+[\w/]+\s+)?"
                       r"(?:trial|study)\b|(?<![A-Za-z0-9-]){code}\s*(?:的|之)?\s*(?:[IⅠⅡⅢ\d一二三]+(?:/[IⅠⅡⅢ\d一二三]+)?\s*期)?\s*(?:临床|臨床)?(?:试验|試驗|研究)")
# a citing sentence that describes a study of its own (not background)
STUDY_CITE = rx(r"发表|發表|刊发|刊發|报道|报导|報導|报告的|報告的|等人|团队|團隊|课题组|課題組|"
                        # a study its site or team ran ("某大学医院开展的RENOVA-T1试验[4]", "由该院完成的随机对照研究[2]",
                        # "the RENOVA-T1 trial [4]")
                        r"(?:开展|開展|完成|实施|實施|进行|進行)的[^,，。;；]{0,24}?(?:试验|試驗|研究)\s*$|"
                        r"(?-i:\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\s+(?:trial|study)\s*$|"
                        r"一项[^,，。]{0,20}(?:研究|试验|試驗)|\bet al\b|\bpublished\b|\breported\b|\bteam\b|\bthe same group\b",
                        re.IGNORECASE)
CITE_WINDOW = 80
# a citing sentence whose subject is one study ("A second open-label trial enrolled 36 people…[2]", "另一项
# 研究纳入…[3]"): with a cohort in it, it describes that study however far the marker is from its subject
STUDY_SUBJECT_LEAD = rx(
    r"\s*(?:(?:A|An|One|Another|The\s+(?:first|second|third))\s+(?:[\w/-]+\s+){0,4}?(?:study|trial|analysis|meta-analysis)\b"
    r"|(?:另一|第[一二三四五]|一)\s*[项項个個][^,，。]{0,30}?(?:研究|试验|試驗))", re.IGNORECASE)
# a study cited by its authors: "宋明辉等[12]开展的…研究", "唐等[13]的随机对照研究", "Rahman and colleagues1 pooled";
# after a Chinese "等" the words that follow must name a study ("骨髓、脐带和脂肪等[7]" lists sources)
AUTHOR_BEFORE_MARKER = rx(r"(?:\bet al\.?|(?:\band|&) (?:colleagues|co-?workers)|[A-Za-z\u4e00-\u9fff]\s*等)\s*$",
                                  re.IGNORECASE)
STUDY_AFTER_MARKER = rx(r"[^。;；!?！？,，]{0,16}?(?:研究|试验|試驗|分析|综述|綜述|病例|报告|報告|发表|發表|报道|报导|報導|"
                                r"开展|開展|纳入|納入|进行|進行)")
# a citing verb alone, and the generic subjects that make it a background claim ("既往研究报道…[3]")
WEAK_CITE = rx(r"发表|發表|刊发|刊發|报道|报导|報導|报告的|報告的|published|reported", re.IGNORECASE)
GENERIC_SUBJECT = rx(r"既往研究|以往研究|既往文献|既往文獻|以往文献|以往文獻|既往報導|多项研究|多項研究|大量研究|"
                             r"不少研究|许多研究|許多研究|有研究|已有研究|\b(?:previous|prior|earlier|several|many|other)\s+"
                             r"(?:studies|research|reports|work)\b|\bstudies\s+have\b", re.IGNORECASE)
# "(文献支持:[6][8])", "(see [3])": a citation that supports a claim, not a described study
SUPPORT_NOTE = rx(r"文献|文獻|参考|參考|支持|来源|來源|\bsee\b|\bref", re.IGNORECASE)
# registry ids given as examples of trials, not as the id of the study being reported
REGISTRY_LISTING = rx(r"例如|比如|诸如|諸如|譬如|等(?:试验|試驗|研究|项目|項目|临床|臨床)|"
                              # "多项同类试验仍在进行中，如评估…的NCT06620417", "，像是NCT…"
                              r"[,，:：]\s*(?:如|像是)(?![果何此今同期实實])|"
                              r"\be\.g\.|\bsuch as\b|\bfor example\b|\bfor instance\b|\bincluding\b", re.IGNORECASE)
# text before the first intro of a multi-study post reports a study of its own
# a cohort size of two or more in words: "Twelve adults", "twenty-four patients", "十二名患者"
_EN_COUNT_WORD = (rf"(?:(?:{'|'.join(EN_TENS_WORDS)})(?:-(?:{'|'.join(EN_UNIT_WORDS)}))?|{'|'.join(EN_TEEN_WORDS)}|"
                  rf"{'|'.join(w for w in EN_UNIT_WORDS if w != 'one')})")
_ZH_COUNT_WORD = r"(?<![一二两兩三四五六七八九十百第])(?:[二两兩三四五六七八九]|[一二两兩三四五六七八九]?[十百][一二两兩三四五六七八九十零]*)"
LEAD_STUDY = rx(rf"(?:(?<!\d)\d+|{_ZH_COUNT_WORD})\s*(?:名|例|位|只|隻)[^,，。]{{0,8}}?(?:患者|病人|病患|受试者|受試者|志愿者|志願者|儿童|兒童|小鼠|大鼠)|"
                        rf"(?:\b\d[\d,]*|\b{_EN_COUNT_WORD})\s+(?:(?:[\w/-]+\s+){{0,2}}(?:patients|participants|subjects|volunteers|adults|children|"
                        r"recipients|individuals|mice|rats)|of\s+\d+\s+(?:patients|participants|mice))\b|\(\s*n\s*=\s*\d+",
                        re.IGNORECASE)
# a section's cohort of people counted in words ("Six people with type 1 diabetes received…"; "537 million people"
# is a tally)
PEOPLE_IN_WORDS = rx(rf"\b{_EN_COUNT_WORD}\s+(?:\w+\s+){{0,2}}?(?:people|persons|men|women)\b", re.IGNORECASE)
APPROX_BEFORE = rx(r"(?:\bmore than|\bover|\bnearly|\balmost|\bupwards of|超过|超過|逾)\s*$", re.IGNORECASE)
# a lead that announces the cases told below ("今天，我们分享其中三位患者的故事") is their introduction
CASES_INTRO = rx(r"(?:分享|介绍|介紹|讲述|講述|来看|來看|以下|下面)[^。!?！？]{0,20}?(?:故事|案例|病例|个案|個案)|"
                         # "以下分享两例患者的治疗经过": the cases are counted
                         r"(?:分享|介绍|介紹|讲述|講述)[^。!?！？]{0,6}?(?:\d+|[两兩二三四五六七八九十])\s*(?:例|位|名)(?:患者|病人|病患)|"
                         r"\b(?:here are|we share|we tell|meet)\b[^.]{0,40}?\b(?:stories|cases)\b", re.IGNORECASE)
# a flattened table: a header row and data rows with the same number of cells
TABLE_CELL_SEP = rx(r"\s*\|\s*|\t+")
TABLE_MIN_CELLS = 3
TABLE_MIN_ROWS = 2
# a Markdown header separator row ("|---|:---:|---|"): part of the table, not a row of it
TABLE_RULE = rx(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# a table of studies (one study per row) names studies in its first column: its header says so
# ("研究/注册号", "Study", "Trial"), or its rows start with a registry id, "Author et al"/"X等" or a year
STUDY_COLUMN = rx(r"研究|试验|試驗|注册|註冊|登记|登記|编号|編號|文献|文獻|作者|项目|項目|"
                          r"\b(?:Study|Studies|Trial|Trials|Registry|Reference|Author|Authors|Source|NCT)\b", re.IGNORECASE)
STUDY_ROW_LEAD = rx(r"\bet al\b|等\s*[(（\d]|等$|\b(?:19|20)\d{2}\b|(?:19|20)\d{2}\s*年", re.IGNORECASE)
YEAR_IN_HEADING = rx(r"(\d{4})\s*年")
# the number that opens a row of a table of studies ("1 Adolescents…", "2. Adults…", "3 | …")
ROW_NUMBER = rx(r"^\s*\d{1,3}(?:\s*[.)、|]\s*|\s+)(?=\S)(?![\d.,%×x*/-])")
REF_YEAR_TOLERANCE = 1
# a numbered list of this many items, each with a registry id of its own, lists studies
REGISTRY_ITEMS_MIN = 2
# a document whose text describes this many cited studies may be a commentary on them with no study of its own
CITED_ONLY_MIN = 2
# a single-study document without an institution in its intro: the first one in its opening text
INSTITUTION_LEAD_CHARS = 400


@dataclass
class Mention:
    """One study as reported in a document: its text spans and study-level hits found by segmentation."""

    spans: list[tuple[int, int]]
    hits: list[Hit] = field(default_factory=list)   # title, journal, pub_date, doi, pmid, ... with offsets
    kind: str = "document"          # document | study | citation | nested | registry
    intro: Optional[tuple[int, int]] = None         # the sentence that introduces the study
    refs: list[int] = field(default_factory=list)   # indices into the reference list's entries
    # text that is no part of the study but tells its row of a table what it is (caption, header, group
    # heading): read for study-level fields the mention's own text does not state
    context: list[tuple[int, int]] = field(default_factory=list)
    # hits segmentation read in that context (a group heading's design), taken only for a field the
    # mention's own text and context give no hit for
    context_hits: list[Hit] = field(default_factory=list)
    # the fields read from ``context`` (None: the default set of ``assemble.CONTEXT_FIELDS``)
    context_fields: Optional[frozenset[str]] = None
    # a remainder left after two or more studies were cut out of its paragraphs: kept only when its record holds
    # a number or an identifier of its own (a review's or roundup's text around the studies it tells is none)
    weak: bool = False


@dataclass
class _Line:
    start: int
    end: int
    text: str                       # the matching view of the line


# --- stage 1: body ------------------------------------------------------------------------

def _lines(doc: Document, start: int, end: int) -> list[_Line]:
    out, pos = [], start
    while pos < end:
        nl = doc.view.find("\n", pos, end)
        e = end if nl < 0 else nl
        if doc.view[pos:e].strip():
            out.append(_Line(pos, e, doc.view[pos:e]))
        pos = e + 1
    return out


def body_end(doc: Document, refs: Optional[ReferenceList]) -> int:
    """Where study text ends: the reference list, or a trailing disclaimer block."""
    end = refs.start if refs else len(doc.text)
    for m in TAIL_START.finditer(doc.view, 0, end):
        if m.start() >= TAIL_MIN_FRACTION * len(doc.text):
            return m.start()
    return end


def is_boilerplate(line: _Line) -> bool:
    """A line of site furniture (navigation, contact, related-reading link, disclaimer)."""
    return bool(BOILERPLATE_LINE.match(line.text) or BOILERPLATE_ANY.search(line.text))


def _structural(line: _Line) -> bool:
    """A heading that opens a new part of the article (a case, a month, a Chinese/Roman ordinal section).

    Digit-numbered lines ("1. …") do not count: related-reading lists are numbered that way.
    """
    return bool(CASE_HEADING.match(line.text) or (is_heading(line) and (
        MONTH_HEADING.match(line.text) or (ORDINAL_HEADING.match(line.text) and not DIGIT_ITEM.match(line.text))
        or (line.text.lstrip().startswith("About ") and not FURNITURE_SECTION.match(line.text)))))


# a forum thread: the original poster ("楼主：柳州老周", "OP: …") and the header of a reply ("2楼　甜蜜的负担：", "#3 Reply by …")
FORUM_OP = rx(r"^\s*(?:楼主|樓主|OP)\s*[:：]\s*(\S+)")
FORUM_REPLY = rx(r"^\s*(?:(\d{1,4})\s*[楼樓]|#(\d{1,4})|Reply\s*#?(\d{1,4}))\s*(?:by\s+)?([^\s:：]*)")


def anecdotal_replies(lines: list[_Line]) -> set[int]:
    """Indexes of the lines of other posters' replies in a forum thread that report no study: "2楼　甜蜜的负担：我表姐
    在私立医院打的脐带干细胞，一针5000万个细胞" is another treatment told in passing (a reply citing a study, with its
    cohort or journal, stays: "2楼 内分泌医生：某医院在《…》发表了180例…")."""
    op = next((m.group(1) for ln in lines if (m := FORUM_OP.match(ln.text))), None)
    if op is None:
        return set()
    heads = [(k, m) for k, ln in enumerate(lines) if (m := FORUM_REPLY.match(ln.text))]
    out: set[int] = set()
    for n, (k, m) in enumerate(heads):
        number, name = int(next(g for g in m.groups()[:3] if g)), m.group(4).rstrip(":：")
        if number < 2 or name in (op, "楼主", "樓主", "OP") or op in lines[k].text:
            continue
        stop = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        if not any(_study_content(ln) or "《" in ln.text for ln in lines[k + 1:stop]):
            out.update(range(k, stop))
    return out


# the comments under a social-media post: a heading ("热门评论:", "💬 回覆", "Comments"), then one line per comment,
# "handle:text" ("@桂花糕不加糖:我爸糖化9.3…", "  sunnymama.hk:…", "Reply from @islet_nerd: …")
COMMENTS_HEADING = rx(r"^\s*(?:💬\s*)?(?:热门评论|熱門評論|精选评论|精選評論|全部评论|全部評論|评论|評論|回复|回覆|留言|"
                              r"(?:Top\s+)?[Cc]omments?|Replies)\s*(?:\(\d+\)|（\d+）)?\s*[:：]?\s*$")
COMMENT_LINE = rx(r"^\s*(?:Reply\s+from\s+)?@?[\w.\-\u4e00-\u9fff]{2,24}\s*(?:回复|回覆|replied)?\s*[:：]")


# a push comment under a PTT post ("推 bloodsugar: 只有4個人...先觀望   12/01 16:05", "噓 …", "→ …"): a reader's remark,
# never the post's report (a pusher's own A1c, hearsay about another trial)
PTT_PUSH = rx(r"^\s*(?:推|噓|嘘|→)\s*[A-Za-z0-9_.-]{2,20}\s*[:：]")
PTT_PUSH_MIN = 2


def push_comments(lines: list[_Line]) -> set[int]:
    """Indexes of a PTT thread's push comment lines (two or more in the document)."""
    out = {k for k, ln in enumerate(lines) if PTT_PUSH.match(ln.text)}
    return out if len(out) >= PTT_PUSH_MIN else set()


def social_comments(lines: list[_Line]) -> set[int]:
    """Indexes of the comment lines after a social post's comments heading that report no study (a reader's own
    HbA1c, a clinic's price, a question); a comment that cites a study (a cohort, a journal) stays."""
    start = next((k for k, ln in enumerate(lines) if COMMENTS_HEADING.match(ln.text)), None)
    if start is None:
        return set()
    out = {start}
    for k in range(start + 1, len(lines)):
        ln = lines[k]
        if not COMMENT_LINE.match(ln.text):
            break
        if not (_study_content(ln) and (LEAD_STUDY.search(ln.text) or "《" in ln.text)):
            out.add(k)
    return out


def product_box_study(lines: list[_Line], k: int) -> bool:
    """Is line k the heading of a box about another product ("About QN-118") that tells a trial of it: a cohort and a
    treatment or result in the box, and the product's code named nowhere before the box (not the reported product)?"""
    m = PRODUCT_BOX.match(lines[k].text)
    if m is None or any(m.group("code") in ln.text for ln in lines[:k]):
        return False
    box = []
    for ln in lines[k + 1:]:
        if FURNITURE_SECTION.match(ln.text) or PRODUCT_BOX.match(ln.text) or END_MARK.match(ln.text):
            break
        box.append(ln.text)
    text = " ".join(box)
    if not ((LEAD_STUDY.search(text) or PEOPLE_IN_WORDS.search(text) or section_cohort(text)) and TREATED.search(text)):
        return False
    # (a box that counts only the cohort the release reported above is about the reported trial, whatever its code)
    before = " ".join(ln.text for ln in lines[:k])
    own = segment_openers.cohort_numbers(text, 0, len(text))
    return not own or not own <= segment_openers.cohort_numbers(before, 0, len(before))


def drop_furniture(lines: list[_Line]) -> list[_Line]:
    """Body lines without boilerplate lines, furniture sections and anything after an end mark.

    A furniture section (related links, "About <company>", forward-looking statements, database
    furniture such as "Similar articles") runs from its heading to the next structural heading; another
    poster's anecdote in a forum thread runs to the next reply.
    """
    out: list[_Line] = []
    skipping = False
    opening = False                 # the section opened the document, before any text was kept
    anecdotes = anecdotal_replies(lines) | social_comments(lines) | push_comments(lines)
    ended = False
    for k, ln in enumerate(lines):
        if ended:
            # a release's fact box after its end mark ("###" / "JOURNAL" / "Journal of …" / "DOI" / "10.…" / "ARTICLE
            # PUBLICATION DATE" / "23-Sep-2026"): the paper's journal, DOI and date, nothing else
            if PUB_BOX_LABEL.match(ln.text) or (k > 0 and PUB_BOX_BARE_LABEL.match(lines[k - 1].text)):
                out.append(ln)
            continue
        if END_MARK.match(ln.text):
            ended = True
            continue
        if k in anecdotes:
            continue
        if FURNITURE_SECTION.match(ln.text) and not product_box_study(lines, k):
            skipping, opening = True, not any(not is_heading(o) for o in out)
            continue
        if skipping and opening and _study_content(ln):
            skipping = False        # "About Our Summary / This note covers a phase 1 trial…": the report itself
        if skipping and not _structural(ln):
            continue
        skipping = False
        if not is_boilerplate(ln):
            out.append(ln)
    return out


# a line that reports a study (ends a furniture-looking first section): a cohort, a case, a trial or an id
STUDY_CONTENT = rx(r"\b(?:trial|study|pilot|case report|participants|patients)\b|试验|試驗|研究|病例|患者|受试者|受試者",
                           re.IGNORECASE)


def _study_content(line: _Line) -> bool:
    """Does the line report a study: a trial/study word with a cohort, a patient, an id or a publication?"""
    t = line.text
    if registry_ids(t) or find_dois(t):
        return True
    return bool(STUDY_CONTENT.search(t) and (LEAD_STUDY.search(t) or CASE_CUE.search(t) or section_cohort(t)
                                             or re.search(r"\bphase\s+(?:[1-3IV]+|one|two|three)\b|[1-3一二三]\s*期|\d", t, re.I)))


def is_heading(line: _Line) -> bool:
    """A short line with no sentence punctuation inside (a title or section heading)."""
    t = line.text.strip()
    return len(t) <= MAX_HEADING_CHARS and not re.search(r"[。;；]|[,，][^,，]*[,，]", t)


# --- stage 2: anchors ---------------------------------------------------------------------

def first_sentence(line: _Line) -> tuple[int, int]:
    m = SENTENCE_END.search(line.text)
    end = line.start + (m.end() if m else len(line.text))
    return line.start, end


def intro_sentence(doc: Document, line: _Line) -> tuple[int, int]:
    """The sentence of an intro line that opens its study: the first, or the later one holding a
    'YYYY年《期刊》报道' claim ("答:还不能。2024年《自然·代谢》报道,…")."""
    s, e = first_sentence(line)
    yj = YEAR_JOURNAL.search(line.text)
    if yj is None or line.start + yj.start() < e:
        return s, e
    start = line.start + max((m.end() for m in SENTENCE_END.finditer(line.text, 0, yj.start())), default=0)
    m = SENTENCE_END.search(line.text, yj.end())
    return start, line.start + (m.end() if m else len(line.text))


def is_intro(doc: Document, line: _Line, max_ref: Optional[int]) -> bool:
    """Does this line open a study: a dated publication intro or a 'YYYY年《期刊》报道' claim?"""
    t = line.text
    if SOURCE_LEAD.match(t):
        return False
    s, e = first_sentence(line)
    first = doc.view[s:e]
    if ANAPHORA.search(first[:20]) or PRIOR_STUDY.search(first) or PRIOR_PUBLICATION.search(first):
        return False                    # "该团队2021年曾在《X》发表一项…": an earlier study, told inside another
    if SEVERAL_JOURNALS.search(first):
        return False                    # "《Cell》《Nature Biotechnology》等国际权威期刊先后发表了相关研究": no one study
    if DATE_LEAD.match(t):
        head = t[:200]
        return bool(PUB_VERB.search(head) or "《" in head or find_markers(head, max_number=max_ref))
    return bool(YEAR_JOURNAL.search(t) or JOURNAL_PUB.search(first) or EN_PUB.search(first))


@dataclass
class _Boundary:
    pos: int                        # line start
    kind: str                       # intro | case | month | question | end
    line: _Line


def _section_reports_study(doc: Document, heading: _Line, section: list[_Line], max_ref: Optional[int],
                           head_lines: Optional[list[_Line]] = None) -> bool:
    """Does a numbered section (not an article part like 'Methods') report a study of its own?

    ``head_lines`` are the section's first lines, short label lines included ("doi:10.1186/…").
    """
    if not section or PART_HEADING.match(heading.text):
        return False
    # a registry id or a DOI names the study; a sentence says where it was published
    if any(registry_ids(ln.text[:300]) or find_dois(ln.text[:300]) for ln in (head_lines or section)[:SECTION_HEAD_LINES]):
        return True
    if any(PUBLICATION_SENTENCE.search(ln.text) for ln in section[:SECTION_HEAD_LINES]):
        return True
    # the opening lines ("論文：…", "期刊：…" labels may come before the text that names the cohort)
    if HEADING_COHORT.search(heading.text) or HEADING_STUDY.search(heading.text):
        return True                     # "二、胎盤間質幹細胞…：40人對照研究", "Study 2: 812 patients"
    opening = section[:SECTION_HEAD_LINES]
    for ln in opening:
        cue = study_cue(ln.text[:120], ln.text[:300])
        if cue:
            # "本研究对191例患者…": a part of the study already introduced; "宋明辉等[12]开展的…30例患者":
            # a cited study, which stage 4 makes a mention of its own
            return not (ANAPHORA.search(ln.text[:cue.start()])
                        or (max_ref and find_markers(ln.text[:cue.start()], max_number=max_ref)))
    return any(is_intro(doc, ln, max_ref) for ln in opening)


# an answer's cohort was treated or measured: "接受治療", "植入", "received", "HbA1c"
TREATED = rx(r"接受|治疗|治療|植入|移植|输注|輸注|回输|回輸|停用|糖化|HbA1c|\b(?:received|treated|infused|implanted|"
             r"transplanted|enrolled|randomi[sz]ed)\b", re.IGNORECASE)


def _zero_item(line: _Line) -> bool:
    """A digest item numbered "01 …" whose title names a therapy or a study (not a part of one article's story)."""
    return bool(ZERO_TITLED.match(line.text) and ZERO_ITEM_TITLE.search(line.text) and not ZERO_ITEM_PART.match(line.text))


# who treated an answer's cohort: the institution, its team, a trial ("本院…", "團隊的第一期臨床試驗", "our trial", "here")
ANSWER_OWNER = rx(r"本院|我院|本中心|我们|我們|该院|該院|医院|醫院|团队|團隊|中心|试验|試驗|研究|\b(?:we|our|here|hospital|"
                  r"cent(?:re|er)|team|trial|study|programme|program)\b", re.IGNORECASE)
# a count that is a part of a cohort told before: "Eight of the 12 patients", "12人中有8人", "其中4位"
PART_OF_COHORT = rx(r"\bof (?:the|these|those|them|our)\b|\d+\s*(?:人|名|位|例)\s*中|其中|之中", re.IGNORECASE)
PART_OF_REACH = 12


def _answer_reports_study(doc: Document, question: _Line, answer: list[_Line], max_ref: Optional[int]) -> bool:
    """Does a question's answer report a cohort or patient of its own (not only cite a study, which its intro opens)?"""
    if not answer or any(is_intro(doc, ln, max_ref) for ln in answer[:SECTION_HEAD_LINES]):
        return False
    # (people on a waiting list or asking about treatment are no cohort: the answer tells them treated or measured, by
    # whom, and they are no part of a cohort an earlier answer told: "Eight of the 12 patients…", "12人中有8人…")
    for ln in answer[:SECTION_HEAD_LINES]:
        cue = study_cue(ln.text[:200], ln.text[:300])
        if cue is None or not TREATED.search(ln.text) or not (ANSWER_OWNER.search(ln.text)
                                                             or ANSWER_OWNER.search(question.text)):
            continue
        if not PART_OF_COHORT.search(ln.text, max(0, cue.start() - PART_OF_REACH), cue.end() + PART_OF_REACH):
            return True
    return False


def _cells(text: str) -> int:
    return len([c for c in TABLE_CELL_SEP.split(text.strip()) if c.strip()])


def _first_cell(text: str) -> str:
    return next((c for c in TABLE_CELL_SEP.split(text.strip()) if c.strip()), "")


def _study_table(header: _Line, rows: list[_Line]) -> bool:
    """A table of studies, not a table of one study's variables ("Age, years | 58.3 | 59.9")."""
    if STUDY_COLUMN.search(_first_cell(header.text)) or segment_tables.parse_header(header.text) is not None:
        return True
    leads = [_first_cell(r.text) for r in rows]
    named = sum(bool(registry_ids(c) or STUDY_ROW_LEAD.search(c)) for c in leads)
    if 2 * named > len(leads):
        return True
    # a pipeline table ("产品 | 机构 | 阶段 | 登记号 | 关键数据"): each row carries a trial id of its own
    ids = [tuple(r[0] for r in registry_ids(row.text)) for row in rows]
    return 2 * sum(len(i) == 1 for i in ids) > len(rows) and len({i for i in ids if i}) == sum(bool(i) for i in ids)


def table_rows(lines: list[_Line]) -> dict[int, str]:
    """Line index -> 'row' for the data rows of flattened tables, 'end' for their header rows.

    A table is a header line with at least three cells (split on '|' or tabs) followed by at
    least two lines with the same number of cells that hold a number; each row is one study.
    """
    out: dict[int, str] = {}
    i = 0
    while i < len(lines):
        n = _cells(lines[i].text) if TABLE_CELL_SEP.search(lines[i].text.strip()) else 0
        if n < TABLE_MIN_CELLS:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (TABLE_RULE.match(lines[j].text) or (
                abs(_cells(lines[j].text) - n) <= 1 and re.search(r"\d", lines[j].text)
                and TABLE_CELL_SEP.search(lines[j].text.strip()))):
            j += 1
        data = [k for k in range(i + 1, j) if not TABLE_RULE.match(lines[k].text)]
        if len(data) >= TABLE_MIN_ROWS and _study_table(lines[i], [lines[k] for k in data]):
            out[i] = "end"
            out.update({k: "row" for k in data})
            if j < len(lines):
                out[j] = "end"
        i = max(j, i + 1)
    return out


def plain_tables(lines: list[_Line]) -> tuple[dict[int, str], dict[int, list[tuple[int, int]]]]:
    """Tables of studies whose header is made of column words, in any layout (``segment_tables``).

    Returns line index -> 'row' (a row's first line) or 'end' (header, caption, group heading, the line
    after the table), and row line start -> its context spans (caption, header, group heading).
    Continuation lines of a wrapped row are no boundary: they stay with the row above.
    """
    marks: dict[int, str] = {}
    context: dict[int, list[tuple[int, int]]] = {}
    for tbl in segment_tables.find_tables([ln.text for ln in lines]):
        furniture = [k for k in (tbl.caption, tbl.header) if k is not None]
        for k in furniture + list(tbl.groups.values()):
            marks[k] = "end"
        for r, row in enumerate(tbl.rows):
            marks[row[0]] = "row"
            ctx = furniture + ([tbl.groups[r]] if r in tbl.groups else [])
            context[lines[row[0]].start] = [(lines[k].start, lines[k].end) for k in ctx]
        if tbl.end < len(lines):
            marks.setdefault(tbl.end, "end")
    return marks, context


def boundaries(doc: Document, lines: list[_Line], max_ref: Optional[int]) -> list[_Boundary]:
    """Lines that open a study (intro, case, table row) or close one (month/summary/ordinal headings)."""
    records = [ln for ln in lines if RECORD_START.match(ln.text)]
    if len(records) >= RECORDS_MIN:
        # an export of bibliographic records: each record is a study, whatever its abstract says
        return [_Boundary(ln.start, "record", ln) for ln in records]
    out: list[_Boundary] = []
    rows = table_rows(lines)
    plain, _ = plain_tables(lines)
    for k, kind in plain.items():
        if kind == "row" or k not in rows:
            rows[k] = kind
    ordinal = [ln.start for ln in lines if not is_heading(ln) and ORDINAL_STUDY_LEAD.match(ln.text)]
    ordinal_leads = set(ordinal) if len(ordinal) >= ORDINAL_STUDY_MIN else set()
    seq = [ln for ln in lines if not is_heading(ln) and _sequence_lead(ln.text)
           and (SEQUENCE_STUDY.search(ln.text) or study_cue(ln.text[:200], ln.text[:300]))]
    if len(seq) >= SEQUENCE_MIN and _sequence_lead(seq[0].text).group(1):
        ordinal_leads.update(ln.start for ln in seq)   # the first item says "first"
    dated = [ln.start for ln in lines if not is_heading(ln) and DATELINE.match(ln.text)]
    if len(dated) >= DATELINE_MIN:
        ordinal_leads.update(dated)
    for i, ln in enumerate(lines):
        if (CASE_HEADING.match(ln.text) or product_box_study(lines, i)) and i not in rows:
            out.append(_Boundary(ln.start, "case", ln))
        elif is_heading(ln) and MONTH_HEADING.match(ln.text):
            out.append(_Boundary(ln.start, "month", ln))
        elif is_heading(ln) and QUESTION_HEADING.match(ln.text):
            # a question whose answer reports a cohort of its own ("Q3：本院的治療成果如何？ / 本院…共有6位病人…")
            # opens that study; other questions close the answer before them
            answer = []
            for nxt in lines[i + 1:]:
                if is_heading(nxt) and (QUESTION_HEADING.match(nxt.text) or CASE_HEADING.match(nxt.text)):
                    break
                if not is_heading(nxt):
                    answer.append(nxt)
            kind = "case" if _answer_reports_study(doc, ln, answer, max_ref) else "question"
            out.append(_Boundary(ln.start, kind, ln))
        elif i in rows:
            out.append(_Boundary(ln.start, rows[i], ln))
        elif is_heading(ln) and (ORDINAL_HEADING.match(ln.text) or _zero_item(ln)):
            # a numbered section introduces a study when its text reports one (a patient, a cohort,
            # a registry id, a publication) before the next numbered heading
            section, head_lines = [], []
            for nxt in lines[i + 1:]:
                if is_heading(nxt) and (ORDINAL_HEADING.match(nxt.text) or CASE_HEADING.match(nxt.text)):
                    break
                head_lines.append(nxt)
                if not is_heading(nxt):
                    section.append(nxt)
            if _section_reports_study(doc, ln, section, max_ref, head_lines):
                out.append(_Boundary(ln.start, "case", ln))
            elif not (DIGIT_ITEM.match(ln.text) or ZERO_NUMBER.match(ln.text)):
                out.append(_Boundary(ln.start, "end", ln))   # digit-numbered parts were never boundaries
        elif is_heading(ln) and SUMMARY_HEADING.search(ln.text.strip()):
            out.append(_Boundary(ln.start, "end", ln))
        elif not is_heading(ln) and (ln.start in ordinal_leads or is_intro(doc, ln, max_ref)):
            out.append(_Boundary(ln.start, "intro", ln))
    if not out:
        out.extend(_Boundary(ln.start, "case", ln) for ln in subheaded_studies(doc, lines, max_ref))
    # a numbered list whose items each name a trial of their own by its registry id is a list of studies
    taken = {b.pos for b in out}
    items = registry_items(lines)
    out.extend(_Boundary(ln.start, "row", ln) for ln in items if ln.start not in taken)
    if items:
        # the last registered trial ends at the next item of another numbering style ("2. XH-AD03…" after "（2）…")
        last = next(k for k, ln in enumerate(lines) if ln.start == items[-1].start)
        nxt = next((ln for ln in lines[last + 1:] if DIGIT_ITEM.match(ln.text)), None)
        if nxt is not None and nxt.start not in taken:
            out.append(_Boundary(nxt.start, "end", nxt))
    out.sort(key=lambda b: b.pos)
    # one digit-numbered section that reports a study is a part of the article, not a list of studies
    numbered = [b for b in out if b.kind == "case" and not CASE_HEADING.match(b.line.text)
                and (DIGIT_ITEM.match(b.line.text) or ZERO_NUMBER.match(b.line.text))]
    if len(numbered) == 1:
        out.remove(numbered[0])
    return out


def _sequence_lead(text: str) -> Optional[re.Match[str]]:
    """The sequence word that opens an item of a roundup ("First up:", "接下来是…", "先说芦汀市人民医院。"); group 1 is
    set for the first item. A spoken lead needs an institution in the words after it."""
    lead = SEQUENCE_LEAD.match(text)
    if lead is not None:
        return lead
    for spoken, reach in ((SPOKEN_SEQUENCE, SPOKEN_ITEM_CHARS), (SPOKEN_SEQUENCE_EN, 2 * SPOKEN_ITEM_CHARS)):
        lead = spoken.match(text)
        if lead is None:
            continue
        stop = SPOKEN_ITEM_END.search(text[lead.end():lead.end() + reach])
        item = text[lead.end():lead.end() + (stop.start() if stop else reach)]
        return lead if segment_openers.ORG_WORD.search(item) else None
    return None


# a paragraph that turns back to an earlier item of a roundup by its short name ("而芦汀这边还有一点:…", "枫岭那边的医生说…",
# "至於蘆汀那邊,…", "Back at Luting, …", "As for the Fengling team, …"): it belongs to that item, not to the one before it
RETURN_TO_ITEM = rx(r"^\s*(?:而|至于|至於|回到|说回|說回|再回到)?\s*(?P<zh>[\u4e00-\u9fff]{2,6}?)(?:这边|這邊|那边|那邊|这一边|這一邊)|"
                    # "至于芦汀市人民医院的研究,…", "說回楓嶺醫學院團隊:…"
                    r"^\s*(?:至于|至於|回到|说回|說回|再回到)\s*(?P<zh2>[\u4e00-\u9fff]{2,12}?)(?:的?(?:研究|试验|試驗|团队|團隊|数据|數據))?"
                    r"\s*[,，:：]|"
                    r"^\s*(?:Back (?:at|in|to)|As for|Returning to|Over at)\s+(?:the\s+)?(?P<en>(?-i:[A-Z][A-Za-z-]+)(?: (?-i:[A-Z][A-Za-z-]+))?)",
                    re.IGNORECASE)


def _return_paragraphs(segs: list[_Segment]) -> None:
    """Move each paragraph that turns back to an earlier item by name (``RETURN_TO_ITEM``) into that item's segment: the
    name must sit in exactly one other segment's opening line and not in its own."""
    if len(segs) < 2:
        return
    heads = [seg.intro.text if seg.intro else "" for seg in segs]
    for k, seg in enumerate(segs):
        for ln in list(seg.lines):
            if seg.intro is not None and ln.start <= seg.intro.start:
                continue
            back = RETURN_TO_ITEM.match(ln.text)
            if back is None:
                continue
            name = back.group("zh") or back.group("zh2") or back.group("en")
            owners = [j for j, h in enumerate(heads) if name in h]
            if len(owners) != 1 or owners[0] == k:
                continue
            seg.lines.remove(ln)
            segs[owners[0]].lines.append(ln)
            segs[owners[0]].lines.sort(key=lambda l: l.start)


# a subheading that names a part of one study's story, not a study ("Results", "What's next", "专家点评")
STORY_PART = rx(r"\b(?:background|methods?|design|results?|findings|outcomes?|safety|efficacy|discussion|conclusions?|"
                        r"limitations|next steps?|about|comments?|expert|reaction|context|pivotal|supportive|overview)\b|"
                        r"^\s*(?:the\s+)?(?:treatment|patients?|trial|study)\s*$|"
                        r"背景|方法|设计|設計|结果|結果|概况|概況|疗效|療效|安全|讨论|討論|结论|結論|专家|專家|点评|點評|"
                        r"下一步|展望|关于|關於", re.IGNORECASE)
# page furniture, bylines, datelines, labels, list items and questions are no study's subheading
# (a headline's colon is no label: "Pooled data: MSC lowers A1c modestly"; "Source: Reuters" is one)
NOT_A_SUBHEADING = rx(r"[|›»•?？]|^\s*(?:[-–*·]|\d|[(（]|第|by\s|updated|posted)|(?:19|20)\d\d|下载|下載|关注|關注|来源|來源|"
                              r"\b(?:why|what|how|when|where|who|which)\b|"
                              r"^\s*(?:sources?|published|tags?|keywords?|photo|image|credit|editor|author|reporter|date|time|Q|A|"
                              r"作者|编辑|編輯|责编|責編|记者|記者|日期|时间|時間|发布|發布|标签|標籤|关键词|關鍵詞|图|圖|问|問|答)\s*[:：]",
                              re.IGNORECASE)
SUBHEADED_MIN = 2


def _headline(line: _Line) -> bool:
    """A short line in headline form though it lists with commas ("Six patients, one procedure, no immunosuppression"):
    no sentence punctuation inside or at its end."""
    t = line.text.strip()
    return len(t) <= MAX_HEADING_CHARS and not re.search(r"[。;；!?！？]|[.:：]\s*$|\.\s", t)


def subheaded_studies(doc: Document, lines: list[_Line], max_ref: Optional[int]) -> list[_Line]:
    """Unnumbered subheadings of a roundup, each over a section that reports a study of its own ("A patient's own
    cells, turned into islets / A 52-year-old man…", "Pooled evidence… / A meta-analysis… 612 participants…"):
    at least two, each opening with a cohort or case of a different size; the document's title and subheadings
    naming a part of one story (results, safety, expert comment) are not candidates."""
    heads = [k for k, ln in enumerate(lines) if k > 0 and (is_heading(ln) or _headline(ln)) and not STORY_PART.search(ln.text)
             and not NOT_A_SUBHEADING.search(ln.text) and k + 1 < len(lines) and not is_heading(lines[k + 1])]
    found: list[tuple[_Line, str]] = []
    for n, k in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(lines)
        section = [ln for ln in lines[k + 1:stop] if not is_heading(ln)]
        if not _section_reports_study(doc, lines[k], section, max_ref):
            continue
        opening = " ".join(ln.text for ln in section[:SECTION_HEAD_LINES])
        cue = study_cue(opening, opening)
        found.append((lines[k], _cue_size(cue.group(0)) if cue else ""))
    sizes = [size for _, size in found]
    if len(found) < SUBHEADED_MIN or "" in sizes or len(set(sizes)) < len(sizes):
        return []
    return [ln for ln, _ in found]


def study_cue(case_text: str, cohort_text: str) -> Optional[re.Match[str]]:
    """The first patient (in ``case_text``) or cohort (in ``cohort_text``) a section opens with, a planned one
    not counted ("its phase 3 trial will need about 60 participants", "计划招募60名患者")."""
    for rx, text in ((CASE_CUE, case_text), (LEAD_STUDY, cohort_text), (SECTION_COHORT, cohort_text),
                     (PEOPLE_IN_WORDS, cohort_text)):
        for m in rx.finditer(text):
            if rx is SECTION_COHORT and _tally_before(text, m.start()):
                continue   # a worldwide or nationwide tally
            if not PLAN_BEFORE.search(CLAUSE_END.split(text[max(0, m.start() - PLAN_REACH):m.start()])[-1]):
                return m
    return None


CLAUSE_END = rx(r"[.。;；!?！？]")
_CUE_NUMBER = rx(rf"\d[\d,]*|{_ZH_COUNT_WORD}|\b{_EN_COUNT_WORD}\b|[一1]", re.IGNORECASE)


def _cue_size(cue: str) -> str:
    """The size a cohort or case cue states ("Twelve adults" -> "12", "一名…患者" -> "1"), as text."""
    m = _CUE_NUMBER.search(cue)
    n = parse_number(m.group(0).replace(",", "").lower()) if m else None
    return str(int(n)) if n is not None else ""


# the numbering styles of list items: "1." / "1、", "1)" / "1）", "(1)" / "（1）"; a list nested in another uses another one
ITEM_STYLES = (rx(r"^\s*\d{1,2}\s*[、.．](?![\d.])"), rx(r"^\s*\d{1,2}\s*[)）]"),
               rx(r"^\s*[(（]\d{1,2}[)）]"))


def registry_items(lines: list[_Line]) -> list[_Line]:
    """The first lines of the items of a numbered list ("1. Trial hypothesis: … / Study ID: NCT…") when two
    or more items each name one registry id of their own (a list of registered trials).

    Each numbering style is read on its own, an item running to the next item of any style: a pipeline's
    "1. XH-UC01注射液" holds "（1）Ⅰ期临床试验（登记号：CTR…）" and "（2）Ⅱ期临床试验（登记号：CTR…）", two trials.
    """
    starts_any = [k for k, ln in enumerate(lines) if DIGIT_ITEM.match(ln.text)]
    for style in ITEM_STYLES:
        starts = [k for k in starts_any if style.match(lines[k].text)]
        if len(starts) < REGISTRY_ITEMS_MIN:
            continue
        ids: list[set[str]] = []
        for a in starts:
            b = next((k for k in starts_any if k > a), len(lines))
            ids.append({r[0] for ln in lines[a:b] for r in registry_ids(ln.text)})
        if all(len(i) == 1 for i in ids) and len(set.union(*ids)) == len(ids):
            return [lines[k] for k in starts]
    return []


def registry_item_context(lines: list[_Line], items: list[_Line]) -> dict[int, list[tuple[int, int]]]:
    """For items of a nested list, the outer item that holds them (its heading and text up to the first item):
    "1. XH-UC01注射液（人脐带间充质干细胞注射液，2型糖尿病适应症）" tells each trial's cell type and condition."""
    out: dict[int, list[tuple[int, int]]] = {}
    if not items:
        return out
    style = next((st for st in ITEM_STYLES if st.match(items[0].text)), None)
    first = next(k for k, ln in enumerate(lines) if ln.start == items[0].start)
    outer = next((k for k in range(first - 1, -1, -1) if DIGIT_ITEM.match(lines[k].text)
                  and not (style and style.match(lines[k].text))), None)
    if outer is None:
        return out
    ctx = [(lines[outer].start, lines[first - 1].end)]
    return {ln.start: ctx for ln in items}


def _identity(doc: Document, line: _Line, max_ref: Optional[int]) -> tuple[set[str], set[int]]:
    """What names the study an intro line opens: its 《》 names and its [n] markers."""
    s, e = line.start, min(line.end, line.start + 300)
    names = set(re.findall(r"《([^《》]{2,60})》", doc.view[s:e]))
    markers = {n for m in find_markers(doc.view, s, e, max_number=max_ref) for n in m.numbers}
    return names, markers


# --- stage 3: sequential segments ---------------------------------------------------------

@dataclass
class _Segment:
    start: int
    end: int
    intro: Optional[_Line]
    lines: list[_Line]


def sequential_segments(doc: Document, lines: list[_Line], bounds: list[_Boundary],
                        max_ref: Optional[int]) -> list[_Segment]:
    """One segment per study-opening boundary, up to the next boundary; empty openers merge forward."""
    segs: list[_Segment] = []
    pending: Optional[int] = None                # start of a heading-only opener waiting for content
    for k, b in enumerate(bounds):
        nxt = bounds[k + 1].pos if k + 1 < len(bounds) else None
        if b.kind == "end":
            pending = None
            continue
        if b.kind == "question":
            # the question heads the study its answer cites; an answer that cites none is no study
            pending = b.pos if k + 1 < len(bounds) and bounds[k + 1].kind == "intro" else None
            continue
        start = pending if pending is not None else b.pos
        content = [ln for ln in lines if start <= ln.start and (nxt is None or ln.start < nxt)]
        body_lines = [ln for ln in content if ln.start > b.pos and not is_heading(ln)]
        if b.kind in ("case", "month") and not body_lines and is_heading(b.line):
            pending = start                      # "案例1:…" followed directly by its dated intro
            continue
        pending = None
        if b.kind == "record":
            # a record is introduced by its title
            intro = next((ln for ln in content if RECORD_TITLE.match(ln.text)), b.line)
        elif b.kind == "case" and CASE_HEADING.match(b.line.text) and not is_heading(b.line):
            intro = b.line                      # "壁报一:复旦大学…报告了…": the heading line is the intro
        else:
            intro = b.line if b.kind in ("intro", "row") else body_lines[0]
        segs.append(_Segment(start, content[-1].end, intro, content))
    return _merge_same(doc, segs, max_ref)


def _other_disease_item(seg: _Segment) -> bool:
    """Does the segment's head (its heading lines and first line of text) name another disease and not diabetes?"""
    head: list[str] = []
    for ln in seg.lines:
        head.append(ln.text)
        if not is_heading(ln) and not CASE_HEADING.match(ln.text):
            break
    text = "\n".join(head)
    return bool(OTHER_DISEASE.search(text)) and not DIABETES_SUBJECT.search(text)


def _attach_row_sections(doc: Document, lines: list[_Line], bounds: list[_Boundary], segs: list[_Segment]) -> None:
    """A section after a table of studies whose heading names one row's product ("1. HB-210:全剂量组数据稳健")
    comments on that row's study: its text joins the row's segment."""
    rows = {b.pos for b in bounds if b.kind == "row"}
    row_segs = [(seg, {c for c, _, _ in metadata.product_codes(_first_cell(seg.intro.text), 0, len(_first_cell(seg.intro.text)))})
                for seg in segs if seg.intro is not None and seg.intro.start in rows]
    row_segs = [(seg, codes) for seg, codes in row_segs if codes]
    if not row_segs:
        return
    last_row = max(rows)
    for i, ln in enumerate(lines):
        if ln.start <= last_row or not is_heading(ln):
            continue
        codes = {c for c, _, _ in metadata.product_codes(ln.text, 0, len(ln.text))}
        owners = [seg for seg, own in row_segs if own & codes]
        if len(owners) != 1:
            continue
        section = [ln]
        for nxt in lines[i + 1:]:
            if is_heading(nxt):
                break
            section.append(nxt)
        owners[0].lines.extend(l for l in section if l not in owners[0].lines)


def _merge_same(doc: Document, segs: list[_Segment], max_ref: Optional[int]) -> list[_Segment]:
    """A later intro naming the same 《journal/title》 or [n] as the previous one continues that study."""
    out: list[_Segment] = []
    for seg in segs:
        if out and seg.intro and out[-1].intro:
            a_names, a_refs = _identity(doc, out[-1].intro, max_ref)
            b_names, b_refs = _identity(doc, seg.intro, max_ref)
            if (a_refs & b_refs) or (not a_refs and not b_refs and a_names & b_names
                                     and not DATE_LEAD.match(seg.intro.text)):
                out[-1].end = seg.end
                out[-1].lines.extend(seg.lines)
                continue
        out.append(seg)
    return out


# --- stage 4: cited studies and registry listings -----------------------------------------

def publication_sentence(doc: Document, lines: list[_Line]) -> Optional[tuple[int, int]]:
    """The first sentence of a single-study document that says where the study was published.

    A sentence naming another study ("另一项研究…", "a 2019 study") is none, unless it is the document's first: then
    it introduces the document's own study ("A 2019 study in Diabetes Care enrolled 30 patients…").
    """
    first = True
    for ln in lines:
        if is_heading(ln):
            continue
        for s, e in _sentences(doc, ln.start, ln.end):
            if PUBLICATION_SENTENCE.search(doc.view, s, e) and (first or not SUB_STUDY.search(doc.view, s, e)) \
                    and not SEVERAL_JOURNALS.search(doc.view, s, e) and not PRIOR_PUBLICATION.search(doc.view, s, e):
                return s, e
            first = False
    return None


# a sentence break the sentencizer puts inside a citation ("Zhang et al. [" | "1] pooled 23 trials…", "Li et al." |
# "[2] randomised…"): no break, the marker belongs to the sentence that cites it
CITE_CUT_BEFORE = rx(r"(?:\bet al\.?|\band colleagues|\band co-?workers)\s*\[?\s*$|\[\s*$", re.IGNORECASE)
CITE_CUT_AFTER = rx(r"\s*\d{1,3}(?:\s*[-–,，、]\s*\d{1,3})*\s*\]|\s*\[\s*\d{1,3}(?:\s*[-–,，、]\s*\d{1,3})*\s*\]")


@lru_cache(maxsize=8)
def _document_sentences(text: str, lang: str) -> tuple[tuple[tuple[int, int], ...], list[int]]:
    spans: list[tuple[int, int]] = []
    for s, e in nlp.sentences(text, lang):
        if spans and "\n" not in text[spans[-1][1]:s] and CITE_CUT_BEFORE.search(text, max(spans[-1][0], spans[-1][1] - 20),
                                                                              spans[-1][1]) \
                and CITE_CUT_AFTER.match(text, s, min(e, s + 20)):
            spans[-1] = (spans[-1][0], e)
            continue
        spans.append((s, e))
    return tuple(spans), [s for s, _ in spans]


def _sentences(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The document's sentences (spaCy sentencizer, jieba for Chinese) that fall in [start, end), clipped."""
    spans, starts = _document_sentences(doc.text, doc.lang)
    i = max(0, bisect_right(starts, start) - 1)
    out = []
    for s, e in spans[i:]:
        if s >= end:
            break
        if e > start:
            out.append((max(s, start), min(e, end)))
    return out


def cited_studies(doc: Document, lines: list[_Line], refs: ReferenceList,
                  intro_lines: set[int]) -> dict[int, list[_Line]]:
    """Reference index -> body lines citing it, for references whose citing text describes a study.

    A paragraph that describes two or more cited studies side by side ("宋等[12]开展的…研究…。唐等[13]的随机对照
    研究…") gives each study its own sentences: from the sentence that first cites it to the next such sentence.
    """
    max_ref = max((r.number or 0) for r in refs.entries) or None
    cites: dict[int, list[_Line]] = {}
    described: set[int] = set()
    for ln in lines:
        if ln.start in intro_lines:
            continue
        sents = _sentences(doc, ln.start, ln.end)
        cited: list[int] = []
        opens: list[tuple[int, int]] = []       # (sentence index, reference index) of described studies
        for k, (s, e) in enumerate(sents):
            for mk in find_markers(doc.view, s, e, max_number=max_ref):
                for n in mk.numbers:
                    idx = next((i for i, r in enumerate(refs.entries) if r.number == n), None)
                    if idx is None:
                        continue
                    if idx not in cited:
                        cited.append(idx)
                    if _describes_study(doc, s, mk.start, mk.end):
                        described.add(idx)
                        if all(i != idx for _, i in opens):
                            opens.append((k, idx))
        if len({k for k, _ in opens}) >= 2:
            for j, (k, idx) in enumerate(opens):
                nxt = next((k2 for k2, _ in opens[j + 1:] if k2 > k), len(sents))
                a, b = sents[k][0], sents[nxt - 1][1]
                cites.setdefault(idx, []).append(_Line(a, b, doc.view[a:b]))
            continue
        for idx in cited:
            if ln not in cites.setdefault(idx, []):
                cites[idx].append(ln)
    return {i: lns for i, lns in cites.items() if i in described}


def _describes_study(doc: Document, sent_start: int, marker_start: int, marker_end: Optional[int] = None) -> bool:
    """The words just before a marker describe a study ("王团队发表的…研究[2]", "唐等[13]的随机对照研究"), not a
    support note."""
    if SUPPORT_NOTE.search(doc.view, max(sent_start, marker_start - 8), marker_start):
        return False
    lo = max(sent_start, marker_start - CITE_WINDOW)
    author = AUTHOR_BEFORE_MARKER.search(doc.view[lo:marker_start])
    if author and (not author.group(0).rstrip().endswith("等") or (
            marker_end is not None and STUDY_AFTER_MARKER.match(doc.view, marker_end))):
        return True
    if STUDY_SUBJECT_LEAD.match(doc.view, sent_start) and LEAD_STUDY.search(doc.view, sent_start, marker_start):
        return True
    cues = list(STUDY_CITE.finditer(doc.view, lo, marker_start))
    if cues and all(WEAK_CITE.fullmatch(c.group(0)) for c in cues) and GENERIC_SUBJECT.search(doc.view, lo, marker_start):
        return False                    # "既往研究报道…[3]", "studies have reported…": background, no one study
    return bool(cues)


def registry_listings(doc: Document, start: int, end: int) -> list[tuple[tuple[int, int], list[tuple[str, int, int]]]]:
    """Sentences that list registry ids as examples: (sentence span, ids)."""
    by_sentence: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    for rid in registry_ids(doc.view, start, end):
        m = SENTENCE_END.search(doc.view, rid[2])
        s = max(doc.view.rfind(ch, start, rid[1]) for ch in "。!?！？\n") + 1
        e = m.end() if m else end
        s = max(s, _last_period(doc.view, start, rid[1]))
        by_sentence.setdefault((s, min(e, end)), []).append(rid)
    return [(sent, ids) for sent, ids in by_sentence.items()
            if REGISTRY_LISTING.search(doc.view, sent[0], sent[1])]


def _last_period(view: str, start: int, pos: int) -> int:
    """Start of the English sentence holding ``pos`` (after the last '. ')."""
    k = view.rfind(". ", start, pos)
    return k + 2 if k >= 0 else start


def _subtract(spans: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        pieces = [(s, e)]
        for cs, ce in cuts:
            nxt = []
            for ps, pe in pieces:
                if ce <= ps or cs >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < cs:
                    nxt.append((ps, cs))
                if ce < pe:
                    nxt.append((ce, pe))
            pieces = nxt
        out.extend(p for p in pieces if p[1] > p[0])
    return out


def _spans_from_lines(lines: list[_Line], excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Contiguous spans over the given lines (in order), minus the excluded ranges."""
    spans: list[tuple[int, int]] = []
    for ln in sorted(lines, key=lambda l: l.start):
        if spans and ln.start - spans[-1][1] <= 2:
            spans[-1] = (spans[-1][0], ln.end)
        else:
            spans.append((ln.start, ln.end))
    return _subtract(spans, excluded)


# --- stage 5: nested studies --------------------------------------------------------------

def split_nested(doc: Document, m: Mention) -> list[Mention]:
    """Split nested-study clauses off a mention.

    A nested study runs from its clause to the next nested study, the next heading line or the end
    of the mention; text after a heading goes back to the mention that holds it.
    """
    if not m.spans:
        return [m]
    first_line_end = doc.view.find("\n", m.spans[0][0])
    protect = first_line_end if first_line_end >= 0 else m.spans[0][1]
    if m.intro is not None and m.kind in ("study", "document"):
        protect = max(protect, m.intro[1])      # "…发表了另一项研究": the intro names the study itself
    cuts: list[int] = []
    line_bound: dict[int, int] = {}    # nested studies that end with their paragraph (prior studies) -> cue end
    planned: list[tuple[int, int]] = []
    for s, e in m.spans:
        for hit in PLANNED_STUDY.finditer(doc.view, s, e):
            if hit.start() >= protect:
                planned.append((_clause_start(doc, s, hit.start(), CLAUSE_START), _sentence_end(doc, hit.start())))
        for hit in SUB_STUDY.finditer(doc.view, s, e):
            if hit.start() < protect and not _prior_before_intro(doc, m, hit, first_line_end):
                continue                # the intro itself ("发表了一项…研究") is the study, not a nested one
            if any(a <= hit.start() < b for a, b in planned):
                continue
            other_team = OTHER_TEAM.match(doc.view, hit.start())
            if other_team and not (OTHER_TEAM_STUDY.search(doc.view, hit.end(), _sentence_end(doc, hit.end()))
                                   or LEAD_STUDY.search(doc.view, hit.end(), _sentence_end(doc, hit.end()))):
                continue                # "另一家医院的专家表示…": a comment, not a study
            k = _clause_start(doc, s, hit.start(), CLAUSE_START)
            if not cuts or k > cuts[-1]:
                cuts.append(k)
                if PRIOR_STUDY.match(doc.view, hit.start()) or other_team:
                    line_bound[k] = hit.end()
    for k, cue_end in _other_product_trials(doc, m, protect) + _earlier_products(doc, m, protect):
        if not any(a <= k < b for a, b in planned) and k not in cuts:
            cuts.append(k)
            line_bound[k] = cue_end
    openers: dict[int, segment_openers.Opener] = {}
    # (a clause opener needs no line of its own: past the first sentence, or the intro, it may open a study)
    first = _sentences(doc, *m.spans[0])
    opener_protect = max(first[0][1] if first else m.spans[0][1], m.intro[1] if m.intro and m.kind != "nested" else 0)
    for op in _sentence_openers(doc, m, opener_protect, planned):
        same = [c for c in cuts if op.start <= c < _sentence_end(doc, op.start)]
        if same:
            # a nested-study cue in the opener's own sentence ("与此同时,另一家医院的团队…"): one study, from the opener
            for c in same:
                cuts.remove(c)
                if c in line_bound:
                    line_bound[op.start] = line_bound.pop(c)
            cuts.append(op.start)
            continue
        cuts.append(op.start)
        if op.kind != "product_heading":
            line_bound[op.start] = op.cue_end     # (a product's heading runs to the next heading)
        openers[op.start] = op
    cuts.sort()
    # a cut whose text up to the next cut holds no sentence ("同院另一项研究:脂肪干细胞单次输注 / 据了解,") is the
    # heading of the study the next cut opens: one study
    merged: list[int] = []
    for c in cuts:
        if merged and "\n" in doc.view[merged[-1]:c] and not HEADING_ONLY_END.search(doc.view, merged[-1], c):
            line_bound.pop(c, None)
            openers.pop(c, None)
            continue
        merged.append(c)
    cuts = merged
    out = [m]
    if planned:
        # a planned or next trial: no part of this study; a registry id it names is a bare mention
        out = [Mention(_subtract(m.spans, planned), list(m.hits), m.kind, m.intro, list(m.refs))]
        for a, b in planned:
            out.extend(Mention([(s, e)], kind="registry") for _, s, e in registry_ids(doc.view, a, b))
    if not cuts:
        return out
    main = out[0]
    nested = _nested_ranges(doc, m, cuts, line_bound, openers)
    weak = False
    if openers and not _has_study_content(doc, _subtract(main.spans, nested), main.intro):
        # what is left reports no study: a review or roundup around the studies it tells (two or more cut out),
        # or one study told with an opener-like clause (nothing to cut it from)
        if len(cuts) >= 2:
            weak = True
        else:
            cuts = [c for c in cuts if c not in openers]
            openers = {}
            if not cuts:
                return out
            nested = _nested_ranges(doc, m, cuts, line_bound, openers)
    rest = _subtract(main.spans, nested)
    if weak:
        rest = _subtract(rest, _tally_sentences(doc, rest))
    out[0] = Mention(rest, list(main.hits), main.kind, main.intro, list(main.refs), weak=weak)
    for a, b in nested:
        spans = _clip(main.spans, a, b)
        if spans:
            n = Mention(spans, [], "nested", (a, min(b, _sentence_end(doc, a))), [])
            if a in openers:
                _opener_metadata(doc, n, openers[a], main)
            out.append(n)
    return _merge_translations(doc, out)


# a CJK character: the script of a paragraph (a bilingual page gives each paragraph in English, then in Chinese)
CJK = rx(r"[\u4e00-\u9fff]")
CJK_SHARE = 0.3


def _cjk(doc: Document, spans: list[tuple[int, int]]) -> bool:
    text = "".join(doc.view[s:e] for s, e in spans)
    letters = sum(ch.isalpha() for ch in text)
    return letters > 0 and len(CJK.findall(text)) / letters >= CJK_SHARE


def _merge_translations(doc: Document, out: list[Mention]) -> list[Mention]:
    """One nested study told twice on a bilingual page, in English and then in Chinese (or the other way) in the next
    paragraph, with the same cohort ("…in which 6 young adults each had a single infusion… / …當時6名年輕成人各接受一次
    輸注…"): one mention."""
    merged: list[Mention] = []
    for n in out:
        prev = merged[-1] if merged else None
        if prev is not None and n.kind == prev.kind == "nested" and prev.spans and n.spans \
                and not doc.view[prev.spans[-1][1]:n.spans[0][0]].strip() \
                and _cjk(doc, prev.spans) != _cjk(doc, n.spans):
            mine = {c for s, e in n.spans for c in segment_openers.cohort_numbers(doc.view, s, e)}
            theirs = {c for s, e in prev.spans for c in segment_openers.cohort_numbers(doc.view, s, e)}
            if mine & theirs:
                prev.spans = prev.spans + n.spans
                prev.hits.extend(n.hits)
                prev.context = prev.context + n.context
                continue
        merged.append(n)
    return merged


def _prior_before_intro(doc: Document, m: Mention, hit: re.Match[str], first_line_end: int) -> bool:
    """An earlier study of the team told in its own paragraph before a late intro ("2012年,团队先给12名患者做了试点。" …
    "结果在2026年5月发表在《…》上"): past the first line and the intro's line, it is a study of its own."""
    return (m.intro is not None and first_line_end >= 0 and first_line_end < hit.start()
            and PRIOR_STUDY.match(doc.view, hit.start()) is not None
            and doc.view.rfind("\n", 0, m.intro[0]) > hit.start())


def _nested_ranges(doc: Document, m: Mention, cuts: list[int], line_bound: dict[int, int],
                   openers: dict[int, segment_openers.Opener]) -> list[tuple[int, int]]:
    """(start, end) of each nested study: to the next cut, heading or end of the mention; a study that ends with
    its paragraph (an earlier study, another team's, a clause opener) ends there or where the text turns back to the
    reported study; a clause opener's study also ends at a sentence that jumps to another year ("2014年,…")."""
    end = m.spans[-1][1]
    headings = [ln.start for s, e in m.spans for ln in _lines(doc, s, e) if is_heading(ln)]
    nested: list[tuple[int, int]] = []
    for i, a in enumerate(cuts):
        b = cuts[i + 1] if i + 1 < len(cuts) else end
        if a in line_bound:
            # (a short line that goes on with a hard-wrapped sentence is no heading)
            pe = _paragraph_end(doc, a, end)
            b = min([b, pe] + [h for h in headings if h > pe])
        else:
            b = min([b] + [h for h in headings if h > a])
        if a in line_bound:
            # "The new study builds on the case of…": a turn back to the reported study counts after the cue only
            back = BACK_TO_MAIN.search(doc.view, line_bound[a], b)
            if back:
                b = _clause_start(doc, a, back.start(), CLAUSE_START)
            if UPDATE_OF.search(doc.view, a, line_bound[a]):
                b = min(b, _sentence_end(doc, line_bound[a]))
        if a in openers:
            b = _date_jump(doc, openers[a], b)
        nested.append((a, b))
    return nested


# a line that ends inside its sentence and runs on in the next line of a hard-wrapped paragraph ("…tracked for 16 months,")
WRAPPED_LINE_END = rx(r"[A-Za-z0-9,，、(（-]$")
WRAP_LINES_MAX = 4


def _paragraph_end(doc: Document, a: int, end: int) -> int:
    """The end of the paragraph holding ``a``: its line's end, or a later line's when a hard-wrapped line breaks off in
    mid-sentence and the next line goes on with no blank line between (a wrapped comment, a PDF's text)."""
    pos = a
    for _ in range(WRAP_LINES_MAX):
        nl = doc.view.find("\n", pos, end)
        if nl < 0:
            return end
        nxt = doc.view.find("\n", nl + 1, end)
        nxt_line = doc.view[nl + 1:nxt if nxt >= 0 else end]
        if not (WRAPPED_LINE_END.search(doc.view, max(pos, nl - 1), nl) and nxt_line.strip()
                and not nxt_line[:1].isspace()):
            return nl
        pos = nl + 1
    nl = doc.view.find("\n", pos, end)
    return nl if nl >= 0 else end


# a sentence that opens with a year ("2014年,大部分…", "In 2014, most centres…")
YEAR_SENTENCE = rx(r"(?:(?<=[。!?！？\n])|(?<=\. ))\s*(?:(?:19|20)(\d{2})\s*年|In ((?:19|20)\d{2})\b)")


def _date_jump(doc: Document, op: segment_openers.Opener, b: int) -> int:
    """Where a clause opener's study ends before ``b``: a later sentence that opens with another year and does
    not refer back to it ("…术后3年内脱离胰岛素者达53%。2014年,大部分国际胰岛移植中心…")."""
    for y in YEAR_SENTENCE.finditer(doc.view, op.cue_end, b):
        year = y.group(0).strip()[:4] if y.group(1) else y.group(2)
        if year != op.year and not ANAPHORA.search(doc.view, y.end(), min(b, y.end() + 20)):
            return y.start() + (len(y.group(0)) - len(y.group(0).lstrip()))
    return b


def _sentence_openers(doc: Document, m: Mention, protect: int,
                      planned: list[tuple[int, int]]) -> list[segment_openers.Opener]:
    """Clause openers (``segment_openers``) that cut a study of their own out of the mention.

    Past the protected opening (first line, intro); not in a planned trial's sentence; naming an actor the
    mention did not name before; and an author, dated or transition opener only after the mention has told a
    study of its own (the first one is usually the study itself: "We read with interest the report by Haldane and
    colleagues…").
    """
    out: list[segment_openers.Opener] = []
    orgs = [(a, k) for s, e in m.spans for k, a, _ in metadata.org_table().find(doc.view, s, e)]
    for s, e in m.spans:
        cands = segment_openers.find_openers(doc.view, s, e)
        taken = {op.start for op in cands}
        for ln in _lines(doc, s, e):
            if ln.start > protect and ln.start not in taken and not is_heading(ln):
                op = segment_openers.paragraph_actor(doc.view, ln.start, ln.end)
                if op is not None and _new_cohort(doc, m, op):
                    cands.append(op)
                elif op is None:
                    op = _product_paragraph(doc, m, ln)
                    if op is not None:
                        cands.append(op)
            elif ln.start > protect and ln.start not in taken:
                op = _product_heading(doc, m, ln, e)
                if op is not None:
                    cands.append(op)
        for op in sorted(cands, key=lambda o: o.start):
            if op.start < protect or any(a <= op.start < b for a, b in planned):
                continue
            if _actor_named_before(doc, m, op, orgs):
                continue
            if op.kind in ("authors", "dated", "transition", "actor", "other", "product", "product_heading") and not out \
                    and not _study_before(doc, m, op.start):
                continue                # (a study cut out before it counts as told)
            out.append(op)
    return out


# a sentence about every study of a roundup at once
EVERY_STUDY = rx(r"(?:两款|兩款|两项|兩項|两个|兩個|二者|两者|兩者|这些|這些)[^。;；!?！？]{0,30}?(?:都|均|皆|全)|"
                 r"\b(?:both|neither|all|none) of (?:the|these) (?:two |three )?(?:trials|studies|products|therapies)\b|"
                 r"\b(?:both|neither) (?:trials?|studies|study|products?|therap(?:y|ies))\b", re.IGNORECASE)
# a paragraph's subject is its first words: a product code this close to the line start is what it reports
PRODUCT_SUBJECT_CHARS = 40
# ... unless the product is only a comparator ("与BRS-112不同,…", "Unlike VX-880, …")
COMPARATOR_LEAD = rx(r"\s*(?:与|與|和|跟|同|相比|相較|相较|不同于|不同於|\b(?:Unlike|Like|Compared|Versus|As with)\b)",
                     re.IGNORECASE)


def _product_paragraph(doc: Document, m: Mention, ln: _Line) -> Optional[segment_openers.Opener]:
    """A roundup's paragraph whose subject is another product than the one the mention told before, with a cohort
    of its own ("中國大陸啟元生物的QY-201則把…裝置…首批10名病人…" after a paragraph on BRS-112; "Nordvale's NV-210,
    by contrast, … 9 patients …"): a study of its own, even when its cohort size equals the earlier one's."""
    head_end = min(ln.end, ln.start + PRODUCT_SUBJECT_CHARS, _sentence_end(doc, ln.start))
    codes = metadata.product_codes(doc.view, ln.start, head_end)
    if not codes or COMPARATOR_LEAD.match(doc.view, ln.start, head_end):
        return None
    before = {c for s, e in m.spans if s < ln.start for c, _, _ in metadata.product_codes(doc.view, s, min(e, ln.start))}
    code, _, ce = codes[0]
    if not before or code in before or not segment_openers.cohort_numbers(doc.view, ln.start, ln.end):
        return None
    return segment_openers.Opener("product", ln.start, ce, code)


# a heading that is a product's code alone, with its trial name, registry id or indication in brackets ("HX-120",
# "TV-612 (BEACON-1; NCT06988123)", "TV-705（2型糖尿病）"): a company update's section on that product
PRODUCT_HEADING = rx(r"^\s*(?:[#*▍■◆]+\s*)?(?-i:[A-Z]{1,6}-?\d{2,4}[A-Z]?)\s*(?:[(（][^()（）\n]{1,60}[)）])?\s*[:：]?\s*$")


def _product_heading(doc: Document, m: Mention, ln: _Line, end: int) -> Optional[segment_openers.Opener]:
    """A company update's section headed by another product's code than those the mention named before, whose text up
    to the next heading counts a cohort ("TV-612 (BEACON-1) / … 13 participants …" then "TV-705 / … In a Phase 1 study,
    5 participants …", "TV-705 / 在1期研究中,5名2型糖尿病受试者…"): a study of its own."""
    if not PRODUCT_HEADING.match(ln.text):
        return None
    codes = metadata.product_codes(doc.view, ln.start, ln.end)
    if not codes:
        return None
    code, _, ce = codes[0]
    before = {c for s, e in m.spans if s < ln.start for c, _, _ in metadata.product_codes(doc.view, s, min(e, ln.start))}
    if not before or code in before:
        return None
    section_end = next((x.start for x in _lines(doc, ln.end, end) if is_heading(x) and x.start > ln.start), end)
    if not segment_openers.cohort_numbers(doc.view, ln.end, section_end):
        return None
    return segment_openers.Opener("product_heading", ln.start, ce, code)


def _new_cohort(doc: Document, m: Mention, op: segment_openers.Opener) -> bool:
    """Does the opener's sentence name a cohort or case other than the one the mention told before (a new count or
    age after an earlier one)?"""
    before: set[str] = set()
    for s, e in m.spans:
        if s < op.start:
            before |= segment_openers.cohort_numbers(doc.view, s, min(e, op.start))
    now = segment_openers.cohort_numbers(doc.view, op.start, _sentence_end(doc, op.start))
    return bool(now) and bool(before) and not (now & before)


def _actor_named_before(doc: Document, m: Mention, op: segment_openers.Opener, orgs: list[tuple[int, str]]) -> bool:
    """Did the mention name the opener's actor before it ("此外,长征医院团队还…" after "长征医院…")? ``orgs`` are the
    (position, key) of the institutions table's names in the mention."""
    # (its first proper name: "Cell" of "in Cell Metabolism Letters, a team" names no actor)
    latin = next((n for n in segment_openers.LATIN_NAME.finditer(op.actor)
                  if not segment_openers.LATIN_STOP.match(n.group(0))), None)
    core = latin.group(0) if latin else op.actor
    if len(core) >= 2 and doc.view.find(core, m.spans[0][0], op.start) >= 0:
        return True
    mine = {k for k, _, _ in metadata.org_table().find(op.actor, 0, len(op.actor))}
    return bool(mine & {k for a, k in orgs if a < op.start})


def _study_before(doc: Document, m: Mention, pos: int) -> bool:
    """Has the mention told a study before ``pos``: its intro, a cohort, a case or an identifier?"""
    if m.intro is not None and m.intro[0] < pos:
        return True
    return _has_study_content(doc, [(s, min(e, pos)) for s, e in m.spans if s < pos], None)


# one patient without a count: "一名血糖控制不佳的1型糖尿病男性患者", "a man with type 1 diabetes"
ONE_PATIENT = rx(r"(?:一|1)\s*(?:名|位|例)[^,，。;；]{0,20}?(?:患者|病人|病患|男性|女性|男子|女子|男孩|女孩|儿童|兒童)|"
                         r"\b(?:a|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|boy|girl|patient)\s+(?:with|who|suffering)\b",
                         re.IGNORECASE)


def _has_study_content(doc: Document, spans: list[tuple[int, int]], intro: Optional[tuple[int, int]]) -> bool:
    """Do the spans tell a study: the intro, a cohort (not a round claim), a case, an identifier?"""
    if intro is not None and any(s <= intro[0] < e for s, e in spans):
        return True
    for s, e in spans:
        text = doc.view[s:e]
        cohorts = [c for c in LEAD_STUDY.finditer(text) if not APPROX_BEFORE.search(text, max(0, c.start() - 12), c.start())
                   and not TALLY.search(text, max(0, c.start() - 40), c.start())]
        if cohorts or CASE_CUE.search(text) or section_cohort(text) or ONE_PATIENT.search(text) \
                or registry_ids(text) or find_dois(text) or re.search(r"\bPMID\b", text):
            return True
    return False


# a worldwide or nationwide tally is background, not a cohort ("1893-2005年全世界共有1154名患者接受胰岛移植",
# "Worldwide, more than 1,500 people have received islet transplants")
TALLY = rx(r"全世界|全球|世界上|世界范围内|世界範圍內|全国|全國|全美|全台|全港|\b(?:worldwide|globally|around the world|"
                   r"in the world|nationwide|across the country)\b", re.IGNORECASE)


def section_cohort(text: str) -> Optional[re.Match[str]]:
    """The first "纳入/共有 N 名…患者" cohort of ``text`` that is no worldwide or nationwide tally."""
    return next((c for c in SECTION_COHORT.finditer(text) if not _tally_before(text, c.start())), None)


def _tally_before(text: str, pos: int) -> bool:
    """A worldwide or nationwide tally just before ``pos`` ("1893-2005年全世界共有1154名患者")."""
    return bool(TALLY.search(text, max(0, pos - 40), pos))


def _tally_sentences(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of the spans that give a worldwide or nationwide tally of patients (background statistics)."""
    out = []
    for s, e in spans:
        for a, b in _sentences(doc, s, e):
            if TALLY.search(doc.view, a, b) and LEAD_STUDY.search(doc.view, a, b):
                out.append((a, b))
    return out


def _opener_metadata(doc: Document, n: Mention, op: segment_openers.Opener, main: Mention) -> None:
    """What a clause opener tells about its study: a registry's data is an observational study, published in the
    year its source names ("根据2012年…注册中心提供的数据"); the diabetes type of a study that names none is the
    paragraph's or the document's (its lead line)."""
    if op.kind == "registry":
        n.hits.append(Hit("design", {"value": "observational"}, op.start, op.cue_end, "segment", "registry_source", 0.8))
        if op.year:
            k = doc.view.find(op.year, op.start, op.cue_end)
            n.hits.append(Hit("pub_date", {"value": op.year}, k, k + 4, "segment", "registry_source_year", 0.8))
    para_s = doc.view.rfind("\n", 0, op.start) + 1
    para_e = doc.view.find("\n", op.start)
    lead = main.spans[0]
    lead_e = doc.view.find("\n", lead[0], lead[1])
    n.context = [(lead[0], lead_e if lead_e >= 0 else lead[1]), (para_s, para_e if para_e >= 0 else len(doc.view))]
    n.context_fields = frozenset({"condition"})
    if op.kind in ("product", "product_heading"):
        # a comment on every product of the roundup ("兩款產品…都沒有對照組", "Neither trial had a control group") tells
        # this one's design too
        both = [se for s, e in main.spans for se in _sentences(doc, s, e) if EVERY_STUDY.search(doc.view, *se)]
        if both:
            n.context.extend(both)
            n.context_fields = frozenset({"condition", "design"})


def _product_codes(doc: Document, m: Mention) -> tuple[list[tuple[str, int, int]], dict[str, int], Optional[str]]:
    """The product codes the mention names (code, start, end), how often each, and its own product: the most often
    named code, the first named on a tie (None unless two codes are named)."""
    codes = [c for s, e in m.spans for c in metadata.product_codes(doc.view, s, e)]
    counts: dict[str, int] = {}
    for c, _, _ in codes:
        counts[c] = counts.get(c, 0) + 1
    if len(counts) < 2:
        return codes, counts, None
    return codes, counts, max(counts, key=lambda c: (counts[c], -next(s for cc, s, _ in codes if cc == c)))


def _other_product_trials(doc: Document, m: Mention, protect: int) -> list[tuple[int, int]]:
    """(sentence start, cue end) of sentences that report a trial of another product than the mention's own.

    The mention's own product is its most often named code; a trial of a code named less often, after the
    opening line, is a competitor's or partner's study of its own ("Aurigen … said that five of the nine
    patients in its phase 1 trial of AUR-07 …").
    """
    codes, counts, own = _product_codes(doc, m)
    if own is None:
        return []
    out: list[tuple[int, int]] = []
    done: set[str] = set()
    for code, cs, ce in codes:
        if code == own or code in done or cs < protect or counts[code] >= counts[own]:
            continue
        rx = re.compile(OTHER_PRODUCT_TRIAL.format(code=re.escape(code)))
        sent = next(((s, e) for s, e in _sentences(doc, *_span_holding(m, cs)) if s <= cs < e), None)
        if sent is None:
            continue
        hit = rx.search(doc.view, sent[0], sent[1])
        if hit:
            done.add(code)
            out.append((max(sent[0], protect), hit.end()))
    return out


# the company's earlier or other product, told with a cohort of its own inside the report of its new one ("它早年的产品
# HX-120…在5名患者身上观察了九个月", "該公司先前另一款…產品HX-120,5名病人用了九個月", "HX-120, its older pouch-based
# product, … in five patients"): the code sits right after the zh cue, or right before or after the en one
EARLIER_PRODUCT_ZH = rx(r"(?:另一款|另外一款|另一个|另一個|另一种|另一種|早年的?|此前的?|之前的?|先前的?|早前的?|上一代的?|前一代的?|"
                        r"旧的?|舊的?|已停(?:止|掉)?的?)[^。;；,，]{0,30}?(?:产品|產品|疗法|療法|候选药物|候選藥物|在研产品|在研產品)"
                        r"\s*[:：]?\s*(?=[A-Z])")
EARLIER_PRODUCT_EN = rx(r"\b(?:its|their|the company['’]s|(?-i:[A-Z][A-Za-z]+)['’]s)\s+(?:own\s+)?(?:earlier|previous|former|older|"
                        r"old|discontinued|first-generation|other)\s+(?:[\w-]+\s+){0,3}?(?:product|candidate|therapy|program(?:me)?)"
                        r"(?:\s*,)?\s*", re.IGNORECASE)
# a result of its own, in place of a cohort: "moved patients from 8.3 to 7.6", "糖化血红蛋白由8.4%降至7.9%", "A1c 8.0 -> 7.1"
OWN_RESULT = rx(r"\bfrom\s+\d{1,2}(?:\.\d{1,2})?\s*%?\s+(?:down\s+)?to\s+\d{1,2}(?:\.\d{1,2})?\b|"
                r"由\s*\d{1,2}(?:\.\d{1,2})?\s*%?\s*(?:降至|降到|下降至|下降到|减至|減至|改善至|改善到)\s*\d|"
                r"\b\d{1,2}\.\d\s*%?\s*(?:->|→|=>)\s*\d{1,2}\.\d\b")
# how close the code sits to an English cue's start or end
EARLIER_PRODUCT_REACH = 12


def _earlier_products(doc: Document, m: Mention, protect: int) -> list[tuple[int, int]]:
    """(sentence start, cue end) of sentences that tell a trial of the company's earlier or other product (not the
    mention's own, its most often named code) with a cohort or a result of their own; the study runs to the end of its
    paragraph."""
    codes, counts, own = _product_codes(doc, m)
    if own is None:
        return []
    out: list[tuple[int, int]] = []
    for code, cs, ce in codes:
        if code == own or cs < protect or any(o[0] <= cs < o[1] for o in out):
            continue
        sent = next(((s, e) for s, e in _sentences(doc, *_span_holding(m, cs)) if s <= cs < e), None)
        if sent is None or not (segment_openers.cohort_numbers(doc.view, sent[0], sent[1])
                                or OWN_RESULT.search(doc.view, sent[0], sent[1])):
            continue
        cue = next((h for h in EARLIER_PRODUCT_ZH.finditer(doc.view, sent[0], cs + 1) if h.end() == cs), None)
        if cue is None:
            cue = next((h for h in EARLIER_PRODUCT_EN.finditer(doc.view, max(sent[0], cs - 80), min(sent[1], ce + 80))
                        if 0 <= cs - h.end() <= EARLIER_PRODUCT_REACH or 0 <= h.start() - ce <= EARLIER_PRODUCT_REACH), None)
        if cue is not None:
            out.append((max(sent[0], protect), max(cue.end(), ce)))
    return out


def _span_holding(m: Mention, pos: int) -> tuple[int, int]:
    return next((s, e) for s, e in m.spans if s <= pos < e)


def _clause_start(doc: Document, floor: int, pos: int, rx: re.Pattern[str]) -> int:
    """Where the clause holding ``pos`` starts (after the last ``rx`` character, not before ``floor``)."""
    k = pos
    while k > floor and not rx.match(doc.view[k - 1]):
        k -= 1
    return max(k, _last_period(doc.view, floor, pos))


def _sentence_end(doc: Document, pos: int) -> int:
    m = SENTENCE_END.search(doc.view, pos)
    return m.end() if m else len(doc.view)


def _clip(spans: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    return [(max(s, a), min(e, b)) for s, e in spans if min(e, b) > max(s, a)]


# --- stage 6: references and metadata -----------------------------------------------------

def _year_hint(doc: Document, lines: list[_Line], pos: int) -> Optional[str]:
    """The year for a date stated without one ("5月19日", "published January 8").

    The nearest heading before ``pos`` that states a year (roundup month headings), else the year
    of the news item's own date.
    """
    for ln in reversed([l for l in lines if l.start < pos]):
        if is_heading(ln):
            y = YEAR_IN_HEADING.search(ln.text)
            if y:
                return y.group(1)
    nd = metadata.news_date(doc)
    return nd[0][:4] if nd else None


def _not_after_news(doc: Document, hit: Hit) -> Hit:
    """A month-day date that took the news item's year but falls after the news date is last year's."""
    nd = metadata.news_date(doc)
    if hit.field != "pub_date" or hit.pattern not in ("zh_md", "en_md") or nd is None:
        return hit
    val = hit.value["value"]
    if val[:4] == nd[0][:4] and val > nd[0]:
        return Hit(hit.field, {"value": f"{int(val[:4]) - 1:04d}{val[4:]}"}, hit.start, hit.end,
                   hit.extractor, hit.pattern, hit.score)
    return hit


def _published_cell(doc: Document, row: tuple[int, int], pos: int) -> bool:
    """Does the table cell holding ``pos`` say that something was published (not "尚未公布")?"""
    s = max([row[0]] + [m.end() for m in TABLE_CELL_SEP.finditer(doc.view, row[0], pos)])
    nxt = TABLE_CELL_SEP.search(doc.view, pos, row[1])
    cell = doc.view[s:nxt.start() if nxt else row[1]]
    return any(not NEGATION_BEFORE.search(cell[:v.start()][-3:]) for v in PUB_VERB.finditer(cell))


def _table_row(doc: Document, span: tuple[int, int]) -> bool:
    """Is this span a row of a flattened table?"""
    return _cells(doc.view[span[0]:span[1]]) >= TABLE_MIN_CELLS and bool(TABLE_CELL_SEP.search(doc.view[span[0]:span[1]].strip()))


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", "", s).lower()


def link_references(doc: Document, mentions: list[Mention], refs: ReferenceList) -> None:
    """Give each mention the references it cites: [n] in its intro, a matching title, or list order."""
    max_ref = max((r.number or 0) for r in refs.entries) or None
    linked: set[int] = {i for m in mentions for i in m.refs}
    tops = [m for m in mentions if m.kind in ("study", "document")]
    for m in tops:
        if m.refs or m.intro is None:
            continue
        line_end = doc.view.find("\n", m.intro[0])
        line_end = len(doc.view) if line_end < 0 else line_end
        for mk in find_markers(doc.view, m.intro[0], line_end, max_number=max_ref):
            for n in mk.numbers:
                idx = next((i for i, r in enumerate(refs.entries) if r.number == n), None)
                if idx is not None and idx not in m.refs:
                    m.refs.append(idx)
                    linked.add(idx)
    # items of a digest that each close with their own marker ("…9人中5人停用胰岛素[2]"): a study whose text cites
    # one reference that no other study cites owns it
    if len(tops) >= 2:
        cited: list[set[int]] = []
        for m in tops:
            found = {i for s, e in m.spans for mk in find_markers(doc.view, s, e, max_number=max_ref) for n in mk.numbers
                     for i, r in enumerate(refs.entries) if r.number == n}
            cited.append(found)
        for m, own in zip(tops, cited):
            if m.refs or len(own) != 1:
                continue
            idx = next(iter(own))
            if idx not in linked and sum(idx in c for c in cited) == 1:
                m.refs.append(idx)
                linked.add(idx)
    # a reference whose title appears in a mention's text belongs to it
    texts = [_norm("".join(doc.view[s:e] for s, e in m.spans)) for m in tops]
    for i, r in enumerate(refs.entries):
        if i in linked or not r.title or len(_norm(r.title)) < 8:
            continue
        for m, text in zip(tops, texts):
            if _norm(r.title) in text:
                if not m.refs:
                    m.refs.append(i)
                    linked.add(i)
                break
    # what is left: as many unlinked references as unlinked studies, in the same order, years agreeing
    rest_refs = [i for i, r in enumerate(refs.entries) if i not in linked]
    rest_tops = [m for m in tops if not m.refs]
    if rest_refs and len(rest_refs) == len(rest_tops):
        if all(_years_agree(doc, m, refs.entries[i]) for m, i in zip(rest_tops, rest_refs)):
            for m, i in zip(rest_tops, rest_refs):
                m.refs.append(i)


def _years_agree(doc: Document, m: Mention, ref: Reference) -> bool:
    stated = [h.value["value"][:4] for h in m.hits if h.field == "pub_date"]
    if not stated or not ref.year:
        return True
    return abs(int(stated[0]) - int(ref.year)) <= REF_YEAR_TOLERANCE


def _add_metadata(doc: Document, m: Mention, lines: list[_Line], body: tuple[int, int]) -> None:
    """Intro-sentence metadata (date, journal, title, institution, country) and aliases."""
    if m.kind == "registry":
        return
    if m.intro is not None and m.kind != "nested":
        hits = metadata.intro_hits(doc, *m.intro, year_hint=_year_hint(doc, lines, m.intro[0]),
                                   main_study=m.kind == "document")
        if _table_row(doc, m.intro):
            # a date in a table cell is a publication date only when its cell says so ("首例患者已于2024年
            # 完成移植，结果尚未公布" is an event)
            hits = [h for h in hits if h.field != "pub_date" or _published_cell(doc, m.intro, h.start)]
        elif m.kind == "study" and not is_intro(doc, _line_at(lines, m.intro[0]), None) \
                and not _date_leads(doc, m.intro):
            # a numbered item or section opened by plain text: a date inside it is an event ("Ⅰ期临床试验已于2024年3月
            # 完成"), a publication date only when a verb or a journal governs it; a digest item that opens with its
            # date ("【研究二】2024年3月,美国一项研究纳入…") is dated by it
            hits = [h for h in hits if h.field != "pub_date" or h.pattern in GOVERNED_DATE_PATTERNS
                    or metadata._governed(doc.view, m.intro[0], m.intro[1], h.start, h.end)]
        m.hits.extend(_not_after_news(doc, h) for h in hits)
    elif m.kind == "nested" and m.intro is not None:
        hint = _year_hint(doc, lines, m.intro[0])
        if PUB_VERB.search(doc.view, *m.intro):
            # "该团队2021年曾在《X》发表一项…研究": the clause says where and when it was published
            m.hits.extend(metadata.intro_hits(doc, *m.intro, year_hint=hint))
        else:
            inst = metadata.institution_hit(doc, *m.intro)
            if inst:
                m.hits.append(inst)
        # the date a publication verb governs, in the intro or later in the nested study's own text
        # ("早在2022年…移植,2023年發表病例報告", "成果發表於2024年的《…》"), beats an event date
        pd = next((h for s, e in m.spans for h in [metadata.published_date(doc, s, e, year_hint=hint)] if h), None)
        if pd is not None:
            m.hits = [h for h in m.hits if h.field != "pub_date"] + [pd]
        own = OWN_YEAR_PAPER.search(doc.view, *m.intro)
        if own is not None and not any(h.field == "pub_date" for h in m.hits):
            # "our 2023 meta-analysis", "團隊2023年發表的統合分析": the team's earlier paper, dated by its year
            k = own.start("year") if own.group("year") else own.start("zyear")
            m.hits.append(Hit("pub_date", {"value": doc.view[k:k + 4]}, k, k + 4, "segment", "own_year_paper", 0.8))
    if m.kind == "study" and m.spans and m.intro is not None and not is_intro(doc, _line_at(lines, m.intro[0]), None):
        # a numbered section opened by plain text, not a publication intro: the date a publication verb
        # governs in its text ("研究成果于2025年9月发表于《…》") beats an event date ("2024年5月完成备案")
        pd = next((h for s, e in m.spans for h in [metadata.published_date(
            doc, s, e, year_hint=_year_hint(doc, lines, s))] if h), None)
        if pd is not None:
            m.hits = [h for h in m.hits if h.field != "pub_date"] + [pd]
    if m.kind == "study" and m.spans and RECORD_START.match(doc.view[m.spans[0][0]:m.spans[0][0] + 80]):
        # a record of an export is dated by its date tag, not by a date its abstract tells
        rd = record_date(doc, m.spans[0][0], m.spans[-1][1])
        if rd is not None:
            m.hits = [h for h in m.hits if h.field != "pub_date"] + [rd]
    if m.kind == "study" and m.spans and not any(h.field == "pub_date" for h in m.hits):
        # a digest item with a label line ("期刊：Frontiers in Endocrinology（2024年3月）")
        hd = next((h for s, e in m.spans for h in [metadata.header_date(doc, s, e)] if h), None)
        if hd:
            m.hits.append(hd)
    if m.kind == "document" and not any(h.field == "pub_date" for h in m.hits):
        # a headline picked as the intro ("…《柳葉刀》子刊發表") states no date; the body sentence that says
        # where the study was published may ("研究已於2025年3月11日在線發表於《…》")
        ps = publication_sentence(doc, lines)
        if ps is not None and ps != m.intro and _inside(ps, m.spans):
            m.hits.extend(_not_after_news(doc, h) for h in metadata.intro_hits(
                doc, *ps, year_hint=_year_hint(doc, lines, ps[0])) if h.field == "pub_date")
    if m.kind == "document" and not any(h.field == "pub_date" for h in m.hits):
        # a record's header date, "published today", else the date a publication verb, a 《journal》 or an
        # inline citation governs anywhere in the text ("…停用胰岛素(Cell Res., 2022)")
        cited = next((h for s, e in m.spans for h in metadata.inline_citation_dates(doc.view, s, e)), None) \
            if COMMENTARY_PAGE.search(doc.view, body[0], min(body[1], body[0] + COMMENTARY_HEAD_CHARS)) else None
        # (a letter or comment on a study: the page's own date is the letter's, the study's is in its citation,
        # "We read with interest the report by Haldane and colleagues (Cell Rep Med, Epub 16 April 2024; doi…)")
        hd = cited or metadata.header_date(doc, *body) or next(
            (h for s, e in m.spans for h in [metadata.today_date(doc, s, e)] if h), None) or next(
            (h for s, e in m.spans for h in [metadata.published_date(
                doc, s, e, year_hint=_year_hint(doc, lines, s), main_study=True)] if h), None)
        if hd:
            m.hits.append(hd)
    if m.kind in ("document", "study"):
        # journal and title as record fields (MEDLINE, citation line, catalogue labels, an abstract page's title)
        regions = [body] if m.kind == "document" else m.spans
        for h in (h for s, e in regions for h in metadata.record_hits(doc, s, e, page=m.kind == "document")):
            if not any(x.field == h.field for x in m.hits):
                m.hits.append(h)
    if m.kind == "document" and m.spans and not any(h.field == "institution" for h in m.hits):
        s = m.spans[0][0]
        inst = _institution_not_quoted(doc, s, min(m.spans[0][1], s + INSTITUTION_LEAD_CHARS))
        if inst:
            m.hits.append(inst)
    if not any(h.field == "country" for h in m.hits) and m.spans and m.kind != "nested":
        s = m.spans[0][0]
        c = metadata.country_hit(doc, s, min(m.spans[0][1], s + 400))
        if c:
            m.hits.append(c)
    m.hits.extend(metadata.alias_hits(doc, m.spans))


def record_date(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The date of the bibliographic record in ``[start, end)``: RIS "DA  - 2026/07" before "PY  - 2026", a
    MEDLINE record's DP."""
    found = {m.group(1): m for m in reversed(list(RECORD_DATE.finditer(doc.view, start, end)))}
    for tag in RECORD_DATE_ORDER:
        m = found.get(tag)
        if m is None:
            continue
        y, mo, d = m.group(2), m.group(3), m.group(4)
        val = metadata._fmt(y, int(mo) if mo else None, int(d) if mo and d else None) or metadata._fmt(y)
        if val:
            return Hit("pub_date", {"value": val}, m.start(2), m.end(4 if d else 3 if mo else 2), "segment", "record_date", 0.9)
    return metadata.medline_date(doc, start, end)


# GB/T 7714 type codes of web pages, newspapers and other non-journal sources: [EB/OL], [N], [Z], [DB/OL]
WEB_SOURCE_ENTRY = rx(r"\[(?:EB|DB|CP)/(?:OL|CD|MT)\]|\[(?:N|Z)\]")


# an item's marker before its text: "【研究二】", "(1)", "1.", "Case 2:", "- "
ITEM_MARKER = rx(r"\s*(?:【[^】\n]{1,12}】|\[[^\]\n]{1,12}\]|[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[、.．)）]|[-•*·]\s)?\s*")


def _date_leads(doc: Document, span: tuple[int, int]) -> bool:
    """Does the text at ``span`` open with a date, after its item marker ("【研究二】2024年3月,…", "(2) March 2024: …")?"""
    m = ITEM_MARKER.match(doc.view, span[0], span[1])
    k = m.end() if m else span[0]
    if CASE_HEADING.match(doc.view, span[0], span[1]):
        k = max(k, CASE_HEADING.match(doc.view, span[0], span[1]).end())
    return bool(DATE_LEAD.match(doc.view[k:span[1]]))


# an outside expert's words: a headline "中科院程新:…", "…程新博士告诉生辉", "said Dr Lee of X University"
SPEAKER = rx(r"(?:博士|教授|医生|醫生|主任|研究员|研究員|院士|专家|專家)[^。,，;；]{0,8}?(?:告诉|告訴|表示|认为|認為|指出|说|說|[:：])|"
                     r"(?:院|所|大学|大學|医院|醫院|中心)[\u4e00-\u9fff]{2,3}\s*[:：]|"
                     r"\b(?:said|says|told|commented)\b[^.;]{0,60}?\b(?:Dr|Prof|professor|director|chief|head)\b|"
                     r"\b(?:Dr|Prof)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?[^.;]{0,60}?\b(?:said|says|told|commented)\b")


def _institution_not_quoted(doc: Document, start: int, end: int) -> Optional[Hit]:
    """The first institution of the opening text outside a sentence that quotes someone: the commentator's
    institution in "糖尿病功能性治愈现曙光!中科院程新:…" or "…,中国科学院…程新博士告诉生辉" is not the study's."""
    for s, e in _sentences(doc, start, end):
        for ln_s, ln_e in _clauses_by_line(doc, s, e):
            if SPEAKER.search(doc.view, ln_s, ln_e):
                continue
            inst = metadata.institution_hit(doc, ln_s, ln_e)
            if inst:
                return inst
    return None


def _clauses_by_line(doc: Document, s: int, e: int) -> list[tuple[int, int]]:
    """``[s, e)`` cut at its line breaks and at "!"/"?" (a headline's two halves)."""
    out, a = [], s
    for k in range(s, e):
        if doc.view[k] in "\n!?！？":
            if k > a:
                out.append((a, k))
            a = k + 1
    if e > a:
        out.append((a, e))
    return out


def _line_at(lines: list[_Line], pos: int) -> _Line:
    """The body line holding ``pos``."""
    return next((ln for ln in lines if ln.start <= pos < ln.end), lines[0])


def _add_reference_hits(doc: Document, m: Mention, refs: Optional[ReferenceList],
                        citations: list[Reference]) -> None:
    fields = {h.field for h in m.hits}
    entries = [refs.entries[i] for i in m.refs] if refs else []
    if m.kind == "document" and not entries and len(citations) >= 1:
        entries = citations[:1]         # "引用本文: …[J]. 刊名, 2012" at the top of a paper page
    elif m.kind == "study" and not entries:
        # an abstract's own citation line ("Full paper: Chin J Regen Endocrinol 2025;41(11):1021-1028.")
        entries = [c for c in citations if any(s <= c.start < e for s, e in m.spans)][:1]
    for ref in entries[:1]:
        # a web page's or newspaper's entry ("Vantorel Therapeutics. Third quarter results[EB/OL]. (2026-11-06)") dates
        # a posting, not the study's publication
        posted = WEB_SOURCE_ENTRY.search(ref.text) is not None
        for h in metadata.reference_hits(ref, year="pub_date" not in fields and not posted):
            if h.field not in fields:
                m.hits.append(h)
                fields.add(h.field)


# --- the stage function -------------------------------------------------------------------

def segment(doc: Document) -> list[Mention]:
    """One Mention per study the document reports (see the module docstring for the stages)."""
    # 1. body
    refs = find_reference_list(doc)
    if refs is not None and not refs.entries:
        refs = None
    end = body_end(doc, refs)
    lines = drop_furniture(_lines(doc, 0, end))
    if not lines:
        return []
    body = (lines[0].start, lines[-1].end)
    max_ref = max((r.number or 0) for r in refs.entries) if refs else None
    # 2-3. anchors and sequential segments
    bounds = boundaries(doc, lines, max_ref)
    segs = sequential_segments(doc, lines, bounds, max_ref)
    _attach_row_sections(doc, lines, bounds, segs)
    _return_paragraphs(segs)
    _, row_context = plain_tables(lines)
    item_context = registry_item_context(lines, registry_items(lines))
    row_starts = {b.pos for b in bounds if b.kind == "row"}
    mentions: list[Mention] = []
    intro_starts = {s.intro.start for s in segs if s.intro}
    lead = [ln for ln in lines if bounds and ln.start < min(b.pos for b in bounds)]
    lead_reports = any(LEAD_STUDY.search(ln.text) for ln in lead if not is_heading(ln))
    # one intro that tells "another" study ("2）另一条是meta分析:《X》刊登…") after a study reported above it
    another = len(segs) == 1 and segs[0].intro is not None and ANOTHER_LEAD.match(segs[0].intro.text) is not None \
        and lead_reports
    # ... or a release's box about the company's other product, after the report of the release's own trial
    another = another or (len(segs) == 1 and len(bounds) == 1 and lead_reports
                          and PRODUCT_BOX.match(bounds[0].line.text) is not None)
    if len(segs) >= 2 or another:
        if lead_reports and not any(
                CASES_INTRO.search(ln.text) for ln in lead):
            # a study reported before the first intro ("某医院近日完成首例…20名患者…")
            first = next(ln for ln in lead if not is_heading(ln))
            segs.insert(0, _Segment(lead[0].start, lead[-1].end, first, lead))
        elif any(seg.intro is not None and seg.intro.start in row_starts for seg in segs):
            own = _table_document(doc, lines, segs, bounds)
            if own is not None:
                mentions.append(own)
        for seg in segs:
            if _other_disease_item(seg):
                continue
            intro = intro_sentence(doc, seg.intro) if seg.intro else None
            # a claim inside its line ("答:多数方案为3次。2022年《X》一项研究…"): the sentences before it are
            # the writer's own answer, not the study's
            lead = [(seg.intro.start, intro[0])] if seg.intro and intro and intro[0] > seg.intro.start else []
            if seg.intro is not None and seg.intro.start in row_starts:
                # a row number ("1 Adolescents with…", "2. Adults…") is the table's, not a count
                num = ROW_NUMBER.match(seg.intro.text)
                lead = [(seg.intro.start, seg.intro.start + num.end())] if num else []
            ctx = row_context.get(seg.intro.start, []) if seg.intro else []
            if seg.intro is not None and not ctx and seg.intro.start in item_context:
                # a registered trial of a nested list: its product's item tells its cell type and condition
                mentions.append(Mention(_spans_from_lines(seg.lines, lead), kind="study", intro=intro,
                                        context=item_context[seg.intro.start],
                                        context_fields=frozenset({"condition", "cell_type"})))
                continue
            mentions.append(Mention(_spans_from_lines(seg.lines, lead), kind="study", intro=intro, context=ctx,
                                    context_hits=_group_design_hits(doc, ctx)))
    else:
        # one segment: its opener is the intro only when it says where the study was published (a
        # single numbered section that reports a cohort is not where the document's study is introduced)
        intro_line = next((ln for ln in ([segs[0].intro] if segs and segs[0].intro else []) + lines
                           if is_intro(doc, ln, max_ref)), None)
        intro = intro_sentence(doc, intro_line) if intro_line else publication_sentence(doc, lines)
        mentions.append(Mention(_spans_from_lines(lines, []), kind="document", intro=intro))
        # only the line that introduces the document's study is no citation of another one
        intro_starts = {intro_line.start} if intro_line else set()
    # 4. cited studies described in the body, and registry ids listed as examples
    cuts: list[tuple[int, int]] = []
    if refs is not None:
        for idx, clines in cited_studies(doc, lines, refs, intro_starts).items():
            # a digest item's own heading right above the cited study ("02 大鼠研究:脂肪干细胞条件培养基… / 一项动物实验显示…[2]")
            # is the cited study's title, not the item before it
            k = next((i for i, ln in enumerate(lines) if ln.start == clines[0].start), 0)
            item_head = [lines[k - 1]] if k > 0 and is_heading(lines[k - 1]) and _zero_item(lines[k - 1]) else []
            spans = _spans_from_lines(item_head + clines, [])
            cuts.extend(spans)
            first = clines[0]
            mk = next(iter(find_markers(doc.view, first.start, first.end)), None)
            # the citing sentence introduces the study ("…等人发表的…研究[2]")
            intro = next(((s, e) for s, e in _sentences(doc, first.start, first.end)
                          if mk is None or s <= mk.start < e), first_sentence(first))
            # the section heading above it tells what a cited study is about when its sentence does not ("3.1 间充质
            # 干细胞治疗2型糖尿病 / …阮志强等[12]发表的荟萃分析共纳入23项随机对照试验…")
            heading = next((ln for ln in reversed(lines) if ln.end <= first.start and is_heading(ln)), None)
            ctx = [(heading.start, heading.end)] if heading else []
            prev = next((ln for ln in reversed(lines) if ln.end <= first.start), None)
            if prev is not None and not is_heading(prev) and TEAM_BACK.search(doc.view, intro[0], min(intro[1], intro[0] + 24)):
                # "该团队2023年发表的上一版分析[2]…": the same team's other study, about what the paragraph before told
                ctx.append((prev.start, prev.end))
            mentions.append(Mention(spans, kind="citation", intro=intro, refs=[idx],
                                    context=ctx,
                                    context_fields=frozenset({"condition", "cell_type"})))
    for (sent, ids) in registry_listings(doc, *body):
        cuts.append(sent)
        for rid, s, e in ids:
            mentions.append(Mention([(s, e)], kind="registry"))
    for m in mentions:
        if m.kind in ("study", "document"):
            m.spans = _subtract(m.spans, cuts)
        elif m.kind == "citation":
            m.spans = _subtract(m.spans, [c for c in cuts if c not in m.spans and not _inside(c, m.spans)])
    # 5. nested studies
    mentions = [n for m in mentions for n in (split_nested(doc, m) if m.kind != "registry" else [m])]
    # a commentary or consensus that describes two or more cited studies and reports none of its own (no
    # intro, cohort or identifier left once they are cut out) is no study mention itself
    if sum(m.kind == "citation" for m in mentions) >= CITED_ONLY_MIN:
        mentions = [m for m in mentions if not (m.kind == "document" and _reports_nothing(doc, m))]
    # background sentences inside a clinical report (earlier animal work, the team's older paper)
    for m in mentions:
        if m.kind in ("study", "document"):
            bg = background_spans(doc, m)
            if bg:
                m.spans = _subtract(m.spans, bg)
                if m.intro is not None and any(a <= m.intro[0] < b for a, b in bg):
                    m.intro = None
    # 6. metadata, then references (a reference's year only when the text states no date)
    for m in mentions:
        _add_metadata(doc, m, lines, body)
    if refs is not None:
        if len(refs.entries) == 1 and not refs.entries[0].number and len(
                [m for m in mentions if m.kind in ("study", "document")]) == 1:
            next(m for m in mentions if m.kind in ("study", "document")).refs.append(0)
        link_references(doc, mentions, refs)
    citations = citation_lines(doc, *body)
    for m in mentions:
        _add_reference_hits(doc, m, refs, citations)
    mentions = [m for m in mentions if m.spans]
    mentions.sort(key=lambda m: m.spans[0][0])
    return mentions



# one person of a report ("一名…", "a 52-year-old woman"): the page reports a patient, not only background
ONE_PERSON = rx(r"一名|一位|一例|\b(?:a|one)\s+(?:[\w-]+\s+){0,3}?(?:patient|wom[ae]n|m[ae]n)\b", re.IGNORECASE)

def background_spans(doc: Document, m: Mention) -> list[tuple[int, int]]:
    """Sentences of a mention that tell background, not the reported study: the team's earlier animal work
    ("早在2019年,该团队已在大鼠模型中验证了…", "The group first showed it worked in mice in 2018"), or its older
    paper followed by a turn to the present ("2020年,该团队的…论文发表在《科学》上。如今,…").

    Only when another sentence of the mention reports patients: a preclinical report keeps its animals.
    """
    sents = [se for s, e in m.spans for se in _sentences(doc, s, e)]
    if len(sents) < 2:
        return []
    out: list[tuple[int, int]] = []
    glossary_end = -1
    for k, (s, e) in enumerate(sents):
        text = doc.view[s:e]
        if (s == 0 or doc.view[s - 1] == "\n") and GLOSSARY_LINE.match(doc.view, s):
            nl = doc.view.find("\n", s)
            line_end = nl if nl >= 0 else len(doc.view)
            # (a numbered finding with its label, "1.显著降低糖化血红蛋白(HbA1c):…下降0.97%", is a result, not a term)
            if not (HUMAN_CUE.search(doc.view, s, line_end) or LEAD_STUDY.search(doc.view, s, line_end)
                    or GLOSSARY_NOT.search(doc.view, s, line_end) or DIGIT_ITEM.match(doc.view, s)):
                glossary_end = line_end
        if s < glossary_end:
            out.append((s, e))          # a glossary box's definition: background, dates included
            continue
        if HUMAN_CUE.search(text):
            continue
        if ANIMAL_WORK.search(text) and EARLIER.search(text):
            out.append((s, e))
        elif TEAM_PAPER.search(text) and PUB_VERB.search(text) and k + 1 < len(sents) \
                and NOW_CUE.match(doc.view, sents[k + 1][0]):
            out.append((s, e))
    # (a story section of its own, "故事一 / 58岁的王阿姨…", is the case: only a whole page's report tells anecdotes)
    anecdotes = _participant_anecdotes(doc, sents, out) if m.kind == "document" else []
    # (people counted in words report patients too: "Eleven people were treated")
    if out and not any((HUMAN_CUE.search(doc.view, s, e) and (CASE_CUE.search(doc.view, s, e) or LEAD_STUDY.search(doc.view, s, e)
                                                              or ONE_PERSON.search(doc.view, s, e)))
                       or PEOPLE_IN_WORDS.search(doc.view, s, e)
                       for s, e in sents if (s, e) not in out):
        return anecdotes
    return out + anecdotes


def _participant_anecdotes(doc: Document, sents: list[tuple[int, int]],
                           taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences about one named participant inside the report of a cohort ("58岁的王阿姨患糖尿病12年…现在减到了16个
    单位", "65歲陳先生…治療前糖化血色素超過10%", "Mr Chen, 65, said his HbA1c fell below 8%"): an anecdote, not the
    study's figures; only when another sentence counts a cohort of its own (a case report keeps its patient)."""
    story = [(s, e) for s, e in sents if (s, e) not in taken and NAMED_PARTICIPANT.search(doc.view, s, e)]
    if not story:
        return []
    # ... and the sentences after it in its paragraph that go on about her or him ("42歲的許先生…;他在2024年完成第二次移植後
    # 便不再注射胰島素,迄今已18個月", "Mr Ferrand, 47, … He has needed no insulin injections for 18 months")
    for k, (s, e) in enumerate(sents):
        if (s, e) in story:
            for s2, e2 in sents[k + 1:]:
                if "\n" in doc.view[s:s2] or (s2, e2) in taken or not PARTICIPANT_PRONOUN.match(doc.view, s2, e2):
                    break
                if (s2, e2) not in story:
                    story.append((s2, e2))
    story.sort()
    cohort = any(int(n) >= ANECDOTE_COHORT_MIN for s, e in sents if (s, e) not in story
                 for n in segment_openers.cohort_numbers(doc.view, s, e) if n.isdigit())
    return story if cohort else []


def _group_design_hits(doc: Document, context: list[tuple[int, int]]) -> list[Hit]:
    """The design a group heading among a row's context spans names ("Randomized controlled trials")."""
    for s, e in context:
        gd = segment_tables.group_design(doc.view[s:e])
        if gd is not None:
            design, a, b = gd
            return [Hit("design", {"value": design}, s + a, s + b, "segment", "table_group_heading", 0.8)]
    return []


def _table_document(doc: Document, lines: list[_Line], segs: list[_Segment],
                    bounds: list[_Boundary]) -> Optional[Mention]:
    """The document's own study beside its table of studies (the review or meta-analysis whose table it
    is): the text outside the table, when it names a study by an identifier or a publication intro."""
    taken = {ln.start for seg in segs for ln in seg.lines} | {b.pos for b in bounds if b.kind == "end"}
    rest = [ln for ln in lines if ln.start not in taken]
    text = "\n".join(ln.text for ln in rest)
    if not rest or not (find_dois(text) or re.search(r"\bPMID\b", text) or any(is_intro(doc, ln, None) for ln in rest)):
        return None
    intro_line = next((ln for ln in rest if is_intro(doc, ln, None)), None)
    return Mention(_spans_from_lines(rest, []), kind="document",
                   intro=intro_sentence(doc, intro_line) if intro_line else None)


def _reports_nothing(doc: Document, m: Mention) -> bool:
    """No intro, cohort, case or identifier of its own in the mention's text (an intro sentence that a cited study
    took with it, "阮志强等[12]于2026年发表的荟萃分析…", is not its own)."""
    if m.intro is not None and any(s <= m.intro[0] < e for s, e in m.spans):
        return False
    for s, e in m.spans:
        text = doc.view[s:e]
        # a round count ("claims that more than 300 patients have been treated") is a claim, not a cohort
        cohorts = [c for c in LEAD_STUDY.finditer(text) if not APPROX_BEFORE.search(text, max(0, c.start() - 12), c.start())]
        if cohorts or CASE_CUE.search(text) or section_cohort(text) \
                or registry_ids(text) or find_dois(text) or re.search(r"PMID", text):
            return False
    return True


def _inside(c: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= c[0] and c[1] <= e for s, e in spans)
