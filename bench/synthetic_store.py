"""Generate a synthetic store at dashboard scale: python3 bench/synthetic_store.py OUT_DIR

Default size: 100,000 articles, 1,000,000 figures, 500,000 statements spread over 2022-2025,
with the real schema (etl/store.py) so the dashboard reads it like any ETL output. Everything is
generated inside DuckDB from range(), so building it takes seconds, not minutes.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from etl import store  # noqa: E402

ACTORS = ["Volodymyr Zelensky", "Vladimir Putin", "Dmitry Peskov", "UN", "Ukraine's General Staff",
          "Russian Defence Ministry", "Mark Rutte", "Jens Stoltenberg", "Oleh Syniehubov",
          "Vitali Klitschko", "Sergei Lavrov", "Antonio Guterres", "Ukrainian authorities",
          "local officials", "Andriy Yermak", "Maria Zakharova"]
SOURCES = ["Sample Wire", "Illustrative Daily", "Demo Gazette", "Example Herald", "Mock Bulletin"]
TAGS = ["War", "Ukraine", "Russia", "Energy", "Diplomacy", "Front"]


def build(out_dir: Path, articles: int, figures: int, statements: int) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = store.store_path(out_dir)
    tmp = out_dir / ".synthetic.duckdb"
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    store.create_tables(con)
    lists = {"actors": ACTORS, "sources": SOURCES, "tags": TAGS}
    for name, values in lists.items():
        con.execute(f"CREATE TEMP TABLE {name} AS SELECT unnest(?) AS v, "
                    f"generate_subscripts(?, 1) - 1 AS i", [values, values])
    con.execute("""
        INSERT INTO articles SELECT
            'syn-' || i, DATE '2022-02-24' + CAST(i * 1361 // ? AS INTEGER),
            'Synthetic article ' || i, (SELECT v FROM sources WHERE sources.i = a.i % 5),
            (SELECT v FROM tags WHERE tags.i = a.i % 6) || ';War', '', 'synthetic.jsonl',
            120, 'Synthetic text of article ' || i || '. At least ' || (i % 97) || ' people were killed.',
            md5(CAST(i AS VARCHAR)), i
        FROM range(?) a(i)""", [articles, articles])
    # One figure in 20 of another conflict, one in 10 vague (at a floor value).
    con.execute("""
        INSERT INTO figures (figure_id, article_id, published, value, value_high, qualifier, category, "group",
                             side, period_start, period_end, cumulative, reported_by, location, sentence,
                             reported_by_actor, seq, conflict)
        SELECT
            'syn-' || (i % ?) || ':f' || (i // ?), 'syn-' || (i % ?),
            DATE '2022-02-24' + CAST((i % ?) * 1361 // ? AS INTEGER),
            CASE WHEN i % 10 = 9 THEN 100 ELSE 1 + (hash(i) % 500) END, NULL,
            CASE WHEN i % 10 = 9 THEN 'vague' ELSE ['exact', 'at_least', 'about', 'up_to'][1 + i % 4] END,
            ['killed', 'injured', 'casualties', 'missing', 'captured', 'displaced', 'deployed'][1 + i % 7],
            ['civilians', 'children', 'military', 'people', 'other'][1 + (i // 7) % 5],
            ['ukraine', 'russia', 'other', 'unknown'][1 + (i // 3) % 4],
            date_trunc('month', DATE '2022-02-24' + CAST((i % ?) * 1361 // ? AS INTEGER)),
            last_day(DATE '2022-02-24' + CAST((i % ?) * 1361 // ? AS INTEGER)),
            i % 11 = 0, (SELECT v FROM actors WHERE actors.i = f.i % 16), NULL,
            'At least some people were killed, officials said.',
            (SELECT v FROM actors WHERE actors.i = f.i % 16), 1 + i // ?,
            CASE WHEN i % 20 = 7 THEN 'other-war' ELSE 'russia-ukraine' END
        FROM range(?) f(i)""", [articles] * 3 + [articles, articles] * 3 + [articles, figures])
    con.execute("""
        INSERT INTO statements (statement_id, article_id, published, speaker, speaker_role, kind, quote, cue,
                                said_on, sentence, actor, seq)
        SELECT
            'syn-' || (i % ?) || ':s' || (i // ?), 'syn-' || (i % ?),
            DATE '2022-02-24' + CAST((i % ?) * 1361 // ? AS INTEGER),
            (SELECT v FROM actors WHERE actors.i = s.i % 16), NULL,
            ['direct', 'indirect', 'mixed'][1 + i % 3], 'Synthetic quote number ' || i, 'said', NULL,
            'Synthetic quote number ' || i || ', an official said.',
            (SELECT v FROM actors WHERE actors.i = s.i % 16), 1 + i // ?
        FROM range(?) s(i)""", [articles] * 3 + [articles, articles, articles, statements])
    con.execute("INSERT INTO meta VALUES ('version', 'synthetic-' || ?), ('generated_at', '2026-01-01T00:00:00+00:00'),"
                " ('inputs', '[]')", [f"{articles}-{figures}-{statements}"])
    con.execute("CHECKPOINT")
    con.close()
    tmp.replace(target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--statements", type=int, default=500_000)
    args = parser.parse_args()
    path = build(args.out_dir, args.articles, args.figures, args.statements)
    print(f"wrote {path} ({path.stat().st_size / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
