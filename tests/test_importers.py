"""Each format in our schema: ACLED, UCDP GED, mapped CSV, GeoJSON; merging; the command line."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pandas as pd
import pytest
from conftest import BUNDLED, ucdp_csv
from test_import_rules import native_bytes, run
from test_loading import GOOD

from utils.__main__ import main
from utils.data.csv_read import _exact_table, _fast_table
from utils.data.dataset import load_dataset
from utils.importers import ColumnMapping, guess_mapping, import_bytes, native_csv_bytes
from utils.importers.acled import COLUMNS as ACLED_COLUMNS
from utils.importers.merge import import_doc_id, with_import

TODAY = date(2026, 11, 21)
UCDP = ucdp_csv()


def table_bytes(header: list[str], records: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue().encode()


ACLED_ROW = {c: "" for c in ACLED_COLUMNS} | {
    "event_id_cnty": "SYR1001", "event_date": "02 June 2023", "year": "2023", "time_precision": "1",
    "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Israel (2022-)", "inter1": "8",
    "actor2": "Military Forces of Syria (2000-)", "inter2": "State forces", "country": "Syria",
    "admin1": "Tartous", "location": "Tartus", "latitude": "34.8890", "longitude": "35.8866",
    "geo_precision": "1", "source": "SANA; SOHR", "notes": "Strike near the port.", "fatalities": "2",
}


def test_acled_rows_map_to_ours_and_keep_their_own_columns():
    records = [ACLED_ROW,
               {**ACLED_ROW, "event_id_cnty": "SYR1002", "event_date": "15 July 2023", "time_precision": "3"},
               {**ACLED_ROW, "event_id_cnty": "SYR1003", "time_precision": "7"},
               {**ACLED_ROW, "event_id_cnty": "SYR1004", "event_date": "31 June 2023"}]
    result = run(table_bytes(list(ACLED_COLUMNS), records), "acled.csv")
    assert (result.format, result.loaded, result.set_aside) == ("acled", 2, 2)
    events = result.load.events.set_index("event_id")
    first = events.loc["SYR1001"]
    assert (first["event_date"].date(), first["date_precision"]) == (date(2023, 6, 2), "day")
    assert events.loc["SYR1002", "date_precision"] == "month"
    assert events.loc["SYR1002", "date_start"].date() == date(2023, 7, 1)
    assert (first["inter1"], first["inter2"]) == ("8", "State forces")
    assert (first["source"], first["notes"], first["fatalities"]) == ("SANA; SOHR", "Strike near the port.", 2)
    assert (first["status"], first["claimed_by"]) == ("reported", "not recorded in the ACLED export")
    assert (first["acled_admin1"], first["acled_event_date"]) == ("Tartous", "02 June 2023")
    report = result.report()
    assert report[["row", "column", "value"]].values.tolist() == [[4, "time_precision", "7"],
                                                                 [5, "event_date", "31 June 2023"]]
    assert "DD Month YYYY" in report.loc[1, "reason"]


def test_acled_iso_dates_are_detected_for_the_whole_file():
    records = [{**ACLED_ROW, "event_date": "2023-06-02"}, {**ACLED_ROW, "event_id_cnty": "X2",
                                                          "event_date": "2023-06-03"}]
    result = run(table_bytes(list(ACLED_COLUMNS), records), "acled.csv")
    assert result.load.events["event_date"].dt.day.tolist() == [2, 3]


def ucdp_record(**changes) -> dict:
    with UCDP.open(newline="", encoding="utf-8") as handle:
        record = next(csv.DictReader(handle))
    return {**record, **changes}


def test_ucdp_dates_places_sides_and_sources_map_to_ours():
    header = list(ucdp_record())
    records = [
        ucdp_record(id="1", source_office="SOHR;SOHR;Airwars", source_original=""),
        ucdp_record(id="2", date_prec="2", date_start="2017-03-04", date_end="2017-03-08", where_prec="4"),
        ucdp_record(id="3", date_prec="4", date_start="2017-05-01", date_end="2017-05-31", type_of_violence="3"),
        ucdp_record(id="4", date_prec="5", date_start="2018-01-01", date_end="2018-12-31", where_prec="6"),
        ucdp_record(id="5", where_prec="9"),
        ucdp_record(id="6", date_start="2017-02-30"),
    ]
    result = run(table_bytes(header, records), "ged.csv")
    assert (result.format, result.loaded) == ("ucdp", 4)
    events = result.load.events.set_index("event_id")
    one = events.loc["1"]
    assert (one["source"], one["claimed_by"], one["status"]) == ("SOHR; Airwars", "not recorded in the UCDP data",
                                                               "reported")
    assert (one["actor1"], one["actor2"], one["fatalities"]) == ("Government of Syria", "Syrian insurgents", 4)
    assert (one["low"], one["high"], one["number_of_sources"]) == ("4", "4", "1")
    assert (one["ucdp_date_start"], one["adm_1"]) == ("2016-01-01", "Homs Governorate")
    assert (one["event_type"], one["sub_event_type"], one["geo_precision"]) == ("Battles", "Armed clash", 1)
    week = events.loc["2"]
    assert (week["event_date"].date(), week["date_precision"], week["geo_precision"]) == (date(2017, 3, 6), "week", 3)
    assert (week["date_start"].date(), week["date_end"].date()) == (date(2017, 3, 3), date(2017, 3, 9))
    month = events.loc["3"]
    assert (month["event_date"].date(), month["date_precision"]) == (date(2017, 5, 15), "month")
    assert month["event_type"] == "Violence against civilians"
    year = events.loc["4"]
    assert (year["event_date"].date(), year["date_precision"], year["geo_precision"]) == (date(2018, 7, 1), "year", 3)
    report = result.report()
    assert report[["row", "column"]].values.tolist() == [[6, "where_prec"], [7, "date_start"]]


def test_every_row_of_the_ucdp_extract_is_accounted_for():
    result = import_bytes(UCDP.read_bytes(), UCDP.name, folder=BUNDLED, today=TODAY)
    assert result.format == "ucdp" and result.rows_read == 16_566
    assert result.loaded + result.set_aside == 16_566
    assert result.loaded == 16_566, result.report().head().to_string()
    assert set(result.load.events["date_precision"]) == {"day", "week", "month", "year"}
    assert (result.load.events["admin1"] != "").mean() > 0.99


def test_choosing_a_format_the_file_is_not_names_the_missing_columns():
    with pytest.raises(Exception, match="required ACLED column.*event_id_cnty"):
        import_bytes(table_bytes(list(ucdp_record()), [ucdp_record()]), "ged.csv", folder=BUNDLED, fmt="acled", today=TODAY)


def test_a_mapped_csv_reads_dates_with_the_declared_format_only():
    content = b"Date,Lat,Lon,Town,Killed\n03/04/2025,34.9,35.87,Tartus,2\n25/04/2025,35.35,35.92,Jableh,\n"
    mapping = guess_mapping(["Date", "Lat", "Lon", "Town", "Killed"])
    assert dict(mapping.columns) == {"event_date": "Date", "latitude": "Lat", "longitude": "Lon",
                                     "location": "Town", "fatalities": "Killed"}
    result = run(content, "mine.csv", fmt="csv", mapping=mapping)
    assert result.load.events["event_date"].dt.date.tolist() == [date(2025, 4, 3), date(2025, 4, 25)]
    declared = ColumnMapping(columns=mapping.columns, date_format="MM/DD/YYYY", fixed={"source": "My notes"})
    result = run(content, "mine.csv", fmt="csv", mapping=declared)
    assert result.load.events["event_date"].dt.date.tolist() == [date(2025, 3, 4)]
    assert result.report()[["row", "column", "value"]].values.tolist() == [[3, "Date", "25/04/2025"]]
    event = result.load.events.iloc[0]
    assert (event["event_id"], event["source"], event["status"], event["admin1"]) == ("mine-2", "My notes",
                                                                                     "reported", "Tartous")


def test_geojson_properties_in_acled_columns_are_read_as_acled():
    properties = {k: v for k, v in ACLED_ROW.items() if k not in ("latitude", "longitude")}
    document = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.8866, 34.889]}, "properties": properties}]}
    result = run(json.dumps(document).encode(), "acled.geojson")
    assert (result.format, result.loaded) == ("acled", 1)


def test_the_fast_and_the_exact_reader_agree():
    content = native_bytes([GOOD, {**GOOD, "event_id": "Q", "notes": 'two\nlines, "quoted"'}])
    content = content.replace(b"\n", b"\r\n", 1) + b"\n"
    fast = _fast_table(content, "f.csv")
    exact = _exact_table(content.decode(), "f.csv")
    assert fast is not None
    pd.testing.assert_frame_equal(fast.frame, exact.frame)
    assert fast.notes == exact.notes == ["f.csv: 1 blank row(s) skipped."]


def test_adding_and_replacing_keep_the_bundled_dataset_unchanged():
    base = load_dataset(BUNDLED, today=TODAY)
    before = base.events.copy()
    content = native_bytes([{**GOOD, "event_id": "EV0001"}, {**GOOD, "event_id": "NEW1", "doc_id": ""}])
    result = run(content, "mine.csv")
    added = with_import(base, result, replace_events=False)
    assert len(added.events) == len(before) + 1
    assert "repeats" not in added.load.problems[-1].reason and "already used" in added.load.problems[-1].reason
    new = added.events.set_index("event_id").loc["NEW1"]
    assert new["doc_id"] == import_doc_id("mine.csv") and new["nearest_site"] == "Tartus naval base"
    assert import_doc_id("mine.csv") in set(added.sources["doc_id"])
    replaced = with_import(base, result, replace_events=True)
    assert sorted(replaced.events["event_id"]) == ["EV0001", "NEW1"]
    pd.testing.assert_frame_equal(base.events, before)


def test_cli_validate_prints_the_report_and_exits_1_only_when_refused(tmp_path, capsys):
    path = tmp_path / "mixed.csv"
    path.write_bytes(native_bytes([GOOD, {**GOOD, "event_id": "T2", "latitude": "95"}]))
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 rows read: 1 loaded, 1 set aside." in out
    assert "row  column    value  reason" in out and "3    latitude  95     out of range" in out
    (tmp_path / "empty.csv").write_bytes(b"")
    assert main(["validate", str(tmp_path / "empty.csv")]) == 1
    assert "refused, nothing loaded: empty.csv: the file is empty" in capsys.readouterr().err


def test_cli_import_writes_our_schema_which_imports_back_unchanged(tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["import", str(UCDP), "--format", "ucdp", "--out", str(out)]) == 0
    assert "wrote 16566 event(s)" in capsys.readouterr().out
    again = import_bytes(out.read_bytes(), "events.csv", folder=BUNDLED, today=TODAY)
    assert (again.format, again.loaded) == ("native", 16_566)
    first = import_bytes(UCDP.read_bytes(), UCDP.name, folder=BUNDLED, today=TODAY).load.events
    columns = ["event_id", "event_date", "date_precision", "latitude", "source", "claimed_by", "low", "high"]
    pd.testing.assert_frame_equal(first[columns], again.load.events[columns])
    assert native_csv_bytes(again.load.events) == out.read_bytes()


def test_cli_maps_columns_of_any_csv(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_bytes(b"when,y,x\n2025-03-28,34.9,35.87\n")
    code = main(["validate", str(path), "--format", "csv", "--map", "event_date=when", "--map", "latitude=y",
                 "--map", "longitude=x", "--set", "source=My notes"])
    assert code == 0 and "1 rows read: 1 loaded, 0 set aside." in capsys.readouterr().out

