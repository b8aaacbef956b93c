"""The facet table, and which events hold which facet value.

A facet is a filter on the values of one or more events columns: the outlet,
the claimant, the event type, the status, the actors. :data:`FACETS` keeps one
:class:`Facet` record per facet with everything the rest of the product needs
to know about it (the way datasette keeps one record per filter operator):
the filter field, the events columns, the words of the caption, the link
parameter, the command-line option, the sidebar label and its help. The filter
(:mod:`utils.analysis.filters`), the sidebar, the caption, the link and
``python -m utils export`` all read it, so adding a facet is one entry here.

:class:`FacetIndex` says which events hold which value of one facet, as
(row position, value code) pairs computed once per dataset; it selects the
events holding any chosen value and counts the values among any subset of
the events (the counts beside each sidebar option follow the other filters).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from utils.data.dataset import Dataset, Memo

__all__ = ["FACETS", "FACET_BY_NAME", "Facet", "FacetIndex", "build_facet_index", "column_counts",
           "facet_index", "facet_index_in", "facet_options"]


@dataclass(frozen=True)
class Facet:
    """One facet: a filter on the values of ``columns``.

    ``name``: the :class:`~utils.analysis.filters.EventFilter` field (a tuple of chosen values);
    ``columns``: the events columns it reads (an event holds a value when any of them has it);
    ``words``: the caption's words before the chosen values ("sources: SouthFront");
    ``every``: the words when nothing is chosen ("all outlets");
    ``query_key``: the link parameter (repeated, one value each);
    ``cli_flag``: the option of ``python -m utils export`` (repeatable);
    ``label`` and ``help``: the sidebar's multiselect; ``widget_key``: its session-state key.
    """

    name: str
    columns: tuple[str, ...]
    words: str
    every: str
    query_key: str
    cli_flag: str
    label: str
    help: str
    widget_key: str

    @property
    def cli_dest(self) -> str:
        """The argparse destination of :attr:`cli_flag` (``--source`` -> ``source``)."""
        return self.cli_flag.removeprefix("--").replace("-", "_")


FACETS: tuple[Facet, ...] = (
    Facet(name="sources", columns=("source",), words="sources", every="all outlets", query_key="source",
          cli_flag="--source", label="Source (outlet that published the report)",
          help="The outlet, monitor or agency that published the report.", widget_key="f_sources"),
    Facet(name="claimants", columns=("claimed_by",), words="claimed by", every="all claimants",
          query_key="claimant", cli_flag="--claimant", label="Claimed by",
          help="Who made the claim; 'outlet (no attribution)' when the outlet states it on its own authority.",
          widget_key="f_claimants"),
    Facet(name="event_types", columns=("event_type",), words="types", every="all event types", query_key="type",
          cli_flag="--type", label="Event type", help="ACLED's six event types.", widget_key="f_types"),
    Facet(name="statuses", columns=("status",), words="status",
          every="all (claimed, reported, confirmed, disputed)", query_key="status", cli_flag="--status",
          label="Status", help="claimed: asserted by a party with a stake; reported: stated by media or a monitor; "
                               "confirmed: an independent check is cited; disputed: contradicted.",
          widget_key="f_statuses"),
    Facet(name="actors", columns=("actor1", "actor2"), words="actors", every="all actors", query_key="actor",
          cli_flag="--actor", label="Actor", help="Either side of the event (Actor 1 or Actor 2).",
          widget_key="f_actors"),
)
"""Every facet, in the order the sidebar shows them."""

FACET_BY_NAME: dict[str, Facet] = {facet.name: facet for facet in FACETS}


@dataclass(frozen=True)
class FacetIndex:
    """Which events hold which value of one facet.

    ``labels``: the values, most frequent first (blank cells hold no value);
    ``totals``: how many events hold each, over the whole frame; ``rows`` and
    ``codes``: one (row position, label position) pair per event and value it
    holds (an event holding the same value in two columns counts once);
    ``size``: the number of events.
    """

    labels: tuple[str, ...]
    totals: np.ndarray
    rows: np.ndarray
    codes: np.ndarray
    size: int

    @property
    def code_of(self) -> dict[str, int]:
        return {label: code for code, label in enumerate(self.labels)}

    def mask(self, chosen: Iterable[str]) -> np.ndarray:
        """Boolean array over the events: True where an event holds any of ``chosen``."""
        code_of = self.code_of
        wanted = np.zeros(len(self.labels) + 1, dtype=bool)
        for value in chosen:
            if value in code_of:
                wanted[code_of[value]] = True
        keep = np.zeros(self.size, dtype=bool)
        keep[self.rows[wanted[self.codes]]] = True
        return keep

    def counts(self, keep: np.ndarray | None = None) -> np.ndarray:
        """How many of the events ``keep`` selects (all when ``None``) hold each label."""
        if keep is None:
            return self.totals
        return np.bincount(self.codes[keep[self.rows]], minlength=len(self.labels))


def build_facet_index(events: pd.DataFrame, facet: Facet) -> FacetIndex:
    """The :class:`FacetIndex` of ``facet`` over ``events`` (values compared as trimmed text)."""
    size = len(events)
    row_parts, value_parts = [], []
    for column in facet.columns:
        if column not in events.columns:
            continue
        values = events[column].astype("string").fillna("").str.strip().to_numpy(dtype=object)
        held = values != ""
        row_parts.append(np.flatnonzero(held))
        value_parts.append(values[held])
    if not row_parts:
        empty = np.zeros(0, dtype=np.int64)
        return FacetIndex(labels=(), totals=empty, rows=empty, codes=empty, size=size)
    rows = np.concatenate(row_parts)
    codes, uniques = pd.factorize(np.concatenate(value_parts))
    if len(row_parts) > 1:  # the same value in two columns of one event counts once
        pairs = np.unique(rows * (len(uniques) + 1) + codes)
        rows, codes = pairs // (len(uniques) + 1), pairs % (len(uniques) + 1)
    totals = np.bincount(codes, minlength=len(uniques))
    order = np.lexsort((np.arange(len(uniques)), -totals))  # most frequent first, ties in order of appearance
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return FacetIndex(labels=tuple(str(uniques[i]) for i in order), totals=totals[order],
                      rows=rows.astype(np.int64), codes=rank[codes].astype(np.int64), size=size)


def facet_index_in(memo: Memo, events: pd.DataFrame, facet: Facet) -> FacetIndex:
    """The :class:`FacetIndex` of ``facet`` over ``events``, kept in ``memo`` (the memo of the dataset holding
    ``events``, see :class:`~utils.data.dataset.Memo`)."""
    return memo.get(("facet-index", facet.name), lambda: build_facet_index(events, facet))


def facet_index(dataset: Dataset, facet: Facet) -> FacetIndex:
    """The :class:`FacetIndex` of ``facet`` over ``dataset.events``, built once per dataset."""
    return facet_index_in(dataset.memo, dataset.events, facet)


def facet_options(dataset: Dataset) -> dict[str, list[str]]:
    """The values each facet can take, most frequent first."""
    return {facet.name: list(facet_index(dataset, facet).labels) for facet in FACETS}


def column_counts(dataset: Dataset, column: str) -> pd.Series:
    """How many events hold each value of ``column``, most frequent first; computed once per dataset."""
    return dataset.memo.get(("counts", column), lambda: dataset.events[column].value_counts())
