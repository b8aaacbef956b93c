"""Incidents reported more than once, for reading claims side by side: a table with readable names.

An incident is the ``incident`` column computed on load (see
:mod:`utils.data.incidents`). Everything works on whole columns through a
boolean mask of the shown events (``rows``); only incidents with at least two
shown reports are aggregated, so a million one-report events cost one count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["TABLE_COLUMNS", "corroboration_note", "incident_names", "incidents_table", "window_text", "window_texts"]

TABLE_COLUMNS: tuple[str, ...] = ("name", "first_date", "last_date", "reports", "independent_sources", "outlets",
                                  "statuses", "claimants", "incident")


def window_texts(start: pd.Series, end: pd.Series) -> pd.Series:
    """Words for date windows (both days inclusive): '2022-11-04', 'March 2025', '2018' or '2025-03-06 to 2025-03-31'."""
    first = pd.to_datetime(pd.Series(start).reset_index(drop=True)).dt.normalize()
    last = pd.to_datetime(pd.Series(end).reset_index(drop=True)).dt.normalize()
    days = first.to_numpy("datetime64[D]"), last.to_numpy("datetime64[D]")
    month = first.to_numpy("datetime64[M]")
    year = first.to_numpy("datetime64[Y]")
    whole_month = (days[0] == month.astype("datetime64[D]")) & (days[1] == (month + 1).astype("datetime64[D]") - 1)
    whole_year = (days[0] == year.astype("datetime64[D]")) & (days[1] == (year + 1).astype("datetime64[D]") - 1)
    text = np.where(days[0] == days[1], first.dt.strftime("%Y-%m-%d"),
                    np.where(whole_month, first.dt.strftime("%B %Y"),
                             np.where(whole_year, first.dt.strftime("%Y"),
                                      first.dt.strftime("%Y-%m-%d") + " to " + last.dt.strftime("%Y-%m-%d"))))
    unknown = (first.isna() | last.isna()).to_numpy()
    return pd.Series(np.where(unknown, "date unknown", text.astype(object)), dtype=object)


def window_text(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Words for one date window (see :func:`window_texts`)."""
    return str(window_texts(pd.Series([start]), pd.Series([end])).iloc[0])


def _modes(keys: np.ndarray, values: np.ndarray) -> pd.Series:
    """Per key, its most frequent value (ties: the one seen first)."""
    frame = pd.DataFrame({"key": keys, "value": values, "seen": np.arange(len(keys))})
    stats = frame.groupby(["key", "value"], sort=False).agg(n=("seen", "size"), first=("seen", "min")).reset_index()
    stats = stats.sort_values(["key", "n", "first"], ascending=[True, False, True], kind="stable")
    return stats.drop_duplicates("key").set_index("key")["value"]


def incident_names(reports: pd.DataFrame) -> pd.Series:
    """A readable name per incident of ``reports``: 'what · where · when', indexed by incident.

    What: the most common sub-event type among its reports, passing over
    'Other' when another is given (then the event type); where: the most common
    place among its most precisely placed reports; when: its reports' date
    windows together (:func:`window_texts`). Ties go to the earliest report.
    E.g. 'Threat warning · Khmeimim air base · 2022-11-01 to 2022-11-07'.
    """
    ordered = reports.sort_values(["date_start", "event_id"], kind="stable")
    keys = ordered["incident"].astype(str).to_numpy(dtype=object)
    sub = ordered["sub_event_type"].astype(str).to_numpy(dtype=object)
    telling = sub != "Other"
    what = _modes(keys[telling], sub[telling])
    what = what.reindex(pd.unique(keys)).fillna(_modes(keys, ordered["event_type"].astype(str).to_numpy(dtype=object)))
    precision = ordered["geo_precision"].to_numpy(dtype=float) if "geo_precision" in ordered else np.ones(len(keys))
    best = precision == pd.Series(precision).groupby(keys).transform("min").to_numpy()
    places = ordered["location"].astype(str).str.strip().to_numpy(dtype=object)
    where = _modes(keys[best], places[best]).reindex(what.index)
    grouped = ordered.groupby(keys, sort=False)
    when = window_texts(grouped["date_start"].min().reindex(what.index), grouped["date_end"].max().reindex(what.index))
    return pd.Series(what.to_numpy(dtype=object) + " · " + where.to_numpy(dtype=object) + " · "
                     + when.to_numpy(dtype=object), index=what.index, dtype=object)


def _joined(frame: pd.DataFrame, column: str, *, sort: bool) -> pd.Series:
    """Per incident, its distinct values of ``column`` joined ('a, b'): sorted, or in the order first seen."""
    pairs = frame[["incident", column]].astype(str).drop_duplicates()
    if sort:
        pairs = pairs.sort_values(["incident", column], kind="stable")
    return pairs.groupby("incident", sort=False)[column].agg("; ".join)


def incidents_table(events: pd.DataFrame, rows: np.ndarray | None = None, *, min_reports: int = 2) -> pd.DataFrame:
    """One row per incident with at least ``min_reports`` of the reports ``rows`` keeps, most reported first.

    Columns (:data:`TABLE_COLUMNS`): name (:func:`incident_name`), first_date and
    last_date (its reports' date windows together), reports (shown), the
    incident's independent sources, outlets, statuses and claimants (of the
    shown reports; claimants in the order they spoke), and its id.
    """
    selected = np.arange(len(events)) if rows is None else np.flatnonzero(rows)
    incidents = events["incident"].iloc[selected]
    counts = incidents.value_counts()
    several = counts[counts >= min_reports].index
    if not len(several):
        return pd.DataFrame({column: pd.Series(dtype=object) for column in TABLE_COLUMNS})
    keep = selected[incidents.isin(several).to_numpy(dtype=bool)]
    columns = ["event_id", "incident", "event_type", "sub_event_type", "location", "geo_precision", "date_start",
               "date_end", "independent_sources", "source", "status", "claimed_by"]
    reports = events[columns].iloc[keep].sort_values(["date_start", "event_id"], kind="stable")
    grouped = reports.groupby("incident", sort=False)
    table = pd.DataFrame({
        "first_date": grouped["date_start"].min(),
        "last_date": grouped["date_end"].max(),
        "reports": grouped["event_id"].size(),
        "independent_sources": grouped["independent_sources"].max(),
        "outlets": _joined(reports, "source", sort=True),
        "statuses": _joined(reports, "status", sort=True),
        "claimants": _joined(reports, "claimed_by", sort=False),
    })
    table["name"] = incident_names(reports).reindex(table.index)
    table = table.rename_axis("incident").reset_index()
    table = table.sort_values(["reports", "first_date", "incident"], ascending=[False, True, True], kind="stable")
    return table[list(TABLE_COLUMNS)].reset_index(drop=True)


def corroboration_note(table: pd.DataFrame) -> str:
    """Why "Corroborated by 2+ independent sources" keeps what it keeps, from an :func:`incidents_table`.

    Independent sources are the different outlets among an incident's reports
    (or the count a UCDP row declares). '' when some incident has two or more.
    """
    if not len(table):
        return ("No incident among the shown events has two reports, so none can be corroborated: "
                "\"Corroborated by 2+ independent sources\" in the sidebar keeps nothing here.")
    corroborated = int((table["independent_sources"] >= 2).sum())
    if corroborated:
        return ""
    single = table["outlets"].value_counts()
    outlets = ", ".join(f"{outlet}: {count:,}" for outlet, count in single.head(6).items())
    more = f" and {len(single) - 6:,} other outlets" if len(single) > 6 else ""
    return (f"None of these {len(table):,} incidents is reported by two different outlets: the reports of each "
            f"come from a single outlet (incidents per outlet: {outlets}{more}). Several reports from one outlet "
            "are one source, so \"Corroborated by 2+ independent sources\" in the sidebar keeps none of them.")
