"""Issue 3's acceptance test: the UCDP extract uploaded in Chromium, every row accounted for, then on the map."""

from __future__ import annotations

import re

import pytest
from browser import SITE_MARKERS, main_caption, open_app, wait_idle
from conftest import ucdp_csv
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

UCDP = ucdp_csv()
ROWS = 16_566
SLOW_MS = 180_000


def metric(page, label: str) -> int:
    box = page.locator("[data-testid=stMetric]", has_text=label).first
    expect(box).to_be_visible(timeout=SLOW_MS)
    return int(box.locator("[data-testid=stMetricValue]").inner_text().replace(",", ""))


def test_the_ucdp_extract_uploaded_in_the_browser_shows_on_the_map_with_every_row_accounted_for(writable_app,
                                                                                               offline_page):
    app = writable_app  # a copy of data/: the import is saved in that copy's store
    page = offline_page.page
    # The root first: a fresh server's first visit decides how it treats pages/ (see conftest.py).
    open_app(page, app.url)
    open_app(page, f"{app.url}/import")
    page.locator("[data-testid=stFileUploader]", has_text="Event file").locator("input[type=file]") \
        .set_input_files(str(UCDP))
    expect(page.get_by_text("Detected: UCDP GED")).to_be_visible(timeout=SLOW_MS)
    loaded, set_aside = metric(page, "Loaded"), metric(page, "Set aside")
    assert metric(page, "Rows read") == ROWS
    assert loaded + set_aside == ROWS and loaded > 0
    page.get_by_role("button", name="Save and show this import alone").click()
    expect(page.get_by_text(re.compile(f"{loaded} event\\(s\\) from {UCDP.name} were saved in the store"))) \
        .to_be_visible(timeout=SLOW_MS)
    page.get_by_role("link", name="See them on the map").click()
    wait_idle(page)
    page.wait_for_selector("h1:has-text('Reported events')", timeout=SLOW_MS)
    assert main_caption(page) == (f"Showing {loaded} of {loaded} events, 2016-01-01 to 2019-12-31; "
                                  "1086 of them dated only to the week, month or year")
    page.wait_for_selector("iframe[title*='st_folium']", timeout=SLOW_MS)
    frame = next(f for f in page.frames if "st_folium" in f.url)
    frame.wait_for_selector(SITE_MARKERS, timeout=SLOW_MS)
    # 16,566 events go to the browser, which groups them into counted badges until zoomed in; every
    # event in view is in exactly one drawn group (badge, fan or single marker)
    frame.wait_for_selector(".event-badge", timeout=SLOW_MS)
    clustered = frame.evaluate("""() => { const b = map_div.getBounds(), l = EventMap.events, D = l._D;
        return l._groups.reduce((a, g) => a + g.members.filter(i => b.contains([D.lat[i], D.lon[i]])).length, 0); }""")
    assert 0 < clustered <= loaded
    expect(page.get_by_text(f"{loaded:,} event(s) on the map")).to_be_visible(timeout=SLOW_MS)
    assert offline_page.outside == [] and offline_page.errors == []
