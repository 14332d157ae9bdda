"""JSON Lines (one article object a line, streamed) and JSON (one object or a list of them)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from etl.model import Article, Rejection
from etl.readers.decode import Unreadable, decode_bytes, iter_lines, read_bytes
from etl.readers.fields import FieldError, article_from_record, has_text_field, kind_of

# Keys under which exports wrap their list of articles: {"articles": [...]}.
_LIST_KEYS = ("articles", "items", "records", "data", "results", "entries")


def _not_json(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON ({error.msg})"
    return "not valid JSON (nested too deeply)"


def parse_record(record: object, *, default_id: str, path: str) -> Article:
    """The article one decoded JSON value describes; raises FieldError when it cannot."""
    if not isinstance(record, dict):
        raise FieldError(f"expected an object with a 'text', got {kind_of(record)}")
    return article_from_record(record, default_id=default_id, path=path)


def read_jsonl_file(path: Path) -> Iterator[Article | Rejection]:
    name, stem = str(path), path.stem
    records = 0
    try:
        for number, line in iter_lines(path):
            if isinstance(line, Unreadable):
                records += 1
                yield Rejection(name, number, f"line {number}: {line.reason}")
                continue
            if not line or line.isspace():
                continue
            records += 1
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as error:
                yield Rejection(name, number, f"line {number}: {_not_json(error)}")
                continue
            line = None  # the article holds its text; the raw line is not kept while it is extracted
            try:
                item: Article | Rejection = parse_record(record, default_id=f"{stem}-{number}", path=name)
            except FieldError as problem:
                item = Rejection(name, number, f"line {number}: {problem}")
            record = None
            yield item
    except Unreadable as problem:
        yield Rejection(name, None, problem.reason)
        return
    if records == 0:
        yield Rejection(name, None, "empty file")


def parse_json(text: str, path: Path) -> Iterator[Article | Rejection]:
    name, stem = str(path), path.stem
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        yield Rejection(name, error.lineno, f"line {error.lineno}: {_not_json(error)}")
        return
    except (ValueError, RecursionError) as error:
        yield Rejection(name, None, _not_json(error))
        return
    if isinstance(document, dict):
        wrapped = next((document[key] for key in _LIST_KEYS
                        if isinstance(document.get(key), list)), None)
        if wrapped is None:
            try:
                yield parse_record(document, default_id=stem, path=name)
            except FieldError as problem:
                yield Rejection(name, None, str(problem))
            return
        document = wrapped
    if not isinstance(document, list):
        yield Rejection(name, None, f"expected an object or a list of objects, got {kind_of(document)}")
        return
    if not document:
        yield Rejection(name, None, "empty list: no articles")
    elif not any(map(has_text_field, document)):
        # A data file that is not articles at all: say so once, not once per record.
        keys = next((list(record) for record in document if isinstance(record, dict)), [])
        yield Rejection(name, None, "no record has a 'text' or 'body' field"
                        + (f" (keys: {', '.join(map(str, keys))[:200]})" if keys else ""))
        return
    for index, record in enumerate(document, 1):
        try:
            yield parse_record(record, default_id=f"{stem}-{index}", path=name)
        except FieldError as problem:
            yield Rejection(name, None, f"item {index}: {problem}")


def read_json_file(path: Path) -> Iterator[Article | Rejection]:
    try:
        text = decode_bytes(read_bytes(path))
    except Unreadable as problem:
        yield Rejection(str(path), None, problem.reason)
        return
    yield from parse_json(text, path)
