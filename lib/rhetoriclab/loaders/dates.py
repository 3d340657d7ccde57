"""Parse the dates found in manifests, front matter and record files, strictly.

Accepted: ISO 8601 dates and date-times (``2021-12-02``, ``2021-12-02T10:30:00Z``;
a date-time keeps the calendar date *as written*, not converted to UTC),
``2021/12/02``, and written-out dates (``December 2, 2021``, ``Dec. 2, 2021``,
``2 December 2021``, optionally after a weekday). Numeric day/month orders such
as ``12/02/2021`` are rejected as ambiguous rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_WRITTEN = (
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$", re.I),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})$", re.I),
)
_SLASHED_ISO = re.compile(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})$")
_AMBIGUOUS = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")


def parse_date(value: object) -> dt.date:
    """Return the calendar date in ``value``; raise ``ValueError`` saying why it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"unparseable date {value!r}: expected text such as 2021-12-02")
    s = value.strip()
    if not s:
        raise ValueError("empty date")
    try:
        return dt.date.fromisoformat(s) if len(s) == 10 else dt.datetime.fromisoformat(s).date()
    except ValueError as e:
        iso_error = str(e)
    if _AMBIGUOUS.match(s):
        raise ValueError(f"ambiguous date {s!r}: day and month order unknown; write it as YYYY-MM-DD")
    m = _SLASHED_ISO.match(s)
    if m:
        return _date(s, int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in _WRITTEN:
        m = pattern.match(s)
        if m:
            month = _MONTHS.get(m["month"].lower())
            if month is None:
                raise ValueError(f"unparseable date {s!r}: unknown month name {m['month']!r}")
            return _date(s, int(m["year"]), month, int(m["day"]))
    if re.match(r"^\d{4}-\d{2}-\d{2}", s):
        raise ValueError(f"unparseable date {s!r}: {iso_error}")
    raise ValueError(f"unparseable date {s!r}: expected YYYY-MM-DD (or e.g. 'December 2, 2021')")


def _date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as e:
        raise ValueError(f"unparseable date {text!r}: {e}") from None
