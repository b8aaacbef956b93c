"""Grouping candidates: sentences about one event become one candidate; accounts of one incident share an id.

Two candidates are the same event when they have the same sub-event type, their date windows overlap
and they are within :data:`SAME_EVENT_KM` (or are the same region). Unexplained "blasts" join any
other event at the same place and time ("blasts rocked Tartus as air defences intercepted drones").
Candidates of one incident (within :data:`SAME_INCIDENT_KM` and overlapping in time) share an
``incident`` label; when two of them are different accounts from different sources that contradict
each other ("state TV said an exercise; however, activists said drones were intercepted"), both are
``disputed``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from utils.core.geo import haversine_km
from utils.importers.article.attribution import claimant_kind
from utils.importers.article.dates import Dated, window
from utils.importers.article.named_towns import two_named_towns
from utils.importers.article.sources import same_source

if TYPE_CHECKING:
    from utils.importers.article.candidates import EventCandidate

__all__ = ["SAME_EVENT_KM", "SAME_INCIDENT_KM", "group_candidates", "overlaps"]

_STATE_MEDIA = re.compile(r"^(?:(?:Syria's|Syrian|the)\s+)*state(?:-run)?\s+(?:media|television|TV|news\s+agency(?:\s+SANA)?|radio)$",
                          re.IGNORECASE)
SAME_EVENT_KM = 10.0
SAME_INCIDENT_KM = 10.0
SUMMARY_KM = 30.0
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_CONTRAST = re.compile(r"^\s*(?:however|but|yet|in contrast|on the other hand)\b|\b(?:denied|rejected|dismissed|"
                       r"contradicted|disputed)\b", re.IGNORECASE)


def overlaps(a: Dated, b: Dated, *, slack_days: int = 0) -> bool:
    """True when the date windows of ``a`` and ``b`` overlap (within ``slack_days``)."""
    a_start, a_end = window(a)
    b_start, b_end = window(b)
    return (a_start - b_end).days <= slack_days and (b_start - a_end).days <= slack_days


def distance_km(a: EventCandidate, b: EventCandidate) -> float:
    return float(haversine_km(a.latitude, a.longitude, b.latitude, b.longitude))


def same_place(a: EventCandidate, b: EventCandidate, km: float) -> bool:
    if a.geo_precision == 3 or b.geo_precision == 3:
        return a.location == b.location or (a.geo_precision == b.geo_precision and distance_km(a, b) <= km)
    return distance_km(a, b) <= km


def merge(into: EventCandidate, other: EventCandidate) -> EventCandidate:
    """One candidate from two reports of the same event: the finer date and place, the first named source (of two
    outlets of the state, the one named more fully)."""
    better_date = PRECISION_RANK[other.date_precision] < PRECISION_RANK[into.date_precision]
    better_place = other.geo_precision < into.geo_precision
    claimant, status = into.claimed_by, into.status
    if not into.attributed and other.attributed:
        claimant, status = other.claimed_by, other.status
    if _STATE_MEDIA.search(claimant) and _STATE_MEDIA.search(other.claimed_by) \
            and len(other.claimed_by) > len(claimant):
        claimant = other.claimed_by  # "State media" and "Syrian state television": the outlet named more fully
    if other.status == "confirmed" and other.claimed_by == claimant:
        status = "confirmed"
    fatalities = max((f for f in (into.fatalities, other.fatalities) if f is not None), default=None)
    spans = tuple(sorted({*into.evidence_spans, *other.evidence_spans}))
    return replace(
        into,
        event_date=other.event_date if better_date else into.event_date,
        date_precision=other.date_precision if better_date else into.date_precision,
        location=other.location if better_place else into.location,
        latitude=other.latitude if better_place else into.latitude,
        longitude=other.longitude if better_place else into.longitude,
        geo_precision=other.geo_precision if better_place else into.geo_precision,
        claimed_by=claimant, status=status, attributed=into.attributed or other.attributed,
        actor1=into.actor1 or other.actor1, actor2=into.actor2 or other.actor2,
        fatalities=fatalities, evidence_spans=spans,
        sentences=tuple(sorted({*into.sentences, *other.sentences})))


GENERIC_TRIGGERS = ("blasts", "attack", "strike")
BARE_BOMBING = "bombing"
"""The trigger of an air strike read from the word 'bombing' alone, with no aircraft in its sentence: it may be a
bomb set off, and is that bomb when one is told at the same place and time."""
BOMB_TYPES = ("Remote explosive/landmine/IED", "Suicide bomb")
_NO_ACT_OF_FORCE = {"Deployment", "Displacement", "Headquarters or base established", "Agreement", "Arrests"}
"""Kinds of event that 'the attack' or 'struck' in another sentence never names: a generic trigger there is no report
of them (in their own sentence, 'deployed jets where troops were conducting a raid', it is)."""
"""Triggers that say only that something happened: they join a more specific event at the same place and time."""


def _is_same_event(a: EventCandidate, b: EventCandidate) -> bool:
    # an event dated only by when it was said ("have begun moving ..., the monitor said on Friday") may be a day older
    slack = 1 if "statement" in (a.date_source, b.date_source) else 0
    if not overlaps(a.dated, b.dated, slack_days=slack) or not same_place(a, b, SAME_EVENT_KM):
        return False
    if a.date_source == b.date_source == "sentence" and a.dated != b.dated and a.trigger == b.trigger:
        return False  # two dates of their own: two events ("late on April 24"; "since then, several drones")
    if separate_accounts(a, b):
        return False
    if a.sub_event_type == b.sub_event_type:
        return True
    if {a.sub_event_type, b.sub_event_type} & _NO_ACT_OF_FORCE and not set(a.sentences) & set(b.sentences):
        return False  # "the army said it had struck positions" is no account of jets scrambled or families fleeing
    if a.trigger == BARE_BOMBING and b.sub_event_type in BOMB_TYPES or b.trigger == BARE_BOMBING \
            and a.sub_event_type in BOMB_TYPES:
        return True  # "the bombing of evacuee buses" beside "a suicide car bombing hit the buses": that bomb
    return a.trigger in GENERIC_TRIGGERS or b.trigger in GENERIC_TRIGGERS


def summarises(a: EventCandidate, b: EventCandidate) -> bool:
    """True when one of two candidates is the outlet's own summary of the other, a sourced account of the same
    kind of event on the same days within :data:`SUMMARY_KM` ('Russian warplanes carried out their first air
    strikes near Homs'; 'the ministry said its jets destroyed eight targets in Homs and Hama provinces')."""
    if a.attributed == b.attributed or a.sub_event_type != b.sub_event_type or not overlaps(a.dated, b.dated):
        return False
    limit = 100.0 if 3 in (a.geo_precision, b.geo_precision) else SUMMARY_KM
    return distance_km(a, b) <= limit


def separate_accounts(a: EventCandidate, b: EventCandidate) -> bool:
    """True when two reports come from different kinds of named source (a ministry's, a monitor's): each
    is its own account of the incident, not one event (data/README.md: each report its own row)."""
    named = ("party", "monitor", "media", "evidence")
    kinds = claimant_kind(a.claimed_by), claimant_kind(b.claimed_by)
    if _STATE_MEDIA.search(a.claimed_by) and _STATE_MEDIA.search(b.claimed_by):
        return False  # "State media" and "Syrian state television": one outlet of the state, one account
    return (a.attributed and b.attributed and not same_source(a.claimed_by, b.claimed_by)
            and kinds[0] in named and kinds[1] in named)


def _told_with_its_day(candidate: EventCandidate, other: EventCandidate) -> bool:
    """True when ``other`` may be the same event as ``candidate`` told with a date of its own, up to a day earlier."""
    return other.sub_event_type == candidate.sub_event_type and other.date_source != "statement" \
        and same_place(other, candidate, SAME_INCIDENT_KM) and 0 <= (candidate.event_date - other.event_date).days <= 1


def _statement_dates_resolved(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """An account dated only by its statement ('In a statement on Friday, the ministry claimed ... near Balyun')
    takes the date of the same kind of event at that place reported before it, up to a day earlier. An account
    with no date of its own, dated by the context (the day the text last named: 'The ministry said on Thursday
    ... a military source denied that the hospital was hit'), takes the day of the same kind of event at that place
    told with a day of its own, before it or after it, up to a day earlier; the outlet's own summary of it ahead of
    the account that gives the day ('SUMMARY: US strike near Idlib ... On 31 August a US strike hit ... Idlib'),
    unattributed or by the same source, takes that account's day up to two weeks earlier (not a recalled one)."""
    out: list[EventCandidate] = []
    for n, candidate in enumerate(candidates):
        told = None
        if candidate.event_type == "Strategic developments":  # a warning's day is its own
            pass
        elif candidate.date_source == "statement":
            told = next((e for e in reversed(out) if _told_with_its_day(candidate, e)), None)
        elif candidate.date_source == "context":
            days = [e for e in [*reversed(out), *candidates[n + 1:]] if e.date_source == "sentence"
                    and e.date_precision == "day" and _told_with_its_day(candidate, e)]
            told = days[0] if days else None
            if told is None:  # a summary ahead of the account that gives the event its day ("SUMMARY: US strike near
                # Idlib ... 3. On 31 August a US strike hit ... north of Idlib city"): the same event, that day
                later = [e for e in candidates[n + 1:] if e.date_source == "sentence" and not e.recalled
                         and not candidate.recalled and e.sub_event_type == candidate.sub_event_type
                         and same_place(e, candidate, SAME_INCIDENT_KM)
                         and (not candidate.attributed or same_source(candidate.claimed_by, e.claimed_by))
                         and 1 < (candidate.event_date - e.event_date).days <= 14]
                told = later[0] if later else None
        if told is not None:
            candidate = replace(candidate, event_date=told.event_date, date_precision=told.date_precision,
                                date_source="incident")
        out.append(candidate)
    return out


def _incident_days(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """An account that gives no date of its own (dated by the lead, to the week) takes the day of the other
    accounts of the same kind of event in its incident when they all give the same day of their own: one
    incident, one day (people displaced by a strike keep their own date)."""
    out = list(candidates)
    for i, candidate in enumerate(out):
        if not candidate.incident or candidate.date_source != "context" or candidate.date_precision != "week":
            continue
        days = {e.event_date for e in out if e.incident == candidate.incident and e.date_precision == "day"
                and e.event_type == candidate.event_type
                and e.date_source in ("sentence", "statement", "incident")}
        if len(days) == 1 and overlaps(candidate.dated, Dated(next(iter(days)), "day")):
            out[i] = replace(candidate, event_date=next(iter(days)), date_precision="day", date_source="incident")
    return out


def group_candidates(candidates: list[EventCandidate], sentence_text: dict[int, str]) -> list[EventCandidate]:
    """Merge reports of the same event, then label incidents and mark contradicting accounts disputed."""
    merged: list[EventCandidate] = []
    for candidate in _statement_dates_resolved(candidates):
        for number, kept in enumerate(merged):
            same = _is_same_event(kept, candidate) and not two_named_towns(kept, candidate, sentence_text)
            if same or summarises(kept, candidate) and not kept.recalled:
                if (kept.trigger in GENERIC_TRIGGERS or kept.trigger == BARE_BOMBING
                        and candidate.sub_event_type in BOMB_TYPES) and candidate.trigger not in GENERIC_TRIGGERS:
                    merged[number] = replace(merge(candidate, kept), trigger=candidate.trigger,
                                             event_type=candidate.event_type, sub_event_type=candidate.sub_event_type)
                else:
                    merged[number] = merge(kept, candidate)
                break
        else:
            merged.append(candidate)
    labels: dict[int, str] = {}
    count = 0
    for i, a in enumerate(merged):
        for j in range(i + 1, len(merged)):
            b = merged[j]
            if overlaps(a.dated, b.dated) and same_place(a, b, SAME_INCIDENT_KM) and a.recalled == b.recalled:
                label = labels.get(i) or labels.get(j)
                if not label:
                    count += 1
                    label = f"A{count}"
                labels[i] = labels[j] = label
    out = _incident_days([replace(candidate, incident=labels.get(i, "")) for i, candidate in enumerate(merged)])
    for i, a in enumerate(out):
        for j, b in enumerate(out):
            if j <= i or not a.incident or a.incident != b.incident:
                continue
            different = not same_source(a.claimed_by, b.claimed_by)
            contrast = any(_CONTRAST.search(sentence_text.get(n, "")) for n in (*a.sentences, *b.sentences))
            if different and contrast and a.attributed and b.attributed:
                out[i] = replace(out[i], status="disputed")
                out[j] = replace(out[j], status="disputed")
    return out
