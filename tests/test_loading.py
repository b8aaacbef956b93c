"""Loading and validating events: good rows load, bad rows are set aside with a precise reason."""

from datetime import date
from pathlib import Path

import pytest

from utils.core.problems import DataFileError
from utils.core.schema import EVENT_COLUMNS
from utils.data.csv_read import read_csv_table
from utils.data.validation import load_events

TODAY = date(2026, 11, 21)
GOOD = {
    "event_id": "T1", "event_date": "2025-03-28", "date_precision": "day",
    "event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use",
    "actor1": "Military Forces of Russia", "actor2": "", "location": "Tartus port", "admin1": "Tartous",
    "latitude": "34.90", "longitude": "35.87", "geo_precision": "1", "source": "SouthFront",
    "claimed_by": "SOHR", "status": "reported", "fatalities": "0", "notes": "a note", "doc_id": "D1",
}


def write_csv(tmp_path: Path, rows: list[dict], header=EVENT_COLUMNS) -> Path:
    import csv

    path = tmp_path / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


BAD_CELLS = [
    ("event_date", "28/03/2025", "not a date in ISO form"),
    ("event_date", "2025-02-30", "not a date in ISO form"),
    ("event_date", "2027-01-01", "in the future"),
    ("date_precision", "fortnight", "not one of: day, week, month, year"),
    ("event_type", "Drone attack", "not one of"),
    ("sub_event_type", "Armed clash", "not a sub-event type of this event type"),
    ("latitude", "95", "out of range"),
    ("longitude", "-181", "out of range"),
    ("latitude", "34,90", "not a number"),
    ("latitude", "34.9N", "not a number"),
    ("latitude", "", "blank"),
    ("latitude", "nan", "not a number"),
    ("geo_precision", "4", "geo_precision codes 1, 2 or 3"),
    ("status", "true", "not one of: claimed, reported, confirmed, disputed"),
    ("fatalities", "-1", "whole number"),
    ("fatalities", "2.5", "whole number"),
    ("source", " ", "blank"),
    ("claimed_by", "", "blank"),
]


@pytest.mark.parametrize(("column", "value", "reason"), BAD_CELLS)
def test_a_bad_cell_sets_its_row_aside_and_names_row_column_value(tmp_path, column, value, reason):
    rows = [dict(GOOD), {**GOOD, "event_id": "T2", column: value}, {**GOOD, "event_id": "T3"}]
    result = load_events(write_csv(tmp_path, rows), file_label="events.csv", today=TODAY)
    assert list(result.events["event_id"]) == ["T1", "T3"]
    assert list(result.rejected["event_id"]) == ["T2"]
    problem = next(p for p in result.problems if p.column == column)
    assert (problem.file, problem.row, problem.value) == ("events.csv", 3, value)
    assert reason in problem.reason
    assert "events.csv, row 3, column " + repr(column) in problem.message()


def test_zero_zero_is_a_placeholder_not_a_place(tmp_path):
    result = load_events(write_csv(tmp_path, [{**GOOD, "latitude": "0", "longitude": "0"}]), today=TODAY)
    assert result.events.empty
    assert "placeholder" in result.problems[0].reason


def test_duplicate_ids_keep_the_first_and_point_at_it(tmp_path):
    rows = [GOOD, {**GOOD, "notes": "second copy"}]
    result = load_events(write_csv(tmp_path, rows), file_label="events.csv", today=TODAY)
    assert len(result.events) == 1 and result.events.loc[0, "notes"] == "a note"
    assert "repeats the id of row 2" in result.problems[0].message()


def test_missing_column_refuses_the_file_and_names_it(tmp_path):
    header = [c for c in EVENT_COLUMNS if c != "claimed_by"]
    with pytest.raises(DataFileError, match="required column.*claimed_by"):
        load_events(write_csv(tmp_path, [GOOD], header=header), today=TODAY)


def test_unknown_doc_id_is_set_aside(tmp_path):
    result = load_events(write_csv(tmp_path, [GOOD]), known_doc_ids=["OTHER"], today=TODAY)
    assert result.events.empty and "sources.csv" in result.problems[0].reason


def test_extra_columns_are_kept_and_noted(tmp_path):
    header = [*EVENT_COLUMNS, "analyst"]
    result = load_events(write_csv(tmp_path, [{**GOOD, "analyst": "kb"}], header=header), today=TODAY)
    assert result.events.loc[0, "analyst"] == "kb"
    assert any("analyst" in note for note in result.notes)


def test_the_caller_frame_is_not_mutated(tmp_path):
    table = read_csv_table(write_csv(tmp_path, [GOOD]))
    before = table.frame.copy()
    from utils.data.validation import validate_events

    validate_events(table.frame, "events.csv", today=TODAY)
    assert table.frame.equals(before)


@pytest.mark.parametrize(
    ("content", "outcome"),
    [
        (b"", "empty"),
        (b"\n\n", "empty"),
        (b"a;b;c\n1;2;3\n", "';', tab or '|'"),
        (b"event_id,\x00x\n", "NUL byte at byte offset"),
        (b"event_id\nT\xe9st\n", "byte 0xe9 at byte offset 10 is not valid UTF-8"),
        (b"\xef", "byte 0xef at byte offset 0 is not valid UTF-8"),  # a byte-order mark cut short
        (b"\xef\xbb", "byte 0xef at byte offset 0 is not valid UTF-8"),
        (b"\xef\xbb\xbfevent_id\nT\xe2\x82", "byte 0xe2 at byte offset 13 is not valid UTF-8"),  # cut mid-character
        (b"event_id,event_id\n1,2\n", "appears twice"),
        (b"event_id,,notes\n1,2,3\n", "blank"),
    ],
)
def test_files_that_cannot_be_read_as_rows_are_refused_whole(tmp_path, content, outcome):
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    with pytest.raises(DataFileError) as error:
        load_events(path, today=TODAY)
    assert outcome in str(error.value)
    assert str(path) in str(error.value)


def test_bom_is_accepted_and_short_rows_are_set_aside(tmp_path):
    path = write_csv(tmp_path, [GOOD, {**GOOD, "event_id": "T2"}])
    text = path.read_text(encoding="utf-8")
    path.write_bytes("\ufeff".encode() + text.encode() + b"T9,2025-01-01\n\n")
    result = load_events(path, today=TODAY)
    assert list(result.events["event_id"]) == ["T1", "T2"]
    assert list(result.rejected["_row"]) == [4]
    assert "2 cells but the header has" in result.problems[0].reason
    assert any("blank row" in note for note in result.notes)


def test_coarse_dates_get_their_whole_window(tmp_path):
    rows = [{**GOOD, "event_id": "M", "event_date": "2025-03-15", "date_precision": "month"},
            {**GOOD, "event_id": "Y", "event_date": "2018-07-01", "date_precision": "year"},
            {**GOOD, "event_id": "W", "event_date": "2025-03-09", "date_precision": "week"}]
    events = load_events(write_csv(tmp_path, rows), today=TODAY).events.set_index("event_id")
    assert (events.loc["M", "date_start"].date(), events.loc["M", "date_end"].date()) == (
        date(2025, 3, 1), date(2025, 3, 31))
    assert (events.loc["Y", "date_start"].date(), events.loc["Y", "date_end"].date()) == (
        date(2018, 1, 1), date(2018, 12, 31))
    assert (events.loc["W", "date_start"].date(), events.loc["W", "date_end"].date()) == (
        date(2025, 3, 6), date(2025, 3, 12))
