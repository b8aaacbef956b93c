"""Load test: many concurrent browser sessions against one dashboard server on loopback.

Starts the app (``streamlit run app.py``) on a free loopback port, then drives N headless Chromium
sessions (Debian's /usr/bin/chromium through Playwright, one browser context each, every request
outside loopback refused) for D seconds. Each session loops: change a filter (pick or clear an
outlet), click an event on the map, open the Events page and download the events CSV, go back.

It prints the errors (target 0), the 50th and 95th percentile time from a filter change to the
redrawn map (the map shows as many markers as the caption says), and the server's resident memory
(RSS) before and after. When a clicked event's popup does not open, the error says what the map saw:
the pointer events with the frame's position on the page, the map's popup and layer events, and where
the events layer the map was last given differs from the one it had at the click. The server and the
offline browser are set up as in the tests (tests/conftest.py). Not part of the test suite:

    python3 loadtest/run.py                         # 20 sessions, 120 s
    python3 loadtest/run.py --sessions 5 --duration 60
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
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]
from conftest import CHROMIUM, CHROMIUM_FLAGS, RunningApp, is_local  # noqa: E402  (the tests' server and browser)

EVENT_MARKERS = ".leaflet-events-pane path.leaflet-interactive"
TIMEOUT_MS = 120_000
POPUP_TIMEOUT_MS = 30_000
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
    clicks: int = 0
    downloads: int = 0
    iterations: int = 0
    errors: list[str] = field(default_factory=list)


async def wait_idle(page) -> None:
    await page.wait_for_selector("[data-testid=stApp]", timeout=TIMEOUT_MS)
    await page.wait_for_timeout(200)
    await page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " || !document.querySelector('[data-testid=stStatusWidget]').innerText.includes('Running')",
        timeout=TIMEOUT_MS)


async def map_frame(page):
    await page.wait_for_selector("iframe[title*='st_folium']", timeout=TIMEOUT_MS)
    frame = [f for f in page.frames if "st_folium" in f.url and not f.is_detached()][-1]
    await frame.wait_for_selector(".site-marker", timeout=TIMEOUT_MS)
    return frame


async def shown_count(page) -> int:
    caption = page.locator("[data-testid=stCaptionContainer]", has_text="Showing").first
    text = await caption.inner_text(timeout=TIMEOUT_MS)
    return int(re.search(r"Showing (\d+) of", text).group(1))


async def wait_markers(frame, count: int) -> None:
    """Wait until the map draws ``count`` event markers (the yellow ring around a selected event is not one)."""
    await frame.wait_for_function(
        f"n => [...document.querySelectorAll({EVENT_MARKERS!r})]"
        ".filter(m => m.getAttribute('stroke') !== '#ffcc00').length === n", arg=count, timeout=TIMEOUT_MS)


async def change_filter(page, rng: random.Random, stats: Stats) -> None:
    """Pick an outlet (or clear the filters) and time until the map shows the new set of markers."""
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
    await wait_markers(frame, await shown_count(page))
    stats.filter_ms.append((time.perf_counter() - start) * 1000)
    await wait_idle(page)


async def click_event(page, rng: random.Random, stats: Stats) -> None:
    frame = await map_frame(page)
    await frame.evaluate("() => map_div.closePopup()")
    # Only markers not covered by a control (layer list, legend) or another marker can be clicked.
    clickable = await frame.evaluate(f"""() => [...document.querySelectorAll({EVENT_MARKERS!r})].map((m, i) => {{
        const r = m.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;
        return document.elementFromPoint(x, y) === m && m.getAttribute('stroke') !== '#ffcc00' ? i : -1;
        }}).filter(i => i >= 0)""")
    if not clickable:
        return
    index = rng.choice(clickable)
    await frame.evaluate(_WATCH_CLICK)
    await frame.locator(EVENT_MARKERS).nth(index).click(timeout=TIMEOUT_MS)
    try:
        await frame.locator(".leaflet-popup-content").first.wait_for(timeout=POPUP_TIMEOUT_MS)  # the popup opened
    except Exception:
        raise RuntimeError(f"no popup {POPUP_TIMEOUT_MS / 1000:.0f} s after clicking marker {index}: "
                           f"{await _map_state(page, frame)}") from None
    await page.locator("[data-testid=stTable]", has_text="Event id").first.wait_for(timeout=TIMEOUT_MS)  # the panel
    stats.clicks += 1
    await wait_idle(page)


_WATCH_CLICK = r"""() => {
    window.__clickLog = [];
    const g = window.__GLOBAL_DATA__;
    window.__drawnBefore = [g.last_feature_group || '', g.last_layer_control || '', String(g.height)];
    const where = () => ' [frame top ' + Math.round(window.frameElement.getBoundingClientRect().top) + ', scroll ' +
        Math.round((parent.document.querySelector('[data-testid=stMain]') || {}).scrollTop || 0) + ']';
    const log = (text) => window.__clickLog.push(Math.round(performance.now()) + ' ' + text);
    if (!window.__watching) {
        window.__watching = true;
        for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
            document.addEventListener(type, (e) => log(type + ' ' + e.target.tagName + '.' +
                (e.target.getAttribute('class') || '') + ' at ' + e.clientX + ',' + e.clientY + where()), true);
        }
        parent.document.addEventListener('scroll', (e) => log('parent scroll ' + where()), true);
        parent.document.querySelectorAll(
            '[data-testid=stMainBlockContainer] [data-testid=stVerticalBlock] > *').forEach((el) => {
            let first = true;  // an observer reports every element once when it starts: skip that
            new parent.ResizeObserver((entries) => entries.forEach((entry) => first ? (first = false) : log('resized ' +
                (el.getAttribute('data-testid') || el.tagName) + ' "' + (el.innerText || '').slice(0, 30)
                .replace(/\s+/g, ' ') + '" h=' + Math.round(entry.contentRect.height) + where()))).observe(el);
        });
    }
    map_div.off('popupopen popupclose movestart moveend zoomstart layerremove', window.__mapWatch);
    window.__mapWatch = (e) => log('map ' + e.type + (e.layer && e.layer._latlng ? ' ' + e.layer._latlng : ''));
    map_div.on('popupopen popupclose movestart moveend zoomstart layerremove', window.__mapWatch);
}"""
"""Record, in the map frame, the pointer events that reach the page and what the map does after the click."""


async def _map_state(page, frame) -> str:
    """What the map shows now, for an error message: frames, markers, popups, whether the app is running."""
    frames = [f for f in page.frames if "st_folium" in f.url]
    state = await frame.evaluate(f"""() => ({{
        markers: document.querySelectorAll({EVENT_MARKERS!r}).length,
        popups: document.querySelectorAll('.leaflet-popup').length,
        connected: document.body.isConnected}})""")
    running = await page.locator("[data-testid=stStatusWidget]").count()
    state["log"] = await frame.evaluate("() => (window.__clickLog || []).slice(0, 20)")
    state["redrawn"] = await frame.evaluate("""() => {
        const g = window.__GLOBAL_DATA__, now = [g.last_feature_group || '', g.last_layer_control || '', String(g.height)];
        return now.map((text, k) => {
            const old = window.__drawnBefore[k];
            if (old === text) return 'same';
            let i = 0; while (i < old.length && old[i] === text[i]) i++;
            return 'differs at ' + i + ' of ' + old.length + '/' + text.length + ': was ...' + old.slice(Math.max(0, i - 80), i + 80)
                + '... now ...' + text.slice(Math.max(0, i - 80), i + 80) + '...';
        });
    }""")
    return (f"{len(frames)} map frame(s) ({sum(f.is_detached() for f in frames)} detached), "
            f"this frame detached={frame.is_detached()}, {state}, status widget shown={running}")


async def download_csv(page, stats: Stats) -> None:
    await page.locator("[data-testid=stSidebarNav] a", has_text="Events").click()
    await wait_idle(page)
    button = page.get_by_role("button", name="Download these events (CSV)")
    async with page.expect_download(timeout=TIMEOUT_MS) as info:
        await button.click()
    download = await info.value
    path = await download.path()
    data = Path(path).read_bytes()
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
    server = RunningApp(Path(args.data_dir) if args.data_dir else PROJECT / "data", log_path)
    url = f"{server.url}/"
    pid = server.process.pid
    stats = Stats()
    samples: list[float] = []
    try:
        idle_mb = rss_mb(pid)
        asyncio.run(drive(url, 1, 0, Stats(), pid, []))  # one page load: data loaded and cached
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
          f"filter changes {len(stats.filter_ms)}, event clicks {stats.clicks}, CSV downloads {stats.downloads}")
    print(f"errors {len(stats.errors)}")
    for line in stats.errors[:15]:
        print("  " + line)
    if stats.filter_ms:
        print(f"filter change -> map redrawn: p50 {percentile(stats.filter_ms, 50):.0f} ms, "
              f"p95 {percentile(stats.filter_ms, 95):.0f} ms, max {max(stats.filter_ms):.0f} ms "
              f"(n={len(stats.filter_ms)})")
    print(f"server RSS: idle {idle_mb:.0f} MB, before (data cached) {before_mb:.0f} MB, "
          f"peak {max(samples, default=after_mb):.0f} MB, after {after_mb:.0f} MB, 5 s later {settled_mb:.0f} MB")
    return 1 if stats.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
