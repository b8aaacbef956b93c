"""The Import page through AppTest: upload, report, add or replace, and every page on the imported events."""

from __future__ import annotations

import html
import shutil
import tomllib
from pathlib import Path

import pytest
from conftest import DATA, PROJECT, ucdp_csv
from streamlit.testing.v1 import AppTest
from test_import_rules import native_bytes
from test_loading import GOOD
from test_pages import run_app, shown_caption

from utils.importers.upload import MAX_UPLOAD_MB

IMPORT_PAGE = "pages/views/import.py"
UCDP = ucdp_csv()


@pytest.fixture(autouse=True)
def data_copy(tmp_path, monkeypatch) -> Path:
    """A copy of data/: a saved import goes into its store, never into the bundled folder's."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("eventmap.sqlite*", ".eventmap-cache"))
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(folder))
    return folder


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader(key="import_upload").set_value((name, content, "text/csv"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_ucdp_extract_saved_alone_persists_for_every_session_and_link():
    at = upload(run_app(IMPORT_PAGE), UCDP.name, UCDP.read_bytes())
    assert metrics(at) == {"Rows read": "16,566", "Loaded": "16,566", "Set aside": "0"}
    assert any("Detected&#58; UCDP GED" in c.value for c in at.caption)
    click(at, "Save and show this import alone")
    message = html.unescape(at.success[0].value)
    assert "16566 event(s) from ucdp_ged_syria_2016-2019.csv were saved in the store as the collection " \
           "ucdp-ged-syria-2016-2019-1, shown alone" in message
    assert at.query_params["collection"] in ("ucdp-ged-syria-2016-2019-1", ["ucdp-ged-syria-2016-2019-1"])
    at.switch_page("pages/views/events.py").run()
    assert shown_caption(at) == ("Showing 16566 of 16566 events, 2016-01-01 to 2019-12-31; "
                                 "1086 of them dated only to the week, month or year")
    assert at.sidebar.multiselect(key="f_sources").options[0].startswith("SOHR (")
    at.sidebar.multiselect(key="f_types").select("Violence against civilians").run()
    assert shown_caption(at) == ("Showing 482 of 16566 events, 2016-01-01 to 2019-12-31, "
                                 "types: Violence against civilians; 39 of them dated only to the week, month or year")
    at.switch_page("pages/views/sources.py").run()
    assert not at.exception
    sources = at.dataframe[0].value
    assert "import:ucdp-ged-syria-2016-2019-1" in sources["doc_id"].tolist()
    assert sources.set_index("doc_id").loc["import:ucdp-ged-syria-2016-2019-1", "events"] == 16566
    # a reload (a new session) and the permalink: the import is still there
    again = run_app("pages/views/events.py", query={"collection": "ucdp-ged-syria-2016-2019-1"})
    assert shown_caption(again).startswith("Showing 16566 of 16566 events")
    fresh = run_app("pages/views/events.py")
    assert shown_caption(fresh).startswith("Showing 16596 of 16596 events"), "every collection, by default"
    assert fresh.sidebar.multiselect(key="collections_widget").options == [
        "Bundled and edited events (30)", "ucdp_ged_syria_2016-2019.csv (16,566)"]
    at.switch_page(IMPORT_PAGE).run()
    click(at, "Show every collection")
    at.switch_page("pages/views/events.py").run()
    assert shown_caption(at).startswith("Showing 16596 of 16596 events")


def test_a_collection_is_deleted_only_when_confirmed_and_the_deletion_is_logged(data_copy):
    at = upload(run_app(IMPORT_PAGE), "mine.csv", native_bytes([{**GOOD, "event_id": "MINE1", "doc_id": ""}]))
    click(at, "Save and show with the other events")
    at.selectbox(key="delete_collection").set_value("mine-1").run()
    at.text_input(key="delete_reason").input("test data").run()
    assert at.button(key="delete_go").disabled, "nothing is deleted before the confirmation is ticked"
    at.checkbox(key="delete_confirm").check().run()
    at.button(key="delete_go").click().run()
    assert not at.exception
    assert "Collection mine-1 deleted (1 events hidden)" in html.unescape(at.success[0].value)
    from utils.data.store import read_changes

    log = read_changes(data_copy)
    assert log[["field", "reason"]].values.tolist()[-1] == ["(collection deleted)", "test data"]
    at.switch_page("pages/views/events.py").run()
    assert shown_caption(at).startswith("Showing 30 of 30 events")


def test_bad_rows_are_reported_downloadable_and_the_good_ones_added():
    content = native_bytes([{**GOOD, "event_id": "MINE1", "doc_id": ""},
                            {**GOOD, "event_id": "MINE2", "latitude": "34,9"},
                            {**GOOD, "event_id": "EV0001"}])
    at = upload(run_app(IMPORT_PAGE), "mine.csv", content)
    assert metrics(at) == {"Rows read": "3", "Loaded": "2", "Set aside": "1"}
    report = at.dataframe[0].value
    assert report[["row", "column", "value"]].values.tolist() == [[3, "latitude", "34,9"]]
    assert "use a point, not a comma" in report.loc[0, "reason"]
    assert any(getattr(e, "proto", None) is not None and "rows set aside" in str(e.proto)
               for e in at.main.get("download_button"))
    click(at, "Save and show with the other events")
    message = html.unescape(at.success[0].value)
    assert "1 event(s) from mine.csv were saved in the store as the collection mine-1" in message
    assert "1 row(s) were set aside because their id is already in the store" in message
    at.switch_page("pages/views/events.py").run()
    assert shown_caption(at).startswith("Showing 31 of 31 events")
    table = next(d.value for d in at.dataframe if "event_id" in d.value.columns)
    assert "MINE1" in set(table["event_id"])
    warnings = " ".join(html.unescape(e.label) for e in at.expander)
    assert "row(s) of events.csv and mine.csv were set aside" in warnings


def test_any_csv_is_imported_with_a_column_mapping_remembered_for_the_session():
    content = b"Date,Lat,Lon,Town\n28/03/2025,34.9,35.87,Tartus\n29/03/2025,35.35,35.92,Jableh\n"
    at = upload(run_app(IMPORT_PAGE), "mine.csv", content)
    assert at.selectbox(key="map_event_date").value == "Date"
    assert at.selectbox(key="map_location").value == "Town"
    assert metrics(at) == {"Rows read": "2", "Loaded": "2", "Set aside": "0"}
    at.selectbox(key="map_location").set_value("(not in the file)").run()
    at.switch_page("pages/views/events.py").run()
    at.switch_page(IMPORT_PAGE).run()
    upload(at, "again.csv", content)
    assert at.selectbox(key="map_location").value == "(not in the file)", "the mapping is remembered"
    assert at.selectbox(key="map_event_date").value == "Date"


def test_a_refused_file_says_why_changes_nothing_and_reads_with_the_chosen_encoding():
    content = native_bytes([{**GOOD, "location": "طرطوس"}]).decode().encode("cp1256")
    at = upload(run_app(IMPORT_PAGE), "arabic.csv", content)
    message = html.unescape(at.error[0].value)
    assert "refused; nothing changed" in message and "is not valid UTF-8" in message and "byte offset" in message
    assert not [b for b in at.button if b.label.startswith(("Add", "Replace"))]
    at.selectbox(key="import_encoding").set_value("cp1256").run()
    assert not at.error and metrics(at) == {"Rows read": "1", "Loaded": "1", "Set aside": "0"}


def test_the_upload_cap_is_the_one_in_the_streamlit_config():
    config = tomllib.loads(Path(PROJECT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB
    at = run_app(IMPORT_PAGE)
    assert f"up to {MAX_UPLOAD_MB} MB" in at.file_uploader(key="import_upload").help
