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

__all__ = ["OWN_ACCOUNT", "Attribution", "attribution_in", "claimant_kind", "no_attribution", "source_like", "status_for"]

from utils.importers.article.subjects import (
    _VERBS,
    _full_name,
    _organisation_before,
    _subject_before,
    _tidy,
)

_PARTY = re.compile(
    r"\b(?:ministry|mod|mod's|defen[cs]e|military|army|government|officials?|spokes(?:man|woman|person)|president|governor|mayor|"
    r"commander|general|gen\.|kremlin|pentagon|centcom|central command|coalition|intelligence|svr|state[- ]"
    r"(?:television|tv|media|news|affiliated)|sana|tass|ria novosti|forces|head of|minister|command|marines|"
    r"militants|rebels|armed group|militia|navy|air force|aerospace|reconciliation|white house|national defen[cs]e|"
    r"sdf|democratic forces|islamic resistance|hayat tahrir|hts|isis|islamic state|taliban|hezbollah|irgc|"
    r"administration|(?<!third )party|leadership|battalion|brigades?|factions?|ypg|pkk|asayish|free syrian army|fsa)\b",
    re.IGNORECASE)
_MONITOR = re.compile(r"\b(?:observatory|sohr|monitor|monitoring group|monitors|airwars|acled)\b", re.IGNORECASE)
_EVIDENCE = re.compile(r"\b(?:satellite (?:images?|imagery|photos?|pictures)|imagery|live (?:footage|pictures|images)|"
                       r"(?:footage|pictures) (?:on|broadcast by|aired by) [\w' ]{0,30}(?:television|TV))\b", re.IGNORECASE)
_RELIEF = re.compile(r"\b(?:civil defen[cs]e|white helmets|rescuers?|red crescent|red cross|icrc|doctors?|nurses?|medics|"
                    r"hospitals?|health (?:workers|officials|directorate)|msf|m[eé]decins)\b", re.IGNORECASE)
_SOCIAL = re.compile(r"\b(?:videos?|photos?|footage|images?|pictures)\b[^.]{0,40}\b(?:social (?:networks|media)|"
                     r"online|posted)\b|\b(?:videos?|photos?|footage) (?:posted|shared|circulating)\b", re.IGNORECASE)
_UNATTRIBUTED = re.compile(r"\b(?:reportedly|allegedly|reports (?:of|that|released|say|said)|reports\b(?=[^.]{0,30}"
                           r"\b(?:revealed|said|say|suggest))|(?:is|are|was|were) said to|(?:was|were) reported|"
                           r"it is reported|according to reports|unconfirmed reports|amid reports)\b", re.IGNORECASE)
_GENERIC_HEADS = ("ministry", "monitoring group", "monitor", "observatory", "intelligence service", "service",
                  "agency", "group", "army", "military", "command", "officials", "official", "newspaper", "daily",
                  "television", "spokesman", "president", "general", "head of russian intelligence", "the head of",
                  "source")


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
    if _RELIEF.search(claimant):
        return "media"  # rescuers and doctors report; they are no party to the fighting
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


_CLAIMED_EVENT = re.compile(r"(?:responsibility|credit|(?:the|this|that|its|their|both|these)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:attacks?|strikes?|bombings?|killings?|operations?|raids?|shootings?|assaults?|"
                            r"ambush(?:es)?|explosions?|blasts?))\b", re.IGNORECASE)


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
    if _CLAIMED_EVENT.match(who.strip()):
        return False  # "..., claimed the attack on its Telegram channel": the event claimed, not who claims it
    if re.search(r"(?<![\w-])(?!armed\b)[a-z]+ed\b|\b(?:hit|struck|killed|shot|fell|took|left|began|were|was|had|have|"
                 r"has)\b", head):
        return False  # "..., said the strikes hit rebels": a clause with its own verb, not a source
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


def _resolve_generic(who: str, previous: list[Attribution]) -> str:
    """'the monitoring group' -> the last monitor named; 'the ministry' -> the last ministry named."""
    lowered = who.lower()
    if not any(lowered.endswith(head) or lowered == head for head in _GENERIC_HEADS) or len(who.split()) > 5:
        return who
    if re.search(r"['’]s\b|\b[A-Z]", who[1:]):  # "Moscow's defence ministry" already says whose; "the Syrian
        # Observatory" is the fuller name given before
        return next((e.claimed_by for e in reversed(previous) if e.explicit and lowered in e.claimed_by.lower()), who)
    kind = claimant_kind(who)
    for earlier in reversed(previous):
        if not earlier.explicit or earlier.claimed_by == who:
            continue
        head = lowered.split()[-1]
        if head in earlier.claimed_by.lower() or (kind == "monitor" and earlier.kind == "monitor"):
            return earlier.claimed_by
    return who


_APPOSED_MONITOR = re.compile(r"(?P<name>\b(?:[A-Z][\w'’()-]*\s+)(?:(?:for|of|the|on|[A-Z][\w'’()-]*)\s+){0,8}?"
                              r"[A-Z(][\w'’()-]*),\s+an?\s+(?:[\w-]+\s+){0,3}?(?:war\s+)?monitor(?:ing group)?\b"
                              r"(?!\s+(?:said|says|reported|reports|added|confirmed))")  # "at X, a monitor said": no name


_MONITOR_THEN_NAME = re.compile(r"\ban?\s+(?:[\w-]+\s+){0,3}?(?:war\s+)?monitor(?:ing group)?,\s+(?:the\s+)?"
                                r"(?P<name>(?:[A-Z][\w'’()-]*\s+){0,6}?(?:Observatory|Monitor|Monitoring\s+Group)"
                                r"(?:\s+for\s+Human\s+Rights)?)\b")
"""'a war monitor, the Test Coastal Observatory': the monitor named in apposition after the words for it."""
_NAMED_MONITOR = re.compile(r"(?<![\w'’-])(?:(?-i:[A-Z])[\w'’-]*\s+){1,5}(?:Observatory|Monitoring\s+Group)"
                            r"(?:\s+for\s+Human\s+Rights)?\b")
"""A monitor by its name ('the Test Levant Monitoring Group', 'Syrian Observatory for Human Rights')."""


def canonical_claimant(who: str, article: str, previous: list[Attribution]) -> str:
    """A claimant's words made readable: generic heads resolved, a surname given its full mention."""
    who = _tidy(who)
    who = re.sub(r"^(?:sources|officials) who spoke (?:with|to) (?:the\s+)?(.+)$", r"Sources, via the \1", who,
                 flags=re.IGNORECASE)
    if re.fullmatch(r"[A-Z][\w'-]+", who) and not re.fullmatch(r"[A-Z]{2,6}", who) \
            and who.lower() not in ("reports", "activists", "officials"):
        who = _full_name(who, article)
    resolved = _resolve_generic(who, previous)
    if re.fullmatch(r"(?:an?\s+)?(?:war\s+|conflict\s+)?(?:monitor|monitoring group)", resolved, re.IGNORECASE):
        # "..., a monitor said" in the lead; "The Syrian Observatory ..., a Britain-based monitor, said" further on
        named = _APPOSED_MONITOR.search(article) or _MONITOR_THEN_NAME.search(article)
        if named:
            return _tidy(named["name"])
        names = {re.sub(r"^(?:The|A|An)\s+", "", m.group().strip()) for m in _NAMED_MONITOR.finditer(article)}
        if len(names) == 1:  # "..., a war monitor said" in the lead; "The X Monitoring Group said ..." further on
            return _tidy(names.pop())
    return resolved


OWN_ACCOUNT = "(the outlet's own account)"
"""The claimant of a sentence in which the outlet speaks of itself; the caller puts the outlet's name in."""
_OURS = re.compile(r"(?:our\s+(?:own\s+)?(?:count|tally|network|correspondents?|reporters?|observers|team|records|monitors?|"
                   r"sources|figures|data)|we)\b", re.IGNORECASE)
"""The outlet speaking of itself in the first person: its own account, not a source it cites."""
_TITLED = re.compile(r"\b(?:spokes(?:man|woman|person)|minister|president|general|commander|secretary|director|governor|"
                     r"mayor|envoy|ambassador|chief)\b", re.IGNORECASE)


def _is_person(claimant: str) -> bool:
    """True for a claimant that names a person ('Ministry spokesman Igor Konashenkov', 'Lloyd Austin'), whom 'it'
    cannot mean; not a body ('US Central Command', 'Syrian Observatory for Human Rights')."""
    if _TITLED.search(claimant):
        return True
    bare = re.fullmatch(r"(?:[A-Z][\w.'-]+\s+){1,3}[A-Z][\w'-]+", claimant.strip())
    return bool(bare) and not (_SOURCE_HEADS.search(claimant) or _PARTY.search(claimant) or _MONITOR.search(claimant)
                               or _RELIEF.search(claimant))
_POST_MARK = re.compile(r"^\s*(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:GMT|local)?\s*[-–—]+\s*|[-–—•*]\s+)")
_NOBODY = re.compile(r"(?:nobody|no one|no-one|none|no\s+(?:[\w-]+\s+){0,2}(?:group|faction|party|organi[sz]ation|one))\b",
                     re.IGNORECASE)
_ASKED = re.compile(r"(?:can|could|do|does|did|will|would|have|has)\s+(?:you|we|they|he|she|the\s+\w+)\b", re.IGNORECASE)
_FRONTED_PRONOUN = re.compile(r"(?:(?:in|on|at|later|earlier|separately|meanwhile|also|then|late|early)\b[^,]{0,40}?\s+)"
                              r"(it|he|she|they)", re.IGNORECASE)


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
    if match and _OURS.match(match["who"]):
        return Attribution(OWN_ACCOUNT, "outlet", "according to")  # "according to our count": the outlet itself
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
        if not re.search(r"satellite|imagery", evidence.group(), re.I):  # "live footage on Syrian television"
            name = canonical_claimant(sentence[evidence.start():].split(" showed")[0].split(" show")[0], article, previous)
        return Attribution(name, "evidence", "showed")
    for match in re.finditer(rf"\b(?P<verb>{_VERBS})\b", sentence):
        if re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?$", sentence[:match.start()]):
            continue  # passive: "are said to", "was reported"
        subject = _subject_before(sentence, match.start())
        if re.match(r"(?:the\s+|other\s+|some\s+|several\s+|unconfirmed\s+)?(?:reports?|rumou?rs)\b", subject, re.IGNORECASE):
            return Attribution("Unattributed reports", "unattributed", match["verb"])
        if not subject or len(subject.split()) > 16 or not re.search(r"[A-Za-z]{2}", subject):
            continue
        subject = _POST_MARK.sub("", subject)  # "12:05 - Nobody has claimed", "- Our correspondent says": a live post
        if _ASKED.match(subject):
            continue  # "Can you confirm?", "Do you deny ...": a question put to a source, not a source's account
        if _OURS.match(subject):
            return Attribution(OWN_ACCOUNT, "outlet", match["verb"])  # "Our network documented": the outlet itself
        if _NOBODY.match(subject):
            continue  # "Nobody has claimed the attack", "No group has claimed it": no source says anything
        pronoun = _FRONTED_PRONOUN.fullmatch(subject)
        if pronoun:  # "In a statement it said", "Later on Monday they said": the pronoun is the subject
            subject = pronoun.group(1)
        if match["verb"].lower() in ("showed", "show", "shows") and _SOCIAL.search(sentence):
            return Attribution("Videos and photos on social networks", "media", "showed")
        if subject.lower() == "it" and previous and previous[-1].explicit and _is_person(previous[-1].claimed_by):
            # "it" is no person: the body named before the spokesman ('the ministry ... Konashenkov said ... it said')
            body = next((e for e in reversed(previous[-4:]) if e.explicit and not _is_person(e.claimed_by)
                         and e.kind in ("party", "monitor", "media")), None)
            if body is not None:
                return Attribution(body.claimed_by, body.kind, match["verb"])
            continue
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
                r"volunteers|locals|villagers|eyewitnesses|commanders?|monitors?|observers|people|councils?|refugees|survivors|"
                r"administration|municipality|committee|directorate|police)\b", subject,
                re.IGNORECASE) \
                and not re.search(r"\b[A-Z]", subject):  # "the local Horan Free League", "UN inspectors": a name
            continue  # "the drones said ..." is not a source
        name = canonical_claimant(subject, article, previous)
        return Attribution(name, claimant_kind(name), match["verb"])
    if _UNATTRIBUTED.search(sentence):
        return Attribution("Unattributed reports", "unattributed", "reportedly")
    return None


