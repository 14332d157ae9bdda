"""The embedded store: a DuckDB file whose schema follows etl.model, published with its exports
in one step.

Schema (one DuckDB file, `store.duckdb`):
- articles(article_id, published, title, source, tags, url, path, words, text, content_hash, ord)
                                               -- ord: position in its input file
- figures(<etl.model.Figure fields>, seq)      -- seq: position in its article, for stable order
- statements(<etl.model.Statement fields>, seq)
- rejected(path, line, reason)
- sources(path, file_hash)                     -- what each input file held when last read
- meta(key, value)                             -- version, fingerprint, generated_at, counts

Layout of an output folder DIR:
- DIR/runs/<run>/       one run's store.duckdb, its CSV exports and parquet/, complete before it is
                        published (built as runs/.partial-*, renamed when whole)
- DIR/current           a symbolic link to runs/<run>: publishing a run is replacing this one link
- DIR/store.duckdb, DIR/articles.csv, ..., DIR/parquet
                        links to current/<name>, so the documented paths always name the current run
A reader therefore sees one run's store and exports, never a mix of two; `kill -9` at any point
leaves the previous run published and whole. The run before the current one is kept, so a reader
that resolved `current` just before a switch can finish; older runs are deleted.
"""
from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

import duckdb

from etl.model import (
    ARTICLE_COLUMNS,
    FIGURE_COLUMNS,
    REJECTION_COLUMNS,
    STATEMENT_COLUMNS,
    Article,
    Figure,
    Rejection,
    Statement,
)
from etl.spreadsheet import inert, quoted

STORE_NAME = "store.duckdb"
# DuckDB's memory while the ETL writes and exports a store, in MB (it spills to disk past this); by
# default it would take most of the machine's memory, and a store holding one very long article made
# the export alone take ten times that article's size. A text is one value DuckDB must hold whole,
# a few times over while it is written and exported: the limit grows with the longest article.
MEMORY_MB = 256
_MEMORY_PER_TEXT_MB = 4


def memory_mb(longest_text: int) -> int:
    """DuckDB's limit, in MB, for a store whose longest article has `longest_text` characters."""
    return MEMORY_MB + _MEMORY_PER_TEXT_MB * (longest_text >> 20)
RUNS_DIR = "runs"
CURRENT = "current"
_PARTIAL = ".partial-"
PARQUET_DIR = "parquet"

_TYPES = {
    "published": "DATE", "period_start": "DATE", "period_end": "DATE", "said_on": "DATE",
    "value": "BIGINT", "value_high": "BIGINT", "words": "INTEGER", "line": "INTEGER",
    "cumulative": "BOOLEAN", "seq": "INTEGER", "ord": "INTEGER", "lat": "DOUBLE", "lon": "DOUBLE",
}
ARTICLE_STORE_COLUMNS = ARTICLE_COLUMNS + ("text", "content_hash", "ord")
_TEXT = ARTICLE_STORE_COLUMNS.index("text")
TABLES: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_STORE_COLUMNS,
    "figures": FIGURE_COLUMNS + ("seq",),
    "statements": STATEMENT_COLUMNS + ("seq",),
    "rejected": REJECTION_COLUMNS,
    "sources": ("path", "file_hash"),
    "meta": ("key", "value"),
}
# The columns each CSV export carries: the contract's, in the contract's order.
EXPORTS: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_COLUMNS,
    "figures": FIGURE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "rejected": REJECTION_COLUMNS,
}
# Exports follow the input's order: file, position in the file, position in the article.
_ORDER = {
    "articles": "t.path, t.ord",
    "figures": "a.path, a.ord, t.seq",
    "statements": "a.path, a.ord, t.seq",
    "rejected": "t.path, t.line NULLS FIRST, t.reason",
}


def _ddl(table: str) -> str:
    # meta is a key/value table of text; its "value" is not a figure's value.
    types = {} if table == "meta" else _TYPES
    cols = ", ".join(f'"{c}" {types.get(c, "VARCHAR")}' for c in TABLES[table])
    return f'CREATE TABLE {table} ({cols})'


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    for table in TABLES:
        con.execute(_ddl(table))


def store_path(out_dir: str | Path) -> Path:
    return Path(out_dir) / STORE_NAME


def article_row(article: Article, content_hash: str, ord_: int) -> tuple:
    return (article.article_id, article.published, article.title, article.source,
            ";".join(article.tags), article.url, article.path, article.words, article.text,
            content_hash, ord_)


def _row(record: Figure | Statement | Rejection) -> tuple:
    # dataclasses.astuple deep-copies every value; a shallow read is all a row needs.
    return tuple(getattr(record, f.name) for f in fields(record))


def figure_row(figure: Figure, seq: int) -> tuple:
    return _row(figure) + (seq,)


def statement_row(statement: Statement, seq: int) -> tuple:
    return _row(statement) + (seq,)


def rejection_row(rejection: Rejection) -> tuple:
    return _row(rejection)


def sql_literal(value: str | Path) -> str:
    """A path or text as a SQL string literal, for the statements that take no bound parameter
    (ATTACH, COPY ... TO)."""
    return "'" + str(value).replace("'", "''") + "'"


class StoreWriter:
    """Builds a new run folder beside the published one; `publish` exports it and switches to it."""

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        runs = self.out_dir / RUNS_DIR
        runs.mkdir(parents=True, exist_ok=True)
        # Left by runs that were killed; the caller holds the folder's lock, so none is live.
        for stale in runs.glob(_PARTIAL + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in self.out_dir.glob(".store-*.duckdb.tmp*"):  # the layout before run folders
            stale.unlink(missing_ok=True)
        self.run_dir = runs / (_PARTIAL + secrets.token_hex(4))
        self.run_dir.mkdir()
        self.published_dir: Path | None = None
        self.con: duckdb.DuckDBPyConnection | None = duckdb.connect(str(self.run_dir / STORE_NAME),
                                                                    config={"memory_limit": f"{MEMORY_MB}MB"})
        self.longest_text = 0
        create_tables(self.con)
        self._pending: dict[str, list[tuple]] = {t: [] for t in TABLES}

    def add(self, table: str, rows: Iterable[tuple]) -> None:
        pending = self._pending[table]
        if table == "articles":
            rows = list(rows)
            self._fit(max((len(row[_TEXT]) for row in rows), default=0))
        pending.extend(rows)
        if len(pending) >= 5000:
            self._flush(table)

    def _fit(self, text_chars: int) -> None:
        """Let DuckDB hold an article's text whole: its limit grows with the longest one."""
        if text_chars > self.longest_text and memory_mb(text_chars) > memory_mb(self.longest_text):
            self.con.execute(f"SET memory_limit = '{memory_mb(text_chars)}MB'")
        self.longest_text = max(self.longest_text, text_chars)

    def _longest(self, table: str) -> int:
        return self.con.execute(f"SELECT coalesce(max(strlen(text)), 0) FROM {table}").fetchone()[0]

    def _flush(self, table: str) -> None:
        rows = self._pending[table]
        if not rows:
            return
        import pyarrow as pa

        columns = TABLES[table]
        # Arrow batches load orders of magnitude faster than executemany.
        arrays = {c: [r[i] for r in rows] for i, c in enumerate(columns)}
        batch = pa.table(arrays)
        self.con.register("_batch", batch)
        self.con.execute(f"INSERT INTO {table} SELECT * FROM _batch")
        self.con.unregister("_batch")
        rows.clear()

    def copy_from(self, table: str, where: str, params: Sequence = ()) -> int:
        """Carry rows of an unchanged input over from the previous store; returns how many."""
        self._flush(table)
        return self.con.execute(
            f"INSERT INTO {table} SELECT * FROM old.{table} WHERE {where}", list(params)
        ).fetchone()[0]

    def attach_old(self, old_store: Path) -> None:
        self.con.execute(f"ATTACH {sql_literal(old_store)} AS old (READ_ONLY)")
        self._fit(self._longest("old.articles"))  # articles copied from it are held whole too

    def first_rejection(self) -> str | None:
        """'path: reason' of the first rejected item so far, for a message."""
        self._flush("rejected")
        row = self.con.execute("SELECT path, reason FROM rejected LIMIT 1").fetchone()
        return f"{row[0]}: {row[1]}" if row else None

    def set_meta(self, values: dict[str, str]) -> None:
        self.add("meta", sorted(values.items()))

    def publish(self) -> Path:
        """Finish the store, write its exports beside it, and make the run the current one."""
        for table in TABLES:
            self._flush(table)
        self._fit(self._longest("articles"))
        self.con.execute("CHECKPOINT")
        self.con.close()
        self.con = None
        export(self.run_dir, memory_mb(self.longest_text))
        _fsync_tree(self.run_dir)
        runs = self.run_dir.parent
        name = _run_name(runs)
        os.replace(self.run_dir, runs / name)
        self.published_dir = runs / name
        _fsync(runs)
        previous = current_run(self.out_dir)
        _switch(self.out_dir, name)
        for entry in runs.iterdir():
            if entry.name not in (name, previous):
                shutil.rmtree(entry, ignore_errors=True)
        return store_path(self.out_dir)

    def abort(self) -> None:
        """Drop the run being built (and one renamed but not switched to): the published run stays."""
        try:
            if self.con is not None:
                self.con.close()
        except duckdb.Error:
            pass
        finally:
            self.con = None
            shutil.rmtree(self.run_dir, ignore_errors=True)
            if self.published_dir is not None and current_run(self.out_dir) != self.published_dir.name:
                shutil.rmtree(self.published_dir, ignore_errors=True)


# What DIR/<name> names in the current run: the documented output paths.
PUBLISHED = (STORE_NAME, "articles.csv", "figures.csv", "statements.csv", "rejected.csv", PARQUET_DIR)


def current_run(out_dir: Path) -> str | None:
    """The name of the published run folder under DIR/runs, or None before the first run."""
    try:
        return Path(os.readlink(Path(out_dir) / CURRENT)).name
    except OSError:
        return None


def _run_name(runs: Path) -> str:
    name = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    while (runs / name).exists():  # two runs in one microsecond, or a clock set back
        name += "-" + secrets.token_hex(2)
    return name


def _switch(out_dir: Path, name: str) -> None:
    """Point DIR/current at runs/<name> in one rename, then make sure the documented paths are links
    through it (a folder written before run folders existed is converted once)."""
    _replace_with_link(out_dir / CURRENT, f"{RUNS_DIR}/{name}")
    for published in PUBLISHED:
        path, target = out_dir / published, f"{CURRENT}/{published}"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        if path.is_dir() and not path.is_symlink():
            legacy = out_dir / f".{published}.legacy"
            shutil.rmtree(legacy, ignore_errors=True)
            os.replace(path, legacy)
            _replace_with_link(path, target)
            shutil.rmtree(legacy, ignore_errors=True)
        else:
            _replace_with_link(path, target)
    (out_dir / ".exported").unlink(missing_ok=True)  # the old layout's marker
    _fsync(out_dir)


def _replace_with_link(path: Path, target: str) -> None:
    tmp = path.with_name(f".{path.name}.link")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, path)


def open_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store file the path names now.

    duckdb.connect(path) hands back the database this process already holds open for that path,
    which after a run's rename is the replaced file; attaching to a fresh in-memory database
    always opens the current one.
    """
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {sql_literal(path)} AS store (READ_ONLY)")
        con.execute("USE store")
    except BaseException:
        con.close()
        raise
    return con


def read_meta(path: Path) -> dict[str, str]:
    """The previous store's meta table, or {} when there is no readable store."""
    if not path.exists():
        return {}
    try:
        con = open_read_only(path)
    except duckdb.Error:
        return {}
    try:
        return dict(con.execute("SELECT key, value FROM meta").fetchall())
    except duckdb.Error:
        return {}
    finally:
        con.close()


def read_sources(path: Path) -> dict[str, str]:
    con = open_read_only(path)
    try:
        return dict(con.execute("SELECT path, file_hash FROM sources").fetchall())
    finally:
        con.close()


# The store itself as Parquet, every column, for readers without store.duckdb (a copy on shared
# storage): the growing tables partitioned by month (hive layout, <table>/month=YYYY-MM/*.parquet,
# 'unknown' when there is no date), the small ones one file each.
PARTITION_MONTH = {
    "articles": "t.published",
    # A figure belongs to the month it describes; one without a period to its article's month.
    "figures": "coalesce(t.period_start, t.published)",
    "statements": "t.published",
}
SINGLE_FILES = ("rejected", "sources", "meta")
PARTITION_COLUMN = "month"


def export(folder: str | Path, memory: int = MEMORY_MB) -> None:
    """Write the CSV and Parquet exports of `folder`/store.duckdb into `folder`.

    <table>.csv are the four tables with the contract's columns, text cells a spreadsheet would run
    as a formula prefixed with "'"; parquet/<table>.parquet are the same tables with the exact text;
    parquet/articles/, parquet/figures/, parquet/statements/ and parquet/{rejected,sources,meta}.parquet
    hold the whole store, which the dashboard can read in place of store.duckdb.
    """
    folder = Path(folder)
    parquet = folder / PARQUET_DIR
    con = open_read_only(store_path(folder))
    try:
        con.execute(f"SET memory_limit = '{int(memory)}MB'")
        parquet.mkdir(exist_ok=True)
        for table, columns in EXPORTS.items():
            exact = _ordered_select(table, [f"t.{quoted(c)}" for c in columns])
            _copy(con, _ordered_select(table, _csv_cells(columns)), folder / f"{table}.csv", "FORMAT CSV, HEADER")
            _copy(con, exact, parquet / f"{table}.parquet", "FORMAT PARQUET")
        for table, month in PARTITION_MONTH.items():
            _export_partitioned(con, table, month, parquet / table)
        for table in SINGLE_FILES:
            if table not in EXPORTS:  # rejected's export above already holds every store column
                _copy(con, f"SELECT * FROM {table} ORDER BY ALL", parquet / f"{table}.parquet", "FORMAT PARQUET")
    finally:
        con.close()


def _csv_cells(columns: Iterable[str]) -> list[str]:
    return [f"t.{quoted(c)}" if c in _TYPES else inert(f"t.{quoted(c)}", c) for c in columns]


def _ordered_select(table: str, columns: Iterable[str]) -> str:
    join = " JOIN articles a USING (article_id)" if table in ("figures", "statements") else ""
    return (f"SELECT {', '.join(columns)} FROM {table} t{join}"
            f" ORDER BY {_ORDER[table]}")


def _export_partitioned(con: duckdb.DuckDBPyConnection, table: str, month: str, target: Path) -> None:
    """Write `table` as one folder per month."""
    tagged = _ordered_select(
        table, ["t.*", f"coalesce(strftime({month}, '%Y-%m'), 'unknown') AS {PARTITION_COLUMN}"])
    con.execute(f"COPY ({tagged}) TO {sql_literal(target)} (FORMAT PARQUET, PARTITION_BY ({PARTITION_COLUMN}))")
    if not any(target.rglob("*.parquet")):
        # An empty table writes no file, and a reader could not tell its columns: keep an empty one.
        empty = target / f"{PARTITION_COLUMN}=unknown"
        empty.mkdir(parents=True, exist_ok=True)
        _copy(con, f"SELECT * FROM {table} LIMIT 0", empty / "data_0.parquet", "FORMAT PARQUET")


def _copy(con: duckdb.DuckDBPyConnection, select: str, target: Path, options: str) -> None:
    con.execute(f"COPY ({select}) TO {sql_literal(target)} ({options})")


def _fsync(path: Path) -> None:
    """Flush a file, or a folder's entries, to disk so a rename survives a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    """Flush every file and folder of a run before it is published.

    In parallel: the disk takes many flushes at once about as fast as one, and a run's few hundred
    files flushed one by one would wait a second where this waits a tenth.
    """
    from concurrent.futures import ThreadPoolExecutor

    paths = [Path(root) / name for root, _, names in os.walk(folder) for name in names]
    paths += [Path(root) for root, _, _ in os.walk(folder)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(_fsync, paths))
