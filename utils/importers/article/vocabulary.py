"""ACLED's event vocabulary as word lists: verbs (every inflection) and nouns that report strikes, shelling,
clashes, movements of forces, and the weapons and movers they take.

:mod:`.event_types` builds its triggers from these lists, so a new phrasing of a known kind of event
('moved equipment out of', 'fired tank rounds at', 'launched an offensive') is found by its words
rather than by one pattern per phrase. :func:`verb_forms` spells a verb's inflections
('pull' -> pull, pulls, pulled, pulling); :func:`alternation` makes a regular-expression group.
"""

from __future__ import annotations

import re

__all__ = ["ARRIVAL_VERBS", "BATTLE_NOUNS", "FIRE_VERBS", "IMPACT_VERBS", "MOVE_VERBS", "FORCES", "PROJECTILES", "REMOVE_VERBS", "SEND_VERBS", "VICTIMS",
           "alternation", "verb_forms"]

_IRREGULAR = {"fly": ("fly", "flies", "flew", "flown", "flying"), "take": ("take", "takes", "took", "taken", "taking"),
              "withdraw": ("withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"),
              "hit": ("hit", "hits", "hitting"), "strike": ("strike", "strikes", "struck", "striking"),
              "fall": ("fall", "falls", "fell", "fallen", "falling"), "send": ("send", "sends", "sent", "sending"),
              "fight": ("fight", "fights", "fought", "fighting"), "shoot": ("shoot", "shoots", "shot", "shooting"),
              "bring": ("bring", "brings", "brought", "bringing"), "drive": ("drive", "drives", "drove", "driven",
                                                                              "driving"),
              "ship": ("ship", "ships", "shipped", "shipping"), "begin": ("begin", "begins", "began", "begun",
                                                                          "beginning"),
              "sail": ("sail", "sails", "sailed", "sailing"), "land": ("land", "lands", "landed", "landing")}
_CONSONANTS = "bcdfghjklmnpqrstvwxz"


def verb_forms(lemma: str) -> tuple[str, ...]:
    """The inflections of an English verb: base, -s, past (= participle for regular verbs), -ing.

    >>> verb_forms("relocate")
    ('relocate', 'relocates', 'relocated', 'relocating')
    """
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] in _CONSONANTS:
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if re.search(r"(?:s|sh|ch|x)$", lemma):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    if re.fullmatch(rf"[{_CONSONANTS}]*[aeiou][{_CONSONANTS.replace('w', '').replace('x', '')}]", lemma):
        doubled = lemma + lemma[-1]  # one syllable, consonant-vowel-consonant: ship -> shipped
        return lemma, lemma + "s", doubled + "ed", doubled + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def alternation(words: tuple[str, ...] | list[str], *, verbs: bool = False) -> str:
    """A non-capturing regular-expression group matching any of ``words`` (each verb in every form when
    ``verbs``), longest first, with spaces matching any whitespace."""
    spelled = {form for word in words for form in (verb_forms(word) if verbs else (word,))}
    ordered = sorted(spelled, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


MOVE_VERBS = ("move", "pull", "fly", "ship", "remove", "relocate", "transfer", "evacuate", "take", "withdraw",
              "drive", "bring", "airlift", "haul", "truck", "ferry", "redeploy")
"""Verbs that move forces or equipment: with 'out of' / 'away from' a withdrawal, from their origin."""
REMOVE_VERBS = ("remove", "withdraw", "evacuate", "pull", "relocate")
"""Verbs that take forces or equipment away: with a plain 'from' too ('removed S-400s from Hmeimim')."""
ARRIVAL_VERBS = ("arrive", "land", "dock", "sail", "deploy", "station", "reinforce", "enter")
"""Verbs of forces arriving at a place: a deployment there."""
FIRE_VERBS = ("fire", "launch", "lob")
PROJECTILES = ("artillery", "rockets", "rocket", "missiles", "missile", "mortars", "mortar", "mortar rounds",
               "shells", "rounds", "tank rounds", "grenades", "katyusha", "projectiles", "howitzer")
"""What is fired in a shelling, artillery or missile attack (ACLED's sub-event type)."""
IMPACT_VERBS = ("hit", "strike", "land", "fall", "slam", "explode", "pound", "target")
BATTLE_NOUNS = ("offensive", "ground offensive", "incursion", "ground operation", "counteroffensive",
                "counter-offensive", "gun battle", "gun battles", "exchange of fire", "exchanges of fire")
"""Nouns of fighting between armed groups (ACLED's Battles: Armed clash)."""
SEND_VERBS = ("deploy", "send", "dispatch", "redeploy", "move", "bring", "station", "position", "fly", "rush")
"""Verbs that put forces somewhere: with a force noun as object ('first deployed warplanes to Hmeimim')."""
FORCES = ("troops", "forces", "soldiers", "fighters", "jets", "fighter jets", "warplanes", "aircraft", "planes",
          "helicopters", "warships", "ships", "frigates", "submarines", "vessels", "tanks", "armoured vehicles",
          "vehicles", "equipment", "weapons", "air defences", "air defence systems", "systems", "batteries", "S-400",
          "S-300", "missiles", "police", "military police", "units", "personnel", "advisers", "marines",
          "special forces", "reinforcements", "drones", "artillery", "convoy", "battalion", "brigade", "contingent")
"""What a deployment moves (ACLED: Strategic developments / Deployment)."""
VICTIMS = ("people", "civilians", "residents", "villagers", "shepherds", "farmers", "workers", "women", "children",
           "truffle hunters", "passengers", "worshippers", "displaced people", "family members")
"""Who is killed in violence against civilians (ACLED: Violence against civilians / Attack)."""
