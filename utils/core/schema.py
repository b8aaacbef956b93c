"""The event, site and source schemas: column names and vocabularies.

Events follow ACLED's column names where ACLED has one, so an ACLED user
recognises them. Coordinates are WGS84 decimal degrees, latitude then
longitude in the CSV; GeoJSON positions are [longitude, latitude].
"""

from __future__ import annotations

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "location",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "claimed_by",
    "status",
    "fatalities",
    "notes",
    "doc_id",
)
"""Every column of ``data/events.csv``, in file order."""

OPTIONAL_EVENT_COLUMNS: tuple[str, ...] = ("incident_id", "source_url", "retired", "retired_at")
"""Columns that may be present; an absent one is read as blank. ``retired`` (the reason) and
``retired_at`` (UTC, ISO 8601) are written when an event is first retired (see utils/data/store.py)."""

REQUIRED_VALUE_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "claimed_by",
    "status",
)
"""Columns whose cells must not be blank."""

DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")

STATUSES: tuple[str, ...] = ("claimed", "reported", "confirmed", "disputed")
STATUS_MEANINGS: dict[str, str] = {
    "claimed": "asserted by a party with a stake (a government, ministry, armed group or its media); not independently checked",
    "reported": "stated by media, activists or a monitor without a claim of responsibility or an independent check",
    "confirmed": "the report cites an independent monitor or evidence that confirms it; still the reporter's word",
    "disputed": "another claim about the same incident contradicts it",
}

GEO_PRECISIONS: dict[int, str] = {
    1: "exact place or named town",
    2: "near a town or part of a region",
    3: "a larger region or governorate",
}
"""ACLED's geo_precision codes and what each means."""

GEO_PRECISION_RADIUS_KM: dict[int, float] = {1: 0.0, 2: 25.0, 3: 75.0}
"""Rough radius of uncertainty (km) drawn for each geo_precision code."""

EVENT_TYPES: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
"""ACLED's six event types."""

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    ),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
        # Our additions where ACLED has no sub-type; documented in data/README.md.
        "Military exercise",
        "Deployment",
        "Displacement",
        "Threat warning",
    ),
}
"""Allowed sub-event types per event type: ACLED's, plus four of ours."""

SITE_PROPERTIES: tuple[str, ...] = ("site_id", "name", "alt_names", "kind", "operator", "description")
SITE_KINDS: tuple[str, ...] = ("air base", "naval base", "garrison", "airport")

SOURCE_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "outlet",
    "headline",
    "published",
    "published_precision",
    "language",
    "stance",
    "seed_file",
    "url",
)
"""Columns of ``data/sources.csv``: one row per article behind the data."""

DISPLAY_LABELS: dict[str, str] = {
    "event_id": "Event id",
    "event_date": "Date",
    "date_precision": "Date precision",
    "event_type": "Event type",
    "sub_event_type": "Sub-event type",
    "actor1": "Actor 1",
    "actor2": "Actor 2",
    "location": "Place",
    "admin1": "Governorate",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "geo_precision": "Place precision",
    "source": "Reported by",
    "claimed_by": "Claimed by",
    "status": "Status",
    "fatalities": "Fatalities",
    "notes": "Notes",
    "doc_id": "Article",
    "incident_id": "Incident",
    "source_url": "Source URL",
    "change": "Since the earlier version",
    "retired": "Retired (reason)",
    "retired_at": "Retired at (UTC)",
}
