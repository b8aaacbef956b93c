"""Some rows of the shared events frame, read column by column without copying the frame.

A page shows the events a filter keeps: a boolean mask over the dataset's
events, which every session shares. :class:`EventRows` answers what the map
and its panels ask of those rows (how many, coordinates, value counts, the
newest, a few rows as a frame) from column arrays computed once per dataset
and kept in its :class:`~utils.data.dataset.Memo`, so a filter change costs a
pass over a few arrays instead of a copy of every kept row (0.3-0.9 s at a
million events). :meth:`EventRows.frame` still gives the kept rows as a frame
when a caller needs them all (a small view, a table).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property

import numpy as np
import pandas as pd

from utils.data.dataset import Memo

__all__ = ["EventRows", "as_rows"]


class EventRows:
    """The events of ``events`` that ``mask`` keeps (all when ``None``), in frame order.

    ``memo`` keeps arrays over the whole of ``events`` (the dataset's memo, so they are built once for every
    session; a new one for a frame of its own). ``frame`` makes the kept rows as a frame when asked (default
    ``events.loc[mask]``); pass a shared cache's. Read-only: nothing here changes ``events``.
    """

    def __init__(self, events: pd.DataFrame, mask: np.ndarray | None = None, memo: Memo | None = None,
                 frame: Callable[[], pd.DataFrame] | None = None) -> None:
        if mask is not None and len(mask) != len(events):
            raise ValueError(f"the mask has {len(mask):,} values for {len(events):,} events")
        self.events = events
        self.mask = mask
        self.memo = memo if memo is not None else Memo()
        self._make_frame = frame
        self._read: dict[tuple, object] = {}
        """What this object already read (kept values, counts): the map asks for the same columns twice."""

    def __len__(self) -> int:
        return len(self.events) if self.mask is None else self.count

    @cached_property
    def count(self) -> int:
        """How many events are kept."""
        return len(self.events) if self.mask is None else int(np.count_nonzero(self.mask))

    @cached_property
    def positions(self) -> np.ndarray:
        """Row positions (in ``events``) of the kept events, ascending."""
        return np.arange(len(self.events)) if self.mask is None else np.flatnonzero(self.mask)

    def __contains__(self, column: object) -> bool:
        return column in self.events.columns

    def frame(self) -> pd.DataFrame:
        """The kept rows as a frame (read-only; ``events`` itself when every row is kept)."""
        if self.mask is None:
            return self.events
        if self._make_frame is not None:
            return self._make_frame()
        return self.events.loc[self.mask]

    def select(self, columns: list[str]) -> pd.DataFrame:
        """The kept rows in ``columns`` only: ``frame()[columns]`` without copying the other columns' rows."""
        if self.mask is None:
            return self.events[columns]
        return self.events[columns].iloc[self.positions]

    def take(self, indices: np.ndarray) -> pd.DataFrame:
        """Rows ``indices`` (positions among the kept events) as a frame: ``frame().iloc[indices]``."""
        return self.events.iloc[self.positions[np.asarray(indices, dtype=np.int64)]]

    def _kept(self, values: np.ndarray) -> np.ndarray:
        # by positions: ten times quicker than a boolean mask that keeps rows here and there
        return values if self.mask is None else values.take(self.positions)

    def _once(self, key: tuple, make: Callable[[], object]) -> object:
        if key not in self._read:
            self._read[key] = make()
        return self._read[key]

    def floats(self, column: str) -> np.ndarray:
        """``column`` of the kept events as floats (missing: NaN). Read-only."""
        def make() -> np.ndarray:
            every = self.memo.get(("floats", column), lambda: _read_only(
                self.events[column].to_numpy(dtype=float, na_value=np.nan)))
            return _read_only(self._kept(every))
        return self._once(("floats", column), make)  # type: ignore[return-value]

    def days(self, column: str = "event_date") -> np.ndarray:
        """``column`` (dates) of the kept events as ``datetime64[D]`` (missing: NaT). Read-only."""
        def make() -> np.ndarray:
            every = self.memo.get(("days", column), lambda: _read_only(
                self.events[column].to_numpy().astype("datetime64[D]")))
            return _read_only(self._kept(every))
        return self._once(("days", column), make)  # type: ignore[return-value]

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """Each kept event's code of ``column`` read as text, and the texts in sorted order (a missing value:
        code -1): the codes and categories of ``pd.Categorical(column.astype(str))``."""
        def make() -> tuple[np.ndarray, np.ndarray]:
            if pd.api.types.is_string_dtype(self.events[column]):
                codes, labels = self._codes(column)  # as text already: the same codes
            else:
                codes, labels = self.memo.get(("text-codes", column),
                                              lambda: _factorized(self.events[column].astype(str)))
            return _read_only(self._kept(codes)), labels
        return self._once(("codes", column), make)  # type: ignore[return-value]

    def _codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        return self.memo.get(("codes", column), lambda: _factorized(self.events[column]))

    def value_counts(self, column: str, normalize: bool = False) -> pd.Series:
        """``frame()[column].value_counts(normalize=normalize)``, counted on codes (same order, ties included)."""
        counts: pd.Series = self._once(("counts", column), lambda: self._counts(column))  # type: ignore[assignment]
        return (counts / counts.sum()).rename("proportion") if normalize else counts.copy()

    def _counts(self, column: str) -> pd.Series:
        codes, labels = self._codes(column)
        kept = self._kept(codes)
        per_code = np.bincount(kept + 1, minlength=len(labels) + 1)[1:]  # code -1 (missing) is not counted
        seen = np.flatnonzero(per_code)
        if len(np.unique(per_code[seen])) < len(seen):  # ties: pandas lists them in the order they first appear
            seen = pd.unique(kept[kept >= 0])
        index = pd.Index(labels[seen], dtype=self.events[column].dtype, name=column)
        return pd.Series(per_code[seen].astype(np.int64), index=index, name="count").sort_values(ascending=False, kind="stable")

    def bbox(self) -> list[float] | None:
        """[south, west, north, east] of the kept events (degrees), or ``None`` when there are none."""
        if not len(self):
            return None
        lat, lon = self.floats("latitude"), self.floats("longitude")
        return [float(lat.min()), float(lon.min()), float(lat.max()), float(lon.max())]

    def newest(self, limit: int, column: str = "event_date") -> np.ndarray:
        """Positions among the kept events of the ``limit`` latest by ``column``, latest first, ties in frame
        order: the rows of ``frame().nlargest(limit, column)``."""
        order = self.memo.get(("latest-first", column), lambda: _latest_first(self.events[column]))
        if self.mask is None:
            return order[:limit]
        found: list[np.ndarray] = []
        start, block, wanted = 0, max(1024, 4 * limit), limit
        while wanted > 0 and start < len(order):  # walk the latest first until enough are kept
            part = order[start:start + block]
            kept = part[self.mask[part]][:wanted]
            found.append(kept)
            wanted -= len(kept)
            start, block = start + block, block * 2
        rows = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
        return np.searchsorted(self.positions, rows)

    def date_order(self) -> np.ndarray:
        """Positions among the kept events by ``event_date`` (missing dates last), then ``event_id``: the order
        of ``frame().sort_values(["event_date", "event_id"], kind="stable")``, from a rank of every event made
        once per dataset (the sort itself cost 0.4 s per filter keeping 102,201 of 1M events)."""
        return np.argsort(self._date_rank()[self.positions], kind="stable")

    def _date_rank(self) -> np.ndarray:
        return self.memo.get(("rank", "event_date", "event_id"), lambda: _date_id_rank(self.events))

    def prepare(self, columns: Sequence[str] = ()) -> None:
        """Build now, in the memo, what the map's first reads of the dataset share: the date rank behind
        :meth:`date_order` and the codes of ``columns``. Nothing of the kept events is read. The server's warm
        run calls it, so the first filter after a start does not pay it (0.2-0.45 s at 1M events)."""
        self._date_rank()
        every = EventRows(self.events, None, self.memo)  # every event: its codes are the memo's, not a copy
        for column in columns:
            every.codes(column)

    def where(self, column: str, value: object) -> np.ndarray:
        """Positions in ``events`` of every event, kept or not, whose ``column`` is ``value``."""
        return np.flatnonzero((self.events[column] == value).to_numpy(dtype=bool, na_value=False))


def as_rows(events: pd.DataFrame | EventRows) -> EventRows:
    """``events`` as :class:`EventRows` (a frame: all its rows)."""
    return events if isinstance(events, EventRows) else EventRows(events)


def _read_only(values: np.ndarray) -> np.ndarray:
    values.flags.writeable = False
    return values


def _factorized(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    codes, labels = pd.factorize(column, sort=True)
    return _read_only(codes.astype(np.int64)), np.asarray(labels, dtype=object)


def _latest_first(column: pd.Series) -> np.ndarray:
    """Row positions by ``column`` (dates or numbers), latest first, ties in frame order; missing values left
    out (as ``nlargest`` does)."""
    values = column.to_numpy()
    present = np.flatnonzero(~pd.isna(values))
    keys = values[present]
    keys = keys.astype("datetime64[ns]").astype(np.int64) if keys.dtype.kind == "M" else keys.astype(float)
    return _read_only(present[np.argsort(-keys, kind="stable")])


def _date_id_rank(events: pd.DataFrame) -> np.ndarray:
    """Each row's place in the order of (event_date, missing last; event_id; frame order)."""
    by_id = events["event_id"].argsort(kind="stable").to_numpy()
    id_rank = np.empty(len(events), dtype=np.int64)
    id_rank[by_id] = np.arange(len(events))
    dates = pd.to_datetime(events["event_date"]).to_numpy().astype("datetime64[ns]").astype(np.int64)
    dates = np.where(pd.isna(events["event_date"]).to_numpy(), np.iinfo(np.int64).max, dates)
    rank = np.empty(len(events), dtype=np.int64)
    rank[np.lexsort((id_rank, dates))] = np.arange(len(events))
    return _read_only(rank)
