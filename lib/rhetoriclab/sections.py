"""Long documents are analysed in sections, so that time and memory grow linearly with their length.

Parsing is bounded by :func:`rhetoriclab.nlp.parse_texts`, but some extractors look at the whole Doc for
each record they make (a speaker's entity, say), so their cost on one Doc grows with the square of its
length: a 300,000-character text spent half its time there. A document longer than :data:`SECTION_CHARS`
is therefore given to the extractors as consecutive sections of at most that many characters, cut where
:func:`~rhetoriclab.nlp.split_windows` cuts (paragraph break, sentence end, space). Each section is a view
of the document -- same id and metadata, ``clean.text`` the section, its map pointing into the whole file --
so every offset a record carries is an offset into the original file. What is lost: a pronoun at the start
of a section is not resolved to a person named in the section before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import numpy as np

from rhetoriclab.documents import Document
from rhetoriclab.nlp import LONG_TEXT_CHARS, split_windows
from rhetoriclab.textclean import CleanText

#: The longest section the extractors see (the same as the longest text parsed whole).
SECTION_CHARS = LONG_TEXT_CHARS


def document_sections(document: Document, size: int | None = None) -> list[Document]:
    """``[document]`` when its cleaned text is at most ``size`` (default :data:`SECTION_CHARS`) characters,
    else views of its consecutive sections (see the module docstring)."""
    size = size or SECTION_CHARS
    clean = document.clean
    if len(clean.text) <= size:
        return [document]
    sections = []
    for start, end in split_windows(clean.text, size):
        index = np.arange(start, end) if clean.index is None else np.asarray(clean.index[start:end])
        view = dataclasses.replace(document)
        view.__dict__["clean"] = CleanText(clean.original, clean.text[start:end], index)
        sections.append(view)
    return sections


def iter_sections(documents: Iterable[Document], size: int | None = None) -> Iterator[Document]:
    """Every document of ``documents``, long ones as their sections (:func:`document_sections`), in order."""
    for document in documents:
        yield from document_sections(document, size)
