"""Where a figure happened, and which side a place's casualties are on."""
from __future__ import annotations

import re

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
# Places whose casualties are, in these reports, on Russia's side: Russia itself, Crimea and the
# cities held by Russia since 2014 (the Donetsk *region* is mostly Ukrainian-held).
_RUSSIAN_SIDE_PLACES = re.compile(
    r"\b(?:Crimea|Crimean Bridge|Kerch|Sevastopol|Belgorod|Kursk|Bryansk|Voronezh|Rostov|"
    r"St\.? Petersburg|Makiivka|"
    r"Horlivka|(?:in|inside|across) Russia|Russian (?:territory|region|city|town|village)|Black Sea Fleet|"
    r"(?:city of )?Donetsk(?! region| oblast| province|, Luhansk)|Luhansk(?! region| oblast| province)|"
    # An official Moscow installed speaks for a place Russia holds.
    r"(?:Russian|Russia|Moscow)-(?:installed|appointed|backed) (?:\w+ )?(?:officials?|authorities|"
    r"governor|head|mayor|leader|administration)|pro-Russian (?:\w+ )?(?:officials?|authorities))\b")
_UKRAINIAN_SIDE_PLACES = re.compile(
    r"\b(?:Kyiv|Kiev|Kharkiv|Kharkov|Lviv|Odesa|Odessa|Dnipro|Mariupol|Mykolaiv|Zaporizhzhia|"
    r"Zaporizhzhya|Kherson|Chernihiv|Sumy|Poltava|Vinnytsia|Zhytomyr|Bucha|Irpin|Kramatorsk|"
    r"Sloviansk|Bakhmut|Sievierodonetsk|Severodonetsk|Lysychansk|Izium|Kupiansk|Pokrovsk|Avdiivka|"
    r"Kremenchuk|Uman|Chernivtsi|Rivne|Lutsk|Ternopil|Cherkasy|Nikopol|Enerhodar|Vilniansk|Chuhuiv|"
    r"Okhtyrka|Hostomel|Kryvyi Rih|Bila Tserkva|Brovary|Donbas|Donetsk region|Luhansk region|"
    r"Donetsk oblast|Luhansk oblast|(?:in|across) Ukraine)\b")
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


def place_side(text: str) -> str | None:
    """The side whose people are hurt in the places the text names, or None."""
    if _OTHER_PLACES.search(text) and not _UKRAINIAN_SIDE_PLACES.search(text):
        return "other"
    russian = _RUSSIAN_SIDE_PLACES.search(text)
    ukrainian = _UKRAINIAN_SIDE_PLACES.search(text)
    if russian and not (ukrainian and ukrainian.start() < russian.start()):
        return "russia"
    return "ukraine" if ukrainian else None


def article_side(text: str) -> str | None:
    """The side whose places an article names most, if it names any: where its story happens."""
    ukrainian = sum(1 for _ in _UKRAINIAN_SIDE_PLACES.finditer(text))
    russian = sum(1 for _ in _RUSSIAN_SIDE_PLACES.finditer(text))
    if ukrainian == russian:
        return None
    return "ukraine" if ukrainian > russian else "russia"


def foreign_side(text: str, previous: str) -> str | None:
    """ "other" when the text names other countries, and neither it nor the sentence before
    names Russia, Ukraine or their places."""
    if _FOREIGN.search(text) and not any(
            rx.search(t) for t in (text, previous)
            for rx in (_RUSSIA_OR_UKRAINE, _RUSSIAN_SIDE_PLACES, _UKRAINIAN_SIDE_PLACES)):
        return "other"
    return None
