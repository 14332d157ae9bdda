"""The actors registry: many spellings and titles -> one canonical actor."""
import pickle
from datetime import date
from pathlib import Path

from etl.actors import ActorRegistry

REGISTRY = ActorRegistry.load()


def test_spellings_titles_and_possessives_map_to_one_actor():
    for name in ("Zelensky", "Zelenskyy", "Volodymyr Zelensky", "President Zelensky", "ZELENSKIY",
                 "Zelensky's", "Zelensky’s", "  Volodymyr   Zelenskyy "):
        assert REGISTRY.canonical(name) == "Volodymyr Zelensky", name


def test_title_aliases_resolve_to_the_holder_at_the_time():
    assert REGISTRY.canonical("the Ukrainian president", on=date(2023, 1, 1)) == "Volodymyr Zelensky"
    assert REGISTRY.canonical("Ukraine's president", on=date(2023, 1, 1)) == "Volodymyr Zelensky"
    assert REGISTRY.canonical("the Ukrainian president", on=date(2017, 1, 1)) == "Petro Poroshenko"
    assert REGISTRY.canonical("NATO Secretary General", on=date(2020, 5, 1)) == "Jens Stoltenberg"
    assert REGISTRY.canonical("NATO Secretary General", on=date(2025, 9, 4)) == "Mark Rutte"


def test_title_alias_follows_the_person_named_in_the_article():
    named = ["Volodymyr Zelenskyy", "Olha Petrenko"]
    assert REGISTRY.canonical("the Ukrainian president", on=date(2017, 1, 1), named=named) == "Volodymyr Zelensky"


def test_title_alias_outside_any_tenure_is_kept_as_written():
    assert REGISTRY.lookup("the Ukrainian president", on=date(2010, 1, 1)) is None
    assert REGISTRY.canonical("the Ukrainian president", on=date(2010, 1, 1)) == "the Ukrainian president"


def test_unknown_names_are_kept_as_written_and_trimmed():
    assert REGISTRY.canonical("  Olha   Petrenko ") == "Olha Petrenko"
    assert REGISTRY.lookup("Olha Petrenko") is None


def test_organisations_and_acronyms():
    assert REGISTRY.canonical("U.N.") == "UN"
    assert REGISTRY.canonical("the United Nations") == "UN"
    assert REGISTRY.canonical("Russia’s defense ministry") == "Russian Defence Ministry"
    actor = REGISTRY.lookup("UN refugee agency")
    assert actor is not None and actor.canonical == "UNHCR" and actor.kind == "organisation"


def test_lookup_gives_role_country_and_kind():
    actor = REGISTRY.lookup("Peskov")
    assert actor.canonical == "Dmitry Peskov"
    assert actor.kind == "person" and actor.country == "RU" and "spokesman" in actor.role.lower()


def test_registry_survives_pickling_for_worker_processes():
    clone = pickle.loads(pickle.dumps(REGISTRY))
    assert clone.canonical("Zelenskyy") == "Volodymyr Zelensky"


def test_load_reads_an_edited_file(tmp_path: Path):
    path = tmp_path / "actors.csv"
    path.write_text("canonical,aliases,role,country,kind,from,to\n"
                    "Olha Petrenko,Petrenko;the mayor of Bilohirka,Mayor of Bilohirka,UA,person,2020-01-01,\n",
                    encoding="utf-8")
    registry = ActorRegistry.load(path)
    assert registry.canonical("Petrenko") == "Olha Petrenko"
    assert registry.canonical("the mayor of Bilohirka", on=date(2021, 1, 1)) == "Olha Petrenko"
    assert registry.canonical("the mayor of Bilohirka", on=date(2019, 1, 1)) == "the mayor of Bilohirka"
    assert ActorRegistry.load(path) is registry  # parsed once per file version


def test_csv_has_the_documented_columns_and_unique_canonicals():
    header = Path(__file__).resolve().parent.parent.joinpath("data", "actors.csv").read_text(
        encoding="utf-8").splitlines()[0]
    assert header == "canonical,aliases,role,country,kind,from,to"
    names = [a.canonical for a in REGISTRY.actors]
    assert len(names) == len(set(names)) and len(names) > 200
    assert {a.kind for a in REGISTRY.actors} == {"person", "organisation"}


def test_spelling_and_transliteration_variants_join_their_actor():
    for name in ("Mr Zelenskyy", "Vladimir Zelensky", "Volodymr Zelensky", "Volodymir Zelensky", "V. Zelenskyi"):
        assert REGISTRY.canonical(name) == "Volodymyr Zelensky", name
    assert REGISTRY.canonical("Dmitri S. Peskov") == "Dmitry Peskov"  # a middle initial, another spelling
    assert REGISTRY.canonical("Sergiy Lavrov") == "Sergei Lavrov"
    assert REGISTRY.canonical("the UN children's agency") == "UNICEF"


def test_a_variant_that_matches_no_actor_stays_as_written():
    assert REGISTRY.canonical("John Zelensky") == "John Zelensky"  # another first name: another person
    assert REGISTRY.canonical("Olha Zelenska-Petrenko") == "Olha Zelenska-Petrenko"


def test_words_glued_to_a_name_make_no_actor():
    for junk in ("Has Putin", "Unlike Putin", "Vladimir Putin Biden", "official"):
        assert REGISTRY.lookup(junk) is None, junk


def test_a_capital_standing_for_its_government_is_that_country():
    assert REGISTRY.canonical("Moscow") == "Russia"
    assert REGISTRY.canonical("Kiev") == REGISTRY.canonical("Kyiv") == "Ukraine"
    assert REGISTRY.lookup("Kiev").country == "UA"
