// Town and city names from the bundled gazetteer, drawn over the map for
// the current view and zoom. The server ranks them (capitals, regions,
// then by population) and drops overlapping ones; the page only draws.

import { el } from './dom.js';
import { isAbort } from './api.js';

// Below this zoom the country names of the basemap are enough.
const MIN_ZOOM = 4;

// createPlaceLabels draws labels in their own pane, under the incident
// markers, and refreshes them when the view settles.
export function createPlaceLabels({ map, api }) {
  map.createPane('placeLabels').style.zIndex = 460;
  map.getPane('placeLabels').style.pointerEvents = 'none';
  const layer = L.layerGroup().addTo(map);
  let shownFor = '';

  async function refresh() {
    const zoom = Math.floor(map.getZoom());
    if (zoom < MIN_ZOOM) {
      layer.clearLayers();
      shownFor = '';
      return;
    }
    const b = map.getBounds().pad(0.1);
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
    const bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
      .map((v) => v.toFixed(3)).join(',');
    const key = `${bbox}/${zoom}`;
    if (key === shownFor) return;
    try {
      const found = await api.get('/api/labels', { bbox, zoom }, 'labels');
      shownFor = key;
      draw(found && Array.isArray(found.labels) ? found.labels : []);
    } catch (err) {
      if (!isAbort(err)) map.fire('basemaperror', { error: err });
    }
  }

  function draw(labels) {
    layer.clearLayers();
    for (const label of labels) {
      const region = label.kind === 'region';
      const html = el('span', { class: 'place-label-text', text: region ? label.name.toUpperCase() : label.name });
      const icon = L.divIcon({ className: `place-label place-label--${label.kind}`, html, iconSize: null });
      layer.addLayer(L.marker([label.lat, label.lon], {
        icon, pane: 'placeLabels', interactive: false, keyboard: false, title: label.name,
      }));
    }
  }

  map.on('moveend', refresh);
  refresh();
  return { layer, refresh };
}
