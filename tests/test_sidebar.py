"""The sidebar as a user meets it (AppTest): date presets, the zoomed slider, typed dates, search, facet
counts that follow the other filters, outlets named once, and a hint when nothing is left."""

from __future__ import annotations

import html
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import BUNDLED, ucdp_csv
from streamlit.testing.v1 import AppTest

from utils.analysis.selection import dataset_mask
from utils.data.folder import DataFolder
from utils.data.store import EventStore
from utils.data.store_collections import add_collection
from utils.importers import import_bytes

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TODAY = date(2026, 11, 21)


def run_app(query: dict | None = None, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def caption(at: AppTest) -> str:
    return next(html.unescape(c.value) for c in at.caption if c.value.startswith("Showing"))


def link(at: AppTest) -> dict[str, list[str]]:
    return {k: (v if isinstance(v, list) else [v]) for k, v in dict(at.query_params).items()}


@pytest.mark.parametrize(
    ("preset", "window", "count"),
    [("Last 7 days", ("2025-04-24", "2025-04-30"), 4), ("Last 30 days", ("2025-04-01", "2025-04-30"), 4),
     ("Last 90 days", ("2025-01-31", "2025-04-30"), 14), ("This year", ("2025-01-01", "2025-04-30"), 14)],
)
def test_a_preset_sets_the_window_from_the_datas_last_day_and_the_slider_zooms_to_it(preset, window, count):
    at = run_app()
    at.sidebar.button_group(key="f_preset").set_value(preset).run()
    assert caption(at).startswith(f"Showing {count} of 30 events, {window[0]} to {window[1]}")
    slider = at.sidebar.slider(key="f_dates")
    assert slider.value == tuple(date.fromisoformat(d) for d in window)
    assert date.fromisoformat(window[0]) > date(2015, 1, 1)
    assert any("The slider shows" in c.value for c in at.sidebar.caption), "the zoom is said"
    assert (at.sidebar.text_input(key="f_from").value, at.sidebar.text_input(key="f_to").value) == window
    assert link(at)["start"] == [window[0]] and "end" not in link(at), "the last day stays open in the link"
    at.sidebar.button_group(key="f_preset").set_value("All").run()
    assert caption(at).startswith("Showing 30 of 30 events, 2015-01-01 to 2025-04-30")
    assert "start" not in link(at)


@pytest.mark.parametrize(
    ("typed_from", "typed_to", "window"),
    [("2025-03-01", "2025-04-30", ("2025-03-01", "2025-04-30")), ("2025-03", "2025-03", ("2025-03-01", "2025-03-31")),
     ("2023", "", ("2023-01-01", "2025-04-30")), ("", "2023", ("2015-01-01", "2023-12-31"))],
)
def test_typed_dates_apply_when_entered(typed_from, typed_to, window):
    at = run_app()
    at.sidebar.text_input(key="f_from").input(typed_from)
    at.sidebar.text_input(key="f_to").input(typed_to).run()
    assert caption(at).split(";")[0].split(", ")[1] == f"{window[0]} to {window[1]}"
    assert at.sidebar.slider(key="f_dates").value == tuple(date.fromisoformat(d) for d in window)


@pytest.mark.parametrize(("typed", "message"), [("yesterday", "is not a date"), ("2024-02-30", "is not a date")])
def test_a_bad_typed_date_is_named_and_changes_nothing(typed, message):
    at = run_app()
    at.sidebar.text_input(key="f_from").input(typed).run()
    assert any(message in html.unescape(e.value) for e in at.sidebar.error)
    assert caption(at).startswith("Showing 30 of 30 events, 2015-01-01 to 2025-04-30")


def test_from_after_to_says_to_swap():
    at = run_app()
    at.sidebar.text_input(key="f_from").input("2025-04-01")
    at.sidebar.text_input(key="f_to").input("2025-03-01").run()
    assert any("swap" in e.value for e in at.sidebar.error)


def test_moving_the_slider_fills_the_typed_dates_and_clears_the_preset():
    at = run_app()
    at.sidebar.button_group(key="f_preset").set_value("Last 30 days").run()
    at.sidebar.slider(key="f_dates").set_value((date(2025, 4, 10), date(2025, 4, 30))).run()
    assert at.sidebar.button_group(key="f_preset").value is None
    assert at.sidebar.text_input(key="f_from").value == "2025-04-10"


@pytest.mark.parametrize(
    ("query", "count"),
    [("Hmeimim", 16), ("khmeimim", 16), ("حميميم", 16), ("HUMAYMIM", 16), ("Jablah", 4), ("Pantsir", 1),
     ('"air defence"', 6), ("Pantsir Tartus", 1), ("nowhere-at-all", 0)],
)
def test_search_finds_any_spelling_and_is_in_the_caption_and_the_link(query, count):
    at = run_app()
    at.sidebar.text_input(key="f_search").input(query).run()
    assert caption(at).startswith(f"Showing {count} of 30 events, 2015-01-01 to 2025-04-30, matching ")
    assert link(at)["q"] == [query]


def test_a_link_with_a_search_reopens_it():
    at = run_app({"q": "حميميم Jableh"})
    assert at.sidebar.text_input(key="f_search").value == "حميميم Jableh"
    assert caption(at).startswith('Showing 3 of 30 events, 2015-01-01 to 2025-04-30, matching "حميميم" and "Jableh"')


def test_facet_counts_follow_the_other_filters_and_empty_options_stay_listed():
    at = run_app()
    sources = at.sidebar.multiselect(key="f_sources")
    assert "SouthFront (16)" in sources.options and "The Cradle (2)" in sources.options
    at.sidebar.multiselect(key="f_statuses").select("disputed").run()
    options = at.sidebar.multiselect(key="f_sources").options
    assert len(options) == 4, "an outlet with no disputed event is still listed"
    counts = {o.rsplit(" (", 1)[0]: int(o.rsplit("(", 1)[1].rstrip(")").replace(",", "")) for o in options}
    shown = int(caption(at).split()[1])
    assert sum(counts.values()) == shown and 0 in counts.values()
    statuses = at.sidebar.multiselect(key="f_statuses").options
    assert any(o.startswith("reported (") and not o.endswith("(0)") for o in statuses), \
        "a facet's own choice does not narrow its counts"


def test_nothing_left_says_which_filter_emptied_the_view():
    at = run_app()
    at.sidebar.toggle(key="f_corroborated").set_value(True).run()
    assert caption(at).startswith("Showing 0 of 30 events")
    hint = " ".join(html.unescape(i.value) for i in at.info)
    assert "Corroborated by 2+ independent sources" in hint and "keeps none of the 30 events" in hint
    at.sidebar.toggle(key="f_corroborated").set_value(False)
    at.sidebar.multiselect(key="f_sources").select("The Cradle")
    at.sidebar.text_input(key="f_search").input("Jableh").run()
    hint = " ".join(html.unescape(i.value) for i in at.info)
    assert "The search for \"Jableh\" leaves none of the 2 events" in hint
    assert "The Source filter (The Cradle) leaves none of the 4 events" in hint


@pytest.fixture(scope="module")
def ucdp_folder(tmp_path_factory) -> Path:
    """A copy of data/ whose store holds the UCDP extract, imported with utils.importers, as a collection."""
    folder = tmp_path_factory.mktemp("ucdp") / "data"
    shutil.copytree(BUNDLED.root, folder)
    path = ucdp_csv()
    result = import_bytes(path.read_bytes(), path.name, folder=DataFolder(folder), today=TODAY)
    saved = add_collection(EventStore(folder).db, result.load, file=result.file, fmt=result.format,
                           rows_read=result.rows_read, who="test")
    folder.joinpath("collection.txt").write_text(saved.collection_id, encoding="utf-8")
    return folder


@pytest.fixture
def ucdp_link(ucdp_folder, monkeypatch) -> dict:
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(ucdp_folder))
    return {"collection": ucdp_folder.joinpath("collection.txt").read_text(encoding="utf-8")}


def test_outlets_of_the_ucdp_extract_are_named_once_and_picking_one_finds_all_its_reports(ucdp_link):
    at = run_app(ucdp_link)
    options = at.sidebar.multiselect(key="f_sources").options
    names = [o.rsplit(" (", 1)[0] for o in options]
    assert names[:3] == ["SOHR", "Airwars", "Waha Report"]
    assert not any(n in names for n in ("Air Wars", "SOHR; Airwars", "SOHR; Air Wars")), "spellings merged, lists split"
    assert "Airwars (1,387)" in options
    at.sidebar.multiselect(key="f_sources").select("Airwars").run()
    assert caption(at).startswith("Showing 1387 of 16566 events")
    dataset = at.session_state["dataset"]
    kept = dataset.events.loc[dataset_mask(dataset, at.session_state["event_filter"])]
    assert set(kept["source"]) >= {"SOHR; Airwars", "Airwars", "Air Wars", "SOHR; Air Wars"}
    assert {"SOHR; Airwars", "Air Wars"} <= set(dataset.events["source"]), "the original text is kept"


def test_an_old_link_with_another_spelling_opens_the_one_name(ucdp_link):
    at = run_app({**ucdp_link, "source": "Air Wars"})
    assert at.sidebar.multiselect(key="f_sources").value == ["Airwars"]
