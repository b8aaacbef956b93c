"""Building the map: offline assets, one layer for all events, escaped text everywhere."""

import json
import re
from pathlib import Path

import folium
import folium.plugins
import pytest

from utils.assets import STATIC_DIR, VENDORED, asset_links, localize_assets
from utils.dataset import load_dataset
from utils.mapping import build_base_map, build_events_layer, category_colors, events_geojson

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


def test_all_events_are_one_geojson_layer_not_one_object_each(dataset):
    layer = build_events_layer(dataset.events, category_colors(dataset.events["event_type"]))
    geojsons = [c for c in layer._children.values() if isinstance(c, folium.GeoJson)]
    assert len(geojsons) == 1
    assert len(geojsons[0].data["features"]) == len(dataset.events)


def test_colours_follow_the_event_type_and_the_legend_counts_them(dataset):
    colors = category_colors(dataset.events["event_type"])
    data = events_geojson(dataset.events, colors)
    by_id = {f["properties"]["event_id"]: f["properties"]["style"]["fillColor"] for f in data["features"]}
    assert by_id["EV0021"] == colors["Explosions/Remote violence"] != colors["Strategic developments"]
    layer = build_events_layer(dataset.events, colors)
    legend = next(c for c in layer._children.values() if type(c).__name__ == "EventLegend")
    assert "Strategic developments (25)" in legend.html


def test_positions_are_lon_lat_in_geojson(dataset):
    data = events_geojson(dataset.events.head(1), {})
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert (lat, lon) == (dataset.events.loc[0, "latitude"], dataset.events.loc[0, "longitude"])


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
    data = events_geojson(events, {})
    popup = json.loads(json.dumps(data))["features"][0]["properties"]["popup"]
    assert "&#60;script&#62;" in popup and "&#96;" in popup and "&#36;" in popup and "&#92;" in popup
