"""Who says so, and how far it is established: claimed_by and status by the project's rules.

``according to Syrian media reports`` -> *Syrian media*; ``Yegorov said at a briefing`` -> the
fullest mention of Yegorov in the article (*Oleg Yegorov, deputy head of the Russian MoD's Center
for Reconciliation in Syria*); ``the Observatory confirmed`` -> the monitor, *confirmed*; ``was
reportedly shot down`` -> *Unattributed reports*; nothing -> *<outlet> (no attribution)*.

Status (data/README.md): a party with a stake (a ministry, a military, officials, state media, a
named official, an armed group) *claimed*; media, activists, monitors, unnamed reports and the
outlet itself *reported*; an independent monitor that *confirms*, or satellite imagery, *confirmed*.
*Disputed* needs a second account of the same incident and is set when candidates are grouped
(:mod:`utils.importers.article.incidents`). A claim is never a fact: nothing here makes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Attribution", "attribution_in", "claimant_kind", "no_attribution", "source_like", "status_for"]

_VERBS = (r"said|says|claimed|claims|claim|confirmed|confirms|reported|announced|announces|stated|"
          r"told|warned|warns|noted|added|accused|blamed|blames|described|alleged|alleges|insisted|denied|rejected|revealed|"
          r"showed|shows|pointed out")
_SUBJECT_STOP = re.compile(r"(?:^|[.;:!?\"“”(]|\b(?:that|which|and|but|while|as|when|after|before|because|"
                           r"where|since|if|however|moreover|meanwhile)\b|,)", re.IGNORECASE)
_TITLES = r"(?:deputy|head|chief|spokes(?:man|woman|person)|commander|minister|director|president|general|" \
          r"secretary|leader|official|ambassador|envoy)"
_PARTY = re.compile(
    r"\b(?:ministry|mod|mod's|defen[cs]e|military|army|government|officials?|spokes(?:man|woman|person)|president|"
    r"commander|general|gen\.|kremlin|pentagon|centcom|central command|coalition|intelligence|svr|state[- ]"
    r"(?:television|tv|media|news|affiliated)|sana|tass|ria novosti|forces|head of|minister|command|marines|"
    r"militants|rebels|armed group|militia|navy|air force|aerospace|reconciliation|white house|national defen[cs]e|"
    r"sdf|democratic forces|islamic resistance|hayat tahrir|hts|isis|islamic state|taliban|hezbollah|irgc)\b",
    re.IGNORECASE)
_MONITOR = re.compile(r"\b(?:observatory|sohr|monitor|monitoring group|monitors|airwars|acled)\b", re.IGNORECASE)
_EVIDENCE = re.compile(r"\b(?:satellite (?:images?|imagery|photos?|pictures)|imagery)\b", re.IGNORECASE)
_SOCIAL = re.compile(r"\b(?:videos?|photos?|footage|images?|pictures)\b[^.]{0,40}\b(?:social (?:networks|media)|"
                     r"online|posted)\b|\b(?:videos?|photos?|footage) (?:posted|shared|circulating)\b", re.IGNORECASE)
_UNATTRIBUTED = re.compile(r"\b(?:reportedly|allegedly|reports (?:of|that|released|say|said)|reports\b(?=[^.]{0,30}"
                           r"\b(?:revealed|said|say|suggest))|(?:is|are|was|were) said to|(?:was|were) reported|"
                           r"it is reported|according to reports|unconfirmed reports|amid reports)\b", re.IGNORECASE)
_GENERIC_HEADS = ("ministry", "monitoring group", "monitor", "observatory", "intelligence service", "service",
                  "agency", "group", "army", "military", "command", "officials", "official", "newspaper", "daily",
                  "television", "spokesman", "president", "general", "head of russian intelligence", "the head of")


@dataclass(frozen=True)
class Attribution:
    """Who makes the claim in a sentence, what kind of source it is and the verb ('said', 'confirmed')."""

    claimed_by: str
    kind: str
    verb: str = ""
    explicit: bool = True
    """False for the default (the outlet on its own authority)."""


def no_attribution(outlet: str) -> Attribution:
    """The outlet states it on its own authority."""
    return Attribution(f"{outlet.strip() or 'The outlet'} (no attribution)", "outlet", "", explicit=False)


def claimant_kind(claimant: str) -> str:
    """``monitor``, ``evidence``, ``party``, ``unattributed`` or ``media`` for a claimant's words."""
    if _MONITOR.search(claimant):
        return "monitor"
    if _EVIDENCE.search(claimant):
        return "evidence"
    if re.search(r"\bunattributed\b|\breports\b$", claimant, re.I):
        return "unattributed"
    if _PARTY.search(claimant):
        return "party"
    if re.search(r"\b(?:media|activists?|residents?|witness(?:es)?|sources?|journal|newspaper|daily|outlet|"
                 r"reporters?|correspondents?|social|videos?|photos?|agency|agencies|television|tv)\b", claimant, re.I):
        return "media"
    if re.fullmatch(r"(?:[A-Z][\w.'-]+\s*){1,4}", claimant.strip()):
        return "party"  # a named person quoted on their own: an official, a commander, a spokesman
    return "media"


_INVERTING = ("said", "says", "reported", "added", "stated", "claimed", "noted", "announced", "confirmed", "alleged")
"""Verbs that put the source after them (', said the ministry'); not 'told reporters', 'warned Moscow'."""
_CLAUSE_WORDS = re.compile(r"\b(?:that|had|have|has|was|were|is|are|would|will|could|may|might|died|killed|been|"
                           r"on|at|in|after|before|during|late|early|earlier|later|last|yesterday|today)\b", re.IGNORECASE)
_SOURCE_HEADS = re.compile(r"\b(?:ministry|ministries|official|officials|spokes(?:man|woman|person)|agency|television|tv|"
                           r"channel|media|outlet|newspaper|daily|group|observatory|monitor|activists?|residents?|"
                           r"witness(?:es)?|sources?|command|commander|army|military|forces|coalition|government|"
                           r"president|minister|statement|report|reports|centre|center|office|service|council|front|"
                           r"party|movement|militia|network|committee|correspondent|reporters?|journalists?|analysts?)\b",
                           re.IGNORECASE)


def source_like(who: str) -> bool:
    """True when ``who`` (the words after an inverted reporting verb: ', said the ministry') can be a source:
    a noun phrase naming one (a ministry, officials, a monitor) or a proper name, not a clause ('dozens of
    contractors died', 'on Saturday that the move had been agreed')."""
    words = who.strip().split()
    if not words or len(words) > 12:
        return False
    head = re.sub(r"^(?:the|a|an)\s+", "", who.strip(), flags=re.IGNORECASE)
    if _CLAUSE_WORDS.match(head) or re.search(r"\bthat\b", head, re.IGNORECASE):
        return False
    if _SOURCE_HEADS.search(head) or _MONITOR.search(head) or _PARTY.search(head):
        return True
    return bool(re.fullmatch(r"(?:[A-Z][\w.'-]*\s*){1,4}", head))  # a named person or body: 'Yegorov', 'SANA'


def status_for(attribution: Attribution) -> str:
    """The status one account earns on its own (``disputed`` between accounts is set later, when grouping;
    here only for a denial)."""
    verb = attribution.verb.lower()
    if verb.startswith(("denied", "denies", "deny", "rejected", "dismissed")):
        return "disputed"  # the one account given is a denial: contested from the start
    if attribution.kind == "evidence":
        return "confirmed"
    if attribution.kind == "monitor" and verb.startswith("confirm"):
        return "confirmed"
    if attribution.kind == "party" or verb.startswith("claim") or verb.startswith("alleg"):
        return "claimed"
    return "reported"


def _tidy(who: str) -> str:
    who = re.sub(r"\s+", " ", who).strip(" ,.;:\"“”'’")
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^(?:on|late on|early on)\s+\w+\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^(?:earlier|later|late|early)\s+(?:this|last|that|in the)\s+\w+\s+", "", who, flags=re.IGNORECASE)
    who = re.sub(r"\s+(?:reports|report|statements?|briefings?)$", "", who, flags=re.IGNORECASE)
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
    match = re.search(rf"((?:[A-Z][\w'-]+\s+){{0,2}}{re.escape(surname)})", article)
    return match.group(1).strip() if match else surname


def _resolve_generic(who: str, previous: list[Attribution]) -> str:
    """'the monitoring group' -> the last monitor named; 'the ministry' -> the last ministry named."""
    lowered = who.lower()
    if not any(lowered.endswith(head) or lowered == head for head in _GENERIC_HEADS) or len(who.split()) > 5:
        return who
    kind = claimant_kind(who)
    for earlier in reversed(previous):
        if not earlier.explicit or earlier.claimed_by == who:
            continue
        head = lowered.split()[-1]
        if head in earlier.claimed_by.lower() or (kind == "monitor" and earlier.kind == "monitor"):
            return earlier.claimed_by
    return who


def _subject_before(sentence: str, verb_start: int) -> str:
    """The noun phrase just before a reporting verb (back to a clause boundary), with a name's title."""
    before = sentence[:verb_start]
    # "The SDF, which control the city, said": skip a relative or participle clause between subject and verb
    aside = re.search(rf"(?<=[A-Za-z)]),\s*(?:which|who|whose|citing|quoting|backed by|led by|based in|an?|(?:the\s+)?"
                      rf"(?:deputy\s+)?{_TITLES})\b[^,]*,\s*$", before)
    if aside:
        before = before[:aside.start()] + " "
    if re.search(r"\band\s*$", before):  # "SANA called the strikes an aggression and said": the first verb's subject
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


def canonical_claimant(who: str, article: str, previous: list[Attribution]) -> str:
    """A claimant's words made readable: generic heads resolved, a surname given its full mention."""
    who = _tidy(who)
    who = re.sub(r"^(?:sources|officials) who spoke (?:with|to) (?:the\s+)?(.+)$", r"Sources, via the \1", who,
                 flags=re.IGNORECASE)
    if re.fullmatch(r"[A-Z][\w'-]+", who) and not re.fullmatch(r"[A-Z]{2,6}", who) \
            and who.lower() not in ("reports", "activists", "officials"):
        who = _full_name(who, article)
    return _resolve_generic(who, previous)


def attribution_in(sentence: str, article: str, previous: list[Attribution]) -> Attribution | None:
    """The attribution of ``sentence`` (``article`` is the whole text, for full names; ``previous`` the
    attributions found so far, for 'the ministry' and 'the monitoring group'), or ``None``."""
    quoted = re.search(rf"[,.!?]?[\"”]\s*(?P<who>(?:[A-Z][\w.'-]+\s+){{0,3}}[A-Z][\w'-]+)\s+(?P<verb>{_VERBS})\b", sentence)
    if quoted:
        name = canonical_claimant(quoted["who"], article, previous)
        return Attribution(name, claimant_kind(name), quoted["verb"])
    speaker = re.search(r"\b(?P<verb>said|says|told|warned|claimed|confirmed)\b", sentence)
    if speaker and re.search(r"\baccording to\b", sentence[speaker.end():]):
        subject = _subject_before(sentence, speaker.start())
        if subject and re.match(r"[A-Z]", subject) and claimant_kind(subject) == "party":
            name = canonical_claimant(subject, article, previous)
            return Attribution(name, "party", speaker["verb"])
    match = re.search(r"\baccording to\s+(?P<who>[^,.;:()\"“”]+(?:\([A-Z]{2,6}\))?)", sentence, re.IGNORECASE)
    if match:
        who = re.sub(r"\s+(?:on|at|in|late|early|who|which)\b.*$", "", match["who"].strip())
        if re.search(r"\bwho spoke\b", match["who"]):
            who = match["who"].strip()
        name = canonical_claimant(who, article, previous)
        return Attribution(name, claimant_kind(name), "according to")
    for match in re.finditer(rf"[,\"”]\s*(?P<verb>{_VERBS})\s+(?P<who>(?:the\s+)?[^,.;\"“”]{{2,80}}?)\s*(?:[.,;]|$)",
                             sentence):
        if match["verb"].lower() not in _INVERTING or not source_like(match["who"]):
            continue  # "Other reports, citing ..., said dozens of contractors died": a clause, not a source
        name = canonical_claimant(match["who"], article, previous)
        return Attribution(name, claimant_kind(name), match["verb"])
    if _EVIDENCE.search(sentence) and re.search(r"\b(?:showed|show|shows|revealed|indicate[sd]?|suggest(?:s|ed)?)\b",
                                                sentence):
        evidence = _EVIDENCE.search(sentence)
        by = re.search(r"\b(?:by|from)\s+((?:[A-Z][\w-]+\s*){1,3})", sentence[evidence.end():evidence.end() + 40])
        name = f"{by.group(1).strip()} satellite images" if by else "Satellite images"
        return Attribution(name, "evidence", "showed")
    for match in re.finditer(rf"\b(?P<verb>{_VERBS})\b", sentence):
        if re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?$", sentence[:match.start()]):
            continue  # passive: "are said to", "was reported"
        subject = _subject_before(sentence, match.start())
        if re.match(r"(?:the\s+|other\s+|some\s+|several\s+|unconfirmed\s+)?(?:reports?|rumou?rs)\b", subject, re.IGNORECASE):
            return Attribution("Unattributed reports", "unattributed", match["verb"])
        if not subject or len(subject.split()) > 16 or not re.search(r"[A-Za-z]{2}", subject):
            continue
        if match["verb"].lower() in ("showed", "show", "shows") and _SOCIAL.search(sentence):
            return Attribution("Videos and photos on social networks", "media", "showed")
        if re.fullmatch(r"(?:it|this|that|they|he|she|which|there)", subject, re.IGNORECASE):
            if previous and previous[-1].explicit and (subject.lower() in ("he", "she", "they") or subject.lower()
                                                       == "it" and previous[-1].kind in ("party", "monitor", "media")):
                return Attribution(previous[-1].claimed_by, previous[-1].kind, match["verb"])
            continue
        if re.fullmatch(r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:group|movement|militia|alliance|forces)", subject, re.I):
            named = _organisation_before(article, sentence, match.start())
            if named:
                return Attribution(named, claimant_kind(named), match["verb"])
        if claimant_kind(subject) == "media" and not re.search(
                r"\b(?:media|activists?|residents?|witness(?:es)?|sources?|journal|newspaper|daily|reporters?|"
                r"agency|agencies|television|tv|reports?|website|site|tracker|analysts?|researchers|group|"
                r"investigators|images?|workers|rescuers|helmets|civil defen[cs]e|doctors|medics|hospitals?|"
                r"volunteers|locals|villagers|eyewitnesses|commanders?|monitors?|observers|people)\b", subject,
                re.IGNORECASE) \
                and not re.match(r"[A-Z]", subject):
            continue  # "the drones said ..." is not a source
        name = canonical_claimant(subject, article, previous)
        return Attribution(name, claimant_kind(name), match["verb"])
    if _UNATTRIBUTED.search(sentence):
        return Attribution("Unattributed reports", "unattributed", "reportedly")
    return None


