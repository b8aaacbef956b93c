#!/usr/bin/env bash
# Run the dashboard on the bundled data (sets up .venv first; see scripts/setup.sh).
#   bash scripts/run.sh                          # http://localhost:8501
#   bash scripts/run.sh -- --data-dir /srv/data  # any `streamlit run` options, then the app's own
# Once the server answers, the app runs once by itself (python -m utils serve: imports, data, facet indexes, the
# map's layer), so the first visitor after a restart does not wait for them; --no-warm first to skip that.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/python -m utils serve "$@"
