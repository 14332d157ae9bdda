#!/usr/bin/env bash
# Set up on a fresh machine, build the store from the bundled sample articles, open the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -r requirements.txt
python3 -m etl --input data/articles --output data/store
exec python3 -m streamlit run dashboard.py "$@"
