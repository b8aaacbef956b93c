#!/usr/bin/env bash
# Run the dashboard on the bundled data (sets up .venv first; see scripts/setup.sh).
#   bash scripts/run.sh                          # http://localhost:8501
#   bash scripts/run.sh -- --data-dir /srv/data  # any `streamlit run` options, then the app's own
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/python -m streamlit run app.py "$@"
