"""A folder of articles: every ``.txt``/``.md`` file (subfolders included) plus an optional ``manifest.csv``.

CSV and JSON Lines files inside the folder are loaded as files of records; any other file is reported as
skipped. Hidden files and folders (names starting with ``.``) are not input and are passed over.
Files are read in sorted path order, so the result does not depend on the file system.

A text file's id is its file name without the suffix (``article1``) unless its front matter or manifest row
gives one. When several text files of the folder would get the same id that way (``nyt/article1.txt``,
``wapo/article1.txt``, ``nyt/article1.md``), each of them is identified by its path relative to the folder
instead (``nyt/article1.txt``...), so none is lost and the ids stay the same from run to run.

Symbolic links to folders are followed, each real folder once (a second link to it, or a link loop, is
reported); a link that points nowhere is reported. A folder that cannot be listed (no read permission) is
reported with its path and the rest is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

from rhetoriclab.documents import Corpus, Document, Problem
from rhetoriclab.loaders.ids import drop_duplicate_ids
from rhetoriclab.loaders.manifest import MANIFEST_NAME, read_manifest
from rhetoriclab.loaders.stream import load_parquet
from rhetoriclab.loaders.tables import load_csv, load_jsonl
from rhetoriclab.loaders.textfile import TEXT_SUFFIXES, read_text_document

TABLE_LOADERS = {".csv": load_csv, ".jsonl": load_jsonl, ".ndjson": load_jsonl, ".parquet": load_parquet}


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
    files, walk_problems = _walk(root, display)
    problems += walk_problems
    stem_ids: dict[str, list[tuple[Document, str]]] = {}
    for file in files:
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
                if doc.id == file.stem:
                    stem_ids.setdefault(doc.id, []).append((doc, rel))
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
    for same in stem_ids.values():
        if len(same) > 1:
            for doc, rel in same:
                doc.id = rel
    docs, dupes = drop_duplicate_ids(docs)
    return Corpus(docs, [*problems, *dupes], root.resolve().name)


def no_manifest_row(shown: str, manifest_display: str, loaded: bool) -> Problem:
    """The problem for a text file that its folder's manifest does not list."""
    return Problem(shown, None, f"no row in {manifest_display}" + ("; loaded without its metadata" if loaded else ""))


def _walk(root: Path, display: str) -> tuple[list[Path], list[Problem]]:
    """Every non-hidden file under ``root`` (as a path under ``root``, in sorted order) and the problems met:
    folders that cannot be listed, links that point nowhere, links to a folder already walked."""
    files: list[Path] = []
    problems: list[Problem] = []
    walked: set[str] = set()

    def walk(folder: Path) -> None:
        shown = _join(display, folder.relative_to(root).as_posix()) if folder != root else display
        walked.add(os.path.realpath(folder))
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            problems.append(Problem(shown, None, f"cannot list the folder: {e.strerror or e}; "
                                                 "the files in it were not loaded"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            shown_entry = _join(display, path.relative_to(root).as_posix())
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as e:
                problems.append(Problem(shown_entry, None, f"cannot be examined: {e.strerror or e}; skipped"))
                continue
            if entry.is_symlink() and not (is_dir or is_file):
                target = os.readlink(path)
                reason = "points nowhere" if not os.path.lexists(path.parent / target) or not path.exists() \
                    else "points to neither a file nor a folder"
                problems.append(Problem(shown_entry, None, f"link to {target} {reason}; skipped"))
            elif is_dir:
                if os.path.realpath(path) in walked:
                    problems.append(Problem(shown_entry, None, f"link to a folder already loaded "
                                                               f"({os.path.realpath(path)}); not read twice"))
                else:
                    walk(path)
            elif is_file:
                files.append(path)
            else:
                problems.append(Problem(shown_entry, None, "skipped: not a regular file (device, pipe or socket)"))

    walk(root)
    return sorted(files, key=lambda p: p.relative_to(root).as_posix()), problems


def _join(folder: str, rel: str) -> str:
    return f"{folder.rstrip('/')}/{rel}"
