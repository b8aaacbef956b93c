"""What changed between two versions of the events: the column-wise diff against the old cell-by-cell one."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from utils.data.dataset import load_dataset
from utils.data.diff import COMPARED_FIELDS, diff_events, field_text

DATA = Path(__file__).resolve().parent.parent / "data"


# The cell-by-cell diff this module replaced (commit 5b083f6), kept as the reference: every value through
# Python, 23.9M calls for two versions of a million events.
def _reference_text(value: object, field: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if field == "event_date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if field in ("latitude", "longitude"):
        return f"{float(value):.5f}"
    if field in ("geo_precision", "fatalities"):
        return str(int(float(value)))
    return str(value).strip()


def reference_diff(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    old_ids, new_ids = set(old["event_id"]), set(new["event_id"])
    added = new[~new["event_id"].isin(old_ids)]
    removed = old[~old["event_id"].isin(new_ids)]
    both = sorted(old_ids & new_ids)
    old_rows = old.set_index("event_id").loc[both]
    new_rows = new.set_index("event_id").loc[both]
    changes = []
    for field in COMPARED_FIELDS:
        if field not in old_rows.columns or field not in new_rows.columns:
            continue
        before = old_rows[field].map(lambda v, f=field: _reference_text(v, f))
        after = new_rows[field].map(lambda v, f=field: _reference_text(v, f))
        for event_id in before.index[before != after]:
            changes.append((event_id, field, before[event_id], after[event_id]))
    table = pd.DataFrame(changes, columns=["event_id", "field", "old", "new"]).sort_values(
        ["event_id", "field"]).reset_index(drop=True)
    return added.reset_index(drop=True), removed.reset_index(drop=True), table


def assert_same_as_reference(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    added, removed, changes = diff_events(old, new)
    want_added, want_removed, want_changes = reference_diff(old, new)
    assert added["event_id"].tolist() == want_added["event_id"].tolist()
    assert removed["event_id"].tolist() == want_removed["event_id"].tolist()
    assert changes.values.tolist() == want_changes.values.tolist()
    return changes


def test_added_removed_and_changed_fields_old_to_new():
    old = load_dataset(DATA).events
    new = old.copy()
    new.loc[new["event_id"] == "EV0005", "status"] = "confirmed"
    new.loc[new["event_id"] == "EV0021", "event_date"] = pd.Timestamp("2022-06-16")
    new.loc[new["event_id"] == "EV0021", "latitude"] = 33.6
    new = new[new["event_id"] != "EV0030"]
    extra = new.iloc[[0]].assign(event_id="EV9999")
    new = pd.concat([new, extra], ignore_index=True)
    added, removed, changes = diff_events(old, new)
    assert list(added["event_id"]) == ["EV9999"]
    assert list(removed["event_id"]) == ["EV0030"]
    assert changes.values.tolist() == [
        ["EV0005", "status", "reported", "confirmed"],
        ["EV0021", "event_date", "2022-06-15", "2022-06-16"],
        ["EV0021", "latitude", "33.50583", "33.60000"],
    ]
    assert_same_as_reference(old, new)


def test_identical_versions_have_no_differences():
    events = load_dataset(DATA).events
    added, removed, changes = diff_events(events, events.copy())
    assert added.empty and removed.empty and changes.empty


def test_neither_version_is_modified():
    old = load_dataset(DATA).events
    new = old.sample(frac=1, random_state=3).assign(status="claimed")
    before_old, before_new = old.copy(), new.copy()
    diff_events(old, new)
    pd.testing.assert_frame_equal(old, before_old)
    pd.testing.assert_frame_equal(new, before_new)


TRICKY = [
    # (field, old value, new value, changed?)  as the reference reads them
    ("latitude", 35.123451, 35.123452, False),          # both read 35.12345
    ("latitude", 35.123444, 35.123456, True),           # 35.12344 -> 35.12346
    ("latitude", 0.0, -0.0, True),                      # 0.00000 -> -0.00000
    ("latitude", np.nan, np.nan, False),
    ("latitude", np.nan, 35.0, True),
    ("longitude", 1.000005, 1.000015, True),
    ("longitude", float("inf"), float("inf"), False),
    ("fatalities", 2.0, 2.7, False),                    # both read 2
    ("fatalities", -0.5, 0.0, False),                   # int(-0.5) is 0
    ("fatalities", np.nan, 0.0, True),                  # unknown -> 0
    ("geo_precision", 1, 2, True),
    ("location", "Jableh ", "Jableh", False),           # spaces around text are not a change
    ("location", " Jableh", "Jab leh", True),
    ("location", "", np.nan, False),                    # blank and missing read the same
    ("location", "   ", None, False),
    ("location", "nan", np.nan, True),                  # the word 'nan' is text
    ("location", "\x1cJableh", "Jableh", False),        # Python's strip takes the separator characters too
    ("location", "Jableh\u00a0", "Jableh", False),      # and no-break spaces
    ("location", "Jableh\u200b", "Jableh", True),       # a zero-width space is not a space
    ("notes", "not compared", "changed", False),        # not a compared field: never listed
    ("event_date", pd.Timestamp("2025-03-15 00:00"), pd.Timestamp("2025-03-15 18:30"), False),
    ("event_date", pd.Timestamp("2025-03-15"), pd.NaT, True),
    ("event_date", pd.NaT, pd.NaT, False),
    ("status", "reported", "Reported", True),
]


@pytest.mark.parametrize(("field", "before", "after", "changed"), TRICKY)
def test_tricky_values_read_as_the_cell_by_cell_diff_read_them(field, before, after, changed):
    old = pd.DataFrame({"event_id": ["A", "B"], field: pd.Series([before, before], dtype=object)})
    new = pd.DataFrame({"event_id": ["B", "A"], field: pd.Series([after, before], dtype=object)})
    if field == "event_date":
        old[field], new[field] = pd.to_datetime(old[field]), pd.to_datetime(new[field])
    elif field in ("latitude", "longitude", "fatalities", "geo_precision"):
        old[field], new[field] = old[field].astype(float), new[field].astype(float)
    changes = assert_same_as_reference(old, new)
    assert len(changes) == (1 if changed else 0)
    assert set(changes["event_id"]) <= {"B"}


def test_typed_columns_and_text_columns_compare_as_read():
    """The loaded data are typed (nullable Int64, string dtype); an upload read differently is compared as read."""
    typed = pd.DataFrame({
        "event_id": pd.array(["A", "B", "C", "D"], dtype="string"),
        "fatalities": pd.array([1, None, 3, 0], dtype="Int64"),
        "latitude": [35.1, 35.2, 35.3, 35.4],
        "location": pd.array(["Jableh", None, "Tartus ", "Idlib"], dtype="string"),
        "event_date": pd.to_datetime(["2025-03-15", "2025-03-16", None, "2025-03-18"]),
    })
    as_text = pd.DataFrame({
        "event_id": ["D", "C", "B", "A"],
        "fatalities": ["0", "3.0", None, "2"],
        "latitude": ["35.40000", "35.3", None, "35.1"],
        "location": ["Idlib", "Tartus", "", "Jableh"],
        "event_date": ["2025-03-18", None, "2025-03-16", "2025-03-15"],
    })
    changes = assert_same_as_reference(typed, as_text)
    assert changes.values.tolist() == [["A", "fatalities", "1", "2"], ["B", "latitude", "35.20000", ""]]


@pytest.mark.parametrize("field", COMPARED_FIELDS)
def test_each_field_reads_like_the_reference(field):
    values = {
        "event_date": pd.Series(pd.to_datetime(["2025-03-15 10:00", None, "1999-12-31 23:59"])),
        "latitude": pd.Series([35.123455, np.nan, -0.0]),
        "longitude": pd.Series([1e-7, 179.999995, np.nan]),
        "geo_precision": pd.Series([1, 2, 3]),
        "fatalities": pd.Series(pd.array([None, 0, 12], dtype="Int64")),
    }.get(field, pd.Series([" a b ", None, "ملاحظة"], dtype="string"))
    assert field_text(values, field).tolist() == [_reference_text(v, field) for v in values.astype(object)]


_text = st.one_of(st.none(), st.just(np.nan), st.text(alphabet=" \t\u00a0ab\x1cé", max_size=4))
_number = st.one_of(st.just(np.nan), st.floats(-1e6, 1e6, allow_nan=False),
                    st.sampled_from([0.0, -0.0, 35.123455, 35.123465, 2.5, -2.5]))
_date = st.one_of(st.none(), st.datetimes(min_value=pd.Timestamp("1990-01-01").to_pydatetime(),
                                         max_value=pd.Timestamp("2030-01-01").to_pydatetime()))


@st.composite
def versions(draw) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids = draw(st.lists(st.sampled_from("ABCDEFGH"), unique=True, max_size=8))
    other = draw(st.lists(st.sampled_from("ABCDEFGH"), unique=True, max_size=8))

    def frame(event_ids: list[str]) -> pd.DataFrame:
        n = len(event_ids)
        return pd.DataFrame({
            "event_id": event_ids,
            "location": pd.Series(draw(st.lists(_text, min_size=n, max_size=n)), dtype=object),
            "latitude": pd.Series(draw(st.lists(_number, min_size=n, max_size=n)), dtype=float),
            "fatalities": pd.Series(draw(st.lists(_number, min_size=n, max_size=n)), dtype=float),
            "event_date": pd.to_datetime(pd.Series(draw(st.lists(_date, min_size=n, max_size=n)), dtype=object)),
        })

    return frame(ids), frame(other)


@given(versions())
def test_any_two_versions_diff_as_the_cell_by_cell_reference(pair):
    old, new = pair
    assert_same_as_reference(old, new)
