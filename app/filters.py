"""The filter state shared by every page, and its round trip through the URL's query parameters.

The URL is the filter state's home: a copied link reopens the same view. Only values that differ
from the defaults are written, so an unfiltered view has a clean URL.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Callable, Mapping
from urllib.parse import urlencode

from etl.model import THIS_WAR

DATED_BY = ("period", "published")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
MAX_TEXT = 200
ALL_CONFLICTS = "all"  # the URL's word for "figures of every conflict"
_TRUE = ("1", "true", "yes")

# URL parameter -> Filters field; list-valued fields repeat their parameter (?actor=A&actor=B).
PARAMS: dict[str, str] = {
    "from": "month_from", "to": "month_to", "actor": "actors", "category": "categories",
    "group": "groups", "side": "sides", "source": "sources", "tag": "tags", "q": "text",
    "dated_by": "dated_by", "region": "regions", "conflict": "conflicts", "vague": "vague",
}
_LISTS = {"actors", "categories", "groups", "sides", "sources", "tags", "regions", "conflicts"}


@dataclass(frozen=True)
class Filters:
    month_from: str | None = None  # "YYYY-MM", inclusive
    month_to: str | None = None
    actors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    text: str = ""
    dated_by: str = "period"  # figures are placed by the period they describe, or by publication
    regions: tuple[str, ...] = ()  # oblasts (admin1) figures are placed in; statements, articles: reporting them
    # Figures of these conflicts only (the figures' `conflict` column); empty: every conflict.
    conflicts: tuple[str, ...] = (THIS_WAR,)
    # Vague figures ("hundreds") are left out of every sum unless asked for, then at their floor value.
    vague: bool = False

    @classmethod
    def from_params(cls, get_all: Callable[[str], list[str]]) -> "Filters":
        """Read filters from query parameters, dropping malformed values instead of failing."""
        values: dict[str, object] = {}
        for param, name in PARAMS.items():
            got = [v for v in get_all(param) if v]
            if not got:
                continue
            if name == "conflicts" and ALL_CONFLICTS in got:
                values[name] = ()
            elif name in _LISTS:
                values[name] = tuple(dict.fromkeys(got))
            elif name in ("month_from", "month_to"):
                if _MONTH.match(got[-1]):
                    values[name] = got[-1]
            elif name == "dated_by":
                if got[-1] in DATED_BY:
                    values[name] = got[-1]
            elif name == "vague":
                values[name] = got[-1].lower() in _TRUE
            else:
                values[name] = got[-1].strip()[:MAX_TEXT]
        return cls(**values)

    def to_params(self) -> dict[str, list[str]]:
        """The query parameters that differ from an unfiltered view."""
        default = Filters()
        out: dict[str, list[str]] = {}
        for param, name in PARAMS.items():
            value = getattr(self, name)
            if value == getattr(default, name):
                continue
            if name == "conflicts" and not value:
                out[param] = [ALL_CONFLICTS]
            elif name == "vague":
                out[param] = ["1"]
            else:
                out[param] = list(value) if name in _LISTS else [value]
        return out

    def link(self, path: str, **extra: str) -> str:
        """A relative link to a page of the dashboard showing this view."""
        params = {**self.to_params(), **{k: [v] for k, v in extra.items()}}
        return f"{path}?{urlencode(params, doseq=True)}" if params else path

    def describe(self) -> dict[str, object]:
        """The filters as plain data, for a download's metadata: those changed from the defaults, and
        always the conflicts and vague switch, which narrow the figures even by default."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()
                if v != getattr(Filters(), k) or k in ("conflicts", "vague")}

    def month_bounds(self) -> tuple[date | None, date | None]:
        """First day of `month_from`, and the first day after `month_to` (exclusive)."""
        start = _first_day(self.month_from) if self.month_from else None
        end = None
        if self.month_to:
            first = _first_day(self.month_to)
            end = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return start, end


def _first_day(month: str) -> date:
    year, mon = month.split("-")
    return date(int(year), int(mon), 1)


def from_query_params(query_params: Mapping) -> Filters:
    """Filters from `st.query_params` (or any mapping with `get_all`, or plain lists)."""
    if hasattr(query_params, "get_all"):
        return Filters.from_params(query_params.get_all)

    def get_all(key: str) -> list[str]:
        value = query_params.get(key, [])
        return [value] if isinstance(value, str) else list(value)

    return Filters.from_params(get_all)
