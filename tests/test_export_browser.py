"""Briefing exports opened as their consumers open them: PNG pixels, PDF text, the HTML offline, the permalink,
and the Export panel's downloads."""

from __future__ import annotations

import io
import json
import math
import re
import unicodedata
from dataclasses import replace
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pandas as pd
import pytest
from browser import EVENT_MARKERS, main_caption, map_frame, open_app, shown_count, wait_for_markers, wait_idle
from conftest import DATA, PAYLOADS, OfflinePage
from inert import Reading, assert_inert
from payloads import PAYLOADS as HOSTILE_PAYLOADS
from payloads import SAFE_LINK
from PIL import Image
from pypdf import PdfReader

from utils.analysis.filters import EventFilter
from utils.core.schema import GEO_PRECISION_RADIUS_KM
from utils.data.dataset import load_dataset
from utils.export.briefing import Briefing
from utils.export.document import MAP_PX, briefing_html
from utils.export.outputs import export_file
from utils.export.permalink import MapView, permalink
from utils.map.aggregate import in_view
from utils.map.settings import MapSettings
from utils.map.view_layer import default_viewport

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOSTILE_TEXTS = list(HOSTILE_PAYLOADS.values())
RED = "Explosions/Remote violence"  # drawn #d62728; three events: Al-Tanf, Idlib, Khmeimim


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def _ready(page, html: str) -> None:
    page.set_content(html)
    page.wait_for_function("document.documentElement.getAttribute('data-ready') === '1'", timeout=30_000)


_PAGE_PIXELS = """points => {
    const map = window[document.querySelector('.folium-map').id];
    const box = map.getContainer().getBoundingClientRect();
    return points.map(p => { const q = map.latLngToContainerPoint(p); return [q.x + box.left, q.y + box.top]; });
}"""


def _pixels(page, points: list[list[float]]) -> list[tuple[float, float]]:
    """Where Leaflet puts each (lat, lon) on the page, in CSS px."""
    return [tuple(p) for p in page.evaluate(_PAGE_PIXELS, points)]


_BADGES = """() => [...document.querySelectorAll('.event-number')].map(e => {
    const box = e.querySelector('circle').getBoundingClientRect();
    return {number: Number(e.textContent), x: box.left + box.width / 2, y: box.top + box.height / 2,
            r: box.width / 2, fill: e.querySelector('circle').getAttribute('fill')};
})"""


def _badges(page) -> list[dict]:
    """Every numbered marker the page draws: its number, centre and radius (CSS px) and fill colour."""
    return page.evaluate(_BADGES)


def _box(page, selector: str) -> dict:
    return page.evaluate(f"() => document.querySelector({selector!r}).getBoundingClientRect().toJSON()")


def _halo_pixels(page, events: pd.DataFrame) -> tuple[list[tuple[float, float]], list[float]]:
    """Where Leaflet puts each event's true position on the page (CSS px), and its halo radius (px)."""
    points = events[["latitude", "longitude"]].values.tolist()
    north = [[lat + GEO_PRECISION_RADIUS_KM[int(p)] / 111.2, lon]
             for (lat, lon), p in zip(points, events["geo_precision"])]
    centres, edges = _pixels(page, points), _pixels(page, north)
    return centres, [math.dist(c, e) for c, e in zip(centres, edges)]


def permalink_field(page) -> str:
    """The link in the export panel's permalink field."""
    return page.locator("input[aria-label='Permalink to this view']").input_value().strip()


def _is_red(pixel) -> bool:
    r, g, b = pixel[:3]
    return r > 170 and g < 120 and b < 120


def test_png_slide_has_the_size_asked_and_numbered_markers_in_the_event_colour(dataset, offline_page):
    briefing = Briefing(dataset, EventFilter(event_types=(RED,)), MapView((34.8, 37.5), 7))
    offline_page.page.set_viewport_size({"width": 1920, "height": 1080})
    _ready(offline_page.page, briefing_html(briefing, "slide"))
    badges = _badges(offline_page.page)
    truths, halos = _halo_pixels(offline_page.page, briefing.events)
    legend = _box(offline_page.page, ".side .legend")
    inset = _box(offline_page.page, ".inset-map")
    key = _box(offline_page.page, "table.key")
    assert sorted(round(h) for h in halos) != [0, 0, 0]  # the test covers halos: some events are imprecise
    image = Image.open(io.BytesIO(export_file(briefing, "png"))).convert("RGB")
    assert image.size == (1920, 1080)
    assert sorted(b["number"] for b in badges) == [1, 2, 3] and {b["fill"] for b in badges} == {"#d62728"}
    points = [(b["x"], b["y"]) for b in badges]
    for badge in badges:  # the fill above the number is the event's colour
        x, y = badge["x"], badge["y"] - 0.7 * badge["r"]
        assert _is_red(image.getpixel((round(x), round(y)))), (badge, image.getpixel((round(x), round(y))))
    # red appears only at the numbered markers, on the dashed halos around the true positions, in the
    # legend's swatch and the inset's extent beside the map: nothing is drawn where no event is
    pixels = image.load()
    on_halo = 0
    for y in range(0, 1080, 2):
        for x in range(0, 1920, 2):
            if _is_red(pixels[x, y]) and not any(b["left"] <= x <= b["right"] and b["top"] <= y <= b["bottom"]
                                                 for b in (legend, inset)):
                near = [math.dist((x, y), p) for p in points]
                assert min(near) <= 13 or any(r and abs(math.dist((x, y), t) - r) <= 3 for t, r in zip(truths, halos)), (x, y)
                on_halo += min(near) > 13
    assert on_halo > 20  # the halos are drawn
    assert key["right"] <= 1920 and key["bottom"] <= 1080


def test_png_for_print_is_a4_landscape_at_300_dpi(dataset):
    briefing = Briefing(dataset, EventFilter(event_types=(RED,)), title="Print check")
    image = Image.open(io.BytesIO(export_file(briefing, "png-a4")))
    assert image.size == (3508, 2480)
    assert [round(v) for v in image.info["dpi"]] == [300, 300]
    pixels = np.asarray(image.convert("RGB")).astype(int)
    red = (pixels[..., 0] > 170) & (pixels[..., 1] < 120) & (pixels[..., 2] < 120)
    assert red.sum() > 3 * 100  # the events (and legend swatch) are drawn


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def test_pdf_is_a_one_pager_whose_text_has_caption_events_and_sources(dataset):
    value = EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30), sources=("SouthFront",))
    view = MapView((35.2, 36.0), 8)
    briefing = Briefing(dataset, value, view, title="Coast, March and April 2025",
                        base_url="https://events.example.org/")
    reader = PdfReader(io.BytesIO(export_file(briefing, "pdf")))
    assert len(reader.pages) == 1
    text = _words(reader.pages[0].extract_text())
    squashed = text.replace(" ", "")
    assert "Coast, March and April 2025" in text
    assert "Showing 14 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront" in text
    assert f"data version {dataset.version}" in text and "Natural Earth" in text
    assert "lat=35.2000&lon=36.0000&zoom=8" in squashed
    for event in briefing.events.itertuples():
        assert event.location.replace(" ", "") in squashed
        assert event.claimed_by.replace(" ", "") in squashed
    for headline in dataset.sources.set_index("doc_id").loc[["SF-2025-03", "SF-2025-04"], "headline"]:
        assert headline.replace(" ", "") in squashed
    assert "Events shown (14), numbered as on the map" in text and "Sources cited (2)" in text
    # the list carries each event's number and id, in the order of the numbers on the map
    listed = re.findall(r"(?<![\d-])(\d{1,2}) (EV\d{4}) ", text)
    assert listed == [(str(n), i) for n, i in zip(briefing.events["list_number"], briefing.events["event_id"])]
    assert re.search(r"Made \(DTG\) \d{6}Z [A-Z]{3} \d\d", text)
    assert "Data cut-off latest event week of 2025-04-24" in text
    assert "https://events.example.org/?start=2025-03-01" in squashed and "localhost" not in text


def test_html_export_opened_offline_draws_every_event_and_opens_records(dataset, offline_page):
    briefing = Briefing(dataset, EventFilter(statuses=("claimed",)))
    page = offline_page.page
    _ready(page, export_file(briefing, "html").decode("utf-8"))
    assert page.locator(EVENT_MARKERS).count() == len(briefing.events) == 8
    assert page.locator(".site-marker").count() == 4
    assert page.locator(".leaflet-overlay-pane path").count() >= 20  # the offline basemap
    page.locator(EVENT_MARKERS).last.hover()  # the topmost of markers that share a point
    tooltip = page.locator(".leaflet-tooltip").inner_text()
    assert re.match(r"EV\d{4} · ", tooltip) and "claimed" in tooltip
    page.locator(EVENT_MARKERS).last.click()
    popup = page.locator(".leaflet-popup-content").inner_text()
    assert re.match(r"EV\d{4}", popup) and "Claimed by" in popup
    listed = page.locator("#events-list-body tr")
    assert listed.count() == 8
    assert listed.first.locator("td").last.inner_text() == "claimed"
    assert offline_page.outside == [] and offline_page.errors == []


def test_permalink_opened_in_a_fresh_browser_shows_the_same_filters_count_and_view(app, browser, dataset):
    value = EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30), sources=("SouthFront",))
    view = MapView((35.3, 36.05), 9)
    link = permalink(app.url, value, view)
    fresh = OfflinePage(browser)
    try:
        page = fresh.page
        open_app(page, link)
        frame = map_frame(page)
        wait_for_markers(frame, 14)
        assert main_caption(page) == ("Showing 14 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront; "
                                      "10 of them dated only to the week, month or year")
        center, zoom = frame.evaluate("() => [map_div.getCenter(), map_div.getZoom()]")
        assert zoom == 9 and abs(center["lat"] - 35.3) < 3e-3 and abs(center["lng"] - 36.05) < 3e-3  # 1 px
        panel_link = permalink_field(page)
        assert parse_qs(urlsplit(panel_link).query) == parse_qs(urlsplit(link).query)
        assert fresh.outside == []
    finally:
        fresh.close()


def test_export_panel_buttons_download_every_format(app, offline_page):
    page = offline_page.page
    open_app(page, f"{app.url}/?type=Explosions%2FRemote+violence&lat=34.8&lon=37.5&zoom=7")
    frame = map_frame(page)
    wait_for_markers(frame, 3)
    wait_idle(page)
    assert shown_count(page) == 3
    downloads = {}
    for label in ("Download CSV", "Download GeoJSON", "Download HTML"):
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name=re.compile(label)).click()
        downloads[label] = download.value
    csv = pd.read_csv(downloads["Download CSV"].path(), dtype=str, keep_default_na=False)
    assert sorted(csv["event_id"]) == ["EV0021", "EV0025", "EV0026"]
    geojson = json.loads(Path(downloads["Download GeoJSON"].path()).read_text(encoding="utf-8"))
    assert len(geojson["features"]) == 3
    html = Path(downloads["Download HTML"].path()).read_text(encoding="utf-8")
    assert downloads["Download HTML"].suggested_filename.endswith(".html")
    text = unescape(html)
    assert "Showing 3 of 30 events" in text and "type=Explosions%2FRemote+violence&lat=34.8000&lon=37.5000&zoom=7" in text

    page.get_by_role("button", name=re.compile("Render PDF")).click()
    wait_idle(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=re.compile("Download PDF")).click()
    text = _words(PdfReader(download.value.path()).pages[0].extract_text())
    assert "Showing 3 of 30 events" in text and "Al-Tanf garrison area" in text
    page.get_by_role("button", name=re.compile(r"Render PNG, slide")).click()
    wait_idle(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=re.compile(r"Download PNG, slide")).click()
    assert Image.open(download.value.path()).size == (1920, 1080)
    assert offline_page.outside == []


_OPEN_EACH_EVENT = """() => {
  // Open the popup and the tooltip of every event marker, one at a time, as a click and a hover do.
  const layer = EventMap.events, out = [];
  layer._map.closePopup();
  layer._map.fitBounds([[31, 35], [38, 43]], {animate: false});  // all of them in view (a long popup panned away)
  layer._redraw();
  layer.drawn().slice().forEach(d => {
    layer.select(d.index, false);
    const popups = document.querySelectorAll('.leaflet-popup-content'), popup = popups[popups.length - 1];
    out.push({popup: [...popup.querySelectorAll('b, td')].map(e => e.innerText),
              hrefs: [...popup.querySelectorAll('a')].map(a => 'href=' + a.getAttribute('href')),
              tooltip: (d.marker.fire('mouseover'), d.marker.getTooltip().getContent())});
  });
  return out;
}"""


def test_html_export_of_hostile_data_shows_payloads_as_text_and_runs_nothing(hostile_data_dir, offline_page):
    dataset = load_dataset(hostile_data_dir)
    banner = HOSTILE_PAYLOADS["script"]
    briefing = Briefing(dataset, EventFilter(), settings=MapSettings(rings_km=(10.0,)), banner=banner)
    page = offline_page.page
    _ready(page, export_file(briefing, "html").decode("utf-8"))
    assert page.locator(".banner").all_inner_texts() == [banner, banner]
    # one article's URL is an http(s) one full of markup characters: the only link, with exactly that href
    source_links = page.eval_on_selector_all("table.sources a", "links => links.map(a => a.getAttribute('href'))")
    assert source_links == [SAFE_LINK]
    page.locator(EVENT_MARKERS).last.hover()
    assert page.locator(".leaflet-tooltip").count() == 1
    page.locator(EVENT_MARKERS).last.click()
    opened = page.evaluate(_OPEN_EACH_EVENT)
    assert len(opened) == len(dataset.events) == 30 + len(HOSTILE_TEXTS)
    tooltips = [unescape(item["tooltip"]) for item in opened]  # what Leaflet puts in the tooltip as HTML
    shown = ([cell for item in opened for cell in item["popup"] + item["hrefs"]]
             + [part for text in tooltips for part in text.split(" \u00b7 ")]
             + page.locator("#events-list-body td").all_inner_texts()
             + page.locator(".banner, table.sources td").all_inner_texts()
             + ["href=" + link for link in source_links])
    expected = HOSTILE_TEXTS + [PAYLOADS["notes"], PAYLOADS["claimed_by"], PAYLOADS["location"] + ", Lattakia",
                                "href=" + SAFE_LINK]
    assert_inert(offline_page, Reading(shown, expected), origin="about:blank")
    # every tooltip starts with the event's id, as the dashboard's clicks need (utils.map.clicks)
    assert sorted(t.split(" \u00b7 ")[0] for t in tooltips) == sorted(dataset.events["event_id"])


RING = (122, 31, 92)  # utils.map.mapping.RING_COLOR, #7a1f5c


def _compass_points(sites: pd.DataFrame, rings_km: tuple[float, ...]) -> list[list[float]]:
    """For each base and ring, the (lat, lon) points the ring passes through due north, south, east and west."""
    points = []
    for site in sites.itertuples():
        for km in rings_km:
            lat_step = km / 111.2
            lon_step = km / (111.32 * math.cos(math.radians(site.latitude)))
            points += [[site.latitude + lat_step, site.longitude], [site.latitude - lat_step, site.longitude],
                       [site.latitude, site.longitude + lon_step], [site.latitude, site.longitude - lon_step]]
    return points


def _ring_tinted(pixel) -> bool:
    """The ring's colour, or a 1.5 px ring anti-aliased over a pixel's edge (purple: red and blue well above green;
    the basemap's greys, creams and blues are not)."""
    r, g, b = pixel[:3]
    return math.dist(pixel, RING) < 30 or (r - g > 40 and b - g > 25)


def _ring_coloured_near(image: Image.Image, x: float, y: float, reach: int = 3) -> bool:
    return any(_ring_tinted(image.getpixel((i, j)))
               for i in range(round(x) - reach, round(x) + reach + 1) for j in range(round(y) - reach, round(y) + reach + 1))


def test_png_with_range_rings_shows_ring_pixels_where_the_rings_are(dataset, offline_page):
    view, rings = MapView((35.1, 36.1), 8), (10.0, 70.0)
    with_rings = Briefing(dataset, EventFilter(statuses=("disputed",)), view, settings=MapSettings(rings_km=rings))
    page = offline_page.page
    page.set_viewport_size({"width": 1920, "height": 1080})
    _ready(page, briefing_html(with_rings, "slide"))
    box = page.evaluate("() => document.querySelector('.map-box').getBoundingClientRect().toJSON()")
    covers = page.evaluate("() => [...document.querySelectorAll('.site-marker svg, .site-label, .event-number svg, "
                           ".north-arrow, .leaflet-control-scale, .leaflet-control-attribution, .ring-label, .place-label, .place-dot, "
                           ".leaflet-exportLeadersPane-pane path')]"
                           ".map(e => e.getBoundingClientRect().toJSON())")

    def visible(x: float, y: float) -> bool:
        inside_map = box["left"] + 5 < x < box["right"] - 5 and box["top"] + 5 < y < box["bottom"] - 5
        return inside_map and not any(r["left"] - 4 <= x <= r["right"] + 4 and r["top"] - 4 <= y <= r["bottom"] + 4
                                      for r in covers)

    expected = [(x, y) for x, y in _pixels(page, _compass_points(dataset.sites, rings)) if visible(x, y)]
    assert len(expected) >= 12  # three bases' rings are in this view
    image = Image.open(io.BytesIO(export_file(with_rings, "png"))).convert("RGB")
    hits = [_ring_coloured_near(image, x, y) for x, y in expected]
    # a ring is dashed (6 px on, 4 off): a point may fall in a gap, so nearly all, not all, show the ring colour
    assert sum(hits) >= 0.85 * len(hits), list(zip(expected, hits))
    without = Image.open(io.BytesIO(export_file(replace(with_rings, settings=MapSettings()), "png"))).convert("RGB")
    assert not any(_ring_coloured_near(without, x, y) for x, y in expected)


def _halo_and_ring_paths(page) -> tuple[int, int]:
    """Halos drawn (dashed circles on a canvas, which must show them) and range rings (SVG paths)."""
    halos = page.evaluate("""() => {
        const map = window[document.querySelector('.folium-map').id];
        const layer = map._exportHalos;  // the numbered export's halos, around each true position
        if (!layer) return 0;
        const canvas = layer._canvas;
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        if (layer.count() && !pixels.some((v, i) => i % 4 === 3 && v > 0)) return -1;  // counted but not painted
        return layer.count();
    }""")
    return halos, page.locator(".leaflet-overlay-pane path[stroke-dasharray='6 4']").count()


def test_html_export_opened_offline_shows_halos_rings_and_the_heatmap_when_on(dataset, offline_page):
    settings = MapSettings(rings_km=(10.0, 70.0))
    briefing = Briefing(dataset, EventFilter(), settings=settings)
    page = offline_page.page
    _ready(page, export_file(briefing, "html").decode("utf-8"))
    imprecise = dataset.events[dataset.events["geo_precision"] > 1]
    places = len(imprecise[["latitude", "longitude", "geo_precision"]].drop_duplicates())
    assert len(imprecise) > places > 0  # several imprecise events share a place: one halo each place
    assert page.locator(EVENT_MARKERS).count() == 30
    assert _halo_and_ring_paths(page) == (places, 4 * 2)  # a halo per imprecise place; two rings per base
    # each ring is labelled at most once, where its label covers no other (10 km rings are too small here)
    assert sorted(page.locator(".ring-label").all_inner_texts()) == ["70 km"] * 4
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 0

    heat = replace(briefing, settings=MapSettings(heatmap=True, rings_km=(70.0,)))
    _ready(page, export_file(heat, "html").decode("utf-8"))
    assert page.locator(EVENT_MARKERS).count() == 0 and _halo_and_ring_paths(page) == (0, 4)
    painted = page.evaluate("""() => {
        const canvas = document.querySelector('canvas.leaflet-heatmap-layer');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) count++; }
        return count;
    }""")
    assert painted > 1000  # the density is drawn
    assert page.locator("#events-list-body tr").count() == 30  # the list is still filled
    assert offline_page.outside == [] and offline_page.errors == []


def test_big_html_export_draws_exact_clusters_that_add_up_to_the_events_in_view(dataset, offline_page, tmp_path):
    from benchmarks.synthetic import synthetic_events
    from utils.core.dates import add_date_windows
    from utils.data.dataset import derive_columns
    from utils.data.validation import validate_events

    raw = synthetic_events(5000, seed=11)
    raw["_row"] = range(2, len(raw) + 2)
    events = derive_columns(add_date_windows(validate_events(raw, "synthetic").events), dataset.sites)
    view = MapView((34.5, 37.0), 7.5)
    briefing = Briefing(replace(dataset, events=events), EventFilter(), view)
    page = offline_page.page  # 1500 px wide: the export's map is its full 1280 x 640 px
    _ready(page, export_file(briefing, "html").decode("utf-8"))
    counted = page.evaluate("""() => {
        const map = window[document.querySelector('.folium-map').id];
        const counts = [];
        EventMap.events._P.clusters.forEach(c => counts.push(c[2]));
        const b = map.getBounds();
        return {counts: counts, bounds: [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]};
    }""")
    stated = default_viewport(view.center, view.zoom, *MAP_PX["html"])
    inside = int(in_view(events["latitude"].to_numpy(), events["longitude"].to_numpy(), stated).sum())
    assert len(counted["counts"]) > 10 and page.locator(EVENT_MARKERS).count() == 0
    assert sum(counted["counts"]) == inside  # every event in the export's view is counted, once
    # ... and the map's count of the events in view (its bar's "N in view") counts the clusters' events
    assert page.evaluate("() => EventMap.events.inViewCount()") == inside
    # ... and that view is what the map shows, to within a pixel (about 0.008 degrees at zoom 7.5)
    shown = counted["bounds"]
    assert max(abs(a - b) for a, b in zip(shown, [stated.south, stated.west, stated.north, stated.east])) < 0.008
    text = page.locator(".caption").inner_text()
    assert f"{inside:,} of the 5,000 events are in view, grouped into {len(counted['counts']):,} clusters" in text
    assert page.locator("#events-list-body tr").count() == 1000
    assert "The first 1,000 of 5,000 events by date are listed" in page.locator(".list-note").inner_text()
    assert offline_page.outside == [] and offline_page.errors == []


_FURNITURE = """() => {
    const q = s => document.querySelector(s);
    const rect = e => e.getBoundingClientRect().toJSON();
    return {map: rect(q('.map-box')), scale: q('.leaflet-control-scale-line') && q('.leaflet-control-scale-line').innerText,
            arrow: !!q('.north-arrow svg'), extent: !!q('.inset-map .inset-extent'),
            bases: [...document.querySelectorAll('.site-marker svg, .site-label')].map(rect),
            banners: [...document.querySelectorAll('.banner')].map(e => [e.innerText, rect(e)]),
            keyShown: q('.key-note') ? Number(q('.key-note').dataset.shown) : null,
            legend: rect(q('.legend')), mapLegendShown: !!(q('.map-box .event-legend') && q('.map-box .event-legend').offsetParent)};
}"""


def _overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize(("layout", "size"), [("slide", (1920, 1080)), ("print", (1170, 827)), ("pdf", (1062, 733))])
def test_the_march_april_export_draws_14_distinct_numbered_markers_with_scale_arrow_and_inset(
        dataset, offline_page, layout, size):
    # no view given: as `python -m utils export --start 2025-03-01 --end 2025-04-30` does, framed on the events
    briefing = Briefing(dataset, EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30)), banner="TLP:CLEAR")
    page = offline_page.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    _ready(page, briefing_html(briefing, layout))
    badges = _badges(page)
    furniture = page.evaluate(_FURNITURE)
    box = furniture["map"]
    assert sorted(b["number"] for b in badges) == list(range(1, 15))
    for i, a in enumerate(badges):
        assert box["left"] <= a["x"] - a["r"] and a["x"] + a["r"] <= box["right"], a  # inside the map
        assert box["top"] <= a["y"] - a["r"] and a["y"] + a["r"] <= box["bottom"], a
        for b in badges[i + 1:]:  # distinct: no marker covers another
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"], (a, b)
        circle = {"left": a["x"] - a["r"], "right": a["x"] + a["r"], "top": a["y"] - a["r"], "bottom": a["y"] + a["r"]}
        inner = {k: v + (2 if k in ("left", "top") else -2) for k, v in circle.items()}
        assert not any(_overlap(inner, base) for base in furniture["bases"]), a  # nor a base's icon or label
    assert re.fullmatch(r"\d+ km", furniture["scale"]) and furniture["arrow"] and furniture["extent"]
    # the legend sits beside the map, so it covers no base's label (nor anything else on the map)
    assert not furniture["mapLegendShown"] and not _overlap(furniture["legend"], box)
    if layout != "pdf":  # the PDF prints its banner in every page's margins (see the PDF test)
        assert [text for text, _ in furniture["banners"]] == ["TLP:CLEAR", "TLP:CLEAR"]
        top, bottom = (rect for _, rect in furniture["banners"])
        assert top["top"] == 0 and bottom["bottom"] <= size[1] and bottom["top"] > box["bottom"]
        assert furniture["keyShown"] == 14  # every event in the key beside the map, none cut off
    assert offline_page.errors == []


def test_pdf_numbers_ids_banner_and_urls_are_real_text(dataset, tmp_path):
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    sources = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    sources.loc[sources["doc_id"] == "SF-2025-03", "url"] = "https://southfront.example/drones-over-tartus"
    sources.to_csv(folder / "sources.csv", index=False)
    briefing = Briefing(load_dataset(folder), EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30)),
                        banner="TLP:GREEN", base_url="https://events.example.org/")
    reader = PdfReader(io.BytesIO(export_file(briefing, "pdf")))
    assert len(reader.pages) == 1
    text = _words(reader.pages[0].extract_text())
    assert text.count("TLP:GREEN") == 2  # header and footer
    assert "https://southfront.example/drones-over-tartus" in text.replace(" ", "")
    links = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert "https://southfront.example/drones-over-tartus" in links
    assert all(link.startswith("https://") for link in links)
    assert "framed on the events shown" in text and "localhost" not in text


def test_the_panels_permalink_uses_the_address_the_browser_used_and_frames_on_request(app, offline_page):
    page = offline_page.page
    address = app.url.replace("localhost", "127.0.0.1")  # another name for the same server: the link follows it
    open_app(page, f"{address}/?start=2025-03-01&end=2025-04-30")
    map_frame(page)
    wait_idle(page)
    panel_link = permalink_field(page)
    assert panel_link.startswith(f"{address}/") and "localhost" not in panel_link
    assert "start=2025-03-01" in panel_link
    page.get_by_text("Frame the events shown").click()
    wait_idle(page)
    # the panel has rerun with the choice (its download buttons carry the framed export only then)
    page.locator("[data-testid=stCaptionContainer]", has_text="numbered, framed on the events").wait_for(timeout=30_000)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=re.compile("Download HTML")).click()
    text = unescape(Path(download.value.path()).read_text(encoding="utf-8"))
    assert "(framed on the events shown)" in text
    view = re.search(r"centre ([\d.]+), ([\d.]+), zoom ([\d.]+) \(framed", text)
    assert float(view.group(3)) >= 9
    assert f"{address}/?start=2025-03-01&end=2025-04-30&lat={view.group(1)}" in text
    assert "localhost" not in text
