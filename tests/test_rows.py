"""EventRows: what the map reads of the rows a filter keeps, without copying them, equals what pandas gives
on the copied rows (counts and their order with ties, the newest, coordinates, codes); and frames held in one
Arrow chunk (utils/data/frames.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from utils.analysis.rows import EventRows, as_rows
from utils.data.dataset import Memo
from utils.data.frames import in_one_chunk


def _events(size: int, seed: int, categories: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    names = [f"value {i:02d}" for i in range(categories)]
    kind = pd.array(rng.choice(names, size), dtype="str")
    kind[rng.random(size) < 0.05] = None  # some missing
    return pd.DataFrame({
        "event_id": pd.array([f"E{i:05d}" for i in range(size)], dtype="str"),
        "event_type": kind,
        "status": pd.array(rng.choice(["claimed", "reported"], size), dtype="str"),
        "event_date": (pd.to_datetime("2020-01-01") + pd.to_timedelta(rng.integers(0, 40, size), unit="D")).to_numpy(),
        "latitude": rng.uniform(32, 37, size).round(2),
        "longitude": rng.uniform(35, 42, size).round(2),
        "count": rng.integers(0, 5, size),
    }, index=pd.RangeIndex(size) * 3)  # an index that is not 0, 1, 2 ... (take must keep its labels)


CASES = [  # (size, seed, categories, share kept); small sizes make ties in the counts likely
    (0, 1, 3, 0.5),
    (1, 2, 3, 1.0),
    (12, 3, 3, 0.5),
    (40, 4, 20, 0.7),
    (300, 5, 25, 0.3),
    (2000, 6, 30, 0.9),
    (500, 7, 4, 0.0),
]


@pytest.mark.parametrize(("size", "seed", "categories", "share"), CASES)
def test_rows_read_what_the_copied_rows_hold(size, seed, categories, share):
    events = _events(size, seed, categories)
    assert events["event_id"].notna().all()
    mask = np.random.default_rng(seed + 100).random(size) < share
    shown = events.loc[mask]
    rows = EventRows(events, mask, Memo())
    assert len(rows) == rows.count == len(shown)
    assert rows.positions.tolist() == np.flatnonzero(mask).tolist()
    for column in ("event_type", "status"):
        for normalize in (False, True):
            pd.testing.assert_series_equal(rows.value_counts(column, normalize=normalize),
                                           shown[column].value_counts(normalize=normalize))
        # the codes of pd.Categorical(column.astype(str)) over the whole frame: the same labels, in the same
        # order (so a tie between categories goes the same way as over the kept rows alone), missing is -1
        categorical = pd.Categorical(shown[column].astype(str))
        codes, labels = rows.codes(column)
        assert [labels[c] if c >= 0 else None for c in codes] == \
            [categorical.categories[c] if c >= 0 else None for c in categorical.codes]
        assert list(labels) == sorted(labels)
    assert rows.floats("latitude").tolist() == shown["latitude"].tolist()
    expected_bbox = None if not len(shown) else [shown["latitude"].min(), shown["longitude"].min(),
                                                 shown["latitude"].max(), shown["longitude"].max()]
    assert rows.bbox() == expected_bbox
    for limit in (1, 5, 500):
        newest = rows.take(rows.newest(limit))
        pd.testing.assert_frame_equal(newest, shown.nlargest(limit, "event_date"))
    picked = np.array([0, len(shown) - 1]) if len(shown) else np.zeros(0, dtype=int)
    pd.testing.assert_frame_equal(rows.take(picked), shown.iloc[picked])
    pd.testing.assert_frame_equal(rows.frame(), shown)


def test_rows_of_a_whole_frame_and_of_a_shared_cache():
    events = _events(50, 9, 5)
    whole = as_rows(events)
    assert whole.frame() is events and len(whole) == 50
    pd.testing.assert_series_equal(whole.value_counts("event_type"), events["event_type"].value_counts())
    assert as_rows(whole) is whole
    mask = np.arange(50) % 2 == 0
    cached = events.loc[mask]
    rows = EventRows(events, mask, Memo(), frame=lambda: cached)
    assert rows.frame() is cached  # the shared cache's frame, not a new copy


def test_rows_share_the_arrays_of_the_memo_and_never_change_the_frame():
    events = _events(100, 10, 6)
    before = events.copy()
    memo = Memo()
    first = EventRows(events, np.arange(100) < 60, memo)
    first.floats("latitude"), first.codes("event_type"), first.value_counts("status"), first.newest(3)
    built = len(memo)
    second = EventRows(events, np.arange(100) >= 30, memo)
    second.floats("latitude"), second.codes("event_type"), second.value_counts("status"), second.newest(3)
    assert len(memo) == built  # the whole-frame arrays were made once, for both
    with pytest.raises(ValueError):
        first.floats("latitude")[0] = 0.0  # read-only
    pd.testing.assert_frame_equal(events, before)
    with pytest.raises(ValueError, match="the mask has 3 values for 100 events"):
        EventRows(events, np.ones(3, dtype=bool))


def test_where_finds_an_event_kept_or_not():
    events = _events(30, 11, 3)
    rows = EventRows(events, np.arange(30) < 10, Memo())
    assert rows.where("event_id", "E00025").tolist() == [25]
    assert rows.where("event_id", "nope").tolist() == []


def test_in_one_chunk_joins_chunked_text_and_keeps_the_values():
    text = pa.chunked_array([pa.array(["a", "b"]), pa.array(["c", None])])
    frame = pd.DataFrame({"name": pd.array(text, dtype="str"), "number": [1.0, 2.0, 3.0, 4.0]})
    assert frame["name"].array._pa_array.num_chunks == 2
    joined = in_one_chunk(frame)
    assert joined["name"].array._pa_array.num_chunks == 1
    pd.testing.assert_frame_equal(joined, frame)
    assert frame["name"].array._pa_array.num_chunks == 2  # the caller's frame is unchanged
    assert in_one_chunk(joined) is joined  # nothing to join: the same frame


@pytest.mark.parametrize(("size", "seed", "categories", "share"), CASES)
def test_date_order_is_the_sort_by_date_then_id_of_the_kept_rows(size, seed, categories, share):
    """The map's payload order, from one rank per dataset: ids out of frame order, tied and missing dates."""
    events = _events(size, seed, categories)
    rng = np.random.default_rng(seed + 200)
    events["event_id"] = pd.array(rng.permutation(events["event_id"].to_numpy()), dtype="str")
    dates = events["event_date"].copy()
    dates[rng.random(size) < 0.1] = pd.NaT
    events["event_date"] = dates
    mask = rng.random(size) < share
    shown = events.loc[mask]
    rows = EventRows(events, mask, Memo())
    expected = shown.sort_values(["event_date", "event_id"], kind="stable")
    pd.testing.assert_frame_equal(shown.iloc[rows.date_order()], expected)
    pd.testing.assert_frame_equal(events.iloc[EventRows(events, None, rows.memo).date_order()],
                                  events.sort_values(["event_date", "event_id"], kind="stable"))


def test_prepare_builds_the_shared_rank_and_codes_once_and_changes_no_answer():
    """What the server's warm run builds (ui/warm.py): later rows of the dataset read it instead of making it."""
    events = _events(500, 7, 4)
    memo = Memo()
    EventRows(events, memo=memo).prepare(["event_type"])
    assert ("rank", "event_date", "event_id") in memo and ("codes", "event_type") in memo
    built = len(memo)
    mask = np.random.default_rng(7).random(len(events)) < 0.3
    rows = EventRows(events, mask, memo)
    expected = events.loc[mask].sort_values(["event_date", "event_id"], kind="stable")
    pd.testing.assert_frame_equal(events.loc[mask].iloc[rows.date_order()], expected)
    pd.testing.assert_series_equal(rows.value_counts("event_type"), events.loc[mask, "event_type"].value_counts())
    assert len(memo) == built  # nothing made again
