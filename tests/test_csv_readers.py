"""The two CSV readers agree: same rows, same rows set aside, same row numbers (issue 11, item 1).

The fast reader (Arrow) is used only when its result is provably the exact
reader's (Python's csv module, the reference). These tests compare the two on
generated files: repeatable by default (the profile in tests/conftest.py), a
long search with ``HYPOTHESIS_PROFILE=fuzz``. Any input a search finds goes
below as an ``@example``.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
from conftest import BUNDLED
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from utils.core.problems import DataFileError
from utils.core.schema import EVENT_COLUMNS
from utils.data.csv_read import _fast_table, read_csv_table
from utils.data.validation import validate_events
from utils.importers import import_bytes

FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# Cells full of what breaks CSV readers: quotes, commas, every line ending, spaces, non-ASCII.
cell_text = st.lists(st.sampled_from(list('ab ",\r\n\t xé؟=') + ['\r\n']), max_size=8).map(''.join)
ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def regular_csv(draw) -> bytes:
    """A CSV written the way a spreadsheet writes it (quoted when needed), with any line endings."""
    width = draw(st.integers(1, 4))
    header = [f"c{i}" for i in range(width)]
    lines = [",".join(header)]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["row", "row", "row", "blank", "ragged"]))
        if kind == "blank":
            lines.append("")
            continue
        cells = draw(st.lists(cell_text, min_size=width, max_size=width)) if kind == "row" else \
            draw(st.lists(cell_text, min_size=1, max_size=width + 2))
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow(cells)
        lines.append(buffer.getvalue())
    text = lines[0]
    for line in lines[1:]:
        text += draw(ENDINGS) + line
    if draw(st.booleans()):
        text += draw(ENDINGS)
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + text.encode("utf-8")


@st.composite
def damaged_csv(draw) -> bytes:
    """A regular CSV with a few characters inserted or removed: stray and unclosed quotes, lone CRs."""
    data = bytearray(draw(regular_csv()))
    for _ in range(draw(st.integers(1, 3))):
        if not data:
            break
        position = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data[position:position] = draw(st.sampled_from([b'"', b"\r", b"\n", b",", b'""', b' "']))
        else:
            del data[position:position + 1]
    return bytes(data)


raw_text = st.text(alphabet=st.sampled_from(list('ab",\r\n ')), max_size=40).map(lambda t: ("h,k\n" + t).encode())
any_csv = st.one_of(regular_csv(), damaged_csv(), raw_text)


def _both(data: bytes):
    """(auto, exact) results of reading ``data``, or the two refusals' messages."""
    outcomes = []
    for reader in ("auto", "exact"):
        try:
            outcomes.append(read_csv_table(data, "f.csv", reader=reader))
        except DataFileError as error:
            outcomes.append(str(error))
    return outcomes


def _same_tables(auto, exact) -> None:
    if isinstance(exact, str) or isinstance(auto, str):
        assert auto == exact
        return
    pd.testing.assert_frame_equal(auto.frame, exact.frame)
    assert auto.frame["_row"].tolist() == exact.frame["_row"].tolist()
    assert sorted(auto.set_aside["_row"].astype(int)) == sorted(exact.set_aside["_row"].astype(int))
    assert [(p.row, p.reason) for p in auto.problems] == [(p.row, p.reason) for p in exact.problems]
    assert auto.notes == exact.notes


@FUZZ
@given(any_csv)
@example(b'event_id,notes\nE1,a\nE2,b\nE3,"INC-open\nE4,d\nE5,e\n')
@example(b"a,b\r1,2\r\r3,4\n5,6\r\n")
@example(b'a,b\n1,"x\ry"\r3,4\n')
@example(b'a,b\n1,x"y\n3,"4\n')
@example(b'a,b\n"1"2,3\n')
@example(b'a,b\n\n\r1,2\n')
def test_the_fast_and_the_exact_reader_give_the_same_rows_rows_set_aside_and_row_numbers(data):
    auto, exact = _both(data)
    _same_tables(auto, exact)


@FUZZ
@given(regular_csv())
def test_whenever_the_fast_reader_answers_it_answers_as_the_exact_reader(data):
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        fast = _fast_table(body, "f.csv")
        exact = read_csv_table(data, "f.csv", reader="exact")
    except DataFileError:
        return
    if fast is not None:
        _same_tables(fast, exact)


def test_regular_files_are_read_by_the_fast_reader():
    """The differential tests compare something: the generated files mostly take the fast path."""
    for data in (b"a,b\n1,2\n", b'a,b\r\n"x,\r\ny",2\r\n\r\n3,4', b"a,b\r1,2\r3,4", b'a\n""\n"x""y"\n'):
        assert _fast_table(data, "f.csv") is not None, data


@FUZZ
@given(regular_csv())
def test_a_regular_file_yields_one_row_per_written_row(data):
    """Independent count: the rows written (not blank, right width) are the rows loaded."""
    text = data.decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    width = len(records[0])
    expected = [r for r in records[1:] if r and any(c.strip() for c in r)]
    table = read_csv_table(data, "f.csv")
    assert len(table.frame) == sum(len(r) == width for r in expected)
    assert len(table.set_aside) == sum(len(r) != width for r in expected)


# -- every row loaded or set aside ----------------------------------------------------------------------

GOOD = ["E1", "2025-03-01", "day", "Battles", "Armed clash", "A", "", "Jableh", "Lattakia", "35.35", "35.9", "1",
        "Outlet", "Someone", "claimed", "", "note", "DOC"]
event_cell = st.one_of(st.sampled_from(["", "1", "35.3", "day", "Battles", "claimed", "0001-01-01", '"', "\r",
                                        "9223372036854775808", "1e19", "=1+1"]), cell_text)


@st.composite
def events_csv(draw) -> bytes:
    lines = [",".join(EVENT_COLUMNS)]
    for number in range(draw(st.integers(0, 5))):
        row = list(GOOD)
        row[0] = f"E{number}"
        for _ in range(draw(st.integers(0, 3))):
            row[draw(st.integers(0, len(row) - 1))] = draw(event_cell)
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow(row)
        lines.append(buffer.getvalue())
    text = draw(ENDINGS).join(lines)
    if draw(st.booleans()):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(['"', "\r", ",", "\n"])) + text[position:]
    return text.encode("utf-8")


@FUZZ
@given(events_csv())
@example(("\n".join([",".join(EVENT_COLUMNS), ",".join(GOOD[:-1] + ['"INC-open']), ",".join(GOOD)])).encode())
def test_for_every_input_rows_read_equal_rows_loaded_plus_rows_set_aside(data):
    try:
        result = import_bytes(data, "events.csv", fmt="native", folder=BUNDLED, today=date(2025, 6, 1))
    except DataFileError:
        return
    assert result.rows_read == result.loaded + result.set_aside
    loaded_rows = set(result.load.events["_row"].astype(int))
    aside_rows = set(result.load.rejected["_row"].astype(int))
    assert not loaded_rows & aside_rows
    table = read_csv_table(data, "events.csv", reader="exact")
    assert loaded_rows | aside_rows == set(table.frame["_row"]) | set(table.set_aside["_row"].astype(int))


def test_validation_keeps_every_row_of_the_reader():
    data = ("\n".join([",".join(EVENT_COLUMNS), ",".join(GOOD), ",".join(["E2", *GOOD[1:9], "x", *GOOD[10:]])])).encode()
    table = read_csv_table(data, "events.csv")
    result = validate_events(table.frame, "events.csv", today=date(2025, 6, 1))
    assert len(result.events) + len(result.rejected) == table.rows_read == 2


# -- regression tests, named after the defects ----------------------------------------------------------

def test_a_last_column_opening_a_quote_that_never_closes_loses_no_row():
    """Issue 11.1: rows 4-10 used to end up inside one cell ('3 rows read: 3 loaded, 0 set aside')."""
    lines = [",".join(EVENT_COLUMNS)]
    for number in range(1, 11):
        row = list(GOOD)
        row[0] = f"E{number}"
        lines.append(",".join(row))
    lines[3] = lines[3].rsplit(",", 1)[0] + ',"INC-open'
    data = ("\n".join(lines) + "\n").encode()
    result = import_bytes(data, "events.csv", fmt="native", folder=BUNDLED, today=date(2025, 6, 1))
    assert result.rows_read == 10
    assert result.loaded == 9 and result.set_aside == 1
    assert result.load.rejected["_row"].astype(int).tolist() == [4]
    assert "never closed" in result.report()["reason"].iloc[0]


def test_the_live_loader_sets_aside_an_unclosed_quote_in_the_last_column(tmp_path):
    from utils.data.validation import load_events

    path = tmp_path / "events.csv"
    rows = [",".join(EVENT_COLUMNS), ",".join(GOOD), ",".join(["E2", *GOOD[1:-1], '"DOC']), ",".join(["E3", *GOOD[1:]])]
    path.write_text("\n".join(rows) + "\n")
    result = load_events(path, file_label="events.csv", today=date(2025, 6, 1))
    assert sorted(result.events["event_id"]) == ["E1", "E3"]
    assert result.rejected["_row"].astype(int).tolist() == [3]


def test_row_numbers_after_lone_carriage_returns_are_the_spreadsheet_rows():
    data = b"a,b\r1,2\r\r3,4\r5,x\ny\r\n"
    for reader in ("auto", "exact"):
        table = read_csv_table(data, "f.csv", reader=reader)
        assert table.frame["_row"].tolist() == [2, 4, 5], reader
        assert table.set_aside["_row"].astype(int).tolist() == [6], reader


def test_a_stray_quote_inside_a_value_reads_the_same_in_both_readers():
    data = b'a,b\n1,x"y\n2,"z\n3,4\n'
    auto, exact = _both(data)
    _same_tables(auto, exact)
    assert exact.frame["a"].tolist()[0] == "1"


def test_a_blank_first_row_is_refused_with_a_message():
    for reader in ("auto", "exact"):
        try:
            read_csv_table(b"\na,b\n1,2\n", "f.csv", reader=reader)
        except DataFileError as error:
            assert "row 1 is blank" in str(error)
        else:
            raise AssertionError("a blank first row must be refused")
