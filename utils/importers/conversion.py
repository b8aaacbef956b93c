"""What a format converter returns: the file's rows in our schema, as text, with its own checks."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from utils.core.problems import DataFileError
from utils.core.schema import is_computed_column
from utils.data.csv_read import EXTRA_COLUMN, ROW_COLUMN, text_dtype
from utils.data.text_columns import repeated_text
from utils.data.validation import CellCheck

__all__ = ["Conversion", "keep_columns", "require_columns", "text_series"]


@dataclass
class Conversion:
    """Rows in the native schema (text cells), extra columns kept, ``_row`` carried over.

    ``checks``: the format's own rules (bad codes, unreadable dates), run by
    :func:`utils.data.validation.validate_events`. ``source_columns`` maps a native
    column to the file's column it was copied from, so the report names the
    column the user knows. ``fill_admin1``: governorates come from the
    polygons (the format's own admin names are kept as extra columns).
    """

    frame: pd.DataFrame
    checks: list[CellCheck] = field(default_factory=list)
    source_columns: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def text_series(value: str | pd.Series, index: pd.Index) -> pd.Series:
    """A text column: ``value`` repeated, or a series as Arrow-backed text with blanks for missing cells."""
    if isinstance(value, pd.Series):
        text = value.astype(text_dtype())
        return text.fillna("") if text.hasnans else text
    return repeated_text(value, index)


def require_columns(frame: pd.DataFrame, columns: tuple[str, ...], file: str, label: str) -> None:
    """Refuse the file when it lacks any of ``columns``, naming them."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataFileError(file, f"required {label} column(s) missing: {', '.join(missing)}. "
                                  f"Export the file again with every column, or choose another format.", row=1)


INTERNAL_COLUMNS = frozenset({"_reasons", EXTRA_COLUMN, ROW_COLUMN})
"""Names the import uses for itself; a file's column with one of them is kept under a prefixed name, as is
one named like a computed column (:func:`utils.core.schema.is_computed_column`)."""


def keep_columns(out: dict[str, pd.Series], frame: pd.DataFrame, copied: set[str], prefix: str) -> None:
    """Add every column of ``frame`` not copied verbatim into ``out``; a clashing name gets ``prefix``."""
    for column in frame.columns:
        if column in copied or column == ROW_COLUMN:
            continue
        clashes = column in out or column in INTERNAL_COLUMNS or is_computed_column(column)
        name = f"{prefix}_{column}" if clashes else column
        out[name] = text_series(frame[column], frame.index)
