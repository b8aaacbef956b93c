"""The scripts directly in ``pages/`` run the whole app; Streamlit uses them only for a first visit.

A project with a ``pages/`` folder starts in Streamlit's old folder-based page
mode until ``st.navigation`` has run once in the server process. A first visit
through a deep link (``/events``) is therefore matched against the ``*.py``
files directly in ``pages/``: without them Streamlit showed "Page not found"
over the right page; with a page script that skips ``app.py`` it showed the
page with no data and no sidebar. So each of them runs ``app.py``, whose
``st.navigation`` then picks the page from the link and ends the old mode.
"""

from __future__ import annotations

import runpy
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"


def run_app() -> None:
    """Run ``app.py`` as Streamlit would run the entry script."""
    runpy.run_path(str(APP), run_name="__main__")
