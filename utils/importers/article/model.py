"""What the extractor proposes: a candidate event, a sentence passed over, and the whole reading."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from utils.importers.article.dates import Dated
from utils.importers.article.sentences import Sentence

__all__ = ["RECALL_DAYS", "EventCandidate", "Extraction", "Skipped"]


RECALL_DAYS = 10
"""An event whose date window ends more than this many days before publication is *recalled*, not news."""


@dataclass(frozen=True)
class EventCandidate:
    """A proposed event, in our columns, with the sentence(s) it rests on.

    ``evidence_spans``: (start, end) character offsets in the article text of each sentence it rests
    on; ``recalled``: the article recalls it rather than reporting it as news; ``incident``: a label
    shared by candidates of one incident in this article ("A1"), blank when alone.
    """

    event_date: date
    date_precision: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    claimed_by: str
    status: str
    fatalities: int | None
    recalled: bool
    evidence_spans: tuple[tuple[int, int], ...]
    sentences: tuple[int, ...]
    trigger: str
    attributed: bool
    incident: str = ""
    admin1: str = ""
    date_source: str = ""
    place_source: str = ""

    @property
    def dated(self) -> Dated:
        return Dated(self.event_date, self.date_precision)


@dataclass(frozen=True)
class Skipped:
    """A sentence with an event word that gave no candidate, and why (shown to the analyst)."""

    sentence: int
    start: int
    end: int
    reason: str


@dataclass
class Extraction:
    """What the extractor read: the clean text, its sentences, the candidates and the sentences passed over."""

    text: str
    published: date
    outlet: str
    sentences: list[Sentence]
    candidates: list[EventCandidate]
    skipped: list[Skipped] = field(default_factory=list)

    def evidence(self, candidate: EventCandidate) -> str:
        """The sentence(s) a candidate rests on, as one text."""
        return " ".join(self.text[a:b] for a, b in candidate.evidence_spans)
