"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine runs the same module-level task, `task(batch, registry) -> results`, a pure function of
the articles and the actors registry; engines differ only in where it runs, so the rows cannot
depend on the engine. A submitted batch comes back as something with `.result()`, and the caller
collects results in submission order, keeping at most `engine.limit` batches in flight.

The task keeps each article to its time budget itself (etl.budget); the local process pool also
stops a worker that stays silent past `stall_seconds` and replaces a worker that dies, so neither
a stuck article nor a killed process stops the run.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Protocol

from etl.actors import ActorRegistry
from etl.model import Article

ENGINES = ("local", "dask")
Task = Callable[[list[Article], ActorRegistry], list]
# What an article whose worker was stopped or died gets as its result: (article, why) -> result.
Lost = Callable[[Article, str], Any]
# How long to wait for a remote scheduler to answer, and for it to have a worker at all.
CONNECT_SECONDS = 30


class EngineError(RuntimeError):
    """The engine could not be started (no such engine, or the cluster cannot be reached)."""


class Pending(Protocol):
    def result(self) -> list: ...


class Engine(Protocol):
    limit: int

    def submit(self, batch: list[Article]) -> Pending: ...

    def close(self) -> None: ...


class _Done:
    """A batch already computed when it was submitted."""

    def __init__(self, value: list):
        self.value = value

    def result(self) -> list:
        return self.value


class InProcess:
    """Runs each batch on submit: no processes to start, the right choice for one worker."""

    limit = 0

    def __init__(self, task: Task, actors_path: Path):
        self.task = task
        self.registry = ActorRegistry.load(actors_path)

    def submit(self, batch: list[Article]) -> Pending:
        return _Done(self.task(batch, self.registry))

    def close(self) -> None:
        pass


def _exit_with_parent(parent: int) -> None:
    """End this worker when the ETL process that started it dies (kill -9 included).

    A worker otherwise waits for work forever once its parent is gone. The parent's pid is passed
    in, not read here: it may already have died while this worker was starting.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _worker(conn: Connection, task: Task, actors_path: str, parent: int) -> None:
    """A worker process: takes a list of articles at a time, answers with one result per article."""
    _exit_with_parent(parent)
    registry = ActorRegistry.load(Path(actors_path))
    conn.send(_READY)  # starting is not extracting: the parent's stall clock starts now
    while True:
        try:
            articles = conn.recv()
        except (EOFError, OSError):
            return
        if articles is None:
            return
        for article in articles:
            conn.send(task([article], registry)[0])


_READY = ("etl-worker", "ready")
STARTUP_SECONDS = 300
# Workers dying this many times in a row, with no article finished in between, is not an article's
# fault (memory limits, someone killing them): the run stops rather than retrying forever.
MAX_DEATHS_IN_A_ROW = 3


class _Batch:
    def __init__(self, pool: "ProcessPool", articles: list[Article]):
        self.pool = pool
        self.articles = articles
        self.results: list[Any] = [None] * len(articles)
        self.missing = len(articles)
        self.retried: set[int] = set()

    def put(self, index: int, value: Any) -> None:
        self.results[index] = value
        self.missing -= 1

    def result(self) -> list:
        while self.missing:
            self.pool.pump(wait_seconds=1.0)
            if self.missing:
                # Let answers gather (a pipe holds dozens): a wake-up per few articles, not per one.
                time.sleep(0.01)
        return self.results


class _Slot:
    """One worker process and the batch part it is working through."""

    def __init__(self, pool: "ProcessPool"):
        parent, child = pool.ctx.Pipe()
        self.conn = parent
        self.process = pool.ctx.Process(target=_worker, args=(child, pool.task, pool.actors_path, os.getpid()),
                                        daemon=True, name="etl-worker")
        self.process.start()
        child.close()
        self.batch: _Batch | None = None
        self.index = 0  # the article of `batch` being extracted now
        self.end = 0  # where this worker's part of `batch` ends
        self.since = 0.0  # when the worker last finished an article (or got its work)
        self.ready = False  # it has started: its stall clock runs only from then
        self.started = time.monotonic()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class ProcessPool:
    """Local worker processes fed batches one at a time, answering article by article.

    A worker silent for `stall_seconds` on one article (a stall the task's own time budget could
    not interrupt) is killed and replaced, and that article's result is `lost(article, why)`. A
    worker that dies is replaced and its article tried once more on the new one; an article that
    takes a second worker with it gets `lost(...)` too. The rest of the batch goes on either way.
    """

    def __init__(self, task: Task, actors_path: Path, workers: int, stall_seconds: float | None = None,
                 lost: Lost | None = None):
        self.task = task
        self.actors_path = str(actors_path)
        self.stall_seconds = stall_seconds
        self.lost = lost or (lambda article, why: None)
        # "spawn", not fork: a forked worker would inherit the output folder's lock, and if the ETL
        # were killed the orphaned workers would hold it and block every later run.
        self.ctx = multiprocessing.get_context("spawn")
        self.workers = workers
        self.slots: list[_Slot] = []  # started as work comes: a run of one article starts one
        self.queue: deque[tuple[_Batch, int, int]] = deque()  # (batch, first, end) to extract
        self.deaths_in_a_row = 0
        self.away_since: float | None = None
        self.limit = 2 * workers

    def submit(self, batch: list[Article]) -> Pending:
        pending = _Batch(self, batch)
        if batch:
            self.queue.append((pending, 0, len(batch)))
        self.pump(wait_seconds=0)
        return pending

    def pump(self, wait_seconds: float) -> None:
        """Hand out work, then take in whatever the workers have answered (waiting up to `wait_seconds`)."""
        now = time.monotonic()
        if self.away_since is not None:
            # Workers cannot answer while the ETL is busy reading: that time is not theirs.
            for slot in self.slots:
                slot.since += now - self.away_since
        self._dispatch(now)
        busy = [s for s in self.slots if s.batch is not None or not s.ready]
        ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy], wait_seconds) if busy else []
        for slot in busy:
            if slot.conn in ready:
                self._receive(slot)
            elif slot.process.sentinel in ready:
                self._died(slot)
        for slot in list(self.slots):
            if slot.batch is None and not slot.process.is_alive():
                self._died(slot)
        self._check_stalls(time.monotonic())
        self._dispatch(time.monotonic())
        self.away_since = time.monotonic()

    def _dispatch(self, now: float) -> None:
        # A worker is started when queued work outnumbers the workers free or starting.
        while len(self.queue) > sum(s.batch is None for s in self.slots) and len(self.slots) < self.workers:
            self.slots.append(_Slot(self))
        for slot in list(self.slots):
            # Only to a worker that has started: sending to one still starting would block this
            # process (which meanwhile reads the next inputs) until it has.
            if slot.ready and slot.batch is None and self.queue:
                batch, start, end = self.queue.popleft()
                slot.batch, slot.index, slot.end, slot.since = batch, start, end, now
                try:
                    slot.conn.send(batch.articles[start:end])
                except OSError:
                    self._died(slot)

    def _receive(self, slot: _Slot) -> None:
        try:
            while (slot.batch is not None or not slot.ready) and slot.conn.poll():
                value = slot.conn.recv()
                slot.since = time.monotonic()
                if isinstance(value, tuple) and value == _READY:
                    slot.ready = True
                    continue
                slot.batch.put(slot.index, value)
                slot.index += 1
                self.deaths_in_a_row = 0
                if slot.index == slot.end:
                    slot.batch = None
        except (EOFError, OSError):
            self._died(slot)

    def _check_stalls(self, now: float) -> None:
        if self.stall_seconds is None:
            return
        for slot in list(self.slots):
            if not slot.ready and now - slot.started > STARTUP_SECONDS:
                slot.process.kill()  # never started (a busy machine takes seconds, not minutes)
                self._died(slot)
            elif slot.ready and slot.batch is not None and now - slot.since > self.stall_seconds:
                why = f"stopped after {self.stall_seconds:g} s without an answer"
                self._replace(slot, lambda batch, i: batch.put(i, self.lost(batch.articles[i], why)))

    def _died(self, slot: _Slot) -> None:
        slot.process.join(timeout=5)  # its pipe closes a moment before its exit status is there
        code = slot.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        batch, index = slot.batch, slot.index
        if batch is not None and index in batch.retried:
            # The same article took a second worker with it: the article's doing, given up below.
            self._replace(slot, lambda b, i: b.put(i, self.lost(
                b.articles[i], f"its extraction process died twice ({how})")))
            return
        self.deaths_in_a_row += 1
        if self.deaths_in_a_row >= MAX_DEATHS_IN_A_ROW:
            self.close()
            raise EngineError(f"{self.deaths_in_a_row} extraction processes died in a row (the last "
                              f"{how}); something other than the articles is stopping them")

        def retry(b: _Batch, i: int) -> None:
            b.retried.add(i)
            self.queue.appendleft((b, i, i + 1))

        self._replace(slot, retry)

    def _replace(self, slot: _Slot, settle: Callable[[_Batch, int], None]) -> None:
        """Stop the slot's worker, settle its current article, requeue the rest of its work."""
        batch, index, end = slot.batch, slot.index, slot.end
        slot.stop()
        self.slots.remove(slot)  # a new worker is started when there is work for it
        if batch is None:
            return
        if index + 1 < end:
            self.queue.appendleft((batch, index + 1, end))
        settle(batch, index)

    def close(self) -> None:
        for slot in self.slots:
            try:
                slot.conn.send(None)
            except OSError:
                pass
        for slot in self.slots:
            slot.process.join(timeout=5)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.conn.close()
        self.slots = []


class DaskCluster:
    """Batches as tasks on a `dask.distributed` cluster: the one at `scheduler`, or a LocalCluster
    of `workers` single-threaded processes started for this run and stopped after it.

    The registry is scattered to every worker once and handed to each task by reference, so workers
    need neither the registry file nor a shared filesystem; they do need this project importable.
    """

    def __init__(self, task: Task, actors_path: Path, workers: int, scheduler: str | None):
        from distributed import Client, LocalCluster

        self.task = task
        self.cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=CONNECT_SECONDS)
            else:
                # Same reason for spawn as the process pool (it is also distributed's default).
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
            self.client.wait_for_workers(1, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = f"the Dask cluster at {scheduler}" if scheduler else "a Dask LocalCluster"
            raise EngineError(f"cannot use {where}: {exc}") from exc
        self.registry = self.client.scatter(ActorRegistry.load(actors_path), broadcast=True)
        # Two batches per worker thread keep every worker busy while results are collected.
        self.limit = 2 * max(1, sum(self.client.nthreads().values()))

    def submit(self, batch: list[Article]) -> Pending:
        # pure=False: hashing every batch to deduplicate tasks would cost more than it could save.
        return self.client.submit(self.task, batch, self.registry, pure=False)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()


def check_engine(engine: str, scheduler: str | None) -> None:
    """Raise EngineError for an unknown engine, or a scheduler given to an engine that has none."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise EngineError("a scheduler address is only used by the dask engine")


def open_engine(engine: str, task: Task, actors_path: Path, workers: int = 1,
                scheduler: str | None = None, stall_seconds: float | None = None,
                lost: Lost | None = None) -> Engine:
    """Start the named engine ("local" or "dask") running `task` with the registry at `actors_path`.

    `stall_seconds` and `lost` apply to the local process pool (see ProcessPool).
    """
    check_engine(engine, scheduler)
    if engine == "dask":
        return DaskCluster(task, actors_path, workers, scheduler)
    if workers > 1:
        return ProcessPool(task, actors_path, workers, stall_seconds, lost)
    return InProcess(task, actors_path)
