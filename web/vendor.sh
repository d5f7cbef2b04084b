#!/bin/sh
# Copies the pinned Leaflet and markercluster dist files from node_modules
# into static/vendor/, where go:embed picks them up. Run after `npm ci`.
set -eu
cd "$(dirname "$0")"
src=node_modules
dst=static/vendor
if [ ! -f "$src/leaflet/dist/leaflet.js" ] || [ ! -f "$src/leaflet.markercluster/dist/leaflet.markercluster.js" ]; then
	echo "vendor.sh: node_modules is missing; run 'npm ci' in web/ first" >&2
	exit 1
fi
rm -rf "$dst"
mkdir -p "$dst/leaflet/images" "$dst/markercluster"
cp "$src/leaflet/dist/leaflet.js" "$src/leaflet/dist/leaflet.js.map" "$src/leaflet/dist/leaflet.css" "$dst/leaflet/"
cp "$src/leaflet/dist/images/"*.png "$dst/leaflet/images/"
cp "$src/leaflet.markercluster/dist/leaflet.markercluster.js" "$src/leaflet.markercluster/dist/leaflet.markercluster.js.map" \
	"$src/leaflet.markercluster/dist/MarkerCluster.css" \
	"$src/leaflet.markercluster/dist/MarkerCluster.Default.css" "$dst/markercluster/"
mkdir -p "$dst/pmtiles"
cp "$src/pmtiles/dist/pmtiles.js" "$dst/pmtiles/"
cp "$src/leaflet/LICENSE" "$dst/leaflet/LICENSE"
cp "$src/leaflet.markercluster/MIT-LICENCE.txt" "$dst/markercluster/LICENSE" 2>/dev/null || true
echo "vendor.sh: copied Leaflet and markercluster into $dst"
