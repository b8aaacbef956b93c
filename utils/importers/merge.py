"""Putting imported events into a :class:`~utils.data.dataset.Dataset` for the session.

Imported rows need no article in ``sources.csv``: each import gets its own
row in the dataset's sources (doc_id ``import:<file>``), so the Sources page
lists it with its events. Distances to the bases are computed for every row.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pandas as pd

from utils.core.problems import Problem
from utils.core.schema import is_derived_column
from utils.data.csv_read import ROW_COLUMN
from utils.data.dataset import Dataset, derive_columns
from utils.data.validation import LoadResult
from utils.importers.detect import FORMAT_LABELS
from utils.importers.pipeline import ImportResult

__all__ = ["import_doc_id", "with_import"]



def import_doc_id(file: str) -> str:
    """The doc_id given to rows imported from ``file`` that name no article."""
    return f"import:{file}"


def _source_row(result: ImportResult, doc_id: str, count: int) -> dict[str, object]:
    return {
        "doc_id": doc_id,
        "outlet": f"{result.file} ({FORMAT_LABELS[result.format]})",
        "headline": f"Imported in this session: {count} event(s) from {result.file}. Each row keeps the outlet "
                    "that reported it (source) and who made the claim (claimed_by).",
        "published": pd.NaT,
        "published_precision": "",
        "language": "",
        "stance": "Not reviewed by this project: weigh each row by its own source and claimed_by.",
        "seed_file": "",
        "url": "",
    }


def with_import(base: Dataset, result: ImportResult, *, replace_events: bool) -> Dataset:
    """A new dataset: ``base``'s events plus (or replaced by) the import's. ``base`` is not changed.

    When adding, an imported row whose ``event_id`` is already in ``base`` is
    set aside (the report says so), as a repeated id in one file would be.
    """
    imported = result.load.events.copy()
    doc_id = import_doc_id(result.file)
    blank_doc = imported["doc_id"].fillna("").astype(str) == ""
    imported.loc[blank_doc, "doc_id"] = doc_id
    problems = list(result.load.problems)
    rejected = result.load.rejected
    if not replace_events:
        taken = set(base.events["event_id"])
        clash = imported["event_id"].isin(taken)
        if clash.any():
            reason = "event_id is already used by an event in use; ids must be unique, so this row was not added."
            for row, event_id in zip(imported.loc[clash, ROW_COLUMN], imported.loc[clash, "event_id"]):
                problems.append(Problem(result.file, int(row), "event_id", str(event_id), reason))
            clashed = imported.loc[clash].copy()
            clashed["_reasons"] = "event_id: " + reason
            rejected = pd.concat([rejected, clashed], ignore_index=True)
            imported = imported.loc[~clash]
    own = [c for c in base.events.columns if is_derived_column(c)]
    kept = base.events.drop(columns=own) if not replace_events else base.events.iloc[0:0].drop(columns=own)
    events = pd.concat([kept, imported], ignore_index=True) if len(kept) else imported.reset_index(drop=True)
    events = derive_columns(events, base.sites)
    count = len(imported)
    sources_row = pd.DataFrame([_source_row(result, doc_id, count)])
    sources = sources_row if replace_events else pd.concat(
        [base.sources[base.sources["doc_id"] != doc_id], sources_row], ignore_index=True)
    sources["published"] = pd.to_datetime(sources["published"])
    problems.sort(key=lambda p: (p.file, p.row or 0, p.column or ""))
    if not replace_events:
        problems = list(base.load.problems) + problems
        rejected = pd.concat([base.load.rejected, rejected], ignore_index=True) if len(base.load.rejected) \
            else rejected
    files = result.file if replace_events else f"{base.load.file} and {result.file}"
    load = LoadResult(file=files, events=events, rejected=rejected, problems=problems,
                      notes=list(result.load.notes))
    digest = hashlib.sha256(f"{base.version}|{result.file}|{count}|{replace_events}".encode()).hexdigest()[:10]
    return replace(base, events=events, load=load, sources=sources, version=digest,
                   notes=[*base.notes, *result.load.notes] if not replace_events else list(result.load.notes))
