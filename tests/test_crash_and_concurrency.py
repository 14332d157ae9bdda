"""A killed ETL run leaves the previous store whole; concurrent runs and readers never see half a store."""
from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]

PLACES = ["Kharkiv", "Odesa", "Dnipro", "Sumy", "Zaporizhzhia", "Kherson", "Mykolaiv", "Lviv"]
SPEAKERS = ["the regional governor", "the mayor", "police", "emergency services"]


def write_feed(path: Path, n: int, seed: int) -> Path:
    """n invented short articles, one JSON object per line."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            place = rng.choice(PLACES)
            text = (f"At least {rng.randint(2, 90)} people were killed and {rng.randint(2, 90)} injured "
                    f"in a strike on {place} on Tuesday, {rng.choice(SPEAKERS)} said. "
                    f"\"We are clearing the rubble,\" said rescuer Ivan Petrenko. "
                    f"About {rng.randint(100, 900)} residents were evacuated. " * 3)
            f.write(json.dumps({"id": f"s{seed}-{i}", "title": f"Strike on {place}",
                                "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": text}) + "\n")
    return path


def etl(inputs: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "etl", "--input", str(inputs), "--output", str(out),
                             "--quiet", *extra], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def store_counts(out: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(out / "store.duckdb"), read_only=True)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("articles", "figures", "statements"))
    finally:
        con.close()


def csv_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def first_store(tmp_path_factory):
    base = tmp_path_factory.mktemp("crash")
    inputs = base / "in"
    inputs.mkdir()
    write_feed(inputs / "a.jsonl", 40, seed=1)
    out = base / "out"
    proc = etl(inputs, out, "--workers", "1")
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    return inputs, out, store_counts(out)


def test_kill_9_at_any_point_leaves_the_previous_store_readable(first_store):
    inputs, out, before = first_store
    write_feed(inputs / "b.jsonl", 1500, seed=2)
    for delay in (0.05, 0.3, 0.8, 1.5, 2.5):
        proc = etl(inputs, out, "--workers", "2")
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        counts = store_counts(out)
        assert counts == before or counts[0] == 1540, f"half-written store after kill at {delay}s: {counts}"
        if counts[0] == 1540:
            break  # the run finished before the kill: nothing left to interrupt
    # the next run finishes the job and equals a fresh build of the same input
    proc = etl(inputs, out, "--workers", "2")
    assert proc.wait(timeout=600) == 0, proc.stderr.read()
    fresh = out.parent / "fresh"
    proc = etl(inputs, fresh, "--workers", "1")
    assert proc.wait(timeout=600) == 0, proc.stderr.read()
    for name in ("articles.csv", "figures.csv", "statements.csv"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes()
    assert not list(out.glob(".store-*")), "temporary files of killed runs were left behind"


def test_two_runs_at_once_both_finish_and_the_store_is_whole(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 300, seed=3)
    out = tmp_path / "out"
    first, second = etl(inputs, out, "--workers", "1"), etl(inputs, out, "--workers", "1")
    assert first.wait(timeout=600) == 0 and second.wait(timeout=600) == 0
    assert store_counts(out)[0] == 300
    assert len(csv_rows(out / "articles.csv")) == 300


def test_readers_see_a_whole_store_while_the_etl_writes(first_store, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 200, seed=4)
    out = tmp_path / "out"
    assert etl(inputs, out, "--workers", "1").wait(timeout=300) == 0
    errors: list[str] = []
    seen: set[int] = set()
    stop = threading.Event()

    def read_loop():
        while not stop.is_set():
            try:
                con = duckdb.connect(str(out / "store.duckdb"), read_only=True)
                try:
                    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
                    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
                finally:
                    con.close()
                if str(n) != meta.get("articles"):
                    errors.append(f"article count {n} differs from the run's own count {meta.get('articles')}")
                seen.add(n)
            except duckdb.Error as exc:
                errors.append(str(exc))

    reader = threading.Thread(target=read_loop)
    reader.start()
    try:
        for i in range(3):
            write_feed(inputs / f"more{i}.jsonl", 100, seed=10 + i)
            assert etl(inputs, out, "--workers", "1").wait(timeout=300) == 0
    finally:
        stop.set()
        reader.join()
    assert not errors, errors[:3]
    assert 500 in seen or store_counts(out)[0] == 500
