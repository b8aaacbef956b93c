"""Facet values and their counts: what each filter can choose and how many events hold it."""

from __future__ import annotations

import pandas as pd

from utils.analysis.filters import FACETS
from utils.data.dataset import Dataset

__all__ = ["column_counts", "facet_options"]


def column_counts(dataset: Dataset, column: str) -> pd.Series:
    """How many events hold each value of ``column``, most frequent first; computed once per dataset."""
    key = ("counts", column)
    if key not in dataset.memo:
        dataset.memo[key] = dataset.events[column].value_counts()
    return dataset.memo[key]


def facet_options(dataset: Dataset) -> dict[str, list[str]]:
    """The values each filter facet can take, most frequent first."""
    return {name: column_counts(dataset, column).index.astype(str).tolist() for name, column in FACETS.items()}
