"""The local worker pool: a worker stuck past its time, or killed, costs one article, never the run.

Real worker processes run module-level tasks defined here; what a task does with an article's text
("sleep", "die") stands for an article that hangs in C code or takes its process down.
"""
from __future__ import annotations

import os
import time

import pytest

from etl.engines import EngineError, ProcessPool
from etl.model import Article
from etl.pipeline import DEFAULT_ACTORS


def article(text: str) -> Article:
    return Article(text, None, "", "", (), "", "x.jsonl", text)


def stand_in(articles: list[Article], registry) -> list[str]:
    """'sleep' hangs (a sleep the time budget cannot interrupt), 'die' kills its process, 'die-once'
    kills the first process that tries it; anything else is extracted at once."""
    out = []
    for a in articles:
        if a.text == "sleep":
            time.sleep(600)
        if a.text == "die" or (a.text == "die-once" and not os.path.exists(a.path)):
            if a.text == "die-once":
                open(a.path, "w").close()
            os._exit(9)
        out.append(f"ok {a.text}")
    return out


def lost(a: Article, why: str) -> str:
    return f"lost {a.text}: {why}"


@pytest.fixture
def pool():
    made: list[ProcessPool] = []

    def make(workers: int = 1, stall: float | None = None) -> ProcessPool:
        made.append(ProcessPool(stand_in, DEFAULT_ACTORS, workers, stall_seconds=stall, lost=lost))
        return made[-1]

    yield make
    for p in made:
        p.close()


def test_a_worker_silent_past_its_time_is_replaced_and_the_rest_of_its_batch_goes_on(pool):
    engine = pool(workers=1, stall=2)
    first = engine.submit([article("a"), article("sleep"), article("b")])
    second = engine.submit([article("c")])
    assert first.result() == ["ok a", "lost sleep: stopped after 2 s without an answer", "ok b"]
    assert second.result() == ["ok c"]


def test_a_killed_worker_is_replaced_and_its_article_tried_once_more(pool, tmp_path):
    engine = pool(workers=2)
    flaky = Article("f", None, "", "", (), "", str(tmp_path / "died-once"), "die-once")
    batches = [engine.submit([article(f"{n}a"), flaky if n == 1 else article(f"{n}b")]) for n in range(4)]
    assert [b.result() for b in batches] == [["ok 0a", "ok 0b"], ["ok 1a", "ok die-once"],
                                             ["ok 2a", "ok 2b"], ["ok 3a", "ok 3b"]]


def test_an_article_that_kills_two_workers_is_given_up_and_the_rest_go_on(pool):
    engine = pool(workers=1)
    batch = engine.submit([article("a"), article("die"), article("b")])
    assert batch.result() == ["ok a", "lost die: its extraction process died twice (exit code 9)", "ok b"]


def test_workers_that_keep_dying_end_the_run_with_a_reason(pool):
    engine = pool(workers=1)
    batch = engine.submit([article("a"), article("die"), article("die"), article("die"), article("b")])
    with pytest.raises(EngineError, match="extraction processes died in a row"):
        batch.result()
