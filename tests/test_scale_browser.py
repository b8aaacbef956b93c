"""Many events in the browser: clusters with exact counts, single events once zoomed in."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from browser import EVENT_MARKERS, main_caption, map_frame, open_app
from conftest import DATA, RunningApp

from benchmarks.synthetic import synthetic_events

pytestmark = [pytest.mark.browser, pytest.mark.slow]
_IN_VIEW = """() => { const b = map_div.getBounds(), l = EventMap.events, D = l._D;
    // every event inside the view is in exactly one drawn group (badge, fan or single marker)
    return l._groups.reduce((a, g) => a + g.members.filter(i => b.contains([D.lat[i], D.lon[i]])).length, 0); }"""
SIZE = 20_000


@pytest.fixture(scope="module")
def big_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big_data")
    shutil.copytree(DATA, folder, dirs_exist_ok=True)
    synthetic_events(SIZE, seed=11).to_csv(folder / "events.csv", index=False)
    running = RunningApp(folder, tmp_path_factory.mktemp("logs") / "big.log")
    yield running, pd.read_csv(folder / "events.csv", usecols=["event_id", "latitude", "longitude"])
    running.stop()


def test_clusters_add_up_and_zooming_in_shows_exactly_the_events_in_view(big_app, offline_page):
    """20,000 events are all sent to the browser, which groups them into counted badges and draws single
    events once zoomed in, with no server round trip."""
    app, events = big_app
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    frame.wait_for_selector(".event-badge", timeout=60_000)
    assert main_caption(page).startswith(f"Showing {SIZE:,} of {SIZE:,} events".replace(",", ""))
    counts = frame.evaluate(_IN_VIEW)
    bounds = frame.evaluate("() => { const b = map_div.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    south, west, north, east = bounds
    inside = events[events.latitude.between(south, north) & events.longitude.between(west, east)]
    assert counts == len(inside)
    # zoom in on Latakia: the browser redraws with no server round trip; single events appear
    frame.evaluate("() => { window.__reruns = 0; map_div.setView([35.52, 35.79], 13); }")
    frame.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg=EVENT_MARKERS, timeout=60_000)
    south, west, north, east = frame.evaluate(
        "() => { const b = map_div.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    inside = events[events.latitude.between(south, north) & events.longitude.between(west, east)]
    counted = frame.evaluate(_IN_VIEW)
    assert counted == len(inside) > 0
    assert offline_page.outside == [] and offline_page.errors == []


_VIEW_BOUNDS = "() => { const b = map_div.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }"
_MOVE = """async ([lat, lon, zoom]) => { await new Promise(done => { map_div.once('moveend', () => setTimeout(done, 50));
    map_div.setView([lat, lon], zoom, {animate: false}); }); }"""


def test_cells_kept_per_zoom_still_count_every_event_in_view_after_pans_and_zooms_back(big_app, offline_page):
    """The browser counts each zoom's cells once and keeps them: going back to a zoom or panning reuses them,
    and every event in view is still in exactly one drawn group, with the same badges as the first time."""
    app, events = big_app
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    frame.wait_for_selector(".event-badge", timeout=60_000)
    start = frame.evaluate("() => [map_div.getCenter().lat, map_div.getCenter().lng, map_div.getZoom()]")
    moves = [start, [start[0] + 0.8, start[1] - 1.5, start[2]], [start[0], start[1], start[2] + 1], start,
             [start[0] - 0.5, start[1] + 1.0, start[2] + 1], start]
    badges = {}
    for lat, lon, zoom in moves:
        frame.evaluate(_MOVE, [lat, lon, zoom])
        south, west, north, east = frame.evaluate(_VIEW_BOUNDS)
        inside = events[events.latitude.between(south, north) & events.longitude.between(west, east)]
        assert frame.evaluate(_IN_VIEW) == len(inside) > 0, (lat, lon, zoom)
        drawn = frame.evaluate("() => EventMap.events._groups.filter(g => g.kind === 'badge').map(g => g.n).sort()")
        assert badges.setdefault((lat, lon, zoom), drawn) == drawn  # the same view, the same badges
    assert frame.evaluate("() => EventMap.events._cellCache.size") == 2  # two zooms counted, each once
    assert offline_page.outside == [] and offline_page.errors == []
