"""Where: a figure's location as written, resolved offline to a gazetteer place.

`place_figures` fills the place columns of an article's figures (place, admin1, country, lat,
lon, place_precision); a location the gazetteer cannot place, or can place only by guessing,
leaves them empty. The tables live in data/places (see its README); they are read once per
process and each distinct location string is looked up once.
"""
from __future__ import annotations

from dataclasses import replace
from etl.gazetteer.index import Place
from etl.gazetteer.resolve import resolve
from etl.model import Article, Figure

__all__ = ["Place", "place_figures", "resolve"]


def place_figures(figures: list[Figure], article: Article) -> list[Figure]:
    """The figures with their place columns filled where the location resolves."""
    out = []
    for figure in figures:
        place = resolve(figure.location, figure.sentence, article.text) if figure.location else None
        if place is not None:
            figure = replace(figure, place=place.name, admin1=place.admin1, country=place.country,
                             lat=place.lat, lon=place.lon, place_precision=place.precision)
        out.append(figure)
    return out
