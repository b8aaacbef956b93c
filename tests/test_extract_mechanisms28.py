"""Twenty-eighth pass of the article extraction's general mechanisms (issue 17): the day a quoted text speaks from.

A worksheet, a dossier or a changelog quotes texts that carry their own day: "Source A - a coalition statement, 22
March 2017 (adapted)" above a quotation that says "Today ...", or a log entry stamped "2019-06-06 09:40 - ..." that
says "on Thursday" and "this morning". Those relative days are the quoted text's, not the publication's
(:mod:`utils.importers.article.story_time`): a label line's day holds for the section below it, up to the next
heading or label; an entry's stamp for its own paragraph. Every sentence here was written for these tests, not taken
from a gold set; places, dates and phrasings are varied on purpose. Guard rows must not change."""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.dates import find_dates
from utils.importers.article.story_time import entry_stamp


def days(text: str, published: str) -> list[str]:
    """The event day of each candidate."""
    return [r["event_date"] for r in candidates(text, published)]


@pytest.mark.parametrize("text, published, day", [
    # positive end-to-end rows (fail on main: the relative day is read against the publication date)
    ("Document 2 - a statement by the provincial council, 14 May 2016 (adapted)\n\n"
     "\"Today government warplanes bombed the market in Maarat al-Numan, killing at least 12 people.\"",
     "2023-09-01", "2016-05-14"),
    ("Exhibit C: report of a local monitoring group, 5 August 2015\n\n"
     "On Monday, helicopters dropped barrel bombs on Daraya, killing nine people, among them three children.",
     "2019-01-10", "2015-08-03"),
    ("Edit log of the front-line map\n\n"
     "2018-02-10 07:15 - Turkish jets struck villages near Jinderes on Saturday morning, killing four civilians. "
     "Confidence: claimed.", "2018-02-20", "2018-02-10"),
    ("Changes to the map\n\n"
     "2019-05-09 18:40 UTC: government forces captured Kafr Nabudah this morning after a night of fighting. "
     "Two videos were geolocated.", "2019-05-28", "2019-05-09"),
])
def test_the_quoted_text_speaks_from_its_own_day(text: str, published: str, day: str) -> None:
    assert day in days(text, published), candidates(text, published)


@pytest.mark.parametrize("text, published, day", [
    # guards (pass on main too): a heading ends a label's section; a stamp dates its own paragraph only; a day in a
    # sentence of news is no label; a stamp after publication is none
    ("Exhibit C: report of a local monitoring group, 5 August 2015\n\nWhat happened next\n\n"
     "On Monday, helicopters dropped barrel bombs on Daraya, killing nine people.", "2019-01-10", "2019-01-07"),
    ("2018-02-10 07:15 - Map layer updated. No change of control was made.\n\n"
     "Turkish jets struck villages near Jinderes on Saturday, killing four civilians, activists said.",
     "2018-02-20", "2018-02-17"),
    ("The army said on 5 August 2015 that it had repelled an attack near Daraya, in a long statement that was read "
     "out on state television and repeated on the radio for the rest of the day.\n\n"
     "On Monday, helicopters dropped barrel bombs on Daraya, killing nine people.", "2015-08-20", "2015-08-17"),
])
def test_the_publication_day_still_reads(text: str, published: str, day: str) -> None:
    assert day in days(text, published), candidates(text, published)


@pytest.mark.parametrize("text, published, expected", [
    ("2019-06-06 09:40 - Tal Malah changed to opposition.", date(2019, 6, 14), date(2019, 6, 6)),
    ("2019-06-07: al-Jibeen set to contested.", date(2019, 6, 14), date(2019, 6, 7)),
    # guards: after publication; no stamp separator; not a date
    ("2019-06-16 09:40 - Tal Malah changed to opposition.", date(2019, 6, 14), None),
    ("2019-06-06 was the day the village changed hands.", date(2019, 6, 14), None),
    ("2019-13-06 - a code, not a day.", date(2019, 6, 14), None),
])
def test_entry_stamp(text: str, published: date, expected: date | None) -> None:
    assert entry_stamp(text, True, published) == expected


def test_an_iso_day_is_a_date() -> None:
    mentions = find_dates("The map was changed on 2019-06-06 after two videos.", date(2019, 6, 14))
    assert [(m.text, m.dated.day if m.dated else None) for m in mentions] == [("2019-06-06", date(2019, 6, 6))]
