"""No traceback reaches a user: unexpected errors become a short message, the details go to the server log."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

import streamlit as st
from streamlit.logger import get_logger

# Streamlit's handler and format for our own loggers (utils.* and ui.*), so their records reach the server log.
for _name in ("utils", "ui"):
    get_logger(_name)
log = logging.getLogger(__name__)


def report_unexpected(what: str) -> str:
    """Log the exception being handled with a short reference and tell the user; returns the reference."""
    reference = uuid.uuid4().hex[:8]
    log.exception("%s failed (reference %s)", what, reference)
    st.error(f"Sorry, {what} failed unexpectedly. The details are in the server log under reference "
             f"{reference}. Change a filter or reload the page to go on; if it happens again, tell the "
             "administrator the reference.", icon=":material/error:")
    return reference


def run_guarded(run: Callable[[], object], what: str = "this page") -> None:
    """Run ``run()``; an exception shows a short message and is logged (st.stop and reruns pass through)."""
    try:
        run()
    except Exception:
        report_unexpected(what)
