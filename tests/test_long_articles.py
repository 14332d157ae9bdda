"""No article can stall the ETL or cost its neighbours: long ones are extracted in parts, every
article has a time budget, and a pathological stretch costs only itself."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from etl import parts
from etl.actors import ActorRegistry
from etl.extract.sentences import MAX_SENTENCE, split_sentences
from etl.pipeline import DEFAULT_ACTORS, extract_batch, run
from etl.model import Article

REPO = Path(__file__).resolve().parents[1]


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def article(aid: str, text: str) -> Article:
    return Article(aid, None, "Title", "", (), "", "in/feed.jsonl", text)


def write_feed(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


# -- the sentence splitter on any length (issue 15, item 4) ------------------------------------------


def test_megabytes_without_punctuation_split_into_bounded_sentences_without_recursion():
    for text in ("word " * 2_000_000, "x" * 3_000_000, "a. b. c. " * 400_000, "!" * 2_000_000 + " Next"):
        sentences = split_sentences(text)
        assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
        assert all(text[s.start:s.end] == s.text for s in sentences)
        assert "".join("".join(s.text.split()) for s in sentences) == "".join(text.split()), "all text kept"


def test_a_long_run_without_full_stops_costs_none_of_the_article_around_it(tmp_path):
    """The issue's reproduction: one article, a normal sentence then 1.6 MB of words."""
    text = "Five people were killed in Kyiv, police said. " + "word " * 320_000 + "\n\nTwo soldiers were injured."
    feed = write_feed(tmp_path / "w.jsonl", [{"id": "w", "title": "t", "date": "2023-01-01", "text": text}])
    run([feed], tmp_path / "out", progress=False)
    figures = {(f["value"], f["category"]) for f in rows(tmp_path / "out" / "figures.csv")}
    assert {("5", "killed"), ("2", "injured")} <= figures
    assert rows(tmp_path / "out" / "rejected.csv") == []


# -- long articles in parts (issue 12) --------------------------------------------------------------


def test_parts_cover_the_text_end_to_end_and_end_at_paragraphs():
    text = "\n\n".join(f"Paragraph {i}. " + "words " * 2000 for i in range(120))
    cut = list(parts.split(article("a", text)))
    assert len(cut) > 1 and all(p.total == len(cut) for p in cut)
    assert [p.index for p in cut] == list(range(len(cut)))
    assert "".join(p.article.text for p in cut) == text
    assert all(text[p.start:p.end] == p.article.text and len(p.article.text) <= parts.PART_CHARS for p in cut)
    assert all(p.article.text.endswith("\n\n") for p in cut[:-1])
    assert all(p.article.article_id == "a" for p in cut)
    assert list(parts.split(article("b", "short"))) == [parts.Part(article("b", "short"), 0, 1, 0, 5)]


def test_a_long_article_is_one_article_with_its_figures_numbered_on_across_its_parts(tmp_path):
    paragraph = ("At least {n} people were killed in a strike on Kharkiv on Monday, the governor said. "
                 + "Rescue teams searched the ruins through the night and into the morning. " * 60)
    count = 3 * parts.PART_CHARS // len(paragraph) + 5
    text = "\n\n".join(paragraph.format(n=n) for n in range(2, count + 2))
    assert len(text) > 3 * parts.PART_CHARS
    feed = write_feed(tmp_path / "long.jsonl", [{"id": "long", "title": "Long", "date": "2024-03-12", "text": text}])
    out = tmp_path / "out"
    summary = run([feed], out, progress=False, workers=2)
    assert summary.articles == 1 and summary.extracted == 1
    figures = [f for f in rows(out / "figures.csv") if f["category"] == "killed"]
    assert [int(f["value"]) for f in figures] == list(range(2, count + 2)), "every paragraph's figure, in order"
    all_figures = rows(out / "figures.csv")
    assert [f["figure_id"] for f in all_figures] == [f"long:f{n}" for n in range(1, len(all_figures) + 1)]
    statements = rows(out / "statements.csv")
    assert [s["statement_id"] for s in statements] == [f"long:s{n}" for n in range(1, len(statements) + 1)]
    assert all(f["sentence"] in text for f in all_figures)
    assert rows(out / "rejected.csv") == []


# -- the time budget (issue 12) ------------------------------------------------------------------------


def test_an_article_past_its_time_budget_gives_a_reason_and_the_next_one_is_extracted():
    registry = ActorRegistry.load(DEFAULT_ACTORS)
    slow = article("slow", '"We will rebuild," said Ivan Petrenko. ' * 3000)  # far more than a millisecond
    quick = article("quick", "At least 12 people were killed in Kharkiv, the governor said.")
    stopped, = extract_batch([slow], registry, seconds=0.001)
    assert stopped.error == "took longer than 0.001 s and was stopped"
    assert stopped.figure_rows == stopped.statement_rows == []
    done, = extract_batch([quick], registry, seconds=60)
    assert done.error is None and done.figure_rows


# -- the pathological article of issue 12 --------------------------------------------------------------


def pathological() -> str:
    """About 2 MB: a 1 MB sentence with no full stop, 20,000 quotations, deeply nested quotes,
    100,000 numbers."""
    sentence = "Five people were killed in Kyiv, police said. " + "word " * 200_000
    quotes = '"No," he said. ' * 20_000
    nested = '"‘“(' * 5_000 + "deep" + ')”’"' * 5_000
    numbers = " ".join(str(n) for n in range(100_000)) + " people were killed."
    return "\n\n".join([sentence, quotes, nested, numbers])


def test_a_pathological_2_mb_article_finishes_or_is_rejected_and_its_neighbours_load(tmp_path):
    text = pathological()
    assert 1.8 * 2**20 < len(text.encode()) < 2.5 * 2**20
    feed = write_feed(tmp_path / "feed.jsonl", [
        {"id": "before", "title": "Before", "date": "2024-03-12",
         "text": "At least 12 civilians were killed in a strike on Kharkiv on Tuesday, the governor said."},
        {"id": "patho", "title": "Pathological", "date": "2024-03-12", "text": text},
        {"id": "after", "title": "After", "date": "2024-03-12",
         "text": "At least 7 civilians were injured in Odesa on Monday, the mayor said."}])
    out = tmp_path / "out"
    # A budget well above what a part needs on a quiet machine, so the test is about stalling, not speed.
    proc = subprocess.run([sys.executable, "-m", "etl", "--input", str(feed), "--output", str(out),
                           "--workers", "2", "--quiet", "--time-budget", "30"],
                          cwd=REPO, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert [a["article_id"] for a in rows(out / "articles.csv")] == ["before", "patho", "after"]
    figures = {(f["article_id"], f["value"], f["category"]) for f in rows(out / "figures.csv")}
    assert {("before", "12", "killed"), ("after", "7", "injured")} <= figures
    # Its normal first sentence is not lost to the stretches after it.
    assert ("patho", "5", "killed") in figures
    for rejected in rows(out / "rejected.csv"):
        assert rejected["reason"].startswith("article 'patho'") and "s and was stopped" in rejected["reason"]
