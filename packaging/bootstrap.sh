# shellcheck shell=bash
# Shared set-up for run.sh, test.sh and packaging/build-bundle.sh; source it, do not run it.
#
#   mp_venv                     create .venv (Python 3.11+) or reuse a working one
#   mp_install_project [test]   install the project (editable) into .venv, with the test extra
#   mp_qt_libs window|offscreen make sure the system libraries Qt needs are present
#   mp_apt_packages PKG...      install Debian/Ubuntu packages that are missing
#   mp_python_shared_lib        make sure .venv's Python has its shared library (PyInstaller)
#
# System packages are installed with apt-get when running as root or with sudo available;
# otherwise the exact apt-get line is printed. "a|b" means "a, or b where a does not exist"
# (Debian 13 and Ubuntu 24.04 renamed some libraries with a t64 suffix).

MP_VENV=${MP_VENV:-.venv}
MP_LOG=$(mktemp "${TMPDIR:-/tmp}/magplan-setup.XXXXXX")
trap 'rm -f "$MP_LOG"' EXIT # callers that exec must remove it themselves
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

mp_say() { echo "magplan: $*" >&2; }
mp_die() {
    mp_say "$*"
    exit 1
}

# Runs a command, keeping its output in the log; on failure shows the log and the command.
mp_quiet() {
    if ! "$@" >"$MP_LOG" 2>&1; then
        cat "$MP_LOG" >&2
        mp_say "this step failed: $*"
        return 1
    fi
}

# --- system packages ----------------------------------------------------------------------

mp_sudo() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
        sudo "$@"
    else
        return 127
    fi
}

mp_can_sudo() {
    [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && { [ -t 0 ] || sudo -n true 2>/dev/null; }; }
}

mp_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

mp_has_candidate() {
    # No "| grep -q": under pipefail an early grep exit fails the pipeline.
    local policy
    policy=$(apt-cache policy "$1" 2>/dev/null)
    [[ $policy == *"Candidate: "[!\(]* ]]
}

_mp_apt_updated=
mp_apt_update() {
    [ -n "$_mp_apt_updated" ] && return 0
    _mp_apt_updated=1
    mp_say "updating the list of Debian packages"
    mp_quiet mp_sudo apt-get update -q
}

# Prints the packages among "a|b" alternatives that are still to be installed, one per line.
# Returns 1 when an alternative has no installable package at all.
_mp_resolve() {
    local alternatives name missing=0
    for alternatives in "$@"; do
        local chosen=
        for name in ${alternatives//|/ }; do
            if mp_installed "$name"; then
                chosen=-
                break
            fi
        done
        [ "$chosen" = - ] && continue
        for name in ${alternatives//|/ }; do
            if mp_has_candidate "$name"; then
                chosen=$name
                break
            fi
        done
        if [ -n "$chosen" ]; then
            echo "$chosen"
        else
            echo "${alternatives%%|*}"
            missing=1
        fi
    done
    return $missing
}

# Installs the packages that are missing. Returns 1 (after printing the apt-get line to run)
# when they cannot be installed from here.
mp_apt_packages() {
    [ $# -gt 0 ] || return 0
    # Several libraries come from one package (libglib2.0-0 has four): name each once.
    local unique=() seen=" " one
    for one in "$@"; do
        [[ $seen == *" $one "* ]] && continue
        seen+="$one "
        unique+=("$one")
    done
    set -- "${unique[@]}"
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        mp_say "this system has no apt-get; install the equivalents of: $*"
        return 1
    fi
    local alternatives needed=0
    for alternatives in "$@"; do
        local name ok=
        for name in ${alternatives//|/ }; do
            mp_installed "$name" && ok=1 && break
        done
        [ -z "$ok" ] && needed=1
    done
    [ "$needed" = 0 ] && return 0

    if ! mp_can_sudo; then
        mp_say "some system packages are missing; as an administrator, run:"
        echo "  sudo apt-get install -y --no-install-recommends $(
            _mp_resolve "$@" | tr '\n' ' '
        )" >&2
        return 1
    fi
    local packages
    if ! compgen -G "/var/lib/apt/lists/*_Packages*" >/dev/null || ! packages=$(_mp_resolve "$@"); then
        mp_apt_update || return 1
    fi
    packages=$(_mp_resolve "$@") || {
        mp_say "no installable package found for some of: $*"
        return 1
    }
    packages=$(awk '!seen[$0]++' <<<"$packages")
    [ -n "$packages" ] || return 0
    mp_say "installing system packages: ${packages//$'\n'/ }"
    # shellcheck disable=SC2086
    mp_quiet mp_sudo env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends $packages
}

# --- Python and the virtual environment ---------------------------------------------------

mp_python_ok() {
    "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

mp_venv() {
    local python=${PYTHON:-python3}
    if [ -x "$MP_VENV/bin/python" ] && mp_python_ok "$MP_VENV/bin/python" &&
        "$MP_VENV/bin/python" -m pip --version >/dev/null 2>&1; then
        return 0
    fi
    command -v "$python" >/dev/null ||
        mp_die "python3 is missing; install Python 3.11 or newer (Debian/Ubuntu: apt-get install python3 python3-venv)"
    mp_python_ok "$python" ||
        mp_die "Magnesium Planner needs Python 3.11 or newer; $python is $("$python" --version 2>&1). Set PYTHON=/path/to/python3.11 to choose another."
    [ -e "$MP_VENV" ] && mp_say "recreating $MP_VENV: it is incomplete or uses an old Python"
    rm -rf "$MP_VENV"
    mp_say "creating the virtual environment $MP_VENV"
    if ! "$python" -m venv "$MP_VENV" >"$MP_LOG" 2>&1; then
        rm -rf "$MP_VENV"
        # Debian and Ubuntu ship venv's pip bootstrap in a separate package.
        local version
        version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
        mp_apt_packages "python$version-venv|python3-venv" ||
            mp_die "cannot create $MP_VENV: $(tail -n 1 "$MP_LOG")"
        mp_quiet "$python" -m venv "$MP_VENV" || mp_die "cannot create $MP_VENV"
    fi
    mp_quiet "$MP_VENV/bin/python" -m pip install -q --upgrade pip ||
        mp_die "cannot update pip in $MP_VENV"
}

# Installs the project (editable) unless pyproject.toml and the version (src/magplan/__init__.py,
# which the package metadata is built from) are unchanged since the last install.
mp_install_project() {
    local extra=${1:-}
    local spec=. stamp="$MP_VENV/.magplan-installed${extra:+-$extra}"
    [ -n "$extra" ] && spec=".[$extra]"
    local want
    want="$(cksum <pyproject.toml) $(grep -m1 '^__version__' src/magplan/__init__.py)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$MP_VENV/bin/magplan" ]; then
        return 0
    fi
    # The test install includes the plain one.
    if [ -z "$extra" ] && [ -f "$MP_VENV/.magplan-installed-test" ] &&
        [ "$(cat "$MP_VENV/.magplan-installed-test")" = "$want" ] && [ -x "$MP_VENV/bin/magplan" ]; then
        return 0
    fi
    mp_say "installing Magnesium Planner${extra:+ with its $extra tools} into $MP_VENV"
    mp_quiet "$MP_VENV/bin/python" -m pip install -q -e "$spec" ||
        mp_die "installation failed (the messages above say why)"
    echo "$want" >"$stamp"
}

# --- the Python shared library (for PyInstaller) -------------------------------------------

# Prints "VERSION SONAME FOUND INTERPRETER" for .venv's Python: its X.Y version, the file name
# of its shared library, the path where that library is (or "-" when it is nowhere the dynamic
# loader looks) and the real interpreter behind .venv.
_mp_python_facts() {
    "$MP_VENV/bin/python" - <<'PY'
import ctypes.util, os, sys, sysconfig

version = "%d.%d" % sys.version_info[:2]
soname = sysconfig.get_config_var("INSTSONAME") or ""
if ".so" not in soname:  # a static build names its .a here
    soname = "libpython%s%s.so.1.0" % (version, getattr(sys, "abiflags", ""))
# Debian's and Ubuntu's python3 is linked statically and its sysconfig still says
# Py_ENABLE_SHARED=1, so only the file itself tells whether the library is there.
folders = [sysconfig.get_config_var("LIBDIR") or "", os.path.join(sys.base_prefix, "lib")]
multiarch = sysconfig.get_config_var("MULTIARCH") or ""
if multiarch:
    folders += ["/usr/lib/" + multiarch, "/lib/" + multiarch]
found = next((os.path.join(d, soname) for d in folders if d and os.path.isfile(os.path.join(d, soname))), "")
if not found and ctypes.util.find_library("python" + version + getattr(sys, "abiflags", "")) == soname:
    found = soname  # known to ldconfig
interpreter = os.path.realpath(getattr(sys, "_base_executable", "") or sys.executable)
print(version, soname, found or "-", interpreter)
PY
}

# PyInstaller copies the Python shared library into the bundle. Debian's and Ubuntu's own
# Python keeps it in a separate package, libpython3.X; install it when .venv uses that Python.
mp_python_shared_lib() {
    [ "$(uname -s)" = Linux ] || return 0
    local facts version soname found interpreter owner
    facts=$(_mp_python_facts) || mp_die "cannot ask $MP_VENV/bin/python about its shared library"
    read -r version soname found interpreter <<<"$facts"
    [ "$found" != - ] && return 0
    if command -v dpkg >/dev/null && owner=$(dpkg -S "$interpreter" 2>/dev/null); then
        owner=${owner%%:*}
        mp_say "$interpreter ($owner) keeps $soname in a separate package; the bundle needs it"
        mp_apt_packages "libpython${version}t64|libpython$version" ||
            mp_die "PyInstaller needs $soname (Debian/Ubuntu: libpython$version)"
        facts=$(_mp_python_facts) || mp_die "cannot ask $MP_VENV/bin/python about its shared library"
        read -r version soname found interpreter <<<"$facts"
        [ "$found" != - ] || mp_die "libpython$version is installed but $soname is still missing"
        return 0
    fi
    mp_die "$interpreter has no shared library ($soname), which PyInstaller needs to build the" \
        "bundle; use a Python built with --enable-shared (PYTHON=/path/to/python3 with a new $MP_VENV)"
}

# --- what Qt needs from the system ----------------------------------------------------------

# The Debian package of a shared library that Qt links to.
_mp_package_of() {
    case "$1" in
    libxcb.so.*) echo libxcb1 ;;
    libxcb-cursor.so.*) echo libxcb-cursor0 ;;
    libxcb-icccm.so.*) echo libxcb-icccm4 ;;
    libxcb-image.so.*) echo libxcb-image0 ;;
    libxcb-keysyms.so.*) echo libxcb-keysyms1 ;;
    libxcb-randr.so.*) echo libxcb-randr0 ;;
    libxcb-render-util.so.*) echo libxcb-render-util0 ;;
    libxcb-render.so.*) echo libxcb-render0 ;;
    libxcb-shape.so.*) echo libxcb-shape0 ;;
    libxcb-shm.so.*) echo libxcb-shm0 ;;
    libxcb-sync.so.*) echo libxcb-sync1 ;;
    libxcb-util.so.*) echo libxcb-util1 ;;
    libxcb-xfixes.so.*) echo libxcb-xfixes0 ;;
    libxcb-xinerama.so.*) echo libxcb-xinerama0 ;;
    libxcb-xinput.so.*) echo libxcb-xinput0 ;;
    libxcb-xkb.so.*) echo libxcb-xkb1 ;;
    libxcb-glx.so.*) echo libxcb-glx0 ;;
    libxcb-dri2.so.*) echo libxcb-dri2-0 ;;
    libxcb-dri3.so.*) echo libxcb-dri3-0 ;;
    libxcb-present.so.*) echo libxcb-present0 ;;
    libX11-xcb.so.*) echo libx11-xcb1 ;;
    libX11.so.*) echo libx11-6 ;;
    libXext.so.*) echo libxext6 ;;
    libXrender.so.*) echo libxrender1 ;;
    libXi.so.*) echo libxi6 ;;
    libSM.so.*) echo libsm6 ;;
    libICE.so.*) echo libice6 ;;
    libxkbcommon.so.*) echo libxkbcommon0 ;;
    libxkbcommon-x11.so.*) echo libxkbcommon-x11-0 ;;
    libwayland-client.so.*) echo libwayland-client0 ;;
    libwayland-cursor.so.*) echo libwayland-cursor0 ;;
    libwayland-egl.so.*) echo libwayland-egl1 ;;
    libGL.so.*) echo libgl1 ;;
    libGLX.so.*) echo libglx0 ;;
    libEGL.so.*) echo libegl1 ;;
    libOpenGL.so.*) echo libopengl0 ;;
    libgthread-2.0.so.* | libglib-2.0.so.* | libgobject-2.0.so.* | libgio-2.0.so.*)
        echo "libglib2.0-0t64|libglib2.0-0" ;;
    libfontconfig.so.*) echo libfontconfig1 ;;
    libfreetype.so.*) echo libfreetype6 ;;
    libpng16.so.*) echo "libpng16-16t64|libpng16-16" ;;
    libharfbuzz.so.*) echo libharfbuzz0b ;;
    libdbus-1.so.*) echo libdbus-1-3 ;;
    libcups.so.*) echo "libcups2t64|libcups2" ;;
    libz.so.*) echo zlib1g ;;
    libzstd.so.*) echo libzstd1 ;;
    libgssapi_krb5.so.*) echo libgssapi-krb5-2 ;;
    *) return 1 ;;
    esac
}

# Shared libraries that the Qt files for this mode need and the system lacks.
mp_qt_missing_libs() {
    local mode=$1 qt
    qt=$("$MP_VENV/bin/python" -c \
        'import os, PySide6; print(os.path.dirname(PySide6.__file__))' 2>/dev/null) || return 0
    local files=("$qt"/QtWidgets.abi3.so "$qt"/QtPrintSupport.abi3.so "$qt"/QtSvg.abi3.so
        "$qt"/QtCharts.abi3.so "$qt"/Qt/plugins/platforms/libqoffscreen.so)
    if [ "$mode" = window ]; then
        files+=("$qt"/Qt/plugins/platforms/libqxcb.so "$qt"/Qt/plugins/xcbglintegrations/*.so)
        [ -n "${WAYLAND_DISPLAY:-}" ] && files+=("$qt"/Qt/plugins/platforms/libqwayland*.so)
    fi
    local existing=() f
    for f in "${files[@]}"; do [ -f "$f" ] && existing+=("$f"); done
    [ ${#existing[@]} -gt 0 ] || return 0
    ldd "${existing[@]}" 2>/dev/null | awk '/=> not found/ { print $1 }' | sort -u
}

_mp_has_fonts() {
    [ -n "$(find /usr/share/fonts /usr/local/share/fonts "${HOME:-/nonexistent}/.local/share/fonts" \
        \( -name '*.ttf' -o -name '*.otf' -o -name '*.pfb' \) -print -quit 2>/dev/null)" ]
}

# Makes sure Qt can open a window (window) or draw and print without one (offscreen).
mp_qt_libs() {
    local mode=$1
    [ "$(uname -s)" = Linux ] || return 0
    local missing packages=() unknown=() lib package
    missing=$(mp_qt_missing_libs "$mode")
    for lib in $missing; do
        if package=$(_mp_package_of "$lib"); then
            packages+=("$package")
        else
            unknown+=("$lib")
        fi
    done
    _mp_has_fonts || packages+=(fonts-dejavu-core)
    if [ ${#packages[@]} -gt 0 ]; then
        mp_apt_packages "${packages[@]}" || return 1
    fi
    missing=$(mp_qt_missing_libs "$mode")
    if [ -n "$missing" ]; then
        mp_say "Qt still lacks these system libraries: $(echo "$missing" | tr '\n' ' ')"
        [ ${#unknown[@]} -gt 0 ] && mp_say "install them with your system's package manager"
        return 1
    fi
}
