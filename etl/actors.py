"""The actors registry: the many ways news names one person or organisation -> one canonical name.

The registry is an editable CSV (data/actors.csv): canonical, aliases (';'-separated), role,
country, kind (person|organisation), from, to. `from`/`to` give the tenure(s) of the role, several
periods separated by ';' (Trump was president twice). Title-only aliases ("the Ukrainian president")
name whoever held the office at the time, so they are used only when the article's date falls in
the tenure or the person is named in the same article.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from etl import rules

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.csv"

# Honorifics and titles that may stand before a name ("President Zelensky", "Mr Sadovyi").
_LEADING_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|sir|dame|gen|general|col|lt|maj|adm|president|chancellor|"
    r"prime minister|premier|foreign minister|defen[cs]e minister|minister|secretary general|"
    r"secretary-general|secretary|gov|governor|mayor|sen|senator|rep|ambassador|spokesman|"
    r"spokeswoman|king|queen|pope|prince|sheikh)\s+)+"
)
# Words that make an alias a title ("the Kremlin spokesman") rather than a name.
_ROLE_WORDS = frozenset(
    """president president-elect minister chancellor secretary secretary-general spokesman spokeswoman
    spokesperson chief leader head mayor governor commander commander-in-chief ambassador envoy
    premier ombudsman speaker prosecutor adviser advisor director king pope chairman chair
    representative general""".split()
)
# Spellings of one first name, each mapped to all of them.
_TRANSLITERATIONS = {name: frozenset(forms) for forms, _ in rules.entries("name_variants") for name in forms}
# Words glued to a name by a sentence's grammar ("Has Putin", "Unlike Putin"): no name holds them.
_NOT_NAME_WORDS = rules.words("common_capitalised") | rules.words("connectives")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "‐": "-", "–": "-"})


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Lookup key: lower case, one kind of apostrophe, no dots, no possessive, no leading 'the'."""
    key = name.translate(_QUOTES).lower().replace(".", "").strip(" ,;:\"'“”")
    key = re.sub(r"\s+", " ", key)
    key = re.sub(r"'s$|'$", "", key)
    return re.sub(r"^the ", "", key)


@dataclass(frozen=True)
class Actor:
    canonical: str
    aliases: tuple[str, ...]
    role: str | None
    country: str | None
    kind: str
    tenures: tuple[tuple[date | None, date | None], ...] = ()

    def in_tenure(self, day: date) -> bool:
        return any((start is None or start <= day) and (end is None or day <= end)
                   for start, end in self.tenures)


@dataclass
class ActorRegistry:
    actors: list[Actor]
    _names: dict[str, int] = field(default_factory=dict, repr=False)
    _titles: dict[str, list[int]] = field(default_factory=dict, repr=False)
    # Persons by surname and their first names, for spelling variants; variants already looked up.
    _surnames: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _first_names: dict[int, set[str]] = field(default_factory=dict, repr=False)
    _surname_keys: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _variants: dict[str, int | None] = field(default_factory=dict, repr=False)
    _kinds: dict[str, str | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for i, actor in enumerate(self.actors):
            surname = normalise(actor.canonical).split()[-1]
            for alias in (actor.canonical, *actor.aliases):
                key = normalise(alias)
                if not key:
                    continue
                words = set(key.split())
                if actor.kind == "person" and surname not in words and words & _ROLE_WORDS:
                    self._titles.setdefault(key, []).append(i)
                    continue
                self._names.setdefault(key, i)
                if actor.kind == "person":
                    tokens = _LEADING_TITLES.sub("", key).split()
                    self._surnames.setdefault(tokens[-1], set()).add(i)
                    if len(tokens) > 1:
                        self._first_names.setdefault(i, set()).add(tokens[0])
        for surname in sorted(self._surnames):  # by first letter: a misspelling keeps its first letter
            self._surname_keys.setdefault(surname[0], []).append(surname)

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorRegistry:
        """The registry in `path` (default data/actors.csv), parsed once per file version."""
        resolved = Path(path) if path is not None else DEFAULT_PATH
        return _load_cached(str(resolved.resolve()), resolved.stat().st_mtime_ns)

    def lookup(self, name: str, on: date | None = None, named: Collection[str] = ()) -> Actor | None:
        """The actor `name` refers to, or None. A title ("the Ukrainian president") is resolved to
        the holder named in the article (`named`) or else in office on `on` (default today)."""
        key = normalise(name)
        if not key:
            return None
        for candidate in (key, _LEADING_TITLES.sub("", key)):
            i = self._names.get(candidate)
            if i is not None:
                return self.actors[i]
        holders = self._titles.get(key)
        if not holders:
            if name.lstrip().lower().startswith("the "):
                return None  # "The Hill", "The Times": a name written with an article is no person's
            return self._variant(key)
        named_ids = {self._names.get(normalise(n)) for n in named} - {None}
        for i in holders:
            if i in named_ids:
                return self.actors[i]
        day = on or date.today()
        for i in holders:
            if self.actors[i].in_tenure(day):
                return self.actors[i]
        return None

    def kind_of(self, name: str) -> str | None:
        """The kind ("person", "organisation") of the actor `name` names, or None; remembered,
        as a text asks it of every name it meets."""
        key = normalise(name)
        if key not in self._kinds:
            actor = self.lookup(name)
            self._kinds[key] = actor.kind if actor else None
        return self._kinds[key]

    def _variant(self, key: str) -> Actor | None:
        """The one person `key` spells another way: without a middle initial ("dmitri s peskov"),
        with a first name transliterated ("vladimir zelensky") or misspelt ("volodymr zelensky"),
        or a surname one letter off after a first name ("volodymyr zelenskyyi"). None when no person,
        or more than one, fits."""
        if key not in self._variants:
            self._variants[key] = self._find_variant(key)
        found = self._variants[key]
        return self.actors[found] if found is not None else None

    def _find_variant(self, key: str) -> int | None:
        tokens = [t for t in _LEADING_TITLES.sub("", key).split() if len(t) > 1]  # middle initials out
        if not tokens or len(tokens) > 4 or any(t in _NOT_NAME_WORDS for t in tokens):
            return None  # "has putin", "unlike putin": a word glued to a name is no name
        exact = self._names.get(" ".join(tokens))
        if exact is not None and self.actors[exact].kind == "person":
            return exact
        surname = tokens[-1]
        candidates = self._surnames.get(surname)
        if candidates is None and len(surname) >= 5 and len(tokens) > 1:
            match = process.extractOne(surname, self._surname_keys.get(surname[0], ()), scorer=fuzz.ratio,
                                       score_cutoff=88)
            candidates = self._surnames.get(match[0]) if match else None
        if not candidates:
            return None
        if len(tokens) > 1:
            candidates = {i for i in candidates if _same_first_name(tokens[0], self._first_names.get(i, ()))}
        return next(iter(candidates)) if len(candidates) == 1 else None

    def canonical(self, name: str, on: date | None = None, named: Collection[str] = ()) -> str:
        """The canonical name of `name`, or `name` as written (trimmed) when it is not known."""
        actor = self.lookup(name, on, named)
        return actor.canonical if actor else " ".join(name.split())


def _same_first_name(first: str, known: Collection[str]) -> bool:
    """Is `first` one of the person's first names, a transliteration of one (data/rules/
    name_variants.txt) or a near spelling of one ("volodymr", "dmitri")?"""
    group = _TRANSLITERATIONS.get(first, {first})
    return any(name in group or fuzz.ratio(first, name) >= 75 for name in known)


def _parse_day(text: str) -> date | None:
    text = text.strip()
    return date.fromisoformat(text) if text else None


def _tenures(starts: str, ends: str) -> tuple[tuple[date | None, date | None], ...]:
    first, last = (starts or "").split(";"), (ends or "").split(";")
    if not any(s.strip() for s in first + last):
        return ()
    last += [""] * (len(first) - len(last))
    return tuple((_parse_day(s), _parse_day(e)) for s, e in zip(first, last))


def read_actors(path: Path) -> list[Actor]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [
        Actor(
            canonical=row["canonical"].strip(),
            aliases=tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()),
            role=(row.get("role") or "").strip() or None,
            country=(row.get("country") or "").strip() or None,
            kind=(row.get("kind") or "person").strip(),
            tenures=_tenures(row.get("from") or "", row.get("to") or ""),
        )
        for row in rows
        if (row.get("canonical") or "").strip()
    ]


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int) -> ActorRegistry:
    return ActorRegistry(read_actors(Path(path)))
