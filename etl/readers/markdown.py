"""Markdown articles: optional front matter, a "# Title" heading, markup stripped to plain prose.

Front matter is the simple "key: value" subset of YAML that note-taking tools and static-site
generators write (scalars, [a, b] lists and "- item" lists); no YAML library is needed for it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from etl.model import Article, Rejection
from etl.readers.decode import Unreadable, decode_bytes, read_bytes
from etl.readers.text_layout import article_from_layout, parse_layout

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$")
_LIST_ENTRY = re.compile(r"\s*-\s+(.*)")

_FENCE = re.compile(r"\s*(```|~~~)")
_ATX_HEADING = re.compile(r"\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT_H1 = re.compile(r"\s{0,3}=+\s*$")
_RULE = re.compile(r"\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"\s*(?:>\s?)+")
_LIST_MARKER = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])\s+")
_LINK_DEFINITION = re.compile(r"\s{0,3}\[[^\]]+\]:\s+\S")
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = (
    # Bracketed text excludes "[" so a line full of brackets cannot make the search quadratic.
    (re.compile(r"!\[[^\[\]]*\]\((?:[^()]|\([^()]*\))*\)"), ""),      # images: alt is not prose
    (re.compile(r"\[([^\[\]]+)\]\((?:[^()]|\([^()]*\))*\)"), r"\1"),  # [text](url with (parens))
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),    # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),           # <https://autolink>
    (re.compile(r"</?[A-Za-z][^<>]*>"), ""),                # inline HTML tags
    # Emphasis spans are bounded so that unmatched markers cannot make a long line quadratic.
    (re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<!\w)_(?=\S)(.{1,300}?)(?<=\S)_(?!\w)"), r"\1"),          # _emphasis_, not snake_case
    (re.compile(r"~~(.{1,300}?)~~"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),    # backslash escapes
)


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """(front matter as key -> str or list[str], the rest of the text)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, object] = {}
    key = None
    for line in m.group(1).split("\n"):
        entry = _LIST_ENTRY.match(line)
        if entry and key is not None and isinstance(meta.get(key), list):
            meta[key].append(_scalar(entry.group(1)))
            continue
        pair = _KEY_VALUE.match(line)
        if not pair:
            continue
        key, value = pair.group(1).lower(), (pair.group(2) or "").strip()
        if not value:
            meta[key] = []
        elif value.startswith("[") and value.endswith("]"):
            meta[key] = [_scalar(item) for item in value[1:-1].split(",") if item.strip()]
        else:
            meta[key] = _scalar(value)
    return meta, text[m.end():]


def strip_inline(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line


def to_plain(markdown: str) -> tuple[str | None, str]:
    """(the first level-1 heading, the text as plain lines with markup removed)."""
    title: str | None = None
    lines: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        if in_fence:
            lines.append(line)
            continue
        if _SETEXT_H1.match(line) and lines and lines[-1].strip():
            heading = lines.pop().strip()
            if title is None:
                title = heading
            else:
                lines.extend(("", heading))
            lines.append("")
            continue
        if _RULE.match(line) or _LINK_DEFINITION.match(line) or _TABLE_RULE.match(line):
            lines.append("")
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            text = strip_inline(heading.group(2))
            if heading.group(1) == "#" and title is None:
                title = text
            else:
                lines.extend(("", text))  # a subheading is its own paragraph
            lines.append("")
            continue
        line = _QUOTE.sub("", line, count=1) if line.lstrip().startswith(">") else line
        marker = _LIST_MARKER.match(line)
        if marker:
            lines.append("")  # each list item is its own paragraph, never joined to the last
            line = line[marker.end():]
        lines.append(strip_inline(line))
    return title, "\n".join(lines)


def parse_markdown(text: str, path: Path) -> Article | Rejection:
    meta, body = split_front_matter(text)
    heading, plain = to_plain(body)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    layout = parse_layout(plain, title=title or heading)
    return article_from_layout(layout, path, meta)


def read_markdown_file(path: Path) -> Iterator[Article | Rejection]:
    try:
        text = decode_bytes(read_bytes(path))
    except Unreadable as problem:
        yield Rejection(str(path), None, problem.reason)
        return
    yield parse_markdown(text, path)
