"""Whose people a figure counts: Ukraine's, Russia's, another country's, or unknown.

The noun phrase says it when it can ("Ukrainian civilians"); people arrested are on the side of
the country arresting them or where they are held; else who lost ("Russia has lost"), who
attacked ("Russian shelling" kills Ukrainians), who reports (by the source's country in the
actors registry: a military announcing kills announces the enemy's losses, an official counting
civilians harmed counts their own), where it happened (deaths in a sentence naming only other
countries are theirs), and finally the default (figures.py: where the article's story happens).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from etl.actors import Actor
from etl.extract.figure_words import HARMED
from etl.extract.places import FOREIGN_COUNTRIES, foreign_side, place_side

_ATTACK_NOUNS = (r"shelling|strikes?|missiles?|attacks?|bombardments?|rockets?|drones?|airstrikes?|"
                 r"air strikes?|artillery|fire|bombing|shells?|aggression|aircraft|jets|"
                 r"counteroffensive|counter-offensive|offensive|assault|raids?|occupiers|invaders|invasion")
_FORCE_NOUNS = r"forces|troops|army|military|soldiers|separatists|units"
_ATTACK_VERBS = (r"struck|shelled|attacked|fired|bombed|hit|launched|targeted|pounded|killed|invaded|"
                 r"opened fire|strikes|shells|attacks|hits|pummeled|pummelled")
_AGENT = re.compile(
    rf"\b(Russian|Russia's|Russia’s|Russia-backed|pro-Russian|Moscow's|Ukrainian|Ukraine's|Ukraine’s|"
    rf"Kyiv's|Kyiv’s)\s+(?:\w+\s+)?(?:(?:{_ATTACK_NOUNS})\b|(?:{_FORCE_NOUNS})\s+(?:\w+\s+)?"
    rf"(?:{_ATTACK_VERBS})\b)"
    rf"|\b(Russia|Moscow|Ukraine|Kyiv)\s+(?:has\s+|have\s+|had\s+)?(?:{_ATTACK_VERBS})\b"
    r"|\bby (Russia|Ukraine)\b"
    # "shelling ... by Ukrainian forces": the attacker named after the harm.
    rf"|\bby (?:the\s+)?(Russian|Ukrainian|pro-Russian|Russia-backed)\s+(?:armed\s+)?(?:{_FORCE_NOUNS})\b",
    re.I)
_HARM_BEFORE = re.compile(rf"\b(?:{_ATTACK_NOUNS}|{_ATTACK_VERBS}|killed|wounded|injured)\b", re.I)
_LOSER = re.compile(
    r"\b(Russia|Moscow|Ukraine|Kyiv|the Kremlin|Russian|Ukrainian)(?:'s|’s|(?<=n)\s+(?:military|army|"
    r"armed forces|forces|troops))?\s+"
    r"(?:(?:says|said|admits|admitted) (?:it|they) )?"
    r"(?:has\s+|have\s+|had\s+)?(?:(?:now|already|also|reportedly|so far|probably|likely)\s+)?"
    r"(?:(?:suffered|sustained|taken|incurred)\s+(?:\S+\s+){0,4}"
    r"(?:losses|casualties|dead|deaths|killed|wounded)|lost|loses|losing|losses|casualties|dead|death toll|war dead)\b",
    re.I)
# "Moscow has not updated its official casualty figures" counts Moscow's own dead.
_OWN_COUNT = re.compile(
    r"\b(Russia|Moscow|Ukraine|Kyiv|the Kremlin)\b[^.;]{0,120}?\b(?:its|their) (?:own )?(?:official )?"
    r"(?:casualty |death )?(?:figures?|losses|toll|tally|count|dead)\b")
# Arrests rather than captures in battle: the arrested are on the side of the country arresting
# them, or of the country where it happens ("detained across Russia"), unless they are the
# enemy's troops' captives ("Russian forces detained two plant workers").
_ARREST = re.compile(r"\b(?:arrest\w*|detain\w*|detention|jail\w*|imprison\w*|custody)\b", re.I)
_WAR_CAPTIVE = re.compile(r"\b(?:prisoners? of war|POWs?|captured|surrender\w*|exchang\w*|swap\w*|"
                          r"captivity)\b", re.I)
_DETAINER = (rf"(?:(?P<ru>Russia\w*|Moscow|St\.? Petersburg|OVD-Info|FSB|Kremlin)|(?P<ua>Ukrain\w*|Kyiv|"
             rf"Kiev|SBU)|(?P<other>{FOREIGN_COUNTRIES}))\b(?P<forces>(?:['’]s)?\s+(?:armed\s+)?(?:forces|"
             rf"troops|soldiers|army|occupiers|military(?!\s+(?:action|operation|campaign|offensive|"
             rf"intervention|aggression))))?")
_COUNTRY_NAMED = re.compile(rf"\b{_DETAINER}")
_ARREST_BODIES = frozenset({"OVD-Info", "FSB", "SBU"})
# "the invasion of Ukraine", "military action in Ukraine" name the war, not where people were held.
_WAR_NAMED_BEFORE = re.compile(r"\b(?:war|invasion|offensive|operation|action|conflict|incursion|"
                               r"aggression)\s+(?:in|of|on|against)\s+(?:the\s+)?$", re.I)
_ARRESTED_IN = re.compile(rf"\b(?:in|across|throughout)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}{_DETAINER}")
_CLAUSE = re.compile(r";|,\s*(?:while|whereas)\b")
_BOTH = re.compile(r"\b(?:on|from|among|for) (?:both|each|either) sides?\b|\bboth sides['’]|\bcombined\b",
                   re.I)
_GLOBAL = re.compile(r"\b(?:global|worldwide|around the world|across the world)\b", re.I)


def _agent_side(sentence: str, pos: int) -> str | None:
    """The victims' side from the attacker nearest the count ("Russian shelling" -> ukraine)."""
    best = None
    for m in _AGENT.finditer(sentence):
        if m.group(4) and not _HARM_BEFORE.search(sentence, max(0, m.start() - 80), m.start()):
            continue  # "since it was taken back by Ukrainian forces" names no attack
        word = next(g for g in m.groups() if g).lower()
        victim = "ukraine" if word.startswith(("russia", "moscow", "pro-russian")) else "russia"
        distance = abs(m.start() - pos)
        if best is None or distance < best[0]:
            best = (distance, victim)
    return best[1] if best else None


# "in the attack", "the strikes": an attack the story named before, with its attacker.
_THE_ATTACK = re.compile(r"\b(?:the|that|this) (?:attacks?|strikes?|shelling|bombardment|explosions?|"
                         r"blasts?|missile strikes?|drone attacks?|rocket attacks?|airstrikes?)\b", re.I)


def _earlier_agent_side(text: str, before: Sequence[str]) -> str | None:
    """The victims' side of an attack the sentence refers back to, from the attacker named in the
    sentences before ("a suspected Ukrainian attack on his office ... 13 people were injured in
    the attack")."""
    if not _THE_ATTACK.search(text):
        return None
    for earlier in reversed(before):
        side = _agent_side(earlier, len(earlier))
        if side:
            return side
    return None


def _loser_side(sentence: str, at: int) -> str | None:
    """Who lost the people counted at `at`: the loser named last before the count, else the first
    after it ("while Russia had lost 6,000 troops ..., Ukraine had lost about 61,000")."""
    found = [*_LOSER.finditer(sentence)] or [*_OWN_COUNT.finditer(sentence)]
    if not found:
        return None
    before = [m for m in found if m.start() < at]
    m = before[-1] if before else found[0]
    return "russia" if m.group(1).lower() in ("russia", "russian", "moscow", "the kremlin") else "ukraine"


def _arrest_side(text: str, at: int, before: Sequence[str]) -> str | None:
    """The side of people arrested: the country named last before the count in its clause, else
    where the arrests happened, else a body that makes or counts a country's arrests named after
    the count ("..., according to OVD-Info"), else the country named last in the few sentences
    before."""
    if not _ARREST.search(text) or _WAR_CAPTIVE.search(text):
        return None
    clause = max([0] + [m.end() for m in _CLAUSE.finditer(text, 0, at)])
    named = _countries_named(text, clause, at) or [*_ARRESTED_IN.finditer(text, at)][:1] \
        or [m for m in _countries_named(text, at, len(text)) if m.group(0) in _ARREST_BODIES][:1]
    for earlier in reversed(before):
        named = named or _countries_named(earlier, 0, len(earlier))
    if not named:
        return None
    m = named[-1]
    if m.group("other"):
        return "other"
    russian = bool(m.group("ru"))
    return "russia" if russian != bool(m.group("forces")) else "ukraine"


def _countries_named(text: str, start: int, end: int) -> list[re.Match]:
    return [m for m in _COUNTRY_NAMED.finditer(text, start, end)
            if not _WAR_NAMED_BEFORE.search(text, max(0, m.start() - 40), m.start())]


# Words that make a source military: in the registry's role or name ("Spokesman for the Russian
# Defence Ministry", "Ukraine's General Staff"), or in how an article names an unknown source.
_MILITARY_SOURCE = re.compile(r"\b(?:defen[cs]e|military|army|armed forces|general staff|command|"
                              r"forces|navy|air force|intelligence|commander|troops)\b", re.I)
# "we have lost", "our soldiers", "its own losses": the source speaks of its own side.
_OWN = re.compile(r"\b(?:we|our|us|its own|their own)\b", re.I)
_NAMED_COUNTRY = re.compile(r"^(?:the\s+)?(?:(?P<UA>Ukrain\w*|Kyiv\w*|Kiev\w*)|(?P<RU>Russia\w*|Moscow\w*|"
                            r"Kremlin|pro-Russian))\b", re.I)
_SIDE_OF = {"UA": "ukraine", "RU": "russia"}
_KILLS = frozenset({"killed", "casualties"})
_ENEMY = {"ukraine": "russia", "russia": "ukraine"}


def _source_side(actor: Actor | None, reporter: str | None) -> tuple[str | None, bool]:
    """The side a source belongs to (the registry's country, else the one its name begins with),
    and whether it is a military source."""
    if actor is not None:
        country, military = actor.country, bool(_MILITARY_SOURCE.search(f"{actor.canonical} {actor.role or ''}"))
    else:
        m = _NAMED_COUNTRY.match(reporter or "")
        country, military = (m.lastgroup if m else None), bool(_MILITARY_SOURCE.search(reporter or ""))
    return _SIDE_OF.get(country or ""), military


# "Zelensky acknowledged 60 to 100 military fatalities a day": what a source admits are its own.
_ADMITTED = re.compile(r"\b(?:acknowledg\w*|admit\w*|conced\w*)\b[^.;:]{0,40}$", re.I)


def _reporter_side(actor: Actor | None, reporter: str | None, group: str, category: str,
                   text: str) -> str | None:
    """The side of the people a source's announcement counts, from the source's country (the
    registry's, else the one its name begins with): a military source announcing kills announces
    the enemy's losses, unless it speaks of its own ("our soldiers"); a source counting civilians
    harmed counts its own country's people."""
    own, military = _source_side(actor, reporter)
    if own is None:
        return None
    if _OWN.search(text) and group in ("military", "people"):
        return own
    if military and category in _KILLS and group in ("military", "people"):
        return _ENEMY[own]  # "suffered losses of around 100,000", said the defence minister
    return own if group in ("civilians", "children", "people") and not military else None


_COUNTRY = re.compile(r"\b(Russia|Russian|Moscow|Kremlin|Putin|Ukraine|Ukrainian|Kyiv|Zelensk\w*|NATO|"
                      r"U\.S\.|US|United States|Pentagon|Biden|Belarus|Britain|UK|Poland|Germany)\b")


# A country named as where troops are, not whose they are: "on Ukraine's border", "into Ukraine".
_WHERE_BEFORE = re.compile(r"\b(?:at|on|near|along|to|into|in|inside|toward|towards|around|across|"
                           r"from)\s+(?:the\s+)?$")
_WHERE_AFTER = re.compile(r"(?:['’]s)?\s+(?:border|borders|frontier)\b")


def deployer_side(text: str, last: bool = True) -> str | None:
    """Whose troops: the country named last before them (or first in the sentence before), not
    counting countries named as where they are."""
    found = None
    for m in _COUNTRY.finditer(text):
        if _WHERE_AFTER.match(text, m.end()) or _WHERE_BEFORE.search(text, max(0, m.start() - 12),
                                                                      m.start()):
            continue
        found = m
        if not last:
            break
    if found is None:
        return None
    w = found.group(1)
    if w in ("Russia", "Russian", "Moscow", "Kremlin", "Putin"):
        return "russia"
    if w in ("Ukraine", "Ukrainian", "Kyiv") or w.startswith("Zelensk"):
        return "ukraine"
    return "other"


def figure_side(text: str, at: int, *, category: str, group: str, stated: str | None,
                reporter: str | None, reporter_actor: Actor | None, before: Sequence[str],
                default: Callable[[], str], recent: str | None = None, on: date | None = None) -> str:
    """The side of the count at offset `at` of sentence `text`; `stated` is the side its own noun
    phrase gave, `reporter_actor` the registry's entry for its source, `before` the sentences
    before it, `recent` the side of people harmed in the sentences just before (a story goes on
    about the same people: "seven are missing"), `on` the day the places it names are taken as
    held (the start of its period); `default()` gives the side when nothing else does."""
    previous = before[-1] if before else ""
    if not stated and _BOTH.search(text, max(0, at - 60), at + 80):
        return "unknown"  # "over 200,000 military casualties on both sides"
    if category == "deployed":
        # Whose troops: a country before them, the one announcing them, or the last sentence's.
        return stated or deployer_side(text[:at]) or _SIDE_OF.get(
            reporter_actor.country if reporter_actor else "") or deployer_side(reporter or "") \
            or deployer_side(previous, last=False) or "unknown"
    side = stated or (_arrest_side(text, at, before) if category == "captured" else None) \
        or ("other" if _GLOBAL.search(text, max(0, at - 60), at) else None) \
        or (_source_side(reporter_actor, reporter)[0] if _ADMITTED.search(text, max(0, at - 60), at) else None) \
        or _loser_side(text, at) or _agent_side(text, at) \
        or _reporter_side(reporter_actor, reporter, group, category, text) \
        or (_earlier_agent_side(text, before) if category in HARMED else None)
    if category == "displaced" and group == "military":
        side = side or deployer_side(text[:at])  # troops or crew evacuated: the named country's
    if side or category not in HARMED:
        return side or place_side(text, on) or place_side(previous, on) or default()
    if _COUNTRY.search(text):
        recent = None  # a sentence naming a country may have moved on to other people
    return place_side(text, on) or foreign_side(text, previous) or recent or place_side(previous, on) \
        or default()
