// The filter form in the side panel: date range, event-type toggles,
// countries and text search. It edits the shared state and reports each
// change; the timeline sets the date range through setRange.

import { el, debounce } from './dom.js';
import { EVENT_TYPES, symbol } from './eventtypes.js';

// countryList splits the country field on commas (names may hold spaces);
// two-letter values are taken as codes and upper-cased.
export function countryList(text) {
  return String(text || '').split(',').map((c) => c.trim()).filter(Boolean)
    .map((c) => (/^[a-z]{2}$/i.test(c) ? c.toUpperCase() : c)).slice(0, 20);
}

// createFilters builds the controls inside root (a <form>) from state and
// calls onChange() after it has updated state.
export function createFilters({ root, state, onChange }) {
  // The date inputs sit in the timeline bar, outside the form.
  const from = document.getElementById('filter-from');
  const to = document.getElementById('filter-to');
  const country = root.querySelector('#filter-country');
  const q = root.querySelector('#filter-q');
  const typeBox = root.querySelector('#filter-types');
  const regionChip = root.querySelector('#filter-region');
  const regionName = regionChip.querySelector('.region-name');
  regionChip.querySelector('.region-clear').addEventListener('click', () => {
    Object.assign(state, { admin1: '', admin1Name: '' });
    sync();
    onChange();
  });

  const toggles = EVENT_TYPES.map((t) => {
    const input = el('input', { type: 'checkbox', name: 'event_type', value: t.name, id: `type-${t.slug}` });
    typeBox.append(el('label', { class: 'type-toggle', for: `type-${t.slug}` }, [input, symbol(t.name, { size: 14 }), ' ', t.name]));
    input.addEventListener('change', () => {
      const on = toggles.filter((x) => x.checked).map((x) => x.value);
      state.types = on.length === EVENT_TYPES.length ? null : on;
      onChange();
    });
    return input;
  });

  function sync() {
    from.value = state.from;
    to.value = state.to;
    country.value = state.countries.join(', ');
    q.value = state.q;
    for (const input of toggles) input.checked = !state.types || state.types.includes(input.value);
    regionChip.hidden = !state.admin1;
    regionName.textContent = state.admin1Name || state.admin1;
  }

  function onDates() {
    state.from = from.value;
    state.to = to.value;
    if (state.from && state.to && state.from > state.to) {
      [state.from, state.to] = [state.to, state.from];
      sync();
    }
    onChange();
  }
  from.addEventListener('change', onDates);
  to.addEventListener('change', onDates);

  country.addEventListener('change', () => {
    // Names ("Ukraine") and codes ("UA") both go to the server, which says
    // what it cannot read; nothing typed is dropped silently.
    state.countries = countryList(country.value);
    country.value = state.countries.join(', ');
    onChange();
  });

  const onSearch = debounce(() => {
    if (state.q === q.value.trim()) return;
    state.q = q.value.trim();
    onChange();
  }, 350);
  q.addEventListener('input', onSearch);

  root.addEventListener('submit', (event) => event.preventDefault());
  root.addEventListener('reset', (event) => {
    event.preventDefault();
    Object.assign(state, { from: '', to: '', types: null, countries: [], q: '', admin1: '', admin1Name: '' });
    sync();
    onChange();
  });

  sync();
  return {
    sync,
    setRange(start, end) {
      state.from = start || '';
      state.to = end || '';
      sync();
      onChange();
    },
    setRegion(id, name) {
      state.admin1 = id || '';
      state.admin1Name = id ? (name || id) : '';
      sync();
      onChange();
    },
  };
}
