"""Rows coded by their combination of values in several columns: a MultiIndex factorized, several times faster."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["value_combinations"]


def value_combinations(columns: list[pd.Series]) -> tuple[np.ndarray, list[tuple]]:
    """Code of each row's combination of values, and the combinations in order of first appearance.

    The same as factorizing a MultiIndex of ``columns``, several times faster: each column is factorized
    alone (a missing value is a value of its own) and the codes are combined into one integer.
    """
    codes, uniques = zip(*(pd.factorize(column, sort=False, use_na_sentinel=False) for column in columns))
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column_codes, column_uniques in zip(codes, uniques):
        combined = combined * len(column_uniques) + column_codes
    row_codes, found = pd.factorize(combined, sort=False)
    uniques = [list(column_uniques) for column_uniques in uniques]  # plain values: indexing an Index is slow
    combinations = []
    for value in found.tolist():
        parts = []
        for column_uniques in reversed(uniques):
            value, at = divmod(value, len(column_uniques))
            parts.append(column_uniques[at])
        combinations.append(tuple(reversed(parts)))
    return row_codes, combinations
