"""SQL over the store for every view, built from the filters with bound parameters only.

Each function returns a `Query` (SQL text plus parameters); app.db runs it, cached on the store's
version. User input never enters the SQL text: it is always a `$p<n>` parameter, and the only names
interpolated come from fixed allow-lists (BREAKDOWNS).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.filters import Filters

BREAKDOWNS = ("category", "group", "side")


def reporter(alias: str) -> str:
    """A figure's reporter under one name per actor (the registry's, else as written)."""
    return f"coalesce({alias}.reported_by_actor, {alias}.reported_by)"


def speaker(alias: str) -> str:
    """A statement's speaker under one name per actor (the registry's, else as written)."""
    return f"coalesce({alias}.actor, {alias}.speaker)"
NOT_GIVEN = "not given"
ALL_OTHERS = "all others"


# Where a table's query wants its display limit: before its costly per-row details are joined in.
LIMIT_SLOT = "/*shown-limit*/"


@dataclass(frozen=True)
class Query:
    sql: str
    params: tuple[tuple[str, Any], ...] = ()
    # SQL list expression, over one result row, of the articles the row rests on (for counting).
    article_ids: str | None = "[article_id]"
    # A cheaper query with the same number of rows, when the rows' details are costly to build.
    counter: "Query | None" = None

    def param_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.params}

    def text(self, limit: int | None = None) -> str:
        """The SQL, giving at most `limit` rows when a limit is asked for."""
        if LIMIT_SLOT in self.sql:
            return self.sql.replace(LIMIT_SLOT, "" if limit is None else f"LIMIT {int(limit)}")
        return self.sql if limit is None else f"SELECT * FROM ({self.sql}) LIMIT {int(limit)}"


class _Params:
    """Hands out a placeholder per value, so fragments compose without positional mix-ups."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def __call__(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = tuple(value) if isinstance(value, (list, tuple)) else value
        return f"${name}"

    def query(self, sql: str, article_ids: str | None = "[article_id]", counter: Query | None = None) -> Query:
        return Query(sql, tuple(self.values.items()), article_ids, counter)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _matches(p: _Params, text: str, *columns: str) -> str:
    pattern = p(_like(text))
    return "(" + " OR ".join(f"{c} ILIKE {pattern} ESCAPE '\\'" for c in columns) + ")"


def _in_month_range(p: _Params, f: Filters, column: str) -> list[str]:
    start, end = f.month_bounds()
    conds = []
    if start:
        conds.append(f"{column} >= {p(start)}")
    if end:
        conds.append(f"{column} < {p(end)}")
    return conds


def _where(conds: list[str]) -> str:
    return ("WHERE " + " AND ".join(conds)) if conds else ""


def _article_conds(p: _Params, f: Filters, a: str = "a") -> list[str]:
    """Conditions on an article's own fields (outlet, tags), shared by every table."""
    conds = []
    if f.sources:
        conds.append(f"list_contains({p(f.sources)}, {a}.source)")
    if f.tags:
        conds.append(f"list_has_any(string_split({a}.tags, ';'), {p(f.tags)})")
    return conds


def _of_matching_articles(p: _Params, f: Filters, column: str) -> list[str]:
    conds = _article_conds(p, f)
    if not conds:
        return []
    return [f"{column} IN (SELECT a.article_id FROM articles a {_where(conds)})"]


def _figure_conds(p: _Params, f: Filters, alias: str = "f") -> list[str]:
    conds = [f'list_contains({p(values)}, {alias}."{column}")'
             for values, column in ((f.categories, "category"), (f.groups, "group"), (f.sides, "side"))
             if values]
    if f.actors:
        conds.append(f"list_contains({p(f.actors)}, {reporter(alias)})")
    if f.text:
        conds.append(_matches(p, f.text, f"{alias}.sentence", f"{alias}.reported_by",
                              f"{alias}.reported_by_actor", f"{alias}.location"))
    return conds + _of_matching_articles(p, f, f"{alias}.article_id")


# -- figures, as claims -------------------------------------------------------------------------

CLAIM_KEY = ("value", "value_high", "category", "group", "side", "cumulative", "reported_by",
             "period_start", "period_end")
CLAIM_COLUMNS = ("month", "placed_on", "placed_by", "value", "value_high", "qualifier", "category",
                 "group", "side", "cumulative", "period_start", "period_end", "reported_by",
                 "location", "articles", "first_published", "article_id", "sentence", "article_ids")
# Taken from the claim's first report (earliest publication, then article id, then position).
_FROM_FIRST_REPORT = ("qualifier", "location", "article_id", "sentence")


def _placement(f: Filters) -> tuple[str, str]:
    """The date a claim is placed on, and whether that date came from the period or publication.

    A per-period figure sits at the start of the period it describes; a running total at the day
    it runs up to. Without a period, or when the user asks for it, the first publication date.
    """
    if f.dated_by == "published":
        return "first_published", "'publication'"
    placed = ("CASE WHEN cumulative THEN coalesce(period_end, first_published) "
              "ELSE coalesce(period_start, period_end, first_published) END")
    placed_by = ("CASE WHEN (cumulative AND period_end IS NULL) OR (period_start IS NULL AND "
                 "period_end IS NULL) THEN 'publication' ELSE 'period' END")
    return placed, placed_by


def _claims_cte(p: _Params, f: Filters) -> str:
    """`claims`: the filtered figures with the same claim reported by several articles counted once.

    A claim is (value, value_high, category, group, side, cumulative, reporter, period), with the
    reporter under one name per actor. A figure without any period takes its publication month as
    its period, so an undated "5 killed" in March and another in August stay two claims.
    `claim_key` is a hash of the claim, to find a claim's figures again.
    """
    key = ", ".join(f'"{c}"' for c in CLAIM_KEY)
    any_key = ", ".join(f'any_value("{c}") AS "{c}"' for c in CLAIM_KEY)
    placed, placed_by = _placement(f)
    month_conds = _in_month_range(p, f, "placed_on")
    return f"""
    f AS (
        SELECT *, hash({key}, undated_month) AS claim_key FROM (
            SELECT * REPLACE ({reporter("f")} AS reported_by),
                   CASE WHEN period_start IS NULL AND period_end IS NULL
                        THEN date_trunc('month', published)::DATE END AS undated_month
            FROM figures f {_where(_figure_conds(p, f))})
    ),
    c AS (
        -- Grouping on the one hash column, not the nine it hashes, is several times faster at a
        -- million figures; the key's columns are equal within a group, so any_value is exact.
        -- How many distinct articles report a claim is counted later, for the rows shown only.
        SELECT {any_key}, any_value(undated_month) AS undated_month, claim_key,
               count(*) AS mentions,
               min(published) AS first_published
        FROM f GROUP BY claim_key
    ),
    claims AS (
        SELECT *, date_trunc('month', placed_on)::DATE AS month
        FROM (SELECT *, {placed} AS placed_on, {placed_by} AS placed_by FROM c)
        {_where(month_conds)}
    )"""


def _view_conds(p: _Params, view: str | None, breakdown: str, selected: tuple[str, ...]) -> list[str]:
    conds = []
    if view is not None:
        conds.append("cumulative" if view == "cumulative" else "NOT cumulative")
    if selected:
        conds.append(f"list_contains({p(selected)}, {bucket_key(breakdown)})")
    return conds


def bucket_key(breakdown: str) -> str:
    """SQL naming a claim's chart bucket, 'YYYY-MM|<breakdown value>': a chart point's customdata."""
    if breakdown not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {breakdown!r}")
    return f"strftime(month, '%Y-%m') || '|' || coalesce(\"{breakdown}\", '{NOT_GIVEN}')"


def claims(f: Filters, view: str | None = None, breakdown: str = "category",
           selected: tuple[str, ...] = (), latest_first: bool = False) -> Query:
    """The claims table: one row per distinct claim, with how many articles reported it.

    The claims are ordered and cut to the display limit first; only then are their first report
    and the list of articles reporting them looked up, so the top rows of a million figures
    come back quickly.
    """
    order = ("first_published DESC NULLS LAST" if latest_first else "placed_on DESC NULLS LAST") + (
        ", value DESC, category, \"group\", side, reported_by NULLS LAST, period_start NULLS LAST, "
        "period_end NULLS LAST, value_high NULLS LAST, claim_key")
    p = _Params()
    cte = _claims_cte(p, f)
    columns = ", ".join(f'd."{c}"' if c in _FROM_FIRST_REPORT else
                        f'r."{c}"' if c in ("article_ids", "articles") else f'shown."{c}"' for c in CLAIM_COLUMNS)
    sql = (f"WITH {cte}, shown AS (SELECT * FROM claims {_where(_view_conds(p, view, breakdown, selected))} "
           f"ORDER BY {order} {LIMIT_SLOT}), "
           "r AS (SELECT claim_key, struct_extract(min(struct_pack(p := coalesce(published, DATE '9999-12-31'), "
           "a := article_id, s := seq, id := figure_id)), 'id') AS first_figure, "
           "string_agg(DISTINCT article_id, ';' ORDER BY article_id) AS article_ids, "
           "count(DISTINCT article_id) AS articles "
           "FROM f WHERE claim_key IN (SELECT claim_key FROM shown) GROUP BY claim_key) "
           f"SELECT {columns} FROM shown JOIN r USING (claim_key) JOIN figures d ON d.figure_id = r.first_figure "
           f"ORDER BY {', '.join('shown.' + o.strip() for o in order.split(','))}")
    light = _Params()
    counter = light.query(f"WITH {_claims_cte(light, f)} SELECT claim_key FROM claims "
                          f"{_where(_view_conds(light, view, breakdown, selected))}", article_ids=None)
    return p.query(sql, article_ids="string_split(article_ids, ';')", counter=counter)


def claims_by_month(f: Filters, view: str, breakdown: str) -> Query:
    """Chart data: per month and breakdown value, the people counted (per-period claims are summed;
    running totals are never summed: the highest total reported that month is shown), how many
    claims, and how many of them were placed by publication date. Undated claims have no month."""
    p = _Params()
    cte = _claims_cte(p, f)
    people = "max(value)" if view == "cumulative" else "sum(value)::BIGINT"
    sql = (f"WITH {cte} SELECT month, coalesce(\"{breakdown}\", '{NOT_GIVEN}') AS key, "
           f"{people} AS people, count(*) AS claims, {bucket_key(breakdown)} AS bucket, "
           f"count(*) FILTER (WHERE placed_by = 'publication') AS by_publication "
           f"FROM claims {_where(_view_conds(p, view, breakdown, ()))} "
           f"GROUP BY ALL ORDER BY month NULLS LAST, key")
    return p.query(sql, article_ids=None)


# -- statements ---------------------------------------------------------------------------------

STATEMENT_COLUMNS = ("published", "said_on", "actor", "speaker", "speaker_role", "kind", "quote", "cue",
                     "source", "title", "article_id", "statement_id", "sentence")


def _statements_sql(p: _Params, f: Filters) -> str:
    conds = _in_month_range(p, f, "s.published")
    if f.actors:
        conds.append(f"list_contains({p(f.actors)}, {speaker('s')})")
    if f.text:
        conds.append(_matches(p, f.text, "s.quote", "s.speaker", "s.actor", "s.speaker_role", "s.sentence"))
    conds += _article_conds(p, f)
    sources = {"source": "a.source", "title": "a.title", "actor": f"{speaker('s')} AS actor"}
    columns = ", ".join(sources.get(c, f"s.{c}") for c in STATEMENT_COLUMNS)
    return (f"SELECT {columns} FROM statements s JOIN articles a USING (article_id) {_where(conds)} "
            f"ORDER BY s.published DESC NULLS LAST, s.article_id, s.seq")


def statements(f: Filters) -> Query:
    p = _Params()
    return p.query(_statements_sql(p, f))


def statements_by_month(f: Filters, top: int = 8) -> Query:
    """Statements per month for the `top` most quoted actors; everyone else as 'all others'."""
    p = _Params()
    sql = (f"WITH s AS ({_statements_sql(p, f)}), "
           f"top AS (SELECT actor FROM s GROUP BY actor ORDER BY count(*) DESC, actor LIMIT {int(top)}) "
           f"SELECT date_trunc('month', published)::DATE AS month, "
           f"CASE WHEN actor IN (SELECT actor FROM top) THEN actor ELSE '{ALL_OTHERS}' END AS actor, "
           f"count(*) AS statements FROM s WHERE published IS NOT NULL "
           f"GROUP BY ALL ORDER BY month, statements DESC, actor")
    return p.query(sql, article_ids=None)


def top_speakers(f: Filters, n: int = 15) -> Query:
    p = _Params()
    sql = (f"WITH s AS ({_statements_sql(p, f)}) "
           f"SELECT actor, mode(speaker_role) AS speaker_role, count(*) AS statements, "
           f"count(DISTINCT article_id) AS articles FROM s "
           f"GROUP BY actor ORDER BY statements DESC, actor LIMIT {int(n)}")
    return p.query(sql, article_ids=None)


# -- articles -----------------------------------------------------------------------------------

ARTICLE_COLUMNS = ("published", "title", "source", "tags", "words", "figures", "statements", "url",
                   "article_id")


def _articles_sql(p: _Params, f: Filters) -> str:
    conds = _in_month_range(p, f, "a.published") + _article_conds(p, f)
    if f.text:
        conds.append(_matches(p, f.text, "a.title", "a.text"))
    figure_conds = [f'list_contains({p(v)}, f."{c}")'
                    for v, c in ((f.categories, "category"), (f.groups, "group"), (f.sides, "side")) if v]
    if figure_conds:
        conds.append(f"a.article_id IN (SELECT f.article_id FROM figures f {_where(figure_conds)})")
    if f.actors:
        actors = p(f.actors)
        conds.append(f"(a.article_id IN (SELECT article_id FROM figures f WHERE list_contains({actors}, {reporter('f')}))"
                     f" OR a.article_id IN (SELECT article_id FROM statements s "
                     f"WHERE list_contains({actors}, {speaker('s')})))")
    return (f"SELECT a.published, a.title, a.source, a.tags, a.words, "
            f"coalesce(fc.n, 0) AS figures, coalesce(sc.n, 0) AS statements, a.url, a.article_id "
            f"FROM articles a "
            f"LEFT JOIN (SELECT article_id, count(*) AS n FROM figures GROUP BY ALL) fc USING (article_id) "
            f"LEFT JOIN (SELECT article_id, count(*) AS n FROM statements GROUP BY ALL) sc USING (article_id) "
            f"{_where(conds)} ORDER BY a.published DESC NULLS LAST, a.article_id")


def articles(f: Filters) -> Query:
    p = _Params()
    return p.query(_articles_sql(p, f))


def article(article_id: str) -> Query:
    p = _Params()
    return p.query("SELECT article_id, published, title, source, tags, url, path, words, text "
                   f"FROM articles WHERE article_id = {p(article_id)}")


def article_figures(article_id: str) -> Query:
    p = _Params()
    return p.query("SELECT value, value_high, qualifier, category, \"group\", side, cumulative, "
                   "period_start, period_end, reported_by, reported_by_actor, location, sentence, article_id, "
                   "figure_id "
                   f"FROM figures WHERE article_id = {p(article_id)} ORDER BY seq")


def article_statements(article_id: str) -> Query:
    p = _Params()
    return p.query("SELECT speaker, actor, speaker_role, kind, quote, cue, said_on, sentence, article_id, "
                   f"statement_id FROM statements WHERE article_id = {p(article_id)} ORDER BY seq")


# -- overview and options -----------------------------------------------------------------------


def overview(f: Filters) -> Query:
    """One row: what the filtered view holds."""
    p = _Params()
    arts = _articles_sql(p, f)
    claims_cte = _claims_cte(p, f)
    stmts = _statements_sql(p, f)
    sql = (f"WITH {claims_cte}, arts AS ({arts}), stmts AS ({stmts}) SELECT "
           "(SELECT count(*) FROM arts) AS articles, (SELECT min(published) FROM arts) AS first, "
           "(SELECT max(published) FROM arts) AS last, "
           "(SELECT count(DISTINCT source) FROM arts) AS sources, "
           "(SELECT coalesce(sum(mentions), 0) FROM claims) AS figures, "
           "(SELECT count(*) FROM claims) AS claims, "
           "(SELECT count(*) FROM stmts) AS statements")
    return p.query(sql, article_ids=None)


def month_span() -> Query:
    """First and last month holding an article or a per-period figure's period."""
    return Query("SELECT min(d) AS first, max(d) AS last FROM ("
                 "SELECT published AS d FROM articles UNION ALL "
                 "SELECT coalesce(period_start, period_end) FROM figures WHERE NOT cumulative)",
                 article_ids=None)


def actors(limit: int = 5000) -> Query:
    """Speakers and reporters of figures, most frequent first."""
    return Query("SELECT name, count(*) AS n FROM ("
                 f"SELECT {speaker('s')} AS name FROM statements s UNION ALL "
                 f"SELECT {reporter('f')} FROM figures f) WHERE name IS NOT NULL "
                 f"AND name <> '' GROUP BY name ORDER BY n DESC, name LIMIT {int(limit)}",
                 article_ids=None)


def sources() -> Query:
    return Query("SELECT source AS name, count(*) AS n FROM articles WHERE source IS NOT NULL "
                 "AND source <> '' GROUP BY source ORDER BY n DESC, source", article_ids=None)


def tags(limit: int = 2000) -> Query:
    return Query("SELECT tag AS name, count(*) AS n FROM ("
                 "SELECT unnest(string_split(tags, ';')) AS tag FROM articles) "
                 f"WHERE tag <> '' GROUP BY tag ORDER BY n DESC, tag LIMIT {int(limit)}",
                 article_ids=None)


def rejected() -> Query:
    return Query("SELECT path, line, reason FROM rejected ORDER BY path, line NULLS FIRST, reason",
                 article_ids=None)
