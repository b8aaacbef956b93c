"""Grouping reports of one incident and counting independent sources."""

from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from utils.core.dates import add_date_windows
from utils.core.geo import EARTH_RADIUS_KM, haversine_km
from utils.data import proximity as proximity
from utils.data.incidents import add_incident_columns, claims_of, place_clusters


def reports(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["event_id", "event_date", "date_precision", "sub_event_type", "latitude",
                                        "longitude", "doc_id", "source", "incident_id"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return add_date_windows(frame)


@pytest.mark.parametrize(
    ("rows", "together"),
    [
        # two outlets, same place, same day, same kind: one incident
        ([("A", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d1", "X", ""),
          ("B", "2025-03-28", "day", "Air/drone strike", 34.91, 35.87, "d2", "Y", "")], True),
        # a month-only report overlapping a dated one from another article
        ([("A", "2025-03-15", "month", "Attack", 35.15, 35.93, "d1", "X", ""),
          ("B", "2025-03-09", "week", "Attack", 35.15, 35.93, "d2", "X", "")], True),
        # the same article listing two interceptions: two events
        ([("A", "2025-04-24", "day", "Disrupted weapons use", 35.40, 35.94, "d1", "X", ""),
          ("B", "2025-04-10", "month", "Disrupted weapons use", 35.40, 35.94, "d1", "X", "")], False),
        # different kinds at the same place and time
        ([("A", "2025-03-15", "month", "Displacement", 35.40, 35.94, "d1", "X", ""),
          ("B", "2025-03-15", "month", "Non-violent transfer of territory", 35.40, 35.94, "d2", "X", "")], False),
        # far apart
        ([("A", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d1", "X", ""),
          ("B", "2025-03-28", "day", "Air/drone strike", 35.40, 35.94, "d2", "Y", "")], False),
        # dates that do not overlap
        ([("A", "2025-03-16", "day", "Air/drone strike", 34.90, 35.87, "d1", "X", ""),
          ("B", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d2", "Y", "")], False),
        # an explicit incident id joins different kinds (state TV's exercise, activists' interception)
        ([("A", "2023-07-19", "week", "Military exercise", 35.35, 35.92, "d1", "X", "INC-1"),
          ("B", "2023-07-19", "week", "Disrupted weapons use", 35.35, 35.92, "d1", "X", "INC-1")], True),
    ],
)
def test_reports_are_grouped_into_incidents(rows, together):
    out = add_incident_columns(reports(rows))
    assert (out["incident"].nunique() == 1) is together
    assert list(out["incident_reports"]) == ([2, 2] if together else [1, 1])


def test_independent_sources_count_outlets_not_articles():
    rows = [("A", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d1", "SouthFront", ""),
            ("B", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d2", "SouthFront", ""),
            ("C", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d3", "SOHR", "")]
    out = add_incident_columns(reports(rows))
    assert set(out["independent_sources"]) == {2}
    assert list(claims_of(out, out.loc[0, "incident"])["event_id"]) == ["A", "B", "C"]


def test_ucdp_number_of_sources_counts_when_larger():
    frame = reports([("A", "2017-01-01", "day", "Armed clash", 36.2, 37.1, "", "AFP", "")])
    frame["number_of_sources"] = ["3"]
    assert add_incident_columns(frame).loc[0, "independent_sources"] == 3


def test_the_input_frame_is_left_alone():
    frame = reports([("A", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d1", "X", "")])
    before = frame.copy()
    add_incident_columns(frame)
    pd.testing.assert_frame_equal(frame, before)


# --- places: points within PLACE_KM of each other, chained -------------------------------------------------------


def brute_force_places(latitude, longitude, km) -> list[set[int]]:
    """The reference: compare every pair with haversine_km, join with a plain union-find."""
    count = len(latitude)
    parent = list(range(count))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(count):
        distances = haversine_km(latitude[i], longitude[i], np.asarray(latitude), np.asarray(longitude))
        for j in np.flatnonzero(distances <= km):
            parent[root(int(j))] = root(i)
    return partition([root(i) for i in range(count)])


def partition(labels) -> list[set[int]]:
    """Point indices grouped by label, in a canonical order, so two labellings compare equal."""
    groups: dict = {}
    for index, label in enumerate(np.asarray(labels).tolist()):
        groups.setdefault(label, set()).add(index)
    return sorted(groups.values(), key=min)


# Every cube-pair strategy must give the same answer: compare member pairs outright (large limit) or
# through k-d trees (limit 0), with the default in between.
PAIR_LIMITS = (0, proximity._SMALL_CUBE_PAIR, 10**9)


def places_under_every_strategy(latitude, longitude, km) -> list[list[set[int]]]:
    out = []
    for limit in PAIR_LIMITS:
        with mock.patch.object(proximity, "_SMALL_CUBE_PAIR", limit):
            labels = place_clusters(np.asarray(latitude, float), np.asarray(longitude, float), km)
        assert len(labels) == len(latitude)
        out.append(partition(labels))
    return out


ON_THE_EQUATOR_5KM = 5.0 / 111.19508  # degrees of longitude (and latitude) in 5 km on the mean sphere


@pytest.mark.parametrize(
    ("points", "km", "expected"),
    [
        ([], 5.0, []),
        ([(35.0, 36.0)], 5.0, [{0}]),
        # the same place reported three times, and one far away
        ([(35.0, 36.0), (35.0, 36.0), (36.5, 40.0), (35.0, 36.0)], 5.0, [{0, 1, 3}, {2}]),
        # a chain: A-B and B-C are 4.4 km apart, A-C 8.9 km: one place through B
        ([(35.00, 36.0), (35.04, 36.0), (35.08, 36.0)], 5.0, [{0, 1, 2}]),
        # the same without the middle point: two places
        ([(35.00, 36.0), (35.08, 36.0)], 5.0, [{0}, {1}]),
        # across the antimeridian: 0.02 degrees of longitude on the equator is 2.2 km
        ([(0.0, 179.99), (0.0, -179.99)], 5.0, [{0, 1}]),
        # near the pole, opposite longitudes are 0.22 km apart
        ([(89.999, 0.0), (89.999, 180.0), (89.9, 90.0)], 5.0, [{0, 1}, {2}]),
        # km = 0: only the very same point
        ([(35.0, 36.0), (35.0, 36.0), (35.0, 36.000001)], 0.0, [{0, 1}, {2}]),
        # a point without coordinates is a place of its own, and does not stop the others from grouping
        ([(np.nan, 36.0), (35.0, 36.0), (35.01, 36.0), (35.0, np.inf)], 5.0, [{0}, {1, 2}, {3}]),
    ],
)
def test_places_group_points_within_km_chained(points, km, expected):
    latitude = [p[0] for p in points]
    longitude = [p[1] for p in points]
    assert places_under_every_strategy(latitude, longitude, km) == [expected] * len(PAIR_LIMITS)


def test_places_include_ties_exactly_at_km():
    latitude, longitude = [0.0, 0.0, 0.0], [0.0, ON_THE_EQUATOR_5KM, 2 * ON_THE_EQUATOR_5KM]
    apart = float(haversine_km(0.0, 0.0, 0.0, ON_THE_EQUATOR_5KM))
    assert places_under_every_strategy(latitude, longitude, apart) == [[{0, 1, 2}]] * len(PAIR_LIMITS)
    just_short = float(np.nextafter(apart, 0))
    assert places_under_every_strategy(latitude, longitude, just_short)[0] == [{0}, {1}, {2}]


def dense_towns(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``count`` distinct points packed around two towns 10 km apart (dense: many per 5 km)."""
    rng = np.random.default_rng(seed)
    town = rng.integers(0, 2, count)
    latitude = 35.0 + rng.normal(0, 0.02, count)
    longitude = np.array([36.0, 36.11])[town] + rng.normal(0, 0.02, count)
    return latitude, longitude


@pytest.mark.parametrize("seed", [1, 2])
def test_dense_towns_join_exactly_at_their_closest_pair(seed):
    # Two towns of hundreds of points each: the only question is their closest pair, decided at the tie.
    latitude, longitude = dense_towns(1200, seed)
    west = longitude < 36.055
    keep = west & (longitude < 36.03) | ~west & (longitude > 36.08)  # a gap of about 4.5 km between the towns
    latitude, longitude = latitude[keep], longitude[keep]
    west = longitude < 36.055
    gaps = haversine_km(latitude[west][:, None], longitude[west][:, None], latitude[~west][None], longitude[~west][None])
    closest = float(gaps.min())
    for km, one_place in ((closest, True), (float(np.nextafter(closest, 0)), False)):
        expected = brute_force_places(latitude, longitude, km)
        assert len(expected) == (1 if one_place else 2)  # each town is one place; the tie decides
        assert places_under_every_strategy(latitude, longitude, km) == [expected] * len(PAIR_LIMITS)


def test_places_match_brute_force_on_dense_towns():
    latitude, longitude = dense_towns(1500, 3)
    for km in (0.3, 1.0, 5.0):
        expected = brute_force_places(latitude, longitude, km)
        assert places_under_every_strategy(latitude, longitude, km) == [expected] * len(PAIR_LIMITS)


@st.composite
def point_sets(draw):
    """Small sets of points in one of: Syria-sized area, near the pole, across the antimeridian; with repeats."""
    region = draw(st.sampled_from(["syria", "pole", "antimeridian"]))
    size = draw(st.integers(0, 40))
    if region == "syria":
        lat = st.floats(35.0, 35.15)
        lon = st.floats(36.0, 36.15)
    elif region == "pole":
        lat = st.floats(89.9, 90.0)
        lon = st.floats(-180.0, 180.0)
    else:
        lat = st.floats(-0.1, 0.1)
        lon = st.one_of(st.floats(179.9, 180.0), st.floats(-180.0, -179.9))
    pool = draw(st.lists(st.tuples(lat, lon), min_size=1, max_size=40))
    points = [pool[draw(st.integers(0, len(pool) - 1))] for _ in range(size)]
    return [p[0] for p in points], [p[1] for p in points]


@given(points=point_sets(), km_choice=st.one_of(st.floats(0.0, 12.0), st.tuples(st.integers(0, 39), st.integers(0, 39))))
def test_places_match_brute_force(points, km_choice):
    latitude, longitude = points
    if isinstance(km_choice, tuple):  # exactly the distance between two of the points: ties must join
        if not latitude:
            return
        i, j = (k % len(latitude) for k in km_choice)
        km = float(haversine_km(latitude[i], longitude[i], latitude[j], longitude[j]))
    else:
        km = km_choice
    expected = brute_force_places(latitude, longitude, km)
    assert places_under_every_strategy(latitude, longitude, km) == [expected] * len(PAIR_LIMITS)


@pytest.mark.parametrize("km", [-1.0, float("nan"), float("inf"), "five"])
def test_places_refuse_a_distance_that_is_not_one(km):
    with pytest.raises(ValueError, match="km must be a distance"):
        place_clusters(np.array([35.0]), np.array([36.0]), km)


@pytest.mark.parametrize("bearing_degrees", [0.0, 30.0, 60.0, 90.0, 135.0])
def test_points_strung_just_over_km_apart_stay_apart(bearing_degrees):
    # Consecutive points about 1.02 km apart along a track: a grid cell too big for its guarantee
    # (any two points in one cell within km) would put some of them into one place.
    steps = np.arange(1500) * 1.02
    bearing = np.radians(bearing_degrees)
    latitude = 35.0 + steps * np.cos(bearing) / 111.195
    longitude = 36.0 + steps * np.sin(bearing) / (111.195 * np.cos(np.radians(latitude)))
    expected = brute_force_places(latitude, longitude, 1.0)
    assert places_under_every_strategy(latitude, longitude, 1.0) == [expected] * len(PAIR_LIMITS)


@pytest.mark.parametrize(("centre", "km"), [((35.0, 36.0), 5.0), ((35.0, 36.0), 0.5), ((89.99, 0.0), 1.0),
                                            ((0.0, 179.99), 2.0), ((-33.9, 151.2), 5.0),
                                            ((0.0, -45.0), 5.0)])  # ground holding a cell's long diagonal
def test_any_two_points_sharing_a_cell_are_within_km(centre, km):
    # The guarantee the method rests on: a cell is one place outright. Dense points fill the cells to
    # their corners, so a cell drawn too big shows up as a pair farther apart than km.
    rng = np.random.default_rng(7)
    spread = 4 * km / 111.195
    latitude = np.clip(centre[0] + rng.uniform(-spread, spread, 6000), -90, 90)
    longitude = (centre[1] + rng.uniform(-spread, spread, 6000) + 180) % 360 - 180
    theta = km / EARTH_RADIUS_KM
    chord_sure = 2 * np.sin(theta * (1 - proximity._RELATIVE_MARGIN) / 2) - proximity._ABSOLUTE_MARGIN
    cell = proximity._cube_of_each_point(proximity._unit_vectors(latitude, longitude), chord_sure)
    assert len(np.unique(cell)) < len(cell) / 4  # cells are well filled
    for members in pd.Series(np.arange(len(cell))).groupby(cell).groups.values():
        members = np.asarray(members)
        within = haversine_km(latitude[members][:, None], longitude[members][:, None],
                              latitude[members][None], longitude[members][None])
        assert within.max() <= km
