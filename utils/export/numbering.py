"""Numbered markers for an export's fixed view: every event its own marker, co-located ones fanned out.

An export is read on paper, so each event gets a number (its row in the list of
events: by date, then id) and a marker of its own that no other covers. Events
whose markers would touch at the export's view (the same place, or closer than a
marker's size) are fanned out around their shared point, deterministically, on
rings of slots read clockwise from the top; a thin leader line joins each fanned
marker to its true position, which stays marked. Slots avoid the bases' icons and
labels, the map's corners and every marker already placed.

Everything here is in CSS pixels of the map (x right, y down, origin at its
top-left corner); :func:`utils.export.framing.to_pixel` projects (lat, lon).
This is the export's own layout for a view that does not move; the dashboard
fans events in the browser (:mod:`utils.map`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["MARKER_GAP_PX", "Box", "Placement", "fan_out", "groups_of"]

MARKER_GAP_PX = 2.0
"""Space between two fanned markers (CSS px)."""

Box = tuple[float, float, float, float]
"""(left, top, right, bottom) in map pixels."""


@dataclass(frozen=True)
class Placement:
    """Where one numbered marker is drawn: ``number`` (1-based), its true position ``true_xy`` and the marker's
    centre ``xy`` in map pixels; ``fanned`` when it was moved off its true position (a leader line joins them)."""

    number: int
    true_xy: tuple[float, float]
    xy: tuple[float, float]

    @property
    def fanned(self) -> bool:
        return math.dist(self.true_xy, self.xy) > 0.5


def groups_of(points: Sequence[tuple[float, float]], reach_px: float) -> list[list[int]]:
    """Indexes of ``points`` (map px) joined when closer than ``reach_px``, one list per group (single linkage),
    each sorted, groups in order of their first index. A grid of ``reach_px`` cells keeps it near-linear."""
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cells: dict[tuple[int, int], list[int]] = {}
    for i, (x, y) in enumerate(points):
        cx, cy = math.floor(x / reach_px), math.floor(y / reach_px)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for j in cells.get((cx + dx, cy + dy), ()):
                    if math.dist(points[i], points[j]) < reach_px:
                        a, b = root(i), root(j)
                        if a != b:
                            parent[max(a, b)] = min(a, b)
        cells.setdefault((cx, cy), []).append(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(points)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _hits(x: float, y: float, radius: float, box: Box) -> bool:
    """True when the circle at (x, y) of ``radius`` overlaps ``box``."""
    left, top, right, bottom = box
    nearest_x, nearest_y = min(max(x, left), right), min(max(y, top), bottom)
    return math.dist((x, y), (nearest_x, nearest_y)) < radius


def _slots(center: tuple[float, float], radius: float, first_ring: float):
    """Candidate marker centres around ``center``: rings ``first_ring``, ``first_ring + step``, ..., each
    with as many slots as fit, clockwise from the top (a ring's slots are offset half a step from the last)."""
    step = 2 * radius + MARKER_GAP_PX
    ring = 0
    while True:
        r = first_ring + ring * step
        count = max(1, math.floor(2 * math.pi * r / step))
        offset = (ring % 2) * math.pi / count
        for k in range(count):
            angle = offset + 2 * math.pi * k / count
            yield center[0] + r * math.sin(angle), center[1] - r * math.cos(angle)
        ring += 1


def fan_out(points: Sequence[tuple[float, float]], *, radius_px: float, obstacles: Sequence[Box] = (),
            map_px: tuple[int, int] | None = None, first_ring_px: float | None = None,
            max_rings: int = 40, numbers: Sequence[int] | None = None) -> list[Placement]:
    """Place a numbered marker of ``radius_px`` for each of ``points`` (map px, in number order: the first is
    number 1, unless ``numbers`` says otherwise) so that no two markers overlap and none covers an ``obstacles`` box.

    A point whose marker touches no other point's and no obstacle stays where it is. Every other group
    (points joined when their markers would touch, see :func:`groups_of`; the biggest first, then by first
    number) is fanned around its most common position (ties: the lowest number's) on rings starting
    ``first_ring_px`` out (default: clear of a base's icon), the group's numbers in slot order. Slots
    outside the map (``map_px``, width and height) are used only when nothing inside is free within
    ``max_rings`` rings. Deterministic: the same points give the same placements.
    """
    numbers = list(numbers) if numbers is not None else list(range(1, len(points) + 1))
    if len(numbers) != len(points):
        raise ValueError(f"{len(numbers)} numbers for {len(points)} points")
    reach = 2 * radius_px + MARKER_GAP_PX
    first_ring = first_ring_px if first_ring_px is not None else max(reach, 16 + radius_px + MARKER_GAP_PX)
    placed: list[tuple[float, float]] = []
    result: dict[int, Placement] = {}
    width, height = map_px if map_px else (math.inf, math.inf)

    def free(x: float, y: float, inside: bool = True) -> bool:
        if inside and not (radius_px <= x <= width - radius_px and radius_px <= y <= height - radius_px):
            return False
        if any(_hits(x, y, radius_px + MARKER_GAP_PX / 2, box) for box in obstacles):
            return False
        return all(math.dist((x, y), p) >= reach for p in placed)

    groups = groups_of(points, reach)
    crowded = []
    for group in groups:
        if len(group) == 1 and free(*points[group[0]], inside=False):
            i = group[0]
            placed.append(points[i])
            result[i] = Placement(numbers[i], points[i], points[i])
        else:
            crowded.append(group)
    crowded.sort(key=lambda g: (-len(g), g[0]))
    for group in crowded:
        positions: dict[tuple[float, float], int] = {}
        for i in group:
            key = (round(points[i][0], 1), round(points[i][1], 1))
            positions[key] = positions.get(key, 0) + 1
        center = max(positions, key=lambda p: positions[p])  # dicts keep order: ties go to the lowest number
        chosen: list[tuple[float, float]] = []
        fallback: list[tuple[float, float]] = []
        ring_size = first_ring
        for slot in _slots(center, radius_px, first_ring):
            ring_size = math.dist(slot, center)
            if ring_size > first_ring + max_rings * reach:
                break
            if free(*slot):
                chosen.append(slot)
                placed.append(slot)
            elif len(fallback) < len(group) and free(*slot, inside=False):
                fallback.append(slot)
            if len(chosen) == len(group):
                break
        for slot in fallback:
            if len(chosen) == len(group):
                break
            if free(*slot, inside=False):
                chosen.append(slot)
                placed.append(slot)
        for i, slot in zip(group, chosen):
            result[i] = Placement(numbers[i], points[i], slot)
        for i in group[len(chosen):]:  # nowhere free at all (thousands at one point): on top of the point
            result[i] = Placement(numbers[i], points[i], points[i])
    return [result[i] for i in range(len(points))]
