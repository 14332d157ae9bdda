"""Downloads carry the full filtered table, safe to open in a spreadsheet, with a metadata file."""
from __future__ import annotations

import csv
import io
import json
import re

import duckdb

from app import downloads, queries
from app.db import Store

STATEMENT_CSV_COLUMNS = ["published", "said_on", "actor", "speaker", "speaker_role", "kind", "quote", "cue",
                         "source", "title", "article_id", "statement_id", "sentence"]


def _cell(value) -> str:
    """A value as a spreadsheet-safe CSV cell: text that would run as a formula gets a quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r") \
            and not re.fullmatch(r"-?\d+(\.\d+)?", text):
        return "'" + text
    return text


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return out.getvalue().encode()


def _expected_statements(store, actor: str) -> bytes:
    order = {s.statement_id: i for i, s in enumerate(store.statements)}
    chosen = sorted((s for s in store.statements if (s.actor or s.speaker) == actor),
                    key=lambda s: (-s.published.toordinal(), s.article_id, order[s.statement_id]))
    rows = []
    for s in chosen:
        a = store.article(s.article_id)
        rows.append([s.published, s.said_on, s.actor or s.speaker, s.speaker, s.speaker_role, s.kind, s.quote,
                     s.cue, a.source, a.title, s.article_id, s.statement_id, s.sentence])
    return _csv(STATEMENT_CSV_COLUMNS, rows)


def test_statements_download_is_the_filtered_table_with_formulas_neutralised(open_app, download, fixture_store):
    at = open_app(fixture_store.folder, "pages/statements.py", actor="Olena Savchuk")
    got = download(at, "Download statements (CSV")
    assert got == _expected_statements(fixture_store, "Olena Savchuk")
    # The quote "=1+1 is not how..." would run as a formula in a spreadsheet.
    assert b",'=1+1 is not how you count people who lost their homes.," in got
    assert len(at.dataframe[0].value) == got.count(b"\n") - 1


def test_download_carries_every_row_beyond_the_shown_ones(open_app, download, fixture_store):
    at = open_app(fixture_store.folder)  # the overview shows the 10 latest statements
    assert len(at.dataframe[1].value) == 10
    rows = list(csv.DictReader(io.StringIO(download(at, "Download statements-latest (CSV").decode())))
    assert len(rows) == len(fixture_store.statements) == 18


def test_numbers_stay_numbers_in_the_claims_download(open_app, download, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py", category="deployed", view="incidents")
    text = download(at, "Download figures-per_period (CSV").decode()
    header, row = text.splitlines()
    values = dict(zip(header.split(","), next(csv.reader([row]))))
    assert (values["value"], values["value_high"], values["articles"]) == ("5000", "7000", "1")
    assert values["category"] == "deployed"


def test_metadata_describes_the_download(open_app, download, fixture_store):
    at = open_app(fixture_store.folder, "pages/casualties.py", category="killed", view="incidents")
    meta = json.loads(download(at, "Download its metadata (JSON)"))
    assert meta["filters"] == {"categories": ["killed"], "conflicts": ["russia-ukraine"], "vague": False}
    assert meta["data_version"] == "fixture-1"
    assert meta["rows"] == len(at.dataframe[0].value) == 5
    # 9 civilians (a01, a02), 86 children (a05, a09), 320 (a04), 3 (a07), 5 (a11, a12)
    assert meta["articles"] == 8
    assert set(meta["columns"]) >= {"value", "category", "reported_by", "articles", "sentence"}
    assert all(meta["columns"].values()), "every column is explained"
    assert any("not verified" in c for c in meta["caveats"])
    assert meta["file_generated_at"]


def test_neutralising_cells(tmp_path):
    path = tmp_path / "t.duckdb"
    duckdb.connect(str(path)).close()
    store = Store(str(path), (0, 0, 0))
    cells = ["=HYPERLINK(\"x\")", "+1", "-5", "-2.5", "-1+2", "@SUM(A1)", "\tx", "\rx", "plain", "a=b"]
    sql = " UNION ALL ".join(f"SELECT {i} AS n, $c{i} AS cell, -{i} AS number" for i in range(len(cells)))
    query = queries.Query(sql + " ORDER BY n", tuple((f"c{i}", c) for i, c in enumerate(cells)), None)
    got = list(csv.reader(io.StringIO(downloads.csv_bytes(store, query).decode(), newline="")))
    assert [r[1] for r in got[1:]] == ["'=HYPERLINK(\"x\")", "'+1", "-5", "-2.5", "'-1+2", "'@SUM(A1)", "'\tx",
                                       "'\rx", "plain", "a=b"]
    assert [r[2] for r in got[1:]] == [str(-i) for i in range(len(cells))], "numbers are never prefixed"
