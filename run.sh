#!/usr/bin/env bash
# Sets everything up in .venv and opens Magnesium Planner. Arguments go to the program:
#   ./run.sh                        open the window
#   ./run.sh print -o schedule.pdf  print a schedule to a PDF (no window needed)
#   ./run.sh forms                  list the forms of magnesium the planner knows
# Installs the system libraries Qt needs for a window when they are missing (with apt-get, as
# root or through sudo; otherwise it prints the apt-get line to run).
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=packaging/bootstrap.sh
source packaging/bootstrap.sh

# Does this command open the window? Subcommands and --version/--help do not.
opens_window=yes
case "${1:-}" in
-h | --help | --version) opens_window=no ;;
-*) ;;
?*) opens_window=no ;;
esac

has_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }

mp_venv
mp_install_project ""

if [ -n "${QT_QPA_PLATFORM:-}" ]; then
    # The caller chose Qt's platform (e.g. offscreen): trust it.
    mp_qt_libs offscreen || exit 1
elif [ "$opens_window" = yes ]; then
    if ! has_display; then
        mp_qt_libs offscreen || true
        mp_say "no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open."
        mp_say "to print a schedule instead, run: $MP_VENV/bin/magplan print -o schedule.pdf" \
            "(options: $MP_VENV/bin/magplan print --help)"
        exit 2
    fi
    mp_qt_libs window || exit 1
else
    mp_qt_libs offscreen || exit 1
    has_display || export QT_QPA_PLATFORM=offscreen
fi

rm -f "$MP_LOG"
exec "$MP_VENV/bin/magplan" "$@"
