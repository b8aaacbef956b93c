"""A place the gazetteer spells exactly is not a base misspelt (issue 17).

The base finder reads the last word or words of a capitalised name as a base's name, allowing a misspelling
("Hmeimim", "Khmeim"). A village whose name ends in such a word ("Abu Hamam", in the Deir ez-Zor countryside) was
read as Khmeimim air base, 450 km away: an event at a Russian base that the text never places there. Now a match that
is a base only by a misspelling gives way when the whole name, or the part, is a place the gazetteer has exactly.
Set 26's documentary script (x9) is the one gold article that moves (0 -> 2 of 12); over all 28 sets no other row
of the benchmark changes (``benchmarks/extract_bench.py --set all --runs 1``). Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from extraction import candidates


@pytest.mark.parametrize("text, published, place", [
    # positive rows (fail before: the event went to Khmeimim air base)
    ("Islamic State fighters killed at least 30 men in Abu Hamam on Monday, "
     "activists said.", "2014-08-20", "Abu Hamam"),
    ("Gunmen shot dead five farmers near Abu Hamam late on Sunday, a local monitor said.", "2016-03-15",
     "Abu Hamam"),
    # guards: the base spelt right or misspelt, on its own, is still the base
    ("Air defences at Hmeimim shot down two drones on Saturday, the Russian defence ministry said.", "2018-01-08",
     "Khmeimim air base"),
    ("Rebels shelled the Khmeimim air base on Friday, a war monitor said.", "2019-05-12", "Khmeimim air base"),
])
def test_an_exact_place_name_is_not_read_as_a_misspelt_base(text, published, place):
    rows = candidates(text, published)
    assert rows and rows[0]["location"] == place, [(r["location"], r["sub_event_type"]) for r in rows]
