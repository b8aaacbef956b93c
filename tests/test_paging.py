"""Server-side pages of a long table."""

import pandas as pd
import pytest

from utils.analysis.paging import page_count, table_page


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
