"""Articles uploaded in the dashboard: checked, saved under safe names, and loaded by the ETL.

Uploads go to <store folder>/uploads/. The ETL then runs over the previous run's inputs (the
store's meta 'inputs') plus that folder, so the new articles join the existing ones. Those inputs
are read once the run holds the store's lock: a run that had to wait for another (say, a
command-line run that added a file) builds on what that one published, and loses none of it.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from app.paths import shown_sql
from etl.store import STORE_NAME, open_read_only

ALLOWED = (".txt", ".md", ".json", ".jsonl", ".csv", ".html", ".htm")
MAX_BYTES = 50 * 1024 * 1024
MAX_NAME = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def uploads_dir(store_folder: Path) -> Path:
    return store_folder / "uploads"


def safe_name(name: str) -> str | None:
    """A plain file name to save an upload under, or None when nothing usable is left.

    Only the last path component is kept (no folders, no '..'), characters outside letters, digits,
    '.', '_' and '-' become '_', and a leading dot is dropped so nothing is hidden.
    """
    base = unicodedata.normalize("NFKC", name).replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem, ext = _UNSAFE.sub("_", stem).strip("._-"), _UNSAFE.sub("", ext).lower()
    if not ext:
        return stem[:MAX_NAME] or None
    return f"{(stem or 'upload')[:MAX_NAME - len(ext) - 1]}.{ext}"


def refusal(name: str, size: int) -> str | None:
    """Why an upload cannot be accepted, or None when it can."""
    safe = safe_name(name)
    if safe is None:
        return "the file name has no usable characters"
    if not safe.endswith(ALLOWED):
        return f"only {', '.join(ALLOWED)} files can be added"
    if size > MAX_BYTES:
        return f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"
    if size == 0:
        return "the file is empty"
    return None


@dataclass(frozen=True)
class Saved:
    name: str  # the name as uploaded
    path: Path  # where it was saved
    status: str  # "saved", "renamed" (a different file had the name) or "unchanged" (same bytes)


def save(folder: Path, name: str, data: bytes) -> Saved:
    """Write one accepted upload into `folder`, never over a different file of the same name."""
    folder.mkdir(parents=True, exist_ok=True)
    reason = refusal(name, len(data))
    if reason:
        raise ValueError(f"{name}: {reason}")
    safe = safe_name(name) or ""
    stem, _, ext = safe.rpartition(".")
    digest = hashlib.blake2b(data, digest_size=16).digest()
    target, n = folder / safe, 1
    while target.exists():
        if hashlib.blake2b(target.read_bytes(), digest_size=16).digest() == digest:
            return Saved(name, target, "unchanged")
        n += 1
        target = folder / f"{stem}-{n}.{ext}"
    # Written beside the folder and renamed in, so an ETL run never reads half a file.
    fd, tmp = tempfile.mkstemp(prefix=".upload-", dir=folder.parent)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, target)
    return Saved(name, target, "saved" if n == 1 else "renamed")


def run_inputs(store_folder: Path, meta: dict[str, str]) -> tuple[list[str], list[str]]:
    """The inputs for the next run (previous inputs + uploads), and previous inputs now missing."""
    previous = json.loads(meta.get("inputs") or "[]")
    uploads = uploads_dir(store_folder).resolve()
    inputs, missing = [], []
    for item in previous:
        path = Path(item)
        if not path.exists():
            missing.append(item)
        elif path.resolve() != uploads:
            inputs.append(item)
    return inputs + [str(uploads)], missing


@dataclass(frozen=True)
class Outcome:
    summary: str
    added: pd.DataFrame  # articles from the uploads that were not in the store before
    rejected: pd.DataFrame  # the uploads' items the ETL could not load, and why


def _upload_articles(store_path: Path, uploads: Path) -> pd.DataFrame:
    if not store_path.exists():
        return pd.DataFrame(columns=["article_id"])
    con = open_read_only(store_path)
    try:
        return con.execute(
            f"SELECT a.article_id, a.published, a.title, a.source, {shown_sql('a.path')} AS path, "
            "(SELECT count(*) FROM figures f WHERE f.article_id = a.article_id) AS figures, "
            "(SELECT count(*) FROM statements s WHERE s.article_id = a.article_id) AS statements "
            "FROM articles a WHERE starts_with(a.path, $dir) ORDER BY a.path, a.ord",
            {"dir": str(uploads) + os.sep}).df()
    finally:
        con.close()


def _rejections(store_path: Path, files: list[Path]) -> pd.DataFrame:
    con = open_read_only(store_path)
    try:
        return con.execute(f"SELECT {shown_sql('r.path')} AS path, r.line, r.reason FROM rejected r "
                           "WHERE list_contains($files, r.path) ORDER BY r.path, r.line NULLS FIRST",
                           {"files": [str(f) for f in files]}).df()
    finally:
        con.close()


def add(store_folder: Path, files: list[Path], log: Callable[[str], None],
        on_progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Run the ETL over the previous inputs plus the uploads; report what the uploads added.

    `on_progress(files_done, files_total)` follows the run, as the command line's progress bar does.
    Raises etl.pipeline.RunFailed (with a message for a person) when the run publishes nothing.
    """
    from etl.pipeline import run

    store_path = store_folder / STORE_NAME
    uploads = uploads_dir(store_folder).resolve()
    # What the store lacked when the person asked: what they see as added, even when a run this one
    # waited for loaded the uploads first.
    before = set(_upload_articles(store_path, uploads)["article_id"])

    def inputs(meta: dict[str, str]) -> list[str]:
        # Called with the lock held: the meta of the store this run builds on, not the page's copy.
        return run_inputs(store_folder, meta)[0]

    summary = run(inputs, store_folder, workers=1, progress=False, log=log, on_progress=on_progress)
    after = _upload_articles(store_path, uploads)
    added = after[~after["article_id"].isin(before)].reset_index(drop=True)
    return Outcome(summary.line(), added, _rejections(store_path, [f.resolve() for f in files]))
