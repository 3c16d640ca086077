#!/usr/bin/env bash
# Tries the README's two commands on a truly fresh Debian, as a new user would:
#   1. builds a minimal Debian (debootstrap --variant=minbase) in a temporary folder and installs
#      only python3, git and ca-certificates in it;
#   2. clones this repository's committed branch into it (uncommitted changes are not tested);
#   3. runs ./run.sh there with a clean environment and a virtual display (Xvfb), waits until
#      the loaded window has painted and saves a screenshot of the display;
#   4. runs ./test.sh there (ruff, mypy, the tests and the bundle);
#   5. prints what the set-up had to install, and the result of each step.
# It downloads a Debian system and the Python packages and takes many minutes, so it is not
# part of .ci/run. Run it before changing the set-up (run.sh, test.sh, packaging/bootstrap.sh)
# or the packaging. Needs root, debootstrap and Xvfb (Debian: apt-get install debootstrap xvfb).
#
#   packaging/check-fresh-debian.sh                     Debian 12 (bookworm)
#   packaging/check-fresh-debian.sh --suite trixie      Debian 13
#
# Options:
#   --suite NAME        Debian release: bookworm (12, the default), trixie (13), or 12 / 13
#   --mirror URL        Debian mirror (default: the first one in the host's apt sources,
#                       else http://deb.debian.org/debian); security updates come from the
#                       host's debian-security source, else http://deb.debian.org/debian-security
#   --host-settings     copy in the host's network settings: its CA certificates, /etc/pip.conf
#                       and apt's proxy settings (for a host behind a proxy or TLS inspection)
#   --branch NAME       the branch to clone (default: the checked-out one)
#   --cache DIR         keep the base system's downloaded .deb files here, for faster reruns
#   --out DIR           where the screenshot and the logs go (default: build/fresh-debian/SUITE)
#   --keep              keep the fresh system afterwards (its folder is printed)
#   --skip-tests        stop after the window
# Exit status: 0 when every step passed, 1 when one failed, 2 for a usage error.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
suite=bookworm mirror='' host_settings='' branch='' cache='' out='' keep='' skip_tests=''

usage() {
    sed -n '2,/^# Exit status/p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}
while [ $# -gt 0 ]; do
    case "$1" in
    --suite) suite=${2:?--suite needs a name} && shift ;;
    --mirror) mirror=${2:?--mirror needs a URL} && shift ;;
    --host-settings) host_settings=1 ;;
    --branch) branch=${2:?--branch needs a name} && shift ;;
    --cache) cache=${2:?--cache needs a folder} && shift ;;
    --out) out=${2:?--out needs a folder} && shift ;;
    --keep) keep=1 ;;
    --skip-tests) skip_tests=1 ;;
    -h | --help) usage 0 ;;
    *) echo "check-fresh-debian: unknown option $1" >&2 && usage ;;
    esac
    shift
done
case "$suite" in
12) suite=bookworm ;;
13) suite=trixie ;;
esac
case "$suite" in
bookworm) release="Debian 12 ($suite)" ;;
trixie) release="Debian 13 ($suite)" ;;
*) release="Debian $suite" ;;
esac

say() { echo "check-fresh-debian: $*" >&2; }
die() {
    say "$*"
    exit 1
}

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot and mounts)"
for tool in debootstrap Xvfb git mount chroot; do
    command -v "$tool" >/dev/null ||
        die "needs $tool (Debian: apt-get install debootstrap xvfb git mount coreutils)"
done

# A Debian archive in the host's apt sources: host_uri debian|debian-security.
host_uri() {
    local file
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        # One-line entries ("deb [opts] URL suite ...") and deb822 "URIs:" fields.
        awk '
            /^[ \t]*deb[ \t]/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:\/\//) { print $i; break } }
            /^[ \t]*URIs:/ { for (i = 2; i <= NF; i++) print $i }
        ' "$file"
    done | grep -E "^https?://[^ ]*/$1/?\$" | head -n 1
}
[ -n "$mirror" ] || mirror=$(host_uri debian) || true
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
mirror=${mirror%/}
security=$(host_uri debian-security) || true
[ -n "$security" ] || security=http://deb.debian.org/debian-security
security=${security%/}

[ -n "$branch" ] || branch=$(git -C "$here" symbolic-ref --short HEAD) ||
    die "no branch is checked out in $here; name one with --branch"
commit=$(git -C "$here" rev-parse --short "refs/heads/$branch") || die "no branch $branch in $here"
[ -z "$(git -C "$here" status --porcelain --untracked-files=no)" ] ||
    say "note: $here has uncommitted changes; the check tests the committed $branch ($commit)"

[ -n "$out" ] || out=$here/build/fresh-debian/$suite
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out"/*.log "$out"/window.png "$out"/installed-*.txt
if [ -n "$cache" ]; then
    mkdir -p "$cache"
    cache=$(cd "$cache" && pwd)
fi

# --- the fresh system, and cleaning up after it -----------------------------------------

root=$(mktemp -d "${TMPDIR:-/var/tmp}/magplan-fresh-$suite.XXXXXX")
mounts=()
xvfb_pid=
mounted_under_root() {
    awk -v r="$root" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo
}
cleanup() {
    local status=$? pid link i
    # Processes still running in the fresh system (the window, a stuck test) were started here.
    for pid in /proc/[0-9]*; do
        link=$(readlink "$pid/root" 2>/dev/null) || continue
        [ "$link" = "$root" ] && kill -KILL "${pid#/proc/}" 2>/dev/null
    done
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null || true
    done
    if [ -n "$(mounted_under_root)" ]; then
        say "still mounted, so $root was left in place: $(mounted_under_root | tr '\n' ' ')"
    elif [ -n "$keep" ]; then
        say "the fresh system is kept in $root"
    else
        rm -rf "$root"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mount_in() { # mount_in TARGET MOUNT-ARGS...
    mkdir -p "$root$1"
    mount "${@:2}" "$root$1"
    mounts+=("$root$1")
}
# A command in the fresh system, with a clean environment as a new user's login shell has.
in_root() {
    chroot "$root" env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${proxy_env[@]}" "$@"
}
# The same, replacing this (sub)shell: its process id becomes the command's.
exec_in_root() {
    exec chroot "$root" env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${proxy_env[@]}" "$@"
}
packages_now() {
    # shellcheck disable=SC2016 # dpkg-query's format, not the shell's
    in_root dpkg-query -W -f='${db:Status-Status} ${Package}\n' | awk '$1 == "installed" { print $2 }' | sort
}
seconds() { echo $(($(date +%s) - $1)); }

results=()
failed=
result() { # result STEP PASS|FAIL DETAILS
    results+=("$(printf '  %-38s %s  %s' "$1" "$2" "$3")")
    [ "$2" = PASS ] || failed=1
}
note() { results+=("$(printf '  %-38s       %s' "" "$1")"); }
summary() {
    echo
    echo "== fresh-debian check: $release, magplan $branch ($commit)"
    local line
    for line in "${results[@]}"; do echo "$line"; done
    echo "  logs and screenshot: $out"
    if [ -n "$failed" ]; then echo "== FAILED"; else echo "== PASSED"; fi
}

# What the project's set-up said it installed, and every package it added, for one step.
report_installs() { # report_installs STEP LOG BEFORE-FILE
    local step=$1 log=$2 before=$3 asked added
    asked=$(sed -n 's/^magplan: installing system packages: //p' "$log" | tr '\n' ' ')
    packages_now >"$out/after-$step.txt"
    comm -13 "$before" "$out/after-$step.txt" >"$out/installed-$step.txt"
    added=$(wc -l <"$out/installed-$step.txt")
    echo "  $step: the set-up asked apt-get for: ${asked:-nothing}"
    echo "  $step: $added Debian packages added in all (list: $out/installed-$step.txt)"
    rm -f "$out/after-$step.txt"
}

# --- 1. the base system --------------------------------------------------------------------

say "building $release from $mirror in $root (a few minutes)"
start=$(date +%s)
bootstrap_args=(--variant=minbase)
[ -n "$cache" ] && bootstrap_args+=(--cache-dir="$cache")
if ! debootstrap "${bootstrap_args[@]}" "$suite" "$root" "$mirror" >"$out/debootstrap.log" 2>&1; then
    tail -n 20 "$out/debootstrap.log" >&2
    die "debootstrap failed (log: $out/debootstrap.log)"
fi
cp --remove-destination /etc/resolv.conf "$root/etc/resolv.conf"
mount_in /proc -t proc proc
mount_in /sys -t sysfs sys
mount_in /dev --bind /dev
mount_in /dev/pts --bind /dev/pts

# The sources a Debian installation has: the release, its updates and its security updates.
rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

proxy_env=()
if [ -n "$host_settings" ]; then
    say "copying in the host's CA certificates, pip configuration and apt proxy settings"
    apt-config dump 2>/dev/null | grep -Ei '^Acquire::[a-z]+::Proxy' |
        sed 's/$/;/' >"$root/etc/apt/apt.conf.d/90host-proxy" || true
    [ -s "$root/etc/apt/apt.conf.d/90host-proxy" ] || rm -f "$root/etc/apt/apt.conf.d/90host-proxy"
    for var in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
        [ -n "${!var:-}" ] && proxy_env+=("$var=${!var}")
    done
fi

if ! in_root apt-get update -q >"$out/base.log" 2>&1 ||
    ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3 git ca-certificates \
        >>"$out/base.log" 2>&1; then
    tail -n 20 "$out/base.log" >&2
    die "could not install python3 and git in the fresh system (log: $out/base.log)"
fi
if [ -n "$host_settings" ]; then
    # Extra authorities (a proxy's) both as files, which update-ca-certificates keeps, and in
    # the bundle, in case the host has them only there.
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        mkdir -p "$root/usr/local/share/ca-certificates"
        cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
        in_root update-ca-certificates >>"$out/base.log" 2>&1
    fi
    [ -f /etc/ssl/certs/ca-certificates.crt ] &&
        cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
    [ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
fi
python_version=$(in_root python3 --version 2>&1)
packages_now >"$out/packages-base.txt"
result "base system (minbase + python3 git)" PASS \
    "$(wc -l <"$out/packages-base.txt") packages, $python_version, $(seconds "$start") s"

# --- 2. the clone -----------------------------------------------------------------------------

mkdir -p "$root/srv"
git clone -q --bare --single-branch --branch "$branch" "$here" "$root/srv/magplan.git"
in_root git clone -q --branch "$branch" /srv/magplan.git /root/magplan
rm -rf "$root/srv/magplan.git"
say "cloned $branch ($commit) into /root/magplan"

# --- 3. ./run.sh: the window ------------------------------------------------------------------

mkdir -p /tmp/.X11-unix
# Xvfb picks a free display number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$out/display" >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
display=
for _ in $(seq 100); do
    display=$(tr -dc 0-9 <"$out/display")
    [ -n "$display" ] && break
    sleep 0.1
done
rm -f "$out/display"
[ -n "$display" ] || die "Xvfb did not start (log: $out/xvfb.log)"
mount_in /tmp/.X11-unix --bind /tmp/.X11-unix

say "./run.sh on display :$display (the first run sets everything up: minutes)"
start=$(date +%s)
cp "$out/packages-base.txt" "$out/before-run.txt"
# MAGPLAN_START_TIMES=1: the window says on stderr when it has painted loaded.
exec_in_root bash -c "cd /root/magplan && MAGPLAN_START_TIMES=1 DISPLAY=:$display exec ./run.sh" \
    >"$out/run.log" 2>&1 &
run_pid=$!
window=
for _ in $(seq 1800); do # up to 30 minutes: the first run downloads PySide6
    grep -q '^magplan-start ready' "$out/run.log" && window=ready && break
    kill -0 "$run_pid" 2>/dev/null || break
    sleep 1
done
if [ "$window" = ready ]; then
    run_time=$(seconds "$start")
    sleep 2 # let the first plan settle on the screen
    if in_root env DISPLAY=":$display" /root/magplan/.venv/bin/python -c '
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
sys.exit(0 if app.primaryScreen().grabWindow(0).save("/root/window.png") else 1)
' >>"$out/run.log" 2>&1; then
        cp "$root/root/window.png" "$out/window.png"
    fi
    if kill -0 "$run_pid" 2>/dev/null; then
        kill -TERM "$run_pid" 2>/dev/null || true
        wait "$run_pid" 2>/dev/null || true
        shot=$([ -f "$out/window.png" ] && echo "screenshot window.png" || echo "no screenshot")
        result "./run.sh (window under Xvfb)" PASS "set up, and the loaded window painted, in ${run_time} s; $shot"
    else
        wait "$run_pid" && status=0 || status=$?
        result "./run.sh (window under Xvfb)" FAIL "the window closed by itself (exit $status)"
    fi
else
    if kill -0 "$run_pid" 2>/dev/null; then
        kill -TERM "$run_pid" 2>/dev/null || true
        detail="no loaded window after $(seconds "$start") s"
    else
        wait "$run_pid" && status=0 || status=$?
        detail="exited with status $status before the window was ready"
    fi
    wait "$run_pid" 2>/dev/null || true
    tail -n 30 "$out/run.log" >&2
    result "./run.sh (window under Xvfb)" FAIL "$detail (log: run.log)"
fi
run_installs=$(report_installs run "$out/run.log" "$out/before-run.txt")
rm -f "$out/before-run.txt"

# --- 4. ./test.sh -----------------------------------------------------------------------------

test_installs=
if [ -z "$skip_tests" ]; then
    say "./test.sh (ruff, mypy, the tests, the bundle: many minutes)"
    start=$(date +%s)
    packages_now >"$out/before-test.txt"
    in_root bash -c 'cd /root/magplan && exec ./test.sh' >"$out/test.log" 2>&1 &&
        status=0 || status=$?
    # The step lines of test.sh and the result line of pytest.
    tested=$(grep -E '^[0-9]+ (passed|failed)|^=+ .*(passed|failed|error).* in [0-9.]+s' "$out/test.log" |
        tail -n 1 | sed 's/^=* *//; s/ *=*$//') || true
    steps=$(grep -E '^== ' "$out/test.log" | sed 's/^== //' | paste -sd ',' | sed 's/,/, /g') || true
    if [ "$status" = 0 ]; then
        result "./test.sh" PASS "${tested:-no pytest summary}; $(seconds "$start") s"
    else
        tail -n 40 "$out/test.log" >&2
        result "./test.sh" FAIL "exit $status; ${tested:-no pytest summary} (log: test.log)"
    fi
    note "steps: ${steps:-none}"
    grep -q '^magplan: bundle ready' "$out/test.log" &&
        note "$(sed -n 's/^magplan: //p' "$out/test.log" | grep '^bundle ready')"
    test_installs=$(report_installs test "$out/test.log" "$out/before-test.txt")
    rm -f "$out/before-test.txt"
fi

# --- 5. the report --------------------------------------------------------------------------

summary
echo "What the set-up had to install on top of the base system:"
echo "$run_installs"
[ -n "$test_installs" ] && echo "$test_installs"
[ -z "$failed" ]
