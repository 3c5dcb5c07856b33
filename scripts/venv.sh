# Sourced by the other scripts: create .venv if needed and install Tacitus with the given extras.
install_tacitus() {
    local extras="$1"
    if [ ! -x .venv/bin/python ]; then
        "${PYTHON:-python3}" -m venv .venv
    fi
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[$extras]"
}
