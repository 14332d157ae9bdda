"""What the search box finds: each word or "quoted phrase" of a query, in any of its spellings.

A query is split into terms. A "quoted phrase" is one term. Outside quotes, the longest run of
words that is a known spelling of an actor or a place (Zelensky, Zelenskyy, Volodymyr Zelensky;
Kiev, Kyiv) is one term standing for every spelling in its group; each other word is a term of its
own. A row matches when it holds every term in one of its spellings. A single word is matched
anywhere ("evacuat" finds "evacuated"); phrases may break across lines; words of three letters or
fewer match whole words only, so "UN" does not find "until".

The spelling groups come from the actors registry (data/actors.csv, through etl.actors) and from
the gazetteer's name lists (data/places, through etl.gazetteer). `terms` is the one function that
takes variant groups, so any list of groups can be plugged in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from etl.actors import ActorRegistry, DEFAULT_PATH
from etl.gazetteer import index as gazetteer_index

_QUOTED = re.compile(r'"([^"]*)"?|([^"]+)')
_EDGE_PUNCTUATION = ",;:!?()[]{}'’"
_SHORT = 3
_IS_WORD = re.compile(r"\w")
# Variant groups are looked up by their spellings' words, at most this many at a time.
_MAX_WORDS = 6
# Long before a date any office was held: a title ("the Ukrainian president") names nobody then,
# so only an actor's names resolve to it.
_BEFORE_ANY_TENURE = date(1, 1, 1)


@dataclass(frozen=True)
class Term:
    """One thing the query asks for, and every spelling that counts as it (lower case)."""

    text: str
    variants: tuple[str, ...]


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _index(groups: Iterable[Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Every spelling -> all spellings of its group(s); a spelling in two groups stands for both."""
    index: dict[str, tuple[str, ...]] = {}
    for group in groups:
        spellings = tuple(dict.fromkeys(k for k in map(_key, group) if k))
        for spelling in spellings:
            index[spelling] = tuple(dict.fromkeys(index.get(spelling, ()) + spellings))
    return index


def _needed(variants: Sequence[str]) -> tuple[str, ...]:
    """Drop spellings that contain a shorter one ("volodymyr zelensky" holds "zelensky"): a row
    matching them matches the shorter one anyway. Short spellings match whole words only, so they
    cannot stand in for longer ones."""
    kept: list[str] = []
    for v in sorted(set(variants), key=lambda s: (len(s), s)):
        if not any(len(k) > _SHORT and k in v for k in kept):
            kept.append(v)
    return tuple(kept)


def terms(query: str, groups: Iterable[Iterable[str]] = ()) -> tuple[Term, ...]:
    """The terms of `query`, each with the spellings `groups` (lists of spellings of one name) give it."""
    index = _index(groups)
    out: list[Term] = []
    for quoted, loose in _QUOTED.findall(query):
        if quoted.strip():
            phrase = _key(quoted)
            out.append(Term(phrase, _needed(index.get(phrase, ()) + (phrase,))))
            continue
        # A word keeps its inner punctuation ("U.N.", "Kyiv's"); a token of punctuation only stays as typed.
        words = [w.strip(_EDGE_PUNCTUATION) or w for w in loose.split()]
        i = 0
        while i < len(words):
            for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                candidate = _key(" ".join(words[i:i + n]))
                if candidate in index or n == 1:
                    out.append(Term(candidate, _needed(index.get(candidate, ()) + (candidate,))))
                    i += n
                    break
    return tuple(dict.fromkeys(t for t in out if t.text))


def _pattern(variant: str) -> tuple[str, str]:
    """('like', pattern) for a single longer word, else ('regex', pattern)."""
    if " " not in variant and len(variant) > _SHORT:
        escaped = variant.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return "like", f"%{escaped}%"
    body = r"\s+".join(re.escape(w) for w in variant.split())
    if len(variant) <= _SHORT:  # whole words: a word boundary wherever the spelling meets a letter
        body = (r"\b" if _IS_WORD.match(variant[0]) else "") + body + (r"\b" if _IS_WORD.match(variant[-1]) else "")
    return "regex", body


def condition(param: Callable[[object], str], query: str, columns: Sequence[str],
              groups: Iterable[Iterable[str]] | None = None) -> str | None:
    """SQL true when the columns hold every term of `query` (None for an empty query).

    `param` turns a value into a bound placeholder, so nothing typed enters the SQL text.
    """
    found = terms(query, variant_groups() if groups is None else groups)
    if not found:
        return None
    conds = []
    for term in found:
        alternatives = []
        for variant in term.variants:
            kind, pattern = _pattern(variant)
            placeholder = param(pattern)
            for column in columns:
                alternatives.append(f"{column} ILIKE {placeholder} ESCAPE '\\'" if kind == "like"
                                    else f"regexp_matches({column}, {placeholder}, 'i')")
        conds.append("(" + " OR ".join(alternatives) + ")")
    return "(" + " AND ".join(conds) + ")"


# -- where the spellings come from ----------------------------------------------------------------


def place_variant_groups() -> tuple[tuple[str, ...], ...]:
    """Spellings of one place each (("Kyiv", "Kiev"), ("Zaporizhzhia", "Zaporizhia", ...)), from the
    gazetteer's name lists."""
    return gazetteer_index.spelling_groups()


def place_names() -> list[str]:
    """Place names (lower case) that are no speaker: those the actors registry does not know as an
    actor ("Kharkiv said" is a place; "DPR" would be a speaker once the registry lists it)."""
    registry = ActorRegistry.load(DEFAULT_PATH)
    return sorted({name.lower() for group in place_variant_groups() for name in group
                   if registry.lookup(name, on=_BEFORE_ANY_TENURE) is None})


@lru_cache(maxsize=4)
def _actor_groups(path: str, mtime_ns: int) -> tuple[tuple[str, ...], ...]:
    registry = ActorRegistry.load(path)
    groups = []
    for actor in registry.actors:
        # Names only: a title ("the Ukrainian president") names different people over time.
        names = [a for a in (actor.canonical, *actor.aliases)
                 if registry.lookup(a, on=_BEFORE_ANY_TENURE) is actor]
        if len(names) > 1:
            groups.append(tuple(names))
    return tuple(groups)


def actor_variant_groups() -> tuple[tuple[str, ...], ...]:
    """The actors registry's names of each actor (canonical name and aliases, titles left out)."""
    try:
        return _actor_groups(str(DEFAULT_PATH), DEFAULT_PATH.stat().st_mtime_ns)
    except OSError:
        return ()


def variant_groups() -> tuple[tuple[str, ...], ...]:
    return actor_variant_groups() + place_variant_groups()
