"""A/B of a page open in the browser: two checkouts of the project served side by side, opened in turn.

Run:  python3 benchmarks/ab_pages.py DIR_A DIR_B [--opens 9] [--page PATH] [-- APP OPTIONS]

Each checkout (``git worktree add /tmp/b HEAD``, then the change in one of them) is served by
``streamlit run app.py`` on a free port (after ``--``: the app's options, e.g. ``--data-dir DIR``). The page
(``--page``: its URL path, "" for the Map page) is opened ``--opens`` times in each, alternately A, B, A,
B..., every time in a fresh offline Chromium context at 1600x1000, and timed from ``page.goto`` until the
map's first event or base marker is drawn (other pages: their ``h1``). Alternating spreads the machine's
changing load over both sides; the first open of each is left out of the median and mean (it fills the
server's caches). The load average is printed beside the figures. Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

MAP_DRAWN = ".leaflet-marker-icon, .leaflet-interactive"


def serve(checkout: Path, app_options: list[str]) -> tuple[subprocess.Popen, str]:
    """``streamlit run app.py`` of ``checkout`` on a free loopback port; the process and its address."""
    from conftest import free_port, wait_until_healthy

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1", *(["--", *app_options] if app_options else [])],
        cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    if not wait_until_healthy(url, 90):
        process.terminate()
        raise SystemExit(f"{checkout}: the app did not start")
    return process, url


def open_once(browser, url: str, path: str) -> float:
    """Seconds from ``page.goto`` to the page drawn (the map's first marker; else the page's title)."""
    from conftest import OfflinePage

    offline = OfflinePage(browser, width=1600, height=1000)
    try:
        started = time.perf_counter()
        offline.page.goto(f"{url}/{path}")
        if path:
            offline.page.locator("h1").first.wait_for(timeout=120_000)
        else:
            offline.page.frame_locator("iframe[title*=st_folium]").locator(MAP_DRAWN).first.wait_for(timeout=120_000)
        return time.perf_counter() - started
    finally:
        offline.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs=2, type=Path, metavar="DIR")
    parser.add_argument("--opens", type=int, default=9)
    parser.add_argument("--page", default="", help='the page\'s URL path ("" for the Map page)')
    arguments, app_options = parser.parse_known_args()
    app_options = [option for option in app_options if option != "--"]

    from conftest import CHROMIUM, CHROMIUM_FLAGS
    from playwright.sync_api import sync_playwright

    servers = [serve(checkout, app_options) for checkout in arguments.checkouts]
    seconds: list[list[float]] = [[] for _ in servers]
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for _ in range(arguments.opens):
                for (_, url), times in zip(servers, seconds):
                    times.append(open_once(browser, url, arguments.page))
            browser.close()
    finally:
        for process, _ in servers:
            process.terminate()
    for checkout, times in zip(arguments.checkouts, seconds):
        counted = times[1:] or times
        print(f"{checkout}: {' '.join(f'{x:.2f}' for x in times)} s; median {statistics.median(counted):.2f}, "
              f"mean {statistics.mean(counted):.2f} (first open left out)")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
