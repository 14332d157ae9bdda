"""Where a figure happened, and which side a place's casualties are on."""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from etl.extract.periods import INVASION_START

_PLACE = re.compile(
    r"(?:\b(?:in|near|outside|around|across|at)\s+(?:the\s+)?(?:[a-z]+(?:-[a-z]+)?\s+){0,2}?"
    r"|\b(?:city|town|village|region|province|oblast|district|port|capital|settlement)\s+of\s+)"
    r"(?P<p>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})(?P<r>\s+(?:region|oblast|province|district))?")
_NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Telegram|Facebook|Twitter|The|A|"
    r"An|His|Her|Their|Its|Russian|Ukrainian|U|UN|NATO|EU|Moscow's|Kyiv's|President|Mr|Mrs|Ms|"
    r"Gov|Mayor|General|Defen[cs]e|Ministry|English|Reuters|AP|BBC|CNN|ABC|NBC|CBS|I|Independence|"
    r"Christmas|Easter|World|War|State|Staff|Soviet|Western|European|American)\b")
# Who held each place the news names, and when (data/places/control.csv): the people harmed in a
# place are the side's that holds it then (Ukrainian fire on Donetsk or on occupied Kherson hurts
# Russia's side; Mariupol's siege dead are Ukraine's).
_BEFORE_INVASION = INVASION_START - timedelta(days=1)
CONTROL_PATH = Path(__file__).resolve().parents[2] / "data" / "places" / "control.csv"
# A place's name followed by these names its region ("the Donetsk region", "Donetsk Gov. Pavlo
# Kyrylenko", "the Donetsk, Luhansk and Kherson regions"), which may be held otherwise than its city.
_REGION_AFTER = (r"(?:\s+(?i:region|oblast|province|regional|governor|gov\b\.?|administration)\b|"
                 r"(?:,\s+[A-Z][\w'’-]+)*,?\s+and\s+(?:the\s+)?[A-Z][\w'’-]+\s+(?i:regions|oblasts|provinces)\b)")
# Not places but words that say whose people: Russia itself, and officials Moscow installed, who
# speak for places Russia holds.
_RUSSIAN_SIDE_WORDS = re.compile(
    r"\b(?:(?:in|inside|across) Russia|Russian (?:territory|region|city|town|village)|"
    r"(?:Russian|Russia|Moscow)-(?:installed|appointed|backed) (?:\w+ )?(?:officials?|authorities|"
    r"governor|head|mayor|leader|administration)|pro-Russian (?:\w+ )?(?:officials?|authorities))\b")
_UKRAINIAN_SIDE_WORDS = re.compile(r"\b(?:in|across) Ukraine\b")


@dataclass(frozen=True)
class _Held:
    """One row of control.csv: who held a place (or its region) from one day to another."""
    region: bool
    side: str
    start: date | None
    end: date | None

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@cache
def _control(path: Path = CONTROL_PATH) -> tuple[re.Pattern, dict[str, list[_Held]]]:
    held: dict[str, list[_Held]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            entry = _Held(row["kind"] == "region", row["held_by"],
                          date.fromisoformat(row["from"]) if row["from"] else None,
                          date.fromisoformat(row["to"]) if row["to"] else None)
            for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
                held.setdefault(name.replace("’", "'"), []).append(entry)
    names = sorted(held, key=len, reverse=True)  # "Donetsk People's Republic" before "Donetsk"
    alternatives = "|".join(re.escape(n).replace("'", "['’]") for n in names)
    return re.compile(rf"\b(?P<name>{alternatives})\b(?P<region>{_REGION_AFTER})?"), held


def _sides_named(text: str, on: date | None) -> list[tuple[int, str]]:
    """(offset, side) of each place or side word in `text` whose holder on day `on` (by default
    the eve of the full-scale invasion) is known."""
    on = on or _BEFORE_INVASION
    pattern, held = _control()
    found = []
    for m in pattern.finditer(text):
        rows = held[m.group("name").replace("’", "'")]
        region = m.group("region") is not None
        # A region the table does not list apart from its city is held with it.
        rows = [r for r in rows if r.region == region] or [r for r in rows if not r.region]
        side = next((r.side for r in rows if r.covers(on)), None)
        if side:
            found.append((m.start(), side))
    found += [(m.start(), "russia") for m in _RUSSIAN_SIDE_WORDS.finditer(text)]
    found += [(m.start(), "ukraine") for m in _UKRAINIAN_SIDE_WORDS.finditer(text)]
    return sorted(found)


def _names_side_place(text: str) -> bool:
    return bool(_control()[0].search(text) or _RUSSIAN_SIDE_WORDS.search(text)
                or _UKRAINIAN_SIDE_WORDS.search(text))


_OTHER_PLACES = re.compile(
    r"\b(?:in|near|across|from) (?:the )?(?:Syria|Afghanistan|Iraq|Iran|Israel|Gaza|Yemen|Libya|"
    r"Armenia|Azerbaijan|Nagorno-Karabakh|Georgia|Kazakhstan|Mali|Ethiopia|Sudan|Myanmar|Chechnya|"
    r"Kosovo|Bosnia|Serbia|Poland|Moldova|Belarus|Lebanon|Turkey)\b")
# Countries other than Russia and Ukraine, and their peoples.
FOREIGN_COUNTRIES = (
    r"Syria\w*|Afghan\w*|Iraq\w*|Iran\w*|Israel\w*|Gaza|Palestin\w*|Yemen\w*|Liby\w*|Armenia\w*|"
    r"Azerbaijan\w*|Nagorno-Karabakh|Georgia(?:ns?)?|Kazakh\w*|Kyrgyz\w*|Tajik\w*|Uzbek\w*|Mali|"
    r"Ethiopia\w*|Sudan\w*|Somali\w*|Kenya\w*|Nigeria\w*|Congo\w*|Myanmar|Kosovo|Bosnia\w*|Serbia\w*|"
    r"Poland|Polish|Poles|Moldova\w*|Belarus\w*|Leban\w*|Turkey|Turkish|Turks|Norw\w*|Latvia\w*|"
    r"Lithuania\w*|Estonia\w*|Finland|Finnish|Finns|German\w*|France|French|Britain|British|Britons?|"
    r"UK|U\.S\.|US|United States|Americans?|China|Chinese|Venezuela\w*|Peru\w*|Haiti\w*|Nepal\w*|"
    r"Pakistan\w*|India|Indians?|Japan\w*|Korea\w*|Mexic\w*|Canad\w*|Hong Kong|Uyghurs?|Saudi\w*|"
    r"Egypt\w*")
# A country named as a source or a maker ("the British outlet said", "US-made rockets") says
# nothing about whose people were hurt.
_FOREIGN = re.compile(
    rf"\b(?:{FOREIGN_COUNTRIES})\b(?![-‑](?:made|supplied|provided|built|led)|\s+(?:outlet|newspaper|"
    r"media|tabloid|broadcaster|intelligence|officials?|estimates?|analysts?|think tank|government|"
    r"authorities|embassy|ambassador|envoy)\b)")
_RUSSIA_OR_UKRAINE = re.compile(
    r"\b(?:Russia\w*|Moscow|Kremlin|Putin|Soviet|Ukrain\w*|Kyiv|Kiev|Zelensk\w*)\b")


def location(sentence: str, start: int, end: int) -> str | None:
    """The place named nearest the count at `start`..`end` ("in Bucha", "the city of Lviv"),
    preferring one after it."""
    best = None
    for m in _PLACE.finditer(sentence):
        words = m.group("p").split()
        cut = next((k for k, w in enumerate(words) if _NOT_PLACES.match(w)), len(words))
        place = " ".join(words[:cut])  # "in Bucha Thursday" -> "Bucha"
        if not place or re.search(r"['’´]s$", place) or re.fullmatch(r"[A-Z]{3,}", place):
            continue  # "Ukraine's military" names an owner; "HIMARS" is a weapon
        distance = m.start() - end if m.start() >= end else (start - m.end()) * 1.5
        if best is None or distance < best[0]:
            best = (distance, place + ((m.group("r") or "") if cut == len(words) else ""))
    return best[1] if best else None


def place_side(text: str, on: date | None = None) -> str | None:
    """The side whose people are hurt in the places the text names (the first it names), as they
    were held on day `on` (by default before the full-scale invasion), or None."""
    named = _sides_named(text, on)
    if _OTHER_PLACES.search(text) and not any(side == "ukraine" for _, side in named):
        return "other"
    return named[0][1] if named else None


def article_side(text: str, on: date | None = None) -> str | None:
    """The side whose places an article names most, if it names any: where its story happens, as
    the places were held on day `on`, or by default on the map as it stood before the full-scale
    invasion (an article about occupied Kherson is about Ukraine's people)."""
    counts = Counter(side for _, side in _sides_named(text, on))
    if counts["ukraine"] == counts["russia"]:
        return None
    return "ukraine" if counts["ukraine"] > counts["russia"] else "russia"


def foreign_side(text: str, previous: str) -> str | None:
    """ "other" when the text names other countries, and neither it nor the sentence before
    names Russia, Ukraine or their places."""
    if _FOREIGN.search(text) and not any(
            _RUSSIA_OR_UKRAINE.search(t) or _names_side_place(t) for t in (text, previous)):
        return "other"
    return None
