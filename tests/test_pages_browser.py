"""The pages in a real browser: downloads prepared, then downloaded, with the right content."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from browser import TIMEOUT_MS, map_frame, open_app, wait_for_markers, wait_idle
from conftest import DATA

from utils.analysis.filters import EventFilter
from utils.data.dataset import load_dataset

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _southfront_by_date_then_id() -> list[str]:
    events = load_dataset(DATA).events
    kept = EventFilter(sources=("SouthFront",)).apply(events)
    return kept.sort_values(["event_date", "event_id"], kind="stable")["event_id"].tolist()


def _prepare_and_download(page, what: str) -> bytes:
    assert page.get_by_role("button", name=f"Download these events ({what})").count() == 0, "nothing built yet"
    page.get_by_role("button", name=f"Prepare these events ({what})").click()
    button = page.get_by_role("button", name=f"Download these events ({what})")
    button.wait_for(timeout=TIMEOUT_MS)
    wait_idle(page)
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.click()
    assert info.value.suggested_filename == f"events_filtered.{what.lower()}"
    return Path(info.value.path()).read_bytes()


def test_events_csv_is_prepared_then_downloaded_and_is_the_map_exports_file(app, offline_page):
    page = offline_page.page
    open_app(page, f"{app.url}/events?source=SouthFront")
    data = _prepare_and_download(page, "CSV")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [row["event_id"] for row in rows] == _southfront_by_date_then_id()
    assert {row["source"] for row in rows} == {"SouthFront"}
    assert page.get_by_text(re.compile(r"kB, ready\.")).count() == 1

    open_app(page, f"{app.url}/?source=SouthFront")
    # as a user would, once the map is drawn: the map's first values rerun its fragment, export panel included
    wait_for_markers(map_frame(page), len(_southfront_by_date_then_id()))
    wait_idle(page)
    button = page.get_by_role("button", name="Download CSV of the events")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.click()
    assert Path(info.value.path()).read_bytes() == data, "the Events page and the map's export give one file"
    assert not offline_page.outside and not offline_page.errors


def test_events_geojson_is_prepared_then_downloaded_with_every_shown_event(app, offline_page):
    page = offline_page.page
    open_app(page, f"{app.url}/events?source=SouthFront")
    document = json.loads(_prepare_and_download(page, "GeoJSON"))
    features = document["features"]
    assert [f["properties"]["event_id"] for f in features] == _southfront_by_date_then_id()
    events = load_dataset(DATA).events.set_index("event_id")
    first = features[0]
    assert first["geometry"]["coordinates"] == pytest.approx(
        [events.loc[first["properties"]["event_id"], "longitude"], events.loc[first["properties"]["event_id"], "latitude"]])
