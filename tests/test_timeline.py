"""Timeline data: counts per period and a bar per event's date window."""

import pandas as pd
import pytest

from utils.analysis.timeline import period_counts, window_bars
from utils.core.dates import add_date_windows


def frame() -> pd.DataFrame:
    rows = [("A", "2025-03-28", "day", "X"), ("B", "2025-03-09", "week", "X"), ("C", "2025-03-15", "month", "Y"),
            ("D", "2018-07-01", "year", "Y")]
    events = pd.DataFrame(rows, columns=["event_id", "event_date", "date_precision", "event_type"])
    events["event_date"] = pd.to_datetime(events["event_date"])
    events["location"] = "somewhere"
    return add_date_windows(events)


@pytest.mark.parametrize(
    ("period", "expected"),
    [("month", {("2025-03-01", "X"): 2, ("2025-03-01", "Y"): 1}),          # the year-only date is not binned
     ("week", {("2025-03-24", "X"): 1, ("2025-03-03", "X"): 1})],           # nor the month-only one in a week
)
def test_counts_only_bin_dates_at_least_as_precise_as_the_bin(period, expected):
    counts = period_counts(frame(), period, "event_type")
    got = {(row.period_start.strftime("%Y-%m-%d"), row.category): row.count for row in counts.itertuples()}
    assert got == expected


def test_every_event_gets_a_bar_over_its_window():
    bars = window_bars(frame(), "event_type").set_index("event_id")
    assert (bars.loc["D", "start"], bars.loc["D", "end"]) == (pd.Timestamp("2018-01-01"), pd.Timestamp("2019-01-01"))
    assert bars.loc["A", "end"] - bars.loc["A", "start"] == pd.Timedelta(days=1)
    assert len(bars) == 4


def test_unknown_period_is_refused():
    with pytest.raises(ValueError, match="week, month"):
        period_counts(frame(), "fortnight", "event_type")
