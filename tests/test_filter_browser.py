"""The sidebar in Chromium: typed dates apply on Enter, presets, search, facet counts, the empty hint.

Each test takes a screenshot of the sidebar state it reaches; with EVENTMAP_SCREENSHOTS=docs they are
saved as docs/sidebar-*.png (the README's), otherwise in the test's temporary folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import (
    EVENT_MARKERS,
    TIMEOUT_MS,
    main_caption,
    map_frame,
    open_app,
    pick_in_multiselect,
    wait_for_markers,
    wait_idle,
)
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where screenshots go: docs/ when EVENTMAP_SCREENSHOTS=docs, else a temporary folder."""
    return PROJECT / "docs" if os.environ.get("EVENTMAP_SCREENSHOTS") == "docs" else tmp_path


def sidebar_shot(page, folder: Path, name: str) -> Path:
    """Save the sidebar as ``folder/sidebar-<name>.png``."""
    path = folder / f"sidebar-{name}.png"
    page.locator("[data-testid=stSidebar]").screenshot(path=str(path))
    return path


def type_and_enter(page, label: str, text: str) -> None:
    box = page.locator("[data-testid=stSidebar]").get_by_label(label, exact=True)
    box.fill(text)
    box.press("Enter")
    wait_idle(page)


def test_typed_dates_apply_on_enter_and_the_slider_zooms_to_them(app, offline_page, shots):
    page = offline_page.page
    open_app(page, app.url)
    wait_for_markers(map_frame(page), 30)
    type_and_enter(page, "From", "2025-03")
    type_and_enter(page, "To", "2025-04-30")
    expect(page.locator("[data-testid=stCaptionContainer]", has_text="Showing 14 of 30")).to_be_visible(
        timeout=TIMEOUT_MS)
    wait_for_markers(map_frame(page), 14)
    assert "start=2025-03-01" in page.url
    slider = page.locator("[data-testid=stSidebar] [data-testid=stSlider]")
    assert "2025-03-01" in slider.inner_text() and "2015-01-01" not in slider.inner_text(), "zoomed to the window"
    expect(page.get_by_text("The slider shows")).to_be_visible()
    assert sidebar_shot(page, shots, "typed-dates").stat().st_size > 10_000
    type_and_enter(page, "From", "March 2025")
    expect(page.get_by_text("is not a date")).to_be_visible(timeout=TIMEOUT_MS)
    assert main_caption(page).startswith("Showing 14 of 30"), "a bad date changes nothing"
    assert offline_page.outside == [] and offline_page.errors == []


def test_a_preset_is_one_click(app, offline_page, shots):
    page = offline_page.page
    open_app(page, app.url)
    wait_for_markers(map_frame(page), 30)
    page.locator("[data-testid=stSidebar]").get_by_role("button", name="Last 30 days").click()
    wait_idle(page)
    assert main_caption(page).startswith("Showing 4 of 30 events, 2025-04-01 to 2025-04-30")
    wait_for_markers(map_frame(page), 4)
    assert sidebar_shot(page, shots, "preset").stat().st_size > 10_000


def test_search_by_any_spelling_shows_on_the_map_in_the_caption_and_the_link(app, offline_page, shots):
    page = offline_page.page
    open_app(page, app.url)
    wait_for_markers(map_frame(page), 30)
    type_and_enter(page, "Search", "حميميم")
    expect(page.locator("[data-testid=stCaptionContainer]", has_text="Showing 16 of 30")).to_be_visible(
        timeout=TIMEOUT_MS)
    assert 'matching "حميميم"' in main_caption(page)
    wait_for_markers(map_frame(page), 16)
    assert re.search(r"[?&]q=", page.url)
    assert sidebar_shot(page, shots, "search").stat().st_size > 10_000


def test_counts_follow_the_other_filters_and_nothing_left_says_why(app, offline_page, shots):
    page = offline_page.page
    open_app(page, app.url)
    wait_for_markers(map_frame(page), 30)
    pick_in_multiselect(page, "Status", "disputed")
    box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]", has_text="Source")
    box.locator("input").click()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    assert len(options) == 4 and any(o.endswith("(0)") for o in options), options
    page.locator("[data-testid=stSidebar]").get_by_text("Corroborated by 2+ independent sources").click()
    wait_idle(page)
    expect(page.get_by_text("No event matches")).to_be_visible(timeout=TIMEOUT_MS)
    assert main_caption(page).startswith("Showing 0 of 30")
    assert map_frame(page).locator(EVENT_MARKERS).count() == 0
    page.screenshot(path=str(shots / "sidebar-nothing-left.png"))
    assert offline_page.errors == []
