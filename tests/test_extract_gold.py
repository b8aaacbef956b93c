"""The extractor against the gold sets, the command line, and saving what the analyst accepted (issue 17)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from datetime import date

import pandas as pd
import pytest
from conftest import DATA, NOT_COPIED, PROJECT, TEST_DATA
from payloads import PAYLOADS

from utils.data.store import EventStore, SaveRefused
from utils.importers.article import build_place_index, candidate_rows, extract_article
from utils.importers.article.save import save_reviewed
from utils.importers.article.scoring import Score, same_claimant, score_article

SEEDS, HELD_OUT, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4 = (TEST_DATA / "seeds", TEST_DATA / "articles", TEST_DATA / "articles2",
                                                      TEST_DATA / "articles3", TEST_DATA / "articles4")
HELD_OUT_5, HELD_OUT_6, HELD_OUT_7 = TEST_DATA / "articles5", TEST_DATA / "articles6", TEST_DATA / "articles7"
HELD_OUT_8, HELD_OUT_9, HELD_OUT_10 = TEST_DATA / "articles8", TEST_DATA / "articles9", TEST_DATA / "articles10"
HELD_OUT_11, HELD_OUT_12, HELD_OUT_13 = TEST_DATA / "articles11", TEST_DATA / "articles12", TEST_DATA / "articles13"
HELD_OUT_14, HELD_OUT_15 = TEST_DATA / "articles14", TEST_DATA / "articles15"
HELD_OUT_16, HELD_OUT_17, HELD_OUT_18 = TEST_DATA / "articles16", TEST_DATA / "articles17", TEST_DATA / "articles18"
HELD_OUT_19, HELD_OUT_20, HELD_OUT_21 = TEST_DATA / "articles19", TEST_DATA / "articles20", TEST_DATA / "articles21"
HELD_OUT_22, HELD_OUT_23 = TEST_DATA / "articles22", TEST_DATA / "articles23"
HELD_OUT_24, HELD_OUT_25, HELD_OUT_26 = TEST_DATA / "articles24", TEST_DATA / "articles25", TEST_DATA / "articles26"
HELD_OUT_27, HELD_OUT_28 = TEST_DATA / "articles27", TEST_DATA / "articles28"
HELD_OUT_29, HELD_OUT_30 = TEST_DATA / "articles29", TEST_DATA / "articles30"
HELD_OUT_31, HELD_OUT_32 = TEST_DATA / "articles31", TEST_DATA / "articles32"
HELD_OUT_33, HELD_OUT_34 = TEST_DATA / "articles33", TEST_DATA / "articles34"
HELD_OUT_35, HELD_OUT_36 = TEST_DATA / "articles35", TEST_DATA / "articles36"
HELD_OUT_37, HELD_OUT_38 = TEST_DATA / "articles37", TEST_DATA / "articles38"


def gold_set(folder):
    with (folder / "articles.csv").open(encoding="utf-8") as handle:
        articles = list(csv.DictReader(handle))
    with (folder / "gold_events.csv").open(encoding="utf-8") as handle:
        gold = list(csv.DictReader(handle))
    return [(a, [g for g in gold if g["article"] == a["article"]]) for a in articles]


@pytest.fixture(scope="module")
def index():
    from utils.data.sites import load_sites

    return build_place_index(load_sites(DATA / "sites.geojson"))


def score_set(folder, index) -> Score:
    total = Score(0, 0, 0, 0, 0, 0)
    for article, gold in gold_set(folder):
        extraction = extract_article((folder / article["article"]).read_bytes(), published=article["published"],
                                     outlet=article["outlet"], index=index, name=article["article"])
        total += score_article(candidate_rows(extraction), gold)[0]
    return total


def test_the_seed_gold_set_is_the_bundled_events():
    gold = pd.read_csv(SEEDS / "gold_events.csv", dtype=str, keep_default_na=False)
    events = pd.read_csv(DATA / "events.csv", dtype=str, keep_default_na=False)
    assert len(gold) == 30
    assert gold[["event_date", "sub_event_type", "claimed_by"]].values.tolist() == \
        events[["event_date", "sub_event_type", "claimed_by"]].values.tolist()


def test_seeds_recall_and_precision_stay_at_their_tuned_level(index):
    score = score_set(SEEDS, index)
    assert score.recall >= 0.96 and score.precision >= 0.96, score


def test_the_first_held_out_set_keeps_what_tuning_on_it_gained(index):
    # Measured once unseen (recall 0.45, precision 0.54), then studied and tuned on (BENCHMARKS.md).
    score = score_set(HELD_OUT, index)
    assert score.gold == 33
    assert score.recall >= 0.93 and score.precision >= 0.93, score


@pytest.mark.parametrize("folder, gold, recall, precision", [
    # unseen first run 0.53 / 1.00, then tuned on; 15 of 19 since the fifth pass finds the al-Omar oil field in the
    # gazetteer (UCDP's point), 28 km from the point the set's author gave the Green Village base "near" it
    (HELD_OUT_2, 19, 0.78, 0.88),
    (HELD_OUT_3, 11, 1.0, 1.0),  # unseen first run 0.64 / 0.70, then tuned on
    (HELD_OUT_4, 10, 0.9, 0.9),  # unseen first run 0.50 / 0.62, then studied (issue 17, general mechanisms)
    # unseen first run 0.70 / 0.63, then studied (issue 17, third pass; twenty-second pass 0.89 / 1.00: Barisha)
    (HELD_OUT_5, 39, 0.84, 1.0),  # denials re-annotated 2026-12-04 (37 -> 39 rows): 33/39, 0.846
    # unseen first run 0.74 / 0.66, then studied (issue 17, fourth pass; 0.84 / 0.89 after the sixth, 0.86 / 0.90 after
    # the fourteenth)
    (HELD_OUT_6, 51, 0.86, 0.89),  # fifteenth pass 0.88 / 0.90; denials re-annotated 2026-12-04 (50 -> 51): 44/51
    # unseen first run 0.77 / 0.80 (19:18 UTC 2026-12-01, after the fourth pass), then studied (issue 17, fifth pass)
    (HELD_OUT_7, 52, 0.90, 0.86),  # sixteenth pass 0.90 / 0.87; eighteenth pass 0.92 / 0.87
    # unseen first run 0.63 / 0.69 (21:21 UTC 2026-12-01, after the fifth pass), then studied (issue 17, sixth pass:
    # 0.72 / 0.77; tenth pass 0.75 / 0.77; fifteenth pass 0.76 / 0.78)
    (HELD_OUT_8, 68, 0.74, 0.76),
    # unseen first run 0.52 / 0.62 (21:57 UTC 2026-12-01, after the sixth pass), then studied (issue 17, seventh pass;
    # tenth pass 0.70 / 0.75; eleventh pass 0.71 / 0.76; seventeenth pass 0.73 / 0.78; twenty-second 0.73 / 0.79; twenty-third 0.75 / 0.80)
    (HELD_OUT_9, 63, 0.74, 0.79),
    # unseen first run 0.41 / 0.57 (22:21 UTC 2026-12-01, after the seventh pass), then studied (issue 17, eighth
    # pass: 0.72 / 0.84; seventeenth pass 0.74 / 0.86; twenty-second pass 0.76 / 0.86; twenty-fifth pass 0.78 / 0.87)
    (HELD_OUT_10, 58, 0.77, 0.86),
    # unseen first run 0.48 / 0.72 (00:30 UTC 2026-12-02, after the eighth pass), then studied (issue 17, ninth
    # pass: 0.58 / 0.88; tenth pass 0.66 / 0.90; eleventh pass 0.69 / 0.90; seventeenth pass 0.71 / 0.92; twenty-third pass 0.72 / 0.92;
    # thirty-fourth pass, ground attacks: 0.73 / 0.92, 0.738 / 0.923; thirty-sixth pass, a baseline clause's date:
    # 0.73 / 0.94, 0.738 / 0.941)
    (HELD_OUT_11, 65, 0.73, 0.94),
    # unseen first run 0.44 / 0.73 (02:32 UTC 2026-12-02, after the tenth pass), then studied (issue 17, eleventh
    # pass: 0.63 / 0.91; thirteenth pass 0.66 / 0.93)
    (HELD_OUT_12, 62, 0.64, 0.91),
    # unseen first run 0.47 / 0.72 (03:43 UTC 2026-12-02, after the eleventh pass), then studied (issue 17, twelfth
    # pass: 0.51 / 0.79; thirteenth pass 0.60 / 0.84; fifteenth pass 0.61 / 0.84; seventeenth pass 0.65 / 0.90;
    # eighteenth pass 0.66 / 0.90; twenty-fifth pass 0.68 / 0.90)
    (HELD_OUT_13, 80, 0.68, 0.90),
    # unseen first run 0.47 / 0.62 (06:41 UTC 2026-12-02, after the thirteenth pass), then studied (issue 17,
    # fourteenth pass: 0.61 / 0.77; fifteenth pass 0.64 / 0.78; thirty-first pass 0.64 / 0.79, 0.644 / 0.792;
    # thirty-sixth pass, an anniversary's day: 0.66 / 0.81, 0.661 / 0.812)
    (HELD_OUT_14, 59, 0.66, 0.81),
    # unseen first run 0.42 / 0.54 (07:10 UTC 2026-12-02, after the fourteenth pass), then studied (issue 17,
    # fifteenth pass: 0.48 / 0.62; sixteenth pass 0.48 / 0.63; eighteenth pass 0.50 / 0.64; twenty-first pass
    # 0.55 / 0.70; twenty-second pass 0.56 / 0.71; twenty-third pass 0.58 / 0.71; twenty-fifth pass 0.58 / 0.74)
    (HELD_OUT_15, 64, 0.57, 0.74),
    # unseen first run 0.60 / 0.55 (07:30 UTC 2026-12-02, after the fifteenth pass), then studied (issue 17,
    # sixteenth pass, a precision pass: 0.62 / 0.60; seventeenth pass 0.62 / 0.63; twenty-first pass 0.65 / 0.67;
    # thirty-sixth pass, an offset closing its clause: 0.65 / 0.67, 0.655 / 0.679)
    (HELD_OUT_16, 55, 0.65, 0.69),
    # unseen first run 0.58 / 0.67 (14:15 UTC 2026-12-02, after the seventeenth pass), then studied in the eighteenth
    # pass: unchanged, 0.58 / 0.67; nineteenth pass: unchanged (its type and claimant shares rose); twenty-first pass
    # 0.58 / 0.68; twenty-second pass 0.58 / 0.69; twenty-eighth pass 0.61 / 0.73 (0.613 / 0.731)
    (HELD_OUT_17, 62, 0.61, 0.74),
    # unseen first run 0.77 / 0.71 (14:41 UTC 2026-12-02, after the eighteenth pass), then studied (issue 17,
    # nineteenth pass: 0.79 / 0.74; twenty-first pass 0.81 / 0.79; twenty-third pass 0.83 / 0.80; twenty-fifth
    # pass 0.83 / 0.81)
    (HELD_OUT_18, 47, 0.85, 0.85),  # denials re-annotated 2026-12-04 (one row added, one removed): 40/47
    # unseen first run 0.75 / 0.67 (20:20 UTC 2026-12-02, after the nineteenth pass), then studied (twentieth pass:
    # unchanged; twenty-first pass 0.75 / 0.69)
    (HELD_OUT_19, 44, 0.77, 0.69),
    # unseen first run 0.45 / 0.71 (06:38 UTC 2026-12-03, after the twenty-first pass), then studied (twenty-second
    # pass: unchanged; twenty-third pass 0.47 / 0.74; thirty-fourth pass, ground attacks: 0.56 / 0.80, 0.561 / 0.804;
    # thirty-fifth pass, blame accounts: 0.57 / 0.80, 0.576 / 0.809)
    (HELD_OUT_20, 66, 0.57, 0.80),
    # unseen first run 0.44 / 0.63 (07:14 UTC 2026-12-03, after the twenty-second pass), then studied (twenty-third
    # pass: 0.48 / 0.69; twenty-sixth pass 0.49 / 0.71; thirty-first pass 0.53 / 0.76, 0.533 / 0.769;
    # thirty-fifth pass, blame accounts and charges set off: 0.56 / 0.77, 0.560 / 0.778)
    (HELD_OUT_21, 75, 0.56, 0.77),
    # unseen first run 0.73 / 0.82 (07:40 UTC 2026-12-03, after the twenty-third pass), then studied (twenty-fourth
    # pass: unchanged; its type share rose, 0.59 -> 0.63; twenty-fifth pass 0.73 / 0.83;
    # thirty-fifth pass, blame accounts: 0.74 / 0.83, 0.746 / 0.833)
    (HELD_OUT_22, 67, 0.74, 0.83),
    # unseen first run 0.72 / 0.76 (08:05 UTC 2026-12-03, after the twenty-fourth pass), then studied (issue 17,
    # twenty-fifth pass: 0.75 / 0.78)
    (HELD_OUT_23, 53, 0.75, 0.78),
    # unseen first run 0.72 / 0.83 (11:06 UTC 2026-12-03, after the twenty-fifth pass, 0.725 / 0.833), then studied
    # (twenty-sixth pass: unchanged); twenty-ninth pass 0.73 / 0.85 (0.739 / 0.850);
    # thirty-fifth pass, charges set off: 0.75 / 0.85 (0.754 / 0.852)
    (HELD_OUT_24, 69, 0.75, 0.85),
    # unseen first run 0.55 / 0.72 (11:22 UTC 2026-12-03, after the twenty-sixth pass, 0.547 / 0.723), then studied
    # (twenty-seventh pass); twenty-eighth pass 0.58 / 0.76 (0.581 / 0.769); twenty-ninth 0.59 / 0.77 (0.593 / 0.773);
    # thirty-fifth pass, a scene's one place named twice: 0.63 / 0.78, 0.640 / 0.786)
    (HELD_OUT_25, 86, 0.63, 0.78),
    # unseen first run 0.49 / 0.61 (11:37 UTC 2026-12-03, after the twenty-seventh pass, 0.486 / 0.614), then studied
    # (twenty-eighth pass: unchanged; an exact place name is not a misspelt base: 0.51 / 0.65, 0.514 / 0.649)
    (HELD_OUT_26, 72, 0.51, 0.64),
    # unseen first run 0.64 / 0.84 (12:07 UTC 2026-12-03, after the twenty-eighth pass, 0.641 / 0.837), then studied
    # (twenty-ninth pass 0.65 / 0.84, 0.656 / 0.840; with 'the end of May' 0.67 / 0.84, 0.672 / 0.843; thirty-first
    # pass 0.67 / 0.86, 0.672 / 0.860; thirty-third pass 0.67 / 0.87, 0.672 / 0.878)
    (HELD_OUT_27, 64, 0.67, 0.87),
    # unseen first run 0.63 / 0.78 (17:18 UTC 2026-12-03, after the twenty-ninth pass, 0.635 / 0.784), then studied
    # (thirtieth pass 0.66 / 0.79, 0.667 / 0.792; thirty-fifth pass, a far locality closing a list: 0.66 / 0.80,
    # 0.667 / 0.808)
    (HELD_OUT_28, 63, 0.66, 0.80),
    # unseen first run 0.76 / 0.59 (17:40 UTC 2026-12-03, after the thirtieth pass, 0.761 / 0.593), then studied
    # (thirty-first pass 0.76 / 0.62, 0.761 / 0.625; with datelines of several cities 0.80 / 0.66, 0.804 / 0.661;
    # thirty-fifth pass, a scene's one place named twice: 0.82 / 0.66, 0.826 / 0.667)
    (HELD_OUT_29, 46, 0.82, 0.66),
    # unseen first run 0.65 / 0.71 (17:56 UTC 2026-12-03, after the thirty-first pass, 0.649 / 0.712), then studied
    # (thirty-second pass, a building named after a far town: 0.66 / 0.73, 0.667 / 0.731;
    # thirty-ninth pass, two named towns and a crowd gathered to protest: 0.70 / 0.74, 0.702 / 0.741)
    (HELD_OUT_30, 57, 0.70, 0.74),
    # unseen first run 0.62 / 0.74 (18:16 UTC 2026-12-03, after the thirty-second pass, 0.623 / 0.741), then studied
    # (thirty-third pass, loosely named far localities: 0.68 / 0.82, 0.681 / 0.825)
    (HELD_OUT_31, 69, 0.68, 0.82),
    # unseen first run 0.57 / 0.69 (18:28 UTC 2026-12-03, after the thirty-third pass, 0.574 / 0.692), then studied
    # (thirty-fourth pass, ground attacks: 0.59 / 0.70, 0.596 / 0.700)
    (HELD_OUT_32, 47, 0.59, 0.70),
    # unseen first run 0.80 / 0.91 (18:46 UTC 2026-12-03, after the thirty-fourth pass, 0.800 / 0.914), then studied
    # (thirty-fifth pass, a scene's one place named twice and blame accounts: 0.85 / 0.91, 0.850 / 0.919)
    (HELD_OUT_33, 40, 0.85, 0.91),
    # unseen first run 0.67 / 0.68 (19:21 UTC 2026-12-04, after the thirty-fifth pass, 0.674 / 0.689), then studied
    # (thirty-sixth pass, a baseline clause's date: 0.67 / 0.70, 0.674 / 0.705)
    (HELD_OUT_34, 46, 0.67, 0.73),
    # unseen first run 0.70 / 0.69 (19:42 UTC 2026-12-04, after the thirty-sixth pass, 0.700 / 0.686); not studied yet
    (HELD_OUT_35, 50, 0.70, 0.72),
    # unseen first run 0.60 / 0.62 (19:58 UTC 2026-12-04, after the thirty-seventh pass, 0.596 / 0.620); not studied yet
    (HELD_OUT_36, 52, 0.67, 0.71),
    # unseen first run 0.47 / 0.82 (20:12 UTC 2026-12-04, after the thirty-eighth pass, 0.466 / 0.818), then studied
    # (thirty-ninth pass, two named towns and a crowd gathered to protest: 0.50 / 0.82, 0.500 / 0.829)
    (HELD_OUT_37, 58, 0.50, 0.82),
    # unseen first run 0.64 / 0.80 (20:37 UTC 2026-12-04, after the thirty-ninth pass, 0.643 / 0.800); three of its
    # incidents very probably repeat earlier gold (its README); not studied yet
    (HELD_OUT_38, 56, 0.64, 0.80),
])
def test_the_studied_held_out_sets_keep_what_tuning_on_them_gained(index, folder, gold, recall, precision):
    score = score_set(folder, index)
    assert score.gold == gold
    assert score.recall >= recall and score.precision >= precision, score


def test_matching_is_one_to_one_and_needs_time_and_place():
    gold = [{"event_date": "2025-04-24", "date_precision": "day", "latitude": 35.4, "longitude": 35.95,
             "geo_precision": 1, "event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use",
             "claimed_by": "Syrian media"}]
    near = dict(gold[0], latitude=35.5, claimed_by="Syrian media reports")
    far = dict(gold[0], latitude=36.0)
    late = dict(gold[0], event_date="2025-04-28")
    score, _ = score_article([near, near, far, late], gold)
    assert (score.matched, score.candidates, score.same_claimant) == (1, 4, 1)


def test_accounts_of_one_incident_are_paired_by_source_not_crosswise():
    # two accounts at the same place and day: interchangeable by time and place, so the source decides the pairing
    # (third pass; it never changes how many match)
    base = {"event_date": "2024-01-28", "date_precision": "day", "latitude": 33.3, "longitude": 38.7,
            "geo_precision": 1, "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    gold = [dict(base, claimed_by="US President Joe Biden"), dict(base, claimed_by="Islamic Resistance in Iraq")]
    candidates = [dict(base, claimed_by="Islamic Resistance in Iraq", latitude=33.31),
                  dict(base, claimed_by="President Joe Biden", latitude=33.29)]
    score, pairs = score_article(candidates, gold)
    assert (score.matched, score.same_claimant) == (2, 2) and sorted(pairs) == [(0, 1), (1, 0)]
    far = [dict(candidates[0], latitude=34.5)]  # beyond 25 km: no source makes a match
    assert score_article(far, gold)[0].matched == 0


@pytest.mark.parametrize("a, b, same", [
    ("SouthFront (no attribution)", "Republic World (no attribution)", True),
    ("Unattributed reports", "SouthFront (no attribution)", False),
    ("Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights (SOHR)", True),
    ("Russian Ministry of Defence", "Russian Foreign Intelligence Service (SVR)", False),
    ("Syrian state television", "Syrian media (unnamed)", False),
])
def test_claimants_match_on_a_distinctive_word(a, b, same):
    assert same_claimant(a, b) is same


def run_cli(*arguments, stdin=None):
    return subprocess.run([sys.executable, "-m", "utils", "extract", *arguments], cwd=PROJECT, capture_output=True,
                          text=True, input=stdin, timeout=120)


@pytest.mark.slow
def test_the_command_line_writes_json_and_csv(tmp_path):
    seed = SEEDS / "001_0cc92d865668803a.txt"
    out = tmp_path / "c.json"
    done = run_cli(str(seed), "--published", "2025-04-25", "--outlet", "SouthFront", "--format", "json",
                   "--out", str(out))
    assert done.returncode == 0, done.stderr
    document = json.loads(out.read_text())
    first = document["events"][0]
    assert {k: first[k] for k in ("event_date", "date_precision", "sub_event_type", "location", "geo_precision",
                                  "claimed_by", "status", "recalled")} == {
        "event_date": "2025-04-24", "date_precision": "day", "sub_event_type": "Disrupted weapons use",
        "location": "Khmeimim air base", "geo_precision": 1, "claimed_by": "Syrian media", "status": "reported",
        "recalled": False}
    assert "late on April 24" in first["evidence"] and first["admin1"] == "Lattakia"
    csv_out = tmp_path / "c.csv"
    assert run_cli(str(seed), "--published", "2025-04-25", "--outlet", "SouthFront", "--format", "csv",
                   "--out", str(csv_out)).returncode == 0
    table = pd.read_csv(csv_out, dtype=str, keep_default_na=False)
    assert len(table) == len(document["events"]) and table.loc[0, "sub_event_type"] == "Disrupted weapons use"


@pytest.mark.slow
@pytest.mark.parametrize("content, arguments, message", [
    (b"", ["--published", "2025-04-25"], "is empty"),
    (b"%PDF-1.4 \x00\x01", ["--published", "2025-04-25"], "a PDF, not text"),
    (b"Drones were shot down over Khmeimim late on Thursday, officials said.", ["--published", "2999-01-01"],
     "in the future"),
    (b"Drones were shot down over Khmeimim late on Thursday, officials said.", ["--published", "yesterday"],
     "not a date"),
])
def test_the_command_line_refuses_bad_input_with_a_message_not_a_traceback(tmp_path, content, arguments, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    done = run_cli(str(path), *arguments, "--outlet", "X", "--out", str(tmp_path / "o.json"))
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr


def test_accepted_events_are_saved_with_a_new_source_and_the_change_log(tmp_path, index):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=NOT_COPIED)
    store = EventStore(folder)
    text = (f"Drones were intercepted over Khmeimim late on April 24, according to {PAYLOADS['script']}. "
            f"The attack came amid reports of {PAYLOADS['img_onerror']} on the coast.")
    extraction = extract_article(text, published="2025-04-25", outlet=PAYLOADS["svg_onload"], index=index)
    rows = candidate_rows(extraction)
    assert rows and rows[0]["claimed_by"].startswith("<script>window")
    with pytest.raises(SaveRefused):  # a bad field refuses all: nothing is written
        save_reviewed(store, outlet="Test Wire", headline="h", published=date(2025, 4, 25), url="",
                      events=[rows[0], dict(rows[0], status="fact")])
    assert len(store.read_sources()) == 5
    saved = save_reviewed(store, outlet=PAYLOADS["svg_onload"], headline=PAYLOADS["jinja"],
                          published=date(2025, 4, 25), url="https://example.org/a", events=[
                              dict(rows[0], attach_to="EV0005")])
    events = store.read_events().set_index("event_id")
    assert saved.event_ids == ("EV0031",)
    assert events.loc["EV0031", "claimed_by"] == rows[0]["claimed_by"]  # stored as text, exactly
    assert events.loc["EV0031", "doc_id"] == saved.doc_id and events.loc["EV0031", "incident_id"] == "INC-EV0005"
    log = store.changes()
    assert log["field"].tolist() == ["(report recorded)", "(created)", "incident_id"]
