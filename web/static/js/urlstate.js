// The view state (centre, zoom, filters, visible layers) kept in the URL
// fragment, so that a link reopens the same view.

import { EVENT_TYPES } from './eventtypes.js';

const DEFAULTS = {
  lat: 48.5, lon: 32, zoom: 5,
  from: '', to: '',
  types: null, // null: every event type
  countries: [],
  q: '',
  admin1: '', // "CC.CODE" of a region chosen on the map
  admin1Name: '',
  layers: ['incidents'],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// defaultState returns a fresh copy of the state shown with no URL state.
export function defaultState() {
  return structuredClone(DEFAULTS);
}

// readState parses a location hash; unknown or malformed values fall back
// to the defaults.
export function readState(hash) {
  const state = defaultState();
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const num = (name, min, max) => {
    const v = Number.parseFloat(params.get(name));
    return Number.isFinite(v) && v >= min && v <= max ? v : null;
  };
  state.lat = num('lat', -85, 85) ?? state.lat;
  state.lon = num('lon', -180, 180) ?? state.lon;
  state.zoom = num('z', 0, 19) ?? state.zoom;
  if (DATE.test(params.get('from') || '')) state.from = params.get('from');
  if (DATE.test(params.get('to') || '')) state.to = params.get('to');
  if (params.has('types')) {
    const known = new Set(EVENT_TYPES.map((t) => t.name));
    state.types = splitList(params.get('types')).filter((t) => known.has(t));
  }
  // Codes, or country names as typed (the server resolves them).
  state.countries = splitList(params.get('country')).filter((c) => c.length <= 60).slice(0, 20)
    .map((c) => (/^[a-z]{2}$/i.test(c) ? c.toUpperCase() : c));
  state.q = (params.get('q') || '').slice(0, 200);
  const region = (params.get('region') || '').toUpperCase();
  if (/^[A-Z]{2}\.[0-9A-Z]{1,20}$/.test(region)) {
    state.admin1 = region;
    state.admin1Name = (params.get('region_name') || region).slice(0, 100);
  }
  if (params.has('layers')) state.layers = splitList(params.get('layers'));
  return state;
}

// writeState replaces the current URL fragment with the state.
export function writeState(state) {
  const params = new URLSearchParams();
  params.set('z', String(Math.round(state.zoom * 100) / 100));
  params.set('lat', state.lat.toFixed(4));
  params.set('lon', state.lon.toFixed(4));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.types) params.set('types', state.types.join(','));
  if (state.countries.length) params.set('country', state.countries.join(','));
  if (state.q) params.set('q', state.q);
  if (state.admin1) {
    params.set('region', state.admin1);
    params.set('region_name', state.admin1Name || state.admin1);
  }
  params.set('layers', state.layers.join(','));
  const url = `${window.location.pathname}${window.location.search}#${params}`;
  window.history.replaceState(null, '', url);
}

// filterParams turns the state into the query parameters the items and
// timeline endpoints take; bbox is added when given.
export function filterParams(state, { bbox, withDates = true } = {}) {
  const params = {};
  if (bbox) params.bbox = bbox;
  if (withDates && (state.from || state.to)) params.datetime = `${state.from || '..'}/${state.to || '..'}`;
  if (state.types) params.event_type = state.types.join(',');
  if (state.countries.length) params.country = state.countries.join(',');
  if (state.q) params.q = state.q;
  if (state.admin1) params.admin1 = state.admin1;
  return params;
}

// bboxOf formats Leaflet bounds as w,s,e,n clamped to the valid range.
export function bboxOf(bounds) {
  let west = bounds.getWest();
  let east = bounds.getEast();
  if (east - west >= 360) { west = -180; east = 180; }
  const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
  const parts = [clamp(west, 180), clamp(bounds.getSouth(), 90), clamp(east, 180), clamp(bounds.getNorth(), 90)];
  return parts.map((v) => Number(v.toFixed(5))).join(',');
}

function splitList(value) {
  return String(value || '').split(',').map((s) => s.trim()).filter(Boolean);
}
