"""Find the counts written in a sentence, in digits or words, with their ranges and qualifiers.

"more than 1,152", "about 40 or 50", "between 15,000 and 20,000", "Thirty-one", "1.5 million",
"a dozen". Numbers that cannot count people are left out here: money, years, ages, percentages,
distances and other units, clock times, day numbers of dates, model numbers such as "Su-25".

Vague quantities ("dozens", "hundreds", "tens of thousands") are kept with qualifier "vague" and,
as ACLED does, a conservative floor as value: the unit the word counts in, so that no one reads a
guess as a count (dozens -> 12, scores -> 20, hundreds -> 100, thousands -> 1,000, tens of
thousands -> 10,000, hundreds of thousands -> 100,000, millions -> 1,000,000; "several hundred"
and "a few hundred" read as "hundreds").

Plain dictionaries and one compiled regex do the parsing: English number words in news are few,
and this keeps a sentence's scan at a few microseconds without a dependency.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
         "tens of thousands": 10_000, "hundreds of thousands": 100_000,
         "several dozen": 12, "several hundred": 100, "several thousand": 1_000,
         "a few dozen": 12, "a few hundred": 100, "a few thousand": 1_000}

QUALIFIERS = {
    "at least": "at_least", "more than": "at_least", "over": "at_least", "upwards of": "at_least",
    "in excess of": "at_least", "above": "at_least", "no fewer than": "at_least",
    "not less than": "at_least", "no less than": "at_least", "just over": "at_least",
    "well over": "at_least", "at least as many as": "at_least",
    "about": "about", "around": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "nearly": "about", "almost": "about",
    "approximately": "about", "close to": "about", "just under": "about", "circa": "about",
    "an approximate": "about", "approx.": "about", "nearly all": "about",
    "up to": "up_to", "as many as": "up_to", "no more than": "up_to", "fewer than": "up_to",
    "less than": "up_to", "under": "up_to", "at most": "up_to",
}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_W = rf"(?:{_WORD})(?:-(?:{_WORD}))?"
# "Eighty six" as some outlets write "Eighty-six": joined after the match (an alternative in
# _NUMBER would be tried at every position of every sentence).
_UNIT_AFTER = re.compile(r"\s+(one|two|three|four|five|six|seven|eight|nine)\b", re.I)
_SCALE = r"(?:hundred|thousand|million|billion)"
# "two hundred and fifty" and "three thousand five hundred" are one number; "two, three" are two.
_WORD_NUMBER = (
    rf"(?:(?:a|{_W})\s+dozen|dozen|(?:a|one)\s+{_SCALE}(?:(?:\s+and)?\s+{_W}(?:\s+{_SCALE})*)*"
    rf"|{_W}(?:\s+{_SCALE})+(?:(?:\s+and)?\s+{_W}(?:\s+{_SCALE})*)*|{_W})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_AFTER = r"(?:\s+(?:hundred|thousand|million|billion)\b)?"
_NUMBER = re.compile(rf"(?<![\w.,])(?:(?:{_DIGITS}){_SCALE_AFTER}|\b{_WORD_NUMBER}\b)(?![\w]|,\d)", re.I)

_VAGUE = re.compile(
    r"\b(?:(?:tens|hundreds) of thousands|(?:several|a few) (?:dozen|hundred|thousand)"
    r"|dozens|scores|hundreds|thousands|millions)\b(?=\s+(?:of|more|others|\w+ed\b|were|have|had))",
    re.I,
)

_QUALIFIER_BEFORE = re.compile(
    r"\b(" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+$",
    re.I,
)
_RANGE_JOIN = re.compile(
    r"\s*(?:-|–|—|\bto\b|\bor\b|\band\b)\s*(?:(" + "|".join(re.escape(q) for q in QUALIFIERS)
    + r")\s+)?$",
    re.I,
)

_MONTH_NAMES = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_EXCLUDE_LEFT = re.compile(
    r"(?:[$€£₴¥]\s*|\b(?:US|USD|EUR|UAH|RUB|GBP|Rs)\s?|[A-Za-z]-|#|\b(?:No|Nos|page|pages|"
    r"Article|Resolution|Section|Chapter|Flight|Route|Highway|Unit|Brigade|number|aged?|ages|ages? of"
    r"|(?:father|mother|parent|mum|mom|dad|grandmother|grandfather|grandparent)s? of|out of"
    r"|every"
    r"|Covid|COVID)\.?\s+|\b(?:aged?|ages? of)\s+\S+\s+(?:and|to|or|-)\s+|\b" + _MONTH_NAMES
    + r"\.?\s+|\d[:.]|\b(?i:children|kids|men|women|people|those|anyone|aged)\s+"
    r"(?:under|over|below|above|between)\s+"
    # "two thirds of the country's 7.8 million children": a population, not the count.
    r"|\b(?:thirds?|quarters?|half|halves|fifths?|tenths?|percent|per cent|%|proportion|share|"
    r"majority|most) of (?:the |its |their |[\w]+['’]s ){0,2}"
    # Numbers in names: "World War Two", "the Group of Seven", "Channel One".
    r"|\b(?:World War|[Ww]orld [Ww]ar|Group of|Channel|Formula|Air Force|Apollo|Catch|Minsk|Covid|"
    r"COVID)[- ]"
    # A population, not people affected: "a population of 100,000".
    r"|\b(?:population|populace|populations) (?:of (?:about |around |some |roughly |nearly |over |"
    r"almost |more than |just over |just under )?|(?:is|was|stands at|numbers|numbered|of) ))$"
)
# "a nation of 44 million", "home to 1.5 million people", "Ukraine's 41 million people": a
# population when the number is one (an apartment block is home to 19 refugees).
_POPULATION_BEFORE = re.compile(
    r"(?:\b(?:an?|the|its) (?:\w+ )?(?:country|nation|city|town|region|metropolis|village|state) of "
    r"|\bhome to |\b[A-Z][\w-]*['’]s\s+(?:pre-?war\s+|entire\s+|total\s+)?)"
    r"(?:about |around |some |roughly |nearly |over |almost |more than )?$")
_POPULATION_AFTER = re.compile(r"\s+(?:people|residents|inhabitants|citizens|population)\b")
# "The average age of the reservists called up ... was 35."
_AGE_BEFORE = re.compile(r"\b(?:average|median|mean)\s+age\b[^.;]*$", re.I)

_EXCLUDE_RIGHT = re.compile(
    r"^(?:\s*(?:%|percent\b|per\s*cent\b|percentage)|[- ](?:year|month|week|day)s?[- ]old"
    # "sentenced to 9 1/2 years", "seven and a half years": a term, not a count.
    r"|\s+1/2\b|\s*½|\s+and a half\b"
    r"|-(?:year|month|week|day|hour|mile|km|metre|meter|foot|ton|story|storey|point|strong)"
    r"|(?:st|nd|rd|th)\b|s\b|/\d|\s+(?:thirds?|quarters?|halves|fifths?|tenths?)\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|CET|o'clock|:\d)"
    r"|\s*(?:years?\s+old|dollars?|euros?|rubles?|roubles?|hryvnias?|hryvnia|pounds?\b|yuan|"
    r"cents?|km\b|kilomet(?:er|re)s?|miles?\b|met(?:er|re)s?\b|m\b|feet|ft\b|sq\b|square|inch|"
    r"tons?\b|tonnes?\b|kg\b|kilograms?|grams?|hectares?|acres?|mph\b|degrees?|gallons?|lit(?:er|re)s?"
    r"|barrels?|bpd\b|megawatts?|MW\b|GW\b|kWh|calibre|caliber|mm\b|cm\b|bcm\b|cubic|votes?\b"
    r"|(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b)"
    r"|\s+" + _MONTH_NAMES + r"\b)",
    re.I,
)
_CHANGE_FROM = re.compile(r"\b(?:rose|risen|rising|rises|climbed|increased|jumped|grew|raised|went up|"
                          r"fell|dropped|decreased|up|down|revised)\s+(?:\w+\s+)?from\s+$", re.I)
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+,\s*$")
_RANGE_OPENER = re.compile(r"\b(?:between|from)\s+$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:\w+\s+){0,2}$", re.I)
# A bare four-digit number in this span is a year unless it plainly counts people.
_YEAR_PEOPLE = re.compile(r"^\s+(?:more\s+|other\s+)?(?:people|persons|civilians|soldiers|troops|"
                          r"children|residents|refugees|servicemen|prisoners)\b", re.I)


@dataclass(frozen=True)
class NumberMention:
    """A count found in a sentence; start..end spans the words, qualifier included."""

    value: int
    value_high: int | None
    qualifier: str
    start: int
    end: int

    @property
    def vague(self) -> bool:
        return self.qualifier == "vague"


def words_to_int(text: str) -> int | None:
    """ "Thirty-one" -> 31, "two hundred and fifty" -> 250, "a dozen" -> 12; None if not a number."""
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[-1] == "dozen":
        # One level only: "two dozen", not "dozen dozen ..." (which would recurse per word).
        count = 1 if words[:-1] in ([], ["a"]) else (
            None if "dozen" in words[:-1] else words_to_int(" ".join(words[:-1])))
        return count * 12 if count else None
    total = current = 0
    seen = False
    for w in words:
        if w in ("and",):
            continue
        if w in ("a", "one") and not seen:
            current, seen = 1, True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


MAX_PEOPLE = 10_000_000_000


def parse_number(text: str) -> int | None:
    """ "1,152" -> 1152, "1.5 million" -> 1500000, "15k" -> 15000, "two" -> 2; else None."""
    text = text.strip()
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(hundred|thousand|million|billion|m|bn|k)?", text, re.I)
    if not m:
        return words_to_int(text)
    number = float(m.group(1).replace(",", ""))
    scale = (m.group(2) or "").lower()
    number *= {"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6,
               "billion": 1e9, "bn": 1e9}.get(scale, 1)
    # No count of people exceeds the world's population; larger runs of digits are ids or garble.
    return round(number) if number <= MAX_PEOPLE else None


def _excluded(sentence: str, start: int, end: int, value: int, qualified: bool) -> bool:
    left = sentence[max(0, start - 24):start]
    right = sentence[end:end + 24]
    if _EXCLUDE_LEFT.search(left) or _EXCLUDE_RIGHT.match(right):
        return True
    if _NAME_BEFORE.search(left) and right.lstrip().startswith(",") and value < 120:
        return True  # "Ivan, 24, a car mechanic": an age
    if "age" in sentence[max(0, start - 100):start] and _AGE_BEFORE.search(sentence, max(0, start - 100),
                                                                            start):
        return True
    if value >= 10_000 and _POPULATION_BEFORE.search(left) and (
            not left.rstrip().endswith(("'s", "’s")) or _POPULATION_AFTER.match(right)):
        return True
    if end - start == 4 and sentence[start:end].isdigit() and 1900 <= value <= 2099 and not qualified:
        return not _YEAR_PEOPLE.match(right)
    return False


def _qualifier(sentence: str, start: int) -> tuple[str, int]:
    m = _QUALIFIER_BEFORE.search(sentence, max(0, start - 24), start)
    if m:
        return QUALIFIERS[m.group(1).lower()], m.start(1)
    return "exact", start


def find_numbers(sentence: str) -> list[NumberMention]:
    """Every count of things in `sentence` that could be a count of people, in text order."""
    raw: list[tuple[int, int, int, bool]] = []
    joined_to = -1
    for m in _NUMBER.finditer(sentence):
        if m.start() < joined_to:
            continue
        value, end = parse_number(m.group(0)), m.end()
        if not value:
            continue  # "zero casualties" counts nobody
        unit = _UNIT_AFTER.match(sentence, end) if m.group(0).lower() in TENS else None
        if unit:
            value, end = value + UNITS[unit.group(1).lower()], unit.end()
            joined_to = end
        qualified = bool(_QUALIFIER_BEFORE.search(sentence, max(0, m.start() - 24), m.start()))
        excluded = _excluded(sentence, m.start(), end, value, qualified)
        raw.append((m.start(), end, value, excluded))
    out: list[NumberMention] = []
    i = 0
    while i < len(raw):
        start, end, value, excluded = raw[i]
        high = None
        if i + 1 < len(raw):
            nstart, nend, nvalue, nexcluded = raw[i + 1]
            join = _RANGE_JOIN.fullmatch(sentence[end:nstart])
            low = _shared_scale(sentence[start:end], sentence[nstart:nend], value, nvalue) \
                if join else value
            if join and not excluded and not nexcluded and nvalue > low and _is_range(
                    sentence, start, end, nstart, low, nvalue):
                value, high, end = low, nvalue, nend
                i += 1
        i += 1
        if excluded:
            continue
        qualifier, qstart = _qualifier(sentence, start)
        opener = _RANGE_OPENER.search(sentence, max(0, qstart - 10), qstart) if high else None
        if opener:
            qstart = opener.start()
        out.append(NumberMention(value, high, qualifier, qstart, end))
    out.extend(_vague(sentence, out))
    out.sort(key=lambda n: n.start)
    return out


_SCALE_WORD = re.compile(r"\s(hundred|thousand|million|billion)$", re.I)


def _shared_scale(low_text: str, high_text: str, low: int, high: int) -> int:
    """ "between 8 and 12 million": the low end takes the high end's scale word."""
    scale = _SCALE_WORD.search(high_text)
    if scale is None or _SCALE_WORD.search(low_text) or low >= 1000:
        return low
    scaled = parse_number(f"{low_text} {scale.group(1)}")
    return scaled if scaled is not None and scaled <= high else low


def _is_range(sentence: str, start: int, end: int, nstart: int, value: int, high: int) -> bool:
    """ "6,000 to 7,000" and "between 60 and 100" are ranges; "killed 7 and injured 11" is not."""
    join = sentence[end:nstart].strip().lower()
    if join.startswith("and"):
        return bool(_BETWEEN_BEFORE.search(sentence, max(0, start - 30), start))
    if join.startswith(("to", "-", "–", "—")):
        # "the toll rose from 10 to 25" is a change, not a range.
        return not _CHANGE_FROM.search(sentence, max(0, start - 40), start)
    if join.startswith("or"):
        return high <= value * 3
    return False


def _vague(sentence: str, exact: list[NumberMention]) -> list[NumberMention]:
    out = []
    for m in _VAGUE.finditer(sentence):
        if any(n.start <= m.start() < n.end for n in exact):
            continue
        out.append(NumberMention(VAGUE[re.sub(r"\s+", " ", m.group(0).lower())], None, "vague",
                                 m.start(), m.end()))
    return out
