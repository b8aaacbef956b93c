"""Text search: any case, accent, Arabic form or transliteration of a base; every word must match."""

from __future__ import annotations

import pytest
from conftest import BUNDLED

from utils.analysis.filters import EventFilter
from utils.analysis.search import build_search_index, query_terms, search_key
from utils.analysis.selection import dataset_mask
from utils.data.dataset import load_dataset

DATASET = load_dataset(BUNDLED)
INDEX = build_search_index(DATASET.events, DATASET.sites)


def ids(query: str) -> set[str]:
    return set(DATASET.events.loc[INDEX.mask(query), "event_id"])


@pytest.mark.parametrize("spelling", ["Hmeimim", "Khmeimim", "humaymim", "HMEYMIM", "حميميم", "حُمَيْمِيم"])
def test_every_spelling_of_a_base_finds_the_same_events(spelling):
    assert ids(spelling) == ids("Khmeimim") and len(ids(spelling)) == 16


@pytest.mark.parametrize(("query", "expected"), [("Jableh", 4), ("Jablah", 4), ("JABLEH", 4), ("pantsir", 1),
                                                 ('"air defence"', 6), ("Pantsir Tartus", 1), ("", 30),
                                                 ("nothing-like-this", 0)])
def test_words_match_case_and_transliteration_and_all_must_match(query, expected):
    assert len(ids(query)) == expected


def test_search_reads_place_notes_actors_outlet_and_claimant():
    events = DATASET.events
    for column in ("location", "notes", "actor1", "source", "claimed_by"):
        word = next(w for w in str(events[column].iloc[0]).split() if len(w) > 4 and w.isalpha())
        assert events["event_id"].iloc[0] in ids(word), (column, word)


@pytest.mark.parametrize(("text", "key"), [("Al-Qāmishlī", " al qamishli "), ("  Tartus,  port ", " tartus port "),
                                           ("أَحْمَد", " احمد "), ("مدرسةـ", " مدرسه ")])
def test_search_keys_drop_case_accents_diacritics_and_punctuation(text, key):
    assert search_key(text) == key


def test_query_terms_keep_quoted_phrases():
    assert query_terms('Pantsir "air defence"  ') == ["Pantsir", "air defence"]


def test_the_search_is_part_of_the_filter_value_caption_and_link():
    value = EventFilter(text="Pantsir")
    assert dataset_mask(DATASET, value).sum() == 1
    assert value.describe(1, 30) == 'Showing 1 of 30 events, matching "Pantsir"'
    assert EventFilter.from_query(value.to_query()) == (value, [])
