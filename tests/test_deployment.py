"""Deployment defaults for a shared server: the config, what static serving exposes, and what the server refuses."""

from __future__ import annotations

import http.client
import tomllib
from pathlib import Path
from urllib.parse import urlparse

import pytest

import utils.map.assets as assets
from utils.map.assets import VENDORED, bundle_text, map_script_bundle

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text())
STATIC = PROJECT / "static"


@pytest.mark.parametrize(
    ("section", "option", "value"),
    [
        ("server", "enableXsrfProtection", True),
        ("server", "enableCORS", True),
        ("server", "enableStaticServing", True),
        ("server", "runOnSave", False),
        ("server", "enableAgentApi", False),
        ("server", "enableWebsocketCompression", True),
        ("browser", "gatherUsageStats", False),
        ("client", "showErrorDetails", "none"),
        ("client", "showErrorLinks", False),
        ("client", "toolbarMode", "viewer"),
        ("runner", "magicEnabled", False),
        ("runner", "postScriptGC", False),
    ],
)
def test_shared_server_defaults(section, option, value):
    assert CONFIG[section][option] == value


def test_static_holds_only_the_projects_own_assets(monkeypatch):
    """Everything under static/ is served to anyone: only the favicon, vendored, licensed front-end files, the
    project's own map code (static/app/) and the one bundle of those scripts the dashboard builds (static/built/)."""
    monkeypatch.setattr(assets, "_built", {})  # build as a new server process does
    STATIC.joinpath("built").mkdir(exist_ok=True)
    STATIC.joinpath("built", "map-0123456789abcdef.js").write_text("an old bundle")
    current = map_script_bundle()  # writes the bundle if needed and removes older ones
    assert current is not None and (STATIC / current).read_text(encoding="utf-8") == bundle_text()
    files = sorted(p.relative_to(STATIC).as_posix() for p in STATIC.rglob("*") if p.is_file())
    assert [name for name in files if name.startswith("built/")] == [current]
    vendored = (STATIC / "vendor" / "README.md").read_text()
    own = {path for path in VENDORED.values() if path.startswith("app/")}  # the map code the pages load
    # every file of static/app/ is loaded by the pages (none left behind when code moves between files)
    assert own == {name for name in files if name.startswith("app/")}
    assert "app/core.js" in own and "app/badges.js" in own
    for name in files:
        if name in ("favicon.png", "vendor/README.md", current) or name in own:
            continue
        parts = name.split("/")
        assert parts[0] == "vendor" and len(parts) >= 3, f"{name}: only vendored assets belong in static/"
        assert parts[1].rsplit("-", 1)[0] in vendored, f"{name}: {parts[1]} is not listed in static/vendor/README.md"
        assert Path(name).suffix in (".js", ".css", ".png", ".svg", ".woff2", "") , f"{name}: not a front-end asset"
        assert not any(part.startswith(".") for part in parts), f"{name}: hidden files are not served"


def _get(app, path: str, method: str = "GET", **kwargs) -> http.client.HTTPResponse:
    """A raw request: the path is sent exactly as written (no client-side ../ normalisation)."""
    address = urlparse(app.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request(method, path, **kwargs)
    response = connection.getresponse()
    response.body = response.read()
    return response


@pytest.mark.parametrize("path", [
    "/app/static/../app.py",
    "/app/static/%2e%2e/app.py",
    "/app/static/..%2fapp.py",
    "/app/static/vendor/../../.streamlit/config.toml",
    "/app/static/../data/events.csv",
    "/app/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd",
    "/app/static//etc/passwd",
    "/app/static/",
    "/app/static/vendor/",
])
def test_paths_outside_static_are_refused(app, path):
    response = _get(app, path)
    assert response.status in (400, 403, 404), (path, response.status)
    assert b"import" not in response.body and b"root:" not in response.body and b"event_id" not in response.body


def test_vendored_assets_are_served_without_content_sniffing(app):
    response = _get(app, "/app/static/vendor/leaflet-1.9.4/leaflet.js")
    assert response.status == 200 and response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Content-Type").startswith(("application/javascript", "text/javascript"))


def test_an_upload_without_the_xsrf_token_is_refused(app):
    response = _get(app, "/_stcore/upload_file/any-session/any-file", "PUT", body=b"data",
                    headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert response.status == 403 and b"XSRF" in response.body


def test_no_cross_origin_access_is_granted(app):
    response = _get(app, "/_stcore/health", headers={"Origin": "http://elsewhere.example"})
    assert response.getheader("Access-Control-Allow-Origin") in (None, "")


def test_the_websocket_is_compressed_when_the_browser_asks(app):
    """The map's layer goes compressed (permessage-deflate, which every browser offers)."""
    response = _get(app, "/_stcore/stream", headers={
        "Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Extensions": "permessage-deflate",
        "Sec-WebSocket-Protocol": "streamlit"})
    assert response.status == 101, response.status
    assert "permessage-deflate" in (response.getheader("Sec-WebSocket-Extensions") or "")
