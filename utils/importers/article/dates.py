"""Dates in an article's sentences, resolved against its publication date.

Rules, not a model (see BENCHMARKS.md for what was measured against dateparser and spaCy). Each date
expression becomes a :class:`DateMention`: the best-estimate day and a precision in our vocabulary
(``day``, ``week`` = within 3 days, ``month`` = written as the 15th, ``year`` = written as 1 July).
A date with no year is the latest such day on or before publication (``late on April 24`` in a
report of 25 April 2025 is 2025-04-24); a weekday is the latest such weekday on or before it.
Expressions that need another event's date (``two weeks after ...``, ``since then``, ``a day later``)
are returned as offsets or spans and resolved by :func:`.anchoring.apply_anchor` against the context date.
The days, their windows and the calendar arithmetic are in :mod:`.calendar_days`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from utils.importers.article.baselines import BASELINE, WHEN_AFTER, in_baseline_clause
from utils.importers.article.calendar_days import (
    MONTH_WORDS,
    UNIT_DAYS,
    Dated,
    count_of,
    iso_days,
    latest_day,
    latest_month,
    latest_weekday,
    mid_month,
    month_number,
    window,
)
from utils.importers.article.habits import VAGUE
from utils.importers.article.number_words import ORDINAL_PATTERN, ordinal_value
from utils.importers.article.relative_dates import ANNIVERSARY, RELATIVE, anniversary
from utils.importers.article.story_weekdays import story_weekdays
from utils.importers.article.that_year import narrative_day, year_dates

__all__ = ["BASELINE", "WHEN_AFTER", "DateMention", "Dated", "find_dates", "mid_month", "window"]

_MONTH = rf"(?P<month>{MONTH_WORDS})"
_NUMBER = r"(?P<n>\d+|a couple of|a few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_YEAR = r"(?P<year>(?:19|20)\d{2})"


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence: ``start``..``end`` (characters in the sentence) and what it means.

    ``kind``: ``date`` (resolved: ``dated`` is set), ``offset`` (``days`` after the context date, e.g.
    -14 for the event in "two weeks after <event>"), ``since`` (from the context date to publication),
    ``vague`` ("in recent years": no date can be given).
    """

    start: int
    end: int
    text: str
    kind: str
    dated: Dated | None = None
    days: int = 0
    since: bool = False

    def is_statement_date(self, sentence: str) -> bool:
        """True for the date of a statement ('said on Monday', 'said at a briefing on Nov 4'), not of an event."""
        before = sentence[:self.start]
        return bool(re.search(r"\b(?:said|says|announced|told|reported|stated|added|claimed|warned|confirmed)"
                              r"(?:\s+(?:\w+|\w+'s)){0,5}\s*$", before, re.IGNORECASE)) or bool(re.search(
            r"\b(?:in|at|during)\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:statement|briefing|press conference|"
            r"news conference|address|interview|video|post|speech)\s*(?:issued|released|published|posted|"
            # "in a statement carried by Iranian media on Tuesday", "in a video aired on state television on Friday"
            r"(?:carried|broadcast|quoted|read|aired|shown)\s+(?:by|on)\s+(?:[\w'-]+\s+){1,4}?)?"
            # "in an address from the White House on Friday night": where the statement was made, then its date
            r"(?:\s*(?:from|to|at|in|before)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s*){1,4})?\s*(?:late\s+|early\s+)?$",
            before, re.IGNORECASE))  # "In a statement on Friday, the ministry claimed ..."

    def opens_a_statement(self, sentence: str) -> bool:
        """True for a date that opens a sentence whose subject then says something ('On Sunday the jihadist
        alliance said two of its fighters had carried out the attack'): the day it was said, when what is said
        refers back to an event told before (the date may also be the event's: 'On Friday activists said jets
        struck the town')."""
        if not _OPENING.fullmatch(sentence[:self.start]):
            return False
        said = _SPEAKER_THEN_VERB.match(sentence[self.end:])
        return bool(said) and not _CLAUSE_IN_SUBJECT.search(said.group("who"))


_OPENING = re.compile(r"\s*(?:(?:also|and|but|then|later|separately)\s*,?\s*)?", re.IGNORECASE)
"""What may stand before a date that opens a sentence ('Also on Sunday, ...')."""
_SPEAKER_THEN_VERB = re.compile(r"\s*,?\s+(?P<who>(?:[^\s.;:]+\s+){1,12}?)(?:said|says|announced|claimed|stated|"
                                r"confirmed|reported)\b")
"""After the opening date: the subject (a few words, commas allowed) and its reporting verb."""
_CLAUSE_IN_SUBJECT = re.compile(r"\b(?:that|who|which|had|has|have|was|were|is|are|been|after|when|as)\b|(?<![\w-])[a-z]+ed\b")
"""Words that make the words before the verb a clause of their own ('On Sunday rebels attacked X and said ...')."""


# (pattern, handler(match, published) -> DateMention fields); tried in order, first match at a place wins.
def _day_month(match: re.Match, published: date) -> Dated | None:
    month, day = month_number(match["month"]), _day_number(match["day"])
    if match["year"]:
        try:
            return Dated(date(int(match["year"]), month, day), "day")
        except ValueError:
            return None
    if match["relyear"]:  # "on 17 June this year", "on 3 May last year"
        year = published.year - (1 if match["relyear"].lower().startswith("last") else 0)
        try:
            return Dated(date(year, month, day), "day")
        except ValueError:
            return None
    found = latest_day(month, day, published)
    return Dated(found, "day") if found else None


def _day_number(text: str) -> int:
    """The day of the month written in digits ("4") or spoken as an ordinal ("the fourth", "twenty-first")."""
    return int(text) if text.isdigit() else ordinal_value(text) or 0


def _month_only(match: re.Match, published: date) -> Dated:
    month = month_number(match["month"])
    if match["year"]:
        return mid_month(int(match["year"]), month)
    if match["rel"] and "last" in match["rel"].lower():
        return mid_month(published.year - 1, month)
    if match["rel"] and "this" in match["rel"].lower():
        return mid_month(published.year, month)
    strictly = bool(match["last"])
    return mid_month(latest_month(month, published, strictly_before=strictly), month)


def _year_only(match: re.Match, published: date) -> Dated:
    return Dated(date(int(match["year"]), 7, 1), "year")


def _weekday(match: re.Match, published: date) -> Dated:
    """'on Sunday': the latest Sunday on or before publication; 'last Sunday' strictly before it;
    'Sunday last week' (or 'a week ago Sunday') the week before that."""
    day = latest_weekday(match["weekday"], published)
    if match.group().lower().startswith("last") and day == published:
        day -= timedelta(days=7)
    if match["lastweek"]:
        day = latest_weekday(match["weekday"], published - timedelta(days=7))
    return Dated(day, "day")


_AGO = rf"\b{_NUMBER}\s+(?P<unit>day|week|month|year)s?\s+ago\b"
_OFFSET = (rf"\b(?:just\s+|only\s+|about\s+|some\s+)?{_NUMBER}\s+(?P<unit>day|week|month|year)s?\s+"
           r"(?P<dir>after|before|later|earlier)\b")
_NEXT_DAY = (r"\b(?:the next day|the following day|a day later|the day after|the day before|the previous day|"
             r"the (?:next|following) (?:morning|evening|night)|the previous (?:morning|evening|night))\b")
_AT_THE_TIME = r"\b(?:at the time|at that time|then)\b(?!\s+(?:President|Prime|Minister|leader))"
_SINCE_THEN = r"\b(?:since then|ever since|since that time|have since|has since|had since)\b"
_REL_YEAR = r"(?:\s+(?:(?i:of)\s+)?(?P<relyear>(?i:this|last)\s+year))?"  # "in April last year", "of last year"
_DAY_MONTH = (rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b{_REL_YEAR}",
              rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:km|per|%))(?:,?\s+{_YEAR})?{_REL_YEAR}",
              # spoken: "on the first of October", "October the third, 2016"
              rf"\b(?i:the\s+)?(?P<day>(?i:{ORDINAL_PATTERN}))\s+of\s+{_MONTH}(?:,?\s+{_YEAR})?\b{_REL_YEAR}",
              rf"\b{_MONTH}\s+(?i:the)\s+(?P<day>(?i:{ORDINAL_PATTERN}))\b(?:,?\s+{_YEAR})?{_REL_YEAR}")
# "in April last year, on the third": a spoken day with no month of its own takes the month named before it
_BARE_ORDINAL = rf"\bon\s+the\s+(?P<day>{ORDINAL_PATTERN})\b(?=\s*(?:[,.;:)]|$))"
_MONTH_ONLY = (rf"(?:\b(?P<last>(?i:last))\s+|\b(?i:in|since|during|by|until|from|of|early|late|mid|mid-|before|"
               rf"after|through|throughout|on)\s+(?i:early\s+|late\s+|mid-?)?)(?i:the\s+month\s+of\s+)?{_MONTH}"
               rf"(?:,?\s+{_YEAR}|\s+(?:(?i:of)\s+)?(?P<rel>(?i:last year|this year)))?\b(?!\s+\d)")
_MONTH_YEAR = rf"\b{_MONTH}\s+{_YEAR}\b"
_YEAR_ONLY = rf"\b(?:in|since|during|by|until|from|of|before|after|throughout|early|late|mid-?)\s+{_YEAR}\b(?!\s*[-–]\d)"
_WEEKDAY = (r"\b(?i:on\s+|late\s+on\s+|early\s+on\s+|last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|"
            r"Saturday|Sunday)\b(?P<lastweek>\s+(?i:last|the previous)\s+week\b)?")
# "shortly after 3 a.m.", "just before midnight": a time of day on the sentence's own date, not another event's
_CLOCK = (r"(?:(?:about|around|some)\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|am\b|pm\b|o'clock|GMT|"
          r"local time|hours?\b)|\d{1,2}[:.]\d{2}\b|midnight|dawn|daybreak|noon|midday|sunrise|sunset|nightfall|dusk)")
_SAME_DAY = (r"\b(?:the same day|that same day|on that day|later that day|earlier that day|that night|that evening|"
             r"hours (?:later|earlier)|minutes (?:later|earlier)|shortly (?:afterwards?|before|after))\b"
             rf"(?!\s+{_CLOCK})")
_PART_OF = r"\b(?:end|beginning|start|middle)\s+$"
"""'at the end of May': a part of the month, which a day of that month in the sentence names outright."""
_DAYS_LATER = r"\b(?P<unit>days|weeks) (?P<dir>later|earlier|afterwards)\b"
_DURATION = rf"\blasted\s+(?:for\s+)?(?:around\s+|about\s+|nearly\s+|almost\s+)?{_NUMBER}\s+(?P<unit>day|week)s?\b"


def find_dates(sentence: str, published: date, year_named: int | None = None,
               narrative: Dated | None = None) -> list[DateMention]:
    """The date expressions in ``sentence`` in order, resolved against ``published`` where they can be (and
    'in December that year' against ``year_named``, the year the text last named; a day or month with no year
    far before publication against ``narrative``, the date the text last named with its year)."""
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for start, end, dated in [*year_dates(sentence, year_named, published), *iso_days(sentence),
                              *story_weekdays(sentence, narrative)]:
        taken.append((start, end))
        mentions.append(DateMention(start, end, sentence[start:end].strip(), "date", dated))

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(match: re.Match, kind: str, dated: Dated | None = None, *, days: int = 0, since: bool = False) -> None:
        if not free(match.start(), match.end()):
            return
        taken.append((match.start(), match.end()))
        mentions.append(DateMention(match.start(), match.end(), match.group().strip(), kind, dated, days, since))

    for pattern in _DAY_MONTH:
        for match in re.finditer(pattern, sentence):
            dated = _day_month(match, published)
            if dated and not match["year"] and not match["relyear"]:
                dated = narrative_day(dated, narrative, published)
            if dated:
                add(match, "date", dated, since=_since_before(sentence, match.start()))
    for match in re.finditer(_MONTH_YEAR, sentence):
        add(match, "date", mid_month(int(match["year"]), month_number(match["month"])),
            since=_since_before(sentence, match.start()))
    for match in re.finditer(_MONTH_ONLY, sentence):
        if match["month"] == "May" and not match["year"] and not re.match(r"(?:in|since|last|early|late|mid)",
                                                                          match.group().strip(), re.I) \
                and not re.search(_PART_OF, sentence[:match.start()], re.I):
            continue  # "they may", "of May" alone; but "at the end of May" is the month
        dated = _month_only(match, published)
        if not (match["year"] or match["rel"] or match["last"]):
            dated = narrative_day(dated, narrative, published)
        add(match, "date", dated, since=match.group().lower().startswith("since"))
    for match in re.finditer(_YEAR_ONLY, sentence, re.IGNORECASE):
        add(match, "date", _year_only(match, published), since=match.group().lower().startswith("since"))
    for match in re.finditer(ANNIVERSARY, sentence, re.IGNORECASE):  # "five years ago today": that day
        add(match, "date", anniversary(match["n"], published))
    for match in re.finditer(_AGO, sentence, re.IGNORECASE):
        count, unit = count_of(match["n"]), match["unit"].lower()
        precision = "day" if unit == "day" and count <= 2 else "week" if UNIT_DAYS[unit] * count <= 21 else \
            "month" if unit in ("week", "month") else "year"
        add(match, "date", Dated(published - timedelta(days=UNIT_DAYS[unit] * count), precision))
    for pattern, make in RELATIVE:
        for match in re.finditer(pattern, sentence, re.IGNORECASE):
            add(match, "date", make(published))
    for match in re.finditer(_OFFSET, sentence, re.IGNORECASE):
        days = count_of(match["n"]) * UNIT_DAYS[match["unit"].lower()]
        # "X came two weeks after Y": Y (after the phrase) is two weeks before the context date.
        sign = {"after": -1, "before": 1, "later": 1, "earlier": -1}[match["dir"].lower()]
        add(match, "offset", days=sign * days)
    for match in re.finditer(_NEXT_DAY, sentence, re.IGNORECASE):
        add(match, "offset", days=-1 if "before" in match.group().lower() or "previous" in match.group().lower()
            else 1)
    for match in re.finditer(_SAME_DAY, sentence, re.IGNORECASE):  # "the same day", "hours later": the event's day
        add(match, "offset", days=0)
    for match in re.finditer(_DAYS_LATER, sentence, re.IGNORECASE):  # "days later": a few days on, to the week
        add(match, "offset", days=(3 if match["unit"].lower() == "days" else 14) * (-1 if match["dir"] == "earlier" else 1))
    for match in re.finditer(_SINCE_THEN, sentence, re.IGNORECASE):
        add(match, "since", since=True)
    for match in re.finditer(_AT_THE_TIME, sentence, re.IGNORECASE):
        if match.group().lower() != "then" or re.search(r"\bat\s+$", sentence[:match.start()]):
            add(match, "offset", days=0)
    for match in re.finditer(_WEEKDAY, sentence):
        near = [m for m in mentions if m.kind == "date" and m.dated and m.dated.precision == "day"
                and (abs(m.start - match.start()) <= 16 or 0 <= match.start() - m.end <= 6)]
        if near:  # "on Nov 4, Friday", "on the first of October, a Sunday": the weekday only repeats the date
            taken.append((match.start(), match.end()))
            continue
        if re.search(r"\b(?:a|an|every|each)\s+$", sentence[:match.start()], re.IGNORECASE):
            taken.append((match.start(), match.end()))  # "broke up a Friday demonstration": which Friday is not said
            continue
        add(match, "date", _weekday(match, published))
    for match in re.finditer(VAGUE, sentence, re.IGNORECASE):
        add(match, "vague")
    for match in re.finditer(_DURATION, sentence, re.IGNORECASE):
        before = [m for m in mentions if m.kind == "date" and m.dated and m.dated.precision == "day"
                  and m.end <= match.start()]
        if before:  # "began on March 6 and lasted for around a week": the middle of the span, to the week
            first = before[-1]
            span = count_of(match["n"]) * UNIT_DAYS[match["unit"].lower()]
            middle = Dated(first.dated.day + timedelta(days=span // 2), "week" if span <= 10 else "month")
            mentions[mentions.index(first)] = DateMention(first.start, match.end(), first.text, "date", middle)
    for match in re.finditer(_BARE_ORDINAL, sentence, re.IGNORECASE):
        months = [m for m in mentions if m.kind == "date" and m.dated and m.dated.precision == "month"
                  and m.end <= match.start()]
        if months and free(match.start(), match.end()):
            month = months[-1]
            try:
                day = Dated(month.dated.day.replace(day=_day_number(match["day"])), "day")
            except ValueError:
                continue
            mentions[mentions.index(month)] = DateMention(month.start, match.end(), month.text, "date", day, 0,
                                                          month.since)
    # "the deadliest since October 2022, when fighters entered the town": the baseline dates the 'when' clause
    mentions = [replace(m, since=False) if m.since and m.kind == "date" and WHEN_AFTER.match(sentence[m.end:])
                and BASELINE.search(sentence[max(0, m.start - 90):m.start]) else m for m in mentions]
    mentions = [m for m in mentions if not (m.since and BASELINE.search(sentence[max(0, m.start - 90):m.start]))
                and not (m.kind == "date" and in_baseline_clause(sentence, m.start))]
    # "on 9 December, the day after the fall of Assad": the offset in apposition restates the date before it
    mentions = [m for m in mentions if not (m.kind == "offset" and any(
        d.kind == "date" and d.dated and d.dated.precision == "day" and re.fullmatch(r",\s*", sentence[d.end:m.start])
        for d in mentions))]
    # "at the end of May, when troops entered the town on 29 May": the day names which part of the month
    days = {(m.dated.day.year, m.dated.day.month) for m in mentions if m.kind == "date" and m.dated
            and m.dated.precision == "day"}
    mentions = [m for m in mentions if not (m.kind == "date" and m.dated and m.dated.precision == "month" and not m.since
                                            and (m.dated.day.year, m.dated.day.month) in days
                                            and re.search(_PART_OF, sentence[:m.start], re.IGNORECASE))]
    mentions.sort(key=lambda m: m.start)
    return mentions


def _since_before(sentence: str, start: int) -> bool:
    return bool(re.search(r"\bsince\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", sentence[:start], re.IGNORECASE))
