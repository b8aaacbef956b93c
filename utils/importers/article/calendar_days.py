"""Days and their precision for the article dates: :class:`Dated` (a best-estimate day, ``day`` / ``week`` /
``month`` / ``year``), its window, and the calendar arithmetic that finds the latest such day, month or weekday
on or before a publication date. The date expressions themselves are found in :mod:`.dates`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from utils.importers.article.number_words import number_value

__all__ = ["ISO_DAY", "MONTHS", "MONTH_WORDS", "UNIT_DAYS", "WEEKDAYS", "Dated", "count_of", "iso_date", "iso_days", "latest_day", "latest_month", "latest_weekday",
           "mid_month", "month_number", "previous_month", "window"]

MONTHS = {name: number for number, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")), start=1) for name in names}
MONTH_WORDS = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?")
"""The words for a month in copy, full or cut short, as a regular-expression alternation (no group)."""
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


@dataclass(frozen=True)
class Dated:
    """A best-estimate day and its precision (``day``, ``week``, ``month``, ``year``)."""

    day: date
    precision: str


def window(dated: Dated) -> tuple[date, date]:
    """(first, last) day, both inclusive, that ``dated`` allows (as utils.core.dates.date_window)."""
    day, precision = dated.day, dated.precision
    if precision == "week":
        return day - timedelta(days=3), day + timedelta(days=3)
    if precision == "month":
        first = day.replace(day=1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return first, last
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def month_number(text: str) -> int:
    """1..12 for a month's name or abbreviation ("Sept.", "march")."""
    return MONTHS[text.lower().rstrip(".")]


def mid_month(year: int, month: int) -> Dated:
    """A month, written as its 15th with precision ``month``."""
    return Dated(date(year, month, 15), "month")


def latest_day(month: int, day: int, published: date) -> date | None:
    """The latest ``month``/``day`` on or before ``published`` (a day after it, for time zones)."""
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= published + timedelta(days=1):
            return candidate
    return None


def latest_month(month: int, published: date, *, strictly_before: bool = False) -> int:
    """The year of the latest ``month`` that has begun by ``published`` (strictly before its month)."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1


def latest_weekday(name: str, published: date) -> date:
    """The latest ``name``-day on or before ``published``."""
    back = (published.weekday() - WEEKDAYS.index(name.lower())) % 7
    return published - timedelta(days=back)


def count_of(text: str) -> int:
    """How many ``text`` says: digits or a number word ("two", "a couple of"); 1 for a word not in the table."""
    return number_value(text) or 1


def previous_month(published: date) -> tuple[int, int]:
    """(year, month) of the month before ``published``'s."""
    return (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)


ISO_DAY = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b(?!-)")
"""A day written as a log or changelog writes it: '2019-06-06'."""


def iso_date(match: re.Match) -> date | None:
    """The day of an :data:`ISO_DAY` match, or None when there is no such day ('2019-02-30')."""
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def iso_days(sentence: str) -> list[tuple[int, int, Dated]]:
    """The '2019-06-06' days of ``sentence``: (start, end, the day)."""
    return [(match.start(), match.end(), Dated(day, "day")) for match in ISO_DAY.finditer(sentence)
            if (day := iso_date(match)) is not None]
