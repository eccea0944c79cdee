#!/usr/bin/env bash
# Renders socketstage.svg into the raster icons the window and the installers use; the results are committed,
# so a build never needs these tools. Needs rsvg-convert (librsvg2-bin), ImageMagick's convert and png2icns
# (icnsutils). Run from anywhere: src/main/packaging/icon/render-icons.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pngs="$here/../../resources/icons"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$pngs"
# each size is drawn from the vector source, not scaled down from a large PNG, so small sizes stay sharp
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$here/socketstage.svg" -o "$tmp/$size.png"
  # strip dates and other chunks that would change the file on every run
  /usr/bin/convert "$tmp/$size.png" -strip "PNG32:$pngs/socketstage-$size.png"
done
/usr/bin/convert "$pngs"/socketstage-{16,24,32,48,64,128,256}.png "$here/socketstage.ico"
png2icns "$here/socketstage.icns" "$pngs"/socketstage-{16,32,48,128,256,512}.png >/dev/null
ls -l "$pngs" "$here/socketstage.ico" "$here/socketstage.icns"
