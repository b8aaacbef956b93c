"""Building the map: offline assets, one compact events payload, escaped text everywhere, labels by zoom."""

import base64
import json
import re
from pathlib import Path

import folium
import folium.plugins
import numpy as np
import pandas as pd
import pytest
from map_args import events_layers, rows_on_map

from utils.core.escaping import escape_text
from utils.data.dataset import load_dataset
from utils.map.assets import STATIC_DIR, VENDORED, asset_links, bundle_text, localize_assets
from utils.map.basemap_layer import basemap_payload, label_rows, place_zoom
from utils.map.event_layer import EventsLayer
from utils.map.mapping import (
    CANDIDATE_COLORS,
    build_base_map,
    build_candidate_layer,
    build_events_layer,
    category_colors,
)
from utils.map.payload import COORD_SCALE, decode_columns, event_payload, payload_columns, strings_of
from utils.map.settings import COLOR_BY_CHOICES
from utils.map.style import informative_color_by

DATA = Path(__file__).resolve().parent.parent / "data"
PAYLOAD = "<img src=x onerror=alert(1)> ${alert(2)} \\` </script><script>alert(3)</script>"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def test_every_asset_is_served_from_the_project(dataset):
    """Served one by one (as an export inlines them): Leaflet first, then the project's core.js (what the others
    use), every file of VENDORED, each on disk."""
    fmap = build_base_map(dataset.basemap, dataset.sites)
    build_events_layer(dataset.events, category_colors(dataset.events["event_type"])).add_to(fmap)
    localize_assets(fmap, one_script=False)
    links = asset_links(fmap)
    own = [link.split("app/static/", 1)[1] for link in links if "/static/app/" in link]
    assert own[0] == "app/core.js", "the map loads its own code, core.js (what the others use) first"
    assert set(own) == {path for path in VENDORED.values() if path.startswith("app/")}
    for link in links:
        assert not re.match(r"^(https?:)?//", link), link
        assert (STATIC_DIR / link.split("app/static/", 1)[1]).is_file(), link
    for relative in VENDORED.values():
        assert (STATIC_DIR / relative).stat().st_size > 1000


def test_the_dashboard_loads_the_maps_scripts_as_one_file(dataset):
    """streamlit-folium loads a map's scripts one after another: the dashboard's map asks for one bundle (named by
    its content) holding every script of VENDORED in order, then the stylesheet."""
    fmap = build_base_map(dataset.basemap, dataset.sites)
    scripts = [src for _, src in fmap.default_js]
    assert len(scripts) == 1 and re.fullmatch(r"\.\./\.\./app/static/built/map-[0-9a-f]{16}\.js", scripts[0]), scripts
    bundle = (STATIC_DIR / scripts[0].split("app/static/", 1)[1]).read_text(encoding="utf-8")
    assert bundle == bundle_text()
    starts = [bundle.index(f"static/{VENDORED[name]} ----") for name in VENDORED if name.endswith(".js")]
    assert starts == sorted(starts), "in VENDORED's order: Leaflet, its heat plugin, core.js, then the rest"
    body = (STATIC_DIR / VENDORED["eventmap-badges.js"]).read_text(encoding="utf-8").rstrip()
    assert body in bundle
    assert "sourceMappingURL" not in bundle
    assert [href for _, href in fmap.default_css] == ["../../app/static/" + VENDORED["leaflet.css"]]
    heat = folium.plugins.HeatMap([[35.0, 36.0]])
    group = folium.FeatureGroup().add_child(heat)
    localize_assets(group)
    assert [src for _, src in heat.default_js] == scripts, "the heat plugin is in the bundle, not loaded again"


def test_a_changed_script_makes_a_new_bundle_and_removes_the_old(tmp_path, monkeypatch):
    import utils.map.assets as assets

    static = tmp_path / "static"
    for relative in VENDORED.values():
        (static / relative).parent.mkdir(parents=True, exist_ok=True)
        (static / relative).write_bytes((STATIC_DIR / relative).read_bytes())
    monkeypatch.setattr(assets, "STATIC_DIR", static)
    monkeypatch.setattr(assets, "BUNDLE_DIR", static / "built")
    first = assets.map_script_bundle()
    assert first and (static / first).is_file()
    with (static / VENDORED["eventmap-badges.js"]).open("a", encoding="utf-8") as handle:
        handle.write("\n/* a change */\n")
    second = assets.map_script_bundle()
    assert second != first and "/* a change */" in (static / second).read_text(encoding="utf-8")
    assert sorted(p.name for p in (static / "built").iterdir()) == [second.split("/")[1]], "the old one is gone"


def test_an_unwritable_static_folder_falls_back_to_one_file_each(tmp_path, monkeypatch, server_log):
    import utils.map.assets as assets

    blocked = tmp_path / "built"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setattr(assets, "BUNDLE_DIR", blocked)
    monkeypatch.setattr(assets, "_built", {})
    fmap = folium.Map(tiles=None)
    localize_assets(fmap)
    assert [name for name, _ in fmap.default_js] == [name for name in VENDORED if name.endswith(".js")]
    assert "WARNING utils.map.assets could not write the map's script bundle" in server_log.text
    assert "one by one" in server_log.text


def test_rendered_page_names_no_outside_host(dataset):
    fmap = build_base_map(dataset.basemap, dataset.sites)
    build_events_layer(dataset.events, category_colors(dataset.events["event_type"])).add_to(fmap)
    page = fmap.get_root().render()
    hosts = set(re.findall(r"(?:src|href)=[\"']((?:https?:)?//[^\"']+)", page))
    assert hosts == set()


def test_a_plugin_needing_a_cdn_is_refused():
    fmap = folium.Map(tiles=None)
    folium.plugins.MarkerCluster().add_to(fmap)
    with pytest.raises(ValueError, match="not vendored"):
        localize_assets(fmap)


def test_the_basemap_goes_by_url_when_asked_so_layer_changes_do_not_carry_it(dataset):
    inline = build_base_map(dataset.basemap, dataset.sites).get_root().render()
    by_url = build_base_map(dataset.basemap, dataset.sites, basemap_url="../files/basemap-x.json").get_root().render()
    assert "Orontes" not in by_url and "Orontes" in inline and '"../files/basemap-x.json"' in by_url
    assert len(inline) - len(by_url) > 250_000  # the borders, governorates, rivers and names


def test_all_events_are_one_layer_not_one_object_each(dataset):
    layer = build_events_layer(dataset.events, category_colors(dataset.events["event_type"]))
    layers = [c for c in layer._children.values() if isinstance(c, EventsLayer)]
    assert len(layers) == 1 and layers[0].payload["n"] == len(dataset.events)
    assert not [c for c in layer._children.values() if isinstance(c, (folium.Marker, folium.CircleMarker))]


def _payload(events, colors=None, **options):
    return event_payload(events, colors or {}, "event_type", **options)


def test_positions_round_trip_to_a_metre_and_keep_the_given_order(dataset):
    events = dataset.events.sample(frac=1.0, random_state=3)
    payload = _payload(events)
    columns = decode_columns(payload)
    lat = payload["origin"][0] + columns["lat"] / COORD_SCALE
    lon = payload["origin"][1] + columns["lon"] / COORD_SCALE
    assert np.abs(lat - events["latitude"].to_numpy()).max() < 1e-5
    assert np.abs(lon - events["longitude"].to_numpy()).max() < 1e-5
    assert payload["ids"] == events["event_id"].tolist()
    assert strings_of(payload, "place") == events["location"].tolist()


@pytest.mark.parametrize("values, kind, base", [
    ([0, 1, 255], "u1", 0),
    ([6043, 6044, 6130], "u1", 6043),  # strings after 6,043 others still take one byte each
    ([1, 489, 65536], "u2", 1),  # 65,535 above its base: two bytes
    ([1, 489, 65537], "u3", 1),
    ([70_000, 0, 350_123], "u3", 0),
    ([5, 2**32 - 1], "u4", 5),
    ([7], "u1", 7),
])
def test_columns_are_packed_less_their_base_in_byte_planes_and_read_back(values, kind, base):
    from utils.map.payload import _pack

    cols, layout = _pack({"x": np.array(values), "after": np.array([3] * len(values))})
    assert layout["x"][0] == kind and layout["x"][2] == base
    raw = base64.b64decode(cols)
    width, n = int(kind[1]), len(values)
    lowest = [(v - base) & 0xFF for v in values]
    assert list(raw[:n]) == lowest  # the lowest byte of every value comes first
    assert layout["after"][1] % 4 == 0 and layout["after"][1] >= width * n
    read = decode_columns({"cols": cols, "n": n, "layout": layout})
    assert read["x"].tolist() == values and read["after"].tolist() == [3] * n


@pytest.mark.parametrize("columns", [
    [["a", "b", "a", "c"], [1, 1, 1, 2]],
    [["x", None, "x", None], ["p", "p", "q", "p"]],  # a missing value is a value of its own
    [pd.to_datetime(["2024-01-02", None, "2024-01-02"]), ["day", "day", "month"]],
    [["only"], [0], [True]],
])
def test_combinations_are_a_multiindex_factorized_in_order_of_first_appearance(columns):
    from utils.core.combinations import value_combinations

    series = [pd.Series(column) for column in columns]
    codes, found = value_combinations(series)
    expected_codes, expected = pd.factorize(pd.MultiIndex.from_arrays(series), sort=False)
    assert codes.tolist() == expected_codes.tolist()
    assert [tuple(map(str, f)) for f in found] == [tuple(map(str, e)) for e in expected]


@pytest.mark.parametrize("color_by", COLOR_BY_CHOICES)
@pytest.mark.parametrize("details", ["none", "tooltip"])
def test_a_plan_kept_with_only_the_payload_columns_makes_the_same_payload(dataset, color_by, details):
    """ui.map_layer keeps a layer plan in payload_columns only (a third of the memory): nothing else is read."""
    events = dataset.events.copy()
    colors = category_colors(events[color_by].value_counts().index, color_by)
    whole = event_payload(events, colors, color_by, details=details)
    narrow = event_payload(events[payload_columns(color_by)], colors, color_by, details=details)
    assert narrow == whole
    assert len(payload_columns(color_by)) < len(events.columns) / 2


def test_styles_follow_colour_and_status_and_hold_the_halo(dataset):
    colors = category_colors(dataset.events["event_type"])
    payload = _payload(dataset.events, colors)
    styles = [payload["styles"][code] for code in decode_columns(payload)["style"]]
    by_id = dict(zip(payload["ids"], styles))
    assert by_id["EV0021"]["fillColor"] == colors["Explosions/Remote violence"] != colors["Strategic developments"]
    assert by_id["EV0021"]["dashArray"] == "3 3" and "dashArray" not in by_id["EV0005"]  # claimed vs reported
    assert by_id["EV0001"]["halo"] == 0 and by_id["EV0021"]["halo"] == 25_000 and by_id["EV0022"]["halo"] == 75_000
    assert {s["halo"] for s in _payload(dataset.events, halos=False)["styles"]} == {0}
    layer = build_events_layer(dataset.events, colors)
    legend = next(c for c in layer._children.values() if type(c).__name__ == "EventLegend")
    assert "Strategic developments (25)" in legend.html


def test_each_distinct_string_is_stored_once_and_ids_stop_at_the_text_limit(dataset):
    payload = _payload(dataset.events, list_rows=[["SouthFront", "<b>x</b>"]])
    assert len(payload["strings"]) == len(set(payload["strings"]))
    assert [payload["strings"][i] for i in payload["list"][0]] == ["SouthFront", "&#60;b&#62;x&#60;/b&#62;"]
    assert _payload(dataset.events, text_limit=10)["ids"] is None  # more events than that: tooltips without ids
    lean = _payload(dataset.events, details="none")
    assert lean["ids"] is None and lean["records"] is None
    full = _payload(dataset.events, details="record")
    assert len(full["records"]) == 30 and "Place precision" in full["labels"]


@pytest.mark.parametrize("column", ["notes", "location", "claimed_by", "source", "event_id", "sub_event_type"])
def test_a_script_payload_in_any_event_text_reaches_the_page_escaped(dataset, column):
    events = dataset.events.copy()
    events.loc[0, column] = PAYLOAD
    fmap = build_base_map(dataset.basemap, dataset.sites)
    build_events_layer(events, category_colors(events["event_type"]), popups="full").add_to(fmap)
    page = fmap.get_root().render()
    assert "<img src=x" not in page and "${alert" not in page and "</script><script>alert" not in page
    assert "&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;" in page.replace("\\u0026", "&")


def test_escaped_payload_survives_json_as_the_same_entities(dataset):
    events = dataset.events.copy()
    events.loc[0, "location"] = PAYLOAD
    payload = json.loads(json.dumps(_payload(events)))
    place = strings_of(payload, "place")[0]
    assert "&#60;script&#62;" in place and "&#96;" in place and "&#36;" in place and "&#92;" in place


@pytest.mark.parametrize(("population", "capital", "country", "zoom"), [
    (2_466_000, "national", "SY", 5.0),   # Damascus
    (4_318, "admin1", "SY", 6.0),         # Quneitra: a governorate capital from zoom 6, whatever its size
    (162_980, "admin1", "SY", 6.0),       # Tartus
    (65_915, None, "SY", 8.0),            # Jableh
    (39_066, None, "SY", 9.0),            # Baniyas
    (12_000, None, "SY", 10.0),
    (65_915, None, "TR", 8.5),            # abroad, half a zoom later
])
def test_place_names_show_by_population_and_zoom(population, capital, country, zoom):
    assert place_zoom(population, capital, country)[0] == zoom


def test_the_basemap_has_names_in_english_and_arabic_rivers_lakes_and_its_attribution(dataset):
    places, labels = label_rows(dataset.basemap)
    by_name = {row[5]: row for row in places}
    assert by_name["Jablah"][6] == "جبلة" and by_name["Jablah"][3] == 8.0
    kinds = {row[2] for row in labels}
    assert {"sea", "country", "region", "admin1", "water", "airport"} <= kinds
    assert "Orontes" in {row[5] for row in labels}  # the GSHHG rivers (LGPL-3.0, their own file)
    payload = basemap_payload(dataset.basemap)
    assert "GeoNames" in payload["attribution"] and "GSHHG" in payload["attribution"]
    assert len(payload["rivers"]["features"]) >= 16 and len(payload["lakes"]["features"]) == 6


def test_colour_by_falls_back_when_one_value_covers_nearly_every_event(dataset):
    events = dataset.events.copy()
    events["event_type"] = "Battles"
    column, note = informative_color_by(events, "event_type", COLOR_BY_CHOICES)
    assert column != "event_type" and note == "Battles is 100% of the events shown"
    assert informative_color_by(dataset.events, "event_type", COLOR_BY_CHOICES)[0] == "event_type"  # 83%: kept


def _candidates(**changes) -> pd.DataFrame:
    """Three candidates of one article, numbered from 1, two at one place (Jableh) and one at Tartus."""
    frame = pd.DataFrame({
        "accept": [True, False, False],
        "event_date": [pd.Timestamp("2023-07-18").date(), pd.Timestamp("2023-07-18").date(),
                       pd.Timestamp("2023-07-19").date()],
        "date_precision": ["day", "day", "week"], "location": ["Jableh", "Jableh", "Tartus"],
        "sub_event_type": ["Air/drone strike", "Armed clash", "Shelling/artillery/missile attack"],
        "status": ["claimed", "disputed", "reported"], "geo_precision": ["1", "1", "2"],
        "latitude": [35.3617, 35.3617, 34.889], "longitude": [35.9256, 35.9256, 35.886],
    }, index=[1, 2, 3])
    for column, values in changes.items():
        frame[column] = values
    return frame


def _layer_script(group) -> str:
    fmap = folium.Map(tiles=None)
    group.add_to(fmap)
    return fmap.get_root().render()


def test_an_articles_candidates_are_numbered_and_coloured_by_review_on_the_events_layer():
    """The review's small map draws the candidates with the dashboard's events layer (so two at one place fan out
    as events do, never one over the other), numbered as in the table, red once accepted."""
    candidates = _candidates()
    before = candidates.copy()
    script = _layer_script(build_candidate_layer(candidates))
    [(payload, options)] = events_layers(script)
    assert payload["n"] == 3 and options["numbered"] is True
    assert payload["ids"] == ["candidate 1", "candidate 2", "candidate 3"]
    fills = [payload["styles"][code]["fillColor"] for code in decode_columns(payload)["style"]]
    assert fills == [CANDIDATE_COLORS["accepted"], CANDIDATE_COLORS["to review"], CANDIDATE_COLORS["to review"]]
    assert [row["status"] for row in rows_on_map(script)] == ["claimed", "disputed", "reported"]
    pd.testing.assert_frame_equal(candidates, before)  # the caller's frame is not changed


@pytest.mark.parametrize(("latitude", "drawn"), [
    ([35.3617, None, 34.889], ["candidate 1", "candidate 3"]),        # a blank place edited in the table
    ([35.3617, "north", 34.889], ["candidate 1", "candidate 3"]),     # not a number
    ([35.3617, 135.0, 34.889], ["candidate 1", "candidate 3"]),       # not a latitude
])
def test_a_candidate_without_a_place_is_left_off_and_the_markers_lose_their_numbers(latitude, drawn):
    [(payload, options)] = events_layers(_layer_script(build_candidate_layer(_candidates(latitude=latitude))))
    assert payload["ids"] == drawn and options["numbered"] is False  # a number would no longer be the row's


def test_a_hostile_place_typed_into_the_review_table_stays_text_on_its_map():
    from payloads import PAYLOADS

    hostile = _candidates(location=[PAYLOADS["img_onerror"], PAYLOADS["close_script"], "Tartus"])
    script = _layer_script(build_candidate_layer(hostile))
    assert "<img" not in script.split("EventMap.EventsLayer", 1)[1] and "</script><script>" not in script
    places = [row["place"] for row in rows_on_map(script)]
    assert places[0] == escape_text(PAYLOADS["img_onerror"]) and places[1] == escape_text(PAYLOADS["close_script"])
