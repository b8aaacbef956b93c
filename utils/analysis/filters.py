"""The filter value: what the user narrowed the events to.

One :class:`EventFilter` drives the map, the tables, the caption, the exports
and the URL. :meth:`EventFilter.apply` selects the events, :meth:`describe`
says in words what is shown, and :meth:`to_query` / :meth:`from_query`
carry it in a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from utils.core.geo import distance_column

__all__ = ["FILTER_QUERY_KEYS", "EventFilter", "FACETS"]

FACETS: dict[str, str] = {
    "sources": "source",
    "claimants": "claimed_by",
    "event_types": "event_type",
    "statuses": "status",
}
"""Filter field -> events column it selects on."""

_FACET_WORDS: dict[str, str] = {
    "sources": "sources",
    "claimants": "claimed by",
    "event_types": "types",
    "statuses": "status",
}
RETIRED_COLUMN = "retired"
"""Optional events column: a non-blank value marks an event retired (hidden unless asked for)."""

_FLAG_KEYS: dict[str, str] = {
    "include_retired": "retired",
    "precise_only": "precise",
    "corroborated_only": "corroborated",
}
"""Yes/no filter fields -> link parameter (present as 1 when on)."""

_QUERY_KEYS: dict[str, str] = {
    "sources": "source",
    "claimants": "claimant",
    "event_types": "type",
    "statuses": "status",
}


FILTER_QUERY_KEYS: frozenset[str] = frozenset(
    {"start", "end", "site", "radius_km", *_QUERY_KEYS.values(), *_FLAG_KEYS.values()})
"""Every link parameter the filter owns; other parameters (the map view, say) are left alone."""


@dataclass(frozen=True)
class EventFilter:
    """Dates (inclusive, ``None`` = open) and the chosen values of each facet.

    An empty facet tuple means "all values"; a non-empty one keeps only
    events whose column holds one of its values. An event is inside the date
    window when its own window (``date_start`` .. ``date_end``, see
    :mod:`utils.core.dates`) overlaps ``start`` .. ``end``.
    """

    start: date | None = None
    end: date | None = None
    sources: tuple[str, ...] = field(default_factory=tuple)
    claimants: tuple[str, ...] = field(default_factory=tuple)
    event_types: tuple[str, ...] = field(default_factory=tuple)
    statuses: tuple[str, ...] = field(default_factory=tuple)
    near_site: str | None = None
    radius_km: float | None = None
    include_retired: bool = False
    precise_only: bool = False
    corroborated_only: bool = False

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start {self.start.isoformat()} is after end {self.end.isoformat()}; "
                             "swap the two dates.")
        if (self.near_site is None) != (self.radius_km is None):
            raise ValueError("near_site and radius_km go together: give both (for example khmeimim and 50) "
                             "or neither.")
        if self.radius_km is not None and not self.radius_km > 0:
            raise ValueError(f"radius_km must be more than 0 km, not {self.radius_km!r}")
        for name in FACETS:
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(f"{name} must be a tuple of values, not the string {value!r}")
            object.__setattr__(self, name, tuple(value))

    def with_changes(self, **changes: object) -> EventFilter:
        """Return a copy with some fields replaced."""
        return replace(self, **changes)

    def mask(self, events: pd.DataFrame) -> pd.Series:
        """Boolean Series: which rows of ``events`` the filter keeps."""
        keep = pd.Series(True, index=events.index)
        if self.start is not None:
            keep &= events["date_end"] >= pd.Timestamp(self.start)
        if self.end is not None:
            keep &= events["date_start"] <= pd.Timestamp(self.end)
        for name, column in FACETS.items():
            chosen = getattr(self, name)
            if chosen:
                keep &= events[column].isin(chosen)
        if self.near_site is not None:
            column = distance_column(self.near_site)
            if column not in events.columns:
                raise KeyError(f"no base with site_id {self.near_site!r}: the events have no column {column}")
            keep &= events[column] <= self.radius_km
        if self.precise_only:
            keep &= events["geo_precision"] == 1
        if self.corroborated_only:
            keep &= events["independent_sources"] >= 2
        if not self.include_retired and RETIRED_COLUMN in events.columns:
            keep &= events[RETIRED_COLUMN].fillna("").astype(str).str.strip() == ""
        return keep

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        """Return the events the filter keeps (a new frame; ``events`` is untouched)."""
        return events.loc[self.mask(events)]  # boolean indexing already makes a new frame

    def describe(self, shown: int, total: int, *, site_names: Mapping[str, str] | None = None) -> str:
        """Say in words what is shown, e.g. 'Showing 7 of 19 events, 2025-03-01 to 2025-04-30, sources: SouthFront'.

        ``site_names`` maps site ids to names for the "within X km of" part.
        """
        parts = [f"Showing {shown} of {total} event{'s' if total != 1 else ''}"]
        if self.start is not None or self.end is not None:
            start = self.start.isoformat() if self.start else "the first event"
            end = self.end.isoformat() if self.end else "the last event"
            parts.append(f"{start} to {end}")
        for name, words in _FACET_WORDS.items():
            chosen = getattr(self, name)
            if chosen:
                parts.append(f"{words}: {', '.join(chosen)}")
        if self.near_site is not None:
            name = (site_names or {}).get(self.near_site, self.near_site)
            parts.append(f"within {self.radius_km:g} km of {name}")
        if self.precise_only:
            parts.append("precise places only")
        if self.corroborated_only:
            parts.append("corroborated by 2+ independent sources")
        if self.include_retired:
            parts.append("retired events included")
        return ", ".join(parts)

    def to_query(self) -> dict[str, str | list[str]]:
        """Return URL query parameters that :meth:`from_query` reads back."""
        query: dict[str, str | list[str]] = {}
        if self.start is not None:
            query["start"] = self.start.isoformat()
        if self.end is not None:
            query["end"] = self.end.isoformat()
        for name, key in _QUERY_KEYS.items():
            chosen = getattr(self, name)
            if chosen:
                query[key] = list(chosen)
        if self.near_site is not None:
            query["site"] = self.near_site
            query["radius_km"] = f"{self.radius_km:g}"
        for flag, key in _FLAG_KEYS.items():
            if getattr(self, flag):
                query[key] = "1"
        return query

    @classmethod
    def from_query(cls, query: Mapping[str, str | list[str]]) -> tuple[EventFilter, list[str]]:
        """Read a filter from URL query parameters.

        Returns the filter and a list of messages about parameters that were
        ignored because they could not be read (a bad date, for example).
        """
        messages: list[str] = []

        def as_list(key: str) -> list[str]:
            value = query.get(key)
            if value is None:
                return []
            return [value] if isinstance(value, str) else [str(v) for v in value]

        def as_date(key: str) -> date | None:
            values = as_list(key)
            if not values:
                return None
            try:
                return date.fromisoformat(values[-1])
            except ValueError:
                messages.append(f"link parameter {key}={values[-1]!r} is not a date YYYY-MM-DD; ignored.")
                return None

        start, end = as_date("start"), as_date("end")
        if start and end and start > end:
            messages.append(f"link dates {start} to {end} are reversed; swapped.")
            start, end = end, start
        facets = {name: tuple(dict.fromkeys(as_list(key))) for name, key in _QUERY_KEYS.items()}
        near_site = (as_list("site") or [None])[-1]
        radius_km: float | None = None
        radius_text = (as_list("radius_km") or [None])[-1]
        if radius_text is not None:
            try:
                radius_km = float(radius_text)
                if not radius_km > 0:
                    raise ValueError
            except ValueError:
                messages.append(f"link parameter radius_km={radius_text!r} is not a distance above 0 km; ignored.")
                radius_km = None
        if (near_site is None) != (radius_km is None):
            if near_site is not None:
                messages.append(f"link parameter site={near_site!r} needs radius_km; ignored.")
            elif radius_text is not None and radius_km is not None:
                messages.append("link parameter radius_km needs site; ignored.")
            near_site, radius_km = None, None
        flags = {flag: (as_list(key) or ["0"])[-1] in ("1", "true", "yes") for flag, key in _FLAG_KEYS.items()}
        return cls(start=start, end=end, near_site=near_site, radius_km=radius_km, **flags, **facets), messages

    def restricted_to(self, options: Mapping[str, list[str]]) -> tuple[EventFilter, list[str]]:
        """Drop facet values the data does not hold; say which were dropped."""
        messages: list[str] = []
        changes: dict[str, tuple[str, ...]] = {}
        for name in FACETS:
            chosen = getattr(self, name)
            allowed = set(options.get(name, []))
            kept = tuple(v for v in chosen if v in allowed)
            if len(kept) != len(chosen):
                dropped = [v for v in chosen if v not in allowed]
                messages.append(f"{_FACET_WORDS[name]} not in the data, ignored: {', '.join(dropped)}")
                changes[name] = kept
        sites = options.get("sites")
        if self.near_site is not None and sites is not None and self.near_site not in sites:
            messages.append(f"no base with site_id {self.near_site!r}; the distance filter is ignored")
            changes["near_site"] = None
            changes["radius_km"] = None
        return (self.with_changes(**changes) if changes else self), messages
