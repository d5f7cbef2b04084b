// Places the user saved in this session, drawn at once with their name so
// the new entry is visible without reloading the labels.

import { el } from './dom.js';

// createSavedPlaces returns draw(place), which pins a saved gazetteer entry.
export function createSavedPlaces({ map }) {
  const layer = L.layerGroup().addTo(map);
  function draw(place) {
    if (!place || !Number.isFinite(place.lat) || !Number.isFinite(place.lon)) return;
    const marker = L.circleMarker([place.lat, place.lon], { radius: 6, className: 'saved-place' });
    marker.bindTooltip(el('span', { text: place.name || 'New place' }), {
      permanent: true, direction: 'right', className: 'saved-place-label',
    });
    layer.addLayer(marker);
  }
  return { layer, draw };
}
