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

DATE_WINDOW_COLUMNS: tuple[str, ...] = ("date_start", "date_end")
"""Each event's date window, made by validation from its date and precision (utils/core/dates.py)."""

DERIVED_COLUMNS: tuple[str, ...] = ("nearest_site", "nearest_site_km", "incident", "incident_reports",
                                    "independent_sources", "in_region")
"""Made once the bases are known (utils/data/dataset.py derive_columns): the nearest base and its distance
in km, the incident an event belongs to, how many reports and independent outlets that incident has
(utils/data/incidents.py), whether the point lies inside the region (Syria and about 300 km around it,
utils/core/geo.py ``REGION_BOUNDS``); plus one ``dist_km_<site_id>`` per base."""

STORE_COLUMNS: tuple[str, ...] = ("collection", "event_version")
"""Given by the store when events are read from it (utils/data/store_read.py): the collection an event
belongs to (the bundled seed or an import) and how many times it was saved (its version)."""

COMPUTED_COLUMNS: tuple[str, ...] = DATE_WINDOW_COLUMNS + DERIVED_COLUMNS + STORE_COLUMNS
"""Every column the dashboard computes and never reads from a file. A file's own column with one of these
names, or starting with :data:`COMPUTED_COLUMN_PREFIX`, is kept under another name (see
:func:`computed_name_clashes`)."""

COMPUTED_COLUMN_PREFIX = "dist_km_"
"""One computed column per base: ``dist_km_<site_id>``, the great-circle distance to it in km."""

EXPORTED_COMPUTED_COLUMNS: tuple[str, ...] = ("nearest_site", "nearest_site_km", "incident", "independent_sources")
"""The computed columns the CSV and GeoJSON downloads carry after ours."""


def is_derived_column(column: str) -> bool:
    """True for a column :data:`DERIVED_COLUMNS` lists or a ``dist_km_<site_id>`` distance."""
    return column in DERIVED_COLUMNS or column.startswith(COMPUTED_COLUMN_PREFIX)


def is_computed_column(column: str) -> bool:
    """True for a column the dashboard computes (:data:`COMPUTED_COLUMNS`, ``dist_km_<site_id>``)."""
    return column in COMPUTED_COLUMNS or column.startswith(COMPUTED_COLUMN_PREFIX)


def computed_name_clashes(columns: list[str], prefix: str = "file") -> dict[str, str]:
    """The file's columns named like a computed column, each with the name it is kept under instead.

    ``{"incident": "file_incident"}``; a name already among ``columns`` gets another underscore.
    """
    taken = set(columns)
    renamed: dict[str, str] = {}
    for column in columns:
        if is_computed_column(column):
            name = f"{prefix}_{column}"
            while name in taken or is_computed_column(name):
                name = f"{prefix}_{name}"
            taken.add(name)
            renamed[column] = name
    return renamed


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
