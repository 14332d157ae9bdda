"""How well locations resolve, on location strings labelled by hand.

    python3 -m etl.gazetteer.evaluate [LABELS.csv] [--figures DIR] [--show]

LABELS.csv (default tests/fixtures/places_labelled.csv) has one row per location as the ETL wrote
it: `location,kind,country,admin1`. `kind` is settlement, district, oblast or country for a real
place the gazetteer should find (`country` and, where given, `admin1` must match); `area` for a
real region no entry stands for (Europe, the Black Sea: unresolved is right, and so is its
`country` if one is given); `none` for words that name no place (Putin, G7: unresolved is right,
or the `country` a people's name implies).

Without --figures each string is resolved alone, with no sentence to weigh ambiguous names.
With --figures DIR (an ETL output folder) the places the ETL gave each string's figures are
scored instead, as the product shows them: there the sentence and the article were evidence.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from etl.gazetteer.resolve import resolve

DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "places_labelled.csv"
PLACE_KINDS = ("settlement", "district", "oblast", "country")


@dataclass(frozen=True)
class Label:
    location: str
    kind: str
    country: str
    admin1: str


@dataclass(frozen=True)
class Outcome:
    label: Label
    country: str | None
    admin1: str | None

    @property
    def resolved(self) -> bool:
        return self.country is not None

    @property
    def correct(self) -> bool:
        lab = self.label
        if lab.kind in PLACE_KINDS:
            return self.country == lab.country and (not lab.admin1 or self.admin1 == lab.admin1)
        return not self.resolved or (bool(lab.country) and self.country == lab.country)

    @property
    def wrong_country(self) -> bool:
        return self.resolved and self.country != (self.label.country or None)


def read_labels(path: Path) -> list[Label]:
    with open(path, encoding="utf-8", newline="") as f:
        return [Label(r["location"], r["kind"], r["country"], r["admin1"]) for r in csv.DictReader(f)]


def alone(labels: list[Label]) -> list[Outcome]:
    out = []
    for label in labels:
        place = resolve(label.location)
        out.append(Outcome(label, place.country if place else None, place.admin1 if place else None))
    return out


def from_figures(labels: list[Label], folder: Path) -> list[Outcome]:
    """Each label scored on the place the ETL gave most of its figures (ties: the first)."""
    given: dict[str, Counter] = {}
    with open(folder / "figures.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["location"]:
                given.setdefault(row["location"], Counter())[(row["country"] or None, row["admin1"] or None)] += 1
    out = []
    for label in labels:
        counts = given.get(label.location)
        country, admin1 = counts.most_common(1)[0][0] if counts else (None, None)
        out.append(Outcome(label, country, admin1))
    return out


def summary(outcomes: list[Outcome]) -> dict[str, float | int]:
    places = [o for o in outcomes if o.label.kind in PLACE_KINDS]
    others = [o for o in outcomes if o.label.kind not in PLACE_KINDS]
    return {
        "labelled": len(outcomes),
        "real_places": len(places),
        "resolved_correctly": sum(o.correct for o in places),
        "accuracy": round(sum(o.correct for o in places) / len(places), 3) if places else 0.0,
        "unresolved": sum(not o.resolved for o in places),
        "wrong_countries": sum(o.wrong_country for o in outcomes),
        "wrong_admin1": sum(o.resolved and not o.wrong_country and not o.correct for o in places),
        "non_places_given_a_place": sum(not o.correct for o in others),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score place resolution on labelled location strings.")
    parser.add_argument("labels", nargs="?", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--figures", type=Path, help="an ETL output folder: score the places it gave")
    parser.add_argument("--show", action="store_true", help="list every string scored wrong or unresolved")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    labels = read_labels(args.labels)
    outcomes = from_figures(labels, args.figures) if args.figures else alone(labels)
    result = summary(outcomes)
    if args.json:
        print(json.dumps(result))
    else:
        mode = f"places the ETL gave in {args.figures}" if args.figures else "each string resolved alone"
        print(f"{result['labelled']} labelled locations ({mode})")
        print(f"real places: {result['real_places']}, resolved correctly: {result['resolved_correctly']} "
              f"({result['accuracy']:.3f}), unresolved: {result['unresolved']}, "
              f"wrong oblast: {result['wrong_admin1']}")
        print(f"wrong countries: {result['wrong_countries']}; "
              f"areas and non-places given a wrong place: {result['non_places_given_a_place']}")
    if args.show:
        for o in outcomes:
            if not o.correct or (o.label.kind in PLACE_KINDS and not o.resolved):
                print(f"  {o.label.location!r}: expected {o.label.kind} {o.label.country or '-'}/"
                      f"{o.label.admin1 or '-'}, got {o.country or '-'}/{o.admin1 or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
