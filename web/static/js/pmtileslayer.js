// The operator's own basemap: raster tiles read from a local PMTiles
// archive by the pinned pmtiles library (HTTP range requests to this
// server; nothing comes from the internet). The library is loaded only
// when the server has a basemap, to keep the first load light.

const LIBRARY = 'vendor/pmtiles/pmtiles.js';
const MEDIA = { 2: 'image/png', 3: 'image/jpeg', 4: 'image/webp', 5: 'image/avif' };

function loadLibrary() {
  if (window.pmtiles) return Promise.resolve(window.pmtiles);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = LIBRARY;
    script.onload = () => resolve(window.pmtiles);
    script.onerror = () => reject(new Error('could not load the PMTiles library'));
    document.head.append(script);
  });
}

// createPMTilesLayer returns a Leaflet grid layer drawing the archive at
// url. Tiles become data: URLs, which the page's security policy allows.
export function createPMTilesLayer(url, { onError } = {}) {
  const archive = loadLibrary().then((lib) => new lib.PMTiles(url));
  const header = archive.then((a) => a.getHeader());
  const Layer = L.GridLayer.extend({
    createTile(coords, done) {
      const img = document.createElement('img');
      img.alt = '';
      img.className = 'pmtiles-tile';
      Promise.all([archive, header])
        .then(([a, h]) => a.getZxy(coords.z, coords.x, coords.y).then((tile) => ({ tile, h })))
        .then(({ tile, h }) => {
          if (!tile) { done(null, img); return; }
          const reader = new FileReader();
          reader.onload = () => { img.src = reader.result; };
          img.onload = () => done(null, img);
          reader.readAsDataURL(new Blob([tile.data], { type: MEDIA[h.tileType] || 'image/png' }));
        })
        .catch((err) => {
          done(err, img);
          if (onError) onError(err);
        });
      return img;
    },
  });
  const layer = new Layer({ maxZoom: 19, className: 'pmtiles-layer' });
  // Past the archive's zooms Leaflet scales its deepest tiles.
  header.then((h) => {
    layer.options.minNativeZoom = h.minZoom;
    layer.options.maxNativeZoom = h.maxZoom;
    if (layer._map) layer.redraw();
  }).catch((err) => { if (onError) onError(err); });
  return layer;
}
