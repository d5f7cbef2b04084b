// The ACLED event types with the colour and marker shape each is drawn
// with. Colours live in app.css (class ev-<slug>); shapes are SVG paths on
// a 20x20 grid.

import { svg } from './dom.js';

const SHAPES = {
  circle: 'M10 2.5a7.5 7.5 0 1 1 0 15a7.5 7.5 0 1 1 0-15z',
  diamond: 'M10 1.5L18.5 10L10 18.5L1.5 10z',
  triangle: 'M10 2L18.5 17.5H1.5z',
  square: 'M3 3H17V17H3z',
  star: 'M10 1.5L12.4 7.2L18.5 7.6L13.8 11.5L15.3 17.6L10 14.3L4.7 17.6L6.2 11.5L1.5 7.6L7.6 7.2z',
  hexagon: 'M5.5 2.2H14.5L19 10L14.5 17.8H5.5L1 10z',
};

// EVENT_TYPES lists the types in legend order.
export const EVENT_TYPES = [
  { name: 'Battles', slug: 'battles', shape: 'diamond' },
  { name: 'Explosions/Remote violence', slug: 'explosions', shape: 'circle' },
  { name: 'Violence against civilians', slug: 'civilians', shape: 'triangle' },
  { name: 'Protests', slug: 'protests', shape: 'square' },
  { name: 'Riots', slug: 'riots', shape: 'star' },
  { name: 'Strategic developments', slug: 'strategic', shape: 'hexagon' },
];

const UNKNOWN = { name: 'Other', slug: 'unknown', shape: 'circle' };

// typeInfo returns the drawing info for an event type name.
export function typeInfo(name) {
  return EVENT_TYPES.find((t) => t.name === name) || UNKNOWN;
}

// symbol builds the SVG marker symbol of an event type; hollow draws it as
// an outline for incidents located only to a region.
export function symbol(name, { hollow = false, size = 20 } = {}) {
  const info = typeInfo(name);
  return svg('svg', {
    class: `symbol ev-${info.slug}${hollow ? ' hollow' : ''}`,
    viewBox: '0 0 20 20',
    width: size,
    height: size,
    'aria-hidden': 'true',
    focusable: 'false',
  }, [svg('path', { class: 'shape', d: SHAPES[info.shape] })]);
}
