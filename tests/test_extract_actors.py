"""Who took the ground: the Free Syrian Army is a rebel actor, never the Syrian army (issue 17). Before, 'Rebels of the
Free Syrian Army captured Marea' was coded as the government's gain by Military Forces of Syria: the words 'Syrian
Army' inside the faction's name matched the state's actor and its 'the army took it' rule. Every sentence here was
written for these tests, not taken from a gold set. The guard rows keep the Syrian army's own gains."""

from __future__ import annotations

import pytest
from extraction import candidates

from utils.importers.article.event_types import actors_in

GAIN, TAKEN = "Government regains territory", "Non-state actor overtakes territory"
FSA, STATE = "Rebel groups (Free Syrian Army)", "Military Forces of Syria"

# (text, published, sub-event type, actor1)
TAKINGS = [
    ("Rebels of the Free Syrian Army captured Marea, north of Aleppo, on Sunday after heavy clashes, the Syrian "
     "Observatory for Human Rights said.", "2016-06-06", TAKEN, FSA),
    ("FSA fighters seized the village of Kafr Nabudah in northern Hama on Friday, activists said.", "2017-05-08", TAKEN,
     FSA),
    # guards: the Syrian army's own gains stay the government's
    ("The Syrian army captured Marea, north of Aleppo, on Sunday after heavy clashes, the Syrian Observatory for Human "
     "Rights said.", "2016-06-06", GAIN, STATE),
    ("Syrian troops captured the town of Morek in northern Hama on Friday, state media said.", "2019-08-25", GAIN, STATE),
]


@pytest.mark.parametrize("text, published, sub_event_type, actor", TAKINGS, ids=[row[0][:40] for row in TAKINGS])
def test_who_took_the_ground(text, published, sub_event_type, actor):
    rows = [r for r in candidates(text, published) if r["event_type"] == "Battles"]
    assert rows and rows[0]["sub_event_type"] == sub_event_type and rows[0]["actor1"] == actor, rows


@pytest.mark.parametrize("text, actors", [
    ("Units of the Free Syrian Army shelled the airport.", [FSA]),
    ("The Syrian army shelled positions of the Free Syrian Army.", [STATE, FSA]),
    ("Syrian forces and FSA units clashed.", [STATE, FSA]),
])
def test_the_free_syrian_army_is_not_the_syrian_army(text, actors):
    assert actors_in(text) == actors
