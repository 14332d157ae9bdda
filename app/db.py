"""Finding the store and reading it: one read-only connection per query batch, cached per version.

The ETL replaces `store.duckdb` atomically with each run, so the dashboard never keeps a connection
open across reruns, and every cached result is keyed on the file's identity (inode, mtime, size):
a new run changes it and shows up on the next rerun without a restart.

A store folder without `store.duckdb` but with the ETL's Parquet export (say, a copy on shared
storage) is read through views over the Parquet files, under the same table names, so every query
runs unchanged and DuckDB streams the files instead of loading them into memory.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd
import streamlit as st

from app.queries import Query
from etl.store import (PARQUET_DIR, open_read_only, PARTITION_COLUMN, PARTITION_MONTH, SINGLE_FILES, STORE_NAME,
                       TABLES)

REPO_ROOT = Path(__file__).resolve().parent.parent
STORE_ENV = "WAR_NEWS_STORE"


def store_dir() -> Path:
    """The ETL output folder the dashboard reads: $WAR_NEWS_STORE, else <repo>/data/store."""
    return Path(os.environ.get(STORE_ENV) or REPO_ROOT / "data" / "store")


@dataclass(frozen=True)
class Store:
    """One published version of the store; `stamp` changes whenever a run replaces the file."""

    path: str
    stamp: tuple[int, int, int]
    # `path` is the Parquet export's folder rather than store.duckdb.
    parquet: bool = False

    @property
    def folder(self) -> Path:
        return Path(self.path).parent


def current_store() -> Store | None:
    path = store_dir() / STORE_NAME
    try:
        info = os.stat(path)
    except OSError:
        return _parquet_store(store_dir() / PARQUET_DIR)
    return Store(str(path), (info.st_ino, info.st_mtime_ns, info.st_size))


def _parquet_store(folder: Path) -> Store | None:
    """The Parquet export as a store, stamped by its files (how many, newest mtime, total size)."""
    if not (folder / "meta.parquet").is_file():
        return None
    files = newest = size = 0
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # folders the ETL is still writing
        for name in names:
            if name.endswith(".parquet") and not name.startswith("."):
                try:
                    info = os.stat(os.path.join(root, name))
                except OSError:  # replaced by a run while we looked
                    continue
                files, newest, size = files + 1, max(newest, info.st_mtime_ns), size + info.st_size
    return Store(str(folder), (files, newest, size), parquet=True)


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _open_parquet(folder: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    try:
        for table in PARTITION_MONTH:
            files = _literal(folder / table / "**" / "*.parquet")
            # The partition column is the layout's, not the table's: leave it out so the views have
            # exactly the store's columns.
            con.execute(f"CREATE VIEW {table} AS SELECT * EXCLUDE ({PARTITION_COLUMN}) "
                        f"FROM read_parquet({files}, hive_partitioning = true)")
        for table in SINGLE_FILES:
            files = _literal(folder / f"{table}.parquet")
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({files})")
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def connect(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    con = _open_parquet(Path(store.path)) if store.parquet else open_read_only(store.path)
    try:
        yield con
    finally:
        con.close()


@st.cache_data(max_entries=64, show_spinner=False)
def problem(store: Store) -> str | None:
    """Why the store cannot be read (in words), or None when it has every table and column."""
    try:
        with connect(store) as con:
            found: dict[str, set[str]] = {}
            for table, column in con.execute(
                    "SELECT table_name, column_name FROM information_schema.columns").fetchall():
                found.setdefault(table, set()).add(column)
    except duckdb.Error as exc:
        if store.parquet:
            return f"its Parquet files could not be read ({exc})"
        return f"the file could not be opened as a DuckDB database ({exc})"
    for table, columns in TABLES.items():
        missing = set(columns) - found.get(table, set())
        if missing:
            return f"table '{table}' lacks column(s) {', '.join(sorted(missing))}"
    return None


@st.cache_data(max_entries=64, show_spinner=False)
def meta(store: Store) -> dict[str, str]:
    with connect(store) as con:
        return dict(con.execute("SELECT key, value FROM meta").fetchall())


@st.cache_data(max_entries=512, show_spinner=False)
def fetch(store: Store, query: Query, limit: int | None = None) -> pd.DataFrame:
    with connect(store) as con:
        return con.execute(query.text(limit), query.param_dict()).df()


@st.cache_data(max_entries=512, show_spinner=False)
def count(store: Store, query: Query) -> int:
    query = query.counter or query
    with connect(store) as con:
        return con.execute(f"SELECT count(*) FROM ({query.text()})", query.param_dict()).fetchone()[0]
