"""Text search over an event's place, notes, actors, outlet and claimant.

A query is one or more words (or "quoted phrases"); an event matches when
every one of them is in one of its :data:`SEARCH_COLUMNS`. Matching ignores
case, accents and Arabic diacritics, hamza forms and tatweel
(:func:`search_key`), and follows transliteration: a word that names a base
in any of its spellings (Hmeimim, Khmeimim, Humaymim, حميميم; the bases'
``alt_names`` in sites.geojson) finds every spelling of it, and a word that
names a place of the data as the gazetteer folds names (Jablah and Jableh,
see :func:`utils.data.gazetteer.fold_name`) finds the data's spellings of it
in every column.

:class:`SearchIndex` is built once per dataset (each column's distinct cells
normalised once, vectorised with pyarrow), so a query costs a scan of the
distinct cells and one lookup per event, whatever the number of events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from utils.data.gazetteer import fold_name

__all__ = ["SEARCH_COLUMNS", "SearchIndex", "build_search_index", "query_terms", "search_key"]

SEARCH_COLUMNS: tuple[str, ...] = ("location", "notes", "actor1", "actor2", "source", "claimed_by")
"""The columns a text search reads."""
PLACE_COLUMNS: tuple[str, ...] = ("location",)
"""Columns also compared as the gazetteer folds place names (one fold per distinct place)."""

_ARABIC = (("[\u0622\u0623\u0625\u0671]", "\u0627"), ("\u0629", "\u0647"), ("\u0649", "\u064a"), ("\u0640", ""))
"""Alef forms -> alef, taa marbuta -> haa, alef maqsura -> yaa, tatweel dropped (diacritics go with NFKD)."""


def _normalised(values: pa.Array) -> pa.Array:
    text = pc.utf8_normalize(values.fill_null(""), "NFKD")
    text = pc.replace_substring_regex(text, r"\p{Mn}", "")
    for pattern, replacement in _ARABIC:
        text = pc.replace_substring_regex(text, pattern, replacement)
    text = pc.utf8_lower(text)
    text = pc.replace_substring_regex(text, r"[^\p{L}\p{N}]+", " ")
    return pc.binary_join_element_wise(" ", pc.utf8_trim_whitespace(text), " ", "")


def search_key(text: str) -> str:
    """``text`` as searches compare it: lower case, no accents or Arabic diacritics, words separated by
    single spaces, with a space at each end (so ' word ' matches whole words)."""
    return _normalised(pa.array([str(text)]))[0].as_py()


def query_terms(query: str) -> list[str]:
    """The words and "quoted phrases" of a query, in order; blank ones dropped."""
    terms = [a or b for a, b in re.findall(r'"([^"]*)"|(\S+)', query or "")]
    return [t for t in (term.strip() for term in terms) if search_key(t).strip()]


@dataclass(frozen=True)
class _Column:
    codes: np.ndarray
    keys: pa.Array
    folded: pa.Array | None


@dataclass(frozen=True)
class SearchIndex:
    """Each searched column's distinct cells, normalised, and which cell each event holds.

    ``spellings``: for each base, the keys of all its spellings (matched as
    whole words); ``size``: the number of events.
    """

    columns: dict[str, _Column]
    spellings: tuple[tuple[str, ...], ...]
    folded_spellings: tuple[frozenset[str], ...]
    size: int

    def _base_keys(self, term: str) -> list[str]:
        """Every spelling of the base ``term`` names, or [] when it names none."""
        key, folded = search_key(term), fold_name(term)
        found: list[str] = []
        for keys, folds in zip(self.spellings, self.folded_spellings):
            if key in keys or (folded and folded in folds):
                found.extend(keys)
        return found

    def _place_keys(self, folded: str) -> list[str]:
        """The data's own spellings of the place ``folded`` names (Jablah -> ' jableh '), at most 20."""
        found: list[str] = []
        for column in self.columns.values():
            if column.folded is not None and folded:
                same = np.flatnonzero(pc.equal(column.folded, folded).to_numpy(zero_copy_only=False))
                found.extend(column.keys.take(pa.array(same[:20])).to_pylist())
        return list(dict.fromkeys(found))

    def term_mask(self, term: str) -> np.ndarray:
        """Boolean array over the events: True where ``term`` (or another spelling of it) is in a column."""
        key = search_key(term).strip()
        folded = fold_name(term)
        spellings = [k for k in dict.fromkeys([*self._base_keys(term), *self._place_keys(folded)])
                     if k.strip() != key]
        pattern = "|".join(re.escape(k) for k in [key, *spellings])  # one pass over each column's cells
        keep = np.zeros(self.size, dtype=bool)
        for column in self.columns.values():
            hits = (pc.match_substring(column.keys, key) if not spellings else
                    pc.match_substring_regex(column.keys, pattern)).to_numpy(zero_copy_only=False)
            if column.folded is not None and folded:
                hits |= pc.match_substring(column.folded, folded).to_numpy(zero_copy_only=False)
            if hits.any():
                keep |= hits[column.codes]
        return keep

    def mask(self, query: str) -> np.ndarray:
        """Boolean array over the events: True where every term of ``query`` matches (all True for none)."""
        keep = np.ones(self.size, dtype=bool)
        for term in query_terms(query):
            keep &= self.term_mask(term)
        return keep


def _site_spellings(sites: pd.DataFrame | None) -> tuple[tuple[tuple[str, ...], ...], tuple[frozenset[str], ...]]:
    if sites is None or sites.empty:
        return (), ()
    keys, folds = [], []
    for site in sites.itertuples(index=False):
        alt = site.alt_names if not isinstance(site.alt_names, str) else (site.alt_names,)
        core = re.sub(r"\s+(air base|naval base|garrison|airport)$", "", str(site.name), flags=re.IGNORECASE)
        names = [str(site.name), core, *map(str, alt)]
        keys.append(tuple(dict.fromkeys(k for k in (search_key(n) for n in names) if k.strip())))
        folds.append(frozenset(f for f in (fold_name(n) for n in names) if f))
    return tuple(keys), tuple(folds)


def build_search_index(events: pd.DataFrame, sites: pd.DataFrame | None = None) -> SearchIndex:
    """The :class:`SearchIndex` of ``events`` (columns it lacks are left out); ``sites`` give the bases'
    spellings."""
    columns: dict[str, _Column] = {}
    for name in SEARCH_COLUMNS:
        if name not in events.columns:
            continue
        codes, cells = pd.factorize(events[name].astype("string").fillna(""), sort=False)
        cells_array = pa.array(np.asarray(cells, dtype=object), type=pa.string())
        folded = None
        if name in PLACE_COLUMNS:
            folded = pa.array([fold_name(str(cell)) for cell in cells], type=pa.string())
        columns[name] = _Column(codes=codes.astype(np.int32), keys=_normalised(cells_array), folded=folded)
    spellings, folds = _site_spellings(sites)
    return SearchIndex(columns=columns, spellings=spellings, folded_spellings=folds, size=len(events))
