// The map legend: one row per event type with its symbol, and a note on
// how region-only incidents are drawn.

import { el } from './dom.js';
import { EVENT_TYPES, symbol } from './eventtypes.js';

// addLegend puts the legend control on the map.
export function addLegend(map) {
  const Legend = L.Control.extend({
    options: { position: 'bottomright' },
    onAdd() {
      const box = el('details', { class: 'legend', open: window.innerWidth > 700 }, [
        el('summary', { text: 'Legend' }),
        el('ul', {}, [
          ...EVENT_TYPES.map((t) => el('li', {}, [symbol(t.name), ' ', t.name])),
          el('li', { class: 'legend-note' }, [symbol('Battles', { hollow: true }), ' hollow: located to a region only']),
        ]),
      ]);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    },
  });
  const legend = new Legend();
  legend.addTo(map);
  return legend;
}
