"""The seed article through the real command: every gold row of seed.gold.json comes out."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from etl.evaluate import words

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def same_actor(gold: str, pred: str) -> bool:
    """Stricter than the scorer's match: the last names must agree, no shared-words fallback."""
    g, p = words(gold), words(pred)
    return bool(g and p) and (g[-1] in p or p[-1] in g)


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory):
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    out = tmp_path_factory.mktemp("seed")
    subprocess.run([sys.executable, "-m", "etl", "--input", str(SHARED / "seeds"), "--output",
                    str(out), "--quiet"], cwd=REPO, check=True, timeout=300)
    def rows(name):
        with open(out / name, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    return rows("figures.csv"), rows("statements.csv")


def gold_rows(kind: str) -> list[dict]:
    """The seed's gold figures or statements; none (so no test cases) without ../shared."""
    path = SHARED / "gold" / "seed.gold.json"
    return json.loads(path.read_text())[kind] if path.exists() else []


@pytest.mark.parametrize("gold", gold_rows("figures"), ids=lambda g: f"{g['value']}-{g['category']}")
def test_seed_figure(seed_output, gold):
    figures, _ = seed_output
    found = [f for f in figures if int(f["value"]) == gold["value"] and f["category"] == gold["category"]]
    assert found, f"missing figure {gold['value']} {gold['category']}"
    f = found[0]
    assert (f["group"], f["side"], f["qualifier"]) == (gold["group"], gold["side"], gold["qualifier"])
    assert (f["period_start"] or None, f["period_end"] or None) == (gold["period_start"], gold["period_end"])
    assert f["cumulative"] == str(gold["cumulative"]).lower()
    assert same_actor(gold["reported_by"], f["reported_by"])


@pytest.mark.parametrize("gold", gold_rows("statements"), ids=lambda g: " ".join(g["quote"].split()[:4]))
def test_seed_statement(seed_output, gold):
    _, statements = seed_output
    want = words(gold["quote"])

    def coverage(s):
        got = words(s["quote"])
        return sum(min(want.count(w), got.count(w)) for w in set(want)) / len(want)

    best = max(statements, key=coverage)
    assert coverage(best) >= 0.8, f"no statement covers {gold['quote']!r}"
    assert same_actor(gold["speaker"], best["speaker"])
    assert best["kind"] == gold["kind"]
    assert (best["speaker_role"] or None) == gold["speaker_role"]
    assert (best["said_on"] or None) == gold["said_on"]
