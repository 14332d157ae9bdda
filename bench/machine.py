"""One line describing the machine, printed with every benchmark result."""
from __future__ import annotations

import os
import platform

import psutil


def describe() -> str:
    mem = psutil.virtual_memory().total / 2**30
    return (f"machine: {os.cpu_count()} cores, {mem:.0f} GiB RAM, {platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
