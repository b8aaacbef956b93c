"""Words and HTML for events and sites: dates as precisely as known, popup values, record tables.

Event popups and tooltips are built in the browser by the events layer
(:mod:`utils.map.event_layer`) from the plain values :func:`event_popup_fields`
gives, each escaped with :func:`utils.core.escaping.escape_text` before it is
sent; the site popup is the one HTML string written here, every value escaped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

from utils.core.combinations import value_combinations
from utils.core.escaping import escape_text
from utils.core.schema import DISPLAY_LABELS, GEO_PRECISION_RADIUS_KM, GEO_PRECISIONS

__all__ = [
    "POPUP_LABELS",
    "date_text",
    "date_texts",
    "event_popup_fields",
    "event_record",
    "place_precision_text",
    "site_popup_html",
    "site_tooltip_text",
]


_PRECISION_NOTES = {"year": " (year known only)", "month": " (month known only)", "week": " (within 3 days)"}


def date_text(event_date: pd.Timestamp, precision: str, *, note: bool = True) -> str:
    """Say a date as precisely as it is known: '2025-03-28', 'March 2025', 'week of 2025-03-25', '2018'.

    With ``note`` (records and popups) a coarse date says so: 'March 2025 (month known only)'; tables and
    lists leave the note out. Every page and export says dates through this function or :func:`date_texts`.
    """
    if pd.isna(event_date):
        return ""
    if precision == "year":
        text = f"{event_date.year}"
    elif precision == "month":
        text = event_date.strftime("%B %Y")
    elif precision == "week":
        text = f"week of {event_date.strftime('%Y-%m-%d')}"
    else:
        return event_date.strftime("%Y-%m-%d")
    return text + (_PRECISION_NOTES[precision] if note else "")


def date_texts(events: pd.DataFrame, *, note: bool = False) -> pd.Series:
    """:func:`date_text` for every row of ``events`` (``event_date``, ``date_precision``), said once per distinct
    (date, precision) pair: 102,201 events have about 2,000 (22 ms, against 0.98 s for strftime on every row)."""
    codes, pairs = value_combinations([pd.to_datetime(events["event_date"]), events["date_precision"].fillna("").astype(str)])
    texts = np.array([date_text(day, precision, note=note) for day, precision in pairs], dtype=object)
    return pd.Series(texts[codes], index=events.index, dtype=object)


def place_precision_text(code: int) -> str:
    """Say what an ACLED geo_precision code means, e.g. '2: near a town or part of a region'."""
    return f"{code}: {GEO_PRECISIONS.get(int(code), 'unknown')}"


def _fatalities_text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "unknown"
    return str(int(value))


def event_record(event: pd.Series) -> list[tuple[str, str]]:
    """The full record of one event as (label, plain text) pairs, in reading order."""
    pairs = [
        ("event_id", event["event_id"]),
        ("event_date", date_text(event["event_date"], event["date_precision"])),
        ("event_type", event["event_type"]),
        ("sub_event_type", event["sub_event_type"]),
        ("location", event["location"]),
        ("admin1", event["admin1"]),
        ("latitude", f"{event['latitude']:.4f}"),
        ("longitude", f"{event['longitude']:.4f}"),
        ("geo_precision", place_precision_text(event["geo_precision"])),
        ("source", event["source"]),
        ("claimed_by", event["claimed_by"]),
        ("status", event["status"]),
        ("actor1", event["actor1"]),
        ("actor2", event["actor2"]),
        ("fatalities", _fatalities_text(event["fatalities"])),
        ("notes", event["notes"]),
        ("doc_id", event["doc_id"]),
    ]
    for optional in ("incident_id", "source_url", "retired", "retired_at"):
        if optional in event.index and str(event[optional] or "").strip():
            pairs.append((optional, event[optional]))
    return [(DISPLAY_LABELS[key], "" if value is None else str(value)) for key, value in pairs]


POPUP_COLUMNS: tuple[str, ...] = ("event_date", "event_type", "sub_event_type", "location", "admin1",
                                  "geo_precision", "source", "claimed_by", "status", "fatalities", "nearest_site",
                                  "notes", "doc_id", "incident_id", "source_url", "retired")
"""What an event's popup lists under its id, in order (labels from ``DISPLAY_LABELS``)."""
POPUP_LABELS: tuple[str, ...] = tuple(DISPLAY_LABELS.get(c, "Nearest base") for c in POPUP_COLUMNS)


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def event_popup_fields(event: Mapping[str, object]) -> list[str]:
    """The popup of one event as plain text, one value per :data:`POPUP_LABELS` ('' when not known).

    ``event`` is one row as a mapping (a ``to_dict("records")`` row or a Series).
    The place precision says the halo's radius (km) for imprecise places; the
    nearest base is given when the row has ``nearest_site`` / ``nearest_site_km``.
    """
    precision = int(event["geo_precision"])  # type: ignore[call-overload]
    halo_km = GEO_PRECISION_RADIUS_KM.get(precision, 0.0)
    nearest = event.get("nearest_site")
    return [
        date_text(event["event_date"], event["date_precision"]),  # type: ignore[arg-type]
        _text(event["event_type"]), _text(event["sub_event_type"]), _text(event["location"]),
        _text(event["admin1"]),
        place_precision_text(precision) + (f" (halo of {halo_km:g} km)" if halo_km else ""),
        _text(event["source"]), _text(event["claimed_by"]), _text(event["status"]),
        _fatalities_text(event["fatalities"]),
        f"{nearest}, {float(event['nearest_site_km']):.1f} km" if isinstance(nearest, str) else "",  # type: ignore[arg-type]
        _text(event["notes"]), _text(event.get("doc_id")), _text(event.get("incident_id")),
        _text(event.get("source_url")).strip(), _text(event.get("retired")).strip(),
    ]


def site_tooltip_text(site: pd.Series) -> str:
    """Plain tooltip text of a base: 'name (kind, operator)'. Escape it before use in HTML."""
    return f"{site['name']} ({site['kind']}, {site['operator']})"


def site_popup_html(site: pd.Series) -> str:
    """Popup HTML for a base: name, other spellings, kind, operator, what the articles report."""
    alt = ", ".join(site["alt_names"]) if not isinstance(site["alt_names"], str) else site["alt_names"]
    rows = [
        ("Also spelled", alt),
        ("Kind", site["kind"]),
        ("Operator", site["operator"]),
        ("About", site["description"]),
        ("The articles report", site.get("reported", "")),
        ("Position", f"{site['latitude']:.4f}, {site['longitude']:.4f} (lat, lon)"),
    ]
    body = "".join(f"<tr><th>{escape_text(k)}</th><td>{escape_text(v)}</td></tr>" for k, v in rows if v)
    return f'<div class="site-popup"><b>{escape_text(site["name"])}</b><table>{body}</table></div>'
