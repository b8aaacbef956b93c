"""Downloads built only when the user asks: a button prepares the file, then a button downloads it.

Nothing is built while a page draws. A prepared file is kept, keyed by what it
holds (data version, filter, format), in one small store shared by every
session and bounded by count and size (:data:`MAX_FILES`, :data:`MAX_BYTES`):
a second user asking for the same events gets it at once, and memory stays
bounded however many ask. If building fails, the failure is said, logged, and
the page goes on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import streamlit as st

from ui.errors import log
from utils.analysis.filters import EventFilter
from utils.data.dataset import Dataset

__all__ = ["MAX_BYTES", "MAX_FILES", "PreparedFiles", "filtered_events_file", "prepared_download"]

MAX_FILES = 6
MAX_BYTES = 1_200_000_000
"""At most this many prepared files, of at most this many bytes together, are kept (least recently used go)."""


class PreparedFiles:
    """Prepared files by key, least recently used dropped first when over ``max_files`` or ``max_bytes``."""

    def __init__(self, max_files: int = MAX_FILES, max_bytes: int = MAX_BYTES) -> None:
        self.max_files, self.max_bytes = max_files, max_bytes
        self._files: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """The file prepared under ``key``, or None (never prepared, or dropped since)."""
        with self._lock:
            data = self._files.get(key)
            if data is not None:
                self._files.move_to_end(key)
            return data

    def put(self, key: str, data: bytes) -> None:
        """Keep ``data`` under ``key``, dropping the least recently used files over the bounds."""
        with self._lock:
            self._files[key] = data
            self._files.move_to_end(key)
            while len(self._files) > 1 and (len(self._files) > self.max_files or self.total_bytes > self.max_bytes):
                self._files.popitem(last=False)

    @property
    def total_bytes(self) -> int:
        return sum(len(data) for data in self._files.values())


@st.cache_resource(show_spinner=False)
def _store() -> PreparedFiles:
    """The one store of prepared files, shared by every session of this server."""
    return PreparedFiles()


def filtered_events_file(dataset: Dataset, event_filter: EventFilter, format_key: str) -> bytes:
    """The CSV or GeoJSON of the events ``event_filter`` keeps: the very bytes the map's export panel gives.

    Both go through :func:`utils.export.outputs.export_file` (the filter's events by date, then id).
    """
    from utils.export.briefing import Briefing
    from utils.export.outputs import export_file

    return export_file(Briefing(dataset, event_filter), format_key)


def file_key(dataset: Dataset, event_filter: EventFilter, format_key: str) -> str:
    """What a prepared file of the filtered events holds: data version, filter and format."""
    return f"{dataset.version}|{event_filter!r}|{format_key}"


def _size_text(size: int) -> str:
    return f"{size / 1e6:,.1f} MB" if size >= 100_000 else f"{size / 1e3:,.1f} kB"


def prepared_download(container, what: str, build: Callable[[], bytes], *, key: str, content_key: str,
                      file_name: str, mime: str) -> bytes | None:
    """A "Prepare" button that builds ``build()`` when clicked, then a "Download ``what``" button for the file.

    ``container`` is where to draw (``st`` or a column); ``key`` names the
    widgets; ``content_key`` says what the file holds (see :func:`file_key`):
    while it stays the same the prepared file is offered again on later runs,
    and when it changes (the filters changed) the user prepares again. Returns
    the prepared bytes, or None when there are none (yet).
    """
    store = _store()
    asked = st.session_state.get(f"{key}_asked") == content_key
    data = store.get(content_key) if asked else None
    if data is None and container.button(f"Prepare {what}", key=f"{key}_prepare", icon=":material/build:",
                                         width="stretch"):
        with container.spinner(f"Preparing {what}..."):
            try:
                data = build()
            except Exception as error:
                log.exception("building %s for download failed", file_name)
                reason = error.strerror if isinstance(error, OSError) and error.strerror else type(error).__name__
                container.error(f"{file_name} could not be made ({reason}). The rest of the page still works; "
                                "try again, or narrow the filters. The details are in the server log.",
                                icon=":material/error:")
                st.session_state.pop(f"{key}_asked", None)
                return None
        store.put(content_key, data)
        st.session_state[f"{key}_asked"] = content_key
    elif data is None and asked:
        container.caption("The file prepared earlier was let go to save memory: prepare it again.")
    if data is None:
        return None
    # on_click="ignore": a click that also reran the page could drop the file before the browser fetched it
    container.download_button(f"Download {what}", data, file_name=file_name, mime=mime, key=f"{key}_download",
                              icon=":material/download:", on_click="ignore", type="primary", width="stretch")
    container.caption(f"{_size_text(len(data))}, ready.")
    return data
