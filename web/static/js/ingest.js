// Ingest in the page: paste an article, post it, then show its text with
// the extracted places marked and put the new incidents on the map.

import { el, countryName } from './dom.js';
import { clearErrors, showError } from './forms.js';
import { incidentList, unresolvedList } from './ingestresult.js';

// createIngest wires the article dialog. onIncidents receives the new
// incidents' FeatureCollection; onShow(feature) shows one on the map;
// onAddPlace(unresolved) starts adding a name that could not be placed.
export function createIngest({ dialog, opener, api, onIncidents, onShow, onAddPlace }) {
  const form = dialog.querySelector('form');
  const result = dialog.querySelector('.ingest-result');

  function open() {
    dialog.show();
    opener.setAttribute('aria-expanded', 'true');
    form.elements.title.focus();
  }
  function close() {
    dialog.close();
    opener.setAttribute('aria-expanded', 'false');
    opener.focus();
  }
  opener.addEventListener('click', () => (dialog.open ? close() : open()));
  dialog.querySelector('.close').addEventListener('click', close);
  dialog.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const f = form.elements;
    const text = f.text.value;
    const body = { title: f.title.value.trim(), url: f.url.value.trim(), text };
    if (f.published.value) body.published = `${f.published.value}T00:00:00Z`;
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    try {
      const res = await api.post('/api/articles', body);
      const incidents = res && res.incidents && Array.isArray(res.incidents.features) ? res.incidents : { type: 'FeatureCollection', features: [] };
      const mentions = Array.isArray(res && res.mentions) ? res.mentions : [];
      result.replaceChildren(
        el('p', { class: 'ingest-summary', role: 'status', text: summary(res, mentions, incidents) }),
        el('h3', { text: 'Incidents found' }),
        incidentList(incidents.features, (f) => onShow && onShow(f)),
        el('h3', { text: 'Names that could not be placed' }),
        unresolvedList(res, onAddPlace),
        el('h3', { text: 'Article text with the places found' }),
        el('div', { class: 'ingest-text' }, highlightMentions(text, mentions)),
      );
      onIncidents(incidents);
    } catch (err) {
      showError(form, err);
    } finally {
      submit.disabled = false;
    }
  });
}

function summary(res, mentions, incidents) {
  const n = incidents.features.length;
  const head = res && res.duplicate ? `Already stored as article ${res.article_id}.` : `Stored as article ${res && res.article_id}.`;
  return `${head} ${mentions.length} place mention${mentions.length === 1 ? '' : 's'}, ${n} incident${n === 1 ? '' : 's'}.`;
}

// byteIndexer converts UTF-8 byte offsets into text to JavaScript string
// indices, or -1 for an offset inside a character or past the end.
export function byteIndexer(text) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  return (offset) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > bytes.length) return -1;
    if (offset < bytes.length && (bytes[offset] & 0xc0) === 0x80) return -1;
    return decoder.decode(bytes.subarray(0, offset)).length;
  };
}

// highlightMentions returns text as nodes with each mention wrapped in a
// <mark>; mentions whose offsets do not fit the text are looked up by
// their text instead, and overlapping ones are skipped.
export function highlightMentions(text, mentions) {
  const toIndex = byteIndexer(text);
  const spans = [];
  for (const m of mentions) {
    let start = toIndex(m.start);
    let end = toIndex(m.end);
    if (start < 0 || end <= start || (m.text && text.slice(start, end) !== m.text)) {
      start = m.text ? text.indexOf(m.text) : -1;
      end = start + (m.text ? m.text.length : 0);
    }
    if (start >= 0 && end > start) spans.push({ start, end, mention: m });
  }
  spans.sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    nodes.push(text.slice(at, span.start));
    nodes.push(el('mark', {
      class: `mention precision-${span.mention.precision || 0}`,
      title: describe(span.mention),
      text: text.slice(span.start, span.end),
    }));
    at = span.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

function describe(m) {
  const where = [m.name, m.admin1_name, countryName(m.country)].filter(Boolean).join(', ');
  const point = Number.isFinite(m.lat) && Number.isFinite(m.lon) ? ` (${m.lat.toFixed(3)}, ${m.lon.toFixed(3)})` : '';
  return `${where || 'unresolved'}${point}`;
}
