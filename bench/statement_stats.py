"""Statements as a user meets them in the wild: the symptoms of issue 13, counted over a corpus run.

    python3 -m etl --input ../shared/corpus/ukraine-media.jsonl --output /tmp/att-corpus --quiet
    python3 bench/statement_stats.py /tmp/att-corpus [--sample 50] [--seed 13] [--rules]

Prints, over DIR/statements.csv:
- generic speakers: the speaker starts with a lower-case letter ("official", "experts", "man"),
  although the article usually names the person or body;
- long roles: speaker_role over 60 characters (a role that swallowed the next clause);
- repeated (article, quote) pairs: rows beyond the first with the same quote in the same article;
- short quotes: two words or fewer;
then, with --sample N, N rows drawn at random (fixed seed) to read and judge by the guidelines,
and with --rules, how many rows each extraction rule produced.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROLE_LIMIT = 60


def read_rows(out_dir: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with open(out_dir / "statements.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def stats(rows: list[dict[str, str]]) -> dict[str, int]:
    pairs = Counter((r["article_id"], r["quote"]) for r in rows)
    return {
        "statements": len(rows),
        "generic_speakers": sum(1 for r in rows if r["speaker"][:1].islower()),
        "long_roles": sum(1 for r in rows if len(r["speaker_role"] or "") > ROLE_LIMIT),
        "repeated_pairs": sum(n - 1 for n in pairs.values() if n > 1),
        "short_quotes": sum(1 for r in rows if len(r["quote"].split()) <= 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="an ETL output folder holding statements.csv")
    parser.add_argument("--sample", type=int, default=0, help="print N random rows to judge")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--rules", action="store_true", help="rows per extraction rule")
    args = parser.parse_args()
    rows = read_rows(args.out_dir)
    s = stats(rows)
    n = s["statements"] or 1
    print(f"statements: {s['statements']}")
    print(f"generic (lower-case) speakers: {s['generic_speakers']} ({s['generic_speakers'] / n:.1%})")
    print(f"roles over {ROLE_LIMIT} characters: {s['long_roles']} ({s['long_roles'] / n:.1%})")
    print(f"repeated (article, quote) pairs: {s['repeated_pairs']}")
    print(f"quotes of two words or fewer: {s['short_quotes']}")
    if args.rules:
        for rule, count in Counter(r.get("rule") or "" for r in rows).most_common():
            print(f"  rule {rule or '(none)'}: {count}")
    if args.sample:
        for i, r in enumerate(random.Random(args.seed).sample(rows, min(args.sample, len(rows))), 1):
            print(f"\n#{i} {r['article_id']} [{r.get('rule') or ''}] {r['kind']} cue={r['cue']!r}")
            print(f"  speaker={r['speaker']!r} role={r['speaker_role']!r} actor={r['actor']!r}")
            print(f"  quote={r['quote'][:300]!r}")
            print(f"  sentence={r['sentence'][:400]!r}")


if __name__ == "__main__":
    main()
