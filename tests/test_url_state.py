"""The link: every parameter read and written by ui/url_state.py, the only code touching st.query_params."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.url_state import LINK_PARAMETERS, OWNERS
from utils.analysis.filters import EventFilter
from utils.export.permalink import MapView
from utils.map.settings import MapSettings

PROJECT = Path(__file__).resolve().parent.parent
APP = str(PROJECT / "app.py")


def read_and_write_back() -> None:
    """A page that reads every part of the link through ui/url_state.py and writes each part back."""
    import streamlit as st

    from ui import url_state

    value, filter_messages = url_state.read_filter()
    view, view_messages = url_state.read_view()
    settings, map_messages = url_state.read_map_settings()
    collection = url_state.read_collection()
    st.session_state["read"] = {"filter": value, "view": view, "map": settings, "collection": collection,
                                "messages": filter_messages + view_messages + map_messages}
    url_state.write_filter(value)
    if view is not None:
        url_state.write_view(view)
    else:
        url_state.forget("view")
    url_state.write_map_settings(settings)
    url_state.write_collection(collection)


# (link parameters given, owner, what that owner reads, the link it writes back, a message expected)
CASES = [
    ({"start": "2025-03-01", "end": "2025-04-30"}, "filter",
     EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30)), {"start": "2025-03-01", "end": "2025-04-30"}, None),
    ({"start": "2025-04-30", "end": "2025-03-01"}, "filter",
     EventFilter(start=date(2025, 3, 1), end=date(2025, 4, 30)), {"start": "2025-03-01", "end": "2025-04-30"},
     "reversed"),
    ({"start": "yesterday"}, "filter", EventFilter(), {}, "not a date"),
    ({"source": ["SouthFront", "The Cradle"]}, "filter", EventFilter(sources=("SouthFront", "The Cradle")),
     {"source": ["SouthFront", "The Cradle"]}, None),
    ({"claimant": "SOHR"}, "filter", EventFilter(claimants=("SOHR",)), {"claimant": "SOHR"}, None),
    ({"type": "Battles"}, "filter", EventFilter(event_types=("Battles",)), {"type": "Battles"}, None),
    ({"status": ["claimed", "claimed", "disputed"]}, "filter", EventFilter(statuses=("claimed", "disputed")),
     {"status": ["claimed", "disputed"]}, None),
    ({"actor": "HTS"}, "filter", EventFilter(actors=("HTS",)), {"actor": "HTS"}, None),
    ({"q": '  Pantsir   "air defence" '}, "filter", EventFilter(text='Pantsir "air defence"'),
     {"q": 'Pantsir "air defence"'}, None),
    ({"site": "khmeimim", "radius_km": "25"}, "filter", EventFilter(near_site="khmeimim", radius_km=25.0),
     {"site": "khmeimim", "radius_km": "25"}, None),
    ({"site": "khmeimim"}, "filter", EventFilter(), {}, "needs radius_km"),
    ({"radius_km": "-3", "site": "tartus"}, "filter", EventFilter(), {}, "above 0 km"),
    ({"retired": "1"}, "filter", EventFilter(include_retired=True), {"retired": "1"}, None),
    ({"precise": "yes"}, "filter", EventFilter(precise_only=True), {"precise": "1"}, None),
    ({"corroborated": "true"}, "filter", EventFilter(corroborated_only=True), {"corroborated": "1"}, None),
    ({"corroborated": "0"}, "filter", EventFilter(), {}, None),
    ({"region": "1"}, "filter", EventFilter(in_region_only=True), {"region": "1"}, None),
    ({"lat": "35.4", "lon": "35.95", "zoom": "9"}, "view", MapView((35.4, 35.95), 9),
     {"lat": "35.4000", "lon": "35.9500", "zoom": "9"}, None),
    ({"lat": "35.4", "zoom": "9"}, "view", None, {}, "missing"),
    ({"lat": "95", "lon": "35", "zoom": "9"}, "view", None, {}, "cannot be used"),
    ({"colour": "status"}, "map", MapSettings(color_by="status"), {"colour": "status"}, None),
    ({"colour": "rainbow"}, "map", MapSettings(), {}, "not one of"),
    ({"heat": "1"}, "map", MapSettings(heatmap=True), {"heat": "1"}, None),
    ({"rings": "70,3, 10km"}, "map", MapSettings(rings_km=(3, 10, 70)), {"rings": "3,10,70"}, None),
    ({"collection": "team-a"}, "collection", ("team-a",), {"collection": "team-a"}, None),
    ({"collection": ["team-a", " ", "team-b", "team-a"]}, "collection", ("team-a", "team-b"),
     {"collection": ["team-a", "team-b"]}, None),
    ({"collection": " "}, "collection", (), {}, None),
]


def _as_lists(query: dict) -> dict[str, list[str]]:
    return {key: (value if isinstance(value, list) else [value]) for key, value in query.items()}


@pytest.mark.parametrize(("given", "owner", "read", "written", "message"), CASES,
                         ids=[" ".join(f"{k}={v}" for k, v in case[0].items()) for case in CASES])
def test_each_link_parameter_is_read_and_written_back(given, owner, read, written, message):
    at = AppTest.from_function(read_and_write_back)
    for key, value in {**given, "utm_source": "mail"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    state = at.session_state["read"]
    assert state[owner] == read
    if message is None:
        assert state["messages"] == []
    else:
        assert any(message in m for m in state["messages"]), state["messages"]
    link = _as_lists(dict(at.query_params))
    assert {k: v for k, v in link.items() if k in OWNERS[owner]} == _as_lists(written)
    assert link["utm_source"] == ["mail"], "a parameter nobody owns is kept as it came"


def test_the_table_covers_every_link_parameter_and_each_has_one_owner():
    keys = [p.key for p in LINK_PARAMETERS]
    assert len(keys) == len(set(keys)), "a parameter belongs to one owner"
    assert {key for case in CASES for key in case[0]} == set(keys), "every parameter has a case above"
    assert all(p.means for p in LINK_PARAMETERS)


def test_writing_one_part_leaves_the_others_alone():
    at = AppTest.from_function(read_and_write_back)
    given = {"source": "SouthFront", "lat": "35.4", "lon": "35.95", "zoom": "9", "heat": "1", "collection": "x"}
    for key, value in given.items():
        at.query_params[key] = value
    at.run()
    assert _as_lists(dict(at.query_params)) == _as_lists({**given, "lat": "35.4000", "lon": "35.9500"})


def test_only_ui_url_state_touches_st_query_params():
    touching = []
    for path in [PROJECT / "app.py", *PROJECT.glob("ui/*.py"), *PROJECT.glob("pages/**/*.py"),
                 *PROJECT.glob("utils/**/*.py")]:
        if re.search(r"\bquery_params\b", path.read_text(encoding="utf-8")):
            touching.append(str(path.relative_to(PROJECT)))
    assert touching == ["ui/url_state.py"]


def test_the_dashboard_reads_and_keeps_every_part_of_a_link():
    at = AppTest.from_file(APP, default_timeout=60)
    given = {"source": "SouthFront", "start": "2025-03-01", "colour": "status", "rings": "3,70",
             "lat": "35.4", "lon": "35.95", "zoom": "9", "precise": "1"}
    for key, value in given.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    caption = next(html.unescape(c.value) for c in at.caption if c.value.startswith("Showing"))
    assert caption.startswith("Showing 6 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront, precise places")
    assert at.session_state["initial_map_view"] == MapView((35.4, 35.95), 9)
    assert at.text_input(key="rings_text").value == "3, 70"
    link = _as_lists(dict(at.query_params))
    assert link == _as_lists({**given, "rings": "3,70", "lat": "35.4000", "lon": "35.9500"})
