// What an ingest found, listed in the article dialog: each new incident
// (type, place, precision) with a "Show on map" button, and the names the
// geoparser took for places but could not place.

import { el, countryName } from './dom.js';
import { symbol } from './eventtypes.js';

const PRECISION = {
  1: 'at the named place',
  2: 'near the place',
  3: 'region only',
};

// incidentList builds the list of incidents; onShow(feature) is called by
// each row's button.
export function incidentList(features, onShow) {
  if (!features.length) return el('p', { class: 'ingest-empty', text: 'No incidents were found in this article.' });
  return el('ol', { class: 'ingest-incidents' }, features.map((f) => {
    const p = f.properties || {};
    const where = [p.location, p.admin1_name, countryName(p.country)].filter(Boolean).join(', ');
    const precision = PRECISION[p.geo_precision] || 'precision unknown';
    return el('li', { class: 'ingest-incident', dataset: { id: String(f.id ?? p.id ?? '') } }, [
      symbol(p.event_type, { hollow: p.geo_precision === 3, size: 16 }),
      el('span', { class: 'ingest-incident-main' }, [
        el('span', { class: 'ingest-type', text: p.sub_event_type || p.event_type || 'Incident' }),
        el('span', { class: 'ingest-where', text: `${where || 'unknown place'} · ${precision}${p.event_date ? ` · ${p.event_date}` : ''}` }),
      ]),
      el('button', { type: 'button', class: 'link-button show-on-map', text: 'Show on map', onclick: () => onShow(f) }),
    ]);
  }));
}

// unresolvedList lists the names that could not be placed, with the
// larger place each is thought to lie in. A server that does not report
// them (no "unresolved" in its answer) gets a note saying so.
// onAdd(u), when given, is offered as an "Add as a place" button.
export function unresolvedList(res, onAdd) {
  if (!res || !Array.isArray(res.unresolved)) {
    return el('p', { class: 'ingest-note', text: 'This server does not report names it could not place.' });
  }
  if (!res.unresolved.length) return el('p', { class: 'ingest-note', text: 'Every place name was found in the gazetteer.' });
  const seen = new Set();
  const names = res.unresolved.filter((u) => u.text && !seen.has(u.text) && seen.add(u.text));
  return el('ul', { class: 'ingest-unresolved' }, names.map((u) => {
    const region = u.region ? [u.region.name, countryName(u.region.country)].filter(Boolean).join(', ') : '';
    return el('li', {}, [
      el('span', { class: 'unresolved-name', text: region ? `${u.text} (somewhere in ${region})` : u.text }),
      onAdd ? el('button', { type: 'button', class: 'link-button add-unresolved', text: 'Add as a place', onclick: () => onAdd(u) }) : null,
    ]);
  }));
}
