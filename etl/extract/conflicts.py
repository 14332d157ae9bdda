"""The conflicts registry: the wars and events a count of people may belong to, and where an
article names them.

data/conflicts.csv has one row per conflict or event: slug, kind, name, aliases (';'-separated
words that name it: "Second World War", "Holodomor"), places (';'-separated places where it
happened: "Aleppo", "Kabul"), from and to (its dates, to empty while it goes on) and source. Rows
whose slug is `none` hold what belongs to no conflict: causes of harm (kind `cause`: the pandemic,
disasters, accidents, crime), which the means of war named beside them override, and counts of the
whole world (kind `world`), which nothing overrides. A term written with a capital matches only as written ("Mali", not
"mali"); one written in lower case matches in any case ("covid" finds "COVID-19" too).
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "conflicts.csv"
THIS_WAR = "russia-ukraine"
NONE = "none"


@dataclass(frozen=True)
class Conflict:
    slug: str
    kind: str  # conflict, cause or world
    name: str
    start: date | None
    end: date | None

    def overlaps(self, start: date, end: date) -> bool:
        """Could a count of `start`..`end` belong to this conflict?"""
        return (self.start is None or end >= self.start) and (self.end is None or start <= self.end)


@dataclass(frozen=True)
class Mention:
    """Where a text names a conflict: by one of its aliases (`strong`) or by a place in it."""

    start: int
    end: int
    conflict: Conflict
    strong: bool


class ConflictRegistry:
    def __init__(self, conflicts: list[Conflict], terms: dict[str, tuple[int, bool]]):
        self.conflicts = conflicts
        self.this_war = next(c for c in conflicts if c.slug == THIS_WAR)
        # Matched on the lower-cased text with one regex shaped as a trie of the terms (a plain
        # alternation of hundreds of terms is tried term by term at every position: 10x slower);
        # a capitalised term is then checked against the text as written.
        self._terms: dict[str, list[tuple[str, int, bool]]] = {}
        for term, (index, strong) in terms.items():
            self._terms.setdefault(term.lower(), []).append((term, index, strong))
        self._pattern = re.compile(r"(?<![\w-])" + _trie(self._terms) + r"(?![\w-])")

    @classmethod
    def load(cls, path: str | Path | None = None) -> ConflictRegistry:
        """The registry in `path` (default data/conflicts.csv), parsed once per file version."""
        resolved = Path(path).resolve() if path is not None else DEFAULT_PATH
        return _load_cached(str(resolved), resolved.stat().st_mtime_ns)

    def find(self, text: str) -> list[Mention]:
        """Every place `text` names a conflict, an event or a cause of no conflict, in text order."""
        lowered = text.lower().replace("’", "'")
        if len(lowered) != len(text):  # a rare letter whose lower case is longer
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")
        out = []
        for m in self._pattern.finditer(lowered):
            written = text[m.start():m.end()].replace("’", "'")
            for term, index, strong in self._terms[m.group(0)]:
                if term[0].islower() or term == written:
                    out.append(Mention(m.start(), m.end(), self.conflicts[index], strong))
                    break
        return out


def _trie(terms: Iterable[str]) -> str:
    """One regex matching any of `terms`, longest first, built as a prefix tree."""
    root: dict = {}
    for term in terms:
        node = root
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


def _day(text: str) -> date | None:
    text = text.strip()
    return date.fromisoformat(text) if text else None


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int) -> ConflictRegistry:
    conflicts: list[Conflict] = []
    terms: dict[str, tuple[int, bool]] = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            slug = (row.get("slug") or "").strip()
            if not slug:
                continue
            conflicts.append(Conflict(slug, (row.get("kind") or "conflict").strip(),
                                      (row.get("name") or "").strip(), _day(row.get("from") or ""),
                                      _day(row.get("to") or "")))
            for column, strong in (("aliases", True), ("places", False)):
                for term in (row.get(column) or "").split(";"):
                    term = " ".join(term.split())
                    if term:
                        terms.setdefault(term, (len(conflicts) - 1, strong or slug == NONE))
    return ConflictRegistry(conflicts, terms)
