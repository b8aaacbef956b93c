"""The words that name a source in a sentence: the subject before a reporting verb (past asides and
titles), a person's fullest mention in the article, the organisation a generic subject stands for.
Used by :mod:`.attribution`."""

from __future__ import annotations

import re

from utils.importers.article.calendar_days import MONTH_WORDS

__all__ = ["REPORTING_VERBS"]

_VERBS = (r"said|says|say|claimed|claims|claim|confirmed|confirms|confirm|reported|announced|announces|stated|"
          r"told|tells|warned|warns|noted|added|adds|accused|blamed|blames|described|alleged|alleges|insisted|insists|"
          r"denied|denies|rejected|revealed|reveals|showed|shows|pointed out|puts? the (?:death )?toll|"
          r"gave\s+(?:a\s+)?(?:very\s+|quite\s+|completely\s+|starkly\s+)?different\s+(?:account|version)|"
          r"told\s+(?:a\s+different|another)\s+story|"
          r"(?<!\ba )(?<!\bthe )(?<!\bthis )(?<!\bthat )(?<!\bno )report(?=\s+that\b)")
"""Reporting verbs in their finite forms ('say' for 'US officials say', 'activists report that'); not nouns too
('reports', 'states', 'notes', 'a report that'), nor '-ing' forms, which are asides. 'X gave a different account'
and 'X told another story' announce X's account: the 'It said' after them is X's."""
_SUBJECT_STOP = re.compile(r"(?:^|[.;:!?\"“”]|\((?!(?:the\s+)?[A-Z][\w' -]{1,40}\))|\b(?:that|which|and|but|while|as|when|after|before|because|"
                           r"where|what|since|if|however|moreover|meanwhile)\b|,)", re.IGNORECASE)
_TITLES = r"(?:deputy|head|chief|spokes(?:man|woman|person)|commander|minister|director|president|general|" \
          r"secretary|leader|official|ambassador|envoy|governor|mayor|advis[eo]r|prosecutor|chairman|officer)"
_DESCRIBED = (r"the\s+(?:[\w-]+\s+){0,3}?(?:service|group|monitor|agency|organi[sz]ation|body|network|alliance|umbrella|"
              r"faction|outlet|arm|wing|branch|channel|broadcaster|militia|coalition|movement)")
"""An apposition that describes the source before its verb ('the White Helmets, the rescue service in rebel areas,
says')."""


_MONTH = rf"(?:{MONTH_WORDS})"
_LEADING_DAY = re.compile(rf"^(?:(?i:in|on|by)\s+)?(?:(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}(?:\s+\d{{1,2}},?)?)\s+\d{{4}}),?\s+"
                          r"(?=[A-Z]|(?:the|an?)\s)")
"""A day or month with its year before a source's name ('March 2014 Syrian state television said')."""
_CITATION_MARKS = re.compile(r"(?:\s*\[\d{1,3}\])+$")
"""Footnote marks after a source's name ('the district's local council [3] said')."""


def _tidy(who: str) -> str:
    who = re.sub(r"\s+", " ", who).strip(" ,.;:\"“”'’")
    who = _CITATION_MARKS.sub("", _LEADING_DAY.sub("", who)).strip(" ,.;:")
    who = re.sub(r"^\d{1,2}[:.]?\d{0,2}\s*(?:[ap]\.?m\.?)?\s*[-–—]+\s*", "", who)  # "10:15 - The Israeli military"
    who = re.sub(r"^[A-Z][A-Z'’. /-]{2,}(?:\s*\([^)]{1,30}\))?\s*[-–—]+\s*", "", who)  # "AMMAN (Wire) - Jordan's army"
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^(?:on|late on|early on)\s+\w+\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^(?:earlier|later|late|early)\s+(?:this|last|that|in the)\s+\w+\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s+(?:reports|report|statements?|briefings?)$", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s+(?:(?:late|early)\s+)?(?:on|in|at|last)\s+(?:(?:the|a)\s+)?(?:\w+day|morning|evening|night|week|"
                 r"statement|briefing)$", "", who, flags=re.IGNORECASE)  # "the Kremlin on Tuesday"
    who = re.sub(r"\s*\((?:[A-Z]{2,6})\)$", lambda m: m.group(), who)
    return who[:1].upper() + who[1:] if who else who


def _full_name(surname: str, article: str) -> str:
    """The first mention of a person in the article with their title ('Oleg Yegorov, deputy head of ...')."""
    pattern = (rf"((?:(?:Maj\.|Gen\.|Lt\.|Col\.|Brig\.|Major General|General|Mr\.?|Dr\.?)\s+)*(?:[A-Z][\w'-]+\s+)"
               rf"{{0,2}}{re.escape(surname)})(?:,\s+((?:the\s+)?{_TITLES}[^,.;\"“]{{3,90}}?))?(?=\s+(?:{_VERBS})\b|[,.;]|$)")
    for match in re.finditer(pattern, article):
        name, title = match.group(1).strip(), (match.group(2) or "").strip()
        if title:
            return f"{name}, {title}"
    match = re.search(rf"((?:[A-Z][\w'-]+[ \t]+){{0,2}}{re.escape(surname)})", article)  # a name is on one line
    return match.group(1).strip() if match else surname


_DATELINE_DATE = re.compile(r"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?"
                            r"\s+\d{1,2},?)(?:\s+\d{4})?\s*(?:\([A-Z][\w .-]{1,40}\))?\s*[-–—]+\s*")
"""A dateline's date before the subject ('ANKARA, 25 December 2020 - The ministry said', 'BEIRUT, May 27 (X Agency) -
UN monitors said'; the city is cut at the comma)."""
_TRAILING_ADVERB = re.compile(r"\s+(?:also|later|further|separately|again|then|earlier|previously|too|itself|"
                              r"themselves|meanwhile|additionally|subsequently)$", re.IGNORECASE)
"""An adverb between the subject and its reporting verb: no part of the source's name."""
_FRONTED_TIME = re.compile(r"^(?:by|at|in\s+the|during\s+the|later\s+(?:on|in\s+the)|early\s+(?:on|in\s+the)|late\s+"
                           r"(?:on|in\s+the)|on)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*)?(?:evening|morning|"
                           r"afternoon|night|noon|midday|dawn|dusk|nightfall|midnight)?\s*,?\s+(?=(?:the|a|an)\s|[a-z])",
                           re.IGNORECASE)
"""A time phrase fronted before the subject ('By evening the channel said', 'At noon the ministry said'): no part
of the source's name."""


def _subject_before(sentence: str, verb_start: int) -> str:
    """The noun phrase just before a reporting verb (back to a clause boundary), with a name's title."""
    before = sentence[:verb_start]
    # "The SDF, which control the city, said": skip a relative or participle clause between subject and verb
    aside = re.search(rf"(?<=[A-Za-z)]),\s*(?:which|who|whose|one of|among|citing|quoting|backed by|led by|based in|(?:also\s+)?known as|an?|[a-z]+ing|(?:the\s+)?"
                      rf"(?:deputy\s+)?{_TITLES}|{_DESCRIBED})\b[^,]*,\s*$", before)
    if aside:
        before = before[:aside.start()] + " "
    apposed = re.search(rf"(?:^|,)\s*((?:the\s+)?(?:[\w'-]+\s+){{0,3}}{_TITLES}\b[^,]{{0,60}}),\s*((?:[A-Z][\w'.-]+\s+)"
                        rf"{{0,3}}[A-Z][\w'-]+)\s*,\s*$", before, re.IGNORECASE)
    if apposed and re.match(r"[A-Z]", apposed.group(2)):  # "the governor of Hatay, Rahmi Dogan, said"
        title = re.sub(r"^the\s+", "", apposed.group(1).strip(), flags=re.IGNORECASE)
        return f"{title[:1].upper()}{title[1:]}, {apposed.group(2).strip()}"
    if re.search(r"\b(?:and|but)\s*$", before):  # "SANA called the strikes an aggression and said", "... but said"
        lead = re.match(r"\s*((?:[\w'’-]+\s+){1,8}?)(?:[a-z]+ed|called|said|says|blamed|condemned|accused)\b", before)
        if lead and re.search(r"[A-Z]", lead.group(1)):
            return lead.group(1).strip()
    cuts = [m.end() for m in _SUBJECT_STOP.finditer(before)]
    start = cuts[-1] if cuts else 0
    subject = before[start:].strip()
    if not subject or re.fullmatch(r"[A-Z]{2,6}", subject) and before.rstrip().endswith(","):
        # "Russia's Foreign Intelligence Service, SVR, warned" (not "..., SANA reported")
        chunks = [c.strip() for c in re.split(r",", before.rstrip(" ,"))]
        if len(chunks) >= 2 and re.fullmatch(r"[A-Z]{2,6}", chunks[-1]) and re.search(r"[A-Z]", chunks[-2]):
            head = re.split(r"\b(?:that|which|and|but|while|as|when|after|before|since)\b", chunks[-2])[-1].strip()
            subject = f"{head}, {chunks[-1]}" if head else chunks[-1]
    subject = _DATELINE_DATE.sub("", subject)  # "25 December 2020 - The ministry said": the dateline's date
    subject = _TRAILING_ADVERB.sub("", subject)  # "The SDF also said", "the ministry later said"
    subject = _FRONTED_TIME.sub("", subject)  # "By evening the channel said": the channel
    if re.match(rf"(?:the\s+)?{_TITLES}\b", subject, re.IGNORECASE) and start and before[start - 1] == ",":
        name = re.search(r"((?:[A-Z][\w'.-]+\s+){1,3}[A-Z][\w'-]+)\s*,\s*$", before[:start])
        if name:
            subject = f"{name.group(1)}, {subject}"
    return subject


_ORGANISATION = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w'-]+\s+){1,5}(?:Forces|Front|Army|Party|Movement|Group|Council|"
                           r"Units|Resistance|Brigades?|Committee)(?:\s+\([A-Z]{2,6}\))?|[A-Z]{3,5}(?=\s+(?:said|says)\b))")


def _organisation_before(article: str, sentence: str, verb_start: int) -> str:
    """The organisation last named before a generic subject ('the Kurdish-led group' -> the SDF)."""
    before = sentence[:verb_start]
    found = _ORGANISATION.findall(before)
    if not found:
        position = article.find(sentence)
        found = _ORGANISATION.findall(article[:position if position >= 0 else 0])
    return found[-1].strip() if found else ""



REPORTING_VERBS = _VERBS
