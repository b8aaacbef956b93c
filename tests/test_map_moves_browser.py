"""Pan and zoom in a real browser: what a pan keeps, what a zoom redraws, and that the map stays right.

The page is the HTML export of every bundled event (``data/``), opened offline; the map is the dashboard's
(``static/app/events*.js``). Moves are made without animation, as ``benchmarks/scale.py`` times them.
"""

from __future__ import annotations

import pytest

from utils.analysis.filters import EventFilter
from utils.data.dataset import load_dataset
from utils.export.briefing import Briefing
from utils.export.outputs import export_file

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_MOVE = """async ([kind, dx, dz]) => {
  const map = window[document.querySelector('.folium-map').id];
  await new Promise(done => {
    map.once('moveend', () => requestAnimationFrame(() => requestAnimationFrame(done)));
    if (kind === 'pan') map.panBy([dx, 0], {animate: false}); else map.setZoom(map.getZoom() + dz, {animate: false});
  });
}"""

_STATE = """() => {
  const map = window[document.querySelector('.folium-map').id], box = map.getContainer().getBoundingClientRect();
  const inside = r => r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
  const labels = [...document.querySelectorAll('.place-label')].filter(e => e.style.display !== 'none').map(e => {
    const r = e.getBoundingClientRect(); return {text: e.textContent, x: r.left, y: r.top, w: r.width, h: r.height, inside: inside(r)};
  });
  const sites = [...document.querySelectorAll('.site-marker')].map(e => e.getBoundingClientRect().toJSON());
  let fresh = 0, kept = 0;
  EventMap.events.drawn().forEach(d => {
    const el = d.marker.getElement();
    if (el.__seen) { kept += 1; } else { fresh += 1; el.__seen = true; }
  });
  const paths = [...document.querySelectorAll('.leaflet-overlay-pane path')].map(p => p.getAttribute('d'));
  const svg = document.querySelector('.leaflet-overlay-pane svg');
  const view = map.getPixelBounds(), origin = map.getPixelOrigin();
  const vb = svg.getAttribute('viewBox').split(' ').map(Number);
  return {labels, sites, fresh, kept, paths, drawn: EventMap.events.drawn().length,
          viewInSvg: view.min.x - origin.x >= vb[0] && view.min.y - origin.y >= vb[1]
                     && view.max.x - origin.x <= vb[0] + vb[2] && view.max.y - origin.y <= vb[1] + vb[3]};
}"""


@pytest.fixture(scope="module")
def export_html() -> str:
    from conftest import DATA

    return export_file(Briefing(load_dataset(DATA), EventFilter()), "html").decode("utf-8")


@pytest.fixture
def page(offline_page, export_html):
    page = offline_page.page
    page.set_content(export_html)
    page.wait_for_function("document.documentElement.getAttribute('data-ready') === '1'", timeout=30_000)
    yield page
    assert offline_page.outside == [] and offline_page.errors == []


def _overlaps(a: dict, b: dict, slack: float = 1.0) -> bool:
    return (a["x"] + slack < b["x"] + b["w"] and b["x"] + slack < a["x"] + a["w"]
            and a["y"] + slack < b["y"] + b["h"] and b["y"] + slack < a["y"] + a["h"])


def test_a_short_pan_keeps_the_markers_names_and_borders_it_drew(page):
    before = page.evaluate(_STATE)
    assert before["drawn"] > 0 and before["fresh"] == before["drawn"]
    page.evaluate(_MOVE, ["pan", 120, 0])
    after = page.evaluate(_STATE)
    # the same groups are drawn by the same elements: nothing of the events layer was made again
    assert after["kept"] == before["drawn"] and after["fresh"] == 0
    # the borders, rivers and lakes were not rewritten, and the view is still inside what they cover
    assert after["paths"] == before["paths"] and after["viewInSvg"]
    # every name inside the view before and after sits where it was, moved by the pan (names never jump)
    was = {(lab["text"]): lab for lab in before["labels"] if lab["inside"]}
    moved = [(was[lab["text"]], lab) for lab in after["labels"] if lab["inside"] and lab["text"] in was]
    assert len(moved) >= 5
    for old, new in moved:
        assert abs(new["x"] - (old["x"] - 120)) < 1.5 and abs(new["y"] - old["y"]) < 1.5, (old, new)


def _inside(state: dict) -> dict[str, dict]:
    return {lab["text"]: lab for lab in state["labels"] if lab["inside"]}


def test_long_pans_a_jump_and_a_zoom_redraw_what_they_must_and_names_never_collide(page):
    page.evaluate(_MOVE, ["zoom", 0, 1])
    before = page.evaluate(_STATE)
    page.evaluate(_MOVE, ["pan", 400, 0])
    page.evaluate(_MOVE, ["pan", 400, 0])  # beyond the margin the borders cover: they are drawn again
    far = page.evaluate(_STATE)
    assert far["viewInSvg"] and far["paths"] != before["paths"]
    page.evaluate(_MOVE, ["pan", 2000, 0])  # more than the map's width: Leaflet resets the view
    page.evaluate(_MOVE, ["pan", -2800, 0])  # ... and back where it started
    back = page.evaluate(_STATE)
    assert back["viewInSvg"]
    # the same names in the same places as before the moves
    assert _inside(back).keys() == _inside(before).keys()
    for text, lab in _inside(back).items():
        assert abs(lab["x"] - _inside(before)[text]["x"]) < 1.5 and abs(lab["y"] - _inside(before)[text]["y"]) < 1.5
    page.evaluate(_MOVE, ["zoom", 0, -1])
    zoomed = page.evaluate(_STATE)
    assert zoomed["viewInSvg"] and zoomed["paths"] != before["paths"]
    assert zoomed["fresh"] > 0  # a zoom lays the events out again
    for state in (before, far, back, zoomed):
        shown = list(_inside(state).values())
        assert len(shown) >= 5, [len(_inside(s)) for s in (before, far, back, zoomed)]
        icons = [{"x": s["left"], "y": s["top"], "w": s["width"], "h": s["height"]} for s in state["sites"]]
        for k, a in enumerate(shown):
            assert not any(_overlaps(a, b) for b in shown[k + 1:]), a["text"]
            assert not any(_overlaps(a, icon) for icon in icons), a["text"]


def test_events_switched_off_and_on_in_the_layer_control_are_all_drawn_again(page):
    """The layer control removes the events layer and adds the same layer back: every group it drew is drawn again
    (before, the layer kept its old drawing's records, whose markers had gone with it, and drew nothing)."""
    shown = ("() => [document.querySelectorAll('.leaflet-events-pane path.leaflet-interactive').length,"
             " document.querySelectorAll('.leaflet-events-pane .event-badge').length]")  # markers and badges in the page
    before = page.evaluate(shown)
    assert before[0] + before[1] > 0
    page.evaluate("""async () => {
      const map = window[document.querySelector('.folium-map').id], layer = EventMap.events;
      map.removeLayer(layer); map.addLayer(layer);
      await new Promise(done => setTimeout(done, 100)); }""")
    assert page.evaluate(shown) == before


_UNDER = """() => {
  // every name shown, and every event marker and badge drawn, as boxes in the page; names moved or hidden
  const box = e => { const r = e.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const names = [...document.querySelectorAll('.place-label')].filter(e => e.style.display !== 'none')
    .map(e => Object.assign(box(e), {text: e.textContent}));
  const events = [...document.querySelectorAll('.leaflet-events-pane path.leaflet-interactive, .leaflet-events-pane .event-badge > div')]
    .map(box);
  const labels = window[document.querySelector('.folium-map').id]._eventmapBoard.parts.filter(p => p.rows)[0];
  return {names, events, moved: labels.placed.filter(p => p.box !== p.base).length,
          hidden: labels.placed.filter(p => p.hidden).length};
}"""


def test_no_place_name_lies_under_an_event_and_each_goes_back_when_the_events_are_gone(page):
    """A name an event marker or badge would cover takes another of its places beside its dot (or waits hidden while
    the event is there), at every zoom; removing the events layer puts every name back in its own place."""
    stepped_aside = drawn = 0
    for dz in (0, 1, 1, -3):
        if dz:
            page.evaluate(_MOVE, ["zoom", 0, dz])
        state = page.evaluate(_UNDER)
        assert state["names"]
        drawn += len(state["events"])
        for name in state["names"]:
            assert not any(_overlaps(name, event) for event in state["events"]), name["text"]
        stepped_aside += state["moved"] + state["hidden"]
    assert drawn > 0 and stepped_aside > 0, "no name was under an event in these views: the test shows nothing"
    page.evaluate("() => { const map = EventMap.events._map; map.removeLayer(EventMap.events); }")
    gone = page.evaluate(_UNDER)
    assert gone["events"] == [] and gone["moved"] == 0 and gone["hidden"] == 0


_AHEAD = """async () => {
  // after the page is idle, zoom in around the same centre: was the layout planned ahead, and is it what a fresh
  // layout of the new view gives (the same groups at the same points; the same names in the same boxes)?
  const map = window[document.querySelector('.folium-map').id], layer = EventMap.events, board = map._eventmapBoard;
  await new Promise(done => setTimeout(done, 600));  // idle: the zooms next to this one are planned
  const next = map.getZoom() + 1, boardPlanned = board._plans.has(next), eventsPlanned = !!(layer._ahead && layer._ahead.get(next));
  let used = null;
  const planned = layer._planned;
  layer._planned = function () { const r = planned.apply(this, arguments); used = !!r; return r; };
  await new Promise(done => { map.once('moveend', () => setTimeout(done, 50)); map.setZoom(next, {animate: false}); });
  layer._planned = planned;
  const shape = gs => gs.map(g => [g.kind, g.n, Math.round(g.ax), Math.round(g.ay)].join(':')).sort();
  const drawn = shape(layer._groups), fresh = shape(layer._plan(next, map.getPixelBounds()).groups);
  const labels = board.parts.filter(p => p.rows)[0], names = ps => ps.map(p => p.row[5] + ':' + p.base.map(Math.round)).sort();
  const shown = board._plans.get(next);
  board._plans = new Map();
  const again = board.plan(next), freshNames = names(again.plans[board.parts.indexOf(labels)].placed);
  board._plans.set(next, shown);
  return {boardPlanned, eventsPlanned, used, same: JSON.stringify(drawn) === JSON.stringify(fresh), groups: drawn.length,
          sameNames: JSON.stringify(names(labels.placed)) === JSON.stringify(freshNames), names: labels.placed.length};
}"""


def test_a_zoom_in_place_uses_the_layout_planned_while_idle_and_it_is_the_fresh_layout(page):
    """While the page is idle, the zooms next to the shown one are laid out ahead (events and place names); a zoom
    around the same centre (the buttons, the keys) then only draws, and draws what a fresh layout would."""
    state = page.evaluate(_AHEAD)
    assert state["boardPlanned"] and state["eventsPlanned"] and state["used"], state
    assert state["same"] and state["groups"] > 0, state
    assert state["sameNames"] and state["names"] > 0, state


_OPEN_EVERY_BADGE = """() => {
  // open each badge in turn: does any marker of its fan, or its disc, cover a base's icon or name?
  const layer = EventMap.events, box = e => e.getBoundingClientRect();
  const bases = [...document.querySelectorAll('.site-marker')].map(box);
  const meets = (a, b) => a.left + 1 < b.right && b.left + 1 < a.right && a.top + 1 < b.bottom && b.top + 1 < a.bottom;
  const badges = layer._groups.filter(g => g.kind === 'badge' && g.n <= layer.options.fanMax);
  const covered = [], namesUnder = [], overIcons = [];
  let leaders = 0;
  badges.forEach(g => {
    layer._expand(g, true);
    // the fan's markers and its disc (the largest shape); its leader lines and dots end at the events' true places
    const circles = [...document.querySelectorAll('.leaflet-eventsTop-pane path')].filter(e => /a/.test(e.getAttribute('d')));
    const disc = circles.map(box).reduce((a, b) => (b.width > a.width ? b : a));  // Leaflet draws a circle with arcs
    const fan = [...document.querySelectorAll('.leaflet-eventsTop-pane path.leaflet-interactive')].map(box);
    fan.push(disc);
    fan.forEach(f => bases.forEach(b => { if (meets(f, b)) covered.push(g.n); }));
    // its leader lines and dots stop at a base's icon: no sample of a line, and no dot, inside an icon (2 px in)
    const map = layer._map, frame = map.getContainer().getBoundingClientRect();
    const client = (x, y) => { const c = map.layerPointToContainerPoint(L.point(x, y)); return [c.x + frame.left, c.y + frame.top]; };
    const within = (p, b) => p[0] > b.left + 2 && p[0] < b.right - 2 && p[1] > b.top + 2 && p[1] < b.bottom - 2;
    const lines = [...document.querySelectorAll('.leaflet-eventsTop-pane path:not(.leaflet-interactive)')]
      .filter(e => !/a/.test(e.getAttribute('d')));  // lines (a circle is drawn with arcs)
    lines.forEach(e => {
      const n = e.getAttribute('d').match(/-?[0-9.]+/g).map(Number), a = client(n[0], n[1]), z = client(n[2], n[3]);
      leaders += 1;
      for (let t = 0; t <= 1; t += 0.02) {
        const p = [a[0] + t * (z[0] - a[0]), a[1] + t * (z[1] - a[1])];
        if (bases.some(b => within(p, b))) { overIcons.push(g.n); break; }
      }
    });
    [...document.querySelectorAll('.leaflet-eventsTop-pane path:not(.leaflet-interactive)')]
      .filter(e => /a/.test(e.getAttribute('d'))).map(box)
      .filter(r => r.width < 10).forEach(r => {
        if (bases.some(b => within([(r.left + r.right) / 2, (r.top + r.bottom) / 2], b))) { overIcons.push(g.n); }
      });
    const names = [...document.querySelectorAll('.place-label')].filter(e => e.style.display !== 'none');
    names.forEach(e => { if (meets(box(e), disc)) namesUnder.push(e.textContent); });
    layer._collapse();
  });
  // a badge moved off a base: its dot (its events' true centre) is never drawn on a base's icon
  const dotsOnIcons = [...document.querySelectorAll('.badge-dot')].map(box)
    .filter(r => bases.some(b => r.left + r.width / 2 > b.left + 2 && r.left + r.width / 2 < b.right - 2
                                 && r.top + r.height / 2 > b.top + 2 && r.top + r.height / 2 < b.bottom - 2)).length;
  return {badges: badges.length, bases: bases.length, covered, namesUnder, overIcons, leaders, dotsOnIcons};
}"""


def test_an_opened_badge_never_covers_a_base(app, offline_page):
    """A badge opened into a fan (its markers and the light disc under them) is drawn clear of every base's icon, so
    the bases stay visible and clickable, and the place names under it step aside while it is open: on the dashboard's first view the fan of the 21 events at Khmeimim covered
    its icon and Tartus's before. Its leader lines stop at a base's icon (events that share a place are bundled into
    one stem from the disc's rim), and the badge's tooltip goes when it is clicked: it covered Khmeimim's icon and name."""
    from browser import map_frame, open_app

    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    frame.wait_for_selector(".event-badge", timeout=30_000)
    opened = 0
    for dz in (0, 1, 1):  # the first view, then closer in around Khmeimim (where Jableh's and Latakia's names are)
        if dz:
            frame.evaluate("""async (dz) => {
              const map = EventMap.events._map;
              await new Promise(done => { map.once('moveend', () => setTimeout(done, 300));
                                          map.setView([35.41, 35.95], map.getZoom() + dz, {animate: false}); });
            }""", dz)
        state = frame.evaluate(_OPEN_EVERY_BADGE)
        assert state["bases"] == 4, state
        assert state["covered"] == [] and state["namesUnder"] == [], (dz, state)  # no base, no place name under a fan
        assert state["overIcons"] == [] and state["leaders"] > 0, (dz, state)  # leader lines stop at the icons
        assert state["dotsOnIcons"] == 0, (dz, state)
        opened += state["badges"]
        if not dz:  # opened by a click: its tooltip ("click to fan them out") goes, and covers no base
            frame.locator(".event-badge").first.click()
            frame.wait_for_selector(".leaflet-eventsTop-pane path.leaflet-interactive", timeout=10_000)
            tips = frame.evaluate("""() => [...document.querySelectorAll('.leaflet-tooltip')]
              .filter(e => getComputedStyle(e).opacity !== '0').map(e => e.textContent)""")  # a closed tip fades out
            assert not [t for t in tips if "events here" in t], tips
            frame.evaluate("() => EventMap.events._collapse()")
    assert opened > 0
    assert offline_page.outside == [] and offline_page.errors == []


# (case, fan centre (x, y), disc reach px, marker places, true places, icon boxes,
#  expected: lines as (x1, y1, x2, y2, weight) rounded, dots)
LEADER_PLANS = [
    ("two events at one place outside the disc: bundled on the rim, one stem",
     (0, 0), 10, [[-5, 0], [5, 0]], [[100, 0], [100, 0]], [],
     [(-5, 0, 10, 0, 1), (5, 0, 10, 0, 1), (10, 0, 100, 0, 2)], [(100, 0), (100, 0)]),
    ("the stem to a place under a base's icon stops at the icon's edge, with no dot",
     (0, 0), 10, [[-5, 0], [5, 0]], [[100, 0], [101, 1]], [[90, -10, 110, 10]],
     [(-5, 0, 10, 0, 1), (5, 0, 10, 0, 1), (10, 0, 90, 0, 2)], []),
    ("one event: its own line, to its dot",
     (0, 0), 10, [[0, -5]], [[0, -50]], [],
     [(0, -5, 0, -50, 1)], [(0, -50)]),
    ("a place inside the disc (a fan at its place): a line from each marker",
     (0, 0), 20, [[-10, 0], [10, 0]], [[0, 0], [0, 0]], [],
     [(-10, 0, 0, 0, 1), (10, 0, 0, 0, 1)], [(0, 0), (0, 0)]),
    ("a line that would end inside an icon stops at its edge",
     (0, 0), 10, [[0, 0]], [[0, 100]], [[-10, 90, 10, 110]],
     [(0, 0, 0, 90, 1)], []),
    ("a marker already at its place: no line, a dot",
     (0, 0), 10, [[3, 4]], [[3.4, 4.4]], [],
     [], [(3, 4)]),
]


@pytest.mark.parametrize("case, centre, reach, ends, targets, icons, lines, dots", LEADER_PLANS,
                         ids=[row[0] for row in LEADER_PLANS])
def test_a_fans_leader_lines_are_bundled_and_stop_at_the_bases_icons(page, case, centre, reach, ends, targets, icons,
                                                                       lines, dots):
    plan = page.evaluate("a => EventMap.leaderPlan(a[0], a[1], a[2], a[3], a[4], a[5])",
                         [centre[0], centre[1], reach, ends, targets, icons])
    assert [tuple(round(v) for v in line) for line in plan["lines"]] == lines
    assert [tuple(round(v) for v in dot) for dot in plan["dots"]] == dots
