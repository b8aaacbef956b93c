"""Playback: a date window that moves through the data on a timer.

Positions are dates (the last day of the window shown). Sliding playback
shows the ``window_days`` days ending at the position; cumulative playback
shows everything from the filter's start up to the position.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["MODES", "Playback"]

MODES = ("sliding", "cumulative")


@dataclass(frozen=True)
class Playback:
    """A playback over ``first`` .. ``last`` (the filter's date window), inclusive dates."""

    first: date
    last: date
    window_days: int = 30
    step_days: int = 7
    mode: str = "sliding"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.window_days < 1 or self.step_days < 1:
            raise ValueError("window_days and step_days must be at least 1 day")
        if self.first > self.last:
            raise ValueError(f"first {self.first} is after last {self.last}")

    def start_position(self) -> date:
        """Where playback starts: the end of the first window (or the first day, cumulative)."""
        if self.mode == "cumulative":
            return self.first
        return min(self.first + timedelta(days=self.window_days - 1), self.last)

    def window(self, position: date) -> tuple[date, date]:
        """The dates shown at ``position``, clipped to first .. last."""
        end = min(max(position, self.first), self.last)
        if self.mode == "cumulative":
            return self.first, end
        return max(self.first, end - timedelta(days=self.window_days - 1)), end

    def next_position(self, position: date) -> date | None:
        """The next position, or ``None`` when the playback has reached the end."""
        if position >= self.last:
            return None
        return min(position + timedelta(days=self.step_days), self.last)
