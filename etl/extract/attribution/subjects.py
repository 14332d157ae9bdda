"""Which phrase of a clause is the speaker, and where it starts.

Subjects on the left of the verb ("Natalia Humeniuk, a spokesperson for the southern command,
told", "the governor of the region, Vitaliy Kim, said", "Russia, which invaded ..., denies"),
inverted subjects on its right ('"...," said Valentyn Reznichenko, the governor of ...'), and the
subject opening a clause that a participle continues ("Russian authorities sought to ..., saying").
The phrase found is read by phrases.py and resolved by resolve.py.
"""
from __future__ import annotations

import re

from etl import rules
from etl.extract.attribution.adverbials import ADVERBIAL, skip_adverbials
from etl.extract.attribution.cues import REPORT_FOLLOWS
from etl.extract.attribution.phrases import (ADJECTIVE, CONNECTIVES, sentence_adverb, MODIFIERS, NAME_PARTICLES, PRONOUNS,
                                             SPEAKER_HEADS, TITLE_WORDS, Mention, clean_role,
                                             role_like, role_part, split_mention)


from etl.extract.attribution.resolve import ArticleSpeakers, Resolved
from etl.extract.attribution.units import MASK, Unit
from etl.extract.attribution.verbs import Cue
from etl.extract.calendar_words import MONTHS, WEEKDAY, WEEKDAYS

# An aside between dashes just before the verb ("Local authorities — from Kharkiv to Lviv — have
# warned"): the subject is before it.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|-year-old)")  # "the 47th Brigade", "the 45-year-old"; a bare number ends the phrase
# Lower-case adjectives inside a speaker phrase: "the federal investigative committee".
_ADJECTIVE_ENDING = re.compile(r"[a-z]{3,}(?:al|ive|ian|ic|ary|ory)$")
# "The latest casualty report by the emergency services claimed": the author of the document speaks.
_DOCUMENT_BY = re.compile(r"\b(?:report|statement|data|figures|estimates?|assessment|count|tally|update)\s+"
                          r"(?:(?:released|published|issued|compiled)\s+)?by\s+$")
_ACRONYM_TOKEN = re.compile(r"\([A-Z][\w.-]*\)")
_DAYS = frozenset(WEEKDAYS + MONTHS + ("today", "yesterday", "tonight"))
# An aside between dashes (or spaced hyphens: "Ukraine - one of the largest exporters - dubbed").
_DASH_ASIDE = re.compile(r"\s[—–-]\s[^—–\x00]{1,150}?\s[—–-]\s*$")


def subject_left(unit: Unit, limit: int, end: int, memory: ArticleSpeakers,
                  last_speaker: Resolved | None) -> tuple[int, Resolved] | None:
    """The speaker phrase ending just before the cue at `end`: (start, resolved speaker).

    Handles appositions on either side ("Natalia Humeniuk, a spokesperson for ..., told",
    "the governor of the region, Vitaliy Kim, said") and relative or participial clauses between
    the subject and the verb ("Russia, which invaded ..., denies")."""
    masked = unit.masked
    seg_start = max(limit, masked.rfind(MASK, 0, end) + 1)
    close = re.match(r"[\"”»’]?\s*,?\s*", masked[seg_start:end]) if seg_start > 0 else None
    if close:
        seg_start += close.end()
    seg = masked[seg_start:end]
    aside = _DASH_ASIDE.search(seg)
    if aside:
        seg = seg[:aside.start()]
    pieces = [(m.start(), m.group(0)) for m in re.finditer(r"[^,]+", seg) if m.group(0).strip()]
    if len(pieces) > 1 and len(pieces[0][1].split()) == 1 and sentence_adverb(pieces[0][1]):
        pieces = pieces[1:]  # "Privately, European diplomats said"
    if not pieces:
        return None
    parsed = [_piece_mention(p, memory) for _, p in pieces]
    choice = _relative_antecedent(pieces, memory) or _choose_subject(pieces, parsed, last_speaker)
    if choice is None:
        return None
    if isinstance(choice, Resolved):
        return seg_start + pieces[-1][0], choice
    start, mention = choice
    who = memory.resolve(mention, unit.start + seg_start + start)
    return (seg_start + start, who) if who is not None else None


_PARTICIPLE_MODIFIER = re.compile(r"\s[a-z]{2,}ing\s+(?:on|in|at|near|from|for|with|under|along|inside|"
                                  r"outside|across|around|as)\b[^\x00]*$")


_DESCRIBED = re.compile(r"\s*(?:a|an|the)\s+[^,]*?\b(?:who|whose)\b")
_RELATIVE_END = re.compile(r"(?<=\w)\s+(?:who|which)\s+$")


def _piece_mention(piece: str, memory: ArticleSpeakers) -> tuple[int, Mention | None, bool]:
    """(offset, mention, whole) for the noun phrase ending `piece`; whole when it is all of it."""
    relative = _RELATIVE_END.search(piece)
    if relative:
        # "denied by Moscow who said": the antecedent speaks, even after a preposition.
        off, phrase = np_tail(piece[:relative.start()])
        mention = split_mention(phrase, memory.registry) if phrase else None
        return off, mention, False
    participle = _PARTICIPLE_MODIFIER.search(piece)
    if participle:
        # "Ukrainians fighting on the eastern frontline estimated": the noun before the participle.
        off, phrase = np_tail(piece[:participle.start()])
        mention = split_mention(phrase, memory.registry) if phrase else None
        if mention is not None and mention.kind != "pronoun" and not _after_preposition(piece[:off]):
            lead = piece[:off].split()
            return off, mention, all(w.lower().strip(",") in CONNECTIVES for w in lead)
    off, phrase = np_tail(piece)
    if not phrase:
        return off, None, False
    if _after_preposition(piece[:off]) and not _DOCUMENT_BY.search(piece, 0, off):
        return off, None, False
    mention = split_mention(phrase, memory.registry)
    lead = piece[:off].split()
    whole = all(w.lower().strip(",") in CONNECTIVES or w in ("Also", "Now", "Then") for w in lead)
    return off, mention, whole


def _relative_antecedent(pieces: list[tuple[int, str]], memory: ArticleSpeakers) -> tuple[int, Mention] | None:
    """'an interview with a masked soldier, who said': the noun phrase before ', who' speaks,
    even as the object of a preposition."""
    if len(pieces) < 2 or not re.fullmatch(r"\s*who\s*", pieces[-1][1]):
        return None
    p_off, prev = pieces[-2]
    off, phrase = np_tail(prev)
    mention = split_mention(phrase, memory.registry) if phrase else None
    if mention is None or mention.kind == "pronoun":
        return None
    return p_off + off, mention


def _choose_subject(pieces, parsed, last_speaker):
    n = len(pieces)
    off, mention, whole = parsed[-1]
    last = pieces[-1][1]
    is_person = mention is not None and mention.kind.startswith("person")
    if n >= 2:
        p_off, prev = pieces[-2]
        q_off, q_mention, q_whole = parsed[-2]
        q_person = q_mention is not None and q_mention.kind.startswith("person")
        # "Natalia Humeniuk, a spokesperson for the southern command, told"
        role = role_part(last)
        if q_person and q_whole and _DESCRIBED.match(last) and not is_person:
            # "Ms Phillips, a Ukrainian who has lived in Swansea and married a Welshman, said"
            return p_off + q_off, Mention(q_mention.text, q_mention.name, q_mention.role or (
                clean_role(role) if role_like(role) else None), q_mention.kind)
        if (role_like(role) or mention is not None and mention.kind == "title" and whole) \
                and not is_person and q_person and q_whole:
            return p_off + q_off, Mention(q_mention.text, q_mention.name,
                                          q_mention.role or clean_role(role), q_mention.kind)
        # "the governor of the region, Vitaliy Kim, said"
        if is_person and whole and role_like(prev) and not q_person:
            role_start = len(prev) - len(prev.lstrip())
            lead = prev.split()
            while lead and lead[0].lower() in CONNECTIVES:
                role_start = prev.index(lead[1]) if len(lead) > 1 else role_start
                lead = lead[1:]
            return p_off + role_start, Mention(mention.text, mention.name,
                                               mention.role or clean_role(prev), mention.kind)
        # "The mayor of Kharkiv, Ukraine's second largest city, said": an apposition to the place.
        if q_mention is not None and q_whole and mention is None and _apposition(last):
            return p_off + q_off, q_mention
        # "Russia, which invaded Ukraine, denies"; "Myroslava, walking past ..., told us"
        if re.match(r"\s*(?:who|which|whose)\b", last) or mention is None and last.strip()[:1].islower():
            if re.fullmatch(r"\s*who\s*", last) and last_speaker is not None:
                return last_speaker
            for (p_off, _), (q_off, q_mention, q_whole) in zip(pieces[:-1], parsed[:-1]):
                if q_mention is not None and q_whole:
                    later = [p for _, p in pieces[pieces.index((p_off, _)) + 1:]]
                    if all(p.strip()[:1].islower() for p in later):
                        return p_off + q_off, q_mention
            return None
    if mention is None:
        return None
    return pieces[-1][0] + off, mention


_PARTY_LABEL = re.compile(r"[RDI]-[A-Z][A-Za-z.]*$")


def _apposition(piece: str) -> bool:
    """A short noun phrase set off by commas ("Ukraine's second largest city", "a port city")."""
    words = piece.split()
    if len(words) == 1 and _PARTY_LABEL.match(words[0]):
        return True  # "Rep. Lee Zeldin, R-N.Y., said"
    if not 1 <= len(words) <= 8 or not re.match(r"(?:the|a|an|its|his|her|their|[A-Z][\w.-]*['’´]s)$", words[0]):
        return False
    return not any(w.lower() in _NOT_IN_NP or re.search(r"\w(?:ed|ing|ly)$", w) for w in words)


_NOT_IN_NP = frozenset("""is are was were has have had will would can could did do does said says be been
being that which who whom when while because if but as than""".split())
_PREPS = frozenset("of for at in to from with on".split())


def _description(tokens: list[re.Match]) -> int | None:
    """Start index when the tokens are one descriptive noun phrase: 'the head of the water
    company', 'foreign ministers of the Group of Seven industrialized democracies'."""
    words = [t.group(0) for t in tokens]
    i = 0
    while i < len(words) and (words[i].lower() in CONNECTIVES or words[i] in ("Also", "Now")):
        i += 1
    p = next((k for k in range(i + 1, len(words)) if words[k] in _PREPS), None)
    if p is None or len(words) - p > 10 or any(w.lower() in _NOT_IN_NP or MASK in w for w in words[i:]):
        return None
    head = words[p - 1].lower()
    if head not in SPEAKER_HEADS and head not in TITLE_WORDS:
        return None
    for w in words[i:p - 1]:
        low = w.lower()
        if not (w[:1].isupper() or low in MODIFIERS or low in SPEAKER_HEADS or low in TITLE_WORDS
                or re.search(r"['’´]s$|-year-old$|-(?:installed|backed|based|appointed|led)$", low)):
            return None
    return i


def _after_preposition(text: str) -> bool:
    """The phrase follows a preposition, so it is an object, not a subject ("living in Kyiv")."""
    return bool(re.search(r"\b(?:in|at|from|of|to|near|with|by|for|on|into|across|about|against|"
                          r"over|under|between|than|like)\s+$", text))


_FUNCTION_WORDS = frozenset("""that which who whom whose of in on at to for with by from and or but as after before
since when while than like about into over under between against during without""".split())


def _back_to_determiner(tokens: list[re.Match], i: int) -> int:
    """ "The British oil company said": a noun modifier the word lists do not know ("oil") still
    belongs to the phrase when a determiner opens it a word or two before."""
    if i == 0 or i == len(tokens) or tokens[i].group(0).lower() in ("the", "a", "an"):
        return i
    for k in range(i - 1, max(-1, i - 4), -1):
        word = tokens[k].group(0)
        if word.lower() in ("the", "a", "an"):
            return k
        if not (word.isalpha() and (word.islower() or ADJECTIVE.search(word))) or word.lower() in _FUNCTION_WORDS:
            return i
    return i


def np_tail(piece: str) -> tuple[int, str]:
    """Offset and text of the noun phrase that ends `piece`."""
    tokens = list(re.finditer(r"\S+", piece))
    if len(tokens) >= 2 and tokens[-1].group(0).lower() in ("itself", "himself", "herself", "themselves"):
        tokens.pop()  # "the Kremlin itself has admitted"
    if tokens and tokens[-1].group(0).lower() in PRONOUNS:
        return tokens[-1].start(), tokens[-1].group(0).lower()
    whole = _description(tokens)
    if whole is not None:
        return tokens[whole].start(), piece[tokens[whole].start():tokens[-1].end()]
    i = len(tokens)
    while i > 0:
        tok = tokens[i - 1].group(0)
        if MASK in tok or any(c in tok for c in "\"“”«»:;()") and not (i == len(tokens) and _ACRONYM_TOKEN.fullmatch(tok)):
            break
        low = tok.lower().strip(".")
        if tok[0].isupper() or _ORDINAL.fullmatch(tok) and i < len(tokens) \
                or i == len(tokens) and _ACRONYM_TOKEN.fullmatch(tok):
            i -= 1
            continue
        base = re.sub(r"['’´]s$|s['’´]$", "", low)
        possessive = base != low and i < len(tokens)  # "the region’s administration"
        if low in MODIFIERS or low in SPEAKER_HEADS or low in TITLE_WORDS or low in NAME_PARTICLES \
                or base in SPEAKER_HEADS or base in MODIFIERS or possessive \
                or low.endswith("s") and low[:-1] in SPEAKER_HEADS \
                or i < len(tokens) and _ADJECTIVE_ENDING.search(low) \
                or re.search(r"-(?:installed|backed|based|appointed|led|held|run|owned|born)$", low):
            i -= 1
            continue
        break
    i = _back_to_determiner(tokens, i)
    while i < len(tokens) and tokens[i].group(0).lower() in ("of", "for", "to", "in", "at", "and", "on"):
        i += 1
    while i < len(tokens) and (tokens[i].group(0).lower().strip(",") in CONNECTIVES
                               or tokens[i].group(0) in ("Also", "Now", "Then")):
        i += 1
    # "(On) Wednesday a Ukrainian commander said": the day opens the clause, not the speaker.
    while i + 1 < len(tokens) and tokens[i].group(0).lower().strip(",") in _DAYS \
            and tokens[i + 1].group(0).lower() in ("a", "an", "the"):
        i += 1
    if i >= len(tokens):
        return len(piece), ""
    # A lone lower-case modifier is not a speaker ("and", "the").
    phrase = piece[tokens[i].start():tokens[-1].end()]
    return tokens[i].start(), phrase


# A word that can open a predicate: an auxiliary, an adverb, a regular or a common irregular verb.
_FINITE = (r"(?:on|in|at|last|this|earlier|late|early|has|have|had|is|was|are|were|will|would|could|"
           r"can|may|might|must|should|did|does|do|"
           r"also|then|later|quickly|[a-z]+ly|[a-z]+ed|[a-z]+s|went|sought|took|made|gave|came|said|told|"
           r"kept|held|left|met|began|ran|sent|spent|stood|brought|thought|felt|fought|found|got|led|"
           r"lost|put|saw|set|won|wrote|spoke|struck|hit|cut|let|knew|grew|drew|threw|flew|rose|fell|"
           r"chose|broke|drove|shook|shot|paid|sold|built|meant|heard|sat|stuck|say|tell|insist|claim|"
           r"warn|deny|accuse|urge)\b")
# "But", then an opening adverbial with its comma ("On Monday, "), before a clause's subject.
_CLAUSE_LEAD = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Also|Still)\s+)?(?:(?:In|On|At|After|Before|During|For|With|By|Two|Three|"
    r"Several|Hours|Days|Weeks|Earlier|Later|Meanwhile|However|Elsewhere|Last|This|Since)\b[^,\x00]{0,60},\s*)?")


_CLAUSE_SUBJECT = re.compile(
    r"\s*((?:(?:[A-Z][\w'’´.-]*|the|of|and|a|an|[a-z]+['’´]s|(?:" +
    "|".join(sorted(SPEAKER_HEADS | {"local", "regional", "military"})) + r"))\s+){0,5})(?=" + _FINITE + ")")


def clause_subject(unit: Unit, memory: ArticleSpeakers) -> Resolved | None:
    """The subject opening the unit ("Russian authorities sought to ..., saying ...")."""
    lead = _CLAUSE_LEAD.match(unit.masked)
    m = _CLAUSE_SUBJECT.match(unit.masked, lead.end())
    if not m or not m.group(1).strip():
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    while words and words[0].lower().strip(",") in CONNECTIVES:
        words = words[1:]
    if not words:
        return None
    mention = split_mention(" ".join(words), memory.registry)
    return memory.resolve(mention, unit.start) if mention else None


# The speaker phrase after an inverted verb, up to a comma, the sentence end or a date ("said
# U.N. spokesman Stephane Dujarric on Monday"); dots inside abbreviations belong to it.
_INVERTED_SPEAKER = re.compile(
    r"\s+((?:the|a|an|his|her|its|their|one|another|some|two|three|several|"
    # a lower-case title or head opening the phrase: "said governor Ivan Petrenko", "said officials"
    + rules.alternation(TITLE_WORDS | SPEAKER_HEADS)[3:-1] + r"|[A-Z](?:[\w'’´-]|\.(?=\w))*"
    r"(?:\.(?!\s*$))?)(?:\s+(?:(?:[\w'’´-]|\.(?=\w))+(?:\.(?!\s*$))?))*?)"
    r"(?=,|\.\s*$|\.$|\s*$|\s+(?:on|in|at|late|early)\s|\s+" + WEEKDAY + ")")


def inverted_speaker(unit: Unit, cue: Cue, memory: ArticleSpeakers) -> tuple[Resolved, int] | None:
    """Speaker written after the verb: 'said Valentyn Reznichenko, the governor of ...'."""
    masked = unit.masked
    pos = cue.verb_end
    adv = ADVERBIAL.match(masked, pos)
    if adv and adv.end() > pos:
        pos = adv.end()
    m = _INVERTED_SPEAKER.match(masked, pos)
    if not m:
        return None
    phrase = m.group(1)
    if len(phrase.split()) > 7:
        return None
    mention = split_mention(phrase, memory.registry)
    if mention is None or REPORT_FOLLOWS.match(masked, skip_adverbials(masked, m.end())):
        return None  # '..., Rafael Grossi, warned the U.N. Security Council that ...': a recipient
    end = m.end()
    rest = masked[end:]
    app = re.match(r",\s+((?:(?:who|which)\s+(?:is|was)\s+)?(?:the|a|an|[a-z])[^,\x00]*?)(?=\s*[.]?\s*$|,)", rest)
    role = role_part(re.sub(r"^(?:who|which)\s+(?:is|was)\s+", "", app.group(1))) if app else ""
    if app and not role_like(role):
        app = None  # ", who left the city in May": a clause about the speaker, not their role
    if app and mention.kind.startswith("person"):
        mention = Mention(phrase, mention.name, mention.role or clean_role(role), mention.kind)
        end += app.end()
    elif mention.kind in ("group", "title") and (named := re.match(
            r",\s+([A-Z][\w'’´.-]*(?:\s+[A-Z][\w'’´.-]*){1,3})(?=\s*[.,]?\s*$|,)", rest)):
        person = split_mention(named.group(1).rstrip("."), memory.registry)
        if person is not None and person.kind.startswith("person"):
            mention = Mention(named.group(1), person.name, clean_role(phrase), person.kind)
            end += named.end()
    else:
        app2 = re.match(r",\s+([A-Z][^,\x00]*?)(?=\s*[.]?\s*$)", rest)
        if app2 and mention.kind.startswith("person") and role_like(app2.group(1)):
            mention = Mention(phrase, mention.name, mention.role or clean_role(app2.group(1)), mention.kind)
            end += app2.end()
    who = memory.resolve(mention, unit.start + cue.start)
    return (who, end) if who is not None else None
