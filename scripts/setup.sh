#!/usr/bin/env bash
# Sets up everything the app and its tests need on a Debian/Ubuntu machine: the system
# packages Qt needs to run (also offscreen), fonts with Vietnamese glyphs, and a virtual
# environment in .venv with the project installed (editable) and its dev tools.
# Usage: bash scripts/setup.sh        (sourced by start.sh and test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
APT_PACKAGES=(python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
              libdbus-1-3 libglib2.0-0 fonts-noto-core fonts-dejavu-core poppler-utils
              softhsm2 opensc libreoffice-writer-nogui libreoffice-calc-nogui
              msitools wixl osslsigncode
              # Qt's xcb platform plugin (a real desktop; the GUI test under Xvfb checks
              # them with the window itself) and the virtual X server for that test
              libxcb1 libx11-6 libx11-xcb1 libxcb-util1 libxcb-render0
              libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
              libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
              libxcb-sync1 libxcb-shm0 libxcb-glx0 xvfb xauth)

install_system_packages() {
    command -v apt-get >/dev/null || return 0
    local missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        # Ubuntu 24.04 renamed some libraries (libglib2.0-0t64): either name counts
        dpkg -s "$pkg" >/dev/null 2>&1 || dpkg -s "${pkg}t64" >/dev/null 2>&1 \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "== installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

check_python() {
    "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
        echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))" >&2
        exit 1
    }
}

install_system_packages
check_python
if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv"
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
echo "== installing eoffice-client and its dev tools into .venv"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
