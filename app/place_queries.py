"""SQL for the Where page and the region filter: placed figures as claims, per place and per oblast.

Built like app.queries (bound parameters only, the same figure filters), so the map shows what
every other page counts: the same claim reported by several articles is one marker.
"""
from __future__ import annotations

from app.filters import Filters
from etl.model import CATEGORIES
from app.queries import Query, _figure_conds, _in_month_range, _Params, _placement, _where, reporter

# A claim, as on the Casualties page, at one place: the same numbers at two places are two markers.
_CLAIM = ('value, value_high, category, "group", side, cumulative, reported_by, period_start, period_end, '
          "place, admin1, country, lat, lon, place_precision")
_FIRST_REPORT = "(coalesce(published, DATE '9999-12-31'), article_id, seq)"
MAP_COLUMNS = ("placed_on", "value", "value_high", "category", "group", "side", "reported_by", "place",
               "admin1", "country", "place_precision", "articles", "sentence", "article_id", "lat", "lon")


def regions() -> Query:
    """The oblasts figures are placed in, most figures first (the region filter's options)."""
    return Query("SELECT admin1 AS name, any_value(country) AS country, count(*) AS n FROM figures "
                 "WHERE admin1 IS NOT NULL AND admin1 <> '' GROUP BY admin1 ORDER BY n DESC, admin1",
                 article_ids=None)


def _placed(p: _Params, f: Filters, view: str) -> str:
    """The filtered figures of the view (running totals or per-period counts), each with the date
    it is placed on and its reporter under one name, within the month range."""
    placed, _ = _placement(f)
    conds = _figure_conds(p, f) + ["cumulative" if view == "cumulative" else "NOT cumulative"]
    rows = (f"SELECT * REPLACE ({reporter('f')} AS reported_by), {placed} AS placed_on "
            f"FROM figures f {_where(conds)}")
    return f"SELECT * FROM ({rows}) {_where(_in_month_range(p, f, 'placed_on'))}"


def map_claims(f: Filters, view: str) -> Query:
    """Every placed claim: one row per claim and place, largest first, with its first report."""
    p = _Params()
    sql = (f"SELECT min(placed_on) AS placed_on, {_CLAIM}, count(DISTINCT article_id) AS articles, "
           f"arg_min(sentence, {_FIRST_REPORT}) AS sentence, arg_min(article_id, {_FIRST_REPORT}) AS article_id "
           f"FROM ({_placed(p, f, view)}) WHERE lat IS NOT NULL GROUP BY {_CLAIM} "
           "ORDER BY value DESC, placed_on NULLS LAST, category, place, reported_by NULLS LAST, article_id")
    return p.query(f"SELECT {', '.join(_quoted(c) for c in MAP_COLUMNS)} FROM ({sql})")


def by_oblast(f: Filters, view: str) -> Query:
    """Per oblast (and country): distinct claims, the people they count in each category (never
    killed and displaced in one number; per-period claims summed, running totals never summed: the
    highest), and the articles reporting them."""
    p = _Params()
    counted = "max" if view == "cumulative" else "sum"
    per_category = ", ".join(f"CAST({counted}(value) FILTER (WHERE category = '{c}') AS BIGINT) AS {c}"
                             for c in CATEGORIES)
    claims = (f"SELECT {_CLAIM}, list(DISTINCT article_id) AS ids FROM ({_placed(p, f, view)}) "
              f"WHERE admin1 IS NOT NULL GROUP BY {_CLAIM}")
    sql = (f"SELECT admin1 AS oblast, country, count(*) AS claims, {per_category}, "
           "len(list_distinct(flatten(list(ids)))) AS articles "
           f"FROM ({claims}) GROUP BY admin1, country ORDER BY claims DESC, oblast")
    return p.query(sql, article_ids=None)


def placement(f: Filters, view: str) -> Query:
    """One row: how many of the view's figures are on the map, placed only at country level, or
    not placed (no location given, or one the gazetteer could not place)."""
    p = _Params()
    sql = ("SELECT count(*) AS figures, count(*) FILTER (WHERE lat IS NOT NULL AND place_precision <> 'country') "
           "AS on_map, count(*) FILTER (WHERE place_precision = 'country') AS country_only, "
           "count(*) FILTER (WHERE lat IS NULL AND location IS NOT NULL) AS unplaced, "
           "count(*) FILTER (WHERE location IS NULL) AS no_location "
           f"FROM ({_placed(p, f, view)})")
    return p.query(sql, article_ids=None)


def _quoted(column: str) -> str:
    return f'"{column}"'
