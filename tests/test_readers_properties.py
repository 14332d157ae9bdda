"""Whatever a file holds, reading it never raises: it yields Articles and Rejections only."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.model import Article, Rejection
from etl.readers import READERS, read_file
from etl.readers.decode import Unreadable, decode_bytes
from etl.readers.html_page import parse_html
from etl.readers.json_records import parse_json, parse_record
from etl.readers.fields import FieldError
from etl.readers.markdown import parse_markdown
from etl.readers.seed_text import parse_text

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
# Text that looks like the formats' own syntax finds more corners than uniform noise.
SYNTAX = st.sampled_from(["#", "# ", "---\n", "\n", "\n\n", "\r\n", ":", "{", "}", "[", "]", '"',
                          ",", ";", "<p>", "</p>", "<article>", "<script>", "<meta property='og:title' content='",
                          "'>", "2025-09-04", "4 September 2025", "Photo: ", "**", "_", "`", "> ", "- ",
                          "\x00", "\ufeff", "\u2028", "é", "Київ"])
TEXTISH = st.lists(st.one_of(SYNTAX, st.text(max_size=20)), max_size=40).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "title", "date", "published", "text", "body", "url", "source",
                         "outlet", "tags", "other"]), children, max_size=6),
    max_leaves=15,
)


def assert_items(items: list) -> None:
    assert all(isinstance(item, (Article, Rejection)) for item in items)
    for item in items:
        if isinstance(item, Article):
            assert item.text.strip()
        else:
            assert item.reason


@pytest.mark.parametrize("extension", sorted(READERS))
@SETTINGS
@given(data=st.binary(max_size=400) | TEXTISH.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_any_bytes_in_any_format_never_raise(tmp_path, extension, data):
    path = tmp_path / f"input{extension}"
    path.write_bytes(data)
    assert_items(list(read_file(path)))


@SETTINGS
@given(text=TEXTISH)
def test_text_parsers_never_raise(text):
    path = Path("story.txt")
    for parse in (parse_text, parse_markdown, parse_html):
        assert_items([parse(text, path)])
    assert_items(list(parse_json(text, Path("items.json"))))


@SETTINGS
@given(data=st.binary(max_size=300))
def test_decoding_either_succeeds_or_says_why(data):
    try:
        text = decode_bytes(data)
    except Unreadable as problem:
        assert problem.reason
    else:
        assert "\r" not in text


@SETTINGS
@given(value=JSON_VALUES)
def test_any_json_value_is_an_article_or_a_field_error(value):
    try:
        article = parse_record(value, default_id="x-1", path="x.jsonl")
    except FieldError as problem:
        assert str(problem)
    else:
        assert article.text and isinstance(article.article_id, str)
    assert_items(list(parse_json(json.dumps(value), Path("x.json"))))
