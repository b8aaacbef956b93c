"""Bringing in events from other files: native CSV, ACLED, UCDP GED, any CSV with coordinates, GeoJSON.

Each format module turns rows into our schema (text cells, extra columns
kept); :mod:`utils.data.validation` validates them; :mod:`utils.importers.pipeline`
is the one path the app and ``python -m utils import`` share.
"""

from utils.importers.detect import FORMAT_LABELS
from utils.importers.mapped_csv import ColumnMapping, guess_mapping
from utils.importers.pipeline import (
    FORMATS,
    ImportResult,
    Inspection,
    import_bytes,
    inspect_upload,
    native_csv_bytes,
    run_import,
    set_aside_csv_bytes,
)

__all__ = ["FORMATS", "FORMAT_LABELS", "ColumnMapping", "ImportResult", "Inspection", "guess_mapping",
           "import_bytes", "inspect_upload", "native_csv_bytes", "run_import", "set_aside_csv_bytes"]
