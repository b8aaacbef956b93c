"""The peers benchmarks/scale.py measures ours against really draw their markers, offline.

FastMarkerCluster's default markers are made with Leaflet.awesome-markers, and Leaflet.markercluster needs a map
with a maximum zoom; a page lacking either stops at its first marker with an error and shows the base map alone,
which a timing would then flatter. Each peer's page is opened as the benchmark opens it (``offline_page``).
"""

from __future__ import annotations

import pytest

from benchmarks.scale import peer_html
from benchmarks.scale_browser import offline_page as inline_peer_assets
from benchmarks.synthetic import synthetic_events
from utils.analysis.filters import EventFilter
from utils.data.dataset import load_dataset

pytestmark = [pytest.mark.browser, pytest.mark.slow]
_DRAWN = """() => ({clusters: document.querySelectorAll('.marker-cluster').length,
                   markers: document.querySelectorAll('.leaflet-marker-icon:not(.site-marker)').length,
                   circles: document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length})"""


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    import shutil

    from conftest import DATA

    folder = tmp_path_factory.mktemp("peers")
    shutil.copytree(DATA, folder, dirs_exist_ok=True)
    synthetic_events(3000, seed=5).to_csv(folder / "events.csv", index=False)
    dataset = load_dataset(folder)
    return dataset, EventFilter().apply(dataset.events)


@pytest.mark.parametrize(("method", "basemap", "kind"), [
    ("FastMarkerCluster", "ours", "clusters"),
    ("MarkerCluster", "ours", "clusters"),
    ("FastMarkerCluster", "folium", "clusters"),
    ("plain folium", "ours", "circles"),
])
def test_every_peer_page_draws_its_markers_offline_with_no_error(shown, offline_page, method, basemap, kind):
    dataset, events = shown
    page = offline_page.page
    page.set_content(inline_peer_assets(peer_html(dataset, events, method, basemap)), wait_until="load")
    page.wait_for_timeout(300)
    drawn = page.evaluate(_DRAWN)
    assert offline_page.errors == [] and offline_page.outside == [], (offline_page.errors, offline_page.outside)
    assert drawn[kind] > 0, drawn
