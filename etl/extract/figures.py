"""Reported figures: counts of people killed, injured, captured, displaced or deployed.

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
A count whose noun names things ("9 warplanes", "24 hours") is not a figure.

Group and side come from the noun phrase ("Ukrainian civilians"), else from the count it is joined
to, else from who lost or who attacked ("Russian shelling" kills Ukrainians), from the reporter (a
military announcing kills announces the enemy's losses), from the place, and finally Ukraine.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from etl.extract.numbers import NumberMention, find_numbers
from etl.extract.periods import INVASION_START, Period, resolve_period
from etl.extract.sentences import Sentence
from etl.model import Article, Figure, Statement

Token = tuple[str, int, int]  # lower-cased word, start, end

_TOKEN = re.compile(r"[A-Za-z][\w]*(?:['’´][A-Za-z]+)?(?:-[A-Za-z]\w*)*|\d[\d,.]*\d|\d|[^\w\s]")
_MAY_COUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|dozen|dozens|scores|hundreds|thousands|millions)\b", re.I)


def _word_map(groups: dict[str, str]) -> dict[str, str]:
    return {w: key for key, words in groups.items() for w in words.split()}


# --- who the people are -------------------------------------------------------------------
GROUP_NOUNS = _word_map({
    "civilians": """civilian civilians resident residents villager villagers inhabitant inhabitants
        citizen citizens local locals passenger passengers pensioner pensioners woman women
        worker workers employee employees shopper shoppers worshipper worshippers student students
        teacher teachers farmer farmers miner miners family families relative relatives commuters
        parishioners""",
    "children": """child children kid kids minor minors baby babies infant infants boy boys girl girls
        teenager teenagers teen teens newborn newborns schoolchildren orphans toddler toddlers
        pupils schoolboy schoolgirl""",
    "military": """soldier soldiers troop troops serviceman servicemen servicemember servicemembers
        servicewoman fighter fighters militant militants marine marines paratrooper paratroopers
        sailor sailors pilot pilots conscript conscripts reservist reservists recruit recruits
        officer officers general generals commander commanders defender defenders guardsmen
        mercenaries mercenary separatist separatists rebel rebels combatants militiamen crewmen
        crew seamen airmen draftees occupiers invaders servicepeople legionnaires""",
    "other": """journalist journalists reporter reporters medic medics doctor doctors nurse nurses
        paramedic paramedics rescuer rescuers firefighter firefighters police policeman policemen
        prisoner prisoners pow pows hostage hostages staff staffer staffers personnel volunteer
        volunteers diplomat diplomats priest priests detainee detainees protester protesters
        protestors demonstrators activist activists inmates patients peacekeepers monitors
        inspectors captives""",
    "people": """people persons person individuals others men man adults ukrainians russians victims
        bodies evacuees refugees survivors friends colleagues members nationals foreigners souls""",
})
_MILITARY_CONTEXT_NOUNS = frozenset({"personnel", "men"})

NATIONALITY = _word_map({
    "ukraine": "ukrainian ukrainians ukraine's kyiv's",
    "russia": """russian russians russia's soviet soviets moscow's kremlin pro-russian russia-backed
        chechen wagner separatist separatists rebel pro-moscow crimean occupiers invaders""",
    "other": """armenian armenians azerbaijani azerbaijanis belarusian belarusians georgian georgians
        american americans british briton britons israeli israelis palestinian palestinians syrian
        syrians polish poles german germans french turkish turks kazakh kazakhs afghan afghans
        chinese indian indians moldovan moldovans foreign nigerian african africans global""",
})

# Words inside a noun phrase that neither name the people nor end the phrase.
_MODIFIERS = frozenset(
    """more other others additional further new another verified confirmed former seriously badly
    severely critically lightly slightly young elderly old local innocent unarmed total ordinary
    fellow reported known estimated registered recorded identified unidentified alleged active
    regular professional contract ethnic armed civil military medical rescue emergency mobilised
    mobilized enemy allied friendly peaceful defenceless defenseless elite special frontline
    front-line retired off-duty on-duty volunteer female male adult underage pregnant forcibly""".split()
) | frozenset(NATIONALITY)
# The first word of a two-word person noun ("zoo personnel", "family members").
_COMPOUND_HEADS = {"family": "civilians", "zoo": "other", "hospital": "other", "aid": "other",
                   "police": "other", "border": "military", "service": "military", "medical": "other",
                   "military": "military", "rescue": "other", "media": "other", "emergency": "other",
                   "navy": "military", "army": "military", "crew": "military", "prison": "other"}

_FUNCTION_WORDS = frozenset(
    """were was is are have has had been be being will would could might may can who that which whom
    whose in on at by from to of for with and or but as after before during since including among
    amid across into onto per while when where so according reported said says this these those the
    a an its their his her our your my than then now also still yet all both each only just about
    around near over under through inside outside between within without against via because if
    not no nor did do does got get gets remain remained remains it they he she we you i there here
    up down out off toward towards""".split()
)

# --- what happened to them ----------------------------------------------------------------
_CUES = {
    "casualties": r"(?:killed|dead|died|deaths?) (?:or|and|and/or) (?:wounded|injured|hurt|injuries|"
                  r"wounds)|(?:deaths|fatalities) and injuries|death and injury|casualt(?:y|ies)|losses|"
                  r"lost",
    "killed": r"killed|kill|kills|killing|dead|die|died|dies|dying|deaths?|death toll|toll|"
              r"(?:claimed|took|taken|cost) (?:the )?lives of|"
              r"lost (?:their|his|her) lives?|lives|bodies|body|fatalities|fatally|perished|"
              r"murdered|executed|slain|massacred|burned to death|shot dead|liquidated|eliminated",
    "injured": r"injured|injuring|injures|injure|injuries|injury|wounded|wounding|wounds|hurt|"
               r"hospitali[sz]ed|(?:taken|rushed|admitted|brought|sent) to (?:\w+ )?hospitals?|"
               r"in hospital|treated for|(?:suffered|sustained|received) (?:\w+ )?(?:burns|injuries|wounds|"
               r"shrapnel)|burns|maimed",
    "missing": r"missing|unaccounted for|disappeared",
    "captured": r"captured|taken prisoners?|taken captive|held captive|held hostage|hostages?|"
                r"prisoners? of war|pows?|detained|detaining|detains|detention|arrested|arrests|"
                r"abducted|kidnapped|deported|deportation|surrendered|surrender|laid down (?:their )?arms|"
                r"exchanged|swapped|captivity|imprisoned|jailed",
    "displaced": r"refugees?|fled|flee|fleeing|flees|displaced|evacuated|evacuate|evacuating|evacuation|"
                 r"evacuees|moved to (?:temporary|safe|shelters?)|relocated|resettled|left the country|"
                 r"crossed (?:into|the border)|sought (?:refuge|shelter|asylum)|asylum",
    "deployed": r"deployed|deploy|deploys|deploying|deployment|massed|amassed|massing|amassing|"
                r"mobili[sz]ed|mobili[sz]ing|mobili[sz]ation|sent|send|sends|sending|stationed|"
                r"gathered|drawn into|called up|call up|conscripted|drafted|recruited|"
                r"reinforcements?|dispatched|dispatch|on (?:high )?alert|on standby|build-?up|"
                r"positioned|concentrated|increase|boost|expand|withdraw|withdrawn|withdrew|rotated|"
                r"(?:near|along|on|at|to) (?:the|its|their|ukraine's|ukraine’s|russia's) "
                r"(?:border|borders|frontier|front ?lines?)",
}
# Matched against the lower-cased sentence: much faster than a case-insensitive alternation.
_CUE_RE = re.compile(r"\b(?:" + "|".join(f"(?P<{cat}>{rx})" for cat, rx in _CUES.items()) + r")\b")
# Cue words that count only when the sentence says what they are about.
_NEEDS_CONTEXT = {
    "lost": re.compile(r"\b(?:troops|soldiers|servicemen|men|personnel|forces|army)\b", re.I),
    "lives": re.compile(r"\blives (?:were |have been |had been )?lost\b", re.I),
    "toll": re.compile(r"\b(?:death|casualty|human) toll\b|\btoll\b.{0,40}\b(?:dead|killed|died|deaths)",
                       re.I),
}
_TROOPS_BEFORE = re.compile(r"\b(?:troops|soldiers|servicemen|armed forces|army|personnel|"
                            r"reservists|conscripts|contingent)\b[^.;:]*$", re.I)
_NOT_A_DEATH = re.compile(r"\b(?:sentenc\w*|condemned|threat\w*|faces?|facing)\b[^.;]*\bto\s+$|"
                          r"\b(?:wanted|presumed|played|left for)\s+$", re.I)
_MILITARY_CONTEXT = re.compile(r"\b(?:troops|soldiers|servicemen|armed forces|army|military|tanks|"
                               r"front ?line|battalion|brigade|regiment|unit)\b", re.I)
_CAPTIVE_CONTEXT = re.compile(r"\b(?:swap|exchange[sd]?|prisoners? of war|pows?|captivity)\b", re.I)
_RELEASED = re.compile(r"\b(?:released|freed|returned home|brought home|handed over|repatriated|"
                       r"exchanged|swapped|part of (?:the|an?) (?:exchange|swap))\b", re.I)

# Between a count and its predicate: auxiliaries, adverbs, "reported", "known to have been".
_PREDICATE_SKIP = frozenset(
    """were was is are have has had been be being will would reportedly also later confirmed reported
    thought believed known estimated said feared presumed to who which that now already so far since
    then still subsequently among those them all more others other as recently allegedly officially
    either both initially apparently remain remains remained""".split()
)
_AUXILIARY = frozenset("were was are is have has had".split())
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

# --- who did it, and who reports it -------------------------------------------------------
_ATTACK_NOUNS = (r"shelling|strikes?|missiles?|attacks?|bombardments?|rockets?|drones?|airstrikes?|"
                 r"air strikes?|artillery|fire|bombing|shells?|aggression|aircraft|jets|"
                 r"counteroffensive|counter-offensive|offensive|assault|raids?|occupiers|invaders")
_FORCE_NOUNS = r"forces|troops|army|military|soldiers|separatists|units"
_ATTACK_VERBS = (r"struck|shelled|attacked|fired|bombed|hit|launched|targeted|pounded|killed|"
                 r"opened fire|strikes|shells|attacks|hits|pummeled|pummelled")
_AGENT = re.compile(
    rf"\b(Russian|Russia's|Russia’s|Russia-backed|pro-Russian|Moscow's|Ukrainian|Ukraine's|Ukraine’s|"
    rf"Kyiv's|Kyiv’s)\s+(?:\w+\s+)?(?:(?:{_ATTACK_NOUNS})\b|(?:{_FORCE_NOUNS})\s+(?:\w+\s+)?"
    rf"(?:{_ATTACK_VERBS})\b)"
    rf"|\b(Russia|Moscow|Ukraine|Kyiv)\s+(?:has\s+|have\s+|had\s+)?(?:{_ATTACK_VERBS})\b"
    r"|\bby (Russia|Ukraine)\b", re.I)
_LOSER = re.compile(
    r"\b(Russia|Moscow|Ukraine|Kyiv|the Kremlin)(?:'s|’s)?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:lost|losses|casualties|dead|death toll|war dead)\b", re.I)
# "Moscow has not updated its official casualty figures" counts Moscow's own dead.
_OWN_COUNT = re.compile(
    r"\b(Russia|Moscow|Ukraine|Kyiv|the Kremlin)\b[^.;]{0,80}?\b(?:its|their) (?:own )?(?:official )?"
    r"(?:casualty |death )?(?:figures?|losses|toll|tally|count|dead)\b")
_REPORT_VERB = (r"(?:said|says|say|reported|reports|told|tells|claimed|claims|claim|estimated|"
                r"estimates|estimate|announced|announces|confirmed|confirms|stated|wrote|writes|"
                r"posted|added|noted|acknowledged|alleged|alleging|accused|published|warned|insisted|"
                r"believes|believe|recorded|counted|documented|denounced|condemned)")
_ACRONYM = r"(?:[A-Z]\.){2,}"
_ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?:a |an |the )?(?:(?:statement|report|figures|data|estimates?|tally|count|post)"
    rf"\s+(?:from|by|of)\s+)?(?P<x>(?:{_ACRONYM}|[^,.;:()“”\"])+?)(?=\s*(?:[,.;:()“”\"]|$)|\s+(?:who|"
    r"which|though|but|as of|on|in (?:a|an|the|his|her|its))\b)")
_BY_COUNT = re.compile(rf"\b[Bb]y (?:the )?(?P<x>(?:{_ACRONYM}|[A-Z][\w’'´.]*)(?: [A-Z][\w’'´.]*)*?)"
                       r"(?:'s|’s|´s) (?:\w+ ){0,2}(?:count|tally|estimates?|figures|data|toll)\b")
_VERB = re.compile(rf"\b{_REPORT_VERB}\b")
# Words between a speaker and the speech verb: "Zelensky previously stated", "the ministry on
# Tuesday said", "police later reported".
_BEFORE_VERB = re.compile(
    r"(?:\s+(?:\w+ly|also|later|earlier|previously|had|has|have|again|then|already|first|since|now|"
    r"still|just|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:on|in) (?:a|its|his|her) "
    r"\w+|last week|this week|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))+$")
_LEAD_IN = re.compile(r"^.*\b(?:[Aa]nd|[Bb]ut|[Ww]hile|[Ww]hen|[Aa]s|[Aa]fter|that|which|where|"
                      r"[Bb]ecause|[Tt]hough|[Aa]lthough|[Ss]o)\s+(?=\S)", re.S)
_PARENTHETICAL = re.compile(r",\s*(?:meanwhile|however|also|too|in turn|for (?:his|her|its|their) "
                            r"part|in a statement|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                            r"Saturday|Sunday)),")
_NAME = re.compile(r"(?:[A-Z][\w.’'´-]+\s+){0,3}[A-Z][\w’'´-]+")
_ROLE_WORD = re.compile(r"\b(?:minister|president|governor|mayor|head|chief|spokes\w+|secretary|"
                        r"commander|leader|official|adviser|advisor|undersecretary|director|"
                        r"ambassador|soldier|general|prosecutor|ombudsman|member|chairman)\b", re.I)
# "Ukrainian President Volodymyr Zelenskyy", "Gov. Pavlo Kyrylenko" -> the name.
_TITLED_NAME = re.compile(
    r"(?:\b(?:[Mm]inister|[Pp]resident|[Gg]overnor|[Mm]ayor|[Ss]ecretary|[Cc]hancellor|[Ss]pokes\w+|"
    r"[Cc]ommander|[Cc]hief|[Hh]ead|[Aa]dviser|[Aa]dvisor|[Aa]mbassador|[Gg]eneral|[Pp]rosecutor|"
    r"[Oo]mbudsman|[Ll]eader|[Dd]irector|Gov\.|Gen\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sen\.|Rep\.|Col\.|"
    r"Lt\.|Maj\.)\s+)((?:[A-Z][\w’'´-]+\s+){1,2}[A-Z][\w’'´-]+)$")
_SENTENCE_SUBJECT = re.compile(r"^(?P<x>(?:[A-Z][\w.’'´-]*\s+){0,3}[A-Z][\w.’'´-]*)\s+"
                               r"(?:has|have|had|is|was|says|said|\w+ed)\b")
_REPORT_NOUN = re.compile(rf"\b(?:An? |The )?(?P<x>(?:{_ACRONYM}|[A-Z][\w’'´.]*)(?: [A-Z][\w’'´.]*)*) "
                          r"(?:report|study|survey|assessment|tally)\b")
_PRONOUN_WORDS = frozenset({"he", "she", "it", "they", "him", "her", "them"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "this",
                       "that", "who", "which", "there", "one"})
_SPEAKER_TRIM = re.compile(
    r"^(?:the |a |an |also |meanwhile,? |earlier,? |later,? )+|(?:['’´]s)? (?:official )?(?:facebook|"
    r"telegram|twitter|website|instagram) (?:page|channel|account|site|post)$|"
    r"\s+(?:on|in|via) (?:telegram|facebook|twitter|a statement|social media)$|"
    r"\s+(?:on|in|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)$", re.I)
_GENERIC_REPORTERS = frozenset(
    """officials authorities police doctors witnesses prosecutors prosecutor medics rescuers governor
    mayor ministry military army source sources estimates analysts experts spokesman spokeswoman
    officer commander staff monitors observers office service administration government council
    agency committee department command"""
    .split()
)
_NOT_SPEAKER = re.compile(r"\b(?:were|was|is|are|have|has|been|killed|wounded|injured|died|people|"
                          r"civilians|losses|casualties)\b", re.I)

# --- where --------------------------------------------------------------------------------
_PLACE = re.compile(
    r"(?:\b(?:in|near|outside|around|across|at)\s+(?:the\s+)?(?:[a-z]+(?:-[a-z]+)?\s+){0,2}?"
    r"|\b(?:city|town|village|region|province|oblast|district|port|capital|settlement)\s+of\s+)"
    r"(?P<p>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})(?P<r>\s+(?:region|oblast|province|district))?")
_NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Telegram|Facebook|Twitter|The|A|"
    r"An|His|Her|Their|Its|Russian|Ukrainian|U|UN|NATO|EU|Moscow's|Kyiv's|President|Mr|Mrs|Ms|"
    r"Gov|Mayor|General|Defen[cs]e|Ministry|English|Reuters|AP|BBC|CNN|ABC|NBC|CBS|I|Independence|"
    r"Christmas|Easter|World|War|State|Staff|Soviet|Western|European|American)\b")
# Places whose casualties are, in these reports, on Russia's side: Russia itself, Crimea and the
# cities held by Russia since 2014 (the Donetsk *region* is mostly Ukrainian-held).
_RUSSIAN_SIDE_PLACES = re.compile(
    r"\b(?:Crimea|Sevastopol|Belgorod|Kursk|Bryansk|Voronezh|Rostov|St\.? Petersburg|Makiivka|"
    r"Horlivka|(?:in|inside|across) Russia|Russian (?:territory|region|city|town|village)|"
    r"(?:city of )?Donetsk(?! region| oblast| province|, Luhansk)|Luhansk(?! region| oblast| province))\b")
_UKRAINIAN_SIDE_PLACES = re.compile(
    r"\b(?:Kyiv|Kiev|Kharkiv|Kharkov|Lviv|Odesa|Odessa|Dnipro|Mariupol|Mykolaiv|Zaporizhzhia|"
    r"Zaporizhzhya|Kherson|Chernihiv|Sumy|Poltava|Vinnytsia|Zhytomyr|Bucha|Irpin|Kramatorsk|"
    r"Sloviansk|Bakhmut|Sievierodonetsk|Severodonetsk|Lysychansk|Izium|Kupiansk|Pokrovsk|Avdiivka|"
    r"Kremenchuk|Uman|Chernivtsi|Rivne|Lutsk|Ternopil|Cherkasy|Nikopol|Enerhodar|Vilniansk|Chuhuiv|"
    r"Okhtyrka|Hostomel|Kryvyi Rih|Bila Tserkva|Brovary|Donbas|Donetsk region|Luhansk region|"
    r"Donetsk oblast|Luhansk oblast|(?:in|across) Ukraine)\b")
_OTHER_PLACES = re.compile(
    r"\b(?:in|near|across|from) (?:the )?(?:Syria|Afghanistan|Iraq|Iran|Israel|Gaza|Yemen|Libya|"
    r"Armenia|Azerbaijan|Nagorno-Karabakh|Georgia|Kazakhstan|Mali|Ethiopia|Sudan|Myanmar|Chechnya|"
    r"Kosovo|Bosnia|Serbia|Poland|Moldova|Belarus|Lebanon|Turkey)\b")
# Deaths and injuries from causes other than war.
_NOT_WAR = re.compile(r"\b(?:covid|coronavirus|pandemic|virus|infections?|earthquake|tsunami|hurricane|"
                      r"floods?|wildfires?|overdoses?|mass shooting|school shooting|gunman|"
                      r"traffic accidents?)\b", re.I)
_GLOBAL = re.compile(r"\b(?:global|worldwide|around the world|across the world)\b", re.I)


@dataclass
class _Found:
    """One count judged to be a figure, before it becomes a Figure record."""

    number: NumberMention
    category: str
    group: str | None
    side: str | None
    np_end: int  # index of the first token after the count's noun phrase


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


def _tokens(text: str) -> list[Token]:
    return [(m.group(0).lower().replace("’", "'").replace("´", "'"), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def _token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    first = next((i for i, t in enumerate(tokens) if t[2] > start), len(tokens))
    last = first
    while last + 1 < len(tokens) and tokens[last + 1][1] < end:
        last += 1
    return first, last


def _cues(sentence: str) -> list[tuple[int, int, str, str]]:
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
                _NOT_A_DEATH.search(sentence, max(0, m.start() - 40), m.start())
                or re.match(r"\s+(?:row|penalty|sentences?|threats?|squads?)\b", lowered[m.end():])):
            continue
        out.append((m.start(), m.end(), m.lastgroup, word))
    return out


def _cue_covering(cues, pos: int):
    return next((c for c in cues if c[0] <= pos < c[1]), None)


# --- category ----------------------------------------------------------------------------
def _noun_phrase(tokens: list[Token], i: int, cues, after_person: bool,
                 of_phrase: bool = False) -> _Phrase:
    """Read the words after a count: who they are, and whether they are people at all.

    `after_person` says whether the previous count of the sentence was a figure, which is what
    "of them" then refers to; `of_phrase` that the words follow "dozens of", so they must name
    people.
    """
    p = _Phrase(end=i)
    j = i
    unknown = 0
    while j < len(tokens) and j < i + 7:
        word = tokens[j][0]
        if word == "of" and p.group is None and p.category is None and j + 1 < len(tokens):
            nxt = tokens[j + 1][0]
            if nxt in ("whom", "which"):
                p.person = False
                return p
            if nxt in ("them", "those", "these", "us"):
                p.person = after_person
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
        cue = _NP_CUES.get(word)
        if cue and word not in GROUP_NOUNS and not unknown:
            p.category = _join_categories(p.category, cue)
            j += 1
            if j + 1 < len(tokens) and tokens[j][0] in ("and", "or") and tokens[j + 1][0] in _NP_CUES \
                    and p.group is None:
                p.category = _join_categories(p.category, _NP_CUES[tokens[j + 1][0]])
                j += 2
            continue
        if word in GROUP_NOUNS:
            noun_group = GROUP_NOUNS[word]
            if word == "others" or (word == "more" and p.group is None):
                j += 1
                continue
            if j > i and tokens[j - 1][0] in _COMPOUND_HEADS:
                noun_group = _COMPOUND_HEADS[tokens[j - 1][0]]  # "military personnel"
            if p.group in (None, "people") or noun_group not in ("people", None):
                p.group = noun_group
            if j + 1 < len(tokens) and tokens[j + 1][0] in _THING_NOUNS:
                p.person = False  # "29 fighter jets", "40 police cars"
                return p
            p.side = p.side or NATIONALITY.get(word)
            p.head = word
            if word in _NP_CUES:
                p.noun_category = p.noun_category or _NP_CUES[word]
            j += 1
            unknown = 0
            if j < len(tokens) and tokens[j][0] in GROUP_NOUNS and tokens[j][0] not in ("more", "others"):
                continue  # "family members", "police officers"
            if j < len(tokens) and tokens[j][0] in ("aged", "ages"):
                # "two children aged 4 and 16" (the ages were left out by numbers.py)
                j += 1
                while j < len(tokens) and (tokens[j][0][0].isdigit() or tokens[j][0] in
                                           ("and", "to", "or", "between", "-", "years", "old")):
                    j += 1
            break
        if word in _MODIFIERS:
            if word in NATIONALITY and p.side is None:
                p.side = NATIONALITY[word]
            if word == "civilian":
                p.group = "civilians"
            j += 1
            continue
        if word in ("\"", "“", "”", "'", "‘"):
            j += 1  # reporting killed 29 "occupiers"
            continue
        if word in _FUNCTION_WORDS or not word[0].isalpha() or _cue_covering(cues, tokens[j][1]):
            break
        if word.endswith(("ed", "ing")) and not unknown and not _modifies_next(tokens, j, cues):
            break  # a verb: "four trapped in the rubble"
        unknown += 1
        if unknown > 2:
            break
        j += 1
    p.end = j
    if unknown and p.group is None and p.category is None:
        p.person = False
    if of_phrase and p.group is None and p.category is None:
        p.person = False  # "dozens of its vehicles", "hundreds of miles"
    return p


_THING_NOUNS = frozenset("""jet jets plane planes aircraft bombers helicopters vehicles vehicle
    drones carriers cars car trucks ships boats bases camps positions units battalions brigades
    regiments squadrons stations headquarters equipment weapons""".split())


def _modifies_next(tokens: list[Token], j: int, cues) -> bool:
    """Is the -ed/-ing word at j an adjective before a noun ("armoured vehicles")?"""
    if j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1][0]
    return nxt[0].isalpha() and nxt not in _FUNCTION_WORDS and not _cue_covering(cues, tokens[j + 1][1]) \
        and nxt not in _PREDICATE_SKIP


_NP_CUES = {
    "dead": "killed", "deaths": "killed", "death": "killed", "fatalities": "killed",
    "killed": "killed", "bodies": "killed", "casualties": "casualties", "casualty": "casualties",
    "losses": "casualties", "wounded": "injured", "injured": "injured", "injuries": "injured",
    "hurt": "injured", "missing": "missing", "refugees": "displaced", "evacuees": "displaced",
    "displaced": "displaced", "pows": "captured", "hostages": "captured", "captives": "captured",
    "detainees": "captured",
}


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
        if word[0].isdigit() or word in _NUMBER_WORDS:
            return True
        if word == "," and k + 1 < stop and not sentence[tokens[k + 1][1]].isupper() \
                and tokens[k + 1][0] != "and":
            return True
    return False


_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve dozen
    twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million""".split())


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
            tokens) and tokens[j + 1][0] in _PREPOSITIONS and not _cue_covering(cues, tokens[j][1])):
        # "two residents of the village of X in the Y region were killed", "four trapped in the
        # rubble were killed"
        aux = next((k for k in range(j + 1, min(len(tokens), j + 18))
                    if tokens[k][0] in _AUXILIARY or tokens[k][0] in (";", ":")
                    or any(c[0] == tokens[k][1] for c in cues)), None)
        if aux is None or tokens[aux][0] in (";", ":") or _leaves_phrase(sentence, tokens, j, aux):
            return None
        j = aux
    if j < len(tokens) and tokens[j][0] == ",":
        # "one doctor, pulled from the rubble, suffered burns"
        close = next((k for k in range(j + 1, min(len(tokens), j + 10)) if tokens[k][0] == ","), None)
        if close is not None and not any(tokens[k][0][0].isdigit() for k in range(j, close)):
            j = close + 1
    among = False
    while j < len(tokens) and skipped <= (8 if among else 5):
        word, start, _ = tokens[j]
        cue = next((c for c in cues if c[0] == start), None)
        if cue:
            return cue[2]
        if word in _PREDICATE_SKIP or word.endswith("ly") or (among and word[0].isalpha()):
            among = among or word == "among"
            j += 1
            skipped += 1
            continue
        return None
    return None


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
        cue = _cue_covering(cues, tokens[j][1])
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


def _joined(tokens: list[Token], prev: _Found, first: int) -> bool:
    """Is the count at token `first` coordinated with `prev` ("7 killed and 11", "5 and 6 others")?"""
    between = [t[0] for t in tokens[prev.np_end:first]]
    if len(between) > 12 or any(w in (";", ":") for w in between):
        return False
    return not between or between[-1] in ("and", "or", ",", "including", "plus", "another", "with") \
        or "including" in between[-3:] or "among" in between[-3:]


_OWNER_NOUNS = {"forces": "military", "army": "military", "military": "military"}


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


def _classify(sentence: str, tokens: list[Token], numbers: list[NumberMention], cues) -> list[_Found]:
    found: list[_Found] = []
    last_was_figure = False
    for n in numbers:
        first, last = _token_span(tokens, n.start, n.end)
        if first >= len(tokens):
            continue
        if tokens[first][0] == "one" and first > 0 and tokens[first - 1][0] in ("no", "any", "every"):
            continue
        of_phrase = n.vague and last + 1 < len(tokens) and tokens[last + 1][0] == "of"
        phrase = _noun_phrase(tokens, last + 1 + of_phrase, cues, last_was_figure, of_phrase)
        last_was_figure = False
        if not phrase.person:
            continue
        if tokens[last][0] == "one" and phrase.group is None and phrase.category is None:
            # A bare "one" is a pronoun far more often than a count ("one of the strikes").
            continue
        prev = found[-1] if found else None
        joined = prev is not None and _joined(tokens, prev, first)
        including = any(t[0] in ("including", "among") for t in tokens[max(0, first - 4):first])
        total, total_at = _total_cue(sentence, n.start, cues, _clause_start(sentence, n.start))
        category = (phrase.category
                    or _predicate_cue(sentence, tokens, phrase.end, cues,
                                      including or _inserted(tokens, first))
                    or _object_cue(tokens, first, cues)
                    or total
                    or phrase.noun_category)
        if category is None and joined:
            category = prev.category
        if category is None and phrase.group is not None and _CAPTIVE_CONTEXT.search(sentence) \
                and _RELEASED.search(sentence):
            category = "captured"
        if category is None and _deployment(sentence, n.start, n.end, cues, phrase.group):
            category = "deployed"
        if category is None:
            continue
        if category == "deployed":
            if not _deployment(sentence, n.start, n.end, cues, phrase.group):
                continue
            phrase.group = "military"
        group, side = phrase.group, phrase.side
        if group is None and (phrase.category or phrase.noun_category):
            group, owner_side = _owner_before(tokens, first)
            side = side or owner_side
        elif category == total and total_at >= 0:
            owner_group, owner_side = _owner_before(tokens, _token_span(tokens, total_at, total_at)[0])
            group, side = group or owner_group, side or owner_side
        if including and joined and category == prev.category and group in (None, prev.group):
            # "50 soldiers, including two former defenders": a part that adds nothing new.
            continue
        if joined:
            group = group or prev.group
            side = side or prev.side
        if phrase.head in _MILITARY_CONTEXT_NOUNS and group == GROUP_NOUNS[phrase.head] \
                and _MILITARY_CONTEXT.search(sentence):
            group = "military"  # "74,840 personnel" in a report on the armed forces
        if side is None and phrase.own:
            side = _deployer_side(sentence[:n.start], last=False)
        found.append(_Found(n, category, group, side, phrase.end))
        last_was_figure = True
    return found


# --- side --------------------------------------------------------------------------------
def _agent_side(sentence: str, pos: int) -> str | None:
    """The victims' side from the attacker nearest the count ("Russian shelling" -> ukraine)."""
    best = None
    for m in _AGENT.finditer(sentence):
        word = (m.group(1) or m.group(2) or m.group(3)).lower()
        victim = "ukraine" if word.startswith(("russia", "moscow", "pro-russian")) else "russia"
        distance = abs(m.start() - pos)
        if best is None or distance < best[0]:
            best = (distance, victim)
    return best[1] if best else None


def _loser_side(sentence: str) -> str | None:
    m = _LOSER.search(sentence) or _OWN_COUNT.search(sentence)
    if not m:
        return None
    return "russia" if m.group(1).lower() in ("russia", "moscow", "the kremlin") else "ukraine"


def _place_side(text: str) -> str | None:
    if _OTHER_PLACES.search(text) and not _UKRAINIAN_SIDE_PLACES.search(text):
        return "other"
    russian = _RUSSIAN_SIDE_PLACES.search(text)
    ukrainian = _UKRAINIAN_SIDE_PLACES.search(text)
    if russian and not (ukrainian and ukrainian.start() < russian.start()):
        return "russia"
    return "ukraine" if ukrainian else None


def _reporter_side(reporter: str | None, group: str) -> str | None:
    """A military announcing kills announces the enemy's losses."""
    if not reporter or group != "military":
        return None
    r = reporter.lower()
    if re.search(r"general staff|ukrain\S* (?:.* )?(?:military|army|armed forces|defen[cs]e|command|"
                 r"forces)|zaluzhn", r):
        return "russia"
    if re.search(r"russia\w* (?:defen[cs]e|military|army)|konashenkov|shoigu", r):
        return "ukraine"
    return None


_COUNTRY = re.compile(r"\b(Russia|Russian|Moscow|Kremlin|Putin|Ukraine|Ukrainian|Kyiv|Zelensk\w*|NATO|"
                      r"U\.S\.|US|United States|Pentagon|Biden|Belarus|Britain|UK|Poland|Germany)\b")


def _deployer_side(text: str, last: bool = True) -> str | None:
    """Whose troops: the country named last before them (or first in the sentence before)."""
    found = None
    for found in _COUNTRY.finditer(text):
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


# --- reporter ----------------------------------------------------------------------------
def _clean_speaker(x: str, strict: bool) -> str | None:
    x = re.sub(r"^\([^)]*\)\s*", "", x.strip().lstrip("0123456789,.:- "))
    x = re.sub(_ACRONYM, lambda m: m.group(0).replace(".", ""), x)
    x = re.sub(r"\b([A-Z])\.([A-Z])\b", r"\1\2", x).strip(" ,.;:\"“”'’")
    previous = None
    while previous != x:
        previous = x
        x = _SPEAKER_TRIM.sub("", x).strip(" ,")
    if "," in x:
        # "the governor of the Mykolaiv region, Vitaliy Kim" -> the name.
        parts = [p.strip() for p in x.split(",") if p.strip()]
        named = [p for p in parts if re.fullmatch(r"(?:[A-Z][\w.’'´-]+\s*){1,4}", p)]
        x = named[-1] if named else parts[-1]
    words = x.split()
    if not words or len(words) > 8 or words[0].lower() in _PRONOUNS or _NOT_SPEAKER.search(x):
        return None
    titled = _TITLED_NAME.search(x)
    if titled:
        return titled.group(1)
    last = words[-1].lower().strip("'’´")
    if strict and not (x[0].isupper() or last in _GENERIC_REPORTERS or last.rstrip("s") in
                       _GENERIC_REPORTERS):
        return None
    return x


def _subject_before(sentence: str, verb_start: int) -> str | None:
    """The speaker standing before a speech verb, with appositions resolved to the name:
    "Crimea's regional leader, Sergei Aksyonov, said" and "Slava Vladimirovich, a soldier with
    the Donbas battalion, said" both give the name."""
    left = _BEFORE_VERB.sub("", sentence[:verb_start].rstrip())
    segments = [seg.strip(" “”\"'‘’") for seg in left.split(",")]
    while segments and not segments[-1]:
        segments.pop()
    if not segments:
        return None
    last = _LEAD_IN.sub("", segments[-1])
    if len(segments) >= 2 and (_ROLE_WORD.search(last) or re.match(r"(?:a|an|the)\s", last)) \
            and not _NAME.fullmatch(last):
        earlier = _LEAD_IN.sub("", segments[-2])
        if _NAME.fullmatch(earlier):
            return earlier
    return last


_INVERTED = re.compile(r"[,“”\"]\s*(?:said|says|reported|added|wrote)\s+(?P<x>[^,.;“”\"]+?)\s*(?:[,.]|$)")


def reporter_in_sentence(sentence: str) -> str | None:
    """Who the sentence attributes its content to ("according to the UN", "..., police said").

    A pronoun speaker ("when it said") is returned as the pronoun, for the caller to resolve.
    """
    sentence = _PARENTHETICAL.sub(",", sentence)
    m = _ACCORDING.search(sentence)
    if m:
        after = re.match(r",\s*(" + _NAME.pattern + r")\s*(?:[,.]|$)", sentence[m.end():])
        if after and not _NAME.fullmatch(m.group("x").strip()):
            return after.group(1)  # "according to the region's governor, Valentyn Reznichenko"
        return _clean_speaker(m.group("x"), strict=False) or _pronoun(m.group("x"))
    for rx in (_BY_COUNT, _REPORT_NOUN, _INVERTED):
        m = rx.search(sentence)
        if m:
            name = _clean_speaker(m.group("x"), strict=True)
            if name:
                return name
    for m in _VERB.finditer(sentence):
        if re.search(r"\b(?:been|be|being|was|were|is|are)\s+$", sentence[max(0, m.start() - 8):m.start()]):
            continue  # passive: "losses have been estimated by insiders"
        subject = _subject_before(sentence, m.start())
        if subject is None:
            continue
        name = _clean_speaker(subject, strict=True) or _pronoun(subject)
        if name:
            return name
    return None


def _pronoun(text: str) -> str | None:
    word = text.strip().lower()
    return word if word in _PRONOUN_WORDS else None


def _sentence_subject(pronoun: str, sentence: str) -> str | None:
    """ "Moscow has not updated its figure since March, when it said" -> Moscow."""
    if pronoun in ("it", "they", "them"):
        m = _SENTENCE_SUBJECT.match(sentence)
        if m and m.end() < sentence.lower().find(f" {pronoun} ") and m.group("x").split()[0] not in (
                "The", "A", "An", "In", "On", "At"):
            return m.group("x")
    return None


# --- location ----------------------------------------------------------------------------
def _location(sentence: str, start: int, end: int) -> str | None:
    best = None
    for m in _PLACE.finditer(sentence):
        words = m.group("p").split()
        cut = next((k for k, w in enumerate(words) if _NOT_PLACES.match(w)), len(words))
        place = " ".join(words[:cut])  # "in Bucha Thursday" -> "Bucha"
        if not place or re.search(r"['’´]s$", place) or re.fullmatch(r"[A-Z]{3,}", place):
            continue  # "Ukraine's military" names an owner; "HIMARS" is a weapon
        distance = m.start() - end if m.start() >= end else (start - m.end()) * 1.5
        if best is None or distance < best[0]:
            best = (distance, place + ((m.group("r") or "") if cut == len(words) else ""))
    return best[1] if best else None


# --- period ------------------------------------------------------------------------------
_RUNNING_TOTAL = re.compile(r"\b(?:have|has|had)\s+(?:been\s+)?(?:\w+\s+){0,2}?(?:killed|lost|died|"
                            r"sustained|suffered|wounded|injured)\b|\b(?:total|overall|cumulative|"
                            r"tally)\b", re.I)
_WAR_CONTEXT = re.compile(r"\b(?:Russia\w*|Ukrain\w*|Kyiv|Kiev|Kremlin|Moscow|war|invasion|troops|"
                          r"soldiers|servicemen|forces|fighting|occupation|occupiers)\b")
_NO_SINGLE_TIME = re.compile(r"\b(?:could|would|might|will|if|each day|every day|per day|a day|"
                             r"daily|a week|per week|a month|per month)\b", re.I)


def _period(f: _Found, sentence: str, published: date | None) -> Period | None:
    """The figure's period; with no time in the sentence, the publication day for an event."""
    if published is None:
        return None
    period = resolve_period(sentence, published, f.number.start)
    # Thousands killed with no start named are a running total of the war.
    if published >= INVASION_START and f.number.value >= 1000 and _WAR_CONTEXT.search(sentence) \
            and f.category in ("killed", "casualties", "injured") \
            and (period is None and not _NO_SINGLE_TIME.search(sentence)
                 or period is not None and not period.cumulative and _RUNNING_TOTAL.search(sentence)):
        end = period.end if period and INVASION_START <= period.end <= published else published
        return Period(INVASION_START, end, True)
    if period is not None:
        return period
    if _NO_SINGLE_TIME.search(sentence, max(0, f.number.start - 50), f.number.end + 50):
        return None
    return Period(published, published)


# --- public ------------------------------------------------------------------------------
def _statement_speaker(sentence: Sentence, statements: list[Statement], number_text: str,
                       article_text: str) -> str | None:
    """The speaker of the statement made in this sentence, when the article itself names them
    that way (a registry's canonical spelling the article never uses stays out: the figure
    keeps the article's own words, such as "Ukraine's prosecutor general")."""
    mine = [s for s in statements if s.sentence in sentence.text or sentence.text in s.sentence]
    if not mine:
        return None
    speaker = ([s for s in mine if number_text in s.quote] or mine)[0].speaker
    surname = speaker.split()[-1] if speaker.split() else ""
    return speaker if surname and re.search(rf"\b{re.escape(surname)}\b", article_text) else None


def _named(reporter: str) -> bool:
    """Does the reporter phrase name someone ("Valentyn Reznichenko", "United Nations")
    rather than describe them ("the city's mayor", "Ukrainian officials")?"""
    return sum(1 for w in reporter.split() if w[0].isupper() and not re.search(r"['’´]s$", w)) >= 2


def _recent_speaker(before: list[Sentence], statements: list[Statement],
                    article_text: str) -> str | None:
    """The last source named in the few sentences before, for "he said" / "it said"."""
    for sentence in reversed(before[-3:]):
        speaker = _statement_speaker(sentence, statements, "", article_text) or (
            reporter_in_sentence(sentence.text))
        if speaker and speaker not in _PRONOUN_WORDS:
            return speaker
    return None


def _reporter(sentence: Sentence, statements: list[Statement], number_text: str,
              before: list[Sentence], article_text: str) -> str | None:
    """The sentence's own named source first; else the statement extractor's speaker, which has
    resolved titles and pronouns against the article ("the city's mayor" -> the mayor's name)."""
    own = reporter_in_sentence(sentence.text)
    subject = _sentence_subject(own, sentence.text) if own in _PRONOUN_WORDS else None
    if subject or own and own not in _PRONOUN_WORDS and _named(own):
        return subject or own
    said = _statement_speaker(sentence, statements, number_text, article_text)
    if said:
        return said
    if own in _PRONOUN_WORDS:
        return _recent_speaker(before, statements, article_text)
    return own


def _side(f: _Found, group: str, text: str, previous: str, reporter: str | None,
          default: str) -> str:
    side = f.side or ("other" if _GLOBAL.search(text, max(0, f.number.start - 60), f.number.start)
                      else None) \
        or _loser_side(text) or _agent_side(text, f.number.start) or _reporter_side(reporter, group)
    if f.category == "deployed":
        # Whose troops: a country before them, the one announcing them, or the last sentence's.
        return side or _deployer_side(text[:f.number.start]) or _deployer_side(reporter or "") \
            or _deployer_side(previous, last=False) or "unknown"
    return side or _place_side(text) or _place_side(previous) or default


def extract_figures(article: Article, sentences: list[Sentence],
                    statements: list[Statement]) -> list[Figure]:
    """The article's reported figures in text order, each (value, category) once.

    The first mention is kept; a later mention of the same figure only fills in the reporter,
    place or period the first did not give (a lede often repeats a figure the body attributes).
    """
    out: list[Figure] = []
    index: dict[tuple[int, str, bool], int] = {}
    default_side = "ukraine" if re.search(r"\b(?:Ukrain|Russia|Kyiv|Kremlin)", article.text) \
        else "unknown"
    previous = ""
    for i, sentence in enumerate(sentences):
        text = sentence.text
        figures = _figures_in(text) if _MAY_COUNT.search(text) else []
        for f in figures:
            number_text = text[f.number.start:f.number.end]
            reporter = _reporter(sentence, statements, number_text, sentences[:i], article.text)
            group = f.group or "people"
            if group == "people" and re.search(r"\bcivilians?\b", text, re.I):
                group = "civilians"
            period = _period(f, text, article.published)
            figure = Figure(
                figure_id="",
                article_id=article.article_id,
                published=article.published,
                value=f.number.value,
                value_high=f.number.value_high,
                qualifier=f.number.qualifier,
                category=f.category,
                group=group,
                side=_side(f, group, text, previous, reporter, default_side),
                period_start=period.start if period else None,
                period_end=period.end if period else None,
                cumulative=bool(period and period.cumulative),
                reported_by=reporter,
                location=_location(text, f.number.start, f.number.end),
                sentence=text,
            )
            key = (f.number.value, f.category, f.number.vague)
            if key in index:
                out[index[key]] = _fill_in(out[index[key]], figure)
                continue
            index[key] = len(out)
            out.append(replace(figure, figure_id=f"{article.article_id}:f{len(out) + 1}"))
        previous = text
    return out


def _figures_in(text: str) -> list[_Found]:
    if _NOT_WAR.search(text):
        return []
    numbers = find_numbers(text)
    if not numbers:
        return []
    cues = _cues(text)
    if not cues and not _CAPTIVE_CONTEXT.search(text):
        return []
    return _classify(text, _tokens(text), numbers, cues)


def _fill_in(kept: Figure, later: Figure) -> Figure:
    changes = {}
    if kept.reported_by is None and later.reported_by:
        changes["reported_by"] = later.reported_by
    if kept.location is None and later.location:
        changes["location"] = later.location
    if kept.period_start is None and later.period_start:
        changes.update(period_start=later.period_start, period_end=later.period_end,
                       cumulative=later.cumulative)
    return replace(kept, **changes) if changes else kept
