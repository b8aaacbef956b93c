"""The one-pass column checks give exactly the answers of the pandas passes they replaced (issue 14).

utils/data/text_columns.py answers validation's questions (blank? needs
stripping? formula-like? too long? which number?) from each cell's bytes and
looks closer only at candidate cells. Each test here compares it with the
pandas expression validation used before, on generated columns (several Arrow
chunks, every kind of whitespace, non-ASCII, formula starts, numbers in every
spelling pandas or Arrow reads); the last ones run the whole of
``validate_events`` both ways and compare every problem, row and note.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import utils.data.validation as validation
from utils.core.schema import EVENT_COLUMNS, EVENT_TYPES, SUB_EVENT_TYPES
from utils.data.csv_read import _valid_utf8, read_csv_table
from utils.data.text_columns import (
    LONG_BYTES,
    TextFacts,
    as_text,
    blank_cells,
    number_values,
    repeated_text,
    rows_at,
    text_dtype,
    text_facts,
    too_long_cells,
)

FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# every character utf8_trim_whitespace or str.strip may take, and characters that look like them but are not
PIECES = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x00", "\x7f", "\x85", "\xa0",
          "\u1680", "\u2000", "\u2003", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff",
          "a", "Z", "0", "7", "-", "+", "=", "@", ".", ",", "e", "é", "حلب", "😀", "\u0661", "'", '"']
cells = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)
NUMBER_PIECES = ["1", "0", "9", ".", "-", "+", "e", "E", "5", "inf", "nan", "NaN", "Infinity", " ", "x", ",",
                 "_", "\u0663", "(", ")", "1e400", "00"]
number_cells = st.one_of(
    st.lists(st.sampled_from(NUMBER_PIECES), max_size=6).map("".join),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**25), 10**25).map(str),
    st.floats(-200, 200).map(lambda x: f"{x:.12f}"),
)


def arrow_text(values: list[str | None], chunks: int) -> pd.Series:
    """``values`` as Arrow-backed text split into about ``chunks`` chunks (as Arrow's CSV reader makes them)."""
    size = max(1, -(-len(values) // max(chunks, 1)))
    parts = [pa.array(values[i:i + size], type=pa.large_string()) for i in range(0, len(values), size)]
    chunked = pa.chunked_array(parts, type=pa.large_string())
    return pd.Series(pd.array(chunked, dtype=text_dtype()))


# -- the pandas passes as validation ran them before (the reference) ---------------------------------------------

def old_as_text(series: pd.Series, *, strip: bool = True) -> pd.Series:
    text = series.astype(text_dtype())
    if text.hasnans:
        text = text.fillna("")
    if not strip:
        return text
    stripped = text.str.strip()
    return text if (stripped.str.len() == text.str.len()).all() else stripped


def old_numbers(series: pd.Series) -> np.ndarray:
    return pd.to_numeric(series, errors="coerce").astype(float).to_numpy()


def old_formula_note(frame: pd.DataFrame, facts: dict, file: str) -> str | None:
    count = 0
    first = None
    for column in frame.columns:
        if column == validation.ROW_COLUMN:
            continue
        cells = frame[column]
        leading = cells.str[:1].isin(validation.FORMULA_START)
        if not leading.any():
            continue
        leading &= ~cells.str.fullmatch(validation._NUMBER).fillna(False).astype(bool)
        hits = int(leading.sum())
        if hits:
            count += hits
            row = int(frame.loc[leading, validation.ROW_COLUMN].iloc[0])
            if first is None or row < first[0]:
                first = (row, column)
    if not count or first is None:
        return None
    return (f"{file}: {count} cell(s) start with =, +, - or @ (first: row {first[0]}, column {first[1]!r}). "
            "They are kept as text and never run; CSV downloads add a leading apostrophe so spreadsheets "
            "do not run them either.")


def old_known_pairs(types: pd.Series, subs: pd.Series) -> pd.Series:
    known = [f"{t}\x1f{s}" for t, values in SUB_EVENT_TYPES.items() for s in values]
    return (types + "\x1f" + subs).isin(known)


def old_facts(text: pd.Series) -> TextFacts:
    """Facts that make every present cell a candidate: the new code then asks pandas about each."""
    present = (text != "").to_numpy(dtype=bool)
    return TextFacts(present=present, edges=present, formula_start=present, long_bytes=present)


def old_as_text_with_facts(series: pd.Series, *, strip: bool = True) -> tuple[pd.Series, TextFacts]:
    text = old_as_text(series, strip=strip)
    return text, old_facts(text)


def old_too_long(series: pd.Series, facts: TextFacts, limit: int) -> np.ndarray:
    return (series.str.len() > limit).to_numpy(dtype=bool)


def old_number_values(series: pd.Series, facts: TextFacts | None = None) -> np.ndarray:
    return old_numbers(series)


def run_old_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make validation ask pandas every question, cell by cell, as before."""
    monkeypatch.setattr(validation, "as_text", old_as_text_with_facts)
    monkeypatch.setattr(validation, "number_values", old_number_values)
    monkeypatch.setattr(validation, "too_long_cells", old_too_long)
    monkeypatch.setattr(validation, "_formula_note", old_formula_note)
    monkeypatch.setattr(validation, "_known_pairs", old_known_pairs)
    monkeypatch.setattr(validation, "text_facts", old_facts)


# -- one helper at a time ----------------------------------------------------------------------------------------

@FUZZ
@given(values=st.lists(st.one_of(cells, st.none()), max_size=40), chunks=st.integers(1, 5), strip=st.booleans())
def test_as_text_gives_the_cells_of_the_pandas_strip(values, chunks, strip):
    series = arrow_text(values, chunks)
    text, facts = as_text(series, strip=strip)
    expected = old_as_text(series, strip=strip)
    assert text.tolist() == expected.tolist()
    assert text.dtype == expected.dtype
    assert facts.present.tolist() == (expected != "").tolist()
    assert blank_cells(expected).tolist() == (expected.str.strip() == "").tolist()
    leading = expected.str[:1].isin(validation.FORMULA_START).to_numpy(dtype=bool)
    assert facts.formula_start.tolist() == leading.tolist()


@FUZZ
@given(values=st.lists(st.one_of(cells, st.none()), max_size=30))
def test_as_text_of_object_cells_is_the_pandas_strip(values):
    series = pd.Series(values, dtype=object)
    text, facts = as_text(series)
    assert text.tolist() == old_as_text(series).tolist()
    assert facts.present.tolist() == (old_as_text(series) != "").tolist()


def test_a_column_with_nothing_to_strip_is_returned_as_it_is():
    series = arrow_text(["a", "b c", "حلب x"], 2)
    text, _ = as_text(series)
    assert text.array._pa_array.chunks[0].buffers()[2].address == series.array._pa_array.chunks[0].buffers()[2].address


@FUZZ
@given(values=st.lists(number_cells, max_size=40), chunks=st.integers(1, 4))
def test_numbers_are_those_of_pandas_to_numeric(values, chunks):
    series = arrow_text(values, chunks)
    got, expected = number_values(series), old_numbers(series)
    np.testing.assert_array_equal(got, expected)
    assert np.signbit(got).tolist() == np.signbit(expected).tolist()


def test_numbers_in_every_spelling_match_pandas():
    spellings = ["1", "+1.5", "-.5", "5.", "1e5", "1E-5", "-0", "00012", "inf", "-inf", "Infinity", "nan", "NaN",
                 "+nan", "nan(1)", "1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623159e308",
                 "9007199254740993", "18446744073709551617", "1" * 40, "0." + "0" * 30 + "1", " 1", "1 ", "1,5",
                 "1_000", "0x10", "\u0661", "١٢", "", "-", "+", "e5", ".", "1e", "1.5.5", "NA", "null", "True"]
    for chunks in (1, 3):
        series = arrow_text(spellings * 3, chunks)
        np.testing.assert_array_equal(number_values(series), old_numbers(series))
        clean = arrow_text(["1", "2.5", "-3", "1e2"] * 5, chunks)  # Arrow's cast reads the whole column
        np.testing.assert_array_equal(number_values(clean), old_numbers(clean))


def test_too_long_cells_count_characters_not_bytes():
    limit = LONG_BYTES
    values = ["a" * limit, "a" * (limit + 1), "é" * (limit // 2 + 1), "é" * (limit + 1), "😀" * (limit // 4 + 10),
              "", "short", "a" * (limit - 1) + "é"]
    for chunks in (1, 3):
        series = arrow_text(values, chunks)
        facts = text_facts(series)
        assert too_long_cells(series, facts, limit).tolist() == (series.str.len() > limit).tolist()
        assert too_long_cells(series, facts, 3).tolist() == (series.str.len() > 3).tolist()


@FUZZ
@given(types=st.lists(st.sampled_from([*EVENT_TYPES, "", "Battles\x1fArmed", "x"]), max_size=30),
       subs=st.data())
def test_sub_event_pairs_match_the_joined_text_check(types, subs):
    choices = sorted({s for values in SUB_EVENT_TYPES.values() for s in values}) + ["", "clash\x1fx", "Armed"]
    second = subs.draw(st.lists(st.sampled_from(choices), min_size=len(types), max_size=len(types)))
    left, right = arrow_text(types, 2), arrow_text(second, 3)
    expected = old_known_pairs(left, right)
    got = validation._known_pairs(left, right)
    type_ok = left.isin(EVENT_TYPES)
    assert (got & type_ok).tolist() == (expected & type_ok).tolist()  # validation asks only for known types


@FUZZ
@given(values=st.lists(cells, min_size=1, max_size=30), chunks=st.integers(1, 4), data=st.data())
def test_formula_note_matches_the_pandas_one(values, chunks, data):
    rows = list(range(2, len(values) + 2))
    other = data.draw(st.lists(st.sampled_from(["=1+1", "-3", "+7.5", "@x", "-", "a", "", "-1e5", "=", "+-"]),
                               min_size=len(values), max_size=len(values)))
    frame = pd.DataFrame({"a": arrow_text(values, chunks), "b": arrow_text(other, chunks),
                          validation.ROW_COLUMN: rows})
    facts = {c: text_facts(frame[c]) for c in ("a", "b")}
    assert validation._formula_note(frame, facts, "f.csv") == old_formula_note(frame, facts, "f.csv")


@FUZZ
@given(values=st.lists(st.one_of(cells, st.none()), min_size=1, max_size=30), chunks=st.integers(1, 5),
       data=st.data())
def test_rows_at_is_iloc(values, chunks, data):
    frame = pd.DataFrame({"text": arrow_text(values, chunks), "number": np.arange(len(values)),
                          "object": pd.Series([str(v) for v in values], dtype=object)},
                         index=pd.RangeIndex(10, 10 + len(values)))
    positions = np.array(data.draw(st.lists(st.integers(0, len(values) - 1), max_size=8)), dtype=np.int64)
    pd.testing.assert_frame_equal(rows_at(frame, positions), frame.iloc[positions])


def test_repeated_text_is_the_series_pandas_builds():
    for value in ("reported", "", "حلب 😀"):
        for size in (0, 1, 5):
            index = pd.RangeIndex(3, 3 + size)
            built = repeated_text(value, index)
            built.array._pa_array.validate(full=True)
            pd.testing.assert_series_equal(built, pd.Series(value, index=index, dtype=text_dtype()))


UTF8_PIECES = [b"a", b",", b"\n", b"\xc2\xa0", b"\xe2\x80\x83", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80", b"\xed\x9f\xbf",
               b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf4\x90\x80\x80", b"\xf4\x8f\xbf\xbf", b"\xf5", b"\xff", b"\x80",
               b"\xc2", b"\xe2\x82", b"\xef\xbf\xbf", b"\xc1\xbf", b"\xf0\x90"]


@FUZZ
@given(parts=st.lists(st.sampled_from(UTF8_PIECES), max_size=12))
def test_arrow_utf8_validation_agrees_with_python(parts):
    data = b"".join(parts)
    try:
        data.decode("utf-8")
        python_ok = True
    except UnicodeDecodeError:
        python_ok = False
    assert _valid_utf8(memoryview(data)) == python_ok


# -- the whole of validation, both ways --------------------------------------------------------------------------

GOOD = {"event_id": "E1", "event_date": "2025-03-01", "date_precision": "day", "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "A", "actor2": "", "location": "Aleppo", "admin1": "",
        "latitude": "36.2", "longitude": "37.1", "geo_precision": "1", "source": "S", "notes": "",
        "fatalities": "0", "claimed_by": "X", "status": "reported", "doc_id": ""}
BAD_VALUES = {
    "event_date": ["2025-3-1", "0001-01-01", "2999-01-01", " 2025-03-01 ", "", "2025-02-30"],
    "date_precision": ["Day", "", " day", "week\u3000"],
    "event_type": ["battles", "", "Battles\xa0", "Explosions/Remote violence"],
    "sub_event_type": ["Air/drone strike", "", "Armed clash ", "x"],
    "latitude": ["36,2", "", "nan", "inf", "91", "0", "1e1", " 36.2", "٣٦", "-0", "35.9\u2003"],
    "longitude": ["36.2", "", "0", "-181", "+37", "37.", "38\x1f"],
    "geo_precision": ["4", "1.0", "", "two", " 2", "3e0"],
    "fatalities": ["-1", "1.5", "", "9007199254740993", "1e3", "NaN", "٣"],
    "notes": ["=cmd()", " +1 ", "@x", "-", "-5", "x" * (LONG_BYTES + 1), "é" * (LONG_BYTES // 2 + 1)],
    "actor1": ["", " ", "\u3000", "=HYPERLINK(1)", "\x1c"],
    "event_id": ["", "E1", " E1", "E\u00a0"],
    "source": ["", "-", "+44"],
    "doc_id": ["", "D9"],
    "status": ["claimed", "", "Reported"],
}


def generated_events(seed: int, rows: int) -> pd.DataFrame:
    """Rows of text cells in the native schema, good and bad mixed, in several Arrow chunks."""
    rng = np.random.default_rng(seed)
    records = []
    for number in range(rows):
        record = dict(GOOD, event_id=f"E{number}")
        for column in rng.choice(list(BAD_VALUES), size=int(rng.integers(0, 3)), replace=False):
            choices = BAD_VALUES[column]
            record[column] = choices[int(rng.integers(len(choices)))]
        if rng.random() < 0.3:
            types = list(SUB_EVENT_TYPES)
            record["event_type"] = types[int(rng.integers(len(types)))]
            subs = SUB_EVENT_TYPES[record["event_type"]]
            record["sub_event_type"] = subs[int(rng.integers(len(subs)))]
        records.append(record)
    frame = pd.DataFrame({column: arrow_text([r[column] for r in records], 4) for column in EVENT_COLUMNS})
    frame["extra"] = arrow_text([" kept as is " if i % 3 else "=1" for i in range(rows)], 3)
    frame[validation.ROW_COLUMN] = np.arange(2, rows + 2, dtype=np.int64)
    return frame


def outcome(result: validation.LoadResult) -> tuple:
    return (result.problems, result.notes, result.events.to_dict("list"), result.rejected.to_dict("list"))


@pytest.mark.parametrize("seed", range(6))
def test_validation_sets_aside_the_same_rows_with_the_same_problems_as_the_pandas_passes(seed, monkeypatch):
    raw = generated_events(seed, 120)
    known_ids = ["D1"] if seed % 2 else None
    new = validation.validate_events(raw, "f.csv", today=date(2025, 6, 1), known_doc_ids=known_ids)
    with monkeypatch.context() as patched:
        run_old_checks(patched)
        old = validation.validate_events(raw, "f.csv", today=date(2025, 6, 1), known_doc_ids=known_ids)
    assert new.problems, "the generated rows hold bad cells"
    assert outcome(new) == outcome(old)
    assert len(new.events) + len(new.rejected) == len(raw)


def test_a_file_read_from_disk_validates_as_with_the_pandas_passes(tmp_path, monkeypatch):
    raw = generated_events(99, 60)
    path = tmp_path / "events.csv"
    raw.drop(columns=[validation.ROW_COLUMN]).to_csv(path, index=False)
    new = validation.load_events(path, file_label="events.csv", today=date(2025, 6, 1))
    with monkeypatch.context() as patched:
        run_old_checks(patched)
        old = validation.load_events(path, file_label="events.csv", today=date(2025, 6, 1))
    assert outcome(new) == outcome(old)
    assert len(new.events) + len(new.rejected) == read_csv_table(path).rows_read


@FUZZ
@given(days=st.lists(st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31))), max_size=30))
def test_acled_dates_are_written_as_strftime_writes_them(days):
    from utils.importers.acled import _iso_text

    dates = pd.Series(pd.to_datetime(pd.Series(days, dtype=object)), index=pd.RangeIndex(3, 3 + len(days)))
    dates = dates.astype("datetime64[us]")
    assert _iso_text(dates).fillna("<missing>").tolist() == dates.dt.strftime("%Y-%m-%d").fillna("<missing>").tolist()
