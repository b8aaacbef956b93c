"""Another source's account of the event just told: its own row, as the project codes each report.

"Air strikes hit the market, the ministry said. The Observatory counted 25 dead." The second sentence has no event
word of its own, yet it is another institution's account of the same strike (data/README.md: each report its own
row). It becomes a copy of that event as the second source tells it: same place, day and kind, that source's claim
and toll. Kept narrow: the source must be an institution (a ministry, an army, a monitor, a news agency or channel,
officials), of another kind than the event's own named source, in the same paragraph; the sentence must say what
the event did; and it must name no other place (nor several, as a toll shared over towns is).
"""

from __future__ import annotations

import re
from dataclasses import replace

from utils.core.geo import haversine_km
from utils.importers.article.attribution import Attribution, claimant_kind, status_for
from utils.importers.article.followups import asserts_outcome
from utils.importers.article.mentions import PlaceMention
from utils.importers.article.model import EventCandidate
from utils.importers.article.sentences import Sentence
from utils.importers.article.sources import same_source

__all__ = ["ACCOUNT", "another_account", "second_account"]

ACCOUNT = "account"
"""``date_source`` of a second account: its day is the event's, not to be resolved again."""
_INSTITUTION = re.compile(r"\b(?:ministry|military|army|command|staff|observatory|monitor|agency|television|tv|media|"
                          r"officials?|source)\b", re.IGNORECASE)
"""Words of a source that keeps its own account (not a resident, a nurse, a named person or a group's claim)."""
_SAME_PLACE_KM = 10.0


def another_account(source: Attribution | None, body: str, places: list[PlaceMention], event: EventCandidate,
                    fatalities: int | None) -> bool:
    """True when ``body`` (a sentence with no event of its own, in the paragraph of ``event``) is ``source``'s own
    account of ``event``: an institution of another kind than the event's named source says what it did, and the
    sentence names no place but the event's."""
    if source is None or not source.explicit or source.kind == "unattributed" or not event.attributed:
        return False
    if not _INSTITUTION.search(source.claimed_by) or claimant_kind(event.claimed_by) == source.kind:
        return False
    if same_source(source.claimed_by, event.claimed_by) or not asserts_outcome(body, fatalities):
        return False
    if len({p.name for p in places}) > 1:
        return False
    return all(haversine_km(p.latitude, p.longitude, event.latitude, event.longitude) <= _SAME_PLACE_KM for p in places)


def second_account(event: EventCandidate, sentence: Sentence, source: Attribution,
                   fatalities: int | None) -> EventCandidate:
    """``event`` as ``source`` tells it in ``sentence``: its claim, status and toll, resting on that sentence."""
    return replace(event, claimed_by=source.claimed_by, status=status_for(source), attributed=True,
                   fatalities=fatalities, sentences=(sentence.number,), evidence_spans=((sentence.start, sentence.end),),
                   date_source=ACCOUNT)
