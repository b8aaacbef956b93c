"""Making and refining candidates: a new candidate from a trigger, a date, a place and a source; a later
sentence adding to the one it refers back to."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from utils.importers.article.army_takers import army_takes
from utils.importers.article.attribution import Attribution, claimant_kind, status_for
from utils.importers.article.dates import Dated, window
from utils.importers.article.event_types import ACTORS, TriggerMatch, actors_in, fatalities_in
from utils.importers.article.incidents import BARE_BOMBING, BOMB_TYPES, overlaps
from utils.importers.article.model import RECALL_DAYS, EventCandidate
from utils.importers.article.objects import typed_by_object
from utils.importers.article.places import PlaceMention
from utils.importers.article.sentences import Sentence

__all__ = ["make_candidate", "referent_of", "refine"]


_ALSO_MEANT = {"strike": ("Shelling/artillery/missile attack",), "airstrike": ("Shelling/artillery/missile attack",),
               "shelling": ("Air/drone strike",)}
"""What else a word may refer back to: 'the strike' after a missile attack, 'the shelling' after an air strike."""


_BOMBING = re.compile(r"bombings?", re.IGNORECASE)


def referent_of(raw: list[EventCandidate], trigger: TriggerMatch, sentence_number: int,
              own_date: Dated | None) -> int | None:
    """The earlier candidate 'the attack' / 'the exercise' / 'such interceptions' refers to, if any."""
    if not raw:
        return None
    # another kind the word may name only when it refers back ("the shelling"), not for an act told anew ("army
    # artillery shelled the area through the night" after an air strike: its own event)
    also = _ALSO_MEANT.get(trigger.trigger.name, ()) if trigger.definite else ()
    if _BOMBING.fullmatch(trigger.text):
        also = (*also, *BOMB_TYPES)  # "claimed the bombing" after a car bomb: the bomb, as much as an air raid
    for wanted in ({trigger.trigger.sub_event_type}, set(also)):
        for number in range(len(raw) - 1, -1, -1):  # the same kind of event first, then a kind the word may mean
            candidate = raw[number]
            recent = trigger.definite or sentence_number - max(candidate.sentences) <= 2
            if candidate.sub_event_type in wanted and recent and (own_date is None
                                                                  or overlaps(candidate.dated, own_date)):
                return number
    last = raw[-1]
    if trigger.trigger.name in ("deployment", "withdrawal") and sentence_number - max(last.sentences) <= 2 \
            and last.event_type in ("Battles", "Explosions/Remote violence") and trigger.subject_definite:
        return len(raw) - 1  # "the helicopters landed at a farm outside the town": the raid told again
    if last.trigger == "blasts" and trigger.main and own_date is None and sentence_number - max(last.sentences) <= 2:
        return len(raw) - 1  # "explosions ripped through a depot ... media said it had been hit by an air strike"
    if (trigger.definite or own_date is None) and trigger.trigger.name in ("attack", "strike", "blasts", "drone attack") \
            and (own_date is None or overlaps(last.dated, own_date)):
        return len(raw) - 1
    return None


def refine(candidate: EventCandidate, own_date: Dated | None, sentence: Sentence, attribution: Attribution | None,
            body: str) -> EventCandidate:
    """Add a sentence that refers back to ``candidate``: a finer date, a source, deaths."""
    changes: dict = {"evidence_spans": tuple(sorted({*candidate.evidence_spans, (sentence.start, sentence.end)})),
                     "sentences": tuple(sorted({*candidate.sentences, sentence.number}))}
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    if own_date is not None and rank[own_date.precision] < rank[candidate.date_precision]:
        changes.update(event_date=own_date.day, date_precision=own_date.precision, date_source="sentence")
    if attribution is not None and attribution.explicit and not candidate.attributed:
        changes.update(claimed_by=attribution.claimed_by, status=status_for(attribution), attributed=True)
    elif attribution is not None and attribution.kind == "party" and claimant_kind(candidate.claimed_by) == "evidence":
        # "footage showed the blast; the military said it had hit the headquarters": its claim, confirmed
        changes.update(claimed_by=attribution.claimed_by, status="confirmed")
    deaths = fatalities_in(body)
    if deaths is not None and candidate.fatalities is None:
        changes["fatalities"] = deaths
    return replace(candidate, **changes)


_FOUGHT_ENTRY = re.compile(r"^(?:entered|entering|stormed|rolled into|marched into|broke into|pushed into)", re.I)
_ARMED_ENTRANT = re.compile(r"\b(?:fighters|rebels|insurgents|militants|jihadists|gunmen|opposition forces|army units|"
                            r"troops|soldiers|(?-i:HTS))\b(?:\s+(?:of|led by)\s+[^.;,]{0,60})?(?:\s+\w+){0,5}\s*$", re.I)
# "the army entered the western neighbourhoods": the army itself the subject of the entry, in an offensive
_ARMY_ENTRANT = re.compile(r"\b(?<!Free )(?:the|its|government|regime|Syrian)\s+(?:army|troops)(?:\s+(?:had|has|have))?\s*$",
                           re.I)  # not the Free Syrian Army
# "after the army withdrew", "without a fight", "handed over", "under a deal": ground changing hands with no battle
_UNOPPOSED = re.compile(r"\b(?:without (?:a fight|resistance|a shot|fighting)|unopposed|handed (?:over|it)|"
                        r"(?:under|as part of|in line with|following)\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:deal|agreement|arrangement|understanding|accord|truce|ceasefire)|after (?:the )?"
                        r"(?:[\w'-]+\s+){0,2}?(?:army|troops|forces|soldiers|they|it|defenders)\s+(?:had\s+)?"
                        r"(?:withdrew|withdrawn|pulled out|left|retreated|pulled back)|(?:withdrew|pulled out|left|retreated)"
                        r"\s+(?:\w+\s+){0,4}?before)\b", re.I)


# ACLED codes Israel's missile strikes in Syria, fired from aircraft over Lebanon, the Golan or the sea, as air strikes;
# so is any missile fired "from over" a territory or by aircraft. Shells, mortars, artillery and rockets stay shelling.
_AIR_LAUNCHED = re.compile(
    r"\bIsraeli\s+(?:[\"“”']?enemy[\"“”']?\s+)?(?:[\w-]+\s+){0,3}?(?:missiles?|missile\s+strikes?)\b|"
    r"\b(?:Israel|the\s+[\"“”']?Israeli\s+enemy[\"“”']?)\b[^.;]{0,40}\b(?:fired|launched)\s+(?:[\w-]+\s+){0,3}?missiles\b|"
    r"\bmissiles?\b[^.;]{0,70}\bfrom\s+over\b|\bfrom\s+over\b[^.;]{0,70}\bmissiles?\b|"
    r"\bmissiles?\b[^.;]{0,90}\b(?:blamed on|attributed to)\s+Israel\b|"
    r"\bmissiles?\s+(?:fired|launched)\s+by\s+(?:[\w-]+\s+){0,2}?(?:aircraft|jets|warplanes|planes|drones)\b",
    re.IGNORECASE)
_GROUND_FIRE = re.compile(r"\b(?:shells?|shelling|mortars?|artillery|howitzers?|tank rounds|rocket launchers?|"
                          r"surface-to-surface)\b", re.IGNORECASE)


_UNDER_DEAL = re.compile(r"\b(?:under|as part of|in line with|in accordance with)\s+(?:an?|the|a\s+new)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:arrangement|deal|agreement|accord|settlement|reconciliation deal|evacuation deal)\b",
                         re.IGNORECASE)
_LEAVING = re.compile(r"\b(?:left|leave|leaving|departed|evacuated|bussed out|exited|were allowed to leave|surrendered)\b",
                      re.IGNORECASE)
"""'left the city in a convoy under a deal': an evacuation agreed, which ACLED codes as an agreement (a patrol
held under a deal stays a deployment)."""
_MISSILE_WORDS = re.compile(r"\b(?:cruise|ballistic|Tomahawk|surface-to-surface|guided)\s+missiles?\b|\bmissiles?\s+"
                            r"(?:were\s+|was\s+)?(?:fired|launched)\b|\b(?:shells|mortar rounds|rockets)\s+(?:were\s+)?fired\b",
                            re.IGNORECASE)
_AIR_WORDS = re.compile(r"\b(?:warplanes?|fighter jets?|jets|helicopters?|drones?|UAVs?|aircraft)\b", re.IGNORECASE)


def _weapon_type(around: str) -> str:
    """The sub-event type the weapon named beside a generic attack word gives ('' when none is named): missiles,
    shells and rockets fired are ACLED's shelling/missile attack, unless aircraft fired them; aircraft an air strike."""
    if _MISSILE_WORDS.search(around):
        return "Air/drone strike" if _AIR_LAUNCHED.search(around) else "Shelling/artillery/missile attack"
    return "Air/drone strike" if _AIR_WORDS.search(around) else ""


_MANNED = re.compile(r"\b(?:warplanes?|fighter jets?|jets?|planes?|aircraft|helicopters?|bombers?|(?:Su|MiG|L|F)-\d+s?)\b",
                     re.IGNORECASE)
_UNMANNED = re.compile(r"\b(?:drones?|UAVs?|unmanned|missiles?|rockets?|projectiles?|shells?|reconnaissance)\b", re.IGNORECASE)
"""ACLED: shooting down a manned military aircraft is a battle between the two sides (Battles / Armed clash);
intercepting drones, missiles and rockets is disrupted weapons use."""


_STATE_SIDE = ("Military Forces of Syria", "Military Forces of Russia", "Iran-backed militias", "Hezbollah")
"""Who fights for the Syrian government: ground they take is the government's regained (ACLED)."""
_CLAUSE_START = re.compile(r".*(?:[;:]|\b(?:but|while|whereas|after|before)\b)", re.IGNORECASE | re.DOTALL)


def retaker(before: str) -> str:
    """The non-state group that is the subject of a retaking verb, from the text of its clause before the verb
    ('Islamic State launched a surprise attack across the desert and' -> 'Islamic State (ISIS)'), or ''."""
    clause = before[-160:]
    cut = _CLAUSE_START.match(clause)
    clause = clause[cut.end():] if cut else clause
    named = actors_in(clause)
    if not named:
        return ""
    first = max(named, key=lambda name: _last_position(clause, name))  # the subject nearest the verb
    return "" if first.startswith("Military Forces") or first == "Civilians" else first


def _last_position(text: str, actor: str) -> int:
    for pattern, name in ACTORS:
        if name == actor:
            starts = [match.start() for match in re.finditer(pattern, text)]
            return starts[-1] if starts else -1
    return -1


def make_candidate(trigger: TriggerMatch, dated: Dated, place: PlaceMention, source: Attribution, actors: list[str],
               body: str, sentence: Sentence, published: date, date_source: str,
               governorate_of: Callable[[float, float], str] | None) -> EventCandidate:
    sub, event_type = typed_by_object(trigger.trigger.sub_event_type, trigger.trigger.event_type, body,
                                      trigger.start, trigger.end)  # fire on a protest, soldiers seized
    around = body[max(0, trigger.start - 80):trigger.end + 80]
    if sub == "Disrupted weapons use" and re.search(r"\b(?:shot|shoot(?:s|ing)?|brought|bring(?:s|ing)?)\s+down\b|\bdowned\b",
                                                   trigger.text, re.I) \
            and _MANNED.search(around) and not _UNMANNED.search(around):
        sub, event_type = "Armed clash", "Battles"  # "two Su-24 warplanes were shot down": a fight, not an interception
    if sub in ("Deployment", "Change to group/activity", "Displacement") and _UNDER_DEAL.search(body) \
            and _LEAVING.search(body) and (sub != "Displacement" or trigger.trigger.name == "displacement"
                                           and re.search(r"\bleft\b", trigger.text)):
        sub, event_type = "Agreement", "Strategic developments"  # fighters leaving under a deal: ACLED's agreement
    if trigger.trigger.name in ("attack", "strike") \
            and not (trigger.definite and re.match(r"(?:attacks?|strikes?|assaults?|raids?)\b", trigger.text, re.I)):
        weapon = _weapon_type(body)
        if weapon:  # "targets had come under attack" beside "the 103 cruise missiles fired": the weapon types it
            sub, event_type = weapon, "Explosions/Remote violence"
    if sub == "Shelling/artillery/missile attack" and _AIR_LAUNCHED.search(body) and not _GROUND_FIRE.search(body):
        sub = "Air/drone strike"  # "the Israeli enemy fired missiles from over the Mediterranean": an air strike
    actor1 = actors[0] if actors else ""
    actor2 = actors[1] if len(actors) > 1 else ""
    if sub == "Disrupted weapons use" and re.search(r"\bdrones?\b", body, re.I):
        state = [a for a in actors if a.startswith("Military Forces")]
        actor1 = state[0] if state else (actor1 or "Unidentified armed group")
        actor2 = actor2 if actor2 and actor2 != actor1 else "Unidentified armed group (drones)"
    if sub == "Attack" and trigger.trigger.event_type == "Violence against civilians":
        others = [a for a in actors if a != "Civilians"]
        actor1, actor2 = (others[0] if others else "Unidentified armed group"), "Civilians"
    if sub == "Non-violent transfer of territory" and _FOUGHT_ENTRY.search(trigger.text + body[trigger.end:trigger.end + 1]) \
            and (_ARMED_ENTRANT.search(body[max(0, trigger.start - 60):trigger.start])
                 or _ARMY_ENTRANT.search(body[max(0, trigger.start - 40):trigger.start])) and not _UNOPPOSED.search(body):
        sub = "Non-state actor overtakes territory"  # "the fighters entered Hama": ground taken in an offensive
        event_type = "Battles"
        entrant = (_ARMY_ENTRANT.search(body[max(0, trigger.start - 40):trigger.start])
                   or _ARMED_ENTRANT.search(body[max(0, trigger.start - 60):trigger.start])).group().lower()
        if _ARMY_ENTRANT.search(entrant + " ") and not re.search(r"\b(?:Russian|Turkish|Israeli|US|American|Iraqi|"
                                                                  r"Iranian|Jordanian)\s+(?:army|troops)", entrant, re.I):
            if actor1 != "Military Forces of Syria":  # "IS pulled out and the army entered": the (Syrian) army takes it
                actor1, actor2 = "Military Forces of Syria", actor1
        elif not re.search(r"\b(?:army|troops|soldiers)\b", entrant) and actor1.startswith("Military Forces of Syria"):
            # "the Syrian army admits the fighters entered the city": the army says so; the fighters took it
            others = [a for a in actors if not a.startswith("Military Forces of Syria")]
            actor1, actor2 = (others[0] if others else "Unidentified armed group"), actor1
    if sub == "Non-state actor overtakes territory" and actor1 not in _STATE_SIDE \
            and trigger.trigger.name in ("capture", "recapture") and army_takes(body[:trigger.start], body[trigger.start:]):
        actor1, actor2 = "Military Forces of Syria", actor1  # "army units had taken full control": the state's gain
    if sub == "Non-state actor overtakes territory" and re.search(r"\bfrom\s*$", trigger.text + " " + re.match(
            r"(?:\s+[\w'’-]+){0,4}?\s+from\b|", body[trigger.end:]).group()):
        takers, losers = actors_in(body[:trigger.start]), actors_in(body[trigger.end:])
        if actor1 and actor1 not in takers and actor1 in losers:  # "rebels took it from government forces"
            actor1, actor2 = (takers[0] if takers else "Unidentified armed group"), actor1
    if sub == "Non-state actor overtakes territory" and actor1 in _STATE_SIDE:
        sub = "Government regains territory"  # ACLED: the state (or the forces fighting for it) taking ground back
    if sub == "Government regains territory" and trigger.trigger.name == "recapture":
        taker = retaker(body[:trigger.start])
        if taker:  # "Islamic State launched a surprise attack and retook Palmyra": a group retaking is no state's gain
            sub, event_type = "Non-state actor overtakes territory", "Battles"
            actor1, actor2 = taker, (actor1 if actor1 != taker else actor2)
    if not actor1:
        actor1 = "Unidentified armed group" if trigger.main else "Not named in the report"
    name = trigger.trigger.name
    if name == "airstrike" and _BOMBING.fullmatch(trigger.text) and not _AIR_WORDS.search(body):
        name = BARE_BOMBING  # "the bombing of evacuee buses": an air raid, unless a bomb set off is told beside it
    recalled = (published - window(dated)[1]).days > RECALL_DAYS
    admin1 = governorate_of(place.latitude, place.longitude) if governorate_of else ""
    return EventCandidate(
        event_date=dated.day, date_precision=dated.precision, event_type=event_type,
        sub_event_type=sub, actor1=actor1, actor2=actor2 if actor2 != actor1 else "", location=place.name,
        latitude=round(place.latitude, 5), longitude=round(place.longitude, 5), geo_precision=place.geo_precision,
        claimed_by=source.claimed_by, status=status_for(source), fatalities=fatalities_in(body), recalled=recalled,
        evidence_spans=((sentence.start, sentence.end),), sentences=(sentence.number,), trigger=name,
        attributed=source.explicit, admin1=admin1 or "", date_source=date_source, place_source=place.source)
