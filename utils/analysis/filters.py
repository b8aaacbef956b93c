"""The filter value: what the user narrowed the events to.

One :class:`EventFilter` drives the map, the tables, the caption, the exports
and the URL. :meth:`EventFilter.mask` selects the events (a boolean array over
the shared frame, never a copy of it), :meth:`EventFilter.describe` and
:meth:`EventFilter.caption` say in words what is shown, and
:meth:`EventFilter.to_query` / :meth:`EventFilter.from_query` carry it in a link.
The facets (outlet, claimant, type, status, actor) come from the facet table,
:data:`utils.analysis.facets.FACETS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from utils.analysis.facets import FACET_BY_NAME, FACETS, Facet, FacetIndex, facet_index_in
from utils.core.dates import coarse_date_note
from utils.core.geo import distance_column
from utils.core.links import Query, query_flag, query_last, query_values
from utils.data.dataset import Dataset, Memo

__all__ = ["FILTER_QUERY_KEYS", "RETIRED_COLUMN", "EventFilter", "EventIndex", "FilterParts", "dataset_mask",
           "event_index", "filter_parts"]

RETIRED_COLUMN = "retired"
"""Optional events column: a non-blank value marks an event retired (hidden unless asked for)."""

_FLAGS: dict[str, tuple[str, str]] = {
    "include_retired": ("retired", "retired events included"),
    "precise_only": ("precise", "precise places only"),
    "corroborated_only": ("corroborated", "corroborated by 2+ independent sources"),
}
"""Yes/no filter fields -> (link parameter, present as 1 when on; words for the caption)."""

FILTER_QUERY_KEYS: tuple[str, ...] = ("start", "end", *(f.query_key for f in FACETS), "site", "radius_km",
                                      *(key for key, _ in _FLAGS.values()))
"""Every link parameter the filter owns, in link order; others (the map view, say) are left alone."""

Chosen = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, init=False)
class EventFilter:
    """Dates (inclusive, ``None`` = open), the chosen values of each facet, a distance and three toggles.

    Facets are given by name, ``EventFilter(sources=("SouthFront",))``, and read
    the same way, ``value.sources``; an empty facet means "all values", a
    non-empty one keeps the events that hold any chosen value (see
    :data:`~utils.analysis.facets.FACETS`). An event is inside the date window
    when its own window (``date_start`` .. ``date_end``, see
    :mod:`utils.core.dates`) overlaps ``start`` .. ``end``.
    """

    start: date | None
    end: date | None
    chosen: Chosen
    """The facets with chosen values, in facet-table order: ((name, values), ...)."""
    near_site: str | None
    radius_km: float | None
    include_retired: bool
    precise_only: bool
    corroborated_only: bool

    def __init__(self, start: date | None = None, end: date | None = None, *, chosen: Chosen = (),
                 near_site: str | None = None, radius_km: float | None = None, include_retired: bool = False,
                 precise_only: bool = False, corroborated_only: bool = False,
                 **facets: Iterable[str]) -> None:
        if start is not None and end is not None and start > end:
            raise ValueError(f"start {start.isoformat()} is after end {end.isoformat()}; swap the two dates.")
        if (near_site is None) != (radius_km is None):
            raise ValueError("near_site and radius_km go together: give both (for example khmeimim and 50) "
                             "or neither.")
        if radius_km is not None and not radius_km > 0:
            raise ValueError(f"radius_km must be more than 0 km, not {radius_km!r}")
        values = dict(chosen)
        for name, given in facets.items():
            if name not in FACET_BY_NAME:
                raise TypeError(f"EventFilter has no facet {name!r}; the facets are "
                                f"{', '.join(FACET_BY_NAME)} (utils/analysis/facets.py)")
            if isinstance(given, str):
                raise TypeError(f"{name} must be a tuple of values, not the string {given!r}")
            values[name] = tuple(given)
        fields = {"start": start, "end": end, "near_site": near_site, "radius_km": radius_km,
                  "include_retired": bool(include_retired), "precise_only": bool(precise_only),
                  "corroborated_only": bool(corroborated_only),
                  "chosen": tuple((f.name, tuple(dict.fromkeys(values[f.name])))
                                  for f in FACETS if values.get(f.name))}
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> tuple[str, ...]:
        if name in FACET_BY_NAME:
            return dict(self.chosen).get(name, ())
        raise AttributeError(f"'EventFilter' object has no attribute {name!r}")

    def with_changes(self, **changes: object) -> EventFilter:
        """Return a copy with some fields (or facets, by name) replaced."""
        fields = {"start": self.start, "end": self.end, "near_site": self.near_site, "radius_km": self.radius_km,
                  "include_retired": self.include_retired, "precise_only": self.precise_only,
                  "corroborated_only": self.corroborated_only}
        facets = dict(self.chosen)
        for name, value in changes.items():
            if name in FACET_BY_NAME:
                facets[name] = value
            elif name in fields:
                fields[name] = value
            else:
                raise TypeError(f"EventFilter has no field or facet {name!r}")
        return EventFilter(**fields, **facets)  # type: ignore[arg-type]

    # -- selecting ------------------------------------------------------------------------------------------

    def parts(self, events: pd.DataFrame, index: EventIndex | None = None) -> FilterParts:
        """Each condition's boolean array over ``events`` (see :class:`FilterParts`).

        ``index``: what was prepared once for ``events`` (a dataset's, see
        :func:`event_index`); prepared here, for this call only, otherwise.
        """
        index = index if index is not None else EventIndex(events)
        other = np.ones(len(events), dtype=bool)
        if self.start is not None:
            other &= events["date_end"].to_numpy() >= np.datetime64(self.start, "ns")
        if self.end is not None:
            other &= events["date_start"].to_numpy() <= np.datetime64(self.end, "ns")
        if self.near_site is not None:
            column = distance_column(self.near_site)
            if column not in events.columns:
                raise KeyError(f"no base with site_id {self.near_site!r}: the events have no column {column}")
            other &= events[column].to_numpy(dtype=float, na_value=np.nan) <= self.radius_km
        if self.precise_only:
            other &= events["geo_precision"].to_numpy() == 1
        if self.corroborated_only:
            other &= events["independent_sources"].to_numpy() >= 2
        if not self.include_retired:
            other &= ~index.retired()
        facets = {name: index.facet(FACET_BY_NAME[name]).mask(values) for name, values in self.chosen}
        return FilterParts(other=other, facets=facets)

    def mask(self, events: pd.DataFrame, index: EventIndex | None = None) -> np.ndarray:
        """Boolean array: which rows of ``events`` the filter keeps (``events`` is untouched)."""
        return self.parts(events, index).all()

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        """The events the filter keeps, as a new frame (for callers that need one; pages keep the mask)."""
        return events.loc[self.mask(events)]

    # -- words -----------------------------------------------------------------------------------------------

    def describe(self, shown: int, total: int, *, site_names: Mapping[str, str] | None = None) -> str:
        """Say in words what is shown, e.g. 'Showing 7 of 19 events, 2025-03-01 to 2025-04-30, sources: SouthFront'.

        ``site_names`` maps site ids to names for the "within X km of" part.
        """
        parts = [f"Showing {shown} of {total} event{'s' if total != 1 else ''}"]
        if self.start is not None or self.end is not None:
            start = self.start.isoformat() if self.start else "the first event"
            end = self.end.isoformat() if self.end else "the last event"
            parts.append(f"{start} to {end}")
        for name, values in self.chosen:
            parts.append(f"{FACET_BY_NAME[name].words}: {', '.join(values)}")
        if self.near_site is not None:
            name = (site_names or {}).get(self.near_site, self.near_site)
            parts.append(f"within {self.radius_km:g} km of {name}")
        for flag in ("precise_only", "corroborated_only", "include_retired"):
            if getattr(self, flag):
                parts.append(_FLAGS[flag][1])
        return ", ".join(parts)

    def caption(self, shown: pd.DataFrame, total: int, *, site_names: Mapping[str, str] | None = None) -> str:
        """The one sentence under every page and on every export: :meth:`describe` and how many of the
        ``shown`` events are dated only to the week, month or year."""
        text = self.describe(len(shown), total, site_names=site_names)
        note = coarse_date_note(shown)
        return f"{text}; {note}" if note else text

    # -- the link --------------------------------------------------------------------------------------------

    def to_query(self) -> dict[str, str | list[str]]:
        """Return URL query parameters that :meth:`from_query` reads back (in :data:`FILTER_QUERY_KEYS` order)."""
        query: dict[str, str | list[str]] = {}
        if self.start is not None:
            query["start"] = self.start.isoformat()
        if self.end is not None:
            query["end"] = self.end.isoformat()
        for name, values in self.chosen:
            query[FACET_BY_NAME[name].query_key] = list(values)
        if self.near_site is not None:
            query["site"] = self.near_site
            query["radius_km"] = f"{self.radius_km:g}"
        for flag, (key, _) in _FLAGS.items():
            if getattr(self, flag):
                query[key] = "1"
        return query

    @classmethod
    def from_query(cls, query: Query) -> tuple[EventFilter, list[str]]:
        """Read a filter from URL query parameters (a value or a list of values per key).

        Returns the filter and a list of messages about parameters that were
        ignored because they could not be read (a bad date, for example).
        """
        messages: list[str] = []

        def as_date(key: str) -> date | None:
            text = query_last(query, key)
            if text is None:
                return None
            try:
                return date.fromisoformat(text)
            except ValueError:
                messages.append(f"link parameter {key}={text!r} is not a date YYYY-MM-DD; ignored.")
                return None

        start, end = as_date("start"), as_date("end")
        if start and end and start > end:
            messages.append(f"link dates {start} to {end} are reversed; swapped.")
            start, end = end, start
        facets = {facet.name: tuple(dict.fromkeys(query_values(query, facet.query_key))) for facet in FACETS}
        near_site = query_last(query, "site")
        radius_km: float | None = None
        radius_text = query_last(query, "radius_km")
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
            elif radius_km is not None:
                messages.append("link parameter radius_km needs site; ignored.")
            near_site, radius_km = None, None
        flags = {flag: query_flag(query, key) for flag, (key, _) in _FLAGS.items()}
        return cls(start=start, end=end, near_site=near_site, radius_km=radius_km, **flags, **facets), messages

    def restricted_to(self, options: Mapping[str, list[str]]) -> tuple[EventFilter, list[str]]:
        """Drop facet values the data does not hold (``options``: facet name -> values, and ``sites``: ids);
        say which were dropped."""
        messages: list[str] = []
        changes: dict[str, object] = {}
        for name, values in self.chosen:
            allowed = set(options.get(name, []))
            kept = tuple(v for v in values if v in allowed)
            if len(kept) != len(values):
                dropped = [v for v in values if v not in allowed]
                messages.append(f"{FACET_BY_NAME[name].words} not in the data, ignored: {', '.join(dropped)}")
                changes[name] = kept
        sites = options.get("sites")
        if self.near_site is not None and sites is not None and self.near_site not in sites:
            messages.append(f"no base with site_id {self.near_site!r}; the distance filter is ignored")
            changes["near_site"] = None
            changes["radius_km"] = None
        return (self.with_changes(**changes) if changes else self), messages


class EventIndex:
    """What filtering needs of one events frame beyond its columns, each part built on first use.

    A dataset's is built once and shared by every session (:func:`event_index`);
    ``memo`` is where the parts are kept (the dataset's
    :class:`~utils.data.dataset.Memo`, or a new one for a frame of its own).
    """

    def __init__(self, events: pd.DataFrame, memo: Memo | None = None) -> None:
        self.events = events
        self.memo = memo if memo is not None else Memo()

    def facet(self, facet: Facet) -> FacetIndex:
        """Which events hold which value of ``facet``."""
        return facet_index_in(self.memo, self.events, facet)

    def retired(self) -> np.ndarray:
        """Boolean array: True for a retired event (a non-blank ``retired`` cell)."""
        def make() -> np.ndarray:
            if RETIRED_COLUMN not in self.events.columns:
                return np.zeros(len(self.events), dtype=bool)
            text = self.events[RETIRED_COLUMN].astype("string").fillna("").str.strip()
            return (text != "").to_numpy(dtype=bool)
        return self.memo.get(("retired",), make)


def event_index(dataset: Dataset) -> EventIndex:
    """The :class:`EventIndex` of ``dataset.events``, its parts built once and shared by every session."""
    return EventIndex(dataset.events, dataset.memo)


@dataclass(frozen=True)
class FilterParts:
    """A filter's conditions over one frame: ``facets`` (facet name -> boolean array) and ``other``
    (dates, distance, toggles and retired events, all in one boolean array)."""

    other: np.ndarray
    facets: dict[str, np.ndarray]

    def all(self) -> np.ndarray:
        """The events every condition keeps."""
        keep = self.other.copy()
        for mask in self.facets.values():
            keep &= mask
        return keep

    def all_but(self, facet: Facet) -> np.ndarray:
        """The events every condition but ``facet``'s keeps: what that facet's counts are taken over, so
        each option's count says how many events choosing it would add."""
        keep = self.other.copy()
        for name, mask in self.facets.items():
            if name != facet.name:
                keep &= mask
        return keep


def filter_parts(dataset: Dataset, value: EventFilter) -> FilterParts:
    """``value``'s conditions over ``dataset.events``, using what was prepared once for the dataset."""
    return value.parts(dataset.events, event_index(dataset))


def dataset_mask(dataset: Dataset, value: EventFilter) -> np.ndarray:
    """Boolean array over ``dataset.events``: the events ``value`` keeps."""
    return filter_parts(dataset, value).all()
