"""The people an article names: one pass over its text before any statement is attributed.

Every run of capitalised words that reads as a person's name ("Mayor Olha Petrenko", "Valya has
lived ...") becomes a Person with the title written with it, a gender when the text or the name
shows one, and the positions where the article names them as a subject. References ("Petrenko",
"Zelenskyy" after "Volodymyr Zelensky") join the same Person, which keeps the fullest form written.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from etl.actors import ActorRegistry, normalise
from etl.extract.attribution.genders import gender_of
from etl.extract.attribution.phrases import (COMMON_CAPITALISED, CONNECTIVES, HONORIFICS, MODIFIERS,
                                             SPEAKER_HEADS, TITLE_WORDS, bare, clean_role,
                                             is_name_token, name_run_start, role_like, role_part)


_STEPS = 200  # subject mentions looked back over for "he" and "she"


@dataclass(eq=False)  # one Person per person: compared by identity
class Person:
    name: str
    role: str | None = None      # any title written with the name, for resolving "the mayor"
    spoken_role: str | None = None  # the title written where the person is quoted
    gender: str | None = None
    positions: list[int] = field(default_factory=list)
    first: int | None = None  # where the article first names them as a subject
    # Mentions as the subject of a subordinate clause ("when Putin ordered ..."): they order
    # candidates for "he" but do not displace the person the article is quoting.
    weak: set[int] = field(default_factory=set)


class People:
    """The people of one article, found by name, surname or registry spelling."""

    def __init__(self, masked_text: str, registry: ActorRegistry, published: date | None):
        self.registry = registry
        self.published = published
        self.text = masked_text
        self.people: list[Person] = []
        self._by_key: dict[str, Person] = {}
        self._by_actor: dict[str, Person] = {}
        self._actor_cache: dict[str, str | None] = {}
        self.org_words: set[str] = set()  # capitalised words seen before a name: "Rostec head X"
        self._runs: list[tuple[int, int]] = []  # capitalised runs that are no person, in text order
        # Subject mentions (position, index in self.people), sorted: those of the pre-pass, and
        # those the resolution adds as it goes through the units in order.
        self._scanned: list[tuple[int, int]] = []
        self._later: list[tuple[int, int]] = []
        self._ids: dict[int, int] = {}
        self.by_role_word: dict[str, list[Person]] = {}  # people whose title holds the word
        self._scanning = True
        self._scan_people(masked_text)
        self._scanning = False

    def _note_organisation(self, text: str, m: re.Match) -> None:
        """Note a capitalised run that is not a person ("BP said", "The International Atomic Energy
        Agency warned"); `bodies_before` reads the notes only when a description asks for them."""
        self._runs.append((m.start(), m.end()))

    def bodies_before(self, position: int, window: int, most: int):
        """(position, name) of the named bodies before `position`, latest first: subjects that are
        no person, place-qualifier ("Kazakhstan's forces"), title or law ("the Freedom of
        Information Act")."""
        at = bisect.bisect_left(self._runs, (position, -1))
        for start, end in reversed(self._runs[max(0, at - most):at]):
            if start < position - window:
                return
            words = [w for w in self.text[start:end].split() if w.lower() not in COMMON_CAPITALISED]
            if not words or words[-1].endswith(_POSSESSIVE_ENDINGS) or words[0].lower() in TITLE_WORDS \
                    or words[-1].lower() in _NOT_BODIES or _OBJECT_POSITION.search(self.text, max(0, start - 12), start):
                continue
            yield start, " ".join(words)

    def __iter__(self):
        return iter(self.people)

    def by_actor(self, actor: str) -> Person | None:
        return self._by_actor.get(actor)

    def _scan_people(self, text: str) -> None:
        for m in _CAPITAL_RUN.finditer(text):
            tokens = m.group(0).split()
            self._note_owner(tokens)
            start = name_run_start(tokens)
            name_tokens = tokens[start:]
            if not name_tokens or (start > 0 and tokens[start - 1] in ("of", "for", "to", "the")) \
                    or len(name_tokens) == 1 and not self._lone_name_is_person(text, m, tokens, start):
                self._note_organisation(text, m)  # "Institute for Strategic Studies" is not a person
                continue
            prefix = _words_before(text, m.start()) + tokens[:start]
            self.org_words.update(t.lower() for t in tokens[:start] if is_name_token(t))
            first_title = next((i for i, t in enumerate(prefix) if bare(t) in TITLE_WORDS
                                and bare(t) not in HONORIFICS), None)
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

    def _note_owner(self, tokens: list[str]) -> None:
        """ "Vladimir Putin's order": a full name written as an owner is no mention of a speaker,
        but it is the fullest form of the name a later "Putin said" refers to."""
        if not tokens or not _POSSESSIVE.search(tokens[-1]):
            return
        owner = tokens[:-1] + [_POSSESSIVE.sub("", tokens[-1])]
        start = name_run_start(owner)
        if len(owner) - start >= 2 and all(is_name_token(t) for t in owner[start:]):
            self.add_person(" ".join(owner[start:]), None, None)

    def _lone_name_is_person(self, text: str, m: re.Match, tokens: list[str], start: int) -> bool:
        """A lone name is a person after a title ("Resident Oksana", "Mayor Klitschko"), when the
        registry knows it as one ("Biden"), or when it opens a clause and acts ("Valya has lived
        ...", "Olena said")."""
        before = bare(tokens[start - 1]) if start > 0 else _word_before(text, m.start())
        if (before in TITLE_WORDS or before in SPEAKER_HEADS) and before not in MODIFIERS \
                or before.endswith("-year-old"):
            return True  # "Mayor Klitschko", "resident Oksana", not "the state Rossiya 24"
        if start > 0 and not all(bare(t) in CONNECTIVES for t in tokens[:start]):
            return False
        if _preceding_role(text, m.start()):
            return True  # "Her father, Vitalii, dashed ..."
        word = tokens[start]
        known = self.registry.kind_of(bare(word))
        if known is not None:
            return known == "person"
        return bare(word) not in COMMON_CAPITALISED and not word.endswith("ing") \
            and bool(_ACTS.match(text, m.end())) \
            and bool(_CLAUSE_START.search(text[max(0, m.start() - 3):m.start()] or "."))

    def add_person(self, name: str, role: str | None, position: int | None,
                   gender: str | None = None) -> Person:
        name = " ".join(t for t in name.strip(" ,.;:").split() if t.lower() not in HONORIFICS) or name
        person = self.find(name)
        if person is None:
            person = Person(name)
            self._ids[id(person)] = len(self.people)
            self.people.append(person)
        elif len(name.split()) > len(person.name.split()):
            person.name = name  # "Zelensky" met first, "Volodymyr Zelenskyy" later: the fuller form
        self._index(person)
        if role and not person.role:
            person.role = role
            for word in set(re.findall(r"[\w-]+", role.lower())):
                self.by_role_word.setdefault(word, []).append(person)
        if not person.gender:
            person.gender = gender or gender_of(person.name)
        if position is not None:
            person.positions.append(position)
            person.first = position if person.first is None else min(person.first, position)
            mention = (position, self._ids[id(person)])
            if self._scanning:
                self._scanned.append(mention)  # the pre-pass goes through the text in order
            else:
                bisect.insort(self._later, mention)
        return person

    def mentions_before(self, position: int, steps: int = _STEPS):
        """(position, person) of subject mentions before `position`, latest first, at most `steps`."""
        i = bisect.bisect_left(self._scanned, (position, -1))
        j = bisect.bisect_left(self._later, (position, -1))
        for _ in range(steps):
            if i == 0 and j == 0:
                return
            if j == 0 or i > 0 and self._scanned[i - 1] > self._later[j - 1]:
                i -= 1
                at, pid = self._scanned[i]
            else:
                j -= 1
                at, pid = self._later[j]
            yield at, self.people[pid]

    def first_named_after(self, start: int, end: int) -> Person | None:
        """The first person the article names (for the first time) in text[start:end]."""
        for mentions in (self._scanned,):
            for at, pid in mentions[bisect.bisect_left(mentions, (start, -1)):bisect.bisect_left(mentions, (end, -1))]:
                if self.people[pid].first == at:
                    return self.people[pid]
        return None

    def last_named(self, person: Person, before: int) -> int:
        """Where `person` was last named before `before` (-1 if not)."""
        return max((p for p in person.positions[-_STEPS:] if p < before), default=-1)

    def named_between(self, start: int, end: int) -> list[Person]:
        """People named in subject position (not in a subordinate clause) in text[start:end]."""
        out = []
        for mentions in (self._scanned, self._later):
            for at, pid in mentions[bisect.bisect_left(mentions, (start, -1)):bisect.bisect_left(mentions, (end, -1))]:
                person = self.people[pid]
                if at not in person.weak and person not in out:
                    out.append(person)
        return out

    def _index(self, person: Person) -> None:
        tokens = person.name.split()
        self._by_key[person.name.lower()] = person
        if len(tokens) >= 2:
            self._by_key.setdefault("last:" + normalise(tokens[-1]), person)
            self._by_key.setdefault("first:" + normalise(tokens[0]), person)
        else:
            self._by_key.setdefault("single:" + normalise(tokens[0]), person)
        actor = self.registry_actor(person.name)
        if actor is not None:
            self._by_actor.setdefault(actor, person)

    def find(self, name: str) -> Person | None:
        """The person of the article that `name` names: the same words, the surname or first name
        of a fuller form, or another spelling of the same registry actor ("Zelenskyy"/"Zelensky")."""
        tokens = name.split()
        person = self._by_key.get(name.lower())
        if person is None and len(tokens) == 1:
            key = normalise(tokens[0])
            person = self._by_key.get("last:" + key) or self._by_key.get("first:" + key)
        actor = self.registry_actor(name)
        if person is None and actor is not None:
            person = self._by_actor.get(actor)
        if person is None and len(tokens) >= 2:
            # An earlier lone surname, unless the registry says it names somebody else.
            single = self._by_key.get("single:" + normalise(tokens[-1]))
            if single is not None and self.registry_actor(single.name) in (None, actor):
                person = single
        return person

    def registry_actor(self, name: str) -> str | None:
        """Canonical name of the registry person `name` spells, None when not a known person."""
        if name not in self._actor_cache:
            actor = self.registry.lookup(name)
            self._actor_cache[name] = actor.canonical if actor is not None and actor.kind == "person" else None
        return self._actor_cache[name]

    def named(self) -> Collection[str]:
        """The registry people the article names, for title aliases ("the Ukrainian president")."""
        return self._by_actor.keys()


# Last words of capitalised names that are laws, documents or events, not bodies that speak.
_NOT_BODIES = frozenset("act law code treaty charter convention agreement accord deal initiative plan programme program "
                        "strategy doctrine war operation summit conference games olympics cup day".split()) | TITLE_WORDS
_POSSESSIVE_ENDINGS = ("'s", "’s", "´s", "'", "’", "´")
_CAP_TOKEN = r"(?:(?:Gov|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Sen|Rep|St|Prof|Sgt|Capt|Maj|Adm)\.|[A-Z]\.(?:[A-Z]\.)*|[A-ZÀ-ÝĀ-Ž][\w’'´-]*)"
_POSSESSIVE = re.compile(r"['’´]s$")
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
        low = bare(w)
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


def _appositive_role(text: str, end: int) -> str | None:
    m = _APPOSITIVE.match(text, end)
    role = role_part(m.group(1)) if m else ""
    return role.strip() if role and role_like(role) else None
