"""A text about the past (an encyclopedia page, a memoir, a retrospective): the date its story is told at.

News dates a sentence that names no date by its own day (the publication's eve, :func:`.context.lead_date`). A
text that opens on a time years before it was written ("The Daraya massacre was the killing of ... in late August
2012", "It was the Friday, 20 July 2012") tells its story then: its undated sentences are of that month, not of
the week it was published. The text's own date ("This page was last edited on 10 March 2019", "Published by X,
1 May 2019") is not the date its story is told at. A text that opens on an anniversary ("Five years ago today,
...") tells its story on that day, whatever its title line's date.
"""

from __future__ import annotations

import re
from datetime import date

from utils.importers.article.dates import Dated, find_dates
from utils.importers.article.event_types import find_triggers
from utils.importers.article.relative_dates import ANNIVERSARY
from utils.importers.article.sentences import Sentence

__all__ = ["anniversary_lead", "past_lead", "text_date"]

_TEXT_DATE = re.compile(r"\b(?:published|edited|updated|posted|written|recorded)\b(?:\s+(?:by|in|on)?\s*[\w'’-]+){0,5},?"
                        r"\s*(?:on\s+)?$", re.IGNORECASE)
"""What dates the text itself ('Published by Test Books, 1 May 2019', 'last edited on 10 March 2019')."""
_PAST_DAYS = 365
"""How long before publication the opening's date must be for the text to be about the past."""


def text_date(before: str) -> bool:
    """True when the date after ``before`` (the sentence up to it) is the text's own ('last edited on')."""
    return bool(_TEXT_DATE.search(before))


def _tells_an_event(sentence: Sentence) -> bool:
    """True for a sentence, ended as one (a title's words are none), that tells an event: where an opening ends."""
    return bool(find_triggers(sentence.text)) and re.search(r"[.!?][\"”’')]*\s*$", sentence.text) is not None


def past_lead(body: list[Sentence], published: date) -> Dated | None:
    """The month the text's opening sentences ``body`` (headings left out) are told at, when it is more than a year
    before ``published``: the first date named with its year, to the day, week or month, up to the first sentence
    that tells an event (a date named after a news lead's event is that event's background, not the story's time;
    a title is no sentence); None for news."""
    for sentence in body:
        for mention in find_dates(sentence.text, published):
            if text_date(sentence.text[:mention.start]) or mention.since or mention.kind != "date" or not mention.dated:
                continue
            if mention.dated.precision in ("day", "week", "month") and re.search(r"\b(?:19|20)\d{2}\b", mention.text) \
                    and (published - mention.dated.day).days > _PAST_DAYS:
                return Dated(mention.dated.day.replace(day=15), "month")
        if _tells_an_event(sentence):
            return None  # a sentence told an event first (a title's words tell none)
    return None


def anniversary_lead(body: list[Sentence], published: date) -> Dated | None:
    """The day an opening sentence of ``body`` (headings left out) names as an anniversary ('Five years ago today,
    before the sun was up, fighters came out of the desert'), up to the first sentence that tells an event
    without one; None when there is none."""
    for sentence in body:
        for mention in find_dates(sentence.text, published):
            if mention.kind == "date" and mention.dated and re.fullmatch(ANNIVERSARY, mention.text, re.IGNORECASE):
                return mention.dated
        if _tells_an_event(sentence):
            return None
    return None
