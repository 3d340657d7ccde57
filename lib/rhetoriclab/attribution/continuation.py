"""Turning quotation findings into attributions, joining the pieces of one speaker's quotation.

- a split quotation (``"...," he said. "..."``, ``"...," he said, "..."``) is one attribution with
  several ``parts``;
- a paragraph that opens with a quotation and has no cue continues the last direct quotation of the
  previous paragraph (news convention for long quotations), joined to it;
- a quotation after a paragraph ending ``McCrummen reports:`` takes that cue and source;
- anything else with no cue is returned as *unattributed* (reported, not guessed).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from rhetoriclab.attribution.direct import QuoteFinding
from rhetoriclab.attribution.quotes import Quote
from rhetoriclab.attribution.syntax import TokenIndex, is_cue_verb, phrase, subject_of, text_of, verb_phrase
from rhetoriclab.records import Attribution


def assemble(doc: Doc, doc_id: str, findings: list[QuoteFinding], paragraphs: list[tuple[int, int]],
             index: TokenIndex | None = None) -> tuple[list[Attribution], list[Quote]]:
    """Attributions (kinds ``direct`` and ``mixed``) and the quotations no one could be found for."""
    index = index or TokenIndex(doc)
    out: list[Attribution] = []
    unattributed: list[Quote] = []
    last: Attribution | None = None
    last_para = -1
    for f in findings:
        q = f.quote
        if f.kind is not None:
            if last is not None and f.kind == "direct" and last.meta.get("cue_token") == f.cue_token:
                _join(doc, last, q, "split")
                last_para = q.paragraph
                continue
            same = next((o for o in out[-3:] if f.kind == o.kind == "mixed" and o.content == f.content), None)
            if same is not None:  # two partial quotations in one reported clause: one attribution
                same.meta["parts"].append(q.span)
                continue
            a = _attribution(doc, doc_id, f)
            out.append(a)
            if f.kind == "direct":
                last, last_para = a, q.paragraph
            continue
        if last is not None and (q.paragraph == last_para or (q.opens_paragraph and q.paragraph == last_para + 1)):
            _join(doc, last, q, "split" if q.paragraph == last_para else "paragraph-continuation")
            last_para = q.paragraph
            continue
        intro = _colon_intro(doc, q, paragraphs, index) if q.opens_paragraph and q.paragraph > 0 else None
        if intro is not None:
            out.append(_attribution(doc, doc_id, intro))
            last, last_para = out[-1], q.paragraph
            continue
        unattributed.append(q)
    return out, unattributed


def _attribution(doc: Doc, doc_id: str, f: QuoteFinding) -> Attribution:
    start, end = f.content or f.quote.span
    meta = {"parts": [f.quote.span], "cue_token": f.cue_token}
    if f.quote.flags:
        meta["flags"] = list(f.quote.flags)
    if f.source is not None:
        meta["source_root"] = f.source.root.i
    return Attribution(
        doc_id=doc_id, kind=f.kind or "direct", content=(start, end), content_text=text_of(doc)[start:end],
        cue=_chars(f.cue), cue_text=text_of(doc)[slice(*_chars(f.cue))] if f.cue is not None else None,
        source=_chars(f.source), source_text=f.source.text if f.source is not None else None,
        rule=f.rule, meta=meta,
    )


def _chars(span: Span | tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None or isinstance(span, tuple):
        return span
    return (span.start_char, span.end_char)


def _join(doc: Doc, a: Attribution, q: Quote, how: str) -> None:
    start, end = min(a.content[0], q.start), max(a.content[1], q.end)
    a.content = (start, end)
    a.content_text = text_of(doc)[start:end]
    a.meta["parts"].append(q.span)
    if q.flags:
        a.meta.setdefault("flags", []).extend(q.flags)
    if how not in a.rule:
        a.rule = f"{a.rule}+{how}"


#: A press release's heading for a quotation: ``From Chairwoman Maxine Waters:``, ``Statement by the Minister:``.
FROM_LABEL = re.compile(r"^(?:From|Statement (?:from|by)|Quote from|Remarks by)\s+(?P<name>[A-Z][^:\n]{2,80}?):$")


def _colon_intro(doc: Doc, q: Quote, paragraphs: list[tuple[int, int]], index: TokenIndex) -> QuoteFinding | None:
    """``McCrummen reports:`` or ``From Chairwoman Maxine Waters:`` closing the previous paragraph introduces this
    one's quotation."""
    ps, pe = paragraphs[q.paragraph - 1]
    if not text_of(doc)[ps:pe].rstrip().endswith(":"):
        return None
    a, b = index.tokens(ps, pe)
    if a >= b:
        return None
    from_label = FROM_LABEL.match(text_of(doc)[ps:pe].strip())
    if from_label is not None:  # "From Chairwoman Maxine Waters:" heading a press release's quotation
        lead = len(text_of(doc)[ps:pe]) - len(text_of(doc)[ps:pe].lstrip())
        start, end = ps + lead + from_label.start("name"), ps + lead + from_label.end("name")
        source = doc.char_span(start, end, alignment_mode="expand")
        return QuoteFinding(q, "direct", q.span, (end, end + 1), source, "from-label", -end)
    sent = doc[b - 1].sent
    for t in reversed(doc[max(a, sent.start):b]):
        if is_cue_verb(t):
            subj = subject_of(t)
            return QuoteFinding(q, "direct", q.span, verb_phrase(t), phrase(subj) if subj is not None else None,
                                "colon-intro", t.i)
    return None
