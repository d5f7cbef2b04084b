// The incidents layer: clustered markers shaped and coloured by event type,
// loaded for the visible bbox and filters. Updates are diffed by incident
// id so markers (and an open popup) survive a reload of the same view.

import { symbol } from './eventtypes.js';
import { buildPopup } from './popup.js';
import { isAbort } from './api.js';
import { clusterIcon } from './clustericon.js';
import { createAggregates } from './aggregates.js';

const ITEMS_LIMIT = 2000;
// Up to this zoom the per-cell counts are asked for together with the page.
const EAGER_COUNTS_MAX_ZOOM = 7;

// createIncidentLayer returns the layer and functions to load, highlight
// and focus incidents. onLoad receives the FeatureCollection shown.
export function createIncidentLayer({ map, api, onLoad, onError }) {
  const cluster = L.markerClusterGroup({
    chunkedLoading: true,
    maxClusterRadius: 40,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: clusterIcon,
  });
  const markers = new Map();
  // The id the list points at; re-applied when markercluster redraws an icon.
  let highlighted = null;
  // The id whose popup focus() will open once its marker is shown; a drag
  // of the map gives up on it.
  let pendingFocus = null;
  map.on('dragstart', () => { pendingFocus = null; });

  function makeMarker(feature) {
    const p = feature.properties || {};
    const [lon, lat] = feature.geometry.coordinates;
    const imprecise = p.geo_precision === 3;
    const icon = L.divIcon({
      html: symbol(p.event_type, { hollow: imprecise }),
      className: `incident-marker${imprecise ? ' imprecise' : ''}`,
      iconSize: [20, 20],
      iconAnchor: [10, 10],
      popupAnchor: [0, -8],
    });
    const marker = L.marker([lat, lon], {
      icon,
      keyboard: true,
      title: `${p.event_type || 'Incident'}, ${p.location || ''}, ${p.event_date || ''}`,
      alt: `${p.event_type || 'Incident'} at ${p.location || 'unknown place'}`,
    });
    marker.feature = feature;
    marker.bindPopup(() => buildPopup(marker.feature), { maxWidth: 320, minWidth: 220 });
    marker.on('add', () => {
      const node = marker.getElement();
      if (!node) return;
      node.dataset.id = idOf(feature);
      node.classList.toggle('highlight', node.dataset.id === highlighted);
    });
    return marker;
  }

  function idOf(feature) {
    return String(feature.properties?.id ?? feature.id);
  }

  // show replaces the shown incidents by features, keeping unchanged markers.
  function show(features) {
    const wanted = new Map(features.filter(hasPoint).map((f) => [idOf(f), f]));
    const stale = [];
    for (const [id, marker] of markers) {
      if (!wanted.has(id)) { stale.push(marker); markers.delete(id); }
    }
    cluster.removeLayers(stale);
    const fresh = [];
    for (const [id, feature] of wanted) {
      const existing = markers.get(id);
      if (existing) { existing.feature = feature; continue; }
      const marker = makeMarker(feature);
      markers.set(id, marker);
      fresh.push(marker);
    }
    cluster.addLayers(fresh);
  }

  // add puts extra features (e.g. just ingested) on the map.
  function add(features) {
    const fresh = [];
    for (const feature of features.filter(hasPoint)) {
      const id = idOf(feature);
      if (markers.has(id)) continue;
      const marker = makeMarker(feature);
      markers.set(id, marker);
      fresh.push(marker);
    }
    cluster.addLayers(fresh);
  }

  // A view holding more incidents than one page is drawn from the
  // server's per-cell counts, so the numbers on the map are the true
  // totals; the list still shows the newest page. listed keeps that page's
  // features so a list click can fly to one.
  const aggregates = createAggregates({ map, api, onError });
  let listed = new Map();
  cluster.on('remove', () => aggregates.clear());

  async function load(params) {
    // At country zoom a full store overflows a page: ask for the counts at
    // once, beside the page, and use them only if it does overflow.
    const zoom = Math.round(map.getZoom());
    const counts = zoom <= EAGER_COUNTS_MAX_ZOOM ? aggregates.fetch(params, zoom) : null;
    try {
      const fc = await api.get('/collections/incidents/items', { ...params, limit: ITEMS_LIMIT }, 'incidents');
      const features = Array.isArray(fc?.features) ? fc.features : [];
      listed = new Map(features.filter(hasPoint).map((f) => [idOf(f), f]));
      if (Number(fc?.numberMatched) > features.length) {
        show([]);
        aggregates.draw(await (counts || aggregates.fetch(params, zoom)));
      } else {
        aggregates.clear();
        show(features);
      }
      onLoad({ ...fc, features });
      if (pendingFocus) openPending();
    } catch (err) {
      if (!isAbort(err)) onError(err);
    }
  }

  function clear() {
    aggregates.clear();
    show([]);
    onLoad({ type: 'FeatureCollection', features: [], numberMatched: 0, numberReturned: 0 });
  }

  // highlight marks the marker of an incident, or the cluster holding it.
  function highlight(id, on) {
    if (on) highlighted = String(id);
    else if (highlighted === String(id)) highlighted = null;
    const marker = markers.get(String(id));
    if (!marker || !map.hasLayer(cluster)) return;
    const shown = cluster.getVisibleParent(marker);
    const node = shown && shown.getElement && shown.getElement();
    if (node) node.classList.toggle('highlight', on);
  }

  // focus flies to an incident and opens its popup; false when the
  // incident is not on the map. A reload during the flight may replace or
  // drop the marker, so the popup opens on the marker shown when the map
  // settles, or after the next load brings it back.
  function openPending() {
    const marker = pendingFocus && markers.get(pendingFocus);
    if (!marker || !cluster.hasLayer(marker)) return false;
    pendingFocus = null;
    cluster.zoomToShowLayer(marker, () => marker.openPopup());
    return true;
  }

  // feature, when given, is where to go if the incident is not drawn now
  // (a reload of another view dropped it).
  function focus(id, feature) {
    const marker = markers.get(String(id));
    if (!marker) {
      // Not drawn here, or drawn as a count only: fly there (in until the
      // incidents fit one page) and open it once the load draws it.
      const known = listed.get(String(id)) || (hasPoint(feature) ? feature : null);
      if (!known) return false;
      pendingFocus = String(id);
      const [lon, lat] = known.geometry.coordinates;
      const target = listed.has(String(id)) ? Math.max(map.getZoom() + 3, 11) : Math.max(map.getZoom(), 9);
      map.flyTo([lat, lon], target, { duration: 0.6 });
      return true;
    }
    if (!map.hasLayer(cluster)) map.addLayer(cluster);
    pendingFocus = String(id);
    const target = Math.max(map.getZoom(), 9);
    if (map.getZoom() >= target && map.getBounds().contains(marker.getLatLng())) {
      openPending();
      return true;
    }
    map.once('moveend', openPending);
    map.flyTo(marker.getLatLng(), target, { duration: 0.6 });
    return true;
  }

  return { layer: cluster, load, clear, add, highlight, focus };
}

function hasPoint(feature) {
  const c = feature && feature.geometry && feature.geometry.coordinates;
  return Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]);
}
