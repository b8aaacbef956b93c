"""Seventeenth pass of the article extraction's general mechanisms (issue 17), one table each. Every sentence here
was written for these tests, not taken from a gold set: places, dates, forces and phrasings are varied on purpose,
so a table checks the mechanism rather than a remembered line. Rows with no further event must give none."""

from __future__ import annotations

import pytest
from extraction import candidates, place_index

from utils.importers.article.far_places import FAR_KM, confident_points, doubtful, nearer_readings
from utils.importers.article.sentences import split_sentences


def rows(text: str, published: str = "2019-03-20") -> list[tuple[str, str, str]]:
    return [(r["event_date"], r["location"], r["sub_event_type"]) for r in candidates(text, published, "Test Desk")]


@pytest.mark.parametrize("text, placed, not_placed", [
    # a near spelling that only a town 300 km away fits: no place of this text (the event takes the text's place)
    ("Government forces shelled Daraa on Monday, the monitor said. Rockets also hit the town of Mayadeyn on Tuesday, "
     "it said.", ["Dar‘ā"], ["Al Mayādīn"]),
    # the same spelling in a text about the Euphrates valley is that town
    ("Government forces shelled Deir ez-Zor on Monday, the monitor said. Rockets also hit the town of Mayadeyn on "
     "Tuesday, it said.", ["Deir ez-Zor", "Al Mayādīn"], []),
    # a bare name that only UCDP's list of localities knows, far from the text's places: a person, no place
    ("Shelling hit Daraa on Monday, the monitor said. Abu Hasan, a local commander, said the shelling had killed "
     "four fighters.", ["Dar‘ā"], ["Abu Hasan"]),
    # the same name after a word that introduces a place is that place, however far
    ("Shelling hit Daraa on Monday, the monitor said. Clashes broke out in Abu Hasan on Tuesday, it said.",
     ["Dar‘ā", "Abu Hasan"], []),
    # a name two villages share: the one near the text's other places
    ("Government artillery shelled Kafr Nabudah on Monday, the monitor said. On Tuesday clashes broke out in Tal "
     "Othman, the monitor said.", ["Kafr Nabudah", "Tall Othman"], ["Tal Othman"]),
    ("Turkish artillery shelled Manbij on Monday, the monitor said. On Tuesday clashes broke out in Tal Othman, the "
     "monitor said.", ["Manbij", "Tal Othman"], ["Tall Othman"]),
    # a name shortened to its first word stands for one place: a far recalled event keeps it
    ("Air strikes hit Daraa on Monday, the monitor said. Rebels took the village of Baghouz in March, it said.",
     ["Dar‘ā", "Baghuz Fawqani"], []),
    # ... unless a facility word follows it: the facility's name ('the X crossing'), no town 300 km away
    ("Air strikes hit Daraa on Monday, the monitor said. Clashes broke out near the Baghouz crossing on Tuesday, "
     "it said.", ["Dar‘ā"], ["Baghuz Fawqani"]),
])
def test_a_doubtful_reading_far_from_the_texts_other_places(text, placed, not_placed):
    """A near spelling, a bare UCDP locality or a shared name more than 150 km from the text's confident places
    yields to a nearer reading of the name, or is no place; a firm reading far away stays."""
    locations = {location for _, location, _ in rows(text)}
    assert set(placed) <= locations and not locations & set(not_placed)


@pytest.mark.parametrize("text, placed, not_placed", [
    # a village UCDP lists, spelt like one of Dar'a's names: in a text about the Damascus countryside, that village
    ("Jets bombed Douma on Monday, the monitor said. Clashes broke out in Adra on Tuesday, it said.",
     ["Dūmā", "Adra"], ["Dar‘ā"]),
    # in a text about the south, the same spelling stays Dar'a, the nearer of the two
    ("Shells hit Tafas on Monday, the monitor said. Clashes broke out in Adra on Tuesday, it said.",
     ["Ţafas", "Dar‘ā"], ["Adra"]),
    # 'al-Bara' in Jabal al-Zawiya, not Aleppo (one of whose old names is Bara); from Manbij, Aleppo is the nearer
    ("Government shelling hit Kafr Nabl on Monday, the monitor said. Rockets fell on al-Bara on Tuesday, it said.",
     ["Kafranbel", "Barah"], ["Aleppo"]),
    ("Government shelling hit Manbij on Monday, the monitor said. Rockets fell on al-Bara on Tuesday, it said.",
     ["Manbij", "Aleppo"], ["Barah"]),
])
def test_a_name_several_places_share_is_the_one_near_the_texts_other_places(text, placed, not_placed):
    """Namesakes (UCDP localities kept beside a GeoNames place of the same spelling more than 25 km away): the one
    nearest the text's confidently placed places, when nearer by more than 25 km."""
    locations = {location for _, location, _ in rows(text)}
    assert set(placed) <= locations and not locations & set(not_placed)


def dated(text: str, published: str = "2019-03-20") -> list[tuple[str, str, str]]:
    return [(r["event_date"], r["date_precision"], r["sub_event_type"]) for r in candidates(text, published, "Test Desk")]


@pytest.mark.parametrize("text, expected", [
    # the other side's account, dated only by the day the text last named (the rescue on Tuesday), is of Monday's strike
    ("Air strikes hit a market in Saraqib late on Monday, killing nine people, rescuers said. Rescuers pulled bodies "
     "from the rubble on Tuesday morning. A military source quoted by state media said the air force had struck "
     "\"terrorist positions\" in Saraqib.",
     [("2019-03-18", "day", "Air/drone strike"), ("2019-03-18", "day", "Air/drone strike")]),
    # ... and so when the strike's own day is told after the account
    ("Rescuers searched the rubble in Saraqib all through Tuesday. A military source quoted by state media said the "
     "air force had struck \"terrorist positions\" in Saraqib. Air strikes hit a market in Saraqib late on Monday, "
     "killing nine people, rescuers said.",
     [("2019-03-18", "day", "Air/drone strike"), ("2019-03-18", "day", "Air/drone strike")]),
    # two days apart: another strike, each keeps its day
    ("Rescuers searched the rubble in Saraqib all through Tuesday. A military source quoted by state media said the "
     "air force had struck \"terrorist positions\" in Saraqib. Air strikes hit a market in Saraqib late on Sunday, "
     "killing nine people, rescuers said.",
     [("2019-03-19", "day", "Air/drone strike"), ("2019-03-17", "day", "Air/drone strike")]),
    # another kind of event at the place keeps the context's day
    ("Rescuers searched the rubble in Saraqib all through Tuesday. Residents said families had fled Saraqib. Air "
     "strikes hit a market in Saraqib late on Monday, killing nine people, rescuers said.",
     [("2019-03-19", "day", "Displacement"), ("2019-03-18", "day", "Air/drone strike")]),
])
def test_an_account_with_no_day_of_its_own_takes_the_day_the_event_was_told_with(text, expected):
    """An account dated only by the context (the day the text last named) takes the day of the same kind of event
    at that place told with a day of its own, before or after it, up to a day earlier."""
    assert dated(text) == expected


def _points(text: str) -> list[tuple[float, float]]:
    index = place_index()
    return confident_points((m, index.readings(m.text), s.text[m.end:])
                            for s in split_sentences(text) for m in index.find(s.text))


@pytest.mark.parametrize("sentence, is_doubtful", [
    ("Rockets hit the town of Mayadeyn on Tuesday.", True),  # a near spelling of Al Mayadin
    ("Rockets hit Al Mayadin on Tuesday.", False),  # the town's own spelling
    ("Clashes broke out in Tal Othman.", True),  # two villages of that name, 200 km apart
    ("Abu Hasan said the town was calm.", True),  # a bare name only UCDP gives
    ("Clashes broke out in Abu Hasan.", False),  # introduced as a place
    ("Shells hit the river bank and then Abu Hasan.", False),  # the object of a verb, not where a person is named
    ("Jets bombed Manbij.", False),
])
def test_which_readings_are_doubtful(sentence, is_doubtful):
    index = place_index()
    mention = next(m for m in index.find(sentence) if m.kind in ("place", "base"))
    assert doubtful(mention, index.readings(mention.text), sentence[mention.end:],
                    before=sentence[:mention.start]) is is_doubtful


def test_the_confident_places_of_a_text_leave_out_loose_spellings_and_shared_names():
    points = _points("Jets bombed Manbij. Rockets hit the town of Mayadeyn. Clashes broke out in Tal Othman.")
    assert points == [(36.52815, 37.95495)]


def test_a_doubtful_reading_with_no_other_place_in_the_text_is_kept():
    """Nothing to measure it against: the reading stands."""
    sentence = "Rockets hit the town of Mayadeyn on Tuesday."
    index = place_index()
    found = index.find(sentence)
    assert nearer_readings(sentence, found, [], index.readings) == found
    assert nearer_readings(sentence, found, [(found[0].latitude, found[0].longitude)], index.readings) == found
    assert FAR_KM == 150.0
