"""A denial that tells the fight its own way: the denier's account of the battle, its own row.

"State media said the army had taken Kafr Nabudah. The Jaish al-Izza faction denied this, saying its fighters still
held the northern part of the town." The denial contests the claim (:func:`.followups.contest`), and it is also the
faction's own account of the battle there: the fighting went on, no ground changed hands. The project codes each
report as its own row (data/README.md), so the denier's account becomes an armed clash at the contested event's place
and day, disputed, with the sides turned round. Kept narrow: the contested event is a battle (an armed clash or
ground taken), and the clause after the denial ('saying ...', 'and said ...') says the denier's side held its ground,
repelled or broke the attack, or counter-attacked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from utils.importers.article.attribution import Attribution
from utils.importers.article.model import EventCandidate
from utils.importers.article.second_accounts import ACCOUNT
from utils.importers.article.sentences import Sentence

__all__ = ["FOUGHT_BACK", "counter_account", "tells_the_fight"]

_SAYING = re.compile(r",?\s+(?:saying|insisting|adding|and\s+(?:said|says|insisted|added))\b", re.IGNORECASE)
FOUGHT_BACK = re.compile(
    r"\b(?:still\s+(?:held|holds?|controll?(?:ed|s)?)|(?:held|holding|kept)\s+(?:on\s+to\s+)?(?:their|its|the|our)\s+"
    r"(?:ground|positions?|lines?)|repell?(?:ed|led)|repulsed|fought\s+off|beat\s+back|counter-?attack(?:ed)?|"
    r"pushed\s+(?:[\w'-]+\s+){0,4}?back|had\s+been\s+(?:broken|repelled|repulsed|beaten\s+back|foiled)|"
    r"broke\s+(?:the|an|their)\s+(?:attack|assault|advance))\b", re.IGNORECASE)
"""What a denier's side did in the fight it tells: held, repelled, counter-attacked, broke the attack."""


def tells_the_fight(body: str, event: EventCandidate) -> bool:
    """True when ``body``, a denial of ``event`` (a battle), goes on to say the denier's side fought back or held."""
    said = _SAYING.search(body)
    return event.event_type == "Battles" and said is not None and bool(FOUGHT_BACK.search(body, said.end()))


def counter_account(event: EventCandidate, sentence: Sentence, denier: Attribution) -> EventCandidate:
    """The denier's account of the battle ``event`` tells: an armed clash there that day, its sides turned round."""
    actor1, actor2 = (event.actor2, event.actor1) if event.actor2 else (event.actor1, event.actor2)
    return replace(event, event_type="Battles", sub_event_type="Armed clash", trigger="clash", actor1=actor1,
                   actor2=actor2, claimed_by=denier.claimed_by, status="disputed", attributed=True, fatalities=None,
                   sentences=(sentence.number,), evidence_spans=((sentence.start, sentence.end),),
                   date_source=ACCOUNT, incident="")
