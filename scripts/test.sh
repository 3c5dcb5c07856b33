#!/usr/bin/env bash
# Set up a virtual environment with the test extras and run the test suite.
# Extra arguments go to pytest, e.g. scripts/test.sh -m slow
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
install_tacitus test,serve,dask
exec .venv/bin/python -m pytest "$@"
