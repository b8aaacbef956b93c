"""Thirty-seventh pass of the article extraction's general mechanisms (issue 17). Every sentence here was written for
these tests, not taken from a gold set; places, dates and phrasings are varied on purpose. Positive rows fail on
main's code; guard rows pass on both.

- A section headed as an outlook ('Outlook', 'Watch points', 'What to watch', '3. Looking ahead') tells what may come,
  not what happened (:func:`utils.importers.article.outlooks.outlook_sentences`): its sentences give no event, up to
  the next heading. Main read 'Shelling of the town; a push on the crossing' under it as events of the week.
- The wounded or the dead carried away ('the wounded had been flown to the base', 'patients were transferred to
  hospitals') are no force's deployment or withdrawal (``event_types._CARRIED``). Main gave a deployment at the
  place they were taken to.
"""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.importers.article.outlooks import outlook_sentences
from utils.importers.article.sentences import split_sentences


def rows_of(text: str, published: str = "2021-03-12") -> list[tuple[str, str]]:
    """(sub-event type, location) of each candidate."""
    return [(r["sub_event_type"], r["location"]) for r in candidates(text, published)]


_NOTE = ("Weekly brief | 12 March 2021\n\nOverview\n\nGovernment aircraft struck Kafr Nabl on Wednesday, killing "
         "three civilians, a monitor said.\n\n{heading}\n\n{body}\n\nThe brief is written by the programme staff.")


@pytest.mark.parametrize("heading, body", [
    # positive rows (fail on main: the forecast gave an event of its own)
    ("Watch points", "Shelling of Saraqib; a ground push towards Atarib."),
    ("4. Outlook", "Further air strikes on Jisr al-Shughur and displacement from the Ghab plain."),
    ("What to watch", "- Drone strikes near Maarrat Misrin."),
])
def test_an_outlook_section_gives_no_event(heading: str, body: str) -> None:
    assert rows_of(_NOTE.format(heading=heading, body=body)) == [("Air/drone strike", "Kafranbel")]


@pytest.mark.parametrize("heading, body, events", [
    # guards (pass on main too): a section that is no outlook keeps its events
    ("Other developments", "Shelling hit Saraqib on Thursday, wounding two people, local sources said.", 2),
    ("Background", "Government forces shelled Saraqib on Thursday, wounding two people, activists said.", 2),
])
def test_other_sections_keep_their_events(heading: str, body: str, events: int) -> None:
    assert len(rows_of(_NOTE.format(heading=heading, body=body))) == events


@pytest.mark.parametrize("text, inside", [
    ("Intro line.\n\nOutlook\n\nMore strikes are possible.\n\nMethod\n\nWe read sources.", {2}),
    ("Intro line.\n\nOutlook for the north\n\nMore strikes.\n\nAnother line here.", {2, 3}),
    ("Intro line.\n\nThe outlook is grim, officials said.\n\nMore strikes.", set()),  # a sentence, no heading
])
def test_outlook_sentences(text: str, inside: set[int]) -> None:
    assert outlook_sentences(split_sentences(text)) == inside


_BOMB = "A roadside bomb hit an army patrol near Daraa on Tuesday, killing one soldier, state media said. "


@pytest.mark.parametrize("text, expected", [
    # positive rows (fail on main: the wounded carried away gave a deployment)
    (_BOMB + "Four wounded soldiers were later flown to the Mezzeh military airport.",
     [("Remote explosive/landmine/IED", "Dar‘ā")]),
    (_BOMB + "It said the injured had been moved to a hospital in Sweida.",
     [("Remote explosive/landmine/IED", "Dar‘ā")]),
])
def test_the_wounded_carried_away_are_no_deployment(text: str, expected: list[tuple[str, str]]) -> None:
    assert rows_of(text) == expected


@pytest.mark.parametrize("text", [
    # guards (pass on main too): a force sent is a deployment, wounded or not in the sentence
    _BOMB + "Army reinforcements were sent to Sweida on Wednesday, a military source said.",
    _BOMB + "After the blast, troops were flown to Sweida to hunt the attackers, state media said.",
])
def test_a_force_sent_is_still_a_deployment(text: str) -> None:
    assert "Deployment" in {r[0] for r in rows_of(text)}
