"""Briefing exports without a browser: the permalink, the page's caption and safety, the CLI's CSV and GeoJSON."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
from dataclasses import replace as dataclasses_replace
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from conftest import DATA, PAYLOADS

from benchmarks.synthetic import synthetic_events
from utils.__main__ import main
from utils.analysis.filters import EventFilter
from utils.core.dates import add_date_windows
from utils.core.escaping import escape_text
from utils.data.dataset import derive_columns, load_dataset
from utils.data.validation import validate_events
from utils.export.briefing import LIST_LIMITS, MAP_PX, Briefing, briefing_html, caption_lines, sources_cited
from utils.export.export_map import build_export_map
from utils.export.permalink import MapView, permalink, view_from_map_state, view_from_query
from utils.map.aggregate import in_view
from utils.map.mapping import category_colors
from utils.map.settings import MapSettings
from utils.map.view_layer import DETAIL_LIMIT, ClusterLayer, default_viewport


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.mark.parametrize(
    ("query", "view", "message"),
    [
        ({}, None, None),
        ({"lat": "35.4", "lon": "35.95", "zoom": "9"}, MapView((35.4, 35.95), 9), None),
        ({"lat": ["1", "35.4"], "lon": "35.95", "zoom": "9.5"}, MapView((35.4, 35.95), 9.5), None),
        ({"lat": "35.4", "lon": "35.95"}, None, "zoom are missing"),
        ({"lat": "north", "lon": "35.95", "zoom": "9"}, None, "cannot be used"),
        ({"lat": "95", "lon": "35.95", "zoom": "9"}, None, "not a (lat, lon) position"),
        ({"lat": "35", "lon": "35.95", "zoom": "40"}, None, "outside 4..17"),
        ({"lat": "nan", "lon": "35.95", "zoom": "9"}, None, "cannot be used"),
    ],
)
def test_view_is_read_from_link_parameters(query, view, message):
    got, messages = view_from_query(query)
    assert got == view
    assert (message is None and messages == []) or (message and message in messages[0])


def test_permalink_carries_filters_and_view_and_reads_back():
    value = EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30), sources=("SouthFront", "The Cradle"),
                        near_site="khmeimim", radius_km=50)
    view = MapView((35.41234, 35.95), 9.25)
    link = permalink("http://analyst.example:8501/?old=1", value, view)
    assert link.startswith("http://analyst.example:8501/?start=2025-03-01&end=2025-04-30")
    assert "old=" not in link
    parsed = parse_qs(urlsplit(link).query)
    back, messages = EventFilter.from_query(parsed)
    assert back == value and messages == []
    assert view_from_query(parsed) == (MapView((35.4123, 35.95), 9.25), [])
    assert parsed["zoom"] == ["9.25"] and parsed["lat"] == ["35.4123"]


@pytest.mark.parametrize(
    ("state", "view"),
    [
        (None, None),
        ({"center": None, "zoom": 7}, None),
        ({"center": {"lat": 35.1, "lng": 36.2}, "zoom": 7.5}, MapView((35.1, 36.2), 7.5)),
        ({"center": {"lat": 35.1, "lng": 396.2}, "zoom": 20}, MapView((35.1, 36.2), 17)),
    ],
)
def test_view_is_read_from_what_st_folium_returns(state, view):
    assert view_from_map_state(state) == view


def test_caption_states_filters_count_version_time_attribution_and_link(dataset):
    value = EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30), sources=("SouthFront",),
                        near_site="khmeimim", radius_km=50)
    briefing = Briefing(dataset, value, permalink="http://localhost:8501/?x=1")
    lines = dict(caption_lines(briefing))
    assert lines["Shown"] == ("Showing 11 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront, "
                              "within 50 km of Khmeimim air base; 9 of them dated only to the week, month or year")
    assert lines["Shown"] == value.caption(briefing.events, 30, site_names={"khmeimim": "Khmeimim air base"}), \
        "the export says what is shown in the dashboard's own words"
    assert lines["Dates"] == "2025-03-01 to 2025-04-30"
    assert lines["Sources"] == "SouthFront" and lines["Claimed by"] == "all claimants"
    assert lines["Distance"] == "within 50 km of Khmeimim air base"
    assert lines["Events"] == "11 shown of 30 in the data"
    assert lines["Data version"] == dataset.version and len(dataset.version) == 10
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", lines["Made"])
    assert "Natural Earth" in lines["Map data"] and "geoBoundaries" in lines["Map data"]
    assert lines["Permalink"] == "http://localhost:8501/?x=1"
    cited = sources_cited(briefing.events, dataset.sources)
    assert [c["doc_id"] for c in cited] == ["SF-2025-04", "SF-2025-03"]
    assert sum(int(c["events"]) for c in cited) == 11


@pytest.mark.parametrize("layout", ["html", "slide", "print", "pdf"])
def test_export_page_is_self_contained_and_shows_data_as_text(hostile_data_dir, layout):
    dataset = load_dataset(hostile_data_dir)
    briefing = Briefing(dataset, EventFilter(), title="<b>Brief</b> ${x}")
    page = briefing_html(briefing, layout)
    assert not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=", page), "nothing may load from outside"
    assert "<img src=x" not in page and "<svg onload" not in page and "${window" not in page
    assert "<b>Brief</b>" not in page and "&#60;b&#62;Brief&#60;/b&#62;" in page
    if layout == "pdf":
        assert escape_text(PAYLOADS["location"]) + ", Lattakia" in page  # the place, in the events list
    assert page.count("<script>") >= 2  # Leaflet inlined, then the map


def _copy_data(tmp_path: Path, notes: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    events = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
    events.loc[0, "notes"] = notes
    events.loc[1, "location"] = "-1+2"
    events.to_csv(folder / "events.csv", index=False)
    return folder


def test_cli_csv_round_trips_through_pandas_with_formulas_neutralised(tmp_path, capsys):
    folder = _copy_data(tmp_path, "=HYPERLINK(\"http://evil\",\"x\")")
    out = tmp_path / "out" / "events.csv"
    code = main(["export", "--data-dir", str(folder), "--start", "2015-01-01", "--end", "2023-12-31",
                 "--format", "csv", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    expected = EventFilter(start=date(2015, 1, 1), end=date(2023, 12, 31)).apply(load_dataset(folder).events)
    assert sorted(back["event_id"]) == sorted(expected["event_id"])
    row = back.set_index("event_id").loc["EV0001"]
    assert row["notes"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert back.set_index("event_id").loc["EV0002", "location"] == "'-1+2"
    numbers = pd.read_csv(io.BytesIO(out.read_bytes()))
    assert numbers["latitude"].dtype == float and (numbers["longitude"] > 0).all()
    assert f"{len(expected)} of 30 events" in capsys.readouterr().out


def test_cli_geojson_is_valid_with_the_same_count(tmp_path, capsys):
    out = tmp_path / "near.geojson"
    code = main(["export", "--site", "khmeimim", "--radius-km", "50", "--source", "SouthFront",
                 "--format", "geojson", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    document = json.loads(out.read_text(encoding="utf-8"))
    expected = EventFilter(sources=("SouthFront",), near_site="khmeimim", radius_km=50).apply(load_dataset(DATA).events)
    assert document["type"] == "FeatureCollection" and len(document["features"]) == len(expected) == 13
    assert sorted(f["properties"]["event_id"] for f in document["features"]) == sorted(expected["event_id"])
    for feature in document["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and 35 < lon < 37 and 34.5 < lat < 36
        assert feature["properties"]["source"] == "SouthFront"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--source", "Sputnik"], "--source 'Sputnik' is not in the data; choose from: SouthFront"),
        (["--site", "incirlik", "--radius-km", "5"], "no base with site_id 'incirlik'; choose one of khmeimim"),
        (["--site", "khmeimim"], "near_site and radius_km go together"),
        (["--start", "2025-05-01", "--end", "2025-04-01"], "start 2025-05-01 is after end 2025-04-01"),
        (["--zoom", "30"], "zoom 30.0 is outside 4..17"),
        (["--rings", "3,ten"], "range ring 'ten' is not a distance in km"),
        (["--rings", "5000"], "range ring 5000 km is outside 0-1000 km"),
        (["--colour-by", "actor1"], "--colour-by='actor1' is not one of event_type, sub_event_type, status"),
    ],
)
def test_cli_bad_options_say_how_to_fix_them(tmp_path, capsys, arguments, message):
    out = tmp_path / "x.csv"
    assert main(["export", "--format", "csv", "--out", str(out), *arguments]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_says_what_to_install_when_chromium_is_missing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHROMIUM_PATH", str(tmp_path / "no-chromium"))
    assert main(["export", "--format", "pdf", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "sudo apt-get install chromium" in capsys.readouterr().err


def test_map_settings_are_in_the_caption_and_the_permalink_as_on_the_dashboard(dataset):
    settings = MapSettings(color_by="status", heatmap=True, rings_km=(70, 3, 10))
    view = MapView((35.4, 35.95), 9)
    link = permalink("http://localhost:8501/", EventFilter(), view, settings)
    assert MapSettings.from_query(parse_qs(urlsplit(link).query)) == (settings, [])
    lines = dict(caption_lines(Briefing(dataset, EventFilter(), view, permalink=link, settings=settings)))
    # the same words the dashboard puts under its map controls ("Map: " + settings.describe())
    assert lines["Map"] == "colour: Status; shown as a heatmap; range rings at 3, 10, 70 km"
    assert lines["Permalink"] == link and "rings=3%2C10%2C70" in link and "heat=1" in link and "colour=status" in link
    assert dict(caption_lines(Briefing(dataset, EventFilter())))["Map"] == "colour: Event type"


def test_cli_map_settings_are_read_as_the_link_reads_them_and_drawn(tmp_path, capsys):
    out = tmp_path / "rings.html"
    code = main(["export", "--rings", "3, 10,70km", "--heatmap", "--colour-by", "status", "--format", "html",
                 "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert len(re.findall(r"L\.circle\(\s*\[", page)) == 4 * 3  # three rings around each of the four bases
    labels = re.findall(r'class=\\"ring-label\\"\\u003e([\d.]+ km)\\u003c', page)
    assert sorted(labels) == sorted(["3 km", "10 km", "70 km"] * 4)
    assert "L.heatLayer(" in page and "simpleheat" in page and "inline-asset:" not in page  # heat script inlined
    text = html.unescape(page)
    assert "colour: Status; shown as a heatmap; range rings at 3, 10, 70 km" in text
    assert "rings=3%2C10%2C70" in text and "heat=1" in text and "colour=status" in text  # the permalink
    assert '\\u003cdiv class=\\"title\\"\\u003eStatus\\u003c/div\\u003e' in page  # legend titled by the colour


@pytest.fixture(scope="module")
def many(dataset):
    raw = synthetic_events(6000, seed=7)
    raw["_row"] = range(2, len(raw) + 2)
    return derive_columns(add_date_windows(validate_events(raw, "synthetic").events), dataset.sites)


@pytest.mark.parametrize(("layout", "view"), [("slide", MapView((34.85, 38.7), 6.75)), ("pdf", MapView((33.6, 36.4), 8)),
                                              ("html", MapView((35.2, 36.5), 8))])
def test_a_big_export_draws_the_dashboards_exact_clusters_for_its_view(dataset, many, layout, view):
    big = Briefing(dataclasses_replace(dataset, events=many), EventFilter(), view)
    colors = big.colors()
    fmap, plan = build_export_map(big.dataset, big.events, view, colors, map_px=MAP_PX[layout])
    bounds = default_viewport(view.center, view.zoom, *MAP_PX[layout])
    expected = int(in_view(many["latitude"].to_numpy(), many["longitude"].to_numpy(), bounds).sum())
    clusters = [c for c in fmap._children["events"]._children.values() if isinstance(c, ClusterLayer)]
    assert expected > DETAIL_LIMIT and plan.clustered and len(clusters) == 1
    assert sum(row[2] for row in clusters[0].rows) == plan.in_view == expected
    page = briefing_html(big, layout)
    assert f"{expected:,} of the 6,000 events are in view, grouped into {len(plan.rows):,} clusters" in page
    # no single marker: the HTML's events layer only fills the list of events
    assert ('"rows":[]' in page) if layout == "html" else ("L.circleMarker(ll" not in page)
    if layout in LIST_LIMITS:
        limit = LIST_LIMITS[layout]
        assert f"The first {limit:,} of 6,000 events by date are listed" in page
        assert "Events shown (6,000)" in page
    if layout == "pdf":
        assert page.count("<tr><td>") == limit + len(sources_cited(many, dataset.sources))


def test_few_events_in_a_big_dataset_are_drawn_one_by_one_with_their_halos(dataset, many):
    damascus = MapView((33.51, 36.29), 12)
    big = Briefing(dataclasses_replace(dataset, events=many), EventFilter(), damascus)
    fmap, plan = build_export_map(big.dataset, big.events, damascus, big.colors(), map_px=MAP_PX["html"])
    layer = fmap._children["events"]._children["events_layer"]
    assert not plan.clustered and 0 < plan.in_view == len(layer.rows) <= DETAIL_LIMIT
    halos = {row[3] for row in layer.rows}
    assert halos <= {0, 25_000, 75_000} and len(halos) > 1


def test_the_dashboard_and_the_exports_draw_events_with_one_layer(dataset):
    colors = category_colors(dataset.events["event_type"])
    fmap, _plan = build_export_map(dataset, dataset.events, MapView((34.85, 38.7), 6.75), colors)
    page = fmap.get_root().render()
    assert page.count("L.circleMarker(ll") == 2  # one events layer: each marker, and the selection ring on click
    assert "ExportEventsLayer" not in page
