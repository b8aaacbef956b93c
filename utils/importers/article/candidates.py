"""From an article's text to candidate events: the whole first pass, sentence by sentence.

For each sentence: its dates (:mod:`.dates`), places (:mod:`.places`), triggers (:mod:`.event_types`)
and attribution (:mod:`.attribution`). A trigger becomes an event when it has a place of its own, or
a date of its own and a place from the context; "the attack", "the exercise" with no place of their
own add to the event they refer back to. A sentence with no date takes the context date: the last
event's date, or the article's lead date (the publication date's eve, to the week). Then
:func:`.incidents.group_candidates` merges reports of one event and labels incidents.

Nothing here is stored: candidates go to the analyst, who edits, drops or accepts each.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from utils.core.geo import haversine_km
from utils.importers.article.abroad import WHERE_WORDS, distance_reference
from utils.importers.article.attribution import OWN_ACCOUNT, Attribution, attribution_in, no_attribution, status_for
from utils.importers.article.building import make_candidate, referent_of, refine
from utils.importers.article.clauses import choose_in_clauses, cut_clauses, own_places
from utils.importers.article.context import ReadingContext, article_source, is_heading, lead_date, resolve_anaphor
from utils.importers.article.dates import find_dates
from utils.importers.article.dating import trigger_date
from utils.importers.article.event_types import (
    actors_in,
    fatalities_in,
    find_triggers,
    hypothetical,
)
from utils.importers.article.followups import (
    asserts_outcome,
    attach_source,
    clause_source,
    contest,
    denies,
    open_to,
    refers_back,
)
from utils.importers.article.incidents import GENERIC_TRIGGERS, group_candidates, overlaps, separate_accounts
from utils.importers.article.issuers import statement_issuer
from utils.importers.article.model import RECALL_DAYS, EventCandidate, Extraction, Skipped
from utils.importers.article.places import PlaceIndex, PlaceMention, dateline_end
from utils.importers.article.selection import (
    places_for,
    span_distance,
)
from utils.importers.article.sentences import split_sentences
from utils.importers.article.sources import nations_of, same_source

__all__ = ["RECALL_DAYS", "EventCandidate", "Extraction", "Skipped", "extract_events"]

_TITLE_PLACE = re.compile(r"\b(?:governor|mayor|ambassador|envoy|consul|mufti|bishop|archbishop|police chief|"
                          r"health director|director of health|representative|MP|deputy)\s+(?:of|in|for)\s+(?:the\s+)?"
                          r"(?:(?:city|province|governorate|town)\s+of\s+)?$", re.IGNORECASE)
"""A place that only names an official's post ('the governor of Hama said'): not where the event was, when the
sentence names another place."""
_THE_DOCUMENT = re.compile(r"(?:the\s+)?(?:briefing|statement|communiqu[eé]|press\s+release|bulletin|announcement)",
                           re.IGNORECASE)
"""The statement itself cited as a source ('according to the briefing'): the issuer its heading names."""
_NAMED_BODY_AFTER = re.compile(r"\s+(?:Military\s+|Local\s+|Civil\s+|Provincial\s+|Revolutionary\s+)?(?:Council|Brigades?|"
                               r"Front|Operations\s+Room|Division|Regiment|Battalion|Committee|Coordination)\b")
"""A place that only names a body ('the Deir ez-Zor Military Council', 'the Idlib Operations Room'): not where the event
was, when the sentence names another place."""
_UNKNOWN_PLACE = re.compile(r"\b(?:the|a)\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:border\s+)?(?:crossing|airfield|air\s*base|airbase|"
                            r"(?:gas|oil)\s+field|dam|checkpoint|camp|outpost|bridge|military\s+airport|prison|"
                            r"garrison|base)\b")
"""A named facility ('the Semalka crossing', 'the Kharab al-Jir airfield'): an event's place, known or not."""
_REPORTING = ("said", "says", "reported", "told", "claimed", "claims", "confirmed", "confirms", "according to",
              "stated", "announced", "described", "added", "alleged", "noted", "puts the toll", "put the toll",
              "puts the death toll", "put the death toll")


def outlets_own(attribution: Attribution | None, default: Attribution) -> Attribution | None:
    """The outlet speaking of itself ('our network documented') as its own, explicit account."""
    if attribution is not None and attribution.claimed_by == OWN_ACCOUNT:
        return replace(default, verb=attribution.verb, explicit=True)
    return attribution


def extract_events(text: str, published: date, outlet: str, index: PlaceIndex, *,
                   governorate_of: Callable[[float, float], str] | None = None) -> Extraction:
    """Candidate events in ``text`` (clean article text, see :func:`.text.article_text`) published on
    ``published`` by ``outlet``, placed with ``index``; ``governorate_of(lat, lon)`` fills ``admin1``."""
    sentences = split_sentences(text)
    lead = lead_date(sentences, published)
    context = ReadingContext(date=lead, lead=lead)
    lead_source = article_source(sentences, text)
    issuer = statement_issuer(text)  # "Statement of the General Command of X": its "we" and "our forces" are X's
    default = no_attribution(outlet) if issuer is None else Attribution(issuer, "party", "statement", explicit=False)
    raw: list[EventCandidate] = []
    skipped: list[Skipped] = []
    paragraph_of = {s.number: s.paragraph for s in sentences}
    for sentence in sentences:
        body = sentence.text
        if re.match(r"\s*(?:\(?photo|credit|image|follow|share|read more)\b", body, re.I) or is_heading(sentence, sentences):
            continue
        mentions = [m for m in find_dates(body, published) if m.start >= dateline_end(body)]
        found = index.find(body)
        found = sorted([*found, *context.facilities_named(body, found)], key=lambda m: m.start)
        in_country = any(m.kind == "country" for m in found)
        unknown_place = _UNKNOWN_PLACE.search(body)
        places = [p for p in (resolve_anaphor(m, context, found) for m in found if m.kind != "country") if p is not None]
        for place in places:  # "on the road to the Bab al-Hawa crossing": a reference, yet 'the crossing' later
            if place.kind in ("base", "place"):
                context.learn_named_facility(place, body[place.end:place.end + 30])
                context.learn_facility(place)
        pronoun_object = context.named  # "rebels took it from government forces": the place named before
        context.named = next((p for p in reversed(places) if p.kind in ("base", "place")), context.named)
        places = [p for p in places if not p.reference]
        titled = [p for p in places if _TITLE_PLACE.search(body[max(0, p.start - 45):p.start])
                  or _NAMED_BODY_AFTER.match(body[p.end:p.end + 40])]
        if titled and len(titled) < len(places):  # "..., the governor of Hama said, after a strike hit Masyaf"
            places = [p for p in places if p not in titled]
        for place in places:
            if place.kind in ("base", "place"):
                context.learn_heads(place)
        attribution = attribution_in(body, text, context.attributions)
        attribution = outlets_own(attribution, default)  # "our network documented": the outlet, explicitly
        if issuer is not None and attribution is not None and _THE_DOCUMENT.fullmatch(attribution.claimed_by):
            attribution = replace(attribution, claimed_by=issuer, kind="party")  # "according to the briefing": its issuer
        stated = attribution  # this sentence's own source, before the paragraph's is carried over
        if attribution is not None and attribution.kind == "unattributed" and lead_source is not None \
                and re.search(r"\b(?:reportedly|allegedly)\b", body, re.I):
            attribution = lead_source  # "allegedly", "reportedly": the sources the article leads with
        if attribution is not None:
            context.attributions.append(attribution)
            if clause_source(body, 0, text, context.attributions, attribution) is not None:
                context.said = (sentence.paragraph, sentence.number, attribution)  # not a side clause's source
        elif context.said and context.said[0] == sentence.paragraph and sentence.number - context.said[1] <= 2 \
                and context.said[2].explicit and context.said[2].kind != "unattributed":
            attribution = context.said[2]  # the paragraph goes on reporting what that source said
        triggers = find_triggers(body)
        days = [m.dated for m in mentions if m.kind == "date" and m.dated and not m.is_statement_date(body)]
        if not triggers and len(days) == 1 and days[0].precision == "day" and days[0].day <= published:
            context.date, context.paragraph = days[0], sentence.paragraph  # "pushed in on Sunday. The YPG said ..."
        recent = bool(raw) and sentence.number - max(raw[-1].sentences) <= 2
        if recent and stated is not None and stated.explicit and denies(body) \
                and not any(m.kind in ("place", "base", "region") for m in found):
            raw[-1] = contest(raw[-1], sentence, stated)  # "the Kremlin called the accusations groundless"
            continue
        recent = recent and paragraph_of[max(raw[-1].sentences)] == sentence.paragraph  # a source named next: same paragraph
        if not triggers:
            if recent and stated is not None and stated.explicit and stated.kind != "unattributed" \
                    and open_to(raw[-1], stated) and sentence.number - max(raw[-1].sentences) <= 1 \
                    and refers_back(body, stated, fatalities_in(body)):
                raw[-1] = attach_source(raw[-1], sentence, stated)  # "..., the IRGC said": the lead's source
            continue
        clauses = cut_clauses(body, mentions, text, context.attributions, triggers)
        causes, background = clauses.causes, clauses.background
        is_hypothetical = hypothetical(body)
        chosen = choose_in_clauses(body, triggers, mentions, clauses)
        if not chosen:
            denied = is_hypothetical or any(hypothetical(body, t.start) for t in triggers)
            if recent and stated is not None and stated.explicit and stated.kind != "unattributed" and not denied \
                    and open_to(raw[-1], stated) and sentence.number - max(raw[-1].sentences) <= 1 \
                    and refers_back(body, stated, fatalities_in(body)):
                raw[-1] = attach_source(raw[-1], sentence, stated)
            if denied:  # "the Pentagon said it was 'not conducting air strikes'": no account of the strike
                skipped.append(Skipped(sentence.number, sentence.start, sentence.end,
                                       "speaks of what could happen, or of what did not"))
            continue
        owned = own_places(places, chosen, clauses)
        owners = [n for n in range(len(chosen)) if not chosen[n][0].definite] or list(range(len(chosen)))
        abroad = {min(owners, key=lambda n: span_distance(chosen[n][0], m)) for m in found
                  if m.kind == "country" and m.name != "Syria" and m.relation in WHERE_WORDS}
        referred = [r for r in (referent_of(raw, t, sentence.number, None) for t in triggers if t.definite) if r is not None]
        referent = raw[referred[-1]] if referred else None
        if len(chosen) > 1:  # a trigger with no place nearer to it shares its clause's places
            for number in owned:
                low, high = chosen[number][1]
                if not owned[number] and not chosen[number][0].definite and chosen[number][0].main:
                    owned[number] = [p for p in places if low <= p.start < high]
                if not owned[number] and number and chosen[number][0].main and not chosen[number][0].definite \
                        and low not in causes and low not in background and owned[number - 1]:
                    # "clashes in Hasakah continued, and aircraft struck a nearby district": near the clause before's
                    owned[number] = [replace(p, geo_precision=max(p.geo_precision, 2)) for p in owned[number - 1]]
        made_any = False
        for number, (trigger, bounds) in enumerate(chosen):
            when = trigger_date(trigger, bounds, chosen, mentions, body, sentence, referent, context, published)
            if when.vague:
                skipped.append(Skipped(sentence.number, sentence.start, sentence.end,
                                       f"no date can be given ({when.mention.text!r})"))
                continue
            mention, own_date, dated = when.mention, when.own, when.dated
            trigger_places = places_for(trigger, owned[number])
            here = trigger_places or owned[number] or places
            origin = max((p.start for p in here), default=-1)
            if here and all(p.relation == "from" for p in here) and any(
                    m.kind == "country" and m.name != "Syria" and m.relation in WHERE_WORDS and 0 < m.start - origin < 80
                    for m in found):
                abroad.add(number)  # "mortar rounds fired from the Jarablus area landed in Karkamis": there
                trigger_places = []
            if number in abroad:  # "a base in Jordan, 20 km from al-Tanf", "fired from Jarablus, landed in Karkamis"
                trigger_places = [p for p in trigger_places if not distance_reference(body, p.start)]
            if number in abroad and not trigger_places:
                skipped.append(Skipped(sentence.number, sentence.start, sentence.end,
                                       f"{trigger.text!r} happened outside Syria"))
                continue
            target = referent_of(raw, trigger, sentence.number, None) \
                if trigger.definite or trigger.subject_definite else None
            if target is not None and trigger.subject_definite and not trigger.definite:
                raw[target] = refine(raw[target], None, sentence, attribution, body)  # the same force, told again
                made_any = True
                continue
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
                    made_any = True
                    continue
            if not trigger_places and trigger.trigger.name == "capture" and pronoun_object is not None \
                    and re.search(r"\b(?:it|them)\s+from\b", trigger.text):
                trigger_places = [replace(pronoun_object, reference=False, relation="context")]
            if not trigger_places and (bounds[0] in causes or bounds[0] in background) and not trigger.definite:
                continue  # "in response to a roadside bomb attack", ", as it fought an offensive": no event of its own
            if not trigger_places:
                target = referent_of(raw, trigger, sentence.number, own_date)
                named = actors_in(body)
                if target is not None and not trigger.definite and named and raw[target].actor1 not in named \
                        and raw[target].actor1 not in ("Unidentified armed group", "Not named in the report"):
                    target = None  # "Turkish drones struck regime targets" after the regime's attack: another event
                if referred and not trigger.definite and own_date is None and trigger.trigger.name in GENERIC_TRIGGERS:
                    target = referred[-1]  # "said the strike destroyed six jets": the event 'the strike' names
                account_source = outlets_own(clause_source(body, trigger.start, text, context.attributions, attribution),
                                             default)
                if account_source is not None and account_source is not attribution:
                    attribution = account_source
                if target is not None and attribution is not None and attribution.verb in _REPORTING \
                        and (asserts_outcome(body, fatalities_in(body)) or any(not t.definite for t in triggers)) \
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
                    made_any = True
                    continue
                if target is not None:
                    raw[target] = refine(raw[target], own_date, sentence, attribution, body)
                    if raw[target].trigger == "blasts" and trigger.trigger.name not in GENERIC_TRIGGERS and trigger.main:
                        raw[target] = replace(raw[target], trigger=trigger.trigger.name, event_type=trigger.trigger.event_type,
                                              sub_event_type=trigger.trigger.sub_event_type)  # the blasts explained
                    made_any = True
                    continue
                if referent is not None and trigger.main and not trigger.definite \
                        and referent.sub_event_type != trigger.trigger.sub_event_type:
                    # another account of the event referred to ("state TV said the blasts were an exercise")
                    place = PlaceMention(0, 0, referent.location, referent.location, referent.latitude,
                                         referent.longitude, referent.geo_precision, "place", "referent")
                    trigger_places = [place]
                elif context.place is not None and not trigger.definite and (trigger.main or len(chosen) == 1) \
                        and (own_date is not None and not in_country or unknown_place is not None):
                    # dated but placed only by the context, or at a named place the gazetteer lacks ("the Semalka
                    # crossing"): near the place the text is about, for the analyst to correct
                    place = context.place
                    if context.region is not None and place.kind != "region" and float(haversine_km(
                            place.latitude, place.longitude, context.region.latitude, context.region.longitude)) <= 60:
                        place = context.region  # no place of its own: the region the text is about, not its last town
                    precision = max(place.geo_precision, 2) if place.kind != "region" else 3
                    trigger_places = [replace(place, geo_precision=precision, relation="context")]
                else:
                    if attribution is not None and raw and not raw[-1].attributed and attribution.explicit \
                            and sentence.number - max(raw[-1].sentences) <= 2 \
                            and paragraph_of[max(raw[-1].sentences)] == sentence.paragraph:
                        raw[-1] = replace(raw[-1], claimed_by=attribution.claimed_by, attributed=True,
                                          status=status_for(attribution),
                                          evidence_spans=tuple(sorted({*raw[-1].evidence_spans,
                                                                       (sentence.start, sentence.end)})),
                                          sentences=tuple(sorted({*raw[-1].sentences, sentence.number})))
                        made_any = True
                    else:
                        skipped.append(Skipped(sentence.number, sentence.start, sentence.end,
                                               f"{trigger.text!r} has no place in the sentence"))
                        if own_date is not None and own_date.precision == "day" and len(days) == 1 and len(chosen) == 1:
                            # "The fighting continued on Friday. The SDF said ...": the day the paragraph goes on with
                            context.date, context.paragraph = own_date, sentence.paragraph
                    continue
            source = outlets_own(clause_source(body, trigger.start, text, context.attributions, attribution),
                                 default) or default
            actors = actors_in(body)
            date_source = "context" if own_date is None else "statement" if mention.is_statement_date(body) else "sentence"
            # the last recent violent event of the same days lends its type ("... came under attack"); an earlier
            # event recalled as a cause ("a reprisal for a gas attack a week ago") does not
            lender = next((c for c in reversed(raw) if sentence.number - max(c.sentences) <= 2
                           and overlaps(c.dated, dated, slack_days=1)), None) \
                if trigger.trigger.name in ("attack", "strike") and raw else None
            if lender is not None and lender.event_type == "Explosions/Remote violence" and lender.trigger != "blasts":
                trigger = replace(trigger, trigger=replace(trigger.trigger, event_type=lender.event_type,
                                                           sub_event_type=lender.sub_event_type))
            for place in trigger_places:
                raw.append(make_candidate(trigger, dated, place, source, actors, body, sentence, published,
                                      date_source, governorate_of))
                made_any = True
            if (own_date is not None or referent is not None) and bounds[0] not in causes:
                context.date = dated  # a cause's date ("in response to an attack a week ago") dates no later event
            context.paragraph = sentence.paragraph
        if made_any and raw:
            last = raw[-1]
            for place in places:
                context.remember_place(place)
            if places:
                context.place = next((p for p in places if p.name == last.location), places[-1])
            context.region = next((p for p in reversed(places) if p.kind == "region"), context.region)
    sentence_text = {s.number: s.text for s in sentences}
    grouped = group_candidates(raw, sentence_text)
    return Extraction(text=text, published=published, outlet=outlet, sentences=sentences, candidates=grouped,
                      skipped=skipped)


