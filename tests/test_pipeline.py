"""The ETL command end to end: tables out, identical reruns, incremental work, rejected items."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb

from etl.model import ARTICLE_COLUMNS, FIGURE_COLUMNS, REJECTION_COLUMNS, STATEMENT_COLUMNS
from etl.pipeline import DEFAULT_ACTORS, EXTRACTION_DATA, fingerprint, run

REPO = Path(__file__).resolve().parents[1]

ARTICLE_A = """#War

Illustrative Wire: Strike on a city in the east

2024.03.12

At least 12 people were killed and 30 injured in a missile strike on Tuesday, the regional governor said.

"This was a deliberate attack on civilians," said Governor Oleh Petrenko.
"""

ARTICLE_B = """Illustrative Daily: Prisoner exchange

2024.05.02

Ukraine and Russia exchanged 75 prisoners of war on Wednesday, officials said.
"""


def write_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    records = [
        {"id": "j1", "title": "Evacuations", "date": "2024-06-01", "source": "Example News",
         "text": "About 2,000 residents were evacuated from the town in June, the mayor said."},
        {"id": "j2", "title": "No text", "date": "2024-06-02", "text": ""},
    ]
    lines = [json.dumps(records[0]), "{not json", json.dumps(records[1])]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def header(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as f:
        return next(csv.reader(f))


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes()
            for name in ("articles.csv", "figures.csv", "statements.csv", "rejected.csv")}


def test_tables_have_the_contract_columns(tmp_path):
    out = tmp_path / "out"
    run([write_inputs(tmp_path / "in")], out, progress=False)
    assert header(out / "articles.csv") == list(ARTICLE_COLUMNS)
    assert header(out / "figures.csv") == list(FIGURE_COLUMNS)
    assert header(out / "statements.csv") == list(STATEMENT_COLUMNS)
    assert header(out / "rejected.csv") == list(REJECTION_COLUMNS)
    for name in ("articles", "figures", "statements", "rejected"):
        assert (out / "parquet" / f"{name}.parquet").exists()


def test_good_items_load_and_bad_items_are_rejected_with_a_reason(tmp_path):
    out = tmp_path / "out"
    summary = run([write_inputs(tmp_path / "in")], out, progress=False)
    articles = {r["article_id"]: r for r in read_rows(out / "articles.csv")}
    assert set(articles) == {"a", "b", "j1"}
    assert articles["a"]["published"] == "2024-03-12"
    assert articles["j1"]["source"] == "Example News"
    rejected = read_rows(out / "rejected.csv")
    feed = [r for r in rejected if r["path"].endswith("feed.jsonl")]
    assert {r["line"] for r in feed} == {"2", "3"}
    assert all(r["reason"] for r in feed)
    assert summary.articles == 3 and summary.rejected == len(rejected)


def test_figures_and_statements_point_back_to_their_sentence(tmp_path):
    out = tmp_path / "out"
    run([write_inputs(tmp_path / "in")], out, progress=False)
    figures = read_rows(out / "figures.csv")
    pairs = {(f["article_id"], f["value"], f["category"]) for f in figures}
    assert {("a", "12", "killed"), ("a", "30", "injured"), ("b", "75", "captured")} <= pairs
    con = duckdb.connect(str(out / "store.duckdb"), read_only=True)
    body = dict(con.execute("SELECT article_id, text FROM articles").fetchall())
    for f in figures:
        assert f["sentence"] in body[f["article_id"]]
    statements = read_rows(out / "statements.csv")
    assert any(s["article_id"] == "a" and "deliberate attack" in s["quote"] for s in statements)


def test_rerun_gives_identical_tables_and_extracts_nothing(tmp_path):
    inputs, out = write_inputs(tmp_path / "in"), tmp_path / "out"
    run([inputs], out, progress=False)
    first = snapshot(out)
    again = run([inputs], out, progress=False)
    assert snapshot(out) == first
    assert again.extracted == 0 and again.articles == 3


def test_fresh_output_gives_the_same_bytes(tmp_path):
    inputs = write_inputs(tmp_path / "in")
    run([inputs], tmp_path / "one", progress=False)
    run([inputs], tmp_path / "two", progress=False, workers=2)
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_only_changed_files_are_extracted_again(tmp_path):
    inputs, out = write_inputs(tmp_path / "in"), tmp_path / "out"
    run([inputs], out, progress=False)
    (inputs / "b.txt").write_text(ARTICLE_B.replace("75", "80"), encoding="utf-8")
    second = run([inputs], out, progress=False)
    assert second.extracted == 1
    values = {(f["article_id"], f["value"]) for f in read_rows(out / "figures.csv")}
    assert ("b", "80") in values and ("b", "75") not in values
    assert ("a", "12") in values


def test_editing_any_data_extraction_reads_re_extracts_everything(tmp_path):
    # A store built with the old rules, conflicts or gazetteer must not be reused after an edit.
    import shutil

    data = []
    for original in EXTRACTION_DATA:
        copy = tmp_path / original.name
        (shutil.copytree if original.is_dir() else shutil.copy)(original, copy)
        data.append(copy)
    before = fingerprint(DEFAULT_ACTORS, tuple(data))
    assert before == fingerprint(DEFAULT_ACTORS)
    for copy in data:
        edited = copy if copy.is_file() else sorted(p for p in copy.rglob("*") if p.is_file())[0]
        content = edited.read_bytes()
        edited.write_bytes(content + b"\n")
        assert fingerprint(DEFAULT_ACTORS, tuple(data)) != before, edited
        edited.write_bytes(content)


def test_removed_file_leaves_the_store(tmp_path):
    inputs, out = write_inputs(tmp_path / "in"), tmp_path / "out"
    run([inputs], out, progress=False)
    (inputs / "b.txt").unlink()
    run([inputs], out, progress=False)
    assert "b" not in {r["article_id"] for r in read_rows(out / "articles.csv")}
    assert "b" not in {r["article_id"] for r in read_rows(out / "figures.csv")}


def test_duplicate_ids_keep_both_texts_and_drop_only_identical_copies(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    same = {"id": "x", "title": "T", "date": "2024-01-02", "text": "Five people were killed, police said."}
    other = dict(same, text="Seven people were injured, police said.")
    (folder / "dups.jsonl").write_text("\n".join(json.dumps(r) for r in (same, same, other)) + "\n")
    out = tmp_path / "out"
    run([folder], out, progress=False)
    ids = [r["article_id"] for r in read_rows(out / "articles.csv")]
    assert ids == ["x", "x~2"]
    reasons = [r["reason"] for r in read_rows(out / "rejected.csv")]
    assert any("duplicate" in r and "same text" in r for r in reasons)


def test_command_line_prints_a_summary_and_exits_zero_despite_bad_input(tmp_path):
    inputs = write_inputs(tmp_path / "in")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    proc = subprocess.run([sys.executable, "-m", "etl", "--input", str(inputs), "--output",
                           str(tmp_path / "out"), "--workers", "1"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.startswith("articles=3 ") and "seconds=" in summary
    rejected = read_rows(tmp_path / "out" / "rejected.csv")
    assert any(r["path"].endswith("binary.txt") for r in rejected)


def test_command_line_usage_error_and_unwritable_output(tmp_path):
    usage = subprocess.run([sys.executable, "-m", "etl", "--output", str(tmp_path)],
                           cwd=REPO, capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    bad = subprocess.run([sys.executable, "-m", "etl", "--input", str(tmp_path), "--output",
                          str(blocker / "out")], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert "cannot write" in bad.stderr


def test_csv_export_is_plain_utf8_with_header(tmp_path):
    out = tmp_path / "out"
    run([write_inputs(tmp_path / "in")], out, progress=False)
    raw = (out / "statements.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0] == list(STATEMENT_COLUMNS)



def test_progress_is_reported_per_input_file_and_ends_complete(tmp_path):
    seen: list[tuple[int, int]] = []
    run([write_inputs(tmp_path / "in")], tmp_path / "out", progress=False,
        on_progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# -- no silent wipe (issue 15, item 2) ----------------------------------------------------------


def etl_command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "etl", "--quiet", "--workers", "1", *args],
                          cwd=REPO, capture_output=True, text=True, timeout=300)


def test_a_mistyped_input_keeps_the_store_and_says_why_in_one_line(tmp_path):
    inputs, out = write_inputs(tmp_path / "in"), tmp_path / "out"
    assert etl_command("--input", str(inputs), "--output", str(out)).returncode == 0
    before = snapshot(out)
    typo = etl_command("--input", str(tmp_path / "inz"), "--output", str(out))
    assert typo.returncode == 3
    assert typo.stderr.count("\n") == 1 and "Traceback" not in typo.stderr
    assert f"{tmp_path / 'inz'}: no such file or folder" in typo.stderr
    assert "keeps its 3 articles" in typo.stderr and "--allow-empty" in typo.stderr
    assert snapshot(out) == before
    assert len(list((out / "runs").iterdir())) == 1, "nothing half-built is left"
    wanted = etl_command("--input", str(tmp_path / "inz"), "--output", str(out), "--allow-empty")
    assert wanted.returncode == 0, wanted.stderr
    assert read_rows(out / "articles.csv") == []


def test_an_empty_folder_or_only_rejected_items_never_replace_a_store_with_articles(tmp_path):
    from etl.pipeline import NothingToLoad

    inputs, out = write_inputs(tmp_path / "in"), tmp_path / "out"
    run([inputs], out, progress=False)
    before = snapshot(out)
    (tmp_path / "empty").mkdir()
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "bad.jsonl").write_text("{not json\n")
    for given, reason in ((tmp_path / "empty", "the inputs hold no article files"),
                          (tmp_path / "junk", "first reason: ")):
        try:
            run([given], out, progress=False)
        except NothingToLoad as exc:
            assert reason in str(exc)
        else:
            raise AssertionError(f"{given} replaced the store")
        assert snapshot(out) == before


def test_a_fresh_output_with_nothing_to_load_is_an_empty_store_listing_why(tmp_path):
    summary = run([tmp_path / "missing"], tmp_path / "out", progress=False)
    assert summary.articles == 0
    assert [r["reason"] for r in read_rows(tmp_path / "out" / "rejected.csv")] == ["no such file or folder"]


# -- any path reaches DuckDB safely (issue 15, item 3) -------------------------------------------


def test_quotes_spaces_and_non_ascii_in_input_and_output_paths(tmp_path):
    odd = tmp_path / "it's a \"test\" — Київ"
    inputs, out = write_inputs(odd / "in put's"), odd / "out 'dir'"
    first = etl_command("--input", str(inputs), "--output", str(out))
    assert first.returncode == 0, first.stderr
    (inputs / "b.txt").write_text(ARTICLE_B.replace("75", "80"), encoding="utf-8")
    second = run([inputs], out, progress=False)  # attaches the previous store: incremental
    assert second.extracted == 1 and second.reused == 2
    assert {r["article_id"] for r in read_rows(out / "articles.csv")} == {"a", "b", "j1"}
    assert all(r["path"].startswith(str(inputs)) for r in read_rows(out / "articles.csv"))
    con = duckdb.connect()
    assert con.execute("SELECT count(*) FROM read_parquet(?)",
                       [str(out / "parquet" / "figures" / "**" / "*.parquet")]).fetchone()[0] > 0


# -- spreadsheet-safe CSV exports (issue 12) ----------------------------------------------------


def test_csv_cells_a_spreadsheet_would_run_are_made_text_and_the_store_keeps_them_exact(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    records = [{"id": "f1", "title": '=HYPERLINK("http://x.example","click")', "date": "2024-01-02",
                "source": "+Wire", "tags": ["@tag", "-5"],
                "text": "Five people were killed in Kharkiv, police said."},
               {"id": "-7", "title": "-12", "date": "2024-01-03", "text": "Two people were injured, police said."}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run([folder], out, progress=False)
    rows = {r["article_id"]: r for r in read_rows(out / "articles.csv")}
    assert rows["f1"]["title"] == '\'=HYPERLINK("http://x.example","click")'
    assert rows["f1"]["source"] == "'+Wire" and rows["f1"]["tags"] == "'@tag;-5"
    assert rows["-7"]["title"] == "-12", "a plain negative number stays a number"
    exact = duckdb.connect().execute("SELECT title, source FROM read_parquet(?) WHERE article_id = 'f1'",
                                     [str(out / "parquet" / "articles.parquet")]).fetchone()
    assert exact == ('=HYPERLINK("http://x.example","click")', "+Wire")
    stored = duckdb.connect(str(out / "store.duckdb"), read_only=True)
    assert stored.execute("SELECT title FROM articles WHERE article_id = 'f1'").fetchone()[0].startswith("=")
