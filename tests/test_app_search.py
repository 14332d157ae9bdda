"""Search finds what a person means (any spelling of a known actor or place, phrases in quotes), and
the Statements charts rank named speakers, not common nouns or places."""
from __future__ import annotations

import json
from datetime import date

import pytest

from app import search
from conftest import build_store
from etl.model import Article, Statement

KYIV = ("Kyiv", "Kiev")


def _article(aid: str, day: int, text: str) -> Article:
    return Article(aid, date(2022, 4, day), f"Report {aid}", "Example Wire", (), f"https://news.example/{aid}",
                   "inputs/search.jsonl", text)


ARTICLES = [
    _article("s1", 4, "President Zelensky said the army held the line near Kyiv."),
    _article("s2", 5, "Residents of Kiev queued for water.\nThe Bucha\nmassacre was documented by investigators."),
    _article("s3", 6, "A massacre was reported. Officials in Bucha counted the dead."),
    _article("s4", 7, "The UN said aid reached the east; until then, supplies had run out."),
]
STATEMENTS = [
    Statement("s1-s1", "s1", date(2022, 4, 4), "Zelensky", "President", "direct", "We hold the line", "said", None,
              ARTICLES[0].text, "Volodymyr Zelensky"),
    Statement("s2-s1", "s2", date(2022, 4, 5), "officials", None, "indirect", "water is coming", "said", None,
              ARTICLES[1].text, "officials"),
    Statement("s3-s1", "s3", date(2022, 4, 6), "Kharkov", None, "indirect", "the count goes on", "said", None,
              ARTICLES[2].text, "Kharkov"),
    Statement("s4-s1", "s4", date(2022, 4, 7), "UN", None, "indirect", "aid reached the east", "said", None,
              ARTICLES[3].text, "UN"),
]


@pytest.fixture(scope="module")
def search_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search-store")
    build_store(folder, ARTICLES, [], STATEMENTS)
    return folder


def _found(at) -> list[str]:
    return sorted(at.dataframe[0].value["article_id"]) if at.dataframe else []


def test_a_quoted_phrase_is_one_term_and_other_words_are_each_a_term():
    assert [t.text for t in search.terms('"Bucha massacre" shelling  Kyiv')] == ["bucha massacre", "shelling", "kyiv"]
    assert [t.text for t in search.terms('"unclosed phrase')] == ["unclosed phrase"]
    assert search.terms("  ") == ()


def test_a_known_name_stands_for_all_its_spellings():
    groups = [("Volodymyr Zelensky", "Zelensky", "Zelenskyy", "Zelenskiy"), KYIV]
    zelensky, kyiv = search.terms("Volodymyr Zelensky Kiev", groups)
    assert zelensky.text == "volodymyr zelensky"
    assert set(zelensky.variants) == {"zelensky", "zelenskiy"}, "longer spellings holding 'zelensky' add nothing"
    assert set(kyiv.variants) == {"kyiv", "kiev"}


def test_the_registry_gives_names_not_titles():
    groups = search.actor_variant_groups()
    zelensky = next(g for g in groups if g[0] == "Volodymyr Zelensky")
    assert "Zelenskyy" in zelensky and "the Ukrainian president" not in zelensky


@pytest.mark.parametrize("query, found", [
    ("Zelenskiy", ["s1"]),  # a registry spelling finds the article that writes "Zelensky"
    ('"Bucha massacre"', ["s2"]),  # the phrase, even across a line break; not s3's "massacre ... Bucha"
    ("Bucha massacre", ["s2", "s3"]),  # two words, anywhere
    ("UN", ["s4"]),  # a short word matches whole words only: "until", "run" do not count
    ("evacuat", []),
])
def test_search_on_the_articles_page(open_app, search_store, query, found):
    at = open_app(search_store, "pages/articles.py", q=query)
    assert not at.exception
    assert _found(at) == found


def test_any_spelling_of_a_place_finds_the_others(open_app, search_store):
    # The gazetteer's name lists: Kiev and Kyiv are one place.
    assert any(set(KYIV) <= set(group) for group in search.place_variant_groups())
    assert _found(open_app(search_store, "pages/articles.py", q="Kiev")) == ["s1", "s2"]
    assert _found(open_app(search_store, "pages/articles.py", q="Kyiv")) == ["s1", "s2"]


def _chart_names(at, n: int) -> list[str]:
    return [t.get("name") or t.get("y") for t in json.loads(at.get("plotly_chart")[n].proto.spec)["data"]]


def test_the_statement_charts_rank_named_speakers_only(open_app, search_store):
    at = open_app(search_store, "pages/statements.py")
    # Not 'officials' (a common noun), nor 'Kharkov' (a place, in any spelling).
    assert sorted(_chart_names(at, 0)) == ["UN", "Volodymyr Zelensky"]
    assert {"officials", "Kharkov"} <= set(at.dataframe[0].value["actor"]), "the table keeps every statement"
    assert "2 of 4 statements (50%)" in " ".join(c.value for c in at.caption)
