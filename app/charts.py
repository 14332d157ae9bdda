"""Plotly figures for the pages; every time axis spans the view's months and is labelled by month."""
from __future__ import annotations

import html
from datetime import date
from typing import Any, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from app import reference
from app.queries import UNATTRIBUTED
from app.texts import claim, what
from etl.model import CATEGORIES, GROUPS

_PALETTE = qualitative.Safe + qualitative.Vivid
# Fixed colours per value, so "killed" is the same colour in every chart and every filter.
COLORS: dict[str, str] = {v: _PALETTE[i] for i, v in enumerate(CATEGORIES)}
COLORS |= {v: _PALETTE[i] for i, v in enumerate(GROUPS)}
COLORS |= {"ukraine": "#1f77b4", "russia": "#d62728", "other": "#7f7f7f", "unknown": "#bcbd22"}
_SERIES_COLORS = qualitative.Bold
_QUIET = "rgba(110, 110, 110, 0.55)"
OTHER_CLAIMANTS = "other claimants"
TOP_SERIES = 8
# Grey claims (other claimants, no claimant named) drawn at most, each: beyond a few thousand
# points a browser takes seconds to draw a chart no one can read point by point.
BACKGROUND_POINTS = 1500


def plot_text(value: object) -> str:
    """Data text for plotly, which reads a few HTML tags in names and labels: show them as text."""
    return html.escape(str(value), quote=False)


def month_axis(fig: go.Figure, months: tuple[date, date]) -> go.Figure:
    """The x axis spans the view's months [first day, first day after], with ticks on month starts
    labelled 'Mar 2022' in the middle of the month, fewer of them when the span is long."""
    first, end = pd.Timestamp(months[0]), pd.Timestamp(months[1])
    span = (end.year - first.year) * 12 + end.month - first.month
    step = 1 if span <= 18 else 3 if span <= 54 else 12
    fig.update_xaxes(type="date", dtick=f"M{step}", tickformat="%b %Y", ticklabelmode="period",
                     range=[first, end], title_text=None)
    return fig


def _bar_widths(months: pd.Series) -> list[float]:
    """Each month's bar as wide as 80% of that month (in ms, as a date axis measures), so a chart
    of a single month does not draw a hairline."""
    return [0.8 * pd.Timestamp(m).days_in_month * 86_400_000 for m in months]


def _layout(fig: go.Figure, legend_title: str, y_title: str, height: int = 420) -> go.Figure:
    fig.update_layout(legend_title_text=legend_title, yaxis_title=y_title, hovermode="closest",
                      margin=dict(l=10, r=10, t=30, b=10), height=height, separators=".,")
    return fig


def _y_scale(log: bool) -> dict[str, Any]:
    """A linear axis from zero, or a log axis labelled at powers of ten only."""
    return dict(type="log", dtick=1) if log else dict(type="linear", rangemode="tozero")


# -- incidents: per-period claims as bars -------------------------------------------------------


def incidents(frame: pd.DataFrame, breakdown: str, months: tuple[date, date], log: bool = False) -> go.Figure:
    """Per-period claims per month as bars, one panel per category (never two categories in one bar),
    stacked by `breakdown` (side by side on a log scale, where stacking would mislead).

    Each bar carries its bucket ('YYYY-MM|category|value') as customdata, so a selection maps back
    to the claims behind it.
    """
    categories = list(dict.fromkeys(frame["category"]))
    fig = make_subplots(rows=len(categories), cols=1, shared_xaxes=True, vertical_spacing=0.08,
                        subplot_titles=[plot_text(c) for c in categories] if len(categories) > 1 else None)
    shown_in_legend: set[str] = set()
    for row, category in enumerate(categories, 1):
        for key, part in frame[frame["category"] == category].groupby("key", sort=False):
            custom = part[["bucket", "claims", "vague"]].to_numpy().tolist()
            hover = (f"%{{x|%b %Y}}<br>{plot_text(category)}, %{{fullData.name}}<br>people: %{{y:,}}"
                     "<br>distinct claims: %{customdata[1]}<br>of them vague, at their floor: %{customdata[2]}"
                     "<extra></extra>")
            fig.add_trace(go.Bar(x=part["month"], y=part["people"], name=plot_text(key), customdata=custom,
                                 hovertemplate=hover, marker_color=COLORS.get(str(key)), legendgroup=str(key),
                                 showlegend=key not in shown_in_legend, xperiod="M1", xperiodalignment="middle",
                                 # Side by side, plotly shares each month out among the bars itself.
                                 width=None if log else _bar_widths(part["month"])), row=row, col=1)
            shown_in_legend.add(key)
    fig.update_layout(barmode="group" if log else "stack", dragmode="select", clickmode="event+select")
    fig.update_yaxes(**_y_scale(log), title_text="people" if len(categories) > 1 else
                     "people (sum of distinct claims)")
    height = 420 if len(categories) == 1 else 60 + 210 * len(categories)
    return month_axis(_layout(fig, breakdown, "people (sum of distinct claims)", height), months)


def bucket_label(bucket: str) -> str:
    """'2022-03|killed|civilians' as 'Mar 2022: killed, civilians'."""
    month, _, rest = bucket.partition("|")
    return f"{pd.Timestamp(month + '-01'):%b %Y}: {rest.replace('|', ', ')}"


def _selected(event: Mapping | None) -> list[str]:
    if not event:
        return []
    points = event.get("selection", {}).get("points", [])
    return [str(p["customdata"][0]) for p in points if p.get("customdata")]


def selected_buckets(event: Mapping | None) -> tuple[str, ...]:
    """The chart buckets a plotly selection event picked, in a stable order."""
    return tuple(sorted(set(_selected(event))))


def selected_claims(event: Mapping | None) -> tuple[str, ...]:
    """The claim keys of the claimant chart's points a selection picked (reference points have none)."""
    return tuple(sorted(set(_selected(event))))


# -- claims by claimant -------------------------------------------------------------------------


def _per_distinct(frame: pd.DataFrame, columns: list[str], make) -> pd.Series:
    """`make(*row)` for each row of `frame[columns]`, computed once per distinct row: a chart may
    hold thousands of claims, with few distinct values among them."""
    codes, distinct = pd.factorize(pd.MultiIndex.from_frame(frame[columns].astype(object)), use_na_sentinel=False)
    made = np.array([make(*row) for row in distinct], dtype=object)
    return pd.Series(made[codes], index=frame.index, dtype=object)


def _whats(points: pd.DataFrame) -> pd.Series:
    return _per_distinct(points, ["category", "group", "side"], what)


def series_labels(points: pd.DataFrame, whats: pd.Series, top: int = TOP_SERIES) -> pd.Series:
    """Each claim's series: 'claimant — what is counted' (`whats`) for the `top` series with the
    most claims, OTHER_CLAIMANTS for the rest, and the unattributed ones apart."""
    label = points["reported_by"].astype(object) + " — " + whats
    named = label[points["reported_by"] != UNATTRIBUTED]
    counts = named.value_counts()
    ranked = sorted(counts.index, key=lambda v: (-counts[v], v))[:top]
    return label.where(label.isin(ranked) | (points["reported_by"] == UNATTRIBUTED),
                       OTHER_CLAIMANTS).where(points["reported_by"] != UNATTRIBUTED, UNATTRIBUTED)


def _beside_reference(points: pd.DataFrame, ref: pd.DataFrame) -> pd.Series:
    """For each claim the General Staff's daily line covers, the line's value that day, in words."""
    line = ref[ref["series"] == reference.GENERAL_STAFF] if not ref.empty else ref
    out = pd.Series("", index=points.index, dtype=object)
    if line.empty:
        return out
    days = pd.to_datetime(points["placed_on"])
    covered = (points["group"] == "military") & points["side"].isin(set(line["side"])) & \
        points["category"].isin(set(line["category"])) & days.notna()
    if not covered.any():
        return out
    left = pd.DataFrame({"day": days[covered], "side": points.loc[covered, "side"],
                         "category": points.loc[covered, "category"]}).sort_values("day")
    right = line.assign(day=pd.to_datetime(line["day"]))[["day", "side", "category", "value"]].sort_values("day")
    found = pd.merge_asof(left.reset_index(), right, on="day", by=["side", "category"]).set_index("index")["value"]
    words = "<br>Ukraine's General Staff that day: " + found.map(lambda v: f"{int(v):,}" if pd.notna(v) else "")
    out.loc[found.index[found.notna()]] = words[found.notna()]
    return out


def _claim_hover(points: pd.DataFrame, whats: pd.Series, beside: pd.Series) -> np.ndarray:
    """Each point's hover label: claimant, what, the claim and its day, the reference beside it, the
    sentence, the article and in how many articles the claim was reported. One string a point, built
    column-wise (the sentence and article come as hover text from the query)."""
    articles = points["articles"].astype(int)
    parts = ["<b>", points["reported_by"].map(plot_text), "</b>: ", whats.map(plot_text), "<br><b>",
             _per_distinct(points, ["value", "value_high", "qualifier"], claim), "</b> as of ",
             pd.to_datetime(points["placed_on"]).dt.strftime("%d %b %Y"), beside.loc[points.index], "<br><br>",
             points["hover_sentence"], "<br><br><i>", points["hover_source"], "</i><br>reported in ",
             articles.astype(str), np.where(articles == 1, " article", " articles")]
    text = np.full(len(points), "", dtype=object)
    for part in parts:
        text = text + (part.to_numpy(dtype=object) if isinstance(part, pd.Series) else part)
    return text


def _error_bars(values: pd.Series, highs: pd.Series) -> dict[str, Any] | None:
    """Error bars from a range's lower value up to its upper value (ranges only)."""
    if highs.isna().all():
        return None
    up = (highs - values).where(highs > values, 0).astype(float).to_numpy()
    return dict(type="data", symmetric=False, array=up, arrayminus=np.zeros(len(up)), thickness=1.2, width=4)


def _reference_traces(fig: go.Figure, ref: pd.DataFrame) -> None:
    if ref.empty:
        return
    for series, part in ref.groupby("series", sort=True):
        label = plot_text(reference.LABELS[series])
        if series == reference.GENERAL_STAFF:
            for side, line in part.groupby("side"):
                # No hover of its own: the daily line runs through the General Staff's own claims,
                # which would lose their hover to it; each claim's hover gives the line's value instead.
                fig.add_trace(go.Scatter(
                    x=line["day"], y=line["value"], mode="lines", name=label, legendgroup=series, zorder=-1,
                    line=dict(color=_QUIET, width=2, dash="dot"), hoverinfo="skip"))
        else:
            custom = [[plot_text(s), plot_text(n), f"{int(lo):,}" if pd.notna(lo) else "",
                       f"{int(hi):,}" if pd.notna(hi) else ""]
                      for s, n, lo, hi in zip(part["source"], part["note"], part["value_low"], part["value_high"])]
            error = None
            if part["value_high"].notna().any():
                error = _error_bars(part["value"], part["value_high"].where(part["value_high"] >= part["value"]))
            fig.add_trace(go.Scatter(
                x=part["day"], y=part["value"], mode="markers", name=label, legendgroup=series, zorder=-1,
                marker=dict(symbol="diamond-open", size=9, color=_QUIET, line=dict(width=1.5)),
                error_y=error, customdata=custom,
                hovertemplate="%{customdata[0]} (collected by The Economist): %{y:,} as of %{x|%d %b %Y}"
                              "<br>range: %{customdata[2]} – %{customdata[3]}<br>%{customdata[1]}<extra></extra>"))


def drawn_claims(points: pd.DataFrame, labels: pd.Series | None = None) -> pd.DataFrame:
    """The claims the claimant chart draws: every claim of the named series, and of the grey ones
    (other claimants, no claimant named) the BACKGROUND_POINTS largest each."""
    labels = series_labels(points, _whats(points)) if labels is None else labels
    background = labels.isin((OTHER_CLAIMANTS, UNATTRIBUTED))
    kept = [points[~background]]
    for label in (OTHER_CLAIMANTS, UNATTRIBUTED):
        part = points[labels == label]
        kept.append(part.nlargest(BACKGROUND_POINTS, "value", keep="first") if len(part) > BACKGROUND_POINTS else part)
    return pd.concat(kept).sort_values("placed_on", kind="stable")


def _below_the_line(values: pd.Series) -> pd.Series:
    """Claims of a running total far below what the claimant had already claimed (under half):
    a part of the total ("2,000 mercenaries" of 61,207 troops) or a narrower count. They stay
    points of the series, but the line joining its successive claims passes them by, so that a
    running total never seems to fall."""
    before = values.cummax().shift(fill_value=0)
    return values < before / 2


def claimants(points: pd.DataFrame, ref: pd.DataFrame, months: tuple[date, date], log: bool = False) -> go.Figure:
    """Running totals claim by claim: one series per claimant and what is counted, each claim a
    point at the day it runs up to (ranges as error bars, vague claims hollow), reference series
    drawn underneath. Each claim point carries its claim key as customdata[0]."""
    fig = go.Figure()
    points = points.sort_values("placed_on", kind="stable")
    whats = _whats(points)
    labels = series_labels(points, whats)
    # The claimants' own series whole; of the grey claims behind them, the largest (which set the
    # scale) up to a number a browser draws quickly. The page says how many are left out.
    counts = labels.value_counts()
    points = points.loc[drawn_claims(points, labels).index]
    whats, labels = whats.loc[points.index], labels.loc[points.index]
    hover = pd.Series(_claim_hover(points, whats, _beside_reference(points, ref)), index=points.index)
    order = sorted((v for v in counts.index if v not in (OTHER_CLAIMANTS, UNATTRIBUTED)), key=lambda v: (-counts[v], v))
    for i, label in enumerate(order + [OTHER_CLAIMANTS, UNATTRIBUTED]):
        # The highest claim of a day first: a part claimed the same day ("2,000 mercenaries" beside
        # "61,207 troops") then falls below the line instead of drawing a vertical one up to the total.
        part = points[labels == label].sort_values(["placed_on", "value"], ascending=[True, False], kind="stable")
        if part.empty:
            continue
        own = label not in (OTHER_CLAIMANTS, UNATTRIBUTED)
        color = _SERIES_COLORS[i % len(_SERIES_COLORS)] if own else _QUIET
        name = plot_text(label) if own else f"{plot_text(label)} ({counts[label]:,})"
        vague = part["qualifier"] == "vague"
        # Vague claims (at their floor) are drawn hollow, as a trace of their own in the series' group.
        below = own & ~vague & _below_the_line(part["value"])
        for subset, symbol, legend, line in ((part[~vague & ~below], "circle" if own else "x-thin-open", True, own),
                                             (part[below], "circle", False, False),
                                             (part[vague], "circle-open", part[~vague].empty, False)):
            if subset.empty:
                continue
            fig.add_trace(go.Scatter(
                x=subset["placed_on"], y=subset["value"], name=name, legendgroup=name, showlegend=legend,
                mode="lines+markers" if line else "markers",
                line=dict(color=color, width=1), customdata=subset[["claim_key"]].to_numpy(dtype=object),
                text=hover[subset.index].to_numpy(dtype=object),
                hovertemplate="%{text} · click to see its evidence below<extra></extra>",
                marker=dict(color=color, size=9 if own else 7, symbol=symbol, line=dict(width=1.5, color=color)),
                error_y=_error_bars(subset["value"], subset["value_high"])))
    # After the claims in the data, so that where a claim and a reference value coincide the claim is
    # the one hovered and clicked; drawn underneath all the same (zorder). Only the chart's months:
    # a reference line running on past the claims would stretch the axis.
    if not ref.empty:
        days = pd.to_datetime(ref["day"])
        ref = ref[(days >= pd.Timestamp(months[0])) & (days < pd.Timestamp(months[1]))]
    _reference_traces(fig, ref)
    fig.update_layout(dragmode="zoom", clickmode="event+select", hoverlabel=dict(align="left"),
                      legend=dict(orientation="h", yanchor="top", y=-0.12, x=0))
    fig.update_yaxes(**_y_scale(log))
    return month_axis(_layout(fig, "", "running total claimed (people)", 480), months)


# -- statements ---------------------------------------------------------------------------------


def statements_by_month(frame: pd.DataFrame, months: tuple[date, date]) -> go.Figure:
    fig = go.Figure()
    for i, (actor, part) in enumerate(frame.groupby("actor", sort=False)):
        fig.add_trace(go.Bar(x=part["month"], y=part["statements"], name=plot_text(actor),
                             marker_color=_SERIES_COLORS[i % len(_SERIES_COLORS)],
                             xperiod="M1", xperiodalignment="middle", width=_bar_widths(part["month"]),
                             hovertemplate="%{x|%b %Y}<br>%{fullData.name}: %{y} statements<extra></extra>"))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", yanchor="top", y=-0.15, x=0))
    return month_axis(_layout(fig, "", "statements", 420), months)


def top_speakers(frame: pd.DataFrame) -> go.Figure:
    ordered = frame.iloc[::-1]
    fig = go.Figure(go.Bar(x=ordered["statements"], y=ordered["actor"].map(plot_text), orientation="h",
                           customdata=ordered[["articles"]].to_numpy().tolist(),
                           hovertemplate="%{y}: %{x} statements in %{customdata[0]} articles<extra></extra>"))
    fig.update_layout(margin=dict(l=10, r=10, t=30, b=10), height=max(240, 26 * len(frame) + 60),
                      xaxis_title="statements", yaxis_title=None)
    return fig
