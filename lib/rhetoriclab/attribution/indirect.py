"""Reported (indirect) speech: ``X said (that) ...``, ``X urged Y to ...``, ``according to X, ...``.

Pure functions over a parsed spaCy ``Doc`` (no re-parsing). A cue is a word in the cue lexicon
(:mod:`rhetoriclab.attribution.cues`); the content is the clause the parser hangs on it (a ``ccomp``
or, for verbs of urging, promising and refusing, an ``xcomp``); the source is the cue's grammatical
subject, found by climbing through conjoined, participial and relative clauses when the cue has none
(``Mr. Obama, who said ...`` gives the source ``Mr. Obama, who``).

Rules (the ``rule`` field of each attribution):

``verb-ccomp``             ``Mr. Lavrov said Thursday that Moscow sees ...``
``verb-xcomp``             ``Mr. Blinken pushed Moscow to abide by the Minsk agreements``
``verb-postposed``         ``The troops are massing near the border, officials said.`` (content before the cue)
``verb-parenthetical``     ``Russia, the official said, will respond.`` (the span includes the cue and source; also
                           when the parser misses it: ``These employees, Stumpf explained earlier, were ...``)
``verb-as-parenthetical``  ``As Mr Gref said, we have schoolchildren in the hall.``, ``as X put it``
``verb-prep-topic``        ``She spoke about her deep ties to black churches`` (a cue verb with no clause or object of
                           its own and a topic preposition: ``data/attribution_patterns.yaml``)
``verb-object``            ``The Kremlin denied the allegations.``, ``Reid mocked Romney for not releasing ...``
                           (evaluations and verbs of saying + noun phrase and its ``as``/``for``/``from`` complements;
                           not when the object is the addressee: ``warned the West``)
``verb-prep-object``       ``The minister called for tougher sanctions.`` (multiword cue ending in a preposition)
``verb-object-predicate``  ``The campaign called the charges unsubstantiated.``
``adj-ccomp``              ``Officials are confident that ...`` (``be confident`` is a multiword cue)
``according-to``           ``According to the Kremlin, the talks were productive.``
``noun-clause``            ``The ministry's claim that Kyiv was preparing an offensive``, ``a warning from Washington
                           that ...``
``noun-complement``        ``the Kremlin's demand for guarantees``, ``Moscow's refusal to negotiate`` (an owner is
                           needed), ``Clinton's bet is that ...``
``in-owner-words``         ``In his words, the current mortgage portfolio is valued at ...``, ``in the ministry's view``

The cue is the lexicon entry of the verb's lemma or, when the lemmatizer missed (``hopes`` -> ``hop``), of
the word's own base form. A cue with no subject takes a name or pronoun written right before it (a misparse
fallback, :func:`rhetoriclab.attribution.syntax.name_before`); a claim noun without a possessive belongs to
the subject of the verb it is the object of (``Democrats persisted in arguments that ...``); a gerund after a
preposition to the subject of its clause (``Trump was right in saying ...``). Questions (``Does the President
believe ...?``) report nothing.

Content never crosses a blank line (paragraph); a source found across one is dropped (the parser
sometimes runs a headline into the first sentence). First- and second-person cues of belief
(``I think``, ``you know``) and cues inside quotation marks with such a subject are discourse, not
attribution, and are skipped.

Spans are character offsets into ``doc.text``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from rhetoriclab.attribution.cues import CueLexicon, load_cues
from rhetoriclab.attribution.patterns import Patterns, load_patterns
from rhetoriclab.attribution.syntax import name_before
from rhetoriclab.records import Attribution
from rhetoriclab.textclean import paragraph_spans

#: Stances whose verbs take an infinitive as their content: "urged Russia to ...", "vowed to ...".
XCOMP_STANCES = frozenset({"appeal", "promise", "threat", "reject", "offer", "warning", "agree"})
#: Verbs that take an infinitive content whatever their stance.
XCOMP_VERBS = frozenset({"ask", "tell", "call", "advise", "remind", "want", "plan", "hope", "intend", "seek", "aim"})
#: Verbs whose infinitive is an action, not a message ("need to", "was forced to", "plans to").
NO_XCOMP_VERBS = frozenset({"need", "require", "force", "allow", "expect", "invite",
                            "determine", "prove", "see", "compel", "oblige"})
#: Stances whose verbs can take a plain noun phrase as content: evaluations ("denied the allegations") and
#: verbs of saying, whose object is the topic or message ("discussed the plan", "stressed the risks"). Not verbs
#: of belief, perception or evidence ("saw the crowd", "showed a lead"): their object is seldom a message.
OBJECT_STANCES = frozenset({"disapprove", "reject", "support", "accuse", "neutral", "assert", "agree"})
#: Verbs whose direct object is the addressee, not the message ("told reporters", "warned the West").
ADDRESSEE_VERBS = frozenset({"tell", "ask", "warn", "urge", "remind", "advise", "inform", "assure", "brief", "notify",
                             "caution", "answer", "thank", "address", "contact", "reassure", "persuade"})
#: Further verbs whose noun-phrase object is what was said ("cited the audit", "acknowledged their uphill battle").
OBJECT_VERBS = frozenset({"cite", "mention", "acknowledge", "admit", "propose", "demand", "announce",
                          "predict", "promise", "pledge", "question", "dispute"})
#: Prepositions that continue a noun-phrase content (``as``-predicates, reasons, sources): time and place do not.
COMPLEMENT_PREPS = frozenset({"as", "for", "from", "over", "about", "of", "against", "into"})
#: Subjects that make ``think``/``know`` a discourse marker rather than an attribution.
SPEECH_PARTICIPANTS = frozenset({"i", "we", "you"})
#: Clausal relations a cue may hang off when it has no subject of its own.
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "relcl", "pcomp", "parataxis"})
SUBJECT_DEPS = ("nsubj", "csubj")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
#: Subjects that are no source at all ("It is said that ...", "There were reports that ...").
EXPLETIVES = frozenset({"there"})
#: Trailing parts of a subject's subtree left out of the source span.
SOURCE_CUT_DEPS = frozenset({"relcl", "acl", "punct", "advcl"})
#: Content that overlaps a taken span by at least this share of its characters is skipped.
TAKEN_OVERLAP = 0.5
QUOTE = '"'
#: Characters stripped from the edges of a content span after clipping it to a paragraph.
_CONTENT_EDGE = " \t\n,;:-"


@dataclass(frozen=True)
class _Run:
    """What every rule needs: the document id, its text (``Doc.text`` is rebuilt on each access) and the lexicon."""

    doc_id: str
    text: str
    cues: CueLexicon
    patterns: Patterns


def find_indirect(
    doc: Doc,
    doc_id: str,
    *,
    taken: Sequence[tuple[int, int]] = (),
    cues: CueLexicon | None = None,
    nested: bool = False,
) -> list[Attribution]:
    """Reported-speech attributions in ``doc``, in text order.

    ``taken`` are character spans already claimed (direct quotes); a clause whose content overlaps
    one of them by at least half its characters is skipped. Unless ``nested``, a cue that sits inside
    another attribution's content or inside a taken span ("X said Y believes that ...") is skipped too:
    news annotation (PolNeAR) mostly leaves such embedded reports unmarked. ``speaker`` is left ``None``.
    """
    if len(doc) == 0:
        return []
    if not doc.has_annotation("DEP"):
        raise ValueError(f"{doc_id}: find_indirect needs a dependency parse (use rhetoriclab.nlp.load_nlp())")
    cues = cues or load_cues()
    run = _Run(doc_id, doc.text, cues, load_patterns())
    paras = paragraph_spans(run.text)
    starts = [p[0] for p in paras]
    found: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for sent in doc.sents:
        for att in _sentence_attributions(sent, run):
            att = _within_paragraph(att, run.text, paras[bisect_right(starts, att.cue[0]) - 1] if paras else None)
            if att is None or att.content in seen or _overlaps_taken(att.content, taken):
                continue
            seen.add(att.content)
            found.append(att)
    if not nested:
        outer = [*taken, *(a.content for a in found)]
        found = [a for a in found if not _is_embedded(a, outer)]
    found.sort(key=lambda a: (a.content[0], a.cue[0] if a.cue else -1))
    return found


def _within_paragraph(att: Attribution, text: str, para: tuple[int, int] | None) -> Attribution | None:
    """Clip the content to the cue's paragraph and drop a source found across a paragraph break.

    The parser sometimes runs a headline or dateline into the next paragraph's first sentence.
    """
    if para is None or att.cue is None:
        return att
    lo, hi = para
    start, end = max(att.content[0], lo), min(att.content[1], hi)
    piece = text[start:end]
    stripped = piece.strip(_CONTENT_EDGE)
    if not any(c.isalnum() for c in stripped):
        return None
    start += len(piece) - len(piece.lstrip(_CONTENT_EDGE))
    end = start + len(stripped)
    if (start, end) != att.content:
        att.content, att.content_text = (start, end), text[start:end]
        att.kind = "mixed" if QUOTE in att.content_text else "indirect"
    if att.source is not None and not (lo <= att.source[0] and att.source[1] <= hi):
        att.source = att.source_text = None
    return att


def _is_embedded(att: Attribution, outer: Sequence[tuple[int, int]]) -> bool:
    """Whether the cue of ``att`` lies inside some other content span."""
    if att.cue is None:
        return False
    return any(s <= att.cue[0] and att.cue[1] <= e and (s, e) != att.content for s, e in outer)


def _sentence_attributions(sent: Span, run: _Run) -> Iterable[Attribution]:
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            att = _according_to(tok, sent, run)
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            att = _in_owner_words(tok, sent, run)
        elif tok.pos_ in ("VERB", "AUX"):
            att = _verb_cue(tok, sent, run)
        elif tok.pos_ == "ADJ":
            att = _adjective_cue(tok, run)
        elif tok.pos_ == "NOUN":
            att = _noun_cue(tok, run)
        else:
            att = None
        if att is not None:
            yield att


# --- cues ---------------------------------------------------------------------------------------------


def cue_lemma(tok: Token, cues: CueLexicon) -> str | None:
    """The lexicon entry ``tok`` stands for: a phrasal verb ("point out", "call on") or its own lemma."""
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and child.i > tok.i:
            multi = f"{lemma} {child.lower_}"
            if multi in cues.multiwords:
                return multi
    if tok.pos_ in ("VERB", "AUX"):
        return cues.verb_lemma(lemma, tok.lower_)
    return lemma if lemma in cues.verbs else None


def _verb_cue(tok: Token, sent: Span, run: _Run) -> Attribution | None:
    cues = run.cues
    lemma = cue_lemma(tok, cues)
    if lemma is None:
        return None
    if _is_question(tok, sent):
        return None
    stance = cues.stance(lemma)
    source = _source(tok)
    if source is None:
        name = name_before(tok)
        source = (name.root, list(name)) if name is not None else None
    if source is not None and _is_discourse_marker(tok, source[0], stance, run):
        return None
    rule = "verb-ccomp"
    content_head = _content_clause(tok)
    if content_head is None and _takes_infinitive(tok, lemma, stance):
        content_head, rule = _child(tok, ("xcomp",)), "verb-xcomp"
    if content_head is None:
        tokens, rule = set(), ""
        if source is not None and stance in PARENTHETICAL_STANCES and source[1][-1].lower_ not in RELATIVE_PRONOUNS:
            tokens, rule = _comma_parenthetical(tok, source[1], sent), "verb-parenthetical"
        if not tokens:
            tokens, rule = _nominal_content(tok, lemma, stance, run.patterns)
        if not tokens:
            return None
    elif content_head.i < tok.i and (source is None or content_head.i < source[1][0].i):
        rule = "verb-postposed"
        tokens = _postposed_content(tok, content_head, sent, source)
    else:
        tokens = _clause_tokens(content_head, cues)
        if rule == "verb-xcomp":  # "urged Russia to ...", "called on Russia to ...": the addressee belongs to it
            obj = _child(tok, ("dobj",)) or _prep_object(tok, lemma)
            if obj is not None and obj.i < content_head.i:
                tokens |= {t.i for t in obj.subtree}
    return _make(run, tok.doc, tokens, _cue_span(tok, lemma), source, rule, lemma)


def _content_clause(tok: Token) -> Token | None:
    """The cue's clausal complement: the first ``that``-clause after it (``X had become so bad, Mr. Obama noted,
    that ...``: the clause before is the parser's guess), else its first ``ccomp``."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    marked = [c for c in clauses if c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return marked[0] if marked and clauses[0].i < tok.i else (clauses[0] if clauses else None)


def _is_question(tok: Token, sent: Span) -> bool:
    """``Does the President believe Russia will invade?``: an auxiliary before the cue's subject in a question
    asks whether something was said or thought; it reports nothing."""
    if not sent.text.rstrip().rstrip('"\'').endswith("?"):
        return False
    subjects = [c.i for c in tok.children if c.dep_ in SUBJECT_DEPS]
    return any(c.dep_ == "aux" and subjects and c.i < max(subjects) for c in tok.children)


def _takes_infinitive(tok: Token, lemma: str, stance: str | None) -> bool:
    """Active verbs of urging, promising, refusing ...: "vowed to ...", not "was undertaken to ..."."""
    if lemma in NO_XCOMP_VERBS or _child(tok, ("auxpass", "nsubjpass")) is not None:
        return False
    return stance in XCOMP_STANCES or lemma in XCOMP_VERBS


def _nominal_content(tok: Token, lemma: str, stance: str | None, patterns: Patterns) -> tuple[set[int], str]:
    """Content that is not a clause: a parenthetical cue's host clause (``Russia, the official said, will ...``,
    ``..., as Mr. Lavrov put it``), ``called X Y``, ``called for X``, ``spoke about X``."""
    if tok.dep_ == "parataxis" and tok.head.i != tok.i and _subject(tok) is not None:
        own = {t.i for t in tok.subtree}
        return {t.i for t in tok.head.subtree if t.i not in own}, "verb-parenthetical"
    if tok.dep_ == "advcl" and tok.head.i != tok.i and _is_as_parenthetical(tok, lemma, stance):
        own = {t.i for t in tok.subtree}  # "as X put it", "as the minister said": the host clause is the content
        return {t.i for t in tok.head.subtree if t.i not in own}, "verb-as-parenthetical"
    obj = _child(tok, ("dobj",))
    pred = _child(tok, ("oprd",))
    if obj is not None and pred is not None and obj.i < pred.i:
        return {t.i for t in obj.subtree} | {t.i for t in pred.subtree}, "verb-object-predicate"
    pobj = _prep_object(tok, lemma)
    if pobj is not None:
        return _with_complements(tok, pobj), "verb-prep-object"
    takes_object = (stance in OBJECT_STANCES or lemma in OBJECT_VERBS) and lemma not in ADDRESSEE_VERBS \
        and lemma not in patterns.no_object_verbs
    if obj is not None and takes_object and obj.i > tok.i and obj.pos_ in ("NOUN", "PROPN"):
        return _with_complements(tok, obj), "verb-object"
    if obj is None and lemma not in ADDRESSEE_VERBS:
        topic = _topic_object(tok, stance, patterns)
        if topic is not None:
            return {t.i for t in topic.subtree}, "verb-prep-topic"
    return set(), ""


#: Stances of cues that can stand between commas inside what they report (``X, Stumpf explained, were ...``).
PARENTHETICAL_STANCES = frozenset({"neutral", "assert", "admit", "warning"})
#: Dependents that may follow a parenthetical cue before its closing comma: ``explained earlier in the hearing``.
_PARENTHETICAL_TAIL = frozenset({"advmod", "prep", "pobj", "npadvmod", "prt", "det", "compound", "amod", "poss",
                                 "case", "nummod"})


def _comma_parenthetical(cue: Token, source: list[Token], sent: Span) -> set[int]:
    """``These employees, Stumpf explained earlier in the hearing, were "well-paid"``: a cue and its subject set
    off by commas inside the reported sentence, whatever the parser made of it. The content is the sentence
    without the parenthetical; nothing when the commas or the words around them are missing."""
    doc = cue.doc
    left = source[0].i - 1
    if left > sent.start and doc[left].lower_ == "as":
        left -= 1
    if left <= sent.start or doc[left].text != ",":
        return set()
    right = cue.i + 1
    while right < sent.end and doc[right].text != "," and doc[right].dep_ in _PARENTHETICAL_TAIL and \
            cue.i <= doc[right].head.i or right < sent.end and doc[right].head.i > cue.i and doc[right].text != "," \
            and right - cue.i <= 6 and doc[right].dep_ in _PARENTHETICAL_TAIL:
        right += 1
    if right >= sent.end or doc[right].text != ",":
        return set()
    start = max([t.i + 1 for t in doc[sent.start:left] if t.text == ":"], default=sent.start)  # after a label
    before = [t.i for t in doc[start:left] if not t.is_punct]
    after = [t.i for t in doc[right + 1:sent.end] if not t.is_space]
    if len(before) < 1 or len([i for i in after if not doc[i].is_punct]) < 3:
        return set()
    return set(range(start, left)) | set(range(right + 1, sent.end))


def _is_as_parenthetical(tok: Token, lemma: str, stance: str | None) -> bool:
    """``as X put it``, ``as the minister said``: a verb of saying under ``as`` with a subject and no content of
    its own; not ``as improbable as it seems`` nor ``as he welcomed ...``."""
    mark = next((m for m in tok.children if m.dep_ == "mark" and m.lower_ == "as"), None)
    if mark is None or _child(tok, SUBJECT_DEPS) is None or _child(tok, ("ccomp", "xcomp")) is not None:
        return False
    if mark.i > 0 and tok.doc[mark.i - 1].pos_ in ("ADJ", "ADV"):
        return False
    return stance in ("neutral", "assert") or lemma == "put"


#: Entity types that make a prepositional object a time, place or outlet rather than a topic ("on Tuesday").
_CIRCUMSTANCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "ORG", "EVENT", "CARDINAL"})


def _topic_object(tok: Token, stance: str | None, patterns: Patterns) -> Token | None:
    """``spoke about [the risks]``, ``warned of [consequences]``, ``lashed out at [Kyiv]``: the object of the first
    topic preposition after a cue verb that has no clause or object of its own."""
    for prep in tok.rights:
        if prep.dep_ != "prep":
            continue
        if not patterns.topic_prep_ok(prep.lower_, stance):
            continue
        pobj = _child(prep, ("pobj", "pcomp"))
        if pobj is None or (pobj.ent_type_ in _CIRCUMSTANCE_ENTS and prep.lower_ == "on"):
            continue
        return pobj
    return None


def _with_complements(verb: Token, obj: Token) -> set[int]:
    """The object's subtree and the verb's complements after it: ``mocked [Romney for not releasing his
    returns]``, ``attacked [her opponent as a fraud]``, ``blocked [the company from abandoning ...]``."""
    tokens = {t.i for t in obj.subtree}
    for child in verb.rights:
        if child.i > obj.i and child.dep_ == "prep" and child.lower_ in COMPLEMENT_PREPS:
            tokens |= {t.i for t in child.subtree}
    return tokens


def _prep_object(tok: Token, lemma: str) -> Token | None:
    """The object of the preposition of a multiword cue: "called for [an investigation]"."""
    if " " not in lemma:
        return None
    word = lemma.split(" ", 1)[1]
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == word), None)
    return _child(prep, ("pobj", "pcomp")) if prep is not None else None


def _is_discourse_marker(tok: Token, subject: Token, stance: str | None, run: _Run) -> bool:
    """``I think``, ``you know``: a first/second-person cue of belief, or any such cue inside quotation marks."""
    if subject.lower_ not in SPEECH_PARTICIPANTS:
        return False
    return stance == "belief" or _inside_quotes(tok, run)


def _inside_quotes(tok: Token, run: _Run) -> bool:
    text = run.text
    line_start = text.rfind("\n", 0, tok.idx) + 1
    return text.count(QUOTE, line_start, tok.idx) % 2 == 1


def _adjective_cue(tok: Token, run: _Run) -> Attribution | None:
    cues = run.cues
    lemma = f"be {tok.lemma_.lower()}"
    if lemma not in cues.multiwords or tok.dep_ != "acomp":
        return None
    content_head = _child(tok, ("ccomp",)) or _child(tok.head, ("ccomp",))
    if content_head is None or content_head.i < tok.i:
        return None
    source = _source(tok.head)
    cue = (tok.head.idx, tok.idx + len(tok.text))
    return _make(run, tok.doc, _clause_tokens(content_head, cues), cue, source, "adj-ccomp", lemma)


def _noun_cue(tok: Token, run: _Run) -> Attribution | None:
    cues = run.cues
    lemma = tok.lemma_.lower()
    if lemma not in cues.nouns:
        return None
    clause = next(
        (c for c in tok.rights if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark"
                                                                      for m in c.children)),
        None,
    )
    owner = _noun_owner(tok, run.patterns)
    rule = "noun-clause"
    if clause is None:
        clause, rule = _noun_complement(tok, owner, run), "noun-complement"
        if clause is None:
            return None
    if owner is None and _inside_quotes(tok, run):
        return None  # "I have no doubts that ..." inside a quotation: the quotation is the attribution
    source = (owner, _source_tokens(owner)) if owner is not None else _noun_holder(tok, cues)
    cue = (tok.idx, tok.idx + len(tok.text))
    return _make(run, tok.doc, {t.i for t in clause.subtree}, cue, source, rule, lemma)


def _noun_owner(noun: Token, patterns: Patterns) -> Token | None:
    """Whose claim, demand or warning a noun cue is: its possessive (``Moscow's claim``) or the object of
    ``from``/``by`` after it (``a warning from Washington``)."""
    owner = _child(noun, ("poss",))
    if owner is not None:
        return owner
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in patterns.noun_owner_preps:
            pobj = _child(prep, ("pobj",))
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and pobj.ent_type_ not in _CIRCUMSTANCE_ENTS - {
                    "ORG", "GPE"}:
                return pobj
    return None


def _noun_complement(noun: Token, owner: Token | None, run: _Run) -> Token | None:
    """Content of a noun cue without a ``that``-clause: ``the Kremlin's demand [for guarantees]``, ``Moscow's
    refusal [to negotiate]`` (an owner is needed), or the clause a copula gives it (``Clinton's bet is [that
    ...]``)."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be" and head.i > noun.i:
        clause = _child(head, ("ccomp",))
        if clause is not None and clause.i > head.i:
            return clause
    if owner is None or run.cues.stance(noun.lemma_.lower(), "noun") == "evidence":
        return None
    for child in noun.rights:
        if child.dep_ == "acl" and child.tag_ == "VB" and _child(child, ("aux",)) is not None:
            return child  # "refusal to negotiate"
        if child.dep_ == "prep" and child.lower_ in run.patterns.noun_content_preps and child.i != owner.head.i:
            pobj = _child(child, ("pobj", "pcomp"))
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return child if child.lower_ in ("about", "over", "against") else pobj
    return None


def _noun_holder(noun: Token, cues: CueLexicon) -> tuple[Token, list[Token]] | None:
    """Whose claim a noun cue without a possessive is: the subject of the verb it is the object of
    (``Democrats persisted in arguments that ...``, ``The ministry made the claim that ...``), unless that
    verb is itself a cue (``rejected the claim that ...``: the claim is someone else's)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    if head.pos_ not in ("VERB", "AUX") or cue_lemma(head, cues) is not None:
        return None
    return _source(head)


def _according_to(tok: Token, sent: Span, run: _Run) -> Attribution | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = _child(to, ("pobj",)) if to is not None else None
    if pobj is None:
        return None
    skip = {t.i for t in tok.subtree}
    head = tok.head if tok.head.i != tok.i else tok
    scope = head.subtree if head.i != tok.i else iter(sent)
    tokens = {t.i for t in scope if t.i not in skip and sent.start <= t.i < sent.end}
    cue = (tok.idx, to.idx + len(to.text))
    return _make(run, tok.doc, tokens, cue, (pobj, _source_tokens(pobj)), "according-to", "according to")


def _in_owner_words(tok: Token, sent: Span, run: _Run) -> Attribution | None:
    """``In Mr. Lavrov's words, ...``, ``in the ministry's view, ...``: the host clause, said or held by the owner."""
    pobj = _child(tok, ("pobj",))
    if pobj is None or pobj.lemma_.lower() not in run.patterns.in_owner_nouns and \
            pobj.lower_ not in run.patterns.in_owner_nouns:
        return None
    owner = _child(pobj, ("poss",))
    if owner is None or owner.lower_ in ("my", "our", "your"):
        return None
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    skip = {t.i for t in tok.subtree}
    tokens = {t.i for t in head.subtree if t.i not in skip and sent.start <= t.i < sent.end}
    cue = (tok.idx, pobj.idx + len(pobj.text))
    return _make(run, tok.doc, tokens, cue, (owner, _source_tokens(owner)), "in-owner-words", "according to")


# --- content ------------------------------------------------------------------------------------------


def _clause_tokens(head: Token, cues: CueLexicon) -> set[int]:
    """The clause under ``head`` without conjoined or adverbial cue clauses of their own (``... but warned that
    ...``, ``..., although he again refused to ...``)."""
    tokens = {t.i for t in head.subtree}
    for child in head.children:
        if child.i > head.i and cue_lemma(child, cues) and _child(child, ("ccomp", "xcomp")) and \
                (child.dep_ == "conj" or child.dep_ == "advcl" and _child(child, SUBJECT_DEPS) is not None):
            cut = {t.i for t in child.subtree}
            cut |= {c.i for c in head.children if c.dep_ in ("cc", "punct") and head.i < c.i < child.i}
            tokens -= cut
    return tokens


def _postposed_content(cue: Token, content_head: Token, sent: Span, source: tuple | None) -> set[int]:
    """Content before a sentence-final cue: from the sentence start to just before the source (or cue)."""
    stop = min(source[1][0].i, cue.i) if source else cue.i
    start = min(sent.start, content_head.left_edge.i)
    return set(range(start, stop))


# --- sources ------------------------------------------------------------------------------------------


def _source(tok: Token) -> tuple[Token, list[Token]] | None:
    """The cue's subject (head token, span tokens), climbing through clauses that lack one."""
    cur = tok
    for _ in range(4):
        subj = _subject(cur)
        if subj is not None:
            if subj.lower_ in EXPLETIVES:
                return None
            if subj.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                # "Mr. Obama, who said ...": the antecedent through the relative pronoun
                antecedent = _source_tokens(cur.head)
                if antecedent[-1].i < subj.i:
                    antecedent = list(subj.doc[antecedent[0].i : subj.i + 1])
                return cur.head, antecedent
            return subj, _source_tokens(subj)
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            return None
        if cur.dep_ == "relcl":
            return cur.head, _source_tokens(cur.head)
        nxt = cur.head
        if nxt.pos_ == "ADP" and cur.dep_ == "pcomp" and nxt.head.i != nxt.i:
            nxt = nxt.head  # "without condemning ...", "in saying ...": the clause the preposition belongs to
            if nxt.dep_ == "acomp" and nxt.head.i != nxt.i:
                nxt = nxt.head  # "Trump is right in saying ..."
        elif nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i != nxt.i:
            nxt = nxt.head  # "released a statement saying ..." -> the verb governing "statement"
            if nxt.pos_ == "ADP" and nxt.head.i != nxt.i:
                nxt = nxt.head  # "in a statement saying ..."
        elif cur.dep_ == "conj" and nxt.dep_ == "ccomp" and _subject(nxt) is not None and nxt.head.i != nxt.i:
            nxt = nxt.head  # misparse "said X seeks ... but warned that": "warned" shares the subject of "said"
        cur = nxt
    return None


def _subject(tok: Token) -> Token | None:
    subj = _child(tok, SUBJECT_DEPS)
    if subj is not None:
        return subj
    if tok.tag_ == "VBG" and (owner := _child(tok, ("poss",))) is not None:
        return owner  # "his questioning trade deals"
    if _child(tok, ("nsubjpass",)) is not None:
        agent = _child(tok, ("agent",))
        return _child(agent, ("pobj",)) if agent is not None else None
    return None


def _source_tokens(head: Token) -> list[Token]:
    """The noun phrase of a source: its subtree without trailing relative clauses and punctuation."""
    cut: set[int] = set()
    for child in head.rights:
        if child.dep_ in SOURCE_CUT_DEPS:
            cut |= {t.i for t in child.subtree}
    toks = [t for t in head.subtree if t.i not in cut]
    breaks = [k for k, t in enumerate(toks) if t.is_space and "\n" in t.text and t.i < head.i]
    if breaks:  # a quotation mark or line break of the previous paragraph hung on the subject
        toks = toks[breaks[-1] + 1 :]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "case"):  # "the ministry's" -> ...
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    return toks or [head]


# --- building records ---------------------------------------------------------------------------------


def _make(
    run: _Run,
    doc: Doc,
    tokens: set[int],
    cue: tuple[int, int],
    source: tuple[Token, list[Token]] | None,
    rule: str,
    lemma: str,
) -> Attribution | None:
    content = _trimmed_span(doc, tokens)
    if content is None:
        return None
    text = run.text[content[0] : content[1]]
    src_span = src_text = None
    if source is not None:
        toks = source[1]
        src_span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
        src_text = run.text[src_span[0] : src_span[1]]
        if any(t.i in tokens for t in toks):
            return None  # the source sits inside its own content: a misparse
    kind = "mixed" if QUOTE in text else "indirect"
    stance = run.cues.stance(lemma) or "neutral"
    return Attribution(
        doc_id=run.doc_id,
        kind=kind,
        content=content,
        content_text=text,
        cue=cue,
        cue_text=run.text[cue[0] : cue[1]],
        source=src_span,
        source_text=src_text,
        speaker=None,
        rule=rule,
        meta={"cue_lemma": lemma, "stance": stance},
    )


def _trimmed_span(doc: Doc, tokens: set[int]) -> tuple[int, int] | None:
    """Character span from the first to the last token, without edge punctuation or conjunctions."""
    if not tokens:
        return None
    lo, hi = min(tokens), max(tokens)
    while lo <= hi and _trim(doc, tokens, lo, lo, hi):
        lo += 1
    while hi >= lo and _trim(doc, tokens, hi, lo, hi):
        hi -= 1
    if hi < lo or not any(doc[i].is_alpha or doc[i].like_num for i in range(lo, hi + 1)):
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _trim(doc: Doc, tokens: set[int], i: int, lo: int, hi: int) -> bool:
    """Whether the edge token ``i`` of ``lo..hi`` is left out of a content span."""
    return i not in tokens or _edge_junk(doc[i]) or (doc[i].text == QUOTE and _unbalanced(doc, lo, hi))


def _edge_junk(tok: Token) -> bool:
    return (tok.is_punct and tok.text != QUOTE) or tok.is_space or tok.dep_ == "cc"


def _unbalanced(doc: Doc, lo: int, hi: int) -> bool:
    return sum(doc[i].text.count(QUOTE) for i in range(lo, hi + 1)) % 2 == 1


def _cue_span(tok: Token, lemma: str) -> tuple[int, int]:
    end = tok.idx + len(tok.text)
    if " " in lemma:
        particle = lemma.split(" ", 1)[1]
        part = next((c for c in tok.rights if c.lower_ == particle), None)
        if part is not None:
            end = part.idx + len(part.text)
    return tok.idx, end


def _child(tok: Token, deps: Sequence[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _overlaps_taken(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    length = span[1] - span[0]
    if length <= 0:
        return False
    return any(min(span[1], e) - max(span[0], s) >= TAKEN_OVERLAP * length for s, e in taken)
