"""What a session keeps: a View holds its mask, never a copy of the events; shared work is done once."""

from __future__ import annotations

import threading
import time

import numpy as np
import pandas as pd
from conftest import BUNDLED

from utils.analysis.facets import FACETS, facet_index
from utils.analysis.filters import EventFilter
from utils.data.dataset import Memo, load_files_dataset

DATASET = load_files_dataset(BUNDLED)


def test_a_view_keeps_only_its_mask_and_gives_the_rows_when_asked():
    from ui.view import View

    view = View(dataset=DATASET, filter=EventFilter(sources=("SouthFront",)))
    assert view.mask.dtype == bool and view.mask.shape == (len(DATASET.events),)
    assert view.count == 16
    shown = view.shown
    assert list(shown["event_id"]) == list(DATASET.events.loc[view.mask, "event_id"])
    held = [value for value in vars(view).values() if isinstance(value, pd.DataFrame)]
    assert held == [DATASET.events] or held == [], "no filtered copy is kept on the view"
    assert not any(value is shown for value in vars(view).values())


def test_filtered_frames_are_shared_and_bounded_whatever_the_number_of_sessions():
    from ui.masks import SHOWN_FRAMES, _shown_frame
    from ui.view import View

    _shown_frame.clear()
    values = [EventFilter(statuses=(s,)) for s in ("claimed", "reported", "confirmed", "disputed")]
    frames = [View(dataset=DATASET, filter=v).shown for v in values]
    again = View(dataset=DATASET, filter=values[-1]).shown
    assert again is frames[-1], "a second session with the same filter gets the same rows, not a copy"
    assert [len(f) for f in frames] == [int((DATASET.events["status"] == s).sum())
                                        for s in ("claimed", "reported", "confirmed", "disputed")]
    assert SHOWN_FRAMES <= 2


def test_sessions_showing_one_filter_share_what_was_read_of_its_rows():
    from ui.masks import ROWS_KEPT, _rows
    from ui.view import View

    _rows.clear()
    value = EventFilter(sources=("SouthFront",))
    first, second = View(dataset=DATASET, filter=value), View(dataset=DATASET, filter=value)
    assert first.rows is second.rows, "a second session with the same filter reads the same rows object"
    days = first.rows.days()
    assert second.rows.days() is days, "what one session read is not read again"
    expected = DATASET.events.loc[first.mask, "event_date"].to_numpy().astype("datetime64[D]")
    assert np.array_equal(days, expected) and not days.flags.writeable
    assert first.rows.count == 16 and not first.rows.mask.flags.writeable
    other = View(dataset=DATASET, filter=EventFilter(sources=("SANA",)))
    assert other.rows is not first.rows and other.rows.count == other.count
    assert ROWS_KEPT <= 4


def test_a_view_with_a_mask_of_its_own_reads_its_own_rows():
    from ui.view import View

    base = View(dataset=DATASET, filter=EventFilter())
    step = np.zeros(len(DATASET.events), dtype=bool)
    step[:5] = True
    window = View(dataset=DATASET, filter=EventFilter(), mask=step)  # as a playback step: not the filter's mask
    assert window.rows is not base.rows and window.rows.count == 5
    assert window.rows is window.rows, "read once per view"
    assert np.array_equal(window.rows.days(), DATASET.events["event_date"].to_numpy()[:5].astype("datetime64[D]"))


def test_the_caption_is_counted_on_the_mask():
    from ui.view import View

    view = View(dataset=DATASET, filter=EventFilter(sources=("SouthFront",)))
    coarse = int((DATASET.events.loc[view.mask, "date_precision"] != "day").sum())
    assert view.caption == f"Showing 16 of 30 events, sources: SouthFront; {coarse} of them dated only to the week, month or year"


def test_shared_work_is_done_once_even_when_sessions_ask_at_the_same_time():
    memo, calls = Memo(), []

    def make() -> int:
        calls.append(1)
        time.sleep(0.05)
        return 42

    threads = [threading.Thread(target=lambda: memo.get("key", make)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1] and memo.get("key", make) == 42


def test_facet_indexes_are_built_once_per_dataset():
    first = [facet_index(DATASET, facet) for facet in FACETS]
    assert all(a is b for a, b in zip(first, [facet_index(DATASET, facet) for facet in FACETS]))
    assert all(isinstance(index.rows, np.ndarray) for index in first)
