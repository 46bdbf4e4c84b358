"""HTML pages: trafilatura's main text (boilerplate dropped) with title, date and canonical URL.

When trafilatura finds (almost) nothing on a page that does have paragraphs (short news items are below its
minimum size), a plain lxml pass over headings, paragraphs and list items keeps the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..document import FailedItem, SourceDoc
from ..errors import EmptyDocument, HtmlNoText
from .base import Reader, clean_title, normalise_date, with_title
from .discover import InputFile
from .encoding import decode_bytes
from ..rxcache import rx

HTML_EXTENSIONS: tuple[str, ...] = (".html", ".htm", ".xhtml", ".shtml")

# The charset a page declares, in <meta charset> or <meta http-equiv content="...; charset=...">.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
DECLARATION_WINDOW = 4096  # bytes searched for the declaration (it must come early in <head>)

TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,   # reader comments are not the article
    "include_tables": True,      # results tables carry HbA1c and cohort numbers
    "include_images": False,
    "include_links": False,
    # only dates the page states for itself, not any date found in the text
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}

# The lxml fallback: what counts as text, and what is boilerplate even there.
FALLBACK_BLOCKS: tuple[str, ...] = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "blockquote",
                                    "pre", "figcaption", "dd", "dt")
FALLBACK_DROP_TAGS: tuple[str, ...] = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form",
                                       "iframe", "button", "select", "template", "svg", "object")
FALLBACK_DROP_HINT = rx(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|header|sidebar|share|sharing|social|ad|ads|advert\w*|banner|"
    r"cookie\w*|comments?|related|breadcrumbs?|contact|copyright|subscribe|login|toolbar|pagination)(?:$|[\s_-])",
    re.I)
# Below its minimum article size trafilatura falls back to taking the whole page, navigation included: there
# the stricter lxml pass wins, unless it lost most of the text.
FALLBACK_MAX_TRAF_CHARS = 250
FALLBACK_MIN_RATIO = 0.5


@dataclass
class HtmlText:
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    warnings: list[str] = field(default_factory=list)


class HtmlReader(Reader):
    name = "html"
    extensions = HTML_EXTENSIONS

    def parse(self, f: InputFile, data: bytes) -> list[SourceDoc | FailedItem]:
        decoded = decode_bytes(data, declared=declared_charset(data))
        doc = html_source(f, decoded.text, encoding=decoded.encoding)
        doc.warnings = [*decoded.warnings, *doc.warnings]
        return [doc]


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares for itself, if any."""
    m = _META_CHARSET.search(data[:DECLARATION_WINDOW])
    return m.group(1).decode("ascii", "replace") if m else None


def html_source(f: InputFile, html: str, *, encoding: str | None = None, doc_id: str | None = None,
                source_format: str = "html") -> SourceDoc:
    """One SourceDoc from a decoded HTML page (used by the HTML, text and feed readers)."""
    page = extract_html(html)
    return SourceDoc(doc_id=doc_id or f.rel, raw_text=with_title(page.title, page.text),
                     source_format=source_format, source_path=f.rel, encoding=encoding, title=page.title,
                     published=page.published, url=page.url, warnings=page.warnings)


def extract_html(html: str) -> HtmlText:
    """Main text and metadata of a page; HtmlNoText when it has no text to read."""
    if not html.strip():
        raise EmptyDocument("empty document: the page is empty")
    tree = _parse_tree(html)
    meta: dict[str, Any] = {}
    text = ""
    if tree is not None:
        import trafilatura

        try:
            result = trafilatura.bare_extraction(_strip_xml_declaration(html), **TRAFILATURA_OPTIONS)
        except MemoryError:  # the worker's memory limit: never a format error
            raise
        except Exception:  # noqa: BLE001 - a page trafilatura chokes on still gets the lxml pass below
            result = None
        if result is not None:
            meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
            text = (meta.get("text") or "").strip()
    title = _title(tree, meta)  # before the fallback, which prunes the tree
    fallback = fallback_text(tree) if tree is not None else ""
    if len(text) < FALLBACK_MAX_TRAF_CHARS and fallback and len(fallback) >= FALLBACK_MIN_RATIO * len(text):
        text = fallback
    if not text.strip() or text.strip() == (title or "").strip():  # a title alone is no article
        raise HtmlNoText("no text: the HTML page has no readable body text (only scripts, markup or navigation)")
    return HtmlText(text=text, title=title, published=normalise_date(meta.get("date")),
                    url=_canonical_url(tree) or meta.get("url") or None)


def fallback_text(tree: Any) -> str:
    """Text of headings, paragraphs and list items outside navigation, footers and ads, in page order."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    for el in list(root.iter(*FALLBACK_DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        hint = f"{el.get('class', '')} {el.get('id', '')}" if isinstance(el.tag, str) else ""
        if hint.strip() and FALLBACK_DROP_HINT.search(hint):
            _drop(el)
    lines: list[str] = []
    taken: set[Any] = set()
    for el in root.iter(*FALLBACK_BLOCKS):
        if any(a in taken for a in el.iterancestors()):
            continue  # its text is already in an enclosing block
        taken.add(el)
        line = " ".join("".join(el.itertext()).split())
        if line:
            lines.append(line)
    if not lines:
        # pages that put text straight in <div>s separated by <br>
        for br in root.iter("br"):
            br.tail = "\n" + (br.tail or "")
        lines = [" ".join(ln.split()) for ln in "".join(root.itertext()).splitlines()]
    return "\n".join(ln for ln in lines if ln)


def _parse_tree(html: str) -> Any:
    import lxml.html

    try:
        return lxml.html.fromstring(_strip_xml_declaration(html))
    except MemoryError:  # the worker's memory limit: never a format error
        raise
    except Exception:  # noqa: BLE001 - lxml raises several types on garbage; garbage has no text
        return None


def _strip_xml_declaration(html: str) -> str:
    # lxml refuses str input that carries an encoding declaration
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)


def _drop(el: Any) -> None:
    parent = el.getparent()
    if parent is not None:
        el.drop_tree()


def _title(tree: Any, meta: dict[str, Any]) -> str | None:
    """The article's own heading when the metadata title is that heading plus a site name."""
    title = clean_title(meta.get("title"))
    if tree is None:
        return title
    h1 = next((clean_title("".join(h.itertext())) for h in tree.iter("h1")), None)
    if h1 and (title is None or h1 in title):
        return h1
    if title is None:
        found = tree.find(".//title")
        return clean_title(found.text_content()) if found is not None else None
    return title


def _canonical_url(tree: Any) -> str | None:
    if tree is None:
        return None
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return str(link.get("href")).strip()
    return None
