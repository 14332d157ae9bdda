"""CSV with a header row naming the same fields as the JSON records (text/body, title, date, ...).

Streamed row by row; fields may be huge (whole articles) and span lines. The delimiter is
whichever of , ; tab | the header uses most, since spreadsheets in many locales save with ';'.
"""
from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path

from etl.model import Article, Rejection
from etl.readers.decode import EMPTY, Unreadable, iter_lines
from etl.readers.fields import TEXT_KEYS, FieldError, article_from_record

csv.field_size_limit(2**31 - 1)  # an article body is one field; the default 128 KB is too small

_DELIMITERS = ",;\t|"


def _delimiter(header_line: str) -> str:
    return max(_DELIMITERS, key=header_line.count)


def read_csv_file(path: Path) -> Iterator[Article | Rejection]:
    name = str(path)
    try:
        yield from _read_rows(path, name)
    except Unreadable as problem:
        yield Rejection(name, None, problem.reason)


def _read_rows(path: Path, name: str) -> Iterator[Article | Rejection]:
    undecodable: list[Rejection] = []

    def text_lines() -> Iterator[str]:
        for number, line in iter_lines(path):
            if isinstance(line, Unreadable):
                undecodable.append(Rejection(name, number, f"line {number}: {line.reason}"))
                yield "\n"
            else:
                yield line

    lines = text_lines()
    blank = 0  # blank lines before the header, so row line numbers match the file
    for first in lines:
        if first.strip():
            break
        blank += 1
    else:
        yield Rejection(name, None, EMPTY)
        return
    reader = csv.reader(itertools.chain([first], lines), delimiter=_delimiter(first))
    try:
        header = [column.strip() for column in next(reader)]
    except csv.Error as error:
        yield Rejection(name, blank + 1, f"line {blank + 1}: not valid CSV ({error})")
        return
    if not any(column.lower() in TEXT_KEYS for column in header):
        yield Rejection(name, blank + 1,
                        f"no 'text' or 'body' column (columns: {', '.join(header)[:200]})")
        return
    stem = path.stem
    last_line = blank + reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield Rejection(name, last_line + 1, f"line {last_line + 1}: not valid CSV ({error})")
            last_line = blank + reader.line_num
            continue
        start, last_line = last_line + 1, blank + reader.line_num
        yield from undecodable
        undecodable.clear()
        if not any(cell.strip() for cell in row):
            continue
        try:
            yield article_from_record(dict(zip(header, row)), default_id=f"{stem}-{start}", path=name)
        except FieldError as problem:
            yield Rejection(name, start, f"line {start}: {problem}")
    yield from undecodable
