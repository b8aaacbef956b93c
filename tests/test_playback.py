"""Playback windows: sliding and cumulative, stepping to the end."""

from datetime import date

import pytest

from utils.analysis.playback import Playback


def test_a_sliding_window_moves_through_the_range_and_stops():
    playback = Playback(date(2025, 3, 1), date(2025, 4, 30), window_days=30, step_days=20)
    position = playback.start_position()
    windows = []
    while position is not None:
        windows.append(playback.window(position))
        position = playback.next_position(position)
    assert windows == [(date(2025, 3, 1), date(2025, 3, 30)), (date(2025, 3, 21), date(2025, 4, 19)),
                       (date(2025, 4, 1), date(2025, 4, 30))]


def test_a_cumulative_window_grows_from_the_first_day():
    playback = Playback(date(2025, 3, 1), date(2025, 3, 20), step_days=10, mode="cumulative")
    position = playback.start_position()
    assert playback.window(position) == (date(2025, 3, 1), date(2025, 3, 1))
    position = playback.next_position(position)
    assert playback.window(position) == (date(2025, 3, 1), date(2025, 3, 11))
    assert playback.next_position(playback.next_position(position)) is None


@pytest.mark.parametrize("kwargs", [{"mode": "backwards"}, {"window_days": 0}, {"step_days": 0}])
def test_bad_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        Playback(date(2025, 3, 1), date(2025, 4, 30), **kwargs)
