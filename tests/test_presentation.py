"""Dates said as precisely as they are known: every row through date_texts says what date_text says."""

from __future__ import annotations

import pandas as pd
import pytest

from utils.core.presentation import date_text, date_texts

ROWS = pd.DataFrame({
    "event_date": pd.to_datetime(["2025-03-28", "2025-03-25", "2025-03-15", "2018-06-15", None, "2025-03-28",
                                  "2020-01-01"]),
    "date_precision": ["day", "week", "month", "year", "day", "week", None],
}, index=[10, 3, 7, 1, 8, 4, 2])


@pytest.mark.parametrize("note", [False, True])
@pytest.mark.parametrize("rows", [ROWS, ROWS.iloc[:0], ROWS.astype({"date_precision": "string"}),
                                  ROWS.assign(event_date=ROWS["event_date"].dt.strftime("%Y-%m-%d"))])
def test_each_row_says_its_date_as_date_text_does_and_keeps_its_index(rows, note):
    said = date_texts(rows, note=note)
    expected = [date_text(pd.Timestamp(d) if pd.notna(d) else pd.NaT, "" if pd.isna(p) else p, note=note)
                for d, p in zip(rows["event_date"], rows["date_precision"])]
    assert said.tolist() == expected and said.index.equals(rows.index) and said.dtype == object


def test_coarse_dates_say_so_only_with_the_note():
    assert date_texts(ROWS, note=True).tolist()[:5] == [
        "2025-03-28", "week of 2025-03-25 (within 3 days)", "March 2025 (month known only)", "2018 (year known only)", ""]
    assert date_texts(ROWS).tolist()[1:4] == ["week of 2025-03-25", "March 2025", "2018"]
