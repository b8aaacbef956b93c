"""From an article's text to candidate events: the whole first pass, sentence by sentence.

For each sentence (:func:`.reading.read_sentence`): its dates (:mod:`.dates`), places (:mod:`.places`),
triggers (:mod:`.event_types`) and attribution (:mod:`.attribution`). A sentence with no trigger may
contest or source the event just before it (:mod:`.followups`). A trigger becomes an event when it has a
place of its own, or a date of its own and a place from the context; "the attack", "the exercise" with no
place of their own add to the event they refer back to (:mod:`.trigger_steps`). A sentence with no date
takes the context date: the last event's date, or the article's lead date (the publication date's eve, to
the week). Then :func:`.incidents.group_candidates` merges reports of one event and labels incidents.

Nothing here is stored: candidates go to the analyst, who edits, drops or accepts each.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from utils.importers.article.attribution import Attribution, no_attribution
from utils.importers.article.blame_accounts import blames_for
from utils.importers.article.captions import debunked_caption
from utils.importers.article.clauses import choose_in_clauses, cut_clauses
from utils.importers.article.context import ReadingContext, article_source, lead_date
from utils.importers.article.counter_accounts import counter_account, tells_the_fight
from utils.importers.article.event_types import fatalities_in, find_triggers, hypothetical
from utils.importers.article.far_places import confident_points
from utils.importers.article.followups import attach_source, contest, denies, open_to, refers_back
from utils.importers.article.incidents import group_candidates
from utils.importers.article.issuers import statement_issuer
from utils.importers.article.model import RECALL_DAYS, EventCandidate, Extraction, Skipped
from utils.importers.article.outlooks import outlook_sentences
from utils.importers.article.places import PlaceIndex
from utils.importers.article.reading import ArticleRun, SentenceFacts, read_sentence
from utils.importers.article.second_accounts import another_account, second_account
from utils.importers.article.sentences import split_sentences
from utils.importers.article.trigger_steps import plan_sentence, read_trigger

__all__ = ["RECALL_DAYS", "EventCandidate", "Extraction", "Skipped", "extract_events"]


def _sources_last_event(run: ArticleRun, facts: SentenceFacts, recent: bool) -> bool:
    """True when the sentence only names the source of the event just before it ('..., the IRGC said')."""
    stated, sentence = facts.stated, facts.sentence
    return recent and stated is not None and stated.explicit and stated.kind != "unattributed" \
        and open_to(run.raw[-1], stated) and sentence.number - max(run.raw[-1].sentences) <= 1 \
        and refers_back(facts.body, stated, fatalities_in(facts.body))


def _read_events(run: ArticleRun, facts: SentenceFacts) -> None:
    """The events of one read sentence: a denial or a source of the last event, or its triggers' candidates."""
    raw, sentence, body, stated = run.raw, facts.sentence, facts.body, facts.stated
    recent = bool(raw) and sentence.number - max(raw[-1].sentences) <= 2
    if recent and stated is not None and stated.explicit and denies(body) \
            and not any(m.kind in ("place", "base", "region") for m in facts.found):
        raw[-1] = contest(raw[-1], sentence, stated)  # "the Kremlin called the accusations groundless"
        if tells_the_fight(body, raw[-1]):  # "the faction denied this, saying its fighters still held the town"
            raw.append(counter_account(raw[-1], sentence, stated))
        return
    recent = recent and run.paragraph_of[max(raw[-1].sentences)] == sentence.paragraph  # a source named next: same paragraph
    if not facts.triggers:
        if _sources_last_event(run, facts, recent):
            raw[-1] = attach_source(raw[-1], sentence, stated)  # "..., the IRGC said": the lead's source
        elif recent and another_account(stated, body, facts.places, raw[-1], fatalities_in(body)):
            raw.append(second_account(raw[-1], sentence, stated, fatalities_in(body)))  # "the monitor counted 25 dead"
        elif raw and blames_for(stated, body, facts.places, raw[-1], sentence.number - max(raw[-1].sentences)):
            raw.append(second_account(raw[-1], sentence, stated, None))  # "the ministry blamed the militia"
        return
    clauses = cut_clauses(body, facts.mentions, run.text, run.context.attributions, facts.triggers)
    chosen = choose_in_clauses(body, facts.triggers, facts.mentions, clauses)
    if not chosen:
        denied = hypothetical(body) or any(hypothetical(body, t.start) for t in facts.triggers)
        if not denied and _sources_last_event(run, facts, recent):
            raw[-1] = attach_source(raw[-1], sentence, stated)
        if denied:  # "the Pentagon said it was 'not conducting air strikes'": no account of the strike
            run.skip(sentence, "speaks of what could happen, or of what did not")
        return
    plan = plan_sentence(run, facts, chosen, clauses)
    made_any = False
    for number in range(len(chosen)):
        made_any = read_trigger(run, facts, plan, number) or made_any
    if made_any and raw:
        context, places, last = run.context, facts.places, raw[-1]
        for place in places:
            context.remember_place(place)
        if places:
            context.place = next((p for p in places if p.name == last.location), places[-1])
        context.region = next((p for p in reversed(places) if p.kind == "region"), context.region)


def extract_events(text: str, published: date, outlet: str, index: PlaceIndex, *,
                   governorate_of: Callable[[float, float], str] | None = None) -> Extraction:
    """Candidate events in ``text`` (clean article text, see :func:`.text.article_text`) published on
    ``published`` by ``outlet``, placed with ``index``; ``governorate_of(lat, lon)`` fills ``admin1``."""
    sentences = split_sentences(text)
    lead = lead_date(sentences, published)
    issuer = statement_issuer(text)  # "Statement of the General Command of X": its "we" and "our forces" are X's
    default = no_attribution(outlet) if issuer is None else Attribution(issuer, "party", "statement", explicit=False)
    run = ArticleRun(text=text, published=published, index=index, governorate_of=governorate_of,
                     context=ReadingContext(date=lead, lead=lead), default=default, issuer=issuer,
                     lead_source=article_source(sentences, text),
                     paragraph_of={s.number: s.paragraph for s in sentences},
                     near=confident_points((m, index.readings(m.text), s.text[m.end:])
                                           for s in sentences for m in index.find(s.text)))
    outlook = outlook_sentences(sentences)
    for sentence in sentences:
        if sentence.number in outlook:  # under 'Watch points', 'Outlook': what may come, not what happened
            if find_triggers(sentence.text):
                run.skip(sentence, "in a section on what may come")
            continue
        if debunked_caption(sentence.text):  # 'a video shared as "the shelling of X" was filmed in Y in 2020'
            run.skip(sentence, "a picture's false caption")
            continue
        facts = read_sentence(run, sentence, sentences)
        if facts is not None:
            _read_events(run, facts)
    grouped = group_candidates(run.raw, {s.number: s.text for s in sentences})
    return Extraction(text=text, published=published, outlet=outlet, sentences=sentences, candidates=grouped,
                      skipped=run.skipped)
