"""The day a quoted document or a log entry speaks from, beside the publication date: its 'today'.

Kept over an article's sentences (``reference_day`` on :class:`.reading.ArticleRun`):

- :func:`dated_line`: a line that is only a dated document's label ('Source A - a coalition statement, 22 March 2017
  (adapted)') makes that day the 'today' of the quoted text below it: its 'Today' and 'on Sunday' are read
  against the document's day, not the publication's; so does a log entry's stamp ('2019-06-06 09:40 - Tal Malah
  changed ...': its 'on Thursday' and 'this morning') for its own paragraph (:func:`entry_stamp`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from utils.importers.article.calendar_days import ISO_DAY, iso_date
from utils.importers.article.dates import DateMention, find_dates
from utils.importers.article.that_year import year_of

if TYPE_CHECKING:
    from utils.importers.article.reading import ArticleRun

__all__ = ["LABEL_WORDS", "dated_line", "entry_stamp", "follow_reference", "heading_day"]

LABEL_WORDS = 25
"""At most this many words in a line that labels a quoted document with its date."""


def dated_line(body: str, mentions: list[DateMention], label: bool, published: date) -> date | None:
    """The day a document-label line gives ('a report by the monitor, 23 March 2017'), else None. ``label``: the
    line is a paragraph of its own with no trigger; it must be short and name one day, with its year, before
    ``published``."""
    if not label or len(body.split()) > LABEL_WORDS:
        return None
    days = [m for m in mentions if m.kind == "date" and m.dated is not None]
    if len(days) != 1 or days[0].dated.precision != "day" or not year_of(days[0].text):
        return None
    day = days[0].dated.day
    return day if day < published else None


_STAMP_AFTER = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|Z))?)?\s*[-–—:|]\s")
"""What follows a log entry's date stamp: an optional time, then a dash or colon ('2019-06-06 09:40 - ')."""


def entry_stamp(body: str, first_in_paragraph: bool, published: date) -> date | None:
    """The day that opens ``body`` as a log entry's stamp ('2019-06-06 09:40 - al-Jibeen changed ...'), when the
    sentence opens its paragraph and the day is not after ``published``; else None."""
    match = ISO_DAY.match(body.lstrip())
    if not first_in_paragraph or match is None or not _STAMP_AFTER.match(body.lstrip(), match.end()):
        return None
    day = iso_date(match)
    return day if day is not None and day <= published else None


def follow_reference(run: ArticleRun, body: str, paragraph: int, first_in_paragraph: bool) -> None:
    """Before reading ``body``: a log entry's stamp is its paragraph's 'today' (``run.reference_day``); an entry's
    day ends with its paragraph, a document label's (:func:`dated_line`) at the next heading or label."""
    stamp = entry_stamp(body, first_in_paragraph, run.published)
    if stamp is not None:
        run.reference_day, run.reference_paragraph = stamp, paragraph
    elif run.reference_paragraph is not None and run.reference_paragraph != paragraph:
        run.reference_day, run.reference_paragraph = None, None


def heading_day(heading: str, published: date) -> date | None:
    """The day a heading labels its section with ('Exhibit C: report of a monitoring group, 5 August 2015'), as
    :func:`dated_line` reads a label line; None for a heading with no such day (it ends the section before)."""
    return dated_line(heading, find_dates(heading, published), True, published)
