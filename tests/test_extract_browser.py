"""From an article to a saved event on the map, in Debian's Chromium, offline, on a copy of data/ (issue 17)."""

from __future__ import annotations

import os
import re

import pytest
from browser import BADGES, TIMEOUT_MS, map_frame, open_app, wait_for_markers, wait_idle
from conftest import SEEDS, TEST_DATA
from payloads import PAYLOADS
from playwright.sync_api import expect

from utils.data.store import EventStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_an_article_from_2013_can_be_given_its_date_and_is_read(app, offline_page):
    """The date field takes any day from 1900 to today (Streamlit's own floor is ten years back, which refused
    every article before December 2016 as 'no publication date given')."""
    page = offline_page.page
    open_app(page, f"{app.url}/import")
    text = (TEST_DATA / "articles25" / "x2_jdeidet_al_fadl_2013.txt").read_text(encoding="utf-8")
    page.get_by_label("Article text").fill(text)
    page.get_by_label("Outlet (who published it)").fill("Test Tagus News Agency")
    date_box = page.locator("[data-testid=stForm] [data-testid=stDateInput]", has_text="Published").locator("input")
    date_box.fill("2013-04-23")
    date_box.dispatch_event("change")
    page.get_by_role("button", name="Propose events").click()
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"\d+ candidate event\(s\) from Test Tagus News Agency, published "
                                       r"2013-04-23"))).to_be_visible(timeout=TIMEOUT_MS)
    assert page.get_by_text("No publication date given").count() == 0


def test_paste_an_article_accept_its_candidates_and_see_them_on_the_map(writable_app, offline_page):
    page = offline_page.page
    open_app(page, writable_app.url)
    wait_for_markers(map_frame(page), 30)
    open_app(page, f"{writable_app.url}/import")
    hostile = f"Reader note: {PAYLOADS['img_onerror']} {PAYLOADS['close_script']} {PAYLOADS['markdown']}\n"
    text = hostile + (SEEDS / "001_0cc92d865668803a.txt").read_text(encoding="utf-8")  # before the footer
    page.get_by_label("Article text").fill(text)
    page.get_by_label("Outlet (who published it)").fill("SouthFront")
    date_box = page.locator("[data-testid=stForm] [data-testid=stDateInput]", has_text="Published").locator("input")
    date_box.fill("2025-04-25")  # a native date input: filled, not typed into
    date_box.dispatch_event("change")
    page.get_by_role("button", name="Propose events").click()
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"\d+ candidate event\(s\) from SouthFront"))).to_be_visible(timeout=TIMEOUT_MS)
    # the evidence sentences are highlighted in the text, and the payloads are shown as text
    evidence = page.locator("mark.article-evidence")
    expect(evidence.first).to_be_visible(timeout=TIMEOUT_MS)
    assert "late on April 24" in evidence.first.inner_text()
    article = page.locator(".article-text").inner_text()
    assert PAYLOADS["img_onerror"] in article and PAYLOADS["close_script"] in article
    # the candidates on the small map, drawn by the events layer: each one a marker or in a badge, none hidden
    count = int(re.search(r"(\d+) candidate event\(s\)", page.locator("body").inner_text()).group(1))
    assert count >= 5
    small_map = page.frame_locator("iframe[title*='st_folium']")
    expect(small_map.locator(".event-number").first).to_be_attached(timeout=TIMEOUT_MS)
    page.wait_for_timeout(500)
    numbers = small_map.locator(".event-number").all_inner_texts()
    in_badges = small_map.locator(BADGES).all_inner_texts()
    assert len(set(numbers)) == len(numbers) and set(numbers) <= {str(n) for n in range(1, count + 1)}, numbers
    assert len(numbers) + sum(int(text) for text in in_badges) == count, (numbers, in_badges)
    evidence.first.scroll_into_view_if_needed()
    page.screenshot(path=os.environ.get("EXTRACT_SCREENSHOT") or str(writable_app.data_dir.parent / "review.png"))
    # nothing is saved until the analyst accepts
    expect(page.get_by_role("button", name="Save 0 accepted event(s)")).to_be_disabled()
    page.get_by_role("button", name="Accept all").click()
    wait_idle(page)
    page.get_by_label("Headline, in your own words (for the source record)").fill("Drone attack on Khmeimim, mine")
    page.get_by_label("Headline, in your own words (for the source record)").press("Enter")
    wait_idle(page)
    save = page.get_by_role("button", name=re.compile(r"Save \d+ accepted event\(s\)"))
    saved_count = int(re.search(r"Save (\d+)", save.inner_text()).group(1))
    assert saved_count == count
    save.click()
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"Saved report SO-2025-04 and \d+ event\(s\)"))).to_be_visible(timeout=TIMEOUT_MS)
    events = EventStore(writable_app.data_dir).read_events()
    assert len(events) == 30 + saved_count and (events["doc_id"] == "SO-2025-04").sum() == saved_count
    # the saved events on the dashboard map
    open_app(page, writable_app.url)
    wait_for_markers(map_frame(page), 30 + saved_count)
    assert page.evaluate("() => window.__pwned === undefined")
    assert offline_page.outside == [] and offline_page.errors == [] and offline_page.dialogs == []
