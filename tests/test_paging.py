"""Server-side pages of a long table."""

import numpy as np
import pandas as pd
import pytest

from utils.analysis.paging import page_count, page_positions, sorted_positions, table_page


@pytest.mark.parametrize(("rows", "pages"), [(0, 1), (1, 1), (1000, 1), (1001, 2), (1_000_000, 1000)])
def test_page_count(rows, pages):
    assert page_count(rows) == pages


def test_pages_are_sorted_on_the_whole_table_and_clamped():
    frame = pd.DataFrame({"n": range(2500), "k": [i % 7 for i in range(2500)]})
    first = table_page(frame, "n", ascending=False, page=1)
    assert first["n"].tolist()[:3] == [2499, 2498, 2497] and len(first) == 1000
    assert table_page(frame, "n", ascending=True, page=3)["n"].tolist() == list(range(2000, 2500))
    assert table_page(frame, "n", ascending=True, page=99)["n"].iloc[0] == 2000
    with pytest.raises(KeyError, match="cannot sort by 'x'"):
        table_page(frame, "x", True, 1)


@pytest.mark.parametrize("ascending", [True, False])
def test_sorted_positions_keep_ties_in_file_order_and_missing_last(ascending):
    column = pd.Series(["b", None, "a", "b", "a", None, "c"], dtype="str")
    order = sorted_positions(column, ascending).tolist()
    assert order == ([2, 4, 0, 3, 6, 1, 5] if ascending else [6, 0, 3, 2, 4, 1, 5])
    dates = pd.Series(pd.to_datetime(["2025-03-01", None, "2025-01-01", "2025-03-01"]))
    assert sorted_positions(dates, ascending).tolist() == ([2, 0, 3, 1] if ascending else [0, 3, 2, 1])


def test_sorted_positions_through_a_mask_are_positions_in_the_whole_frame():
    column = pd.Series([5, 4, 3, 2, 1, 0])
    keep = np.array([True, False, True, False, True, True])
    positions = sorted_positions(column, True, keep)
    assert positions.tolist() == [5, 4, 2, 0]
    assert page_positions(positions, 2, page_rows=3).tolist() == [0]
    assert page_positions(positions, 99, page_rows=3).tolist() == [0]
    assert page_positions(np.array([], dtype=int), 1).tolist() == []
