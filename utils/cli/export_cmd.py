"""``python -m utils export``: a briefing export without a browser session, for scripted daily briefings.

Example::

    python -m utils export --start 2025-03-01 --end 2025-04-30 --source SouthFront \\
        --site khmeimim --radius-km 50 --rings 3,10,70 --format png --title "Khmeimim, March-April" \\
        --out khmeimim.png

It builds the same :class:`utils.analysis.filters.EventFilter` and
:class:`utils.map.settings.MapSettings` (``--colour-by``, ``--heatmap``,
``--rings`` are read as the link's ``colour``, ``heat`` and ``rings``) and calls
the same :func:`utils.export.outputs.export_file` as the dashboard's Export panel. With no ``--lat``,
``--lon`` and ``--zoom`` the export frames the filtered events (all of Syria when they spread across it).
The permalink printed on it uses ``--base-url``, else ``$EVENTMAP_BASE_URL``; with neither it is printed as
the link's query alone (never a guessed address).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from utils.analysis.facets import FACET_BY_NAME, FACETS, facet_options
from utils.analysis.filters import EventFilter
from utils.analysis.selection import resolved_in, unknown_values
from utils.core.problems import DataFileError
from utils.data.dataset import load_dataset
from utils.data.folder import DATA_DIR_ENV, DataFolder
from utils.data.store_sql import StoreConfigError
from utils.export.briefing import BANNER_LIMIT, DEFAULT_TITLE, Briefing
from utils.export.outputs import EXPORT_FORMATS, export_file
from utils.export.permalink import BASE_URL_ENV, MapView, dashboard_address
from utils.export.render import RenderError
from utils.map.settings import COLOR_BY_CHOICES, MapSettings

__all__ = ["register", "run_export"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from error


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser(
        "export", help="export the filtered events as PNG, PDF, HTML, CSV or GeoJSON",
        description="Export a briefing of the filtered events (the dashboard's Export panel, without a browser "
                    "session). Facet options can be repeated: --source SouthFront --source 'The Cradle'.")
    parser.add_argument("--start", type=_day, help="first day, YYYY-MM-DD (default: the first event)")
    parser.add_argument("--end", type=_day, help="last day, YYYY-MM-DD (default: the last event)")
    for facet in FACETS:
        parser.add_argument(facet.cli_flag, dest=facet.cli_dest, action="append", default=[],
                            help=f"{facet.label}: {facet.help} (repeat for several)")
    parser.add_argument("--search", default="", help="words (or \"quoted phrases\") every event holds in its place, "
                                                       "notes, actors, outlet or claimant (the sidebar's Search)")
    parser.add_argument("--site", help="keep events within --radius-km of this base (site_id, e.g. khmeimim)")
    parser.add_argument("--radius-km", type=float, help="distance from --site in km")
    parser.add_argument("--format", required=True, choices=list(EXPORT_FORMATS),
                        help="png (1920x1080 slide), png-a4 (A4 landscape, 300 dpi), pdf, html, csv or geojson")
    parser.add_argument("--title", default=DEFAULT_TITLE, help="title printed on PNG, PDF and HTML")
    parser.add_argument("--out", required=True, type=Path, help="file to write")
    parser.add_argument("--data-dir", type=Path, help=f"data folder (default: ${DATA_DIR_ENV} or data/)")
    parser.add_argument("--database-url", default=None, metavar="URL",
                        help="the store: postgresql://... (default: $EVENTMAP_DATABASE_URL, else the data folder's)")
    parser.add_argument("--lat", type=float, help="map centre latitude, degrees (with --lon and --zoom; "
                        "default: frame the filtered events)")
    parser.add_argument("--lon", type=float, help="map centre longitude, degrees")
    parser.add_argument("--zoom", type=float, help="map zoom level (4 to 17)")
    parser.add_argument("--banner", default="", help=f"handling banner printed at the top and bottom, e.g. "
                        f"TLP:CLEAR (at most {BANNER_LIMIT} characters)")
    parser.add_argument("--colour-by", "--color-by", dest="colour_by", default="event_type",
                        help=f"what colours the events: {', '.join(COLOR_BY_CHOICES)} (as the map's 'Colour events by')")
    parser.add_argument("--heatmap", action="store_true", help="draw event density instead of points")
    parser.add_argument("--rings", default="", help="range rings around every base, in km, e.g. 3,10,70")
    parser.add_argument("--base-url", default=None,
                        help=f"address of the dashboard, for the permalink printed on the export (default: "
                             f"${BASE_URL_ENV}; with neither, the link's query alone is printed)")
    parser.add_argument("--timeout", type=float, default=120, help="give up rendering after this many seconds")
    parser.set_defaults(func=run_export)


def _view_of(arguments: argparse.Namespace) -> MapView | None:
    """The view --lat, --lon and --zoom ask for (all three, or none: frame the events)."""
    given = {"--lat": arguments.lat, "--lon": arguments.lon, "--zoom": arguments.zoom}
    if all(v is None for v in given.values()):
        return None
    missing = [name for name, v in given.items() if v is None]
    if missing:
        raise ValueError(f"{', '.join(missing)} missing: give --lat, --lon and --zoom together, or none of them to "
                         "frame the filtered events")
    return MapView((arguments.lat, arguments.lon), arguments.zoom)


def map_settings_of(arguments: argparse.Namespace) -> tuple[MapSettings, list[str]]:
    """The map settings the options ask for, read as the dashboard reads them from a link, and any problems."""
    query = {"colour": arguments.colour_by, "heat": "1" if arguments.heatmap else "0", "rings": arguments.rings}
    settings, messages = MapSettings.from_query(query)
    return settings, [m.replace("link parameter colour", "--colour-by").replace("; ignored.", "") for m in messages]


def run_export(arguments: argparse.Namespace) -> int:
    """Write the export; print what was written, or a message saying how to fix the problem (exit code 1)."""
    settings, problems = map_settings_of(arguments)
    if problems:
        print("export: " + "; ".join(problems), file=sys.stderr)
        return 1
    try:
        value = EventFilter(start=arguments.start, end=arguments.end, text=arguments.search, near_site=arguments.site,
                            radius_km=arguments.radius_km,
                            **{facet.name: tuple(getattr(arguments, facet.cli_dest)) for facet in FACETS})
        view = _view_of(arguments)
    except ValueError as error:
        print(f"export: {error}", file=sys.stderr)
        return 1
    try:
        dataset = load_dataset(DataFolder.from_option(arguments.data_dir, database_url=arguments.database_url))
    except (DataFileError, StoreConfigError) as error:
        print(f"export: the data cannot be loaded: {error}", file=sys.stderr)
        return 1
    if dataset.load.rejected is not None and len(dataset.load.rejected):
        print(f"export: note: {len(dataset.load.rejected)} event row(s) failed validation and are left out; "
              "open the dashboard to see and download them.", file=sys.stderr)
    sites = dataset.sites["site_id"].tolist()
    if value.near_site is not None and value.near_site not in sites:
        print(f"export: no base with site_id {value.near_site!r}; choose one of {', '.join(sites)}", file=sys.stderr)
        return 1
    unknown = unknown_values(dataset, value)
    if unknown:  # a typo would otherwise export nothing
        options = facet_options(dataset)
        print("export: " + "; ".join(f"{FACET_BY_NAME[name].cli_flag} {', '.join(map(repr, values))} is not in the "
                                     f"data; choose from: {', '.join(options[name])}"
                                     for name, values in unknown.items()), file=sys.stderr)
        return 1
    value, _ = resolved_in(dataset, value)  # "Air Wars" is read as the data names it, "Airwars"
    base_url = dashboard_address(arguments.base_url or os.environ.get(BASE_URL_ENV))
    if arguments.base_url and not base_url:
        print(f"export: --base-url {arguments.base_url!r} is not an http(s) address such as "
              "https://events.example.org/", file=sys.stderr)
        return 1
    try:
        briefing = Briefing(dataset, value, view, title=arguments.title, settings=settings, base_url=base_url,
                            banner=arguments.banner)
    except ValueError as error:
        print(f"export: {error}", file=sys.stderr)
        return 1
    try:
        data = export_file(briefing, arguments.format, timeout_s=arguments.timeout)
    except RenderError as error:
        print(f"export: {error}", file=sys.stderr)
        return 1
    try:
        arguments.out.parent.mkdir(parents=True, exist_ok=True)
        arguments.out.write_bytes(data)
    except OSError as error:
        print(f"export: cannot write {arguments.out}: {error.strerror or error}. Choose a file in a folder you can "
              "write to.", file=sys.stderr)
        return 1
    print(f"wrote {arguments.out} ({arguments.format}, {len(data):,} bytes): {len(briefing.events)} of "
          f"{len(dataset.events)} events, data version {dataset.version}")
    return 0
