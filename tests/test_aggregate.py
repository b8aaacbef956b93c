"""Viewport aggregation: counts stay exact at every zoom, and zoomed in, exactly the events in view."""

import numpy as np
import pytest

from utils.map.aggregate import Viewport, aggregate_view, in_view

RNG = np.random.default_rng(7)
N = 200_000
LAT = np.concatenate([RNG.normal(35.4, 0.3, N // 2), RNG.uniform(32.3, 37.3, N - N // 2)])
LON = np.concatenate([RNG.normal(35.95, 0.3, N // 2), RNG.uniform(35.7, 42.4, N - N // 2)])
CATEGORY = RNG.integers(0, 6, N)

VIEWS = [
    Viewport(32.0, 34.0, 38.0, 43.0, 6),        # all of Syria
    Viewport(34.8, 35.5, 35.9, 36.6, 9),        # the coast
    Viewport(35.38, 35.92, 35.43, 35.97, 14),   # Khmeimim close up
    Viewport(-85, -180, 85, 180, 2),            # the world
    Viewport(10.0, 10.0, 11.0, 11.0, 8),        # nothing there
]


@pytest.mark.parametrize("view", VIEWS)
def test_cluster_counts_add_up_to_the_events_in_view(view):
    expected = int(in_view(LAT, LON, view).sum())
    result = aggregate_view(LAT, LON, CATEGORY, view, detail_limit=1000)
    assert result.in_view == expected
    if result.mode == "clusters":
        assert int(result.count.sum()) == expected
        assert (result.count > 0).all()
        assert (result.latitude >= view.south).all() and (result.latitude <= view.north).all()
    else:
        assert len(result.indices) == expected


def test_zoomed_in_the_events_listed_are_exactly_those_inside_the_bounds():
    view = Viewport(35.40, 35.94, 35.41, 35.95, 16)
    result = aggregate_view(LAT, LON, CATEGORY, view, detail_limit=5000)
    assert result.mode == "events"
    inside = set(np.flatnonzero((LAT >= 35.40) & (LAT <= 35.41) & (LON >= 35.94) & (LON <= 35.95)))
    assert set(result.indices.tolist()) == inside and inside


def test_clusters_split_as_the_user_zooms_in():
    counts = [len(aggregate_view(LAT, LON, CATEGORY, Viewport(32.0, 34.0, 38.0, 43.0, zoom), detail_limit=10).count)
              for zoom in (5, 6, 7)]
    assert counts[0] < counts[1] < counts[2]


def test_the_dominant_category_wins_its_cell():
    lat = np.array([35.0, 35.0, 35.0, 36.9])
    lon = np.array([36.0, 36.0, 36.0, 41.9])
    result = aggregate_view(lat, lon, np.array([2, 2, 5, 1]), Viewport(32, 34, 38, 43, 6), detail_limit=1)
    by_count = dict(zip(result.count.tolist(), result.category.tolist()))
    assert by_count == {3: 2, 1: 1}


def test_a_view_across_the_antimeridian():
    lat, lon = np.array([0.0, 0.0, 0.0]), np.array([179.5, -179.5, 0.0])
    assert in_view(lat, lon, Viewport(-1, 179, 1, 181, 8)).tolist() == [True, True, False]


@pytest.mark.parametrize("bad", [dict(south=10, north=5), dict(zoom=float("nan")), dict(zoom=40)])
def test_bad_viewports_are_refused(bad):
    values = dict(south=32.0, west=34.0, north=38.0, east=43.0, zoom=6) | bad
    with pytest.raises(ValueError):
        Viewport(**values)
