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
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from utils.core.geo import haversine_km
from utils.importers.article.abroad import WHERE_WORDS
from utils.importers.article.attribution import Attribution, attribution_in, no_attribution, status_for
from utils.importers.article.dates import Dated, apply_anchor, find_dates, window
from utils.importers.article.event_types import (
    MAIN_TRIGGERS,
    TriggerMatch,
    actors_in,
    fatalities_in,
    find_triggers,
    hypothetical,
)
from utils.importers.article.incidents import group_candidates, overlaps, separate_accounts
from utils.importers.article.places import NEAR_WORDS, PlaceIndex, PlaceMention
from utils.importers.article.sentences import Sentence, split_sentences

__all__ = ["RECALL_DAYS", "EventCandidate", "Extraction", "Skipped", "extract_events"]

RECALL_DAYS = 10
"""An event whose date window ends more than this many days before publication is *recalled*, not news."""
MAX_PLACES_PER_TRIGGER = 3
_REPORTING = ("said", "says", "reported", "told", "claimed", "claims", "confirmed", "confirms", "according to",
              "stated", "announced", "described", "added", "alleged", "noted")
_MAIN_ORDER = {t.name: n for n, t in enumerate(MAIN_TRIGGERS)}
_IMPACT = re.compile(r"\b(?:struck|hit|hits|targeted|ripped through|tore through|destroyed|killed|killing)\b", re.I)
_FORCE_NOUN = re.compile(r"(?:convoys?|(?:joint )?patrols?|reinforcements|cargo|transport|supply|landing)\b", re.I)
_RELATION_RANK = {"over": 0, "in": 0, "at": 0, "inside": 0, "on": 1, "into": 1, "within": 1, "across": 1,
                  "above": 0, "near": 1, "around": 1, "close to": 1, "outside": 1, "north of": 1, "south of": 1,
                  "east of": 1, "west of": 1, "": 2, "attack": 2, "attacked": 2, "targeted": 2, "struck": 2,
                  "hit": 2, "against": 2, "towards": 3, "toward": 3, "to": 3, "approaching": 3, "from": 4}


@dataclass(frozen=True)
class EventCandidate:
    """A proposed event, in our columns, with the sentence(s) it rests on.

    ``evidence_spans``: (start, end) character offsets in the article text of each sentence it rests
    on; ``recalled``: the article recalls it rather than reporting it as news; ``incident``: a label
    shared by candidates of one incident in this article ("A1"), blank when alone.
    """

    event_date: date
    date_precision: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    location: str
    latitude: float
    longitude: float
    geo_precision: int
    claimed_by: str
    status: str
    fatalities: int | None
    recalled: bool
    evidence_spans: tuple[tuple[int, int], ...]
    sentences: tuple[int, ...]
    trigger: str
    attributed: bool
    incident: str = ""
    admin1: str = ""
    date_source: str = ""
    place_source: str = ""

    @property
    def dated(self) -> Dated:
        return Dated(self.event_date, self.date_precision)


@dataclass(frozen=True)
class Skipped:
    """A sentence with an event word that gave no candidate, and why (shown to the analyst)."""

    sentence: int
    start: int
    end: int
    reason: str


@dataclass
class Extraction:
    """What the extractor read: the clean text, its sentences, the candidates and the sentences passed over."""

    text: str
    published: date
    outlet: str
    sentences: list[Sentence]
    candidates: list[EventCandidate]
    skipped: list[Skipped] = field(default_factory=list)

    def evidence(self, candidate: EventCandidate) -> str:
        """The sentence(s) a candidate rests on, as one text."""
        return " ".join(self.text[a:b] for a, b in candidate.evidence_spans)


@dataclass
class _Context:
    """What the text is about so far: the last event's date and place, the places by kind, the sources."""

    date: Dated
    lead: Dated
    paragraph: int = 0
    place: PlaceMention | None = None
    by_head: dict[str, PlaceMention] = field(default_factory=dict)
    strong_heads: dict[str, bool] = field(default_factory=dict)
    attributions: list[Attribution] = field(default_factory=list)
    said: tuple[int, int, Attribution] | None = None

    def remember_place(self, mention: PlaceMention) -> None:
        self.place = mention
        self.learn_heads(mention)

    def learn_heads(self, mention: PlaceMention) -> None:
        """Let 'the base', 'the airport' refer to ``mention``; a head word in its own name ('Qamishli
        airport') is not taken over by a place that only might be called so (Khmeimim *air base*)."""
        for head, (strong, target) in _heads(mention).items():
            held = self.strong_heads.get(head)
            if strong or held is None or not held:
                self.by_head[head] = target
                self.strong_heads[head] = strong

    def inherited(self, paragraph: int) -> Dated:
        """The date of a sentence that gives none: the last event's in this paragraph, else the lead date
        (to the week at best)."""
        if paragraph == self.paragraph:
            return self.date
        lead = self.lead
        return Dated(lead.day, "week") if lead.precision == "day" else lead


def _heads(mention: PlaceMention) -> dict[str, tuple[bool, PlaceMention]]:
    """The words that can refer back to ``mention`` ('the base', 'the air base', 'the city', 'there'), each
    with whether it is *strong* (the word is in the place's own name)."""
    name = mention.name.lower()
    heads: dict[str, bool] = {}
    if mention.kind == "base":
        heads.update({"base": "base" in name, "bases": False})
        if "air" in name:
            heads.update({"air base": "air base" in name, "airbase": "air base" in name, "airport": "airport" in name})
        if "naval" in name or "port" in name:
            heads.update({"naval base": "naval" in name, "port": "port" in name and "airport" not in name})
        if "garrison" in name:
            heads["garrison"] = True
    elif mention.kind == "place":
        heads.update(dict.fromkeys(("city", "town", "village", "port"), False))
    return {**{head: (strong, mention) for head, strong in heads.items()}, "there": (True, mention)}


def _places_for(trigger: TriggerMatch, places: list[PlaceMention]) -> list[PlaceMention]:
    """Where the event of ``trigger`` is: a withdrawal is from its origin; a movement or base event at the one
    place nearest to its word; a strike or interception at each place (one per 25 km)."""
    if not places:
        return []
    if trigger.trigger.name == "withdrawal":
        origins = [p for p in places if p.relation == "from"]
        if origins:
            return _place_clusters([replace(p, relation="") for p in origins])
    if trigger.main:
        return _place_clusters(places)
    sending = trigger.trigger.name == "deployment" and re.match(r"(?:has |have |had )?\w*\s*(?:deploy|sen[dt]|dispatch|"
                                                                 r"redeploy|mov|fl[eoy]w?|rush|brought|bring)", trigger.text, re.I)
    if sending and any(p.relation in ("to", "into") for p in places):
        return [min((p for p in places if p.relation in ("to", "into")), key=lambda p: p.geo_precision)]
    kept = [p for p in places if p.relation not in ("towards", "toward", "to")] or places
    points = [p for p in kept if p.kind != "region"] or kept
    return [min(points, key=lambda p: abs(p.start - trigger.start))]


def _lead_date(sentences: list[Sentence], published: date) -> Dated:
    """The date the news is about: a day or week date in the first three sentences within 14 days before
    publication, else the eve of publication to the week."""
    for sentence in sentences[:3]:
        for mention in find_dates(sentence.text, published):
            if mention.dated and mention.dated.precision in ("day", "week") \
                    and 0 <= (published - mention.dated.day).days <= 14:
                return mention.dated
    return Dated(published - timedelta(days=1), "week")


def _resolve(mention: PlaceMention, context: _Context, found: list[PlaceMention]) -> PlaceMention | None:
    if mention.kind != "anaphor":
        return mention
    earlier = [m for m in found if m.end <= mention.start and m.kind in ("base", "place") and not m.reference]
    if mention.head == "area":  # "strikes in the area": the place named before in the sentence, else the last event's
        if mention.relation not in ("in", "near", "around", "across", "over", "inside", "within", "into"):
            return None
        named = [m for m in found if m.end <= mention.start and m.kind in ("base", "place", "region")]
        target = named[-1] if named else context.place
    elif mention.head in ("city", "town", "port", "village") and earlier:
        target = earlier[-1]  # "Residents of Tartus reported explosions near the city"
    else:
        target = context.by_head.get(mention.head) or (context.place if mention.head == "there" else None)
    if target is None:
        return None
    precision = 2 if mention.relation in NEAR_WORDS else target.geo_precision
    return replace(target, start=mention.start, end=mention.end, text=mention.text, relation=mention.relation,
                   geo_precision=precision)


def _clauses(text: str, triggers: list[TriggerMatch], offsets: list[int]) -> list[list[TriggerMatch]]:
    """Split triggers at date offsets ('X came two weeks after Y'): each part is one clause."""
    cuts = sorted(offsets)
    parts: list[list[TriggerMatch]] = [[] for _ in range(len(cuts) + 1)]
    for trigger in triggers:
        parts[sum(trigger.start >= cut for cut in cuts)].append(trigger)
    return parts


def _choose(clause: list[TriggerMatch], sentence: str) -> list[TriggerMatch]:
    """One main trigger per clause (the strongest), plus other triggers of distinct sub-types; none that
    speaks of what could happen (warnings aside)."""
    clause = [t for t in clause if t.trigger.name == "warning" or not hypothetical(sentence, t.start)]
    mains = [t for t in clause if t.main]
    chosen: list[TriggerMatch] = []
    if mains:
        best = min(mains, key=lambda t: (_MAIN_ORDER[t.trigger.name], t.start))
        victims = any(t.trigger.name == "killings" and "kill" in t.text.lower() for t in clause)
        if not (victims and "kill" in best.text.lower()):  # "militants killed nine people": violence against civilians
            chosen.append(best)
    if not chosen or chosen[0].trigger.name not in ("warning", "exercise"):
        seen = {t.trigger.sub_event_type for t in chosen}
        violent = bool(chosen) and (chosen[0].trigger.name != "blasts" or bool(_IMPACT.search(sentence)))
        interception = bool(chosen) and chosen[0].trigger.name == "interception"
        armed = bool(chosen) and chosen[0].trigger.event_type in ("Battles", "Explosions/Remote violence")
        for trigger in clause:
            if armed and trigger.trigger.name == "killings" and re.search(r"\bkill", trigger.text, re.I):
                continue  # "jets bombed X, killing 12 civilians": the strike's deaths, not another event
            if violent and trigger.trigger.name == "deployment" and _FORCE_NOUN.match(trigger.text):
                continue  # "aircraft hit a convoy": the convoy is the target
            if trigger.trigger.name == "deployment" and _FORCE_NOUN.match(trigger.text) and any(
                    t.trigger.name == "withdrawal" and abs(t.start - trigger.start) <= 60 for t in clause):
                continue  # "a convoy left the airport": one movement, the verb's
            if interception and trigger.trigger.name == "capture":
                continue  # "took control of the other six" drones
            if not trigger.main and trigger.trigger.sub_event_type not in seen:
                chosen.append(trigger)
                seen.add(trigger.trigger.sub_event_type)
    taken = [t for t in chosen if t.trigger.name in ("capture", "recapture")]
    if taken and chosen[0].main and chosen[0].trigger.event_type == "Battles":
        chosen = [t for t in chosen if not t.main]  # "captured X after heavy clashes": one battle, won
    return chosen


def _place_clusters(places: list[PlaceMention]) -> list[PlaceMention]:
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
    best = [min(cluster, key=lambda p: (_RELATION_RANK.get(p.relation, 2), p.geo_precision, p.start))
            for cluster in clusters]
    return sorted(best, key=lambda p: p.start)[:MAX_PLACES_PER_TRIGGER]


def _span_distance(trigger: TriggerMatch, place: PlaceMention) -> int:
    """Characters between an event word and a place (0 when they touch or overlap)."""
    return max(place.start - trigger.end, trigger.start - place.end, 0)


def _owner_of(mention, chosen: list[tuple[TriggerMatch, tuple[int, int]]]) -> TriggerMatch | None:
    """The chosen trigger of the same clause nearest to a date mention."""
    inside = [t for t, (a, b) in chosen if a <= mention.start < b]
    return min(inside, key=lambda t: abs(t.start - mention.start)) if inside else None


def _nearest(trigger: TriggerMatch, items: list, clause_bounds: tuple[int, int]):
    inside = [item for item in items if clause_bounds[0] <= item.start < clause_bounds[1]]
    if not inside:
        return None
    return min(inside, key=lambda item: abs(item.start - trigger.start))


def extract_events(text: str, published: date, outlet: str, index: PlaceIndex, *,
                   governorate_of: Callable[[float, float], str] | None = None) -> Extraction:
    """Candidate events in ``text`` (clean article text, see :func:`.text.article_text`) published on
    ``published`` by ``outlet``, placed with ``index``; ``governorate_of(lat, lon)`` fills ``admin1``."""
    sentences = split_sentences(text)
    lead = _lead_date(sentences, published)
    context = _Context(date=lead, lead=lead)
    article_source = _article_source(sentences, text)
    default = no_attribution(outlet)
    raw: list[EventCandidate] = []
    skipped: list[Skipped] = []
    for sentence in sentences:
        body = sentence.text
        if re.match(r"\s*(?:\(?photo|credit|image|follow|share|read more)\b", body, re.I) or _heading(sentence, sentences):
            continue
        mentions = find_dates(body, published)
        found = index.find(body)
        in_country = any(m.kind == "country" for m in found)
        places = [p for p in (_resolve(m, context, found) for m in found if m.kind != "country") if p is not None]
        places = [p for p in places if not p.reference]
        for place in places:
            if place.kind in ("base", "place"):
                context.learn_heads(place)
        attribution = attribution_in(body, text, context.attributions)
        if attribution is not None and attribution.kind == "unattributed" and article_source is not None \
                and re.search(r"\b(?:reportedly|allegedly)\b", body, re.I):
            attribution = article_source  # "allegedly", "reportedly": the sources the article leads with
        if attribution is not None:
            context.attributions.append(attribution)
            context.said = (sentence.paragraph, sentence.number, attribution)
        elif context.said and context.said[0] == sentence.paragraph and sentence.number - context.said[1] <= 2 \
                and context.said[2].explicit and context.said[2].kind != "unattributed":
            attribution = context.said[2]  # the paragraph goes on reporting what that source said
        triggers = find_triggers(body)
        if not triggers:
            if raw and attribution is not None and re.search(r"\b(?:denied|rejected|dismissed|refuted)\b", body, re.I) \
                    and sentence.number - max(raw[-1].sentences) <= 2:
                raw[-1] = replace(raw[-1], sentences=(*raw[-1].sentences, sentence.number))  # contested
            continue
        offsets = [m.start for m in mentions if m.kind == "offset"]
        # "On May 18 aircraft hit a convoy, and on June 6 they destroyed tanks": one clause per dated event
        offsets += [m.start() for m in re.finditer(r",?\s+and\s+(?=on\s+(?:[A-Z][a-z]+\s+\d|\d{1,2}\s+[A-Z]|"
                                                   r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))", body)]
        for match in re.finditer(r",\s+and\s+", body):
            if any(m.kind == "date" and m.start > match.start() for m in mentions) and any(
                    m.kind == "date" and m.start < match.start() for m in mentions):
                offsets.append(match.start())
        offsets = sorted(set(offsets))
        cuts = [0, *offsets, len(body) + 1]
        clauses = _clauses(body, triggers, offsets)
        chosen: list[tuple[TriggerMatch, tuple[int, int]]] = []
        is_hypothetical = hypothetical(body)
        previous_main: TriggerMatch | None = None
        for number, clause in enumerate(clauses):
            picked = _choose(clause, body)
            bounds = (cuts[number], cuts[number + 1])
            dated_clause = any(m.kind == "date" and bounds[0] <= m.start < bounds[1] for m in mentions)
            if not picked and previous_main is not None and dated_clause and body[bounds[0]:].lstrip(", ").startswith("and"):
                picked = [replace(previous_main, start=bounds[0] + 1, end=bounds[0] + 1, definite=False)]
            for trigger in picked:
                chosen.append((trigger, bounds))
                if trigger.main:
                    previous_main = trigger
        if not chosen:
            if is_hypothetical or any(hypothetical(body, t.start) for t in triggers):
                skipped.append(Skipped(sentence.number, sentence.start, sentence.end,
                                       "speaks of what could or would happen"))
            continue
        # Each place belongs to the chosen trigger nearest to it ("after the crackdown" owns none).
        owned: dict[int, list[PlaceMention]] = {n: [] for n in range(len(chosen))}
        owners = [n for n in range(len(chosen)) if not chosen[n][0].definite] or list(range(len(chosen)))
        for place in places:
            owner = min(owners, key=lambda n: _span_distance(chosen[n][0], place))
            owned[owner].append(place)
        abroad = {min(owners, key=lambda n: _span_distance(chosen[n][0], m)) for m in found
                  if m.kind == "country" and m.name != "Syria" and m.relation in WHERE_WORDS}
        referred = [r for r in (_referent(raw, t, sentence.number, None) for t in triggers if t.definite) if r is not None]
        referent = raw[referred[-1]] if referred else None
        if len(chosen) > 1:  # a trigger with no place nearer to it shares the sentence's places
            for number in owned:
                if not owned[number] and not chosen[number][0].definite:
                    owned[number] = list(places) if chosen[number][0].main else []
        made_any = False
        for number, (trigger, bounds) in enumerate(chosen):
            usable = [m for m in mentions if m.kind in ("date", "offset", "since", "vague")]
            events_dates = [m for m in usable if not m.is_statement_date(body)]
            # a date belongs to the event word nearest to it: another event's date is not this one's
            own_dates = [m for m in events_dates if _owner_of(m, chosen) is trigger]
            said_dates = [m for m in usable if m.is_statement_date(body)]
            mention = (_nearest(trigger, own_dates, bounds) or _nearest(trigger, said_dates, bounds)
                       or _nearest(trigger, events_dates, bounds) or _nearest(trigger, usable, bounds))
            if mention is None and bounds[0] > 0:
                mention = next((m for m in mentions if m.kind == "offset" and m.start == bounds[0]), None)
            if mention is not None and mention.kind == "vague":
                skipped.append(Skipped(sentence.number, sentence.start, sentence.end,
                                       f"no date can be given ({mention.text!r})"))
                continue
            anchor = referent.dated if referent is not None else context.date
            own_date = apply_anchor(mention, anchor, published) if mention else None
            if mention is not None and mention.since and mention.kind == "date" and own_date is not None:
                said = [m for m in usable if m.is_statement_date(body) and m.dated]
                end = said[0].dated.day if said else published
                span = (end - own_date.day).days
                if 0 < span <= 62:  # "since June", said in August: the middle of the span, to the month
                    middle = own_date.day + timedelta(days=span // 2)
                    own_date = Dated(middle.replace(day=15), "month")
            dated = own_date or (referent.dated if referent is not None else context.inherited(sentence.paragraph))
            if own_date is None and re.search(r"\bamid\b", body, re.I) and dated.precision == "day":
                dated = Dated(dated.day, "week")  # "came amid reports of ...": about the same time
            if dated.day > published:
                dated = Dated(published, dated.precision)
            trigger_places = _places_for(trigger, owned[number])
            if number in abroad and not trigger_places:
                skipped.append(Skipped(sentence.number, sentence.start, sentence.end,
                                       f"{trigger.text!r} happened outside Syria"))
                continue
            if trigger_places and trigger.definite and own_date is None and len(trigger_places) == 1:
                target = _referent(raw, trigger, sentence.number, None)
                near = target is not None and float(haversine_km(
                    raw[target].latitude, raw[target].longitude, trigger_places[0].latitude,
                    trigger_places[0].longitude)) <= 50 and raw[target].geo_precision >= 2
                if near and trigger_places[0].kind in ("place", "base"):
                    place = trigger_places[0]
                    raw[target] = replace(_refine(raw[target], None, sentence, attribution, body),
                                          location=place.name, latitude=round(place.latitude, 5),
                                          longitude=round(place.longitude, 5), geo_precision=place.geo_precision)
                    made_any = True
                    continue
            if not trigger_places:
                target = _referent(raw, trigger, sentence.number, own_date)
                if target is not None and attribution is not None and attribution.verb in _REPORTING and separate_accounts(
                        raw[target], replace(raw[target], claimed_by=attribution.claimed_by, attributed=attribution.explicit)):
                    # another source's account of the event referred to ("SOHR said the strikes killed 19")
                    account = raw[target]
                    raw.append(replace(account, claimed_by=attribution.claimed_by, status=status_for(attribution),
                                       attributed=True, fatalities=fatalities_in(body),
                                       evidence_spans=((sentence.start, sentence.end),), sentences=(sentence.number,)))
                    made_any = True
                    continue
                if target is not None:
                    raw[target] = _refine(raw[target], own_date, sentence, attribution, body)
                    made_any = True
                    continue
                if referent is not None and trigger.main and not trigger.definite \
                        and referent.sub_event_type != trigger.trigger.sub_event_type:
                    # another account of the event referred to ("state TV said the blasts were an exercise")
                    place = PlaceMention(0, 0, referent.location, referent.location, referent.latitude,
                                         referent.longitude, referent.geo_precision, "place", "referent")
                    trigger_places = [place]
                elif own_date is not None and context.place is not None and not trigger.definite and not in_country \
                        and (trigger.main or len(chosen) == 1):
                    place = context.place
                    precision = max(place.geo_precision, 2) if place.kind != "region" else 3
                    trigger_places = [replace(place, geo_precision=precision, relation="context")]
                else:
                    if attribution is not None and raw and not raw[-1].attributed and attribution.explicit \
                            and sentence.number - max(raw[-1].sentences) <= 2:
                        raw[-1] = replace(raw[-1], claimed_by=attribution.claimed_by, attributed=True,
                                          status=status_for(attribution),
                                          evidence_spans=tuple(sorted({*raw[-1].evidence_spans,
                                                                       (sentence.start, sentence.end)})),
                                          sentences=tuple(sorted({*raw[-1].sentences, sentence.number})))
                        made_any = True
                    else:
                        skipped.append(Skipped(sentence.number, sentence.start, sentence.end,
                                               f"{trigger.text!r} has no place in the sentence"))
                    continue
            source = attribution or default
            actors = actors_in(body)
            date_source = "context" if own_date is None else "statement" if mention.is_statement_date(body) else "sentence"
            if trigger.trigger.name in ("attack", "strike") and raw and sentence.number - max(raw[-1].sentences) <= 2 \
                    and raw[-1].event_type == "Explosions/Remote violence":
                trigger = replace(trigger, trigger=replace(trigger.trigger, event_type=raw[-1].event_type,
                                                           sub_event_type=raw[-1].sub_event_type))
            for place in trigger_places:
                raw.append(_candidate(trigger, dated, place, source, actors, body, sentence, published,
                                      date_source, governorate_of))
                made_any = True
            if own_date is not None or referent is not None:
                context.date = dated
            context.paragraph = sentence.paragraph
        if made_any and raw:
            last = raw[-1]
            for place in places:
                context.remember_place(place)
            if places:
                context.place = next((p for p in places if p.name == last.location), places[-1])
    sentence_text = {s.number: s.text for s in sentences}
    grouped = group_candidates(raw, sentence_text)
    return Extraction(text=text, published=published, outlet=outlet, sentences=sentences, candidates=grouped,
                      skipped=skipped)


def _heading(sentence: Sentence, sentences: list[Sentence]) -> bool:
    """A title or subheading: a paragraph of one short sentence with no closing punctuation."""
    alone = sum(1 for s in sentences if s.paragraph == sentence.paragraph) == 1
    return alone and not re.search(r"[.!?\"”’)]\s*$", sentence.text) and len(sentence.text.split()) <= 40


def _article_source(sentences: list[Sentence], text: str) -> Attribution | None:
    """The source the article's lead sentence names ('..., according to sources who spoke with the WSJ')."""
    body = [s for s in sentences if not _heading(s, sentences) and len(s.text.split()) >= 12]
    if not body:
        return None
    found = attribution_in(body[0].text, text, [])
    return found if found is not None and found.verb == "according to" else None


def _referent(raw: list[EventCandidate], trigger: TriggerMatch, sentence_number: int,
              own_date: Dated | None) -> int | None:
    """The earlier candidate 'the attack' / 'the exercise' / 'such interceptions' refers to, if any."""
    if not raw:
        return None
    wanted = trigger.trigger.sub_event_type
    for number in range(len(raw) - 1, -1, -1):
        candidate = raw[number]
        recent = trigger.definite or sentence_number - max(candidate.sentences) <= 2
        if candidate.sub_event_type == wanted and recent and (own_date is None or overlaps(candidate.dated, own_date)):
            return number
    if trigger.definite or own_date is None:
        last = raw[-1]
        if trigger.trigger.name in ("attack", "strike", "blasts", "drone attack") and (own_date is None
                                                                              or overlaps(last.dated, own_date)):
            return len(raw) - 1
    return None


def _refine(candidate: EventCandidate, own_date: Dated | None, sentence: Sentence, attribution: Attribution | None,
            body: str) -> EventCandidate:
    """Add a sentence that refers back to ``candidate``: a finer date, a source, deaths."""
    changes: dict = {"evidence_spans": tuple(sorted({*candidate.evidence_spans, (sentence.start, sentence.end)})),
                     "sentences": tuple(sorted({*candidate.sentences, sentence.number}))}
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    if own_date is not None and rank[own_date.precision] < rank[candidate.date_precision]:
        changes.update(event_date=own_date.day, date_precision=own_date.precision, date_source="sentence")
    if attribution is not None and attribution.explicit and not candidate.attributed:
        changes.update(claimed_by=attribution.claimed_by, status=status_for(attribution), attributed=True)
    deaths = fatalities_in(body)
    if deaths is not None and candidate.fatalities is None:
        changes["fatalities"] = deaths
    return replace(candidate, **changes)


def _candidate(trigger: TriggerMatch, dated: Dated, place: PlaceMention, source: Attribution, actors: list[str],
               body: str, sentence: Sentence, published: date, date_source: str,
               governorate_of: Callable[[float, float], str] | None) -> EventCandidate:
    sub = trigger.trigger.sub_event_type
    actor1 = actors[0] if actors else ""
    actor2 = actors[1] if len(actors) > 1 else ""
    if sub == "Disrupted weapons use" and re.search(r"\bdrones?\b", body, re.I):
        state = [a for a in actors if a.startswith("Military Forces")]
        actor1 = state[0] if state else (actor1 or "Unidentified armed group")
        actor2 = actor2 if actor2 and actor2 != actor1 else "Unidentified armed group (drones)"
    if sub == "Attack" and trigger.trigger.event_type == "Violence against civilians":
        others = [a for a in actors if a != "Civilians"]
        actor1, actor2 = (others[0] if others else "Unidentified armed group"), "Civilians"
    if sub == "Non-state actor overtakes territory" and actor1.startswith("Military Forces of Syria"):
        sub = "Government regains territory"  # ACLED: the state taking ground back
    if not actor1:
        actor1 = "Unidentified armed group" if trigger.main else "Not named in the report"
    recalled = (published - window(dated)[1]).days > RECALL_DAYS
    admin1 = governorate_of(place.latitude, place.longitude) if governorate_of else ""
    return EventCandidate(
        event_date=dated.day, date_precision=dated.precision, event_type=trigger.trigger.event_type,
        sub_event_type=sub, actor1=actor1, actor2=actor2 if actor2 != actor1 else "", location=place.name,
        latitude=round(place.latitude, 5), longitude=round(place.longitude, 5), geo_precision=place.geo_precision,
        claimed_by=source.claimed_by, status=status_for(source), fatalities=fatalities_in(body), recalled=recalled,
        evidence_spans=((sentence.start, sentence.end),), sentences=(sentence.number,), trigger=trigger.trigger.name,
        attributed=source.explicit, admin1=admin1 or "", date_source=date_source, place_source=place.source)
