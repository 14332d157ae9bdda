"""Saved web pages (.html/.htm): metadata from the head's meta tags, body from the article.

The body is the visible text of the <article> (or articleBody, <main>, else <body>) with
scripts, navigation, captions and similar furniture removed; every block element (p, li, h2,
blockquote, ...) becomes a paragraph and whitespace inside it collapses as a browser shows it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from etl.model import Article, Rejection
from etl.readers.decode import Unreadable, decode_bytes, read_bytes
from etl.readers.fields import published_date, split_tags

_DECLARED_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,60})"')
_JUNK = ("script", "style", "iframe", "noscript", "template", "svg", "canvas", "nav", "header",
         "footer", "aside", "form", "button", "select", "figure", "figcaption", "object", "embed",
         "video", "audio", "picture", "dialog")
_BLOCK = frozenset("""p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre
    table thead tbody tr br hr address details summary center""".split())
_CONTAINERS = ("[itemprop=articleBody]", "article", "main")
# Meta names for the publication date, most specific first.
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
              "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date",
              "dcterms.created", "sailthru.date", "parsely-pub-date")


def _meta(tree: LexborHTMLParser) -> tuple[dict[str, str], list[str]]:
    """(first content of each meta name/property/itemprop, lowercased; the article:tag values)."""
    meta: dict[str, str] = {}
    tags: list[str] = []
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if not key or not content:
            continue
        key = key.strip().lower()
        if key == "article:tag":
            tags.append(content)
        meta.setdefault(key, content.strip())
    return meta, tags


def _attr(tree: LexborHTMLParser, selector: str, attribute: str) -> str:
    node = tree.css_first(selector)
    value = node.attributes.get(attribute) if node is not None else None
    return value.strip() if value else ""


def _published(tree: LexborHTMLParser, meta: dict[str, str]) -> date | None:
    candidates = [meta[key] for key in _DATE_META if key in meta]
    node = tree.css_first("[itemprop=datePublished]")
    if node is not None:
        candidates.append(node.attributes.get("datetime") or node.text())
    candidates.append(_attr(tree, "time[datetime]", "datetime"))
    for script in tree.css('script[type="application/ld+json"]'):
        candidates.extend(_LD_DATE.findall(script.text()))
    return next((found for found in map(published_date, candidates) if found), None)


def _title(tree: LexborHTMLParser, meta: dict[str, str], site: str) -> str:
    for candidate in (meta.get("og:title"), _text_of(tree, "title"), _text_of(tree, "h1")):
        title = " ".join((candidate or "").split())
        for separator in (" - ", " | ", " – ", " — "):
            if site and title.endswith(separator + site):
                title = title[: -len(separator + site)]  # "Story - Example Herald"
        if title:
            return title
    return ""


def _text_of(tree: LexborHTMLParser, selector: str) -> str:
    node = tree.css_first(selector)
    return node.text() if node is not None else ""


def _container(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding the story: articleBody, else the largest <article>, else <main>.

    Most specific first, because a <main> also holds the related-story teasers around it.
    """
    for selector in _CONTAINERS:
        best = max(tree.css(selector), key=lambda node: len(node.text()), default=None)
        if best is not None and best.text().strip():
            return best
    return tree.body or tree.root


def _paragraphs(root: LexborNode) -> list[str]:
    """Visible text of `root`, one string per block element, whitespace collapsed.

    Walks with an explicit stack so deeply nested markup cannot exhaust Python's recursion.
    """
    paragraphs: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = " ".join("".join(parts).split())
        parts.clear()
        if text:
            paragraphs.append(text)

    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            flush()
            continue
        if node.is_text_node:
            parts.append(node.text_content or "")
            continue
        if not node.is_element_node and not node.is_document_node:
            continue
        if node.tag in _BLOCK:
            flush()
            stack.append((node, True))
        children = []
        child = node.first_child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((child, False) for child in reversed(children))
    flush()
    return paragraphs


def parse_html(text: str, path: Path) -> Article | Rejection:
    tree = LexborHTMLParser(text)
    meta, tags = _meta(tree)
    if not tags and (meta.get("news_keywords") or meta.get("keywords")):
        tags = [meta.get("news_keywords") or meta["keywords"]]
    source = " ".join(meta.get("og:site_name", "").split())
    title = _title(tree, meta, source)
    published = _published(tree, meta)
    url = _attr(tree, 'link[rel="canonical"]', "href") or meta.get("og:url", "")
    tree.strip_tags(list(_JUNK))
    for hidden in tree.css("[hidden], [aria-hidden=true]"):
        hidden.decompose()
    container = _container(tree)
    paragraphs = _paragraphs(container) if container is not None else []
    # The page's headline repeated as an <h1> inside the article is not body text.
    body = "\n\n".join(paragraph for paragraph in paragraphs if paragraph != title)
    if not body:
        return Rejection(str(path), None, "no article text")
    return Article(
        article_id=path.stem,
        published=published,
        title=title,
        source=source,
        tags=tuple(dict.fromkeys(tag for item in tags for tag in split_tags(item))),
        url=url,
        path=str(path),
        text=body,
    )


def read_html_file(path: Path) -> Iterator[Article | Rejection]:
    try:
        data = read_bytes(path)
        declared = _DECLARED_CHARSET.search(data[:4096])
        text = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    except Unreadable as problem:
        yield Rejection(str(path), None, problem.reason)
        return
    yield parse_html(text, path)
