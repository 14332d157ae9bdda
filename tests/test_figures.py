"""Reported figures from short invented articles, and the seed article's gold figures."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl.actors import ActorRegistry
from etl.extract.figures import extract_figures
from etl.extract.periods import INVASION_START
from etl.extract.sentences import split_sentences
from etl.model import Article, Figure, Statement

PUBLISHED = date(2022, 8, 10)  # a Wednesday
SHARED = Path(__file__).resolve().parents[2] / "shared"


def article(text: str, published: date = PUBLISHED, article_id: str = "t1",
            title: str = "The war in Ukraine") -> Article:
    return Article(article_id, published, title, "", (), "", "", text)


def figures(text: str, statements: list[Statement] | None = None,
            published: date = PUBLISHED) -> list[Figure]:
    a = article(text, published)
    return extract_figures(a, split_sentences(a.text), statements or [], ActorRegistry.load())


def pairs(text: str) -> set[tuple[int, str]]:
    """This war's figures, as the scorer reads them."""
    return {(f.value, f.category) for f in figures(text)
            if f.qualifier != "vague" and f.conflict == "russia-ukraine"}


def one(text: str, value: int) -> Figure:
    (f,) = [f for f in figures(text) if f.value == value]
    return f


def one_on(text: str, value: int, published: date) -> Figure:
    (f,) = [f for f in figures(text, published=published) if f.value == value]
    return f


# --- categories ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("In the Kharkiv region, 589 people were killed and 1152 injured in the attack.",
     {(589, "killed"), (1152, "injured")}),
    ("Russian shelling of Kharkiv on Monday, killing three and wounding 31.",
     {(3, "killed"), (31, "injured")}),
    ("The death toll from the strike on the station climbed to 25, officials said.", {(25, "killed")}),
    ("The Russians have struck the region before, and wounded five in an attack in March.",
     {(5, "injured")}),
    ("The explosions, which killed one person and wounded 14, sent tourists fleeing.",
     {(1, "killed"), (14, "injured")}),
    ("Thirty-one people were reported wounded.", {(31, "injured")}),
    ("A strike left five people dead and five wounded.", {(5, "killed"), (5, "injured")}),
    ("Two residents of the village of Pisky in the Donetsk region were killed in shelling.",
     {(2, "killed")}),
    ("Bodies of 44 civilians have been found in the rubble.", {(44, "killed")}),
])
def test_killed_and_injured_from_the_words_around_each_count(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Pentagon said as many as 80,000 Russian troops have been killed or wounded.",
     (80_000, "casualties")),
    ("Russian forces have sustained up to 80,000 deaths and injuries in the fighting.",
     (80_000, "casualties")),
    ("Officials said 12 people remain missing after the strike.", (12, "missing")),
    ("Russian forces said 265 Ukrainian fighters had surrendered.", (265, "captured")),
    ("In the latest prisoner exchange, 50 Ukrainian soldiers were released on Saturday.",
     (50, "captured")),
    ("More than 14 million people have fled their homes.", (14_000_000, "displaced")),
    ("Some 250 residents were moved to temporary housing.", (250, "displaced")),
    ("Russia has deployed 100,000 soldiers to the front line near Pokrovsk.", (100_000, "deployed")),
    ("The move would increase the number of troops by 137,000.", (137_000, "deployed")),
])
def test_other_categories(text, expected):
    assert pairs(text) == {expected}


@pytest.mark.parametrize("text", [
    "Ukraine says 9 Russian warplanes were destroyed in the blasts.",
    "Russia launched 75 missiles, and 41 of them were shot down, the army said.",
    "Fighting went on for 24 hours before the town fell.",
    "The strike killed a man and damaged 12 buildings.",
    "No one was killed in the attack.",
    "One prisoner on death row chose a firing squad.",
    "The earthquake killed more than 2,000 people.",
    "Hong Kong's Covid wave has led to more than 7,000 deaths.",
    "Around a dozen officers had been disciplined, a prosecutor said.",
])
def test_counts_of_things_or_non_casualties_are_not_figures(text):
    assert pairs(text) == set()


@pytest.mark.parametrize("text", [
    "A gunman opened fire at a school, killing seven children.",
    "Five people died in the storming of the Capitol.",
    "A blaze at a nightclub killed 13 people.",
    "At least 26 protesters were killed in the unrest, the authorities said.",
    "Police arrested 4,400 people during the protests in Almaty.",
])
def test_harm_from_causes_other_than_war_is_kept_outside_this_war(text):
    found = figures(text)
    assert found and all(f.conflict != "russia-ukraine" for f in found)


def test_a_means_of_war_keeps_a_figure_whatever_else_the_sentence_names():
    assert pairs("A Russian missile hit the covid hospital, killing 3 people.") == {(3, "killed")}
    assert pairs("Police detained 1,300 people at anti-war protests.") == {(1300, "captured")}


def test_the_protests_the_arrested_were_at_can_be_named_the_sentence_before():
    text = "Thousands rallied against the invasion on Sunday. Police detained 5,000 people."
    assert pairs(text) == {(5000, "captured")}


def test_a_part_of_a_figure_in_another_group_is_its_own_figure():
    f = one("A rocket attack killed 20 people, including three children.", 3)
    assert (f.category, f.group) == ("killed", "children")


def test_a_part_in_the_same_group_is_its_own_figure_too():
    assert pairs("Officials said 50 soldiers, including two former defenders of the plant, "
                 "were captured.") == {(50, "captured"), (2, "captured")}
    assert pairs("Shelling killed nine civilians on Friday, including four in the old town.") == {
        (9, "killed"), (4, "killed")}


def test_a_figure_said_on_its_own_later_says_whose_people_it_counts():
    (f,) = [f for f in figures("A strike killed 20 soldiers, including two officers. "
                               "Two civilians were killed in a second strike.") if f.value == 2]
    assert f.group == "civilians"


# --- euphemisms, ranks and nationalities ----------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Five officers, including two colonels, were reportedly taken out in the strike.",
     {(5, "killed"), (2, "killed")}),
    ("The ministry said its forces had destroyed up to 90 foreign mercenaries.", {(90, "killed")}),
    ("More than 40 nationalists were neutralised near the village.", {(40, "killed")}),
    ("Four insurgents were eliminated overnight.", {(4, "killed")}),
    ("Three U.S. Marines were killed in a rocket attack.", {(3, "killed")}),
    ("One British national has been killed and four captured while fighting there.",
     {(1, "killed"), (4, "captured")}),
    ("Police detained a total of six suspects in connection with the blast.", {(6, "captured")}),
    ("Moscow urged Kyiv to free 300 fighters taken as prisoners-of-war at the plant.",
     {(300, "captured")}),
    ("The army was losing 40 to 60 soldiers a day in the battle.", {(40, "casualties")}),
])
def test_euphemisms_ranks_and_nationals_count_people(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text", [
    "Air defences destroyed 17 drones over the city, the commander said.",
    "The battalion destroyed nine of 11 missiles, the general staff said.",
    "Russia said it withdrew 30,000 troops across the river without losing a single soldier.",
])
def test_things_destroyed_and_losses_denied_are_not_figures(text):
    assert (30_000, "casualties") not in pairs(text)
    assert not {(v, c) for v, c in pairs(text) if c == "killed"}


def test_a_captured_soldier_is_military_of_the_side_named():
    f = one("Kyiv freed the mayor in exchange for six captured Russian soldiers.", 6)
    assert (f.category, f.group, f.side) == ("captured", "military", "russia")


def test_the_doers_of_a_killing_are_not_its_victims():
    assert pairs("Witnesses said two soldiers murdered her husband in the yard.") == set()
    assert pairs("Two soldiers killed three villagers.") == {(3, "killed")}
    assert pairs("Three people killed the day before were buried on Sunday.") == {(3, "killed")}
    assert pairs("He said 40 captured the village.") == set()


def test_a_count_with_its_own_passive_does_not_take_the_category_before_it():
    assert pairs("Two people were killed and 19 were rescued from the rubble, four of them "
                 "wounded.") == {(2, "killed"), (4, "injured")}
    assert pairs("Of 2 million refugees, about 1 million are children.") == {
        (2_000_000, "displaced"), (1_000_000, "displaced")}


def test_deaths_before_the_war_from_other_causes_are_not_figures():
    assert pairs("Before the war, the morgue handled about three bodies a day, most of them "
                 "deaths from natural causes.") == set()
    assert pairs("Now the morgue receives up to 15 bodies a day.") == {(15, "killed")}


def test_vague_plurals_are_kept_but_marked():
    (f,) = figures("Tens of thousands of people have fled the city.")
    assert (f.value, f.qualifier, f.category) == (10_000, "vague", "displaced")


# --- group and side -----------------------------------------------------------------------
@pytest.mark.parametrize("text, value, group, side", [
    ("Three Ukrainian civilians were killed in Kharkiv.", 3, "civilians", "ukraine"),
    ("Nearly 43,000 Russian soldiers had been killed, he claimed.", 43_000, "military", "russia"),
    ("At least 49 Armenian troops were killed, Armenia said.", 49, "military", "other"),
    ("Russian shelling killed 7 people in the town.", 7, "people", "ukraine"),
    ("In Donetsk, Ukrainian shelling hit a brewery, killing 4 people.", 4, "people", "russia"),
    ("Six zoo personnel were killed in the shelling in Kyiv.", 6, "other", "ukraine"),
    ("Explosions at an air base in Crimea killed 2 people.", 2, "people", "russia"),
    ("The ministry listed 50 Ukrainian prisoners of war killed in the strike.", 50, "other", "ukraine"),
    ("The Russian defence ministry said nearly 500 of its soldiers have been killed.", 500,
     "military", "russia"),
    # Who the people were, said before the count's noun or after it.
    ("In June Ukrainian president Volodymyr Zelensky acknowledged 60 to 100 military fatalities "
     "a day.", 60, "military", "ukraine"),
    ("The U.S. believes Russia has suffered between 70,000 and 80,000 killed and wounded among its "
     "military forces.", 70_000, "military", "russia"),
    ("Two Ukrainian men who died fighting near Bakhmut were buried on Sunday.", 2, "military",
     "ukraine"),
    ("Six journalists have been killed covering the war, which includes more than 5,000 deaths among "
     "civilians in Mariupol.", 5_000, "civilians", "ukraine"),
    ("In late September, he claimed that Ukraine loses about 50 service members every day.", 50,
     "military", "ukraine"),
    ("Russia has also suffered heavy losses, including the deaths of more than 15,000 soldiers.",
     15_000, "military", "russia"),
    ("About 500 Ukrainian refugees have arrived in Norfolk.", 500, "civilians", "ukraine"),
    ("Two U.S. military veterans were captured near Kharkiv.", 2, "military", "other"),
])
def test_group_and_side(text, value, group, side):
    f = one(text, value)
    assert (f.group, f.side) == (group, side)


@pytest.mark.parametrize("text, value, side", [
    ("Police detained more than 1,300 anti-war protesters in Moscow.", 1300, "russia"),
    ("Russian authorities arrested 4,300 protesters who marched against the war.", 4300, "russia"),
    ("Russian forces detained two workers of the plant in southern Ukraine.", 2, "ukraine"),
    ("Norwegian police arrested two Russians near an airport.", 2, "russia"),
    ("Kazakhstan's interior ministry said police arrested 400 people.", 400, "other"),
    ("In the weeks after the invasion, the police detained more than 15,000 people nationwide, "
     "according to OVD-Info, a human rights group.", 15_000, "russia"),
])
def test_the_arrested_are_on_the_side_of_the_country_arresting_them(text, value, side):
    assert one(text, value).side == side


def test_arrests_take_the_country_named_in_the_sentences_before():
    text = ("Rallies against the war spread across Russia on Sunday. "
            "Police detained more than 5,000 people, monitors said.")
    assert one(text, 5000).side == "russia"


def test_deaths_in_a_sentence_naming_only_other_countries_are_theirs():
    text = ("Fighting flared again on the disputed border. "
            "Armenia said 105 of its service members were killed in an attack by Azerbaijan.")
    assert one(text, 105).side == "other"


def test_whose_dead_from_the_total_they_are_counted_in():
    f = one("Western estimates of Russian dead have ranged from more than 15,000 to over 20,000.",
            15_000)
    assert (f.category, f.value_high, f.qualifier, f.side) == ("killed", 20_000, "at_least", "russia")


def test_a_country_updating_its_own_figures_counts_its_own_dead():
    f = one("Moscow has not updated its official figures since March, when officials said "
            "some 1,351 troops had been killed.", 1351)
    assert (f.group, f.side) == ("military", "russia")


def test_a_coordinated_count_shares_the_first_ones_people():
    f = one("Three more Ukrainian civilians died and eight more were wounded.", 8)
    assert (f.category, f.group, f.side) == ("injured", "civilians", "ukraine")


def test_people_of_another_clause_are_not_called_civilians_by_this_one():
    text = "Thousands of civilians have been killed, and some 14 million people have fled their homes."
    assert one(text, 14_000_000).group == "people"


def test_people_in_a_sentence_about_civilians_are_civilians():
    assert one("It was the deadliest month for civilians: 589 people were killed.", 589).group == \
        "civilians"


def test_a_military_announcing_kills_announces_the_enemys_losses():
    f = one("Ukraine's General Staff said 200 soldiers were killed in the last day.", 200)
    assert (f.group, f.side) == ("military", "russia")


def test_harm_by_ukrainian_forces_counts_russias_side_and_the_story_goes_on_about_it():
    lede = ("Three people were killed in shelling of the town of Zelenopil by Ukrainian forces, "
            "an official said.")
    body = "Ivan Petrenko, head of the town, also told reporters that two people are missing."
    said = [Statement("t1:s1", "t1", PUBLISHED, "official", None, "indirect",
                      "Three people were killed", "said", None, lede),
            Statement("t1:s2", "t1", PUBLISHED, "Ivan Petrenko", "head of the town", "indirect",
                      "two people are missing", "told", None, body)]
    text = f"{lede} The town has no power. {body}"
    assert {(f.value, f.side) for f in figures(text, said)} == {(3, "russia"), (2, "russia")}


def test_a_russian_appointed_official_speaks_for_a_place_russia_holds():
    text = "Four people were injured in the town of Zelenopil, a local Russian-appointed official said."
    assert one(text, 4).side == "russia"


def test_protesters_arrested_across_the_country_are_on_the_side_of_the_country_named_before():
    text = ("Protesters in Russia marched against the invasion of Ukraine on Sunday. "
            "A monitor said crowds opposed the Kremlin's military action in Ukraine. "
            "At least 2,140 people were arrested in 31 cities across the country.")
    assert one(text, 2140).side == "russia"


def test_the_evacuated_crew_of_a_warship_are_its_countrys_military():
    text = "Russia said a fire on the cruiser forced all 312 members of the crew to evacuate."
    f = one(text, 312)
    assert (f.category, f.group, f.side) == ("displaced", "military", "russia")


# --- reporter -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, reporter", [
    ("According to the UN, 589 people were killed in July.", "UN"),
    ("At least 14 civilians died, according to Ukrainian authorities.", "Ukrainian authorities"),
    ("Three people died in the attack, Gov. Ivan Petrenko said on Telegram.", "Ivan Petrenko"),
    ("The governor of the Sumy region, Ivan Petrenko, said two people were killed.", "Ivan Petrenko"),
    ("Ukrainian officials said at least 19 people were killed.", "Ukrainian officials"),
    ("By the U.N.'s latest count, 5,500 civilians have been killed.", "UN"),
    ("Two civilians were hurt, police reported.", "police"),
    ("Eight people were killed in Bakhmut over the past day, said governor Ivan Petrenko.",
     "Ivan Petrenko"),
])
def test_the_reporter_named_in_the_sentence(text, reporter):
    (f,) = figures(text)
    assert f.reported_by == reporter


@pytest.mark.parametrize("text, reporter", [
    ("According to reports, 1,500 people had been arrested across Russia.", None),
    ("At least 40 people were killed, Ivan Petrenko, an adviser to the mayor, said Thursday.",
     "Ivan Petrenko"),
    ("Western estimates of Russian dead have ranged from 15,000 to 20,000.", "Western estimates"),
    ("Six million people have fled, according to new figures released by the International "
     "Organization for Migration.", "International Organization for Migration"),
    ("On Wednesday a Ukrainian marine commander said 500 injured troops were inside the plant.",
     "Ukrainian marine commander"),
])
def test_words_that_name_no_source_are_left_out_of_the_reporter(text, reporter):
    assert figures(text)[0].reported_by == reporter


def test_it_said_after_a_government_subject_is_that_government():
    text = ("China said later it lost four troops in the clash. The Ukrainian government started "
            "an investigation after it said the bodies of 410 civilians had been found.")
    assert one(text, 410).reported_by == "Ukrainian government"


def test_the_statement_speaker_resolves_a_title():
    text = ("Mayor Ivan Petrenko visited the site. "
            "Seven people were killed and 11 injured, the city's mayor said.")
    sentence = "Seven people were killed and 11 injured, the city's mayor said."
    said = Statement("t1:s1", "t1", PUBLISHED, "Ivan Petrenko", "Mayor", "indirect",
                     "Seven people were killed and 11 injured", "said", None, sentence,
                     actor="Ivan Petrenko")
    assert {(f.reported_by, f.reported_by_actor) for f in figures(text, [said])} == {
        ("Ivan Petrenko", "Ivan Petrenko")}


def test_a_statement_gives_the_name_as_written_and_the_registrys_name():
    sentence = "Twelve civilians were killed in Kharkiv, Volodymyr Zelenskyy said."
    said = Statement("t1:s1", "t1", PUBLISHED, "Volodymyr Zelenskyy", None, "indirect",
                     "Twelve civilians were killed in Kharkiv", "said", None, sentence,
                     actor="Volodymyr Zelensky")
    (f,) = figures(sentence, [said])
    assert (f.reported_by, f.reported_by_actor) == ("Volodymyr Zelenskyy", "Volodymyr Zelensky")


def test_a_surname_is_written_in_full_and_named_as_the_registry_names_it():
    text = ("Ukrainian President Volodymyr Zelenskiy visited Kharkiv on Monday. "
            "Twelve civilians were killed in the city, Zelenskiy said.")
    f = one(text, 12)
    assert (f.reported_by, f.reported_by_actor) == ("Volodymyr Zelenskiy", "Volodymyr Zelensky")


def test_a_reporter_the_registry_does_not_know_keeps_its_own_name():
    f = one("Kharkiv rescuers said at least 19 people were killed.", 19)
    assert (f.reported_by, f.reported_by_actor) == ("Kharkiv rescuers", "Kharkiv rescuers")


def test_a_government_written_as_its_officials_is_one_claimant():
    f = one("Ukrainian officials said at least 19 people were killed.", 19)
    assert (f.reported_by, f.reported_by_actor) == ("Ukrainian officials", "Ukraine")


def test_a_pronoun_takes_the_last_named_source():
    text = ("Olena Kovalenko, a volunteer with the Red Cross, said the city was being shelled. "
            "Two civilians died in an artillery attack, she said.")
    assert one(text, 2).reported_by == "Olena Kovalenko"


def test_it_said_in_a_when_clause_is_the_sentence_subject():
    text = "Moscow has not updated its figure since March, when it said 1,351 soldiers had been killed."
    assert one(text, 1351).reported_by == "Moscow"


def test_an_official_described_in_the_lede_is_named_by_the_next_sentence():
    text = ("Six people were killed in the town of Zelenopil, a local official said. "
            "Ivan Petrenko, deputy head of the region, also told reporters that the school burned.")
    lede = "Six people were killed in the town of Zelenopil, a local official said."
    body = "Ivan Petrenko, deputy head of the region, also told reporters that the school burned."
    said = [Statement("t1:s1", "t1", PUBLISHED, "local official", None, "indirect",
                      "Six people were killed in the town of Zelenopil", "said", None, lede),
            Statement("t1:s2", "t1", PUBLISHED, "Ivan Petrenko", "deputy head of the region",
                      "indirect", "the school burned", "told", None, body)]
    (f,) = figures(text, said)
    assert f.reported_by == "Ivan Petrenko"


# --- period -------------------------------------------------------------------------------
def test_an_event_with_no_time_is_dated_to_publication():
    f = one("Seven people were killed in the town.", 7)
    assert (f.period_start, f.period_end, f.cumulative) == (PUBLISHED, PUBLISHED, False)


def test_a_weekday_dates_the_figure():
    f = one("Three people were killed on Monday.", 3)
    assert f.period_start == f.period_end == date(2022, 8, 8)


def test_a_total_since_the_invasion_is_cumulative():
    f = one("Since the invasion began, 5,500 civilians have been killed.", 5500)
    assert (f.period_start, f.period_end, f.cumulative) == (INVASION_START, PUBLISHED, True)


def test_thousands_of_soldiers_killed_are_a_running_total_of_the_war():
    f = one("Zelensky claimed on Wednesday that nearly 43,000 Russian soldiers had been killed.", 43_000)
    assert (f.period_start, f.period_end, f.cumulative) == (INVASION_START, PUBLISHED, True)


def test_thousands_killed_before_the_invasion_are_a_running_total_since_2014():
    a = article("The Donbas conflict has already killed more than 13,000 people.", date(2021, 6, 1))
    (f,) = extract_figures(a, split_sentences(a.text), [], ActorRegistry.load())
    assert (f.period_start, f.period_end, f.cumulative, f.conflict) == (
        date(2014, 2, 20), date(2021, 6, 1), True, "russia-ukraine")


@pytest.mark.parametrize("text, value", [
    ("Nearly 1,000 Russian soldiers have been killed in one day in Ukraine, Kyiv has claimed.", 1_000),
    ("Officials claimed more than 1,000 civilians had been killed in what they said was a Russian airstrike.", 1_000),
    ("Shoigu said that over the previous two weeks alone, Ukraine had lost over 2,000 killed.", 2_000),
    ("In just two weeks, Ukraine has lost almost 5,500 troops, including over 2,000 killed, Shoigu said.", 2_000),
    ("It is a sharp fall from the record 142,000 people who crossed into Poland on 6 March.", 142_000),
])
def test_thousands_killed_in_one_day_attack_or_span_are_no_running_total(text, value):
    assert not one(text, value).cumulative


@pytest.mark.parametrize("text, value", [
    ("Some 950 soldiers were killed on Sunday, pushing the Russian death toll up to at least 71,200.", 71_200),
    ("The city's mayor said about 21,000 civilians had been killed.", 21_000),
    ("The UN has recorded over 5,500 civilian deaths, but noted the actual numbers could be far higher.", 5_500),
    # Attacks in the plural go on for weeks; a toll runs up whatever day it was told.
    ("The mayor said this week that over 10,000 civilians in his city have died in Russian attacks.", 10_000),
    ("The mayor told reporters on Monday that the death toll in his city has surpassed 10,000.", 10_000),
    ("In its count of civilian casualties on 2 June, the UN said it had recorded 4,169 deaths.", 4_169),
    # Refugees: an exodus runs up from the invasion, however the sentence names its start.
    ("More than 5 million Ukrainians have left the country since the start of Russian President "
     "Vladimir Putin's military invasion on Feb. 24.", 5_000_000),
    ("Millions have fled since Putin's assault began a month ago, with the UN estimating over 3.8 "
     "million Ukrainians have fled.", 3_800_000),
    ("That could prove complicated for Europeans, who must weigh their dependence on Russia against "
     "their condemnation of a war that has forced over 3.7 million Ukrainians to flee.", 3_700_000),
    ("The agency said on Wednesday that there were now an estimated 2.2 million refugees.", 2_200_000),
])
def test_thousands_in_a_toll_or_in_the_perfect_are_a_running_total_whatever_else_the_sentence_says(text, value):
    f = one(text, value)
    assert (f.period_start, f.cumulative) == (INVASION_START, True)
    assert f.period_end <= PUBLISHED


@pytest.mark.parametrize("text, value", [
    ("Russia has deployed 100,000 soldiers to the front line near Pokrovsk.", 100_000),
    ("About 40 people remain missing.", 40),
    ("Officials say around 350 civilians have been killed in the city.", 350),
    ("The number of displaced people has risen above 100 million.", 100_000_000),
    ("Three soldiers are still held in captivity.", 3),
])
def test_a_standing_state_or_running_total_without_a_time_has_no_period(text, value):
    f = one(text, value)
    assert (f.period_start, f.period_end) == (None, None)


@pytest.mark.parametrize("text", [
    "At least 20 people have been killed in a missile strike on the city, officials said.",
    "The governor said 12 people had been killed in the shelling.",
    "Officials said nine people were wounded, one of whom remains in hospital.",
])
def test_news_of_an_attack_in_the_perfect_is_dated_to_publication(text):
    (f,) = [f for f in figures(text) if f.value in (9, 12, 20)]
    assert (f.period_start, f.period_end) == (PUBLISHED, PUBLISHED)


def test_a_sentence_going_on_about_an_attack_takes_its_time():
    text = ("A Russian missile strike on Zaporizhzhia on Monday killed 17 people. "
            "The attack also wounded 89 people, officials said.")
    f = one(text, 89)
    assert f.period_start == f.period_end == date(2022, 8, 8)


def test_a_rate_has_no_period():
    f = one("Up to 100 Ukrainian soldiers were dying each day.", 100)
    assert f.period_start is None and f.period_end is None


# --- one row per figure -------------------------------------------------------------------
def test_the_same_value_and_category_is_kept_once_with_the_later_source_filled_in():
    text = ("July was the deadliest month: 589 people were killed and 1152 injured. "
            "According to the UN, 589 people were killed and 1152 injured in July.")
    out = figures(text)
    assert [(f.value, f.category) for f in out] == [(589, "killed"), (1152, "injured")]
    assert all(f.reported_by == "UN" for f in out)
    assert out[0].sentence == "July was the deadliest month: 589 people were killed and 1152 injured."


def test_ids_count_in_text_order_and_evidence_is_a_slice_of_the_text():
    text = "Officials said 3 people died in Sumy. Later 12 people were wounded in Kharkiv."
    out = figures(text)
    assert [f.figure_id for f in out] == ["t1:f1", "t1:f2"]
    assert all(f.sentence in text and f.published == PUBLISHED for f in out)
    assert [f.location for f in out] == ["Sumy", "Kharkiv"]


def test_an_article_without_figures_gives_none():
    assert figures("Talks resumed in Istanbul on Tuesday.") == []


# --- the seed article ---------------------------------------------------------------------
def _seed_article() -> tuple[Article, dict]:
    seed = SHARED / "seeds" / "000_785cedd47fed74d0.txt"
    gold = SHARED / "gold" / "seed.gold.json"
    if not seed.exists() or not gold.exists():
        pytest.skip("../shared is not present")
    body = seed.read_text(encoding="utf-8").split("2025.09.04", 1)[1].strip()
    return article(body, date(2025, 9, 4), "000_785cedd47fed74d0"), json.loads(gold.read_text())


def _seed_statements(a: Article) -> list[Statement] | None:
    try:
        from etl.extract.statements import extract_statements
    except ImportError:
        return None
    return extract_statements(a, split_sentences(a.text), ActorRegistry.load())


def test_the_seed_articles_gold_figures_are_found():
    a, gold = _seed_article()
    statements = _seed_statements(a)
    found = {(f.value, f.category): f for f in
             extract_figures(a, split_sentences(a.text), statements or [], ActorRegistry.load())}
    for g in gold["figures"]:
        f = found[(g["value"], g["category"])]
        assert (f.qualifier, f.group, f.side, f.cumulative) == (
            g["qualifier"], g["group"], g["side"], g["cumulative"])
        assert (str(f.period_start) if f.period_start else None) == g["period_start"] or \
            g["period_start"] is None
        assert (str(f.period_end) if f.period_end else None) == g["period_end"] or g["period_end"] is None
        if g["reported_by"] == "UN" or statements is not None:
            assert f.reported_by and f.reported_by.split()[-1] == g["reported_by"].split()[-1]


# --- which conflict -----------------------------------------------------------------------
def conflict(text: str, value: int, title: str = "The war in Ukraine",
             published: date = PUBLISHED) -> str:
    a = article(text, published, title=title)
    (f,) = [f for f in extract_figures(a, split_sentences(a.text), [], ActorRegistry.load())
            if f.value == value]
    return f.conflict


@pytest.mark.parametrize("text, value, expected", [
    ("An estimated 27 million Soviet citizens died during the Second World War.", 27_000_000,
     "world-war-2"),
    ("Russian airstrikes killed 40 civilians in Aleppo in 2016.", 40, "syria"),
    ("In 1932-33, about 4 million people died in Ukraine.", 4_000_000, "other"),
    ("Seventy-five million people died 70 years ago.", 75_000_000, "other"),
    ("Three people were killed in a missile strike on Kharkiv.", 3, "russia-ukraine"),
    ("Covid has killed 936,000 Americans.", 936_000, "none"),
    ("Some 84 million people are forcibly displaced worldwide since the invasion of Ukraine.",
     84_000_000, "none"),
    ("It is the worst fighting since World War Two: 120 soldiers were killed.", 120, "russia-ukraine"),
])
def test_the_conflict_is_the_one_the_sentence_names(text, value, expected):
    assert conflict(text, value) == expected


def test_a_story_about_another_conflict_goes_on_in_the_next_sentence():
    text = "In Syria, Russian bombing destroyed much of Aleppo. The campaign displaced 2 million people."
    assert conflict(text, 2_000_000) == "syria"


def test_the_time_of_the_sentence_before_dates_a_story():
    text = ("It became the place of a mass murder by the Nazis in September 1941. Up to 30,000 "
            "people were shot dead here.")
    assert conflict(text, 30_000) == "world-war-2"


def test_a_date_with_its_year_after_a_list_of_days_dates_the_story():
    text = ("The United States dropped atomic bombs on Hiroshima and Nagasaki on August 6 and 9, 1945. "
            "The bombings killed between 129,000 and 226,000 people.")
    a = article(text, date(2022, 11, 5))
    (f,) = [f for f in extract_figures(a, split_sentences(a.text), [], ActorRegistry.load()) if f.value == 129_000]
    assert (f.conflict, f.period_start) == ("world-war-2", None), "no guessed 2022 day for a 1945 count"


def test_no_count_of_killed_is_this_wars_when_larger_than_all_it_had_killed_by_then():
    # An opinion piece three weeks into the invasion recalls the last world war without naming it.
    recalled = "The war, when it came, was catastrophic: in Ukraine, around seven million perished."
    assert conflict(recalled, 7_000_000, published=date(2022, 3, 19)) == "other"
    # A claim of this war's dead months later is within what the war had done by then.
    claim = "Ukraine's General Staff said 94,000 Russian troops have been killed since the invasion."
    assert conflict(claim, 94_000, published=date(2022, 12, 11)) == "russia-ukraine"
    assert conflict(claim.replace("94,000", "940,000"), 940_000, published=date(2022, 12, 11)) == "other"


def test_a_story_of_a_past_war_goes_on_in_a_sentence_naming_only_a_place_of_this_one():
    text = ("His followers murdered 800,000 people in Ukraine during World War II. They also carried out "
            "a massacre in western Ukraine, killing up to 44,000 civilians, he added.")
    assert conflict(text, 44_000, published=date(2022, 7, 1)) == "world-war-2"
    # A sentence that does not go on from the one before keeps the place's war.
    text = "Putin often speaks of World War II. Three people were killed in Kharkiv, the governor said."
    assert conflict(text, 3) == "russia-ukraine"


def test_a_roundups_other_story_far_from_any_word_of_the_war_is_not_its():
    filler = " ".join(["The city council met on Tuesday to discuss the new budget for schools and parks."] * 25)
    text = (f"Russian shelling killed three people in Kharkiv, officials said. {filler} "
            "Police said four people have been missing since October.")
    assert conflict(text, 4) == "none"
    assert conflict(text, 3) == "russia-ukraine"


def test_an_article_that_names_no_war_counts_other_things():
    text = "Five people were killed while climbing the volcano, the investigative committee said."
    assert conflict(text, 5, title="Tragedy in Kamchatka") == "none"
    assert conflict("Five soldiers were killed in shelling.", 5, title="Front report") == "russia-ukraine"


def test_an_article_about_another_conflict_keeps_its_figures_there():
    text = ("Armenia and Azerbaijan traded fire on their border. Armenia said 49 of its soldiers "
            "were killed. Baku blamed Yerevan.")
    assert conflict(text, 49, title="Clashes on the Armenia-Azerbaijan border") == "armenia-azerbaijan"


def test_arrests_at_protests_are_this_wars_only_when_the_protests_are():
    assert conflict("Police detained 1,300 people at anti-war protests in Moscow.", 1300) == \
        "russia-ukraine"
    assert conflict("Police detained 1,300 protesters in Tehran.", 1300) == "iran-protests"
    assert conflict("Police detained 5,750 people at protests in Moscow.", 5750,
                    published=date(2021, 2, 1)) == "none"


# --- what is not a figure -----------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A nuclear strike could kill three million people.",
    "If 10,000 more soldiers die, the front would break.",
    "\"I wouldn't have made the deal for a hundred people who were killed,\" he said.",
    "I don't imagine that, after 30,000 more soldiers have perished on the battlefield, anyone would join.",
    "The U.S. will welcome up to 100,000 refugees from Ukraine.",
    "Officials planned to evacuate a total of 60,000 residents.",
    "Over half the population of 100,000 fled the city.",
    "The average age of the reservists called up was 35.",
    "It was the deadliest attack since World War Two.",
    "Russia would draft some 300,000 out of some 25 million potential fighters.",
])
def test_possible_planned_and_population_numbers_are_not_figures(text):
    assert {v for v, c in pairs(text) if v != 300_000} == set()


def test_counts_next_to_a_war_game_are_not_figures():
    text = ("He took part in a war game about a war with Russia. We estimated one billion people "
            "died. The exercise ended in 2019.")
    assert pairs(text) == set()


def test_a_past_event_before_a_modal_main_clause_is_a_figure():
    assert pairs("After 50 people were killed in the strike, the city would never be the same.") == {(50, "killed")}
    assert pairs("Once 300 soldiers had been captured, the garrison surrendered.") == {(300, "captured")}


def test_a_past_told_as_its_future_is_a_figure():
    assert pairs("The siege would eventually kill an estimated 20,000 people.") == {(20_000, "killed")}


# --- recall in the wild -------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("At least 13 people sustained injuries in the attack, of which three are in a critical "
     "condition.", {(13, "injured"), (3, "injured")}),
    ("The attacks left three people dead - two passersby and a driver.", {(3, "killed"), (2, "killed")}),
    ("Two people were wounded in the morning. One was wounded while waiting for a bus.",
     {(2, "injured"), (1, "injured")}),
    ("The two men were later charged with mercenary activities.", {(2, "captured")}),
    ("Three men were sentenced to death by a court in Donetsk.", {(3, "captured")}),
    ("Some 14 million people have fled their homes, with more than six million seeking refuge "
     "abroad.", {(14_000_000, "displaced"), (6_000_000, "displaced")}),
    ("More than 70,000 Ukrainians have arrived in the UK after fleeing the invasion.",
     {(70_000, "displaced")}),
    ("Another 218,000 draftees are getting ready for combat duty.", {(218_000, "deployed")}),
    ("More than 12 million people have fled their homes, with 5.7 million leaving for neighbouring "
     "countries.", {(12_000_000, "displaced"), (5_700_000, "displaced")}),
    ("More than 8 million Ukrainians left their homes after the invasion.", {(8_000_000, "displaced")}),
    ("NATO estimated that up to 40,000 soldiers had been killed, wounded, captured or missing in action.",
     {(40_000, "casualties")}),
    ("He said about 80 other soldiers who sought to end their contracts were detained in Bryanka.",
     {(80, "captured")}),
    ("Ukraine secured the release of 64 soldiers, officials said.", {(64, "captured")}),
    ("Around 40,000 Russian troops are regrouping around the region.", {(40_000, "deployed")}),
    ("The Pentagon is moving approximately 3,000 troops to Germany, Poland and Romania.", {(3_000, "deployed")}),
    # Captives moved are no deployment; a count the relative clause is about is its object.
    ("Russia said more than 900 of the fighters were moved to a reopened prison colony.", set()),
    ("Three generals that Ukrainian forces claimed to have killed were reported alive.", set()),
    ("More than 27,000 entrepreneurs were drafted into the armed forces.", {(27_000, "deployed")}),
    # An apposition between commas before the predicate.
    ("Local officials, as well as more than 27,000 entrepreneurs, were drafted into the armed forces.",
     {(27_000, "deployed")}),
    ("Two battalion tactical groups, or up to 2,000 more combat troops, have been sent into Ukraine.",
     {(2_000, "deployed")}),
])
def test_subsets_lists_trials_refugees_and_drafts_are_figures(text, expected):
    assert pairs(text) == expected


def test_of_them_in_the_next_sentence_is_part_of_the_figure_before():
    text = "Some 200,000 refugees have fled to Poland. Of them, 50,000 are children."
    f = one(text, 50_000)
    assert (f.category, f.group, f.rule) == ("displaced", "children", "subset")


def test_troops_arriving_are_deployed_and_visitors_are_not_displaced():
    assert pairs("Nearly 6,000 U.S. soldiers arrived in Poland this month.") == {(6000, "deployed")}
    assert pairs("The two House members arrived in Kyiv on Tuesday.") == set()


def test_every_figure_names_the_rule_that_found_it():
    rules = {f.value: f.rule for f in figures(
        "Russian shelling killed 7 people and wounded 11 others, including two children; "
        "the death toll rose to 25.")}
    assert rules == {7: "object", 11: "object", 2: "part", 25: "total"}


# --- whose people -------------------------------------------------------------------------
def test_military_things_are_not_people():
    assert figures("Russia lost 40 military vehicles and 12 military aircraft in the battle.") == []


def test_a_count_with_no_side_in_the_text_takes_the_side_of_the_places_named():
    assert one("Five people were killed in the blast in Kharkiv. Officials said 12 were "
               "wounded.", 12).side == "ukraine"
    assert one("Twelve people were wounded, officials said.", 12).side == "unknown"


@pytest.mark.parametrize("published, side", [
    (date(2022, 9, 16), "russia"),   # Kherson held by Russia: the people hurt there are its side's
    (date(2022, 12, 1), "ukraine"),  # retaken on 11 November 2022
])
def test_the_people_hurt_in_a_place_are_the_side_holding_it_on_that_day(published, side):
    text = "Officials said 13 people were injured in the attack on Kherson's city center on Friday."
    (f,) = [f for f in figures(text, published=published) if f.value == 13]
    assert f.side == side


def test_an_article_about_an_occupied_city_places_its_harm_on_the_holders_side_but_not_its_refugees():
    text = ("Rockets struck the administration building in Kherson on Friday. Kherson has been under "
            "Russian control since March. Officials in Kherson said 13 people were injured. "
            "Rescue work went on through the night. "
            "About 5,000 residents have been evacuated since the war began.")
    found = {f.value: f.side for f in figures(text, published=date(2022, 9, 16))}
    assert found[13] == "russia"  # an attack on the day Russia held the city
    assert found[5000] == "ukraine"  # its people, counted on the map before the invasion


def test_people_fleeing_the_invasion_are_ukraines():
    assert one("More than 4.7 million people have fled because of the Russian invasion, according "
               "to the UN.", 4_700_000).side == "ukraine"


def test_a_regions_governor_speaks_for_the_region_not_the_city_of_its_name():
    text = ("Donetsk Gov. Pavlo Kyrylenko repeated his call to leave. "
            "He urged the evacuation of about 52,000 children still in the region.")
    assert one(text, 52_000).side == "ukraine"


def test_troops_belong_to_the_country_that_sends_them_not_where_they_stand():
    f = one("Russia's military buildup at the Ukraine border, where it has amassed over 100,000 "
            "troops, worries NATO.", 100_000)
    assert (f.category, f.side) == ("deployed", "russia")


def test_losses_counted_on_both_sides_have_no_one_side():
    assert one("Estimates of over 200,000 military casualties on both sides are the highest yet.",
               200_000).side == "unknown"


def test_accidents_are_no_war_even_with_soldiers_in_them():
    assert conflict("Three U.S. Marines were killed in the crash of a military aircraft.", 3) == "none"
    assert conflict("Ten people burned to death in the fire at the cafe.", 10) == "none"
    assert conflict("A Russian missile set a mall on fire, killing 18 people.", 18) == "russia-ukraine"


def test_a_count_before_the_invasion_with_no_war_in_sight_is_of_no_conflict():
    assert conflict("Police detained more than 5,750 people this past Sunday.", 5750,
                    published=date(2021, 2, 2)) == "none"
    assert conflict("In 2015, 300 soldiers were killed in the fighting.", 300) == "russia-ukraine"
    # A place of this war named sentences before, in another story, does not make it the war's.
    assert conflict("He recalled Yaroslav the Wise, an 11th-century grand prince of Kiev. Protests "
                    "swept Russia after his arrest. Police detained more than 5,750 people this past "
                    "Sunday.", 5750, published=date(2021, 2, 2)) == "none"
    assert conflict("Shelling resumed near Donetsk. In 2017, 12 civilians were killed there.", 12,
                    published=date(2021, 2, 2)) == "russia-ukraine"


def test_a_count_told_in_the_present_is_not_of_a_war_long_over():
    text = ("Veterans of the Second World War marched in Moscow. The Great Patriotic War cost the "
            "Soviet Union dearly, and Hitler's armies were stopped at Stalingrad. \"They have "
            "already killed over 300 children,\" the mayor said of the invaders.")
    assert conflict(text, 300, title="Victory Day after World War II") == "russia-ukraine"


def test_a_question_asks_about_a_count_and_states_none():
    assert pairs("Letting Russians kill 200, 300 or 400 children?") == set()


# --- times told by reference ------------------------------------------------------------------
def test_an_attack_referred_back_to_takes_the_time_it_was_told_with():
    text = ("Putin raised the July strike on a detention center in Olenivka. "
            "Moscow blamed Kiev for the attack that left 50 prisoners dead.")
    f = one_on(text, 50, date(2022, 9, 14))
    assert (f.period_start, f.period_end) == (date(2022, 7, 1), date(2022, 7, 31))


def test_at_the_time_and_that_day_are_the_time_told_before():
    text = ("Tania was caught up in an air strike in early March. Local authorities reported at the "
            "time that Russian aircraft had hit two schools that day, leaving nine people dead.")
    assert one_on(text, 9, date(2022, 4, 23)).period_start.month == 3


def test_a_total_announced_the_same_month_as_told_before_runs_up_to_that_month():
    text = ("In late September, Putin announced a mobilisation. The same month, Sergey Shoigu announced "
            "that while Russia had lost 6,000 troops since the beginning of the offensive, Ukraine had "
            "lost about 61,000.")
    found = {f.value: f for f in figures(text, published=date(2022, 10, 24))}
    assert found[61_000].period_end == date(2022, 9, 30)
    # Each count is the loss of the side named just before it, and the second count's people are
    # the first's ("troops").
    assert (found[6_000].side, found[61_000].side, found[61_000].group) == ("russia", "ukraine", "military")


def test_a_past_count_takes_a_conflict_named_near_it_not_anywhere_in_the_article():
    far = " ".join(["The network covered many other stories over the years."] * 40)
    text = (f"The invasion of Iraq began in March 2003. {far} In August 2005, Hurricane Katrina "
            "killed at least 1,833 people.")
    assert conflict(text, 1833, title="25 years of news") != "iraq"


def test_a_count_that_goes_on_from_a_sentence_about_a_cause_of_no_conflict_is_of_none():
    text = ("Trump supporters stormed the Capitol in protest of the election. More than 750 people have "
            "been arrested for their alleged roles in the melee.")
    assert conflict(text, 750) == "none"
    # Unless the count's own sentence speaks of war.
    text = ("They spent much of 2021 in Covid lockdowns. At least 400,000 have fled since Putin announced "
            "he would begin drafting people into the army.")
    assert conflict(text, 400_000) == "russia-ukraine"
