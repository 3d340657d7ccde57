"""The directed-sentiment scorer: who is positive or negative towards whom, per entity pair.

Data: Park, Pan & Joo (2021), "Who Blames or Endorses Whom? Entity-to-Entity Directed Sentiment Extraction in
News Text", Findings of ACL 2021 (``directed-sentiment/dataset/valid.txt`` in ``RHETORICLAB_EVAL_DIR``; not copied
here). Each line: the sentence with the two entities in [brackets], entity p, entity q, and a label:
0 neutral, 1 p->q positive, 2 q->p positive, 3 p->q negative, 4 q->p negative.

The brackets are stripped (p's and q's character spans kept), the sentence is coded, and the records become one
label: the first counted record whose source is p and target is q gives 1 for a cooperation type and 3 for a
conflict type; source q and target p give 2 / 4; otherwise 0. A side "is" an entity when the actor's text
overlaps one of the entity's spans in the sentence (``start``/``end`` of the actor when the record has them,
else every occurrence of the actor's text), or when the actor's resolved code equals the entity's code from the
actor registry (not used when p and q resolve to the same code). Negated and hypothetical records are left out;
own-voice and reported records both count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rhetoriclab.documents import Document
from rhetoriclab.stances.scoring.common import actor_code, is_counted, polarity_of
from rhetoriclab.stances.scoring.splits import in_split

LABELS = (0, 1, 2, 3, 4)
LABEL_NAMES = {0: "neutral", 1: "p->q positive", 2: "q->p positive", 3: "p->q negative", 4: "q->p negative"}
_BRACKET = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class DirectedItem:
    """One line of the dataset with the brackets stripped; spans are (start, end) into ``text``."""

    line: int
    text: str
    p: str
    q: str
    label: int
    p_spans: tuple[tuple[int, int], ...]
    q_spans: tuple[tuple[int, int], ...]
    raw: str

    @property
    def key(self) -> str:
        """The split key: the sentence as given (with brackets)."""
        return self.raw


def parse_line(raw_line: str, line: int) -> DirectedItem:
    """One dataset line; ValueError naming the line when it is malformed."""
    parts = raw_line.rstrip("\n").split("\t")
    if len(parts) != 4:
        raise ValueError(f"line {line}: expected 4 tab-separated fields, got {len(parts)}")
    sentence, p, q, label = (_unquote(x) for x in parts)
    if label.strip() not in {str(x) for x in LABELS}:
        raise ValueError(f"line {line}: label {label!r} is not one of 0-4")
    text, spans, pos = [], [], 0
    for m in _BRACKET.finditer(sentence):
        text.append(sentence[pos:m.start()])
        start = sum(map(len, text))
        text.append(m.group(1))
        spans.append((m.group(1), start, start + len(m.group(1))))
        pos = m.end()
    text.append(sentence[pos:])
    p_spans = [(s, e) for name, s, e in spans if name == p]
    q_spans = [(s, e) for name, s, e in spans if name == q]
    if p == q and len(p_spans) >= 2:  # the same name twice: the first bracket is p, the second q
        p_spans, q_spans = p_spans[:1], p_spans[1:2]
    if not p_spans or not q_spans:
        raise ValueError(f"line {line}: entities {p!r} / {q!r} are not both bracketed in the sentence")
    return DirectedItem(line, "".join(text), p, q, int(label), tuple(p_spans), tuple(q_spans), sentence)


def _unquote(field: str) -> str:
    """A field as written by a CSV writer (``"...""..."``) without its quoting; other fields as they are."""
    if len(field) >= 2 and field[0] == field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def load_directed(path: str | Path, split: str = "all") -> tuple[list[DirectedItem], list[str]]:
    """The items of ``split`` and the problems of lines that could not be read (each names its line)."""
    items, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                item = parse_line(raw, n)
            except ValueError as e:
                problems.append(f"{path}: {e}")
                continue
            if in_split(item.key, split):
                items.append(item)
    return items, problems


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _actor_spans(actor: Mapping, text: str) -> list[tuple[int, int]]:
    start, end = actor.get("start"), actor.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return [(start, end)]
    surface = (actor.get("text") or "").strip()
    if not surface:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]


def _is_entity(actor: Mapping | None, text: str, spans: Sequence[tuple[int, int]], code: str | None) -> bool:
    if not actor:
        return False
    if any(_overlaps(a, spans) for a in _actor_spans(actor, text)):
        return True
    return code is not None and actor_code(actor) == code


def label_from_records(item: DirectedItem, records: Iterable[Mapping], p_code: str | None = None,
                       q_code: str | None = None, *, offset: int = 0, include_negated: bool = False,
                       include_hypothetical: bool = False, min_confidence: float = 0.0) -> int:
    """The label our records give the pair (see the module docstring); ``offset`` is where ``item.text`` starts in
    the records' offsets (0 when the sentence is coded as its own document)."""
    if p_code is not None and p_code == q_code:
        p_code = q_code = None
    text = item.text
    for r in records:
        if not is_counted(r, include_negated=include_negated, include_hypothetical=include_hypothetical,
                 min_confidence=min_confidence):
            continue
        polarity = polarity_of(r)
        if polarity is None:
            continue
        src, tgt = _shift(r.get("source"), offset), _shift(r.get("target"), offset)
        if _is_entity(src, text, item.p_spans, p_code) and _is_entity(tgt, text, item.q_spans, q_code):
            return 1 if polarity == "cooperation" else 3
        if _is_entity(src, text, item.q_spans, q_code) and _is_entity(tgt, text, item.p_spans, p_code):
            return 2 if polarity == "cooperation" else 4
    return 0


def _shift(actor: Mapping | None, offset: int) -> Mapping | None:
    if not actor or not offset or not isinstance(actor.get("start"), int):
        return actor
    return {**actor, "start": actor["start"] - offset, "end": actor["end"] - offset}


def score_labels(gold: Sequence[int], predicted: Sequence[int]) -> dict:
    """Macro-F1 over the five classes, per-class precision/recall/F1, accuracy, the share of polar gold pairs
    given their exact label (``polar_found``) and any polar label (``polar_detected``), and the always-neutral
    baseline's macro-F1."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    per = {}
    for c in LABELS:
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        n_pred, n_gold = sum(p == c for p in predicted), sum(g == c for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[c] = {"name": LABEL_NAMES[c], "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                  "gold": n_gold, "predicted": n_pred}
    polar = [(g, p) for g, p in zip(gold, predicted, strict=True) if g != 0]
    n = len(gold)
    return {
        "pairs": n,
        "macro_f1": round(sum(v["f1"] for v in per.values()) / len(LABELS), 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / n, 4) if n else 0.0,
        "polar_pairs": len(polar),
        "polar_found": round(sum(g == p for g, p in polar) / len(polar), 4) if polar else 0.0,
        "polar_detected": round(sum(p != 0 for _, p in polar) / len(polar), 4) if polar else 0.0,
        "always_neutral_macro_f1": _always_neutral(gold),
        "per_class": {str(c): v for c, v in per.items()},
    }


def _always_neutral(gold: Sequence[int]) -> float:
    n0 = sum(g == 0 for g in gold)
    if not gold or not n0:
        return 0.0
    prec, rec = n0 / len(gold), 1.0
    return round(2 * prec * rec / (prec + rec) / len(LABELS), 4)


def run_directed(path: str | Path, *, split: str = "all", include_negated: bool = False,
                 include_hypothetical: bool = False, min_confidence: float = 0.0) -> tuple[dict, list[str]]:
    """Code every sentence of ``split`` with the current coder and score it: (scores, problems)."""
    from rhetoriclab.actors import default_registry
    from rhetoriclab.stances.frame import iter_stance_records

    items, problems = load_directed(path, split)
    registry = default_registry()

    def code_of(name: str) -> str | None:
        found = registry.find(name)
        return actor_code(found[0].match.actor.to_json()) if len(found) == 1 else None

    docs = [Document(id=f"directed-{it.line}", text=it.text, kind="news") for it in items]
    by_id: dict[str, list[dict]] = {}
    for document, records in iter_stance_records(
            docs, on_error=lambda d, e: problems.append(f"{d.id}: {type(e).__name__}: {e}")):
        by_id[document.id] = records
    predicted = [label_from_records(it, by_id.get(f"directed-{it.line}", []), code_of(it.p), code_of(it.q),
                                    include_negated=include_negated, include_hypothetical=include_hypothetical,
                 min_confidence=min_confidence)
                 for it in items]
    return score_labels([it.label for it in items], predicted), problems
