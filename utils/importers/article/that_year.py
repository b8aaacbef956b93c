"""Dates that take their year from the text: "In December that year", "by the end of July that year", "later
that year", "the following year", said after a year was named ("drawn into the war in late 2012").

A background paragraph names a year once and then dates its steps against it; read against the publication
date instead, "in December that year" would be the last December before publication. :func:`year_dates` gives
those dates for the year last named before the sentence (``year_named``); :func:`.dates.find_dates` takes them
first, so the month alone is not read again. With no year named before, nothing is found here.
:func:`narrative_day` reads a bare '24 August' far before publication in the year of the date named before it
('On 20 August 2012'): the time a memoir or an encyclopedia page tells its story in.
"""

from __future__ import annotations

import re
from datetime import date

from utils.importers.article.calendar_days import MONTH_WORDS, Dated, mid_month, month_number

__all__ = ["narrative_day", "year_dates", "year_of"]

_MONTH = rf"(?P<month>{MONTH_WORDS})"
_THAT = r"(?:of\s+)?(?:that|the\s+same)\s+year\b"
_IN_MONTH = (rf"\b(?:(?i:in|by|during|until|since|from|of|early|late|mid-?|on)\s+)?(?:(?i:the\s+)(?P<part>(?i:end|"
             rf"beginning|start|middle))\s+of\s+)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?{_MONTH}"
             rf"(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?,?\s+(?i:{_THAT})")
_SEASON = r"\b(?i:in\s+)?(?i:the\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))\s+(?i:" + _THAT + ")"
_WHOLE = r"\b(?i:(?:later|earlier)\s+(?:that|the\s+same)\s+year|(?:in\s+)?(?:that|the\s+same)\s+year)\b"
_NEXT = r"\b(?i:(?:the|in\s+the)\s+(?:following|next)\s+year|a\s+year\s+later)\b"
_A_YEAR = r"\b(?:19|20)\d{2}\b"
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
_PART_DAY = {"end": 28, "beginning": 3, "start": 3, "middle": 15}


def year_dates(sentence: str, year_named: int | None, published: date) -> list[tuple[int, int, Dated]]:
    """(start, end, date) of each date in ``sentence`` that takes its year from ``year_named``; none after
    ``published``. 'December that year' is mid-December of it (month), 'the end of July that year' the 28th to
    the week, '5 June that year' the day, 'that year' and 'later that year' the year, 'the following year' the
    next one."""
    if year_named is None and not re.search(_A_YEAR, sentence):
        return []
    found: list[tuple[int, int, Dated]] = []

    def year_at(start: int) -> int | None:
        """'in the spring of 2012 before the army stormed it in March of that year': a year named earlier in the
        sentence is the one 'that year' means; else the one named before the sentence."""
        named = re.findall(_A_YEAR, sentence[:start])
        return int(named[-1]) if named else year_named

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b, _ in found)

    for match in re.finditer(_IN_MONTH, sentence):
        month, day = month_number(match["month"]), match["day"] or match["day2"]
        year = year_at(match.start())
        if year is None:
            continue
        try:
            if day:
                dated = Dated(date(year, month, int(day)), "day")
            elif match["part"]:
                dated = Dated(date(year, month, _PART_DAY[match["part"].lower()]), "week")
            else:
                dated = mid_month(year, month)
        except ValueError:
            continue
        found.append((match.start(), match.end(), dated))
    for match in re.finditer(_SEASON, sentence):
        if free(match.start(), match.end()) and (year := year_at(match.start())) is not None:
            found.append((match.start(), match.end(), mid_month(year, _SEASON_MONTH[match["season"].lower()])))
    for match in re.finditer(_WHOLE, sentence):
        if free(match.start(), match.end()) and (year := year_at(match.start())) is not None:
            found.append((match.start(), match.end(), Dated(date(year, 7, 1), "year")))
    for match in re.finditer(_NEXT, sentence):
        if free(match.start(), match.end()) and (year := year_at(match.start())) is not None:
            found.append((match.start(), match.end(), Dated(date(year + 1, 7, 1), "year")))
    return sorted((f for f in found if f[2].day <= published), key=lambda f: f[0])


def year_of(text: str) -> int | None:
    """The year a date's own words name ('late 2012', 'in May 2011'), or None ('on Friday')."""
    years = re.findall(r"\b(?:19|20)\d{2}\b", text)
    return int(years[-1]) if years else None


_FAR_BEFORE = 45
"""Days before publication past which a date with no year may belong to the narrative's time, not the present."""
_NEAR = 120
"""At most this many days from the date the text last named: further, a bare date is not read in its time."""


def narrative_day(dated: Dated, narrative: Dated | None, published: date) -> Dated:
    """``dated`` (a day or month with no year, read as the latest before ``published``) in the narrative's time: when
    it falls more than :data:`_FAR_BEFORE` days before publication and the text last named a date of an earlier year
    (``narrative``, 'On 20 August 2012'), it is the nearest such day or month to that date, within :data:`_NEAR` days
    ('on 24 August' after it is 2012-08-24, not last year's; 'in May' a flashback of that year). A memoir, an
    encyclopedia page or a retrospective tells its story in its own years; news dates a bare '24 August' by its own
    day."""
    if narrative is None or narrative.day.year >= dated.day.year or (published - dated.day).days <= _FAR_BEFORE:
        return dated
    options = []
    for year in (narrative.day.year - 1, narrative.day.year, narrative.day.year + 1):
        try:
            options.append(dated.day.replace(year=year))
        except ValueError:
            continue
    options = [o for o in options if o < dated.day and abs((o - narrative.day).days) <= _NEAR]
    if not options:
        return dated
    best = min(options, key=lambda o: (abs((o - narrative.day).days), o < narrative.day))
    return Dated(best, dated.precision)
