"""Page settings stay while the analyst opens another page and comes back (the widgets' persist_state="session").

Before, Streamlit dropped a widget's value when another page was opened: back on the map, the record panel was off
(a click opened a popup, not the record), and the colours, rings, a half-typed event or a briefing's title were gone.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
MAP, EVENTS, BASES, TIMELINE, EDIT = ("pages/views/map.py", "pages/views/events.py", "pages/views/bases.py",
                                      "pages/views/timeline.py", "pages/views/edit.py")


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _visit(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    return _run(at)


def test_the_map_bar_is_the_same_after_another_page():
    at = _run(AppTest.from_file(APP, default_timeout=60))
    at.toggle(key="record_panel").set_value(False)
    at.text_input(key="rings_text").input("5, 20")
    at.selectbox(key="color_by").set_value("source")
    _run(at)
    _visit(at, EVENTS)
    _visit(at, MAP)
    assert at.toggle(key="record_panel").value is False
    assert at.text_input(key="rings_text").value == "5, 20"
    assert at.selectbox(key="color_by").value == "source"


def test_the_record_panel_stays_on_after_another_page():
    """Before: back from the Events page the toggle came back off, and a click opened a popup, not the record."""
    at = _run(AppTest.from_file(APP, default_timeout=60))
    assert at.toggle(key="record_panel").value is True
    _visit(at, EVENTS)
    _visit(at, MAP)
    assert at.toggle(key="record_panel").value is True


@pytest.mark.parametrize(("page", "widget", "key", "value"), [
    (BASES, "slider", "bases_radius", 120),
    (TIMELINE, "button_group", "timeline_period", "week"),
    (EVENTS, "button_group", "events_order", "ascending"),
])
def test_a_page_keeps_its_choices_after_another_page(page, widget, key, value):
    at = _visit(_run(AppTest.from_file(APP, default_timeout=60)), page)
    getattr(at, widget)(key=key).set_value(value)
    _run(at)
    _visit(at, MAP)
    _visit(at, page)
    assert getattr(at, widget)(key=key).value == value


def test_a_half_typed_event_is_still_there_after_a_look_at_the_map(tmp_path, monkeypatch):
    import shutil

    from utils.data.folder import DATA_DIR_ENV

    copy = tmp_path / "data"
    shutil.copytree(Path(APP).parent / "data", copy, ignore=shutil.ignore_patterns("eventmap.sqlite*", ".eventmap-cache"))
    monkeypatch.setenv(DATA_DIR_ENV, str(copy))
    at = _visit(_run(AppTest.from_file(APP, default_timeout=120)), EDIT)
    at.selectbox(key="edit_report").set_value("SF-2025-04")
    _run(at)
    at.text_input(key="place_query").input("Jebleh")
    at.text_area(key="new_notes").input("Two blasts heard near the port, in my words")
    at.text_input(key="new_actor1").input("Unidentified armed group")
    _run(at)
    _visit(at, MAP)
    _visit(at, EDIT)
    assert at.selectbox(key="edit_report").value == "SF-2025-04"
    assert at.text_input(key="place_query").value == "Jebleh"
    assert at.text_area(key="new_notes").value == "Two blasts heard near the port, in my words"
    assert at.text_input(key="new_actor1").value == "Unidentified armed group"
