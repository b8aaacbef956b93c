"""Facts kept in one place: the computed columns, the data folder chosen at start-up, the site names."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import BUNDLED, DATA
from streamlit.testing.v1 import AppTest
from test_import_rules import native_bytes
from test_loading import GOOD

from utils.core.schema import COMPUTED_COLUMNS, EVENT_COLUMNS, STORE_COLUMNS, computed_name_clashes, is_computed_column
from utils.data.dataset import load_dataset
from utils.data.folder import DataFolder
from utils.data.sites import site_names
from utils.data.snapshots import SNAPSHOT_FOLDER
from utils.export.formats import events_csv_bytes
from utils.importers import import_bytes, native_csv_bytes
from utils.importers.merge import with_import

PROJECT = Path(__file__).resolve().parent.parent
APP = str(PROJECT / "app.py")
TODAY = date(2026, 11, 21)


# -- computed columns ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("column", [*COMPUTED_COLUMNS, "dist_km_khmeimim"])
def test_a_file_column_named_like_a_computed_one_is_kept_under_another_name_and_said_so(column):
    header = [*EVENT_COLUMNS, column]
    result = import_bytes(native_bytes([{**GOOD, column: "from the file"}], header=header), "mine.csv",
                          folder=BUNDLED, today=TODAY)
    kept = f"file_{column}"
    assert result.loaded == 1
    assert any(f"{column} kept as {kept}" in note for note in result.load.notes), result.load.notes
    assert not any("kept as they are" in note and column in note.split(":")[-1].split(", ")
                   for note in result.load.notes if kept not in note)
    assert result.load.events[kept].tolist() == ["from the file"]
    merged = with_import(load_dataset(BUNDLED, today=TODAY), result, replace_events=True).events
    assert merged[kept].tolist() == ["from the file"], "the file's text survives the dashboard's own columns"
    if column not in ("date_start", "date_end", *STORE_COLUMNS) and not column.startswith("dist_km_"):
        assert merged[column].tolist() != ["from the file"], "the dashboard computes its own"
    written = native_csv_bytes(result.load.events).decode()
    assert kept in written.splitlines()[0] and "from the file" in written


def test_the_incident_column_of_an_import_is_not_silently_overwritten():
    header = [*EVENT_COLUMNS, "incident"]
    rows = [{**GOOD, "event_id": "A", "incident": "my grouping 1"},
            {**GOOD, "event_id": "B", "incident": "my grouping 1"}]
    result = import_bytes(native_bytes(rows, header=header), "mine.csv", folder=BUNDLED, today=TODAY)
    merged = with_import(load_dataset(BUNDLED, today=TODAY), result, replace_events=True).events
    assert merged["file_incident"].tolist() == ["my grouping 1", "my grouping 1"]
    assert "incident" in merged.columns and merged["incident"].notna().all()


def test_the_computed_names_are_decided_once():
    assert computed_name_clashes(["event_id", "incident", "file_incident", "dist_km_x"]) == {
        "incident": "file_file_incident", "dist_km_x": "file_dist_km_x"}
    assert all(is_computed_column(c) for c in COMPUTED_COLUMNS)
    assert not is_computed_column("notes")
    exported = events_csv_bytes(load_dataset(BUNDLED, today=TODAY).events).decode().splitlines()[0].split(",")
    assert exported[:len(EVENT_COLUMNS)] == list(EVENT_COLUMNS)
    assert {"nearest_site", "incident", "independent_sources"} <= set(exported)
    assert "date_start" not in exported and not any(c.startswith("dist_km_") for c in exported)


def test_site_names_come_from_one_lookup():
    sites = load_dataset(BUNDLED, today=TODAY).sites
    assert site_names(sites) == {"khmeimim": "Khmeimim air base", "tartus": "Tartus naval base",
                                 "al-tanf": "Al-Tanf garrison", "qamishli": "Qamishli airport"}


# -- the data folder ---------------------------------------------------------------------------------------

@pytest.fixture
def served_folder(tmp_path, monkeypatch) -> Path:
    """A copy of data/ with one event fewer, served through ``--data-dir`` as on a server's command line."""
    folder = tmp_path / "served"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("eventmap.sqlite*", ".eventmap-cache"))
    events = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
    events.iloc[1:].to_csv(folder / "events.csv", index=False)
    monkeypatch.delenv("EVENTMAP_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "argv", ["app.py", "--data-dir", str(folder)])
    return folder


def test_the_changes_page_snapshots_the_served_events_not_the_bundled_ones(served_folder):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert any("Showing 29 of 29 events" in c.value for c in at.caption), "the served folder is shown"
    at.switch_page("pages/views/changes.py").run()
    next(b for b in at.button if b.label.startswith("Save a snapshot")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    saved = list((served_folder / SNAPSHOT_FOLDER).glob("events-*.csv"))
    assert len(saved) == 1
    snapshot = pd.read_csv(saved[0], dtype=str, keep_default_na=False)  # the served events, from the store
    served = pd.read_csv(served_folder / "events.csv", dtype=str, keep_default_na=False)
    assert snapshot["event_id"].tolist() == served["event_id"].tolist()
    assert snapshot[list(served.columns)].equals(served)
    assert not (DATA / SNAPSHOT_FOLDER).exists(), "nothing written to the bundled data"
    assert str(served_folder) not in " ".join(str(e.value) for e in at.success), "no server path in the page"


def test_the_import_uses_the_served_folders_polygons(tmp_path):
    folder = tmp_path / "served"
    shutil.copytree(DATA, folder)
    one_square = {"type": "Feature", "properties": {"shapeName": "Test governorate"},
                  "geometry": {"type": "Polygon", "coordinates": [[[35, 34], [37, 34], [37, 36], [35, 36], [35, 34]]]}}
    (folder / "basemap" / "syria_adm1_geoboundaries.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": [one_square]}), encoding="utf-8")
    row = {**GOOD, "admin1": ""}
    bundled = import_bytes(native_bytes([row]), "e.csv", folder=BUNDLED, today=TODAY)
    assert bundled.load.events["admin1"].tolist() == ["Tartous"]
    served = import_bytes(native_bytes([row]), "e.csv", folder=DataFolder(folder), today=TODAY)
    assert served.load.events["admin1"].tolist() == ["Test governorate"], "the served folder's polygons"


def test_the_edit_page_shows_no_server_path(served_folder):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/views/edit.py").run()
    assert not at.exception, [e.value for e in at.exception]
    page_text = " ".join(str(getattr(e, "value", "")) for e in [*at.caption, *at.markdown, *at.info])
    assert str(served_folder) not in page_text and "/tmp" not in page_text


def test_problems_say_their_kind_so_a_form_can_wait_for_blank_fields():
    from utils.core.problems import BLANK, INVALID
    from utils.data.validation import validate_events

    raw = pd.DataFrame([{**GOOD, "actor1": "", "fatalities": "-2", "_row": 2}])
    kinds = {p.column: p.kind for p in validate_events(raw, "new event", today=TODAY).problems}
    assert kinds == {"actor1": BLANK, "fatalities": INVALID}
