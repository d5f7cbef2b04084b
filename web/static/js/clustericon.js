// Cluster icons that say what they hold: a ring split in the legend's
// colours by the event types of the incidents inside, sized by how many
// there are, with the count in the middle.

import { svg } from './dom.js';
import { EVENT_TYPES, typeInfo } from './eventtypes.js';

// clusterIcon is markercluster's iconCreateFunction.
export function clusterIcon(cluster) {
  const byType = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    const type = marker.feature?.properties?.event_type || '';
    byType.set(type, (byType.get(type) || 0) + 1);
  }
  return donutIcon(byType, cluster.getChildCount());
}

// donutIcon draws n incidents split by event type (a Map of type to
// count) as a ring with the count in the middle.
export function donutIcon(byType, n, extraClass = '') {
  const size = Math.round(Math.min(64, 28 + 9 * Math.log10(Math.max(1, n))));
  const r = size / 2 - 4;
  const c = size / 2;
  const ring = [];
  let start = -Math.PI / 2;
  const order = [...EVENT_TYPES.map((t) => t.name), ...[...byType.keys()].filter((k) => !EVENT_TYPES.some((t) => t.name === k))];
  const parts = [];
  for (const type of order) {
    const count = byType.get(type);
    if (!count) continue;
    parts.push(`${count} ${type || 'other'}`);
    const slug = typeInfo(type).slug;
    if (count === n) {
      ring.push(svg('circle', { class: `seg ev-${slug}`, cx: c, cy: c, r }));
      break;
    }
    const end = start + (2 * Math.PI * count) / n;
    ring.push(svg('path', { class: `seg ev-${slug}`, d: arc(c, r, start, end) }));
    start = end;
  }
  const icon = svg('svg', {
    class: 'cluster-donut', width: size, height: size, viewBox: `0 0 ${size} ${size}`,
    role: 'img', 'aria-label': `${n} incidents: ${parts.join(', ')}`,
  }, [
    svg('circle', { class: 'hole', cx: c, cy: c, r: r - 3 }),
    ...ring,
    svg('text', { x: c, y: c, 'text-anchor': 'middle', 'dominant-baseline': 'central', text: String(n) }),
  ]);
  return L.divIcon({ html: icon, className: `marker-cluster cluster-icon ${extraClass}`.trim(), iconSize: L.point(size, size) });
}

// arc is an SVG path along a circle of radius r around (c, c) from angle
// a to angle b (radians, clockwise from the x axis).
function arc(c, r, a, b) {
  const x0 = c + r * Math.cos(a);
  const y0 = c + r * Math.sin(a);
  const x1 = c + r * Math.cos(b);
  const y1 = c + r * Math.sin(b);
  const large = b - a > Math.PI ? 1 : 0;
  return `M${x0.toFixed(2)} ${y0.toFixed(2)}A${r} ${r} 0 ${large} 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}
