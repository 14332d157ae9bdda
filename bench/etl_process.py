"""One `python -m etl` run timed from outside, with the peak memory of its whole process tree."""
from __future__ import annotations

import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class EtlRun:
    wall: float  # seconds, Python start-up included
    cpu: float  # CPU seconds of the ETL and its workers (less sensitive than wall to a busy machine)
    inside: float | None  # the ETL's own seconds= (None when it did not finish)
    peak_mib: float  # peak RSS summed over the ETL and its workers
    returncode: int | None  # None when stopped at the timeout
    summary: str  # the last line of stdout, or of stderr when it failed

    @property
    def finished(self) -> bool:
        return self.returncode == 0


def run_etl(inputs: list[Path], out: Path, workers: int, timeout: float | None = None,
            extra: tuple[str, ...] = ()) -> EtlRun:
    """Run the ETL over `inputs` into `out`, sampling the process tree's memory every 20 ms; a run
    still going at `timeout` seconds is stopped (its process tree, by id)."""
    cpu_before = children_cpu()
    started = time.perf_counter()
    proc = psutil.Popen([sys.executable, "-m", "etl", "--input", *map(str, inputs), "--output", str(out),
                         "--workers", str(workers), "--quiet", *extra], cwd=REPO,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, stopped = 0, False
    while proc.poll() is None:
        try:
            tree = [proc] + proc.children(recursive=True)
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if timeout is not None and time.perf_counter() - started > timeout:
            for p in [proc] + proc.children(recursive=True):
                try:
                    p.kill()
                except psutil.Error:
                    pass
            stopped = True
        time.sleep(0.02)
    wall = time.perf_counter() - started
    out_text, err = proc.communicate()
    lines = (out_text if proc.returncode == 0 else err).strip().splitlines()
    summary = lines[-1] if lines else ""
    found = re.search(r"seconds=([\d.]+)", summary) if proc.returncode == 0 else None
    return EtlRun(wall, children_cpu() - cpu_before, float(found.group(1)) if found else None, peak / 2**20,
                  None if stopped else proc.returncode, summary)


def children_cpu() -> float:
    """CPU seconds of every child process this process has waited for."""
    # Workers are reaped by the ETL, so their time is counted in the ETL's, and so here.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
