"""Every export format of a briefing (PNG slide, PNG A4, PDF, HTML, CSV, GeoJSON) and its file name.

:func:`export_file` makes any of them; the dashboard's Export panel and
``python -m utils export`` both call it. PNG and PDF are the page of
:mod:`utils.export.document` rendered by Chromium (:mod:`utils.export.render`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from utils.export.briefing import Briefing
from utils.export.document import banner_template, briefing_html
from utils.export.formats import events_csv_bytes, events_geojson_bytes
from utils.export.render import render_pdf, render_png

__all__ = ["A4_300DPI", "EXPORT_FORMATS", "SLIDE_SIZE", "ExportFormat", "export_file", "file_name"]


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
    banner = banner_template(briefing)
    return render_pdf(briefing_html(briefing, "pdf"), timeout_s=timeout_s, header_html=banner, footer_html=banner)


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
