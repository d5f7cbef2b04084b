// The collapsible side panel. On a narrow (phone) screen it starts closed
// and opens over the map.

const NARROW = '(max-width: 700px)';

// setupPanel wires the toggle button to the panel; onResize runs after the
// map area changes size.
export function setupPanel({ panel, toggle, onResize }) {
  function set(open) {
    panel.classList.toggle('collapsed', !open);
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    onResize();
  }
  set(!window.matchMedia(NARROW).matches);
  toggle.addEventListener('click', () => set(panel.classList.contains('collapsed')));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && window.matchMedia(NARROW).matches) {
      set(false);
      toggle.focus();
    }
  });
  return { close: () => set(false), isNarrow: () => window.matchMedia(NARROW).matches };
}
