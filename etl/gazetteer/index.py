"""The gazetteer's tables, read from data/places once per process.

- geonames.tsv.gz, geonames-names.tsv.gz: GeoNames' populated places (built by
  scripts/build_places.py), and every Latin-script name each is known by;
- admin1.tsv, admin1_names.csv: first-level divisions (Ukraine's oblasts and their like
  elsewhere), their centroids, and the English names and spellings this project uses;
- countries.tsv, aliases.csv: countries, spelling variants and sites (Azovstal -> Mariupol);
- supplement.csv: the few places GeoNames lacks that the news names (Donbas).
"""
from __future__ import annotations

import csv
import re
import gzip
from bisect import bisect_left
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from etl.gazetteer.names import key

DATA = Path(__file__).resolve().parents[2] / "data" / "places"
# How much a place's country counts when one name fits several places: the news in this corpus
# is about Ukraine, then Russia and the countries between them, then the rest of the world.
COUNTRY_PRIOR = {"UA": 4.0, "RU": 2.5, "BY": 2.5, "MD": 2.5, "PL": 1.0, "RO": 1.0, "SK": 1.0, "HU": 1.0}
# An oblast or a country outweighs villages: counted as if it had this many people.
DIVISION_WEIGHT = 500_000


@dataclass(frozen=True)
class Place:
    """A gazetteer entry, as the figures carry it."""

    name: str
    admin1: str | None  # the oblast (or the country's first-level division), by its English name
    country: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    precision: str  # settlement, district, oblast, country
    population: int = field(default=0, compare=False)
    admin1_id: str | None = field(default=None, compare=False)  # the division's code (UP07)
    capital: bool = field(default=False, compare=False)  # the news names capitals most

    def at(self, precision: str) -> "Place":
        return Place(self.name, self.admin1, self.country, self.lat, self.lon, precision, self.population,
                     self.admin1_id, self.capital)

    def prior(self, primary: bool) -> float:
        """How likely the news means this place by a name it shares with others."""
        people = DIVISION_WEIGHT if self.precision in ("oblast", "country") else self.population
        return (COUNTRY_PRIOR.get(self.country, 0.0) + math.log10(max(people, 100)) + (1.5 if primary else 0.0)
                + (1.0 if self.capital and primary else 0.0))


@dataclass
class Gazetteer:
    rows: list[str]  # geonames.tsv.gz's lines, header dropped
    names: list[str]  # geonames-names.tsv.gz's lines, sorted: "key<TAB>row row* ..." (* its own name)
    supplement: dict[str, list[tuple[Place, bool]]]  # key -> (place, the key is its own name)
    divisions: dict[str, list[tuple[Place, bool]]]  # key -> first-level divisions
    countries: dict[str, Place]
    aliases: dict[str, tuple[str, str, str]]  # key -> (the place's name, its country, its admin-1 code)
    oblast_first: set[str]  # keys that name an oblast before its (renamed) capital
    division_by_id: dict[str, Place]

    def settlements(self, k: str) -> list[tuple[Place, bool]]:
        """The populated places a key names, each with whether it is the place's own name."""
        out = list(self.supplement.get(k, ()))
        at = bisect_left(self.names, k + "\t")
        if at == len(self.names) or not self.names[at].startswith(k + "\t"):
            return out
        for ref in self.names[at][len(k) + 1:].split():
            row = int(ref.rstrip("*"))
            _id, name, country, admin1_id, lat, lon, population, capital = self.rows[row].split("\t")
            division = self.division_by_id.get(admin1_id)
            out.append((Place(name, division.name if division else None, country, float(lat), float(lon),
                              "settlement", int(population), admin1_id or None, capital == "1"), ref.endswith("*")))
        return out

def _rows(name: str, delimiter: str = ",") -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.split(";") if t.strip()]


def _add(table: dict, k: str, place: Place, primary: bool) -> None:
    if k:
        entries = table.setdefault(k, [])
        if all(p != place for p, _ in entries):
            entries.append((place, primary))


def _tsv(name: str) -> list[list[str]]:
    """A built table's rows as fields (its header dropped)."""
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()[1:]]


@lru_cache(maxsize=1)
def divisions() -> dict[str, Place]:
    """Every first-level division by its code (UP07), under the English name this project uses."""
    names = {r["id"]: r["name"] for r in _rows("admin1_names.csv")}
    out = {}
    for code, country, name, lat, lon, _keys in _tsv("admin1.tsv"):
        if name:
            # Natural Earth writes the soft sign as an apostrophe (L'viv, Donets'k): not in English.
            display = names.get(code) or name.replace("'", "")
            out[code] = Place(display, display, country, float(lat), float(lon), "oblast", admin1_id=code)
    return out


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    names = {r["id"]: r for r in _rows("admin1_names.csv")}
    division_by_id = divisions()
    by_key: dict[str, list[tuple[Place, bool]]] = {}
    oblast_first: set[str] = set()
    for code, _country, _name, _lat, _lon, keys in _tsv("admin1.tsv"):
        place = division_by_id.get(code)
        if place is None:
            continue
        own = names.get(code)
        # Natural Earth's spelling is the name unless this project gives another ("Odessa").
        for k in keys.split("|"):
            _add(by_key, k, place, own is None)
        if own:
            _add(by_key, key(place.name), place, True)
            for alias in _split(own["aliases"]):
                _add(by_key, key(alias), place, False)
            oblast_first.update(key(n) for n in _split(own["oblast_first"]))

    # The places and their names stay the files' lines, searched and parsed only when a name asks
    # for them: every worker of the ETL loads the gazetteer, and most of its 65,000 places are
    # never named.
    with gzip.open(DATA / "geonames.tsv.gz", "rt", encoding="utf-8") as f:
        rows = f.read().split("\n")[1:]
    with gzip.open(DATA / "geonames-names.tsv.gz", "rt", encoding="utf-8") as f:
        names_index = f.read().split("\n")
    supplement: dict[str, list[tuple[Place, bool]]] = {}
    for row in _rows("supplement.csv"):
        division = division_by_id.get(row["admin1"])
        place = Place(row["name"], division.name if division else None, row["country"], float(row["lat"]),
                      float(row["lon"]), row["precision"], 0, row["admin1"] or None)
        for i, name in enumerate([row["name"], *_split(row["aliases"])]):
            _add(supplement, key(name), place, i == 0)

    countries = {}
    for iso, name, lat, lon in _tsv("countries.tsv"):
        if lat:
            countries[key(name)] = Place(name, None, iso, float(lat), float(lon), "country")
    aliases = {key(r["alias"]): (r["place"], r["country"], r["admin1"]) for r in _rows("aliases.csv")}
    return Gazetteer(rows, names_index, supplement, by_key, countries, aliases, oblast_first, division_by_id)


# aliases.csv rows that are another spelling or an older name of a place (not a site in it, nor
# a people), as their note says.
_SPELLING_NOTE = re.compile(r"spelling|name of", re.I)


@lru_cache(maxsize=1)
def spelling_groups() -> tuple[tuple[str, ...], ...]:
    """The ways one place is written, a group per place, for search: ("Kyiv", "Kiev", "Kyivska"),
    ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", ...). Names joined by any row are one group."""
    parent: dict[str, str] = {}
    shown: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(names: list[str]) -> None:
        keys = [key(n) for n in names]
        for name, k in zip(names, keys):
            shown.setdefault(k, name)
        for k in keys[1:]:
            parent[root(k)] = root(keys[0])

    for row in _rows("admin1_names.csv"):
        if row["id"].startswith("UP"):
            join([row["name"], *_split(row["aliases"])])
    for row in _rows("aliases.csv"):
        if _SPELLING_NOTE.search(row["note"] or ""):
            join([row["place"], row["alias"]])
    groups: dict[str, list[str]] = {}
    for k in shown:
        groups.setdefault(root(k), []).append(shown[k])
    return tuple(tuple(g) for g in groups.values() if len(g) > 1)
