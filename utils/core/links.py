"""Reading link (URL query) parameters: a key maps to one value or to a list of values.

The filter, the map view and the map settings all read their parameters with
these three functions, so "the last value wins" and "1, true or yes is on"
are decided once. Writing the link is :mod:`ui.url_state`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["Query", "query_flag", "query_last", "query_values"]

Query = Mapping[str, "str | list[str]"]
"""Link parameters as Streamlit and urllib give them: one value, or every value of a repeated key."""

_ON = ("1", "true", "yes")


def query_values(query: Query, key: str) -> list[str]:
    """Every value of ``key``, in order (``[]`` when absent)."""
    value = query.get(key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def query_last(query: Query, key: str) -> str | None:
    """The last value of ``key`` (a repeated key's last one wins), or ``None`` when absent."""
    values = query_values(query, key)
    return values[-1] if values else None


def query_flag(query: Query, key: str) -> bool:
    """True when the last value of ``key`` is 1, true or yes."""
    return (query_last(query, key) or "").strip().lower() in _ON
