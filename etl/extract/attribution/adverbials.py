"""What may stand between a speech verb and its content without being either: auxiliaries and
adverbs before the verb ("has since admitted"), adverbials after it ("said in a statement on
Monday", "wrote on Telegram") and the person told ("told reporters")."""
from __future__ import annotations

import re

from etl import rules
from etl.extract.attribution.units import MASK, count_words
from etl.extract.attribution.verbs import RECIPIENT_VERBS, Cue
from etl.extract.calendar_words import MONTH, MONTHS, WEEKDAY, WEEKDAYS

_ADVERBS = rules.words("attribution_adverbs")
_PERIOD_NOUNS = ("week", "weekend", "month", "year", "morning", "evening", "night", "spring", "summer",
                 "autumn", "fall", "winter")
# Between a subject and its speech verb, ending right before the verb.
AUX = re.compile(
    r"(?:\b(?:" + "|".join(sorted(_ADVERBS)) + r"|(?:last|this|earlier\s+this|late\s+last|early\s+last)\s+"
    r"(?:" + "|".join(_PERIOD_NOUNS) + r")|(?:in|on|at|by|during)\s+(?:early\s+|mid-|late\s+)?" + MONTH +
    r"(?:\s+\d{1,2})?|on\s+" + WEEKDAY + "|" + WEEKDAY + r")\s+)+$"
)
# The last word of an AUX phrase: only then is the (costly) AUX search run.
AUX_LAST = _ADVERBS | frozenset(_PERIOD_NOUNS) | frozenset(MONTHS) | frozenset(WEEKDAYS)
_MEDIA = rules.alternation(rules.phrases("media"))
ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:(?:on|late|early|earlier|later|last|this|next|overnight)\s+)?(?:" + WEEKDAY +
    r"|today|tonight|yesterday|overnight|week|month|year)\b(?:\s+(?:morning|evening|night|afternoon))?"
    r"|\s*(?:in|on|via|during|at|through|to|over)\s+(?:a|an|the|his|her|its|their)?\s*"
    r"(?:[\w'’-]+\s+){0,4}?" + _MEDIA + r"\b(?:\s+(?:channel|"
    r"account|page|post|message|app|call))?(?:\s+(?:posted|published|shared|released)\s+(?:on|to)\s+"
    r"(?:a|an|the|his|her|its|their)?\s*(?:[\w'’-]+\s+){0,2}?(?:channel|account|page|Telegram|"
    r"Twitter|Facebook))?"
    r"|\s*(?:also|again|previously|later|earlier|separately|repeatedly|then|too|publicly|"
    r"cryptically|sarcastically|bluntly|flatly|instead|recently|on\s+Twitter|on\s+Telegram))\b"
)
# "said on Monday that", "told reporters in Kyiv that", 'said during an appearance on "Fox News
# Sunday" that': the "that" after a prepositional phrase.
THAT_AFTER_PP = re.compile(
    r"\s*(?:for(?:\s+[\w'’-]+){1,3}|(?:in|on|at|during|via|through|from|after|before|late|early|earlier|last|this|"
    r"while|when|with|without|by|as|repeatedly|also|to(?=\s+(?:the|a|an|his|her|their|its|[A-Z]|reporters|"
    r"journalists|me|us|him|them)\b))\b(?:[^,.;:\"“”\x00]|[\"“]\x00+[\"”]){0,90}?|" + WEEKDAY +
    r"[^,.;:\"“”\x00]{0,40}?)\s+that\b"
)
RECIPIENT = re.compile(
    r"\s*(?:(?:[\w'’-]+\s+){0,2}?" + rules.alternation(rules.phrases("recipients", "people")) + r"\b"
    r"(?!\s+(?:to|in|on|at|from|across|near)\s+(?:the\s+)?[a-z])|"
    r"(?:us|them|him|her|me|reporters|journalists|lawmakers|parliament|the\s+press|"
    r"(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?" + rules.alternation(rules.phrases("recipients", "audience")) + r")\b|"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?" + rules.alternation(rules.phrases("recipients", "outlet")) +
    r"(?:\s*,?\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)?\b|"
    r"(?:(?:the\s+)?[A-Z][\w.-]*['’]s|his|her|its|their|the)\s+(?:[\w-]+\s+){0,2}?" +
    rules.alternation(rules.phrases("recipients", "group")) + r"\b|"
    # a programme named in quotation marks: 'told "America's Newsroom" on Tuesday that'
    r"[\"“]\x00{1,40}[\"”](?=\s+(?:on|in|that|last|this|earlier)\b|\s*[.,]|,?\s+(?:adding|saying)\b)|"
    r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
# Lines flattened into one paragraph that are no one's words: section breaks ("said. ___
# Associated Press writer ...", "* * *", "© 2022 BBC"), photo captions and credits ("Photographer:
# Al Drago/Bloomberg via Getty Images", "(AP Photo/Evgeniy Maloletka)") and embedded posts ("A post
# shared by Ashton Kutcher (@aplusk)", "pic.twitter.com/x — Name (@handle) March 3, 2022").
SEPARATOR = re.compile(
    r"\s(?:_{2,}|\*\s\*\s\*|©)\s|A post shared by [^()\x00]{1,80}\(@\w+\)|"
    r"Photo(?:graph|grapher)?:\s[^\"“\x00.]{1,80}?(?:Images|/AP|/AFP|/Reuters|/Bloomberg|/EPA|/Shutterstock|"
    r"/The Guardian|/The Observer|/[A-Z][\w-]+)\b(?:\s+via\s+Getty\s+Images)?\)?|\((?:AP|AFP|Reuters|EPA) Photo[^)\x00]{0,80}\)|[\w.-]+/Getty Images\)?|"
    r"pic\.twitter\.com/\w+|—\s[^—\x00]{1,60}\(@\w+\)(?:\s[A-Z][a-z]+\s\d{1,2},\s\d{4})?")
# Strings one of which every separator holds: a cheap test before the costly search.
_SEPARATOR_KEYS = ("__", "* *", "©", "A post shared", "Photo", "Getty", "pic.twitter", "(@")


def separator(text: str, start: int, end: int) -> re.Match | None:
    """The first separator in text[start:end], if any."""
    if not any(text.find(key, start, end) != -1 for key in _SEPARATOR_KEYS):
        return None
    return SEPARATOR.search(text, start, end)


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\"“]|$)")
# A clause or phrase that qualifies the attribution, not reported content ("said as their forces
# fought", "said in a statement after the strike").
SUBORDINATE = re.compile(r"(?:as|while|when|after|before|because|since|amid|despite|though|although|"
                         r"without|in|on|at|during|following|ahead|from|with|via|through|to|for|by|of|"
                         r"about|under|over|into|near|outside|inside|across|against|late|early|earlier|"
                         r"later|shortly|hours|days|weeks|minutes)\b")


def skip_adverbials(masked: str, pos: int) -> int:
    """`pos` moved past adverbials ("on Telegram", "late on Monday")."""
    while True:
        adv = ADVERBIAL.match(masked, pos)
        if not adv or adv.end() == pos:
            return pos
        pos = adv.end()


def clause_ends(masked: str, pos: int) -> bool:
    """Only adverbials stand between `pos` and the end of the clause ("on his Telegram channel.")."""
    return bool(_CLAUSE_END.match(masked, skip_adverbials(masked, pos)))


def attribution_only(masked: str, cue: Cue, nxt: Cue | None) -> bool:
    """Nothing but adverbials, a recipient or a participle follows the verb: '..., X said on
    Telegram.' (unlike 'As part of its proposal, Russia insisted on the repatriation ...')."""
    end = len(masked) if nxt is None else nxt.start
    pos = cue.verb_end
    if cue.word in RECIPIENT_VERBS:
        r = RECIPIENT.match(masked, pos)
        pos = r.end() if r else pos
    pos = skip_adverbials(masked, pos)
    sep = separator(masked, pos, end)
    rest = masked[pos:sep.start() if sep else end].strip(" .")
    # 'said of the bombing', 'said as ...' qualify the attribution; 'confirmed the "massive
    # strike"' has a quoted object, which is content however short.
    return not rest or rest.startswith(",") or bool(SUBORDINATE.match(rest)) \
        or count_words(rest) <= 4 and MASK not in rest
