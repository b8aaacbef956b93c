"""What changed between two versions of the events: added, removed and changed events.

Events are matched by ``event_id``. A change lists each compared field with
its old and new value, as text as a person reads it.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["COMPARED_FIELDS", "diff_events"]

COMPARED_FIELDS: tuple[str, ...] = (
    "status", "event_date", "date_precision", "latitude", "longitude", "location", "geo_precision",
    "event_type", "sub_event_type", "claimed_by", "source", "fatalities",
)


def _as_text(value: object, field: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if field == "event_date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if field in ("latitude", "longitude"):
        return f"{float(value):.5f}"
    if field in ("geo_precision", "fatalities"):
        return str(int(float(value)))
    return str(value).strip()


def diff_events(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Compare two event frames by ``event_id``.

    Returns (added, removed, changes): the rows of ``new`` not in ``old``, the
    rows of ``old`` not in ``new``, and a table with one row per changed field:
    event_id, field, old, new.
    """
    old_ids, new_ids = set(old["event_id"]), set(new["event_id"])
    added = new[~new["event_id"].isin(old_ids)]
    removed = old[~old["event_id"].isin(new_ids)]
    both = sorted(old_ids & new_ids)
    old_rows = old.set_index("event_id").loc[both]
    new_rows = new.set_index("event_id").loc[both]
    changes = []
    for field in COMPARED_FIELDS:
        if field not in old_rows.columns or field not in new_rows.columns:
            continue
        before = old_rows[field].map(lambda v, f=field: _as_text(v, f))
        after = new_rows[field].map(lambda v, f=field: _as_text(v, f))
        for event_id in before.index[before != after]:
            changes.append((event_id, field, before[event_id], after[event_id]))
    table = pd.DataFrame(changes, columns=["event_id", "field", "old", "new"]).sort_values(
        ["event_id", "field"]).reset_index(drop=True)
    return added.reset_index(drop=True), removed.reset_index(drop=True), table
