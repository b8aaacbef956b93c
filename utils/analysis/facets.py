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
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from utils.data.aliases import Aliases, name_key, split_names
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
    multi_valued: bool = False
    """A cell may name several values ("SOHR; Airwars"), each named through the alias table (data/aliases.csv)."""

    @property
    def cli_dest(self) -> str:
        """The argparse destination of :attr:`cli_flag` (``--source`` -> ``source``)."""
        return self.cli_flag.removeprefix("--").replace("-", "_")


FACETS: tuple[Facet, ...] = (
    Facet(name="sources", columns=("source",), words="sources", every="all outlets", query_key="source",
          cli_flag="--source", label="Source (outlet that published the report)",
          help="The outlet, monitor or agency that published the report. A report naming several ('SOHR; "
               "Airwars') counts for each; spellings are matched through data/aliases.csv.",
          widget_key="f_sources", multi_valued=True),
    Facet(name="claimants", columns=("claimed_by",), words="claimed by", every="all claimants",
          query_key="claimant", cli_flag="--claimant", label="Claimed by",
          help="Who made the claim; 'outlet (no attribution)' when the outlet states it on its own authority. "
               "A claim naming several counts for each; spellings are matched through data/aliases.csv.",
          widget_key="f_claimants", multi_valued=True),
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
    spellings: dict[str, str] = field(default_factory=dict)
    """Other ways to write a label (by :func:`~utils.data.aliases.name_key`, aliases included) -> the label."""
    one_each: bool = False
    """True when every event holds exactly one value and ``rows`` is 0, 1, 2 ... (``codes`` is then each
    event's value, and selecting or counting needs no lookup through ``rows``)."""

    @property
    def code_of(self) -> dict[str, int]:
        return {label: code for code, label in enumerate(self.labels)}

    def resolve(self, value: str) -> str | None:
        """The label ``value`` stands for ("Air Wars" -> "Airwars"), or ``None`` when no event holds it."""
        if value in self.code_of:
            return value
        return self.spellings.get(name_key(value))

    def mask(self, chosen: Iterable[str]) -> np.ndarray:
        """Boolean array over the events: True where an event holds any of ``chosen``."""
        code_of = self.code_of
        wanted = np.zeros(len(self.labels) + 1, dtype=bool)
        for value in chosen:
            if value in code_of:
                wanted[code_of[value]] = True
        if self.one_each:
            return wanted[self.codes]
        keep = np.zeros(self.size, dtype=bool)
        keep[self.rows[wanted[self.codes]]] = True
        return keep

    def counts(self, keep: np.ndarray | None = None) -> np.ndarray:
        """How many of the events ``keep`` selects (all when ``None``) hold each label."""
        if keep is None:
            return self.totals
        held = keep if self.one_each else keep.take(self.rows)
        if held.all():
            return np.bincount(self.codes, minlength=len(self.labels))
        # by positions, not a boolean index: several times quicker when the rows kept are spread out
        return np.bincount(self.codes.take(np.flatnonzero(held)), minlength=len(self.labels))


def _cell_names(cells: np.ndarray, facet: Facet, aliases: Aliases) -> list[list[str]]:
    """The names each distinct cell holds: split and named through ``aliases`` for a multi-valued facet,
    else the trimmed cell itself."""
    if facet.multi_valued:
        return [split_names(cell, aliases) for cell in cells]
    return [[cell] for cell in cells]


def build_facet_index(events: pd.DataFrame, facet: Facet, aliases: Aliases | None = None) -> FacetIndex:
    """The :class:`FacetIndex` of ``facet`` over ``events``.

    Cells are compared as trimmed text. A multi-valued facet's cells are split
    into names (:func:`utils.data.aliases.split_names`, through ``aliases``) and
    names are grouped by :func:`~utils.data.aliases.name_key`, each group shown
    as the table names it or, when the table does not, as most often written.
    Each distinct cell is trimmed and split once, however many events hold it.
    """
    aliases = aliases or Aliases()
    size = len(events)
    row_parts: list[np.ndarray] = []
    key_parts: list[np.ndarray] = []
    spelling_counts: dict[str, dict[str, int]] = {}
    one_each = True  # so far, every event holds one value in the one column that holds any
    for column in facet.columns:
        if column not in events.columns:
            continue
        cell_codes, cells = pd.factorize(events[column], sort=False)  # distinct cells first: few, at any size
        cells = np.array(["" if pd.isna(c) else str(c).strip() for c in cells], dtype=object)
        names = _cell_names(cells, facet, aliases)
        cell_totals = np.bincount(cell_codes[cell_codes >= 0], minlength=len(cells))
        keys_of_cells: list[list[str]] = []
        for number, held in enumerate(names):
            held = [name for name in held if name]
            keys = [name_key(name) if facet.multi_valued else name for name in held]
            keys_of_cells.append(list(dict.fromkeys(keys)))
            for key, name in zip(keys, held):
                spellings = spelling_counts.setdefault(key, {})
                spellings[name] = spellings.get(name, 0) + int(cell_totals[number])
        lengths = np.array([len(keys) for keys in keys_of_cells], dtype=np.int64)
        valid = cell_codes >= 0
        flat_keys = np.array([key for keys in keys_of_cells for key in keys], dtype=object)
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        per_row = lengths[cell_codes[valid]]
        rows = np.repeat(np.flatnonzero(valid), per_row)
        within = np.arange(len(rows)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
        if not len(rows):
            continue  # a column no event fills (actor2 left blank) adds nothing
        one_each = not row_parts and len(rows) == size and bool(valid.all()) and bool((per_row == 1).all())
        row_parts.append(rows)
        key_parts.append(flat_keys[np.repeat(offsets[cell_codes[valid]], per_row) + within])
    if not row_parts:
        empty = np.zeros(0, dtype=np.int64)
        return FacetIndex(labels=(), totals=empty, rows=empty, codes=empty, size=size)
    rows = np.concatenate(row_parts)
    codes, keys = pd.factorize(np.concatenate(key_parts))
    if len(row_parts) > 1:  # the same value in two columns of one event counts once
        pairs = np.unique(rows * (len(keys) + 1) + codes)
        rows, codes = pairs // (len(keys) + 1), pairs % (len(keys) + 1)
    totals = np.bincount(codes, minlength=len(keys))
    order = np.lexsort((np.arange(len(keys)), -totals))  # most frequent first, ties in order of appearance
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))

    def label(key: str) -> str:
        named = aliases.name(key) if facet.multi_valued else None
        if named is not None and ";" not in named:
            return named
        spellings = spelling_counts[key]
        return max(spellings, key=lambda s: (spellings[s], s))

    labels = tuple(label(str(keys[i])) for i in order)
    spellings: dict[str, str] = {}
    if facet.multi_valued:
        label_of_key = {str(keys[i]): labels[rank[i]] for i in range(len(keys))}
        spellings.update({name_key(text): label_of_key[key] for key, texts in spelling_counts.items()
                          for text in texts if key in label_of_key})
        spellings.update({alias: label_of_key[name_key(name)] for alias, name in aliases.name_of.items()
                          if name_key(name) in label_of_key})
        spellings.update(label_of_key)
    return FacetIndex(labels=labels, totals=totals[order], rows=rows.astype(np.int64),
                      codes=rank[codes].astype(np.int64), size=size, spellings=spellings, one_each=one_each)


def facet_index_in(memo: Memo, events: pd.DataFrame, facet: Facet, aliases: Aliases | None = None) -> FacetIndex:
    """The :class:`FacetIndex` of ``facet`` over ``events``, kept in ``memo`` (the memo of the dataset holding
    ``events``, see :class:`~utils.data.dataset.Memo`)."""
    return memo.get(("facet-index", facet.name), lambda: build_facet_index(events, facet, aliases))


def facet_index(dataset: Dataset, facet: Facet) -> FacetIndex:
    """The :class:`FacetIndex` of ``facet`` over ``dataset.events``, built once per dataset."""
    return facet_index_in(dataset.memo, dataset.events, facet, dataset.aliases)


def facet_options(dataset: Dataset) -> dict[str, list[str]]:
    """The values each facet can take, most frequent first."""
    return {facet.name: list(facet_index(dataset, facet).labels) for facet in FACETS}


def column_counts(dataset: Dataset, column: str) -> pd.Series:
    """How many events hold each value of ``column``, most frequent first; computed once per dataset."""
    return dataset.memo.get(("counts", column), lambda: dataset.events[column].value_counts())
