// The "Names to place" panel: names the pipeline took for places but could
// not find, most often seen first. Choosing one opens the add-a-place
// form with the name filled in and the map centred on the region the name
// fell back to; saving the place re-resolves the articles that named it
// (the server does that), after which the page reloads the incidents and
// this list. Names come from news text: they reach the page as text only.

import { el } from './dom.js';

const PAGE = 50;
const REGION_ZOOM = 8;

// createNamesPanel renders into list (a <ul>) and summary, and fills the
// place form in dialog (opened with its opener button) on a choice.
export function createNamesPanel({ list, summary, map, api, dialog, opener, onError }) {
  async function refresh() {
    try {
      const page = await api.get('/api/unresolved', { limit: PAGE }, 'unresolved');
      render(page || {});
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      if (err && err.status === 404) { render({}); return; }
      onError(err);
    }
  }

  function render(page) {
    const names = Array.isArray(page.names) ? page.names : [];
    const total = Number.isFinite(page.numberMatched) ? page.numberMatched : names.length;
    list.replaceChildren(...names.map(row));
    if (total === 0) summary.textContent = 'Every name the articles mark as a place was found.';
    else if (total > names.length) summary.textContent = `${names.length} of ${total} names, most often seen first`;
    else summary.textContent = `${total} name${total === 1 ? '' : 's'} the gazetteer lacks`;
  }

  function row(item) {
    const seen = `seen ${item.count}×`;
    const where = regionText(item.region);
    const button = el('button', {
      type: 'button',
      class: 'name-to-place',
      dataset: { key: item.key || '' },
      title: 'Add this place to the gazetteer',
      onclick: () => choose(item),
    }, [
      el('span', { class: 'name-text', text: item.name }),
      el('span', { class: 'name-meta', text: where ? `${where} · ${seen}` : seen }),
    ]);
    return el('li', {}, [button]);
  }

  function choose(item) {
    if (!dialog.open) opener.click();
    const f = dialog.querySelector('form').elements;
    f.name.value = item.name;
    const r = item.region;
    if (r) {
      f.country.value = r.country || '';
      f.admin1.value = r.admin1 || '';
      if (Number.isFinite(r.lat) && Number.isFinite(r.lon)) map.setView([r.lat, r.lon], Math.max(map.getZoom(), REGION_ZOOM));
    }
    f.name.focus();
  }

  return { refresh };
}

// regionText is "Donetsk, UA" for a region reference, '' for none.
function regionText(r) {
  if (!r) return '';
  return [r.admin1_name || r.name, r.country].filter(Boolean).join(', ');
}
