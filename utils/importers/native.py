"""Our own schema (data/README.md): the rows go to validation as they are."""

from __future__ import annotations

import pandas as pd

from utils.importers.conversion import Conversion

__all__ = ["convert"]


def convert(frame: pd.DataFrame, file: str) -> Conversion:
    """Native rows need no conversion; a blank ``admin1`` is filled from the polygons."""
    return Conversion(frame=frame)
