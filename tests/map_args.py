"""Reading what a map was given: the events payload and options inside a layer's JavaScript
(AppTest sees st_folium as an unknown element, so tests read its arguments)."""

from __future__ import annotations

import json
import re

from utils.map.payload import decode_columns

_START = re.compile(r"new EventMap\.EventsLayer\(")


def events_layers(script: str) -> list[tuple[dict, dict]]:
    """Each (payload, options) handed to ``EventMap.EventsLayer`` in ``script``."""
    decoder = json.JSONDecoder()
    found = []
    for match in _START.finditer(script):
        payload, end = decoder.raw_decode(script, match.end())
        options, _ = decoder.raw_decode(script, script.index("{", end))
        found.append((payload, options))
    return found


def rows_on_map(script: str) -> list[dict]:
    """The events of the (first) events layer in ``script``: id (escaped), halo (m), style, string columns."""
    layers = events_layers(script)
    if not layers:
        return []
    payload, _options = layers[0]
    columns = decode_columns(payload)
    strings, styles = payload["strings"], payload["styles"]
    ids = payload["ids"] or [None] * payload["n"]
    return [{"id": ids[i], "halo": styles[columns["style"][i]]["halo"], "status": styles[columns["style"][i]]["status"],
             "place": strings[columns["place"][i]], "date": strings[columns["date"][i]]} for i in range(payload["n"])]
