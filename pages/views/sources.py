"""Sources page: the articles behind the data, so a reader can weigh them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from ui.page_data import filter_key
from ui.view import View, current_view, show_caption
from utils.core.escaping import escape_text, safe_http_url
from utils.core.presentation import date_texts
from utils.core.schema import DISPLAY_LABELS, STATUS_MEANINGS

ARTICLE_LIMIT = 50
"""Most articles opened up below the table (the first in the file)."""
LIST_LIMIT = 200
"""Most events listed under one article (in the file's order)."""
LIST_COLUMNS = ["event_id", "event_date", "date_precision", "sub_event_type", "location", "claimed_by", "status"]


@st.cache_data(max_entries=4, show_spinner=False)
def _by_article(version: str, _events: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each article's event positions, in the file's order (computed once per data version)."""
    codes, articles = pd.factorize(_events["doc_id"].astype(str))
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(articles) + 1))
    return {str(article): order[bounds[i]:bounds[i + 1]] for i, article in enumerate(articles)}


@st.cache_data(max_entries=16, show_spinner=False)
def _shown_counts(key: str, _view: View, _rows: np.ndarray) -> dict[str, int]:
    return _view.dataset.events["doc_id"].iloc[np.flatnonzero(_rows)].astype(str).value_counts().to_dict()


view = current_view()
st.title("Sources")
st.write("Every event comes from one of these articles. Several outlets are partisan, and most "
         "relay claims made by others: the events record who published each report and who made "
         "each claim.")
show_caption(view)

events = view.dataset.events
rows = view.mask
by_article = _by_article(view.dataset.version, events)
shown_counts = _shown_counts(filter_key(view), view, rows)
sources = view.dataset.sources.assign(
    events=[len(by_article.get(str(doc), ())) for doc in view.dataset.sources["doc_id"]],
    shown=[shown_counts.get(str(doc), 0) for doc in view.dataset.sources["doc_id"]])
sources["published_text"] = date_texts(pd.DataFrame({"event_date": sources["published"],
                                                    "date_precision": sources["published_precision"]})).to_numpy()
st.dataframe(
    sources[["doc_id", "outlet", "events", "shown", "published_text", "headline", "stance"]],
    hide_index=True,
    width="stretch",
    column_config={
        "doc_id": "Article",
        "outlet": "Outlet",
        "events": st.column_config.NumberColumn("Events", format="%d", width="small"),
        "shown": st.column_config.NumberColumn("Shown now", format="%d", width="small"),
        "published_text": st.column_config.TextColumn("Published", width="medium"),
        "headline": st.column_config.TextColumn("Headline (our words)", width="large"),
        "stance": st.column_config.TextColumn("How to weigh it", width="large"),
    },
)

opened = sources.head(ARTICLE_LIMIT)
if len(sources) > len(opened):
    st.caption(f"Below, the first {len(opened):,} of the {len(sources):,} articles.")
for source in opened.itertuples(index=False):
    published = "" if pd.isna(source.published) else f", {source.published:%Y-%m-%d}"
    label = f"{source.doc_id}: {source.outlet}{published} ({source.events} events)"
    with st.expander(escape_text(label)):
        st.text(source.headline)
        url = safe_http_url(source.url)
        if url:
            st.link_button("Open the article", url)
        positions = by_article.get(str(source.doc_id), np.array([], dtype=np.int64))
        listed = positions[:LIST_LIMIT]
        reported = events[LIST_COLUMNS].iloc[listed].reset_index(drop=True)
        reported["event_date"] = date_texts(reported).to_numpy()
        reported["shown"] = rows[listed]
        if len(positions) > len(listed):
            st.caption(f"The first {len(listed):,} of its {len(positions):,} events, in the file's order.")
        st.dataframe(reported, hide_index=True, width="stretch",
                     column_config={c: DISPLAY_LABELS.get(c, c) for c in LIST_COLUMNS} | {"shown": "Shown now"})

st.subheader("What the status means")
st.table(pd.DataFrame([(escape_text(k), escape_text(v)) for k, v in STATUS_MEANINGS.items()],
                      columns=["Status", "Meaning"]).set_index("Status"))
