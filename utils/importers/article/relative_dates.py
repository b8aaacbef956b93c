"""Dates told relative to the publication day: 'yesterday', 'last week', 'this month', 'at the beginning of the
month', 'last year'.

Each pattern comes with how it resolves against the publication date ``p``: a :class:`~.calendar_days.Dated` (the
best-estimate day and its precision: ``day``, ``week`` = within 3 days, ``month`` = written as the 15th, ``year`` =
written as 1 July). :func:`.dates.find_dates` reads them after the calendar dates, so 'last month' inside 'in
October last year' is not read again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from utils.importers.article.calendar_days import Dated, latest_weekday, mid_month, previous_month

__all__ = ["ANNIVERSARY", "RELATIVE", "anniversary"]

RELATIVE: tuple[tuple[str, Callable[[date], Dated]], ...] = (
    (r"\b(?:yesterday|last night)\b", lambda p: Dated(p - timedelta(days=1), "day")),
    (r"\bovernight\b", lambda p: Dated(p - timedelta(days=1), "day")),
    (r"\btoday\b|\bthis morning\b|\bthis evening\b", lambda p: Dated(p, "day")),
    (r"\b(?:earlier|late|early)\s+(?:this|in the)\s+week\b|\bthis week\b|\bearlier in the week\b",
     lambda p: Dated(p - timedelta(days=3), "week")),
    (r"\b(?:over|in|during) the (?:past|last) (?:few days|week|seven days|24 hours|48 hours)\b|\bin recent days\b|"
     r"\b(?:during|over|throughout) the week\b(?!\s+(?:of|before|after|that|when|to|ending|beginning)\b)",
     lambda p: Dated(p - timedelta(days=3), "week")),
    (r"\blast weekend\b|\bat the weekend\b|\bover the weekend\b|\bthis past weekend\b",
     lambda p: Dated(latest_weekday("saturday", p - timedelta(days=1)), "week")),
    (r"(?<!day )\blast week\b|\ba week ago\b", lambda p: Dated(p - timedelta(days=7), "week")),
    (r"\b(?:earlier|late|early)\s+this\s+month\b|\bthis month\b",
     lambda p: mid_month(p.year, p.month)),
    # "took the field at the beginning of the month", "earlier in the month": the publication's month (not a
    # tally "since the start of the month", a span to publication)
    (r"(?<!since )\b(?:at\s+)?the\s+(?:beginning|start|middle|end)\s+of\s+the\s+month\b(?!\s+of\b)|"
     r"\b(?:earlier|early)\s+in\s+the\s+month\b", lambda p: mid_month(p.year, p.month)),
    (r"\blast month\b|\ba month ago\b", lambda p: mid_month(*previous_month(p))),
    (r"\b(?:earlier|late|early)\s+this\s+year\b|\bthis year\b", lambda p: Dated(date(p.year, 7, 1), "year")),
    (r"\blast year\b|\ba year ago\b", lambda p: Dated(date(p.year - 1, 7, 1), "year")),
)
"""(pattern, resolve): each relative date expression (matched without case) and its date for publication day p."""


ANNIVERSARY = (r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
               r"fifty)\s+years?\s+ago\s+(?:today|to\s+the\s+day|this\s+day)\b|\ba\s+year\s+ago\s+(?:today|to\s+the\s+day)\b")
"""'Five years ago today', 'ten years ago to the day': the publication's day, that many years back (read before
'five years ago', which alone gives only the year)."""
_YEARS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


def anniversary(years: str | None, published: date) -> Dated:
    """The day :data:`ANNIVERSARY` names: ``published`` moved back ``years`` (a number or word; None: one year)."""
    count = 1 if years is None else int(years) if years.isdigit() else _YEARS[years.lower()]
    try:
        return Dated(published.replace(year=published.year - count), "day")
    except ValueError:  # 29 February
        return Dated(published.replace(year=published.year - count, day=28), "day")
