// The offline basemap: Natural Earth country polygons drawn as land with
// borders, and country names shown once the zoom makes room for them. A
// tile layer is offered too when the server is configured with one.

import { el } from './dom.js';
import { isAbort } from './api.js';
import { createPMTilesLayer } from './pmtileslayer.js';

// Labels of countries whose bbox spans fewer square degrees than this,
// per zoom, are hidden to avoid clutter.
const LABEL_MIN_AREA = { 2: 400, 3: 120, 4: 20, 5: 3 };

// createBasemap returns the base layers to put in the layers control
// ({name: layer}) and the one to show first.
export function createBasemap({ map, api, config }) {
  map.createPane('land').style.zIndex = 200;
  map.createPane('countryLabels').style.zIndex = 450;
  map.getPane('countryLabels').style.pointerEvents = 'none';

  const land = L.geoJSON(null, {
    pane: 'land',
    interactive: false,
    renderer: L.canvas({ pane: 'land', padding: 0.2 }),
    style: { color: '#8d8f93', weight: 0.8, fillColor: '#f3f0e8', fillOpacity: 1 },
  });
  const labels = L.layerGroup();
  const countries = L.layerGroup([land, labels]);
  const bases = { 'Countries (offline)': countries };
  let initial = countries;

  if (config.basemap_pmtiles) {
    const local = createPMTilesLayer(config.basemap_pmtiles, { onError: (error) => map.fire('basemaperror', { error }) });
    bases['Basemap (local PMTiles)'] = local;
    initial = local;
  }

  if (config.tile_url) {
    const tiles = L.tileLayer(config.tile_url, {
      maxZoom: 19,
      attribution: escapeHTML(config.tile_attribution || ''),
    });
    bases['Tiles'] = tiles;
    initial = tiles;
  }

  const labelled = [];
  const extents = []; // {code, bounds} of every country, for countriesIn
  function placeLabels() {
    const zoom = Math.floor(map.getZoom());
    const minArea = zoom >= 6 ? 0 : (LABEL_MIN_AREA[zoom] ?? Infinity);
    for (const { marker, area } of labelled) {
      const show = area >= minArea;
      if (show && !labels.hasLayer(marker)) labels.addLayer(marker);
      if (!show && labels.hasLayer(marker)) labels.removeLayer(marker);
    }
  }

  api.get('/basemap/countries.geojson', {}, 'basemap').then((fc) => {
    land.addData(fc);
    land.eachLayer((layer) => {
      const code = layer.feature && layer.feature.properties && layer.feature.properties.iso_a2;
      if (code && /^[A-Z]{2}$/.test(code)) extents.push({ code, bounds: layer.getBounds() });
    });
    map.fire('countriesready');
    for (const feature of fc.features || []) {
      const spot = labelSpot(feature.geometry);
      const name = feature.properties && feature.properties.name;
      if (!spot || !name) continue;
      const icon = L.divIcon({ className: 'country-label', html: el('span', { text: name }), iconSize: null });
      const marker = L.marker(spot.latlng, { icon, pane: 'countryLabels', interactive: false, keyboard: false });
      labelled.push({ marker, area: spot.area });
    }
    placeLabels();
  }).catch((err) => {
    if (!isAbort(err)) map.fire('basemaperror', { error: err });
  });
  map.on('zoomend', placeLabels);

  // countriesIn lists the codes of the countries whose extent meets bounds.
  function countriesIn(bounds) {
    return [...new Set(extents.filter((e) => e.bounds.intersects(bounds)).map((e) => e.code))];
  }

  initial.addTo(map);
  return { bases, countriesIn };
}

// labelSpot picks the centre of the largest polygon's bounding box.
function labelSpot(geometry) {
  if (!geometry) return null;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best = null;
  for (const polygon of polygons) {
    const ring = polygon[0] || [];
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const [x, y] of ring) {
      w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
    }
    const area = (e - w) * (n - s);
    if (Number.isFinite(area) && (!best || area > best.area)) {
      best = { area, latlng: [(s + n) / 2, (w + e) / 2] };
    }
  }
  return best;
}

// escapeHTML makes operator-supplied attribution safe for Leaflet, which
// renders attribution strings as HTML.
function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
