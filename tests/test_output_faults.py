"""When the output cannot be written (disk full, a read-only folder), the run ends with one line and
exit code 1, and the previous store and exports stay whole, with nothing half-written left behind.

The faults are real: a small tmpfs that fills up, read-only bind mounts. Mounting needs root (as the
tests run in CI); elsewhere these tests are skipped.
"""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from test_crash_and_concurrency import write_feed

REPO = Path(__file__).resolve().parents[1]
TABLES = ("articles.csv", "figures.csv", "statements.csv", "rejected.csv")


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def mounted(target: Path, *args: str):
    """`mount ARGS target` for the block; skips the test where this user cannot mount."""
    target.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount(*args, str(target)):
        pytest.skip("mounting a test filesystem needs root")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


@contextmanager
def read_only(folder: Path):
    """`folder` (where it really is) made read-only by a bind mount over itself."""
    real = folder.resolve()
    with mounted(real, "--bind", str(real)):
        if not _mount("-o", "remount,bind,ro", str(real)):
            pytest.skip("cannot remount read-only here")
        yield real


def etl(inputs: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "--input", str(inputs), "--output", str(out),
                           "--quiet", "--workers", "2"], cwd=REPO, capture_output=True, text=True, timeout=600)


def published(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in TABLES}


def stored_articles(out: Path) -> int:
    con = duckdb.connect()
    try:
        con.execute("ATTACH ? AS s (READ_ONLY)", [str(out / "store.duckdb")])
        return con.execute("SELECT count(*) FROM s.articles").fetchone()[0]
    finally:
        con.close()


def assert_failed_plainly(proc: subprocess.CompletedProcess, words: str) -> None:
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert words in proc.stderr and "the previous store and exports are unchanged" in proc.stderr, proc.stderr


def test_a_full_disk_ends_the_run_in_one_line_and_keeps_the_previous_store(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    write_feed(inputs / "a.jsonl", 40, seed=70)
    with mounted(tmp_path / "disk", "-t", "tmpfs", "-o", "size=5m", "tmpfs") as disk:
        out = disk / "out"
        assert etl(inputs, out).returncode == 0
        before = published(out)
        write_feed(inputs / "b.jsonl", 3000, seed=71)  # about 8 MB of output: more than is left
        proc = etl(inputs, out)
        assert_failed_plainly(proc, "No space left on device")
        assert published(out) == before and stored_articles(out) == 40
        assert [p.name for p in (out / "runs").iterdir()] == [os.readlink(out / "current").split("/")[-1]], \
            "no half-written run is left"


def first_run(tmp_path: Path, seed: int) -> tuple[Path, Path]:
    """A published run of 40 articles, and 40 more waiting in the inputs for the next run."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    write_feed(inputs / "a.jsonl", 40, seed=seed)
    assert etl(inputs, out).returncode == 0
    write_feed(inputs / "b.jsonl", 40, seed=seed + 1)
    return inputs, out


def test_a_read_only_output_folder_ends_the_run_in_one_line(tmp_path):
    inputs, out = first_run(tmp_path, seed=72)
    before = published(out)
    with read_only(out / "runs"):
        proc = etl(inputs, out)
    assert_failed_plainly(proc, "Read-only file system")
    assert published(out) == before and stored_articles(out) == 40


def test_a_read_only_parquet_folder_of_the_last_run_does_not_stop_the_next_or_mix_its_exports(tmp_path):
    """It used to publish the new store while the Parquet exports stayed those of the run before."""
    inputs, out = first_run(tmp_path, seed=74)
    with read_only(out / "parquet"):
        proc = etl(inputs, out)
        assert proc.returncode == 0, proc.stderr
        with open(out / "articles.csv", newline="", encoding="utf-8") as f:
            assert len(list(csv.DictReader(f))) == 80
        assert stored_articles(out) == 80
        parquet = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)",
                                           [str(out / "parquet" / "articles.parquet")]).fetchone()[0]
        assert parquet == 80
