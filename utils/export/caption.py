"""The caption of an export, in words that stand on their own: filters, what the map draws, when, from what.

:func:`caption_lines` gives (label, plain text) pairs; :mod:`utils.export.document`
escapes them into the page. Times are UTC; :func:`date_time_group` writes the
military date-time group (``DDHHMMZ MON YY``) briefings are stamped with.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime

import pandas as pd

from utils.analysis.facets import FACETS
from utils.core.presentation import date_text
from utils.core.schema import DISPLAY_LABELS
from utils.data.sites import site_names
from utils.export.briefing import Briefing
from utils.export.export_map import NUMBER_LIMIT, ExportMap
from utils.export.permalink import MapView
from utils.map.view_layer import ViewPlan

__all__ = ["caption_lines", "data_cutoff", "date_time_group", "map_credits", "map_words", "numbers_words"]

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def date_time_group(moment: datetime) -> str:
    """The date-time group of ``moment`` in UTC ('Zulu'), e.g. ``011105Z DEC 26`` for 2026-12-01 11:05 UTC."""
    utc = moment.astimezone(UTC)
    return f"{utc:%d%H%M}Z {MONTHS[utc.month - 1]} {utc:%y}"


def data_cutoff(events: pd.DataFrame) -> str:
    """The latest event date in the data, as precisely as it is known ('' when there are no events)."""
    if not len(events):
        return ""
    latest = events.sort_values(["event_date", "event_id"], kind="stable").iloc[-1]
    return date_text(latest["event_date"], latest["date_precision"])


def map_credits(basemap) -> list[str]:
    """The optional basemap layers' attribution lines as plain text (the basemap keeps them HTML-escaped)."""
    return [html.unescape(line) for line in getattr(basemap, "credits", ())]


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


def numbers_words(drawn: ExportMap | None, total: int) -> str:
    """How the map's numbers tie to the list of events ('' when there is no map or no event)."""
    if drawn is None or not total:
        return ""
    if drawn.numbered:
        fanned = sum(p.fanned for p in drawn.placements)
        outside = total - len(drawn.placements)
        words = "each event's marker carries its number in the list of events (by date, then id)"
        if fanned:
            words += f"; {fanned} markers at shared or nearby places are fanned out, a thin line to the place"
        if outside:
            words += f"; {outside} listed events are outside this view"
        return words
    if drawn.plan.clustered or total and drawn.plan.in_view > NUMBER_LIMIT:
        return f"markers are numbered when at most {NUMBER_LIMIT} events are in view; zoom in or filter"
    return ""


def caption_lines(briefing: Briefing, plan: ViewPlan | None = None, view: MapView | None = None,
                  drawn: ExportMap | None = None) -> list[tuple[str, str]]:
    """The caption as (label, plain text) pairs: the filters in words, what the map draws (see
    :func:`map_words`), how its numbers tie to the list, count, data cut-off and version, the date-time group,
    attribution and the permalink of ``view`` (the export's view; none: no permalink line)."""
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
        ("Shown", value.caption(len(events), len(everything), int((events["date_precision"] != "day").sum()),
                                site_names=names)),
        ("Dates", dates + ("" if value.start or value.end else " (all dates in the data)")),
        *((facet.words.capitalize(), _chosen(getattr(value, facet.name), facet.every)) for facet in FACETS),
    ]
    if value.near_site is not None:
        lines.append(("Distance", f"within {value.radius_km:g} km of {names.get(value.near_site, value.near_site)}"))
    lines.append(("Map", map_words(briefing, plan)))
    if numbers_words(drawn, len(events)):
        lines.append(("Numbers", numbers_words(drawn, len(events))))
    if view is not None:
        lines.append(("View", f"centre {view.center[0]:.4f}, {view.center[1]:.4f}, zoom {view.zoom:g}"
                      + (" (framed on the events shown)" if briefing.framed else "")))
    cutoff = data_cutoff(everything)
    made = briefing.made_at.astimezone(UTC)
    lines += [
        ("Events", f"{len(events)} shown of {len(everything)} in the data"),
        ("Data cut-off", (f"latest event {cutoff}; " if cutoff else "no events; ") + f"data version {data.version}"),
        ("Made (DTG)", f"{date_time_group(made)} ({made:%Y-%m-%d %H:%M} UTC)"),
        ("Map data", "; ".join([data.basemap.attribution, *map_credits(data.basemap)]) + "; map drawn with Leaflet"),
    ]
    if view is not None:
        link = briefing.permalink(view)
        lines.append(("Permalink", link if briefing.base_url else
                      f"{link} (after the dashboard's address; set EVENTMAP_BASE_URL or --base-url to print it)"))
    return lines
