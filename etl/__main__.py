"""python -m etl --input PATH [PATH ...] --output DIR [--workers N] [--engine local|dask [--scheduler ADDRESS]]

Exit codes: 0 the run completed (bad items are in rejected.csv), 1 the output could not be written
or the run failed, 2 usage error, 3 nothing to load and a store with articles was kept.
"""
from __future__ import annotations

import argparse
import os
import sys

from etl.engines import ENGINES, EngineError
from etl.pipeline import TIME_BUDGET, NothingToLoad, RunFailed, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m etl",
        description="Turn war-news articles into tidy tables of reported figures and statements.")
    parser.add_argument("--input", nargs="+", required=True, metavar="PATH",
                        help="files or folders (read recursively): .txt .md .json .jsonl .csv .html")
    parser.add_argument("--output", required=True, metavar="DIR",
                        help="folder for store.duckdb, the CSV exports and parquet/")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                        help="extraction processes; with --engine dask and no --scheduler, the "
                             "LocalCluster's workers (default: %(default)s)")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="where articles are extracted: local processes, or a dask.distributed "
                             "cluster; the tables are the same (default: %(default)s)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: the cluster's scheduler, e.g. tcp://10.0.0.5:8786 "
                             "(default: start a LocalCluster of --workers processes)")
    parser.add_argument("--actors", metavar="CSV", help="actors registry (default: data/actors.csv)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--allow-empty", action="store_true",
                        help="publish even when the inputs hold no article, replacing a store that has "
                             "some (without it such a run stops with exit code 3)")
    parser.add_argument("--time-budget", type=float, default=TIME_BUDGET, metavar="SECONDS",
                        help="seconds one article (or one part of a very long one) may take to extract; "
                             "past it the article is loaded without figures or statements and the "
                             "reason goes to rejected.csv; 0 for no limit (default: %(default)g)")
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.time_budget < 0:
        parser.error("--time-budget must be 0 (no limit) or more")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")
    try:
        summary = run(args.input, args.output, workers=args.workers, actors_path=args.actors,
                      progress=not args.quiet, engine=args.engine, scheduler=args.scheduler,
                      allow_empty=args.allow_empty, seconds_per_article=args.time_budget or None)
    except NothingToLoad as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except RunFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except EngineError as exc:
        print(f"error: {exc}; the previous store and exports are unchanged", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write the output in {args.output} ({exc.strerror or exc}); "
              "the previous store and exports are unchanged", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - one line for a person, not a traceback
        print(f"error: the run failed ({type(exc).__name__}: {' '.join(str(exc).split())}); "
              "the previous store and exports are unchanged", file=sys.stderr)
        return 1
    print(summary.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
