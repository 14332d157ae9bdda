"""Raw field values -> Article fields: dates, tags, and records keyed by the usual column names.

Shared by every format so a date or a tag list means the same whether it came from a JSON key,
a CSV column, a front-matter line or an HTML meta tag.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from etl.extract.periods import parse_date
from etl.model import Article
from etl.readers.decode import normalise_newlines

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORDINAL = r"(?:st|nd|rd|th)?"
# Explicit full dates only (day, month and year): a bare "Monday" or "2025" is not a
# publication date, and dateparser would resolve it against today.
_DATE = re.compile(
    r"(?<!\d)(?P<ymd>(?P<y>\d{4})[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2}))(?!\d)"
    r"|(?<!\d)(?P<dmy_dots>(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4}))(?!\d)"
    r"|(?<!\d)(?P<slashed>\d{1,2}/\d{1,2}/\d{4})(?!\d)"
    rf"|(?<![\w])(?P<words>(?P<wd1>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+(?P<wd2>\d{{1,2}}){_ORDINAL},?\s+\d{{4}})(?!\d)",
    re.I,
)
# A date in a file name such as 2024-03-05_kyiv.txt or kyiv-20240305.txt.
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
EARLIEST = date(1900, 1, 1)

TEXT_KEYS = ("text", "body", "content")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "published_at", "publishedat", "pubdate", "date_published")
SOURCE_KEYS = ("source", "outlet", "publisher")
URL_KEYS = ("url", "link")
TAG_KEYS = ("tags", "keywords")


class FieldError(ValueError):
    """A record that cannot become an article; the message says which field and why."""


def match_date(text: str) -> re.Match[str] | None:
    """The first explicit date written in `text` (valid or not)."""
    return _DATE.search(text)


def date_from_match(m: re.Match[str]) -> date | None:
    """The date a match names, or None when it is impossible, before 1900 or in the future."""
    try:
        if m.group("ymd"):
            found = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        elif m.group("dmy_dots"):
            # Dotted day.month.year is the European order (04.09.2025 = 4 September).
            found = date(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        else:
            found = parse_date(m.group(0))
            # dateparser reads "Sep 00, 2025" as the 25th; a day it did not read is no date.
            if m.group("words") and found is not None \
                    and found.day != int(m.group("wd1") or m.group("wd2")):
                return None
    except (ValueError, OverflowError):
        return None
    if found is None or not EARLIEST <= found <= date.today():
        return None
    return found


def published_date(value: object) -> date | None:
    """A publication date from a field value such as "2025-09-04T10:00:00Z" or "Sep 4, 2025"."""
    if not isinstance(value, str):
        return None
    m = match_date(value[:200])
    return date_from_match(m) if m else None


def date_from_name(stem: str) -> date | None:
    """The date a file name holds (2024-03-05_kyiv -> 2024-03-05), if any and plausible."""
    for m in _NAME_DATE.finditer(stem):
        try:
            found = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if EARLIEST <= found <= date.today():
            return found
    return None


def clean_tag(tag: str) -> str:
    return tag.strip().lstrip("#").strip()


def split_tags(value: object, field: str = "tags") -> tuple[str, ...]:
    """Tags from a list or a ';' / ','-separated string, without '#' and empties."""
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(";") if ";" in value else value.split(",")
    elif isinstance(value, list) and all(_is_scalar(item) for item in value):
        parts = [str(item) for item in value]
    else:
        raise FieldError(f"'{field}' must be a list of words or a ';'-separated string, "
                         f"got {kind_of(value)}")
    return tuple(tag for tag in (clean_tag(part) for part in parts) if tag)


def kind_of(value: object) -> str:
    """How a JSON value's type reads in a message: "a number", "a list", ..."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _is_scalar(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, (int, float)) and not isinstance(value, bool))


def _normal_key(key: object) -> str:
    return str(key).strip().lower().replace(" ", "_").replace("-", "_")


def _first(record: Mapping[str, object], keys: tuple[str, ...]) -> tuple[str, object]:
    """(key, value) of the first key present with a value; ("", None) when none is."""
    for key in keys:
        value = record.get(key)
        if value is not None and value != "":
            return key, value
    return "", None


def _text_field(record: Mapping[str, object], keys: tuple[str, ...]) -> str:
    key, value = _first(record, keys)
    if value is None:
        return ""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return " ".join(value["name"].split())  # {"source": {"id": ..., "name": "BBC News"}} (news APIs)
    if not isinstance(value, str):
        raise FieldError(f"'{key}' must be text, got {kind_of(value)}")
    return " ".join(value.split())


def has_text_field(record: object) -> bool:
    return isinstance(record, dict) and any(_normal_key(key) in TEXT_KEYS for key in record)


def article_from_record(record: Mapping[object, object], *, default_id: str, path: str) -> Article:
    """The article a JSON object or CSV row describes; raises FieldError saying what is wrong."""
    fields = {_normal_key(key): value for key, value in record.items()}
    text_key, text = _first(fields, TEXT_KEYS)
    if text is None:
        raise FieldError("'text' is missing or empty")
    if not isinstance(text, str):
        raise FieldError(f"'{text_key}' must be text, got {kind_of(text)}")
    body = normalise_newlines(text).strip()
    if not body:
        raise FieldError(f"'{text_key}' is missing or empty")
    raw_id = fields.get("id")
    if raw_id is None or raw_id == "":
        article_id = default_id
    elif isinstance(raw_id, str) or (isinstance(raw_id, int) and not isinstance(raw_id, bool)):
        article_id = str(raw_id).strip() or default_id
    else:
        raise FieldError(f"'id' must be text or a whole number, got {kind_of(raw_id)}")
    tag_key, tags = _first(fields, TAG_KEYS)
    return Article(
        article_id=article_id,
        published=published_date(_first(fields, DATE_KEYS)[1]),
        title=_text_field(fields, TITLE_KEYS),
        source=_text_field(fields, SOURCE_KEYS),
        tags=split_tags(tags, tag_key or "tags"),
        url=_text_field(fields, URL_KEYS),
        path=path,
        text=body,
    )
