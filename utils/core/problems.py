"""Problems found in a data file: one per bad cell, row or file."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["BLANK", "INVALID", "DataFileError", "Problem", "problems_frame"]

BLANK = "blank"
"""Problem kind: a cell that needs a value is empty (a form can wait until the user tries to save)."""
INVALID = "invalid"
"""Problem kind: a value that is there but wrong, or a problem with the whole row or file."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file.

    ``row`` is the row number a spreadsheet shows (the header is row 1, the
    first data row is row 2); ``None`` when the problem is with the whole file.
    ``kind`` is :data:`BLANK` or :data:`INVALID`.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    reason: str
    kind: str = INVALID

    def message(self) -> str:
        """Say where the problem is, what the value was and how to fix it."""
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        if self.value is not None:
            shown = self.value if len(self.value) <= 80 else self.value[:77] + "..."
            where.append(f"value {shown!r}")
        return ", ".join(where) + f": {self.reason}"


class DataFileError(ValueError):
    """A file that cannot be read as rows at all; nothing from it is loaded."""

    def __init__(self, file: str, reason: str, *, row: int | None = None, column: str | None = None,
                 value: str | None = None) -> None:
        self.problem = Problem(file=file, row=row, column=column, value=value, reason=reason)
        super().__init__(self.problem.message())


PROBLEM_COLUMNS = ("file", "row", "column", "value", "reason")


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    """Return problems as a table with columns file, row, column, value, reason."""
    frame = pd.DataFrame(
        [(p.file, p.row, p.column, p.value, p.reason) for p in problems],
        columns=list(PROBLEM_COLUMNS),
    )
    frame["row"] = frame["row"].astype("Int64")
    return frame
