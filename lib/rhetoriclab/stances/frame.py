"""Stances as a tidy DataFrame (one row per stance) and as JSON Lines records."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from rhetoriclab.documents import Document
from rhetoriclab.records import Actor, Stance

COLUMNS = [
    "doc", "date", "event", "quad", "mode", "source_text", "source_code", "source_org", "source_sector",
    "target_text", "target_code", "target_org", "target_sector", "reported_by_text", "reported_by_code",
    "reported_by_org", "reported_by_sector", "voice", "negated", "hypothetical", "conditional", "intent",
    "confidence", "plover_score", "polarity", "subjectivity", "hedging", "boosting", "cue", "cue_start", "cue_end",
    "sentence_start", "sentence_end", "evidence", "attribution", "rule",
]
#: The record keys that hold an actor ({text, code, org, sector}), flattened to ``<key>_<field>`` columns.
ACTOR_KEYS = ("source", "target", "reported_by")


def _actor(text: str | None, actor: Actor | None, span: tuple[int, int] | None = None,
           document: Document | None = None) -> dict | None:
    """``{text, code, org, sector}`` (and ``start``/``end``, offsets into the file, where the text names it)."""
    if actor is None and not text:
        return None
    out = {"text": text, "code": actor.code if actor else None, "org": actor.org if actor else None,
           "sector": actor.sector if actor else None}
    if span is not None and document is not None and span[1] > span[0]:
        out["start"], out["end"] = document.source_span(*span)
    return out


def stance_records(document: Document, stances: Iterable[Stance]) -> list[dict]:
    """JSON-ready records, offsets into the original file text (``rhetoriclab stances --jsonl``)."""
    out = []
    for s in stances:
        cue = document.source_span(*s.cue) if s.cue else (None, None)
        sent = document.source_span(*s.sentence)
        out.append({
            "doc": document.id, "date": document.date.isoformat() if document.date else None,
            "event": s.event, "quad": s.quad, "mode": s.mode,
            "source": _actor(s.source_text, s.source, s.meta.get("source_span"), document),
            "target": _actor(s.target_text, s.target, s.meta.get("target_span"), document),
            "reported_by": _actor(s.reported_by_text, s.reported_by), "voice": s.voice,
            "negated": s.negated, "hypothetical": s.hypothetical, "conditional": s.conditional, "intent": s.intent,
            "confidence": s.confidence, "plover_score": s.plover_score,
            "polarity": s.polarity, "subjectivity": s.subjectivity, "hedging": s.hedging, "boosting": s.boosting,
            "cue": s.cue_text, "cue_start": cue[0], "cue_end": cue[1],
            "sentence_start": sent[0], "sentence_end": sent[1],
            "evidence": list(s.evidence), "attribution": s.attribution_index, "rule": s.meta.get("rule"),
        })
    return out


def records_frame(records: Iterable[dict]) -> pd.DataFrame:
    """Flatten stance records into the tidy table (one row per stance)."""
    rows = []
    for r in records:
        row = {k: v for k, v in r.items() if k not in ACTOR_KEYS}
        for side in ACTOR_KEYS:
            a = r.get(side) or {}
            for key in ("text", "code", "org", "sector"):  # (start/end stay in the JSON records)
                row[f"{side}_{key}"] = a.get(key)
        row["evidence"] = ", ".join(r.get("evidence") or [])
        rows.append(row)
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["date"] = pd.to_datetime(df["date"])
    return df


def iter_stance_records(documents: Iterable[Document], *, coder=None,
                        on_error: Callable[[Document, Exception], None] | None = None,
                        batch_size: int = 16) -> Iterator[tuple[Document, list[dict]]]:
    """``(document, stance records)`` per document, parsed with ``nlp.pipe`` and attributions extracted first.

    A document that fails (or is longer than the parser's maximum) goes to ``on_error`` and is skipped;
    without ``on_error`` the error is raised.
    """
    from rhetoriclab.attribution import extract_attributions
    from rhetoriclab.nlp import load_nlp
    from rhetoriclab.stances.code import DictionaryCoder

    def fail(document: Document, error: Exception) -> None:
        if on_error is None:
            raise error
        on_error(document, error)

    nlp, coder = load_nlp(), coder or DictionaryCoder()
    docs = []
    for d in documents:
        if len(d.clean.text) > nlp.max_length:
            fail(d, ValueError(f"{len(d.clean.text)} characters, above the parser's maximum {nlp.max_length}"))
        else:
            docs.append(d)
    for document, doc in zip(docs, nlp.pipe((d.clean.text for d in docs), batch_size=batch_size), strict=True):
        try:
            records = stance_records(document, coder.code(document, doc, extract_attributions(document, doc)))
        except Exception as e:  # noqa: BLE001 -- one bad document must not stop a corpus run
            fail(document, e)
            continue
        yield document, records


def stances_frame(documents: Iterable[Document], coder=None) -> pd.DataFrame:
    """Parse, extract attributions and code stances for every document; one row per stance.

    A document that fails is listed in ``df.attrs["problems"]`` and the others are still coded.
    """
    records: list[dict] = []
    problems: list[str] = []
    for _, found in iter_stance_records(documents, coder=coder,
                                        on_error=lambda d, e: problems.append(f"{d.id}: {type(e).__name__}: {e}")):
        records.extend(found)
    df = records_frame(records)
    df.attrs["problems"] = problems
    return df
