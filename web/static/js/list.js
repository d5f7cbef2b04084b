// The side list of incidents in view, newest first, synced with the map:
// hovering or focusing an entry highlights its marker, choosing it flies
// to it.

import { el } from './dom.js';
import { symbol } from './eventtypes.js';

const MAX_ROWS = 500;

// createIncidentList renders into container (an <ol>) and reports hover
// and selection by incident id.
export function createIncidentList({ container, summary, onHover, onSelect }) {
  function render(fc) {
    const features = [...fc.features].sort(newestFirst);
    const rows = features.slice(0, MAX_ROWS).map(row);
    container.replaceChildren(...rows);
    const matched = Number.isFinite(fc.numberMatched) ? fc.numberMatched : features.length;
    let text = `${features.length} incident${features.length === 1 ? '' : 's'} in view`;
    if (matched > features.length) text = `${features.length} of ${matched} incidents in view (newest shown; zoom in or filter to see more)`;
    if (features.length > MAX_ROWS) text += `; list shows the first ${MAX_ROWS}`;
    summary.textContent = text;
  }

  function row(feature) {
    const p = feature.properties || {};
    const id = String(p.id ?? feature.id);
    const button = el('button', {
      type: 'button',
      class: 'incident-row',
      dataset: { id },
      onclick: () => onSelect(id),
      onmouseenter: () => onHover(id, true),
      onmouseleave: () => onHover(id, false),
      onfocus: () => onHover(id, true),
      onblur: () => onHover(id, false),
    }, [
      symbol(p.event_type, { hollow: p.geo_precision === 3, size: 14 }),
      el('span', { class: 'row-main' }, [
        el('span', { class: 'row-type', text: p.sub_event_type || p.event_type || 'Incident' }),
        el('span', { class: 'row-place', text: [p.location, p.country].filter(Boolean).join(', ') }),
      ]),
      el('time', { class: 'row-date', datetime: p.event_date || '', text: p.event_date || '' }),
    ]);
    return el('li', {}, [button]);
  }

  return { render };
}

function newestFirst(a, b) {
  const da = a.properties?.event_date || '';
  const db = b.properties?.event_date || '';
  if (da !== db) return da < db ? 1 : -1;
  return (b.properties?.id ?? 0) - (a.properties?.id ?? 0);
}
