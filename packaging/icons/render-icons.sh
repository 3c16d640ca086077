#!/usr/bin/env bash
# Renders every committed icon from the one drawing, resources/icons/magplan.svg.
# Run it by hand after changing the drawing, then commit the results; builds and tests never
# render icons. Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and
# icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/../.."
svg=resources/icons/magplan.svg
id=io.github.magplan.MagnesiumPlanner
hicolor=packaging/linux/icons/hicolor

for tool in rsvg-convert icotool png2icns; do
    if ! command -v "$tool" >/dev/null; then
        echo "render-icons: $tool is missing; install it with:" \
            "apt-get install librsvg2-bin icoutils icnsutils" >&2
        exit 2
    fi
done

mkdir -p "$hicolor/scalable/apps"
cp "$svg" "$hicolor/scalable/apps/$id.svg"
for size in 16 32 48 64 128 256; do
    mkdir -p "$hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$hicolor/${size}x${size}/apps/$id.png"
done

png() { echo "$hicolor/$1x$1/apps/$id.png"; }
# Windows: small sizes as bitmaps, 128 and 256 stored as PNG (-r) to keep the file small.
icotool -c -o packaging/icons/magplan.ico \
    "$(png 16)" "$(png 32)" "$(png 48)" "$(png 64)" -r "$(png 128)" -r "$(png 256)"

# macOS: png2icns takes 16, 32, 48, 128, 256 and 512.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rsvg-convert -w 512 -h 512 "$svg" -o "$tmp/512.png"
png2icns packaging/icons/magplan.icns \
    "$(png 16)" "$(png 32)" "$(png 48)" "$(png 128)" "$(png 256)" "$tmp/512.png" >/dev/null
echo "render-icons: wrote $hicolor, packaging/icons/magplan.ico and packaging/icons/magplan.icns"
