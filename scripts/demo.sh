#!/usr/bin/env bash
# Set up a virtual environment, install Tacitus and run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
install_tacitus serve
exec .venv/bin/tacitus demo "$@"
