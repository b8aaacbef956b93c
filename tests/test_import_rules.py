"""The bad-input table of issue 3: each case states what the user gets.

A file that cannot be read as rows is refused whole (nothing loads, the
message names file, row or byte and how to fix it). Otherwise good rows load
and each bad row is set aside with row, column, value and reason; every
data row is accounted for (loaded + set aside = rows read).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from datetime import date

import pytest
from conftest import BUNDLED
from test_loading import GOOD

from utils.core.problems import DataFileError
from utils.core.schema import EVENT_COLUMNS
from utils.importers import ColumnMapping, import_bytes

TODAY = date(2026, 11, 21)


def native_bytes(rows: list[dict], header=EVENT_COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(header), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def rows(n: int, **changes) -> list[dict]:
    return [{**GOOD, "event_id": f"T{i}", **changes} for i in range(1, n + 1)]


def run(content: bytes, name: str = "events.csv", **options):
    result = import_bytes(content, name, folder=BUNDLED, today=TODAY, **options)
    assert result.loaded + result.set_aside == result.rows_read, "every row is loaded or set aside"
    return result


def refused(content: bytes, name: str = "events.csv", **options) -> str:
    with pytest.raises(DataFileError) as error:
        import_bytes(content, name, folder=BUNDLED, today=TODAY, **options)
    return str(error.value)


HEADER = ",".join(EVENT_COLUMNS).encode()
GOOD_LINE = native_bytes([GOOD]).split(b"\n")[1]

REFUSED = [
    ("empty file", b"", {}, "the file is empty"),
    ("header only", HEADER + b"\n", {}, "no data rows below the header"),
    ("wrong delimiter", HEADER.replace(b",", b";") + b"\n" + GOOD_LINE.replace(b",", b";") + b"\n", {},
     "';', tab or '|'"),
    ("non-UTF-8 byte", HEADER + b"\nT\xe9st\n", {}, f"byte 0xe9 at byte offset {len(HEADER) + 2} is not valid UTF-8"),
    ("NUL byte", HEADER + b"\n\x00\x01\x02", {}, f"NUL byte at byte offset {len(HEADER) + 1}"),
    ("UTF-16 without choosing it", "event_id\nT1\n".encode("utf-16"), {}, "Choose the encoding utf-16"),
    ("missing required column", native_bytes([GOOD], [c for c in EVENT_COLUMNS if c != "claimed_by"]), {},
     "required column(s) missing: claimed_by"),
    ("duplicate header label", b"event_id,event_id\n1,2\n", {}, "appears twice"),
    ("blank header label", b"event_id,,notes\n1,2,3\n", {}, "header label number 2 is blank"),
    ("header with an unclosed quote", b'event_id,"notes\n1,2\n', {}, "header row opens a quote"),
    ("unknown columns, no mapping", b"a,b\n1,2\n", {}, "map the file's columns"),
    ("ambiguous dates, format not declared", b"when,lat,lon\n03/04/2025,34.9,35.87\n05/06/2025,34.9,35.87\n",
     {"fmt": "csv", "mapping": ColumnMapping(columns={"event_date": "when", "latitude": "lat", "longitude": "lon"})},
     "the dates are ambiguous: they read as DD/MM/YYYY and as MM/DD/YYYY"),
    ("oversized upload", native_bytes(rows(50)), {"max_bytes": 1000}, "uploads are limited to"),
    ("damaged gzip", gzip.compress(native_bytes(rows(3)))[:-12], {}, "damaged"),
    ("Excel workbook", b"PK\x03\x04", {}, "ZIP archive but cannot be opened"),
    ("7-Zip archive", b"7z\xbc\xaf\x27\x1c\x00\x04", {}, "7-Zip archive, not a CSV"),
    ("GeoJSON that is not JSON", b'{"type": "FeatureCollection", "features": [', {}, "not valid JSON"),
    ("GeoJSON that is not a FeatureCollection", b'{"type": "Feature", "geometry": null}', {},
     "not a GeoJSON FeatureCollection"),
    ("GeoJSON with a projected CRS", json.dumps({
        "type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
        "features": []}).encode(), {}, "EPSG::3857"),
    ("GeoJSON with projected coordinates and no CRS", json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [3993000.0, 4150000.0]},
         "properties": {k: v for k, v in GOOD.items() if k not in ("latitude", "longitude")}}]}).encode(), {},
     "looks projected"),
]


@pytest.mark.parametrize(("case", "content", "options", "message"), REFUSED, ids=[c[0] for c in REFUSED])
def test_files_that_cannot_be_read_as_rows_are_refused_with_a_fix(case, content, options, message):
    name = "events.geojson" if content.lstrip().startswith(b"{") else "events.csv"
    text = refused(content, name, **options)
    assert message in text
    assert text.startswith(name)


def test_an_excel_workbook_in_zip_form_is_named_as_such():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel or Word document" in refused(buffer.getvalue(), "events.xlsx")


def test_a_zip_with_two_data_files_is_refused_and_one_file_is_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", native_bytes(rows(2)))
        archive.writestr("b.csv", native_bytes(rows(2)))
    assert "must hold exactly one" in refused(buffer.getvalue(), "two.zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("events.csv", native_bytes(rows(2)))
    result = run(buffer.getvalue(), "one.zip")
    assert result.loaded == 2 and result.file == "one.zip/events.csv"


def test_gzip_upload_is_unpacked():
    result = run(gzip.compress(native_bytes(rows(3))), "events.csv.gz")
    assert (result.loaded, result.file) == (3, "events.csv")
    assert any("unpacked from gzip" in note for note in result.load.notes)


def test_utf8_bom_is_accepted():
    result = run(b"\xef\xbb\xbf" + native_bytes(rows(2)))
    assert result.loaded == 2 and list(result.load.events.columns)[0] == "event_id"


def test_non_utf8_file_reads_with_the_encoding_the_user_chose():
    content = native_bytes(rows(1, location="طرطوس")).decode().encode("cp1256")
    assert "not valid UTF-8" in refused(content)
    result = run(content, encoding="cp1256")
    assert result.load.events.loc[0, "location"] == "طرطوس"


def test_unknown_extra_columns_are_kept_and_noted():
    result = run(native_bytes([{**GOOD, "analyst": "kb"}], [*EVENT_COLUMNS, "analyst"]))
    assert result.load.events.loc[0, "analyst"] == "kb"
    assert any("analyst" in note for note in result.load.notes)


def test_short_and_long_rows_are_set_aside_with_their_row_numbers():
    content = native_bytes(rows(2)) + b"T9,2025-01-01\n" + GOOD_LINE + b",surplus\n"
    result = run(content)
    assert result.loaded == 2
    assert result.report()["row"].tolist() == [4, 5]
    assert all("cells but the header has 18" in r for r in result.report()["reason"])


def test_an_unbalanced_quote_sets_aside_its_row_and_the_rest_still_loads():
    lines = native_bytes(rows(4)).decode().splitlines()
    lines[2] = lines[2].replace("a note", '"a note with no closing quote')
    result = run(("\n".join(lines) + "\n").encode())
    assert result.loaded == 3
    assert sorted(result.load.events["event_id"]) == ["T1", "T3", "T4"]
    assert result.report()["row"].tolist() == [3]
    assert "never closed" in result.report()["reason"][0]


def test_blank_rows_are_skipped_and_noted():
    content = native_bytes(rows(1)) + b"\n,,,,,,,,,,,,,,,,,\n" + native_bytes(rows(2)).split(b"\n", 2)[2]
    result = run(content)
    assert (result.rows_read, result.loaded) == (2, 2)
    assert any("2 blank row(s) skipped" in note for note in result.load.notes)


BAD_CELLS = [
    ("duplicate id", {"event_id": "T1"}, "event_id", "repeats the id of row 2"),
    ("unparseable date", {"event_date": "next Tuesday"}, "event_date", "not a date in ISO form"),
    ("ambiguous date in our schema (ISO declared)", {"event_date": "03/04/2025"}, "event_date", "ISO form"),
    ("date in the future", {"event_date": "2027-01-01"}, "event_date", "in the future"),
    ("latitude out of range", {"latitude": "95"}, "latitude", "out of range"),
    ("longitude out of range", {"longitude": "-181"}, "longitude", "out of range"),
    ("latitude empty", {"latitude": ""}, "latitude", "blank"),
    ("latitude NaN", {"latitude": "NaN"}, "latitude", "not a number"),
    ("decimal comma", {"latitude": "34,9"}, "latitude", "use a point, not a comma"),
    ("hemisphere letter", {"longitude": "35.87E"}, "longitude", "no N/S/E/W letter"),
    ("lat/lon swapped", {"latitude": "36.707602", "longitude": "34.802462"}, "latitude", "look swapped"),
    ("0,0", {"latitude": "0", "longitude": "0"}, "latitude", "placeholder"),
    ("source_url not http(s)", {"source_url": "javascript:alert(1)"}, "source_url", "not an http(s) URL"),
    ("field over 100,000 characters", {"notes": "x" * 100_001}, "notes", "longer than 100,000 characters"),
]


@pytest.mark.parametrize(("case", "change", "column", "reason"), BAD_CELLS, ids=[c[0] for c in BAD_CELLS])
def test_a_bad_cell_sets_its_row_aside_and_the_others_load(case, change, column, reason):
    content = native_bytes([{**GOOD, "event_id": "T1"}, {**GOOD, "event_id": "T2", **change},
                            {**GOOD, "event_id": "T3"}], [*EVENT_COLUMNS, "source_url"])
    result = run(content)
    assert sorted(result.load.events["event_id"]) == ["T1", "T3"]
    report = result.report()
    assert report["row"].tolist() == [3]
    assert report.loc[0, "column"] == column and reason in report.loc[0, "reason"]
    assert result.load.rejected["_row"].tolist() == [3]
    assert len(report.loc[0, "value"]) < 300, "a huge value is shortened in the report"


def test_a_point_outside_syria_whose_swap_is_not_inside_is_kept():
    result = run(native_bytes([{**GOOD, "latitude": "48.85", "longitude": "2.35"}]))
    assert result.loaded == 1


def test_formula_leading_cells_are_kept_as_text_and_noted():
    content = native_bytes([{**GOOD, "notes": "=HYPERLINK(\"http://x\")", "actor2": "@someone",
                             "admin1": "-12.5"}])
    result = run(content)
    assert result.loaded == 1
    assert result.load.events.loc[0, "notes"] == "=HYPERLINK(\"http://x\")"
    assert result.load.events.loc[0, "actor2"] == "@someone"
    assert any("2 cell(s) start with =, +, - or @" in note for note in result.load.notes), "a number is no formula"


def test_coastal_points_outside_every_polygon_get_the_nearest_governorate():
    content = native_bytes([{**GOOD, "event_id": "port", "admin1": "", "latitude": "34.8959", "longitude": "35.8685"},
                            {**GOOD, "event_id": "jableh", "admin1": "", "latitude": "35.3608",
                             "longitude": "35.9214"}])
    events = run(content).load.events.set_index("event_id")
    assert events.loc["port", "admin1"] == "Tartous"
    assert events.loc["jableh", "admin1"] == "Lattakia"


def test_geojson_features_with_null_or_invalid_geometry_are_set_aside():
    properties = {k: v for k, v in GOOD.items() if k not in ("latitude", "longitude")}
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.87, 34.9]},
         "properties": {**properties, "event_id": "G1"}},
        {"type": "Feature", "geometry": None, "properties": {**properties, "event_id": "G2"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["35", None]},
         "properties": {**properties, "event_id": "G3"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[35, 34], [36, 35]]},
         "properties": {**properties, "event_id": "G4"}},
    ]
    result = run(json.dumps({"type": "FeatureCollection", "features": features}).encode(), "events.geojson")
    assert result.format == "native" and result.load.events["event_id"].tolist() == ["G1"]
    assert result.load.events.loc[0, "latitude"] == 34.9
    report = result.report()
    assert report["row"].tolist() == [2, 3, 4]
    assert "no geometry (null)" in report.loc[0, "reason"]
    assert "invalid geometry" in report.loc[1, "reason"]
    assert "LineString" in report.loc[2, "reason"]


@pytest.mark.slow
def test_a_million_rows_load():
    line = GOOD_LINE.decode().split(",", 1)[1]
    body = "\n".join(f"M{i},{line}" for i in range(1_000_000))
    result = run((",".join(EVENT_COLUMNS) + "\n" + body + "\n").encode())
    assert (result.rows_read, result.loaded, result.set_aside) == (1_000_000, 1_000_000, 0)
    assert result.load.events["_row"].iloc[-1] == 1_000_001
