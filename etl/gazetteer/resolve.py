"""A location as written -> one gazetteer place, or None when the name is unknown or ambiguous.

A name that fits several places is settled by a prior (Ukraine first, then Russia and the
countries between them, then the world; more people, and a place's own name over an alternate
one) when one candidate clearly leads. Otherwise, and whenever the sentence contradicts the
leader, the evidence decides: the oblasts and countries the sentence names, then those the
article names. Without evidence the place stays empty: a wrong place is worse than none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl.gazetteer.index import COUNTRY_PRIOR, Gazetteer, Place, load
from etl.gazetteer.names import Parsed, key, parse

# A leader this far ahead of the next candidate (a tenfold population) needs no evidence.
CLEAR_LEAD = 1.0
# A town this large keeps its name even where the sentence talks about other oblasts.
LARGE_TOWN = 100_000
# Every sentence of this corpus names these: they are no evidence against a place abroad.
HOME = {"UA", "RU"}
# A city this large abroad is what a name means unless the news names a small namesake's oblast
# ("New York" is also a village in the Donetsk oblast).
WORLD_CITY = 1_000_000


@dataclass(frozen=True)
class Candidates:
    ranked: tuple[tuple[Place, float], ...]  # best first
    certain: bool = False  # an alias, a country or a qualified name: no evidence needed


@dataclass(frozen=True)
class Evidence:
    divisions: frozenset[str]  # admin-1 codes of the oblasts named
    countries: frozenset[str]  # ISO codes of the countries named (their names or peoples)


def _scored(entries: list[tuple[Place, bool]], precision: str | None = None) -> list[tuple[Place, float]]:
    out = []
    for place, primary in entries:
        if precision and place.precision == "settlement":
            place = place.at(precision)
        out.append((place, place.prior(primary)))
    return out


def _towns_before_oblasts(g: Gazetteer, k: str, ranked: list[tuple[Place, float]]) -> list[tuple[Place, float]]:
    """A bare name shared by a town and an oblast ("Kharkiv", "Kyiv", "Minsk") is the town when
    the town lies in that oblast or is a city of its country; unless the name is an oblast's that
    its renamed capital no longer bears ("Dnipropetrovsk")."""
    oblasts = [(p, s) for p, s in ranked if p.precision == "oblast"]
    towns = [(p, s) for p, s in ranked if p.precision != "oblast"]
    if not oblasts or not towns:
        return ranked
    if k in g.oblast_first:
        named = {p.admin1_id for p, _ in oblasts}
        return oblasts + [(p, s) for p, s in towns if p.admin1_id not in named]
    within = {p.admin1_id for p, _ in towns}
    cities = {p.country for p, _ in towns if p.population >= LARGE_TOWN or p.capital}
    return towns + [(p, s) for p, s in oblasts if p.admin1_id not in within and p.country not in cities]


def _constrain(ranked: list[tuple[Place, float]], country: str | None, admin1_id: str | None) -> list:
    return [(p, s) for p, s in ranked
            if (country is None or p.country == country) and (admin1_id is None or p.admin1_id == admin1_id)]


def _by_name(g: Gazetteer, k: str, level: str | None, country: str | None = None,
             admin1_id: str | None = None, aliases: bool = True) -> Candidates:
    if k in g.aliases and level is None and aliases:
        name, alias_country, alias_admin1 = g.aliases[k]
        if name and (country is None or country == alias_country):
            found = _by_name(g, key(name), None, alias_country, alias_admin1 or None, aliases=False)
            leader = found.ranked[0][0] if found.certain else _leads(found.ranked)
            return Candidates(((leader, 0.0),) if leader else (), certain=leader is not None)
    if level is None and k in g.countries and country in (None, g.countries[k].country):
        return Candidates(((g.countries[k], 0.0),), certain=True)
    settlements, divisions = g.settlements(k), g.divisions.get(k, [])
    if level == "oblast":
        ranked = _scored(divisions) or _scored(settlements, "district")
    elif level == "district":
        ranked = _scored(settlements, "district")
    else:
        ranked = _towns_before_oblasts(g, k, _scored(settlements) + _scored(divisions))
    ranked = _constrain(ranked, country, admin1_id)
    ranked.sort(key=lambda t: (-t[1], t[0].name, t[0].lat))
    return Candidates(tuple(ranked))


@lru_cache(maxsize=50_000)
def candidates(location: str) -> Candidates:
    """The places a location as written may name, best first (one lookup per distinct string)."""
    g = load()
    whole = re.sub(r"^the ", "", key(location))
    found = _by_name(g, whole, None)
    if found.ranked:
        return found
    parsed = parse(location)
    if parsed.within:
        return _within(g, parsed)
    return _by_name(g, parsed.name, parsed.level)


def _within(g: Gazetteer, parsed: Parsed) -> Candidates:
    """ "Russia's Belgorod region", "Mariupol's Azovstal": the owner constrains the rest, and is
    the answer when the rest is unknown."""
    owner = candidates(parsed.within)
    if not owner.ranked:
        return Candidates(())
    top = owner.ranked[0][0]
    if top.precision == "country":
        inner = _by_name(g, parsed.name, parsed.level, country=top.country)
    else:
        inner = _by_name(g, parsed.name, parsed.level, country=top.country, admin1_id=top.admin1_id)
    if inner.ranked:
        return Candidates(inner.ranked, certain=True)
    return Candidates(owner.ranked[:1], certain=owner.certain)


# -- evidence -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _mention_pattern() -> tuple[re.Pattern, dict[str, tuple[set[str], set[str]]]]:
    """One pattern for every oblast of Ukraine, Russia, Belarus and Moldova and every country (by
    name or people), each mapped to the oblast codes and country codes it names."""
    g = load()
    names: dict[str, tuple[set[str], set[str]]] = {}
    for k, entries in g.divisions.items():
        for place, _ in entries:
            if place.country in COUNTRY_PRIOR and COUNTRY_PRIOR[place.country] > 1 and len(k) > 3:
                names.setdefault(k, (set(), set()))[0].add(place.admin1_id)
    for k, place in g.countries.items():
        names.setdefault(k, (set(), set()))[1].add(place.country)
    for k, (name, country, _) in g.aliases.items():
        if not name or key(name) in g.countries:  # a people ("Russian") or a country's other name
            names.setdefault(k, (set(), set()))[1].add(country)
    words = sorted(names, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"), names


@lru_cache(maxsize=16)  # an article's text is asked about once per ambiguous figure in it
def evidence(text: str) -> Evidence:
    pattern, names = _mention_pattern()
    divisions: set[str] = set()
    countries: set[str] = set()
    for m in pattern.finditer(key(text)):
        d, c = names[m.group(0)]
        divisions |= d
        countries |= c
    return Evidence(frozenset(divisions), frozenset(countries))


def _leads(ranked: list[tuple[Place, float]] | tuple) -> Place | None:
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= CLEAR_LEAD:
        return ranked[0][0]
    return None


def _fits(place: Place, ev: Evidence) -> bool:
    return place.admin1_id in ev.divisions if ev.divisions else place.country in ev.countries


def resolve(location: str | None, sentence: str = "", text: str = "") -> Place | None:
    """The place `location` names, judged with its sentence and (when needed) its article."""
    if not location or not location.strip():
        return None
    found = candidates(location)
    if not found.ranked:
        return None
    if found.certain:
        return found.ranked[0][0]
    ranked = list(found.ranked)
    near = evidence(sentence)
    # The sentence names the oblast of a candidate other than the leader: that one it is.
    named = [(p, s) for p, s in ranked if p.admin1_id in near.divisions]
    leader = _leads(ranked)
    if leader is not None and _overshadowed(leader, ranked):
        leader = None
    if named and (leader is None or (leader.admin1_id not in near.divisions and leader.population < LARGE_TOWN)):
        return _leads(named) or None
    if leader is not None:
        return leader if not _contradicted(leader, near) else _named_oblast(near)
    # No clear leader: the article decides, if it names the oblast (or country) of one of them.
    for ev in (near, evidence(text)):
        fitting = [(p, s) for p, s in ranked if _fits(p, ev)]
        if fitting:
            return _leads(fitting)
    return None


def _overshadowed(leader: Place, ranked: list[tuple[Place, float]]) -> bool:
    """A small place that shares its name with a world city abroad leads only with evidence."""
    return leader.population < LARGE_TOWN and leader.precision == "settlement" and any(
        p.country != leader.country and (p.population >= WORLD_CITY or p.capital) for p, _ in ranked)


def _contradicted(place: Place, near: Evidence) -> bool:
    """The sentence places the event elsewhere: another oblast of the region (for a small town),
    or another country (for a place abroad)."""
    if place.population >= LARGE_TOWN or place.precision in ("oblast", "country"):
        return False
    if COUNTRY_PRIOR.get(place.country, 0) > 1:
        other = near.divisions and place.admin1_id not in near.divisions
        return bool(other) or bool(near.countries - HOME - {place.country}) and place.country not in near.countries
    abroad = near.countries - HOME
    return bool(abroad) and place.country not in abroad


def _named_oblast(near: Evidence) -> Place | None:
    """The one oblast the sentence names, when it names exactly one."""
    if len(near.divisions) != 1:
        return None
    return load().division_by_id.get(next(iter(near.divisions)))
