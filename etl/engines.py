"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine runs the same module-level task, `task(batch, registry) -> results`, a pure function of
the articles and the actors registry; engines differ only in where it runs, so the rows cannot
depend on the engine. A submitted batch comes back as something with `.result()`, and the caller
collects results in submission order, keeping at most `engine.limit` batches in flight.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Protocol

from etl.actors import ActorRegistry
from etl.model import Article

ENGINES = ("local", "dask")
Task = Callable[[list[Article], ActorRegistry], list]
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


_WORKER_REGISTRY: ActorRegistry | None = None


def _load_worker_registry(actors_path: str, parent: int) -> None:
    global _WORKER_REGISTRY
    _exit_with_parent(parent)
    _WORKER_REGISTRY = ActorRegistry.load(actors_path)


def _exit_with_parent(parent: int) -> None:
    """End this worker when the ETL process that started it dies (kill -9 included).

    A pool worker otherwise waits for tasks forever once its parent is gone. The parent's pid is
    passed in, not read here: it may already have died while this worker was starting.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _run_in_worker(task: Task, batch: list[Article]) -> list:
    return task(batch, _WORKER_REGISTRY)


class ProcessPool:
    """Local worker processes, each loading the registry once at start."""

    def __init__(self, task: Task, actors_path: Path, workers: int):
        self.task = task
        # "spawn", not fork: a forked worker would inherit the output folder's lock, and if the ETL
        # were killed the orphaned workers would hold it and block every later run.
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_load_worker_registry,
                                        initargs=(str(actors_path), os.getpid()))
        self.limit = 2 * workers

    def submit(self, batch: list[Article]) -> Pending:
        return self.pool.submit(_run_in_worker, self.task, batch)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


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
                scheduler: str | None = None) -> Engine:
    """Start the named engine ("local" or "dask") running `task` with the registry at `actors_path`."""
    check_engine(engine, scheduler)
    if engine == "dask":
        return DaskCluster(task, actors_path, workers, scheduler)
    if workers > 1:
        return ProcessPool(task, actors_path, workers)
    return InProcess(task, actors_path)
