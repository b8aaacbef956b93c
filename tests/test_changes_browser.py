"""The Changes page in Debian's Chromium, offline, on a copy of data/: save a snapshot, change an event
elsewhere, compare, and see the change counted, listed and drawn."""

from __future__ import annotations

import pytest
from browser import TIMEOUT_MS, map_frame, open_app, wait_for_markers, wait_idle
from playwright.sync_api import expect

from utils.data.store import EventStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_save_a_snapshot_change_an_event_and_see_what_changed(writable_app, offline_page):
    page = offline_page.page
    open_app(page, writable_app.url)  # a fresh server learns its pages from app.py's st.navigation
    wait_for_markers(map_frame(page), 30)
    open_app(page, f"{writable_app.url}/changes")
    page.get_by_role("button", name="Save a snapshot of the current data").click()
    wait_idle(page)
    expect(page.get_by_text("Saved events-")).to_be_visible(timeout=TIMEOUT_MS)
    assert len(list((writable_app.data_dir / ".eventmap-cache").glob("version-*.arrow"))) == 1

    # another analyst (another process) confirms an event after the briefing
    store = EventStore(writable_app.data_dir)
    store.update_event("EV0005", {"status": "confirmed"}, reason="a second source", who="another analyst")
    page.wait_for_timeout(4000)  # the page follows saved changes within about 3 s
    wait_idle(page)

    page.locator("[data-testid=stSelectbox]", has_text="Saved snapshot").click()
    page.get_by_role("option").first.click()
    wait_idle(page)
    metrics = page.locator("[data-testid=stMetric]")
    expect(metrics).to_have_count(3, timeout=TIMEOUT_MS)
    assert [m.inner_text().split() for m in metrics.all()] == [["Added", "0"], ["Removed", "0"], ["Changed", "1"]]
    changed = page.locator("[data-testid=stDataFrame]").first
    expect(changed).to_contain_text("EV0005", timeout=TIMEOUT_MS)
    expect(changed).to_contain_text("confirmed")
    frame = map_frame(page)
    wait_for_markers(frame, 1)  # the one changed event, drawn on the map of changes
    page.screenshot(path=str(writable_app.data_dir.parent / "changes.png"))
    assert offline_page.outside == [] and offline_page.errors == []
