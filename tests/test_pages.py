"""Every page through Streamlit's AppTest: what the user reads and what the map is given."""

import html
import io
import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from map_args import events_layers
from map_args import rows_on_map as rows_in_layer
from streamlit.testing.v1 import AppTest

from ui.detail import picker_key
from utils.analysis.facets import FACETS
from utils.map.assets import STATIC_DIR

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


def rows_on_map(args: dict) -> list[dict]:
    """The events the map's events layer was given (see tests/map_args.py)."""
    return rows_in_layer(args["feature_group"])


def shown_caption(at: AppTest) -> str:
    """The caption as the user reads it (the Markdown source holds entities)."""
    return next(html.unescape(c.value) for c in at.caption if c.value.startswith("Showing"))


def test_map_page_draws_bases_and_every_event():
    at = run_app()
    assert shown_caption(at) == "Showing 30 of 30 events, 2015-01-01 to 2025-04-30; 24 of them dated only to the week, month or year"
    args = map_arguments(at)
    assert args["returned_objects"] == ["last_object_clicked_tooltip", "last_object_clicked_count", "center", "zoom",
                                        "bounds"]
    assert all(link.startswith("../../app/static/") for link in args["js_links"] + args["css_links"])
    assert len(rows_on_map(args)) == 30
    for name in ("Khmeimim air base", "Tartus naval base", "Al-Tanf garrison", "Qamishli airport"):
        assert name in args["script"]


def test_sidebar_filter_changes_caption_and_map_layer():
    at = run_app()
    at.sidebar.multiselect(key="f_sources").select("The Cradle").run()
    assert shown_caption(at) == "Showing 2 of 30 events, 2015-01-01 to 2025-04-30, sources: The Cradle; 1 of them dated only to the week, month or year"
    assert len(rows_on_map(map_arguments(at))) == 2
    assert at.query_params["source"] in ("The Cradle", ["The Cradle"])


def test_timeline_slider_narrows_by_overlap():
    at = run_app()
    at.sidebar.slider(key="f_dates").set_value((date(2025, 3, 1), date(2025, 4, 30))).run()
    assert shown_caption(at) == "Showing 14 of 30 events, 2025-03-01 to 2025-04-30; 10 of them dated only to the week, month or year"
    assert (at.sidebar.text_input(key="f_from").value, at.sidebar.text_input(key="f_to").value) == (
        "2025-03-01", "2025-04-30"), "the typed dates follow the slider"


def test_a_link_reproduces_the_filters():
    at = run_app(query={"start": "2025-03-01", "end": "2025-04-30", "source": "SouthFront"})
    assert shown_caption(at) == "Showing 14 of 30 events, 2025-03-01 to 2025-04-30, sources: SouthFront; 10 of them dated only to the week, month or year"
    assert at.sidebar.multiselect(key="f_sources").value == ["SouthFront"]


def test_a_bad_link_parameter_is_reported_not_fatal():
    at = run_app(query={"start": "soon", "source": "Nobody"})
    messages = " ".join(w.value for w in at.warning)
    assert "not a date" in messages and "Nobody" in messages
    assert shown_caption(at).startswith("Showing 30 of 30")


def test_picking_an_event_shows_its_full_record():
    at = run_app()
    at.selectbox(key=picker_key(None)).set_value("EV0021").run()
    record = at.table[0].value.map(html.unescape)
    record.index = record.index.map(html.unescape)
    assert record.loc["Event id", "Value"] == "EV0021"
    assert record.loc["Claimed by", "Value"] == "US officials, via the Wall Street Journal"
    assert record.loc["Place precision", "Value"].startswith("2: near a town")


def test_the_record_names_the_other_shown_events_at_its_point_and_says_when_it_is_filtered_out():
    at = run_app()
    at.selectbox(key=picker_key(None)).set_value("EV0003").run()
    captions = [html.unescape(c.value) for c in at.caption]
    assert "2 other shown event(s) at the same point: EV0004, EV0021. Pick them above." in captions
    at.sidebar.multiselect(key="f_sources").select("The Cradle").run()  # EV0003 is Pentapostagma's
    assert any("outside the current filters" in w.value for w in at.warning)
    captions = [html.unescape(c.value) for c in at.caption]
    assert "1 other shown event(s) at the same point: EV0021. Pick them above." in captions
    assert at.selectbox(key=picker_key(None)).options[:2] == ["EV0021 · Al-Tanf garrison area",
                                                              "EV0022 · North-east Syria"]


def test_a_map_click_survives_a_rerun_the_browser_asks_for_before_it_draws_the_click():
    """On a busy server the map pans (to show the popup) before the browser has drawn the click's rerun,
    so the pan's rerun carries the widget values the browser held before the click. The clicked event
    stays selected and the layer is not redrawn with a ring (which would close the popup)."""
    at = run_app()
    at.selectbox(key=picker_key(None)).set_value("EV0021").run()  # picked from the list: ringed by the server
    payload, options = events_layers(map_arguments(at)["feature_group"])[0]
    assert payload["ids"][options["selected"]] == "EV0021"
    held_by_browser = at._tree.get_widget_states()
    clicked = payload["ids"].index("EV0025")  # the map names a clicked event by its place in the payload
    at.session_state["event_map"] = {"last_object_clicked_tooltip": f"event:{payload['key']}:{clicked}",
                                     "last_object_clicked_count": 1}
    at.run()
    layer_after_click = map_arguments(at)["feature_group"]
    assert layer_after_click == map_arguments(at)["feature_group"]
    assert events_layers(layer_after_click)[0][1]["selected"] == options["selected"]  # not redrawn: the map rings it
    at.session_state["event_map"] = {**at.session_state["event_map"], "center": {"lat": 35.1, "lng": 36.2}}
    at._run(held_by_browser)  # Streamlit's own test runner, given the values the browser still held
    assert not at.exception
    assert [box.value for box in at.selectbox if box.key.startswith("event_picker")] == ["EV0025"]
    assert map_arguments(at)["feature_group"] == layer_after_click


def test_events_page_lists_the_filtered_events():
    at = run_app("pages/views/events.py", query={"type": "Explosions/Remote violence"})
    table = at.dataframe[0].value
    assert sorted(table["event_id"]) == ["EV0021", "EV0025", "EV0026"]
    assert shown_caption(at).endswith("types: Explosions/Remote violence; 2 of them dated only to the week, month or year")


def test_events_table_says_dates_as_precisely_as_they_are_known():
    table = run_app("pages/views/events.py").dataframe[0].value.set_index("event_id")
    assert table.loc["EV0007", "event_date"] == "March 2025"      # month only: no made-up 15th
    assert table.loc["EV0029", "event_date"] == "2015"            # year only
    assert table.loc["EV0019", "event_date"] == "week of 2025-03-25"
    assert table.loc["EV0005", "event_date"] == "2025-04-24"
    assert "2025-03-15" not in set(table["event_date"])


def test_events_downloads_are_built_only_when_asked_and_are_the_export_panels_bytes():
    from ui.downloads import _store, file_key
    from utils.export.briefing import Briefing
    from utils.export.outputs import export_file
    from utils.export.permalink import MapView

    at = run_app("pages/views/events.py", query={"source": "SouthFront"})
    assert not at.get("download_button"), "nothing is built while the page draws"
    at.button(key="events_csv_prepare").click().run()
    assert [b.proto.label for b in at.get("download_button")] == ["Download these events (CSV)"]
    dataset, value = at.session_state["dataset"], at.session_state["event_filter"]
    prepared = _store().get(file_key(dataset, value, "csv"))
    # the map page's export panel makes its CSV from a Briefing at the map's view, with its own title
    panel = export_file(Briefing(dataset, value, MapView((35.4, 35.9), 9), title="Coast"), "csv")
    assert prepared == panel
    rows = pd.read_csv(io.BytesIO(prepared), dtype=str, keep_default_na=False)
    assert len(rows) == 16 and set(rows["source"]) == {"SouthFront"}
    assert rows["event_id"].tolist() == sorted(rows["event_id"], key=lambda i: (
        dataset.events.set_index("event_id").loc[i, "event_date"], i)), "by date, then id"
    at.run()
    assert [b.proto.label for b in at.get("download_button")] == ["Download these events (CSV)"], "kept on reruns"
    at.sidebar.multiselect(key="f_sources").unselect("SouthFront").run()
    assert not at.get("download_button"), "another filter is another file: prepare again"
    at.button(key="events_geojson_prepare").click().run()
    document = json.loads(_store().get(file_key(dataset, at.session_state["event_filter"], "geojson")))
    assert len(document["features"]) == 30


def test_sources_page_lists_the_articles_with_their_events():
    at = run_app("pages/views/sources.py", query={"source": "The Cradle"})
    table = at.dataframe[0].value
    assert list(table["outlet"]) == ["Pentapostagma", "SouthFront", "SouthFront", "The Cradle", "Republic World"]
    assert dict(zip(table["doc_id"], table["events"])) == {
        "PP-2023-07": 4, "SF-2025-04": 8, "SF-2025-03": 8, "CR-2022-06": 2, "RW-2022-11": 8}
    assert dict(zip(table["doc_id"], table["shown"]))["CR-2022-06"] == 2
    assert dict(zip(table["doc_id"], table["published_text"]))["PP-2023-07"] == "week of 2023-07-20"
    assert len(at.expander) == 5
    listed = at.dataframe[4].value  # CR-2022-06's events
    assert listed["event_id"].tolist() == ["EV0021", "EV0022"] and listed["shown"].all()


@pytest.mark.parametrize("page", [None, "pages/views/events.py", "pages/views/sources.py"])
def test_every_page_shares_the_one_sidebar(page):
    at = run_app(page)
    keys = {w.key for w in at.sidebar.multiselect}
    assert keys == {facet.widget_key for facet in FACETS} >= {"f_sources", "f_claimants", "f_types", "f_statuses"}


def test_near_a_base_filter_from_the_sidebar():
    at = run_app()
    at.sidebar.selectbox(key="f_site").set_value("tartus").run()
    at.sidebar.number_input(key="f_radius").set_value(3.0).run()
    caption = shown_caption(at)
    assert caption.startswith("Showing 3 of 30 events, 2015-01-01 to 2025-04-30, within 3 km of Tartus naval base")
    assert at.query_params["site"] in ("tartus", ["tartus"])
    assert {row["id"] for row in rows_on_map(map_arguments(at))} == {"EV0011", "EV0013", "EV0015"}


def test_precise_places_toggle_and_link():
    at = run_app(query={"precise": "1"})
    assert at.sidebar.toggle(key="f_precise").value is True
    assert "precise places only" in shown_caption(at)
    rows = rows_on_map(map_arguments(at))
    assert rows and all(row["halo"] == 0 for row in rows)  # a precise place has no halo


def test_range_rings_and_heatmap_from_a_link():
    at = run_app(query={"rings": "3,10,70", "heat": "1"})
    args = map_arguments(at)
    assert args["feature_group"].count("new EventMap.RingsLayer(") == 1
    assert len(json.loads(re.search(r"new EventMap\.RingsLayer\((\[.*?\]\])", args["feature_group"]).group(1))) == 4 * 3
    assert [options["heatmap"] for _payload, options in events_layers(args["feature_group"])] == [True]
    [bundle] = [link for link in args["js_links"] if link.startswith("../../app/static/built/map-")]
    assert "---- static/vendor/leaflet-heat-folium-0.20.0/leaflet_heat.min.js ----" in (
        STATIC_DIR / bundle.removeprefix("../../app/static/")).read_text(encoding="utf-8"), "the heat plugin is loaded"
    assert at.text_input(key="rings_text").value == "3, 10, 70"
    assert any("range rings at 3, 10, 70 km" in html.unescape(c.value) for c in at.caption)


def test_claims_page_puts_the_two_jableh_claims_side_by_side():
    at = run_app("pages/views/claims.py")
    incidents = at.dataframe[0].value
    assert "INC-2023-07-JABLEH" in set(incidents["incident"])
    at.selectbox(key="incident_picker").set_value("INC-2023-07-JABLEH").run()
    shown = " ".join(html.unescape(m.value) for m in at.markdown)
    assert "**Syrian state television**" in shown and "**Activists in Jableh**" in shown
    assert "Military exercise · Jableh · status: disputed" in shown
    assert any("2 reports from 1 independent source(s)" in html.unescape(c.value) for c in at.caption)


def test_claims_are_named_readably_and_say_why_nothing_is_corroborated():
    at = run_app("pages/views/claims.py")
    names = dict(zip(at.dataframe[0].value["incident"], at.dataframe[0].value["name"]))
    assert names["G-EV0007"] == "Attack · Syrian coast · March 2025"
    assert names["INC-2022-11-04-BRIEFING"] == "Threat warning · Khmeimim air base · 2022-11-01 to 2022-11-07"
    assert not any("G-EV" in name or " at Near" in name for name in names.values())
    picker = at.selectbox(key="incident_picker")
    assert picker.format_func("G-EV0007") == "Attack · Syrian coast · March 2025"
    note = html.unescape(at.info[0].value)
    assert "None of these 6 incidents is reported by two different outlets" in note
    assert "SouthFront: 4" in note and "Corroborated by 2+ independent sources" in note
    at.selectbox(key="incident_picker").set_value("INC-2022-11-04-BRIEFING").run()
    shown = " ".join(html.unescape(m.value) for m in at.markdown)
    assert "Strategic developments (other) · Near Jisr ash-Shughur, Idlib" in shown and "Other at" not in shown
    at.sidebar.toggle(key="f_corroborated").set_value(True).run()
    notes = " ".join(html.unescape(i.value) for i in at.info)
    assert "None of these 6 incidents is reported by two different outlets" in notes


def _spec(chart) -> dict:
    return json.loads(chart.proto.spec)


def test_timeline_page_draws_counts_and_window_bars():
    at = run_app("pages/views/timeline.py", query={"source": "Republic World"})
    counts, bars = (_spec(c) for c in at.get("vega_lite_chart"))
    assert any(p.get("name") == "window" and p["select"]["type"] == "interval" for p in counts.get("params", []))
    assert counts["encoding"]["x"]["axis"]["format"] == "%Y" and bars["encoding"]["x"]["axis"]["format"] == "%Y"
    assert counts["encoding"]["x"]["scale"] == bars["encoding"]["x"]["scale"], "one time axis"
    assert bars["encoding"]["y"]["field"] == "label"
    assert shown_caption(at).startswith("Showing 8 of 30 events")
    assert any("shows all 7 shown events dated only to the week, month or year" in c.value for c in at.caption)


def _strip_data(at: AppTest) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The timeline strip under the map: its spec and its datasets by name."""
    import pyarrow as pa

    strip = next(c for c in at.main.get("vega_lite_chart") if "timeline_strip" in c.proto.id)
    data = {d.name: pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in strip.proto.datasets}
    return _spec(strip), data


def test_the_timeline_strip_comes_on_the_runs_after_the_sessions_first():
    """The session's first run keeps the strip's place (a new browser then parses the chart's code after the map's
    start); the next run, which the map's first report asks for, draws it; from then on every run does."""
    at = run_app()
    assert not [c for c in at.main.get("vega_lite_chart") if "timeline_strip" in c.proto.id]
    assert any("timeline-strip-to-come" in element.proto.body for element in at.main.get("html"))
    at.run()
    assert [c for c in at.main.get("vega_lite_chart") if "timeline_strip" in c.proto.id]
    assert not any("timeline-strip-to-come" in element.proto.body for element in at.main.get("html"))
    at.sidebar.multiselect(key="f_sources").set_value(["The Cradle"]).run()
    assert [c for c in at.main.get("vega_lite_chart") if "timeline_strip" in c.proto.id]


def test_the_timeline_strip_under_the_map_counts_every_event_and_the_shown_ones():
    at = run_app(query={"source": "The Cradle"}).run()
    spec, data = _strip_data(at)
    band, every, shown = spec["layer"]
    assert [p["name"] for p in spec["params"]] == ["strip_window"] and shown["name"] == "view_1"
    assert spec["params"][0]["select"] == {"type": "interval", "encodings": ["x"]}
    assert int(data[every["data"]["name"]]["count"].sum()) == 26  # the 30 events but the 4 dated only to a year
    shown_bars = data[shown["data"]["name"]]
    assert shown_bars["count"].tolist() == [2] and shown_bars["period_start"].tolist() == [pd.Timestamp("2022-06-01")]
    assert every["encoding"]["y"]["scale"]["domain"] == [0, int(data[every["data"]["name"]]["count"].max())]
    window = data[band["data"]["name"]]
    assert (window["start"].iloc[0], window["end"].iloc[0]) == (pd.Timestamp("2015-01-01"), pd.Timestamp("2025-05-01"))
    assert every["encoding"]["x"]["scale"]["domain"] == ["2015-01-01T00:00:00", "2025-05-01T00:00:00"]
    at.sidebar.multiselect(key="f_sources").set_value([]).run()
    spec_after, data_after = _strip_data(at)
    assert spec_after["layer"][2]["data"]["name"] == spec_after["layer"][1]["data"]["name"]  # all shown: one dataset
    assert len(data_after) == 2


def test_timeline_axis_keeps_the_year_in_a_short_window():
    at = run_app("pages/views/timeline.py", query={"start": "2025-03-01", "end": "2025-04-30"})
    counts = _spec(at.get("vega_lite_chart")[0])
    assert counts["encoding"]["x"]["axis"]["format"] == "%d %b %Y"
    assert counts["encoding"]["x"]["scale"]["domain"] == ["2025-03-01T00:00:00", "2025-05-01T00:00:00"]


def test_changes_page_compares_with_a_saved_snapshot(tmp_path, monkeypatch):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(Path(APP).parent / "data", data)
    earlier = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
    earlier.loc[earlier["event_id"] == "EV0005", "status"] = "claimed"
    earlier = earlier[earlier["event_id"] != "EV0030"]
    (data / "snapshots").mkdir()
    earlier.to_csv(data / "snapshots" / "events-20250101T000000Z-old.csv", index=False)
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(data))
    at = run_app("pages/views/changes.py")
    at.selectbox(key="snapshot_choice").set_value(data / "snapshots" / "events-20250101T000000Z-old.csv").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Added": "1", "Removed": "0", "Changed": "1"}
    assert at.dataframe[0].value.values.tolist() == [["EV0005", "Status", "claimed", "reported"]]
    added = at.dataframe[1].value
    assert list(added["event_id"]) == ["EV0030"] and added["event_date"].tolist() == ["2015"]


def test_a_snapshot_saved_on_the_changes_page_is_ready_to_compare(tmp_path, monkeypatch):
    import shutil

    from utils.data import version_cache

    data = tmp_path / "data"
    shutil.copytree(Path(APP).parent / "data", data, ignore=shutil.ignore_patterns(".eventmap-cache", "snapshots"))
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(data))
    at = run_app("pages/views/changes.py")
    at.button[0].click().run()
    assert not at.exception and "Saved events-" in at.success[0].value
    assert len(list((data / ".eventmap-cache").glob("version-*.arrow"))) == 1, "kept ready at save time"

    def must_not_read(*args, **kwargs):
        raise AssertionError("the snapshot's CSV was read again")

    monkeypatch.setattr(version_cache, "load_version", must_not_read)
    (saved,) = (data / "snapshots").glob("events-*.csv")
    at.run()  # the list of snapshots is read before the button; the next run offers the new one
    at.selectbox(key="snapshot_choice").set_value(saved).run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric} == {"Added": "0", "Removed": "0", "Changed": "0"}


def test_bases_page_summarises_events_near_each_base():
    at = run_app("pages/views/bases.py")
    at.slider(key="bases_radius").set_value(5).run()
    captions = [html.unescape(c.value) for c in at.caption]
    assert any(c.startswith("12 shown event(s) within 5 km; Russian Aerospace Forces") for c in captions), captions
    assert any(c.startswith("3 shown event(s) within 5 km; Russian Navy") for c in captions)
    specs = [_spec(c) for c in at.get("vega_lite_chart")]
    assert len(specs) == 4
    assert len({json.dumps(s["encoding"]["x"]["scale"]) for s in specs}) == 1, "one time axis for every base"
    assert {s["encoding"]["x"]["axis"]["format"] for s in specs} == {"%Y"}


def test_a_window_reaching_the_last_day_follows_new_data(tmp_path, monkeypatch):
    import shutil

    import pandas as pd

    data = tmp_path / "data"
    shutil.copytree(Path(APP).parent / "data", data)
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(data))
    at = run_app()
    events = pd.read_csv(data / "events.csv", dtype=str, keep_default_na=False)
    late = events.iloc[[4]].assign(event_id="EV0031", event_date="2025-06-01")
    pd.concat([events, late]).to_csv(data / "events.csv", index=False)
    at.run()
    assert shown_caption(at).startswith("Showing 31 of 31 events, 2015-01-01 to 2025-06-01")


def test_a_long_table_is_sorted_and_paged_on_the_server(tmp_path, monkeypatch):
    import shutil

    from benchmarks.synthetic import synthetic_events

    data = tmp_path / "data"
    shutil.copytree(Path(APP).parent / "data", data)
    events = synthetic_events(2500, seed=5)
    events.to_csv(data / "events.csv", index=False)
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(data))
    at = run_app("pages/views/events.py")
    assert len(at.dataframe[0].value) == 1000
    at.number_input(key="events_page").set_value(3).run()
    table = at.dataframe[0].value
    assert len(table) == 500
    assert any("Rows 2,001 to 2,500 of 2,500" in c.value for c in at.caption)
    newest_first = events.assign(day=pd.to_datetime(events["event_date"])).sort_values(
        "day", ascending=False, kind="stable")["event_id"].tolist()
    assert table["event_id"].tolist() == newest_first[2000:]
    at.selectbox(key="events_sort").set_value("location").run()
    at.segmented_control(key="events_order").set_value("ascending").run()
    table = at.dataframe[0].value
    assert table["event_id"].tolist() == events.sort_values("location", kind="stable")["event_id"].tolist()[2000:]


def test_every_page_but_the_map_has_a_first_visit_entry_in_pages():
    """A deep link right after a server start is matched against the scripts directly in pages/
    (ui/first_visit.py); each must exist, be named after its page's URL path, and only run the app."""
    app_source = Path(APP).read_text()
    views = re.findall(r'AppPage\("pages/views/(\w+)\.py"', app_source)
    assert "default=number == 0" in app_source  # the first page of app.py's table is the default
    default = views[0]
    pages_dir = Path(APP).parent / "pages"
    entries = sorted(path.stem for path in pages_dir.glob("*.py") if path.name != "__init__.py")
    assert entries == sorted(set(views) - {default})
    for name in entries:
        code = (pages_dir / f"{name}.py").read_text()
        assert "from ui.first_visit import run_app" in code and code.rstrip().endswith("run_app()")


def test_sessions_with_the_same_filter_share_one_layer_payload_and_keep_no_copy_of_its_ids(monkeypatch):
    """The payload (1.5 MB at 102,201 events) is built once for every session showing that filter; a session
    remembers the plan's id column for clicks, not a list of its own."""
    import utils.map.view_layer

    built = []
    real = utils.map.view_layer.plan_payload
    monkeypatch.setattr(utils.map.view_layer, "plan_payload", lambda *a, **k: built.append(1) or real(*a, **k))
    query = {"start": "2016-03-02", "end": "2026-01-01"}  # a filter no other test uses: not cached yet
    first, second = run_app(query=query), run_app(query=query)
    assert len(built) == 1
    assert map_arguments(first)["feature_group"] == map_arguments(second)["feature_group"]
    remembered = list(second.session_state["map_payloads"].values())
    assert remembered and all(isinstance(ids, pd.Series) for ids in remembered)
