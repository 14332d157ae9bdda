"""Plotly figures for the pages; every month axis is labelled by month."""
from __future__ import annotations

import html
from typing import Any, Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from etl.model import CATEGORIES, GROUPS

_PALETTE = qualitative.Safe + qualitative.Vivid
# Fixed colours per value, so "killed" is the same colour in every chart and every filter.
COLORS: dict[str, str] = {v: _PALETTE[i] for i, v in enumerate(CATEGORIES)}
COLORS |= {v: _PALETTE[i] for i, v in enumerate(GROUPS)}
COLORS |= {"ukraine": "#1f77b4", "russia": "#d62728", "other": "#7f7f7f", "unknown": "#bcbd22"}


def plot_text(value: object) -> str:
    """Data text for plotly, which reads a few HTML tags in names and labels: show them as text."""
    return html.escape(str(value), quote=False)


def month_axis(fig: go.Figure, months: pd.Series) -> go.Figure:
    """Ticks on month starts, labelled 'Mar 2022' in the middle of the month, fewer of them when
    the span is long; the axis spans whole months, so even a single month gets its label."""
    first, last = pd.Timestamp(months.min()), pd.Timestamp(months.max())
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    step = 1 if span <= 18 else 3 if span <= 54 else 12
    fig.update_xaxes(type="date", dtick=f"M{step}", tickformat="%b %Y", ticklabelmode="period",
                     range=[first, last + pd.offsets.MonthBegin(1)], title_text=None)
    return fig


def _bar_widths(months: pd.Series) -> list[float]:
    """Each month's bar as wide as 80% of that month (in ms, as a date axis measures), so a chart
    of a single month does not draw a hairline."""
    return [0.8 * pd.Timestamp(m).days_in_month * 86_400_000 for m in months]


def _layout(fig: go.Figure, legend_title: str, y_title: str) -> go.Figure:
    fig.update_layout(legend_title_text=legend_title, yaxis_title=y_title, hovermode="closest",
                      margin=dict(l=10, r=10, t=30, b=10), height=380)
    return fig


def claims_by_month(frame: pd.DataFrame, breakdown: str, view: str) -> go.Figure:
    """Per-period counts as stacked bars; running totals as lines (the highest total per month).

    Each point carries its bucket ('YYYY-MM|value') as customdata, so a selection maps back to the
    claims behind it.
    """
    fig = go.Figure()
    for key, part in frame.groupby("key", sort=False):
        custom = part[["bucket", "claims"]].to_numpy().tolist()
        hover = ("%{x|%b %Y}<br>%{fullData.name}<br>" +
                 ("highest running total reported: %{y:,}" if view == "cumulative"
                  else "people: %{y:,}") + "<br>distinct claims: %{customdata[1]}<extra></extra>")
        common: dict[str, Any] = dict(x=part["month"], y=part["people"], name=plot_text(key), customdata=custom,
                                      hovertemplate=hover, marker_color=COLORS.get(str(key)))
        # Every point sits in the middle of its month, between the month's tick and the next.
        if view == "cumulative":
            fig.add_trace(go.Scatter(mode="lines+markers", xperiod="M1", xperiodalignment="middle", **common))
        else:
            fig.add_trace(go.Bar(xperiod="M1", xperiodalignment="middle", width=_bar_widths(part["month"]),
                                 **common))
    fig.update_layout(barmode="stack", dragmode="select", clickmode="event+select")
    y_title = "highest running total reported" if view == "cumulative" else "people (sum of distinct claims)"
    return month_axis(_layout(fig, breakdown, y_title), frame["month"])


def bucket_label(bucket: str) -> str:
    """'2022-03|killed' as 'Mar 2022: killed'."""
    month, _, key = bucket.partition("|")
    return f"{pd.Timestamp(month + '-01'):%b %Y}: {key}"


def selected_buckets(event: Mapping | None) -> tuple[str, ...]:
    """The chart buckets a plotly selection event picked, in a stable order."""
    if not event:
        return ()
    points = event.get("selection", {}).get("points", [])
    buckets = {p["customdata"][0] for p in points if p.get("customdata")}
    return tuple(sorted(buckets))


def statements_by_month(frame: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    for actor, part in frame.groupby("actor", sort=False):
        fig.add_trace(go.Bar(x=part["month"], y=part["statements"], name=plot_text(actor),
                             xperiod="M1", xperiodalignment="middle", width=_bar_widths(part["month"]),
                             hovertemplate="%{x|%b %Y}<br>%{fullData.name}: %{y} statements<extra></extra>"))
    fig.update_layout(barmode="stack")
    return month_axis(_layout(fig, "actor", "statements"), frame["month"])


def top_speakers(frame: pd.DataFrame) -> go.Figure:
    ordered = frame.iloc[::-1]
    fig = go.Figure(go.Bar(x=ordered["statements"], y=ordered["actor"].map(plot_text), orientation="h",
                           customdata=ordered[["articles"]].to_numpy().tolist(),
                           hovertemplate="%{y}: %{x} statements in %{customdata[0]} articles<extra></extra>"))
    fig.update_layout(margin=dict(l=10, r=10, t=30, b=10), height=max(240, 26 * len(frame) + 60),
                      xaxis_title="statements", yaxis_title=None)
    return fig
