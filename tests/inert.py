"""Proof that hostile text is inert in a sink: shown literally, no dialog, no navigation, no console error.

A sink reader opens the app in an :class:`conftest.OfflinePage`, reads what the user sees in one
place (popup, table, caption, downloaded file...) and returns a :class:`Reading`. :func:`assert_inert`
then checks it. A new sink is one more reader in ``tests/test_hostile_text.py``'s ``SINKS``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

SCRIPT_TRACES = ("img[src='x'], svg[onload], [onerror], [onmouseover], a[href^='javascript' i], "
                 "a[href^='data:' i], iframe[src^='javascript' i]")
"""Elements a payload would leave behind if its markup had been parsed."""

_STREAMLIT_PATH_PROBES = ("/_stcore/host-config", "/_stcore/health")
"""Streamlit's front end probes these under a page's path (e.g. /events/_stcore/health) and gets a 404:
that console message is Streamlit's, present on every page, not caused by data."""


@dataclass
class Reading:
    """What a sink showed (``shown``: texts as the user reads them) and what it must show (``expected``)."""

    shown: list[str]
    expected: list[str]
    frames: list = field(default_factory=list)
    """Extra frames (the map iframe) to check for traces of script."""


def console_errors(messages: Iterable) -> list[str]:
    """Console errors not explained by Streamlit's own path probes."""
    out = []
    for message in messages:
        url = (message.location or {}).get("url", "")
        if any(probe in url for probe in _STREAMLIT_PATH_PROBES):
            continue
        out.append(f"{message.text} ({url})")
    return out


def assert_inert(offline_page, reading: Reading, *, origin: str) -> None:
    """Every expected text appears literally; nothing ran, opened a dialog, navigated or logged an error."""
    missing = [text for text in reading.expected if not any(text in shown for shown in reading.shown)]
    assert not missing, f"not shown literally: {[m[:80] for m in missing]}; shown: {[s[:80] for s in reading.shown][:20]}..."
    page = offline_page.page
    assert page.url.startswith(origin), f"the page navigated away to {page.url}"
    for target in (page, *reading.frames):
        assert target.evaluate("() => window.__pwned === undefined"), "a payload ran"
        traces = target.locator(SCRIPT_TRACES).count()
        assert traces == 0, f"{traces} element(s) made from payload markup"
    assert offline_page.dialogs == [], offline_page.dialogs
    assert offline_page.errors == [], offline_page.errors
    assert console_errors(offline_page.console) == []
    assert offline_page.outside == [], f"requests outside localhost: {offline_page.outside}"
