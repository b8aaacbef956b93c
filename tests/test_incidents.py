"""Grouping reports of one incident and counting independent sources."""

import pandas as pd
import pytest

from utils.dates import add_date_windows
from utils.incidents import add_incident_columns, claims_of


def reports(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["event_id", "event_date", "date_precision", "sub_event_type", "latitude",
                                        "longitude", "doc_id", "source", "incident_id"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return add_date_windows(frame)


@pytest.mark.parametrize(
    ("rows", "together"),
    [
        # two outlets, same place, same day, same kind: one incident
        ([("A", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d1", "X", ""),
          ("B", "2025-03-28", "day", "Air/drone strike", 34.91, 35.87, "d2", "Y", "")], True),
        # a month-only report overlapping a dated one from another article
        ([("A", "2025-03-15", "month", "Attack", 35.15, 35.93, "d1", "X", ""),
          ("B", "2025-03-09", "week", "Attack", 35.15, 35.93, "d2", "X", "")], True),
        # the same article listing two interceptions: two events
        ([("A", "2025-04-24", "day", "Disrupted weapons use", 35.40, 35.94, "d1", "X", ""),
          ("B", "2025-04-10", "month", "Disrupted weapons use", 35.40, 35.94, "d1", "X", "")], False),
        # different kinds at the same place and time
        ([("A", "2025-03-15", "month", "Displacement", 35.40, 35.94, "d1", "X", ""),
          ("B", "2025-03-15", "month", "Non-violent transfer of territory", 35.40, 35.94, "d2", "X", "")], False),
        # far apart
        ([("A", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d1", "X", ""),
          ("B", "2025-03-28", "day", "Air/drone strike", 35.40, 35.94, "d2", "Y", "")], False),
        # dates that do not overlap
        ([("A", "2025-03-16", "day", "Air/drone strike", 34.90, 35.87, "d1", "X", ""),
          ("B", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d2", "Y", "")], False),
        # an explicit incident id joins different kinds (state TV's exercise, activists' interception)
        ([("A", "2023-07-19", "week", "Military exercise", 35.35, 35.92, "d1", "X", "INC-1"),
          ("B", "2023-07-19", "week", "Disrupted weapons use", 35.35, 35.92, "d1", "X", "INC-1")], True),
    ],
)
def test_reports_are_grouped_into_incidents(rows, together):
    out = add_incident_columns(reports(rows))
    assert (out["incident"].nunique() == 1) is together
    assert list(out["incident_reports"]) == ([2, 2] if together else [1, 1])


def test_independent_sources_count_outlets_not_articles():
    rows = [("A", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d1", "SouthFront", ""),
            ("B", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d2", "SouthFront", ""),
            ("C", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d3", "SOHR", "")]
    out = add_incident_columns(reports(rows))
    assert set(out["independent_sources"]) == {2}
    assert list(claims_of(out, out.loc[0, "incident"])["event_id"]) == ["A", "B", "C"]


def test_ucdp_number_of_sources_counts_when_larger():
    frame = reports([("A", "2017-01-01", "day", "Armed clash", 36.2, 37.1, "", "AFP", "")])
    frame["number_of_sources"] = ["3"]
    assert add_incident_columns(frame).loc[0, "independent_sources"] == 3


def test_the_input_frame_is_left_alone():
    frame = reports([("A", "2025-03-28", "day", "Air/drone strike", 34.90, 35.87, "d1", "X", "")])
    before = frame.copy()
    add_incident_columns(frame)
    pd.testing.assert_frame_equal(frame, before)
