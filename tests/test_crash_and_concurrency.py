"""A killed ETL run leaves the previous store whole; concurrent runs and readers never see half a store."""
from __future__ import annotations

import csv
import fcntl
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


def lock_held(out: Path) -> bool:
    """Whether an ETL run holds the output folder's lock now."""
    try:
        fd = os.open(out / ".etl.lock", os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops the lock if this process got it
    return False


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
    assert not list((out / "runs").glob(".partial-*")), "temporary files of killed runs were left behind"
    assert len(list((out / "runs").iterdir())) <= 2, "only the current run and the one before are kept"


def test_two_runs_at_once_both_finish_and_the_store_is_whole(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 300, seed=3)
    out = tmp_path / "out"
    first, second = etl(inputs, out, "--workers", "1"), etl(inputs, out, "--workers", "1")
    assert first.wait(timeout=600) == 0 and second.wait(timeout=600) == 0
    assert store_counts(out)[0] == 300
    assert len(csv_rows(out / "articles.csv")) == 300


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 600, seed=31)
    first = etl(inputs, out, "--workers", "1")
    while first.poll() is None and not lock_held(out):
        time.sleep(0.01)
    second = etl(inputs, out, "--workers", "1")
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    assert f"another ETL run is writing to {out}; waiting for it to finish" in second.stderr.read()
    assert store_counts(out)[0] == published_counts(out)[0] == 600


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


def published_counts(out: Path) -> tuple[int, int, int]:
    """(articles, figures, statements) of the file now at out/store.duckdb.

    Read through an in-memory database that attaches the file: duckdb.connect(path) would hand back
    an instance this process already holds for that path, which may be the store a run replaced.
    """
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{out / 'store.duckdb'}' AS s (READ_ONLY)")
        return tuple(con.execute(f"SELECT count(*) FROM s.{t}").fetchone()[0]
                     for t in ("articles", "figures", "statements"))
    finally:
        con.close()


def overview_counts(limit: int) -> tuple[int, int, int]:
    """What the dashboard's overview query reads now; a new `limit` each time misses its cache."""
    from app import db, queries
    from app.filters import Filters

    store = db.current_store()
    assert store is not None and db.problem(store) is None
    # Placed by publication: a figure "on Tuesday" of a January 1st article falls in the month before
    # the articles, outside the default view; by publication every figure is in it.
    row = db.fetch(store, queries.overview(Filters(dated_by="published")), limit).iloc[0]
    return int(row["articles"]), int(row["figures"]), int(row["statements"])


def test_the_dashboard_keeps_serving_while_etl_runs_replace_the_store(tmp_path, monkeypatch):
    """Whole page runs and the dashboard's own queries go on while real ETL runs publish new stores:
    no lock errors, no error shown, and every count read is the count of one finished run."""
    from streamlit.testing.v1 import AppTest

    from etl.pipeline import run

    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 200, seed=5)
    assert etl(inputs, out, "--workers", "1").wait(timeout=300) == 0
    monkeypatch.setenv("WAR_NEWS_STORE", str(out))
    published = [published_counts(out)]
    errors: list[str] = []
    read: list[tuple[int, int, int]] = []
    stop = threading.Event()

    def write_loop():
        try:
            for i in range(3):
                write_feed(inputs / f"more{i}.jsonl", 100, seed=20 + i)
                if i == 1:  # as the Add articles page does: the ETL inside the dashboard's process
                    run([str(inputs)], out, progress=False, log=lambda _: None)
                else:
                    proc = etl(inputs, out, "--workers", "1")
                    if proc.wait(timeout=300) != 0:
                        errors.append(proc.stderr.read())
                published.append(published_counts(out))
        except Exception as exc:  # reported by the assertions below, not lost in the thread
            errors.append(f"ETL: {type(exc).__name__}: {exc}")
        finally:
            stop.set()

    def read_loop():
        n = 10
        while not stop.is_set():
            n += 1
            try:
                read.append(overview_counts(n))
            except Exception as exc:
                errors.append(f"read: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=write_loop), threading.Thread(target=read_loop)]
    for t in threads:
        t.start()
    shown: list[int] = []
    try:
        while not stop.is_set():
            at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=120)
            at.run()
            errors.extend(f"page: {e.value}" for e in [*at.exception, *at.error, *at.warning])
            errors.extend(f"page: {e.value}" for e in at.info if "cannot be read" in e.value)
            if at.metric:
                shown.append(int(at.metric[0].value.replace(",", "")))
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors, errors[:3]
    assert [a for a, _, _ in published] == [200, 300, 400, 500]
    assert read and set(read) <= set(published), f"counts of no finished run: {set(read) - set(published)}"
    assert shown and set(shown) <= {a for a, _, _ in published}



def test_a_query_after_a_run_reads_the_new_store_while_an_older_query_is_open(tmp_path, monkeypatch):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 50, seed=6)
    assert etl(inputs, out, "--workers", "1").wait(timeout=300) == 0
    monkeypatch.setenv("WAR_NEWS_STORE", str(out))
    in_flight = duckdb.connect(str(out / "store.duckdb"), read_only=True)  # another session's query
    try:
        write_feed(inputs / "more.jsonl", 30, seed=7)
        assert etl(inputs, out, "--workers", "1").wait(timeout=300) == 0
        assert overview_counts(1) == published_counts(out)
    finally:
        in_flight.close()


def test_exports_match_the_new_store_when_the_etl_runs_beside_an_open_reader(tmp_path):
    from etl.pipeline import run

    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 50, seed=8)
    run([inputs], out, progress=False)
    in_flight = duckdb.connect(str(out / "store.duckdb"), read_only=True)  # a dashboard query, same process
    try:
        write_feed(inputs / "more.jsonl", 30, seed=9)
        run([inputs], out, progress=False, log=lambda _: None)
    finally:
        in_flight.close()
    assert len(csv_rows(out / "articles.csv")) == published_counts(out)[0] == 80


def test_killing_the_etl_leaves_no_worker_behind(tmp_path):
    import psutil

    inputs = tmp_path / "in"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 1500, seed=30)
    proc = etl(inputs, tmp_path / "out", "--workers", "2")
    children: list[psutil.Process] = []
    try:
        parent = psutil.Process(proc.pid)
        while proc.poll() is None and len(children) < 2:  # the two workers
            children = parent.children(recursive=True)
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        _, alive = psutil.wait_procs(children, timeout=5)
        assert not alive, f"{len(alive)} of {len(children)} worker processes outlived the ETL"
    finally:
        for child in children:  # this test's own processes only, by id
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass


# -- an upload that waits behind a command-line run loses nothing (issue 15, item 1) ---------------


def test_an_upload_run_waiting_behind_a_command_line_run_keeps_what_that_run_added(tmp_path, open_app):
    inputs, store = tmp_path / "in", tmp_path / "store"
    inputs.mkdir()
    base = write_feed(inputs / "base.jsonl", 50, seed=40)
    assert etl(base, store, "--workers", "1").wait(timeout=300) == 0
    (store / "uploads").mkdir()
    at = open_app(store, "pages/add_articles.py")  # the page has read the store's inputs: base only
    story = "Convoy reaches Kherson\n2022-11-20\n\nAbout 300 residents were evacuated, officials said.\n"
    at.file_uploader[0].set_value(("convoy.txt", story.encode(), "text/plain")).run()
    extra = write_feed(tmp_path / "extra.jsonl", 800, seed=41)
    cli = subprocess.Popen([sys.executable, "-m", "etl", "--input", str(base), str(store / "uploads"), str(extra),
                            "--output", str(store), "--quiet", "--workers", "1"], cwd=REPO,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while cli.poll() is None and not lock_held(store):
        time.sleep(0.01)
    assert cli.poll() is None, "the command-line run was still running when the page's run started"
    next(b for b in at.main.button if "run the ETL" in b.label).click().run(timeout=600)
    assert cli.wait(timeout=600) == 0, cli.stderr.read()
    assert not at.exception and not at.error
    con = duckdb.connect(str(store / "store.duckdb"), read_only=True)
    try:
        by_path = dict(con.execute("SELECT path, count(*) FROM articles GROUP BY path").fetchall())
    finally:
        con.close()
    assert by_path.get(str(extra)) == 800, "the command-line run's new file is still in the store"
    assert by_path.get(str(base)) == 50
    assert by_path.get(str((store / "uploads" / "convoy.txt").resolve())) == 1
    assert any("Added: 1 article" in m.value for m in at.markdown), [m.value for m in at.markdown] + [t.value for t in at.text]


# -- a kill at the moment of publishing never leaves tables of two runs (issue 15, item 5) ---------


def published_rows(out: Path) -> dict[str, int]:
    """Rows in each CSV at the documented paths, and what the store there says it holds."""
    counts = {name: len(csv_rows(out / f"{name}.csv")) for name in ("articles", "figures", "statements")}
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{out / 'store.duckdb'}' AS s (READ_ONLY)")
        meta = dict(con.execute("SELECT key, value FROM s.meta").fetchall())
    finally:
        con.close()
    return {**counts, **{f"store {k}": int(meta[k]) for k in counts}}


def test_a_kill_right_after_the_store_is_replaced_leaves_exports_of_the_same_run(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_feed(inputs / "a.jsonl", 300, seed=50)
    assert etl(inputs, out, "--workers", "1").wait(timeout=300) == 0
    for attempt in range(3):
        write_feed(inputs / f"more{attempt}.jsonl", 300, seed=51 + attempt)
        before = os.stat(out / "store.duckdb").st_ino
        proc = etl(inputs, out, "--workers", "1")
        while proc.poll() is None and os.stat(out / "store.duckdb").st_ino == before:
            time.sleep(0.001)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)  # the instant the new store is visible
        proc.wait(timeout=60)
        seen = published_rows(out)
        for name in ("articles", "figures", "statements"):
            assert seen[name] == seen[f"store {name}"], f"{name}.csv is not the store's run: {seen}"


# -- a killed worker costs nothing; workers that keep dying stop the run plainly (issue 15, item 6) --


def workers_of(proc: subprocess.Popen) -> list:
    import psutil

    found = []
    try:
        for child in psutil.Process(proc.pid).children(recursive=True):
            if "resource_tracker" not in " ".join(child.cmdline()):
                found.append(child)
    except psutil.Error:  # the run, or a worker, ended while we looked
        pass
    return found


def test_a_worker_killed_mid_run_is_replaced_and_every_article_loads(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_feed(inputs / "feed.jsonl", 1500, seed=60)
    proc = etl(inputs, out, "--workers", "2")
    while proc.poll() is None and len(workers_of(proc)) < 2:
        time.sleep(0.05)
    time.sleep(1.5)  # the workers are extracting
    victims = workers_of(proc)
    assert victims, "the run ended before a worker could be killed"
    victims[0].kill()
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert store_counts(out)[0] == 1500
    fresh = tmp_path / "fresh"
    assert etl(inputs, fresh, "--workers", "1").wait(timeout=600) == 0
    for name in ("articles.csv", "figures.csv", "statements.csv", "rejected.csv"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_workers_that_keep_dying_end_the_run_in_one_line_and_keep_the_previous_store(first_store):
    inputs, out, _ = first_store
    before = store_counts(out)  # what the module's earlier tests left
    write_feed(inputs / "c.jsonl", 1500, seed=61)
    exports = {name: (out / name).read_bytes() for name in ("articles.csv", "figures.csv")}
    proc = etl(inputs, out, "--workers", "2")
    while proc.poll() is None:
        for worker in workers_of(proc):
            try:
                worker.kill()
            except Exception:
                pass
        time.sleep(0.05)
    err = proc.stderr.read()
    (inputs / "c.jsonl").unlink()
    assert proc.returncode == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "extraction processes died in a row" in err and "previous store and exports are unchanged" in err
    assert store_counts(out) == before
    assert {name: (out / name).read_bytes() for name in exports} == exports
    assert not list((out / "runs").glob(".partial-*"))
