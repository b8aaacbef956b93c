"""A briefing: what one export shows (the data, the filter, the view, the title, the banner, when it was made).

The parts that make an export from it, lowest first:

* :mod:`utils.export.framing`: the view that frames the events when none is given;
* :mod:`utils.export.numbering` and :mod:`utils.export.numbered_layer`: one numbered marker per event,
  co-located ones fanned out; :mod:`utils.export.furniture`: north arrow, scale bar, inset locator;
* :mod:`utils.export.export_map`: the self-contained map drawn with the dashboard's layers;
* :mod:`utils.export.caption` (the caption in words), :mod:`utils.export.lists` (the numbered list of
  events and the sources cited), :mod:`utils.export.document` (the HTML page in each layout);
* :mod:`utils.export.outputs`: every format (PNG, PDF, HTML, CSV, GeoJSON), file names; the app and
  ``python -m utils export`` both call :func:`utils.export.outputs.export_file`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property

import pandas as pd

from utils.analysis.filters import EventFilter
from utils.data.dataset import Dataset
from utils.export.export_map import NUMBER_COLUMN
from utils.export.framing import frame_events
from utils.export.permalink import MapView, permalink
from utils.map.mapping import category_colors
from utils.map.settings import MapSettings
from utils.map.view_layer import DETAIL_LIMIT

__all__ = ["BANNER_LIMIT", "DEFAULT_TITLE", "Briefing"]

DEFAULT_TITLE = "Reported events around foreign bases in Syria"
BANNER_LIMIT = 80
"""Most characters of a handling banner (e.g. ``TLP:CLEAR``)."""


@dataclass(frozen=True)
class Briefing:
    """What one export shows: the dataset, the filter, the map view and settings, a title and when it was made.

    ``view``: the map's centre and zoom, or ``None`` to frame the filtered events (all of Syria when they spread
    across it; see :func:`utils.export.framing.frame_events`), worked out for each layout's map size.
    ``base_url``: the dashboard's address for the permalink (see :func:`utils.export.permalink.dashboard_address`;
    ``''``: a relative link). ``banner``: an optional handling line (free text, e.g. ``TLP:CLEAR``) printed at
    the top and bottom. ``detail_limit``: most events in view drawn one by one, above it clusters.
    """

    dataset: Dataset
    filter: EventFilter
    view: MapView | None = None
    title: str = DEFAULT_TITLE
    base_url: str = ""
    made_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    settings: MapSettings = field(default_factory=MapSettings)
    detail_limit: int = DETAIL_LIMIT
    banner: str = ""

    def __post_init__(self) -> None:
        banner = " ".join(self.banner.split())
        if len(banner) > BANNER_LIMIT:
            raise ValueError(f"the banner {banner[:30]!r}... has {len(banner)} characters; keep it to {BANNER_LIMIT}")
        object.__setattr__(self, "banner", banner)

    @property
    def color_by(self) -> str:
        """The events column that picks marker colours (from the map settings)."""
        return self.settings.color_by

    @cached_property
    def events(self) -> pd.DataFrame:
        """The events the filter keeps, by date then id, each with its number in the list (``list_number``,
        from 1): the number its marker carries on the map."""
        kept = self.filter.apply(self.dataset.events).sort_values(["event_date", "event_id"], kind="stable")
        return kept.assign(**{NUMBER_COLUMN: range(1, len(kept) + 1)})

    def colors(self) -> dict[str, str]:
        """Category colours over the whole dataset, as on the dashboard."""
        return category_colors(self.dataset.events[self.color_by].value_counts().index, self.color_by)

    def view_for(self, map_px: tuple[int, int]) -> MapView:
        """The view of a map of ``map_px`` (width, height) CSS px: the one given, else the events framed."""
        if self.view is not None:
            return self.view
        events = self.events
        return frame_events(zip(events["latitude"].astype(float), events["longitude"].astype(float)), map_px)

    @property
    def framed(self) -> bool:
        """True when the view is worked out from the events (no view was given)."""
        return self.view is None

    def permalink(self, view: MapView) -> str:
        """The link that reopens this filter, ``view`` and the map settings on the dashboard."""
        return permalink(self.base_url, self.filter, view, self.settings)
