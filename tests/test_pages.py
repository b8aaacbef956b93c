"""Every page through Streamlit's AppTest: what the user reads and what the map is given."""

import html
import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_app(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def map_arguments(at: AppTest) -> dict:
    """What st_folium was given (AppTest shows the component as an unknown element)."""
    component = at.main.get("component_instance")
    assert len(component) == 1
    return json.loads(component[0].proto.json_args)


def shown_caption(at: AppTest) -> str:
    """The caption as the user reads it (the Markdown source holds entities)."""
    return next(html.unescape(c.value) for c in at.caption if c.value.startswith("Showing"))


def test_map_page_draws_bases_and_every_event():
    at = run_app()
    assert shown_caption(at) == "Showing 30 of 30 events, 2015-01-01 to 2025-04-30"
    args = map_arguments(at)
    assert args["returned_objects"] == ["last_object_clicked_tooltip", "last_object_clicked_count", "center", "zoom"]
    assert all("app/static/vendor/" in link for link in args["js_links"] + args["css_links"])
    assert args["feature_group"].count('"event_id":') == 30
    for name in ("Khmeimim air base", "Tartus naval base", "Al-Tanf garrison", "Qamishli airport"):
        assert name in args["script"]


def test_sidebar_filter_changes_caption_and_map_layer():
    at = run_app()
    at.sidebar.multiselect(key="f_sources").select("The Cradle").run()
    assert shown_caption(at) == "Showing 2 of 30 events, 2015-01-01 to 2025-04-30, sources: The Cradle"
    assert map_arguments(at)["feature_group"].count('"event_id":') == 2
    assert at.query_params["source"] in ("The Cradle", ["The Cradle"])


def test_timeline_slider_narrows_by_overlap():
    at = run_app()
    at.sidebar.slider(key="f_dates").set_value((date(2025, 3, 1), date(2025, 4, 30))).run()
    assert shown_caption(at) == "Showing 14 of 30 events, 2025-03-01 to 2025-04-30"
    assert at.sidebar.date_input(key="f_date_input").value == (date(2025, 3, 1), date(2025, 4, 30))


def test_a_link_reproduces_the_filters():
    at = run_app(query={"start": "2025-03-01", "end": "2025-04-30", "source": "SouthFront"})
    assert shown_caption(at) == "Showing 14 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront"
    assert at.sidebar.multiselect(key="f_sources").value == ["SouthFront"]


def test_a_bad_link_parameter_is_reported_not_fatal():
    at = run_app(query={"start": "soon", "source": "Nobody"})
    messages = " ".join(w.value for w in at.warning)
    assert "not a date" in messages and "Nobody" in messages
    assert shown_caption(at).startswith("Showing 30 of 30")


def test_picking_an_event_shows_its_full_record():
    at = run_app()
    at.selectbox(key="event_picker").set_value("EV0021").run()
    record = at.table[0].value.map(html.unescape)
    record.index = record.index.map(html.unescape)
    assert record.loc["Event id", "Value"] == "EV0021"
    assert record.loc["Claimed by", "Value"] == "US officials, via the Wall Street Journal"
    assert record.loc["Place precision", "Value"].startswith("2: near a town")


def test_events_page_lists_the_filtered_events():
    at = run_app("pages/events.py", query={"type": "Explosions/Remote violence"})
    table = at.dataframe[0].value
    assert sorted(table["event_id"]) == ["EV0021", "EV0025", "EV0026"]
    assert shown_caption(at).endswith("types: Explosions/Remote violence")


def test_sources_page_lists_the_articles_with_their_events():
    at = run_app("pages/sources.py", query={"source": "The Cradle"})
    table = at.dataframe[0].value
    assert list(table["outlet"]) == ["Pentapostagma", "SouthFront", "SouthFront", "The Cradle", "Republic World"]
    assert dict(zip(table["doc_id"], table["events"])) == {
        "PP-2023-07": 4, "SF-2025-04": 8, "SF-2025-03": 8, "CR-2022-06": 2, "RW-2022-11": 8}
    assert dict(zip(table["doc_id"], table["shown"]))["CR-2022-06"] == 2
    assert len(at.expander) == 5


@pytest.mark.parametrize("page", [None, "pages/events.py", "pages/sources.py"])
def test_every_page_shares_the_one_sidebar(page):
    at = run_app(page)
    keys = {w.key for w in at.sidebar.multiselect}
    assert keys == {"f_sources", "f_claimants", "f_types", "f_statuses"}
