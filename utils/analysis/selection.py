"""Which events a filter keeps: one boolean array per condition over the shared events frame.

:func:`select` turns an :class:`~utils.analysis.filters.EventFilter` into
:class:`FilterParts` (never a copy of the events); :class:`EventIndex` holds
what selecting needs beyond the columns (facet indexes, the retired flags, the
search index), built once per dataset and shared by every session.
:func:`emptied_by` says which condition leaves nothing when a filter keeps
no event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from utils.analysis.facets import FACET_BY_NAME, Facet, FacetIndex, facet_index, facet_index_in
from utils.analysis.search import SearchIndex, build_search_index
from utils.core.geo import REGION_COLUMN, distance_column
from utils.data.aliases import Aliases
from utils.data.dataset import Dataset, Memo

if TYPE_CHECKING:
    from utils.analysis.filters import EventFilter

__all__ = ["RETIRED_COLUMN", "EventIndex", "FilterParts", "dataset_mask", "emptied_by", "event_index",
           "filter_parts", "resolved_in", "select", "unknown_values"]

RETIRED_COLUMN = "retired"
"""Optional events column: a non-blank value marks an event retired (hidden unless asked for)."""


class EventIndex:
    """What selecting needs of one events frame beyond its columns, each part built on first use.

    A dataset's is built once and shared by every session (:func:`event_index`);
    ``memo`` is where the parts are kept (the dataset's
    :class:`~utils.data.dataset.Memo`, or a new one for a frame of its own);
    ``aliases`` name the outlets and claimants (``aliases.csv``); ``sites``
    give the bases' spellings to the search.
    """

    def __init__(self, events: pd.DataFrame, memo: Memo | None = None, aliases: Aliases | None = None,
                 sites: pd.DataFrame | None = None) -> None:
        self.events = events
        self.memo = memo if memo is not None else Memo()
        self.aliases = aliases
        self.sites = sites

    def facet(self, facet: Facet) -> FacetIndex:
        """Which events hold which value of ``facet``."""
        return facet_index_in(self.memo, self.events, facet, self.aliases)

    def retired(self) -> np.ndarray:
        """Boolean array: True for a retired event (a non-blank ``retired`` cell)."""
        def make() -> np.ndarray:
            if RETIRED_COLUMN not in self.events.columns:
                return np.zeros(len(self.events), dtype=bool)
            text = self.events[RETIRED_COLUMN].astype("string").fillna("").str.strip()
            return (text != "").to_numpy(dtype=bool)
        return self.memo.get(("retired",), make)

    def coarse(self) -> np.ndarray:
        """Boolean array: True for an event dated only to the week, month or year."""
        return self.memo.get(("coarse",), lambda: (self.events["date_precision"] != "day").to_numpy(dtype=bool))

    def search(self) -> SearchIndex:
        """The text search over place, notes, actors, outlet and claimant."""
        return self.memo.get(("search",), lambda: build_search_index(self.events, self.sites))


def event_index(dataset: Dataset) -> EventIndex:
    """The :class:`EventIndex` of ``dataset.events``, its parts built once and shared by every session."""
    return EventIndex(dataset.events, dataset.memo, dataset.aliases, dataset.sites)


@dataclass(frozen=True)
class FilterParts:
    """A filter's conditions over one frame, each a boolean array, by name: ``dates``, each chosen facet's
    name, ``search``, ``distance``, ``precise_only``, ``corroborated_only``, ``in_region_only`` and ``retired``."""

    conditions: dict[str, np.ndarray]
    size: int

    def all(self) -> np.ndarray:
        """The events every condition keeps."""
        return self.all_but(None)

    def all_but(self, name: str | Facet | None) -> np.ndarray:
        """The events every condition but ``name`` keeps: a facet's counts are taken over this, so each
        option's count says how many events choosing it would add."""
        skip = name.name if isinstance(name, Facet) else name
        keep = np.ones(self.size, dtype=bool)
        for condition, mask in self.conditions.items():
            if condition != skip:
                keep &= mask
        return keep


def select(value: EventFilter, events: pd.DataFrame, index: EventIndex | None = None) -> FilterParts:
    """``value``'s conditions over ``events`` (``index``: prepared once for ``events``; made here otherwise)."""
    index = index if index is not None else EventIndex(events)
    conditions: dict[str, np.ndarray] = {}
    if value.start is not None or value.end is not None:
        keep = np.ones(len(events), dtype=bool)
        if value.start is not None:
            keep &= events["date_end"].to_numpy() >= np.datetime64(value.start, "ns")
        if value.end is not None:
            keep &= events["date_start"].to_numpy() <= np.datetime64(value.end, "ns")
        conditions["dates"] = keep
    for name, values in value.chosen:
        conditions[name] = index.facet(FACET_BY_NAME[name]).mask(values)
    if value.text:
        conditions["search"] = index.search().mask(value.text)
    if value.near_site is not None:
        column = distance_column(value.near_site)
        if column not in events.columns:
            raise KeyError(f"no base with site_id {value.near_site!r}: the events have no column {column}")
        conditions["distance"] = events[column].to_numpy(dtype=float, na_value=np.nan) <= value.radius_km
    if value.precise_only:
        conditions["precise_only"] = events["geo_precision"].to_numpy() == 1
    if value.corroborated_only:
        conditions["corroborated_only"] = events["independent_sources"].to_numpy() >= 2
    if value.in_region_only and REGION_COLUMN in events.columns:
        conditions["in_region_only"] = events[REGION_COLUMN].to_numpy(dtype=bool)
    if not value.include_retired:
        conditions["retired"] = ~index.retired()
    return FilterParts(conditions=conditions, size=len(events))


def filter_parts(dataset: Dataset, value: EventFilter) -> FilterParts:
    """``value``'s conditions over ``dataset.events``, using what was prepared once for the dataset."""
    return select(value, dataset.events, event_index(dataset))


def dataset_mask(dataset: Dataset, value: EventFilter) -> np.ndarray:
    """Boolean array over ``dataset.events``: the events ``value`` keeps."""
    return filter_parts(dataset, value).all()


def unknown_values(dataset: Dataset, value: EventFilter) -> dict[str, list[str]]:
    """Facet name -> the chosen values no event of ``dataset`` holds under any spelling."""
    unknown: dict[str, list[str]] = {}
    for name, values in value.chosen:
        index = facet_index(dataset, FACET_BY_NAME[name])
        missing = [v for v in values if index.resolve(v) is None]
        if missing:
            unknown[name] = missing
    return unknown


def resolved_in(dataset: Dataset, value: EventFilter) -> tuple[EventFilter, list[str]]:
    """``value`` with each facet value written as the data names it ("Air Wars" -> "Airwars"), values no event
    holds dropped, and a base the data lacks dropped; the messages say what was dropped."""
    messages = [f"{FACET_BY_NAME[name].words} not in the data, ignored: {', '.join(values)}"
                for name, values in unknown_values(dataset, value).items()]
    changes: dict[str, object] = {}
    for name, values in value.chosen:
        index = facet_index(dataset, FACET_BY_NAME[name])
        kept = tuple(dict.fromkeys(label for v in values if (label := index.resolve(v)) is not None))
        if kept != values:
            changes[name] = kept
    if value.near_site is not None and value.near_site not in dataset.sites["site_id"].tolist():
        messages.append(f"no base with site_id {value.near_site!r}; the distance filter is ignored")
        changes.update(near_site=None, radius_km=None)
    return (value.with_changes(**changes) if changes else value), messages


def emptied_by(parts: FilterParts, words: Callable[[str], str]) -> str:
    """When the filter keeps no event, which condition did it, in words (``words(name)`` names one);
    '' when some event is kept or nothing is filtered.

    Names each condition that alone empties the view with how many events the
    others keep without it, or says that several together leave nothing.
    """
    if parts.all().any() or not parts.conditions:
        return ""
    total = parts.size
    if total == 0:
        return "There are no events in the data."
    alone = [(name, int(np.count_nonzero(parts.all_but(name)))) for name in parts.conditions]
    culprits = [(name, kept) for name, kept in alone if kept]
    if not culprits:
        return ("No event matches: several filters each leave none of the others' events. "
                "Widen or reset them (Reset filters, at the bottom).")
    sentences = []
    for name, kept in sorted(culprits, key=lambda pair: -pair[1]):
        on_its_own = int(np.count_nonzero(parts.conditions[name]))
        why = (f"; on its own it keeps none of the {total:,} events" if on_its_own == 0 else
               f"; on its own it keeps {on_its_own:,} of the {total:,} events, none of them among the others'")
        sentences.append(f"{words(name)} leaves none of the {kept:,} events the other filters keep{why}.")
    return "No event matches. " + " ".join(sentences)
