"""The lists of an export: the events shown, numbered as on the map, and the articles they come from.

Rows are plain text; every cell reaches the page through
:func:`utils.core.escaping.escape_text`, and only an http(s) URL (checked by
:func:`utils.core.escaping.safe_http_url`) becomes a link.
"""

from __future__ import annotations

import pandas as pd

from utils.core.escaping import escape_text, safe_http_url
from utils.core.presentation import date_text
from utils.export.export_map import NUMBER_COLUMN

__all__ = ["KEY_COLUMNS", "LIST_COLUMNS", "SOURCE_COLUMNS", "event_rows", "key_rows", "list_note", "short_date",
           "sources_cited", "table_html"]

LIST_COLUMNS = ["No.", "Id", "Date", "Place", "Type", "Source", "Claimed by", "Status"]
"""The columns of the events list in the PDF and HTML; ``No.`` is the number on the map."""
KEY_COLUMNS = ["No.", "Id", "Date", "Place"]
"""The short list beside the map of a PNG (slide or A4)."""
SOURCE_COLUMNS = ["Article", "Outlet", "Published", "Headline", "URL", "Events"]


def event_rows(events: pd.DataFrame) -> list[dict[str, str]]:
    """One row of plain text per event: its number (``list_number``, else its row from 1), id, date, place,
    type, source, claimant, status."""
    rows = []
    numbers = events[NUMBER_COLUMN] if NUMBER_COLUMN in events.columns else range(1, len(events) + 1)
    for number, event in zip(numbers, events.to_dict("records")):
        place = event["location"] + (f", {event['admin1']}" if event.get("admin1") else "")
        kind = event["event_type"] + (f": {event['sub_event_type']}" if event.get("sub_event_type") else "")
        rows.append({"No.": str(int(number)), "Id": event["event_id"],
                     "Date": date_text(event["event_date"], event["date_precision"]), "Place": place,
                     "Type": kind, "Source": event["source"], "Claimed by": event["claimed_by"],
                     "Status": event["status"]})
    return rows


def short_date(event_date: pd.Timestamp, precision: str) -> str:
    """A date in at most 11 characters for the key beside a PNG's map: ``2025-03-16``, ``~2025-03-09``
    (within 3 days), ``2025-03`` (month known only), ``2025`` (year known only)."""
    if pd.isna(event_date):
        return ""
    if precision == "year":
        return f"{event_date.year}"
    if precision == "month":
        return event_date.strftime("%Y-%m")
    return ("~" if precision == "week" else "") + event_date.strftime("%Y-%m-%d")


def key_rows(events: pd.DataFrame) -> list[dict[str, str]]:
    """The short rows of the key beside a PNG's map: number, id, short date (see :func:`short_date`), place."""
    numbers = events[NUMBER_COLUMN] if NUMBER_COLUMN in events.columns else range(1, len(events) + 1)
    return [{"No.": str(int(number)), "Id": event["event_id"],
             "Date": short_date(event["event_date"], event["date_precision"]),
             "Place": event["location"]} for number, event in zip(numbers, events.to_dict("records"))]


def sources_cited(events: pd.DataFrame, sources: pd.DataFrame) -> list[dict[str, str]]:
    """The articles the shown events come from, in the order of ``sources``, with how many events each and
    their URL as written ('' when not known)."""
    counts = events["doc_id"].value_counts()
    cited = []
    for article in sources[sources["doc_id"].isin(counts.index)].to_dict("records"):
        published = article.get("published")
        when = "" if published is None or pd.isna(published) else date_text(
            pd.Timestamp(published), article.get("published_precision") or "day")
        url = article.get("url")
        cited.append({"doc_id": article["doc_id"], "outlet": article["outlet"], "headline": article["headline"],
                      "published": when, "url": "" if url is None or pd.isna(url) else str(url),
                      "events": str(int(counts[article["doc_id"]]))})
    return cited


def _cell(column: str, text: str) -> str:
    value = escape_text(text)
    if column == "URL":
        url = safe_http_url(text)
        if url:
            return f'<a href="{escape_text(url)}" rel="noopener noreferrer">{value}</a>'
    return value


def table_html(rows: list[dict[str, str]], columns: list[str], css: str, *, body_id: str | None = None) -> str:
    """A table of ``rows`` (plain text) under ``columns``; with ``body_id`` an empty body of that id, filled
    in the browser (the HTML export's events list, from the events layer's string table)."""
    head = "".join(f'<th class="col-{_css_name(c)}">{escape_text(c)}</th>' for c in columns)
    if body_id:
        return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody id="{body_id}"></tbody></table>'
    body = "".join("<tr>" + "".join(f"<td>{_cell(c, row[c])}</td>" for c in columns) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _css_name(column: str) -> str:
    return "".join(ch for ch in column.lower() if ch.isalnum()) or "x"


def list_note(listed: int, total: int, where: str = "the CSV and GeoJSON exports hold every event") -> str:
    """A line saying only the first ``listed`` of ``total`` events are listed ('' when all are)."""
    if listed >= total:
        return ""
    return f'<p class="list-note">The first {listed:,} of {total:,} events by date are listed; {escape_text(where)}.</p>'
