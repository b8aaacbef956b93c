"""What the text is about so far, as the extractor reads it: the lead date, the last event's date and
place, which place 'the base' or 'the city' means, and the sources named."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from utils.importers.article.attribution import Attribution, attribution_in
from utils.importers.article.dates import Dated, DateMention, find_dates
from utils.importers.article.facilities import distinctive_name
from utils.importers.article.mentions import relation_before
from utils.importers.article.past_texts import anniversary_lead, past_lead, text_date
from utils.importers.article.places import NEAR_WORDS, PlaceMention, dateline_end
from utils.importers.article.province_readings import IN_PROVINCE
from utils.importers.article.sentences import Sentence
from utils.importers.article.unknown_districts import DISTRICT_SOURCE

__all__ = ["ReadingContext", "article_source", "heads_of", "is_heading", "issue_date", "lead_date", "resolve_anaphor"]


@dataclass
class ReadingContext:
    """What the text is about so far: the last event's date and place, the places by kind, the sources."""

    date: Dated
    lead: Dated
    paragraph: int = 0
    place: PlaceMention | None = None
    region: PlaceMention | None = None
    by_head: dict[str, PlaceMention] = field(default_factory=dict)
    strong_heads: dict[str, bool] = field(default_factory=dict)
    attributions: list[Attribution] = field(default_factory=list)
    said: tuple[int, int, Attribution] | None = None
    named: PlaceMention | None = None
    """The last town or base named, even only to locate something ('the road to the Bab al-Hawa crossing')."""
    statement_source: Attribution | None = None
    """The source last quoted from a statement ('X said in a statement'): whom 'the statement said' means."""
    scene: tuple[int, int, PlaceMention] | None = None
    """(paragraph, sentence number, place) of a sentence that only sets a scene, with a day and one place and no
    event word ('On Monday a convoy was unloading at a warehouse in X'): where the next sentences' events are."""
    section_source: tuple[int, Attribution] | None = None
    """(paragraph, source) of a line that only names a source ('"Horan Now" (opposition-leaning)' over a channel's
    posts in a roundup): the source of the paragraph under it, when its sentences name none of their own."""
    facilities: dict[str, PlaceMention] = field(default_factory=dict)
    """A facility named with its facility word ('the al-Omar oil field'), by its distinctive name ('Omar'), so that
    the name alone further on ('before it reached al-Omar') is that facility."""

    districts: dict[str, PlaceMention] = field(default_factory=dict)
    """A city's district the gazetteer lacks, defined by the text (:mod:`.unknown_districts`), by its name."""
    shared_names: set[str] = field(default_factory=set)
    """Places read from a name that several places more than 25 km apart share ('Hadar': a village near Aleppo and
    one on the Golan): an act the text places only by its story does not take such a place."""
    namesakes: dict[str, PlaceMention] = field(default_factory=dict)
    """A village placed near the town the text put it by (:func:`.mentions.anchor_homonyms`: 'al-Bayda, a village a
    few kilometres south of Baniyas'), by its name as written: the same name further on is that village, not its
    namesake elsewhere."""

    def placed_as_before(self, found: list[PlaceMention]) -> list[PlaceMention]:
        """``found`` with each village placed near a town before (:attr:`namesakes`) placed so again; the new ones
        learnt."""
        out = []
        for mention in found:
            key = re.sub(r"^(?:the\s+)?(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?", "", mention.text.lower())
            if mention.kind == "place" and mention.source.endswith(("(near; namesake elsewhere)", "(district of)",
                                                                   IN_PROVINCE)):
                self.namesakes[key] = mention
            elif mention.kind == "place" and key in self.namesakes and not mention.reference:
                before = self.namesakes[key]
                mention = replace(mention, name=before.name, latitude=before.latitude, longitude=before.longitude,
                                  geo_precision=before.geo_precision, source=before.source)
            out.append(mention)
        return out

    def learn_facility(self, mention: PlaceMention) -> None:
        if mention.kind == "base" and mention.source not in ("base", "") and "(spelling)" not in mention.source:
            name = distinctive_name(mention.text)
            if len(name) >= 2 and re.match(r"[A-Z0-9]", name):
                self.facilities[name] = replace(mention, reference=False)

    def facilities_named(self, sentence: str, found: list[PlaceMention]) -> list[PlaceMention]:
        """Mentions of the facilities named before by their distinctive name alone, where ``found`` has none."""
        extra = []
        for name, mention in self.facilities.items():
            for match in re.finditer(rf"\b(?:(?:[Aa][ls]|[Ee]l|[Aa][dnrstz]|[Aa]sh)-)?{re.escape(name)}\b", sentence):
                if all(match.end() <= m.start or match.start() >= m.end for m in [*found, *extra]):
                    extra.append(replace(mention, start=match.start(), end=match.end(), text=match.group(),
                                         relation=relation_before(sentence, match.start())))
        return extra

    def remember_place(self, mention: PlaceMention) -> None:
        self.place = mention
        self.learn_heads(mention)

    def learn_heads(self, mention: PlaceMention, small: bool = False) -> None:
        """Let 'the base', 'the airport' refer to ``mention``; a head word in its own name ('Qamishli
        airport') is not taken over by a place that only might be called so (Khmeimim *air base*). A ``small``
        place (:func:`called_small`) does not take over 'the city'."""
        for head, (strong, target) in heads_of(mention).items():
            if small and head == "city" and self.by_head.get("city") is not None:
                continue
            held = self.strong_heads.get(head)
            if strong or held is None or not held:
                self.by_head[head] = target
                self.strong_heads[head] = strong

    def learn_named_facility(self, mention: PlaceMention, after: str) -> None:
        """'Damascus International Airport' when only Damascus is in the gazetteer: 'the airport' is Damascus's; so
        'the dam' after 'the Tishrin dam', 'the crossing' after 'the Nasib crossing'."""
        named = re.match(r"\s+(?:International\s+|Military\s+|Border\s+)?(Airport|Air\s*Base|Airbase|Airfield|Dam|Bridge|"
                         r"Crossing)\b", after, re.I)
        if named and mention.kind == "place":  # "the Tishrin dam", "the Bab al-Hawa crossing": 'the dam' is there
            head = "air base" if "base" in named.group(1).lower() else named.group(1).lower()
            self.by_head[head] = replace(mention, reference=False)
            self.strong_heads[head] = True

    def inherited(self, paragraph: int) -> Dated:
        """The date of a sentence that gives none: the last event's in this paragraph, else the lead date
        (to the week at best)."""
        if paragraph == self.paragraph:
            return self.date
        lead = self.lead
        return Dated(lead.day, "week") if lead.precision == "day" else lead


def heads_of(mention: PlaceMention) -> dict[str, tuple[bool, PlaceMention]]:
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
        if mention.source.endswith(DISTRICT_SOURCE):  # "Qaboun, a district of Damascus" ... "hit the district"
            heads.update(dict.fromkeys(("district", "neighbourhood", "neighborhood"), True))
    return {**{head: (strong, mention) for head, strong in heads.items()}, "there": (True, mention)}


_ISSUE_LABEL = re.compile(r"^\W*(?:[\w'’-]+\s+){0,3}?(?:bulletin|update|round-?up|digest|briefing|sitrep|diary|edition|"
                          r"newsletter)\s*[,:]?\s*(?:for\s+|of\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$",
                          re.IGNORECASE)
"""'Daily bulletin, Thursday 9 September 2021: ...': the date of the issue, not of the events its title names."""


def issue_date(body: str, mention: DateMention) -> bool:
    """True for the date of an issue in a bulletin's title ('Daily bulletin, Thursday 9 September 2021: ...')."""
    return bool(_ISSUE_LABEL.search(body[:mention.start]) and re.match(r"\s*[:|–—-]\s", body[mention.end:]))


def lead_date(sentences: list[Sentence], published: date) -> Dated:
    """The date the news is about: a day or week date in the first three sentences within 14 days before
    publication; else, for a text about the past, the first date its first sentences name with a year more than a
    year before publication (to the month: an encyclopedia page, a memoir, a retrospective); else the eve of
    publication to the week. The text's own date ('last edited on ...') is none of these."""
    opening = [s for s in sentences[:12] if not is_heading(s, sentences)][:6]
    anniversary = anniversary_lead(opening, published)
    if anniversary is not None:  # "Five years ago today, ...": the story is told on that day, not on the title's
        return anniversary
    for sentence in sentences[:3]:
        for mention in find_dates(sentence.text, published):
            if mention.dated and mention.dated.precision in ("day", "week") and not issue_date(sentence.text, mention) \
                    and mention.start >= dateline_end(sentence.text) \
                    and not text_date(sentence.text[:mention.start]) and 0 <= (published - mention.dated.day).days <= 14:
                return mention.dated  # not the issue's date in its title, nor the text's own ('last edited on')
    past = past_lead(opening, published)
    if past is not None:  # "The Daraya massacre was the killing of ... in late August 2012": a text about that time
        return past
    return Dated(published - timedelta(days=1), "week")


_SMALL_BEFORE = re.compile(r"\b(?P<word>towns?|villages?|hamlets?)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_SMALL_AFTER = re.compile(r",\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?P<word>town|village|hamlet)\b", re.IGNORECASE)
"""A place called a town or a village where it is named ('the besieged towns of X', 'X, a rebel-held village')."""


def called_small(body: str, mention: PlaceMention, smaller_than_city: bool) -> bool:
    """True when ``body`` calls ``mention`` a village or hamlet, or a town while it is smaller than the place 'the
    city' meant so far (``smaller_than_city``): 'the city' further on still means that city."""
    said = _SMALL_BEFORE.search(body[max(0, mention.start - 50):mention.start]) or _SMALL_AFTER.match(body, mention.end)
    return said is not None and (not said["word"].lower().startswith("town") or smaller_than_city)
_APPOSITION = re.compile(r",\s+(?:a|an)\s+[^,.;()]{0,80}?\b(?:of|from|to|near|outside)\s+(?:the\s+)?", re.IGNORECASE)
"""What lies between a place and an anaphor inside its apposition ('X, a village about 20 km north of the city')."""


def resolve_anaphor(mention: PlaceMention, context: ReadingContext, found: list[PlaceMention],
                    body: str = "") -> PlaceMention | None:
    """The place an anaphor of ``body`` ('the city', 'the base', 'there') means; any other mention unchanged."""
    if mention.kind != "anaphor":
        return mention
    # "Dar Kabira, a village 20 km north of the city": an anaphor inside a place's apposition is another place
    earlier = [m for m in found if m.end <= mention.start and m.kind in ("base", "place") and not m.reference
               and not _APPOSITION.fullmatch(body[m.end:mention.start])]
    if mention.head == "area":  # "strikes in the area": the place named before in the sentence, else the last event's
        if mention.relation not in ("in", "near", "around", "across", "over", "inside", "within", "into", "from"):
            return None
        named = [m for m in found if m.end <= mention.start and m.kind in ("base", "place", "region")]
        target = named[-1] if named else context.place
    elif mention.head in ("city", "town", "port", "village") and earlier:
        target = earlier[-1]  # "Residents of Tartus reported explosions near the city"
    elif mention.head in ("base", "air base", "airbase", "garrison") and any(m.kind == "base" for m in earlier):
        target = [m for m in earlier if m.kind == "base"][-1]  # "drones attacked the al-Tanf garrison ... hit the base"
    else:
        target = context.by_head.get(mention.head) or (context.place if mention.head == "there" else None)
    if target is None:
        return None
    precision = 2 if mention.relation in NEAR_WORDS else target.geo_precision
    return replace(target, start=mention.start, end=mention.end, text=mention.text, relation=mention.relation,
                   geo_precision=precision)


def is_heading(sentence: Sentence, sentences: list[Sentence]) -> bool:
    """A title or subheading: a paragraph of one short sentence with no closing punctuation."""
    alone = sum(1 for s in sentences if s.paragraph == sentence.paragraph) == 1
    return alone and not re.search(r"[.!?\"”’)]\s*$", sentence.text) and len(sentence.text.split()) <= 40


def article_source(sentences: list[Sentence], text: str) -> Attribution | None:
    """The source the article's lead sentence names ('..., according to sources who spoke with the WSJ')."""
    body = [s for s in sentences if not is_heading(s, sentences) and len(s.text.split()) >= 12]
    if not body:
        return None
    found = attribution_in(body[0].text, text, [])
    return found if found is not None and found.verb == "according to" else None
