"""The events layer for a viewport: every event when the browser can take them, else clusters with exact counts."""

import numpy as np
import pandas as pd
import pytest

from benchmarks.synthetic import synthetic_events
from utils.analysis.rows import EventRows
from utils.core.dates import add_date_windows
from utils.data.validation import validate_events
from utils.map.aggregate import Viewport, default_viewport, in_view
from utils.map.event_layer import EventsLayer
from utils.map.mapping import category_colors
from utils.map.payload import payload_columns
from utils.map.view_layer import (
    build_viewport_layer,
    kept_plan,
    plan_payload,
    plan_view,
    shared_layer,
    viewport_from_state,
)


@pytest.fixture(scope="module")
def many():
    raw = synthetic_events(6000, seed=3)
    raw["_row"] = range(2, len(raw) + 2)
    events = validate_events(raw, "synthetic").events
    return add_date_windows(events)


def events_layer(layer) -> EventsLayer:
    return next(c for c in layer._children.values() if isinstance(c, EventsLayer))


@pytest.mark.parametrize("view", [Viewport(32.0, 34.5, 37.6, 42.8, 7), Viewport(33.0, 35.8, 34.0, 37.0, 9)])
def test_above_the_browser_limit_clusters_count_every_event_in_view_exactly(many, view):
    colors = category_colors(many["event_type"].value_counts().index)
    layer, words = build_viewport_layer(many, colors, view, detail_limit=500, browser_limit=1000)
    expected = int(in_view(many["latitude"].to_numpy(), many["longitude"].to_numpy(), view).sum())
    assert sum(row[2] for row in events_layer(layer).payload["clusters"]) == expected
    assert f"{expected:,} of the 6,000 events are in view" in words


def test_zoomed_in_the_events_in_view_are_sent_one_by_one(many):
    colors = category_colors(many["event_type"].value_counts().index)
    damascus = Viewport(33.45, 36.20, 33.60, 36.40, 12)
    layer, words = build_viewport_layer(many, colors, damascus, detail_limit=2000, browser_limit=2000)
    payload = events_layer(layer).payload
    inside = many[(many["latitude"].between(33.45, 33.60)) & (many["longitude"].between(36.20, 36.40))]
    assert 0 < len(inside) < 2000 < len(many)
    assert payload["clusters"] is None and sorted(payload["ids"]) == sorted(inside["event_id"])
    assert "each drawn" in words


def test_up_to_the_browser_limit_every_event_is_sent_whatever_the_view(many):
    layer, words = build_viewport_layer(many, {}, Viewport(10, 10, 11, 11, 12), browser_limit=6000)
    assert events_layer(layer).payload["n"] == 6000 and words == ""


def test_the_view_comes_from_what_the_map_reported():
    state = {"bounds": {"_southWest": {"lat": 33.0, "lng": 35.0}, "_northEast": {"lat": 34.0, "lng": 36.0}}, "zoom": 9}
    assert viewport_from_state(state, (35.0, 38.0), 7) == Viewport(33.0, 35.0, 34.0, 36.0, 9)
    unknown = {"bounds": {"_southWest": {"lat": None, "lng": None}, "_northEast": {"lat": None, "lng": None}}}
    assert viewport_from_state(unknown, (35.0, 38.0), 7) == default_viewport((35.0, 38.0), 7)
    view = default_viewport((35.0, 38.0), 7)
    assert view.south < 35.0 < view.north and view.west < 38.0 < view.east


@pytest.mark.parametrize("color_by", ["event_type", "status", "claimed_by"])
@pytest.mark.parametrize(("share", "browser_limit"), [(0.5, 10_000), (1.0, 10_000), (0.5, 1000), (0.0, 10_000)])
def test_a_kept_plan_holds_the_payload_columns_in_date_then_id_order(many, color_by, share, browser_limit):
    """Every event ordered by the dataset's rank, or the view's events sorted: the same rows either way."""
    events = many.sample(frac=1.0, random_state=5)  # ids out of frame order
    mask = np.random.default_rng(8).random(len(events)) < share
    rows = EventRows(events, mask)
    colors = category_colors(events[color_by].value_counts().index, color_by)
    plan = plan_view(rows, colors, Viewport(32.0, 34.5, 37.6, 42.8, 7), color_by=color_by, detail_limit=500,
                     browser_limit=browser_limit)
    narrow = plan_view(rows, colors, Viewport(32.0, 34.5, 37.6, 42.8, 7), color_by=color_by, detail_limit=500,
                       browser_limit=browser_limit, columns=payload_columns(color_by))
    pd.testing.assert_frame_equal(narrow.events, plan.events[payload_columns(color_by)])  # read, not copied whole
    kept = kept_plan(narrow, rows, color_by)
    expected = plan.events[payload_columns(color_by)].sort_values(["event_date", "event_id"], kind="stable")
    pd.testing.assert_frame_equal(kept.events, expected)
    assert (kept.everything, kept.clustered, kept.rows, kept.total) == (plan.everything, plan.clustered, plan.rows,
                                                                        plan.total)

    plan, payload = shared_layer(rows, colors, Viewport(32.0, 34.5, 37.6, 42.8, 7), color_by=color_by,
                                 detail_limit=500, browser_limit=browser_limit)
    assert list(plan.events.columns) == ["event_id"]  # the payload holds the rest
    assert plan.events["event_id"].tolist() == kept.events["event_id"].tolist()
    assert payload == plan_payload(kept, colors, color_by)
