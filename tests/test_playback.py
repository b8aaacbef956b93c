"""Playback windows: fixed steps, steps by density that cross empty stretches at once, and the speed shown."""

from datetime import date, timedelta

import numpy as np
import pytest

from utils.analysis.playback import Playback


def walk(playback: Playback) -> list[tuple[date, date]]:
    windows, position = [], playback.start_position()
    while position is not None:
        windows.append(playback.window(position))
        position = playback.next_position(position)
    return windows


def test_a_sliding_window_of_fixed_steps_moves_through_the_range_and_stops():
    playback = Playback.every(date(2025, 3, 1), date(2025, 4, 30), 20, window_days=30)
    assert walk(playback) == [(date(2025, 3, 1), date(2025, 3, 30)), (date(2025, 3, 21), date(2025, 4, 19)),
                              (date(2025, 4, 1), date(2025, 4, 30))]


def test_a_cumulative_window_grows_from_the_first_day():
    playback = Playback.every(date(2025, 3, 1), date(2025, 3, 20), 10, mode="cumulative")
    assert walk(playback) == [(date(2025, 3, 1), date(2025, 3, 1)), (date(2025, 3, 1), date(2025, 3, 11)),
                              (date(2025, 3, 1), date(2025, 3, 20))]


def days(*texts: str) -> np.ndarray:
    return np.array(texts, dtype="datetime64[D]")


def test_steps_follow_the_events_and_an_empty_stretch_is_crossed_in_one_step():
    # one event in 2015, then a hundred in March 2025: ten years with nothing in between
    busy = [str(np.datetime64("2025-03-01") + np.timedelta64(i % 30, "D")) for i in range(100)]
    playback = Playback.by_density(date(2015, 1, 1), date(2025, 4, 30), days("2015-06-01", *busy), steps=10)
    positions = playback.positions
    assert positions[0] <= date(2025, 3, 3), "the first step ends by the first busy days"
    assert sum(p < date(2025, 1, 1) for p in positions) <= 1, "the empty years take at most one step"
    assert positions[-1] == date(2025, 4, 30)
    gaps = [(b - a).days for a, b in zip(positions, positions[1:])]
    assert max(gaps[:-1]) <= 5, "steps through the busy month are a few days each"
    assert playback.events_per_step == pytest.approx(101 / len(positions))


def test_each_auto_window_shows_the_events_since_the_previous_step_and_together_they_cover_the_range():
    event_days = days("2025-03-02", "2025-03-05", "2025-03-05", "2025-03-20", "2025-04-11")
    playback = Playback.by_density(date(2025, 3, 1), date(2025, 4, 30), event_days, steps=3)
    windows = walk(playback)
    assert windows[0][0] == date(2025, 3, 1) and windows[-1][1] == date(2025, 4, 30)
    for (_, end), (start, _) in zip(windows, windows[1:]):
        assert start == end + timedelta(days=1), "no day is skipped or shown twice"
    counts = [sum(start <= d.item() <= end for d in event_days) for start, end in windows]
    assert sum(counts) == 5 and min(counts) >= 1, "every window holds events"


def test_no_events_in_the_window_is_one_step_over_the_whole_window():
    playback = Playback.by_density(date(2025, 3, 1), date(2025, 3, 31), days("2020-01-01"))
    assert playback.positions == (date(2025, 3, 31),)
    assert walk(playback) == [(date(2025, 3, 1), date(2025, 3, 31))]


def test_the_speed_is_said_in_words():
    busy = days(*[str(np.datetime64("2025-03-01") + np.timedelta64(i, "D")) for i in range(40)])
    playback = Playback.by_density(date(2025, 3, 1), date(2025, 4, 9), busy, steps=40)
    assert playback.describe(1.5) == "40 step(s) of about 1 event(s) each, 1.5 s a step: 60 s in all"
    assert Playback.every(date(2025, 1, 1), date(2025, 12, 31), 1).describe(0.75).endswith("4.2 min in all")


@pytest.mark.parametrize("kwargs", [{"mode": "backwards"}, {"window_days": 0}])
def test_bad_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        Playback(date(2025, 3, 1), date(2025, 4, 30), (date(2025, 4, 30),), **kwargs)


def test_fixed_steps_of_zero_days_are_refused():
    with pytest.raises(ValueError, match="step_days"):
        Playback.every(date(2025, 3, 1), date(2025, 4, 30), 0)
