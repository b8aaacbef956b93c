"""Screenshots of the dashboard's pages for docs/ (offline Chromium, the bundled data unless told otherwise).

Run:  python3 scripts/page_screenshots.py [--data-dir DIR] [--out docs/pages] [--pages events timeline ...]
      python3 scripts/page_screenshots.py --readme   # docs/screenshot.png, the README's first screen

Starts the app on a free port (on a copy of the data folder with an earlier version saved as a
snapshot, which the Changes page is shown comparing with), opens each page at 1500 px wide, waits until
the script has finished and the page's charts and tables are drawn, and saves
a full-page PNG per page (``<page>.png``). The Timeline page is taken with the
link's ``start``/``end`` of March-April 2025 too (``timeline_window.png``), so
the axis shows months with their year.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests"), str(PROJECT / "benchmarks")]

SHOTS: dict[str, tuple[str, str]] = {
    "map": ("", "iframe[title*='st_folium']"),
    "events": ("events", "[data-testid=stDataFrame]"),
    "timeline": ("timeline", "[data-testid=stVegaLiteChart]"),
    "timeline_window": ("timeline?start=2025-03-01&end=2025-04-30", "[data-testid=stVegaLiteChart]"),
    "bases": ("bases", "[data-testid=stVegaLiteChart]"),
    "claims": ("claims", "[data-testid=stDataFrame]"),
    "changes": ("changes", "[data-testid=stSelectbox]"),
    "sources": ("sources", "[data-testid=stDataFrame]"),
}


def data_with_snapshot(data_dir: Path) -> Path:
    """A copy of ``data_dir`` with an earlier version saved as a snapshot: one event's status and place
    differ, one event was added since and one removed since, so the Changes page has something to show."""
    import shutil

    import pandas as pd

    folder = Path(tempfile.mkdtemp()) / "data"
    shutil.copytree(data_dir, folder)
    earlier = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
    earlier.loc[earlier["event_id"] == "EV0005", ["status", "latitude"]] = ["claimed", "35.40000"]
    removed_since = earlier.iloc[[0]].assign(event_id="EV0000", location="Latakia port")
    earlier = pd.concat([removed_since, earlier[earlier["event_id"] != "EV0030"]], ignore_index=True)
    (folder / "snapshots").mkdir(exist_ok=True)
    earlier.to_csv(folder / "snapshots" / "events-20250401T090000Z-before-briefing.csv", index=False)
    return folder


def readme_screenshot(browser, server, target: Path) -> None:
    """The README's screenshot: the Map page at 1600x1000 as it opens, with the badge of the events placed at
    Khmeimim fanned out (a click) and one of them selected (a click), its record beside the map."""
    from browser import EVENT_MARKERS, map_frame, wait_for_markers, wait_idle
    from conftest import OfflinePage

    offline = OfflinePage(browser, width=1600, height=1000)
    page = offline.page
    page.goto(server.url)
    wait_idle(page)
    frame = map_frame(page)
    wait_for_markers(frame, 30)
    frame.locator(".event-badge").first.click()
    frame.wait_for_timeout(800)
    before = page.locator("[data-testid=stMarkdownContainer] strong").count()
    frame.locator(EVENT_MARKERS).nth(3).click(force=True)
    page.wait_for_function("n => document.querySelectorAll('[data-testid=stMarkdownContainer] strong').length > n",
                           arg=before, timeout=60_000)
    wait_idle(page)
    frame.wait_for_timeout(1200)
    page.wait_for_selector("[data-testid=stVegaLiteChart]", timeout=60_000)  # the strip under the map
    page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTo(0, 0)")  # as it opens
    page.mouse.move(5, 995)  # no tooltip over the map
    page.wait_for_timeout(800)
    page.screenshot(path=str(target))
    print(f"{target} ({target.stat().st_size / 1e3:.0f} kB)")
    offline.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=PROJECT / "data")
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "pages")
    parser.add_argument("--pages", nargs="+", default=list(SHOTS), choices=list(SHOTS))
    parser.add_argument("--readme", action="store_true", help="only docs/screenshot.png (1600x1000, the map page)")
    args = parser.parse_args()

    from browser import wait_idle
    from conftest import CHROMIUM, CHROMIUM_FLAGS, OfflinePage
    from pages_bench import Server
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    server = Server(data_with_snapshot(args.data_dir.resolve()), Path(tempfile.mkdtemp()) / "screenshots.log")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            if args.readme:
                readme_screenshot(browser, server, PROJECT / "docs" / "screenshot.png")
                args.pages = []
            for name in args.pages:
                path, selector = SHOTS[name]
                offline = OfflinePage(browser, width=1500, height=1000)
                offline.page.goto(f"{server.url}/{path}")
                wait_idle(offline.page)
                offline.page.wait_for_selector(selector, timeout=120_000)
                if name == "map":  # the timeline strip comes on the run the map's first report asks for
                    offline.page.wait_for_selector("[data-testid=stVegaLiteChart]", timeout=120_000)
                    wait_idle(offline.page)
                if name == "changes":  # compare with the snapshot
                    offline.page.locator("[data-testid=stSelectbox]", has_text="Saved snapshot").click()
                    offline.page.get_by_role("option").first.click()
                    wait_idle(offline.page)
                    offline.page.wait_for_selector("[data-testid=stMetric]", timeout=120_000)
                    offline.page.wait_for_selector("iframe[title*='st_folium']", timeout=120_000)
                    offline.page.wait_for_timeout(3000)
                offline.page.wait_for_timeout(1500)  # charts and grids finish drawing
                # the page scrolls inside Streamlit's main block: make the window as tall as its content
                height = offline.page.evaluate(
                    "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stMainBlockContainer]')]"
                    ".map(e => e.scrollHeight))")
                offline.page.set_viewport_size({"width": 1500, "height": min(int(height) + 40, 8000)})
                offline.page.wait_for_timeout(1500)
                target = args.out / f"{name}.png"
                offline.page.screenshot(path=str(target), full_page=True)
                print(f"{target} ({target.stat().st_size / 1e3:.0f} kB)")
                offline.close()
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
