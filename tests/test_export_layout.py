"""The export's layout maths without a browser: framing the events, the numbered fan, the inset's extent."""

from __future__ import annotations

import math
import re
from datetime import date

import pytest
from conftest import DATA
from hypothesis import given
from hypothesis import strategies as st

from utils.analysis.filters import EventFilter
from utils.data.dataset import load_dataset
from utils.export.briefing import Briefing
from utils.export.document import MAP_PX
from utils.export.framing import (
    MAX_FRAME_ZOOM,
    SYRIA_BOUNDS,
    fit_bounds,
    frame_events,
    from_pixel,
    to_pixel,
    view_bounds,
)
from utils.export.furniture import inset_svg, site_boxes
from utils.export.numbering import MARKER_GAP_PX, fan_out, groups_of
from utils.export.permalink import MapView


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.mark.parametrize(("lat", "lon", "zoom"), [(35.4, 35.95, 9), (-33.9, 151.2, 4), (0, 0, 0), (60.1, -179.9, 12.25)])
def test_pixels_and_positions_are_inverse(lat, lon, zoom):
    back = from_pixel(*to_pixel(lat, lon, zoom), zoom)
    assert back == pytest.approx((lat, lon), abs=1e-9)


def test_leaflets_world_is_256_px_at_zoom_0_and_doubles_per_level():
    assert to_pixel(0, 0, 0) == pytest.approx((128, 128))
    assert to_pixel(0, 180, 1) == pytest.approx((512, 256))
    assert to_pixel(85.05112878, -180, 3)[1] == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize(
    ("points", "map_px", "expected"),
    [
        # the March-April 2025 window: Khmeimim to Tartus, on a slide's map: zoomed to the coast
        ([(35.4106, 35.9469), (34.9, 35.88), (35.05, 35.93), (35.35, 35.917)], (1500, 760), MapView((35.1554, 35.9135), 10)),
        # one place: as close as framing goes, centred on it
        ([(33.5, 36.3)], (1500, 760), MapView((33.5, 36.3), MAX_FRAME_ZOOM)),
        ([(33.5, 36.3)] * 5, (723, 519), MapView((33.5, 36.3), MAX_FRAME_ZOOM)),
        # events spread across Syria: all of Syria
        ([(35.41, 35.95), (33.5, 38.7), (37.0, 41.2)], (1500, 760), fit_bounds(SYRIA_BOUNDS, (1500, 760), margin_px=8)),
        # no events: all of Syria
        ([], (850, 560), fit_bounds(SYRIA_BOUNDS, (850, 560), margin_px=8)),
    ],
)
def test_framing_table(points, map_px, expected):
    got = frame_events(points, map_px)
    assert got.zoom == expected.zoom
    assert got.center == pytest.approx(expected.center, abs=1e-3)


def test_framing_shows_events_beyond_syria_rather_than_cutting_them_off():
    points = [(35.41, 35.95), (37.0, 35.43)]  # Khmeimim and Incirlik (Turkey)
    view = frame_events(points, (1500, 760))
    south, west, north, east = view_bounds(view, (1500, 760))
    assert all(south < lat < north and west < lon < east for lat, lon in points)


@given(st.lists(st.tuples(st.floats(32.5, 37.2), st.floats(35.8, 42.2)), min_size=1, max_size=40),
       st.sampled_from(list(MAP_PX.values())))
def test_framed_events_are_inside_the_map_clear_of_its_margin(points, map_px):
    view = frame_events(points, map_px)
    assert view.zoom % 0.25 == 0 and view.zoom <= MAX_FRAME_ZOOM
    cx, cy = to_pixel(*view.center, view.zoom)
    for lat, lon in points:
        x, y = to_pixel(lat, lon, view.zoom)
        x, y = x - cx + map_px[0] / 2, y - cy + map_px[1] / 2
        assert 0 <= x <= map_px[0] and 0 <= y <= map_px[1]


def test_the_march_april_window_is_framed_on_the_coast_in_every_layout(dataset):
    briefing = Briefing(dataset, EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30)))
    for layout, size in MAP_PX.items():
        view = briefing.view_for(size)
        assert view.zoom >= 9, layout  # not all of Syria (6.75)
        south, west, north, east = view_bounds(view, size)
        assert ((briefing.events["latitude"] > south) & (briefing.events["latitude"] < north)
                & (briefing.events["longitude"] > west) & (briefing.events["longitude"] < east)).all()
    given_view = MapView((34.85, 38.7), 6.75)
    assert Briefing(dataset, EventFilter(), given_view).view_for((1500, 760)) == given_view


@pytest.mark.parametrize(
    ("points", "reach", "groups"),
    [
        ([], 10, []),
        ([(0, 0)], 10, [[0]]),
        ([(0, 0), (0, 0), (50, 50)], 10, [[0, 1], [2]]),
        ([(0, 0), (9, 0), (18, 0), (40, 0)], 10, [[0, 1, 2], [3]]),  # a chain joins
        ([(40, 0), (0, 0), (9.99, 0)], 10, [[0], [1, 2]]),
        ([(0, 0), (10, 0)], 10, [[0], [1]]),  # exactly a marker apart: they do not touch
    ],
)
def test_groups_table(points, reach, groups):
    assert groups_of(points, reach) == groups


def _overlaps(placements, radius):
    return [(a.number, b.number) for i, a in enumerate(placements) for b in placements[i + 1:]
            if math.dist(a.xy, b.xy) < 2 * radius + MARKER_GAP_PX - 1e-6]


def test_twelve_events_on_one_pixel_fan_out_clockwise_from_the_top_in_number_order():
    points = [(300.0, 200.0)] * 12
    placed = fan_out(points, radius_px=10, map_px=(600, 400))
    assert [p.number for p in placed] == list(range(1, 13))
    assert _overlaps(placed, 10) == [] and all(p.fanned for p in placed)
    first = placed[0].xy
    assert first[0] == pytest.approx(300) and first[1] < 200  # number 1 straight above the point
    angles = [math.atan2(p.xy[0] - 300, 200 - p.xy[1]) % (2 * math.pi) for p in placed]
    rings = [round(math.dist(p.xy, (300, 200))) for p in placed]
    assert sorted(zip(rings, angles)) == list(zip(rings, angles))  # inner ring first, clockwise
    assert fan_out(points, radius_px=10, map_px=(600, 400)) == placed  # deterministic


def test_a_lone_event_stays_put_and_a_fan_avoids_it_the_bases_and_the_corners():
    points = [(100.0, 100.0)] * 6 + [(100.0, 60.0)]
    base = [(84.0, 84.0, 116.0, 116.0), (118.0, 90.0, 240.0, 109.0)]  # icon and label right of it
    corner = [(0.0, 0.0, 70.0, 70.0)]
    placed = fan_out(points, radius_px=10, obstacles=base + corner, map_px=(400, 300))
    lone = placed[6]
    assert not lone.fanned and lone.xy == (100.0, 60.0)
    assert _overlaps(placed, 10) == []
    for p in placed[:6]:
        x, y = p.xy
        for left, top, right, bottom in base + corner:
            nearest = (min(max(x, left), right), min(max(y, top), bottom))
            assert math.dist((x, y), nearest) >= 10


@given(st.lists(st.tuples(st.floats(0, 400), st.floats(0, 300)), min_size=1, max_size=120), st.sampled_from([10, 12]))
def test_no_two_numbered_markers_overlap_and_every_number_appears_once(points, radius):
    placed = fan_out(points, radius_px=radius, map_px=(400, 300))
    assert sorted(p.number for p in placed) == list(range(1, len(points) + 1))
    assert [p.true_xy for p in placed] == [tuple(p) for p in points]
    assert _overlaps(placed, radius) == []


def test_the_inset_draws_the_views_extent_and_a_cross_hair_when_it_is_tiny(dataset):
    countries = dataset.basemap.countries
    wide = inset_svg(countries, (33.0, 36.0, 36.0, 40.0))
    rect = re.search(r'<rect class="inset-extent" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', wide)
    assert rect and 20 < float(rect.group(3)) < 240 and 20 < float(rect.group(4)) < 190
    tiny = inset_svg(countries, (35.40, 35.94, 35.41, 35.95))
    assert '<circle class="inset-extent"' in tiny and "<rect class" not in tiny
    assert wide.count("<path d=") >= 8  # Syria and its neighbours


def test_site_boxes_put_each_bases_icon_and_label_where_the_map_draws_them(dataset):
    site = dataset.sites.set_index("site_id").loc["khmeimim"]
    view = MapView((site["latitude"], site["longitude"]), 10)  # centred on Khmeimim
    boxes = site_boxes(dataset.sites, view.center, view.zoom, (1000, 600))
    icons = boxes[0::2]
    khmeimim = next(b for b, s in zip(icons, dataset.sites.itertuples()) if s.site_id == "khmeimim")
    assert ((khmeimim[0] + khmeimim[2]) / 2, (khmeimim[1] + khmeimim[3]) / 2) == pytest.approx((500, 300), abs=0.5)
