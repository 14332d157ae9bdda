"""SQL over the store for every view, built from the filters with bound parameters only.

Each function returns a `Query` (SQL text plus parameters); app.db runs it, cached on the store's
version. User input never enters the SQL text: it is always a `$p<n>` parameter, and the only names
interpolated come from fixed allow-lists (BREAKDOWNS).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from app import search
from app.filters import Filters
from app.paths import shown_sql

# What the bars of one category can be broken down by (a bar never mixes categories).
BREAKDOWNS = ("group", "side")
_BUCKETABLE = ("category",) + BREAKDOWNS
UNATTRIBUTED = "no claimant named"


def reporter(alias: str) -> str:
    """A figure's reporter under one name per actor (the registry's, else as written)."""
    return f"coalesce({alias}.reported_by_actor, {alias}.reported_by)"


def speaker(alias: str) -> str:
    """A statement's speaker under one name per actor (the registry's, else as written)."""
    return f"coalesce({alias}.actor, {alias}.speaker)"
NOT_GIVEN = "not given"


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


def _matches(p: _Params, text: str, *columns: str) -> list[str]:
    """The search box's condition over `columns` (every term, in any of its spellings)."""
    cond = search.condition(p, text, columns)
    return [cond] if cond else []


# The months the articles were published in: a view's month range unless the filters narrow it.
ARTICLES_FIRST_DAY = "(SELECT date_trunc('month', min(published))::DATE FROM articles)"
ARTICLES_END_DAY = "(SELECT (date_trunc('month', max(published)) + INTERVAL 1 MONTH)::DATE FROM articles)"


def _placed_in_months(p: _Params, f: Filters, column: str = "placed_on") -> list[str]:
    """A claim's date inside the month range: the filters' months, else the articles' months.

    A figure can describe a period long before or after the articles (a 1932 famine toll in a 2022
    article): by default only what lies in the months the articles cover is shown. A claim with no
    date at all stays in the tables unless months are chosen.
    """
    start, end = f.month_bounds()
    first = p(start) if start else ARTICLES_FIRST_DAY
    last = p(end) if end else ARTICLES_END_DAY
    inside = f"{column} >= {first} AND {column} < {last}"
    return [inside] if (start or end) else [f"({column} IS NULL OR ({inside}))"]


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


def _of(order: str, alias: str) -> str:
    """An ORDER BY list's columns taken from the table `alias` (where a join has the same names)."""
    return ", ".join(f"{alias}.{term.strip()}" for term in order.split(","))


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
    if f.conflicts:
        conds.append(f"list_contains({p(f.conflicts)}, {alias}.conflict)")
    if not f.vague:
        conds.append(f"{alias}.qualifier <> 'vague'")
    if f.actors:
        conds.append(f"list_contains({p(f.actors)}, {reporter(alias)})")
    if f.text:
        conds += _matches(p, f.text, f"{alias}.sentence", f"{alias}.reported_by",
                          f"{alias}.reported_by_actor", f"{alias}.location")
    if f.regions:
        conds.append(f"list_contains({p(f.regions)}, {alias}.admin1)")
    return conds + _of_matching_articles(p, f, f"{alias}.article_id")


def _reporting_regions(p: _Params, f: Filters, column: str) -> list[str]:
    """Statements and articles under a region filter: those of articles with a figure placed there."""
    if not f.regions:
        return []
    return [f"{column} IN (SELECT article_id FROM figures WHERE list_contains({p(f.regions)}, admin1))"]


# -- figures, as claims -------------------------------------------------------------------------

CLAIM_KEY = ("value", "value_high", "category", "group", "side", "cumulative", "period_start", "period_end")
CLAIM_COLUMNS = ("month", "placed_on", "placed_by", "value", "value_high", "qualifier", "category",
                 "group", "side", "cumulative", "period_start", "period_end", "reported_by",
                 "location", "articles", "first_published", "article_id", "figure_id", "sentence",
                 "article_ids", "claim_key")
# Taken from the claim's first report (earliest publication, then article id, then position).
_FROM_FIRST_REPORT = ("qualifier", "location", "article_id", "figure_id", "sentence")


def _placement(f: Filters) -> tuple[str, str]:
    """The date a figure's claim is placed on, and whether it came from the period or publication.

    A per-period figure sits at the start of the period it describes; a running total at the day
    it runs up to. Without a period, or when the user asks for it, the publication date. The
    period is the same for every report of a claim, so the earliest of its figures' dates is the
    claim's: the period, else its first publication.
    """
    if f.dated_by == "published":
        return "published", "'publication'"
    placed = ("CASE WHEN cumulative THEN coalesce(period_end, published) "
              "ELSE coalesce(period_start, period_end, published) END")
    placed_by = ("CASE WHEN (cumulative AND period_end IS NULL) OR (period_start IS NULL AND "
                 "period_end IS NULL) THEN 'publication' ELSE 'period' END")
    return placed, placed_by


_KEY = ", ".join(f'"{c}"' for c in CLAIM_KEY) + ", claimant_key, undated_month"


def _figure_rows(where: str) -> str:
    """The filtered figures, reporter under one name, with their claim's hash as `claim_key`.

    A claim is (value, range, category, group, side, running total or not, period) and, for a
    running total, who claims it: the same total from two claimants is two claims to compare. An
    incident over a stated period is one claim whoever reports it ("9 killed on 4 March", said by
    the governor in one article and unattributed in another), so it is counted once. A figure
    without any period takes its publication month as its period and keeps its reporter, so an
    undated "5 killed" in March and another in August, or from two reporters, stay two claims.
    """
    return (f"SELECT *, hash({_KEY}) AS claim_key FROM ("
            f"SELECT * REPLACE ({reporter('f')} AS reported_by), "
            "CASE WHEN period_start IS NULL AND period_end IS NULL "
            "THEN date_trunc('month', published)::DATE END AS undated_month, "
            "CASE WHEN NOT cumulative AND (period_start IS NOT NULL OR period_end IS NOT NULL) THEN NULL "
            f"ELSE {reporter('f')} END AS claimant_key "
            f"FROM figures f {where})")


def _claims_cte(p: _Params, f: Filters, figures_where: str, columns: Sequence[str]) -> str:
    """`claims`: the filtered figures with the same claim reported by several articles counted once.

    Each claim has its `claim_key`, `placed_on`, `placed_by`, `month`, `mentions`, `vague` (how many
    of its reports are vague), `first_published`, and those of the claim's own `columns`
    (CLAIM_KEY) the query needs: the fewer, the faster at a million figures. Only claims placed in
    the month range (the filters', else the articles' months) are kept.
    """
    placed, placed_by = _placement(f)
    # A claim's columns are equal in all its figures, so grouping on them besides the key splits
    # no claim. How many distinct articles report a claim is counted by the table, for its candidates.
    groups = ", ".join(("claim_key", *(f'"{c}"' for c in dict.fromkeys(columns)), "placed_by"))
    return f"""
    c AS (
        SELECT {groups}, count(*) AS mentions, min(published) AS first_published,
               min(placed_on) AS placed_on, count(*) FILTER (WHERE qualifier = 'vague') AS vague
        FROM (SELECT *, {placed} AS placed_on, {placed_by} AS placed_by FROM ({_figure_rows(figures_where)}))
        GROUP BY {groups}
    ),
    claims AS (
        SELECT *, date_trunc('month', placed_on)::DATE AS month FROM c {_where(_placed_in_months(p, f))}
    )"""


def _claims_of(p: _Params, f: Filters, columns: Sequence[str]) -> str:
    return _claims_cte(p, f, _where(_figure_conds(p, f)), columns)


def _view_conds(p: _Params, view: str | None, breakdown: str, selected: tuple[str, ...],
                keys: tuple[str, ...] = ()) -> list[str]:
    conds = []
    if view is not None:
        conds.append("cumulative" if view == "cumulative" else "NOT cumulative")
    if selected:
        conds.append(f"list_contains({p(selected)}, {bucket_key(breakdown)})")
    if keys:
        conds.append(f"list_contains({p(keys)}, claim_key::VARCHAR)")
    return conds


def _of_kind(view: str | None) -> list[str]:
    """The view's kind of figure (running totals or per-period counts) as a condition on figures:
    the same for every figure of a claim, so read only those figures."""
    if view is None:
        return []
    return ["f.cumulative" if view == "cumulative" else "NOT f.cumulative"]


def _view_columns(view: str | None, breakdown: str, selected: tuple[str, ...]) -> tuple[str, ...]:
    """The claim columns `_view_conds` reads."""
    columns = ("cumulative",) if view is not None else ()
    return columns + (("category", breakdown) if selected else ())


def bucket_key(breakdown: str) -> str:
    """SQL naming a claim's chart bucket, 'YYYY-MM|category|<breakdown value>': a bar's customdata."""
    if breakdown not in _BUCKETABLE:
        raise ValueError(f"unknown breakdown {breakdown!r}")
    return (f"strftime(month, '%Y-%m') || '|' || category || '|' || "
            f"coalesce(\"{breakdown}\", '{NOT_GIVEN}')")


def _details(figures_where: str, keys: str, looked_up: str) -> str:
    """SQL: for each claim whose key `keys` (a subquery) selects, read from its figures again: the
    `looked_up` columns, its reporters, its first report (the earliest published, then by article
    id and position) and the articles reporting it."""
    return (f"SELECT claim_key, {looked_up}, "
            # One reporter for a running total; an incident lists everyone who reported it.
            "string_agg(DISTINCT reported_by, '; ' ORDER BY reported_by) AS reported_by, "
            "arg_min(struct_pack(qualifier, location, article_id, figure_id, sentence), "
            "(coalesce(published, DATE '9999-12-31'), article_id, seq)) AS report, "
            "string_agg(DISTINCT article_id, ';' ORDER BY article_id) AS article_ids, "
            "count(DISTINCT article_id) AS articles "
            f"FROM ({_figure_rows(figures_where)}) WHERE claim_key IN ({keys}) GROUP BY claim_key")


def claims(f: Filters, view: str | None = None, breakdown: str = "side",
           selected: tuple[str, ...] = (), latest_first: bool = False, keys: tuple[str, ...] = ()) -> Query:
    """The claims table: one row per distinct claim, with how many articles reported it.

    `selected` keeps the claims of some chart buckets (per-period bars), `keys` some claims by key
    (points of the claimant chart). At a million figures, grouping them on the claim's key alone
    is several times cheaper than carrying all of a claim's columns along. So the claims are
    grouped on their key and ranked on the order's first column; only the claims that rank no
    lower than the display limit's last row are candidates, and only their figures are read again,
    for the claim's columns, its first report and the articles reporting it, before the candidates
    are ordered in full and cut to the limit.
    """
    first = "first_published" if latest_first else "placed_on"
    order = (f"{first} DESC NULLS LAST, value DESC, category, \"group\", side, reported_by NULLS LAST, "
             "period_start NULLS LAST, period_end NULLS LAST, value_high NULLS LAST, claim_key")
    p = _Params()
    figures_where = _where(_figure_conds(p, f) + _of_kind(view))
    view_columns = _view_columns(view, breakdown, selected)
    cte = _claims_cte(p, f, figures_where, view_columns)
    view_where = _where(_view_conds(p, view, breakdown, selected, keys))
    looked_up = ", ".join(f'any_value("{c}") AS "{c}"' for c in CLAIM_KEY if c not in view_columns)
    columns = ", ".join(f'report."{c}"' if c in _FROM_FIRST_REPORT else f'"{c}"' for c in CLAIM_COLUMNS)
    sql = (f"WITH {cte}, ranked AS (SELECT * FROM claims {view_where}), "
           f"cut AS (SELECT {first} FROM ranked ORDER BY {first} DESC NULLS LAST {LIMIT_SLOT}), "
           # An undated claim in the cut ranks last: then every claim is a candidate.
           f"candidates AS (SELECT * FROM ranked WHERE {first} >= (SELECT min({first}) FROM cut) "
           f"OR EXISTS (SELECT 1 FROM cut WHERE {first} IS NULL)), "
           f"details AS ({_details(figures_where, 'SELECT claim_key FROM candidates', looked_up)}) "
           f"SELECT {columns} FROM candidates JOIN details USING (claim_key) ORDER BY {order} {LIMIT_SLOT}")
    light = _Params()
    counter = light.query(f"WITH {_claims_cte(light, f, _where(_figure_conds(light, f) + _of_kind(view)), view_columns)} "
                          "SELECT claim_key FROM claims "
                          f"{_where(_view_conds(light, view, breakdown, selected, keys))}", article_ids=None)
    return p.query(sql, article_ids="string_split(article_ids, ';')", counter=counter)


def claims_by_month(f: Filters, breakdown: str) -> Query:
    """Bar data for per-period claims: per month, category and breakdown value, the people counted
    (distinct claims summed), how many claims, how many of them vague (counted at their floor) and
    how many placed by publication date. Undated claims have no month. Running totals are never
    summed: they are drawn claim by claim (`claim_points`)."""
    p = _Params()
    cte = _claims_cte(p, f, _where(_figure_conds(p, f) + _of_kind("per_period")),
                      ("value", "cumulative", "category", breakdown))
    by = ", ".join(f'"{c}"' for c in dict.fromkeys(("category", breakdown)))
    sql = (f"WITH {cte} SELECT month, category, key, people, claims, vague, {bucket_key(breakdown)} AS bucket, "
           "by_publication "
           f"FROM (SELECT month, {by}, coalesce(\"{breakdown}\", '{NOT_GIVEN}') AS key, "
           "sum(value)::BIGINT AS people, count(*) AS claims, count(*) FILTER (WHERE vague > 0) AS vague, "
           "count(*) FILTER (WHERE placed_by = 'publication') AS by_publication "
           "FROM claims WHERE NOT cumulative GROUP BY ALL) "
           "ORDER BY month NULLS LAST, category, key")
    return p.query(sql, article_ids=None)


def _wrap(inner: Query, sql: str, article_ids: str | None = "[article_id]") -> Query:
    """A query over `inner`'s full result (named `inner` in `sql`), with the same parameters."""
    return Query(sql.replace("{inner}", f"({inner.text()})"), inner.params, article_ids)


def hover_text(column: str, limit: int, width: int | None = 70) -> str:
    """SQL for a text as a chart's hover label shows it: HTML-escaped (plotly reads a few tags),
    cut to `limit` characters at a word, and wrapped in lines of at most `width` (None: one line).
    Done by DuckDB because the claimant chart may carry thousands of points."""
    flat = f"trim(regexp_replace(coalesce({column}, ''), '\\s+', ' ', 'g'))"
    cut = (f"CASE WHEN length({flat}) > {limit} THEN regexp_replace(left({flat}, {limit}), '\\s+\\S*$', '') "
           f"|| ' …' ELSE {flat} END")
    escaped = f"replace(replace(replace({cut}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"
    if width is None:
        return escaped
    wrapped = f"regexp_replace({escaped}, '(.{{1,{width}}})(\\s+|$)', '\\1<br>', 'g')"
    return f"regexp_replace({wrapped}, '(<br>)+$', '')"


def claim_points(f: Filters) -> Query:
    """The claimant chart's points: every running-total claim under the filters, with its claimant
    (or UNATTRIBUTED), its key as text, and its sentence and first report's title and outlet as
    hover text (see hover_text)."""
    inner = claims(f, "cumulative")
    where = "concat_ws(' — ', nullif(a.title, ''), nullif(a.source, ''))"
    return _wrap(inner, "SELECT i.* REPLACE (coalesce(i.reported_by, '" + UNATTRIBUTED + "') AS reported_by, "
                 f"i.claim_key::VARCHAR AS claim_key), {hover_text('i.sentence', 420)} AS hover_sentence, "
                 f"{hover_text(where, 90, None)} AS hover_source "
                 "FROM {inner} i LEFT JOIN articles a USING (article_id) "
                 "ORDER BY placed_on NULLS LAST, reported_by, value")


def claimant_latest(f: Filters) -> Query:
    """Compare claimants: per claimant and what is counted, the latest running total claimed (the
    latest day, then the highest value), its date and its evidence, with the claimant's first and
    highest claims beside it. Only the latest claims' figures are read again for their evidence."""
    p = _Params()
    figures_where = _where(_figure_conds(p, f) + _of_kind("cumulative"))
    cte = _claims_cte(p, f, figures_where, ("cumulative", "category", "group", "side", "value", "claimant_key"))
    latest = "(placed_on, value)"
    sql = (f"WITH {cte}, "
           f"stats AS (SELECT claimant_key, category, \"group\", side, arg_max(claim_key, {latest}) AS claim_key, "
           f"arg_max(value, {latest}) AS value, max(placed_on) AS as_of, count(*) AS claims, "
           "min(placed_on) AS first_claim_on, max(value) AS highest "
           "FROM claims WHERE cumulative AND placed_on IS NOT NULL GROUP BY claimant_key, category, \"group\", side), "
           f"details AS ({_details(figures_where, 'SELECT claim_key FROM stats', 'any_value(value_high) AS value_high')}) "
           f"SELECT coalesce(s.claimant_key, '{UNATTRIBUTED}') AS claimant, s.category, s.\"group\", s.side, s.value, "
           "d.value_high, d.report.qualifier, s.as_of, s.claims, s.first_claim_on, s.highest, d.report.sentence, "
           "d.report.article_id, d.report.figure_id FROM stats s JOIN details d USING (claim_key) "
           # The two sides of this war first, then by what is counted, the latest claims first and the
           # claims nobody is named for last.
           "ORDER BY s.category, list_position(['russia', 'ukraine'], s.side) NULLS LAST, s.side, s.\"group\", "
           "s.claimant_key IS NULL, s.as_of DESC, s.value DESC, claimant")
    return p.query(sql)


# -- statements ---------------------------------------------------------------------------------

STATEMENT_COLUMNS = ("published", "said_on", "actor", "speaker", "speaker_role", "kind", "quote", "cue",
                     "source", "title", "article_id", "statement_id", "sentence")


def _statements_sql(p: _Params, f: Filters) -> str:
    """The filtered statements, with the speaker under one name per actor as `actor`."""
    conds = _in_month_range(p, f, "s.published")
    if f.actors:
        conds.append(f"list_contains({p(f.actors)}, {speaker('s')})")
    if f.text:
        conds += _matches(p, f.text, "s.quote", "s.speaker", "s.actor", "s.speaker_role", "s.sentence")
    conds += _of_matching_articles(p, f, "s.article_id") + _reporting_regions(p, f, "s.article_id")
    return f"SELECT * REPLACE ({speaker('s')} AS actor) FROM statements s {_where(conds)}"


def statements(f: Filters) -> Query:
    """Statements, newest first, with their article's outlet and title.

    The article's fields are joined to the rows shown only: every statement comes from an article
    of the store, so counting needs no join.
    """
    order = "published DESC NULLS LAST, article_id, seq"
    p = _Params()
    sources = {"source": "a.source", "title": "a.title"}
    columns = ", ".join(sources.get(c, f"s.{c}") for c in STATEMENT_COLUMNS)
    sql = (f"WITH s AS MATERIALIZED ({_statements_sql(p, f)} ORDER BY {order} {LIMIT_SLOT}) "
           f"SELECT {columns} FROM s LEFT JOIN articles a USING (article_id) "
           f"ORDER BY {_of(order, 's')}")
    light = _Params()
    return p.query(sql, counter=light.query(_statements_sql(light, f)))


def _named(p: _Params, column: str) -> str:
    """SQL true for an actor that names someone: not a common noun ("official", "experts": no capital
    letter) and not a place ("Kyiv said"), as far as the place-name lists know places."""
    conds = [f"{column} <> lower({column})"]
    places = search.place_names()
    if places:
        conds.append(f"NOT list_contains({p(places)}, lower({column}))")
    return "(" + " AND ".join(conds) + ")"


def statements_by_month(f: Filters, top: int = 8) -> Query:
    """Statements per month of the `top` most quoted named actors (no 'all others': the chart
    compares speakers, and the coverage query says how much of the whole they are)."""
    p = _Params()
    sql = (f"WITH s AS ({_statements_sql(p, f)}), "
           f"top AS (SELECT actor FROM s WHERE {_named(p, 'actor')} GROUP BY actor "
           f"ORDER BY count(*) DESC, actor LIMIT {int(top)}) "
           "SELECT date_trunc('month', published)::DATE AS month, actor, count(*) AS statements "
           "FROM s WHERE published IS NOT NULL AND actor IN (SELECT actor FROM top) "
           "GROUP BY ALL ORDER BY month, statements DESC, actor")
    return p.query(sql, article_ids=None)


def speaker_coverage(f: Filters, top: int = 8) -> Query:
    """One row: all statements, those by named actors, and those by the `top` named actors."""
    p = _Params()
    named = _named(p, "actor")
    sql = (f"WITH s AS ({_statements_sql(p, f)}), "
           f"per AS (SELECT actor, count(*) AS n, {named} AS named FROM s GROUP BY actor) "
           "SELECT coalesce(sum(n), 0)::BIGINT AS statements, "
           "coalesce(sum(n) FILTER (WHERE named), 0)::BIGINT AS by_named, "
           f"coalesce((SELECT sum(n) FROM (SELECT n FROM per WHERE named ORDER BY n DESC, actor LIMIT {int(top)})), 0)"
           "::BIGINT AS by_top FROM per")
    return p.query(sql, article_ids=None)


def top_speakers(f: Filters, n: int = 15) -> Query:
    """The most quoted named actors."""
    p = _Params()
    sql = (f"WITH s AS ({_statements_sql(p, f)}) "
           f"SELECT actor, mode(speaker_role) AS speaker_role, count(*) AS statements, "
           f"count(DISTINCT article_id) AS articles FROM s WHERE {_named(p, 'actor')} "
           f"GROUP BY actor ORDER BY statements DESC, actor LIMIT {int(n)}")
    return p.query(sql, article_ids=None)


# -- articles -----------------------------------------------------------------------------------

ARTICLE_COLUMNS = ("published", "title", "source", "tags", "words", "figures", "statements", "url",
                   "article_id")


def _articles_sql(p: _Params, f: Filters) -> str:
    """The filtered articles (every column of the articles table)."""
    conds = _in_month_range(p, f, "a.published") + _article_conds(p, f) + _reporting_regions(p, f, "a.article_id")
    if f.text:
        conds += _matches(p, f.text, "a.title", "a.text")
    figure_conds = [f'list_contains({p(v)}, f."{c}")'
                    for v, c in ((f.categories, "category"), (f.groups, "group"), (f.sides, "side")) if v]
    if figure_conds:
        conds.append(f"a.article_id IN (SELECT f.article_id FROM figures f {_where(figure_conds)})")
    if f.actors:
        actors = p(f.actors)
        conds.append(f"(a.article_id IN (SELECT article_id FROM figures f WHERE list_contains({actors}, {reporter('f')}))"
                     f" OR a.article_id IN (SELECT article_id FROM statements s "
                     f"WHERE list_contains({actors}, {speaker('s')})))")
    return f"SELECT * FROM articles a {_where(conds)}"


def _per_article(table: str) -> str:
    """How many rows of `table` each shown article has (counted for the shown articles only)."""
    return (f"LEFT JOIN (SELECT article_id, count(*) AS n FROM {table} "
            f"WHERE article_id IN (SELECT article_id FROM a) GROUP BY ALL) {table} USING (article_id)")


def articles(f: Filters) -> Query:
    """Articles, newest first, with how many figures and statements each holds."""
    order = "published DESC NULLS LAST, article_id"
    p = _Params()
    sql = (f"WITH a AS MATERIALIZED ({_articles_sql(p, f)} ORDER BY {order} {LIMIT_SLOT}) "
           "SELECT a.published, a.title, a.source, a.tags, a.words, coalesce(figures.n, 0) AS figures, "
           "coalesce(statements.n, 0) AS statements, a.url, a.article_id "
           f"FROM a {_per_article('figures')} {_per_article('statements')} "
           f"ORDER BY {_of(order, 'a')}")
    light = _Params()
    return p.query(sql, counter=light.query(_articles_sql(light, f)))


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
    sql = (f"WITH {_claims_of(p, f, ())}, arts AS ({_articles_sql(p, f)}), stmts AS ({_statements_sql(p, f)}) "
           "SELECT * FROM (SELECT count(*) AS articles, min(published) AS first, max(published) AS last, "
           "count(DISTINCT source) AS sources FROM arts), "
           "(SELECT coalesce(sum(mentions), 0) AS figures, count(*) AS claims FROM claims), "
           "(SELECT count(*) AS statements FROM stmts)")
    return p.query(sql, article_ids=None)


def store_contents() -> Query:
    """One row, for the frame every page shares: how many articles the store holds, the months they
    were published in (first, last) and the actors, sources, tags and conflicts to filter by, each
    list most frequent first."""
    lists = ", ".join(f"(SELECT coalesce(list(name ORDER BY n DESC, name), []) FROM ({q.sql})) AS {name}"
                      for name, q in (("actors", actors()), ("sources", sources()), ("tags", tags()),
                                      ("conflicts", conflicts())))
    return Query(f"SELECT (SELECT count(*) FROM articles) AS articles, span.first, span.last, {lists} "
                 f"FROM ({month_span().sql}) span", article_ids=None)


def month_span() -> Query:
    """The first and last day an article was published: the months every view offers and shows by
    default (figures describing periods outside them are left out unless months are chosen)."""
    return Query("SELECT min(published) AS first, max(published) AS last FROM articles", article_ids=None)


def conflicts() -> Query:
    """The conflicts the figures are counted in, most frequent first."""
    return Query("SELECT conflict AS name, count(*) AS n FROM figures WHERE conflict IS NOT NULL "
                 "AND conflict <> '' GROUP BY conflict ORDER BY n DESC, conflict", article_ids=None)


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
    # Paths as visitors may see them (app/paths.py), ordered as the files were.
    return Query(f"SELECT {shown_sql('r.path')} AS path, r.line, r.reason FROM rejected r "
                 "ORDER BY r.path, r.line NULLS FIRST, r.reason", article_ids=None)
