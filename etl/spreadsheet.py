"""Text cells a spreadsheet would run as a formula (CSV injection), made inert for CSV files.

A cell starting with '=', '+', '-', '@', a tab or a carriage return is prefixed with "'", which a
spreadsheet shows as text; a plain negative number stays a number. Used for every CSV a person may
open in a spreadsheet: the ETL's exports and the dashboard's downloads. The store and Parquet files
keep the exact text.
"""
from __future__ import annotations

_FORMULA_START = r"^[=+\-@\t\r]"
_PLAIN_NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"


def quoted(name: str) -> str:
    """A column name as a SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def inert(expr: str, name: str) -> str:
    """`expr AS name` for a text column, with formula-like cells prefixed by "'" (DuckDB SQL)."""
    return (f"CASE WHEN regexp_matches({expr}, '{_FORMULA_START}') "
            f"AND NOT regexp_matches({expr}, '{_PLAIN_NUMBER}') "
            f"THEN '''' || {expr} ELSE {expr} END AS {quoted(name)}")
