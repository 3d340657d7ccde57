"""Event typing: find the PLOVER event cues of a sentence and pick its main ones.

A cue is a dictionary word (verb, noun, two-word phrase, or a negated cooperative verb) found in a parsed
sentence; verbs our dictionary does not list are looked up in the CAMEO verb dictionary (PETRARCH2, mapped to
PLOVER 2021), a broader second lexicon. Each cue is *anchored* at the predicate that governs it (a noun cue at its
verb: "have deep concerns" is anchored at "have"), and the sentence's stances are the top-level cues: those whose
anchor is not inside another cue's clause ("threatened to ban" is one THREATEN, not THREATEN + COERCE). Cues inside
a condition ("if Russia invades") are conditions, not events. Rules from the PLOVER manual then refine the type
(all documented in ``data/stances/events.yaml`` / ``modifiers.yaml``): a cooperative act (SUPPORT, COOPERATE, AID,
CONSULT) stated as an intention becomes AGREE; a conflictual act stated as an intention or under a condition
becomes THREATEN; a refused cooperative act becomes REJECT; an obligation put on another actor ("Sudan must return
the helicopter") becomes REQUEST. Each cue also records whether it is negated, hypothetical (a condition other
than a threat's, a possibility modal, a question) and its intent marker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from rhetoriclab.stances import modifiers as m
from rhetoriclab.stances.lexicon import Cue, EventLexicon, ModifierLexicon

#: Cue kinds in order of precedence when two cues share an anchor.
PRECEDENCE = {"phrases": 0, "light": 1, "negated_verbs": 2, "obligation": 3, "verbs": 4, "nouns": 5, "cameo": 6}
#: Dependencies a noun cue climbs through to reach its governing predicate.
_NOUN_CLIMB = frozenset({"dobj", "pobj", "prep", "attr", "nsubj", "nsubjpass", "conj", "compound", "amod", "appos",
                         "npadvmod", "oprd", "dative", "acomp", "poss", "nmod", "pcomp", "agent"})
#: Cooperative acts: refused, they are REJECT; stated as an intention, SUPPORT/COOPERATE/AID/CONSULT are AGREE
#: (the manual keeps CONCEDE and RETREAT in the future as they are).
COOPERATIVE_ACTS = frozenset({"AID", "COOPERATE", "CONCEDE", "RETREAT", "SUPPORT", "CONSULT"})
INTENT_TO_AGREE = frozenset({"AID", "COOPERATE", "SUPPORT", "CONSULT"})
CONFLICT_ACTS = frozenset({"PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"})


@dataclass
class EventCue:
    """An event found in a sentence: its type and mode, the token(s) that decided it, and its anchor."""

    event: str
    mode: str | None
    token: Token
    anchor: Token
    kind: str
    evidence: list[str] = field(default_factory=list)
    negated: bool = False
    conditional: str | None = None
    #: The verb of the condition ("invades" in "if Russia invades"); its subject is a conditional threat's target.
    condition: Token | None = None
    #: The anchor's subject is the stance's target, not its source ("Moscow will face consequences").
    subject_is_target: bool = False
    #: Why the type differs from the dictionary entry (intent/threat/obligation rule), if it does.
    rule: str = ""
    #: The act is not asserted: under a condition (other than a threat's), with "may/might/could", or asked.
    hypothetical: bool = False
    #: The intent marker ("will", "ready to", ...) when the act is stated as an intention.
    intent: str | None = None

    @property
    def depth(self) -> int:
        d, t = 0, self.anchor
        while t.head.i != t.i:
            t, d = t.head, d + 1
        return d


def governor(token: Token) -> Token:
    """The predicate a noun cue belongs to (itself when it is a verb or the root)."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.dep_ in _NOUN_CLIMB and t.head.i != t.i:
        t = t.head
    return t


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _phrase_match(token: Token, lex: EventLexicon, sent: Span) -> Cue | None:
    entries = lex.phrases.get(_lemma(token)) or lex.phrases.get(token.lower_)
    if not entries:
        return None
    near = {_lemma(c) for c in token.children} | {c.lower_ for c in token.children}
    for c in token.children:  # "set fire to", "held talks with": look one level further down
        near |= {_lemma(g) for g in c.children if g.dep_ in ("pobj", "dobj")}
    end = min(token.i + 4, sent.end)
    near |= {_lemma(t) for t in token.doc[token.i + 1:end]} | {t.lower_ for t in token.doc[token.i + 1:end]}
    for second, cue in entries:
        if second in near:
            return cue
    return None


def _object_nouns(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    for o in list(objs):
        objs.extend(c for c in o.conjuncts)
    return objs


def find_cues(sent: Span, lex: EventLexicon, mods: ModifierLexicon) -> list[EventCue]:
    """Every dictionary cue in ``sent`` (before selection), anchored at its governing predicate."""
    cues: list[EventCue] = []
    consumed: set[int] = set()
    for tok in sent:
        if tok.i in consumed or tok.is_punct or tok.is_space:
            continue
        lemma = _lemma(tok)
        phrase = _phrase_match(tok, lex, sent)
        if phrase is not None:
            cues.append(EventCue(phrase.event, phrase.mode, tok, governor(tok), "phrases", [phrase.lemma]))
            consumed.add(tok.i)
            continue
        existential = lemma == "be" and any(c.dep_ == "expl" for c in tok.children)  # "there will be consequences"
        if tok.pos_ in ("VERB", "AUX") and (lemma in lex.light_verbs or existential):
            for obj in _object_nouns(tok):
                cue = lex.nouns.get(_lemma(obj))
                if cue is not None and obj.i not in consumed:
                    cues.append(EventCue(cue.event, cue.mode, obj, tok, "light", [f"{tok.lower_} {obj.lower_}"],
                                         subject_is_target=lemma in lex.recipient_verbs))
                    consumed.add(obj.i)
                    break
            if cues and cues[-1].anchor.i == tok.i:
                continue
        if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.tag_ in ("VBN", "VBG"):
            neg = m.negation_words(tok, mods) if lemma in lex.negated_verbs else None
            if neg:
                cue = lex.negated_verbs[lemma]
                cues.append(EventCue(cue.event, cue.mode, tok, tok, "negated_verbs", [f"{neg[0]} {tok.lower_}"]))
                continue
            if tok.pos_ != "ADJ" and lemma in lex.verbs and not (lemma in lex.needs_object and not _has_object(tok)):
                cue = lex.verbs[lemma]
                cues.append(EventCue(cue.event, cue.mode, tok, tok, "verbs", [tok.lower_]))
                continue
            broad = lex.broad_verbs.get(lemma) if tok.pos_ == "VERB" and lemma not in mods.speech_verbs else None
            if broad is not None:
                evidence = [f"{tok.lower_} (CAMEO {broad.lemma})"]
                cues.append(EventCue(broad.event, broad.mode, tok, tok, "cameo", evidence))
                continue
        if tok.pos_ in ("NOUN", "ADJ", "PROPN") and (lemma in lex.nouns or tok.lower_ in lex.nouns) \
                and not _in_background(tok):
            cue = lex.nouns.get(lemma) or lex.nouns[tok.lower_]
            cues.append(EventCue(cue.event, cue.mode, tok, governor(tok), "nouns", [tok.lower_]))
    return cues


def _has_object(verb: Token) -> bool:
    """Does the verb take a nominal object ("warned Lavrov", "warned of consequences", "warned against ...")?"""
    return any(c.dep_ in ("dobj", "dative", "iobj") or (c.dep_ == "prep" and c.lower_ in ("of", "against", "about"))
               for c in verb.children)


def _obligation_cues(sent: Span, mods: ModifierLexicon) -> list[EventCue]:
    """REQUEST cues for obligations put on a third party ("Sudan must return ...", "forces must ensure ...")."""
    out = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        word = m.obligation_word(tok, mods)
        if not word:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and tok.dep_ == "xcomp":
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("i", "we", "us", "you", "one", "everyone", "nobody", "who", "that"):
            continue
        anchor = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("need", "have") else tok
        cue = EventCue("REQUEST", mods.obligation.get(word), tok, anchor, "obligation", [f"{word} {tok.lower_}"],
                       subject_is_target=True, rule="obligation")
        out.append(cue)
    return out


def _in_condition(token: Token, mods: ModifierLexicon) -> bool:
    single = {w for w in mods.conditional if " " not in w}
    t = token
    while t.head.i != t.i:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in single for c in t.children):
            return True
        t = t.head
    return False


#: Prepositions that put a noun in the background of a sentence: "despite the fighting in Donbas" reports no event.
BACKGROUND_PREPS = frozenset({"despite", "after", "before", "amid", "amidst", "during", "since", "following",
                              "throughout", "like", "unlike", "than"})


def _in_background(noun: Token) -> bool:
    """Is the noun (or the noun phrase it modifies) the object of a background preposition?"""
    t = noun
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ in BACKGROUND_PREPS:
            return True
        if t.dep_ not in ("pobj", "conj", "compound", "amod", "prep") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _is_ancestor(a: Token, b: Token) -> bool:
    """True when ``a`` is a proper ancestor of ``b`` within one clause: climbing stops at a coordinated or relative
    clause with its own subject ("the US is willing to ..., but there will be consequences" holds two stances; so
    does "visited Bucha, where mass killings took place")."""
    t = b
    while t.head.i != t.i:
        if t.dep_ in ("conj", "relcl") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            return False
        t = t.head
        if t.i == a.i:
            return True
    return False


def refine(cue: EventCue, sent: Span, lex: EventLexicon, mods: ModifierLexicon) -> EventCue:
    """Apply negation, conditionality and the intent / threat rules to one selected cue."""
    anchor = cue.anchor
    if cue.kind != "negated_verbs":
        neg = m.negation_words(cue.token, mods) or (m.negation_words(anchor, mods) if anchor.i != cue.token.i else [])
        cue.negated = bool(neg)
        if neg:
            cue.evidence.append(neg[0])
    cue.conditional = m.conditional_marker(anchor, sent, mods)
    clause = m.condition_clause(anchor, mods)
    cue.condition = clause[1] if clause is not None else None
    if cue.conditional:
        cue.evidence.append(cue.conditional)
    intent = m.intent_word(anchor, mods)
    cue.intent = intent
    if cue.negated and cue.event in COOPERATIVE_ACTS | {"AGREE"} and cue.kind != "obligation":
        # "will never recognise", "refuses to ...": a refused cooperative act is a rejection (not a negated SUPPORT)
        cue.rule = f"refusal:{cue.event}"
        cue.event, cue.mode, cue.negated = "REJECT", None, False
    elif cue.event in INTENT_TO_AGREE and intent and not cue.conditional and cue.kind != "obligation":
        cue.evidence.append(intent)
        cue.rule = f"intent:{cue.event}"
        cue.event, cue.mode = "AGREE", None
    elif cue.event in CONFLICT_ACTS | {"RETREAT"} and (intent or cue.conditional) and cue.kind != "obligation" \
            and not (cue.event == "RETREAT" and not cue.conditional):
        if intent:
            cue.evidence.append(intent)
        cue.rule = f"threat:{cue.event}"
        cue.event, cue.mode = "THREATEN", lex.complement_modes.get(_lemma(cue.token))
    if cue.event == "THREATEN" and cue.mode is None:
        for child in anchor.children:
            if child.dep_ in ("xcomp", "ccomp") and _lemma(child) in lex.complement_modes:
                cue.mode = lex.complement_modes[_lemma(child)]
                cue.evidence.append(child.lower_)
                break
    possible = m.possibility_word(anchor, mods)
    asked = sent.text.rstrip().endswith("?")
    # A threat is conditional by nature: its condition does not make it hypothetical.
    cue.hypothetical = bool((cue.conditional and cue.event != "THREATEN") or possible or asked)
    if possible:
        cue.evidence.append(possible)
    return cue


def sentence_events(sent: Span, lex: EventLexicon, mods: ModifierLexicon) -> list[EventCue]:
    """The sentence's stances: top-level cues, refined, main one first (shallowest, then leftmost)."""
    cues = find_cues(sent, lex, mods) + _obligation_cues(sent, mods)
    if not cues:
        return []
    # One cue per anchor, by precedence.
    by_anchor: dict[int, EventCue] = {}
    for c in sorted(cues, key=lambda c: (PRECEDENCE[c.kind], c.token.i)):
        by_anchor.setdefault(c.anchor.i, c)
    chosen = list(by_anchor.values())
    free = [c for c in chosen if not _in_condition(c.anchor, mods)] or chosen
    top = [c for c in free if not any(o is not c and _is_ancestor(o.anchor, c.anchor) for o in free)]
    top.sort(key=lambda c: (c.depth, c.anchor.i))
    return [refine(c, sent, lex, mods) for c in top]
