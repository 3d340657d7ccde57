"""Qualities of the language around an event cue: negation, conditionality, intent, hedges and boosters.

Pure functions over spaCy tokens and spans; the word lists come from ``data/stances/modifiers.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from rhetoriclab.stances.lexicon import ModifierLexicon

#: Auxiliaries that mark the future or a hypothetical ("will impose", "would boycott").
FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo"})


def predicate_chain(token: Token) -> list[Token]:
    """The token and the heads it shares its clause with (xcomp/conj/aux chains up to the clause head)."""
    chain = [token]
    while token.dep_ in ("xcomp", "conj", "acomp", "dobj", "pobj", "prep", "pcomp", "attr", "compound", "amod") \
            and token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def negation_words(token: Token, mods: ModifierLexicon) -> list[str]:
    """Negators of ``token``'s predication: ``neg`` children, a "no"/"never" determiner, negated heads."""
    found = []
    for t in predicate_chain(token):
        for child in t.children:
            if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and child.lower_ in mods.negation):
                found.append(child.lower_)
        if t.pos_ in ("NOUN", "PROPN"):
            for child in t.children:
                if child.dep_ == "det" and child.lower_ in ("no", "neither"):
                    found.append(child.lower_)
    return found


def condition_clause(token: Token, mods: ModifierLexicon) -> tuple[str, Token] | None:
    """The conditional marker ("if", "unless", ...) and the verb of the condition that governs ``token``'s clause.

    Three places: the cue sits inside the condition ("if Russia invades ..."); a condition hangs off the cue's
    predicate chain ("there will be consequences if ..."); or the parser attached the condition to the reporting
    verb right after the cue's quoted clause ("Moscow will face consequences if it invades Ukraine, X told Y").
    """
    single = {m for m in mods.conditional if " " not in m}

    def marker(clause: Token) -> str | None:
        if clause.dep_ != "advcl":
            return None
        return next((c.lower_ for c in clause.children if c.dep_ == "mark" and c.lower_ in single), None)

    t = token
    while t.head.i != t.i:
        if (word := marker(t)) is not None:
            return word, t
        t = t.head
    for h in predicate_chain(token):
        for child in h.children:
            if (word := marker(child)) is not None:
                return word, child
    top = predicate_chain(token)[-1]
    if top.dep_ == "ccomp":
        head = top.head
        for child in head.children:
            if top.i < child.i < head.i and (word := marker(child)) is not None:
                return word, child
    return None


def conditional_marker(token: Token, sent: Span, mods: ModifierLexicon) -> str | None:
    """The conditional marker governing or attached to ``token``'s clause (see :func:`condition_clause`), or a
    multiword marker ("as long as", "provided that") anywhere in the sentence."""
    found = condition_clause(token, mods)
    if found is not None:
        return found[0]
    text = f" {sent.text.lower()} "
    return next((m for m in mods.conditional if " " in m and f" {m} " in text), None)


def has_future(token: Token) -> str | None:
    """The future/hypothetical auxiliary of ``token``'s predicate chain, if any ("will", "would")."""
    for t in predicate_chain(token):
        for child in t.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
                return child.lower_
    return None


def possibility_word(token: Token, mods: ModifierLexicon) -> str | None:
    """A possibility modal ("may", "might", "could") on ``token``'s predicate chain, if any."""
    for t in predicate_chain(token):
        for child in t.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in mods.possibility:
                return child.lower_
    return None


def intent_word(token: Token, mods: ModifierLexicon) -> str | None:
    """An intent marker for ``token``: a future auxiliary or a governing "willing/ready/plan/offer to"."""
    aux = has_future(token)
    if aux:
        return aux
    t = token
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in mods.intent or t.lower_ in mods.intent:
            return t.lower_
        for child in t.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
                return child.lower_
    return None


def obligation_word(token: Token, mods: ModifierLexicon) -> str | None:
    """An obligation modal of ``token`` ("must", "should", "need to", "have to"), if any."""
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in mods.obligation:
            return child.lower_
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in ("need", "have"):
        head = token.head.lemma_.lower()
        return "need" if head == "need" else "have to"
    return None


def count_words(tokens: Iterable[Token], words: Iterable[str]) -> list[str]:
    """The words of a list found among ``tokens`` (single words by text or lemma; multiword as a run)."""
    tokens = list(tokens)
    singles = {w for w in words if " " not in w}
    multi = [w.split() for w in words if " " in w]
    found = [t.lower_ for t in tokens if t.lower_ in singles or t.lemma_.lower() in singles]
    lowers = [t.lower_ for t in tokens]
    for parts in multi:
        n = len(parts)
        found.extend(" ".join(parts) for i in range(len(lowers) - n + 1) if lowers[i:i + n] == parts)
    return found
