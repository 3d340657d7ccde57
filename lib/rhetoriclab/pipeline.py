"""Corpus-scale runs: clean -> (pre-filter) -> parse -> attributions -> stances, cached, in several processes.

>>> result = run_corpus(load_corpus("kremlin"), prefilter=["UKR", "USA"], progress=False)  # doctest: +SKIP
>>> result.stances.head()  # doctest: +SKIP

Every span in the output tables is an offset into the *original* file text
(``Document.source_span``), named ``<field>_start`` / ``<field>_end``, and tables list
documents in corpus order whether they came from the cache or not. What was not
analysed, and why, is in ``result.skipped`` (one row per document and stage; stage
``"cache"`` lists cache files that could not be read and were rebuilt, and -- once -- a cache folder that
could not be written: the run then goes on without caching). Each document's results are cached as soon
as it is analysed, so an interrupted run keeps what it did. A document longer than 100,000 characters is
analysed in sections (:mod:`rhetoriclab.sections`), so time and memory grow linearly with its length.
With a pre-filter the analysers see the document with the dropped paragraphs blanked in ``clean.text``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import inspect
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

import numpy as np
import pandas as pd
import spacy
from spacy.tokens import Doc

from rhetoriclab.cache import CacheStats, ResultCache, document_key
from rhetoriclab.documents import Corpus, Document
from rhetoriclab.kwic import count_words
from rhetoriclab.language import unreadable_reason
from rhetoriclab.nlp import load_nlp, model_name, parse_texts
from rhetoriclab.prefilter import FilterStats, actor_pattern, mask_paragraphs
from rhetoriclab.records import Actor
from rhetoriclab.sections import document_sections
from rhetoriclab.textclean import CleanText

#: An analyser turns a document and the spaCy Doc of its (masked) cleaned text into records.
Analyser = Callable[[Document, Doc], list]

SKIPPED_COLUMNS = ["doc_id", "corpus", "stage", "reason"]
DOCUMENT_COLUMNS = ["doc_id", "corpus", "date", "kind", "speaker", "issuer", "title", "n_words", "n_tokens",
                    "paragraphs", "paragraphs_kept", "chars", "chars_kept", "from_cache"]

_N_TOKENS, _FROM_CACHE = DOCUMENT_COLUMNS.index("n_tokens"), DOCUMENT_COLUMNS.index("from_cache")

#: Where the attribution analyser leaves its records on the Doc for the stance analyser (as spaCy components pass
#: results along in ``Doc.user_data``): earlier results travel with the Doc, not through module state.
ATTRIBUTIONS_KEY = "rhetoriclab.attributions"


def attribution_analyser(document: Document, doc: Doc) -> list:
    """:func:`rhetoriclab.attribution.extract_attributions`, kept in ``doc.user_data`` for the stance analyser."""
    from rhetoriclab.attribution import extract_attributions

    found = extract_attributions(document, doc=doc)
    doc.user_data[ATTRIBUTIONS_KEY] = found
    return found


def stance_analyser(document: Document, doc: Doc) -> list:
    """:func:`rhetoriclab.stances.code_stances`, reusing the attributions already found on this Doc."""
    from rhetoriclab.stances import code_stances

    return code_stances(document, doc=doc, attributions=doc.user_data.get(ATTRIBUTIONS_KEY))


def default_analysers() -> dict[str, Analyser]:
    """``{"attributions": ..., "stances": ...}``, the project's extractors."""
    return {"attributions": attribution_analyser, "stances": stance_analyser}


@dataclass
class RunResult:
    """Tables from one corpus run. ``tables`` holds one DataFrame per analyser name."""

    documents: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    skipped: pd.DataFrame
    settings: dict
    cache: CacheStats | None = None

    @property
    def attributions(self) -> pd.DataFrame:
        return self.tables.get("attributions", pd.DataFrame())

    @property
    def stances(self) -> pd.DataFrame:
        return self.tables.get("stances", pd.DataFrame())

    def skipped_summary(self) -> pd.DataFrame:
        """Number of documents skipped per stage and reason (reasons with a document-specific tail are grouped)."""
        if self.skipped.empty:
            return pd.DataFrame(columns=["stage", "reason", "documents"])
        reason = self.skipped["reason"].str.split(":").str[0]
        out = self.skipped.assign(reason=reason).groupby(["stage", "reason"]).size().rename("documents")
        return out.reset_index().sort_values(["documents", "stage", "reason"], ascending=[False, True, True],
                                             ignore_index=True)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(v)} {k}" for k, v in self.tables.items())
        return f"RunResult({len(self.documents)} documents, {counts}, {len(self.skipped)} skipped)"


def records_frame(document: Document, records: Iterable, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Flatten dataclass records: spans -> ``<f>_start/_end`` (file offsets); actors -> ``<f>_code/_org/_sector``.

    Tuples of strings are joined with ``"; "``; dicts become sorted ``key=value`` strings.
    """
    rows = []
    for i, rec in enumerate(records):
        row: dict[str, object] = {"doc_id": document.id, "index": i}
        for name, kind in _field_plan(type(rec)):
            value = getattr(rec, name)
            if kind == "actor" or isinstance(value, Actor):
                for part in ("code", "org", "sector"):
                    row[f"{name}_{part}"] = getattr(value, part) if value is not None else None
            elif kind == "span" or (kind == "any" and _is_span(value)):
                start, end = document.source_span(*value) if value is not None else (None, None)
                row[f"{name}_start"], row[f"{name}_end"] = start, end
            elif isinstance(value, tuple):
                row[name] = "; ".join(map(str, value))
            elif isinstance(value, dict):
                row[name] = "; ".join(f"{k}={value[k]}" for k in sorted(value)) or None
            else:
                row[name] = value
        rows.append(row)
    frame = pd.DataFrame(rows)
    if columns is not None:
        frame = frame.reindex(columns=list(columns))
    return frame


@functools.cache
def _field_plan(cls: type) -> tuple[tuple[str, str], ...]:
    """How :func:`records_frame` flattens each field of a record class (worked out once per class)."""
    plan = []
    for f in dataclasses.fields(cls):
        if f.name == "doc_id":
            continue
        hint = str(f.type)
        kind = "span" if "Span" in hint else "actor" if "Actor" in hint else "any" if "str" not in hint else "plain"
        plan.append((f.name, kind))
    return tuple(plan)


def _is_span(value: object) -> bool:
    """A field without a type hint that still holds a ``(start, end)`` pair of ints."""
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)


def _resolve_prefilter(prefilter: re.Pattern | str | Sequence[str] | bool | None) -> re.Pattern | None:
    if prefilter is None or prefilter is False:
        return None
    if prefilter is True:
        return actor_pattern()
    if isinstance(prefilter, re.Pattern):
        return prefilter
    if isinstance(prefilter, str):
        return re.compile(prefilter)
    return actor_pattern(list(prefilter))


def _fingerprint(analysers: Mapping[str, Analyser]) -> dict[str, str]:
    """Name and source hash of each analyser's package, so edited extractor code invalidates the cache."""
    out = {}
    for name, fn in sorted(analysers.items()):
        module = getattr(fn, "__module__", "") or ""
        qual = f"{module}.{getattr(fn, '__qualname__', repr(fn))}"
        digest = hashlib.sha256(qual.encode())
        with contextlib.suppress(OSError, TypeError):
            digest.update(inspect.getsource(fn).encode())
        paths: list[Path] = []
        if module.startswith("rhetoriclab."):
            pkg = Path(import_module("rhetoriclab").__file__).parent
            for sub in ("attribution", "stances", "actors", "data"):
                base = pkg / sub
                paths += sorted(base.rglob("*")) if base.is_dir() else []
                paths += [p for p in (pkg / f"{sub}.py",) if p.exists()]
            paths.append(pkg / "pipeline.py")
        for p in paths:
            if p.is_file() and "__pycache__" not in p.parts:
                digest.update(p.name.encode())
                digest.update(p.read_bytes())
        out[name] = f"{qual}@{digest.hexdigest()[:12]}"
    return out


@dataclass
class _Job:
    document: Document
    text: str
    stats: FilterStats
    key: str
    #: Sections of the document (:func:`rhetoriclab.sections.document_sections`); this job is one of them.
    sections: int = 1


@dataclass
class _Output:
    tables: dict[str, pd.DataFrame]
    n_tokens: int
    errors: list[tuple[str, str]] = field(default_factory=list)


def _analyse(nlp: spacy.Language, jobs: Sequence[_Job], analysers: Mapping[str, Analyser],
             batch_size: int, on_done: Callable[[_Job, _Output], object] | None = None) -> list[_Output]:
    outputs = []
    for job, doc in zip(jobs, parse_texts(nlp, (j.text for j in jobs), batch_size=batch_size), strict=True):
        tables, errors = {}, []
        for name, fn in analysers.items():
            try:
                tables[name] = records_frame(job.document, fn(job.document, doc))
            except Exception as e:  # noqa: BLE001 - reported per document in the skipped table
                errors.append((name, f"{type(e).__name__}: {e}"))
        n_tokens = sum(1 for t in doc if not t.is_space)
        outputs.append(_Output(tables, n_tokens, errors))
        if on_done is not None:
            on_done(job, outputs[-1])
    return outputs


class _CacheWriter:
    """Writes results to the cache; the first write that fails is reported once (``report(reason)``) and the
    run goes on without writing to the cache: its results are returned all the same."""

    def __init__(self, store: ResultCache | None, report: Callable[[str], object]):
        self.store, self.report = store, report
        self.failed = store is None

    def put(self, key: str, tables: Mapping[str, pd.DataFrame]) -> None:
        self._write(lambda: self.store.put(key, tables))

    def put_run(self, key: str, tables: Mapping[str, pd.DataFrame]) -> None:
        self._write(lambda: self.store.put_run(key, tables))

    def _write(self, write: Callable[[], object]) -> None:
        if self.failed:
            return
        try:
            write()
        except OSError as e:
            self.failed = True
            where = Path(e.filename).parent if e.filename else self.store.folder
            self.report(f"cache not writable: {where}: {e.strerror or e}; this run's results are returned "
                        "but not cached")


def _join_sections(outputs: list[_Output]) -> _Output:
    """One document's output from those of its sections, in order (``index`` numbered anew)."""
    tables = {}
    for name in dict.fromkeys(n for o in outputs for n in o.tables):
        frames = [o.tables[name] for o in outputs if name in o.tables]
        non_empty = [f for f in frames if len(f)]
        frame = pd.concat(non_empty, ignore_index=True) if non_empty else frames[0]
        if "index" in frame:
            frame["index"] = range(len(frame))
        tables[name] = frame
    errors = list(dict.fromkeys(e for o in outputs for e in o.errors))
    return _Output(tables, sum(o.n_tokens for o in outputs), errors)


def _worker(args: tuple) -> list[_Output]:
    model, jobs, analysers, batch_size = args
    return _analyse(load_nlp(model), jobs, analysers, batch_size)


def run_corpus(
    corpus: Corpus | Sequence[Document] | Iterable[Document],
    *,
    analysers: Mapping[str, Analyser] | None = None,
    prefilter: re.Pattern | str | Sequence[str] | bool | None = None,
    n_process: int | None = None,
    batch_size: int = 16,
    chunk_size: int = 8,
    progress: bool = True,
    cache: bool | str | os.PathLike = True,
    model: str | None = None,
    prefilter_unit: str = "paragraph",
    client: object | None = None,
    stream_window: int = 256,
    dataset: str | os.PathLike | None = None,
) -> RunResult:
    """Analyse every document of ``corpus``; see the module docstring.

    ``prefilter``: ``None`` (parse everything), ``True`` (paragraphs naming any registry actor), a list of
    actor codes, or a regex; ``prefilter_unit="sentence"`` keeps single sentences instead of whole paragraphs
    (for texts without blank lines between paragraphs). ``n_process`` defaults to all cores. ``cache``: ``True``
    for the default folder, a folder path, or ``False`` for none. Documents whose analysis raised are reported
    and not cached.

    ``client``: a :class:`distributed.Client`; the documents are then analysed on its Dask cluster in batches of
    ``chunk_size`` (``n_process`` is not used) and the tables are the same as a local run's
    (:mod:`rhetoriclab.run_dask`). A batch that fails for good on the cluster is reported per document, stage
    ``"worker"``.

    ``corpus`` may also be an iterator of documents (e.g. a generator reading a large file): it is then read
    once, lazily, and analysed ``stream_window`` documents (sections) at a time, so only the documents in
    the current window are held in memory, the pre-filter dropping the others as they are read. A stream
    does not use the whole-run cache file (its documents are not known in advance); the per-document cache
    works as for a corpus. Load problems of a stream (its ``problems`` attribute, if any) are read at its end.

    ``dataset``: a folder to write the tables to as a Parquet dataset partitioned by corpus and month, with a
    ``manifest.json`` (:mod:`rhetoriclab.results_dataset`).
    """
    analysers = dict(analysers) if analysers is not None else default_analysers()
    pattern = _resolve_prefilter(prefilter)
    model = model or model_name()
    nlp = load_nlp(model)
    settings = {
        "model": model, "model_version": nlp.meta.get("version"), "spacy": spacy.__version__,
        "prefilter": pattern.pattern if pattern is not None else None, "analysers": _fingerprint(analysers),
    }
    if prefilter_unit != "paragraph":  # (the default is left out, so caches made before units existed stay valid)
        settings["prefilter_unit"] = prefilter_unit
    store = None if cache is False else ResultCache(settings, None if cache is True else cache)
    name = getattr(corpus, "name", "")
    streamed = not isinstance(corpus, Sequence)
    skipped: list[tuple] = [] if streamed else _load_problems(corpus, name)
    run_key = None
    #: Content hash of each document, for the dataset's manifest.
    keys: dict[str, str] = {}
    if store is not None and not streamed:
        doc_keys = [(d.id, document_key(d)) for d in corpus]
        run_key = store.run_key(doc_keys)
        earlier = store.get_run(run_key)
        if earlier is not None:
            result = _from_run_file(earlier, list(analysers), skipped, settings, store)
            return _with_dataset(result, dataset, dict(doc_keys))
        for problem in store.stats.corrupt:
            skipped.append((None, name, "cache", f"corrupt run file: {problem}"))
    # One row (a list, in DOCUMENT_COLUMNS order: small, for long streams) per document.
    doc_rows: dict[str, list] = {}
    # Result tables per document id, assembled in corpus order at the end (cached or not).
    found: dict[str, dict[str, pd.DataFrame]] = {}
    todo: list[_Job] = []

    def skip(document: Document, stage: str, reason: str) -> None:
        skipped.append((document.id, name, stage, sys.intern(reason)))  # (a reason repeats: kept once)

    from tqdm.auto import tqdm

    bar = tqdm(total=None if streamed else len(corpus), desc=f"analysing {name or 'documents'}",
               disable=not progress, unit="doc")
    writer = _CacheWriter(store, lambda reason: skipped.append((None, name, "cache", reason)))
    parts: dict[str, list[_Output]] = {}
    failed_docs: set[str] = set()

    def finished(job: _Job, out: _Output) -> None:
        """Keep a document's results, and cache them at once (an interrupted run keeps what it did)."""
        if job.document.id in failed_docs:  # another section of it failed on the cluster: reported there
            return
        if job.sections > 1:  # a section of a long document: wait for the others, then join them
            done = parts.setdefault(job.document.id, [])
            done.append(out)
            if len(done) < job.sections:
                return
            out = _join_sections(parts.pop(job.document.id))
        doc_rows[job.document.id][_N_TOKENS] = out.n_tokens
        for stage, reason in out.errors:
            skip(job.document, stage, reason)
        found[job.document.id] = out.tables
        if not out.errors:
            writer.put(job.key, {**out.tables, "_meta": pd.DataFrame({"n_tokens": [out.n_tokens]})})
        bar.update()

    def failed(job: _Job, reason: str) -> None:
        """A job the cluster could not analyse: its document is reported once (with all its sections)."""
        parts.pop(job.document.id, None)
        if job.document.id not in failed_docs:
            failed_docs.add(job.document.id)
            skip(job.document, "worker", reason)
            bar.update()

    n_process = max(1, n_process or os.cpu_count() or 1)
    with contextlib.ExitStack() as stack:
        pools: list[ProcessPoolExecutor] = []

        def analyse(todo: list[_Job]) -> None:
            """Analyse these jobs (in batches of ``chunk_size`` on a Dask cluster or in processes, or in this
            one), calling ``finished`` for each in order."""
            chunks = [todo[i:i + chunk_size] for i in range(0, len(todo), chunk_size)]
            if client is not None and chunks:
                from rhetoriclab.run_dask import analyse_on_cluster

                analyse_on_cluster(client, model, chunks, analysers, batch_size, on_done=finished, on_failed=failed)
            elif n_process > 1 and len(chunks) > 1:
                if not pools:  # one pool for the run (a stream analyses several windows)
                    workers = n_process if streamed else min(n_process, len(chunks))
                    pools.append(stack.enter_context(
                        ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))))
                futures = [pools[0].submit(_worker, (model, chunk, analysers, batch_size)) for chunk in chunks]
                for fut, chunk in zip(futures, chunks, strict=True):
                    for job, out in zip(chunk, fut.result(), strict=True):
                        finished(job, out)
            else:  # one stream through nlp.pipe: full batches, no per-chunk start-up
                _analyse(nlp, todo, analysers, batch_size, on_done=finished)

        seen: set[str] = set()
        for document in corpus:
            if document.id in seen:
                skip(document, "input", "duplicate document id")
                bar.update()
                continue
            seen.add(document.id)
            if dataset is not None:
                keys[document.id] = document_key(document)
            text = document.clean.text
            masked, stats = mask_paragraphs(text, pattern, prefilter_unit)
            doc_rows[document.id] = list(_document_row(document, name, stats).values())
            reason = _skip_reason(document, text, stats, nlp.max_length, prefilter_unit)
            if reason:
                skip(document, "prefilter" if reason.startswith("no ") else "input", reason)
                bar.update()
                continue
            key = keys.get(document.id) or document_key(document)
            hit = None
            if store is not None:
                n_corrupt = len(store.stats.corrupt)
                hit = store.get(key)
                for problem in store.stats.corrupt[n_corrupt:]:
                    skip(document, "cache", f"corrupt cache file rebuilt: {problem}")
            if hit is not None:
                doc_rows[document.id][_N_TOKENS] = int(hit["_meta"]["n_tokens"].iloc[0])
                doc_rows[document.id][_FROM_CACHE] = True
                found[document.id] = {n: hit[n] for n in analysers}
                bar.update()
                continue
            sections = document_sections(_masked_view(document, masked))
            todo += [_Job(view, view.clean.text, stats, key, len(sections)) for view in sections]
            if streamed and len(todo) >= stream_window:  # (a whole corpus is analysed in one go, below)
                analyse(todo)
                todo = []
        analyse(todo)
        todo = []
    bar.close()
    if streamed:
        skipped[:0] = _load_problems(corpus, name)

    documents = pd.DataFrame(list(doc_rows.values()), columns=DOCUMENT_COLUMNS)
    documents["date"] = pd.to_datetime(documents["date"])
    out_tables = {n: _concat([found[d][n] for d in doc_rows if n in found.get(d, {})]) for n in analysers}
    skipped_frame = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)
    if store is not None and run_key is not None and not skipped_frame["stage"].isin([*analysers, "worker"]).any():
        later = skipped_frame[~skipped_frame["stage"].isin(["load", "cache"])]
        writer.put_run(run_key, {"_documents": documents, "_skipped": later.astype(object), **out_tables})
        skipped_frame = pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)  # with a cache write error, if any
    result = RunResult(documents, out_tables, skipped_frame, settings, store.stats if store is not None else None)
    return _with_dataset(result, dataset, keys)


def _with_dataset(result: RunResult, dataset: str | os.PathLike | None, keys: Mapping[str, str]) -> RunResult:
    """``result``, written first to ``dataset`` when one is asked for."""
    if dataset is not None:
        from rhetoriclab.results_dataset import write_results_dataset

        write_results_dataset(result, dataset, keys)
    return result


def _load_problems(corpus: object, name: str) -> list[tuple]:
    """The skipped rows of the problems met loading ``corpus`` (stage ``"load"``)."""
    return [(None, name, "load", str(p)) for p in getattr(corpus, "problems", [])]


def _from_run_file(tables: dict[str, pd.DataFrame], analysers: list[str], skipped: list[tuple], settings: dict,
                   store: ResultCache) -> RunResult:
    """A :class:`RunResult` rebuilt from an earlier identical run's file (load problems are today's)."""
    documents = tables["_documents"]
    later = tables["_skipped"]
    not_analysed = set(later.loc[later["stage"].isin(["input", "prefilter"]), "doc_id"])
    documents["from_cache"] = ~documents["doc_id"].isin(not_analysed)
    store.stats.hits = int(documents["from_cache"].sum())
    frame = pd.concat([pd.DataFrame(skipped, columns=SKIPPED_COLUMNS), later], ignore_index=True) if len(later) \
        else pd.DataFrame(skipped, columns=SKIPPED_COLUMNS)
    return RunResult(documents, {n: tidy_dtypes(tables[n]) for n in analysers}, frame, settings, store.stats)


def _masked_view(document: Document, masked: str) -> Document:
    """``document`` as the analysers see it: ``clean.text`` is the pre-filtered text.

    The masked text has the length of the cleaned text, so the map back to the file is the same and every
    span an analyser reports is a span of ``document.clean.text`` too.
    """
    clean = document.clean
    if masked == clean.text:
        return document
    if len(masked) != len(clean.text):
        raise ValueError(f"{document.id}: the pre-filtered text must keep the length of the cleaned text")
    view = dataclasses.replace(document)
    view.__dict__["clean"] = CleanText(clean.original, masked, clean.index)
    return view


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame()
    return tidy_dtypes(pd.concat(frames, ignore_index=True))


def tidy_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    """One dtype per column whatever the mix of documents: object columns holding only integers (and gaps)
    become nullable ``Int64``, only floats ``float64``, only booleans ``boolean``; text stays ``object`` with
    ``None`` for gaps.

    A cold run and a cached rerun then give identical tables (an offset prints as ``227``, never ``227.0``).
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype != object:
            continue
        values = out[col].dropna()
        if values.empty:
            out[col] = pd.Series([None] * len(out), index=out.index, dtype=object)
            continue
        kinds = {type(v) for v in values}
        if kinds <= {bool, np.bool_}:
            out[col] = out[col].astype("boolean")
        elif kinds <= {int, np.int64, np.int32} or (kinds <= {int, float, np.int64, np.float64}
                                                      and all(float(v).is_integer() for v in values)):
            out[col] = out[col].astype("Int64")
        elif kinds <= {int, float, np.int64, np.float64}:
            out[col] = out[col].astype("float64")
        else:  # text: a gap is None, however it was read back
            out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out


def _document_row(document: Document, corpus: str, stats: FilterStats) -> dict:
    return {
        "doc_id": document.id, "corpus": corpus or document.origin, "date": document.date, "kind": document.kind,
        "speaker": document.speaker, "issuer": document.issuer, "title": document.title,
        "n_words": count_words(document.clean.text), "n_tokens": 0,
        "paragraphs": stats.paragraphs, "paragraphs_kept": stats.paragraphs_kept,
        "chars": stats.chars, "chars_kept": stats.chars_kept, "from_cache": False,
    }


def _skip_reason(document: Document, text: str, stats: FilterStats, max_length: int,
                 unit: str = "paragraph") -> str | None:
    if not text.strip():
        return "empty text"
    unreadable = unreadable_reason(document, text)
    if unreadable:
        return unreadable
    if len(text) > max_length:
        return f"text too long: {len(text)} characters > nlp.max_length {max_length}"
    if stats.paragraphs_kept == 0:
        return f"no {unit} mentions the actors of interest"
    return None
