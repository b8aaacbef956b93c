"""Words about an event already told, and warnings of a response: statements, not new events.

'An analyst said the strike was "a message"', 'the ministry called the strikes a violation of
sovereignty': the event word is definite and what the sentence reports is a judgement of it ('Russia
condemned the strikes on Masyaf on Monday' may be the only report of them, so it is kept). 'Trump warned
there would be a "big price to pay"': a warning of a response to come, not a threat of an attack by a
named party at a place."""

from __future__ import annotations

import re

__all__ = ["characterises", "warns_of_response"]

_JUDGED_AFTER = re.compile(
    r"^\s*(?:itself\s+)?(?:was|were|is|are|had been|has been|would be|will be|amounted to|constituted|represented|"
    r"marked|sent)\s+(?:not\s+|also\s+|clearly\s+|likely\s+|probably\s+|simply\s+|an?\s+clear\s+)?"
    r"(?:an?\s|the\s|[\"“'‘]|a message|illegal|unlawful|legal|lawful|legitimate|justified|unjustified|successful|"
    r"proportionate|disproportionate|necessary|unacceptable|aimed at sending|meant to|intended to|in retaliation|"
    r"retaliation|revenge|in response|part of|evidence|proof|further|yet another|another|no\s|nothing)",
    re.IGNORECASE)
_JUDGED_BEFORE = re.compile(
    r"\b(?:called|calling|described|describing|labelled|labeled|branded|termed)\s+(?:the|this|that|these|those|"
    r"Friday's|[A-Z]\w+'s)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "victims found where they had sheltered from the shelling": the event told before, as the setting of another
_SETTING_BEFORE = re.compile(r"\b(?:shelter(?:ed|ing)?|hid(?:ing)?|hidden|refuge|fled|fleeing|escap(?:ed|ing)|safe)\s+"
                             r"(?:[\w-]+\s+)?from\s+(?:the|this|that)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# "the government blamed Turkey and Qatar for the attacks": who is blamed for an event told before, not where it was
_BLAMED_BEFORE = re.compile(r"\b(?:blam(?:ed|es|ing)|held|holds|holding)\s+(?:[^.;:]{1,80}?\s+)?(?:responsible\s+)?for\s+"
                            r"(?:the|this|that|these|those|[A-Z]\w+'s)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_RESPONSE = re.compile(
    r"\b(?:price to pay|consequences|would (?:respond|retaliate|pay)|will (?:respond|retaliate|pay)|"
    r"(?:a|any)\s+(?:\w+\s+)?(?:response|retaliation|reprisal)s?|to respond|to retaliate)\b", re.IGNORECASE)
_WARN_ONLY = re.compile(r"^(?:warned|warning|warns|threatened)$", re.IGNORECASE)


def characterises(sentence: str, start: int, end: int, definite: bool) -> bool:
    """True when the definite event word at ``sentence[start:end]`` is only judged, named or the setting of
    something else ('the strike was a message', 'called the strikes a violation', 'had sheltered from the
    shelling', 'blamed Qatar for the attacks'): the event was told elsewhere."""
    if not definite:
        return False
    before = sentence[max(0, start - 60):start]
    return bool(_JUDGED_AFTER.match(sentence[end:end + 60]) or _JUDGED_BEFORE.search(before)
                or _SETTING_BEFORE.search(before) or _BLAMED_BEFORE.search(sentence[max(0, start - 120):start]))


def warns_of_response(sentence: str, trigger_text: str) -> bool:
    """True when a bare warning word ('warned') warns of a response or its price, not of an attack."""
    return bool(_WARN_ONLY.match(trigger_text.strip())) and bool(_RESPONSE.search(sentence))
