"""Document ids must be unique: the first document with an id is kept, later ones are reported."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rhetoriclab.documents import Document, Problem

_LINE_SUFFIX = re.compile(r"^(?P<file>.+):(?P<line>\d+)$")


def origin_location(doc: Document) -> tuple[str, int | None]:
    """``(file, line)`` of a document's origin (``"path"`` or ``"path:line"``)."""
    origin = doc.origin or doc.id
    m = _LINE_SUFFIX.match(origin)
    return (m["file"], int(m["line"])) if m else (origin, None)


def drop_duplicate_ids(docs: Iterable[Document]) -> tuple[list[Document], list[Problem]]:
    """Keep the first document of each id; return the kept ones and one problem per dropped one."""
    first: dict[str, Document] = {}
    kept: list[Document] = []
    problems: list[Problem] = []
    for doc in docs:
        if doc.id in first:
            file, line = origin_location(doc)
            problems.append(Problem(file, line, f"duplicate id {doc.id!r} (first used by "
                                                f"{first[doc.id].origin}); document skipped"))
            continue
        first[doc.id] = doc
        kept.append(doc)
    return kept, problems
