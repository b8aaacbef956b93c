"""What the article-extraction tests share: the place index, built once per test run, and a text's candidates."""

from __future__ import annotations

from functools import lru_cache

from conftest import DATA

from utils.data.sites import load_sites
from utils.importers.article import build_place_index, candidate_rows, extract_article


@lru_cache(maxsize=1)
def place_index():
    """The extraction's place index over the bundled bases and the gazetteer."""
    return build_place_index(load_sites(DATA / "sites.geojson"))


def candidates(text: str, published: str, outlet: str = "Test Desk") -> list[dict]:
    """The candidate rows extracted from ``text`` published on ``published`` (YYYY-MM-DD) by ``outlet``."""
    return candidate_rows(extract_article(text.encode(), published=published, outlet=outlet, index=place_index(),
                                          name="t.txt"))
