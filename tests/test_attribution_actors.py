"""Speakers and actors through the real actor registry (``rhetoriclab.actors``): full names, codes, dated roles."""

from __future__ import annotations

import datetime as dt

from rhetoriclab.attribution import extract_attributions
from rhetoriclab.documents import Document


def _found(text, **kw):
    return extract_attributions(Document(id="t", text=text, **kw))


def _actor(a):
    return (a.actor.code, a.actor.org, a.actor.sector) if a.actor else None


BRIEFING = ("MS. PSAKI:  Hi, everyone.  We have no new sanctions to announce.\n\n"
            "Q    Jen, does the President believe Russia will invade?\n\n"
            "MS. PSAKI:  We are not going to predict that.\n\nEND  2:30 P.M. EST")


def test_briefing_label_resolves_to_full_name_and_government():
    found = _found(BRIEFING, kind="transcript", issuer="The White House", date=dt.date(2021, 12, 1))
    turns = [a for a in found if a.kind == "turn"]
    assert [(a.speaker, _actor(a)) for a in turns] == [("Jen Psaki", ("USA", None, "GOV")), (None, None),
                                                      ("Jen Psaki", ("USA", None, "GOV"))]


def test_a_question_is_not_reported_speech():
    found = _found(BRIEFING, kind="transcript", issuer="The White House", date=dt.date(2021, 12, 1))
    assert all(a.kind == "turn" for a in found), [(a.kind, a.content_text) for a in found]


def test_surname_alone_gets_the_registry_name_and_dated_role():
    text = '"NATO will not be intimidated," Stoltenberg said.'
    (now,) = _found(text, date=dt.date(2021, 12, 2))
    assert (now.speaker, _actor(now)) == ("Jens Stoltenberg", ("IGO", "NATO", "GOV"))
    (then,) = _found(text, date=dt.date(2012, 12, 2))  # Prime Minister of Norway until 2013
    assert (then.speaker, _actor(then)) == ("Jens Stoltenberg", ("NOR", None, "GOV"))


def test_named_person_and_office_speak_for_their_state():
    found = _found("Blinken said the talks were useful. The Kremlin said it would respond.", date=dt.date(2021, 12, 2))
    assert [(a.speaker, _actor(a)) for a in found] == [("Antony Blinken", ("USA", None, "GOV")),
                                                      ("Kremlin", ("RUS", None, "GOV"))]


def test_coordinated_source_is_no_single_actor():
    (a,) = _found("The U.S. and its NATO allies warned that sanctions would follow.", date=dt.date(2021, 12, 2))
    assert a.source_text == "The U.S. and its NATO allies"
    assert a.speaker is None and a.actor is None
