"""Many events in the browser: clusters with exact counts, single events once zoomed in."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from browser import EVENT_MARKERS, main_caption, map_frame, open_app, wait_idle
from conftest import DATA, RunningApp

from benchmarks.synthetic import synthetic_events

pytestmark = [pytest.mark.browser, pytest.mark.slow]
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
    app, events = big_app
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    frame.wait_for_selector(".event-cluster", timeout=60_000)
    assert main_caption(page).startswith(f"Showing {SIZE:,} of {SIZE:,} events".replace(",", ""))
    counts = frame.evaluate("""() => { let total = 0; map_div.eachLayer(l => {
        if (l.options && l.options.icon && l.options.icon.options.className === 'event-cluster') {
          total += Number(l.getTooltip().getContent().split(' ')[0].replace(/[^0-9]/g, '')); } }); return total; }""")
    bounds = frame.evaluate("() => { const b = map_div.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    south, west, north, east = bounds
    inside = events[events.latitude.between(south, north) & events.longitude.between(west, east)]
    assert counts == len(inside)
    # zoom in on Latakia: the server sends the single events inside the new bounds
    frame.evaluate("() => map_div.setView([35.52, 35.79], 13)")
    frame.wait_for_function(
        "sel => document.querySelectorAll(sel).length > 0 && !document.querySelector('.event-cluster')",
        arg=EVENT_MARKERS, timeout=60_000)
    wait_idle(page)
    south, west, north, east = frame.evaluate(
        "() => { const b = map_div.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    inside = events[events.latitude.between(south, north) & events.longitude.between(west, east)]
    drawn = frame.evaluate("""sel => { const ids = []; map_div.eachLayer(l => {
        if (l instanceof L.CircleMarker && l.options.pane === 'eventsPane' && l.getTooltip()) {
          ids.push(l.getTooltip().getContent().split(' &#183; ')[0]); } }); return ids; }""", EVENT_MARKERS)
    assert sorted(drawn) == sorted(inside["event_id"])
    assert offline_page.outside == [] and offline_page.errors == []
