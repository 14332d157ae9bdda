"""Nothing an article or an upload holds can become markup, a link, a script or a file outside uploads/."""
from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import REPO_ROOT, build_store
from hypothesis import given, settings
from hypothesis import strategies as st

from app import queries, uploads
from app.filters import PARAMS, Filters
from etl.model import Article, Figure, Statement

XSS = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))"
DASHBOARD_FILES = sorted([REPO_ROOT / "dashboard.py", *(REPO_ROOT / "app").rglob("*.py"),
                          *(REPO_ROOT / "pages").rglob("*.py")])


# -- no raw HTML anywhere in the dashboard's code ------------------------------------------------


def raw_html_uses(source: str) -> list[str]:
    """Calls that would hand a string to the browser as HTML: unsafe_allow_html, st.html, components."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found += [f"line {node.lineno}: imports {n}" for n in names if "streamlit.components" in n]
            if isinstance(node, ast.ImportFrom) and node.module == "streamlit":
                found += [f"line {node.lineno}: imports components"
                          for a in node.names if a.name == "components"]
        if not isinstance(node, ast.Call):
            continue
        for kw in node.keywords:
            if kw.arg == "unsafe_allow_html" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                found.append(f"line {node.lineno}: unsafe_allow_html")
        func = node.func
        if isinstance(func, ast.Attribute) and (func.attr in ("html", "iframe") or
                                                (isinstance(func.value, ast.Attribute) and func.value.attr == "components")):
            found.append(f"line {node.lineno}: {ast.unparse(func)}")
    return found


def test_the_detector_finds_each_way_to_render_raw_html():
    snippet = ("import streamlit as st\nimport streamlit.components.v1 as components\n"
               "st.markdown(x, unsafe_allow_html=True)\nst.caption(x, unsafe_allow_html=flag)\n"
               "st.html(x)\ncomponents.html(x)\nst.components.v1.iframe(x)\n"
               "st.markdown(x, unsafe_allow_html=False)\n")
    assert len(raw_html_uses(snippet)) == 6


def test_no_dashboard_file_renders_raw_html():
    assert len(DASHBOARD_FILES) > 10, "the scan found the dashboard's files"
    uses = {str(p.relative_to(REPO_ROOT)): raw_html_uses(p.read_text(encoding="utf-8")) for p in DASHBOARD_FILES}
    assert {p: u for p, u in uses.items() if u} == {}


# -- hostile article content through the real dashboard -------------------------------------------

SENTENCE = f"Shelling killed 9 civilians in Kharkiv, {XSS} the governor said."
QUOTE_SENTENCE = f'"We will rebuild," said {XSS}.'
TEXT = f"{XSS}\n\n{SENTENCE} **bold** :red[red] `code` $x$\n\n{QUOTE_SENTENCE}"
_DIRECTIVE = re.compile(r":(?:orange|blue|violet)-background\[\*\*(.*?)\*\*\]", re.S)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def literal(markdown: str) -> str:
    """The text a reader sees for Markdown the dashboard wrote: highlights and escapes removed.

    Every ASCII punctuation character of the data must be backslash-escaped for this to give the
    data back: an unescaped one ('[', '<', '*', ...) would have been read as markup.
    """
    unwrapped = _DIRECTIVE.sub(r"\1", markdown)
    assert not re.search(r"(?<!\\)[<>\[\]()*`$]", _ESCAPE.sub("", unwrapped)), f"unescaped markup in {markdown!r}"
    return " ".join(_ESCAPE.sub(r"\1", unwrapped).split())


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    """One article whose every text field is an attack, with a figure and a statement in it."""
    folder = tmp_path_factory.mktemp("hostile")
    article = Article("x1", date(2022, 3, 5), f"Title {XSS}", f"Wire {XSS}", (f"tag {XSS}",),
                      "javascript:alert(1)", "in/x.jsonl", TEXT)
    figure = Figure("x1-f1", "x1", article.published, 9, None, "exact", "killed", "civilians", "ukraine",
                    None, None, False, XSS, XSS, SENTENCE, XSS)
    statement = Statement("x1-s1", "x1", article.published, XSS, XSS, "direct", "We will rebuild,", "said",
                          None, QUOTE_SENTENCE, XSS)
    build_store(folder, [article], [figure], [statement], [(f"in/{XSS}.jsonl", 1, XSS)])
    return folder


def test_an_article_page_shows_markup_in_the_article_as_literal_text(open_app, hostile_store):
    at = open_app(hostile_store, "pages/articles.py", article="x1")
    assert not at.exception
    assert literal(at.title[0].value) == f"Title {XSS}"
    caption = literal(at.caption[0].value)
    assert f"Wire {XSS}" in caption and f"tag {XSS}" in caption
    body = next(m.value for m in at.markdown if "Kharkiv" in m.value)
    assert literal(body) == " ".join(TEXT.split())
    assert ":orange-background[**Shelling killed" in body, "the figure's sentence is still highlighted"
    assert not at.get("link_button"), "a javascript: address is never offered as a link"


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/statements.py", "pages/casualties.py",
                                  "pages/articles.py"])
def test_no_page_writes_article_data_as_markup(open_app, hostile_store, page):
    at = open_app(hostile_store, page)
    assert not at.exception
    for kind in ("title", "caption", "markdown", "header", "subheader", "info", "warning", "error", "success"):
        for element in getattr(at, kind):
            if "alert" in element.value:
                literal(element.value)
    for chart in at.get("plotly_chart"):
        # Plotly reads a few tags in trace names and labels; data must reach it escaped (&lt;).
        spec = chart.proto.spec.replace("\\u003c", "<")
        assert "<script" not in spec and "<img" not in spec


# -- hostile links: URL parameters are data, never SQL or markup ---------------------------------

INJECTIONS = ["'; DROP TABLE articles; --", "' OR 1=1 --", "%", "_", "\\", '"', "$p0", "?", XSS, "2022-13", ""]
PARAM_VALUES = st.lists(st.sampled_from(INJECTIONS) | st.text(max_size=30), max_size=3)


@settings(max_examples=60, deadline=None)
@given(params=st.fixed_dictionaries({}, optional={name: PARAM_VALUES for name in PARAMS}),
       selected=st.lists(st.sampled_from(INJECTIONS) | st.text(max_size=20), max_size=3).map(tuple))
def test_any_link_parameters_are_bound_as_values_and_the_queries_run(fixture_store, params, selected):
    filters = Filters.from_params(lambda name: params.get(name, []))
    assert filters.month_from is None or re.fullmatch(r"\d{4}-\d{2}", filters.month_from)
    built = [queries.claims(filters, "per_period", "category", selected), queries.statements(filters),
             queries.articles(filters), queries.overview(filters), queries.article(";".join(selected)),
             queries.claims_by_month(filters, "side"), queries.claim_points(filters), queries.top_speakers(filters)]
    con = duckdb.connect(str(fixture_store.folder / "store.duckdb"), read_only=True)
    try:
        for query in built:
            con.execute(query.text(5), query.param_dict()).fetchall()
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(fixture_store.articles)
    finally:
        con.close()


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/casualties.py", "pages/statements.py",
                                  "pages/articles.py"])
def test_a_hostile_link_opens_every_page_without_an_error(open_app, fixture_store, page):
    at = open_app(fixture_store.folder, page, actor=XSS, q="' OR 1=1 --", source="%", tag="_", category="nope",
                  side="x'); DROP TABLE figures; --", **{"from": "2022-13", "to": "9999-99"}, dated_by="<b>",
                  view="evil", by="\"; DROP", article="' OR '1'='1")
    assert not at.exception
    assert not at.error


# -- uploads --------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=150) | st.sampled_from([
    "../../etc/passwd.txt", "..\\..\\boot.ini.md", "/etc/cron.d/job.csv", "C:\\Windows\\evil.json",
    "%2e%2e%2fx.txt", "a\x00b.txt", "....//....//x.html", ".", "..", "~/.bashrc.md", "CON.txt",
    "\u202etxt.exe", "ｘ／..／y.txt"]))
def test_an_uploaded_file_name_can_only_name_a_plain_file_in_uploads(tmp_path_factory, name):
    safe = uploads.safe_name(name)
    if safe is None:
        return
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert safe not in (".", "..") and not safe.startswith(".")
    assert len(safe) <= uploads.MAX_NAME
    if uploads.refusal(name, 10) is None:
        folder = tmp_path_factory.mktemp("up") / "uploads"
        saved = uploads.save(folder, name, b"text")
        assert saved.path.parent == folder and saved.path.resolve().parent == folder.resolve()
        assert saved.path.suffix in uploads.ALLOWED


@pytest.mark.parametrize("name", ["payload.exe", "story.txt.sh", "noextension"])
def test_the_add_page_refuses_types_it_cannot_load_and_saves_nothing(open_app, tmp_path, name):
    store_folder = tmp_path / "store"
    at = open_app(store_folder, "pages/add_articles.py")
    at.file_uploader[0].set_value((name, b"MZ\x90\x00 #!/bin/sh", "application/octet-stream")).run()
    assert not at.exception
    refusals = [e.value for e in at.error]
    assert len(refusals) == 1 and all(ext in refusals[0] for ext in uploads.ALLOWED), refusals
    assert not at.button, "nothing to add"
    assert not (store_folder / "uploads").exists()


@pytest.mark.parametrize("name", ["a\x00b.txt", "story.txt\x00.exe", "\x00", "x\x00\x00.jsonl\x00"])
def test_a_crafted_upload_name_is_refused_or_saved_safely_never_a_traceback(open_app, tmp_path, name):
    """A client can send any bytes as a file name; a NUL byte used to replace the page with a
    Streamlit traceback."""
    store_folder = tmp_path / "store"
    at = open_app(store_folder, "pages/add_articles.py")
    at.file_uploader[0].set_value((name, b"Title\n2024.01.01\n\nFive people were killed.\n", "text/plain")).run()
    assert not at.exception, [e.message for e in at.exception]
    if at.error:
        assert not at.button and not (store_folder / "uploads").exists()
        return
    next(b for b in at.main.button if "run the ETL" in b.label).click().run()
    assert not at.exception and not at.error
    saved = [p.name for p in (store_folder / "uploads").iterdir()]
    assert len(saved) == 1 and "\x00" not in saved[0]


def test_the_add_page_refuses_a_file_over_the_size_limit(open_app, tmp_path):
    store_folder = tmp_path / "store"
    at = open_app(store_folder, "pages/add_articles.py")
    at.file_uploader[0].set_value(("huge.jsonl", b"x" * (uploads.MAX_BYTES + 1), "application/json")).run()
    assert not at.exception
    assert [e.value for e in at.error] == ["huge\\.jsonl: the file is larger than 50 MB"]
    assert not at.button
    assert not (store_folder / "uploads").exists()


def test_a_traversal_name_is_saved_inside_uploads_and_loaded_by_the_etl(open_app, tmp_path):
    store_folder = tmp_path / "store"
    outside = tmp_path / "escaped.txt"
    at = open_app(store_folder, "pages/add_articles.py")
    story = "Convoy reaches Kherson\n2022-11-20\n\nAbout 300 residents were evacuated, officials said.\n"
    at.file_uploader[0].set_value(("../../escaped.txt", story.encode(), "text/plain")).run()
    next(b for b in at.main.button if "run the ETL" in b.label).click().run()
    assert not at.exception
    assert not outside.exists()
    assert [p.name for p in (store_folder / "uploads").iterdir()] == ["escaped.txt"]
    assert list(at.dataframe[0].value["title"]) == ["Convoy reaches Kherson"]
