"""ETL throughput with the local engine and with a Dask LocalCluster of 1 and 2 worker processes.

    python3 bench/etl_engines.py [--corpus ../shared/corpus/ukraine-media.jsonl] [--repeat N]

Each configuration is a fresh `python -m etl` run into an empty folder, timed from the outside
(wall, including Python start-up and, for dask, starting the cluster) and from the inside (the
ETL's own `seconds=`), with the CPU time of the whole process tree (less sensitive than wall time to
other work on the machine; it shows what an engine's own overhead costs). Prints the best of --repeat runs and checks every engine wrote the same CSVs
(comparable only while the extraction code stays the same: runs are grouped by the store's
fingerprint, so an edit to etl/ during the benchmark is reported rather than taken for a mismatch).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from etl_process import children_cpu  # noqa: E402
from machine import describe  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ukraine-media.jsonl"
CONFIGS = [("local", 1), ("local", 2), ("dask", 1), ("dask", 2)]
TABLES = ("articles.csv", "figures.csv", "statements.csv", "rejected.csv")


def run_etl(corpus: Path, out: Path, engine: str, workers: int) -> tuple[float, float, float, int]:
    """Wall seconds, the ETL's own seconds, CPU seconds of its process tree, articles loaded."""
    cpu_before = children_cpu()
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "etl", "--input", str(corpus), "--output", str(out),
                           "--engine", engine, "--workers", str(workers), "--quiet"],
                          cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - started
    cpu = children_cpu() - cpu_before
    if proc.returncode != 0:
        raise SystemExit(f"ETL failed ({engine}, {workers} workers): {proc.stderr}")
    summary = proc.stdout.strip().splitlines()[-1]
    inside = float(re.search(r"seconds=([\d.]+)", summary).group(1))
    articles = int(re.search(r"articles=(\d+)", summary).group(1))
    return wall, inside, cpu, articles


def tables_digest(out: Path) -> tuple[str, str]:
    """The extraction code's fingerprint, and a digest of the CSV tables it wrote."""
    con = duckdb.connect(str(out / "store.duckdb"), read_only=True)
    try:
        fingerprint = con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()[0]
    finally:
        con.close()
    h = hashlib.blake2b(digest_size=16)
    for name in TABLES:
        h.update((out / name).read_bytes())
    return fingerprint, h.hexdigest()


def verdict(digests: set[tuple[str, str]]) -> tuple[str, bool]:
    if len({fingerprint for fingerprint, _ in digests}) > 1:
        return "cannot tell: etl/ or the actors registry changed during the benchmark", True
    if len(digests) == 1:
        return "yes", True
    return "NO", False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=2, help="runs per configuration; the best counts")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"no corpus at {args.corpus}")
    print(describe())
    print(f"corpus: {args.corpus} ({args.corpus.stat().st_size / 2**20:.1f} MiB); "
          f"load average before: {os.getloadavg()[0]:.1f}")
    digests = set()
    for engine, workers in CONFIGS:
        best = None
        for _ in range(max(1, args.repeat)):
            with tempfile.TemporaryDirectory() as tmp:
                result = run_etl(args.corpus, Path(tmp), engine, workers)
                digests.add(tables_digest(Path(tmp)))
            best = result if best is None or result[0] < best[0] else best
        wall, inside, cpu, articles = best
        label = f"--engine {engine} --workers {workers}"
        print(f"{label:<28} wall {wall:5.1f} s ({articles / wall:4.0f} articles/s), "
              f"ETL's own {inside:5.1f} s ({articles / inside:4.0f} articles/s), CPU {cpu:5.1f} s")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    said, same = verdict(digests)
    print(f"tables identical across engines: {said}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
