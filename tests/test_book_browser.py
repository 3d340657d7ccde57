"""The rendered book in a real browser: every page loads offline, without console errors, with its figures.

Needs a built book (``jupyter-book build notebooks --path-output .`` -> ``_build/html``; override with
``RHETORICLAB_BOOK_HTML``) and headless Chromium with chromedriver (Debian: ``apt-get install chromium
chromium-driver``). Screenshots of every page go to ``_build/screenshots/``.
"""

from __future__ import annotations

import base64
import functools
import http.server
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
BOOK_SRC = REPO / "notebooks"
HTML = Path(os.environ.get("RHETORICLAB_BOOK_HTML", REPO / "_build" / "html"))
SHOTS = REPO / "_build" / "screenshots"
CHROME_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", "--window-size=1280,1000")
#: Output MIME types that the book shows as <img>.
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml", "image/gif")


def toc_pages() -> list[str]:
    """Every page of the book in navigation order (root first), as toc file names without suffix."""
    toc = yaml.safe_load((BOOK_SRC / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        pages += [c["file"] for c in part.get("chapters", [])]
    return pages


def expected_figures(page: str) -> int:
    """Image outputs in the page's notebook (0 for Markdown pages)."""
    path = BOOK_SRC / f"{page}.ipynb"
    if not path.exists():
        return 0
    nb = nbformat.read(path, as_version=4)
    return sum(any(t in out.get("data", {}) for t in IMAGE_TYPES)
               for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", []))


def _find_browser() -> tuple[str | None, str | None]:
    chrome = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    return chrome, shutil.which("chromedriver")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def site():
    """Base URL of the built book served on 127.0.0.1."""
    if not (HTML / "index.html").exists():
        pytest.skip(f"no built book at {HTML} (run: .venv/bin/jupyter-book build notebooks --path-output .)")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(HTML)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium with a fresh profile, console and network logging on."""
    chrome, driver_path = _find_browser()
    if not (chrome and driver_path):
        pytest.skip("Chromium/chromedriver not installed (Debian: apt-get install -y chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rl-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for arg in (*CHROME_ARGS, f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _requested_urls(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def _screenshot(driver, path: Path) -> None:
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 12000), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                             "clip": clip})
    path.write_bytes(base64.b64decode(shot["data"]))


def test_toc_lists_every_lesson_and_exercise():
    pages = toc_pages()
    lessons = sorted(p.stem for p in BOOK_SRC.glob("[0-9][0-9]_*.ipynb"))
    exercises = sorted(f"exercises/{p.stem}" for p in (BOOK_SRC / "exercises").glob("*.ipynb"))
    missing = [p for p in lessons + exercises if p not in pages]
    assert not missing, f"notebooks not in notebooks/_toc.yml: {missing}"
    order = [p for p in pages if p[:2].isdigit() or p.startswith("exercises/") or p == "instructor_guide"]
    assert order == sorted(order, key=lambda p: (p.startswith("instructor"), p.startswith("exercises/"), p)), order


@pytest.mark.parametrize("page", toc_pages())
def test_page_loads_offline_with_figures(site, browser, page):
    browser.get_log("browser")  # discard entries from the previous page
    browser.get_log("performance")
    url = site + page + ".html"
    browser.get(url)
    state = browser.execute_script(
        "return {title: document.title, status: document.readyState,"
        " article: !!document.querySelector('article, main, [role=main]'),"
        " text: (document.querySelector('article') || document.body).innerText.length}")
    assert state["title"] != "Error response", f"{url}: no such page in the built book (is {page} built?)"
    assert state["article"] and state["text"] > 200, f"{url}: page has no article content ({state})"
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")  # trigger lazy images
    browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "Promise.all([...document.images].map(i => i.complete ? 0 : new Promise(r => {i.onload = i.onerror = r;})))"
        ".then(() => done(true));")
    browser.execute_script("window.scrollTo(0, 0)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / (page.replace("/", "__") + ".png")
    _screenshot(browser, shot)
    assert shot.stat().st_size > 5000

    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, f"{url}: console errors:\n" + "\n".join(errors)

    outside = [u for u in _requested_urls(browser) if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, f"{url}: requests to other hosts: {outside}"

    images = browser.execute_script(
        "return [...document.querySelectorAll('article img')].map(i => ({src: i.currentSrc || i.src,"
        " w: i.naturalWidth, h: i.naturalHeight, cell: !!i.closest('.cell_output, .output')}))")
    broken = [i["src"] for i in images if i["w"] == 0 or i["h"] == 0]
    assert not broken, f"{url}: empty or broken images: {broken}"
    want = expected_figures(page)
    got = sum(i["cell"] for i in images)
    assert got >= want, f"{url}: the notebook has {want} figure output(s) but the page shows {got}"


# --------------------------------------------------------------------------- book sources and the offline extension

def test_config_builds_offline_from_committed_outputs():
    config = yaml.safe_load((BOOK_SRC / "_config.yml").read_text(encoding="utf-8"))
    assert config["execute"]["execute_notebooks"] == "off"
    assert "rhetoriclab.book" in config["sphinx"]["extra_extensions"]
    assert config["sphinx"]["config"]["nb_ipywidgets_js"] == {}  # no widget manager from a CDN


def test_every_citation_is_in_the_bibliography():
    import re

    bib = (BOOK_SRC / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, flags=re.MULTILINE))
    assert {"newell2018polnear", "plover2018", "goldstein1992", "monroe2008fightin", "baturo2017ungdc",
            "jankin2025ungdc", "woolley_app", "honnibal2020spacy", "loria_textblob", "zhuo_zelenskyy_putin",
            "wh_briefings_repo"} <= keys
    cited = {}
    for path in [*BOOK_SRC.rglob("*.md"), *BOOK_SRC.rglob("*.ipynb")]:
        if "_build" in path.parts or "solutions" in path.parts:
            continue
        for group in re.findall(r"\{cite(?::[a-z]+)?\}`([^`]+)`", path.read_text(encoding="utf-8")):
            for key in group.split(","):
                cited.setdefault(key.strip(), path.name)
    unknown = {k: f for k, f in cited.items() if k not in keys}
    assert not unknown, f"citation keys missing from notebooks/references.bib: {unknown}"


def test_external_assets_are_dropped():
    from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

    from rhetoriclab.book import drop_external_assets, insert_after_title, is_external

    assets = [_JavaScript("_static/doctools.js"), _JavaScript("https://cdn.jsdelivr.net/npm/mathjax@3/es5/x.js"),
              _JavaScript("//unpkg.com/thebe"), _JavaScript(None, body='const THEBE_JS_URL = "x"'),
              _CascadingStyleSheet("_static/sphinx-thebe.css"), "_static/local.js"]
    kept, dropped = drop_external_assets(assets)
    assert [getattr(a, "filename", a) for a in kept] == ["_static/doctools.js", "_static/local.js"]
    assert dropped[0].startswith("https://cdn") and "inline Thebe configuration" in dropped
    assert not is_external("_static/x.js") and is_external("HTTP://host/x")
    assert insert_after_title("<h1>T</h1><p>x</p>", "<div/>") == "<h1>T</h1><div/><p>x</p>"
    assert insert_after_title("<p>x</p>", "<div/>") == "<div/><p>x</p>"


def _lesson(tmp_path, *markdown: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(m) for m in markdown]
    path = tmp_path / "lesson.ipynb"
    nbformat.write(nb, path)
    return path


def test_lesson_structure_check(tmp_path):
    from rhetoriclab.book import lesson_structure_problems

    good = ["# Title\n\n## Learning objectives\n- a", "## Caveats\n- b", "## Sources cited\nc",
            "## Check your understanding\n1. Why?"]
    assert lesson_structure_problems(_lesson(tmp_path, *good)) == []
    assert lesson_structure_problems(_lesson(tmp_path, *good[1:])) == [
        "no title (a '# ' heading) in the first Markdown cell", "no 'learning objectives' section"]
    swapped = [good[0], good[2], good[1], good[3]]
    assert lesson_structure_problems(_lesson(tmp_path, *swapped)) == [
        "'sources cited' comes before the section that should precede it"]
    assert lesson_structure_problems(_lesson(tmp_path, *good[:3], "## Quiz\nNone.", "## Appendix", "x")) == [
        "the quiz is not at the end", "the quiz has no questions"]


LESSONS = sorted(p.relative_to(BOOK_SRC).as_posix() for p in [*BOOK_SRC.glob("[0-9][0-9]_*.ipynb"),
                                                             *(BOOK_SRC / "exercises").glob("*.ipynb")])


@pytest.mark.parametrize("notebook", LESSONS)
def test_lessons_have_objectives_caveats_sources_and_quiz(notebook):
    from rhetoriclab.book import lesson_structure_problems

    assert lesson_structure_problems(BOOK_SRC / notebook) == []
