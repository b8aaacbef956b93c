"""What a sentence adds to the events already read: a denial that contests one, a source named after
the fact ('..., the IRGC said'), a clause's own source when a sentence quotes two, and whether a
sentence gives an account of an event or only mentions it.

General shapes of news language, not phrases of one article: a wire lead states the event and the next
sentence names who says so; "X said A; Y said B" gives each clause its source; "Z called the accusations
groundless" contests the claim before it without being an event of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from utils.importers.article.attribution import Attribution, attribution_in, claimant_kind, status_for
from utils.importers.article.model import EventCandidate
from utils.importers.article.sentences import Sentence
from utils.importers.article.subjects import REPORTING_VERBS

__all__ = ["DENIAL", "asserts_outcome", "attach_source", "clause_source", "contest", "denies", "open_to",
           "refers_back", "source_cuts"]

DENIAL = re.compile(r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|groundless|baseless|"
                    r"unfounded|fabricat(?:ed|ion)|nothing to do with|no involvement|not involved|played no part)\b",
                    re.IGNORECASE)
_OUTCOME = re.compile(r"\b(?:hit|hits|struck|kill(?:ed|ing|s)?|destroy(?:ed|ing|s)?|damag(?:ed|ing|e)|land(?:ed|ing)|fell|"
                      r"targeted|carried out|conducted|wound(?:ed|ing)|injur(?:ed|ing)|dead|died|intercepted|shot down|"
                      r"downed|reached|missed|caused|martyred|neutrali[sz]ed|no casualties)\b", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+|\s+but\s+")
_TRAILING = re.compile(rf",\s*(?:[^,;]{{1,80}}?\s)?(?:{REPORTING_VERBS})(?:\s+[^,;]{{0,40}})?\s*[.!?\"”]*\s*$"
                       r"|,\s*according\s+to\s+[^,;]+[.!?]?\s*$")
"""A source named at the end of a sentence (', the coalition said.'): it covers every clause before it."""


def denies(body: str) -> bool:
    """True when the sentence's first clause is a denial ('The Kremlin called the accusations groundless and
    said Russia had nothing to do with the bombing'), not a denial inside another clause."""
    return bool(DENIAL.search(re.split(r";", body)[0]))


def contest(candidate: EventCandidate, sentence: Sentence, denier: Attribution) -> EventCandidate:
    """The event a denial contests: the denial's sentence added, ``disputed`` when the denier is another source."""
    status = "disputed" if denier.claimed_by != candidate.claimed_by else candidate.status
    return replace(candidate, status=status, sentences=tuple(sorted({*candidate.sentences, sentence.number})),
                   evidence_spans=tuple(sorted({*candidate.evidence_spans, (sentence.start, sentence.end)})))


def refers_back(body: str, source: Attribution, fatalities: int | None) -> bool:
    """True when a sentence with no event of its own says something of the event before it: what it did, or
    a confirmation ('UN inspectors later confirmed that sarin had been used'); not another topic ('Revenue
    will now go to the state, he said')."""
    return source.verb.lower().startswith(("confirm", "verif")) or asserts_outcome(body, fatalities)


def open_to(candidate: EventCandidate, source: Attribution) -> bool:
    """True when ``source`` can become the event's claimant: it has none yet, or only evidence (footage,
    imagery) that a party's claim now joins."""
    return not candidate.attributed or (claimant_kind(candidate.claimed_by) == "evidence" and source.kind == "party")


def attach_source(candidate: EventCandidate, sentence: Sentence, source: Attribution) -> EventCandidate:
    """An event stated on the outlet's authority, and the next sentence names who says so ('Seven drones
    followed, the IRGC said'; 'UN inspectors later confirmed that sarin had been used'); a party's claim
    of what footage showed is the party's, confirmed."""
    confirmed = candidate.attributed and claimant_kind(candidate.claimed_by) == "evidence"
    return replace(candidate, claimed_by=source.claimed_by,
                   status="confirmed" if confirmed else status_for(source), attributed=True,
                   sentences=tuple(sorted({*candidate.sentences, sentence.number})),
                   evidence_spans=tuple(sorted({*candidate.evidence_spans, (sentence.start, sentence.end)})))


def asserts_outcome(body: str, fatalities: int | None) -> bool:
    """True when a sentence says what an event did (hit, killed, landed, carried out, a death toll), so a
    second source saying it is an account of its own; 'Akar said the attack came although ...' is not."""
    return fatalities is not None or bool(_OUTCOME.search(body))


def source_cuts(body: str, article: str, previous: list[Attribution]) -> list[int]:
    """Where a sentence passes from one source's clause to another's ('..., according to flight data, and
    satellite images showed ...'; '..., the monitor said; state media said the raids killed ...'): each
    clause then gives its own event or account."""
    cuts = [m for m in _CLAUSE_CUT.finditer(body)]
    bounds = [0, *(m.end() for m in cuts), len(body)]
    sources = [attribution_in(body[bounds[i]:bounds[i + 1]], article, previous) for i in range(len(bounds) - 1)]
    return [cut.start() for n, cut in enumerate(cuts) if sources[n] is not None and sources[n + 1] is not None
            and sources[n].claimed_by != sources[n + 1].claimed_by]


def clause_source(body: str, position: int, article: str, previous: list[Attribution],
                  sentence_source: Attribution | None) -> Attribution | None:
    """The source of the clause at ``position`` when a sentence has several ('X said A; Y said B'): the
    clause's own, else the sentence's when it comes before; ``None`` when the only source is in a later
    clause ('the IRGC launched six missiles; Israeli officials said several fell short')."""
    cuts = [0, *(m.end() for m in _CLAUSE_CUT.finditer(body)), len(body) + 1]
    if len(cuts) <= 2 or sentence_source is None or _TRAILING.search(body):
        return sentence_source
    clauses = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    here = next((n for n, (a, b) in enumerate(clauses) if a <= position < b), 0)
    own = attribution_in(body[clauses[here][0]:clauses[here][1]], article, previous)
    if own is not None:
        return own
    earlier = any(attribution_in(body[a:b], article, previous) is not None for a, b in clauses[:here])
    later = any(attribution_in(body[a:b], article, previous) is not None for a, b in clauses[here + 1:])
    return sentence_source if earlier or not later else None
