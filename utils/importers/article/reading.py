"""One article being read, and one sentence of it read for extraction: its dates, places, attribution and
trigger words, with the reading context (:class:`.context.ReadingContext`) updated as a reader would.

:class:`ArticleRun` holds what the whole pass shares (the text, the publication date, the place index, the
context, the default source, the candidates so far); :func:`read_sentence` gives a sentence's
:class:`SentenceFacts`, or None for a line that is no report (a photo credit, a heading).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from utils.core.geo import haversine_km
from utils.importers.article.attribution import (
    OWN_ACCOUNT,
    Attribution,
    attribution_in,
    canonical_claimant,
    claimant_kind,
)
from utils.importers.article.context import ReadingContext, called_small, is_heading, issue_date, resolve_anaphor
from utils.importers.article.dates import Dated, DateMention, find_dates
from utils.importers.article.districts import city_districts
from utils.importers.article.event_types import TriggerMatch, find_triggers
from utils.importers.article.followups import clause_source
from utils.importers.article.model import EventCandidate, Skipped
from utils.importers.article.places import PlaceIndex, PlaceMention, dateline_end
from utils.importers.article.province_readings import reading_in_province
from utils.importers.article.sentences import Sentence
from utils.importers.article.story_time import dated_line, follow_reference, heading_day
from utils.importers.article.that_year import year_of
from utils.importers.article.unknown_districts import district_mentions, learn_unknown_districts

__all__ = ["ArticleRun", "SentenceFacts", "outlets_own", "read_sentence"]

_TITLE_PLACE = re.compile(r"\b(?:governor|mayor|ambassador|envoy|consul|mufti|bishop|archbishop|police chief|"
                          r"health director|director of health|representative|MP|deputy)\s+(?:of|in|for)\s+(?:the\s+)?"
                          r"(?:(?:city|province|governorate|town)\s+of\s+)?$", re.IGNORECASE)
"""A place that only names an official's post ('the governor of Hama said'): not where the event was, when the
sentence names another place."""
_PERSON_BEFORE = re.compile(r"\b(?:official|spokes(?:man|woman|person)|commander|leader|resident|activist|witness|doctor|"
                            r"farmer|fighter|member|journalist|correspondent|officer|teacher|shepherd|driver|engineer|"
                            r"nurse|survivor|mother|father|son|daughter|brother|sister|cousin|man|woman|boy|girl|student|volunteer|"
                            r"medic|paramedic|neighbou?r|relative|villager|worker|labourer|shopkeeper|trader|lawyer|"
                            r"pharmacist|refugee|husband|wife|widow|uncle|aunt|friend),\s+$")
"""'A Faylaq al-Sham official, Abu Omar al-Halabi, said': a person's name in apposition, never a place."""
_MONUMENT_OF = re.compile(r"\b(?-i:Temple|Tomb|Arch|Theatre|Statue)\s+of\s+$")
"""A monument named for a person or god ('the Temple of Bel', 'the Arch of Triumph'): the name is no place."""
_THE_DOCUMENT = re.compile(r"(?:the\s+)?(?:briefing|statement|communiqu[eé]|press\s+release|bulletin|announcement)",
                           re.IGNORECASE)
"""The statement itself cited as a source ('according to the briefing'): the issuer its heading names."""
_NAMED_BODY_AFTER = re.compile(r"\s+(?:Military\s+|Local\s+|Civil\s+|Provincial\s+|Revolutionary\s+)?(?:Council|Brigades?|"
                               r"Front|Operations\s+Room|Division|Regiment|Battalion|Committee|Coordination)\b")
"""A place that only names a body ('the Deir ez-Zor Military Council', 'the Idlib Operations Room'): not where the event
was, when the sentence names another place."""
_UNKNOWN_PLACE = re.compile(r"\b(?:the|a)\s+(?:(?-i:[a-z])[\w-]+\s+)?(?:(?:al|el|ad|ar|as|ash|at|az)-)?(?:[A-Z][\w'’-]+\s+){1,3}"
                            r"(?:border\s+)?(?:crossing|airfield|"
                            r"air\s*base|airbase|(?:gas|oil)\s+field|dam|checkpoint|camp|outpost|bridge|military\s+airport|prison|"
                            r"garrison|base|district|neighbou?rhood|quarter)\b"
                            # "the besieged district of Baba Amr": a city's district by name
                            r"|\b(?:district|neighbou?rhood|quarter)\s+of\s+(?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?"
                            # "troops took Jabal Badro, a hill overlooking the rebel districts": a place said to be one
                            r"|(?-i:\b[A-Z][\w'’-]+(?:[\s-]+(?:al-|el-)?[A-Z][\w'’-]+){0,2}),\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:hill|hilltop|village|hamlet|district|neighbou?rhood|suburb|mountain|ridge|crossroads)\b")
"""A named facility ('the Semalka crossing', 'the Kharab al-Jir airfield'): an event's place, known or not."""
_FACILITY_NAMED = re.compile(r"\s+(?:military\s+)?(?:air\s*base|airbase|airfield|air\s+field|barracks|garrison)\b",
                             re.IGNORECASE)
"""A town's name that names a facility after it ('the Dabaa airbase'): 'the city' further on is not that facility."""
_NO_REPORT = re.compile(r"\s*(?:\(?photo|credit|image|follow|share|read more)\b", re.IGNORECASE)
"""A caption, credit or sharing line: no report in it."""
_SOURCE_LINE = re.compile(r"\s*[\"“](?P<name>[A-Z][^\"“”]{1,60}?)[\"”]\s*(?:\((?P<about>[^()]{0,160})\))?\s*:?\s*")
"""A line that only names a source, in quotes, with what it is in brackets ('"Eye on the South" (pro-government)'):
a roundup's heading over that source's posts."""
_OTHER_ACCOUNT = re.compile(r"\s*(?P<who>(?:The\s+|the\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}?)\s+(?:gave|offered|told|"
                            r"put\s+forward|presented|has|had)\s+(?:a\s+|an\s+|its\s+own\s+|their\s+own\s+)?(?:very\s+|quite\s+|"
                            r"completely\s+|starkly\s+|entirely\s+)?(?:different|another|contrasting|conflicting|opposite|"
                            r"rival)?\s*(?:account|version|story|narrative)\b")
"""'The Syrian army gave a different account.': a source announced, whose account the next sentences give."""
_GENERIC_POSTER = re.compile(r"\b(?:channel|post|posts|page|account|feed)\b", re.IGNORECASE)
"""'The channel said', 'the post said', 'By evening the channel said': the source the section is about."""


@dataclass
class ArticleRun:
    """What the pass over one article shares: the clean ``text``, the ``published`` date, the place ``index``,
    ``governorate_of(lat, lon)``, the reading ``context``, the ``default`` source (the outlet, or the issuer of a
    statement), the statement's ``issuer``, the article's ``lead_source``, each sentence's paragraph, and the
    candidates (``raw``) and skipped sentences so far."""

    text: str
    published: date
    index: PlaceIndex
    governorate_of: Callable[[float, float], str] | None
    context: ReadingContext
    default: Attribution
    issuer: str | None
    lead_source: Attribution | None
    paragraph_of: dict[int, int]
    raw: list[EventCandidate] = field(default_factory=list)
    year_named: int | None = None
    """The year the text last named in a date ('in late 2012'): what 'in December that year' means."""
    narrative: Dated | None = None
    """The date the text last named with its year and month ('On 20 August 2012'): the narrative's time."""
    reference_day: date | None = None
    """The day of the dated document the section quotes ('Source A - a statement, 22 March 2017'): its 'today'."""
    reference_paragraph: int | None = None
    """The paragraph a log entry's stamp dates ('2019-06-06 09:40 - ...'); None for a label's section."""
    skipped: list[Skipped] = field(default_factory=list)
    near: list[tuple[float, float]] = field(default_factory=list)
    """The article's places read with confidence (:func:`.far_places.confident_points`)."""

    def skip(self, sentence: Sentence, reason: str) -> None:
        """Note that ``sentence`` gave no event, and why."""
        self.skipped.append(Skipped(sentence.number, sentence.start, sentence.end, reason))


@dataclass
class SentenceFacts:
    """One sentence as read: its date ``mentions``, the places ``found`` (countries too) and its own ``places``
    (anaphors resolved, references and titles dropped), whether it names a country, a named facility the
    gazetteer may lack, the place 'it' refers to, its ``attribution`` (replaced by a clause's source as its
    triggers are read), the source it ``stated`` itself, its ``triggers`` and its event ``days``."""

    sentence: Sentence
    body: str
    mentions: list[DateMention]
    found: list[PlaceMention]
    in_country: bool
    unknown_place: re.Match | None
    places: list[PlaceMention]
    pronoun_object: PlaceMention | None
    attribution: Attribution | None
    stated: Attribution | None
    triggers: list[TriggerMatch]
    days: list[Dated]


_OWN_REPORTER = re.compile(r"\b(?:our|its)\s+(?:own\s+)?(?:correspondents?|reporters?)\b", re.IGNORECASE)
"""A newspaper's own reporter: the outlet's reporting, named as the outlet's ('no attribution')."""


def outlets_own(attribution: Attribution | None, default: Attribution, body: str = "") -> Attribution | None:
    """The outlet speaking of itself ('our network documented') as its own, explicit account: named '<outlet> (its
    own network)' when its sources, team or count speak, as the outlet's plain reporting when a reporter of its
    does ('our correspondent reported')."""
    if attribution is not None and attribution.claimed_by == OWN_ACCOUNT:
        own = default.claimed_by if _OWN_REPORTER.search(body) else default.claimed_by.replace(
            " (no attribution)", " (its own network)")
        return replace(default, claimed_by=own, verb=attribution.verb, explicit=True)
    return attribution


def _sentence_places(run: ArticleRun, body: str) -> tuple[list[PlaceMention], list[PlaceMention], PlaceMention | None]:
    """The places ``found`` in ``body``, its own places, and the place named before it ('took it from ...')."""
    context = run.context
    found = [m for m in run.index.find(body, run.near) if not (_PERSON_BEFORE.search(body[max(0, m.start - 40):m.start])
                                                     and re.match(r"(?:\s+(?:al|el|bin|ibn|abu)?[- ]?[A-Z][\w'’-]+)*,", body[m.end:]))
             and not _MONUMENT_OF.search(body[max(0, m.start - 20):m.start])]  # "the Temple of Bel": a deity, no village
    found = learn_unknown_districts(body, found, context.districts)  # "the al-Waer district of Homs city"
    found = sorted([*found, *context.facilities_named(body, found), *district_mentions(body, found, context.districts)],
                   key=lambda m: m.start)
    found = reading_in_province(body, found, run.index.readings)  # "the town of Hadar in Syria's Quneitra province"
    found = context.placed_as_before(found)  # "al-Bayda, a village south of Baniyas" ... "the entrance to al-Bayda"
    # "the Dabaa airbase": the town's name names a base, which 'the city' (there or further on) does not mean
    found = [replace(m, kind="base") if m.kind == "place" and _FACILITY_NAMED.match(body[m.end:m.end + 20]) else m
             for m in found]
    for mention in found:
        if mention.kind == "place" and mention.name not in context.shared_names and _shared(run, mention.text):
            context.shared_names.add(mention.name)
    places = [p for p in (resolve_anaphor(m, context, found, body) for m in found if m.kind != "country") if p is not None]
    places = city_districts(body, places, context.by_head.get("city"), run.index.lookup)  # "the Rawda district"
    context.placed_as_before([p for p in places if p.source.endswith("(district of)")])  # "al-Raml" there again
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
            context.learn_heads(place, called_small(body, place, _smaller(run, place, context.by_head.get("city"))))
    return found, places, pronoun_object


def _shared(run: ArticleRun, name: str) -> bool:
    """True when several places more than 25 km apart bear ``name`` as written."""
    readings = run.index.readings(name)
    return any(float(haversine_km(readings[0].latitude, readings[0].longitude, p.latitude, p.longitude)) > 25.0
               for p in readings[1:])


def _smaller(run: ArticleRun, place: PlaceMention, city: PlaceMention | None) -> bool:
    """True when ``place`` has fewer inhabitants than ``city`` by the gazetteer (a place it does not size has none)."""
    if city is None:
        return False
    mine, theirs = run.index.lookup(place.name), run.index.lookup(city.name)
    return (mine.population if mine is not None else 0) < (theirs.population if theirs is not None else 0)


def _sentence_attribution(run: ArticleRun, sentence: Sentence) -> tuple[Attribution | None, Attribution | None]:
    """The sentence's source (carried over from the paragraph's when it names none) and the one it states itself."""
    body, context = sentence.text, run.context
    attribution = attribution_in(body, run.text, context.attributions)
    other_account = _OTHER_ACCOUNT.match(body) if attribution is None else None
    if other_account:  # "The Syrian army gave a different account.": whom the next 'it said' means
        name = canonical_claimant(other_account["who"], run.text, context.attributions)
        attribution = Attribution(name, claimant_kind(name), "said")
    attribution = outlets_own(attribution, run.default, body)  # "our network documented": the outlet, explicitly
    section = context.section_source
    if section is not None and section[0] == sentence.paragraph - 1 and (
            attribution is None or not attribution.explicit or _GENERIC_POSTER.search(attribution.claimed_by)):
        attribution = replace(section[1], verb=attribution.verb if attribution is not None else section[1].verb)
    if run.issuer is not None and attribution is not None and _THE_DOCUMENT.fullmatch(attribution.claimed_by):
        attribution = replace(attribution, claimed_by=run.issuer, kind="party")  # "according to the briefing": its issuer
    elif attribution is not None and _THE_DOCUMENT.fullmatch(attribution.claimed_by) and context.statement_source:
        attribution = replace(context.statement_source, verb=attribution.verb)  # "X said in a statement ... The
        # statement said": X
    elif attribution is not None and attribution.explicit and attribution.kind == "party" \
            and re.search(r"\b(?:statement|communiqu[eé]|press\s+release)\b", body, re.I):
        context.statement_source = attribution
    stated = attribution  # this sentence's own source, before the paragraph's is carried over
    if attribution is not None and attribution.kind == "unattributed" and run.lead_source is not None \
            and re.search(r"\b(?:reportedly|allegedly)\b", body, re.I):
        attribution = run.lead_source  # "allegedly", "reportedly": the sources the article leads with
    if attribution is not None:
        context.attributions.append(attribution)
        if clause_source(body, 0, run.text, context.attributions, attribution) is not None:
            context.said = (sentence.paragraph, sentence.number, attribution)  # not a side clause's source
    elif context.said and context.said[0] == sentence.paragraph and sentence.number - context.said[1] <= 2 \
            and context.said[2].explicit and context.said[2].kind != "unattributed":
        attribution = context.said[2]  # the paragraph goes on reporting what that source said
    return attribution, stated


def _learn_heading_place(run: ArticleRun, heading: str) -> None:
    """A section heading that is only a place's name ('Kafr Nabudah' above a paragraph): the place the section is
    about, and the one its 'it' and 'the town' refer to."""
    found = run.index.find(heading, run.near)
    named = [m for m in found if m.kind in ("base", "place") and not m.reference]
    if len(found) == 1 and named and len(re.sub(r"[\W_]+", "", heading)) <= len(re.sub(r"[\W_]+", "", named[0].text)) + 2:
        run.context.named = run.context.place = named[0]
        run.context.learn_heads(named[0])
    elif len(found) == 1 and named and run.context.place is None \
            and re.search(rf"\b(?:from|in)\s+{re.escape(named[0].text)}\s*(?::|$)", heading):
        run.context.place = named[0]  # "Notebook from Homs: a week under the rockets": where the text is
        run.context.learn_heads(named[0])


def read_sentence(run: ArticleRun, sentence: Sentence, sentences: list[Sentence]) -> SentenceFacts | None:
    """``sentence`` read (None for a caption, credit or heading), the context updated with what it names."""
    body = sentence.text
    if _NO_REPORT.match(body):
        return None
    alone = sum(1 for s in sentences if s.paragraph == sentence.paragraph) == 1
    named_source = _SOURCE_LINE.fullmatch(body) if alone else None
    if named_source:  # '"Horan Now" (opposition-leaning)': whose posts the next paragraph gives
        run.context.section_source = (sentence.paragraph, Attribution(named_source["name"].strip(), "media", "posted"))
        return None
    if is_heading(sentence, sentences):
        run.reference_day, run.reference_paragraph = heading_day(body, run.published), None
        _learn_heading_place(run, body)
        return None
    follow_reference(run, body, sentence.paragraph, sentence.number == min(
        s.number for s in sentences if s.paragraph == sentence.paragraph))
    mentions = [m for m in find_dates(body, run.reference_day or run.published, run.year_named, run.narrative)
                if m.start >= dateline_end(body) and not issue_date(body, m)]
    named_years = [year_of(m.text) for m in mentions if m.kind == "date" and year_of(m.text)]
    run.year_named = named_years[-1] if named_years else run.year_named  # "in late 2012. In December that year"
    run.narrative = next((m.dated for m in reversed(mentions) if m.kind == "date" and m.dated and year_of(m.text)
                          and m.dated.precision != "year"), run.narrative)  # "On 20 August 2012 ... on 24 August"
    found, places, pronoun_object = _sentence_places(run, body)
    attribution, stated = _sentence_attribution(run, sentence)
    triggers = find_triggers(body)
    label_day = dated_line(body, mentions, alone and not triggers, run.published)
    if label_day is not None:
        run.reference_day, run.reference_paragraph = label_day, None
    days = [m.dated for m in mentions if m.kind == "date" and m.dated and not m.is_statement_date(body)]
    if not triggers and len(days) == 1 and days[0].precision == "day" and days[0].day <= run.published:
        run.context.date, run.context.paragraph = days[0], sentence.paragraph  # "pushed in on Sunday. The YPG said ..."
        named = [p for p in places if p.kind in ("place", "base")]
        if len({p.name for p in named}) == 1 and not any(m.kind == "country" for m in found):  # "a convoy was in X"
            run.context.scene = (sentence.paragraph, sentence.number, named[0])
        elif not named and run.context.place is not None and len(body.split()) <= 5 \
                and sentence.number == min(s.number for s in sentences if s.paragraph == sentence.paragraph):
            # a diary's or chronology's entry opened by its date alone ("Saturday 18 February."): the entry's
            # events are that day, at the place the text is about
            run.context.scene = (sentence.paragraph, sentence.number, replace(run.context.place, geo_precision=max(
                2, run.context.place.geo_precision)))
    return SentenceFacts(sentence=sentence, body=body, mentions=mentions, found=found,
                         in_country=any(m.kind == "country" for m in found), unknown_place=_UNKNOWN_PLACE.search(body),
                         places=places, pronoun_object=pronoun_object, attribution=attribution, stated=stated,
                         triggers=triggers, days=days)
