// The aggregate overlays (places and admin1 regions, drawn as circles
// sized by incident count) and the layers control that switches them and
// the incidents layer on and off.

import { el, countryName } from './dom.js';
import { isAbort } from './api.js';

const COLLECTIONS = {
  places: { path: '/collections/places/items', label: 'Places', className: 'place-circle', scale: 3 },
  regions: { path: '/collections/regions/items', label: 'Regions (admin1)', className: 'region-circle', scale: 5 },
};

// createOverlays builds the places and regions layers and the layers
// control; visible(name) tells which overlays are on. extra adds overlays
// that other modules draw: {name: {layer, label}}.
export function createOverlays({ map, api, bases, incidentLayer, extra = {}, onToggle, onError }) {
  const layers = { incidents: incidentLayer };
  for (const name of Object.keys(COLLECTIONS)) layers[name] = L.layerGroup();

  const overlays = { Incidents: layers.incidents };
  for (const [name, c] of Object.entries(COLLECTIONS)) overlays[c.label] = layers[name];
  for (const [name, x] of Object.entries(extra)) {
    layers[name] = x.layer;
    overlays[x.label] = x.layer;
  }
  const control = L.control.layers(bases, overlays, { collapsed: true, position: 'topright' }).addTo(map);

  const nameOf = (layer) => Object.keys(layers).find((k) => layers[k] === layer);
  map.on('overlayadd overlayremove', (event) => {
    const name = nameOf(event.layer);
    if (name) onToggle(name, event.type === 'overlayadd');
  });

  async function load(params) {
    await Promise.all(Object.entries(COLLECTIONS).map(async ([name, c]) => {
      if (!map.hasLayer(layers[name])) return;
      try {
        const fc = await api.get(c.path, { ...params, limit: 1000 }, name);
        layers[name].clearLayers();
        for (const f of fc?.features || []) {
          const circle = aggregateCircle(f, c);
          if (circle) layers[name].addLayer(circle);
        }
      } catch (err) {
        if (!isAbort(err)) onError(err);
      }
    }));
  }

  // show turns the named layers on and the others off.
  function show(names) {
    for (const [name, layer] of Object.entries(layers)) {
      const want = names.includes(name);
      if (want && !map.hasLayer(layer)) map.addLayer(layer);
      if (!want && map.hasLayer(layer)) map.removeLayer(layer);
    }
  }

  const visible = () => Object.keys(layers).filter((name) => map.hasLayer(layers[name]));
  return { control, load, show, visible };
}

function aggregateCircle(feature, collection) {
  const c = feature.geometry && feature.geometry.coordinates;
  if (!Array.isArray(c) || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) return null;
  const p = feature.properties || {};
  const n = Number(p.incidents) || 0;
  const circle = L.circleMarker([c[1], c[0]], {
    radius: Math.min(40, 4 + collection.scale * Math.sqrt(n)),
    className: collection.className,
  });
  circle.bindPopup(() => aggregatePopup(p), { maxWidth: 280 });
  return circle;
}

function aggregatePopup(p) {
  const title = p.name || p.admin1_name || p.admin1 || 'Region';
  const where = [p.name ? p.admin1_name : null, countryName(p.country)].filter(Boolean).join(', ');
  const byType = Object.entries(p.by_type || {}).sort((a, b) => b[1] - a[1]);
  return el('article', { class: 'aggregate-popup' }, [
    el('h3', { text: title }),
    where ? el('p', { text: where }) : null,
    el('p', { text: `${p.incidents ?? 0} incidents${p.last_seen ? `, last on ${String(p.last_seen).slice(0, 10)}` : ''}` }),
    byType.length ? el('ul', {}, byType.map(([type, count]) => el('li', { text: `${type}: ${count}` }))) : null,
  ]);
}
