// A hint over the map while the store holds no incident at all, saying how
// to add the first article; it goes away once there is something to show.

import { el } from './dom.js';
import { isAbort } from './api.js';

// createEmptyHint puts the hint in container; check() asks the server
// whether the store is empty and shows or hides it. openIngest opens the
// article dialog.
export function createEmptyHint({ container, api, openIngest }) {
  const box = el('section', { class: 'empty-hint', role: 'note', 'aria-labelledby': 'empty-hint-title', hidden: true }, [
    el('h2', { id: 'empty-hint-title', text: 'No incidents yet' }),
    el('p', { text: 'Paste a news report and the map shows the incidents it describes, placed with the bundled gazetteer.' }),
    el('button', { type: 'button', class: 'primary', text: 'Add an article', onclick: () => openIngest() }),
    el('p', { class: 'hint' }, [
      'Or load files from a terminal: ',
      el('code', { text: 'incidentmap ingest reports/' }),
      ' (text, JSON or JSON Lines).',
    ]),
  ]);
  container.append(box);

  async function check() {
    try {
      // The collection's extent is computed from the data: an empty store
      // has no first date. (Asking the items endpoint would cost a query
      // the map's first view does not need.)
      const coll = await api.get('/collections/incidents', {}, 'empty-check');
      const interval = coll && coll.extent && coll.extent.temporal && coll.extent.temporal.interval;
      box.hidden = Boolean(interval && interval[0] && interval[0][0]);
    } catch (err) {
      if (!isAbort(err)) box.hidden = true;
    }
  }
  check();
  return { check };
}
