"""The dashboard's pages, each a thin script in ``pages/views/`` run by ``st.navigation`` in ``app.py``.

The page scripts sit one folder down on purpose: Streamlit treats every ``*.py``
directly in ``pages/`` as an old-style page and, on a fresh server, would run
such a page for a deep link (``/timeline``) without ``app.py``, that is without
the data and the shared sidebar.
"""
