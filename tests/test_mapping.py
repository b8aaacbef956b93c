"""Building the map: offline assets, one layer for all events, escaped text everywhere."""

import json
import re
from pathlib import Path

import folium
import folium.plugins
import pytest

from utils.assets import STATIC_DIR, VENDORED, asset_links, localize_assets
from utils.dataset import load_dataset
from utils.event_layer import ROW_FIELDS, EventsLayer, event_rows
from utils.mapping import (
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


def test_colours_follow_the_event_type_and_the_legend_counts_them(dataset):
    colors = category_colors(dataset.events["event_type"])
    rows, styles = event_rows(dataset.events, colors, "event_type", STATUS_OUTLINES, OTHER_COLOR, 7)
    field = {name: i for i, name in enumerate(ROW_FIELDS)}
    by_id = {row[field["id"]]: styles[row[field["style"]]]["fillColor"] for row in rows}
    assert by_id["EV0021"] == colors["Explosions/Remote violence"] != colors["Strategic developments"]
    dashed = {row[field["id"]]: styles[row[field["style"]]].get("dashArray") for row in rows}
    assert dashed["EV0021"] == "3 3" and dashed["EV0005"] is None    # claimed vs reported
    layer = build_events_layer(dataset.events, colors)
    legend = next(c for c in layer._children.values() if type(c).__name__ == "EventLegend")
    assert "Strategic developments (25)" in legend.html


def test_rows_carry_lat_lon_and_halo_for_imprecise_places(dataset):
    rows, _ = event_rows(dataset.events, {}, "event_type", STATUS_OUTLINES, OTHER_COLOR, 7)
    field = {name: i for i, name in enumerate(ROW_FIELDS)}
    by_id = {row[field["id"]]: row for row in rows}
    first = dataset.events.loc[0]
    assert (by_id["EV0001"][field["lat"]], by_id["EV0001"][field["lon"]]) == (first["latitude"], first["longitude"])
    assert by_id["EV0001"][field["halo_m"]] == 0                      # geo_precision 1
    assert by_id["EV0021"][field["halo_m"]] == 25_000                 # geo_precision 2
    assert by_id["EV0022"][field["halo_m"]] == 75_000                 # geo_precision 3
    assert "halo of 25 km" in by_id["EV0021"][field["precision"]]
    assert by_id["EV0021"][field["nearest"]].startswith("Al-Tanf garrison, 0.0 km")


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
    rows, _ = event_rows(events, {}, "event_type", STATUS_OUTLINES, OTHER_COLOR, 7)
    notes = json.loads(json.dumps(rows))[0][ROW_FIELDS.index("notes")]
    assert "&#60;script&#62;" in notes and "&#96;" in notes and "&#36;" in notes and "&#92;" in notes
