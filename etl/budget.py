"""A time budget for one piece of work: past it, OverBudget is raised in the thread doing the work.

One watchdog thread per process watches every armed budget. It interrupts Python code wherever it
runs (the ETL's main thread, a worker process, a Dask worker's thread, the dashboard's thread) by
raising an exception in that thread; a single call into C code that never returns is not
interrupted, which is why the local worker pool also kills a worker that stays silent for too long.
"""
from __future__ import annotations

import ctypes
import itertools
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(BaseException):
    """Raised in a thread whose work ran past its budget. A BaseException, so that the `except
    Exception` of the code being interrupted cannot swallow it."""


class _Watchdog:
    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.armed: dict[int, tuple[int, float]] = {}  # token -> (thread id, deadline)
        self.fired: set[int] = set()
        self.tokens = itertools.count()
        self.thread: threading.Thread | None = None

    def arm(self, seconds: float) -> int:
        with self.cond:
            token = next(self.tokens)
            self.armed[token] = (threading.get_ident(), time.monotonic() + seconds)
            if self.thread is None:
                self.thread = threading.Thread(target=self._watch, name="time-budget", daemon=True)
                self.thread.start()
            self.cond.notify()
            return token

    def disarm(self, token: int) -> bool:
        """Whether the budget had run out (its exception raised, or still pending)."""
        with self.cond:
            self.armed.pop(token, None)
            if token not in self.fired:
                return False
            self.fired.discard(token)
            # Not delivered yet (the thread ran no Python since): cancel it, the work is done.
            _raise_in(threading.get_ident(), None)
            return True

    def _watch(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                for token, (thread, deadline) in list(self.armed.items()):
                    if deadline <= now:
                        del self.armed[token]
                        self.fired.add(token)
                        _raise_in(thread, OverBudget)
                soonest = min((d for _, d in self.armed.values()), default=None)
                self.cond.wait(None if soonest is None else max(soonest - now, 0.01))


def _raise_in(thread: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread),
                                               ctypes.py_object(exc) if exc else ctypes.c_void_p())


_WATCHDOG = _Watchdog()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the block with `seconds` to finish (None: no limit); raises OverBudget past it."""
    if seconds is None:
        yield
        return
    token = _WATCHDOG.arm(seconds)
    try:
        yield
    finally:
        if _WATCHDOG.disarm(token):
            raise OverBudget(f"took longer than {seconds:g} s")
