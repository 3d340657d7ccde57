"""Attributions as JSON records and as a tidy DataFrame, with offsets into the original files.

Every span in these outputs is converted with ``Document.source_span``: Python string indices into
the file's text decoded as UTF-8 with no newline translation (for a CSV/JSONL record: into its text
field).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from rhetoriclab.attribution.extract import extract_attributions
from rhetoriclab.documents import Corpus, Document, Problem
from rhetoriclab.nlp import load_nlp
from rhetoriclab.records import Attribution

COLUMNS = ["doc_id", "date", "kind", "content", "source", "speaker", "role", "actor_code", "org", "sector", "cue",
           "content_start", "content_end", "source_start", "source_end", "cue_start", "cue_end", "rule"]


def _span(document: Document, span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    if span is None:
        return None, None
    return document.source_span(*span)


def attribution_records(document: Document, attributions: Iterable[Attribution]) -> list[dict]:
    """One JSON-ready dict per attribution (the ``rhetoriclab quotes --jsonl`` format).

    Keys: ``doc``, ``date``, ``kind``, ``content``, ``content_start``/``content_end``, ``source`` (the
    mention as written, may be null), ``source_start``/``source_end``, ``speaker`` (resolved name or
    null), ``role``, ``actor`` (``{"code", "org", "sector"}`` or null), ``cue``, ``cue_start``/``cue_end``,
    ``parts`` (the quoted pieces of a split quotation), ``rule``, ``flags`` (quotation-mark recovery, speaker
    typos read as a registry name) and ``group`` (a group source: ``{"noun", "sector", "code", "org", "name"}``
    or null).
    """
    out = []
    for a in attributions:
        cs, ce = _span(document, a.content)
        ss, se = _span(document, a.source)
        qs, qe = _span(document, a.cue)
        out.append({
            "doc": document.id,
            "date": document.date.isoformat() if document.date else None,
            "kind": a.kind,
            "content": a.content_text,
            "content_start": cs, "content_end": ce,
            "source": a.source_text, "source_start": ss, "source_end": se,
            "speaker": a.speaker,
            "role": a.role,
            "actor": a.actor.to_json() if a.actor is not None else None,
            "cue": a.cue_text, "cue_start": qs, "cue_end": qe,
            "parts": [list(document.source_span(*p)) for p in a.meta.get("parts", [])],
            "rule": a.rule,
            "flags": list(a.meta.get("flags", [])),
            "group": a.meta.get("group"),
        })
    return out


def records_frame(records: list[dict]) -> pd.DataFrame:
    """Records from :func:`attribution_records` as the tidy table (``COLUMNS``), dates as datetimes."""
    rows = []
    for r in records:
        actor = r["actor"] or {}
        rows.append({
            "doc_id": r["doc"], "date": r["date"], "kind": r["kind"], "content": r["content"], "source": r["source"],
            "speaker": r["speaker"], "role": r["role"], "actor_code": actor.get("code"), "org": actor.get("org"),
            "sector": actor.get("sector"), "cue": r["cue"],
            "content_start": r["content_start"], "content_end": r["content_end"],
            "source_start": r["source_start"], "source_end": r["source_end"],
            "cue_start": r["cue_start"], "cue_end": r["cue_end"], "rule": r["rule"],
        })
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["date"] = pd.to_datetime(df["date"])
    for c in ("content_start", "content_end", "source_start", "source_end", "cue_start", "cue_end"):
        df[c] = df[c].astype("Int64")
    return df


def iter_records(documents: Iterable[Document], *, registry=None, problems: list[Problem] | None = None,
                 batch_size: int = 16):
    """``(document, records)`` per document, parsing with ``nlp.pipe``; a failing document is added to
    ``problems`` (and skipped) instead of stopping the run."""
    nlp = load_nlp()
    docs = []
    for d in documents:
        if len(d.clean.text) > nlp.max_length:
            if problems is None:
                raise ValueError(f"document {d.id!r} is longer than the parser's maximum ({nlp.max_length} chars)")
            problems.append(Problem(d.origin or d.id, None, f"attribution skipped for document {d.id!r}: "
                                    f"{len(d.clean.text)} characters, above the parser's maximum {nlp.max_length}"))
        else:
            docs.append(d)
    parsed = nlp.pipe((d.clean.text for d in docs), batch_size=batch_size, n_process=1)
    for document, doc in zip(docs, parsed, strict=True):
        try:
            records = attribution_records(document, extract_attributions(document, doc, registry))
        except Exception as e:  # noqa: BLE001 -- one bad document must not stop a corpus run
            if problems is None:
                raise
            problems.append(Problem(document.origin or document.id, None,
                                    f"attribution failed for document {document.id!r}: {type(e).__name__}: {e}"))
            continue
        yield document, records


def attributions_frame(corpus_or_documents: Corpus | Iterable[Document], *, registry=None) -> pd.DataFrame:
    """One row per attribution over a corpus (columns ``COLUMNS``).

    Documents that fail are listed in ``df.attrs["problems"]`` (a list of :class:`Problem`), never dropped
    silently; the corpus's own load problems are included.
    """
    problems: list[Problem] = list(getattr(corpus_or_documents, "problems", []))
    records = [r for _, recs in iter_records(corpus_or_documents, registry=registry, problems=problems) for r in recs]
    df = records_frame(records)
    df.attrs["problems"] = problems
    return df
