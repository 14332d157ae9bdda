"""Speech verbs and their classes, read from data/rules/speech_verbs.txt, and the cue record.

A cue is where a unit says that someone said something: a speech verb with its auxiliaries
("has since admitted"), "according to", "quoted as saying", a passive with its agent ("condemned
as illegal by Ukraine") or an aside ("which Russia claimed"). The classes say when a verb is speech
at all ("ordered" only before a request) and where its content and speaker stand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl import rules

SPEECH_VERBS = rules.words("speech_verbs")
INVERTIBLE = rules.tagged("speech_verbs", "invertible")
THAT_ONLY = rules.tagged("speech_verbs", "that_only")
DIRECT_ONLY = rules.tagged("speech_verbs", "direct_only")
BESIDE_QUOTE_ONLY = rules.tagged("speech_verbs", "beside_quote")
QUOTE_ONLY = rules.tagged("speech_verbs", "quote_only")
PREDICATIVE_VERBS = rules.tagged("speech_verbs", "predicative")
PREDICATE_ONLY = rules.tagged("speech_verbs", "predicate_only")
PROMISSIVE = rules.tagged("speech_verbs", "promissive")
PROGRESSIVE_SPEECH = rules.tagged("speech_verbs", "progressive")
RECIPIENT_VERBS = rules.tagged("speech_verbs", "recipient")
OBJECT_THAT = rules.tagged("speech_verbs", "object_that")
NAMES_RECIPIENT = rules.tagged("speech_verbs", "names_recipient")
PASSIVE_TO = rules.tagged("speech_verbs", "passive_to")
PASSIVE_SUBJECT = rules.tagged("speech_verbs", "passive_subject")
RETELL = rules.tagged("speech_verbs", "retell")
CITING = rules.tagged("speech_verbs", "citing")
COUNT_ONLY = rules.tagged("speech_verbs", "count_only")
DOCUMENT_ONLY = rules.tagged("speech_verbs", "document_only")
NOUN_TOO = rules.tagged("speech_verbs", "noun")
CONDITIONAL = THAT_ONLY | QUOTE_ONLY | BESIDE_QUOTE_ONLY | DIRECT_ONLY
# "pointed out", "called for": the words one of which must follow the verb.
NEEDS = {form: re.compile(r"\s+(?:" + "|".join(tag.split(":", 1)[1].split(",")) + r")\b")
         for forms, tags in rules.entries("speech_verbs") for tag in tags if tag.startswith("needs:")
         for form in forms}


@dataclass
class Cue:
    start: int        # first character of the cue words (auxiliaries included)
    verb_end: int     # end of the verb
    word: str
    mode: str         # verb | according | quoted_as | embedded | possessor | passive
    speaker_span: tuple[int, int] | None = None
    content_span: tuple[int, int] | None = None  # a passive's reported span ("as ..." complement)
    aside: bool = False  # an embedded report that ends with its aside ("which Russia claimed ...")
    # A predication ("called the protests "extremist"") or a report in progress ("have been urging"):
    # it yields to an attribution after it ('..., the sources added').
    weak: bool = False
