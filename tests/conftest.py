"""Shared fixtures: small invented stores built with the ETL's own StoreWriter."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from etl import store
from etl.model import THIS_WAR, Article, Figure, Statement

REPO_ROOT = Path(__file__).resolve().parent.parent

D = date
UN = "UN monitoring mission"
GS = "General Staff of Ukraine"
MOD = "Russian Defence Ministry"

# (id, published, title, source, tags, sentences); the text is the sentences joined by spaces.
_ARTICLES = [
    ("a01", D(2022, 3, 5), "Shelling hits Kharkiv suburbs", "Kyiv Ledger", ("shelling", "civilians"), [
        "Shelling of the northern suburbs of Kharkiv killed 9 civilians on Friday, regional governor Ivan Petrenko said.",
        "At least 14 people were injured, he added.",
        '"We are moving families into shelters every night," Petrenko told reporters.']),
    ("a02", D(2022, 3, 20), "UN tallies civilian toll", "Northern Wire", ("civilians", "diplomacy"), [
        "The UN monitoring mission said 1,200 civilians had been killed since the invasion began.",
        "Ivan Petrenko said 9 civilians were killed in the Kharkiv suburbs on March 4.",
        '"The real numbers are considerably higher," mission head Maria Kovalenko said.']),
    ("a03", D(2022, 4, 2), "Evacuation trains leave Donbas", "Harbour Post", ("refugees", "civilians"), [
        "About 30,000 people were evacuated from Donetsk region over the past week, according to mayor Olena Savchuk.",
        'Savchuk said: "=1+1 is not how you count people who lost their homes."']),
    ("a04", D(2022, 4, 18), "Ministries trade loss figures", "Northern Wire", ("frontline",), [
        "The Russian Defence Ministry said 320 Ukrainian soldiers were killed in the past day.",
        "Ukraine's General Staff said Russia had lost 20,000 troops since the invasion began."]),
    ("a05", D(2022, 5, 3), "UN counts children killed in March", "Kyiv Ledger", ("civilians", "diplomacy"), [
        "The UN monitoring mission said 86 children were killed in March.",
        '"Every one of these numbers is a family," Maria Kovalenko said.']),
    ("a06", D(2022, 5, 15), "Prisoner exchange near Zaporizhzhia", "Harbour Post", ("prisoners", "diplomacy"), [
        "Kyiv and Moscow exchanged 41 prisoners each, Kremlin spokesman Dmitry Orlov said.",
        '"This is a humanitarian gesture and nothing more," Orlov said.']),
    ("a07", D(2022, 6, 1), "Strikes hit power plant", "Kyiv Ledger", ("energy", "shelling"), [
        "Strikes on the power plant killed 3 workers and injured 11, Olena Savchuk said on Tuesday.",
        "Repair crews worked through the night."]),
    ("a08", D(2022, 6, 22), "Soldiers missing after river crossing", "Northern Wire", ("frontline",), [
        "Around 60 soldiers are missing after the failed river crossing, a military source said.",
        '"We have not heard from them for three days," said Andriy Bondar, a battalion commander.']),
    ("a09", D(2022, 7, 8), "UN repeats March toll of children", "Harbour Post", ("civilians", "diplomacy"), [
        "The UN mission said 86 children were killed in March.",
        "It also said 4,700 civilians had been injured since the invasion began."]),
    ("a10", D(2022, 7, 25), "Troops massed near border", "Kyiv Ledger", ("frontline",), [
        "Ukraine's General Staff said Russia had moved 5,000 to 7,000 troops to the border.",
        '"The build-up is the largest since spring," Dmitry Orlov denied, calling it routine.']),
    ("a11", D(2022, 8, 10), "Overnight shelling in Kharkiv", "Harbour Post", ("shelling", "civilians"), [
        "Overnight shelling killed 5 civilians in Kharkiv, Ivan Petrenko said."]),
    ("a12", D(2022, 8, 28), "General Staff updates its count", "Northern Wire", ("frontline",), [
        "Ukraine's General Staff said Russia had lost 45,000 troops since the invasion began.",
        "Ivan Petrenko said the overnight shelling of August 9 had killed 5 civilians in Kharkiv.",
        '"The enemy is exhausted," the General Staff said in a statement.']),
]

# (article, sentence index, value, value_high, qualifier, category, group, side,
#  period_start, period_end, cumulative, reported_by, location)
_FIGURES = [
    ("a01", 0, 9, None, "exact", "killed", "civilians", "ukraine", D(2022, 3, 4), D(2022, 3, 4), False, "Ivan Petrenko", "Kharkiv"),
    ("a01", 1, 14, None, "at_least", "injured", "people", "ukraine", D(2022, 3, 4), D(2022, 3, 4), False, "Ivan Petrenko", "Kharkiv"),
    ("a02", 0, 1200, None, "exact", "killed", "civilians", "ukraine", D(2022, 2, 24), D(2022, 3, 20), True, UN, None),
    ("a02", 1, 9, None, "exact", "killed", "civilians", "ukraine", D(2022, 3, 4), D(2022, 3, 4), False, "Ivan Petrenko", "Kharkiv"),
    ("a03", 0, 30000, None, "about", "displaced", "people", "ukraine", D(2022, 3, 26), D(2022, 4, 2), False, "Olena Savchuk", "Donetsk region"),
    ("a04", 0, 320, None, "exact", "killed", "military", "ukraine", D(2022, 4, 17), D(2022, 4, 18), False, MOD, None),
    ("a04", 1, 20000, None, "exact", "casualties", "military", "russia", D(2022, 2, 24), D(2022, 4, 18), True, GS, None),
    ("a05", 0, 86, None, "exact", "killed", "children", "ukraine", D(2022, 3, 1), D(2022, 3, 31), False, UN, None),
    ("a06", 0, 41, None, "exact", "captured", "military", "ukraine", D(2022, 5, 15), D(2022, 5, 15), False, "Dmitry Orlov", "Zaporizhzhia"),
    ("a07", 0, 3, None, "exact", "killed", "civilians", "ukraine", D(2022, 5, 31), D(2022, 5, 31), False, "Olena Savchuk", None),
    ("a07", 0, 11, None, "exact", "injured", "civilians", "ukraine", D(2022, 5, 31), D(2022, 5, 31), False, "Olena Savchuk", None),
    ("a08", 0, 60, None, "about", "missing", "military", "russia", None, None, False, None, None),
    ("a09", 0, 86, None, "exact", "killed", "children", "ukraine", D(2022, 3, 1), D(2022, 3, 31), False, "the UN mission", None),
    ("a09", 1, 4700, None, "exact", "injured", "civilians", "ukraine", D(2022, 2, 24), D(2022, 7, 8), True, "the UN mission", None),
    ("a10", 0, 5000, 7000, "about", "deployed", "military", "russia", None, None, False, GS, None),
    ("a11", 0, 5, None, "exact", "killed", "civilians", "ukraine", D(2022, 8, 9), D(2022, 8, 10), False, "Ivan Petrenko", "Kharkiv"),
    ("a12", 0, 45000, None, "exact", "casualties", "military", "russia", D(2022, 2, 24), D(2022, 8, 28), True, GS, None),
    ("a12", 1, 5, None, "exact", "killed", "civilians", "ukraine", D(2022, 8, 9), D(2022, 8, 10), False, "Ivan Petrenko", "Kharkiv"),
]

# (article, sentence index, speaker, role, kind, quote, cue, said_on)
_STATEMENTS = [
    ("a01", 0, "Ivan Petrenko", "regional governor", "indirect",
     "Shelling of the northern suburbs of Kharkiv killed 9 civilians on Friday", "said", D(2022, 3, 4)),
    ("a01", 2, "Ivan Petrenko", "regional governor", "direct",
     "We are moving families into shelters every night,", "told reporters", None),
    ("a02", 0, UN, None, "indirect", "1,200 civilians had been killed since the invasion began", "said", None),
    ("a02", 2, "Maria Kovalenko", "mission head", "direct", "The real numbers are considerably higher,", "said", None),
    ("a03", 0, "Olena Savchuk", "mayor", "indirect",
     "About 30,000 people were evacuated from Donetsk region over the past week", "according to", None),
    ("a03", 1, "Olena Savchuk", "mayor", "direct", "=1+1 is not how you count people who lost their homes.", "said", None),
    ("a04", 0, MOD, None, "indirect", "320 Ukrainian soldiers were killed in the past day", "said", None),
    ("a04", 1, GS, None, "indirect", "Russia had lost 20,000 troops since the invasion began", "said", None),
    ("a05", 1, "Maria Kovalenko", "mission head", "direct", "Every one of these numbers is a family,", "said", None),
    ("a06", 0, "Dmitry Orlov", "Kremlin spokesman", "indirect", "Kyiv and Moscow exchanged 41 prisoners each", "said", None),
    ("a06", 1, "Orlov", "Kremlin spokesman", "direct", "This is a humanitarian gesture and nothing more,", "said", None),
    ("a07", 0, "Olena Savchuk", "mayor", "indirect", "Strikes on the power plant killed 3 workers and injured 11",
     "said", D(2022, 5, 31)),
    ("a08", 1, "Andriy Bondar", "battalion commander", "direct", "We have not heard from them for three days,", "said", None),
    ("a10", 0, GS, None, "indirect", "Russia had moved 5,000 to 7,000 troops to the border", "said", None),
    ("a10", 1, "Dmitry Orlov", None, "direct", "The build-up is the largest since spring,", "denied", None),
    ("a11", 0, "Ivan Petrenko", None, "indirect", "Overnight shelling killed 5 civilians in Kharkiv", "said", None),
    ("a12", 0, GS, None, "indirect", "Russia had lost 45,000 troops since the invasion began", "said", None),
    ("a12", 2, GS, None, "direct", "The enemy is exhausted,", "said in a statement", None),
]

# Names as written -> the actors registry's one name (as the ETL's registry would map them).
ACTOR_NAMES = {"the UN mission": UN, "Orlov": "Dmitry Orlov"}

REJECTED = [("inputs/broken.jsonl", 3, "line 3 is not valid JSON"),
            ("inputs/empty.txt", None, "the file holds no text")]


@dataclass
class FixtureStore:
    """A built store and the records it holds, so tests can derive what a view must show."""

    folder: Path
    articles: list[Article] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.article_id == article_id)


def _records() -> tuple[list[Article], list[Figure], list[Statement]]:
    articles, sentences = [], {}
    for aid, published, title, source, tags, sents in _ARTICLES:
        sentences[aid] = sents
        articles.append(Article(aid, published, title, source, tags, f"https://news.example/{aid}",
                                f"inputs/{published:%Y-%m}.jsonl", " ".join(sents)))
    by_id = {a.article_id: a for a in articles}
    figures = [Figure(f"{aid}-f{i}", aid, by_id[aid].published, value, high, qual, cat, grp, side, start,
                      end, cum, who, where, sentences[aid][si], ACTOR_NAMES.get(who, who))
               for i, (aid, si, value, high, qual, cat, grp, side, start, end, cum, who, where)
               in enumerate(_FIGURES, 1)]
    statements = [Statement(f"{aid}-s{i}", aid, by_id[aid].published, speaker, role, kind, quote, cue,
                            said_on, sentences[aid][si], ACTOR_NAMES.get(speaker, speaker))
                  for i, (aid, si, speaker, role, kind, quote, cue, said_on) in enumerate(_STATEMENTS, 1)]
    return articles, figures, statements


def build_store(folder: Path, articles: list[Article], figures: list[Figure],
                statements: list[Statement], rejected: list[tuple] = (), version: str = "fixture-1") -> Path:
    writer = store.StoreWriter(folder)
    writer.add("articles", [store.article_row(a, f"hash-{a.article_id}", i) for i, a in enumerate(articles)])
    seqs: dict[str, int] = {}
    for fig in figures:
        seqs[fig.article_id] = seqs.get(fig.article_id, 0) + 1
        writer.add("figures", [store.figure_row(fig, seqs[fig.article_id])])
    seqs.clear()
    for stmt in statements:
        seqs[stmt.article_id] = seqs.get(stmt.article_id, 0) + 1
        writer.add("statements", [store.statement_row(stmt, seqs[stmt.article_id])])
    writer.add("rejected", list(rejected))
    writer.set_meta({"version": version, "generated_at": "2022-09-01T00:00:00+00:00",
                     "inputs": json.dumps([]),
                     "articles": str(len(articles)), "figures": str(len(figures)),
                     "statements": str(len(statements)), "rejected": str(len(rejected))})
    return writer.publish()


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory) -> FixtureStore:
    """Twelve articles over six months: actors, outlets, tags and repeated claims."""
    folder = tmp_path_factory.mktemp("store")
    articles, figures, statements = _records()
    build_store(folder, articles, figures, statements, REJECTED)
    return FixtureStore(folder, articles, figures, statements)


# A second store for the Casualties views: the fixture's records plus claims the views must show
# (running totals by several claimants, comparable with data/reference) or keep out by default
# (another conflict, a vague figure, a period years before the articles).
OTHER_WAR = "other-war"
FAR_AWAY_TOTAL = 777_777  # another conflict's running total: never on a this-war chart
_CLAIMS_ARTICLES = [
    ("b01", D(2022, 6, 15), "General Staff updates Russian losses", "Northern Wire", ("frontline",), [
        "Ukraine's General Staff said about 32,750 Russian troops had been killed since the invasion began.",
        "The Russian Defence Ministry said 23,000 Ukrainian soldiers had been killed since the operation began.",
        "Hundreds of civilians were killed in the shelling of the city in June, mayor Olena Savchuk said."]),
    ("b02", D(2022, 7, 20), "A war far away", "Harbour Post", ("world",), [
        "Fighting in the northern province has killed 777,777 people since 2019, the regional council said.",
        "Clashes there killed 150 people last week, the council added."]),
    ("b03", D(2022, 8, 20), "The Donbas toll before the invasion", "Kyiv Ledger", ("frontline", "civilians"), [
        "Between 2014 and 2021 about 14,000 people were killed in the fighting in Donbas, the UN monitoring mission said.",
        "Ukraine's General Staff said about 44,900 Russian troops had been killed since the invasion began.",
        "Kyiv said 45,000 Russian soldiers had been killed.",
        "Nine civilians were killed in Kharkiv on March 4."]),
]
# (article, sentence index, value, value_high, qualifier, category, group, side, period_start,
#  period_end, cumulative, reported_by, location, conflict)
_CLAIMS_FIGURES = [
    ("b01", 0, 32750, None, "about", "killed", "military", "russia", D(2022, 2, 24), D(2022, 6, 15), True, GS, None, THIS_WAR),
    ("b01", 1, 23000, None, "exact", "killed", "military", "ukraine", D(2022, 2, 24), D(2022, 6, 15), True, MOD, None, THIS_WAR),
    ("b01", 2, 100, None, "vague", "killed", "civilians", "ukraine", D(2022, 6, 1), D(2022, 6, 30), False, "Olena Savchuk", None, THIS_WAR),
    ("b02", 0, FAR_AWAY_TOTAL, None, "exact", "killed", "people", "other", D(2019, 1, 1), D(2022, 7, 20), True, "regional council", None, OTHER_WAR),
    ("b02", 1, 150, None, "exact", "killed", "people", "other", D(2022, 7, 11), D(2022, 7, 17), False, "regional council", None, OTHER_WAR),
    ("b03", 0, 14000, None, "about", "killed", "people", "ukraine", D(2014, 4, 6), D(2021, 12, 31), False, UN, "Donbas", THIS_WAR),
    ("b03", 1, 44900, None, "about", "killed", "military", "russia", D(2022, 2, 24), D(2022, 8, 20), True, GS, None, THIS_WAR),
    ("b03", 2, 45000, None, "exact", "killed", "military", "russia", D(2022, 2, 24), D(2022, 8, 20), True, "Kyiv", None, THIS_WAR),
    ("b03", 3, 9, None, "exact", "killed", "civilians", "ukraine", D(2022, 3, 4), D(2022, 3, 4), False, None, "Kharkiv", THIS_WAR),
]


def _claims_records() -> tuple[list[Article], list[Figure], list[Statement]]:
    articles, figures, statements = _records()
    extra = {}
    for aid, published, title, source, tags, sents in _CLAIMS_ARTICLES:
        extra[aid] = (Article(aid, published, title, source, tags, f"https://news.example/{aid}",
                              f"inputs/{published:%Y-%m}.jsonl", " ".join(sents)), sents)
    figures += [Figure(f"{aid}-f{i}", aid, extra[aid][0].published, value, high, qual, cat, grp, side, start, end,
                       cum, who, where, extra[aid][1][si], ACTOR_NAMES.get(who, who), conflict)
                for i, (aid, si, value, high, qual, cat, grp, side, start, end, cum, who, where, conflict)
                in enumerate(_CLAIMS_FIGURES, 1)]
    return articles + [a for a, _ in extra.values()], figures, statements


@pytest.fixture(scope="session")
def claims_store(tmp_path_factory) -> FixtureStore:
    """The fixture store plus running totals by several claimants, another conflict's figures, a
    vague figure and a figure of 2014-2021 (see _CLAIMS_FIGURES)."""
    folder = tmp_path_factory.mktemp("claims-store")
    articles, figures, statements = _claims_records()
    build_store(folder, articles, figures, statements, version="claims-1")
    return FixtureStore(folder, articles, figures, statements)


@pytest.fixture(scope="session")
def empty_store(tmp_path_factory) -> Path:
    """A published store with every table and no rows."""
    folder = tmp_path_factory.mktemp("empty-store")
    build_store(folder, [], [], [], version="empty-1")
    return folder


@pytest.fixture
def missing_store(tmp_path) -> Path:
    """A store folder no ETL run has written yet."""
    return tmp_path / "no-store-here"


# -- the dashboard under streamlit.testing ------------------------------------------------------


@pytest.fixture
def open_app(monkeypatch):
    """Open the dashboard on a store: `open_app(store_folder, "pages/x.py", param=value, ...)`.

    Query parameters are set before the first run, as when a link is opened.
    """
    from streamlit.testing.v1 import AppTest

    def _open(store_folder: Path, page: str | None = None, **query) -> AppTest:
        monkeypatch.setenv("WAR_NEWS_STORE", str(store_folder))
        at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(page).run()
        return at

    return _open


@pytest.fixture
def download(monkeypatch):
    """`download(at, label_start) -> bytes`: the file a download button hands the browser.

    AppTest keeps the app's media files in a manager it makes per run; this records that manager so
    a test can ask it for a button's file, the way the browser asks the server.
    """
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import app_test

    managers: list[MediaFileManager] = []

    class RecordedMediaFileManager(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", RecordedMediaFileManager)

    def _download(at, label_start: str) -> bytes:
        buttons = [b for b in at.download_button if b.label.startswith(label_start)]
        assert len(buttons) == 1, f"{label_start!r} matches {[b.label for b in at.download_button]}"
        proto, manager = buttons[0].proto, managers[-1]
        url = manager.execute_deferred(proto.deferred_file_id) if proto.deferred_file_id else proto.url
        return manager.read_file(Path(url).stem).content

    return _download
