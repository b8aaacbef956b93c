"""Script payloads in every text field of events, bases and articles: proven inert in every sink.

Each sink is a reader (open the app, read what the user sees there); one parametrised test checks
them all with :func:`inert.assert_inert`. A new sink (upload preview, exported HTML/PDF, editor)
adds one ``Sink(...)`` line to ``SINKS``.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from browser import SITE_MARKERS, map_frame, open_app, wait_for_markers, wait_idle
from inert import Reading, assert_inert
from payloads import HEADER_PAYLOAD, PAYLOADS, SAFE_LINK, site_payloads
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.testing.v1 import AppTest

from utils.data.aliases import Aliases, split_names

HOSTILE_WINDOW = {"start": "2024-06-01", "end": "2024-06-30"}
"""The date window holding exactly the added hostile events (one per payload)."""
TEXTS = list(PAYLOADS.values())


def _url(base: str, path: str = "", **query: str | list[str]) -> str:
    return f"{base}/{path}?{urlencode(query, doseq=True)}"


def _open_map(page, base: str, **query):
    open_app(page, _url(base, **(HOSTILE_WINDOW | query)))
    frame = map_frame(page)
    wait_for_markers(frame, len(PAYLOADS))
    return frame


_OPEN_EACH_EVENT = """() => {
  // Fan out every group, then open the tooltip of every event marker the way a hover does.
  const layer = EventMap.events;
  layer.options.expandAll = true;
  layer._redraw();
  return layer.drawn().map(d => { d.marker.fire('mouseover'); const text = d.marker.getTooltip().getElement().innerText;
                                  d.marker.closeTooltip(); return text; });
}"""


_SHORT_POPUPS = """() => {
  // With the record panel closed, a click opens a short popup: select each event as a click does.
  const layer = EventMap.events, out = [];
  for (let i = 0; i < layer._D.n; i++) {
    layer.select(i, false);
    const popups = document.querySelectorAll('.leaflet-popup-content');
    out.push(popups[popups.length - 1].innerText);
  }
  return out;
}"""


def read_event_popups(page, base, data_dir) -> Reading:
    frame = _open_map(page, base)
    page.locator(".st-key-record_panel label").click()  # the record panel off: a click opens a short popup
    wait_idle(page)
    frame = map_frame(page)
    wait_for_markers(frame, len(PAYLOADS))
    shown = [part for text in frame.evaluate(_SHORT_POPUPS) for part in text.split(" \u00b7 ")]
    return Reading(shown, TEXTS, frames=[frame])


def read_event_tooltips(page, base, data_dir) -> Reading:
    frame = _open_map(page, base)
    opened = frame.evaluate(_OPEN_EACH_EVENT)
    assert len(opened) == len(PAYLOADS)
    shown = [part for text in opened for part in text.split(" \u00b7 ")]
    return Reading(shown, TEXTS, frames=[frame])


def _sites(data_dir: Path) -> list[dict]:
    return [f["properties"] for f in json.loads((data_dir / "sites.geojson").read_text())["features"]]


def read_site_labels_tooltips_popups(page, base, data_dir) -> Reading:
    frame = _open_map(page, base)
    labels = frame.locator(".site-label").all_inner_texts()
    titles = [e.get_attribute("title") or "" for e in frame.locator(".site-icon").all()]
    expected = []
    for number, site in enumerate(_sites(data_dir)):
        fields = site_payloads(number)
        expected += [fields["name"], f"{fields['name']} ({site['kind']}, {fields['operator']})"]
    return Reading(labels + titles, expected, frames=[frame])


def read_legend(page, base, data_dir) -> Reading:
    frame = _open_map(page, base)
    page.locator(".st-key-color_by").click()
    page.get_by_role("option", name="Colour: Claimed by").click()
    wait_idle(page)
    frame.wait_for_function("() => document.querySelector('.event-legend .title').innerText === 'Claimed by'")
    return Reading(frame.locator(".event-legend div").all_inner_texts(), [f"{t} (1)" for t in TEXTS], frames=[frame])


def read_caption(page, base, data_dir) -> Reading:
    # "A; B" names two claimants (the facet splits on the separators ACLED and UCDP use): choose every
    # name the payloads hold, so each payload event is shown and its text reaches the caption
    names = sorted({name for text in TEXTS for name in split_names(text, Aliases())})
    frame = _open_map(page, base, claimant=names)
    caption = page.locator("[data-testid=stCaptionContainer]", has_text="Showing").first.inner_text()
    whole = [text for text in TEXTS if split_names(text, Aliases()) == [text]]  # the texts that are one name
    assert len(whole) >= len(TEXTS) // 2
    return Reading([caption], whole + [f"Showing {len(TEXTS)} of"], frames=[frame])


_HEADING = "[data-testid=stMarkdownContainer] strong"


def _click_and_read_panel(page, frame, marker) -> list[str]:
    """Click a marker, wait for the panel to show another record, return its heading and cells."""
    before = page.locator(_HEADING).first.inner_text() if page.locator(_HEADING).count() else ""
    page.wait_for_timeout(400)  # let the last pan end, or the click lands beside the marker
    changed = "([css, before]) => { const e = document.querySelector(css); return e && e.innerText !== before; }"
    for attempt in range(3):  # under load a click can reach the server late or not at all: click again, as a user would
        marker.click(force=True)
        try:
            page.wait_for_function(changed, arg=[_HEADING, before], timeout=10_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    wait_idle(page)
    return [page.locator(_HEADING).first.inner_text(), *_record_cells(page)]


def _record_cells(page) -> list[str]:
    table = page.locator("[data-testid=stTable]").first
    table.wait_for()
    return table.locator("th, td").all_inner_texts()


_CENTRE_EVENT = """n => {
  // put event n in the middle of the map at zoom 9, fanned out, and mark its marker for the click
  const layer = EventMap.events;
  map_div.setView([layer._D.lat[n], layer._D.lon[n]], 9, {animate: false});
  layer.options.expandAll = true;
  layer._redraw();
  document.querySelectorAll('[data-clicktarget]').forEach(e => e.removeAttribute('data-clicktarget'));
  const found = layer.drawn().filter(d => d.index === n)[0];
  found.marker.getElement().setAttribute('data-clicktarget', '1');
  return true;
}"""


def read_event_detail_panel(page, base, data_dir) -> Reading:
    frame = _open_map(page, base)
    shown = []
    for number in range(len(PAYLOADS)):
        frame.evaluate(_CENTRE_EVENT, number)
        shown += _click_and_read_panel(page, frame, frame.locator("[data-clicktarget='1']"))
    return Reading(shown, TEXTS, frames=[frame])


def read_site_detail_panel(page, base, data_dir) -> Reading:
    frame = _open_map(page, base)
    shown = []
    for number, site in enumerate(json.loads((data_dir / "sites.geojson").read_text())["features"]):
        lon, lat = site["geometry"]["coordinates"]
        frame.evaluate("([lat, lon]) => map_div.setView([lat, lon], 9)", [lat, lon])  # the base in the middle
        shown += _click_and_read_panel(page, frame, frame.locator(SITE_MARKERS).nth(number))
    expected = [text for number in range(4) for text in site_payloads(number).values()]
    return Reading(shown, expected + [", ".join(TEXTS)], frames=[frame])


def read_events_table(page, base, data_dir) -> Reading:
    shown = []
    for start, end in (("2024-06-01", "2024-06-08"), ("2024-06-09", "2024-06-30")):
        open_app(page, _url(base, "events", start=start, end=end))
        grid = page.locator("[data-testid=stDataFrame]", has_text="Event id").first
        grid.locator("td").first.wait_for(state="attached")
        shown += grid.locator("td").all_text_contents()
    return Reading(shown, TEXTS)


def read_sources_page(page, base, data_dir) -> Reading:
    open_app(page, base)  # the root first: a fresh server's first visit decides how it treats pages/
    open_app(page, f"{base}/sources")
    # every article's expander, not only the first: under load the page is drawn in several messages
    page.wait_for_function("n => document.querySelectorAll('[data-testid=stExpander] summary').length >= n",
                           arg=len(TEXTS) + 5, timeout=60_000)
    labels = page.locator("[data-testid=stExpander] summary").all_inner_texts()
    headlines = page.locator("[data-testid=stExpander] [data-testid=stText]").all_text_contents()
    page.locator("[data-testid=stLinkButton] a").first.wait_for(state="attached")
    links = ["href=" + (a.get_attribute("href") or "") for a in page.locator("[data-testid=stLinkButton] a").all()]
    assert links == ["href=" + SAFE_LINK], "a link button only for the one http(s) URL"
    # Streamlit's Markdown turns a bare http(s) URL inside text into a link; no other scheme ever.
    hrefs = [a.get_attribute("href") or "" for a in page.locator("[data-testid=stMain] a[href]").all()]
    assert all(h.startswith(("http://", "https://", "#", "/", "./")) for h in hrefs), hrefs
    expected = [f"{t}: {t}, 2024-06-30 (1 events)" for t in TEXTS] + TEXTS + ["href=" + SAFE_LINK]
    return Reading(labels + headlines + links, expected)


def _download(page, base, label: str) -> bytes:
    """Prepare the file on the Events page ("Prepare ..."), then download it ("Download ...")."""
    open_app(page, _url(base, "events", **HOSTILE_WINDOW))
    page.get_by_role("button", name=label.replace("Download", "Prepare")).click()
    wait_idle(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    return Path(info.value.path()).read_bytes()


def read_csv_export(page, base, data_dir) -> Reading:
    rows = list(csv.DictReader(io.StringIO(_download(page, base, "Download these events (CSV)").decode("utf-8"))))
    assert len(rows) == len(PAYLOADS) and HEADER_PAYLOAD not in rows[0]
    formula = PAYLOADS["formula"]
    assert "'" + formula in rows[list(PAYLOADS).index("formula")].values(), "a formula cell is made inert"
    return Reading([cell for row in rows for cell in row.values()], TEXTS)


def read_geojson_export(page, base, data_dir) -> Reading:
    document = json.loads(_download(page, base, "Download these events (GeoJSON)"))
    values = [str(v) for f in document["features"] for v in f["properties"].values()]
    notes = [f["properties"]["notes"] for f in document["features"]]
    assert sorted(notes) == sorted(TEXTS), "GeoJSON keeps the text exactly"
    return Reading(values, TEXTS)


@dataclass(frozen=True)
class Sink:
    name: str
    read: Callable[..., Reading]


SINKS = [
    Sink("event popup", read_event_popups),
    Sink("event tooltip", read_event_tooltips),
    Sink("base label, tooltip and popup", read_site_labels_tooltips_popups),
    Sink("map legend", read_legend),
    Sink("caption", read_caption),
    Sink("event detail panel", read_event_detail_panel),
    Sink("base detail panel", read_site_detail_panel),
    Sink("events table", read_events_table),
    Sink("sources page", read_sources_page),
    Sink("events CSV download", read_csv_export),
    Sink("events GeoJSON download", read_geojson_export),
]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("sink", SINKS, ids=[s.name for s in SINKS])
def test_payloads_show_literally_and_run_nothing(sink, hostile_app, hostile_data_dir, offline_page):
    reading = sink.read(offline_page.page, hostile_app.url, hostile_data_dir)
    assert_inert(offline_page, reading, origin=hostile_app.url)


def test_a_payload_in_a_column_name_is_shown_as_text_in_the_error(tmp_path, monkeypatch):
    """A refused file's message names the column: it must stay text (no link, image or colour)."""
    app = str(Path(__file__).resolve().parent.parent / "app.py")
    folder = tmp_path / "data"
    import shutil

    shutil.copytree(Path(app).parent / "data", folder)
    header = (folder / "events.csv").read_text().splitlines()[0]
    name = PAYLOADS["markdown"].replace(",", ";")
    (folder / "events.csv").write_text(f"{header},{name},{name}\n")
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(folder))
    at = AppTest.from_file(app, default_timeout=60)
    at.run()
    assert not at.exception
    message = at.error[0].value
    assert not set(message) & set("<>[]()*!`"), "no Markdown or HTML is left active"
    assert f"column '{name}'" in html.unescape(message)
