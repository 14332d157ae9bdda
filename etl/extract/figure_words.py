"""The words of war figures: who the people are, and what happened to them.

Lexicons only, plus the scan that finds their words in a sentence; how the words relate to a
count is figure_grammar.py's job.
"""
from __future__ import annotations

import re

Token = tuple[str, int, int]  # lower-cased word, start, end
Cue = tuple[int, int, str, str]  # start, end, category, word

# "U.S." is one word, so that "four U.S. Marines" reads as one noun phrase.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][\w]*(?:['’´][A-Za-z]+)?(?:-[A-Za-z]\w*)*"
                    r"|\d[\d,.]*\d|\d|[^\w\s]")
# A sentence without a digit or one of these words cannot hold a count: most sentences stop here.
# The words are matched in the lower-cased sentence, three times faster than a case-insensitive
# alternation over the millions of sentences of a corpus.
_DIGIT = re.compile(r"\d")
_COUNT_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|dozen|dozens|scores|hundreds|thousands|millions)\b")


def may_count(sentence: str) -> bool:
    """Could the sentence hold a count at all?"""
    return bool(_DIGIT.search(sentence) or _COUNT_WORD.search(sentence.lower()))


def _word_map(groups: dict[str, str]) -> dict[str, str]:
    return {w: key for key, words in groups.items() for w in words.split()}


# --- who the people are -------------------------------------------------------------------
GROUP_NOUNS = _word_map({
    "civilians": """civilian civilians resident residents villager villagers inhabitant inhabitants
        citizen citizens local locals passenger passengers pensioner pensioners woman women
        worker workers employee employees shopper shoppers worshipper worshippers student students
        teacher teachers farmer farmers miner miners family families relative relatives commuters
        parishioners passersby passers-by bystanders pedestrians motorists driver drivers refugee
        refugees evacuees""",
    "children": """child children kid kids minor minors baby babies infant infants boy boys girl girls
        teenager teenagers teen teens newborn newborns schoolchildren orphans toddler toddlers
        pupils schoolboy schoolgirl""",
    "military": """soldier soldiers troop troops serviceman servicemen servicemember servicemembers
        servicewoman fighter fighters militant militants marine marines paratrooper paratroopers
        sailor sailors pilot pilots conscript conscripts reservist reservists recruit recruits
        officer officers general generals commander commanders defender defenders guardsmen
        mercenaries mercenary separatist separatists rebel rebels combatants militiamen crewmen
        crew seamen airmen draftees occupiers invaders servicepeople legionnaires insurgents
        nationalists saboteurs commandos snipers gunners guard guards colonel colonels lieutenant lieutenants
        captains sergeant sergeants majors corporals veteran veterans""",
    "other": """journalist journalists reporter reporters medic medics doctor doctors nurse nurses
        paramedic paramedics rescuer rescuers firefighter firefighters police policeman policemen
        prisoner prisoners pow pows hostage hostages staff staffer staffers personnel volunteer
        volunteers diplomat diplomats priest priests detainee detainees protester protesters
        protestors demonstrators activist activists inmates patients peacekeepers monitors
        inspectors captives suspects collaborators""",
    "people": """people persons person individuals others men man adults ukrainians russians victims
        bodies survivors friends colleagues members national nationals foreigners
        souls""",
})
MILITARY_CONTEXT_NOUNS = frozenset({"personnel", "men"})

NATIONALITY = _word_map({
    "ukraine": "ukrainian ukrainians ukraine's kyiv's",
    "russia": """russian russians russia's soviet soviets moscow's kremlin pro-russian russia-backed
        chechen wagner separatist separatists rebel pro-moscow crimean occupiers invaders""",
    "other": """u.s. u.k. armenian armenians azerbaijani azerbaijanis belarusian belarusians georgian
        georgians
        american americans british briton britons israeli israelis palestinian palestinians syrian
        syrians polish poles german germans french turkish turks kazakh kazakhs afghan afghans
        chinese indian indians moldovan moldovans foreign nigerian african africans global""",
})

# Words inside a noun phrase that neither name the people nor end the phrase.
MODIFIERS = frozenset(
    """more other others additional further new another verified confirmed former seriously badly
    severely critically lightly slightly young elderly old local innocent unarmed total ordinary
    fellow reported known estimated registered recorded identified unidentified alleged active
    regular professional contract ethnic armed civil military medical rescue emergency mobilised
    mobilized enemy allied friendly peaceful defenceless defenseless elite special frontline
    front-line retired off-duty on-duty volunteer female male adult underage pregnant forcibly""".split()
) | frozenset(NATIONALITY)
# The first word of a two-word person noun ("zoo personnel", "family members").
COMPOUND_HEADS = {"family": "civilians", "zoo": "other", "hospital": "other", "aid": "other",
                   "police": "other", "border": "military", "service": "military", "medical": "other",
                   "military": "military", "rescue": "other", "media": "other", "emergency": "other",
                   "navy": "military", "army": "military", "crew": "military", "prison": "other"}

FUNCTION_WORDS = frozenset(
    """were was is are have has had been be being will would could might may can who that which whom
    whose in on at by from to of for with and or but as after before during since including among
    amid across into onto per while when where so according reported said says this these those the
    a an its their his her our your my than then now also still yet all both each only just about
    around near over under through inside outside between within without against via because if
    not no nor did do does got get gets remain remained remains it they he she we you i there here
    up down out off toward towards""".split()
)

# --- what happened to them ----------------------------------------------------------------
# The categories that count people harmed, as against moved, held or sent.
HARMED = frozenset({"killed", "injured", "casualties", "missing"})
_CUES = {
    "casualties": r"(?:killed|dead|died|deaths?) (?:or|and|and/or) (?:wounded|injured|hurt|injuries|"
                  r"wounds)|(?:killed|dead),? (?:wounded|injured),? (?:(?:or|and) )?(?:captured|missing)|(?:deaths|fatalities) and injuries|death and injury|casualt(?:y|ies)|losses|"
                  r"lost|losing|loses",
    "killed": r"killed|kill|kills|killing|dead|die|died|dies|dying|deaths?|death toll|toll|"
              r"(?:claimed|took|taken|cost) (?:the )?lives of|"
              r"lost (?:their|his|her) lives?|lives|bodies|body|fatalities|fatally|perished|"
              r"murdered|executed|slain|massacred|burned to death|shot dead",
    # Military briefings "eliminate", "destroy" or "neutralise" people as well as things: killed only
    # when the count names people (figure_grammar.py decides).
    "eliminated": r"liquidated|eliminated|neutrali[sz]ed|taken out|wiped out|destroyed",
    "injured": r"injured|injuring|injures|injure|injuries|injury|wounded|wounding|wounds|hurt|"
               r"hospitali[sz]ed|(?:taken|rushed|admitted|brought|sent) to (?:\w+ )?hospitals?|"
               r"in hospital|treated for|(?:suffered|sustained|received) (?:\w+ )?(?:burns|injuries|wounds|"
               r"shrapnel)|burns|maimed",
    "missing": r"missing|unaccounted for|disappeared",
    "captured": r"captured|taken prisoners?|taken captive|held (?:in )?(?:captive|captivity|custody|"
                r"hostages?|prisoners?|as prisoners?)|hostages?|"
                r"prisoners?[- ]of[- ]war|taken as prisoners?|pows?|detained|detaining|detains|detention|"
                r"arrested|arrests|"
                r"abducted|kidnapped|deported|deportation|surrendered|surrender|laid down (?:their )?arms|"
                r"exchanged|swapped|captivity|imprisoned|jailed|charged with|sentenced|convicted|"
                r"found guilty|(?:stand|stood|standing|face|faced|facing|went|go|goes|put) on trial|"
                r"(?:stand|standing|face|faced|facing) trial",
    "displaced": r"refugees?|fled|flee|fleeing|flees|displaced|evacuated|evacuate|evacuating|evacuation|"
                 r"evacuees|moved to (?:temporary|safe|shelters?)|relocated|resettled|left the country|"
                 r"(?:left|leaving|leave|fled) (?:their|his|her) homes?|leaving (?:for|the country)|"
                 r"border crossings|crossings into|"
                 r"crossed (?:into|the border)|(?:sought|seeking|seek|seeks|found) (?:refuge|shelter|asylum|"
                 r"safety)|asylum|arrived (?:in|from)",
    "deployed": r"deployed|deploy|deploys|deploying|deployment|massed|amassed|massing|amassing|"
                r"mobili[sz]ed|mobili[sz]ing|mobili[sz]ation|sent|send|sends|sending|stationed|"
                r"gathered|drawn into|called up|call up|conscripted|drafted|draftees|recruited|"
                r"reinforcements?|dispatched|dispatch|on (?:high )?alert|on standby|build-?up|"
                r"positioned|concentrated|increase|boost|expand|withdraw|withdrawn|withdrew|rotated|"
                r"regrouping|regrouped|redeployed|redeploying|moving|moved|"
                r"(?:near|along|on|at|to) (?:the|its|their|ukraine's|ukraine’s|russia's) "
                r"(?:border|borders|frontier|front ?lines?)",
}
# Matched against the lower-cased sentence: much faster than a case-insensitive alternation.
_CUE_RE = re.compile(r"\b(?:" + "|".join(f"(?P<{cat}>{rx})" for cat, rx in _CUES.items()) + r")\b")
_LOST_CONTEXT = re.compile(r"\b(?:troops|soldiers|servicemen|service members|servicemembers|men|personnel|forces|"
                           r"army)\b", re.I)
_FIGHTERS = re.compile(r"\b(?:troops|soldiers|servicem[ae]n|personnel|fighters|mercenaries|militants|"
                       r"nationalists|officers|insurgents|saboteurs|colonels?|generals?|commanders?|"
                       r"marines|paratroopers|militiamen|gunners|snipers)\b", re.I)
# Cue words that count only when the sentence says what they are about.
_NEEDS_CONTEXT = {
    "lost": _LOST_CONTEXT,
    "losing": _LOST_CONTEXT,
    "loses": _LOST_CONTEXT,
    "destroyed": _FIGHTERS,
    "neutralised": _FIGHTERS,
    "neutralized": _FIGHTERS,
    "taken out": _FIGHTERS,
    "wiped out": _FIGHTERS,
    "lives": re.compile(r"\blives (?:were |have been |had been )?lost\b", re.I),
    "toll": re.compile(r"\b(?:death|casualty|human) toll\b|\btoll\b.{0,40}\b(?:dead|killed|died|deaths)",
                       re.I),
}
_NOT_A_DEATH = re.compile(r"\b(?:sentenc\w*|condemned|threat\w*|faces?|facing)\b[^.;]*\bto\s+$|"
                          r"\b(?:wanted|presumed|played|left for)\s+$", re.I)
# "The body's 47 members", "three body doubles": a body that is no corpse.
_NOT_A_CORPSE = re.compile(r"['’]s\b|\s+(?:doubles?|armou?r|language|cameras?|guards?|parts?)\b")
# Counts in a sentence that speaks of a scenario are not real; nor are those next to a war game or
# simulation (the sentences around it tell its outcome: "we estimated one billion people died").
SCENARIO = re.compile(r"\b(?:scenarios?|simulations?|simulated|war[- ]?games?|wargaming|"
                      r"hypothetical(?:ly)?|doomsday)\b", re.I)
SIMULATION = re.compile(r"\b(?:simulations?|simulated|war[- ]?games?|wargaming)\b", re.I)
# Casualty words that can stand inside a count's noun phrase ("53 wounded soldiers", "1,000 deaths").
NP_CUES = {
    "dead": "killed", "deaths": "killed", "death": "killed", "fatalities": "killed",
    "killed": "killed", "bodies": "killed", "casualties": "casualties", "casualty": "casualties",
    "losses": "casualties", "wounded": "injured", "injured": "injured", "injuries": "injured",
    "hurt": "injured", "missing": "missing", "refugees": "displaced", "evacuees": "displaced",
    "displaced": "displaced", "pows": "captured", "hostages": "captured", "captives": "captured",
    "detainees": "captured", "prisoners-of-war": "captured", "captured": "captured",
    "detained": "captured", "abducted": "captured", "deported": "captured", "kidnapped": "captured",
    "imprisoned": "captured", "evacuated": "displaced", "draftees": "deployed",
}
# Nouns after a person noun that make the phrase name things: "29 fighter jets", "40 police cars".
THING_NOUNS = frozenset("""jet jets plane planes aircraft bombers helicopters vehicles vehicle
    drones carriers cars car buses bus trains trucks ships boats bases camps positions units
    battalions brigades regiments squadrons stations headquarters equipment weapons""".split())
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve dozen
    twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million""".split())


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation, lower-cased, with one kind of apostrophe."""
    return [(m.group(0).lower().replace("’", "'").replace("´", "'"), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """The first and last token of the text between offsets `start` and `end`."""
    first = next((i for i, t in enumerate(tokens) if t[2] > start), len(tokens))
    last = first
    while last + 1 < len(tokens) and tokens[last + 1][1] < end:
        last += 1
    return first, last


def find_cues(sentence: str) -> list[Cue]:
    """(start, end, category, word) for every casualty or deployment word of the sentence."""
    out = []
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a rare letter whose lower case is longer
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    for m in _CUE_RE.finditer(lowered):
        word = m.group(0)
        check = _NEEDS_CONTEXT.get(word)
        if check is not None and not check.search(sentence):
            continue
        if word in ("death", "dead") and (
                _NOT_A_DEATH.search(sentence, max(0, m.start() - 80), m.start())
                or re.match(r"\s+(?:row|penalty|sentences?|threats?|squads?)\b", lowered[m.end():])):
            continue
        if word in ("body", "bodies") and _NOT_A_CORPSE.match(lowered, m.end()) or \
                word == "body" and lowered.endswith("of the ", 0, m.start()) \
                and not lowered.startswith(" of", m.end()):
            continue  # "one of five permanent members of the body": an organisation
        if lowered.endswith("without ", 0, m.start()):
            continue  # "withdrew 30,000 troops without losing a soldier"
        out.append((m.start(), m.end(), m.lastgroup, word))
    return out


def cue_covering(cues: list[Cue], pos: int) -> Cue | None:
    return next((c for c in cues if c[0] <= pos < c[1]), None)
