#!/usr/bin/env bash
# Renders the application icon's PNG sizes from its SVG source (assets/icons/dns-seismograph.svg) with
# rsvg-convert (Debian package librsvg2-bin). Run it after editing the SVG and commit the PNGs: the build
# uses the committed PNGs, so building the package does not need librsvg.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
icons="$root/assets/icons"
svg="$icons/dns-seismograph.svg"
command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2; exit 1; }
sizes=(16 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" --format png --output "$icons/dns-seismograph-$size.png" "$svg"
done
echo "render-icons: wrote ${#sizes[@]} PNGs (${sizes[*]} px) to $icons"
