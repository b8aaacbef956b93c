"""What identifies the events a page shows, for caching page computations across sessions.

Pages cache their computations with ``st.cache_data`` on thin wrappers whose
frames are ``_``-prefixed arguments (not hashed) and whose key is
:func:`filter_key`: a result is reused by every session showing the same
events and recomputed when the data or the filter change. The events are never
copied: wrappers take the dataset and the filter's mask (``view.mask``).
"""

from __future__ import annotations

from ui.view import View

__all__ = ["filter_key"]


def filter_key(view: View) -> str:
    """What identifies the shown events: the data version and the filter (its ``repr`` names every field)."""
    return f"{view.dataset.version}|{view.filter!r}"
