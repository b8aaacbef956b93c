"""``python -m utils serve`` (what scripts/run.sh runs): where it finds the server, what it hands to Streamlit,
the warm run's outcome in words, and a real start whose warm run loads the data before anyone opens a page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import DATA, NOT_COPIED, PROJECT, free_port

from utils.__main__ import build_parser
from utils.__main__ import main as cli_main
from utils.cli.serve_cmd import WARM_DONE, ServerAddress, server_address, streamlit_command, warm
from utils.data.folder import CACHE_FOLDER

NO_CONFIG = Path("/nonexistent/config.toml")


@pytest.mark.parametrize(("options", "environ", "config", "expected"), [
    ([], {}, "", ServerAddress("http", "127.0.0.1", 8501, "")),
    (["--server.port", "8502"], {}, "", ServerAddress("http", "127.0.0.1", 8502, "")),
    (["--server.port=8503", "--server.address=10.0.0.5"], {}, "", ServerAddress("http", "10.0.0.5", 8503, "")),
    (["--server.port", "8502", "--server.port", "8504"], {}, "", ServerAddress("http", "127.0.0.1", 8504, "")),
    # after --, the options are the app's, not Streamlit's
    (["--", "--server.port", "9999", "--data-dir", "x"], {}, "", ServerAddress("http", "127.0.0.1", 8501, "")),
    ([], {"STREAMLIT_SERVER_PORT": "8600", "STREAMLIT_SERVER_BASE_URL_PATH": "/dash/"}, "",
     ServerAddress("http", "127.0.0.1", 8600, "dash")),
    (["--server.port", "8700"], {"STREAMLIT_SERVER_PORT": "8600"}, "", ServerAddress("http", "127.0.0.1", 8700, "")),
    ([], {}, '[server]\nport = 8800\naddress = "0.0.0.0"\nbaseUrlPath = "maps"\n',
     ServerAddress("http", "127.0.0.1", 8800, "maps")),
    ([], {"STREAMLIT_SERVER_PORT": "8601"}, "[server]\nport = 8800\n", ServerAddress("http", "127.0.0.1", 8601, "")),
    (["--server.sslCertFile", "cert.pem", "--server.address", "::"], {}, "",
     ServerAddress("https", "127.0.0.1", 8501, "")),
    ([], {}, "this is [not toml", ServerAddress("http", "127.0.0.1", 8501, "")),  # a broken file: defaults
])
def test_the_server_address_comes_from_options_then_environment_then_config(tmp_path, options, environ, config,
                                                                            expected):
    config_file = tmp_path / "config.toml"
    if config:
        config_file.write_text(config, encoding="utf-8")
    assert server_address(options, environ, config_file if config else NO_CONFIG) == expected


def test_a_port_that_is_not_a_number_is_quoted():
    with pytest.raises(ValueError, match=r"--server.port must be a number, not 'eighty'"):
        server_address(["--server.port", "eighty"], {}, NO_CONFIG)


def test_the_address_of_a_path_keeps_the_base_path():
    assert ServerAddress("http", "127.0.0.1", 8501, "dash").url("_stcore/health") == \
        "http://127.0.0.1:8501/dash/_stcore/health"
    assert ServerAddress("https", "h", 1, "").url("") == "https://h:1/"


@pytest.mark.parametrize(("argv", "passed_through"), [
    (["serve"], []),
    (["serve", "--", "--data-dir", "X"], ["--", "--data-dir", "X"]),
    (["serve", "--server.port", "8502", "--", "--data-dir", "X"], ["--server.port", "8502", "--", "--data-dir", "X"]),
    (["serve", "--no-warm", "--server.port=8502"], ["--server.port=8502"]),
    # the app's own option after -- is not serve's
    (["serve", "--server.port", "1", "--", "--no-warm"], ["--server.port", "1", "--", "--no-warm"]),
])
def test_serve_hands_every_option_it_does_not_know_to_streamlit_in_order(argv, passed_through):
    arguments, unknown = build_parser().parse_known_args(argv)
    assert unknown == passed_through
    assert getattr(arguments, "passes_through", False)


def test_other_commands_still_refuse_options_they_do_not_know(capsys):
    with pytest.raises(SystemExit) as raised:
        cli_main(["db", "init", "--bogus"])
    assert raised.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


@pytest.mark.parametrize(("warmed", "has_check"), [(True, True), (False, False)])
def test_the_streamlit_command_runs_the_app_and_turns_the_health_check_on_only_to_warm(warmed, has_check):
    command = streamlit_command(["--server.port", "8502", "--", "--data-dir", "X"], warmed=warmed)
    assert command[:5] == [sys.executable, "-m", "streamlit", "run", str(PROJECT / "app.py")]
    assert command[-5:] == ["--server.port", "8502", "--", "--data-dir", "X"]
    assert ("--server.scriptHealthCheckEnabled" in command) is has_check


class _FakeServer(BaseHTTPRequestHandler):
    """Answers /_stcore/health with 200 and the script check with what the test sets."""

    check_status = 200
    check_text = b"ok"

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        status, body = (200, b"ok") if self.path.endswith("/_stcore/health") else (self.check_status, self.check_text)
        self.send_response(status)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.mark.parametrize(("status", "text", "ok", "words"), [
    (200, b"ok", True, [WARM_DONE, "pages open without that wait"]),
    (503, b"error", False, ["no warm start", "503 'error'", "first visitor loads the data"]),
    (503, b"timeout", False, ["no warm start", "503 'timeout'"]),
])
def test_the_warm_run_says_what_happened(fake_server, monkeypatch, status, text, ok, words):
    monkeypatch.setattr(_FakeServer, "check_status", status)
    monkeypatch.setattr(_FakeServer, "check_text", text)
    result = warm(ServerAddress("http", "127.0.0.1", fake_server.server_address[1], ""), wait_s=5)
    assert result.ok is ok
    for word in words:
        assert word in result.message


def test_a_server_that_never_answers_is_given_up_on_with_a_message():
    result = warm(ServerAddress("http", "127.0.0.1", free_port(), ""), wait_s=0.5)
    assert not result.ok
    assert "did not answer" in result.message and "within 0.5 s" in result.message


@pytest.mark.slow
def test_a_started_server_runs_the_app_once_by_itself_before_anyone_opens_a_page(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=NOT_COPIED)
    log = tmp_path / "serve.log"
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "utils", "serve", "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--", "--data-dir", str(folder)],
        cwd=PROJECT, env={key: value for key, value in os.environ.items() if key != "EVENTMAP_DATA_DIR"},
        stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 150
        lines: list[str] = []
        while time.monotonic() < deadline and not lines:
            lines = [line for line in log.read_text(errors="replace").splitlines() if line.startswith("eventmap: ")]
            time.sleep(0.2)
        assert lines, log.read_text()
        assert WARM_DONE in lines[0], lines[0]
        text = log.read_text()
        assert "warm run: opened the other pages" in text and "could not open" not in text, text
        # the warm run loaded this folder's data (it wrote the dataset's cache) with no browser ever connected
        assert any((folder / CACHE_FOLDER).glob("*")), sorted(p.name for p in folder.iterdir())
        assert "Traceback" not in log.read_text()
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.slow
def test_the_warm_run_opens_every_other_page_once_with_no_browser(monkeypatch):
    """What the server's warm run does (no browser: no request headers), in an AppTest session."""
    from streamlit.testing.v1 import AppTest

    from ui import warm

    said: list[str] = []
    monkeypatch.setenv(warm.WARM_PAGES_ENV, "1")
    monkeypatch.setattr(warm, "_opened", threading.Event())
    monkeypatch.setattr(warm.log, "info", lambda message, *args: said.append(message % args))
    monkeypatch.setattr(warm.log, "warning", lambda message, *args, **kwargs: said.append(message % args))
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    opened = [message for message in said if message.startswith("warm run: opened")]
    assert len(opened) == 1, said
    line = opened[0]
    for page in ("events", "timeline", "bases", "sources", "import", "edit", "claims"):  # Changes: nothing to warm
        assert f"{page} " in line, line
    assert "stopped" not in line and "could not open" not in line, line
    assert "map " not in line  # the page drawn is not opened twice
    memo = at.session_state["dataset"].memo  # the map's first filter finds the dataset's date rank built
    assert ("rank", "event_date", "event_id") in memo and ("codes", "event_type") in memo, "date rank" in line
    at.run()  # once per server process
    assert len([message for message in said if message.startswith("warm run: opened")]) == 1


def test_a_session_with_a_browser_or_without_the_servers_setting_is_not_a_warm_run(monkeypatch):
    from ui import warm

    monkeypatch.setattr(warm, "_opened", threading.Event())
    monkeypatch.delenv(warm.WARM_PAGES_ENV, raising=False)
    assert not warm.is_warm_run()
    monkeypatch.setenv(warm.WARM_PAGES_ENV, "1")
    monkeypatch.setattr(warm.st, "context", type("Context", (), {"headers": {"Host": "localhost:8501"}})())
    assert not warm.is_warm_run()
    monkeypatch.setattr(warm.st, "context", type("Context", (), {"headers": {}})())
    assert warm.is_warm_run()
    warm._opened.set()  # the pages were opened once already
    assert not warm.is_warm_run()
