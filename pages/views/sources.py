"""Sources page: the articles behind the data, so a reader can weigh them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.view import current_view, show_caption
from utils.core.escaping import escape_text, safe_http_url
from utils.core.schema import STATUS_MEANINGS

view = current_view()
st.title("Sources")
st.write("Every event comes from one of these articles. Several outlets are partisan, and most "
         "relay claims made by others: the events record who published each report and who made "
         "each claim.")
show_caption(view)

events = view.dataset.events
shown_ids = set(view.shown["event_id"])
sources = view.dataset.sources.copy()
sources["events"] = sources["doc_id"].map(events["doc_id"].value_counts()).fillna(0).astype(int)
sources["shown"] = sources["doc_id"].map(
    view.shown["doc_id"].value_counts()).fillna(0).astype(int)
st.dataframe(
    sources[["doc_id", "outlet", "published", "published_precision", "headline", "stance", "events", "shown"]],
    hide_index=True,
    column_config={
        "doc_id": "Article",
        "outlet": "Outlet",
        "published": st.column_config.DateColumn("Published (best estimate)", format="YYYY-MM-DD"),
        "published_precision": "Date precision",
        "headline": st.column_config.TextColumn("Headline (our words)", width="large"),
        "stance": st.column_config.TextColumn("How to weigh it", width="medium"),
        "events": "Events",
        "shown": "Shown now",
    },
)

for source in sources.itertuples(index=False):
    published = "" if pd.isna(source.published) else f", {source.published:%Y-%m-%d}"
    label = f"{source.doc_id}: {source.outlet}{published} ({source.events} events)"
    with st.expander(escape_text(label)):
        st.text(source.headline)
        url = safe_http_url(source.url)
        if url:
            st.link_button("Open the article", url)
        reported = events[events["doc_id"] == source.doc_id]
        st.dataframe(
            reported.assign(shown=reported["event_id"].isin(shown_ids))[
                ["event_id", "event_date", "date_precision", "sub_event_type", "location", "claimed_by",
                 "status", "shown"]],
            hide_index=True,
            column_config={"event_date": st.column_config.DateColumn("Date", format="YYYY-MM-DD")},
        )

st.subheader("What the status means")
st.table(pd.DataFrame([(escape_text(k), escape_text(v)) for k, v in STATUS_MEANINGS.items()],
                      columns=["Status", "Meaning"]).set_index("Status"))
