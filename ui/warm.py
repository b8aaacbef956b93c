"""The server's warm run also opens every other page once, so that no first visit after a restart waits.

``python -m utils serve`` (scripts/run.sh) has Streamlit run the app once in a session with no browser as
soon as the server answers (utils/cli/serve_cmd.py), and sets ``EVENTMAP_WARM_PAGES=1`` for the server. In
that session only, :func:`warm_other_pages` runs the script of every page but the one just drawn, the way
Streamlit runs a page, so each page's own first-time work (the Events page's newest-first order, the
Timeline's counts and its chart library, the Bases summaries, the Claims incidents...) is in the shared
caches before anyone opens it. What a page draws there goes to no browser. A page that fails is logged and
skipped: warming never stops the server. A page that calls ``st.stop()`` ends the run (Streamlit stops the
whole script), so the pages after it stay cold; app.py leaves out the page that always stops before a
choice is made (Changes, which computes nothing until a snapshot is picked).
"""

from __future__ import annotations

import logging
import os
import runpy
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from utils.cli.serve_cmd import WARM_PAGES_ENV
from utils.data.dataset import Dataset
from utils.map.view_layer import prepare_shared_arrays

__all__ = ["WARM_PAGES_ENV", "is_warm_run", "warm_other_pages"]

log = logging.getLogger(__name__)
_opened = threading.Event()
"""Set once the other pages were opened: once per server process (the health check can be asked again)."""


def is_warm_run() -> bool:
    """True in the server's warm run: started by ``python -m utils serve``, no browser behind it, and the other
    pages not opened yet in this process."""
    if os.environ.get(WARM_PAGES_ENV) != "1" or _opened.is_set():
        return False
    try:
        return not dict(st.context.headers)  # a browser's session has its websocket's request headers
    except Exception:  # noqa: BLE001 - no request context at all: no browser either
        return True


def warm_other_pages(page_files: Sequence[Path], dataset: Dataset) -> None:
    """Build what the map's first filter reads of ``dataset`` (:func:`prepare_shared_arrays`), then run each page
    script of ``page_files`` once in this (browserless) run; seconds per step to the log."""
    _opened.set()
    started = time.perf_counter()
    prepare_shared_arrays(dataset.events, dataset.memo)
    warmed, failed = [f"date rank {time.perf_counter() - started:.1f} s"], []
    for number, path in enumerate(page_files):
        page_started = time.perf_counter()
        try:
            with st.container():
                runpy.run_path(str(path), run_name="__main__")  # as Streamlit runs a page (module __main__)
        except StopException:  # st.stop() stops the whole run: the pages after this one stay cold
            warmed.append(f"{path.stem} (stopped)")
            if number + 1 < len(page_files):
                log.info("the warm run stopped at %s (st.stop); %s not opened", path.name,
                         ", ".join(later.stem for later in page_files[number + 1:]))
            break
        except Exception:  # noqa: BLE001 - a page that cannot be warmed is opened cold later, not fatal
            log.warning("the warm run could not open %s", path.name, exc_info=True)
            failed.append(path.stem)
            continue
        warmed.append(f"{path.stem} {time.perf_counter() - page_started:.1f} s")
    log.info("warm run: opened the other pages in %.1f s (%s)%s", time.perf_counter() - started, ", ".join(warmed),
             f"; could not open {', '.join(failed)}" if failed else "")
