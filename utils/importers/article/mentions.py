"""A place named in a sentence and how the sentence relates it: the preposition before it ('over',
'near', 'north of', 'from'), 'between A and B' as one place, and places that only locate another."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from utils.importers.article.speaker_seats import seat_spans

__all__ = ["LOCATIVE", "NEAR_KM", "NEAR_WORDS", "ORIGIN", "PlaceMention", "anchor_homonyms", "join_between", "join_lists",
           "mark_references", "relation_before"]


NEAR_WORDS = ("near", "around", "close to", "outside", "nearby", "outskirts of", "vicinity of", "next to",
              "not far from", "off", "approaching", "towards", "toward")


LOCATIVE = ("over", "in", "at", "inside", "on", "into", "within", "across", "above")


ORIGIN = ("from",)


_RELATION_WORDS = tuple(sorted((*NEAR_WORDS, *LOCATIVE, *ORIGIN, "to", "of", "between", "and", "against",
                                "attack", "attacked", "targeted", "struck", "hit"), key=len, reverse=True))


_DIRECTION = (r"(?:(?:about|some|just|right|only)\s+)?(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles)\s+|"
              r"(?:a\s+few|three|two|five|ten)\s+(?:km|kilometres|kilometers|miles)\s+)?(?:to\s+the\s+)?"
              r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?"
              r"(?:(?:city|town|village|port|provincial capital)\s+of\s+(?:the\s+)?)?$")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a sentence: where (``start``..``end`` in the sentence), what it resolved to, how.

    ``kind``: ``base``, ``place`` (a town), ``region`` or ``anaphor`` ("the city", "the base", "there":
    resolved by the caller from the context). ``relation``: the preposition before it ("over", "near",
    "from", "north of" ...), which sets ``geo_precision`` and how likely it is the event's place.
    ``reference``: the place only locates another one ("Jableh, just 3 km south of Khmeimim").
    """

    start: int
    end: int
    text: str
    name: str
    latitude: float
    longitude: float
    geo_precision: int
    kind: str
    relation: str = ""
    source: str = ""
    reference: bool = False
    head: str = ""


def relation_before(sentence: str, start: int) -> str:
    """The preposition just before ``start`` ('over', 'near', 'north of', 'from' ...), or ''."""
    before = sentence[max(0, start - 80):start]
    direction = re.search(_DIRECTION, before, re.IGNORECASE)
    if direction:
        return "north of" if "north" in direction.group().lower() else "south of" if "south" in \
            direction.group().lower() else "east of" if "east" in direction.group().lower() else "west of"
    if re.search(r"\bfrom\s+(?:[a-z-]+\s+){0,3}(?:in|on|at)\s+(?:the\s+)?$", before, re.IGNORECASE):
        return "from"  # "from front lines in northern Syria": the place is where they come from
    words = re.sub(r"[^\w' -]", " ", before).lower().split()
    tail = words[-7:]
    skippable = {"the", "a", "an", "russian", "russia's", "syrian", "us", "american", "turkish", "its", "their",
                 "city", "town", "village", "of", "port", "illegal", "military", "occupied", "us-occupied",
                 "both", "nearby", "northern", "southern", "eastern", "western", "coastal", "strategic", "main",
                 "key", "southeastern", "northeastern", "province", "base", "region", "area", "southwestern",
                 "northwestern", "small", "large", "naval", "air", "airbase", "russian-run", "north-eastern",
                 "south-eastern", "north-western", "south-western", "central", "north-east", "south-east", "far"}
    for position in range(len(tail) - 1, -1, -1):
        word = tail[position]
        two = " ".join(tail[position - 1:position + 1]) if position else ""
        three = " ".join(tail[position - 2:position + 1]) if position > 1 else ""
        for phrase in (three, two, word):
            if phrase and phrase in _RELATION_WORDS and phrase not in ("of", "and"):
                return phrase
        if word in ("fled", "left", "evacuated", "abandoned", "vacated"):
            return "from"  # "fled the area", "left the town": where they came from
        if word not in skippable:
            return ""
    return ""


def join_between(sentence: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """'between Khmeimim and Tartus': one place midway between the two, as a region (geo_precision 3)."""
    out: list[PlaceMention] = []
    skip = False
    for first, second in zip(mentions, [*mentions[1:], None]):
        if skip:
            skip = False
            continue
        if (second is not None and first.kind != "anaphor" and second.kind != "anaphor"
                and re.fullmatch(r"\s+and\s+(?:the\s+)?", sentence[first.end:second.start])
                and re.search(r"\bbetween\b[^.;]{0,30}$", sentence[:first.start])):
            out.append(PlaceMention(first.start, second.end, sentence[first.start:second.end],
                                    f"Between {first.name} and {second.name}",
                                    round((first.latitude + second.latitude) / 2, 4),
                                    round((first.longitude + second.longitude) / 2, 4), 3, "region", "between"))
            skip = True
            continue
        out.append(first)
    return [m for m in out if not (m.kind == "anaphor" and m.head == "bases" and m.relation == "between")]


def mark_references(sentence: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mark a place that only locates the one before it ('Jableh, just 3 km south of Khmeimim',
    'near Khmeimim close to Jableh')."""
    out: list[PlaceMention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if previous is not None and previous.kind not in ("anaphor", "region", "country") \
                and mention.kind not in ("anaphor", "country"):
            between = sentence[previous.end:mention.start]
            inside = mention.relation == "in" and mention.kind == "place" and previous.kind == "base" \
                and re.fullmatch(r",?\s+in\s+(?:the\s+)?(?:\w+\s+)?", between)  # "Hmeimim air base in Latakia"
            # "near Uqayribat in the eastern Hama desert": the province's open country, named by its town
            inside = inside or mention.relation == "in" and previous.kind == "place" and _OPEN_COUNTRY.match(
                sentence[mention.end:]) and re.fullmatch(r",?\s+in\s+(?:the\s+)?(?:[\w-]+ern\s+)?", between)
            if (inside or len(between) <= 60 and (mention.relation.endswith(" of") or mention.relation in (
                    "close to", "near") and previous.relation in NEAR_WORDS + LOCATIVE)) \
                    and not re.search(r"\b(?:and|while|as|but)\b|[.;]", between):
                mention = PlaceMention(**{**mention.__dict__, "reference": True})
        out.append(mention)
    roads = [m.end() for m in re.finditer(r"\b(?:highway|road|motorway|route)\s+(?:(?:out|back|north|south|east|west)\s+)?(?:to|from|"
                                         r"linking|towards)\s+(?:the\s+)?",
                                         sentence, re.IGNORECASE)]
    out = [PlaceMention(**{**m.__dict__, "reference": True}) if m.start in roads else m for m in out]  # "the highway to X"
    asides = [(m.start(), m.end()) for m in re.finditer(r",\s+(?:which|who)\s+(?:has|have|had|hosts?|houses?|runs?|"
                                                        r"operates?|keeps?|maintains?|controls?)\b[^,;]*,", sentence)]
    asides += [(m.start(), m.end()) for m in _WHERE_IT_LIES.finditer(sentence)] + seat_spans(sentence)
    ends = {m.end for m in out if not m.reference}
    asides += [(m.start(), m.end()) for m in _WHERE_IT_IS.finditer(sentence) if m.start() in ends]
    return [PlaceMention(**{**m.__dict__, "reference": True}) if any(a <= m.start < b for a, b in asides) else m
            for m in out]  # "Russia, which has air defences at its Hmeimim base, condemned ...": background


_OPEN_COUNTRY = re.compile(r"\s+(?:desert|steppe|badia|countryside|plains?|hills|mountains)\b", re.IGNORECASE)
"""Open country named by a town ('the Hama desert', 'the Idlib countryside'): a region, not the town."""
_WHERE_IT_LIES = re.compile(r",\s+(?:which|that)\s+(?:sits|lies|stands|straddles|overlooks|borders|is\s+(?:located|situated|"
                            r"set|perched|built))\b[^;]*?(?:,|(?=[.;]|$))")
"""A relative clause that places a town ('Tal Tamr, which sits on the road linking A to B', ', which lies 10 km from X'):
the places in it only locate that town, up to the next comma or the sentence's end."""
_WHERE_IT_IS = re.compile(r",\s+(?:on\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:river|road|highway|coast|plain)|near\s+the\s+"
                          r"(?:[\w'’-]+\s+){0,3}?(?:mountains|hills|border|coast|frontier))\b[^,;.]*,")
"""The same, reduced, right after the town's name ('Jisr al-Shughur, on the Orontes river near the Latakia mountains,
has been ...'; 'Ariha, near the Turkish border, was ...')."""


NEAR_KM = 40.0
"""'near X', 'outside X', 'close to X': within this distance of X (km); a village found farther is a namesake."""
_LOCATED_NEAR = re.compile(r"(?:\s+(?:bases?|barracks|garrisons?|camps?|airbase|airfield|villages?|towns?|district|area|neighbou?rhoods?))?"
                           # "al-Bayda, a Sunni village in the hills a few kilometres south of Baniyas": the appositive
                           r"(?:,\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:village|town|hamlet|locality|settlement|suburb)"
                           r"(?:\s+(?:in|on|among)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}?)?)?"
                           r",?\s+(?:just\s+)?"
                           r"(?:(?:about\s+|some\s+)?(?P<km>\d+|a\s+few|several)\s*(?:km|kilometres|kilometers)\s+)?(?:(?P<way>(?:north|south)"
                           r"(?:-?(?:east|west))?|east|west)(?:ern)?\s+of|near|outside|close\s+to)\s+(?:the\s+)?"
                           r"(?:(?:city|town)\s+of\s+)?", re.IGNORECASE)
_WAYS = {"north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0)}


def _elsewhere(village: PlaceMention, anchor: PlaceMention, said: re.Match, km: float) -> bool:
    """True when ``village`` cannot be where the words ``said`` put it relative to ``anchor`` (``km`` apart): not
    near it, farther than the distance given, or on the other side of it from the direction given."""
    if said["km"]:  # "a few kilometres": about five
        return km > 1.5 * (float(said["km"]) if said["km"].isdigit() else 5.0) + 20
    if not said["way"]:
        return km > NEAR_KM
    north = village.latitude - anchor.latitude
    east = (village.longitude - anchor.longitude) * math.cos(math.radians(anchor.latitude))
    way = said["way"].lower().replace("-", "")
    wanted = [sum(axis) for axis in zip(*(_WAYS[w] for w in ("north", "south", "east", "west") if w in way))]
    return km > 1.0 and north * wanted[0] + east * wanted[1] < 0


def anchor_homonyms(sentence: str, mentions: list[PlaceMention], distance_km) -> list[PlaceMention]:
    """'the village of Saida, north of Ain Issa', 'the al-Hamidiyeh bases near Maarat al-Numan': a gazetteer village
    that cannot be where the sentence puts it (south of the place it is said to be north of, far from the place it
    is said to be near) is a namesake elsewhere; the event is near that place (geo_precision 2), which then only
    locates it. ``distance_km(a, b)`` is the distance between two mentions."""
    out = list(mentions)
    for n in range(len(out) - 1):
        village, anchor = out[n], out[n + 1]
        if village.kind != "place" or anchor.kind not in ("place", "base") or village.reference:
            continue
        said = _LOCATED_NEAR.fullmatch(sentence[village.end:anchor.start])
        if said is None or not _elsewhere(village, anchor, said, distance_km(village, anchor)):
            continue
        out[n] = replace(village, name=anchor.name, latitude=anchor.latitude, longitude=anchor.longitude,
                         geo_precision=max(2, anchor.geo_precision), source=f"{anchor.source} (near; namesake elsewhere)")
        out[n + 1] = replace(anchor, reference=True)
    return out


_LIST_JOIN = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+)(?:the\s+)?(?:(?:western|eastern|northern|southern|"
                        r"rural|central|north-?\w+|south-?\w+)\s+)?")


def join_lists(sentence: str, mentions: list[PlaceMention], distance_km) -> list[PlaceMention]:
    """'in Idlib and western Aleppo', 'the provinces of Homs and Hama', 'Zamalka and Ein Tarma': the places
    of one list, one place for the event (``A and B``) at their midpoint; a region when they lie more than
    25 km apart or one is a region. ``distance_km(a, b)`` is the distance between two mentions."""
    out: list[PlaceMention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if previous is not None and previous.kind in ("place", "region", "base") \
                and mention.kind in ("place", "region", "base") and not previous.reference and not mention.reference \
                and _LIST_JOIN.fullmatch(sentence[previous.end:mention.start]) and previous.relation != "between" \
                and not (previous.kind == mention.kind == "base") \
                and not re.search(r"\bboth\s+(?:the\s+)?$", sentence[max(0, previous.start - 12):previous.start]):
            # "over both Khmeimim and Tartus", two bases: each place its own event
            spread = distance_km(previous, mention) > 25 or "region" in (previous.kind, mention.kind)
            out[-1] = PlaceMention(previous.start, mention.end, sentence[previous.start:mention.end],
                                   f"{previous.name.replace(' and ', ', ')} and {mention.name}",
                                   round((previous.latitude + mention.latitude) / 2, 4),
                                   round((previous.longitude + mention.longitude) / 2, 4),
                                   3 if spread else max(previous.geo_precision, mention.geo_precision),
                                   "region" if spread else previous.kind, previous.relation, previous.source)
            continue
        out.append(mention)
    return out
