"""Big inputs: JSON Lines and CSV stream with bounded memory; the real corpus loads whole."""
from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from etl.model import Article
from etl.readers import read_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ukraine-media.jsonl"
PARAGRAPH = ("Officials said the convoy reached the town before dawn and unloaded food, water and "
             "medicine for residents who had spent weeks without supplies. ")


def peak_memory_while_reading(path: Path) -> tuple[int, int]:
    """(articles read, peak bytes allocated) while consuming read_file without keeping items."""
    count = 0
    tracemalloc.start()
    try:
        for item in read_file(path):
            assert isinstance(item, Article)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def test_60_mb_jsonl_streams_with_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    text = PARAGRAPH * 40  # ~6 KB an article
    records = 10_500
    with path.open("w", encoding="utf-8") as out:
        for i in range(records):
            out.write(json.dumps({"id": f"a{i}", "date": "2024-05-01", "text": text}) + "\n")
    size = path.stat().st_size
    assert size > 60 * 10**6
    count, peak = peak_memory_while_reading(path)
    assert count == records
    assert peak < size / 50  # a few lines in memory at a time, not the file


def test_large_csv_streams_with_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    text = PARAGRAPH * 40
    records = 3_000
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("id,text\n")
        for i in range(records):
            out.write(f'c{i},"{text}"\n')
    count, peak = peak_memory_while_reading(path)
    assert count == records
    assert peak < path.stat().st_size / 10


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_whole_corpus_loads_every_article_with_its_date():
    articles = list(read_file(CORPUS))
    assert len(articles) == 7059
    assert all(isinstance(a, Article) for a in articles)
    assert all(a.published is not None and a.text for a in articles)
    assert len({a.article_id for a in articles}) == len(articles)


def test_a_line_longer_than_the_limit_is_skipped_with_a_reason_and_the_next_lines_load(tmp_path, monkeypatch):
    from etl.readers import decode, read_file

    monkeypatch.setattr(decode, "MAX_LINE_BYTES", 4096)  # the real limit is 100 MB: the same code path
    feed = tmp_path / "feed.jsonl"
    good = '{"id": "%s", "title": "T", "text": "Five people were killed, police said."}\n'
    feed.write_text(good % "a" + '{"id": "huge", "text": "' + "x" * 10_000 + '"}\n' + good % "b")
    items = list(read_file(feed))
    assert [getattr(i, "article_id", None) for i in items] == ["a", None, "b"]
    assert items[1].line == 2 and items[1].reason == "line 2: line longer than 4 KB; not read"
