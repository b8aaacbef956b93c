"""The held-out article sets from 14 on pass their authors' self-check (tests/data/selfcheck.py): columns, lengths,
names, vocabularies of utils/core/schema.py, coordinates in Syria, incidents, no overlap with any other gold set."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("selfcheck", Path(__file__).parent / "data" / "selfcheck.py")
selfcheck = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(selfcheck)
DATA, check = selfcheck.DATA, selfcheck.check


@pytest.mark.parametrize("name", ["articles14", "articles15", "articles16", "articles17", "articles18", "articles19",
                                  "articles20", "articles21", "articles22", "articles23",
                                  "articles24", "articles25", "articles26", "articles27", "articles28",
                                  "articles29", "articles30", "articles31",
                                  "articles32", "articles33", "articles34", "articles35",
                                  "articles36", "articles37", "articles38"])
def test_a_held_out_set_passes_its_self_check(name):
    problems, _, lines = check(DATA / name)
    assert problems == [], problems
    assert any(line.startswith("rows: ") for line in lines)


def test_the_self_check_names_a_bad_value(tmp_path):
    """A copy of set 16 with one bad status and one event after its article's publication: both are named."""
    import shutil

    folder = tmp_path / "articles16"
    shutil.copytree(DATA / "articles16", folder)
    shutil.copytree(DATA / "articles15", tmp_path / "articles15")  # the set it is compared with
    gold = (folder / "gold_events.csv").read_text().splitlines()
    cells = gold[1].split(",")
    header = gold[0].split(",")
    cells[header.index("status")] = "certain"
    cells[header.index("event_date")] = "2099-01-01"
    gold[1] = ",".join(cells)
    (folder / "gold_events.csv").write_text("\n".join(gold) + "\n")
    problems, _, _ = check(folder, tmp_path)
    assert any("status 'certain'" in p for p in problems), problems
    assert any("event after publication" in p for p in problems), problems
