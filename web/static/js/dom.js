// Small DOM helpers. Every piece of data reaches the page through
// textContent or Text nodes, never through HTML parsing.

const SVG_NS = 'http://www.w3.org/2000/svg';

// el creates an element. opts: text, class, dataset, on<event> handlers and
// plain attributes; children may be nodes or strings (appended as text).
export function el(tag, opts = {}, children = []) {
  return fill(document.createElement(tag), opts, children);
}

// svg creates an SVG element with the same options as el.
export function svg(tag, opts = {}, children = []) {
  return fill(document.createElementNS(SVG_NS, tag), opts, children);
}

function fill(node, opts, children) {
  for (const [key, value] of Object.entries(opts)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'class') node.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of [].concat(children)) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

// safeHref returns url when it is an absolute http(s) URL, else null, so a
// source link can never carry a javascript: or data: URL.
export function safeHref(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// debounce delays fn until calls stop for ms milliseconds.
export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// countryName turns an ISO 3166-1 alpha-2 code into an English name.
export function countryName(code) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) || code;
  } catch {
    return code;
  }
}
