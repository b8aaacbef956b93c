"""An act that goes on the story of the event just told: its own event, there and then.

"Two car bombs struck the town on Friday. Gunmen then attacked the intelligence branch and a police station." The
second sentence names neither a place the gazetteer knows nor a day, yet it tells another act of force in the same
paragraph, right after the event: it is an event of its own at the place and on the day the story is at (the place
the text is about, ``geo_precision`` 2 at best, for the analyst to correct), not a sentence passed over. Kept narrow:
an act of force (a battle, an explosion or strike, violence against civilians) of another kind than the last
event, in its paragraph, at most two sentences on; no generic 'attack' (that joins the event before) nor a count of
the dead (a toll); no passive ('estimates were later withdrawn') nor a list of what befell people ('militants
killed, wounded or captured'); and not when the story's place was read from a name several far-apart places share
('Hadar'), where a wrong reading would only multiply.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from utils.importers.article.incidents import GENERIC_TRIGGERS

if TYPE_CHECKING:
    from utils.importers.article.dates import Dated
    from utils.importers.article.event_types import TriggerMatch
    from utils.importers.article.reading import ArticleRun, SentenceFacts

__all__ = ["ACTS_OF_FORCE", "REACH", "goes_on"]

ACTS_OF_FORCE = ("Battles", "Explosions/Remote violence", "Violence against civilians")
"""The kinds of event an act that goes on the story may be."""
REACH = 2
"""At most this many sentences after the last event."""
_NOT_TOLD = re.compile(r"\b(?:were|was|been|be)\s+(?:\w+ly\s+|later\s+)?$"
                       r"|\b(?:killed|wounded|injured)(?:,\s+[\w-]+)?,?\s+(?:or|and)\s+$", re.IGNORECASE)
"""Before an event word, what makes it no act told: the passive ('estimates were later withdrawn', 'pills were
seized') or a list of what befell people ('militants killed, wounded or captured')."""

_TOLL = re.compile(r"\b(?:killed|died|dead|wounded|injured)\b", re.IGNORECASE)
"""In the event word itself, a count of the dead or wounded ('two fighters were killed'): a toll, no act."""


def goes_on(run: ArticleRun, facts: SentenceFacts, trigger: TriggerMatch, own_date: Dated | None) -> bool:
    """True when ``trigger`` (no place, no date of its own) tells another act of force going on the story of the
    last event, in its paragraph (see the module's docstring)."""
    raw, sentence = run.raw, facts.sentence
    if not raw or own_date is not None or run.context.paragraph != sentence.paragraph:
        return False
    last = raw[-1]
    return 0 < sentence.number - max(last.sentences) <= REACH and not last.recalled \
        and last.sub_event_type != trigger.trigger.sub_event_type \
        and trigger.trigger.name not in (*GENERIC_TRIGGERS, "killings") \
        and trigger.trigger.event_type in ACTS_OF_FORCE \
        and not _NOT_TOLD.search(facts.body[max(0, trigger.start - 30):trigger.start]) \
        and not _TOLL.search(trigger.text) \
        and last.location not in run.context.shared_names
