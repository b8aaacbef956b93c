"""What kind of event a sentence reports: trigger words -> ACLED event type and sub-event type, actors.

Triggers come in two groups. The *main* group (exercise, warning, interception, strike, shelling,
bombs, clashes, blasts) gives at most one event per clause: the first trigger in
:data:`MAIN_TRIGGERS` order wins ("blasts ... as air defences intercepted drones" is one
interception). The *other* group (killings of civilians, displacement, territory, withdrawal,
deployment, mobilisation, a base set up, forces massing) can add events beside it ("1,600 civilians
were killed and tens of thousands displaced" is two). Hypotheticals ("if confirmed, the attack would
...") give no event, except warnings, which are about the future by nature.
"""

from __future__ import annotations

import re

from utils.importers.article.number_words import number_value
from utils.importers.article.side_triggers import OTHER_TRIGGERS
from utils.importers.article.triggers import DRONE as _DRONE
from utils.importers.article.triggers import MAIN_TRIGGERS, Trigger, TriggerMatch

__all__ = ["ACTORS", "MAIN_TRIGGERS", "OTHER_TRIGGERS", "Trigger", "TriggerMatch", "actors_in", "fatalities_in",
           "find_triggers", "hypothetical"]


_STATIVE = re.compile(r"\b(?:is|are|be|been|remain|remains)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_HYPOTHETICAL = re.compile(
    r"\b(?:if confirmed|if\b[^.;]{0,30}\b(?:were|is) confirmed|would|could|might|may (?:be|have)|will\s+(?:provoke|"
    r"lead|be)|aim(?:ed|s)? (?:at|to)|in order to|so as to|to prevent|the (?:real )?purpose|the peril|the threat of|"
    r"the risk of|capab(?:le|ility) of|designed to|used to (?:train|gather|facilitate|block))\b", re.IGNORECASE)
_VERBAL = re.compile(r"(?:has|have|had|was|were|is|are|been)\b|(?:first |also |reportedly |quietly )?(?:\w+ed|sent|struck|"
                     r"hit|shot|took|flew|fought|left|withdrew|began|seized|overran)\b", re.IGNORECASE)
_FUTURE_OR_DENIED = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were)\s+(?:set|expected|due|going|about|scheduled|poised)\s+to|"
    r"did\s+not|didn't|does\s+not|doesn't|has\s+not|hasn't|have\s+not|haven't|had\s+not|hadn't|never)\s+"
    r"(?:\w+\s+)?(?:out\s+|up\s+)?(?:(?:the|a|an|any)\s+)?$|\bno\s+(?:[\w-]+\s+){1,2}(?:were|was|had been|have been|has been)\s+$|"
    r"\b(?:(?:is|are|was|were)\s+[\"“']?not|isn't|aren't|wasn't|weren't)\s+\w+ing\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_NONE_TOLD = re.compile(r"\b(?:no|not\s+one|none\s+of\s+the)\s+(?:[\w,-]+\s+){0,5}?(?:sources?|officials?|outlets?|witnesses|"
                        r"residents|reports?|accounts?|one|body|monitors?|agency|agencies)\s+(?:has|have|had)\s+(?:yet\s+)?"
                        r"(?:described|reported|mentioned|confirmed|shown|documented|recorded|claimed)\s+(?:an?\s+|any\s+)?"
                        r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
"""A denial by absence: 'no Syrian or Israeli source has described an air strike'."""
_FORCE_SUBJECT = re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+)?(?:helicopters|aircraft|jets|troops|forces|"
                            r"commandos|soldiers|gunmen|attackers|raiders|drones|warplanes)\s+(?:had\s+|have\s+)?$",
                            re.IGNORECASE)
_VISITORS = re.compile(r"\b(?:inspectors?|delegations?|envoys?|diplomats?|journalists|reporters|observers|experts|"
                       r"investigators|negotiators|ministers?|president|prime minister|officials|aid workers|"
                       r"monitors|fact-finding|mission)\b(?:(?!\b(?:troops|forces|soldiers|police|units|jets)\b)[^.;])*$",
                       re.IGNORECASE)
"""Who arrives on a visit, not as a force: an arrival of theirs is no deployment."""
_NO_FORCE = re.compile(r"(?:\b(?:clinics?|hospitals?|teams?|staff|offices?|NGOs?|charit(?:y|ies)|ambulances?|"
                       r"aid\s+workers|volunteers|embassy|consulate|doctors|medics)\s+(?:\w+\s+)?)(?:had\s+|has\s+|was\s+|"
                       r"were\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_ONE_POSTED = re.compile(r"\b(?:he|she)\s+$", re.IGNORECASE)
"""A withdrawal or posting that is no force's: a clinic or an aid team leaving, one person posted."""
_CARRIED = re.compile(r"\b(?:wounded|injured|casualties|bodies|patients|remains|evacuees)\b(?:(?!\b(?:troops|forces|"
                      r"reinforcements|units|fighters|but)\b)[^.;,]){0,60}$", re.IGNORECASE)
"""The wounded or the dead carried away ('the wounded had been flown to the base'): no force moves."""
_MOVING_TARGET = re.compile(r"(?:convoys?|(?:joint\s+)?patrols?)\b", re.IGNORECASE)
"""A convoy or a patrol: a force on the move, which an attack on it makes a target rather than a deployment."""
_REACHED = re.compile(r"\b(?:(?:was|were|had\s+been|has\s+been)\s+(?:finally\s+)?(?:reached|agreed|struck|brokered|concluded)\b"
                      r"|(?:reached|agreed|struck|brokered|concluded|signed)\s+on\s)", re.IGNORECASE)
"""'The agreement was reached on 2 May', 'the agreement reached on 1 September': the deal told as news, with a verb
(and a day) of its own, is no back-reference."""
_DEFINITE = re.compile(r"\b(?:the|this|these|those|such|its|their|the same)\s+(?:(?!(?:said|says|reported|told|added|stated|"
                       r"claimed)\b)\w+\s+){0,2}$|\bthat\s+(?:(?!(?:said|says|reported|told|added|stated|claimed|had|has|have|"
                       r"was|were|is|are|been)\b)\w+\s+){0,2}$", re.IGNORECASE)
"""'the strike', 'these raids', 'that attack': an event word that refers back; not when the article belongs to a subject
before a verb of saying ('rescue workers in the east said air strikes hit ...'), nor 'that' opening a clause ('told
state media that troops had taken X')."""

ACTORS: tuple[tuple[str, str], ...] = (
    (r"\b[Ii]nterim (?:government|authorities)\b|\b[Gg]overnment forces\b(?=[^.]*\binterim\b)",
     "Military Forces of Syria (interim government)"),
    (r"\bRussian (?:air defen[cs]es?|forces|troops|military|jets|aircraft|Aerospace Forces|soldiers|army|navy|"
     r"warplanes|fighter jets|special forces|servicemen|contingent|air grouping)\b|\bRussia(?:'s)? (?:Aerospace|military|"
     r"forces|Defen[cs]e Ministry)\b|\bMoscow's forces\b|\bthe Kremlin\b|\bRussia\b|\bMoscow\b",
     "Military Forces of Russia"),
    (r"\b(?<!Free )Syrian (?:and Russian )?(?:army|troops|government forces|air defen[cs]es?|forces|military)\b|"
     r"\b[Gg]overnment (?:forces|troops)\b|\b[Rr]egime (?:forces|aircraft|jets|warplanes|helicopters|troops|army|"
     r"artillery)\b|\bAssad regime\b|\b[Pp]ro-(?:government|regime) forces\b", "Military Forces of Syria"),
    (r"\bUS(?:-led)? (?:forces|troops|military|jets|aircraft|army|marines|coalition|occupation)\b|\bAmerican (?:forces|"
     r"troops)\b|\bthe United States\b|\bthe coalition\b|\bthe Pentagon\b|\bWashington\b|\bthe US\b",
     "Military Forces of the United States"),
    (r"\bTurkish (?:forces|troops|drones|army|military|warplanes|aircraft|jets)\b|\bTurkey\b|\bAnkara\b",
     "Military Forces of Turkey"),
    (r"\bIsraeli (?:forces|jets|military|aircraft|warplanes)\b|\bIsrael\b", "Military Forces of Israel"),
    (r"\bFree Syrian Army\b|\bFSA\b", "Rebel groups (Free Syrian Army)"),  # not the Syrian army above
    (r"\b(?:ISIS|ISIL|Islamic State|Daesh)\b", "Islamic State (ISIS)"),
    (r"\bNusra\b", "Jabhat al-Nusra"),
    (r"\bTurkistan Islamic (?:Party|Movement)\b|\bTIP\b", "Turkistan Islamic Party"),
    (r"\bHayat Tahrir al-Sham\b|\bHTS\b", "Hayat Tahrir al-Sham"),
    (r"\bMaghawir al-Thawra\b", "Maghawir al-Thawra"),
    (r"\bSyrian Democratic Forces\b|\bSDF\b", "Syrian Democratic Forces (SDF)"),
    (r"\bYPG\b|People's Protection Units", "People's Protection Units (YPG)"),
    (r"\bHezbollah\b", "Hezbollah"),
    (r"\bIran-backed\b|\bIranian-backed\b|\bpro-Iranian\b", "Iran-backed militias"),
    (r"\bcivilians\b|\bAlawites?\b|\bresidents\b", "Civilians"),
)
"""Actor names (ACLED style) and the words that name them, in the order they are tried."""

def hypothetical(sentence: str, start: int | None = None) -> bool:
    """True when ``sentence`` (or, given ``start``, the words just before and after a trigger there) speaks
    of what would, could or might happen: no event of its own."""
    if re.match(r"\s*if\b", sentence, re.I) or re.search(r"\bif confirmed\b", sentence, re.I):
        return True
    if start is None:
        return bool(_HYPOTHETICAL.search(sentence))
    before = sentence[max(0, start - 50):start]
    after = sentence[start:start + 60]
    if _NONE_TOLD.search(sentence[max(0, start - 100):start]):
        return True  # "no official source has described an air strike": nobody says it happened
    if _FUTURE_OR_DENIED.search(before):
        return True  # "will deploy", "is expected to strike", "did not shell", "no drones were shot down"
    if re.search(r"\bto\s+$", before) and not re.search(r"\b(?:beg[au]n|begins?|start(?:ed|s)?|continu(?:ed|es|e)|"
                                                     r"went on|moved|rushed|scrambled|used)\s+to\s+$", before, re.I):
        return True  # "pressure the US to withdraw", "agreed to pull out": what is wanted, not what happened
    return bool(_HYPOTHETICAL.search(before)) or bool(
        re.search(r"^\S*(?:\s+\S+){0,8}\s+(?:may|might|could|would) be\b", after, re.I))


def find_triggers(sentence: str) -> list[TriggerMatch]:
    """Event triggers in ``sentence``, in order of position; main triggers first within their group."""
    found: list[TriggerMatch] = []
    for main, triggers in ((True, MAIN_TRIGGERS), (False, OTHER_TRIGGERS)):
        for trigger in triggers:
            for match in re.finditer(trigger.pattern, sentence, re.IGNORECASE):
                if trigger.name == "deployment" and _STATIVE.search(sentence[:match.start()]) \
                        and not match.group().lower().startswith(("convoy", "patrol")):
                    continue  # "are deployed at", "is known to be deployed": a standing presence
                if trigger.name == "deployment" and re.match(rf"\s*(?:armed\s+|explosive\s+)?{_DRONE}",
                                                             sentence[match.end() - 6:match.end() + 20], re.I) \
                        and re.search(r"\b(?:sent|launched)\s+$", sentence[:match.end()][-12:] + " "):
                    continue
                if trigger.name == "deployment" and re.search(r"\b(?:UN|U\.N\.|aid|humanitarian|relief|Red Crescent|"
                                                               r"ICRC|Red Cross|food|medical)\s+(?:\w+\s+)?$",
                                                               sentence[max(0, match.start() - 30):match.start()], re.I) \
                        or trigger.name == "deployment" and match.group().lower().startswith("convoy") and re.search(
                            r"\b(?:aid|humanitarian|relief|Red Crescent|ICRC|Red Cross|UN|food|medicine)\b",
                            sentence[match.end():match.end() + 70]):
                    continue  # "a UN aid convoy", "a convoy of trucks from the Red Crescent": relief, not a deployment
                if trigger.name == "deployment" and re.match(r"(?:landed|arrived|docked|flew)\b", match.group(), re.I) \
                        and _VISITORS.search(sentence[max(0, match.start() - 80):match.start()]):
                    continue  # "inspectors arrived in Damascus", "the delegation landed in Ankara": a visit, no force
                if trigger.name == "deployment" and re.fullmatch(r"patrols?", match.group(), re.I) and re.search(
                        r"\b(?:where|which|that|who)\b[^.;,]{0,40}$", sentence[max(0, match.start() - 50):match.start()], re.I):
                    continue  # "the city where US troops patrol": a standing presence described, not a movement
                if trigger.name in ("withdrawal", "deployment") and _NO_FORCE.search(
                        sentence[max(0, match.start() - 40):match.start()]) or trigger.name == "deployment" \
                        and re.match(r"(?:was|had been)\s", match.group(), re.I) \
                        and _ONE_POSTED.search(sentence[max(0, match.start() - 10):match.start()]) \
                        or trigger.name in ("withdrawal", "deployment") \
                        and re.match(r"(?:was|were|been|being|flown|evacuated|airlift)", match.group(), re.I) \
                        and _CARRIED.search(sentence[max(0, match.start() - 70):match.start()]):
                    continue  # "our mobile clinic withdrew", "he was sent to the airbase": no armed force moves
                if re.search(r"\b(?:had|has|have|did|does|do)\s+not\b|\b(?:hadn't|hasn't|haven't|didn't|never)\b",
                             match.group(), re.I):
                    continue  # "Russian aircraft had not carried out strikes": denied inside the trigger's own words
                if trigger.name == "deployment" and re.match(r"positions\b", match.group(), re.I):
                    continue  # "strikes on positions and convoys of regime forces": the noun, not the verb 'position'
                if trigger.name == "deployment" and _MOVING_TARGET.match(match.group()) and re.search(
                        r"\b(?:strikes?|struck|hit|targeted|targeting|attack(?:ed|s)?|ambush(?:ed)?|bomb(?:ed|ing)|"
                        r"shell(?:ed|ing)|raids?)\b[^.;]{0,50}$", sentence[max(0, match.start() - 60):match.start()], re.I):
                    continue  # "strikes on convoys of regime forces", "targeted a patrol": the convoy or patrol is a target
                if trigger.name == "deployment" and _MOVING_TARGET.match(match.group()) and re.match(
                        r"[^.;]{0,40}?\b(?:was|were|had been|has been|came under)\s+(?:\w+\s+)?(?:hit|struck|targeted|"
                        r"attacked|ambushed|bombed|shelled|fire|attack)\b", sentence[match.end():], re.I):
                    continue  # "a fuel convoy was hit by a drone": the convoy is what was struck
                if trigger.name == "warning" and re.search(r"\b(?:who|which|that)\s+(?:was|were|is|are|had been|has been|"
                                                           r"have been)\s+$", sentence[max(0, match.start() - 30):match.start()]):
                    continue  # "struck a terrorist who was planning attacks": the target described, not a threat
                if trigger.name == "warning" and re.match(r"\w*\s+\w+\s+(?:before|ahead of)\b",
                                                          sentence[match.end():match.end() + 40]):
                    continue  # "warned Washington before launching the attack": a notice, not a threat
                if trigger.name in ("attack", "strike") and re.search(r"\b(?:deal|agreement|bargain|balance|chord|note|"
                                                          r"compromise)\s+$", sentence[max(0, match.start() - 20):match.start()], re.I):
                    continue  # "a deal struck between"
                if trigger.name == "strike" and re.match(r"\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,2}?(?:deal|agreement|"
                                                         r"bargain|balance|chord|note|compromise|truce)\b",
                                                         sentence[match.end():], re.I):
                    continue  # "they had struck a deal with the army"
                if trigger.name in ("attack", "strike") and re.match(r"\s+(?:helicopters?|aircraft|submarines?)\b",
                                                         sentence[match.end():], re.I):
                    continue
                if trigger.name == "capture" and re.search(r"\b(?:it|them)\b", match.group(), re.I) and re.search(
                        r"\b(?:since|after|when|once|until|before)\s+(?:[\w-]+\s+){0,3}$",
                        sentence[max(0, match.start() - 40):match.start()], re.I):
                    continue  # "killed civilians since they entered it": the entry told before, as another's time
                definite = bool(_DEFINITE.search(sentence[max(0, match.start() - 40):match.start()])) \
                    and not _VERBAL.match(match.group()) \
                    and not _REACHED.search(match.group())  # "the United States has sent", "the deal was reached"
                if re.search(r"\b(?:not|never)\b|n't\b", match.group(), re.I):
                    continue  # "aircraft had not carried out strikes": what did not happen
                subject = bool(_FORCE_SUBJECT.search(sentence[max(0, match.start() - 40):match.start()]))
                found.append(TriggerMatch(trigger, match.start(), match.end(), match.group(), definite, main, subject))
    found.sort(key=lambda t: t.start)
    bombs = [t for t in found if t.trigger.name == "bomb"]
    # "twin bombings", "a double car bombing": the bomb set off, not the air raid the word alone may be
    return [t for t in found if not (t.trigger.name == "airstrike" and any(
        b.start <= t.start and t.end <= b.end for b in bombs))]


def actors_in(text: str) -> list[str]:
    """ACLED-style actor names in ``text`` in order of first mention (each once)."""
    hits: list[tuple[int, str]] = []
    for pattern, name in ACTORS:
        match = re.search(pattern, text)
        if match and name not in [h[1] for h in hits]:
            hits.append((match.start(), name))
    hits.sort()
    names = [name for _, name in hits]
    if "Military Forces of Syria (interim government)" in names and "Military Forces of Syria" in names:
        names.remove("Military Forces of Syria")
    return names


def fatalities_in(text: str) -> int | None:
    """Deaths the sentence reports ('killing six people', 'more than 1,600 civilians were killed'; 'no
    casualties' is 0), or ``None``."""
    if re.search(r"\bno (?:casualties|deaths|one was (?:killed|hurt))\b|\bnobody was killed\b", text, re.I):
        return 0
    number = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens)"
    match = re.search(rf"\bkill(?:ed|ing)\s+(?:at least\s+|more than\s+|some\s+|nearly\s+)?{number}\b", text, re.I) or \
        re.search(rf"\b(?:at least\s+|more than\s+|some\s+|nearly\s+)?{number}\s+(?:\w+\s+){{0,3}}(?:were|was|been)?\s*"
                  r"(?:killed|martyred)\b", text, re.I)  # "seven of its advisers were martyred": state and Iranian media
    if not match:
        return None
    return number_value(match.group(1))
