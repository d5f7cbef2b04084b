// The page's entry point: reads the URL state, builds the map and its
// layers, and wires the panel, filters, search, forms and reloads.

import { createApi } from './api.js';
import { debounce } from './dom.js';
import { readState, writeState, filterParams, bboxOf } from './urlstate.js';
import { createBasemap } from './basemap.js';
import { createIncidentLayer } from './incidents.js';
import { createIncidentList } from './list.js';
import { createOverlays } from './layers.js';
import { createPlaceLabels } from './labels.js';
import { createRegions } from './choropleth.js';
import { addLegend } from './legend.js';
import { createFilters } from './filters.js';
import { createTimeline } from './timeline.js';
import { createPlaceSearch } from './gazetteer.js';
import { createPlaceForm } from './placeform.js';
import { createSavedPlaces } from './savedplaces.js';
import { createEmptyHint } from './emptyhint.js';
import { createIngest } from './ingest.js';
import { setupAuth } from './auth.js';
import { setupPanel } from './panel.js';
import { createNamesPanel } from './names.js';

const $ = (id) => document.getElementById(id);
const statusLine = $('status');

function report(err) {
  statusLine.textContent = `Error: ${(err && (err.description || err.message)) || 'request failed'}`;
  statusLine.classList.add('error');
}
function note(text) {
  statusLine.textContent = text;
  statusLine.classList.remove('error');
}

const api = createApi();
const state = readState(window.location.hash);

const map = L.map('map', { center: [state.lat, state.lon], zoom: state.zoom, minZoom: 2, maxZoom: 18, worldCopyJump: true });
map.on('basemaperror', (event) => report(event.error));

const config = await api.get('/api/config').catch((err) => { report(err); return {}; }) || {};
setupAuth({ root: $('auth'), required: Boolean(config.auth_required) });
if (config.version) $('version').textContent = `incidentmap ${config.version}`;

// The debounced reload makes one request per settled view; a view asked
// for already (the map settling again after a resize) is not asked twice.
const reload = debounce(() => reloadNow(), 200);
const reloadForced = debounce(() => reloadNow({ force: true }), 200);
let lastQuery = null;

const { bases, countriesIn } = createBasemap({ map, api, config });
createPlaceLabels({ map, api });
const regions = createRegions({
  map, api, countriesIn,
  // While the add-a-place dialog picks a point, a click sets the point only.
  onSelect: ({ id, name }) => {
    if (!map.getContainer().classList.contains('picking')) filters.setRegion(id, name);
  },
  onError: report,
});
map.on('countriesready', () => regions.refresh(filterParams(state)));
const list = createIncidentList({
  container: $('incident-list'),
  summary: $('list-summary'),
  onHover: (id, on) => incidents.highlight(id, on),
  onSelect: (id) => {
    if (panel.isNarrow()) panel.close();
    incidents.focus(id);
  },
});
const incidents = createIncidentLayer({ map, api, onLoad: (fc) => list.render(fc), onError: report });
const overlays = createOverlays({
  map, api, bases,
  incidentLayer: incidents.layer,
  extra: { choropleth: { layer: regions.choropleth, label: 'Incidents per region' } },
  onToggle: () => reload(),
  onError: report,
});
overlays.show(state.layers);
addLegend(map);

const panel = setupPanel({
  panel: $('sidepanel'),
  toggle: $('panel-toggle'),
  onResize: () => setTimeout(() => map.invalidateSize(), 220),
});

let timelineKey = null;
let buckets = [];
async function refreshTimeline() {
  const params = filterParams(state, { withDates: false });
  const key = JSON.stringify(params);
  if (key !== timelineKey) {
    try {
      const found = await api.get('/api/timeline', params, 'timeline');
      buckets = Array.isArray(found) ? found : [];
      timelineKey = key;
    } catch (err) {
      if (err && err.name === 'AbortError') return;
      report(err);
    }
  }
  timeline.render(buckets, state);
}

const timeline = createTimeline({
  container: $('timeline'),
  playButton: $('timeline-play'),
  notes: $('timeline-notes'),
  onSelect: (from, to) => filters.setRange(from, to),
});
const filters = createFilters({
  root: $('filters'),
  state,
  onChange: () => {
    refreshTimeline();
    reload();
  },
});

// reloadNow saves the view in the URL and asks for what it shows, unless
// it already asked for exactly that view (force: the data changed).
function reloadNow({ force = false } = {}) {
  const centre = map.wrapLatLng(map.getCenter());
  Object.assign(state, { lat: centre.lat, lon: centre.lng, zoom: map.getZoom(), layers: overlays.visible() });
  writeState(state);
  const params = filterParams(state, { bbox: bboxOf(map.getBounds()) });
  const query = JSON.stringify([params, state.layers]);
  if (!force && query === lastQuery) return;
  lastQuery = query;
  if (state.types && state.types.length === 0) incidents.clear();
  else if (map.hasLayer(incidents.layer)) incidents.load(params);
  overlays.load(params);
  regions.refresh(params);
}
map.on('moveend', reload);

// A link pasted into the address bar of an open page changes only the hash.
window.addEventListener('hashchange', () => {
  Object.assign(state, readState(window.location.hash));
  filters.sync();
  overlays.show(state.layers);
  map.setView([state.lat, state.lon], state.zoom);
  refreshTimeline();
  reload();
});

const savedPlaces = createSavedPlaces({ map });
createPlaceSearch({ input: $('place-search'), listbox: $('place-results'), map, api, onError: report });
const names = createNamesPanel({
  list: $('names-list'), summary: $('names-summary'), map, api,
  dialog: $('place-dialog'), opener: $('place-open'), onError: report,
});
const placeForm = createPlaceForm({
  dialog: $('place-dialog'),
  opener: $('place-open'),
  map, api,
  onSaved: (place) => {
    note(`Saved place ${place && place.name ? place.name : ''}`.trim());
    savedPlaces.draw(place);
    // The server re-resolved the articles that named the place.
    names.refresh();
    timelineKey = null;
    refreshTimeline();
    reloadForced();
  },
});
createIngest({
  dialog: $('ingest-dialog'),
  opener: $('ingest-open'),
  api,
  onIncidents: (fc) => {
    incidents.add(fc.features);
    if (fc.features.length) {
      map.flyToBounds(L.geoJSON(fc).getBounds(), { maxZoom: 9, padding: [40, 40], duration: 0.8 });
    }
    timelineKey = null;
    refreshTimeline();
    reloadForced();
    names.refresh();
    emptyHint.check();
  },
  onAddPlace: (u) => {
    if ($('ingest-dialog').open) $('ingest-dialog').querySelector('.close').click();
    placeForm.openFor(u.text, u.region);
  },
  onShow: (feature) => {
    if (panel.isNarrow()) panel.close();
    incidents.focus(feature.id ?? (feature.properties && feature.properties.id), feature);
  },
});

const emptyHint = createEmptyHint({
  container: document.querySelector('.map-column'),
  api,
  openIngest: () => { if (!$('ingest-dialog').open) $('ingest-open').click(); },
});

names.refresh();
refreshTimeline();
reloadNow();
