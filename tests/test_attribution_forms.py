"""Each quotation form, transcript turns, speaker resolution and malformed input, on real-style sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from rhetoriclab.attribution import extract, extract_attributions, find_quotes
from rhetoriclab.attribution.quotes import mark_direction
from rhetoriclab.attribution.turns import turns
from rhetoriclab.documents import Document


def run(text: str, **kw):
    return extract_attributions(Document(id="t", text=text, **kw))


def only(attributions, kind=None):
    found = [a for a in attributions if kind is None or a.kind == kind]
    assert len(found) == 1, [(a.kind, a.content_text) for a in attributions]
    return found[0]


def test_quote_then_cue():
    a = only(run('"We will not back down," Secretary of State Antony Blinken said on Thursday.'))
    assert (a.kind, a.source_text, a.speaker, a.cue_text) == (
        "direct", "Secretary of State Antony Blinken", "Antony Blinken", "said")
    assert a.content_text == '"We will not back down,"'


def test_inverted_cue():
    a = only(run('"We have no plans to invade anyone," said Dmitry Peskov, the Kremlin spokesman.'))
    assert a.speaker == "Dmitry Peskov" and a.cue_text == "said"


def test_cue_then_colon():
    a = only(run('Russian Foreign Minister Sergey Lavrov said: "Our red lines are clear."'), "direct")
    assert (a.speaker, a.rule) == ("Sergey Lavrov", "cue-before")
    assert a.content_text == '"Our red lines are clear."'


def test_split_quote_with_pronoun():
    text = ('"We are ready to talk," Foreign Minister Sergey Lavrov said. "But no one has the right to dictate '
            'to us."\n\n"NATO is not a threat to anyone," NATO Secretary-General Jens Stoltenberg said. '
            '"It is a defensive alliance," he added.')
    found = run(text)
    lavrov = [a for a in found if a.speaker == "Sergey Lavrov"]
    assert len(lavrov) == 1 and len(lavrov[0].meta["parts"]) == 2
    assert "dictate to us" in lavrov[0].content_text
    added = next(a for a in found if a.cue_text == "added")
    assert (added.source_text, added.speaker) == ("he", "Jens Stoltenberg")


def test_quote_over_several_paragraphs():
    text = ('"The sanctions will be severe," President Joe Biden said. "They will be unlike any he has seen.\n\n'
            '"And we will stand with our allies."\n\nThe Kremlin did not respond.')
    a = only(run(text), "direct")
    assert a.speaker == "Joe Biden"
    assert a.content_text.endswith('stand with our allies."')
    assert "paragraph-continuation" in a.rule


def test_paragraph_opening_with_quote_continues_last_speaker():
    text = ('"We have deep concerns," Mr. Blinken said.\n\n"We have a strong, ironclad commitment to Ukraine."')
    a = only(run(text))
    assert a.speaker.endswith("Blinken") and "ironclad" in a.content_text


def test_partial_quotation_is_mixed():
    a = only(run('Mr. Blinken warned of "serious consequences" if Russia invades.'))
    assert (a.kind, a.cue_text) == ("mixed", "warned")
    assert '"serious consequences"' in a.content_text


def test_mixed_quotation_in_reported_clause():
    a = only(run('Mr. Putin has said NATO membership for Kyiv would be a "red line" Moscow would not tolerate.'))
    assert a.kind == "mixed" and a.cue_text == "has said"
    assert a.content_text == 'NATO membership for Kyiv would be a "red line" Moscow would not tolerate'


def test_scare_quotes_are_not_attributions_but_are_reported():
    doc = Document(id="t", text='The so-called "special military operation" entered its third week.')
    result = extract(doc)
    assert result.attributions == []
    assert [doc.clean.text[q.start:q.end] for q in result.unattributed] == ['"special military operation"']


def test_curly_and_mismatched_marks():
    text = "\u201dWe will respond,\u201d the minister said. \u201cThis is final.\u201c"
    quotes = find_quotes(Document(id="t", text=text).clean.text)
    assert len(quotes) == 2 and all(q.closed for q in quotes)
    assert mark_direction('He said "yes" twice', 8) == "open"
    assert mark_direction('He said "yes" twice', 12) == "close"


@pytest.mark.parametrize("text", [
    '"We will win," he said. "And they will lose,',
    'He said "yes and then "no" and " more',
    '"""',
    '" " " "',
    '',
    '   \n\n  ',
    '...!!!???',
    '"',
    'Mr. Lavrov said: "',
])
def test_malformed_input_never_crashes(text):
    result = extract(Document(id="t", text=text))
    for a in result.attributions:
        assert 0 <= a.content[0] <= a.content[1] <= len(text)


def test_odd_number_of_marks_recovers_and_flags():
    text = '"We will win," he said. "And they will lose, no matter what'
    q = find_quotes(text)
    assert [q_.closed for q_ in q] == [True, False]
    assert "unclosed" in q[1].flags
    a = only(run("Mr. Zelensky spoke.\n\n" + text))
    assert a.meta.get("flags") == ["unclosed"]


def test_pronoun_without_antecedent_stays_unresolved():
    a = only(run('"We are not afraid," she said.'))
    assert a.source_text == "she" and a.speaker is None


def test_pronoun_skips_speaker_of_other_gender():
    text = ('"The talks were useful," Ms. Nuland said. "Not at all," Mr. Ryabkov said. '
            '"We will see," she said.')
    found = run(text)
    assert [a.speaker.split()[-1] for a in found] == ["Nuland", "Ryabkov", "Nuland"]


def test_white_house_briefing_turns():
    text = ("MS. PSAKI:  Hi, everyone.  We have no new sanctions to announce.\n\n"
            "Q    Jen, does the President believe Russia will invade?\n\n"
            "MS. PSAKI:  We are not going to predict that.\n\nEND  2:30 P.M. EST")
    found = [a for a in run(text, kind="transcript", issuer="The White House",
                                date=dt.date(2021, 12, 1)) if a.kind == "turn"]
    assert [a.source_text for a in found] == ["MS. PSAKI", "Q", "MS. PSAKI"]
    assert [(a.speaker or "-").split()[-1] for a in found] == ["Psaki", "-", "Psaki"]  # "Jen Psaki" with the registry
    assert found[-1].content_text == "We are not going to predict that."


def test_kremlin_turns_on_one_line():
    text = ("The President met with the Government. * * * President of Russia Vladimir Putin: Colleagues, good "
            "afternoon. Let us begin. Prime Minister Mikhail Mishustin: Thank you, Mr President. Vladimir Putin: "
            "Thank you. * * * Agenda for Sustainable Development: a new era.")
    found = [a for a in run(text, kind="transcript", issuer="President of Russia") if a.kind == "turn"]
    assert [a.speaker for a in found] == ["Vladimir Putin", "Mikhail Mishustin", "Vladimir Putin"]
    assert found[0].source_text == "President of Russia Vladimir Putin"
    assert found[-1].content_text == "Thank you."


def test_turn_labels_in_news_need_several():
    assert turns("TRUMP: We will win.\n\nHe said more.", kind="news") == []


def test_the_president_resolves_to_the_issuing_office():
    doc = Document(id="k", text='"Russia is open to dialogue," the President said.', kind="statement",
                   issuer="President of Russia", date=dt.date(2022, 2, 1))
    a = only(extract_attributions(doc))
    assert a.speaker == "Vladimir Putin"


def test_offsets_are_in_the_cleaned_text():
    text = "\u201cWe are ready,\u201d Mr.\u00a0Lavrov said."
    doc = Document(id="t", text=text)
    a = only(extract_attributions(doc))
    assert doc.source_span(*a.content) == (0, 15)
    assert text[slice(*doc.source_span(*a.source))] == "Mr.\u00a0Lavrov"


class _Match:
    def __init__(self, actor, kind, name, role):
        self.actor, self.kind, self.name, self.role = actor, kind, name, role


class _TwoPeopleRegistry:
    """A registry that knows two people and one organisation (the real one is rhetoriclab.actors)."""

    def person(self, name, date=None):
        from rhetoriclab.records import Actor

        people = {"blinken": ("USA", None, "GOV", "Antony Blinken"), "lavrov": ("RUS", None, "GOV", "Sergey Lavrov")}
        hit = people.get(name.split()[-1].lower())
        return _Match(Actor(hit[0], hit[1], hit[2], hit[3]), "person", hit[3], None) if hit else None

    def lookup(self, text, date=None):
        from rhetoriclab.records import Actor

        if text.lower().removeprefix("the ") == "kremlin":
            return _Match(Actor("RUS", None, "GOV", "Kremlin"), "office", "Kremlin", None)
        return self.person(text, date)


def test_actors_come_from_the_registry():
    text = ('"We are ready," Mr. Lavrov said. "So are we," Mr. Blinken said. '
            'The Kremlin said it would respond. "No," a bystander said.')
    found = extract_attributions(Document(id="t", text=text), registry=_TwoPeopleRegistry())
    actors = {(a.speaker, a.actor.code if a.actor else None) for a in found}
    assert ("Sergey Lavrov", "RUS") in actors and ("Antony Blinken", "USA") in actors
    assert ("Kremlin", "RUS") in actors
    assert (None, None) in actors  # the bystander: no name, no actor


def test_highlight_marks_content_cue_and_source():
    from rhetoriclab.attribution.render import highlight_html

    text = 'Mr. Blinken warned of "serious consequences" if Russia invades. "We are ready," he said.'
    found = run(text)
    html = highlight_html(text, found)
    assert "<span style='background:#93c5fd'>Mr. Blinken</span>" in html
    assert "<span style='background:#fca5a5'>warned</span>" in html
    assert "&quot;serious consequences&quot;" in html and "<sup>0</sup>" in html and "<sup>1</sup>" in html


def test_two_apostrophes_as_quotation_marks():
    text = "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. ''It's anti-reform.''"
    a = only(run(text))
    assert a.speaker == "Douglas Holtz-Eakin"
    assert a.content_text.startswith("''This isn't") and a.content_text.endswith("anti-reform.''")


@pytest.mark.parametrize(("text", "source"), [
    ("Pat Caddell: Democrat Voters Worried About Hillary Clinton's Health\n\nThe pollster spoke on Friday.",
     "Pat Caddell"),
    ("The Latest: Trump's leaked taxes not from Connecticut\n\nThe state said nothing.", None),
])
def test_headline_colon(text, source):
    found = [a for a in run(text) if a.rule == "headline-colon"]
    assert [a.source_text for a in found] == ([source] if source else [])


def test_transcript_quoted_in_an_article():
    text = ('Vice presidential nominee Mike Pence spoke to Chris Wallace on Sunday.\n\n'
            '"WALLACE: Will Gennifer Flowers be there?\n\n'
            '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n'
            '"But the truth is that Donald Trump has a unique way of communicating."')
    found = [a for a in run(text) if a.rule.startswith("quoted-turn")]
    assert [(a.source_text, a.speaker, a.cue_text) for a in found] == [
        ("WALLACE", "Chris Wallace", ":"), ("PENCE", "Mike Pence", ":")]
    assert found[0].content_text == "Will Gennifer Flowers be there?"
    assert found[1].content_text.endswith('unique way of communicating."')  # the next paragraph continues
