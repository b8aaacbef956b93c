"""The dashboard in Debian's Chromium with every request outside loopback refused."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

import pytest
from browser import (
    EVENT_MARKERS,
    SITE_MARKERS,
    main_caption,
    map_frame,
    open_app,
    pick_in_multiselect,
    pointable,
    reachable_events,
    shown_count,
    wait_for_markers,
    wait_idle,
)
from conftest import PAYLOADS, OfflinePage

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("url", ["https://example.com/tile.png", "http://192.0.2.1/a.png", "http://[2001:db8::1]/b.png",
                                 "http://localhost.example.org/c.png"])
def test_the_test_browser_refuses_and_records_every_request_outside_loopback(offline_page, url):
    """The offline browser itself: a request outside loopback (a name, an address, IPv6, a name that begins
    'localhost') fails in the browser and is recorded, so the dashboard's tests would see one."""
    page = offline_page.page
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.failure or ""))
    page.set_content(f'<img src="{url}">')
    page.wait_for_function("() => document.images[0].complete")
    assert offline_page.outside == [url] and failed and "PROXY" in failed[0].upper(), (offline_page.outside, failed)


def test_map_draws_the_four_bases_and_every_event_offline(app, offline_page):
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    wait_for_markers(frame, 30)
    labels = frame.locator(".site-label").all_inner_texts()
    assert sorted(labels) == ["Al-Tanf garrison", "Khmeimim air base", "Qamishli airport", "Tartus naval base"]
    assert frame.locator(SITE_MARKERS).count() == 4
    frame.locator(".leaflet-control-layers").dispatch_event("mouseenter")  # the layer list opens on hover
    assert frame.locator(".leaflet-control-layers-overlays").inner_text().split() == ["Bases", "Events"]
    assert "Strategic developments (25)" in frame.locator(".event-legend").inner_text()
    # the offline basemap is drawn: country and governorate outlines are paths in the overlay pane
    assert frame.locator(".leaflet-overlay-pane path").count() >= 20
    assert offline_page.outside == [], "the dashboard must not reach outside localhost"
    assert offline_page.errors == []
    assert shown_count(page) == 30


def test_picking_a_source_changes_the_map_and_the_caption(app, offline_page):
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    wait_for_markers(frame, 30)
    frame.evaluate("() => { map_div.setView([35.2, 36.1], 9); window.__zoom = map_div.getZoom(); }")
    page.wait_for_url(re.compile(r"zoom=9"), timeout=30_000)   # the view reached the server and the link
    wait_idle(page)
    pick_in_multiselect(page, "Source", "Republic World")
    wait_for_markers(frame, 8)
    assert main_caption(page) == ("Showing 8 of 30 events, 2015-01-01 to 2025-04-30, sources: Republic World; "
                                  "7 of them dated only to the week, month or year")
    page.wait_for_url(re.compile(r"source=Republic\+World"), timeout=30_000)
    # the map was not rebuilt: the view the user chose survives the filter change
    assert frame.evaluate("() => map_div.getZoom()") == 9
    assert offline_page.outside == []


def test_moving_the_timeline_changes_the_map_and_the_caption(app, offline_page):
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    wait_for_markers(frame, 30)
    page.locator("input[aria-label='Timeline (date window) — start']").focus()
    page.keyboard.press("End")
    wait_idle(page)
    # only the two events dated "April 2025" (month precision) overlap 2025-04-30
    wait_for_markers(frame, 2)
    assert main_caption(page) == "Showing 2 of 30 events, 2025-04-30 to 2025-04-30; 2 of them dated only to the week, month or year"
    assert "start=2025-04-30" in page.url


def test_clicking_an_event_shows_its_full_record(app, offline_page):
    page = offline_page.page
    open_app(page, f"{app.url}/?source=The+Cradle&type=Explosions%2FRemote+violence")
    frame = map_frame(page)
    wait_for_markers(frame, 1)
    frame.locator(EVENT_MARKERS).first.click()
    frame.locator(".selection-ring").wait_for(timeout=10_000)   # the clicked event stays ringed
    assert frame.locator(".leaflet-popup-content").count() == 0  # the record has one home: the panel
    wait_idle(page)
    record = page.locator("[data-testid=stTable]").first
    record.wait_for(timeout=30_000)
    text = record.inner_text()
    assert "EV0021" in text and "US officials, via the Wall Street Journal" in text
    assert "Maghawir al-Thawra" in text


def test_back_from_another_page_a_click_still_shows_the_record(app, offline_page):
    """Found by loadtest/run.py: back from another page the map's bar had been reset, so the record panel was off
    and a click opened a popup. A map drawn anew also counts its clicks from 1 again; the second click checks that
    the first one on it is not taken for the click before."""
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    wait_for_markers(frame, shown_count(page))
    reachable = pointable(frame, EVENT_MARKERS)
    assert len(reachable) >= 2, reachable
    clicked = []
    for number, link in ((reachable[0], "Events"), (reachable[-1], "Map")):
        marker = frame.locator(EVENT_MARKERS).nth(number)
        marker.hover()
        clicked.append(frame.locator(".leaflet-tooltip").last.inner_text().split(" \u00b7 ")[0].strip())
        marker.click()
        wait_idle(page)
        page.locator("[data-testid=stTable]", has_text=clicked[-1]).first.wait_for(timeout=30_000)
        assert frame.locator(".leaflet-popup-content").count() == 0
        if link == "Events":  # to the Events page and back, then click another event
            for name in ("Events", "Map"):
                page.locator("[data-testid=stSidebarNav] a", has_text=name).click()
                wait_idle(page)
            frame = map_frame(page)
            wait_for_markers(frame, shown_count(page))
    assert clicked[0] != clicked[1]


def test_a_link_opened_in_a_fresh_browser_shows_the_same_filters(app, offline_page):
    page = offline_page.page
    open_app(page, f"{app.url}/?start=2025-03-01&end=2025-04-30&source=SouthFront")
    frame = map_frame(page)
    wait_for_markers(frame, 14)
    assert main_caption(page) == "Showing 14 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront; 10 of them dated only to the week, month or year"


def test_script_payloads_in_event_text_show_as_text_and_run_nothing(hostile_app, offline_page):
    page = offline_page.page
    claimant = quote(PAYLOADS["claimed_by"])
    open_app(page, f"{hostile_app.url}/?claimant={claimant}")
    frame = map_frame(page)
    wait_for_markers(frame, 1)
    marker = frame.locator(EVENT_MARKERS).first
    marker.hover()
    tooltip = frame.locator(".leaflet-tooltip").inner_text()
    assert PAYLOADS["location"] in tooltip
    marker.click()
    wait_idle(page)
    panel = page.locator("[data-testid=stTable]").first
    panel.wait_for(timeout=30_000)
    notes_cell = panel.locator("tr", has_text="Notes").locator("td").last.inner_text()
    assert notes_cell == PAYLOADS["notes"], notes_cell
    caption = main_caption(page)
    assert caption.endswith("claimed by: " + PAYLOADS["claimed_by"] + "; 1 of them dated only to the week, month or year")
    assert page.locator("a[href^='javascript']").count() == 0
    assert frame.locator("img[src='x'], svg[onload]").count() == 0
    for target in (page, frame):
        assert target.evaluate("() => window.__pwned === undefined")
    assert offline_page.dialogs == [] and offline_page.errors == []
    open_app(page, f"{hostile_app.url}/sources")
    assert re.search("Sources", page.locator("h1").first.inner_text())
    assert page.evaluate("() => window.__pwned === undefined")


def test_a_deep_link_to_a_page_works_on_a_fresh_server(offline_page, tmp_path):
    from conftest import DATA, RunningApp

    fresh = RunningApp(DATA, tmp_path / "fresh.log")
    try:
        page = offline_page.page
        open_app(page, f"{fresh.url}/claims?source=Pentapostagma")
        assert page.locator("[role=dialog]").count() == 0, page.locator("[role=dialog]").all_inner_texts()
        assert page.locator("h1").first.inner_text() == "Claims side by side"
        assert main_caption(page).startswith("Showing 4 of 30 events")
        assert page.locator("[data-testid=stException]").count() == 0
        nav = page.locator("[data-testid=stSidebarNav]").inner_text().split()
        assert [word for word in nav if word[0].isupper()] == [
            "Map", "Events", "Timeline", "Bases", "Claims", "Changes", "Sources", "Add", "Import"]
    finally:
        fresh.stop()


def test_selecting_a_span_on_the_timeline_sets_the_date_window(app, offline_page):
    page = offline_page.page
    open_app(page, f"{app.url}/timeline")
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    box = chart.locator("g.role-frame.root > g > path.background").first.bounding_box()  # the upper chart's plot area
    assert box and box["height"] > 100, box
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.80, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=10)
    page.mouse.up()
    page.wait_for_function(
        "() => !document.body.innerText.includes('Showing 30 of 30')", timeout=30_000)
    wait_idle(page)
    caption = main_caption(page)
    match = re.search(r"Showing (\d+) of 30 events, (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)", caption)
    assert match, caption
    assert int(match.group(1)) < 30 and match.group(2) > "2015-01-01"
    assert f"start={match.group(2)}" in page.url


def test_the_strip_under_the_map_comes_after_the_map_and_a_drag_on_it_sets_the_window(app, offline_page):
    """A new browser: the map is drawn, then (on the run its first report asks for) the timeline strip under it,
    in the place kept for it; dragging across the strip narrows the date window."""
    page = offline_page.page
    open_app(page, app.url)
    frame = map_frame(page)
    wait_for_markers(frame, 30)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.wait_for(timeout=30_000)
    wait_idle(page)
    assert page.locator(".timeline-strip-to-come").count() == 0
    map_box = page.locator("iframe[title*='st_folium']").bounding_box()
    page.wait_for_timeout(500)
    box = chart.locator("path.background").first.bounding_box()
    assert box and map_box and box["y"] > map_box["y"] + map_box["height"], (box, map_box)
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.85, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=10)
    page.mouse.up()
    page.wait_for_function("() => !document.body.innerText.includes('Showing 30 of 30')", timeout=30_000)
    wait_idle(page)
    match = re.search(r"Showing (\d+) of 30 events, (\d{4}-\d\d-\d\d) to", main_caption(page))
    assert match and int(match.group(1)) < 30 and match.group(2) > "2015-01-01", main_caption(page)
    assert offline_page.errors == []


_RECORD_REPORTS = """(() => { if (window === window.top) { return; }
  window.__reports = []; const post = window.parent.postMessage.bind(window.parent);
  window.parent.postMessage = (message, origin) => {
    if (message && String(message.type).includes('setComponentValue')) { window.__reports.push(JSON.stringify(message.value)); }
    return post(message, origin);
  };
})();"""


def test_a_new_page_reports_its_map_view_once(app, offline_page):
    """The map tells the server its view once when a page opens: one server run, not a second one for the same
    view with its centre a few metres off (Leaflet's given centre, then its pixel grid's; static/app/core.js); the
    centre reported is the one the page gave the map, so a permalink of an unmoved map is the link opened."""
    page = offline_page.page
    page.add_init_script(_RECORD_REPORTS)
    open_app(page, app.url)
    frame = map_frame(page)
    wait_for_markers(frame, 30)
    page.locator("[data-testid=stVegaLiteChart]").first.wait_for(timeout=30_000)  # drawn on the report's run
    wait_idle(page)
    page.wait_for_timeout(1500)  # st_folium's later reports come 250 ms after the map settles
    reports = [json.loads(text) for text in frame.evaluate("() => window.__reports")]
    assert len(reports) == 1, reports
    center = frame.evaluate("() => { const c = window.map.getCenter(); return {lat: c.lat, lng: c.lng}; }")
    assert reports[0]["center"] == center and reports[0]["zoom"] == frame.evaluate("() => window.map.getZoom()")
    assert center == {"lat": 34.85, "lng": 38.7}, "the centre the page gave the map (SYRIA_CENTER)"
    assert offline_page.errors == []


def test_playback_moves_the_window_and_the_map_without_a_click(app, offline_page):
    page = offline_page.page
    open_app(page, f"{app.url}/?start=2025-03-01&end=2025-04-30")
    frame = map_frame(page)
    wait_for_markers(frame, 14)
    page.get_by_role("button", name=re.compile("Playback")).click()
    page.get_by_label("Window (days)").fill("7")
    page.get_by_label("Window (days)").press("Enter")
    wait_idle(page)
    page.locator(".st-key-playback_toggle button").click()
    seen_windows, seen_counts = set(), set()
    for _ in range(40):
        page.wait_for_timeout(500)
        text = page.locator("[data-testid=stCaptionContainer]", has_text="Playback (").first.inner_text()
        seen_windows.add(re.search(r"\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d", text).group(0))
        seen_counts.add(map_frame(page).locator(EVENT_MARKERS).count())
        if len(seen_windows) >= 3 and len(seen_counts) >= 2:
            break
    assert len(seen_windows) >= 3, seen_windows
    assert len(seen_counts) >= 2, seen_counts
    assert offline_page.errors == []


def test_pressing_a_marker_on_a_map_cut_off_by_the_window_does_not_scroll_the_page(app, browser):
    """Leaflet focuses the map on mousedown; in a frame that reaches below the window that focus used to
    scroll the page between press and release, so the release landed elsewhere and no popup opened."""
    short = OfflinePage(browser, width=1400, height=1000)
    try:
        page = short.page
        open_app(page, f"{app.url}/?source=The+Cradle&type=Explosions%2FRemote+violence")
        page.wait_for_selector("iframe[title*='st_folium']", timeout=30_000)
        frame = next(f for f in page.frames if "st_folium" in f.url)
        wait_for_markers(frame, 1)
        box = page.locator("iframe[title*='st_folium']").bounding_box()
        marker = frame.locator(EVENT_MARKERS).first.bounding_box()
        x, y = marker["x"] + marker["width"] / 2, marker["y"] + marker["height"] / 2
        # a window whose bottom edge falls between the marker and the bottom of the map
        page.set_viewport_size({"width": 1400, "height": int((y + box["y"] + box["height"]) / 2)})
        page.wait_for_timeout(300)
        box = page.locator("iframe[title*='st_folium']").bounding_box()
        marker = frame.locator(EVENT_MARKERS).first.bounding_box()
        x, y = marker["x"] + marker["width"] / 2, marker["y"] + marker["height"] / 2
        height = page.viewport_size["height"]
        assert y + 10 < height < box["y"] + box["height"], (y, height, box)
        scrolled = "() => document.querySelector('[data-testid=stMain]').scrollTop"
        before = page.evaluate(scrolled)
        page.mouse.move(x, y)
        page.mouse.down()
        page.wait_for_timeout(150)  # a person's press lasts about this long
        assert page.evaluate(scrolled) == before
        page.mouse.up()
        frame.locator(".selection-ring").wait_for(timeout=10_000)
        wait_idle(page)  # the click's rerun has drawn the record
        assert "EV0021" in page.locator("[data-testid=stTable]").first.inner_text()
        frame.locator(".leaflet-container").click(position={"x": 600, "y": 100})  # the map, away from markers
        center = frame.evaluate("() => map_div.getCenter().lat")
        page.keyboard.press("ArrowUp")  # the map still takes the keyboard once pressed (left/right step events)
        frame.wait_for_function("before => map_div.getCenter().lat > before", arg=center, timeout=10_000)
    finally:
        short.close()


def _open_at_1600(browser, url: str) -> tuple[OfflinePage, object]:
    wide = OfflinePage(browser, width=1600, height=1000)
    open_app(wide.page, url)
    return wide, map_frame(wide.page)


@pytest.mark.parametrize(("query", "expected"), [("", 30), ("?start=2025-03-01&end=2025-04-30", 14)])
def test_every_event_in_the_filter_can_be_pointed_at_on_the_default_view(app, browser, query, expected):
    """Issue 13: at 1600x1000 on the default view, hovering every marker and opening every badge reaches every
    event of the filter (co-located events are fanned out, never hidden under another or under a base)."""
    wide, frame = _open_at_1600(browser, app.url + "/" + query)
    try:
        wait_for_markers(frame, expected)
        ids, pointed = reachable_events(frame)
        assert len(ids) == expected, (sorted(ids), pointed)
        assert wide.errors == [] and wide.outside == []
    finally:
        wide.close()


def test_each_base_icon_opens_its_own_record(app, browser):
    wide, frame = _open_at_1600(browser, app.url)
    page = wide.page
    try:
        wait_for_markers(frame, 30)
        seen = []
        for number in range(4):
            icon = frame.locator(f".site-icon[data-site='{number}'] svg")
            icon.click()
            heading = page.locator("[data-testid=stMarkdownContainer] strong").first
            page.wait_for_function("before => { const e = document.querySelector("
                                   "'[data-testid=stMarkdownContainer] strong'); return e && !before.includes(e.innerText); }",
                                   arg=seen, timeout=30_000)
            seen.append(heading.inner_text())
        assert sorted(seen) == ["Al-Tanf garrison", "Khmeimim air base", "Qamishli airport", "Tartus naval base"]
    finally:
        wide.close()


def test_arrow_keys_step_through_the_events_in_view_and_the_panel_follows(app, offline_page):
    page = offline_page.page
    open_app(page, f"{app.url}/?start=2025-03-01&end=2025-04-30")
    frame = map_frame(page)
    wait_for_markers(frame, 14)
    frame.locator(".eventmap-bar [data-act=next]").click()  # the first event in view
    wait_idle(page)
    frame.locator(".leaflet-container").focus()
    first = page.locator("[data-testid=stMarkdownContainer] strong").first.inner_text()
    seen = {first}
    for _ in range(3):
        page.keyboard.press("ArrowRight")
        page.wait_for_function("seen => { const e = document.querySelector('[data-testid=stMarkdownContainer] strong');"
                               " return e && !seen.includes(e.innerText); }", arg=list(seen), timeout=30_000)
        seen.add(page.locator("[data-testid=stMarkdownContainer] strong").first.inner_text())
        assert frame.locator(".selection-ring").count() == 1
    assert len(seen) == 4
    assert "of 14 in view" in frame.locator(".eventmap-bar .where").inner_text()


def test_the_map_comes_first_at_1600_by_1000(app, browser):
    """Map first (issue 13): at 1600x1000 the title clears Streamlit's header, and the map, entirely above
    the fold, takes most of the width beside the sidebar and about three quarters of the height."""
    wide = OfflinePage(browser, width=1600, height=1000)
    try:
        page = wide.page
        open_app(page, app.url)
        page.wait_for_selector("iframe[title*='st_folium']", timeout=30_000)
        wait_idle(page)
        title = page.locator("h1").first.bounding_box()
        header = page.locator("[data-testid=stHeader]").bounding_box()
        assert title["y"] >= header["y"] + header["height"] - 1, (title, header)  # not under the header
        frame = page.locator("iframe[title*='st_folium']").first.bounding_box()
        assert frame["y"] + frame["height"] <= 1000, frame  # all of it above the fold
        assert frame["height"] >= 0.72 * 1000, frame
        assert frame["width"] >= 0.6 * 1600, frame
        assert wide.errors == []
    finally:
        wide.context.close()
