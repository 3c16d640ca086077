#!/usr/bin/env bash
# Builds the one-folder Magnesium Planner application with PyInstaller and smoke-tests it.
#   packaging/build-bundle.sh        ->  dist/magplan/{magplan,magplan-gui,_internal/}
# The smoke test runs the built program offscreen, from an unrelated folder, with no help from
# the checkout: --version, forms --json, --smoke-test (opens the window, loads its fields and
# first plan, and waits for that paint) and print -o (writes a PDF schedule). Then
# packaging/pyinstaller/check_bundle.py checks the bundle's size (at most 100 MiB on disk) and
# that it ships nothing packaging/pyinstaller/bundle_contents.py leaves out. Any failure stops
# the script with exit status 1.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=packaging/bootstrap.sh
source packaging/bootstrap.sh

mp_venv
mp_install_project ""
mp_qt_libs offscreen || mp_die "the smoke test cannot run without the system libraries above"
# PyInstaller reads shared-library dependencies with objdump and strips libraries with strip;
# the spec assembles the smaller ICU data library with as and ld (all four: binutils).
if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null; then
    mp_apt_packages binutils || mp_die "PyInstaller needs objdump (Debian: binutils)"
fi
# The bundle carries Python's shared library; Debian's python3 has it in libpython3.X.
mp_python_shared_lib
mp_say "installing PyInstaller into $MP_VENV"
mp_quiet "$MP_VENV/bin/python" -m pip install -q "pyinstaller>=6.10" || mp_die "cannot install PyInstaller"

mp_say "building the bundle (about a minute)"
mp_quiet "$MP_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/pyinstaller/magplan.spec ||
    mp_die "the bundle did not build"

bundle=$PWD/dist/magplan
program=$bundle/magplan
[ -x "$program" ] || program=$bundle/magplan.exe
[ -x "$program" ] || mp_die "the build made no $bundle/magplan"

elsewhere=$(mktemp -d "${TMPDIR:-/tmp}/magplan-smoke.XXXXXX")
trap 'rm -rf "$elsewhere" "$MP_LOG"' EXIT
limit=()
command -v timeout >/dev/null && limit=(timeout 120)
in_elsewhere() {
    (cd "$elsewhere" && env -u MAGPLAN_RESOURCES QT_QPA_PLATFORM=offscreen "${limit[@]}" "$@")
}
smoke() {
    local what=$1
    shift
    if ! in_elsewhere "$@" >"$elsewhere/out" 2>"$elsewhere/err"; then
        cat "$elsewhere/err" >&2
        mp_die "smoke test failed: $what"
    fi
    mp_say "smoke test passed: $what"
}

smoke "--version" "$program" --version
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/magplan/__init__.py)
[ -n "$version" ] || mp_die "src/magplan/__init__.py has no __version__"
grep -qF "magplan $version" "$elsewhere/out" ||
    mp_die "smoke test failed: --version does not print $version (src/magplan/__init__.py)"
smoke "forms --json" "$program" forms --json
"$MP_VENV/bin/python" - "$elsewhere/out" <<'PY' || mp_die "smoke test failed: forms --json lacks glycinate 0.141"
import json, sys
forms = {f["id"]: f for f in json.load(open(sys.argv[1], encoding="utf-8"))}
sys.exit(abs(forms["glycinate"]["elemental_fraction"] - 0.141) > 1e-9)
PY
smoke "--smoke-test (the window opens and paints)" "$program" --smoke-test
if in_elsewhere "$program" print --help >/dev/null 2>&1; then
    smoke "print -o schedule.pdf" "$program" print --goal sleep -o "$elsewhere/schedule.pdf"
    [ "$(head -c 5 "$elsewhere/schedule.pdf")" = "%PDF-" ] ||
        mp_die "smoke test failed: print wrote no PDF"
else
    mp_say "smoke test skipped: print -o (this version of magplan has no print command)"
fi
if in_elsewhere "$program" report --help >/dev/null 2>&1; then
    # the journal (SQLite) and the follow-up report with its charts (Qt Charts), in a data
    # folder of the smoke test's own
    export MAGPLAN_DATA_DIR="$elsewhere/data"
    smoke "plan --save-profile" "$program" plan --goal sleep --save-profile Smoke
    smoke "checkin" "$program" checkin --profile Smoke --scale who5 --answers 3,3,3,3,3
    smoke "report -o followup.pdf" "$program" report --profile Smoke -o "$elsewhere/followup.pdf"
    unset MAGPLAN_DATA_DIR
    [ "$(head -c 5 "$elsewhere/followup.pdf")" = "%PDF-" ] ||
        mp_die "smoke test failed: report wrote no PDF"
fi
if in_elsewhere "$program" foods --help >/dev/null 2>&1; then
    # the food data (resources/foods.json, food_groups.toml) and the printed food list
    smoke "foods --print -o foods.pdf" "$program" foods --print --goal constipation --sex female \
        --diet nuts:1 --diet milk:2 -o "$elsewhere/foods.pdf"
    [ "$(head -c 5 "$elsewhere/foods.pdf")" = "%PDF-" ] ||
        mp_die "smoke test failed: foods --print wrote no PDF"
fi

"$MP_VENV/bin/python" packaging/pyinstaller/check_bundle.py "$bundle" ||
    mp_die "the bundle fails its size and contents check (above)"
mp_say "bundle ready: $bundle ($(du -sh "$bundle" | cut -f1))"
