"""A paragraph introduced by a cue and a colon: ``The President said:`` followed by what he said, unquoted.

Press releases and transcripts often print a statement as its own paragraph after ``X said:`` or ``X added:``
with no quotation marks (quoted paragraphs are handled with the quotations, rule ``colon-intro``). The rule
``colon-paragraph`` takes the next paragraph as the content when the paragraph before ends with a cue verb (or
``said in a statement``) followed by a colon and that verb has a subject. The next paragraph must not open with
a quotation mark or a speaker label, and must not end with a colon itself.
"""

from __future__ import annotations

from spacy.tokens import Doc

from rhetoriclab.attribution.syntax import TokenIndex, is_cue_verb, phrase, subject_of, text_of, verb_phrase
from rhetoriclab.records import Attribution

_QUOTES = "\"'\u201c\u2018"
#: Words that may stand between the cue and the colon: ``said in a statement:``, ``told reporters:``.
MAX_TAIL_TOKENS = 6


def find_colon_paragraphs(doc: Doc, doc_id: str, paragraphs: list[tuple[int, int]],
                          index: TokenIndex | None = None) -> list[Attribution]:
    """Attributions of rule ``colon-paragraph`` (kind ``direct``: the paragraph is the speaker's own words)."""
    text = text_of(doc)
    index = index or TokenIndex(doc)
    found = []
    for (ps, pe), (ns, ne) in zip(paragraphs, paragraphs[1:], strict=False):
        if not text[ps:pe].rstrip().endswith(":"):
            continue
        nxt = text[ns:ne].strip()
        if not nxt or nxt[0] in _QUOTES or nxt.endswith(":") or nxt.split(":", 1)[0].isupper():
            continue
        a, b = index.tokens(ps, pe)
        if a >= b:
            continue
        toks = [t for t in doc[a:b] if not t.is_space]
        if len(toks) < 3 or toks[-1].text != ":":
            continue
        tail = toks[max(0, len(toks) - 1 - MAX_TAIL_TOKENS):-1]
        verb = next((t for t in reversed(tail) if is_cue_verb(t)), None)
        subj = subject_of(verb) if verb is not None else None
        if subj is None or subj.i < toks[-1].sent.start:
            continue
        source = phrase(subj)
        cue = verb_phrase(verb)
        lead = len(text[ns:ne]) - len(text[ns:ne].lstrip())
        start, end = ns + lead, ns + lead + len(nxt)
        found.append(Attribution(
            doc_id=doc_id, kind="direct", content=(start, end), content_text=text[start:end],
            cue=(cue.start_char, cue.end_char), cue_text=cue.text, source=(source.start_char, source.end_char),
            source_text=source.text, rule="colon-paragraph", meta={"parts": [(start, end)], "cue_token": verb.i}))
    return found
