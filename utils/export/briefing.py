"""A briefing: the current view of the map as one self-contained page, and every export format.

:func:`briefing_html` writes the page: title, the offline map at the view's
centre and zoom with bases, events and legend, and a caption that stands on
its own (the filters in words, the event count, the data version, when it was
made, the map data's attribution and the permalink). With ``layout="pdf"`` the
page also lists the events shown and the articles they come from. The page is
the HTML export; :mod:`utils.export.render` photographs it for PNG and prints it for
PDF. :func:`export_file` makes any format; the app and ``python -m utils
export`` both call it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Literal

import pandas as pd

from utils.analysis.facets import FACETS
from utils.analysis.filters import EventFilter
from utils.core.escaping import escape_text, safe_http_url
from utils.core.presentation import date_text
from utils.core.schema import DISPLAY_LABELS
from utils.data.dataset import Dataset
from utils.data.sites import site_names
from utils.export.export_map import build_export_map, inline_vendored_assets
from utils.export.formats import events_csv_bytes, events_geojson_bytes
from utils.export.permalink import MapView
from utils.export.render import render_pdf, render_png
from utils.map.mapping import SYRIA_CENTER, SYRIA_ZOOM, category_colors
from utils.map.settings import MapSettings
from utils.map.view_layer import DETAIL_LIMIT, ViewPlan

__all__ = ["DEFAULT_TITLE", "EXPORT_FORMATS", "LIST_LIMITS", "MAP_PX", "Briefing", "ExportFormat", "briefing_html",
           "caption_lines", "event_rows", "export_file", "file_name", "map_words", "sources_cited"]

DEFAULT_TITLE = "Reported events around foreign bases in Syria"
Layout = Literal["html", "slide", "print", "pdf"]

MAP_PX: dict[str, tuple[int, int]] = {"html": (1280, 640), "slide": (1920, 820), "print": (1170, 580),
                                      "pdf": (723, 519)}
"""The map's size in CSS pixels (width, height) in each layout (fixed in ``PAGE_CSS``), so the bounds
in which clusters are counted are the bounds the map shows."""
LIST_LIMITS: dict[str, int] = {"html": 1000, "pdf": 250}
"""Most events listed on the page (the first by date); the CSV and GeoJSON exports hold every event."""


@dataclass(frozen=True)
class Briefing:
    """What one export shows: the dataset, the filter, the map view and settings, a title and when it was made.

    ``detail_limit``: most events in view drawn one by one, above it clusters (the dashboard's limit).
    """

    dataset: Dataset
    filter: EventFilter
    view: MapView = field(default_factory=lambda: MapView(SYRIA_CENTER, SYRIA_ZOOM))
    title: str = DEFAULT_TITLE
    permalink: str = ""
    made_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    settings: MapSettings = field(default_factory=MapSettings)
    detail_limit: int = DETAIL_LIMIT

    @property
    def color_by(self) -> str:
        """The events column that picks marker colours (from the map settings)."""
        return self.settings.color_by

    @cached_property
    def events(self) -> pd.DataFrame:
        """The events the filter keeps, by date then id."""
        return self.filter.apply(self.dataset.events).sort_values(["event_date", "event_id"], kind="stable")

    def colors(self) -> dict[str, str]:
        """Category colours over the whole dataset, as on the dashboard."""
        return category_colors(self.dataset.events[self.color_by].value_counts().index, self.color_by)


def _chosen(values: tuple[str, ...], every: str) -> str:
    return ", ".join(values) if values else every


def map_words(briefing: Briefing, plan: ViewPlan | None = None) -> str:
    """What the map draws, in words: the colours, the map settings (as the dashboard says them) and, when
    ``plan`` does not draw every event, what it draws instead."""
    parts = [f"colour: {DISPLAY_LABELS[briefing.color_by]}"]
    if briefing.settings.describe():
        parts.append(briefing.settings.describe())
    if plan is not None and not plan.everything:
        parts.append(plan.words() + (", each with its exact count" if plan.clustered else "")
                     + "; the CSV and GeoJSON exports hold every event")
    return "; ".join(parts)


def caption_lines(briefing: Briefing, plan: ViewPlan | None = None) -> list[tuple[str, str]]:
    """The caption as (label, plain text) pairs: the filters in words, what the map draws (see
    :func:`map_words`), count, version, time, attribution, link."""
    value, data = briefing.filter, briefing.dataset
    events, everything = briefing.events, data.events
    names = site_names(data.sites)
    if len(everything):
        first, last = everything["date_start"].min().date(), everything["date_end"].max().date()
    else:
        first = last = None
    start = value.start or first
    end = value.end or last
    dates = f"{start} to {end}" if start and end else "all dates"
    lines = [
        ("Shown", value.caption(events, len(everything), site_names=names)),
        ("Dates", dates + ("" if value.start or value.end else " (all dates in the data)")),
        *((facet.words.capitalize(), _chosen(getattr(value, facet.name), facet.every)) for facet in FACETS),
    ]
    if value.near_site is not None:
        lines.append(("Distance", f"within {value.radius_km:g} km of {names.get(value.near_site, value.near_site)}"))
    lines += [
        ("Map", map_words(briefing, plan)),
        ("Events", f"{len(events)} shown of {len(everything)} in the data"),
        ("Data version", data.version),
        ("Made", briefing.made_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("Map data", data.basemap.attribution + "; map drawn with Leaflet"),
    ]
    if briefing.permalink:
        lines.append(("Permalink", briefing.permalink))
    return lines


def event_rows(events: pd.DataFrame) -> list[dict[str, str]]:
    """One row of plain text per event for the list: date, place, type, source, claimant, status."""
    rows = []
    for event in events.to_dict("records"):
        place = event["location"] + (f", {event['admin1']}" if event.get("admin1") else "")
        kind = event["event_type"] + (f": {event['sub_event_type']}" if event.get("sub_event_type") else "")
        rows.append({"Date": date_text(event["event_date"], event["date_precision"]), "Place": place,
                     "Type": kind, "Source": event["source"], "Claimed by": event["claimed_by"],
                     "Status": event["status"], "Id": event["event_id"]})
    return rows


def sources_cited(events: pd.DataFrame, sources: pd.DataFrame) -> list[dict[str, str]]:
    """The articles the shown events come from, in the order of ``sources``, with how many events each."""
    counts = events["doc_id"].value_counts()
    cited = []
    for article in sources[sources["doc_id"].isin(counts.index)].to_dict("records"):
        published = article.get("published")
        when = "" if published is None or pd.isna(published) else date_text(
            pd.Timestamp(published), article.get("published_precision") or "day")
        cited.append({"doc_id": article["doc_id"], "outlet": article["outlet"], "headline": article["headline"],
                      "published": when, "url": article.get("url") or "", "events": str(int(counts[article["doc_id"]]))})
    return cited


PAGE_CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; font: 14px/1.35 "DejaVu Sans", Arial, sans-serif; color: #111; background: #fff; }
.briefing { display: flex; flex-direction: column; }
.briefing > h1 { font-size: 24px; margin: 0; padding: 10px 16px 8px; border-bottom: 3px solid #203864; }
.map-box { position: relative; flex: none; }
.map-box .folium-map { position: absolute !important; inset: 0; width: 100% !important; height: 100% !important; }
.caption { padding: 8px 16px 10px; border-top: 1px solid #bbb; display: grid;
  grid-template-columns: max-content 1fr; column-gap: 10px; row-gap: 1px; font-size: 13px; }
.caption .label { color: #555; white-space: nowrap; }
.caption .value { overflow-wrap: anywhere; }
.caption .shown { font-weight: bold; }
.caption a { color: #0b5394; }
h2 { font-size: 15px; margin: 10px 16px 4px; }
table.events, table.sources { border-collapse: collapse; margin: 0 16px 12px; font-size: 12px; }
table.events th, table.events td, table.sources th, table.sources td { border-bottom: 1px solid #ddd;
  padding: 2px 6px 2px 0; text-align: left; vertical-align: top; }
body.static .leaflet-control-zoom { display: none; }
body.slide .briefing, body.print .briefing { height: 100vh; overflow: hidden; }
body.slide .map-box { height: 820px; }
body.print .map-box { height: 580px; }
body.html .map-box { height: 640px; max-width: 1280px; }
.list-note { margin: 0 16px 4px; font-style: italic; }
body.print .briefing > h1 { font-size: 20px; }
body.print .caption { font-size: 11px; }
body.pdf { font-size: 9px; }
@page { size: A4 landscape; margin: 8mm; }
body.pdf .briefing { display: grid; grid-template-columns: 128mm 1fr; column-gap: 4mm; }
body.pdf .briefing > h1 { grid-column: 1 / 3; font-size: 15px; padding: 0 0 3px; }
body.pdf .left { grid-column: 1; min-width: 0; }
body.pdf .right { grid-column: 2; min-width: 0; }
body.pdf .map-box { height: 92mm; border: 1px solid #999; margin-top: 3px; overflow: hidden; }
body.pdf .map-box .folium-map { width: 150% !important; height: 150% !important; transform: scale(0.6667);
  transform-origin: 0 0; }
body.pdf .caption { padding: 4px 0; font-size: 7.5px; }
body.pdf h2 { font-size: 9px; margin: 3px 0 2px; }
body.pdf .list-note { margin: 0 0 2px; }
body.pdf table.events, body.pdf table.sources { margin: 0; font-size: 6.3px; line-height: 1.2; width: 100%; }
body.pdf table.events th, body.pdf table.events td { padding: 1px 3px 1px 0; }
body.pdf table.events td:first-child { width: 62px; }
body.pdf .leaflet-control-attribution { font-size: 7px; }
body.slide .caption, body.print .caption { grid-template-columns: max-content 1fr max-content 1fr; }
"""

READY_SCRIPT = """<script>
requestAnimationFrame(function() { requestAnimationFrame(function() {
  document.documentElement.setAttribute("data-ready", "1"); }); });
</script>"""


def _caption_html(briefing: Briefing, plan: ViewPlan | None = None) -> str:
    cells = []
    for label, text in caption_lines(briefing, plan):
        value = escape_text(text)
        url = safe_http_url(text) if label == "Permalink" else None
        if url:
            value = f'<a href="{escape_text(url)}">{value}</a>'
        css = "value shown" if label == "Shown" else "value"
        cells.append(f'<div class="label">{escape_text(label)}</div><div class="{css}">{value}</div>')
    return f'<div class="caption">{"".join(cells)}</div>'


def _table_html(rows: list[dict[str, str]], columns: list[str], css: str) -> str:
    head = "".join(f"<th>{escape_text(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape_text(row[c])}</td>" for c in columns) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


LIST_COLUMNS = ["Date", "Place", "Type", "Source", "Claimed by", "Status"]


def _list_note(listed: int, total: int) -> str:
    if listed >= total:
        return ""
    return (f'<p class="list-note">The first {listed:,} of {total:,} events by date are listed; '
            "the CSV and GeoJSON exports hold every event.</p>")


def _lists_html(briefing: Briefing, events: pd.DataFrame, rows: list[dict[str, str]],
                inline_rows: bool = True) -> tuple[str, str]:
    """The events list (``rows``: the first events of ``events``) and the sources cited; with
    ``inline_rows=False`` the events table's body is left empty for the events layer to fill from its
    string table (see :func:`utils.map.event_layer.event_table`)."""
    cited = sources_cited(events, briefing.dataset.sources)
    source_rows = [{"Article": c["doc_id"], "Outlet": c["outlet"], "Published": c["published"],
                    "Headline": c["headline"], "URL": c["url"], "Events": c["events"]} for c in cited]
    if inline_rows:
        events_table = _table_html(rows, LIST_COLUMNS, "events")
    else:
        head = "".join(f"<th>{escape_text(c)}</th>" for c in LIST_COLUMNS)
        events_table = (f'<table class="events"><thead><tr>{head}</tr></thead>'
                        '<tbody id="events-list-body"></tbody></table>')
    events_part = f"<h2>Events shown ({len(events):,})</h2>" + _list_note(len(rows), len(events)) + events_table
    sources_part = (f"<h2>Sources cited ({len(cited)})</h2>"
                    + _table_html(source_rows, ["Article", "Outlet", "Published", "Headline", "URL", "Events"],
                                  "sources"))
    return events_part, sources_part


def briefing_html(briefing: Briefing, layout: Layout = "html") -> str:
    """The briefing as one self-contained HTML page (no request leaves it).

    ``layout``: ``html`` (interactive, with the events and sources listed
    below the map), ``slide`` / ``print`` (a full-window picture for PNG) or
    ``pdf`` (an A4 landscape page: map, caption and sources on the left, the
    list of events on the right). The map draws what the dashboard draws for
    the briefing's filter, view and map settings; lists hold at most
    :data:`LIST_LIMITS` events.
    """
    events = briefing.events
    interactive = layout == "html"
    rows = event_rows(events.head(LIST_LIMITS[layout])) if layout in LIST_LIMITS else []
    list_rows = [[row[c] for c in LIST_COLUMNS] for row in rows] if interactive else None
    fmap, plan = build_export_map(briefing.dataset, events, briefing.view, briefing.colors(),
                                  settings=briefing.settings, map_px=MAP_PX[layout], details=interactive,
                                  interactive=interactive, list_rows=list_rows, detail_limit=briefing.detail_limit)
    map_id = fmap.get_name()
    page = fmap.get_root().render()
    page = inline_vendored_assets(page)
    title = escape_text(briefing.title.strip() or DEFAULT_TITLE)
    map_div = f'<div class="map-box"><div class="folium-map" id="{map_id}" ></div></div>'
    caption = _caption_html(briefing, plan)
    if layout == "pdf":
        events_part, sources_part = _lists_html(briefing, events, rows)
        body = (f'<div class="briefing"><h1>{title}</h1><div class="left">{map_div}{caption}{sources_part}</div>'
                f'<div class="right">{events_part}</div></div>')
    elif layout == "html":
        events_part, sources_part = _lists_html(briefing, events, rows, inline_rows=False)
        body = f'<div class="briefing"><h1>{title}</h1>{map_div}{caption}</div>{events_part}{sources_part}'
    else:
        body = f'<div class="briefing"><h1>{title}</h1>{map_div}{caption}</div>'
    old_div = f'<div class="folium-map" id="{map_id}" ></div>'
    if old_div not in page:
        raise RuntimeError("folium's page layout changed: the map element was not found")
    page = page.replace(old_div, body, 1)
    classes = f"{layout} {'interactive' if interactive else 'static'}"
    page = page.replace("<body>", f'<body class="{classes}">', 1)
    page = page.replace("<head>", f"<head>\n<title>{title}</title>\n<style>{PAGE_CSS}</style>", 1)
    return page.replace("</html>", f"{READY_SCRIPT}\n</html>")


@dataclass(frozen=True)
class ExportFormat:
    """One export format: file extension, MIME type, a label for buttons, and how to make it."""

    key: str
    extension: str
    mime: str
    label: str
    make: Callable[[Briefing, float], bytes]
    needs_browser: bool


SLIDE_SIZE = (1920, 1080)
"""PNG for a slide, in pixels (width, height)."""
A4_300DPI = (3508, 2480)
"""PNG for print: A4 landscape (297 x 210 mm) at 300 dots per inch, in pixels."""
A4_SCALE = 3
"""Device pixels per CSS pixel for the A4 PNG (the page is laid out at about 1170 x 827 CSS px)."""


def _png_slide(briefing: Briefing, timeout_s: float) -> bytes:
    width, height = SLIDE_SIZE
    return render_png(briefing_html(briefing, "slide"), width=width, height=height, timeout_s=timeout_s)


def _png_a4(briefing: Briefing, timeout_s: float) -> bytes:
    width, height = A4_300DPI
    return render_png(briefing_html(briefing, "print"), width=width, height=height, scale=A4_SCALE, dpi=300,
                      timeout_s=timeout_s)


def _pdf(briefing: Briefing, timeout_s: float) -> bytes:
    return render_pdf(briefing_html(briefing, "pdf"), timeout_s=timeout_s)


EXPORT_FORMATS: dict[str, ExportFormat] = {f.key: f for f in (
    ExportFormat("png", "png", "image/png", "PNG, slide (1920x1080)", _png_slide, True),
    ExportFormat("png-a4", "png", "image/png", "PNG, print (A4 landscape, 300 dpi)", _png_a4, True),
    ExportFormat("pdf", "pdf", "application/pdf", "PDF one-pager", _pdf, True),
    ExportFormat("html", "html", "text/html", "HTML, offline and interactive",
                 lambda b, _t: briefing_html(b, "html").encode("utf-8"), False),
    ExportFormat("csv", "csv", "text/csv", "CSV of the events", lambda b, _t: events_csv_bytes(b.events), False),
    ExportFormat("geojson", "geojson", "application/geo+json", "GeoJSON of the events",
                 lambda b, _t: events_geojson_bytes(b.events), False),
)}


def export_file(briefing: Briefing, format_key: str, *, timeout_s: float = 90) -> bytes:
    """Make the export ``format_key`` (one of :data:`EXPORT_FORMATS`) of ``briefing``.

    Formats that need Chromium raise :class:`utils.export.render.RenderError` with
    what to install when it is missing, and give up after ``timeout_s`` seconds.
    """
    if format_key not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {format_key!r}")
    return EXPORT_FORMATS[format_key].make(briefing, timeout_s)


def file_name(briefing: Briefing, format_key: str) -> str:
    """A file name such as ``briefing_2025-03-01_to_2025-04-30_8e670276c2.png``."""
    value = briefing.filter
    span = f"{value.start or 'start'}_to_{value.end or 'end'}"
    suffix = "_a4" if format_key == "png-a4" else ""
    return f"briefing_{span}_{briefing.dataset.version}{suffix}.{EXPORT_FORMATS[format_key].extension}"
