#!/usr/bin/env bash
# Installs Magnesium Planner's desktop entry, AppStream metainfo and icons, so that it appears
# in the application menu and software centres with its icon.
#
#   packaging/linux/install-desktop-files.sh                      for you: ~/.local/share
#   packaging/linux/install-desktop-files.sh --prefix /usr        system-wide (as root)
#   packaging/linux/install-desktop-files.sh --exec "$PWD/.venv/bin/magplan-gui"
#                                   when magplan-gui is not on PATH (e.g. the checkout's .venv)
#   DESTDIR=/tmp/stage packaging/linux/install-desktop-files.sh --prefix /usr   (distributions)
#   packaging/linux/install-desktop-files.sh --uninstall          removes what it installed
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
id=io.github.magplan.MagnesiumPlanner
prefix=$HOME/.local
program=
uninstall=

usage() {
    echo "install-desktop-files: ${1:+$1; }usage: $0 [--prefix DIR] [--exec PROGRAM] [--uninstall]" >&2
    exit 2
}
while [ $# -gt 0 ]; do
    case "$1" in
    --prefix) [ $# -ge 2 ] || usage "--prefix needs a folder"; prefix=$2; shift 2 ;;
    --exec) [ $# -ge 2 ] || usage "--exec needs a program"; program=$2; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h | --help) usage ;;
    *) usage "unknown option '$1'" ;;
    esac
done
case "$program" in
*[[:space:]\"\'\\\`\$%]*)
    echo "install-desktop-files: --exec '$program': use a path without spaces or quotes" >&2
    exit 2
    ;;
esac

share=${DESTDIR:-}$prefix/share
files=("applications/$id.desktop" "metainfo/$id.metainfo.xml" "icons/hicolor/scalable/apps/$id.svg")
for size in 16 32 48 64 128 256; do files+=("icons/hicolor/${size}x${size}/apps/$id.png"); done

if [ -n "$uninstall" ]; then
    for f in "${files[@]}"; do rm -f "$share/$f"; done
else
    install -Dm644 "$here/$id.desktop" "$share/applications/$id.desktop"
    if [ -n "$program" ]; then
        sed -i -e "s|^Exec=.*|Exec=$program|" -e "s|^TryExec=.*|TryExec=$program|" \
            "$share/applications/$id.desktop"
    fi
    install -Dm644 "$here/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
    for f in "${files[@]}"; do
        case "$f" in icons/*) install -Dm644 "$here/$f" "$share/$f" ;; esac
    done
fi

# Refresh the menu and icon caches of a live system (packagers' DESTDIR builds skip this).
if [ -z "${DESTDIR:-}" ]; then
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
    fi
fi
echo "install-desktop-files: ${uninstall:+removed from}${uninstall:-installed into} $share"
