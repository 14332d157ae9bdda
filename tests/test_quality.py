"""Extraction quality on the labelled dev set may not fall below the recorded scores."""
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


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not (GOLD / "dev.gold.jsonl").exists() or not SEEDS.is_dir():
        pytest.skip("../shared/gold is not present")
    tmp = tmp_path_factory.mktemp("quality")
    gold = tmp / "gold.jsonl"
    seed = json.loads((GOLD / "seed.gold.json").read_text())
    gold.write_text((GOLD / "dev.gold.jsonl").read_text().rstrip("\n") + "\n" + json.dumps(seed) + "\n")
    result = run_and_evaluate(gold, [GOLD / "dev.articles.jsonl", SEEDS], tmp / "out")
    return {name: score.as_dict() for name, score in result.items()}


def recorded() -> list[tuple[str, str, float]]:
    data = json.loads(BASELINE.read_text())
    return [(table, metric, value) for table, metrics in data.items() for metric, value in metrics.items()]


@pytest.mark.parametrize("table,metric,floor", recorded(), ids=lambda x: str(x))
def test_score_does_not_regress(scores, table, metric, floor):
    assert scores[table][metric] >= floor - TOLERANCE, (
        f"{table} {metric} fell to {scores[table][metric]} (recorded {floor})")
