"""Briefing exports without a browser: the permalink, the page's caption and safety, the CLI's CSV and GeoJSON."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
from dataclasses import replace as dataclasses_replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from conftest import DATA, PAYLOADS
from map_args import events_layers
from payloads import PAYLOADS as PAYLOAD_TEXTS
from payloads import SAFE_LINK

from benchmarks.synthetic import synthetic_events
from utils.__main__ import main
from utils.analysis.filters import EventFilter
from utils.core.dates import add_date_windows
from utils.core.escaping import escape_text
from utils.data.dataset import derive_columns, load_dataset
from utils.data.validation import validate_events
from utils.export.briefing import Briefing
from utils.export.caption import caption_lines, data_cutoff, date_time_group
from utils.export.document import LIST_LIMITS, MAP_PX, banner_template, briefing_html, export_map_of
from utils.export.export_map import NUMBER_LIMIT, build_export_map
from utils.export.lists import event_rows, sources_cited
from utils.export.permalink import MapView, dashboard_address, permalink, view_from_map_state, view_from_query
from utils.map.aggregate import in_view
from utils.map.mapping import category_colors
from utils.map.settings import MapSettings
from utils.map.view_layer import DETAIL_LIMIT, default_viewport


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
    view = MapView((35.4, 35.95), 9)
    briefing = Briefing(dataset, value, view, base_url="http://analyst.example:8501/?x=1")
    lines = dict(caption_lines(briefing, view=view))
    assert lines["Shown"] == ("Showing 11 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront, "
                              "within 50 km of Khmeimim air base; 9 of them dated only to the week, month or year")
    assert lines["Shown"] == value.caption(11, 30, 9, site_names={"khmeimim": "Khmeimim air base"}), \
        "the export says what is shown in the dashboard's own words"
    assert lines["Dates"] == "2025-03-01 to 2025-04-30"
    assert lines["Sources"] == "SouthFront" and lines["Claimed by"] == "all claimants"
    assert lines["Distance"] == "within 50 km of Khmeimim air base"
    assert lines["Events"] == "11 shown of 30 in the data"
    assert lines["Data cut-off"] == f"latest event week of 2025-04-24 (within 3 days); data version {dataset.version}"
    assert len(dataset.version) == 10
    assert re.fullmatch(r"\d{6}Z [A-Z]{3} \d\d \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)", lines["Made (DTG)"])
    assert "Natural Earth" in lines["Map data"] and "geoBoundaries" in lines["Map data"]
    assert lines["Permalink"] == permalink("http://analyst.example:8501/", value, view)
    assert lines["View"] == "centre 35.4000, 35.9500, zoom 9"
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
        (["--lat", "35", "--lon", "36", "--zoom", "30"], "zoom 30.0 is outside 4..17"),
        (["--zoom", "9"], "--lat, --lon missing: give --lat, --lon and --zoom together, or none of them"),
        (["--base-url", "ftp://x"], "--base-url 'ftp://x' is not an http(s) address"),
        (["--banner", "x" * 81], "keep it to 80"),
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
    lines = dict(caption_lines(Briefing(dataset, EventFilter(), view, base_url="http://localhost:8501/",
                                        settings=settings), view=view))
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
    rings = json.loads(re.search(r"new EventMap\.RingsLayer\((\[.*?\]\])", page).group(1))
    assert sorted(km for _lat, _lon, km in rings) == sorted([3, 10, 70] * 4)  # three rings around each of four bases
    assert "L.heatLayer(" in page and "simpleheat" in page and "inline-asset:" not in page  # heat script inlined
    text = html.unescape(page)
    assert "colour: Status; shown as a heatmap; range rings at 3, 10, 70 km" in text
    assert "rings=3%2C10%2C70" in text and "heat=1" in text and "colour=status" in text  # the permalink
    # a heatmap's legend is the heatmap's own scale, not the colours of markers it does not draw (issue 13)
    assert '\\u003cdiv class=\\"title\\"\\u003eEvent density (heatmap)\\u003c/div\\u003e' in page


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
    drawn = build_export_map(big.dataset, big.events, view, colors, map_px=MAP_PX[layout])
    fmap, plan = drawn.fmap, drawn.plan
    bounds = default_viewport(view.center, view.zoom, *MAP_PX[layout])
    expected = int(in_view(many["latitude"].to_numpy(), many["longitude"].to_numpy(), bounds).sum())
    layer = fmap._children["events"]._children["events_layer"]
    assert expected > DETAIL_LIMIT and plan.clustered and layer.payload["clusters"] == plan.rows
    assert sum(row[2] for row in layer.payload["clusters"]) == plan.in_view == expected
    page = briefing_html(big, layout)
    assert f"{expected:,} of the 6,000 events are in view, grouped into {len(plan.rows):,} clusters" in page
    # no single marker: the HTML's events layer only fills the list of events
    assert layer.payload["n"] == 0
    if layout in LIST_LIMITS:
        limit = LIST_LIMITS[layout]
        assert f"The first {limit:,} of 6,000 events by date are listed" in page
        assert "Events shown (6,000), numbered as on the map" in page
    if layout == "pdf":
        assert page.count("<tr><td>") == limit + len(sources_cited(many, dataset.sources))


def test_few_events_in_a_big_dataset_are_drawn_one_by_one_with_their_halos(dataset, many):
    damascus = MapView((33.51, 36.29), 12)
    big = Briefing(dataclasses_replace(dataset, events=many), EventFilter(), damascus)
    drawn = build_export_map(big.dataset, big.events, damascus, big.colors(), map_px=MAP_PX["html"])
    layer = drawn.fmap._children["events"]._children["events_layer"]
    assert not drawn.plan.clustered and NUMBER_LIMIT < drawn.plan.in_view == len(layer.rows) <= DETAIL_LIMIT
    assert not drawn.numbered and "numbered_markers" not in drawn.fmap._children  # too many to number
    halos = {row[3] for row in layer.rows}
    assert halos <= {0, 25_000, 75_000} and len(halos) > 1
    assert dict(caption_lines(big, drawn.plan, damascus, drawn))["Numbers"] == (
        f"markers are numbered when at most {NUMBER_LIMIT} events are in view; zoom in or filter")


def test_up_to_the_number_limit_in_view_each_event_is_numbered_with_its_halo_at_its_true_place(dataset, many):
    closer = MapView((33.51, 36.29), 13.5)
    big = Briefing(dataclasses_replace(dataset, events=many), EventFilter(), closer)
    drawn = build_export_map(big.dataset, big.events, closer, big.colors(), map_px=MAP_PX["html"])
    layer = drawn.fmap._children["events"]._children["events_layer"]
    numbered = drawn.fmap._children["numbered_markers"]
    assert 10 < len(numbered.rows) == len(layer.rows) == len(drawn.placements) <= NUMBER_LIMIT
    assert {row[3] for row in layer.rows} == {0}  # no halo around the moved marker ...
    halos = {row[6] for row in numbered.rows}  # ... but around the true position
    assert halos <= {0, 25_000, 75_000} and len(halos) > 1
    # the numbers are the events' rows in the list (by date, then id), not their order in view
    listed = dict(zip(big.events["event_id"], big.events["list_number"]))
    shown = [layer.table.text(row, 5) for row in layer.rows]
    assert [p.number for p in drawn.placements] == [listed[i] for i in shown]
    for row, placement in zip(numbered.rows, drawn.placements):
        assert row[4] == placement.number


def test_the_dashboard_and_the_exports_draw_events_with_one_layer(dataset):
    colors = category_colors(dataset.events["event_type"])
    drawn = build_export_map(dataset, dataset.events, MapView((34.85, 38.7), 6.75), colors)
    page = drawn.fmap.get_root().render()
    assert page.count("new EventMap.EventsLayer(") == 1  # one events layer, the dashboard's
    assert "ExportEventsLayer" not in page


@pytest.mark.parametrize(
    ("moment", "group"),
    [
        (datetime(2026, 12, 1, 11, 5, tzinfo=UTC), "011105Z DEC 26"),
        (datetime(2025, 3, 9, 0, 0, tzinfo=UTC), "090000Z MAR 25"),
        (datetime(2025, 1, 1, 1, 30, tzinfo=timezone(timedelta(hours=3))), "312230Z DEC 24"),  # Damascus time
    ],
)
def test_date_time_group_is_in_utc(moment, group):
    assert date_time_group(moment) == group


def test_data_cut_off_is_the_latest_event_as_precisely_as_known(dataset):
    assert data_cutoff(dataset.events) == "week of 2025-04-24 (within 3 days)"
    assert data_cutoff(dataset.events.iloc[:0]) == ""


@pytest.mark.parametrize(
    ("configured", "browser", "address"),
    [
        ("https://events.example.org/", "http://10.1.2.3:8501/map", "https://events.example.org/"),
        (None, "http://analyst-laptop:8501/map", "http://analyst-laptop:8501/map"),
        ("", "https://dash.example/", "https://dash.example/"),
        ("javascript:alert(1)", "https://dash.example/", "https://dash.example/"),
        (None, None, ""),
        ("not a url", "", ""),
    ],
)
def test_the_permalink_address_is_the_configured_one_else_the_browsers_never_a_guess(configured, browser, address):
    assert dashboard_address(configured, browser) == address


def test_with_no_address_known_the_permalink_is_the_query_and_says_where_it_goes(dataset):
    value = EventFilter(start=date(2025, 3, 1))
    view = MapView((35.2, 36), 8)
    assert permalink("", value, view) == "?start=2025-03-01&lat=35.2000&lon=36.0000&zoom=8"
    lines = dict(caption_lines(Briefing(dataset, value, view), view=view))
    assert lines["Permalink"].startswith("?start=2025-03-01&lat=35.2000") and "EVENTMAP_BASE_URL" in lines["Permalink"]
    assert "localhost" not in briefing_html(Briefing(dataset, value, view), "slide")


def _window(dataset, **options) -> Briefing:
    return Briefing(dataset, EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30)), **options)


def test_the_list_numbers_events_by_date_then_id_as_their_markers_do(dataset):
    briefing = _window(dataset)
    rows = event_rows(briefing.events)
    assert [r["No."] for r in rows] == [str(n) for n in range(1, 15)]
    assert [r["Id"] for r in rows] == list(briefing.events.sort_values(["event_date", "event_id"])["event_id"])
    assert rows[0]["Id"] == "EV0016" and rows[-1]["Id"] == "EV0006"
    drawn, view = export_map_of(briefing, "slide")
    assert view.zoom >= 9 and drawn.numbered
    assert sorted(p.number for p in drawn.placements) == list(range(1, 15))
    numbered = drawn.fmap._children["numbered_markers"]
    assert sorted(row[4] for row in numbered.rows) == list(range(1, 15))
    by_number = {row[4]: row for row in numbered.rows}
    for event in briefing.events.itertuples():  # each badge's true position is its event's
        row = by_number[event.list_number]
        assert (row[0], row[1]) == pytest.approx((event.latitude, event.longitude))
    pdf = briefing_html(briefing, "pdf")
    first = re.search(r'<table class="events">.*?<tbody><tr>(.*?)</tr>', pdf).group(1)
    cells = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", first)]
    assert cells[:3] == ["1", "EV0016", "week of 2025-03-09 (within 3 days)"]
    html_page = briefing_html(briefing, "html")
    table = events_layers(html_page)[0][0]  # the events layer's payload (tests/map_args.py)
    assert [table["strings"][r[0]] for r in table["list"]] == [str(n) for n in range(1, 15)]
    assert [table["strings"][r[1]] for r in table["list"]] == [r["Id"] for r in rows]


def test_the_slide_and_print_pngs_carry_the_numbered_key_beside_the_map(dataset):
    page = briefing_html(_window(dataset), "slide")
    key = re.search(r'<table class="key">.*?</table>', page).group(0)
    assert re.findall(r"<tr><td>(\d+)</td><td>(EV\d{4})</td>", key)[:2] == [("1", "EV0016"), ("2", "EV0007")]
    assert key.count("<tr><td>") == 14 and "~2025-03-09" in html.unescape(key)


def test_cli_without_a_view_frames_the_filtered_events(tmp_path, capsys):
    out = tmp_path / "window.html"
    assert main(["export", "--start", "2025-03-01", "--end", "2025-04-30", "--format", "html", "--out", str(out),
                 "--base-url", "https://events.example.org/"]) == 0, capsys.readouterr().err
    text = html.unescape(out.read_text(encoding="utf-8"))
    view = re.search(r"centre ([\d.]+), ([\d.]+), zoom ([\d.]+) \(framed on the events shown\)", text)
    assert view and float(view.group(3)) >= 9
    assert f"https://events.example.org/?start=2025-03-01&end=2025-04-30&lat={view.group(1)}" in text
    out_all = tmp_path / "all.html"
    assert main(["export", "--format", "html", "--out", str(out_all)]) == 0
    assert "zoom 7" in html.unescape(out_all.read_text(encoding="utf-8"))  # spread across Syria: all of it


@pytest.mark.parametrize("layout", ["html", "slide", "print"])
def test_the_banner_is_escaped_text_at_the_top_and_the_bottom(dataset, layout):
    payload = PAYLOAD_TEXTS["script"]
    page = briefing_html(_window(dataset, banner=payload), layout)
    banners = re.findall(r'<div class="banner banner-(top|bottom)"[^>]*>(.*?)</div>', page)
    assert [where for where, _ in banners] == ["top", "bottom"]
    assert all(text == escape_text(payload) for _, text in banners)
    assert payload not in page
    top = (page.index('class="banner banner-top"'), page.index("<h1>"), page.index('class="banner banner-bottom"'))
    assert top[0] < top[1] < top[2]
    assert 'class="banner' not in briefing_html(_window(dataset), layout)


def test_the_pdf_prints_the_banner_in_every_pages_margins_escaped(dataset):
    payload = PAYLOAD_TEXTS["close_script"]
    briefing = _window(dataset, banner="TLP:AMBER " + payload)
    template = banner_template(briefing)
    assert escape_text("TLP:AMBER " + payload) in template and payload not in template and "#ffc000" in template
    page = briefing_html(briefing, "pdf")
    assert "@page { margin: 11mm 8mm 11mm; }" in page and 'class="banner' not in page
    assert banner_template(_window(dataset)) == ""


def test_articles_urls_are_links_only_when_http(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    sources = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    sources.loc[sources["doc_id"] == "SF-2025-03", "url"] = SAFE_LINK
    sources.loc[sources["doc_id"] == "SF-2025-04", "url"] = PAYLOAD_TEXTS["javascript_url"]
    sources.to_csv(folder / "sources.csv", index=False)
    briefing = _window(load_dataset(folder))
    for layout in ("pdf", "html"):
        page = briefing_html(briefing, layout)
        table = re.search(r'<table class="sources">.*?</table>', page).group(0)
        links = re.findall(r'<a href="([^"]*)"', table)
        assert [html.unescape(link) for link in links] == [SAFE_LINK]
        assert escape_text(PAYLOAD_TEXTS["javascript_url"]) in table  # shown, as text
        assert 'href="javascript' not in page


def test_a_hostile_dataset_reaches_every_new_sink_as_text(hostile_data_dir):
    dataset = load_dataset(hostile_data_dir)
    briefing = Briefing(dataset, EventFilter(), banner=PAYLOAD_TEXTS["img_onerror"])
    for layout in ("slide", "print", "pdf", "html"):
        page = briefing_html(briefing, layout)
        for payload in (PAYLOAD_TEXTS["script"], PAYLOAD_TEXTS["img_onerror"], PAYLOAD_TEXTS["svg_onload"]):
            assert payload not in page, (layout, payload)
        if layout in ("slide", "print"):
            key = re.search(r'<table class="key">.*?</table>', page).group(0)
            assert "<script" not in key and "<img" not in key


def _panel_link(at) -> str:
    return at.text_input(key="export_permalink").value


@pytest.mark.slow
def test_the_panels_permalink_uses_the_configured_address_and_the_panel_frames_on_request(monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("EVENTMAP_BASE_URL", "https://events.example.org/dash")
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=90)
    at.query_params["start"], at.query_params["end"] = "2025-03-01", "2025-04-30"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    link = _panel_link(at)
    assert link.startswith("https://events.example.org/dash?start=2025-03-01&end=2025-04-30&lat=")
    assert "localhost" not in link
    words = html.unescape(" ".join(c.value for c in at.caption))
    assert "numbered, at the map's centre (34.8500, 38.7000)" in words
    at.radio(key="export_framing").set_value("Frame the events shown").run()
    assert "numbered, framed on the events" in " ".join(c.value for c in at.caption)
    at.text_input(key="export_banner").set_value("TLP:GREEN").run()
    assert not at.exception


def test_events_outside_a_given_view_are_listed_and_the_caption_says_so(dataset):
    tartus = next(s for s in dataset.sites.itertuples() if s.site_id == "tartus")
    view = MapView((tartus.latitude, tartus.longitude), 12)  # Tartus only: Khmeimim's events are off the map
    briefing = _window(dataset, view=view)
    drawn, _view = export_map_of(briefing, "slide")
    assert 0 < len(drawn.placements) < 14 and drawn.numbered
    lines = dict(caption_lines(briefing, drawn.plan, view, drawn))
    assert f"{14 - len(drawn.placements)} listed events are outside this view" in lines["Numbers"]
    assert "(framed" not in lines["View"]
    assert len(event_rows(briefing.events)) == 14  # all still listed, with their numbers
