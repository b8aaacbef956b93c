"""The article review on the Import page through AppTest: paste, candidates, accept, save (issue 17)."""

from __future__ import annotations

import html
import shutil
from datetime import date

import pytest
from conftest import DATA, NOT_COPIED, SEEDS
from payloads import PAYLOADS
from test_pages import run_app

from utils.data.store import EventStore

pytestmark = pytest.mark.slow  # each runs the app through AppTest (about 10 s)

IMPORT_PAGE = "pages/views/import.py"
SEED = (SEEDS / "001_0cc92d865668803a.txt").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=NOT_COPIED)
    monkeypatch.setenv("EVENTMAP_DATA_DIR", str(copy))
    return copy


def propose(text: str, outlet: str = "SouthFront", published: date | None = date(2025, 4, 25)):
    at = run_app(IMPORT_PAGE)
    at.text_area(key="article_text").set_value(text)
    at.text_input(key="article_outlet").set_value(outlet)
    at.date_input(key="article_published").set_value(published)
    next(b for b in at.button if b.label == "Propose events").click()
    at.run(timeout=120)
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at, label: str):
    next(b for b in at.button if b.label.startswith(label)).click()
    at.run(timeout=120)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_candidates_appear_beside_the_text_and_nothing_is_saved_until_accepted(folder):
    at = propose(SEED)
    summary = next(m.value for m in at.markdown if "candidate event(s)" in m.value)
    assert summary.startswith("**8 candidate event(s)** from SouthFront")
    text = next(m.value for m in at.markdown if 'class="article-text"' in m.value)
    assert text.count('class="article-evidence"') >= 5 and "late on April 24" in text
    assert any("Existing events within 10 km and 3 days" in m.value for m in at.markdown)
    save = next(b for b in at.button if b.label.startswith("Save"))
    assert save.label == "Save 0 accepted event(s)" and save.disabled
    store = EventStore(folder)
    assert len(store.read_events()) == 30 and store.changes().empty

    click(at, "Accept all")
    at.text_input(key="article_headline").set_value("Drone attack on Khmeimim repelled, in my words")
    at.run(timeout=120)
    click(at, "Save 8 accepted")
    assert "Saved report SO-2025-04 and 8 event(s): EV0031" in html.unescape(at.success[0].value)
    events = store.read_events()
    assert len(events) == 38 and set(events.loc[events["doc_id"] == "SO-2025-04", "event_id"]) == {
        f"EV{n:04d}" for n in range(31, 39)}
    sources = store.read_sources().set_index("doc_id")
    assert sources.loc["SO-2025-04", ["outlet", "published"]].tolist() == ["SouthFront", "2025-04-25"]
    log = store.changes()
    assert log["field"].tolist() == ["(report recorded)"] + ["(created)"] * 8


def test_a_headline_is_needed_and_a_refused_save_writes_nothing(folder):
    at = propose(SEED)
    click(at, "Accept all")
    click(at, "Save 8 accepted")
    assert "headline" in html.unescape(at.error[0].value) and "Nothing saved" in html.unescape(at.error[0].value)
    store = EventStore(folder)
    assert len(store.read_events()) == 30 and store.changes().empty


@pytest.mark.parametrize("text, published, message", [
    ("", date(2025, 4, 25), "is empty"),
    (SEED, None, "No publication date given"),
    ("Российские средства ПВО отразили атаку беспилотников на авиабазу Хмеймим поздно вечером в четверг, "
     "сообщили сирийские СМИ.", date(2025, 4, 25), "does not look like English"),
])
def test_bad_input_gets_a_message_not_a_traceback(folder, text, published, message):
    at = propose(text, published=published)
    assert message in html.unescape(at.error[0].value)


def test_hostile_text_in_an_article_is_inert_in_the_review(folder):
    hostile = (f"Drones were intercepted over Khmeimim late on April 24, according to {PAYLOADS['img_onerror']} "
               f"and {PAYLOADS['markdown']}. Blasts hit Tartus {PAYLOADS['close_script']} on April 23, "
               f"{PAYLOADS['template_literal']} said.")
    at = propose(hostile, outlet=PAYLOADS["svg_onload"])
    shown = next(m.value for m in at.markdown if 'class="article-text"' in m.value)
    for payload in ("<img", "<script", "<svg", "](javascript", "${"):
        assert payload not in shown
    assert html.unescape(shown).count("window.__pwned") >= 3  # shown as text, not dropped
    summary = next(m.value for m in at.markdown if "candidate event(s)" in m.value)
    assert "<svg" not in summary
