#!/usr/bin/env bash
# Sets everything up in .venv and runs the quality gates and the whole test suite:
# ruff format --check, ruff check, mypy, the size check (tools/check_size.py), pytest, then
# builds the bundled application and smoke-tests it (packaging/build-bundle.sh).
#   ./test.sh                      everything (what .ci/run runs)
#   ./test.sh tests/core -k sleep  the gates and only these tests (arguments go to pytest);
#                                  no bundle
#   MAGPLAN_SKIP_BUNDLE=1 ./test.sh  everything but the bundle
# Installs the Debian packages the tests need when missing (with apt-get, as root or through
# sudo; otherwise it prints the apt-get line to run and the tests that need them are skipped).
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=packaging/bootstrap.sh
source packaging/bootstrap.sh

mp_venv
mp_install_project test
# Qt draws and prints offscreen in the tests: its libraries and a font must be present.
mp_qt_libs offscreen || mp_die "the tests cannot run without the system libraries above"
# The validators for the desktop entry and the AppStream metainfo.
mp_apt_packages desktop-file-utils appstream ||
    mp_say "continuing: the desktop-file validator tests will be skipped"
# A screen reader's view of the window (tests/gui/test_accessibility_atspi.py): a private X
# screen, a session bus, the accessibility bus, Debian's python3 with pyatspi, Qt's X11 libraries.
{ mp_apt_packages xvfb "dbus-daemon|dbus" dbus-x11 at-spi2-core python3-pyatspi && mp_qt_libs window; } ||
    mp_say "continuing: the screen-reader (AT-SPI) tests will be skipped"

export QT_QPA_PLATFORM=offscreen
bin=$MP_VENV/bin
step() { echo "== $*" >&2; }
step "ruff format --check"
"$bin/ruff" format --check src tests packaging bench tools
step "ruff check"
"$bin/ruff" check src tests packaging bench tools
step "mypy"
"$bin/mypy"
step "function size and complexity"
"$bin/python" tools/check_size.py
step "pytest"
"$bin/python" -m pytest "$@"
if [ $# -eq 0 ] && [ -z "${MAGPLAN_SKIP_BUNDLE:-}" ]; then
    step "bundle: build and smoke test"
    packaging/build-bundle.sh
fi
