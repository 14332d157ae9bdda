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
# An unknown village takes the oblast the sentence names at most this many characters after it.
NEXT_TO = 40
# A city this large is what a name means unless the sentence names a small namesake's oblast.
WORLD_CITY = 1_000_000


@dataclass(frozen=True)
class Candidates:
    ranked: tuple[tuple[Place, float], ...]  # best first
    certain: bool = False  # an alias, a country or a qualified name: no evidence needed
    own_name: frozenset[Place] = frozenset()  # the candidates the name is the own name of


@dataclass(frozen=True)
class Evidence:
    divisions: frozenset[str]  # admin-1 codes of the oblasts named as such
    countries: frozenset[str]  # ISO codes of the countries named (their names or peoples)
    mentions: tuple[tuple[int, str], ...] = ()  # (position in the key of the text, admin-1 code)


def _scored(entries: list[tuple[Place, bool]], precision: str | None = None) -> list[tuple[Place, float]]:
    return [(p, s) for p, s, _ in _weighed(entries, precision)]


def _weighed(entries: list[tuple[Place, bool]], precision: str | None = None) -> list[tuple[Place, float, bool]]:
    """Each entry with its prior, and whether the name is its own."""
    out = []
    for place, primary in entries:
        if precision and place.precision == "settlement":
            place = place.at(precision)
        out.append((place, place.prior(primary), primary))
    return out


def _towns_before_oblasts(g: Gazetteer, k: str, ranked: list[tuple[Place, float, bool]]) -> list[tuple[Place, float]]:
    """A bare name that is both a town's own name and an oblast's ("Kharkiv", "Kyiv", "Minsk"; or
    another spelling of both, "Nikolaev") is the town when the town lies in that oblast or is a
    city of its country; unless the name is an oblast's that its renamed capital no longer bears
    ("Dnipropetrovsk")."""
    oblasts = [(p, s) for p, s, _ in ranked if p.precision == "oblast"]
    towns = [(p, s) for p, s, _ in ranked if p.precision != "oblast"]
    # Ukraine's and Russia's oblasts are named after their capitals, under any spelling ("Mykolaiv"
    # names the city GeoNames spells Mykolayiv); elsewhere only a town's own name counts ("Aichi"
    # is also an alternate name of Okazaki, a city in Aichi).
    by_alias = {p.admin1_id for p, _, primary in ranked
                if p.precision == "oblast" and (not primary or COUNTRY_PRIOR.get(p.country, 0) > 1)}
    own = [p for p, _, primary in ranked if p.precision != "oblast" and (primary or p.admin1_id in by_alias)]
    if not oblasts or not own:
        return oblasts + towns
    if k in g.oblast_first:
        named = {p.admin1_id for p, _ in oblasts}
        return oblasts + [(p, s) for p, s in towns if p.admin1_id not in named]
    within = {p.admin1_id for p in own}
    cities = {p.country for p in own if p.population >= LARGE_TOWN or p.capital}
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
        ranked = _towns_before_oblasts(g, k, _weighed(settlements) + _weighed(divisions))
    ranked = _constrain(ranked, country, admin1_id)
    ranked.sort(key=lambda t: (-t[1], t[0].name, t[0].lat))
    own = frozenset(p for p, primary in settlements + divisions if primary)
    return Candidates(tuple(ranked), own_name=own)


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

_REGION_WORD = r"(?:\s+(?:region|regions|oblast|province|krai|regional))?"


@lru_cache(maxsize=1)
def _mention_pattern() -> tuple[re.Pattern, dict[str, tuple[set[str], set[str]]], set[str]]:
    """One pattern for every oblast of Ukraine, Russia, Belarus and Moldova and every country (by
    name or people), each mapped to the oblast codes and country codes it names; and the oblast
    names that are not also a town's, which name the oblast without a following "region"."""
    g = load()
    names: dict[str, tuple[set[str], set[str]]] = {}
    for k, entries in g.divisions.items():
        for place, _ in entries:
            if COUNTRY_PRIOR.get(place.country, 0) > 1 and len(k) >= 3:
                names.setdefault(k, (set(), set()))[0].add(place.admin1_id)
    bare = {k for k in names if not any(p.population >= 1000 for p, _ in g.settlements(k))}
    for k, place in g.countries.items():
        names.setdefault(k, (set(), set()))[1].add(place.country)
    for k, (name, country, _) in g.aliases.items():
        if not name or key(name) in g.countries:  # a people ("Russian") or a country's other name
            names.setdefault(k, (set(), set()))[1].add(country)
    words = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b(" + _REGION_WORD + r")")
    return pattern, names, bare


@lru_cache(maxsize=16)  # an article's text is asked about once per ambiguous figure in it
def evidence(text: str) -> Evidence:
    """The oblasts and countries a text names. A town's name is no oblast's: "Kiev's troops" and
    "the Kharkiv region" differ, and so do "Donetsk" and "the DPR"."""
    pattern, names, bare = _mention_pattern()
    divisions: set[str] = set()
    countries: set[str] = set()
    mentions = []
    for m in pattern.finditer(key(text)):
        d, c = names[m.group(1)]
        if d and (m.group(2) or m.group(1) in bare):
            divisions |= d
            mentions.extend((m.start(), code) for code in sorted(d))
        countries |= c
    return Evidence(frozenset(divisions), frozenset(countries), tuple(mentions))


def _leads(ranked: list[tuple[Place, float]] | tuple) -> Place | None:
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= CLEAR_LEAD:
        return ranked[0][0]
    return _one_oblast(ranked)


def _one_oblast(ranked: list[tuple[Place, float]] | tuple) -> Place | None:
    """Namesakes all in one oblast: that oblast, without the town."""
    codes = {p.admin1_id for p, _ in ranked}
    if len(codes) != 1 or None in codes:
        return None
    return load().division_by_id.get(next(iter(codes)))


def _fits(place: Place, ev: Evidence) -> bool:
    return place.admin1_id in ev.divisions if ev.divisions else place.country in ev.countries


def resolve(location: str | None, sentence: str = "", text: str = "") -> Place | None:
    """The place `location` names, judged with its sentence and (when needed) its article."""
    if not location or not location.strip():
        return None
    found = candidates(location)
    if not found.ranked:
        # A village the gazetteer lacks, written with its oblast: "Belogorka in Kherson Region".
        return _named_oblast(evidence(sentence), sentence, location, within=NEXT_TO) if sentence else None
    if found.certain:
        return found.ranked[0][0]
    ranked = list(found.ranked)
    near = evidence(sentence)
    leader = _leads(ranked)
    # The sentence names the oblast of a candidate other than a small leader: that one it is.
    named = [(p, s) for p, s in ranked if p.admin1_id in near.divisions]
    if named and (leader is None or (leader.admin1_id not in near.divisions and leader.population < LARGE_TOWN)):
        return _leads(named)
    city = _world_city(ranked, found.own_name)
    if city is not None and not named:
        return city
    if leader is not None:
        return _named_oblast(near, sentence, location) if _contradicted(leader, near) else leader
    # No clear leader: the article decides, if it names the oblast (or country) of one of them.
    for ev in (near, evidence(text)):
        fitting = [(p, s) for p, s in ranked if _fits(p, ev)]
        if fitting:
            return _leads(fitting)
    return None


def _world_city(ranked: list[tuple[Place, float]], own_name: frozenset[Place]) -> Place | None:
    """A name shared by one world city and only small places elsewhere, none of which bears it as
    its own name, is the city: "New York" is also another name of a village in the Donetsk oblast,
    but only a sentence naming that oblast makes it so. ("Salisbury", Harare's colonial name, is
    still a town's own name in England: that needs evidence.)"""
    cities = [p for p, _ in ranked if p.precision == "settlement"
              and (p.population >= WORLD_CITY or p.capital and p.population >= LARGE_TOWN)]
    if len(cities) != 1:
        return None
    city = cities[0]
    rivals = [p for p, _ in ranked if p.country != city.country]
    if not rivals or any(p.population >= LARGE_TOWN or p.precision != "settlement" or p in own_name for p in rivals):
        return None
    return city


def _contradicted(place: Place, near: Evidence) -> bool:
    """The sentence places the event elsewhere: a small town of the region in another oblast, a
    place abroad in another country."""
    if place.population >= LARGE_TOWN or place.precision == "country":
        return False
    if place.country in COUNTRY_PRIOR:  # in Ukraine or near it: only another oblast speaks against it
        if place.precision == "oblast":
            return False
        return bool(near.divisions) and place.admin1_id not in near.divisions
    return bool(near.countries - HOME) and place.country not in near.countries


def _named_oblast(near: Evidence, sentence: str, location: str, within: int | None = None) -> Place | None:
    """The oblast the sentence names next after the location ("X ... in Russia's Belgorod
    region"), else the only one it names; with `within`, only one named that close after it."""
    text = key(sentence)
    at = text.find(key(location))
    end = at + len(key(location))
    after = [code for pos, code in near.mentions if at >= 0 and pos >= end and (within is None or pos - end <= within)]
    codes = after[:1] if within is not None else after[:1] or sorted(near.divisions)
    return load().division_by_id.get(codes[0]) if len(codes) == 1 else None
