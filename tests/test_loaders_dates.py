"""Dates are parsed strictly: anything ambiguous or invalid is rejected with the reason."""

import datetime as dt

import pytest

from rhetoriclab.loaders.dates import parse_date


@pytest.mark.parametrize("text", [
    "2021-12-02", " 2021-12-02 ", "2021-12-02T23:30:00Z", "2021-12-02 23:30:00+03:00", "2021/12/02",
    "December 2, 2021", "Dec. 2, 2021", "2 December 2021", "Thursday, December 2, 2021", "2nd Dec 2021",
    dt.date(2021, 12, 2), dt.datetime(2021, 12, 2, 23, 59),
])
def test_accepted_forms_give_the_calendar_date_as_written(text):
    assert parse_date(text) == dt.date(2021, 12, 2)


@pytest.mark.parametrize(("text", "message"), [
    ("12/02/2021", "ambiguous date"),
    ("02.12.2021", "ambiguous date"),
    ("2021-13-01", "month must be in 1..12"),
    ("Smarch 2, 2021", "unknown month name 'Smarch'"),
    ("February 30, 2022", "day is out of range for month"),
    ("2021", "expected YYYY-MM-DD"),
    ("", "empty date"),
    (20211202, "expected text such as 2021-12-02"),
])
def test_rejected_forms_say_why(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date(text)
