"""From one chosen trigger word of a sentence to candidate events, step by step.

:func:`plan_sentence` gives each chosen trigger its places (:class:`SentencePlan`); :func:`read_trigger` then
dates it, keeps it inside Syria, folds it into the event it refers back to ('the raid took place near X'), or
places it from the context, and adds its candidates to the run. Each step says in its docstring what it decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from utils.core.geo import haversine_km
from utils.importers.article.abroad import WHERE_WORDS, distance_reference
from utils.importers.article.attackers import GROUND_ATTACK, by_ground_force
from utils.importers.article.attribution import status_for
from utils.importers.article.building import make_candidate, referent_of, refine
from utils.importers.article.causes import cause_as_event
from utils.importers.article.clauses import Clauses, own_places
from utils.importers.article.dates import Dated, DateMention
from utils.importers.article.dating import trigger_date
from utils.importers.article.event_types import TriggerMatch, actors_in, fatalities_in
from utils.importers.article.followups import asserts_outcome, clause_source
from utils.importers.article.incidents import GENERIC_TRIGGERS, overlaps, separate_accounts
from utils.importers.article.model import EventCandidate
from utils.importers.article.places import PlaceMention
from utils.importers.article.reading import ArticleRun, SentenceFacts, outlets_own
from utils.importers.article.rival_tolls import rival_toll_target
from utils.importers.article.second_accounts import second_account
from utils.importers.article.selection import places_for, span_distance
from utils.importers.article.shared_counts import shared_count
from utils.importers.article.sources import nations_of, same_source
from utils.importers.article.story_acts import goes_on

__all__ = ["SentencePlan", "plan_sentence", "read_trigger"]

_REPORTING = ("said", "says", "reported", "told", "claimed", "claims", "confirmed", "confirms", "according to",
              "stated", "announced", "described", "added", "alleged", "noted", "puts the toll", "put the toll",
              "puts the death toll", "put the death toll")


_RETURNED_FIRE = re.compile(r"\b(?:returned|returning|return)\s+fire\b|\bfired\s+back\b", re.IGNORECASE)
"""Fire returned: another act than the strike it answers, by the side that was hit."""


_CLAIMS_IT = re.compile(r"\b(?:claim(?:ed|s|ing)?|carried\s+out|(?:was|were)\s+behind|responsib(?:le|ility))\b", re.IGNORECASE)
"""A claim of responsibility ('said two of its fighters had carried out the attack', 'claimed the bombing')."""


@dataclass
class SentencePlan:
    """The triggers ``chosen`` in a sentence with their clause bounds, the places each ``owned``, the triggers
    told as happening ``abroad``, the cause and background clauses' starts, and the earlier events its definite
    triggers refer to (``referred``, the last as ``referent``)."""

    chosen: list[tuple[TriggerMatch, tuple[int, int]]]
    owned: dict[int, list[PlaceMention]]
    abroad: set[int]
    causes: set[int]
    background: set[int]
    referred: list[int]
    referent: EventCandidate | None


def plan_sentence(run: ArticleRun, facts: SentenceFacts, chosen: list[tuple[TriggerMatch, tuple[int, int]]],
                  clauses: Clauses) -> SentencePlan:
    """Each chosen trigger's places: its own, else (one of several) its clause's or the clause before's."""
    places, causes, background = facts.places, clauses.causes, clauses.background
    owned = own_places(places, chosen, clauses)
    owners = [n for n in range(len(chosen)) if not chosen[n][0].definite] or list(range(len(chosen)))
    abroad = {min(owners, key=lambda n: span_distance(chosen[n][0], m)) for m in facts.found
              if m.kind == "country" and m.name != "Syria" and m.relation in WHERE_WORDS}
    referred = [r for r in (referent_of(run.raw, t, facts.sentence.number, None) for t in facts.triggers if t.definite)
                if r is not None]
    referent = run.raw[referred[-1]] if referred else None
    if len(chosen) > 1:  # a trigger with no place nearer to it shares its clause's places
        for number in owned:
            low, high = chosen[number][1]
            if not owned[number] and not chosen[number][0].definite and chosen[number][0].main:
                owned[number] = [p for p in places if low <= p.start < high]
            if not owned[number] and number and chosen[number][0].main and not chosen[number][0].definite \
                    and low not in causes and low not in background and owned[number - 1]:
                # "clashes in Hasakah continued, and aircraft struck a nearby district": near the clause before's
                owned[number] = [replace(p, geo_precision=max(p.geo_precision, 2)) for p in owned[number - 1]]
    return SentencePlan(chosen, owned, abroad, causes, background, referred, referent)


def _trigger_places(run: ArticleRun, facts: SentenceFacts, plan: SentencePlan, number: int,
                    trigger: TriggerMatch) -> list[PlaceMention] | None:
    """The trigger's own places, or None when it happened outside Syria (the sentence is skipped for it)."""
    body, found, sentence = facts.body, facts.found, facts.sentence
    trigger_places = places_for(trigger, plan.owned[number])
    here = trigger_places or plan.owned[number] or facts.places
    origin = max((p.start for p in here), default=-1)
    # "9,000 Syrians crossed into Turkey from the town, many sleeping in Ceylanpinar": people displaced from a
    # place are displaced there, wherever they went; "mortar rounds fired from Jarablus landed in Karkamis" are not
    if here and all(p.relation == "from" for p in here) and trigger.trigger.sub_event_type != "Displacement" and any(
            m.kind == "country" and m.name != "Syria" and m.relation in WHERE_WORDS and 0 < m.start - origin < 80
            for m in found):
        plan.abroad.add(number)  # "mortar rounds fired from the Jarablus area landed in Karkamis": there
        trigger_places = []
    place = run.context.place
    owned = plan.owned[number]
    if trigger.trigger.sub_event_type == "Displacement" and len(owned) >= 2 and place is not None \
            and all(p.relation in ("to", "towards", "toward", "into") for p in owned) \
            and all(p.name != place.name for p in owned):
        # "hundreds of families have fled east to X and north to Y": a flight to several places is told from where
        # it began, the place the text is about (one destination, "fled towards X", may be where they are now)
        trigger_places = [replace(place, relation="context", geo_precision=max(2, place.geo_precision))]
    if number in plan.abroad:  # "a base in Jordan, 20 km from al-Tanf", "fired from Jarablus, landed in Karkamis"
        trigger_places = [p for p in trigger_places if not distance_reference(body, p.start)]
    if number in plan.abroad and not trigger_places:
        run.skip(sentence, f"{trigger.text!r} happened outside Syria")
        return None
    return trigger_places


def _refine_referred(run: ArticleRun, facts: SentenceFacts, trigger: TriggerMatch,
                     trigger_places: list[PlaceMention], own_date: Dated | None) -> bool:
    """True when a definite trigger ('the raid took place near Jarablus') refines the event it refers to."""
    raw, sentence, body, attribution = run.raw, facts.sentence, facts.body, facts.attribution
    target = referent_of(raw, trigger, sentence.number, None) \
        if trigger.definite or trigger.subject_definite else None
    if target is not None and trigger.subject_definite and not trigger.definite:
        raw[target] = refine(raw[target], None, sentence, attribution, body)  # the same force, told again
        return True
    if target is not None and own_date is not None and not (overlaps(raw[target].dated, own_date, slack_days=1)
                                                            and raw[target].date_source != "sentence"):
        target = None  # "the raid took place late on Saturday": refines an event dated only by a statement
    if trigger_places and target is not None and len(trigger_places) == 1:
        near = float(haversine_km(
            raw[target].latitude, raw[target].longitude, trigger_places[0].latitude,
            trigger_places[0].longitude)) <= (100 if raw[target].geo_precision == 3 else 50) \
            and raw[target].geo_precision >= 2  # "The raid took place near Jarablus" after "in northern Syria"
        sides = (nations_of(raw[target].claimed_by), nations_of(attribution.claimed_by)) if attribution else ()
        other = attribution is not None and attribution.explicit and raw[target].attributed \
            and all(sides) and not sides[0] & sides[1] and asserts_outcome(body, fatalities_in(body)) \
            and not same_source(raw[target].claimed_by, attribution.claimed_by)
        if near and trigger_places[0].kind in ("place", "base") and not other:  # another source: its own account
            place = trigger_places[0]
            refined = refine(raw[target], None, sentence, attribution, body)
            if own_date is not None:
                refined = replace(refined, event_date=own_date.day, date_precision=own_date.precision,
                                  date_source="sentence")
            raw[target] = replace(refined,
                                  location=place.name, latitude=round(place.latitude, 5),
                                  longitude=round(place.longitude, 5), geo_precision=place.geo_precision)
            return True
    return False


def _unplaced(run: ArticleRun, facts: SentenceFacts, plan: SentencePlan, trigger: TriggerMatch,
              own_date: Dated | None) -> tuple[list[PlaceMention], bool]:
    """A trigger with no place of its own: another account of, or more about, an earlier event (no places
    returned; True when it changed one), else the referent's or the context's place, else nothing."""
    raw, sentence, body, context = run.raw, facts.sentence, facts.body, run.context
    target = referent_of(raw, trigger, sentence.number, own_date)
    named = actors_in(body)
    if target is not None and not trigger.definite and named and raw[target].actor1 not in named \
            and raw[target].actor1 not in ("Unidentified armed group", "Not named in the report"):
        target = None  # "Turkish drones struck regime targets" after the regime's attack: another event
    if plan.referred and not trigger.definite and own_date is None and trigger.trigger.name in GENERIC_TRIGGERS:
        target = plan.referred[-1]  # "said the strike destroyed six jets": the event 'the strike' names
    account_source = outlets_own(clause_source(body, trigger.start, run.text, context.attributions, facts.attribution),
                                 run.default, body)
    if account_source is not None and account_source is not facts.attribution:
        facts.attribution = account_source
    attribution = facts.attribution
    if target is not None and attribution is not None and attribution.verb in _REPORTING \
            and (asserts_outcome(body, fatalities_in(body)) or any(not t.definite for t in facts.triggers)) \
            and separate_accounts(
            raw[target], replace(raw[target], claimed_by=attribution.claimed_by, attributed=attribution.explicit)):
        # another source's account of the event referred to ("SOHR said the strikes killed 19")
        account = raw[target]
        if account.trigger in GENERIC_TRIGGERS and trigger.trigger.name not in GENERIC_TRIGGERS:
            account = replace(account, trigger=trigger.trigger.name, event_type=trigger.trigger.event_type,
                              sub_event_type=trigger.trigger.sub_event_type)  # "... hit by an air strike"
        raw.append(replace(account, claimed_by=attribution.claimed_by, status=status_for(attribution),
                           attributed=True, fatalities=fatalities_in(body),
                           evidence_spans=((sentence.start, sentence.end),), sentences=(sentence.number,)))
        return [], True
    if target is not None:
        raw[target] = refine(raw[target], own_date, sentence, attribution, body)
        if raw[target].trigger == "blasts" and trigger.trigger.name not in GENERIC_TRIGGERS and trigger.main:
            raw[target] = replace(raw[target], trigger=trigger.trigger.name, event_type=trigger.trigger.event_type,
                                  sub_event_type=trigger.trigger.sub_event_type)  # the blasts explained
        return [], True
    referent = plan.referent
    if referent is not None and trigger.main and not trigger.definite \
            and referent.sub_event_type != trigger.trigger.sub_event_type:
        # another account of the event referred to ("state TV said the blasts were an exercise")
        return [PlaceMention(0, 0, referent.location, referent.location, referent.latitude,
                             referent.longitude, referent.geo_precision, "place", "referent")], False
    scene = context.scene
    if scene is not None and scene[0] == sentence.paragraph and 0 < sentence.number - scene[1] <= 2 \
            and own_date is None and not facts.in_country and (trigger.main or len(plan.chosen) == 1):
        # "On Monday a convoy was unloading in X. ... 20 civilians were killed": there, that day
        return [replace(scene[2], relation="scene")], False
    if context.place is not None and not trigger.definite and (trigger.main or len(plan.chosen) == 1) \
            and (own_date is not None and not facts.in_country or facts.unknown_place is not None
                 or goes_on(run, facts, trigger, own_date)):
        # dated but placed only by the context, or at a named place the gazetteer lacks ("the Semalka
        # crossing"): near the place the text is about, for the analyst to correct
        place = context.place
        if context.region is not None and place.kind != "region" and float(haversine_km(
                place.latitude, place.longitude, context.region.latitude, context.region.longitude)) <= 60:
            place = context.region  # no place of its own: the region the text is about, not its last town
        precision = max(place.geo_precision, 2) if place.kind != "region" else 3
        return [replace(place, geo_precision=precision, relation="context")], False
    if raw and _RETURNED_FIRE.search(trigger.text) and own_date is None and sentence.number - max(raw[-1].sentences) <= 2:
        # "a drone hit their post ... The army said it had returned fire": the fire returned, there and then
        last = raw[-1]
        return [PlaceMention(0, 0, last.location, last.location, last.latitude, last.longitude, last.geo_precision,
                             "place", "referent")], False
    if attribution is not None and raw and not raw[-1].attributed and attribution.explicit \
            and sentence.number - max(raw[-1].sentences) <= 2 \
            and run.paragraph_of[max(raw[-1].sentences)] == sentence.paragraph:
        raw[-1] = replace(raw[-1], claimed_by=attribution.claimed_by, attributed=True,
                          status=status_for(attribution),
                          evidence_spans=tuple(sorted({*raw[-1].evidence_spans, (sentence.start, sentence.end)})),
                          sentences=tuple(sorted({*raw[-1].sentences, sentence.number})))
        return [], True
    rival = rival_toll_target(raw, run.text, sentence.number, sentence.start, body, attribution) \
        if own_date is None else None
    if rival is not None:  # "The agency put the toll at 26 dead. A monitor said 28 were killed": its own count
        raw.append(second_account(raw[rival], sentence, attribution, fatalities_in(body)))
        return [], True
    run.skip(sentence, f"{trigger.text!r} has no place in the sentence")
    if own_date is not None and own_date.precision == "day" and len(facts.days) == 1 and len(plan.chosen) == 1:
        # "The fighting continued on Friday. The SDF said ...": the day the paragraph goes on with
        context.date, context.paragraph = own_date, sentence.paragraph
    return [], False


def _add_candidates(run: ArticleRun, facts: SentenceFacts, plan: SentencePlan, trigger: TriggerMatch,
                    bounds: tuple[int, int], mention: DateMention | None, own_date: Dated | None, dated: Dated,
                    trigger_places: list[PlaceMention]) -> None:
    """One candidate per place of the trigger, typed (a recent explosion lends 'the attack' its type) and sourced."""
    raw, sentence, body, context = run.raw, facts.sentence, facts.body, run.context
    source = outlets_own(clause_source(body, trigger.start, run.text, context.attributions, facts.attribution),
                         run.default, body) or run.default
    actors = actors_in(body)
    date_source = "context" if own_date is None else "statement" if mention.is_statement_date(body) else "sentence"
    # the last recent violent event of the same days lends its type ("... came under attack"); an earlier
    # event recalled as a cause ("a reprisal for a gas attack a week ago") does not
    ground = trigger.trigger.name == "attack" and by_ground_force(body, trigger, bounds)  # "rebels attacked"
    lender = next((c for c in reversed(raw) if sentence.number - max(c.sentences) <= 2
                   and overlaps(c.dated, dated, slack_days=1)), None) \
        if trigger.trigger.name in ("attack", "strike") and raw and not ground else None
    if lender is not None and lender.event_type == "Explosions/Remote violence" and lender.trigger != "blasts":
        trigger = replace(trigger, trigger=replace(trigger.trigger, event_type=lender.event_type,
                                                   sub_event_type=lender.sub_event_type))
    shared = shared_count(body[bounds[0]:bounds[1]]) if bounds[0] else None  # ", and six in Y": six dead there
    for place in trigger_places:
        made = make_candidate(trigger, dated, place, source, actors, body, sentence, run.published,
                              date_source, run.governorate_of)
        made = made if shared is None else replace(made, fatalities=shared)
        raw.append(replace(made, trigger=GROUND_ATTACK) if ground and made.event_type == "Battles" else made)
    if (own_date is not None or plan.referent is not None) and bounds[0] not in plan.causes:
        context.date = dated  # a cause's date ("in response to an attack a week ago") dates no later event
    context.paragraph = sentence.paragraph


def read_trigger(run: ArticleRun, facts: SentenceFacts, plan: SentencePlan, number: int) -> bool:
    """Read the ``number``-th chosen trigger of the sentence; True when it added or changed a candidate."""
    trigger, bounds = plan.chosen[number]
    sentence = facts.sentence
    when = trigger_date(trigger, bounds, plan.chosen, facts.mentions, facts.body, sentence, plan.referent,
                        run.context, run.published)
    if when.vague:
        run.skip(sentence, f"no date can be given ({when.mention.text!r})")
        return False
    trigger_places = _trigger_places(run, facts, plan, number, trigger)
    if trigger_places is None:
        return False
    if _refine_referred(run, facts, trigger, trigger_places, when.own):
        return True
    if not trigger_places and trigger.trigger.name == "capture" and facts.pronoun_object is not None \
            and re.search(r"\b(?:it|them)\s+(?:from|back)\b|\bentered\s+it\b", trigger.text):
        trigger_places = [replace(facts.pronoun_object, reference=False, relation="context")]
    if trigger.trigger.name == "warning" and bounds[0] in plan.causes:
        return False  # "signed after two days of talks in which the Russians threatened strikes": the talks' colour
    cause = cause_as_event(facts.body, bounds, when, facts.places) \
        if not trigger_places and bounds[0] in plan.causes and not trigger.definite else None
    if cause is not None:  # "after a crackdown in which 60 were shot dead on 3 June", "after a week of shelling"
        trigger_places, when = cause
    if not trigger_places and (bounds[0] in plan.causes or bounds[0] in plan.background) and not trigger.definite:
        return False  # "in response to a roadside bomb attack", ", as it fought an offensive": no event of its own
    if not trigger_places:
        stated_only = trigger.definite and when.mention is not None and (
            when.mention.is_statement_date(facts.body)
            or when.mention.opens_a_statement(facts.body) and _CLAIMS_IT.search(facts.body))
        # "the IRGC said in a statement on Tuesday that seven advisers were killed in the attack": the statement's
        # day is no day of the event 'the attack' refers back to
        trigger_places, changed = _unplaced(run, facts, plan, trigger, None if stated_only else when.own)
        if not trigger_places:
            return changed
    _add_candidates(run, facts, plan, trigger, bounds, when.mention, when.own, when.dated, trigger_places)
    return True
