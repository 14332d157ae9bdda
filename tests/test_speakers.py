"""Speaker phrases: names, roles and references resolved within one article."""
from datetime import date

from etl.actors import ActorRegistry
from etl.extract.attribution.phrases import split_mention
from etl.extract.attribution.resolve import ArticleSpeakers

REGISTRY = ActorRegistry.load()


def test_role_before_a_name_is_split_off():
    m = split_mention("US Ambassador to NATO Matthew Whitaker", REGISTRY)
    assert (m.name, m.role) == ("Matthew Whitaker", "US Ambassador to NATO")
    m = split_mention("German Chancellor Friedrich Merz", REGISTRY)
    assert (m.name, m.role) == ("Friedrich Merz", "German Chancellor")


def test_honorifics_are_not_roles():
    m = split_mention("Mr Sadovyi", REGISTRY)
    assert m.name == "Sadovyi" and m.role is None


def test_groups_offices_and_things_that_cannot_speak():
    assert split_mention("Ukrainian officials", REGISTRY).kind == "group"
    assert split_mention("the city's mayor", REGISTRY).kind == "title"
    assert split_mention("he", REGISTRY).kind == "pronoun"
    assert split_mention("the explosions", REGISTRY) is None
    assert split_mention("Russia's", REGISTRY) is None


def _memory(text: str) -> ArticleSpeakers:
    return ArticleSpeakers(text, REGISTRY, date(2024, 5, 2))


def test_surname_resolves_to_the_fullest_form_in_the_article():
    text = "Mayor Andriy Koval visited the school. Later Koval spoke to parents."
    memory = _memory(text)
    who = memory.resolve(split_mention("Koval", REGISTRY), text.index("Later"))
    assert who.speaker == "Andriy Koval"


def test_title_resolves_to_the_person_holding_it_even_if_named_later():
    text = "Two people died, the city's mayor said. Mayor Andriy Koval visited the school."
    memory = _memory(text)
    who = memory.resolve(split_mention("the city's mayor", REGISTRY), 0)
    assert who.speaker == "Andriy Koval" and who.role == "Mayor"


def test_pronoun_resolves_to_the_person_last_in_subject_position():
    text = ("Olena Marchuk, a nurse, worked through the night. "
            "Hospital director Petro Ivanenko praised the staff of Dmytro Shevchuk. She said it was hard.")
    memory = _memory(text)
    who = memory.resolve(split_mention("he", REGISTRY), text.index("She said"))
    assert who.speaker == "Petro Ivanenko"  # Shevchuk only appears after a preposition


def test_speaker_is_the_articles_fullest_form_and_actor_the_registrys_name():
    text = "President Volodymyr Zelenskyy spoke on Monday."
    memory = _memory(text)
    who = memory.resolve(split_mention("Zelenskyy", REGISTRY), len(text))
    assert (who.speaker, who.actor) == ("Volodymyr Zelenskyy", "Volodymyr Zelensky")


def test_another_spelling_of_a_known_person_joins_the_same_person():
    text = "Volodymyr Zelensky spoke on Monday. Zelenskiy said more later."
    memory = _memory(text)
    who = memory.resolve(split_mention("Zelenskiy", REGISTRY), text.index("Zelenskiy"))
    assert who.speaker == "Volodymyr Zelensky"


def test_gender_from_first_names_and_gendered_nouns():
    text = ("His wife Inna stayed. Petro Ivanenko left. Mykola Shevchuk arrived. "
            "Oksana Koval and Denys Bondar waited.")
    memory = _memory(text)
    assert memory.resolve(split_mention("she", REGISTRY), len(text)).speaker == "Oksana Koval"
    genders = {p.name: p.gender for p in memory.people}
    assert genders["Inna"] == "f" and genders["Petro Ivanenko"] == "m" and genders["Mykola Shevchuk"] == "m"


def test_coordinated_names_and_time_words():
    assert split_mention("Azerbaijan and Armenia", REGISTRY).name == "Azerbaijan and Armenia"
    assert split_mention("Ivan", REGISTRY).name == "Ivan"  # a name, not an adjective in -an
    assert split_mention("earlier Monday", REGISTRY) is None
    m = split_mention("Representative Jane Doe of Ohio", REGISTRY)
    assert (m.name, m.role) == ("Jane Doe", "Representative")


def test_clergy_and_coroners_can_speak_and_laws_are_not_people():
    assert split_mention("the pontiff", REGISTRY) is not None
    assert split_mention("the coroner", REGISTRY) is not None
    assert split_mention("The Crimes Act", REGISTRY).kind != "person"
    assert split_mention("Bill Hagen", REGISTRY).name == "Bill Hagen"


def test_an_age_description_names_the_person_the_article_is_about():
    text = "Mayor Ivan Petrenko said the city would hold. The 44-year-old leader said more."
    memory = ArticleSpeakers(text, REGISTRY, date(2022, 8, 24))
    who = memory.resolve(split_mention("the 44-year-old leader", REGISTRY), text.index("The 44"))
    assert who.speaker == "Ivan Petrenko"
