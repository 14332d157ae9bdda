"""A table's full filtered rows as CSV, safe to open in a spreadsheet, and its metadata file.

Both are built by DuckDB from the same `Query` the page shows (without its display limit), so a
download carries every filtered row even when the page shows the first thousand.
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from app import db
from app.filters import Filters
from app.queries import Query
from app.texts import CAVEATS, COLUMNS, CSV_NOTE
from etl.spreadsheet import inert, quoted


def _cell(name: str, type_name: str) -> str:
    col = quoted(name)
    return inert(col, name) if type_name == "VARCHAR" else col


def csv_bytes(store: db.Store, query: Query) -> bytes:
    """Every row of `query` as CSV (header, comma, minimal quoting, empty for missing values)."""
    params = query.param_dict()
    fd, tmp = tempfile.mkstemp(prefix="war-news-", suffix=".csv")
    os.close(fd)
    try:
        with db.connect(store) as con:
            columns = con.execute(f"SELECT * FROM ({query.text()}) LIMIT 0", params).description
            select = ", ".join(_cell(name, str(type_)) for name, type_, *_ in columns)
            target = tmp.replace("'", "''")
            con.execute(f"COPY (SELECT {select} FROM ({query.text()})) TO '{target}' (FORMAT CSV, HEADER)",
                        params)
        return Path(tmp).read_bytes()
    finally:
        os.unlink(tmp)


def metadata_bytes(store: db.Store, query: Query, table: str, about: str, filters: Filters,
                   selection: Sequence[str] = ()) -> bytes:
    """What a downloaded table is: filters, data version, when, how many rows and articles, columns."""
    params = query.param_dict()
    with db.connect(store) as con:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        columns = [d[0] for d in con.execute(f"SELECT * FROM ({query.text()}) LIMIT 0", params).description]
        rows = con.execute(f"SELECT count(*) FROM ({query.text()})", params).fetchone()[0]
        articles = None
        if query.article_ids:
            articles = con.execute(
                f"SELECT count(DISTINCT id) FROM (SELECT unnest({query.article_ids}) AS id "
                f"FROM ({query.text()}))", params).fetchone()[0]
    doc = {
        "table": table,
        "about": about,
        "file_generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "data_version": meta.get("version"),
        "data_generated_at": meta.get("generated_at"),
        "filters": filters.describe(),
        "chart_selection": list(selection),
        "rows": rows,
        "articles": articles,
        "columns": {c: COLUMNS.get(c, "") for c in columns},
        "caveats": list(CAVEATS),
        "csv": CSV_NOTE,
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n").encode("utf-8")
