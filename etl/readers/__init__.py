"""Input readers: find article files under the paths a person gives, and read each into Articles.

Nothing here raises for anything a file contains: every problem becomes a Rejection with a
reason a person understands, and the good items around it still load.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from etl.model import Article, Rejection
from etl.readers.csv_records import read_csv_file
from etl.readers.html_page import read_html_file
from etl.readers.json_records import read_json_file, read_jsonl_file
from etl.readers.markdown import read_markdown_file
from etl.readers.seed_text import read_text_file

READERS: dict[str, Callable[[Path], Iterator[Article | Rejection]]] = {
    ".txt": read_text_file,
    ".md": read_markdown_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".csv": read_csv_file,
    ".html": read_html_file,
    ".htm": read_html_file,
}
# Deeper than this is a mistake (or a loop the real-path check cannot see, e.g. bind mounts).
MAX_DEPTH = 40

__all__ = ["READERS", "iter_input_files", "read_file"]


def _unsupported(path: Path) -> Rejection:
    supported = ", ".join(READERS)
    kind = f"unsupported file type '{path.suffix}'" if path.suffix else "no file extension"
    return Rejection(str(path), None, f"{kind} (supported: {supported})")


def _sort_key(name: str) -> tuple[str, str]:
    return name.lower(), name


def iter_input_files(paths: list[str | Path]) -> Iterator[Path | Rejection]:
    """Every readable article file under `paths` (files or folders, read recursively).

    Folders are walked in sorted name order, hidden entries ('.name') skipped; a file reached
    twice (through links or overlapping paths) is given once. Missing paths, unreadable folders,
    broken links, link loops, over-deep nesting and unsupported file types become Rejections.

    Symbolic links are followed as far as they stay inside the given paths: a link found in a folder
    that leads outside all of them (to a system file, another person's folder) is not followed and
    becomes a Rejection saying so, as `grep -r` does; a path given by name is read even when it is a
    link, since the person named it.
    """
    seen_files: set[str] = set()
    seen_dirs: set[str] = set()
    roots = [os.path.realpath(p) for p in paths]
    for given in paths:
        stack: list[tuple[Path, int, tuple[str, ...]]] = [(Path(given), 0, ())]
        while stack:
            path, depth, ancestors = stack.pop()
            if depth and os.path.islink(path) and _leads_outside(path, roots):
                yield Rejection(str(path), None, OUTSIDE_LINK)
                continue
            if not _is_dir(path):
                yield from _file(path, seen_files)
                continue
            real = os.path.realpath(path)
            if real in ancestors:
                yield Rejection(str(path), None, "link loops back to a folder that contains it; skipped")
                continue
            if real in seen_dirs:
                continue
            if depth >= MAX_DEPTH:
                yield Rejection(str(path), None, f"folders nested more than {MAX_DEPTH} deep; not read")
                continue
            seen_dirs.add(real)
            try:
                with os.scandir(path) as entries:
                    names = sorted((entry.name for entry in entries), key=_sort_key)
            except OSError as error:
                yield Rejection(str(path), None, f"cannot open folder ({error.strerror or error})")
                continue
            children = [path / name for name in names if not name.startswith(".")]
            stack.extend((child, depth + 1, ancestors + (real,)) for child in reversed(children))


OUTSIDE_LINK = ("symbolic link to a place outside the input folders; not followed "
                "(give its target as an input to read it)")


def _leads_outside(link: Path, roots: list[str]) -> bool:
    """Whether an existing link's target lies outside every given input path (a broken link is
    reported as broken, not as outside)."""
    target = os.path.realpath(link)
    if not os.path.exists(target):
        return False
    return not any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False  # _file reports why it cannot be read


def _file(path: Path, seen: set[str]) -> Iterator[Path | Rejection]:
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "broken link: its target does not exist" if path.is_symlink() else "no such file or folder"
        yield Rejection(str(path), None, reason)
        return
    except OSError as error:
        yield Rejection(str(path), None, f"cannot read ({error.strerror or error})")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Rejection(str(path), None, "not a regular file (a device, pipe or socket)")
        return
    if path.suffix.lower() not in READERS:
        yield _unsupported(path)
        return
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    if not os.access(path, os.R_OK):
        yield Rejection(str(path), None, "cannot read file (permission denied)")
        return
    yield path


def read_file(path: Path) -> Iterator[Article | Rejection]:
    """The articles in one file, and a Rejection for each item (or the file) that cannot load."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield _unsupported(path)
        return
    try:
        yield from reader(path)
    except OSError as error:
        yield Rejection(str(path), None, f"cannot read file ({error.strerror or error})")
    except Exception as error:  # noqa: BLE001 - one faulty file must not stop a whole run
        yield Rejection(str(path), None, f"could not read ({type(error).__name__}: {error})")
