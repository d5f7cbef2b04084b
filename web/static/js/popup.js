// The incident popup, built from DOM nodes: type, date, place, counts,
// the quote with the place marked, and the sources as links.

import { el, safeHref, countryName } from './dom.js';
import { symbol } from './eventtypes.js';

const TIME_PRECISION = { 2: ' (within a week)', 3: ' (within a month)' };
const GEO_PRECISION = { 1: 'exact place', 2: 'near this place', 3: 'region only' };

// buildPopup returns the popup content for one incident feature.
export function buildPopup(feature) {
  const p = feature.properties || {};
  return el('article', { class: 'incident-popup' }, [
    el('h3', {}, [symbol(p.event_type, { hollow: p.geo_precision === 3, size: 16 }), ' ', p.event_type || 'Incident']),
    p.sub_event_type ? el('p', { class: 'subtype', text: p.sub_event_type }) : null,
    el('p', { class: 'when', text: `${p.event_date || 'date unknown'}${TIME_PRECISION[p.time_precision] || ''}` }),
    el('p', { class: 'where' }, [
      el('span', { class: 'place', text: placePath(p) }),
      GEO_PRECISION[p.geo_precision] ? el('span', { class: 'precision', text: ` · ${GEO_PRECISION[p.geo_precision]}` }) : null,
    ]),
    facts(p),
    p.quote ? el('blockquote', { class: 'quote' }, markPlace(p.quote, p.location)) : null,
    sources(p.sources),
  ]);
}

// placePath joins the place with its admin1 region and country.
export function placePath(p) {
  const parts = [p.location, p.admin1_name, countryName(p.country)].filter(Boolean);
  return [...new Set(parts)].join(', ');
}

// markPlace splits text at the first occurrence of name (ignoring case) and
// returns nodes with that occurrence wrapped in <mark>.
export function markPlace(text, name) {
  const at = name ? text.toLocaleLowerCase().indexOf(name.toLocaleLowerCase()) : -1;
  // Lower-casing can change lengths for a few scripts; only trust a match
  // that maps back to the same characters.
  if (at < 0 || text.slice(at, at + name.length).toLocaleLowerCase() !== name.toLocaleLowerCase()) {
    return [text];
  }
  return [text.slice(0, at), el('mark', { text: text.slice(at, at + name.length) }), text.slice(at + name.length)];
}

function facts(p) {
  const rows = [];
  if (p.count !== null && p.count !== undefined) rows.push(['Count', `${p.count}${p.count_unit ? ` ${p.count_unit}` : ''}`]);
  if (p.fatalities !== null && p.fatalities !== undefined) {
    // A side's figure is shown as its claim, not as a fact.
    rows.push(['Fatalities', p.fatalities_claimed_by ? `${p.fatalities} (claimed by ${p.fatalities_claimed_by})` : String(p.fatalities)]);
  }
  if (p.injured !== null && p.injured !== undefined) rows.push(['Injured', String(p.injured)]);
  if (p.actor1) rows.push(['Actor', p.actor1]);
  if (p.actor2) rows.push(['Other actor', p.actor2]);
  if (!rows.length) return null;
  return el('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
}

function sources(list) {
  if (!Array.isArray(list) || !list.length) return null;
  return el('ul', { class: 'sources', 'aria-label': 'Sources' }, list.map((s) => {
    const title = s.title || s.url || `Article ${s.article_id}`;
    const href = safeHref(s.url);
    const published = s.published ? String(s.published).slice(0, 10) : '';
    return el('li', {}, [
      href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: title }) : el('span', { text: title }),
      published ? el('span', { class: 'published', text: ` ${published}` }) : null,
    ]);
  }));
}
