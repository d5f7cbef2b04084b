// Admin1 regions: their approximate outlines (from the bundled gazetteer,
// per country in view) drawn as boundaries from zoom 6, and, when the "Incidents per
// region" overlay is on, filled by the number of incidents under the
// current filters with a legend of classes. Clicking a region selects it.

import { el } from './dom.js';
import { isAbort } from './api.js';

// Boundaries appear from this zoom; below it the countries are enough.
const MIN_ZOOM = 6;
// The choropleth loads region shapes from this zoom (a few countries' worth).
const CHOROPLETH_MIN_ZOOM = 4;
// Sequential classes, light to dark.
const COLOURS = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];

// classBreaks splits the positive counts into at most five classes of
// about equal size; each class is [low, high].
export function classBreaks(counts) {
  const values = counts.filter((n) => n > 0).sort((a, b) => a - b);
  if (!values.length) return [];
  const distinct = [...new Set(values)];
  const k = Math.min(COLOURS.length, distinct.length);
  const classes = [];
  let low = values[0];
  for (let i = 1; i <= k; i += 1) {
    const high = i === k ? values[values.length - 1] : values[Math.min(values.length - 1, Math.floor((i * values.length) / k) - 1)];
    if (high < low) continue;
    classes.push([low, high]);
    low = high + 1;
  }
  return classes;
}

function classOf(n, classes) {
  return classes.findIndex(([lo, hi]) => n >= lo && n <= hi);
}

// createRegions builds the boundaries layer (always on from MIN_ZOOM), the
// choropleth overlay and its legend. countriesIn(bounds) lists the ISO
// codes of countries in view; onSelect({id, name}) is called on a click.
export function createRegions({ map, api, countriesIn, onSelect, onError }) {
  map.createPane('regions').style.zIndex = 350;
  const renderer = L.svg({ pane: 'regions', padding: 0.3 });
  const boundaries = L.layerGroup();
  if (map.getZoom() >= MIN_ZOOM) boundaries.addTo(map);
  const choropleth = L.layerGroup();
  const shapes = new Map(); // country -> FeatureCollection (or a pending promise)
  const polygons = new Map(); // "CC.A1" -> L.Polygon
  let counts = new Map(); // "CC.A1" -> incidents
  let classes = [];
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => el('div', { class: 'choropleth-legend', 'aria-live': 'polite' });

  async function loadCountry(cc) {
    if (shapes.has(cc)) return shapes.get(cc);
    const pending = api.get(`/api/regions/${cc}`).catch((err) => {
      if (err && err.status !== 404 && !isAbort(err)) onError(err);
      return null;
    });
    shapes.set(cc, pending);
    const fc = await pending;
    shapes.set(cc, fc);
    if (fc) drawCountry(fc);
    return fc;
  }

  function drawCountry(fc) {
    for (const f of fc.features || []) {
      const p = f.properties || {};
      if (p.kind === 'borders') {
        const lines = (f.geometry.coordinates || []).map((seg) => seg.map(([x, y]) => [y, x]));
        boundaries.addLayer(L.polyline(lines, { renderer, className: 'admin1-border', interactive: false, color: '#8a7f9c', weight: 1.2, dashArray: '4 3' }));
        continue;
      }
      const rings = (f.geometry.coordinates || []).map((ring) => ring.map(([x, y]) => [y, x]));
      const polygon = L.polygon(rings, { renderer, className: 'admin1-region', fillRule: 'evenodd', stroke: false, fillOpacity: 0 });
      polygon.feature = f;
      polygon.on('click', () => onSelect({ id: f.id, name: p.admin1_name || f.id }));
      polygon.bindTooltip(() => regionTip(f), { sticky: true, direction: 'top', className: 'region-tip' });
      polygons.set(f.id, polygon);
      choropleth.addLayer(polygon);
      paint(polygon);
    }
  }

  function regionTip(f) {
    const p = f.properties || {};
    const n = counts.get(f.id) || 0;
    return el('span', { text: `${p.admin1_name || f.id}: ${n} incident${n === 1 ? '' : 's'}` });
  }

  function paint(polygon) {
    const on = map.hasLayer(choropleth);
    const i = classOf(counts.get(polygon.feature.id) || 0, classes);
    polygon.setStyle({ fillColor: i >= 0 ? COLOURS[i] : '#ffffff', fillOpacity: on ? (i >= 0 ? 0.6 : 0.15) : 0 });
    const path = polygon.getElement && polygon.getElement();
    if (path) {
      path.dataset.class = String(i);
      path.dataset.region = polygon.feature.id;
    }
  }

  function drawLegend() {
    const box = legend.getContainer();
    if (!box) return;
    const rows = classes.map(([lo, hi], i) => {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.backgroundColor = COLOURS[i]; // CSSOM: allowed by the page's CSP
      return el('li', { dataset: { class: String(i) } }, [swatch, el('span', { text: lo === hi ? `${lo}` : `${lo}–${hi}` })]);
    });
    box.replaceChildren(
      el('h3', { text: 'Incidents per region' }),
      rows.length ? el('ul', {}, rows) : el('p', { text: 'No incidents under these filters' }),
      el('p', { class: 'legend-note', text: 'Click a region to list its incidents. Outlines are approximate.' }),
    );
  }

  // refresh loads the region shapes of the countries in view and, when the
  // choropleth is on, the counts under params (the filters, without bbox).
  async function refresh(params) {
    // Shapes are loaded per country in view: for the boundaries from
    // MIN_ZOOM, for the choropleth from CHOROPLETH_MIN_ZOOM.
    const zoom = map.getZoom();
    if (zoom >= MIN_ZOOM || (map.hasLayer(choropleth) && zoom >= CHOROPLETH_MIN_ZOOM)) {
      for (const cc of countriesIn(map.getBounds())) loadCountry(cc);
    }
    if (!map.hasLayer(choropleth)) return;
    try {
      const query = { ...params, limit: 1000 };
      delete query.bbox;
      delete query.admin1; // every region keeps its colour while one is chosen
      const fc = await api.get('/collections/regions/items', query, 'choropleth');
      counts = new Map((fc?.features || []).map((f) => [`${f.properties.country}.${f.properties.admin1}`, Number(f.properties.incidents) || 0]));
      classes = classBreaks([...counts.values()]);
      for (const polygon of polygons.values()) paint(polygon);
      drawLegend();
    } catch (err) {
      if (!isAbort(err)) onError(err);
    }
  }

  choropleth.on('add', () => {
    for (const cc of map.getZoom() >= CHOROPLETH_MIN_ZOOM ? countriesIn(map.getBounds()) : []) loadCountry(cc);
    legend.addTo(map);
    drawLegend();
    for (const polygon of polygons.values()) paint(polygon);
  });
  choropleth.on('remove', () => legend.remove());
  map.on('zoomend', () => {
    const show = map.getZoom() >= MIN_ZOOM;
    if (show && !map.hasLayer(boundaries)) map.addLayer(boundaries);
    if (!show && map.hasLayer(boundaries)) map.removeLayer(boundaries);
  });

  return { choropleth, refresh };
}
