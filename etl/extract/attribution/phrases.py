"""The speaker phrase: which words of "US Ambassador to NATO Matthew Whitaker" are the name and which
the role, and whether a phrase can speak at all.

`split_mention` reads one phrase without commas and says what it is: a person (name and role), a
pronoun, a title ("the city's mayor"), a group ("Ukrainian officials") or an organisation ("the
Kremlin"). Which phrase of a clause is the speaker (appositions, relative clauses) is
subjects.py's job; who a pronoun or title refers to is resolve.py's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl import rules
from etl.actors import ActorRegistry
from etl.extract.attribution.genders import gender_of
from etl.extract.calendar_words import MONTHS, WEEKDAYS

# Word lists from data/rules/ (each file says where it came from).
TITLE_WORDS = rules.words("titles")
HONORIFICS = rules.words("honorifics")
NOT_NAME = rules.words("not_names")
SPEAKER_HEADS = rules.words("speaker_heads")
MODIFIERS = rules.words("speaker_modifiers")
COMMON_CAPITALISED = rules.words("common_capitalised")
CONNECTIVES = rules.words("connectives")
FIRST_NAMES = frozenset(form for forms, _ in rules.entries("first_names") for form in forms)
NATIONS = rules.mapping("nations")
NO_SOURCE = rules.words("no_source")
ORGANISATION_HEADS = rules.words("organisation_heads")
_DOCUMENTS = frozenset(rules.phrases("source_nouns", "document"))  # "ukrainian" -> "UA"
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "it": "org", "they": "plural",
            "them": "plural", "its": "org", "his": "m"}


NAME_PARTICLES = frozenset("von van der de da del di bin al le la dos du ter".split())
_CLAUSE_WORDS = frozenset("""is are was were be been being has have had will would can could did do
does continue continues continued there""".split())
_QUANTIFIERS = frozenset("one two three four five six some several many most each both all".split())
_TIME_WORDS = frozenset(WEEKDAYS + MONTHS + ("today", "yesterday"))
_PREPOSITIONS = frozenset("of for to at in from with on".split())
_CAN_SPEAK = frozenset("russia ukraine officials authorities police residents people witnesses".split())
# Nationality and direction adjectives ("American", "Korean", "Western"); not names ending in
# -an such as "Ivan" or "Azerbaijan".
ADJECTIVE = re.compile(r"^(?:[A-Z][a-z]+(?:ern|ian|ean|ese|ish|ic|can|ani|aqi|eli)|German|Thai|Swiss|Dutch|Czech|"
                        r"Greek|French|Irish|Welsh|Scottish|Turkish|Polish)$")


_RELATIVE_CUT = re.compile(r"\s+(?:who|which|whose)\s+")
_PARENTHESISED = re.compile(r"\([A-Z][\w.-]*\)")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|one|another|some)\s+", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÝĀ-Ž][\w’'´-]*[a-zà-ÿā-ž][\w’'´-]*|[A-Z]\.)$")


def bare(token: str) -> str:
    return token.strip(",;:()[]\"“”‘'").lower()


def is_name_token(token: str) -> bool:
    """A capitalised word that can be part of a person's name."""
    word = token.strip(",;:()[]\"“”")
    if not _NAME_TOKEN.match(word):
        return False
    low = word.lower().rstrip(".")
    return low not in NOT_NAME and low not in TITLE_WORDS and word.lower() not in TITLE_WORDS \
        and low not in COMMON_CAPITALISED and low not in SPEAKER_HEADS and "-year-old" not in low \
        and not re.search(r"['’´]s$|s['’´]$", word)


def name_run_start(tokens: list[str]) -> int:
    """Index where the trailing run of name tokens of `tokens` starts (len(tokens) if none)."""
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1]
        if is_name_token(tok):
            i -= 1
        elif tok in NAME_PARTICLES and i < len(tokens) and i >= 2 and is_name_token(tokens[i - 2]):
            i -= 1
        else:
            break
    return i


@dataclass(frozen=True)
class Mention:
    """A speaker phrase split into the name it gives and the role written with it."""

    text: str
    name: str
    role: str | None
    kind: str  # person | pronoun | title | group | organisation


def sentence_adverb(word: str) -> bool:
    """ "Specifically", "Privately": an adverb opening a sentence, set off by a comma, not a name
    ("Vitaly, the driver," is one)."""
    word = bare(word)
    return word.endswith("ly") and word.isalpha() and word not in FIRST_NAMES


def split_mention(phrase: str, registry: ActorRegistry | None = None) -> Mention | None:
    """Name and role of one speaker phrase without commas, or None when it cannot speak."""
    phrase = phrase.strip(" ,;:")
    tokens = phrase.split()
    while tokens and (bare(tokens[0]) in CONNECTIVES or tokens[0].endswith(",") and sentence_adverb(tokens[0])):
        tokens = tokens[1:]
    if not tokens:
        return None
    if len(tokens) >= 2 and _PARENTHESISED.fullmatch(tokens[-1]):
        # "the Russian Federal Security Service (FSB)": the body, its acronym kept with its name.
        inner = split_mention(" ".join(tokens[:-1]), registry)
        if inner is None or inner.kind not in ("organisation", "group"):
            return inner
        return Mention(phrase, f"{inner.name} {tokens[-1]}", inner.role, inner.kind)
    if len(tokens) == 2 and tokens[0] == "The" and registry is not None and registry.kind_of(tokens[1]) == "person":
        return Mention(phrase, phrase, None, "organisation")  # "The Hill reported": an outlet, not Fiona Hill
    low = bare(tokens[-1])
    if len(tokens) == 1 and low in PRONOUNS:
        return Mention(phrase, low, None, "pronoun")
    if re.search(r"['’´]s?$", tokens[-1]) or (len(tokens) == 1 and ADJECTIVE.search(tokens[0])):
        return None  # "Russia's", "Western": not a speaker on their own
    if len(tokens) == 1 and tokens[0].endswith("ing"):
        return None
    if re.search(r"['’](?:ve|d|ll|m|re)$", tokens[-1]):
        return None  # "I've", "we'd": the narrator or a contraction, not a speaker phrase
    place = next((i for i in range(2, len(tokens) - 1) if tokens[i] in ("of", "from")
                  and tokens[i + 1][:1].isupper()), None)
    if place is not None and name_run_start(tokens[:place]) <= place - 2:
        # "Representative Steve Scalise of Louisiana": the person, not an office of a place.
        return split_mention(" ".join(tokens[:place]), registry)
    if re.fullmatch(r"[RDI]-[A-Z][A-Za-z.]*", tokens[-1]):
        return None  # "R-N.Y.": a party and state label
    if "and" in tokens[1:-1] and len(tokens) <= 9 and not any(bare(t) in _PREPOSITIONS for t in tokens) \
            and not tokens[0][:1].isdigit():
        # "Lena and Oleg", "Azerbaijan and Armenia": two speakers saying the same thing.
        cut = tokens.index("and", 1)
        left = split_mention(" ".join(tokens[:cut]), registry)
        right = split_mention(" ".join(tokens[cut + 1:]), registry)
        if left is not None and left.kind == "title" and right is not None and right.kind.startswith("person"):
            # "McDonald's president and CEO Chris Kempczinski": one person with two titles.
            role = " ".join(tokens[:cut]) + " and " + (right.role or "")
            return Mention(phrase, right.name, re.sub(r"^(?:the|a|an)\s+", "", role.strip(), flags=re.I), right.kind)
        if left is not None and right is not None and "pronoun" not in (left.kind, right.kind):
            return Mention(phrase, f"{left.name} and {right.name}", None, "group")
    start = name_run_start(tokens)
    if 0 < start and len(tokens) - start >= 3 and bare(tokens[start - 1]) in ("and", "of", "for", "from", "in"):
        start += 1  # "MP for Orkney and Shetlands Alastair Carmichael": the place ends the title
    if 0 < start < len(tokens) and _described_through(tokens[:start]):
        # "an adviser to Ukrainian President Volodymyr Zelenskyy": the head is the adviser, and the
        # name only says whose adviser; the phrase describes its speaker.
        return Mention(phrase, _LEADING_ARTICLE.sub("", " ".join(tokens)), None, "title")
    kind_at = max((i for i, t in enumerate(tokens[:-1]) if t.islower() and bare(t) in ORGANISATION_HEADS
                   and bare(t) not in TITLE_WORDS), default=None)
    named = tokens[kind_at + 1 + (kind_at is not None and bare(tokens[kind_at + 1]) == "the"):] \
        if kind_at is not None else []
    if named and all(t[:1].isupper() and bare(t) not in _TIME_WORDS and bare(t) not in TITLE_WORDS for t in named):
        # "Russian news outlet Baza", "the state news agency RIA Novosti": an organisation named
        # after its kind.
        role = " ".join(t for t in tokens[:kind_at + 1] if bare(t) not in ("the", "a", "an"))
        return Mention(phrase, " ".join(named), role or None, "organisation")
    single_with_prefix = len(tokens) - start == 1 and start > 0 and (not any(
        bare(t) in TITLE_WORDS or bare(t) in HONORIFICS for t in tokens[:start])
        or any(bare(t) in _PREPOSITIONS for t in tokens[:start]))
    if start < len(tokens) and not single_with_prefix and (
            len(tokens) - start >= 2 or start > 0 or _known_person(tokens[-1], registry) or len(tokens) == 1):
        split = _last_person_start(tokens, start, registry)
        name_tokens = tokens[split:]
        role_tokens = tokens[:start] if split == start else []  # the title was the other person's
        honorific = [t for t in role_tokens if t.lower() in HONORIFICS]
        role_tokens = [t for t in role_tokens if t.lower() not in HONORIFICS]
        while role_tokens and bare(role_tokens[0]) in ("the", "a", "an"):
            role_tokens = role_tokens[1:]
        name = " ".join(name_tokens)
        kind = "person"
        if len(name_tokens) == 1 and not role_tokens and not honorific:
            actor = registry.lookup(name) if registry else None
            kind = "person" if actor is None or actor.kind == "person" else "organisation"
        if role_tokens and all(bare(t) in MODIFIERS or bare(t).endswith(("'s", "’s", "´s"))
                               for t in role_tokens):
            # "Russia's Kim" is not a role; keep the words with the name only if they are titles.
            role_tokens = [t for t in role_tokens if bare(t) in TITLE_WORDS]
        role = " ".join(role_tokens) or None
        gender = gender_of("", honorific)
        return Mention(phrase, name, role, kind if gender is None else kind + ":" + gender)
    # No name: an office, a group or an organisation; its head stands before any preposition
    # ("the head of the water company", "a resident of Kyiv").
    words = [bare(t) for t in tokens]
    if len(words) >= 3 and words[1] == "of" and words[0] in _QUANTIFIERS:
        # "One of the Russian soldiers": the group after "of" speaks.
        rest = split_mention(" ".join(tokens[2:]), registry)
        return Mention(phrase, " ".join(tokens), None, "group") if rest is not None and \
            rest.kind == "group" else None
    prep = next((i for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS), len(words))
    head = words[prep - 1]
    # "The Washington Post", "Reuters Report": a capitalised head after a capitalised word is a name.
    named_head = prep >= 2 and tokens[prep - 1][:1].isupper() and tokens[prep - 2][:1].isupper()
    if (head in NO_SOURCE or head in _DOCUMENTS) and not named_head:
        owner = [t for t in tokens[:prep - 1] if bare(t) not in ("the", "a", "an")]
        if head in NO_SOURCE and not any(t[:1].isupper() or bare(t).endswith(("'s", "’s")) for t in owner):
            return None  # "according to reports", "media reports", "various estimates": nobody named
        if owner and re.search(r"['’´]s$", owner[-1]):
            return split_mention(" ".join(owner)[:-2], registry)  # "the ministry's figures"
        if owner and all(t[:1].isupper() for t in owner):
            if len(owner) == 1 and ADJECTIVE.search(owner[0]):
                return Mention(phrase, " ".join(owner + [tokens[prep - 1]]), None, "group")  # "Western estimates"
            return split_mention(" ".join(owner), registry)  # "U.N. estimates", "Home Office figures"
    if head in SPEAKER_HEADS or head.rstrip("'’´s") in SPEAKER_HEADS:
        kind = "title" if head in TITLE_WORDS else "group"
        return Mention(phrase, _LEADING_ARTICLE.sub("", " ".join(tokens)), None, kind)
    if tokens[prep - 1][:1].isupper() and all(t[:1].isupper() or bare(t) in MODIFIERS for t in tokens):
        text = _LEADING_ARTICLE.sub("", " ".join(tokens))
        institution = bare(tokens[-1]) in NOT_NAME and bare(tokens[-1]) not in _TIME_WORDS
        if text.lower() in COMMON_CAPITALISED - _CAN_SPEAK or not institution and all(
                bare(t) in _TIME_WORDS or bare(t) in MODIFIERS or bare(t) in CONNECTIVES for t in tokens):
            return None  # "earlier Monday", "In March"
        return Mention(phrase, text, None, "organisation")
    return None


def _described_through(prefix: list[str]) -> bool:
    """The words before a name end with "<title or head> <preposition> [<modifiers>] <title>": the
    name is the object of the preposition ("adviser to President X", "official under President Y"),
    not the speaker ("Minister of Ukraine Oleksii Reznikov" has no title after its preposition)."""
    words = [bare(t) for t in prefix]
    return words[-1] in TITLE_WORDS and any(
        w in _PREPOSITIONS | {"under"} and (words[i - 1] in TITLE_WORDS or words[i - 1] in SPEAKER_HEADS)
        for i, w in enumerate(words[1:-1], 1))


def _last_person_start(tokens: list[str], start: int, registry: ActorRegistry | None) -> int:
    """ "Russian President Vladimir Putin Biden (also concluded)": two registry people run together
    by a lost comma; the last one is the subject."""
    if registry is None or len(tokens) - start < 3:
        return start
    for k in range(start + 1, len(tokens) - 1 + 1):
        first, rest = " ".join(tokens[start:k]), " ".join(tokens[k:])
        a, b = registry.lookup(first), registry.lookup(rest)
        if a is not None and b is not None and a is not b and a.kind == b.kind == "person":
            return k
    return start


def _known_person(token: str, registry: ActorRegistry | None) -> bool:
    actor = registry.lookup(token) if registry else None
    return actor is not None and actor.kind == "person"


def role_like(phrase: str) -> bool:
    """A phrase that describes a position ("the governor of ...", "a spokesperson for ...")."""
    words = phrase.lower().replace("’", "'").replace("´", "'").split()
    while words and words[0] in CONNECTIVES:
        words = words[1:]
    if not words:
        return False
    first = phrase.split()[len(phrase.split()) - len(words)]
    if words[0].endswith("ing") or words[0] in ("who", "which", "whose", "where", "when") \
            or len(words) > 12 or any(w in _CLAUSE_WORDS or w.strip(",.").isdigit() for w in words):
        return False  # a clause ("as civilians continue to be displaced"), not a position
    head = title_head(" ".join(words)).rstrip(".,").replace("co-", "co")  # "co-ordinator"
    return (head in TITLE_WORDS or head in SPEAKER_HEADS or head.rstrip("s") in SPEAKER_HEADS) and \
        (words[0] in ("the", "a", "an", "his", "her", "their", "its", "one", "another") or first[:1].islower()
         or "'s" in words[0] or words[0] in TITLE_WORDS or words[0] in NATIONS
         or _ACRONYM.fullmatch(first) is not None)  # "U.S. undersecretary of defense", "Russian envoy"


def role_part(piece: str) -> str:
    """The apposition without the relative clause that may follow it: "a retired US Army general"
    of "a retired US Army general who served as commander in Europe"."""
    return _RELATIVE_CUT.split(piece, 1)[0]


def clean_role(phrase: str) -> str:
    phrase = phrase.strip(" ,")
    words = phrase.split()
    while words and words[0].lower() in CONNECTIVES:
        words = words[1:]
    phrase = re.sub(r"^(?:the|a|an)\s+", "", " ".join(words), flags=re.I)
    phrase = re.sub(r"^(?:\d+|[a-z]+(?:-[a-z]+)?)[- ]year[- ]old\s+", "", phrase, flags=re.I)
    return re.sub(r"^(?:who is|who was)\s+", "", phrase)


def undot(name: str) -> str:
    """Acronyms without their dots, as the guidelines write them: "U.N." -> "UN"."""
    return DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)


DOTTED = re.compile(r"\b[A-Z](?:\.[A-Z]){1,3}\b\.?")


def title_head(phrase: str) -> str:
    """The head noun of a title: 'minister' in "Russia's agriculture minister of ..."."""
    words = [w for w in re.findall(r"[\w'’´.-]+", phrase.lower()) if "year-old" not in w]
    prep = next((i for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS), len(words))
    return words[prep - 1] if words else ""


def plural(name: str) -> bool:
    low = name.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "news")) or " and " in low
