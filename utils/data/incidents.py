"""Grouping reports of the same incident, so claims can be read side by side (the table: utils/analysis/claims.py).

Each row of the events file is one report. Reports belong to one incident when
they share an ``incident_id``, or, without one, when they have the same
sub-event type, their places are within ``PLACE_KM`` of each other (chained:
places linked through a third count as one place) and their date windows
overlap, and at least two different articles report them (one article listing
two interceptions reports two events, not one). The number of independent sources is the number of
different outlets among the reports (or UCDP's ``number_of_sources`` when an
imported row carries a larger one).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from utils.data.proximity import chained_groups

__all__ = ["PLACE_KM", "add_incident_columns", "claims_of", "place_clusters"]

PLACE_KM = 5.0
"""Reports this close (km) count as the same place."""


def place_clusters(latitude: np.ndarray, longitude: np.ndarray, km: float = PLACE_KM) -> np.ndarray:
    """A place number per point (latitude, longitude in degrees): points within ``km`` of each other, chained.

    Exactly the connected components of "``haversine_km`` <= ``km``" over all pairs, found in
    near-linear time and memory (see :mod:`utils.data.proximity`); the numbers only tell places apart.
    """
    return chained_groups(latitude, longitude, km)


def _implicit_runs(events: pd.DataFrame) -> pd.Series:
    """Key of the run of overlapping windows within (sub-type, place); one run per key."""
    frame = pd.DataFrame({
        "sub": events["sub_event_type"].astype(str),
        "place": place_clusters(events["latitude"].to_numpy(float), events["longitude"].to_numpy(float)),
        "start": events["date_start"].to_numpy(),
        "end": events["date_end"].to_numpy(),
    }, index=events.index)
    frame = frame.sort_values(["sub", "place", "start"])
    group_keys = ["sub", "place"]
    reach = frame.groupby(group_keys, sort=False)["end"].cummax()
    previous_reach = reach.groupby([frame[k] for k in group_keys], sort=False).shift()
    new_run = previous_reach.isna() | (frame["start"] > previous_reach)
    run = new_run.astype(int).cumsum()
    first_id = events["event_id"].astype(str).reindex(frame.index).groupby(run).transform("min")
    return ("G-" + first_id).reindex(events.index)


def add_incident_columns(events: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``events`` with ``incident``, ``incident_reports`` and ``independent_sources``.

    ``incident`` is the explicit ``incident_id`` when given, else a key shared
    by the reports grouped as described in this module's docstring, else the
    row's own ``event_id``.
    """
    out = events.copy()
    if out.empty:
        for column, dtype in (("incident", object), ("incident_reports", int), ("independent_sources", int)):
            out[column] = pd.Series(dtype=dtype)
        return out
    explicit = out.get("incident_id", pd.Series("", index=out.index)).fillna("").astype(str).str.strip()
    own = "E:" + out["event_id"].astype(str)
    if out["doc_id"].nunique() < 2:
        implicit = own  # one article (or one imported file) alone never groups its own reports
    else:
        runs = _implicit_runs(out)
        docs_per_run = out["doc_id"].astype(str).groupby(runs).transform("nunique")
        implicit = runs.where(docs_per_run >= 2, own)
    out["incident"] = explicit.where(explicit != "", implicit)
    grouped = out.groupby("incident")
    out["incident_reports"] = grouped["event_id"].transform("size").astype(int)
    sources = grouped["source"].transform("nunique").astype(int)
    if "number_of_sources" in out.columns:
        declared = pd.to_numeric(out["number_of_sources"], errors="coerce")
        declared = declared.groupby(out["incident"]).transform("max").fillna(0).astype(int)
        sources = np.maximum(sources, declared)
    out["independent_sources"] = sources
    return out


CLAIM_COLUMNS = ("event_id", "event_date", "date_precision", "source", "claimed_by", "status", "sub_event_type",
                 "location", "fatalities", "notes", "doc_id")


def claims_of(events: pd.DataFrame, incident: str) -> pd.DataFrame:
    """The reports of one incident, oldest first: who said what, when, with what status."""
    rows = events[events["incident"] == incident]
    return rows.sort_values(["event_date", "event_id"])[[c for c in CLAIM_COLUMNS if c in rows.columns]]

