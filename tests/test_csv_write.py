"""The one CSV writer (issue 11, item 3): read back as a spreadsheet would, nothing runs; data files round-trip.

A spreadsheet may start a new row at a bare CR, an LF or a CR + LF, even inside quotes. So each
spreadsheet CSV is split on all three: no line starts a formula, and a CSV reader still finds exactly
one record per event.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pandas as pd
from conftest import BUNDLED, DATA
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from utils.data.csv_read import read_csv_table
from utils.data.csv_write import data_csv_bytes, spreadsheet_csv_bytes, starts_like_formula
from utils.data.dataset import load_dataset
from utils.export.formats import events_csv_bytes
from utils.importers.pipeline import native_csv_bytes, set_aside_csv_bytes

FUZZ = settings(suppress_health_check=[HealthCheck.too_slow])
FORMULAS = ["=1+1", "\r=1+1", "\n=1+1", "\r\n=1+1", "x\r=1+1", "x\r\r@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1)", "\t=1", "=HYPERLINK(\"http://evil\",\"x\")", "\uff1d1+1", "\"\r=1\"", "a,\r=b"]


def spreadsheet_lines(data: bytes) -> list[str]:
    """The file split as a careless spreadsheet would: at every CR, LF and CR + LF."""
    return re.split(r"\r\n|\r|\n", data.decode("utf-8"))


def assert_inert(data: bytes, records: int) -> None:
    """No line (a leading quote removed) and no cell starts a formula; ``records`` rows after the header."""
    for line in spreadsheet_lines(data):
        opened = line[1:] if line.startswith('"') and not line.startswith('""') else line
        assert not starts_like_formula(opened), repr(line)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == records + 1
    for row in rows:
        for cell in row:
            assert not starts_like_formula(cell), repr(cell)
            for line in re.split(r"\r\n|\r|\n", cell):
                assert not starts_like_formula(line), repr(cell)


def _hostile_events() -> pd.DataFrame:
    events = load_dataset(DATA).events.head(len(FORMULAS)).copy()
    for column in ("notes", "location", "claimed_by", "source"):
        events[column] = FORMULAS[: len(events)]
    return events


def test_the_events_download_and_the_briefing_csv_run_no_formula():
    events = _hostile_events()
    assert_inert(events_csv_bytes(events), len(events))


def test_the_briefing_csv_export_runs_no_formula():
    from utils.export.outputs import EXPORT_FORMATS

    spec = EXPORT_FORMATS["csv"]

    class Briefing:
        pass

    briefing = Briefing()
    briefing.events = _hostile_events()
    assert_inert(spec.make(briefing, 10.0), len(briefing.events))


def test_the_rows_set_aside_download_runs_no_formula():
    rejected = pd.DataFrame({"event_id": FORMULAS, "notes": FORMULAS, "_row": range(2, 2 + len(FORMULAS)),
                             "_reasons": ["=bad"] * len(FORMULAS)})
    assert_inert(set_aside_csv_bytes(rejected), len(rejected))


def test_the_change_log_download_runs_no_formula():
    log = pd.DataFrame({"when": ["2025-01-01T00:00:00Z"] * len(FORMULAS), "event_id": ["EV1"] * len(FORMULAS),
                        "field": ["notes"] * len(FORMULAS), "old": FORMULAS, "new": FORMULAS,
                        "reason": FORMULAS, "who": ["@admin"] * len(FORMULAS)})
    assert_inert(spreadsheet_csv_bytes(log), len(log))


def test_a_header_label_that_looks_like_a_formula_is_made_inert():
    data = spreadsheet_csv_bytes(pd.DataFrame({"=HYPERLINK(1)": ["a"], "ok": ["b"]}))
    assert data.startswith(b"'=HYPERLINK(1),ok\r\n")


def test_header_labels_are_quoted_only_when_they_must_be():
    data = data_csv_bytes(pd.DataFrame({"a": ["x"], 'b,"c"': ["y"], "d\re": ["z"]}))
    assert data.startswith(b'a,"b,""c""","d\re"\n')
    assert read_csv_table(data, "f.csv").frame.columns.tolist() == ["a", 'b,"c"', "d\re", "_row"]


def test_numbers_stay_numbers_and_dates_are_iso():
    frame = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "x": [-12.5, 35.917],
                          "d": pd.to_datetime(["2025-03-01", None]), "t": ["-12.5", "+3"]})
    rows = list(csv.reader(io.StringIO(spreadsheet_csv_bytes(frame).decode(), newline="")))
    assert rows[1] == ["1", "-12.5", "2025-03-01", "-12.5"] and rows[2] == ["", "35.917", "", "+3"]


def test_a_bare_carriage_return_before_a_formula_is_quoted_and_inert():
    """Issue 11.3: '\\r=1+1' was written unquoted after the apostrophe, so a spreadsheet ran '=1+1'."""
    data = events_csv_bytes(_hostile_events().head(2).assign(notes=["\r=1+1", "ok"]))
    assert b'"\n\'=1+1"' in data
    assert_inert(data, 2)


spreadsheet_text = st.text(alphabet=st.sampled_from(list("a=+-@\t\r\n\",' 1.\uff1d")), max_size=12)


@FUZZ
@given(st.lists(st.tuples(spreadsheet_text, spreadsheet_text), min_size=1, max_size=6))
@example([("\r=1+1", "x")])
@example([("a\r\n@x", "\r\r=1")])
def test_any_text_written_for_spreadsheets_runs_no_formula_and_keeps_one_record_per_row(cells):
    frame = pd.DataFrame(cells, columns=["a", "b"])
    assert_inert(spreadsheet_csv_bytes(frame), len(frame))


@FUZZ
@given(st.lists(st.tuples(spreadsheet_text, spreadsheet_text), min_size=1, max_size=6))
@example([("\r", "x\ry")])
@example([("=1", "\r\n")])
def test_a_data_file_reads_back_exactly_lone_carriage_returns_included(cells):
    frame = pd.DataFrame([(f"E{i}", a, b) for i, (a, b) in enumerate(cells)], columns=["id", "a", "b"])
    table = read_csv_table(data_csv_bytes(frame), "data.csv")
    assert table.frame["a"].tolist() == frame["a"].tolist()
    assert table.frame["b"].tolist() == frame["b"].tolist()
    assert table.frame["_row"].tolist() == list(range(2, 2 + len(frame)))


def test_an_import_output_reimports_unchanged_with_a_lone_carriage_return():
    from test_loading import GOOD

    from utils.importers import import_bytes

    written = data_csv_bytes(pd.DataFrame([{**GOOD, "notes": "one\rtwo"}, {**GOOD, "event_id": "T2"}]))
    first = import_bytes(written, "e.csv", folder=BUNDLED, today=date(2026, 11, 21))
    assert first.loaded == 2
    again = import_bytes(native_csv_bytes(first.load.events), "e.csv", folder=BUNDLED, today=date(2026, 11, 21))
    assert again.loaded == 2 and again.load.events["notes"].iloc[0] == "one\rtwo"
