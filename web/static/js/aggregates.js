// True counts for views too full to load incident by incident: the server
// counts the filtered incidents per cell of 64 px (GET /api/clusters)
// and each cell is drawn as a ring of event-type colours with its count.
// Clicking a cell zooms in on it.

import { donutIcon } from './clustericon.js';
import { isAbort } from './api.js';

// createAggregates returns fetch(params, zoom), which asks for the counts
// (null when the request fails or is replaced), draw(answer) and clear();
// onError gets failed requests.
export function createAggregates({ map, api, onError }) {
  const layer = L.layerGroup();

  async function fetch(params, zoom) {
    try {
      return await api.get('/api/clusters', { ...params, zoom }, 'clusters');
    } catch (err) {
      if (!isAbort(err)) onError(err);
      return null;
    }
  }

  function draw(found) {
    if (!found) return;
    layer.clearLayers();
    for (const cell of found.clusters || []) {
      if (!Number.isFinite(cell.lat) || !Number.isFinite(cell.lon) || !(cell.count > 0)) continue;
      const icon = donutIcon(new Map(Object.entries(cell.by_type || {})), cell.count, 'aggregate');
      const marker = L.marker([cell.lat, cell.lon], { icon, keyboard: true, title: `${cell.count} incidents: zoom in` });
      marker.on('click', () => map.setView(marker.getLatLng(), Math.min(map.getMaxZoom(), map.getZoom() + 2)));
      layer.addLayer(marker);
    }
    if (!map.hasLayer(layer)) layer.addTo(map);
  }

  function clear() {
    layer.clearLayers();
    if (map.hasLayer(layer)) map.removeLayer(layer);
  }

  return { layer, fetch, draw, clear };
}
