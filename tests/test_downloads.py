"""Downloads: the bounded store of prepared files, and the GeoJSON written column by column."""

import functools
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.downloads import PreparedFiles
from utils.data.dataset import load_dataset
from utils.export import formats
from utils.export.formats import _export_frame, events_geojson_bytes

DATA = Path(__file__).resolve().parent.parent / "data"


def test_prepared_files_drop_the_least_recently_used_over_count_or_size():
    store = PreparedFiles(max_files=2, max_bytes=10)
    store.put("a", b"1234")
    store.put("b", b"5678")
    assert store.get("a") == b"1234"       # a is now the most recently used
    store.put("c", b"9")
    assert store.get("b") is None and store.get("a") == b"1234" and store.get("c") == b"9"
    store.put("d", b"1234567890")         # 11 bytes with c: c goes too
    assert store.get("a") is None and store.get("c") is None and store.get("d") == b"1234567890"
    store.put("huge", b"x" * 50)          # one file larger than the bound is still kept (alone)
    assert store.get("huge") and store.total_bytes == 50


# The GeoJSON writer this replaced (commit 5b083f6), without its indent, as the reference document.
def _reference_geojson(events: pd.DataFrame) -> dict:
    features = []
    for record in _export_frame(events).to_dict("records"):
        properties = {k: (None if pd.isna(v) else
                          (int(v) if k in ("fatalities", "geo_precision", "independent_sources") else v))
                      for k, v in record.items() if k not in ("latitude", "longitude")}
        features.append({"type": "Feature", "properties": properties, "geometry": {
            "type": "Point", "coordinates": [float(record["longitude"]), float(record["latitude"])]}})
    return json.loads(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))


@functools.cache
def _bundled() -> pd.DataFrame:
    return load_dataset(DATA).events


@pytest.fixture
def bundled() -> pd.DataFrame:
    return _bundled()


TRICKY_TEXT = ['say "no"', "back\\slash", "line\nbreak\r\ttab", "\x00\x01\x1f control", "é 東 ملاحظة",
               "\u2028\u2029", "</script><b>", "%s %% {}", "", "   ", "a/b"]


def test_geojson_is_the_reference_document_for_tricky_cells(bundled):
    events = bundled.copy()
    for row, text in enumerate(TRICKY_TEXT):
        events.loc[row, "notes"] = text
    events.loc[len(TRICKY_TEXT), "notes"] = None
    events.loc[0, "fatalities"] = pd.NA
    events.loc[1, "nearest_site_km"] = np.nan
    events.loc[2, "latitude"] = 35.123456789012
    assert json.loads(events_geojson_bytes(events)) == _reference_geojson(events)


def test_geojson_is_compact_and_chunked_the_same(bundled, monkeypatch):
    whole = events_geojson_bytes(bundled)
    assert b"\n" not in whole and b'": ' not in whole, "no indentation"
    monkeypatch.setattr(formats, "_CHUNK_ROWS", 7)   # 30 events in five chunks
    assert events_geojson_bytes(bundled) == whole
    assert json.loads(events_geojson_bytes(bundled.iloc[:0])) == {"type": "FeatureCollection", "features": []}


@settings(max_examples=40)
@given(st.lists(st.one_of(st.none(), st.text(max_size=12)), min_size=1, max_size=30))
def test_any_text_is_written_as_json_writes_it(texts):
    events = _bundled().iloc[:len(texts)].copy()
    events["notes"] = pd.Series(texts, index=events.index, dtype=object)
    assert json.loads(events_geojson_bytes(events)) == _reference_geojson(events)
