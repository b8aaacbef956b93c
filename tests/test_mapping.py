"""Building the map: offline assets, one layer for all events, escaped text everywhere."""

import json
import re
from pathlib import Path

import folium
import folium.plugins
import pytest

from utils.data.dataset import load_dataset
from utils.map.assets import STATIC_DIR, VENDORED, asset_links, localize_assets
from utils.map.event_layer import ID, EventsLayer, event_table
from utils.map.mapping import (
    OTHER_COLOR,
    STATUS_OUTLINES,
    build_base_map,
    build_events_layer,
    category_colors,
)

DATA = Path(__file__).resolve().parent.parent / "data"
PAYLOAD = "<img src=x onerror=alert(1)> ${alert(2)} \\` </script><script>alert(3)</script>"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


def test_every_asset_is_served_from_the_project(dataset):
    fmap = build_base_map(dataset.basemap, dataset.sites)
    build_events_layer(dataset.events, category_colors(dataset.events["event_type"])).add_to(fmap)
    links = asset_links(fmap)
    assert links, "the map must load Leaflet"
    for link in links:
        assert not re.match(r"^(https?:)?//", link), link
        assert (STATIC_DIR / link.split("app/static/", 1)[1]).is_file(), link
    for relative in VENDORED.values():
        assert (STATIC_DIR / relative).stat().st_size > 1000


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


def test_all_events_are_one_layer_not_one_object_each(dataset):
    layer = build_events_layer(dataset.events, category_colors(dataset.events["event_type"]))
    layers = [c for c in layer._children.values() if isinstance(c, EventsLayer)]
    assert len(layers) == 1
    assert len(layers[0].rows) == len(dataset.events)
    assert not [c for c in layer._children.values() if isinstance(c, (folium.Marker, folium.CircleMarker))]


def _table(events, colors, **options):
    return event_table(events, colors, "event_type", outlines=STATUS_OUTLINES, other_color=OTHER_COLOR, radius_px=7,
                       **options)


def test_colours_follow_the_event_type_and_the_legend_counts_them(dataset):
    colors = category_colors(dataset.events["event_type"])
    table = _table(dataset.events, colors)
    styles = table["styles"]
    by_id = {table.text(row, ID): styles[row[2]]["fillColor"] for row in table.rows}
    assert by_id["EV0021"] == colors["Explosions/Remote violence"] != colors["Strategic developments"]
    dashed = {table.text(row, ID): styles[row[2]].get("dashArray") for row in table.rows}
    assert dashed["EV0021"] == "3 3" and dashed["EV0005"] is None    # claimed vs reported
    layer = build_events_layer(dataset.events, colors)
    legend = next(c for c in layer._children.values() if type(c).__name__ == "EventLegend")
    assert "Strategic developments (25)" in legend.html


def test_rows_carry_lat_lon_and_halo_for_imprecise_places(dataset):
    table = _table(dataset.events, {})
    by_id = {table.text(row, ID): row for row in table.rows}
    first = dataset.events.loc[0]
    assert by_id["EV0001"][:2] == [round(first["latitude"], 5), round(first["longitude"], 5)]
    assert by_id["EV0001"][3] == 0                      # geo_precision 1
    assert by_id["EV0021"][3] == 25_000                 # geo_precision 2
    assert by_id["EV0022"][3] == 75_000                 # geo_precision 3
    popup = table.popup(by_id["EV0021"])
    assert "halo of 25 km" in popup["Place precision"]
    assert popup["Nearest base"].startswith("Al-Tanf garrison, 0.0 km")
    assert all(row[3] == 0 for row in _table(dataset.events, {}, halos=False).rows)


def test_each_distinct_escaped_string_is_stored_once_and_png_rows_hold_no_text(dataset):
    table = _table(dataset.events, {}, list_rows=[["SouthFront", "<b>x</b>"]])
    assert len(table["strings"]) == len(set(table["strings"]))
    assert "&#60;b&#62;x&#60;/b&#62;" in table["strings"] and "<b>x</b>" not in table["strings"]
    assert [table["strings"][i] for i in table["list"][0]] == ["SouthFront", "&#60;b&#62;x&#60;/b&#62;"]
    lean = _table(dataset.events, {}, details=False)
    assert lean["strings"] == [""] and {len(row) for row in lean.rows} == {4}  # lat, lon, style, halo (m)


@pytest.mark.parametrize("column", ["notes", "location", "claimed_by", "source", "event_id", "sub_event_type"])
def test_a_script_payload_in_any_event_text_reaches_the_page_escaped(dataset, column):
    events = dataset.events.copy()
    events.loc[0, column] = PAYLOAD
    fmap = build_base_map(dataset.basemap, dataset.sites)
    build_events_layer(events, category_colors(events["event_type"]), color_by="event_type").add_to(fmap)
    page = fmap.get_root().render()
    assert "<img src=x" not in page and "${alert" not in page and "</script><script>alert" not in page
    assert "&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;" in page.replace("\\u0026", "&")


def test_escaped_payload_survives_json_as_the_same_entities(dataset):
    events = dataset.events.copy()
    events.loc[0, "notes"] = PAYLOAD
    table = json.loads(json.dumps(_table(events, {})))
    notes = table["strings"][table["rows"][0][ID + 1 + table["labels"].index("Notes")]]
    assert "&#60;script&#62;" in notes and "&#96;" in notes and "&#36;" in notes and "&#92;" in notes
