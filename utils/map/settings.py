"""How the map draws the events: colours, points or heatmap, range rings. Shared like the filter.

A :class:`MapSettings` value travels in the link (``to_query``/``from_query``)
and is described in words next to the filter in captions and exports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from utils.core.links import Query, query_flag, query_last

__all__ = ["COLOR_BY_CHOICES", "MAP_QUERY_KEYS", "MapSettings", "parse_rings"]

COLOR_BY_CHOICES: tuple[str, ...] = ("event_type", "sub_event_type", "status", "source", "claimed_by")
MAP_QUERY_KEYS: tuple[str, ...] = ("colour", "heat", "rings")
"""The link parameters of the map settings."""
MAX_RINGS = 8
MAX_RING_KM = 1000.0


def parse_rings(text: str) -> tuple[tuple[float, ...], list[str]]:
    """Read ring distances (km) such as '3, 10, 70'; return them sorted and any messages."""
    rings: set[float] = set()
    messages: list[str] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip().lower().removesuffix("km").strip()
        if not part:
            continue
        try:
            value = float(part)
        except ValueError:
            messages.append(f"range ring {part!r} is not a distance in km; ignored.")
            continue
        if not 0 < value <= MAX_RING_KM:
            messages.append(f"range ring {value:g} km is outside 0-{MAX_RING_KM:g} km; ignored.")
            continue
        rings.add(value)
    ordered = tuple(sorted(rings))
    if len(ordered) > MAX_RINGS:
        messages.append(f"at most {MAX_RINGS} range rings; kept the {MAX_RINGS} smallest.")
        ordered = ordered[:MAX_RINGS]
    return ordered, messages


@dataclass(frozen=True)
class MapSettings:
    """``color_by``: the events column that picks marker colours; ``heatmap``: density instead of
    points; ``rings_km``: distances (km) drawn as circles around every base."""

    color_by: str = "event_type"
    heatmap: bool = False
    rings_km: tuple[float, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.color_by not in COLOR_BY_CHOICES:
            raise ValueError(f"color_by must be one of {', '.join(COLOR_BY_CHOICES)}, not {self.color_by!r}")
        object.__setattr__(self, "rings_km", tuple(sorted(float(r) for r in self.rings_km)))

    def describe(self) -> str:
        """Words for a caption: '' for the defaults."""
        parts = []
        if self.heatmap:
            parts.append("shown as a heatmap")
        if self.rings_km:
            parts.append("range rings at " + ", ".join(f"{r:g}" for r in self.rings_km) + " km")
        return "; ".join(parts)

    def to_query(self) -> dict[str, str]:
        query: dict[str, str] = {}
        if self.color_by != "event_type":
            query["colour"] = self.color_by
        if self.heatmap:
            query["heat"] = "1"
        if self.rings_km:
            query["rings"] = ",".join(f"{r:g}" for r in self.rings_km)
        return query

    @classmethod
    def from_query(cls, query: Query) -> tuple[MapSettings, list[str]]:
        messages: list[str] = []
        color_by = query_last(query, "colour") or "event_type"
        if color_by not in COLOR_BY_CHOICES:
            messages.append(f"link parameter colour={color_by!r} is not one of {', '.join(COLOR_BY_CHOICES)}; ignored.")
            color_by = "event_type"
        rings, ring_messages = parse_rings(query_last(query, "rings") or "")
        return cls(color_by=color_by, heatmap=query_flag(query, "heat"), rings_km=rings), messages + ring_messages
