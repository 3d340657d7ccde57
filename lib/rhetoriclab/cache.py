"""A persistent, checksummed Parquet cache of per-document analysis results.

Layout: ``<root>/<settings key>/<document key[:2]>/<document key>.parquet`` plus a
``.sha256`` file beside it, and ``<root>/<settings key>/runs/<run key>.parquet`` holding all tables of a
whole run, so that rerunning a case study on unchanged documents reads one file instead of thousands.
The *settings key* hashes the library version and every
setting that changes results (model, pre-filter, analysers), so a new version or a
changed setting reads from a fresh folder; the *document key* hashes the document
record (text and metadata), so only changed documents are analysed again.

One Parquet file holds all result tables of a document (columns ``<table>.<column>``
and a ``_table`` column tell them apart; each table's column dtypes are kept in the
file's metadata). A file
whose SHA-256 does not match, whose footer is damaged, or that does not read back
or checksum that cannot be read at all, is reported as corrupt, deleted and recomputed, never trusted.
A cache folder that cannot be written does not stop a run (see :func:`rhetoriclab.pipeline.run_corpus`).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from rhetoriclab import __version__
from rhetoriclab.documents import Document

ENV_CACHE = "RHETORICLAB_CACHE"
_META_KEY = b"rhetoriclab.tables"
_MAGIC = b"PAR1"


def default_root() -> Path:
    """``$RHETORICLAB_CACHE/results`` or the OS user cache (``pooch.os_cache('rhetoriclab')/results``)."""
    from rhetoriclab.corpora.fetch import resolve_cache

    return resolve_cache() / "results"


def settings_key(settings: Mapping[str, object], version: str = __version__) -> str:
    """A short stable hash of the library version and the result-changing settings."""
    blob = json.dumps({"version": version, **settings}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def document_key(document: Document) -> str:
    """SHA-256 of the document's full record (text, offsets, metadata)."""
    blob = json.dumps(document.to_record(), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


class CorruptCacheFile(ValueError):
    """A cache file failed its checksum, footer or read-back check."""


@dataclass
class CacheStats:
    """What one run did with the cache."""

    hits: int = 0
    misses: int = 0
    corrupt: list[str] = field(default_factory=list)
    #: The whole run came from one run file (same documents, same settings as an earlier run).
    run_hit: bool = False


class ResultCache:
    """Per-document result tables under ``root/<settings key>/``."""

    def __init__(self, settings: Mapping[str, object], root: str | os.PathLike | None = None,
                 version: str = __version__):
        self.root = Path(root) if root is not None else default_root()
        self.key = settings_key(settings, version)
        self.folder = self.root / self.key
        self.stats = CacheStats()

    def path(self, doc_key: str) -> Path:
        return self.folder / doc_key[:2] / f"{doc_key}.parquet"

    def get(self, doc_key: str) -> dict[str, pd.DataFrame] | None:
        """The cached tables of a document, or ``None`` on a miss; any unreadable entry is reported, deleted,
        missed."""
        path = self.path(doc_key)
        tables = self._read_or_discard(path) if self._present(path) else None
        if tables is None:
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return tables

    def _present(self, path: Path) -> bool:
        """Whether ``path`` exists; a folder that cannot be searched is reported and counts as absent."""
        try:
            return path.exists()
        except OSError as e:
            self.stats.corrupt.append(f"{path}: cannot be looked up ({e.strerror or e})")
            return False

    def _read_or_discard(self, path: Path) -> dict[str, pd.DataFrame] | None:
        """The tables in ``path``; ``None`` when it cannot be read, reported in ``stats.corrupt`` and deleted
        (a deletion that fails is said in the same report: the entry is rewritten or missed again)."""
        try:
            return read_tables(path)
        except CorruptCacheFile as e:
            report = str(e)
        for p in (path, path.with_suffix(".sha256")):
            try:
                p.unlink(missing_ok=True)
            except OSError as e:
                report += f"; could not delete {p.name}: {e.strerror or e}"
        self.stats.corrupt.append(report)
        return None

    def put(self, doc_key: str, tables: Mapping[str, pd.DataFrame]) -> None:
        write_tables(self.path(doc_key), tables)

    # -- whole runs: one file for a rerun of the same corpus -----------------------------------
    def run_key(self, doc_keys: list[tuple[str, str]]) -> str:
        """Key of a whole run: these documents (id and content key, in order) under these settings."""
        blob = json.dumps([self.key, doc_keys])
        return hashlib.sha256(blob.encode()).hexdigest()

    def run_path(self, run_key: str) -> Path:
        return self.folder / "runs" / f"{run_key}.parquet"

    def get_run(self, run_key: str) -> dict[str, pd.DataFrame] | None:
        """The tables of an identical earlier run (read as one file), or ``None``; a corrupt file is reported
        in ``stats.corrupt``, deleted and missed (the per-document entries are then used)."""
        path = self.run_path(run_key)
        tables = self._read_or_discard(path) if self._present(path) else None
        if tables is not None:
            self.stats.run_hit = True
        return tables

    def put_run(self, run_key: str, tables: Mapping[str, pd.DataFrame]) -> None:
        write_tables(self.run_path(run_key), tables)


def write_tables(path: Path, tables: Mapping[str, pd.DataFrame]) -> None:
    """Write ``tables`` to one Parquet file with a SHA-256 sidecar, atomically (temp files + rename).

    Columns are stored as ``<table>.<column>`` so tables never collide; dtypes are kept in the metadata.
    Both files are written to temporary files first and renamed together under the folder's lock, so a
    reader (see :func:`read_tables`) never pairs one writer's data with another writer's checksum.
    Raises ``OSError`` when the folder cannot be written (nothing is left behind then).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {name: {str(c): str(t) for c, t in df.dtypes.items()} for name, df in tables.items()}
    parts = [df.rename(columns=lambda c, n=name: f"{n}.{c}").assign(_table=name)
             for name, df in tables.items() if len(df)]
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"_table": pd.Series([], dtype=object)})
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata({_META_KEY: json.dumps(meta).encode()})
    temps: list[str] = []
    umask = os.umask(0)
    os.umask(umask)
    try:
        for _ in range(2):
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            os.fchmod(fd, 0o666 & ~umask)  # as any other file (mkstemp makes it private to the writer)
            os.close(fd)
            temps.append(tmp)
        data_tmp, sum_tmp = temps
        pq.write_table(table, data_tmp, write_page_checksum=True)
        Path(sum_tmp).write_text(_sha256(Path(data_tmp)) + "\n")
        with _folder_lock(path.parent, exclusive=True):
            os.replace(data_tmp, path)
            os.replace(sum_tmp, path.with_suffix(".sha256"))
    finally:
        for tmp in temps:
            Path(tmp).unlink(missing_ok=True)


@contextlib.contextmanager
def _folder_lock(folder: Path, exclusive: bool) -> Iterator[None]:
    """An advisory lock on ``folder/.lock`` (shared for readers, exclusive for writers); held only while a
    data file and its checksum are renamed into place or opened. Without a lock file that can be opened
    (a read-only cache, which nobody writes), nothing is locked."""
    try:
        fd = os.open(folder / ".lock", os.O_RDONLY | os.O_CREAT, 0o666)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def read_tables(path: Path) -> dict[str, pd.DataFrame]:
    """Read and verify a file written by :func:`write_tables`; raise :class:`CorruptCacheFile` on any mismatch
    or any failure to read (permissions, undecodable checksum, empty file...)."""
    sidecar = path.with_suffix(".sha256")
    try:
        with _folder_lock(path.parent, exclusive=False):
            data_file, sum_file = open(path, "rb"), open(sidecar, "rb")  # noqa: SIM115 - read below, after the lock
    except FileNotFoundError as e:
        raise CorruptCacheFile(f"{path}: {'checksum file' if e.filename == str(sidecar) else 'data file'} "
                               "missing") from e
    except OSError as e:
        raise CorruptCacheFile(f"{path}: cannot be opened ({e.strerror or e})") from e
    try:
        with data_file, sum_file:
            data, digest = data_file.read(), sum_file.read()
    except OSError as e:
        raise CorruptCacheFile(f"{path}: cannot be read ({e.strerror or e})") from e
    try:
        expected = digest.decode("ascii").strip()
    except UnicodeDecodeError as e:
        raise CorruptCacheFile(f"{path}: checksum file is not text ({e.reason})") from e
    if expected != hashlib.sha256(data).hexdigest():
        raise CorruptCacheFile(f"{path}: SHA-256 does not match its checksum file")
    if len(data) < 2 * len(_MAGIC) or data[:4] != _MAGIC or data[-4:] != _MAGIC:
        raise CorruptCacheFile(f"{path}: not a complete Parquet file (bad header or footer)")
    try:
        table = pq.read_table(pa.BufferReader(data), page_checksum_verification=True)
        columns = json.loads(table.schema.metadata[_META_KEY])
    except (OSError, KeyError, TypeError, ValueError, pa.ArrowException) as e:
        raise CorruptCacheFile(f"{path}: unreadable ({e})") from e
    frame = table.to_pandas()
    out = {}
    for name, dtypes in columns.items():
        part = frame[frame["_table"] == name] if len(frame) else frame
        cols = {}
        for col, dtype in dtypes.items():
            values = part[f"{name}.{col}"] if f"{name}.{col}" in part else pd.Series([None] * len(part), dtype=object)
            try:
                cols[col] = values.astype(dtype).reset_index(drop=True)
            except (TypeError, ValueError):
                cols[col] = values.reset_index(drop=True)
        out[name] = pd.DataFrame(cols, columns=list(dtypes))
    return out
