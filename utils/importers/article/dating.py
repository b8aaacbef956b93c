"""The date of one event word: its own date mention (the nearest of its clause), a statement's, the lead
date of the sentence, or the context's; 'since late August', 'since June' and 'amid' resolved; never
after publication."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from utils.importers.article.anchoring import apply_anchor
from utils.importers.article.context import ReadingContext
from utils.importers.article.dates import Dated, DateMention
from utils.importers.article.event_types import TriggerMatch
from utils.importers.article.model import EventCandidate
from utils.importers.article.observations import without_observation_dates
from utils.importers.article.selection import nearest, owner_of
from utils.importers.article.sentences import Sentence

__all__ = ["TriggerDate", "trigger_date"]


_PAST_ASIDE = re.compile(r"\b(?:who|which)\s+(?:had|has|have)\s+(?!been\s+(?:killed|wounded|injured)\b)[^,;.]*")
"""A relative clause in the perfect about a person or thing ('a commander who had accepted a settlement in 2018'):
its date is that clause's, not the event's, when the sentence dates the event elsewhere."""


@dataclass(frozen=True)
class TriggerDate:
    """``mention`` (the date words used, or None), ``own`` (the date they give, or None) and ``dated``
    (the date the event gets); ``vague`` when the words give no date at all ('in recent years')."""

    mention: DateMention | None
    own: Dated | None
    dated: Dated | None
    vague: bool = False


def trigger_date(trigger: TriggerMatch, bounds: tuple[int, int], chosen: list, mentions: list[DateMention],
                 body: str, sentence: Sentence, referent: EventCandidate | None, context: ReadingContext,
                 published: date) -> TriggerDate:
    """When the event of ``trigger`` (in the clause ``bounds`` of ``body``) happened."""
    usable = without_observation_dates(body, [m for m in mentions if m.kind in ("date", "offset", "since", "vague")])
    asides = [(a.start(), a.end()) for a in _PAST_ASIDE.finditer(body) if not a.start() <= trigger.start < a.end()]
    outside = [m for m in usable if not any(a <= m.start < b for a, b in asides)]
    if outside:  # "shot dead X, a commander who had accepted a settlement in 2018, ... on Wednesday": not 2018
        usable = outside
    inside = next((m for m in usable if m.kind == "vague" and m.start <= trigger.start < m.end), None)
    if inside is not None:  # "has counted more than 300 attacks ... since March": the event word is the tally's
        return TriggerDate(inside, None, None, vague=True)
    events_dates = [m for m in usable if not m.is_statement_date(body)]
    opening = next((m for m in events_dates if m.opens_a_statement(body)), None)
    if opening is not None and any(m.start > opening.end and m.kind == "date" and m.dated is not None
                                   and m.dated.precision == "day" for m in events_dates):
        # "Earlier this month the army said it had taken X on June 3": the opening date is when it was said
        events_dates = [m for m in events_dates if m is not opening]
    else:
        opening = None
    # a date belongs to the event word nearest to it: another event's date is not this one's
    own_dates = [m for m in events_dates if owner_of(m, chosen) is trigger]
    said_dates = [m for m in usable if m.is_statement_date(body) or m is opening]
    mention = (nearest(trigger, own_dates, bounds) or nearest(trigger, said_dates, bounds)
               or nearest(trigger, events_dates, bounds) or nearest(trigger, usable, bounds))
    if mention is None and bounds[0] > 0:
        mention = next((m for m in mentions if m.kind == "offset" and m.start == bounds[0]), None)
    if mention is None and mentions and mentions[0].start <= 3 and mentions[0].kind == "date" \
            and owner_of(mentions[0], chosen) is None:
        mention = mentions[0]  # "In June 2017, after the attacks in Tehran, the IRGC launched ...": the lead date
    if mention is None and bounds[0] > 0:  # "clashes continued on Friday, and aircraft struck ...": that day too
        mention = next((m for m in reversed(mentions) if m.kind == "date" and m.end <= bounds[0]
                        and not m.is_statement_date(body)), None)
    if mention is not None and mention.kind == "vague":
        return TriggerDate(mention, None, None, vague=True)
    anchor = referent.dated if referent is not None else context.date
    if mention is not None and mention.kind == "offset":  # "Homs fell on 7 December, and the next morning ...": that day
        before = [m for m in mentions if m.kind == "date" and m.dated and m.end <= mention.start]
        anchor = before[-1].dated if before else anchor
    own_date = apply_anchor(mention, anchor, published) if mention else None
    if mention is not None and mention.since and mention.kind == "date" and own_date is not None:
        said = [m for m in usable if m.is_statement_date(body) and m.dated]
        end = said[0].dated.day if said else published
        span = (end - own_date.day).days
        start = re.search(r"\bsince\s+(late|early|mid)", mention.text, re.I)
        if start:  # "since late August": when it began, to the month (late 25th, early 5th)
            day = {"late": 25, "early": 5, "mid": 15}[start.group(1).lower()]
            own_date = Dated(own_date.day.replace(day=day), "month")
        elif 0 < span <= 62:  # "since June", said in August: the middle of the span, to the month
            middle = own_date.day + timedelta(days=span // 2)
            own_date = Dated(middle.replace(day=15), "month")
    dated = own_date or (referent.dated if referent is not None else context.inherited(sentence.paragraph))
    if own_date is None and re.search(r"\bamid\b", body, re.I) and dated.precision == "day":
        dated = Dated(dated.day, "week")  # "came amid reports of ...": about the same time
    if dated.day > published:
        dated = Dated(published, dated.precision)
    return TriggerDate(mention, own_date, dated)
