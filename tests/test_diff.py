"""What changed between two versions of the events."""

from pathlib import Path

import pandas as pd

from utils.data.dataset import load_dataset
from utils.data.diff import diff_events

DATA = Path(__file__).resolve().parent.parent / "data"


def test_added_removed_and_changed_fields_old_to_new():
    old = load_dataset(DATA).events
    new = old.copy()
    new.loc[new["event_id"] == "EV0005", "status"] = "confirmed"
    new.loc[new["event_id"] == "EV0021", "event_date"] = pd.Timestamp("2022-06-16")
    new.loc[new["event_id"] == "EV0021", "latitude"] = 33.6
    new = new[new["event_id"] != "EV0030"]
    extra = new.iloc[[0]].assign(event_id="EV9999")
    new = pd.concat([new, extra], ignore_index=True)
    added, removed, changes = diff_events(old, new)
    assert list(added["event_id"]) == ["EV9999"]
    assert list(removed["event_id"]) == ["EV0030"]
    assert changes.values.tolist() == [
        ["EV0005", "status", "reported", "confirmed"],
        ["EV0021", "event_date", "2022-06-15", "2022-06-16"],
        ["EV0021", "latitude", "33.50583", "33.60000"],
    ]


def test_identical_versions_have_no_differences():
    events = load_dataset(DATA).events
    added, removed, changes = diff_events(events, events.copy())
    assert added.empty and removed.empty and changes.empty
