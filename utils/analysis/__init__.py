"""Questions asked of the loaded events: filters, timelines, per-base counts, nearby events, paging."""
