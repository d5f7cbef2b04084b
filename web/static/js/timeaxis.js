// Dates for the timeline: the span of days to draw (with outlying dates
// clipped so a stray old report cannot squash the rest) and the axis ticks.

const DAY_MS = 86400000;
// Spans up to this many days are drawn whole.
const WHOLE_SPAN_DAYS = 60;
// Up to this share of incidents may be left outside a clipped span at
// each end, and only when a gap of GAP_DAYS or more sets them apart.
const TAIL = 0.1;
const GAP_DAYS = 14;
const MAX_DAYS = 3660;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const isDate = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d || '');
const toTime = (d) => Date.parse(`${d}T00:00:00Z`);
const toDate = (t) => new Date(t).toISOString().slice(0, 10);

// addDays shifts a YYYY-MM-DD date by n days.
export function addDays(date, n) {
  return toDate(toTime(date) + n * DAY_MS);
}

// daysBetween counts the days from a to b (b - a).
export function daysBetween(a, b) {
  return Math.round((toTime(b) - toTime(a)) / DAY_MS);
}

// focusSpan returns {first, last, earlier, later}: the days to draw, and
// how many incidents fall before and after them. Unless all is set, a long
// span drops stray dates at either end (a few incidents, set apart by a
// gap of two weeks or more); the selected range (from, to) stays inside.
export function focusSpan(buckets, { from = '', to = '', all = false } = {}) {
  const days = buckets.filter((b) => isDate(b.date) && b.count > 0).sort((a, b) => (a.date < b.date ? -1 : 1));
  const picked = [from, to].filter(isDate);
  if (!days.length && !picked.length) return null;
  let lo = 0;
  let hi = days.length - 1;
  if (!all && days.length > 1 && daysBetween(days[0].date, days[hi].date) > WHOLE_SPAN_DAYS) {
    const total = days.reduce((n, b) => n + b.count, 0);
    lo = trimmed(days, total);
    hi = days.length - 1 - trimmed([...days].reverse(), total);
  }
  const dates = (days.length ? [days[lo].date, days[hi].date] : []).concat(picked).sort();
  let first = dates[0];
  let last = dates[dates.length - 1];
  // One lone day would fill the whole bar; show the week around it.
  if (first === last) {
    first = addDays(first, -3);
    last = addDays(last, 3);
  }
  if (daysBetween(first, last) >= MAX_DAYS) first = addDays(last, -(MAX_DAYS - 1));
  const earlier = days.filter((b) => b.date < first).reduce((n, b) => n + b.count, 0);
  const later = days.filter((b) => b.date > last).reduce((n, b) => n + b.count, 0);
  return { first, last, earlier, later };
}

// trimmed counts the leading days to leave out: while what is left out
// stays within TAIL of the total, a day is dropped when a gap of GAP_DAYS
// or more follows it (with every day before it).
function trimmed(days, total) {
  let cut = 0;
  let seen = 0;
  for (let i = 0; i + 1 < days.length; i += 1) {
    seen += days[i].count;
    if (seen > total * TAIL) break;
    if (Math.abs(daysBetween(days[i].date, days[i + 1].date)) >= GAP_DAYS) cut = i + 1;
  }
  return cut;
}

// dayList lists every day from first to last.
export function dayList(first, last) {
  const out = [];
  for (let t = toTime(first), end = toTime(last); t <= end && out.length < MAX_DAYS; t += DAY_MS) out.push(toDate(t));
  return out;
}

// ticks picks axis labels for days drawn across width pixels: weeks for
// short spans, months for up to two years, years beyond. Each tick is
// {index, label, major}; labels closer than minGap pixels are dropped.
export function ticks(days, width, minGap = 44) {
  if (!days.length) return [];
  const step = width / days.length;
  const out = [];
  const span = days.length;
  days.forEach((d, i) => {
    const [y, m, day] = d.split('-').map(Number);
    let label = null;
    let major = false;
    if (span <= 62) {
      if (day === 1) { label = `${MONTHS[m - 1]} ${m === 1 ? y : ''}`.trim(); major = true; }
      else if (new Date(toTime(d)).getUTCDay() === 1) label = `${day} ${MONTHS[m - 1]}`;
    } else if (span <= 750) {
      if (day === 1) { label = m === 1 ? String(y) : MONTHS[m - 1]; major = m === 1; }
    } else if (day === 1 && m === 1) {
      label = String(y);
      major = true;
    }
    if (label !== null) out.push({ index: i, x: i * step, label, major });
  });
  const kept = [];
  for (const t of out) {
    const prev = kept[kept.length - 1];
    if (prev && t.x - prev.x < minGap) {
      if (t.major && !prev.major) kept[kept.length - 1] = t;
      continue;
    }
    kept.push(t);
  }
  return kept;
}
