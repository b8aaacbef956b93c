"""Article extraction, unit by unit: dates, places, attribution and status, bad input (issue 17)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from extraction import place_index as index

from utils.importers.article import ArticleError, article_text, check_published
from utils.importers.article.anchoring import resolve_phrase
from utils.importers.article.attribution import Attribution, attribution_in, status_for
from utils.importers.article.dates import Dated

D = date.fromisoformat


@pytest.mark.parametrize("phrase, published, anchor, expected", [
    ("on Sunday", "2025-04-29", None, ("2025-04-27", "day")),
    ("on Tuesday", "2025-04-29", None, ("2025-04-29", "day")),  # the day of publication
    ("late on January 19", "2025-04-29", None, ("2025-01-19", "day")),
    ("late on April 24", "2025-04-25", None, ("2025-04-24", "day")),
    ("on December 30", "2025-01-02", None, ("2024-12-30", "day")),  # no year: the latest before publication
    ("on 15 June", "2022-06-18", None, ("2022-06-15", "day")),
    ("on Nov 4, Friday", "2022-11-05", None, ("2022-11-04", "day")),
    ("Sunday, December 8", "2024-12-14", None, ("2024-12-08", "day")),
    ("on the night of January 5", "2018-01-09", None, ("2018-01-05", "day")),
    ("27 August, 2021", "2022-06-18", None, ("2021-08-27", "day")),
    ("yesterday", "2025-04-25", None, ("2025-04-24", "day")),
    ("last week", "2025-04-29", None, ("2025-04-22", "week")),
    ("earlier this week", "2025-03-29", None, ("2025-03-26", "week")),
    ("Earlier in the week", "2022-06-18", None, ("2022-06-15", "week")),
    ("earlier this month", "2025-04-29", None, ("2025-04-15", "month")),
    ("last month", "2025-04-25", None, ("2025-03-15", "month")),
    ("last month", "2025-01-10", None, ("2024-12-15", "month")),
    ("last December", "2025-03-29", None, ("2024-12-15", "month")),
    ("In October", "2022-11-05", None, ("2022-10-15", "month")),
    ("in November last year", "2023-10-07", None, ("2022-11-15", "month")),
    ("since September 2015", "2018-01-09", None, ("2015-09-15", "month")),
    ("In August 2022", "2024-01-29", None, ("2022-08-15", "month")),
    ("in 2018", "2025-04-29", None, ("2018-07-01", "year")),
    ("since 2015", "2022-11-05", None, ("2015-07-01", "year")),
    ("last year", "2023-07-20", None, ("2022-07-01", "year")),
    ("two weeks after Naryshkin warned", "2023-07-20", ("2023-07-19", "week"), ("2023-07-05", "week")),
    ("two weeks before the vote", "2023-07-20", ("2023-07-01", "day"), ("2023-07-15", "week")),
    ("a day later", "2018-01-09", ("2018-01-05", "day"), ("2018-01-06", "day")),
    ("since then", "2025-04-25", ("2025-03-15", "month"), ("2025-04-15", "month")),
    ("have since been conducting patrols", "2022-11-05", ("2019-07-01", "year"), ("2019-07-01", "year")),
    ("began on March 6 and lasted for around a week", "2025-03-29", None, ("2025-03-09", "week")),
    ("three days ago", "2025-04-25", None, ("2025-04-22", "week")),
])
def test_dates_resolve_against_the_publication_date(phrase, published, anchor, expected):
    context = Dated(D(anchor[0]), anchor[1]) if anchor else None
    dated = resolve_phrase(phrase, D(published), context)
    assert dated is not None, phrase
    assert (dated.day.isoformat(), dated.precision) == expected


@pytest.mark.parametrize("phrase", ["over the last few years", "in recent months", "for decades",
                                    "two weeks after the warning"])  # the last needs a context date
def test_undatable_phrases_give_no_date(phrase):
    assert resolve_phrase(phrase, D("2025-04-25")) is None


@pytest.mark.parametrize("phrase", ["Moscow may use drones", "The March was long", "2021 Army Games"])
def test_words_that_only_look_like_dates_are_not_dates(phrase):
    assert resolve_phrase(phrase, D("2025-04-25")) is None




@pytest.mark.parametrize("sentence, expected", [
    ("Drones were intercepted over Khmeimim.", [("Khmeimim air base", 1, "base")]),
    ("A drone was downed near Hmeimim.", [("Khmeimim air base", 2, "base")]),
    ("Blasts hit the Khmeim airbase.", [("Khmeimim air base", 1, "base")]),  # a misspelling
    ("Explosions rocked Jableh.", [("Jablah", 1, "place")]),
    ("A strike hit al-Tanf on Monday.", [("Al-Tanf garrison", 1, "base")]),
    ("Forces are at al-Qamishli Airport.", [("Qamishli airport", 1, "base")]),
    ("Drones massed near Jisr ash-Shughur.", [("Jisr ash Shughūr", 2, "place")]),
    ("Fighting on the Syrian coast.", [("Syrian coast", 3, "region")]),
    ("Troops deployed in northeast Syria.", [("North-east Syria", 3, "region")]),
    ("Jets struck the Idlib de-escalation zone.", [("Idlib de-escalation zone", 3, "region")]),
    ("Convoys move between Khmeimim and Tartus.", [("Between Khmeimim air base and Tartus naval base", 3, "region")]),
    ("A drone was shot down just north of the port of Tartus.", [("Tartus naval base", 2, "base")]),
    ("Talks with Damascus went on.", []),  # a capital standing for its government
    ("Syrian President Ahmed al-Sharaa spoke.", []),  # part of a person's name
    ("However, Russia and Turkey agreed.", []),
])
def test_places_come_from_the_offline_gazetteer(sentence, expected):
    found = [(m.name, m.geo_precision, m.kind) for m in index().find(sentence) if m.kind != "anaphor"
             and not m.reference]
    assert found == expected


def test_a_place_that_only_locates_another_is_a_reference():
    found = index().find("Blasts rocked the town of Jableh, which is just three kilometers south of the Russian "
                         "Khmeimim air base.")
    assert [(m.name, m.reference) for m in found if m.kind != "anaphor"] == [("Jablah", False),
                                                                             ("Khmeimim air base", True)]


ARTICLE = ("Sergei Naryshkin, the head of Russia's foreign intelligence service, spoke in July. "
           "The Syrian Observatory for Human Rights said drones flew over Tartus.")


@pytest.mark.parametrize("sentence, claimed_by, status", [
    ("Air defences repelled a drone attack late on April 24, according to Syrian media reports.", "Syrian media",
     "reported"),
    ("Syrian state television said the blasts were the result of a military exercise.", "Syrian state television",
     "claimed"),
    ("However, activists in Jableh claimed that drones were intercepted.", "Activists in Jableh", "claimed"),
    ("The Syrian Observatory for Human Rights confirmed that one drone was shot down.",
     "Syrian Observatory for Human Rights", "confirmed"),
    ("Another drone was fired at near Khmeimim, according to the London-based monitoring group.",
     "Syrian Observatory for Human Rights", "reported"),
    ('"The US delivers missiles," Naryshkin said.', "Sergei Naryshkin, the head of Russia's foreign intelligence "
                                                     "service", "claimed"),
    ("On March 16, a drone was reportedly shot down over Tartus port.", "Unattributed reports", "reported"),
    ("Russian convoys are said to be moving between the bases.", "Unattributed reports", "reported"),
    ("Satellite images by Maxar showed a cargo plane being loaded at Khmeimim.", "Maxar satellite images",
     "confirmed"),
    ("Pentagon officials claim Moscow pulled back its planes.", "Pentagon officials", "claimed"),
    ("Oleg Yegorov, deputy head of the Russian MoD's Center for Reconciliation in Syria said at a briefing, "
     "according to the state-affiliated agencies.",
     "Oleg Yegorov, deputy head of the Russian MoD's Center for Reconciliation in Syria", "claimed"),
])
def test_attribution_names_who_says_so_and_status_follows_the_project_rules(sentence, claimed_by, status):
    previous = [Attribution("Syrian Observatory for Human Rights", "monitor", "said")]
    found = attribution_in(sentence, ARTICLE, previous)
    assert found is not None
    assert (found.claimed_by, status_for(found)) == (claimed_by, status)


def test_a_sentence_with_no_source_has_no_attribution():
    assert attribution_in("Drones were intercepted over Khmeimim.", ARTICLE, []) is None


@pytest.mark.parametrize("raw, message", [
    ("", "is empty"),
    (b"", "is empty"),
    (b"%PDF-1.7 binary", "a PDF, not text"),
    (b"\x00\x01\x02 abc", "NUL bytes"),
    (b"\xff\xd8\xff\xe0 jpeg", "a JPEG image"),
    ("x" * 10 + " " + "word " * 30_000, "characters of text once cleaned"),
    (b"a" * 4_000_001, "MB; an article is read up to 4 MB"),
    ("Drones.", "only 1 word(s)"),
    ("<html><script>alert(1)</script><style>p{}</style></html>", "holds no words once its HTML markup is removed"),
    ("Российские средства ПВО отразили атаку беспилотников на авиабазу Хмеймим поздно вечером в четверг, "
     "сообщили сирийские СМИ.", "does not look like English"),
    ("Les défenses aériennes russes ont repoussé une attaque de drones contre la base de Hmeimim jeudi soir, "
     "selon les médias syriens qui citent des témoins sur place et des vidéos publiées sur les réseaux "
     "sociaux dans la soirée du jeudi.", "does not look like English"),
    (b"\xe9t\xe9 caf\xe9 " * 5, "not valid UTF-8"),
])
def test_bad_input_gets_a_clear_message(raw, message):
    with pytest.raises(ArticleError, match=re.escape(message)):
        article_text(raw)


@pytest.mark.parametrize("published, message", [(None, "No publication date given"), ("", "No publication date"),
                                                ("25/04/2025", "not a date"), ("2999-01-01", "in the future")])
def test_the_publication_date_is_required_and_not_in_the_future(published, message):
    with pytest.raises(ArticleError, match=message):
        check_published(published, today=date(2026, 1, 1))


def test_html_is_stripped_to_its_visible_text():
    page = ("<!doctype html><html><head><title>t</title><script>var x=1</script></head><body><nav>Home</nav>"
            "<p>Drones were intercepted over Khmeimim late on April 24, according to Syrian media.</p>"
            "<p>Videos &amp; photos showed it.</p><footer>cookies</footer></body></html>")
    text = article_text(page.encode(), name="page.html")
    assert text == ("Drones were intercepted over Khmeimim late on April 24, according to Syrian media.\n\n"
                    "Videos & photos showed it.")


def test_invisible_and_bidirectional_characters_are_dropped_and_the_footer_cut():
    text = article_text("Drones were intercepted over Khmeimim\u202e late on April 24 by air defences.\n"
                        + "_" * 20 + "\nReader comment: buy now")
    assert "\u202e" not in text and "Reader comment" not in text
