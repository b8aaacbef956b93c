"""Briefing exports: the page, its formats, rendering in Chromium, permalinks."""
