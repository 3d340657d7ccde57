"""The rules added from PolNeAR error analysis, each on a real-style sentence (several from PolNeAR dev's texts)."""

from __future__ import annotations

import pytest

from rhetoriclab.attribution import extract_attributions
from rhetoriclab.attribution.cues import load_cues
from rhetoriclab.documents import Document
from rhetoriclab.nlp import PARAGRAPH_SENTENCES, load_nlp


def run(text: str, **kw):
    return extract_attributions(Document(id="t", text=text, **kw))


def by_cue(found, cue):
    hits = [a for a in found if a.cue_text == cue]
    assert hits, [(a.cue_text, a.content_text) for a in found]
    return hits[0]


def test_a_blank_line_starts_a_sentence_before_the_parser():
    nlp = load_nlp()
    assert nlp.pipe_names.index(PARAGRAPH_SENTENCES) < nlp.pipe_names.index("parser")
    doc = nlp("Obama on Climate Change: The Trends Are Terrifying\n\nThe president said the planet is warming.")
    assert [s.text.strip() for s in doc.sents] == ["Obama on Climate Change: The Trends Are Terrifying",
                                                   "The president said the planet is warming."]


def test_a_single_line_break_is_left_to_the_parser():
    doc = load_nlp()("The minister said that the talks\nwould resume on Monday.")
    assert len(list(doc.sents)) == 1


def test_headline_does_not_lend_its_subject_to_the_lead():
    found = run("Kremlin Warns of Response\n\nThe troops will stay near the border, the spokesman told reporters.")
    assert by_cue(found, "told").source_text == "the spokesman"


def test_lemmatizer_miss_is_caught_from_the_word():
    assert load_cues().verb_lemma("hop", "hopes") == "hope"
    a = by_cue(run("The minister hopes to reach a deal with Kyiv before the summit."), "hopes")
    assert a.content_text == "to reach a deal with Kyiv before the summit"
    assert a.source_text == "The minister"


@pytest.mark.parametrize("text, content", [
    ("She wants to triple the size of the AmeriCorps program.", "to triple the size of the AmeriCorps program"),
    ("Moscow plans to hold talks with Washington next month.", "to hold talks with Washington next month"),
])
def test_intentions_take_their_infinitive(text, content):
    assert run(text)[0].content_text == content


def test_noun_phrase_content_keeps_its_complements():
    a = by_cue(run("Reid frequently mocked Romney for not releasing his full tax returns."), "mocked")
    assert a.content_text == "Romney for not releasing his full tax returns"
    assert (a.rule, a.source_text) == ("verb-object", "Reid")


def test_topic_of_a_verb_of_saying_is_content():
    a = by_cue(run("The senator discussed the sanctions package with reporters."), "discussed")
    assert a.content_text.startswith("the sanctions package")


def test_addressee_is_not_content():
    assert not [a for a in run("The Kremlin warned the West on Monday.") if a.content_text.startswith("the West")]


def test_claim_noun_belongs_to_the_subject_of_its_verb():
    a = by_cue(run("Democrats also persisted in arguments that the panel is trying to second-guess the FBI."),
               "arguments")
    assert a.source_text == "Democrats"


def test_subjectless_cue_takes_the_name_written_before_it():
    text = ("In a March 2016 meeting with the editorial board of the Washington Post Trump said that U.S. "
            "involvement in NATO may need to be significantly diminished in the coming years.")
    a = by_cue(run(text), "said")
    assert a.source_text.endswith("Trump")  # the parser's entity is "the Washington Post Trump": kept whole


def test_inverted_said_before_a_colon():
    a = run('What\'s more, experts say her plans would make the code more complicated. Said Ellis: "I don\'t get '
            'the sense she\'s the least bit interested in tax reform."')[-1]
    assert (a.kind, a.source_text) == ("direct", "Ellis")


def test_gerund_after_a_preposition_takes_the_clause_subject():
    a = by_cue(run("Trump was right in saying that the generals had been reduced to rubble."), "saying")
    assert a.source_text == "Trump"


def test_quoted_label_is_dropped_but_quoted_warning_kept():
    assert not [a for a in run('Clinton called them "deplorables."') if a.kind == "mixed"]
    a = run('Mr. Blinken warned of "serious consequences" if Russia invades.')[0]
    assert (a.kind, a.content_text) == ("mixed", '"serious consequences"')


def test_partial_quotation_inside_reported_speech_is_not_repeated():
    found = run('The mayor said there was "no evidence" yet that it was an act of terrorism.')
    assert len(found) == 1 and found[0].kind == "mixed" and found[0].content_text.startswith("there was")


def test_a_question_reports_nothing():
    assert run("Does the President believe Russia will invade Ukraine?") == []


def test_quotation_opening_a_sentence_the_parser_ran_on_is_not_partial():
    text = ("It is an expensive plan. ''It's more tinkering at the edges,'' said Alan Cole, an economist. "
            "''I wouldn't call it reform.''")
    a = [a for a in run(text) if "tinkering" in a.content_text][0]
    assert (a.kind, a.speaker) == ("direct", "Alan Cole")
    assert "call it reform" in a.content_text
