"""Briefing exports opened as their consumers open them: PNG pixels, PDF text, the HTML offline, the permalink,
and the Export panel's downloads."""

from __future__ import annotations

import io
import json
import math
import re
import unicodedata
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pandas as pd
import pytest
from browser import EVENT_MARKERS, main_caption, map_frame, open_app, shown_count, wait_for_markers, wait_idle
from conftest import DATA, PAYLOADS, OfflinePage
from PIL import Image
from pypdf import PdfReader

from utils.briefing import Briefing, briefing_html, export_file
from utils.dataset import load_dataset
from utils.filters import EventFilter
from utils.permalink import MapView, permalink

pytestmark = pytest.mark.browser

RED = "Explosions/Remote violence"  # drawn #d62728; three events: Al-Tanf, Idlib, Khmeimim


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def _ready(page, html: str) -> None:
    page.set_content(html)
    page.wait_for_function("document.documentElement.getAttribute('data-ready') === '1'", timeout=30_000)


def _event_pixels(page, events: pd.DataFrame) -> tuple[list[tuple[float, float]], dict]:
    """Where Leaflet puts each event on the page (CSS px), and the legend's box."""
    points = events[["latitude", "longitude"]].values.tolist()
    return page.evaluate("""points => {
        const map = window[document.querySelector('.folium-map').id];
        const box = map.getContainer().getBoundingClientRect();
        const legend = document.querySelector('.event-legend').getBoundingClientRect();
        return [points.map(p => { const q = map.latLngToContainerPoint(p); return [q.x + box.left, q.y + box.top]; }),
                {left: legend.left, right: legend.right, top: legend.top, bottom: legend.bottom}];
    }""", points)


def _is_red(pixel) -> bool:
    r, g, b = pixel[:3]
    return r > 170 and g < 120 and b < 120


def test_png_slide_has_the_size_asked_and_markers_in_the_event_colour_where_the_events_are(dataset, offline_page):
    briefing = Briefing(dataset, EventFilter(event_types=(RED,)), MapView((34.8, 37.5), 7))
    offline_page.page.set_viewport_size({"width": 1920, "height": 1080})
    _ready(offline_page.page, briefing_html(briefing, "slide"))
    points, legend = _event_pixels(offline_page.page, briefing.events)
    image = Image.open(io.BytesIO(export_file(briefing, "png"))).convert("RGB")
    assert image.size == (1920, 1080)
    assert len(points) == 3
    for x, y in points:
        assert 0 < x < 1920 and 0 < y < 1080
        assert _is_red(image.getpixel((round(x), round(y)))), (x, y, image.getpixel((round(x), round(y))))
    # red appears only at the events (and in the legend's swatch): nothing is drawn where no event is
    pixels = image.load()
    for y in range(0, 1080, 2):
        for x in range(0, 1920, 2):
            if _is_red(pixels[x, y]) and not (legend["left"] <= x <= legend["right"]
                                              and legend["top"] <= y <= legend["bottom"]):
                assert min(math.dist((x, y), p) for p in points) <= 10, (x, y)


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
                        permalink=permalink("http://localhost:8501/", value, view))
    reader = PdfReader(io.BytesIO(export_file(briefing, "pdf")))
    assert len(reader.pages) == 1
    text = _words(reader.pages[0].extract_text())
    squashed = text.replace(" ", "")
    assert "Coast, March and April 2025" in text
    assert "Showing 14 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront" in text
    assert f"Data version {dataset.version}" in text and "Natural Earth" in text
    assert "lat=35.2000&lon=36.0000&zoom=8" in squashed
    for event in briefing.events.itertuples():
        assert event.location.replace(" ", "") in squashed
        assert event.claimed_by.replace(" ", "") in squashed
    for headline in dataset.sources.set_index("doc_id").loc[["SF-2025-03", "SF-2025-04"], "headline"]:
        assert headline.replace(" ", "") in squashed
    assert "Events shown (14)" in text and "Sources cited (2)" in text


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
        panel_link = page.locator("[data-testid=stCode]").inner_text().strip()
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


def test_html_export_of_hostile_data_shows_payloads_as_text_and_runs_nothing(hostile_data_dir, offline_page):
    briefing = Briefing(load_dataset(hostile_data_dir), EventFilter(claimants=(PAYLOADS["claimed_by"],)))
    page = offline_page.page
    _ready(page, export_file(briefing, "html").decode("utf-8"))
    page.locator(EVENT_MARKERS).last.hover()
    assert PAYLOADS["location"] in page.locator(".leaflet-tooltip").inner_text()
    page.locator(EVENT_MARKERS).last.click()
    popup = page.locator(".leaflet-popup-content").inner_text()
    assert PAYLOADS["notes"] in popup and PAYLOADS["claimed_by"] in popup
    cells = page.locator("#events-list-body td").all_inner_texts()
    assert PAYLOADS["location"] + ", Lattakia" in cells and PAYLOADS["claimed_by"] in cells
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator("img[src='x'], svg[onload]").count() == 0
    assert offline_page.dialogs == [] and offline_page.errors == [] and offline_page.outside == []
