"""Events told in the present: a chronology's or timeline's historical present ("Saturday 4 June. Security
forces fire on a funeral procession", "troops enter the village", "families leave by the thousands") and a
live post's progressive ("the Fourth Division is storming the old quarter"). Each fragment is a regular
expression that :mod:`.triggers` and :mod:`.side_triggers` add to the trigger of the same kind in the past tense;
the checks of :func:`.event_types.hypothetical` ("plans to enter", "will storm", "did not fire") apply to them as
to any trigger."""

from __future__ import annotations

__all__ = ["ADVANCE_ON", "ENTER_NOW", "FIRE_ON_CROWD", "FLEE_NOW", "STORM_NOW"]

_FORCE = (r"(?:troops|forces|soldiers|tanks|units|army|columns?|rebels|fighters|militants|jihadists|insurgents|"
          r"gunmen|police|militias?|factions|(?-i:[A-Z][\w-]*\s+(?:Division|Brigade|Regiment|Corps)))")
"""Who moves or fights: a force named by its kind or by its unit ('the Fourth Division')."""
_BETWEEN = (r"(?:(?!(?:to|will|would|could|may|might|must|shall|should|can|cannot|plans?|planned|want|wants|tried|"
            r"not|never|did|does|do)\b)[\w-]+\s+){0,4}?")
"""Words between the force and its verb ('units with tanks', 'and troops'), never a modal, a plan or a
negation ('troops plan to enter', 'tanks did not enter'): those are no event."""

FIRE_ON_CROWD = (r"\b(?:fire[sd]?|firing)\s+(?:live\s+(?:ammunition|rounds)\s+|tear\s+gas\s+)?(?:on|at|upon|into)\s+"
                 r"(?:a|an|the|their)?\s*(?:[\w'’-]+\s+){0,2}?(?:protests?|protesters|demonstrat(?:ors|ions?)|"
                 r"funeral\s+(?:procession|march)(?:es|s)?|mourners|rall(?:y|ies)|marchers|sit-ins?)\b")
"""Fire turned on a crowd, in any tense ('fire on a funeral procession', 'fired at protesters'): a fight that
:func:`.objects.typed_by_object` retypes as excessive force against protesters."""

STORM_NOW = r"\b(?:storms|storming|overruns|overrunning|captures|seizes)\s+(?=(?:the|a|an)\s|(?-i:[A-Z]))"
"""A place stormed or captured, told in the present ('is storming Daraa al-Balad', 'captures the hill')."""

ENTER_NOW = rf"\b{_FORCE}\s+{_BETWEEN}(?:enter|enters)\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){0,2}?(?:city|town|village)\s+of\s+)?(?-i:[A-Z])"
"""A force entering a named place, in the present ('tanks and troops enter Bdama')."""

ADVANCE_ON = (rf"\b{_FORCE}\s+{_BETWEEN}(?:move|moves|moved|moving|advance|advances|advanced|advancing|roll|rolls|"
              r"rolled)\s+on\s+(?:the\s+)?(?:town|city|village|(?-i:[A-Z]))")
"""A force moving on a place ('army units with tanks move on the town'): a deployment against it."""

FLEE_NOW = (r"\b(?:families|residents|civilians|people|thousands|hundreds|villagers)\b[^.;]{0,40}\b(?:flee|flees|fleeing)\b"
            r"|\b(?:families|residents|civilians|people|villagers)\s+(?:leave|leaves|leaving)\s+(?:[\w-]+\s+){0,3}?by\s+"
            r"the\s+(?:thousands|hundreds|dozens)\b")
"""People fleeing, in the present ('families leave by the thousands', 'residents flee the shelling')."""
