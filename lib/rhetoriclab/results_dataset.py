"""A corpus run's tables as a Parquet dataset that pandas, Dask, DuckDB and Spark read as is.

``run_corpus(corpus, dataset="out/")`` (or :func:`write_results_dataset`) writes::

    out/manifest.json                                    library version, model, settings, tables, document hashes
    out/documents/corpus=<name>/month=<YYYY-MM>/part-0.parquet
    out/attributions/corpus=<name>/month=<YYYY-MM>/part-0.parquet
    out/stances/corpus=<name>/month=<YYYY-MM>/part-0.parquet
    out/skipped.parquet

Records are partitioned (Hive style, values URI-encoded) by their document's corpus and month (``undated`` for
documents without a date), e.g. ``pd.read_parquet("out/stances")``, ``duckdb.sql("select * from
read_parquet('out/stances/**/*.parquet', hive_partitioning=true)")`` or ``dd.read_parquet("out/stances")``.
The folder is written whole beside its final place and renamed into it; an earlier dataset at that path is
replaced only once the new one is complete.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from rhetoriclab import __version__

if TYPE_CHECKING:
    from rhetoriclab.pipeline import RunResult

PARTITIONS = ["corpus", "month"]
MANIFEST = "manifest.json"


def write_results_dataset(result: RunResult, folder: str | os.PathLike, document_keys: Mapping[str, str]) -> Path:
    """Write ``result`` to ``folder`` (module docstring); ``document_keys`` maps each document id to its content
    hash (:func:`rhetoriclab.cache.document_key`). Returns the folder."""
    target = Path(folder)
    if target.exists() and not (target / MANIFEST).is_file() and any(target.iterdir()):
        raise ValueError(f"{target}: exists and is not a results dataset (no {MANIFEST}); give a new or empty folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.tmp-"))
    try:
        where = _partition_keys(result.documents)
        tables = {"documents": result.documents, **result.tables}
        described = {}
        for name, frame in tables.items():
            described[name] = _write_partitioned(frame, where, tmp / name)
        skipped = result.skipped.astype(object)
        pq.write_table(pa.Table.from_pandas(skipped, preserve_index=False), tmp / "skipped.parquet")
        described["skipped"] = {"rows": len(skipped), "path": "skipped.parquet"}
        manifest = {
            "library": "rhetoriclab", "version": __version__, "written": dt.datetime.now(dt.UTC).isoformat(),
            "model": result.settings.get("model"), "model_version": result.settings.get("model_version"),
            "settings": result.settings, "partitioning": {"flavor": "hive", "columns": PARTITIONS},
            "tables": described, "documents": dict(document_keys),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True, default=str) + "\n")
        os.chmod(tmp, 0o777 & ~_umask())
        _swap_in(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _partition_keys(documents: pd.DataFrame) -> pd.DataFrame:
    """``corpus`` and ``month`` (``YYYY-MM`` or ``undated``) of each document id."""
    month = pd.to_datetime(documents["date"]).dt.strftime("%Y-%m").fillna("undated")
    return pd.DataFrame({"doc_id": documents["doc_id"], "corpus": documents["corpus"].astype(str).values,
                         "month": month.values})


def _write_partitioned(frame: pd.DataFrame, where: pd.DataFrame, folder: Path) -> dict:
    """``frame`` under ``folder`` partitioned by its documents' corpus and month; what was written."""
    if frame.empty and "doc_id" not in frame:
        folder.mkdir()
        return {"rows": 0, "path": folder.name, "columns": {}}
    keyed = frame.drop(columns=[c for c in PARTITIONS if c in frame])  # (the documents' own are the partitions)
    keyed = keyed.merge(where, on="doc_id", how="left", validate="many_to_one")
    table = pa.Table.from_pandas(keyed, preserve_index=False)
    pq.write_to_dataset(table, folder, partition_cols=PARTITIONS, basename_template="part-{i}.parquet")
    return {"rows": len(frame), "path": folder.name, "columns": {str(c): str(t) for c, t in frame.dtypes.items()}}


def _swap_in(tmp: Path, target: Path) -> None:
    """Rename the finished ``tmp`` folder to ``target``, replacing an earlier dataset there."""
    if not target.exists():
        os.rename(tmp, target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
    os.rename(target, old / target.name)
    os.rename(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
