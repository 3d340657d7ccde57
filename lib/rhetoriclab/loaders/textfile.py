"""One ``.txt`` or ``.md`` file -> one :class:`~rhetoriclab.documents.Document`.

Metadata comes from, in rising precedence: the seed layout's headline (title),
YAML front matter, and the folder's manifest row. ``text`` is the body as an
exact slice of the file's text (surrounding blank space trimmed) and
``offset`` is where it starts. Markdown files get ``unwrap_lines=True``: as in
Markdown itself, a lone line break inside a paragraph is read as a space.
"""

from __future__ import annotations

from pathlib import Path

from rhetoriclab.documents import Document, Problem
from rhetoriclab.loaders.fields import FIELDS, canonical, convert_fields, json_ready
from rhetoriclab.loaders.frontmatter import FrontMatterError, split_front_matter
from rhetoriclab.loaders.manifest import ManifestRow
from rhetoriclab.loaders.reading import read_text
from rhetoriclab.loaders.seedformat import split_seed_headline

TEXT_SUFFIXES = (".txt", ".md")


def read_text_document(
    path: Path, display: str, row: ManifestRow | None = None, manifest_display: str = ""
) -> tuple[Document | None, list[Problem]]:
    """Read ``path`` into a Document (``None`` if it has no usable text) and the problems met."""
    text = read_text(path, display)
    if isinstance(text, Problem):
        return None, [Problem(text.file, text.line, f"{text.reason}; file skipped")]
    if not text.strip():
        return None, [Problem(display, None, "empty file" if not text else "empty file (only blank space)")]
    try:
        front, start = split_front_matter(text)
    except FrontMatterError as e:
        return None, [Problem(display, e.line, f"{e.reason}; file skipped")]
    start = _skip_space(text, start)
    headline = split_seed_headline(text[start:])
    if headline:
        start = _skip_space(text, start + headline[1])
    end = len(text.rstrip())
    if end <= start:
        where = "front matter" if front else "headline"
        return None, [Problem(display, None, f"no text after the {where}; file skipped")]

    problems: list[Problem] = []
    raw_front = {canonical(k): v for k, v in front.items()}
    front_fields, rejected = convert_fields({k: v for k, v in raw_front.items() if k in FIELDS})
    problems += [Problem(display, None, f"front matter: {r}") for r in rejected.values()]
    values = {"title": headline[0]} if headline else {}
    values.update(front_fields)
    meta = {k: json_ready(v) for k, v in raw_front.items() if k not in FIELDS}
    if row is not None:
        row_fields, row_rejected = convert_fields(row.fields)
        problems += [Problem(manifest_display, row.line, r) for r in row_rejected.values()]
        rejected.update(row_rejected)
        for key in sorted(set(row_fields) & set(front_fields)):
            if row_fields[key] != front_fields[key]:
                problems.append(Problem(display, None, f"manifest {key} {_show(row_fields[key])} differs from front "
                                                       f"matter {key} {_show(front_fields[key])}; using the manifest"))
        values.update(row_fields)
        meta.update(row.extra)
    if "date" not in values and "date" not in rejected:
        problems.append(Problem(display, None, "no date (give one in manifest.csv or front matter); "
                                               "document kept undated"))
    values.setdefault("id", path.stem)
    doc = Document(text=text[start:end], offset=start, origin=display, meta=meta,
                   unwrap_lines=path.suffix.lower() == ".md", **values)
    return doc, problems


def _skip_space(text: str, pos: int) -> int:
    return len(text) - len(text[pos:].lstrip())


def _show(value: object) -> str:
    return repr(value.isoformat() if hasattr(value, "isoformat") else value)
