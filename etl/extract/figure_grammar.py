"""Which counts of a sentence are figures, and what each counts.

For each count in a sentence (numbers.py) the category comes from the casualty words that stand in
a grammatical relation to it, tried in this order:
  1. its own noun phrase: "53 wounded soldiers", "1,000 deaths", "80,000 deaths and injuries";
  2. its predicate: "589 people were killed", "were reported wounded", "residents of the village
     of X were killed", "were among those held captive";
  3. the verb it is the object of: "killing three", "wounded 89 people", "claimed to have killed";
  4. a total it is the value of: "the death toll ... climbed to 25", "estimates of Russian dead
     have ranged from 15,000";
  5. the count it is coordinated with or part of: "7 killed and 11", "including 1,000 children";
  6. context, for prisoners and troops only: a swap or exchange makes people "captured"; a
     deployment word near troops ("massed", "near the border", "increase the number of troops")
     makes them "deployed".
A count whose noun names things ("9 warplanes", "24 hours") is not a figure, nor is the doer of an
active verb ("two soldiers murdered her husband"). Words that "destroy" or "eliminate" things as
well as people make a killed figure only of a count that names people. A part of a count
("20 soldiers, including two colonels") is a figure of its own. The people's group
and side come from the same noun phrase ("Ukrainian civilians"), else from the count they are
joined to or the owner before them ("Russian forces have sustained up to 80,000 deaths").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extract.figure_words import (
    COMPOUND_HEADS, FUNCTION_WORDS, GROUP_NOUNS, MILITARY_CONTEXT_NOUNS, MODIFIERS,
    NATIONALITY, NP_CUES, NUMBER_WORDS, THING_NOUNS, Token, cue_covering, find_cues, may_count,
    token_span, tokenize)
from etl.extract.numbers import NumberMention, find_numbers
from etl.extract.sides import deployer_side

_TROOPS_BEFORE = re.compile(r"\b(?:troops|soldiers|servicemen|armed forces|army|personnel|"
                            r"reservists|conscripts|contingent)\b[^.;:]*$", re.I)
_MILITARY_CONTEXT = re.compile(r"\b(?:troops|soldiers|servicemen|armed forces|army|military|tanks|"
                               r"front ?line|battalion|brigade|regiment|unit)\b", re.I)
# Who the people were, said after the count: "70,000 killed and wounded among its military forces",
# "two men who died fighting in Ukraine".
_GROUP_AFTER = re.compile(
    r"[^.;:]{0,40}?\bamong\s+(?:(?:the|its|their|his|our)\s+)?(?:(?:Russian|Ukrainian|own|regular|"
    r"armed|military|enemy)\s+)*(?P<among>\w+)"
    r"|[^.;:]{0,40}?\b(?:died|killed|perished|fell)\s+(?:while\s+)?(?:fighting|in combat|in action|"
    r"in battle|on the battlefield|at the front)\b", re.I)
# Where captives are held: people moved there are no troops deployed.
_HELD = re.compile(r"\b(?:prison|prisons|penal colony|prison colony|captivity|detention|filtration camps?)\b", re.I)
# "secured the release of 64 soldiers": people released are people who were held.
_CAPTIVE_CONTEXT = re.compile(r"\b(?:swap|exchange[sd]?|prisoners? of war|pows?|captivity|release of)\b", re.I)
_RELEASED = re.compile(r"\b(?:released|release of|freed|returned home|brought home|handed over|repatriated|"
                       r"exchanged|swapped|part of (?:the|an?) (?:exchange|swap))\b", re.I)

# Between a count and its predicate: auxiliaries, adverbs, "reported", "known to have been".
_PREDICATE_SKIP = frozenset(
    """were was is are have has had been be being will would reportedly also later confirmed reported
    thought believed known estimated said feared presumed to who which that now already so far since
    then still subsequently among those them all more others other as recently allegedly officially
    either both initially apparently remain remains remained left""".split()
)
_NOT_REAL = frozenset("potential possible prospective eligible would-be".split())
_AUXILIARY = frozenset("were was are is have has had".split())
# Where a count's prepositional phrase gives way to another clause: "the mobilisation of 300,000
# civilians in September after suffering major losses".
_PHRASE_STOPS = frozenset("; : after before while since because when amid following despite".split())
_PREPOSITIONS = frozenset("from in of at on near inside outside across aboard".split())
_OBJECT_SKIP = frozenset(
    """at least more than over nearly almost about around roughly some an a estimated up to as many
    another the total of lives upwards no fewer less approximately close just well further
    additional have has had claimed reportedly""".split()
)
_LINK_BEFORE = re.compile(
    r"(?:\b(?:to|at|of|by|reached|hit|is|was|stands|stood|ranged|ranges|range|ranging|exceeded|"
    r"surpassed|topped|passed|past|rose|risen|climbed|now|reaching|near)|[:=,])\s*$", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:toll|tally|count|total|number|figures?|estimates?|numbers)\s+"
                           r"(?:of\s+)?(?:\w+\s+){0,2}$", re.I)
_CLAUSE_BREAK = re.compile(r"\b(?:and|but|while|that|which|who)\b|[;:]")
_CLAUSE_OR_COMMA = re.compile(_CLAUSE_BREAK.pattern + "|,")
_CLAUSE_CUT = re.compile(r"[;:]| - | — | – ")

@dataclass
class Found:
    """One count judged to be a figure, before it becomes a Figure record."""

    number: NumberMention
    category: str
    group: str | None
    side: str | None
    np_end: int  # index of the first token after the count's noun phrase
    rule: str  # which rule of the grammar found the category (README: "Extraction rules")
    part: bool = False  # named as part of the count before: "20 people, including three children"
    # The modal or intention governing the count ("could", "plans"): a count said to be possible,
    # planned or expected rather than real.
    mood: str | None = None


@dataclass
class _Phrase:
    """What the words right after a count say about it."""

    group: str | None = None
    side: str | None = None
    category: str | None = None
    noun_category: str | None = None  # from the people's noun: "refugees", "POWs", "bodies"
    own: bool = False  # "500 of its soldiers": the subject's own people
    head: str = ""  # the people's noun
    end: int = 0
    person: bool = True
    subset: bool = False  # "three of whom", "four of them": part of the count before


def _noun_phrase(tokens: list[Token], i: int, cues, after_person: bool,
                 of_phrase: bool = False) -> _Phrase:
    """Read the words after a count: who they are, and whether they are people at all.

    `after_person` says whether the previous count of the sentence counted people, which is what
    "of them" then refers to ("19 were rescued, four of them wounded"); `of_phrase` that the words
    follow "dozens of", so they must name people.
    """
    p = _Phrase(end=i)
    j = i
    unknown = 0
    # "60 military fatalities": a military modifier names whose deaths when no people noun
    # follows; it is not taken at once, as "40 military vehicles" are no people.
    modifier_group = None
    while j < len(tokens) and j < i + 7:
        word = tokens[j][0]
        if word == "of" and p.group is None and p.category is None and j + 1 < len(tokens):
            nxt = tokens[j + 1][0]
            if nxt in ("whom", "which", "them", "those", "these", "us"):
                p.person = after_person
                p.subset = True
                p.end = j + 2
                return p
            if nxt in ("his", "her", "their", "the", "its", "our"):
                p.own = nxt in ("its", "their", "our")
                j += 2
                unknown = 0
                continue
            break
        if word in ("prisoners", "prisoner") and j + 2 < len(tokens) and tokens[j + 1][0] == "of" \
                and tokens[j + 2][0] == "war":
            p.group = "other"
            j += 3
            break
        if word in THING_NOUNS and p.group is None or word in _NOT_REAL:
            p.person = False  # "eight buses carrying evacuees", "25 million potential fighters"
            return p
        cue = NP_CUES.get(word)
        if cue and word.endswith("ed") and _object_follows(tokens, j + 1, nouns=False):
            break  # a verb, not an adjective: "40 captured the village"
        if cue and word not in GROUP_NOUNS and not unknown:
            p.category = _join_categories(p.category, cue)
            j += 1
            if j + 1 < len(tokens) and tokens[j][0] in ("and", "or") and tokens[j + 1][0] in NP_CUES \
                    and p.group is None:
                p.category = _join_categories(p.category, NP_CUES[tokens[j + 1][0]])
                j += 2
            continue
        if word in GROUP_NOUNS:
            noun_group = GROUP_NOUNS[word]
            if word == "others" or (word == "more" and p.group is None):
                j += 1
                continue
            if j > i and tokens[j - 1][0] in COMPOUND_HEADS:
                noun_group = COMPOUND_HEADS[tokens[j - 1][0]]  # "military personnel"
            if p.group in (None, "people") or noun_group not in ("people", None):
                p.group = noun_group
            if j + 1 < len(tokens) and tokens[j + 1][0] in THING_NOUNS:
                p.person = False  # "29 fighter jets", "40 police cars"
                return p
            p.side = p.side or NATIONALITY.get(word)
            p.head = word
            if word in NP_CUES:
                p.noun_category = p.noun_category or NP_CUES[word]
            j += 1
            unknown = 0
            if word in ("members", "member") and j + 1 < len(tokens) and tokens[j][0] == "of":
                k = j + 1 + (tokens[j + 1][0] in ("the", "its", "their", "his", "her", "our"))
                if k < len(tokens) and tokens[k][0] in COMPOUND_HEADS:
                    p.group = COMPOUND_HEADS[tokens[k][0]]  # "members of the crew"
                    j = k + 1
                    break
            if j < len(tokens) and tokens[j][0] in GROUP_NOUNS and tokens[j][0] not in ("more", "others"):
                continue  # "family members", "police officers"
            if j < len(tokens) and tokens[j][0] in ("aged", "ages"):
                # "two children aged 4 and 16" (the ages were left out by numbers.py)
                j += 1
                while j < len(tokens) and (tokens[j][0][0].isdigit() or tokens[j][0] in
                                           ("and", "to", "or", "between", "-", "years", "old")):
                    j += 1
            break
        if word in MODIFIERS:
            if word in NATIONALITY and p.side is None:
                p.side = NATIONALITY[word]
            if word == "civilian":
                p.group = "civilians"
            elif word == "military":
                modifier_group = "military"
            j += 1
            continue
        if word in ("\"", "“", "”", "'", "‘"):
            j += 1  # reporting killed 29 "occupiers"
            continue
        if word in FUNCTION_WORDS or not word[0].isalpha() or cue_covering(cues, tokens[j][1]):
            break
        if word.endswith(("ed", "ing")) and not unknown and not _modifies_next(tokens, j, cues):
            break  # a verb: "four trapped in the rubble"
        unknown += 1
        if unknown > 2:
            break
        j += 1
    p.end = j
    if p.group is None and p.category is not None and p.person:
        p.group = modifier_group
    if unknown and p.group is None and p.category is None:
        p.person = False
    if of_phrase and p.group is None and p.category is None:
        p.person = False  # "dozens of its vehicles", "hundreds of miles"
    return p


def _modifies_next(tokens: list[Token], j: int, cues) -> bool:
    """Is the -ed/-ing word at j an adjective before a noun ("armoured vehicles")?"""
    if j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1][0]
    return nxt[0].isalpha() and nxt not in FUNCTION_WORDS and not cue_covering(cues, tokens[j + 1][1]) \
        and nxt not in _PREDICATE_SKIP


def _join_categories(first: str | None, second: str) -> str:
    """ "deaths and injuries" is one casualties count."""
    if first is None or first == second:
        return second
    if {first, second} <= {"killed", "injured", "casualties"}:
        return "casualties"
    return first


def _leaves_phrase(sentence: str, tokens: list[Token], start: int, stop: int) -> bool:
    """Does the stretch leave the count's prepositional phrase (another count, or a comma that
    opens a new clause rather than continuing a list of names)?"""
    for k in range(start, stop):
        word = tokens[k][0]
        if word[0].isdigit() or word in NUMBER_WORDS:
            return True
        if word == "," and k + 1 < stop and not sentence[tokens[k + 1][1]].isupper() \
                and tokens[k + 1][0] != "and":
            return True
    return False


def _predicate_cue(sentence: str, tokens: list[Token], np_end: int, cues, inserted: bool) -> str | None:
    """The casualty word of the count's own predicate ("were killed", "are thought to have fled").

    `inserted`: the count sits in an insertion ("the victims, including one child, burned to
    death"; "a worker - along with three relatives - were killed"), so the predicate follows it.
    """
    j = np_end
    skipped = 0
    if inserted and j < len(tokens) and tokens[j][0] in (",", "-", "—", "–", ")"):
        j += 1
    if j < len(tokens) and (tokens[j][0] in _PREPOSITIONS or tokens[j][0].endswith("ed") and j + 1 < len(
            tokens) and tokens[j + 1][0] in _PREPOSITIONS and not cue_covering(cues, tokens[j][1])):
        # "two residents of the village of X in the Y region were killed", "four trapped in the
        # rubble were killed"
        aux = next((k for k in range(j + 1, min(len(tokens), j + 18))
                    if tokens[k][0] in _AUXILIARY or tokens[k][0] in _PHRASE_STOPS
                    or any(c[0] == tokens[k][1] and c[3] not in NP_CUES for c in cues)), None)
        if aux is None or tokens[aux][0] in _PHRASE_STOPS or _leaves_phrase(sentence, tokens, j, aux):
            return None
        j = aux
    if j + 1 < len(tokens) and tokens[j][0] == "," and tokens[j + 1][0] in _AUXILIARY:
        j += 1  # "two battalion groups, or up to 2,000 more troops, have been sent": an apposition closes
    elif j < len(tokens) and tokens[j][0] == ",":
        # "one doctor, pulled from the rubble, suffered burns"
        close = next((k for k in range(j + 1, min(len(tokens), j + 10)) if tokens[k][0] == ","), None)
        if close is not None and not any(tokens[k][0][0].isdigit() for k in range(j, close)):
            j = close + 1
    if j < len(tokens) and tokens[j][0] == "who":
        # "80 other soldiers who sought to nullify their contracts were detained": past the
        # relative clause, within its clause, to the first auxiliary that a casualty word follows.
        for k in range(j + 1, min(len(tokens) - 1, j + 16)):
            if tokens[k][0] in (",", ";", ":", "and", "but"):
                break
            if tokens[k][0] in _AUXILIARY and any(c[0] == tokens[m][1] for m in range(k + 1, min(len(tokens), k + 3))
                                                  for c in cues):
                j = k
                break
    among = passive = False
    while j < len(tokens) and skipped <= (8 if among else 5):
        word, start, _ = tokens[j]
        cue = next((c for c in cues if c[0] == start), None)
        if cue:
            return None if not passive and _active(tokens, j, cue) else cue[2]
        passive = passive or word in _AUXILIARY or word in ("been", "be", "being")
        if word in _PREDICATE_SKIP or word.endswith("ly") or (among and word[0].isalpha()):
            among = among or word == "among"
            j += 1
            skipped += 1
            continue
        return None
    return None


# Verbs whose object is the one harmed, so that a count before them is the doer.
_HARM_VERBS = frozenset("""killed murdered executed massacred wounded injured hurt captured detained
    arrested abducted kidnapped deported liquidated eliminated neutralised neutralized destroyed""".split())
_OBJECT_START = frozenset("""a an the his her their him them its my our your this that these those
    dozens hundreds thousands""".split())
_TIME_NOUNS = frozenset("""day night week month year morning afternoon evening weekend previous same
    next following last first""".split())


def _active(tokens: list[Token], j: int, cue) -> bool:
    """Is the cue at token j an active verb with an object of its own ("two soldiers murdered her
    husband"), which makes the count before it the doer, not the victim?"""
    if cue[3] not in _HARM_VERBS:
        return False
    return _object_follows(tokens, next((k for k in range(j, len(tokens)) if tokens[k][1] >= cue[1]),
                                        len(tokens)))


def _object_follows(tokens: list[Token], k: int, nouns: bool = True) -> bool:
    """Does an object start at token k ("her husband", "three civilians"), not a time ("this
    week", "the day before")? With `nouns` false only a determiner or pronoun starts one, as
    after a participle that may be an adjective ("53 wounded soldiers")."""
    if k >= len(tokens):
        return False
    nxt = tokens[k][0]
    if nxt in ("this", "that", "these", "those", "last") or (
            k + 1 < len(tokens) and tokens[k + 1][0] in _TIME_NOUNS):
        return False  # "three killed this week", "two killed the day before"
    return nxt in _OBJECT_START or nouns and (nxt[0].isdigit() or nxt in NUMBER_WORDS
                                              or nxt in GROUP_NOUNS)


def _own_predicate(tokens: list[Token], j: int, cues) -> bool:
    """Has the count a verb of its own other than a casualty word ("and 19 were rescued", "and
    200,000 children have been taken to Russia", "and 5 million are in need of aid")? The count
    then says what happened to its people itself, whatever the count before it was."""
    if j < len(tokens) and tokens[j][0] == ",":
        # "5 million children, both inside the country and living as refugees, are in need"
        close = next((k for k in range(j + 1, min(len(tokens), j + 12)) if tokens[k][0] == ","), None)
        j = close + 1 if close is not None else j + 1
    while j < len(tokens) and tokens[j][0] in ("also", "now", "still"):
        j += 1
    if j >= len(tokens):
        return False
    word = tokens[j][0]
    return word in ("were", "was", "are", "is", "have", "has", "had", "remain", "remains", "remained") \
        or word.endswith("ing") and not cue_covering(cues, tokens[j][1])  # "100,000 awaiting evacuation"


def _inserted(tokens: list[Token], first: int) -> bool:
    """Is the count opened by a dash or bracket ("- along with three relatives -")?"""
    for j in range(first - 1, max(-1, first - 5), -1):
        if tokens[j][0] in ("-", "—", "–", "("):
            return True
        if tokens[j][0] in (",", ";", ":"):
            return False
    return False


def _object_cue(tokens: list[Token], first: int, cues) -> str | None:
    """The verb the count is the object of ("killing three", "wounded at least 89")."""
    j = first - 1
    skipped = 0
    while j >= 0 and skipped <= 4:
        cue = cue_covering(cues, tokens[j][1])
        if cue:
            return cue[2] if cue[2] != "deployed" or cue[3] not in ("increase", "boost", "expand") \
                else None
        if tokens[j][0] in _OBJECT_SKIP or tokens[j][0] == "to":
            j -= 1
            skipped += 1
            continue
        return None
    return None


def _total_cue(sentence: str, start: int, cues, clause_start: int) -> tuple[str | None, int]:
    """A count that is the value of a total: "the death toll ... rose to 25"; with where the
    total's word starts, whose adjective ("estimates of Russian dead") says whose dead."""
    if not _LINK_BEFORE.search(sentence, max(clause_start, start - 30), start):
        return None, -1
    for c in reversed([c for c in cues if clause_start <= c[0] and c[1] <= start]):
        if c[3] in ("death toll", "toll"):
            return "killed", c[0]
        if c[2] != "deployed" and _TOTAL_BEFORE.search(sentence, max(clause_start, c[0] - 40), c[0]):
            return c[2], c[0]
    return None, -1


def _deployment(sentence: str, start: int, end: int, cues, group: str | None) -> bool:
    """Troops next to a deployment word: "massed 100,000 troops", "increase troops by 137,000".

    A bare count needs both before it, in its clause: "boost the armed forces to 2.04 million".
    """
    if group not in (None, "military"):
        return False
    lo, hi = max(0, start - 90), (min(len(sentence), end + 60) if group else start)
    if group is None and not _TROOPS_BEFORE.search(sentence, lo, start):
        return False
    breaks = _CLAUSE_BREAK if group is None else _CLAUSE_OR_COMMA
    return any(c[2] == "deployed" and lo <= c[0] < hi and not breaks.search(
        sentence, min(c[1], end), max(c[0], start)) for c in cues)


def _clause_start(sentence: str, pos: int) -> int:
    cut = 0
    for m in _CLAUSE_CUT.finditer(sentence, 0, pos):
        cut = m.end()
    return cut


_DASHES = frozenset("- — – :".split())


def _joined(tokens: list[Token], prev: Found, first: int) -> bool:
    """Is the count at token `first` coordinated with `prev` ("7 killed and 11", "5 and 6 others")
    or set after it to say who its people were ("three people dead – two passersby and ...")?"""
    between = [t[0] for t in tokens[prev.np_end:first]]
    if len(between) > 12 or any(w == ";" for w in between) or ":" in between[:-1]:
        return False
    return not between or between[-1] in ("and", "or", ",", "including", "plus", "another", "with") \
        or between[-1] in _DASHES or "including" in between[-3:] or "among" in between[-3:]


def _apposed(tokens: list[Token], first: int) -> bool:
    """Does a dash or colon right before the count open a list of who the people were?"""
    return first > 0 and tokens[first - 1][0] in _DASHES


_SUBSET_BEFORE = frozenset({("of", "which"), ("of", "whom"), ("of", "them"), ("of", "those"),
                            ("among", "them"), ("among", "those"), ("among", "whom")})


def _subset_before(tokens: list[Token], first: int) -> bool:
    """ "..., of which three are in a critical condition", "Of them, 50,000 are children"."""
    k = first - 1
    if k >= 0 and tokens[k][0] == ",":
        k -= 1
    return k >= 1 and (tokens[k - 1][0], tokens[k][0]) in _SUBSET_BEFORE


def _of_lead(tokens: list[Token], prev: Found) -> bool:
    """ "Of 2 million refugees, about 1 million are children": the sentence opens on the whole."""
    return prev.number.start > 0 and tokens[0][0] == "of" and token_span(
        tokens, prev.number.start, prev.number.end)[0] <= 2


def _group_stated(tokens: list[Token], j: int) -> str | None:
    """ "three of whom were children": the group a subset's own predicate names."""
    if j + 1 < len(tokens) and tokens[j][0] in ("were", "are", "was", "is"):
        return GROUP_NOUNS.get(tokens[j + 1][0]) if tokens[j + 1][0] not in ("more", "others") else None
    return None


_OWNER_NOUNS = {"forces": "military", "army": "military", "military": "military"}


def _group_after(sentence: str, end: int) -> str | None:
    """Who the people counted up to `end` were, said after them: "among its military forces"."""
    m = _GROUP_AFTER.match(sentence, end)
    if m is None:
        return None
    if m.group("among") is None:
        return "military"  # "died fighting"
    noun = m.group("among").lower()
    return _OWNER_NOUNS.get(noun) or (GROUP_NOUNS.get(noun) if noun not in ("them", "those", "others") else None)


def _owner_before(tokens: list[Token], first: int) -> tuple[str | None, str | None]:
    """Whose deaths: "Russian forces have sustained up to 80,000 deaths" -> military, russia."""
    for j in range(first - 1, max(-1, first - 9), -1):
        word = tokens[j][0]
        if word in (",", ";", ":", "-", "—", "–", "and", "but", "that", "which", "who"):
            break
        group = _OWNER_NOUNS.get(word) or (GROUP_NOUNS.get(word) if word not in ("more", "others")
                                            else None)
        side = NATIONALITY.get(word)
        if group or (side and word in ("russian", "ukrainian")):
            if side is None and j > 0:
                side = NATIONALITY.get(tokens[j - 1][0])
            return group, side
    return None, None


# A count said to be possible, planned or expected rather than real: "a strike could kill
# millions", "50,000 will be dead", "plans to accept up to 100,000 refugees".
_MODALS = frozenset("could would might may will shall 'll couldn't wouldn't won't mightn't".split())
_INTENT = frozenset("""plan plans planned planning expected expects expect likely set going aim aims
    aimed intend intends intended threaten threatens threatened threatening ready prepared pledge
    pledged pledges promise promised promises want wants wanted hope hopes hoped goal""".split())
_MOOD_STOP = frozenset(""", ; : ( ) - — – that which who whom when where while but because since and
    or""".split())
# "estimates would indicate around 15,000": a hedged report of a real count.
_REPORTING = frozenset("indicate indicates show shows suggest suggests put say mean".split())
# "a famine that would eventually kill millions": a past told as its future.
_LATER = frozenset("eventually later ultimately soon go".split())


# A clause that sets a condition or a time for the main clause: "if 10,000 more die, ...", "after
# 30,000 more soldiers have perished, no one would ...".
_CONDITIONS = frozenset("if unless once until".split())
_TIMES = frozenset("after when before".split())
_PRESENT = frozenset("have has are is".split())
_MAIN_MODALS = frozenset("would could might will 'll".split())


def _conditioned(tokens: list[Token], first: int, np_end: int) -> str | None:
    """The modal of the main clause, when the count sits in a clause of condition ("if", "once")
    or of a time still to come ("after ... have perished", in the present) that it governs."""
    opener = next((tokens[j][0] for j in range(first - 1, max(-1, first - 4), -1)
                   if tokens[j][0] in _CONDITIONS | _TIMES or tokens[j][0] in _MOOD_STOP), None)
    if opener not in _CONDITIONS | _TIMES:
        return None
    end = next((j for j in range(np_end, min(len(tokens), np_end + 12)) if tokens[j][0] == ","), None)
    if end is None or opener in _TIMES and not any(
            tokens[j][0] in _PRESENT for j in range(np_end, min(end, np_end + 4))):
        return None
    return next((tokens[j][0] for j in range(end + 1, min(len(tokens), end + 10))
                 if tokens[j][0] in _MAIN_MODALS), None)


def _mood(tokens: list[Token], first: int, np_end: int) -> str | None:
    """The modal or intention that governs the count, just before it ("could kill at least",
    "planned to evacuate a total of"), in its predicate ("would be killed", "could die"), or in
    the main clause of the condition it sits in ("if 10,000 more die, the front would break")."""
    conditioned = _conditioned(tokens, first, np_end)
    if conditioned:
        return conditioned
    for span in (range(first - 1, max(-1, first - 7), -1), range(np_end, min(len(tokens), np_end + 3))):
        for j in span:
            word = tokens[j][0]
            if word in _MOOD_STOP:
                break
            following = tokens[j + 1][0] if j + 1 < len(tokens) else ""
            if word in _MODALS and following not in _REPORTING and following not in _LATER \
                    or word in _INTENT and following == "to":
                return word
    return None


_MOBILISED = re.compile(r"[^;:]*?\b(?:drafted|mobili[sz]ed|called up|conscripted|enlisted|"
                        r"sent to join|arrived|sent (?:in)?to (?:the )?(?:Ukraine|front ?lines?|front|conflict zone|"
                        r"combat zone|war zone|war|fight|battle|border))\b", re.I)
# What may follow a bare "one" that counts one person: "One was wounded", "one died".
_DRAFTED = re.compile(r"(?:\s+[a-z][\w-]*){1,3},?\s+(?:were|have been|had been)\s+(?:drafted|mobili[sz]ed|"
                      r"called up|conscripted)\b")
_SUBSET_START = re.compile(r"\s*(?:Of|Among) (?:them|those|these|whom)\b")
_ONE_PREDICATE = frozenset("was has had died remains remained".split())
_FLIGHT = re.compile(r"\b(?:Ukrain\w*|Donbas\w*|refugees?|fled|flee\w*|evacu\w*|schemes?|visas?|asylum|"
                     r"displaced|deport\w*)\b", re.I)
# "no one", "the one killed", "a loved one detained": "one" as a pronoun.
_NOT_A_COUNT_OF_ONE = frozenset("no any every each the loved little".split())


def _own_category(sentence: str, tokens: list[Token], cues, phrase: _Phrase, first: int,
                  total: str | None, inserted: bool) -> tuple[str | None, str | None]:
    """The category the count's own words give, and the rule that found it (rules 1-4 and the
    people's noun: "refugees", "POWs")."""
    if phrase.category:
        return phrase.category, "noun-phrase"
    category = _predicate_cue(sentence, tokens, phrase.end, cues, inserted)
    if category:
        return category, "predicate"
    category = _object_cue(tokens, first, cues)
    if category:
        return category, "object"
    if total:
        return total, "total"
    return phrase.noun_category, "people-noun" if phrase.noun_category else None


def _classify(sentence: str, tokens: list[Token], numbers: list[NumberMention], cues,
              carried: Found | None) -> list[Found]:
    found: list[Found] = []
    after_people = carried is not None  # what "of them" after the next count refers to
    previous_number = None
    for n in numbers:
        previous_number, n_before = n, previous_number
        first, last = token_span(tokens, n.start, n.end)
        if first >= len(tokens):
            continue
        if tokens[first][0] == "one" and first == last and first > 0 \
                and tokens[first - 1][0] in _NOT_A_COUNT_OF_ONE:
            continue
        of_phrase = n.vague and last + 1 < len(tokens) and tokens[last + 1][0] == "of"
        phrase = _noun_phrase(tokens, last + 1 + of_phrase, cues, after_people, of_phrase)
        one = tokens[last][0] == "one"
        if one and last + 1 < len(tokens) and tokens[last + 1][0] == "of":
            # "one of the bodies had signs of torture": only its own predicate makes it a figure.
            phrase.category = phrase.noun_category = None
            phrase.subset = False
        # A bare "one" is a pronoun far more often than a count ("one of the strikes"), unless a
        # casualty predicate follows it at once ("One was wounded while waiting for a bus").
        pronoun = one and phrase.group is None and phrase.category is None and not (
            last + 1 < len(tokens) and tokens[last + 1][0] in _ONE_PREDICATE)
        # People drafted are people, whatever the words for them ("27,000 entrepreneurs").
        after_people = (phrase.person or _DRAFTED.match(sentence, n.end, n.end + 60) is not None) \
            and not pronoun
        if not after_people:
            continue
        prev = found[-1] if found else carried if first <= 3 else None
        # "19 of whom" belongs to the count just before it, when that count is a figure.
        subset = prev is not None and (phrase.subset or _subset_before(tokens, first) or _of_lead(
            tokens, prev)) and (prev is carried or prev.number is n_before)
        joined = prev is not None and prev is not carried and _joined(tokens, prev, first)
        including = any(t[0] in ("including", "among") for t in tokens[max(0, first - 4):first]) \
            or _apposed(tokens, first)
        total, total_at = _total_cue(sentence, n.start, cues, _clause_start(sentence, n.start))
        category, rule = _own_category(sentence, tokens, cues, phrase, first, total,
                                       including or _inserted(tokens, first))
        if category is None and subset:
            category, rule = prev.category, "subset"
            phrase.group = phrase.group or _group_stated(tokens, phrase.end)
        if category is None and joined and not _own_predicate(tokens, phrase.end, cues):
            category, rule = prev.category, "coordination"
        if category is None and phrase.group is not None and _CAPTIVE_CONTEXT.search(sentence) \
                and _RELEASED.search(sentence):
            category, rule = "captured", "exchange"
        if category is None and _deployment(sentence, n.start, n.end, cues, phrase.group):
            category, rule = "deployed", "deployment"
        if category == "eliminated":
            category = "killed" if phrase.group is not None else None
        if category == "displaced" and rule == "predicate" and all(
                c[3].startswith("arrived") for c in cues if c[2] == "displaced"):
            # Arriving makes people displaced only in a story about people fleeing; troops arrive
            # when they are deployed, officials on a visit.
            if phrase.group == "military":
                category = "deployed"
            elif phrase.group == "other" or not _FLIGHT.search(sentence):
                continue
        if category is None:
            continue
        if category == "deployed" and _HELD.search(sentence):
            continue  # "900 of the fighters were moved to a prison colony": captives moved
        if category == "deployed":
            # A deployment announced is news, even in the future tense ("will be called up").
            # People drafted or mobilised are troops whatever they were before ("27,000
            # entrepreneurs were drafted"), and so are draftees.
            if not (rule == "people-noun" or rule == "predicate" and _MOBILISED.match(
                    sentence, n.end, n.end + 80)) \
                    and not _deployment(sentence, n.start, n.end, cues, phrase.group):
                continue
            phrase.group = "military"
        mood = None if category == "deployed" else _mood(tokens, first, phrase.end)
        group, side = phrase.group, phrase.side
        if group is None and (phrase.category or phrase.noun_category):
            group, owner_side = _owner_before(tokens, first)
            side = side or owner_side
        elif category == total and total_at >= 0:
            owner_group, owner_side = _owner_before(tokens, token_span(tokens, total_at, total_at)[0])
            group, side = group or owner_group, side or owner_side
        if joined or subset:
            group = group or prev.group
            side = side or prev.side
        elif group is None and not phrase.head and prev is not None and prev is not carried \
                and category == prev.category:
            group = prev.group  # "Russia had lost 6,000 troops ..., Ukraine had lost about 61,000"
        if phrase.group in (None, "people"):
            # Said right after the count, who they were beats what a count before them was of.
            group = _group_after(sentence, n.end) or group
        if phrase.head in MILITARY_CONTEXT_NOUNS and group == GROUP_NOUNS[phrase.head] \
                and _MILITARY_CONTEXT.search(sentence):
            group = "military"  # "74,840 personnel" in a report on the armed forces
        if side is None and phrase.own:
            side = deployer_side(sentence[:n.start], last=False)
        part = (including and joined or subset) and category == prev.category
        found.append(Found(n, category, group, side, phrase.end, "part" if part and not subset else rule,
                           part, mood))
    return found


def find_figures(text: str, carried: Found | None = None) -> list[Found]:
    """The counts of the sentence `text` that are figures, in text order. `carried` is the last
    figure of the sentence before, which "Of them, 50,000 are children" is part of."""
    if not may_count(text):
        return []
    numbers = find_numbers(text)
    if not numbers:
        return []
    cues = find_cues(text)
    if not cues and not _CAPTIVE_CONTEXT.search(text) and not (carried and _SUBSET_START.match(text)):
        return []
    return _classify(text, tokenize(text), numbers, cues, carried)
