"""Grammatical gender of a person mentioned in news text, for resolving "he" and "she".

Evidence, strongest first: an honorific or a gendered noun written with the name ("Mrs", "his wife
Inna", "spokeswoman"), a common first name, then the Slavic endings that mark women's surnames
("-ova", "-skaya") and first names ("-a"). Unknown stays None: a wrong guess would hand a quote to
the wrong person.
"""
from __future__ import annotations

import re

from etl import rules

# Nouns and honorifics written with a name, and first names, from data/rules/.
_MALE_WORDS = rules.tagged("gendered_words", "m")
_FEMALE_WORDS = rules.tagged("gendered_words", "f")
_MALE_NAMES = rules.tagged("first_names", "m")
_FEMALE_NAMES = rules.tagged("first_names", "f")
# Slavic women's first names end in -a/-ia/-ya; some men's names and diminutives do too, and some
# are used for both sexes.
_MALE_IN_A = rules.tagged("first_names", "m_in_a")
_EITHER = rules.tagged("first_names", "either")

_FEMALE_SURNAME = re.compile(r"(?:ova|eva|yova|ina|skaya|tskaya|ska|cka|aya)$")


def gender_of(name: str, context_words: list[str] = ()) -> str | None:
    """'m', 'f' or None for the person called `name`, written with `context_words` (the title or
    noun before the name: "his wife", "Mrs")."""
    for word in context_words:
        low = word.lower().strip(",.;:")
        if low in _MALE_WORDS:
            return "m"
        if low in _FEMALE_WORDS:
            return "f"
    tokens = [t.lower().strip(".,") for t in name.split()]
    if not tokens:
        return None
    if tokens[0] in _MALE_NAMES:
        return "m"
    if tokens[0] in _FEMALE_NAMES:
        return "f"
    if len(tokens) >= 2 and _FEMALE_SURNAME.search(tokens[-1]):
        return "f"
    first = tokens[0]
    # A name alone may be a surname ("Nebenzia said"): only a first name before a surname is read
    # by its ending.
    if len(tokens) >= 2 and len(first) > 3 and first.endswith("a") and first not in _MALE_IN_A \
            and first not in _EITHER:
        return "f"
    return None
