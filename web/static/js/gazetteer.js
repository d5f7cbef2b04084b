// The place search box: autocomplete from the gazetteer (ARIA combobox,
// arrows, Enter and Escape) that flies the map to the chosen place.

import { el, debounce, countryName } from './dom.js';
import { isAbort } from './api.js';

const ZOOM_BY_CODE = { PCLI: 6, PCLD: 6, PCLS: 6, ADM1: 8, ADM2: 9, PPLC: 11, PPLA: 11 };

// createPlaceSearch wires the input and its listbox.
export function createPlaceSearch({ input, listbox, map, api, onError }) {
  let results = [];
  let active = -1;

  function close() {
    results = [];
    active = -1;
    listbox.replaceChildren();
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function render() {
    listbox.replaceChildren(...results.map((place, i) => el('li', {
      id: `place-option-${i}`,
      role: 'option',
      class: 'place-option',
      'aria-selected': i === active ? 'true' : 'false',
      onmousedown: (event) => { event.preventDefault(); choose(i); },
    }, [
      el('span', { class: 'option-name', text: place.name }),
      el('span', { class: 'option-where', text: [place.admin1_name, countryName(place.country)].filter(Boolean).join(', ') }),
    ])));
    listbox.hidden = results.length === 0;
    input.setAttribute('aria-expanded', results.length ? 'true' : 'false');
    if (active >= 0) input.setAttribute('aria-activedescendant', `place-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function choose(i) {
    const place = results[i];
    if (!place) return;
    input.value = place.name;
    close();
    const zoom = ZOOM_BY_CODE[place.feature_code] || 11;
    map.flyTo([place.lat, place.lon], zoom, { duration: 0.8 });
  }

  const lookup = debounce(async () => {
    const q = input.value.trim();
    if (q.length < 2) { close(); return; }
    try {
      const found = await api.get('/api/gazetteer', { q, limit: 10 }, 'gazetteer');
      if (input.value.trim() !== q) return;
      results = Array.isArray(found) ? found.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon)) : [];
      active = results.length ? 0 : -1;
      render();
    } catch (err) {
      if (!isAbort(err)) onError(err);
    }
  }, 200);

  input.addEventListener('input', lookup);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!results.length) return;
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + delta + results.length) % results.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0) choose(active);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  close();
}
