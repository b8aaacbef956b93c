"""Every page at scale in a real browser: time to ready, bytes sent and the server's extra peak memory.

Run:  python3 benchmarks/pages_bench.py [--size 1000000] [--pages events timeline ...] [--navigate] [--again]
      [--timeout 300]

It makes (once, under ``--root``) a data folder of ``--size`` synthetic events
(``benchmarks/synthetic.py``) with the project's bases, articles and basemap,
plus a saved snapshot that differs from it (about 1% of events changed, 0.5%
removed, 0.5% added) for the Changes page. It starts the dashboard as
``bash scripts/run.sh`` does (``python -m utils serve -- --data-dir FOLDER``, on a
free port), prints when the server answered and when its warm run (the app run once
by itself) was done, opens the Map page once ("first open after the start"; with
``--cold`` the server has no warm run and this open loads the data), then opens
each page in a fresh offline Chromium context and prints, per page:

- ready: seconds from ``page.goto`` until the server has finished the script
  run (the ``script_finished`` message on the websocket) and the page's content
  is drawn (title, tables, charts; on the Map page, the map drawn in its
  iframe with its events laid out) and no run is still going (on the Map page,
  the run the map's first report asks for, which draws the timeline strip
  under it); this includes loading Streamlit's own page in the browser (the
  Import page, which draws little, shows that floor); on the Map page the note
  also says when the map had laid out its events, the moment the analyst sees
  the map with every event;
  with ``--again``, also the same page opened a second time in that browser
  (its HTTP cache warm, as for a user who has opened the dashboard before);
- server run: seconds from the browser's request for the run (its
  ``rerun_script`` message) to ``script_finished``, the server's part;
- sent: bytes of websocket frames the browser received for that page;
- peak: how far the server's peak resident memory (VmHWM, reset before each
  page through ``/proc/PID/clear_refs``) rose above its resident memory just
  before the page was opened; "of it allocated": the same for the memory the
  server allocated (RssAnon, sampled every 20 ms), without the pages of the
  memory-mapped dataset cache a page reads for the first time; and its
  resident memory after.

With ``--navigate`` it first moves between the pages by the sidebar's links in one browser page, as the
first user after the start does once the dashboard is open (Streamlit's page stays loaded; only the script
runs again; no page has been opened before but by the server's warm run), and prints the same figures from
each click to the new page drawn.

Beside the pages it prints Streamlit's own floor: a bare page (a title and a sidebar) opened by its URL the
same way, three times.

The Changes page is also timed from picking the snapshot to the drawn
comparison (two versions of ``--size`` events each). The machine's load
average is printed beside the figures. Not a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

@dataclass(frozen=True)
class PageInfo:
    path: str
    """The page's URL path."""
    drawn: str
    """A selector that is drawn once the page's content is."""
    link: str
    """Its link in the sidebar's navigation (app.py's st.Page title)."""
    title: str
    """Its heading (the page's st.title)."""


PAGES: dict[str, PageInfo] = {
    "map": PageInfo("", "iframe[title*='st_folium']", "Map", "Reported events around foreign bases in Syria"),
    "events": PageInfo("events", "[data-testid=stDataFrame]", "Events", "Events"),
    "timeline": PageInfo("timeline", "[data-testid=stVegaLiteChart]", "Timeline", "Timeline"),
    "bases": PageInfo("bases", "[data-testid=stVegaLiteChart]", "Bases", "Around each base"),
    "claims": PageInfo("claims", "h1", "Claims", "Claims side by side"),
    "changes": PageInfo("changes", "[data-testid=stSelectbox]", "Changes", "What changed"),
    "sources": PageInfo("sources", "[data-testid=stDataFrame]", "Sources", "Sources"),
    "edit": PageInfo("edit", "h1", "Add or edit", "Add or edit"),
    "import": PageInfo("import", "h1", "Import", "Import events"),
}

SNAPSHOT_NAME = "events-20250101T000000Z-bench.csv"


def make_data_dir(size: int, root: Path) -> Path:
    """A folder with ``size`` synthetic events, the project's other data files and a differing snapshot."""
    import numpy as np
    import pandas as pd

    sys.path.insert(0, str(PROJECT / "benchmarks"))
    from scale import make_data_dir as synthetic_folder

    folder = synthetic_folder(size, root)
    snapshot = folder / "snapshots" / SNAPSHOT_NAME
    if not snapshot.exists():
        events = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
        rng = np.random.default_rng(size)
        changed = rng.random(len(events)) < 0.01
        events.loc[changed, "status"] = np.where(events.loc[changed, "status"] == "claimed", "reported", "claimed")
        moved = rng.random(len(events)) < 0.002
        events.loc[moved, "latitude"] = (events.loc[moved, "latitude"].astype(float) + 0.01).round(5).astype(str)
        # the snapshot is the earlier version: events added since are missing from it, and it still has
        # events removed since (ids that the current file does not hold)
        added_since = rng.random(len(events)) < 0.005
        removed_since = events[rng.random(len(events)) < 0.005].assign(
            event_id=lambda f: "OLD" + f["event_id"].str[3:])
        earlier = pd.concat([events[~added_since], removed_since], ignore_index=True)
        snapshot.parent.mkdir(exist_ok=True)
        earlier.to_csv(snapshot.with_suffix(".part"), index=False)
        snapshot.with_suffix(".part").replace(snapshot)
    return folder


def free_port() -> int:
    from conftest import free_port as pick

    return pick()


def _limit_memory(gigabytes: float) -> None:
    """Cap the server's address space, so a page that needs too much fails alone (MemoryError), not the machine."""
    import resource

    limit = int(gigabytes * 1024 ** 3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class Server:
    """The dashboard as ``bash scripts/run.sh`` starts it: ``python -m utils serve -- --data-dir FOLDER`` on loopback,
    warmed at start (the app runs once by itself) unless ``warm`` is False."""

    def __init__(self, folder: Path, log: Path, memory_limit_gb: float | None = None, warm: bool = True) -> None:
        from utils.cli.serve_cmd import WARM_DONE

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # the folder is given as --data-dir, and as EVENTMAP_DATA_DIR too, for any code that still looks the
        # default up itself instead of being handed the folder
        env = {**os.environ, "EVENTMAP_DATA_DIR": str(folder)}
        launched = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "utils", "serve", *([] if warm else ["--no-warm"]), "--server.port", str(self.port),
             "--server.headless", "true", "--server.address", "127.0.0.1", "--", "--data-dir", str(folder)],
            cwd=PROJECT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
            preexec_fn=(lambda: _limit_memory(memory_limit_gb)) if memory_limit_gb else None)
        self.log = log
        from conftest import wait_until_healthy

        if not wait_until_healthy(self.url, 120):
            self.stop()
            raise RuntimeError(f"the app did not start; see {log}")
        self.answered_s = time.perf_counter() - launched
        """Seconds from the launch to the server's first answer to /_stcore/health."""
        self.warm_line, self.warmed_s = "", None
        """The warm run's line in the log, and the seconds from the launch until it was written."""
        while warm and time.perf_counter() - launched < 300:
            lines = [line for line in log.read_text(errors="replace").splitlines() if line.startswith("eventmap: ")]
            if lines:
                self.warm_line = lines[-1].removeprefix("eventmap: ")
                self.warmed_s = time.perf_counter() - launched if WARM_DONE in self.warm_line else None
                break
            time.sleep(0.05)

    def _status(self, field: str) -> float:
        """A VmRSS/VmHWM-style field of /proc/PID/status, in MB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        raise KeyError(field)

    def rss_mb(self) -> float:
        return self._status("VmRSS")

    def peak_mb(self) -> float:
        return self._status("VmHWM")

    def anon_mb(self) -> float:
        """Resident memory the server allocated (RssAnon), without the pages of files it maps (the dataset's
        cache is memory-mapped: pages of it first touched by a page count in VmRSS/VmHWM as RssFile)."""
        return self._status("RssAnon")

    def reset_peak(self) -> None:
        """Set the peak (VmHWM) back to the current resident size (Linux: clear_refs 5)."""
        Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


class AnonPeak:
    """The server's largest RssAnon while a page is opened, sampled every 20 ms in a thread."""

    def __init__(self, server: Server) -> None:
        import threading

        self.server, self.before = server, server.anon_mb()
        self.peak, self._stop = self.before, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            try:
                self.peak = max(self.peak, self.server.anon_mb())
            except (OSError, KeyError):
                return

    def extra_mb(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak - self.before


@dataclass
class Visit:
    page: str
    ready_s: float | None
    sent_bytes: int
    peak_extra_mb: float
    rss_after_mb: float
    note: str = ""
    anon_extra_mb: float = float("nan")


class FrameLog:
    """Websocket frames the page receives: bytes, and when a script run finished."""

    def __init__(self, page) -> None:
        self.bytes = 0
        self.finished = 0
        self.started = time.perf_counter()
        self.first_frame_s: float | None = None
        self.finished_s: float | None = None
        self.asked: list[tuple[float, bool]] = []
        """When the browser asked for each script run (a rerun BackMsg; True for a fragment's), in seconds."""
        self.finishes: list[tuple[float, str]] = []
        """When each script run finished, and how (script_finished's status name), in seconds."""
        self.changed: list[list[str]] = []
        """For each run asked for, the widgets whose value changed since the run before (what asked for it)."""
        self._states: dict[str, bytes] = {}
        self.navigations: list[tuple[float, str]] = []
        """When a frame (the map's iframe) loaded a document: seconds, and the frame's name."""
        self.largest = 0
        page.on("websocket", self._socket)
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame) -> None:
        if frame.parent_frame is not None:
            self.navigations.append((time.perf_counter() - self.started, "map frame" if "st_folium" in frame.url
                                     else frame.url.rsplit("/", 1)[-1][:30]))

    def _socket(self, socket) -> None:
        socket.on("framereceived", self._frame)
        socket.on("framesent", self._sent)

    def _sent(self, payload) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        data = payload if isinstance(payload, bytes) else payload.encode()
        try:
            message = BackMsg.FromString(data)
        except Exception:
            return
        if message.WhichOneof("type") == "rerun_script":
            self.asked.append((time.perf_counter() - self.started, bool(message.rerun_script.fragment_id)))
            states = {w.id: w.SerializeToString() for w in message.rerun_script.widget_states.widgets}
            changed = [w.split("-")[-1][:24] for w, value in states.items() if self._states.get(w) != value]
            self.changed.append(changed if self._states else ["(first run)"])
            self._states = states

    @property
    def server_run_s(self) -> float | None:
        """Seconds from the browser asking for the page's first run to that run's script_finished."""
        if not self.asked:
            return None
        first = self.asked[0][0]
        return next((at - first for at, _ in self.finishes if at >= first), None)

    def runs(self) -> str:
        """Each run the browser asked for and when it finished, in words: 'run 0.21-0.93 s (app), ...'."""
        words = []
        for number, (at, fragment) in enumerate(self.asked):
            until = self.asked[number + 1][0] if number + 1 < len(self.asked) else float("inf")
            done = next(((t, how) for t, how in self.finishes if at <= t < until), None)
            end = f"{done[0]:.2f} s {done[1]}" if done else "not finished"
            why = ", ".join(self.changed[number]) if number < len(self.changed) else ""
            words.append(f"{'fragment' if fragment else 'app'} run asked at {at:.2f} s ({why}), finished {end}")
        loads = ", ".join(f"{name} loaded at {at:.2f} s" for at, name in self.navigations)
        return "; ".join(words) + (f"; {loads}" if loads else "")

    def _frame(self, payload) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        data = payload if isinstance(payload, bytes) else payload.encode()
        if self.first_frame_s is None:
            self.first_frame_s = time.perf_counter() - self.started
        self.bytes += len(data)
        self.largest = max(self.largest, len(data))
        try:
            message = ForwardMsg.FromString(data)
        except Exception:
            return
        if message.WhichOneof("type") == "script_finished":
            from streamlit.proto.ForwardMsg_pb2 import ForwardMsg as Message

            self.finished += 1
            self.finished_s = time.perf_counter() - self.started
            self.finishes.append((self.finished_s, Message.ScriptFinishedStatus.Name(message.script_finished)))


MAP_DRAWN_MARK = "eventmap-events-laid-out"
"""The performance mark static/app/events.js sets once the map has laid out its events (the map is drawn)."""


def map_iframe(page):
    """The map's iframe (st_folium's) in ``page``, or ``None`` before it exists."""
    return next((f for f in page.frames if "st_folium" in f.url), None)


def wait_map_drawn(page, timeout_ms: float) -> None:
    """Wait until the map's iframe has drawn the map and laid out its events (``MAP_DRAWN_MARK``)."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        frame = map_iframe(page)
        try:
            if frame is not None and frame.evaluate(
                    f"() => performance.getEntriesByName('{MAP_DRAWN_MARK}').length > 0"):
                return
        except Exception:  # the frame is being replaced
            pass
        if time.monotonic() > deadline:
            raise TimeoutError("the map did not draw its events")
        page.wait_for_timeout(10)


def wait_ready(page, frames: FrameLog, finished_before: int, selector: str, timeout_s: float) -> bool:
    """Wait for a finished script run after ``finished_before`` and the page's ``selector`` drawn, idle; on the
    Map page, also for the map drawn inside its iframe, events laid out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if frames.finished > finished_before:
            break
        page.wait_for_timeout(25)
    else:
        return False
    remaining_ms = max(1000, (deadline - time.monotonic()) * 1000)
    page.wait_for_selector(selector, timeout=remaining_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " || !document.querySelector('[data-testid=stStatusWidget]').innerText.includes('Running')",
        timeout=remaining_ms)
    if selector == PAGES["map"].drawn:
        wait_map_drawn(page, remaining_ms)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return True


def map_drawn_s(page, started_at_ms: float) -> float | None:
    """Seconds from ``page.goto`` (wall clock ``started_at_ms``) until the map had laid out its events
    (``MAP_DRAWN_MARK`` in its iframe), or ``None``."""
    frame = map_iframe(page)
    if frame is None:
        return None
    at = frame.evaluate(f"""() => {{ const m = performance.getEntriesByName('{MAP_DRAWN_MARK}')[0];
        return m ? performance.timeOrigin + m.startTime : null; }}""")
    return (at - started_at_ms) / 1000 if at else None


def map_timeline(page, started_at_ms: float) -> str:
    """When (seconds after ``page.goto``) the map's iframe started, loaded its scripts, drew the map and laid out
    the events (``performance`` marks of static/app/core.js and events.js), in words."""
    frame = map_iframe(page)
    if frame is None:
        return "no map frame"
    times = frame.evaluate("""() => {
        const at = (t) => (performance.timeOrigin + t);
        const nav = performance.getEntriesByType('navigation')[0];
        const marks = Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, at(m.startTime)]));
        return {start: performance.timeOrigin, loaded: nav ? at(nav.loadEventEnd) : null, ...marks};
    }""")
    return ", ".join(f"{key} {(value - started_at_ms) / 1000:.2f} s" for key, value in times.items() if value)


def visit(browser, server: Server, name: str, timeout_s: float, trace: bool = False, again: bool = False) -> Visit:
    """Open page ``name`` in a fresh offline context and measure it; with ``again``, open it once more in a new tab
    of that context (its HTTP cache now holds Streamlit's and the map's files, as for a user who opened the
    dashboard before) and add that time to the note."""
    from conftest import OfflinePage

    path, selector = PAGES[name].path, PAGES[name].drawn
    offline = OfflinePage(browser, width=1500, height=1000)
    frames = FrameLog(offline.page)
    server.reset_peak()
    before = server.rss_mb()
    anon = AnonPeak(server)
    started = frames.started = time.perf_counter()
    started_at_ms = time.time() * 1000
    note = ""
    try:
        offline.page.goto(f"{server.url}/{path}")
        ready = wait_ready(offline.page, frames, 0, selector, timeout_s)
        seconds = time.perf_counter() - started if ready else None
        if ready and frames.first_frame_s is not None and frames.finished_s is not None:
            run = frames.server_run_s
            note = f"(server run {run:.2f} s; first frame {frames.first_frame_s:.2f} s) " if run is not None else ""
        if ready and name == "map":
            drawn = map_drawn_s(offline.page, started_at_ms)
            note += f"(map drawn {drawn:.2f} s) " if drawn is not None else ""
        if ready and trace:
            note += f"[{frames.runs()}] "
            if name == "map":
                offline.page.wait_for_timeout(1000)  # anything the map still does after "ready"
                note += f"[map: {map_timeline(offline.page, started_at_ms)}; then {frames.runs()}] "
        if name == "changes" and ready:
            note += changes_comparison(offline.page, frames, timeout_s)
        if again and ready:
            offline.page.close()  # its session ends, as when the user closed the tab
            second = offline.context.new_page()
            second_frames = FrameLog(second)
            began = second_frames.started = time.perf_counter()
            began_at_ms = time.time() * 1000
            second.goto(f"{server.url}/{path}")
            if wait_ready(second, second_frames, 0, selector, timeout_s):
                note += f"(again, browser cache warm: {time.perf_counter() - began:.2f} s"
                drawn = map_drawn_s(second, began_at_ms) if name == "map" else None
                note += f", map drawn {drawn:.2f} s) " if drawn is not None else ") "
    except Exception as error:  # a page that never draws is a figure too
        seconds, note = None, f"{type(error).__name__}: {str(error).splitlines()[0][:80]}"
    result = Visit(name, seconds, frames.bytes, server.peak_mb() - before, server.rss_mb(),
                   note + (f" largest frame {frames.largest / 1e6:.2f} MB" if frames.largest > 1e6 else ""),
                   anon.extra_mb())
    offline.close()
    return result


def navigate(browser, server: Server, names: list[str], timeout_s: float) -> list[Visit]:
    """Open the Map page, then move to each page of ``names`` by its link in the sidebar, as a user does
    (the browser keeps Streamlit's page and its websocket; only the script runs again), and measure each:
    from the click to the new page's script run finished and its title and content drawn."""
    from conftest import OfflinePage

    offline = OfflinePage(browser, width=1500, height=1000)
    frames = FrameLog(offline.page)
    page = offline.page
    page.goto(server.url)
    wait_ready(page, frames, 0, PAGES["map"].drawn, timeout_s)
    results = []
    for name in names:
        info = PAGES[name]
        link = page.locator("[data-testid=stSidebarNavLink]", has_text=info.link).first
        before, sent_before = frames.finished, frames.bytes
        server.reset_peak()
        rss_before = server.rss_mb()
        anon = AnonPeak(server)
        started = time.perf_counter()
        seconds: float | None
        try:
            link.click()
            ready = wait_ready(page, frames, before, info.drawn, timeout_s)
            if ready:
                page.get_by_role("heading", name=info.title, exact=True).first.wait_for(timeout=timeout_s * 1000)
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            seconds = time.perf_counter() - started if ready else None
            note = ""
        except Exception as error:
            seconds, note = None, f"{type(error).__name__}: {str(error).splitlines()[0][:80]}"
        results.append(Visit(name, seconds, frames.bytes - sent_before, server.peak_mb() - rss_before,
                             server.rss_mb(), note, anon.extra_mb()))
    offline.close()
    return results


def changes_comparison(page, frames: FrameLog, timeout_s: float) -> str:
    """Pick the bench snapshot on the Changes page; words with the seconds to the drawn comparison."""
    box = page.locator("[data-testid=stSelectbox]", has_text="Saved snapshot")
    box.click()
    before = frames.finished
    sent_before = frames.bytes
    started = time.perf_counter()
    page.get_by_role("option", name=SNAPSHOT_NAME).click()
    if not wait_ready(page, frames, before, "[data-testid=stMetric]", timeout_s):
        return f"comparison not drawn within {timeout_s:g} s"
    return (f"comparison with the snapshot: {time.perf_counter() - started:.1f} s, "
            f"{(frames.bytes - sent_before) / 1e6:.2f} MB;")


BARE_APP = """import streamlit as st

st.sidebar.write("A sidebar")
st.title("A bare Streamlit page")
"""


def streamlit_floor(browser, opens: int = 3) -> list[float]:
    """Seconds to a drawn title for a bare Streamlit page (a title and a sidebar) opened by its URL in a fresh
    browser context, ``opens`` times: the part of every page open that is Streamlit's own page loading."""
    from conftest import OfflinePage, wait_until_healthy

    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "bare.py"
        script.write_text(BARE_APP, encoding="utf-8")
        port = free_port()
        process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
                                    "--server.headless", "true", "--server.address", "127.0.0.1"],
                                   cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if not wait_until_healthy(f"http://127.0.0.1:{port}", 60):
                return []
            seconds = []
            for _ in range(opens + 1):  # the first open warms the server's own caches; not counted
                offline = OfflinePage(browser, width=1500, height=1000)  # as every page of ours is opened
                started = time.perf_counter()
                offline.page.goto(f"http://127.0.0.1:{port}/")
                offline.page.get_by_role("heading", name="A bare Streamlit page").wait_for(timeout=60_000)
                seconds.append(time.perf_counter() - started)
                offline.close()
            return seconds[1:]
        finally:
            process.terminate()
            process.wait(timeout=15)


def print_row(result: Visit, timeout_s: float) -> None:
    """One line of the table: page, ready (or over the timeout), sent, extra peak, its allocated part, RSS after."""
    ready = f"{result.ready_s:.2f}" if result.ready_s is not None else f">{timeout_s:g}"
    print(f"{result.page:<10} {ready:>10} {result.sent_bytes / 1e6:>10.3f} {result.peak_extra_mb:>16,.0f} "
          f"{result.anon_extra_mb:>16,.0f} {result.rss_after_mb:>15,.0f}  {result.note}".rstrip(), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--root", type=Path, default=Path(tempfile.gettempdir()) / "eventmap-pages-bench")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds allowed to each page")
    parser.add_argument("--memory-limit-gb", type=float, default=10.0,
                        help="address-space cap of the server (a shared machine); 0 for none")
    parser.add_argument("--repeat", type=int, default=1, help="open each page this many times (figures per open)")
    parser.add_argument("--navigate", action="store_true",
                        help="also move between the pages by the sidebar's links in one browser page, as a user does")
    parser.add_argument("--cold", action="store_true",
                        help="start the server without its warm run (python -m utils serve --no-warm): the first open "
                             "loads the data")
    parser.add_argument("--again", action="store_true",
                        help="also open each page a second time in the same browser (its HTTP cache warm)")
    parser.add_argument("--trace", action="store_true",
                        help="also print each script run the browser asked for, and when the map drew")
    args = parser.parse_args()

    from conftest import CHROMIUM, CHROMIUM_FLAGS
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    folder = make_data_dir(args.size, args.root)
    print(f"data folder {folder} ({args.size:,} events) ready in {time.perf_counter() - started:.0f} s")
    log = args.root / f"server_{args.size}.log"
    server = Server(folder, log, args.memory_limit_gb or None, warm=not args.cold)
    print(f"server answering {server.answered_s:.1f} s after its launch"
          + (f"; {server.warm_line}, {server.warmed_s:.1f} s after the launch" if server.warmed_s else
             f"; {server.warm_line}" if server.warm_line else " (started cold)"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            first = visit(browser, server, "map", args.timeout * 2, args.trace)
            print(f"first open after the start{' (loads the data)' if args.cold else ''}: "
                  f"{first.ready_s or float('nan'):.1f} s, "
                  f"server resident memory after {first.rss_after_mb:,.0f} MB {first.note}".rstrip())
            print(f"load average before the pages: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            print(f"{'page':<10} {'ready (s)':>10} {'sent (MB)':>10} {'extra peak (MB)':>16} {'of it allocated':>16} "
                  f"{'RSS after (MB)':>15}")
            if args.navigate:
                print("moving between pages by the sidebar's links (one browser page; from the click to drawn):")
                names = [name for name in args.pages if name != "map"] + ["map"]
                for _ in range(args.repeat):
                    for result in navigate(browser, server, names, args.timeout):
                        print_row(result, args.timeout)
            print("opened by URL, each in a new browser:")
            for name in args.pages:
                for _ in range(args.repeat):
                    result = visit(browser, server, name, args.timeout, args.trace, args.again)
                    print_row(result, args.timeout)
            floor = streamlit_floor(browser)
            if floor:
                print(f"Streamlit's own floor, a bare page (a title, a sidebar) opened by its URL in a new browser: "
                      f"{' '.join(f'{x:.2f}' for x in floor)} s")
            browser.close()
    finally:
        server.stop()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; server log {log}")


if __name__ == "__main__":
    main()
