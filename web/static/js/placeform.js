// The "add a place" form: a non-modal dialog whose point is set by
// clicking the map; it posts to the gazetteer API and shows validation
// errors next to the fields they name.

import { clearErrors, showError } from './forms.js';
import { countryName } from './dom.js';
import { isAbort } from './api.js';

// createPlaceForm wires the dialog, its opener button and the map.
export function createPlaceForm({ dialog, opener, map, api, onSaved }) {
  const form = dialog.querySelector('form');
  const status = dialog.querySelector('.form-status');
  const where = dialog.querySelector('.place-where');
  let pin = null;

  function setPoint(latlng) {
    form.elements.lat.value = latlng.lat.toFixed(5);
    form.elements.lon.value = latlng.lng.toFixed(5);
    pointChanged();
  }

  function pointChanged() {
    drawPin();
    lookUp();
  }

  // lookUp fills country and region from the point, by the nearest
  // settlement of the server's gazetteer. A save waits for the lookup in
  // flight, so a quick click on Save never sends a place without its country.
  let pending = Promise.resolve();
  function lookUp() {
    pending = lookUpNow();
    return pending;
  }

  async function lookUpNow() {
    const lat = Number.parseFloat(form.elements.lat.value);
    const lon = Number.parseFloat(form.elements.lon.value);
    form.elements.country.value = '';
    form.elements.admin1.value = '';
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      where.textContent = 'Set by clicking the map';
      return;
    }
    where.textContent = 'Looking up…';
    try {
      const found = await api.get('/api/reverse', { lat, lon }, 'reverse');
      form.elements.country.value = found.country || '';
      form.elements.admin1.value = found.admin1 || '';
      const region = [found.admin1_name, countryName(found.country)].filter(Boolean).join(', ');
      where.textContent = found.nearest ? `${region} (near ${found.nearest})` : region;
    } catch (err) {
      if (isAbort(err)) return;
      where.textContent = err && err.status === 404 ? 'No country found here: click on land' : 'Could not look up the country';
    }
  }

  function drawPin() {
    const lat = Number.parseFloat(form.elements.lat.value);
    const lon = Number.parseFloat(form.elements.lon.value);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90) return;
    if (!pin) pin = L.circleMarker([lat, lon], { radius: 8, className: 'new-place-pin' }).addTo(map);
    else pin.setLatLng([lat, lon]);
  }

  function open() {
    dialog.show();
    opener.setAttribute('aria-expanded', 'true');
    map.getContainer().classList.add('picking');
    form.elements.name.focus();
  }

  function close() {
    dialog.close();
    opener.setAttribute('aria-expanded', 'false');
    map.getContainer().classList.remove('picking');
    if (pin) { pin.remove(); pin = null; }
    opener.focus();
  }

  // openFor starts an entry for a name the geoparser could not place: the
  // name filled in, the map on the region it is thought to lie in.
  function openFor(name, region) {
    if (!dialog.open) open();
    form.elements.name.value = name || '';
    if (region && Number.isFinite(region.lat) && Number.isFinite(region.lon)) {
      map.setView([region.lat, region.lon], Math.max(map.getZoom(), 8));
    }
    status.textContent = 'Click the map where the place is.';
  }

  opener.addEventListener('click', () => (dialog.open ? close() : open()));
  dialog.querySelector('.close').addEventListener('click', close);
  dialog.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
  map.on('click', (event) => { if (dialog.open) setPoint(event.latlng); });
  form.elements.lat.addEventListener('change', pointChanged);
  form.elements.lon.addEventListener('change', pointChanged);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await pending;
    clearErrors(form);
    status.textContent = '';
    const body = readPlace(form);
    if (body.error) { showError(form, { description: body.error }); return; }
    try {
      const place = await api.post('/api/gazetteer', body.place);
      status.textContent = `Saved ${place && place.name ? place.name : body.place.name}.`;
      form.reset();
      where.textContent = 'Set by clicking the map';
      if (pin) { pin.remove(); pin = null; }
      onSaved(place);
    } catch (err) {
      showError(form, err);
    }
  });
  return { openFor };
}

// readPlace turns the form into the API body; numbers that do not parse
// are reported per field before anything is sent.
function readPlace(form) {
  const f = form.elements;
  const number = (name) => {
    const raw = f[name].value.trim();
    if (raw === '') return { value: null };
    const value = Number(raw);
    return Number.isFinite(value) ? { value } : { error: `${name}: must be a number` };
  };
  const lat = number('lat');
  const lon = number('lon');
  const population = number('population');
  const bad = [lat, lon, population].find((n) => n.error);
  if (bad) return { error: bad.error };
  return {
    place: {
      name: f.name.value.trim(),
      alternate_names: f.alternate_names.value.split(',').map((s) => s.trim()).filter(Boolean),
      lat: lat.value,
      lon: lon.value,
      country: f.country.value.trim().toUpperCase(),
      admin1: f.admin1.value.trim(),
      feature_code: f.feature_code.value,
      population: population.value ?? 0,
    },
  };
}
