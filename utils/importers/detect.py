"""Telling the format of a file from its first bytes and its column names."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable

from utils.core.schema import EVENT_COLUMNS

__all__ = ["FORMAT_LABELS", "detect_columns", "header_labels", "looks_like_json"]

FORMAT_LABELS: dict[str, str] = {
    "auto": "Detect from the file",
    "native": "Native (the data/events.csv columns)",
    "acled": "ACLED export",
    "ucdp": "UCDP GED",
    "csv": "Other CSV: map its columns",
    "geojson": "GeoJSON (Points with properties)",
}
"""Format key -> the name shown to the user."""

_ACLED_SIGNATURE = {"event_id_cnty", "event_date", "time_precision", "geo_precision"}
_UCDP_SIGNATURE = {"date_prec", "where_prec", "side_a", "side_b", "best"}


def looks_like_json(data: bytes) -> bool:
    """True when the first character that is not blank (after a byte-order mark) opens a JSON object or array."""
    head = data[:1024]
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom):]
    stripped = head.replace(b"\x00", b"").lstrip()
    return stripped[:1] in (b"{", b"[")


def header_labels(data: bytes, encoding: str) -> list[str]:
    """The CSV header's labels, read leniently (the full read reports any bad byte)."""
    text = data[:262_144].decode(encoding, errors="replace").lstrip("\ufeff")
    try:
        return [label.strip() for label in next(csv.reader(io.StringIO(text, newline="")), [])]
    except csv.Error:
        return []


def detect_columns(columns: Iterable[str]) -> str | None:
    """'native', 'acled' or 'ucdp' when the columns carry that format's signature, else ``None``.

    A file with most of our columns counts as native, so a missing one is named rather than the
    whole file being called unknown.
    """
    present = set(columns)
    ours = present & set(EVENT_COLUMNS)
    if {"event_id", "event_date", "latitude", "longitude"} <= ours and len(ours) * 3 >= len(EVENT_COLUMNS) * 2:
        return "native"
    if present >= _ACLED_SIGNATURE:
        return "acled"
    if present >= _UCDP_SIGNATURE:
        return "ucdp"
    return None
