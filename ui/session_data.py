"""The events this session uses: the store's collections chosen in the sidebar (see :mod:`ui.collections`).

An import is saved in the store as a collection, so it survives a reload, is
in every permalink that names it and is visible to every session and server.
Every page reads :func:`active_dataset`.
"""

from __future__ import annotations

import streamlit as st

from ui.collections import chosen_collections, collection_chooser, show_collections
from ui.data import event_store, store_snapshot
from ui.identity import current_user
from ui.sidebar import forget_filters
from utils.core.escaping import escape_text
from utils.data.dataset import Dataset
from utils.data.live import NoGoodDataError
from utils.data.store_collections import add_collection
from utils.data.store_sql import StoreConfigError
from utils.data.stored import dataset_for
from utils.importers import ImportResult

MESSAGE = "import_message"
ERROR = "import_error"
SAVED = "imports_saved"


def active_dataset(*, chooser: bool = False) -> Dataset:
    """The dataset of the collections this session shows (drawing the sidebar's chooser when ``chooser``)."""
    snapshot = store_snapshot()
    if snapshot.value is None:
        raise NoGoodDataError(snapshot.fault)
    if chooser:
        for note in snapshot.value.notes:  # the store's own notes: a seed file left unread, a read-only folder
            st.warning(escape_text(note), icon=":material/info:")
        choice = collection_chooser(snapshot.value, on_change=forget_filters)
    else:
        choice = chosen_collections(snapshot.value)
    return dataset_for(snapshot.value, choice)


def import_in_use() -> bool:
    """True when this session shows a choice of collections rather than all of them."""
    return st.session_state.get("collections_shown") is not None


def use_import(result: ImportResult, replace_events: bool, name: str | None = None,
               saved_key: tuple | None = None) -> None:
    """Save the import as a collection in the store, then show it alone or with the others (a button callback).

    ``saved_key`` names this upload and reading of it: a second click shows the
    collection saved the first time instead of saving the events twice.
    """
    saved_before = st.session_state.setdefault(SAVED, {})
    if saved_key is not None and saved_key in saved_before:
        saved = saved_before[saved_key]
    else:
        try:
            saved = add_collection(event_store().db, result.load, file=result.file, fmt=result.format,
                                   rows_read=result.rows_read, who=current_user(), name=(name or "").strip()
                                   or result.file)
        except StoreConfigError as error:
            st.session_state[ERROR] = str(error)
            return
        if saved_key is not None:
            saved_before[saved_key] = saved
    snapshot = store_snapshot().value
    before = chosen_collections(snapshot) if snapshot is not None else None
    if replace_events:
        choice: tuple[str, ...] | None = (saved.collection_id,)
    else:
        choice = None if before is None else (*before, saved.collection_id)
    show_collections(choice, reset_filters=forget_filters)
    clashes = f" {len(saved.clashes)} row(s) were set aside because their id is already in the store." \
        if saved.clashes else ""
    shown = "shown alone" if replace_events else "shown with the other events"
    st.session_state[MESSAGE] = (f"{len(saved.event_ids)} event(s) from {result.file} were saved in the store as "
                                 f"the collection {saved.collection_id}, {shown}; every session can show it "
                                 f"(sidebar: Collections shown).{clashes} The filters were reset.")


def use_bundled() -> None:
    """Show every collection again (a button callback)."""
    show_collections(None, reset_filters=forget_filters)
    st.session_state[MESSAGE] = "Showing every collection again. The filters were reset."
