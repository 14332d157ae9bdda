"""In a real browser: loading any page makes no request beyond this machine, and nothing in an
article (a bare address, www., an e-mail) becomes a link.

Runs `streamlit run dashboard.py` on a store with addresses in an article's title and text, and
drives Debian's chromium through Playwright, recording every request each page makes.
"""
from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import pytest
from conftest import build_store
from test_browser import CHROMIUM, WAIT_MS, _shot, streamlit_server

from etl.model import Article, Figure

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

SENTENCE = "Shelling killed 9 civilians, the report at https://evil.example/toll says."
TEXT = (f"Read more at www.evil.example or write to press@evil.example for details.\n\n{SENTENCE}\n\n"
        "Mirror: http://mirror.evil.example/path?x=1 and HTTPS://LOUD.EXAMPLE/.")
TITLE = "Toll published at https://evil.example/title"
LOCAL = {"127.0.0.1", "localhost"}
PAGES = ["", "casualties", "statements", "articles", "articles?article=u1", "add_articles"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("links")
    article = Article("u1", date(2022, 3, 5), TITLE, "www.outlet.example", ("mail@tag.example",),
                      "https://outlet.example/u1", "in/u.jsonl", TEXT)
    figure = Figure("u1:f1", "u1", article.published, 9, None, "exact", "killed", "civilians", "ukraine",
                    None, None, False, "the report", None, SENTENCE, "the report")
    build_store(folder, [article], [figure], [])
    with streamlit_server(folder, folder / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def context():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            ctx = chromium.new_context(viewport={"width": 1400, "height": 1000})
            requests: list[str] = []
            ctx.on("request", lambda r: requests.append(r.url))
            # Nothing may leave the machine: a request elsewhere is recorded, then refused here.
            ctx.route(lambda url: urlsplit(url).hostname not in LOCAL, lambda route: route.abort())
            yield ctx, requests
        finally:
            chromium.close()


def _outside(urls: list[str]) -> list[str]:
    return [u for u in urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")
            and urlsplit(u).hostname not in LOCAL]


@pytest.mark.parametrize("path", PAGES)
def test_loading_a_page_requests_nothing_beyond_this_machine(server, context, path):
    from playwright.sync_api import expect

    ctx, requests = context
    requests.clear()
    page = ctx.new_page()
    try:
        page.goto(f"{server}/{path}")
        expect(page.locator("[data-testid=stSidebar]")).to_be_visible()
        expect(page.locator("[data-testid=stMainBlockContainer] h1").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        # Addresses the page names but a headless browser might not fetch (its icon, fonts, images).
        named = page.evaluate("""() => [...document.querySelectorAll('link[href], script[src], img[src], iframe[src]')]
                                 .map(e => e.href || e.src)""")
        assert _outside(requests) == [], f"requests leaving the machine from /{path}"
        assert _outside(named) == [], f"/{path} names outside addresses"
        icons = page.evaluate("() => [...document.querySelectorAll('link[rel~=icon]')].map(e => e.href)")
        assert icons and _outside(icons) == [], f"the page's icon is served from here: {icons}"
    finally:
        page.close()


def test_no_address_or_e_mail_in_an_article_becomes_a_link(server, context):
    from playwright.sync_api import expect

    ctx, _ = context
    page = ctx.new_page()
    try:
        page.goto(f"{server}/articles?article=u1")
        main = page.locator("[data-testid=stMainBlockContainer]")
        expect(main.get_by_text("write to press", exact=False)).to_be_visible()
        _shot(page, "article-with-addresses")
        links = main.locator("a").evaluate_all("els => els.map(e => [e.textContent, e.href])")
        # The page's own links (back to the list, the original article's button) are not the text's.
        from_text = [(t, h) for t, h in links if "evil.example" in h or "evil.example" in t
                     or "LOUD" in h or "mailto:" in h or "tag.example" in h]
        assert from_text == []
        body = main.inner_text()
        for shown in ("www.evil.example", "press@evil.example", "https://evil.example/toll",
                      "http://mirror.evil.example/path?x=1", "https://evil.example/title"):
            assert shown in body.replace("\u2060", ""), shown
    finally:
        page.close()
