"""The events as the browser receives them: compact columns, each distinct string escaped and stored once.

:func:`event_payload` turns filtered events into a JSON-ready dict that ``static/app/events.js``
decodes and draws. Per event it holds a few bytes, packed into one base64 string (``cols``, layout in
``layout``: name -> [type, byte offset, base], types ``u1``/``u2``/``u3``/``u4``). A column stores each value
minus its ``base``, the column's smallest, so that the 88 places of 100,000 events take one byte each even
when their strings come after hundreds of dates; a column of ``uN`` is N byte planes, the lowest byte of
every value first, then the next (the high planes repeat a few values, which the websocket's compression
all but removes: 0.89 MB on the wire for 102,201 events instead of 1.00 MB value by value):

- ``lat``, ``lon``: position as integer 1e-5 degrees above ``origin`` (lat, lon);
- ``style``: index into ``styles`` (fill colour by the colour field, outline by status, halo radius);
- ``date``, ``place``, ``sub``: indexes into ``strings`` for the tooltip (date as precisely as known,
  place, sub-event type).

Up to :data:`utils.map.style.TEXT_LIMIT` events (``details`` not ``"none"``) it also holds each event's id
(``ids``) and, with ``details="record"`` (the HTML export, which has no panel beside it), the full record
(``records``: string indexes per :data:`utils.core.presentation.POPUP_LABELS`, then the link target). Every
string passed :func:`utils.core.escaping.escape_text`; the browser only joins them. Events keep the order
they are given in: the browser's "next" and an export's numbers follow it. :func:`decode_columns` reads
the columns back (tests, benchmarks).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence

import numpy as np
import pandas as pd

from utils.core.combinations import value_combinations
from utils.core.escaping import escape_text, safe_http_url
from utils.core.presentation import POPUP_LABELS, date_texts, event_popup_fields
from utils.core.schema import DISPLAY_LABELS, GEO_PRECISION_RADIUS_KM, STATUSES
from utils.map.style import EVENT_RADIUS_PX, OTHER_COLOR, STATUS_OUTLINES, TEXT_LIMIT

__all__ = ["COORD_SCALE", "decode_columns", "event_payload", "payload_columns", "payload_json", "strings_of"]

COORD_SCALE = 100_000
"""Positions are sent as integer 1e-5 degrees (about 1 m)."""
_DETAILS = ("none", "tooltip", "record")


class _Strings:
    """Escaped strings, each stored once; ``ref`` gives a string's index."""

    def __init__(self) -> None:
        self.items: list[str] = [""]
        self.index: dict[str, int] = {"": 0}

    def ref(self, text: object) -> int:
        escaped = escape_text(text)
        number = self.index.get(escaped)
        if number is None:
            number = self.index[escaped] = len(self.items)
            self.items.append(escaped)
        return number

    def refs(self, values: pd.Series) -> np.ndarray:
        """Index of each value's escaped string (one escape per distinct value; a missing value is "")."""
        codes, uniques = pd.factorize(values, sort=False)  # missing: -1, the table's last entry
        table = np.array([self.ref(v) for v in uniques] + [self.ref("")], dtype=np.int64)
        return table[codes] if len(codes) else np.zeros(0, dtype=np.int64)


def _uint_type(largest: int) -> str:
    for name, limit in (("u1", 0xFF), ("u2", 0xFFFF), ("u3", 0xFFFFFF)):
        if largest <= limit:
            return name
    return "u4"


def _pack(columns: dict[str, np.ndarray]) -> tuple[str, dict[str, list[object]]]:
    """Columns of non-negative integers, each less its smallest value (the base) in the smallest of
    u1/u2/u3/u4 as byte planes (lowest first), each column starting at a multiple of 4 bytes; base64 and the
    layout."""
    parts: list[bytes] = []
    layout: dict[str, list[object]] = {}
    offset = 0
    for name, values in columns.items():
        values = np.asarray(values, dtype=np.int64)
        base = int(values.min()) if len(values) else 0
        values = values - base
        kind = _uint_type(int(values.max()) if len(values) else 0)
        width = int(kind[1])
        raw = values.astype("<u4").view(np.uint8).reshape(-1, 4)[:, :width].T.tobytes()  # plane by plane
        layout[name] = [kind, offset, base]
        padding = (-len(raw)) % 4
        parts.append(raw + b"\0" * padding)
        offset += len(raw) + padding
    return base64.b64encode(b"".join(parts)).decode("ascii"), layout


def decode_columns(payload: dict) -> dict[str, np.ndarray]:
    """The packed columns of ``payload`` as integer arrays (positions still in 1e-5 degrees above ``origin``)."""
    raw = base64.b64decode(payload["cols"])
    n = payload["n"]
    out = {}
    for name, (kind, offset, base) in payload["layout"].items():
        width = int(kind[1])
        planes = np.frombuffer(raw, dtype=np.uint8, count=width * n, offset=offset).reshape(width, n).astype(np.int64)
        out[name] = sum(planes[k] << (8 * k) for k in range(width)) + base
    return out


def strings_of(payload: dict, column: str) -> list[str]:
    """The escaped strings a string column (``date``, ``place``, ``sub``) points at, one per event."""
    strings = payload["strings"]
    return [strings[i] for i in decode_columns(payload)[column]]


TOOLTIP_COLUMNS: tuple[str, ...] = ("event_id", "event_date", "date_precision", "latitude", "longitude", "status",
                                    "geo_precision", "location", "sub_event_type")
"""The columns :func:`event_payload` reads below its ``"record"`` level (with the colour column)."""


def payload_columns(color_by: str) -> list[str]:
    """The columns a payload coloured by ``color_by`` reads, short of full records: what a kept layer plan holds."""
    return [*TOOLTIP_COLUMNS, *([color_by] if color_by not in TOOLTIP_COLUMNS else [])]


def event_payload(events: pd.DataFrame, colors: dict[str, str], color_by: str, *, details: str = "tooltip",
                  halos: bool = True, list_rows: Sequence[Sequence[str]] | None = None,
                  text_limit: int = TEXT_LIMIT) -> dict:
    """The events as a payload for ``static/app/events.js`` (see the module docstring).

    Fill colour by ``color_by`` (through ``colors``, else the "other" colour), outline by status, a halo of
    the place's precision radius (metres) unless ``halos`` is false. ``details``: ``"none"`` (positions and
    styles only), ``"tooltip"`` (ids when at most ``text_limit`` events) or ``"record"`` (also each full
    record, for popups). ``list_rows`` (plain text cells) fill an export page's list of events.
    """
    if details not in _DETAILS:
        raise ValueError(f"details must be one of {', '.join(_DETAILS)}, not {details!r}")
    strings = _Strings()
    n = len(events)
    payload: dict = {"v": 1, "n": n, "ids": None, "records": None, "clusters": None}
    lat = events["latitude"].to_numpy(dtype=float)
    lon = events["longitude"].to_numpy(dtype=float)
    lat_i = np.rint(lat * COORD_SCALE).astype(np.int64)
    lon_i = np.rint(lon * COORD_SCALE).astype(np.int64)
    origin = (int(lat_i.min()), int(lon_i.min())) if n else (0, 0)
    payload["origin"] = [origin[0] / COORD_SCALE, origin[1] / COORD_SCALE]
    payload["bbox"] = ([float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max())] if n else None)

    styles: list[dict[str, object]] = []
    if n:
        status = events["status"].where(events["status"].isin(STATUSES), "reported").astype(str)
        fill = events[color_by].map(colors).astype(object).where(lambda s: s.notna(), OTHER_COLOR).astype(str)
        halo_m = (events["geo_precision"].astype(int).map(GEO_PRECISION_RADIUS_KM).fillna(0.0) * 1000).astype(int)
        if not halos:
            halo_m = halo_m * 0
        style_codes, unique_keys = value_combinations([fill, status, halo_m, events[color_by].astype(str)])
        for fill_color, status_name, halo, value in unique_keys:
            styles.append({"fillColor": fill_color, "fillOpacity": 0.9, "opacity": 1.0, "radius": EVENT_RADIUS_PX,
                           "halo": int(halo), "status": status_name, "value": escape_text(value),
                           **STATUS_OUTLINES[status_name]})
        columns = {"lat": lat_i - origin[0], "lon": lon_i - origin[1], "style": style_codes,
                   "date": strings.refs(date_texts(events, note=True)), "place": strings.refs(events["location"]),
                   "sub": strings.refs(events["sub_event_type"])}
    else:
        columns = {name: np.zeros(0, dtype=np.int64) for name in ("lat", "lon", "style", "date", "place", "sub")}
    payload["styles"] = styles
    if details != "none" and n <= text_limit:
        payload["ids"] = [strings.items[i] for i in strings.refs(events["event_id"])]
    if details == "record" and n:
        url_label = DISPLAY_LABELS["source_url"]
        records = []
        for event in events.to_dict("records"):
            fields = event_popup_fields(event)
            link = safe_http_url(fields[POPUP_LABELS.index(url_label)]) or ""
            records.append([*map(strings.ref, fields), strings.ref(link)])
        payload["records"] = records
        payload["labels"] = [escape_text(label) for label in POPUP_LABELS]
        payload["url"] = POPUP_LABELS.index(url_label)
    payload["list"] = [[strings.ref(text) for text in cells] for cells in list_rows or ()]
    payload["cols"], payload["layout"] = _pack(columns)
    payload["strings"] = strings.items
    payload["statuses"] = list(STATUSES)
    digest = hashlib.sha256(payload["cols"].encode())
    digest.update(json.dumps([payload["strings"], styles, payload["ids"], payload["records"], payload["list"]],
                             ensure_ascii=False).encode())
    payload["key"] = digest.hexdigest()[:16]
    return payload


def payload_json(payload: dict) -> str:
    """JSON for inside a <script>: no '</' can close the script element."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
