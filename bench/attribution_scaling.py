"""Who-said-it extraction time against article size: it must grow linearly.

    python3 bench/attribution_scaling.py [--corpus ../shared/corpus/ukraine-media.jsonl]

Extracts (statements and figures, as the ETL does for one article) articles of 200 KB and 2 MB of
two kinds: real paragraphs from the corpus repeated, and a pathological text of quotations (one
quotation every ~100 characters: 20,000 of them in 2 MB, each with a named speaker, a pronoun, a
title and a count). Prints seconds, seconds per MB and the 2 MB / 200 KB ratio of seconds per MB,
which stays near 1 when the cost is linear (a quadratic step shows as a ratio near 10).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from machine import describe  # noqa: E402

from etl.actors import ActorRegistry  # noqa: E402
from etl.extract.article import extract_article  # noqa: E402
from etl.model import Article  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ukraine-media.jsonl"
SIZES = (200_000, 2_000_000)
_NAMES = ("Olha Petrenko", "Taras Bondar", "Ivan Sydorenko", "Maria Kovalenko", "Petro Melnyk")


def quotations(size: int) -> str:
    """Quotations with named speakers, pronouns, titles and counts, about `size` characters."""
    parts, length, i = [], 0, 0
    while length < size:
        part = (f'"We counted {i} shells near the bridge," said {_NAMES[i % 5]}. She added that the mayor '
                f'said "the city holds". The official said {i % 9} people were hurt.')
        parts.append(part)
        length += len(part) + 1
        i += 1
    return " ".join(parts)[:size]


def corpus_text(corpus: Path, size: int) -> str:
    """Real articles' paragraphs, repeated up to `size` characters."""
    texts: list[str] = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line).get("text") or "")
            if sum(map(len, texts)) > 300_000:
                break
    base = "\n\n".join(texts)
    return (base * (size // len(base) + 1))[:size]


def seconds(text: str, registry: ActorRegistry) -> tuple[float, int, int]:
    article = Article("bench", date(2022, 6, 1), "bench", "", (), "", "", text)
    started = time.perf_counter()
    figures, statements = extract_article(article, registry)
    return time.perf_counter() - started, len(statements), len(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    print(describe())
    registry = ActorRegistry.load()
    kinds = {"quotations": quotations}
    if args.corpus.exists():
        kinds["corpus paragraphs"] = lambda size: corpus_text(args.corpus, size)
    for kind, make in kinds.items():
        per_mb = []
        for size in SIZES:
            taken, n_statements, n_figures = seconds(make(size), registry)
            per_mb.append(taken / (size / 1e6))
            print(f"{kind:18} {size / 1e3:7.0f} KB: {taken:6.2f} s, {per_mb[-1]:5.2f} s/MB, "
                  f"{n_statements} statements, {n_figures} figures")
        print(f"{kind:18} 2 MB / 200 KB time per MB: {per_mb[1] / per_mb[0]:.2f}")


if __name__ == "__main__":
    main()
