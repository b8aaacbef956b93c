"""Which collections this session shows: the bundled events, one import, several (chosen in the sidebar).

The choice lives in the session and in the link (``collection=ID``, repeated;
absent: every collection), so a permalink opened elsewhere shows the same
events. Every collection is in the store, visible to every session and server.
"""

from __future__ import annotations

import streamlit as st

from ui import url_state
from utils.core.escaping import escape_text
from utils.data.stored import StoreSnapshot

CHOICE = "collections_shown"
_WIDGET = "collections_widget"


def _label(snapshot: StoreSnapshot, collection_id: str) -> str:
    rows = snapshot.collections.set_index("collection_id")
    if collection_id not in rows.index:
        return collection_id
    row = rows.loc[collection_id]
    return f"{row['name']} ({int(row['events']):,})"


def chosen_collections(snapshot: StoreSnapshot) -> tuple[str, ...] | None:
    """The collections this session shows (None: all of them), first taken from the link."""
    live = list(snapshot.collections["collection_id"])
    if CHOICE not in st.session_state:
        wanted = url_state.current_link().get(url_state.COLLECTION_KEY, [])
        unknown = [c for c in wanted if c not in live]
        if unknown:
            st.warning("The link names collection(s) not in the store (deleted, or from another server): "
                       + escape_text(", ".join(unknown)) + ". Showing the others.", icon=":material/link_off:")
        known = tuple(c for c in wanted if c in live)
        st.session_state[CHOICE] = known or None
    choice = st.session_state[CHOICE]
    if choice is not None:
        choice = tuple(c for c in choice if c in live) or None
        st.session_state[CHOICE] = choice
    return choice


def show_collections(choice: tuple[str, ...] | None, *, reset_filters=None) -> None:
    """Show ``choice`` from now on (None: all), in this session and its link; a callback may reset filters."""
    st.session_state[CHOICE] = choice
    st.session_state.pop(_WIDGET, None)
    if reset_filters is not None:
        reset_filters()
    _mirror(choice)


def _mirror(choice: tuple[str, ...] | None) -> None:
    """The choice in the link: ``collection=ID`` once per collection; absent for all of them."""
    url_state.write("collection", {url_state.COLLECTION_KEY: list(choice)} if choice else {})


def collection_chooser(snapshot: StoreSnapshot, *, on_change=None) -> tuple[str, ...] | None:
    """The sidebar's chooser of collections; returns the choice (None: all). Hidden with one collection."""
    choice = chosen_collections(snapshot)
    live = list(snapshot.collections["collection_id"])
    if len(live) > 1:
        if choice is None or _WIDGET not in st.session_state:  # "all" includes collections added since
            st.session_state[_WIDGET] = list(choice or live)

        def changed() -> None:
            picked = tuple(c for c in live if c in st.session_state[_WIDGET])
            st.session_state[CHOICE] = None if set(picked) == set(live) or not picked else picked
            if on_change is not None:
                on_change()

        st.sidebar.multiselect("Collections shown", live, key=_WIDGET, on_change=changed,
                               format_func=lambda c: _label(snapshot, c), placeholder="All collections",
                               help="The bundled events and each import saved in the store. Empty: all of them.")
        choice = st.session_state[CHOICE]
    _mirror(choice)
    return choice


def manage_collections() -> None:
    """The store's collections (who imported what, when, its row report), each deletable after confirmation."""
    from ui.data import event_store, store_snapshot
    from ui.identity import current_user
    from utils.data.store_collections import delete_collection
    from utils.data.store_sql import StoreConfigError

    snapshot = store_snapshot().value
    if snapshot is None:
        return
    st.subheader("Collections in the store")
    table = snapshot.collections[["collection_id", "name", "created_by", "created_at", "file", "rows_read", "events",
                                  "set_aside"]]
    st.dataframe(table, hide_index=True, key="collections_table",
                 column_config={"collection_id": "Id", "name": "Name", "created_by": "Imported by",
                                "created_at": "When (UTC)", "file": "File", "rows_read": "Rows read",
                                "events": "Events", "set_aside": "Set aside"})
    imports = [c for c in snapshot.collections["collection_id"] if c != "bundled"]
    if not imports:
        return
    with st.expander("Delete a collection"):
        target = st.selectbox("Collection", imports, index=None, key="delete_collection",
                              format_func=lambda c: _label(snapshot, c), placeholder="Pick one to delete")
        reason = st.text_input("Reason (required; it goes into the change log)", key="delete_reason")
        if target is not None:
            sure = st.checkbox(f"Yes, delete {target}: its events leave every view of every session (they stay in "
                               "the store and the deletion is logged)", key="delete_confirm")
            if st.button("Delete the collection", disabled=not sure, key="delete_go", icon=":material/delete:"):
                try:
                    count = delete_collection(event_store().db, target, who=current_user(), reason=reason)
                except StoreConfigError as error:
                    st.error(escape_text(str(error)), icon=":material/error:")
                else:
                    for key in ("delete_collection", "delete_reason", "delete_confirm"):
                        st.session_state.pop(key, None)
                    st.session_state["import_message"] = f"Collection {target} deleted ({count:,} events hidden)."
                    st.rerun()
