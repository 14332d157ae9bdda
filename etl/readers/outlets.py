"""Recognise a news outlet named at the start of a title ("Bloomberg: Amid peace talks, ...").

Aggregators retell other outlets' stories under titles like "Reuters: ..."; the prefix is the
source. "Ukraine war: ..." is a topic, not an outlet, so a prefix counts only when it is a known
outlet or the body itself credits it ("writes Bloomberg", "according to Politico").
"""
from __future__ import annotations

import re

KNOWN_OUTLETS = frozenset(name.lower() for name in (
    "AFP", "Agence France-Presse", "Al Jazeera", "AP", "Associated Press", "Axios", "BBC",
    "BBC News", "Bild", "Bloomberg", "Business Insider", "CBS News", "CNN", "Corriere della Sera",
    "Daily Mail", "Daily Telegraph", "Der Spiegel", "Deutsche Welle", "DW", "Die Welt",
    "Die Zeit", "dpa", "El Pais", "Euronews", "Financial Times", "FT", "Forbes", "Fox News",
    "Frankfurter Allgemeine", "FAZ", "Interfax", "Interfax-Ukraine", "ISW",
    "Institute for the Study of War", "Kommersant", "Kyiv Independent", "The Kyiv Independent",
    "Kyiv Post", "Le Figaro", "Le Monde", "Liga.net", "Meduza", "NBC News", "New York Times",
    "The New York Times", "NYT", "Newsweek", "NHK", "NPR", "Novaya Gazeta", "NV",
    "Politico", "Radio Liberty", "Radio Svoboda", "Reuters", "RBC-Ukraine", "RBC", "RFE/RL",
    "RIA Novosti", "Sky News", "Spiegel", "Suspilne", "Süddeutsche Zeitung", "TASS",
    "The Atlantic", "The Economist", "Economist", "The Guardian", "Guardian", "The Independent",
    "The Telegraph", "Telegraph", "The Times", "The Wall Street Journal", "Wall Street Journal",
    "WSJ", "The Washington Post", "Washington Post", "Ukrainska Pravda", "Ukrinform", "UNIAN",
    "Yle", "Zerkalo Nedeli", "ZN.ua",
))

_PREFIX = re.compile(r"^([A-Z][\w.&'’/ -]{0,38}?)\s*:\s+\S")


def _credited_in(name: str, body: str) -> bool:
    """Whether the body credits the story to `name` the way outlets are credited.

    "writes Bloomberg" / "Bloomberg writes" / "reports Reuters" are said of outlets; "according
    to" and "said" are not used because they equally introduce people ("Zelensky: ...").
    """
    n = re.escape(name)
    return re.search(
        rf"\b(?:writes|wrote|reports|reported|informs)\s+(?:the\s+)?{n}\b|\b{n}\s+(?:writes|wrote)\b",
        body,
    ) is not None


def source_from_title(title: str, body: str) -> str:
    """The outlet a title opens with, or "" when its prefix is not an outlet."""
    m = _PREFIX.match(title)
    if not m:
        return ""
    name = m.group(1).strip()
    if len(name.split()) > 5:
        return ""
    if name.lower() in KNOWN_OUTLETS or _credited_in(name, body):
        return name
    return ""
