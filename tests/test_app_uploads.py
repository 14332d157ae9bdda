"""Uploaded files are checked, saved under safe names and loaded by the ETL with the old inputs."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from app import uploads
from etl.pipeline import run

ARTICLE = """Refugees reach Lviv
2022-06-14

About 2,000 people arrived in Lviv by train on Monday, the city's mayor Andriy Sadovyi said.
"We will find room for everyone," Sadovyi told reporters.
"""
OTHER = """Strike on a depot
2022-07-02

Two soldiers were killed in a strike on a fuel depot on Friday, the regional administration said.
"""


@pytest.mark.parametrize("name, safe", [
    ("report.txt", "report.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\evil.MD", "evil.md"),
    (".hidden.json", "hidden.json"),
    ("news <script>.html", "news_script.html"),
    ("Київ новини.jsonl", "upload.jsonl"),
    ("...", None),
    ("/", None),
])
def test_safe_names_keep_only_a_plain_base_name(name, safe):
    assert uploads.safe_name(name) == safe


@pytest.mark.parametrize("name, size, reason", [
    ("a.txt", 10, None),
    ("a.exe", 10, "only"),
    ("a.txt.sh", 10, "only"),
    ("big.csv", uploads.MAX_BYTES + 1, "larger than 50 MB"),
    ("empty.md", 0, "empty"),
])
def test_uploads_are_refused_by_type_and_size(name, size, reason):
    got = uploads.refusal(name, size)
    assert (got is None) if reason is None else (reason in got)


def test_saving_never_overwrites_a_different_file(tmp_path):
    first = uploads.save(tmp_path, "../x.txt", b"one")
    again = uploads.save(tmp_path, "x.txt", b"one")
    other = uploads.save(tmp_path, "x.txt", b"two")
    assert (first.status, again.status, other.status) == ("saved", "unchanged", "renamed")
    assert (first.path, other.path) == (tmp_path / "x.txt", tmp_path / "x-2.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x-2.txt", "x.txt"]


def _articles(store_folder: Path) -> set[str]:
    con = duckdb.connect(str(store_folder / "store.duckdb"), read_only=True)
    try:
        return {t for (t,) in con.execute("SELECT title FROM articles").fetchall()}
    finally:
        con.close()


def test_add_page_saves_uploads_and_runs_the_etl_with_the_previous_inputs(open_app, tmp_path):
    inputs, store_folder = tmp_path / "inputs", tmp_path / "store"
    inputs.mkdir()
    (inputs / "depot.txt").write_text(OTHER)
    run([str(inputs)], store_folder, progress=False)
    assert _articles(store_folder) == {"Strike on a depot"}

    at = open_app(store_folder, "pages/add_articles.py")
    at.file_uploader[0].set_value([("../../lviv refugees.txt", ARTICLE.encode(), "text/plain"),
                                   ("broken.json", b'{"title": "no closing brace"', "application/json")])
    at.run()
    next(b for b in at.main.button if "run the ETL" in b.label).click().run()
    assert not at.exception
    assert sorted(p.name for p in (store_folder / "uploads").iterdir()) == ["broken.json", "lviv_refugees.txt"]
    assert _articles(store_folder) == {"Strike on a depot", "Refugees reach Lviv"}
    added, rejected = at.dataframe[0].value, at.dataframe[1].value
    assert list(added["title"]) == ["Refugees reach Lviv"]
    assert [Path(p).name for p in rejected["path"]] == ["broken.json"]
    assert rejected["reason"].iloc[0]


def test_add_page_refuses_files_it_cannot_load(open_app, missing_store):
    at = open_app(missing_store, "pages/add_articles.py")
    at.file_uploader[0].set_value(("empty.txt", b"", "text/plain")).run()
    assert [e.value for e in at.error] == ["empty\\.txt: the file is empty"]
    assert not at.button, "nothing to add"
