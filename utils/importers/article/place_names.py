"""When a capitalised word is a place's name, and when a name found in the gazetteer is no place here.

Words that are never a place on their own (``STOP_NAMES``: weekdays, nations, parties, leaders), the span of
words that may be a name (``NAME_SPAN``), a name inside a person's longer name ('Ahmed al-Sharaa', 'Ali Abbas'),
the first words of a facility's longer name ('the Qara Qozak bridge'), a facility named before where it is ('the X
prison in the Y district of Z'), and a capital used for its government ('talks with Damascus').
"""

from __future__ import annotations

import re

from utils.data.gazetteer import Place, fold_name

__all__ = ["FACILITY_AFTER", "FUNCTION_WORDS", "LOCATED_FACILITY", "NAME_SPAN", "STOP_NAMES", "first_of_facility_name", "inside_longer_name",
           "is_capital_metonym"]

STOP_NAMES = frozenset(fold_name(word) for word in (
    "The", "However", "Since", "After", "Before", "During", "Another", "Also", "Moreover", "Meanwhile", "Russian",
    "Russia", "Syrian", "Syria", "American", "Turkish", "Iranian", "Israeli", "British", "US", "UK", "UN", "Army",
    "Navy", "Air", "Force", "Forces", "Center", "Centre", "Ministry", "Defence", "Defense", "State", "Islamic",
    "President", "General", "Observatory", "Human", "Rights", "Party", "Front", "Council", "Security", "Games",
    "Twitter", "Google", "News", "Photo", "Credit", "Reuters", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Mediterranean", "Euphrates", "Tower", "North", "South", "East", "West",
    "Hezbollah", "Quds", "Kurdish", "Arab", "Alawite", "Alawites", "Christians", "Sunni", "Shia", "Nusra",
    "Daesh", "ISIS", "ISIL", "May", "March", "Sham", "Ahrar", "Jaish", "Liwa", "Jabhat", "Hayat", "Tahrir", "Saraya",
    "Kataib", "Harakat", "Ansar",
    "Assad", "Al Assad", "Putin", "Erdogan", "Sharaa", "Jolani", "Julani", "Trump", "Biden", "Obama", "Lavrov",
    "Shoigu", "Peskov", "Hassan", "Hussein", "Ali", "Omar", "Abu", "Mohammed", "Muhammad", "Ahmed"))
"""Capitalised words that are never a place on their own."""
FUNCTION_WORDS = frozenset(word.lower() for word in (
    "Here", "There", "This", "That", "These", "Those", "What", "When", "Where", "Who", "Why", "How", "Which", "While",
    "Then", "Now", "Today", "Yesterday", "Later", "Earlier", "Still", "Yet", "Even", "Only", "Both", "Each", "Every",
    "Some", "Many", "Most", "Such", "Our", "Their", "His", "Her", "Its", "We", "They", "He", "She", "It", "Is", "Are",
    "Was", "Were", "Not", "Once", "Within", "Among", "Against", "Under", "Over", "Near", "Into", "From", "With",
    "Without", "Other", "Others", "Again", "Instead", "Despite", "Although", "Though", "Until", "Unless"))
"""English words that open a sentence or a heading ('Here is what we know'), lower-cased: some fold onto a village's
name ('Here' and Al Harah), which a capital letter at a sentence's start does not make a place; the village's own
spelling ('Al Harah') still names it."""

_CAPITAL_METONYMS = re.compile(r"(?:government|authorities|regime|leadership|officials|ties|relations|request|"
                               r"talks|agreement|deal|contact|cooperation|coordination)\s+(?:in|with|of|from)\s+$"
                               r"|(?:with|between)\s+$"
                               # "calls on Damascus to stop", "as Arab criticism of Damascus grew": words to a government
                               r"|\b(?:calls?|called|calling|pressure|pressed|pressing|criticism|condemnation|sanctions|"
                               r"demands?|appeals?|ultimatum)\s+(?:on|of|against|to)\s+$", re.IGNORECASE)
"""Words before a capital that make it its government ('talks with Damascus', 'calls on Damascus')."""

NAME_SPAN = re.compile(r"(?:\b(?:[Aa][ls]|[Aa]sh|[Ee]l|[Aa]d|[Aa]r|[Aa]t|[Aa]z|[Aa]n)-)?[A-Z][\w'’`ʿ-]*"
                        r"(?:\s+(?:(?:al|el|ash|as|ad|ar|at|az|an|ez|es|ed)[- ])?[A-Z][\w'’`ʿ-]*){0,3}")
"""A run of up to four capitalised words, with Arabic articles, that may be a name."""


_LEADING_WORDS = ("in on at near over the however since after before around outside from and but while then "
                  "north south east west central northern southern eastern western syrian russian town city "
                  "village port of")
_LEADING = frozenset(_LEADING_WORDS.split())


_GIVEN_NAMES = frozenset(fold_name(word) for word in (
    "Ali", "Hassan", "Hussein", "Omar", "Mohammed", "Muhammad", "Mohammad", "Ahmed", "Ahmad", "Abdullah", "Khaled",
    "Khalid", "Mahmoud", "Mustafa", "Ibrahim", "Youssef", "Yusuf", "Samir", "Bashar", "Maher", "Walid", "Fahd",
    "Hamid", "Rami", "Salim", "Salem", "Nasser", "Imad", "Fayez", "Abdul", "Abdel", "Ayman", "Tariq", "Ziad",
    "Abu", "Umm", "Bin", "Ibn"))
"""Given names and kunya or nasab words: the word after one is a surname ('the defence minister, Ali Abbas', 'known
as Abu Khawla'), not a village; a place whose whole name begins so ('Abu Kamal') is matched whole first."""


def inside_longer_name(sentence: str, start: int) -> bool:
    """True when the capitalised word just before ``start`` belongs to the same name ('Ahmed al-Sharaa', 'Ali
    Abbas': a given name, though no place itself)."""
    match = re.search(r"([A-Z][\w'’-]*)\s+$", sentence[max(0, start - 30):start])
    if match and fold_name(match.group(1)) in _GIVEN_NAMES:
        return True
    return bool(match) and match.group(1).lower() not in _LEADING and fold_name(match.group(1)) not in STOP_NAMES


FACILITY_AFTER = re.compile(r"\s+(?:bridge|dam|crossing|checkpoint|roundabout|junction|prison|camp|hill|mountain)\b",
                             re.IGNORECASE)
_NAME_PARTS = frozenset(("military", "international", "air", "airport", "base", "central", "main", "new", "old", "grand",
                         "great", "national", "civil", "border", "oil", "gas", "northern", "southern", "eastern",
                         "western", "north", "south", "east", "west", "upper", "lower", "city", "province",
                         "countryside"))


LOCATED_FACILITY = re.compile(
    r"\s+(?:prison|jail|hospital|school|factory|plant|mosque|church|market|stadium|university|camp|compound|complex|"
    r"silos?|warehouses?)\s+(?:in|of|near|outside|on\s+the\s+(?:edge|outskirts)\s+of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]+\s+(?:neighbourhood|neighborhood|district|quarter|area|suburb)\s+of\s+)?"
    r"(?:(?:[Aa][lsnrdtz]|[Ee]l)-)?[A-Z]")
"""A facility whose name is followed by where it is ('the X prison in the Y district of Z'): X names the facility,
the place is the one after it."""


def first_of_facility_name(words: list[str], taken_to: int, after: str) -> bool:
    """True when a gazetteer name is only the first words of a longer name of a facility ('the Qara Qozak bridge' is
    no bridge in Qarah): more capitalised words follow it, none a generic part, then a facility word."""
    rest = words[taken_to:]
    return bool(rest) and not any(w.lower().strip("'’") in _NAME_PARTS for w in rest) and bool(FACILITY_AFTER.match(after))


def is_capital_metonym(sentence: str, start: int, place: Place) -> bool:
    """True for a capital used for its government ('talks with Damascus', 'the government in Damascus')."""
    if place.population < 1_000_000 or place.source == "base":
        return False
    before = sentence[max(0, start - 40):start]
    after = sentence[start:start + 60]
    if re.match(r"[\w-]+\s+(?:regime|government|authorities|leadership)\b", after, re.IGNORECASE):
        return True  # "the Damascus regime's media": the government named by its seat, not a place
    if re.match(r"[\w-]+\s+[\"“”']?(?:would|should|must|has\s+so\s+far|has\s+long|denies|denied|insists|insisted|wants|"
                r"refused|rejected|chose|blamed|responded)\b", after):
        return True  # "Damascus would be wise to stay away", "Damascus has so far chosen to wait": its government
    return bool(_CAPITAL_METONYMS.search(before)) or bool(
        re.match(r"[\w' -]+?\s+(?:said|says|warned|accused|accuse|denied|deny|claimed|announced)\b", after))
