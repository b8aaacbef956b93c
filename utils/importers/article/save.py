"""Saving what the analyst accepted: one new source record, then each event, through the normal save path.

:func:`save_reviewed` is the one place the article review writes. It uses the store's API
(:class:`utils.data.store.EventStore`: ``add_source`` then ``add_event``, each with its change-log rows,
whatever the store keeps them in: SQLite in the data folder or PostgreSQL). Every event is validated
before anything is written, so a refused event leaves no half-saved report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from utils.core.schema import EVENT_COLUMNS
from utils.data.csv_read import ROW_COLUMN
from utils.data.store import EventStore, SaveRefused
from utils.data.validation import validate_events

__all__ = ["SavedArticle", "save_reviewed"]

_PENDING = "(this article)"


@dataclass(frozen=True)
class SavedArticle:
    """What was written: the new report's ``doc_id`` and the new events' ids, in order."""

    doc_id: str
    event_ids: tuple[str, ...]


def _fields(event: Mapping[str, object], doc_id: str, url: str) -> dict[str, object]:
    fields = {column: event.get(column, "") for column in EVENT_COLUMNS if column != "event_id"}
    fields["doc_id"] = doc_id
    if url:
        fields["source_url"] = url
    return {k: ("" if v is None or (isinstance(v, float) and pd.isna(v)) else v) for k, v in fields.items()}


def save_reviewed(store: EventStore, *, outlet: str, headline: str, published: date, url: str,
                  events: Sequence[Mapping[str, object]], who: str = "") -> SavedArticle:
    """Record the article as a new source and add each accepted event to ``store``, with the change log.

    ``events`` hold our columns (event_id and doc_id are assigned here) and may name ``attach_to``: an
    existing event of the same incident. Raises :class:`SaveRefused` naming the event and field at
    fault; nothing is written then.
    """
    if not events:
        raise SaveRefused([])
    known = [*store.read_sources()["doc_id"].tolist(), _PENDING]
    check = pd.DataFrame([{**_fields(e, _PENDING, url), "event_id": f"candidate {n}", ROW_COLUMN: n}
                          for n, e in enumerate(events, start=1)])
    result = validate_events(check.astype(str).replace({"None": "", "nan": ""}), "candidate",
                             known_doc_ids=known, today=store.today)
    if result.problems:
        raise SaveRefused(result.problems)
    doc_id = store.add_source(outlet=outlet, headline=headline, published=published, published_precision="day",
                              url=url, who=who)
    ids = []
    for event in events:
        attach = str(event.get("attach_to") or "").strip() or None
        ids.append(store.add_event(_fields(event, doc_id, url), who=who, attach_to=attach,
                                   reason=f"accepted in the article review of {doc_id}"))
    return SavedArticle(doc_id, tuple(ids))
