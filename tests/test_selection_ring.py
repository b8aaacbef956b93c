"""The ring around the selected event is drawn only: clicks pass through it to the events beside it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import folium

from utils.data.dataset import load_dataset
from utils.map.mapping import build_events_layer, category_colors

DATA = Path(__file__).resolve().parent.parent / "data"


def test_the_selection_ring_does_not_take_clicks():
    events = load_dataset(DATA).events
    layer = build_events_layer(events, category_colors(events["event_type"]), selected=(35.35, 35.917))
    fmap = folium.Map()
    layer.add_to(fmap)
    html = fmap.get_root().render()
    rings = [json.loads(options) for options in re.findall(r"L\.circleMarker\(\s*\[[^\]]*\],\s*(\{.*?\})\s*\)", html, re.S)
             if "#ffcc00" in options]
    assert len(rings) == 1
    assert rings[0]["interactive"] is False and rings[0]["pane"] == "eventsPane"
