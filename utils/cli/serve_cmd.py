"""``python -m utils serve [streamlit run options] [-- app options]``: run the dashboard, warmed at start.

Starts ``streamlit run app.py`` with the options given (``--server.port 8502``, ``-- --data-dir DIR``, ...)
and, once the server answers, runs the app once in a session with no browser (Streamlit's script health
check, ``/_stcore/script-health-check``). That run does what the first visitor after a restart would
otherwise wait for: the imports, the data load (from the dataset cache when the files are unchanged), the
facet indexes, the Map page's layer for the default filters, and each other page's first-time work
(ui/warm.py). A visitor who comes during the warm run
shares its work (the loads are made once per process, under locks). The warm run's outcome is written to
the server's log; ``--no-warm`` starts the server alone, as ``streamlit run app.py`` does.

``scripts/run.sh`` runs this command. Nothing here imports streamlit: the server is the ``streamlit``
module run in this process (``os.execv``); the warm run is asked for by a small detached process.
"""

from __future__ import annotations

import argparse
import os
import ssl
import sys
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from utils.core.paths import PROJECT_DIR

__all__ = ["ServerAddress", "WarmResult", "main", "register", "server_address", "streamlit_command", "warm"]

APP = PROJECT_DIR / "app.py"
CONFIG = PROJECT_DIR / ".streamlit" / "config.toml"
WARM_WAIT_SECONDS = 120.0
"""How long the warm run waits for the server to answer, then for the app's run to finish (each)."""
WARM_PAGES_ENV = "EVENTMAP_WARM_PAGES"
"""Set for the server when it is warmed: its browserless warm run then opens every page (ui/warm.py)."""
WARM_DONE = "warm start done in"
"""The start of the log line that says the app ran once (benchmarks/pages_bench.py waits for it)."""
_WILDCARD_ADDRESSES = {"", "0.0.0.0", "::", "[::]"}


@dataclass(frozen=True)
class ServerAddress:
    """Where the server listens, as seen from this machine."""

    scheme: str
    host: str
    port: int
    base_path: str
    """``server.baseUrlPath`` without slashes ("" for none)."""

    def url(self, path: str) -> str:
        """The address of ``path`` (e.g. ``_stcore/health``) on the server."""
        base = f"/{self.base_path}" if self.base_path else ""
        return f"{self.scheme}://{self.host}:{self.port}{base}/{path}"


@dataclass(frozen=True)
class WarmResult:
    ok: bool
    seconds: float
    """From the first request for the run to its answer, in seconds."""
    message: str
    """One line for the server's log."""


def _option(options: Sequence[str], name: str) -> str | None:
    """The value given to ``--name`` (``--name VALUE`` or ``--name=VALUE``) among ``options``, the last one wins."""
    value = None
    for index, option in enumerate(options):
        if option == f"--{name}" and index + 1 < len(options):
            value = options[index + 1]
        elif option.startswith(f"--{name}="):
            value = option.split("=", 1)[1]
    return value


def _configured(config: Mapping, section: str, key: str) -> object | None:
    return (config.get(section) or {}).get(key)


def server_address(options: Sequence[str], environ: Mapping[str, str], config_file: Path = CONFIG) -> ServerAddress:
    """Where ``streamlit run app.py OPTIONS`` listens: each setting from the options, else the environment
    (``STREAMLIT_SERVER_PORT``, ...), else ``config_file``, else Streamlit's default (port 8501, every
    address). Only the options before ``--`` are Streamlit's; those after it are the app's."""
    options = list(options[: options.index("--")] if "--" in options else options)
    try:
        config = tomllib.loads(config_file.read_text(encoding="utf-8")) if config_file.exists() else {}
    except (OSError, tomllib.TOMLDecodeError):
        config = {}

    def setting(key: str, default: object) -> str:
        for value in (_option(options, f"server.{key}"),
                      environ.get("STREAMLIT_SERVER_" + "".join("_" + c if c.isupper() else c.upper() for c in key)),
                      _configured(config, "server", key)):
            if value is not None:
                return str(value)
        return str(default)

    port_text = setting("port", 8501)
    try:
        port = int(port_text)
    except ValueError:
        raise ValueError(f"--server.port must be a number, not {port_text!r}") from None
    host = setting("address", "")
    host = "127.0.0.1" if host in _WILDCARD_ADDRESSES else host
    scheme = "https" if setting("sslCertFile", "") else "http"
    return ServerAddress(scheme, host, port, setting("baseUrlPath", "").strip("/"))


def streamlit_command(options: Sequence[str], *, warmed: bool) -> list[str]:
    """The ``python -m streamlit run app.py`` command line for ``options`` (the health check on when warmed)."""
    check = ["--server.scriptHealthCheckEnabled", "true"] if warmed else []
    return [sys.executable, "-m", "streamlit", "run", str(APP), *check, *options]


def _get(url: str, timeout_s: float, context: ssl.SSLContext | None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout_s, context=context) as response:  # noqa: S310 (our server)
            return response.status, response.read(200).decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read(200).decode("utf-8", "replace")


def warm(address: ServerAddress, wait_s: float = WARM_WAIT_SECONDS) -> WarmResult:
    """Wait for the server at ``address`` to answer, then have it run the app once; what happened, in words."""
    # the server is on this machine: a self-signed certificate is expected
    context = ssl._create_unverified_context() if address.scheme == "https" else None  # noqa: S323
    deadline = time.monotonic() + wait_s
    while True:
        try:
            if _get(address.url("_stcore/health"), 5, context)[0] == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            return WarmResult(False, 0.0, f"no warm start: the server did not answer at {address.url('')} "
                                          f"within {wait_s:g} s; the first visitor loads the data instead")
        time.sleep(0.2)
    started = time.perf_counter()
    try:
        status, text = _get(address.url("_stcore/script-health-check"), wait_s, context)
    except OSError as error:
        status, text = 0, str(error)
    seconds = time.perf_counter() - started
    if status == 200:
        return WarmResult(True, seconds, f"{WARM_DONE} {seconds:.1f} s: the app ran once (imports, data, facet "
                                         "indexes, the Map page's layer, every page's first work); pages open without that wait")
    return WarmResult(False, seconds, f"no warm start: the app's warm run answered {status} {text.strip()!r} after "
                                      f"{seconds:.1f} s; the first visitor loads the data instead (see the log "
                                      "above for the app's error)")


def _warm_detached(address: ServerAddress) -> None:
    """Ask for the warm run from a grandchild process (reparented to init, so nobody has to reap it)."""
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        return
    try:
        if os.fork() == 0:
            try:
                message = warm(address).message
            except Exception as error:  # noqa: BLE001 - said in the log; the server runs on without a warm run
                message = f"no warm start: {type(error).__name__}: {error}"
            print(f"eventmap: {message}", file=sys.stderr, flush=True)
    finally:
        os._exit(0)


def _serve(arguments: argparse.Namespace) -> int:
    options = list(arguments.passed_through)
    warmed = not arguments.no_warm
    if warmed:
        try:
            address = server_address(options, os.environ)
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        _warm_detached(address)
        os.environ[WARM_PAGES_ENV] = "1"  # the warm run (no browser) opens every page: ui/warm.py
    command = streamlit_command(options, warmed=warmed)
    os.execv(command[0], command)
    return 0  # not reached: the server runs in this process


_DESCRIPTION = ("Run the dashboard and, once the server answers, run the app once, so the first visitor after a "
                "restart does not wait for the data.")
_USAGE = "python -m utils serve [--no-warm] [streamlit run options] [-- app options]"


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-warm", action="store_true",
                        help="start the server alone; the first visitor loads the data")
    parser.epilog = ("Every other option is handed to `streamlit run app.py` (--server.port 8502 ...); after -- "
                     "come the app's own (--data-dir DIR, --database-url URL).")
    parser.set_defaults(func=_serve, passes_through=True)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``serve`` command (listed by ``python -m utils --help``)."""
    _add_arguments(subparsers.add_parser("serve", help="run the dashboard, warmed at start",
                                         description=_DESCRIPTION, usage=_USAGE))


def main(argv: Sequence[str]) -> int:
    """``python -m utils serve ARGV``, parsed here alone (utils/__main__.py's ALONE)."""
    parser = argparse.ArgumentParser(prog="python -m utils serve", description=_DESCRIPTION, usage=_USAGE)
    _add_arguments(parser)
    arguments, passed_through = parser.parse_known_args(list(argv))
    arguments.passed_through = passed_through
    return _serve(arguments)
