"""A sentence cut into clauses, and the event words each clause gives: cuts at a second date ('On May 18
aircraft hit a convoy, and on June 6 ...'), a cause ('in response to a chemical attack'), a background
'as' clause, a change of source ('..., according to X, and satellite images showed ...'); one main event
word per clause (:func:`.selection.choose_triggers`); each place to a trigger of its own clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from utils.importers.article.attribution import Attribution
from utils.importers.article.dates import BASELINE, WHEN_AFTER, DateMention
from utils.importers.article.event_types import TriggerMatch
from utils.importers.article.followups import source_cuts
from utils.importers.article.mentions import PlaceMention
from utils.importers.article.selection import choose_triggers, span_distance, split_clauses
from utils.importers.article.shared_counts import count_cuts

__all__ = ["Clauses", "choose_in_clauses", "cut_clauses", "own_places"]

_CAUSE = re.compile(r"\b(?:in what (?:\w+\s+){1,3}?(?:said|called|described as|termed)\s+(?:was|were|as)?\s*(?:an?\s+)?"
                    r"(?:\w+\s+)?(?:response|retaliation|reprisal)\s+(?:to|for)|(?:in|as an?|as)\s+(?:\w+\s+)?"
                    r"(?:response|retaliation|reprisal)\s+(?:to|for)|following|after)\s+(?=(?:a|an|the|US|Israeli|Russian|"
                    r"Turkish|Syrian|its|their|an?\s+\w+)\s)|\b(?:after|following)\s+(?:(?:two|three|four|five|six|several|many|\d+)\s+)?"
                    r"(?:days?|weeks?|months?|nights?)\s+of\s+(?=\w)", re.IGNORECASE)
"""Where a cause clause opens: 'in response to', 'as a reprisal for', 'in what they said was a response to'."""


@dataclass(frozen=True)
class Clauses:
    """Where a sentence is cut (``cuts``: character offsets, first 0, last past the end), and which cuts open
    a cause clause (``causes``) or a background clause (``background``)."""

    offsets: list[int]
    cuts: list[int]
    causes: set[int]
    background: set[int]
    shared: set[int] = frozenset()
    """Cuts that open a further count of a shared-out toll (:mod:`.shared_counts`)."""


def baseline_when(sentence: str, mention: DateMention) -> int | None:
    """Where the clause told at a comparison's baseline opens ('the deadliest in Afrin since October 2022, when
    fighters entered the town': at 'since'), or None."""
    if mention.kind != "date" or mention.since or not WHEN_AFTER.match(sentence[mention.end:]):
        return None
    since = re.search(r"\bsince\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", sentence[:mention.start], re.IGNORECASE)
    if since is None or not BASELINE.search(sentence[max(0, since.start() - 90):since.start()]):
        return None
    return since.start()


def closes_its_clause(body: str, mention: DateMention, triggers: list[TriggerMatch]) -> bool:
    """True for an offset that dates the clause before it ('jets struck the town the next day', 'shelled it
    hours later'): no event word after it, and it takes no event of its own ('two weeks after the raid')."""
    return mention.kind == "offset" and not re.search(r"\b(?:after|before)$", mention.text, re.IGNORECASE) \
        and not any(t.start >= mention.end for t in triggers)


def cut_clauses(body: str, mentions: list[DateMention], article: str, attributions: list[Attribution],
                triggers: list[TriggerMatch] = ()) -> Clauses:
    """The clauses of ``body`` (a sentence) given its date mentions and the sources named so far."""
    offsets = [m.start for m in mentions if m.kind == "offset" and not closes_its_clause(body, m, triggers)]
    # "the deadliest since October 2022, when fighters entered the town": that clause is told at the baseline
    offsets += [cut for cut in (baseline_when(body, m) for m in mentions) if cut]
    # "On May 18 aircraft hit a convoy, and on June 6 they destroyed tanks": one clause per dated event
    offsets += [m.start() for m in re.finditer(r",?\s+and\s+(?=on\s+(?:[A-Z][a-z]+\s+\d|\d{1,2}\s+[A-Z]|"
                                               r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))", body)]
    # "IS overran Division 17 in late July; on 7 August it took the Brigade 93 base": a semicolon before a date
    offsets += [m.start() for m in re.finditer(r";\s+", body)
                if any(d.kind == "date" and m.end() <= d.start <= m.end() + 6 for d in mentions)]
    for match in re.finditer(r",\s+and\s+", body):
        if any(m.kind == "date" and m.start > match.start() for m in mentions) and any(
                m.kind == "date" and m.start < match.start() for m in mentions):
            offsets.append(match.start())
        left = {t.trigger.sub_event_type for t in triggers if t.main and not t.definite and t.end <= match.start()}
        right = {t.trigger.sub_event_type for t in triggers if t.main and not t.definite and t.start >= match.end()}
        if left and right and not left & right:
            offsets.append(match.start())  # "clashes continued on Friday, and aircraft struck positions": two events
    # "the attack hit a unit near X, as it supported rebels against an offensive": the background is its own clause
    background = {m.start() for m in re.finditer(r",\s+as\s+(?!well\b|part\b|many\b|much\b|a result\b)", body)}
    offsets += list(background) + source_cuts(body, article, attributions)
    # "fired missiles at X in response to a chemical attack on Y": the other event is a clause of its own
    causes = {m.start() for m in _CAUSE.finditer(body) if m.start() > 0
              and not any(d.start <= m.start() < d.end for d in mentions)}  # not inside "a day after"
    offsets += list(causes)
    shared = set(count_cuts(body))  # "killed 19 in X, and six in Y": each further count an event of its own
    offsets = sorted(set(offsets) | shared)
    cuts = [0, *offsets, len(body) + 1]
    return Clauses(offsets, cuts, causes, background, shared)


def choose_in_clauses(body: str, triggers: list[TriggerMatch], mentions: list[DateMention],
                      clauses: Clauses) -> list[tuple[TriggerMatch, tuple[int, int]]]:
    """The event words each clause gives, with the clause's bounds; a dated clause of its own with no event
    word repeats the one before ('..., and on June 6 they did it again')."""
    cuts = clauses.cuts
    chosen: list[tuple[TriggerMatch, tuple[int, int]]] = []
    previous_main: TriggerMatch | None = None
    previous: TriggerMatch | None = None
    for number, clause in enumerate(split_clauses(body, triggers, clauses.offsets)):
        picked = choose_triggers(clause, body)
        bounds = (cuts[number], cuts[number + 1])
        dated_clause = any(m.kind == "date" and bounds[0] <= m.start < bounds[1] for m in mentions)
        if not picked and previous_main is not None and dated_clause and body[bounds[0]:].lstrip(", ").startswith("and"):
            picked = [replace(previous_main, start=bounds[0] + 1, end=bounds[0] + 1, definite=False)]
        if not picked and previous is not None and bounds[0] in clauses.shared:
            picked = [replace(previous, start=bounds[0] + 1, end=bounds[0] + 1, definite=False)]  # "..., and six in Y"
        for trigger in picked:
            previous = trigger
            chosen.append((trigger, bounds))
            if trigger.main:
                previous_main = trigger
    return chosen


def own_places(places: list[PlaceMention], chosen: list[tuple[TriggerMatch, tuple[int, int]]],
               clauses: Clauses) -> dict[int, list[PlaceMention]]:
    """Each place to the chosen trigger nearest to it in its own clause ('after the crackdown' owns none)."""
    cuts, causes = clauses.cuts, clauses.causes
    # Each place belongs to the chosen trigger nearest to it ("after the crackdown" owns none).
    owned: dict[int, list[PlaceMention]] = {n: [] for n in range(len(chosen))}
    for place in places:
        clause = max(n for n, cut in enumerate(cuts[:-1]) if cut <= place.start)
        if cuts[clause] in causes and not any(bounds[0] == cuts[clause] for _, bounds in chosen):
            continue  # "after a merchant was kidnapped on the highway to Damascus": the cause's place
        # a place belongs to a trigger of its own clause; 'the attack' owns one only when nothing else can
        mates = [n for n in range(len(chosen)) if chosen[n][1][0] <= place.start < chosen[n][1][1]] \
            or list(range(len(chosen)))
        owners = [n for n in mates if not chosen[n][0].definite] or mates
        owner = min(owners, key=lambda n: span_distance(chosen[n][0], place))
        owned[owner].append(place)
    return owned
