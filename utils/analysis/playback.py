"""Playback: a date window that moves through the events on a timer, stepping by how dense they are.

Positions are dates: the last day of the window shown. :meth:`Playback.by_density`
puts the positions where the events are, each step taking in about the same
number of events, so a busy month is crossed in many steps and an empty year
in one (an empty stretch is never shown on its own). A sliding window shows
the events since the previous position (or a fixed number of days, if set); a
cumulative one everything from the first day up to the position.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

__all__ = ["DEFAULT_STEPS", "MODES", "Playback"]

MODES = ("sliding", "cumulative")
DEFAULT_STEPS = 40
"""How many steps a playback takes by default (a minute at 1.5 s a step)."""


@dataclass(frozen=True)
class Playback:
    """A playback over ``first`` .. ``last`` (inclusive dates) through ``positions`` (each a window's last day).

    ``window_days``: a sliding window's length; ``None`` means "since the
    previous position" (so each step shows the events it adds). ``events_per_step``
    is about how many events each step takes in (0 when not stepped by density).
    """

    first: date
    last: date
    positions: tuple[date, ...]
    window_days: int | None = None
    mode: str = "sliding"
    events_per_step: float = 0.0

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.window_days is not None and self.window_days < 1:
            raise ValueError(f"window_days must be at least 1 day, not {self.window_days}")
        if self.first > self.last:
            raise ValueError(f"first {self.first} is after last {self.last}")
        if not self.positions or list(self.positions) != sorted(set(self.positions)):
            raise ValueError("positions must be distinct dates in order, at least one")
        if self.positions[0] < self.first or self.positions[-1] > self.last:
            raise ValueError(f"positions must lie within {self.first} .. {self.last}")

    @classmethod
    def every(cls, first: date, last: date, step_days: int, *, window_days: int | None = 30,
              mode: str = "sliding") -> Playback:
        """Fixed steps of ``step_days`` days, the first window ending ``window_days`` after ``first``."""
        if step_days < 1:
            raise ValueError(f"step_days must be at least 1 day, not {step_days}")
        start = first if mode == "cumulative" else min(first + timedelta(days=(window_days or step_days) - 1), last)
        days = (last - start).days
        positions = [start + timedelta(days=d) for d in range(0, days + 1, step_days)]
        if positions[-1] != last:
            positions.append(last)
        return cls(first, last, tuple(positions), window_days=window_days, mode=mode)

    @classmethod
    def by_density(cls, first: date, last: date, event_days: np.ndarray, *, steps: int = DEFAULT_STEPS,
                   window_days: int | None = None, mode: str = "sliding") -> Playback:
        """Steps placed where the events are: ``event_days`` (each event's date, datetime64 or dates) are cut
        into ``steps`` runs of about the same number of events, and each run's last day is a position.

        Days outside ``first`` .. ``last`` are ignored; with no event left the
        playback has one step, the whole window.
        """
        if steps < 1:
            raise ValueError(f"steps must be at least 1, not {steps}")
        low = np.datetime64(first, "D")
        days = np.asarray(event_days, dtype="datetime64[D]")
        days = days[(days >= low) & (days <= np.datetime64(last, "D"))]
        if len(days) == 0:
            return cls(first, last, (last,), window_days=window_days, mode=mode)
        cuts = np.ceil(np.arange(1, steps + 1) * len(days) / steps).astype(int) - 1
        # the day at each cut of the sorted days, counted per day instead of sorting (a million events: 0.1 s)
        up_to = np.cumsum(np.bincount(days.view(np.int64) - low.astype(np.int64), minlength=(last - first).days + 1))
        chosen = np.unique(low + np.searchsorted(up_to, np.clip(cuts, 0, len(days) - 1), side="right"))
        positions = [d.item() for d in chosen]
        if positions[-1] != last:
            positions[-1] = last  # the last step reaches the end of the window (events after it: none)
        return cls(first, last, tuple(dict.fromkeys(positions)), window_days=window_days, mode=mode,
                   events_per_step=len(days) / len(positions))

    def start_position(self) -> date:
        """Where playback starts: the first position."""
        return self.positions[0]

    def _index(self, position: date) -> int:
        """The index of the first position on or after ``position`` (the last one past the end)."""
        index = int(np.searchsorted(np.array(self.positions, dtype="datetime64[D]"), np.datetime64(position, "D")))
        return min(index, len(self.positions) - 1)

    def window(self, position: date) -> tuple[date, date]:
        """The dates shown at ``position``, clipped to first .. last."""
        end = min(max(position, self.first), self.last)
        if self.mode == "cumulative":
            return self.first, end
        if self.window_days is not None:
            return max(self.first, end - timedelta(days=self.window_days - 1)), end
        index = self._index(end)
        start = self.first if index == 0 else self.positions[index - 1] + timedelta(days=1)
        return min(start, end), end

    def next_position(self, position: date) -> date | None:
        """The next position, or ``None`` when the playback has reached the end."""
        if position >= self.positions[-1]:
            return None
        index = self._index(position)
        return self.positions[index + 1] if self.positions[index] == position else self.positions[index]

    def step_number(self, position: date) -> int:
        """1 for the first step, ``len(positions)`` for the last."""
        return self._index(position) + 1

    def describe(self, seconds_per_step: float) -> str:
        """The speed in words: steps, events per step, seconds per step and the whole playback's length."""
        steps = len(self.positions)
        total = steps * seconds_per_step
        length = f"{total:.0f} s" if total < 90 else f"{total / 60:.1f} min"
        per_step = f" of about {self.events_per_step:,.0f} event(s) each" if self.events_per_step else ""
        return f"{steps} step(s){per_step}, {seconds_per_step:g} s a step: {length} in all"
