"""Who carries out a generic attack, when the clause says so: a ground force ('rebels attacked', 'an attack by
militants') is no air raid, so a nearby strike does not lend 'the attack' its type (:mod:`.trigger_steps`)."""

from __future__ import annotations

import re

from utils.importers.article.event_types import TriggerMatch

__all__ = ["GROUND_ATTACK", "GROUND_FORCE", "by_ground_force"]

GROUND_ATTACK = "ground attack"
"""The trigger name of an attack by a ground force: no generic word, so it neither takes another event's type nor
merges into another kind of event (:data:`.incidents.GENERIC_TRIGGERS`)."""

GROUND_FORCE = re.compile(r"\b(?:rebels?|fighters|militants?|gunmen|insurgents?|jihadists?|militiamen|militias?|"
                          r"terrorist\s+groups?|terrorists|armed\s+groups?|opposition\s+factions?|factions?|"
                          r"tribesmen|infantry|ground\s+troops)\b", re.IGNORECASE)
"""Nouns of a force fighting on the ground (not aircraft, drones or artillery)."""
_SUBJECT_GAP = re.compile(r"^(?:[\w'’-]+\s+){0,8}?(?:(?:had|have|has|then|also|later|reportedly|allegedly)\s+)*$")
_MANNER = re.compile(r"\b(?:in|during|with)\s+(?:an?|the|their|its)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:after|following|since|before|despite|against)\s+(?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){0,2}$",
                      re.IGNORECASE)
"""'two weeks after rebel assault', 'despite a rebel attack': an earlier or other event than the clause's own."""
_BY_AFTER = re.compile(r"^\s+(?:[\w'’-]+\s+){0,3}?by\s+(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)


def by_ground_force(body: str, trigger: TriggerMatch, bounds: tuple[int, int]) -> bool:
    """True when the trigger's own clause names a ground force as the attacker: its subject ('Syrian rebels
    attacked a base', 'fighters of the group launched the assault') or its agent ('an attack by militants')."""
    before = body[bounds[0]:trigger.start]
    if _MANNER.search(before):
        return False  # "took the town in a surprise attack": the capture's manner, told by the capture
    for match in GROUND_FORCE.finditer(before):
        if _SUBJECT_GAP.match(before[match.end():].lstrip(" ,")) and not re.search(r"[,;]", before[match.end():]) \
                and not _EARLIER.search(before[:match.start()]):
            return True
    after = body[trigger.end:min(bounds[1], trigger.end + 60)]
    head = GROUND_FORCE.search(after)
    return head is not None and bool(_BY_AFTER.match(after[:head.start()]))
