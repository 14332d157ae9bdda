"""read -> extract -> normalise -> store, re-extracting only what changed.

Each input file is identified by its content hash. A file whose hash and the pipeline's fingerprint
(the extraction code and the actors registry) are unchanged since the last run has its rows copied
from the previous store; within a changed file, an article whose own content hash is unchanged is
copied too. When nothing changed at all, the run publishes nothing and finishes in about the time it
takes to hash the inputs.

Nothing an input holds can stall a run: articles longer than etl.parts.PART_CHARS are extracted in
parts, and each article (or part) has a time budget, past which it is loaded without figures or
statements and the reason is recorded in the rejected table.
"""
from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import sys
import time
from collections import deque
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

import duckdb

from etl import parts, store
from etl.actors import ActorRegistry
from etl.budget import OverBudget, time_budget
from etl.engines import Engine, Pending, check_engine, open_engine
from etl.model import Article, Rejection

ETL_ROOT = Path(__file__).resolve().parent
REPO_ROOT = ETL_ROOT.parent
DEFAULT_ACTORS = REPO_ROOT / "data" / "actors.csv"
# The data extraction reads besides the actors registry: the conflicts registry, the rules' word
# lists, the gazetteer and the General Staff's series (which bounds this war's counts of killed). Editing any of them changes the rows, so they are part of the fingerprint.
EXTRACTION_DATA = tuple(REPO_ROOT / "data" / name for name in (
    "conflicts.csv", "rules", "places", "reference/ukraine-general-staff/russia_losses_personnel.json"))
BATCH = 64
# A batch also ends at this much text (two parts of a long article), so the parts of one long
# article are shared out among the workers and batches stay small in memory.
BATCH_CHARS = 256 * 1024
# Seconds one article (or one part of a long one) may take to extract. The corpus's articles take
# milliseconds; this is for the pathological ones.
TIME_BUDGET = 60.0
# The inputs: paths, or a function of the published store's meta giving them, called once the run
# holds the output folder's lock (so a run that waited sees what the run before it published).
Inputs = Union[Iterable[Union[str, Path]], Callable[[dict[str, str]], Iterable[Union[str, Path]]]]


class RunFailed(Exception):
    """The run ended without publishing; the previous store and exports are unchanged. The message
    is one line for a person."""


class NothingToLoad(RunFailed):
    """The inputs held no article, and publishing would have replaced a store that has articles."""


class OutputFailed(RunFailed):
    """The new store or its exports could not be written (disk full, permissions...)."""


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
    error: str | None = None  # why extraction gave nothing, completing "extraction ..." for a person


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


def fingerprint(actors_path: Path, data: tuple[Path, ...] = EXTRACTION_DATA) -> str:
    """Changes whenever extraction could give different rows: its code, the actors registry or the
    other data it reads (`data`: files, or folders read whole)."""
    h = hashlib.blake2b(digest_size=16)
    for p in sorted(ETL_ROOT.rglob("*.py")):
        h.update(str(p.relative_to(ETL_ROOT)).encode())
        h.update(p.read_bytes())
    if actors_path.exists():
        h.update(actors_path.read_bytes())
    for root in data:
        for p in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if p.is_file():
                h.update(p.name.encode())
                h.update(p.read_bytes())
    return h.hexdigest()


# -- extraction, on whichever engine -----------------------------------------------------------


def extract_batch(articles: list[Article], actors: ActorRegistry, seconds: float | None = None) -> list[Extracted]:
    """The store rows of each article, each extracted within `seconds`: a pure function of the
    articles and the registry, so every engine gives the same rows."""
    from etl.extract.article import extract_article

    out = []
    for article in articles:
        try:
            with time_budget(seconds):
                figures, statements = extract_article(article, actors)
            out.append(Extracted([store.figure_row(f, i) for i, f in enumerate(figures, 1)],
                                 [store.statement_row(s, i) for i, s in enumerate(statements, 1)]))
        except OverBudget:
            out.append(Extracted([], [], f"took longer than {seconds:g} s and was stopped"))
        except Exception as exc:  # one article's failure must not stop the run
            out.append(Extracted([], [], f"failed ({type(exc).__name__}: {exc})"))
    return out


def _lost(article: Article, why: str) -> Extracted:
    return Extracted([], [], why)


class _Extractor:
    """Runs batches of article parts on an engine, in order, with a bounded number in flight so
    memory stays flat.

    The engine starts on the first batch: a run that only reuses earlier rows starts no workers.
    """

    def __init__(self, start: Callable[[], Engine]):
        self.start = start
        self.engine: Engine | None = None
        self.inflight: deque[tuple[list[parts.Part], Pending]] = deque()
        self.batch: list[parts.Part] = []
        self.chars = 0

    def add(self, article: Article) -> Iterator[tuple[parts.Part, Extracted]]:
        """Queue an article; yields the results of earlier batches that had to be collected."""
        for part in parts.split(article):
            self.batch.append(part)
            self.chars += len(part.article.text)
            if len(self.batch) >= BATCH or self.chars >= BATCH_CHARS:
                yield from self.submit()

    def submit(self) -> Iterator[tuple[parts.Part, Extracted]]:
        if not self.batch:
            return
        if self.engine is None:
            self.engine = self.start()
        batch, self.batch, self.chars = self.batch, [], 0
        self.inflight.append((batch, self.engine.submit([p.article for p in batch])))
        while len(self.inflight) > self.engine.limit:
            yield from self._pop()

    def drain(self) -> Iterator[tuple[parts.Part, Extracted]]:
        yield from self.submit()
        while self.inflight:
            yield from self._pop()

    def _pop(self) -> Iterator[tuple[parts.Part, Extracted]]:
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


def run(inputs: Inputs, out_dir: str | Path, workers: int = 1,
        actors_path: str | Path | None = None, progress: bool = True,
        log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
        engine: str = "local", scheduler: str | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        allow_empty: bool = False, seconds_per_article: float | None = TIME_BUDGET) -> RunSummary:
    """Load every input into the store in `out_dir` and export its tables; never stops on bad input.

    `inputs` are files and folders, or a function of the published store's meta that returns them,
    called once this run holds the folder's lock. `on_progress(files_done, files_total)` is called
    after each input file, for a progress bar. `engine` says where articles are extracted: "local"
    (this process, or `workers` local processes) or "dask" (the cluster at `scheduler`, else a
    LocalCluster of `workers` processes); the tables are the same either way.

    Raises etl.engines.EngineError when the engine cannot be started, NothingToLoad when the inputs
    hold no article and the store has some (unless `allow_empty`), OutputFailed when the output
    cannot be written; in each case the previous store and exports are left as they were.
    """
    started = time.perf_counter()
    check_engine(engine, scheduler)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    actors = Path(actors_path) if actors_path else DEFAULT_ACTORS
    workers = max(1, workers)
    task = functools.partial(extract_batch, seconds=seconds_per_article)
    # A worker silent for this long is stuck in something the budget cannot interrupt.
    stall = None if seconds_per_article is None else 2 * seconds_per_article + 10

    def start() -> Engine:
        return open_engine(engine, task, actors, workers, scheduler, stall_seconds=stall, lost=_lost)

    with _Lock(out_dir, log):
        old_meta = store.read_meta(store.store_path(out_dir))
        paths = list(inputs(old_meta) if callable(inputs) else inputs)
        return _run_locked(paths, out_dir, start, actors, old_meta, allow_empty, progress, started,
                           on_progress or (lambda done, total: None))


def _run_locked(inputs: list, out_dir: Path, start_engine: Callable[[], Engine], actors: Path,
                old_meta: dict[str, str], allow_empty: bool, progress: bool, started: float,
                on_progress: Callable[[int, int], None]) -> RunSummary:
    from etl.readers import iter_input_files, read_file

    fp = fingerprint(actors)
    old_path = store.store_path(out_dir)
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
    if reusable and old_meta.get("version") == version and store.current_run(out_dir) is not None:
        return _summary_from_meta(old_meta, started)

    counts = {"articles": 0, "figures": 0, "statements": 0, "rejected": 0, "extracted": 0, "reused": 0}
    try:
        writer = store.StoreWriter(out_dir)
    except (duckdb.Error, OSError) as exc:
        raise OutputFailed(_output_failure(out_dir, exc)) from exc
    try:
        old_sources = store.read_sources(old_path) if reusable else {}
        if reusable:
            writer.attach_old(old_path)
        writer.add("rejected", [store.rejection_row(r) for r in walk_rejections])
        counts["rejected"] += len(walk_rejections)
        seen_ids: dict[str, str] = {}
        old_articles = _old_article_hashes(writer) if reusable else {}
        extractor = _Extractor(start_engine)
        results = _Results(writer, counts, _progress_bar(progress))
        try:
            for done, (path, fhash) in enumerate(files):
                on_progress(done, len(files))
                writer.add("sources", [(str(path), fhash)])
                if old_sources.get(str(path)) == fhash and _copy_file(writer, str(path), seen_ids, counts):
                    results.bar.update(0)
                    continue
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
                        results.bar.update(1)
                        continue
                    results.store(extractor.add(article))
            results.store(extractor.drain())
            on_progress(len(files), len(files))
        finally:
            extractor.close()
            results.bar.close()
        previous = int(old_meta.get("articles") or 0)
        if counts["articles"] == 0 and previous and not allow_empty:
            raise NothingToLoad(
                f"nothing to load: {_why_empty(files, walk_rejections, writer)}; the store in {out_dir} keeps "
                f"its {previous:,} articles (--allow-empty replaces it with an empty store)")
        writer.set_meta({
            "version": version, "fingerprint": fp,
            # The dashboard's "Add articles" page re-runs over these plus the uploads.
            "inputs": json.dumps([str(p) for p in inputs]),
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            **{k: str(v) for k, v in counts.items() if k not in ("extracted", "reused")},
        })
        writer.publish()
    except (duckdb.Error, OSError) as exc:
        writer.abort()
        raise OutputFailed(_output_failure(out_dir, exc)) from exc
    except BaseException:
        writer.abort()
        raise
    return RunSummary(counts["articles"], counts["figures"], counts["statements"], counts["rejected"],
                      time.perf_counter() - started, counts["extracted"], counts["reused"])


def _output_failure(out_dir: Path, exc: BaseException) -> str:
    detail = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, OSError) and exc.strerror:
        detail = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return (f"cannot write the output in {out_dir} ({detail}); "
            "the previous store and exports are unchanged")


def _why_empty(files: list, walk_rejections: list[Rejection], writer: store.StoreWriter) -> str:
    if not files and walk_rejections:
        return "; ".join(f"{r.path}: {r.reason}" for r in walk_rejections[:3])
    if not files:
        return "the inputs hold no article files"
    first = writer.first_rejection()
    return (f"no article could be read from the {len(files)} input file{'s' if len(files) != 1 else ''}"
            + (f" (first reason: {first})" if first else ""))


def _version(fp: str, files: list[tuple[Path, str]], rejections: list[Rejection]) -> str:
    h = hashlib.blake2b(fp.encode(), digest_size=12)
    for path, fhash in files:
        h.update(f"{path}\x00{fhash}\n".encode("utf-8", "surrogatepass"))
    for r in rejections:
        h.update(f"{r.path}\x00{r.reason}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


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


class _Results:
    """Writes extraction results as they arrive, putting the parts of a long article back together:
    figures and statements numbered on across its parts, and a rejected row for any part lost."""

    def __init__(self, writer: store.StoreWriter, counts: dict, bar):
        self.writer, self.counts, self.bar = writer, counts, bar
        self.figures = self.statements = 0  # of the article being put together

    def store(self, results: Iterable[tuple[parts.Part, Extracted]]) -> None:
        for part, result in results:
            if part.index == 0:
                self.figures = self.statements = 0
            figure_rows, statement_rows = result.figure_rows, result.statement_rows
            if part.total > 1:
                aid = part.article.article_id
                figure_rows = _renumbered(figure_rows, f"{aid}:f", self.figures)
                statement_rows = _renumbered(statement_rows, f"{aid}:s", self.statements)
            self.figures += len(figure_rows)
            self.statements += len(statement_rows)
            self.writer.add("figures", figure_rows)
            self.writer.add("statements", statement_rows)
            self.counts["figures"] += len(figure_rows)
            self.counts["statements"] += len(statement_rows)
            if result.error:
                self.writer.add("rejected", [(part.article.path, None, _failure(part, result.error))])
                self.counts["rejected"] += 1
            if part.index == part.total - 1:
                self.counts["extracted"] += 1
                self.bar.update(1)


def _renumbered(rows: list[tuple], prefix: str, before: int) -> list[tuple]:
    """Rows of one part with ids and positions following the earlier parts' (id first, seq last)."""
    return [(f"{prefix}{before + n}",) + row[1:-1] + (before + n,) for n, row in enumerate(rows, 1)]


def _failure(part: parts.Part, error: str) -> str:
    aid = part.article.article_id
    if part.total == 1:
        return f"article '{aid}': extraction {error}; the article is loaded without figures or statements"
    return (f"article '{aid}', {part.describe()}: extraction {error}; that part's figures and statements "
            "are left out, the other parts' are loaded")


def _progress_bar(enabled: bool):
    from tqdm import tqdm

    # disable=None lets tqdm stay quiet when stderr is not a terminal (CI logs, tests).
    return tqdm(unit=" articles", file=sys.stderr, disable=None if enabled else True,
                mininterval=0.5, dynamic_ncols=True)
