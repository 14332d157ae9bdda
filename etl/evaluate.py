"""Score the ETL against labelled articles: python -m etl.evaluate GOLD.jsonl ARTICLES.jsonl

GOLD.jsonl holds one line per article: {"id", "figures": [...], "statements": [...]} where a figure
has value, category, group, side, reported_by, period_start, period_end (and optionally
value_high, qualifier, cumulative, evidence) and a statement has quote and speaker (and optionally
kind, speaker_role, cue, said_on, evidence). ARTICLES.jsonl holds the texts: {"id", "text",
"title", "date", ...}, any format the ETL reads. The README's "Measuring extraction quality"
section describes the format in full.

Matching (the same rules as the project's reference scorer):
- figures: only this war's figures are scored: gold figures with "scope": "other" and predictions
  whose conflict is another conflict or none are left out. A gold figure matches a prediction of
  the same article, value and category; the same (value, category) counts once per article;
  predictions with qualifier "vague" are not scored.
  Casualty categories (killed, injured, casualties, missing, captured) are scored alone and with
  displaced and deployed. Attribute accuracy on matched figures: group, side (exact), reported_by
  (same last name or half the words in common; only where gold names one), period (same start and
  end month; only where gold gives one).
- scope: over gold figures of either scope that a prediction matches by (value, category), the
  share whose prediction's conflict puts them on the right side of this war / other.
- statements: each gold quote takes the unused prediction that covers the largest share of its
  words; a match needs >= 30% coverage (loose) or >= 80% coverage with at least half of the
  prediction's words inside the gold quote (strict). Speaker accuracy is counted on loose matches.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

THIS_WAR = "russia-ukraine"
CASUALTY = frozenset({"killed", "injured", "casualties", "missing", "captured"})
ALL_CATEGORIES = CASUALTY | {"displaced", "deployed"}
_WORD = re.compile(r"[\w']+")


def words(text: str | None) -> list[str]:
    text = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    return _WORD.findall(text)


def same_actor(gold: str | None, pred: str | None) -> bool:
    g, p = words(gold), words(pred)
    if not g or not p:
        return False
    if g[-1] in p or p[-1] in g:
        return True
    return len(set(g) & set(p)) / len(set(g) | set(p)) >= 0.5


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: Counter = field(default_factory=Counter)
    attribute_n: Counter = field(default_factory=Counter)
    misses: list[dict] = field(default_factory=list)
    extras: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
               "tp": self.tp, "fp": self.fp, "fn": self.fn}
        for name, n in sorted(self.attribute_n.items()):
            out[f"{name}_accuracy"] = round(self.attributes[name] / n, 3)
        return out


def _as_int(value) -> int | None:
    try:
        return int(float(str(value).replace(",", "")))
    except (TypeError, ValueError):
        return None


def score_figures(gold: dict[str, dict], predicted: dict[str, list[dict]], categories) -> Score:
    score = Score()
    for aid, labels in gold.items():
        if labels.get("figures") is None:
            continue
        wanted: dict[tuple, dict] = {}
        for g in labels["figures"]:
            if g["category"] in categories and g.get("scope", "this_war") == "this_war":
                wanted.setdefault((int(g["value"]), g["category"]), g)
        got: dict[tuple, dict] = {}
        for p in predicted.get(aid, []):
            value, category = _as_int(p.get("value")), (p.get("category") or "").strip().lower()
            if value is None or category not in categories or p.get("qualifier") == "vague" \
                    or not _this_war(p):
                continue
            got.setdefault((value, category), p)
        for key, g in wanted.items():
            p = got.get(key)
            if p is None:
                score.fn += 1
                score.misses.append({"article_id": aid, "value": key[0], "category": key[1],
                                     "sentence": g.get("evidence", "")})
                continue
            score.tp += 1
            _score_attributes(score, g, p)
        for key, p in got.items():
            if key not in wanted:
                score.fp += 1
                score.extras.append({"article_id": aid, "value": key[0], "category": key[1],
                                     "sentence": p.get("sentence", "")})
    return score


def _this_war(prediction: dict) -> bool:
    return (prediction.get("conflict") or "").strip().lower() in ("", THIS_WAR)


def score_scope(gold: dict[str, dict], predicted: dict[str, list[dict]]) -> Score:
    """How well the conflict column separates this war's figures from the rest: over gold figures
    of either scope that a prediction matches by (value, category); tp counts the right ones."""
    score = Score()
    for aid, labels in gold.items():
        by_key: dict[tuple, dict] = {}
        for p in predicted.get(aid, []):
            by_key.setdefault((_as_int(p.get("value")), (p.get("category") or "").strip().lower()), p)
        for g in labels.get("figures") or []:
            p = by_key.get((int(g["value"]), g["category"]))
            if p is None:
                continue
            right = (g.get("scope", "this_war") == "this_war") == _this_war(p)
            score.attribute_n["scope"] += 1
            score.attributes["scope"] += right
            score.tp += right
            score.fp += not right
            if not right:
                score.extras.append({"article_id": aid, "value": g["value"], "category": g["category"],
                                     "conflict": p.get("conflict"), "sentence": p.get("sentence", "")})
    return score


def _score_attributes(score: Score, g: dict, p: dict) -> None:
    for name in ("group", "side"):
        score.attribute_n[name] += 1
        score.attributes[name] += (p.get(name) or "").strip().lower() == (g.get(name) or "")
    if g.get("reported_by"):
        score.attribute_n["reported_by"] += 1
        score.attributes["reported_by"] += same_actor(g["reported_by"], p.get("reported_by"))
    if g.get("period_start"):
        score.attribute_n["period"] += 1
        start, end = p.get("period_start") or "", p.get("period_end") or ""
        score.attributes["period"] += bool(start) and start[:7] == g["period_start"][:7] \
            and end[:7] == (g.get("period_end") or "")[:7]


def score_statements(gold: dict[str, dict], predicted: dict[str, list[dict]], threshold: float,
                     min_purity: float = 0.0) -> Score:
    score = Score()
    for aid, labels in gold.items():
        quotes = labels.get("statements")
        if quotes is None:
            continue
        preds = predicted.get(aid, [])
        bags = [Counter(words(p.get("quote"))) for p in preds]
        used: set[int] = set()
        for g in quotes:
            want = Counter(words(g["quote"]))
            if not want:
                continue
            best, best_i = 0.0, None
            for i, bag in enumerate(bags):
                if i in used or not bag:
                    continue
                common = sum((want & bag).values())
                if common / sum(bag.values()) < min_purity:
                    continue
                coverage = common / sum(want.values())
                if coverage > best:
                    best, best_i = coverage, i
            if best_i is None or best < threshold:
                score.fn += 1
                score.misses.append({"article_id": aid, "speaker": g.get("speaker"),
                                     "quote": g["quote"], "sentence": g.get("evidence", "")})
                continue
            used.add(best_i)
            score.tp += 1
            score.attribute_n["speaker"] += 1
            who = preds[best_i].get("speaker")
            right = same_actor(g.get("reference") or g.get("speaker"), who) or same_actor(g.get("speaker"), who)
            score.attributes["speaker"] += right
            if not right:
                score.extras.append({"article_id": aid, "speaker": who, "gold_speaker": g.get("speaker"),
                                     "quote": preds[best_i].get("quote"), "problem": "wrong speaker"})
        for i, bag in enumerate(bags):
            if bag and i not in used:
                score.fp += 1
                score.extras.append({"article_id": aid, "speaker": preds[i].get("speaker"),
                                     "quote": preds[i].get("quote"), "sentence": preds[i].get("sentence")})
    return score


def read_gold(path: str | Path) -> dict[str, dict]:
    gold: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                gold[str(record["id"])] = record
    return gold


def read_predictions(out_dir: Path, name: str) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = defaultdict(list)
    path = out_dir / name
    if path.exists():
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                rows[str(row["article_id"])].append(row)
    return rows


def evaluate(gold_path: str | Path, out_dir: str | Path) -> dict[str, Score]:
    """Scores of the tables already in `out_dir` against the gold labels."""
    gold = read_gold(gold_path)
    out_dir = Path(out_dir)
    figures = read_predictions(out_dir, "figures.csv")
    statements = read_predictions(out_dir, "statements.csv")
    return {
        "figures_casualty": score_figures(gold, figures, CASUALTY),
        "figures_all": score_figures(gold, figures, ALL_CATEGORIES),
        "figures_scope": score_scope(gold, figures),
        "statements_30": score_statements(gold, statements, 0.3),
        "statements_80": score_statements(gold, statements, 0.8, min_purity=0.5),
    }


def largest_figures(out_dir: str | Path, n: int = 25) -> dict[str, list[dict]]:
    """The `n` largest figures of this war per category in `out_dir`'s figures.csv, largest first:
    what a user adding up a chart sees first, so each should be a real figure of this war. Vague
    quantities are left out (their values are floors), and a value repeated in one article
    counts once."""
    by_category: dict[str, dict[tuple[str, int], dict]] = defaultdict(dict)
    for rows in read_predictions(Path(out_dir), "figures.csv").values():
        for row in rows:
            value = _as_int(row.get("value"))
            if value is None or row.get("qualifier") == "vague" or not _this_war(row):
                continue
            by_category[row["category"]].setdefault((row["article_id"], value), row)
    return {category: sorted(rows.values(), key=lambda r: -int(r["value"]))[:n]
            for category, rows in sorted(by_category.items())}


def run_and_evaluate(gold_path: str | Path, articles: list[str | Path], out_dir: str | Path,
                     workers: int = 1) -> dict[str, Score]:
    from etl.pipeline import run

    run(articles, out_dir, workers=workers, progress=False, log=lambda m: None)
    return evaluate(gold_path, out_dir)


def report(scores: dict[str, Score], show: int) -> str:
    lines = []
    for name, score in scores.items():
        d = score.as_dict()
        extra = " ".join(f"{k}={v}" for k, v in d.items() if k.endswith("_accuracy"))
        lines.append(f"{name:17} P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f} "
                     f"(tp={d['tp']} fp={d['fp']} fn={d['fn']}) {extra}".rstrip())
    for name in ("figures_all", "statements_30"):
        score = scores[name]
        for title, items in (("missed", score.misses), ("extra or wrong", score.extras)):
            if items and show:
                lines.append(f"\n{name}: {title} ({len(items)}, showing {min(show, len(items))})")
                for item in items[:show]:
                    lines.append("  " + json.dumps(item, ensure_ascii=False))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("gold", help="gold labels, one JSON object per article")
    parser.add_argument("articles", nargs="+", help="the labelled articles (any format the ETL reads)")
    parser.add_argument("--output", help="where to write the tables (default: a temporary folder)")
    parser.add_argument("--show", type=int, default=20, help="misses and extras to list per table")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        scores = run_and_evaluate(args.gold, args.articles, args.output or tmp, args.workers)
    if args.json:
        print(json.dumps({k: v.as_dict() for k, v in scores.items()}, indent=1))
    else:
        print(report(scores, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
