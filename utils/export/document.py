"""The export as one self-contained HTML page, in each layout: the HTML export, and what is rendered to PNG and PDF.

:func:`briefing_html` lays out, in this order: the handling banner (if any),
the title, the map (numbered markers, north arrow, scale bar) beside a side
panel (inset locator map with the view's extent, the legend and, on a PNG, the
numbered key of events), the caption (:mod:`utils.export.caption`), the
numbered list of events and the sources cited (:mod:`utils.export.lists`), and
the banner again. Every value from data reaches the page through
:func:`utils.core.escaping.escape_text`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from utils.core.escaping import escape_text, safe_http_url
from utils.export.briefing import DEFAULT_TITLE, Briefing
from utils.export.caption import caption_lines
from utils.export.export_map import ExportMap, build_export_map, inline_vendored_assets
from utils.export.framing import view_bounds
from utils.export.furniture import inset_svg
from utils.export.lists import (
    KEY_COLUMNS,
    LIST_COLUMNS,
    SOURCE_COLUMNS,
    event_rows,
    key_rows,
    list_note,
    sources_cited,
    table_html,
)
from utils.export.permalink import MapView
from utils.map.mapping import legend_html

__all__ = ["KEY_LIMITS", "LIST_LIMITS", "MAP_PX", "Layout", "banner_template", "briefing_html", "export_map_of"]

Layout = Literal["html", "slide", "print", "pdf"]

MAP_PX: dict[str, tuple[int, int]] = {"html": (1060, 640), "slide": (1500, 740), "print": (850, 520),
                                      "pdf": (723, 519)}
"""The map's size in CSS pixels (width, height) in each layout (fixed in ``PAGE_CSS``), so the bounds
in which clusters are counted and numbered markers laid out are the bounds the map shows."""
LIST_LIMITS: dict[str, int] = {"html": 1000, "pdf": 250}
"""Most events listed on the page (the first by date); the CSV and GeoJSON exports hold every event."""
KEY_LIMITS: dict[str, int] = {"slide": 22, "print": 16}
"""Most events in the numbered key beside a PNG's map (the PDF and HTML list them all, up to their limit)."""
INSET_PX: dict[str, tuple[int, int]] = {"html": (340, 250), "slide": (400, 230), "print": (300, 120),
                                        "pdf": (150, 106)}

TLP_COLOURS = {"TLP:RED": "#ff2b2b", "TLP:AMBER+STRICT": "#ffc000", "TLP:AMBER": "#ffc000", "TLP:GREEN": "#33ff00",
               "TLP:CLEAR": "#ffffff", "TLP:WHITE": "#ffffff"}
"""Traffic Light Protocol 2.0 label colours (text on black)."""

PAGE_CSS = (Path(__file__).with_name("briefing.css")).read_text(encoding="utf-8")
"""The page's style in every layout (``briefing.css`` beside this file; the map sizes match :data:`MAP_PX`)."""

KEY_FIT_SCRIPT = r"""<script>
(function() {
  // Rows of the key that do not fit beside the map are taken out and counted in its note, never hidden.
  var side = document.currentScript.closest(".side"), note = side.querySelector(".key-note");
  var rows = side.querySelectorAll("table.key tbody tr"), kept = rows.length;
  while (kept > 0 && side.scrollHeight > side.clientHeight + 1) { rows[--kept].remove(); }
  var more = Number(note.dataset.total) - kept;
  if (kept < Number(note.dataset.listed)) {
    note.textContent = "... and " + more + " more: the PDF and HTML exports list them with the same numbers. "
      + "~: within 3 days; 2025-03: month known only.";
    while (kept > 0 && side.scrollHeight > side.clientHeight + 1) {
      rows[--kept].remove();
      note.textContent = note.textContent.replace(/and \d+ more/, "and " + (Number(note.dataset.total) - kept) + " more");
    }
  }
  note.dataset.shown = String(kept);
})();
</script>"""

READY_SCRIPT = """<script>
requestAnimationFrame(function() { requestAnimationFrame(function() {
  document.documentElement.setAttribute("data-ready", "1"); }); });
</script>"""


def export_map_of(briefing: Briefing, layout: Layout, *, list_rows=None) -> tuple[ExportMap, MapView]:
    """The map of ``briefing`` in ``layout`` (its size, view, interactivity) and the view it opens at."""
    interactive = layout == "html"
    view = briefing.view_for(MAP_PX[layout])
    drawn = build_export_map(briefing.dataset, briefing.events, view, briefing.colors(), settings=briefing.settings,
                             map_px=MAP_PX[layout], details=interactive, interactive=interactive,
                             list_rows=list_rows, detail_limit=briefing.detail_limit)
    return drawn, view


def _caption_html(lines: list[tuple[str, str]]) -> str:
    cells = []
    for label, text in lines:
        value = escape_text(text)
        url = safe_http_url(text) if label == "Permalink" else None
        if url:
            value = f'<a href="{escape_text(url)}">{value}</a>'
        css = "value shown" if label == "Shown" else "value"
        cells.append(f'<div class="label">{escape_text(label)}</div><div class="{css}">{value}</div>')
    return f'<div class="caption">{"".join(cells)}</div>'


def _banner_html(briefing: Briefing, where: str) -> str:
    if not briefing.banner:
        return ""
    upper = briefing.banner.upper()
    colour = next((c for label, c in TLP_COLOURS.items() if label in upper), "#ffffff")
    return (f'<div class="banner banner-{where}" style="color:{colour}" role="note">'
            f"{escape_text(briefing.banner)}</div>")


BANNER_PAGE_CSS = "@page { margin: 11mm 8mm 11mm; }"
"""With a banner, the PDF's top and bottom margins hold it (Chromium prints it there on every page)."""


def banner_template(briefing: Briefing) -> str:
    """The banner as Chromium's PDF header or footer template (escaped, its own inline style), '' for none."""
    if not briefing.banner:
        return ""
    upper = briefing.banner.upper()
    colour = next((c for label, c in TLP_COLOURS.items() if label in upper), "#ffffff")
    return ('<div style="width:100%;margin:0 8mm;-webkit-print-color-adjust:exact;background:#000;color:'
            f'{colour};font:bold 9px DejaVu Sans Mono,monospace;text-align:center;padding:2px 0;'
            f'letter-spacing:0.06em">{escape_text(briefing.banner)}</div>')


EXPORT_LEGEND_NOTE = ("A number: the event's row in the list; a thin line leads from a marker moved aside to its "
                      "place (dot). A dashed circle: how far an imprecise place may be off.")


def _export_legend(html: str) -> str:
    """The dashboard's legend with its note about clickable badges (a printed map has none) replaced by one
    about numbers and leader lines."""
    note = f'<div class="note">{escape_text(EXPORT_LEGEND_NOTE)}</div>'
    replaced, count = re.subn(r'<div class="note">A badge counts[^<]*</div>', note, html)
    return replaced if count else html + note


def _side_html(briefing: Briefing, layout: Layout, view: MapView, drawn: ExportMap) -> str:
    """The inset locator, the legend and (PNG layouts) the numbered key."""
    width, height = INSET_PX[layout]
    inset = inset_svg(briefing.dataset.basemap.countries, view_bounds(view, MAP_PX[layout]), width=width,
                      height=height)
    inset_part = f'{inset}<div class="inset-note">Red: the area of the map</div>'
    events = briefing.events
    counts = events[briefing.color_by].value_counts().to_dict() if len(events) else {}
    legend = f'<div class="legend">{_export_legend(legend_html(counts, briefing.colors(), briefing.color_by))}</div>'
    if layout == "pdf":
        return f'<div class="pdf-side">{inset_part}{legend}</div>'
    key = ""
    if layout in KEY_LIMITS and len(events) and drawn.numbered:
        limit = KEY_LIMITS[layout]
        rows = key_rows(events.head(limit))
        more = (f"... and {len(events) - limit:,} more: the PDF and HTML exports list them with the same numbers. "
                if len(events) > limit else "")
        note = (f'<p class="inset-note key-note" data-listed="{len(rows)}" data-total="{len(events)}">{more}'
                "~: within 3 days; 2025-03: month known only.</p>")
        key = f"<h2>Events by number</h2>{table_html(rows, KEY_COLUMNS, 'key')}{note}{KEY_FIT_SCRIPT}"
    return f'<div class="side">{inset_part}{legend}{key}</div>'


def _lists_html(briefing: Briefing, layout: Layout, rows: list[dict[str, str]]) -> tuple[str, str]:
    """The numbered events list and the sources cited; in the HTML the events table's body is filled in the
    browser from the events layer's string table (see :func:`utils.map.event_layer.event_table`)."""
    events = briefing.events
    cited = sources_cited(events, briefing.dataset.sources)
    source_rows = [{"Article": c["doc_id"], "Outlet": c["outlet"], "Published": c["published"],
                    "Headline": c["headline"], "URL": c["url"], "Events": c["events"]} for c in cited]
    events_table = table_html(rows, LIST_COLUMNS, "events", body_id="events-list-body" if layout == "html" else None)
    events_part = (f"<h2>Events shown ({len(events):,}), numbered as on the map</h2>"
                   + list_note(len(rows), len(events)) + events_table)
    sources_part = f"<h2>Sources cited ({len(cited)})</h2>" + table_html(source_rows, SOURCE_COLUMNS, "sources")
    return events_part, sources_part


def briefing_html(briefing: Briefing, layout: Layout = "html") -> str:
    """The briefing as one self-contained HTML page (no request leaves it).

    ``layout``: ``html`` (interactive, with the events and sources listed
    below the map), ``slide`` / ``print`` (a full-window picture for PNG, with a
    numbered key beside the map) or ``pdf`` (an A4 landscape page: map, inset,
    legend, caption and sources on the left, the numbered list of events on the
    right). The map draws what the dashboard draws for the briefing's filter,
    view (or the events framed) and map settings; lists hold at most
    :data:`LIST_LIMITS` events.
    """
    events = briefing.events
    interactive = layout == "html"
    rows = event_rows(events.head(LIST_LIMITS[layout])) if layout in LIST_LIMITS else []
    list_rows = [[row[c] for c in LIST_COLUMNS] for row in rows] if interactive else None
    drawn, view = export_map_of(briefing, layout, list_rows=list_rows)
    fmap = drawn.fmap
    map_id = fmap.get_name()
    page = inline_vendored_assets(fmap.get_root().render())
    title = escape_text(briefing.title.strip() or DEFAULT_TITLE)
    map_div = f'<div class="map-box"><div class="folium-map" id="{map_id}" ></div></div>'
    caption = _caption_html(caption_lines(briefing, drawn.plan, view, drawn))
    side = _side_html(briefing, layout, view, drawn)
    top, bottom = _banner_html(briefing, "top"), _banner_html(briefing, "bottom")
    if layout == "pdf":
        events_part, sources_part = _lists_html(briefing, layout, rows)
        # the banner is printed in every page's margins instead (see banner_template)
        body = (f'<div class="briefing"><h1>{title}</h1><div class="left">{map_div}'
                f'<div class="below-map">{side}{caption}</div>{sources_part}</div>'
                f'<div class="right">{events_part}</div></div>')
    elif layout == "html":
        events_part, sources_part = _lists_html(briefing, layout, rows)
        body = (f'<div class="briefing">{top}<h1>{title}</h1><div class="main">{map_div}{side}</div>{caption}</div>'
                f"{events_part}{sources_part}{bottom}")
    else:
        body = (f'<div class="briefing">{top}<h1>{title}</h1><div class="main">{map_div}{side}</div>{caption}'
                f'<div style="flex:1"></div>{bottom}</div>')
    old_div = f'<div class="folium-map" id="{map_id}" ></div>'
    if old_div not in page:
        raise RuntimeError("folium's page layout changed: the map element was not found")
    page = page.replace(old_div, body, 1)
    classes = f"{layout} {'interactive' if interactive else 'static'}"
    page = page.replace("<body>", f'<body class="{classes}">', 1)
    css = PAGE_CSS + (BANNER_PAGE_CSS if briefing.banner and layout == "pdf" else "")
    page = page.replace("<head>", f"<head>\n<title>{title}</title>\n<style>{css}</style>", 1)
    return page.replace("</html>", f"{READY_SCRIPT}\n</html>")
