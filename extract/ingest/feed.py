"""JSON Lines feeds: one article per line; a bad line fails alone and the rest of the feed goes on."""
from __future__ import annotations

import json
from typing import Any

from ..document import FailedItem, SourceDoc
from ..errors import ExtractError, FeedError
from .base import Reader, clean_title, normalise_date, replace_surrogates, with_title
from .discover import InputFile
from .encoding import decode_bytes
from .html import html_source

FEED_EXTENSIONS: tuple[str, ...] = (".jsonl", ".ndjson")
ID_KEYS: tuple[str, ...] = ("id", "doc_id", "guid")
TEXT_KEYS: tuple[str, ...] = ("text", "content", "body")
HTML_KEYS: tuple[str, ...] = ("html", "content_html")
DATE_KEYS: tuple[str, ...] = ("published", "pub_date", "date")


class FeedReader(Reader):
    name = "feed"
    extensions = FEED_EXTENSIONS

    def parse(self, f: InputFile, data: bytes) -> list[SourceDoc | FailedItem]:
        decoded = decode_bytes(data)
        out: list[SourceDoc | FailedItem | None] = []
        failed: list[tuple[int, int, ExtractError, str | None]] = []   # (slot, line, error, its item id)
        seen: set[str] = set()
        # JSON Lines end at "\n" only: str.splitlines() would also cut at U+2028 or \x1c inside a JSON string
        for number, line in enumerate(decoded.text.split("\n"), start=1):
            if not line.strip():
                continue
            registered = None
            try:
                item = _load(line, number)
                doc_id = f"{f.rel}#{_item_id(item, number)}"
                if doc_id in seen:
                    raise FeedError(f"feed line {number}: duplicate id {doc_id.split('#', 1)[1]!r}")
                seen.add(doc_id)
                registered = doc_id
                doc = item_source(f, item, doc_id, number)
            except ExtractError as e:
                # the item's own error (FeedError, or HtmlNoText for an empty html item); the feed goes on
                failed.append((len(out), number, e, registered))
                out.append(None)
                continue
            doc.encoding = decoded.encoding
            out.append(doc)
        # a failed line is listed as FILE#lineN, unless an item of the feed already has that id
        for slot, number, err, own_id in failed:
            doc_id = own_id  # an item whose id was read keeps it (it is already unique in ``seen``)
            if doc_id is None:
                doc_id, k = f"{f.rel}#line{number}", 2
                while doc_id in seen:
                    doc_id, k = f"{f.rel}#line{number}~{k}", k + 1
                seen.add(doc_id)
            out[slot] = FailedItem(doc_id=doc_id, error=err, source_path=f.rel)
        if not out:
            raise FeedError("empty feed: no article lines")
        return [d for d in out if d is not None]


def _load(line: str, number: int) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as e:
        raise FeedError(f"feed line {number}: not valid JSON ({e.msg} at column {e.colno})") from e
    if not isinstance(item, dict):
        raise FeedError(f"feed line {number}: expected a JSON object, got {type(item).__name__}")
    return item


def _item_id(item: dict[str, Any], number: int) -> str:
    for key in ID_KEYS:
        value = item.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return replace_surrogates(str(value).strip())
    raise FeedError(f"feed line {number}: the item has no id")


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def item_source(f: InputFile, item: dict[str, Any], doc_id: str, number: int) -> SourceDoc:
    """One feed item as a SourceDoc: plain text as given, HTML through the HTML extraction."""
    title = clean_title(item.get("title"))
    published = normalise_date(_first(item, DATE_KEYS))
    url = _first(item, ("url", "link"))
    text = _first(item, TEXT_KEYS)
    if text is not None:
        return SourceDoc(doc_id=doc_id, raw_text=with_title(title, text), source_format="feed",
                         source_path=f.rel, title=title, published=published, url=url)
    html = _first(item, HTML_KEYS)
    if html is None:
        raise FeedError(f"feed line {number}: the item has no text (expected 'text' or 'html')")
    doc = html_source(f, html, doc_id=doc_id, source_format="feed")
    if title and title != doc.title:
        doc.raw_text = with_title(title, doc.raw_text)
    doc.title = title or doc.title
    doc.published = published or doc.published
    doc.url = url or doc.url
    return doc
