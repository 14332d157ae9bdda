"""Who is speaking: parse the noun phrase that names a speaker, and resolve references to it.

A speaker phrase carries a name and maybe a role ("US Ambassador to NATO Matthew Whitaker",
"Natalia Humeniuk, a spokesperson for the southern command", "the city's mayor"). References are
resolved per article, and a resolved speaker has two names: `speaker`, the fullest form written in
the article ("Sadovyi" -> "Andriy Sadovyi"; "Zelensky" -> "Volodymyr Zelenskyy" when the article
spells it so), and `actor`, the registry's canonical name, the same in every article. "he"/"she"
go to the person last in subject position whose gender fits (honorifics, gendered nouns, first
names), "the ministry" / "it" to the organisation last quoted, a title ("the city's mayor") to the
person holding it in the article or named right after it, else through the registry's title
aliases (the title stays the speaker, the holder becomes the actor).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from etl.actors import ActorRegistry, normalise
from etl.extract.genders import gender_of

# Words of titles and offices that stand before or beside a name.
TITLE_WORDS = frozenset(
    """president vice prime minister chancellor secretary general gen gen. gov gov. governor mayor
    ambassador spokesman spokeswoman spokesperson chief head director commander colonel col col.
    lt lt. lieutenant maj maj. major capt capt. captain sgt sgt. sergeant adm adm. admiral marshal
    sen sen. senator rep rep. representative congressman congresswoman deputy acting former foreign
    defence defense interior finance economy health justice energy agriculture infrastructure
    culture education mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir dame lord lady king
    queen prince princess pope patriarch archbishop bishop rev rev. chairman chairwoman chair
    speaker leader premier envoy adviser advisor aide official officer commissioner ombudsman
    prosecutor attorney judge undersecretary under-secretary assistant press secretary-general
    director-general commander-in-chief retired ret. first top senior regional local state
    military presidential mr mrs""".split()
)
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady".split())

# Capitalised words that are not parts of people's names: places, nations, institutions, months.
NOT_NAME = frozenset(
    """ukraine ukrainian ukrainians russia russian russians kyiv kiev moscow kremlin america
    american americans us u.s. un u.n. nato eu european europe britain british uk u.k. england
    english german germany french france polish poland belarus belarusian chinese china turkish
    turkey crimea crimean donbas donbass donetsk luhansk lugansk kharkiv kharkov kherson
    zaporizhzhia zaporizhia zaporozhzhia mariupol lviv odesa odessa mykolaiv nikolaev dnipro
    dnipropetrovsk sumy chernihiv bucha irpin bakhmut avdiivka pokrovsk kramatorsk sloviansk
    severodonetsk sievierodonetsk lysychansk izium melitopol sevastopol belgorod kursk bryansk
    washington london paris berlin brussels warsaw minsk beijing tehran iran iranian ankara istanbul
    geneva vienna rome tokyo japan japanese india indian israel israeli georgia moldova moldovan
    hungary hungarian romania slovakia finland finnish sweden swedish norway denmark estonia latvia
    lithuania baltic western west eastern east southern south northern north central black sea azov
    dnieper river region oblast city ministry council committee office service agency force forces
    army navy fleet guard command staff department institute university center centre foundation fund
    bank program programme organization organisation union nations states republic federation
    parliament duma rada court commission group company corporation network news times post journal
    television tv radio channel today international national federal security affairs emergency
    emergencies police red cross amnesty watch human rights plant station power nuclear airport port
    bridge street square church cathedral monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december christmas
    easter god telegram twitter facebook instagram youtube tiktok zoo park hospital school museum
    theatre stadium hotel island islands peninsula wagner azovstal himars independence day victory
    congress senate house white pentagon world health food red crescent tass reuters interfax
    bloomberg cnn bbc abc nbc cbs fox system systems rocket rockets missile missiles artillery
    launcher vehicle tank aircraft drone drones corridor initiative grain deal treaty agreement
    accord summit conference war operation offensive front line strait canal road highway railway
    station exchange market party movement brigade battalion regiment division corps unit legion
    mobility high new great grand royal supreme central st st. saint fort mount lake valley
    studies strategic research policy analysis international institute
    coast district province county municipality village town administration government
    act law code charter statute convention protocol resolution decree doctrine amendment
    authority authorities military cabinet assembly palace embassy consulate mission democrats
    republicans conservatives liberals socialists communists""".split()
)

# Lower-case heads of noun phrases that can speak: groups, offices, occupations, relatives.
SPEAKER_HEADS = frozenset(
    """official officials authorities authority ministry ministries spokesman spokeswoman
    spokesperson spokespeople governor mayor president minister chief head leader leaders commander
    commanders general police military army government administration office service services
    agency agencies media analyst analysts expert experts observer observers witness witnesses
    resident residents source sources diplomat diplomats lawmaker lawmakers survivor survivors
    soldier soldiers doctor doctors medic medics volunteer volunteers rescuer rescuers worker workers
    team mission monitors investigators prosecutor prosecutors council committee parliament
    statement study assessment survey intelligence side sides country countries nation nations
    allies partners group groups organisation organization company operator zoo locals villagers
    man woman mother father son daughter wife husband boy girl teenager grandmother grandfather
    pensioner nurse teacher driver farmer priest guide participant participants tourist tourists
    friend neighbour neighbor relative relatives caretaker zookeeper adviser advisor aide envoy
    ambassador chancellor secretary representative spokesmen guard guards staff ministers officer
    officers troops fighters director researcher researchers scientist scientists economist
    economists commentator commentators activist activists lawyer lawyers journalist reporters
    operators press embassy regime kremlin bloc alliance coalition command headquarters department
    institute watchdog charity charities board court judge tribunal firm manufacturer producer
    owner owners student students businessman residents deputy deputies speaker parliamentarian
    legislator senator senators congressman member members chairman chairwoman premier ombudsman
    commissioner coordinator governors mayors presidents councils administrations spokespersons
    reservist reservists conscript conscripts recruit recruits serviceman servicemen mobilised
    mobilized paratrooper paratroopers marine marines sailor sailors pilot pilots sniper snipers
    broadcaster newspaper agency outlet network channel report reports monitor detainee detainees
    prisoner prisoners refugee refugees evacuee evacuees civilian civilians people family families
    parents victims victim pilot pilots sailor sailors marine marines medic paramedic separatists
    separatist rebels rebel militants insurgents forces protesters demonstrators critics supporters
    opponents citizens bloggers historians negotiators delegation delegates organisers organizers
    campaigners advocates legislators scholars academics paramedics firefighters engineers farmers
    miners teachers mothers wives men women children veterans conscripts mercenaries recruits
    servicemen investigator inspector inspectors regulators planners strategists pope pontiff
    patriarch archbishop bishop cleric king queen prince princess monarch coroner pathologist
    surgeon physician""".split()
)

# Lower-case words allowed inside a speaker phrase before its head ("the regional governor").
MODIFIERS = frozenset(
    """the a an some one two three several many other another both local regional state city
    city's region's country's national federal military civil civilian senior top former acting
    deputy first chief press emergency health foreign defence defense interior emergency unnamed
    unidentified anonymous independent western eastern southern northern russian-installed
    russia-installed kremlin-backed kremlin-installed moscow-backed moscow-installed pro-russian
    pro-kremlin separatist separatists' rebel occupation occupying ukrainian-appointed government
    state-run state-owned human rights humanitarian aid medical military-civil municipal provincial
    district village village's town's district's local-level high-ranking high-level top-level
    defense-ministry nuclear energy atomic power plant's plant company's its their his her of
    for to in at and intelligence security general prosecutor's prosecutor president's presidential
    public police fire rescue border naval air force forces army armed news wire russian ukrainian
    american british european international war weapons arms military's experts' officials'
    operational strategic tactical some several most many other another few second third fourth
    fifth last latest elderly young old retired wounded injured masked""".split()
)

NATIONS = {
    "us": "US", "u.s.": "US", "u.s": "US", "american": "US", "america": "US", "ukrainian": "UA",
    "ukraine": "UA", "kyiv": "UA", "russian": "RU", "russia": "RU", "kremlin": "RU", "moscow": "RU",
    "german": "DE", "germany": "DE", "french": "FR", "france": "FR", "british": "GB", "uk": "GB",
    "u.k.": "GB", "britain": "GB", "polish": "PL", "poland": "PL", "turkish": "TR", "turkey": "TR",
    "belarusian": "BY", "belarus": "BY", "chinese": "CN", "china": "CN", "italian": "IT",
    "hungarian": "HU", "moldovan": "MD", "moldova": "MD", "un": "UN", "u.n.": "UN", "nato": "NATO",
    "eu": "EU", "european": "EU",
}
# Capitalised words that open sentences without naming anyone.
COMMON_CAPITALISED = frozenset(
    """the this that these those it he she they we i you there here but and so yet or nor for
    then now later earlier meanwhile however also still when while after before as if although
    though since because once until despite amid in on at by from with without during about
    according some many most all both each every no none one two three several few other
    another such what which who whom whose why how where officials authorities police residents
    people witnesses everyone nobody someone something nothing everything last next first
    local regional western eastern russia ukraine instead only even yes ok""".split()
)
CONNECTIVES = frozenset(
    """but and yet so meanwhile however also still now then earlier later separately elsewhere
    instead moreover furthermore additionally again similarly finally indeed nonetheless although
    though when because since once unless whereas if after before until despite amid
    nevertheless thus therefore hence plus while as perhaps maybe notably crucially importantly
    ultimately""".split()
)
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "it": "org", "they": "plural",
            "them": "plural", "its": "org", "his": "m"}
NAME_PARTICLES = frozenset("von van der de da del di bin al le la dos du ter".split())

# Words that make a title another office than the bare title ("deputy minister", "ex-mayor").
_LESSER_OFFICE = frozenset("deputy vice assistant former acting ex first-deputy".split())
# A definite description that can point back to a person ("the mayor", "Alina's father").
_DEFINITE = re.compile(r"(?:the|[A-Z][\w-]*['’]s)\s", re.I)
_CLAUSE_WORDS = frozenset("""is are was were be been being has have had will would can could did do
does continue continues continued there""".split())
_QUANTIFIERS = frozenset("one two three four five six some several many most each both all".split())
_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december today yesterday""".split())
_PREPOSITIONS = frozenset("of for to at in from with on".split())
_CAN_SPEAK = frozenset("russia ukraine officials authorities police residents people witnesses".split())
_NOT_PERSON_HEADS = frozenset("""ministry office service agency agencies media police military army government
administration team mission council committee parliament statement study assessment survey
intelligence side country nation group organisation organization company zoo command department
institute watchdog charity board court tribunal firm embassy regime kremlin bloc alliance
coalition headquarters broadcaster newspaper outlet network channel report press""".split())
# Nationality and direction adjectives ("American", "Korean", "Western"); not names ending in
# -an such as "Ivan" or "Azerbaijan".
_ADJECTIVE = re.compile(r"^(?:[A-Z][a-z]+(?:ern|ian|ean|ese|ish|ic|can|ani|aqi|eli)|German|Thai|Swiss|Dutch|Czech|"
                        r"Greek|French|Irish|Welsh|Scottish|Turkish|Polish)$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|one|another|some)\s+", re.I)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÝĀ-Ž][\w’'´-]*[a-zà-ÿā-ž][\w’'´-]*|[A-Z]\.)$")


def _bare(token: str) -> str:
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


def split_mention(phrase: str, registry: ActorRegistry | None = None) -> Mention | None:
    """Name and role of one speaker phrase without commas, or None when it cannot speak."""
    phrase = phrase.strip(" ,;:")
    tokens = phrase.split()
    while tokens and _bare(tokens[0]) in CONNECTIVES:
        tokens = tokens[1:]
    if not tokens:
        return None
    low = _bare(tokens[-1])
    if len(tokens) == 1 and low in PRONOUNS:
        return Mention(phrase, low, None, "pronoun")
    if re.search(r"['’´]s?$", tokens[-1]) or (len(tokens) == 1 and _ADJECTIVE.search(tokens[0])):
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
    if "and" in tokens[1:-1] and len(tokens) <= 9 and not any(_bare(t) in _PREPOSITIONS for t in tokens):
        # "Lena and Oleg", "Azerbaijan and Armenia": two speakers saying the same thing.
        cut = tokens.index("and", 1)
        left = split_mention(" ".join(tokens[:cut]), registry)
        right = split_mention(" ".join(tokens[cut + 1:]), registry)
        if left is not None and right is not None and "pronoun" not in (left.kind, right.kind):
            return Mention(phrase, f"{left.name} and {right.name}", None, "group")
    start = name_run_start(tokens)
    single_with_prefix = len(tokens) - start == 1 and start > 0 and (not any(
        _bare(t) in TITLE_WORDS or _bare(t) in HONORIFICS for t in tokens[:start])
        or any(_bare(t) in _PREPOSITIONS for t in tokens[:start]))
    if start < len(tokens) and not single_with_prefix and (
            len(tokens) - start >= 2 or start > 0 or _known_person(tokens[-1], registry) or len(tokens) == 1):
        name_tokens = tokens[start:]
        role_tokens = tokens[:start]
        honorific = [t for t in role_tokens if t.lower() in HONORIFICS]
        role_tokens = [t for t in role_tokens if t.lower() not in HONORIFICS]
        while role_tokens and _bare(role_tokens[0]) in ("the", "a", "an"):
            role_tokens = role_tokens[1:]
        name = " ".join(name_tokens)
        kind = "person"
        if len(name_tokens) == 1 and not role_tokens and not honorific:
            actor = registry.lookup(name) if registry else None
            kind = "person" if actor is None or actor.kind == "person" else "organisation"
        if role_tokens and all(_bare(t) in MODIFIERS or _bare(t).endswith(("'s", "’s", "´s"))
                               for t in role_tokens):
            # "Russia's Kim" is not a role; keep the words with the name only if they are titles.
            role_tokens = [t for t in role_tokens if _bare(t) in TITLE_WORDS]
        role = " ".join(role_tokens) or None
        gender = gender_of("", honorific)
        return Mention(phrase, name, role, kind if gender is None else kind + ":" + gender)
    # No name: an office, a group or an organisation; its head stands before any preposition
    # ("the head of the water company", "a resident of Kyiv").
    words = [_bare(t) for t in tokens]
    if len(words) >= 3 and words[1] == "of" and words[0] in _QUANTIFIERS:
        # "One of the Russian soldiers": the group after "of" speaks.
        rest = split_mention(" ".join(tokens[2:]), registry)
        return Mention(phrase, " ".join(tokens), None, "group") if rest is not None and \
            rest.kind == "group" else None
    prep = next((i for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS), len(words))
    head = words[prep - 1]
    if head in SPEAKER_HEADS or head.rstrip("'’´s") in SPEAKER_HEADS:
        kind = "title" if head in TITLE_WORDS else "group"
        return Mention(phrase, _LEADING_ARTICLE.sub("", " ".join(tokens)), None, kind)
    if tokens[prep - 1][:1].isupper() and all(t[:1].isupper() or _bare(t) in MODIFIERS for t in tokens):
        text = _LEADING_ARTICLE.sub("", " ".join(tokens))
        institution = _bare(tokens[-1]) in NOT_NAME and _bare(tokens[-1]) not in _TIME_WORDS
        if text.lower() in COMMON_CAPITALISED - _CAN_SPEAK or not institution and all(
                _bare(t) in _TIME_WORDS or _bare(t) in MODIFIERS or _bare(t) in CONNECTIVES for t in tokens):
            return None  # "earlier Monday", "In March"
        return Mention(phrase, text, None, "organisation")
    return None


def _known_person(token: str, registry: ActorRegistry | None) -> bool:
    actor = registry.lookup(token) if registry else None
    return actor is not None and actor.kind == "person"


@dataclass
class Person:
    name: str
    role: str | None = None      # any title written with the name, for resolving "the mayor"
    spoken_role: str | None = None  # the title written where the person is quoted
    gender: str | None = None
    positions: list[int] = field(default_factory=list)
    # Mentions as the subject of a subordinate clause ("when Putin ordered ..."): they order
    # candidates for "he" but do not displace the person the article is quoting.
    weak: set[int] = field(default_factory=set)


@dataclass
class Resolved:
    speaker: str      # the name in its fullest form as written in the article
    role: str | None
    kind: str
    actor: str = ""   # the registry's canonical name, so one person filters together across articles


class ArticleSpeakers:
    """Per-article memory of people and organisations, for resolving references."""

    def __init__(self, masked_text: str, registry: ActorRegistry, published: date | None):
        self.registry = registry
        self.published = published
        self.people: list[Person] = []
        self._by_key: dict[str, Person] = {}
        self._by_actor: dict[str, Person] = {}
        self._actor_cache: dict[str, str | None] = {}
        self.org_words: set[str] = set()
        self._scan_people(masked_text)
        self.speakers: list[tuple[int, Resolved]] = []  # (position, who) in text order

    # ---- article pre-pass -------------------------------------------------------------------
    def _scan_people(self, text: str) -> None:
        for m in _CAPITAL_RUN.finditer(text):
            tokens = m.group(0).split()
            start = name_run_start(tokens)
            name_tokens = tokens[start:]
            if not name_tokens or (start > 0 and tokens[start - 1] in ("of", "for", "to", "the")):
                continue  # "Institute for Strategic Studies" is not a person
            if len(name_tokens) == 1 and not self._lone_name_is_person(text, m, tokens, start):
                continue
            prefix = _words_before(text, m.start()) + tokens[:start]
            self.org_words.update(t.lower() for t in tokens[:start] if is_name_token(t))
            first_title = next((i for i, t in enumerate(prefix) if _bare(t) in TITLE_WORDS
                                and _bare(t) not in HONORIFICS), None)
            role = " ".join(prefix[first_title:]) if first_title is not None else None
            if role is None:
                role = _appositive_role(text, m.end()) or _preceding_role(text, m.start())
            gender = gender_of(" ".join(name_tokens), prefix + [_word_before(text, m.start())])
            before = text[max(0, m.start() - 12):m.start()]
            # "with Zelensky making a trip": an absolute clause, its subject is a topic.
            subject = not _OBJECT_POSITION.search(before) or bool(
                before.endswith("with ") and _ABSOLUTE_VERB.match(text, m.end()))
            person = self.add_person(" ".join(name_tokens), role, m.start() if subject else None, gender)
            if subject and _SUBORDINATE_POSITION.search(before):
                person.weak.add(m.start())

    @staticmethod
    def _lone_name_is_person(text: str, m: re.Match, tokens: list[str], start: int) -> bool:
        """A lone name is a person after a title ("Resident Oksana", "Mayor Klitschko") or when it
        opens a clause and acts ("Valya has lived ...", "Olena said")."""
        before = _bare(tokens[start - 1]) if start > 0 else _word_before(text, m.start())
        if (before in TITLE_WORDS or before in SPEAKER_HEADS) and before not in MODIFIERS \
                or before.endswith("-year-old"):
            return True  # "Mayor Klitschko", "resident Oksana", not "the state Rossiya 24"
        if start > 0 and not all(_bare(t) in CONNECTIVES for t in tokens[:start]):
            return False
        if _preceding_role(text, m.start()):
            return True  # "Her father, Vitalii, dashed ..."
        word = tokens[start]
        return _bare(word) not in COMMON_CAPITALISED and not word.endswith("ing") \
            and bool(_ACTS.match(text, m.end())) \
            and bool(_CLAUSE_START.search(text[max(0, m.start() - 3):m.start()] or "."))

    def add_person(self, name: str, role: str | None, position: int | None,
                   gender: str | None = None) -> Person:
        name = " ".join(t for t in name.strip(" ,.;:").split() if t.lower() not in HONORIFICS) or name
        person = self._find(name)
        if person is None:
            person = Person(name)
            self.people.append(person)
        elif len(name.split()) > len(person.name.split()):
            person.name = name  # "Zelensky" met first, "Volodymyr Zelenskyy" later: the fuller form
        self._index(person)
        if role and not person.role:
            person.role = role
        if not person.gender:
            person.gender = gender or gender_of(person.name)
        if position is not None:
            person.positions.append(position)
        return person

    def _index(self, person: Person) -> None:
        tokens = person.name.split()
        self._by_key[person.name.lower()] = person
        if len(tokens) >= 2:
            self._by_key.setdefault("last:" + normalise(tokens[-1]), person)
            self._by_key.setdefault("first:" + normalise(tokens[0]), person)
        else:
            self._by_key.setdefault("single:" + normalise(tokens[0]), person)
        actor = self._registry_actor(person.name)
        if actor is not None:
            self._by_actor.setdefault(actor, person)

    def _find(self, name: str) -> Person | None:
        """The person of the article that `name` names: the same words, the surname or first name
        of a fuller form, or another spelling of the same registry actor ("Zelenskyy"/"Zelensky")."""
        tokens = name.split()
        person = self._by_key.get(name.lower())
        if person is None and len(tokens) == 1:
            key = normalise(tokens[0])
            person = self._by_key.get("last:" + key) or self._by_key.get("first:" + key)
        actor = self._registry_actor(name)
        if person is None and actor is not None:
            person = self._by_actor.get(actor)
        if person is None and len(tokens) >= 2:
            # An earlier lone surname, unless the registry says it names somebody else.
            single = self._by_key.get("single:" + normalise(tokens[-1]))
            if single is not None and self._registry_actor(single.name) in (None, actor):
                person = single
        return person

    def _registry_actor(self, name: str) -> str | None:
        """Canonical name of the registry person `name` spells, None when not a known person."""
        if name not in self._actor_cache:
            actor = self.registry.lookup(name)
            self._actor_cache[name] = actor.canonical if actor is not None and actor.kind == "person" else None
        return self._actor_cache[name]

    def _person_result(self, person: Person, role: str | None) -> Resolved:
        return Resolved(person.name, role, "person", self._canonical(person.name))

    # ---- resolution ---------------------------------------------------------------------------
    def resolve(self, mention: Mention, position: int) -> Resolved | None:
        kind = mention.kind.split(":")[0]
        gender = mention.kind.split(":")[1] if ":" in mention.kind else None
        if kind == "pronoun":
            return self._pronoun(mention.name, position)
        if kind == "person" and " " not in mention.name and mention.name.lower() in self.org_words:
            kind = "organisation"  # "Rostec said" where the text also has "Rostec head X"
        if kind == "person":
            person = self.add_person(mention.name, mention.role, position, gender)
            if mention.role:
                person.spoken_role = person.spoken_role or mention.role
            return self._person_result(person, mention.role or person.spoken_role)
        if kind == "title":
            person = self._title(mention.name, position)
            if person is not None:
                person.spoken_role = person.spoken_role or person.role
                return self._person_result(person, person.spoken_role)
            if "year-old" in mention.text:
                # "the 44-year-old leader": a description of someone the article is about.
                candidates, _ = self._people_before(position)
                if candidates:
                    return self._person_result(candidates[0], candidates[0].spoken_role)
            actor = self.registry.lookup(mention.name, self.published, self.named())
            if actor is not None and actor.kind == "person":
                # The holder as the article spells them; when the article never names them, the
                # title as written ("Ukraine's prime minister"), the registry naming the actor.
                named = self._by_actor.get(actor.canonical)
                if named is not None:
                    return Resolved(named.name, mention.name, "person", actor.canonical)
                return Resolved(mention.name, None, "title", actor.canonical)
            person = self._named_next(mention.name, position)
            if person is not None:
                person.spoken_role = person.spoken_role or mention.name
                return self._person_result(person, mention.name)
            return Resolved(mention.name, None, "title", mention.name)
        if kind == "group":
            if _DEFINITE.match(mention.text) and not _plural(mention.name):
                person = self._title(mention.name, position, heads=SPEAKER_HEADS)
                if person is not None:
                    person.spoken_role = person.spoken_role or person.role
                    return self._person_result(person, person.spoken_role)
            org = self._org_reference(mention.name)
            if org is not None:
                return org
            return Resolved(_undot(mention.name), None, "group", self._canonical(mention.name))
        return Resolved(_undot(mention.name), None, "organisation", self._canonical(mention.name))

    def remember(self, position: int, who: Resolved) -> None:
        self.speakers.append((position, who))

    def other_person_between(self, start: int, end: int, who: Resolved) -> bool:
        """Someone other than `who` is named in subject position in text[start:end]."""
        same = self._find(who.speaker) if who.kind == "person" else None
        return any(p is not same and any(start <= x < end and x not in p.weak for x in p.positions)
                   for p in self.people)

    def named(self) -> list[str]:
        return [p.name for p in self.people]

    def _canonical(self, name: str) -> str:
        return self.registry.canonical(name, self.published, self.named())

    def _pronoun(self, word: str, position: int) -> Resolved | None:
        want = PRONOUNS[word]
        if want in ("m", "f"):
            candidates, quoted = self._people_before(position)
            person = next((p for p in candidates if p.gender in (None, want)), None)
            if person is None:
                return None
            if person.gender is None and quoted is not None and quoted.gender == want:
                # "Inna said ... Elisei was in the second car ... she said": the last person
                # quoted, known to match, before one of unknown gender named since.
                person = quoted
            person.gender = want
            return self._person_result(person, person.spoken_role)
        for _, who in reversed(self.speakers):
            if want == "org" and who.kind in ("organisation", "group") and not _plural(who.speaker):
                return who
            if want == "plural" and who.kind in ("group", "organisation") and _plural(who.speaker):
                return who
        return None

    def _people_before(self, position: int) -> tuple[list[Person], Person | None]:
        """People by how recently they were mentioned or quoted before `position`, the last
        speaker first when nobody was named in subject position since; and that last speaker."""
        last_seen = []
        for person in self.people:
            before = [p for p in person.positions if p < position]
            if before:
                last_seen.append((max(before), person))
        last_seen.sort(key=lambda x: -x[0])
        ordered = [p for _, p in last_seen]
        quoted = None
        for pos, who in reversed(self.speakers):
            if pos >= position:
                continue
            if who.kind == "person":
                quoted = self._find(who.speaker)
                if quoted is not None and ordered and quoted is not ordered[0]:
                    newer = [p for p in ordered if any(pos < x < position and x not in p.weak
                                                       for x in p.positions)]
                    if not newer:
                        if quoted in ordered:
                            ordered.remove(quoted)
                        ordered.insert(0, quoted)
            break
        return ordered, quoted

    def _title(self, phrase: str, position: int, heads: frozenset[str] = TITLE_WORDS) -> Person | None:
        words = [w for w in re.findall(r"[\w'’´.-]+", phrase.lower()) if "year-old" not in w]
        head = _title_head(phrase)
        if head not in heads or head in _NOT_PERSON_HEADS:
            return None
        qualifiers = {w.split("'")[0].split("’")[0] for w in words[:-1]} - {"the", "a", "an", "of"}
        countries = {NATIONS[q] for q in qualifiers if q in NATIONS}
        best, best_score = None, float("-inf")
        for person in self.people:
            if not person.role or head not in re.findall(r"[\w-]+", person.role.lower()):
                continue
            if countries and not self._same_country(person, countries):
                continue
            role_words = set(re.findall(r"[\w]+", person.role.lower()))
            if (role_words & _LESSER_OFFICE) - set(words):
                continue  # "the defense minister" is not the deputy defense minister
            score = len(qualifiers & role_words)
            before = [p for p in person.positions if p < position]
            recency = (max(before) / 1e7) if before else \
                -min(person.positions, default=1e7) / 1e7 - 1
            score += recency
            if score > best_score:
                best, best_score = person, score
        return best

    def _named_next(self, title: str, position: int, window: int = 400) -> Person | None:
        """The person named right after a title-only mention, news style: "Russia's agriculture
        minister said ... Dmitry Patrushev said ...". Only someone first met after `position`,
        shortly after, and with no other title of their own."""
        head = _title_head(title)
        best = None
        for person in self.people:
            first = min(person.positions, default=-1)
            if position < first <= position + window and (best is None or first < min(best.positions)):
                best = person
        if best is None or best.role and head not in best.role.lower().split():
            return None
        return best

    def _same_country(self, person: Person, countries: set[str]) -> bool:
        actor = self.registry.lookup(person.name)
        roles = " ".join(r for r in (person.role, actor.role if actor else None) if r).lower()
        if any(NATIONS.get(w) in countries for w in re.findall(r"[\w.]+", roles)):
            return True
        return actor is not None and actor.country in countries

    def _org_reference(self, phrase: str) -> Resolved | None:
        """'the ministry', 'the statement', 'the official' -> the speaker quoted before."""
        words = phrase.lower().split()
        if not words or words[0] not in ("ministry", "statement", "official", "agency", "report",
                                         "office", "service", "committee", "military", "army",
                                         "police", "council", "company", "zoo", "mission",
                                         "organisation", "organization", "group", "bloc",
                                         "department", "government", "alliance", "embassy",
                                         "operator", "watchdog", "court", "command", "institute") \
                or len(words) > 2:
            return None
        head = words[-1]
        for _, who in reversed(self.speakers):
            if who.kind in ("organisation", "group") and (head in who.speaker.lower()
                                                          or head in ("statement", "report")):
                return who
        return None


def _undot(name: str) -> str:
    """Acronyms without their dots, as the guidelines write them: "U.N." -> "UN"."""
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name)


_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,4}")


def _title_head(phrase: str) -> str:
    """The head noun of a title: 'minister' in "Russia's agriculture minister of ..."."""
    words = [w for w in re.findall(r"[\w'’´.-]+", phrase.lower()) if "year-old" not in w]
    prep = next((i for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS), len(words))
    return words[prep - 1] if words else ""


def _plural(name: str) -> bool:
    low = name.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "news")) or " and " in low


_CAP_TOKEN = r"(?:(?:Gov|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Sen|Rep|St|Prof|Sgt|Capt|Maj|Adm)\.|[A-Z]\.(?:[A-Z]\.)*|[A-ZÀ-ÝĀ-Ž][\w’'´-]*)"
_CAPITAL_RUN = re.compile(
    rf"\b{_CAP_TOKEN}(?:\s+(?:(?:of|to|for|von|van|der|de|da|bin|al)\s+)*{_CAP_TOKEN}(?=\s|[,.;:!?]|$))*")
_ACTS = re.compile(r",\s+\d{1,3},|,\s+(?:a|an|the)\s+\d{1,3}[- ]year[- ]old|"
                   r",?\s+(?:has|had|is|was|said|says|told|tells|added|adds|recalled|recalls|"
                   r"remembers|remembered|described|explained|lives|lived|works|worked|wrote|"
                   r"cried|shouted|asked|says|thinks|thought|believes|knows|fled|arrived|returned)\b")
_OBJECT_POSITION = re.compile(r"\b(?:in|at|from|of|to|near|with|for|on|into|across|about|against|over|"
                              r"under|between|after|before|than|like|and)\s+$")
_SUBORDINATE_POSITION = re.compile(r"\b(?:when|as|while|because|since|until|if|although|though|once|"
                                   r"whereas|unless|that|whether)\s+$")
_ABSOLUTE_VERB = re.compile(r"\s+[a-z]+ing\b")
_CLAUSE_START = re.compile(r"(?:^|[.!?\"”]\s+|,\s+)$")
_APPOSITIVE = re.compile(r",\s+(?:(?:the|a|an)\s+|(?=[a-z]))([^,.;\"“”]{3,100}?)(?=,|\.|;| said| told| says)")


_FUNCTION_WORDS = frozenset("and of the a an to for in at on its their his her".split())


def _word_before(text: str, start: int) -> str:
    """The word just before `start`, bare and lower case ("wife" in "his wife Inna")."""
    m = _LAST_WORD.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


_LAST_WORD = re.compile(r"([\w'’-]+)\s+$")


def _words_before(text: str, start: int) -> list[str]:
    """Title words written just before a name in lower case ("White House spokesman")."""
    words = text[max(0, start - 60):start].split()
    out: list[str] = []
    for w in reversed(words[-5:]):
        low = _bare(w)
        if w[-1:] in ",.;:" or not (low in TITLE_WORDS or low in MODIFIERS - _FUNCTION_WORDS
                                    or w[:1].isupper()):
            break
        out.insert(0, w)
    return out


def _preceding_role(text: str, start: int) -> str | None:
    """'the governor of the nearby Mykolaiv region, Vitaliy Kim' -> the role before the name."""
    before = text[max(0, start - 120):start]
    if not before.endswith(", "):
        return None
    piece = re.split(r"[,.;:!?\"“”\x00]", before[:-2])[-1]
    return clean_role(piece) if role_like(piece) else None


def role_like(phrase: str) -> bool:
    """A phrase that describes a position ("the governor of ...", "a spokesperson for ...")."""
    words = phrase.lower().replace("’", "'").replace("´", "'").split()
    while words and words[0] in CONNECTIVES:
        words = words[1:]
    if not words:
        return False
    first = phrase.split()[len(phrase.split()) - len(words)]
    if words[0].endswith("ing") or words[0] in ("who", "which", "whose", "where", "when") \
            or len(words) > 25 or any(w in _CLAUSE_WORDS for w in words):
        return False  # a clause ("as civilians continue to be displaced"), not a position
    return any(w.strip(",.") in TITLE_WORDS or w.strip(",.") in SPEAKER_HEADS for w in words) and \
        (words[0] in ("the", "a", "an", "his", "her", "their", "its") or first[:1].islower()
         or "'s" in words[0] or words[0] in TITLE_WORDS)


def clean_role(phrase: str) -> str:
    phrase = phrase.strip(" ,")
    words = phrase.split()
    while words and words[0].lower() in CONNECTIVES:
        words = words[1:]
    phrase = re.sub(r"^(?:the|a|an)\s+", "", " ".join(words), flags=re.I)
    phrase = re.sub(r"^(?:\d+|[a-z]+(?:-[a-z]+)?)[- ]year[- ]old\s+", "", phrase, flags=re.I)
    return re.sub(r"^(?:who is|who was)\s+", "", phrase)


def _appositive_role(text: str, end: int) -> str | None:
    m = _APPOSITIVE.match(text, end)
    if m and role_like(m.group(1)):
        return m.group(1).strip()
    return None
