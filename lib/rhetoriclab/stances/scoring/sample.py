"""Precision, recall and F1 of the stance coder on the hand-coded sample of our own corpora.

The gold file (``tests/gold/corpus_sample.yaml``, drawn by ``devtools/draw_corpus_sample.py`` and coded by hand
with PLOVER 2021; its header is the coding guide) lists sentences, each with its events (possibly none). Each
sentence is coded as its own document, so system records are matched to gold by ``doc`` = sentence id.

Three measures, each summed over sentences (sets per sentence, so a repeated record is counted once):

- ``event``: event types. A system type counts when a gold event of the sentence has it; a record on a sentence
  without gold events (a false alarm) counts against precision.
- ``triple``: (event, source code, target code); codes are ISO3 or ``IGO:<ORG>``, an unresolved actor is None.
- ``voice``: (event, voice), voice "own" or "reported"; ``own`` and ``reported`` restrict ``event`` to that voice.

Negated and hypothetical records (and gold events) are left out unless ``include_negated`` /
``include_hypothetical``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rhetoriclab.documents import Document
from rhetoriclab.stances.scoring.common import PLOVER_2021_EVENTS, Counts, actor_code, is_counted, normalise_event
from rhetoriclab.stances.scoring.splits import in_split

#: The sample's default location in a source checkout.
DEFAULT_GOLD = Path(__file__).resolve().parents[4] / "tests" / "gold" / "corpus_sample.yaml"
CORPUS_ISSUERS = {"kremlin": "President of Russia", "ukraine": "President of Ukraine", "whitehouse": "The White House"}
CORPUS_KINDS = {"kremlin": "statement", "ukraine": "statement", "whitehouse": "statement", "ungd": "speech"}
VOICES = ("own", "reported")
_CODE = re.compile(r"^(?:[A-Z]{3}|IGO:[A-Z][A-Z0-9-]*)$")
_EVENT_KEYS = ("event", "mode", "source", "target", "reported_by", "voice", "negated", "hypothetical")


@dataclass
class GoldSentence:
    """One hand-coded sentence."""

    id: str
    corpus: str
    doc: str
    date: dt.date | None
    speaker: str
    text: str
    events: list[dict] = field(default_factory=list)
    note: str | None = None

    def document(self) -> Document:
        """The sentence as a document for the coder (issuer and kind as the corpus loader gives them)."""
        issuer = CORPUS_ISSUERS.get(self.corpus, self.speaker)
        return Document(id=self.id, text=self.text, date=self.date, kind=CORPUS_KINDS.get(self.corpus, "news"),
                        issuer=issuer, origin=f"corpus sample {self.id} ({self.doc})")


def validate_sample(data: object, where: str = "corpus sample") -> list[str]:
    """Every problem of a parsed sample file, each naming the sentence and field; [] when it is valid."""
    if not isinstance(data, Mapping) or not isinstance(data.get("sentences"), list):
        return [f"{where}: expected a mapping with a 'sentences' list"]
    problems, seen = [], set()
    for i, s in enumerate(data["sentences"]):
        at = f"{where}: sentence {i + 1}"
        if not isinstance(s, Mapping):
            problems.append(f"{at}: not a mapping")
            continue
        at = f"{where}: {s.get('id', f'sentence {i + 1}')}"
        for key in ("id", "corpus", "doc", "speaker", "text"):
            if not isinstance(s.get(key), str) or not s[key].strip():
                problems.append(f"{at}: '{key}' must be a non-empty string")
        if s.get("id") in seen:
            problems.append(f"{at}: duplicate id")
        seen.add(s.get("id"))
        if s.get("corpus") not in CORPUS_KINDS:
            problems.append(f"{at}: corpus {s.get('corpus')!r} is not one of {list(CORPUS_KINDS)}")
        if isinstance(s.get("speaker"), str) and not _CODE.match(s["speaker"]):
            problems.append(f"{at}: speaker {s['speaker']!r} is not ISO3 or IGO:<ORG>")
        if not isinstance(s.get("events"), list):
            problems.append(f"{at}: 'events' must be a list (empty when the sentence has no event)")
            continue
        for j, e in enumerate(s["events"]):
            problems.extend(f"{at} event {j + 1}: {p}" for p in _event_problems(e))
    return problems


def _event_problems(e: object) -> list[str]:
    if not isinstance(e, Mapping):
        return ["not a mapping"]
    out = [f"missing '{k}'" for k in _EVENT_KEYS if k not in e]
    if e.get("event") not in PLOVER_2021_EVENTS:
        out.append(f"event {e.get('event')!r} is not a PLOVER 2021 type")
    for side in ("source", "target", "reported_by"):
        v = e.get(side)
        if v is not None and not (isinstance(v, str) and _CODE.match(v)):
            out.append(f"{side} {v!r} is not ISO3, IGO:<ORG> or null")
    if e.get("voice") not in VOICES:
        out.append(f"voice {e.get('voice')!r} is not one of {list(VOICES)}")
    for flag in ("negated", "hypothetical"):
        if not isinstance(e.get(flag), bool):
            out.append(f"{flag} must be true or false")
    if e.get("mode") is not None and not isinstance(e.get("mode"), str):
        out.append("mode must be a string or null")
    return out


def load_sample(path: str | Path = DEFAULT_GOLD) -> list[GoldSentence]:
    """The hand-coded sentences; raises ValueError listing every problem of an invalid file."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"corpus sample not found: {path}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = validate_sample(data, str(path))
    if problems:
        raise ValueError("; ".join(problems))
    out = []
    for s in data["sentences"]:
        date = s.get("date")
        out.append(GoldSentence(s["id"], s["corpus"], s["doc"], dt.date.fromisoformat(str(date)) if date else None,
                                s["speaker"], s["text"], list(s["events"]), s.get("note")))
    return out


def _items(events: Iterable[Mapping], kind: str) -> set:
    out: set = set()
    for e in events:
        event = normalise_event(e.get("event"))
        if kind == "event":
            out.add(event)
        elif kind == "triple":
            out.add((event, actor_code(e.get("source")), actor_code(e.get("target"))))
        elif kind == "voice":
            out.add((event, e.get("voice")))
        else:  # "own" / "reported"
            if e.get("voice") == kind:
                out.add(event)
    return out


MEASURES = ("event", "triple", "voice", "own", "reported")


def score_sample(gold: Iterable[GoldSentence], system: Iterable[Mapping], *, include_negated: bool = False,
                 include_hypothetical: bool = False, split: str = "all",
                 min_confidence: float = 0.0) -> dict:
    """Scores of system records against the gold sentences of ``split``.

    Returns ``{"sentences", "no_event_sentences", "false_alarm_sentences", <measure>: {precision, recall, f1, tp,
    fp, fn}, "by_corpus": {corpus: event scores}}``. Records whose ``doc`` is not a gold sentence are ignored.
    """
    opts = {"include_negated": include_negated, "include_hypothetical": include_hypothetical,
            "min_confidence": min_confidence}
    gold = [g for g in gold if in_split(g.id, split)]
    by_doc: dict[str, list[Mapping]] = {}
    for r in system:
        if is_counted(r, **opts):
            by_doc.setdefault(str(r.get("doc")), []).append(r)
    totals = {m: Counts() for m in MEASURES}
    per_corpus: dict[str, Counts] = {}
    no_event = false_alarm = 0
    for g in gold:
        g_events = [e for e in g.events if is_counted(e, **opts)]
        s_events = by_doc.get(g.id, [])
        if not g_events:
            no_event += 1
            false_alarm += bool(s_events)
        for m in MEASURES:
            totals[m].add(_items(s_events, m), _items(g_events, m))
        per_corpus.setdefault(g.corpus, Counts()).add(_items(s_events, "event"), _items(g_events, "event"))
    return {"sentences": len(gold), "no_event_sentences": no_event, "false_alarm_sentences": false_alarm,
            **{m: c.as_dict() for m, c in totals.items()},
            "by_corpus": {k: v.as_dict() for k, v in sorted(per_corpus.items())}}


def run_sample(path: str | Path = DEFAULT_GOLD, *, split: str = "all", include_negated: bool = False,
               include_hypothetical: bool = False, min_confidence: float = 0.0) -> tuple[dict, list[str]]:
    """Code the sample's sentences with the current coder and score them: (scores, problems)."""
    from rhetoriclab.stances.frame import iter_stance_records

    gold = [g for g in load_sample(path) if in_split(g.id, split)]
    problems: list[str] = []
    records: list[dict] = []
    for _, found in iter_stance_records([g.document() for g in gold],
                                        on_error=lambda d, e: problems.append(f"{d.id}: {type(e).__name__}: {e}")):
        records.extend(found)
    return score_sample(gold, records, include_negated=include_negated,
                        include_hypothetical=include_hypothetical,
                 min_confidence=min_confidence), problems
