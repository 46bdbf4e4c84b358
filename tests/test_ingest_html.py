"""HTML pages: boilerplate dropped, article text, title, date and canonical URL kept (zh and en)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.errors import EmptyDocument, HtmlNoText
from extract.ingest import InputFile, read
from extract.ingest.base import normalise_date, with_title

ZH_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>干细胞治疗2型糖尿病研究获新进展_健康频道_某某网</title>
<meta property="article:published_time" content="2023-08-15T09:30:00+08:00">
<link rel="canonical" href="https://health.example.cn/news/2023/0815/123.html">
<script>var adSlot = "banner-top";</script>
</head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/h">健康频道</a></li></ul></div>
<div class="share-bar">分享到：微信 微博 QQ空间</div>
<article>
<h1>干细胞治疗2型糖尿病研究获新进展</h1>
<p>近日，某医院内分泌科团队发表了一项随机对照试验的结果。研究共纳入八十六例2型糖尿病患者，治疗组四十三例接受脐带间充质干细胞输注，对照组四十三例仅接受常规治疗。</p>
<p>随访十二个月后，治疗组的糖化血红蛋白由8.2%下降至7.1%，每日胰岛素用量平均减少约三分之一，而对照组无明显变化。研究人员表示，治疗期间未观察到严重不良事件。</p>
<p>专家指出，这一结果仍需更大规模、更长时间的多中心研究加以验证。</p>
</article>
<div class="ad">广告：专业糖尿病治疗中心，咨询热线400-000-0000</div>
<div class="contact">联系我们 电话：010-00000000 邮箱：news@example.cn</div>
<footer>版权所有 © 2023 某某网 京ICP备00000000号</footer>
</body></html>"""

EN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Islet cell therapy frees patients from insulin | Example Health News</title>
<meta name="citation_publication_date" content="2024/03/07">
<meta property="article:published_time" content="2024-03-07">
<link rel="canonical" href="https://news.example.org/islet-therapy-insulin">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe now</a></nav></header>
<main><article>
<h1>Islet cell therapy frees patients from insulin</h1>
<p>A stem cell-derived islet therapy allowed most participants in an early trial to stop injecting insulin, researchers reported at a diabetes meeting on Thursday.</p>
<p>Twelve adults with type 1 diabetes received a single infusion at full dose. After one year, ten of them no longer needed insulin, and their HbA1c stayed below 7 percent.</p>
<p>The company plans a larger phase 3 study with about fifty participants across several countries.</p>
</article></main>
<aside class="related">Related stories: Ten tips for healthy eating</aside>
<div class="social-share">Share on Facebook Share on X Email this story</div>
<div id="advert-box">Advertisement: Try our premium plan today</div>
<footer>Contact us: press@example.org | About | Privacy policy | © 2024 Example Media</footer>
</body></html>"""

BOILERPLATE_ZH = ("首页", "分享到", "广告", "联系我们", "版权所有", "adSlot")
BOILERPLATE_EN = ("Subscribe now", "Share on Facebook", "Advertisement", "Contact us", "Privacy policy", "Related")


def _read(tmp_path: Path, data: bytes, name: str = "page.html"):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return read(InputFile(p, name))


@pytest.mark.parametrize("charset,codec", [("utf-8", "utf-8"), ("gbk", "gbk"), ("gb2312", "gb18030")])
def test_chinese_article_keeps_text_title_date_drops_boilerplate(tmp_path: Path, charset: str, codec: str) -> None:
    [doc] = _read(tmp_path, ZH_PAGE.format(charset=charset).encode(codec, errors="ignore"))
    assert "糖化血红蛋白由8.2%下降至7.1%" in doc.raw_text
    assert "专家指出" in doc.raw_text
    for junk in BOILERPLATE_ZH:
        assert junk not in doc.raw_text, junk
    assert doc.title == "干细胞治疗2型糖尿病研究获新进展"
    assert doc.raw_text.count(doc.title) == 1
    assert doc.published == "2023-08-15"
    assert doc.url == "https://health.example.cn/news/2023/0815/123.html"
    assert doc.source_format == "html"


def test_english_article_keeps_text_title_date_drops_boilerplate(tmp_path: Path) -> None:
    [doc] = _read(tmp_path, EN_PAGE.encode("utf-8"), "news/islet.htm")
    assert "ten of them no longer needed insulin" in doc.raw_text
    assert "phase 3 study" in doc.raw_text
    for junk in BOILERPLATE_EN:
        assert junk not in doc.raw_text, junk
    assert doc.title == "Islet cell therapy frees patients from insulin"
    assert doc.raw_text.splitlines()[0] == doc.title
    assert doc.published == "2024-03-07"
    assert doc.url == "https://news.example.org/islet-therapy-insulin"


def test_traditional_chinese_big5_page(tmp_path: Path) -> None:
    page = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=big5'>"
            "<title>臍帶幹細胞治療糖尿病</title></head><body><div class='menu'>首頁 | 健康 | 登入</div>"
            "<p>臺北一家醫院以臍帶間質幹細胞治療二十名第二型糖尿病患者，六個月後糖化血色素平均下降一點二個百分點。</p>"
            "<p>研究團隊表示，將擴大收案並延長追蹤時間。</p></body></html>")
    [doc] = _read(tmp_path, page.encode("big5"))
    assert "糖化血色素平均下降" in doc.raw_text and "登入" not in doc.raw_text
    assert doc.encoding == "big5hkscs"
    assert doc.raw_text.startswith("臍帶幹細胞治療糖尿病")  # the title line, once


SHORT_PAGES = [
    ("<html><head><title>Short news | Site</title></head><body><div class='nav'><a>Home</a> <a>Login</a></div>"
     "<h1>Short news</h1><p>Islet cells were given to 3 patients in a pilot study.</p>"
     "<div class='footer'>Contact us</div></body></html>", "Islet cells were given to 3 patients", ("Home", "Contact")),
    ("<html><body><div id='breadcrumb'>首页 &gt; 新闻</div><h2>简讯</h2><p>5名患者接受了干细胞移植。</p>"
     "<ul><li>随访6个月</li></ul><div class='copyright'>版权所有</div></body></html>",
     "5名患者接受了干细胞移植。", ("首页", "版权所有")),
    ("<html><body><div id='main'>第一段：胰岛移植共12例。<br>第二段：随访一年。<br></div></body></html>",
     "第二段：随访一年。", ()),
]


@pytest.mark.parametrize("page,kept,dropped", SHORT_PAGES)
def test_short_pages_are_not_lost(tmp_path: Path, page: str, kept: str, dropped: tuple[str, ...]) -> None:
    [doc] = _read(tmp_path, page.encode("utf-8"))
    assert kept in doc.raw_text
    for junk in dropped:
        assert junk not in doc.raw_text


NO_TEXT = [
    # no match: pages without readable body text
    ("<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>",
     HtmlNoText),
    ("<html><head><title></title></head><body>  </body></html>", HtmlNoText),
    ("<html><body><style>p {color: red}</style><noscript></noscript></body></html>", HtmlNoText),
    ("   \n ", EmptyDocument),
]


@pytest.mark.parametrize("page,error", NO_TEXT)
def test_pages_without_text_fail(tmp_path: Path, page: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        _read(tmp_path, page.encode("utf-8"))


DATES = [
    ("2023-08-15T09:30:00+08:00", "2023-08-15"),
    ("2024/3/7", "2024-03-07"),
    ("2021年5月", "2021-05"),
    ("2019年12月3日", "2019-12-03"),
    ("2020.01.31", "2020-01-31"),
    ("2018", "2018"),
    # no match
    ("yesterday", None),
    ("", None),
    (None, None),
    ("2022-13-01", "2022"),   # an impossible month keeps only the year
]


@pytest.mark.parametrize("value,date", DATES)
def test_normalise_date(value: str | None, date: str | None) -> None:
    assert normalise_date(value) == date


TITLES = [
    ("Islet study", "Islet study\n\nBody text.", "Islet study\n\nBody text."),
    ("Islet study", "Body text.", "Islet study\n\nBody text."),
    ("胰岛移植研究", "胰岛移植 研究\n正文。", "胰岛移植 研究\n正文。"),   # spacing differences still count as present
    (None, "Body.", "Body."),
]


@pytest.mark.parametrize("title,text,expected", TITLES)
def test_title_is_first_line_once(title: str | None, text: str, expected: str) -> None:
    assert with_title(title, text) == expected


DECLARED_PAGE = ("<html><head><meta charset=\"{charset}\"><title>干细胞治疗糖尿病</title></head><body><article>"
           "<p>研究共纳入40名2型糖尿病患者，随访12个月，糖化血红蛋白从8.4%降至7.2%，胰岛素用量明显减少。</p>"
           "<p>研究团队表示，脐带间充质干细胞治疗安全有效，值得进一步开展多中心临床研究。</p></article></body></html>")
DECLARED_PAGE_HANT = ("<html><head><meta charset=\"{charset}\"><title>幹細胞治療糖尿病</title></head><body><article>"
                      "<p>研究共納入40名第二型糖尿病患者，追蹤12個月，糖化血色素從8.4%降至7.2%，胰島素用量明顯減少。</p>"
                      "<p>研究團隊表示，臍帶間質幹細胞治療安全有效，值得進一步開展多中心臨床研究。</p>"
                      "</article></body></html>")


@pytest.mark.parametrize("declared,codec", [("iso-8859-1", "gbk"), ("windows-1252", "gbk"), ("us-ascii", "gbk"),
                                            ("iso-8859-1", "big5")])
def test_a_chinese_page_with_a_wrong_single_byte_declaration_is_read_as_chinese(
        tmp_path: Path, declared: str, codec: str) -> None:
    p = tmp_path / "page.html"
    page = DECLARED_PAGE_HANT if codec == "big5" else DECLARED_PAGE
    p.write_bytes(page.replace("{charset}", declared).encode(codec))
    [doc] = read(InputFile(p, "page.html"))
    assert "糖尿病患者" in doc.raw_text
    assert doc.encoding in {"gb18030", "big5hkscs"}
    assert any(declared in w and "read as" in w for w in doc.warnings)


def test_a_latin1_page_declared_latin1_stays_latin1(tmp_path: Path) -> None:
    page = ("<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Le traitement a réduit "
            "l'HbA1c de 8,4 % à 7,2 % chez les patients étudiés après douze mois de suivi à l'hôpital.</p>"
            "</article></body></html>")
    p = tmp_path / "fr.html"
    p.write_bytes(page.encode("latin-1"))
    [doc] = read(InputFile(p, "fr.html"))
    assert "réduit" in doc.raw_text and doc.encoding == "cp1252" and not doc.warnings


def test_a_declaration_the_bytes_do_not_bear_out_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "big5.html"
    p.write_bytes(DECLARED_PAGE_HANT.replace("{charset}", "gb2312").encode("big5"))
    [doc] = read(InputFile(p, "big5.html"))
    assert doc.encoding == "big5hkscs"
    assert any("gb2312" in w for w in doc.warnings)
