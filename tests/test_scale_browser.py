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
