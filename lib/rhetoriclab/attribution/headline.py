"""Headline attributions: ``Pat Caddell: Democrat Voters Worried About Clinton's Health``.

A news headline of the form ``SOURCE: CONTENT`` attributes its content to the source. Only the text's first
paragraph is considered, only when it is a single line, and only when the source is a named person or
organisation (the parser's PERSON/ORG entity ends it, one or two proper nouns, or the surname of a person the
article names) or a word like ``Poll``
-- so that ``The Latest: ...`` is not taken for a speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from rhetoriclab.attribution.syntax import text_of
from rhetoriclab.records import Attribution

HEADLINE = re.compile(r"(?P<source>[A-Z][^:\n]{0,60}?):[ \t]+(?P<content>\S[^\n]*)")
SOURCE_WORDS = frozenset({"poll", "report", "study", "survey", "sources", "officials", "analysis"})
MAX_CHARS = 200


def _named_in_body(doc: Doc, source: str, body_start: int) -> bool:
    """``Sanders: ...`` when the article names ``Bernie Sanders`` (a PERSON or ORG entity ending in the source's
    last word): headlines use surnames the parser cannot recognise out of context."""
    words = source.split()
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1].casefold()
    return any(ent.label_ in ("PERSON", "ORG") and ent.start_char >= body_start and
               ent.text.split()[-1].casefold().removesuffix("'s") == last for ent in doc.ents)


def find_headline(doc: Doc, doc_id: str, first_paragraph: tuple[int, int] | None) -> list[Attribution]:
    """The headline attribution in ``first_paragraph`` (at most one), kind ``indirect``, rule ``headline-colon``."""
    if first_paragraph is None:
        return []
    text = text_of(doc)
    start, end = first_paragraph
    if end - start > MAX_CHARS or "\n" in text[start:end]:
        return []
    m = HEADLINE.fullmatch(text, start, end)
    if m is None or len(m.group("source").split()) > 6:
        return []
    s, e = m.span("source")
    span = doc.char_span(s, e, alignment_mode="expand")
    named = span is not None and any(ent.label_ in ("PERSON", "ORG") and ent.end_char >= e - 1 for ent in span.ents)
    proper = span is not None and len(span) <= 2 and all(t.pos_ == "PROPN" for t in span) \
        and span[0].lower_ not in ("the", "a", "an")
    if not (named or proper or _named_in_body(doc, m.group("source"), end)) and \
            m.group("source").lower() not in SOURCE_WORDS:
        return []
    colon = m.end("source")
    cs, ce = m.span("content")
    return [Attribution(doc_id=doc_id, kind="indirect", content=(cs, ce), content_text=text[cs:ce],
                        cue=(colon, colon + 1), cue_text=":", source=(s, e), source_text=text[s:e],
                        rule="headline-colon", meta={"parts": [(cs, ce)]})]
