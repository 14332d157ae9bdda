"""Reading article files of every supported format, and refusing bad ones with a clear reason."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from etl.model import Article, Rejection
from etl.readers import read_file

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_785cedd47fed74d0.txt"


def read(path: Path) -> tuple[list[Article], list[Rejection]]:
    items = list(read_file(path))
    articles = [item for item in items if isinstance(item, Article)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert len(articles) + len(rejections) == len(items)
    return articles, rejections


def only_article(path: Path) -> Article:
    articles, rejections = read(path)
    assert rejections == []
    assert len(articles) == 1
    return articles[0]


def only_rejection(path: Path) -> Rejection:
    articles, rejections = read(path)
    assert articles == []
    assert len(rejections) == 1
    return rejections[0]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- the seed article and its layout -------------------------------------------------------

@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_article_loads_with_its_header_read_and_furniture_dropped():
    article = only_article(SEED)
    assert article.article_id == "000_785cedd47fed74d0"
    assert article.title.startswith("Bloomberg: Amid peace agreement talks")
    assert article.published == date(2025, 9, 4)
    assert article.tags == ("War", "Russia/USA", "Ukraine")
    assert article.source == "Bloomberg"
    assert article.text.startswith("Despite Donald Trump's efforts")
    assert "Photo: Bloomberg" not in article.text
    assert article.text.endswith(".")  # the stray trailing "a" line is gone
    assert "#War" not in article.text and "2025.09.04" not in article.text
    assert article.title not in article.text


def test_seed_layout_with_written_date_multiword_tag_and_outlet_prefix():
    article = only_article(FIXTURES / "seed_layout.txt")
    assert article.title == "Reuters: Overnight drone strike damages power station near Izium"
    assert article.source == "Reuters"
    assert article.published == date(2025, 9, 4)
    assert article.tags == ("Shelling", "Kharkiv Oblast")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("A drone strike overnight damaged a power station")
    assert paragraphs[-1] == "Repair crews expect to restore supply within two days, the grid operator said."
    assert len(paragraphs) == 3


@pytest.mark.parametrize("written", ["2025-09-04", "4 September 2025", "Sep 4, 2025", "2025.09.04",
                                     "Published: Thursday, 4 September 2025, 10:15"])
def test_date_line_written_any_usual_way(tmp_path, written):
    path = write(tmp_path, "story.txt", f"Title of the story\n\n{written}\n\nThe body says something.\n")
    article = only_article(path)
    assert article.published == date(2025, 9, 4)
    assert article.text == "The body says something."


def test_title_prefix_that_is_a_topic_is_not_taken_for_an_outlet(tmp_path):
    path = write(tmp_path, "topic.txt", "Ukraine war: shelling hits Kherson\n\nShelling hit Kherson overnight.\n")
    article = only_article(path)
    assert article.source == ""
    assert article.title == "Ukraine war: shelling hits Kherson"


def test_outlet_prefix_is_recognised_when_the_body_credits_it(tmp_path):
    path = write(tmp_path, "credited.txt", "Steppe Courier: Villages rebuild schools\n\n"
                 "Villages near the front are rebuilding schools, writes Steppe Courier.\n")
    assert only_article(path).source == "Steppe Courier"


def test_plain_text_takes_title_from_first_line_and_date_from_file_name():
    article = only_article(FIXTURES / "2024-03-05_kyiv.txt")
    assert article.title == "Air raid alert lasted three hours in Kyiv"
    assert article.published == date(2024, 3, 5)
    assert article.article_id == "2024-03-05_kyiv"
    # The editor's hard line wrap is undone: one sentence is one line of the text.
    assert article.text == (
        "Residents of the capital spent the night in shelters as air defence units shot down "
        "several missiles over the city, officials said.\n\nNo casualties were reported by morning."
    )


def test_text_with_only_a_title_has_no_article_text(tmp_path):
    rejection = only_rejection(write(tmp_path, "headline.txt", "#War\n\nJust a headline\n\n2025-01-02\n"))
    assert rejection.reason == "no article text"


def test_future_and_impossible_dates_leave_published_empty_but_keep_the_article(tmp_path):
    tomorrow = date.today() + timedelta(days=1)
    future = write(tmp_path, "future.txt", f"Title\n\n{tomorrow.isoformat()}\n\nBody text here.\n")
    impossible = write(tmp_path, "impossible.txt", "Title\n\n2025.02.30\n\nBody text here.\n")
    for path in (future, impossible):
        article = only_article(path)
        assert article.published is None
        assert article.text == "Body text here."


# --- Markdown -------------------------------------------------------------------------------

def test_markdown_front_matter_heading_and_markup_stripped():
    article = only_article(FIXTURES / "field_notes.md")
    assert article.title == "Grain ships leave Odesa despite threats"
    assert article.published == date(2025, 6, 12)
    assert article.source == "Field Notes Weekly"
    assert article.tags == ("Odesa", "ports")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == ("Three grain ships left the port of Odesa on Wednesday, "
                             "the port authority said.")
    assert "90,000 tonnes of wheat" in paragraphs and "30,000 tonnes of maize" in paragraphs
    assert '"Exports continue," the minister said.' in paragraphs
    for markup in ("**", "](", "`", "> ", "![", "#", "By a staff correspondent"):
        assert markup not in article.text


def test_markdown_without_front_matter_uses_date_line_and_tags(tmp_path):
    path = write(tmp_path, "note.md", "#Donbas\n\nTitle line\n=====\n\n2025-03-01\n\n"
                 "Fighting continued _near_ Bakhmut, the *army* said.\n")
    article = only_article(path)
    assert (article.title, article.published, article.tags) == ("Title line", date(2025, 3, 1), ("Donbas",))
    assert article.text == "Fighting continued near Bakhmut, the army said."


def test_markdown_front_matter_with_wrong_type_is_rejected_with_its_field(tmp_path):
    path = write(tmp_path, "odd.md", "---\ntitle: Fine\nurl:\n  - a\n  - b\n---\nBody text.\n")
    assert only_rejection(path).reason == "front matter: 'url' must be text, got a list"


# --- JSON Lines and JSON --------------------------------------------------------------------

def test_jsonl_bad_lines_are_rejected_and_the_good_ones_around_them_load():
    articles, rejections = read(FIXTURES / "wire.jsonl")
    assert [a.article_id for a in articles] == ["wire-001", "wire-003", "wire-8"]
    first, second, third = articles
    assert first.published == date(2025, 5, 2)
    assert first.tags == ("infrastructure", "Zaporizhzhia")
    assert first.url == "https://example.org/wire-001"
    assert (second.published, second.source, second.tags) == (date(2025, 5, 3), "Regional Wire",
                                                              ("education", "Sumy"))
    assert second.text.startswith("A new underground shelter")
    assert third.published is None  # 2025-02-30 does not exist; the article still loads
    assert [(r.line, r.reason) for r in rejections] == [
        (2, "line 2: not valid JSON (Expecting ',' delimiter)"),
        (4, "line 4: 'text' must be text, got a number"),
        (5, "line 5: expected an object with a 'text', got a list"),
        (6, "line 6: 'text' is missing or empty"),
    ]


def test_json_list_items_load_individually():
    articles, rejections = read(FIXTURES / "briefs.json")
    assert [a.article_id for a in articles] == ["7", "briefs-3"]
    assert articles[0].title == "Ferry resumes across the Dnipro"
    assert articles[0].published == date(2025, 9, 4)
    assert articles[0].source == "River Gazette"
    assert articles[1].published is None  # "next Tuesday" is not a date an article was published
    assert [r.reason for r in rejections] == ["item 2: 'text' must be text, got a list"]


def test_json_single_object_takes_its_id_from_the_file_name(tmp_path):
    path = write(tmp_path, "lone.json", json.dumps({"title": "T", "body": "Body text."}))
    article = only_article(path)
    assert (article.article_id, article.text, article.title) == ("lone", "Body text.", "T")


def test_json_wrapped_list_and_invalid_json(tmp_path):
    wrapped = write(tmp_path, "export.json", json.dumps({"articles": [{"text": "One."}, {"text": "Two."}]}))
    assert [a.article_id for a in read(wrapped)[0]] == ["export-1", "export-2"]
    broken = write(tmp_path, "broken.json", '[\n  {"text": "One."},\n  {"text": }\n]')
    rejection = only_rejection(broken)
    assert (rejection.line, rejection.reason) == (3, "line 3: not valid JSON (Expecting value)")


def test_json_data_file_that_is_not_articles_is_rejected_once(tmp_path):
    path = write(tmp_path, "losses.json", json.dumps([{"day": i, "count": i * 10} for i in range(500)]))
    assert only_rejection(path).reason == "no record has a 'text' or 'body' field (keys: day, count)"


def test_record_text_is_kept_exactly_except_line_endings(tmp_path):
    text = "  He said “yes”.  Two  spaces stay.\r\nNext line — with a dash. "
    path = write(tmp_path, "exact.jsonl", json.dumps({"text": text}) + "\n")
    assert only_article(path).text == "He said “yes”.  Two  spaces stay.\nNext line — with a dash."


# --- CSV ------------------------------------------------------------------------------------

def test_csv_rows_load_with_multiline_fields_and_rows_without_text_are_rejected():
    articles, rejections = read(FIXTURES / "reports.csv")
    assert [a.article_id for a in articles] == ["r1", "reports-6"]
    assert articles[0].text == "Water supply was restored in Mykolaiv, the utility said.\n\nEngineers worked through the night."
    assert articles[0].tags == ("water", "Mykolaiv")
    assert articles[1].published == date(2025, 7, 11)  # 11.07.2025, day first
    assert [(r.line, r.reason) for r in rejections] == [(5, "line 5: 'text' is missing or empty")]


def test_csv_semicolon_delimited_with_huge_field(tmp_path):
    body = "A long report sentence. " * 20_000  # ~480 KB, beyond csv's default field limit
    path = write(tmp_path, "big.csv", f"Title;Body;Date\nLong one;\"{body}\";2025-01-05\n")
    article = only_article(path)
    assert article.text == body.strip()
    assert article.published == date(2025, 1, 5)


def test_csv_without_text_column_is_rejected(tmp_path):
    rejection = only_rejection(write(tmp_path, "numbers.csv", "date,value\n2025-01-01,3\n"))
    assert rejection.reason == "no 'text' or 'body' column (columns: date, value)"


# --- HTML -----------------------------------------------------------------------------------

def test_html_page_metadata_and_visible_article_text_only():
    article = only_article(FIXTURES / "page.html")
    assert article.title == "Rail line between Kyiv and Chernihiv reopens"
    assert article.published == date(2025, 8, 21)
    assert article.source == "Example Herald"
    assert article.url == "https://herald.example.org/rail-line-reopens"
    assert article.tags == ("rail", "Chernihiv")
    assert article.text == (
        "The rail line between Kyiv and Chernihiv reopened on Thursday after repairs to a damaged "
        "bridge, the railway company said.\n\nTrains will run twice a day & tickets are on sale."
    )
    for hidden in ("alert(1)", "tracker", "color: red", "JavaScript", "Home", "Photo:", "©"):
        assert hidden not in article.text


def test_html_without_article_or_meta_falls_back_to_title_body_and_time(tmp_path):
    page = ("<html><head><title>Plain page</title></head><body><h1>Heading</h1>"
            "<p>First <i>para</i>.</p><div>Second para</div><time datetime='2025-02-03'>Feb 3</time>"
            "<script>alert(1)</script></body></html>")
    article = only_article(write(tmp_path, "plain.htm", page))
    assert (article.title, article.published, article.source) == ("Plain page", date(2025, 2, 3), "")
    assert article.text.split("\n\n")[1:3] == ["First para.", "Second para"]
    assert "alert" not in article.text


def test_html_date_from_json_ld_and_declared_cp1251(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-12-01T10:00:00+02:00"}</script>'
            "</head><body><p>Київ, 1 грудня. Сили ППО збили дрони.</p></body></html>")
    article = only_article(write(tmp_path, "ua.html", page.encode("cp1251")))
    assert article.published == date(2024, 12, 1)
    assert article.text == "Київ, 1 грудня. Сили ППО збили дрони."


def test_html_with_only_scripts_has_no_article_text(tmp_path):
    rejection = only_rejection(write(tmp_path, "empty.html", "<html><body><script>alert(1)</script></body></html>"))
    assert rejection.reason == "no article text"


# --- encodings and files that are not text --------------------------------------------------

def test_cp1251_and_latin1_files_are_decoded(tmp_path):
    cyrillic = "Заголовок\n\nУ Харкові відновили подачу світла, повідомили в міській раді.\n"
    western = "Café reopens in Zürich\n\nThe café's owner, Señor Müller, said the façade was repaired.\n"
    assert only_article(write(tmp_path, "ua.txt", cyrillic.encode("cp1251"))).text == cyrillic.split("\n\n")[1].strip()
    assert only_article(write(tmp_path, "de.txt", western.encode("latin-1"))).text == western.split("\n\n")[1].strip()


def test_utf8_bom_crlf_and_utf16_files(tmp_path):
    bom = write(tmp_path, "bom.txt", "\ufeffTitle\r\n\r\nLine one.\r\nLine two.\r\n".encode("utf-8"))
    article = only_article(bom)
    assert (article.title, article.text) == ("Title", "Line one.\n\nLine two.")
    wide = write(tmp_path, "wide.txt", "Title\r\n\r\nWide body.\r\n".encode("utf-16"))
    assert only_article(wide).text == "Wide body."


def test_jsonl_line_in_another_encoding_loads_between_utf8_lines(tmp_path):
    lines = [json.dumps({"text": "First."}, ensure_ascii=False).encode(),
             json.dumps({"text": "Café in Zürich."}, ensure_ascii=False).encode("latin-1"),
             json.dumps({"text": "Third."}).encode()]
    articles, rejections = read(write(tmp_path, "mixed.jsonl", b"\n".join(lines)))
    assert rejections == []
    assert [a.text for a in articles] == ["First.", "Café in Zürich.", "Third."]


@pytest.mark.parametrize("name", ["e.txt", "e.md", "e.json", "e.jsonl", "e.csv", "e.html"])
def test_empty_files_are_rejected(tmp_path, name):
    assert only_rejection(write(tmp_path, name, b"")).reason == "empty file"


@pytest.mark.parametrize("name", ["b.txt", "b.md", "b.json", "b.jsonl", "b.csv", "b.html"])
def test_binary_files_are_rejected(tmp_path, name):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert only_rejection(write(tmp_path, name, png)).reason == "binary file, not text"


def test_undecodable_bytes_are_rejected(tmp_path):
    junk = bytes(range(128, 256)) * 8
    assert only_rejection(write(tmp_path, "junk.txt", junk)).reason == "could not decode as UTF-8, cp1251 or latin-1"


def test_binary_line_in_jsonl_is_rejected_alone(tmp_path):
    one, three = "One sentence of a real article.", "Three sentences later, another article."
    content = (json.dumps({"text": one}) + "\n").encode() + b"\x00\x00\x00\x00garbage\n" \
        + (json.dumps({"text": three}) + "\n").encode()
    articles, rejections = read(write(tmp_path, "nul.jsonl", content))
    assert [a.text for a in articles] == [one, three]
    assert [(r.line, r.reason) for r in rejections] == [(2, "line 2: binary data, not text")]


def test_missing_folder_and_unsupported_files_given_to_read_file(tmp_path):
    assert only_rejection(tmp_path / "gone.txt").reason.startswith("cannot read file")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert only_rejection(folder).reason.startswith("cannot read file")
    assert only_rejection(tmp_path / "report.pdf").reason == (
        "unsupported file type '.pdf' (supported: .txt, .md, .json, .jsonl, .csv, .html, .htm)")


def test_html_prefers_the_article_over_teasers_around_it(tmp_path):
    teasers = "".join(f"<div><a href='/s{i}'>Other story number {i} with a long teaser</a></div>" for i in range(20))
    page = (f"<html><head><title>Main story - Example Herald</title>"
            f"<meta property='og:site_name' content='Example Herald'></head><body><main>{teasers}"
            f"<article><p>The story itself.</p></article></main></body></html>")
    article = only_article(write(tmp_path, "teasers.html", page))
    assert (article.title, article.text) == ("Main story", "The story itself.")


def test_cp1251_csv_and_old_mac_line_endings_stream(tmp_path):
    csv_text = "title,text\r\nЗаголовок,\"Мешканці Сум отримали гуманітарну допомогу, повідомила громада.\"\r\n"
    assert only_article(write(tmp_path, "ua.csv", csv_text.encode("cp1251"))).title == "Заголовок"
    mac = '{"text": "First."}\r{"text": 5}\r{"text": "Third."}'.encode()
    articles, rejections = read(write(tmp_path, "mac.jsonl", mac))
    assert [a.text for a in articles] == ["First.", "Third."]
    assert [(r.line, r.reason) for r in rejections] == [(2, "line 2: 'text' must be text, got a number")]


@pytest.mark.parametrize("written, expected", [
    ("2025-09-04T23:10:00-04:00", date(2025, 9, 4)),
    ("Thu, 04 Sep 2025 10:00:00 +0000", date(2025, 9, 4)),
    ("04.09.2025", date(2025, 9, 4)),         # dotted dates are day first
    ("September 4th, 2025", date(2025, 9, 4)),
    ("Sep 00, 2025", None),
    ("2025", None),                            # a year is not a publication date
    ("Monday", None),
    ("1850-01-01", None),
])
def test_record_dates(tmp_path, written, expected):
    path = write(tmp_path, "dated.jsonl", json.dumps({"date": written, "text": "Body."}))
    assert only_article(path).published == expected
