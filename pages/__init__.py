"""The dashboard's pages, each a thin script in ``pages/views/`` run by ``st.navigation`` in ``app.py``.

The scripts directly in ``pages/`` (``events.py``, ``timeline.py``, ...) only run
``app.py``: Streamlit matches the first deep link after a server start against
them (its old folder-based page mode), see :mod:`ui.first_visit`. A new page
in ``app.py`` needs one here too, named after its URL path.
"""
