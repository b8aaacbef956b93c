"""Thirty-eighth pass of the article extraction's general mechanisms (issue 17). Every sentence here was written for
these tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Positive rows fail on
main's code; guard rows pass on both.

- A weekday that points back into the story ('that Friday', 'the following Monday', 'the Monday that followed',
  'the previous Wednesday') is a day of the narrative's week, read against the date the text last named with its
  year (:func:`utils.importers.article.story_weekdays.story_weekdays`), not the latest such weekday before
  publication. Main dated a retrospective's 'that Friday evening' to the week it was published, years later.
- A place between an office's noun and its speech verb ('its media office in Hama city said', 'the operations command
  at the Kuweires air base said') is where the speaker sits (:func:`utils.importers.article.speaker_seats.seat_spans`),
  not where the event was: it is marked a reference. Main gave the event at the office's seat.
- A picture's or a video's caption quoted and shown false ('a clip posted as "the bombing of X" had in fact been
  filmed in Y', 'photos circulating as "..." were misattributed') is no event
  (:func:`utils.importers.article.captions.debunked_caption`): the sentence is skipped. Main gave the captioned
  event on the day the clip was posted.
"""

from __future__ import annotations

from datetime import date

import pytest
from extraction import candidates

from utils.importers.article.calendar_days import Dated
from utils.importers.article.captions import debunked_caption
from utils.importers.article.speaker_seats import seat_spans
from utils.importers.article.story_weekdays import story_weekdays


def dated_rows(text: str, published: str) -> list[tuple[str, str]]:
    """(event date, location) of each candidate."""
    return [(r["event_date"], r["location"]) for r in candidates(text, published)]


_STORY = ("The worst night came on 11 August 2017, a year into the siege. {sentence} Residents still speak of it, "
          "the author notes.")


@pytest.mark.parametrize("sentence, day", [
    # positive rows (fail on main: the weekday was read against publication, in 2024)
    ("Late that Friday, government aircraft bombed the market in Saraqib, killing four people.", "2017-08-11"),
    ("On the Sunday that followed, artillery shelled Saraqib, wounding six civilians.", "2017-08-13"),
    ("The following Tuesday, aircraft struck Saraqib again, killing two people.", "2017-08-15"),
])
def test_a_story_weekday_is_a_day_of_the_narrative(sentence: str, day: str) -> None:
    rows = dated_rows(_STORY.format(sentence=sentence), "2024-03-20")
    assert (day, "Saraqib") in rows


@pytest.mark.parametrize("text, published, day", [
    # guards (pass on main too): a bare weekday in a news report is the latest before publication
    ("Government aircraft bombed the market in Saraqib on Friday, killing four people, a monitor said.",
     "2024-03-20", "2024-03-15"),
    ("In a report on 2 March 2024 the monitor counted 40 strikes. Artillery shelled Saraqib on Monday, wounding "
     "six civilians, activists said.", "2024-03-20", "2024-03-18"),
])
def test_a_bare_weekday_stays_with_publication(text: str, published: str, day: str) -> None:
    assert (day, "Saraqib") in dated_rows(text, published)


@pytest.mark.parametrize("sentence, narrative, days", [
    ("That Friday the town was shelled.", date(2017, 8, 11), [date(2017, 8, 11)]),
    ("that Thursday evening", date(2017, 8, 11), [date(2017, 8, 10)]),
    ("the preceding Saturday", date(2017, 8, 11), [date(2017, 8, 5)]),
    ("the next Friday", date(2017, 8, 11), [date(2017, 8, 18)]),
    ("the Wednesday before, it rained", date(2017, 8, 11), [date(2017, 8, 9)]),
    ("that Monday", date(2017, 8, 11), [date(2017, 8, 14)]),  # the nearest Monday
    ("on Friday", date(2017, 8, 11), []),  # no pointer back: left to the publication reading
])
def test_story_weekdays(sentence: str, narrative: date, days: list[date]) -> None:
    assert [d.day for _, _, d in story_weekdays(sentence, Dated(narrative, "day"))] == days
    assert story_weekdays(sentence, None) == []


@pytest.mark.parametrize("text, seat", [
    # positive rows (fail on main: an event was placed at the speaker's seat)
    ("Rebels shelled the town of Mhardeh on Monday, killing two people. Its media office in Hama city said government "
     "aircraft had struck rebel positions in response on Monday night.", "Ḩamāh"),
    ("Militants stormed an army post outside Khan Shaykhun on Thursday. The operations command at the Kuweires air base "
     "said its jets bombed the attackers on Thursday evening, killing a dozen.", "Qwaris Military Air Base"),
    ("Fighters shelled Suran on Friday, wounding four people. The group's press office in Idlib city said on Saturday "
     "that drones had struck its positions in retaliation that night.", "Idlib"),
])
def test_no_event_at_the_speakers_seat(text: str, seat: str) -> None:
    assert seat not in [location for _, location in dated_rows(text, "2021-03-17")]


@pytest.mark.parametrize("text, row", [
    # guards (pass on main too): the event's own place stays
    ("Drones hit a depot in Jableh on Sunday, the reconciliation centre at the Hmeimim base said.",
     ("2021-03-14", "Jablah")),
    ("Rebels shelled the town of Mhardeh on Monday, killing two people, its media office said.",
     ("2021-03-15", "Maharda")),
])
def test_the_events_place_stays_beside_a_seat(text: str, row: tuple[str, str]) -> None:
    assert row in dated_rows(text, "2021-03-17")


@pytest.mark.parametrize("sentence, seats", [
    ("The press office in Idlib city said drones struck.", ["in Idlib city"]),
    ("Its centre at the Hmeimim air base had said the post was hit.", ["at the Hmeimim air base"]),
    ("The office in Azaz was shelled on Monday.", []),  # no speech verb: the office is the target
    ("The command said troops entered the town.", []),
])
def test_seat_spans(sentence: str, seats: list[str]) -> None:
    assert [sentence[a:b] for a, b in seat_spans(sentence)] == seats


_STRIKE = "Aircraft bombed Ariha on Tuesday, killing three people, rescuers said. "


@pytest.mark.parametrize("text, rows", [
    # positive rows (fail on main: the false caption gave an event)
    (_STRIKE + "A clip posted on Wednesday as \"the bombing of Ariha market\" had in fact been filmed in Homs in "
     "2016, the fact-checkers found.", [("2021-03-16", "Arīḩā")]),
    (_STRIKE + "Photos circulating as 'shelling in Kafranbel' were misattributed, the team said.",
     [("2021-03-16", "Arīḩā")]),
    # guard (passes on main too): a video that shows an event, with no sign it is false, keeps it
    (_STRIKE + "A video posted on Wednesday showed the shelling of Kafranbel, activists said.",
     [("2021-03-16", "Arīḩā"), ("2021-03-17", "Kafranbel")]),
])
def test_a_false_caption_gives_no_event(text: str, rows: list[tuple[str, str]]) -> None:
    assert dated_rows(text, "2021-03-17") == rows


@pytest.mark.parametrize("body, false", [
    ("Footage shared as 'the Homs raid' was actually shot in Iraq.", True),
    ("A photo presented as \"the market\" is fake, the desk found.", True),
    ("Footage shared on Monday showed the raid on Homs.", False),
    ("The raid on Homs was filmed in 2019 by a resident.", False),  # no caption quoted
])
def test_debunked_caption(body: str, false: bool) -> None:
    assert debunked_caption(body) is false
