"""Candidates as rows in our columns (for the CLI's JSON and CSV and the review table), and the one call
that goes from raw input to an :class:`~.candidates.Extraction`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from utils.importers.article.candidates import EventCandidate, Extraction, extract_events
from utils.importers.article.places import PlaceIndex
from utils.importers.article.text import ArticleError, article_text

__all__ = ["CANDIDATE_COLUMNS", "candidate_rows", "check_published", "extract_article"]

CANDIDATE_COLUMNS: tuple[str, ...] = (
    "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "location", "admin1",
    "latitude", "longitude", "geo_precision", "source", "claimed_by", "status", "fatalities", "notes",
    "recalled", "incident", "evidence")
"""What each candidate row holds: our event columns (no id, no article yet) plus recalled, incident, evidence."""


def check_published(published: object, *, today: date | None = None) -> date:
    """The publication date as a date; :class:`ArticleError` when missing, unreadable or in the future."""
    if published is None or (isinstance(published, str) and not published.strip()):
        raise ArticleError("No publication date given. Give the date the article was published (YYYY-MM-DD): "
                           "'on Sunday', 'last week' and dates without a year are read from it.")
    if isinstance(published, date):
        day = published
    else:
        try:
            day = date.fromisoformat(str(published).strip())
        except ValueError:
            raise ArticleError(f"The publication date {str(published)!r} is not a date; write it as YYYY-MM-DD, "
                               "for example 2025-04-25.") from None
    limit = today or date.today()
    if day > limit:
        raise ArticleError(f"The publication date {day.isoformat()} is in the future (today is {limit.isoformat()}). "
                           "Check the year: relative dates are read from it.")
    return day


def extract_article(raw: str | bytes, *, published: object, outlet: str, index: PlaceIndex, name: str = "the text",
                    governorate_of: Callable[[float, float], str] | None = None,
                    today: date | None = None) -> Extraction:
    """Read ``raw`` (pasted text or an uploaded file's bytes) and propose its events.

    Raises :class:`ArticleError` with a message saying how to fix the input.
    """
    day = check_published(published, today=today)
    if not str(outlet or "").strip():
        raise ArticleError("No outlet given. Name who published the article (e.g. Reuters, SouthFront); it goes "
                           "into each event's source.")
    text = article_text(raw, name=name)
    return extract_events(text, day, str(outlet).strip(), index, governorate_of=governorate_of)


def _note(candidate: EventCandidate) -> str:
    where = {1: "the named place", 2: "near the named place", 3: "a region"}[candidate.geo_precision]
    parts = [f"Proposed from the article ({candidate.trigger}); place: {where}"]
    if candidate.date_source == "context":
        parts.append("date taken from the context, not the sentence")
    if candidate.recalled:
        parts.append("recalled by the article, not reported as news")
    return "; ".join(parts) + "."


def candidate_rows(extraction: Extraction) -> list[dict[str, object]]:
    """One dict per candidate in :data:`CANDIDATE_COLUMNS` (dates as YYYY-MM-DD, recalled as a bool)."""
    rows = []
    for candidate in extraction.candidates:
        rows.append({
            "event_date": candidate.event_date.isoformat(), "date_precision": candidate.date_precision,
            "event_type": candidate.event_type, "sub_event_type": candidate.sub_event_type,
            "actor1": candidate.actor1, "actor2": candidate.actor2, "location": candidate.location,
            "admin1": candidate.admin1, "latitude": candidate.latitude, "longitude": candidate.longitude,
            "geo_precision": candidate.geo_precision, "source": extraction.outlet,
            "claimed_by": candidate.claimed_by, "status": candidate.status, "fatalities": candidate.fatalities,
            "notes": _note(candidate), "recalled": candidate.recalled, "incident": candidate.incident,
            "evidence": extraction.evidence(candidate)})
    return rows
