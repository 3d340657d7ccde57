"""Small helpers over a spaCy parse shared by the attribution finders: cue verbs, subjects, spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc, Span, Token

#: Speech and stance verbs that introduce a quotation, used alongside the cue lexicon (``cues.yaml``).
QUOTE_VERBS = frozenset("""
say tell add warn state explain note write ask reply respond insist argue claim declare announce remark
continue conclude acknowledge admit caution complain predict suggest urge recall stress emphasize emphasise
observe report tweet post comment joke quip vow promise pledge threaten deny charge assert maintain contend
describe call testify answer counter retort shout yell whisper read brag boast concede confirm agree disagree
point lament mourn demand allege accuse criticize criticise condemn praise thank hail welcome propose offer
recommend signal tout reiterate repeat plead beg implore scoff sneer snap fire muse wonder speculate estimate
calculate forecast reveal disclose divulge dub label term characterize characterise quote cite write blog text
email
""".split())  # noqa: SIM905 -- a readable word list

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you"})


@cache
def cue_test() -> Callable[[str, str], bool]:
    """``is_cue(lemma, word)``: our quote verbs plus the cue lexicon (which also catches lemmatizer misses such
    as ``hopes`` -> ``hop`` from the word itself)."""
    from rhetoriclab.attribution.cues import load_cues

    lexicon = load_cues()
    return lambda lemma, word: lemma in QUOTE_VERBS or lexicon.is_cue(lemma) or \
        lexicon.verb_lemma(lemma, word) is not None


def is_cue_verb(tok: Token) -> bool:
    """A verb (not a modal or copula) whose lemma is a speech or stance cue."""
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" and cue_test()(tok.lemma_.lower(), tok.lower_)


def subject_of(verb: Token, depth: int = 2) -> Token | None:
    """The grammatical subject of ``verb``, inherited from a coordinated or governing verb when it has none."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.i != verb.i:
                return verb.head  # "a doctor who said ...": the antecedent speaks
            return child
    if depth and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head, depth - 1)
    return None


#: Personal pronouns that may speak when the parser gave a cue no subject.
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
#: Penn tags of finite verbs (``said``, ``says``, ``say``): only they take a subject written just before them.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def name_before(verb: Token) -> Span | None:
    """The name or pronoun written right before a finite cue verb the parser gave no subject.

    A misparse fallback (``In a meeting with the Washington Post Trump said that ...`` makes ``Trump`` the
    object of ``of``): only a proper-noun run or a personal pronoun adjacent to the verb (auxiliaries,
    negations and adverbs between them allowed), within its sentence; anything else gives None.
    """
    if verb.tag_ not in FINITE_TAGS:
        return None
    doc, start = verb.doc, verb.sent.start
    j = verb.i - 1
    while j >= start and doc[j].head.i == verb.i and doc[j].dep_ in ("aux", "auxpass", "neg", "advmod"):
        j -= 1
    if j < start:
        return None
    if doc[j].lower_ in SPEAKING_PRONOUNS:
        return doc[j:j + 1]
    if doc[j].pos_ != "PROPN":
        return None
    k = j
    if doc[j].ent_type_:  # the named entity ending there ("... the Washington Post Trump said": "Trump")
        while k > start and doc[k].ent_iob_ == "I":
            k -= 1
        return doc[k:j + 1]
    while k > start and doc[k - 1].pos_ == "PROPN" and not doc[k - 1].is_space:
        k -= 1
    return doc[k:j + 1]


def name_after(verb: Token) -> Span | None:
    """The proper-noun run right after an inverted cue (``Said Ellis: ...``), or None."""
    doc = verb.doc
    k = verb.i + 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and not doc[k].is_space:
        k += 1
    return doc[verb.i + 1:k] if k > verb.i + 1 else None


def phrase(tok: Token, outside: Callable[[int], bool] | None = None) -> Span:
    """The contiguous phrase headed by ``tok`` (its subtree), trimmed of edge punctuation and quoted tokens."""
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    if outside is not None:
        # Never let a speaker phrase reach into a quotation.
        s = tok.i
        while s > start and outside(s - 1):
            s -= 1
        e = tok.i + 1
        while e < end and outside(e):
            e += 1
        start, end = s, e
    for i in range(start, tok.i):  # never across a paragraph break
        if doc[i].is_space and "\n" in doc[i].text:
            start = i + 1
    for i in range(tok.i + 1, end):
        if doc[i].is_space and "\n" in doc[i].text:
            end = i
            break
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def verb_phrase(verb: Token) -> Span:
    """The cue as annotators mark it: the verb with its auxiliaries and particles (``has said``, ``pointed out``)."""
    doc = verb.doc
    left = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    right = [c.i for c in verb.children if c.dep_ == "prt" and c.i > verb.i]
    start = min([verb.i, *left])
    end = max([verb.i, *right]) + 1
    if any(doc[i].is_punct for i in range(start, end)):
        start, end = verb.i, verb.i + 1
    return doc[start:end]


TEXT_KEY = "rhetoriclab.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per extraction (spaCy rebuilds the string on every access, O(length)).

    Cached in ``doc.user_data[TEXT_KEY]``; :func:`rhetoriclab.attribution.extract.extract` removes it when done."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class TokenIndex:
    """Character offset -> token index lookups for one ``Doc`` by bisection (no per-call scans)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.ends = [t.idx + len(t) for t in doc]

    def first_at_or_after(self, char: int) -> int:
        """Index of the first token that ends after ``char`` (``len(doc)`` if none)."""
        return bisect_right(self.ends, char)

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """Half-open token range overlapping characters ``[start, end)``."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end)
