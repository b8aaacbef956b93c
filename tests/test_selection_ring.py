"""The selected event is ringed by the browser, given its place in the payload; the ring never takes clicks."""

from __future__ import annotations

from pathlib import Path

from utils.data.dataset import load_dataset
from utils.map.event_layer import EventsLayer
from utils.map.mapping import build_events_layer, category_colors

DATA = Path(__file__).resolve().parent.parent / "data"
SCRIPT = Path(__file__).resolve().parent.parent / "static" / "app" / "events.js"


def test_the_layer_is_told_which_event_to_ring_by_its_place_in_the_payload():
    events = load_dataset(DATA).events
    layer = build_events_layer(events, category_colors(events["event_type"]), selected="EV0021")
    events_layer = next(c for c in layer._children.values() if isinstance(c, EventsLayer))
    assert events_layer.payload["ids"][events_layer.options["selected"]] == "EV0021"
    unknown = build_events_layer(events, category_colors(events["event_type"]), selected="EV9999")
    assert next(c for c in unknown._children.values() if isinstance(c, EventsLayer)).options["selected"] is None


def test_the_ring_is_drawn_only():
    source = SCRIPT.read_text()
    ring = source[source.index("self._ringLayer = L.circleMarker("):]
    assert "interactive: false" in ring[:300]
