"""First visit to /bases after the server starts: run the app (see ui/first_visit.py)."""

from ui.first_visit import run_app

run_app()
