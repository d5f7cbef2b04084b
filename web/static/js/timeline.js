// The timeline: a histogram of incidents per day (SVG built via DOM) that
// doubles as a range slider. Dragging across it selects a date range;
// a click selects one day; a double click clears the range.

import { svg } from './dom.js';

const WIDTH = 300;
const HEIGHT = 60;
const DAY_MS = 86400000;

// createTimeline draws into container and calls onSelect(from, to) with
// YYYY-MM-DD strings ('' for an open end).
export function createTimeline({ container, onSelect }) {
  const bars = svg('g', { class: 'bars' });
  const selection = svg('rect', { class: 'selection', x: 0, y: 0, width: 0, height: HEIGHT });
  const axis = svg('g', { class: 'axis' });
  const root = svg('svg', {
    class: 'timeline',
    viewBox: `0 0 ${WIDTH} ${HEIGHT + 12}`,
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': 'Incidents per day; drag to choose a date range',
  }, [bars, selection, axis]);
  container.replaceChildren(root);

  let days = []; // ISO dates, one per column
  let range = { from: '', to: '' };
  let dragStart = -1;

  function render(buckets, current) {
    range = current;
    days = daySpan(buckets, current);
    const counts = new Map(buckets.map((b) => [b.date, b.count]));
    const max = Math.max(1, ...days.map((d) => counts.get(d) || 0));
    const step = WIDTH / Math.max(1, days.length);
    bars.replaceChildren(...days.map((d, i) => {
      const h = ((counts.get(d) || 0) / max) * (HEIGHT - 2);
      return svg('rect', { x: i * step, y: HEIGHT - h, width: Math.max(step - 0.5, 0.5), height: h }, [
        svg('title', { text: `${d}: ${counts.get(d) || 0}` }),
      ]);
    }));
    axis.replaceChildren(...(days.length ? [
      svg('text', { x: 0, y: HEIGHT + 10, 'text-anchor': 'start', text: days[0] }),
      svg('text', { x: WIDTH, y: HEIGHT + 10, 'text-anchor': 'end', text: days[days.length - 1] }),
    ] : []));
    drawSelection(indexOf(range.from, 0), indexOf(range.to, days.length - 1), Boolean(range.from || range.to));
  }

  function indexOf(date, fallback) {
    if (!date) return fallback;
    const i = days.indexOf(date);
    if (i >= 0) return i;
    return date < days[0] ? 0 : days.length - 1;
  }

  function drawSelection(a, b, visible) {
    const step = WIDTH / Math.max(1, days.length);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    selection.setAttribute('x', String(lo * step));
    selection.setAttribute('width', visible ? String((hi - lo + 1) * step) : '0');
  }

  function columnAt(event) {
    const box = root.getBoundingClientRect();
    const frac = (event.clientX - box.left) / Math.max(1, box.width);
    return Math.max(0, Math.min(days.length - 1, Math.floor(frac * days.length)));
  }

  root.addEventListener('pointerdown', (event) => {
    if (!days.length || event.button !== 0) return;
    dragStart = columnAt(event);
    root.setPointerCapture(event.pointerId);
    drawSelection(dragStart, dragStart, true);
  });
  root.addEventListener('pointermove', (event) => {
    if (dragStart >= 0) drawSelection(dragStart, columnAt(event), true);
  });
  root.addEventListener('pointerup', (event) => {
    if (dragStart < 0) return;
    const end = columnAt(event);
    const lo = Math.min(dragStart, end);
    const hi = Math.max(dragStart, end);
    dragStart = -1;
    onSelect(days[lo], days[hi]);
  });
  root.addEventListener('pointercancel', () => { dragStart = -1; });
  root.addEventListener('dblclick', () => onSelect('', ''));

  return { render };
}

// daySpan lists every day from the earliest to the latest bucket or
// selected date, so that empty days show as gaps.
function daySpan(buckets, current) {
  const dates = buckets.map((b) => b.date).concat([current.from, current.to]).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d || ''));
  if (!dates.length) return [];
  dates.sort();
  const start = Date.parse(`${dates[0]}T00:00:00Z`);
  const end = Date.parse(`${dates[dates.length - 1]}T00:00:00Z`);
  const out = [];
  // Cap the span so a stray far date cannot create millions of columns.
  for (let t = start; t <= end && out.length < 3660; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
