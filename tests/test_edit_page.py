"""The Add or edit page through AppTest, on a copy of data/ (it writes)."""

import html
import json
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from utils.data.folder import DATA_DIR_ENV, DataFolder
from utils.data.store import EventStore, read_changes
from utils.data.validation import EARLIEST_EVENT_DATE

PROJECT = Path(__file__).resolve().parent.parent
APP = str(PROJECT / "app.py")


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(PROJECT / "data", copy, ignore=shutil.ignore_patterns("eventmap.sqlite*", ".eventmap-cache"))
    monkeypatch.setenv(DATA_DIR_ENV, str(copy))
    return copy


def edit_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/views/edit.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text(values) -> list[str]:
    return [html.unescape(v.value) for v in values]


@pytest.mark.slow  # over 5 s
def test_a_report_and_an_event_placed_by_name_are_saved_and_logged(folder):
    at = edit_page()
    at.text_input(key="report_outlet").input("The Test Wire")
    at.text_area(key="report_headline").input("Drones shot down near Hmeimim, in my words")
    at.text_input(key="report_url").input("https://example.org/report")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="edit_report").value.startswith("TTW-")
    doc_id = at.selectbox(key="edit_report").value
    sources = EventStore(folder).read_sources().set_index("doc_id")
    assert sources.loc[doc_id, "url"] == "https://example.org/report"

    at.text_input(key="place_query").input("Humaymim").run()
    candidates = at.radio(key="place_candidate")
    assert html.unescape(candidates.options[0]).startswith("1. Khmeimim air base")
    assert at.text_input(key="new_location").value == "Khmeimim air base"
    # the candidates are drawn on the map, from vendored Leaflet
    args = json.loads(at.main.get("component_instance")[0].proto.json_args)
    assert "Khmeimim air base" in args["feature_group"]
    assert all(link.startswith("../../app/static/") for link in args["js_links"] + args["css_links"])

    at.button(key="save_event").click().run()  # actor and claimant still blank
    assert any("blank" in m for m in text(at.error))
    assert "(created)" not in set(read_changes(folder)["field"])
    at.text_input(key="new_actor1").input("Unidentified armed group")
    at.text_input(key="new_claimed_by").input("Russian Ministry of Defence")
    at.text_input(key="new_fatalities").input("-2").run()
    assert any("whole number" in m for m in text(at.error))
    at.text_input(key="new_fatalities").input("").run()
    at.text_area(key="new_notes").input("Seen from the coast road, in my words")
    at.button(key="save_event").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(m.startswith("Saved EV0031") for m in text(at.success))
    # the next event of the report starts with empty notes; the actor and claimant stay for it
    assert at.text_area(key="new_notes").value == ""
    assert at.text_input(key="new_actor1").value == "Unidentified armed group"
    events = EventStore(folder).read_events().set_index("event_id")
    assert events.loc["EV0031", ["location", "admin1", "latitude", "doc_id", "source"]].tolist() == [
        "Khmeimim air base", "Lattakia", "35.4064", doc_id, "The Test Wire"]
    log = read_changes(folder)
    assert log["field"].tolist() == ["(report recorded)", "(created)"]


def test_typed_coordinates_show_a_message_next_to_the_field(folder):
    at = edit_page()
    at.selectbox(key="edit_report").set_value("SF-2025-04").run()
    at.segmented_control(key="place_mode").set_value("Type coordinates").run()
    at.text_input(key="place_coords").input("135.9, 35.4").run()
    assert any("latitude 135.9 is out of range" in m for m in text(at.error))
    at.text_input(key="place_coords").input("35°21'0\"N 35°55'1\"E").run()
    assert any("35.35000, 35.91694 (lat, lon), Lattakia" in c for c in text(at.caption))
    # the Jableh blasts of July 2023 are at this point but far in time: not offered as the same incident
    offered = at.radio(key="attach_to").options if at.radio else []
    assert offered and not any("EV0001" in o or "EV0002" in o for o in offered)


@pytest.mark.slow  # over 5 s
def test_a_nearby_event_can_take_the_new_report_as_another_claim(folder):
    at = edit_page()
    at.selectbox(key="edit_report").set_value("PP-2023-07").run()
    at.text_input(key="place_query").input("Jebleh").run()
    at.date_input(key="new_date").set_value(pd.Timestamp("2023-07-20").date()).run()
    assert any("within 10 km and 3 days" in m for m in text(at.markdown))
    assert any("EV0001 (Jableh)" in html.unescape(o) for o in at.radio(key="attach_to").options)
    at.radio(key="attach_to").set_value("EV0001")
    at.text_input(key="new_actor1").input("Unidentified armed group")
    at.text_input(key="new_claimed_by").input("Activists in Jableh").run()
    at.button(key="save_event").click().run()
    events = EventStore(folder).read_events().set_index("event_id")
    assert events.loc["EV0031", "incident_id"] == "INC-2023-07-JABLEH"


def test_a_status_change_and_a_retirement_need_a_reason_and_show_in_the_history(folder):
    at = edit_page()
    at.selectbox(key="edit_event").set_value("EV0005").run()
    at.selectbox(key="edit_status_EV0005").set_value("confirmed").run()
    at.button(key="edit_save").click().run()
    assert any("reason" in m for m in text(at.error))
    at.text_input(key="edit_reason_EV0005").input("Confirmed by SOHR").run()
    at.button(key="edit_save").click().run()
    assert any("EV0005: status changed" in m for m in text(at.success))
    history = next(d.value for d in at.dataframe if "reason" in d.value.columns)  # the event's history
    assert history[["field", "old_value", "new_value", "reason"]].values.tolist() == [
        ["status", "reported", "confirmed", "Confirmed by SOHR"]]

    at.segmented_control(key="edit_action").set_value("Retire").run()
    at.text_input(key="edit_reason_EV0005").input("Duplicate report").run()
    at.button(key="edit_save").click().run()
    assert any("EV0005 retired" in m for m in text(at.success))
    # hidden by default, shown with the sidebar switch (and in the link)
    at.switch_page("pages/views/events.py").run()
    assert "EV0005" not in set(at.dataframe[0].value["event_id"])
    at.sidebar.toggle(key="f_retired").set_value(True).run()
    table = at.dataframe[0].value.set_index("event_id")
    assert table.loc["EV0005", "retired"] == "Duplicate report"
    assert at.query_params["retired"] in ("1", ["1"])


def test_the_data_folder_comes_from_the_command_line_then_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert DataFolder.at_start_up([]).root == tmp_path / "env"
    assert DataFolder.at_start_up(["--data-dir", str(tmp_path / "cli")]).root == tmp_path / "cli"
    assert DataFolder.at_start_up(["-q", "--data-dir=" + str(tmp_path / "cli"), "x"]).root == tmp_path / "cli"
    assert DataFolder.at_start_up([], environ={}).root == PROJECT / "data"


def test_the_event_list_follows_the_filters_and_any_event_can_be_typed_by_its_id(folder):
    """The Edit tab offers the events the filters keep (not every event, which at 1M would send tens of
    MB); any other is reached by typing its id, and an unknown id is said to be unknown."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["source"] = "Pentapostagma"
    at.run()
    at.switch_page("pages/views/edit.py").run()
    assert not at.exception, [e.value for e in at.exception]
    offered = at.selectbox(key="edit_event").options
    assert len(offered) == 4 and all(o.startswith("EV000") for o in offered)  # Pentapostagma's four
    at.text_input(key="edit_event_id").input("EV0020").run()  # not among them
    assert at.selectbox(key="edit_status_EV0020").value in {"claimed", "reported", "confirmed", "disputed"}
    at.text_input(key="edit_event_id").input("EV9999").run()
    assert any("No event has the id 'EV9999'" in m for m in text(at.error))
    assert "edit_save" not in [b.key for b in at.button]  # nothing to save


def test_every_date_field_takes_a_day_back_to_1900(folder):
    """Streamlit's date fields refuse anything more than ten years before their first value unless told: a report
    of 2013 could not be given its publication day nor its events their dates. Each field on the page (a new
    report, a new event, an event's date being changed, an article to read) now starts at 1900."""
    at = edit_page()
    fields = {"report_published": at.date_input(key="report_published")}  # the form for a new report
    at.selectbox(key="edit_report").set_value("PP-2023-07").run()
    at.selectbox(key="edit_event").set_value("EV0005").run()
    at.segmented_control(key="edit_action").set_value("Date").run()
    fields |= {field.key: field for field in at.date_input if field.key != "changes_since"}
    assert {"report_published", "new_date", "edit_date_EV0005"} <= set(fields), sorted(fields)
    at.switch_page("pages/views/import.py").run()
    fields["article_published"] = at.date_input(key="article_published")
    for key, field in fields.items():
        assert field.min == EARLIEST_EVENT_DATE and field.max == date.today(), (key, field.min, field.max)
