"""The embedded store: a DuckDB file whose schema follows etl.model, published atomically.

Schema (one DuckDB file, `store.duckdb`, in the output folder):
- articles(article_id, published, title, source, tags, url, path, words, text, content_hash, ord)
                                               -- ord: position in its input file
- figures(<etl.model.Figure fields>, seq)      -- seq: position in its article, for stable order
- statements(<etl.model.Statement fields>, seq)
- rejected(path, line, reason)
- sources(path, file_hash)                     -- what each input file held when last read
- meta(key, value)                             -- version, fingerprint, generated_at, counts

A run writes a complete new file beside the old one and renames it over the old one, so a reader
(the dashboard) sees the old store or the new one, never a half-written one, and `kill -9` at any
point leaves the previous store intact. CSV and Parquet files are exports of the store.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import fields
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

STORE_NAME = "store.duckdb"

_TYPES = {
    "published": "DATE", "period_start": "DATE", "period_end": "DATE", "said_on": "DATE",
    "value": "BIGINT", "value_high": "BIGINT", "words": "INTEGER", "line": "INTEGER",
    "cumulative": "BOOLEAN", "seq": "INTEGER", "ord": "INTEGER", "lat": "DOUBLE", "lon": "DOUBLE",
}
ARTICLE_STORE_COLUMNS = ARTICLE_COLUMNS + ("text", "content_hash", "ord")
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


class StoreWriter:
    """Builds a new store in a temporary file; `publish` renames it into place atomically."""

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        # Left by runs that were killed; the caller holds the folder's lock, so none is live.
        for stale in self.out_dir.glob(".store-*.duckdb.tmp*"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".store-", suffix=".duckdb.tmp", dir=self.out_dir)
        os.close(fd)
        os.unlink(tmp)  # DuckDB refuses to open an existing empty file as a database
        self.tmp_path = Path(tmp)
        self.con = duckdb.connect(str(self.tmp_path))
        create_tables(self.con)
        self._pending: dict[str, list[tuple]] = {t: [] for t in TABLES}

    def add(self, table: str, rows: Iterable[tuple]) -> None:
        pending = self._pending[table]
        pending.extend(rows)
        if len(pending) >= 5000:
            self._flush(table)

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
        self.con.execute(f"ATTACH '{old_store}' AS old (READ_ONLY)")

    def set_meta(self, values: dict[str, str]) -> None:
        self.add("meta", sorted(values.items()))

    def publish(self) -> Path:
        for table in TABLES:
            self._flush(table)
        self.con.execute("CHECKPOINT")
        self.con.close()
        target = store_path(self.out_dir)
        _fsync(self.tmp_path)
        os.replace(self.tmp_path, target)
        _fsync(self.out_dir)
        return target

    def abort(self) -> None:
        try:
            self.con.close()
        finally:
            for p in (self.tmp_path, Path(str(self.tmp_path) + ".wal")):
                p.unlink(missing_ok=True)


def open_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store file the path names now.

    duckdb.connect(path) hands back the database this process already holds open for that path,
    which after a run's rename is the replaced file; attaching to a fresh in-memory database
    always opens the current one.
    """
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS store (READ_ONLY)")
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


PARQUET_DIR = "parquet"
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


def export(out_dir: str | Path) -> None:
    """Write the CSV and Parquet exports of the published store, each file or folder atomically.

    parquet/<table>.parquet are single-file copies of the four CSV tables; parquet/articles/,
    parquet/figures/, parquet/statements/ and parquet/{rejected,sources,meta}.parquet hold the
    whole store, which the dashboard can read in place of store.duckdb.
    """
    out_dir = Path(out_dir)
    parquet = out_dir / PARQUET_DIR
    con = open_read_only(store_path(out_dir))
    try:
        parquet.mkdir(exist_ok=True)
        for table, columns in EXPORTS.items():
            select = _ordered_select(table, [f"t.{c}" for c in _quoted(columns)])
            _copy_atomic(con, select, out_dir / f"{table}.csv", "FORMAT CSV, HEADER")
            _copy_atomic(con, select, parquet / f"{table}.parquet", "FORMAT PARQUET")
        for table, month in PARTITION_MONTH.items():
            _export_partitioned(con, table, month, parquet / table)
        for table in SINGLE_FILES:
            if table not in EXPORTS:  # rejected's export above already holds every store column
                _copy_atomic(con, f"SELECT * FROM {table}", parquet / f"{table}.parquet", "FORMAT PARQUET")
    finally:
        con.close()


def _ordered_select(table: str, columns: Iterable[str]) -> str:
    join = " JOIN articles a USING (article_id)" if table in ("figures", "statements") else ""
    return (f"SELECT {', '.join(columns)} FROM {table} t{join}"
            f" ORDER BY {_ORDER[table]}")


def _export_partitioned(con: duckdb.DuckDBPyConnection, table: str, month: str, target: Path) -> None:
    """Write `table` as one folder per month, built aside and swapped in whole."""
    parent = target.parent
    tmp, old = parent / f".{target.name}.tmp", parent / f".{target.name}.old"
    for stale in (tmp, old):  # left by a killed run
        shutil.rmtree(stale, ignore_errors=True)
    tagged = _ordered_select(
        table, ["t.*", f"coalesce(strftime({month}, '%Y-%m'), 'unknown') AS {PARTITION_COLUMN}"])
    con.execute(f"COPY ({tagged}) TO '{tmp}' (FORMAT PARQUET, PARTITION_BY ({PARTITION_COLUMN}))")
    if not any(tmp.rglob("*.parquet")):
        # An empty table writes no file, and a reader could not tell its columns: keep an empty one.
        (tmp / f"{PARTITION_COLUMN}=unknown").mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY (SELECT * FROM {table} LIMIT 0) TO "
                    f"'{tmp / f'{PARTITION_COLUMN}=unknown' / 'data_0.parquet'}' (FORMAT PARQUET)")
    # A reader listing the folder between the two renames fails that one query; it never reads old
    # and new files together.
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def _quoted(columns: Iterable[str]) -> list[str]:
    return [f'"{c}"' for c in columns]


def _copy_atomic(con: duckdb.DuckDBPyConnection, select: str, target: Path, options: str) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    con.execute(f"COPY ({select}) TO '{tmp}' ({options})")
    os.replace(tmp, target)


def _fsync(path: Path) -> None:
    """Flush a file, or a folder's entries, to disk so a rename survives a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
