"""Scoring candidates against a gold annotation (the benchmark and the gold-set tests share it).

A candidate matches a gold event when their date windows overlap and their points are within
:data:`MATCH_KM` (:data:`REGION_MATCH_KM` when either is a region, geo_precision 3). Matching is
one to one (a maximum matching that prefers the same sub-event type, then the same source, then the nearer
point), so a
duplicate candidate counts against precision. Among matches: the share with the right event type
and sub-event type, date precision and claimant (:func:`same_claimant`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy.optimize import linear_sum_assignment

from utils.core.geo import haversine_km
from utils.importers.article.dates import Dated
from utils.importers.article.incidents import overlaps
from utils.importers.article.sources import same_source

__all__ = ["MATCH_KM", "REGION_MATCH_KM", "Score", "same_claimant", "score_article"]

MATCH_KM = 25.0
REGION_MATCH_KM = 100.0
SOURCE_PENALTY = 0.05
"""Among candidates that may match, one from another source costs as much as 50 km more: two accounts of one
incident (a ministry's, a monitor's) are paired with the gold accounts of the same sources, not crosswise.
It changes which pairs match, never how many (a maximum matching first)."""
@dataclass(frozen=True)
class Score:
    """Counts for one article (or a sum of articles)."""

    gold: int
    candidates: int
    matched: int
    same_type: int
    same_precision: int
    same_claimant: int

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values())))

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.candidates if self.candidates else 1.0

    def share(self, field: str) -> float:
        return getattr(self, field) / self.matched if self.matched else 0.0


def same_claimant(a: str, b: str) -> bool:
    """True when two claimants name the same source (:func:`.sources.same_source`)."""
    return same_source(a, b)


def _compatible(candidate: dict, gold: dict) -> float | None:
    """Distance (km) when ``candidate`` may match ``gold``, else None."""
    a = Dated(date.fromisoformat(str(candidate["event_date"])), str(candidate["date_precision"]))
    b = Dated(date.fromisoformat(str(gold["event_date"])), str(gold["date_precision"]))
    if not overlaps(a, b):
        return None
    km = float(haversine_km(float(candidate["latitude"]), float(candidate["longitude"]),
                            float(gold["latitude"]), float(gold["longitude"])))
    limit = REGION_MATCH_KM if 3 in (int(candidate["geo_precision"]), int(gold["geo_precision"])) else MATCH_KM
    return km if km <= limit else None


def score_article(candidates: list[dict], gold: list[dict]) -> tuple[Score, list[tuple[int, int]]]:
    """Score ``candidates`` (rows as from :func:`.rows.candidate_rows`) against ``gold`` rows; also return
    the matched (candidate index, gold index) pairs."""
    if not candidates or not gold:
        return Score(len(gold), len(candidates), 0, 0, 0, 0), []
    cost = np.full((len(candidates), len(gold)), 1e6)
    for i, candidate in enumerate(candidates):
        for j, event in enumerate(gold):
            km = _compatible(candidate, event)
            if km is not None:
                same = candidate["sub_event_type"] == event["sub_event_type"]
                source = same_claimant(str(candidate["claimed_by"]), str(event["claimed_by"]))
                cost[i, j] = (0.0 if same else 1.0) + (0.0 if source else SOURCE_PENALTY) + km / 1000.0
    rows, cols = linear_sum_assignment(cost)
    pairs = [(int(i), int(j)) for i, j in zip(rows, cols) if cost[i, j] < 1e6]
    same_type = sum(candidates[i]["event_type"] == gold[j]["event_type"]
                    and candidates[i]["sub_event_type"] == gold[j]["sub_event_type"] for i, j in pairs)
    same_precision = sum(candidates[i]["date_precision"] == gold[j]["date_precision"] for i, j in pairs)
    claimant = sum(same_claimant(str(candidates[i]["claimed_by"]), str(gold[j]["claimed_by"])) for i, j in pairs)
    return Score(len(gold), len(candidates), len(pairs), same_type, same_precision, claimant), pairs
