"""Who a reference is: "he", "the ministry", "the city's mayor" or "Sadovyi" -> the actor meant.

Resolution is per article. A resolved speaker has two names: `speaker`, the fullest form written in
the article ("Sadovyi" -> "Andriy Sadovyi"), and `actor`, the registry's canonical name, the same
in every article. "he"/"she" go to the person last in subject position whose gender fits,
"the ministry" / "it" to the organisation last quoted, a title ("the city's mayor") to the person
holding it in the article or named right after it, else through the registry's title aliases (the
title stays the speaker, the holder becomes the actor).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date

from etl import rules
from etl.actors import ActorRegistry
from etl.extract.attribution.genders import gender_of
from etl.extract.attribution.people import People, Person
from etl.extract.calendar_words import MONTHS, WEEKDAYS
from etl.extract.attribution.phrases import (ADJECTIVE, CONNECTIVES, NATIONS, NOT_NAME, PRONOUNS, SPEAKER_HEADS, TITLE_WORDS, Mention,
                                             plural, title_head, undot)

# Heads of phrases naming a body, never one person: a title search skips them.
_NOT_PERSON_HEADS = rules.words("organisation_heads")
# A description refers back to a name at most this many characters, and names, before it.
_WINDOW = 1500
_MAX_BACK = 20
# Up to three capitalised words right before a name, which may be the start of it.
_CAPITALISED_LEAD = re.compile(r"(?<![\w.’'-])((?:[A-Z][\w.’'-]*\s+){1,3})$")
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"])")
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w’'-]+")
_PERSONAL_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
# "a former military sniper", "an elderly woman": someone introduced without a name.
_INDEFINITE_PERSON = re.compile(r"\b(?:a|an)\s+((?:[\w-]+\s+){0,3}?([a-z][\w-]*))(?=\s+who\b|[,.;:]|\s+(?:in|at|from|on)\b)")
# Capitalised words before a name that are not part of it ("On Monday Pentagon ...").
_NOT_LEADS = CONNECTIVES | frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(("on", "in", "at", "but", "and"))
_SPOKESPEOPLE = {"spokesman": "m", "spokeswoman": "f", "spokesperson": None}
_GENDERED = {"man": "m", "woman": "f", "boy": "m", "girl": "f", "gentleman": "m", "lady": "f"}
# Heads of descriptions that name a body: "the agency" (a name holding the word), "the company"
# (any name that is not a place).
_BODY_HEADS = rules.words("organisation_heads") | rules.words("back_references")
_ANY_BODY = frozenset(rules.phrases("organisation_heads", "any_name"))
# Heads that refer back to the body quoted before ("the ministry said", "the statement said").
_BACK_REFERENCES = rules.words("back_references")


@dataclass
class Resolved:
    speaker: str      # the name in its fullest form as written in the article
    role: str | None
    kind: str
    actor: str = ""   # the registry's canonical name, so one person filters together across articles


def actor_of(name: str) -> str | None:
    """The actor column for a speaker whose registry name (or, if unknown, written name) is `name`:
    None for an unnamed description ("official", "residents"), which is a speaker but no actor one
    could group statements by across articles."""
    return name if name and not name[:1].islower() else None


class ArticleSpeakers(People):
    """Per-article memory of people and organisations, for resolving references."""

    def __init__(self, masked_text: str, registry: ActorRegistry, published: date | None,
                 keep_pronouns: bool = False):
        super().__init__(masked_text, registry, published)
        self.speakers: list[tuple[int, Resolved]] = []  # (position, who) in text order
        # A span read on its own (a figure's sentence) keeps an unresolved "he" as a pronoun, for
        # the caller to resolve against the sentences before it.
        self.keep_pronouns = keep_pronouns

    def _person_result(self, person: Person, role: str | None) -> Resolved:
        return Resolved(person.name, role, "person", self._canonical(person.name))

    def resolve(self, mention: Mention, position: int) -> Resolved | None:
        kind = mention.kind.split(":")[0]
        gender = mention.kind.split(":")[1] if ":" in mention.kind else None
        if kind == "pronoun":
            who = self._pronoun(mention.name, position)
            if who is None and self.keep_pronouns:
                return Resolved(mention.name, None, "pronoun", mention.name)
            return who
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
                named = self.by_actor(actor.canonical)
                if named is not None:
                    return Resolved(named.name, mention.name, "person", actor.canonical)
                return Resolved(mention.name, None, "title", actor.canonical)
            # "the official" quoted before under a fuller description is that source, not someone
            # named in the next sentences.
            described = self._described_before(mention, position)
            if described is not None:
                return described
            # "its mayor", "their commander" point back to whose they are, not to the next name.
            backward = re.match(r"(?:its|his|her|their)\s", mention.text, re.I)
            person = None if backward else self._named_next(mention.name, position)
            if person is not None:
                person.spoken_role = person.spoken_role or mention.name
                return self._person_result(person, mention.name)
            return Resolved(mention.name, None, "title", mention.name)
        if kind == "group":
            if _DEFINITE.match(mention.text) and not plural(mention.name):
                person = self._title(mention.name, position, heads=SPEAKER_HEADS)
                if person is not None:
                    person.spoken_role = person.spoken_role or person.role
                    return self._person_result(person, person.spoken_role)
            if _BOTH_SIDES.fullmatch(mention.text.strip()):
                pair = self._last_two_bodies(position)
                if pair is not None:
                    return pair
            org = self._org_reference(mention.name)
            if org is not None:
                return org
            if re.match(r"the\s", mention.text, re.I) and not plural(mention.name):
                named = self._named_before(mention.name, position)
                if named is not None:
                    return named
            described = self._described_before(mention, position)
            if described is not None:
                return described
            return Resolved(undot(mention.name), None, "group", self._canonical(mention.name))
        name = self._fuller_name_before(mention.name, position)
        return Resolved(undot(name), None, "organisation", self._canonical(name))

    def _fuller_name_before(self, name: str, position: int) -> str:
        """ "the Post" after "The Washington Post", "the Defense Ministry" after "Russia's ... the
        Russian Defense Ministry": the organisation's name as written in full within a few
        paragraphs before (the nearest), else `name`."""
        floor = max(0, position - _WINDOW)
        at = self.text.rfind(name, floor, position)
        while at > floor:
            after = self.text[at + len(name):at + len(name) + 1]
            m = _CAPITALISED_LEAD.search(self.text, max(floor, at - 60), at)
            if m and not after[:1].isalnum():
                lead = [w for w in m.group(1).split() if w not in ("The", "A", "An")]
                if lead and not lead[0].endswith(("'s", "’s")) and not any(
                        w.lower() in _NOT_LEADS or w.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", w)
                        for w in lead):  # "Europe. Ukraine": a sentence ends there; "U.S." does not
                    return " ".join(lead + [name])
            at = self.text.rfind(name, floor, at)
        return name

    def remember(self, position: int, who: Resolved) -> None:
        self.speakers.append((position, who))

    def other_person_between(self, start: int, end: int, who: Resolved) -> bool:
        """Someone other than `who` is named in subject position in text[start:end]."""
        same = self.find(who.speaker) if who.kind == "person" else None
        return any(p is not same for p in self.named_between(start, end))

    def _canonical(self, name: str) -> str:
        return self.registry.canonical(name, self.published, self.named())

    def _pronoun(self, word: str, position: int) -> Resolved | None:
        want = PRONOUNS[word]
        if want in ("m", "f"):
            described = self._described_speaker(position) or self._introduced_just_before(position, want)
            if described is not None:
                return described
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
        for _, who in reversed(self.speakers[-_MAX_BACK:]):
            if want == "org" and who.kind in ("organisation", "group") and not plural(who.speaker):
                return who
            if want == "plural" and who.kind in ("group", "organisation") and plural(who.speaker):
                return who
        return None

    def _introduced_just_before(self, position: int, want: str) -> Resolved | None:
        """ "We showed the videos to a former military sniper who wished to remain anonymous. He
        told us ...": the one person the sentence before introduced without a name, when that
        sentence names nobody and refers to nobody by a pronoun."""
        window_start = max(0, position - 400)
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, window_start, position + 2) if m.end() <= position]
        if len(ends) < 2 and not (ends and window_start == 0):
            return None
        lo, hi = (ends[-2] if len(ends) >= 2 else 0), ends[-1]
        earlier = ends[-3] if len(ends) >= 3 else window_start
        if any(at >= lo for at, _ in self.mentions_before(position, 1)) \
                or _PERSONAL_PRONOUN.search(self.text, lo, hi) \
                or any(self.find(w) is not None for w in _CAPITALISED.findall(self.text, earlier, hi)):
            return None  # someone named in the last two sentences is who the story is about
        found = [m for m in _INDEFINITE_PERSON.finditer(self.text, lo, hi)
                 if m.group(2).lower() in SPEAKER_HEADS and m.group(2).lower() not in _NOT_PERSON_HEADS
                 and m.group(2).lower() not in _BODY_HEADS and not plural(m.group(2))
                 and gender_of("", [m.group(2)]) in (None, want)]
        if len(found) != 1:
            return None
        description = found[0].group(1)
        return Resolved(description, None, "title", description)

    def _described_speaker(self, position: int) -> Resolved | None:
        """ "A second soldier, speaking English, said ... "We are right," he added": the last
        speaker, described but not named, when nobody has been named since."""
        if not self.speakers:
            return None
        at, who = self.speakers[-1]
        if who.kind not in ("group", "title") or plural(who.speaker) or at >= position \
                or who.speaker.lower().split()[-1] in _BODY_HEADS or position - at > _WINDOW:
            return None
        return None if self.named_between(at + 1, position) else who

    def _people_before(self, position: int) -> tuple[list[Person], Person | None]:
        """People by how recently they were mentioned or quoted before `position`, the last
        speaker first when nobody was named in subject position since; and that last speaker."""
        ordered: list[Person] = []
        for _, person in self.mentions_before(position):
            if person not in ordered:
                ordered.append(person)
                if len(ordered) == _MAX_BACK:
                    break
        quoted = None
        for pos, who in reversed(self.speakers):
            if pos >= position:
                continue
            if who.kind == "person":
                quoted = self.find(who.speaker)
                if quoted is not None and ordered and quoted is not ordered[0]:
                    if not self.named_between(pos + 1, position):
                        if quoted in ordered:
                            ordered.remove(quoted)
                        ordered.insert(0, quoted)
            break
        return ordered, quoted

    def _title(self, phrase: str, position: int, heads: frozenset[str] = TITLE_WORDS) -> Person | None:
        words = [w for w in re.findall(r"[\w'’´.-]+", phrase.lower()) if "year-old" not in w]
        head = title_head(phrase)
        if head not in heads or head in _NOT_PERSON_HEADS:
            return None
        qualifiers = {w.split("'")[0].split("’")[0] for w in words[:-1]} - {"the", "a", "an", "of"}
        countries = {NATIONS[q] for q in qualifiers if q in NATIONS}
        best, best_score = None, float("-inf")
        for person in self.by_role_word.get(head, ())[-_MAX_BACK:]:
            if countries and not self._same_country(person, countries):
                continue
            role_words = set(re.findall(r"[\w]+", person.role.lower()))
            if (role_words & _LESSER_OFFICE) - set(words):
                continue  # "the defense minister" is not the deputy defense minister
            score = len(qualifiers & role_words)
            last = self.last_named(person, position)
            recency = last / 1e7 if last >= 0 else -(person.first if person.first is not None else 1e7) / 1e7 - 1
            score += recency
            if score > best_score:
                best, best_score = person, score
        return best

    def _named_next(self, title: str, position: int, window: int = 400) -> Person | None:
        """The person named right after a title-only mention, news style: "Russia's agriculture
        minister said ... Dmitry Patrushev said ...". Only someone first met after `position`,
        shortly after, and with no other title of their own."""
        head = title_head(title)
        best = self.first_named_after(position + 1, position + window + 1)
        if best is None or best.role and head not in best.role.lower().split() and not (
                head in _LEADERSHIP and any(w in TITLE_WORDS for w in best.role.lower().split())):
            return None  # "the head of the region ... Serhiy Haidai, governor of Luhansk, said"
        return best

    def _same_country(self, person: Person, countries: set[str]) -> bool:
        actor = self.registry.lookup(person.name)
        roles = " ".join(r for r in (person.role, actor.role if actor else None) if r).lower()
        if any(NATIONS.get(w) in countries for w in re.findall(r"[\w.]+", roles)):
            return True
        return actor is not None and actor.country in countries

    def _named_before(self, phrase: str, position: int) -> Resolved | None:
        """A definite description of someone the article has just named: "the agency" after "the
        International Atomic Energy Agency", "the British oil company" after "BP", "the woman"
        after "Olena Marchuk, 45, ...". The nearest fitting name within a few sentences."""
        words = phrase.split()
        head = words[-1].lower()
        if any(w[:1].isupper() and not ADJECTIVE.search(w) for w in words):
            return None  # "the Famine Early Warning Systems Network" is a name, not a description
        if head in _SPOKESPEOPLE and self.speakers:
            # "..., she said. Brussels' approach is similar, the spokeswoman suggested": the person
            # just quoted, when the article never gave anyone that title.
            at, who = self.speakers[-1]
            person = self.find(who.speaker) if who.kind == "person" else None
            if person is not None and position - at <= _WINDOW and person.gender in (None, _SPOKESPEOPLE[head]):
                return who
            return None
        if head in _GENDERED:
            people, _ = self._people_before(position)
            for person in people[:_MAX_BACK]:
                last = self.last_named(person, position)
                if last < position - _WINDOW or re.search(rf"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){{0,3}}{head}\b",
                                                           self.text[last:position], re.I):
                    break  # "One Russian man in his 30s ... The man said": the man is not the one named
                if person.gender in (None, _GENDERED[head]):
                    return self._person_result(person, person.spoken_role)
            return None
        if head not in _BODY_HEADS:
            return None
        for start, name in self.bodies_before(position, _WINDOW, _MAX_BACK):
            words = name.lower().split()
            if head in words or head in _ANY_BODY and not all(w in NOT_NAME for w in words):
                name = re.sub(r"^The\s+", "", name)
                return Resolved(undot(name), None, "organisation", self._canonical(name))
        return None

    def _described_before(self, mention: Mention, position: int) -> Resolved | None:
        """ "the official said" after "a senior U.S. official confirmed": the speaker last quoted
        under a fuller description with the same head (the fullest form the article gives an
        unnamed source), within a few paragraphs. Only a definite mention points back: "an
        official said" is someone new."""
        words = mention.name.lower().split()
        if not words or not re.match(r"the\s", mention.text, re.I):
            return None
        for at, who in reversed(self.speakers[-_MAX_BACK:]):
            if at >= position:
                continue
            if position - at > _WINDOW:
                break
            theirs = who.speaker.lower().split()
            if who.kind in ("title", "group") and len(theirs) > len(words) and theirs[-1] == words[-1] \
                    and set(words) <= set(theirs):
                return who
        # Introduced without being quoted: "a senior U.S. defense official briefed reporters ... the
        # official said". The last such description naming where the source is from.
        found = None
        for m in _introducing(words[-1]).finditer(self.text, max(0, position - _WINDOW), position):
            modifiers = m.group(1).split()[:-1]
            if any(w[:1].isupper() for w in modifiers) and not any(w.lower() in _NOT_MODIFIERS for w in modifiers) \
                    and set(words) <= set(m.group(1).lower().split()):
                found = m.group(1)
        return Resolved(undot(found), None, "group", actor_of(found) or "") if found else None

    def _last_two_bodies(self, position: int) -> Resolved | None:
        """ "Armenia accused Azerbaijan of ... Both sides have blamed each other": the two bodies
        named last."""
        names: list[str] = []
        for _, name in self.bodies_before(position, _WINDOW, _MAX_BACK):
            if name not in names and not (" " not in name and ADJECTIVE.search(name)):
                names.append(name)
            if len(names) == 2:
                return Resolved(f"{names[1]} and {names[0]}", None, "group", f"{names[1]} and {names[0]}")
        return None

    def _org_reference(self, phrase: str) -> Resolved | None:
        """'the ministry', 'the statement', 'the official' -> the speaker quoted before."""
        words = phrase.lower().replace("’", "'").replace("´", "'").split()
        if not words or words[-1] not in _BACK_REFERENCES or len(words) > 3 \
                or any(w in _BACK_REFERENCES or w.endswith("'s") for w in words[:-1]):
            return None
        head = words[-1]
        countries = {NATIONS[w] for w in words[:-1] if w in NATIONS}
        others = [w for w in words[:-1] if w not in NATIONS]
        if head in ("statement", "report") and others:
            return None  # "a video report" is another document than the statement just quoted
        for _, who in reversed(self.speakers[-_MAX_BACK:]):
            name = who.speaker.lower().replace("’", "'").replace("´", "'")
            if who.kind in ("organisation", "group") and (head in name or head in ("statement", "report")) \
                    and all(w in name for w in others):
                theirs = {NATIONS[w] for w in re.findall(r"[\w.]+", name.replace("'s", "")) if w in NATIONS}
                if countries and theirs and not countries & theirs:
                    continue  # "the Ukrainian military" is not the Russian military quoted before
                return who
        return None


# Words that end a description rather than qualify its head ("the report of the official").
_NOT_MODIFIERS = frozenset("""of the a an and or to in on for with by at from that which who as is was are were has
    have had said says told""".split())


@lru_cache(maxsize=256)
def _introducing(head: str) -> re.Pattern:
    """An indefinite description ending in `head`: "a senior U.S. defense official"."""
    return re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Ss]ome|[Ss]everal)\s+((?:[\w.'’-]+\s+){{1,4}}?{re.escape(head)})\b")


_BOTH_SIDES = re.compile(r"(?:both|the\s+two)\s+(?:sides|countries|parties|nations|governments)", re.I)
_LEADERSHIP = frozenset("head chief leader".split())
# Words that make a title another office than the bare title ("deputy minister", "ex-mayor").
_LESSER_OFFICE = frozenset("deputy vice assistant former acting ex first-deputy".split())
# A definite description that can point back to a person ("the mayor", "Alina's father").
_DEFINITE = re.compile(r"(?:the|[A-Z][\w-]*['’]s)\s", re.I)
