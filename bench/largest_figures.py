"""The largest figures of this war per category over a corpus, with their sentences, for review.

    python3 bench/largest_figures.py [--input ../shared/corpus/ukraine-media.jsonl] [--output DIR] [--n 25]

The largest numbers are the ones a user adding up a chart sees first: each should be a real figure
of this war (issue 10). Runs the ETL into DIR (a temporary folder by default; an existing DIR is
brought up to date, which is quick when nothing changed), then prints, per category, the n largest
this-war figures (vague quantities left out) with qualifier, side, period, source and sentence.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from etl.evaluate import largest_figures  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ukraine-media.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", default=str(DEFAULT_CORPUS))
    parser.add_argument("--output", help="the ETL's output folder (default: a temporary one)")
    parser.add_argument("--n", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.output or tmp)
        subprocess.run([sys.executable, "-m", "etl", "--input", args.input, "--output", str(out),
                        "--workers", str(args.workers), "--quiet"], cwd=REPO, check=True)
        for category, rows in largest_figures(out, args.n).items():
            print(f"\n== {category}: the {len(rows)} largest")
            for rank, row in enumerate(rows, 1):
                period = f"{row['period_start'] or '?'}..{row['period_end'] or '?'}"
                print(f"{rank:2}. {int(row['value']):>13,} {row['qualifier']:8} side={row['side']:7} "
                      f"{period:22} by={row['reported_by'] or '-'} [{row['rule']}] {row['article_id']}")
                print(f"    {' '.join(row['sentence'].split())[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
