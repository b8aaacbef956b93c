"""Load test: many concurrent browser sessions against one dashboard server on loopback.

Starts the dashboard as ``bash scripts/run.sh`` does (``python -m utils serve -- --data-dir FOLDER``, warmed,
on a free loopback port), then drives N headless Chromium sessions (Debian's /usr/bin/chromium through
Playwright, one browser context each, every request outside loopback refused) for D seconds. Each
session loops, as an analyst does:

1. change a filter (pick an outlet in the sidebar, or reset the filters) and wait until the map's events
   layer holds as many events as the caption says it shows;
2. point at an event the map draws (one by one, or in a badge it fans out), read its id from the tooltip,
   click it, and wait until the record panel beside the map shows that event;
3. open the Events page, prepare the events CSV, download it and check its header; go back to the map.

It prints the errors (target 0), the 50th and 95th percentile time from a filter change to the
redrawn map, from a click to the record shown, and the server's resident memory (RSS) before, at its
peak and after. The offline browser is set up as in the tests (tests/conftest.py). Not part of the test
suite:

    python3 loadtest/run.py                         # 20 sessions, 120 s, the bundled data
    python3 loadtest/run.py --sessions 5 --duration 60 --data-dir FOLDER
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests"), str(PROJECT / "benchmarks")]
from browser import BADGES, EVENT_MARKERS, FAN_MARKERS, IDLE_JS, POINTABLE_JS  # noqa: E402  (the tests' own)
from conftest import CHROMIUM, CHROMIUM_FLAGS, is_local  # noqa: E402  (the tests' offline browser)
from pages_bench import Server  # noqa: E402  (the dashboard started as scripts/run.sh starts it)

TIMEOUT_MS = 120_000
RECORD_TIMEOUT_MS = 30_000
STREAMLIT_PROBES = ("/_stcore/host-config", "/_stcore/health")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, MB (from /proc/<pid>/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


@dataclass
class Stats:
    filter_ms: list[float] = field(default_factory=list)
    click_ms: list[float] = field(default_factory=list)
    downloads: int = 0
    iterations: int = 0
    errors: list[str] = field(default_factory=list)


async def wait_idle(page) -> None:
    """Wait until Streamlit runs no script and none is asked for."""
    await page.wait_for_selector("[data-testid=stApp]", timeout=TIMEOUT_MS)
    await page.wait_for_timeout(200)
    await page.wait_for_function(IDLE_JS, timeout=TIMEOUT_MS)


async def map_frame(page):
    """The map's iframe once Leaflet has drawn the bases in it, scrolled into view (a click is not aimed while
    the page still scrolls)."""
    iframe = page.locator("iframe[title*='st_folium']").first
    await iframe.wait_for(timeout=TIMEOUT_MS)
    await iframe.evaluate("e => e.scrollIntoView({block: 'center'})")
    frame = next(f for f in page.frames if "st_folium" in f.url and not f.is_detached())
    await frame.wait_for_selector(".site-marker", timeout=TIMEOUT_MS)
    return frame


async def shown_count(page) -> int:
    caption = page.locator("[data-testid=stCaptionContainer]", has_text="Showing").first
    text = await caption.inner_text(timeout=TIMEOUT_MS)
    return int(re.search(r"Showing ([\d,]+) of", text).group(1).replace(",", ""))


async def wait_markers(frame, count: int) -> None:
    """Wait until the map's events layer holds ``count`` events and has laid out those in view."""
    await frame.wait_for_function(
        "n => window.EventMap && EventMap.events && EventMap.events._D.n === n && !!EventMap.events._groups",
        arg=count, timeout=TIMEOUT_MS)


async def change_filter(page, rng: random.Random, stats: Stats) -> None:
    """Pick an outlet (or reset the filters) and time until the map holds the new set of events."""
    frame = await map_frame(page)
    before = await page.locator("[data-testid=stCaptionContainer]", has_text="Showing").first.inner_text()
    if "source=" in page.url:
        start = time.perf_counter()
        await page.get_by_role("button", name="Reset filters").click()
    else:
        box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]", has_text="Source")
        await box.locator("input").click()
        options = page.get_by_role("option")
        await options.first.wait_for(timeout=TIMEOUT_MS)
        choice = options.nth(rng.randrange(await options.count()))
        start = time.perf_counter()
        await choice.click()
        await page.keyboard.press("Escape")
    await page.wait_for_function(
        "before => { const c = [...document.querySelectorAll('[data-testid=stCaptionContainer]')]"
        ".find(e => e.innerText.startsWith('Showing')); return c && c.innerText !== before; }",
        arg=before, timeout=TIMEOUT_MS)
    try:
        await wait_markers(frame, await shown_count(page))
    except Exception as error:
        if not frame.is_detached():
            raise
        raise RuntimeError("the map's frame was replaced while the filter changed (the map was drawn anew)") from error
    stats.filter_ms.append((time.perf_counter() - start) * 1000)
    await wait_idle(page)


async def click_event(page, rng: random.Random, stats: Stats) -> None:
    """Point at an event (fanning a badge out when the map draws no single event), read its id from the
    tooltip, click it, and time until the record panel shows that event."""
    frame = await map_frame(page)
    markers = EVENT_MARKERS
    pointable = await frame.evaluate(POINTABLE_JS, markers)
    if not pointable:
        badges = await frame.evaluate(POINTABLE_JS, BADGES)
        if not badges:
            return
        await frame.locator(BADGES).nth(rng.choice(badges)).click()
        await frame.wait_for_selector(FAN_MARKERS, timeout=TIMEOUT_MS)
        markers = FAN_MARKERS
        pointable = await frame.evaluate(POINTABLE_JS, markers)
        if not pointable:
            return
    marker = frame.locator(markers).nth(rng.choice(pointable))
    await marker.hover()
    tip = frame.locator(".leaflet-tooltip").last
    await tip.wait_for(timeout=RECORD_TIMEOUT_MS)
    event_id = (await tip.inner_text()).split(" \u00b7 ")[0].strip()
    start = time.perf_counter()
    await marker.click()
    record = page.locator("[data-testid=stTable]", has_text=event_id).first
    try:
        await record.wait_for(timeout=RECORD_TIMEOUT_MS)
    except Exception:
        ringed = await frame.locator(".selection-ring").count()
        raise RuntimeError(f"the record of {event_id} was not shown {RECORD_TIMEOUT_MS / 1000:.0f} s after its "
                           f"click (selection ring drawn: {bool(ringed)})") from None
    stats.click_ms.append((time.perf_counter() - start) * 1000)
    await wait_idle(page)


async def download_csv(page, stats: Stats) -> None:
    """On the Events page, prepare the events CSV, download it and check its header; then back to the map."""
    await page.locator("[data-testid=stSidebarNav] a", has_text="Events").click()
    await wait_idle(page)
    await page.get_by_role("button", name="Prepare these events (CSV)").click()
    button = page.get_by_role("button", name="Download these events (CSV)")
    await button.wait_for(timeout=TIMEOUT_MS)
    async with page.expect_download(timeout=TIMEOUT_MS) as info:
        await button.click()
    download = await info.value
    data = Path(await download.path()).read_bytes()
    if not data.startswith(b"event_id,"):
        raise RuntimeError(f"the CSV download does not start with the header: {data[:40]!r}")
    stats.downloads += 1
    await page.locator("[data-testid=stSidebarNav] a", has_text="Map").click()
    await wait_idle(page)


async def session(browser, url: str, number: int, deadline: float, stats: Stats) -> None:
    rng = random.Random(number)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    # the browser refuses every request outside loopback (CHROMIUM_FLAGS); each one is an error of the run
    context.on("request", lambda request: None if is_local(request.url) else stats.errors.append(
        f"session {number}: a request outside loopback: {request.url}"))
    page = await context.new_page()
    page.on("pageerror", lambda error: stats.errors.append(f"session {number}: page error: {error}"))
    page.on("dialog", lambda dialog: stats.errors.append(f"session {number}: dialog {dialog.message}"))

    def on_console(message) -> None:
        location = (message.location or {}).get("url", "")
        if message.type == "error" and not any(p in location for p in STREAMLIT_PROBES):
            stats.errors.append(f"session {number}: console error: {message.text[:200]}")

    page.on("console", on_console)
    try:
        await page.goto(url, timeout=TIMEOUT_MS)
        await wait_idle(page)
        await wait_markers(await map_frame(page), await shown_count(page))
        while time.monotonic() < deadline:
            step = "start"
            try:
                step = "filter change"
                await change_filter(page, rng, stats)
                step = "event click"
                await click_event(page, rng, stats)
                step = "CSV download"
                await download_csv(page, stats)
                shown_errors = await page.locator("[data-testid=stException], [data-testid=stAlertContentError]").count()
                if shown_errors:
                    stats.errors.append(f"session {number}: {shown_errors} error message(s) on the page")
                stats.iterations += 1
            except Exception as error:  # record and go on: one failure must not end the run
                lines = str(error).splitlines() or [""]
                text = lines[0][:2000] if len(lines) == 1 else f"{lines[0][:120]} ... {lines[-1][:160]}"
                stats.errors.append(f"session {number}, {step}: {type(error).__name__}: {text}")
                await page.goto(url, timeout=TIMEOUT_MS)
                await wait_idle(page)
    finally:
        await context.close()


async def drive(url: str, sessions: int, duration: float, stats: Stats, server_pid: int,
                samples: list[float]) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        deadline = time.monotonic() + duration

        async def sample() -> None:
            while time.monotonic() < deadline:
                samples.append(rss_mb(server_pid))
                await asyncio.sleep(1)

        await asyncio.gather(sample(), *(session(browser, url, n, deadline, stats) for n in range(sessions)))
        await browser.close()


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--duration", type=float, default=120, help="seconds of load (default 120)")
    parser.add_argument("--data-dir", default=None, help="data folder (default: the bundled data/)")
    args = parser.parse_args()

    log_path = Path(tempfile.mkdtemp(prefix="loadtest-")) / "server.log"
    server = Server(Path(args.data_dir) if args.data_dir else PROJECT / "data", log_path, memory_limit_gb=None)
    url = f"{server.url}/"
    pid = server.process.pid
    stats = Stats()
    samples: list[float] = []
    try:
        idle_mb = rss_mb(pid)
        asyncio.run(drive(url, 1, 0, Stats(), pid, []))  # one page open: the data loaded and cached
        before_mb = rss_mb(pid)
        started = time.monotonic()
        asyncio.run(drive(url, args.sessions, args.duration, stats, pid, samples))
        elapsed = time.monotonic() - started
        after_mb = rss_mb(pid)
        time.sleep(5)
        settled_mb = rss_mb(pid)
    finally:
        server.stop()

    print(f"sessions {args.sessions}, load {args.duration:.0f} s (wall {elapsed:.0f} s), server log {log_path}")
    print(f"iterations {stats.iterations} (filter change + event click + CSV download each); "
          f"filter changes {len(stats.filter_ms)}, event clicks {len(stats.click_ms)}, CSV downloads {stats.downloads}")
    print(f"errors {len(stats.errors)}")
    for line in stats.errors[:15]:
        print("  " + line)
    for what, values in (("filter change -> map redrawn", stats.filter_ms), ("click -> record shown", stats.click_ms)):
        if values:
            print(f"{what}: p50 {percentile(values, 50):.0f} ms, p95 {percentile(values, 95):.0f} ms, "
                  f"max {max(values):.0f} ms (n={len(values)})")
    print(f"server RSS: idle {idle_mb:.0f} MB, before (data cached) {before_mb:.0f} MB, "
          f"peak {max(samples, default=after_mb):.0f} MB, after {after_mb:.0f} MB, 5 s later {settled_mb:.0f} MB")
    return 1 if stats.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
