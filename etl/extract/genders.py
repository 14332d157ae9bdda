"""Grammatical gender of a person mentioned in news text, for resolving "he" and "she".

Evidence, strongest first: an honorific or a gendered noun written with the name ("Mrs", "his wife
Inna", "spokeswoman"), a common first name, then the Slavic endings that mark women's surnames
("-ova", "-skaya") and first names ("-a"). Unknown stays None: a wrong guess would hand a quote to
the wrong person.
"""
from __future__ import annotations

import re

_MALE_WORDS = frozenset("""mr mr. sir lord king prince father husband son brother uncle grandfather
nephew boy man widower spokesman chairman congressman businessman serviceman fireman policeman
dad grandson stepfather""".split())
_FEMALE_WORDS = frozenset("""mrs mrs. ms ms. miss dame lady queen princess mother wife daughter sister
aunt grandmother niece girl woman widow spokeswoman chairwoman congresswoman businesswoman
servicewoman policewoman mum mom granddaughter stepmother actress""".split())

# Common first names in war reporting (Ukrainian, Russian and other European, English, and their
# usual transliterations). Names used for both sexes (Sasha, Zhenya, Valya) are left out.
_MALE_NAMES = frozenset("""
volodymyr vladimir oleksandr olexandr oleksander alexander aleksandr alexandr alexei alexey aleksei
oleksiy oleksii andriy andrii andrei andrey andrew dmytro dmitry dmitri dmitriy serhiy serhii sergei
sergey sergiy mykola nikolai nikolay mykhailo mikhail mykhaylo michael ivan ihor igor yuriy yurii
yuri viktor victor vitaliy vitalii vitaly pavlo pavel paul petro pyotr petr peter taras bohdan
bogdan roman ruslan oleh oleg maksym maxim maksim denys denis yevhen yevgeny evgeny evgeniy anatoliy
anatoly vasyl vasily vasiliy valeriy valerii valery vadym vadim kostiantyn konstantin kyrylo kirill
stepan vyacheslav viacheslav artem artyom artur arsen anton borys boris hennadiy gennady
leonid mykyta nikita danylo daniil danila daniel ilya illia yaroslav stanislav rostyslav
svyatoslav volodymir emmanuel olaf friedrich jens mark donald joe joseph john james robert william
richard thomas charles christopher matthew anthony antony steven stephen kevin brian george edward
ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan larry justin scott brandon
benjamin samuel gregory frank raymond patrick jack dennis jerry tyler aaron jose adam
henry nathan douglas zachary kyle walter harold keith christian roger noah gerald carl terry sean
austin arthur lawrence jesse dylan bryan jordan billy bruce albert willie gabriel logan alan
juan wayne roy ralph randy eugene vincent russell louis philip bobby johnny bradley lloyd rishi
keir boris emmanuel recep antonio jean pierre francois jacques olivier sebastien luc
mario sergio giuseppe luigi marco matteo karl hans klaus wolfgang jurgen heinz dieter stefan
andrzej jaroslaw mateusz tomasz piotr krzysztof marcin viktor alexis ramzan lukas lars nils
erik sven ola jan jonas tim ben nick mick jake sam tom rob dan jim mike bill dave bob rick""".split())
_FEMALE_NAMES = frozenset("""
olena elena yelena helen helena iryna irina oksana tetiana tetyana tatiana tatyana natalia natalya
nataliya natalie yulia yuliia julia liudmyla lyudmyla ludmila lyudmila larysa larisa svitlana
svetlana olga olha halyna galina nadiya nadezhda anna hanna ganna maria mariya mariia marina
kateryna ekaterina yekaterina katerina inna alla alina valentyna valentina viktoria victoria
viktoriia daria darya dariia anastasia anastasiia nastya khrystyna kristina oleksandra
aleksandra alexandra sofia sofiya zoya vira vera lyubov liubov nina raisa tamara lidia lydia
ksenia kseniia yana diana angelina veronika polina vlada karina mila milana lesia lesya ruslana
bohdana zlata marta ulyana uliana nadia iuliia alyona alona maryna zhanna elizaveta yelyzaveta
liza emine kamala ursula angela annalena kaja giorgia liz theresa hillary nancy mary patricia
jennifer linda elizabeth barbara susan jessica sarah karen lisa betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy shirley brenda emma pamela nicole samantha katherine 
debra rachel carolyn janet catherine heather frances ann joyce virginia kelly evelyn judith megan
andrea cheryl hannah jacqueline martha gloria teresa sara janice julie madison grace judy
theresa beverly denise marilyn amber danielle rose brittany diane natalie sophia alice abigail
rosemary matilda marysia agnieszka magdalena katarzyna malgorzata ewa joanna monika beata
sanna mette marine ségolène segolene christine francoise sabine ilse ingrid birgit kristin""".split())

_FEMALE_SURNAME = re.compile(r"(?:ova|eva|yova|ina|skaya|tskaya|ska|cka|aya)$")
# Slavic women's first names end in -a/-ia/-ya; these men's names and diminutives do too, and
# these are used for both sexes.
_MALE_IN_A = frozenset("""mykola nikita mykyta ilya illia danila kuzma foma misha dima vova kolya petya
vasya tolya lyosha grisha yura vitya seryozha zhora luca luka nicola andrea joshua elisha ezra
mustafa musa hamza yahya zakaria issa isa osama oussama shota""".split())
_EITHER = frozenset("sasha slava zhenya valya shura nikola".split())


def gender_of(name: str, context_words: list[str] = ()) -> str | None:
    """'m', 'f' or None for the person called `name`, written with `context_words` (the title or
    noun before the name: "his wife", "Mrs")."""
    for word in context_words:
        low = word.lower().strip(",.;:")
        if low in _MALE_WORDS:
            return "m"
        if low in _FEMALE_WORDS:
            return "f"
    tokens = [t.lower().strip(".,") for t in name.split()]
    if not tokens:
        return None
    if tokens[0] in _MALE_NAMES:
        return "m"
    if tokens[0] in _FEMALE_NAMES:
        return "f"
    if len(tokens) >= 2 and _FEMALE_SURNAME.search(tokens[-1]):
        return "f"
    first = tokens[0]
    if len(first) > 3 and first.endswith("a") and first not in _MALE_IN_A and first not in _EITHER:
        return "f"
    return None
