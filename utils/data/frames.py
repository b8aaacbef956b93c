"""How a frame's columns are laid out in memory."""

from __future__ import annotations

import contextlib

import pandas as pd

__all__ = ["in_one_chunk", "release_arrow_memory"]


def in_one_chunk(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each Arrow-backed column held in one chunk (a column already in one is shared, not copied).

    Text read in blocks (the dataset cache's record batches, the PostgreSQL reader) or joined (rows patched
    in) is several chunks, and Arrow takes rows from a chunked column by joining its chunks first: every
    selection of a few rows then costs a pass over the whole column (0.3 s for 500 rows of a million events
    in 16 chunks), where one chunk gives them directly. A column too big for one chunk (2 GB of text) is left
    as it is. ``frame`` itself is not changed.
    """
    import pyarrow as pa

    columns: dict[str, object] = {}
    for column in frame.columns:
        values = frame[column]
        chunks = getattr(values.array, "_pa_array", None)
        if not isinstance(chunks, pa.ChunkedArray) or chunks.num_chunks <= 1:
            continue
        try:
            joined = chunks.combine_chunks()
        except (pa.ArrowInvalid, pa.ArrowCapacityError):  # more text than one chunk can hold
            continue
        columns[column] = pd.array(pa.chunked_array([joined], type=chunks.type), dtype=values.dtype)
    return frame.assign(**columns) if columns else frame


def release_arrow_memory() -> None:
    """Give the memory Arrow's pools keep for reuse back to the system (after a large one-off step, so that
    the next step's peak does not stack on it)."""
    import pyarrow as pa

    pools = [pa.default_memory_pool()]
    with contextlib.suppress(NotImplementedError, pa.ArrowNotImplementedError):  # a pyarrow without jemalloc
        pools.append(pa.jemalloc_memory_pool())
    for pool in pools:
        pool.release_unused()
