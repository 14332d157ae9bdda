"""One real `python -m etl` run over a folder of every kind of bad input, with good articles among them.

Every good article loads; every bad item gets a rejected.csv row (path, line where there is one, a
reason in words); nothing stops the run. Dates that are missing, garbled, impossible or in the future
are not a reason to lose an article: it loads with an empty `published` (etl/readers/fields.py).
"""
from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest

REPO = Path(__file__).resolve().parents[1]

BODY = ("At least {n} civilians were killed in a strike on {place} on Tuesday, the regional governor said. "
        "\"We are still searching the rubble,\" said rescuer Ivan Petrenko.")


def body(n: int, place: str) -> str:
    return BODY.format(n=n, place=place)


def record(id_: str, title: str, n: int, place: str, **extra) -> dict:
    return {"id": id_, "title": title, "date": "2024-03-12", "text": body(n, place), **extra}


def jsonl(*lines: str | bytes) -> bytes:
    return b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def unreadable_file(folder: Path) -> Path:
    """A file that exists and cannot be read: no permission, or (as root, whom permissions do not
    stop) a link to a file whose read fails with an I/O error."""
    path = folder / "locked.txt"
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")
    else:
        write(path, "Locked\n\nSecret words.\n").chmod(0)
    return path


GOOD_TITLES = {
    "txt": "Strike on Kharkiv", "md": "Strike on Odesa", "html": "Strike on Dnipro",
    "json": "Strike on Sumy", "jsonl-1": "Strike on Kherson", "jsonl-9": "Strike on Lviv",
    "csv-2": "Strike on Poltava", "csv-5": "Strike on Mykolaiv", "deep": "Strike on Chernihiv",
    "cp1251": "Удар по Харкову", "latin1": "Frappe sur Kyiv: café détruit", "utf16": "Strike on Irpin",
    "dup-1": "Strike on Bucha", "dup-2": "Strike on Bucha, updated",
    "no-date": "Strike on Izium", "garbled-date": "Strike on Kupiansk", "impossible-date": "Strike on Lyman",
    "future-date": "Strike on Bakhmut", "not-utf8": "Invalid bytes",
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    inputs, out = base / "in", base / "out"
    f = {}  # name -> path of each item, for the assertions
    # good articles, one per format
    f["txt"] = write(inputs / "good.txt", f"#War\n{GOOD_TITLES['txt']}\n2024.03.12\n{body(12, 'Kharkiv')}\n")
    f["md"] = write(inputs / "good.md", f"---\ntitle: {GOOD_TITLES['md']}\ndate: 2024-03-12\n---\n\n{body(13, 'Odesa')}\n")
    f["html"] = write(inputs / "page.html", f"""<html><head><title>{GOOD_TITLES['html']}</title>
        <style>p {{ color: red }} .secret-style {{}}</style><script>var secretScript = 1;</script></head>
        <body><iframe src="https://ads.example/frame">secret iframe</iframe><article><p>{body(14, 'Dnipro')}</p>
        <script>document.write('secret inline script')</script><noscript>secret noscript</noscript></article></body></html>""")
    f["json"] = write(inputs / "one.json", json.dumps(record("j1", GOOD_TITLES["json"], 15, "Sumy")))
    f["jsonl"] = write(inputs / "feed.jsonl", jsonl(
        json.dumps(record("l1", GOOD_TITLES["jsonl-1"], 16, "Kherson")),        # 1
        "{not json at all",                                                        # 2
        json.dumps({"id": "l3", "title": "Number text", "text": 42}),              # 3 wrong type
        "[1, 2, 3]",                                                               # 4 not an object
        json.dumps({"id": ["l5"], "text": "Some words."}),                         # 5 id of wrong type
        json.dumps({"id": "l6", "title": "No text"}),                              # 6 missing text
        b'{"id": "l7", "title": "Invalid bytes", "text": "caf\xe9 r\xe9sidents \xff"}',  # 7 not UTF-8
        b'{"id": "l8", "text": "nul \x00 byte"}',                                  # 8 binary
        json.dumps(record("l9", GOOD_TITLES["jsonl-9"], 17, "Lviv", tags={"a": 1})),  # 9 bad tags
        json.dumps(record("l9b", GOOD_TITLES["jsonl-9"], 17, "Lviv")),            # 10
    ))
    f["csv"] = write(inputs / "table.csv", "id,title,date,text\n"
                     f"c2,{GOOD_TITLES['csv-2']},2024-03-12,\"{body(18, 'Poltava')}\"\n"
                     "c3,Empty text,2024-03-12,\n"
                     "\n"
                     f"c5,{GOOD_TITLES['csv-5']},2024-03-12,\"{body(19, 'Mykolaiv')}\"\n")
    # empty and binary files
    f["empty.txt"] = write(inputs / "empty.txt", b"")
    f["blank.md"] = write(inputs / "blank.md", "  \n\n\t\n")
    f["empty.jsonl"] = write(inputs / "empty.jsonl", b"")
    f["image.txt"] = write(inputs / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    f["archive.json"] = write(inputs / "archive.json", b"PK\x03\x04" + bytes(range(32)) * 40)
    f["scan.pdf"] = write(inputs / "scan.pdf", b"%PDF-1.4 binary")
    # a whole-file format too big to hold in memory (sparse: no disk is used)
    f["huge.txt"] = write(inputs / "huge.txt", b"")
    os.truncate(f["huge.txt"], 101 * 2**20)
    # encodings: legacy code pages decode, UTF-16 with its mark decodes, undecodable is rejected
    f["cp1251"] = write(inputs / "cp1251.txt", (f"{GOOD_TITLES['cp1251']}\n2024.03.12\n"
                        "Щонайменше 12 людей загинули внаслідок удару по Харкову у вівторок, "
                        "повідомив губернатор області.\n").encode("cp1251"))
    f["latin1"] = write(inputs / "latin1.txt", (f"{GOOD_TITLES['latin1']}\n2024.03.12\n"
                        "Au moins 12 civils ont été tués à Kyiv, a déclaré le maire. Le café a brûlé.\n")
                        .encode("latin-1"))
    f["utf16"] = write(inputs / "utf16.txt", f"{GOOD_TITLES['utf16']}\n2024.03.12\n{body(20, 'Irpin')}\n"
                       .encode("utf-16"))
    # malformed JSON documents
    f["broken.json"] = write(inputs / "broken.json", '{"title": "no closing brace",\n "text": "x"')
    f["scalar.json"] = write(inputs / "scalar.json", '"just a string"')
    f["deep.json"] = write(inputs / "deep.json", "[" * 100_000 + "]" * 100_000)
    # dates: missing, garbled, impossible and future dates keep the article, without a date
    f["dates"] = write(inputs / "dates.jsonl", jsonl(
        json.dumps({"id": "d1", "title": GOOD_TITLES["no-date"], "text": body(21, "Izium")}),
        json.dumps({"id": "d2", "title": GOOD_TITLES["garbled-date"], "date": "sometime in ???",
                    "text": body(22, "Kupiansk")}),
        json.dumps({"id": "d3", "title": GOOD_TITLES["impossible-date"], "date": "2024-02-30",
                    "text": body(23, "Lyman")}),
        json.dumps({"id": "d4", "title": GOOD_TITLES["future-date"], "date": "2999-01-01T00:00:00Z",
                    "text": body(24, "Bakhmut")}),
    ))
    # duplicate ids: the same text twice is kept once (and said so); a different text is kept too
    f["dups"] = write(inputs / "dups.jsonl", jsonl(
        json.dumps(record("dup", GOOD_TITLES["dup-1"], 25, "Bucha")),
        json.dumps(record("dup", GOOD_TITLES["dup-1"], 25, "Bucha")),
        json.dumps(record("dup", GOOD_TITLES["dup-2"], 26, "Bucha")),
    ))
    # HTML with nothing but furniture
    f["furniture.html"] = write(inputs / "furniture.html",
                                "<html><body><script>alert(1)</script><style>b{}</style><iframe></iframe></body></html>")
    # folders: too deep, a link loop, a broken link, a pipe, an unreadable file
    deep = inputs / "nested"
    for level in range(12):
        deep = deep / f"level{level}"
    f["deep"] = write(deep / "deep.txt", f"{GOOD_TITLES['deep']}\n2024.03.12\n{body(27, 'Chernihiv')}\n")
    too_deep = inputs / "abyss"
    for level in range(45):
        too_deep = too_deep / "d"
    write(too_deep / "lost.txt", "Lost\n\nNever read.\n")
    f["loop"] = inputs / "nested" / "loop"
    f["loop"].symlink_to(inputs / "nested", target_is_directory=True)
    f["broken-link.txt"] = inputs / "broken-link.txt"
    f["broken-link.txt"].symlink_to(inputs / "deleted.txt")
    f["pipe.txt"] = inputs / "pipe.txt"
    os.mkfifo(f["pipe.txt"])
    f["locked.txt"] = unreadable_file(inputs)

    proc = subprocess.run([sys.executable, "-m", "etl", "--input", str(inputs), "--output", str(out),
                           "--workers", "2", "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=300)
    return proc, out, f


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def rejections(out: Path, path: Path) -> list[dict[str, str]]:
    return [r for r in rows(out / "rejected.csv") if r["path"] == str(path)]


def stored_text(out: Path, article_id: str) -> str:
    con = duckdb.connect(str(out / "store.duckdb"), read_only=True)
    try:
        return con.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()[0]
    finally:
        con.close()


def test_the_run_finishes_and_says_what_it_did(bad_run):
    proc, out, _ = bad_run
    assert proc.returncode == 0, proc.stderr
    assert re.match(r"articles=\d+ figures=\d+ statements=\d+ rejected=\d+", proc.stdout.strip().splitlines()[-1])


def test_every_good_article_loads(bad_run):
    _, out, _ = bad_run
    titles = [r["title"] for r in rows(out / "articles.csv")]
    assert sorted(set(GOOD_TITLES.values())) == sorted(set(titles))
    assert titles.count(GOOD_TITLES["jsonl-9"]) == 1, "the record with bad tags is rejected, its twin loads"
    figures = {(r["article_id"], r["value"]) for r in rows(out / "figures.csv")}
    assert ("l1", "16") in figures and ("c5", "19") in figures, "good articles beside bad lines are extracted"


def test_legacy_encodings_are_decoded_not_garbled(bad_run):
    _, out, _ = bad_run
    text = {r["title"]: r for r in rows(out / "articles.csv")}
    assert GOOD_TITLES["cp1251"] in text and GOOD_TITLES["latin1"] in text
    assert text[GOOD_TITLES["cp1251"]]["published"] == "2024-03-12"
    # A line that is not UTF-8 is read in the code page its bytes fit, not dropped.
    assert stored_text(out, "l7").startswith("café résidents")


def test_html_loads_without_its_scripts_styles_and_iframes(bad_run):
    _, out, _ = bad_run
    page = stored_text(out, "page")
    assert "civilians were killed in a strike on Dnipro" in page
    assert "secret" not in page and "color: red" not in page


def test_bad_dates_keep_the_article_with_an_empty_date(bad_run):
    _, out, _ = bad_run
    published = {r["article_id"]: r["published"] for r in rows(out / "articles.csv")}
    assert [published[i] for i in ("d1", "d2", "d3", "d4")] == ["", "", "", ""]
    assert published["l1"] == "2024-03-12"


def test_duplicate_ids_keep_every_different_text(bad_run):
    _, out, f = bad_run
    dups = {r["article_id"]: r["title"] for r in rows(out / "articles.csv") if r["article_id"].startswith("dup")}
    assert dups == {"dup": GOOD_TITLES["dup-1"], "dup~2": GOOD_TITLES["dup-2"]}
    (copy,) = rejections(out, f["dups"])
    assert "duplicate" in copy["reason"] and "same text" in copy["reason"]


# (item, line, words the reason must contain)
EXPECTED = [
    ("jsonl", "2", "not valid JSON"),
    ("jsonl", "3", "'text' must be text"),
    ("jsonl", "4", "expected an object"),
    ("jsonl", "5", "'id' must be text or a whole number"),
    ("jsonl", "6", "'text' is missing"),
    ("jsonl", "8", "binary"),
    ("jsonl", "9", "'tags' must be"),
    ("csv", "3", "'text' is missing or empty"),
    ("empty.txt", "", "empty"),
    ("blank.md", "", "empty"),
    ("empty.jsonl", "", "empty"),
    ("image.txt", "", "binary"),
    ("archive.json", "", "binary"),
    ("scan.pdf", "", "unsupported file type '.pdf'"),
    ("huge.txt", "", "file too large (101 MB"),
    ("broken.json", "2", "not valid JSON"),
    ("scalar.json", "", "expected an object or a list"),
    ("deep.json", "", "not valid JSON (nested too deeply)"),
    ("furniture.html", "", "no article text"),
    ("loop", "", "link loops back"),
    ("broken-link.txt", "", "broken link"),
    ("pipe.txt", "", "not a regular file"),
    ("locked.txt", "", "read"),
]


@pytest.mark.parametrize("item, line, words", EXPECTED, ids=[f"{i}:{n}" for i, n, _ in EXPECTED])
def test_each_bad_item_has_a_rejected_row_with_its_line_and_reason(bad_run, item, line, words):
    _, out, f = bad_run
    got = [r for r in rejections(out, f[item]) if r["line"] == line]
    assert len(got) == 1, rejections(out, f[item])
    assert words in got[0]["reason"]


def test_a_folder_nested_too_deeply_is_reported_and_its_files_not_read(bad_run):
    _, out, _ = bad_run
    deep = [r for r in rows(out / "rejected.csv") if "/abyss/" in r["path"]]
    assert len(deep) == 1 and "nested more than" in deep[0]["reason"]
    assert not any(r["title"] == "Lost" for r in rows(out / "articles.csv"))


def test_every_reason_is_written_for_a_person(bad_run):
    _, out, _ = bad_run
    rejected = rows(out / "rejected.csv")
    assert len(rejected) >= len(EXPECTED) + 2
    for r in rejected:
        assert r["path"] and len(r["reason"]) >= 5
        assert not re.search(r"Traceback|\b\w+(?:Error|Exception)\b|0x[0-9a-f]{4}", r["reason"]), r
        if r["line"]:
            assert r["reason"].startswith(f"line {r['line']}"), r


def test_a_figure_too_large_to_store_does_not_stop_the_run(tmp_path):
    inputs = tmp_path / "in"
    write(inputs / "feed.jsonl", jsonl(
        json.dumps(record("ok", "Strike on Kharkiv", 12, "Kharkiv")),
        json.dumps({"id": "absurd", "title": "Absurd", "date": "2024-03-12",
                    "text": "Officials said 99999999999999999999999 civilians were killed in Kharkiv on Monday."}),
    ))
    proc = subprocess.run([sys.executable, "-m", "etl", "--input", str(inputs), "--output", str(tmp_path / "out"),
                           "--workers", "1", "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert {r["article_id"] for r in rows(tmp_path / "out" / "articles.csv")} == {"ok", "absurd"}


# -- a 50 MB file ---------------------------------------------------------------------------------

PLACES = ["Kharkiv", "Odesa", "Dnipro", "Sumy", "Zaporizhzhia", "Kherson", "Mykolaiv", "Lviv"]


def write_big_feed(path: Path, min_bytes: int) -> int:
    """Articles of a few sentences, each line carrying the page's raw HTML too (as scraped exports do),
    so the file is large while the text to extract stays a few thousand articles' worth."""
    raw = "<div class='promo'>" + "related stories, newsletters and advertising " * 220 + "</div>"
    n = 0
    with path.open("w", encoding="utf-8") as feed:
        while feed.tell() < min_bytes:
            text = (body(2 + n % 90, PLACES[n % len(PLACES)]) + " About 300 residents were evacuated to schools "
                    "nearby. Power and water were cut in several districts until the afternoon.")
            feed.write(json.dumps({"id": f"big-{n}", "date": "2024-05-01", "title": f"Strike {n}", "text": text,
                                   "raw_html": raw}) + "\n")
            n += 1
    return n


def peak_rss(proc: subprocess.Popen) -> tuple[int, int]:
    """(peak resident memory of the ETL process, peak of any one of its workers), sampled until it ends."""
    main, worst_worker = psutil.Process(proc.pid), 0
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, main.memory_info().rss)
            for child in main.children(recursive=True):
                worst_worker = max(worst_worker, child.memory_info().rss)
        except psutil.Error:
            pass  # a worker ended between listing and reading it
        time.sleep(0.02)
    return peak, worst_worker


def test_a_50_mb_jsonl_streams_through_the_etl_with_bounded_memory(tmp_path):
    # The slowest test here: about 10 s on 2 cores (5,300 articles extracted, 52 MiB read).
    feed = tmp_path / "big.jsonl"
    count = write_big_feed(feed, 52 * 2**20)
    assert feed.stat().st_size > 50 * 2**20
    out = tmp_path / "out"
    log = tmp_path / "stderr.txt"
    with log.open("w") as stderr:  # a file, not a pipe nobody reads while the run is sampled
        proc = subprocess.Popen([sys.executable, "-m", "etl", "--input", str(feed), "--output", str(out),
                                 "--workers", "2", "--quiet"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=stderr)
        main_peak, worker_peak = peak_rss(proc)
    assert proc.wait(timeout=300) == 0, log.read_text()
    assert len(rows(out / "articles.csv")) == count
    assert main_peak < 400 * 2**20, f"the ETL process peaked at {main_peak >> 20} MB"
    assert worker_peak < 400 * 2**20, f"a worker peaked at {worker_peak >> 20} MB"
