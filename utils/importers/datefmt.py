"""Date formats: one declared or detected format for a whole file, never a guess per row.

``03/04/2025`` is 3 April or 4 March depending on the file's convention. A
format is detected only when every date in the file fits it better than any
other; when two formats fit equally (every day is 12 or less), the file is
ambiguous and the user must say which one it uses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from utils.core.problems import DataFileError
from utils.data.validation import EARLIEST_EVENT_DATE, CellCheck

__all__ = ["DATE_FORMATS", "detect_date_format", "early_date_check", "parse_dates"]

DATE_FORMATS: dict[str, str] = {
    "YYYY-MM-DD": "%Y-%m-%d",
    "DD Month YYYY": "%d %B %Y",
    "DD/MM/YYYY": "%d/%m/%Y",
    "MM/DD/YYYY": "%m/%d/%Y",
    "DD.MM.YYYY": "%d.%m.%Y",
}
"""Name shown to the user -> strptime pattern. 'DD Month YYYY' is ACLED's text form, e.g. '02 June 2023'."""

_SAMPLE = 20_000


def parse_dates(text: pd.Series, name: str) -> pd.Series:
    """Parse ``text`` with the format called ``name``; NaT where a cell does not fit it.

    Each distinct text is parsed once (a file holds far fewer days than rows).
    """
    cleaned = text.fillna("").astype(str).str.strip()
    codes, uniques = pd.factorize(cleaned.where(cleaned != ""), use_na_sentinel=True)
    parsed = pd.to_datetime(pd.Series(uniques, dtype=object), format=DATE_FORMATS[name], errors="coerce")
    values = parsed.astype("datetime64[us]").to_numpy()
    result = np.where(codes >= 0, values[np.maximum(codes, 0)] if len(values) else np.datetime64("NaT"),
                      np.datetime64("NaT"))
    return pd.Series(result, index=text.index, dtype="datetime64[us]")


def early_date_check(column: str, dates: pd.Series, values: pd.Series, *,
                     replaces: tuple[str, ...] = ("event_date",)) -> CellCheck:
    """Rows whose date (read from ``column``) is before 1900, set aside with the reason validation gives."""
    early = (dates < pd.Timestamp(EARLIEST_EVENT_DATE)).fillna(False).astype(bool)
    return CellCheck(column, early, f"the date is before {EARLIEST_EVENT_DATE.isoformat()}; no event here is "
                                    "that old. Check the year (a year such as 0001 or 1600 is usually a typo "
                                    "or a placeholder).", replaces=replaces, values=values)


def detect_date_format(text: pd.Series, candidates: tuple[str, ...], *, file: str, column: str) -> str:
    """The one format in ``candidates`` that reads the most dates of ``text``.

    Raises :class:`DataFileError` when no format reads any date, or when two
    formats read the same dates (the file is ambiguous: choose its format).
    """
    values = pd.Series(text.fillna("").astype(str).str.strip().unique())
    values = values[values != ""]
    if values.empty:
        return candidates[0]
    if len(values) > _SAMPLE:
        values = values.sample(_SAMPLE, random_state=0)
    scores = {name: int(parse_dates(values, name).notna().sum()) for name in candidates}
    best = max(scores.values())
    if best == 0:
        raise DataFileError(file, "no date in this column fits a known form ("
                            + ", ".join(candidates) + "); choose the date format or fix the dates.",
                            column=column, value=str(values.iloc[0]))
    winners = [name for name, score in scores.items() if score == best]
    if len(winners) > 1:
        example = values[parse_dates(values, winners[0]).notna()].iloc[0]
        raise DataFileError(file, f"the dates are ambiguous: they read as {' and as '.join(winners)}, "
                                  f"which give different days. Choose the date format the file uses.",
                            column=column, value=str(example))
    return winners[0]
