"""The Syrian army as the taker of ground (issue 17, twenty-fourth pass).

"Army units had on Saturday taken full control of the citadel", "Syria's army and allied militias captured the
town", "troops and 'allied forces' had taken full control of Albu Kamal", "it was taken by the army and its allied
militias": the subject (or, in the passive, the agent) of a taking verb is the army, so the ground is the
government's regained (ACLED), not a non-state actor's. A foreign army ("Turkish troops") is never Syria's.
"""

from __future__ import annotations

import re

_FOREIGN = r"(?:Russian|Turkish|Turkey's|Israeli|Israel's|US|U\.S\.|American|Iraqi|Iranian|Jordanian|Kurdish|Lebanese)"
# the army noun phrase: "the army", "Syria's army", "government troops", "army units", "regime forces"
_ARMY = (r"(?<![\w'’-])(?:(?:the|its|Syria's|Syrian|government|regime|pro-government|state)\s+)?"
         r"(?:army(?:\s+(?:units|troops|forces))?|troops|soldiers|government forces|regime forces)\b")
# what may stand between the subject and its verb: allies, an auxiliary, a day, a short adverbial
_ALLIES = r"(?:\s*,?\s+(?:and|with|backed by|supported by)\s+(?:the\s+|its\s+)?[\"'“‘]?[\w-]+(?:\s+[\w-]+)?[\"'”’]?,?)?"
_BETWEEN = r"(?:\s+(?:had|has|have|on|in|at|last|this|\w+day|morning|night|\w+ly|finally|now|then)\b)*"
_SUBJECT = re.compile(_ARMY + _ALLIES + _BETWEEN + r"\s*$", re.IGNORECASE)
_PASSIVE = re.compile(r"^[\w'’-]+(?:\s+\w+){0,6}?\s+by\s+" + _ARMY.removeprefix(r"(?<![\w'’-])"), re.IGNORECASE)
_STORMER = re.compile(r"(?<![\w'’-])(?:the|its|government|regime|Syrian)\s+(?:army|troops)(?:\s+(?:had|has|have))?\s*$",
                      re.IGNORECASE)
_DETERMINER = re.compile(r"\s*(?:the|its|Syria's)\b", re.IGNORECASE)
_FOREIGN_BEFORE = re.compile(_FOREIGN + r"\s*$", re.IGNORECASE)
_FOREIGN_PASSIVE = re.compile(r"\bby\s+(?:the\s+)?" + _FOREIGN + r"\s+\S+$", re.IGNORECASE)


def army_takes(before: str, verb: str) -> bool:
    """True when the Syrian army is the subject of the taking verb ``verb`` (the verb and the text after it) that
    follows ``before`` ("... Syria's army and allied militias" + "captured the town"), or its agent in the passive
    ("... was" + "taken by the army"). Only the words next to the verb count; a foreign army does not. A storming
    ("the army stormed it") is the army's only when the army is named right before the verb ('the army', 'government
    troops'): troops storming a town in a crackdown are told that way too, and 'soldiers stormed' is no gain."""
    storming = verb.lower().startswith("storm")
    subject = (_STORMER if storming else _SUBJECT).search(before[-120:])
    if subject:
        lead = before[:len(before) - len(before[-120:])] + before[-120:][:subject.start()]
        # a capitalised word right before 'Army' names a faction ("the Islam Army", "Free Syrian Army"); before a
        # determiner ("on Wednesday the army") it does not
        named = not _DETERMINER.match(subject.group()) and re.search(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w-]*\s*$", lead)
        if not named and not _FOREIGN_BEFORE.search(lead) \
                and not re.match(r"\s*" + _FOREIGN, subject.group(), re.IGNORECASE):
            return True
    if storming:
        return False
    agent = _PASSIVE.match(verb[:120])
    if agent and re.search(r"\b(?:was|were|been|being|is|are)\s*$", before[-30:], re.IGNORECASE):
        return not _FOREIGN_PASSIVE.search(agent.group())
    return False
