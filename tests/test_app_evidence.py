"""An article's evidence is highlighted in its text, and nothing in the text becomes markup."""
from __future__ import annotations

from app.evidence import FIGURE, STATEMENT, escape_markdown, segments, to_markdown


def test_evidence_sentences_are_highlighted_by_kind():
    text = "Intro. Strikes killed 3 people, the mayor said. Outro."
    md = to_markdown(segments(text, [("Strikes killed 3 people, the mayor said.", FIGURE),
                                     ("the mayor said.", STATEMENT)]))
    assert md == ("Intro\\. :orange-background[**Strikes killed 3 people\\,**] "
                  ":violet-background[**the mayor said\\.**] Outro\\.")


def test_sentences_are_found_despite_different_whitespace():
    text = "One.\nThe toll\n rose to  12, officials said. Two."
    marked = [s.text for s in segments(text, [("The toll rose to 12, officials said.", FIGURE)]) if s.mark]
    assert marked == ["The toll\n rose to  12, officials said."]


def test_markup_in_an_article_is_shown_as_text():
    text = ('<script>alert(1)</script> <b>bold</b> [link](javascript:x) ![img](http://x/y.png) '
            '**star** :red[red] $x$ `code` # head & &amp; www.example.com')
    md = to_markdown(segments(text, [("<b>bold</b> [link](javascript:x)", FIGURE)]))
    assert "<" not in md.replace("\\<", "")
    for raw in ("](", "**star", ":red[", "$x$", "`code`", "&amp;"):
        assert raw not in md
    assert md.startswith("\\<script\\>")


def test_paragraphs_and_line_breaks_survive_and_indentation_cannot_make_code():
    md = to_markdown(segments("Title\n\n    indented line\nnext line\n\n\n1. not a list", []))
    assert md == "Title\n\nindented line  \nnext line\n\n1\\. not a list"


def test_escape_markdown_escapes_all_ascii_punctuation():
    assert escape_markdown("a-b_c*d[e]f(g)h!i#j|k~l") == "a\\-b\\_c\\*d\\[e\\]f\\(g\\)h\\!i\\#j\\|k\\~l"


def test_article_page_highlights_its_figures_and_statements(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/articles.py", article="a03")
    assert not at.exception
    assert at.title[0].value == "Evacuation trains leave Donbas"
    body = next(m.value for m in at.markdown if "Donetsk" in m.value)
    # The first sentence holds a figure and a statement; the second, a statement.
    assert body.startswith(":violet-background[**About 30\\,000 people were evacuated")
    assert ":blue-background[**Savchuk said\\: \\\"\\=1\\+1 is not how" in body
    figures, statements = at.dataframe[0].value, at.dataframe[1].value
    assert list(figures["value"]) == [30000]
    assert len(statements) == 2


def test_an_unknown_article_is_a_warning(open_app, fixture_store):
    at = open_app(fixture_store.folder, "pages/articles.py", article="nope")
    assert not at.exception
    assert at.warning
