"""Sphinx extension for the Rhetoric Lab book: offline pages and a "download / run" hint.

Listed under ``sphinx.extra_extensions`` in ``notebooks/_config.yml``. On every page it

* drops scripts and stylesheets that would load from another host (MathJax, require.js,
  widget managers, fonts) and the Thebe live-code launcher (it needs a Binder server): the book
  must open with no network, and a page that waits on a CDN is a page a student cannot read
  offline; formulas then show as their TeX source;
* sets an inline (empty) favicon so browsers do not ask the server for ``/favicon.ico``;
* adds, under the title of each notebook page, a box that links to the notebook file and says how
  to run it locally.

``python -m rhetoriclab.book [OUT]`` builds the book from the committed outputs (no execution);
``python -m rhetoriclab.book --check`` lists lessons and exercises that lack a required section.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: URLs that leave the machine.
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)

RUN_HINT = """
<div class="admonition tip rl-run-hint">
<p class="admonition-title">Download / run this notebook</p>
<p><a class="reference download" href="{href}" download="{name}">Download <code>{name}</code></a>,
or open <code>notebooks/{path}</code> in a clone of the project: run <code>make setup</code> once, then
<code>.venv/bin/jupyter lab</code> and <em>Run &rarr; Run All Cells</em>. For a clean copy without outputs
(and without solutions) ask your instructor for the student folder
(<code>python -m rhetoriclab.student OUTDIR</code>).</p>
</div>
"""


def is_external(url: str | None) -> bool:
    """True when ``url`` points at another host (``http:``, ``https:`` or protocol-relative ``//``)."""
    return bool(url) and bool(EXTERNAL.match(url.strip()))


#: Inline Thebe configuration left in the page body (inert without the launcher).
THEBE_CONFIG = re.compile(r'\s*<script type="text/x-thebe-config">.*?</script>', re.DOTALL)


def _asset_url(asset) -> str:
    return asset if isinstance(asset, str) else getattr(asset, "filename", "") or ""


def _offline_unusable(asset) -> bool:
    url = _asset_url(asset)
    body = "" if isinstance(asset, str) else str(getattr(asset, "attributes", {}).get("body", ""))
    return is_external(url) or "thebe" in url.lower() or "thebe" in body.lower()


def drop_external_assets(assets: list) -> tuple[list, list[str]]:
    """Split page assets (Sphinx ``_JavaScript``/``_CascadingStyleSheet`` or str) into kept ones and dropped names.

    Dropped: anything loaded from another host and the Thebe launcher (script, stylesheet, inline config).
    """
    kept, dropped = [], []
    for a in assets:
        if _offline_unusable(a):
            dropped.append(_asset_url(a) or "inline Thebe configuration")
        else:
            kept.append(a)
    return kept, dropped


def run_hint(pagename: str, suffix: str, pathto) -> str:
    """The HTML box linking to the copied notebook source (``_sources/<page>.ipynb``)."""
    path = pagename + suffix
    href = pathto("_sources/" + path, 1)
    return RUN_HINT.format(href=html.escape(href), name=html.escape(Path(path).name), path=html.escape(path))


def insert_after_title(body: str, snippet: str) -> str:
    """``snippet`` placed right after the page's first ``<h1>`` (or at the top when there is none)."""
    end = body.find("</h1>")
    return body[:end + 5] + snippet + body[end + 5:] if end >= 0 else snippet + body


#: Where the local MathJax goes in the built site (under ``_static/``) and how Sphinx loads it.
MATHJAX_DIR = "mathjax"
MATHJAX_PATH = f"{MATHJAX_DIR}/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"
MATHJAX2_CONFIG = {
    "tex2jax": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]], "processEscapes": True,
                "processClass": "tex2jax_process|mathjax_process|math|output_area",
                "ignoreClass": "tex2jax_ignore|mathjax_ignore|document"},
    # No web fonts: the package ships only part of them and probing for the rest logs console errors.
    "HTML-CSS": {"availableFonts": [], "preferredFont": None, "webFont": None, "imageFont": None},
    "showMathMenu": False,
    "messageStyle": "none",
}


def local_mathjax() -> Path | None:
    """The folder of a locally installed MathJax 2 (from ``jupyter-server-mathjax``), if any."""
    try:
        import jupyter_server_mathjax
    except ImportError:
        return None
    static = Path(jupyter_server_mathjax.__file__).parent / "static"
    return static if (static / "MathJax.js").is_file() else None


def _use_local_mathjax(app, config):
    if local_mathjax() is None:
        return
    config.mathjax_path = MATHJAX_PATH
    config.mathjax3_config = None
    config.mathjax2_config = MATHJAX2_CONFIG
    config.myst_update_mathjax = False


def _copy_mathjax(app, exc):
    source = local_mathjax()
    if exc is None and source is not None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / MATHJAX_DIR
        if not (target / "MathJax.js").exists():
            shutil.copytree(source, target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.py"))


def _on_page(app, pagename, templatename, context, doctree):
    for key in ("script_files", "css_files"):
        if key in context:
            kept, dropped = drop_external_assets(list(context[key]))
            context[key] = kept
            if dropped:
                app.env.rhetoriclab_dropped = getattr(app.env, "rhetoriclab_dropped", set()) | set(dropped)
    context["metatags"] = context.get("metatags", "") + '\n<link rel="icon" href="data:,">'
    if "body" in context:
        context["body"] = THEBE_CONFIG.sub("", context["body"])
    suffix = context.get("page_source_suffix") or ""
    if doctree is not None and suffix == ".ipynb" and "body" in context:
        context["body"] = insert_after_title(context["body"], run_hint(pagename, suffix, context["pathto"]))


def _report(app, exc):
    dropped = sorted(getattr(app.env, "rhetoriclab_dropped", ()))
    if exc is None and dropped:
        print(f"rhetoriclab.book: left out {len(dropped)} asset(s) so pages work offline: " + ", ".join(dropped))


def setup(app):
    """Sphinx entry point."""
    app.connect("config-inited", _use_local_mathjax, priority=900)
    app.connect("html-page-context", _on_page, priority=900)
    app.connect("build-finished", _copy_mathjax)
    app.connect("build-finished", _report)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


#: Sections every lesson and exercise has, in this order: (label, heading pattern).
LESSON_SECTIONS = (
    ("learning objectives", r"learning objectives"),
    ("caveats", r"caveats|limitations"),
    ("sources cited", r"sources cited|sources|references|bibliography"),
    ("check your understanding", r"check your understanding|quiz"),
)


def lesson_structure_problems(path: str | Path) -> list[str]:
    """What ``path`` (a notebook) lacks of the lesson structure: a title first, then :data:`LESSON_SECTIONS`
    as Markdown headings in that order, the quiz in the last Markdown cells, with at least one question."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    headings = []  # (cell index, heading text)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            headings += [(i, h.strip().lower()) for h in re.findall(r"^#{1,6}\s+(.+)$", cell.source, re.MULTILINE)]
    problems = []
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if first is None or not first.source.lstrip().startswith("# "):
        problems.append("no title (a '# ' heading) in the first Markdown cell")
    last = -1
    markdown = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"]
    for label, pattern in LESSON_SECTIONS:
        where = [i for i, h in headings if re.search(pattern, h)]
        if not where:
            problems.append(f"no '{label}' section")
            continue
        if where[-1] < last:
            problems.append(f"'{label}' comes before the section that should precede it")
        last = where[-1]
    quiz = [i for i, h in headings if re.search(LESSON_SECTIONS[-1][1], h)]
    if quiz and markdown and quiz[-1] < markdown[-1] - 1:
        problems.append("the quiz is not at the end")
    if quiz:
        text = "\n".join(c.source for c in nb.cells[quiz[-1]:] if c.cell_type == "markdown")
        if "?" not in text:
            problems.append("the quiz has no questions")
    return problems


def check_lessons(book_dir: Path = Path("notebooks")) -> dict[str, list[str]]:
    """Lesson structure problems of every ``NN_*.ipynb`` and ``exercises/*.ipynb`` in ``book_dir``."""
    paths = sorted(book_dir.glob("[0-9][0-9]_*.ipynb")) + sorted((book_dir / "exercises").glob("*.ipynb"))
    return {str(p.relative_to(book_dir)): lesson_structure_problems(p) for p in paths}


def build(book_dir: Path = Path("notebooks"), out: Path = Path("."), builder: str = "html") -> int:
    """Run ``jupyter-book build BOOK_DIR --path-output OUT`` with this interpreter's jupyter-book."""
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe), "build", str(book_dir), "--path-output", str(out), "--builder", builder]
    return subprocess.call(cmd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Rhetoric Lab book (HTML, from committed outputs).")
    parser.add_argument("out", nargs="?", default=".", type=Path, help="folder that receives _build/html (default .)")
    parser.add_argument("--book", default="notebooks", type=Path, help="book source folder (default notebooks)")
    parser.add_argument("--check", action="store_true", help="only check the lesson structure of every notebook")
    args = parser.parse_args(argv)
    if args.check:
        report = check_lessons(args.book)
        for name, problems in report.items():
            print(f"{name}: " + ("; ".join(problems) if problems else "ok"))
        return 1 if any(report.values()) else 0
    return build(args.book, args.out)


if __name__ == "__main__":
    raise SystemExit(main())
