"""The actors registry given with --actors decides figures' sources and sides under every engine."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from etl.pipeline import run

REPO = Path(__file__).resolve().parents[1]
ARTICLE = {"id": "r1", "title": "Front report", "date": "2024-03-12", "source": "Example Wire",
           "text": "Colonel Ivan Testenko said 40 soldiers were killed on Tuesday."}


def custom_registry(path: Path) -> Path:
    """The bundled registry plus a source it does not know: a spokesman of Ukraine's army."""
    with open(REPO / "data" / "actors.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows.append({"canonical": "Ivan M. Testenko", "aliases": "Testenko;Ivan Testenko;Colonel Ivan Testenko",
                 "role": "Spokesman for the Ukrainian Army", "country": "UA", "kind": "person",
                 "from": "", "to": ""})
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def figure(out: Path) -> dict:
    with open(out / "figures.csv", newline="", encoding="utf-8") as f:
        (row,) = [r for r in csv.DictReader(f) if r["value"] == "40"]
    return row


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        yield c


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_custom_registry_decides_the_source_and_the_side_of_a_figure(tmp_path, engine, request):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    scheduler = request.getfixturevalue("cluster").scheduler_address if engine == "dask" else None
    run([feed], tmp_path / "default", progress=False, engine=engine, scheduler=scheduler)
    run([feed], tmp_path / "custom", progress=False, engine=engine, scheduler=scheduler,
        actors_path=custom_registry(tmp_path / "actors.csv"))
    known, unknown = figure(tmp_path / "custom"), figure(tmp_path / "default")
    # The army's spokesman announcing kills announces the enemy's losses: Russia's.
    assert (known["reported_by_actor"], known["side"]) == ("Ivan M. Testenko", "russia")
    # Unknown to the bundled registry, he stays as written, and his country is not known.
    assert (unknown["reported_by_actor"], unknown["side"]) == ("Ivan Testenko", "unknown")
