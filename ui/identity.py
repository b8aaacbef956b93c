"""Who is saving: the signed-in user, a name from the authenticating proxy, or a name given once per session."""

from __future__ import annotations

import os

import streamlit as st

USER_HEADER_ENV = "EVENTMAP_USER_HEADER"
"""Set to the header an authenticating proxy puts the user name in (e.g. ``X-Forwarded-User``)."""
NAME = "analyst_name"


def signed_in_user() -> str:
    """``st.user``'s email or name when signed in, else the configured proxy header's value, else ""."""
    try:
        if st.user.get("is_logged_in"):
            return str(st.user.get("email") or st.user.get("name") or "")
    except Exception:  # noqa: BLE001 - no authentication configured
        pass
    header = os.environ.get(USER_HEADER_ENV, "").strip()
    if header:
        try:
            return str(st.context.headers.get(header) or "").strip()
        except Exception:  # noqa: BLE001 - no request context (a test without headers)
            return ""
    return ""


def current_user() -> str:
    """Who the change log names: the signed-in user, else the name this session gave, else ""."""
    return signed_in_user() or str(st.session_state.get(NAME, "")).strip()


def ask_name_once() -> str:
    """When the deployment does not identify users, ask for a name once per session; returns who."""
    known = signed_in_user()
    if known:
        st.caption(f"Saving as {known} (signed in).")
        return known
    name = st.text_input("Your name (for the change log; asked once per session)", key=NAME,
                         placeholder="e.g. A. Analyst")
    return name.strip()
