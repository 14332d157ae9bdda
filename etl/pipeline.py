"""read -> extract -> normalise -> store, re-extracting only what changed.

Each input file is identified by its content hash. A file whose hash and the pipeline's fingerprint
(the extraction code and the actors registry) are unchanged since the last run has its rows copied
from the previous store; within a changed file, an article whose own content hash is unchanged is
copied too. When nothing changed at all, the run publishes nothing and finishes in about the time it
takes to hash the inputs.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
import time
from collections import deque
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from etl import store
from etl.actors import ActorRegistry
from etl.engines import Engine, Pending, check_engine, open_engine
from etl.model import Article, Rejection

ETL_ROOT = Path(__file__).resolve().parent
REPO_ROOT = ETL_ROOT.parent
DEFAULT_ACTORS = REPO_ROOT / "data" / "actors.csv"
EXPORT_MARKER = ".exported"
BATCH = 64


@dataclass(frozen=True)
class RunSummary:
    articles: int
    figures: int
    statements: int
    rejected: int
    seconds: float
    extracted: int
    reused: int

    def line(self) -> str:
        return (f"articles={self.articles} figures={self.figures} statements={self.statements} "
                f"rejected={self.rejected} extracted={self.extracted} reused={self.reused} "
                f"seconds={self.seconds:.2f}")


@dataclass(frozen=True)
class Extracted:
    """One article's store rows, built in the worker so the writing process only appends."""

    figure_rows: list[tuple]
    statement_rows: list[tuple]
    error: str | None = None


def file_hash(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def article_hash(article: Article) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in (article.article_id, str(article.published), article.title, article.source,
                 ";".join(article.tags), article.url, article.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def fingerprint(actors_path: Path) -> str:
    """Changes whenever extraction could give different rows: its code or the actors registry."""
    h = hashlib.blake2b(digest_size=16)
    for p in sorted(ETL_ROOT.rglob("*.py")):
        h.update(str(p.relative_to(ETL_ROOT)).encode())
        h.update(p.read_bytes())
    if actors_path.exists():
        h.update(actors_path.read_bytes())
    return h.hexdigest()


# -- extraction, on whichever engine -----------------------------------------------------------


def extract_batch(articles: list[Article], actors: ActorRegistry) -> list[Extracted]:
    """The store rows of each article: a pure function of the articles and the registry, so every
    engine gives the same rows."""
    from etl.extract.article import extract_article

    out = []
    for article in articles:
        try:
            figures, statements = extract_article(article, actors)
            out.append(Extracted([store.figure_row(f, i) for i, f in enumerate(figures, 1)],
                                 [store.statement_row(s, i) for i, s in enumerate(statements, 1)]))
        except Exception as exc:  # one article's failure must not stop the run
            out.append(Extracted([], [], f"{type(exc).__name__}: {exc}"))
    return out


class _Extractor:
    """Runs batches on an engine, in order, with a bounded number in flight so memory stays flat.

    The engine starts on the first batch: a run that only reuses earlier rows starts no workers.
    """

    def __init__(self, start: Callable[[], Engine]):
        self.start = start
        self.engine: Engine | None = None
        self.inflight: deque[tuple[list[Article], Pending]] = deque()

    def submit(self, batch: list[Article]) -> Iterator[tuple[Article, Extracted]]:
        if self.engine is None:
            self.engine = self.start()
        self.inflight.append((batch, self.engine.submit(batch)))
        while len(self.inflight) > self.engine.limit:
            yield from self._pop()

    def drain(self) -> Iterator[tuple[Article, Extracted]]:
        while self.inflight:
            yield from self._pop()

    def _pop(self) -> Iterator[tuple[Article, Extracted]]:
        batch, pending = self.inflight.popleft()
        yield from zip(batch, pending.result())

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()


# -- the run ----------------------------------------------------------------------------------


class _Lock:
    """One ETL run per output folder at a time; a second run waits for the first."""

    def __init__(self, out_dir: Path, log: Callable[[str], None]):
        self.path = out_dir / ".etl.lock"
        self.log = log

    def __enter__(self) -> "_Lock":
        self.fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.log(f"another ETL run is writing to {self.path.parent}; waiting for it to finish")
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


def run(inputs: Iterable[str | Path], out_dir: str | Path, workers: int = 1,
        actors_path: str | Path | None = None, progress: bool = True,
        log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
        engine: str = "local", scheduler: str | None = None,
        on_progress: Callable[[int, int], None] | None = None) -> RunSummary:
    """Load every input into the store in `out_dir` and export its tables; never stops on bad input.

    `on_progress(files_done, files_total)` is called after each input file, for a progress bar.

    `engine` says where articles are extracted: "local" (this process, or `workers` local processes)
    or "dask" (the cluster at `scheduler`, else a LocalCluster of `workers` processes). The tables
    are the same either way. Raises etl.engines.EngineError when the engine cannot be started.
    """
    started = time.perf_counter()
    check_engine(engine, scheduler)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    actors = Path(actors_path) if actors_path else DEFAULT_ACTORS
    workers = max(1, workers)

    def start() -> Engine:
        return open_engine(engine, extract_batch, actors, workers, scheduler)

    with _Lock(out_dir, log):
        return _run_locked(list(inputs), out_dir, start, actors, progress, started,
                           on_progress or (lambda done, total: None))


def _run_locked(inputs: list, out_dir: Path, start_engine: Callable[[], Engine], actors: Path,
                progress: bool, started: float, on_progress: Callable[[int, int], None]) -> RunSummary:
    from etl.readers import iter_input_files, read_file

    fp = fingerprint(actors)
    old_path = store.store_path(out_dir)
    old_meta = store.read_meta(old_path)
    reusable = old_meta.get("fingerprint") == fp

    files: list[tuple[Path, str]] = []
    walk_rejections: list[Rejection] = []
    for item in iter_input_files(inputs):
        if isinstance(item, Rejection):
            walk_rejections.append(item)
            continue
        try:
            files.append((item, file_hash(item)))
        except OSError as exc:
            walk_rejections.append(Rejection(str(item), None, f"could not read file: {exc.strerror}"))

    version = _version(fp, files, walk_rejections)
    if reusable and old_meta.get("version") == version and _exported(out_dir) == version:
        return _summary_from_meta(old_meta, started)

    old_sources = store.read_sources(old_path) if reusable else {}
    writer = store.StoreWriter(out_dir)
    counts = {"articles": 0, "figures": 0, "statements": 0, "rejected": 0, "extracted": 0, "reused": 0}
    try:
        if reusable:
            writer.attach_old(old_path)
        writer.add("rejected", [store.rejection_row(r) for r in walk_rejections])
        counts["rejected"] += len(walk_rejections)
        seen_ids: dict[str, str] = {}
        old_articles = _old_article_hashes(writer) if reusable else {}
        extractor = _Extractor(start_engine)
        bar = _progress_bar(progress)
        try:
            for done, (path, fhash) in enumerate(files):
                on_progress(done, len(files))
                writer.add("sources", [(str(path), fhash)])
                if old_sources.get(str(path)) == fhash and _copy_file(writer, str(path), seen_ids, counts):
                    bar.update(0)
                    continue
                batch: list[Article] = []
                for ord_, item in enumerate(read_file(path)):
                    if isinstance(item, Rejection):
                        writer.add("rejected", [store.rejection_row(item)])
                        counts["rejected"] += 1
                        continue
                    article, duplicate = _dedupe(item, seen_ids)
                    if duplicate:
                        writer.add("rejected", [store.rejection_row(duplicate)])
                        counts["rejected"] += 1
                        continue
                    ahash = seen_ids[article.article_id]  # _dedupe hashed it already
                    writer.add("articles", [store.article_row(article, ahash, ord_)])
                    counts["articles"] += 1
                    if old_articles.get(article.article_id) == ahash:
                        _copy_article(writer, article.article_id, counts)
                        bar.update(1)
                        continue
                    batch.append(article)
                    if len(batch) >= BATCH:
                        _store_extracted(writer, extractor.submit(batch), counts, bar)
                        batch = []
                if batch:
                    _store_extracted(writer, extractor.submit(batch), counts, bar)
            _store_extracted(writer, extractor.drain(), counts, bar)
            on_progress(len(files), len(files))
        finally:
            extractor.close()
            bar.close()
        writer.set_meta({
            "version": version, "fingerprint": fp,
            # The dashboard's "Add articles" page re-runs over these plus the uploads.
            "inputs": json.dumps([str(p) for p in inputs]),
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            **{k: str(v) for k, v in counts.items() if k not in ("extracted", "reused")},
        })
        writer.publish()
    except BaseException:
        writer.abort()
        raise
    _mark_exported(out_dir, None)
    store.export(out_dir)
    _mark_exported(out_dir, version)
    return RunSummary(counts["articles"], counts["figures"], counts["statements"], counts["rejected"],
                      time.perf_counter() - started, counts["extracted"], counts["reused"])


def _version(fp: str, files: list[tuple[Path, str]], rejections: list[Rejection]) -> str:
    h = hashlib.blake2b(fp.encode(), digest_size=12)
    for path, fhash in files:
        h.update(f"{path}\x00{fhash}\n".encode("utf-8", "surrogatepass"))
    for r in rejections:
        h.update(f"{r.path}\x00{r.reason}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _exported(out_dir: Path) -> str | None:
    try:
        return (out_dir / EXPORT_MARKER).read_text().strip()
    except OSError:
        return None


def _mark_exported(out_dir: Path, version: str | None) -> None:
    marker = out_dir / EXPORT_MARKER
    if version is None:
        marker.unlink(missing_ok=True)
    else:
        marker.write_text(version + "\n")


def _summary_from_meta(meta: dict[str, str], started: float) -> RunSummary:
    def count(k: str) -> int:
        return int(meta.get(k, 0))

    return RunSummary(count("articles"), count("figures"), count("statements"), count("rejected"),
                      time.perf_counter() - started, 0, count("articles"))


def _old_article_hashes(writer: store.StoreWriter) -> dict[str, str]:
    return dict(writer.con.execute("SELECT article_id, content_hash FROM old.articles").fetchall())


def _copy_file(writer: store.StoreWriter, path: str, seen_ids: dict[str, str], counts: dict) -> bool:
    """Copy an unchanged file's rows; False when its ids now clash and it must be re-read."""
    rows = writer.con.execute(
        "SELECT article_id, content_hash FROM old.articles WHERE path = ?", [path]).fetchall()
    if any(aid in seen_ids for aid, _ in rows):
        return False
    seen_ids.update(rows)
    ids = "SELECT article_id FROM old.articles WHERE path = ?"
    counts["articles"] += writer.copy_from("articles", "path = ?", [path])
    counts["figures"] += writer.copy_from("figures", f"article_id IN ({ids})", [path])
    counts["statements"] += writer.copy_from("statements", f"article_id IN ({ids})", [path])
    counts["rejected"] += writer.copy_from("rejected", "path = ?", [path])
    counts["reused"] += len(rows)
    return True


def _copy_article(writer: store.StoreWriter, article_id: str, counts: dict) -> None:
    for table in ("figures", "statements"):
        counts[table] += writer.copy_from(table, "article_id = ?", [article_id])
    counts["reused"] += 1


def _dedupe(article: Article, seen_ids: dict[str, str]) -> tuple[Article, Rejection | None]:
    """Same id and same text: one article. Same id, different text: both kept, the later renamed.

    Renaming (`id~2`, `id~3`...) keeps every text; the rejected table records the identical copies
    that were dropped so nothing disappears without a trace.
    """
    ahash = article_hash(article)
    if article.article_id not in seen_ids:
        seen_ids[article.article_id] = ahash
        return article, None
    if seen_ids[article.article_id] == ahash:
        return article, Rejection(article.path, None,
                                  f"duplicate of article '{article.article_id}' (same text); kept once")
    n = 2
    while f"{article.article_id}~{n}" in seen_ids:
        n += 1
    renamed = replace(article, article_id=f"{article.article_id}~{n}")
    seen_ids[renamed.article_id] = article_hash(renamed)
    return renamed, None


def _store_extracted(writer: store.StoreWriter, results: Iterable[tuple[Article, Extracted]],
                     counts: dict, bar) -> None:
    for article, result in results:
        writer.add("figures", result.figure_rows)
        writer.add("statements", result.statement_rows)
        counts["figures"] += len(result.figure_rows)
        counts["statements"] += len(result.statement_rows)
        counts["extracted"] += 1
        if result.error:
            writer.add("rejected", [(article.path, None,
                                     f"article '{article.article_id}': extraction failed ({result.error}); "
                                     "the article is loaded without figures or statements")])
            counts["rejected"] += 1
        bar.update(1)


def _progress_bar(enabled: bool):
    from tqdm import tqdm

    # disable=None lets tqdm stay quiet when stderr is not a terminal (CI logs, tests).
    return tqdm(unit=" articles", file=sys.stderr, disable=None if enabled else True,
                mininterval=0.5, dynamic_ncols=True)
