"""Words and HTML for events and sites: popups, tooltips, labels, record tables.

Every value from data passes :func:`utils.escaping.escape_text` here before it
becomes part of any HTML string; nothing else in the project writes HTML
from data.
"""

from __future__ import annotations

import math

import pandas as pd

from utils.escaping import escape_text, safe_http_url
from utils.schema import DISPLAY_LABELS, GEO_PRECISIONS

__all__ = [
    "date_text",
    "event_popup_html",
    "event_record",
    "event_tooltip_html",
    "place_precision_text",
    "site_popup_html",
    "site_tooltip_text",
]


def date_text(event_date: pd.Timestamp, precision: str) -> str:
    """Say a date as precisely as it is known: '2025-03-28', 'March 2025', '2018'."""
    if pd.isna(event_date):
        return ""
    if precision == "year":
        return f"{event_date.year} (year known only)"
    if precision == "month":
        return f"{event_date.strftime('%B %Y')} (month known only)"
    if precision == "week":
        return f"week of {event_date.strftime('%Y-%m-%d')} (within 3 days)"
    return event_date.strftime("%Y-%m-%d")


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


_POPUP_ROWS = ("Date", "Event type", "Sub-event type", "Place", "Governorate", "Place precision",
               "Reported by", "Claimed by", "Status", "Fatalities", "Notes", "Article", "Incident",
               "Source URL", "Retired (reason)")


def event_popup_html(event: pd.Series) -> str:
    """Popup HTML for one event: a heading with its id and a table of its record."""
    record = dict(event_record(event))
    rows = []
    for label in _POPUP_ROWS:
        if label not in record:
            continue
        value = record[label]
        if label == "Source URL":
            url = safe_http_url(value)
            cell = (f'<a href="{escape_text(url)}" target="_blank" rel="noopener noreferrer">'
                    f"{escape_text(value)}</a>") if url else escape_text(value)
        else:
            cell = escape_text(value)
        rows.append(f"<tr><th>{escape_text(label)}</th><td>{cell}</td></tr>")
    return (f'<div class="event-popup"><b>{escape_text(event["event_id"])}</b>'
            f'<table>{"".join(rows)}</table></div>')


def event_tooltip_html(event: pd.Series) -> str:
    """Tooltip HTML: 'id · date · sub-type · place · status'. The id comes first (clicks read it)."""
    parts = [
        event["event_id"],
        date_text(event["event_date"], event["date_precision"]),
        event["sub_event_type"],
        event["location"],
        event["status"],
    ]
    return " &#183; ".join(escape_text(p) for p in parts)


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
