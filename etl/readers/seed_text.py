"""Plain .txt articles, in the seed's layout (tags, title, date line, body, credit) or with none."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from etl.model import Article, Rejection
from etl.readers.decode import Unreadable, decode_bytes, read_bytes
from etl.readers.text_layout import article_from_layout, parse_layout


def parse_text(text: str, path: Path) -> Article | Rejection:
    return article_from_layout(parse_layout(text), path)


def read_text_file(path: Path) -> Iterator[Article | Rejection]:
    try:
        text = decode_bytes(read_bytes(path))
    except Unreadable as problem:
        yield Rejection(str(path), None, problem.reason)
        return
    article = parse_text(text, path)
    del text  # not held while the article is extracted: a long file would be in memory twice
    yield article
