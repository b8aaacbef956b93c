"""Timeline data: counts per period, a bar per event's date window (bounded), axis labels with years."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from utils.analysis.timeline import axis_format, period_counts, period_totals, strip_period, time_axis, window_bars
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
     ("week", {("2025-03-24", "X"): 1, ("2025-03-03", "X"): 1}),           # nor the month-only one in a week
     ("day", {("2025-03-28", "X"): 1})],
)
def test_counts_only_bin_dates_at_least_as_precise_as_the_bin(period, expected):
    counts = period_counts(frame(), period, "event_type")
    got = {(row.period_start.strftime("%Y-%m-%d"), row.category): row.count for row in counts.itertuples()}
    assert got == expected


def test_counts_through_a_mask_count_only_the_kept_rows():
    keep = np.array([True, False, True, True])
    counts = period_counts(frame(), "month", "event_type", rows=keep)
    assert counts[["category", "count"]].values.tolist() == [["X", 1], ["Y", 1]]
    totals = period_totals(frame(), "month", rows=keep)
    assert totals.values.tolist() == [[pd.Timestamp("2025-03-01"), pd.Timestamp("2025-04-01"), 2]]


@pytest.mark.parametrize(("day", "monday"), [("2025-03-09", "2025-03-03"),   # a Sunday belongs to the week before
                                             ("2025-03-10", "2025-03-10"), ("1970-01-01", "1969-12-29"),
                                             ("1969-12-28", "1969-12-22")])
def test_weeks_start_on_monday(day, monday):
    events = add_date_windows(pd.DataFrame({"event_id": ["A"], "event_date": pd.to_datetime([day]),
                                            "date_precision": ["day"], "event_type": ["X"]}))
    assert period_counts(events, "week", "event_type")["period_start"].tolist() == [pd.Timestamp(monday)]


def test_every_event_gets_a_bar_over_its_window():
    bars = window_bars(frame(), "event_type")
    table = bars.frame.set_index("event_id")
    assert (table.loc["D", "start"], table.loc["D", "end"]) == (pd.Timestamp("2018-01-01"), pd.Timestamp("2019-01-01"))
    assert table.loc["A", "end"] - table.loc["A", "start"] == pd.Timedelta(days=1)
    assert len(table) == 4 and bars.total == 4 and bars.note == ""
    assert table.loc["A", "label"] == "A · somewhere"


def test_bars_are_bounded_to_the_earliest_with_a_note():
    events = add_date_windows(pd.DataFrame({
        "event_id": [f"E{i:03d}" for i in range(500)],
        "event_date": pd.to_datetime("2020-01-01") + pd.to_timedelta(np.arange(500)[::-1] // 3, unit="D"),
        "date_precision": ["day", "month"] * 250, "event_type": "X", "location": "here"}))
    bars = window_bars(events, "event_type", limit=10)
    assert len(bars.frame) == 10 and bars.total == 500 and bars.note == "the first 10 of 500"
    starts = bars.frame["start"].tolist()
    assert starts == sorted(starts) and starts[0] == events["date_start"].min()
    coarse = window_bars(events, "event_type", limit=10, coarse_only=True)
    assert coarse.total == 250 and set(coarse.frame["precision"]) == {"month"}
    masked = window_bars(events, "event_type", rows=(events["event_id"] < "E010").to_numpy(), limit=100)
    assert sorted(masked.frame["event_id"]) == [f"E{i:03d}" for i in range(10)] and masked.note == ""


def test_unknown_period_is_refused():
    with pytest.raises(ValueError, match="day, week, month"):
        period_counts(frame(), "fortnight", "event_type")


@pytest.mark.parametrize(("first", "last", "fmt", "period"), [
    (date(2015, 1, 1), date(2025, 4, 30), "%Y", "month"),
    (date(2020, 1, 1), date(2022, 12, 31), "%b %Y", "week"),
    (date(2025, 3, 1), date(2025, 4, 30), "%d %b %Y", "day"),
    (date(2025, 1, 1), date(2025, 6, 30), "%b %Y", "week"),
])
def test_axis_labels_always_carry_the_year(first, last, fmt, period):
    assert axis_format(first, last) == fmt and "%Y" in fmt
    assert strip_period(first, last) == period


@pytest.mark.parametrize(("first", "last", "interval", "step"), [
    (date(2015, 1, 1), date(2025, 4, 30), "year", 1),
    (date(1990, 1, 1), date(2025, 4, 30), "year", 3),
    (date(2020, 1, 1), date(2022, 12, 31), "month", 3),
    (date(2025, 1, 1), date(2025, 6, 30), "month", 1),
    (date(2025, 3, 1), date(2025, 4, 30), "day", 6),
    (date(2025, 3, 1), date(2025, 3, 1), "day", 1),
])
def test_ticks_fall_on_whole_periods_and_stay_few(first, last, interval, step):
    axis = time_axis(first, last)
    assert axis["tickCount"] == {"interval": interval, "step": step}
    assert axis["format"] == axis_format(first, last)
