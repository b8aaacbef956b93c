"""Helpers for driving the dashboard in Chromium."""

from __future__ import annotations

import re

from playwright.sync_api import Frame, Page, expect

EVENT_MARKERS = ".leaflet-events-pane path.leaflet-interactive"
"""Event markers the map draws one by one (a badge holding several events is a ``BADGES`` element)."""
BADGES = ".leaflet-events-pane .event-badge"
FAN_MARKERS = ".leaflet-eventsTop-pane path.leaflet-interactive"
"""The markers of an opened badge."""
SITE_MARKERS = ".site-marker"
TIMEOUT_MS = 30_000


def open_app(page: Page, url: str) -> None:
    """Open a page of the app and wait until the script has finished running."""
    page.goto(url)
    wait_idle(page)


IDLE_JS = """() => {
  // the app's own script state (set on stApp as soon as a rerun is asked for, before any 'Running...'
  // shows) and the status widget both say that no run is asked for or under way
  const app = document.querySelector('[data-testid=stApp]');
  const state = app && app.getAttribute('data-test-script-state');
  const status = document.querySelector('[data-testid=stStatusWidget]');
  return !['initial', 'running', 'rerunRequested'].includes(state) && !(status && status.innerText.includes('Running'));
}"""
"""True when Streamlit runs no script and none is asked for (tests and loadtest/run.py wait on it)."""


def wait_idle(page: Page) -> None:
    """Wait until Streamlit is not running the script and no run is asked for."""
    page.wait_for_selector("[data-testid=stApp]", timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)
    page.wait_for_function(IDLE_JS, timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)


def map_frame(page: Page) -> Frame:
    """The streamlit-folium iframe, once Leaflet has drawn the map in it."""
    page.wait_for_selector("iframe[title*='st_folium']", timeout=TIMEOUT_MS)
    # bring the whole map into view first, so that a click is not aimed while the page still scrolls
    page.locator("iframe[title*='st_folium']").first.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(400)
    frame = next(f for f in page.frames if "st_folium" in f.url)
    frame.wait_for_selector(".leaflet-container", timeout=TIMEOUT_MS)
    frame.wait_for_selector(SITE_MARKERS, timeout=TIMEOUT_MS)
    return frame


def main_caption(page: Page) -> str:
    """The sentence that says what is shown ('Showing N of M events, ...')."""
    caption = page.locator("[data-testid=stCaptionContainer]", has_text="Showing").first
    expect(caption).to_be_visible(timeout=TIMEOUT_MS)
    return caption.inner_text()


def shown_count(page: Page) -> int:
    match = re.search(r"Showing (\d+) of", main_caption(page))
    assert match, main_caption(page)
    return int(match.group(1))


def wait_for_markers(frame: Frame, count: int) -> None:
    """Wait until the map's events layer holds exactly ``count`` events and has drawn those in view (one by
    one, in fans or in badges)."""
    frame.wait_for_function(
        "n => window.EventMap && EventMap.events && EventMap.events._D.n === n && !!EventMap.events._groups",
        arg=count, timeout=TIMEOUT_MS)


POINTABLE_JS = """selector => [...document.querySelectorAll(selector)].map((m, i) => {
    const r = m.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    const top = document.elementFromPoint(x, y);
    return top && (top === m || m.contains(top)) ? i : -1; }).filter(i => i >= 0)"""
"""Indexes of the elements matching ``selector`` that the pointer reaches at their centre (no control, label or
other marker over them)."""


def pointable(frame: Frame, selector: str) -> list[int]:
    """Indexes (in ``frame.locator(selector)``) of the elements a click at their centre reaches."""
    return frame.evaluate(POINTABLE_JS, selector)


def reachable_events(frame: Frame) -> tuple[set[str], int]:
    """Event ids reachable by pointing at what the map draws: hover every event marker (reading its tooltip),
    and click every badge to fan it out, then hover each of its markers. Returns the ids and how many
    elements were pointed at."""
    ids: set[str] = set()
    pointed = 0

    def hover_all(selector: str) -> None:
        nonlocal pointed
        for marker in frame.locator(selector).all():
            marker.hover(force=True)
            tip = frame.locator(".leaflet-tooltip").last
            tip.wait_for(timeout=5_000)
            ids.add(tip.inner_text().split(" \u00b7 ")[0].strip())
            pointed += 1

    hover_all(EVENT_MARKERS)
    for number in range(frame.locator(BADGES).count()):
        frame.locator(BADGES).nth(number).click(force=True)
        frame.wait_for_selector(FAN_MARKERS, timeout=5_000)
        hover_all(FAN_MARKERS)
        frame.evaluate("() => EventMap.events._collapse()")
    return ids, pointed


def pick_in_multiselect(page: Page, label: str, option_text: str) -> None:
    """Choose an option in the sidebar multiselect labelled ``label``."""
    box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]", has_text=label)
    box.locator("input").click()
    page.get_by_role("option", name=re.compile(re.escape(option_text))).first.click()
    page.keyboard.press("Escape")
    wait_idle(page)
