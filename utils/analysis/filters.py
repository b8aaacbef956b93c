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

from utils.analysis.facets import FACET_BY_NAME, FACETS
from utils.analysis.search import query_terms
from utils.analysis.selection import EventIndex, FilterParts, select
from utils.core.dates import coarse_words
from utils.core.links import Query, query_flag, query_last, query_values

__all__ = ["FILTER_QUERY_KEYS", "MAX_SEARCH_CHARS", "SEARCH_KEY", "EventFilter"]

_FLAGS: dict[str, tuple[str, str]] = {
    "include_retired": ("retired", "retired events included"),
    "precise_only": ("precise", "precise places only"),
    "corroborated_only": ("corroborated", "corroborated by 2+ independent sources"),
    "in_region_only": ("region", "inside the region only"),
}
"""Yes/no filter fields -> (link parameter, present as 1 when on; words for the caption)."""

SEARCH_KEY = "q"
"""The link parameter of the text search."""
MAX_SEARCH_CHARS = 200
"""Longest text search kept (a link with a longer one is cut, with a message)."""

FILTER_QUERY_KEYS: tuple[str, ...] = ("start", "end", *(f.query_key for f in FACETS), SEARCH_KEY, "site",
                                      "radius_km", *(key for key, _ in _FLAGS.values()))
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
    text: str
    """Words every kept event holds in its place, notes, actors, outlet or claimant (see
    :mod:`utils.analysis.search`); "" for no search."""
    near_site: str | None
    radius_km: float | None
    include_retired: bool
    precise_only: bool
    corroborated_only: bool
    in_region_only: bool

    def __init__(self, start: date | None = None, end: date | None = None, *, chosen: Chosen = (),
                 text: str = "", near_site: str | None = None, radius_km: float | None = None,
                 include_retired: bool = False, precise_only: bool = False, corroborated_only: bool = False,
                 in_region_only: bool = False,
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
        fields = {"start": start, "end": end, "text": " ".join(str(text or "").split())[:MAX_SEARCH_CHARS],
                  "near_site": near_site, "radius_km": radius_km,
                  "include_retired": bool(include_retired), "precise_only": bool(precise_only),
                  "corroborated_only": bool(corroborated_only), "in_region_only": bool(in_region_only),
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
        fields = {"start": self.start, "end": self.end, "text": self.text, "near_site": self.near_site,
                  "radius_km": self.radius_km,
                  "include_retired": self.include_retired, "precise_only": self.precise_only,
                  "corroborated_only": self.corroborated_only, "in_region_only": self.in_region_only}
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
        """Each condition's boolean array over ``events`` (see :func:`utils.analysis.selection.select`)."""
        return select(self, events, index)

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
        if self.text:
            parts.append(f"matching {self.text_words()}")
        if self.near_site is not None:
            name = (site_names or {}).get(self.near_site, self.near_site)
            parts.append(f"within {self.radius_km:g} km of {name}")
        for flag in ("precise_only", "corroborated_only", "in_region_only", "include_retired"):
            if getattr(self, flag):
                parts.append(_FLAGS[flag][1])
        return ", ".join(parts)

    def text_words(self) -> str:
        """The search in words: '"Pantsir" and "Jableh"'."""
        return " and ".join(f'"{term}"' for term in query_terms(self.text))

    def condition_words(self, name: str, site_names: Mapping[str, str] | None = None) -> str:
        """One condition of :class:`~utils.analysis.selection.FilterParts` in words, for a hint."""
        if name == "dates":
            return f"The date window ({self.start or 'the first event'} to {self.end or 'the last event'})"
        if name in FACET_BY_NAME:
            facet = FACET_BY_NAME[name]
            return f"The {facet.label.split(' (')[0]} filter ({', '.join(getattr(self, name))})"
        if name == "search":
            return f"The search for {self.text_words()}"
        if name == "distance":
            site = (site_names or {}).get(str(self.near_site), self.near_site)
            return f"Within {self.radius_km:g} km of {site}"
        if name == "retired":
            return "Hiding retired events"
        return f"'{_FLAGS[name][1].capitalize()}'"

    def caption(self, shown: int, total: int, coarse: int, *, site_names: Mapping[str, str] | None = None) -> str:
        """The one sentence under every page and on every export: :meth:`describe` and how many of the
        ``shown`` events (``coarse`` of them) are dated only to the week, month or year."""
        text = self.describe(shown, total, site_names=site_names)
        note = coarse_words(coarse)
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
        if self.text:
            query[SEARCH_KEY] = self.text
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
        text = query_last(query, SEARCH_KEY) or ""
        if len(text) > MAX_SEARCH_CHARS:
            messages.append(f"link parameter {SEARCH_KEY} is longer than {MAX_SEARCH_CHARS} characters; cut.")
        return cls(start=start, end=end, text=text, near_site=near_site, radius_km=radius_km, **flags,
                   **facets), messages

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
