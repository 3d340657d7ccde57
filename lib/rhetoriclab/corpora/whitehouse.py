"""White House briefing-room documents (brian14708/wh-briefings Markdown with YAML front matter).

Files are ``<category>/<YYYY-MM>/<date>-<slug>.md``; the front matter holds
``date``, ``title``, ``source_url``, ``published_time`` and ``tags``. The body is
hard-wrapped prose, so documents get ``unwrap_lines=True``; ``offset`` is where the
body starts in the file, so ``file_text[offset:offset + len(text)] == text``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from rhetoriclab.corpora.textio import decode, parse_iso_date, trim
from rhetoriclab.documents import Corpus, Document, Problem

FOLDER = "wh-briefings"
ISSUER = "The White House"

#: Document kind by category folder.
KIND_BY_CATEGORY = {
    "press-briefings": "transcript",
    "speeches-remarks": "speech",
    "statements-releases": "statement",
    "presidential-actions": "statement",
    "legislation": "statement",
}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str) -> tuple[dict, int]:
    """``(front matter, index where the body starts)`` of a Markdown file that opens with ``---``."""
    if not text.startswith("---\n"):
        raise ValueError("no YAML front matter (file does not start with '---')")
    end = text.find("\n---\n", 3)
    if end < 0:
        raise ValueError("YAML front matter is not closed by a '---' line")
    meta = yaml.load(text[4:end], Loader=_Loader)
    if not isinstance(meta, dict):
        raise ValueError("YAML front matter is not a mapping")
    return meta, end + len("\n---\n")


def whitehouse_document(text: str, upstream_path: str) -> Document:
    """One document from a file's text; raises ``ValueError`` saying what is wrong."""
    category = upstream_path.split("/", 1)[0]
    if category not in KIND_BY_CATEGORY:
        raise ValueError(f"unknown category folder {category!r}")
    meta, body_start = split_front_matter(text)
    if not meta.get("date"):
        raise ValueError("front matter has no date")
    offset, body = trim(text, body_start)
    if not body:
        raise ValueError("empty body")
    title = " ".join(str(meta.get("title") or "").split()) or None  # YAML '\_' is a no-break space
    extra = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in meta.items()
             if k not in ("date", "title", "source_url")}
    return Document(
        id="wh-" + Path(upstream_path).stem, text=body, title=title, date=parse_iso_date(meta["date"]),
        outlet=ISSUER, url=meta.get("source_url"), kind=KIND_BY_CATEGORY[category], issuer=ISSUER,
        origin=f"{FOLDER}/{upstream_path}", offset=offset, unwrap_lines=True,
        meta={"category": category, **extra},
    )


def whitehouse_documents(files: dict[str, Path]) -> Corpus:
    """Documents from ``{upstream path: local file}``; unreadable files become problems."""
    docs, problems = [], []
    for rel, path in files.items():
        origin = f"{FOLDER}/{rel}"
        text, problem = decode(path, origin)
        if problem:
            problems.append(problem)
            continue
        try:
            docs.append(whitehouse_document(text, rel))
        except (ValueError, yaml.YAMLError) as e:
            problems.append(Problem(origin, None, f"{e}; skipped"))
    docs.sort(key=lambda d: (d.date, d.id))
    return Corpus(docs, problems, "whitehouse")
