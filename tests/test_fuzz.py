"""Property-based tests: any bytes load as rows or are refused with a message; never another crash."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from utils.core.escaping import escape_text
from utils.core.presentation import site_popup_html
from utils.core.problems import DataFileError
from utils.core.schema import EVENT_COLUMNS
from utils.data.csv_read import read_csv_table
from utils.data.sites import load_sites, load_sources
from utils.data.validation import load_events

HEADER = ",".join(EVENT_COLUMNS).encode()
GOOD_ROW = (b"EV1,2025-03-01,day,Battles,Armed clash,A,,Jableh,Lattakia,35.35,35.9,1,Outlet,"
            b"Someone,claimed,,note,DOC")
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow])  # example counts: the profile in conftest.py

# Bytes that look like an events file often enough to reach the validator, not only the reader.
cells = st.one_of(st.text(max_size=12), st.sampled_from(
    ["2025-03-01", "day", "Battles", "Armed clash", "35.3", "-0", "1e400", "nan", "1", "claimed", '"', "\r",
     "\x00", "\ufeff", "=1+1", "2025-02-30"]))
csv_like = st.lists(st.lists(cells, min_size=1, max_size=20), max_size=6).map(
    lambda rows: HEADER + b"\n" + "\n".join(",".join(r) for r in rows).encode("utf-8", "surrogatepass"))
any_bytes = st.one_of(st.binary(max_size=400), csv_like,
                      st.binary(max_size=60).map(lambda b: HEADER + b"\n" + GOOD_ROW + b + b"\n"))


def _written(data: bytes) -> Path:
    with tempfile.NamedTemporaryFile(suffix=".csv", delete=False) as handle:
        handle.write(data)
    return Path(handle.name)


@pytest.mark.slow
@FUZZ
@given(any_bytes)
@example(b"\xef\xbb\xbf")
@example(b"\xef")
@example(HEADER + b"\n" + GOOD_ROW + b"\n")
@example(b'"unclosed\n')
@example(HEADER + b"\n" + GOOD_ROW.replace(b"35.35", b"1e400") + b"\n")
def test_any_bytes_load_as_rows_or_are_refused_with_a_message(data):
    path = _written(data)
    try:
        try:
            result = load_events(path, file_label="events.csv", known_doc_ids=["DOC"], today=date(2025, 6, 1))
        except DataFileError as error:
            assert str(error).startswith("events.csv")
            return
        rows = read_csv_table(data, "events.csv").rows_read
        assert len(result.events) + len(result.rejected) == rows, "every data row is loaded or set aside"
        assert result.events["event_id"].is_unique
        assert all(reason for reason in result.rejected["_reasons"]), "every row set aside says why"
        set_aside_rows = {p.row for p in result.problems if p.row is not None}
        assert set_aside_rows <= set(result.rejected["_row"].astype(int)) | {1}
        for problem in result.problems:
            assert problem.file == "events.csv" and problem.reason
        if len(result.events):
            assert result.events["latitude"].between(-90, 90).all()
            assert (result.events["date_start"] <= result.events["date_end"]).all()
    finally:
        path.unlink()


@FUZZ
@given(st.binary(max_size=300))
@example(b"\xef")  # a lone first byte of a UTF-8 byte-order mark (found by fuzzing)
@example(b"\xef\xbb")
def test_the_csv_reader_never_raises_anything_but_a_data_file_error(data):
    try:
        table = read_csv_table(data, "upload.csv")
    except DataFileError:
        return
    assert "_row" in table.frame.columns


json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10)
site_like = st.fixed_dictionaries({"type": st.just("FeatureCollection"), "features": st.lists(
    st.one_of(json_values, st.fixed_dictionaries({
        "type": st.just("Feature"),
        "geometry": st.one_of(json_values, st.fixed_dictionaries(
            {"type": st.just("Point"), "coordinates": st.lists(st.floats() | st.integers() | st.text(), max_size=3)})),
        "properties": st.one_of(json_values, st.fixed_dictionaries({
            "site_id": json_values, "name": json_values, "alt_names": json_values,
            "kind": st.sampled_from(["air base", "garrison", "x"]), "operator": json_values,
            "description": json_values, "reported": json_values}))})), max_size=3)})


@pytest.mark.slow
@FUZZ
@given(st.one_of(st.binary(max_size=200), site_like.map(lambda d: json.dumps(d).encode())))
def test_any_sites_file_loads_or_is_refused_with_a_message(data):
    path = _written(data)
    try:
        try:
            sites = load_sites(path, file_label="sites.geojson")
        except DataFileError as error:
            assert str(error).startswith("sites.geojson")
            return
        assert sites["latitude"].between(-90, 90).all() and len(sites) >= 1
    finally:
        path.unlink()


@FUZZ
@given(st.binary(max_size=300))
def test_any_sources_file_loads_or_is_refused_with_a_message(data):
    path = _written(b"doc_id,outlet,headline,published,published_precision,language,stance,seed_file,url\n" + data)
    try:
        try:
            load_sources(path, file_label="sources.csv")
        except DataFileError as error:
            assert str(error).startswith("sources.csv")
    finally:
        path.unlink()


class _CellText(HTMLParser):
    """The text of every <td> as a browser would show it (entities decoded), and any tag inside one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self.inside = False
        self.tags_inside: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self.inside = True
            self.cells.append("")
        elif self.inside:
            self.tags_inside.append(tag)

    def handle_endtag(self, tag):
        if tag == "td":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.cells[-1] += data


# Text a parser would normalise differently from a browser (carriage returns, NUL, surrogates) is kept
# out of the alphabet; everything else, markup included, is in it.
popup_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"),
                     min_size=1)


@FUZZ
@given(popup_text)
def test_any_text_in_a_site_popup_is_shown_as_exactly_that_text(text):
    site = pd.Series({"name": "Base", "alt_names": ("x",), "kind": "garrison", "operator": "Op",
                      "description": text, "reported": "", "latitude": 33.5, "longitude": 38.6})
    parser = _CellText()
    parser.feed(site_popup_html(site))
    assert parser.tags_inside == [] and text in parser.cells


@FUZZ
@given(st.text())
def test_escaped_text_has_no_markup_or_markdown_character_left(text):
    outside_entities = re.sub(r"&#\d+;", "", escape_text(text))
    assert not set(outside_entities) & set("&<>\"'`$\\*_[](){}#~:|!+=^\n\r\t")
