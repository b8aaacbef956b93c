"""Shared fixtures: the project's data, a running app, and an offline Chromium."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

# Property-based tests run the same examples on every run by default, so CI does not pass or fail by
# chance; HYPOTHESIS_PROFILE=fuzz searches new random examples at length (see README, "Tests").
settings.register_profile("repeatable", derandomize=True, max_examples=200, deadline=None)
settings.register_profile("fuzz", derandomize=False, max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

from utils.data.folder import DataFolder  # noqa: E402
from utils.export.render import CHROMIUM_ARGS, chromium_path  # noqa: E402  (after the hypothesis profile)

pytest_plugins = ["store_fixtures"]  # the store's fixtures: data copies, PostgreSQL databases (tests/store_fixtures.py)
NOT_COPIED = shutil.ignore_patterns("eventmap.sqlite*", ".eventmap-cache")
"""A copy of data/ never takes the bundled folder's store or cache along (its own is filled from its CSVs)."""

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
BUNDLED = DataFolder(DATA)
"""The bundled data folder, as start-up would choose it with no --data-dir."""
TEST_DATA = PROJECT / "tests" / "data"
"""Data the tests read, kept in the repository (see tests/data/README.md)."""
SEEDS = TEST_DATA / "seeds"
"""The five source articles behind data/events.csv."""
UCDP_GZ = TEST_DATA / "ucdp_ged_syria_2016-2019.csv.gz"


def ucdp_csv() -> Path:
    """The UCDP GED Syria extract as a plain CSV file, unpacked once per run into a temporary folder."""
    import gzip
    import tempfile

    target = Path(tempfile.gettempdir()) / f"eventmap-tests-{os.getpid()}" / UCDP_GZ.name.removesuffix(".gz")
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(gzip.decompress(UCDP_GZ.read_bytes()))
        partial.replace(target)
    return target
CHROMIUM = str(chromium_path())
REFUSE_OUTSIDE = "--proxy-server=http://127.0.0.1:9"
"""Every request outside loopback goes to a proxy that is not there, so it fails in the browser's own network
stack (Chromium never sends loopback through a proxy). Refusing them with a Playwright route instead stops every
request, the app's own included, for a round trip to this process, and turns off the browser's HTTP cache."""
CHROMIUM_FLAGS = [*CHROMIUM_ARGS, REFUSE_OUTSIDE]
"""The exporter's browser and flags (utils.export.render), with every request outside loopback refused."""


def is_local(url: str) -> bool:
    """True for URLs the offline browser may load: the app on loopback (by host, not by prefix:
    'http://localhost.example.org' is outside), data:, blob: and about: URLs."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in ("localhost", "127.0.0.1")


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, seconds: float) -> bool:
    """True once the Streamlit server at ``url`` answers its health check, False after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


class RunningApp:
    """A Streamlit server on loopback; ``url`` is its address."""

    def __init__(self, data_dir: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        env = {**os.environ, "EVENTMAP_DATA_DIR": str(data_dir)}
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(PROJECT / "app.py"), "--server.port", str(self.port),
             "--server.headless", "true", "--server.address", "127.0.0.1"],
            cwd=PROJECT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
        )
        if wait_until_healthy(self.url, 60):
            return
        self.stop()
        raise RuntimeError(f"the app did not start; see {log}:\n{log.read_text()[-2000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, headless."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium package (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def hostile_data_dir(tmp_path_factory) -> Path:
    """A copy of data/ carrying script payloads: in the first event's text (``PAYLOADS`` below) and, from
    ``tests/payloads.py``, in every text field of added events, of every base and of added articles."""
    folder = tmp_path_factory.mktemp("hostile_data")
    shutil.copytree(DATA, folder, dirs_exist_ok=True, ignore=NOT_COPIED)
    import pandas as pd

    events = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
    events.loc[0, "notes"] = PAYLOADS["notes"]
    events.loc[0, "location"] = PAYLOADS["location"]
    events.loc[0, "claimed_by"] = PAYLOADS["claimed_by"]
    events.to_csv(folder / "events.csv", index=False)
    from payloads import write_hostile_data

    write_hostile_data(folder)
    return folder


PAYLOADS = {
    "notes": "<img src=x onerror=\"window.__pwned=1\"> ${window.__pwned=2} \\` </script><script>window.__pwned=3</script>",
    "location": "<svg onload=window.__pwned=4>Jableh",
    "claimed_by": "[click](javascript:window.__pwned=5) :red[x] $x$",
}


@pytest.fixture(scope="session")
def app(tmp_path_factory) -> Iterator[RunningApp]:
    """The dashboard on the bundled data."""
    running = RunningApp(DATA, tmp_path_factory.mktemp("logs") / "app.log")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def hostile_app(tmp_path_factory, hostile_data_dir) -> Iterator[RunningApp]:
    """The dashboard on data carrying script payloads."""
    running = RunningApp(hostile_data_dir, tmp_path_factory.mktemp("logs") / "hostile.log")
    yield running
    running.stop()


@pytest.fixture
def writable_app(tmp_path) -> Iterator[RunningApp]:
    """The dashboard on a fresh copy of data/ (``data_dir``), for tests that save: data/ is never written."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=NOT_COPIED)
    running = RunningApp(folder, tmp_path / "app.log")
    running.data_dir = folder
    yield running
    running.stop()


class OfflinePage:
    """A page whose every request outside loopback is recorded; ``browser`` (launched with ``CHROMIUM_FLAGS``)
    refuses them."""

    def __init__(self, browser, *, width: int = 1500, height: int = 1000) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list = []
        self.context.on("request", self._record)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.console.append(message) if message.type == "error" else None)

    def _record(self, request) -> None:
        if not is_local(request.url):
            self.outside.append(request.url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def offline_page(browser) -> Iterator[OfflinePage]:
    page = OfflinePage(browser)
    yield page
    page.close()


class LogRecords(logging.Handler):
    """Every record (with its traceback) a logger emits while attached; ``text`` is what the log file gets."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.text = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.text += self.format(record) + "\n"


@pytest.fixture
def server_log() -> Iterator[LogRecords]:
    """What the project's loggers (``ui.*``, ``utils.*``) write to the server log during a test."""
    records = LogRecords()
    loggers = [logging.getLogger(name) for name in ("ui", "utils")]
    for logger in loggers:
        logger.addHandler(records)
    yield records
    for logger in loggers:
        logger.removeHandler(records)

