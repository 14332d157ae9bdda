"""Place names as lookup keys, and a location as written split into what it names.

"the Kharkiv region" -> name "kharkiv", level "oblast"; "Russia's Belgorod Region" -> name
"belgorod", level "oblast", within "russia"; "Izyum district" -> "izyum", "district". Keys are
ASCII-folded lower case, so "Przemyśl", "Przemysl" and "PRZEMYSL" meet.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "ʼ": "'", "‐": "-", "‑": "-",
                         "–": "-", "—": "-"})
# Words after a name that say it names a first- or second-level division, not a settlement.
_LEVEL_WORDS = {
    "region": "oblast", "oblast": "oblast", "province": "oblast", "krai": "oblast", "kray": "oblast",
    "voivodeship": "oblast", "governorate": "oblast", "county": "oblast", "state": "oblast",
    "district": "district", "dist": "district", "raion": "district", "rayon": "district",
}
_LEVEL = re.compile(r"\s+(" + "|".join(_LEVEL_WORDS) + r")$")
# "Ukraine's Luhansk region", "Mariupol's Azovstal": the owner the rest is in.
_WITHIN = re.compile(r"^(?P<owner>[a-z][a-z .-]*?)'s?\s+(?P<rest>.+)$")
# "Russia-annexed Crimea": who holds a place says nothing about where it is.
_HELD = re.compile(r"^[a-z]+-(?:annexed|occupied|held|controlled)\s+")
# Trailing words the location extractor sometimes keeps ("Ukraine In", "Donbas region of").
_TRAILING = re.compile(r"\s+(?:in|of|on|at|and|the|to|from|near)$")


_JUNK = re.compile(r"[.\"“”]")
_SPACES = re.compile(r"\s+")


def key(name: str) -> str:
    """Lookup key: accents dropped, lower case, one kind of apostrophe and dash, single spaces."""
    text = name.translate(_QUOTES)
    if not text.isascii():
        folded = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in folded if not unicodedata.combining(c))
        text = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("đ", "d")
    return _SPACES.sub(" ", _JUNK.sub("", text.lower())).strip(" ,;:'-")


def is_latin_key(text: str) -> bool:
    """Whether a key is plain Latin letters (the spellings an English article can use)."""
    return bool(re.fullmatch(r"[a-z][a-z0-9' -]*", text))


@dataclass(frozen=True)
class Parsed:
    name: str  # the key of the place's own name
    level: str | None  # "oblast" or "district" when a division word followed the name
    within: str | None  # key of the owner named before the place ("russia", "mariupol"), if any


def parse(location: str) -> Parsed:
    text = key(location)
    text = re.sub(r"^the\s+", "", text)
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING.sub("", text)
    text = _HELD.sub("", text)
    within = None
    m = _WITHIN.match(text)
    if m:
        within, text = m.group("owner"), re.sub(r"^the\s+", "", m.group("rest"))
    level = None
    m = _LEVEL.search(text)
    if m and m.start() > 0:
        level, text = _LEVEL_WORDS[m.group(1)], text[:m.start()]
    text = re.sub(r"'s?$", "", text)
    return Parsed(text, level, within)
