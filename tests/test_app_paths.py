"""Visitors never see the server's folders: input paths are shown from the input folder they came
from (`news/feed.jsonl`, `uploads/story.txt`), on every page that lists them."""
from __future__ import annotations

import json
from pathlib import Path

from app.paths import shown
from etl.pipeline import run

SECRET = "srv-private-7f3a"


def page_text(at) -> str:
    """Everything a page shows as text, tables included."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "text", "code", "info", "warning",
                 "error", "success", "exception"):
        parts += [str(getattr(e, "value", "")) or getattr(e, "message", "") for e in getattr(at, kind)]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(parts)


def built_store(tmp_path: Path) -> tuple[Path, Path]:
    news, store = tmp_path / SECRET / "news", tmp_path / SECRET / "store"
    news.mkdir(parents=True)
    (news / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "title": "Strike", "date": "2024-03-12",
                    "text": "At least 12 people were killed in Kharkiv, the governor said."}) + "\n{broken\n")
    run([news], store, progress=False)
    return news, store


def test_the_rule_shows_paths_from_their_input_folder_or_by_name():
    roots = ["/srv/x/news", "/srv/x/news/sub", "/srv/store/uploads"]
    assert shown("/srv/x/news/2024/a.jsonl", roots) == "news/2024/a.jsonl"
    assert shown("/srv/x/news/sub/b.txt", roots) == "sub/b.txt"
    assert shown("/srv/store/uploads/u.txt", roots) == "uploads/u.txt"
    assert shown("/etc/passwd", roots) == "passwd"
    assert shown("/srv/x/newsroom/c.txt", roots) == "c.txt"


def test_the_overview_lists_rejected_items_without_server_folders(tmp_path, open_app):
    _, store = built_store(tmp_path)
    at = open_app(store)
    assert not at.exception
    text = page_text(at)
    assert "news/feed.jsonl" in text, "the rejected line is listed"
    assert SECRET not in text


def test_the_add_page_shows_no_server_folder_before_or_after_a_run(tmp_path, open_app):
    _, store = built_store(tmp_path)
    at = open_app(store, "pages/add_articles.py")
    assert SECRET not in page_text(at) and "uploads/" in page_text(at)
    at.file_uploader[0].set_value([
        ("good.txt", b"Convoy reaches Kherson\n2022-11-20\n\nAbout 300 residents were evacuated.\n", "text/plain"),
        ("bad.jsonl", b"{not json\n", "application/json")]).run()
    next(b for b in at.main.button if "run the ETL" in b.label).click().run(timeout=120)
    assert not at.exception and not at.error
    text = page_text(at)
    assert "uploads/good.txt" in text and "uploads/bad.jsonl" in text
    assert SECRET not in text
