"""Adding and editing an event in Debian's Chromium, offline, on a copy of data/."""

from __future__ import annotations

import pytest
from browser import TIMEOUT_MS, map_frame, open_app, wait_for_markers, wait_idle
from playwright.sync_api import expect

from utils.data.store import EventStore, read_changes

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def type_into(page, label: str, value: str) -> None:
    box = page.get_by_role("textbox", name=label, exact=True)
    expect(box).to_have_count(1, timeout=TIMEOUT_MS)  # a rerun can briefly show the old and the new form
    box.fill(value)
    box.press("Enter" if box.evaluate("e => e.tagName") == "INPUT" else "Tab")
    wait_idle(page)


def test_add_an_event_by_place_name_see_it_then_change_its_status(writable_app, offline_page):
    page = offline_page.page
    # A fresh server learns its pages from app.py's st.navigation: let the home page run first.
    open_app(page, writable_app.url)
    wait_for_markers(map_frame(page), 30)
    open_app(page, f"{writable_app.url}/edit")
    # 1. the report, once
    page.get_by_label("Outlet (who published it)").fill("The Test Wire")
    page.get_by_label("Headline, in your own words").fill("Drones downed near Hmeimim, in my words")
    page.get_by_role("button", name="Record the report").click()
    wait_idle(page)
    expect(page.get_by_text("recorded. Now add its events")).to_be_visible(timeout=TIMEOUT_MS)
    # 2. an event placed by name: the candidates are drawn on the small map
    type_into(page, "Place name", "Hmeimim")
    small_map = page.frame_locator("iframe[title*='st_folium']")
    expect(small_map.locator("path.place-chosen")).to_have_count(1, timeout=TIMEOUT_MS)
    assert small_map.locator("path.place-candidate").count() >= 1
    expect(page.get_by_text("Lattakia; by gazetteer (base)")).to_be_visible()
    type_into(page, "Actor 1 (ACLED-style name)", "Unidentified armed group")
    type_into(page, "Claimed by", "Russian Ministry of Defence")
    page.get_by_role("button", name="Save the event").click()
    wait_idle(page)
    expect(page.get_by_text("Saved EV0031")).to_be_visible(timeout=TIMEOUT_MS)

    # on the map: one marker more than the 30 bundled events
    open_app(page, writable_app.url)
    wait_for_markers(map_frame(page), 31)
    # in the Events table, narrowed to the new outlet
    open_app(page, f"{writable_app.url}/events?source=The+Test+Wire")
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.wait_for(timeout=TIMEOUT_MS)
    expect(page.get_by_text("Showing 1 of 31 events")).to_be_visible()
    row = grid.locator("table").first.inner_text()
    assert "EV0031" in row and "Khmeimim air base" in row

    # change its status, with a reason
    open_app(page, f"{writable_app.url}/edit")
    page.get_by_role("tab", name="Edit an event").click()
    picker = page.locator("[data-testid=stSelectbox]", has_text="Event").last
    picker.click()
    page.keyboard.type("EV0031")
    page.keyboard.press("Enter")
    wait_idle(page)
    status = page.locator("[data-testid=stSelectbox]", has_text="New status")
    status.click()
    page.get_by_role("option", name="confirmed", exact=True).click()
    wait_idle(page)
    type_into(page, "Reason (required; it goes into the change log)", "Confirmed by an independent monitor")
    page.get_by_role("button", name="Save the change").click()
    wait_idle(page)
    expect(page.get_by_text("EV0031: status changed")).to_be_visible(timeout=TIMEOUT_MS)

    log = read_changes(writable_app.data_dir)
    mine = log[log["event_id"] == "EV0031"]
    assert mine["field"].tolist() == ["(created)", "status"]
    assert mine.iloc[1][["old_value", "new_value", "reason"]].tolist() == [
        "claimed", "confirmed", "Confirmed by an independent monitor"]
    events = EventStore(writable_app.data_dir).read_events()
    assert events.set_index("event_id").loc["EV0031", "status"] == "confirmed"
    assert offline_page.outside == [] and offline_page.errors == []
