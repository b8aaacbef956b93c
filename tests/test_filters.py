"""The filter value: the overlap rule, facets, the caption and the link."""

import argparse
import dataclasses
from datetime import date

import numpy as np
import pandas as pd
import pytest

from utils.analysis.facets import FACET_BY_NAME, FACETS, build_facet_index
from utils.analysis.filters import EventFilter
from utils.core.dates import add_date_windows


def events_frame() -> pd.DataFrame:
    rows = [
        ("D", "2025-03-28", "day", "SouthFront", "SOHR", "Strategic developments", "confirmed"),
        ("W", "2025-03-09", "week", "SouthFront", "Unattributed reports", "Violence against civilians", "reported"),
        ("M", "2025-04-10", "month", "SouthFront", "Syrian media", "Strategic developments", "reported"),
        ("Y", "2018-07-01", "year", "Republic World", "Russian military", "Explosions/Remote violence", "claimed"),
    ]
    frame = pd.DataFrame(rows, columns=["event_id", "event_date", "date_precision", "source", "claimed_by",
                                        "event_type", "status"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return add_date_windows(frame)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, None, {"D", "W", "M", "Y"}),
        (date(2025, 3, 28), date(2025, 3, 28), {"D"}),
        (date(2025, 3, 12), date(2025, 3, 20), {"W"}),        # a week window reaching in
        (date(2025, 3, 13), date(2025, 3, 27), set()),
        (date(2025, 4, 30), date(2025, 5, 31), {"M"}),        # last day of a month-only date
        (date(2018, 12, 31), date(2019, 1, 1), {"Y"}),        # year-only date overlaps at its edge
        (date(2019, 1, 1), None, {"D", "W", "M"}),
        (None, date(2017, 12, 31), set()),
    ],
)
def test_an_event_is_shown_when_its_date_window_overlaps_the_filter(start, end, expected):
    shown = EventFilter(start=start, end=end).apply(events_frame())
    assert set(shown["event_id"]) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"sources": ("Republic World",)}, {"Y"}),
        ({"claimants": ("SOHR", "Syrian media")}, {"D", "M"}),
        ({"event_types": ("Strategic developments",)}, {"D", "M"}),
        ({"statuses": ("reported",)}, {"W", "M"}),
        ({"sources": ("SouthFront",), "statuses": ("confirmed",)}, {"D"}),
    ],
)
def test_facets_keep_only_the_chosen_values(changes, expected):
    assert set(EventFilter(**changes).apply(events_frame())["event_id"]) == expected


def test_apply_returns_a_new_frame_and_leaves_the_input_alone():
    frame = events_frame()
    before = frame.copy()
    shown = EventFilter(sources=("SouthFront",)).apply(frame)
    shown.loc[:, "source"] = "changed"
    assert frame.equals(before)


def test_describe_says_what_is_shown_in_words():
    value = EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30), sources=("SouthFront",))
    assert value.describe(7, 19) == "Showing 7 of 19 events, 2025-03-01 to 2025-04-30, sources: SouthFront"
    assert EventFilter(statuses=("claimed", "disputed")).describe(1, 1) == (
        "Showing 1 of 1 event, status: claimed, disputed")


def test_the_link_carries_the_filter_and_reads_it_back():
    value = EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30), sources=("SouthFront", "The Cradle"),
                        claimants=("SOHR",), event_types=("Battles",), statuses=("confirmed",))
    restored, messages = EventFilter.from_query(value.to_query())
    assert restored == value and messages == []


@pytest.mark.parametrize(
    ("query", "expected", "message"),
    [
        ({"start": "yesterday"}, EventFilter(), "not a date"),
        ({"start": "2025-05-01", "end": "2025-03-01"},
         EventFilter(start=date(2025, 3, 1), end=date(2025, 5, 1)), "swapped"),
        ({"source": "SouthFront"}, EventFilter(sources=("SouthFront",)), None),
    ],
)
def test_a_bad_link_parameter_is_ignored_with_a_message(query, expected, message):
    value, messages = EventFilter.from_query(query)
    assert value == expected
    assert (message is None and not messages) or any(message in m for m in messages)


def test_reversed_dates_are_refused_with_a_fix():
    with pytest.raises(ValueError, match="swap"):
        EventFilter(start=date(2025, 5, 1), end=date(2025, 3, 1))


def test_values_not_in_the_data_are_dropped_with_a_message():
    value, messages = EventFilter(sources=("SouthFront", "Nobody")).restricted_to({"sources": ["SouthFront"]})
    assert value.sources == ("SouthFront",)
    assert messages == ["sources not in the data, ignored: Nobody"]


def with_distances(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["dist_km_khmeimim"] = [3.0, 40.0, 55.0, 0.0]
    return out


@pytest.mark.parametrize(("radius", "expected"), [(3, {"D", "Y"}), (50, {"D", "W", "Y"}), (55, {"D", "W", "M", "Y"})])
def test_within_x_km_of_a_base(radius, expected):
    value = EventFilter(near_site="khmeimim", radius_km=radius)
    assert set(value.apply(with_distances(events_frame()))["event_id"]) == expected
    assert value.describe(1, 4, site_names={"khmeimim": "Khmeimim air base"}).endswith(
        f"within {radius} km of Khmeimim air base")
    assert EventFilter.from_query(value.to_query())[0] == value


@pytest.mark.parametrize(
    ("query", "message"),
    [({"site": "khmeimim"}, "needs radius_km"), ({"site": "khmeimim", "radius_km": "-5"}, "above 0 km"),
     ({"radius_km": "5"}, "needs site")],
)
def test_a_half_given_distance_filter_is_ignored_with_a_message(query, message):
    value, messages = EventFilter.from_query(query)
    assert value.near_site is None and value.radius_km is None
    assert any(message in m for m in messages)


def test_retired_events_are_hidden_unless_asked_for():
    frame = events_frame().assign(retired=["", "duplicate of D", "", ""])
    assert set(EventFilter().apply(frame)["event_id"]) == {"D", "M", "Y"}
    assert set(EventFilter(include_retired=True).apply(frame)["event_id"]) == {"D", "W", "M", "Y"}


@pytest.mark.parametrize(
    ("flag", "expected", "words"),
    [("precise_only", {"D", "M"}, "precise places only"),
     ("corroborated_only", {"W", "Y"}, "corroborated by 2+ independent sources")],
)
def test_precision_and_corroboration_toggles(flag, expected, words):
    frame = events_frame().assign(geo_precision=[1, 2, 1, 3], independent_sources=[1, 2, 1, 3])
    value = EventFilter(**{flag: True})
    assert set(value.apply(frame)["event_id"]) == expected
    assert value.describe(1, 4).endswith(words)
    assert EventFilter.from_query(value.to_query())[0] == value


# -- the facet table -----------------------------------------------------------------------------------------

def events_with_actors() -> pd.DataFrame:
    frame = events_frame()
    frame["actor1"] = ["Russian forces", "HTS", "HTS", "Russian forces"]
    frame["actor2"] = ["HTS", "", "HTS", "Civilians"]
    return frame


@pytest.mark.parametrize("facet", FACETS, ids=[f.name for f in FACETS])
def test_every_facet_of_the_table_reaches_the_filter_link_caption_and_command_line(facet):
    frame = events_with_actors()
    value_in_data = build_facet_index(frame, facet).labels[0]
    value = EventFilter(**{facet.name: (value_in_data,)})
    assert getattr(value, facet.name) == (value_in_data,)
    assert value.to_query() == {facet.query_key: [value_in_data]}
    assert EventFilter.from_query({facet.query_key: value_in_data}) == (value, [])
    assert f"{facet.words}: {value_in_data}" in value.describe(1, 4)
    kept = frame.loc[value.mask(frame)]
    assert len(kept) and all(value_in_data in set(row[list(facet.columns)]) for _, row in kept.iterrows())
    from utils.cli.export_cmd import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    arguments = parser.parse_args(["export", "--format", "csv", "--out", "x.csv", facet.cli_flag, value_in_data])
    assert getattr(arguments, facet.cli_dest) == [value_in_data]


def test_the_facet_table_has_one_record_per_facet_with_distinct_keys():
    for attribute in ("name", "query_key", "cli_flag", "widget_key", "label"):
        values = [getattr(f, attribute) for f in FACETS]
        assert len(set(values)) == len(values), attribute
    assert not {f.query_key for f in FACETS} & {"start", "end", "site", "radius_km", "lat", "lon", "zoom"}


@pytest.mark.parametrize(
    ("actors", "expected"),
    [(("HTS",), {"D", "W", "M"}), (("Civilians",), {"Y"}), (("Russian forces", "Civilians"), {"D", "Y"}),
     (("Nobody",), set())],
)
def test_the_actor_facet_matches_either_side_of_an_event(actors, expected):
    frame = events_with_actors()
    assert set(EventFilter(actors=actors).apply(frame)["event_id"]) == expected
    assert EventFilter(actors=actors).describe(1, 4).endswith("actors: " + ", ".join(actors))


def test_an_actor_on_both_sides_of_an_event_counts_once():
    index = build_facet_index(events_with_actors(), FACET_BY_NAME["actors"])
    assert dict(zip(index.labels, index.counts().tolist())) == {"HTS": 3, "Russian forces": 2, "Civilians": 1}
    assert index.labels[0] == "HTS", "most frequent first"


def test_facet_counts_follow_the_other_filters_but_not_their_own():
    frame = events_with_actors()
    value = EventFilter(sources=("SouthFront",), statuses=("reported",))
    parts = value.parts(frame)
    assert set(frame.loc[parts.all(), "event_id"]) == {"W", "M"}
    statuses = build_facet_index(frame, FACET_BY_NAME["statuses"])
    counts = dict(zip(statuses.labels, statuses.counts(parts.all_but(FACET_BY_NAME["statuses"])).tolist()))
    assert counts == {"reported": 2, "confirmed": 1, "claimed": 0}, "SouthFront's events, whatever their status"
    sources = build_facet_index(frame, FACET_BY_NAME["sources"])
    counts = dict(zip(sources.labels, sources.counts(parts.all_but(FACET_BY_NAME["sources"])).tolist()))
    assert counts == {"SouthFront": 2, "Republic World": 0}, "reported events, whatever their source"


def test_a_facet_not_in_the_table_is_refused_with_the_list():
    with pytest.raises(TypeError, match="no facet 'outlets'.*sources"):
        EventFilter(outlets=("SouthFront",))
    with pytest.raises(TypeError, match="tuple of values"):
        EventFilter(sources="SouthFront")


def test_the_filter_is_a_value_equal_to_itself_whatever_the_order_it_was_given_in():
    one = EventFilter(sources=("A",), statuses=("claimed",))
    other = EventFilter(statuses=("claimed",), sources=("A",), claimants=())
    assert one == other and hash(one) == hash(other)
    assert one.with_changes(sources=()) == EventFilter(statuses=("claimed",))
    assert dataclasses.replace(one, start=date(2025, 1, 1)).sources == ("A",)


def test_the_mask_is_a_boolean_array_over_the_frame_and_leaves_it_alone():
    frame = events_frame()
    before = frame.copy()
    mask = EventFilter(sources=("SouthFront",)).mask(frame)
    assert isinstance(mask, np.ndarray) and mask.dtype == bool and mask.tolist() == [True, True, True, False]
    assert frame.equals(before)
