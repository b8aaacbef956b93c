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
    frame.evaluate("""() => {  // count each zoom's counting of cells (the zooms planned ahead count theirs too)
      const layer = EventMap.events, cells = layer._cells;
      window.__counted = [];
      layer._cells = function (scale) { window.__counted.push(scale); return cells.call(this, scale); };
    }""")
    for lat, lon, zoom in moves:
        frame.evaluate(_MOVE, [lat, lon, zoom])
        south, west, north, east = frame.evaluate(_VIEW_BOUNDS)
        inside = events[events.latitude.between(south, north) & events.longitude.between(west, east)]
        assert frame.evaluate(_IN_VIEW) == len(inside) > 0, (lat, lon, zoom)
        drawn = frame.evaluate("() => EventMap.events._groups.filter(g => g.kind === 'badge').map(g => g.n).sort()")
        assert badges.setdefault((lat, lon, zoom), drawn) == drawn  # the same view, the same badges
    counted = frame.evaluate("() => window.__counted")
    assert len(counted) == len(set(counted)) and len(counted) <= 4, counted  # each zoom counted once, at most
    assert offline_page.outside == [] and offline_page.errors == []


_BADGES_DRAWN = """() => {
  // every badge drawn: is its element in the page, centred on its group's point (px off), and made anew?
  const box = map_div.getContainer().getBoundingClientRect();
  let fresh = 0, kept = 0, off = 0, missing = 0;
  EventMap.events._groups.filter(g => g.kind === 'badge').forEach(g => {
    const el = g.marker.getElement();
    if (!el || !el.isConnected) { missing += 1; return; }
    const r = el.getBoundingClientRect(), p = map_div.latLngToContainerPoint(g.marker.getLatLng());
    off = Math.max(off, Math.hypot(r.left + r.width / 2 - box.left - p.x, r.top + r.height / 2 - box.top - p.y));
    if (el.__seen) { kept += 1; } else { fresh += 1; el.__seen = true; }
  });
  const shown = [...document.querySelectorAll('.event-badge')].filter(e => e.isConnected && e.offsetParent !== null);
  const boxes = shown.map(e => e.querySelector('div').getBoundingClientRect());  // the disc, not its leader
  let overlaps = 0;  // badges covering one another (a group hidden under another)
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    const r = Math.min(a.width, b.width) / 2, d = Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);
    if (d < a.width / 2 + b.width / 2 - 2 && r > 0) { overlaps += 1; }
  }));
  return {fresh, kept, off, missing, shown: shown.length, overlaps};
}"""


def test_a_zooms_badges_are_kept_and_stay_on_their_groups_after_zooms_back_and_pans(big_app, offline_page):
    """The badges of the last zooms are kept (static/app/badges.js): back at a zoom, its badges are the same
    elements, not made again, and every badge sits on its group's point, though the map's pixel origin moved;
    only the shown zoom's badges are in the page, none over another (one moved off a base does not land on a
    group that stayed); a badge says what it holds and opens on a click."""
    app, _ = big_app
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    frame.wait_for_selector(".event-badge", timeout=60_000)
    lat, lon, zoom = frame.evaluate("() => [map_div.getCenter().lat, map_div.getCenter().lng, map_div.getZoom()]")
    first = frame.evaluate(_BADGES_DRAWN)
    assert first["fresh"] > 0 and first["missing"] == 0 and first["off"] <= 1.5 and first["overlaps"] == 0, first
    moves = [(lat, lon, zoom + 1), (lat, lon, zoom), (lat - 0.6, lon + 1.2, zoom + 1), (lat + 0.3, lon - 0.4, zoom)]
    states = []
    for move in moves:
        frame.evaluate(_MOVE, list(move))
        state = frame.evaluate(_BADGES_DRAWN)
        assert state["missing"] == 0 and state["off"] <= 1.5 and state["overlaps"] == 0, (move, state)
        assert state["shown"] == state["fresh"] + state["kept"], (move, state)  # no other zoom's badge in view
        states.append(state)
    assert states[1]["fresh"] == 0 and states[1]["kept"] == first["fresh"]  # back at the first zoom: all kept
    assert states[2]["kept"] > 0  # the second zoom's level, shown again elsewhere
    badge = frame.locator(".leaflet-events-pane .event-badge").first
    badge.hover()
    frame.wait_for_function("() => [...document.querySelectorAll('.leaflet-tooltip')].some(t => /events here/.test(t.textContent))",
                            timeout=10_000)
    before = frame.evaluate("() => map_div.getZoom()")
    badge.click(force=True)
    frame.wait_for_function(f"() => EventMap.events._open || map_div.getZoom() > {before}", timeout=10_000)
    assert offline_page.outside == [] and offline_page.errors == []
