// The timeline along the bottom of the map: a histogram of incidents per
// day (SVG built via DOM) with a readable axis, a brush whose two handles
// drag the ends of the date range, and a play button that steps the range
// through time. Dragging across empty bars selects a new range; a double
// click clears it.

import { svg, el } from './dom.js';
import { focusSpan, dayList, ticks, addDays, daysBetween } from './timeaxis.js';

const HEIGHT = 56; // bars
const AXIS = 16;
const HANDLE_GRAB = 8; // pixels either side of a handle that grab it
const PLAY_MS = 900;

// createTimeline draws into container and calls onSelect(from, to) with
// YYYY-MM-DD strings ('' for an open end). playButton and notes (an
// element for "N earlier / N later" hints) are optional.
export function createTimeline({ container, playButton, notes, onSelect }) {
  const bars = svg('g', { class: 'bars' });
  const grid = svg('g', { class: 'grid' });
  const selection = svg('rect', { class: 'selection', x: 0, y: 0, width: 0, height: HEIGHT });
  const handles = ['from', 'to'].map((end) => svg('g', { class: `handle handle-${end}`, 'aria-hidden': 'true' }, [
    svg('rect', { class: 'handle-bar', x: -4, y: 8, width: 8, height: HEIGHT - 16, rx: 3 }),
    svg('line', { x1: -1.5, x2: -1.5, y1: HEIGHT / 2 - 6, y2: HEIGHT / 2 + 6 }),
    svg('line', { x1: 1.5, x2: 1.5, y1: HEIGHT / 2 - 6, y2: HEIGHT / 2 + 6 }),
  ]));
  const axis = svg('g', { class: 'axis' });
  const root = svg('svg', {
    class: 'timeline',
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-label': 'Incidents per day; drag to choose a date range, drag the handles to change it',
  }, [grid, bars, selection, ...handles, axis]);
  container.replaceChildren(root);

  let days = [];
  let buckets = [];
  let range = { from: '', to: '' };
  let showAll = false;
  let drag = null; // {mode: 'new'|'from'|'to', anchor}
  let width = 300;

  function render(newBuckets, current) {
    buckets = newBuckets;
    range = { from: current.from || '', to: current.to || '' };
    width = Math.max(120, Math.round(container.clientWidth || 300));
    root.setAttribute('viewBox', `0 0 ${width} ${HEIGHT + AXIS}`);
    const span = focusSpan(buckets, { ...range, all: showAll });
    days = span ? dayList(span.first, span.last) : [];
    const counts = new Map(buckets.map((b) => [b.date, b.count]));
    const max = Math.max(1, ...days.map((d) => counts.get(d) || 0));
    const step = width / Math.max(1, days.length);
    bars.replaceChildren(...days.map((d, i) => {
      const h = ((counts.get(d) || 0) / max) * (HEIGHT - 4);
      return svg('rect', { x: i * step, y: HEIGHT - h, width: Math.max(step - 0.5, 0.5), height: h }, [
        svg('title', { text: `${d}: ${counts.get(d) || 0}` }),
      ]);
    }));
    const marks = ticks(days, width);
    grid.replaceChildren(...marks.map((t) => svg('line', { class: t.major ? 'major' : '', x1: t.x, x2: t.x, y1: 0, y2: HEIGHT })));
    axis.replaceChildren(...marks.map((t) => svg('text', { x: t.x + 2, y: HEIGHT + 12, class: t.major ? 'major' : '', text: t.label })));
    drawNotes(span);
    drawSelection(indexOf(range.from, 0), indexOf(range.to, days.length - 1), Boolean(range.from || range.to));
  }

  function drawNotes(span) {
    if (!notes) return;
    const parts = [];
    if (span && (span.earlier || span.later || showAll)) {
      if (span.earlier) parts.push(el('span', { text: `${span.earlier} earlier ` }));
      if (span.later) parts.push(el('span', { text: `${span.later} later ` }));
      parts.push(el('button', {
        type: 'button', class: 'link-button', text: showAll ? 'Focus on the busy dates' : 'Show all dates',
        onclick: () => { showAll = !showAll; render(buckets, range); },
      }));
    }
    notes.replaceChildren(...parts);
  }

  function indexOf(date, fallback) {
    if (!date || !days.length) return fallback;
    const i = days.indexOf(date);
    if (i >= 0) return i;
    return date < days[0] ? 0 : days.length - 1;
  }

  function drawSelection(a, b, visible) {
    const step = width / Math.max(1, days.length);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    selection.setAttribute('x', String(lo * step));
    selection.setAttribute('width', visible ? String((hi - lo + 1) * step) : '0');
    handles[0].setAttribute('transform', `translate(${lo * step},0)`);
    handles[1].setAttribute('transform', `translate(${(hi + 1) * step},0)`);
    for (const h of handles) h.classList.toggle('shown', visible);
  }

  function columnAt(event) {
    const box = root.getBoundingClientRect();
    const frac = (event.clientX - box.left) / Math.max(1, box.width);
    return Math.max(0, Math.min(days.length - 1, Math.floor(frac * days.length)));
  }

  // handleAt says which shown handle is under the pointer, if any.
  function handleAt(event) {
    if (!(range.from || range.to)) return null;
    const box = root.getBoundingClientRect();
    const scale = box.width / width;
    const step = width / Math.max(1, days.length);
    const x = (event.clientX - box.left) / scale;
    const fromX = indexOf(range.from, 0) * step;
    const toX = (indexOf(range.to, days.length - 1) + 1) * step;
    if (Math.abs(x - fromX) <= HANDLE_GRAB) return 'from';
    if (Math.abs(x - toX) <= HANDLE_GRAB) return 'to';
    return null;
  }

  root.addEventListener('pointerdown', (event) => {
    if (!days.length || event.button !== 0) return;
    stop();
    const end = handleAt(event);
    const col = columnAt(event);
    if (end === 'from') drag = { mode: 'from', anchor: indexOf(range.to, days.length - 1) };
    else if (end === 'to') drag = { mode: 'to', anchor: indexOf(range.from, 0) };
    else drag = { mode: 'new', anchor: col };
    root.setPointerCapture(event.pointerId);
    drawSelection(drag.anchor, col, true);
  });
  root.addEventListener('pointermove', (event) => {
    if (drag) drawSelection(drag.anchor, columnAt(event), true);
    else root.classList.toggle('over-handle', Boolean(handleAt(event)));
  });
  root.addEventListener('pointerup', (event) => {
    if (!drag) return;
    const end = columnAt(event);
    const lo = Math.min(drag.anchor, end);
    const hi = Math.max(drag.anchor, end);
    drag = null;
    onSelect(days[lo], days[hi]);
  });
  root.addEventListener('pointercancel', () => { drag = null; });
  root.addEventListener('dblclick', () => { stop(); onSelect('', ''); });

  // Play steps a window (the selected range, or a week) through the days
  // shown, one step every PLAY_MS, and stops at the end.
  let timer = 0;
  function stop() {
    if (!timer) return;
    clearInterval(timer);
    timer = 0;
    if (playButton) {
      playButton.setAttribute('aria-pressed', 'false');
      playButton.textContent = '▶';
      playButton.setAttribute('aria-label', 'Play through time');
    }
  }
  function play() {
    if (!days.length) return;
    const first = days[0];
    const last = days[days.length - 1];
    const chosen = range.from && range.to ? daysBetween(range.from, range.to) + 1 : 0;
    const size = chosen > 0 && chosen < days.length ? chosen : Math.max(1, Math.min(30, Math.round(days.length / 12)));
    let from = range.from && range.to && chosen < days.length && range.to < last ? addDays(range.from, size) : first;
    const tick = () => {
      if (from > last) { stop(); return; }
      const to = addDays(from, size - 1);
      onSelect(from, to > last ? last : to);
      from = addDays(from, size);
    };
    playButton.setAttribute('aria-pressed', 'true');
    playButton.textContent = '❚❚';
    playButton.setAttribute('aria-label', 'Pause');
    tick();
    timer = setInterval(tick, PLAY_MS);
  }
  if (playButton) playButton.addEventListener('click', () => (timer ? stop() : play()));

  if (window.ResizeObserver) {
    let lastWidth = 0;
    new ResizeObserver(() => {
      const w = Math.round(container.clientWidth);
      if (w && w !== lastWidth) {
        lastWidth = w;
        if (buckets.length) render(buckets, range);
      }
    }).observe(container);
  }

  return { render, stop, playing: () => Boolean(timer) };
}
