"""A folder of articles: every ``.txt``/``.md`` file (subfolders included) plus an optional ``manifest.csv``.

CSV and JSON Lines files inside the folder are loaded as files of records; any other file is reported as
skipped. Hidden files and folders (names starting with ``.``) are not input and are passed over.
Files are read in sorted path order, so the result does not depend on the file system.
"""

from __future__ import annotations

from pathlib import Path

from rhetoriclab.documents import Corpus, Document, Problem
from rhetoriclab.loaders.ids import drop_duplicate_ids
from rhetoriclab.loaders.manifest import MANIFEST_NAME, read_manifest
from rhetoriclab.loaders.tables import load_csv, load_jsonl
from rhetoriclab.loaders.textfile import TEXT_SUFFIXES, read_text_document

TABLE_LOADERS = {".csv": load_csv, ".jsonl": load_jsonl, ".ndjson": load_jsonl}


def load_folder(path: str | Path, *, display: str | None = None) -> Corpus:
    """Load every document under ``path``; problems (file, line, reason) are on ``Corpus.problems``."""
    root = Path(path)
    display = display or str(path)
    if not root.is_dir():
        raise NotADirectoryError(f"{display}: not a folder")
    manifest = None
    problems: list[Problem] = []
    if (root / MANIFEST_NAME).is_file():
        manifest = read_manifest(root / MANIFEST_NAME, _join(display, MANIFEST_NAME))
        problems += manifest.problems
    docs: list[Document] = []
    seen: set[str] = set()
    for file in _files(root):
        rel = file.relative_to(root).as_posix()
        shown = _join(display, rel)
        suffix = file.suffix.lower()
        if rel == MANIFEST_NAME:
            continue
        if suffix in TEXT_SUFFIXES:
            seen.add(rel)
            row = manifest.rows.get(rel) if manifest else None
            doc, why = read_text_document(file, shown, row, manifest.display if manifest else "")
            if manifest and manifest.usable and row is None:
                problems.append(no_manifest_row(shown, manifest.display, loaded=doc is not None))
            problems += why
            if doc is not None:
                docs.append(doc)
        elif suffix in TABLE_LOADERS:
            part = TABLE_LOADERS[suffix](file, display=shown)
            docs += part.documents
            problems += part.problems
        else:
            problems.append(Problem(shown, None, f"skipped: not a {', '.join(TEXT_SUFFIXES)}, "
                                                 f"{', '.join(TABLE_LOADERS)} file"))
    if manifest:
        for rel, row in manifest.rows.items():
            if rel not in seen:
                problems.append(Problem(manifest.display, row.line, f"row names {row.file!r} but there is no such "
                                                                    f"{'/'.join(TEXT_SUFFIXES)} file in {display}"))
    docs, dupes = drop_duplicate_ids(docs)
    return Corpus(docs, [*problems, *dupes], root.resolve().name)


def no_manifest_row(shown: str, manifest_display: str, loaded: bool) -> Problem:
    """The problem for a text file that its folder's manifest does not list."""
    return Problem(shown, None, f"no row in {manifest_display}" + ("; loaded without its metadata" if loaded else ""))


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))


def _join(folder: str, rel: str) -> str:
    return f"{folder.rstrip('/')}/{rel}"
