"""The published series shipped in data/reference/ (see its README), read in place by DuckDB, and
how the articles' claims compare with them.

Each reference value is a row (series, label, source, category, group, side, day, value,
value_low, value_high, note) in the terms of the figures table, so it can be drawn under the
claims it matches and joined to them by date.
"""
from __future__ import annotations

from dataclasses import replace

from app.filters import Filters
from app.queries import Query, claims, ARTICLES_FIRST_DAY, ARTICLES_END_DAY
from app.db import REPO_ROOT

FOLDER = REPO_ROOT / "data" / "reference"
GENERAL_STAFF_FILE = FOLDER / "ukraine-general-staff" / "russia_losses_personnel.json"
ECONOMIST_FILE = FOLDER / "economist" / "Soldier_deaths_casualties_in_Ukraine_-_estimates.csv"

GENERAL_STAFF = "general-staff"
ECONOMIST = "economist"
LABELS = {
    GENERAL_STAFF: "Ukraine's General Staff, daily report: Russian personnel 'liquidated' (reference)",
    ECONOMIST: "Estimates collected by The Economist (reference)",
}
# The categories of the claims each kind of reference value stands beside.
_GENERAL_STAFF_CATEGORIES = ("killed", "casualties")
_ECONOMIST_TYPES = {"deaths": "killed", "casualties": "casualties"}
SIDES_COUNTED = ("russia", "ukraine")  # whose soldiers the series count


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _number(column: str) -> str:
    """A count as the collection writes it ("1,200,000", " 700000 ") as a number, else NULL."""
    return f"TRY_CAST(replace(trim({column}), ',', '') AS BIGINT)"


def series_sql() -> str:
    """Every reference value as a row in the figures' terms (see the module's docstring)."""
    types = ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in _ECONOMIST_TYPES.items())
    general_staff = (
        f"SELECT '{GENERAL_STAFF}' AS series, {_literal(LABELS[GENERAL_STAFF])} AS label, "
        "'Ukraine''s General Staff' AS source, unnest("
        f"[{', '.join(map(_literal, _GENERAL_STAFF_CATEGORIES))}]) AS category, 'military' AS \"group\", "
        "'russia' AS side, CAST(date AS DATE) AS day, CAST(personnel AS BIGINT) AS value, "
        "NULL::BIGINT AS value_low, NULL::BIGINT AS value_high, "
        "'running total since 24 February 2022, as the General Staff words it: ' || "
        "coalesce(\"personnel*\", 'exact') AS note "
        f"FROM read_json({_literal(str(GENERAL_STAFF_FILE))}) WHERE personnel IS NOT NULL")
    low, high, estimate = _number("estimate_low"), _number("estimate_high"), _number("estimate")
    economist = (
        f"SELECT '{ECONOMIST}' AS series, {_literal(LABELS[ECONOMIST])} AS label, trim(source) AS source, "
        f"MAP {{{types}}}[trim(type)] AS category, 'military' AS \"group\", trim(country) AS side, "
        "CAST(strptime(trim(date), '%d/%m/%Y') AS DATE) AS day, "
        f"coalesce({estimate}, {low}, {high}) AS value, {low} AS value_low, {high} AS value_high, "
        "CASE WHEN lower(trim(\"ignore for chart, data from warring parties\")) = 'yes' "
        "THEN 'from a warring party' ELSE 'independent of the warring parties' END AS note "
        f"FROM read_csv({_literal(str(ECONOMIST_FILE))}, all_varchar = true, header = true) "
        "WHERE trim(type) IN ('deaths', 'casualties')")
    return f"SELECT * FROM ({general_staff}) UNION ALL SELECT * FROM ({economist})"


def in_view(f: Filters, category: str, sides: tuple[str, ...]) -> Query:
    """The reference values for `category` and `sides` inside the view's months (the filters',
    else the articles'), oldest first."""
    start, end = f.month_bounds()
    params = {"category": category, "sides": list(sides)}
    first, last = ARTICLES_FIRST_DAY, ARTICLES_END_DAY
    if start:
        params["start"], first = start, "$start"
    if end:
        params["end"], last = end, "$end"
    sql = (f"SELECT * FROM ({series_sql()}) WHERE category = $category AND list_contains($sides, side) "
           f"AND day >= {first} AND day < {last} AND value IS NOT NULL ORDER BY series, day, source")
    return Query(sql, tuple(params.items()), article_ids=None)


COMPARISON_COLUMNS = ("claim_date", "claimant", "category", "group", "side", "value", "value_high",
                      "general_staff_day", "general_staff", "claim_to_general_staff", "economist_day",
                      "economist_source", "economist_low", "economist", "economist_high", "economist_note",
                      "sentence", "article_id", "figure_id")


def comparison(f: Filters) -> Query:
    """Each running-total claim about a side's military under the filters, beside the reference
    values for the same day: the General Staff's figure that day (or the last day before it) and
    The Economist's latest matching estimate on or before it. Claims no series covers are left out."""
    # Only claims about soldiers of the two sides have a reference to stand beside: read only those.
    soldiers = replace(f, groups=tuple(g for g in (f.groups or ("military",)) if g == "military") or f.groups,
                       sides=tuple(s for s in (f.sides or SIDES_COUNTED) if s in SIDES_COUNTED) or f.sides)
    inner = claims(soldiers, "cumulative")
    ref = series_sql()
    sql = (
        f"WITH c AS (SELECT * FROM ({inner.text()}) WHERE \"group\" = 'military' AND placed_on IS NOT NULL), "
        f"ref AS ({ref}), "
        f"gs AS (SELECT category, side, day, value FROM ref WHERE series = '{GENERAL_STAFF}'), "
        f"ec AS (SELECT category, side, day, source, value, value_low, value_high, note FROM ref "
        f"WHERE series = '{ECONOMIST}' AND value IS NOT NULL) "
        "SELECT c.placed_on AS claim_date, coalesce(c.reported_by, 'no claimant named') AS claimant, "
        "c.category, c.\"group\", c.side, c.value, c.value_high, gs.day AS general_staff_day, "
        "gs.value AS general_staff, round(c.value / gs.value, 2) AS claim_to_general_staff, "
        "ec.day AS economist_day, ec.source AS economist_source, ec.value_low AS economist_low, "
        "ec.value AS economist, ec.value_high AS economist_high, ec.note AS economist_note, "
        "c.sentence, c.article_id, c.figure_id "
        "FROM c ASOF LEFT JOIN gs ON c.category = gs.category AND c.side = gs.side AND c.placed_on >= gs.day "
        "ASOF LEFT JOIN ec ON c.category = ec.category AND c.side = ec.side AND c.placed_on >= ec.day "
        "WHERE gs.value IS NOT NULL OR ec.value IS NOT NULL "
        "ORDER BY claim_date DESC, claimant, c.value DESC")
    return Query(sql, inner.params, article_ids="[article_id]")
