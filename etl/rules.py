"""Word lists the extraction rules read, kept as data in data/rules/*.txt.

Each file opens with a header of `#` lines saying where the list came from and why entries were
added or dropped; then one entry a line. An entry may carry tags after a bar
(`say says said saying | invertible`): the words before the bar are the forms of one entry, the
words after it the classes they belong to. Blank lines and `#` lines are skipped, and so is
anything after ` #` on an entry line (a note on that entry).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent.parent / "data" / "rules"


@cache
def entries(name: str) -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    """(forms, tags) of every entry of data/rules/<name>.txt, in file order."""
    out = []
    for line in (RULES_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        forms, _, tags = line.partition("|")
        out.append((tuple(forms.split()), frozenset(tags.split())))
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """Every form of every entry of the list."""
    return frozenset(form for forms, _ in entries(name) for form in forms)


@cache
def phrases(name: str, tag: str | None = None) -> tuple[str, ...]:
    """Each entry (carrying `tag`, if given) as one phrase: for lists of multi-word entries."""
    return tuple(" ".join(forms) for forms, tags in entries(name) if tag is None or tag in tags)


@cache
def tagged(name: str, tag: str) -> frozenset[str]:
    """The forms of the entries carrying `tag`."""
    return frozenset(form for forms, tags in entries(name) if tag in tags for form in forms)


@cache
def mapping(name: str) -> dict[str, str]:
    """`key | value` entries as a dict (a key of several words is joined by a space)."""
    return {" ".join(forms): " ".join(sorted(tags)) for forms, tags in entries(name)}


def alternation(items: frozenset[str] | tuple[str, ...]) -> str:
    """A regex alternation of `items`, longest first, spaces matching any run of white space."""
    ordered = sorted(set(items), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"
