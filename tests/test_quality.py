"""Extraction quality on the labelled sets may not fall below the recorded scores.

The dev set (with the seed) guards figures and statements; the wild set (random corpus articles,
figures only, with other conflicts' figures labelled as such) guards this war's figures and how
well the conflict column tells them from the rest. Keys in quality_baseline.json name the table,
prefixed with "wild_" for the wild set.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.evaluate import run_and_evaluate

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"
SEEDS = REPO.parent / "shared" / "seeds"
BASELINE = Path(__file__).with_name("quality_baseline.json")
TOLERANCE = 0.02
WILD = "wild_"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not (GOLD / "dev.gold.jsonl").exists() or not SEEDS.is_dir():
        pytest.skip("../shared/gold is not present")
    tmp = tmp_path_factory.mktemp("quality")
    gold = tmp / "gold.jsonl"
    seed = json.loads((GOLD / "seed.gold.json").read_text())
    gold.write_text((GOLD / "dev.gold.jsonl").read_text().rstrip("\n") + "\n" + json.dumps(seed) + "\n")
    result = run_and_evaluate(gold, [GOLD / "dev.articles.jsonl", SEEDS], tmp / "out")
    out = {name: score.as_dict() for name, score in result.items()}
    if (GOLD / "wild.gold.jsonl").exists():
        wild = run_and_evaluate(GOLD / "wild.gold.jsonl", [GOLD / "wild.articles.jsonl"], tmp / "wild")
        out.update({WILD + name: score.as_dict() for name, score in wild.items()})
    return out


def recorded() -> list[tuple[str, str, float]]:
    data = json.loads(BASELINE.read_text())
    return [(table, metric, value) for table, metrics in data.items() for metric, value in metrics.items()]


@pytest.mark.parametrize("table,metric,floor", recorded(), ids=lambda x: str(x))
def test_score_does_not_regress(scores, table, metric, floor):
    if table not in scores:
        pytest.skip(f"{table}: its labelled set is not present")
    assert scores[table][metric] >= floor - TOLERANCE, (
        f"{table} {metric} fell to {scores[table][metric]} (recorded {floor})")
