"""Which event words of a sentence give events, and where each is: one main trigger per clause, other
triggers beside it, each place to the nearest trigger, one place per 25 km."""

from __future__ import annotations

import re
from dataclasses import replace

from utils.core.geo import haversine_km
from utils.importers.article.event_types import MAIN_TRIGGERS, TriggerMatch, hypothetical
from utils.importers.article.places import PlaceMention
from utils.importers.article.statements import characterises, warns_of_response

__all__ = ["FORCE_NOUN", "MAX_PLACES_PER_TRIGGER", "choose_triggers", "nearest", "owner_of", "place_clusters",
           "places_for", "span_distance", "split_clauses"]


MAX_PLACES_PER_TRIGGER = 3
_SUPERLATIVE = re.compile(r"\b(?:the|its|their)\s+(?:\w+est|most\s+\w+|worst)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_CROWD_ACTED = re.compile(r"\b(?:filled|packed|thronged|flooded|crammed|marched|rallied|gathered)\b", re.IGNORECASE)


MAIN_ORDER = {t.name: n for n, t in enumerate(MAIN_TRIGGERS)}


IMPACT = re.compile(r"\b(?:struck|hit|hits|targeted|ripped through|tore through|destroyed|killed|killing)\b", re.I)


FORCE_NOUN = re.compile(r"(?:convoys?|(?:joint )?patrols?|reinforcements|cargo|transport|supply|landing)\b", re.I)


RELATION_RANK = {"over": 0, "in": 0, "at": 0, "inside": 0, "on": 1, "into": 1, "within": 1, "across": 1,
                  "above": 0, "near": 1, "around": 1, "close to": 1, "outside": 1, "north of": 1, "south of": 1,
                  "east of": 1, "west of": 1, "": 2, "attack": 2, "attacked": 2, "targeted": 2, "struck": 2,
                  "hit": 2, "against": 2, "towards": 3, "toward": 3, "to": 3, "approaching": 3, "from": 4}


def places_for(trigger: TriggerMatch, places: list[PlaceMention]) -> list[PlaceMention]:
    """Where the event of ``trigger`` is: a withdrawal is from its origin; a movement or base event at the one
    place nearest to its word; a strike or interception at each place (one per 25 km)."""
    if not places:
        return []
    if trigger.trigger.name == "withdrawal":
        # the origin: 'from X', or the place the verb names just after it ('left their base at Manbij')
        origins = [p for p in places if p.relation == "from"]
        left = [p for p in places if trigger.start <= p.start <= trigger.end + 40
                and p.relation not in ("to", "towards", "toward", "into", "for")]
        if origins and (not left or min(span_distance(trigger, p) for p in origins)
                        <= min(span_distance(trigger, p) for p in left)):
            return place_clusters([replace(p, relation="") for p in origins])
        if left:
            return [replace(min(left, key=lambda p: (p.kind == "region", p.start)), relation="")]
    if trigger.main:
        return place_clusters(places)
    sending = trigger.trigger.name == "deployment" and re.match(r"(?:has |have |had )?\w*\s*(?:deploy|sen[dt]|dispatch|"
                                                                 r"redeploy|mov|fl[eoy]w?|rush|brought|bring)", trigger.text, re.I)
    if sending and any(p.relation in ("to", "into") for p in places):
        return [min((p for p in places if p.relation in ("to", "into")), key=lambda p: p.geo_precision)]
    kept = [p for p in places if p.relation not in ("towards", "toward", "to")] or places
    points = [p for p in kept if p.kind != "region"] or kept
    return [min(points, key=lambda p: abs(p.start - trigger.start))]


_RELATIVE_PAST = re.compile(r"\b(?:from|in|at)\s+(?:which|where)\s+(?:[\w'-]+\s+){1,4}?had\s+(?:[\w-]+\s+){0,3}?$",
                            re.IGNORECASE)
_CREDITED = re.compile(r"\b(?:credit(?:ed|s|ing)?|thank(?:ed|s|ing)?|prais(?:ed|es|ing)|hail(?:ed|s|ing))\s+"
                       r"(?:[\w'-]+\s+){0,8}?(?:and\s+)?(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)


def split_clauses(text: str, triggers: list[TriggerMatch], offsets: list[int]) -> list[list[TriggerMatch]]:
    """Split triggers at date offsets ('X came two weeks after Y'): each part is one clause."""
    cuts = sorted(offsets)
    parts: list[list[TriggerMatch]] = [[] for _ in range(len(cuts) + 1)]
    for trigger in triggers:
        parts[sum(trigger.start >= cut for cut in cuts)].append(trigger)
    return parts


def choose_triggers(clause: list[TriggerMatch], sentence: str) -> list[TriggerMatch]:
    """One main trigger per clause (the strongest), plus other triggers of distinct sub-types; none that
    speaks of what could happen (warnings aside)."""
    clause = [t for t in clause if t.trigger.name == "warning" or not hypothetical(sentence, t.start)]
    # "the heaviest bombardment the enclave has known": a characterisation, not a report of an event
    # ('the largest crowd yet seen filled the square' is a crowd that did something: a report)
    clause = [t for t in clause if not (t.definite and _SUPERLATIVE.search(sentence[max(0, t.start - 30):t.start])
                                        and not _CROWD_ACTED.search(t.text))]
    # "said the strike was 'a message'", "condemned the attack": a judgement of an event told elsewhere
    clause = [t for t in clause if not characterises(sentence, t.start, t.end, t.definite)]
    if any(t.trigger.name == "warning" and warns_of_response(sentence, t.text) for t in clause):
        # "warned there would be a big price to pay for the attack": a statement about a response
        clause = [t for t in clause if t.trigger.name != "warning" and not t.definite]
    # "credited Russian special forces and air strikes for the advance": the strikes are praised, not reported
    clause = [t for t in clause if not (t.main and _CREDITED.search(sentence[max(0, t.start - 70):t.start]))]
    if any(not t.main for t in clause):
        # "the YPG took the hill, from which IS had shelled the city": a relative clause recalling what was done
        # from a place describes it; the capture is the event
        clause = [t for t in clause if not (t.main and _RELATIVE_PAST.search(sentence[max(0, t.start - 60):t.start]))]
    mains = [t for t in clause if t.main]
    chosen: list[TriggerMatch] = []
    if mains:
        best = min(mains, key=lambda t: (MAIN_ORDER[t.trigger.name], t.start))
        strikes = [t for t in mains if t.trigger.name == "airstrike" and t.start < best.start]
        if best.trigger.name == "interception" and strikes:
            best = strikes[0]  # "jets fired missiles at the base, adding that air defences shot some down": a strike
        struck = [t for t in mains if t.trigger.name == "strike" and t.start < best.start]
        if best.trigger.name == "attack" and struck and (re.match(r"destroyed", best.text, re.I) or re.search(
                r"\bin\s+an?\s+$", sentence[max(0, best.start - 8):best.start], re.I)):
            best = struck[0]  # "strikes destroyed 18 structures", "was struck, in an attack that": the strike's result
        victims = any(t.trigger.name == "killings" and "kill" in t.text.lower() for t in clause)
        if not (victims and "kill" in best.text.lower()):  # "militants killed nine people": violence against civilians
            chosen.append(best)
    if chosen and chosen[0].trigger.name == "warning":
        # "Turkey has threatened to attack Manbij, which the SDF took from IS in 2016": the relative clause after
        # the threat tells an event of its own
        relative = re.search(r",\s+(?:which|where)\b", sentence[chosen[0].end:])
        if relative:
            cut = chosen[0].end + relative.start()
            chosen += [t for t in clause if not t.main and t.start > cut and t.trigger.name in ("capture", "recapture")]
    if not chosen or chosen[0].trigger.name not in ("warning", "exercise"):
        seen = {t.trigger.sub_event_type for t in chosen}
        violent = bool(chosen) and (chosen[0].trigger.name != "blasts" or bool(IMPACT.search(sentence)))
        interception = bool(chosen) and chosen[0].trigger.name == "interception"
        armed = bool(chosen) and chosen[0].trigger.event_type in ("Battles", "Explosions/Remote violence")
        for trigger in clause:
            if armed and trigger.trigger.name == "killings" and re.search(r"\bkill", trigger.text, re.I):
                continue  # "jets bombed X, killing 12 civilians": the strike's deaths, not another event
            if violent and trigger.trigger.name == "deployment" and FORCE_NOUN.match(trigger.text):
                continue  # "aircraft hit a convoy": the convoy is the target
            if trigger.trigger.name == "deployment" and FORCE_NOUN.match(trigger.text) and any(
                    t.trigger.name == "withdrawal" and abs(t.start - trigger.start) <= 60 for t in clause):
                continue  # "a convoy left the airport": one movement, the verb's
            if interception and trigger.trigger.name == "capture":
                continue  # "took control of the other six" drones
            if trigger.trigger.name == "withdrawal" and ("evacuat" in trigger.text.lower() and any(
                    t.trigger.name == "displacement" for t in clause) or any(
                    t.trigger.name == "displacement" and t.start <= trigger.start < t.end for t in clause)):
                continue  # "women and children were evacuated": people displaced, not forces withdrawn
            if trigger.trigger.name == "capture" and any(t.trigger.name == "arrest" and abs(t.start - trigger.start) <= 60
                                                         for t in clause):
                continue  # "an official had been captured": an arrest, not ground taken
            if not trigger.main and trigger.trigger.sub_event_type not in seen:
                chosen.append(trigger)
                seen.add(trigger.trigger.sub_event_type)
    if any(t.trigger.name in ("capture", "recapture", "territory") for t in chosen):
        # "the fighters entered the airport as the last troops pulled back": the loser's retreat is the capture's
        chosen = [t for t in chosen if not (t.trigger.name == "withdrawal" and re.search(
            r"\b(?:as|while|when)\s+(?:[\w'-]+\s+){0,5}$", sentence[max(0, t.start - 50):t.start], re.I))]
    gains = [t for t in chosen if t.trigger.name in ("capture", "recapture", "territory")]
    if gains:
        # "IS pulled its fighters out of the city and the army entered it": the loser's retreat, then the
        # winner's entry, is one change of hands, the entry's
        chosen = [t for t in chosen if not (t.trigger.name == "withdrawal" and any(
            0 < g.start - t.end <= 120 and re.search(r"\band\b(?:\s+that)?\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}$",
                                                     sentence[t.end:g.start], re.I) for g in gains))]
    taken = [t for t in chosen if t.trigger.name in ("capture", "recapture")]
    if taken and chosen[0].main and chosen[0].trigger.event_type == "Battles":
        chosen = [t for t in chosen if not t.main]  # "captured X after heavy clashes": one battle, won
    return chosen


def place_clusters(places: list[PlaceMention]) -> list[PlaceMention]:
    """One place per group of places within 25 km: the one most likely the event's (over, in, at first)."""
    points = [p for p in places if p.kind != "region"]
    regions = [] if points else [p for p in places if p.kind == "region"]
    if points and any(p.relation != "from" for p in points):
        points = [p for p in points if p.relation != "from"]
    clusters: list[list[PlaceMention]] = []
    for place in points + regions:
        for cluster in clusters:
            if any(float(haversine_km(place.latitude, place.longitude, q.latitude, q.longitude)) <= 25 for q in cluster):
                cluster.append(place)
                break
        else:
            clusters.append([place])
    best = [min(cluster, key=lambda p: (RELATION_RANK.get(p.relation, 2), p.geo_precision, p.start))
            for cluster in clusters]
    return sorted(best, key=lambda p: p.start)[:MAX_PLACES_PER_TRIGGER]


def span_distance(trigger: TriggerMatch, place: PlaceMention) -> int:
    """Characters between an event word and a place (0 when they touch or overlap)."""
    return max(place.start - trigger.end, trigger.start - place.end, 0)


def owner_of(mention, chosen: list[tuple[TriggerMatch, tuple[int, int]]]) -> TriggerMatch | None:
    """The chosen trigger of the same clause nearest to a date mention."""
    inside = [t for t, (a, b) in chosen if a <= mention.start < b]
    return min(inside, key=lambda t: abs(t.start - mention.start)) if inside else None


def nearest(trigger: TriggerMatch, items: list, clause_bounds: tuple[int, int]):
    inside = [item for item in items if clause_bounds[0] <= item.start < clause_bounds[1]]
    if not inside:
        return None
    # characters between the spans: a date just after a long event phrase ("entered the western neighbourhoods
    # this morning") is as near as one just before it
    return min(inside, key=lambda item: max(item.start - trigger.end, trigger.start - getattr(item, "end", item.start), 0)
               if hasattr(item, "end") else abs(item.start - trigger.start))
