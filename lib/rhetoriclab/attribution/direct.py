"""Direct and partial (mixed) quotations: finding each quotation's cue and source in the parse.

Forms handled, each named in :attr:`QuoteFinding.rule`:

- ``cue-after``: ``"...," X said.`` / ``"...," said X.`` (cue after the quotation, same sentence);
- ``cue-before``: ``X said: "..."`` / ``X said, "..."`` / ``According to X, "..."``;
- ``colon-before``: ``The piece used a quote as its headline: "..."`` (no speech verb, a colon);
- ``quoted-turn``: ``"WALLACE: Let's start with ...`` (a transcript quoted in an article);
- ``partial``: a quotation inside a clause governed by a cue verb -- ``warned of "serious consequences"``,
  ``would be a "red line" Moscow would not tolerate`` -- kind ``mixed``, content = the governed phrase.

A quotation with none of these is left for :mod:`rhetoriclab.attribution.continuation` (split quotes,
paragraph continuation), which decides who said it or reports it as unattributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from rhetoriclab.attribution.quotes import Quote
from rhetoriclab.attribution.syntax import (
    TokenIndex,
    is_cue_verb,
    name_after,
    name_before,
    phrase,
    subject_of,
    text_of,
    verb_phrase,
)

#: How far (tokens) after a quotation its cue may be; long appositive subjects fit.
AFTER_WINDOW = 60
#: Relations not climbed through from a partial quotation (its clause has a life of its own).
NO_CLIMB = frozenset({"advcl", "relcl", "acl", "nsubj", "nsubjpass", "csubj", "mark", "parataxis", "npadvmod"})
#: How many governing heads are climbed from a partial quotation to find its cue.
MAX_CLIMB = 6


@dataclass
class QuoteFinding:
    """What the parse says about one quotation. ``kind`` is None when no cue was found."""

    quote: Quote
    kind: str | None = None
    content: tuple[int, int] | None = None
    cue: Span | tuple[int, int] | None = None
    source: Span | None = None
    rule: str = ""
    cue_token: int | None = None


def analyse_quotes(doc: Doc, quotes: list[Quote], paragraphs: list[tuple[int, int]],
                   index: TokenIndex | None = None) -> list[QuoteFinding]:
    """One :class:`QuoteFinding` per quotation, in order."""
    index = index or TokenIndex(doc)
    text = text_of(doc)
    ranges = [index.tokens(q.start, q.end) for q in quotes]
    quoted = bytearray(len(doc))
    for a, b in ranges:
        quoted[a:b] = b"\x01" * (b - a)
    para_tokens = [index.tokens(s, e) for s, e in paragraphs]
    findings = []
    for k, q in enumerate(quotes):
        a, b = ranges[k]
        finding = QuoteFinding(q)
        findings.append(finding)
        if a >= b:
            continue
        pa, pb = para_tokens[q.paragraph]
        same_before = k > 0 and quotes[k - 1].paragraph == q.paragraph
        same_after = k + 1 < len(quotes) and quotes[k + 1].paragraph == q.paragraph
        prev_end = ranges[k - 1][1] if same_before else pa
        next_start = ranges[k + 1][0] if same_after else pb
        sent_start = doc[a].sent.start
        before = [t for t in doc[max(sent_start, prev_end, pa):a] if not quoted[t.i]]
        ends = [k for k, t in enumerate(before) if t.text in (".", "!", "?")]
        if ends:  # the parser ran two sentences together: the quotation opens the second one
            before = before[ends[-1] + 1:]
        lead = text[max(0, q.start - 3):q.start].rstrip()[-1:]
        words_before = [t for t in before if not (t.is_punct or t.is_space)]
        if _quoted_turn(finding, doc):
            continue
        after_end = _sentence_end(doc, b, min(next_start, pb, b + AFTER_WINDOW))
        if words_before and lead not in (":", ","):
            if _is_title(doc, q):
                continue
            if not _partial(finding, doc, a, b, quoted, (pa, pb)):
                _fronted(finding, doc, b, after_end, quoted, max(sent_start, prev_end, pa))
            continue
        if q.closed and (_cue_after(finding, doc, b, after_end, quoted) or _dash_after(finding, doc, b, after_end)):
            continue
        if words_before and _cue_before(finding, doc, before, quoted, lead):
            continue
    return findings


def _sentence_end(doc: Doc, b: int, limit: int) -> int:
    """End of the sentence that follows a closing mark (``"...," he said during X.``)."""
    for i in range(b, limit):
        t = doc[i]
        if t.text in (".", "!", "?") and i > b:
            return i + 1
    return limit


def _outside(quoted: bytearray):
    return lambda i: not quoted[i]


def _cue_after(f: QuoteFinding, doc: Doc, b: int, end: int, quoted: bytearray) -> bool:
    for t in doc[b:end]:
        if quoted[t.i] or not is_cue_verb(t):
            continue
        subj = subject_of(t)
        if subj is not None and quoted[subj.i]:
            continue
        f.kind, f.rule, f.cue_token = "direct", "cue-after", t.i
        f.content = f.quote.span
        f.cue = verb_phrase(t)
        f.source = phrase(subj, _outside(quoted)) if subj is not None else _name_after(doc, t, end)
        return True
    return False


_DASH_NAME = re.compile(r"[ \t]*[\u2015\u2014\u2013-]{1,2}[ \t]*(?P<name>[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,4})")


_QUOTED_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}):[ \t]+(?=\S)")


def _quoted_turn(f: QuoteFinding, doc: Doc) -> bool:
    """``"WALLACE: Let's start with ...`` -- a transcript quoted in an article: the label is the source."""
    m = _QUOTED_LABEL.match(text_of(doc), f.quote.inner[0])
    if m is None or len(m.group("label").replace(".", "")) < 2:
        return False
    source = doc.char_span(*m.span("label"), alignment_mode="expand")
    if source is None:
        return False
    colon = m.end("label")
    f.kind, f.rule, f.cue_token = "direct", "quoted-turn", -colon
    f.content, f.cue, f.source = (m.end(), f.quote.end), (colon, colon + 1), source
    return True


def _dash_after(f: QuoteFinding, doc: Doc, b: int, end: int) -> bool:
    """``"..." \u2015 Sonya Herridge`` (a dash and a name after the quotation, as in vox-pop lists)."""
    m = _DASH_NAME.match(text_of(doc), f.quote.end)
    if m is None:
        return False
    name_end = m.end("name") - (1 if m.group("name").endswith(".") and len(m.group("name").split()[-1]) > 2 else 0)
    source = doc.char_span(m.start("name"), name_end, alignment_mode="expand")
    if source is None:
        return False
    dash = m.group(0).lstrip()[:1]
    dash_at = m.start() + m.group(0).index(dash)
    f.kind, f.rule, f.cue_token = "direct", "dash-name", -dash_at
    f.content, f.cue, f.source = f.quote.span, (dash_at, dash_at + 1), source
    return True


def _name_after(doc: Doc, verb: Token, end: int) -> Span | None:
    """``said Mr. X``: the proper-noun phrase right after an inverted cue."""
    i = verb.i + 1
    while i < end and (doc[i].dep_ in ("npadvmod", "advmod") and doc[i].pos_ != "PROPN"
                       or doc[i].ent_type_ in ("DATE", "TIME")):
        i += 1
    if i < end and doc[i].pos_ in ("PROPN", "NOUN", "PRON"):
        return phrase(doc[i].head if doc[i].head.pos_ == "PROPN" and doc[i].head.i > doc[i].i else doc[i])
    return None


def _earlier_speaker(participle: Token, quoted: bytearray) -> Span | None:
    """``"...," Trump said, adding later, "..."``: a participial cue (the parser often hangs it on the quotation's
    verb) speaks with the subject of the nearest cue verb before it in its sentence, outside quotation marks."""
    doc = participle.doc
    for t in reversed(doc[participle.sent.start:participle.i]):
        if quoted[t.i] or not is_cue_verb(t) or t.tag_ == "VBG":
            continue
        subj = subject_of(t)
        return phrase(subj, _outside(quoted)) if subj is not None and not quoted[subj.i] else None
    return None


def _cue_before(f: QuoteFinding, doc: Doc, before: list[Token], quoted: bytearray, lead: str) -> bool:
    for t in reversed(before):
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            f.kind, f.rule, f.cue_token = "direct", "according-to", t.i
            f.content, f.cue = f.quote.span, doc[t.i:t.i + 2]
            f.source = phrase(obj, _outside(quoted)) if obj is not None else None
            return True
        if is_cue_verb(t):
            subj = subject_of(t)
            f.kind, f.rule, f.cue_token = "direct", "cue-before", t.i
            f.content, f.cue = f.quote.span, verb_phrase(t)
            f.source = phrase(subj, _outside(quoted)) if subj is not None and not quoted[subj.i] else None
            if f.source is None and t.tag_ == "VBG":
                f.source = _earlier_speaker(t, quoted)
            if f.source is None:
                # "Said Ellis: ..." (inverted, the name after the cue) or a misparse leaving "Trump said" subjectless
                f.source = name_after(t) if t.i == t.sent.start else name_before(t)
            return True
    if lead == ":":
        root = next((t for t in before if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
        subj = subject_of(root) if root is not None else None
        if root is not None and subj is not None:
            f.kind, f.rule, f.cue_token = "direct", "colon-before", root.i
            f.content = f.quote.span
            f.cue = doc[root.i:before[-1].i + 1]
            f.source = phrase(subj, _outside(quoted))
            return True
    return False


def _fronted(f: QuoteFinding, doc: Doc, b: int, end: int, quoted: bytearray, clause_start: int) -> bool:
    """``Moscow will face "serious consequences" if ..., Blinken told his counterpart``: a partial
    quotation in a fronted reported clause, cue and subject after it."""
    if not _cue_after(f, doc, b, end, quoted) or f.source is None:
        f.kind = None
        return False
    start = doc[clause_start].idx
    stop = f.source.start_char
    f.kind, f.rule = "mixed", "partial-fronted"
    f.content = _trim_chars(text_of(doc), start, stop)
    return True


def _partial(f: QuoteFinding, doc: Doc, a: int, b: int, quoted: bytearray, para: tuple[int, int]) -> bool:
    """A quotation inside a clause: climb from its root to the governing cue verb (within its paragraph)."""
    node = doc[a:b].root
    if node.is_punct:  # a closing mark the parser left as a sentence of its own: climb from the words instead
        words = [t for t in doc[a:b] if not t.is_punct and not a <= t.head.i < b]
        node = words[0] if words else node
    child = node
    for _ in range(MAX_CLIMB):
        head = node.head
        if head.i == node.i or not para[0] <= head.i < para[1] or (node.dep_ in NO_CLIMB and not quoted[head.i]):
            return False
        child, node = node, head
        if quoted[node.i]:
            continue
        if is_cue_verb(node):
            break
    else:
        return False
    if child.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass", "neg"):
        return False
    if _reported_by_another(node):
        return False  # "She said it underscores that ... "...": the outer report is the attribution
    if child.dep_ in ("prep", "agent"):
        child = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), child)
    subj = subject_of(node)
    if subj is not None and quoted[subj.i]:
        subj = None
    left, right = doc[max(child.left_edge.i, para[0])], doc[min(child.right_edge.i, para[1] - 1)]
    if left.lower_ == "that" and left.i < a and left.head.i > left.i:
        left = doc[left.i + 1]
    if subj is not None and node.i > b and subj.left_edge.i > right.i:
        # Fronted content (``Moscow will face "..." if it invades Ukraine, Blinken told ...``): up to the source.
        right = doc[max(right.i, subj.left_edge.i - 1)]
    start = min(left.idx, f.quote.start)
    end = max(right.idx + len(right), f.quote.end)
    f.kind, f.rule, f.cue_token = "mixed", "partial", node.i
    f.content = _trim_chars(text_of(doc), start, end)
    f.cue = verb_phrase(node)
    f.source = phrase(subj, _outside(quoted)) if subj is not None else name_before(node)
    return True


def _reported_by_another(verb: Token) -> bool:
    """Whether ``verb`` heads a clause reported by another cue verb (``said [it underscores that ...]``)."""
    node = verb
    while node.dep_ in ("ccomp", "conj") and node.head.i != node.i:
        via, node = node.dep_, node.head
        if via == "ccomp" and is_cue_verb(node):
            return True
    return False


def _is_title(doc: Doc, q: Quote) -> bool:
    """A quoted name of a show, film or book (``"Fox News Sunday"``): every word capitalised, at most six."""
    words = text_of(doc)[q.inner[0]:q.inner[1]].strip(" ,.;:!?").split()
    small = {"a", "an", "the", "of", "and", "on", "in", "for", "to", "with", "at", "by"}
    return 0 < len(words) <= 6 and words[0][:1].isupper() and all(w[:1].isupper() or w in small for w in words) \
        and not any(w.lower() in ("i", "we") for w in words) and not words[-1].isupper()


def _trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    while start < end and text[start] in " \t\n,;:":
        start += 1
    return start, end
