"""Points chained within a distance on the sphere: exact groups in near-linear time and memory.

Two points are linked when their great-circle distance (:func:`utils.core.geo.haversine_km`, km, ties
included) is at most ``km``; a group is a connected component of those links (single linkage). The
answer is exact, yet the pairs within ``km`` are never listed: in a dense town there are tens of
millions of them.

How, on 3-D unit vectors (so the poles and the antimeridian need no special case, and straight-line
"chord" distance grows with great-circle distance):

1. Unique points go into cubes small enough that any two points in one cube are certainly within
   ``km`` (a small safety margin absorbs rounding), so a cube is one group outright.
2. Each cube gets an anchor (its member nearest its centroid) and a radius (its farthest member from
   the anchor). Only cubes whose anchors are within both radii plus ``km`` can touch; a k-d tree over
   the anchors finds those pairs, a few dozen per cube.
3. Cube pairs are then joined, cheapest evidence first: anchors within ``km`` (one exact distance per
   pair, vectorised); small cube pairs compared member by member (vectorised, in batches); what is left,
   large cubes in different groups, by one nearest-neighbour query per member that can reach the other
   cube, skipping pairs already joined through others. A pair near the threshold is decided by
   ``haversine_km`` itself, so the result is the same partition as comparing every pair with it.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from utils.core.geo import EARTH_RADIUS_KM, haversine_km

__all__ = ["MAX_KM", "chained_groups"]

MAX_KM = 10_000.0
"""Largest linking distance accepted (km): a quarter of the way round the Earth, and then some."""

_RELATIVE_MARGIN = 1e-9  # chord thresholds are widened/narrowed by this much (relative) ...
_ABSOLUTE_MARGIN = 1e-13  # ... and this much (unit-sphere chord, ~0.6 micrometre): rounding is ~1e-15
_SMALLEST_CUBE_CHORD = 1e-10  # below this (sub-millimetre km) every unique point is its own cube
_SMALL_CUBE_PAIR = 256  # cube pairs with at most this many member pairs are compared outright
_PAIR_BATCH = 1_000_000  # member pairs compared at once in that vectorised pass


def chained_groups(latitude: np.ndarray, longitude: np.ndarray, km: float) -> np.ndarray:
    """A group number (0, 1, ...) per point (degrees): points within ``km`` of each other, chained.

    Equal to the connected components of "``haversine_km`` <= ``km``" over all pairs. A point with a
    non-finite coordinate is alone in its group. Raises ``ValueError`` for arrays of different lengths
    or a ``km`` that is not a number between 0 and :data:`MAX_KM`.
    """
    lat = np.asarray(latitude, dtype=float).ravel()
    lon = np.asarray(longitude, dtype=float).ravel()
    if lat.shape != lon.shape:
        raise ValueError(f"latitude has {lat.size} values but longitude has {lon.size}; pass one of each per point.")
    given = km
    try:
        km = float(km)
    except (TypeError, ValueError):
        km = math.nan
    if not 0 <= km <= MAX_KM:  # also refuses NaN
        raise ValueError(f"km must be a distance between 0 and {MAX_KM:,.0f} km; got {given!r}.")
    labels = np.empty(lat.size, dtype=np.int64)
    finite = np.isfinite(lat) & np.isfinite(lon)
    keyed = np.empty(int(finite.sum()), dtype=complex)  # one hashable value per (lat, lon), for de-duplicating
    keyed.real, keyed.imag = lat[finite], lon[finite]
    codes, unique = pd.factorize(keyed)
    unique_groups = _groups_of_unique_points(unique.real.copy(), unique.imag.copy(), km)
    labels[finite] = unique_groups[codes]
    first_alone = int(unique_groups.max()) + 1 if unique_groups.size else 0
    labels[~finite] = np.arange(first_alone, first_alone + int((~finite).sum()))
    return labels


def _unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """(n, 3) points on the unit sphere for latitude/longitude in degrees."""
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def _groups_of_unique_points(lat: np.ndarray, lon: np.ndarray, km: float) -> np.ndarray:
    """Group numbers for distinct finite points; see the module docstring for the method."""
    if lat.size == 0:
        return np.empty(0, dtype=np.int64)
    theta = km / EARTH_RADIUS_KM  # radians, at most MAX_KM / R < pi / 2
    chord_sure = 2 * math.sin(theta * (1 - _RELATIVE_MARGIN) / 2) - _ABSOLUTE_MARGIN  # closer: linked for sure
    chord_reach = 2 * math.sin(theta * (1 + _RELATIVE_MARGIN) / 2) + _ABSOLUTE_MARGIN  # farther: never linked
    vectors = _unit_vectors(lat, lon)
    cube = _cube_of_each_point(vectors, chord_sure)
    cubes = _Cubes(vectors, cube)
    pairs = cubes.pairs_that_may_touch(chord_reach)
    a, b = pairs[:, 0], pairs[:, 1]
    anchors_linked = haversine_km(lat[cubes.anchor[a]], lon[cubes.anchor[a]],
                                  lat[cubes.anchor[b]], lon[cubes.anchor[b]]) <= km
    edges = [pairs[anchors_linked]]
    group = _components(cubes.count.size, edges)
    open_pairs = pairs[group[a] != group[b]]
    member_pairs = cubes.count[open_pairs[:, 0]] * cubes.count[open_pairs[:, 1]]
    small = member_pairs <= _SMALL_CUBE_PAIR
    edges.append(_touching_small_pairs(cubes, open_pairs[small], member_pairs[small], lat, lon, km))
    group = _components(cubes.count.size, edges)
    large = open_pairs[~small]
    large = large[group[large[:, 0]] != group[large[:, 1]]]
    group = _join_large_pairs(cubes, large, group, lat, lon, km, chord_sure, chord_reach)
    return np.unique(group, return_inverse=True)[1].ravel()[cube]


def _cube_of_each_point(vectors: np.ndarray, chord_sure: float) -> np.ndarray:
    """Cube number (0, 1, ...) per point; any two points of one cube are within ``chord_sure``."""
    if chord_sure < _SMALLEST_CUBE_CHORD:
        return np.arange(len(vectors))
    side = chord_sure / math.sqrt(3)  # a cube's diagonal is chord_sure
    keys = np.floor(vectors / side).astype(np.int64)
    keys -= keys.min(axis=0)
    span = keys.max(axis=0) + 1
    if float(span[0]) * float(span[1]) * float(span[2]) < 2**62:  # one integer per cube
        flat = (keys[:, 0] * span[1] + keys[:, 1]) * span[2] + keys[:, 2]
        return pd.factorize(flat)[0]
    return np.unique(keys, axis=0, return_inverse=True)[1].ravel()


class _Cubes:
    """Points sorted by cube, each cube's anchor (a member near its centroid) and radius (chord)."""

    def __init__(self, vectors: np.ndarray, cube: np.ndarray) -> None:
        self.vectors = vectors
        self.order = np.argsort(cube, kind="stable")  # point indices, cube by cube
        self.count = np.bincount(cube)
        self.start = np.concatenate([[0], np.cumsum(self.count)[:-1]])
        sorted_cube = cube[self.order]
        sorted_vectors = vectors[self.order]
        centroid = np.add.reduceat(sorted_vectors, self.start, axis=0) / self.count[:, None]
        off_centre = np.linalg.norm(sorted_vectors - centroid[sorted_cube], axis=1)
        nearest = np.flatnonzero(off_centre == np.minimum.reduceat(off_centre, self.start)[sorted_cube])
        first_of_cube = np.concatenate([[True], sorted_cube[nearest[1:]] != sorted_cube[nearest[:-1]]])
        self.anchor = self.order[nearest[first_of_cube]]  # point index of each cube's anchor
        from_anchor = np.linalg.norm(sorted_vectors - vectors[self.anchor][sorted_cube], axis=1)
        self.radius = np.maximum.reduceat(from_anchor, self.start)

    def members(self, cube: int) -> np.ndarray:
        """Point indices in ``cube``."""
        return self.order[self.start[cube]:self.start[cube] + self.count[cube]]

    def pairs_that_may_touch(self, chord_reach: float) -> np.ndarray:
        """(m, 2) cube pairs (a < b) that may hold two points within ``chord_reach`` of each other."""
        anchors = self.vectors[self.anchor]
        search = 2 * float(self.radius.max()) + chord_reach
        pairs = cKDTree(anchors).query_pairs(search, output_type="ndarray").astype(np.int64).reshape(-1, 2)
        apart = np.linalg.norm(anchors[pairs[:, 0]] - anchors[pairs[:, 1]], axis=1)
        return pairs[apart <= self.radius[pairs[:, 0]] + self.radius[pairs[:, 1]] + chord_reach]


def _components(size: int, edges: list[np.ndarray]) -> np.ndarray:
    """Connected-component number per node for undirected ``edges`` ((m, 2) arrays of node numbers)."""
    joined = np.concatenate(edges) if edges else np.empty((0, 2), dtype=np.int64)
    graph = coo_matrix((np.ones(len(joined), dtype=np.int8), (joined[:, 0], joined[:, 1])), shape=(size, size))
    return connected_components(graph, directed=False)[1]


def _touching_small_pairs(cubes: _Cubes, pairs: np.ndarray, member_pairs: np.ndarray, lat: np.ndarray,
                          lon: np.ndarray, km: float) -> np.ndarray:
    """The cube pairs among ``pairs`` with two members within ``km``, comparing every member pair."""
    touching = [np.empty((0, 2), dtype=np.int64)]
    done_before = np.concatenate([[0], np.cumsum(member_pairs)])  # member pairs in the cube pairs before each
    first = 0
    while first < len(pairs):  # batches of about _PAIR_BATCH member pairs, at least one cube pair each
        last = max(first + 1, int(np.searchsorted(done_before, done_before[first] + _PAIR_BATCH, side="right")) - 1)
        chunk, sizes = pairs[first:last], member_pairs[first:last]
        first = last
        which = np.repeat(np.arange(len(chunk)), sizes)  # cube pair of each member pair
        offset = np.arange(len(which)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        count_b = cubes.count[chunk[which, 1]]
        i = cubes.order[cubes.start[chunk[which, 0]] + offset // count_b]
        j = cubes.order[cubes.start[chunk[which, 1]] + offset % count_b]
        linked = haversine_km(lat[i], lon[i], lat[j], lon[j]) <= km
        touching.append(chunk[np.unique(which[linked])])
    return np.concatenate(touching)


def _join_large_pairs(cubes: _Cubes, pairs: np.ndarray, group: np.ndarray, lat: np.ndarray, lon: np.ndarray,
                      km: float, chord_sure: float, chord_reach: float) -> np.ndarray:
    """``group`` with the groups of touching cube pairs merged; pairs already in one group are skipped."""
    parent = list(range(int(group.max()) + 1))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for cube_a, cube_b in pairs.tolist():
        root_a, root_b = root(int(group[cube_a])), root(int(group[cube_b]))
        if root_a != root_b and _cubes_touch(cubes, cube_a, cube_b, lat, lon, km, chord_sure, chord_reach):
            parent[max(root_a, root_b)] = min(root_a, root_b)
    roots = np.array([root(node) for node in range(len(parent))])
    return roots[group]


def _cubes_touch(cubes: _Cubes, cube_a: int, cube_b: int, lat: np.ndarray, lon: np.ndarray, km: float,
                 chord_sure: float, chord_reach: float) -> bool:
    """Whether some member of ``cube_a`` is within ``km`` of some member of ``cube_b`` (exact)."""
    vectors = cubes.vectors
    anchor_a, anchor_b = vectors[cubes.anchor[cube_a]], vectors[cubes.anchor[cube_b]]
    in_a, in_b = cubes.members(cube_a), cubes.members(cube_b)
    in_a = in_a[np.linalg.norm(vectors[in_a] - anchor_b, axis=1) <= cubes.radius[cube_b] + chord_reach]
    in_b = in_b[np.linalg.norm(vectors[in_b] - anchor_a, axis=1) <= cubes.radius[cube_a] + chord_reach]
    if in_a.size == 0 or in_b.size == 0:
        return False
    if in_a.size > in_b.size:
        in_a, in_b = in_b, in_a
    tree = cKDTree(vectors[in_b])
    nearest, _ = tree.query(vectors[in_a], k=1, distance_upper_bound=chord_reach)
    if (nearest <= chord_sure).any():
        return True
    close = np.flatnonzero(np.isfinite(nearest))  # within reach but not surely linked: ask haversine_km
    for point, found in zip(in_a[close].tolist(), tree.query_ball_point(vectors[in_a[close]], chord_reach)):
        others = in_b[np.asarray(found, dtype=np.int64)]
        if (haversine_km(lat[point], lon[point], lat[others], lon[others]) <= km).any():
            return True
    return False
