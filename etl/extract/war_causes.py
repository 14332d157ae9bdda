"""Whether the people a figure counts were harmed by war, or by something an article about the war
only mentions: a pandemic, a flood, a school shooting, a nightclub fire, the storming of the US
Capitol, protests in another country.

A sentence that names such a cause is kept only when it also names the means of war ("a missile
hit the covid hospital", "troops opened fire on protesters"); "before the war" does not count as
naming it. Arrests at protests count when the
protests are about the war or in Russia or Ukraine ("anti-war protesters detained in Moscow"),
which the sentence or the one before must say.
"""
from __future__ import annotations

import re

_OTHER_CAUSE = re.compile(
    r"\b(?:covid(?:-19)?|coronavirus|pandemic|virus|infections?|mpox|cancer|earthquakes?|tsunami|"
    r"hurricanes?|typhoon|cyclone|tornado|floods?|flooding|wildfires?|heat ?waves?|droughts?|famine|"
    r"natural disasters?|avalanche|crowd (?:surge|crush)|stampede|trampl\w*|traffic accidents?|"
    r"road accidents?|car (?:crash|accidents?)|gun violence|natural causes|"
    r"struck by a (?:\w+ )?(?:car|truck|bus|train)|overdoses?|narcotics|"
    r"cartels?|gangs?|smuggl\w*|homicides?|mass shootings?|school shootings?|shootings?|shooter|"
    r"gunm[ae]n|shootout|nightclub|blaze|Capitol|insurrection|9/11|"
    r"Sept(?:ember|\.)? 11(?:th)?,? (?:2001|attacks?))\b", re.I)
_PROTEST = re.compile(r"\b(?:protests?|protesters?|protestors?|demonstrators?|demonstrations?|unrest|"
                      r"riots?|rioters|rioting|crackdown)\b", re.I)
# The means of war: any of these makes the harm the war's, whatever else the sentence names.
_COMBAT = re.compile(
    r"\b(?:war(?! on (?:terror\w*|drugs))|wartime|invasion|invaders|troops|soldiers|military|recruits|"
    r"missiles?|shelling|shells|airstrikes?|drones?|artillery|bombs?|bombing|bombardments?|"
    r"explosions?|blasts?|army|(?<!security )forces|mobili[sz]\w*|front ?lines?|combat|fighting|"
    r"occup\w*|offensive|rockets?)\b", re.I)
# "Before the war" names the war only to set a time apart from it.
_PEACETIME = re.compile(r"\b(?:before|prior to) the (?:\w+ )?(?:war|invasion)\b|\bpre-?war\b|"
                        r"\bpeacetime\b", re.I)
# What can happen to people at protests; fleeing a country or being drafted is not done at one.
_HURT_AT_PROTESTS = frozenset({"killed", "injured", "casualties", "captured"})
_WAR_LINK = re.compile(r"\b(?:[Aa]nti-?war|war|invasion|mobili[sz]\w*|call-up|conscription|draft|"
                       r"Russia\w*|Moscow|St\.? Petersburg|Putin|Kremlin|OVD-Info|Ukrain\w*)\b")


def caused_by_war(sentence: str, category: str, previous: str) -> bool:
    """Were the people of a `category` figure in `sentence` harmed by war? `previous` is the
    sentence before, which may say what protests the arrested were at."""
    if _OTHER_CAUSE.search(sentence):
        return bool(_COMBAT.search(_PEACETIME.sub("", sentence)))
    if category not in _HURT_AT_PROTESTS or not _PROTEST.search(sentence) or _COMBAT.search(sentence):
        return True
    return category == "captured" and bool(_WAR_LINK.search(sentence) or _WAR_LINK.search(previous))
