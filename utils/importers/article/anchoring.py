"""Dates that need another event's date ('two weeks after ...', 'since then', 'the same day'), resolved
against the context date; and one phrase resolved on its own (for tests and the review)."""

from __future__ import annotations

from datetime import date, timedelta

from utils.importers.article.dates import Dated, DateMention, find_dates, mid_month

__all__ = ["apply_anchor", "resolve_phrase"]


def apply_anchor(mention: DateMention, anchor: Dated | None, published: date) -> Dated | None:
    """The date of ``mention`` given the context date ``anchor`` (the event the text is about).

    ``offset``: the anchor moved by ``days`` (to the week, or the month past 45 days); ``since``: the
    middle of the span from the anchor to publication when it is two months or less (to the month),
    else the anchor itself (the start of a long-running activity). ``None`` when it cannot be dated.
    """
    if mention.kind == "date":
        return mention.dated
    if mention.kind == "vague" or anchor is None:
        return None
    if mention.kind == "offset":
        day = anchor.day + timedelta(days=mention.days)
        if abs(mention.days) <= 1 and anchor.precision == "day":
            return Dated(day, "day")
        return Dated(day, "week" if abs(mention.days) <= 45 and anchor.precision in ("day", "week") else
                     anchor.precision if anchor.precision in ("month", "year") else "month")
    if mention.kind == "since":
        span = (published - anchor.day).days
        if 0 <= span <= 62:
            middle = anchor.day + timedelta(days=span // 2)
            return mid_month(middle.year, middle.month) if span > 10 else Dated(middle, "week")
        return anchor
    return None


def resolve_phrase(phrase: str, published: date, anchor: Dated | None = None) -> Dated | None:
    """The date of the first date expression in ``phrase`` (for tests and the review UI), or ``None``."""
    for mention in find_dates(phrase, published):
        dated = apply_anchor(mention, anchor, published)
        if dated is not None or mention.kind == "vague":
            return dated
    return None
